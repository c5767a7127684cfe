"""A short plain-text summary of a report: who, when, which edition, and key figures.

>>> from govdisclosure import AnnualReport
>>> print(summarize(AnnualReport(organ="某县统计局", year=2022)))  # doctest: +ELLIPSIS
某县统计局2022年政府信息公开工作年度报告
  organ 某县统计局 · year 2022 · edition 2021 (国办公开办函〔2021〕30号) · scope 本机关
  二 主动公开 ...
"""

from __future__ import annotations

from govdisclosure.categories import Applicant, ApplicationRow, ReviewCase, ReviewResult
from govdisclosure.cells import Cell
from govdisclosure.report import AnnualReport

__all__ = ["summarize"]


def _show(cell: Cell) -> str:
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
    figures = []
    for plan in table.row_plans:
        row = table.row_node(plan.key)
        values = " / ".join(
            f"{column.label} {_show(cell)}"
            for column, cell in zip(
                plan.columns, proactive.cells[plan.start : plan.stop], strict=True
            )
        )
        figures.append(f"{row.label}: {values}")
    lines.append("  二 主动公开  " + "; ".join(figures))
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
