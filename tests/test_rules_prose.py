"""The prose rules P1–P4: what the text of a report says, against its tables and its year.

Each broken report is one of the bundled examples with one sentence or one cell changed
(``attrs.evolve``); the tests assert the exact set of (rule, JSON path) that fails, so a
rule that fails anywhere else, or reads a count it should not, fails here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, strategies as st

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    AnnualReport,
    Applicant,
    ApplicationRow,
    NotApplicable,
    ReviewCase,
    ReviewResult,
    Severity,
    Status,
    ValidationResult,
)
from govdisclosure.checker.context import Context

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
R, A = ApplicationRow, Applicant
P_RULES = ("P1", "P2", "P3", "P4", "P5")

#: The paragraph on applications of each example (依申请公开办理情况 / 依申请公开).
APPS = "$.report.overview.subsections[1].paragraphs[0]"
#: The preamble paragraph stating the statistical period, in the seed and in the invented one.
SEED_PREAMBLE = "$.report.preamble.paragraphs[0]"
INVENTED_PREAMBLE = "$.report.preamble.paragraphs[1]"
PERIOD = "$.report.preamble.period"

NEW = "$.report.applications.new.total"
CARRIED_OVER = "$.report.applications.carried_over.total"
HANDLED = "$.report.applications.total.total"
FORWARD = "$.report.applications.carried_forward.total"
REVIEW = "$.report.reviews.review.total"
DIRECT = "$.report.reviews.litigation_direct.total"
AFTER_REVIEW = "$.report.reviews.litigation_after_review.total"

#: The invented example's sentence on applications, and its figures in table 三.
INVENTED_SENTENCE = (
    "全年新收政府信息公开申请54件，上年结转5件，办结53件，结转下年度继续办理6件，"
    "均在法定期限内答复。"
)


def seed() -> AnnualReport:
    """The transcribed 中宁县民政局 report on 2020: no application, table 三 all zero."""
    return gd.load(EXAMPLES / "zhongning-minzheng-2020.json")


def invented() -> AnnualReport:
    """The invented 2022 report: 54 new, 5 carried over, 53 handled, 6 carried forward."""
    return gd.load(EXAMPLES / "shiyan-ziranziyuan-2022.json")


# --- building broken reports ---------------------------------------------------------------


def with_subsection(report: AnnualReport, index: int, *paragraphs: str) -> AnnualReport:
    """``report`` with the paragraphs of subsection ``index`` of 总体情况 replaced."""
    subsections = list(report.overview.subsections)
    subsections[index] = attrs.evolve(subsections[index], paragraphs=paragraphs)
    overview = attrs.evolve(report.overview, subsections=tuple(subsections))
    return attrs.evolve(report, overview=overview)


def with_applications_text(report: AnnualReport, *paragraphs: str) -> AnnualReport:
    return with_subsection(report, 1, *paragraphs)


def with_period(report: AnnualReport, period: gd.Period | None) -> AnnualReport:
    return attrs.evolve(report, preamble=attrs.evolve(report.preamble, period=period))


def with_preamble_text(report: AnnualReport, index: int, text: str) -> AnnualReport:
    paragraphs = list(report.preamble.paragraphs)
    paragraphs[index] = gd.Paragraph(text)
    return attrs.evolve(report, preamble=attrs.evolve(report.preamble, paragraphs=paragraphs))


def with_cell(report: AnnualReport, row: ApplicationRow, value: object) -> AnnualReport:
    """``report`` with 总计 of table 三's ``row`` set to ``value``."""
    return attrs.evolve(report, applications=report.applications.with_cell(row, A.TOTAL, value))


def with_review(report: AnnualReport, case: ReviewCase, value: object) -> AnnualReport:
    """``report`` with 总计 of table 四's ``case`` set to ``value``."""
    reviews = report.reviews.with_cell(case, ReviewResult.TOTAL, value)
    return attrs.evolve(report, reviews=reviews)


# --- reading results -----------------------------------------------------------------------


def check(report: AnnualReport, select: str = "prose") -> ValidationResult:
    return gd.validate(report, select=select)


def failed(report: AnnualReport) -> set[tuple[str, str]]:
    """(rule, JSON path) of every prose finding."""
    return {(f.rule, f.location.json_path) for f in check(report).findings}


def outcomes(report: AnnualReport, status: Status | None = None) -> Counter[tuple[str, str]]:
    """How many times each prose rule recorded an outcome (of ``status``) at each place."""
    return Counter(
        (o.rule, o.location.json_path)
        for o in check(report).outcomes()
        if status is None or o.status is status
    )


