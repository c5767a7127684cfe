"""The canonical example is a complete and faithful transcription of the real report.

``examples/sources/zhongning-minzheng-2020.txt`` is the text extracted from the PDF of
中宁县民政局's report on 2020 (2019 edition), with a little markdown (``**bold**`` and
``<url>`` autolinks). ``examples/zhongning-minzheng-2020.json`` is its transcription.
These tests read the source with a few lines of their own (not with the library's
readers) and compare every number, every paragraph and every stated fact with the
example, so a transcription error, an omission or an invented sentence fails here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import govdisclosure as gd

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "zhongning-minzheng-2020.json"
SOURCE = ROOT / "examples" / "sources" / "zhongning-minzheng-2020.txt"

#: The source is a byte-for-byte copy of the seed report; it must not be edited.
SOURCE_SHA256 = "241c93eb063c667be4722b474735a21a4d33b70c27beaa8f19f4c13236c5fdfe"

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
NUMERALS = "一二三四五六七八九十"

#: The paragraphs the PDF split across a page break: (end of the first part, start of
#: the second part). The transcription joins each pair with nothing in between.
PAGE_BREAKS = {
    ("行政发文 22", "个，公开 22 个"),
    ("听取公众意见", "建议。**四是**"),
    ("根据工", "作实际"),
    ("切实为", "民解疑释惑"),
}

Value = int | gd.Money | None  # None: the cell is empty in the source


# --- reading the source, independently of the library's readers -----------------------


def source_lines() -> list[str]:
    return SOURCE.read_text(encoding="utf-8").split("\n")


def regions() -> dict[str, list[str]]:
    """The source's lines by section: "" for the text before 一, then each heading."""
    lines = source_lines()
    starts = []
    for heading in HEADINGS:
        found = [i for i, line in enumerate(lines) if line == heading]
        assert len(found) == 1, f"heading {heading} found {len(found)} times"
        starts.append(found[0])
    assert starts == sorted(starts), "headings out of order"
    bounds = [*starts, len(lines)]
    out = {"": lines[: starts[0]]}
    for heading, start, stop in zip(HEADINGS, bounds, bounds[1:], strict=False):
        out[heading] = lines[start + 1 : stop]
    return out


def blocks(lines: list[str]) -> list[str]:
    """Runs of non-blank lines (the PDF text has a blank line between paragraphs)."""
    out: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line)
        elif current:
            out.append("".join(current))
            current = []
    return out


def unlink(text: str) -> str:
    """``<http://…>`` is the conversion's autolink markup; the report prints the URL."""
    return re.sub(r"<(https?://[^<>\s]+)>", r"\1", text)


def source_paragraphs(heading: str) -> tuple[list[str], set[tuple[str, str]]]:
    """The prose paragraphs of a section in ``**bold**`` markup, with page-break parts
    joined (a block that does not end a sentence continues in the next), and the joins."""
    parts = blocks(regions()[heading])
    if heading == "":
        parts = parts[1:]  # the title
    paragraphs: list[str] = []
    joins: set[tuple[str, str]] = set()
    pending = ""
    for i, part in enumerate(parts):
        if pending:
            joins.add((pending, part))
        pending += part
        if part.endswith("。") or i == len(parts) - 1:
            paragraphs.append(unlink(pending))
            pending = ""
    return paragraphs, joins


def squeeze(text: str) -> str:
    """Text without markup and whitespace, for comparisons that ignore layout."""
    return re.sub(r"\s", "", unlink(text).replace("**", ""))


def parse_value(text: str) -> Value:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    money = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(元|万元)", text)
    assert money, f"unexpected cell text {text!r}"
    return gd.Money(money[1], money[2])


