"""Cells: counts, signed changes, money, blank and not-applicable values."""

from __future__ import annotations

from decimal import Context, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

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
from govdisclosure.cells import add_money, coerce_cell, is_valid_cell

SCALE = {MoneyUnit.YUAN: 0, MoneyUnit.TEN_THOUSAND_YUAN: 4, MoneyUnit.HUNDRED_MILLION_YUAN: 8}


def units() -> st.SearchStrategy[MoneyUnit]:
    return st.sampled_from(list(MoneyUnit))


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


# --- units: exact conversion and sums ---------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "target", "expected"),
    [
        ("15000", "元", "万元", "1.5000"),
        ("1.5", "万元", "元", "15000"),
        ("1.25", "亿元", "元", "125000000"),
        ("3", "元", "亿元", "3E-8"),
        ("0", "元", "万元", "0.0000"),
        ("-2.5", "万元", "元", "-25000"),
    ],
)
def test_money_in_another_unit_is_exact(amount: str, unit: str, target: str, expected: str) -> None:
    converted = Money(amount, unit).to(target)
    assert converted.unit is MoneyUnit.coerce(target)
    assert str(converted.amount) == expected  # exact, with the precision it had
    assert converted.to(unit).amount == Decimal(amount)  # and back, the same value


def test_money_in_its_own_unit_is_itself() -> None:
    money = Money("1.50", "万元")
    assert money.to("万元") is money


@given(st.lists(st.tuples(st.integers(-(10**40), 10**40), st.integers(-8, 4), units()), max_size=6))
def test_add_money_never_rounds(terms: list[tuple[int, int, MoneyUnit]]) -> None:
    amounts = [Money(Decimal(n).scaleb(e, Context(prec=100)), unit) for n, e, unit in terms]
    for target in MoneyUnit:
        total = add_money(amounts, target)
        assert total.unit is target
        # The sum as an exact fraction of a yuan, computed independently.
        exact = sum((Fraction(m.amount) * 10 ** SCALE[m.unit] for m in amounts), Fraction(0))
        assert Fraction(total.amount) * 10 ** SCALE[target] == exact


def test_add_money_of_nothing_is_zero_in_the_unit() -> None:
    assert add_money([], "万元") == Money("0", "万元")
