"""Reading the JSON form: :func:`loads`, :func:`load` and :func:`from_dict`.

The reader checks each value's JSON type where it stands and builds every model object
through its own constructor, so that every check of the model runs; any problem is a
:class:`~govdisclosure.errors.JSONFormatError` with the JSON path of the value at fault
(``$.report.applications.new.total``). Objects are decoded as tuples of key-value pairs,
so that a repeated key is never lost; numbers with a fraction or exponent are kept as
text, so that they are refused where a count belongs rather than read as floats.
"""

from __future__ import annotations

import json
import os
import re
import sys
from array import array
from collections.abc import Callable, Mapping
from functools import partial
from itertools import accumulate
from typing import IO, Any, Final

from govdisclosure.errors import JSONFormatError, ReadError, translatable as _
from govdisclosure.files import read_file, read_stream
from govdisclosure.jsonio.codecs import ObjectCodec
from govdisclosure.jsonio.context import Context, Float, LongInteger, describe
from govdisclosure.jsonio.envelope import FORMAT, FORMAT_VERSION, Document
from govdisclosure.jsonio.fields import codec_for
from govdisclosure.limits import MAX_DEPTH, MAX_FILE_BYTES
from govdisclosure.report import AnnualReport

__all__ = ["from_dict", "load", "loads"]


def _refuse_constant(name: str) -> Any:
    raise JSONFormatError(_("{name} 在 govdisclosure 文档中无效", name=name), path=None)


def _integer(text: str) -> int | LongInteger:
    limit = sys.get_int_max_str_digits()  # 0: no limit
    return int(text) if not limit or len(text.lstrip("-")) <= limit else LongInteger(text)


#: The longest JSON document read, in bytes (or characters): the largest file read.
_MAX_DOCUMENT_BYTES: Final = MAX_FILE_BYTES

# Built once (json.loads with options builds a decoder per call).
_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=tuple, parse_float=Float, parse_constant=_refuse_constant
)
#: The decoder for a document holding an integer too long for int(): every integer goes
#: through Python, so it is used only once the fast one has failed on one.
_LONG_INTEGERS: Final = json.JSONDecoder(
    object_pairs_hook=tuple,
    parse_float=Float,
    parse_constant=_refuse_constant,
    parse_int=_integer,
)
# How deep a document may nest (MAX_DEPTH): this format nests eight deep, and the decoder
# recurses once per level (refused before decoding, never by the interpreter's limit).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEPS = str.maketrans({"[": "\x01", "{": "\x01", "]": "\xff", "}": "\xff"})


