"""The official forms of each edition: which rows and columns tables 二, 三 and 四 have,
in which order, nested how, numbered how, and which cells are totals of which.

This is the one place where the content of the forms is written down; everything else
reads it through :func:`govdisclosure.layouts.layout`.

>>> from govdisclosure import Edition
>>> [node.key.value for node in reviews(Edition.V2021).column_tree]
['upheld', 'corrected', 'other', 'pending', 'total']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govdisclosure.categories import (
    Applicant,
    ApplicationRow,
    Art20Item,
    MoneyUnit,
    ProactiveColumn,
    ProactiveRow,
    ReviewCase,
    ReviewResult,
    Section,
)
from govdisclosure.editions import Edition
from govdisclosure.labels import LabelledEnum
from govdisclosure.layouts import Balance, Block, CellKind, Node, TableLayout

__all__ = ["applications", "proactive", "reviews"]

_NUMERALS = "一二三四五六七八九十"


def _leaf(key: LabelledEnum, labels: Mapping[Any, str] | None = None, **kw: Any) -> Node:
    """A number row or column, printed with the category's label unless ``labels`` (an
    edition's own wording) says otherwise."""
    return Node(key, (labels or {}).get(key, key.zh), **kw)


def _leaves_of(*keys: LabelledEnum) -> tuple[Node, ...]:
    return tuple(_leaf(key) for key in keys)


def _group(key: LabelledEnum, *children: Node) -> Node:
    return Node(key, key.zh, children=children)


def _numbered(tree: tuple[Node, ...], depth: int = 0) -> tuple[Node, ...]:
    """Number nodes the official way: 一、 at the top, （一） below, then 1."""
    out = []
    for i, node in enumerate(tree, start=1):
        if depth == 0:
            numbering = f"{_NUMERALS[i - 1]}、"
        elif depth == 1:
            numbering = f"（{_NUMERALS[i - 1]}）"
        else:
            numbering = f"{i}."
        out.append(
            Node(
                node.key,
                node.label,
                numbering,
                _numbered(node.children, depth + 1),
                node.kind,
                node.unit,
                node.total_of,
                node.total_rule,
            )
        )
    return tuple(out)


_BlockSpecs = list[
    tuple[Art20Item, tuple[ProactiveRow, ...], tuple[tuple[ProactiveColumn, CellKind], ...]]
]


def proactive(edition: Edition) -> TableLayout:
    """Table 二, 主动公开政府信息情况: blocks under 第二十条第（X）项."""
    P, C = ProactiveRow, ProactiveColumn  # noqa: N806
    count, signed, money = CellKind.COUNT, CellKind.SIGNED, CellKind.MONEY
    labels: dict[Any, str] = {}
    if edition is Edition.V2019:
        spec: _BlockSpecs = [
            (
                Art20Item.ITEM_1,
                (P.RULES, P.NORMATIVE_DOCUMENTS),
                ((C.NEW_MADE, count), (C.NEW_PUBLISHED, count), (C.TOTAL_PUBLISHED, count)),
            ),
            (
                Art20Item.ITEM_5,
                (P.LICENSING, P.OTHER_SERVICES),
                ((C.PREVIOUS_ITEMS, count), (C.CHANGE, signed), (C.DECISIONS, count)),
            ),
            (
                Art20Item.ITEM_6,
                (P.PENALTY, P.COERCION),
                ((C.PREVIOUS_ITEMS, count), (C.CHANGE, signed), (C.DECISIONS, count)),
            ),
            (Art20Item.ITEM_8, (P.FEES,), ((C.PREVIOUS_ITEMS, count), (C.CHANGE, signed))),
            (
                Art20Item.ITEM_9,
                (P.PROCUREMENT,),
                ((C.PROCUREMENT_ITEMS, count), (C.PROCUREMENT_AMOUNT, money)),
            ),
        ]
        units = {C.PROCUREMENT_AMOUNT: MoneyUnit.YUAN}
    else:
        labels = {P.NORMATIVE_DOCUMENTS: "行政规范性文件", C.DECISIONS: "本年处理决定数量"}
        spec = [
            (
                Art20Item.ITEM_1,
                (P.RULES, P.NORMATIVE_DOCUMENTS),
                ((C.ISSUED, count), (C.REPEALED, count), (C.IN_FORCE, count)),
            ),
            (Art20Item.ITEM_5, (P.LICENSING,), ((C.DECISIONS, count),)),
            (Art20Item.ITEM_6, (P.PENALTY, P.COERCION), ((C.DECISIONS, count),)),
            (Art20Item.ITEM_8, (P.FEES,), ((C.FEE_AMOUNT, money),)),
        ]
        units = {C.FEE_AMOUNT: MoneyUnit.TEN_THOUSAND_YUAN}
    blocks = tuple(
        Block(
            item,
            tuple(_leaf(row, labels) for row in rows),
            tuple(_leaf(col, labels, kind=kind, unit=units.get(col)) for col, kind in columns),
        )
        for item, rows, columns in spec
    )
    return TableLayout(Section.PROACTIVE, "二", edition, blocks, corner="信息内容")


