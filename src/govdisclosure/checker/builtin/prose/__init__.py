"""Prose against the tables: what the text says about applications, reviews, lawsuits and
the year, compared with tables 三 and 四 and with the report year (P1–P5).

Only explicit statements are read. A figure counts only when the words that say what it
counts stand right before it ("新收政府信息公开申请 17 件", "上年结转5件", "行政复议 1 件"):
an approximate figure ("20 余件"), a subset ("其中…"), last year's figure ("较上年…", a
sentence about another year) or a count of something else (信访案件, 政协提案, 行政许可申请,
公开信息 174 条) is not read. A rule that finds no statement it understands records nothing.

The package reads in steps: :mod:`.phrases` holds the wording looked for (regular
expressions and word lists), :mod:`.reading` finds the statements of a report, and this
module names the cells each is compared with ("表三 一、本年新收政府信息公开申请数量·总计",
"表四 行政复议·总计", from the layout as the form prints them) and holds the rules, which
register on import.

>>> import attrs, govdisclosure as gd
>>> r = gd.examples.load("shiyan-ziranziyuan-2022")
>>> sub = attrs.evolve(r.overview.subsections[1], paragraphs=["全年新收政府信息公开申请 17 件。"])
>>> r = attrs.evolve(r, overview=attrs.evolve(r.overview, subsections=(sub,)))
>>> finding = gd.validate(r, select="P2").findings[0]
>>> finding.quote, finding.reported, finding.computed
('全年新收政府信息公开申请 17 件', 17, 54)
>>> print(finding.message_zh.replace("与", "\\n与"))
一、总体情况（依申请公开）：“全年新收政府信息公开申请 17 件”
与表三 一、本年新收政府信息公开申请数量·总计（54）不一致
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from govdisclosure.categories import Applicant, ApplicationRow, ReviewCase, ReviewResult, Section
from govdisclosure.checker.builtin.prose.reading import Statement, calendar, statements
from govdisclosure.checker.builtin.prose.workyear import work_years
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Severity, node_path
from govdisclosure.checker.registry import rule
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.layouts import TableLayout, layout

# --- the cells compared -----------------------------------------------------------------


class Target(NamedTuple):
    """The table cells a statement is compared with (their sum), and how to name them: as
    a place whose Chinese name reads as the form prints the row ("表三 一、…·总计") and whose
    English name is the cells' (made only when an English message is asked for)."""

    section: Section
    positions: tuple[int, ...]
    name: Location


#: The rows of table 三 whose 总计 a kind of count is compared with.
_APPLICATION_ROWS = (
    ("new", ApplicationRow.NEW),
    ("carried_over", ApplicationRow.CARRIED_OVER),
    ("handled", ApplicationRow.TOTAL),
    ("forward", ApplicationRow.CARRIED_FORWARD),
)


def _application_total(table: TableLayout, row: ApplicationRow) -> Target:
    """三's 总计 of ``row``, named with its numbering and its group's:
    "表三 三、本年度办理结果（七）总计·总计"."""
    position = table.position(row, Applicant.TOTAL)
    row_name = "".join(f"{node.numbering}{node.label}" for node in node_path(table.row_tree, row))
    total = table.column_node(Applicant.TOTAL).label
    cell = Location.of_cell(table.edition, table.section, position)
    return Target(table.section, (position,), cell.renamed(f"表{table.number} {row_name}·{total}"))


def _review_total(table: TableLayout, case: ReviewCase) -> Target:
    """四's 总计 of ``case`` ("表四 行政复议·总计"), or of a group of cases added together
    ("表四 行政诉讼（未经复议直接起诉·总计 + 复议后起诉·总计）")."""
    node = node_path(table.row_tree, case)[-1]
    leaves = tuple(node.leaves())
    positions = tuple(table.position(leaf.key, ReviewResult.TOTAL) for leaf in leaves)
    cells = [Location.of_cell(table.edition, table.section, p) for p in positions]
    total = table.column_node(ReviewResult.TOTAL).label
    if not node.is_group:
        name = cells[0].renamed(f"表{table.number} {node.label}·{total}")
        return Target(table.section, positions, name)
    parts = " + ".join(f"{leaf.label}·{total}" for leaf in leaves)
    group = Location.of_section(table.section).renamed(
        f"表{table.number} {node.label}（{parts}）",
        functools.partial(_sum_name_en, tuple(cells)),  # not a lambda: it may be pickled
    )
    return Target(table.section, positions, group)


