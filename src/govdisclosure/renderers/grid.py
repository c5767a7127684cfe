"""Format-neutral table grids: the header grid with its spans, the numbering, the text of
every cell — computed from the edition's layout and consumed by every renderer, so that
DOCX, HTML, Markdown and text cannot drift apart.

A grid lists, row by row, the cells that *start* in that row (as HTML does); a cell spans
``row_span`` rows and ``col_span`` columns. :meth:`Grid.matrix` expands it to one entry per
position for renderers that need a full rectangle.

>>> import govdisclosure as gd
>>> from govdisclosure.renderers.grid import table_grid
>>> grid = table_grid(gd.examples.load("zhongning-minzheng-2020").applications)
>>> grid.columns, grid.header_rows, len(grid.rows)
(10, 3, 26)
>>> [(c.text, c.row_span, c.col_span) for c in grid.rows[0]]  # doctest: +ELLIPSIS
[('（本列数据的勾稽关系为：...）', 3, 3), ('申请人情况', 1, 7)]
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import attrs
from attrs import field, frozen

from govdisclosure.categories import Section
from govdisclosure.cells import Cell, Money
from govdisclosure.editions import Edition
from govdisclosure.i18n import normalize_locale, translator
from govdisclosure.layouts import Block, CellKind, CellSpec, Node, TableLayout, layout
from govdisclosure.numerals import value
from govdisclosure.renderers.clean import printable
from govdisclosure.renderers.numbers import cell_text
from govdisclosure.tables import CellTable, ExtraColumn

__all__ = ["Grid", "GridCell", "Role", "plain_text", "row_numbering", "table_grid"]


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

    text: str = field(converter=printable)
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

    @functools.cached_property
    def _matrix(self) -> tuple[tuple[tuple[GridCell, bool], ...], ...]:
        return tuple(tuple(row) for row in self._expand())

    def matrix(self) -> tuple[tuple[tuple[GridCell, bool], ...], ...]:
        """Every position of the grid: the cell covering it, and whether the cell starts
        there (``False`` where a span continues). Worked out once per grid."""
        return self._matrix

    def _expand(self) -> list[list[tuple[GridCell, bool]]]:
        out: list[list[tuple[GridCell, bool] | None]] = [[None] * self.columns for _ in self.rows]
        for r, row in enumerate(self.rows):
            line = out[r]
            c = 0
            for cell in row:
                while line[c] is not None:
                    c += 1
                if cell.row_span == 1 == cell.col_span:  # most cells: no loops
                    line[c] = (cell, True)
                    c += 1
                    continue
                for dr in range(cell.row_span):
                    for dc in range(cell.col_span):
                        out[r + dr][c + dc] = (cell, dr == 0 and dc == 0)
                c += cell.col_span
        assert not any(None in line for line in out), "grid has holes"
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
    ("+12", "-50", "0"), money with its unit ("6165711 元") unless the column's header
    states it, blanks empty, marks as is (:func:`~govdisclosure.renderers.numbers.cell_text`
    in Chinese)."""
    return cell_text(spec, cell, "zh_CN")


def _same(text: str) -> str:
    return text


def _depth(tree: tuple[Node, ...]) -> int:
    return max((1 + _depth(node.children) for node in tree), default=0)


def _leaf_count(node: Node) -> int:
    return sum(1 for _ in node.leaves())


@frozen
class _ExtraNode(Node):
    """A column a report printed that its edition's form lacks, as a leaf of a column tree
    (its ``key`` is that of the column it follows); ``index`` is its place in the table's
    ``extra_columns``. Its label is the report's own and is printed as it is."""

    index: int = 0


def _label(node: Node, tr: Translate) -> str:
    return node.label if isinstance(node, _ExtraNode) else tr(node.label)


