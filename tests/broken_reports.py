"""Broken reports that between them make every built-in rule fail, or go unchecked, with
each of its messages: ``tests/test_i18n.py`` reads their findings in both languages.

Kept apart from the tests (and free of babel) so that a fresh interpreter can build them
and check that reading the Chinese never loads the English catalog.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    AnnualReport,
    Applicant,
    ApplicationRow,
    Money,
    Overview,
    ReviewCase,
    ReviewResult,
    ReviewTable,
)
from govdisclosure.textreuse import Match, find_reuse

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
R, A = ApplicationRow, Applicant
FEE = ("administrative_fees", "fee_amount")

#: A name, a broken report and last year's report (for the cross-year rules) or None; for
#: the hierarchy rules also the parts the report (a summary) adds up; for the batch rule,
#: what the batch found of the report's prose instead.
Case = (
    tuple[str, AnnualReport, AnnualReport | None]
    | tuple[str, AnnualReport, AnnualReport | None, tuple[AnnualReport, ...]]
    | tuple[str, AnnualReport, AnnualReport | None, tuple[Match, ...]]
)


def invented() -> AnnualReport:
    """示例县自然资源局 on 2022: 2021 edition, invented, consistent."""
    return gd.load(EXAMPLES / "shiyan-ziranziyuan-2022.json")


def seed() -> AnnualReport:
    """中宁县民政局 on 2020: 2019 edition, real; its 行政复议 cells are blank."""
    return gd.load(EXAMPLES / "zhongning-minzheng-2020.json")


def cells(report: AnnualReport, section: str, *changes: tuple[Any, Any, Any]) -> AnnualReport:
    """``report`` with cells of the table of ``section`` set: ``(row, column, value)``."""
    table = getattr(report, section)
    for row, column, value in changes:
        table = table.with_cell(row, column, value)
    return attrs.evolve(report, **{section: table})


def applications_text(report: AnnualReport, *paragraphs: str) -> AnnualReport:
    """``report`` with the paragraphs of 总体情况's subsection on applications replaced."""
    subsections = list(report.overview.subsections)
    subsections[1] = attrs.evolve(subsections[1], paragraphs=paragraphs)
    return attrs.evolve(report, overview=attrs.evolve(report.overview, subsections=subsections))


def preamble_text(report: AnnualReport, index: int, text: str) -> AnnualReport:
    paragraphs = list(report.preamble.paragraphs)
    paragraphs[index] = gd.Paragraph(text)
    return attrs.evolve(report, preamble=attrs.evolve(report.preamble, paragraphs=paragraphs))


def blank_reviews(report: AnnualReport) -> AnnualReport:
    return attrs.evolve(report, reviews=ReviewTable(report.edition, (BLANK,) * 15))


def subtotal_off(report: AnnualReport) -> AnnualReport:
    """``report`` with table 三 printing a 法人或其他组织小计 column after 其他, which adds up
    in every row but the first (one too many) and the second (left blank)."""
    table = report.applications
    parts = (A.COMMERCIAL, A.RESEARCH, A.PUBLIC_WELFARE, A.LEGAL_SERVICES, A.OTHER)
    rows = [[table[row, part] for part in parts] for row in table.row_keys]
    sums = [sum(c for c in row if isinstance(c, int)) for row in rows]
    subtotals: list[gd.Cell] = [sums[0] + 1, BLANK, *sums[2:]]
    column = gd.ExtraColumn("法人或其他组织小计", subtotals, after="other")
    return attrs.evolve(report, applications=attrs.evolve(table, extra_columns=(column,)))


def summary_of(*parts: AnnualReport) -> AnnualReport:
    """The summary :func:`~govdisclosure.rollup.aggregate` makes of ``parts``."""
    from govdisclosure.rollup import aggregate

    return aggregate(parts, organ="示例县").report


