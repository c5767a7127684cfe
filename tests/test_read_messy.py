"""Reading reports as converted documents and copied pages print them: every figure lands
in the cell where the document prints it, or a note says the reader could not place it
(or placed it by a guess) — never a silently shifted number.

The fixtures under ``tests/fixtures/messy/`` are invented reports (``2019.json``,
``2021.json``: consistent figures, no real organ), printed the way real documents print
their tables (see :mod:`tests.messy`), some lines edited by hand to the shapes real
documents take. Each test holds every cell against the report printed, and the notes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import govdisclosure as gd
from govdisclosure import Section
from govdisclosure.cells import BLANK, NotApplicable
from govdisclosure.readers.result import NoteKind, ReadResult
from tests.messy import GLYPHS, Distortion, messy_text, silent_shifts
from tests.readable import annotation_texts, readable_reports
from tests.strategies import reports

MESSY = Path(__file__).resolve().parent / "fixtures" / "messy"
TABLES = ("proactive", "applications", "reviews")


def _read(name: str) -> ReadResult:
    return gd.read(MESSY / name)


def _expected(name: str) -> gd.AnnualReport:
    """The report a fixture prints: the JSON beside it, or the edition's base report."""
    own = MESSY / f"{Path(name).stem}.json"
    return gd.load(own if own.exists() else MESSY / f"{name.rsplit('-', maxsplit=1)[-1][:4]}.json")


def _kinds(result: ReadResult) -> set[str]:
    return {note.kind for note in result.notes}


def _assert_exact(name: str) -> ReadResult:
    """Every cell, annotation, extra row and column of the three tables as printed; no
    figure doubted; the checker finds no error."""
    result = _read(name)
    expected = _expected(name)
    for table in TABLES:
        assert getattr(result.report, table) == getattr(expected, table), table
    assert not result.notes_of(NoteKind.UNPLACED)
    assert not result.notes_of(NoteKind.MISSING)
    assert not gd.validate(result).errors
    return result


# --- 1. pipe tables with an empty cell at an edge of every row ------------------------------


@pytest.mark.parametrize("name", ["pipes-edge-end-2021.txt", "pipes-edge-start-2019.md"])
def test_an_empty_edge_cell_on_every_row_is_no_column(name: str) -> None:
    text = (MESSY / name).read_text("utf-8")
    # The fixture prints the edge: "| 1.属于国家秘密 | … |  |" (or "|  | 1.属于国家秘密 |").
    rows = [line for line in text.splitlines() if line.startswith("|") and "-" not in line]
    assert rows
    assert all(
        line.endswith("|  |" if "end" in name else "|  | ") or line.startswith("|  | ")
        for line in rows
    )
    result = _assert_exact(name)
    assert not result.report.applications.extra_columns  # no invented 小计 column
    assert not result.notes_of(NoteKind.GUESSED)


# --- 2. placeholder glyphs for empty cells ---------------------------------------------------


def test_placeholder_glyphs_are_cells_never_part_of_the_label() -> None:
    text = (MESSY / "glyphs-2019.txt").read_text("utf-8")
    assert "| 二 | 1 | 3 | 1 | · | 3 | 1 | 9 |" in text  # the shape of the row
    result = _assert_exact("glyphs-2019.txt")
    marks = {c.mark for c in result.report.applications.cells if isinstance(c, NotApplicable)}
    assert marks == set(GLYPHS)
    # A label of its numbering alone ("一 | 647 | …") is matched by it, and said.
    numbered = [n for n in result.notes_of(NoteKind.LABEL) if "numbering alone" in n.action]
    assert [n.location for n in numbered] == [
        "$.report.applications.new",
        "$.report.applications.carried_over",
    ]


@pytest.mark.parametrize("glyph", GLYPHS)
def test_a_glyph_in_text_split_at_spaces_keeps_the_figures_in_their_columns(glyph: str) -> None:
    """ "一 412 17 · · 3 1 433": seven cells, the glyphs two of them."""
    base = _expected("2019")
    lines = messy_text(base, Distortion(spaces=True)).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    lines[at] = f"一、本年新收政府信息公开申请数量 412 17 {glyph} {glyph} 3 1 433"
    table = gd.read("\n".join(lines), "text").report.applications
    row = table.row("new")
    assert list(row.values()) == [412, 17, NotApplicable(glyph), NotApplicable(glyph), 3, 1, 433]


