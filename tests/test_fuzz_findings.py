"""Every reproducer the fuzz campaign saved (``tests/fixtures/fuzz``, minimised where it
could be) read again: each ends in a report or in the library's own error, within 2 s, and
a report read renders in every format and both languages. The file names say what each
did when it was found: a foreign exception, a hang, a slow read, or a report the renderers
could not lay out."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.errors import GovDisclosureError

FINDINGS = sorted((Path(__file__).parent / "fixtures" / "fuzz").iterdir())
FORMATS = {".txt": "text", ".md": "markdown", ".html": "html", ".docx": "docx", ".pdf": "pdf"}


def test_there_are_findings_of_every_kind() -> None:
    kinds = {path.name.split("-")[0] for path in FINDINGS}
    assert kinds == {"foreign", "hang", "render", "slow"}


@pytest.mark.parametrize("path", FINDINGS, ids=lambda path: path.name)
def test_a_reproducer_reads_or_is_refused_quickly_and_renders(path: Path) -> None:
    fmt = FORMATS[path.suffix]
    if fmt == "pdf":
        pytest.importorskip("pypdf", reason="reading PDF needs the pdf extra")
    start = time.perf_counter()
    try:
        report = gd.read(path.read_bytes(), fmt).report
    except GovDisclosureError:
        report = None
    assert time.perf_counter() - start < 2.0
    if report is not None:
        for output in ("json", "html", "text", "markdown", "docx"):
            for locale in ("zh_CN", "en"):
                assert gd.render(report, output, locale=locale)
