"""Tables as data: tidy records, one per cell of tables 二, 三 and 四, and of the rows
and columns a report printed that its form does not have.

A record names its report (source, organ, year, edition), its table (the section's key
and its number), where the cell is in the form (the block of table 二, the row and the
column by their keys and by the labels the edition prints, numbering included, and the
groups above them), and what the cell holds: its ``state`` — ``count``, ``signed`` (a
本年增/减 change), ``money``, ``blank`` (nothing printed: not zero) or
``not_applicable`` (a mark such as "/" printed instead of a number, kept in ``mark``) —
its ``value`` (an ``int``, an exact :class:`~decimal.Decimal` amount, or ``None`` when
it holds no number), the ``unit`` of an amount, and the annotation printed in it. Every
label comes from the edition's layout (:func:`govdisclosure.layouts.layout`).

>>> import govdisclosure as gd
>>> report = gd.examples.load("zhongning-minzheng-2020")
>>> records = list(to_records(report))
>>> len(records) == sum(len(table.cells) for table in report.tables)
True
>>> total = next(r for r in records if (r.row, r.column) == ("total", "natural_person"))
>>> total.table, total.row_label, total.row_group, total.column_label, total.column_group
('三', '（七）总计', '三、本年度办理结果', '自然人', '申请人情况')
>>> total.state, total.value
('count', 0)
>>> review = next(r for r in records if (r.table, r.row, r.column) == ("四", "review", "upheld"))
>>> review.state, review.value, review.to_dict()["row_label"]
('blank', None, '行政复议')
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Final

import attrs
from attrs import frozen

from govdisclosure.cells import Blank, Money, NotApplicable
from govdisclosure.editions import Edition
from govdisclosure.export.columns import INT, REPORT_COLUMNS, STATE, TEXT, VALUE, Column
from govdisclosure.export.sources import reports_of
from govdisclosure.layouts import Block, CellKind, Node, TableLayout, layout
from govdisclosure.report import AnnualReport
from govdisclosure.tables import CellTable

__all__ = ["RECORD_COLUMNS", "Record", "record_rows", "to_records"]

#: The columns of a record, in order (the fields of :class:`Record`).
RECORD_COLUMNS: Final = (
    *REPORT_COLUMNS,
    Column("section", "部分", "section", STATE, 12, trusted=True),
    Column("table", "表", "table", STATE, 5, trusted=True),
    Column("block", "栏目", "block", STATE, 9, trusted=True),
    Column("block_label", "栏目名称", "block label", TEXT, 18, trusted=True),
    Column("origin", "来源于", "origin", STATE, 12, trusted=True),
    Column("extra_index", "增列序号", "extra index", INT, 8),
    Column("position", "单元格序号", "cell position", INT, 8),
    Column("row", "行", "row", STATE, 22, trusted=True),
    Column("row_label", "行名称", "row label", TEXT, 30),
    Column("row_group", "行分组", "row group", TEXT, 24, trusted=True),
    Column("column", "列", "column", STATE, 16, trusted=True),
    Column("column_label", "列名称", "column label", TEXT, 18),
    Column("column_group", "列分组", "column group", TEXT, 18, trusted=True),
    Column("after", "位于其后", "after", STATE, 16, trusted=True),
    Column("kind", "列的类型", "column kind", STATE, 8, trusted=True),
    Column("state", "状态", "state", STATE, 14, trusted=True),
    Column("value", "数值", "value", VALUE, 12),
    Column("unit", "单位", "unit", STATE, 9, trusted=True),
    Column("mark", "标记", "mark", TEXT, 6),
    Column("annotation", "注释", "annotation", TEXT, 24),
)

#: The states a cell can be in.
STATES: Final = ("count", "signed", "money", "blank", "not_applicable")


@frozen
class Record:
    """One cell of one report's table, as a tidy record (see the module's documentation;
    the fields are :data:`RECORD_COLUMNS`, in order).

    ``origin`` is ``form`` for a cell of the edition's form, ``extra_row`` or
    ``extra_column`` for one of the rows or columns the report printed besides
    (``extra_index`` counts them in the table, ``after`` names the row or column they
    followed, ``position`` is then ``None``).
    """

    source: str | None
    organ: str
    year: int
    edition: str
    section: str
    table: str
    block: str | None
    block_label: str | None
    origin: str
    extra_index: int | None
    position: int | None
    row: str | None
    row_label: str
    row_group: str | None
    column: str | None
    column_label: str
    column_group: str | None
    after: str | None
    kind: str | None
    state: str
    value: int | Decimal | None
    unit: str | None
    mark: str | None
    annotation: str | None

    def to_dict(self) -> dict[str, Any]:
        """The record as a dict keyed as :data:`RECORD_COLUMNS`, in their order."""
        return dict(zip(_KEYS, attrs.astuple(self, recurse=False), strict=True))


_KEYS: Final = tuple(column.key for column in RECORD_COLUMNS)
assert tuple(field.name for field in attrs.fields(Record)) == _KEYS


def to_records(report: Any) -> Iterator[Record]:
    """The tidy records of ``report`` (an :class:`~govdisclosure.report.AnnualReport`,
    or anything that holds one: see :mod:`govdisclosure.export.sources`), table by
    table in layout order, each table's extra rows and then its extra columns last."""
    for source, each in reports_of(report):
        for row in record_rows(each, source):
            yield Record(*row)


# --- rows, from plans made once per edition -----------------------------------------------

#: Where a cell is, as the record says it: the columns from ``section`` to ``kind``.
_Place = tuple[Any, ...]


