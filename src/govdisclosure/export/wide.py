"""Tables as data for researchers: one row per report, one column per cell.

The identifying columns come first (:data:`WIDE_ID_COLUMNS`: source, organ, year,
edition, and how many extra rows and columns the report printed, which only the tidy
records hold); then, for each cell of the form in layout order, a column named by the
cell's JSON path — ``applications.total.natural_person`` is table 三's （七）总计 ·
自然人 — holding its number (an ``int``, or an exact :class:`~decimal.Decimal` amount;
empty when the cell holds no number), followed by ``….state`` (``count``, ``signed``,
``money``, ``blank``, ``not_applicable``, or ``absent`` where the report's edition has
no such cell) unless ``states=False``, and for an amount by ``….unit``, the unit it was
printed in (amounts are never converted). Last come the report's indicators
(:mod:`govdisclosure.export.rates`: ``indicators.disclosure_rate.total`` and the rest, each a
ratio rounded to six places, empty where not computable) unless ``indicators=False``.

One edition at a time, by default: the two editions' tables 二 differ, and a column
that means one thing in one edition must not stand beside another. A batch of both
editions either is exported edition by edition, or with ``union=True`` into the union
of both editions' cells, where the cells an edition lacks are ``absent``.
:func:`wide_columns` says what every column is, in Chinese and English.

>>> import govdisclosure as gd
>>> from decimal import Decimal
>>> report = gd.examples.load("zhongning-minzheng-2020")
>>> (row,) = to_wide([report])
>>> row["edition"], row["applications.total.natural_person"], row["reviews.review.upheld.state"]
('2019', 0, 'blank')
>>> labels = {column.key: column.zh for column in wide_columns(gd.Edition.V2019)}
>>> labels["applications.total.natural_person"]
'三、（七）总计·自然人'
>>> labels["proactive.centralized_procurement.procurement_amount.unit"]
'二、政府集中采购·采购总金额（单位）'
>>> later = gd.AnnualReport(organ="某县教育局", year=2023)
>>> list(to_wide([report, later]))
Traceback (most recent call last):
    ...
govdisclosure.errors.ReportValueError: report 2 (某县教育局, 2023) is in the 2021 edition; \
the wide table holds the 2019 edition's cells: pass union=True for the cells of both, or \
export each edition apart
>>> fee = "proactive.administrative_fees.fee_amount"
>>> [(row[fee], row[f"{fee}.state"]) for row in to_wide([report, later], union=True)]
[(None, 'absent'), (Decimal('0'), 'money')]
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from typing import Any, Final

from attrs import frozen

from govdisclosure.cells import BLANK, Money
from govdisclosure.checker.findings import Location
from govdisclosure.editions import Edition
from govdisclosure.errors import OptionError, ReportValueError
from govdisclosure.export.columns import INT, MONEY, REPORT_COLUMNS, STATE, Column
from govdisclosure.export.rates import rate_columns, rate_values
from govdisclosure.export.sources import reports_of
from govdisclosure.layouts import CellKind, layout
from govdisclosure.report import AnnualReport

__all__ = ["WIDE_ID_COLUMNS", "to_wide", "wide_columns", "wide_rows"]

#: The identifying columns that begin every wide row.
WIDE_ID_COLUMNS: Final = (
    *REPORT_COLUMNS,
    Column("extra_rows", "增加的行", "extra rows", INT, 8),
    Column("extra_columns", "增加的列", "extra columns", INT, 8),
)

#: The states of a cell in the wide form: a tidy record's, and ``absent``.
WIDE_STATES: Final = ("count", "signed", "money", "blank", "not_applicable", "absent")


@frozen
class _Cell:
    """One cell column of the wide form: its name and where each edition has it."""

    name: str
    section: int  # the index of its table in AnnualReport.tables
    kind: CellKind
    positions: tuple[tuple[Edition, int], ...]
    zh: str
    en: str


def _cells_of(edition: Edition) -> list[_Cell]:
    cells = []
    for index, table in enumerate(layout(edition).tables):
        for spec in table.cells:
            place = Location.of_cell(edition, table.section, spec.position)
            name = f"{table.section.value}.{spec.row.value}.{spec.column.value}"
            positions = ((edition, spec.position),)
            cells.append(_Cell(name, index, spec.kind, positions, place.name_zh, place.name_en))
    return cells


def _merged(first: list[_Cell], second: list[_Cell]) -> list[_Cell]:
    """The cells of ``first`` in order, each of ``second``'s own put right after the cell
    it follows in ``second`` (a cell of both keeps both positions, and both labels when
    the editions print it differently)."""
    merged = list(first)
    at = {cell.name: number for number, cell in enumerate(merged)}
    last = -1
    for cell in second:
        if cell.name in at:
            last = at[cell.name]
            known = merged[last]
            merged[last] = _Cell(
                known.name,
                known.section,
                known.kind,
                known.positions + cell.positions,
                _both(known.zh, cell.zh),
                _both(known.en, cell.en),
            )
        else:
            last += 1
            merged.insert(last, cell)
            at = {each.name: number for number, each in enumerate(merged)}
    return merged


def _both(one: str, other: str) -> str:
    return one if one == other else f"{one} / {other}"


@functools.cache
def _cells(edition: Edition | None) -> tuple[_Cell, ...]:
    if edition is not None:
        return tuple(_cells_of(edition))
    merged: list[_Cell] = []
    for each in Edition:
        merged = _merged(merged, _cells_of(each)) if merged else _cells_of(each)
    return tuple(merged)


@functools.cache
def _columns(edition: Edition | None, states: bool, rates: bool) -> tuple[Column, ...]:
    columns = list(WIDE_ID_COLUMNS)
    for cell in _cells(edition):
        money = cell.kind is CellKind.MONEY
        columns.append(Column(cell.name, cell.zh, cell.en, MONEY if money else INT, 10, True))
        if states:
            zh, en = f"{cell.zh}（状态）", f"{cell.en} (state)"
            columns.append(Column(f"{cell.name}.state", zh, en, STATE, 10, True))
        if money:
            zh, en = f"{cell.zh}（单位）", f"{cell.en} (unit)"
            columns.append(Column(f"{cell.name}.unit", zh, en, STATE, 8, True))
    if rates:
        columns.extend(rate_columns())
    return tuple(columns)


def wide_columns(
    edition: Edition | str | None = None, *, states: bool = True, indicators: bool = True
) -> tuple[Column, ...]:
    """The columns of the wide form of ``edition`` (``None``: of both editions, as
    ``union=True`` gives them), with their names in Chinese and English: the label
    look-up for the column names."""
    return _columns(None if edition is None else _edition(edition), states, indicators)


def _edition(value: Edition | str) -> Edition:
    try:
        return Edition(value)
    except ValueError:
        editions = ", ".join(each.value for each in Edition)
        raise OptionError(f"edition must be one of {editions}, got {value!r}") from None


@frozen
class _Plan:
    """How the cells of a report of one edition fill the wide columns."""

    #: Per cell column: the index of its table and its position there, or None (absent).
    places: tuple[tuple[int, int] | None, ...]
    kinds: tuple[CellKind, ...]


@functools.cache
def _plan(columns: Edition | None, edition: Edition) -> _Plan:
    places = []
    for cell in _cells(columns):
        position = dict(cell.positions).get(edition)
        places.append(None if position is None else (cell.section, position))
    return _Plan(tuple(places), tuple(cell.kind for cell in _cells(columns)))


def _row(
    source: str | None, report: AnnualReport, plan: _Plan, states: bool, rates: bool
) -> tuple[Any, ...]:
    tables = [table.cells for table in report.tables]
    extra_rows = sum(len(table.extra_rows) for table in report.tables)
    extra_columns = sum(len(table.extra_columns) for table in report.tables)
    row: list[Any] = [source, report.organ, report.year, report.edition.value]
    row += [extra_rows, extra_columns]
    for place, kind in zip(plan.places, plan.kinds, strict=True):
        money = kind is CellKind.MONEY
        if place is None:
            row.append(None)
            if states:
                row.append("absent")
            if money:
                row.append(None)
            continue
        cell = tables[place[0]][place[1]]
        value: Any = None
        unit: str | None = None
        if isinstance(cell, int):
            value, state = cell, kind.value
        elif isinstance(cell, Money):
            value, state, unit = cell.amount, "money", cell.unit.value
        else:
            state = "blank" if cell is BLANK else "not_applicable"
        row.append(value)
        if states:
            row.append(state)
        if money:
            row.append(unit)
    if rates:
        row.extend(rate_values(report))
    return tuple(row)


def wide_rows(
    reports: Any,
    *,
    edition: Edition | str | None = None,
    union: bool = False,
    states: bool = True,
    indicators: bool = True,
) -> tuple[tuple[Column, ...], Iterator[tuple[Any, ...]]]:
    """The columns of the wide form of ``reports`` and its rows as tuples in their order,
    lazily (what the writers take); see :func:`to_wide`."""
    items = reports_of(reports)
    if union:
        if edition is not None:
            raise OptionError("union=True takes the cells of every edition: give no edition")
        chosen: Edition | None = None
    elif edition is not None:
        chosen = _edition(edition)
    else:
        first = next(items, None)
        chosen = Edition.V2021 if first is None else first[1].edition
        items = itertools.chain([first] if first else [], items)
    return _columns(chosen, states, indicators), _rows(items, chosen, states, indicators)


def _rows(
    items: Iterator[tuple[str | None, AnnualReport]],
    chosen: Edition | None,
    states: bool,
    rates: bool,
) -> Iterator[tuple[Any, ...]]:
    for number, (source, report) in enumerate(items, start=1):
        if chosen is not None and report.edition is not chosen:
            name = f"{report.organ}, {report.year}" + (f", {source}" if source else "")
            raise ReportValueError(
                f"report {number} ({name}) is in the {report.edition.value} edition; the wide "
                f"table holds the {chosen.value} edition's cells: pass union=True for the "
                "cells of both, or export each edition apart"
            )
        yield _row(source, report, _plan(chosen, report.edition), states, rates)


def to_wide(
    reports: Any,
    *,
    edition: Edition | str | None = None,
    union: bool = False,
    states: bool = True,
    indicators: bool = True,
) -> Iterator[dict[str, Any]]:
    """One dict per report of ``reports`` (see :mod:`govdisclosure.export.sources`),
    keyed by :func:`wide_columns`, lazily: the cells of ``edition`` (by default the
    first report's; a report of another edition is a
    :class:`~govdisclosure.errors.ReportValueError`), or with ``union=True`` of both
    editions. ``states=False`` leaves out the ``….state`` columns, ``indicators=False``
    the rates."""
    columns, rows = wide_rows(
        reports, edition=edition, union=union, states=states, indicators=indicators
    )
    keys = tuple(column.key for column in columns)
    for row in rows:
        yield dict(zip(keys, row, strict=True))