def source_proactive() -> tuple[list[str], list[list[str]], dict[str, list[Value]]]:
    """Table 二: the block captions, each block's column headers, and the rows by label."""
    captions: list[str] = []
    headers: list[list[str]] = []
    rows: dict[str, list[Value]] = {}
    for line in regions()[HEADINGS[1]]:
        if not line.strip():
            continue
        fields = line.split("\t")
        first = squeeze(fields[0])
        if first.startswith("第二十条"):
            assert not any(f.strip() for f in fields[1:])
            captions.append(first)
        elif first == "信息内容":
            headers.append([squeeze(f) for f in fields[1:] if f.strip()])
        else:
            assert first not in rows, f"row {first} printed twice"
            values = [parse_value(f) for f in fields[1:]]
            while values and values[-1] is None:
                values.pop()  # the empty cells right of a narrower block
            rows[first] = values
    return captions, headers, rows


def source_applications() -> list[tuple[str, list[int]]]:
    """Table 三: the lines that end in seven numbers, in order, with their label text."""
    out: list[tuple[str, list[int]]] = []
    for line in regions()[HEADINGS[2]]:
        fields = line.split("\t")
        numbers = [f for f in fields if re.fullmatch(r"\s*\d+\s*", f)]
        if len(fields) >= 8 and all(re.fullmatch(r"\d+", f) for f in fields[-7:]):
            assert len(numbers) == 7, line
            out.append((squeeze("".join(fields[:-7])), [int(f) for f in fields[-7:]]))
        else:
            # No figure of the table is printed anywhere else in its region.
            assert not numbers, f"numbers outside a number line: {line!r}"
    return out


def source_reviews() -> tuple[list[str], list[Value]]:
    """Table 四: the header text and its one line of 15 cells (empty cells as None)."""
    lines = [line for line in regions()[HEADINGS[3]] if line.strip()]
    number_lines = [line for line in lines if re.search(r"\d", line)]
    assert len(number_lines) == 1
    headers = [line for line in lines if line not in number_lines]
    return headers, [parse_value(f) for f in number_lines[0].split("\t")]


@pytest.fixture(scope="module")
def example() -> gd.AnnualReport:
    return gd.load(EXAMPLE)


def example_section_paragraphs(report: gd.AnnualReport) -> dict[str, list[str]]:
    """The example's prose as it prints, in markup, by section heading ("" = preamble).

    A run-in subsection prints its numbering (from its position) and title at the start
    of its first paragraph.
    """
    section_one = [p.to_markup() for p in report.overview.intro]
    for i, sub in enumerate(report.overview.subsections):
        assert sub.run_in
        first, *rest = [p.to_markup() for p in sub.paragraphs]
        section_one.append(f"（{NUMERALS[i]}）{sub.title}{first}")
        section_one.extend(rest)
    return {
        "": [p.to_markup() for p in report.preamble.paragraphs],
        HEADINGS[0]: section_one,
        HEADINGS[4]: [p.to_markup() for p in report.problems],
        HEADINGS[5]: [p.to_markup() for p in report.other_matters],
    }


def all_paragraphs(report: gd.AnnualReport) -> Iterator[gd.Paragraph]:
    yield from report.preamble.paragraphs
    yield from report.overview.intro
    for sub in report.overview.subsections:
        yield from sub.paragraphs
    yield from report.problems
    yield from report.other_matters


# --- the files ---------------------------------------------------------------------------


def test_source_is_the_unchanged_seed() -> None:
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == SOURCE_SHA256


def test_example_is_canonical_output() -> None:
    text = EXAMPLE.read_bytes()
    assert gd.dumps(gd.load(EXAMPLE)).encode("utf-8") == text
    assert gd.loads(text) == gd.load(EXAMPLE)


# --- identity ----------------------------------------------------------------------------


def test_identity(example: gd.AnnualReport) -> None:
    assert example.organ == "中宁县民政局"
    assert example.year == 2020
    assert example.edition is gd.Edition.V2019
    assert example.edition is gd.edition_for_year(2020)
    assert example.organ_kind is gd.OrganKind.DEPARTMENT
    assert example.scope == gd.Scope.own()
    assert example.published is None


