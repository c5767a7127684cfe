"""The HTML reader: pages this library writes read back into the same report, and pages
as government sites publish them (fixtures under ``tests/fixtures/html/``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

import govdisclosure as gd
from govdisclosure.readers.blocks import TableBlock, TextBlock
from govdisclosure.readers.facts import parse_title
from govdisclosure.readers.html import decode_html, html_blocks, read_html
from tests.readable import annotation_texts
from tests.strategies import cells_for, paragraphs, reports, round_trips, texts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted([*ROOT.glob("examples/*.json"), *ROOT.glob("examples/broken/*.json")])
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"

# --- random reports a page can carry ------------------------------------------------------


def _form_text() -> str:
    """Every label, caption and numbering either edition's forms print."""
    text = ""
    for edition in gd.Edition:
        for table in gd.layout(edition).tables:
            text += table.corner
            for block in table.blocks:
                text += block.caption.zh if block.caption is not None else ""
                for tree in (block.row_tree, block.column_tree):
                    text += "".join(n.numbering + n.label for top in tree for n, _ in top.walk())
    return text


#: Characters no label of either edition's form uses: extra rows labelled with them match
#: no row of the form, nor read as a piece of the header (a label that does is read into
#: that row or header, as it should be).
_FOREIGN = "".join(
    c for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥" if c not in _form_text()
)
_FOREIGN_LABELS = st.text(st.sampled_from(_FOREIGN), min_size=1, max_size=8)


@st.composite
def _preamble(draw: st.DrawFn, year: int) -> gd.Preamble:
    """Printed wording (no facts of its own), or facts printed in the standard wording."""
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return gd.Preamble()
    if choice == 1:
        return gd.Preamble(paragraphs=draw(paragraphs(plain=True, min_size=1)))
    # Names as long as real ones: the reader takes a website's or an office's name of up
    # to 40 characters from the wording (longer ones would swallow sentences).
    words = st.text(
        st.sampled_from("政府信息公开工作条例办法规定通知门户网站办公室"), min_size=2, max_size=30
    )
    return gd.Preamble(
        legal_basis=tuple(f"《{w}》" for w in draw(st.lists(words, min_size=1, max_size=2))),
        period=draw(st.none() | st.just(gd.Period.calendar_year(year))),
        website=draw(
            st.none()
            | st.builds(gd.Website, words, st.sampled_from([None, "http://www.example.gov.cn"]))
        ),
        contact=draw(
            st.none()
            | st.builds(
                gd.Contact,
                office=words,
                phone=st.sampled_from([None, "0955-1234567"]),
                email=st.sampled_from([None, "gk@example.gov.cn"]),
            )
        ),
    )


@st.composite
def _extras(draw: st.DrawFn, table: gd.CellTable) -> gd.CellTable:  # type: ignore[type-arg]
    """Notes, annotations, extra rows and columns that a page prints unambiguously."""
    plans = table.layout.row_plans
    notes = tuple(draw(st.lists(texts(plain=True, max_size=20), max_size=2)))
    positions = draw(st.lists(st.integers(0, len(table.cells) - 1), max_size=3, unique=True))
    annotations = [(p, draw(annotation_texts(table.cells[p] is gd.BLANK))) for p in positions]
    rows = []
    for label in draw(st.lists(_FOREIGN_LABELS, max_size=2, unique=True)):
        # Tables 三 and 四 print extra rows at their end; table 二 after their row, and
        # after the last row is the end.
        ends = table.layout.number != "二"
        plan = None if ends else draw(st.none() | st.sampled_from(plans[:-1]))
        plan = plan or plans[-1]
        # An extra row holds counts (never signed) or amounts, as the row it follows.
        specs = table.layout.cells[plan.start : plan.stop]
        kinds = [gd.CellKind.COUNT if s.kind is gd.CellKind.SIGNED else s.kind for s in specs]
        cells = tuple(
            draw(cells_for(kind, spec.unit)) for kind, spec in zip(kinds, specs, strict=True)
        )
        rows.append(gd.ExtraRow(label, cells, after=None if plan is plans[-1] else plan.name))
    # In the order they are printed (the order of the rows they follow).
    order = [plan.name for plan in plans]
    rows.sort(key=lambda row: order.index(row.after) if row.after else len(order))
    columns: tuple[gd.ExtraColumn, ...] = ()
    if table.layout.number == "三" and draw(st.booleans()):
        cells = tuple(draw(cells_for(plan.kinds[0])) for plan in plans)
        applicants = [node.key.value for node in table.layout.columns_in_order]
        after = draw(st.sampled_from(applicants[:-1]))  # not after 总计 (see below)
        columns = (gd.ExtraColumn("法人或其他组织小计", cells, after=after),)
    return attrs.evolve(
        table,
        notes=notes,
        annotations=tuple(sorted(annotations)),
        extra_rows=tuple(rows),
        extra_columns=columns,
    )


