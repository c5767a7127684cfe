"""Last year's report beside this year's: every figure of tables 二, 三 and 四 the two
share, with both values, the change and the relative change, and the figures only one of
them has.

The two reports may be of different editions: cells are paired through
:func:`~govdisclosure.editionmap.edition_map`. Where one edition splits a row the other
does not (table 三's （六）其他处理), the row is compared as the edition without the split
asks it — the other's lines added up — and the lines are listed as in one edition only.

A change is exact: counts subtract as integers, amounts as decimals (an amount in 元
against one in 万元 is brought to the unit of this year's), and the relative change is a
:class:`~fractions.Fraction`. It is ``None`` ("n/a") when a side holds no number (blank,
or a mark such as "/") or last year's figure is zero: never a division error.

>>> import govdisclosure as gd
>>> this = gd.examples.load("shiyan-ziranziyuan-2022")
>>> last = gd.AnnualReport.blank("示例县自然资源局", 2021, fill=None)  # nothing filled in
>>> apps = last.applications.with_cell("本年新收政府信息公开申请数量", "总计", 40)
>>> last = attrs.evolve(last, applications=apps)
>>> row = compare(last, this).rows[0]
>>> row.name(), row.previous, row.current, row.change, row.relative
('三、本年新收政府信息公开申请数量·总计', 40, 54, 14, Fraction(7, 20))
>>> compare(this, this).changed
()
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Iterator
from contextlib import AbstractContextManager
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from attrs import frozen

from govdisclosure.categories import MoneyUnit, Section
from govdisclosure.cells import Cell, Money
from govdisclosure.editionmap import CellRef, Link, LinkKind, Reason, edition_map, merge_cells
from govdisclosure.errors import ReportValueError
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.report import AnnualReport

__all__ = ["Comparison", "ComparisonRow", "RowStatus", "compare", "difference"]

#: One of each unit is ten to this power yuan.
_POWERS = {MoneyUnit.YUAN: 0, MoneyUnit.TEN_THOUSAND_YUAN: 4, MoneyUnit.HUNDRED_MILLION_YUAN: 8}
_SECTIONS = {section: number for number, section in enumerate(Section)}


class RowStatus(enum.Enum):
    """What a row of a comparison shows (in the order a comparison lists them)."""

    #: Both years give a number, and they differ.
    CHANGED = "changed"
    #: The years print different things and one of them is no number (blank, a mark).
    NOT_COMPARABLE = "not_comparable"
    #: Both years print the same thing (the same number, both blank, the same mark).
    UNCHANGED = "unchanged"
    #: The cell is only in last year's edition.
    PREVIOUS_ONLY = "previous_only"
    #: The cell is only in this year's edition.
    CURRENT_ONLY = "current_only"


@frozen
class ComparisonRow:
    """One figure of both years (or of one, when only its edition has it).

    ``cell`` names the row: this year's cell, or for a row compared across a split the
    cell of the edition without the split. ``previous``/``current`` are ``None`` when the
    year's edition has no such cell. ``note`` says how a side compared across a split
    was added up; ``partial_previous``/``partial_current`` that the lines added up on
    that side included blanks or marks (counted for nothing, as
    :func:`~govdisclosure.fill_totals` counts them).
    """

    status: RowStatus
    cell: CellRef
    previous: Cell | None
    current: Cell | None
    change: int | Decimal | None = None
    relative: Fraction | None = None
    note: Reason | None = None
    partial_previous: bool = False
    partial_current: bool = False

    @property
    def partial(self) -> bool:
        """Whether a side adds up lines of which some were blank or a mark."""
        return self.partial_previous or self.partial_current

    @property
    def section(self) -> Section:
        return self.cell.section

    def name(self, locale: str = "zh_CN") -> str:
        """The row's place, as findings name cells."""
        return self.cell.name(locale)

    @property
    def unit(self) -> MoneyUnit | None:
        """The unit of the change, for amounts (this year's unit)."""
        for value in (self.current, self.previous):
            if type(value) is Money:
                return value.unit
        return None


@frozen
class Comparison:
    """Two reports side by side; ``rows`` sorted by the size of the change (see
    :func:`compare`)."""

    previous: AnnualReport = attrs.field(repr=False)
    current: AnnualReport = attrs.field(repr=False)
    rows: tuple[ComparisonRow, ...]

    def of(self, status: RowStatus) -> tuple[ComparisonRow, ...]:
        """The rows of one status, in the comparison's order."""
        return tuple(row for row in self.rows if row.status is status)

    @property
    def changed(self) -> tuple[ComparisonRow, ...]:
        """The rows whose figure changed."""
        return self.of(RowStatus.CHANGED)

    @property
    def shared(self) -> tuple[ComparisonRow, ...]:
        """The rows both editions have."""
        only = (RowStatus.PREVIOUS_ONLY, RowStatus.CURRENT_ONLY)
        return tuple(row for row in self.rows if row.status not in only)

    def to_text(self, locale: str = "zh_CN", *, changes_only: bool = False) -> str:
        """The comparison as a plain-text table, columns aligned by display width."""
        from govdisclosure.comparison.render import comparison_text

        return comparison_text(self, locale, changes_only=changes_only)

    def to_markdown(self, locale: str = "zh_CN", *, changes_only: bool = False) -> str:
        """The comparison as a Markdown table."""
        from govdisclosure.comparison.render import comparison_markdown

        return comparison_markdown(self, locale, changes_only=changes_only)

    def to_html(self, locale: str = "zh_CN", *, changes_only: bool = False) -> str:
        """The comparison as an HTML table (a fragment to embed)."""
        from govdisclosure.comparison.render import comparison_html

        return comparison_html(self, locale, changes_only=changes_only)


