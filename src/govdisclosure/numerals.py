"""Chinese numerals as reports number their sections, subsections and rows: "三",
"十一", "二十", "一百零五". Renderers write them and readers read them back, so both
import them from here, and neither imports the other.

>>> chinese(11), chinese(20), chinese(105), chinese(1010)
('十一', '二十', '一百零五', '一千零一十')
>>> value("十一"), value("一百零五"), value("两")
(11, 105, None)
"""

from __future__ import annotations

__all__ = ["DIGITS", "NUMERAL_CHARACTERS", "chinese", "value"]

#: The numerals of one to nine.
DIGITS = "一二三四五六七八九"
#: Every character a number up to 99,999,999 is written with.
NUMERAL_CHARACTERS = DIGITS + "十百千万零"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
_LARGEST = 99_999_999


def chinese(number: int) -> str:
    """``number`` (1 to 99,999,999) in Chinese numerals, as a numbering prints it; a
    larger or smaller one in Arabic digits (no report numbers that far).

    >>> chinese(1), chinese(10), chinese(99), chinese(10001), chinese(0)
    ('一', '十', '九十九', '一万零一', '0')
    """
    if not 0 < number <= _LARGEST:
        return str(number)
    high, low = divmod(number, 10_000)
    if not high:
        return _below_ten_thousand(low, leading=True)
    text = _below_ten_thousand(high, leading=True) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _below_ten_thousand(low, leading=False)
    return text


def _below_ten_thousand(number: int, *, leading: bool) -> str:
    """1 to 9,999; ``leading`` when nothing is written before it ("十一", not "一十一")."""
    text = ""
    gap = False  # a zero digit between written ones
    for unit, name in _UNITS:
        digit, number = divmod(number, unit)
        if not digit:
            gap = bool(text)
            continue
        if gap:
            text += "零"
            gap = False
        spoken = "" if (unit == 10 and digit == 1 and not text and leading) else DIGITS[digit - 1]
        text += spoken + name
    return text


def value(numeral: str) -> int | None:
    """The number a Chinese numeral (as :func:`chinese` writes them) stands for; ``None``
    for anything else.

    >>> value("三"), value("十"), value("二十三"), value("一万零一"), value("十十")
    (3, 10, 23, 10001, None)
    """
    if not numeral or any(ch not in NUMERAL_CHARACTERS for ch in numeral):
        return None
    high, _, low = numeral.rpartition("万")
    total = 0
    if high:
        upper = _parse_below_ten_thousand(high)
        if upper is None:
            return None
        total = upper * 10_000
    lower = _parse_below_ten_thousand(low) if low else 0
    if lower is None:
        return None
    total += lower
    # Written as chinese() writes it (or with the "一" of "一十一" some copies print).
    canonical = chinese(total)
    return total if total and numeral in (canonical, "一" + canonical) else None


def _parse_below_ten_thousand(text: str) -> int | None:
    total, digit = 0, None
    for ch in text.lstrip("零"):
        if ch in DIGITS:
            if digit is not None:
                return None
            digit = DIGITS.index(ch) + 1
        elif ch == "零":
            continue
        else:
            scale = {"十": 10, "百": 100, "千": 1000}.get(ch)
            if scale is None:
                return None
            total += (1 if digit is None else digit) * scale
            digit = None
    return total + (digit or 0)
