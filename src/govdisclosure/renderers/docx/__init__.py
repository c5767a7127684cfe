"""The report as a Word document (DOCX), laid out as the report is published: A4 with the
margins of GB/T 9704, the title in 方正小标宋简体, headings in 黑体 and 楷体_GB2312, body text
in 仿宋_GB2312 at a fixed 28 pt line with widow control, page numbers "— 1 —" at the foot
(odd pages right, even pages left, as GB/T 9704 places them), the three tables merged cell
for cell as the official form prints them, and the signature (落款) at the end: the organ
over the date, or over blanks for the date when the report has none.

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
from govdisclosure.renderers.docx._body import body_xml
from govdisclosure.renderers.docx._package import core_values
from govdisclosure.renderers.docx._skeleton import reference_bytes, skeleton
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
    document properties (see :func:`report_properties`). The package around the body is
    built once per preset, reference document (by content) and language, and reused."""
    if preset is None:
        preset = GB_T_9704
    elif not isinstance(preset, Preset):
        raise OptionError(f"preset must be a govdisclosure.renderers.docx.Preset, got {preset!r}")
    bones = skeleton(preset, reference_bytes(reference), doc.locale == "zh_CN", bool(properties))
    body = body_xml(doc, bones.ids, preset, bones.width)
    return bones.package(body, core_values(doc), properties or {})


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
