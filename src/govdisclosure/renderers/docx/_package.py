"""The package around the body: page setup, fonts, settings, document properties, the
parts to drop, and the entries of the zip in a fixed order. Used to build a package's
skeleton once (:mod:`._skeleton`), not on every render."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from govdisclosure.errors import OptionError
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.renderers.document import Document
from govdisclosure.renderers.docx._wordml import (
    ALT_NAMES,
    CONTENT_TYPES_NS,
    CONTROL_CHARS,
    NAMESPACES,
    mm_to_twips,
    xml_attr,
    xml_text,
)
from govdisclosure.renderers.docx.preset import Preset
from govdisclosure.renderers.properties import document_time

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.opc.package import OpcPackage
    from docx.opc.part import Part


def open_document(reference: str | os.PathLike[str] | bytes | None) -> WordDocument:
    """The python-docx document to fill: the reference document, or the default template."""
    import docx

    if reference is None:
        return docx.Document()
    if isinstance(reference, bytes | bytearray):
        return docx.Document(io.BytesIO(bytes(reference)))
    if isinstance(reference, str | os.PathLike):
        return docx.Document(os.fspath(reference))
    raise OptionError(f"reference must be a path or the bytes of a .docx, got {reference!r}")


def set_page(document: WordDocument, preset: Preset) -> None:
    """The preset's page size (A4 by default) and margins, in the body's section properties."""
    from docx.oxml.ns import qn

    sect = document.element.body.find(qn("w:sectPr"))
    size = sect.find(qn("w:pgSz"))
    size.attrib.clear()
    size.set(qn("w:w"), str(mm_to_twips(preset.page_width)))
    size.set(qn("w:h"), str(mm_to_twips(preset.page_height)))
    margins = sect.find(qn("w:pgMar"))
    margins.attrib.clear()
    for name, value in (
        ("top", preset.margin_top),
        ("right", preset.margin_right),
        ("bottom", preset.margin_bottom),
        ("left", preset.margin_left),
        ("header", preset.header_distance),
        ("footer", preset.footer_distance),
        ("gutter", 0.0),
    ):
        margins.set(qn(f"w:{name}"), str(mm_to_twips(value)))


def text_width(document: WordDocument, preset: Preset) -> int:
    """The width of the text area in twips, from the section's page setup."""
    from docx.oxml.ns import qn

    sect = document.element.body.find(qn("w:sectPr"))
    if sect is None:
        return mm_to_twips(preset.page_width - preset.margin_left - preset.margin_right)
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))

    def twips(element: Any, name: str, default: float) -> int:
        value = element.get(qn(f"w:{name}")) if element is not None else None
        return int(value) if value and value.lstrip("-").isdigit() else mm_to_twips(default)

    width = twips(size, "w", preset.page_width)
    left = twips(margins, "left", preset.margin_left)
    right = twips(margins, "right", preset.margin_right)
    return max(width - left - right, 1440)


def set_font_table(document: WordDocument, preset: Preset) -> None:
    """A font table of the preset's fonts, with their other names and the GB 2312 charset,
    which Word uses to find a face or a substitute."""
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart

    part = document.part
    names: list[str] = []
    for font in (
        preset.body,
        preset.title,
        preset.heading1,
        preset.heading2,
        preset.table,
        preset.page_number,
    ):
        for name in (font.latin, font.east_asian):
            if name not in names:
                names.append(name)
    entries = []
    for name in names:
        cjk = not name.isascii()
        alt = f'<w:altName w:val="{xml_attr(ALT_NAMES[name])}"/>' if name in ALT_NAMES else ""
        charset = "86" if cjk else "00"
        family = "modern" if cjk else "roman"
        entries.append(
            f'<w:font w:name="{xml_attr(name)}">{alt}<w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        )
    from docx.oxml.parser import parse_xml

    element = parse_xml(f"<w:fonts {NAMESPACES}>{''.join(entries)}</w:fonts>")
    for rid, rel in list(part.rels.items()):
        if rel.reltype == RT.FONT_TABLE:
            del part.rels[rid]
    table = XmlPart(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, element, part.package)
    part.relate_to(table, RT.FONT_TABLE)


def set_settings(document: WordDocument, preset_mode: bool) -> None:
    """No preview picture (the thumbnail is dropped) and no template of the author's
    machine; in the preset, Chinese as the East Asian language of the theme."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    part = document.part.part_related_by(RT.SETTINGS)
    settings = document.settings.element
    for name in ("w:savePreviewPicture", "w:attachedTemplate"):
        for element in settings.findall(qn(name)):
            settings.remove(element)
    referred = set(settings.xpath(".//@r:*"))
    for rid in [rid for rid in part.rels if rid not in referred]:
        del part.rels[rid]
    if preset_mode:
        for element in settings.findall(qn("w:themeFontLang")):
            element.set(qn("w:eastAsia"), "zh-CN")


def core_values(doc: Document) -> dict[str, str]:
    """The document properties that come from the report, as core.xml writes them."""
    stamp = document_time(doc.year, doc.published).strftime(TIME_FORMAT)
    return {
        "title": doc.title[:255],
        "author": doc.organ[:255],
        "last_modified_by": doc.organ[:255],
        "subject": translate(_("政府信息公开工作年度报告"), doc.locale),
        "language": "zh-CN" if doc.locale == "zh_CN" else "en",
        "created": stamp,
        "modified": stamp,
    }


#: How python-docx writes the times of core.xml.
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def set_core_properties(document: WordDocument, values: dict[str, str]) -> None:
    """The document properties: ``values`` (of :func:`core_values`, or stand-ins for
    them), no keywords, comments or category, revision 1."""
    import datetime as dt

    props = document.core_properties
    for name in ("title", "author", "last_modified_by", "subject", "language"):
        setattr(props, name, values[name])
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.created = dt.datetime.strptime(values["created"], TIME_FORMAT)
    props.modified = dt.datetime.strptime(values["modified"], TIME_FORMAT)
    props.revision = 1


_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The property set every custom property of a document belongs to (Word's own).
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
#: The prefix of the custom properties this library writes (and replaces on a re-render).
_OWN_PREFIX = "govdisclosure."


def set_custom_properties(document: WordDocument, properties: dict[str, str]) -> tuple[str, int]:
    """Write ``properties`` into ``docProps/custom.xml``: a new part, or the reference
    document's own, whose other properties are kept (ours from an earlier render are
    replaced). Returns the properties kept, as XML, and the first id free for ours."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    package = document.part.package
    kept: list[Any] = []
    for rid, rel in list(package.rels.items()):
        if rel.reltype != _CUSTOM_REL or rel.is_external:
            continue
        # The reference document's own part: keep its other properties, replace ours.
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            root = etree.fromstring(rel.target_part.blob, parser)
            kept += [p for p in root if not (p.get("name") or "").startswith(_OWN_PREFIX)]
        except etree.LxmlError:
            pass  # a damaged part of the reference document is not worth keeping
        del package.rels[rid]
    pids = [int(p.get("pid")) for p in kept if re.fullmatch(r"[0-9]{1,6}", p.get("pid") or "")]
    pid = max([1, *pids]) + 1
    others = "".join(etree.tostring(p, encoding="unicode") for p in kept)
    xml = custom_xml(others, pid, properties)
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_TYPE, xml, package)
    package.relate_to(part, _CUSTOM_REL)
    return others, pid


