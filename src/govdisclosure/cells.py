"""What a table cell can hold.

A cell is one of:

* a count: an ``int`` (never ``bool``), ``>= 0`` except in 本年增/减 columns, where it is a
  signed change;
* an amount of :class:`Money` (a :class:`~decimal.Decimal` with its unit) in money columns;
* :data:`BLANK`: nothing was printed. A blank is not zero; the checker treats it as unknown;
* :class:`NotApplicable`: the report printed a mark such as "/" or "无" instead of a number;
  the mark is kept.

>>> Money("6165711", "元")
Money(amount=Decimal('6165711'), unit=<MoneyUnit.YUAN: 'yuan' 元>)
>>> str(Money("6165711", "元")), str(NotApplicable("—")), str(BLANK)
('6165711 元', '—', '')
"""

from __future__ import annotations

import decimal
import enum
import functools
import operator
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final, SupportsIndex, TypeAlias

from attrs import field, frozen

from govdisclosure.categories import MoneyUnit
from govdisclosure.errors import Message, ReportValueError, translatable as _
from govdisclosure.layouts import CellKind
from govdisclosure.pickling import compact_pickle

if TYPE_CHECKING:
    # typing.TypeIs is Python 3.13's; the checker alone needs it (typing_extensions comes
    # with mypy), so the library keeps no dependency for it.
    from typing_extensions import TypeIs

__all__ = [
    "BLANK",
    "COUNT_LIMIT",
    "NOT_APPLICABLE_MARKS",
    "Blank",
    "Cell",
    "CountCell",
    "Money",
    "NotApplicable",
    "add_money",
    "all_valid",
    "is_number",
]


class Blank(enum.Enum):
    """The type of :data:`BLANK`, the value of a cell where nothing was printed."""

    BLANK = "blank"

    def __repr__(self) -> str:
        return "BLANK"

    def __str__(self) -> str:
        return ""


#: The value of a cell where nothing was printed (distinct from 0).
BLANK: Final = Blank.BLANK

#: Counts must fit a signed 64-bit integer, so that every system that stores a report
#: (databases, data frames, JSON parsers in other languages) can hold every count.
COUNT_LIMIT: Final = 2**63

#: The marks real reports print in place of a number that does not apply.
#: What reports print in a cell instead of a number. The dots and 空 are placeholders
#: documents print for an empty cell: kept as printed, like the dashes.
NOT_APPLICABLE_MARKS: Final = (
    "/",
    "／",
    "-",
    "－",
    "--",
    "—",
    "——",
    "–",
    "·",
    "・",
    "无",
    "空",
    "不适用",
)


def _check_mark(_instance: object, _attribute: object, mark: Any) -> None:
    if mark not in NOT_APPLICABLE_MARKS:
        raise ReportValueError(
            _(
                "不适用标记必须是 {marks} 之一，实际为 {mark!r}",
                marks=" ".join(NOT_APPLICABLE_MARKS),
                mark=mark,
            ),
            at=("mark",),
        )


@compact_pickle
@frozen
class NotApplicable:
    """A cell that printed a mark ("/", "-", "—", "无", "不适用", …) instead of a number.

    >>> NotApplicable("无").mark
    '无'
    >>> NotApplicable("n/a")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReportValueError: a not-applicable mark must be one of ...
    """

    mark: str = field(
        default="/",
        validator=_check_mark,
        metadata={
            "json": {"key": "na", "required": True, "schema": {"enum": list(NOT_APPLICABLE_MARKS)}}
        },
    )

    def __str__(self) -> str:
        return self.mark


def _to_decimal(value: object) -> Decimal:
    amount: Decimal | None = None
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            amount = None
    if amount is None:
        hint = _("（浮点数不精确，请传入 str 或 Decimal）") if isinstance(value, float) else ""
        raise ReportValueError(
            _(
                "金额必须是 Decimal、int 或十进制数字的字符串，实际为 {value!r}{hint}",
                value=value,
                hint=hint,
            )
        )
    if not amount.is_finite():
        raise ReportValueError(_("金额必须是有限数，实际为 {value!r}", value=value))
    # One spelling per amount: no exponent ("1E+3" is 1000) and no negative zero, so an
    # amount prints back as it reads. The scale stays: "1.50" is printed as "1.50".
    if amount.as_tuple().exponent > 0:  # type: ignore[operator]
        amount = Decimal(format(amount, "f"))  # exact; quantize would round to the context
    if amount.is_zero() and amount.is_signed():
        amount = -amount
    return amount


