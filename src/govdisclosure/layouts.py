"""The layout of each edition's tables: the one description everything else reads.

A :class:`TableLayout` says which rows and columns a table has, in which order,
nested how, printed with which label and numbering, which kind of value each
column holds, and which cells are the totals of which. The model validates cells
against it, :func:`govdisclosure.fill_totals` and the checker read its sums, the
renderers draw their header grids from its trees, and the readers match printed
labels against it. No label list exists anywhere else.

>>> from govdisclosure import Edition
>>> three = layout(Edition.V2019).applications
>>> len(three.rows_in_order), len(three.columns_in_order)
(23, 7)
>>> [node.numbering + node.label for node in three.row_tree][:3]
['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果']
"""

from __future__ import annotations

import enum
import functools
import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from attrs import field, frozen

from govdisclosure.categories import (
    Art20Item,
    MoneyUnit,
    Section,
)
from govdisclosure.editions import Edition
from govdisclosure.errors import OptionError
from govdisclosure.labels import LabelledEnum, label_keys

__all__ = [
    "Balance",
    "Block",
    "CellBalance",
    "CellKind",
    "CellSpec",
    "CellSum",
    "EditionLayout",
    "Node",
    "RowPlan",
    "TableLayout",
    "layout",
]

E = TypeVar("E", bound=LabelledEnum)


class CellKind(enum.Enum):
    """What a column holds: a count (int >= 0), a signed change, or an amount of money."""

    COUNT = "count"
    SIGNED = "signed"
    MONEY = "money"


@frozen
class Node:
    """A row or column header: its key, printed label and numbering, and its children.

    A node with children is a group (it spans its children and has no cells of its
    own); a leaf is a number row or column. A leaf with ``total_of`` is the total of
    those sibling leaves, checked by rule ``total_rule``.
    """

    key: LabelledEnum
    label: str
    numbering: str = ""
    children: tuple[Node, ...] = ()
    kind: CellKind = CellKind.COUNT
    unit: MoneyUnit | None = None
    total_of: tuple[LabelledEnum, ...] = ()
    total_rule: str = ""

    @property
    def is_group(self) -> bool:
        return bool(self.children)

    def leaves(self) -> Iterator[Node]:
        """The number rows (or columns) under this node, in order; itself if a leaf."""
        if not self.children:
            yield self
        for child in self.children:
            yield from child.leaves()

    def walk(self, ancestors: tuple[Node, ...] = ()) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        """Every node under this one (itself first) with its ancestors."""
        yield self, ancestors
        for child in self.children:
            yield from child.walk((*ancestors, self))


def _walk_all(tree: tuple[Node, ...]) -> Iterator[tuple[Node, tuple[Node, ...]]]:
    for node in tree:
        yield from node.walk()


def _leaves(tree: tuple[Node, ...]) -> tuple[Node, ...]:
    return tuple(leaf for node in tree for leaf in node.leaves())


@frozen
class Block:
    """One grid of a table: table 二 stacks five (2019) or four (2021) of them under
    captions 第二十条第（X）项; tables 三 and 四 are one block each."""

    caption: Art20Item | None
    row_tree: tuple[Node, ...]
    column_tree: tuple[Node, ...]

    @property
    def rows(self) -> tuple[Node, ...]:
        """The number rows, in order."""
        return _leaves(self.row_tree)

    @property
    def columns(self) -> tuple[Node, ...]:
        """The number columns, in order."""
        return _leaves(self.column_tree)


@frozen
class CellSpec:
    """One cell of a table: where it is and what it may hold."""

    position: int
    block: int
    row: LabelledEnum
    column: LabelledEnum
    kind: CellKind
    unit: MoneyUnit | None


@frozen
class RowPlan:
    """One number row of a table as stored: where its cells start and stop, and its
    columns (the columns of the row's block)."""

    key: LabelledEnum
    name: str
    start: int
    columns: tuple[Node, ...]
    kinds: tuple[CellKind, ...]

    @property
    def stop(self) -> int:
        return self.start + len(self.columns)


@frozen
class Balance:
    """Column by column, the rows ``left`` add up to the rows ``right``: table 三's printed
    rule E1, 一 + 二 = 三（七）总计 + 四 ("第一项加第二项之和，等于第三项加第四项之和")."""

    rule: str
    left: tuple[LabelledEnum, ...]
    right: tuple[LabelledEnum, ...]


@frozen
class CellBalance:
    """In one column, the cells ``left`` add up to the cells ``right`` (positions)."""

    rule: str
    column: LabelledEnum
    left: tuple[int, ...]
    right: tuple[int, ...]


@frozen
class CellSum:
    """``target`` is printed as the sum of ``parts`` (positions in the table's cells)."""

    rule: str
    target: int
    parts: tuple[int, ...]


