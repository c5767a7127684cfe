"""Excel workbooks (XLSX): ours, and the templates county offices fill in with the
official tables before anyone writes prose.

A workbook prints the tables and nothing else: :mod:`~govdisclosure.readers.xlsxpackage`
reads its sheets' cells (within the limits, each as the sheet shows it),
:mod:`~govdisclosure.readers.sheets` turns each sheet into the blocks every reader makes
of a printed table — a table anywhere on a sheet, several on one sheet or one per
sheet, merged cells, blank rows and columns, headings or none — and
:func:`~govdisclosure.readers.build.build_tables` reads them as any reader's: labels
matched against the layout, figures read as printed ("12", "12 件", in full-width digits), every
decision noted, every figure's place its sheet and cell (``表三!C7``). The organ and the
year come from the title above the tables; the preamble and sections 一, 五 and 六,
which a workbook does not print, are left empty, each with a ``missing`` note.

What a workbook does not show is said, never guessed: a formula saved without its value
is an empty cell (not 0) and a note; a number whose format shows fewer digits than it
holds is read whole, with a note; sheets that print none of the tables, hidden sheets
and charts are left out, with a note; a table printed on two sheets (a workbook of
several reports) is refused. Facts the tables do not print — the kind of organ and the
scope — come from the custom document properties this library's XLSX renderer writes,
as DOCX's do. The reader needs no optional package (lxml comes with python-docx).

>>> import govdisclosure as gd
>>> report = gd.examples.load("zhongning-minzheng-2020")
>>> result = read_xlsx(gd.render(report, "xlsx"))
>>> [result.report.table(s) == report.table(s) for s in gd.Section if s.value in
...  ("proactive", "applications", "reviews")]
[True, True, True]
>>> str(result.source_of(gd.Section.APPLICATIONS, 0))  # 一、本年新收·自然人
"'三、收到和处理政府信息公开申请情况'!D6"
"""

from __future__ import annotations

from typing import Any

import attrs

from govdisclosure.categories import Section
from govdisclosure.errors import ReadError
from govdisclosure.layouts import layout
from govdisclosure.readers.blocks import Block, TextBlock
from govdisclosure.readers.build import build_tables
from govdisclosure.readers.limits import (
    MAX_FILE_BYTES,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    check_size,
)
from govdisclosure.readers.ooxml import property_options
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef
from govdisclosure.readers.sheets import SheetBlocks, sheet_blocks
from govdisclosure.readers.xlsxpackage import Sheet, Workbook, read_workbook

__all__ = ["XlsxBlocks", "read_xlsx", "xlsx_blocks"]

#: An OLE compound file: an Excel 97-2003 workbook, or a password-protected one.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Why the prose sections are empty.
_ABSENT = "a workbook prints only the tables: the section is left empty"


@attrs.define
class XlsxBlocks:
    """What a workbook prints, as blocks: the title, the text above the tables, each
    table's section; the notes on what was decided; and the workbook read."""

    title: list[TextBlock]
    above: list[TextBlock]
    sections: dict[Section, list[Block]]
    notes: list[Note]
    workbook: Workbook


def _note(kind: NoteKind, where: str, snippet: str, action: str, at: SourceRef | None) -> Note:
    return Note(kind.value, where, snippet, action, at)


def xlsx_blocks(data: bytes, source: str | None = None) -> XlsxBlocks:
    """The blocks of a workbook's sheets (see the module).

    >>> import govdisclosure as gd
    >>> found = xlsx_blocks(gd.render(gd.examples.load("zhongning-minzheng-2020"), "xlsx"))
    >>> found.title[0].text, [section.value for section in found.sections]
    ('中宁县民政局2020年政府信息公开工作年度报告', ['proactive', 'applications', 'reviews'])
    """
    book = read_workbook(data, source)
    out = XlsxBlocks([], [], {}, [], book)
    seen: dict[Section, str] = {}
    english = 0
    for sheet in book.sheets:
        found = sheet_blocks(sheet, seen, source)
        out.notes += found.notes
        english += found.english
        _title(out, found)
        out.above += found.above  # where the organ and year may be stated
        for section, blocks in found.sections.items():
            out.sections.setdefault(section, []).extend(blocks)
        out.notes += _sheet_notes(sheet, found, source)
    for name, why in book.skipped:
        action = f"{why}: not read"
        out.notes.append(
            _note(NoteKind.LAYOUT, "$", name, action, SourceRef(file=source, sheet=name))
        )
    if english:
        action = (
            f"the workbook prints this library's English layout: read {english} of its "
            "labels as the form's Chinese labels they translate"
        )
        out.notes.append(_note(NoteKind.TEXT, "$", "English", action, None))
    return out


