"""Summaries (汇总): adding up reports cell by cell, and the rule for every case that is not a
plain sum — blanks, marks, units, signed changes, extras, totals — each with its note."""

from __future__ import annotations

from decimal import Decimal
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
    Edition,
    Money,
    NotApplicable,
    ReviewCase,
    ReviewResult,
    Scope,
    Section,
)
from govdisclosure.errors import AggregateError
from govdisclosure.rollup import (
    AggregateNoteKind,
    AggregateResult,
    BlankPolicy,
    Contribution,
    aggregate,
)
from tests.broken_reports import cells, invented, seed, subtotal_off

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
A, R = Applicant, ApplicationRow
REVIEW = (ReviewCase.REVIEW, ReviewResult.UPHELD)
FEE = ("administrative_fees", "fee_amount")
PROCUREMENT = ("centralized_procurement", "procurement_amount")
CHANGE = ("administrative_licensing", "change")


def renamed(report: AnnualReport, organ: str) -> AnnualReport:
    return attrs.evolve(report, organ=organ)


def three() -> tuple[AnnualReport, AnnualReport, AnnualReport]:
    """The invented report as three departments of one county."""
    base = invented()
    return (
        base,
        renamed(base, "示例县林业局"),
        renamed(base, "示例县水利局"),
    )


def kinds(result: AggregateResult) -> list[str]:
    return [note.kind.value for note in result.notes]


# --- the summary ----------------------------------------------------------------------------


def test_every_cell_is_the_sum_of_the_same_cell() -> None:
    parts = three()
    result = aggregate(parts, organ="示例县")
    for section in (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS):
        summed = result.report.table(section)
        for position, cell in enumerate(summed.cells):
            figures = [part.table(section).cells[position] for part in parts]
            if isinstance(cell, Money):
                assert cell == gd.cells.add_money(figures, cell.unit)  # type: ignore[arg-type]
            else:
                assert cell == sum(figures)  # type: ignore[arg-type]
    assert result.report.applications[R.TOTAL, A.TOTAL] == 3 * 53


def test_the_summary_is_of_the_parts_year_and_edition_and_lists_them() -> None:
    result = aggregate(three(), organ="示例县", organ_kind="government")
    report = result.report
    assert (report.year, report.edition) == (2022, Edition.V2021)
    assert report.scope == Scope.aggregate(["示例县自然资源局", "示例县林业局", "示例县水利局"])
    assert result.organs == report.scope.organs
    assert report.organ_kind is gd.OrganKind.GOVERNMENT
    assert report.title == "示例县2022年政府信息公开工作年度报告"
    assert report.custom_title is None


def test_a_summary_invents_no_prose() -> None:
    result = aggregate(three(), organ="示例县")
    report = result.report
    assert report.overview == gd.Overview()
    assert report.problems == ()
    assert report.other_matters == ()
    # The preamble states facts only: what was added up, and the period.
    (opening,) = report.preamble.paragraphs
    assert opening.text.startswith(f"本报告综合{'、'.join(report.scope.organs)}共3个机关（单位）")
    assert report.preamble.period == gd.Period.calendar_year(report.year)
    assert aggregate(three(), organ="示例县", preamble=gd.Preamble()).report.preamble == (
        gd.Preamble()
    )
    prose = result.notes_of("prose")
    assert [note.location.section for note in prose] == [
        Section.OVERVIEW,
        Section.PROBLEMS,
        Section.OTHER,
    ]
    # The checker says the sections are empty: nobody has written them yet.
    assert {f.location.section for f in gd.validate(report, select="S1")} == {
        Section.OVERVIEW,
        Section.PROBLEMS,
        Section.OTHER,
    }


def test_a_consistent_county_has_only_notes_on_prose() -> None:
    result = aggregate(three(), organ="示例县")
    assert kinds(result) == ["prose"] * 3
    assert result.consistent
    assert gd.validate(result.report, select="arithmetic").findings == ()


def test_a_title_of_ones_own_and_the_publication_date() -> None:
    import datetime as dt

    result = aggregate(
        three(), organ="示例县人民政府", title="示例县2022年政府信息公开工作年度报告",
        published=dt.date(2023, 3, 20),
    )  # fmt: skip
    assert result.report.title == "示例县2022年政府信息公开工作年度报告"
    assert result.report.organ == "示例县人民政府"
    assert result.report.published == dt.date(2023, 3, 20)


