"""The cross-year rules X0–X4: this year's report against last year's report of the organ."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    AnnualReport,
    Applicant,
    ApplicationRow,
    Edition,
    Money,
    NotApplicable,
    ProactiveColumn,
    ProactiveRow,
    ProactiveTable,
    ReviewTable,
    Section,
    Severity,
    Status,
    ValidationResult,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
A, R, P, C = Applicant, ApplicationRow, ProactiveRow, ProactiveColumn
#: The rules on the tables; X5 (copied prose) is tested in test_reuse.py, and left out
#: here, where last year's report is this year's with its tables changed (its prose the same).
X_RULES = ("X0", "X1", "X2", "X3", "X4")

APPS = "$.report.applications"
CARRIED_OVER = [
    f"{APPS}.carried_over.{node.key.value}"
    for node in gd.layout(Edition.V2019).applications.columns_of(R.CARRIED_OVER)
]
TABLES = {"$.report.proactive", "$.report.applications", "$.report.reviews"}
IN_FORCE = {
    "$.report.proactive.rules.in_force",
    "$.report.proactive.normative_documents.in_force",
}
ITEMS = {
    f"$.report.proactive.{row}.previous_items"
    for row in (
        "administrative_licensing",
        "other_management_services",
        "administrative_penalty",
        "administrative_coercion",
        "administrative_fees",
    )
}


# --- pairs of years, built with the model ------------------------------------------------


def report_2022() -> AnnualReport:
    """The bundled 2021-edition example, on 2022."""
    return gd.load(EXAMPLES / "shiyan-ziranziyuan-2022.json")


def report_2021() -> AnnualReport:
    """Last year's report of the same organ, consistent with 2022: its 结转下年度 is 2022's
    上年结转, its 现行有效件数 leads to 2022's, and no table is a copy."""
    this = report_2022()
    proactive = ProactiveTable.zeros(Edition.V2021).with_rows(
        {
            P.NORMATIVE_DOCUMENTS: [2, 0, 10],  # 10 + 3 issued - 1 repealed = 12 in 2022
            P.LICENSING: [900],
            P.PENALTY: [40],
            P.COERCION: [3],
            P.FEES: [Money("1.10", "万元")],
        }
    )
    applications = (
        gd.ApplicationTable.zeros(Edition.V2021)
        .with_rows(
            {
                R.NEW: {A.NATURAL_PERSON: 10, A.COMMERCIAL: 2, A.LEGAL_SERVICES: 1},
                R.DISCLOSED: {A.NATURAL_PERSON: 7, A.COMMERCIAL: 1},
                R.CARRIED_FORWARD: this.applications.row(R.CARRIED_OVER),
            }
        )
        .with_totals()
    )
    reviews = ReviewTable.zeros(Edition.V2021).with_row("行政复议", [1, 0, 0, 0, 1])
    return attrs.evolve(
        this, year=2021, proactive=proactive, applications=applications, reviews=reviews
    )


def report_2020() -> AnnualReport:
    """The transcribed 中宁县民政局 report on 2020 (2019 edition)."""
    return gd.load(EXAMPLES / "zhongning-minzheng-2020.json")


def report_2019() -> AnnualReport:
    """Last year's report of 中宁县民政局, consistent with 2020: each 上一年项目数量 of 2020
    is 2019's 上一年项目数量 plus 2019's 本年增/减."""
    this = report_2020()
    proactive = ProactiveTable.zeros(Edition.V2019).with_rows(
        {
            P.RULES: [1, 1, 1],
            P.LICENSING: [5, +2, 4],  # 7 in 2020
            P.OTHER_SERVICES: [20, +3, 1],  # 23
            P.PENALTY: [50, +3, 10],  # 53
            P.COERCION: [2, 0, 0],  # 2
            P.FEES: [1, -1],  # 0
            P.PROCUREMENT: [1, Money("1000", "元")],
        }
    )
    return attrs.evolve(
        this, year=2019, proactive=proactive, reviews=ReviewTable.zeros(Edition.V2019)
    )


def report_2020_busy() -> AnnualReport:
    """中宁县民政局 2020 (2019 edition) with applications carried forward into 2021."""
    this = report_2020()
    applications = (
        this.applications.with_rows(
            {
                R.NEW: {A.NATURAL_PERSON: 4, A.COMMERCIAL: 1},
                R.DISCLOSED: {A.NATURAL_PERSON: 2},
                R.CARRIED_FORWARD: {A.NATURAL_PERSON: 2, A.COMMERCIAL: 1},
            }
        )
    ).with_totals()
    reviews = ReviewTable.zeros(Edition.V2019).with_row("行政复议", [1, 0, 0, 1, 2])
    return attrs.evolve(this, applications=applications, reviews=reviews)