def hierarchy_suite() -> list[Case]:
    """Summaries and the parts they are checked against, for every hierarchy message."""
    new, old = invented(), seed()
    forest = attrs.evolve(new, organ="示例县林业局")
    county = summary_of(new, forest)
    fee = Money("3.5", "万元")
    fees = cells(new, "proactive", (*FEE, fee)), cells(forest, "proactive", (*FEE, fee))
    return [
        # H0 three ways, H2 unable to compare
        (
            "parts of another year, edition, twice",
            county,
            None,
            (new, new, attrs.evolve(forest, year=2021), attrs.evolve(old, year=2022)),
        ),
        # H1: not a summary
        ("a report of its own", new, None, (new,)),
        # H1: organs missing and extra, missing, extra
        (
            "a scope of others",
            attrs.evolve(county, scope=gd.Scope.aggregate(["示例县水利局"])),
            None,
            (new, forest),
        ),
        ("a scope short of one", summary_of(new), None, (new, forest)),
        ("a scope with one more", county, None, (new,)),
        # H2: a count and an amount off
        (
            "a summed count off",
            cells(county, "reviews", ("review", "upheld", 99)),
            None,
            (new, forest),
        ),
        (
            "a summed amount off",
            cells(summary_of(*fees), "proactive", (*FEE, Money("7.05", "万元"))),
            None,
            fees,
        ),
        # H2 unchecked: a part's blank cells, a part's blank table, the summary's blank cell
        (
            "a part with blanks",
            summary_of(old, AnnualReport(organ="中宁县教育局", year=2020)),
            None,
            (old, AnnualReport(organ="中宁县教育局", year=2020)),
        ),
        ("a part without table four", county, None, (new, blank_reviews(forest))),
        (
            "a blank in the summary",
            cells(county, "reviews", ("review", "upheld", None)),
            None,
            (new, forest),
        ),
    ]


def suite() -> list[Case]:
    """Every broken report, each with the messages it is there for."""
    new, old = invented(), seed()
    return [*_suite(new, old), *hierarchy_suite(), *batch_suite()]


def batch_suite() -> list[Case]:
    """A department whose prose is another's, for the batch rule's messages: the case's
    last item is what the batch found of it (``validate(reused=...)``)."""
    new = invented()
    copy = attrs.evolve(new, organ="示例县交通运输局")
    matches = tuple(m for m in find_reuse([new, copy]) if m.copy.report == 1)
    return [("copied from another department", copy, None, matches)]


