"""The text reader on the fixtures of real-looking text under ``tests/fixtures/text/``,
on the seed read with options, on malformed input, and its pieces (cell values, titles,
preamble facts, printed rows, edition detection).

Ported from the test suite of a second text reader that was not kept; what it read the
documents into is held against the kept reader here (see ``test_read_lines.py`` for the
seed, our own output and the round trips).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    ApplicationRow,
    CellKind,
    Contact,
    Edition,
    Money,
    MoneyUnit,
    NotApplicable,
    OrganKind,
    Paragraph,
    Section,
    Subsection,
    Website,
)
from govdisclosure.errors import ReadError
from govdisclosure.readers.assemble import read_table
from govdisclosure.readers.blocks import RawCell, TableBlock
from govdisclosure.readers.facts import organ_kind, parse_title, preamble_facts
from govdisclosure.readers.limits import MAX_TEXT_CHARS
from govdisclosure.readers.result import ReadResult, SourceRef
from govdisclosure.readers.rows import split_row
from govdisclosure.readers.values import is_value_text, parse_cell
from govdisclosure.readers.vocabulary import detect_edition
from govdisclosure.tables import ExtraRow

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "sources" / "zhongning-minzheng-2020.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"


def fixture(name: str) -> ReadResult:
    return gd.read(FIXTURES / name)


def notes(result: ReadResult, kind: str, *, containing: str = "") -> list[str]:
    """The notes of ``kind`` as text, those that mention ``containing``."""
    return [str(n) for n in result.notes_of(kind) if containing in str(n)]


def line_of(text: str, start: str) -> int:
    """The 1-based number of the only line of ``text`` that starts with ``start``."""
    found = [i for i, line in enumerate(text.split("\n"), 1) if line.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ReadResult:
    return gd.read(seed_text, "text")


# --- the seed ------------------------------------------------------------------------------


def test_seed_identity_is_read_from_the_title(seed: ReadResult) -> None:
    report = seed.report
    assert (report.organ, report.year, report.edition) == ("中宁县民政局", 2020, Edition.V2019)
    assert report.custom_title is None  # printed "中宁县民政局 2020 年政府信息公开工作 年度报告"
    assert report.organ_kind is OrganKind.DEPARTMENT
    assert notes(seed, "inferred", containing="the name says the organ is a department")


def test_seed_sources_point_at_the_lines(seed: ReadResult, seed_text: str) -> None:
    proactive = gd.layout(Edition.V2019).proactive
    change = proactive.position(gd.ProactiveRow.LICENSING, gd.ProactiveColumn.CHANGE)
    assert seed.source_of(Section.PROACTIVE, change) == SourceRef(
        line=line_of(seed_text, "行政许可\t7\t+12")
    )
    applications = gd.layout(Edition.V2019).applications
    # A row whose label the PDF split around a page break: the line of its figures.
    mass = applications.position(ApplicationRow.NOT_PROCESSED_MASS, gd.Applicant.TOTAL)
    assert seed.source_of(Section.APPLICATIONS, mass) == SourceRef(
        line=line_of(seed_text, "\t\t4. 无正当理由大量反")
    )
    forward = applications.position(ApplicationRow.CARRIED_FORWARD, gd.Applicant.NATURAL_PERSON)
    assert seed.source_of(Section.APPLICATIONS, forward) == SourceRef(
        line=line_of(seed_text, "四、结转下年度继续办理")
    )
    assert len(seed.sources) == 22 + 23 * 7 + 15  # every cell read, blank ones too


def test_seed_notes(seed: ReadResult) -> None:
    # The blank cells of 行政复议, told apart from zeros.
    (blank,) = seed.notes_of("blank")
    assert blank.location == "$.report.reviews.review"
    assert "5 of 5 cells printed empty, kept blank (not 0)" in blank.action
    # The edition, and why.
    (edition,) = seed.notes_of("edition")
    assert edition.snippet == "2019"
    assert "labels only the 2019 edition prints" in edition.action
    assert "本年新制作数量" in edition.action
    # The paragraphs the PDF cut at page breaks, joined where the sentence runs on.
    joins = [n.snippet for n in seed.notes_of("text") if n.action.startswith("joined")]
    assert len(joins) == 4
    for end, start in (
        ("行政发文 22", "个，公开"),
        ("听取公众意见", "建议。"),
        ("根据工", "作实际"),
    ):
        assert any(f"{end}⏎{start}" in join for join in joins), (end, start)
    assert any("切实为⏎民解疑释惑" in join for join in joins)


def test_seed_with_an_explicit_edition_and_year(seed_text: str) -> None:
    result = gd.read(seed_text, "text", year=2021, edition=Edition.V2021)
    assert (result.report.year, result.report.edition) == (2021, Edition.V2021)
    (edition,) = result.notes_of("edition")
    assert "used the 2021 edition as asked" in edition.action
    assert "the labels printed are the 2019 edition's" in edition.action
    assert notes(result, "layout", containing="the title says 2020; used the year 2021 as asked")
    # What the 2021 form has no row for is kept, not dropped.
    labels = [row.label for row in result.report.proactive.extra_rows]
    assert labels == ["其他对外管理服务事项", "政府集中采购"]
    # Figures beyond the 2021 form's one column are in the notes, with their lines.
    beyond = notes(result, "unplaced", containing="beyond the row's 1 columns")
    assert any("'+12'" in note and "line 38" in note for note in beyond)


# --- shapes of real documents ----------------------------------------------------------------


def test_single_spaces_wrapped_labels_page_numbers() -> None:
    """PDF text with single spaces: "label n n n", labels wrapped over lines or split from
    their figures, headers broken by spaces, page numbers, a flattened table 四."""
    result = fixture("spaces-2021.txt")
    report = result.report
    assert (report.organ, report.year, report.edition) == ("某市某区教育局", 2021, Edition.V2021)
    assert report.custom_title is None  # the standard title, with spaces
    assert report.published == dt.date(2022, 1, 20)  # signed at the end
    # The signature ("某区教育局", a shorter name of the organ) is not a paragraph of 六.
    assert report.other_matters == (Paragraph("本年度未收取信息处理费。"),)
    assert notes(result, "text", containing="the organ's name above it")
    two = report.proactive
    assert two["行政规范性文件", "现行有效件数"] == 22
    assert two.annotation("行政规范性文件", "现行有效件数") == "其中修订16件"
    assert two["行政许可", "本年处理决定数量"] == 1234  # "1,234"
    assert two["行政处罚", "本年处理决定数量"] == 12  # full-width digits
    assert two["行政事业性收费", "fee_amount"] == Money("1.25", MoneyUnit.TEN_THOUSAND_YUAN)
    assert two.notes == ("注：本年度未制定规章。",)
    three = report.applications
    # The corner's remark, printed on a line of its own, is header, not a row of figures.
    assert three.annotations == ()
    assert three.row("new") == dict(zip(three.column_keys, (10, 2, 0, 0, 1, 0, 13), strict=True))
    assert three["carried_over", "total"] == 1
    assert three["not_processed_confirmation", "total"] == 0  # label wrapped before figures
    assert three["other_no_correction", "natural_person"] == 0  # label above its figures
    assert three["total", "natural_person"] == 10
    assert not three.extra_rows
    assert report.reviews["review", "upheld"] == 1
    assert report.reviews["litigation_after_review", "total"] == 0
    assert report.overview.subsections == (
        Subsection("主动公开", (Paragraph("全年主动公开行政规范性文件 5 件。"),)),
    )
    assert report.problems[0].text.endswith("下一步将加强业务培训，丰富解读形式。")
    dropped = [n.snippet for n in result.notes_of("text") if n.action == "dropped a page number"]
    assert dropped == ["- 1 -", "— 5 —", "第 6 页"]
    assert notes(result, "number", containing="removed separators — '1,234'")
    assert notes(result, "number", containing="annotation — '22（其中修订16件）'")
    assert notes(result, "text", containing="read the date under the report")
    assert not result.notes_of("unplaced")
    assert not result.notes_of("missing")
    assert not notes(result, "layout", containing="figures for")
    assert report.preamble.legal_basis == ("《中华人民共和国政府信息公开条例》",)
    assert report.preamble.contact == Contact(office="某区教育局办公室", phone="010-12345678")


def test_pipes_typos_marks_and_extra_rows() -> None:
    """Pipe-separated rows, half-width punctuation, "1、" numbering, label typos, marks
    for figures that do not apply, a row of neither edition, table 四 by case."""
    result = fixture("pipes-2019.txt")
    report = result.report
    assert (report.organ, report.year, report.edition) == ("某县人民政府", 2020, Edition.V2019)
    assert report.organ_kind is OrganKind.GOVERNMENT
    assert report.custom_title == "某县人民政府 2020 年度政府信息公开工作报告"
    assert notes(result, "text", containing="kept the printed title")
    assert report.preamble.website == Website("某县人民政府网站", "www.example.gov.cn")
    assert report.preamble.legal_basis == ("《中华人民共和国政府信息公开条例》(国务院令第711号)",)
    assert [s.title for s in report.overview.subsections] == ["主动公开情况。", "依申请公开情况。"]
    assert all(s.run_in for s in report.overview.subsections)
    two = report.proactive
    assert two["行政许可", "本年增/减"] == 12
    assert two["行政许可", "处理决定数量"] == 3456  # "3 456"
    assert two["其他对外管理服务事项", "本年增/减"] == -5
    assert two["其他对外管理服务事项", "处理决定数量"] == NotApplicable("/")
    assert two["行政强制", "处理决定数量"] == NotApplicable("—")
    assert two.row("行政事业性收费") == {
        gd.ProactiveColumn.PREVIOUS_ITEMS: NotApplicable("无"),
        gd.ProactiveColumn.CHANGE: NotApplicable("不适用"),
    }
    assert two["政府集中采购", "采购总金额"] == Money("1.5", MoneyUnit.TEN_THOUSAND_YUAN)
    assert two.extra_rows == (
        ExtraRow("其他主动公开文件", (3, 3, 10), after="normative_documents"),
    )
    three = report.applications
    # Typos matched by similarity, each repair noted.
    assert three["partially_disclosed", "total"] == 5
    assert three["withheld_prohibited_by_law", "total"] == 1
    assert three["withheld_internal_affairs", "total"] == 0
    assert three["withheld_process_information", "total"] == 1
    for printed in ("只计这一情况", "其他法律行政止公开", "属于三类内容事务信息"):
        (note,) = notes(result, "label", containing=printed)
        assert "a typo?" in note, note
    assert three.extra_rows == (
        ExtraRow("(七)不予受理", (1, 0, 0, 0, 0, 0, 1), after="other_handling"),
    )
    assert notes(result, "extra", containing="kept as an extra row after 其他处理")
    assert three["total", "total"] == 57  # "(八)总计"
    assert three["carried_forward", "total"] == 3
    four = report.reviews
    assert four.row("review") == dict(zip(four.column_keys, (1, 0, 0, 0, 1), strict=True))
    assert four["litigation_direct", "pending"] == 1
    assert not result.notes_of("unplaced")
    assert not result.notes_of("missing")


def test_subtotal_column_is_checked_and_kept() -> None:
    result = fixture("subtotal-2019.txt")
    three = result.report.applications
    assert three["new", "total"] == 6  # the subtotal is no figure of the form's columns
    assert three["new", "other"] == 0
    (column,) = three.extra_columns
    assert (column.label, column.after) == ("法人或其他组织小计", "other")
    assert column.cells[0] == 2
    assert column.cells[2] == 2  # printed 2, where the parts add to 1
    (note,) = notes(result, "extra", containing="法人或其他组织小计")
    assert "kept the column the form does not have as an extra column" in note
    assert "it differs from the sum of its parts in 予以公开: 2 ≠ 1" in note
    assert not result.notes_of("unplaced")


def test_year_in_the_old_layout_keeps_both() -> None:
    result = fixture("old-layout-2021.txt")
    assert (result.report.year, result.report.edition) == (2021, Edition.V2019)
    (note,) = notes(result, "edition")
    assert "labels only the 2019 edition prints" in note
    assert "a 2021 report in the 2019 layout" in note
    assert "ED1" in {finding.rule for finding in gd.validate(result.report)}


def test_2021_report_with_one_other_handling_row() -> None:
    result = fixture("single-other-2022.txt")
    three = result.report.applications
    assert result.report.edition is Edition.V2021
    assert three.extra_rows == (
        ExtraRow("(六) 其他处理", (1, 0, 0, 0, 0, 0, 1), after="not_processed_confirmation"),
    )
    for row in ("other_no_correction", "other_unpaid_fee", "other_misc"):
        assert set(three.row(row).values()) == {BLANK}
    # The three rows of the form are not printed: said, not left silently blank.
    (note,) = notes(result, "extra", containing="the form divides 其他处理 into rows")
    assert "left blank (not 0)" in note
    assert "行政机关不再处理其政府信息公开申请、其他" in note
    assert not result.notes_of("missing")


# --- malformed input -------------------------------------------------------------------------


def _truncated(seed_text: str) -> str:
    lines = seed_text.split("\n")
    cut = next(i for i, line in enumerate(lines) if "7. 属于行政执法案卷" in line)
    return "\n".join(lines[:cut])


def test_pdftotext_layout_output_reads_every_table() -> None:
    """``pdftotext -layout`` (poppler) of the PDFs of both examples: header labels wrapped
    in narrow columns ("自然 / 人", "社会 / 公益 / 组织") over several lines, group labels
    printed down the merged cells between rows ("（三）", "不予公", "开"), row labels
    wrapped above and below their figures, and table 四's header in three lines."""
    invented = gd.read(FIXTURES / "pdftotext-layout-2022.txt")
    example = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    for name in ("proactive", "applications", "reviews"):
        assert getattr(invented.report, name) == getattr(example, name), name
    assert not invented.notes_of("extra")
    # A third line of a wrapped label the row was matched without: noted, not lost.
    assert [n.snippet for n in invented.notes_of("unplaced")] == ["府信息公开申请"]

    seed = gd.read(FIXTURES / "pdftotext-layout-2020.txt")
    transcribed = gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")
    assert seed.report.proactive == transcribed.proactive
    assert seed.report.applications == transcribed.applications
    # Text keeps no trace of which cells of table 四 were blank: no figure is placed by
    # guess; the ten printed figures are kept in the note.
    assert set(seed.report.reviews.cells) == {gd.BLANK}
    [note] = [n for n in seed.notes_of("unplaced") if "nothing tells which columns" in n.action]
    assert note.snippet.split() == ["0"] * 10


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda seed: "", "the text is empty"),
        (lambda seed: "hello world\nnot a report\n" * 40, "no section headings"),
        (lambda seed: "一" * 2_000_000, "no section headings"),
        (lambda seed: "a" * (MAX_TEXT_CHARS + 1), "the limit is"),
        (_truncated, "table 三 is incomplete: 13 of 23 rows not found"),
        (lambda seed: "\n".join(seed.split("\n")[4:]), "does not name an organ and a year"),
    ],
    ids=["empty", "random", "long-line", "too-long", "half-a-table", "no-title"],
)
def test_malformed_input_is_a_read_error(
    seed_text: str, make: Callable[[str], str], message: str, tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(make(seed_text), encoding="utf-8")
    start = time.process_time()
    with pytest.raises(ReadError, match=message) as caught:
        gd.read(path)
    assert time.process_time() - start < 2
    assert str(caught.value).startswith(f"{path}: ")


def test_half_a_table_reads_with_partial(seed_text: str) -> None:
    result = gd.read(_truncated(seed_text), "text", partial=True)
    assert len(notes(result, "missing", containing="$.report.applications.")) == 13
    assert set(result.report.applications.row("total").values()) == {BLANK}
    assert set(result.report.reviews.cells) == {BLANK}  # its section is cut off too


def test_table_four_with_too_few_figures_says_so(seed_text: str) -> None:
    """Seven cells separated by tabs where table 四 has fifteen: read into the first
    columns (where the tabs put them), and each row noted as a guess."""
    result = gd.read(seed_text.replace("0\t0\t0\t0\t0\t0\t0\t0\t0\t0", "0\t0"), "text")
    guesses = notes(result, "guessed", containing="7 cells for 15 columns")
    assert len(guesses) == 3
    assert all("nothing tells which columns were left blank" in note for note in guesses)
    assert result.report.reviews.cells[5:7] == (0, 0)
    assert result.report.reviews.cells.count(BLANK) == 13
    assert result.guessed == {(Section.REVIEWS, i) for i in range(15)}


def test_a_huge_line_inside_the_document_is_read_quickly(seed_text: str) -> None:
    text = seed_text.replace("\t(六) 其他处理", "\t" + "不予" * 200_000)
    start = time.process_time()
    result = gd.read(text, "text")
    assert time.process_time() - start < 2
    assert notes(result, "missing", containing="other_handling")
    # The line is no row of the form: kept as an extra row, not dropped.
    (extra,) = result.report.applications.extra_rows
    assert extra.label.startswith("不予不予")


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    pieces = st.one_of(
        st.text(max_size=8),
        st.sampled_from(["\t", " | ", "（一）", "一、", "0", "-5", "/", "**", "注：", "小计"]),
    )
    for _ in range(draw(st.integers(1, 6))):
        k = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.integers(0, 3))
        if operation == 0:
            del lines[k]
        elif operation == 1:
            lines.insert(k, lines[draw(st.integers(0, len(lines) - 1))])
        elif operation == 2:
            at = draw(st.integers(0, len(lines[k])))
            lines[k] = lines[k][:at] + draw(pieces) + lines[k][at:]
        else:
            lines[k] = draw(pieces)
    return "\n".join(lines)