def report_2021_new_edition() -> AnnualReport:
    """中宁县民政局 2021, in the 2021 edition, following on from :func:`report_2020_busy`."""
    last = report_2020_busy()
    applications = (
        gd.ApplicationTable.zeros(Edition.V2021)
        .with_rows(
            {
                R.NEW: {A.NATURAL_PERSON: 1},
                R.CARRIED_OVER: last.applications.row(R.CARRIED_FORWARD),
                R.DISCLOSED: {A.NATURAL_PERSON: 3},
                R.OTHER_MISC: {A.COMMERCIAL: 1},
            }
        )
        .with_totals()
    )
    return AnnualReport(last.organ, 2021, applications=applications)


def check(
    report: AnnualReport, previous: AnnualReport, select: str | tuple[str, ...] = X_RULES
) -> ValidationResult:
    return gd.validate(report, previous=previous, select=select)


def found(report: AnnualReport, previous: AnnualReport) -> set[tuple[str, str]]:
    """(rule, JSON path) of every cross-year finding."""
    return {(f.rule, f.location.json_path) for f in check(report, previous).findings}


def unchecked(report: AnnualReport, previous: AnnualReport) -> set[tuple[str, str]]:
    return {(f.rule, f.location.json_path) for f in check(report, previous).unchecked}


def statuses(result: ValidationResult, rule: str) -> dict[str, Status]:
    """The status of ``rule`` at every place it applied, by JSON path."""
    places = [o for o in result.outcomes() if o.rule == rule]
    by_path = {o.location.json_path: o.status for o in places}
    assert len(by_path) == len(places), f"{rule} recorded two outcomes at one place"
    return by_path


def held(result: ValidationResult, rule: str) -> set[str]:
    return {path for path, status in statuses(result, rule).items() if status is Status.HELD}


# --- the pairs themselves ----------------------------------------------------------------


@pytest.mark.parametrize(
    "build", [report_2021, report_2019, report_2020_busy, report_2021_new_edition]
)
def test_the_built_reports_add_up(build: Callable[[], AnnualReport]) -> None:
    report = build()
    assert gd.validate(report, select="arithmetic").findings == ()


# --- registration and when the rules run -------------------------------------------------


def test_the_cross_year_rules_are_registered_as_needing_last_years_report() -> None:
    family = {r.id: r for r in gd.rules() if r.family == "cross-year"}
    assert tuple(family) == (*X_RULES, "X5")
    assert all(r.needs_previous for r in family.values())
    assert {i: r.severity for i, r in family.items()} == {
        "X0": Severity.ERROR,
        "X1": Severity.ERROR,
        "X2": Severity.WARNING,
        "X3": Severity.WARNING,
        "X4": Severity.WARNING,
        "X5": Severity.WARNING,
    }
    assert all(r.description and r.title_zh and r.title_en for r in family.values())


def test_without_last_years_report_no_cross_year_rule_runs() -> None:
    report = report_2022()
    result = gd.validate(report)
    assert not set(result.rules) & set(X_RULES)
    assert not any(o.rule in X_RULES for o in result.outcomes())
    assert gd.validate(report, select="cross-year").rules == ()
    assert gd.validate(report, select="X1").outcomes() == ()


def test_with_last_years_report_every_cross_year_rule_runs() -> None:
    result = gd.validate(report_2022(), previous=report_2021())
    assert set(X_RULES) <= set(result.rules)
    assert check(report_2022(), report_2021()).rules == X_RULES


# --- consistent pairs --------------------------------------------------------------------


def test_a_consistent_pair_in_the_2021_edition_gives_no_finding() -> None:
    result = check(report_2022(), report_2021())
    assert result.findings == ()
    assert result.unchecked == ()
    assert held(result, "X0") == {"$.report.organ", "$.report.year"}
    assert held(result, "X1") == set(CARRIED_OVER)
    assert statuses(result, "X2") == {}  # the 2021 edition has no item counts
    assert held(result, "X3") == IN_FORCE
    assert held(result, "X4") == TABLES


