"""A short plain-text summary of a report: who, when, which edition, and key figures.

Every heading and label comes from the layout of the report's edition, as the form
prints it: the summary types none of its own.

>>> from govdisclosure import AnnualReport
>>> print(summarize(AnnualReport(organ="某县统计局", year=2022)))  # doctest: +ELLIPSIS
某县统计局2022年政府信息公开工作年度报告
  organ 某县统计局 · year 2022 · edition 2021 (国办公开办函〔2021〕30号) · scope 本机关
  二 主动公开政府信息情况
     规章: 本年制发件数 0 · 本年废止件数 0 · 现行有效件数 0
...
  三 收到和处理政府信息公开申请情况
     一、本年新收政府信息公开申请数量 0
     二、上年结转政府信息公开申请数量 0
     三、本年度办理结果: （一）予以公开 0 · （二）部分公开 0 · （七）总计 0
     四、结转下年度继续办理 0
  四 政府信息公开行政复议、行政诉讼情况
     行政复议 0
     行政诉讼: 未经复议直接起诉 0 · 复议后起诉 0
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govdisclosure.categories import Applicant, ApplicationRow, ReviewCase, ReviewResult
from govdisclosure.cells import Cell
from govdisclosure.labels import LabelledEnum
from govdisclosure.layouts import CellKind, Node, TableLayout
from govdisclosure.report import AnnualReport
from govdisclosure.tables import CellTable

__all__ = ["summarize"]

#: The rows of table 三 the summary shows (its 总计 column): the applications received,
#: carried over and carried forward, and the outcomes most read.
_APPLICATION_ROWS = frozenset(
    {
        ApplicationRow.NEW,
        ApplicationRow.CARRIED_OVER,
        ApplicationRow.DISCLOSED,
        ApplicationRow.PARTIALLY_DISCLOSED,
        ApplicationRow.TOTAL,
        ApplicationRow.CARRIED_FORWARD,
    }
)


def _show(cell: Cell, kind: CellKind = CellKind.COUNT) -> str:
    if kind is CellKind.SIGNED and type(cell) is int and cell > 0:
        return f"+{cell}"  # a change is printed with its sign, as in the report
    return str(cell) or "(blank)"


def _name(node: Node) -> str:
    """A row as the form numbers and prints it, without the remark some labels end in for
    whoever fills the form in ("部分公开（区分处理的，只计这一情形，不计其他情形）")."""
    label = node.label
    if label.endswith("）") and "（" in label:
        label = label[: label.index("（")]
    return f"{node.numbering}{label}"


def _heading(table: TableLayout) -> str:
    return f"  {table.number} {table.section.zh}"


def _totals(
    table: CellTable[Any, Any], total: LabelledEnum, shown: frozenset[LabelledEnum]
) -> Iterator[str]:
    """The heading of ``table``, then a line for each top row that holds rows in ``shown``,
    with their cells in column ``total``; a group's line names the group, then its rows."""
    yield _heading(table.layout)
    for top in table.layout.row_tree:
        figures = [
            f"{_name(row)} {_show(table[row.key, total])}"
            for row in top.leaves()
            if row.key in shown
        ]
        if not top.is_group and figures:
            yield f"     {figures[0]}"
        elif figures:
            yield f"     {_name(top)}: {' · '.join(figures)}"


def summarize(report: AnnualReport) -> str:
    """A few readable lines with the report's identity and the key figures of 二, 三 and 四
    (of 三 and 四, the 总计 of the rows most read)."""
    lines = [
        report.title,
        f"  organ {report.organ} · year {report.year} · edition {report.edition.value} "
        f"({report.edition.document}) · scope {report.scope.kind.zh}"
        + (f": {'、'.join(report.scope.organs)}" if report.scope.organs else ""),
    ]
    proactive = report.proactive
    table = proactive.layout
    lines.append(_heading(table))
    for plan in table.row_plans:
        values = " · ".join(
            f"{column.label} {_show(cell, column.kind)}"
            for column, cell in zip(
                plan.columns, proactive.cells[plan.start : plan.stop], strict=True
            )
        )
        lines.append(f"     {table.row_node(plan.key).label}: {values}")
    lines.extend(_totals(report.applications, Applicant.TOTAL, _APPLICATION_ROWS))
    lines.extend(_totals(report.reviews, ReviewResult.TOTAL, frozenset(ReviewCase)))
    return "\n".join(lines)
