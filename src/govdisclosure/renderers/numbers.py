"""Numbers and amounts as text, through babel, for a locale (dates are
:func:`govdisclosure.wording.date_text`).

Counts print as plain digits (the form prints no thousands separators), changes with
their sign, amounts with the digits they were given and their unit — in English grouped
in thousands ("6,165,711 yuan"), a unit that starts with a figure in parentheses, so that
its figures do not read as the amount's ("1.50 (10,000 yuan)"). Under a column header
that states the unit ("本年收费金额（单位：万元）"), an amount in that unit prints its
digits only ("1.50"); one in another unit keeps its own. The locale's number symbols
(its minus and plus signs, decimal mark, group mark and grouping) come from babel's
CLDR data, read once per locale; babel is imported on first use.

>>> from govdisclosure import Money, MoneyUnit
>>> money_text(Money("6165711", "元"), "zh_CN"), money_text(Money("6165711", "元"), "en")
('6165711 元', '6,165,711 yuan')
>>> money_text(Money("1.50", "万元"), "en"), money_text(Money("1.50", "万元"), "zh_CN")
('1.50 (10,000 yuan)', '1.50 万元')
>>> money_text(Money("1.50", "万元"), "en", header_unit=MoneyUnit.TEN_THOUSAND_YUAN)
'1.50'
>>> count_text(-50, "en", signed=True), count_text(12, "zh_CN", signed=True)
('-50', '+12')
"""

from __future__ import annotations

import functools
import re

from attrs import frozen

from govdisclosure.categories import MoneyUnit
from govdisclosure.cells import Blank, Cell, Money, NotApplicable
from govdisclosure.editions import Edition
from govdisclosure.i18n import babel_locale, normalize_locale, translate, translator
from govdisclosure.layouts import CellKind, CellSpec, layout

__all__ = [
    "cell_text",
    "count_text",
    "groups_digits",
    "money_text",
    "states_unit",
    "unit_text",
]


@frozen
class _Symbols:
    """A locale's number symbols (CLDR, through babel)."""

    minus: str
    plus: str
    decimal: str
    group: str
    #: The sizes of the first group left of the decimal mark and of the others; none
    #: where the form prints digits ungrouped (Chinese).
    grouping: tuple[int, int] | None


@functools.cache
def _symbols(locale: str) -> _Symbols:
    from babel import Locale
    from babel.numbers import (
        get_decimal_symbol,
        get_group_symbol,
        get_minus_sign_symbol,
        get_plus_sign_symbol,
    )

    name = babel_locale(locale)
    grouping = Locale.parse(name).decimal_formats[None].grouping
    return _Symbols(
        get_minus_sign_symbol(name),
        get_plus_sign_symbol(name),
        get_decimal_symbol(name),
        get_group_symbol(name),
        # Chinese reports print 6165711, as the form's own figures are (no separators).
        None if normalize_locale(locale) == "zh_CN" else grouping,
    )


def count_text(value: int, locale: str, *, signed: bool = False) -> str:
    """A count in ``locale`` (digits without grouping, as the form prints them); with
    ``signed``, a positive change shows its plus sign."""
    symbols = _symbols(locale)
    if value < 0:
        return symbols.minus + str(-value)
    return symbols.plus + str(value) if signed and value > 0 else str(value)


def _grouped(digits: str, symbols: _Symbols) -> str:
    """Whole digits grouped as the locale groups them ("6165711" → "6,165,711")."""
    if symbols.grouping is None:
        return digits
    first, other = symbols.grouping
    if len(digits) <= first:
        return digits
    head, groups = digits[:-first], [digits[-first:]]
    while len(head) > other:
        head, groups = head[:-other], [head[-other:], *groups]
    return symbols.group.join([head, *groups])


def money_text(money: Money, locale: str, *, header_unit: MoneyUnit | None = None) -> str:
    """An amount with the digits it was given (``1.50`` stays ``1.50``, never converted to
    another unit) and its unit — or without its unit when it is ``header_unit``, the unit
    the column's header states."""
    symbols = _symbols(locale)
    whole, point, fraction = format(abs(money.amount), "f").partition(".")
    digits = _grouped(whole, symbols) + (symbols.decimal + fraction if point else "")
    number = (symbols.minus if money.amount < 0 else "") + digits
    return number + unit_text(money, locale, header_unit=header_unit)


def unit_text(money: Money, locale: str, *, header_unit: MoneyUnit | None = None) -> str:
    """What :func:`money_text` prints after an amount's digits: its unit with the space
    before it, or nothing under a header stating it.

    >>> unit_text(Money("1.50", "万元"), "en"), unit_text(Money("3", "元"), "zh_CN")
    (' (10,000 yuan)', ' 元')
    """
    if money.unit is header_unit:
        return ""
    name = translate(money.unit.zh, locale)
    # "1.50 10,000 yuan" reads as two numbers: a unit of figures goes in parentheses.
    return f" ({name})" if name[:1].isdigit() else f" {name}"


def groups_digits(locale: str) -> bool:
    """Whether amounts in ``locale`` are grouped in thousands (English: "6,165,711";
    Chinese reports print 6165711)."""
    return _symbols(locale).grouping is not None


def cell_text(spec: CellSpec, cell: Cell, locale: str) -> str:
    """A table cell as it is printed in ``locale``: blank cells stay empty, marks stay as
    printed ("/", "无"), changes show their sign, money its unit unless the column's
    header states it (:func:`states_unit`)."""
    if type(cell) is int:
        if cell >= 0 and spec.kind is not CellKind.SIGNED:
            return str(cell)  # what count_text gives in every locale, for most cells
        return count_text(cell, locale, signed=spec.kind is CellKind.SIGNED)
    if type(cell) is Money:
        header = spec.unit if states_unit(spec, locale) else None
        return money_text(cell, locale, header_unit=header)
    if type(cell) is Blank:
        return ""
    assert type(cell) is NotApplicable
    return cell.mark


def states_unit(spec: CellSpec, locale: str) -> bool:
    """Whether the header of ``spec``'s column, printed in ``locale``, states the unit of
    money the column is in (the 2021 form's "本年收费金额（单位：万元）" does; the 2019
    form's "采购总金额" does not).

    >>> table = layout(Edition.V2021).proactive
    >>> fee = next(spec for spec in table.cells if spec.kind is CellKind.MONEY)
    >>> states_unit(fee, "zh_CN"), states_unit(fee, "en")
    (True, True)
    """
    return spec.unit is not None and spec in _unit_headed(normalize_locale(locale))


@functools.cache
def _unit_names(locale: str) -> re.Pattern[str]:
    """The units' names in ``locale``, the longest first: "万元" is found as itself, not
    as the "元" it ends with."""
    tr = translator(locale)
    names = sorted((tr(unit.zh) for unit in MoneyUnit), key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in names))


@functools.cache
def _unit_headed(locale: str) -> frozenset[CellSpec]:
    """The money cells of every edition's layout whose column's printed label names the
    column's unit (and no other), decided from the layouts once per locale."""
    tr = translator(locale)
    units = {tr(unit.zh): unit for unit in MoneyUnit}
    out = set()
    for edition in Edition:
        for table in layout(edition).tables:
            for spec in table.cells:
                if spec.unit is None:
                    continue
                label = tr(table.column_node(spec.column).label)
                named = {units[name] for name in _unit_names(locale).findall(label)}
                if named == {spec.unit}:
                    out.add(spec)
    return frozenset(out)
