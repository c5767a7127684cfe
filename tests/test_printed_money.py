"""Amounts of money as every format prints them: the number alone under a column header
that states the unit, the unit otherwise, in a proper English form, and read back exactly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import govdisclosure as gd
from govdisclosure.categories import MoneyUnit, ProactiveColumn, ProactiveRow
from govdisclosure.i18n import translate
from govdisclosure.layouts import CellKind
from govdisclosure.readers.english import chinese_units
from govdisclosure.readers.values import parse_cell
from govdisclosure.renderers.document import Table, build_document
from govdisclosure.renderers.grid import Role
from govdisclosure.renderers.numbers import money_text, states_unit
from tests.strategies import money

ROOT = Path(__file__).resolve().parent.parent
SEED = gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")  # 2019 edition
INVENTED = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")  # 2021 edition
FEE = (ProactiveRow.FEES, ProactiveColumn.FEE_AMOUNT)
PROCUREMENT = (ProactiveRow.PROCUREMENT, ProactiveColumn.PROCUREMENT_AMOUNT)


def _with_fee(amount: gd.Money) -> gd.AnnualReport:
    return attrs.evolve(INVENTED, proactive=INVENTED.proactive.with_cell(*FEE, amount))


def _money_column(report: gd.AnnualReport, locale: str, column: ProactiveColumn) -> list[str]:
    """The texts of the header and the figures of ``column`` in table 二's grid."""
    grid = next(b.grid for b in build_document(report, locale).blocks if isinstance(b, Table))
    label = translate(report.proactive.layout.column_node(column).label, locale)
    header = [c.text for row in grid.rows for c in row if c.role is Role.COLUMN]
    figures = [c.text for c in grid.numbers() if c.spec is not None and c.spec.column is column]
    return [label, *figures] if label in header else figures


@pytest.mark.parametrize(
    ("locale", "header"),
    [("zh_CN", "本年收费金额（单位：万元）"), ("en", "Fees collected this year (10,000 yuan)")],
)
def test_the_2021_fee_prints_its_digits_only_under_a_header_stating_the_unit(
    locale: str, header: str
) -> None:
    fee = INVENTED.proactive[FEE]
    assert fee == gd.Money("1.25", "万元")
    assert _money_column(INVENTED, locale, ProactiveColumn.FEE_AMOUNT) == [header, "1.25"]
    text = gd.render(INVENTED, "text", locale=locale)
    assert isinstance(text, str)
    line = next(
        line
        for line in text.splitlines()
        if line.startswith(translate(ProactiveRow.FEES.zh, locale))
    )
    assert line.split()[-1] == "1.25"


@pytest.mark.parametrize(
    ("amount", "zh", "en"),
    [
        (gd.Money("12500", "元"), "12500 元", "12,500 yuan"),
        (gd.Money("1.50", "亿元"), "1.50 亿元", "1.50 (100 million yuan)"),
        (gd.Money("-1234.5", "万元"), "-1234.5", "-1,234.5"),
    ],
)
def test_an_amount_in_another_unit_under_the_header_keeps_its_unit(
    amount: gd.Money, zh: str, en: str
) -> None:
    report = _with_fee(amount)
    assert _money_column(report, "zh_CN", ProactiveColumn.FEE_AMOUNT)[1:] == [zh]
    assert _money_column(report, "en", ProactiveColumn.FEE_AMOUNT)[1:] == [en]


def test_the_2019_procurement_header_states_no_unit_so_the_amount_keeps_it() -> None:
    assert SEED.proactive[PROCUREMENT] == gd.Money("6165711", "元")
    assert _money_column(SEED, "zh_CN", ProactiveColumn.PROCUREMENT_AMOUNT)[-1] == "6165711 元"
    assert _money_column(SEED, "en", ProactiveColumn.PROCUREMENT_AMOUNT)[-1] == "6,165,711 yuan"
    wan = SEED.proactive.with_cell(*PROCUREMENT, gd.Money("616.57", "万元"))
    column = _money_column(attrs.evolve(SEED, proactive=wan), "en", PROCUREMENT[1])
    assert column[-1] == "616.57 (10,000 yuan)"


def test_which_headers_state_their_unit_is_read_from_the_layouts() -> None:
    stated = {
        (edition, spec.column, locale)
        for edition in gd.Edition
        for table in gd.layout(edition).tables
        for spec in table.cells
        for locale in ("zh_CN", "en")
        if spec.kind is CellKind.MONEY and states_unit(spec, locale)
    }
    money_columns = {
        (edition, spec.column)
        for edition in gd.Edition
        for table in gd.layout(edition).tables
        for spec in table.cells
        if spec.kind is CellKind.MONEY
    }
    fee = ProactiveColumn.FEE_AMOUNT
    assert money_columns == {(gd.Edition.V2019, PROCUREMENT[1]), (gd.Edition.V2021, fee)}
    assert stated == {(gd.Edition.V2021, fee, "zh_CN"), (gd.Edition.V2021, fee, "en")}


@settings(max_examples=300, deadline=None)
@given(money(), st.sampled_from(["zh_CN", "en"]), st.sampled_from([None, *MoneyUnit]))
def test_every_printed_amount_reads_back_exactly(
    amount: gd.Money, locale: str, header: MoneyUnit | None
) -> None:
    """Printed under a header stating ``header`` (or none), read as a reader reads a cell
    of such a column (its English units in Chinese first): the same digits, the same unit."""
    printed = money_text(amount, locale, header_unit=header)
    assert ("yuan" in printed or "元" in printed) == (amount.unit is not header)
    read = parse_cell(chinese_units(printed), CellKind.MONEY, header).value
    assert read == amount
    assert isinstance(read, gd.Money)
    assert read.amount.as_tuple() == amount.amount.as_tuple()


def test_english_amounts_keep_their_digits_and_group_thousands() -> None:
    assert money_text(gd.Money("1.50", "万元"), "en") == "1.50 (10,000 yuan)"
    assert money_text(gd.Money("1234567.890", "元"), "en") == "1,234,567.890 yuan"
    assert money_text(gd.Money("1234567.890", "元"), "zh_CN") == "1234567.890 元"
    assert money_text(gd.Money("999", "元"), "en") == "999 yuan"
    # The form of earlier versions still reads.
    assert chinese_units("1.50 10,000 yuan") == "1.50 万元"
    assert chinese_units("1.50 (10,000 yuan) (note)") == "1.50 万元 (note)"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx", "xlsx"])
def test_a_bare_amount_of_an_extra_row_under_the_fee_reads_back_in_the_columns_unit(
    fmt: str,
) -> None:
    extra = gd.ExtraRow("其他收费", (gd.Money("2.50", "万元"),))
    report = attrs.evolve(INVENTED, proactive=attrs.evolve(INVENTED.proactive, extra_rows=(extra,)))
    grid = next(b.grid for b in build_document(report).blocks if isinstance(b, Table))
    assert [c.text for c in grid.rows[-1]] == ["其他收费", "2.50"]
    read = gd.read(gd.render(report, fmt), fmt).report
    assert read.proactive.extra_rows == (extra,)
    amount = read.proactive.extra_rows[0].cells[0]
    assert isinstance(amount, gd.Money)
    assert amount.amount.as_tuple() == Decimal("2.50").as_tuple()
