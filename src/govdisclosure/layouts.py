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
    Applicant,
    ApplicationRow,
    Art20Item,
    MoneyUnit,
    ProactiveColumn,
    ProactiveRow,
    ReviewCase,
    ReviewResult,
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

_NUMERALS = "一二三四五六七八九十"


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
    """One number row of a table as stored: where its cells start, and its columns.

    Precomputed so that code walking a table row by row (serialisers, readers) does
    not search the layout for every cell.
    """

    key: LabelledEnum
    name: str
    start: int
    columns: tuple[Node, ...]
    column_names: tuple[str, ...]
    kinds: tuple[CellKind, ...]
    column_set: frozenset[str] = field(init=False, repr=False, eq=False)
    stop: int = field(init=False, repr=False, eq=False)
    #: Picks this row's values, in column order, out of a mapping keyed by column name.
    pick: Callable[[Mapping[str, Any]], tuple[Any, ...]] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "column_set", frozenset(self.column_names))
        object.__setattr__(self, "stop", self.start + len(self.columns))
        names = self.column_names
        if len(names) == 1:
            # itemgetter of one key returns the value itself, not a 1-tuple.
            (name,) = names
            object.__setattr__(self, "pick", lambda row: (row[name],))
        else:
            object.__setattr__(self, "pick", operator.itemgetter(*names))


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
    #: The balance spelled out per column (empty when the table has none).
    balances: tuple[CellBalance, ...] = field(init=False, repr=False)
    cells: tuple[CellSpec, ...] = field(init=False)
    #: Whether every cell is a count (no signed change, no money): such tables can be
    #: checked in one pass over plain ints.
    counts_only: bool = field(init=False, repr=False)
    #: Callables picking, out of the cells in order, the counts, and the counts and
    #: signed changes (every cell but money), and the positions of the money cells:
    #: readers check the numbers in bulk and only money one by one.
    pick_counts: Callable[[Sequence[Any]], tuple[Any, ...]] = field(
        init=False, repr=False, eq=False
    )
    pick_numbers: Callable[[Sequence[Any]], tuple[Any, ...]] = field(
        init=False, repr=False, eq=False
    )
    money_positions: tuple[int, ...] = field(init=False, repr=False)
    sums: tuple[CellSum, ...] = field(init=False)
    row_plans: tuple[RowPlan, ...] = field(init=False, repr=False)
    row_names: frozenset[str] = field(init=False, repr=False)
    #: The row names in order, and the column name of every cell in order: the keys of
    #: the table's JSON object as written, for readers that check them in one pass
    #: (a list and a tuple: what slicing a list and transposing pairs give).
    row_name_order: list[str] = field(init=False, repr=False)
    column_name_order: tuple[str, ...] = field(init=False, repr=False)
    #: The column names every row shares, when all rows have the same columns (tables
    #: 三 and 四), else ``None``.
    shared_columns: tuple[str, ...] | None = field(init=False, repr=False)
    _index: Mapping[tuple[LabelledEnum, LabelledEnum], int] = field(init=False, repr=False)
    _plan_of: Mapping[LabelledEnum, RowPlan] = field(init=False, repr=False)
    _rows: tuple[Node, ...] = field(init=False, repr=False)
    _columns: tuple[Node, ...] = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        cells = [
            CellSpec(0, number, row.key, column.key, column.kind, column.unit)
            for number, block in enumerate(self.blocks)
            for row in block.rows
            for column in block.columns
        ]
        cells = [CellSpec(i, c.block, c.row, c.column, c.kind, c.unit) for i, c in enumerate(cells)]
        index = {(c.row, c.column): c.position for c in cells}
        sums: list[CellSum] = []
        for block in self.blocks:
            for row in block.rows:
                for column in block.columns:
                    if column.total_of:
                        sums.append(
                            CellSum(
                                column.total_rule,
                                index[row.key, column.key],
                                tuple(index[row.key, part] for part in column.total_of),
                            )
                        )
            for row in block.rows:
                if row.total_of:
                    for column in block.columns:
                        sums.append(
                            CellSum(
                                row.total_rule,
                                index[row.key, column.key],
                                tuple(index[part, column.key] for part in row.total_of),
                            )
                        )
        plans: list[RowPlan] = []
        for block in self.blocks:
            for row in block.rows:
                columns = block.columns
                plans.append(
                    RowPlan(
                        row.key,
                        row.key.value,
                        index[row.key, columns[0].key],
                        columns,
                        tuple(c.key.value for c in columns),
                        tuple(c.kind for c in columns),
                    )
                )
        object.__setattr__(self, "row_plans", tuple(plans))
        object.__setattr__(self, "row_names", frozenset(plan.name for plan in plans))
        object.__setattr__(self, "row_name_order", [plan.name for plan in plans])
        object.__setattr__(
            self, "column_name_order", tuple(name for plan in plans for name in plan.column_names)
        )
        shared = {plan.column_names for plan in plans}
        object.__setattr__(self, "shared_columns", shared.pop() if len(shared) == 1 else None)
        object.__setattr__(self, "_plan_of", {plan.key: plan for plan in plans})
        balances: tuple[CellBalance, ...] = ()
        if self.balance is not None:
            rule, left, right = self.balance.rule, self.balance.left, self.balance.right
            balances = tuple(
                CellBalance(
                    rule,
                    column.key,
                    tuple(index[row, column.key] for row in left),
                    tuple(index[row, column.key] for row in right),
                )
                for column in self.blocks[0].columns
            )
        object.__setattr__(self, "balances", balances)
        object.__setattr__(self, "cells", tuple(cells))
        object.__setattr__(self, "counts_only", all(c.kind is CellKind.COUNT for c in cells))
        object.__setattr__(
            self, "pick_counts", _picker([c.position for c in cells if c.kind is CellKind.COUNT])
        )
        object.__setattr__(
            self,
            "pick_numbers",
            _picker([c.position for c in cells if c.kind is not CellKind.MONEY]),
        )
        object.__setattr__(
            self,
            "money_positions",
            tuple(c.position for c in cells if c.kind is CellKind.MONEY),
        )
        object.__setattr__(self, "sums", tuple(sums))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_rows", tuple(r for b in self.blocks for r in b.rows))
        object.__setattr__(self, "_columns", _unique(c for b in self.blocks for c in b.columns))

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

    def is_total(self, position: int) -> bool:
        """Whether the cell at ``position`` is a printed total."""
        return any(s.target == position for s in self.sums)


