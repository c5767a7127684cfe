"""The seed corpus, per reader format: every bundled example rendered in every format it
is written in, in both locales where the rendering reads back (an English rendering has
no Chinese section headings: its JSON, which is the same in both, and its workbook, whose
English labels read as the layout's Chinese, are readable), the fixture files under
tests/fixtures (DOCX, HTML, text, markdown, PDF, the messy ones), the published sources
under examples/sources, and PDFs drawn from the text renderings
with :mod:`fuzz.pdfmake` (uncompressed, so the PDF mutators find their text operators).

>>> seeds = corpus()
>>> sorted(seeds) == sorted(READERS)
True
>>> all(seeds[fmt] for fmt in READERS)
True
"""

from __future__ import annotations

import functools
from pathlib import Path

import govdisclosure as gd
from fuzz.pdfmake import text_pdf

__all__ = ["FIXTURES", "READERS", "ROOT", "corpus"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
#: The reader formats, in the order the campaign runs them.
READERS = ("json", "text", "markdown", "html", "docx", "xlsx", "pdf")
_SUFFIXES = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".pdf": "pdf",
}


def _readable(data: bytes, fmt: str) -> bool:
    try:
        gd.read(data, fmt)
    except gd.GovDisclosureError:
        return False
    return True


@functools.cache
def corpus() -> dict[str, tuple[tuple[str, bytes], ...]]:
    """``{reader format: ((name, bytes), ...)}``, in a stable order."""
    seeds: dict[str, list[tuple[str, bytes]]] = {fmt: [] for fmt in READERS}
    for example in sorted((ROOT / "examples").glob("*.json")):
        report = gd.load(example)
        for fmt in gd.available_formats("render"):
            for locale in ("zh_CN", "en"):
                rendered = gd.render(report, fmt, locale=locale)
                data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
                if fmt in seeds and (locale == "zh_CN" or _readable(data, fmt)):
                    if fmt == "json" and locale == "en":
                        continue  # the same bytes as in zh_CN
                    seeds[fmt].append((f"{example.stem}.{locale}.{fmt}", data))
            if fmt == "text":
                text = gd.render(report, "text")
                assert isinstance(text, str)
                seeds["pdf"].append((f"{example.stem}.drawn.pdf", text_pdf(text)))
    for path in sorted([*FIXTURES.rglob("*"), *(ROOT / "examples" / "sources").glob("*")]):
        kind = _SUFFIXES.get(path.suffix)
        if path.suffix == ".json" and path.parent.name != "text":
            kind = "json" if _readable(path.read_bytes(), "json") else None
        if kind is not None and path.is_file():
            seeds[kind].append((str(path.relative_to(ROOT)), path.read_bytes()))
    return {fmt: tuple(items) for fmt, items in seeds.items()}


if __name__ == "__main__":
    for fmt, items in corpus().items():
        print(f"{fmt:9} {len(items):3} seeds, {sum(len(d) for _, d in items):,} bytes")
