"""Indicators: exact rates of tables 三 and 四, per applicant column, with their inputs, and
"not computable" (with the reason) instead of 0 % or an error."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure import AnnualReport, Applicant, ApplicationRow, Edition, ReviewCase, ReviewResult
from govdisclosure.ratios import Indicator, IndicatorKind, indicators
from govdisclosure.rollup import aggregate
from tests.broken_reports import cells, invented, seed
from tests.strategies import reports

A, R = Applicant, ApplicationRow
TABLE_3 = (
    IndicatorKind.DISCLOSURE_RATE,
    IndicatorKind.WITHHELD_RATE,
    IndicatorKind.UNABLE_RATE,
    IndicatorKind.COMPLETION_RATE,
    IndicatorKind.CARRY_FORWARD_RATE,
)


def count(cell: gd.Cell) -> int:
    assert type(cell) is int, cell
    return cell


def rate_of(report: AnnualReport, kind: str, column: str | None = None) -> Indicator:
    return indicators(report).get(kind, column)


def test_every_rate_of_table_three_per_column_and_table_four_once() -> None:
    rates = indicators(invented())
    assert len(rates) == 5 * 7 + 2
    assert [i.kind for i in rates][::7][:5] == list(TABLE_3)
    assert [i.column for i in rates.of("disclosure_rate")] == list(
        invented().applications.column_keys
    )
    assert rates.get("review_correction_rate").column is None
    assert [i.key for i in rates][:2] == [
        "disclosure_rate.natural_person",
        "disclosure_rate.commercial",
    ]
    assert rates.get("litigation_correction_rate").key == "litigation_correction_rate"


def test_kinds_have_ascii_keys_and_chinese_and_english_names() -> None:
    assert [(k.value, k.zh) for k in IndicatorKind] == [
        ("disclosure_rate", "公开率"),
        ("withheld_rate", "不予公开率"),
        ("unable_rate", "无法提供率"),
        ("completion_rate", "办结率"),
        ("carry_forward_rate", "结转率"),
        ("review_correction_rate", "复议纠错率"),
        ("litigation_correction_rate", "诉讼纠错率"),
    ]
    assert IndicatorKind.DISCLOSURE_RATE.en == "Disclosure rate"
    rate = rate_of(invented(), "disclosure_rate", "自然人")
    assert rate.name() == "公开率（自然人）"
    assert rate.name("en") == "Disclosure rate (Natural persons)"


def test_the_invented_report_by_hand() -> None:
    report = invented()
    apps, reviews = report.applications, report.reviews

    def total(*rows: ApplicationRow) -> int:
        return sum(count(apps[row, A.TOTAL]) for row in rows)

    def rows(prefix: str) -> list[ApplicationRow]:
        return [row for row in apps.row_keys if row.value.startswith(prefix)]

    received = total(R.NEW, R.CARRIED_OVER)
    handled = total(R.TOTAL)
    rates = indicators(report)
    disclosed = total(R.DISCLOSED, R.PARTIALLY_DISCLOSED)
    assert rates.get("disclosure_rate").value == Fraction(disclosed, handled)
    assert rates.get("withheld_rate").value == Fraction(total(*rows("withheld_")), handled)
    assert rates.get("unable_rate").value == Fraction(total(*rows("unable_")), handled)
    assert rates.get("completion_rate").value == Fraction(handled, received)
    forward = total(R.CARRIED_FORWARD)
    assert rates.get("carry_forward_rate").value == Fraction(forward, received)
    corrected = count(reviews["review", "corrected"])
    decided = count(reviews["review", "total"]) - count(reviews["review", "pending"])
    assert rates.get("review_correction_rate").value == Fraction(corrected, decided)


def test_values_are_exact_fractions_and_the_display_rounds_half_up() -> None:
    rates = indicators(invented())
    one_third = rates.get("review_correction_rate")
    assert one_third.value == Fraction(1, 3)  # exactly, not 0.333…
    assert one_third.display() == "33.3%"
    assert one_third.display(3) == "33.333%"
    assert one_third.display(0) == "33%"
    base = AnnualReport(organ="某局", year=2022)
    # 1 of 2000 is 0.05 %: half up, 0.1 % (a float would round 0.05 down)
    apps = base.applications.with_rows(
        {R.NEW: {A.NATURAL_PERSON: 2000}, R.DISCLOSED: {A.NATURAL_PERSON: 1},
         R.UNABLE_NOT_HELD: {A.NATURAL_PERSON: 1999}}
    )  # fmt: skip
    report = gd.fill_totals(attrs.evolve(base, applications=apps))
    rate = rate_of(report, "disclosure_rate")
    assert rate.value == Fraction(1, 2000)
    assert rate.display() == "0.1%"
    assert rate_of(report, "unable_rate").display() == "100.0%"  # 99.95 % rounds up
    assert rate_of(report, "completion_rate").display() == "100.0%"


def test_operands_name_their_cells_and_values() -> None:
    rate = rate_of(invented(), "disclosure_rate", "natural_person")
    assert [o.location.json_path for o in rate.numerator] == [
        "$.report.applications.disclosed.natural_person",
        "$.report.applications.partially_disclosed.natural_person",
    ]
    assert [o.value for o in rate.numerator] == [15, 4]
    assert [o.location.json_path for o in rate.denominator] == [
        "$.report.applications.total.natural_person"
    ]
    assert (rate.numerator_value, rate.denominator_value) == (19, 37)
    withheld = rate_of(invented(), "withheld_rate")
    assert len(withheld.numerator) == 8  # Σ（三）: the eight reasons
    review = rate_of(invented(), "review_correction_rate")
    assert [(o.location.json_path, o.sign) for o in review.denominator] == [
        ("$.report.reviews.review.total", 1),
        ("$.report.reviews.review.pending", -1),
    ]


def test_formulas_are_written_with_the_layouts_labels() -> None:
    rates = indicators(invented())
    assert (
        rates.get("disclosure_rate").formula_zh == "(（一）予以公开 + （二）部分公开) ÷ （七）总计"
    )
    assert rates.get("disclosure_rate").formula_en == (
        "((1) Disclosed + (2) Partially disclosed) ÷ (7) Total"
    )
    assert rates.get("withheld_rate").formula_zh == "Σ （三）不予公开 ÷ （七）总计"
    assert rates.get("completion_rate").formula() == (
        "（七）总计 ÷ (一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量)"
    )
    assert (
        rates.get("litigation_correction_rate")
        .formula("en")
        .startswith(
            "(Sued directly, without reconsideration · Corrected + "
            "Sued after reconsideration · Corrected)"
        )
    )


# --- not computable -------------------------------------------------------------------------


def test_a_zero_denominator_is_not_computable_never_zero_percent() -> None:
    empty = AnnualReport(organ="某局", year=2022)
    for rate in indicators(empty):
        assert rate.value is None
        assert not rate.computable
        assert rate.display() == "—"
        assert "为 0" in (rate.reason() or "")
        assert "is 0" in (rate.reason("en") or "")
    assert rate_of(empty, "completion_rate").reason() == (
        "办结率（总计）无法计算：分母（三、本年新收政府信息公开申请数量·总计 + "
        "三、上年结转政府信息公开申请数量·总计）为 0"
    )


def test_a_blank_or_marked_input_is_not_computable_naming_the_cells() -> None:
    rate = rate_of(seed(), "review_correction_rate")  # the seed's 行政复议 is blank
    assert rate.value is None
    assert rate.reason() == (
        "复议纠错率无法计算：四、行政复议·结果纠正、四、行政复议·总计、"
        "四、行政复议·尚未审结 未填写数字"
    )
    marked = cells(invented(), "applications", (R.DISCLOSED, A.OTHER, "/"))
    assert rate_of(marked, "disclosure_rate", "other").reason() == (
        "公开率（其他）无法计算：三、（一）予以公开·其他 未填写数字"
    )
    assert rate_of(marked, "disclosure_rate", "natural_person").computable


def test_a_negative_denominator_is_not_computable() -> None:
    report = cells(invented(), "reviews", (ReviewCase.REVIEW, ReviewResult.PENDING, 9))
    rate = rate_of(report, "review_correction_rate")
    assert rate.value is None
    assert rate.reason() is not None
    assert "为负数（-5）" in rate.reason()  # type: ignore[operator]
    assert rate.reason("en").endswith("is negative (-5)")  # type: ignore[union-attr]


def test_a_computable_rate_has_no_reason() -> None:
    rate = rate_of(invented(), "disclosure_rate")
    assert rate.computable
    assert rate.reason() is None


# --- both editions, aggregates ---------------------------------------------------------------


def test_both_editions_have_the_same_rows_for_the_rates() -> None:
    for kind in TABLE_3:
        rows = {
            edition: [
                o.location.row
                for o in rate_of(
                    AnnualReport.blank("某局", 2020 if edition is Edition.V2019 else 2022),
                    kind.value,
                ).numerator
            ]
            for edition in Edition
        }
        assert rows[Edition.V2019] == rows[Edition.V2021], kind
    unable = rate_of(seed(), "unable_rate")
    assert [o.location.row for o in unable.numerator] == [
        "unable_not_held",
        "unable_needs_creation",
        "unable_unclear",
    ]


def test_the_rates_of_a_summary_are_its_reports() -> None:
    parts = (invented(), attrs.evolve(invented(), organ="示例县林业局"))
    result = aggregate(parts, organ="示例县")
    assert indicators(result) == indicators(result.report)
    # Summing the same report twice leaves every rate as it was.
    assert [i.value for i in indicators(result)] == [i.value for i in indicators(invented())]


def test_what_is_not_a_report_is_refused() -> None:
    with pytest.raises(gd.ReportValueError, match="expected an AnnualReport"):
        indicators("report")


@settings(max_examples=60, deadline=None)
@given(reports())
def test_any_report_gives_every_rate_or_a_reason(report: AnnualReport) -> None:
    for rate in indicators(report):
        assert (rate.value is None) == (rate.reason() is not None)
        if rate.value is not None:
            assert rate.numerator_value is not None
            assert rate.denominator_value is not None
            assert rate.denominator_value > 0
            assert rate.value == Fraction(rate.numerator_value, rate.denominator_value)
            assert rate.display().endswith("%")
        else:
            assert rate.display() == "—"


def test_the_rates_of_a_summary_name_the_organs_that_left_their_cells_blank() -> None:
    parts = (invented(), cells(invented(), "reviews", ("review", "corrected", None)))
    parts = (parts[0], attrs.evolve(parts[1], organ="示例县林业局"))
    result = aggregate(parts, organ="示例县")
    rates = indicators(result)
    review = rates.get("review_correction_rate")
    assert review.gaps == ("示例县林业局",)
    assert review.computable  # the sum of what was given: computed, and said to be partial
    assert review.caveat() == "复议纠错率不完整：示例县林业局 未填写其中的数字，汇总数不含其数字"
    assert review.caveat("en") == (
        "Correction rate in reconsideration is incomplete: 示例县林业局 left some of its cells "
        "blank, so the summed figures lack theirs"
    )
    assert rates.get("disclosure_rate").gaps == ()
    assert rates.get("disclosure_rate").caveat() is None
    assert indicators(result.report).get("review_correction_rate").gaps == ()
