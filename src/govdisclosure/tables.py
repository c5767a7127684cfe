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
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, Self, TypeVar, cast, overload

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
from govdisclosure.cells import (
    BLANK,
    Cell,
    CountCell,
    all_valid,
    coerce_cell,
    expected,
    is_valid_cell,
)
from govdisclosure.editions import Edition
from govdisclosure.errors import (
    CellValueError,
    Message,
    ReportValueError,
    UnknownLabelError,
    raise_all,
    translatable as _,
)
from govdisclosure.fieldchecks import as_tuple, instance_of, text, texts
from govdisclosure.labels import LabelledEnum, did_you_mean
from govdisclosure.layouts import CellKind, CellSpec, Node, TableLayout, layout
from govdisclosure.pickling import compact_pickle
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
            _(
                "表{table}（{edition} 年版）有 {count} 个单元格，实际为 {got}",
                table=table.number,
                edition=table.edition.value,
                count=len(table.cells),
                got=got,
            ),
            at=("cells",),
        )
    # Most tables pass the bulk check, a few passes over all the cells of each kind;
    # only a table that fails it is walked cell by cell, to name every cell at fault.
    if all(all_valid(kind, pick(cells)) for kind, pick in table.cells_by_kind):
        return
    raise_all(
        [
            cell_error(table, spec, value)
            for spec, value in zip(table.cells, cells, strict=True)
            if not is_valid_cell(spec.kind, value)
        ]
    )


def _check_extra_cells(instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, tuple):
        raise ReportValueError(_extra_cells(instance, value), at=("cells",))
    for i, cell in enumerate(value):
        if not (is_valid_cell(CellKind.COUNT, cell) or is_valid_cell(CellKind.MONEY, cell)):
            raise ReportValueError(_extra_cells(instance, cell), at=("cells", i))


def _extra_cells(instance: object, value: object) -> Message:
    return _(
        "额外的{what}的单元格是件数、Money、BLANK 或 NotApplicable，实际为 {value!r}",
        what=_what(instance),
        value=value,
    )


def _what(instance: object) -> Message:
    return _("列") if isinstance(instance, ExtraColumn) else _("行")


def _check_after(instance: object, _attribute: object, value: Any) -> None:
    # An extra row may also stand at the end of its table (after None).
    if value is None and isinstance(instance, ExtraRow):
        return
    if not is_text(value) or not value:
        what = _what(instance)
        raise ReportValueError(
            _(
                "额外的{what}跟在以 ASCII 键指明的数字{what}之后，实际为 {value!r}",
                what=what,
                value=value,
            ),
            at=("after",),
        )


@compact_pickle
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
            _("额外列所在的块是 >= 0 的序号，实际为 {value!r}", value=value), at=("block",)
        )


@compact_pickle
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
        raise ReportValueError(
            _("{name} 是 ExtraColumn 的元组，实际为 {value!r}", name=name, value=value), at=(name,)
        )
    table = instance.layout
    for i, column in enumerate(value):
        if column.block >= len(table.blocks):
            raise ReportValueError(
                _(
                    "表{table}：额外列 {label!r} 在第 {block} 块；此版本的表只有 {count} 块",
                    table=table.number,
                    label=column.label,
                    block=column.block,
                    count=len(table.blocks),
                ),
                at=(name, i, "block"),
            )
        block = table.blocks[column.block]
        names = [node.key.value for node in block.columns]
        if column.after not in names:
            raise ReportValueError(
                _(
                    "表{table}：额外列 {label!r} 跟在 {after!r} 之后，而它不是第 {block} 块的"
                    "数字列（{names}）",
                    table=table.number,
                    label=column.label,
                    after=column.after,
                    block=column.block,
                    names=", ".join(names),
                ),
                at=(name, i, "after"),
            )
        if len(column.cells) != len(block.rows):
            raise ReportValueError(
                _(
                    "表{table}：额外列 {label!r} 有 {count} 个单元格；"
                    "第 {block} 块有 {rows} 个数字行",
                    table=table.number,
                    label=column.label,
                    count=len(column.cells),
                    block=column.block,
                    rows=len(block.rows),
                ),
                at=(name, i, "cells"),
            )