def _with_extra_leaves(
    tree: tuple[Node, ...], extras: list[tuple[int, ExtraColumn]]
) -> tuple[Node, ...]:
    """``tree`` with each extra column right after the leaf it follows, as its sibling
    (so inside the same group: "小计" after 其他, under 法人或其他组织)."""
    out: list[Node] = []
    for node in tree:
        if node.children:
            out.append(attrs.evolve(node, children=_with_extra_leaves(node.children, extras)))
            continue
        out.append(node)
        out += [
            _ExtraNode(node.key, extra.label, index=i)
            for i, extra in extras
            if extra.after == node.key.value
        ]
    return tuple(out)


def _blocks_with_extra_columns(table: CellTable[Any, Any]) -> tuple[Block, ...]:
    """The table's blocks, their column trees holding the table's extra columns."""
    return tuple(
        Block(
            block.caption,
            block.row_tree,
            _with_extra_leaves(
                block.column_tree,
                [(i, c) for i, c in enumerate(table.extra_columns) if c.block == number],
            ),
        )
        for number, block in enumerate(table.layout.blocks)
    )


def _column_header(tree: tuple[Node, ...], height: int, tr: Translate) -> list[list[GridCell]]:
    """Header rows for a column tree: groups span their leaves, leaves reach the bottom."""
    rows: list[list[GridCell]] = [[] for _ in range(height)]

    def place(nodes: tuple[Node, ...], depth: int) -> None:
        for node in nodes:
            if node.children:
                rows[depth].append(GridCell(tr(node.label), Role.COLUMN, 1, _leaf_count(node)))
                place(node.children, depth + 1)
            else:
                rows[depth].append(GridCell(_label(node, tr), Role.COLUMN, height - depth, 1))

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


class _Slot(NamedTuple):
    """Where a data cell goes in a grid skeleton: its position in the table's cells."""

    position: int
    col_span: int = 1


class _ExtraSlot(NamedTuple):
    """Where a cell of an extra column goes: the column's place in the table's
    ``extra_columns`` and the row's place in its block."""

    column: int
    row: int
    col_span: int = 1


_Item = GridCell | _Slot | _ExtraSlot


def _values(layout: TableLayout, block: Block, row: Node) -> list[_Item]:
    return [
        _ExtraSlot(column.index, block.rows.index(row))
        if isinstance(column, _ExtraNode)
        else _Slot(layout.position(row.key, column.key))
        for column in block.columns
    ]


def _stacked(layout: TableLayout, blocks: tuple[Block, ...], tr: Translate) -> _Skeleton:
    # Table 二: blocks under captions, each with its header row; a block narrower than the
    # widest lets its last column span the rest, as the form does.
    values = max(len(b.columns) for b in blocks)
    width = 1 + values
    rows: list[tuple[_Item, ...]] = []
    for block in blocks:
        assert block.caption is not None
        rows.append((GridCell(tr(block.caption.zh), Role.CAPTION, 1, width),))
        pad = values - len(block.columns)
        header: list[_Item] = [GridCell(tr(layout.corner), Role.CORNER)]
        header += [GridCell(_label(c, tr), Role.COLUMN) for c in block.columns]
        header[-1] = _widen(header[-1], pad)
        rows.append(tuple(header))
        for row in block.rows:
            cells: list[_Item] = [GridCell(tr(row.label), Role.ROW), *_values(layout, block, row)]
            cells[-1] = _widen(cells[-1], pad)
            rows.append(tuple(cells))
    return _Skeleton(layout.number, width, 0, tuple(rows))


def _widen(item: _Item, extra: int) -> _Item:
    if not extra:
        return item
    if isinstance(item, _Slot | _ExtraSlot):
        return item._replace(col_span=item.col_span + extra)
    return GridCell(item.text, item.role, item.row_span, item.col_span + extra)


def _crossed(
    layout: TableLayout, blocks: tuple[Block, ...], tr: Translate, number: Translate
) -> _Skeleton:
    # Table 三: row headers on the left (as deep as the row tree), column headers on top.
    (block,) = blocks
    label_width = _depth(block.row_tree)
    height = _depth(block.column_tree)
    header = _column_header(block.column_tree, height, tr)
    header[0].insert(0, GridCell(tr(layout.corner), Role.CORNER, height, label_width))
    starts = _row_cells(block.row_tree, label_width, tr, number)
    rows: list[tuple[_Item, ...]] = [tuple(r) for r in header]
    for row in block.rows:
        rows.append((*starts[row.key], *_values(layout, block, row)))
    return _Skeleton(layout.number, label_width + len(block.columns), height, tuple(rows))