def only_finding(report: AnnualReport, rule: str) -> gd.Finding:
    (finding,) = [f for f in check(report).findings if f.rule == rule]
    return finding


def statuses(report: AnnualReport, rule: str) -> list[Status]:
    return [o.status for o in check(report).outcomes() if o.rule == rule]


# --- registration and the examples ---------------------------------------------------------


def test_the_prose_rules_are_registered() -> None:
    family = {r.id: r for r in gd.rules() if r.family == "prose"}
    assert tuple(family) == P_RULES
    assert {i: r.severity for i, r in family.items()} == {
        "P1": Severity.WARNING,
        "P2": Severity.WARNING,
        "P3": Severity.WARNING,
        "P4": Severity.ERROR,
        "P5": Severity.WARNING,
    }
    assert all(r.description and r.title_zh and r.title_en and r.example for r in family.values())
    assert not any(r.needs_previous for r in family.values())
    assert check(seed()).rules == P_RULES


def test_the_seed_gives_no_prose_finding_and_its_statements_hold() -> None:
    result = check(seed())
    assert result.findings == ()
    assert result.unchecked == ()
    # "2020 年度未收到政府信息公开的申请" (P1, and P4 for its year); the period, stated in
    # the preamble's text and in its structured field; "2020 年，…" opening four paragraphs
    # (P5). Nothing in the text is a count of applications (信访案件 20 件, 政协提案 1 件
    # and 公开信息 174 条 are not).
    assert outcomes(seed(), Status.HELD) == Counter(
        {
            ("P1", APPS): 1,
            ("P4", APPS): 1,
            ("P4", SEED_PREAMBLE): 1,
            ("P4", PERIOD): 1,
            ("P5", "$.report.overview.intro[0]"): 1,
            ("P5", "$.report.overview.subsections[0].paragraphs[0]"): 1,
            ("P5", "$.report.overview.subsections[2].paragraphs[0]"): 1,
            ("P5", "$.report.overview.subsections[5].paragraphs[0]"): 1,
        }
    )


def test_the_invented_example_gives_no_prose_finding_and_its_figures_hold() -> None:
    result = check(invented())
    assert result.findings == ()
    assert result.unchecked == ()
    # 新收 54, 上年结转 5, 办结 53, 结转下年度 6: four counts, all as in table 三; and
    # "2022年，…" opening the overview (P5).
    assert outcomes(invented(), Status.HELD) == Counter(
        {
            ("P2", APPS): 4,
            ("P4", INVENTED_PREAMBLE): 1,
            ("P4", PERIOD): 1,
            ("P5", "$.report.overview.intro[0]"): 1,
        }
    )


def test_a_report_without_prose_or_period_gets_no_prose_outcome() -> None:
    report = AnnualReport(organ="某县教育局", year=2022)
    result = check(report)
    assert result.rules == P_RULES
    assert result.outcomes() == ()


@pytest.mark.parametrize("build", [seed, invented])
def test_prose_locations_are_named_as_the_context_names_paragraphs(
    build: Callable[[], AnnualReport],
) -> None:
    report = build()
    # A statement in every paragraph of the report: each one then fails somewhere.
    sentence = "全年新收政府信息公开申请 99 件。"
    overview = report.overview
    broken = attrs.evolve(
        report,
        preamble=attrs.evolve(
            report.preamble, paragraphs=[sentence] * len(report.preamble.paragraphs)
        ),
        overview=attrs.evolve(
            overview,
            intro=[sentence] * len(overview.intro),
            subsections=tuple(
                attrs.evolve(s, paragraphs=[sentence] * len(s.paragraphs))
                for s in overview.subsections
            ),
        ),
        problems=[sentence] * len(report.problems),
        other_matters=[sentence] * len(report.other_matters),
    )
    ctx = Context(broken, None)
    expected = {location.json_path: location for location, _ in ctx.prose()}
    findings = [f for f in check(broken).findings if f.rule == "P2"]
    assert {f.location.json_path for f in findings} == set(expected)
    for finding in findings:
        location = expected[finding.location.json_path]
        assert finding.location == location
        assert finding.location.order == location.order


# --- P1: "未收到申请" --------------------------------------------------------------------------