def _suite(new: AnnualReport, old: AnnualReport) -> list[Case]:
    return [
        # E1 (more handled than received), R2, R3
        ("a total off", cells(old, "applications", (R.TOTAL, A.NATURAL_PERSON, 11)), None),
        # E1 (the carry-forward the balance gives), R3
        ("carried forward off", cells(new, "applications", (R.CARRIED_FORWARD, A.OTHER, 50)), None),
        # E1, R2, R3 unchecked; V1; V3 with a mark in Chinese
        (
            "blank and marked cells",
            cells(
                new, "applications", (R.DISCLOSED, A.COMMERCIAL, None), (R.NEW, A.RESEARCH, "无")
            ),
            None,
        ),
        # V2, R5 unchecked (many gaps)
        ("table four blank", blank_reviews(new), None),
        # V6
        (
            "a row outside the form",
            attrs.evolve(
                new,
                applications=attrs.evolve(
                    new.applications,
                    extra_rows=(
                        gd.ExtraRow("不予受理", (0, 1, 0, 0, 0, 0, 1), after="other_misc"),
                    ),
                ),
            ),
            None,
        ),
        # R4 (a printed subtotal column one off in one row, and blank in another)
        ("a printed subtotal off", subtotal_off(new), None),
        # R5
        (
            "a review total off",
            cells(new, "reviews", (ReviewCase.REVIEW, ReviewResult.TOTAL, 9)),
            None,
        ),
        # V4 failed and unchecked
        (
            "item counts",
            cells(
                old,
                "proactive",
                ("administrative_penalty", "change", -54),
                ("administrative_coercion", "change", None),
            ),
            None,
        ),
        # V5 and E3
        ("a negative fee in yuan", cells(new, "proactive", (*FEE, Money("-3", "元"))), None),
        ("a fee in yuan", cells(new, "proactive", (*FEE, Money("12500", "元"))), None),
        ("no fee", cells(new, "proactive", (*FEE, None)), None),
        # ED1
        ("the 2019 format in 2021", attrs.evolve(old, year=2021), None),
        # S1, S2
        ("empty sections", attrs.evolve(new, other_matters=(), problems=["无。"]), None),
        # S3
        (
            "an overview on nothing",
            attrs.evolve(new, overview=Overview(intro=["本年度工作平稳。"])),
            None,
        ),
        # D1 failed and unchecked twice
        (
            "published late",
            attrs.evolve(new, organ_kind="department", published=dt.date(2023, 3, 1)),
            None,
        ),
        ("no publication date", attrs.evolve(new, published=None), None),
        (
            "an organ without a deadline",
            attrs.evolve(new, organ_kind="other", published=dt.date(2023, 1, 1)),
            None,
        ),
        # P1
        ("applications after all", cells(old, "applications", (R.NEW, A.TOTAL, 3)), None),
        # P1 unchecked
        (
            "none received, table blank",
            cells(old, "applications", (R.NEW, A.TOTAL, None)),
            None,
        ),
        # P2 against each kind of total, P3
        (
            "figures in the text",
            applications_text(
                new,
                "全年新收政府信息公开申请17件，上年结转5件，办结53件，结转下年度继续办理6件。",
                "所有申请均已办结。",
                "发生政府信息公开行政复议 3 件，政府信息公开行政诉讼 2 件。",
            ),
            None,
        ),
        # P4: the structured period, a year and a period stated in the text
        (
            "last year's period",
            attrs.evolve(
                old,
                preamble=attrs.evolve(
                    old.preamble, period=gd.Period(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
                ),
            ),
            None,
        ),
        (
            "last year in the text",
            preamble_text(
                old, 0, old.preamble.paragraphs[0].text.replace("2020 年 1 月", "2019 年 1 月")
            ),
            None,
        ),
        (
            "part of the year",
            preamble_text(new, 1, "统计期限为 2022 年 1 月 1 日至 2022 年 11 月 30 日。"),
            None,
        ),
        # P5: another year as the year of the work
        (
            "an earlier year's text",
            applications_text(new, "2021年，本机关进一步规范依申请公开工作。"),
            None,
        ),
        # X0 both ways, and the other cross-year rules unable to compare, for each reason
        ("another organ, another year", new, attrs.evolve(new, organ="示例县林业局", year=2019)),
        ("another year", new, attrs.evolve(new, year=2020)),
        ("another organ", new, attrs.evolve(new, organ="示例县林业局", year=2021)),
        # X1, X3, X4, X5 (a copy of this year as last year's)
        ("copied, 2021 format", new, attrs.evolve(new, year=2021)),
        # X2, X4 unchecked (table four blank both years)
        ("copied, 2019 format", blank_reviews(old), attrs.evolve(blank_reviews(old), year=2019)),
        # X1 unchecked, for a blank cell this year and last year
        (
            "carried over blank",
            cells(new, "applications", (R.CARRIED_OVER, A.NATURAL_PERSON, None)),
            cells(
                attrs.evolve(new, year=2021),
                "applications",
                (R.CARRIED_FORWARD, A.NATURAL_PERSON, None),
            ),
        ),
    ]


def findings(case: Case) -> list[gd.Finding]:
    """What checking ``case`` finds: the failures, then what could not be checked."""
    _, report, previous, *more = case
    given = more[0] if more else None
    if given and isinstance(given[0], Match):
        result = gd.validate(report, previous=previous, reused=given)
    else:
        result = gd.validate(report, previous=previous, parts=given)  # type: ignore[arg-type]
    return [*result.findings, *result.unchecked]
