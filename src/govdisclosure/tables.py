"""The three statistic tables: 二 (proactive disclosure), 三 (applications), 四 (reviews).

Each table holds its edition and its cells, one per number cell of the edition's
layout, in layout order. Cells are read and replaced by (row, column), where row and
column are members of the table's category enums, their ASCII values, or their
printed labels.

>>> from govdisclosure import ApplicationTable, Applicant, ApplicationRow, Edition
>>> t = ApplicationTable.zeros(Edition.V2021)
>>> t = t.with_row("本年新收政府信息公开申请数量", {"自然人": 5, "商业企业": 2})
>>> t["new", "natural_person"], t[ApplicationRow.NEW, Applicant.TOTAL]
(5, 0)
>>> t.with_totals()[ApplicationRow.NEW, Applicant.TOTAL]
7
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, Generic, Self, TypeVar, cast

import attrs
from attrs import field, frozen

from govdisclosure.categories import (
    Applicant,
    ApplicationRow,
    ProactiveColumn,
    ProactiveRow,
    ReviewCase,
    ReviewResult,
    Section,
)
from govdisclosure.cells import BLANK, Cell, all_valid, coerce_cell, expected, is_valid_cell
from govdisclosure.editions import Edition
from govdisclosure.errors import CellValueError, ReportValueError, UnknownLabelError
from govdisclosure.fieldchecks import as_tuple, instance_of, text, texts
from govdisclosure.labels import LabelledEnum
from govdisclosure.layouts import CellKind, CellSpec, TableLayout, layout
from govdisclosure.text import is_text

__all__ = [
    "ApplicationTable",
    "CellTable",
    "ExtraColumn",
    "ExtraRow",
    "ProactiveTable",
    "ReviewTable",
]

R = TypeVar("R", bound=LabelledEnum)
C = TypeVar("C", bound=LabelledEnum)

RowInput = Mapping[Any, object] | Iterable[object]


def _check_cells(instance: CellTable[Any, Any], _attribute: object, cells: Any) -> None:
    table = instance.layout
    if not isinstance(cells, tuple) or len(cells) != len(table.cells):
        got = len(cells) if isinstance(cells, tuple) else type(cells).__name__
        raise ReportValueError(
            f"table {table.number} ({table.edition.value} edition) has "
            f"{len(table.cells)} cells, got {got}",
            at=("cells",),
        )
    # Most tables pass the bulk check, a few passes over all the cells of each kind;
    # only a table that fails it is walked cell by cell, to name the cell at fault.
    if all(all_valid(kind, pick(cells)) for kind, pick in table.cells_by_kind):
        return
    for spec, value in zip(table.cells, cells, strict=True):
        if not is_valid_cell(spec.kind, value):
            raise cell_error(table, spec, value)


def _check_extra_cells(instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, tuple):
        raise ReportValueError(
            f"the cells of an extra {_what(instance)} are counts, Money, BLANK or "
            f"NotApplicable, got {value!r}",
            at=("cells",),
        )
    for i, cell in enumerate(value):
        if not (is_valid_cell(CellKind.COUNT, cell) or is_valid_cell(CellKind.MONEY, cell)):
            raise ReportValueError(
                f"the cells of an extra {_what(instance)} are counts, Money, BLANK or "
                f"NotApplicable, got {cell!r}",
                at=("cells", i),
            )


def _what(instance: object) -> str:
    return "column" if isinstance(instance, ExtraColumn) else "row"


def _check_after(instance: object, _attribute: object, value: Any) -> None:
    # An extra row may also stand at the end of its table (after None).
    if value is None and isinstance(instance, ExtraRow):
        return
    if not is_text(value) or not value:
        what = _what(instance)
        raise ReportValueError(
            f"an extra {what} follows a number {what} named by its ASCII key, got {value!r}",
            at=("after",),
        )


@frozen
class ExtraRow:
    """A row a real report printed that its edition's form does not have (a local row
    such as "其他主动公开文件", an outcome such as "不予受理"), kept so that nothing read is
    lost. ``after`` is the ASCII key of the number row it followed (``None``: at the end);
    ``cells`` are its figures, one per column of that row's block.

    >>> ExtraRow("不予受理", (0, 1, 0, 0, 0, 0, 1), after="other_handling").label
    '不予受理'
    """

    label: str = field(validator=text)
    # Declared in the order the JSON form writes them; keyword-only, so the constructor
    # takes (label, cells, *, after=...).
    after: str | None = field(default=None, validator=_check_after, kw_only=True)
    cells: tuple[Cell, ...] = field(converter=as_tuple, validator=_check_extra_cells)


def _check_block(_instance: object, _attribute: object, value: Any) -> None:
    if type(value) is not int or value < 0:
        raise ReportValueError(
            f"an extra column's block is an index >= 0, got {value!r}", at=("block",)
        )


@frozen
class ExtraColumn:
    """A column a real report printed that its edition's form does not have (most often
    "法人或其他组织小计", the subtotal of the five legal-person columns of table 三), kept
    so that nothing read is lost. ``after`` is the ASCII key of the number column it was
    printed right after, in block ``block`` of the table's layout (table 二 stacks
    several; tables 三 and 四 have only block 0); ``cells`` are its figures, one per
    number row of that block, in row order.

    >>> column = ExtraColumn("法人或其他组织小计", (0,) * 23, after="other")
    >>> column.label, column.after, column.block, len(column.cells)
    ('法人或其他组织小计', 'other', 0, 23)
    """

    label: str = field(validator=text)
    # Declared in the order the JSON form writes them; keyword-only, so the constructor
    # takes (label, cells, *, after, block=0).
    after: str = field(validator=_check_after, kw_only=True)
    block: int = field(
        default=0, validator=_check_block, kw_only=True, metadata={"json": {"omit_default": True}}
    )
    cells: tuple[Cell, ...] = field(converter=as_tuple, validator=_check_extra_cells)


def _check_extra_columns(instance: CellTable[Any, Any], attribute: Any, value: Any) -> None:
    name = attribute.name
    if not isinstance(value, tuple) or not all(isinstance(c, ExtraColumn) for c in value):
        raise ReportValueError(f"{name} is a tuple of ExtraColumn, got {value!r}", at=(name,))
    table = instance.layout
    for i, column in enumerate(value):
        if column.block >= len(table.blocks):
            raise ReportValueError(
                f"table {table.number}: the extra column {column.label!r} is in block "
                f"{column.block}; this edition's table has {len(table.blocks)} block(s)",
                at=(name, i, "block"),
            )
        block = table.blocks[column.block]
        names = [node.key.value for node in block.columns]
        if column.after not in names:
            raise ReportValueError(
                f"table {table.number}: the extra column {column.label!r} follows "
                f"{column.after!r}, which is no number column of block {column.block} "
                f"({', '.join(names)})",
                at=(name, i, "after"),
            )
        if len(column.cells) != len(block.rows):
            raise ReportValueError(
                f"table {table.number}: the extra column {column.label!r} has "
                f"{len(column.cells)} cells; block {column.block} has {len(block.rows)} "
                "number rows",
                at=(name, i, "cells"),
            )


def _check_extras(instance: CellTable[Any, Any], attribute: Any, value: Any) -> None:
    name = attribute.name
    if not isinstance(value, tuple) or not all(isinstance(row, ExtraRow) for row in value):
        raise ReportValueError(f"{name} is a tuple of ExtraRow, got {value!r}", at=(name,))
    table = instance.layout
    for i, row in enumerate(value):
        if row.after is not None and not table.has_row_named(row.after):
            raise ReportValueError(
                f"table {table.number}: the extra row {row.label!r} follows {row.after!r}, "
                "which is no number row of this edition",
                at=(name, i, "after"),
            )
        plan = table.row_plan_named(row.after) if row.after else table.row_plans[-1]
        if len(row.cells) != len(plan.columns):
            raise ReportValueError(
                f"table {table.number}: the extra row {row.label!r} has {len(row.cells)} cells; "
                f"the block it sits in has {len(plan.columns)} columns",
                at=(name, i, "cells"),
            )


def _check_annotations(instance: CellTable[Any, Any], attribute: Any, value: Any) -> None:
    name = attribute.name
    if not isinstance(value, tuple):
        raise ReportValueError(
            f"annotations are a tuple of (cell position, text) pairs, got {value!r}", at=(name,)
        )
    count = len(instance.layout.cells)
    for i, item in enumerate(value):
        if not (
            isinstance(item, tuple)
            and len(item) == 2
            and type(item[0]) is int
            and 0 <= item[0] < count
            and is_text(item[1])
            and item[1].strip()
        ):
            raise ReportValueError(
                f"an annotation is a (cell position, non-empty text) pair, got {item!r}",
                at=(name, i),
            )
    positions = [position for position, _ in value]
    if positions != sorted(set(positions)):
        raise ReportValueError("annotations are sorted by cell position, one per cell", at=(name,))


@frozen(repr=False)
class CellTable(Generic[R, C]):
    """Common behaviour of the three tables; use the concrete subclasses.

    Besides its cells, a table keeps what real reports print around them: ``notes``
    under the table ("注：…"), ``annotations`` inside cells ("22（其中修订16件）" is the
    count 22 with the annotation "其中修订16件", by cell position), and the
    ``extra_rows`` and ``extra_columns`` the edition's form does not have.
    """

    section: ClassVar[Section]
    row_type: ClassVar[type[LabelledEnum]]
    column_type: ClassVar[type[LabelledEnum]]

    # In the JSON form a table object holds its rows, then these fields under keys that
    # cannot be row names; the edition is the report's.
    edition: Edition = field(validator=instance_of(Edition))
    cells: tuple[Cell, ...] = field(validator=_check_cells)
    notes: tuple[str, ...] = field(
        default=(), converter=as_tuple, validator=texts, metadata={"json": {"key": "_notes"}}
    )
    annotations: tuple[tuple[int, str], ...] = field(
        default=(), validator=_check_annotations, metadata={"json": {"key": "_annotations"}}
    )
    extra_rows: tuple[ExtraRow, ...] = field(
        default=(),
        converter=as_tuple,
        validator=_check_extras,
        metadata={"json": {"key": "_extra_rows"}},
    )
    extra_columns: tuple[ExtraColumn, ...] = field(
        default=(),
        converter=as_tuple,
        validator=_check_extra_columns,
        metadata={"json": {"key": "_extra_columns"}},
    )

    # --- construction ---------------------------------------------------------------

    @classmethod
    def filled(cls, edition: Edition, value: object) -> Self:
        """A table of ``edition`` with every cell set to ``value`` (money cells get it in
        their column's unit)."""
        table = layout(edition).table(cls.section)
        return cls(edition, tuple(_coerce(table, spec, value) for spec in table.cells))

    @classmethod
    def zeros(cls, edition: Edition) -> Self:
        """A table of ``edition`` with every count 0 and every amount 0 in its unit."""
        return cls.filled(edition, 0)

    @classmethod
    def blank(cls, edition: Edition) -> Self:
        """A table of ``edition`` with nothing filled in."""
        return cls.filled(edition, BLANK)

    @classmethod
    def from_rows(
        cls, edition: Edition, rows: Mapping[Any, RowInput], *, default: object = 0
    ) -> Self:
        """A table from a mapping of rows.

        Row keys are members, ASCII values or printed labels; each row is a mapping of
        columns (same choice of keys) or a sequence of values in column order. Cells
        not given get ``default`` (0, or ``None``/``BLANK`` for blank). Values are
        coerced as by :func:`govdisclosure.cells.coerce_cell`.
        """
        return cls.filled(edition, default if default is not None else BLANK).with_rows(rows)

    # --- reading --------------------------------------------------------------------

    @property
    def layout(self) -> TableLayout:
        """The layout of this table in its edition."""
        return layout(self.edition).table(self.section)

    @property
    def row_keys(self) -> tuple[R, ...]:
        """The number rows of this table in its edition, in order."""
        return cast(tuple[R, ...], tuple(node.key for node in self.layout.rows_in_order))

    @property
    def column_keys(self) -> tuple[C, ...]:
        """The number columns of this table in its edition, in first-seen order."""
        return cast(tuple[C, ...], tuple(node.key for node in self.layout.columns_in_order))

    def __getitem__(self, key: tuple[R | str, C | str]) -> Cell:
        row, column = key
        return self.cells[self._position(row, column)]

    def get(self, row: R | str, column: C | str) -> Cell:
        """The cell at (row, column); same as ``table[row, column]``."""
        return self[row, column]

    def row(self, row: R | str) -> dict[C, Cell]:
        """The cells of one row, by column."""
        plan = self.layout.row_plan(self._row_key(row))
        keys = cast(tuple[C, ...], tuple(c.key for c in plan.columns))
        return dict(zip(keys, self.cells[plan.start : plan.stop], strict=True))

    def column(self, column: C | str) -> dict[R, Cell]:
        """The cells of one column, by row (rows of blocks without the column are left out)."""
        key = self._column_key(column)
        table = self.layout
        return {
            node.key: self.cells[table.position(node.key, key)]  # type: ignore[misc]
            for node in table.rows_in_order
            if table.has_cell(node.key, key)
        }

    def items(self) -> Iterator[tuple[CellSpec, Cell]]:
        """Every cell with its :class:`~govdisclosure.layouts.CellSpec`, in layout order."""
        return zip(self.layout.cells, self.cells, strict=True)

    def to_rows(self, *, labels: bool = False) -> dict[Any, dict[Any, Cell]]:
        """The table as nested dicts ``{row: {column: cell}}``.

        Keys are enum members, or with ``labels=True`` the labels as this edition prints
        them — the shape :meth:`from_rows` accepts back.
        """
        out: dict[Any, dict[Any, Cell]] = {}
        table = self.layout
        for spec, value in self.items():
            row_key: Any = table.row_node(spec.row).label if labels else spec.row
            column_key: Any = table.column_node(spec.column).label if labels else spec.column
            out.setdefault(row_key, {})[column_key] = value
        return out

    # --- changed copies -------------------------------------------------------------

    def with_cell(self, row: R | str, column: C | str, value: object) -> Self:
        """A copy with one cell replaced."""
        return self.with_rows({row: {column: value}})

    def with_row(self, row: R | str, values: RowInput) -> Self:
        """A copy with some or all cells of one row replaced."""
        return self.with_rows({row: values})

    def with_rows(self, rows: Mapping[Any, RowInput]) -> Self:
        """A copy with the given cells replaced (see :meth:`from_rows` for the shape)."""
        if not isinstance(rows, Mapping):
            raise ReportValueError(f"rows must be a mapping of row to values, got {rows!r}")
        table = self.layout
        cells = list(self.cells)
        for row, values in rows.items():
            row_key = self._row_key(row)
            columns = table.columns_of(row_key)
            if isinstance(values, Mapping):
                pairs = [(self._column_key(col), value) for col, value in values.items()]
            elif isinstance(values, Iterable) and not isinstance(values, (str, bytes)):
                given = list(values)
                if len(given) != len(columns):
                    raise ReportValueError(
                        f"table {table.number}, row {row_key.value!r}: expected "
                        f"{len(columns)} values ({', '.join(c.label for c in columns)}), "
                        f"got {len(given)}"
                    )
                pairs = [(node.key, value) for node, value in zip(columns, given, strict=True)]
            else:
                raise ReportValueError(
                    f"table {table.number}, row {row_key.value!r}: expected a mapping of "
                    f"columns or a sequence of values, got {values!r}"
                )
            for column_key, value in pairs:
                position = self._position(row_key, column_key)
                cells[position] = _coerce(table, table.cells[position], value)
        return attrs.evolve(self, cells=tuple(cells))

    def with_totals(self) -> Self:
        """A copy with every printed total set to the sum of its parts.

        Parts that are blank or not applicable count for nothing; a total whose parts
        are all blank or not applicable is left as it is.
        """
        table = self.layout
        cells = list(self.cells)
        for total in table.sums:
            numbers = [cells[p] for p in total.parts if type(cells[p]) is int]
            if numbers:
                cells[total.target] = sum(numbers)  # type: ignore[arg-type]
        return attrs.evolve(self, cells=tuple(cells))

    # --- keys -----------------------------------------------------------------------

    def _row_key(self, row: object) -> Any:
        key = self.row_type.coerce(row)
        if not self.layout.has_row(key):
            raise UnknownLabelError(
                f"table {self.layout.number} ({self.edition.value} edition) has no number "
                f"row {key.value!r} ({key.zh})"
            )
        return key

    def _column_key(self, column: object) -> Any:
        return self.column_type.coerce(column)

    def _position(self, row: object, column: object) -> int:
        row_key, column_key = self._row_key(row), self._column_key(column)
        try:
            return self.layout.position(row_key, column_key)
        except KeyError:
            raise UnknownLabelError(
                f"table {self.layout.number} ({self.edition.value} edition), row "
                f"{row_key.value!r}: no column {column_key.value!r} ({column_key.zh})"
            ) from None

    def position(self, row: R | str, column: C | str) -> int:
        """Where cell (row, column) stands in :attr:`cells` (and in its layout's cells).

        >>> from govdisclosure import Edition, ReviewTable
        >>> ReviewTable.zeros(Edition.V2021).position("行政复议", "总计")
        4
        """
        return self._position(row, column)

    def annotation(self, row: R | str, column: C | str) -> str | None:
        """The annotation printed in cell (row, column), if any."""
        position = self._position(row, column)
        return dict(self.annotations).get(position)

    def with_annotation(self, row: R | str, column: C | str, text: str | None) -> Self:
        """A copy with the annotation of cell (row, column) set (``None`` removes it)."""
        position = self._position(row, column)
        notes = dict(self.annotations)
        if text is None:
            notes.pop(position, None)
        else:
            notes[position] = text
        return attrs.evolve(self, annotations=tuple(sorted(notes.items())))

    def __repr__(self) -> str:
        numbers = [c for c in self.cells if isinstance(c, int)]
        return (
            f"{type(self).__name__}(edition={self.edition}, {len(self.cells)} cells, "
            f"sum of counts={sum(numbers)})"
        )


def _coerce(table: TableLayout, spec: CellSpec, value: object) -> Cell:
    try:
        return coerce_cell(spec.kind, value, spec.unit)
    except ReportValueError:
        raise cell_error(table, spec, value) from None


def cell_error(table: TableLayout, spec: CellSpec, value: object) -> CellValueError:
    """The error for ``value`` in the cell ``spec`` of ``table``, naming it fully."""
    return CellValueError(
        table.number,
        spec.row.value,
        spec.column.value,
        value,
        expected(spec.kind),
        labels=(table.row_node(spec.row).label, table.column_node(spec.column).label),
    )


@frozen(repr=False)
class ProactiveTable(CellTable[ProactiveRow, ProactiveColumn]):
    """Table 二, 主动公开政府信息情况: stacked blocks under 第二十条第（X）项.

    >>> from govdisclosure import Edition, Money
    >>> t = ProactiveTable.zeros(Edition.V2019).with_row("行政许可", [7, +12, 0])
    >>> t["行政许可", "本年增/减"]
    12
    >>> t = t.with_cell("政府集中采购", "采购总金额", Money("6165711", "元"))
    >>> str(t["centralized_procurement", "procurement_amount"])
    '6165711 元'
    """

    section: ClassVar[Section] = Section.PROACTIVE
    row_type: ClassVar[type[LabelledEnum]] = ProactiveRow
    column_type: ClassVar[type[LabelledEnum]] = ProactiveColumn


@frozen(repr=False)
class ApplicationTable(CellTable[ApplicationRow, Applicant]):
    """Table 三, 收到和处理政府信息公开申请情况: outcome rows × applicant columns."""

    section: ClassVar[Section] = Section.APPLICATIONS
    row_type: ClassVar[type[LabelledEnum]] = ApplicationRow
    column_type: ClassVar[type[LabelledEnum]] = Applicant


@frozen(repr=False)
class ReviewTable(CellTable[ReviewCase, ReviewResult]):
    """Table 四, 行政复议、行政诉讼: 15 cells, three case kinds × five results.

    >>> from govdisclosure import Edition
    >>> t = ReviewTable.zeros(Edition.V2021).with_row("行政复议", {"结果维持": 2, "尚未审结": 1})
    >>> t.with_totals()["review", "total"]
    3
    """

    section: ClassVar[Section] = Section.REVIEWS
    row_type: ClassVar[type[LabelledEnum]] = ReviewCase
    column_type: ClassVar[type[LabelledEnum]] = ReviewResult