def test_p1_fails_when_applications_were_received() -> None:
    report = with_cell(seed(), R.NEW, 3)
    assert failed(report) == {("P1", APPS)}
    finding = only_finding(report, "P1")
    assert finding.severity is Severity.WARNING
    assert finding.quote == "2020 年度未收到政府信息公开的申请"
    assert (finding.reported, finding.computed) == (0, 3)
    assert [c.json_path for c in finding.involved] == [NEW]
    assert finding.message_zh == (
        "一、总体情况（依申请公开办理情况）：“2020 年度未收到政府信息公开的申请”称未收到申请，"
        "但表三 一、本年新收政府信息公开申请数量·总计为 3"
    )
    assert "2020 年度未收到政府信息公开的申请" in finding.message_en
    assert "says no application was received" in finding.message_en
    assert "is 3" in finding.message_en


def test_p1_only_new_applications_matter() -> None:
    # Applications carried over from last year do not contradict "none received".
    report = with_cell(seed(), R.CARRIED_OVER, 2)
    assert failed(report) == set()
    assert statuses(report, "P1") == [Status.HELD]


@pytest.mark.parametrize("empty", [BLANK, NotApplicable("/")])
def test_p1_a_blank_cell_is_unchecked_never_held(empty: gd.Cell) -> None:
    report = with_cell(seed(), R.NEW, empty)
    result = check(report)
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {("P1", APPS)}
    assert statuses(report, "P1") == [Status.UNCHECKED]
    (finding,) = result.unchecked
    assert finding.quote == "2020 年度未收到政府信息公开的申请"
    assert "未填写数字" in finding.message_zh
    assert "holds no number" in finding.message_en


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("本年度没有收到政府信息公开申请。", "本年度没有收到政府信息公开申请"),
        ("本年度无依申请公开事项。", "本年度无依申请公开事项"),
        ("全年未受理政府信息公开申请。", "全年未受理政府信息公开申请"),
        ("本机关无政府信息公开申请。", "本机关无政府信息公开申请"),
        ("本机关尚未收到申请。", "本机关尚未收到申请"),
        (
            "依法办理。本年度未收到公民提出的政府信息公开申请，无上年结转。",
            "本年度未收到公民提出的政府信息公开申请，无上年结转",
        ),
    ],
)
def test_p1_reads_the_ways_of_saying_none(sentence: str, quote: str) -> None:
    report = with_cell(with_applications_text(seed(), sentence), R.NEW, 1)
    assert failed(report) == {("P1", APPS)}
    assert only_finding(report, "P1").quote == quote


@pytest.mark.parametrize(
    "sentence",
    [
        "全年未收到针对本机关政府信息公开的行政复议申请。",
        "未收到政府信息公开申请行政复议。",
        "无论通过何种渠道提交的政府信息公开申请，均依法办理。",
        "未收到行政许可申请。",
        "本机关未收到申请人的投诉。",
        "2019 年未收到政府信息公开申请，2020 年收到 3 件。",
        "较上年未收到申请的情况有所改变。",
    ],
)
def test_p1_does_not_read_other_statements(sentence: str) -> None:
    report = with_cell(with_applications_text(seed(), sentence), R.NEW, 3)
    assert statuses(report, "P1") == []


# --- P2: counts in the text ------------------------------------------------------------------


def test_p2_a_wrong_figure_fails_once_and_the_others_hold() -> None:
    sentence = INVENTED_SENTENCE.replace("申请54件", "申请17件")
    report = with_applications_text(invented(), sentence)
    assert failed(report) == {("P2", APPS)}
    assert outcomes(report)[("P2", APPS)] == 4
    finding = only_finding(report, "P2")
    assert finding.severity is Severity.WARNING
    assert finding.quote == "全年新收政府信息公开申请17件"
    assert (finding.reported, finding.computed) == (17, 54)
    assert [c.json_path for c in finding.involved] == [NEW]
    assert finding.message_zh == (
        "一、总体情况（依申请公开）：“全年新收政府信息公开申请17件”与"
        "表三 一、本年新收政府信息公开申请数量·总计（54）不一致"
    )
    assert finding.message_en == (
        "Section 1, Overview: “全年新收政府信息公开申请17件” disagrees with "
        "Table 3, New applications received this year · Total (54)"
    )
    assert finding.expression == "正文 = 表三 一、本年新收政府信息公开申请数量·总计"