# --- 3. labels printed apart from their figures -------------------------------------------------


def test_labels_printed_before_their_rows_are_paired_by_order_as_a_guess() -> None:
    result = _read("labels-apart-2021.txt")
    expected = _expected("2021")
    for table in TABLES:
        assert getattr(result.report, table).cells == getattr(expected, table).cells, table
    guesses = result.notes_of(NoteKind.GUESSED)
    # Every block of table 二 of two rows printed its labels apart from its figures: each
    # pairing is a guess, said (a block of one row prints its label over its figures).
    layout = result.report.proactive.layout
    paired = [node for block in layout.blocks if len(block.rows) > 1 for node in block.rows]
    assert {n.location for n in guesses if ".proactive." in n.location} == {
        f"$.report.proactive.{layout.row_plan(node.key).name}" for node in paired
    }
    assert all("printed apart from its figures" in n.action for n in guesses)
    assert {s for s, _ in result.guessed} == {Section.PROACTIVE, Section.APPLICATIONS}
    assert not gd.validate(result).errors


def test_a_finding_on_a_guessed_cell_says_so_in_both_languages_and_as_data() -> None:
    text = (MESSY / "labels-apart-2021.txt").read_text("utf-8")
    expected = _expected("2021")
    table = expected.applications
    disclosed = [int(str(v)) for v in table.row("disclosed").values()]
    # Change the natural persons' figure of （一）予以公开 (its row printed apart from its
    # label): the row's 总计 no longer adds up.
    printed = "| " + " | ".join(str(v) for v in disclosed) + " |"
    assert text.count(printed) == 1
    changed = printed.replace(f"| {disclosed[0]} |", f"| {disclosed[0] + 1000} |", 1)
    result = gd.read(text.replace(printed, changed), "text")
    finding = next(f for f in gd.validate(result) if f.rule == "R3")
    assert "推测" in finding.message_zh
    assert "by a guess" in finding.message_en
    data = finding.to_dict()
    assert "$.report.applications.disclosed.natural_person" in data["guessed"]
    # Without the reader's result the report alone knows of no guess.
    plain = next(f for f in gd.validate(result.report) if f.rule == "R3")
    assert not plain.guessed
    assert "推测" not in plain.message_zh


def test_labels_and_rows_that_do_not_pair_are_not_placed() -> None:
    lines = messy_text(_expected("2021"), Distortion(labels_apart=True)).splitlines()
    # Drop the figures of 规章: two labels of block （一）, one row of figures.
    at = next(i for i, line in enumerate(lines) if line == "行政规范性文件")
    del lines[at + 1]
    result = gd.read("\n".join(lines), "text", partial=True)
    proactive = result.report.proactive
    assert set(proactive.row("rules").values()) == {BLANK}
    assert set(proactive.row("normative_documents").values()) == {BLANK}
    unplaced = [n for n in result.notes_of(NoteKind.UNPLACED) if "apart" in n.action]
    assert len(unplaced) == 1
    assert "nothing tells which are whose" in unplaced[0].action


def test_an_unlabelled_row_between_labelled_ones_is_a_guess() -> None:
    expected = _expected("2021")
    text = messy_text(expected, Distortion())
    row = expected.applications.row("partially_disclosed")
    label = "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） |"
    assert text.count(label) == 1
    result = gd.read(text.replace(label, "|  |"), "text")
    assert result.report.applications.row("partially_disclosed") == row
    [guess] = [n for n in result.notes_of(NoteKind.GUESSED) if "partially" in n.location]
    assert "without a label" in guess.action
    layout = result.report.applications.layout
    plan = layout.row_plan_named("partially_disclosed")
    assert {p for s, p in result.guessed} == set(range(plan.start, plan.stop))


# --- 4. and 5. one table per row under generic headers, one figure per line ----------------


def test_rows_as_small_tables_under_generic_headers() -> None:
    text = (MESSY / "generic-headers-2019.md").read_text("utf-8")
    rows = sum(len(t.layout.row_plans) for t in _expected("2019").tables[:2])
    assert text.count("| 类别 | 数据1 |") == rows  # a header over every row of 二 and 三
    result = _assert_exact("generic-headers-2019.md")
    notes = [n for n in result.notes_of(NoteKind.LAYOUT) if "name no column" in n.action]
    assert [n.location for n in notes] == ["$.report.proactive", "$.report.applications"]