def _picker(positions: list[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    # itemgetter returns a bare item, not a tuple, for a single position.
    if len(positions) == 1:
        (position,) = positions
        return lambda cells: (cells[position],)
    if not positions:
        return lambda cells: ()
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


# --- building the layouts ---------------------------------------------------------------


def _leaf(key: LabelledEnum, labels: Mapping[Any, str], **kw: Any) -> Node:
    return Node(key, labels.get(key, key.zh), **kw)


def _group(key: LabelledEnum, *children: Node, labels: Mapping[Any, str]) -> Node:
    return Node(key, labels.get(key, key.zh), children=children)


def _numbered(tree: tuple[Node, ...], depth: int = 0) -> tuple[Node, ...]:
    """Number nodes the official way: 一、 at the top, （一） below, then 1."""
    out = []
    for i, node in enumerate(tree, start=1):
        if depth == 0:
            numbering = f"{_NUMERALS[i - 1]}、"
        elif depth == 1:
            numbering = f"（{_NUMERALS[i - 1]}）"
        else:
            numbering = f"{i}."
        out.append(
            Node(
                node.key,
                node.label,
                numbering,
                _numbered(node.children, depth + 1),
                node.kind,
                node.unit,
                node.total_of,
                node.total_rule,
            )
        )
    return tuple(out)


_BlockSpecs = list[
    tuple[Art20Item, tuple[ProactiveRow, ...], tuple[tuple[ProactiveColumn, CellKind], ...]]
]


def _proactive(edition: Edition) -> TableLayout:
    P, C = ProactiveRow, ProactiveColumn  # noqa: N806
    count, signed, money = CellKind.COUNT, CellKind.SIGNED, CellKind.MONEY
    labels: dict[Any, str] = {}
    if edition is Edition.V2019:
        spec: _BlockSpecs = [
            (
                Art20Item.ITEM_1,
                (P.RULES, P.NORMATIVE_DOCUMENTS),
                ((C.NEW_MADE, count), (C.NEW_PUBLISHED, count), (C.TOTAL_PUBLISHED, count)),
            ),
            (
                Art20Item.ITEM_5,
                (P.LICENSING, P.OTHER_SERVICES),
                ((C.PREVIOUS_ITEMS, count), (C.CHANGE, signed), (C.DECISIONS, count)),
            ),
            (
                Art20Item.ITEM_6,
                (P.PENALTY, P.COERCION),
                ((C.PREVIOUS_ITEMS, count), (C.CHANGE, signed), (C.DECISIONS, count)),
            ),
            (Art20Item.ITEM_8, (P.FEES,), ((C.PREVIOUS_ITEMS, count), (C.CHANGE, signed))),
            (
                Art20Item.ITEM_9,
                (P.PROCUREMENT,),
                ((C.PROCUREMENT_ITEMS, count), (C.PROCUREMENT_AMOUNT, money)),
            ),
        ]
        units = {C.PROCUREMENT_AMOUNT: MoneyUnit.YUAN}
    else:
        labels = {P.NORMATIVE_DOCUMENTS: "行政规范性文件", C.DECISIONS: "本年处理决定数量"}
        spec = [
            (
                Art20Item.ITEM_1,
                (P.RULES, P.NORMATIVE_DOCUMENTS),
                ((C.ISSUED, count), (C.REPEALED, count), (C.IN_FORCE, count)),
            ),
            (Art20Item.ITEM_5, (P.LICENSING,), ((C.DECISIONS, count),)),
            (Art20Item.ITEM_6, (P.PENALTY, P.COERCION), ((C.DECISIONS, count),)),
            (Art20Item.ITEM_8, (P.FEES,), ((C.FEE_AMOUNT, money),)),
        ]
        units = {C.FEE_AMOUNT: MoneyUnit.TEN_THOUSAND_YUAN}
    blocks = tuple(
        Block(
            item,
            tuple(_leaf(row, labels) for row in rows),
            tuple(_leaf(col, labels, kind=kind, unit=units.get(col)) for col, kind in columns),
        )
        for item, rows, columns in spec
    )
    return TableLayout(Section.PROACTIVE, "二", edition, blocks, corner="信息内容")


def _applications(edition: Edition) -> TableLayout:
    R, A = ApplicationRow, Applicant  # noqa: N806
    lb: dict[Any, str] = {}

    def leaves(*keys: ApplicationRow) -> tuple[Node, ...]:
        return tuple(_leaf(k, lb) for k in keys)

    if edition is Edition.V2019:
        other: Node = _leaf(R.OTHER_HANDLING, lb)
    else:
        other = _group(
            R.OTHER_HANDLING,
            *leaves(R.OTHER_NO_CORRECTION, R.OTHER_UNPAID_FEE, R.OTHER_MISC),
            labels=lb,
        )
    outcome_parts = (
        *leaves(R.DISCLOSED, R.PARTIALLY_DISCLOSED),
        _group(
            R.WITHHELD,
            *leaves(
                R.WITHHELD_STATE_SECRET,
                R.WITHHELD_PROHIBITED,
                R.WITHHELD_SECURITY,
                R.WITHHELD_THIRD_PARTY,
                R.WITHHELD_INTERNAL,
                R.WITHHELD_PROCESS,
                R.WITHHELD_ENFORCEMENT,
                R.WITHHELD_QUERY,
            ),
            labels=lb,
        ),
        _group(
            R.UNABLE,
            *leaves(R.UNABLE_NOT_HELD, R.UNABLE_NEEDS_CREATION, R.UNABLE_UNCLEAR),
            labels=lb,
        ),
        _group(
            R.NOT_PROCESSED,
            *leaves(
                R.NOT_PROCESSED_COMPLAINT,
                R.NOT_PROCESSED_REPEATED,
                R.NOT_PROCESSED_PUBLICATIONS,
                R.NOT_PROCESSED_MASS,
                R.NOT_PROCESSED_CONFIRMATION,
            ),
            labels=lb,
        ),
        other,
    )
    total = _leaf(
        R.TOTAL, lb, total_of=tuple(n.key for n in _leaves(outcome_parts)), total_rule="R2"
    )
    rows = _numbered(
        (
            _leaf(R.NEW, lb),
            _leaf(R.CARRIED_OVER, lb),
            _group(R.OUTCOMES, *outcome_parts, total, labels=lb),
            _leaf(R.CARRIED_FORWARD, lb),
        )
    )
    applicant_parts = (A.COMMERCIAL, A.RESEARCH, A.PUBLIC_WELFARE, A.LEGAL_SERVICES, A.OTHER)
    columns = (
        _group(
            A.APPLICANTS,
            _leaf(A.NATURAL_PERSON, lb),
            _group(A.LEGAL_PERSONS, *(_leaf(k, lb) for k in applicant_parts), labels=lb),
            _leaf(
                A.TOTAL,
                lb,
                total_of=(A.NATURAL_PERSON, *applicant_parts),
                total_rule="R3",
            ),
            labels=lb,
        ),
    )
    return TableLayout(
        Section.APPLICATIONS,
        "三",
        edition,
        (Block(None, rows, columns),),
        corner="（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        balance=Balance("E1", (R.NEW, R.CARRIED_OVER), (R.TOTAL, R.CARRIED_FORWARD)),
    )


def _reviews(edition: Edition) -> TableLayout:
    C, R = ReviewCase, ReviewResult  # noqa: N806
    lb: dict[Any, str] = {}
    results = (R.UPHELD, R.CORRECTED, R.OTHER, R.PENDING)
    cases = (
        _leaf(C.REVIEW, lb),
        _group(
            C.LITIGATION,
            _leaf(C.LITIGATION_DIRECT, lb),
            _leaf(C.LITIGATION_AFTER_REVIEW, lb),
            labels=lb,
        ),
    )
    columns = (
        *(_leaf(r, lb) for r in results),
        _leaf(R.TOTAL, lb, total_of=results, total_rule="R5"),
    )
    return TableLayout(Section.REVIEWS, "四", edition, (Block(None, cases, columns),), flat=True)


@functools.cache
def layout(edition: Edition) -> EditionLayout:
    """The layout of ``edition`` (built once, then shared).

    >>> [b.caption.zh for b in layout(Edition.V2021).proactive.blocks]
    ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']
    """
    if not isinstance(edition, Edition):
        raise OptionError(f"expected an Edition, got {edition!r}")
    return EditionLayout(edition, _proactive(edition), _applications(edition), _reviews(edition))


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
