"""The three tables: construction, look-up, changed copies, totals."""

from __future__ import annotations

import re

import attrs
import pytest

from govdisclosure import (
    BLANK,
    Applicant,
    ApplicationRow,
    ApplicationTable,
    CellValueError,
    Edition,
    Money,
    NotApplicable,
    ProactiveColumn,
    ProactiveRow,
    ProactiveTable,
    ReportValueError,
    ReviewCase,
    ReviewResult,
    ReviewTable,
    UnknownLabelError,
    layout,
)
from govdisclosure.tables import ExtraColumn, ExtraRow, RowInput

R, A = ApplicationRow, Applicant


def test_zeros_and_blank() -> None:
    zeros = ApplicationTable.zeros(Edition.V2019)
    assert set(zeros.cells) == {0}
    assert len(zeros.cells) == 23 * 7
    blank = ProactiveTable.blank(Edition.V2021)
    assert set(blank.cells) == {BLANK}
    money = ProactiveTable.zeros(Edition.V2021)["administrative_fees", "fee_amount"]
    assert money == Money(0, "万元")


def test_construction_rejects_bad_cells_naming_the_cell() -> None:
    cells = list(ApplicationTable.zeros(Edition.V2019).cells)
    cells[layout(Edition.V2019).applications.position(R.DISCLOSED, A.RESEARCH)] = -3
    with pytest.raises(CellValueError) as caught:
        ApplicationTable(Edition.V2019, tuple(cells))
    err = caught.value
    assert (err.table, err.row, err.column, err.value) == ("三", "disclosed", "research", -3)
    assert "予以公开" in str(err)
    assert "科研机构" in str(err)
    assert isinstance(err, ValueError)


@pytest.mark.parametrize("bad", [True, False, 1.0, "3", None, Money(1)])
def test_construction_rejects_wrong_types(bad: object) -> None:
    cells = (bad, *ApplicationTable.zeros(Edition.V2021).cells[1:])
    with pytest.raises(CellValueError) as caught:
        ApplicationTable(Edition.V2021, cells)  # type: ignore[arg-type]
    assert caught.value.value is bad


def test_construction_rejects_wrong_shape_and_edition() -> None:
    with pytest.raises(ReportValueError, match="has 175 cells, got 161"):
        ApplicationTable(Edition.V2021, ApplicationTable.zeros(Edition.V2019).cells)
    with pytest.raises(ReportValueError, match="edition"):
        ApplicationTable("2021", ())  # type: ignore[arg-type]
    with pytest.raises(ReportValueError, match="got list"):
        ReviewTable(Edition.V2021, [0] * 15)  # type: ignore[arg-type]


def test_signed_changes_only_in_change_columns() -> None:
    table = ProactiveTable.zeros(Edition.V2019)
    assert table.with_cell("行政处罚", "本年增/减", -50)["administrative_penalty", "change"] == -50
    with pytest.raises(CellValueError, match="previous_items"):
        table.with_cell("行政处罚", "上一年项目数量", -1)


def test_lookup_by_member_value_or_label() -> None:
    table = ApplicationTable.zeros(Edition.V2021).with_cell(R.UNABLE_NOT_HELD, A.COMMERCIAL, 4)
    assert table[R.UNABLE_NOT_HELD, A.COMMERCIAL] == 4
    assert table["unable_not_held", "commercial"] == 4
    assert table["（四）无法提供 1.本机关不掌握相关政府信息", "商业 企业"] == 4
    assert table.get("unable_not_held", "commercial") == 4


def test_lookup_errors_say_what_is_missing() -> None:
    old = ApplicationTable.zeros(Edition.V2019)
    with pytest.raises(UnknownLabelError, match="2019 edition"):
        old["other_misc", "total"]
    with pytest.raises(UnknownLabelError, match="no number row 'withheld'"):
        old["withheld", "total"]
    two = ProactiveTable.zeros(Edition.V2021)
    with pytest.raises(UnknownLabelError, match="no column 'change'"):
        two["administrative_penalty", "change"]


def test_row_and_column_views() -> None:
    table = ReviewTable.zeros(Edition.V2019).with_row("行政复议", [1, 2, 3, 4, 10])
    assert table.row("review") == {
        ReviewResult.UPHELD: 1,
        ReviewResult.CORRECTED: 2,
        ReviewResult.OTHER: 3,
        ReviewResult.PENDING: 4,
        ReviewResult.TOTAL: 10,
    }
    assert table.column(ReviewResult.TOTAL) == {
        ReviewCase.REVIEW: 10,
        ReviewCase.LITIGATION_DIRECT: 0,
        ReviewCase.LITIGATION_AFTER_REVIEW: 0,
    }
    two = ProactiveTable.zeros(Edition.V2019)
    assert list(two.column(ProactiveColumn.DECISIONS)) == [
        ProactiveRow.LICENSING,
        ProactiveRow.OTHER_SERVICES,
        ProactiveRow.PENALTY,
        ProactiveRow.COERCION,
    ]