def test_a_consistent_pair_in_the_2019_edition_gives_no_finding() -> None:
    result = check(report_2020(), report_2019())
    assert result.findings == ()
    assert result.unchecked == ()
    assert held(result, "X1") == set(CARRIED_OVER)
    assert held(result, "X2") == ITEMS
    assert statuses(result, "X3") == {}
    # Table 三 is all zeros both years: identical, but nothing was copied.
    assert held(result, "X4") == TABLES


def test_a_consistent_pair_across_the_edition_boundary_gives_no_finding() -> None:
    this, last = report_2021_new_edition(), report_2020_busy()
    assert (last.edition, this.edition) == (Edition.V2019, Edition.V2021)
    result = check(this, last)
    assert result.findings == ()
    assert result.unchecked == ()
    assert held(result, "X1") == set(CARRIED_OVER)  # table 三's columns did not change
    assert statuses(result, "X2") == {}
    assert statuses(result, "X3") == {}
    assert held(result, "X4") == {"$.report.reviews"}  # only table 四 has the same layout


# --- X0 ----------------------------------------------------------------------------------


def test_x0_a_wrong_year_fails_and_the_other_rules_do_not_compare() -> None:
    this = report_2022()
    result = check(this, attrs.evolve(report_2021(), year=2020))
    assert {(f.rule, f.location.json_path) for f in result.findings} == {("X0", "$.report.year")}
    (finding,) = result.findings
    assert finding.severity is Severity.ERROR
    assert (finding.reported, finding.computed) == (2020, 2021)
    assert "2021" in finding.message_zh
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {
        *(("X1", path) for path in CARRIED_OVER),
        *(("X3", path) for path in IN_FORCE),
        *(("X4", path) for path in TABLES),
    }
    assert all("X0" in f.message_zh and "X0" in f.message_en for f in result.unchecked)
    for rule in ("X1", "X2", "X3", "X4"):
        assert held(result, rule) == set(), rule


def test_x0_the_same_year_is_not_last_year() -> None:
    this = report_2022()
    assert found(this, this) == {("X0", "$.report.year")}


def test_x0_another_organ_fails() -> None:
    other = attrs.evolve(report_2021(), organ="示例县林业局")
    result = check(report_2022(), other)
    assert {(f.rule, f.location.json_path) for f in result.findings} == {("X0", "$.report.organ")}
    (finding,) = result.findings
    assert "示例县林业局" in finding.message_zh
    assert "示例县自然资源局" in finding.message_zh
    assert finding.involved[0].name_zh.startswith("上年报告 ")
    assert held(result, "X0") == {"$.report.year"}
    assert len(result.unchecked) == len(CARRIED_OVER) + len(IN_FORCE) + len(TABLES)


@pytest.mark.parametrize(
    "organ", ["示例县 自然资源局", "\u3000示例县自然资源局 ", "示例县自然\n资源局"]
)
def test_x0_organ_names_are_compared_without_spaces(organ: str) -> None:
    result = check(report_2022(), attrs.evolve(report_2021(), organ=organ))
    assert result.findings == ()
    assert held(result, "X0") == {"$.report.organ", "$.report.year"}


def test_x0_both_wrong_fails_twice_and_names_both_reasons_where_not_compared() -> None:
    last = attrs.evolve(report_2021(), organ="示例县林业局", year=2019)
    result = check(report_2022(), last)
    assert {(f.rule, f.location.json_path) for f in result.findings} == {
        ("X0", "$.report.organ"),
        ("X0", "$.report.year"),
    }
    assert all("示例县林业局" in f.message_zh and "2019" in f.message_zh for f in result.unchecked)


def test_a_rule_selected_alone_still_refuses_a_report_of_another_year() -> None:
    result = check(report_2022(), attrs.evolve(report_2021(), year=2020), select="X1")
    assert result.rules == ("X1",)
    assert result.findings == ()
    assert {f.location.json_path for f in result.unchecked} == set(CARRIED_OVER)


# --- X1 ----------------------------------------------------------------------------------


def test_x1_fails_exactly_at_the_columns_that_differ() -> None:
    last = report_2021()
    forward = last.applications.with_row(R.CARRIED_FORWARD, {A.NATURAL_PERSON: 5, A.TOTAL: 7})
    assert found(report_2022(), attrs.evolve(last, applications=forward)) == {
        ("X1", f"{APPS}.carried_over.natural_person"),
        ("X1", f"{APPS}.carried_over.total"),
    }


