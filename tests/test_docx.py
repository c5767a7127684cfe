"""The DOCX format: the official form merged cell for cell, the GB/T 9704 page and fonts,
styles a reference document can replace, and the same bytes on every render."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import os
import re
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.i18n import translate
from govdisclosure.renderers.document import Heading, Table, build_document
from govdisclosure.renderers.docx import GB_T_9704, Font, Preset
from govdisclosure.renderers.grid import Grid, Role
from govdisclosure.renderers.numbers import cell_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhongning-minzheng-2020.json"
INVENTED = ROOT / "examples" / "shiyan-ziranziyuan-2022.json"
EXAMPLES = (SEED, INVENTED)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
THEME_FONTS = ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme")


@cache
def report(path: Path) -> gd.AnnualReport:
    return gd.load(path)


@cache
def rendered(path: Path, locale: str = "zh_CN") -> bytes:
    data = gd.render(report(path), "docx", locale=locale)
    assert isinstance(data, bytes)
    return data


def xml(data: bytes, name: str) -> Any:
    from docx.oxml.parser import parse_xml

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return parse_xml(archive.read(name))


def val(element: Any, name: str, default: str | None = None) -> str | None:
    """The ``w:name`` attribute of ``element`` (``default`` when there is no element)."""
    if element is None:
        return default
    value = element.get(W + name)
    return default if value is None else str(value)


def text_of(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t"))


def tables(data: bytes) -> list[Any]:
    return list(xml(data, "word/document.xml").iter(W + "tbl"))


def grids(path: Path, locale: str = "zh_CN") -> list[Grid]:
    doc = build_document(report(path), locale)
    return [block.grid for block in doc.blocks if isinstance(block, Table)]


def styles_by_id(data: bytes) -> dict[str, Any]:
    styles = xml(data, "word/styles.xml")
    return {str(s.get(W + "styleId")): s for s in styles.iter(W + "style")}


# --- tables ----------------------------------------------------------------------------------


def expected_cells(grid: Grid) -> list[list[tuple[int, str | None, str]]]:
    """What each ``w:tc`` of each row must be, walking the grid: its gridSpan, its vMerge
    ("restart" where a tall cell starts, "continue" below it, None for a cell one row
    high) and its text (only where the cell starts)."""
    out = []
    for row in grid.matrix():
        cells = []
        c = 0
        while c < grid.columns:
            cell, start = row[c]
            merge = None if cell.row_span == 1 else "restart" if start else "continue"
            cells.append((cell.col_span, merge, cell.text if start else ""))
            c += cell.col_span
        out.append(cells)
    return out


def actual_cells(tbl: Any) -> list[list[tuple[int, str | None, str]]]:
    out = []
    for tr in tbl.findall(W + "tr"):
        cells = []
        for tc in tr.findall(W + "tc"):
            props = tc.find(W + "tcPr")
            span = int(val(props.find(W + "gridSpan"), "val", "1") or 1)
            vmerge = props.find(W + "vMerge")
            merge = None if vmerge is None else val(vmerge, "val", "continue")
            cells.append((span, merge, text_of(tc)))
        out.append(cells)
    return out


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_cell_is_merged_as_the_grid_says(path: Path, locale: str) -> None:
    data = rendered(path, locale)
    found = tables(data)
    expected = grids(path, locale)
    assert len(found) == len(expected) == 3
    for tbl, grid in zip(found, expected, strict=True):
        columns = tbl.find(W + "tblGrid").findall(W + "gridCol")
        assert len(columns) == grid.columns
        assert actual_cells(tbl) == expected_cells(grid), grid.number


def test_the_merges_are_those_of_the_official_form() -> None:
    # The same structure spelled out, independently of the grid.
    old, new = (actual_cells(t) for t in (tables(rendered(SEED))[1], tables(rendered(INVENTED))[1]))
    for three in (old, new):
        corner = three[0][0]
        assert corner[:2] == (3, "restart")
        assert corner[2].startswith("（本列数据的勾稽关系为：第一项加第二项之和")
        assert three[0][1] == (7, None, "申请人情况")
        second = [(3, "continue"), (1, "restart"), (5, None), (1, "restart")]
        assert [c[:2] for c in three[1]] == second
        assert three[2][0][:2] == (3, "continue")
        assert three[3][0] == (3, None, "一、本年新收政府信息公开申请数量")
        assert three[5][0] == (1, "restart", "三、本年度办理结果")
        assert three[5][1] == (2, None, "（一）予以公开")
        assert three[7][1] == (1, "restart", "（三）不予公开")
        assert three[-1][0] == (3, None, "四、结转下年度继续办理")
    # 三、本年度办理结果 runs from （一） to （七）: 20 rows in 2019, 22 in 2021.
    assert sum(1 for row in old if row[0][:2] == (1, "continue")) == 19
    assert sum(1 for row in new if row[0][:2] == (1, "continue")) == 21
    other = next(i for i, row in enumerate(new) if row[1][2] == "（六）其他处理")
    assert new[other][1][:2] == (1, "restart")
    assert [new[other + k][1][:2] for k in (1, 2)] == [(1, "continue")] * 2
    assert next(row for row in old if row[1][2] == "（六）其他处理")[1][:2] == (2, None)

    two = actual_cells(tables(rendered(SEED))[0])
    captions = [row[0] for row in two if len(row) == 1]
    assert [c[2] for c in captions] == [
        f"第二十条第（{n}）项" for n in ("一", "五", "六", "八", "九")
    ]
    assert all(c[:2] == (4, None) for c in captions)
    assert two[-1] == [(1, None, "政府集中采购"), (1, None, "3"), (2, None, "6165711 元")]

    four = actual_cells(tables(rendered(SEED))[2])
    assert [c[:3] for c in four[0]] == [(5, None, "行政复议"), (10, None, "行政诉讼")]
    assert [c[0] for c in four[1]] == [1, 1, 1, 1, 1, 5, 5]
    assert [c[1] for c in four[2]] == ["continue"] * 5 + [None] * 10
    assert len(four[3]) == 15


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_header_rows_repeat_and_no_row_splits(path: Path) -> None:
    for tbl, grid in zip(tables(rendered(path)), grids(path), strict=True):
        rows = tbl.findall(W + "tr")
        assert all(tr.find(W + "trPr").find(W + "cantSplit") is not None for tr in rows)
        repeated = [tr.find(W + "trPr").find(W + "tblHeader") is not None for tr in rows]
        assert repeated == [r < grid.header_rows for r in range(len(rows))], grid.number
    assert [g.header_rows for g in grids(path)] == [0, 3, 3]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_tables_fill_the_text_width_with_borders_on_every_cell(path: Path) -> None:
    data = rendered(path)
    text_width = 11906 - 1587 - 1474
    for tbl in tables(data):
        props = tbl.find(W + "tblPr")
        assert (val(props.find(W + "tblW"), "w"), val(props.find(W + "tblW"), "type")) == (
            "5000",
            "pct",
        )
        assert val(props.find(W + "tblLayout"), "type") == "fixed"
        borders = props.find(W + "tblBorders")
        sides = ("top", "left", "bottom", "right", "insideH", "insideV")
        assert all(val(borders.find(W + side), "val") == "single" for side in sides)
        widths = [int(val(c, "w") or 0) for c in tbl.find(W + "tblGrid").findall(W + "gridCol")]
        assert sum(widths) == text_width
        assert min(widths) > 400
        for tr in tbl.findall(W + "tr"):
            cells = [tc.find(W + "tcPr").find(W + "tcW") for tc in tr.findall(W + "tc")]
            assert sum(int(val(w, "w") or 0) for w in cells) == text_width
    table_grid = styles_by_id(data)["TableGrid"]
    assert all(val(table_grid.find(f".//{W}{s}"), "val") == "single" for s in ("top", "insideV"))


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_header_words_too_wide_for_their_column_are_turned(path: Path, locale: str) -> None:
    """No word of a header is broken: a one-column header whose longest word is wider
    than its column is set bottom to top (English tables 三 and 四), in a header row tall
    enough for it; Chinese headers, which break between characters, never are."""
    data = rendered(path, locale)
    for tbl in tables(data)[1:]:  # tables 三 and 四 have column headers
        widths = [int(val(c, "w") or 0) for c in tbl.find(W + "tblGrid").findall(W + "gridCol")]
        turned = []
        for tr in tbl.findall(W + "tr"):
            for tc in tr.findall(W + "tc"):
                direction = tc.find(W + "tcPr").find(W + "textDirection")
                if direction is not None:
                    assert val(direction, "val") == "btLr"
                    assert tc.find(W + "tcPr").find(W + "gridSpan") is None
                    turned.append(text_of(tc))
        if locale == "zh_CN":
            assert turned == []
            continue
        assert "Upheld" in turned or "Commercial enterprises" in turned
        assert "Applicants" not in turned  # a header over several columns stays level
        header_rows = [
            tr for tr in tbl.findall(W + "tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None
        ]
        last = header_rows[-1].find(f"{W}trPr/{W}trHeight")
        assert int(val(last, "val") or 0) > 2 * min(widths)  # room for the turned words


def expected_numbers(table: Any, locale: str) -> list[str]:
    layout = table.layout
    out = []
    for block in layout.blocks:
        for row in block.rows:
            for column in block.columns:
                position = layout.position(row.key, column.key)
                out.append(cell_text(layout.cells[position], table.cells[position], locale))
    return out


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_number_reads_back(path: Path, locale: str) -> None:
    import docx

    document = docx.Document(io.BytesIO(rendered(path, locale)))
    assert len(document.tables) == 3
    for table, tbl in zip(report(path).tables, tables(rendered(path, locale)), strict=True):
        shown = [
            text_of(p)
            for p in tbl.iter(W + "p")
            if val(p.find(f"{W}pPr/{W}pStyle"), "val") == "TableNumber"
        ]
        assert shown == expected_numbers(table, locale)
        for text, cell in zip(shown, table.cells, strict=True):
            if type(cell) is int:
                assert int(text) == cell
            elif type(cell) is gd.Blank:
                assert text == ""


def test_blanks_signs_and_units_print_as_the_form_prints_them() -> None:
    two, _three, four = (actual_cells(t) for t in tables(rendered(SEED)))
    texts = [c[2] for row in two for c in row]
    assert {"+12", "+54", "-50", "6165711 元"} <= set(texts)
    assert [c[2] for c in four[3]] == [""] * 5 + ["0"] * 10  # 行政复议 was left blank
    fee = actual_cells(tables(rendered(INVENTED))[0])[-1]
    assert fee == [(1, None, "行政事业性收费"), (3, None, "1.25")]  # its header states 万元


# --- page, fonts, footer -----------------------------------------------------------------------


def test_page_is_a4_with_the_margins_of_gbt_9704() -> None:
    import docx

    data = rendered(SEED)
    section = docx.Document(io.BytesIO(data)).sections[-1]
    lengths = (
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    )
    assert [round(m.mm, 1) if m is not None else None for m in lengths] == [
        210.0,
        297.0,
        37.0,
        35.0,
        28.0,
        26.0,
    ]
    sect = xml(data, "word/document.xml").find(f"{W}body/{W}sectPr")
    size, margin = sect.find(W + "pgSz"), sect.find(W + "pgMar")
    assert (val(size, "w"), val(size, "h")) == ("11906", "16838")
    assert [val(margin, side) for side in ("top", "bottom", "left", "right")] == [
        "2098",
        "1984",
        "1587",
        "1474",
    ]


def used_styles(data: bytes) -> set[str]:
    used: set[str] = set()
    for part in ("word/document.xml", "word/footer1.xml"):
        for tag in ("pStyle", "rStyle", "tblStyle"):
            used |= {str(val(e, "val")) for e in xml(data, part).iter(W + tag)}
    return used


EXPECTED_FONTS = {
    "Title": ("方正小标宋简体", "44"),
    "Heading1": ("黑体", "32"),
    "Heading2": ("楷体_GB2312", "32"),
    "BodyText": ("仿宋_GB2312", "32"),
    "RunInHeading": ("楷体_GB2312", "32"),
    "TableHeading": ("仿宋_GB2312", "21"),
    "TableContents": ("仿宋_GB2312", "21"),
    "TableNumber": ("仿宋_GB2312", "21"),
    "Footer": ("宋体", "28"),
}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_style_used_sets_its_east_asian_font_and_no_theme_font(path: Path) -> None:
    data = rendered(path)
    styles = styles_by_id(data)
    used = used_styles(data)
    assert used <= {*EXPECTED_FONTS, "TableGrid"}
    assert used >= {"Title", "Heading1", "BodyText", "TableNumber", "TableGrid", "Footer"}
    for style_id in used - {"TableGrid"}:
        style = styles[style_id]
        fonts = style.find(f"{W}rPr/{W}rFonts")
        east_asian, size = EXPECTED_FONTS[style_id]
        assert val(fonts, "eastAsia") == east_asian, style_id
        latin = "宋体" if style_id == "Footer" else "Times New Roman"
        assert (val(fonts, "ascii"), val(fonts, "hAnsi")) == (latin, latin), style_id
        assert val(style.find(f"{W}rPr/{W}sz"), "val") == size, style_id
        assert not any(fonts.get(W + theme) for theme in THEME_FONTS), style_id
        # Styles are based on Normal, which sets the same kind of fonts.
        based = val(style.find(W + "basedOn"), "val")
        assert based in (None, "Normal", "DefaultParagraphFont"), style_id
    raw = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert not re.search(r"w:(asciiTheme|eastAsiaTheme|hAnsiTheme|cstheme)=", raw)
    defaults = xml(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    for rpr in (defaults, styles["Normal"].find(W + "rPr")):
        assert val(rpr.find(W + "rFonts"), "eastAsia") == "仿宋_GB2312"
        assert val(rpr.find(W + "lang"), "eastAsia") == "zh-CN"


def test_body_text_has_a_fixed_line_and_a_two_character_indent() -> None:
    styles = styles_by_id(rendered(SEED))
    body = styles["BodyText"].find(W + "pPr")
    spacing, indent = body.find(W + "spacing"), body.find(W + "ind")
    assert (val(spacing, "line"), val(spacing, "lineRule")) == ("560", "exact")
    assert (val(indent, "firstLineChars"), val(indent, "firstLine")) == ("200", "640")
    title = styles["Title"].find(W + "pPr")
    assert val(title.find(W + "jc"), "val") == "center"
    table_text = styles["TableNumber"].find(W + "pPr")
    assert val(table_text.find(W + "spacing"), "lineRule") == "auto"
    assert val(table_text.find(W + "ind"), "firstLine") == "0"
    assert val(table_text.find(W + "jc"), "val") == "center"
    assert val(styles["Heading1"].find(f"{W}pPr/{W}outlineLvl"), "val") == "0"
    assert val(styles["Heading2"].find(f"{W}pPr/{W}outlineLvl"), "val") == "1"


def footers(data: bytes) -> dict[str, Any]:
    """The footer of each kind the body's section refers to ("default" is odd pages')."""
    sect = xml(data, "word/document.xml").find(f"{W}body/{W}sectPr")
    rels = xml(data, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    return {
        str(val(ref, "type")): xml(data, "word/" + str(targets[ref.get(R + "id")]))
        for ref in sect.findall(W + "footerReference")
    }


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_page_numbers_stand_at_the_outer_edge_between_em_dashes(locale: str) -> None:
    """GB/T 9704: 4号 半角宋体 "— 1 —", odd pages right, even pages left, a character
    (一字线) in from the edge of the text: a footer of each kind, Word told to use both."""
    data = rendered(SEED, locale)
    settings = xml(data, "word/settings.xml")
    assert settings.find(W + "evenAndOddHeaders") is not None
    by_kind = footers(data)
    assert set(by_kind) == {"default", "even"}
    em = str(round(GB_T_9704.page_number.size * 20))
    for kind, side in (("default", "right"), ("even", "left")):
        paragraph = by_kind[kind].find(W + "p")
        props = paragraph.find(W + "pPr")
        assert val(props.find(W + "jc"), "val") == side
        assert val(props.find(W + "ind"), side) == em
        kinds = [val(f, "fldCharType") for f in paragraph.iter(W + "fldChar")]
        assert kinds == ["begin", "separate", "end"]
        assert [i.text.strip() for i in paragraph.iter(W + "instrText")] == ["PAGE"]
        assert text_of(paragraph) == "— 1 —"
    footer = styles_by_id(data)["Footer"]
    assert val(footer.find(f"{W}rPr/{W}sz"), "val") == "28"  # 14 pt, 4号
    assert val(footer.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "宋体"


# --- text ------------------------------------------------------------------------------------


def paragraphs(data: bytes) -> list[Any]:
    return list(xml(data, "word/document.xml").find(W + "body").findall(W + "p"))


def signature(data: bytes) -> list[Any]:
    """The last paragraphs of the body: the last of the text, then the organ and date."""
    return paragraphs(data)[-3:]


def props(paragraph: Any) -> Any:
    return paragraph.find(W + "pPr")


@pytest.mark.parametrize(
    ("path", "date"), [(SEED, "\u3000\u3000年\u3000月\u3000日"), (INVENTED, "2023年1月18日")]
)
def test_the_report_is_signed_with_its_organ_and_date_or_blanks_for_the_date(
    path: Path, date: str
) -> None:
    """Signed at its end, right-aligned, the organ kept with the date under it; without a
    publication date (the seed has none), the date line has blanks for the office to fill
    in (Arabic numerals, GB/T 9704-2012)."""
    _, organ, dated = signature(rendered(path))
    assert [text_of(organ), text_of(dated)] == [report(path).organ, date]
    for paragraph in (organ, dated):
        assert val(props(paragraph).find(W + "jc"), "val") == "right"
    assert props(organ).find(W + "keepNext") is not None
    assert props(dated).find(W + "keepNext") is None


def test_no_line_of_body_text_stands_alone_on_a_page() -> None:
    """Widow control on body text (the Normal style turns it off); a short last
    paragraph kept with the signature, a long one left to widow control (the seed's last
    paragraph took its last line alone onto page 8)."""
    body = styles_by_id(rendered(SEED))["BodyText"]
    control = body.find(f"{W}pPr/{W}widowControl")
    assert control is not None
    assert val(control, "val", "1") not in ("0", "false", "off")
    long_last, _, _ = signature(rendered(SEED))
    assert len(text_of(long_last)) > 200
    assert props(long_last).find(W + "keepNext") is None
    short_last, _, _ = signature(rendered(INVENTED))
    assert len(text_of(short_last)) < 60
    assert props(short_last).find(W + "keepNext") is not None


def test_bold_spans_are_bold_runs_and_run_in_titles_take_the_heading_font() -> None:
    data = rendered(SEED)
    runs = [r for p in paragraphs(data) for r in p.findall(W + "r")]
    bold = [text_of(r) for r in runs if r.find(f"{W}rPr/{W}b") is not None]
    assert bold == ["四是", "五是", "六是"]
    leads = [text_of(r) for r in runs if r.find(f"{W}rPr/{W}rStyle") is not None]
    assert leads[0] == "（一）主动公开政府信息情况。"
    assert len(leads) == 6
    title, *rest = paragraphs(data)
    assert val(title.find(f"{W}pPr/{W}pStyle"), "val") == "Title"
    # Too long for one line, the title breaks where printed reports break it.
    assert [text_of(r) for r in title.findall(W + "r")] == [
        "中宁县民政局2020年",
        "",
        "政府信息公开工作年度报告",
    ]
    assert title.find(f"{W}r/{W}br") is not None
    styles = [val(p.find(f"{W}pPr/{W}pStyle"), "val") for p in rest]
    assert set(styles) == {"BodyText", "Heading1"}
    headings = [text_of(p) for p, s in zip(rest, styles, strict=True) if s == "Heading1"]
    doc = build_document(report(SEED))
    assert headings == [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_level_two_headings_use_their_style() -> None:
    data = rendered(INVENTED)
    body = paragraphs(data)
    second = [text_of(p) for p in body if val(p.find(f"{W}pPr/{W}pStyle"), "val") == "Heading2"]
    assert second[0] == "（一）主动公开"
    assert len(second) == 5


def test_english_render_has_english_headings_and_properties() -> None:
    data = rendered(SEED, "en")
    body = paragraphs(data)
    headings = [text_of(p) for p in body if val(p.find(f"{W}pPr/{W}pStyle"), "val") == "Heading1"]
    doc = build_document(report(SEED), "en")
    assert headings == [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings[0] == "1. " + translate("总体情况", "en")
    assert len(headings) == 6
    assert all(h.isascii() and h[0].isdigit() for h in headings)
    assert text_of(body[0]).startswith("Annual Report on Government Information Disclosure")
    styles = styles_by_id(data)
    assert val(styles["Heading1"].find(f"{W}rPr/{W}rFonts"), "eastAsia") == "黑体"
    assert val(styles["Heading1"].find(f"{W}rPr/{W}rFonts"), "ascii") == "Times New Roman"
    core = xml(data, "docProps/core.xml")
    language = core.find("{http://purl.org/dc/elements/1.1/}language")
    assert language.text == "en"


# --- the package -----------------------------------------------------------------------------


def test_same_report_same_bytes_in_this_process_and_another() -> None:
    first = gd.render(report(SEED), "docx")
    assert first == gd.render(gd.load(SEED), "docx") == rendered(SEED)
    code = (
        "import hashlib, sys, govdisclosure as gd\n"
        "data = gd.render(gd.load(sys.argv[1]), 'docx')\n"
        "print(hashlib.sha256(data).hexdigest())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SEED)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert isinstance(first, bytes)
    assert out.stdout.strip() == hashlib.sha256(first).hexdigest()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_package_is_stamped_ordered_and_without_unused_parts(path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered(path))) as archive:
        infos = archive.infolist()
        assert archive.testzip() is None
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert "docProps/thumbnail.jpeg" not in names
    assert not [n for n in names if "customXml" in n or "stylesWithEffects" in n]
    assert {"word/document.xml", "word/styles.xml", "word/footer1.xml"} <= set(names)
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
    assert all(i.compress_type == zipfile.ZIP_DEFLATED and i.extra == b"" for i in infos)
    package_rels = xml(rendered(path), "_rels/.rels")
    assert not [r for r in package_rels if "thumbnail" in (r.get("Type") or "")]
    types = xml(rendered(path), "[Content_Types].xml")
    overridden = {str(o.get("PartName"))[1:] for o in types if o.get("PartName")}
    assert overridden == {n for n in names if not n.endswith(".rels")} - {"[Content_Types].xml"}


def test_document_properties_come_from_the_report() -> None:
    import docx

    seed = docx.Document(io.BytesIO(rendered(SEED))).core_properties
    assert seed.title == "中宁县民政局2020年政府信息公开工作年度报告"
    assert seed.author == seed.last_modified_by == "中宁县民政局"
    assert seed.language == "zh-CN"
    assert seed.subject
    assert seed.revision == 1
    # No publication date: 1 January after the report year, never the clock.
    assert seed.created == seed.modified == dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    invented = docx.Document(io.BytesIO(rendered(INVENTED))).core_properties
    assert invented.created == dt.datetime(2023, 1, 18, tzinfo=dt.UTC)


def test_importing_the_package_does_not_import_python_docx_but_rendering_does() -> None:
    """Nor does rendering import ``urllib.request`` (tens of milliseconds), which
    ``xml.sax.saxutils`` imports: the renderer escapes XML itself."""
    code = (
        "import sys, govdisclosure as gd\n"
        "before = 'docx' in sys.modules\n"
        "report = gd.load(sys.argv[1])\n"
        "gd.render(report, 'docx'); gd.render(report, 'docx', locale='en')\n"
        "print(before, 'docx' in sys.modules, 'urllib.request' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "True", "False"]


def test_render_to_writes_a_file_python_docx_opens(tmp_path: Path) -> None:
    import docx

    target = tmp_path / "report.docx"
    gd.render_to(report(INVENTED), target)
    assert target.read_bytes() == rendered(INVENTED)
    document = docx.Document(str(target))
    assert document.paragraphs[0].style is not None
    assert document.paragraphs[0].style.name == "Title"
    assert [len(t.rows) for t in document.tables] == [14, 3 + 25, 4]


# --- options ---------------------------------------------------------------------------------


def reference_docx() -> bytes:
    """A reference document: US Letter, a Heading 1 with Word's Chinese style id ("1"), a
    red Title, and none of the table or run-in styles."""
    import docx
    from docx.shared import Inches, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(1)
    document.styles["Title"].font.color.rgb = RGBColor(0xC0, 0, 0)
    document.styles["Heading 1"].element.set(W + "styleId", "1")
    document.add_paragraph("text that must not survive")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_reference_document_supplies_styles_and_page_setup(tmp_path: Path) -> None:
    reference = reference_docx()
    data = gd.render(report(SEED), "docx", reference=reference)
    assert isinstance(data, bytes)
    sect = xml(data, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert val(sect.find(W + "pgSz"), "w") == "12240"
    assert val(sect.find(W + "pgMar"), "left") == "1440"
    body = paragraphs(data)
    assert "text that must not survive" not in [text_of(p) for p in body]
    styles = styles_by_id(data)
    assert val(styles["Title"].find(f"{W}rPr/{W}color"), "val") == "C00000"
    headings = [p for p in body if val(p.find(f"{W}pPr/{W}pStyle"), "val") == "1"]
    assert len(headings) == 6
    # What the reference lacks comes from the preset.
    for missing in ("TableNumber", "TableContents", "TableHeading", "RunInHeading"):
        fonts = styles[missing].find(f"{W}rPr/{W}rFonts")
        assert val(fonts, "eastAsia") in ("仿宋_GB2312", "楷体_GB2312")
    # Tables fill the reference's text area: 12240 - 2 * 1440.
    for tbl in tables(data):
        widths = [int(val(c, "w") or 0) for c in tbl.find(W + "tblGrid").findall(W + "gridCol")]
        assert sum(widths) == 12240 - 2 * 1440
    # It has no footers: the page numbers of the preset, odd and even.
    assert set(footers(data)) == {"default", "even"}
    path = tmp_path / "reference.docx"
    path.write_bytes(reference)
    assert gd.render(report(SEED), "docx", reference=path) == data
    assert gd.render(report(SEED), "docx", reference=str(path)) == data


def test_a_reference_document_with_a_header_numbers_every_page_alike() -> None:
    """Odd and even footers would leave its even pages without its header: the odd
    pages' footer numbers every page; a reference's own footer is kept."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "某县人民政府办公室"
    out = io.BytesIO()
    document.save(out)
    data = gd.render(report(SEED), "docx", reference=out.getvalue())
    assert isinstance(data, bytes)
    assert list(footers(data)) == ["default"]
    paragraph = footers(data)["default"].find(W + "p")
    assert val(paragraph.find(f"{W}pPr/{W}jc"), "val") == "right"
    assert xml(data, "word/settings.xml").find(W + "evenAndOddHeaders") is None
    document.sections[0].footer.paragraphs[0].text = "本机关自己的页脚"
    out = io.BytesIO()
    document.save(out)
    data = gd.render(report(SEED), "docx", reference=out.getvalue())
    assert isinstance(data, bytes)
    assert [text_of(f) for f in footers(data).values()] == ["本机关自己的页脚"]