@st.composite
def html_reports(draw: st.DrawFn, edition: gd.Edition | None = None) -> gd.AnnualReport:
    """A random report (:func:`tests.strategies.reports`, plain text) as a page can carry
    it. What is shaped, and why:

    * the title names the organ and year (standard, or a custom one that does): the title
      is the only place a page prints them;
    * the preamble is wording of its own (without facts: a page prints only the wording),
      or facts, printed in the standard wording and parsed back from it;
    * a run-in subsection title has paragraphs: without one it prints as a heading;
    * annotations hold no parentheses (the cell prints "22（annotation）"), and a blank
      cell's is no number: printed alone, "（3）" reads as the numbering of a row;
    * extra rows are labelled with words no row of the form has, and hold the kinds of
      values of the row they follow; in tables 三 and 四 they stand at the end (``after``
      None: a page prints them there, whatever row they followed, as their merged row
      headers take no foreign row), in table 二 after a row — and after the last row is
      the end, so it is written ``after=None``; they are in the order they print in;
    * the only extra column is table 三's 法人或其他组织小计, the one a reader recognises,
      and it stands among the applicant columns: a reader places it by the order of the
      header's labels, and after 总计 (where no report prints a subtotal of the legal
      persons) that order no longer tells where it is.
    """
    report = draw(reports(edition, draw(st.booleans()), plain=True))
    standard = f"{report.organ}{report.year}年政府信息公开工作年度报告"
    assume(parse_title(standard) == (report.organ, report.year))
    title = draw(st.sampled_from([None, standard + "（" + draw(texts(plain=True)) + "）"]))
    subsections = [
        attrs.evolve(sub, run_in=sub.run_in and bool(sub.paragraphs))
        for sub in report.overview.subsections
    ]
    tables: dict[str, Any] = {table.section.value: draw(_extras(table)) for table in report.tables}
    return attrs.evolve(
        report,
        title=title,
        preamble=draw(_preamble(report.year)),
        overview=attrs.evolve(report.overview, subsections=subsections),
        **tables,
    )


def _page(report: gd.AnnualReport, standalone: bool = True) -> str:
    page = gd.render(report, "html", standalone=standalone)
    assert isinstance(page, str)
    return page


def _differences(read: gd.AnnualReport, written: gd.AnnualReport) -> list[str]:
    """What differs, field by field (tables cell by cell), for a readable failure."""
    out = []
    for field in attrs.fields(gd.AnnualReport):
        now, was = getattr(read, field.name), getattr(written, field.name)
        if now == was:
            continue
        if not isinstance(was, gd.CellTable):
            out.append(f"{field.name}: {was!r} -> {now!r}")
            continue
        for part in ("notes", "annotations", "extra_rows", "extra_columns"):
            if getattr(now, part) != getattr(was, part):
                out.append(f"{field.name}.{part}: {getattr(was, part)!r} -> {getattr(now, part)!r}")
        out += [
            f"{field.name}[{spec.row.value}, {spec.column.value}]: {a!r} -> {b!r}"
            for spec, a, b in zip(was.layout.cells, was.cells, now.cells, strict=True)
            if a != b
        ]
    return out


