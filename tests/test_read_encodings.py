"""Two things real published reports do that the readers cope with: text saved by
Windows tools in another encoding than UTF-8 (GBK, GB 18030, UTF-16 with or without a
byte-order mark, UTF-8 with one), and copies printed in Traditional script.

The fixture ``traditional-2021.txt`` is an invented report in Traditional script (the
organ and every figure made up, the tables adding up); ``traditional-2021-simplified.txt``
is its Simplified twin, the same report character for character in Simplified script.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, strategies as st

import govdisclosure as gd
from govdisclosure.categories import Section
from govdisclosure.editions import Edition
from govdisclosure.errors import ReadError
from govdisclosure.layouts import layout
from govdisclosure.readers import decode_bytes, decode_text
from govdisclosure.readers.encodings import utf16_without_bom
from govdisclosure.readers.facts import organ_kind
from govdisclosure.readers.headings import _VARIANTS, _WORDS as _SECTION_WORDS
from govdisclosure.readers.html import decode_html, read_html
from govdisclosure.readers.lines import read_markdown, read_text
from govdisclosure.readers.result import NoteKind, ReadResult
from govdisclosure.readers.traditional import (
    TO_SIMPLIFIED,
    is_traditional,
    simplified,
    traditional_count,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "sources" / "zhongning-minzheng-2020.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"
TRADITIONAL = FIXTURES / "traditional-2021.txt"
TWIN = FIXTURES / "traditional-2021-simplified.txt"

#: The codecs Windows tools save text with, and the name the reader gives each encoding.
ENCODINGS = [
    ("utf-8-sig", "UTF-8 (BOM)"),
    ("gbk", "GB 18030"),
    ("gb18030", "GB 18030"),
    ("utf-16", "UTF-16LE (BOM)"),  # what Notepad calls "Unicode"
    ("utf-16-be-bom", "UTF-16BE (BOM)"),
    ("utf-16-le", "UTF-16LE"),
    ("utf-16-be", "UTF-16BE"),
]


def encoded(text: str, codec: str) -> bytes:
    if codec == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(codec)


def encoding_notes(result: ReadResult) -> list[str]:
    """The snippets of the notes on the document's encoding."""
    return [
        n.snippet
        for n in result.notes_of(NoteKind.TEXT)
        if n.location == "$" and n.action.startswith("decoded")
    ]


# --- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [SEED, TWIN, TRADITIONAL], ids=lambda p: p.stem)
@pytest.mark.parametrize(("codec", "name"), ENCODINGS)
def test_text_in_every_encoding_reads_as_in_utf8(path: Path, codec: str, name: str) -> None:
    text = path.read_text("utf-8")
    expected = read_text(text)
    assert encoding_notes(read_text(text.encode())) == []  # plain UTF-8 needs no word
    data = encoded(text, codec)
    for result in (gd.read(data), read_text(data)):
        assert result.report == expected.report
        assert encoding_notes(result) == [name]
        assert result.notes[1:] == expected.notes  # and nothing else differs
    assert decode_bytes(data) == (text, name)
    assert decode_text(data) == text


