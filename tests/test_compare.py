"""Last year's report beside this year's: the comparison, its renderings and its rows."""

from __future__ import annotations

import io
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure import BLANK, Applicant, ApplicationRow, Edition, Money, NotApplicable
from govdisclosure.comparison import Comparison, ComparisonRow, RowStatus, compare, difference
from govdisclosure.comparison.render import comparison_table, relative_text
from govdisclosure.comparison.sheet import COMPARISON_COLUMNS, comparison_rows, write_comparison
from govdisclosure.conversion import convert
from govdisclosure.textwidth import display_width
from tests.strategies import reports

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
A, R = Applicant, ApplicationRow
SHARED = (RowStatus.CHANGED, RowStatus.UNCHANGED, RowStatus.NOT_COMPARABLE)


def seed() -> gd.AnnualReport:
    return gd.load(EXAMPLES / "zhongning-minzheng-2020.json")


def invented() -> gd.AnnualReport:
    return gd.load(EXAMPLES / "shiyan-ziranziyuan-2022.json")


def last_year(**cells: object) -> gd.AnnualReport:
    """The invented report as last year's, with table 三's 总计 of some rows changed."""
    this = invented()
    apps = this.applications.with_rows({row: {A.TOTAL: value} for row, value in cells.items()})
    return attrs.evolve(this, year=2021, applications=apps)


def row_of(comparison: Comparison, path: str) -> ComparisonRow:
    (found,) = [
        row
        for row in comparison.rows
        if f"{row.cell.section.value}.{row.cell.row.value}.{row.cell.column.value}" == path
    ]
    return found


# --- the figures ----------------------------------------------------------------------------


def test_a_change_is_exact_with_its_relative_change() -> None:
    comparison = compare(last_year(new=40, carried_over=0, carried_forward=BLANK), invented())
    new = row_of(comparison, "applications.new.total")
    assert (new.previous, new.current, new.change, new.relative) == (40, 54, 14, Fraction(7, 20))
    assert new.status is RowStatus.CHANGED
    # From zero: a change, no relative change (never a division error).
    carried = row_of(comparison, "applications.carried_over.total")
    assert (carried.change, carried.relative, carried.status) == (5, None, RowStatus.CHANGED)
    # A blank side: not comparable, nothing computed.
    forward = row_of(comparison, "applications.carried_forward.total")
    assert (forward.change, forward.relative) == (None, None)
    assert forward.status is RowStatus.NOT_COMPARABLE


def test_marks_and_blanks_are_never_numbers() -> None:
    assert difference(NotApplicable("/"), 3) is None
    assert difference(3, BLANK) is None
    assert difference(Money("1", "元"), 1) is None  # an amount against a count
    same = compare(last_year(new=NotApplicable("/")), attrs.evolve(invented()))
    row = row_of(same, "applications.new.total")
    assert row.status is RowStatus.NOT_COMPARABLE
    assert row.previous == NotApplicable("/")


def test_amounts_in_other_units_are_compared_exactly() -> None:
    assert difference(Money("6165711", "元"), Money("620", "万元")) == Decimal("3.4289")
    assert difference(Money("1.5", "亿元"), Money("15000", "万元")) == 0
    this = invented()
    fees = this.proactive.with_cell(
        "行政事业性收费", "本年收费金额（单位：万元）", Money("10000", "元")
    )
    comparison = compare(attrs.evolve(this, year=2021, proactive=fees), this)
    row = row_of(comparison, "proactive.administrative_fees.fee_amount")
    assert (row.change, row.relative, row.unit) == (
        Decimal("0.25"),
        Fraction(1, 4),
        gd.MoneyUnit.TEN_THOUSAND_YUAN,
    )


def test_rows_are_sorted_by_the_size_of_the_change() -> None:
    comparison = compare(last_year(new=50, disclosed=0, carried_over=1, total=BLANK), invented())
    changed = comparison.changed
    # From zero first (23 予以公开), then the largest relative change (5 against 1: +400%),
    # then the smaller (54 against 50: +8%).
    assert [row.cell.row.value for row in changed[:3]] == ["disclosed", "carried_over", "new"]
    statuses = [row.status for row in comparison.rows]
    assert statuses == sorted(statuses, key=[*RowStatus].index)


def test_across_editions_the_rows_of_one_edition_are_listed_as_such() -> None:
    last = attrs.evolve(seed(), year=2021, organ=invented().organ)
    comparison = compare(last, invented())
    assert len(comparison.of(RowStatus.PREVIOUS_ONLY)) == 19  # table 二 of 2019 alone
    only_now = comparison.of(RowStatus.CURRENT_ONLY)
    assert len(only_now) == 7 + 21  # table 二 of 2021 alone, and the lines of （六）
    procurement = row_of(comparison, "proactive.centralized_procurement.procurement_amount")
    assert (procurement.previous, procurement.current) == (Money("6165711", "元"), None)
    # （六）其他处理 is compared as 2019 asks it: the 2021 lines added up.
    other = row_of(comparison, "applications.other_handling.total")
    assert (other.previous, other.current, other.change) == (0, 2, 2)
    assert other.note is not None
    assert other.note.text() == "2021 年版格式分为 3 行，此处为各行之和"
    assert row_of(comparison, "applications.new.natural_person").current == 38


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(reports())
def test_a_report_against_itself_has_no_change(report: gd.AnnualReport) -> None:
    comparison = compare(report, report)
    assert {row.status for row in comparison.rows} <= {RowStatus.UNCHANGED}
    assert len(comparison.rows) == sum(len(table.cells) for table in report.tables)