# --- blanks ---------------------------------------------------------------------------------


def blank_review() -> tuple[AnnualReport, AnnualReport, AnnualReport]:
    first, second, third = three()
    return first, cells(second, "reviews", (*REVIEW, None)), third


def test_by_default_a_blank_part_is_left_out_and_named() -> None:
    result = aggregate(blank_review(), organ="示例县")
    assert result.report.reviews[REVIEW] == 2 + 2  # the two that gave a figure
    (note,) = result.notes_of("blank")
    assert note.organs == ("示例县林业局",)
    assert note.location.json_path == "$.report.reviews.review.upheld"
    assert note.message_zh == (
        "四、行政复议·结果维持：示例县林业局 未填写，合计 4 仅为其余机关所填数字之和"
    )
    assert note.message_en == (
        "Table 4, Administrative reconsideration · Upheld: 示例县林业局 left it blank; "
        "the sum 4 adds up the other organs' figures only"
    )
    assert result.notes_at("reviews", *REVIEW) == (note,)


def test_blank_counted_as_zero_is_still_noted() -> None:
    result = aggregate(blank_review(), organ="示例县", blanks=BlankPolicy.ZERO)
    assert result.report.reviews[REVIEW] == 4
    (note,) = result.notes_of("blank")
    assert "按 0 计入合计 4" in note.message_zh
    assert aggregate(blank_review(), organ="示例县", blanks="zero").report == result.report


def test_blank_policy_blank_leaves_the_sum_blank() -> None:
    result = aggregate(blank_review(), organ="示例县", blanks="blank")
    assert result.report.reviews[REVIEW] is BLANK
    (note,) = result.notes_of("blank")
    assert note.message_zh == "四、行政复议·结果维持：示例县林业局 未填写，合计留空"


@pytest.mark.parametrize(
    ("policy", "expected"),
    [(BlankPolicy.SKIP, BLANK), (BlankPolicy.ZERO, 0), (BlankPolicy.BLANK, BLANK)],
)
def test_a_cell_every_part_left_blank(policy: BlankPolicy, expected: gd.Cell) -> None:
    parts = [cells(part, "reviews", (*REVIEW, None)) for part in three()]
    result = aggregate(parts, organ="示例县", blanks=policy)
    assert result.report.reviews[REVIEW] == expected
    (note,) = result.notes_of("blank")
    assert note.organs == tuple(part.organ for part in parts)


def test_blank_money_counted_as_zero_is_zero_in_the_columns_unit() -> None:
    first, second, third = three()
    parts = [cells(part, "proactive", (*FEE, None)) for part in (first, second, third)]
    result = aggregate(parts, organ="示例县", blanks="zero")
    assert result.report.proactive[FEE] == Money("0", "万元")


def test_blank_policies_have_ascii_values_and_official_labels() -> None:
    assert [(p.value, p.zh) for p in BlankPolicy] == [
        ("skip", "按已填数字合计"),
        ("zero", "空白按零计"),
        ("blank", "有空白则合计留空"),
    ]
    assert BlankPolicy.SKIP.en == "Sum of the figures given"


# --- marks ----------------------------------------------------------------------------------


def test_a_mark_is_left_out_of_the_sum_and_named() -> None:
    first, second, third = three()
    parts = (cells(first, "reviews", (*REVIEW, "/")), second, third)
    result = aggregate(parts, organ="示例县")
    assert result.report.reviews[REVIEW] == 4
    (note,) = result.notes_of("not_applicable")
    assert note.organs == ("示例县自然资源局",)
    assert "示例县自然资源局 “/”" in note.message_zh


def test_a_cell_every_part_marked_keeps_the_mark() -> None:
    same = [cells(part, "reviews", (*REVIEW, "无")) for part in three()]
    assert aggregate(same, organ="示例县").report.reviews[REVIEW] == NotApplicable("无")
    marks = ["无", "/", "—"]
    mixed = [cells(p, "reviews", (*REVIEW, m)) for p, m in zip(three(), marks, strict=True)]
    result = aggregate(mixed, organ="示例县")
    assert result.report.reviews[REVIEW] == NotApplicable("/")
    (note,) = result.notes_of("not_applicable")
    assert "合计填写“/”" in note.message_zh