@pytest.mark.parametrize(("codec", "name"), ENCODINGS)
def test_a_file_in_another_encoding_says_so(tmp_path: Path, codec: str, name: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(encoded(TWIN.read_text("utf-8"), codec))
    result = gd.read(path)
    assert result.report == gd.read(TWIN).report
    note = result.notes[0]
    assert (note.kind, note.location, note.snippet) == ("text", "$", name)
    assert note.action.startswith("decoded the text as ")
    assert note.source is None  # the whole document's


def test_the_notes_name_the_encoding_and_why() -> None:
    text = TWIN.read_text("utf-8")
    actions = {name: read_text(encoded(text, codec)).notes[0].action for codec, name in ENCODINGS}
    assert actions["GB 18030"] == (
        "decoded the text as GB 18030 (not UTF-8), which covers GBK and GB 2312"
    )
    assert actions["UTF-8 (BOM)"] == "decoded the text as UTF-8 and dropped its byte-order mark"
    assert "as its byte-order mark says" in actions["UTF-16BE (BOM)"]
    assert "big-endian" in actions["UTF-16BE (BOM)"]
    assert "no byte-order mark" in actions["UTF-16LE"]
    assert "little-endian" in actions["UTF-16LE"]


# What the UTF-16 heuristic is judged on: Chinese text in every proportion of ASCII
# (which gives NUL bytes on one side) and of U+3000 and U+xx00 ideographs such as 一 and 最
# (which give them on the other side).
_REPORT_TEXT = st.text(
    alphabet=st.sampled_from(
        "一最与丈万政府信息公开年度报告申请总计结转复议诉讼办理　，。、；：“”（）《》"
        "0123456789 \t-+%abcXYZ"
    ),
    max_size=300,
)


@given(_REPORT_TEXT)
def test_utf16_without_a_bom_is_told_by_what_it_reads_as(body: str) -> None:
    text = body + "\n"  # a text file's lines end with a line break
    for codec, name in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
        assert decode_bytes(text.encode(codec)) == (text, name)
    for codec in ("utf-8", "utf-16"):
        assert decode_bytes(text.encode(codec))[0] == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("　　一、总体情况\r\n　　最近一年，一一落实。\r\n", "utf-16-le"),  # NULs mostly even
        ("　　一、总体情况\r\n　　最近一年，一一落实。\r\n", "utf-16-be"),
        ("一\n", "utf-16-le"),
        ("2021\n", "utf-16-be"),
        ("政府信息公开工作年度报告" * 500 + "\n", "utf-16-le"),  # one NUL, at the end
    ],
)
def test_utf16_heuristic_where_nul_bytes_mislead(text: str, codec: str) -> None:
    data = text.encode(codec)
    name = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}[codec]
    assert utf16_without_bom(data) == (codec, name)
    assert decode_bytes(data) == (text, name)


@pytest.mark.parametrize(
    "data",
    [
        "政府信息公开".encode(),  # no NUL byte: not UTF-16
        "政府信息公开\n".encode("gb18030"),
        "政府信息公开\n".encode("utf-16-le")[:-1],  # an odd number of bytes
        b"\x00\x00\x00\x00",  # NUL characters either way round
    ],
)
def test_utf16_heuristic_declines(data: bytes) -> None:
    assert utf16_without_bom(data) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # A Traditional report saved as Big5: GB 18030 reads it, into private-use
        # characters, kana and Greek; it is refused rather than read as mojibake.
        (TRADITIONAL.read_text("utf-8").encode("big5"), "garbage"),
        ("café résumé".encode("latin-1"), "neither UTF-8 nor GB 18030"),
        (bytes(range(256)) * 8, "neither UTF-8 nor GB 18030|garbage"),
        ("一、总体情况\n".encode("utf-32"), "garbage"),  # UTF-32 starts like UTF-16LE
        ("一、总体情况".encode() + b"\x00\x01\x02\x03" * 3, "garbage"),
        ("一、总体\ufffd\ufffd情况\ufffd".encode(), "garbage"),
        # UTF-16 as far as it is judged on, and then not (a lone surrogate).
        (("政府信息公开\n" * 2000).encode("utf-16-le") + b"\x00\xd8A\x00", "starts as UTF-16LE"),
        (codecs.BOM_UTF8 + "总体情况".encode("gbk"), "byte-order mark of UTF-8 but is not"),
        (codecs.BOM_UTF16_LE + "总体情况".encode("utf-16-le") + b"\x00", "byte-order mark"),
    ],
)
def test_bytes_in_no_encoding_read_here_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        decode_bytes(data, "report.txt")
    with pytest.raises(ReadError, match=message):
        gd.read(data)


def test_a_few_stray_control_characters_are_no_garbage() -> None:
    text = SEED.read_text("utf-8").replace("一、总体情况", "一、总体情况\x07")
    assert decode_bytes(text.encode()) == (text, "UTF-8")


def test_bytes_too_long_to_be_a_text_are_refused_before_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("govdisclosure.readers.encodings._MAX_BYTES", 100)
    with pytest.raises(ReadError, match="the text is 101 long; the limit is 100"):
        decode_bytes(b"x" * 101)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-16-be-bom"])
