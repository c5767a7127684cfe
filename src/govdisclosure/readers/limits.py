"""Limits that keep reading an untrusted document safe, all in one place: sizes, archive
entries and compression ratios (zip bombs), nesting depth, pages, table shapes, the
length of a figure and of a label. Readers check them before they parse anything, or
while they parse (counting as they go), never after the work is done.

Each limit is far beyond what any real report holds (the reason is given with each), so
a report never meets one; a document that does is refused with a
:class:`~govdisclosure.errors.ReadError` that names the limit, or (a figure or a label
too long to be one) kept as text in a note."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Final

from govdisclosure.errors import ReadError

__all__ = [
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_ENTRY_BYTES",
    "MAX_FIGURE_DIGITS",
    "MAX_FILE_BYTES",
    "MAX_LABEL_CHARS",
    "MAX_PAGES",
    "MAX_PAGE_CONTENT_BYTES",
    "MAX_PDF_CONTENT_BYTES",
    "MAX_RATIO",
    "MAX_TABLE_COLUMNS",
    "MAX_TABLE_ROWS",
    "MAX_TEXT_CHARS",
    "MAX_UNZIPPED_BYTES",
    "MAX_XML_BYTES",
    "check_size",
    "open_zip",
    "read_entry",
]

#: The largest file read at all (a report is a few hundred kilobytes at most).
MAX_FILE_BYTES: Final = 50 * 1024 * 1024
#: The longest text or HTML parsed, in characters.
MAX_TEXT_CHARS: Final = 8 * 1024 * 1024
#: A DOCX may hold this many entries, this much once unpacked, and no entry may unpack
#: to more than this much or to more than this many times its packed size.
MAX_ENTRIES: Final = 2000
MAX_UNZIPPED_BYTES: Final = 200 * 1024 * 1024
MAX_ENTRY_BYTES: Final = 64 * 1024 * 1024
MAX_RATIO: Final = 200
#: The largest XML part of a DOCX parsed (``word/document.xml`` and the parts beside it):
#: a parsed tree takes some ten times its XML in memory, and a 100-page report's
#: document.xml is under 2 MB (its images are parts of their own, never parsed).
MAX_XML_BYTES: Final = 8 * 1024 * 1024
#: How deep elements may nest (HTML, DOCX XML) and objects may nest (PDF): real pages
#: nest some 30 deep; walking a deeper tree would need the interpreter's stack.
MAX_DEPTH: Final = 200
#: A PDF with more pages is refused before its pages are read (a report has 5 to 30).
MAX_PAGES: Final = 200
#: The content of one PDF page, decoded: a page of dense text draws with some 50 KB of
#: operators; a page that holds more is refused before its text is extracted.
MAX_PAGE_CONTENT_BYTES: Final = 4 * 1024 * 1024
#: What all the pages of a PDF draw with, decoded (their content, fonts, and the forms
#: they draw as often as they draw them): a report's page draws with some 30 KB, so 30
#: pages with under 1 MB; pypdf extracts text from 100 to 400 KB of it a second, so this
#: bounds the time a PDF's text takes to extract (to some 10 to 40 s).
MAX_PDF_CONTENT_BYTES: Final = 4 * 1024 * 1024
#: A table this large is no table of a report (they have some 40 rows and 17 columns), and
#: reading it would cost time for nothing.
MAX_TABLE_ROWS: Final = 500
MAX_TABLE_COLUMNS: Final = 100
#: The most digits a figure has (before and after the point): the largest count or sum of
#: money a report prints has a dozen; Python refuses to convert more than 4,300.
MAX_FIGURE_DIGITS: Final = 20
#: A label longer than this is no row's label (the longest official one has 40
#: characters): it is not matched against the form's, whose cost grows with its length.
MAX_LABEL_CHARS: Final = 200


def check_size(length: int, limit: int, what: str, source: str | None) -> None:
    """Refuse input longer than ``limit``."""
    if length > limit:
        raise ReadError(f"{what} is {length:,} long; the limit is {limit:,}", source=source)


def open_zip(data: bytes, source: str | None) -> zipfile.ZipFile:
    """A zip archive, refused when it is not one or when its entries could exhaust
    memory (too many, too large, or compressed too well)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as err:
        # NotImplementedError: a zip feature (version, compression) zipfile lacks.
        raise ReadError(f"not a readable zip archive: {err}", source=source) from None
    if len(entries) > MAX_ENTRIES:
        raise ReadError(
            f"the archive holds {len(entries)} entries (limit {MAX_ENTRIES})", source=source
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > MAX_ENTRY_BYTES:
            raise ReadError(f"{entry.filename} unpacks to {entry.file_size:,} bytes", source=source)
        packed = max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and entry.file_size / packed > MAX_RATIO:
            raise ReadError(
                f"{entry.filename} is compressed {entry.file_size // packed}:1 (a zip bomb?)",
                source=source,
            )
    if total > MAX_UNZIPPED_BYTES:
        raise ReadError(f"the archive unpacks to {total:,} bytes", source=source)
    return archive


def read_entry(archive: zipfile.ZipFile, name: str, source: str | None) -> bytes:
    """One entry of an archive opened with :func:`open_zip`, read within its limits."""
    try:
        with archive.open(name) as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except KeyError:
        raise ReadError(f"the archive has no {name}", source=source) from None
    except (
        zipfile.BadZipFile,
        zlib.error,  # a damaged deflate stream
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as err:
        raise ReadError(f"{name} cannot be unpacked: {err}", source=source) from None
    check_size(len(data), MAX_ENTRY_BYTES, name, source)
    return data