def test_x1_names_both_cells_and_both_numbers() -> None:
    last = report_2021()
    forward = last.applications.with_cell(R.CARRIED_FORWARD, A.NATURAL_PERSON, 5)
    result = check(report_2022(), attrs.evolve(last, applications=forward), select="X1")
    (finding,) = result.findings
    assert finding.severity is Severity.ERROR
    assert finding.message_zh == (
        "三、上年结转政府信息公开申请数量·自然人 填报为 3，"
        "上年报告 三、结转下年度继续办理·自然人 为 5（相差 -2），两者应相等"
    )
    assert "5" in finding.message_en
    assert "last year" in finding.message_en
    assert (finding.reported, finding.computed, finding.difference) == (3, 5, -2)
    (last_cell,) = finding.involved
    assert last_cell.json_path == "$previous.report.applications.carried_forward.natural_person"
    assert last_cell.name_zh == "上年报告 三、结转下年度继续办理·自然人"
    assert last_cell.name_en.startswith("Last year's report")
    assert finding.expression


def test_x1_fails_where_this_years_figure_is_wrong_across_the_edition_boundary() -> None:
    this = report_2021_new_edition()
    apps = this.applications.with_cell(R.CARRIED_OVER, A.COMMERCIAL, 0)
    assert found(attrs.evolve(this, applications=apps), report_2020_busy()) == {
        ("X1", f"{APPS}.carried_over.commercial"),
    }


@pytest.mark.parametrize("empty", [BLANK, NotApplicable("/"), NotApplicable("无")])
def test_x1_a_blank_figure_this_year_is_unchecked_never_held(empty: gd.Cell) -> None:
    this = report_2022()
    apps = this.applications.with_cell(R.CARRIED_OVER, A.NATURAL_PERSON, empty)
    result = check(attrs.evolve(this, applications=apps), report_2021())
    path = f"{APPS}.carried_over.natural_person"
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {("X1", path)}
    assert statuses(result, "X1")[path] is Status.UNCHECKED
    assert held(result, "X1") == set(CARRIED_OVER) - {path}
    (gap,) = result.unchecked[0].involved
    assert gap.json_path == path
    assert "未填写数字" in result.unchecked[0].message_zh


def test_x1_a_blank_figure_last_year_is_unchecked_and_named() -> None:
    last = report_2021()
    forward = last.applications.with_cell(R.CARRIED_FORWARD, A.COMMERCIAL, None)
    result = check(report_2022(), attrs.evolve(last, applications=forward))
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {
        ("X1", f"{APPS}.carried_over.commercial"),
    }
    (finding,) = result.unchecked
    assert "上年报告 三、结转下年度继续办理·商业企业" in finding.message_zh
    assert [g.name_zh for g in finding.involved] == ["上年报告 三、结转下年度继续办理·商业企业"]


def test_x1_both_blank_is_unchecked() -> None:
    this, last = report_2022(), report_2021()
    apps = this.applications.with_cell(R.CARRIED_OVER, A.RESEARCH, None)
    forward = last.applications.with_cell(R.CARRIED_FORWARD, A.RESEARCH, None)
    result = check(attrs.evolve(this, applications=apps), attrs.evolve(last, applications=forward))
    assert result.findings == ()
    assert [len(f.involved) for f in result.unchecked] == [2]
    assert statuses(result, "X1")[f"{APPS}.carried_over.research"] is Status.UNCHECKED


# --- X2 ----------------------------------------------------------------------------------


def test_x2_fails_exactly_at_the_rows_that_do_not_follow() -> None:
    this, last = report_2020(), report_2019()
    last_table = last.proactive.with_cell(P.LICENSING, C.CHANGE, 3)  # 5 + 3 = 8, not 7
    this_table = this.proactive.with_cell(P.PENALTY, C.PREVIOUS_ITEMS, 50)  # not 53
    pair = attrs.evolve(this, proactive=this_table), attrs.evolve(last, proactive=last_table)
    assert found(*pair) == {
        ("X2", "$.report.proactive.administrative_licensing.previous_items"),
        ("X2", "$.report.proactive.administrative_penalty.previous_items"),
    }
    result = check(*pair, select="X2")
    licensing = result.findings[0]
    assert licensing.severity is Severity.WARNING
    assert (licensing.reported, licensing.computed) == (7, 8)
    assert licensing.message_zh == (
        "二、行政许可·上一年项目数量 填报为 7，上年报告中该项上一年项目数量为 5、"
        "本年增/减为 +3，合计应为 8（相差 -1）"
    )
    assert [i.name_zh for i in licensing.involved] == [
        "上年报告 二、行政许可·上一年项目数量",
        "上年报告 二、行政许可·本年增/减",
    ]
    assert held(result, "X2") == ITEMS - {f.location.json_path for f in result.findings}