def test_one_figure_per_line_with_separator_lines() -> None:
    text = (MESSY / "per-line-2021.txt").read_text("utf-8")
    assert re.search(r"^\|{4,}$", text, re.M)
    assert re.search(r"^\d+\|$", text, re.M)
    _assert_exact("per-line-2021.txt")


# --- 6. table 四 in its shapes --------------------------------------------------------------


@pytest.mark.parametrize("name", ["reviews-three-2019.txt", "reviews-grid-2021.txt"])
def test_table_four_as_three_tables_or_a_grid(name: str) -> None:
    result = _assert_exact(name)
    assert result.report.reviews.cells == _expected(name).reviews.cells
    if "three" in name:  # each small table's case kind is the line above its header
        labels = [n for n in result.notes_of(NoteKind.LABEL) if "header naming" in n.action]
        assert len(labels) == 3


def test_table_four_as_one_row_under_scattered_header_words() -> None:
    expected = _expected("2021")
    text = messy_text(expected, Distortion())
    start = text.index("| 行政复议 |")
    end = text.index("五、存在的主要问题")
    figures = " | ".join(str(c) for c in expected.reviews.cells)
    scattered = (
        "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
        + "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |" * 3
        + f"\n| {figures} |\n\n"
    )
    result = gd.read(text[:start] + scattered + text[end:], "text")
    assert result.report.reviews == expected.reviews
    assert not result.notes_of(NoteKind.GUESSED)


# --- 7. annotations and units inside number cells ---------------------------------------------


def test_annotations_stay_in_their_cell_and_units_never_leak() -> None:
    text = (MESSY / "annotations-2019.txt").read_text("utf-8")
    assert "规范性文件 14（其中修订5件） 37 14（含自然失效8件）" in text
    result = _assert_exact("annotations-2019.txt")
    proactive = result.report.proactive
    assert proactive.annotation("normative_documents", "made") == "其中修订5件"
    assert proactive.annotation("normative_documents", "total_published") == "含自然失效8件"
    assert proactive["normative_documents", "published"] == 37
    amount = proactive["centralized_procurement", "procurement_amount"]
    assert amount == gd.Money("86000", gd.MoneyUnit.YUAN)


def test_a_count_printed_with_a_unit_of_money_is_kept_as_text_not_money() -> None:
    text = (MESSY / "annotations-2019.txt").read_text("utf-8")
    result = gd.read(text.replace("政府集中采购 0件 86000元", "政府集中采购 86000元 86000元"))
    proactive = result.report.proactive
    assert proactive["centralized_procurement", "procurement_items"] is BLANK
    assert proactive["centralized_procurement", "procurement_amount"] == gd.Money(
        "86000", gd.MoneyUnit.YUAN
    )
    [note] = [n for n in result.notes_of(NoteKind.UNPLACED) if "amount" in n.action]
    assert note.location == "$.report.proactive.centralized_procurement.procurement_items"


# --- no silent shift, for any report and any distortion ------------------------------------------

_DISTORTIONS = st.builds(
    Distortion,
    edge=st.sampled_from(["", "start", "end"]),
    glyphs=st.booleans(),
    labels_apart=st.booleans(),
    generic=st.booleans(),
    per_line=st.booleans(),
    reviews=st.sampled_from(["row", "three", "grid"]),
    units=st.booleans(),
    spaces=st.booleans(),
)


@st.composite
def _printable_reports(draw: st.DrawFn) -> gd.AnnualReport:
    """Random reports of both editions with annotated cells: what a page prints of them
    (no extra rows or columns: the readers' round-trip tests cover those)."""
    report = draw(reports(plain=True))
    tables: dict[str, Any] = {}
    for table in report.tables:
        positions = draw(st.lists(st.integers(0, len(table.cells) - 1), max_size=3, unique=True))
        notes = tuple(
            sorted(
                (p, draw(annotation_texts(alone=False)))
                for p in positions
                if table.cells[p] is not BLANK
            )
        )
        tables[table.section.value] = attrs.evolve(
            table, annotations=notes, extra_rows=(), extra_columns=(), notes=()
        )
    return attrs.evolve(report, organ="某县某局", title=None, **tables)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=_printable_reports(),
    distortion=_DISTORTIONS,
    seed=st.integers(0, 9),
    fmt=st.sampled_from(["text", "markdown"]),
)
def test_no_silent_shift(
    report: gd.AnnualReport, distortion: Distortion, seed: int, fmt: str
) -> None:
    text = messy_text(report, distortion, seed)
    # The edition as written: a table printed blank shows no label that tells it.
    result = gd.read(text, fmt, partial=True, edition=report.edition.value)
    assert list(silent_shifts(report, result)) == [], str(distortion)


