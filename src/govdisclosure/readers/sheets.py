"""A workbook's sheets as blocks: each table the blocks the other readers make of a
printed table, so that one back end reads them all.

A sheet prints a table, several, or none, anywhere on it. The reader looks at its rows
in order, as a clerk would:

* rows with nothing written in them (no cell, no merged range) separate what is
  printed; rows of empty cells (a table's blank row) do not;
* a row of one cell that is a section's heading ("三、收到和处理政府信息公开申请情况")
  starts that section's table; so does, without a heading, a row that prints a label
  only that section's table prints ("信息内容", "本年新收政府信息公开申请数量",
  "行政复议") — the labels of all three tables come from the layouts, and only those of
  four characters or more that one table alone prints tell (not "总计" or "其他");
* the rows of a table become a :class:`~govdisclosure.readers.blocks.TableBlock` of
  the cells as printed: a merged range is one cell where it starts, spanning the
  columns it covers, and the cells it covers below its first row are left out, as the
  HTML and DOCX readers print them; columns with nothing in them are left out;
* rows of one cell of text after a table, set apart from it, are paragraphs printed
  under it (its notes); rows of text before the first table are the title, when one
  names the report, or text the reader leaves out, with a note.

Every cell's place is its sheet and reference (``表三!C7``). Words of this library's
English layout read as the Chinese they translate
(:mod:`~govdisclosure.readers.english`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import NamedTuple

from attrs import define, field

from govdisclosure.categories import Section
from govdisclosure.editions import Edition
from govdisclosure.errors import ReadError
from govdisclosure.labels import normalize_label
from govdisclosure.layouts import layout
from govdisclosure.readers.blocks import Block, RawCell, TableBlock, TextBlock
from govdisclosure.readers.english import chinese, chinese_title, chinese_units
from govdisclosure.readers.facts import title_parts
from govdisclosure.readers.limits import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.sections import next_section
from govdisclosure.readers.vocabulary import table_labels
from govdisclosure.readers.xlsxpackage import Sheet, column_letters

__all__ = ["SheetBlocks", "sheet_blocks"]

_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
#: A label this short ("总计", "其他", "规章") tells no table apart.
_TELLING = 4
#: What a title says (as the other readers look for it), and its longest length.
_TITLE_WORDS = ("报告", "年报")
_LONGEST_TITLE = 80
#: How many words of this library's English layout make a sheet one in that layout.
_ENGLISH = 5


@functools.cache
def _telling() -> dict[str, Section]:
    """The labels (as keys) that only one table prints, and which."""
    out: dict[str, Section] = {}
    for section in _TABLES:
        others = set().union(*(table_labels(s) for s in _TABLES if s is not section))
        out |= {key: section for key in table_labels(section) - others if len(key) >= _TELLING}
    return out


@define
class SheetBlocks:
    """What a sheet prints: the title's blocks, the text above its tables, and the
    blocks of each table's section (its table's pieces, then the text under it), in the
    order of the sections on the sheet; the notes on what was decided; and how many
    cells were English words of this library's layout."""

    title: list[TextBlock] = field(factory=list)
    above: list[TextBlock] = field(factory=list)
    sections: dict[Section, list[Block]] = field(factory=dict)
    notes: list[Note] = field(factory=list)
    english: int = 0


class _Row(NamedTuple):
    """A row of the sheet: its number, and its cells with text, by column."""

    number: int
    texts: list[tuple[int, str]]