def test_x2_a_blank_operand_is_unchecked_never_held() -> None:
    last = report_2019()
    table = last.proactive.with_cell(P.COERCION, C.CHANGE, None)
    result = check(report_2020(), attrs.evolve(last, proactive=table))
    path = "$.report.proactive.administrative_coercion.previous_items"
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {("X2", path)}
    assert statuses(result, "X2")[path] is Status.UNCHECKED
    assert "上年报告 二、行政强制·本年增/减" in result.unchecked[0].message_zh


def test_x2_does_not_apply_when_either_report_uses_the_2021_edition() -> None:
    assert statuses(check(report_2021_new_edition(), report_2020_busy()), "X2") == {}
    # a 2020 report wrongly drawn up in the 2021 edition, followed by a 2021 report
    wrong = attrs.evolve(report_2021_new_edition(), year=2020)
    follower = attrs.evolve(report_2021_new_edition(), year=2021)
    assert statuses(check(follower, wrong), "X2") == {}
    # a 2020 report in the 2019 edition after a 2019 report wrongly in the 2021 edition
    this = report_2020()
    before = attrs.evolve(report_2021(), organ=this.organ, year=2019)
    assert statuses(check(this, before), "X2") == {}


def test_x2_follows_the_layouts_not_the_years() -> None:
    # A 2021 report drawn up, wrongly, in the 2019 edition still continues the item counts.
    this = attrs.evolve(report_2020(), year=2021)
    last = attrs.evolve(report_2019(), year=2020)
    table = last.proactive.with_cell(P.FEES, C.CHANGE, 0)  # 1 + 0, not 0
    result = check(this, attrs.evolve(last, proactive=table))
    assert {(f.rule, f.location.json_path) for f in result.findings} == {
        ("X2", "$.report.proactive.administrative_fees.previous_items"),
    }


# --- X3 ----------------------------------------------------------------------------------


def test_x3_a_difference_is_a_warning_that_mentions_expired_documents() -> None:
    this = report_2022()
    table = this.proactive.with_cell(P.RULES, C.IN_FORCE, 1)  # 0 + 0 - 0 = 0
    result = check(attrs.evolve(this, proactive=table), report_2021())
    assert {(f.rule, f.location.json_path) for f in result.findings} == {
        ("X3", "$.report.proactive.rules.in_force"),
    }
    (finding,) = result.findings
    assert finding.severity is Severity.WARNING
    assert (finding.reported, finding.computed) == (1, 0)
    assert finding.message_zh.startswith("二、规章·现行有效件数 填报为 1，")
    assert "失效" in finding.message_zh
    assert "修订" in finding.message_zh
    assert "expire" in finding.message_en
    assert [i.name_zh for i in finding.involved] == [
        "上年报告 二、规章·现行有效件数",
        "二、规章·本年制发件数",
        "二、规章·本年废止件数",
    ]
    assert "≈" in finding.expression
    assert held(result, "X3") == {"$.report.proactive.normative_documents.in_force"}


def test_x3_fails_when_last_years_figure_does_not_lead_to_this_years() -> None:
    last = report_2021()
    table = last.proactive.with_cell(P.NORMATIVE_DOCUMENTS, C.IN_FORCE, 9)
    assert found(report_2022(), attrs.evolve(last, proactive=table)) == {
        ("X3", "$.report.proactive.normative_documents.in_force"),
    }


@pytest.mark.parametrize(("where", "column"), [("this", C.REPEALED), ("last", C.IN_FORCE)])
def test_x3_a_blank_operand_is_unchecked_never_held(where: str, column: ProactiveColumn) -> None:
    this, last = report_2022(), report_2021()
    if where == "this":
        this = attrs.evolve(this, proactive=this.proactive.with_cell(P.RULES, column, None))
    else:
        last = attrs.evolve(last, proactive=last.proactive.with_cell(P.RULES, column, "/"))
    result = check(this, last)
    path = "$.report.proactive.rules.in_force"
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {("X3", path)}
    assert statuses(result, "X3")[path] is Status.UNCHECKED