@settings(max_examples=100, deadline=None)
@given(_mutated())
def test_damaged_documents_read_or_fail_cleanly(text: str) -> None:
    try:
        result = gd.read(text, "text")
    except ReadError:
        return
    assert isinstance(result.report, gd.AnnualReport)


# --- the pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value", "annotation", "repair"),
    [
        ("0", CellKind.COUNT, 0, None, ""),
        ("+12", CellKind.SIGNED, 12, None, ""),
        ("-50", CellKind.SIGNED, -50, None, ""),
        ("\uff11\uff12", CellKind.COUNT, 12, None, ""),
        ("6165711 元", CellKind.MONEY, Money("6165711", "元"), None, ""),
        ("1.25 万元", CellKind.MONEY, Money("1.25", "万元"), None, ""),
        ("1.25", CellKind.MONEY, Money("1.25", "万元"), None, ""),
        ("22（其中修订16件）", CellKind.COUNT, 22, "其中修订16件", "annotation"),
        ("（其中修订16件）", CellKind.COUNT, BLANK, "其中修订16件", "annotation"),
        ("/", CellKind.COUNT, NotApplicable("/"), None, ""),
        ("-", CellKind.SIGNED, NotApplicable("-"), None, ""),
        ("—", CellKind.COUNT, NotApplicable("—"), None, ""),
        ("无", CellKind.COUNT, NotApplicable("无"), None, ""),
        ("不适用", CellKind.MONEY, NotApplicable("不适用"), None, ""),
        ("", CellKind.COUNT, BLANK, None, ""),
        ("1 234", CellKind.COUNT, 1234, None, "removed separators"),
        ("3件", CellKind.COUNT, 3, None, "counting word"),
        # No value of the kind: a blank cell that keeps what was printed.
        ("-3", CellKind.COUNT, BLANK, "-3", "cannot be negative"),
        ("1.5", CellKind.COUNT, BLANK, "1.5", "cannot hold an amount"),
        ("（三）", CellKind.COUNT, BLANK, "（三）", "annotation of a blank cell"),
    ],
)
def test_parse_cell(
    text: str, kind: CellKind, value: object, annotation: str | None, repair: str
) -> None:
    parsed = parse_cell(text, kind, MoneyUnit.TEN_THOUSAND_YUAN)
    assert parsed.value == value
    assert type(parsed.value) is type(value)
    assert parsed.annotation == annotation
    assert (repair in parsed.repair) if repair else not parsed.repair
    # Whether the text is a value at all, in any column ("-3" is a change, "1.5" money);
    # a bare numbering in parentheses is a label.
    assert is_value_text(text) == (text not in ("（三）", ""))