@pytest.mark.parametrize(
    ("row", "value", "quote", "reported", "cell"),
    [
        (R.NEW, 55, "全年新收政府信息公开申请54件", 54, NEW),
        (R.CARRIED_OVER, 4, "上年结转5件", 5, CARRIED_OVER),
        (R.TOTAL, 52, "办结53件", 53, HANDLED),
        (R.CARRIED_FORWARD, 7, "结转下年度继续办理6件", 6, FORWARD),
    ],
)
def test_p2_a_changed_cell_fails_at_the_sentence_that_states_it(
    row: ApplicationRow, value: int, quote: str, reported: int, cell: str
) -> None:
    report = with_cell(invented(), row, value)
    assert failed(report) == {("P2", APPS)}
    finding = only_finding(report, "P2")
    assert (finding.quote, finding.reported, finding.computed) == (quote, reported, value)
    assert [c.json_path for c in finding.involved] == [cell]
    assert f"“{quote}”" in finding.message_zh
    assert f"（{value}）不一致" in finding.message_zh
    assert f"“{quote}”" in finding.message_en


def test_p2_names_the_results_total_and_table_four_as_printed() -> None:
    report = with_cell(invented(), R.TOTAL, 52)
    assert "表三 三、本年度办理结果（七）总计·总计（52）" in only_finding(report, "P2").message_zh


@pytest.mark.parametrize("empty", [BLANK, NotApplicable("—")])
def test_p2_a_blank_cell_is_unchecked_never_held(empty: gd.Cell) -> None:
    report = with_cell(invented(), R.CARRIED_OVER, empty)
    result = check(report)
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {("P2", APPS)}
    assert Counter(statuses(report, "P2")) == Counter({Status.HELD: 3, Status.UNCHECKED: 1})
    (finding,) = result.unchecked
    assert finding.quote == "上年结转5件"
    assert finding.reported == 5
    assert finding.computed is None
    assert "表三 二、上年结转政府信息公开申请数量·总计 未填写数字" in finding.message_zh


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # spaces around numbers, full-width digits, small Chinese numerals
        ("全年新收政府信息公开申请 54 件，上年结转 5 件。", 2),
        ("全年新收政府信息公开申请\uff15\uff14件，上年结转\u3000\uff15\u3000件。", 2),
        ("全年新收政府信息公开申请五十四件，上年结转五件，办结五十三件，结转下年度六件。", 4),
        # other wordings of the same counts
        ("本年度共收到政府信息公开申请54件。", 1),
        ("全年共受理54件政府信息公开申请。", 1),
        ("共受理依申请公开事项 54 件，已全部答复 53 件，尚有 6 件申请结转下年度办理。", 3),
        ("上一年度结转的申请5件。", 1),
        ("2022 年，共新收政府信息公开申请 54 件。", 1),
    ],
)
def test_p2_reads_real_wordings(sentence: str, kinds: int) -> None:
    report = with_applications_text(invented(), sentence)
    assert failed(report) == set()
    assert statuses(report, "P2") == [Status.HELD] * kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "全年新收政府信息公开申请 17 件。",
        "全年新收政府信息公开申请 \uff11\uff17 件。",
        "全年新收政府信息公开申请十七件。",
        "全年共受理 17 件政府信息公开申请。",
    ],
)
def test_p2_reads_the_figure_in_every_notation(sentence: str) -> None:
    report = with_applications_text(invented(), sentence)
    assert failed(report) == {("P2", APPS)}
    finding = only_finding(report, "P2")
    assert (finding.reported, finding.computed) == (17, 54)
    assert finding.quote == sentence.rstrip("。")


@pytest.mark.parametrize(
    "sentence",
    [
        "收到行政许可申请 1268 件。",
        "受理行政复议申请 2 件。",
        "共办理各类信访案件 20 件，现已全部办结，办结率达到 100%。",
        "2022 年，共收到政协提案 1 件，人大代表建议 3 件。",
        "主动公开各类信息 174 条，政策解读 1 件。",
        "收到申请 20 余件。",
        "全年新收申请一两件。",
        "其中自然人申请 38 件，法人申请 16 件。",
        "较上年新收申请 44 件增加 10 件。",
        "2021 年新收申请 44 件。",
        "办理行政复议案件 56 件，行政诉讼 3 件。",
        "按时答复 50 件，延期答复 3 件。",
        "复议后起诉 1 件，未经复议直接起诉 2 件。",
        "此件依申请公开，另有 3 件文件。",
    ],
)
def test_p2_does_not_read_unrelated_counts(sentence: str) -> None:
    # In a paragraph that speaks of applications, so that it is read at all.
    report = with_applications_text(invented(), "本机关依法办理政府信息公开申请。" + sentence)
    assert statuses(report, "P2") == []
    # Last year's figure standing alone reads as the work of another year (P5).
    assert failed(report) == ({("P5", APPS)} if sentence.startswith("2021 年新收") else set())