def compare(previous: AnnualReport, current: AnnualReport) -> Comparison:
    """Every figure of ``previous`` (last year's report) beside ``current``'s.

    Rows are sorted by the size of the change: the changed figures first, the largest
    relative change first (a figure that grew from zero, whose relative change is not
    defined, before all others; ties by the absolute change, then in document order);
    then the figures not comparable, the unchanged ones, and the cells of one edition
    only, each in document order. The two reports need not be of the same organ or
    consecutive years: that is the cross-year rules' business (X0).
    """
    for name, value in (("previous", previous), ("current", current)):
        if not isinstance(value, AnnualReport):
            raise ReportValueError(f"{name} must be an AnnualReport, got {value!r}")
    rows = list(_rows(previous, current))
    rows.sort(key=_order)
    return Comparison(previous, current, tuple(rows))


def _rows(previous: AnnualReport, current: AnnualReport) -> Iterator[ComparisonRow]:
    mapping = edition_map(previous.edition, current.edition)
    for link in mapping.links:
        yield from _linked(link, previous, current)
    for lost in mapping.unmatched_source:
        yield ComparisonRow(RowStatus.PREVIOUS_ONLY, lost.cell, _value(previous, lost.cell), None)
    for lost in mapping.unmatched_target:
        yield ComparisonRow(RowStatus.CURRENT_ONLY, lost.cell, None, _value(current, lost.cell))


def _value(report: AnnualReport, cell: CellRef) -> Cell:
    return report.table(cell.section).cells[cell.position]


def _linked(link: Link, previous: AnnualReport, current: AnnualReport) -> Iterator[ComparisonRow]:
    """The row of one link, and for a split the lines of the edition that has them."""
    before = tuple(_value(previous, cell) for cell in link.sources)
    after = tuple(_value(current, cell) for cell in link.targets)
    if link.kind is LinkKind.SAME:
        yield _row(link.targets[0], before[0], after[0])
        return
    if link.kind is LinkKind.SPLIT:  # last year's edition has the one row
        merged, exact = merge_cells(after)
        row = _row(link.sources[0], before[0], merged, _added(link.targets))
        yield attrs.evolve(row, partial_current=not exact)
        for cell, value in zip(link.targets, after, strict=True):
            yield ComparisonRow(RowStatus.CURRENT_ONLY, cell, None, value)
        return
    merged, exact = merge_cells(before)
    row = _row(link.targets[0], merged, after[0], _added(link.sources))
    yield attrs.evolve(row, partial_previous=not exact)
    for cell, value in zip(link.sources, before, strict=True):
        yield ComparisonRow(RowStatus.PREVIOUS_ONLY, cell, value, None)


def _added(parts: tuple[CellRef, ...]) -> Reason:
    edition = parts[0].edition
    return Reason(
        _("{edition} 年版格式分为 {count} 行，此处为各行之和"),
        (("edition", edition.value), ("count", str(len(parts)))),
    )


def _row(cell: CellRef, before: Cell, after: Cell, note: Reason | None = None) -> ComparisonRow:
    change = difference(before, after)
    if change is None:
        status = RowStatus.UNCHANGED if before == after else RowStatus.NOT_COMPARABLE
        return ComparisonRow(status, cell, before, after, note=note)
    status = RowStatus.CHANGED if change else RowStatus.UNCHANGED
    return ComparisonRow(
        status, cell, before, after, change, _relative(before, after, change), note
    )


def difference(before: Cell, after: Cell) -> int | Decimal | None:
    """``after - before``, exactly: counts as an int, amounts as a Decimal in the unit of
    ``after``; ``None`` when either is no number (blank, a mark) or one is a count and
    the other an amount.

    >>> difference(5, 8), difference(Money("6165711", "元"), Money("620", "万元"))
    (3, Decimal('3.4289'))
    >>> from govdisclosure.cells import BLANK
    >>> difference(BLANK, 3) is None
    True
    """
    if type(before) is int and type(after) is int:
        return after - before
    if type(before) is Money and type(after) is Money:
        with _exact():
            return after.amount - _in_unit(before, after.unit)
    return None


def _exact() -> AbstractContextManager[decimal.Context]:
    """A decimal context in which adding and scaling never round (and say so if they
    had to): amounts are compared digit for digit."""
    context = decimal.Context(prec=decimal.MAX_PREC, traps=[decimal.Inexact])
    return decimal.localcontext(context)


def _in_unit(money: Money, unit: MoneyUnit) -> Decimal:
    """``money``'s amount in ``unit``, exactly (the units are powers of ten)."""
    return money.amount.scaleb(_POWERS[money.unit] - _POWERS[unit])


def _relative(before: Cell, after: Cell, change: int | Decimal) -> Fraction | None:
    """``change`` over last year's figure, exactly; ``None`` from zero."""
    if type(before) is Money and type(after) is Money:
        with _exact():
            base: int | Decimal = _in_unit(before, after.unit)
    else:
        base = before  # type: ignore[assignment]
    return Fraction(change) / Fraction(base) if base else None


_GROUPS = {status: number for number, status in enumerate(RowStatus)}


def _order(row: ComparisonRow) -> tuple[Any, ...]:
    document = (_SECTIONS[row.section], row.cell.position)
    if row.status is not RowStatus.CHANGED:
        return (_GROUPS[row.status], 0, 0, 0, document)
    change, relative = row.change, row.relative
    assert change is not None
    # From zero (no relative change) first, then the largest relative, then absolute.
    size = -abs(relative) if relative is not None else Fraction(0)
    return (0, relative is not None, size, -change if change > 0 else change, document)
