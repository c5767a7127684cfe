"""Reading Excel workbooks: our own back to the same tables (a property over random
reports, both editions and languages), workbooks made by others in the official layout
(built here with openpyxl: tables at an offset, blank rows and columns, merged cells,
figures as text, formulas with and without their values, extra sheets), and what makes
a workbook unreadable."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import govdisclosure as gd
from govdisclosure import BLANK, Section
from tests.strategies import round_trips
from tests.test_read_html import html_reports

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent
SEED = gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")  # 2019 edition
INVENTED = gd.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")  # 2021 edition
TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
PROSE = ("$.report.overview", "$.report.problems", "$.report.other_matters")


def xlsx(report: gd.AnnualReport, locale: str = "zh_CN") -> bytes:
    data = gd.render(report, "xlsx", locale=locale)
    assert isinstance(data, bytes)
    return data


def saved(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def tables_of(report: gd.AnnualReport) -> list[gd.CellTable[Any, Any]]:
    return [report.table(section) for section in TABLES]


# --- our own workbooks ------------------------------------------------------------------


@pytest.mark.parametrize("report", [SEED, INVENTED], ids=["2019", "2021"])
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_our_workbook_reads_back(report: gd.AnnualReport, locale: str) -> None:
    result = gd.read(xlsx(report, locale))
    assert result.format == "xlsx"
    read = result.report
    assert tables_of(read) == tables_of(report)
    assert (read.organ, read.year, read.edition) == (report.organ, report.year, report.edition)
    assert (read.organ_kind, read.scope) == (report.organ_kind, report.scope)
    # The prose a workbook does not print: empty, and said so.
    assert (read.overview, read.problems, read.other_matters) == (gd.Overview(), (), ())
    missing = {note.location: note.action for note in result.notes_of("missing")}
    assert set(missing) == set(PROSE)
    assert all("a workbook prints only the tables" in action for action in missing.values())
    assert not result.guessed
    english = [note for note in result.notes_of("text") if "English layout" in note.action]
    assert bool(english) == (locale == "en")


def test_every_figure_says_its_sheet_and_cell() -> None:
    result = gd.read(xlsx(INVENTED))
    ref = result.source_of(Section.APPLICATIONS, 0)  # 一、本年新收·自然人
    assert ref is not None
    assert (ref.sheet, ref.cell) == ("三、收到和处理政府信息公开申请情况", "D6")
    assert ref.describe() == "工作表“三、收到和处理政府信息公开申请情况”D6 单元格"
    broken = attrs.evolve(
        INVENTED, applications=INVENTED.applications.with_cell("new", "total", 99)
    )
    result = gd.read(xlsx(broken))
    finding = next(f for f in gd.validate(result) if f.rule == "R3")
    assert next(r.cell for r in result.locate(finding)) == "J6"


@settings(max_examples=round_trips(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_reports(), st.sampled_from(["zh_CN", "en"]))
def test_any_reports_tables_read_back_from_its_workbook(
    report: gd.AnnualReport, locale: str
) -> None:
    """The three tables of a random report of either edition, in either language, read
    back exactly: blanks, marks, counts and changes of any size, amounts to their last
    digit in any unit, annotations, notes, extra rows and the 小计 column — what a
    printed table carries (see ``html_reports``: a sheet prints the grid a page does).
    A workbook prints no prose: only the tables are compared."""
    data = xlsx(report, locale)
    assert xlsx(report, locale) == data  # deterministic
    read = gd.read(data).report
    assert tables_of(read) == tables_of(report)
    assert (read.organ, read.year) == (report.organ, report.year)


# --- others' workbooks ----------------------------------------------------------------------


def _node_rows(section: Section) -> list[tuple[str, str, bool]]:
    """Every row of the 2021 form's table, groups too: (numbering, label, is a group)."""
    table = gd.layout(gd.Edition.V2021).table(section)
    return [
        (node.numbering, node.label, bool(node.children))
        for top in table.row_tree
        for node, _ in top.walk()
    ]