def _exactly(amount: Decimal) -> tuple[object, ...]:
    # Money equal means printed the same: 1.0 and 1.00 differ (the report printed them
    # differently), which keeps "equal reports print equal text" true.
    return tuple(amount.as_tuple())


def _to_unit(value: object) -> MoneyUnit:
    try:
        return MoneyUnit.coerce(value)
    except KeyError:
        units = ", ".join(f"{u.value} ({u.zh})" for u in MoneyUnit)
        raise ReportValueError(
            _("金额单位必须是 {units} 之一，实际为 {value!r}", units=units, value=value)
        ) from None


@compact_pickle
@frozen
class Money:
    """An amount of money with the unit it was stated in.

    The amount is exact (:class:`~decimal.Decimal`); floats are refused. Negative
    amounts are representable because real reports print them; the checker flags them.

    Amounts are kept as written, so ``Money("1.50")`` and ``Money("1.5")`` differ, as the
    printed figures do; an exponent is written out (``Money("1E+3")`` is ``Money("1000")``).

    >>> Money(3, "万元").unit
    <MoneyUnit.TEN_THOUSAND_YUAN: 'wan_yuan' 万元>
    >>> Money(0.1, "元")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReportValueError: an amount must be ... (floats are not exact; ...)
    """

    amount: Decimal = field(converter=_to_decimal, eq=_exactly)
    # Required in the JSON form: a written amount always says its unit.
    unit: MoneyUnit = field(
        default=MoneyUnit.YUAN, converter=_to_unit, metadata={"json": {"required": True}}
    )

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.zh}"

    def to(self, unit: MoneyUnit | str) -> Money:
        """The same amount in ``unit``, exactly: the decimal point moves, and no digit is
        added, dropped or rounded, so the amount keeps its precision ("15000 元", exact to
        the 元, is "1.5000 万元"). In its own unit an amount is returned as it is.

        >>> str(Money("15000", "元").to("万元")), str(Money("1.25", "亿元").to("元"))
        ('1.5000 万元', '125000000 元')
        """
        target = _to_unit(unit)
        if target is self.unit:
            return self
        sign, digits, exponent = self.amount.as_tuple()
        shifted = int(exponent) + _SCALE[self.unit] - _SCALE[target]
        return Money(Decimal((sign, digits, shifted)), target)


#: The power of ten of each unit, in 元.
_SCALE: Final = {
    MoneyUnit.YUAN: 0,
    MoneyUnit.TEN_THOUSAND_YUAN: 4,
    MoneyUnit.HUNDRED_MILLION_YUAN: 8,
}

#: Decimal arithmetic that never rounds: as many digits as an amount has.
_EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[decimal.Inexact]
)


def add_money(amounts: Iterable[Money], unit: MoneyUnit | str) -> Money:
    """The exact sum of ``amounts`` in ``unit``, each converted first (:meth:`Money.to`);
    nothing is rounded, however many digits the amounts have. The sum of none is 0.

    >>> str(add_money([Money("1.5", "万元"), Money("2500", "元")], "万元"))
    '1.7500 万元'
    """
    target = _to_unit(unit)
    total = functools.reduce(_EXACT.add, (money.to(target).amount for money in amounts), Decimal(0))
    return Money(total, target)


#: Everything a table cell may hold.
Cell: TypeAlias = int | Money | Blank | NotApplicable
#: What a cell of a table without money holds (tables 三 and 四 count, never amount).
CountCell: TypeAlias = int | Blank | NotApplicable


def is_number(cell: Cell) -> TypeIs[int | Money]:
    """Whether ``cell`` holds a value (a count or money), not a blank or a mark.

    >>> is_number(0), is_number(BLANK), is_number(NotApplicable())
    (True, False, False)
    """
    return type(cell) is int or type(cell) is Money