def test_title_is_derived_and_matches_the_printed_title(example: gd.AnnualReport) -> None:
    title = blocks(regions()[""])[0]
    assert title == "中宁县民政局 2020 年政府信息公开工作 年度报告"
    assert example.custom_title is None
    # The printed title differs from the derived one only by the PDF's wrap spaces.
    assert squeeze(title) == example.title
    # The title and the preamble are printed once; there is no second copy to reconcile.
    assert sum(squeeze(line) == example.title for line in source_lines()) == 1
    preamble = example.preamble.paragraphs[0].text
    assert sum(unlink(line) == preamble for line in source_lines()) == 1


# --- prose -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["", HEADINGS[0], HEADINGS[4], HEADINGS[5]],
    ids=["preamble", "overview", "problems", "other_matters"],
)
def test_prose_is_verbatim(example: gd.AnnualReport, heading: str) -> None:
    """Paragraph for paragraph, with the PDF's spaces and the bold lead-ins."""
    expected, _joins = source_paragraphs(heading)
    assert example_section_paragraphs(example)[heading] == expected


def test_page_breaks_are_exactly_the_known_ones() -> None:
    joins: set[tuple[str, str]] = set()
    for heading in ("", HEADINGS[0], HEADINGS[4], HEADINGS[5]):
        joins |= source_paragraphs(heading)[1]
    assert len(joins) == len(PAGE_BREAKS)
    for end, start in PAGE_BREAKS:
        assert [j for j in joins if j[0].endswith(end) and j[1].startswith(start)], (end, start)


def test_every_source_paragraph_is_in_the_example(example: gd.AnnualReport) -> None:
    text = squeeze(
        "".join("".join(paragraphs) for paragraphs in example_section_paragraphs(example).values())
    )
    for heading in ("", HEADINGS[0], HEADINGS[4], HEADINGS[5]):
        for part in blocks(regions()[heading])[1 if heading == "" else 0 :]:
            assert squeeze(part) in text, part


def test_nothing_is_invented(example: gd.AnnualReport) -> None:
    source = squeeze(SOURCE.read_text(encoding="utf-8"))
    for paragraph in all_paragraphs(example):
        assert squeeze(paragraph.text) in source, paragraph.text
    for sub in example.overview.subsections:
        assert squeeze(sub.title) in source, sub.title


def test_subsections(example: gd.AnnualReport) -> None:
    assert [s.title for s in example.overview.subsections] == [
        "主动公开政府信息情况。",
        "依申请公开办理情况。",
        "政府信息管理情况。",
        "平台管理情况。",
        "监督保障情况。",
        "人大代表意见建议、政协提案办理情况。",
    ]
    assert all(s.run_in for s in example.overview.subsections)
    assert all(len(s.paragraphs) == 1 for s in example.overview.subsections)
    assert len(example.overview.intro) == 1


def test_bold_spans(example: gd.AnnualReport) -> None:
    bold = [s.text for p in all_paragraphs(example) for s in p.spans if s.bold]
    assert bold == ["四是", "五是", "六是"]
    assert re.findall(r"\*\*(.+?)\*\*", SOURCE.read_text(encoding="utf-8")) == bold


def test_urls_lose_their_angle_brackets(example: gd.AnnualReport) -> None:
    assert "<http://www.znzf.gov.cn>" in SOURCE.read_text(encoding="utf-8")
    text = "".join(p.text for p in all_paragraphs(example))
    assert "<" not in text
    assert ">" not in text
    assert "（http://www.znzf.gov.cn）" in text


# --- the preamble's facts ------------------------------------------------------------------


