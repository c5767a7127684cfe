"""The layout description: the shape of each edition's tables, as FORMATS.md §4 to §6 give it."""

from __future__ import annotations

import pytest

from govdisclosure import (
    Applicant,
    ApplicationRow,
    Art20Item,
    CellKind,
    Edition,
    MoneyUnit,
    ProactiveColumn,
    ProactiveRow,
    ReviewCase,
    ReviewResult,
    layout,
)
from govdisclosure.labels import LabelledEnum
from govdisclosure.layouts import Node, TableLayout, label_index

R = ApplicationRow


def keys(nodes: tuple[Node, ...]) -> list[LabelledEnum]:
    return [node.key for node in nodes]


def test_table_two_2019_blocks_rows_and_columns() -> None:
    table = layout(Edition.V2019).proactive
    C = ProactiveColumn  # noqa: N806
    assert [(b.caption, keys(b.rows), keys(b.columns)) for b in table.blocks] == [
        (
            Art20Item.ITEM_1,
            [ProactiveRow.RULES, ProactiveRow.NORMATIVE_DOCUMENTS],
            [C.NEW_MADE, C.NEW_PUBLISHED, C.TOTAL_PUBLISHED],
        ),
        (
            Art20Item.ITEM_5,
            [ProactiveRow.LICENSING, ProactiveRow.OTHER_SERVICES],
            [C.PREVIOUS_ITEMS, C.CHANGE, C.DECISIONS],
        ),
        (
            Art20Item.ITEM_6,
            [ProactiveRow.PENALTY, ProactiveRow.COERCION],
            [C.PREVIOUS_ITEMS, C.CHANGE, C.DECISIONS],
        ),
        (Art20Item.ITEM_8, [ProactiveRow.FEES], [C.PREVIOUS_ITEMS, C.CHANGE]),
        (Art20Item.ITEM_9, [ProactiveRow.PROCUREMENT], [C.PROCUREMENT_ITEMS, C.PROCUREMENT_AMOUNT]),
    ]
    kinds = {spec.column: spec.kind for spec in table.cells}
    assert kinds[C.CHANGE] is CellKind.SIGNED
    assert kinds[C.PROCUREMENT_AMOUNT] is CellKind.MONEY
    assert table.column_node(C.PROCUREMENT_AMOUNT).unit is MoneyUnit.YUAN
    assert [c.label for c in table.blocks[0].columns] == [
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]
    assert table.corner == "信息内容"


def test_table_two_2021_blocks_labels_and_units() -> None:
    table = layout(Edition.V2021).proactive
    C = ProactiveColumn  # noqa: N806
    assert [(b.caption, keys(b.rows), keys(b.columns)) for b in table.blocks] == [
        (
            Art20Item.ITEM_1,
            [ProactiveRow.RULES, ProactiveRow.NORMATIVE_DOCUMENTS],
            [C.ISSUED, C.REPEALED, C.IN_FORCE],
        ),
        (Art20Item.ITEM_5, [ProactiveRow.LICENSING], [C.DECISIONS]),
        (Art20Item.ITEM_6, [ProactiveRow.PENALTY, ProactiveRow.COERCION], [C.DECISIONS]),
        (Art20Item.ITEM_8, [ProactiveRow.FEES], [C.FEE_AMOUNT]),
    ]
    assert table.row_node(ProactiveRow.NORMATIVE_DOCUMENTS).label == "行政规范性文件"
    assert table.column_node(C.DECISIONS).label == "本年处理决定数量"
    fee = table.column_node(C.FEE_AMOUNT)
    assert (fee.kind, fee.unit, fee.label) == (
        CellKind.MONEY,
        MoneyUnit.TEN_THOUSAND_YUAN,
        "本年收费金额（单位：万元）",
    )
    assert not any(spec.kind is CellKind.SIGNED for spec in table.cells)


@pytest.mark.parametrize(("edition", "rows"), [(Edition.V2019, 23), (Edition.V2021, 25)])
def test_table_three_shape(edition: Edition, rows: int) -> None:
    table = layout(edition).applications
    assert len(table.rows_in_order) == rows
    assert len(table.cells) == rows * 7
    assert keys(table.columns_in_order) == [
        Applicant.NATURAL_PERSON,
        Applicant.COMMERCIAL,
        Applicant.RESEARCH,
        Applicant.PUBLIC_WELFARE,
        Applicant.LEGAL_SERVICES,
        Applicant.OTHER,
        Applicant.TOTAL,
    ]
    assert table.corner.startswith("（本列数据的勾稽关系为")