def _sheet_notes(sheet: Sheet, found: SheetBlocks, source: str | None) -> list[Note]:
    """What was left out of a sheet: all of it (it prints no table), or what lies
    beyond the rows and columns read."""
    where = SourceRef(file=source, sheet=sheet.name)
    notes = []
    if not found.sections and sheet.cells:
        action = "the sheet prints none of the report's tables: left out"
        notes.append(_note(NoteKind.LAYOUT, "$", sheet.name, action, where))
    elif found.sections:
        for block in found.above:
            action = "text printed above the tables, no title: left out"
            notes.append(_note(NoteKind.LAYOUT, "$", block.text[:40], action, block.source))
    for cell, limit, what in (
        (sheet.below, MAX_SHEET_ROWS, "rows"),
        (sheet.right, MAX_SHEET_COLUMNS, "columns"),
    ):
        if cell:
            action = f"the sheet holds more than {limit:,} {what}: what lies beyond is not read"
            at = attrs.evolve(where, cell=cell)
            notes.append(_note(NoteKind.LAYOUT, "$", cell, action, at))
    return notes


def _title(out: XlsxBlocks, found: SheetBlocks) -> None:
    """The workbook's title: the first sheet's that prints one (every sheet of ours
    does); another sheet's that differs is noted, and looked at no further."""
    if not found.title:
        return
    if not out.title:
        out.title = found.title
        return
    if found.title[0].text != out.title[0].text:
        action = f"the sheet's title is not the first one's ({out.title[0].text}): left out"
        at = found.title[0].source
        out.notes.append(_note(NoteKind.LAYOUT, "$.report.title", found.title[0].text, action, at))


def _remarks(result: ReadResult, book: Workbook, source: str | None) -> list[Note]:
    """The remarks on cells (formulas without a value, numbers shown otherwise than
    held), each with the JSON path of the cell it was read into, when it was."""
    placed = {(ref.sheet, ref.cell): key for key, ref in result.sources.items()}
    notes = []
    for sheet in book.sheets:
        for remark in sheet.remarks:
            where = "$"
            key = placed.get((sheet.name, remark.cell))
            if key is not None:
                section, position = key
                spec = layout(result.report.edition).table(section).cells[position]
                where = f"$.report.{section.value}.{spec.row.value}.{spec.column.value}"
            formula = remark.snippet.startswith("=")
            kind = NoteKind.UNPLACED if formula else NoteKind.NUMBER
            at = SourceRef(file=source, sheet=sheet.name, cell=remark.cell)
            notes.append(_note(kind, where, remark.snippet, remark.why, at))
    return notes


def read_xlsx(data: bytes, *, source: str | None = None, **options: Any) -> ReadResult:
    """Read a report's tables from the bytes of an Excel workbook (see the module's
    documentation); options as for :func:`~govdisclosure.readers.build.build_report`.

    Anything that is not a readable workbook — not a zip, no workbook part, XML that is
    not well-formed or declares a DTD, a zip bomb, a sheet that merges too many ranges —
    is a :class:`~govdisclosure.errors.ReadError` naming the part, or the sheet and the
    cell, and the reason.

    >>> read_xlsx(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1 an old workbook")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReadError: an Excel 97-2003 (.xls) or password-protected workbook \
is not read; save it as .xlsx and read that
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ReadError("an Excel workbook is bytes, not text", source=source)
    data = bytes(data)
    check_size(len(data), MAX_FILE_BYTES, "the file", source)
    if data.startswith(_OLE):
        raise ReadError(
            "an Excel 97-2003 (.xls) or password-protected workbook is not read; save it as "
            ".xlsx and read that",
            source=source,
        )
    found = xlsx_blocks(data, source)
    options = dict(options)
    notes = property_options(found.workbook.properties, options) + found.notes
    result = build_tables(
        found.title,
        found.sections,
        fmt="xlsx",
        absent=_ABSENT,
        context=found.above,
        source=source,
        **options,
    )
    remarks = _remarks(result, found.workbook, source)
    return attrs.evolve(result, notes=(*notes, *result.notes, *remarks), format="xlsx")