def test_preamble_facts(example: gd.AnnualReport) -> None:
    pre = example.preamble
    assert len(pre.paragraphs) == 1
    text = pre.paragraphs[0].text
    # The documents cited, as printed, and no other.
    assert list(pre.legal_basis) == re.findall(r"《[^》]+》（[^）]+）", text.split("要求")[0])
    assert pre.legal_basis == (
        "《中华人民共和国政府信息公开条例》（国务院令 第 711 号）",
        "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》"
        "（国办公开办函〔2019〕60 号）",
    )
    assert pre.period == gd.Period.calendar_year(2020)
    assert pre.period is not None
    start, end = pre.period.start, pre.period.end
    assert start.year == end.year  # the printed period names the year once
    period = f"{start.year} 年 {start.month} 月 {start.day} 日至 {end.month} 月 {end.day} 日"
    assert f"统计期限为 {period}。" in text
    assert pre.website == gd.Website("中宁县人民政府门户网站", "http://www.znzf.gov.cn")
    assert f"{pre.website.name}（{pre.website.url}）" in text
    assert pre.contact == gd.Contact(
        office="中宁县民政局综合办公室",
        address="民政局二楼综合办公室",
        postcode="755100",
        phone="0955-5021321",
    )
    contact = pre.contact
    assert f"请与{contact.office}联系" in text
    assert f"（地址：{contact.address}；邮编：{contact.postcode}；电话：{contact.phone}）" in text
    assert contact.email is None
    assert "@" not in text


# --- table 二 ----------------------------------------------------------------------------


def test_proactive_layout_matches_the_source() -> None:
    captions, headers, rows = source_proactive()
    table = gd.layout(gd.Edition.V2019).proactive
    assert captions == [b.caption.zh for b in table.blocks if b.caption is not None]
    assert len(headers) == len(table.blocks)
    for header, block in zip(headers, table.blocks, strict=True):
        assert header == [c.label for c in block.columns]
    assert list(rows) == [node.label for node in table.rows_in_order]


def test_proactive_figures(example: gd.AnnualReport) -> None:
    _captions, _headers, rows = source_proactive()
    table = example.proactive
    compared = 0
    for node in table.layout.rows_in_order:
        columns = table.layout.columns_of(node.key)
        printed = rows[node.label]
        assert len(printed) == len(columns), node.label
        for column, value in zip(columns, printed, strict=True):
            assert value is not None, (node.label, column.label)
            cell = table[node.key.value, column.key.value]
            assert type(cell) is type(value)
            assert cell == value, (node.label, column.label)
            compared += 1
    assert compared == len(table.cells) == 22


def test_proactive_spot_values(example: gd.AnnualReport) -> None:
    t = example.proactive
    assert t["行政许可", "本年增/减"] == 12
    assert t["其他对外管理服务事项", "本年增/减"] == 54
    assert t["行政处罚", "本年增/减"] == -50
    amount = t["政府集中采购", "采购总金额"]
    assert amount == gd.Money("6165711", "元")
    assert isinstance(amount, gd.Money)
    assert amount.amount == Decimal(6165711)


# --- table 三 ----------------------------------------------------------------------------


def test_applications_rows_line_up_with_the_layout() -> None:
    lines = source_applications()
    rows = gd.layout(gd.Edition.V2019).applications.rows_in_order
    assert len(lines) == len(rows) == 23
    for (label, _numbers), node in zip(lines, rows, strict=True):
        # Labels are broken by the PDF and use half-width brackets; the first four
        # characters of each official label survive intact.
        assert node.label[:4] in label, (label, node.label)


def test_applications_columns_line_up_with_the_layout() -> None:
    region = regions()[HEADINGS[2]]
    header = [[squeeze(f) for f in line.split("\t") if f.strip()] for line in region[1:4]]
    columns = [c.label for c in gd.layout(gd.Edition.V2019).applications.columns_in_order]
    assert columns[0] == header[1][0]  # 自然人
    assert columns[1:6] == header[2]  # 商业企业 … 其他
    assert columns[6] == header[0][-1]  # 总计


def test_applications_figures(example: gd.AnnualReport) -> None:
    table = example.applications
    columns = table.layout.columns_in_order
    compared = 0
    for (_label, numbers), node in zip(
        source_applications(), table.layout.rows_in_order, strict=True
    ):
        for column, value in zip(columns, numbers, strict=True):
            cell = table[node.key.value, column.key.value]
            assert type(cell) is int
            assert cell == value, (node.label, column.label)
            compared += 1
    assert compared == len(table.cells) == 23 * 7