def test_p2_the_seeds_other_counts_are_not_applications() -> None:
    # The seed speaks of 信访案件 20 件, 政协提案 1 件, 公开信息 174 条 and 行政发文 22个
    # while table 三 is all zero: none of them is read, so nothing can fail.
    report = seed()
    text = "".join(p.text for _, p in Context(report, None).prose())
    assert "信访案件 20 件" in text
    assert "政协提案 1 件" in text
    assert "信息 174 条" in text
    assert statuses(report, "P2") == []


def test_p2_reviews_and_lawsuits_are_compared_with_table_four() -> None:
    # Table 四 of the invented report: 行政复议 4; 行政诉讼 2 direct + 2 after review.
    sentence = "本年度因政府信息公开被申请行政复议 4 件，被提起行政诉讼 4 件。"
    report = with_subsection(invented(), 4, sentence)
    where = "$.report.overview.subsections[4].paragraphs[0]"
    assert failed(report) == set()
    assert outcomes(report, Status.HELD)[("P2", where)] == 2

    wrong = with_subsection(invented(), 4, sentence.replace("行政复议 4 件", "行政复议 3 件"))
    assert failed(wrong) == {("P2", where)}
    finding = only_finding(wrong, "P2")
    assert (finding.quote, finding.reported, finding.computed) == (
        "本年度因政府信息公开被申请行政复议 3 件",
        3,
        4,
    )
    assert [c.json_path for c in finding.involved] == [REVIEW]
    assert "表四 行政复议·总计（4）" in finding.message_zh

    lawsuits = with_review(report, ReviewCase.LITIGATION_AFTER_REVIEW, 3)
    assert lawsuits.reviews.cells != report.reviews.cells
    assert failed(lawsuits) == {("P2", where)}
    finding = only_finding(lawsuits, "P2")
    assert (finding.quote, finding.reported, finding.computed) == ("被提起行政诉讼 4 件", 4, 5)
    assert [c.json_path for c in finding.involved] == [DIRECT, AFTER_REVIEW]
    assert "未经复议直接起诉·总计 + 复议后起诉·总计" in finding.message_zh


def test_p2_a_blank_lawsuit_total_is_unchecked() -> None:
    sentence = "本年度因政府信息公开被申请行政复议 4 件，被提起行政诉讼 4 件。"
    report = with_review(
        with_subsection(invented(), 4, sentence), ReviewCase.LITIGATION_DIRECT, BLANK
    )
    where = "$.report.overview.subsections[4].paragraphs[0]"
    result = check(report)
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {("P2", where)}
    assert result.unchecked[0].quote == "被提起行政诉讼 4 件"


def test_p2_the_seeds_blank_review_cells_matter_only_when_the_text_counts_reviews() -> None:
    # The seed leaves table 四's 行政复议 blank; its text says nothing of reviews.
    assert check(seed()).unchecked == ()
    report = with_subsection(seed(), 4, "本年度未发生政府信息公开行政复议，行政复议 0 件。")
    where = "$.report.overview.subsections[4].paragraphs[0]"
    assert {(f.rule, f.location.json_path) for f in check(report).unchecked} == {("P2", where)}


# --- P3: "均已办结" ---------------------------------------------------------------------------


def test_p3_fails_when_applications_are_carried_forward() -> None:
    sentence = "全年新收政府信息公开申请54件，所有申请均已按时办结。"
    report = with_applications_text(invented(), sentence)
    assert failed(report) == {("P3", APPS)}
    finding = only_finding(report, "P3")
    assert finding.severity is Severity.WARNING
    assert finding.quote == "全年新收政府信息公开申请54件，所有申请均已按时办结"
    assert (finding.reported, finding.computed) == (0, 6)
    assert [c.json_path for c in finding.involved] == [FORWARD]
    assert finding.message_zh == (
        "一、总体情况（依申请公开）：“全年新收政府信息公开申请54件，所有申请均已按时办结”"
        "称申请均已办结，但表三 四、结转下年度继续办理·总计为 6"
    )
    assert "every application was dealt with" in finding.message_en
    assert statuses(report, "P2") == [Status.HELD]  # the 54 is right


@pytest.mark.parametrize(
    "sentence",
    ["所有申请均已办结。", "收到的政府信息公开申请已全部办结。", "上述申请均已在法定期限内办结。"],
)
def test_p3_holds_when_nothing_is_carried_forward(sentence: str) -> None:
    report = with_applications_text(seed(), sentence)
    assert failed(report) == set()
    assert statuses(report, "P3") == [Status.HELD]