@frozen
class _TablePlan:
    """The place of every cell of one table of one edition, and what its extras need."""

    places: tuple[_Place, ...]
    #: Per form cell, its state when it holds an int (its column's kind).
    int_states: tuple[str, ...]
    #: Per block: the places of an extra row's cells (but the row's own label), by column.
    column_parts: tuple[tuple[tuple[Any, ...], ...], ...]
    #: Per block: the places of an extra column's cells (but its own label), by row.
    row_parts: tuple[tuple[tuple[Any, ...], ...], ...]
    #: The block of each number row, by its key.
    block_of_row: dict[str, int]
    last_block: int


def _named(tree: tuple[Node, ...]) -> dict[Any, tuple[str, str | None]]:
    """Each leaf of ``tree`` by key: its printed label with its numbering, and the
    groups above it, outermost first, the same way."""
    named = {}
    for top in tree:
        for node, ancestors in top.walk():
            if not node.is_group:
                group = " / ".join(a.numbering + a.label for a in ancestors) or None
                named[node.key] = (node.numbering + node.label, group)
    return named


def _block_head(table: TableLayout, block: Block) -> tuple[Any, ...]:
    caption = block.caption
    return (
        table.section.value,
        table.number,
        caption.value if caption else None,
        caption.zh if caption else None,
    )


@functools.cache
def _plans(edition: Edition) -> tuple[_TablePlan, ...]:
    return tuple(_table_plan(table) for table in layout(edition).tables)


def _table_plan(table: TableLayout) -> _TablePlan:
    places, states = [], []
    column_parts, row_parts = [], []
    block_of_row = {}
    for number, block in enumerate(table.blocks):
        head = _block_head(table, block)
        rows, columns = _named(block.row_tree), _named(block.column_tree)
        for row in block.rows:
            block_of_row[row.key.value] = number
            for column in block.columns:
                position = table.position(row.key, column.key)
                form = ("form", None, position)
                kind = (None, column.kind.value)  # after: only extras follow something
                row_place = (row.key.value, *rows[row.key])
                column_place = (column.key.value, *columns[column.key])
                places.append((*head, *form, *row_place, *column_place, *kind))
                states.append("signed" if column.kind is CellKind.SIGNED else "count")
        column_parts.append(
            tuple((column.key.value, *columns[column.key]) for column in block.columns)
        )
        row_parts.append(tuple((row.key.value, *rows[row.key]) for row in block.rows))
    return _TablePlan(
        tuple(places),
        tuple(states),
        tuple(column_parts),
        tuple(row_parts),
        block_of_row,
        len(table.blocks) - 1,
    )


_BLANK: Final = ("blank", None, None, None)


def _same(value: Any) -> Any:
    return value


def _content(
    cell: Any, int_state: str, text: Callable[[str], Any], amount: Callable[[Decimal], Any]
) -> tuple[Any, ...]:
    """What a cell holds, as the columns from ``state`` to ``mark`` say it."""
    kind = type(cell)
    if kind is int:
        return (int_state, cell, None, None)
    if kind is Blank:
        return _BLANK
    if kind is NotApplicable:
        return ("not_applicable", None, None, text(cell.mark))
    assert kind is Money  # a table holds nothing else (its validator says so)
    return ("money", amount(cell.amount), cell.unit.value, None)


def record_rows(
    report: AnnualReport,
    source: str | None = None,
    *,
    text: Callable[[str], Any] = _same,
    amount: Callable[[Decimal], Any] = _same,
) -> Iterator[tuple[Any, ...]]:
    """The records of ``report`` as tuples in the order of :data:`RECORD_COLUMNS` (what
    the writers take: no object per cell). ``text`` is applied to every text that comes
    from the document (the source, the organ, extra rows' and columns' labels, marks,
    annotations) and ``amount`` to every amount: a writer spells them as its format
    needs once per report or per cell that has one, not once per field of every row.

    >>> import govdisclosure as gd
    >>> from govdisclosure.export.injection import neutralise
    >>> report = gd.AnnualReport(organ="=cmd", year=2023)
    >>> next(record_rows(report, "a.json", text=neutralise))[:3]
    ('a.json', "'=cmd", 2023)
    """
    ident = (_maybe(text, source), text(report.organ), report.year, report.edition.value)
    for table, plan in zip(report.tables, _plans(report.edition), strict=True):
        note = {position: text(words) for position, words in table.annotations}.get
        for position, (place, cell, state) in enumerate(
            zip(plan.places, table.cells, plan.int_states, strict=True)
        ):
            yield (*ident, *place, *_content(cell, state, text, amount), note(position))
        yield from _extra_rows(ident, table, plan, text, amount)


def _maybe(text: Callable[[str], Any], value: str | None) -> Any:
    return None if value is None else text(value)


def _extra_rows(
    ident: tuple[Any, ...],
    table: CellTable[Any, Any],
    plan: _TablePlan,
    text: Callable[[str], Any],
    amount: Callable[[Decimal], Any],
) -> Iterator[tuple[Any, ...]]:
    layout_ = table.layout
    for index, extra in enumerate(table.extra_rows):
        number = plan.last_block if extra.after is None else plan.block_of_row[extra.after]
        head = _block_head(layout_, layout_.blocks[number])
        label = text(extra.label)
        for column, cell in zip(plan.column_parts[number], extra.cells, strict=True):
            place = (*head, "extra_row", index, None, None, label, None, *column)
            content = _content(cell, "count", text, amount)
            yield (*ident, *place, extra.after, None, *content, None)
    for index, extra_column in enumerate(table.extra_columns):
        head = _block_head(layout_, layout_.blocks[extra_column.block])
        label = text(extra_column.label)
        for row, cell in zip(plan.row_parts[extra_column.block], extra_column.cells, strict=True):
            place = (*head, "extra_column", index, None, *row, None, label, None)
            content = _content(cell, "count", text, amount)
            yield (*ident, *place, extra_column.after, None, *content, None)
