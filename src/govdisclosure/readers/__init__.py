"""Reading published reports back into the model: JSON, DOCX (ours and others'), HTML,
text (as extracted from a PDF or copied from a page), and PDF files through the
optional ``pdf`` extra.

:func:`read` takes a path (``pathlib.Path`` or another ``os.PathLike``), ``bytes``, a
binary stream, or a ``str`` of text, and returns a :class:`ReadResult`: the report, the
notes on everything the reader decided, and where each figure came from. When the
format is not given it is sniffed, in this order: a zip archive is DOCX, ``%PDF-`` is
PDF, a document starting with ``{`` is JSON, one with ``<html``, ``<body``, ``<article``
or ``<table`` is HTML, and anything else is text (UTF-8, or GB 18030 when it is not
UTF-8). A file's extension decides before sniffing.

>>> import pathlib, govdisclosure as gd
>>> result = gd.read(pathlib.Path("examples/zhongning-minzheng-2020.json"))
>>> result.report.organ, result.format
('中宁县民政局', 'json')
"""

from __future__ import annotations

import contextlib
import os
import re
from typing import IO, Any

from govdisclosure.errors import FormatNotAvailable, GovDisclosureError, OptionError, ReadError
from govdisclosure.formats import available_formats, format_for_path, get_format
from govdisclosure.readers.limits import MAX_FILE_BYTES, check_size
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef

__all__ = ["Note", "NoteKind", "ReadResult", "SourceRef", "decode_text", "read", "sniff"]

_HTML = re.compile(rb"<(?:!doctype\s+html|html|body|article|table)[\s>]", re.IGNORECASE)


def sniff(data: bytes) -> str:
    """The format ``data`` looks like (see the module's documentation for the order)."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "json"
    if _HTML.search(head):
        return "html"
    return "text"


def decode_text(data: bytes, source: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without a byte-order mark), else GB 18030 (the
    encoding Chinese Windows writes), else a :class:`~govdisclosure.errors.ReadError`."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("the text is neither UTF-8 nor GB 18030", source=source)


def _bytes_of(source: object) -> tuple[bytes | str, str | None, str | None]:
    """The content, a name for messages, and the extension, of any accepted source."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None, None
    if isinstance(source, str):
        return source, None, None
    if isinstance(source, os.PathLike):
        name = os.fspath(source)
        if not isinstance(name, str):
            name = os.fsdecode(name)
        try:
            size = os.path.getsize(name)
            check_size(size, MAX_FILE_BYTES, "the file", name)
            with open(name, "rb") as handle:
                data = handle.read()
        except OSError as err:
            raise ReadError(f"cannot read the file: {err.strerror}", source=name) from None
        return data, name, os.path.splitext(name)[1].lower()
    read = getattr(source, "read", None)
    if callable(read):
        label = getattr(source, "name", None)
        name = label if isinstance(label, str) else None
        data = read(MAX_FILE_BYTES + 1)
        if isinstance(data, str):
            return data, name, None
        if not isinstance(data, (bytes, bytearray)):
            raise ReadError("the stream gave neither bytes nor text", source=name)
        check_size(len(data), MAX_FILE_BYTES, "the stream", name)
        return bytes(data), name, os.path.splitext(name)[1].lower() if name else None
    raise ReadError(
        "read() takes a path (os.PathLike), bytes, a binary stream or a str of text; "
        f"got {type(source).__name__}"
    )


#: Documents reports are also published as, which no reader reads: what they are, by the
#: bytes they start with.
_UNREADABLE = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a Word 97-2003 (.doc), WPS or password-protected Office document",
    ),
    (b"{\\rtf", "an RTF document"),
)


def _refuse_unreadable(data: bytes, name: str | None) -> None:
    """Say what to do with a document no reader reads, rather than reading it as text."""
    for magic, what in _UNREADABLE:
        if data.startswith(magic):
            raise ReadError(
                f"{what} is not read; save it as .docx (or PDF) and read that", source=name
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
    return result