def custom_xml(others: str, pid: int, properties: dict[str, str]) -> bytes:
    """``docProps/custom.xml``: the properties ``others`` (XML) kept, then ``properties``
    numbered from ``pid``."""
    entries = [others]
    for offset, (name, value) in enumerate(sorted(properties.items())):
        entries.append(
            f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid + offset}" name="{xml_attr(name)}">'
            f"<vt:lpwstr>{xml_text(CONTROL_CHARS.sub('', value))}</vt:lpwstr></property>"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{"".join(entries)}</Properties>'
    ).encode()


#: Relationships of the main document that nothing in its XML refers to but Word needs.
_IMPLICIT = {
    "styles",
    "settings",
    "fontTable",
    "theme",
    "footnotes",
    "endnotes",
}


def prune(document: WordDocument, preset_mode: bool) -> None:
    """Drop the parts the document does not use: the thumbnail, the extended properties
    (their page and word counts would be the template's), every relationship of the main
    document that its XML does not refer to and Word does not need, and with the preset,
    whose styles name every font, the theme."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package.rels[rid]
    part = document.part
    referred = set(part.element.xpath(".//@r:*"))
    styles = document.styles.element
    numbered = bool(styles.findall(".//" + qn("w:numPr")))
    implicit = _IMPLICIT - {"theme"} if preset_mode else _IMPLICIT
    for rid, rel in list(part.rels.items()):
        kind = rel.reltype.rsplit("/", 1)[-1]
        keep = rid in referred or kind in implicit or (kind == "numbering" and numbered)
        if not keep:
            del part.rels[rid]


def _parts(package: OpcPackage) -> Iterator[Part]:
    seen: set[str] = set()
    stack = [rel.target_part for rel in package.rels.values() if not rel.is_external]
    while stack:
        part = stack.pop()
        if str(part.partname) in seen:
            continue
        seen.add(str(part.partname))
        yield part
        stack.extend(rel.target_part for rel in part.rels.values() if not rel.is_external)


def package_entries(package: OpcPackage) -> list[tuple[str, bytes]]:
    """The entries of the package's zip, in the fixed order it is written in."""
    parts = sorted(_parts(package), key=lambda p: str(p.partname))
    overrides = "".join(
        f'<Override PartName="{xml_attr(str(p.partname))}"'
        f' ContentType="{xml_attr(p.content_type)}"/>'
        for p in parts
    )
    types = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Types xmlns="{CONTENT_TYPES_NS}">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}</Types>"
    )
    entries: list[tuple[str, bytes]] = [
        ("[Content_Types].xml", types.encode("utf-8")),
        ("_rels/.rels", _rels_xml(package.rels)),
    ]
    for part in parts:
        entries.append((str(part.partname)[1:], part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri[1:], _rels_xml(part.rels)))
    return entries


def _rels_xml(rels: Any) -> bytes:
    xml = rels.xml
    return xml if isinstance(xml, bytes) else str(xml).encode("utf-8")