def test_from_rows_with_labels_and_default() -> None:
    rows: dict[object, RowInput] = {
        "本年新收政府信息公开申请数量": {"自然人": 3, "法律服务机构": "/"},
        R.DISCLOSED: [1, 0, 0, 0, 0, 0, 1],
    }
    table = ApplicationTable.from_rows(Edition.V2021, rows, default=None)
    assert table["new", "natural_person"] == 3
    assert table["new", "legal_services"] == NotApplicable("/")
    assert table["new", "research"] is BLANK
    assert table["disclosed", "total"] == 1


def test_from_rows_errors() -> None:
    with pytest.raises(ReportValueError, match="expected 7 values"):
        ApplicationTable.from_rows(Edition.V2021, {"new": [1, 2]})
    with pytest.raises(ReportValueError, match="mapping of columns or a sequence"):
        ApplicationTable.from_rows(Edition.V2021, {"new": 5})  # type: ignore[dict-item]
    with pytest.raises(UnknownLabelError):
        ApplicationTable.from_rows(Edition.V2021, {"不予受理": [0] * 7})
    with pytest.raises(ReportValueError, match="mapping of row"):
        ApplicationTable.zeros(Edition.V2021).with_rows([1, 2])  # type: ignore[arg-type]


def test_to_rows_maps_in_and_out() -> None:
    table = ProactiveTable.zeros(Edition.V2021).with_row("行政许可", [17])
    by_label = table.to_rows(labels=True)
    assert by_label["行政许可"] == {"本年处理决定数量": 17}
    assert "行政规范性文件" in by_label
    assert ProactiveTable.from_rows(Edition.V2021, by_label) == table
    assert ProactiveTable.from_rows(Edition.V2021, table.to_rows()) == table


def test_with_totals_fills_r2_r3_and_r5() -> None:
    table = ApplicationTable.zeros(Edition.V2021).with_rows(
        {
            "new": {"natural_person": 5, "commercial": 2},
            "disclosed": {"natural_person": 3},
            "other_unpaid_fee": {"commercial": 2},
            "carried_forward": {"natural_person": 2},
        }
    )
    full = table.with_totals()
    assert full["new", "total"] == 7
    assert full["total", "natural_person"] == 3
    assert full["total", "commercial"] == 2
    assert full["total", "total"] == 5
    assert full["carried_forward", "total"] == 2
    reviews = ReviewTable.zeros(Edition.V2019).with_row(
        "复议后起诉", {"结果纠正": 1, "尚未审结": 2}
    )
    assert reviews.with_totals()["litigation_after_review", "total"] == 3


def test_with_totals_skips_blank_parts_and_keeps_all_blank_totals() -> None:
    table = ApplicationTable.blank(Edition.V2019).with_row(
        "new", {"natural_person": 4, "other": "/"}
    )
    full = table.with_totals()
    assert full["new", "total"] == 4
    assert full["carried_over", "total"] is BLANK


def test_tables_are_immutable_and_hashable() -> None:
    table = ReviewTable.zeros(Edition.V2021)
    with pytest.raises(AttributeError):
        table.cells = ()  # type: ignore[misc]
    assert hash(table) == hash(ReviewTable.zeros(Edition.V2021))
    assert "15 cells" in repr(table)


def test_row_and_column_keys_follow_the_edition() -> None:
    old = ApplicationTable.zeros(Edition.V2019)
    new = ApplicationTable.zeros(Edition.V2021)
    assert R.OTHER_HANDLING in old.row_keys
    assert R.OTHER_HANDLING not in new.row_keys
    assert R.OTHER_MISC in new.row_keys
    assert old.column_keys == new.column_keys
    assert len(old.column_keys) == 7
    assert ProactiveTable.zeros(Edition.V2021).column_keys == (
        ProactiveColumn.ISSUED,
        ProactiveColumn.REPEALED,
        ProactiveColumn.IN_FORCE,
        ProactiveColumn.DECISIONS,
        ProactiveColumn.FEE_AMOUNT,
    )


# --- extra columns ------------------------------------------------------------------------------

SUBTOTAL = "法人或其他组织小计"


