"""Writing Excel workbooks: the three tables laid out like the official form (merged
cells from the grid every format prints, number formats, blanks left empty), the same
bytes every time, and what happens without openpyxl."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import govdisclosure as gd
from govdisclosure.renderers.document import Table, build_document
from govdisclosure.renderers.xlsxsheet import number_cell, sheet_name
from tests.strategies import amounts

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent
SEED = gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")  # 2019 edition
INVENTED = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")  # 2021 edition
TABLES = (gd.Section.PROACTIVE, gd.Section.APPLICATIONS, gd.Section.REVIEWS)


def xlsx(report: gd.AnnualReport, locale: str = "zh_CN") -> bytes:
    data = gd.render(report, "xlsx", locale=locale)
    assert isinstance(data, bytes)
    return data


def workbook(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _grids(report: gd.AnnualReport, locale: str) -> list[tuple[str, Any]]:
    """Each table's section heading and grid, as every format prints them."""
    doc = build_document(report, locale)
    heading, out = "", []
    for block in doc.blocks:
        if isinstance(block, Table):
            out.append((heading, block.grid))
        elif getattr(block, "level", 0) == 1:
            heading = block.text
    return out


# --- the layout ---------------------------------------------------------------------------


@pytest.mark.parametrize("report", [SEED, INVENTED], ids=["2019", "2021"])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_one_sheet_per_table_merged_as_the_grid(report: gd.AnnualReport, locale: str) -> None:
    """Each sheet: the title, the heading, then the grid, every span of it a merged
    range and every text where the grid has it (the labels come from the layout, not
    from the renderer)."""
    book = workbook(xlsx(report, locale))
    grids = _grids(report, locale)
    assert book.sheetnames == [sheet_name(heading) for heading, _ in grids]
    title = build_document(report, locale).title
    for sheet, (heading, grid) in zip(book.worksheets, grids, strict=True):
        assert sheet["A1"].value == title
        assert sheet["A2"].value == heading
        expected = {f"A1:{openpyxl.utils.get_column_letter(grid.columns)}1"}
        expected.add(f"A2:{openpyxl.utils.get_column_letter(grid.columns)}2")
        for offset, (cells, line) in enumerate(zip(grid.rows, grid.matrix(), strict=True)):
            row = 3 + offset
            starts = [c for c, (_, first) in enumerate(line) if first]
            for column, cell in zip(starts, cells, strict=True):
                if cell.row_span > 1 or cell.col_span > 1:
                    first = openpyxl.utils.get_column_letter(column + 1)
                    last = openpyxl.utils.get_column_letter(column + cell.col_span)
                    expected.add(f"{first}{row}:{last}{row + cell.row_span - 1}")
                if cell.role.value != "number":
                    assert sheet.cell(row, column + 1).value == (cell.text or None)
        merged = {str(r) for r in sheet.merged_cells.ranges}
        assert merged == expected, heading


def test_the_corner_note_and_the_groups_of_table_three() -> None:
    sheet = workbook(xlsx(INVENTED)).worksheets[1]
    table = gd.layout(gd.Edition.V2021).applications
    assert sheet["A3"].value == table.corner  # the 勾稽 note, where the form prints it
    assert "A3:C5" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["D3"].value == "申请人情况"
    assert (sheet["D4"].value, sheet["E4"].value, sheet["J4"].value) == (
        "自然人",
        "法人或其他组织",
        "总计",
    )
    assert sheet["A8"].alignment.text_rotation == 255  # 三、本年度办理结果, down its column
    assert sheet.freeze_panes == "D6"
    assert sheet.print_title_rows == "$3:$5"


def test_table_four_is_printed_in_landscape_across_fifteen_columns() -> None:
    sheets = workbook(xlsx(SEED)).worksheets
    assert [s.page_setup.orientation for s in sheets] == ["portrait", "portrait", "landscape"]
    reviews = sheets[2]
    assert {"A3:E3", "F3:O3", "F4:J4", "K4:O4"} <= {str(r) for r in reviews.merged_cells.ranges}
    assert reviews.max_column == 15
    assert all(s.sheet_properties.pageSetUpPr.fitToPage for s in sheets)


