"""The report: identity, edition, title, sections, validation, totals."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from govdisclosure import (
    AnnualReport,
    ApplicationTable,
    Contact,
    Edition,
    OrganKind,
    Overview,
    Paragraph,
    Period,
    Preamble,
    ReportValueError,
    Scope,
    ScopeKind,
    Section,
    Subsection,
    Website,
    fill_totals,
)


@pytest.mark.parametrize(
    ("year", "edition"),
    [
        (2008, Edition.V2019),
        (2019, Edition.V2019),
        (2020, Edition.V2019),
        (2021, Edition.V2021),
        (2030, Edition.V2021),
    ],
)
def test_edition_follows_the_year(year: int, edition: Edition) -> None:
    report = AnnualReport(organ="某局", year=year)
    assert report.edition is edition
    assert report.applications.edition is edition


def test_mismatched_edition_is_allowed() -> None:
    report = AnnualReport(organ="某局", year=2021, edition=Edition.V2019)
    assert report.edition is Edition.V2019
    assert not report.edition.fits(report.year)
    assert AnnualReport(organ="某局", year=2021, edition="2019").edition is Edition.V2019


def test_tables_must_match_the_report_edition() -> None:
    with pytest.raises(ReportValueError, match="table 三 is laid out for the 2019 edition"):
        AnnualReport(organ="某局", year=2022, applications=ApplicationTable.zeros(Edition.V2019))


def test_title_is_derived_unless_given() -> None:
    report = AnnualReport(organ="中宁县民政局", year=2020)
    assert report.title == "中宁县民政局2020年政府信息公开工作年度报告"
    assert report.custom_title is None
    assert (
        attrs.evolve(report, organ="中宁县教育局").title
        == "中宁县教育局2020年政府信息公开工作年度报告"
    )
    custom = AnnualReport(organ="中宁县民政局", year=2020, title="关于2020年政务公开的报告")
    assert custom.title == "关于2020年政务公开的报告"
    assert attrs.evolve(custom, year=2019).title == "关于2020年政务公开的报告"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"organ": "", "year": 2020}, "organ must be a non-empty str"),
        ({"organ": "  ", "year": 2020}, "organ must be a non-empty str"),
        ({"organ": 5, "year": 2020}, "organ must be a non-empty str"),
        ({"organ": "x", "year": "2020"}, "year must be an int"),
        ({"organ": "x", "year": True}, "year must be an int"),
        ({"organ": "x", "year": 2007}, "between 2008"),
        ({"organ": "x", "year": 2020, "edition": "2022"}, "edition must be"),
        ({"organ": "x", "year": 2020, "published": dt.datetime(2021, 1, 5)}, "datetime.date"),
        ({"organ": "x", "year": 2020, "published": "2021-01-05"}, "datetime.date"),
        ({"organ": "x", "year": 2020, "organ_kind": "ministry"}, "OrganKind"),
        ({"organ": "x", "year": 2020, "title": ""}, "title must be a non-empty str"),
        ({"organ": "x", "year": 2020, "scope": "own"}, "scope must be a Scope"),
        ({"organ": "x", "year": 2020, "problems": 5}, "paragraphs"),
        ({"organ": "x", "year": 2020, "proactive": None}, "ProactiveTable"),
    ],
)
def test_invalid_fields_are_refused(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ReportValueError, match=message):
        AnnualReport(**fields)  # type: ignore[arg-type]


def test_sections_accept_plain_strings() -> None:
    report = AnnualReport(
        organ="某局",
        year=2022,
        organ_kind="department",
        published=dt.date(2023, 1, 20),
        preamble=Preamble(
            ["本报告依据……编制。"],
            legal_basis=["《中华人民共和国政府信息公开条例》"],
            period=Period.calendar_year(2022),
            website=Website("某县人民政府门户网站", "http://example.gov.cn"),
            contact=Contact(office="某局办公室", phone="0000-1234567"),
        ),
        overview=Overview(
            intro="2022年，……",
            subsections=[Subsection("主动公开", ["一是……", Paragraph.from_markup("**二是**……")])],
        ),
        problems="一是……",
        other_matters=["无。"],
    )
    assert report.organ_kind is OrganKind.DEPARTMENT
    assert report.overview.intro == (Paragraph("2022年，……"),)
    assert report.overview.subsections[0].paragraphs[1].spans[0].bold
    assert report.problems == (Paragraph("一是……"),)
    assert report.preamble.period == Period(dt.date(2022, 1, 1), dt.date(2022, 12, 31))


def test_part_validators() -> None:
    with pytest.raises(ReportValueError, match="before it starts"):
        Period(dt.date(2022, 2, 1), dt.date(2022, 1, 1))
    with pytest.raises(ReportValueError, match="no other organs"):
        Scope(ScopeKind.OWN, ["A局"])
    with pytest.raises(ReportValueError, match="must name the organs"):
        Scope(ScopeKind.AGGREGATE)
    assert Scope.aggregate(["A局", "B局"]).kind is ScopeKind.AGGREGATE
    with pytest.raises(ReportValueError, match="not a single str"):
        Scope.aggregate("A局")
    with pytest.raises(ReportValueError):
        Subsection("")
    with pytest.raises(ReportValueError, match="Subsection items"):
        Overview(subsections=["（一）主动公开"])
    with pytest.raises(ReportValueError, match="name must be"):
        Website("")
    with pytest.raises(ReportValueError, match="phone must be"):
        Contact(phone="")


def test_blank_report() -> None:
    zero = AnnualReport.blank("某局", 2023)
    assert set(zero.applications.cells) == {0}
    empty = AnnualReport.blank("某局", 2023, fill=None, organ_kind="government")
    assert empty.organ_kind is OrganKind.GOVERNMENT
    assert all(str(cell) == "" for table in empty.tables for cell in table.cells)
    old = AnnualReport.blank("某局", 2023, edition=Edition.V2019)
    assert old.edition is Edition.V2019


def test_table_access_by_section() -> None:
    report = AnnualReport(organ="某局", year=2023)
    assert report.table(Section.APPLICATIONS) is report.applications
    assert report.table("reviews") is report.reviews
    assert report.table("主动公开政府信息情况") is report.proactive
    with pytest.raises(ReportValueError, match="has no table"):
        report.table(Section.OVERVIEW)


def test_fill_totals_holds_an_inconsistent_report_until_asked() -> None:
    report = AnnualReport(organ="某局", year=2023)
    apps = report.applications.with_row("new", {"natural_person": 2, "total": 9})
    wrong = attrs.evolve(report, applications=apps)
    assert wrong.applications["new", "total"] == 9
    fixed = fill_totals(wrong)
    assert fixed.applications["new", "total"] == 2
    assert fixed == wrong.with_totals()
    with pytest.raises(ReportValueError):
        fill_totals("report")  # type: ignore[arg-type]


def test_reports_compare_by_value_and_are_frozen() -> None:
    a = AnnualReport(organ="某局", year=2023, problems=["无。"])
    b = AnnualReport(organ="某局", year=2023, problems=[Paragraph("无。")])
    assert a == b
    assert hash(a) == hash(b)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.year = 2024  # type: ignore[misc]