def test_marks_and_blanks_without_a_figure_leave_the_sum_blank() -> None:
    first, second, third = three()
    parts = (
        cells(first, "reviews", (*REVIEW, "/")),
        cells(second, "reviews", (*REVIEW, None)),
        cells(third, "reviews", (*REVIEW, "/")),
    )
    result = aggregate(parts, organ="示例县")
    assert result.report.reviews[REVIEW] is BLANK
    assert sorted(kinds(result)) == ["blank", "not_applicable", "prose", "prose", "prose"]


# --- money ----------------------------------------------------------------------------------


def test_amounts_in_yuan_and_wan_yuan_add_up_exactly_in_the_editions_unit() -> None:
    first, second, third = three()
    parts = (
        cells(first, "proactive", (*FEE, Money("1.25", "万元"))),
        cells(second, "proactive", (*FEE, Money("3333", "元"))),  # E3 warns; kept as given
        cells(third, "proactive", (*FEE, Money("0.5", "亿元"))),
    )
    result = aggregate(parts, organ="示例县")
    total = result.report.proactive[FEE]
    assert total == Money("5001.5833", "万元")
    assert total.amount == Decimal("1.25") + Decimal("0.3333") + Decimal("5000")
    (note,) = result.notes_of("unit")
    assert note.organs == ("示例县林业局", "示例县水利局")
    assert "示例县林业局 3333 元、示例县水利局 0.5 亿元" in note.message_zh
    assert "10,000 yuan" in note.message_en


def test_procurement_in_2019_adds_up_in_yuan() -> None:
    base = seed()  # 采购总金额 6165711 元
    other = cells(
        renamed(base, "中宁县教育局"), "proactive", (*PROCUREMENT, Money("150.5", "万元"))
    )
    result = aggregate([base, other], organ="中宁县")
    assert result.report.proactive[PROCUREMENT] == Money("7670711", "元")
    (note,) = result.notes_of("unit")
    assert note.organs == ("中宁县教育局",)


def test_amounts_never_round_however_many_digits() -> None:
    first, second, _third = three()
    digits = "123456789012345678901234567890.123456789"
    parts = (
        cells(first, "proactive", (*FEE, Money(digits, "万元"))),
        cells(second, "proactive", (*FEE, Money("1", "元"))),
    )
    total = aggregate(parts, organ="示例县").report.proactive[FEE]
    assert isinstance(total, Money)
    assert str(total.amount) == "123456789012345678901234567890.123556789"


# --- signed changes and stocks ----------------------------------------------------------------


def test_signed_changes_add_up_to_a_net_change_with_a_note_when_they_offset() -> None:
    base = seed()
    school = cells(renamed(base, "中宁县教育局"), "proactive", (*CHANGE, -20))
    result = aggregate([base, school], organ="中宁县")
    assert result.report.proactive[CHANGE] == 12 - 20
    (note,) = result.notes_of("signed")
    assert note.location.json_path == "$.report.proactive.administrative_licensing.change"
    assert note.organs == ("中宁县民政局", "中宁县教育局")
    assert "增加：中宁县民政局 12；减少：中宁县教育局 -20" in note.message_zh
    # Changes one way only: a plain sum, no note.
    same = aggregate([base, renamed(base, "中宁县教育局")], organ="中宁县")
    assert same.report.proactive[CHANGE] == 24
    assert not same.notes_of("signed")


def test_stocks_add_up_across_organs() -> None:
    result = aggregate(three(), organ="示例县")
    in_force = ("normative_documents", "in_force")
    assert result.report.proactive[in_force] == 3 * invented().proactive[in_force]  # type: ignore[operator]
    carried = (R.CARRIED_FORWARD, A.TOTAL)
    assert result.report.applications[carried] == 3 * invented().applications[carried]  # type: ignore[operator]


# --- reports that cannot be added up --------------------------------------------------------