def _sum_name_en(cells: tuple[Location, ...]) -> str:
    return " + ".join(cell.name_en for cell in cells)


@functools.cache
def _targets(edition: Edition) -> dict[str, Target]:
    """The cells each kind of statement is compared with, by kind ("new", "review"…)."""
    tables = layout(edition)
    found = {kind: _application_total(tables.applications, row) for kind, row in _APPLICATION_ROWS}
    found["review"] = _review_total(tables.reviews, ReviewCase.REVIEW)
    found["litigation"] = _review_total(tables.reviews, ReviewCase.LITIGATION)
    return found


def _compare(ctx: Context, statement: Statement, target: Target) -> None:
    """Record whether ``statement``'s figure equals the sum of ``target``'s cells."""
    where = statement.location
    cells = ctx.cells[target.section]
    values = [cells[p] for p in target.positions]
    numbers = [v for v in values if type(v) is int]
    if len(numbers) == len(values) and sum(numbers) == statement.figure:
        ctx.held(where)
        return
    # Only a finding needs the quote and the cells' names.
    quote = statement.quote
    involved = tuple(ctx.cell(target.section, p) for p in target.positions)
    if len(numbers) < len(values):
        ctx.unchecked(
            where,
            _("{cell}：“{quote}”无法核对：{target} 未填写数字"),
            {"target": target.name},
            quote=quote,
            reported=statement.figure,
            involved=involved,
        )
        return
    computed = sum(numbers)
    if statement.kind == "none":
        template = _("{cell}：“{quote}”称未收到申请，但{target}为 {computed}")
    elif statement.kind == "all_done":
        template = _("{cell}：“{quote}”称申请均已办结，但{target}为 {computed}")
    else:
        template = _("{cell}：“{quote}”与{target}（{computed}）不一致")
    ctx.failed(
        where,
        template,
        {"target": target.name},
        expression=f"正文 = {target.name.name_zh}",
        quote=quote,
        reported=statement.figure,
        computed=computed,
        involved=involved,
    )


# --- the rules ----------------------------------------------------------------------------


@rule(
    "P1",
    family="prose",
    severity=Severity.WARNING,
    title_zh="“未收到申请”与表三本年新收申请数量相符",
    title_en="“No applications received” agrees with the new applications of table 3",
    example="一、总体情况（依申请公开办理情况）",
)
def none_received(ctx: Context) -> None:
    """A sentence saying that no application was received ("未收到政府信息公开的申请",
    "没有收到…申请", "无依申请公开") agrees with table 三: 一、本年新收政府信息公开申请数量·
    总计 is 0 (applications carried over from last year do not matter)."""
    target = _targets(ctx.edition)["new"]
    for statement in statements(ctx).none:
        _compare(ctx, statement, target)


@rule(
    "P2",
    family="prose",
    severity=Severity.WARNING,
    title_zh="正文所述申请、复议、诉讼件数与表三、表四相符",
    title_en="Counts of applications, reviews and lawsuits in the text agree with tables 3 and 4",
    example="一、总体情况（依申请公开）",
)
def figures_agree(ctx: Context) -> None:
    """A count stated in the text agrees with the table: applications received (新收,
    收到…申请 N 件) with 三、一 总计; carried over (上年结转 N 件) with 三、二 总计; dealt
    with (办结/答复 N 件) with 三（七）总计·总计; carried forward (结转下年度 N 件) with 三、四
    总计; administrative reviews (行政复议 N 件) with 四、行政复议·总计; lawsuits (行政诉讼
    N 件) with the two 行政诉讼 总计 of table 四 together."""
    by_kind = _targets(ctx.edition)
    for statement in statements(ctx).figures:
        _compare(ctx, statement, by_kind[statement.kind])


