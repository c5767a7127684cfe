"""The customary sentences of 总体情况, written from the tables, and the prose rules that
read them back."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    AnnualReport,
    Applicant,
    ApplicationRow,
    Money,
    NotApplicable,
    Overview,
    Preamble,
    ReviewCase,
    ReviewResult,
    Status,
)
from govdisclosure.sentences import describe, sentences
from tests.strategies import reports

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
A, R = Applicant, ApplicationRow
CJK = re.compile("[\u4e00-\u9fff]")


def invented() -> AnnualReport:
    return gd.load(EXAMPLES / "shiyan-ziranziyuan-2022.json")


def seed() -> AnnualReport:
    return gd.load(EXAMPLES / "zhongning-minzheng-2020.json")


def applications(report: AnnualReport, **totals: object) -> AnnualReport:
    table = report.applications.with_rows({row: {A.TOTAL: value} for row, value in totals.items()})
    return attrs.evolve(report, applications=table)


def test_the_invented_report_in_chinese() -> None:
    proactive, apps, reviews = sentences(invented())
    assert proactive == (
        "本年度，本机关制发行政规范性文件3件，废止行政规范性文件1件，现行有效行政规范性文件12件；"
        "作出行政许可决定1268件、行政处罚决定37件、行政强制决定5件；收取行政事业性收费1.25万元。"
    )
    assert apps == (
        "本年度共收到政府信息公开申请54件，上年结转5件，办结53件，其中予以公开23件、部分公开6件、"
        "不予公开11件、无法提供8件、不予处理3件、其他处理2件，结转下年度继续办理6件。"
    )
    assert reviews == (
        "本年度因政府信息公开被申请行政复议4件（结果维持2件、结果纠正1件、尚未审结1件），"
        "被提起行政诉讼4件（未经复议直接起诉2件、复议后起诉2件）。"
    )
    assert describe(invented()) == proactive + apps + reviews


def test_the_invented_report_in_english() -> None:
    text = describe(invented(), lang="en_US")
    assert not CJK.search(text), text
    assert "made 1,268 decisions on administrative licensing" in text
    assert "collected 12,500 yuan in administrative and institutional fees" in text
    assert "This year the organ received 54 requests for government information" in text
    assert "(2 upheld, 1 corrected, 1 pending)" in text
    assert text.count(". ") == 2
    assert text.endswith(".")


def test_the_seed_says_no_application_and_leaves_out_its_blank_reviews() -> None:
    # 2019 edition: procurement; nothing applied for; 行政复议 blank, lawsuits 0.
    assert sentences(seed()) == (
        "本年度，本机关政府集中采购总金额6165711元。",
        "本年度未收到政府信息公开申请。",
    )


def test_zero_and_blank_parts_are_left_out_the_way_people_write() -> None:
    report = applications(invented(), carried_over=0, carried_forward=BLANK)
    text = sentences(report)[1]
    assert "上年结转" not in text
    assert "结转下年度" not in text
    assert text.startswith("本年度共收到政府信息公开申请54件，办结53件，其中予以公开23件")
    # A mark where an outcome's figure is needed: the outcomes are left out, not guessed.
    marked = applications(invented(), disclosed=NotApplicable("/"))
    assert "其中" not in sentences(marked)[1]
    # Nothing said of applications when the received figure is blank.
    assert len(sentences(applications(invented(), new=BLANK))) == 2


def test_no_case_is_said_as_such() -> None:
    zero = attrs.evolve(invented(), reviews=gd.ReviewTable.zeros(invented().edition))
    assert sentences(zero)[-1] == "本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。"
    reviews = zero.reviews.with_row(
        ReviewCase.REVIEW, {ReviewResult.PENDING: 1, ReviewResult.TOTAL: 1}
    )
    assert sentences(attrs.evolve(zero, reviews=reviews))[-1] == (
        "本年度因政府信息公开被申请行政复议1件（尚未审结1件）。"
    )


def test_unsupported_languages_are_refused() -> None:
    with pytest.raises(gd.ReportValueError, match="unsupported locale"):
        describe(invented(), lang="fr")


# --- what the prose rules make of it ----------------------------------------------------------


def _only_described(report: AnnualReport) -> AnnualReport:
    """``report`` whose only prose is what :func:`describe` writes."""
    return attrs.evolve(
        report,
        preamble=Preamble(),
        overview=Overview(intro=list(sentences(report)) or ["本年度工作平稳。"]),
        problems=(),
        other_matters=(),
    )


def _statements(report: AnnualReport) -> int:
    """How many counts P2 should read in what describe writes: the received, carried over,
    dealt with and carried forward applications, reviews and lawsuits that are numbers
    other than zero (a zero is left out, or said as "未收到")."""
    apps, reviews = report.applications, report.reviews
    new = apps[R.NEW, A.TOTAL]
    carried = apps[R.CARRIED_OVER, A.TOTAL]
    if type(new) is not int or (new == 0 and not (type(carried) is int and carried)):
        counted = 0
    else:
        counted = 1 + sum(
            1
            for row in (R.CARRIED_OVER, R.TOTAL, R.CARRIED_FORWARD)
            if type(v := apps[row, A.TOTAL]) is int and v
        )
    review = reviews[ReviewCase.REVIEW, ReviewResult.TOTAL]
    lawsuits = [
        reviews[case, ReviewResult.TOTAL]
        for case in (ReviewCase.LITIGATION_DIRECT, ReviewCase.LITIGATION_AFTER_REVIEW)
    ]
    counted += type(review) is int and review > 0
    counted += all(type(v) is int for v in lawsuits) and sum(lawsuits) > 0  # type: ignore[arg-type]
    return counted


@settings(max_examples=150, deadline=None)
@given(reports(consistent=True))
def test_the_prose_rules_accept_every_sentence_describe_writes(report: AnnualReport) -> None:
    described = _only_described(report)
    result = gd.validate(described, select=["P1", "P2", "P3", "P5"])
    assert result.findings == ()
    assert result.unchecked == ()
    held = Counter(o.rule for o in result.outcomes() if o.status is Status.HELD)
    # Every count written is read back (and agrees): the wording is the rules' own.
    assert held["P2"] == _statements(report)
    new = report.applications[R.NEW, A.TOTAL]
    carried = report.applications[R.CARRIED_OVER, A.TOTAL]
    said_none = new == 0 and not (type(carried) is int and carried)
    assert held["P1"] == said_none


def test_a_fee_in_yuan_is_written_in_its_unit() -> None:
    fees = invented().proactive.with_cell(
        "行政事业性收费", "本年收费金额（单位：万元）", Money("12500", "元")
    )
    text = sentences(attrs.evolve(invented(), proactive=fees))[0]
    assert text.endswith("收取行政事业性收费12500元。")
    assert describe(attrs.evolve(invented(), proactive=fees), "en").count("12,500 yuan") == 1
