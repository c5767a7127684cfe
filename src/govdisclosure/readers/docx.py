"""Word documents (DOCX): ours, and the ones organs publish.

The package is opened within the limits of :mod:`~govdisclosure.readers.limits` and its
XML parsed with lxml directly (python-docx builds an object per element and is several
times slower), refusing DTDs and entities, never touching the network
(:mod:`~govdisclosure.readers.docxpackage`). The body is walked in order
(:mod:`~govdisclosure.readers.docxbody`, with the styles of
:mod:`~govdisclosure.readers.docxstyles`): a paragraph becomes a text block (bold spans,
a heading level, a run-in title marked), a table a table block of its origin cells;
content controls, insertions and hyperlinks are read through; deleted text, field codes,
text boxes, headers and footers are not read.

Facts a document does not print come from its custom properties, which this library's
DOCX renderer writes: ``govdisclosure.organ_kind`` and ``govdisclosure.scope``.

>>> import govdisclosure as gd
>>> report = gd.load("examples/zhongning-minzheng-2020.json")
>>> result = read_docx(gd.render(report, "docx"))
>>> result.report == report, result.format
(True, 'docx')
"""

from __future__ import annotations

import json
from typing import Any

from govdisclosure.categories import OrganKind
from govdisclosure.errors import GovDisclosureError, ReadError
from govdisclosure.readers.blocks import Block
from govdisclosure.readers.build import build_report
from govdisclosure.readers.docxbody import body_blocks
from govdisclosure.readers.docxpackage import DOCUMENT, Package
from govdisclosure.readers.docxstyles import Styles
from govdisclosure.readers.limits import MAX_FILE_BYTES, check_size
from govdisclosure.readers.result import Note, NoteKind, ReadResult
from govdisclosure.readers.wordml import W
from govdisclosure.report import Scope

__all__ = ["ORGAN_KIND_PROPERTY", "SCOPE_PROPERTY", "docx_blocks", "read_docx"]

#: The custom document properties this library writes and reads (see the renderer).
ORGAN_KIND_PROPERTY = "govdisclosure.organ_kind"
SCOPE_PROPERTY = "govdisclosure.scope"


def docx_blocks(data: bytes, source: str | None = None) -> tuple[list[Block], dict[str, str]]:
    """The blocks of a DOCX file's body, in order, and its custom properties.

    >>> import govdisclosure as gd
    >>> data = gd.render(gd.load("examples/zhongning-minzheng-2020.json"), "docx")
    >>> blocks, properties = docx_blocks(data)
    >>> blocks[0].text, properties["govdisclosure.organ_kind"]
    ('中宁县民政局2020年', 'department')
    """
    package = Package(data, source)
    body = package.document.find(W + "body")
    if body is None:
        raise ReadError(f"{DOCUMENT} has no body", source=source)
    return body_blocks(body, Styles(package.styles), source), package.properties


def _property_options(properties: dict[str, str], options: dict[str, Any]) -> list[Note]:
    """Pass what the document's custom properties say as ``organ_kind=`` and ``scope=``
    (unless the caller gave them), with a note for each."""
    notes = []
    for name, option, read in (
        (ORGAN_KIND_PROPERTY, "organ_kind", _organ_kind),
        (SCOPE_PROPERTY, "scope", _scope),
    ):
        if name in properties and option not in options:
            value, note = read(properties[name])
            if value is not _IGNORED:
                options[option] = value
            notes.append(note)
    return notes


#: What a property that cannot be read gives: no option at all.
_IGNORED = object()
_FROM_PROPERTIES = "from the document's properties"


def _organ_kind(printed: str) -> tuple[object, Note]:
    value = printed.strip()
    try:
        kind = OrganKind.coerce(value) if value else None
    except (KeyError, ValueError):
        action = "the document's property names no kind of organ; ignored"
        return _IGNORED, _note(NoteKind.UNPLACED, "organ_kind", value, action)
    return kind, _note(NoteKind.INFERRED, "organ_kind", value or "(none)", _FROM_PROPERTIES)


def _scope(printed: str) -> tuple[object, Note]:
    try:
        data = json.loads(printed)
        scope = Scope(data["kind"], tuple(data.get("organs", ())))
    except (ValueError, TypeError, KeyError, GovDisclosureError):
        action = "the document's property is no scope; ignored"
        return _IGNORED, _note(NoteKind.UNPLACED, "scope", printed[:60], action)
    return scope, _note(NoteKind.INFERRED, "scope", printed[:60], _FROM_PROPERTIES)


def _note(kind: NoteKind, field: str, snippet: str, action: str) -> Note:
    # The properties are no place in the body: the note has no source.
    return Note(kind.value, f"$.report.{field}", snippet, action, None)


def read_docx(data: bytes, *, source: str | None = None, **options: Any) -> ReadResult:
    """Read a report from the bytes of a DOCX file (see the module's documentation);
    options as for :func:`~govdisclosure.readers.build.build_report`.

    Anything that is not a readable Word document — not a zip, no ``word/document.xml``,
    XML that is not well-formed or declares a DTD, a zip bomb — is a
    :class:`~govdisclosure.errors.ReadError` naming the part and the reason.

    >>> read_docx(b"PK\\x03\\x04 not really")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReadError: not a readable zip archive: File is not a zip file
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ReadError("a DOCX file is bytes, not text", source=source)
    data = bytes(data)
    check_size(len(data), MAX_FILE_BYTES, "the file", source)
    blocks, properties = docx_blocks(data, source)
    if not blocks:
        raise ReadError("the document's body is empty", source=source)
    options = dict(options)
    notes = _property_options(properties, options)
    result = build_report(blocks, fmt="docx", source=source, **options)
    return ReadResult(result.report, (*notes, *result.notes), result.sources, format="docx")