class _Grid:
    """A sheet's cells with its merged ranges laid over them."""

    def __init__(self, sheet: Sheet, source: str | None, notes: list[Note]) -> None:
        self.sheet = sheet
        self.source = source
        #: Where each merged range starts, and how many rows and columns it spans.
        self.origins: dict[tuple[int, int], tuple[int, int]] = {}
        #: The cells a merged range covers, other than the one it starts in.
        self.covered: set[tuple[int, int]] = set()
        self.texts = _in_chinese(sheet.cells)
        self.english = sum(1 for key, text in self.texts.items() if text != sheet.cells[key])
        placed: list[tuple[int, int, int, int]] = []
        for merge in sheet.merges:
            if any(_overlap(merge, other) for other in placed):
                top, left, bottom, right = merge
                where = f"{column_letters(left)}{top}:{column_letters(right)}{bottom}"
                action = "a merged range that overlaps another (Excel would repair it): ignored"
                notes.append(Note(NoteKind.LAYOUT.value, "$", where, action, self.ref(top, left)))
                continue
            placed.append(merge)
            self.merge(merge, notes)

    def merge(self, merge: tuple[int, int, int, int], notes: list[Note]) -> None:
        """Lay a merged range over the cells; text in the cells it hides (Excel shows
        only the first cell's) is left out, with a note."""
        top, left, bottom, right = merge
        self.origins[top, left] = (bottom - top + 1, right - left + 1)
        hidden = []
        for row in range(top, bottom + 1):
            for column in range(left, right + 1):
                if (row, column) != (top, left):
                    self.covered.add((row, column))
                    if self.texts.get((row, column), "").strip():
                        hidden.append((row, column))
        if hidden:
            row, column = hidden[0]
            action = (
                f"{len(hidden)} cells under a merged range hold text the sheet does not show "
                "(it shows the range's first cell): left out"
            )
            snippet = self.texts[row, column][:40]
            notes.append(Note(NoteKind.UNPLACED.value, "$", snippet, action, self.ref(row, column)))

    def ref(self, row: int, column: int | None = None) -> SourceRef:
        cell = f"{column_letters(column)}{row}" if column else None
        return SourceRef(file=self.source, sheet=self.sheet.name, cell=cell)

    def rows(self) -> list[_Row]:
        """The rows something is written in (a cell, or a merged range), in order."""
        numbers = {row for row, _ in self.texts} | {row for row, _ in self.covered}
        numbers |= {row for row, _ in self.origins}
        by_row: dict[int, list[tuple[int, str]]] = {row: [] for row in numbers}
        for (row, column), text in self.texts.items():
            if text.strip() and (row, column) not in self.covered:
                by_row[row].append((column, text))
        return [_Row(row, sorted(by_row[row])) for row in sorted(numbers)]