def test_money_keeps_its_digits() -> None:
    parsed = parse_cell("1.50 亿元", CellKind.MONEY)
    assert isinstance(parsed.value, Money)
    assert parsed.value.amount.as_tuple() == Decimal("1.50").as_tuple()
    assert parsed.value.unit is MoneyUnit.HUNDRED_MILLION_YUAN


def _row(*texts: str, line: int = 1) -> tuple[RawCell, ...]:
    return tuple(RawCell(text, SourceRef(line=line)) for text in texts)


def test_split_row() -> None:
    row = split_row(_row("三、本年度办理结果", "(一) 予以公开", "3", "", "0"), True, SourceRef())
    assert row.label == "三、本年度办理结果 (一) 予以公开"
    assert [cell.text for cell in row.values] == ["3", "", "0"]
    # Split at spaces, an empty cell is no cell: the values are the trailing figures.
    row = split_row(_row("2. 重复申请", "1", "—", "6165711 元"), False, SourceRef())
    assert [cell.text for cell in row.values] == ["1", "—", "6165711 元"]
    assert not split_row(_row("信息内容", "本年制发件数"), True, SourceRef()).has_figures


def _applications(*rows: tuple[RawCell, ...]) -> gd.ApplicationTable:
    read = read_table(Section.APPLICATIONS, Edition.V2019, [TableBlock(rows, SourceRef())])
    table = read.table
    assert isinstance(table, gd.ApplicationTable)
    return table