def test_reports_of_two_editions_are_refused_naming_the_odd_organs() -> None:
    first, second, _third = three()
    old = attrs.evolve(seed(), year=2022)  # the 2019 edition used for 2022
    with pytest.raises(AggregateError, match="different editions") as caught:
        aggregate([first, old, second], organ="示例县")
    assert caught.value.organs == ("中宁县民政局",)
    assert "in the 2019 edition: 中宁县民政局" in str(caught.value)
    assert isinstance(caught.value, gd.ReportValueError)


def test_reports_of_two_years_are_refused_naming_the_odd_organs() -> None:
    first, second, third = three()
    with pytest.raises(AggregateError, match="different years") as caught:
        aggregate([first, attrs.evolve(second, year=2023), third], organ="示例县")
    assert caught.value.organs == ("示例县林业局",)
    assert "on 2022: 示例县自然资源局, 示例县水利局; on 2023: 示例县林业局" in str(caught.value)


def test_a_year_asked_for_that_the_reports_are_not_on_is_refused() -> None:
    with pytest.raises(AggregateError, match="adds up reports on 2023 only") as caught:
        aggregate(three(), organ="示例县", year=2023)
    assert len(caught.value.organs) == 3
    assert aggregate(three(), organ="示例县", year=2022).report.year == 2022


def test_the_same_organ_twice_is_refused_after_whitespace_normalisation() -> None:
    first, second, _third = three()
    spaced = renamed(first, " 示例县\u3000自然资源局")
    with pytest.raises(AggregateError, match="more than once") as caught:
        aggregate([first, second, spaced], organ="示例县")
    assert caught.value.organs == ("示例县自然资源局", " 示例县\u3000自然资源局")
    assert "(reports 1, 3)" in str(caught.value)