@pytest.mark.parametrize(
    "distortion",
    [
        Distortion(edge="end"),
        Distortion(glyphs=True),
        Distortion(labels_apart=True),
        Distortion(generic=True),
        Distortion(per_line=True),
    ],
    ids=str,
)
def test_each_distortion_alone_reads_back_exactly(distortion: Distortion) -> None:
    """Alone, every distortion of a consistent report reads back cell for cell (guesses
    noted); the property test above asks only for no silent shift."""
    for name in ("2019", "2021"):
        expected = _expected(name)
        result = gd.read(messy_text(expected, distortion), "text")
        for table in TABLES:
            assert getattr(result.report, table).cells == getattr(expected, table).cells


def _distorted(text: str, fmt: str, how: str) -> str:
    """This library's text or Markdown as a converter or a copy leaves it: Markdown tables
    with an empty cell at the end of every row, or placeholders in empty cells; text with
    its runs of spaces collapsed (copied from a page: no columns left)."""
    out = []
    for line in text.split("\n"):
        printed = line
        if fmt == "markdown" and line.startswith("|"):
            printed = line + "  |" if how == "edge" else line.replace("|  |", "| · |")
        elif fmt == "text" and how == "collapsed":
            printed = re.sub(r" {2,}", " ", line)
        out.append(printed)
    return "\n".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=readable_reports(),
    case=st.sampled_from([("markdown", "edge"), ("markdown", "glyphs"), ("text", "collapsed")]),
)
def test_our_own_output_distorted_never_shifts_a_figure(
    report: gd.AnnualReport, case: tuple[str, str]
) -> None:
    fmt, how = case
    rendered = gd.render(report, fmt)
    assert isinstance(rendered, str)
    text = _distorted(rendered, fmt, how)
    result = gd.read(text, fmt, partial=True, edition=report.edition.value)
    assert list(silent_shifts(report, result)) == [], how


def test_a_label_matched_by_similarity_is_a_guess() -> None:
    expected = _expected("2021")
    text = messy_text(expected, Distortion())
    typo = text.replace("| 2.其他法律行政法规禁止公开 |", "| 2.其他法律行政止公开 |")
    assert typo != text
    result = gd.read(typo, "text")
    assert result.report.applications == expected.applications
    [guess] = result.notes_of(NoteKind.GUESSED)
    assert guess.location == "$.report.applications.withheld_prohibited_by_law"
    assert "similarity" in guess.action
    plan = expected.applications.layout.row_plan_named("withheld_prohibited_by_law")
    assert result.guessed == {(Section.APPLICATIONS, p) for p in range(plan.start, plan.stop)}


_COPIED_AS_TEXT = """某县某局2021年政府信息公开工作年度报告

一、总体情况

本局依法公开政府信息。

二、主动公开政府信息情况

第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章
行政规范性文件
5 3 19
10 0 2
"""


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_a_table_copied_as_text_reads_alike_as_markdown(fmt: str) -> None:
    """Labels printed apart from their rows of figures, cells split by spaces, read as
    Markdown: a line without a pipe is split as text is. It was taken whole for a label:
    its figures went to an extra row, and the rows above were noted "printed empty"."""
    result = gd.read(_COPIED_AS_TEXT, fmt, partial=True, edition="2021")
    table = result.report.proactive
    assert [table.get("rules", c) for c in ("issued", "repealed", "in_force")] == [5, 3, 19]
    assert [table.get("normative_documents", c) for c in ("issued", "repealed", "in_force")] == [
        10,
        0,
        2,
    ]
    assert not table.extra_rows
    assert len(result.notes_of("guessed")) == 2  # paired by order: said so
