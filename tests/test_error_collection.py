"""Every problem at once: a table or a JSON document with several things wrong names each
of them, with where it is, in one error of the class the first problem has (so that code
catching that class still catches it), and each error reads in Chinese and in English."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.errors import combine

V21 = gd.Edition.V2021
BAD_CELLS: dict[str, dict[str, object]] = {
    "本年新收政府信息公开申请数量": {"自然人": -1},
    "（一）予以公开": {"商业企业": "many"},
    "四、结转下年度继续办理": {"总计": True},
}


def test_from_rows_names_every_bad_cell_with_its_place() -> None:
    with pytest.raises(gd.CellValueError) as caught:
        gd.ApplicationTable.from_rows(V21, BAD_CELLS)
    err = caught.value
    places = [(e.table, e.row, e.column, e.value) for e in err.errors]
    assert places == [
        ("三", "new", "natural_person", -1),
        ("三", "disclosed", "commercial", "many"),
        ("三", "carried_forward", "total", True),
    ]
    # The error is the first problem's, its message lists the others after it.
    assert (err.row, err.column) == ("new", "natural_person")
    text = str(err)
    assert text.startswith(
        "table 三, row 'new' (本年新收政府信息公开申请数量), column 'natural_person'"
    )
    assert "and 2 more:" in text
    assert "row 'disclosed'" in text
    assert "column 'total' (总计)" in text


def test_code_that_caught_the_first_error_still_catches() -> None:
    # A bad label first: an UnknownLabelError (a KeyError) as before, the bad cells listed.
    rows: dict[str, Any] = {"不存在的行": {"自然人": 1}, **BAD_CELLS}
    with pytest.raises(KeyError) as caught:
        gd.ApplicationTable.from_rows(V21, rows)
    assert isinstance(caught.value, gd.UnknownLabelError)
    assert len(caught.value.errors) == 4
    assert all(isinstance(e, gd.CellValueError) for e in caught.value.errors[1:])


def test_one_problem_reads_as_it_always_did() -> None:
    with pytest.raises(gd.CellValueError) as caught:
        gd.ApplicationTable.from_rows(V21, {"new": {"total": -1}})
    assert caught.value.errors == (caught.value,)
    assert "more" not in str(caught.value)


def test_a_table_built_directly_names_every_bad_cell() -> None:
    cells = list(gd.ReviewTable.zeros(V21).cells)
    cells[0], cells[7] = -3, gd.Money("1", "元")
    with pytest.raises(gd.CellValueError) as caught:
        gd.ReviewTable(V21, tuple(cells))
    assert [e.value for e in caught.value.errors] == [-3, gd.Money("1", "元")]


def test_a_collected_error_pickles_whole() -> None:
    with pytest.raises(gd.CellValueError) as caught:
        gd.ApplicationTable.from_rows(V21, BAD_CELLS)
    again = pickle.loads(pickle.dumps(caught.value))
    assert str(again) == str(caught.value)
    assert [e.row for e in again.errors] == ["new", "disclosed", "carried_forward"]


def _document_with_problems() -> str:
    data = gd.to_dict(gd.AnnualReport(organ="某县统计局", year=2022))
    report = data["report"]
    report["year"] = "2022"
    report["applications"]["disclosed"]["total"] = -1
    report["reviews"]["review"]["total"] = 1.5
    report["problems"] = ["一", 2]
    return json.dumps(data, ensure_ascii=False)


def test_the_json_loader_names_every_bad_field_with_its_path() -> None:
    with pytest.raises(gd.JSONFormatError) as caught:
        gd.loads(_document_with_problems(), source="report.json")
    err = caught.value
    assert err.path == "$.report.year"  # the first, as before
    assert [e.path for e in err.errors] == [
        "$.report.year",
        "$.report.applications.disclosed.total",
        "$.report.reviews.review.total",
        "$.report.problems[1]",
    ]
    text = str(err)
    assert text.startswith("report.json: $.report.year: expected an integer, got '2022'")
    for single in err.errors[1:]:
        assert f"  - {single.path}: " in text
    assert text.count("report.json") == 1  # the source once, the paths in every line


def test_from_dict_reports_the_same_problems() -> None:
    data = json.loads(_document_with_problems())
    with pytest.raises(gd.JSONFormatError) as caught:
        gd.from_dict(data)
    assert len(caught.value.errors) == 4


# --- Chinese messages -------------------------------------------------------------------


def test_errors_read_in_chinese_and_english() -> None:
    with pytest.raises(gd.CellValueError) as caught:
        gd.ApplicationTable.from_rows(V21, BAD_CELLS)
    err = caught.value
    assert err.message("en") == err.message_en == str(err)
    chinese = err.message("zh_CN")
    assert chinese == err.message_zh == err.message()
    assert chinese.startswith("表三，行 'new'（本年新收政府信息公开申请数量）")
    assert "应为件数" in chinese
    assert "另有 2 处：" in chinese
    assert "expected" not in chinese


def test_model_and_json_errors_have_chinese_messages() -> None:
    with pytest.raises(gd.ReportValueError) as model:
        gd.AnnualReport(organ="某局", year=1999)
    assert model.value.message_zh == "年份必须在 2008 与 9999 之间，实际为 1999"
    assert str(model.value) == "year must be between 2008 and 9999, got 1999"
    with pytest.raises(gd.JSONFormatError) as document:
        gd.loads(_document_with_problems())
    assert document.value.message_zh.startswith("$.report.year: 应为整数，实际为 '2022'")


def test_an_error_raised_with_text_shows_it_in_every_locale() -> None:
    err = gd.ReportValueError("something English")
    assert err.message_zh == err.message_en == "something English"


def test_combine_of_one_is_that_one() -> None:
    err = gd.ReportValueError("a")
    assert combine([err]) is err


# --- load() of a document that is no JSON ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("report.docx", b"PK\x03\x04rest of a zip", "DOCX"),
        ("report.xlsx", b"PK\x03\x04rest of a zip", "XLSX"),
        ("report.bin", b"PK\x03\x04rest of a zip", "DOCX/XLSX"),
        ("report.pdf", b"%PDF-1.7\n", "PDF"),
        ("page.json", b"<!DOCTYPE html><html></html>", "HTML"),
        ("page", "\ufeff<html><body></body></html>".encode(), "HTML"),
        ("report.txt", "某局2022年政府信息公开工作年度报告".encode(), "text"),
        ("report.md", b"# title", "Markdown"),
    ],
)
def test_load_of_another_format_says_to_use_read(
    tmp_path: Path, name: str, data: bytes, fmt: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(gd.JSONFormatError) as caught:
        gd.load(path)
    assert f"this is a {fmt} document" in str(caught.value)
    assert "read it with govdisclosure.read()" in str(caught.value)
    assert "govdisclosure.read()" in caught.value.message_zh


def test_a_json_file_of_another_name_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    report = gd.AnnualReport(organ="某局", year=2022)
    path.write_text(gd.dumps(report), encoding="utf-8")
    assert gd.load(path) == report