def test_utf16_json_and_pages_are_sniffed_as_json_and_html(tmp_path: Path, codec: str) -> None:
    example = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    for fmt in ("json", "html"):
        rendered = gd.render(example, fmt)
        assert isinstance(rendered, str)
        data = encoded(rendered, codec)
        result = gd.read(data)
        assert (result.format, result.report) == (fmt, example)
        assert result.notes[0].snippet == dict(ENCODINGS)[codec]
        # With the file's extension, the same.
        path = tmp_path / f"report.{fmt}"
        path.write_bytes(data)
        assert gd.read(path).report == example
    # A UTF-16 page without a byte-order mark decodes as a page too.
    page = encoded('<meta charset="utf-8"><p>中宁县</p>', codec)
    assert decode_html(page)[0].endswith("<p>中宁县</p>")


def test_markdown_in_utf16_is_read_from_its_extension(tmp_path: Path) -> None:
    report = gd.read(TWIN).report
    path = tmp_path / "report.md"
    rendered = gd.render(report, "markdown")
    assert isinstance(rendered, str)
    path.write_bytes(rendered.encode("utf-16-le"))
    result = gd.read(path)
    assert result.format == "markdown"
    assert result.report.applications == report.applications
    assert encoding_notes(result) == ["UTF-16LE"]


# --- Traditional script -----------------------------------------------------------------------


def _labels() -> set[str]:
    """Every word the readers match: the layouts' labels (rows, columns, captions,
    corners, notes) in both editions, the sections' titles and the words their headings
    are known by, the title's words and the names' endings that tell an organ's kind."""
    words = {"年度", "政府信息公开", "政务公开", "工作", "报告", "年报", "关于"}
    words |= {"人民政府", "局", "厅", "委员会", "委", "办公室", "办", "部", "署", "中心"}
    words |= {"街道办事处", "乡", "镇", "县", "区", "市"}
    for edition in Edition:
        for table in layout(edition).tables:
            words |= {table.corner, table.note}
            for block in table.blocks:
                if block.caption is not None:
                    words.add(block.caption.zh)
                for tree in (block.row_tree, block.column_tree):
                    for top in tree:
                        words |= {n.numbering + n.label + n.key.zh for n, _ in top.walk()}
    for section in Section:
        words |= {section.zh, *_SECTION_WORDS[section], *_VARIANTS.get(section, ())}
    return words


def _chinese(words: set[str]) -> set[str]:
    return {c for word in words for c in word if "\u4e00" <= c <= "\u9fff"}


#: The characters of the labels that Traditional text prints as they are (checked by
#: hand); every other one must have its Traditional form in the map.
UNCHANGED = set(
    "一七三上下不中主之九予事二五人仍他以件企位作供保信元全八公六其具再出分列到制加勾十危"
    "卷及反取另只可合告和商四在基增外大委存安定室家容密尚局工已年府度形律心性息情成或投持"
    "按掌接提握收改政效文新方明有服期未本果查案概止正民求法然版物理用由申的益目直相知研社"
    "禁科秘程稽章第等管署自行街要起述通逾道部重量金集需市"
)
#: Characters Traditional text prints as they are in some words and in another form in
#: others: 制发 and 製作, 只计 and 隻.
BOTH = set("制只")


def test_the_map_covers_every_character_of_the_labels() -> None:
    labels = _chinese(_labels())
    forms = set(TO_SIMPLIFIED.values())
    missing = sorted(c for c in labels if c not in UNCHANGED and c not in forms)
    assert missing == [], f"no Traditional form in the map for {''.join(missing)}"
    # A character listed as unchanged that the map also converts to is a mistake in
    # one list or the other.
    assert sorted(UNCHANGED & forms) == sorted(BOTH)
    assert labels >= UNCHANGED  # and the list holds no character the labels lack
    # The labels are Simplified: converting them changes nothing.
    assert all(simplified(word) == word for word in _labels())


