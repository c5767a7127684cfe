"""Damaged and hostile workbooks: each ends in a ReadError that says where (the part, or
the sheet and the cell) and why, soon, or is read with a note on what was left out —
never a foreign exception, never a grid as large as a sheet claims to be."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fuzz.hostile import lying_about_size

import govdisclosure as gd
from govdisclosure.limits import MAX_MERGED_RANGES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS
from tests.test_hostile_documents import PEAK_MB, peak, quick, refused

pytest.importorskip("openpyxl")  # to write the workbooks: reading needs none

ROOT = Path(__file__).resolve().parent.parent
SEED = gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")
SHEET = "xl/worksheets/sheet2.xml"  # table 三's
MB = 1024 * 1024


def ours() -> bytes:
    data = gd.render(SEED, "xlsx")
    assert isinstance(data, bytes)
    return data


def tables_of(report: gd.AnnualReport) -> list[object]:
    return [
        report.table(s) for s in (gd.Section.PROACTIVE, gd.Section.APPLICATIONS, gd.Section.REVIEWS)
    ]


def parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(ours())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def workbook(replaced: dict[str, bytes], level: int = 6) -> bytes:
    """Our workbook of the seed with some of its parts replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in {**parts(), **replaced}.items():
            archive.writestr(name, content)
    return out.getvalue()


def sheet_with(rows: bytes = b"", *, before: bytes = b"", after: bytes = b"") -> bytes:
    """Table 三's sheet with ``rows`` added at the end of its data, ``before`` its
    data and ``after`` it."""
    xml = parts()[SHEET]
    xml = xml.replace(b"</sheetData>", rows + b"</sheetData>" + after)
    return xml.replace(b"<sheetData>", before + b"<sheetData>")


