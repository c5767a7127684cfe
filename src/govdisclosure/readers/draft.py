"""A table on its way from print to the model: what every step of reading it shares.

:func:`~govdisclosure.readers.assemble.read_table` makes one :class:`Draft` per printed
table and hands it from step to step; it holds the layout, the cells read so far, where
each came from, and the notes on every decision.

Which column each printed figure of a row stands in is shared too. A row printed with a
figure in every column is read as it stands. Text that left no trace of a blank cell
but spaces (extracted from a PDF) has fewer figures than columns: they are placed by
where they end on the line, under the leaf labels of the header printed above them;
when nothing tells, they fill the first columns, with a note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define

from govdisclosure.categories import Section
from govdisclosure.cells import BLANK, Cell
from govdisclosure.editions import Edition
from govdisclosure.labels import label_keys, normalize_label
from govdisclosure.layouts import RowPlan, layout
from govdisclosure.readers.blocks import RawCell
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.rows import Row
from govdisclosure.readers.vocabulary import best_match, targets
from govdisclosure.tables import ExtraRow

__all__ = ["Draft", "Line", "location", "spread", "trimmed"]

# A row's own numbering: "（七）总计" is a row, though 总计 also heads a column.
_ROW_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、])"
)


@define(eq=False)
class Line:
    """A printed row on its way to a table row: its label may still grow, and it
    remembers the header printed above it (for placing figures by column)."""

    row: Row
    label: str
    header: tuple[RawCell, ...] = ()
    #: How many printed lines its figures were on (one each, in text from some PDFs).
    lines: int = 1
    #: Why its label is a guess (paired by order with figures printed apart from it),
    #: or "" when the document printed label and figures together.
    guess: str = ""
    #: Whether its figures could not be placed (kept in a note; its cells stay blank).
    unplaced: bool = False

    @property
    def key(self) -> str:
        return normalize_label(self.label)


def location(section: Section, *parts: str) -> str:
    """The JSON path of a place in the section's table, for a note."""
    return ".".join(("$.report", section.value, *parts))


class Draft:
    """One table being read: its layout and the form's rows to match, and what has been
    read so far (cells, their sources, annotations, extra rows, notes)."""

    def __init__(self, section: Section, edition: Edition, source: str | None) -> None:
        self.section = section
        self.edition = edition
        self.table = layout(edition).table(section)
        self.targets = targets(edition, section)
        self.source = source
        self.notes: list[Note] = []
        self.cells: list[Cell] = [BLANK] * len(self.table.cells)
        self.sources: dict[int, SourceRef] = {}
        self.annotations: dict[int, str] = {}
        self.extra_rows: list[ExtraRow] = []
        self.table_notes: list[tuple[str, SourceRef]] = []
        self.header_text: list[str] = []
        self.header = ""  # the header's text normalised, once the rows are sorted
        #: Where the table printed generic headers ("类别 | 数据1 | …"), if it did.
        self.generic_header: SourceRef | None = None
        #: The figures of a printed 小计 column the form does not have, by row.
        self.subtotals: list[tuple[RowPlan, RawCell]] = []
        #: The printed rows with figures, once sorted (what their neighbours tell).
        self.lines: list[Line] = []
        #: The cells placed by a guess (by order), by position.
        self.guessed: set[int] = set()

    def note(self, kind: NoteKind, where: str, snippet: str, action: str, at: SourceRef) -> None:
        self.notes.append(Note(kind.value, where, snippet, action, at))

    def score(self, text: str) -> float:
        """How well ``text`` names a row (or group) of the form: 1.5 and more, whole."""
        return best_match(normalize_label(text), self.targets)[0]

    def row_name(self, line: Line) -> tuple[str, ...]:
        """The JSON name of the row of the form ``line``'s label names, if one does (for
        a note's location)."""
        score, target = best_match(line.key, self.targets)
        if target is None or target.is_group or score < 1.5:
            return ()
        return (self.table.row_plans[target.index].name,)

    def numbered_row(self, label: str) -> bool:
        """Whether ``label`` is numbered and names a row of the form ("3.其他")."""
        return bool(_ROW_NUMBERING.match(label)) and self.score(label) >= 1.5


