"""Reading published reports back into the model: JSON, DOCX (ours and others'), the
tables of XLSX workbooks (ours and others'), HTML, text (as extracted from a PDF or
copied from a page), and PDF files through the optional ``pdf`` extra.

:func:`read` takes a path (``pathlib.Path`` or another ``os.PathLike``), ``bytes``, a
binary stream, or a ``str`` of text, and returns a :class:`ReadResult`: the report, the
notes on everything the reader decided, and where each figure came from. When the
format is not given it is sniffed, in this order: a zip archive is XLSX when it holds
``xl/workbook.xml`` and DOCX otherwise, ``%PDF-`` is PDF, a document starting with ``{``
is JSON, one starting with a Markdown heading (``# ``) is Markdown (its tables may be HTML
tables), one with ``<html``, ``<body``, ``<article`` or ``<table`` is HTML, and anything
else is text (in UTF-8, UTF-16 or GB 18030: see :mod:`~govdisclosure.readers.encodings`).
A document in UTF-16 is decoded before its format is sniffed, so a UTF-16 page is HTML
and a UTF-16 JSON document is JSON. A file's extension decides before sniffing.

A path must name a regular file (or a link to one): a directory, a device, a FIFO or a
socket is refused before anything is read from it. No more than
:data:`~govdisclosure.limits.MAX_FILE_BYTES` is read from a file or a stream, and
bytes or text longer than that are refused before they are decoded or copied (see
:mod:`govdisclosure.files`).

>>> import pathlib, govdisclosure as gd
>>> result = gd.read(gd.examples.path("zhongning-minzheng-2020.json"))
>>> result.report.organ, result.format
('中宁县民政局', 'json')
"""

from __future__ import annotations

import contextlib
import os
import re
from typing import IO, Any

import attrs

from govdisclosure.errors import FormatNotAvailable, GovDisclosureError, OptionError, ReadError
from govdisclosure.files import read_file, read_stream
from govdisclosure.formats import available_formats, format_for_path, get_format
from govdisclosure.readers.encodings import decode_bytes, encoding_note, is_utf16
from govdisclosure.readers.limits import MAX_FILE_BYTES, check_size, open_zip
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef

__all__ = [
    "Note",
    "NoteKind",
    "ReadResult",
    "SourceRef",
    "decode_bytes",
    "decode_text",
    "read",
    "sniff",
]

_HTML = re.compile(rb"<(?:!doctype\s+html|html|body|article|table)[\s>]", re.IGNORECASE)
#: A Markdown heading ("# 某局2021年…报告"), as a Markdown report starts.
_MARKDOWN = re.compile(rb"#{1,6}[ \t]")


def sniff(data: bytes) -> str:
    """The format ``data`` looks like (see the module's documentation for the order)."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return _office(data)
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "json"
    if _MARKDOWN.match(stripped):
        return "markdown"
    if _HTML.search(head):
        return "html"
    return "text"


def _office(data: bytes) -> str:
    """Which Office file a zip archive is: a workbook (``xl/workbook.xml``), else DOCX
    (whose reader says what it is not). The archive's directory is checked against the
    limits before it is listed; one refused is left to the DOCX reader to refuse."""
    try:
        with open_zip(data, None) as archive:
            names = archive.NameToInfo
    except ReadError:
        return "docx"
    return "xlsx" if "xl/workbook.xml" in names and "word/document.xml" not in names else "docx"


def decode_text(data: bytes, source: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without a byte-order mark), UTF-16 (with or without
    one), else GB 18030 (the encoding Chinese Windows writes), else a
    :class:`~govdisclosure.errors.ReadError`; :func:`decode_bytes` also says which."""
    return decode_bytes(data, source)[0]


