"""What a reader returns: the report, everything the reader had to decide, and where
every figure came from.

>>> note = Note("edition", "$.report.edition", "第二十条第（一）项 本年制发件数",
...             "detected the 2021 edition: table 二 has 本年制发件数")
>>> note.kind
'edition'
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs
from attrs import field, frozen

from govdisclosure.categories import Section
from govdisclosure.pickling import compact_pickle
from govdisclosure.report import AnnualReport

__all__ = ["Note", "NoteKind", "ReadResult", "SourceRef"]


class NoteKind(enum.Enum):
    """What a reader had to decide, or could not do."""

    EDITION = "edition"  # which edition the layout is, and why
    BLANK = "blank"  # cells printed empty
    LABEL = "label"  # a label repaired: a typo, width, numbering, spacing
    NUMBER = "number"  # a number taken out of a cell that held more (units, annotations)
    UNPLACED = "unplaced"  # a row, column or text the reader could not place (kept here)
    GUESSED = "guessed"  # a figure placed by order, similarity or count: check it
    MISSING = "missing"  # a section or table not found
    EXTRA = "extra"  # a row kept as an extra row, a note kept under a table
    TEXT = "text"  # prose joined or cleaned (line wraps, page numbers)
    INFERRED = "inferred"  # a fact the document does not print, inferred (organ kind)
    LAYOUT = "layout"  # anything else about the document's shape


@compact_pickle
@frozen
class SourceRef:
    """Where something was in the source: a line (text; in a PDF, the line of its
    ``page``), a table cell (HTML, DOCX: table, row and column, counted from 0 in
    document order), or a cell of a workbook's sheet (XLSX: the sheet's name and the
    cell's reference, as Excel writes them), with the file name when there is one.

    >>> str(SourceRef(line=42)), str(SourceRef(table=1, row=3, column=2))
    ('line 42', 'table 2, row 4, column 3')
    >>> str(SourceRef(line=7, page=3, file="report.pdf"))
    'report.pdf: page 3, line 7'
    >>> str(SourceRef(sheet="表三", cell="C7")), str(SourceRef(sheet="Sheet 1", file="a.xlsx"))
    ('表三!C7', "a.xlsx: 'Sheet 1'")
    """

    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    file: str | None = None
    page: int | None = None
    #: A workbook's sheet, by its name, and a cell of it ("C7"), or ``None`` for the sheet.
    sheet: str | None = None
    cell: str | None = None

    @property
    def reference(self) -> str:
        """The sheet and the cell as Excel writes a reference to them: ``表三!C7``, with
        the name quoted when it holds more than letters, digits and ``_``
        (``'Sheet 1'!C7``); the sheet alone when there is no cell; "" for no sheet."""
        if self.sheet is None:
            return ""
        name = self.sheet
        if not re.fullmatch(r"[^\W\d]\w*", name):
            name = "'" + name.replace("'", "''") + "'"
        return f"{name}!{self.cell}" if self.cell else name

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.file}: {self.reference}" if self.file else self.reference
        if self.line is not None:
            where = f"line {self.line}"
        elif self.table is None and self.row is None:
            where = ""  # the document as a whole (a row the form has and it lacks)
        else:
            where = (
                f"table {(self.table or 0) + 1}, row {(self.row or 0) + 1}, "
                f"column {(self.column or 0) + 1}"
            )
        if self.page is not None:
            where = f"page {self.page}, {where}" if where else f"page {self.page}"
        if not where:
            return self.file or "the document"
        return f"{self.file}: {where}" if self.file else where

    def describe(self, locale: str = "zh_CN") -> str:
        """Where, without the file, as a clerk reads it: in Chinese (the default) or, for
        ``locale="en"``, in English; counted from 1.

        >>> SourceRef(line=79).describe(), SourceRef(table=1, row=3, column=3).describe()
        ('第 79 行', '第 2 个表格第 4 行第 4 列')
        >>> SourceRef(line=12, page=3).describe(), SourceRef(line=79, file="a.txt").describe("en")
        ('第 3 页第 12 行', 'line 79')
        >>> SourceRef(sheet="表三", cell="C7").describe(), SourceRef(sheet="表三").describe("en")
        ('工作表“表三”C7 单元格', '表三')
        """
        if locale.startswith("en"):
            return str(attrs.evolve(self, file=None))
        if self.sheet is not None:
            cell = f"{self.cell} 单元格" if self.cell else ""
            return f"工作表“{self.sheet}”{cell}"
        page = f"第 {self.page} 页" if self.page is not None else ""
        if self.line is not None:
            return f"{page}第 {self.line} 行"
        if self.table is None and self.row is None:
            return page or "全文"
        table, row, column = ((value or 0) + 1 for value in (self.table, self.row, self.column))
        return f"{page}第 {table} 个表格第 {row} 行第 {column} 列"


@compact_pickle
@frozen
class Note:
    """One thing a reader decided or could not do: its ``kind``, where in the report it
    applies (a JSON path, or a section), the ``snippet`` of source text involved, and
    ``action``, what the reader did about it."""

    kind: str
    location: str
    snippet: str
    action: str
    source: SourceRef | None = None

    def __str__(self) -> str:
        where = f" ({self.source})" if self.source else ""
        return f"[{self.kind}] {self.location}{where}: {self.action} — {self.snippet!r}"


@compact_pickle
@frozen
class ReadResult:
    """A report read from a document, with ``notes`` on everything the reader decided and
    ``sources``: for every cell it read, where in the document it came from (keyed by
    table section and cell position, as
    :attr:`~govdisclosure.tables.CellTable.cells` orders them)."""

    report: AnnualReport
    notes: tuple[Note, ...] = ()
    sources: dict[tuple[Section, int], SourceRef] = field(factory=dict, eq=False)
    format: str = ""
    #: The cells placed by a guess (by order or by count), keyed as ``sources`` is: a
    #: finding that involves one says so (:meth:`validate`).
    guessed: frozenset[tuple[Section, int]] = field(factory=frozenset, eq=False)

    def notes_of(self, kind: str | NoteKind) -> tuple[Note, ...]:
        """The notes of one kind."""
        wanted = kind.value if isinstance(kind, NoteKind) else kind
        return tuple(note for note in self.notes if note.kind == wanted)

    def source_of(self, section: Section, position: int) -> SourceRef | None:
        """Where the cell at ``position`` of the table of ``section`` was read from."""
        return self.sources.get((section, position))

    def locate(self, finding: Any) -> tuple[SourceRef, ...]:
        """Where in the document the cells of a checker finding were printed: the cell it
        is about first, then the cells it involves (those that were read).

        >>> import govdisclosure as gd, pathlib
        >>> text = gd.examples.path("sources/zhongning-minzheng-2020.txt").read_text()
        >>> tab = chr(9)  # the seed separates cells with tabs
        >>> result = gd.read(text.replace("其他处理" + tab + "0", "其他处理" + tab + "5"))
        >>> finding = next(f for f in gd.validate(result.report) if f.rule == "R3")
        >>> [str(ref) for ref in result.locate(finding)][:1]
        ['line 79']
        """
        places = (finding.location, *finding.involved)
        refs: list[SourceRef] = []
        for place in places:
            if place.section is None or place.row is None or place.column is None:
                continue
            if not place.json_path.startswith("$.report"):
                # A cell of last year's report ($previous…, the cross-year rules) or of a
                # summary's part ($parts[i]…, the hierarchy rules): not printed here.
                continue
            table = self.report.table(place.section)
            try:
                position = table.layout.position(
                    table.row_type.coerce(place.row), table.column_type.coerce(place.column)
                )
            except KeyError:
                continue
            ref = self.sources.get((place.section, position))
            if ref is not None and ref not in refs:
                refs.append(ref)
        return tuple(refs)

    def __iter__(self) -> Any:
        # ``report, notes = read(...)`` unpacks like a pair.
        return iter((self.report, self.notes))
