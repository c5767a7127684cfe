"""Renderers: the registry, render() and render_to(), and the text, Markdown and HTML
formats (DOCX has tests of its own; every format has golden files)."""

from __future__ import annotations

import importlib
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs
import html5lib
import pytest
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure import formats as registry
from govdisclosure.renderers.document import Heading, Para, Table, build_document
from govdisclosure.renderers.docx.preset import GB_T_9704
from govdisclosure.renderers.grid import Grid, GridCell, Role, table_grid
from govdisclosure.renderers.markdown import escape, escape_block, grid_markdown
from govdisclosure.renderers.text import grid_text
from govdisclosure.textwidth import display_width
from tests.strategies import reports

ROOT = Path(__file__).resolve().parent.parent
SEED = gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")
INVENTED = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
TEXT_FORMATS = ("text", "markdown", "html", "json")


def text(report: gd.AnnualReport, fmt: str, **options: Any) -> str:
    """A text format's output (render returns bytes only for DOCX)."""
    out = gd.render(report, fmt, **options)
    assert isinstance(out, str)
    return out


# --- the registry -------------------------------------------------------------------------


def test_builtin_formats_are_available() -> None:
    assert {"docx", "html", "markdown", "text", "json", "xlsx"} <= set(gd.available_formats())


def test_an_unknown_format_lists_the_available_ones() -> None:
    with pytest.raises(gd.FormatNotAvailable, match="no format named 'rtf'; available: docx"):
        gd.render(SEED, "rtf")
    with pytest.raises(LookupError):
        gd.get_format("rtf")
    with pytest.raises(gd.FormatNotAvailable, match="can only be read"):
        gd.render(SEED, "pdf")
    with pytest.raises(gd.FormatNotAvailable, match="known extensions"):
        gd.render_to(SEED, "report.rtf")


class Shout:
    name = "shout"
    extensions: tuple[str, ...] = (".shout",)
    media_type = "text/plain"
    binary = False

    def render(self, report: gd.AnnualReport, *, locale: str, **options: Any) -> str:
        bangs: int = options.get("bangs", 1)
        return report.title.upper() + "!" * bangs


@pytest.fixture
def formats() -> Any:
    saved = dict(registry._REGISTERED), dict(registry._LOADED)
    yield
    registry._REGISTERED.clear()
    registry._REGISTERED.update(saved[0])
    registry._LOADED.clear()
    registry._LOADED.update(saved[1])


@pytest.mark.usefixtures("formats")
def test_third_parties_register_formats(tmp_path: Path) -> None:
    gd.register_format("shout", Shout())
    assert "shout" in gd.available_formats()
    assert text(SEED, "shout", bangs=3).endswith("!!!")
    gd.render_to(SEED, tmp_path / "r.shout")
    assert (tmp_path / "r.shout").read_text(encoding="utf-8").endswith("!")
    gd.register_format("later", "tests.test_renderers:LATER")
    assert gd.render(SEED, "later") == SEED.title.upper() + "!"
    with pytest.raises(gd.FormatNotAvailable, match="must have name"):
        gd.register_format("bad", object())  # type: ignore[arg-type]
    with pytest.raises(gd.FormatNotAvailable, match="identifier"):
        gd.register_format("not a name", Shout())
    gd.register_format("missing", "no_such_module_here:FORMAT")
    with pytest.raises(gd.FormatNotAvailable, match="not installed"):
        gd.render(SEED, "missing")
    gd.unregister_format("shout")
    assert "shout" not in gd.available_formats()
    with pytest.raises(gd.FormatNotAvailable, match="was registered"):
        gd.unregister_format("html")


LATER = Shout()


@pytest.mark.usefixtures("formats")
def test_formats_published_by_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    class Point:
        name = "shout-ep"

        def load(self) -> Any:
            return Shout

    monkeypatch.setattr(registry, "_entry_points", lambda: {"shout-ep": Point()})
    assert "shout-ep" in gd.available_formats()
    assert text(SEED, "shout-ep").startswith(SEED.title.upper())


