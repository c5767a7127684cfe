"""The writers: CSV, JSON Lines and Excel read back to the same rows, with a byte order
mark, with every text from a document harmless in a spreadsheet, with the same bytes
every time, written as the rows come and atomically."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import tracemalloc
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import govdisclosure as gd
from govdisclosure import BLANK, Money, NotApplicable
from govdisclosure.batch import BatchItem, Checked
from govdisclosure.errors import FormatNotAvailable, OptionError
from govdisclosure.export import (
    FINDING_COLUMNS,
    RECORD_COLUMNS,
    SUMMARY_COLUMNS,
    Column,
    neutralise,
    restore,
    write_findings,
    write_records,
    write_wide,
    xlsxio,
)
from govdisclosure.export.columns import MONEY, TEXT, VALUE
from govdisclosure.export.findings import item_rows
from govdisclosure.export.records import record_rows
from govdisclosure.export.wide import wide_rows
from govdisclosure.stablezip import STAMP
from govdisclosure.tables import ExtraRow
from tests.strategies import reports

openpyxl = pytest.importorskip("openpyxl")

SEED = "examples/zhongning-minzheng-2020.json"
PROPERTY = settings(max_examples=20, deadline=None)
#: What documents print that a spreadsheet would take for a formula (or an error).
HOSTILE = ["=1+2", '=HYPERLINK("http://x")', "+SUM(A1)", "-2+3", "@cmd", "\tx", "\r=1",
           "\uff1d1", "'quoted", "#N/A", "－5"]  # fmt: skip


#: The first characters a spreadsheet reads as the start of a formula.
RISKY = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def _report(organ: str = "中宁县民政局") -> gd.AnnualReport:
    return attrs.evolve(gd.load(SEED), organ=organ)


def _broken(organ: str = "中宁县民政局") -> gd.AnnualReport:
    report = _report(organ)
    return attrs.evolve(
        report, applications=report.applications.with_cell("（七）总计", "自然人", 3)
    )


def _checked(report: gd.AnnualReport, source: str = "a.json") -> Checked:
    return Checked(source, report, gd.validate(report))


# --- what each format makes of a value --------------------------------------------------------


def _csv_field(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        risky = column.type in (VALUE, MONEY) or (column.type == TEXT and not column.trusted)
        return neutralise(value) if risky else value
    return str(value)


def _json_value(value: Any) -> Any:
    return format(value, "f") if isinstance(value, Decimal) else value


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", value)
        units = text.encode("utf-16-le")
        if len(units) <= 2 * 32767:
            return text
        kept = units[: 2 * (32767 - len(xlsxio._CUT))].decode("utf-16-le", "ignore")
        return kept + xlsxio._CUT
    if type(value) is int and not -(10**15) < value < 10**15:
        return str(value)
    if isinstance(value, Decimal):
        exact = Decimal(format(float(value), ".16g")) == value
        return float(value) if exact else format(value, "f")
    return value


def _read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _read_xlsx(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _sheet_values(sheet: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def _same_number(read: Any, expected: Any) -> bool:
    if isinstance(expected, float):
        return isinstance(read, (int, float)) and float(read) == expected
    return bool(read == expected)


def _written(write: Any, *args: Any, **kwargs: Any) -> bytes:
    out = io.BytesIO()
    write(*args, out, **kwargs)
    return out.getvalue()


# --- round trips ------------------------------------------------------------------------------


@PROPERTY
@given(reports())
def test_records_read_back_from_csv_and_json_lines(report: gd.AnnualReport) -> None:
    rows = list(record_rows(report, "r.json"))
    data = _written(write_records, [BatchItem(0, "r.json", value=report)], fmt="csv")
    header, *lines = _read_csv(data)
    assert header == [c.key for c in RECORD_COLUMNS]
    assert lines == [
        [_csv_field(c, v) for c, v in zip(RECORD_COLUMNS, row, strict=False)] for row in rows
    ]
    data = _written(write_records, [BatchItem(0, "r.json", value=report)], fmt="jsonl")
    assert not data.startswith(codecs.BOM_UTF8)
    read = [json.loads(line) for line in data.decode("utf-8").split("\n")[:-1]]
    keys = [c.key for c in RECORD_COLUMNS]
    assert read == [{k: _json_value(v) for k, v in zip(keys, row, strict=False)} for row in rows]
    assert all(list(item) == keys for item in read)


@settings(max_examples=8, deadline=None)
@given(reports())
def test_records_read_back_from_excel(report: gd.AnnualReport) -> None:
    rows = list(record_rows(report))
    book = _read_xlsx(_written(write_records, report, fmt="xlsx"))
    (sheet,) = book.worksheets
    header, *read = _sheet_values(sheet)
    assert header == tuple(c.zh for c in RECORD_COLUMNS)
    assert len(read) == len(rows)
    for got, row in zip(read, rows, strict=True):
        for value, expected in zip(got, map(_xlsx_value, row), strict=True):
            assert _same_number(value, expected), (value, expected)


@PROPERTY
@given(reports())
def test_the_wide_form_reads_back_from_csv(report: gd.AnnualReport) -> None:
    columns, rows = wide_rows([report])
    (row,) = rows
    header, line = _read_csv(_written(write_wide, [report], fmt="csv"))
    assert header == [c.key for c in columns]
    assert line == [_csv_field(c, v) for c, v in zip(columns, row, strict=False)]


def test_the_wide_form_reads_back_from_excel_with_a_header_per_language() -> None:
    reports_ = [_report(), gd.AnnualReport(organ="某县教育局", year=2023)]
    columns, rows = wide_rows(reports_, union=True)
    expected = list(rows)
    for headers in ("zh", "en", "keys"):
        book = _read_xlsx(_written(write_wide, reports_, fmt="xlsx", union=True, headers=headers))
        (sheet,) = book.worksheets
        assert sheet.title == ("报告" if headers == "zh" else "reports")
        header, *read = _sheet_values(sheet)
        assert header == tuple(c.header(headers) for c in columns)
        for got, row in zip(read, expected, strict=True):
            assert all(_same_number(v, _xlsx_value(e)) for v, e in zip(got, row, strict=True))


def test_findings_read_back_from_every_format() -> None:
    items = [
        BatchItem(0, "a.json", value=_checked(_broken("=cmd|' /C calc'!A0"))),
        BatchItem(1, "b.pdf", error=gd.ReadError("no text layer", source="b.pdf")),
        BatchItem(2, "c.json", value=_checked(_report())),
    ]
    heads, rows = [], []
    for item in items:
        head, found = item_rows(item)
        heads.append(head)
        rows += found
    header, *lines = _read_csv(_written(write_findings, items, fmt="csv"))
    assert header == [c.key for c in FINDING_COLUMNS]
    assert lines == [
        [_csv_field(c, v) for c, v in zip(FINDING_COLUMNS, row, strict=False)] for row in rows
    ]
    read = [json.loads(line) for line in _written(write_findings, items, fmt="jsonl").splitlines()]
    keys = [c.key for c in FINDING_COLUMNS]
    assert read == [{k: _json_value(v) for k, v in zip(keys, row, strict=False)} for row in rows]
    book = _read_xlsx(_written(write_findings, items, fmt="xlsx"))
    assert book.sheetnames == ["汇总", "检查结果"]
    summary, findings = book.worksheets
    assert _sheet_values(summary) == [tuple(c.zh for c in SUMMARY_COLUMNS), *heads]
    assert _sheet_values(findings)[0] == tuple(c.zh for c in FINDING_COLUMNS)
    assert _sheet_values(findings)[1:] == [tuple(map(_xlsx_value, row)) for row in rows]
    for sheet, count in ((summary, len(heads)), (findings, len(rows))):
        assert sheet.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{count + 1}"
        assert sheet.column_dimensions["A"].width == 28
    assert write_findings(items, io.BytesIO(), fmt="xlsx") == len(rows)
    english = _read_xlsx(_written(write_findings, items, fmt="xlsx", headers="en"))
    assert english.sheetnames == ["summary", "findings"]
    assert _sheet_values(english.worksheets[1])[0] == tuple(c.en for c in FINDING_COLUMNS)


# --- injection --------------------------------------------------------------------------------


@given(st.text())
def test_neutralising_can_be_undone_and_leaves_nothing_risky(text: str) -> None:
    assert restore(neutralise(text)) == text
    assert neutralise(text)[:1] not in RISKY


def _hostile_report(organ: str) -> gd.AnnualReport:
    report = _report(organ)
    extra = ExtraRow(organ, (1, 0, 0, 0, 0, 0, NotApplicable("-")), after="other_handling")
    apps = report.applications.with_annotation("new", "natural_person", organ)
    return attrs.evolve(report, applications=attrs.evolve(apps, extra_rows=(extra,)))


@pytest.mark.parametrize("organ", HOSTILE)
def test_no_text_from_a_document_becomes_a_formula_in_csv(organ: str) -> None:
    lines = _read_csv(_written(write_records, _hostile_report(organ), fmt="csv"))
    organs = {line[1] for line in lines[1:]}
    assert organs == {neutralise(organ)}
    # OWASP's characters, and a quote (so that one can always be taken off again); "#"
    # is no formula (Excel shows a text "#N/A" as its error value, as it would anyway).
    assert neutralise(organ).startswith("'") is (organ[:1] in RISKY | {"'"})
    labels = {line[12] for line in lines[1:] if line[8] == "extra_row"}
    assert labels == {neutralise(organ)}
    annotations = {line[23] for line in lines[1:] if line[23]}
    assert annotations == {neutralise(organ)}
    # The mark "-" too: a lone minus is where a formula would start.
    assert "'-" in {line[22] for line in lines[1:]}
    for line in lines[1:]:
        assert all(field[:1] not in RISKY for field in line if not _is_number(field))


def _is_number(field: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?", field) is not None


@pytest.mark.parametrize("organ", HOSTILE)
def test_no_text_from_a_document_becomes_a_formula_in_excel(organ: str) -> None:
    items = [_checked(_broken(organ))]
    data = _written(write_findings, items, fmt="xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        for name in sheets:
            xml = archive.read(name).decode()
            assert "<f>" not in xml
            assert "<f " not in xml
            assert 't="e"' not in xml
    book = _read_xlsx(data)
    for sheet in book.worksheets:
        cell = sheet["B2"]
        assert (cell.value, cell.data_type) == (_xlsx_value(organ), "s")
        risky = organ[:1] in RISKY | {"#"}
        assert cell.quotePrefix is risky
    records = _read_xlsx(_written(write_records, _hostile_report(organ), fmt="xlsx")).worksheets[0]
    assert {c.value for c in records["B"][1:]} == {_xlsx_value(organ)}
    assert {c.data_type for c in records["B"][1:]} == {"s"}


def test_figures_excel_cannot_hold_are_text_and_text_it_cannot_hold_is_marked() -> None:
    report = gd.AnnualReport.blank("局\x01" + "长" * 40_000, 2020)
    proactive = report.proactive.with_rows(
        {
            "行政许可": [2**62, -(2**60), 999_999_999_999_999],
            "政府集中采购": [1, Money("12345678901234567890.123", "元")],
        }
    )
    report = attrs.evolve(report, proactive=proactive)
    sheet = _read_xlsx(_written(write_records, report, fmt="xlsx")).worksheets[0]
    values = {(row[11], row[14]): row[20] for row in _sheet_values(sheet)[1:]}
    assert values["administrative_licensing", "previous_items"] == str(2**62)
    assert values["administrative_licensing", "change"] == str(-(2**60))
    assert values["administrative_licensing", "decisions"] == 999_999_999_999_999
    assert values["centralized_procurement", "procurement_amount"] == "12345678901234567890.123"
    organ = sheet["B2"].value
    assert len(organ) == 32767  # Excel's limit, in UTF-16 code units
    assert organ.startswith("局\ufffd长")
    assert organ.endswith(xlsxio._CUT)
    # Beyond the BMP a character counts two, and no half of one is left at the cut.
    report = gd.AnnualReport.blank("𠮷" * 20_000, 2020)
    organ = _read_xlsx(_written(write_records, report, fmt="xlsx")).worksheets[0]["B2"].value
    assert len(organ.encode("utf-16-le")) // 2 == 32766
    assert organ == "𠮷" * ((32767 - len(xlsxio._CUT)) // 2) + xlsxio._CUT


# --- the same bytes every time -----------------------------------------------------------------


class _Pipe(io.RawIOBase):
    """A stream that cannot seek (a pipe, standard output)."""

    def __init__(self) -> None:
        super().__init__()
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.data += bytes(data)
        return len(data)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
def test_the_same_input_writes_the_same_bytes(fmt: str, tmp_path: Path) -> None:
    items = [_checked(_broken()), _checked(_report(), "b.json")]
    for write in (write_findings, write_records, write_wide):
        first = _written(write, items, fmt=fmt)
        assert first == _written(write, items, fmt=fmt)
        path = tmp_path / f"out.{fmt}"
        write(items, path)
        assert path.read_bytes() == first
        pipe = _Pipe()
        write(items, pipe, fmt=fmt)
        assert bytes(pipe.data) == first
    if fmt == "xlsx":
        with zipfile.ZipFile(io.BytesIO(first)) as archive:
            assert {info.date_time for info in archive.infolist()} == {STAMP}
            core = archive.read("docProps/core.xml").decode()
            assert core.count("1980-01-01T00:00:00Z") == 2


def test_csv_has_a_byte_order_mark_and_crlf() -> None:
    data = _written(write_records, _report(), fmt="csv")
    assert data.startswith(codecs.BOM_UTF8)
    assert data.count(b"\r\n") == 1 + len(list(record_rows(_report())))
    assert b"\n" not in data.replace(b"\r\n", b"")


# --- streaming, atomically --------------------------------------------------------------------


class _Watched(io.BytesIO):
    pass


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_rows_are_written_as_the_reports_come(fmt: str) -> None:
    out = _Watched()
    report = _report()

    def many() -> Iterator[gd.AnnualReport]:
        for number in range(300):
            if number == 200:  # long before the last: the first rows are out already
                assert out.tell() > 0
            yield report

    assert write_records(many(), out, fmt=fmt) == 300 * len(list(record_rows(report)))


def _peak(count: int) -> int:
    result = gd.validate(_broken()).filter(rule="R2")
    report = _broken()

    def items() -> Iterator[Checked]:
        for number in range(count):
            yield Checked(f"{number}.json", report, result)

    tracemalloc.start()
    try:
        write_findings(items(), io.BytesIO(), fmt="xlsx")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_workbook_does_not_hold_its_rows_in_memory() -> None:
    small, large = _peak(200), _peak(2_000)
    # Ten times the rows, not ten times the memory: the sheets wait in temporary files.
    assert large < small * 2, (small, large)


def _sheet_temporaries() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("openpyxl.*")}


def test_a_batch_that_fails_halfway_leaves_the_old_file(tmp_path: Path) -> None:
    before = _sheet_temporaries()
    for fmt in ("csv", "jsonl", "xlsx"):
        path = tmp_path / f"cells.{fmt}"
        path.write_bytes(b"last week's export")

        def failing() -> Iterator[gd.AnnualReport]:
            yield _report()
            raise gd.ReadError("the second report is broken", source="b.pdf")

        with pytest.raises(gd.ReadError, match="second report"):
            write_records(failing(), path)
        assert path.read_bytes() == b"last week's export"
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            f"cells.{f}"
            for f in ("csv", "jsonl", "xlsx")[: ("csv", "jsonl", "xlsx").index(fmt) + 1]
        )
    assert _sheet_temporaries() <= before  # the unfinished workbook's sheets are removed


def test_a_sheet_that_is_full_goes_on_to_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxio, "MAX_ROWS", 50)
    rows = list(record_rows(_report()))
    book = _read_xlsx(_written(write_records, _report(), fmt="xlsx"))
    assert book.sheetnames[:3] == ["单元格", "单元格 (2)", "单元格 (3)"]
    read = []
    for sheet in book.worksheets:
        header, *values = _sheet_values(sheet)
        assert header == tuple(c.zh for c in RECORD_COLUMNS)
        assert len(values) <= 49
        assert sheet.auto_filter.ref.endswith(str(len(values) + 1))
        read += values
    assert len(read) == len(rows)
    assert [row[10] for row in read] == [row[10] for row in rows]


# --- options and what is missing --------------------------------------------------------------


def test_the_format_comes_from_the_suffix_or_is_named(tmp_path: Path) -> None:
    report = _report()
    assert write_records(report, tmp_path / "a.CSV") == len(list(record_rows(report)))
    assert (tmp_path / "a.CSV").read_bytes().startswith(codecs.BOM_UTF8)
    with pytest.raises(OptionError, match=r"cannot tell the format of .*a\.txt"):
        write_records(report, tmp_path / "a.txt")
    with pytest.raises(OptionError, match="a stream has no suffix"):
        write_records(report, io.BytesIO())
    with pytest.raises(OptionError, match="fmt must be one of csv, jsonl, xlsx, got 'xls'"):
        write_records(report, io.BytesIO(), fmt="xls")
    with pytest.raises(OptionError, match="headers must be one of keys, zh, en"):
        write_records(report, io.BytesIO(), fmt="csv", headers="de")
    with pytest.raises(OptionError, match="JSON Lines are keyed"):
        write_records(report, io.BytesIO(), fmt="jsonl", headers="zh")
    with pytest.raises(OptionError, match="expected a path or a binary stream"):
        write_records(report, b"bytes", fmt="csv")  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.CSV"]
    zh = _read_csv(_written(write_records, report, fmt="csv", headers="zh"))[0]
    assert zh == [c.zh for c in RECORD_COLUMNS]


def test_excel_without_openpyxl_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(FormatNotAvailable, match=r"pip install 'govdisclosure\[xlsx\]'"):
        write_records(_report(), io.BytesIO(), fmt="xlsx")
    assert write_records(_report(), io.BytesIO(), fmt="csv") > 0  # CSV needs nothing


def test_importing_the_exports_imports_neither_pandas_nor_openpyxl() -> None:
    code = (
        "import sys, govdisclosure.export as e; "
        "print(sorted(m for m in ('pandas', 'openpyxl') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_blank_marks_and_money_keep_their_difference_in_every_format() -> None:
    report = gd.AnnualReport.blank("某局", 2020)
    report = attrs.evolve(
        report,
        proactive=report.proactive.with_rows(
            {"行政许可": [0, BLANK, NotApplicable("/")], "政府集中采购": [0, Money("1.50", "万元")]}
        ),
    )
    wanted = {
        "previous_items": ("count", "0"),
        "change": ("blank", ""),
        "decisions": ("not_applicable", ""),
    }
    lines = _read_csv(_written(write_records, report, fmt="csv"))[1:]
    got = {
        line[14]: (line[19], line[20]) for line in lines if line[11] == "administrative_licensing"
    }
    assert got == wanted
    amount = next(line for line in lines if line[14] == "procurement_amount")
    assert (amount[19], amount[20], amount[21]) == ("money", "1.50", "wan_yuan")
