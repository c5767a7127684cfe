"""Findings as data: ValidationResult.to_dict, finding rows (with the places the document
printed the cells, the unchecked outcomes and the unreadable sources) and summary rows."""

from __future__ import annotations

import json
import pathlib

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure.batch import BatchItem, Checked
from govdisclosure.errors import OptionError
from govdisclosure.export import FINDING_COLUMNS, SUMMARY_COLUMNS, finding_rows, summary_rows
from tests.strategies import reports

SEED = "examples/zhongning-minzheng-2020.json"
SOURCE = pathlib.Path("examples/sources/zhongning-minzheng-2020.txt")


def _broken() -> gd.AnnualReport:
    report = gd.load(SEED)
    return attrs.evolve(
        report, applications=report.applications.with_cell("（七）总计", "自然人", 3)
    )


@settings(max_examples=25, deadline=None)
@given(reports())
def test_a_result_as_data_counts_what_it_holds(report: gd.AnnualReport) -> None:
    result = gd.validate(report)
    data = result.to_dict()
    assert data["edition"] == report.edition.value
    assert data["rules"] == list(result.rules)
    assert data["valid"] is result.is_valid
    assert data["counts"] == {
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "infos": len(result.infos),
        "held": result.held_count,
        "unchecked": len(result.unchecked),
    }
    assert data["findings"] == [f.to_dict() for f in result.findings]
    assert data["unchecked"] == [f.to_dict() for f in result.unchecked]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_a_finding_row_is_the_finding_flat() -> None:
    report = _broken()
    result = gd.validate(report)
    rows = list(finding_rows(Checked("broken.json", report, result, previous="2019.json")))
    assert all(list(row) == [c.key for c in FINDING_COLUMNS] for row in rows)
    expected = [*result.findings, *result.unchecked]
    assert len(rows) == len(expected)
    for row, finding in zip(rows, expected, strict=True):
        data = finding.to_dict()
        same = ("rule", "severity", "status", "path", "section", "row", "column", "place_zh",
                "place_en", "message_zh", "message_en", "quote", "fingerprint")  # fmt: skip
        assert {key: row[key] for key in same} == {key: data[key] for key in same}
        assert (row["reported"], row["computed"], row["difference"]) == (
            finding.reported,
            finding.computed,
            finding.difference,
        )
        assert (row["source"], row["organ"], row["year"], row["edition"]) == (
            "broken.json",
            "中宁县民政局",
            2020,
            "2019",
        )
        assert row["involved"] == ("; ".join(data["involved"]) or None)
        assert row["previous"] == "2019.json"
        assert row["source_places"] is None  # no document: nowhere to point to
    assert [row["status"] for row in rows] == ["failed"] * len(result.findings) + [
        "unchecked"
    ] * len(result.unchecked)
    r2 = next(row for row in rows if row["rule"] == "R2")
    assert (r2["reported"], r2["computed"], r2["difference"]) == (3, 0, 3)


def test_unchecked_outcomes_can_be_left_out() -> None:
    report = _broken()
    checked = Checked("broken.json", report, gd.validate(report))
    rows = list(finding_rows([checked], unchecked=False))
    assert rows
    assert {row["status"] for row in rows} == {"failed"}
    assert len(list(finding_rows([checked]))) > len(rows)


def test_a_finding_points_to_where_the_document_printed_its_cells() -> None:
    tab = "\t"
    text = SOURCE.read_text("utf-8").replace("其他处理" + tab + "0", "其他处理" + tab + "5")
    read = gd.read(text)
    checked = Checked(str(SOURCE), read.report, gd.validate(read.report), document=read)
    rows = [row for row in finding_rows(checked) if row["rule"] == "R3"]
    assert rows
    row = rows[0]
    refs = read.locate(next(f for f in checked.result if f.rule == "R3"))
    assert row["source_line"] == refs[0].line == 79
    assert row["source_places"] == "; ".join(str(ref) for ref in refs)
    assert row["source_places"].startswith("line 79")


def test_a_finding_from_a_table_points_to_its_row_and_column_counted_from_one() -> None:
    report = _broken()
    html = gd.render(report, "html")
    read = gd.read(html, "html")
    checked = Checked("broken.html", read.report, gd.validate(read.report), document=read)
    row = next(row for row in finding_rows(checked) if row["rule"] == "R2")
    ref = read.locate(next(f for f in checked.result if f.rule == "R2"))[0]
    assert ref.table is not None
    assert ref.row is not None
    assert ref.column is not None
    assert (row["source_table"], row["source_row"], row["source_column"]) == (
        ref.table + 1,
        ref.row + 1,
        ref.column + 1,
    )
    assert row["source_line"] is None


def test_an_unreadable_source_is_a_row_and_nothing_is_lost() -> None:
    report = _broken()
    items = [
        BatchItem(0, "a.json", value=Checked("a.json", report, gd.validate(report))),
        BatchItem(1, "b.pdf", error=gd.ReadError("no text layer", source="b.pdf")),
        BatchItem(2, "c.json", value=Checked("c.json", gd.load(SEED), gd.validate(gd.load(SEED)))),
    ]
    rows = list(finding_rows(iter(items)))
    unread = [row for row in rows if row["status"] == "unreadable"]
    assert len(unread) == 1
    (row,) = unread
    assert (row["source"], row["severity"], row["rule"], row["organ"]) == (
        "b.pdf",
        "error",
        None,
        None,
    )
    assert row["message_en"] == "could not be read: b.pdf: no text layer"
    assert row["message_zh"] == "无法读取：b.pdf: no text layer"
    # Rows come in the items' order.
    assert [r["source"] for r in rows].index("b.pdf") > [r["source"] for r in rows].index("a.json")
    summary = list(summary_rows(items))
    assert all(list(s) == [c.key for c in SUMMARY_COLUMNS] for s in summary)
    assert [(s["source"], s["status"], s["unreadable"]) for s in summary] == [
        ("a.json", "checked", 0),
        ("b.pdf", "unreadable", 1),
        ("c.json", "checked", 0),
    ]
    assert summary[1]["message"] == "b.pdf: no text layer"
    result = items[0].unwrap().result
    assert (summary[0]["errors"], summary[0]["warnings"], summary[0]["infos"]) == (
        len(result.errors),
        len(result.warnings),
        len(result.infos),
    )
    assert (summary[0]["unchecked"], summary[0]["held"]) == (
        len(result.unchecked),
        result.held_count,
    )
    assert summary[0]["top_rules"] == "E1 ×1, R2 ×1, R3 ×1"
    assert summary[2]["top_rules"] == "V1 ×1"  # the seed's one info


def test_the_most_frequent_rules_come_first() -> None:
    report = gd.load(SEED)
    apps = report.applications.with_rows({"（一）予以公开": {"自然人": 1, "商业企业": 1}})
    checked = Checked(
        "x",
        attrs.evolve(report, applications=apps),
        gd.validate(attrs.evolve(report, applications=apps)),
    )
    (summary,) = summary_rows(checked)
    counts = [int(part.split("×")[1]) for part in summary["top_rules"].split(", ")]
    assert counts == sorted(counts, reverse=True)
    assert len(counts) <= 3


def test_findings_need_checked_reports() -> None:
    read = gd.read(SOURCE.read_text("utf-8"))
    with pytest.raises(OptionError, match="item 0 holds a ReadResult"):
        list(finding_rows([BatchItem(0, "x.txt", value=read)]))
    with pytest.raises(OptionError, match="item 0 holds a ReadResult"):
        list(finding_rows(read))
    with pytest.raises(OptionError, match="expected reports or an iterable"):
        list(finding_rows(3))