def test_extra_columns_are_kept_with_their_block_and_row_count() -> None:
    three = ApplicationTable.zeros(Edition.V2019)
    assert three.extra_columns == ()
    column = ExtraColumn(SUBTOTAL, [0] * 23, after="other")  # any iterable of cells
    assert column.cells == (0,) * 23
    assert column.block == 0
    table = attrs.evolve(three, extra_columns=[column])
    assert table.extra_columns == (column,)
    assert table != three
    assert hash(table) == hash(attrs.evolve(three, extra_columns=(column,)))
    # Table 二 stacks blocks; a column sits in one of them, with a cell per row of it.
    two = ProactiveTable.zeros(Edition.V2019)
    amounts = (Money("1.5", "万元"), BLANK)
    in_block = ExtraColumn("其中网上办理", (3, NotApplicable("/")), after="decisions", block=1)
    money = ExtraColumn("金额", amounts, after="decisions", block=2)
    assert attrs.evolve(two, extra_columns=(in_block, money)).extra_columns[1].cells == amounts


@pytest.mark.parametrize(
    ("column", "message"),
    [
        (
            ExtraColumn(SUBTOTAL, (0,) * 23, after="legal_persons"),
            "table 三: the extra column '法人或其他组织小计' follows 'legal_persons', "
            "which is no number column of block 0",
        ),
        (
            ExtraColumn(SUBTOTAL, (0,) * 23, after="upheld"),
            "follows 'upheld', which is no number column",
        ),
        (
            ExtraColumn(SUBTOTAL, (0,) * 23, after="other", block=1),
            "table 三: the extra column '法人或其他组织小计' is in block 1; this edition's "
            "table has 1 block",
        ),
        (
            ExtraColumn(SUBTOTAL, (0,) * 25, after="other"),
            "table 三: the extra column '法人或其他组织小计' has 25 cells; block 0 has 23 "
            "number rows",
        ),
    ],
    ids=["a-group", "another-table", "block", "cell-count"],
)
def test_extra_columns_must_fit_the_layout(column: ExtraColumn, message: str) -> None:
    with pytest.raises(ReportValueError, match=re.escape(message)):
        attrs.evolve(ApplicationTable.zeros(Edition.V2019), extra_columns=(column,))


def test_extra_columns_must_fit_their_block_of_table_two() -> None:
    two = ProactiveTable.zeros(Edition.V2021)
    with pytest.raises(
        ReportValueError, match="follows 'issued', which is no number column of block 1"
    ):
        attrs.evolve(two, extra_columns=(ExtraColumn("x", (0,), after="issued", block=1),))
    with pytest.raises(ReportValueError, match="has 1 cells; block 0 has 2 number rows"):
        attrs.evolve(two, extra_columns=(ExtraColumn("x", (0,), after="issued"),))
    with pytest.raises(ReportValueError, match="is in block 4; this edition's table has 4"):
        attrs.evolve(two, extra_columns=(ExtraColumn("x", (0,), after="decisions", block=4),))


@pytest.mark.parametrize("cells", [(None,), (-1,), (True,), (1.5,), ("3",), ("/",), [[0]], 7])
def test_extra_column_cells_are_counts_money_blank_or_marks(cells: object) -> None:
    with pytest.raises(ReportValueError, match="the cells of an extra column are counts"):
        ExtraColumn(SUBTOTAL, cells, after="other")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"label": ""}, "label must be a non-empty str"),
        ({"label": "  "}, "label must be a non-empty str"),
        ({"label": 3}, "label must be a non-empty str"),
        ({"after": ""}, "an extra column follows a number column named by its ASCII key"),
        ({"after": None}, "an extra column follows a number column named by its ASCII key"),
        ({"block": -1}, "an extra column's block is an index >= 0"),
        ({"block": True}, "an extra column's block is an index >= 0"),
        ({"block": "1"}, "an extra column's block is an index >= 0"),
    ],
)
def test_extra_column_fields_are_checked(fields: dict[str, object], message: str) -> None:
    given: dict[str, object] = {"label": SUBTOTAL, "cells": (0,), "after": "other", **fields}
    with pytest.raises(ReportValueError, match=re.escape(message)):
        ExtraColumn(**given)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, (1,), ("x",), [ExtraRow("x", (0,) * 7)]])
def test_extra_columns_are_extra_column_objects(bad: object) -> None:
    with pytest.raises(ReportValueError, match="extra_columns is a tuple of ExtraColumn"):
        attrs.evolve(ApplicationTable.zeros(Edition.V2021), extra_columns=bad)  # type: ignore[arg-type]
