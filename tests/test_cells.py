"""Cells: counts, signed changes, money, blank and not-applicable values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govdisclosure import (
    BLANK,
    NOT_APPLICABLE_MARKS,
    CellKind,
    Money,
    MoneyUnit,
    NotApplicable,
    ReportValueError,
    is_number,
)
from govdisclosure.cells import coerce_cell, is_valid_cell


def test_money_keeps_amount_and_unit() -> None:
    money = Money("6165711", "元")
    assert money.amount == Decimal("6165711")
    assert money.unit is MoneyUnit.YUAN
    assert str(money) == "6165711 元"
    assert Money(Decimal("1.50"), MoneyUnit.TEN_THOUSAND_YUAN) == Money("1.50", "wan_yuan")
    assert str(Money("1.50", "万元")) == "1.50 万元"


@pytest.mark.parametrize("amount", [0.5, True, "abc", "NaN", "Infinity", None, [1]])
def test_money_refuses_inexact_or_non_numbers(amount: object) -> None:
    with pytest.raises(ReportValueError):
        Money(amount)


def test_money_refuses_unknown_unit() -> None:
    with pytest.raises(ReportValueError, match="money unit"):
        Money(1, "dollars")


def test_negative_money_is_representable_for_the_checker() -> None:
    assert Money("-5", "元").amount == -5


def test_not_applicable_keeps_its_mark() -> None:
    for mark in NOT_APPLICABLE_MARKS:
        assert NotApplicable(mark).mark == mark
        assert str(NotApplicable(mark)) == mark
    with pytest.raises(ReportValueError):
        NotApplicable("0")


def test_blank_is_not_zero() -> None:
    assert BLANK != 0  # type: ignore[comparison-overlap]
    assert not is_number(BLANK)
    assert is_number(0)
    assert str(BLANK) == ""
    assert repr(BLANK) == "BLANK"


@pytest.mark.parametrize(
    ("kind", "value", "valid"),
    [
        (CellKind.COUNT, 0, True),
        (CellKind.COUNT, 7, True),
        (CellKind.COUNT, -1, False),
        (CellKind.COUNT, True, False),
        (CellKind.COUNT, 1.0, False),
        (CellKind.COUNT, "1", False),
        (CellKind.COUNT, Money(1), False),
        (CellKind.COUNT, BLANK, True),
        (CellKind.COUNT, NotApplicable("/"), True),
        (CellKind.SIGNED, -50, True),
        (CellKind.SIGNED, False, False),
        (CellKind.MONEY, Money(1), True),
        (CellKind.MONEY, 1, False),
        (CellKind.MONEY, BLANK, True),
    ],
)
def test_is_valid_cell(kind: CellKind, value: object, valid: bool) -> None:
    assert is_valid_cell(kind, value) is valid


class FakeNumpyInt:
    """Stands in for a NumPy integer: an integer type that is not int."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def test_coerce_cell_accepts_friendly_input() -> None:
    assert coerce_cell(CellKind.COUNT, None) is BLANK
    assert coerce_cell(CellKind.COUNT, " / ") == NotApplicable("/")
    assert coerce_cell(CellKind.COUNT, FakeNumpyInt(3)) == 3
    assert type(coerce_cell(CellKind.COUNT, FakeNumpyInt(3))) is int
    assert coerce_cell(CellKind.MONEY, 12, MoneyUnit.TEN_THOUSAND_YUAN) == Money(12, "万元")
    assert coerce_cell(CellKind.MONEY, "3.5") == Money("3.5", "元")


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (CellKind.COUNT, True),
        (CellKind.COUNT, 2.0),
        (CellKind.COUNT, "2"),
        (CellKind.COUNT, -2),
        (CellKind.COUNT, FakeNumpyInt(-2)),
        (CellKind.SIGNED, 1.5),
        (CellKind.MONEY, True),
    ],
)
def test_coerce_cell_refuses(kind: CellKind, value: object) -> None:
    with pytest.raises(ReportValueError, match="expected"):
        coerce_cell(kind, value)


def test_a_float_amount_is_refused_with_the_reason() -> None:
    with pytest.raises(ReportValueError, match="floats are not exact; pass a str or a Decimal"):
        coerce_cell(CellKind.MONEY, 1.25, MoneyUnit.TEN_THOUSAND_YUAN)