#: Picks some of a table's cells, in order, out of all of them.
Picker = Callable[[Sequence[Any]], Sequence[Any]]


@frozen
class TableLayout:
    """The layout of one table in one edition.

    ``cells`` lists every number cell in reading order (block by block, row by row);
    ``sums`` lists every printed total as the sum of its parts, rows' totals first.
    """

    section: Section
    number: str
    edition: Edition
    blocks: tuple[Block, ...]
    corner: str = ""
    note: str = ""
    flat: bool = False
    balance: Balance | None = None
    cells: tuple[CellSpec, ...] = field(init=False)
    sums: tuple[CellSum, ...] = field(init=False)
    #: The balance spelled out per column (empty when the table has none).
    balances: tuple[CellBalance, ...] = field(init=False, repr=False)
    row_plans: tuple[RowPlan, ...] = field(init=False, repr=False)
    #: For each kind of cell the table has, a function picking the cells of that kind out
    #: of all of them: the table's validator checks each kind in bulk.
    cells_by_kind: tuple[tuple[CellKind, Picker], ...] = field(init=False, repr=False, eq=False)
    _index: Mapping[tuple[LabelledEnum, LabelledEnum], int] = field(init=False, repr=False)
    _plan_of: Mapping[LabelledEnum, RowPlan] = field(init=False, repr=False)
    _plan_named: Mapping[str, RowPlan] = field(init=False, repr=False)
    _rows: tuple[Node, ...] = field(init=False, repr=False)
    _columns: tuple[Node, ...] = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        cells = _cell_specs(self.blocks)
        index = {(c.row, c.column): c.position for c in cells}
        plans = _row_plans(self.blocks, index)
        derived = {
            "cells": cells,
            "sums": _sums(self.blocks, index),
            "balances": _balances(self.balance, self.blocks, index),
            "row_plans": plans,
            "cells_by_kind": _by_kind(cells),
            "_index": index,
            "_plan_of": {plan.key: plan for plan in plans},
            "_plan_named": {plan.name: plan for plan in plans},
            "_rows": tuple(r for b in self.blocks for r in b.rows),
            "_columns": _unique(c for b in self.blocks for c in b.columns),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    @property
    def row_tree(self) -> tuple[Node, ...]:
        """The row header tree of a single-block table."""
        return self.blocks[0].row_tree

    @property
    def column_tree(self) -> tuple[Node, ...]:
        """The column header tree of a single-block table."""
        return self.blocks[0].column_tree

    @property
    def rows_in_order(self) -> tuple[Node, ...]:
        """Every number row of the table, block by block."""
        return self._rows

    @property
    def columns_in_order(self) -> tuple[Node, ...]:
        """Every distinct number column of the table, in first-seen order."""
        return self._columns

    def position(self, row: LabelledEnum, column: LabelledEnum) -> int:
        """The position of cell (row, column) in the table's cells.

        Raises :class:`KeyError` when the edition has no such cell.
        """
        return self._index[row, column]

    def has_cell(self, row: LabelledEnum, column: LabelledEnum) -> bool:
        return (row, column) in self._index

    def row_plan(self, row: LabelledEnum) -> RowPlan:
        """The stored shape of number row ``row``; :class:`KeyError` if the table has none."""
        return self._plan_of[row]

    def has_row(self, row: LabelledEnum) -> bool:
        return row in self._plan_of

    def row_plan_named(self, name: str) -> RowPlan:
        """The stored shape of the number row whose ASCII key is ``name``; :class:`KeyError`
        if the table has none."""
        return self._plan_named[name]

    def has_row_named(self, name: str) -> bool:
        return type(name) is str and name in self._plan_named

    def row_node(self, row: LabelledEnum) -> Node:
        for node in self._rows:
            if node.key is row:
                return node
        raise KeyError(row)

    def column_node(self, column: LabelledEnum) -> Node:
        for node in self._columns:
            if node.key is column:
                return node
        raise KeyError(column)

    def columns_of(self, row: LabelledEnum) -> tuple[Node, ...]:
        """The number columns of the block that holds ``row``."""
        return self._plan_of[row].columns


# --- what a table layout derives from its blocks ----------------------------------------


def _cell_specs(blocks: tuple[Block, ...]) -> tuple[CellSpec, ...]:
    """Every number cell, block by block and row by row."""
    places = [
        (number, row, column)
        for number, block in enumerate(blocks)
        for row in block.rows
        for column in block.columns
    ]
    return tuple(
        CellSpec(position, number, row.key, column.key, column.kind, column.unit)
        for position, (number, row, column) in enumerate(places)
    )


def _sums(blocks: tuple[Block, ...], index: Mapping[Any, int]) -> tuple[CellSum, ...]:
    """Every printed total as the sum of its parts: in each block, the rows' totals
    (total columns) first, then the columns' totals (total rows)."""
    sums: list[CellSum] = []
    for block in blocks:
        for row in block.rows:
            sums.extend(
                CellSum(
                    column.total_rule,
                    index[row.key, column.key],
                    tuple(index[row.key, part] for part in column.total_of),
                )
                for column in block.columns
                if column.total_of
            )
        for row in block.rows:
            if row.total_of:
                sums.extend(
                    CellSum(
                        row.total_rule,
                        index[row.key, column.key],
                        tuple(index[part, column.key] for part in row.total_of),
                    )
                    for column in block.columns
                )
    return tuple(sums)


def _row_plans(blocks: tuple[Block, ...], index: Mapping[Any, int]) -> tuple[RowPlan, ...]:
    return tuple(
        RowPlan(
            row.key,
            row.key.value,
            index[row.key, block.columns[0].key],
            block.columns,
            tuple(c.kind for c in block.columns),
        )
        for block in blocks
        for row in block.rows
    )


def _balances(
    balance: Balance | None, blocks: tuple[Block, ...], index: Mapping[Any, int]
) -> tuple[CellBalance, ...]:
    if balance is None:
        return ()
    return tuple(
        CellBalance(
            balance.rule,
            column.key,
            tuple(index[row, column.key] for row in balance.left),
            tuple(index[row, column.key] for row in balance.right),
        )
        for column in blocks[0].columns
    )


def _by_kind(cells: tuple[CellSpec, ...]) -> tuple[tuple[CellKind, Picker], ...]:
    kinds = dict.fromkeys(cell.kind for cell in cells)
    if len(kinds) == 1:
        (kind,) = kinds
        return ((kind, _all),)
    return tuple((kind, _picker([c.position for c in cells if c.kind is kind])) for kind in kinds)


def _all(cells: Sequence[Any]) -> Sequence[Any]:
    return cells


def _picker(positions: list[int]) -> Picker:
    # itemgetter returns a bare item, not a tuple, for a single position.
    if len(positions) == 1:
        (position,) = positions
        return lambda cells: (cells[position],)
    return operator.itemgetter(*positions)


def _unique(nodes: Iterator[Node]) -> tuple[Node, ...]:
    seen: dict[LabelledEnum, Node] = {}
    for node in nodes:
        seen.setdefault(node.key, node)
    return tuple(seen.values())


@frozen
class EditionLayout:
    """The three tables of one edition."""

    edition: Edition
    proactive: TableLayout
    applications: TableLayout
    reviews: TableLayout
    _by_section: Mapping[Section, TableLayout] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_section = {table.section: table for table in self.tables}
        object.__setattr__(self, "_by_section", by_section)

    @property
    def tables(self) -> tuple[TableLayout, TableLayout, TableLayout]:
        return (self.proactive, self.applications, self.reviews)

    def table(self, section: Section) -> TableLayout:
        """The layout of the table of ``section``; ``KeyError`` for a section with none.

        >>> from govdisclosure.categories import Section
        >>> layout(Edition.V2021).table(Section.APPLICATIONS).number
        '三'
        """
        return self._by_section[section]


@functools.cache
def layout(edition: Edition) -> EditionLayout:
    """The layout of ``edition`` (built once, then shared).

    >>> [b.caption.zh for b in layout(Edition.V2021).proactive.blocks]
    ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']
    """
    if not isinstance(edition, Edition):
        raise OptionError(f"expected an Edition, got {edition!r}")
    # The forms are built from this module's classes, so they are imported here, once.
    from govdisclosure.forms import applications, proactive, reviews

    return EditionLayout(edition, proactive(edition), applications(edition), reviews(edition))


@functools.cache
def label_index(enum_cls: type[E]) -> Mapping[str, E]:
    """Every look-up key of every member of ``enum_cls``: its official label, the labels
    the layouts print for it in each edition, and those labels prefixed by the labels of
    the groups above it ("不予公开" + "危及“三安全一稳定”"). Keys that would name two
    members are left out, so a look-up never guesses."""
    candidates: dict[str, set[E]] = {}

    def add(label: str, member: E) -> None:
        for key in label_keys(label):
            candidates.setdefault(key, set()).add(member)

    for member in enum_cls:
        add(member.zh, member)
    for edition in Edition:
        for table in layout(edition).tables:
            for block in table.blocks:
                if isinstance(block.caption, enum_cls):
                    add(block.caption.zh, block.caption)
                for tree in (block.row_tree, block.column_tree):
                    for node, ancestors in _walk_all(tree):
                        if not isinstance(node.key, enum_cls):
                            continue
                        add(node.label, node.key)
                        for start in range(len(ancestors)):
                            prefix = "".join(a.label for a in ancestors[start:])
                            add(prefix + node.label, node.key)
    return {key: members.pop() for key, members in candidates.items() if len(members) == 1}
