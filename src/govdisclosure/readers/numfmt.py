"""A number in a workbook's cell as the cell shows it: its number format applied, so that
a reader reads what the sheet prints ("1.50 万元", "+12", "12件"), as it reads any other
printed figure.

What Excel keeps is a number (the text of ``<v>``, a double at most), and what it shows
is that number through the cell's number format: sections for positive, negative and
zero numbers, digit placeholders (``0``, ``#``, ``?``), a decimal point, grouping, a
percent sign, and literal text (``"万元"``, ``\\件``, ``[$¥-804]``). This module applies
the formats a table of figures uses. A figure is never changed by its format: when the
format shows fewer decimals than the cell holds, every digit held is read, and
:class:`Shown` says so (``hidden``); a format it does not apply (scientific, fractions,
conditions, literals between digits) shows the number as stored, and one for dates or
times shows the date, which no cell of a table holds (``why`` says which).

>>> shown("1.5", '0.00" 万元"').text, shown("-50", "+0;-0;0").text, shown("12", '0"件"').text
('1.50 万元', '-50', '12件')
>>> shown("1234.5", "#,##0.00").text, shown("0.25", "0%").text
('1,234.50', '25%')
>>> shown("1.234", "0.00")
Shown(text='1.234', why='its number format 0.00 shows 1.23')
>>> shown("45292", "yyyy-mm-dd")
Shown(text='2024-01-01', why='a date format shows the number 45292 as the date 2024-01-01')
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

__all__ = ["BUILTIN", "Shown", "shown"]

#: The formats Excel numbers without writing them, that a table of figures may use
#: (those for dates and times are marked by a ``d``; in a Chinese Excel, 27 to 36 and 50
#: to 58 are dates too).
BUILTIN: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    48: "##0.0E+0",
    49: "@",
    **dict.fromkeys((*range(14, 23), *range(27, 37), *range(45, 48)), "yyyy-mm-dd"),
    **dict.fromkeys(range(50, 59), "yyyy-mm-dd"),
}

#: Excel shows at most 15 significant digits of a number.
_DIGITS = 15
#: A section's condition ("[>=100]"): not applied.
_CONDITION = re.compile(r"\[\s*[<>=]")
_CURRENCY = re.compile(r"\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]")
_DATE_PARTS = re.compile(r"[ymdhs]|am/pm|a/p", re.IGNORECASE)
_DATE_BASE = dt.date(1899, 12, 30)
#: The last day Excel counts (9999-12-31).
_LAST_SERIAL = 2958465


class Shown(NamedTuple):
    """A number as its cell shows it, and ``why`` it is read otherwise than the format
    shows it ("" when it is read as shown)."""

    text: str
    why: str = ""


class _Section(NamedTuple):
    """A format's section, parsed: the literal text before and after the number, and
    the number's placeholders."""

    prefix: str
    suffix: str
    integer: str  # the placeholders before the decimal point ("#,##0")
    fraction: str  # after it ("00")
    percent: int


def _sections(code: str) -> list[str]:
    """The sections of a format, split at ``;`` outside quotes and brackets."""
    out: list[str] = []
    current: list[str] = []
    quoted = bracket = escaped = False
    for char in code:
        if escaped:
            escaped = False
        elif char == "\\" and not quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "[" and not quoted:
            bracket = True
        elif char == "]" and not quoted:
            bracket = False
        elif char == ";" and not (quoted or bracket):
            out.append("".join(current))
            current = []
            continue
        current.append(char)
    out.append("".join(current))
    return out


def _tokens(section: str) -> list[tuple[str, str]] | None:
    """A section as (kind, text) tokens: ``lit`` for text shown as it is, ``num`` for a
    placeholder, the decimal point or grouping, ``%``; ``None`` for what is not applied
    (a condition, an exponent, a fraction, the text placeholder)."""
    if _CONDITION.search(section):
        return None
    out: list[tuple[str, str]] = []
    at = 0
    while at < len(section):
        char = section[at]
        if char == '"':
            end = section.find('"', at + 1)
            end = len(section) if end < 0 else end
            out.append(("lit", section[at + 1 : end]))
            at = end + 1
            continue
        if char == "[":
            end = section.find("]", at)
            end = len(section) - 1 if end < 0 else end
            currency = _CURRENCY.fullmatch(section[at : end + 1])
            out.append(("lit", currency[1] if currency else ""))  # a colour shows nothing
            at = end + 1
            continue
        if char in "\\_*":
            shown_char = section[at + 1 : at + 2]
            out.append(("lit", {"\\": shown_char, "_": " ", "*": ""}[char]))
            at += 2
            continue
        if char in "0#?.,":
            out.append(("num", char))
        elif char == "%":
            out.append(("%", char))
        elif char in "Ee/@":
            return None
        else:
            out.append(("lit", char))
        at += 1
    return out