def _flat(layout: TableLayout, blocks: tuple[Block, ...], tr: Translate) -> _Skeleton:
    # Table 四: one number row; the case tree and the results together make the header.
    (block,) = blocks
    results = block.column_tree

    def crossed(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
        return tuple(
            Node(n.key, n.label, n.numbering, crossed(n.children) if n.children else results)
            for n in nodes
        )

    tree = crossed(block.row_tree)
    height = _depth(tree)
    header: list[tuple[_Item, ...]] = [tuple(r) for r in _column_header(tree, height, tr)]
    numbers: list[_Item] = []
    for row in block.rows:
        numbers += _values(layout, block, row)
    return _Skeleton(layout.number, len(numbers), height, (*header, tuple(numbers)))


class _Skeleton(NamedTuple):
    """A grid without its figures: header and label cells, and slots for the data."""

    number: str
    columns: int
    header_rows: int
    rows: tuple[tuple[_Item, ...], ...]


def _skeleton(
    layout: TableLayout,
    tr: Translate,
    number: Translate,
    blocks: tuple[Block, ...] | None = None,
) -> _Skeleton:
    """The skeleton of ``layout``, or of ``blocks`` when given (the layout's blocks with
    the extra columns of a table in their column trees)."""
    blocks = layout.blocks if blocks is None else blocks
    if len(blocks) > 1:
        return _stacked(layout, blocks, tr)
    if layout.flat:
        return _flat(layout, blocks, tr)
    return _crossed(layout, blocks, tr, number)


def _localized(
    table: TableLayout, locale: str, blocks: tuple[Block, ...] | None = None
) -> _Skeleton:
    return _skeleton(
        table, translator(locale), functools.partial(row_numbering, locale=locale), blocks
    )


@functools.cache
def _skeleton_for(edition: Edition, section: Section, locale: str) -> _Skeleton:
    # The words of a grid depend only on the edition, the table and the language: built
    # once, then only the figures are filled in for each report.
    return _localized(layout(edition).table(section), locale)


def row_numbering(printed: str, locale: str) -> str:
    """A table row's numbering in ``locale``: "一、" / "（一）" / "1." stay in Chinese;
    in English they read "1. ", "(1) ", "1. ".

    >>> row_numbering("（七）", "en"), row_numbering("三、", "en"), row_numbering("3.", "en")
    ('(7) ', '3. ', '3. ')
    """
    if locale != "en" or not printed:
        return printed
    if printed.startswith("（") and (number := value(printed[1:-1])) is not None:
        return f"({number}) "
    if printed.endswith("、") and (number := value(printed[:-1])) is not None:
        return f"{number}. "
    return printed + " "


def table_grid(
    table: CellTable[Any, Any],
    *,
    formatter: Formatter = plain_text,
    locale: str | None = None,
    translate: Translate | None = None,
    numbering: Translate | None = None,
) -> Grid:
    """The grid of ``table`` as its edition's form lays it out. ``formatter`` turns each
    cell into text (default: as the form prints it). Labels and row numbering are in
    ``locale`` (default: the official Chinese) — or made by ``translate`` and
    ``numbering`` when given (each printed label, and each numbering such as "一、",
    "（一）", "1.")."""
    table_layout = table.layout
    language = normalize_locale(locale or "zh_CN")
    # Extra columns change the header tree: such a table gets a skeleton of its own, so
    # that the cached skeleton of its edition stays that of the form.
    blocks = _blocks_with_extra_columns(table) if table.extra_columns else table_layout.blocks
    if translate is None and numbering is None:
        if table.extra_columns:
            skeleton = _localized(table_layout, language, blocks)
        else:
            skeleton = _skeleton_for(table.edition, table.section, language)
    else:
        skeleton = _skeleton(table_layout, translate or _same, numbering or _same, blocks)
    specs, cells = table_layout.cells, table.cells
    notes = dict(table.annotations)
    english = language == "en"

    def number(item: _Slot | _ExtraSlot) -> GridCell:
        if type(item) is _ExtraSlot:
            return _extra_cell(table, item, formatter)
        assert type(item) is _Slot
        position = item.position
        text = formatter(specs[position], cells[position])
        note = notes.get(position)
        if note is not None:  # printed in the cell after the figure: "22（其中修订16件）"
            text += f" ({note})" if english else f"（{note}）"
        return GridCell(text, Role.NUMBER, 1, item.col_span, specs[position], cells[position])

    rows = [
        tuple([item if type(item) is GridCell else number(item) for item in row])  # type: ignore[arg-type]
        for row in skeleton.rows
    ]
    if table.extra_rows:
        rows = _with_extra_rows(rows, skeleton, table, blocks, formatter)
    return Grid(skeleton.number, skeleton.columns, skeleton.header_rows, tuple(rows))


def _extra_cell(table: CellTable[Any, Any], item: _ExtraSlot, formatter: Formatter) -> GridCell:
    """A cell of an extra column, formatted as a count or an amount of the row it is in."""
    column = table.extra_columns[item.column]
    cell = column.cells[item.row]
    block = table.layout.blocks[column.block]
    row = block.rows[item.row].key
    after = next(node.key for node in block.columns if node.key.value == column.after)
    kind = CellKind.MONEY if type(cell) is Money else CellKind.COUNT
    spec = CellSpec(table.layout.position(row, after), column.block, row, after, kind, None)
    return GridCell(formatter(spec, cell), Role.NUMBER, 1, item.col_span, None, cell)


def _with_extra_rows(
    rows: list[tuple[GridCell, ...]],
    skeleton: _Skeleton,
    table: CellTable[Any, Any],
    blocks: tuple[Block, ...],
    formatter: Formatter,
) -> list[tuple[GridCell, ...]]:
    """Rows a report printed that its edition's form lacks, kept in the output: in table 二
    right after the row they followed; in tables 三 and 四, whose merged row headers
    cannot take a foreign row inside them, at the end of the table. Under an extra
    column they have an empty cell."""
    plans = {plan.name: plan for plan in table.layout.row_plans}
    stacked = skeleton.header_rows == 0
    # Table 四 is printed flat: no label columns (its extra rows go under the figures).
    label_width = 0 if table.layout.flat else skeleton.columns - len(blocks[-1].columns)
    placed: dict[str, int] = {}
    for extra in table.extra_rows:
        plan = plans[extra.after] if extra.after else table.layout.row_plans[-1]
        own = iter(zip(table.layout.cells[plan.start : plan.stop], extra.cells, strict=True))
        figures: list[GridCell] = []
        for column in blocks[table.layout.cells[plan.start].block].columns:
            if isinstance(column, _ExtraNode):
                figures.append(GridCell("", Role.NUMBER))
            else:
                spec, cell = next(own)
                figures.append(GridCell(formatter(spec, cell), Role.NUMBER, spec=None, value=cell))
        if stacked:
            figures[-1] = _widen(figures[-1], skeleton.columns - 1 - len(figures))  # type: ignore[assignment]
            row = (GridCell(extra.label, Role.ROW), *figures)
            anchor = next(
                i
                for i, r in enumerate(rows)
                if any(c.spec is not None and c.spec.row.value == plan.name for c in r)
            )
            # After the anchor and the extra rows already put after it: in their order.
            rows.insert(anchor + 1 + placed.get(plan.name, 0), row)
            placed[plan.name] = placed.get(plan.name, 0) + 1
        elif label_width:
            rows.append((GridCell(extra.label, Role.ROW, 1, label_width), *figures))
        else:  # table 四: the label across the table, the figures under it
            rows.append((GridCell(extra.label, Role.ROW, 1, skeleton.columns),))
            figures[-1] = _widen(figures[-1], skeleton.columns - len(figures))  # type: ignore[assignment]
            rows.append(tuple(figures))
    return rows