def _nesting(text: str) -> int:
    """How deep ``text`` nests its arrays and objects (brackets in strings aside), or some
    depth up to :data:`MAX_DEPTH` when fewer brackets open than that."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0  # cannot nest deeper, wherever they stand
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    steps = array("b", brackets.translate(_STEPS).encode("latin-1"))  # +1 and -1
    return max(accumulate(steps), default=0)


def _report(data: Any, context: Context) -> AnnualReport:
    codec = codec_for(Document)
    assert isinstance(codec, ObjectCodec)
    items = context.object(data, "$")
    context.keys(items, "$", codec.keys, codec.required, codec.allowed)
    # The format and its version first: a document of another format or version says
    # so, rather than failing somewhere inside its report.
    name, version = items["format"], items["format_version"]
    if type(name) is not str or name != FORMAT:
        raise context.fail(
            ("$", "format"),
            _("应为 {format!r}，实际为 {value}", format=FORMAT, value=describe(name)),
        )
    if type(version) is not int or version != FORMAT_VERSION:
        raise context.fail(
            ("$", "format_version"),
            _(
                "此版本的 govdisclosure 读取 format_version {version}，实际为 {value}",
                version=FORMAT_VERSION,
                value=describe(version),
            ),
        )
    document: Document = codec.decode(data, "$", context, {})
    return document.report


def from_dict(data: Mapping[str, Any], *, source: str | None = None) -> AnnualReport:
    """A report from a JSON document already decoded into dicts and lists (what
    :func:`json.loads` returns, or :func:`~govdisclosure.jsonio.to_dict`)."""
    return _report(data, Context(source, pairs=False))


def _decode(text: str | bytes, source: str | None) -> Any:
    """The JSON text decoded (objects as tuples of pairs), or the error saying where it
    is not JSON: the line and column, or the byte. A text longer than the readers' largest
    file is refused before it is decoded."""
    if isinstance(text, (str, bytes)) and len(text) > _MAX_DOCUMENT_BYTES:
        raise JSONFormatError(
            _("文档长 {length:,}；上限为 {limit:,}", length=len(text), limit=_MAX_DOCUMENT_BYTES),
            path=None,
            source=source,
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise JSONFormatError(
                _("不是 UTF-8 文本（{reason}）", reason=err.reason),
                path=None,
                location=f"byte {err.start}",
                source=source,
            ) from None
    if not isinstance(text, str):
        raise JSONFormatError(
            _("应为 JSON 文本（str 或 bytes），实际为 {kind}", kind=type(text).__name__),
            path=None,
            source=source,
        )
    if _nesting(text) > MAX_DEPTH:
        raise JSONFormatError(
            _("文档嵌套超过 {depth} 层", depth=MAX_DEPTH), path=None, source=source
        )
    try:
        try:
            return _DECODER.decode(text)
        except ValueError as err:
            if isinstance(err, json.JSONDecodeError) or "digits" not in str(err):
                raise
            return _LONG_INTEGERS.decode(text)  # refused where the integer stands
    except json.JSONDecodeError as err:
        raise JSONFormatError(
            _("不是有效的 JSON：{reason}", reason=err.msg),
            path=None,
            location=f"line {err.lineno}, column {err.colno}",
            source=source,
        ) from None
    except JSONFormatError as err:
        raise JSONFormatError(err.reason_text, path=None, source=source) from None


#: What a document that is no JSON starts with, and the format that says.
_SIGNATURES: Final = (
    (b"PK\x03\x04", "DOCX/XLSX"),
    (b"%PDF", "PDF"),
    (b"<!doctype html", "HTML"),
    (b"<html", "HTML"),
)
#: The formats :func:`govdisclosure.read` reads, by the extension of their files.
_OTHER_FORMATS: Final = {
    ".docx": "DOCX",
    ".xlsx": "XLSX",
    ".pdf": "PDF",
    ".html": "HTML",
    ".htm": "HTML",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".txt": "text",
}


def _other_format(data: str | bytes, name: str | None) -> str | None:
    """The format of a document that is no JSON, by its first bytes or its file name's
    extension (a file named so that holds a JSON object aside)."""
    head = data[:64].encode("utf-8", "replace") if isinstance(data, str) else data[:64]
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for signature, fmt in _SIGNATURES:
        if head.startswith(signature.lower()):
            if fmt == "DOCX/XLSX" and name:
                return _OTHER_FORMATS.get(os.path.splitext(name)[1].lower(), fmt)
            return fmt
    if name and not head.startswith((b"{", b"[")):
        return _OTHER_FORMATS.get(os.path.splitext(name)[1].lower())
    return None


def _refuse_other_format(data: str | bytes, source: str | None) -> None:
    fmt = _other_format(data, source)
    if fmt is not None:
        raise JSONFormatError(
            _(
                "这是 {format} 文档，不是 govdisclosure 的 JSON 文档："
                "请用 govdisclosure.read() 读取",
                format=fmt,
            ),
            path=None,
            source=source,
        )


def loads(text: str | bytes, *, source: str | None = None) -> AnnualReport:
    """A report from a JSON document; :class:`~govdisclosure.errors.JSONFormatError` says
    where (``source``, then the JSON path, or the line and column) and why when it is not
    one — and says to use :func:`govdisclosure.read` for a Word, Excel, PDF, HTML, text or
    Markdown document (known by its first bytes, or ``source``'s extension).

    Every problem of the document is reported at once, each with its JSON path (see
    :func:`govdisclosure.errors.combine`): every value of the wrong JSON type, every key
    missing or unknown (a misspelt one with the key it is closest to), every cell out of
    range. An object whose values are all readable is built through its constructor,
    which reports the first problem its validators find.

    >>> import govdisclosure as gd
    >>> gd.loads(b"%PDF-1.7 ...")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govdisclosure.errors.JSONFormatError: this is a PDF document, ...: read it with ...read()
    """
    if isinstance(text, (str, bytes)):
        _refuse_other_format(text, source)
    return _report(_decode(text, source), Context(source, pairs=True))


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> AnnualReport:
    """A report from a JSON file, given by path (a regular file: see
    :func:`govdisclosure.files.read_file`) or as an open file; no more than the
    readers' largest file (:data:`~govdisclosure.limits.MAX_FILE_BYTES`) is read."""
    read: Callable[[], bytes | str]
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        name: str | None = path
        read = partial(read_file, path, _MAX_DOCUMENT_BYTES)
    else:
        label = getattr(source, "name", None)  # a temporary file's name is its descriptor
        name = label if isinstance(label, str) else None
        read = partial(read_stream, source, _MAX_DOCUMENT_BYTES, name)
    try:
        data = read()
    except ReadError as err:
        raise JSONFormatError(err.reason_text, path=None, source=name) from None
    return loads(data, source=name)
