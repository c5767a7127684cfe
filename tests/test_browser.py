"""The HTML page in a real browser: headless Chromium lays it out, a script reads back the
tables' rows, columns and spans as the browser rendered them, and a screenshot is saved
to ``out/browser/`` for a person to look at; Chromium prints each example to PDF, and the
pages are checked as a clerk would look at them (A4, numbered, no page left half empty,
no table header without a row under it). ``make test`` installs Chromium when it is
missing (``tools/ensure-chromium.sh``)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.renderers.document import Table, build_document
from govdisclosure.renderers.docx.preset import GB_T_9704
from govdisclosure.renderers.grid import Grid, Role, table_grid

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "out" / "browser"
EXAMPLES = {
    "zhongning-minzheng-2020": ROOT / "examples" / "zhongning-minzheng-2020.json",
    "shiyan-ziranziyuan-2022": ROOT / "examples" / "shiyan-ziranziyuan-2022.json",
}

# Runs in the page after layout: each table's rows with the tag and spans of each cell,
# the number of grid columns the browser derived, and whether every cell that spans
# several rows is laid out taller than a single row (so the spans really merged).
PROBE = """
<script>
const tables = [...document.querySelectorAll("table")].map(table => {
  const rows = [...table.rows].map(row => [...row.cells].map(
    cell => [cell.tagName.toLowerCase(), cell.rowSpan, cell.colSpan]));
  const columns = Math.max(...[...table.rows].map(row =>
    [...row.cells].reduce((n, cell) => n + cell.colSpan, 0)));
  const heights = [...table.rows].map(row => row.getBoundingClientRect().height);
  const tall = [...table.querySelectorAll("td, th")].filter(c => c.rowSpan > 1).every(
    c => c.getBoundingClientRect().height > Math.min(...heights) * 1.5);
  const width = table.getBoundingClientRect().width;
  return {rows, columns, tall, width};
});
const out = document.createElement("pre");
out.id = "probe";
out.textContent = JSON.stringify(tables);
document.body.appendChild(out);
</script>
"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail(
            "Chromium is not installed, and the browser tests need it (about 450 MB): on "
            "Debian or Ubuntu `apt-get install chromium` (and fonts-noto-cjk for the Chinese "
            "text), or run tools/ensure-chromium.sh, which `make test` runs"
        )
    return found


def _run(page: Path, *args: str, profile: Path) -> str:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1240,1754",
        *args,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def _probe(html: str, tmp_path: Path) -> list[dict[str, Any]]:
    page = tmp_path / "page.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _run(page, "--virtual-time-budget=5000", "--dump-dom", profile=tmp_path / "profile")
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    result: list[dict[str, Any]] = json.loads(found.group(1).replace("&quot;", '"'))
    return result