def test_the_map_goes_from_traditional_to_simplified_characters() -> None:
    from govdisclosure.readers import traditional

    pairs = traditional._PAIRS.split()
    assert all(len(pair) == 2 and pair[0] != pair[1] for pair in pairs)
    assert len(pairs) == len(TO_SIMPLIFIED), "a Traditional character is listed twice"

    def gb2312(char: str) -> bool:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True

    # Simplified text is written in GB 2312's characters; the Traditional forms are not
    # among them (but for three that GB 2312 also holds, see the module).
    assert all(gb2312(simple) for simple in TO_SIMPLIFIED.values())
    assert {t for t in TO_SIMPLIFIED if gb2312(t)} == set("於後覆")
    assert not set(TO_SIMPLIFIED) & set(TO_SIMPLIFIED.values())
    assert all(len(simplified(t)) == 1 for t in TO_SIMPLIFIED)


def test_one_stray_traditional_character_does_not_make_a_traditional_text() -> None:
    twin = TWIN.read_text("utf-8")
    quoting = twin.replace("依申请公开情况。", "依申请公开情况（含臺灣居民）。")
    assert traditional_count(quoting)[0] == 2
    assert not is_traditional(quoting)
    result = gd.read(quoting)
    assert result.report.applications == gd.read(TWIN).report.applications
    assert not any("Traditional" in n.action for n in result.notes)
    assert is_traditional(TRADITIONAL.read_text("utf-8"))


def test_a_traditional_copy_reads_into_its_simplified_twin() -> None:
    result = gd.read(TRADITIONAL)
    twin = gd.read(TWIN).report
    report = result.report
    printed = TRADITIONAL.read_text("utf-8")
    # The structure as the twin's: every cell of every table, the edition, the year.
    assert report.proactive == twin.proactive
    assert report.applications == twin.applications
    assert report.reviews == twin.reviews
    assert (report.edition, report.year, report.published) == (Edition.V2021, 2021, twin.published)
    assert report.organ_kind == twin.organ_kind == gd.OrganKind.DEPARTMENT
    # The organ and the title as printed, in Traditional script.
    assert report.organ == printed.splitlines()[0] == "臨溪縣衛生健康委員會"
    assert report.custom_title == "".join(printed.splitlines()[:2])
    assert twin.custom_title is None
    # The prose as printed: each paragraph is a line of the document (without its
    # indent), and it is the twin's but for the script, character for character.
    lines = {line.strip() for line in printed.splitlines()}
    paragraphs = [
        *report.preamble.paragraphs,
        *report.overview.intro,
        *(p for s in report.overview.subsections for p in s.paragraphs),
        *report.problems,
        *report.other_matters,
    ]
    assert len(paragraphs) == 9
    for paragraph in paragraphs:
        assert any(paragraph.text in line for line in lines)
        assert simplified(paragraph.text) != paragraph.text
    # The whole report, read through the Simplified forms, is the twin (the facts the
    # preamble states too).
    assert gd.loads(simplified(gd.dumps(attrs.evolve(report, title=None)))) == twin
    # The facts the preamble states, as printed.
    assert report.preamble.contact is not None
    assert report.preamble.contact.office == "臨溪縣衛生健康委員會辦公室"
    assert report.preamble.website is not None
    assert report.preamble.website.name == "臨溪縣人民政府門戶網站"
    # And it checks as its twin does.
    validation = gd.validate(report)
    assert validation.errors == ()
    assert [f.rule for f in gd.validate(twin).findings] == []


def test_reading_a_traditional_copy_says_so() -> None:
    result = gd.read(TRADITIONAL)
    script = result.notes[0]
    assert (script.kind, script.location) == ("text", "$")
    assert "Traditional script" in script.action
    assert "6 section headings" in script.action
    assert script.snippet
    assert all(c in TO_SIMPLIFIED for c in script.snippet)
    found, chinese = traditional_count(TRADITIONAL.read_text("utf-8"))
    assert f"{found} of its {chinese} Chinese characters" in script.action
    title = [n for n in result.notes if n.location == "$.report.title"]
    assert [(n.kind, n.snippet) for n in title] == [("text", result.report.custom_title)]
    assert "Traditional script" in title[0].action
    # The twin says nothing of the kind.
    twin = gd.read(TWIN)
    assert not any("Traditional" in n.action for n in twin.notes)
    # Every other note is the twin's (with Simplified labels, the organ as printed).
    assert [n.action for n in result.notes[2:]] == [n.action for n in twin.notes]