# --- this library's pages -------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("standalone", [True, False], ids=["page", "fragment"])
def test_examples_read_back_from_their_pages(path: Path, standalone: bool) -> None:
    report = gd.load(path)
    page = _page(report, standalone=standalone)
    assert isinstance(page, str)
    for data in (page, page.encode("utf-8")):
        result = gd.read(data, "html")
        assert not _differences(result.report, report)
        assert result.format == "html"
    # Sniffed from the bytes, and read from a file by its extension.
    assert gd.read(page.encode("utf-8")).report == report


def test_the_page_prints_what_it_cannot_show(tmp_path: Path) -> None:
    report = attrs.evolve(
        gd.load(EXAMPLES[0]),
        organ_kind=gd.OrganKind.GOVERNMENT,
        scope=gd.Scope.aggregate(['某县"教育局"', "某县<民政局>"]),
    )
    page = _page(report)
    assert '<meta name="govdisclosure:organ-kind" content="government">' in page
    assert (
        '<meta name="govdisclosure:scope" content="{&quot;kind&quot;:&quot;aggregate&quot;,'
        "&quot;organs&quot;:[&quot;某县\\&quot;教育局\\&quot;&quot;,&quot;某县&lt;民政局&gt;"
        '&quot;]}">' in page
    )
    assert page.index('<p class="signature">') > page.index("<h2>六、")
    fragment = _page(report, standalone=False)
    assert fragment.startswith(
        '<article class="govdisclosure-report" data-organ-kind="government" data-scope="{'
    )
    for text in (page, fragment):
        result = gd.read(text, "html")
        assert result.report == report
        inferred = {note.location: note.action for note in result.notes_of("inferred")}
        assert "govdisclosure:organ-kind" in inferred["$.report.organ_kind"]
        assert "govdisclosure:scope" in inferred["$.report.scope"]
    target = tmp_path / "report.html"
    gd.render_to(report, target)
    assert gd.read(target).report == report


def test_options_win_over_the_metadata_and_bad_metadata_is_noted() -> None:
    report = attrs.evolve(gd.load(EXAMPLES[0]), organ_kind="government")
    page = _page(report)
    read = gd.read(page, "html", organ_kind=gd.OrganKind.OTHER, scope=gd.Scope.own())
    assert read.report.organ_kind is gd.OrganKind.OTHER
    assert not read.notes_of("inferred")
    broken = page.replace('content="government"', 'content="ministry"').replace(
        "<title>", '<meta name="govdisclosure:scope" content="{not json">\n<title>'
    )
    result = gd.read(broken, "html")
    assert result.report.organ_kind is None  # our page: never guessed from the name
    assert result.report.scope == gd.Scope()
    ignored = [n for n in result.notes_of("layout") if n.location.startswith("$.report.")]
    assert [(n.location, n.snippet) for n in ignored] == [
        ("$.report.organ_kind", "ministry"),
        ("$.report.scope", "{not json"),
    ]
    assert all(n.source is not None and n.source.line for n in ignored)


def test_a_report_of_no_kind_stays_of_no_kind() -> None:
    report = attrs.evolve(gd.load(EXAMPLES[0]), organ_kind=None)  # 中宁县民政局: a 局
    page = _page(report)
    assert "govdisclosure:organ-kind" not in page
    assert gd.read(page, "html").report.organ_kind is None
    # Anyone else's page: the name says what kind of organ it is.
    foreign = page.replace('class="govdisclosure-report"', 'class="article"')
    result = gd.read(foreign, "html")
    assert result.report.organ_kind is gd.OrganKind.DEPARTMENT
    assert [n.location for n in result.notes_of("inferred")] == ["$.report.organ_kind"]


