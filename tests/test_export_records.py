"""Tables as data: tidy records (one per cell, extras included) and the wide form (one
row per report), checked against the model and its layouts."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure import BLANK, Edition, Money, NotApplicable, layout
from govdisclosure.batch import BatchItem, Checked
from govdisclosure.cells import Cell
from govdisclosure.errors import OptionError, ReportValueError
from govdisclosure.export import (
    RECORD_COLUMNS,
    WIDE_ID_COLUMNS,
    Record,
    to_records,
    to_wide,
    wide_columns,
)
from govdisclosure.tables import ExtraColumn, ExtraRow
from tests.strategies import reports

SEED = "examples/zhongning-minzheng-2020.json"
PROPERTY = settings(max_examples=40, deadline=None)


def _cell_of(record: Record) -> Cell:
    """The cell a record says it holds, rebuilt from its state, value, unit and mark."""
    if record.state in ("count", "signed"):
        assert type(record.value) is int
        return record.value
    if record.state == "money":
        assert isinstance(record.value, Decimal)
        assert record.unit is not None
        return Money(record.value, record.unit)
    if record.state == "blank":
        assert record.value is None
        assert record.mark is None
        return BLANK
    assert record.state == "not_applicable"
    assert record.value is None
    assert record.mark is not None
    return NotApplicable(record.mark)


def _odd_report() -> gd.AnnualReport:
    """A 2019 report with every kind of cell: blank, marks, money in another unit, a
    negative change, an annotation, an extra row and an extra column."""
    report = gd.AnnualReport.blank("某县民政局", 2020)
    proactive = report.proactive.with_rows(
        {
            "行政许可": [7, -3, BLANK],
            "政府集中采购": [2, Money("616.57", "万元")],
            "规章": [NotApplicable("/"), 0, None],
        }
    ).with_annotation("行政许可", "本年增/减", "其中废止3项")
    applications = attrs.evolve(
        report.applications.with_row("本年新收政府信息公开申请数量", {"自然人": 5}),
        extra_rows=(
            ExtraRow(
                "=不予受理", (1, BLANK, 0, 0, 0, 0, NotApplicable("-")), after="other_handling"
            ),
        ),
        extra_columns=(
            ExtraColumn("法人或其他组织小计", (Money("1", "元"),) + (0,) * 22, after="other"),
        ),
    )
    return attrs.evolve(report, proactive=proactive, applications=applications)


def test_records_have_the_columns_in_order() -> None:
    (record, *_) = to_records(gd.load(SEED))
    assert list(record.to_dict()) == [column.key for column in RECORD_COLUMNS]
    assert [field.name for field in attrs.fields(Record)] == [c.key for c in RECORD_COLUMNS]


def test_every_kind_of_cell_gets_its_state() -> None:
    records = {
        (r.section, r.row, r.column, r.origin, r.extra_index): r
        for r in to_records(BatchItem(0, "odd.json", value=_odd_report()))
    }
    change = records["proactive", "administrative_licensing", "change", "form", None]
    assert (change.state, change.value, change.kind, change.annotation) == (
        "signed",
        -3,
        "signed",
        "其中废止3项",
    )
    assert (
        records["proactive", "administrative_licensing", "previous_items", "form", None].state
        == "count"
    )
    decisions = records["proactive", "administrative_licensing", "decisions", "form", None]
    assert (decisions.state, decisions.value, decisions.mark) == ("blank", None, None)
    amount = records["proactive", "centralized_procurement", "procurement_amount", "form", None]
    assert (amount.state, amount.value, amount.unit, amount.kind) == (
        "money",
        Decimal("616.57"),
        "wan_yuan",
        "money",
    )
    assert amount.block == "art20_9"
    assert amount.block_label == "第二十条第（九）项"
    made = records["proactive", "rules", "made", "form", None]
    assert (made.state, made.value, made.mark) == ("not_applicable", None, "/")
    new = records["applications", "new", "natural_person", "form", None]
    assert (new.source, new.organ, new.year, new.edition) == (
        "odd.json",
        "某县民政局",
        2020,
        "2019",
    )
    assert (new.row_label, new.row_group, new.column_group) == (
        "一、本年新收政府信息公开申请数量",
        None,
        "申请人情况",
    )
    assert (new.state, new.value, new.table) == ("count", 5, "三")
    # The extra row: its own label, after the row it followed, one cell per column.
    extra = [r for r in records.values() if r.origin == "extra_row"]
    assert [r.column for r in extra] == [
        n.key.value for n in layout(Edition.V2019).applications.columns_in_order
    ]
    assert {(r.row, r.row_label, r.after, r.position, r.kind) for r in extra} == {
        (None, "=不予受理", "other_handling", None, None)
    }
    assert [r.state for r in extra] == ["count", "blank", *["count"] * 4, "not_applicable"]
    # The extra column: one cell per number row, after the column it followed.
    column = [r for r in records.values() if r.origin == "extra_column"]
    assert len(column) == 23
    assert {r.column_label for r in column} == {"法人或其他组织小计"}
    assert (column[0].row, column[0].state, column[0].value, column[0].unit) == (
        "new",
        "money",
        Decimal("1"),
        "yuan",
    )
    assert {r.after for r in column} == {"other"}


def test_labels_are_the_forms_with_their_numbering() -> None:
    records = list(to_records(gd.AnnualReport(organ="某县教育局", year=2023)))
    labels = {(r.row, r.column): (r.row_label, r.row_group, r.column_label) for r in records}
    assert labels["total", "total"] == ("（七）总计", "三、本年度办理结果", "总计")
    assert labels["other_misc", "commercial"] == (
        "3.其他",
        "三、本年度办理结果 / （六）其他处理",
        "商业企业",
    )
    assert labels["withheld_security_stability", "other"][:2] == (
        "3.危及“三安全一稳定”",
        "三、本年度办理结果 / （三）不予公开",
    )
    assert labels["litigation_direct", "upheld"] == ("未经复议直接起诉", "行政诉讼", "结果维持")
    # Every label is one the layout prints (no label is typed twice).
    printed = {
        node.numbering + node.label
        for table in layout(Edition.V2021).tables
        for block in table.blocks
        for tree in (block.row_tree, block.column_tree)
        for top in tree
        for node, _ in top.walk()
    }
    assert {r.row_label for r in records} | {r.column_label for r in records} <= printed


@PROPERTY
@given(reports())
def test_the_records_give_every_cell_back(report: gd.AnnualReport) -> None:
    records = list(to_records(report))
    for table in report.tables:
        section = table.section.value
        form = [r for r in records if r.section == section and r.origin == "form"]
        assert [r.position for r in form] == list(range(len(table.cells)))
        assert [_cell_of(r) for r in form] == list(table.cells)
        notes = dict(table.annotations)
        assert [r.annotation for r in form] == [notes.get(p) for p in range(len(table.cells))]
        for spec, record in zip(table.layout.cells, form, strict=True):
            assert (record.row, record.column) == (spec.row.value, spec.column.value)
            assert record.kind == spec.kind.value
        rows = [r for r in records if r.section == section and r.origin == "extra_row"]
        assert [_cell_of(r) for r in rows] == [c for row in table.extra_rows for c in row.cells]
        columns = [r for r in records if r.section == section and r.origin == "extra_column"]
        expected = [c for column in table.extra_columns for c in column.cells]
        assert [_cell_of(r) for r in columns] == expected
        assert all(r.organ == report.organ and r.year == report.year for r in form)


def test_anything_that_holds_a_report_gives_its_records() -> None:
    report = gd.load(SEED)
    result = gd.validate(report)
    plain = [r.to_dict() for r in to_records(report)]
    checked = [r.to_dict() for r in to_records(Checked("seed.json", report, result))]
    assert [r["source"] for r in checked] == ["seed.json"] * len(plain)
    assert [{**r, "source": None} for r in checked] == plain
    unread: BatchItem[gd.AnnualReport] = BatchItem(
        1, "bad.pdf", error=gd.ReadError("broken", source="bad.pdf")
    )
    assert list(to_records([unread])) == []
    with pytest.raises(OptionError, match="item 0 is a str"):
        list(to_records([BatchItem(0, "x", value="not a report")]))
    with pytest.raises(OptionError, match="expected reports"):
        list(to_records(42))


# --- the wide form --------------------------------------------------------------------------


@pytest.mark.parametrize("edition", list(Edition))
def test_wide_columns_name_every_cell_once(edition: Edition) -> None:
    columns = wide_columns(edition, indicators=False)
    keys = [c.key for c in columns]
    assert len(keys) == len(set(keys))
    assert columns[: len(WIDE_ID_COLUMNS)] == WIDE_ID_COLUMNS
    cells = [c for c in keys[len(WIDE_ID_COLUMNS) :] if not c.endswith((".state", ".unit"))]
    expected = [
        f"{table.section.value}.{spec.row.value}.{spec.column.value}"
        for table in layout(edition).tables
        for spec in table.cells
    ]
    assert cells == expected
    # Each value column is followed by its state, an amount also by its unit.
    money = [c for c in keys if c.endswith(".unit")]
    assert len(money) == 1
    without_states = [c.key for c in wide_columns(edition, states=False, indicators=False)]
    assert without_states == [k for k in keys if not k.endswith(".state")]
    # The indicators come last, one column each.
    rates = [c.key for c in wide_columns(edition)][len(keys) :]
    assert rates == [f"indicators.{rate.key}" for rate in gd.indicators(gd.AnnualReport("x", 2022))]


@PROPERTY
@given(reports())
def test_a_wide_row_holds_the_indicators_never_a_zero_for_not_computable(
    report: gd.AnnualReport,
) -> None:
    (row,) = to_wide([report])
    for rate in gd.indicators(report):
        value = row[f"indicators.{rate.key}"]
        if rate.value is None:
            assert value is None
        else:  # the exact ratio, rounded to six places
            assert abs(Fraction(value) - rate.value) <= Fraction(1, 2 * 10**6)
    (bare,) = to_wide([report], indicators=False)
    assert not any(key.startswith("indicators.") for key in bare)


def test_the_union_has_every_cell_of_both_editions() -> None:
    union = {c.key for c in wide_columns()}
    for edition in Edition:
        assert {c.key for c in wide_columns(edition)} <= union
    labels = {c.key: c.zh for c in wide_columns()}
    assert labels["proactive.normative_documents.issued"] == "二、行政规范性文件·本年制发件数"
    # Printed differently by the two editions: both labels.
    assert labels["proactive.administrative_licensing.decisions"] == (
        "二、行政许可·处理决定数量 / 二、行政许可·本年处理决定数量"
    )


@PROPERTY
@given(reports())
def test_a_wide_row_holds_every_cell(report: gd.AnnualReport) -> None:
    (row,) = to_wide([report])
    assert (row["organ"], row["year"], row["edition"]) == (
        report.organ,
        report.year,
        report.edition.value,
    )
    assert row["extra_rows"] == sum(len(t.extra_rows) for t in report.tables)
    for table in report.tables:
        for spec, cell in table.items():
            name = f"{table.section.value}.{spec.row.value}.{spec.column.value}"
            value, state = row[name], row[f"{name}.state"]
            if isinstance(cell, Money):
                assert (value, state, row[f"{name}.unit"]) == (
                    cell.amount,
                    "money",
                    cell.unit.value,
                )
            elif type(cell) is int:
                assert (value, state) == (cell, spec.kind.value)
            else:
                assert value is None
                assert state == ("blank" if cell is BLANK else "not_applicable")


def test_editions_are_never_mixed_silently() -> None:
    old, new = gd.load(SEED), gd.AnnualReport(organ="某县教育局", year=2023)
    with pytest.raises(ReportValueError, match=r"report 2 .* is in the 2021 edition"):
        list(to_wide([old, new]))
    with pytest.raises(ReportValueError, match=r"report 1 .* is in the 2019 edition"):
        list(to_wide([old], edition="2021"))
    rows = list(to_wide([old, new], union=True))
    assert rows[0]["applications.other_handling.total.state"] == "count"
    assert rows[1]["applications.other_handling.total.state"] == "absent"
    assert rows[1]["applications.other_handling.total"] is None
    assert rows[0]["applications.other_misc.total.state"] == "absent"
    assert rows[1]["applications.other_misc.total.state"] == "count"
    assert list(rows[0]) == [c.key for c in wide_columns()]
    with pytest.raises(OptionError, match="give no edition"):
        to_wide([old], union=True, edition="2019").__next__()
    assert list(to_wide([])) == []
    with pytest.raises(OptionError, match="edition must be one of 2019, 2021, got '2020'"):
        list(to_wide([old], edition="2020"))
    with pytest.raises(OptionError, match="edition must be one of"):
        wide_columns("2020")


def test_the_wide_form_is_lazy() -> None:
    taken = []

    def many() -> Any:
        for number in range(5):
            taken.append(number)
            yield gd.load(SEED)

    rows = to_wide(many())
    assert next(rows)["organ"] == "中宁县民政局"
    assert taken == [0]
