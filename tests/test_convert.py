"""The edition mapping and the conversion of a report to the other edition's layout."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    Applicant,
    ApplicationRow,
    Edition,
    Money,
    NotApplicable,
    ProactiveColumn,
    ProactiveRow,
    Section,
)
from govdisclosure.conversion import ConversionNote, ConversionResult, NoteKind, convert
from govdisclosure.editionmap import (
    CATCH_ALL,
    CellRef,
    LinkKind,
    edition_map,
    merge_cells,
    split_cell,
)
from tests.strategies import reports

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
A, R, P, C = Applicant, ApplicationRow, ProactiveRow, ProactiveColumn
PAIRS = [(Edition.V2019, Edition.V2021), (Edition.V2021, Edition.V2019)]


def seed() -> gd.AnnualReport:
    return gd.load(EXAMPLES / "zhongning-minzheng-2020.json")


def invented() -> gd.AnnualReport:
    return gd.load(EXAMPLES / "shiyan-ziranziyuan-2022.json")


def cell_of(note: ConversionNote) -> CellRef:
    assert note.cell is not None
    return note.cell


def keys(cell: CellRef) -> tuple[str, str, str]:
    return (cell.section.value, cell.row.value, cell.column.value)


# --- the mapping ----------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_every_cell_is_linked_once_or_unmatched_with_a_reason(
    source: Edition, target: Edition
) -> None:
    mapping = edition_map(source, target)
    read = [cell for link in mapping.links for cell in link.sources]
    filled = [cell for link in mapping.links for cell in link.targets]
    lost = [u.cell for u in mapping.unmatched_source]
    empty = [u.cell for u in mapping.unmatched_target]
    for edition, linked, unmatched in ((source, read, lost), (target, filled, empty)):
        every = {
            (section.value, spec.row.value, spec.column.value)
            for section in (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
            for spec in gd.layout(edition).table(section).cells
        }
        assert len(linked) == len(set(linked))
        assert {keys(c) for c in linked} | {keys(c) for c in unmatched} == every
        assert not {keys(c) for c in linked} & {keys(c) for c in unmatched}
    for each in (*mapping.unmatched_source, *mapping.unmatched_target):
        assert each.reason.text()
        assert "{" not in each.reason.text("en")


def test_table_two_maps_only_the_decision_counts() -> None:
    # 处理决定数量 (2019) and 本年处理决定数量 (2021) ask the same question; nothing else
    # of table 二 does (documents made ≠ issued, total published ≠ in force, items ≠ fees).
    same = [
        (link.sources[0].row, link.sources[0].column, link.targets[0].column)
        for link in edition_map(Edition.V2019, Edition.V2021).links
        if link.section is Section.PROACTIVE
    ]
    assert same == [
        (P.LICENSING, C.DECISIONS, C.DECISIONS),
        (P.PENALTY, C.DECISIONS, C.DECISIONS),
        (P.COERCION, C.DECISIONS, C.DECISIONS),
    ]
    assert gd.layout(Edition.V2021).proactive.column_node(C.DECISIONS).label == "本年处理决定数量"


def test_tables_three_and_four_are_the_same_but_for_other_handling() -> None:
    mapping = edition_map(Edition.V2019, Edition.V2021)
    for section in (Section.APPLICATIONS, Section.REVIEWS):
        links = [link for link in mapping.links if link.section is section]
        other = [link for link in links if link.kind is not LinkKind.SAME]
        if section is Section.REVIEWS:
            assert other == []
            assert len(links) == 15
            continue
        assert len(links) == 22 * 7 + 7
        assert {link.kind for link in other} == {LinkKind.SPLIT}
        for link in other:
            assert link.sources[0].row is R.OTHER_HANDLING
            rows = [cell.row for cell in link.targets]
            assert rows == [R.OTHER_NO_CORRECTION, R.OTHER_UNPAID_FEE, R.OTHER_MISC]
    back = edition_map(Edition.V2021, Edition.V2019)
    merged = [link for link in back.links if link.kind is LinkKind.MERGED]
    assert len(merged) == 7
    assert all(link.targets[0].row is R.OTHER_HANDLING for link in merged)
    assert CATCH_ALL[R.OTHER_HANDLING] is R.OTHER_MISC


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_linked_cells_hold_the_same_kind_of_value(source: Edition, target: Edition) -> None:
    for link in edition_map(source, target).links:
        kinds = {cell.table.cells[cell.position].kind for cell in (*link.sources, *link.targets)}
        assert len(kinds) == 1


def test_the_reasons_say_why_a_look_alike_column_is_not_the_same() -> None:
    lost = {
        keys(u.cell): u.reason for u in edition_map(Edition.V2019, Edition.V2021).unmatched_source
    }
    made = lost[("proactive", "rules", "made")].text()
    assert "本年制发件数" in made
    assert "口径不同" in made
    assert "现行有效件数" in lost[("proactive", "normative_documents", "total_published")].text()
    procurement = lost[("proactive", "centralized_procurement", "procurement_amount")]
    assert procurement.text() == "2021 年版格式表二没有第二十条第（九）项（政府集中采购）"
    assert procurement.text("en") == (
        "table 2 of the 2021 edition has no Article 20, item (9) (Centralized government "
        "procurement)"
    )
    services = lost[("proactive", "other_management_services", "decisions")]
    assert services.text() == "2021 年版格式表二没有“其他对外管理服务事项”一行"


def test_merge_and_split_undo_each_other() -> None:
    for whole in (0, 5, BLANK, NotApplicable("/")):
        parts, _exact = split_cell(whole, 3, 2)
        assert merge_cells(parts)[0] == whole
    assert merge_cells((1, 2, 3)) == (6, True)
    assert merge_cells((NotApplicable("/"), NotApplicable("-"))) == (NotApplicable("-"), False)


# --- converting -----------------------------------------------------------------------------


def test_the_seed_in_the_2021_layout_lists_every_figure_left_behind() -> None:
    result = convert(seed(), Edition.V2021)
    report = result.report
    assert report.edition is Edition.V2021
    assert report.year == 2020
    assert convert(report, "2019").report.applications == seed().applications
    dropped = {(cell_of(n).row.value, cell_of(n).column.value): n.values for n in result.dropped}
    assert dropped[("administrative_licensing", "change")] == (12,)
    assert dropped[("centralized_procurement", "procurement_amount")] == (Money("6165711", "元"),)
    # Every non-blank cell of the seed's table 二 that has no place is listed, no other.
    table = seed().proactive
    expected = {
        (spec.row.value, spec.column.value)
        for spec, cell in table.items()
        if cell is not BLANK
        and not (spec.column is C.DECISIONS and spec.row in (P.LICENSING, P.PENALTY, P.COERCION))
    }
    assert set(dropped) == expected
    assert result.adjusted == ()  # （六）其他处理 is 0: split into zeros, exactly
    assert report.applications[R.OTHER_NO_CORRECTION, A.TOTAL] == 0
    # The 2021 cells the 2019 edition does not ask for are blank, and listed.
    assert report.proactive[P.NORMATIVE_DOCUMENTS, C.IN_FORCE] is BLANK
    assert {keys(u.cell)[1:] for u in result.unfilled} >= {("normative_documents", "in_force")}
    assert report.proactive[P.LICENSING, C.DECISIONS] == 0


def test_prose_and_the_rest_carry_over_unchanged() -> None:
    report = seed()
    converted = convert(report, Edition.V2021).report
    for field in attrs.fields(gd.AnnualReport):
        if field.name not in ("edition", "proactive", "applications", "reviews"):
            assert getattr(converted, field.name) == getattr(report, field.name), field.name
    assert converted.reviews.cells == report.reviews.cells


def test_other_handling_goes_whole_into_other_with_a_note() -> None:
    report = seed()
    apps = report.applications.with_row(R.OTHER_HANDLING, {A.NATURAL_PERSON: 2, A.TOTAL: 2})
    result = convert(attrs.evolve(report, applications=apps), Edition.V2021)
    table = result.report.applications
    assert table[R.OTHER_MISC, A.NATURAL_PERSON] == 2
    assert table[R.OTHER_NO_CORRECTION, A.NATURAL_PERSON] is BLANK
    assert table[R.OTHER_UNPAID_FEE, A.TOTAL] is BLANK
    assert table[R.OTHER_NO_CORRECTION, A.COMMERCIAL] == 0  # 0 splits into zeros
    notes = result.adjusted
    assert [(n.kind, cell_of(n).column, n.values) for n in notes] == [
        (NoteKind.WHOLE, A.NATURAL_PERSON, (2,)),
        (NoteKind.WHOLE, A.TOTAL, (2,)),
    ]
    assert notes[0].message() == (
        "三、（六）其他处理·自然人（2）：2021 年版格式将“其他处理”分为 3 行，2019 年版不分："
        "全数计入“其他”，其余各行留空"
    )
    assert "{" not in notes[0].message("en")
    # Back in 2019: exactly the figures it had.
    assert convert(result.report, Edition.V2019).report.applications == apps


def test_the_2021_lines_add_up_into_other_handling() -> None:
    report = invented()
    result = convert(report, Edition.V2019)
    table = result.report.applications
    apps = report.applications
    for column in (A.NATURAL_PERSON, A.TOTAL):
        parts = [
            apps[row, column] for row in (R.OTHER_NO_CORRECTION, R.OTHER_UNPAID_FEE, R.OTHER_MISC)
        ]
        assert table[R.OTHER_HANDLING, column] == sum(parts)  # type: ignore[arg-type]
    # The split is lost: each figure of the lines is noted (as added), none dropped.
    summed = [n for n in result.notes if n.kind is NoteKind.SUMMED]
    assert {cell_of(n).column for n in summed} == {A.NATURAL_PERSON, A.TOTAL}
    assert all(
        cell_of(n).row in (R.OTHER_NO_CORRECTION, R.OTHER_UNPAID_FEE, R.OTHER_MISC) for n in summed
    )
    assert not [n for n in result.dropped if n.section is Section.APPLICATIONS]
    assert {(cell_of(n).row, cell_of(n).column) for n in result.dropped} == {
        (P.RULES, C.ISSUED),
        (P.RULES, C.REPEALED),
        (P.RULES, C.IN_FORCE),
        (P.NORMATIVE_DOCUMENTS, C.ISSUED),
        (P.NORMATIVE_DOCUMENTS, C.REPEALED),
        (P.NORMATIVE_DOCUMENTS, C.IN_FORCE),
        (P.FEES, C.FEE_AMOUNT),
    }


def test_a_blank_line_counts_for_nothing_and_says_so() -> None:
    report = invented()
    apps = report.applications.with_row(R.OTHER_UNPAID_FEE, {A.COMMERCIAL: None})
    apps = apps.with_row(R.OTHER_MISC, {A.COMMERCIAL: 4})
    result = convert(attrs.evolve(report, applications=apps), Edition.V2019)
    assert result.report.applications[R.OTHER_HANDLING, A.COMMERCIAL] == 4
    notes = [n for n in result.notes if n.cell is not None and cell_of(n).column is A.COMMERCIAL]
    assert [cell_of(n).row for n in notes] == [
        R.OTHER_NO_CORRECTION,
        R.OTHER_UNPAID_FEE,
        R.OTHER_MISC,
    ]
    assert all(n.kind is NoteKind.SUMMED and "空白或标记不计" in n.message() for n in notes)
    assert notes[1].values == (BLANK,)
    assert notes[1].message().startswith(notes[1].place() + "：")  # no figure shown


def test_extras_carry_over_where_they_fit_and_are_listed_where_not() -> None:
    report = seed()
    subtotal = gd.ExtraColumn("法人或其他组织小计", [0] * 22 + [3], after="other")
    apps = attrs.evolve(
        report.applications,
        extra_rows=(gd.ExtraRow("不予受理", (0, 1, 0, 0, 0, 0, 1), after="other_handling"),),
        extra_columns=(attrs.evolve(subtotal, cells=[0] * 20 + [5, 0, 0]),),
        annotations=((report.applications.layout.position(R.OTHER_HANDLING, A.TOTAL), "含撤回"),),
    )
    proactive = attrs.evolve(
        report.proactive,
        extra_rows=(gd.ExtraRow("其他主动公开文件", (1, 1, 1), after="normative_documents"),),
        annotations=(
            (report.proactive.layout.position(P.PROCUREMENT, C.PROCUREMENT_AMOUNT), "含追加"),
        ),
    )
    result = convert(attrs.evolve(report, applications=apps, proactive=proactive), Edition.V2021)
    table = result.report.applications
    assert table.extra_rows[0].after == "other_misc"
    (column,) = table.extra_columns
    assert len(column.cells) == 25
    assert column.cells[table.layout.row_plans.index(table.layout.row_plan(R.OTHER_MISC))] == 5
    assert table.annotation(R.OTHER_MISC, A.TOTAL) == "含撤回"
    assert result.report.proactive.extra_rows == ()
    extras = {(n.extra, n.values) for n in result.dropped if n.extra}
    assert ("其他主动公开文件", (1, 1, 1)) in extras
    assert ("含追加", ()) in extras
    assert [n.kind for n in result.adjusted if n.extra] == [NoteKind.WHOLE]  # the 小计's 5
    place = next(n for n in result.dropped if n.extra == "其他主动公开文件").place()
    assert place == "表二“其他主动公开文件”"


def test_a_report_in_the_edition_comes_back_as_it_is() -> None:
    report = seed()
    result = convert(report, "2019")
    assert result == ConversionResult(report, Edition.V2019, Edition.V2019)
    assert result.exact


def test_wrong_arguments_are_errors_of_the_library() -> None:
    with pytest.raises(gd.OptionError, match="edition must be"):
        convert(seed(), "2020")
    with pytest.raises(gd.ReportValueError, match="AnnualReport"):
        convert("a report", Edition.V2021)  # type: ignore[arg-type]


# --- properties -----------------------------------------------------------------------------


def _cell_notes(result: ConversionResult) -> set[tuple[str, str, str]]:
    return {keys(note.cell) for note in result.notes if note.cell is not None and not note.extra}


@settings(max_examples=60, deadline=None)
@given(reports(), st.data())
def test_there_and_back_loses_only_what_was_listed(
    report: gd.AnnualReport, data: st.DataObject
) -> None:
    other = Edition.V2021 if report.edition is Edition.V2019 else Edition.V2019
    there = convert(report, other)
    back = convert(there.report, report.edition).report
    listed = _cell_notes(there)
    for table, returned in zip(report.tables, back.tables, strict=True):
        for spec, cell in table.items():
            key = (table.section.value, spec.row.value, spec.column.value)
            if returned.cells[spec.position] != cell:
                assert key in listed, key
    # What is not in the tables carries over untouched.
    assert (
        attrs.evolve(
            back,
            edition=report.edition,
            proactive=report.proactive,
            applications=report.applications,
            reviews=report.reviews,
        )
        == report
    )


@settings(max_examples=60, deadline=None)
@given(reports())
def test_same_cells_keep_their_figures(report: gd.AnnualReport) -> None:
    other = Edition.V2021 if report.edition is Edition.V2019 else Edition.V2019
    converted = convert(report, other).report
    for link in edition_map(report.edition, other).links:
        if link.kind is LinkKind.SAME:
            source, target = link.sources[0], link.targets[0]
            before = report.table(source.section).cells[source.position]
            assert converted.table(target.section).cells[target.position] == before