@pytest.mark.parametrize("name", list(EXAMPLES))
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_chromium_lays_out_the_tables_as_the_form(name: str, locale: str, tmp_path: Path) -> None:
    report = gd.load(EXAMPLES[name])
    html = gd.render(report, "html", locale=locale)
    assert isinstance(html, str)
    tables = _probe(html, tmp_path)
    assert len(tables) == 3
    for probed, table in zip(tables, report.tables, strict=True):
        grid = table_grid(table)
        expected = [
            [["th" if c.is_header else "td", c.row_span, c.col_span] for c in row]
            for row in grid.rows
        ]
        assert probed["rows"] == expected
        assert probed["columns"] == grid.columns
        assert probed["tall"], "a cell spanning rows is no taller than one row"
        assert probed["width"] > 300


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_a_screenshot_of_each_example(name: str, tmp_path: Path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = tmp_path / f"{name}.html"
    html = gd.render(gd.load(EXAMPLES[name]), "html")
    assert isinstance(html, str)
    page.write_text(html, encoding="utf-8")
    shot = SHOTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    _run(page, f"--screenshot={shot}", profile=tmp_path / "profile")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


# --- printing --------------------------------------------------------------------------

#: Points in a millimetre: PDF lengths are in points.
_PT = 72 / 25.4


def _print(html: str, tmp_path: Path) -> Any:
    """The page printed by Chromium, as pypdf reads it."""
    pypdf = pytest.importorskip("pypdf", reason="reading the printed PDF needs the [pdf] extra")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    _run(page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", profile=tmp_path / "profile")
    return pypdf.PdfReader(pdf)


def _folded(text: str) -> str:
    """Text as compared: compatibility forms folded (PDF text comes out with Kangxi
    radicals for some characters: "⼈" for "人"), and no white space (cells wrap)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _pattern(label: str) -> str:
    """A pattern for a label in a page's text: each Chinese character may come out as a
    radical that no normalization folds ("⺠" for "民")."""
    return "".join(
        f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u4e00" <= c <= "\u9fff" else re.escape(c)
        for c in _folded(label)
    )


def _header_labels(grid: Grid) -> set[str]:
    """The texts of a table's header cells: its header rows, or in table 二 the caption
    and header row of each block."""
    heads = grid.rows[: grid.header_rows] or [
        row for row in grid.rows if row[0].role in (Role.CAPTION, Role.CORNER)
    ]
    return {cell.text for row in heads for cell in row if cell.is_header and cell.text}


def _lines(page: Any) -> list[tuple[float, str]]:
    """The text drawn on a page, each piece with the height it stands at (points from the
    bottom edge)."""
    out: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            out.append((tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=visit)
    return out


def _assert_prints_well(report: gd.AnnualReport, locale: str, pages: Any) -> None:
    """The printed pages are the preset's (A4), each numbered at its foot; none holds
    only a table's header or ends with one without a row under it; none but the last is
    left half empty."""
    preset = GB_T_9704
    width, height = preset.page_width * _PT, preset.page_height * _PT
    foot = preset.margin_bottom * _PT  # below it: the page number
    grids = [b.grid for b in build_document(report, locale).blocks if isinstance(b, Table)]
    labels = sorted({label for grid in grids for label in _header_labels(grid)}, key=len)
    header_last = re.compile(f"(?:{'|'.join(_pattern(label) for label in labels[::-1])})$")
    assert 2 <= len(pages) <= 20
    for number, page in enumerate(pages, start=1):
        box = page.mediabox
        assert abs(float(box.width) - width) < 1
        assert abs(float(box.height) - height) < 1
        drawn = _lines(page)
        footer = _folded("".join(text for y, text in drawn if y < foot))
        assert footer == f"—{number}—", f"page {number}'s number"
        body = _folded("".join(text for y, text in drawn if y >= foot))
        assert body
        assert not header_last.search(body), f"page {number} ends with a table header"
        if number < len(pages):
            # Not half empty, as when a tall merged cell was carried to the next page.
            lowest = min(y for y, _ in drawn if y >= foot)
            assert lowest < height / 2, f"page {number} is filled to {1 - lowest / height:.0%}"


@pytest.mark.parametrize("name", list(EXAMPLES))
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_chromium_prints_each_example_on_numbered_a4_pages(
    name: str, locale: str, tmp_path: Path
) -> None:
    report = gd.load(EXAMPLES[name])
    html = gd.render(report, "html", locale=locale)
    assert isinstance(html, str)
    _assert_prints_well(report, locale, _print(html, tmp_path).pages)


@pytest.mark.parametrize("shift", [3, 6, 9])
def test_table_three_prints_well_wherever_its_page_breaks(shift: int, tmp_path: Path) -> None:
    """Table 三 started lower and lower on its page (the report's first paragraph
    printed ``shift`` more times before it), so that pages break at other rows."""
    report = gd.load(EXAMPLES["zhongning-minzheng-2020"])
    html = gd.render(report, "html")
    assert isinstance(html, str)
    paragraph = re.search(r"<p>.*?</p>\n", html)
    assert paragraph
    three = html.index(f'<table class="table-{table_grid(report.applications).number} ')
    three = html.rindex("<h2>", 0, three)
    shifted = html[:three] + paragraph[0] * shift + html[three:]
    _assert_prints_well(report, "zh_CN", _print(shifted, tmp_path).pages)