def _in_chinese(cells: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """The cells' texts, in Chinese where they are words of this library's English
    layout: when a sheet prints enough of them to be in that layout (a word or two in
    English in a Chinese sheet are the report's own), its labels and the units after its
    figures are read as the Chinese they translate."""
    found = {key: chinese(text) for key, text in cells.items() if text.isascii() and text.strip()}
    if sum(1 for text in found.values() if text is not None) < _ENGLISH:
        return dict(cells)
    out = {}
    for key, text in cells.items():
        label = found.get(key)
        out[key] = label if label is not None else chinese_units(text)
    return out


def _overlap(one: tuple[int, int, int, int], other: tuple[int, int, int, int]) -> bool:
    return not (one[2] < other[0] or other[2] < one[0] or one[3] < other[1] or other[3] < one[1])


def _runs(rows: list[_Row]) -> Iterator[list[_Row]]:
    """The rows in runs of rows one after another (a row with nothing in it ends one)."""
    run: list[_Row] = []
    for row in rows:
        if run and row.number != run[-1].number + 1:
            yield run
            run = []
        run.append(row)
    if run:
        yield run


def _section_of(row: _Row) -> Section | None:
    """The table a row's labels tell, if they tell one."""
    found = {_telling().get(normalize_label(text)) for _, text in row.texts} - {None}
    return found.pop() if len(found) == 1 else None


def _heading(row: _Row) -> Section | None:
    """The section a row of one cell is the heading of."""
    if len(row.texts) != 1:
        return None
    text = row.texts[0][1]
    return next_section(TextBlock.plain(text.strip(), SourceRef()))


class _Piece(NamedTuple):
    section: Section
    rows: list[_Row]


class _Layout:
    """A sheet's rows sorted into the pieces of its tables and the text around them."""

    def __init__(self, grid: _Grid, seen: dict[Section, str], out: SheetBlocks) -> None:
        self.grid = grid
        self.seen = seen  # the sections read so far, on this sheet and before: where
        self.out = out
        self.current: Section | None = None
        self.pieces: list[_Piece] = []
        self.before: list[_Row] = []  # the rows above the first table

    def start(self, section: Section, row: _Row) -> None:
        """Start the table of ``section`` at ``row``: refused when it was printed already
        (a workbook of several reports, or a table printed twice)."""
        where = self.grid.ref(row.number, row.texts[0][0] if row.texts else 1)
        if section in self.seen and self.current is not section:
            number = layout(Edition.V2021).table(section).number  # the same in every edition
            raise ReadError(
                f"table {number} ({section.zh}) is printed again here, after "
                f"{self.seen[section]}: a "
                "report's workbook prints each table once (save each report's tables in a "
                "workbook of its own)",
                source=self.grid.source,
                location=where.reference,
            )
        self.seen.setdefault(section, where.reference)
        self.current = section

    def sort(self, rows: list[_Row]) -> None:
        """Sort the sheet's rows: a table starts at its heading, or at the first row
        that prints a label only it prints; rows before the first are the title's."""
        for run in _runs(rows):
            piece: list[_Row] = []
            for row in run:
                heading = _heading(row)
                switch = heading or _section_of(row)
                if switch is not None and switch is not self.current:
                    self.close(piece)
                    piece = []
                    self.start(switch, row)
                if heading is not None:
                    continue  # the heading says which table follows; it is no row of it
                if self.current is None:
                    self.before.append(row)
                else:
                    piece.append(row)
            self.close(piece)

    def close(self, rows: list[_Row]) -> None:
        if rows and self.current is not None:
            self.pieces.append(_Piece(self.current, rows))


def _is_text(piece: _Piece) -> bool:
    """Whether a piece is paragraphs, not a table's rows: rows of one cell each, with
    no label only a table prints."""
    return all(len(row.texts) == 1 and _section_of(row) is None for row in piece.rows)


def _table(grid: _Grid, rows: list[_Row], notes: list[Note]) -> TableBlock | None:
    """The rows as a table block of the cells as printed (see the module)."""
    numbers = {row.number for row in rows}
    columns = sorted(
        {column for row in rows for column, _ in row.texts}
        | {c for r, c in grid.covered if r in numbers}
        | {c for r, c in grid.origins if r in numbers}
    )
    start = grid.ref(rows[0].number, columns[0] if columns else 1)
    if len(rows) > MAX_TABLE_ROWS or len(columns) > MAX_TABLE_COLUMNS:
        action = (
            f"a table of more than {MAX_TABLE_ROWS} rows or {MAX_TABLE_COLUMNS} columns is "
            "no table of a report; left it out"
        )
        notes.append(Note(NoteKind.LAYOUT.value, "$", start.reference, action, start))
        return None
    index = {column: i for i, column in enumerate(columns)}
    out: list[tuple[RawCell, ...]] = []
    for row in rows:
        cells = []
        for column in columns:
            if (row.number, column) in grid.covered:
                continue
            span = grid.origins.get((row.number, column), (1, 1))[1]
            wide = sum(1 for c in range(column, column + span) if c in index)
            text = grid.texts.get((row.number, column), "")
            cells.append(RawCell(text, grid.ref(row.number, column), span=max(wide, 1)))
        if cells:
            out.append(tuple(cells))
    return TableBlock(tuple(out), start, exact=True) if out else None


def _text_blocks(grid: _Grid, rows: list[_Row]) -> list[TextBlock]:
    return [
        TextBlock.plain(text.strip(), grid.ref(row.number, column))
        for row in rows
        for column, text in row.texts
    ]


def _above(grid: _Grid, rows: list[_Row], out: SheetBlocks) -> None:
    """The rows above the first table: the title, when one names the report (the first
    of any sheet), and text left out, with a note."""
    for row in rows:
        text = " ".join(t.strip() for _, t in row.texts)
        if not text:
            continue
        block = TextBlock.plain(text, grid.ref(row.number, row.texts[0][0]))
        english = chinese_title(text)
        if english is not None:
            block = TextBlock.plain(english, block.source)
            grid.english += 1
        # A title names the report, and its organ or year ("填报单位：某局 报告期：" does not).
        named = title_parts(block.text) != (None, None)
        titled = len(block.text) <= _LONGEST_TITLE and named
        titled = titled and any(word in block.text for word in _TITLE_WORDS)
        if titled and not out.title:
            out.title.append(block)
            continue
        out.above.append(block)


def sheet_blocks(sheet: Sheet, seen: dict[Section, str], source: str | None = None) -> SheetBlocks:
    """What ``sheet`` prints, as blocks (see the module). ``seen`` holds the sections
    of the sheets read before, each with where its table started; a table printed again
    is refused."""
    out = SheetBlocks()
    grid = _Grid(sheet, source, out.notes)
    layout = _Layout(grid, seen, out)
    layout.sort(grid.rows())
    _above(grid, layout.before, out)
    for piece in layout.pieces:
        blocks = out.sections.setdefault(piece.section, [])
        if _is_text(piece):
            blocks += _text_blocks(grid, piece.rows)
            continue
        table = _table(grid, piece.rows, out.notes)
        if table is not None:
            blocks.append(table)
    out.english = grid.english
    return out