def test_figures_are_numbers_in_the_forms_formats_and_blanks_stay_empty() -> None:
    report = attrs.evolve(
        SEED,
        proactive=SEED.proactive.with_cell("administrative_licensing", "change", -50).with_cell(
            "centralized_procurement", "procurement_amount", gd.Money("6165711.50", "元")
        ),
        applications=SEED.applications.with_cell("new", "research", gd.NotApplicable("/")),
    )
    sheets = workbook(xlsx(report)).worksheets
    proactive, applications, reviews = sheets
    cells = {c.value: c for row in proactive.iter_rows() for c in row if c.value is not None}
    assert cells[-50].number_format == "+0;-0;0"
    assert cells[6165711.5].number_format == '0.00" 元"'
    new = applications[6]
    assert [c.value for c in new[3:10]][:3] == [
        report.applications["new", "natural_person"],
        0,
        "/",
    ]
    assert new[3].number_format == "0"
    assert new[3].data_type == "n"
    # 行政复议 is blank in the seed: empty cells, not 0.
    assert [c.value for c in reviews[6][:5]] == [None] * 5


def test_the_2021_fee_is_money_shown_without_the_unit_its_header_states() -> None:
    # 本年收费金额（单位：万元）: an amount in 万元 shows its digits, one in 元 its unit.
    for amount, shows in (("1.50", ("0.00", "#,##0.00")), ("12500", ('0" 元"', '#,##0" yuan"'))):
        unit = "万元" if "." in amount else "元"
        report = attrs.evolve(
            INVENTED,
            proactive=INVENTED.proactive.with_cell(
                "administrative_fees", "fee_amount", gd.Money(amount, unit)
            ),
        )
        for locale, code in zip(("zh_CN", "en"), shows, strict=True):
            sheet = workbook(xlsx(report, locale)).worksheets[0]
            fee = next(c for row in sheet.iter_rows() for c in row if c.value == float(amount))
            assert fee.number_format == code


def test_annotated_figures_marks_and_huge_figures_are_text_as_printed() -> None:
    big = 10**16 + 1  # beyond the 15 digits Excel keeps
    applications = SEED.applications.with_cell("new", "natural_person", big)
    applications = attrs.evolve(applications, annotations=((1, "其中来信2件"),))
    sheet = workbook(xlsx(attrs.evolve(SEED, applications=applications))).worksheets[1]
    row = [c.value for c in sheet[6][3:6]]
    assert row[0] == str(big)
    assert row[1] == f"{SEED.applications.cells[1]}（其中来信2件）"


def test_text_that_starts_like_a_formula_stays_text() -> None:
    proactive = attrs.evolve(SEED.proactive, notes=("=HYPERLINK(1)", "+1"))
    sheet = workbook(xlsx(attrs.evolve(SEED, proactive=proactive))).worksheets[0]
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "=HYPERLINK(1)" in values
    assert "+1" in values
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


@settings(max_examples=200, deadline=None)
@given(amounts())
def test_an_amount_is_a_number_only_when_excel_holds_it_to_its_last_digit(amount: Decimal) -> None:
    money = gd.Money(amount, "万元")
    cell = number_cell(money, gd.CellKind.MONEY, "zh_CN")
    if cell is None:
        return
    number, code = cell
    places = re.fullmatch(r'0(?:\.(0+))?" 万元"', code)
    assert places is not None
    shown = Decimal(repr(number)).quantize(Decimal(1).scaleb(-len(places[1] or "")))
    assert shown.as_tuple() == money.amount.as_tuple()


# --- the package --------------------------------------------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([SEED, INVENTED]), st.sampled_from(["zh_CN", "en"]))
def test_the_same_report_makes_the_same_bytes(report: gd.AnnualReport, locale: str) -> None:
    assert xlsx(report, locale) == xlsx(report, locale)


def test_the_package_is_stamped_from_the_report_not_the_clock() -> None:
    data = xlsx(SEED)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
        custom = archive.read("docProps/custom.xml").decode()
    stamp = "2021-01-01T00:00:00Z"  # the seed is not dated: the day after its year
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == [stamp, stamp]
    assert re.search(r"<dc:creator[^>]*>中宁县民政局</dc:creator>", core)
    assert 'name="govdisclosure.organ_kind"' in custom
    assert "department" in custom
    properties = workbook(data).properties
    assert properties.title == SEED.title


def test_render_to_a_file_by_its_extension(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    gd.render_to(SEED, target)
    assert target.read_bytes() == xlsx(SEED)
    assert gd.get_format("xlsx").media_type.endswith("spreadsheetml.sheet")
    with pytest.raises(gd.OptionError, match="takes no options"):
        gd.render(SEED, "xlsx", preset=None)


def test_without_openpyxl_rendering_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    data = xlsx(SEED)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(gd.FormatNotAvailable, match=r"pip install 'govdisclosure\[xlsx\]'"):
        gd.render(SEED, "xlsx")
    # Reading needs no openpyxl: the workbook is read with lxml.
    assert gd.read(data).report.applications == SEED.applications
