"""Which column each printed figure of a row stands in.

A row printed with a figure in every column is read as it stands. Text that left no
trace of a blank cell but spaces (extracted from a PDF) has fewer figures than columns:
they are placed by where they end on the line, under the leaf labels of the header
printed above them; when nothing tells, they fill the first columns, with a note.
"""

from __future__ import annotations

from collections.abc import Sequence

from govdisclosure.labels import label_keys, normalize_label
from govdisclosure.readers.blocks import RawCell
from govdisclosure.readers.draft import Draft, Line, location
from govdisclosure.readers.result import NoteKind
from govdisclosure.readers.rows import Row

__all__ = ["spread", "trimmed"]


def trimmed(row: Row, width: int) -> Sequence[RawCell]:
    """The row's values without the empty cells in front that stand under a label
    column (tab-separated text keeps the cell of a second label column, empty)."""
    values = row.values
    skip = 0
    while len(values) - skip > width and not values[skip].text.strip():
        skip += 1
    return values[skip:]


def spread(draft: Draft, line: Line, values: Sequence[RawCell], width: int) -> list[RawCell | None]:
    """The row's value cells, one per column (``None``: printed blank), placed by the
    header's columns when spaces swallowed some blanks."""
    if len(values) >= width:
        return list(values)
    if not values:
        return [None] * width  # a row printed with every cell blank
    if not line.row.exact:
        placed = _by_position(draft, line, values, width)
        if placed is not None:
            return placed
    draft.note(
        NoteKind.LAYOUT,
        location(draft.section),
        " ".join([line.label, *(v.text for v in values)]).strip(),
        f"{len(values)} figures for {width} columns, and nothing tells which columns "
        f"were left blank; read them as the first {len(values)} columns",
        line.row.source,
    )
    return [*values, *([None] * (width - len(values)))]


def _by_position(
    draft: Draft, line: Line, values: Sequence[RawCell], width: int
) -> list[RawCell | None] | None:
    starts = _column_starts(draft, line.header, width)
    if starts is None or any(v.end is None for v in values):
        return None
    placed: list[RawCell | None] = [None] * width
    for value in values:
        assert value.end is not None
        column = max((i for i, start in enumerate(starts) if start < value.end), default=0)
        if placed[column] is not None:
            return None
        placed[column] = value
    return placed


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
