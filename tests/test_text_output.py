"""The text format: its emphasis markers (on by default, off on request) and its tables
aligned for a monospaced font of the text's language."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.categories import ApplicationRow
from govdisclosure.i18n import translate

ROOT = Path(__file__).resolve().parent.parent
SEED = gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")
INVENTED = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")


# --- emphasis -------------------------------------------------------------------------------


def _text(report: gd.AnnualReport, locale: str = "zh_CN", **options: Any) -> str:
    out = gd.render(report, "text", locale=locale, **options)
    assert isinstance(out, str)
    return out


def _plain(paragraphs: tuple[gd.Paragraph, ...]) -> tuple[gd.Paragraph, ...]:
    return tuple(gd.Paragraph(p.text) for p in paragraphs)


def _without_bold(report: gd.AnnualReport) -> gd.AnnualReport:
    overview = report.overview
    subsections = [attrs.evolve(s, paragraphs=_plain(s.paragraphs)) for s in overview.subsections]
    return attrs.evolve(
        report,
        overview=attrs.evolve(overview, intro=_plain(overview.intro), subsections=subsections),
        problems=_plain(report.problems),
        other_matters=_plain(report.other_matters),
    )


def _bold(report: gd.AnnualReport) -> list[str]:
    paragraphs = [p for s in report.overview.subsections for p in s.paragraphs]
    return [span.text for p in paragraphs for span in p.spans if span.bold]


def test_emphasis_is_marked_so_that_the_text_reads_back_with_it() -> None:
    assert "四是" in _bold(SEED)
    text = _text(SEED)
    assert "**四是**推进管理公开" in text
    assert gd.read(text, "text").report == SEED


def test_without_emphasis_the_text_has_no_markers_and_reads_back_without_bold() -> None:
    text = _text(SEED, emphasis=False)
    assert "**" not in text
    assert "。四是推进管理公开" in text
    read = gd.read(text, "text").report
    assert _bold(read) == []
    assert read == _without_bold(SEED)
    # The same words as with the markers, and nothing else differs.
    assert _text(SEED).replace("**", "") == text


def test_a_paragraphs_own_markup_characters_are_escaped_only_with_emphasis() -> None:
    report = attrs.evolve(INVENTED, problems=(gd.Paragraph("星号*与反斜杠\\照印。"),))
    assert "星号\\*与反斜杠\\\\照印。" in _text(report)
    assert "星号*与反斜杠\\照印。" in _text(report, emphasis=False)


@pytest.mark.parametrize("options", [{"emphasis": "no"}, {"emphasis": None}, {"colour": True}])
def test_the_text_format_refuses_other_options(options: dict[str, Any]) -> None:
    with pytest.raises(gd.OptionError, match="emphasis"):
        _text(SEED, **options)


# --- widths ---------------------------------------------------------------------------------


def _width(text: str, *, ambiguous_wide: bool) -> int:
    """Columns ``text`` takes in a monospaced font: a Chinese one draws the characters
    of ambiguous East Asian width wide, a Western one narrow."""
    wide = ("W", "F", "A") if ambiguous_wide else ("W", "F")
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in wide else 1
        for ch in text
    )


_FIGURE = re.compile(r"\S+")


def _figure_ends(line: str, figures: int, *, ambiguous_wide: bool) -> tuple[int, ...] | None:
    """Where each of the last ``figures`` words of ``line`` ends (display columns), when
    they are all figures."""
    words = list(_FIGURE.finditer(line))[-figures:]
    if len(words) < figures or not all(w[0].isdigit() for w in words):
        return None
    return tuple(_width(line[: w.end()], ambiguous_wide=ambiguous_wide) for w in words)


def _applications_lines(text: str, locale: str) -> list[str]:
    sections = list(gd.Section)
    start = translate(sections[2].zh, locale)
    end = translate(sections[3].zh, locale)
    body = text.split(start, 1)[1].split(end, 1)[0]
    return [line for line in body.splitlines() if line.strip()]


def _columns_line_up(lines: list[str], label: str, *, ambiguous_wide: bool) -> None:
    """Every row of seven figures ends each figure at the same column, the row labelled
    ``label`` among them."""
    ends = {
        line: found
        for line in lines
        if (found := _figure_ends(line, 7, ambiguous_wide=ambiguous_wide)) is not None
    }
    assert any(label in line for line in ends), f"no row of figures labelled {label}"
    assert len(set(ends.values())) == 1, ends


@pytest.mark.parametrize("report", [SEED, INVENTED], ids=["2019", "2021"])
def test_chinese_text_aligns_ambiguous_width_characters_as_wide(report: gd.AnnualReport) -> None:
    label = ApplicationRow.WITHHELD_SECURITY.zh  # 危及“三安全一稳定”: its quotes are ambiguous
    assert any(unicodedata.east_asian_width(ch) == "A" for ch in label)
    lines = _applications_lines(_text(report, "zh_CN"), "zh_CN")
    _columns_line_up(lines, label, ambiguous_wide=True)


def test_english_text_aligns_ambiguous_width_characters_as_narrow() -> None:
    label = "其他“特殊”情形…"  # a row of the report's own, printed as it is in English too
    extra = gd.ExtraRow(label, (1, 0, 0, 0, 0, 0, 1))
    applications = attrs.evolve(INVENTED.applications, extra_rows=(extra,))
    report = attrs.evolve(INVENTED, applications=applications)
    lines = _applications_lines(_text(report, "en"), "en")
    _columns_line_up(lines, label, ambiguous_wide=False)
