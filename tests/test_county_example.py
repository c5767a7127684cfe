"""The bundled county (examples/county): three invented departments that add up and the
county's summary of them, which the how-to on summaries walks through."""

from __future__ import annotations

from pathlib import Path

import govdisclosure as gd
from govdisclosure import BLANK, Money, MoneyUnit
from govdisclosure.rollup import aggregate

COUNTY = Path(__file__).resolve().parent.parent / "examples" / "county"
PARTS = ("jiaoyu-2020.json", "minzheng-2020.json", "weijian-2020.json")


def parts() -> list[gd.AnnualReport]:
    return [gd.load(COUNTY / name) for name in PARTS]


def test_the_departments_are_valid_and_add_up() -> None:
    for report in parts():
        assert "虚构" in report.preamble.paragraphs[0].text
        assert gd.fill_totals(report) == report
        result = gd.validate(report)
        assert result.is_valid
        assert not result.warnings
        assert not gd.validate(report, select="arithmetic").findings


def test_the_departments_show_a_blank_table_and_two_units() -> None:
    education, civil, health = parts()
    assert civil.reviews.row("行政复议") == dict.fromkeys(civil.reviews.row("行政复议"), BLANK)
    amounts = [r.proactive["政府集中采购", "采购总金额"] for r in (education, civil, health)]
    assert [a.unit for a in amounts if isinstance(a, Money)] == [
        MoneyUnit.YUAN,
        MoneyUnit.YUAN,
        MoneyUnit.TEN_THOUSAND_YUAN,
    ]


def test_the_summary_is_the_aggregate_of_the_departments_with_prose_of_its_own() -> None:
    summary = gd.load(COUNTY / "summary-2020.json")
    built = aggregate(parts(), organ="示例县", organ_kind="government").report
    assert summary.tables == built.tables
    assert summary.scope == built.scope
    assert summary.title == "示例县2020年政府信息公开工作年度报告"
    assert summary.overview.intro  # written by the county, not added up
    assert gd.validate(summary).is_valid
    assert summary.organ_kind is gd.OrganKind.GOVERNMENT
    assert summary.published is not None
    assert summary.published.month == 3  # a government publishes by 31 March


def test_the_summary_passes_against_its_parts_where_they_can_be_checked() -> None:
    summary = gd.load(COUNTY / "summary-2020.json")
    result = gd.validate(summary, parts=parts(), select="hierarchy")
    assert result.findings == ()
    assert [u.location.json_path for u in result.unchecked] == [
        f"$.report.reviews.review.{column}"
        for column in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert all("示例县民政局 空白" in u.message_zh for u in result.unchecked)


def test_the_county_files_are_canonical_json() -> None:
    for path in sorted(COUNTY.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert gd.dumps(gd.loads(text)) == text, path.name
