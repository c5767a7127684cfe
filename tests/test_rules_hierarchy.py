"""The hierarchy rules H0–H2: a summary (汇总) against the reports it adds up, given as
``validate(summary, parts=[...])``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    AnnualReport,
    Applicant,
    ApplicationRow,
    Money,
    ReviewCase,
    ReviewResult,
    Scope,
    Section,
    Severity,
    Status,
)
from govdisclosure.checker.findings import Figures
from govdisclosure.rollup import aggregate
from tests.broken_reports import cells, invented

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
A, R = Applicant, ApplicationRow
H_RULES = ("H0", "H1", "H2")
REVIEW = (ReviewCase.REVIEW, ReviewResult.UPHELD)
FEE = ("administrative_fees", "fee_amount")


def parts() -> tuple[AnnualReport, AnnualReport, AnnualReport]:
    base = invented()
    return (
        base,
        attrs.evolve(base, organ="示例县林业局"),
        attrs.evolve(base, organ="示例县水利局"),
    )


def county(*given: AnnualReport) -> AnnualReport:
    return aggregate(given or parts(), organ="示例县").report


def hierarchy(summary: AnnualReport, given: Any) -> gd.ValidationResult:
    return gd.validate(summary, parts=given, select="hierarchy")


# --- the family -----------------------------------------------------------------------------


def test_the_family_runs_only_with_parts() -> None:
    family = {r.id: r for r in gd.rules() if r.family == "hierarchy"}
    assert tuple(family) == H_RULES
    assert all(r.needs_parts and not r.needs_previous for r in family.values())
    assert {i: r.severity for i, r in family.items()} == {
        "H0": Severity.ERROR,
        "H1": Severity.WARNING,
        "H2": Severity.ERROR,
    }
    assert all(r.description and r.title_zh and r.title_en and r.example for r in family.values())
    summary = county()
    assert not set(H_RULES) & set(gd.validate(summary).rules)
    assert set(H_RULES) <= set(gd.validate(summary, parts=parts()).rules)
    assert gd.validate(summary, select="hierarchy").rules == ()


def test_the_catalogue_says_the_family_compares_with_the_parts() -> None:
    from govdisclosure.checker.catalogue import catalogue_markdown

    text = catalogue_markdown()
    assert "## hierarchy" in text
    assert "### H2: 汇总报告各单元格等于下级报告同一单元格之和" in text
    assert text.count("compares a summary with the reports it adds up") == 3


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ([], "parts: expected at least one"),
        (invented(), "list of AnnualReport"),
        ([invented(), "report"], "item 2"),
        (5, "list of AnnualReport"),
    ],
)
def test_parts_that_are_not_reports_are_refused(given: Any, message: str) -> None:
    with pytest.raises(gd.ReportValueError, match=message):
        gd.validate(invented(), parts=given)


def test_parts_may_be_any_iterable() -> None:
    result = hierarchy(county(), (part for part in parts()))
    assert result.findings == ()
    assert result.unchecked == ()


# --- a summary that adds up -----------------------------------------------------------------


def test_an_aggregate_passes_against_its_parts_everywhere() -> None:
    result = hierarchy(county(), parts())
    assert result.findings == ()
    assert result.unchecked == ()
    held = [o for o in result.outcomes() if o.rule == "H2"]
    cells = sum(len(table.cells) for table in county().tables)
    assert len(held) == cells
    assert all(o.status is Status.HELD for o in held)
    assert {o.rule for o in result.outcomes()} == set(H_RULES)


def test_amounts_compare_exactly_whatever_the_units() -> None:
    first, second, third = parts()
    given = (
        cells(first, "proactive", (*FEE, Money("2500", "元"))),
        cells(second, "proactive", (*FEE, Money("0.25", "万元"))),
        cells(third, "proactive", (*FEE, Money("0", "亿元"))),
    )
    summary = cells(county(), "proactive", (*FEE, Money("0.50", "万元")))
    assert hierarchy(summary, given).findings == ()
    off = cells(summary, "proactive", (*FEE, Money("5001", "元")))
    (finding,) = hierarchy(off, given).findings
    assert (finding.reported, finding.computed) == (5001, 5000)
    assert finding.message_zh.startswith(
        "二、行政事业性收费·本年收费金额（单位：万元） 填报为 5001 元，"
        "各下级报告之和为 5000 元（相差 +1）："
    )


# --- H2 failures name the organs and their figures -------------------------------------------


def test_a_cell_off_names_the_summary_cell_the_figures_and_the_organs() -> None:
    first, second, third = parts()
    given = (first, cells(second, "applications", (R.NEW, A.COMMERCIAL, 9)), third)
    (finding,) = hierarchy(county(), given).findings
    assert finding.rule == "H2"
    assert finding.severity is Severity.ERROR
    assert finding.location.json_path == "$.report.applications.new.commercial"
    assert (finding.reported, finding.computed, finding.difference) == (18, 21, -3)
    assert finding.message_zh == (
        "三、本年新收政府信息公开申请数量·商业企业 填报为 18，各下级报告之和为 21（相差 -3）："
        "示例县自然资源局 6、示例县林业局 9、示例县水利局 6"
    )
    assert finding.message_en == (
        "Table 3, New applications received this year · Commercial enterprises is reported "
        "as 18, but the parts add up to 21 (difference -3): 示例县自然资源局 6; 示例县林业局 9; "
        "示例县水利局 6"
    )
    figures = dict(finding.params)["figures"]
    assert isinstance(figures, Figures)
    assert figures.items == (("示例县自然资源局", 6), ("示例县林业局", 9), ("示例县水利局", 6))
    assert [place.json_path for place in finding.involved] == [
        f"$parts[{n}].report.applications.new.commercial" for n in range(3)
    ]
    assert finding.involved[1].name_zh == "示例县林业局 三、本年新收政府信息公开申请数量·商业企业"
    assert finding.involved[1].name_en == (
        "Part 2: Table 3, New applications received this year · Commercial enterprises"
    )


def test_organs_with_a_zero_are_counted_not_listed() -> None:
    given = [attrs.evolve(AnnualReport(organ=f"某县{n}局", year=2022)) for n in range(5)]
    given[3] = cells(given[3], "reviews", (*REVIEW, 2))
    summary = county(*given)
    (finding,) = hierarchy(cells(summary, "reviews", (*REVIEW, 3)), given).findings
    assert finding.message_zh.endswith("：某县3局 2，其余 4 个机关为 0")
    assert finding.message_en.endswith(": 某县3局 2; 4 other organ(s): 0")


def test_check_raises_with_parts_and_is_valid_passes_them_through() -> None:
    given = parts()
    off = cells(county(), "reviews", (*REVIEW, 0))
    with pytest.raises(gd.ReportInconsistent):
        gd.check(off, parts=given, select="hierarchy")
    assert gd.check(county(), parts=given, select="hierarchy").is_valid
    assert not gd.is_valid(off, parts=given, select="hierarchy")
    assert gd.is_valid(off, select="hierarchy")  # without the parts, nothing to compare with


# --- H2 unchecked ---------------------------------------------------------------------------


def test_a_part_left_blank_leaves_the_cell_unchecked_naming_the_organ() -> None:
    first, second, third = parts()
    given = (
        first,
        cells(second, "reviews", (*REVIEW, None)),
        cells(third, "reviews", (*REVIEW, "/")),
    )
    result = hierarchy(county(*given), given)
    assert result.findings == ()
    (unchecked,) = result.unchecked
    assert unchecked.location.json_path == "$.report.reviews.review.upheld"
    assert unchecked.message_zh == (
        "四、行政复议·结果维持 无法与下级报告核对，下级报告未填写数字："
        "示例县林业局 空白、示例县水利局 “/”"
    )


def test_a_table_a_part_left_blank_is_unchecked_once() -> None:
    first, second, third = parts()
    blank = attrs.evolve(second, reviews=gd.ReviewTable.blank(second.edition))
    result = hierarchy(county(first, blank, third), (first, blank, third))
    (unchecked,) = result.unchecked
    assert unchecked.location == gd.Location.of_section(Section.REVIEWS)
    assert "示例县林业局 整张表格未填写" in unchecked.message_zh
    # the other tables are checked
    assert any(
        o.location.section is Section.APPLICATIONS for o in result.outcomes() if o.rule == "H2"
    )


def test_a_blank_in_the_summary_is_unchecked_and_marks_everywhere_hold() -> None:
    summary = cells(county(), "reviews", (*REVIEW, BLANK))
    (unchecked,) = hierarchy(summary, parts()).unchecked
    assert unchecked.message_zh == "四、行政复议·结果维持 本报告未填写数字，无法与下级报告核对"
    marked = [cells(part, "reviews", (*REVIEW, "—")) for part in parts()]
    summary = cells(county(), "reviews", (*REVIEW, "/"))
    result = hierarchy(summary, marked)
    assert result.findings == ()
    assert result.unchecked == ()


# --- H0 and H1 ------------------------------------------------------------------------------


def test_parts_of_another_year_or_edition_or_twice_cannot_be_compared() -> None:
    first, second, _third = parts()
    old = attrs.evolve(gd.load(EXAMPLES / "zhongning-minzheng-2020.json"), year=2022)
    given = (first, attrs.evolve(second, year=2021), old, first)
    result = hierarchy(county(first, second), given)
    failed = {f.location.json_path: f for f in result.findings if f.rule == "H0"}
    assert sorted(failed) == ["$.report.edition", "$.report.year", "$parts"]
    assert failed["$.report.year"].message_zh.endswith("示例县林业局 2021")
    assert failed["$.report.edition"].message_zh.endswith("中宁县民政局 2019")
    assert failed["$parts"].message_zh.endswith("示例县自然资源局 2")
    assert [u.location.section for u in result.unchecked] == [
        Section.PROACTIVE,
        Section.APPLICATIONS,
        Section.REVIEWS,
    ]
    assert all("见 H0" in u.message_zh for u in result.unchecked)


def test_the_scope_lists_exactly_the_parts() -> None:
    first, second, _third = parts()
    assert not [f for f in hierarchy(county(), parts()) if f.rule == "H1"]
    (short,) = hierarchy(county(first, second), parts()).filter(rule="H1").findings
    assert short.severity is Severity.WARNING
    assert (
        short.message_zh
        == "汇总范围 与所给下级报告不一致：未列出 示例县水利局；列出但未给出报告 无"
    )
    assert short.message_en.endswith(
        "organs not listed: 示例县水利局; organs listed without a report: none"
    )
    (long,) = hierarchy(county(), (first, second)).filter(rule="H1").findings
    assert (
        long.message_zh == "汇总范围 与所给下级报告不一致：未列出 无；列出但未给出报告 示例县水利局"
    )
    spaced = attrs.evolve(
        county(), scope=Scope.aggregate([" 示例县 自然资源局", "示例县林业局", "示例县水利局"])
    )
    assert not hierarchy(spaced, parts()).filter(rule="H1").findings


def test_a_report_of_its_own_is_no_summary() -> None:
    (finding,) = hierarchy(invented(), [invented()]).filter(rule="H1").findings
    assert finding.message_zh == (
        "汇总范围 未标明为汇总报告（范围为本机关），所给下级报告 1 份：示例县自然资源局"
    )
    assert finding.location.json_path == "$.report.scope"