def _parse(section: str) -> _Section | None:
    """A section's literal text and placeholders, or ``None`` when it is not applied."""
    tokens = _tokens(section)
    if tokens is None:
        return None
    numbers = [i for i, (kind, _) in enumerate(tokens) if kind == "num"]
    if not numbers:
        literal = "".join(text for kind, text in tokens if kind != "num")
        return _Section(literal, "", "", "", 0) if "General" not in section else None
    first, last = numbers[0], numbers[-1]
    if any(kind == "lit" and text for kind, text in tokens[first:last]):
        return None  # text between digits ("000-0000"): not applied
    placeholders = "".join(text for _, text in tokens[first : last + 1] if text != "%")
    integer, _, fraction = placeholders.partition(".")
    return _Section(
        prefix="".join(text for kind, text in tokens[:first]),
        suffix="".join(text for kind, text in tokens[last + 1 :]),
        integer=integer,
        fraction=fraction,
        percent=sum(1 for kind, _ in tokens if kind == "%"),
    )


def _general(value: Decimal) -> str:
    """The number as Excel shows it in a General cell: 15 significant digits at most,
    no exponent, no trailing zeros after the point."""
    if value.is_zero():
        return "0"
    if len(value.as_tuple().digits) > _DIGITS:
        value = value.quantize(Decimal(1).scaleb(value.adjusted() - _DIGITS + 1), ROUND_HALF_UP)
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _number(value: Decimal, section: _Section) -> Shown:
    """The non-negative ``value`` through a parsed section."""
    if section.percent:
        value = value.scaleb(2 * section.percent)
    held = _general(value)
    whole, _, decimals = held.partition(".")
    most = len(section.fraction.replace(",", ""))
    least = section.fraction.count("0")
    why = ""
    if len(decimals) > most:
        rounded = value.quantize(Decimal(1).scaleb(-most), ROUND_HALF_UP)
        why = f"its number format shows {format(rounded, 'f')}"
    else:
        decimals = decimals.ljust(least, "0")
    if whole == "0" and "0" not in section.integer:
        whole = ""  # "#.00" shows .50
    whole = whole.zfill(section.integer.count("0"))
    if "," in section.integer and whole:
        whole = f"{int(whole):,}"
    return Shown(whole + ("." + decimals if decimals else ""), why)


def _date(value: Decimal, date1904: bool) -> Shown:
    """A number in a date format: the date it shows."""
    stored = _general(value)
    if not 0 <= value <= _LAST_SERIAL:
        return Shown(stored, f"a date format shows the number {stored}, which is no date")
    days = int(value)
    if date1904:
        day = dt.date(1904, 1, 1) + dt.timedelta(days=days)
    else:  # Excel counts a 29 February 1900 that never was
        day = _DATE_BASE + dt.timedelta(days=days + (1 if days < 60 else 0))
    text = day.isoformat()
    return Shown(text, f"a date format shows the number {stored} as the date {text}")


def shown(stored: str, code: str, *, date1904: bool = False) -> Shown:
    """The number ``stored`` (a cell's ``<v>``) as number format ``code`` shows it (see
    the module); text that is no number is shown as it is."""
    try:
        value = Decimal(stored.strip())
    except InvalidOperation:
        return Shown(stored)
    if not value.is_finite():
        return Shown(stored)
    sections = _sections(code or "General")
    if value < 0 and len(sections) > 1:
        text, value = sections[1], -value  # its own section: it prints the sign itself
    elif value.is_zero() and len(sections) > 2:
        text = sections[2]
    else:
        text = sections[0]
    bare = _QUOTED.sub("", text)
    if _DATE_PARTS.search(_BRACKETS.sub("", bare)) and "General" not in bare:
        return _date(value, date1904)
    sign = "-" if value < 0 else ""
    value = abs(value)
    section = _parse(text)
    held = sign + _general(value)
    if section is None:
        plain = bare.strip().lower() in ("general", "@")
        return Shown(held, "" if plain else f"its number format {code} is not read")
    if not section.integer and not section.fraction:  # text alone: "-" for a zero
        return Shown(held, f"its number format {code} shows {held} as {section.prefix!r}")
    number = _number(value, section)
    why = f"{number.why.replace('its number format', f'its number format {code}')}"
    return Shown(section.prefix + sign + number.text + section.suffix, why)


_QUOTED = re.compile(r'"[^"]*"|\\.')
_BRACKETS = re.compile(r"\[[^\]]*\]")
