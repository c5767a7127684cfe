"""Word documents (DOCX): ours, and the ones organs publish.

The package is opened within the limits of :mod:`~govdisclosure.readers.limits`; the
main document is found through the package's relationships (``word/document.xml`` when
they do not say), its styles through its own, and the custom properties through the
package's. Every XML part is parsed with lxml directly (python-docx builds an object per
element and is several times slower), refusing DTDs and entities, never touching the
network; a part larger than :data:`~govdisclosure.readers.limits.MAX_XML_BYTES` is
refused before it is unpacked. The body is walked in order
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
import zipfile
from typing import Any

import attrs
from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from govdisclosure.categories import OrganKind
from govdisclosure.errors import GovDisclosureError, ReadError
from govdisclosure.readers.blocks import Block
from govdisclosure.readers.build import build_report
from govdisclosure.readers.docxbody import body_blocks
from govdisclosure.readers.docxstyles import Styles, W
from govdisclosure.readers.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_XML_BYTES,
    check_size,
    open_zip,
    read_entry,
)
from govdisclosure.readers.result import Note, NoteKind, ReadResult
from govdisclosure.report import Scope

__all__ = ["ORGAN_KIND_PROPERTY", "SCOPE_PROPERTY", "docx_blocks", "read_docx"]

#: The custom document properties this library writes and reads (see the renderer).
ORGAN_KIND_PROPERTY = "govdisclosure.organ_kind"
SCOPE_PROPERTY = "govdisclosure.scope"
_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"
_MAIN_TYPE = "/officeDocument"
#: Where the main document is when the package's relationships do not say.
_DOCUMENT = "word/document.xml"


# --- the package --------------------------------------------------------------------------


def _part(archive: zipfile.ZipFile, part: str, source: str | None) -> Any:
    """The root element of the XML part ``part``, parsed safely: no longer than
    :data:`~govdisclosure.readers.limits.MAX_XML_BYTES` (told by the size the archive
    gives, which bounds what it unpacks, before a byte is unpacked), no DTD (a part that
    declares one is refused: Word never writes one, and entities are how XML bombs
    work), no network, no huge trees (libxml2 stops at 256 levels of elements)."""
    info = archive.NameToInfo.get(part)
    if info is not None:
        check_size(info.file_size, MAX_XML_BYTES, part, source)
    data = read_entry(archive, part, source)
    check_size(len(data), MAX_XML_BYTES, part, source)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ReadError(f"{part} declares a DTD or entities; refused", source=source)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError) as err:
        if "Excessive depth" in str(err):
            raise ReadError(
                f"{part} nests elements more than {MAX_DEPTH} deep; no report does",
                source=source,
            ) from None
        raise ReadError(f"{part} is not well-formed XML: {err}", source=source) from None
    # A UTF-16 part hides its DOCTYPE from the byte search above; the parsed tree does not.
    if root.getroottree().docinfo.doctype:
        raise ReadError(f"{part} declares a DTD; refused", source=source)
    return root


def _links(
    archive: zipfile.ZipFile, rels: str, base: str, source: str | None
) -> list[tuple[str, str]]:
    """The internal relationships in the relationships part ``rels``: each one's type
    and the archive name of the part it points to (relative to ``base``)."""
    if rels not in archive.NameToInfo:
        return []
    out = []
    for rel in _part(archive, rels, source).iter(_RELS):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else base + target
        parts: list[str] = []  # "word/../docProps/x.xml" is "docProps/x.xml"
        for piece in name.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in ("", "."):
                parts.append(piece)
        out.append((rel.get("Type") or "", "/".join(parts)))
    return out


def _target(links: list[tuple[str, str]], kind: str, default: str) -> str:
    """The part the first relationship of ``kind`` (the end of its type) points to."""
    return next((name for rel, name in links if rel.endswith(kind)), default)


def _parts(archive: zipfile.ZipFile, source: str | None) -> tuple[Any, Styles, dict[str, str]]:
    """The parts of a DOCX the reader needs: the main document, its styles, and the
    custom properties. The styles and the properties are read first, and their trees let
    go, so that no two large trees are in memory at once."""
    names = archive.NameToInfo
    package = _links(archive, "_rels/.rels", "", source)
    main = _target(package, _MAIN_TYPE, _DOCUMENT)
    if main not in names:
        main = _DOCUMENT
    if main not in names:
        raise ReadError(f"not a Word document: the archive has no {_DOCUMENT}", source=source)
    folder, _, name = main.rpartition("/")
    base = f"{folder}/" if folder else ""
    links = _links(archive, f"{base}_rels/{name}.rels", base, source)
    style_part = _target(links, "/styles", f"{base}styles.xml")
    styles = Styles(_part(archive, style_part, source) if style_part in names else None)
    custom = _target(package, "/custom-properties", "docProps/custom.xml")
    properties: dict[str, str] = {}
    if custom in names:
        for prop in _part(archive, custom, source).iter(_CUSTOM):
            key = prop.get("name")
            if key:
                properties[key] = "".join(prop.itertext())
    document = _part(archive, main, source)
    if document.tag != W + "document":
        strict = _STRICT_NS in document.tag
        why = " (ISO 29500 Strict is not read; save it as a Word document)" if strict else ""
        raise ReadError(f"{main} is not a WordprocessingML document{why}", source=source)
    return document, styles, properties


# --- the body and the properties ----------------------------------------------------------


def docx_blocks(
    data: bytes, source: str | None = None, notes: list[Note] | None = None
) -> tuple[list[Block], dict[str, str]]:
    """The blocks of a DOCX file's body, in order, and its custom properties; notes on
    what was read otherwise than printed go to ``notes``.

    >>> import govdisclosure as gd
    >>> data = gd.render(gd.load("examples/zhongning-minzheng-2020.json"), "docx")
    >>> blocks, properties = docx_blocks(data)
    >>> blocks[0].text, properties["govdisclosure.organ_kind"]
    ('中宁县民政局2020年', 'department')
    """
    with open_zip(data, source) as archive:
        document, styles, properties = _parts(archive, source)
    body = document.find(W + "body")
    if body is None:
        raise ReadError(f"{_DOCUMENT} has no body", source=source)
    return body_blocks(body, styles, source, notes), properties


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
    notes: list[Note] = []
    blocks, properties = docx_blocks(data, source, notes)
    if not blocks:
        raise ReadError("the document's body is empty", source=source)
    options = dict(options)
    notes = _property_options(properties, options) + notes
    result = build_report(blocks, fmt="docx", source=source, **options)
    return attrs.evolve(result, notes=(*notes, *result.notes), format="docx")