@pytest.mark.parametrize(
    ("printed", "row"),
    [
        (("理 结 果", "(三) 不予公 开", "1. 属于国家秘密"), "withheld_state_secret"),
        (("三、本年度办理结果 （五）不予处理 2.重复申请",), "not_processed_repeated"),
        (("（二）部分公开（区分处理的，只计这一情况，不计其他情形）",), "partially_disclosed"),
        (("2、其他法律行政止公开",), "withheld_prohibited_by_law"),
        (("5.属于三类内容事务信息",), "withheld_internal_affairs"),
    ],
)
def test_printed_labels_find_their_row(printed: tuple[str, ...], row: str) -> None:
    """Group labels printed in front, typos, "、" numbering: the row the label names."""
    table = _applications(_row(*printed, "1", "0", "0", "0", "0", "0", "1"))
    assert table[row, "total"] == 1
    assert not table.extra_rows


@pytest.mark.parametrize("label", ["不予受理", "附abc"])
def test_labels_of_no_row_are_not_guessed(label: str) -> None:
    table = _applications(_row(label, "2", "0", "0", "0", "0", "0", "2"))
    assert table.extra_rows == (ExtraRow(label, (2, 0, 0, 0, 0, 0, 2)),)
    assert set(table.cells) == {BLANK}


