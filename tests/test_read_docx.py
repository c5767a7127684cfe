"""Reading Word documents: our own DOCX back to the same report (a property over random
reports), Word files made by others in the official layout (tests/fixtures/docx, made
by tools/make-docx-fixtures.py), and damaged or hostile files."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    CellKind,
    Contact,
    Edition,
    NotApplicable,
    Overview,
    Period,
    Preamble,
    Section,
    Website,
)
from govdisclosure.errors import ReadError
from govdisclosure.readers.blocks import TableBlock, TextBlock
from govdisclosure.readers.docx import docx_blocks, read_docx
from govdisclosure.readers.facts import parse_title
from govdisclosure.tables import CellTable, ExtraColumn, ExtraRow
from tests.readable import annotation_texts
from tests.strategies import (
    cells_for,
    not_applicable,
    paragraphs,
    reports,
    round_trips,
    texts,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhongning-minzheng-2020.json"
INVENTED = ROOT / "examples" / "shiyan-ziranziyuan-2022.json"
FIXTURES = ROOT / "tests" / "fixtures" / "docx"


def docx_of(report: gd.AnnualReport, **options: Any) -> bytes:
    data = gd.render(report, "docx", **options)
    assert isinstance(data, bytes)
    return data


# --- our own documents ------------------------------------------------------------------


@pytest.mark.parametrize("path", [SEED, INVENTED], ids=lambda p: p.stem)
def test_the_examples_read_back_exactly(path: Path) -> None:
    report = gd.load(path)
    result = gd.read(docx_of(report))
    assert result.format == "docx"
    assert result.report == report


def test_the_properties_carry_what_the_document_does_not_print() -> None:
    report = attrs.evolve(
        gd.load(SEED),
        organ_kind=None,
        scope=gd.Scope.aggregate(["县教育局", "县民政局"]),
    )
    result = gd.read(docx_of(report))
    assert result.report.organ_kind is None  # not inferred from the name 中宁县民政局
    assert result.report.scope == report.scope
    inferred = result.notes_of("inferred")
    assert [n.location for n in inferred] == ["$.report.organ_kind", "$.report.scope"]
    assert all(n.action == "from the document's properties" for n in inferred)
    # What the caller passes wins over the document's properties.
    given_kind = gd.read(docx_of(report), organ_kind="government").report.organ_kind
    assert given_kind is gd.OrganKind.GOVERNMENT


def test_the_signature_is_printed_and_read_as_the_publication_date() -> None:
    report = attrs.evolve(gd.load(SEED), published=gd.load(INVENTED).published)
    blocks, _ = docx_blocks(docx_of(report))
    assert [getattr(b, "text", None) for b in blocks[-2:]] == ["中宁县民政局", "2023年1月18日"]
    assert gd.read(docx_of(report)).report.published == report.published


def test_a_reference_documents_own_properties_are_kept() -> None:
    first = docx_of(gd.load(SEED))
    # A reference document with a property of its own, and ours from an earlier render.
    archive = zipfile.ZipFile(io.BytesIO(first))
    custom = archive.read("docProps/custom.xml").decode()
    mine = (
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" name="Checked by">'
        "<vt:lpwstr>王五</vt:lpwstr></property></Properties>"
    )
    reference = _replace_entry(first, "docProps/custom.xml", custom.replace("</Properties>", mine))
    report = attrs.evolve(gd.load(SEED), organ_kind="government")
    data = docx_of(report, reference=reference)
    written = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml").decode()
    assert written.count("govdisclosure.organ_kind") == 1
    assert "Checked by" in written
    assert gd.read(data).report.organ_kind is gd.OrganKind.GOVERNMENT


# --- the property: read(render(r, "docx")) == r ------------------------------------------

_BASES = ("《中华人民共和国政府信息公开条例》", "《政府信息公开工作年度报告格式》")
_SITES = ("中宁县人民政府门户网站", "示例市人民政府网站", "本局网站")
_URLS = (None, "http://www.znzf.gov.cn", "https://www.example.gov.cn/zwgk")
_OFFICES = ("县民政局综合办公室", "示例局办公室")


@st.composite
def _stated_preambles(draw: st.DrawFn, year: int) -> Preamble:
    """A preamble with wording of its own, or the facts alone, which are printed in the
    standard wording (valued as real reports state them)."""
    if draw(st.booleans()):
        return Preamble(draw(paragraphs(plain=True, min_size=1)))
    basis = tuple(draw(st.lists(st.sampled_from(_BASES), max_size=2, unique=True)))
    period = draw(st.sampled_from([None, Period.calendar_year(year)]))
    website = draw(st.none() | st.builds(Website, st.sampled_from(_SITES), st.sampled_from(_URLS)))
    contact = draw(
        st.none()
        | st.builds(
            Contact,
            office=st.sampled_from(_OFFICES),
            address=st.sampled_from([None, "人民路1号"]),
            postcode=st.sampled_from([None, "755100"]),
            phone=st.sampled_from([None, "0955-5021321"]),
            email=st.sampled_from([None, "gk@example.gov.cn"]),
        )
    )
    return Preamble(legal_basis=basis, period=period, website=website, contact=contact)


_LEGAL_PERSONS = ("commercial", "research", "public_welfare", "legal_services", "other")
_EXTRA_LABELS = ("其他主动公开文件", "不予受理", "地方补充事项", "转办", "备案审查")


@st.composite
def _printable_extras(draw: st.DrawFn, table: CellTable[Any, Any]) -> CellTable[Any, Any]:
    """What a real report prints around a table's cells, as it can be printed and read
    back (see the test's docstring for each restriction)."""
    if draw(st.integers(0, 2)) != 0:
        return attrs.evolve(table, notes=(), annotations=(), extra_rows=(), extra_columns=())
    spec = table.layout
    notes = tuple(draw(st.lists(texts(plain=True, max_size=20), max_size=2)))
    positions = draw(st.lists(st.integers(0, len(spec.cells) - 1), max_size=3, unique=True))
    annotations = tuple(
        sorted((p, draw(annotation_texts(table.cells[p] is BLANK))) for p in positions)
    )
    plans = spec.row_plans
    rows: list[ExtraRow] = []
    if table.section is Section.PROACTIVE:
        # In print order; after the last row is at the table's end.
        chosen = draw(st.lists(st.integers(0, len(plans) - 1), max_size=2))
        afters: list[Any] = [plans[i] for i in sorted(chosen)]
    else:
        afters = [None] * draw(st.integers(0, 2))
    for plan in afters:
        # An extra row holds no negative figure (the model keeps counts and amounts).
        kinds = [CellKind.COUNT if k is CellKind.SIGNED else k for k in (plan or plans[-1]).kinds]
        cells = tuple(draw(cells_for(kind)) for kind in kinds)
        after = None if plan is None or plan is plans[-1] else plan.name
        rows.append(ExtraRow(draw(st.sampled_from(_EXTRA_LABELS)), cells, after=after))
    columns: tuple[ExtraColumn, ...] = ()
    if table.section is Section.APPLICATIONS and draw(st.booleans()):
        after = draw(st.sampled_from(_LEGAL_PERSONS))
        count = st.one_of(cells_for(CellKind.COUNT), not_applicable())
        cells = tuple(draw(count) for _ in spec.blocks[0].rows)
        label = draw(st.sampled_from(["法人或其他组织小计", "小计"]))
        columns = (ExtraColumn(label, cells, after=after),)
    return attrs.evolve(
        table, notes=notes, annotations=annotations, extra_rows=tuple(rows), extra_columns=columns
    )


def _titled(report: gd.AnnualReport) -> bool:
    """Whether the standard title names the report's organ and year back."""
    title = f"{report.organ}{report.year}年政府信息公开工作年度报告"
    return parse_title(title) == (report.organ, report.year)


@st.composite
def printable_reports(draw: st.DrawFn) -> gd.AnnualReport:
    report = draw(
        reports(plain=True).filter(
            lambda r: (
                parse_title(f"{r.organ}{r.year}年政府信息公开工作年度报告") == (r.organ, r.year)
            )
        )
    )
    organ = report.organ
    assume_title = draw(st.integers(0, 2))
    title = None
    if assume_title == 1:
        title = f"{organ}{report.year}年度政府信息公开工作报告"
    elif assume_title == 2:
        title = f"{organ}关于{report.year}年政务公开工作年度报告"
    subsections = tuple(
        attrs.evolve(sub, run_in=sub.run_in and bool(sub.paragraphs))
        for sub in report.overview.subsections
    )
    tables: dict[str, Any] = {
        name: draw(_printable_extras(getattr(report, name)))
        for name in ("proactive", "applications", "reviews")
    }
    return attrs.evolve(
        report,
        title=title,
        preamble=draw(_stated_preambles(report.year)),
        overview=Overview(report.overview.intro, subsections),
        **tables,
    )


@settings(max_examples=round_trips(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(printable_reports())
def test_our_docx_reads_back_exactly(report: gd.AnnualReport) -> None:
    """``read(render(r, "docx")).report == r`` for random reports of both editions,
    consistent or not, with blanks, marks, money, bold spans, run-in and heading
    subsections, notes, annotations, extra rows and the extra column real reports print.

    Restricted, because a printed document cannot carry it:

    * text is what reports print (``plain``): no control characters or markup, no
      white space at a paragraph's ends (Word keeps it; every reader strips it);
    * a title of the report's own names its organ and year (the reader takes both from
      the title), and the organ is one a title can name (not "某年报", where the title
      would end);
    * a preamble has wording of its own or only facts: facts are printed only when
      there is no wording, in the standard sentences, so they are drawn as real
      reports state them (a legal basis in 《》, a website, a contact office);
    * a run-in subsection has a paragraph (without one, its title prints as a heading);
    * annotations hold no parentheses and are no bare number ("（三）" is a numbering):
      a cell prints its annotation in parentheses after the figure; a blank cell's,
      printed alone, has no colon either ("（单位：件）" is a header's unit);
    * extra rows have labels no row of the form has (the reader tells them by label),
      the figures of the row they follow, and stand in print order (the reader lists
      them as printed): in table 二 after the row they follow, in tables 三 and 四 at the
      table's end (``after=None``: they are printed there, as merged row headers cannot
      take them anywhere else);
    * the only extra column is table 三's 法人或其他组织小计 (or 小计), in counts, inside
      the 法人或其他组织 group: the column real reports add, where they add it (the
      reader places it by the order of the header's labels);
    """
    data = docx_of(report)
    assert docx_of(report) == data  # deterministic
    result = gd.read(data)
    assert result.report == report


# --- others' documents ------------------------------------------------------------------

ARITHMETIC = {"E1", "R2", "R3", "R4", "R5"}


def fixture(name: str, organ: str, year: int, published: dt.date) -> gd.ReadResult:
    """The fixture read, after checking what its title and signature say, the edition
    its labels tell, and that every section was found and every row placed."""
    result = gd.read(FIXTURES / name)
    report = result.report
    assert (report.organ, report.year, report.published) == (organ, year, published)
    edition = Edition.V2019 if year < 2021 else Edition.V2021
    assert report.edition is edition
    (note,) = result.notes_of("edition")
    assert note.action.startswith(f"labels only the {edition.value} edition prints")
    assert not result.notes_of("missing")
    assert not result.notes_of("unplaced")
    return result


def _row(table: CellTable[Any, Any], key: str) -> tuple[Any, ...]:
    return tuple(table.row(key).values())


def test_the_fixtures_are_what_the_generator_makes() -> None:
    """tools/make-docx-fixtures.py writes the same bytes every run, and the committed
    files are its output."""
    spec = importlib.util.spec_from_file_location("fixtures", ROOT / "tools/make-docx-fixtures.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, make in module.FIXTURES.items():
        assert make() == (FIXTURES / name).read_bytes(), name


def test_our_docx_saved_again_by_libreoffice_reads_back_exactly() -> None:
    """A Word file another program wrote: LibreOffice opened our DOCX of the 2022 example
    and saved it as Word 2007 XML (its own styles, run properties and table markup; not
    made by tools/make-docx-fixtures.py, as it needs LibreOffice)."""
    result = gd.read(FIXTURES / "libreoffice-resaved-2022.docx")
    assert result.report == gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    assert not result.notes_of("unplaced")
    assert not result.notes_of("missing")


def test_unmerged_headers_bold_headings_and_spaced_figures() -> None:
    result = fixture("others-2019-unmerged.docx", "示例县教育局", 2019, dt.date(2020, 1, 15))
    report = result.report
    # (d) headings as bold Normal paragraphs: every section found, subsections as headings.
    assert [(s.title, s.run_in) for s in report.overview.subsections] == [
        ("主动公开", False),
        ("依申请公开", False),
    ]
    assert [p.text for p in report.problems] == ["信息公开的及时性有待提高。下一步将加强培训。"]
    # (e) figures as printed: an annotation, spaces in and around figures, a blank total.
    proactive = report.proactive
    assert _row(proactive, "normative_documents") == (22, 20, 85)
    assert proactive.annotation("normative_documents", "本年新制作数量") == "其中修订16件"
    assert _row(proactive, "administrative_licensing") == (7, 2, 1234)
    assert _row(proactive, "administrative_penalty") == (53, -5, 120)
    assert proactive["centralized_procurement", "采购总金额"] == gd.Money("6165711", "元")
    apps = report.applications
    assert _row(apps, "new") == (12, 2, 0, 0, 1, 0, 15)
    assert _row(apps, "partially_disclosed") == (2, 0, 0, 0, 0, 0, BLANK)
    assert _row(apps, "total") == (11, 2, 0, 0, 1, 0, 14)
    assert _row(apps, "carried_forward") == (2, 0, 0, 0, 0, 0, 2)
    assert _row(report.reviews, "review") == (1, 0, 0, 0, 1)
    # (a), (c): plain header cells and empty rows leave nothing behind.
    assert all(not t.extra_rows and not t.extra_columns for t in report.tables)
    # (h) the note under table 二.
    assert proactive.notes == ("注：行政许可处理决定数量含变更、延续事项。",)
    assert apps.notes == ()
    assert report.reviews.notes == ()
    # The planted inconsistency, on its cell.
    failed = [f for f in gd.validate(report).findings if f.rule in ARITHMETIC]
    assert [(f.rule, f.location.json_path, f.reported, f.computed) for f in failed] == [
        ("R3", "$.report.applications.disclosed.total", 9, 8)
    ]


def test_a_split_table_a_single_other_handling_row_and_a_foreign_row() -> None:
    result = fixture("others-2021-split.docx", "示例市生态环境局", 2021, dt.date(2022, 1, 20))
    report = result.report
    # Word's heading styles, and a run-in title printed bold.
    assert [(s.title, s.run_in) for s in report.overview.subsections] == [
        ("主动公开", False),
        ("依申请公开。", True),
    ]
    assert [p.text for p in report.problems] == ["政策解读的形式还不够丰富。"]  # in a w:sdt
    proactive = report.proactive
    assert _row(proactive, "normative_documents") == (3, 1, 12)
    assert proactive["administrative_fees", "fee_amount"] == gd.Money("1.25", "万元")
    # (b) both halves of table 三, the second after a page break with its header again.
    apps = report.applications
    assert _row(apps, "new") == (30, 5, 1, 0, 2, 1, 39)
    assert _row(apps, "withheld_third_party") == (2, 0, 0, 0, 0, 0, 2)
    assert _row(apps, "unable_not_held") == (3, 1, 0, 0, 0, 1, 5)
    assert _row(apps, "total") == (28, 4, 1, 0, 2, 1, 36)
    assert _row(apps, "carried_forward") == (4, 1, 0, 0, 0, 0, 5)
    row, column = gd.ApplicationRow.UNABLE_NOT_HELD, gd.Applicant.NATURAL_PERSON
    position = apps.layout.position(row, column)
    assert result.source_of(Section.APPLICATIONS, position) == gd.SourceRef(
        table=2, row=3, column=3, file=str(FIXTURES / "others-2021-split.docx")
    )
    # (f), (g): a single （六）其他处理 row and a row neither edition has, kept as extra rows.
    assert apps.extra_rows == (
        ExtraRow("不予受理", (1, 0, 0, 0, 0, 0, 1), after="not_processed_confirmation"),
        ExtraRow("（六）其他处理", (2, 0, 0, 0, 1, 0, 3), after="not_processed_confirmation"),
    )
    assert all(
        c is BLANK
        for key in ("other_no_correction", "other_unpaid_fee", "other_misc")
        for c in _row(apps, key)
    )
    extra = [n.action for n in result.notes_of("extra") if "_extra_rows" in n.location]
    assert any("the form divides 其他处理 into rows" in action for action in extra)
    # The note printed as the table's last row.
    assert apps.notes == ("注：“不予受理”为本市自行增加的统计项。",)
    # The planted inconsistency, on its cell.
    failed = [f for f in gd.validate(report).findings if f.rule in ARITHMETIC]
    assert [(f.rule, f.location.json_path, f.reported, f.computed) for f in failed] == [
        ("R5", "$.report.reviews.review.total", 5, 4)
    ]


def _replace_entry(data: bytes, name: str, text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = text.encode("utf-8") if info.filename == name else source.read(info)
            target.writestr(info, content)
    return out.getvalue()


# --- the front end: WordprocessingML to blocks ------------------------------------------

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_STYLES = f"""<w:styles {_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
  <w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="x2"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="Strong1"><w:name w:val="Strong Para"/>
  <w:basedOn w:val="a"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="My Outline"/>
  <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="em"><w:name w:val="Emphasis Bold"/>
  <w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="h2char"><w:name w:val="标题 2 字符"/>
  <w:link w:val="x2"/></w:style>
</w:styles>"""


def _docx(body: str, styles: str | None = _STYLES, footer: bool = True) -> bytes:
    """A minimal package around ``body`` (the children of w:body)."""
    document = f"<w:document {_NS}><w:body>{body}</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", document)
        if styles is not None:
            archive.writestr("word/styles.xml", styles)
        if footer:
            footer_xml = f"<w:ftr {_NS}><w:p><w:r><w:t>— 1 —</w:t></w:r></w:p></w:ftr>"
            archive.writestr("word/footer1.xml", footer_xml)
    return out.getvalue()


def _p(runs: str, style: str = "", extra: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style or extra else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def _r(text: str, rpr: str = "") -> str:
    return (
        f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
    )


def test_paragraphs_become_text_blocks() -> None:
    body = "".join(
        [
            _p(_r("一、总体情况"), "1"),  # heading 1 by its name, bold by its style
            _p(_r("（一）主动公开"), "x2"),  # 标题 2
            _p(_r("三级"), "Outline"),  # an outline level in the style
            _p(_r("直接大纲"), extra='<w:outlineLvl w:val="0"/>'),
            _p(_r("加粗段落"), "Strong1"),  # bold by its style, short: a heading (level 9)
            _p(_r("不加粗", "<w:b w:val='false'/>"), "Strong1"),
            _p(
                _r("甲", "<w:b/>")
                + _r("乙", '<w:b w:val="0"/>')
                + _r("丙", '<w:rStyle w:val="em"/>')
            ),
            _p("<w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>尾</w:t></w:r>"),
            _p(
                '<w:hyperlink r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                + _r("链接")
                + "</w:hyperlink><w:ins>"
                + _r("插入")
                + "</w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + _r("7")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            ),
            "<w:sdt><w:sdtPr/><w:sdtContent>" + _p(_r("控件里的段落")) + "</w:sdtContent></w:sdt>",
            _p(_r("（二）依申请公开", '<w:rStyle w:val="h2char"/>') + _r("正文在后。")),
            _p(""),  # empty: no block
        ]
    )
    blocks, properties = docx_blocks(_docx(body))
    assert properties == {}
    got = [
        (b.text, b.heading, b.lead, [(s.text, s.bold) for s in b.spans])
        for b in blocks
        if isinstance(b, TextBlock)
    ]
    assert got == [
        ("一、总体情况", 1, 0, [("一、总体情况", True)]),
        ("（一）主动公开", 2, 0, [("（一）主动公开", False)]),
        ("三级", 3, 0, [("三级", False)]),
        ("直接大纲", 1, 0, [("直接大纲", False)]),
        ("加粗段落", 9, 0, [("加粗段落", True)]),
        ("不加粗", 0, 0, [("不加粗", False)]),
        ("甲乙丙", 0, 0, [("甲", True), ("乙", False), ("丙", True)]),
        ("第一行", 0, 0, [("第一行", False)]),
        ("第二行 尾", 0, 0, [("第二行 尾", False)]),
        ("链接插入7", 0, 0, [("链接插入7", False)]),
        ("控件里的段落", 0, 0, [("控件里的段落", False)]),
        ("（二）依申请公开正文在后。", 0, 8, [("（二）依申请公开正文在后。", False)]),
    ]
    assert len(blocks) == len(got)  # no table, and nothing from the footer


def test_a_short_bold_paragraph_is_a_heading() -> None:
    blocks, _ = docx_blocks(
        _docx(_p(_r("二、主动公开政府信息情况", "<w:b/>")) + _p(_r("正文", "")))
    )
    assert [getattr(b, "heading", None) for b in blocks] == [9, 0]
    long = "很长的加粗段落" * 7
    blocks, _ = docx_blocks(_docx(_p(_r(long, "<w:b/>"))))
    assert [getattr(b, "heading", None) for b in blocks] == [0]


def test_without_styles_our_style_ids_still_say_what_they_are() -> None:
    body = _p(_r("标题"), "Title") + _p(
        _r("（一）甲。", '<w:rStyle w:val="RunInHeading"/>') + _r("乙")
    )
    blocks, _ = docx_blocks(_docx(body, styles=None))
    assert [(getattr(b, "heading", None), getattr(b, "lead", None)) for b in blocks] == [
        (1, 0),
        (0, 5),
    ]


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(_r(text) if text else '')}</w:tc>"


def test_tables_keep_one_cell_per_printed_cell() -> None:
    nested = f"<w:tbl><w:tr>{_tc('内表甲')}{_tc('内表乙')}</w:tr></w:tbl>"
    rows = [
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        + _tc("合并", '<w:gridSpan w:val="2"/>')
        + _tc("竖", '<w:vMerge w:val="restart"/>')
        + "</w:tr>",
        "<w:tr>" + _tc("a") + _tc("b") + _tc("c") + _tc("", "<w:vMerge/>") + "</w:tr>",
        "<w:tr>"
        + _tc("")
        + f"<w:tc><w:tcPr/>{_p(_r('22'))}{_p(_r('（其中修订16件）'))}</w:tc>"
        + f"<w:tc><w:tcPr/>{_p(_r('外'))}{nested}</w:tc>"
        + _tc("1 234")
        + "</w:tr>",
        "<w:sdt><w:sdtContent><w:tr>" + _tc("控件行") + "</w:tr></w:sdtContent></w:sdt>",
    ]
    blocks, _ = docx_blocks(_docx(_p(_r("前")) + "<w:tbl>" + "".join(rows) + "</w:tbl>"))
    table = blocks[1]
    assert isinstance(table, TableBlock)
    assert table.exact
    got = [
        [(c.text, c.span, c.source.table, c.source.row, c.source.column) for c in row]
        for row in table.rows
    ]
    assert got == [
        [("合并", 2, 0, 0, 1), ("竖", 1, 0, 0, 3)],
        [("a", 1, 0, 1, 0), ("b", 1, 0, 1, 1), ("c", 1, 0, 1, 2)],
        [
            ("", 1, 0, 2, 0),
            ("22（其中修订16件）", 1, 0, 2, 1),
            ("外内表甲内表乙", 1, 0, 2, 2),
            ("1 234", 1, 0, 2, 3),
        ],
        [("控件行", 1, 0, 3, 0)],
    ]


# --- damaged and hostile files ----------------------------------------------------------


def test_a_zip_without_a_document_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a report")
    with pytest.raises(
        ReadError, match=r"not a Word document: the archive has no word/document\.xml"
    ):
        gd.read(out.getvalue())


def test_a_document_with_a_doctype_is_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = _replace_entry(docx_of(gd.load(SEED)), "word/document.xml", bomb)
    with pytest.raises(ReadError, match=r"word/document\.xml declares a DTD"):
        gd.read(data)


def test_a_doctype_hidden_in_utf16_is_refused() -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]>'
        f"<w:document {_NS}><w:body>{_p(_r('&a;'))}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", xml.encode("utf-16"))
    with pytest.raises(ReadError, match=r"word/document\.xml declares a DTD"):
        gd.read(out.getvalue())


def test_a_long_chain_of_styles_is_walked_once() -> None:
    """Each style is resolved once: a chain of thousands (hostile, or a template gone
    wrong) costs no more than their number, and ends where a style says."""
    count = 5000
    chain = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
        f'<w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(count)
    )
    last = f'<w:style w:type="paragraph" w:styleId="s{count}"><w:rPr><w:b/></w:rPr></w:style>'
    styles = f"<w:styles {_NS}>{chain}{last}</w:styles>"
    blocks, _ = docx_blocks(_docx(_p(_r("由链末端加粗"), "s0"), styles=styles))
    assert [(s.text, s.bold) for s in blocks[0].spans] == [("由链末端加粗", True)]  # type: ignore[union-attr]


def test_a_truncated_docx_is_refused() -> None:
    data = docx_of(gd.load(SEED))
    for cut in (len(data) // 2, len(data) - 30, 100):
        with pytest.raises(ReadError):
            gd.read(data[:cut], "docx")


def test_xml_that_is_not_well_formed_is_named() -> None:
    data = _replace_entry(docx_of(gd.load(SEED)), "word/styles.xml", "<w:styles")
    with pytest.raises(ReadError, match=r"word/styles\.xml is not well-formed XML"):
        gd.read(data)


def test_text_is_not_a_docx() -> None:
    with pytest.raises(ReadError, match="bytes, not text"):
        gd.read("一、总体情况", "docx")
    with pytest.raises(ReadError, match="bytes, not text"):
        read_docx("PK", source="x.docx")  # type: ignore[arg-type]


def test_cells_not_applicable_stay_marks() -> None:
    report = gd.load(SEED)
    apps = report.applications.with_cell("new", "natural_person", NotApplicable("—"))
    report = attrs.evolve(report, applications=apps, edition=Edition.V2019)
    assert gd.read(docx_of(report)).report == report