def test_builtin_formats_name_sides_that_exist() -> None:
    # The registry names each side as a string, which neither mypy nor an import follows.
    for fmt in registry._BUILTIN.values():
        sides = [("govdisclosure.readers.", fmt._read)]
        sides += [("govdisclosure.renderers.", fmt._render)] if fmt._render else []
        for package, target in sides:
            module, _, attribute = target.partition(":")
            assert module.startswith(package), target
            assert callable(getattr(importlib.import_module(module), attribute)), target
    assert [f.name for f in registry._BUILTIN.values() if not f.renders] == ["pdf"]
    with pytest.raises(gd.FormatNotAvailable, match="does not write PDF"):
        gd.get_format("pdf").render(SEED, locale="zh_CN")


def test_render_checks_its_arguments() -> None:
    with pytest.raises(gd.ReportValueError, match="AnnualReport"):
        gd.render("report", "text")  # type: ignore[call-overload]
    with pytest.raises(gd.ReportValueError, match="locale"):
        gd.render(SEED, "text", locale="fr")
    with pytest.raises(TypeError, match="options"):
        gd.render(SEED, "text", colour="red")


# --- render_to ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("r.txt", "text"), ("r.md", "markdown"), ("r.HTML", "html"), ("r.json", "json")],
)
def test_render_to_takes_the_format_from_the_extension(
    tmp_path: Path, name: str, expected: str
) -> None:
    gd.render_to(SEED, tmp_path / name)
    assert (tmp_path / name).read_text(encoding="utf-8") == gd.render(SEED, expected)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_render_to_never_leaves_a_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.txt"
    target.write_text("the old report", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        gd.render_to(SEED, target)
    assert target.read_text(encoding="utf-8") == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


# --- the same output every time -------------------------------------------------------------


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_renders_are_deterministic_across_processes(fmt: str, locale: str) -> None:
    here = gd.render(SEED, fmt, locale=locale)
    code = (
        "import sys, govdisclosure as gd\n"
        f"r = gd.load({str(ROOT / 'examples' / 'zhongning-minzheng-2020.json')!r})\n"
        f"sys.stdout.buffer.write(gd.render(r, {fmt!r}, locale={locale!r}).encode())\n"
    )
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    assert isinstance(here, str)
    assert there == here.encode()


# --- the document and the grids -----------------------------------------------------------


def test_the_document_follows_the_report() -> None:
    doc = build_document(SEED)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings[0] == "一、总体情况"
    assert [b.section for b in doc.blocks if isinstance(b, Table)] == [
        gd.Section.PROACTIVE,
        gd.Section.APPLICATIONS,
        gd.Section.REVIEWS,
    ]
    leads = [b.lead for b in doc.blocks if isinstance(b, Para) and b.lead]
    assert leads[0] == "（一）主动公开政府信息情况。"
    english = build_document(SEED, "en")
    assert next(b.text for b in english.blocks if isinstance(b, Heading)) == "1. Overview"


def test_a_preamble_without_wording_is_composed_from_its_facts() -> None:
    facts = attrs.evolve(SEED.preamble, paragraphs=())
    doc = build_document(attrs.evolve(SEED, preamble=facts))
    first = doc.blocks[0]
    assert isinstance(first, Para)
    assert "2020年1月1日至2020年12月31日" in first.text
    assert "中宁县人民政府门户网站（http://www.znzf.gov.cn）" in first.text
    assert "电话：0955-5021321" in first.text


def _data_cells(grid: Grid) -> list[Any]:
    return [cell.value for cell in grid.numbers()]


@pytest.mark.parametrize("report", [SEED, INVENTED], ids=["2019", "2021"])
def test_every_cell_appears_once_in_its_grid(report: gd.AnnualReport) -> None:
    for table in report.tables:
        grid = table_grid(table)
        assert _data_cells(grid) == list(table.cells)
        grid.matrix()  # every position covered exactly once (it asserts so)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(plain=True))
def test_text_tables_align_by_display_width(report: gd.AnnualReport) -> None:
    for table in report.tables:
        grid = table_grid(table)
        lines = grid_text(grid)
        assert len(lines) == len(grid.rows)
        # In table 三, every number row whose 总计 is filled ends at the same display
        # column, however wide the labels and numbers are.
        if table is report.applications:
            ends = {
                display_width(line)
                for line, row in zip(lines, grid.rows, strict=True)
                if row[-1].role is Role.NUMBER and row[-1].text
            }
            assert len(ends) <= 1


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_escapes_the_reports_text() -> None:
    assert escape("a|b*c_d[e]<f>") == r"a\|b\*c\_d\[e\]\<f\>"
    assert escape("1.25 万元") == "1.25 万元"
    assert escape_block("- 一是") == r"\- 一是"
    report = attrs.evolve(INVENTED, problems=["一是 | 管道 * 星号", "- 不是列表"])
    md = text(report, "markdown")
    assert r"一是 \| 管道 \* 星号" in md
    assert r"\- 不是列表" in md


Shown = list[list[tuple[str, int, int, str]]]


def _shown_tables(markdown: str) -> list[Shown]:
    """The tables a CommonMark renderer (markdown-it, with GitHub's pipe tables) shows for
    ``markdown``: each row's cells as (tag, rowspan, colspan, text)."""
    markdown_it = pytest.importorskip("markdown_it")
    page = markdown_it.MarkdownIt("commonmark").enable("table").render(markdown)
    # Strictly parsed (a fragment: no doctype): the HTML the Markdown holds is well formed.
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(page)
    return [
        [
            [
                (c.tag, int(c.get("rowspan", 1)), int(c.get("colspan", 1)), "".join(c.itertext()))
                for c in tr
            ]
            for tr in table.iter("tr")
        ]
        for table in tree.iter("table")
    ]


def _tag(cell: GridCell) -> str:
    return "th" if cell.is_header else "td"


def _form(grid: Grid) -> list[Shown]:
    """The tables Markdown should show for ``grid``: as the form, spans and all, or for
    table 二 a pipe table per block (a header row of ``th``, then rows of ``td``)."""
    if grid.header_rows:
        return [[[(_tag(c), c.row_span, c.col_span, c.text) for c in row] for row in grid.rows]]
    blocks: list[Shown] = []
    for row in grid.rows:
        if row[0].role is Role.CAPTION:
            blocks.append([])
            continue
        tag = "td" if blocks[-1] else "th"
        blocks[-1].append([(tag, 1, 1, c.text) for c in row])
    return blocks


@pytest.mark.parametrize("report", [SEED, INVENTED], ids=["2019", "2021"])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_markdown_shows_the_tables_as_the_form(report: gd.AnnualReport, locale: str) -> None:
    md = text(report, "markdown", locale=locale)
    doc = build_document(report, locale)
    grids = [block.grid for block in doc.blocks if isinstance(block, Table)]
    assert _shown_tables(md) == [shown for grid in grids for shown in _form(grid)]
    # Tables 三 and 四 merge header cells (申请人情况, 行政诉讼): HTML, whole in one
    # HTML block (no blank line in it, which would end it); table 二 stays pipes.
    merged = [grid for grid in grids if grid.header_rows]
    assert len(merged) == 2
    assert md.count("<table>") == len(merged)
    for block in md.split("\n\n"):
        assert block.startswith("<table>") == block.endswith("</table>")
    captions = [row[0].text for row in grids[0].rows if row[0].role is Role.CAPTION]
    assert all(f"\n\n**{escape(caption)}**\n\n" in md for caption in captions)
    assert "**四是**" in text(SEED, "markdown")


def test_markdown_keeps_pipes_for_a_table_of_one_header_row_and_no_merged_cell() -> None:
    grid = table_grid(INVENTED.proactive)
    rows = grid.rows[1:3]  # a block of table 二: its header row and its first row
    plain = Grid("一", len(rows[0]), 1, rows)
    lines = grid_markdown(plain)
    assert lines[0] == "| " + " | ".join(escape(c.text) for c in rows[0]) + " |"
    assert lines[1].startswith("| --- | ---: |")
    assert grid_markdown(table_grid(INVENTED.applications))[0] == "<table>"


# --- HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize("report", [SEED, INVENTED], ids=["2019", "2021"])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_html_parses_without_errors_in_an_html5_parser(
    report: gd.AnnualReport, locale: str
) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(text(report, "html", locale=locale))
    assert tree.get("lang") == ("zh-CN" if locale == "zh_CN" else "en")
    fragment = text(report, "html", standalone=False)
    assert fragment.startswith('<article class="govdisclosure-report"')
    parser.parseFragment(fragment)


