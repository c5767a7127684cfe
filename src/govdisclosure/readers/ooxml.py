"""What the Office readers (DOCX, XLSX) share: the parts of an Office Open XML package,
read safely, the relationships between them, and the custom document properties this
library writes.

Every XML part is read within the limits of :mod:`~govdisclosure.readers.limits`: no
larger than :data:`~govdisclosure.limits.MAX_XML_BYTES` (told by the size the
archive declares, before a byte is unpacked), and refused when it declares a DTD or
entities — Office never writes one, and entities are how XML bombs (XXE, "billion
laughs") work — before any parser sees it, in UTF-8 or UTF-16 alike. The parts are
parsed with lxml directly, never touching the network, with no huge trees (libxml2 stops
at 256 levels of elements).

>>> import govdisclosure as gd
>>> archive = open_zip(gd.render(gd.examples.load("zhongning-minzheng-2020"), "docx"), None)
>>> [kind.rsplit("/", 1)[-1] for kind, _ in links(archive, "_rels/.rels", "", None)]
['core-properties', 'officeDocument', 'custom-properties']
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from govdisclosure.categories import OrganKind
from govdisclosure.errors import GovDisclosureError, ReadError
from govdisclosure.readers.limits import MAX_DEPTH, MAX_XML_BYTES, check_size, open_zip, read_entry
from govdisclosure.readers.result import Note, NoteKind
from govdisclosure.report import Scope

__all__ = [
    "ORGAN_KIND_PROPERTY",
    "SCOPE_PROPERTY",
    "checked_xml",
    "custom_properties",
    "iter_part",
    "links",
    "open_zip",
    "parse_part",
    "property_options",
    "relationships",
    "target",
]

#: The custom document properties this library writes and reads (see the renderers).
ORGAN_KIND_PROPERTY = "govdisclosure.organ_kind"
SCOPE_PROPERTY = "govdisclosure.scope"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"
#: How a part in UTF-16 or UTF-32 starts (with or without a byte-order mark): its
#: declarations are not found in its bytes, only in its text.
_WIDE = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)
_DECLARATION = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def checked_xml(archive: zipfile.ZipFile, part: str, source: str | None) -> bytes:
    """The bytes of the XML part ``part``, refused when it is too large (by the size
    the archive declares, before it is unpacked) or declares a DTD or entities."""
    info = archive.NameToInfo.get(part)
    if info is not None:
        check_size(info.file_size, MAX_XML_BYTES, part, source)
    data = read_entry(archive, part, source)
    check_size(len(data), MAX_XML_BYTES, part, source)
    text: bytes | str = data
    for start, encoding in _WIDE:
        if data.startswith(start):
            text = data.decode(encoding, "replace")
            break
    found = _DECLARATION.search(text) if isinstance(text, str) else None
    if found or (isinstance(text, bytes) and (b"<!DOCTYPE" in data or b"<!ENTITY" in data)):
        raise ReadError(f"{part} declares a DTD or entities; refused", source=source)
    return data


def _parser_options() -> dict[str, Any]:
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "huge_tree": False,
        "remove_comments": True,
        "remove_pis": True,
    }


def _malformed(part: str, err: Exception, source: str | None) -> ReadError:
    if "Excessive depth" in str(err):
        return ReadError(f"{part} nests elements more than {MAX_DEPTH} deep", source=source)
    return ReadError(f"{part} is not well-formed XML: {err}", source=source)


def parse_part(archive: zipfile.ZipFile, part: str, source: str | None) -> Any:
    """The root element of the XML part ``part``, read with :func:`checked_xml` and
    parsed safely (see the module)."""
    data = checked_xml(archive, part, source)
    try:
        root = etree.fromstring(data, etree.XMLParser(**_parser_options()))
    except (etree.LxmlError, ValueError) as err:
        raise _malformed(part, err, source) from None
    if root.getroottree().docinfo.doctype:  # what the checks above let through
        raise ReadError(f"{part} declares a DTD; refused", source=source)
    return root


def iter_part(data: bytes, part: str, tags: tuple[str, ...], source: str | None) -> Iterator[Any]:
    """The elements of the XML ``data`` (of ``part``, read with :func:`checked_xml`)
    named ``tags``, each as it ends: a large part is walked without building its tree
    (the caller clears each element it is done with)."""
    events = etree.iterparse(io.BytesIO(data), events=("end",), tag=tags, **_parser_options())
    try:
        for _, element in events:
            yield element
    except (etree.LxmlError, ValueError) as err:
        raise _malformed(part, err, source) from None


def relationships(
    archive: zipfile.ZipFile, rels: str, base: str, source: str | None
) -> dict[str, tuple[str, str]]:
    """The internal relationships in the relationships part ``rels``, by their ids:
    each one's type and the archive name of the part it points to (relative to
    ``base``)."""
    if rels not in archive.NameToInfo:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in parse_part(archive, rels, source).iter(_RELS):
        if rel.get("TargetMode") == "External":
            continue
        name = rel.get("Target") or ""
        name = name.lstrip("/") if name.startswith("/") else base + name
        parts: list[str] = []  # "word/../docProps/x.xml" is "docProps/x.xml"
        for piece in name.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in ("", "."):
                parts.append(piece)
        out[rel.get("Id") or f"#{len(out)}"] = (rel.get("Type") or "", "/".join(parts))
    return out


def links(
    archive: zipfile.ZipFile, rels: str, base: str, source: str | None
) -> list[tuple[str, str]]:
    """The internal relationships in the relationships part ``rels``, in order: each
    one's type and the archive name of the part it points to (relative to ``base``)."""
    return list(relationships(archive, rels, base, source).values())


def target(found: list[tuple[str, str]], kind: str, default: str) -> str:
    """The part the first relationship of ``kind`` (the end of its type) points to."""
    return next((name for rel, name in found if rel.endswith(kind)), default)


def custom_properties(
    archive: zipfile.ZipFile, package: list[tuple[str, str]], source: str | None
) -> dict[str, str]:
    """The package's custom document properties, by name (``package``: the links of
    ``_rels/.rels``)."""
    custom = target(package, "/custom-properties", "docProps/custom.xml")
    properties: dict[str, str] = {}
    if custom in archive.NameToInfo:
        for prop in parse_part(archive, custom, source).iter(_CUSTOM):
            key = prop.get("name")
            if key:
                properties[key] = "".join(prop.itertext())
    return properties


def property_options(properties: dict[str, str], options: dict[str, Any]) -> list[Note]:
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