# --- archives -----------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    """A sheet of 100 MB of spaces, some 100 KB packed: refused by its declared size
    and its ratio, before a byte is inflated."""
    bomb = sheet_with(b" " * (100 * MB))
    refused(workbook({SHEET: bomb}, level=9), "xlsx", "unpacks to 10[0-9],[0-9,]+ bytes")


def test_a_zip_bomb_that_lies_about_its_size_is_refused_as_it_is_unpacked() -> None:
    """The same sheet, its headers claiming 5,000 bytes: zipfile stops there, and the
    part is damaged (its checksum and its XML)."""
    data = lying_about_size(workbook({SHEET: sheet_with(b" " * (20 * MB))}, level=9), SHEET)
    refused(data, "xlsx", f"{SHEET} (cannot be unpacked|is not well-formed)")


def test_a_truncated_workbook_and_one_without_its_workbook_part_are_refused() -> None:
    refused(ours()[:2000], "xlsx", "not a readable zip archive")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<worksheet/>")
    refused(out.getvalue(), "xlsx", "not an Excel workbook: the archive has no xl/workbook.xml")


def test_an_old_or_encrypted_workbook_says_what_to_do() -> None:
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(512)
    refused(ole, "xlsx", r"Excel 97-2003 \(.xls\) or password-protected workbook")
    with pytest.raises(gd.ReadError, match=r"save it as \.docx or \.xlsx"):
        gd.read(ole)


# --- XML ----------------------------------------------------------------------------------

XXE = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def _declared(xml: bytes, doctype: bytes) -> bytes:
    head, _, rest = xml.partition(b"?>")
    return (head + b"?>" + doctype + rest) if rest else doctype + xml


@pytest.mark.parametrize(
    "part", [SHEET, "xl/workbook.xml", "xl/styles.xml", "xl/_rels/workbook.xml.rels"]
)
@pytest.mark.parametrize("doctype", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_a_part_that_declares_entities_is_refused_before_it_is_parsed(
    part: str, doctype: bytes
) -> None:
    xml = _declared(parts()[part], doctype)
    refused(workbook({part: xml}), "xlsx", f"{re.escape(part)} declares a DTD or entities")


def test_a_doctype_hidden_in_utf16_is_refused() -> None:
    xml = parts()[SHEET].decode().replace('encoding="utf-8"', 'encoding="utf-16"')
    xml = _declared(xml.encode(), XXE).decode()
    refused(workbook({SHEET: xml.encode("utf-16")}), "xlsx", "declares a DTD or entities")


def test_xml_that_is_not_well_formed_is_named() -> None:
    refused(workbook({SHEET: parts()[SHEET][:-30]}), "xlsx", f"{SHEET} is not well-formed XML")


def test_a_cell_naming_a_shared_string_that_is_none_names_the_cell() -> None:
    bad = sheet_with(b'<row r="1999"><c r="B1999" t="s"><v>7000</v></c></row>')
    caught = refused(workbook({SHEET: bad}), "xlsx", "shared string '7000', which is none")
    assert caught.location is not None
    assert caught.location.endswith("!B1999")


@pytest.mark.parametrize("number", [b"abc", b"0", b"-3"])
def test_a_row_numbered_wrongly_is_refused(number: bytes) -> None:
    bad = sheet_with(b'<row r="' + number + b'"/>')
    refused(workbook({SHEET: bad}), "xlsx", "a row is numbered")


# --- sheets larger than a report's ----------------------------------------------------------


def test_a_dimension_of_the_whole_sheet_builds_no_grid() -> None:
    """``<dimension ref="A1:XFD1048576">`` is a claim, not a grid: the sheet is read
    by its cells, and reads as it is."""
    xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', parts()[SHEET])
    with quick():
        result = gd.read(workbook({SHEET: xml}), "xlsx")
    assert result.report.applications == SEED.applications


def _long_sheet(rows: int) -> bytes:
    """Our workbook with a sheet of ``rows`` rows of figures besides the tables."""
    data = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c><v>2</v></c></row>' % (r, r, r)
        for r in range(1, rows + 1)
    )
    sheet = parts()["xl/worksheets/sheet3.xml"]
    start, end = sheet.index(b"<sheetData>"), sheet.index(b"</sheetData>")
    extra = sheet[:start] + b"<sheetData>" + data + sheet[end:]
    extra = re.sub(rb"<mergeCells.*</mergeCells>", b"", extra)
    book = parts()
    book["xl/worksheets/sheet9.xml"] = extra
    book["xl/workbook.xml"] = book["xl/workbook.xml"].replace(
        b"</sheets>",
        b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        b'name="data" sheetId="9" r:id="rId9"/></sheets>',
    )
    book["xl/_rels/workbook.xml.rels"] = book["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>',
    )
    return workbook(book, level=1)


def test_rows_beyond_the_limit_are_left_out_with_a_note() -> None:
    """A sheet of 100,000 rows of figures besides the tables (4 MB of XML): read to the
    limit, the rest left out, said so; the tables read as they are."""
    with quick():
        result = gd.read(_long_sheet(100_000), "xlsx")
    assert tables_of(result.report) == tables_of(SEED)
    [note] = [n for n in result.notes_of("layout") if "more than" in n.action]
    assert note.action.startswith(f"the sheet holds more than {MAX_SHEET_ROWS:,} rows")
    assert note.source is not None
    assert note.source.reference == f"data!A{MAX_SHEET_ROWS + 1}"
    assert [n.snippet for n in result.notes_of("layout") if "none of" in n.action] == ["data"]


def test_a_cell_beyond_the_columns_read_is_left_out_with_a_note() -> None:
    far = b'<row r="40"><c r="XFD40" t="inlineStr"><is><t>1</t></is></c></row>'
    result = gd.read(workbook({SHEET: sheet_with(far)}), "xlsx")
    assert result.report.applications == SEED.applications
    [note] = [n for n in result.notes_of("layout") if "more than" in n.action]
    assert note.action.startswith(f"the sheet holds more than {MAX_SHEET_COLUMNS:,} columns")


def test_a_row_of_half_a_million_cells_is_cut_at_the_columns_read() -> None:
    cells = b"<c/>" * 500_000  # 2 MB, each a column further right
    with quick():
        result = gd.read(
            workbook({SHEET: sheet_with(b'<row r="40">' + cells + b"</row>")}, 0), "xlsx"
        )
    assert result.report.applications == SEED.applications


def test_too_many_merged_ranges_are_refused() -> None:
    ranges = b"".join(
        b'<mergeCell ref="A%d:B%d"/>' % (r, r) for r in range(100, 100 + MAX_MERGED_RANGES + 1)
    )
    xml = parts()[SHEET]
    xml = re.sub(rb"<mergeCells[^>]*>", b"<mergeCells>" + ranges, xml)
    caught = refused(workbook({SHEET: xml}), "xlsx", f"merges more than {MAX_MERGED_RANGES:,}")
    assert caught.location == "三、收到和处理政府信息公开申请情况"


def test_merged_ranges_that_overlap_are_noted_and_ignored() -> None:
    xml = re.sub(
        rb"<mergeCells[^>]*>",
        b'<mergeCells><mergeCell ref="A40:C41"/><mergeCell ref="B41:D42"/>',
        parts()[SHEET],
    )
    result = gd.read(workbook({SHEET: xml}), "xlsx")
    assert [n.snippet for n in result.notes_of("layout") if "overlaps" in n.action] == ["B41:D42"]


def test_text_hidden_under_a_merged_range_is_left_out_with_a_note() -> None:
    """The title is merged across the table: a value in a cell it covers is not shown,
    and not read."""
    hidden = b'<c r="C1" t="inlineStr"><is><t>\xe9\x9a\x90\xe8\x97\x8f</t></is></c></row>'
    xml = re.sub(rb"</row>", hidden, parts()[SHEET], count=1)
    result = gd.read(workbook({SHEET: xml}), "xlsx")
    assert tables_of(result.report) == tables_of(SEED)
    [note] = [n for n in result.notes_of("unplaced") if "merged range" in n.action]
    assert note.snippet == "隐藏"
    assert note.source is not None
    assert note.source.cell == "C1"


def test_sheets_holding_more_xml_than_a_part_together_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("govdisclosure.readers.xlsxpackage.MAX_XML_BYTES", 20_000)
    refused(ours(), "xlsx", "the sheets hold more than 20,000 bytes of XML together")


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: workbook({SHEET: sheet_with(b" " * (60 * MB))}, level=9), "compressed"),
        (lambda: _long_sheet(120_000), "read"),
    ],
)
def test_xlsx_peak_memory(tmp_path: Path, build: Callable[[], bytes], match: str) -> None:
    """A 60 MB sheet, refused before it is unpacked; a sheet of 120,000 rows (7 MB of
    XML), read to the limit and no further."""
    megabytes, outcome = peak(tmp_path, build(), "xlsx")
    assert match in outcome
    assert megabytes < PEAK_MB