def test_html_tables_mirror_the_grid() -> None:
    page = text(SEED, "html")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tables = parser.parse(page).findall(".//table")
    assert len(tables) == 3
    seed_tables: tuple[gd.CellTable[Any, Any], ...] = SEED.tables
    for element, table in zip(tables, seed_tables, strict=True):
        grid = table_grid(table)
        rows = element.findall(".//tr")
        assert len(rows) == len(grid.rows)
        for tr, row in zip(rows, grid.rows, strict=True):
            cells = list(tr)
            assert [(int(c.get("rowspan", 1)), int(c.get("colspan", 1))) for c in cells] == [
                (c.row_span, c.col_span) for c in row
            ]
            assert ["th" if c.is_header else "td" for c in row] == [c.tag for c in cells]
        if grid.header_rows:
            assert len(element.findall("./thead/tr")) == grid.header_rows
        assert all(th.get("scope") for th in element.iter("th"))


def test_html_escapes_all_text() -> None:
    report = attrs.evolve(
        INVENTED, organ="<script>alert(1)</script>局", problems=['"引号" & <b>标签</b>']
    )
    page = text(report, "html")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;局" in page
    assert "&quot;引号&quot; &amp; &lt;b&gt;标签&lt;/b&gt;" in page


def test_html_is_self_contained_and_prints_on_a4() -> None:
    page = text(SEED, "html")
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    # The page and its margins are the DOCX preset's (GB/T 9704), the number at the foot.
    a4 = GB_T_9704
    size = f"size: {a4.page_width:g}mm {a4.page_height:g}mm; margin: {a4.margin_top:g}mm"
    assert f"@page {{ {size}" in page
    for number in ("@bottom-right", "@bottom-left", "counter(page)"):
        assert number in page
    assert "<thead>" in page
    assert '<td class="number blank"></td>' in page  # the blank 行政复议 cells


