"""Numbers and amounts as text, through babel, for a locale (dates are
:func:`govdisclosure.wording.date_text`).

Counts print as plain digits (the form prints no thousands separators), changes with
their sign, amounts with the digits they were given and their unit. The locale's number
symbols (its minus and plus signs and decimal mark) come from babel's CLDR data, read
once per locale; babel is imported on first use.

>>> from govdisclosure import Money
>>> money_text(Money("6165711", "元"), "zh_CN"), money_text(Money("1.50", "万元"), "en")
('6165711 元', '1.50 10,000 yuan')
>>> count_text(-50, "en", signed=True), count_text(12, "zh_CN", signed=True)
('-50', '+12')
"""

from __future__ import annotations

import functools

from govdisclosure.cells import Blank, Cell, Money, NotApplicable
from govdisclosure.i18n import babel_locale, translate
from govdisclosure.layouts import CellKind, CellSpec

__all__ = ["cell_text", "count_text", "money_text"]


@functools.cache
def _symbols(locale: str) -> tuple[str, str, str]:
    """The locale's minus sign, plus sign and decimal mark (CLDR, through babel)."""
    from babel.numbers import get_decimal_symbol, get_minus_sign_symbol, get_plus_sign_symbol

    name = babel_locale(locale)
    return get_minus_sign_symbol(name), get_plus_sign_symbol(name), get_decimal_symbol(name)


def count_text(value: int, locale: str, *, signed: bool = False) -> str:
    """A count in ``locale`` (digits without grouping, as the form prints them); with
    ``signed``, a positive change shows its plus sign."""
    minus, plus, _ = _symbols(locale)
    if value < 0:
        return minus + str(-value)
    return plus + str(value) if signed and value > 0 else str(value)


def money_text(money: Money, locale: str) -> str:
    """An amount with the digits it was given (``1.50`` stays ``1.50``) and its unit."""
    minus, _, decimal = _symbols(locale)
    digits = format(abs(money.amount), "f").replace(".", decimal)
    sign = minus if money.amount < 0 else ""
    return f"{sign}{digits} {translate(money.unit.zh, locale)}"


def cell_text(spec: CellSpec, cell: Cell, locale: str) -> str:
    """A table cell as it is printed in ``locale``: blank cells stay empty, marks stay as
    printed ("/", "无"), changes show their sign."""
    if type(cell) is int:
        if cell >= 0 and spec.kind is not CellKind.SIGNED:
            return str(cell)  # what count_text gives in every locale, for most cells
        return count_text(cell, locale, signed=spec.kind is CellKind.SIGNED)
    if type(cell) is Money:
        return money_text(cell, locale)
    if type(cell) is Blank:
        return ""
    assert type(cell) is NotApplicable
    return cell.mark