def applications(edition: Edition) -> TableLayout:
    """Table 三, 收到和处理政府信息公开申请情况: outcome rows by applicant columns."""
    R = ApplicationRow  # noqa: N806
    return TableLayout(
        Section.APPLICATIONS,
        "三",
        edition,
        (Block(None, _application_rows(edition), _applicants()),),
        corner="（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        balance=Balance("E1", (R.NEW, R.CARRIED_OVER), (R.TOTAL, R.CARRIED_FORWARD)),
    )


def _application_rows(edition: Edition) -> tuple[Node, ...]:
    """一 new, 二 carried over, 三 the outcomes and their （七）总计, 四 carried forward."""
    R = ApplicationRow  # noqa: N806
    outcomes = _outcomes(edition)
    parts = tuple(leaf.key for node in outcomes for leaf in node.leaves())
    total = _leaf(R.TOTAL, total_of=parts, total_rule="R2")
    return _numbered(
        (
            _leaf(R.NEW),
            _leaf(R.CARRIED_OVER),
            _group(R.OUTCOMES, *outcomes, total),
            _leaf(R.CARRIED_FORWARD),
        )
    )


def _outcomes(edition: Edition) -> tuple[Node, ...]:
    """The outcomes （一） to （六）; （六） is one row in 2019 and three from 2021."""
    R = ApplicationRow  # noqa: N806
    if edition is Edition.V2019:
        other = _leaf(R.OTHER_HANDLING)
    else:
        other = _group(
            R.OTHER_HANDLING, *_leaves_of(R.OTHER_NO_CORRECTION, R.OTHER_UNPAID_FEE, R.OTHER_MISC)
        )
    return (
        *_leaves_of(R.DISCLOSED, R.PARTIALLY_DISCLOSED),
        _group(
            R.WITHHELD,
            *_leaves_of(
                R.WITHHELD_STATE_SECRET,
                R.WITHHELD_PROHIBITED,
                R.WITHHELD_SECURITY,
                R.WITHHELD_THIRD_PARTY,
                R.WITHHELD_INTERNAL,
                R.WITHHELD_PROCESS,
                R.WITHHELD_ENFORCEMENT,
                R.WITHHELD_QUERY,
            ),
        ),
        _group(R.UNABLE, *_leaves_of(R.UNABLE_NOT_HELD, R.UNABLE_NEEDS_CREATION, R.UNABLE_UNCLEAR)),
        _group(
            R.NOT_PROCESSED,
            *_leaves_of(
                R.NOT_PROCESSED_COMPLAINT,
                R.NOT_PROCESSED_REPEATED,
                R.NOT_PROCESSED_PUBLICATIONS,
                R.NOT_PROCESSED_MASS,
                R.NOT_PROCESSED_CONFIRMATION,
            ),
        ),
        other,
    )


def _applicants() -> tuple[Node, ...]:
    """申请人情况: 自然人, the five kinds of 法人或其他组织, and 总计."""
    A = Applicant  # noqa: N806
    legal_persons = (A.COMMERCIAL, A.RESEARCH, A.PUBLIC_WELFARE, A.LEGAL_SERVICES, A.OTHER)
    return (
        _group(
            A.APPLICANTS,
            _leaf(A.NATURAL_PERSON),
            _group(A.LEGAL_PERSONS, *_leaves_of(*legal_persons)),
            _leaf(A.TOTAL, total_of=(A.NATURAL_PERSON, *legal_persons), total_rule="R3"),
        ),
    )


def reviews(edition: Edition) -> TableLayout:
    """Table 四, 行政复议、行政诉讼: case kinds by results (the same in both editions)."""
    C, R = ReviewCase, ReviewResult  # noqa: N806
    results = (R.UPHELD, R.CORRECTED, R.OTHER, R.PENDING)
    cases = (
        _leaf(C.REVIEW),
        _group(C.LITIGATION, *_leaves_of(C.LITIGATION_DIRECT, C.LITIGATION_AFTER_REVIEW)),
    )
    columns = (*_leaves_of(*results), _leaf(R.TOTAL, total_of=results, total_rule="R5"))
    return TableLayout(Section.REVIEWS, "四", edition, (Block(None, cases, columns),), flat=True)