@pytest.mark.parametrize(
    "sentence",
    [
        "收到的申请尚未全部办结。",
        "共办理信访案件 20 件，现已全部办结。",
        "申请的平均办结时间为 5 个工作日。",
        "政府信息公开申请均在法定期限内答复。",
    ],
)
def test_p3_does_not_read_other_statements(sentence: str) -> None:
    report = with_applications_text(invented(), "本机关依法办理政府信息公开申请。" + sentence)
    assert statuses(report, "P3") == []


def test_p3_a_blank_cell_is_unchecked_never_held() -> None:
    report = with_applications_text(seed(), "所有申请均已办结。")
    report = with_cell(report, R.CARRIED_FORWARD, BLANK)
    result = check(report)
    assert result.findings == ()
    assert {(f.rule, f.location.json_path) for f in result.unchecked} == {("P3", APPS)}
    assert statuses(report, "P3") == [Status.UNCHECKED]


# --- P4: the year --------------------------------------------------------------------------


def test_p4_the_structured_period_of_another_year_fails_there_only() -> None:
    report = with_period(seed(), gd.Period.calendar_year(2019))
    assert failed(report) == {("P4", PERIOD)}
    finding = only_finding(report, "P4")
    assert finding.severity is Severity.ERROR
    assert finding.location.name_zh == "统计期限"
    assert (finding.reported, finding.computed) == (
        "2019-01-01/2019-12-31",
        "2020-01-01/2020-12-31",
    )
    assert finding.message_zh == (
        "统计期限 2019-01-01 至 2019-12-31 不是报告年度 2020 年的 1 月 1 日至 12 月 31 日"
    )
    assert "1 January to 31 December 2020" in finding.message_en
    assert not gd.validate(report).is_valid


def test_p4_a_structured_period_short_of_the_year_fails() -> None:
    period = gd.Period(dt.date(2020, 5, 15), dt.date(2020, 12, 31))
    report = with_period(seed(), period)
    assert failed(report) == {("P4", PERIOD)}
    assert only_finding(report, "P4").reported == "2020-05-15/2020-12-31"


def test_p4_a_stated_period_of_another_year_fails_at_its_paragraph() -> None:
    text = seed().preamble.paragraphs[0].text.replace("2020 年 1 月 1 日", "2019 年 1 月 1 日")
    report = with_preamble_text(seed(), 0, text)
    assert failed(report) == {("P4", SEED_PREAMBLE)}
    finding = only_finding(report, "P4")
    assert finding.quote == "本报告中使用的数据统计期限为 2019 年 1 月 1 日至 12 月 31 日"
    assert (finding.reported, finding.computed) == (
        "2019-01-01/2019-12-31",
        "2020-01-01/2020-12-31",
    )
    assert finding.message_zh == (
        "前言：“本报告中使用的数据统计期限为 2019 年 1 月 1 日至 12 月 31 日”"
        "所述年度为 2019 年，与报告年度 2020 年不符"
    )
    assert finding.message_en.startswith("Preamble: “本报告中使用的数据统计期限为 2019 年")
    assert "speaks of 2019, but the report is on 2020" in finding.message_en


@pytest.mark.parametrize(
    ("sentence", "reported"),
    [
        ("本报告统计期限为2021年1月1日至2021年12月31日。", "2021-01-01/2021-12-31"),
        ("本报告统计期限为２０２１年１月１日至１２月３１日。", "2021-01-01/2021-12-31"),
        ("统计期限自 2022 年 1 月 1 日起至 2022 年 11 月 30 日止。", "2022-01-01/2022-11-30"),
        ("本报告数据统计期限为 2021 年度。", 2021),
    ],
)
def test_p4_reads_stated_periods(sentence: str, reported: str | int) -> None:
    report = with_preamble_text(invented(), 1, sentence)
    assert failed(report) == {("P4", INVENTED_PREAMBLE)}
    finding = only_finding(report, "P4")
    assert finding.reported == reported
    assert finding.quote == sentence.rstrip("。")


def test_p4_a_period_not_the_whole_year_says_so() -> None:
    sentence = "统计期限为 2022 年 1 月 1 日至 2022 年 11 月 30 日。"
    finding = only_finding(with_preamble_text(invented(), 1, sentence), "P4")
    assert finding.message_zh.endswith("所述统计期限不是 2022 年 1 月 1 日至 12 月 31 日")
    assert finding.message_en.endswith("states a period other than 1 January to 31 December 2022")


