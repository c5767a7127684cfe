"""Hostile and malformed text, Markdown and JSON (issue 13): every input ends in a report
or in the library's own error, within its time, and what a reader accepts renders in
every format. Each test is a reproducer of something a fuzz campaign found; the times
asserted are generous bounds (the inputs take some hundredths of a second) that a
quadratic reader misses by far."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.errors import GovDisclosureError, ReadError
from govdisclosure.numerals import chinese, value
from govdisclosure.readers import limits
from govdisclosure.report import AnnualReport, Subsection

SEED = gd.load("examples/zhongning-minzheng-2020.json")
FORMATS = ("json", "text", "markdown", "html", "docx")


def _rendered(fmt: str, report: AnnualReport = SEED) -> str:
    document = gd.render(report, fmt)
    assert isinstance(document, str)
    return document


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _with_figure(document: str, figure: str) -> str:
    """``document`` with the first figure of the row 规章 replaced by ``figure``."""
    pattern = r"(规章(?:\W|</?t[dh][^>]*>)+)0"
    changed = re.sub(pattern, lambda m: m.group(1) + figure, document, count=1)
    assert changed != document
    return changed


def _renders_everywhere(report: AnnualReport) -> None:
    for fmt in FORMATS:
        for locale in ("zh_CN", "en"):
            gd.render(report, fmt, locale=locale)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_figure_of_4301_digits_is_kept_as_text_with_a_note(fmt: str) -> None:
    # Python's int() refuses more than 4,300 digits: a ValueError escaped the reader.
    document = _with_figure(_rendered(fmt), "1" * 4301)
    result = gd.read(document, fmt)
    assert result.report.proactive.get("rules", "made") is gd.BLANK
    assert result.report.proactive.annotation("rules", "made") == "1" * 4301  # not lost
    noted = [note for note in result.notes if note.location.endswith("proactive.rules.made")]
    assert noted
    assert "kept the text" in noted[0].action
    _renders_everywhere(result.report)


def test_a_json_figure_of_4301_digits_is_refused_with_its_path() -> None:
    figure = '"natural_person": ' + "1" * 4301
    text = _rendered("json").replace('"natural_person": 0', figure, 1)
    with pytest.raises(GovDisclosureError, match=r"applications.new.natural_person.*4,301 digits"):
        gd.read(text, "json")


@pytest.mark.parametrize(
    ("digits", "action"),
    [(19, None), (limits.MAX_FIGURE_DIGITS, "too large"), (limits.MAX_FIGURE_DIGITS + 1, "digits")],
)
def test_figures_up_to_the_limit_are_read_as_figures(digits: int, action: str | None) -> None:
    figure = "1" * digits
    result = gd.read(_with_figure(_rendered("text"), figure), "text")
    cell = result.report.proactive.get("rules", "made")
    noted = [note for note in result.notes if note.location.endswith("proactive.rules.made")]
    if action is None:
        assert cell == int(figure)
        assert not noted
    else:
        assert cell is gd.BLANK
        assert action in noted[0].action


@pytest.mark.parametrize(
    ("name", "grow"),
    [
        # 规章 1 1 1 … 1: the text reader was quadratic in the figures on a line.
        ("figures on a line", lambda n: "\n规章" + " 1" * n),
        # A long run of digits in a label: label matching was quadratic in its length.
        ("digits in a label", lambda n: "\n规章" + "1" * n),
        ("marks on a line", lambda n: "\n规章" + " —" * n),
        ("annotated figures", lambda n: "\n规章" + " 1（注）" * n),
    ],
)
def test_a_long_line_costs_as_much_as_its_length(name: str, grow: Callable[[int], str]) -> None:
    text = _rendered("text")
    small = text.replace("\n规章", grow(20_000), 1)
    large = text.replace("\n规章", grow(80_000), 1)
    gd.read(small, "text")  # warm the caches
    assert _timed(lambda: gd.read(large, "text")) < 1.0, name


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        # A paragraph wrapped over thousands of lines was joined again at every line.
        ("wrapped lines", "政府信息公开工作扎实推进\n"),
        # Section headings repeated: every run of labels was scanned from every row.
        ("repeated headings", "二、主动公开政府信息情况\n"),
        ("numbered lines", "1.政府信息公开\n"),
        ("cell lines", "1|\n"),
    ],
)
def test_many_lines_cost_as_much_as_their_number(name: str, lines: str) -> None:
    text = _rendered("text")
    document = text.replace("一、总体情况\n", "一、总体情况\n" + lines * 9_000, 1)
    assert _timed(lambda: _read_or_refuse(document, "text")) < 2.0, name


def _read_or_refuse(document: str, fmt: str) -> None:
    with contextlib.suppress(ReadError):
        gd.read(document, fmt)


def test_more_lines_than_any_report_are_refused_where_they_go_over() -> None:
    text = _rendered("text")
    lines = "政府信息公开。\n" * limits.MAX_LINES
    document = text.replace("一、总体情况\n", "一、总体情况\n" + lines, 1)
    with pytest.raises(ReadError, match="more than 10,000 lines") as raised:
        gd.read(document, "text")
    assert "line 10,0" in str(raised.value) or "line 100" in str(raised.value)


def test_a_table_of_more_rows_than_any_report_is_refused() -> None:
    text = _rendered("text")
    document = text.replace("\n规章", "\n" + "规章 1 2 3\n" * limits.MAX_TABLE_ROWS + "规章", 1)
    with pytest.raises(ReadError, match="more than 500 rows"):
        gd.read(document, "text")


@pytest.mark.parametrize(
    "line",
    [
        "规章" + " 1" * (limits.MAX_TABLE_COLUMNS + 5),
        "规章" + "\t1" * (limits.MAX_TABLE_COLUMNS + 5),
        "规章" + " | 1" * (limits.MAX_TABLE_COLUMNS + 5),
    ],
    ids=["spaces", "tabs", "pipes"],
)
def test_a_line_longer_than_any_row_is_noted_not_read(line: str) -> None:
    text = _rendered("text")
    result = gd.read(text.replace("\n规章", "\n" + line + "\n规章", 1), "text")
    assert any("is no row of a table" in note.action for note in result.notes_of("unplaced"))
    assert result.report.proactive == SEED.proactive


@pytest.mark.parametrize(
    "insert",
    [
        "政府信息公开工作扎实推进。" * 60 + "\n",  # prose
        "政府 1 " * 150 + "\n",  # words and figures
    ],
    ids=["prose", "figures"],
)
def test_text_at_the_size_limit_is_read_within_two_seconds(insert: str) -> None:
    text = _rendered("text")
    count = (limits.MAX_TEXT_CHARS - len(text)) // len(insert) - 1
    count = min(count, limits.MAX_LINES - text.count("\n") - 10)
    document = text.replace("一、总体情况\n", "一、总体情况\n" + insert * count, 1)
    assert _timed(lambda: _read_or_refuse(document, "text")) < 2.0


_NEARLY_ALL = limits.MAX_TEXT_CHARS - 10_000


@pytest.mark.parametrize(
    "line",
    ["规章 " + "1" * _NEARLY_ALL, "规章 " + "— " * (_NEARLY_ALL // 2)],
    ids=["digits", "marks"],
)
def test_one_line_of_millions_of_characters_is_read_within_two_seconds(line: str) -> None:
    document = _rendered("text").replace("\n规章", "\n" + line + "\n规章", 1)
    assert _timed(lambda: gd.read(document, "text")) < 2.0


@pytest.mark.parametrize("count", [11, 12, 25, 120])
def test_any_number_of_subsections_renders_and_reads_back(count: int) -> None:
    # Every Chinese renderer numbered subsections from a string of ten numerals.
    subsections = tuple(Subsection(f"第{i}项工作", [f"内容{i}。"]) for i in range(1, count + 1))
    report = attrs.evolve(SEED, overview=attrs.evolve(SEED.overview, subsections=subsections))
    _renders_everywhere(report)
    for fmt in FORMATS:
        assert gd.read(gd.render(report, fmt), fmt).report.overview == report.overview, fmt


def test_chinese_numerals_read_back_whatever_the_number() -> None:
    for number in (*range(1, 2_000), 10_000, 10_010, 123_456, 99_999_999):
        assert value(chinese(number)) == number
    assert chinese(0) == "0"
    assert chinese(100_000_000) == "100000000"