def test_blank_stays_blank_and_marks_stay_marks_everywhere() -> None:
    apps = INVENTED.applications.with_cell("new", "research", "/").with_cell("new", "other", None)
    report = attrs.evolve(INVENTED, applications=apps)
    grid = table_grid(report.applications)
    texts = {(c.spec.row.value, c.spec.column.value): c.text for c in grid.numbers() if c.spec}
    assert texts["new", "research"] == "/"
    assert texts["new", "other"] == ""
    assert 'class="number">/</td>' in text(report, "html")
    assert [c.role for c in grid.rows[0]] == [Role.CORNER, Role.COLUMN]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_every_format_renders_any_report(report: gd.AnnualReport) -> None:
    for fmt in gd.available_formats("render"):
        for locale in ("zh_CN", "en"):
            out = gd.render(report, fmt, locale=locale)
            assert out
    html5lib.HTMLParser(strict=True).parse(text(report, "html"))
    for table in report.tables:
        table_grid(table).matrix()  # extra rows included, the grid has no holes


#: Unicode's 66 noncharacters: U+FDD0..U+FDEF and the last two code points of each plane.
NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
    chr(plane + last) for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)
]


@pytest.mark.parametrize("char", NONCHARACTERS, ids=[f"U+{ord(c):04X}" for c in NONCHARACTERS])
def test_no_noncharacter_reaches_a_page(char: str) -> None:
    # Hypothesis found U+2FFFE in a subsection title on an HTML page (html5lib refuses it).
    organ = f"某县{char}统计局"
    report = attrs.evolve(
        INVENTED,
        scope=gd.Scope.aggregate([organ]),
        overview=gd.Overview(subsections=(gd.Subsection(f"中{char}宁"),)),
    )
    page = text(report, "html")
    html5lib.HTMLParser(strict=True).parse(page)
    assert char not in page
    assert "中宁" in page
    assert gd.read(page, "html").report.scope.organs == (organ,)  # kept, escaped, in metadata
    for fmt in ("text", "markdown"):
        assert char not in text(report, fmt)


