"""Format-neutral table grids: the header grid with its spans, the numbering, the text of
every cell — computed from the edition's layout and consumed by every renderer, so that
DOCX, HTML, Markdown and text cannot drift apart.

A grid lists, row by row, the cells that *start* in that row (as HTML does); a cell spans
``row_span`` rows and ``col_span`` columns. :meth:`Grid.matrix` expands it to one entry per
position for renderers that need a full rectangle.

>>> import govdisclosure as gd
>>> from govdisclosure.renderers.grid import table_grid
>>> grid = table_grid(gd.load("examples/zhongning-minzheng-2020.json").applications)
>>> grid.columns, grid.header_rows, len(grid.rows)
(10, 3, 26)
>>> [(c.text, c.row_span, c.col_span) for c in grid.rows[0]]  # doctest: +ELLIPSIS
[('（本列数据的勾稽关系为：...）', 3, 3), ('申请人情况', 1, 7)]
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from typing import Any

from attrs import frozen

from govdisclosure.cells import Blank, Cell, Money, NotApplicable
from govdisclosure.layouts import Block, CellKind, CellSpec, Node, TableLayout
from govdisclosure.tables import CellTable

__all__ = ["Grid", "GridCell", "Role", "plain_text", "table_grid"]


class Role(enum.Enum):
    """What a grid cell is, which decides how renderers style it."""

    CAPTION = "caption"  # 第二十条第（X）项: a block's caption, across the table
    CORNER = "corner"  # the top-left header cell (信息内容, the 勾稽 note)
    COLUMN = "column"  # a column header
    ROW = "row"  # a row header (its numbering and label)
    NUMBER = "number"  # a data cell
    FILLER = "filler"  # an empty cell that pads a narrower block


@frozen
class GridCell:
    """One cell of a grid, where it starts."""

    text: str
    role: Role
    row_span: int = 1
    col_span: int = 1
    #: For a data cell, what it holds and its place in the table's cells.
    spec: CellSpec | None = None
    value: Cell | None = None

    @property
    def is_header(self) -> bool:
        return self.role is not Role.NUMBER and self.role is not Role.FILLER


@frozen
class Grid:
    """A table as a grid of cells with spans; the first ``header_rows`` rows are headers
    (renderers repeat them on a new page)."""

    number: str
    columns: int
    header_rows: int
    rows: tuple[tuple[GridCell, ...], ...]

    def matrix(self) -> list[list[tuple[GridCell, bool]]]:
        """Every position of the grid: the cell covering it, and whether the cell starts
        there (``False`` where a span continues)."""
        out: list[list[tuple[GridCell, bool] | None]] = [[None] * self.columns for _ in self.rows]
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while out[r][c] is not None:
                    c += 1
                for dr in range(cell.row_span):
                    for dc in range(cell.col_span):
                        out[r + dr][c + dc] = (cell, dr == 0 and dc == 0)
                c += cell.col_span
        assert all(all(p is not None for p in row) for row in out), "grid has holes"
        return out  # type: ignore[return-value]

    def numbers(self) -> Iterator[GridCell]:
        """The data cells in reading order."""
        for row in self.rows:
            for cell in row:
                if cell.role is Role.NUMBER:
                    yield cell


Formatter = Callable[[CellSpec, Cell], str]
Translate = Callable[[str], str]


def plain_text(spec: CellSpec, cell: Cell) -> str:
    """A cell as the official form prints it: counts as digits, changes with their sign
    ("+12", "-50", "0"), money with its unit ("6165711 元"), blanks empty, marks as is."""
    if type(cell) is int:
        return f"{cell:+d}" if spec.kind is CellKind.SIGNED and cell else str(cell)
    if type(cell) is Money:
        return f"{cell.amount} {cell.unit.zh}"
    if type(cell) is Blank:
        return ""
    assert type(cell) is NotApplicable
    return cell.mark


def _same(text: str) -> str:
    return text


def _depth(tree: tuple[Node, ...]) -> int:
    return max((1 + _depth(node.children) for node in tree), default=0)


def _leaf_count(node: Node) -> int:
    return sum(1 for _ in node.leaves())


def _column_header(tree: tuple[Node, ...], height: int, tr: Translate) -> list[list[GridCell]]:
    """Header rows for a column tree: groups span their leaves, leaves reach the bottom."""
    rows: list[list[GridCell]] = [[] for _ in range(height)]

    def place(nodes: tuple[Node, ...], depth: int) -> None:
        for node in nodes:
            if node.children:
                rows[depth].append(GridCell(tr(node.label), Role.COLUMN, 1, _leaf_count(node)))
                place(node.children, depth + 1)
            else:
                rows[depth].append(GridCell(tr(node.label), Role.COLUMN, height - depth, 1))

    place(tree, 0)
    return rows


def _row_cells(
    tree: tuple[Node, ...], width: int, tr: Translate, number: Translate = _same
) -> dict[Any, list[GridCell]]:
    """For each number row, the row-header cells that start on it: groups span their
    leaves downwards, leaves reach the last label column."""
    starts: dict[Any, list[GridCell]] = {}

    def place(nodes: tuple[Node, ...], depth: int) -> None:
        for node in nodes:
            first = next(node.leaves()).key
            text = tr(node.label)
            label = f"{number(node.numbering)}{text}"
            if node.children:
                starts.setdefault(first, []).append(GridCell(label, Role.ROW, _leaf_count(node), 1))
                place(node.children, depth + 1)
            else:
                starts.setdefault(first, []).append(GridCell(label, Role.ROW, 1, width - depth))

    place(tree, 0)
    return starts


def _values(table: CellTable[Any, Any], block: Block, row: Node, fmt: Formatter) -> list[GridCell]:
    layout = table.layout
    out = []
    for column in block.columns:
        position = layout.position(row.key, column.key)
        spec, value = layout.cells[position], table.cells[position]
        out.append(GridCell(fmt(spec, value), Role.NUMBER, spec=spec, value=value))
    return out


def _stacked(table: CellTable[Any, Any], fmt: Formatter, tr: Translate) -> Grid:
    # Table 二: blocks under captions, each with its header row; a block narrower than the
    # widest lets its last column span the rest, as the form does.
    layout: TableLayout = table.layout
    values = max(len(b.columns) for b in layout.blocks)
    width = 1 + values
    rows: list[tuple[GridCell, ...]] = []
    for block in layout.blocks:
        assert block.caption is not None
        rows.append((GridCell(tr(block.caption.zh), Role.CAPTION, 1, width),))
        pad = values - len(block.columns)
        header = [GridCell(tr(layout.corner), Role.CORNER)]
        header += [GridCell(tr(c.label), Role.COLUMN) for c in block.columns]
        header[-1] = _widen(header[-1], pad)
        rows.append(tuple(header))
        for row in block.rows:
            cells = [GridCell(tr(row.label), Role.ROW), *_values(table, block, row, fmt)]
            cells[-1] = _widen(cells[-1], pad)
            rows.append(tuple(cells))
    return Grid(layout.number, width, 0, tuple(rows))


def _widen(cell: GridCell, extra: int) -> GridCell:
    if not extra:
        return cell
    return GridCell(
        cell.text, cell.role, cell.row_span, cell.col_span + extra, cell.spec, cell.value
    )


def _crossed(table: CellTable[Any, Any], fmt: Formatter, tr: Translate, number: Translate) -> Grid:
    # Table 三: row headers on the left (as deep as the row tree), column headers on top.
    layout: TableLayout = table.layout
    (block,) = layout.blocks
    label_width = _depth(block.row_tree)
    height = _depth(block.column_tree)
    header = _column_header(block.column_tree, height, tr)
    header[0].insert(0, GridCell(tr(layout.corner), Role.CORNER, height, label_width))
    starts = _row_cells(block.row_tree, label_width, tr, number)
    rows = [tuple(r) for r in header]
    for row in block.rows:
        rows.append((*starts[row.key], *_values(table, block, row, fmt)))
    return Grid(layout.number, label_width + len(block.columns), height, tuple(rows))


def _flat(table: CellTable[Any, Any], fmt: Formatter, tr: Translate) -> Grid:
    # Table 四: one number row; the case tree and the results together make the header.
    layout: TableLayout = table.layout
    (block,) = layout.blocks
    results = block.column_tree

    def crossed(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
        return tuple(
            Node(n.key, n.label, n.numbering, crossed(n.children) if n.children else results)
            for n in nodes
        )

    tree = crossed(block.row_tree)
    height = _depth(tree)
    header = [tuple(r) for r in _column_header(tree, height, tr)]
    numbers: list[GridCell] = []
    for row in block.rows:
        numbers += _values(table, block, row, fmt)
    return Grid(layout.number, len(numbers), height, (*header, tuple(numbers)))


def table_grid(
    table: CellTable[Any, Any],
    *,
    formatter: Formatter = plain_text,
    translate: Translate = _same,
    numbering: Translate = _same,
) -> Grid:
    """The grid of ``table`` as its edition's form lays it out. ``formatter`` turns each
    cell into text (default: as the form prints it); ``translate`` turns each printed
    label, and ``numbering`` each row's numbering ("一、", "（一）", "1."), into the output
    language (default: the official Chinese)."""
    layout = table.layout
    if len(layout.blocks) > 1:
        return _stacked(table, formatter, translate)
    if layout.flat:
        return _flat(table, formatter, translate)
    return _crossed(table, formatter, translate, numbering)
