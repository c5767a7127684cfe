"""The HTML page in a real browser: headless Chromium lays it out, a script reads back the
tables' rows, columns and spans as the browser rendered them, and a screenshot is saved
to ``out/browser/`` for a person to look at. ``make test`` installs Chromium when it is
missing (``tools/ensure-chromium.sh``)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.renderers.grid import table_grid

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
        pytest.fail("Chromium is not installed: run tools/ensure-chromium.sh (make test does)")
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