@pytest.mark.parametrize(
    ("reports", "error", "message"),
    [
        ([], gd.ReportValueError, "at least one report"),
        (invented(), gd.ReportValueError, "list of AnnualReport"),
        ([invented(), "report"], gd.ReportValueError, "item 2"),
        (None, gd.ReportValueError, "list of AnnualReport"),
    ],
)
def test_what_is_not_a_list_of_reports_is_refused(
    reports: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        aggregate(reports, organ="示例县")


def test_a_scope_of_ones_own_is_kept_with_a_note_on_what_differs() -> None:
    scope = Scope.aggregate(["示例县自然资源局", "示例县林业局", "示例县教育局"])
    result = aggregate(three(), organ="示例县", scope=scope)
    assert result.report.scope == scope
    (note,) = result.notes_of("scope")
    assert note.organs == ("示例县水利局", "示例县教育局")
    assert note.message_zh == (
        "汇总范围 与所汇总的报告不一致：未列出 示例县水利局；列出但未汇总 示例县教育局"
    )
    with pytest.raises(gd.ReportValueError, match=r"Scope\.aggregate"):
        aggregate(three(), organ="示例县", scope=Scope.own())


# --- extras ---------------------------------------------------------------------------------


def with_extra_row(report: AnnualReport, label: str, cells: tuple[Any, ...]) -> AnnualReport:
    row = gd.ExtraRow(label, cells, after="not_processed_confirmation")
    return attrs.evolve(report, applications=attrs.evolve(report.applications, extra_rows=(row,)))


def test_an_extra_row_every_part_printed_is_summed_however_its_label_is_spelled() -> None:
    first, second, third = three()
    parts = (
        with_extra_row(first, "(六) 其他处理", (1, 0, 0, 0, 0, 0, 1)),
        with_extra_row(second, "（六）其他处理", (2, 0, 0, 0, 0, 1, 3)),
        with_extra_row(third, "（六）其他 处理", (0, 0, 0, 0, 0, 0, 0)),
    )
    result = aggregate(parts, organ="示例县")
    (row,) = result.report.applications.extra_rows
    assert (row.label, row.after, row.cells) == (
        "(六) 其他处理",
        "not_processed_confirmation",
        (3, 0, 0, 0, 0, 1, 4),
    )
    (note,) = result.notes_of("extra")
    assert "各下级报告均有列出，已逐格合计" in note.message_zh
    assert note.location.json_path == "$.report.applications._extra_rows[0].cells[0]"


def test_an_extra_row_only_some_parts_printed_is_named_not_summed() -> None:
    first, second, third = three()
    parts = (first, with_extra_row(second, "不予受理", (0, 1, 0, 0, 0, 0, 1)), third)
    result = aggregate(parts, organ="示例县")
    assert result.report.applications.extra_rows == ()
    (note,) = result.notes_of("extra")
    assert note.organs == ("示例县林业局",)
    assert note.message_zh == (
        "三、收到和处理政府信息公开申请情况：仅 示例县林业局 列有表格格式以外的行“不予受理”，"
        "未计入汇总"
    )


def test_a_subtotal_column_every_part_printed_is_summed_and_still_adds_up() -> None:

    parts = [subtotal_off(part) for part in three()]  # each one off in row 1, blank in row 2
    result = aggregate(parts, organ="示例县")
    (column,) = result.report.applications.extra_columns
    assert column.label == "法人或其他组织小计"
    first = parts[0].applications.extra_columns[0].cells
    assert column.cells[0] == 3 * first[0]  # type: ignore[operator]
    assert column.cells[1] is BLANK  # blank in every part: nothing to add
    assert column.cells[2:] == tuple(3 * c for c in first[2:])  # type: ignore[operator]
    r4 = gd.validate(result.report, select="R4")
    assert [f.location.json_path for f in r4.findings] == [
        "$.report.applications._extra_columns[0].cells[0]"
    ]
    assert r4.findings[0].difference == 3  # each part one off


def test_an_extra_cell_mixing_counts_and_amounts_is_left_blank() -> None:
    first, second, third = three()
    parts = (
        with_extra_row(first, "其他", (1, 0, 0, 0, 0, 0, 1)),
        with_extra_row(second, "其他", (Money("2", "元"), 0, 0, 0, 0, 0, 1)),
        with_extra_row(third, "其他", (Money("3", "万元"), 0, 0, 0, 0, 0, 1)),
    )
    result = aggregate(parts, organ="示例县")
    cells = result.report.applications.extra_rows[0].cells
    assert cells[0] is BLANK
    assert cells[6] == 3
    messages = [note.message_zh for note in result.notes_of("extra")]
    assert any("既有件数又有金额，无法合计" in message for message in messages)


def test_extra_amounts_add_up_in_the_unit_of_the_first() -> None:
    first, second, _third = three()
    parts = (
        with_extra_row(first, "其他", (Money("2", "万元"), 0, 0, 0, 0, 0, 1)),
        with_extra_row(second, "其他", (Money("5000", "元"), 0, 0, 0, 0, 0, 1)),
    )
    result = aggregate(parts, organ="示例县")
    assert result.report.applications.extra_rows[0].cells[0] == Money("2.5000", "万元")
    assert result.notes_of("unit")


# --- totals ---------------------------------------------------------------------------------


def test_totals_are_the_parts_printed_totals_and_an_inconsistency_is_named() -> None:
    first, second, third = three()
    # The forestry bureau's 总计 of 予以公开 is one too many: it does not add up itself.
    broken = cells(second, "applications", (R.DISCLOSED, A.TOTAL, 24))
    result = aggregate((first, broken, third), organ="示例县")
    summed = result.report.applications
    assert summed[R.DISCLOSED, A.TOTAL] == 23 + 24 + 23  # not recomputed from the details
    assert not result.consistent
    # Two totals count it: the row's (R3) and, through it, the column's (R2).
    row, column = result.notes_of("totals")
    assert row.organs == column.organs == ("示例县林业局",)
    assert row.location.json_path == "$.report.applications.disclosed.total"
    assert column.location.json_path == "$.report.applications.total.total"
    assert row.message_zh == (
        "三、（一）予以公开·总计：合计 70，而合计后的各项之和为 69（相差 +1）；"
        "下级报告本身不符：示例县林业局 +1"
    )
    # ... and the checker finds the same in the summary.
    found = gd.validate(result.report, select=["R2", "R3"]).findings
    assert {f.location for f in found} == {row.location, column.location}


def test_a_part_that_does_not_balance_makes_the_summary_unbalanced() -> None:
    first, second, third = three()
    broken = cells(third, "applications", (R.CARRIED_FORWARD, A.NATURAL_PERSON, 9))
    broken = gd.fill_totals(broken)  # its totals add up; its balance (E1) does not
    result = aggregate((first, second, broken), organ="示例县")
    notes = result.notes_of("totals")
    assert [n.location.json_path for n in notes] == [
        "$.report.applications.carried_forward.natural_person",
        "$.report.applications.carried_forward.total",
    ]
    assert all(note.organs == ("示例县水利局",) for note in notes)
    assert "下级报告本身不平衡：示例县水利局 -5" in notes[0].message_zh
    e1 = gd.validate(result.report, select="E1").findings
    assert [f.location for f in e1] == [n.location for n in notes]


def test_a_part_with_a_blank_detail_is_named_where_the_totals_disagree() -> None:
    first, second, third = three()
    gap = cells(second, "applications", (R.DISCLOSED, A.NATURAL_PERSON, None))
    result = aggregate((first, gap, third), organ="示例县")
    notes = {n.location.json_path: n for n in result.notes_of("totals")}
    note = notes["$.report.applications.disclosed.total"]
    assert "示例县林业局 空白" in note.message_zh


# --- provenance -----------------------------------------------------------------------------


def test_every_summed_cell_says_what_each_organ_gave() -> None:
    first, second, third = three()
    parts = (
        cells(first, "proactive", (*FEE, Money("2000", "元"))),
        cells(second, "proactive", (*FEE, None)),
        third,
    )
    result = aggregate(parts, organ="示例县")
    fee = result.provenance("proactive", "行政事业性收费", "本年收费金额")
    assert fee.location.json_path == "$.report.proactive.administrative_fees.fee_amount"
    assert fee.value == Money("1.4500", "万元")
    assert fee.contributions == (
        Contribution("示例县自然资源局", Money("2000", "元"), Money("0.2000", "万元")),
        Contribution("示例县林业局", BLANK, None),
        Contribution("示例县水利局", Money("1.25", "万元"), Money("1.25", "万元")),
    )
    assert fee.blank == fee.left_out == ("示例县林业局",)
    zero = aggregate(parts, organ="示例县", blanks="zero")
    assert zero.provenance(Section.PROACTIVE, *FEE).contributions[1].counted == Money(0, "万元")


def test_provenance_of_a_cell_the_edition_does_not_have_is_an_error() -> None:
    result = aggregate(three(), organ="示例县")
    with pytest.raises(gd.UnknownLabelError):
        result.provenance("proactive", "政府集中采购", "采购总金额")  # 2019 only


def test_notes_read_in_both_languages_without_placeholders_left() -> None:
    first, second, third = three()
    parts = (
        cells(cells(first, "reviews", (*REVIEW, None)), "proactive", (*FEE, Money(1, "元"))),
        cells(cells(second, "reviews", (*REVIEW, "/")), "applications", (R.NEW, A.TOTAL, 0)),
        with_extra_row(third, "不予受理", (0,) * 7),
    )
    result = aggregate(parts, organ="示例县", scope=Scope.aggregate(["示例县"]))
    assert {note.kind for note in result.notes} >= {
        AggregateNoteKind.BLANK,
        AggregateNoteKind.NOT_APPLICABLE,
        AggregateNoteKind.UNIT,
        AggregateNoteKind.TOTALS,
        AggregateNoteKind.EXTRA,
        AggregateNoteKind.SCOPE,
        AggregateNoteKind.PROSE,
    }
    for note in result.notes:
        for message in (note.message_zh, note.message_en):
            assert "{" not in message, message
        assert note.message_zh != note.message_en
        assert str(note).startswith(f"[{note.kind.value}] ")


def test_the_result_is_frozen() -> None:
    result = aggregate(three(), organ="示例县")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.report = invented()  # type: ignore[misc]


def test_a_sum_too_large_for_a_count_is_refused_naming_the_cell() -> None:
    big = gd.cells.COUNT_LIMIT - 1
    parts = [cells(part, "reviews", (*REVIEW, big)) for part in three()[:2]]
    with pytest.raises(gd.CellValueError, match="row 'review'") as caught:
        aggregate(parts, organ="示例县")
    assert (caught.value.table, caught.value.column) == ("四", "upheld")