def _applications_sheet(sheet: Any) -> None:
    """Table 三 of the 2021 form at C5, as a county template prints it: one label
    column (C; D left empty under the corner), groups on rows of their own, figures in
    E to K — some typed as text, a total as a formula."""
    table = gd.layout(gd.Edition.V2021).applications
    sheet["B2"] = "某县教育局2021年政府信息公开工作年度报告"
    sheet.merge_cells("B2:K2")
    sheet["C5"] = table.corner
    sheet.merge_cells("C5:D7")
    sheet["E5"] = "申请人情况"
    sheet.merge_cells("E5:K5")
    sheet["E6"], sheet["F6"], sheet["K6"] = "自然人", "法人或其他组织", "总计"
    sheet.merge_cells("E6:E7")
    sheet.merge_cells("F6:J6")
    sheet.merge_cells("K6:K7")
    for column, node in zip("FGHIJ", table.columns_in_order[1:6], strict=True):
        sheet[f"{column}7"] = node.label
    row = 9  # row 8 left empty: nothing written in it
    for numbering, label, group in _node_rows(Section.APPLICATIONS):
        sheet[f"C{row}"] = numbering + label
        if not group:
            for column in "EFGHIJ":
                sheet[f"{column}{row}"] = 0
            sheet[f"K{row}"] = f"=SUM(E{row}:J{row})"
        row += 1
    # 一、本年新收: figures as people type them.
    sheet["E9"], sheet["F9"], sheet["G9"] = "12", "\uff13", "2 件"
    sheet["J9"] = None  # 其他: left empty


def _reviews_sheet(sheet: Any, top: int) -> None:
    """Table 四 at B{top}: its headers merged as the form's, one row of figures."""
    sheet[f"B{top}"], sheet[f"G{top}"] = "行政复议", "行政诉讼"
    sheet.merge_cells(f"B{top}:F{top}")
    sheet.merge_cells(f"G{top}:P{top}")
    sheet[f"G{top + 1}"], sheet[f"L{top + 1}"] = "未经复议直接起诉", "复议后起诉"
    sheet.merge_cells(f"G{top + 1}:K{top + 1}")
    sheet.merge_cells(f"L{top + 1}:P{top + 1}")
    results = [node.label for node in gd.layout(gd.Edition.V2021).reviews.column_tree]
    for index, letter in enumerate("BCDEF"):
        sheet[f"{letter}{top + 1}"] = results[index]
        sheet.merge_cells(f"{letter}{top + 1}:{letter}{top + 2}")
    for index, letter in enumerate("GHIJKLMNOP"):
        sheet[f"{letter}{top + 2}"] = results[index % 5]
    for index, letter in enumerate("BCDEFGHIJKLMNOP"):
        sheet[f"{letter}{top + 3}"] = [2, 1, 0, 1, 4][index % 5]


def _proactive_sheet(sheet: Any) -> None:
    """Table 二 of the 2021 form at B3, its blocks one under another, a row left empty
    between two of them, the fee a number formatted with two decimals."""
    table = gd.layout(gd.Edition.V2021).proactive
    row = 3
    figures = iter([1, 0, 4, 2, 1, 9, 1268, 37, 5, 1.5])
    for number, block in enumerate(table.blocks):
        assert block.caption is not None
        sheet[f"B{row}"] = block.caption.zh
        sheet.merge_cells(f"B{row}:E{row}")
        sheet[f"B{row + 1}"] = table.corner
        for column, node in zip("CDE", block.columns, strict=False):
            sheet[f"{column}{row + 1}"] = node.label
        for offset, node in enumerate(block.rows, start=2):
            sheet[f"B{row + offset}"] = node.label
            for column in "CDE"[: len(block.columns)]:
                sheet[f"{column}{row + offset}"] = next(figures)
        if len(block.columns) == 1:
            for line in range(row + 1, row + 2 + len(block.rows)):
                sheet.merge_cells(f"C{line}:E{line}")
        row += 2 + len(block.rows) + (1 if number == 0 else 0)
    sheet[f"C{row - 1}"].number_format = "0.00"


