"""A short plain-text summary of a report: who, when, which edition, and key figures.

>>> from govdisclosure import AnnualReport
>>> print(summarize(AnnualReport(organ="某县统计局", year=2022)))  # doctest: +ELLIPSIS
某县统计局2022年政府信息公开工作年度报告
  organ 某县统计局 · year 2022 · edition 2021 (国办公开办函〔2021〕30号) · scope 本机关
  二 主动公开
     规章: 本年制发件数 0 · 本年废止件数 0 · 现行有效件数 0
...
"""

from __future__ import annotations

from govdisclosure.categories import Applicant, ApplicationRow, ReviewCase, ReviewResult
from govdisclosure.cells import Cell
from govdisclosure.layouts import CellKind
from govdisclosure.report import AnnualReport

__all__ = ["summarize"]


def _show(cell: Cell, kind: CellKind = CellKind.COUNT) -> str:
    if kind is CellKind.SIGNED and type(cell) is int and cell > 0:
        return f"+{cell}"  # a change is printed with its sign, as in the report
    text = str(cell)
    return text if text else "(blank)"


def summarize(report: AnnualReport) -> str:
    """A few readable lines with the report's identity and the key figures of 二, 三 and 四."""
    lines = [
        report.title,
        f"  organ {report.organ} · year {report.year} · edition {report.edition.value} "
        f"({report.edition.document}) · scope {report.scope.kind.zh}"
        + (f": {'、'.join(report.scope.organs)}" if report.scope.organs else ""),
    ]
    proactive = report.proactive
    table = proactive.layout
    lines.append("  二 主动公开")
    for plan in table.row_plans:
        values = " · ".join(
            f"{column.label} {_show(cell, column.kind)}"
            for column, cell in zip(
                plan.columns, proactive.cells[plan.start : plan.stop], strict=True
            )
        )
        lines.append(f"     {table.row_node(plan.key).label}: {values}")
    apps = report.applications
    total = Applicant.TOTAL

    def a(row: ApplicationRow) -> str:
        return _show(apps[row, total])

    lines.append(
        f"  三 申请  新收 {a(ApplicationRow.NEW)} · 上年结转 {a(ApplicationRow.CARRIED_OVER)}"
        f" · 予以公开 {a(ApplicationRow.DISCLOSED)}"
        f" · 部分公开 {a(ApplicationRow.PARTIALLY_DISCLOSED)}"
        f" · （七）总计 {a(ApplicationRow.TOTAL)} · 结转下年度 {a(ApplicationRow.CARRIED_FORWARD)}"
    )
    reviews = report.reviews
    lines.append(
        f"  四 复议诉讼  行政复议 {_show(reviews[ReviewCase.REVIEW, ReviewResult.TOTAL])}"
        f" · 未经复议直接起诉 {_show(reviews[ReviewCase.LITIGATION_DIRECT, ReviewResult.TOTAL])}"
        f" · 复议后起诉 {_show(reviews[ReviewCase.LITIGATION_AFTER_REVIEW, ReviewResult.TOTAL])}"
    )
    return "\n".join(lines)