def test_p4_a_year_opening_a_sentence_about_the_period_fails() -> None:
    text = seed().overview.subsections[1].paragraphs[0].text.replace("2020 年度", "2019 年度")
    report = with_applications_text(seed(), text)
    # "2019 年度未收到…" speaks of another year: P4 fails; P1 does not read it as this
    # year's statement, so it records nothing.
    assert failed(report) == {("P4", APPS)}
    assert statuses(report, "P1") == []
    finding = only_finding(report, "P4")
    assert finding.quote == "2019 年度未收到政府信息公开的申请"
    assert (finding.reported, finding.computed) == (2019, 2020)
    assert finding.message_zh == (
        "一、总体情况（依申请公开办理情况）：“2019 年度未收到政府信息公开的申请”"
        "所述年度为 2019 年，与报告年度 2020 年不符"
    )


@pytest.mark.parametrize(
    "sentence", ["2021年度，本机关共收到政府信息公开申请54件。", "2021 年度共收到申请 54 件。"]
)
def test_p4_reads_years_that_open_sentences(sentence: str) -> None:
    report = with_applications_text(invented(), sentence)
    assert failed(report) == {("P4", APPS)}
    assert statuses(report, "P2") == []  # a figure of another year is not compared


@pytest.mark.parametrize(
    "sentence",
    [
        "依据国办公开办函〔2019〕60 号和 2021年版格式编制。",
        "《2021 年度政府信息公开工作年度报告》已于 2022 年 1 月发布。",
        "2021 年度报告发布后，收到群众意见 3 条。",
        "与 2021 年度相比，申请数量有所增加。",
        "2021 年度，本机关收到申请 40 件；本年度收到申请 54 件。",
        "2021年度同比增长较快。",
        "本年度共收到申请 54 件。",
        "于 2021 年 11 月 5 日开展“政府开放日”活动。",
    ],
)
def test_p4_does_not_read_other_mentions_of_years(sentence: str) -> None:
    report = with_subsection(invented(), 2, sentence)
    where = "$.report.overview.subsections[2].paragraphs[0]"
    assert ("P4", where) not in outcomes(report)
    assert failed(report) == set()


def test_p4_does_not_read_plans_in_sections_five_and_six() -> None:
    report = attrs.evolve(
        invented(),
        problems=["2023 年度，将进一步加强业务培训。"],
        other_matters=["2021 年度，本机关收到申请 3 件。"],
    )
    assert failed(report) == set()
    assert not any(
        path.startswith(("$.report.problems", "$.report.other")) for _, path in outcomes(report)
    )


def test_p4_holds_when_the_year_is_right() -> None:
    report = with_subsection(invented(), 2, "2022 年度，本机关进一步规范政府信息管理。")
    where = "$.report.overview.subsections[2].paragraphs[0]"
    assert outcomes(report, Status.HELD)[("P4", where)] == 1
    assert failed(report) == set()


# --- several breaks at once ----------------------------------------------------------------


def test_several_breaks_fail_exactly_where_broken() -> None:
    report = invented()
    report = with_period(report, gd.Period.calendar_year(2021))
    report = with_applications_text(
        report,
        INVENTED_SENTENCE.replace("上年结转5件", "上年结转3件").replace(
            "，均在", "，均已办结，均在"
        ),
    )
    report = with_subsection(report, 4, "本年度因政府信息公开被申请行政复议 4 件。")
    report = attrs.evolve(
        report, problems=["2021 年度工作中，依申请公开答复文书规范化程度有待提高。"]
    )
    assert failed(report) == {("P4", PERIOD), ("P2", APPS), ("P3", APPS)}
    result = check(report)
    assert [f.rule for f in result.findings] == ["P4", "P2", "P3"]  # document order, then severity
    assert result.unchecked == ()
    (p2,) = [f for f in result.findings if f.rule == "P2"]
    assert (p2.quote, p2.reported, p2.computed) == ("上年结转3件", 3, 5)
    assert (
        outcomes(report, Status.HELD)[("P2", "$.report.overview.subsections[4].paragraphs[0]")] == 1
    )


def test_findings_have_stable_distinct_fingerprints() -> None:
    sentence = "全年新收政府信息公开申请17件，上年结转3件，办结53件，结转下年度继续办理6件。"
    report = with_applications_text(invented(), sentence)
    first = check(report).findings
    assert len(first) == 2
    assert len({f.fingerprint for f in first}) == 2
    assert [f.fingerprint for f in check(gd.loads(gd.dumps(report))).findings] == [
        f.fingerprint for f in first
    ]