def trimmed(row: Row, width: int) -> Sequence[RawCell]:
    """The row's values without the empty cells in front that stand under a label
    column (tab-separated text keeps the cell of a second label column, empty)."""
    values = row.values
    skip = 0
    while len(values) - skip > width and not values[skip].text.strip():
        skip += 1
    return values[skip:]


def spread(
    draft: Draft, line: Line, values: Sequence[RawCell | None], width: int
) -> list[RawCell | None]:
    """The row's value cells, one per column (``None``: printed blank), placed by the
    header's columns when spaces swallowed some blanks.

    A row with fewer cells than columns and nothing to tell which were left blank: when
    its cells stand in their columns (pipes, tabs, a document's table), the printed ones
    are read into the first columns and ``line.guess`` says so; when spaces split them,
    none is placed, ``line.unplaced`` is set and the figures are kept in a note."""
    if len(values) >= width:
        return list(values)
    if not values:
        return [None] * width  # a row printed with every cell blank
    return _fewer(draft, line, [value for value in values if value is not None], width)


def _fewer(draft: Draft, line: Line, values: list[RawCell], width: int) -> list[RawCell | None]:
    """A row with fewer figures than columns: placed by the header's columns, or (cells
    that stand in their columns) read from the left as a guess, or not placed."""
    if not line.row.exact:
        placed = _by_position(draft, line, values, width)
        if placed is not None:
            return placed
    shown = " ".join([line.label, *(v.text for v in values)]).strip()
    count = f"{len(values)} cells for {width} columns, and nothing tells which columns "
    if line.row.exact:
        line.guess = count + f"were left blank: read as the first {len(values)} columns"
        return [*values, *([None] * (width - len(values)))]
    line.unplaced = True
    draft.note(
        NoteKind.UNPLACED,
        location(draft.section, *draft.row_name(line)),
        shown,
        count.replace("cells", "figures")
        + "were left blank: not read into any cell (the row's cells stay blank)",
        line.row.source,
    )
    return [None] * width


def _by_position(
    draft: Draft, line: Line, values: Sequence[RawCell], width: int
) -> list[RawCell | None] | None:
    starts = _column_starts(draft, line.header, width)
    if starts is None or any(v.end is None for v in values):
        return None
    if not _columns_line_up(draft, line, starts, width):
        return None
    placed: list[RawCell | None] = [None] * width
    for value in values:
        column = _column_of(value, starts)
        if placed[column] is not None:
            return None
        placed[column] = value
    return placed


def _column_of(value: RawCell, starts: list[int]) -> int:
    assert value.end is not None
    return max((i for i, start in enumerate(starts) if start < value.end), default=0)


def _columns_line_up(draft: Draft, line: Line, starts: list[int], width: int) -> bool:
    """Whether the header's columns say where figures stand: not when a row under it
    printed with a figure in every column has one outside its own column (text whose
    runs of spaces are not aligned in columns, where a figure's place tells nothing)."""
    return all(
        value.end is not None and _column_of(value, starts) == i
        for other in draft.lines
        if other.header is line.header and len(other.row.values) == width
        for i, value in enumerate(other.row.values)
    )


def _column_starts(draft: Draft, header: Sequence[RawCell], width: int) -> list[int] | None:
    """Where each number column starts on a line, from the leaf labels of the header
    printed above (``None`` when the header does not show them all)."""
    leaves = {key for node in draft.table.columns_in_order for key in label_keys(node.label)}
    found = sorted(
        cell.start
        for cell in header
        if cell.start is not None and normalize_label(cell.text) in leaves
    )
    # An extra row of table 四 prints its figures under the first columns.
    return found[:width] if len(found) >= width else None
