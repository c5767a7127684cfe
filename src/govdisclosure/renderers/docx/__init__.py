"""The report as a Word document (DOCX), laid out as the report is published: A4 with the
margins of GB/T 9704, the title in 方正小标宋简体, headings in 黑体 and 楷体_GB2312, body text
in 仿宋_GB2312 at a fixed 28 pt line, page numbers "— 1 —" in the footer, and the three
tables merged cell for cell as the official form prints them.

Everything is done through named styles (Title, Heading 1, Heading 2, Body Text, Table
Heading, Table Contents, Table Number, Run-in Heading, Footer, Table Grid), so that a
reference document (``reference=``, a path or the bytes of a ``.docx``) can restyle the
report: its styles and page setup are used, and only the styles it lacks come from the
preset. The fonts, sizes and page of the preset (:data:`GB_T_9704`) can be changed with
``preset=`` (see :class:`Preset`).

The same report renders to the same bytes, every time: the document properties come
from the report (never the clock), and the package is written with fixed entry times,
order and compression, without the default template's thumbnail or unused parts.

python-docx is imported when a document is rendered, not when this module is.

>>> import govdisclosure as gd
>>> data = gd.render(gd.examples.load("zhongning-minzheng-2020"), "docx")
>>> data[:2], len(data) > 10_000
(b'PK', True)
"""

from __future__ import annotations

import os
from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.renderers.document import Document, build_document
from govdisclosure.renderers.docx._body import body_xml, footer_xml
from govdisclosure.renderers.docx._package import (
    open_document,
    package_bytes,
    prune,
    set_core_properties,
    set_custom_properties,
    set_font_table,
    set_page,
    set_settings,
    text_width,
)
from govdisclosure.renderers.docx._wordml import parse_fragment, preset_styles, reference_styles
from govdisclosure.renderers.docx.preset import GB_T_9704, Font, Preset
from govdisclosure.renderers.properties import report_properties
from govdisclosure.report import AnnualReport

__all__ = [
    "GB_T_9704",
    "Font",
    "Preset",
    "document_docx",
    "render_docx",
    "report_properties",
]


def document_docx(
    doc: Document,
    *,
    preset: Preset | None = None,
    reference: str | os.PathLike[str] | bytes | None = None,
    properties: dict[str, str] | None = None,
) -> bytes:
    """The document as the bytes of a ``.docx`` file; ``properties`` become custom
    document properties (see :func:`report_properties`)."""
    from docx.oxml.ns import qn

    if preset is None:
        preset = GB_T_9704
    elif not isinstance(preset, Preset):
        raise OptionError(f"preset must be a govdisclosure.renderers.docx.Preset, got {preset!r}")
    document = open_document(reference)
    hint = doc.locale == "zh_CN"
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
    for element in parse_fragment(body_xml(doc, ids, preset, text_width(document, preset))):
        if sect is not None:
            sect.addprevious(element)
        else:
            body.append(element)

    section = document.sections[-1]
    if section.footer.is_linked_to_previous:
        footer = section.footer
        footer.is_linked_to_previous = False
        element = footer.part.element
        for child in list(element):
            element.remove(child)
        element.extend(parse_fragment(footer_xml(ids)))
    set_core_properties(document, doc)
    if properties:
        set_custom_properties(document, properties)
    prune(document, reference is None)
    return package_bytes(document.part.package)


def render_docx(
    report: AnnualReport,
    *,
    locale: str,
    preset: Preset | None = None,
    reference: str | os.PathLike[str] | bytes | None = None,
    **options: Any,
) -> bytes:
    """The report as Word (``.docx``), as it is published: the docx format's render
    side. Options: ``preset`` (a :class:`Preset`, default :data:`GB_T_9704`) and
    ``reference`` (a ``.docx`` path or its bytes, whose styles and page setup replace the
    preset's)."""
    if options:
        raise OptionError(
            f"the docx format takes only 'preset' and 'reference', got {', '.join(options)}"
        )
    return document_docx(
        build_document(report, locale),
        preset=preset,
        reference=reference,
        properties=report_properties(report),
    )
