"""The package a report is poured into, built once per look and reused.

Everything of a rendered DOCX but the body, the document properties and the custom
properties depends only on the preset, the reference document (by content) and the
language's font hint: styles, settings, font table, footers, page setup, content types
and relationships. Building them takes python-docx and its default template (a megabyte
parsed, its styles deleted one by one); doing it on every render cost most of the
render's time and, over thousands of renders, fragmented the heap. So the package is
built once, with python-docx, around a mark where the body goes and stand-ins for the
report's properties, and kept as the bytes of its parts; a render then only writes
``document.xml``, ``core.xml`` and ``custom.xml`` as strings and zips the lot.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from govdisclosure.errors import OptionError
from govdisclosure.renderers.docx._body import footer_xml
from govdisclosure.renderers.docx._package import (
    custom_xml,
    open_document,
    package_entries,
    prune,
    set_core_properties,
    set_custom_properties,
    set_font_table,
    set_page,
    set_settings,
    text_width,
)
from govdisclosure.renderers.docx._wordml import (
    parse_fragment,
    preset_styles,
    reference_styles,
    xml_text,
)
from govdisclosure.renderers.docx._zip import Packed, packed, zip_packed
from govdisclosure.renderers.docx.preset import Preset

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.opc.package import OpcPackage

#: Where the body goes in the skeleton's document.xml: a comment no report can write.
_MARK = "govdisclosure:body"
#: Stand-ins for the document properties, replaced on every render; the times are ones
#: no report is dated with.
_STAND_INS = {
    "title": "\ue000title\ue001",
    "author": "\ue000author\ue001",
    "last_modified_by": "\ue000last_modified_by\ue001",
    "subject": "\ue000subject\ue001",
    "language": "\ue000language\ue001",
    "created": "1901-02-03T04:05:06Z",
    "modified": "1902-03-04T05:06:07Z",
}


@dataclass(frozen=True)
class Skeleton:
    """A package without its report: the style ids and text width the body is written
    with, document.xml around the body, core.xml as a template, and every zip entry in
    order: zipped already, or the name of a part a render writes."""

    ids: dict[str, str]
    width: int
    head: str
    tail: str
    document: str
    core: str
    core_template: str
    custom: str | None
    kept: str
    pid: int
    entries: tuple[Packed | str, ...]

    def package(self, body: str, core: dict[str, str], properties: dict[str, str]) -> bytes:
        """The zip of the package with ``body``, the property values ``core`` (see
        :func:`~._package.core_values`) and the custom ``properties``."""
        # As lxml writes text: a carriage return as a reference, which a parser keeps.
        values = {name: xml_text(value).replace("\r", "&#13;") for name, value in core.items()}
        written = {
            self.document: (self.head + body + self.tail).encode("utf-8"),
            self.core: self.core_template.format_map(values).encode("utf-8"),
        }
        if self.custom is not None:
            written[self.custom] = custom_xml(self.kept, self.pid, properties)
        return zip_packed(
            (item, written[item]) if isinstance(item, str) else item for item in self.entries
        )


def reference_bytes(reference: str | os.PathLike[str] | bytes | None) -> bytes | None:
    """The content of the reference document (read again on every render: a file may
    change between two)."""
    if reference is None or isinstance(reference, bytes):
        return reference
    if isinstance(reference, bytearray):
        return bytes(reference)
    if isinstance(reference, str | os.PathLike):
        with open(os.fspath(reference), "rb") as file:
            return file.read()
    raise OptionError(f"reference must be a path or the bytes of a .docx, got {reference!r}")


#: The skeletons built, the most recently used last; a few looks are all a process uses.
_CACHE: dict[tuple[object, ...], Skeleton] = {}
_CACHED = 16
_LOCK = threading.Lock()


def skeleton(preset: Preset, reference: bytes | None, hint: bool, custom: bool) -> Skeleton:
    """The skeleton of a package of ``preset`` or of the ``reference`` document (bytes),
    for a Chinese document (``hint``), with custom properties or without."""
    digest = hashlib.sha256(reference).digest() if reference is not None else None
    key = (preset, digest, hint, custom)
    with _LOCK:
        found = _CACHE.pop(key, None)
        if found is not None:
            _CACHE[key] = found
            return found
    built = _build(preset, reference, hint, custom)
    with _LOCK:
        _CACHE[key] = built
        while len(_CACHE) > _CACHED:
            del _CACHE[next(iter(_CACHE))]
    return built


def _build(preset: Preset, reference: bytes | None, hint: bool, custom: bool) -> Skeleton:
    from docx.oxml.ns import qn
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    document = open_document(reference)
    styles = document.styles.element
    if reference is None:
        ids = preset_styles(styles, preset, hint)
        set_page(document, preset)
        set_font_table(document, preset)
    else:
        ids = reference_styles(styles, preset, hint)
    set_settings(document, reference is None)

    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    mark = etree.Comment(_MARK)
    if sect is not None:
        sect.addprevious(mark)
    else:
        body.append(mark)
    _check_prefix(document.element.nsmap)

    _number_pages(document, ids, preset)
    set_core_properties(document, _STAND_INS)
    kept, pid = set_custom_properties(document, {}) if custom else ("", 0)
    prune(document, reference is None)

    package = document.part.package
    document_name, core_name = str(document.part.partname)[1:], _core_name(package)
    custom_name = "docProps/custom.xml" if custom else None
    head = tail = core = ""
    entries: list[Packed | str] = []
    for name, data in package_entries(package):
        if name == document_name:
            head, tail = data.decode("utf-8").split(f"<!--{_MARK}-->")
        elif name == core_name:
            core = _template(data.decode("utf-8"))
        written = name in (document_name, core_name, custom_name)
        entries.append(name if written else packed(name, data))
    return Skeleton(
        ids=ids,
        width=text_width(document, preset),
        head=head,
        tail=tail,
        document=document_name,
        core=core_name,
        core_template=core,
        custom=custom_name,
        kept=kept,
        pid=pid,
        entries=tuple(entries),
    )


def _number_pages(document: WordDocument, ids: dict[str, str], preset: Preset) -> None:
    """Page numbers in a footer of their own, unless the reference document has one: odd
    pages' and even pages' (GB/T 9704 sets them at the outer edge), or odd pages' alone
    on every page when the reference has a header (an even page would lose it)."""
    section = document.sections[-1]
    if not section.footer.is_linked_to_previous:
        return
    footers = [(section.footer, False)]
    if section.header.is_linked_to_previous:
        document.settings.odd_and_even_pages_header_footer = True
        footers.append((section.even_page_footer, True))
    for footer, even in footers:
        footer.is_linked_to_previous = False
        element = footer.part.element
        for child in list(element):
            element.remove(child)
        element.extend(parse_fragment(footer_xml(ids, preset, even=even)))


def _core_name(package: OpcPackage) -> str:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in package.rels.values():
        if rel.reltype == RT.CORE_PROPERTIES and not rel.is_external:
            return str(rel.target_part.partname)[1:]
    raise AssertionError("python-docx gives every package its core properties")


def _template(core: str) -> str:
    """core.xml with its stand-ins as the fields of a :meth:`str.format_map` template."""
    template = core.replace("{", "{{").replace("}", "}}")
    for name, stand_in in _STAND_INS.items():
        if template.count(stand_in) != 1:
            raise AssertionError(f"core.xml holds the stand-in for {name} once")
        template = template.replace(stand_in, "{" + name + "}")
    return template


def _check_prefix(nsmap: dict[str | None, str]) -> None:
    """The body is written with the ``w`` prefix, which the reference document's root
    must declare for WordprocessingML (every word processor writes it so)."""
    from docx.oxml.ns import nsmap as known

    if nsmap.get("w") != known["w"]:
        raise OptionError(
            "the reference document's document.xml does not declare the prefix 'w' for "
            "WordprocessingML on its root element"
        )