def test_a_preset_changes_fonts_and_page() -> None:
    preset = dataclasses.replace(
        GB_T_9704, body=Font("宋体", 12), margin_left=30.0, line_spacing=20.0
    )
    data = gd.render(report(SEED), "docx", preset=preset)
    assert isinstance(data, bytes)
    body = styles_by_id(data)["BodyText"]
    assert val(body.find(f"{W}rPr/{W}rFonts"), "eastAsia") == "宋体"
    assert val(body.find(f"{W}rPr/{W}sz"), "val") == "24"
    assert val(body.find(f"{W}pPr/{W}spacing"), "line") == "400"
    assert val(body.find(f"{W}pPr/{W}ind"), "firstLine") == "480"
    sect = xml(data, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert val(sect.find(W + "pgMar"), "left") == "1701"


def test_options_are_checked() -> None:
    seed = report(SEED)
    with pytest.raises(TypeError, match="only 'preset' and 'reference'"):
        gd.render(seed, "docx", colour="red")
    with pytest.raises(TypeError, match="Preset"):
        gd.render(seed, "docx", preset={"body": "宋体"})
    with pytest.raises(TypeError, match="reference"):
        gd.render(seed, "docx", reference=42)
    with pytest.raises(ValueError, match="font size"):
        Font("宋体", 0)
    with pytest.raises(ValueError, match="margins"):
        Preset(margin_left=120, margin_right=100)
    with pytest.raises(TypeError, match="Font"):
        Preset(body="仿宋")  # type: ignore[arg-type]


def test_text_that_xml_cannot_hold_is_dropped_and_breaks_are_kept() -> None:
    from govdisclosure.text import Paragraph

    seed = report(SEED)
    odd = attrs.evolve(seed, problems=(Paragraph("第一行\n第二行\x07\t完"),))
    data = gd.render(odd, "docx")
    assert isinstance(data, bytes)
    last = [p for p in paragraphs(data) if "第一行" in text_of(p)]
    assert len(last) == 1
    assert text_of(last[0]) == "第一行第二行完"
    assert last[0].find(f".//{W}br") is not None
    assert last[0].find(f".//{W}tab") is not None


ROLE_STYLES = {
    Role.CAPTION: "TableHeading",
    Role.CORNER: "TableHeading",
    Role.COLUMN: "TableHeading",
    Role.ROW: "TableContents",
    Role.NUMBER: "TableNumber",
    Role.FILLER: "TableNumber",
}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_cell_takes_the_table_style_of_its_role(path: Path) -> None:
    for tbl, grid in zip(tables(rendered(path)), grids(path), strict=True):
        for tr, row in zip(tbl.findall(W + "tr"), grid.matrix(), strict=True):
            roles = []
            c = 0
            while c < grid.columns:
                roles.append(row[c][0].role)
                c += row[c][0].col_span
            shown = [val(tc.find(f"{W}p/{W}pPr/{W}pStyle"), "val") for tc in tr.findall(W + "tc")]
            assert shown == [ROLE_STYLES[role] for role in roles]


def test_the_font_table_names_the_preset_fonts_and_their_other_names() -> None:
    fonts = xml(rendered(SEED), "word/fontTable.xml")
    entries = {str(f.get(W + "name")): f for f in fonts.findall(W + "font")}
    faces = {"Times New Roman", "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}
    assert set(entries) == faces
    assert val(entries["仿宋_GB2312"].find(W + "altName"), "val") == "FangSong_GB2312"
    assert val(entries["方正小标宋简体"].find(W + "charset"), "val") == "86"


@pytest.mark.parametrize("fmt", ["docx", "html", "markdown", "text"])
def test_the_blank_date_line_reads_back_as_no_date(fmt: str) -> None:
    """Every format signs the seed (no publication date) over blanks for the date; every
    reader takes the signature out and reads no date, leaving 六 as written."""
    seed = report(SEED)
    output = gd.render(seed, fmt)
    assert seed.organ in (output if isinstance(output, str) else text_of(paragraphs(output)[-2]))
    result = gd.read(output, fmt, organ_kind=seed.organ_kind, scope=seed.scope)
    assert result.report.published is None
    assert result.report.other_matters == seed.other_matters
    (note,) = [n for n in result.notes if n.location == "$.report.published"]
    assert "blank date line" in note.action
    assert "organ" in note.action
