"""The bundled 2021-edition example: invented, consistent, and exercising most categories."""

from __future__ import annotations

from pathlib import Path

import govdisclosure as gd
from govdisclosure import Applicant, ApplicationRow, Edition, ReviewResult, is_number

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
INVENTED = EXAMPLES / "shiyan-ziranziyuan-2022.json"
R = ApplicationRow


def count(cell: gd.Cell) -> int:
    assert isinstance(cell, int), cell
    return cell


def test_invented_example_is_a_2021_edition_report_marked_as_invented() -> None:
    report = gd.load(INVENTED)
    assert report.edition is Edition.V2021
    assert report.edition.fits(report.year)
    assert "虚构" in report.preamble.paragraphs[0].text


def test_invented_example_adds_up() -> None:
    report = gd.load(INVENTED)
    assert gd.fill_totals(report) == report  # every 总计 (R2, R3, R5) already holds
    apps = report.applications
    for key in apps.column_keys:  # E1, column by column
        received = count(apps[R.NEW, key]) + count(apps[R.CARRIED_OVER, key])
        assert received == count(apps[R.TOTAL, key]) + count(apps[R.CARRIED_FORWARD, key]), key
    assert all(is_number(cell) for table in report.tables for cell in table.cells)


def test_invented_example_spreads_over_most_categories() -> None:
    report = gd.load(INVENTED)
    apps = report.applications
    stock = (R.NEW, R.CARRIED_OVER, R.TOTAL, R.CARRIED_FORWARD)
    outcomes = [row for row in apps.row_keys if row not in stock]
    used = [row for row in outcomes if apps[row, Applicant.TOTAL] != 0]
    assert len(used) >= len(outcomes) * 2 // 3
    applicants = [c for c in apps.column_keys if c is not Applicant.TOTAL]
    assert all(apps[R.NEW, c] != 0 for c in applicants)
    assert apps[R.CARRIED_OVER, Applicant.TOTAL] != 0
    assert apps[R.CARRIED_FORWARD, Applicant.TOTAL] != 0
    reviews = report.reviews
    assert all(reviews[case, ReviewResult.TOTAL] != 0 for case in reviews.row_keys)


def test_examples_are_canonical_json() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert gd.dumps(gd.loads(text)) == text, path.name
