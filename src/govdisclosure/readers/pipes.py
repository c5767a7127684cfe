"""Table rows of text that a converter printed one cell per line.

Pages converted to text by some tools print every cell of a table on a line of its
own, each ending in ``|``, with lines of pipes alone (``||||``) between the rows::

    1.属于国家秘密|
    3|
    |
    0|
    ||||

A line holding one cell is a piece of a row: a label starts the row, the figures (and
the empty cells, a ``|`` alone) after it are its cells, in order, up to the next label
or separator. Put back together here, the row reads like any other; its cells stand
in their columns (an empty one is a blank cell), as in any table whose cells are
separated by pipes.
"""

from __future__ import annotations

from govdisclosure.readers.blocks import RawCell
from govdisclosure.readers.values import is_value_text

__all__ = ["CELL_LINE", "PIPES", "TABS", "TextRow", "join_cell_lines"]

#: What split a line of text into cells that stand in their columns.
PIPES, TABS = "pipes", "tabs"
#: A line of one cell ending in its pipe (``3|``), or a pipe alone (an empty cell): a piece
#: of a row printed one cell per line. A line with a pipe on each side (``| 3 |``) is a
#: table of one column, and a line without one is text: neither is a piece.
CELL_LINE = "cell line"
#: A table row as the text front end reads it: its cells, and what split them into
#: their columns ("": runs of spaces, which leave no trace of a blank cell).
TextRow = tuple[tuple[RawCell, ...], str]


def _one_cell(row: TextRow) -> bool:
    return row[1] == CELL_LINE


def join_cell_lines(rows: list[TextRow]) -> list[TextRow]:
    """``rows`` with every run of one-cell lines that starts with a label joined into
    one row (see the module's documentation); other rows as they are. A run without a
    label in front is left alone: nothing tells which row its figures are."""
    if sum(1 for _, split in rows if split == CELL_LINE) < 2:
        return rows  # most tables: nothing printed one cell per line
    out: list[TextRow] = []
    pending: list[RawCell] | None = None
    for row in rows:
        cells, _ = row
        text = cells[0].text.strip() if _one_cell(row) else None
        if text is not None and pending is not None and (not text or is_value_text(text)):
            pending.append(cells[0])
            continue
        if pending is not None:
            out.append((tuple(pending), PIPES))
            pending = None
        if text and not is_value_text(text):
            pending = [cells[0]]
            continue
        if not _one_cell(row) and not any(cell.text.strip() for cell in cells):
            continue  # a separator line of pipes alone ("||||")
        out.append(row)
    if pending is not None:
        out.append((tuple(pending), PIPES))
    return out
