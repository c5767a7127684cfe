"""A workbook's package, read into its sheets' cells: what the XLSX reader builds blocks
from (:mod:`~govdisclosure.readers.sheets`).

The package is opened and every part checked as the DOCX reader's are
(:mod:`~govdisclosure.readers.ooxml`: sizes, zip bombs, no DTD or entities, lxml without
the network), and read with lxml directly, not with openpyxl: openpyxl reads a sheet's
merged cells only when it builds every cell in memory, and its formulas without their
computed values, or the values without the formulas; here each sheet is walked once, as
it is parsed, and only as far as the limits go. A sheet's cells are read up to
:data:`~govdisclosure.limits.MAX_SHEET_ROWS` rows and
:data:`~govdisclosure.limits.MAX_SHEET_COLUMNS` columns (what lies beyond is left
out, with a note), whatever its ``<dimension>`` claims; it may merge at most
:data:`~govdisclosure.limits.MAX_MERGED_RANGES` ranges; all the sheets read
together hold no more XML than :data:`~govdisclosure.limits.MAX_XML_BYTES`.

Each cell is read as the sheet shows it: text as it is (shared or inline), a number
through its number format (:mod:`~govdisclosure.readers.numfmt`), a formula by the value
Excel computed and saved with it. A formula saved without one (as openpyxl and other
tools write them) is read as an empty cell, with a remark, never computed here.

>>> import govdisclosure as gd
>>> data = gd.render(gd.examples.load("shiyan-ziranziyuan-2022"), "xlsx")
>>> book = read_workbook(data)
>>> [sheet.name[:2] for sheet in book.sheets]
['二、', '三、', '四、']
>>> book.sheets[1].cells[6, 4], min(book.sheets[1].merges)
('38', (1, 1, 1, 10))
"""

from __future__ import annotations

import re
import zipfile
from typing import Any

from attrs import define, field, frozen

from govdisclosure.errors import ReadError
from govdisclosure.readers.limits import (
    MAX_MERGED_RANGES,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    MAX_XML_BYTES,
)
from govdisclosure.readers.numfmt import BUILTIN, shown
from govdisclosure.readers.ooxml import (
    checked_xml,
    custom_properties,
    iter_part,
    links,
    open_zip,
    parse_part,
    relationships,
    target,
)