def test_notes_annotations_and_extra_rows_are_rendered() -> None:
    apps = attrs.evolve(
        INVENTED.applications,
        notes=("注：含转办件。",),
        extra_rows=(gd.ExtraRow("不予受理", (0, 1, 0, 0, 0, 0, 1), after="other_misc"),),
    ).with_annotation("new", "natural_person", "其中网上申请30件")
    two = attrs.evolve(
        INVENTED.proactive,
        extra_rows=(gd.ExtraRow("其他主动公开文件", (4, 0, 4), after="normative_documents"),),
    )
    report = attrs.evolve(INVENTED, applications=apps, proactive=two)
    for fmt in ("text", "markdown", "html"):
        out = text(report, fmt)
        assert "注：含转办件。" in out, fmt
        assert "38（其中网上申请30件）" in out, fmt
        assert "不予受理" in out, fmt
        assert "其他主动公开文件" in out, fmt
    lines = text(report, "text").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("行政规范性文件"))
    assert lines[index + 1].startswith("其他主动公开文件")
    assert "38 (其中网上申请30件)" in text(report, "text", locale="en")


SUBTOTAL = "法人或其他组织小计"
LEGAL = ("commercial", "research", "public_welfare", "legal_services", "other")


def _with_extra_columns(report: gd.AnnualReport) -> gd.AnnualReport:
    """``report`` printing columns its form lacks: a 法人或其他组织小计 after 其他 in table 三
    (with an extra row too), one after 本年处理决定数量 in the second block of table 二, and a
    小计 after 其他结果 in table 四."""
    apps = report.applications
    figures = [[apps[row, part] for part in LEGAL] for row in apps.row_keys]
    sums = [sum(c for c in row if isinstance(c, int)) for row in figures]
    apps = attrs.evolve(
        apps,
        extra_columns=(gd.ExtraColumn(SUBTOTAL, sums, after="other"),),
        extra_rows=(gd.ExtraRow("不予受理", (0, 1, 0, 0, 0, 0, 1), after="other_misc"),),
    )
    online = gd.ExtraColumn("其中网上办理", (900,), after="decisions", block=1)
    two = attrs.evolve(report.proactive, extra_columns=(online,))
    four = attrs.evolve(
        report.reviews, extra_columns=(gd.ExtraColumn("小计", (11, 12, 13), after="other"),)
    )
    return attrs.evolve(report, applications=apps, proactive=two, reviews=four)


#: Table 三's first number row with the subtotal column: 自然人, the five legal persons,
#: 法人或其他组织小计, 总计.
FIRST_ROW = ["38", "6", "2", "1", "4", "3", "16", "54"]


