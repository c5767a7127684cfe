"""Table cells as printed, turned into cell values.

Real cells hold more than a number: a sign ("+12"), a unit ("6165711 元", "3件"), an
annotation ("22（其中修订16件）"), thousands separators ("1,234"), spaces from a line wrap
("1 234"), a mark for "not applicable" ("/", "—", "无"), or nothing. :func:`parse_cell`
reads all of them for a cell of a given kind, and says what it had to decide.

>>> parse_cell("22（其中修订16件）", CellKind.COUNT).value
22
>>> parse_cell("22（其中修订16件）", CellKind.COUNT).annotation
'其中修订16件'
>>> parse_cell("6165711 元", CellKind.MONEY, MoneyUnit.YUAN).value
Money(amount=Decimal('6165711'), unit=<MoneyUnit.YUAN: 'yuan' 元>)
>>> parse_cell("", CellKind.COUNT).value
BLANK
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal

from attrs import frozen

from govdisclosure.categories import MoneyUnit
from govdisclosure.cells import BLANK, COUNT_LIMIT, NOT_APPLICABLE_MARKS, Cell, Money, NotApplicable
from govdisclosure.layouts import CellKind
from govdisclosure.readers.limits import MAX_FIGURE_DIGITS

__all__ = ["VALUE_TOKEN", "ParsedCell", "is_value_text", "parse_cell"]

_MARKS = frozenset(NOT_APPLICABLE_MARKS)
#: The units of money printed after an amount ("6165711 元"): the units' own labels.
_UNITS = {unit.zh: unit for unit in MoneyUnit}
#: The same, longest first, as a regular expression ("万元" is not "元" after a 万).
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
# Counting words printed after a count ("3件"): dropped, with a note.
_COUNT_WORDS = "件个项条次人家份"

# One printed figure: an optional sign, digits (grouped by commas or thin spaces), an
# optional decimal part, an optional unit or counting word, an optional annotation in
# parentheses. Used both to read a whole cell and to find figures at the end of a line.
# In a line of text a space ends a figure ("+2 540" is two figures), so digits grouped by
# spaces are only read inside a cell (parse_cell).
_FIGURE = (
    r"[+\-−＋－]?\d[\d,，]*(?:[.．]\d+)?"
    rf"\s?(?:{_UNIT}|[{_COUNT_WORDS}])?"
    r"(?:\s?[（(][^（()）]{1,80}[）)])?"
)
_MARK = "|".join(re.escape(mark) for mark in sorted(_MARKS, key=len, reverse=True))
#: A value as it stands in a line of text: a figure or a not-applicable mark, either
#: with an annotation ("—（暂无数据）").
VALUE_TOKEN = rf"(?:{_FIGURE}|(?:{_MARK})(?:\s?[（(][^（()）]{{1,80}}[）)])?)"
_WHOLE_FIGURE = re.compile(
    r"(?P<sign>[+\-−＋－]?)\s?(?P<digits>\d(?:[\d,，]|\s(?=\d))*)(?P<fraction>[.．]\d+)?"
    rf"\s?(?P<unit>{_UNIT}|[{_COUNT_WORDS}])?"
    r"\s?(?:[（(](?P<note>[^（()）]{1,80})[）)])?"
)
_VALUE = re.compile(rf"(?:{VALUE_TOKEN})\Z")
#: An annotation printed without a figure, after a mark or alone: how the renderers
#: print the annotation of a not-applicable or a blank cell ("—（暂无数据）", "（未统计）").
#: Alone, it is short and has no colon: a bare numbering ("（三）"), a unit ("（单位：件）")
#: or the note over table 三's labels ("（本列数据的勾稽关系为：…）") is no cell's value.
_ANNOTATED = re.compile(
    rf"(?P<mark>{_MARK})\s?[（(](?P<note>[^（()）]{{1,80}})[）)]"
    r"|[（(](?![一二三四五六七八九十\d]{1,3}[）)])(?P<alone>[^（()）:：]{1,20})[）)]"
)


#: A whole cell holding one figure with its thousands grouped by spaces ("1 234"): a
#: value in a cell of its own, though in a line of text the groups could be figures.
_GROUPED = re.compile(
    rf"[+\-−＋－]?\d{{1,3}}(?:[ \u2009\u00a0]\d{{3}})+(?:[.．]\d+)?"
    rf"\s?(?:{_UNIT}|[{_COUNT_WORDS}])?(?:\s?[（(][^（()）]{{1,80}}[）)])?"
)
#: The longest text a value may be: a figure of the most digits, each with a separator,
#: its sign, unit and annotation.
_LONGEST_VALUE = 2 * MAX_FIGURE_DIGITS + 100
_PRINTED_NOTE = re.compile(r"[（(](?P<note>[^（()）]{1,80})[）)]\s*\Z")


@functools.lru_cache(maxsize=8192)
def is_value_text(text: str) -> bool:
    """Whether ``text`` reads as a cell value (a figure or a mark), not as a label.

    >>> is_value_text("+12"), is_value_text("6165711 元"), is_value_text("—"), is_value_text("规章")
    (True, True, True, False)
    """
    text = text.strip()
    return bool(_VALUE.match(text) or _ANNOTATED.fullmatch(text) or _GROUPED.fullmatch(text))


@frozen
class ParsedCell:
    """A cell read from its printed text: the ``value``, the ``annotation`` printed
    beside the figure (kept in the model), and ``repair``, what was done to read it
    (empty when the text was a plain figure)."""

    value: Cell
    annotation: str | None = None
    repair: str = ""


@functools.lru_cache(maxsize=8192)
def parse_cell(text: str, kind: CellKind, unit: MoneyUnit | None = None) -> ParsedCell:
    """Read the printed ``text`` of a cell of ``kind`` (money cells default to ``unit``).

    Text that is no value of the kind becomes a blank cell annotated with the text, so
    that nothing printed is lost, with ``repair`` saying so.

    >>> parse_cell("+12", CellKind.SIGNED).value, parse_cell("无", CellKind.COUNT).value
    (12, NotApplicable(mark='无'))
    >>> cell = parse_cell("约20", CellKind.COUNT)
    >>> cell.value, cell.annotation
    (BLANK, '约20')
    >>> cell = parse_cell("—（暂无数据）", CellKind.COUNT)
    >>> cell.value, cell.annotation
    (NotApplicable(mark='—'), '暂无数据')
    """
    raw = text.strip()
    if not raw:
        return ParsedCell(BLANK)
    folded = unicodedata.normalize("NFKC", raw)
    if raw in _MARKS:
        return ParsedCell(NotApplicable(raw))
    annotated = _ANNOTATED.fullmatch(raw)
    note = (annotated["note"] or annotated["alone"] or "").strip() if annotated else ""
    if annotated is not None and note:
        mark = annotated["mark"]
        return ParsedCell(
            NotApplicable(mark) if mark else BLANK,
            note,
            "kept the parenthesised text as the cell's annotation",
        )
    # A text longer than any value is not worth the regular expression's time.
    match = _WHOLE_FIGURE.fullmatch(folded) if len(folded) <= _LONGEST_VALUE else None
    if match is None:
        return ParsedCell(BLANK, raw, "kept the text as an annotation of a blank cell")
    repairs: list[str] = []
    value = _figure(match, kind, unit, repairs)
    if value is None:
        return ParsedCell(BLANK, raw, repairs[-1])
    note = match["note"]
    if note is not None:
        # The annotation as printed, not as folded to find the figure ("？" stays "？").
        printed = _PRINTED_NOTE.search(raw)
        note = (printed["note"] if printed else note).strip()
        repairs.append("kept the parenthesised text as the cell's annotation")
    return ParsedCell(value, note or None, "; ".join(repairs))


def _figure(
    match: re.Match[str], kind: CellKind, unit: MoneyUnit | None, repairs: list[str]
) -> Cell | None:
    """The value of a printed figure in a cell of ``kind``; ``None`` when the kind cannot
    hold it (the last repair says why)."""
    sign = "-" if match["sign"] in ("-", "−") else ""
    digits = re.sub(r"[\s,，]", "", match["digits"])
    fraction = (match["fraction"] or "").replace("．", ".")
    if digits != match["digits"]:
        repairs.append("removed separators")
    printed_unit = match["unit"]
    if printed_unit and printed_unit not in _UNITS:
        repairs.append(f"dropped the counting word {printed_unit!r}")
    figures = len(digits) + max(len(fraction) - 1, 0)  # the fraction holds its point
    if figures > MAX_FIGURE_DIGITS:
        # No report prints such a figure, and int() refuses over 4,300 digits.
        repairs.append(
            f"a figure of {figures:,} digits is no count or sum a report "
            f"prints (limit {MAX_FIGURE_DIGITS}); kept the text"
        )
        return None
    if kind is CellKind.MONEY:
        return Money(
            Decimal(sign + digits + fraction),
            _UNITS.get(printed_unit or "", unit or MoneyUnit.YUAN),
        )
    if fraction or printed_unit in _UNITS:
        repairs.append("a count cannot hold an amount; kept the text")
        return None
    number = int(sign + digits)
    if kind is CellKind.COUNT and number < 0:
        repairs.append("a count cannot be negative; kept the text")
        return None
    if not -COUNT_LIMIT < number < COUNT_LIMIT:
        repairs.append("the number is too large; kept the text")
        return None
    if kind is CellKind.COUNT and match["sign"]:
        repairs.append("dropped the sign of a count")
    return number
