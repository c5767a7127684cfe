"""The report's three statistic tables as an Excel workbook (``.xlsx``), laid out like
the official form: the template county offices fill in before anyone writes prose.

One sheet per table (二 主动公开, 三 申请办理, 四 复议诉讼), each under the report's title
and its section's heading, named by the heading: the three tables differ in width (two
to four columns, ten, fifteen), so each sheet gets column widths, frozen headers and a
print setup of its own (table 四 in landscape), and a table can be copied, filled in or
printed by itself. Everything printed comes from the format-neutral document
(:mod:`~govdisclosure.renderers.document`), the same words in the same merged cells as
DOCX and HTML print; see :mod:`~govdisclosure.renderers.xlsxsheet` for a sheet.

The prose (sections 一, 五 and 六, the preamble) is not in a workbook. What the tables do
not print — the kind of organ and the scope — travels as custom document properties
(``govdisclosure.organ_kind``, ``govdisclosure.scope``), as in DOCX, and the XLSX
reader reads them back.

The same report renders to the same bytes, every time: the document's times come from
the report (never the clock), and the package is written with fixed entry times.
openpyxl (the ``xlsx`` extra) is imported when a workbook is made.

>>> import govdisclosure as gd
>>> data = gd.render(gd.examples.load("zhongning-minzheng-2020"), "xlsx")
>>> data[:2], data == gd.render(gd.examples.load("zhongning-minzheng-2020"), "xlsx")
(b'PK', True)
"""

from __future__ import annotations

import io
import zipfile
from types import ModuleType
from typing import Any

from govdisclosure.categories import Section
from govdisclosure.errors import OptionError
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.optional import require
from govdisclosure.renderers.clean import printable
from govdisclosure.renderers.document import Document, Heading, Para, Table, build_document
from govdisclosure.renderers.docx.preset import GB_T_9704
from govdisclosure.renderers.properties import document_time, report_properties
from govdisclosure.renderers.xlsxsheet import SheetText, fill_sheet, make_look, sheet_name
from govdisclosure.report import AnnualReport
from govdisclosure.stablezip import zip_bytes

__all__ = ["document_xlsx", "render_xlsx"]

#: The table printed across a landscape page: table 四's fifteen columns.
_LANDSCAPE = (Section.REVIEWS,)
#: The archive's entry that says what the others are: first, as Excel writes it.
_CONTENT_TYPES = "[Content_Types].xml"


def _openpyxl(module: str) -> ModuleType:
    """openpyxl, or one of its modules, imported on first use (see
    :func:`~govdisclosure.optional.require`)."""
    return require(module, extra="xlsx", purpose="writing an Excel workbook (xlsx)")


def _tables(doc: Document) -> list[tuple[str, Table, tuple[str, ...]]]:
    """Each table of the document, with its section's heading and the notes printed
    under it."""
    out: list[tuple[str, Table, tuple[str, ...]]] = []
    heading = ""
    blocks = list(doc.blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 1:
            heading = block.text
        elif isinstance(block, Table):
            notes: list[str] = []
            for after in blocks[index + 1 :]:
                if not isinstance(after, Para):
                    break
                notes.append(after.text)
            out.append((heading, block, tuple(notes)))
    return out


def document_xlsx(doc: Document, *, properties: dict[str, str] | None = None) -> bytes:
    """The document's tables as the bytes of an ``.xlsx`` file; ``properties`` become
    custom document properties (see
    :func:`~govdisclosure.renderers.properties.report_properties`)."""
    openpyxl = _openpyxl("openpyxl")
    workbook = openpyxl.Workbook()
    look = make_look(_openpyxl("openpyxl.styles"), GB_T_9704, doc.locale)
    for index, (heading, table, notes) in enumerate(_tables(doc)):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = sheet_name(heading)
        text = SheetText(doc.title, heading, notes)
        fill_sheet(sheet, table.grid, text, look, landscape=table.section in _LANDSCAPE)
    _set_properties(workbook, doc, properties or {})
    return _package(workbook)


def _set_properties(workbook: Any, doc: Document, properties: dict[str, str]) -> None:
    """The document's properties, from the report alone (see :mod:`properties
    <govdisclosure.renderers.properties>`)."""
    custom = _openpyxl("openpyxl.packaging.custom")
    stamp = document_time(doc.year, doc.published).replace(tzinfo=None)  # openpyxl: UTC
    props = workbook.properties
    props.title = doc.title[:255]
    props.creator = props.lastModifiedBy = doc.organ[:255]
    props.subject = translate(_("政府信息公开工作年度报告"), doc.locale)
    props.language = "zh-CN" if doc.locale == "zh_CN" else "en"
    props.created = props.modified = stamp
    for name, value in sorted(properties.items()):
        workbook.custom_doc_props.append(custom.StringProperty(name=name, value=printable(value)))


def _package(workbook: Any) -> bytes:
    """The workbook as openpyxl writes it (without touching its times, as its ``save``
    would), repacked with fixed entry times, ``[Content_Types].xml`` first."""
    excel = _openpyxl("openpyxl.writer.excel")
    written = io.BytesIO()
    excel.ExcelWriter(workbook, zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED)).save()
    with zipfile.ZipFile(written) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    entries.sort(key=lambda entry: entry[0] != _CONTENT_TYPES)  # stable: the rest in order
    return zip_bytes(entries)


def render_xlsx(report: AnnualReport, *, locale: str, **options: Any) -> bytes:
    """The report's tables as an Excel workbook (``.xlsx``), one sheet per table, laid
    out like the official form: the xlsx format's render side. It takes no options."""
    if options:
        raise OptionError(f"the xlsx format takes no options, got {', '.join(options)}")
    return document_xlsx(build_document(report, locale), properties=report_properties(report))
