"""An unknown label, key or value names what was probably meant, and errors about a value
from a short list list the values allowed."""

from __future__ import annotations

import json

import pytest

import govdisclosure as gd


def test_an_unknown_row_label_names_the_closest_of_the_table() -> None:
    table = gd.ApplicationTable.zeros(gd.Edition.V2021)
    with pytest.raises(gd.UnknownLabelError) as caught:
        table.with_cell("本年新收政府信息申请数量", "自然人", 1)
    text = str(caught.value)
    assert "table 三 (2021 edition) has no row '本年新收政府信息申请数量'" in text
    assert text.endswith("— did you mean '本年新收政府信息公开申请数量'?")
    assert caught.value.message_zh.endswith("是否应为 '本年新收政府信息公开申请数量'？")


def test_an_unknown_column_names_the_closest_key() -> None:
    table = gd.ReviewTable.zeros(gd.Edition.V2019)
    with pytest.raises(gd.UnknownLabelError, match="did you mean '结果维持'"):
        table["review", "结果未持"]
    with pytest.raises(gd.UnknownLabelError, match="did you mean 'upheld'"):
        table["review", "uphled"]


def test_the_edition_prints_the_labels_suggested() -> None:
    # Table 二 prints 本年新制作数量 in 2019 and 本年制发件数 from 2021.
    with pytest.raises(gd.UnknownLabelError) as old:
        gd.ProactiveTable.zeros(gd.Edition.V2019)["规章", "本年新制作数"]
    assert "(2019 edition)" in str(old.value)
    assert "did you mean '本年新制作数量'" in str(old.value)


def test_nothing_close_suggests_nothing() -> None:
    with pytest.raises(gd.UnknownLabelError) as caught:
        gd.ApplicationTable.zeros(gd.Edition.V2021)["完全无关", "total"]
    assert "did you mean" not in str(caught.value)


def test_a_short_enum_lists_every_value_allowed() -> None:
    with pytest.raises(gd.UnknownLabelError) as caught:
        gd.OrganKind.coerce("部门")
    text = str(caught.value)
    assert text.startswith("no OrganKind matches '部门' — did you mean '政府部门'?")
    for member in gd.OrganKind:
        assert f"{member.value!r} ({member.zh})" in text
    with pytest.raises(gd.ReportValueError, match="expected one of 'department' \\(政府部门\\)"):
        gd.AnnualReport(organ="某局", year=2022, organ_kind="ministry")


def test_a_misspelt_json_key_is_named_with_the_key_meant() -> None:
    data = gd.to_dict(gd.AnnualReport(organ="某局", year=2022))
    row = data["report"]["applications"]["new"]
    row["natural_preson"] = row.pop("natural_person")
    with pytest.raises(gd.JSONFormatError) as caught:
        gd.loads(json.dumps(data))
    text = str(caught.value)
    assert "unknown key 'natural_preson' — did you mean 'natural_person'?" in text
    assert "missing key 'natural_person'" in text
    paths = [e.path for e in caught.value.errors]
    assert "$.report.applications.new.natural_preson" in paths


def test_a_misspelt_field_of_the_report_is_named() -> None:
    data = gd.to_dict(gd.AnnualReport(organ="某局", year=2022))
    data["report"]["orgn_kind"] = data["report"].pop("organ_kind")
    with pytest.raises(gd.JSONFormatError, match="did you mean 'organ_kind'"):
        gd.loads(json.dumps(data))
