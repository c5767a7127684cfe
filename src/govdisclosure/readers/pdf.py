"""PDF files, read through the optional ``pdf`` extra (``pip install govdisclosure[pdf]``,
which brings pypdf): the text of each page, extracted in reading order, goes to the text
reader. pypdf is imported on first use; without it, reading a PDF says what to install.
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
from typing import Any

import attrs

from govdisclosure.errors import FormatNotAvailable, ReadError
from govdisclosure.readers.limits import MAX_TEXT_CHARS, check_size
from govdisclosure.readers.lines import read_text
from govdisclosure.readers.result import ReadResult, SourceRef

__all__ = ["pdf_text", "read_pdf"]

#: A report has a few pages; a PDF with more is refused before it is read.
MAX_PAGES = 200


def _pypdf() -> Any:
    try:
        import pypdf
    except ImportError:
        raise FormatNotAvailable(
            "reading PDF needs pypdf: pip install 'govdisclosure[pdf]'"
        ) from None
    return pypdf


def pdf_text(data: bytes, source: str | None = None) -> str:
    """The text of a PDF, page after page; each page starts on a line of its own, after a
    form feed (the text reader takes it as a page break)."""
    pypdf = _pypdf()
    # pypdf logs what it repairs in a damaged file; the reader reports, it does not print.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        document = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if document.is_encrypted:
            raise ReadError("the PDF is encrypted", source=source)
        if len(document.pages) > MAX_PAGES:
            raise ReadError(f"the PDF has {len(document.pages)} pages", source=source)
        pages = []
        total = 0
        for page in document.pages:
            text = page.extract_text() or ""
            total += len(text)
            check_size(total, MAX_TEXT_CHARS, "the PDF's text", source)
            pages.append(text)
    except ReadError:
        raise
    except Exception as err:  # pypdf raises many kinds on damaged files
        raise ReadError(f"not a readable PDF: {type(err).__name__}: {err}", source=source) from None
    finally:
        logger.setLevel(level)
    return "\n\f".join(pages)


def _paged(ref: SourceRef | None, starts: list[int]) -> SourceRef | None:
    """``ref`` with its line counted in its page, as a reader of the PDF finds it."""
    if ref is None or ref.line is None:
        return ref
    page = bisect.bisect_right(starts, ref.line)
    return attrs.evolve(ref, page=page, line=ref.line - starts[page - 1] + 1)


def _page_starts(text: str) -> list[int]:
    """The line each page of :func:`pdf_text`'s text starts on."""
    lines = (page.count("\n") + 1 for page in text.split("\n\f")[:-1])
    return list(itertools.accumulate(lines, initial=1))


def read_pdf(data: bytes | str, *, source: str | None = None, **options: Any) -> ReadResult:
    """Read a report from a PDF (``.pdf``): its text goes to the text reader. The pdf
    format's read side; the library does not write PDF."""
    if isinstance(data, str):
        raise ReadError("a PDF is bytes, not text", source=source)
    text = pdf_text(data, source)
    result: ReadResult = read_text(text, source=source, **options)
    # A PDF has pages: its lines are counted in their page, as its reader sees them.
    starts = _page_starts(text)
    notes = tuple(attrs.evolve(n, source=_paged(n.source, starts)) for n in result.notes)
    sources = {key: _paged(ref, starts) or ref for key, ref in result.sources.items()}
    return attrs.evolve(result, notes=notes, sources=sources, format="pdf")