# --- table 四 ----------------------------------------------------------------------------


def test_reviews_layout_matches_the_source() -> None:
    headers, cells = source_reviews()
    text = squeeze("".join(headers))
    assert text.index("行政复议") < text.index("行政诉讼")
    assert text.index("未经复议直接起诉") < text.index("复议后起诉")
    results = [c.label for c in gd.layout(gd.Edition.V2019).reviews.columns_in_order]
    for line in headers[1:]:
        labels = [squeeze(f) for f in line.split("\t") if f.strip()]
        printed = [label for label in labels if label in results]
        assert printed == results * (len(printed) // len(results))
    assert len(cells) == 15


def test_reviews_figures(example: gd.AnnualReport) -> None:
    _headers, cells = source_reviews()
    table = example.reviews
    rows = table.layout.rows_in_order
    columns = table.layout.columns_in_order
    assert [r.label for r in rows] == ["行政复议", "未经复议直接起诉", "复议后起诉"]
    expected = iter(cells)
    for node in rows:
        for column in columns:
            value = next(expected)
            cell = table[node.key.value, column.key.value]
            if value is None:
                assert cell is gd.BLANK, (node.label, column.label)
            else:
                assert type(cell) is int
                assert cell == value, (node.label, column.label)


def test_empty_review_cells_are_blank_not_zero(example: gd.AnnualReport) -> None:
    _headers, cells = source_reviews()
    assert cells[:5] == [None] * 5
    assert cells[5:] == [0] * 10
    assert set(example.reviews.row("行政复议").values()) == {gd.BLANK}
    assert 0 not in example.reviews.row("行政复议").values()
    assert '"review": {"upheld": null, "corrected": null, "other": null, "pending": null, ' in (
        EXAMPLE.read_text(encoding="utf-8")
    )


# --- arithmetic: what the source prints holds in the example ---------------------------------


def test_applications_add_up_in_the_source(example: gd.AnnualReport) -> None:
    lines = source_applications()
    keys = [node.key.value for node in example.applications.layout.rows_in_order]
    by_row = {key: numbers for key, (_label, numbers) in zip(keys, lines, strict=True)}
    # R3: each row's 总计 is the sum of its six applicant columns.
    for key, numbers in by_row.items():
        assert numbers[6] == sum(numbers[:6]), key
    outcomes = keys[keys.index("disclosed") : keys.index("total")]
    for column in range(7):
        # R2: （七）总计 = the sum of the outcome rows.
        assert by_row["total"][column] == sum(by_row[k][column] for k in outcomes)
        # E1: 一 + 二 = 三（七）总计 + 四.
        assert (
            by_row["new"][column] + by_row["carried_over"][column]
            == by_row["total"][column] + by_row["carried_forward"][column]
        )


def test_reviews_add_up_where_printed() -> None:
    _headers, cells = source_reviews()
    groups = [cells[i : i + 5] for i in range(0, 15, 5)]
    # 行政复议 is empty, so R5 cannot be checked there; it holds for both lawsuit groups.
    assert groups[0] == [None] * 5
    for group in groups[1:]:
        numbers = [v for v in group if isinstance(v, int)]
        assert len(numbers) == 5
        assert numbers[4] == sum(numbers[:4])


def test_proactive_changes_are_plausible_in_the_source() -> None:
    _captions, _headers, rows = source_proactive()
    for label in ("行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费"):
        previous, change = rows[label][:2]
        assert isinstance(previous, int)
        assert isinstance(change, int)
        assert previous + change >= 0, label


def test_filling_totals_changes_nothing(example: gd.AnnualReport) -> None:
    # Every printed total equals the sum of its parts; the all-blank 行政复议 total stays blank.
    assert gd.fill_totals(example) == example
