"""The documentation's snippets run from any directory, not only from a checkout's root:
they find the examples through the package (``gd.examples``), never by a path relative to
the current directory. Each page's doctests are run again here with a fresh, empty
working directory."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(
    page
    for page in [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "docs").glob("*/*.md")]
    if ">>> " in page.read_text("utf-8")
)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_a_page_runs_from_an_empty_directory(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testfile(
        str(page), module_relative=False, optionflags=flags, report=False, encoding="utf-8"
    )
    assert result.attempted > 0
    assert result.failed == 0, f"{page.name}: {result.failed} of {result.attempted} failed here"