def test_each_run_reads_its_own_report() -> None:
    # The four rules share what they read in one run; another run, even of an equal
    # report or with one rule selected, reads afresh.
    broken = with_cell(seed(), R.NEW, 3)
    assert failed(broken) == {("P1", APPS)}
    assert failed(seed()) == set()
    assert {(f.rule, f.location.json_path) for f in check(broken, "P1").findings} == {("P1", APPS)}
    assert check(broken, "P2").findings == ()
    assert failed(invented()) == set()
    assert failed(broken) == {("P1", APPS)}


# --- P5: the year of the work --------------------------------------------------------------

INTRO = "$.report.overview.intro[0]"


def with_intro(report: AnnualReport, *paragraphs: str) -> AnnualReport:
    return attrs.evolve(report, overview=attrs.evolve(report.overview, intro=paragraphs))


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("2021年，我局深入贯彻《条例》。", "2021年，我局深入贯彻《条例》"),
        ("2021 年共公开政府信息 300 条。", "2021 年共公开政府信息 300 条"),
        ("我局高度重视，2021年全年公开信息300条。", "我局高度重视，2021年全年公开信息300条"),
        ("本年度工作平稳。2021年度共收到申请54件。", "2021年度共收到申请54件"),
    ],
)
def test_p5_another_year_as_the_year_of_the_work_fails(sentence: str, quote: str) -> None:
    report = with_intro(invented(), sentence)
    assert failed(report) == {("P5", INTRO)}
    finding = only_finding(report, "P5")
    assert (finding.quote, finding.reported, finding.computed) == (quote, 2021, 2022)
    assert finding.severity is Severity.WARNING
    assert finding.message_zh == (
        f"一、总体情况：“{quote}”以 2021 年为工作年度，报告年度为 2022 年，疑似沿用往年报告的文字"
    )
    assert finding.message_en.startswith("Section 1, Overview: “")


@pytest.mark.parametrize(
    "sentence",
    [
        "《条例》于2019年修订。",
        "自2019年起施行。",
        "2019年修订的《条例》施行以来，公开工作更加规范。",
        "2023年将继续推进政务公开。",
        "2023年，我局将继续推进政务公开。",
        "本报告于2023年1月15日发布。",
        "依据〔2021〕3号文件开展工作。",
        "较2021年增长5%。",
        "与2021年相比，申请数量有所增加。",
        "2021年共收到10件，2022年共收到15件。",
        "2021年以来，持续推进公开平台建设。",
        "《2021年政务公开工作要点》印发后，我局逐项落实。",
        "2021年底，我局完成了目录梳理。",
    ],
)
def test_p5_does_not_read_other_years(sentence: str) -> None:
    report = with_intro(invented(), sentence)
    assert statuses(report, "P5") in ([], [Status.HELD])
    assert failed(report) == set()


def test_p5_holds_for_the_report_year_and_leaves_sections_five_and_six() -> None:
    report = with_intro(invented(), "2022年，我局深入贯彻《条例》。")
    assert outcomes(report, Status.HELD)[("P5", INTRO)] == 1
    report = attrs.evolve(
        invented(),
        problems=["2021年，我局存在答复不够规范的问题，已于本年整改。"],
        other_matters=["2021年，本机关未收取信息处理费。"],
    )
    assert statuses(report, "P5") == [Status.HELD]  # the intro's "2022年，…" only
    assert failed(report) == set()


def test_p5_leaves_to_p4_a_year_it_reads_as_the_period() -> None:
    report = with_intro(invented(), "2021 年度，本机关收到申请 40 件。")
    assert failed(report) == {("P4", INTRO)}
    assert statuses(report, "P5") == []


#: Pieces of text around years: ASCII and full-width digits (U+FF10-FF19), 年 and 年度,
#: three kinds of space, and other characters.
_YEAR_PIECES = ["2020", "1", "99", chr(0xFF12) * 2 + chr(0xFF10) * 2, chr(0xFF11), "年", "年度"]
_YEAR_PIECES += [" ", "\u3000", "\xa0", "a", "，", "。"]


@given(st.lists(st.sampled_from(_YEAR_PIECES), max_size=12).map("".join))
def test_work_years_are_found_from_each_nian_as_the_pattern_finds_them(text: str) -> None:
    # The years are found from each 年 rather than by the pattern tried everywhere (a
    # third of the prose rules' time): the same matches, in the same order.
    from govdisclosure.checker.builtin.prose.workyear import WORK_YEAR, _work_year_matches

    def spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]

    assert spans(_work_year_matches(text)) == spans(WORK_YEAR.finditer(text))