@pytest.mark.parametrize(
    "title",
    [
        "臨溪縣衛生健康委員會2021年政府信息公開工作年度報告",
        "臨溪縣衛生健康委員會關於2021年政府信息公開工作年度報告",
        "臨溪縣衛生健康委員會 2021 年度政府信息公開工作報告",
        "臨溪縣衛生健康委員會\n2021年政府信息公開\n工作年度報告",
    ],
)
def test_a_traditional_title_keeps_the_organ_and_the_title_as_printed(title: str) -> None:
    text = TRADITIONAL.read_text("utf-8")
    first = "\n".join(text.splitlines()[:2])
    result = gd.read(text.replace(first, title))
    report = result.report
    assert (report.organ, report.year) == ("臨溪縣衛生健康委員會", 2021)
    assert report.custom_title == title.replace("\n", "")
    assert report.applications == gd.read(TWIN).report.applications


def test_annotations_in_cells_are_read_through_their_simplified_words() -> None:
    text = TRADITIONAL.read_text("utf-8").replace(
        "行政事業性收費\t1.25", "行政事業性收費\t1.25萬元"
    )
    result = gd.read(text)
    assert result.report.proactive == gd.read(TWIN).report.proactive


@pytest.mark.parametrize(
    ("organ", "kind"),
    [
        ("臨溪縣人民政府", gd.OrganKind.GOVERNMENT),
        ("臨溪縣人民政府辦公室", gd.OrganKind.DEPARTMENT),
        ("臨溪縣衛生健康委員會", gd.OrganKind.DEPARTMENT),
        ("某省教育廳", gd.OrganKind.DEPARTMENT),
        ("臨溪縣發展和改革委", gd.OrganKind.DEPARTMENT),
        ("臨溪縣水務局", gd.OrganKind.DEPARTMENT),
        ("臨溪縣城關街道辦事處", None),
    ],
)
def test_the_kind_of_an_organ_named_in_traditional_script(
    organ: str, kind: gd.OrganKind | None
) -> None:
    assert organ_kind(organ) is kind
    assert organ_kind(simplified(organ)) is kind


def _markdown(text: str) -> str:
    """The fixture as Markdown: its tables' rows between pipes, its sections' headings
    marked as headings, its title as the document's."""
    out = []
    for number, line in enumerate(text.splitlines()):
        if "\t" in line:
            out.append("| " + " | ".join(line.split("\t")) + " |")
        elif number < 2 and line:
            out.append(f"# {line}")
        elif re.match(r"[一二三四五六]、", line):
            out.append(f"## {line}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def _page(text: str) -> str:
    """The fixture as a web page: its tables' rows as tables, every other line a
    paragraph."""
    out, rows = ["<html><body>"], []
    for line in [*text.splitlines(), ""]:
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>")
            continue
        if rows:
            out.append("<table>" + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            out.append(f"<p>{line.strip()}</p>")
    return "\n".join(out) + "</body></html>"


@pytest.mark.parametrize("how", ["markdown", "markdown-file", "html", "html-file"])
def test_a_traditional_copy_in_markdown_and_html(tmp_path: Path, how: str) -> None:
    text = TRADITIONAL.read_text("utf-8")
    twin = gd.read(TWIN).report
    if how.startswith("markdown"):
        document, suffix = _markdown(text), ".md"
        result = read_markdown(document)
    else:
        document, suffix = _page(text), ".html"
        result = read_html(document)
    if how.endswith("file"):
        path = tmp_path / f"report{suffix}"
        path.write_text(document, encoding="utf-8")
        result = gd.read(path)
    report = result.report
    assert (report.proactive, report.applications, report.reviews) == (
        twin.proactive,
        twin.applications,
        twin.reviews,
    )
    assert report.organ == "臨溪縣衛生健康委員會"
    problems = next(line.strip() for line in text.splitlines() if "一是" in line)
    assert [p.text for p in report.problems] == [problems]
    assert any("Traditional script" in n.action for n in result.notes_of(NoteKind.TEXT))
    assert gd.validate(report).errors == ()