@settings(max_examples=60, deadline=None)
@given(reports())
def test_a_report_against_its_converted_copy_has_no_change(report: gd.AnnualReport) -> None:
    other = Edition.V2021 if report.edition is Edition.V2019 else Edition.V2019
    converted = convert(report, other).report
    for comparison in (compare(report, converted), compare(converted, report)):
        assert {row.status for row in comparison.shared} <= {RowStatus.UNCHANGED}
        assert comparison.shared


# --- renderings -----------------------------------------------------------------------------


def test_the_text_table_aligns_its_figures_by_display_width() -> None:
    text = compare(last_year(new=40, disclosed=0), invented()).to_text(changes_only=True)
    lines = text.splitlines()
    assert lines[0] == "示例县自然资源局：2021 年与 2022 年报告数字比较"
    rows = lines[1:-1]
    # Every line of the table ends its figures at the same display column.
    ends = {display_width(re.split(r"\s{2,}", line.rstrip())[-1]) for line in rows}
    widths = {display_width(line, east_asian=True) for line in rows}
    assert len(widths) == 1
    assert ends
    assert lines[-1].startswith("变化 2 项")


def test_the_chinese_text_table_counts_ambiguous_width_characters_as_wide() -> None:
    # “三安全一稳定” has East-Asian-ambiguous quotes: a CJK monospaced font shows them wide.
    stable = R.WITHHELD_SECURITY
    comparison = compare(last_year(**{stable.value: 9}), invented())
    rows = comparison.to_text(changes_only=True).splitlines()[1:-1]
    assert any("“" in line for line in rows)

    def columns(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)

    figures = [line for line in rows if re.search(r"\d%$", line)]  # not a wrapped place
    assert len(figures) == 1
    assert columns(figures[0]) == columns(rows[0])  # the figures end under the header's
    # A line never opens with closing punctuation: the quote stays with what it closes.
    assert not any(line.lstrip().startswith("”") for line in rows)


def test_the_english_table_says_n_a_and_blank() -> None:
    comparison = compare(last_year(new=BLANK), invented())
    table = comparison_table(comparison, "en", changes_only=False)
    assert table.header[:3] == ("Item", "2021", "2022")
    new = next(
        row
        for row in table.rows
        if row[0] == "Table 3, New applications received this year · Total"
    )
    assert new[1:] == ("(blank)", "54", "n/a", "n/a")
    assert relative_text(Fraction(-1, 3), "en") == "-33.3%"


def test_markdown_and_html_escape_the_report_text() -> None:
    this = attrs.evolve(invented(), organ="示例<县>|局")
    comparison = compare(attrs.evolve(last_year(new=40), organ=this.organ), this)
    markdown = comparison.to_markdown(changes_only=True)
    assert markdown.startswith("## 示例\\<县\\>\\|局：2021 年与 2022 年报告数字比较")
    assert "| ---" in markdown
    assert "| 三、本年新收政府信息公开申请数量·总计 | 40 | 54 | \\+14 | \\+35.0% |" in markdown
    html = comparison.to_html(changes_only=True)
    assert "示例&lt;县&gt;|局" in html
    assert "<县>" not in html
    assert '<td class="number">+14</td>' in html


def test_a_partial_sum_is_marked() -> None:
    last = attrs.evolve(seed(), year=2021, organ=invented().organ)
    this = invented()
    apps = this.applications.with_row(R.OTHER_UNPAID_FEE, {A.TOTAL: None})
    comparison = compare(last, attrs.evolve(this, applications=apps))
    row = row_of(comparison, "applications.other_handling.total")
    assert row.partial_current
    assert not row.partial_previous
    (shown,) = [r for r in comparison_table(comparison).rows if r[0] == row.name()]
    assert shown[2] == "2*"
    assert "未计入" in shown[5]


# --- rows for a spreadsheet -----------------------------------------------------------------


def test_the_rows_follow_the_comparison() -> None:
    comparison = compare(last_year(new=40), invented())
    rows = list(comparison_rows(comparison))
    assert len(rows) == len(comparison.rows)
    first = dict(zip((c.key for c in COMPARISON_COLUMNS), rows[0], strict=True))
    assert first["status"] == "changed"
    assert first["row"] == "new"
    assert first["column"] == "total"
    assert (first["previous_value"], first["current_value"], first["change"]) == (40, 54, 14)
    assert first["relative"] == Decimal("0.350000")
    assert first["place_en"] == "Table 3, New applications received this year · Total"


def test_the_rows_write_as_csv_and_excel() -> None:
    comparison = compare(last_year(new=40), invented())
    out = io.BytesIO()
    assert write_comparison(comparison, out, fmt="csv") == len(comparison.rows)
    lines = out.getvalue().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("organ,previous_year,current_year")
    assert lines[1].startswith(
        "示例县自然资源局,2021,2022,2021,2021,changed,applications,三,new,total"
    )
    pytest.importorskip("openpyxl")
    book = io.BytesIO()
    write_comparison(comparison, book, fmt="xlsx")
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(book.getvalue())).active
    assert sheet.title == "比较"
    assert [cell.value for cell in sheet[1]][:3] == ["机关", "上年年度", "本年年度"]
    assert sheet.max_row == len(comparison.rows) + 1
    again = io.BytesIO()
    write_comparison(comparison, again, fmt="xlsx")
    assert again.getvalue() == book.getvalue()  # the same bytes every time
    with pytest.raises(gd.OptionError):
        write_comparison(comparison, io.BytesIO())
