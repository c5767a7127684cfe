"""The text and Markdown readers, and the shared back end they feed: the seed report,
fixtures of what real text looks like, PDFs made from our DOCX, and round trips of
rendered reports."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure.readers.result import NoteKind
from tests.readable import readable_reports
from tests.strategies import round_trips

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "examples" / "sources" / "zhongning-minzheng-2020.txt"
EXAMPLES = sorted((ROOT / "examples").glob("**/*.json"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PIPES = FIXTURES / "text" / "pipes-2021-subtotal.txt"
PDF_LIKE = FIXTURES / "text" / "pdf-like-2021-in-2019-layout.txt"


def _unprinted(read: gd.AnnualReport, written: gd.AnnualReport) -> gd.AnnualReport:
    """``read`` with the facts text does not print taken from ``written``: whom the report
    covers, and the kind of organ (a reader infers it from the name)."""
    return attrs.evolve(read, scope=written.scope, organ_kind=written.organ_kind)


def _kinds(result: gd.ReadResult) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for note in result.notes:
        out.setdefault(note.kind, []).append(note.snippet)
    return out


# --- the seed -------------------------------------------------------------------------------


def test_the_seed_reads_into_the_bundled_example() -> None:
    result = gd.read(SEED_TEXT)
    assert result.format == "text"
    assert result.report == gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")


def test_reading_the_seed_says_what_it_decided() -> None:
    result = gd.read(SEED_TEXT)
    kinds = _kinds(result)
    assert kinds["edition"] == ["2019"]
    # The title's spaces, the paragraphs cut by the PDF's line wraps, the blank 行政复议.
    assert kinds["text"][0] == "中宁县民政局 2020 年政府信息公开工作 年度报告"
    joins = [n for n in result.notes if n.action.startswith("joined")]
    assert [n.source.line for n in joins if n.source] == [13, 19, 23, 94]
    assert any("行政复议" in s for s in kinds["blank"])
    # Every row label printed differently from the form is reported with its line.
    labels = [n for n in result.notes if n.kind == "label"]
    assert len(labels) == 22
    assert all(n.source and n.source.line for n in labels)
    assert not result.notes_of(NoteKind.UNPLACED)
    assert not result.notes_of("missing")


def test_every_figure_keeps_its_line() -> None:
    result = gd.read(SEED_TEXT)
    table = result.report.applications
    new_total = table.layout.position(gd.ApplicationRow.NEW, gd.Applicant.TOTAL)
    assert result.source_of(gd.Section.APPLICATIONS, new_total) == gd.SourceRef(
        line=56, file=str(SEED_TEXT)
    )
    procurement = result.report.proactive.layout.position(
        gd.ProactiveRow.PROCUREMENT, gd.ProactiveColumn.PROCUREMENT_AMOUNT
    )
    assert result.source_of(gd.Section.PROACTIVE, procurement) == gd.SourceRef(
        line=49, file=str(SEED_TEXT)
    )
    # Table 四's figures all come from its one printed line.
    lines = {ref.line for p in range(15) if (ref := result.source_of(gd.Section.REVIEWS, p))}
    assert lines == {88}


def test_a_finding_points_back_into_the_text() -> None:
    text = SEED_TEXT.read_text("utf-8").replace("(六) 其他处理\t0", "(六) 其他处理\t4")
    result = gd.read(text)
    findings = {f.rule: f for f in gd.validate(result.report)}
    assert {"R2", "R3"} <= set(findings)
    # R3: （六）其他处理's 总计 (line 79); R2: the （七）总计 row (line 80), then its parts.
    assert [ref.line for ref in result.locate(findings["R3"])] == [79]
    assert [ref.line for ref in result.locate(findings["R2"])][:2] == [80, 58]


# --- what real text looks like --------------------------------------------------------------


def test_pipes_an_eight_column_table_and_oddities() -> None:
    result = gd.read(PIPES)
    report = result.report
    assert (report.organ, report.year, report.edition) == ("示例市教育局", 2021, gd.Edition.V2021)
    proactive = report.proactive
    assert proactive["normative_documents", "in_force"] == 22
    assert proactive.annotation("normative_documents", "in_force") == "其中修订16件"
    assert proactive["administrative_licensing", "decisions"] == 1268  # "1,268"
    assert proactive["administrative_coercion", "decisions"] == gd.NotApplicable("/")
    assert proactive["administrative_fees", "fee_amount"] == gd.Money("1.25", "万元")
    apps = report.applications
    # The typo "其他法律行政止公开" is read as its row, in the form's order.
    assert apps.row("withheld_prohibited_by_law")[gd.Applicant.NATURAL_PERSON] == 1
    assert any("其他法律行政止公开" in n.snippet for n in result.notes_of("label"))
    # "1、" numbering, group labels in their own cells.
    assert apps["unable_not_held", "total"] == 8
    # A 2021 report whose （六）其他处理 is one row, and an outcome in neither edition.
    extra = {row.label: row for row in apps.extra_rows}
    assert extra["（六）其他处理"].cells == (4, 0, 0, 0, 0, 0, 4)
    assert extra["（六）其他处理"].after == "not_processed_confirmation"
    assert extra["不予受理"].cells == (1, 0, 0, 0, 0, 0, 1)
    assert apps["other_no_correction", "natural_person"] is gd.BLANK
    # The extra 法人或其他组织小计 column, after 其他.
    (subtotal,) = apps.extra_columns
    assert (subtotal.label, subtotal.after) == ("小计", "other")
    assert subtotal.cells[0] == 10
    assert subtotal.cells[-2:] == (9, 1)
    assert any("equals the sum of its parts" in n.action for n in result.notes_of("extra"))
    assert apps.notes == ("注：不予受理为本机关自行统计的情形。",)
    # Table 四 under a three-row header, the 复议后起诉 cells printed empty.
    assert report.reviews.cells[:10] == (1, 0, 0, 0, 1, 0, 0, 0, 1, 1)
    assert report.reviews.cells[10:] == (gd.BLANK,) * 5


def test_validate_names_the_planted_error_and_its_line() -> None:
    result = gd.read(PIPES)
    findings = [f for f in gd.validate(result.report) if f.rule == "R3"]
    assert [f.location.json_path for f in findings] == [
        "$.report.applications.withheld_query_matters.total"
    ]
    assert (findings[0].reported, findings[0].computed) == (1, 0)
    assert result.locate(findings[0])[0].line == 46


def test_pdf_like_text_in_the_old_layout() -> None:
    result = gd.read(PDF_LIKE)
    report = result.report
    assert (report.organ, report.year, report.edition) == ("某县交通运输局", 2021, gd.Edition.V2019)
    assert report.published == dt.date(2022, 1, 25)
    (edition,) = result.notes_of("edition")
    assert "a 2021 report in the 2019 layout" in edition.action
    assert "ED1" in {f.rule for f in gd.validate(report)}
    proactive = report.proactive
    assert proactive["administrative_licensing", "change"] == 2  # "+2"
    assert proactive["other_management_services", "change"] == -1
    assert proactive["administrative_licensing", "decisions"] == 540
    assert proactive["centralized_procurement", "procurement_amount"] == gd.Money("61.5", "万元")
    apps = report.applications
    # Labels split from their figures, group labels printed down their cells, "1、".
    assert apps.row("new")[gd.Applicant.TOTAL] == 12
    assert apps["withheld_third_party", "total"] == 1
    assert apps["unable_not_held", "natural_person"] == 2
    # The header printed again after the page break is not a row; page numbers are gone.
    assert not result.notes_of("unplaced")
    assert not result.notes_of("missing")
    assert [n.snippet for n in result.notes if "page number" in n.action] == ["- 1 -", "- 2 -"]
    assert report.reviews.cells == (1, 0, 0, 0, 1, *(0,) * 10)
    assert [p.text for p in report.overview.intro] == [
        "2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "全年主动公开政府信息86条，依申请公开办理申请12件。"
    ]


def test_a_row_with_fewer_figures_than_columns_says_so() -> None:
    text = SEED_TEXT.read_text("utf-8").replace("规章\t0\t0\t0", "规章 5 3")
    result = gd.read(text)
    # Which of the three columns was left blank is not printed: no figure is placed (a
    # figure in the wrong column would be a false finding), and both are in the note.
    cells = [result.report.proactive["rules", column] for column in ("made", "published")]
    assert cells == [gd.BLANK, gd.BLANK]
    assert result.report.proactive["rules", "total_published"] is gd.BLANK
    [note] = [n for n in result.notes_of("unplaced") if "2 figures for 3 columns" in n.action]
    assert note.snippet == "规章 5 3"
    assert note.location == "$.report.proactive.rules"


def test_text_that_is_no_row_is_kept_in_the_notes() -> None:
    text = SEED_TEXT.read_text("utf-8").replace(
        "行政强制\t2\t0\t0", "行政强制\t2\t0\t0\n历史累计数据见附件"
    )
    result = gd.read(text)
    (unplaced,) = result.notes_of("unplaced")
    assert unplaced.snippet == "历史累计数据见附件"
    assert unplaced.source is not None
    assert unplaced.source.line == 44


def test_figures_printed_one_per_line_are_read_as_their_row() -> None:
    """Text extracted from some PDFs has every figure of a row on a line of its own."""
    lines = []
    for line in SEED_TEXT.read_text("utf-8").splitlines():
        cells = line.split("\t")
        figures = 0
        while figures < len(cells) and re.fullmatch(r"[+-]?\d+( 元)?", cells[-1 - figures]):
            figures += 1
        if figures and "".join(cells[:-figures]).strip():
            lines += ["\t".join(cells[:-figures]), *cells[-figures:]]
        else:
            lines.append(line)
    text = "\n".join(lines)
    assert text.count("\n") > SEED_TEXT.read_text("utf-8").count("\n") + 150
    result = gd.read(text)
    assert result.report == gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")
    joined = [n for n in result.notes_of("layout") if "printed on" in n.action]
    assert joined[0].action == (
        "the figures were printed on 3 lines of their own; read them as one row"
    )
    assert any("on 7 lines" in n.action for n in joined)  # table 三
    assert not result.notes_of("unplaced")
    assert not result.notes_of("extra")


def test_words_in_a_header_the_form_lacks_are_kept_in_the_notes() -> None:
    text = SEED_TEXT.read_text("utf-8").replace("对外公开总数量", "对外公开总数量(历史累计)")
    result = gd.read(text)
    assert result.report == gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")
    (unplaced,) = result.notes_of("unplaced")
    assert unplaced.snippet == "对外公开总数量(历史累计)"
    assert unplaced.location == "$.report.proactive"
    assert "header" in unplaced.action
    assert unplaced.source is not None
    assert unplaced.source.line == 32


# --- our own text and Markdown --------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
def test_a_row_of_only_an_annotation_is_a_row_not_a_header(fmt: str) -> None:
    """ "3.其他 （业）" over blank cells: the label is a column's label too, and the
    annotation a piece of one ("商业企业"), yet the numbered label makes it the row."""
    report = gd.AnnualReport("某县民政局", 2021, organ_kind="department")
    table = report.applications
    other = [i for i, spec in enumerate(table.layout.cells) if spec.row.value == "other_misc"]
    cells = [gd.BLANK if i in other else cell for i, cell in enumerate(table.cells)]
    table = attrs.evolve(table, cells=tuple(cells), annotations=((other[0], "业"),))
    report = attrs.evolve(report, applications=table)
    assert gd.read(gd.render(report, fmt), fmt).report == report


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_our_text_and_markdown_read_back(example: Path, fmt: str) -> None:
    report = gd.load(example)
    read = gd.read(gd.render(report, fmt), fmt).report
    assert _unprinted(read, report) == report


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_markdown_of_flattened_tables_still_reads(edition: str) -> None:
    """Markdown this library wrote before its tables were the form's (table 三 under
    joined column names, table 四 a list of 项目 and 数量) reads as it did."""
    example = {"2019": "zhongning-minzheng-2020", "2021": "shiyan-ziranziyuan-2022"}[edition]
    written = gd.load(ROOT / "examples" / f"{example}.json")
    old = FIXTURES / "markdown" / f"flattened-tables-{edition}.zh_CN.md"
    assert "<table>" not in old.read_text("utf-8")
    assert _unprinted(gd.read(old).report, written) == written


def _markdown(report: gd.AnnualReport) -> str:
    rendered = gd.render(report, "markdown")
    assert isinstance(rendered, str)
    return rendered


def _as_another_tool_writes(markdown: str) -> str:
    """Markdown whose HTML tables are written as other tools write them: upper-case tags,
    no ``thead``/``tbody``, every cell on a line of its own, indented, attributes
    unquoted."""
    markdown = re.sub(r"</?t(?:head|body)>\n", "", markdown)
    markdown = re.sub(r'(rowspan|colspan)="(\d+)"', r"\1=\2", markdown)
    markdown = re.sub(r"<(t[hd])\b", r"\n  <\1", markdown).replace("</tr>", "\n</tr>")
    return re.sub(r"<(/?)(table|tr|td|th)\b", lambda m: f"<{m[1]}{m[2].upper()}", markdown)


def test_html_tables_in_markdown_read_however_written() -> None:
    written = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    markdown = _as_another_tool_writes(_markdown(written))
    assert "<TABLE>\n<TR>\n  <TH scope" in markdown
    result = gd.read(markdown, "markdown")
    assert _unprinted(result.report, written) == written
    # Each figure is where the Markdown printed it: the line of its row.
    lines = markdown.split("\n")
    total = written.applications.layout.position(
        written.applications.row_type.coerce("new"),
        written.applications.column_type.coerce("total"),
    )
    where = result.source_of(gd.Section.APPLICATIONS, total)
    assert where is not None
    assert where.line is not None
    row_start = lines[where.line - 1]
    assert row_start == "<TR>"
    assert lines[where.line].endswith("一、本年新收政府信息公开申请数量</TH>")


def test_markdown_with_html_tables_is_told_from_a_page() -> None:
    """Bytes starting with a Markdown heading are Markdown, though an HTML table follows;
    a str is text, whose reader reads the HTML tables too."""
    written = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    markdown = _markdown(written)
    assert "<table>" in markdown[:4096]  # where a page is told by its tags
    result = gd.read(markdown.encode("utf-8"))
    assert result.format == "markdown"
    assert _unprinted(result.report, written) == written
    as_text = gd.read(markdown)
    assert as_text.format == "text"
    assert as_text.report.tables == written.tables


def test_an_html_table_in_markdown_ends_at_a_blank_line() -> None:
    """As CommonMark ends an HTML block: a blank line before the end tag loses nothing
    (the table read so far is the table, the end tag alone no row); a table the text
    ends in, unclosed, is read up to there."""
    written = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    markdown = _markdown(written)
    cut = markdown.replace("</tbody>\n</table>\n\n## 四", "</tbody>\n\n</table>\n\n## 四")
    assert cut != markdown
    assert _unprinted(gd.read(cut, "markdown").report, written) == written
    ends = markdown[: markdown.rindex("</table>")]
    assert gd.read(ends, "markdown", partial=True).report.reviews == written.reviews


@settings(max_examples=round_trips(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readable_reports(fixed_width=True))
def test_text_round_trip(report: gd.AnnualReport) -> None:
    read = gd.read(gd.render(report, "text"), "text").report
    assert _unprinted(read, report) == report


@settings(max_examples=round_trips(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readable_reports())
def test_markdown_round_trip(report: gd.AnnualReport) -> None:
    read = gd.read(gd.render(report, "markdown"), "markdown").report
    assert _unprinted(read, report) == report


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(512), "Word 97-2003 (.doc)"),
        (b"{\\rtf1\\ansi \\f0 report}", "RTF document"),
    ],
)
def test_documents_no_reader_reads_say_what_to_do(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(data)
    for source in (data, path):
        with pytest.raises(gd.ReadError, match=r"save it as \.docx") as caught:
            gd.read(source)
        assert what in str(caught.value)


def test_sources_are_bytes_streams_paths_and_text() -> None:
    data = SEED_TEXT.read_bytes()
    expected = gd.read(SEED_TEXT).report
    assert gd.read(data).report == expected
    assert gd.read(io.BytesIO(data)).report == expected
    assert gd.read(data.decode("utf-8")).report == expected
    assert gd.read(data.decode("utf-8").encode("gb18030")).report == expected
    assert gd.read(data, "text").format == "text"


def test_options_fill_in_what_the_title_does_not_say() -> None:
    text = SEED_TEXT.read_text("utf-8").replace(
        "中宁县民政局 2020 年政府信息公开工作 年度报告", "年度报告"
    )
    with pytest.raises(gd.ReadError, match="does not name an organ and a year"):
        gd.read(text)
    report = gd.read(text, organ="中宁县民政局", year=2020).report
    assert (report.organ, report.year) == ("中宁县民政局", 2020)
    with pytest.raises(gd.OptionError, match="unknown reader options: colour"):
        gd.read(text, colour="red")


# --- PDF --------------------------------------------------------------------------------------


def _squeezed(paragraphs: tuple[gd.Paragraph, ...]) -> list[str]:
    return [re.sub(r"\s+", "", p.text) for p in paragraphs]


@pytest.mark.parametrize("name", ["zhongning-minzheng-2020", "shiyan-ziranziyuan-2022"])
def test_pdfs_of_our_docx_read_back(name: str) -> None:
    pytest.importorskip("pypdf")
    report = gd.load(ROOT / "examples" / f"{name}.json")
    result = gd.read(FIXTURES / "pdf" / f"{name}.pdf")
    read = result.report
    assert result.format == "pdf"
    assert (read.organ, read.year, read.edition) == (report.organ, report.year, report.edition)
    assert read.proactive == report.proactive
    assert read.applications == report.applications
    # A PDF's text keeps no trace of blank cells among others: no figure is placed by a
    # guess, and the figures are kept in the note.
    if report.reviews.cells.count(gd.BLANK):
        [note] = [n for n in result.notes_of("unplaced") if "nothing tells which" in n.action]
        assert note.snippet.split() == [str(c) for c in report.reviews.cells if c is not gd.BLANK]
        assert set(read.reviews.cells) == {gd.BLANK}
    else:
        assert read.reviews == report.reviews
    # Every figure points at its page and the line of that page it is printed on.
    from govdisclosure.readers.pdf import pdf_text

    pages = pdf_text((FIXTURES / "pdf" / f"{name}.pdf").read_bytes()).split("\n\f")
    for (section, position), ref in result.sources.items():
        assert ref.page is not None
        assert ref.line is not None
        cell = read.table(section).cells[position]
        if isinstance(cell, int) and not isinstance(cell, bool):
            assert str(abs(cell)) in pages[ref.page - 1].split("\n")[ref.line - 1]
    # The words survive; spacing between Chinese and digits depends on the PDF's fonts.
    assert _squeezed(read.problems) == _squeezed(report.problems)
    assert _squeezed(read.other_matters) == _squeezed(report.other_matters)


def test_reading_pdf_without_pypdf_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # what an absent package imports as
    with pytest.raises(gd.FormatNotAvailable) as caught:
        gd.read(FIXTURES / "pdf" / "zhongning-minzheng-2020.pdf")
    # Both the package index's form and the README's (a clone) are said.
    assert "pip install 'govdisclosure[pdf]'" in str(caught.value)
    assert "pip install -e '.[pdf]'" in str(caught.value)


def test_money_units_in_cells() -> None:
    result = gd.read(SEED_TEXT)
    amount = result.report.proactive["centralized_procurement", "procurement_amount"]
    assert amount == gd.Money(Decimal("6165711"), "元")


# --- the command line -------------------------------------------------------------------------


def test_the_command_line_reads_documents_into_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govdisclosure.__main__ import main

    assert main(["read", str(SEED_TEXT), str(PIPES), "-o", str(tmp_path), "--notes"]) == 0
    out = capsys.readouterr().out
    assert "zhongning-minzheng-2020.json  (read from text: 1 cell printed empty;" in out
    assert "[extra] $.report.applications._extra_columns" in out
    assert gd.load(tmp_path / "zhongning-minzheng-2020.json") == gd.read(SEED_TEXT).report
    # check, summary and render take documents too.
    assert main(["check", str(PIPES)]) == 1  # the planted R3 error
    lines = capsys.readouterr().out.splitlines()
    r3 = next(i for i, line in enumerate(lines) if line.startswith("    R3   "))
    assert "三、（三）不予公开 8.属于行政查询事项·总计" in lines[r3]
    # ... and where its cells were printed, so the clerk can go to the line.
    assert lines[r3 + 1] == "         原文：第 46 行"
    assert main(["check", "--lang", "en", str(PIPES)]) == 1
    assert "         in the source: line 46" in capsys.readouterr().out.splitlines()
    # A JSON report has no source document to point into.
    assert (
        main(["check", str(ROOT / "examples" / "broken" / "zhongning-minzheng-2020-broken.json")])
        == 1
    )
    assert "原文" not in capsys.readouterr().out
    assert main(["read", str(tmp_path / "missing.txt"), "-o", str(tmp_path)]) == 2
    assert "missing.txt: no such file or folder" in capsys.readouterr().err
