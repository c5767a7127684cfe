"""Numbers, amounts and dates as text, through babel, for a locale.

Counts print as plain digits (the form prints no thousands separators), changes with
their sign, amounts with the digits they were given and their unit, dates in the
locale's long form. babel is imported on first use.

>>> from decimal import Decimal
>>> from govdisclosure import Money
>>> money_text(Money("6165711", "元"), "zh_CN"), money_text(Money("1.50", "万元"), "en")
('6165711 元', '1.50 10,000 yuan')
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from govdisclosure.cells import Blank, Cell, Money, NotApplicable
from govdisclosure.i18n import normalize_locale, translate
from govdisclosure.layouts import CellKind, CellSpec

__all__ = ["cell_text", "count_text", "date_text", "money_text"]


@functools.cache
def _babel_locale(locale: str) -> str:
    return "zh_Hans_CN" if normalize_locale(locale) == "zh_CN" else "en"


def count_text(value: int, locale: str, *, signed: bool = False) -> str:
    """A count in ``locale``; with ``signed``, a positive change shows its "+"."""
    from babel.numbers import format_decimal

    text = format_decimal(value, locale=_babel_locale(locale), group_separator=False)
    return f"+{text}" if signed and value > 0 else text


def money_text(money: Money, locale: str) -> str:
    """An amount with the digits it was given (``1.50`` stays ``1.50``) and its unit."""
    from babel.numbers import format_decimal

    exponent = money.amount.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern = "0" + ("." + "0" * places if places else "")
    number = format_decimal(
        Decimal(money.amount), format=pattern, locale=_babel_locale(locale), group_separator=False
    )
    return f"{number} {translate(money.unit.zh, locale)}"


def date_text(date: dt.date, locale: str) -> str:
    """A date in the locale's long form: "2021年1月20日", "January 20, 2021"."""
    from babel.dates import format_date

    return format_date(date, "long", locale=_babel_locale(locale))


def cell_text(spec: CellSpec, cell: Cell, locale: str) -> str:
    """A table cell as it is printed in ``locale``: blank cells stay empty, marks stay as
    printed ("/", "无"), changes show their sign."""
    if type(cell) is int:
        return count_text(cell, locale, signed=spec.kind is CellKind.SIGNED)
    if type(cell) is Money:
        return money_text(cell, locale)
    if type(cell) is Blank:
        return ""
    assert type(cell) is NotApplicable
    return cell.mark
