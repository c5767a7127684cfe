"""PDF files, read through the optional ``pdf`` extra (``pip install govdisclosure[pdf]``,
which brings pypdf): the text of each page, extracted in reading order, goes to the text
reader. pypdf is imported on first use; without it, reading a PDF says what to install.

A PDF is a program of sorts, which pypdf parses by recursion and runs its text operators at
some 0.8 to 2 µs a byte to extract its text; so each piece of pypdf's work is checked
before pypdf does it, within the limits of :mod:`~govdisclosure.readers.limits`:

* **Nesting** (:data:`~govdisclosure.limits.MAX_DEPTH`). pypdf parses arrays and
  dictionaries by recursion: ``[[[[…`` or ``<<…<<`` nested 100,000 deep would exhaust the
  interpreter's stack. Before pypdf sees the file,
  :func:`~govdisclosure.readers.pdfscan.check_nesting` scans its bytes once, counting how
  deep ``[`` and ``<<`` nest as pypdf's parser would: it skips literal strings ``(…)``
  (nested parentheses, escapes), hex strings ``<…>``, comments, and a stream's data (from
  ``>> stream`` to ``endstream``); and it starts again, at depth 0, at each object header
  ``N G obj`` it meets, even inside what it took for a string, a comment or stream data,
  since pypdf parses an object from its header whatever comes before: bytes pypdf never
  parses (junk between objects, binary data) can mislead the scan up to the next header
  only. The decoded object streams, and the decoded content of each page and of each form it
  draws, are scanned alike before pypdf parses them. *What it cannot see:* nesting inside an
  object stream or a content stream after bytes that pypdf skips there and the scan takes
  for the start of a string (junk between an object stream's objects, an inline image's
  data): there is no header there to start again at, and pypdf meets that nesting itself.
  Nor does it follow pypdf's repairs of a damaged file beyond what it finds at object
  headers.
* **Pages** (:data:`~govdisclosure.limits.MAX_PAGES`). The page tree is walked
  here first, as pypdf will flatten it, with a stack of its own and no deeper than
  ``MAX_DEPTH``, counting pages (a page the tree names twice counts twice, whatever its
  ``/Count`` says) and inner nodes (as many as pages at most); an inner node met twice (a
  cycle, a shared subtree) is refused. Only then does pypdf flatten it into a list.
* **Content** (:data:`~govdisclosure.limits.MAX_PAGE_CONTENT_BYTES` a page,
  :data:`~govdisclosure.limits.MAX_PDF_CONTENT_BYTES` the document). Before a
  page's text is extracted, what pypdf will run for it is decoded and measured: its
  content streams; the fonts of its resources (pypdf reads them all each time: their
  character maps or font files, and a kilobyte for their dictionaries); and the forms
  (``/XObject`` of ``/Subtype /Form``) it draws, each form's own measure counted as often
  as the page's ``Do`` operators could draw it (every ``Do`` counted for the largest
  form: an upper bound), forms drawing forms to ``MAX_DEPTH``. A page over its limit, or
  a document whose pages add up to more than the whole's, is refused before its text is
  extracted.
* **Decompression**. With pypdf 7 or later (its ``Configuration``), no stream inflates
  past ``MAX_PAGE_CONTENT_BYTES``: pypdf stops inflating there, so a flate bomb costs
  what it inflates to that point, and is refused. pypdf's repair of a damaged compressed
  stream byte by byte (some 3 µs a byte) is not attempted: such a stream is refused.
  Older pypdf inflates up to its own limits, then the stream is refused by its length.
  The object streams may decode to :data:`~govdisclosure.limits.MAX_FILE_BYTES`
  in all.
* **Text** (:data:`~govdisclosure.limits.MAX_TEXT_CHARS`), counted page by page.

So a read costs a scan of the file (about 0.1 s a megabyte at worst, 10 ms for a
report), pypdf's parse of the objects it needs, and the extraction of at most
``MAX_PDF_CONTENT_BYTES`` of content (some 1.5 s at worst; a report's pages draw
with some 20 to 40 KB each); its memory is the file, the streams decoded (each under
``MAX_PAGE_CONTENT_BYTES``, the pages' under ``MAX_PDF_CONTENT_BYTES``, the object
streams' under ``MAX_FILE_BYTES``) and the objects pypdf builds of them.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import itertools
import logging
import re
from collections.abc import Iterator
from typing import Any

import attrs

from govdisclosure.errors import ReadError
from govdisclosure.optional import require
from govdisclosure.readers.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_PAGE_CONTENT_BYTES,
    MAX_PAGES,
    MAX_PDF_CONTENT_BYTES,
    MAX_PDF_OBJECTS,
    MAX_TEXT_CHARS,
    check_size,
)
from govdisclosure.readers.lines import read_text
from govdisclosure.readers.pdfscan import SPACE, check_nesting
from govdisclosure.readers.result import ReadResult, SourceRef

__all__ = ["pdf_text", "read_pdf"]


def _pypdf() -> Any:
    return require("pypdf", extra="pdf", purpose="reading PDF")


# --- nesting ------------------------------------------------------------------------------


def _check_page_tree(document: Any, dictionary: Any, source: str | None) -> None:
    """Walk the page tree as pypdf will flatten it (a node is a page by its ``/Type``, or
    by having no ``/Kids``), with a stack of its own: refuse more than :data:`MAX_PAGES`
    pages, as many inner nodes, a tree deeper than :data:`MAX_DEPTH`, or an inner node
    met twice (a cycle, or a subtree shared)."""
    pages = _resolved(document.root_object.get("/Pages"))
    if not isinstance(pages, dictionary) or _kind(pages) != "/Pages":
        return  # pypdf says what is wrong with it, or reads it as one page
    seen: set[int] = set()
    count = 0
    stack = [_kids(pages, dictionary)]
    seen.add(id(pages))
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        kind = _kind(node)
        if kind == "/Page":
            count += 1
            if count > MAX_PAGES:
                raise ReadError(f"the PDF has more than {MAX_PAGES} pages", source=source)
        elif kind == "/Pages":
            if id(node) in seen:
                raise ReadError("the PDF's page tree reaches a node twice", source=source)
            seen.add(id(node))
            if len(seen) > MAX_PAGES:
                raise ReadError(
                    f"the PDF's page tree has more than {MAX_PAGES} inner nodes", source=source
                )
            if len(stack) >= MAX_DEPTH:
                raise ReadError(f"the PDF's page tree is more than {MAX_DEPTH} deep", source=source)
            stack.append(_kids(node, dictionary))


def _kind(node: Any) -> Any:
    """What pypdf takes a node of the page tree for: its ``/Type``, else a page when it
    has no ``/Kids``."""
    if "/Type" in node:
        return _resolved(node.get("/Type"))
    return "/Page" if "/Kids" not in node else "/Pages"


def _kids(node: Any, dictionary: Any) -> Iterator[Any]:
    """The children of an inner node of the page tree that pypdf reads: dictionaries
    that are not empty."""
    kids = _resolved(node.get("/Kids"))
    if not isinstance(kids, list):
        return
    for kid in kids:
        child = kid.get_object()
        if isinstance(child, dictionary) and child:
            yield child


# --- content ------------------------------------------------------------------------------

#: The ``Do`` operator (draw an XObject), as a token of content.
_DO = re.compile(rb"(?<![^%s()<>\[\]{}/%%])Do(?![^%s()<>\[\]{}/%%])" % (SPACE, SPACE))


#: What pypdf's reading of one font costs, beyond the streams it decodes for it (its
#: dictionaries and widths), in bytes of content: it reads every font of a page or form
#: each time it extracts the text of one.
_FONT_COST = 1024


@attrs.define
class _Content:
    """Measures what each page draws with (see the module's documentation)."""

    source: str | None
    stream: Any  # pypdf's StreamObject
    dictionary: Any  # pypdf's DictionaryObject
    total: int = 0
    forms: dict[int, int] = attrs.Factory(dict)  # what each form draws with, by id
    largest: dict[int, int] = attrs.Factory(dict)  # the largest form of a set, by its id
    fonts: dict[int, int] = attrs.Factory(dict)  # what reading a set of fonts costs

    def page(self, page: Any, number: int) -> None:
        """Refuse page ``number`` if what it draws with is more than its limit, or makes
        the document's more than the whole's."""
        what = f"page {number}"
        contents = _resolved(page.get("/Contents"))
        pieces, length = [], 0
        for stream in contents if isinstance(contents, list) else [contents]:
            # Measured one by one: an array may name one stream a million times.
            pieces.append(self.data(_resolved(stream), f"the content of {what}"))
            length += len(pieces[-1])
            check_size(length, MAX_PAGE_CONTENT_BYTES, f"the content of {what}", self.source)
        size = self.drawn(b"".join(pieces), page.get("/Resources"), what, 0)
        if size > MAX_PAGE_CONTENT_BYTES:
            raise ReadError(
                f"{what} of the PDF draws with {size:,} bytes of content, forms and fonts; "
                f"the limit is {MAX_PAGE_CONTENT_BYTES:,}",
                source=self.source,
            )
        self.total += size
        if self.total > MAX_PDF_CONTENT_BYTES:
            raise ReadError(
                f"the PDF's pages draw with more than {MAX_PDF_CONTENT_BYTES:,} bytes of "
                f"content, forms and fonts (at {what})",
                source=self.source,
            )

    def data(self, stream: Any, what: str, *, scan: bool = True) -> bytes:
        """A stream's data, decoded, measured, and (content) scanned for nesting."""
        if not isinstance(stream, self.stream):
            return b""
        data: bytes = stream.get_data()
        check_size(len(data), MAX_PAGE_CONTENT_BYTES, what, self.source)
        if scan:
            check_nesting(data, what, self.source)
        return data

    def drawn(self, data: bytes, resources: Any, what: str, depth: int) -> int:
        """What content ``data`` draws with: itself, the fonts among ``resources`` (pypdf
        reads them all), and each ``Do`` in it drawing the largest form among them."""
        resources = _resolved(resources)
        if not isinstance(resources, self.dictionary):
            return len(data)
        fonts = self.font_cost(resources.get("/Font"), what)
        largest = self.largest_form(resources.get("/XObject"), what, depth)
        drawn = sum(1 for _ in _DO.finditer(data)) * largest if largest else 0
        return len(data) + fonts + drawn

    def font_cost(self, fonts: Any, what: str) -> int:
        """What reading a set of fonts costs pypdf: :data:`_FONT_COST` each, and the
        character maps (or, for a Type 1 font without one, the font file) it decodes."""
        fonts = _resolved(fonts)
        if not isinstance(fonts, self.dictionary):
            return 0
        if id(fonts) not in self.fonts:
            cost = 0
            for name in fonts:
                cost += _FONT_COST
                for stream in self.font_streams(fonts[name]):
                    cost += len(self.data(stream, f"a font {what} uses", scan=False))
            self.fonts[id(fonts)] = cost
        return self.fonts[id(fonts)]

    def font_streams(self, font: Any) -> list[Any]:
        """The streams pypdf decodes to read ``font``'s characters."""
        if not isinstance(font, self.dictionary):
            return []
        streams = [_resolved(font.get("/Encoding"))]
        if "/ToUnicode" in font:
            streams.append(_resolved(font.get("/ToUnicode")))
        elif font.get("/Subtype") == "/Type1":
            descriptor = _resolved(font.get("/FontDescriptor"))
            if isinstance(descriptor, self.dictionary):
                streams += [_resolved(descriptor.get(k)) for k in ("/FontFile", "/FontFile3")]
        return streams

    def largest_form(self, xobjects: Any, what: str, depth: int) -> int:
        """What the largest form among ``xobjects`` draws with (each form, and each set
        of forms that pages share, measured once)."""
        xobjects = _resolved(xobjects)
        if not isinstance(xobjects, self.dictionary):
            return 0
        if id(xobjects) in self.largest:
            return self.largest[id(xobjects)]
        largest = 0
        for name in xobjects:
            form = xobjects[name]
            if not isinstance(form, self.stream) or form.get("/Subtype") != "/Form":
                continue
            if id(form) not in self.forms:
                if depth >= MAX_DEPTH:
                    raise ReadError(
                        f"the forms {what} draws nest more than {MAX_DEPTH} deep",
                        source=self.source,
                    )
                self.forms[id(form)] = 0  # a form that draws itself: pypdf skips it
                data = self.data(form, f"a form {what} draws")
                self.forms[id(form)] = self.drawn(data, form.get("/Resources"), what, depth + 1)
            largest = max(largest, self.forms[id(form)])
        self.largest[id(xobjects)] = largest
        return largest


def _resolved(value: Any) -> Any:
    """An object of pypdf's, with an indirect reference followed."""
    return None if value is None else value.get_object()


# --- reading ------------------------------------------------------------------------------


@contextlib.contextmanager
def _within_limits(pypdf: Any) -> Iterator[None]:
    """pypdf's own limits, while a PDF is read: no stream inflates past
    :data:`MAX_PAGE_CONTENT_BYTES`, no page tree is deeper than :data:`MAX_DEPTH`; and
    its log (what it repairs in a damaged file) silenced: the reader reports, it does
    not print."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    apply = getattr(pypdf, "apply_configuration", None)
    limits: contextlib.AbstractContextManager[Any] = contextlib.nullcontext()
    if apply is not None:  # pypdf 7 and later
        limits = apply(
            zlib_maximum_output_length=MAX_PAGE_CONTENT_BYTES,
            lzw_maximum_output_length=MAX_PAGE_CONTENT_BYTES,
            run_length_maximum_output_length=MAX_PAGE_CONTENT_BYTES,
            brotli_maximum_output_length=MAX_PAGE_CONTENT_BYTES,
            array_based_stream_maximum_output_length=MAX_PAGE_CONTENT_BYTES,
            zlib_maximum_recovery_input_length=0,  # no repair byte by byte (3 µs a byte)
            maximum_declared_stream_length=MAX_FILE_BYTES,
            page_tree_maximum_depth=MAX_DEPTH,
        )
    try:
        with limits:
            yield
    finally:
        logger.setLevel(level)


def _object_streams(document: Any, source: str | None) -> None:
    """Decode each object stream and scan it for nesting, before pypdf parses objects
    out of it; refuse object streams that decode to more than a file may hold."""
    numbers = sorted({stream for stream, _ in getattr(document, "xref_objStm", {}).values()})
    total = 0
    for number in numbers:
        stream = document.get_object(number)
        if hasattr(stream, "get_data"):
            data = stream.get_data()
            total += len(data)
            check_size(total, MAX_FILE_BYTES, "the PDF's object streams, decoded,", source)
            check_nesting(data, f"object stream {number}", source)


def pdf_text(data: bytes, source: str | None = None) -> str:
    """The text of a PDF, page after page; each page starts on a line of its own, after a
    form feed (the text reader takes it as a page break). The PDF is checked before each
    step (see the module's documentation)."""
    pypdf = _pypdf()
    check_size(len(data), MAX_FILE_BYTES, "the file", source)
    # Every object's header holds " obj": counted at the speed of memory, before the scan
    # and pypdf's parse, whose cost grows with the objects (100,000 pages took seconds).
    objects = data.count(b" obj")
    if objects > MAX_PDF_OBJECTS:
        raise ReadError(
            f"the PDF holds some {objects:,} objects, more than {MAX_PDF_OBJECTS:,}; no "
            "report holds a tenth of that",
            source=source,
        )
    check_nesting(data, "the file", source)
    generic = pypdf.generic
    with _within_limits(pypdf):
        try:
            document = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if document.is_encrypted:
                raise ReadError("the PDF is encrypted", source=source)
            _object_streams(document, source)
            _check_page_tree(document, generic.DictionaryObject, source)
            content = _Content(source, generic.StreamObject, generic.DictionaryObject)
            pages = []
            total = 0
            for number, page in enumerate(document.pages, 1):
                content.page(page, number)
                text = page.extract_text() or ""
                total += len(text)
                check_size(total, MAX_TEXT_CHARS, "the PDF's text", source)
                pages.append(text)
        except ReadError:
            raise
        except Exception as err:  # pypdf raises many kinds on damaged files
            if type(err).__name__ == "LimitReachedError":  # one of pypdf's limits, set above
                what = f"the PDF is over one of pypdf's limits: {err}"
                if str(err).startswith("Limit reached while decompressing"):
                    what = (
                        f"a stream of the PDF inflates to more than {MAX_PAGE_CONTENT_BYTES:,} "
                        "bytes; refused before it was inflated whole"
                    )
                elif str(err).startswith("Recovery limit"):
                    what = "a stream of the PDF is damaged: its compressed data does not inflate"
                raise ReadError(what, source=source) from None
            raise ReadError(
                f"not a readable PDF: {type(err).__name__}: {err}", source=source
            ) from None
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