def _check_extras(instance: CellTable[Any, Any], attribute: Any, value: Any) -> None:
    name = attribute.name
    if not isinstance(value, tuple) or not all(isinstance(row, ExtraRow) for row in value):
        raise ReportValueError(
            _("{name} 是 ExtraRow 的元组，实际为 {value!r}", name=name, value=value), at=(name,)
        )
    table = instance.layout
    for i, row in enumerate(value):
        if row.after is not None and not table.has_row_named(row.after):
            raise ReportValueError(
                _(
                    "表{table}：额外行 {label!r} 跟在 {after!r} 之后，而它不是此版本的数字行",
                    table=table.number,
                    label=row.label,
                    after=row.after,
                ),
                at=(name, i, "after"),
            )
        plan = table.row_plan_named(row.after) if row.after else table.row_plans[-1]
        if len(row.cells) != len(plan.columns):
            raise ReportValueError(
                _(
                    "表{table}：额外行 {label!r} 有 {count} 个单元格；它所在的块有 {columns} 列",
                    table=table.number,
                    label=row.label,
                    count=len(row.cells),
                    columns=len(plan.columns),
                ),
                at=(name, i, "cells"),
            )


def _check_annotations(instance: CellTable[Any, Any], attribute: Any, value: Any) -> None:
    name = attribute.name
    if not isinstance(value, tuple):
        raise ReportValueError(
            _("注释是（单元格位置，文本）对的元组，实际为 {value!r}", value=value), at=(name,)
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
                _("一条注释是（单元格位置，非空文本）对，实际为 {value!r}", value=item),
                at=(name, i),
            )
    positions = [position for position, _ in value]
    if positions != sorted(set(positions)):
        raise ReportValueError(_("注释按单元格位置排序，每个单元格一条"), at=(name,))


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
    #: Every cell of the form, row by row in the layout's order (see :meth:`position`).
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

    @overload
    def to_rows(self, *, labels: Literal[False] = False) -> dict[R, dict[C, Cell]]: ...
    @overload
    def to_rows(self, *, labels: Literal[True]) -> dict[str, dict[str, Cell]]: ...
    @overload
    def to_rows(self, *, labels: bool) -> dict[R, dict[C, Cell]] | dict[str, dict[str, Cell]]: ...

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
        """A copy with the given cells replaced (see :meth:`from_rows` for the shape).

        Every problem is reported, not only the first: an unknown row or column, a row of
        the wrong length, a value a cell does not take (see :func:`~govdisclosure.errors.combine`).
        """
        if not isinstance(rows, Mapping):
            raise ReportValueError(_("rows 必须是行到取值的映射，实际为 {value!r}", value=rows))
        table = self.layout
        cells = list(self.cells)
        errors: list[ReportValueError] = []
        for row, values in rows.items():
            try:
                row_key = self._row_key(row)
                given = self._given(row_key, values)
            except ReportValueError as err:
                errors.append(err)
                continue
            for column, value in given:
                try:
                    position = self._position(row_key, column)
                    cells[position] = _coerce(table, table.cells[position], value)
                except ReportValueError as err:
                    errors.append(err)
        raise_all(errors)
        return attrs.evolve(self, cells=tuple(cells))

    def _given(self, row_key: Any, values: RowInput) -> list[tuple[Any, object]]:
        """The (column, value) pairs of a row as given: a mapping, or values in order."""
        if isinstance(values, Mapping):
            return list(values.items())
        table = self.layout
        columns = table.columns_of(row_key)
        if isinstance(values, Iterable) and not isinstance(values, (str, bytes)):
            given = list(values)
            if len(given) != len(columns):
                raise ReportValueError(
                    _(
                        "表{table}，行 {row!r}：应有 {count} 个值（{labels}），实际为 {got} 个",
                        table=table.number,
                        row=row_key.value,
                        count=len(columns),
                        labels=", ".join(c.label for c in columns),
                        got=len(given),
                    )
                )
            return [(node.key, value) for node, value in zip(columns, given, strict=True)]
        raise ReportValueError(
            _(
                "表{table}，行 {row!r}：应为列的映射或取值的序列，实际为 {value!r}",
                table=table.number,
                row=row_key.value,
                value=values,
            )
        )

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
        table = self.layout
        try:
            key = self.row_type.coerce(row)
        except UnknownLabelError:
            raise self._unknown(_("行"), row, table.rows_in_order) from None
        if not table.has_row(key):
            raise UnknownLabelError(
                _(
                    "表{table}（{edition} 年版）没有数字行 {key!r}（{label}）",
                    table=table.number,
                    edition=self.edition.value,
                    key=key.value,
                    label=key.zh,
                )
            )
        return key

    def _column_key(self, column: object) -> Any:
        try:
            return self.column_type.coerce(column)
        except UnknownLabelError:
            raise self._unknown(_("列"), column, self.layout.columns_in_order) from None

    def _unknown(self, what: Message, given: object, nodes: Iterable[Node]) -> UnknownLabelError:
        """The error for ``given``, which names no row (or column) of this table: it names
        the closest of them as this edition prints them."""
        labels = [label for node in nodes for label in (node.label, node.key.value)]
        return UnknownLabelError(
            _(
                "表{table}（{edition} 年版）没有{what} {given!r}{suggestion}",
                table=self.layout.number,
                edition=self.edition.value,
                what=what,
                given=given,
                suggestion=did_you_mean(given, labels),
            )
        )

    def _position(self, row: object, column: object) -> int:
        row_key, column_key = self._row_key(row), self._column_key(column)
        try:
            return self.layout.position(row_key, column_key)
        except KeyError:
            raise UnknownLabelError(
                _(
                    "表{table}（{edition} 年版），行 {row!r}：没有列 {column!r}（{label}）",
                    table=self.layout.number,
                    edition=self.edition.value,
                    row=row_key.value,
                    column=column_key.value,
                    label=column_key.zh,
                )
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


@compact_pickle
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


if TYPE_CHECKING:

    class _CountTable(CellTable[R, C]):
        """What a type checker knows of a table that holds no money (三 and 四): its cells
        are counts, blanks or marks. At run time it is :class:`CellTable` itself. (The
        attrs field ``cells`` keeps its declared type: the attrs plugin redeclares it.)"""

        def items(self) -> Iterator[tuple[CellSpec, CountCell]]: ...

else:
    _CountTable = CellTable


@compact_pickle
@frozen(repr=False)
class ApplicationTable(_CountTable[ApplicationRow, Applicant]):
    """Table 三, 收到和处理政府信息公开申请情况: outcome rows × applicant columns."""

    section: ClassVar[Section] = Section.APPLICATIONS
    row_type: ClassVar[type[LabelledEnum]] = ApplicationRow
    column_type: ClassVar[type[LabelledEnum]] = Applicant


@compact_pickle
@frozen(repr=False)
class ReviewTable(_CountTable[ReviewCase, ReviewResult]):
    """Table 四, 行政复议、行政诉讼: 15 cells, three case kinds × five results.

    >>> from govdisclosure import Edition
    >>> t = ReviewTable.zeros(Edition.V2021).with_row("行政复议", {"结果维持": 2, "尚未审结": 1})
    >>> t.with_totals()["review", "total"]
    3
    """

    section: ClassVar[Section] = Section.REVIEWS
    row_type: ClassVar[type[LabelledEnum]] = ReviewCase
    column_type: ClassVar[type[LabelledEnum]] = ReviewResult