def _with_cached_values(data: bytes, values: dict[str, str]) -> bytes:
    """The workbook with the values a spreadsheet program computes saved with its
    formulas in ``values`` (by cell); openpyxl saves formulas without them."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                text = content.decode()
                for cell, value in values.items():
                    text = re.sub(
                        rf'(<c r="{cell}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(?:</v>)?',
                        rf"\g<1>\g<2><v>{value}</v>",
                        text,
                    )
                content = text.encode()
            target.writestr(info, content)
    return out.getvalue()


def others_workbook() -> bytes:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填表说明"
    notes["A1"], notes["A2"] = "填表说明", "请于次年1月20日前报送。"
    _proactive_sheet(book.create_sheet("主动公开"))
    sheet = book.create_sheet("统计表")
    _applications_sheet(sheet)
    _reviews_sheet(sheet, 45)
    # 一、本年新收: the total as computed and saved; 二、上年结转's saved without it.
    return _with_cached_values(saved(book), {"K9": "17", **{f"K{r}": "0" for r in range(11, 40)}})


def test_someone_elses_workbook_reads_with_notes() -> None:
    result = gd.read(others_workbook())
    report = result.report
    assert (report.organ, report.year, report.edition) == ("某县教育局", 2021, gd.Edition.V2021)
    applications = report.applications
    assert tuple(applications.row("new").values()) == (12, 3, 2, 0, 0, BLANK, 17)
    assert applications["carried_over", "total"] is BLANK  # a formula without its value
    assert applications["disclosed", "total"] == 0
    assert tuple(report.proactive.row("rules").values()) == (1, 0, 4)
    assert report.proactive["administrative_licensing", "decisions"] == 1268
    assert report.proactive["administrative_fees", "fee_amount"] == gd.Money("1.50", "万元")
    assert report.reviews.cells == (2, 1, 0, 1, 4) * 3

    [formula] = [n for n in result.notes_of("unplaced") if n.snippet.startswith("=")]
    assert formula.location == "$.report.applications.carried_over.total"
    assert formula.snippet == "=SUM(E10:J10)"
    assert "not 0" in formula.action
    assert formula.source is not None
    assert str(formula.source) == "统计表!K10"
    numbers = {(n.location, n.snippet) for n in result.notes_of("number")}
    assert ("$.report.applications.new.research", "2 件") in numbers
    left_out = [n for n in result.notes_of("layout") if n.snippet == "填表说明"]
    assert left_out
    assert "none of the report's tables" in left_out[0].action
    ref = result.source_of(Section.APPLICATIONS, 0)
    assert ref is not None
    assert ref.reference == "统计表!E9"
    assert not result.guessed
    # The checker sees the blank total as unchecked, not wrong.
    assert not [f for f in gd.validate(result).errors if f.rule == "R3"]


def _one_sheet(data: bytes, *, top: int = 4, left: int = 3, gap: int = 2) -> bytes:
    """Our workbook's three sheets copied onto one sheet, at an offset, with empty rows
    between them and no title but the first."""
    source = openpyxl.load_workbook(io.BytesIO(data))
    book = openpyxl.Workbook()
    target = book.active
    row = top
    for index, sheet in enumerate(source.worksheets):
        first = 1 if index == 0 else 2  # the title is printed once
        for line in sheet.iter_rows(min_row=first):
            for cell in line:
                if cell.value is not None:
                    copy = target.cell(row + cell.row - first, left + cell.column - 1)
                    copy.value = cell.value
                    copy.number_format = cell.number_format
        for merged in sheet.merged_cells.ranges:
            if merged.min_row >= first:
                target.merge_cells(
                    start_row=row + merged.min_row - first,
                    start_column=left + merged.min_col - 1,
                    end_row=row + merged.max_row - first,
                    end_column=left + merged.max_col - 1,
                )
        row += sheet.max_row - first + 1 + gap
    return saved(book)


@pytest.mark.parametrize("report", [SEED, INVENTED], ids=["2019", "2021"])
def test_three_tables_on_one_sheet_at_an_offset(report: gd.AnnualReport) -> None:
    result = gd.read(_one_sheet(xlsx(report)), "xlsx")
    assert tables_of(result.report) == tables_of(report)
    ref = result.source_of(Section.PROACTIVE, 0)
    assert ref is not None
    assert ref.cell is not None
    assert ref.cell.startswith("D")


def test_the_tables_without_headings_are_told_by_their_labels() -> None:
    """Without the sections' headings, each table starts at the first row that prints
    a label only it prints (信息内容, the 勾稽 note, 行政复议)."""
    data = _one_sheet(xlsx(INVENTED))
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.active
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and re.match(r"^[二三四]、", cell.value):
                cell.value = None
    assert tables_of(gd.read(saved(book)).report) == tables_of(INVENTED)


@pytest.mark.parametrize("report", [SEED, INVENTED], ids=["2019", "2021"])
def test_unmerged_cells_read_as_merged_ones(report: gd.AnnualReport) -> None:
    """Our workbook with every range unmerged (each label in its first cell, the cells
    it covered empty), as some tools save a template."""
    book = openpyxl.load_workbook(io.BytesIO(xlsx(report)))
    for sheet in book.worksheets:
        for merged in list(sheet.merged_cells.ranges):
            sheet.unmerge_cells(str(merged))
    assert tables_of(gd.read(saved(book)).report) == tables_of(report)


def test_a_table_printed_twice_is_refused() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx(SEED)))
    copy = book.copy_worksheet(book.worksheets[1])
    copy.title = "另一个单位"
    with pytest.raises(
        gd.ReadError, match=r"table 三 \(收到和处理政府信息公开申请情况\) is printed again"
    ):
        gd.read(saved(book))


def test_hidden_sheets_are_left_out_with_a_note() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx(SEED)))
    scratch = book.create_sheet("草稿")
    scratch["A1"] = "规章"
    scratch.sheet_state = "hidden"
    result = gd.read(saved(book))
    assert tables_of(result.report) == tables_of(SEED)
    [note] = [n for n in result.notes_of("layout") if n.snippet == "草稿"]
    assert note.action == "the sheet is hidden: not read"


def test_a_workbook_without_a_title_takes_organ_and_year_as_given() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx(SEED)))
    for sheet in book.worksheets:
        sheet["A1"] = None
    data = saved(book)
    with pytest.raises(gd.ReadError, match="pass organ= and year="):
        gd.read(data)
    result = gd.read(data, organ="中宁县民政局", year=2020)
    assert tables_of(result.report) == tables_of(SEED)


def test_a_number_shown_with_fewer_digits_than_it_holds_is_read_whole() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx(INVENTED)))
    fee = next(
        c
        for row in book.worksheets[0].iter_rows()
        for c in row
        if c.data_type == "n" and isinstance(c.value, float)
    )
    fee.value = 1.234
    fee.number_format = '0.00"万元"'
    result = gd.read(saved(book))
    assert result.report.proactive["administrative_fees", "fee_amount"] == gd.Money("1.234", "万元")
    [note] = [n for n in result.notes_of("number") if n.snippet == "1.234"]
    assert note.location == "$.report.proactive.administrative_fees.fee_amount"
    assert "shows 1.23" in note.action


def test_a_workbook_is_told_from_a_word_file_by_its_content(tmp_path: Path) -> None:
    data = xlsx(SEED)
    assert gd.read(data).format == "xlsx"
    assert gd.read(io.BytesIO(data)).format == "xlsx"
    assert gd.read(gd.render(SEED, "docx")).format == "docx"
    path = tmp_path / "report.bin"
    path.write_bytes(data)
    assert gd.read(path).format == "xlsx"
    with pytest.raises(gd.ReadError, match="not an Excel workbook"):
        gd.read(gd.render(SEED, "docx"), "xlsx")