@rule(
    "P3",
    family="prose",
    severity=Severity.WARNING,
    title_zh="“申请均已办结”与结转下年度数量相符",
    title_en="“Every application dealt with” agrees with the applications carried forward",
    example="一、总体情况（依申请公开）",
)
def all_dealt_with(ctx: Context) -> None:
    """A sentence saying that every application was dealt with ("所有申请均已办结", "全部
    办结", "均已按时办结") agrees with table 三: 四、结转下年度继续办理·总计 is 0."""
    target = _targets(ctx.edition)["forward"]
    for statement in statements(ctx).all_done:
        _compare(ctx, statement, target)


_PERIOD_FIELD = Location.of_field("$.report.preamble.period", _("统计期限"))


@rule(
    "P4",
    family="prose",
    severity=Severity.ERROR,
    title_zh="统计期限与报告年度相符",
    title_en="The statistical period is the report year",
    example="前言",
)
def period_is_report_year(ctx: Context) -> None:
    """The statistical period is 1 January to 31 December of the report year: the period
    the preamble states (its structured field), a period stated in the text ("统计期限为
    2020 年 1 月 1 日至 12 月 31 日"), and a year that opens a sentence about the period
    reported on ("2020 年度，…", "2020 年度未收到…"; not "2019 年度报告", a document's date
    or a comparison with another year)."""
    report = ctx.report
    year = report.year
    period = report.preamble.period
    if period is not None:
        start, end = period.start, period.end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
            start.year == end.year == year
        ):
            ctx.held(_PERIOD_FIELD)
        else:
            ctx.failed(
                _PERIOD_FIELD,
                _("统计期限 {start} 至 {end} 不是报告年度 {year} 年的 1 月 1 日至 12 月 31 日"),
                {"start": start.isoformat(), "end": end.isoformat(), "year": year},
                reported=f"{start.isoformat()}/{end.isoformat()}",
                computed=calendar(year),
            )
    for statement, expected in statements(ctx).dated:
        stated = statement.figure
        if stated == expected:
            ctx.held(statement.location)
            continue
        if isinstance(stated, str) and stated[:4] == stated[11:15] == f"{year:04d}":
            template = _("{cell}：“{quote}”所述统计期限不是 {year} 年 1 月 1 日至 12 月 31 日")
        else:
            template = _("{cell}：“{quote}”所述年度为 {named} 年，与报告年度 {year} 年不符")
        ctx.failed(
            statement.location,
            template,
            {"year": year, "named": stated[:4] if isinstance(stated, str) else stated},
            quote=statement.quote,
            reported=stated,
            computed=expected,
        )


@rule(
    "P5",
    family="prose",
    severity=Severity.WARNING,
    title_zh="正文所述工作年度为报告年度",
    title_en="The text speaks of the report year as the year of the work",
    example="一、总体情况",
)
def work_year_is_report_year(ctx: Context) -> None:
    """A year that opens a sentence or a clause of section 一 or the preamble as the year
    of the work ("2022年，我局…", "2022年度共收到…", "2022年共…") is the report year; an
    earlier one is text carried over from an earlier report. Not read: a regulation's or
    a document's year ("2019年修订", "自2019年起", 〔2022〕), a date ("2023年1月15日"), a
    title in 《》, a comparison ("较2022年"), a sentence that names the report year too,
    later years (plans, the date of publication: "2024年将…"), sections 五 and 六 (which
    look back at last year's problems), and a "X年度" that P4 reads as the statistical
    period."""
    for statement, year in work_years(ctx):
        if statement.figure == year:
            ctx.held(statement.location)
            continue
        ctx.failed(
            statement.location,
            _(
                "{cell}：“{quote}”以 {named} 年为工作年度，报告年度为 {year} 年，"
                "疑似沿用往年报告的文字"
            ),
            {"named": statement.figure, "year": year},
            quote=statement.quote,
            reported=statement.figure,
            computed=year,
        )
