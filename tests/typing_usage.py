"""The types the API promises, pinned for a type checker: ``test_typing_usage`` runs
``mypy --strict`` over this file and expects it clean. Nothing here runs as a test: the
functions are only checked (importing the module runs none of them).
"""

from __future__ import annotations

from typing import Any, assert_type

import govdisclosure as gd
from govdisclosure.batch import BatchItem, Checked, read_many, validate_many
from govdisclosure.cells import Cell, CountCell
from govdisclosure.tables import CellTable


def render_types(report: gd.AnnualReport, name: str) -> None:
    """Binary formats render bytes, text formats str, any other name either."""
    assert_type(gd.render(report, "docx"), bytes)
    assert_type(gd.render(report, "xlsx", locale="en"), bytes)
    for text in ("text", "txt", "markdown", "md", "html", "json"):
        assert_type(text, str)
    assert_type(gd.render(report, "text"), str)
    assert_type(gd.render(report, "markdown"), str)
    assert_type(gd.render(report, "md"), str)
    assert_type(gd.render(report, "html"), str)
    assert_type(gd.render(report, "json"), str)
    assert_type(gd.render(report, name), str | bytes)


def cell_types(cell: Cell) -> None:
    """``is_number`` narrows a cell to a count or an amount, and its negation to the rest."""
    if gd.is_number(cell):
        assert_type(cell, int | gd.Money)
    else:
        assert_type(cell, gd.Blank | gd.NotApplicable)


def table_types(report: gd.AnnualReport, section: gd.Section) -> None:
    """``table()`` knows its table's class from a member or ASCII value; tables 三 and 四
    hold no money."""
    assert_type(report.table(gd.Section.PROACTIVE), gd.ProactiveTable)
    assert_type(report.table(gd.Section.APPLICATIONS), gd.ApplicationTable)
    assert_type(report.table("reviews"), gd.ReviewTable)
    assert_type(report.table(section), CellTable[Any, Any])
    for _spec, cell in report.proactive.items():
        assert_type(cell, Cell)
    for _spec, count in report.applications.items():
        assert_type(count, CountCell)
    for _spec, count in report.reviews.items():
        assert_type(count, CountCell)


def row_types(table: gd.ApplicationTable) -> None:
    """``to_rows`` keys rows and columns by member, or by label."""
    assert_type(table.to_rows(), dict[gd.ApplicationRow, dict[gd.Applicant, Cell]])
    assert_type(table.to_rows(labels=True), dict[str, dict[str, Cell]])
    assert_type(table.row("new"), dict[gd.Applicant, Cell])
    assert_type(table.column("total"), dict[gd.ApplicationRow, Cell])


def change_types(report: gd.AnnualReport) -> None:
    """A one-cell change is a report again."""
    assert_type(report.with_cell("applications", "new", "natural_person", 3), gd.AnnualReport)
    assert_type(report.applications.with_cell("new", "total", 3), gd.ApplicationTable)


def error_types(err: gd.CellValueError) -> None:
    """Errors speak both languages, and list every problem they report."""
    assert_type(err.message("zh_CN"), str)
    assert_type(err.message_en, str)
    assert_type(err.errors, tuple[gd.CellValueError, ...])


def _errors(checked: Checked) -> int:
    return len(checked.result.errors)


def _organ(document: gd.ReadResult) -> str:
    return document.report.organ


def batch_types(paths: list[str]) -> None:
    """A batch's items hold what it makes of each source: what ``then`` returns, if given."""
    assert_type(next(validate_many(paths)), BatchItem[Checked])
    assert_type(next(validate_many(paths, then=_errors)), BatchItem[int])
    assert_type(next(read_many(paths)), BatchItem[gd.ReadResult])
    assert_type(next(read_many(paths, then=_organ, fmt="text")), BatchItem[str])