def test_extra_columns_are_rendered_inside_their_group() -> None:
    report = _with_extra_columns(INVENTED)
    # The grid: a sibling leaf after 其他 under 法人或其他组织, its figure in every row.
    before = table_grid(INVENTED.applications)
    grid = table_grid(report.applications)
    assert grid.columns == before.columns + 1 == 11
    assert [(c.text, c.col_span) for c in grid.rows[1]] == [
        ("自然人", 1),
        ("法人或其他组织", 6),
        ("总计", 1),
    ]
    assert [c.text for c in grid.rows[2]][-2:] == ["其他", SUBTOTAL]
    assert [c.text for c in grid.rows[3] if c.role is Role.NUMBER] == FIRST_ROW
    assert [c.text for c in grid.rows[-1] if c.role is Role.NUMBER] == [
        *("0", "1", "0", "0", "0", "0"),
        "",  # the extra row has no figure under the extra column
        "1",
    ]
    for table in report.tables:
        table_grid(table).matrix()  # no holes
    # The skeletons of the form are cached per edition and table: not these.
    assert table_grid(INVENTED.applications) == before

    # Text: the label after 其他, the subtotal between 其他 and 总计 in each row.
    lines = text(report, "text").splitlines()
    (header,) = [line for line in lines if SUBTOTAL in line]
    assert header.split()[-2:] == ["其他", SUBTOTAL]
    (first,) = [line for line in lines if line.startswith("一、本年新收")]
    assert first.split()[1:] == FIRST_ROW
    (licensing,) = [line for line in lines if line.startswith("行政许可")]
    assert licensing.split()[1:] == ["1268", "900"]
    english = text(report, "text", locale="en").splitlines()
    assert any(line.split()[-2:] == ["Other", SUBTOTAL] for line in english)

    # Markdown: the form's tables, the column under its group, its figure in each row.
    markdown = text(report, "markdown")
    shown = _shown_tables(markdown)
    three_shown, four_shown = ([[cell[3] for cell in row] for row in t] for t in shown[-2:])
    assert three_shown[2][-2:] == ["其他", SUBTOTAL]
    assert three_shown[3] == ["一、本年新收政府信息公开申请数量", *FIRST_ROW]
    assert three_shown[-1] == ["不予受理", "0", "1", "0", "0", "0", "0", "", "1"]
    assert four_shown[1][:4] == ["结果维持", "结果纠正", "其他结果", "小计"]
    assert four_shown[-1][:4] == ["2", "1", "0", "11"]
    assert "| 信息内容 | 本年处理决定数量 | 其中网上办理 |" in markdown.splitlines()

    # HTML: the header cell, and the colspans of its groups grown by one.
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    two, three, four = parser.parse(text(report, "html")).findall(".//table")
    heads = {th.text: th for th in three.findall(".//thead//th")}
    assert heads["法人或其他组织"].get("colspan") == "6"
    assert heads["申请人情况"].get("colspan") == "8"
    assert heads[SUBTOTAL].get("scope") == "col"
    last = three.findall(".//thead/tr")[-1]
    assert [th.text for th in last][-2:] == ["其他", SUBTOTAL]
    first_row = three.find(".//tbody/tr")
    assert first_row is not None
    assert [td.text or "" for td in first_row.findall("td")] == FIRST_ROW
    assert [th.text for th in four.findall(".//thead/tr")[1]][:6] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "小计",
        "尚未审结",
        "总计",
    ]
    assert "其中网上办理" in [th.text for th in two.findall(".//th")]

    # DOCX: the same grid, merged cell for cell.
    data = gd.render(report, "docx")
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = ElementTree.fromstring(archive.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    tbl = body.findall(f".//{w}tbl")[1]
    assert len(tbl.findall(f"{w}tblGrid/{w}gridCol")) == 11

    def words(tc: Any) -> str:
        return "".join(t.text or "" for t in tc.iter(f"{w}t"))

    spans = {
        words(tc): tc.find(f"{w}tcPr/{w}gridSpan").get(f"{w}val")  # type: ignore[union-attr]
        for tc in tbl.iter(f"{w}tc")
        if tc.find(f"{w}tcPr/{w}gridSpan") is not None
    }
    assert spans["法人或其他组织"] == "6"
    rows = tbl.findall(f"{w}tr")
    # …then the continuation of 总计, merged down from the row above.
    assert [words(tc) for tc in rows[2].findall(f"{w}tc")][-3:] == ["其他", SUBTOTAL, ""]
    assert [words(tc) for tc in rows[3].findall(f"{w}tc")][-8:] == FIRST_ROW