def test_text_html_carries_as_it_is() -> None:
    """What text markup would mean elsewhere is text in a page: ``*``, ``\\``, tags."""
    report = attrs.evolve(
        gd.load(EXAMPLES[1]),
        problems=(
            gd.Paragraph([gd.Span("5*8 与 **不是粗体** 及 a\\b；"), gd.Span("<b>加粗</b>", True)]),
            gd.Paragraph("&amp; 与 &lt; 原样保留。"),
        ),
    )
    assert gd.read(_page(report), "html").report == report


# --- random reports a page can carry ------------------------------------------------------


@settings(
    max_examples=round_trips(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(html_reports(), st.booleans())
def test_any_report_reads_back_from_its_page(report: gd.AnnualReport, standalone: bool) -> None:
    page = _page(report, standalone=standalone)
    read = gd.read(page, "html").report
    assert not _differences(read, report)
    assert read == report


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_both_editions_read_back(data: st.DataObject) -> None:
    for edition in gd.Edition:
        report = data.draw(html_reports(edition))
        read = gd.read(_page(report), "html").report
        assert read.edition is edition
        assert not _differences(read, report)
        assert read == report


# --- pages as government sites publish them ---------------------------------------------------


def _fixture(name: str) -> gd.ReadResult:
    return gd.read(FIXTURES / name)


def _notes(result: gd.ReadResult, kind: str) -> list[tuple[str, str]]:
    return [(note.location, note.action) for note in result.notes_of(kind)]


def test_a_county_site_page_with_its_chrome() -> None:
    """A 2021 report in a county site's page: navigation, breadcrumb, article information,
    Word-exported tables with merged cells, ``&nbsp;`` in empty cells, a blank 总计, and
    the site's footer."""
    result = _fixture("county-site-2021.html")
    report = result.report
    assert (report.organ, report.year, report.edition) == ("某县教育局", 2021, gd.Edition.V2021)
    assert report.custom_title is None
    assert report.published == dt.date(2022, 1, 25)
    assert report.organ_kind is gd.OrganKind.DEPARTMENT
    assert report.preamble.period == gd.Period.calendar_year(2021)
    assert report.preamble.website == gd.Website(
        "某县人民政府门户网站", "http://www.example.gov.cn"
    )
    assert report.preamble.contact == gd.Contact(
        office="某县教育局办公室", address="某县新华路1号", postcode="751100", phone="0955-1234567"
    )
    # A line of the source wrapped between two Chinese characters is no space.
    assert [p.text for p in report.overview.intro] == [
        "2021年，某县教育局认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，"
        "扎实推进政府信息公开工作。"
    ]
    first = report.overview.subsections[0]
    assert [s.title for s in report.overview.subsections] == [
        "主动公开。", "依申请公开。", "政府信息管理。", "政府信息公开平台建设。", "监督保障。"
    ]  # fmt: skip
    assert first.run_in
    assert [s.text for s in first.paragraphs[0].spans if s.bold] == ["一是", "二是"]
    assert [p.text for p in report.problems] == [
        "一是政策解读形式较为单一；二是依申请公开答复文书有待规范。下一步将加强业务培训。"
    ]
    assert [p.text for p in report.other_matters] == ["本年度未收取信息处理费。"]

    assert report.proactive == gd.ProactiveTable.from_rows(
        gd.Edition.V2021,
        {
            "rules": [0, 0, 0],
            "normative_documents": [2, 1, 15],
            "administrative_licensing": [356],
            "administrative_penalty": [28],
            "administrative_coercion": [3],
            "administrative_fees": [gd.Money("0.5", "万元")],
        },
    )
    assert report.applications == gd.ApplicationTable.from_rows(
        gd.Edition.V2021,
        {
            "new": [15, 3, 0, 1, 1, 1, 20],
            "carried_over": [2, 0, 0, 0, 0, 0, 2],
            "disclosed": [8, 1, 0, 0, 0, 1, None],
            "partially_disclosed": [2, 0, 0, 0, 0, 0, 2],
            "withheld_third_party": [1, 0, 0, 0, 0, 0, 1],
            "withheld_process_information": [1, 0, 0, 0, 0, 0, 1],
            "unable_not_held": [3, 1, 0, 0, 0, 0, 4],
            "unable_needs_creation": [1, 0, 0, 0, 0, 0, 1],
            "not_processed_repeated": [1, 0, 0, 0, 0, 0, 1],
            "total": [17, 2, 0, 0, 0, 1, 20],
            "carried_forward": [0, 1, 0, 1, 1, 0, 3],
        },
    )
    assert report.reviews == gd.ReviewTable.from_rows(
        gd.Edition.V2021,
        {"review": [1, 0, 0, 0, 1], "litigation_after_review": [None] * 5},
    )
    position = report.applications.layout.position(gd.ApplicationRow.NEW, gd.Applicant.TOTAL)
    where = result.source_of(gd.Section.APPLICATIONS, position)
    assert where is not None
    assert (where.table, where.row, where.column) == (1, 3, 9)

    layout_notes = _notes(result, "layout")
    assert layout_notes[0] == (
        "$",
        "left out the site around the report: <div nav…>, <form>, <div menu…>, "
        "<div breadcrumb…>, <div share…>, <footer>",
    )
    assert layout_notes[1:] == [
        ("$", "dropped a line of the page's navigation or article information"),
        ("$.report.other_matters", "dropped 4 blocks of the site's footer after the report"),
    ]
    footer = result.notes_of("layout")[2]
    assert footer.snippet.startswith("【打印本页】【关闭窗口】 / 主办单位：某县人民政府办公室")
    assert (
        "$.report.applications.disclosed",
        "1 of 7 cells printed empty, kept blank (not 0): 总计",
    ) in _notes(result, "blank")

    # The checker finds the planted error, at its cell, and leaves the blank unchecked.
    validation = gd.validate(report)
    r3 = [(f.location.row, f.location.column, f.reported, f.computed)
          for f in validation if f.rule == "R3"]  # fmt: skip
    assert r3 == [("new", "total", 20, 21)]
    unchecked = [(f.rule, f.location.row, f.location.column) for f in validation.unchecked]
    assert ("R3", "disclosed", "total") in unchecked


def test_a_report_of_2021_in_the_2019_layout() -> None:
    """A city site's GB 2312 page: the layout in tables, navigation in a side column, the
    report in a layout table, paragraphs divided by ``<br>``; the 2019 edition's tables
    for the year 2021."""
    result = _fixture("city-site-2021-in-2019-layout.html")
    report = result.report
    assert (report.organ, report.year, report.edition) == ("某市生态环境局", 2021, gd.Edition.V2019)
    (edition,) = result.notes_of("edition")
    assert edition.action.startswith("labels only the 2019 edition prints: ")
    assert edition.action.endswith("(a 2021 report in the 2019 layout: the checker flags it)")
    assert report.published == dt.date(2022, 1, 28)
    assert [p.text for p in report.overview.intro][
        1
    ] == "一是加强组织领导；二是完善公开制度；三是强化平台建设。"
    assert [s.text for s in report.overview.intro[1].spans if s.bold] == ["一是", "二是", "三是"]
    assert [p.text for p in report.other_matters] == ["无。"]
    assert report.proactive == gd.ProactiveTable.from_rows(
        gd.Edition.V2019,
        {
            "rules": [0, 0, 0],
            "normative_documents": [3, 3, 20],
            "administrative_licensing": [12, 2, 340],
            "other_management_services": [5, 0, 40],
            "administrative_penalty": [30, -2, 56],
            "administrative_coercion": [8, 0, 4],
            "administrative_fees": [6, -1],
            "centralized_procurement": [14, gd.Money("2356800", "元")],
        },
    )
    assert report.applications.row("new") == dict(
        zip(report.applications.column_keys, [6, 1, 0, 0, 0, 0, 7], strict=True)
    )
    assert report.applications["other_handling", "total"] == 0
    assert report.reviews.to_rows()[gd.ReviewCase.REVIEW] == dict(
        zip(report.reviews.column_keys, [1, 0, 0, 1, 3], strict=True)
    )
    assert ("$", "left out the site around the report: <table header…>, <td sidebar…>") in (
        _notes(result, "layout")
    )
    validation = gd.validate(report)
    assert [(f.rule, f.location.json_path) for f in validation.errors] == [
        ("ED1", "$.report.edition"),
        ("R5", "$.report.reviews.review.total"),
    ]
    r5 = validation.errors[1]
    assert (r5.reported, r5.computed) == (3, 2)


def test_a_subtotal_column_of_legal_persons() -> None:
    """Table 三 with a 小计 column for 法人或其他组织 (eight number columns), in a fragment
    copied from a site's editor; one row's subtotal does not add up."""
    result = _fixture("subtotal-column-2020.html")
    table = result.report.applications
    assert result.report.edition is gd.Edition.V2019
    (column,) = table.extra_columns
    assert (column.label, column.after, column.block) == ("小计", "other", 0)
    assert column.cells == (5, 0, 2, *[0] * 9, 2, *[0] * 8, 4, 0)
    assert table.row("new") == dict(zip(table.column_keys, [10, 2, 1, 0, 1, 0, 14], strict=True))
    assert _notes(result, "extra") == [
        (
            "$.report.applications._extra_columns",
            "kept the column the form does not have as an extra column; it differs from the "
            "sum of its parts in 本年新收政府信息公开申请数量: 5 ≠ 4",
        )
    ]
    (r4,) = [f for f in gd.validate(result.report) if f.rule == "R4"]
    assert r4.location.json_path == "$.report.applications._extra_columns[0].cells[0]"
    assert r4.location.row == "new"
    assert (r4.reported, r4.computed) == (5, 4)


def test_a_page_a_word_processor_saved_reads_back() -> None:
    """LibreOffice's "save as HTML" of our DOCX of the 2022 example: runs in ``<font>``
    and ``<span lang>``, cell paragraphs with inline styles, the page footer ("— 3 —")
    in ``<div title="footer">``, and the DOCX's custom properties carried into
    ``<meta name="govdisclosure.…">``."""
    result = _fixture("libreoffice-export-2022.html")
    assert result.report == gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    (footer,) = [n for n in result.notes_of("layout") if "header or footer" in n.action]
    assert "— 3 —" in footer.snippet
    assert {n.location for n in result.notes_of("inferred")} == {
        "$.report.organ_kind",
        "$.report.scope",
    }


def test_a_page_without_tables_is_refused() -> None:
    with pytest.raises(gd.ReadError, match="none of the report's tables") as caught:
        _fixture("refused/no-tables.html")
    assert caught.value.source == str(FIXTURES / "refused" / "no-tables.html")


def test_a_page_that_declares_entities_is_refused() -> None:
    with pytest.raises(gd.ReadError, match="declares entities") as caught:
        _fixture("refused/entity.html")
    assert caught.value.location == "line 3"


# --- parsing safely -------------------------------------------------------------------------


def test_what_cannot_be_parsed_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    for page, message in [
        ("", "the page is empty"),
        ("<!-- 只有注释 -->", "the page is empty"),
        ("<script>var a;</script><nav>首页</nav>", "the page holds no text"),
        ("<div>" * 300 + "x", "nests elements more than 200 deep"),
    ]:
        with pytest.raises(gd.ReadError, match=message):
            read_html(page)
    with pytest.raises(gd.ReadError, match="must be bytes or a str"):
        read_html(42)  # type: ignore[arg-type]
    monkeypatch.setattr("govdisclosure.readers.html.MAX_PAGE_CHARS", 100)
    with pytest.raises(gd.ReadError, match="the page is 101 long; the limit is 100"):
        read_html("<p>" + "x" * 98)


def test_encodings() -> None:
    page = '<meta charset="gbk"><h1>某县民政局2021年政府信息公开工作年度报告</h1>'
    assert decode_html(page.encode("gb18030")) == (page, [])
    assert decode_html(b"\xef\xbb\xbf" + page.encode("utf-8")) == (page, [])
    assert decode_html(page.encode("utf-16")) == (page, [])
    # Declared wrongly (a copy saved in another encoding), or in an unknown encoding.
    text, notes = decode_html(page.replace("gbk", "utf-8").encode("gb18030"))
    assert text == page.replace("gbk", "utf-8")
    assert [(n.snippet, n.action, n.source and n.source.line) for n in notes] == [
        ("utf-8", "the encoding the page declares does not decode it; read it as UTF-8 or "
         "GB 18030", 1)
    ]  # fmt: skip
    text, notes = decode_html(page.replace("gbk", "x-klingon").encode("utf-8"))
    assert "is unknown" in notes[0].action
    assert decode_html("<p>中宁县</p>".encode("gb18030"))[0] == "<p>中宁县</p>"
    with pytest.raises(gd.ReadError, match="neither UTF-8 nor GB 18030"):
        decode_html(b"<p>\xff\xff\xff</p>")


# --- walking the page -----------------------------------------------------------------------


def _texts(page: str) -> list[tuple[int, str]]:
    blocks, _ = html_blocks(page)
    return [(b.heading, b.text) for b in blocks if isinstance(b, TextBlock)]


def test_paragraphs_headings_and_emphasis() -> None:
    blocks, _ = html_blocks(
        "<h1>标题<br>第二行</h1><div>直接文字<p>段落一</p>尾随文字<br>换行后</div>"
        '<p style="font-weight:700">全粗<span style="font-weight: normal">不粗</span></p>'
        '<ul><li>条目一</li><li hidden>隐藏</li><li style="display:none">隐藏</li></ul>'
        "<p>中文\n  换行 与 english\nwords  空格</p>"
    )
    assert [(b.heading, b.text) for b in blocks if isinstance(b, TextBlock)] == [
        (1, "标题第二行"),
        (0, "直接文字"),
        (0, "段落一"),
        (0, "尾随文字"),
        (0, "换行后"),
        (0, "全粗不粗"),
        (0, "条目一"),
        (0, "中文换行 与 english words 空格"),
    ]
    bold = blocks[5]
    assert isinstance(bold, TextBlock)
    assert bold.spans == (gd.Span("全粗", True), gd.Span("不粗"))


def test_a_run_in_title_is_marked_by_its_lead() -> None:
    blocks, _ = html_blocks(
        '<p>  <span class="lead">（一）没有句号的标题</span>正文，<b>一是</b>。</p>'
        '<p>前文<span class="lead">（二）不是开头</span></p>'
    )
    first, second = blocks
    assert isinstance(first, TextBlock)
    assert isinstance(second, TextBlock)
    assert first.text[: first.lead].strip() == "（一）没有句号的标题"
    assert second.lead == 0


def test_site_chrome_is_left_out_unless_it_holds_the_report() -> None:
    page = (
        '<div id="topNav">导航</div><div class="Menu-Bar">菜单</div><aside>侧栏</aside>'
        '<div class="page-header"><h1>某县民政局2021年政府信息公开工作年度报告</h1></div>'
        '<div class="sidebar"><table><tr><td>规章</td><td>1</td></tr></table></div>'
        '<div class="share">分享</div><p>正文</p><noscript>请启用脚本</noscript>'
    )
    blocks, notes = html_blocks(page)
    assert [type(b).__name__ for b in blocks] == ["TextBlock", "TableBlock", "TextBlock"]
    assert [(n.kind, n.action) for n in notes] == [
        ("layout", "left out the site around the report: <div nav…>, <div menu…>, <aside>, "
         "<div share…>")
    ]  # fmt: skip


def test_merged_cells_stand_in_their_grid_columns() -> None:
    blocks, _ = html_blocks(
        "<table><thead><tr><th rowspan=2 colspan=2>信息&nbsp;内容</th><th colspan=2>甲</th></tr>"
        "<tr><th>乙</th><th>丙</th></tr></thead>"
        "<tbody><tr><td rowspan=3>组</td><td>一</td><td>1</td><td>&nbsp;</td></tr>"
        "<tr><td>二<table><tr><td>嵌</td></tr><tr><td>套</td></tr></table></td>"
        "<td colspan=2>2</td></tr>"
        "<tr><td>三</td><td rowspan=9>3</td><td>\u3000</td></tr>"
        "<tr><td rowspan=0>四</td><td>4</td><td></td><td>5</td></tr></tbody>"
        "<tbody><tr><td>五</td><td>6</td><td>7</td></tr></tbody></table>"
    )
    (table,) = blocks
    assert isinstance(table, TableBlock)
    assert table.exact
    rows = [[(c.text, c.span, c.source.row, c.source.column) for c in row] for row in table.rows]
    assert rows == [
        [("信息 内容", 2, 0, 0), ("甲", 2, 0, 2)],
        [("乙", 1, 1, 2), ("丙", 1, 1, 3)],
        [("组", 1, 2, 0), ("一", 1, 2, 1), ("1", 1, 2, 2), ("", 1, 2, 3)],
        [("二 嵌 套", 1, 3, 1), ("2", 2, 3, 2)],
        [("三", 1, 4, 1), ("3", 1, 4, 2), ("", 1, 4, 3)],
        # 组 ends after its three rows; 3 reaches down to the end of its row group.
        [("四", 1, 5, 0), ("4", 1, 5, 1), ("", 1, 5, 3), ("5", 1, 5, 4)],
        # A new row group: no merged cell above reaches into it.
        [("五", 1, 6, 0), ("6", 1, 6, 1), ("7", 1, 6, 2)],
    ]


def test_tables_that_lay_out_the_page_are_walked_through() -> None:
    blocks, _ = html_blocks(
        "<table><tr><td><h1>某县2021年政府信息公开工作年度报告</h1></td></tr></table>"
        "<table><tr><td>正文一</td></tr><tr><td>正文二</td></tr></table>"
        "<table><tr><td><p>外层</p><table><tr><td>规章</td><td>1</td></tr>"
        "<tr><td>行政规范性文件</td><td>2</td></tr></table></td></tr></table>"
    )
    assert [(type(b).__name__, getattr(b, "text", None)) for b in blocks] == [
        ("TextBlock", "某县2021年政府信息公开工作年度报告"),
        ("TextBlock", "正文一"),
        ("TextBlock", "正文二"),
        ("TextBlock", "外层"),
        ("TableBlock", None),
    ]
    table = blocks[-1]
    assert isinstance(table, TableBlock)
    assert table.source.table == 0


def test_a_table_too_large_for_a_report_is_left_out() -> None:
    row = "<tr>" + "<td>1</td>" * 120 + "</tr>"
    blocks, notes = html_blocks(f"<p>前</p><table>{row}</table><p>后</p>")
    assert [b.text for b in blocks if isinstance(b, TextBlock)] == ["前", "后"]
    assert [n.action for n in notes] == [
        "a table of more than 500 rows or 100 columns is no table of a report; left it out"
    ]


def test_text_before_the_title_is_dropped_with_a_note() -> None:
    """The builder looks for the title among the first blocks: what a page prints above
    it (here as text, where neither its tags nor its classes tell it apart) is dropped."""
    report = gd.load(EXAMPLES[1])
    page = _page(report).replace(
        "<body>\n",
        "<body>\n<div>某县人民政府门户网站</div><table><tr><td>索引号</td><td>000014-01</td>"
        "</tr><tr><td>发布机构</td><td>某县</td></tr></table>\n",
    )
    result = gd.read(page, "html")
    assert result.report == report
    (note,) = [n for n in result.notes_of("layout") if n.location == "$.report.title"]
    assert note.snippet == "某县人民政府门户网站 / (a table)"
    assert note.action.startswith("dropped 2 blocks printed before the title")
    # The text reader shares the builder.
    text = "网站首页 | 信息公开\n\n" + str(gd.render(report, "text"))
    assert gd.read(text, "text").report == attrs.evolve(report, organ_kind=report.organ_kind)