def _bytes_of(source: object) -> tuple[bytes | str, str | None, str | None]:
    """The content, a name for messages, and the extension, of any accepted source: a
    regular file or a stream read no further than the limit, bytes or text measured
    before anything else is done with them (see :mod:`govdisclosure.files`)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        size = source.nbytes if isinstance(source, memoryview) else len(source)
        check_size(size, MAX_FILE_BYTES, "the document", None)
        return (source if isinstance(source, bytes) else bytes(source)), None, None
    if isinstance(source, str):
        check_size(len(source), MAX_FILE_BYTES, "the text", None)
        return source, None, None
    if isinstance(source, os.PathLike):
        name = os.fspath(source)
        if not isinstance(name, str):
            name = os.fsdecode(name)
        return read_file(name, MAX_FILE_BYTES), name, os.path.splitext(name)[1].lower()
    if callable(getattr(source, "read", None)):
        label = getattr(source, "name", None)
        name = label if isinstance(label, str) else None
        data = read_stream(source, MAX_FILE_BYTES, name)
        if isinstance(data, str):
            return data, name, None
        return data, name, os.path.splitext(name)[1].lower() if name else None
    raise ReadError(
        "read() takes a path (os.PathLike), bytes, a binary stream or a str of text; "
        f"got {type(source).__name__}"
    )


#: Documents reports are also published as, which no reader reads: what they are, by the
#: bytes they start with.
_UNREADABLE = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a Word 97-2003 (.doc), Excel 97-2003 (.xls), WPS or password-protected Office document",
    ),
    (b"{\\rtf", "an RTF document"),
)


def _refuse_unreadable(data: bytes, name: str | None) -> None:
    """Say what to do with a document no reader reads, rather than reading it as text."""
    for magic, what in _UNREADABLE:
        if data.startswith(magic):
            raise ReadError(
                f"{what} is not read; save it as .docx or .xlsx (or PDF) and read that",
                source=name,
            )


def read(
    source: str | bytes | os.PathLike[str] | IO[bytes] | IO[str],
    fmt: str | None = None,
    **options: Any,
) -> ReadResult:
    """Read a report from ``source`` (see the module's documentation). Any document
    that is not a readable report ends in a :class:`~govdisclosure.errors.ReadError`
    (or its subclass :class:`~govdisclosure.errors.JSONFormatError`) saying where and
    why; nothing else escapes."""
    content, name, extension = _bytes_of(source)
    if fmt is None and isinstance(content, bytes):
        _refuse_unreadable(content, name)
    if fmt is None and extension:
        with contextlib.suppress(FormatNotAvailable):
            fmt = format_for_path(f"x{extension}").name
    decoded: Note | None = None
    if isinstance(content, bytes) and fmt in (None, "json", "html") and is_utf16(content):
        content, fmt, decoded = _from_utf16(content, fmt, name)
    if fmt is None:
        fmt = "text" if isinstance(content, str) else sniff(content)
    chosen = get_format(fmt)
    reader = getattr(chosen, "read", None)
    if reader is None:
        readable = ", ".join(available_formats("read"))
        raise FormatNotAvailable(f"the {fmt} format cannot be read; readable: {readable}")
    try:
        result: ReadResult = reader(content, source=name, **options)
    except GovDisclosureError as err:
        if isinstance(err, (ReadError, FormatNotAvailable, OptionError)):
            raise  # a missing dependency or a wrong option is no fault of the document
        raise ReadError(str(err), source=name) from err
    except (RecursionError, MemoryError) as err:
        raise ReadError(
            f"the document is too deeply nested or too large ({type(err).__name__})", source=name
        ) from None
    if decoded is not None:
        result = attrs.evolve(result, notes=(decoded, *result.notes))
    return result


def _from_utf16(
    data: bytes, fmt: str | None, name: str | None
) -> tuple[bytes | str, str, Note | None]:
    """A UTF-16 document's content, format and the note on its encoding: its format is
    sniffed from its text, and a JSON document or a page is given to its reader as text
    (they read bytes as UTF-8, or as the page declares). Text goes as bytes to the text
    reader, which notes the encoding itself."""
    text, encoding = decode_bytes(data, name)
    if fmt is None:
        fmt = sniff(text[:4096].encode("utf-8", "surrogatepass"))
    if fmt not in ("json", "html"):
        return data, fmt, None
    return text, fmt, encoding_note(encoding)