def test_tables_from_cells_in_their_columns() -> None:
    """The shape an HTML or DOCX front end hands over: one cell per grid position (merged
    cells repeated empty), header rows included, a block of table 二 left out."""
    reviews = TableBlock(
        (
            _row("行政复议", "", "", "", "", "行政诉讼", *[""] * 9),
            _row(*["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
            _row(*["1", "0", "0", "0", "1"], *["0"] * 10, line=3),
        ),
        SourceRef(),
    )
    proactive = TableBlock(
        (
            _row("第二十条第（一）项", "", "", ""),
            _row("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
            _row("规章", "0", "0", "0"),
            _row("行政规范性文件", "3", "1", "12"),
            _row("第二十条第（五）项", "", "", ""),
            _row("信息内容", "本年处理决定数量", "", ""),
            _row("行政许可", "7", "", ""),
            _row("第二十条第（八）项", "", "", ""),
            _row("信息内容", "本年收费金额（单位：万元）", "", ""),
            _row("行政事业性收费", "2.5", "", ""),
        ),
        SourceRef(),
    )
    edition, why = detect_edition([reviews, proactive])
    assert edition is Edition.V2021
    assert "本年制发件数" in why
    four = read_table(Section.REVIEWS, Edition.V2021, [reviews])
    assert four.table.cells == (1, 0, 0, 0, 1, *(0,) * 10)
    assert four.sources[0] == SourceRef(line=3)
    two = read_table(Section.PROACTIVE, Edition.V2021, [proactive])
    assert two.table["行政规范性文件", "现行有效件数"] == 12
    assert two.table["administrative_fees", "fee_amount"] == Money("2.5", "万元")
    assert two.table["administrative_penalty", "decisions"] is BLANK  # block （六） lost
    missing = [n.location for n in two.notes if n.kind == "missing"]
    assert missing == [
        "$.report.proactive.administrative_penalty",
        "$.report.proactive.administrative_coercion",
    ]


def test_detect_edition_without_markers() -> None:
    rows = (_row("行政复议", "结果维持"),)
    assert detect_edition([TableBlock(rows, SourceRef())]) == (
        None,
        "the tables' labels do not tell the edition",
    )


def test_title_organ_and_preamble_facts() -> None:
    assert parse_title("中宁县民政局 2020 年政府信息公开工作 年度报告") == ("中宁县民政局", 2020)
    assert parse_title("局12 2021年政府信息公开工作年度报告") == ("局12", 2021)
    assert parse_title("某县人民政府2020年度政府信息公开工作报告") == ("某县人民政府", 2020)
    assert parse_title("政府信息公开工作年度报告") is None
    assert organ_kind("中宁县民政局") is OrganKind.DEPARTMENT
    assert organ_kind("某县发展和改革委员会") is OrganKind.DEPARTMENT
    assert organ_kind("某县人民政府办公室") is OrganKind.DEPARTMENT
    assert organ_kind("某县人民政府") is OrganKind.GOVERNMENT
    assert organ_kind("某县政务服务中心") is OrganKind.DEPARTMENT
    assert organ_kind("某某镇") is None
    facts = preamble_facts(
        "本报告依据《政府信息公开条例》（以下简称《条例》）和《年报格式》（国办公开办函〔2021〕30号）编制。"
        "本报告中使用的数据统计期限为2021年1月1日至2021年12月31日。"
        "本报告电子版可在某网站（http://x.gov.cn）查阅或下载。"
        "如对本报告有任何疑问，请与某办公室联系（地址：某路1号；邮编：000000；电子邮箱：a@b.cn）。"
    )
    assert facts["legal_basis"] == (
        "《政府信息公开条例》",
        "《年报格式》（国办公开办函〔2021〕30号）",
    )
    assert facts["period"] == gd.Period.calendar_year(2021)
    assert facts["website"] == Website("某网站", "http://x.gov.cn")
    assert facts["contact"] == Contact("某办公室", "某路1号", "000000", email="a@b.cn")
    assert preamble_facts("本报告由本局编制。") == {}