__all__ = ["Remark", "Sheet", "Workbook", "column_letters", "read_workbook"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKBOOK = "xl/workbook.xml"
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


@frozen
class Remark:
    """Something about a cell the reader says in a note: ``why`` the cell ``cell``
    ("C7") is read as it is, with the ``snippet`` it holds."""

    cell: str
    snippet: str
    why: str


@define
class Sheet:
    """A sheet as read: its name; its cells that are written in it, by (row, column)
    counted from 1, each as the sheet shows it ("" for a cell written without a
    value); its merged ranges (first row, first column, last row, last column); the
    remarks on its cells; and the first cell beyond the rows (``below``) and the
    columns (``right``) that are read, when it holds one."""

    name: str
    cells: dict[tuple[int, int], str] = field(factory=dict)
    merges: list[tuple[int, int, int, int]] = field(factory=list)
    remarks: list[Remark] = field(factory=list)
    below: str = ""
    right: str = ""


@frozen
class Workbook:
    """A workbook's sheets that hold cells, in order; the sheets not read (hidden,
    charts), each with why; its custom document properties."""

    sheets: list[Sheet]
    skipped: list[tuple[str, str]]
    properties: dict[str, str]


def column_letters(column: int) -> str:
    """A column's letters, as Excel names it (1 is A, 27 is AA).

    >>> column_letters(1), column_letters(27), column_letters(200)
    ('A', 'AA', 'GR')
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def _reference(text: str, sheet: str, source: str | None) -> tuple[int, int]:
    match = _REF.fullmatch(text.strip())
    if match is None or int(match[2]) < 1:
        raise ReadError(f"{text!r} is no cell's reference", source=source, location=sheet)
    return int(match[2]), _column_number(match[1])


# --- the workbook -------------------------------------------------------------------------


def _runs(item: Any) -> str:
    """The text of a string item (shared, or inline in a cell): its text, or its runs'
    (its phonetic guides, ``rPh``, are no text of the cell)."""
    if item is None:
        return ""
    text: str = item.findtext(_MAIN + "t") or ""
    return text + "".join(run.findtext(_MAIN + "t") or "" for run in item.iterfind(_MAIN + "r"))


def _strings(archive: zipfile.ZipFile, part: str | None, source: str | None) -> list[str]:
    """The workbook's shared strings, in order."""
    if part is None or part not in archive.NameToInfo:
        return []
    out = []
    data = checked_xml(archive, part, source)
    for item in iter_part(data, part, (_MAIN + "si",), source):
        out.append(_runs(item))
        item.clear()
    return out


def _formats(archive: zipfile.ZipFile, part: str | None, source: str | None) -> list[str]:
    """Each cell style's number format, by the style's index (``s`` of a cell)."""
    if part is None or part not in archive.NameToInfo:
        return []
    root = parse_part(archive, part, source)
    codes = dict(BUILTIN)
    for fmt in root.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt"):
        number = _small(fmt.get("numFmtId"))
        if number is not None:
            codes[number] = fmt.get("formatCode") or "General"
    styles = root.find(_MAIN + "cellXfs")
    if styles is None:
        return []
    return [codes.get(_small(xf.get("numFmtId")) or 0, "General") for xf in styles]


def _row_number(text: str) -> int | None:
    """A row's number: 1 to Excel's 1,048,576 (some tools write it as "5.0")."""
    text = text.strip().removesuffix(".0")
    number = int(text) if text.isdigit() and len(text) <= 7 else 0
    return number if number >= 1 else None


def _small(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) < 7 else None


def read_workbook(data: bytes, source: str | None = None) -> Workbook:
    """The workbook ``data``'s sheets, read within the limits (see the module)."""
    with open_zip(data, source) as archive:
        package = links(archive, "_rels/.rels", "", source)
        main = target(package, "/officeDocument", _WORKBOOK)
        if main not in archive.NameToInfo:
            raise ReadError(f"not an Excel workbook: the archive has no {main}", source=source)
        root = parse_part(archive, main, source)
        if root.tag != _MAIN + "workbook":
            why = " (ISO 29500 Strict is not read; save it as an Excel workbook)"
            why = why if _STRICT in root.tag else ""
            raise ReadError(
                f"not an Excel workbook: {main} is no SpreadsheetML workbook{why}", source=source
            )
        folder, _, name = main.rpartition("/")
        base = f"{folder}/" if folder else ""
        related = relationships(archive, f"{base}_rels/{name}.rels", base, source)
        parts = list(related.values())
        strings = _strings(archive, target(parts, "/sharedStrings", ""), source)
        formats = _formats(archive, target(parts, "/styles", ""), source)
        date1904 = _date1904(root)
        sheets, skipped = _sheet_parts(root, related)
        budget = _Budget(source)
        read = []
        for name, part in sheets:
            budget.spend(archive, part)
            reader = _SheetReader(
                name, strings=strings, formats=formats, date1904=date1904, source=source
            )
            read.append(reader.read(checked_xml(archive, part, source), part))
        return Workbook(read, skipped, custom_properties(archive, package, source))


def _date1904(root: Any) -> bool:
    properties = root.find(_MAIN + "workbookPr")
    flag = properties.get("date1904", "") if properties is not None else ""
    return flag.lower() in ("1", "true")


def _sheet_parts(
    root: Any, related: dict[str, tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The worksheets to read (name, part) in the workbook's order, and the sheets that
    are not read (name, why)."""
    read, skipped = [], []
    for sheet in root.iterfind(f"{_MAIN}sheets/{_MAIN}sheet"):
        name = sheet.get("name") or ""
        kind, part = related.get(sheet.get(_ID) or "", ("", ""))
        if sheet.get("state", "visible") != "visible":
            skipped.append((name, "the sheet is hidden"))
        elif not kind.endswith("/worksheet"):
            what = kind.rsplit("/", 1)[-1] or "nothing the workbook holds"
            skipped.append((name, f"the sheet is a {what}, not a worksheet"))
        else:
            read.append((name, part))
    return read, skipped


class _Budget:
    """What the sheets read may hold together: no more XML than one part may."""

    def __init__(self, source: str | None) -> None:
        self.left = MAX_XML_BYTES
        self.source = source

    def spend(self, archive: zipfile.ZipFile, part: str) -> None:
        info = archive.NameToInfo.get(part)
        if info is None:
            raise ReadError(f"the workbook has no {part}", source=self.source)
        self.left -= info.file_size
        if self.left < 0:
            raise ReadError(
                f"the sheets hold more than {MAX_XML_BYTES:,} bytes of XML together; "
                "no report's workbook does",
                source=self.source,
            )


# --- a sheet ------------------------------------------------------------------------------


class _SheetReader:
    """One sheet's cells and merged ranges, read as its XML is parsed."""

    def __init__(
        self,
        name: str,
        *,
        strings: list[str],
        formats: list[str],
        date1904: bool,
        source: str | None,
    ) -> None:
        self.sheet = Sheet(name)
        self.strings = strings
        self.formats = formats
        self.date1904 = date1904
        self.source = source
        self.rows = 0  # the rows read, whatever their numbers

    def fail(self, message: str, cell: str = "") -> ReadError:
        where = f"{self.sheet.name}!{cell}" if cell else self.sheet.name
        return ReadError(message, source=self.source, location=where)

    def read(self, data: bytes, part: str) -> Sheet:
        """Read the sheet's rows, as far as the limits go (the parse stops there), then
        its merged ranges (after its rows in the XML: a second walk, which builds no
        cell)."""
        row = 0
        for element in iter_part(data, part, (_MAIN + "row",), self.source):
            row = self.row(element, row)
            if self.sheet.below:
                break
            # Let go of what was read: a large sheet is never held whole.
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
        for element in iter_part(data, part, (_MAIN + "mergeCell",), self.source):
            self.merge(element.get("ref") or "")
        return self.sheet

    def row(self, element: Any, previous: int) -> int:
        """Read a row's cells; the row's number."""
        printed = element.get("r")
        number = previous + 1 if printed is None else _row_number(printed)
        if number is None:
            raise self.fail(f"a row is numbered {printed!r}")
        self.rows += 1
        if number > MAX_SHEET_ROWS or self.rows > MAX_SHEET_ROWS:
            self.sheet.below = f"A{number}"
            return number
        column = 0
        for cell in element.iterfind(_MAIN + "c"):
            ref = cell.get("r")
            if ref:
                number, column = _reference(ref, self.sheet.name, self.source)
            else:
                column += 1
            if column > MAX_SHEET_COLUMNS:
                self.sheet.right = self.sheet.right or f"{column_letters(column)}{number}"
                break
            self.sheet.cells[number, column] = self.value(cell, f"{column_letters(column)}{number}")
        return number

    def value(self, cell: Any, ref: str) -> str:
        """The cell's text as the sheet shows it (see the module)."""
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return _runs(cell.find(_MAIN + "is"))
        stored: str | None = cell.findtext(_MAIN + "v")
        formula = cell.find(_MAIN + "f")
        if stored is None or (formula is not None and not stored.strip()):
            if formula is not None:
                why = (
                    "a formula saved without the value it computes: read as an empty cell "
                    "(not 0); open the workbook in Excel or LibreOffice and save it, so that "
                    "its values are saved with it"
                )
                self.sheet.remarks.append(Remark(ref, "=" + (formula.text or ""), why))
            return ""
        if kind == "s":
            index = _small(stored.strip())
            if index is None or index >= len(self.strings):
                raise self.fail(f"the cell names shared string {stored!r}, which is none", ref)
            return self.strings[index]
        if kind == "b":
            return "TRUE" if stored.strip() in ("1", "true") else "FALSE"
        if kind != "n":  # a formula's text, an error (#DIV/0!), a date in ISO form
            return stored
        style = _small(cell.get("s")) or 0
        code = self.formats[style] if style < len(self.formats) else "General"
        figure = shown(stored, code, date1904=self.date1904)
        if figure.why:
            self.sheet.remarks.append(Remark(ref, stored, figure.why))
        return figure.text

    def merge(self, ref: str) -> None:
        """A merged range, clipped to the cells read."""
        first, _, last = ref.partition(":")
        top, left = _reference(first, self.sheet.name, self.source)
        bottom, right = _reference(last or first, self.sheet.name, self.source)
        if len(self.sheet.merges) >= MAX_MERGED_RANGES:
            raise self.fail(f"the sheet merges more than {MAX_MERGED_RANGES:,} ranges of cells")
        top, bottom = sorted((top, bottom))
        left, right = sorted((left, right))
        if top > MAX_SHEET_ROWS or left > MAX_SHEET_COLUMNS:
            return
        bottom, right = min(bottom, MAX_SHEET_ROWS), min(right, MAX_SHEET_COLUMNS)
        if (top, left) != (bottom, right):
            self.sheet.merges.append((top, left, bottom, right))