def test_x3_does_not_apply_to_the_2019_edition() -> None:
    assert statuses(check(report_2020(), report_2019()), "X3") == {}
    assert statuses(check(report_2021_new_edition(), report_2020_busy()), "X3") == {}


# --- X4 ----------------------------------------------------------------------------------


def test_x4_a_copied_table_three_fails_once_at_the_table() -> None:
    this = report_2022()
    last = attrs.evolve(report_2021(), applications=this.applications)
    # The copy also breaks X1 where this year's 上年结转 differs from its 结转下年度.
    assert found(this, last) == {
        ("X4", APPS),
        ("X1", f"{APPS}.carried_over.natural_person"),
        ("X1", f"{APPS}.carried_over.total"),
    }
    (finding,) = check(this, last, select="X4").findings
    assert finding.severity is Severity.WARNING
    assert finding.location == gd.Location.of_section(Section.APPLICATIONS)
    assert "逐格相同" in finding.message_zh
    assert "copied" in finding.message_en
    assert [i.name_zh for i in finding.involved] == ["上年报告 三、收到和处理政府信息公开申请情况"]


def test_x4_a_copied_table_two_fails_in_the_same_edition() -> None:
    this = report_2022()
    last = attrs.evolve(report_2021(), proactive=this.proactive)
    # 12 documents in force both years while 3 were issued and 1 repealed: X3 too.
    assert found(this, last) == {
        ("X4", "$.report.proactive"),
        ("X3", "$.report.proactive.normative_documents.in_force"),
    }


def test_x4_a_copied_table_two_in_the_2019_edition_fails() -> None:
    this = report_2020()
    last = attrs.evolve(report_2019(), proactive=this.proactive)
    # the copy keeps the item counts, so X2 fails wherever 本年增/减 was not zero
    assert found(this, last) == {
        ("X4", "$.report.proactive"),
        ("X2", "$.report.proactive.administrative_licensing.previous_items"),
        ("X2", "$.report.proactive.other_management_services.previous_items"),
        ("X2", "$.report.proactive.administrative_penalty.previous_items"),
    }


def test_x4_table_four_is_compared_across_the_edition_boundary() -> None:
    this, last = report_2021_new_edition(), report_2020_busy()
    copied = ReviewTable(Edition.V2021, last.reviews.cells)
    assert found(attrs.evolve(this, reviews=copied), last) == {("X4", "$.report.reviews")}


def test_x4_table_three_is_not_compared_across_the_edition_boundary() -> None:
    last = report_2020()  # all zeros in both the shared rows and the others
    this = AnnualReport(last.organ, 2021)
    result = check(this, last)
    assert set(statuses(result, "X4")) == {"$.report.reviews"}


def test_x4_identical_tables_of_zeros_hold() -> None:
    this, last = report_2022(), report_2021()
    zeros = ReviewTable.zeros(Edition.V2021)
    pair = attrs.evolve(this, reviews=zeros), attrs.evolve(last, reviews=zeros)
    result = check(*pair)
    assert result.findings == ()
    assert statuses(result, "X4")["$.report.reviews"] is Status.HELD


def test_x4_identical_blank_tables_are_unchecked() -> None:
    this, last = report_2022(), report_2021()
    blank = ReviewTable.blank(Edition.V2021)
    result = check(attrs.evolve(this, reviews=blank), attrs.evolve(last, reviews=blank))
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {
        ("X4", "$.report.reviews"),
    }


def test_x4_money_is_compared_as_printed() -> None:
    this = report_2022()
    table = this.proactive.with_cell(P.FEES, C.FEE_AMOUNT, Money(Decimal("1.250"), "万元"))
    last = attrs.evolve(report_2021(), proactive=table)
    result = check(this, last, select="X4")
    assert held(result, "X4") == TABLES  # 1.25 and 1.250 are printed differently


# --- every rule at once ------------------------------------------------------------------


def test_several_breaks_fail_exactly_where_broken() -> None:
    this, last = report_2022(), report_2021()
    apps = this.applications.with_cell(R.CARRIED_OVER, A.OTHER, 2)
    proactive = this.proactive.with_cell(P.NORMATIVE_DOCUMENTS, C.IN_FORCE, 11)
    copied = attrs.evolve(last, reviews=this.reviews)
    assert found(attrs.evolve(this, applications=apps, proactive=proactive), copied) == {
        ("X1", f"{APPS}.carried_over.other"),
        ("X3", "$.report.proactive.normative_documents.in_force"),
        ("X4", "$.report.reviews"),
    }
