"""HTML tables in Markdown: where pipes cannot merge cells (tables 三 and 四, whose
headers merge cells over rows and columns), Markdown holds the table as HTML, as
GitHub and CommonMark allow; this library's Markdown format writes them so.

Such a table is an HTML block: it starts with a line that starts with ``<table`` and,
as CommonMark ends an HTML block, ends at a blank line — or here at the line that closes
the table, whichever comes first. Its lines are read as the HTML reader reads a table
(:mod:`~govdisclosure.readers.htmlwalk`: each cell where it stands in the grid, with its
spans), and each cell is placed at the line of the Markdown its row starts on.

>>> lines = [(7, "<table>"), (8, "<tr><th colspan=2>规章</th><td>3</td></tr>"), (9, "</table>")]
>>> [table], notes = table_blocks(lines, None)
>>> [(c.text, c.span, str(c.source)) for c in table.rows[0]]
[('规章', 2, 'line 8'), ('3', 1, 'line 8')]
"""

from __future__ import annotations

import re

import attrs

from govdisclosure.readers.blocks import Block, RawCell, TableBlock
from govdisclosure.readers.html import html_blocks
from govdisclosure.readers.result import Note, SourceRef

__all__ = ["closes_table", "starts_table", "table_blocks"]

_START = re.compile(r"\s{0,3}<table[\s>/]", re.I)
_END = re.compile(r"</table\s*>", re.I)
_ROW = re.compile(r"<tr[\s>/]", re.I)


def starts_table(line: str) -> bool:
    """Whether a line of Markdown starts an HTML table (up to three spaces in front, as
    CommonMark allows)."""
    return _START.match(line + "\n") is not None


def closes_table(line: str) -> bool:
    """Whether a line of an HTML table ends it: the table's end tag, or a blank line."""
    return not line.strip() or _END.search(line) is not None


def table_blocks(
    lines: list[tuple[int, str]], source: str | None
) -> tuple[list[Block], list[Note]]:
    """The blocks of an HTML block's ``lines`` (each with its number in the Markdown),
    the cells placed at the lines their rows start on; and notes on what was left out."""
    blocks, notes = html_blocks("\n".join(text for _, text in lines), source)
    rows = [number for number, text in lines for _ in _ROW.finditer(text)]
    return [_placed(block, rows, lines[0][0]) for block in blocks], notes


def _placed(block: Block, rows: list[int], first: int) -> Block:
    """``block`` with its source, and its cells', a line of the Markdown: the line of the
    cell's row, or that of the text (a caption) in the HTML block."""
    if isinstance(block, TableBlock):
        cells = tuple(tuple(_at_line(cell, rows, first) for cell in row) for row in block.rows)
        return attrs.evolve(block, rows=cells, source=SourceRef(line=first, file=block.source.file))
    line = first + (block.source.line or 1) - 1
    return attrs.evolve(block, source=attrs.evolve(block.source, line=line))


def _at_line(cell: RawCell, rows: list[int], first: int) -> RawCell:
    row = cell.source.row or 0
    line = rows[row] if row < len(rows) else first
    return cell._replace(source=SourceRef(line=line, file=cell.source.file))