def test_table_three_column_header_tree() -> None:
    (root,) = layout(Edition.V2019).applications.column_tree
    assert root.key is Applicant.APPLICANTS
    assert [(n.key, len(n.children)) for n in root.children] == [
        (Applicant.NATURAL_PERSON, 0),
        (Applicant.LEGAL_PERSONS, 5),
        (Applicant.TOTAL, 0),
    ]


def _numbered(tree: tuple[Node, ...]) -> list[str]:
    out = []
    for node in tree:
        out.append(node.numbering + node.label)
        out.extend(_numbered(node.children))
    return out


def test_table_three_rows_2019_as_printed() -> None:
    rows = _numbered(layout(Edition.V2019).applications.row_tree)
    assert rows[:5] == [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ]
    assert "（三）不予公开" in rows
    assert "3.危及“三安全一稳定”" in rows
    assert "（六）其他处理" in rows
    assert rows[-2:] == ["（七）总计", "四、结转下年度继续办理"]


def test_other_handling_is_one_row_in_2019_and_a_group_in_2021() -> None:
    old = layout(Edition.V2019).applications
    new = layout(Edition.V2021).applications
    assert old.has_row(R.OTHER_HANDLING)
    assert not new.has_row(R.OTHER_HANDLING)
    (outcomes,) = (n for n in new.row_tree if n.key is R.OUTCOMES)
    (other,) = (n for n in outcomes.children if n.key is R.OTHER_HANDLING)
    assert [c.numbering + c.label for c in other.children] == [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ]


def _sums(table: TableLayout, rule: str) -> list[tuple[str, list[str]]]:
    def name(position: int) -> str:
        spec = table.cells[position]
        return f"{spec.row.value}/{spec.column.value}"

    return [(name(s.target), [name(p) for p in s.parts]) for s in table.sums if s.rule == rule]


@pytest.mark.parametrize("edition", list(Edition))
def test_table_three_totals(edition: Edition) -> None:
    table = layout(edition).applications
    r3 = _sums(table, "R3")
    assert len(r3) == len(table.rows_in_order)
    assert (
        "new/total",
        [
            f"new/{c}"
            for c in (
                "natural_person",
                "commercial",
                "research",
                "public_welfare",
                "legal_services",
                "other",
            )
        ],
    ) in r3
    r2 = dict(_sums(table, "R2"))
    assert len(r2) == 7
    leaves = [n.key.value for n in table.rows_in_order]
    outcome_rows = leaves[leaves.index("disclosed") : leaves.index("total")]
    assert r2["total/natural_person"] == [f"{row}/natural_person" for row in outcome_rows]
    expected = 19 if edition is Edition.V2019 else 21
    assert len(outcome_rows) == expected


def test_table_four_is_three_groups_of_five() -> None:
    table = layout(Edition.V2019).reviews
    assert keys(table.rows_in_order) == [
        ReviewCase.REVIEW,
        ReviewCase.LITIGATION_DIRECT,
        ReviewCase.LITIGATION_AFTER_REVIEW,
    ]
    assert keys(table.columns_in_order) == list(ReviewResult)
    assert len(table.cells) == 15
    assert table.flat
    r5 = _sums(table, "R5")
    assert (
        "review/total",
        ["review/upheld", "review/corrected", "review/other", "review/pending"],
    ) in r5
    assert len(r5) == 3


def test_tables_three_and_four_same_columns_in_both_editions() -> None:
    old, new = layout(Edition.V2019), layout(Edition.V2021)
    assert keys(old.applications.columns_in_order) == keys(new.applications.columns_in_order)
    assert old.reviews.cells == new.reviews.cells


@pytest.mark.parametrize(
    "cls",
    [ApplicationRow, Applicant, ProactiveRow, ProactiveColumn, ReviewCase, ReviewResult, Art20Item],
)
def test_every_member_is_found_by_its_label(cls: type[LabelledEnum]) -> None:
    index = label_index(cls)
    for member in cls:
        assert cls.from_label(member.zh) is member
        assert member in index.values()


def test_layout_is_shared() -> None:
    assert layout(Edition.V2021) is layout(Edition.V2021)
    with pytest.raises(TypeError):
        layout("2021")
