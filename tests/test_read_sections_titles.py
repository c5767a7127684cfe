"""The readers on three shapes of real published reports: sections found by the words of
their headings (run together with their first paragraph, numbered 一–五 for 二–六,
topics of 总体情况 numbered like sections), titles that name the year first, are cut over
two lines, or are missing (the organ and year then taken from the report's words), and
documents that print no table (read with ``partial=True``).

Each fixture under ``tests/fixtures/text/`` has the report it must read into beside it
(``<name>.json``): invented organs and figures whose totals add up. The text and Markdown
readers read the fixtures; the HTML reader reads the same reports rendered and edited
alike (the back end is shared).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure import BLANK, Section
from govdisclosure.checker.findings import Severity
from govdisclosure.readers.blocks import TextBlock
from govdisclosure.readers.facts import parse_title, title_parts
from govdisclosure.readers.headings import Position, find_heading
from govdisclosure.readers.organ import organ_in
from govdisclosure.readers.result import ReadResult, SourceRef

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"
TABLES = ("proactive", "applications", "reviews")
#: The checks of the tables' arithmetic, which a blank table leaves unchecked.
ARITHMETIC = {"E1", "R2", "R3", "R5"}


def expected(name: str) -> gd.AnnualReport:
    return gd.load(FIXTURES / f"{Path(name).stem}.json")


def read(name: str, **options: Any) -> ReadResult:
    return gd.read(FIXTURES / name, **options)


def actions(result: ReadResult, kind: str, location: str | None = None) -> list[str]:
    """What the notes of ``kind`` (at ``location``) say was done."""
    return [n.action for n in result.notes_of(kind) if location is None or n.location == location]


def assert_reads_as_expected(result: ReadResult, report: gd.AnnualReport) -> None:
    """Every cell of the three tables, then everything else, as the expected report."""
    for name in TABLES:
        table, want = getattr(result.report, name), getattr(report, name)
        assert table.cells == want.cells, name
        assert table.notes == want.notes, name
        assert not table.extra_rows, name
        assert not table.extra_columns, name
    assert result.report == report


def assert_no_errors(report: gd.AnnualReport) -> gd.ValidationResult:
    checked = gd.validate(report)
    assert not checked.errors, [str(f) for f in checked.errors]
    return checked


def heading(text: str, at: Position) -> Section | None:
    found = find_heading(TextBlock.plain(text, SourceRef()), at)
    return found.section if found else None


# --- 8a: a heading and its first paragraph on one line ----------------------------------------


def test_headings_run_together_with_their_paragraph_are_split() -> None:
    result = read("inline-headings-2021.txt")
    report = expected("inline-headings-2021.txt")
    assert_reads_as_expected(result, report)
    # The paragraphs keep their text: 一's intro, 五, 六.
    assert report.overview.intro[0].text.startswith("2021年，青禾县卫生健康局")
    assert report.problems[0].text.startswith("一是政策解读形式较为单一")
    assert report.other_matters == (gd.Paragraph("无。"),)
    split = "split the heading from the paragraph printed after it on its line"
    assert [
        (n.location, n.snippet.split("：")[0], n.source.line if n.source else None)
        for n in result.notes_of("layout")
    ] == [
        ("$.report.overview", "一、总体情况", 5),
        ("$.report.problems", "五、存在的主要问题及改进情况", 70),
        ("$.report.other_matters", "六、其他需要报告的事项 无。", 72),
    ]
    assert set(actions(result, "layout")) == {split}
    assert not result.notes_of("missing")
    assert not result.notes_of("unplaced")
    assert_no_errors(result.report)


@pytest.mark.parametrize(
    ("line", "section", "printed"),
    [
        ("六、其他需要报告的事项 无。", Section.OTHER, "六、其他需要报告的事项"),
        ("六、其他需要报告的事项：无", Section.OTHER, "六、其他需要报告的事项"),
        ("六、其他需要报告的事项无。", Section.OTHER, "六、其他需要报告的事项"),
        (
            "五、存在的主要问题及改进情况：一是解读不够。",
            Section.PROBLEMS,
            "五、存在的主要问题及改进情况",
        ),
        (
            "五、存在的主要问题及改进情况一是解读不够。",
            Section.PROBLEMS,
            "五、存在的主要问题及改进情况",
        ),
        (
            "四、政府信息公开行政复议、行政诉讼情况 本年度未发生。",
            Section.REVIEWS,
            "四、政府信息公开行政复议、行政诉讼情况",
        ),
        # Whole headings: spaces a PDF put inside the title cut nothing off.
        (
            "三、收到和处理政府信息 公开申请情况",
            Section.APPLICATIONS,
            "三、收到和处理政府信息 公开申请情况",
        ),
        ("六、其他需要报告的事项：", Section.OTHER, "六、其他需要报告的事项："),
    ],
)
def test_where_a_heading_ends(line: str, section: Section, printed: str) -> None:
    found = find_heading(TextBlock.plain(line, SourceRef()), Position(Section.OVERVIEW, 1))
    assert found is not None
    assert (found.section, line[: found.end]) == (section, printed)


@pytest.mark.parametrize(
    "line",
    [
        "四、进一步加强监督保障情况的考核。",  # a numbered sentence
        "一、高度重视，加强组织领导。",
        "四是推进管理公开。",
    ],
)
def test_numbered_sentences_are_no_headings(line: str) -> None:
    assert heading(line, Position(Section.OVERVIEW, 1)) is None


# --- 8b: numerals that are not the form's -----------------------------------------------------


def test_sections_numbered_one_to_five_are_found_by_their_words() -> None:
    """总体情况 printed without its number, the other sections numbered 一–五; the title
    printed on two lines (the organ on one, the year and 报告 on the next)."""
    result = read("shifted-numerals-2020.txt")
    assert_reads_as_expected(result, expected("shifted-numerals-2020.txt"))
    layout = [(n.location, n.action) for n in result.notes_of("layout")]
    assert layout[0] == (
        "$.report.overview",
        "a line without a number read as the heading 一、总体情况 by its words",
    )
    official = "二三四五六"
    for (location, action), printed, section in zip(
        layout[1:], "一二三四五", list(Section)[1:], strict=True
    ):
        assert location == f"$.report.{section.value}"
        assert action.startswith(
            f"the heading is numbered {printed} where the form numbers the section "
            f"{official[list(Section).index(section) - 1]}; read as "
        ), action
    assert len(layout) == 6
    # The rows of table 三 numbered like sections ("二、上年结转…", "四、结转下年度继续办理")
    # stayed rows: every cell is read (see assert_reads_as_expected), none is missing.
    assert not result.notes_of("missing")
    assert not result.notes_of("unplaced")
    assert_no_errors(result.report)


def test_topics_of_the_overview_numbered_as_sections_start_none() -> None:
    """A year-first title; the topics of 一 printed as "二、主动公开" … "六、监督保障",
    before the sections 二 … 六; 一 and 三 marked bold, 四 plain (Markdown)."""
    result = read("year-first-title-2022.md")
    report = expected("year-first-title-2022.md")
    assert_reads_as_expected(result, report)
    assert report.custom_title == "2022年桐川市人民政府办公室政府信息公开工作年度报告"
    assert (report.organ, report.year) == ("桐川市人民政府办公室", 2022)
    (kept,) = result.notes_of("text")
    assert kept.action == "kept the printed title as the report's own: it is not the standard one"
    # The topics are paragraphs of 一, in order, and started no section.
    topics = [p.text for p in report.overview.intro if re.match("[二三四五六]、", p.text)]
    assert topics == [
        "二、主动公开",
        "三、依申请公开",
        "四、政府信息管理",
        "五、平台建设",
        "六、监督保障",
    ]
    assert not result.notes_of("layout")
    assert not result.notes_of("missing")
    # What the Markdown rendering of table 四 prints as its header (not this work's).
    assert [n.snippet for n in result.notes_of("unplaced")] == ["项目 数量"]
    assert_no_errors(result.report)


def test_a_topic_titled_like_section_two_is_kept_in_one_and_noted() -> None:
    text = (FIXTURES / "inline-headings-2021.txt").read_text("utf-8")
    text = text.replace("（一）主动公开\n", "一、主动公开政府信息情况\n")
    result = gd.read(text, "text")
    want = expected("inline-headings-2021.txt")
    for name in TABLES:
        assert getattr(result.report, name) == getattr(want, name), name
    assert result.report.problems == want.problems
    (note,) = [n for n in result.notes_of("layout") if n.location == "$.report.overview"][1:]
    assert note.snippet == "一、主动公开政府信息情况"
    assert note.action == (
        "reads like the heading 二、主动公开政府信息情况, but its number does not follow the "
        "last section's: kept as a topic of 一、总体情况"
    )
    assert "一、主动公开政府信息情况" in [p.text for p in result.report.overview.intro]


@pytest.mark.parametrize(
    ("lines", "sections"),
    [
        # The form's numbering, and variants of the titles.
        (
            [
                "一、总体情况",
                "二、主动公开政府信息的情况",
                "三、依申请公开政府信息情况",
                "四、行政复议及行政诉讼情况",
                "五、存在问题及改进措施",
                "六、其他事项",
            ],
            list(Section),
        ),
        # Right after 一, a short title numbered 二 reads as 一's topic (see the next case).
        (["一、总体情况", "二、主动公开情况"], [Section.OVERVIEW, None]),
        # Topics of 一 numbered from 二 on: only the sections' clear titles start sections.
        (
            [
                "一、总体情况",
                "二、主动公开",
                "三、依申请公开",
                "四、政府信息管理",
                "五、平台建设",
                "六、监督保障",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
            ],
            [
                Section.OVERVIEW,
                None,
                None,
                None,
                None,
                None,
                Section.PROACTIVE,
                Section.APPLICATIONS,
            ],
        ),
        # The subsections' numbering never starts a section, whatever its words.
        (
            ["一、总体情况", "（二）依申请公开", "（三）收到和处理政府信息公开申请情况"],
            [Section.OVERVIEW, None, None],
        ),
        # Topics numbered from 一 on before any section heading: the short ones start none.
        (
            [
                "一、主动公开",
                "二、依申请公开",
                "一、主动公开政府信息情况",
                "二、收到和处理政府信息公开申请情况",
            ],
            [None, None, Section.PROACTIVE, Section.APPLICATIONS],
        ),
    ],
    ids=["variants", "short-after-one", "topics-from-two", "subsections", "topics-first"],
)
def test_which_numbered_lines_start_sections(
    lines: list[str], sections: list[Section | None]
) -> None:
    at = Position()
    found = []
    for line in lines:
        head = find_heading(TextBlock.plain(line, SourceRef()), at)
        found.append(head.section if head else None)
        at = at.after(head) if head else at
    assert found == sections


# --- 8c: the rows of table 三 -----------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "四、结转下年度继续办理",
        "一、本年新收政府信息公开申请数量\t4\t1\t0\t0\t1\t0\t6",
        "四、结转下年度继续办理       0       0       0       0       1     0     1",
    ],
)
@pytest.mark.parametrize(
    "at",
    [
        Position(Section.APPLICATIONS, 3),
        Position(Section.APPLICATIONS, 2),
        Position(Section.PROACTIVE, 2),
    ],
    ids=["in-three", "in-shifted-three", "heading-three-missing"],
)
def test_rows_of_table_three_start_no_section(label: str, at: Position) -> None:
    assert heading(label, at) is None


# --- 9: titles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        ("2024年某市人民政府办公厅政府信息公开工作年度报告", ("某市人民政府办公厅", 2024)),
        ("2024 年度 某市人民政府 政府信息公开工作年度报告", ("某市人民政府", 2024)),
        ("某某局2023年度政府信息公开工作年度报告", ("某某局", 2023)),
        ("某某局关于2023年政务公开工作年度报告", ("某某局", 2023)),
        ("2023年度政府信息公开工作年度报告", (None, 2023)),
        ("某某局政府信息公开工作年度报告", ("某某局", None)),
        ("某某局政府信息公开工作年度报告（2023年度）", ("某某局", 2023)),
        ("政府信息公开工作年度报告", (None, None)),
        ("首页 > 政务公开", (None, None)),
    ],
)
def test_title_parts(title: str, parts: tuple[str | None, int | None]) -> None:
    assert title_parts(title) == parts
    assert parse_title(title) == (parts if None not in parts else None)


@pytest.mark.parametrize(
    ("lines", "organ", "year"),
    [
        (["某县教育局", "2023年政府信息公开工作年度报告"], "某县教育局", 2023),
        (["2023年度", "某县教育局政府信息公开工作年度报告"], "某县教育局", 2023),
        (["某市某区", "教育局2023年政府信息公开工作年度报告"], "某市某区教育局", 2023),
    ],
    ids=["organ-then-year", "year-then-organ", "place-then-rest"],
)
def test_titles_cut_over_two_lines(lines: list[str], organ: str, year: int) -> None:
    text = (FIXTURES / "inline-headings-2021.txt").read_text("utf-8")
    text = "\n".join(lines) + text[text.index("\n") :]
    report = gd.read(text, "text").report
    assert (report.organ, report.year) == (organ, year)
    assert report.overview == expected("inline-headings-2021.txt").overview


def test_a_site_name_above_the_title_is_no_part_of_the_organ() -> None:
    text = (FIXTURES / "inline-headings-2021.txt").read_text("utf-8")
    result = gd.read("青禾县人民政府\n" + text, "text")
    assert result.report.organ == "青禾县卫生健康局"
    (dropped,) = result.notes_of("layout")[:1]
    assert dropped.snippet == "青禾县人民政府"
    assert dropped.action.startswith("dropped 1 blocks printed before the title")


def test_no_title_takes_the_organ_and_year_from_the_report_and_notes_it() -> None:
    result = read("no-title-2021.txt")
    assert_reads_as_expected(result, expected("no-title-2021.txt"))
    organ, year = (n for n in result.notes_of("inferred") if n.location != "$.report.organ_kind")
    assert organ.location == "$.report.organ"
    # Not from the preamble's "现向社会公布柳溪县司法局…": a sentence, not a name.
    assert (
        organ.action == "the title does not name the organ: took 柳溪县司法局 from the start of 一"
    )
    assert organ.snippet.startswith("2021年，柳溪县司法局认真贯彻")
    assert organ.source is not None
    assert organ.source.line == 7
    assert year.location == "$.report.year"
    assert year.action == (
        "the title does not name the year: took 2021 from the statistical period of the preamble"
    )
    assert year.source is not None
    assert year.source.line == 3
    assert not result.notes_of("missing")
    assert_no_errors(result.report)


def test_the_organ_signed_at_the_end_and_the_year_of_the_preamble() -> None:
    text = (FIXTURES / "no-title-2021.txt").read_text("utf-8")
    text = text.replace("2021年，柳溪县司法局认真贯彻", "2021年，本局认真贯彻")
    text = text.replace("统计期限为2021年1月1日至12月31日。", "统计期限为2021年度。")
    result = gd.read(text, "text")
    assert (result.report.organ, result.report.year) == ("柳溪县司法局", 2021)
    organ, year = result.notes_of("inferred")[:2]
    assert organ.action.endswith("took 柳溪县司法局 from the name signed above the date")
    assert year.action.endswith("took 2021 from the preamble")
    assert "2021年度" in year.snippet


def test_what_the_caller_passes_is_not_inferred() -> None:
    result = read("no-title-2021.txt", organ="柳溪县司法局", year=2021)
    assert [n.location for n in result.notes_of("inferred")] == ["$.report.organ_kind"]


def _without_organ(text: str) -> str:
    return text.replace("2021年，柳溪县司法局认真贯彻", "2021年，本局认真贯彻").replace(
        "柳溪县司法局\n2022年1月25日", "2022年1月25日"
    )


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (
            _without_organ,
            "the report states no organ's name in the preamble, the first "
            "paragraphs of 一 and the name signed above the date at the end; pass organ= and year=",
        ),
        (
            lambda text: (
                _without_organ(text)
                .replace("2021年1月1日至12月31日", "全年")
                .replace("2021年，本局", "本局")
            ),
            "no organ's name in the preamble, the first paragraphs of 一 and the name signed "
            "above the date at the end and no year in the preamble's statistical period and "
            "its 'YYYY年度', and the words 一 opens with; pass organ= and year=",
        ),
    ],
    ids=["no-organ", "neither"],
)
def test_the_error_says_where_organ_and_year_were_looked_for(
    edit: Callable[[str], str], said: str
) -> None:
    text = edit((FIXTURES / "no-title-2021.txt").read_text("utf-8"))
    with pytest.raises(gd.ReadError) as caught:
        gd.read(text, "text")
    message = str(caught.value)
    assert message.startswith("the title '(no title)' does not name an organ and a year")
    assert message.endswith(said)
    assert gd.read(text, "text", organ="柳溪县司法局", year=2021).report.organ == "柳溪县司法局"


@pytest.mark.parametrize(
    ("text", "organ"),
    [
        ("2022年，示例县自然资源局深入贯彻《条例》", "示例县自然资源局"),
        ("某县发展和改革委员会", "某县发展和改革委员会"),
        ("按照要求，某市人民政府办公厅编制本报告。", "某市人民政府办公厅"),
        ("2023年，某某镇人民政府坚持以公开为常态。", "某某镇人民政府"),
        ("某县住房和城乡建设局", "某县住房和城乡建设局"),
        ("青山区市场监督管理局", "青山区市场监督管理局"),
        ("根据《条例》要求，现向社会公布某某局2023年政府信息公开工作年度报告。", None),
        ("如有疑问，请与某县民政局办公室联系。", None),
        ("（地址：民政局二楼综合办公室）", None),
        ("增强政府信息公开工作的主动性。", None),
        ("2023年，我局认真贯彻《条例》。", None),
        ("本县人民政府高度重视。", None),
        ("全县城乡低保对象信息全部公开。", None),
    ],
)
def test_organ_names_in_sentences(text: str, organ: str | None) -> None:
    assert organ_in(text) == organ


# --- 11: documents that print no table --------------------------------------------------------


def test_a_document_without_tables_asks_for_partial() -> None:
    with pytest.raises(gd.ReadError) as caught:
        read("prose-only-2022.txt")
    assert str(caught.value).endswith(
        "the document holds none of the report's tables (二, 三, 四); "
        "pass partial=True to read its prose, with the tables left blank"
    )


def test_a_document_without_tables_reads_with_partial_and_checks_its_prose() -> None:
    """A page whose tables are images: the title cut after its place ("丰河市东林区" /
    "城市管理局2022年…"), prose in 二, a caption in 三, nothing in 四."""
    result = read("prose-only-2022.txt", partial=True)
    report = expected("prose-only-2022.txt")
    assert_reads_as_expected(result, report)
    for name in TABLES:
        assert set(getattr(result.report, name).cells) == {BLANK}, name
    missing = result.notes_of("missing")
    assert [(n.location, n.snippet) for n in missing] == [
        ("$.report.proactive", "二、主动公开政府信息情况"),
        ("$.report.applications", "三、收到和处理政府信息公开申请情况"),
        ("$.report.reviews", "四、政府信息公开行政复议、行政诉讼情况"),
    ]
    assert [n.action.split(": ")[1] for n in missing] == [
        f"left all {count} cells blank (not 0), as partial=True asks" for count in (10, 175, 15)
    ]
    assert actions(result, "layout") == [
        "joined the line above the title to it: it holds the start of the organ's name",
        "read as text, not as a table's row: the section holds no figure",
    ]
    (edition,) = result.notes_of("edition")
    assert edition.action == "the document prints no table; chose the 2021 edition by the year 2022"
    checked = assert_no_errors(result.report)
    # The blank tables could not be checked; the prose rules ran.
    assert {f.rule for f in checked.unchecked} >= ARITHMETIC
    assert {f.rule for f in checked.findings} <= {"V1", "V2", "S3"}
    assert all(f.severity is not Severity.ERROR for f in checked.findings)
    assert "P2" in {f.rule for f in checked.unchecked}


# --- the HTML reader: the same back end -------------------------------------------------------


def _html(name: str, edits: list[tuple[str, str]]) -> str:
    page = gd.render(expected(name), "html", locale="zh_CN")
    assert isinstance(page, str)
    for old, new in edits:
        assert page.count(old) == 1, old
        page = page.replace(old, new)
    return page


def test_html_headings_run_in_and_renumbered() -> None:
    page = _html(
        "shifted-numerals-2020.txt",
        [
            ("<h2>一、总体情况</h2>", "<h2>总体情况</h2>"),
            ("<h2>二、主动公开政府信息情况</h2>", "<h2>一、主动公开政府信息情况</h2>"),
            (
                "<h2>三、收到和处理政府信息公开申请情况</h2>",
                "<p>二、收到和处理政府信息公开申请情况</p>",
            ),
            (
                "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>",
                "<h2>三、政府信息公开行政复议、行政诉讼情况</h2>",
            ),
            ("<h2>五、存在的主要问题及改进情况</h2>\n<p>", "<p>四、存在的主要问题及改进情况："),
            ("<h2>六、其他需要报告的事项</h2>\n<p>", "<p>五、其他需要报告的事项 "),
        ],
    )
    result = gd.read(page, "html")
    assert_reads_as_expected(result, expected("shifted-numerals-2020.txt"))
    layout = actions(result, "layout")
    assert sum(a.startswith("the heading is numbered") for a in layout) == 5
    assert layout.count("split the heading from the paragraph printed after it on its line") == 2


def test_html_without_tables() -> None:
    page = re.sub(r"<table.*?</table>", "", _html("year-first-title-2022.md", []), flags=re.S)
    with pytest.raises(gd.ReadError, match="pass partial=True"):
        gd.read(page, "html")
    result = gd.read(page, "html", partial=True)
    assert len(result.notes_of("missing")) == 3
    for name in TABLES:
        assert set(getattr(result.report, name).cells) == {BLANK}, name
    assert result.report.custom_title == "2022年桐川市人民政府办公室政府信息公开工作年度报告"
    assert result.report.overview == expected("year-first-title-2022.md").overview
    assert_no_errors(result.report)