_EXPECTED = {
    CellKind.COUNT: _("件数（>= 0 且 < 2**63 的 int）、BLANK 或 NotApplicable"),
    CellKind.SIGNED: _("带符号的 int（绝对值 < 2**63）、BLANK 或 NotApplicable"),
    CellKind.MONEY: _("Money、BLANK 或 NotApplicable"),
}


def expected(kind: CellKind) -> Message:
    """What a cell of ``kind`` must hold, in words (for error messages)."""
    return _EXPECTED[kind]


def is_valid_cell(kind: CellKind, value: object) -> bool:
    """Whether ``value`` may stand, exactly as it is, in a cell of ``kind``."""
    cls = type(value)
    if cls is int:
        if kind is CellKind.COUNT:
            return 0 <= value < COUNT_LIMIT  # type: ignore[operator]
        return kind is CellKind.SIGNED and -COUNT_LIMIT < value < COUNT_LIMIT  # type: ignore[operator]
    if cls is Blank or cls is NotApplicable:
        return True
    return cls is Money and kind is CellKind.MONEY


#: The lowest value of each kind of count; the highest is below COUNT_LIMIT.
_LOWEST: Final = {CellKind.COUNT: 0, CellKind.SIGNED: 1 - COUNT_LIMIT}
_UNKNOWN: Final = frozenset({Blank, NotApplicable})
_COUNT_TYPES: Final = frozenset({int, *_UNKNOWN})
_MONEY_TYPES: Final = frozenset({Money, *_UNKNOWN})


def all_valid(kind: CellKind, values: Sequence[object]) -> bool:
    """Whether every value may stand in a cell of ``kind`` (as :func:`is_valid_cell`),
    checked in a few passes over all of them rather than one call per cell.

    >>> all_valid(CellKind.COUNT, (0, 5, BLANK)), all_valid(CellKind.COUNT, (0, -5))
    (True, False)
    >>> all_valid(CellKind.SIGNED, (0, -5, NotApplicable())), all_valid(CellKind.COUNT, (1, True))
    (True, False)
    """
    types = set(map(type, values))  # exact types: a bool is no count
    if kind is CellKind.MONEY:
        return types <= _MONEY_TYPES
    if not types <= _COUNT_TYPES:
        return False
    if int not in types:
        return True
    # Tables hold few distinct figures: their range is cheap to find.
    numbers = [value for value in set(values) if type(value) is int]
    return _LOWEST[kind] <= min(numbers) and max(numbers) < COUNT_LIMIT


def coerce_cell(kind: CellKind, value: object, unit: MoneyUnit | None = None) -> Cell:
    """Turn friendly input into a cell of ``kind``, or raise :class:`ReportValueError`.

    Accepts what :func:`is_valid_cell` accepts, plus: ``None`` for a blank, any integer
    type other than ``bool`` (a NumPy integer, say) for a count, a not-applicable mark
    string, and for money columns a plain amount (given in ``unit``, the column's unit).

    >>> coerce_cell(CellKind.COUNT, None), coerce_cell(CellKind.COUNT, "/")
    (BLANK, NotApplicable(mark='/'))
    >>> coerce_cell(CellKind.MONEY, "1.5", MoneyUnit.TEN_THOUSAND_YUAN)
    Money(amount=Decimal('1.5'), unit=<MoneyUnit.TEN_THOUSAND_YUAN: 'wan_yuan' 万元>)
    """
    if is_valid_cell(kind, value):
        return value  # type: ignore[return-value]
    if value is None:
        return BLANK
    if isinstance(value, str) and value.strip() in NOT_APPLICABLE_MARKS:
        return NotApplicable(value.strip())
    if kind is CellKind.MONEY:
        if isinstance(value, (int, Decimal, str, float)) and not isinstance(value, bool):
            return Money(value, unit or MoneyUnit.YUAN)  # says why a float is refused
    elif not isinstance(value, (bool, float, str)) and isinstance(value, SupportsIndex):
        number = operator.index(value)
        if is_valid_cell(kind, number):
            return number
    raise ReportValueError(
        _("应为{expected}，实际为 {value!r}", expected=expected(kind), value=value)
    )
