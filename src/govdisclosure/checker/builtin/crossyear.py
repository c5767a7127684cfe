"""Cross-year rules: this year's report against last year's report of the same organ.

They run only when :func:`~govdisclosure.validate` is given ``previous=``. X0 checks that
the two reports can be compared at all (last year, same organ); when they cannot, the
other rules say so at every place they apply (``unchecked``) instead of comparing.

Positions come from each report's own layout, so table 三 compares across the edition
boundary (its columns and its 二、 and 四、 rows did not change). Cells of last year's
report are named "上年报告 …" ("Last year's report: …") in ``involved``; their JSON path
starts with ``$previous`` instead of ``$`` (``$previous.report.applications.…``), so a tool
that follows paths can tell the two reports apart.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from govdisclosure.categories import ApplicationRow, ProactiveColumn, Section
from govdisclosure.cells import Cell, Money
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Severity
from govdisclosure.checker.registry import rule
from govdisclosure.editions import Edition
from govdisclosure.layouts import TableLayout, layout
from govdisclosure.report import AnnualReport

_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
_LAST_ZH = "上年报告 "
_LAST_EN = "Last year's report: "

_ORGAN = Location.of_field("$.report.organ", "机关名称", "Organ")
_YEAR = Location.of_field("$.report.year", "报告年度", "Report year")


def _previous(ctx: Context) -> AnnualReport:
    assert ctx.previous is not None, "cross-year rules run only with last year's report"
    return ctx.previous


def _organ_key(organ: str) -> str:
    return "".join(organ.split())


def _mismatch(report: AnnualReport, previous: AnnualReport) -> tuple[str, str] | None:
    """Why ``previous`` is not last year's report of the same organ (zh, en), or None."""
    zh: list[str] = []
    en: list[str] = []
    if previous.year != report.year - 1:
        zh.append(f"上年报告为 {previous.year} 年度报告，不是 {report.year - 1} 年度报告")
        en.append(f"last year's report is on {previous.year}, not {report.year - 1}")
    if _organ_key(previous.organ) != _organ_key(report.organ):
        zh.append(f"上年报告的机关为“{previous.organ}”，不是“{report.organ}”")
        en.append(f"last year's report is by {previous.organ}, not {report.organ}")
    return ("；".join(zh), "; ".join(en)) if zh else None


def _not_comparable(ctx: Context, location: Location, reason: tuple[str, str]) -> None:
    ctx.unchecked(
        location,
        f"{location.name_zh} 无法与上年比较：{reason[0]}（见 X0）",
        f"{location.name_en} cannot be compared with last year: {reason[1]} (see X0)",
    )


def _last_year(location: Location) -> Location:
    """``location`` as a place in last year's report."""
    return Location(
        json_path="$previous" + location.json_path[1:],
        name_zh=_LAST_ZH + location.name_zh,
        name_en=_LAST_EN + location.name_en,
        section=location.section,
        row=location.row,
        column=location.column,
        order=location.order,
    )


@functools.cache
def _last_cell(edition: Edition, section: Section, position: int) -> Location:
    return _last_year(Location.of_cell(edition, section, position))


def _label(table: TableLayout, column: ProactiveColumn) -> str:
    return table.column_node(column).label


def _gaps(places: Sequence[tuple[Location, Cell]]) -> list[Location]:
    return [place for place, cell in places if type(cell) is not int]


def _no_number(ctx: Context, location: Location, gaps: list[Location]) -> None:
    ctx.unchecked(
        location,
        f"{location.name_zh} 无法与上年核对：{'、'.join(g.name_zh for g in gaps)} 未填写数字",
        f"{location.name_en} cannot be checked against last year: "
        f"{', '.join(g.name_en for g in gaps)} hold no number",
        involved=tuple(gaps),
    )


@rule(
    "X0",
    family="cross-year",
    severity=Severity.ERROR,
    title_zh="上年报告是本机关上一年度的报告",
    title_en="Last year's report is the same organ's report on the year before",
    example="报告年度",
    needs_previous=True,
)
def previous_is_last_year(ctx: Context) -> None:
    """The report given as last year's is on the year before this one and by the same
    organ (names compared without spaces). Otherwise the other cross-year rules cannot
    compare, and say so."""
    report, previous = ctx.report, _previous(ctx)
    if _organ_key(previous.organ) == _organ_key(report.organ):
        ctx.held(_ORGAN)
    else:
        ctx.failed(
            _ORGAN,
            f"上年报告的机关为“{previous.organ}”，与本报告“{report.organ}”不同，"
            "不能作为本机关的上年报告比较",
            f"last year's report is by {previous.organ}, not by {report.organ}; "
            "it cannot be compared as this organ's previous report",
            reported=previous.organ,
            computed=report.organ,
            involved=(_last_year(_ORGAN),),
        )
    if previous.year == report.year - 1:
        ctx.held(_YEAR)
    else:
        ctx.failed(
            _YEAR,
            f"本报告为 {report.year} 年度报告，所给上年报告为 {previous.year} 年度，"
            f"应为 {report.year - 1} 年度",
            f"this report is on {report.year}, but last year's report given is on "
            f"{previous.year}; it should be on {report.year - 1}",
            expression="上年报告年度 = 本报告年度 - 1",
            reported=previous.year,
            computed=report.year - 1,
            involved=(_last_year(_YEAR),),
        )


@rule(
    "X1",
    family="cross-year",
    severity=Severity.ERROR,
    title_zh="上年结转等于上年报告的结转下年度继续办理",
    title_en="Carried over equals last year's carried forward, per column",
    example="三、上年结转政府信息公开申请数量·自然人",
    needs_previous=True,
)
def carried_over_matches(ctx: Context) -> None:
    """Table 三, in every column: 二、上年结转政府信息公开申请数量 equals 四、结转下年度继续
    办理 of last year's report. Holds across the edition boundary: table 三's columns are
    the same in both editions."""
    previous = _previous(ctx)
    section = Section.APPLICATIONS
    here, there = ctx.layout.applications, layout(previous.edition).applications
    cells, last_cells = ctx.report.applications.cells, previous.applications.cells
    mismatch = _mismatch(ctx.report, previous)
    for node in here.columns_of(ApplicationRow.CARRIED_OVER):
        if not there.has_cell(ApplicationRow.CARRIED_FORWARD, node.key):
            continue
        position = here.position(ApplicationRow.CARRIED_OVER, node.key)
        last_position = there.position(ApplicationRow.CARRIED_FORWARD, node.key)
        reported, carried = cells[position], last_cells[last_position]
        if mismatch is None and type(reported) is int and reported == carried:
            ctx.held_cell(section, position)
            continue
        location = ctx.cell(section, position)
        if mismatch is not None:
            _not_comparable(ctx, location, mismatch)
            continue
        last = _last_cell(previous.edition, section, last_position)
        if type(reported) is not int or type(carried) is not int:
            _no_number(ctx, location, _gaps(((location, reported), (last, carried))))
            continue
        difference = reported - carried
        ctx.failed(
            location,
            f"{location.name_zh} 填报为 {reported}，{last.name_zh} 为 {carried}"
            f"（相差 {difference:+d}），两者应相等",
            f"{location.name_en} is reported as {reported}, but last year's report has "
            f"{carried} at {Location.of_cell(previous.edition, section, last_position).name_en} "
            f"(difference {difference:+d}); they should be equal",
            expression="上年结转（本年） = 结转下年度继续办理（上年）",
            reported=reported,
            computed=carried,
            involved=(last,),
        )


@rule(
    "X2",
    family="cross-year",
    severity=Severity.WARNING,
    title_zh="上一年项目数量等于上年报告的上一年项目数量加本年增/减（2019 年版格式）",
    title_en="Previous year's items equal last year's items plus last year's change (2019)",
    example="二、行政许可·上一年项目数量",
    needs_previous=True,
)
def items_follow_last_year(ctx: Context) -> None:
    """Table 二, both reports in the 2019 edition: for 行政许可, 其他对外管理服务事项,
    行政处罚, 行政强制 and 行政事业性收费, this year's 上一年项目数量 equals last year's
    上一年项目数量 plus last year's 本年增/减. Not applicable when either report uses the 2021
    edition, which has no item counts."""
    previous = _previous(ctx)
    section = Section.PROACTIVE
    here, there = ctx.layout.proactive, layout(previous.edition).proactive
    items, change = ProactiveColumn.PREVIOUS_ITEMS, ProactiveColumn.CHANGE
    cells, last_cells = ctx.report.proactive.cells, previous.proactive.cells
    mismatch = _mismatch(ctx.report, previous)
    for plan in here.row_plans:
        row = plan.key
        if not (
            here.has_cell(row, items) and there.has_cell(row, items) and there.has_cell(row, change)
        ):
            continue
        position = here.position(row, items)
        last_items, last_change = there.position(row, items), there.position(row, change)
        reported = cells[position]
        before, delta = last_cells[last_items], last_cells[last_change]
        numbers = type(reported) is int and type(before) is int and type(delta) is int
        if mismatch is None and numbers and reported == before + delta:  # type: ignore[operator]
            ctx.held_cell(section, position)
            continue
        location = ctx.cell(section, position)
        if mismatch is not None:
            _not_comparable(ctx, location, mismatch)
            continue
        involved = (
            _last_cell(previous.edition, section, last_items),
            _last_cell(previous.edition, section, last_change),
        )
        if not numbers:
            places = ((location, reported), (involved[0], before), (involved[1], delta))
            _no_number(ctx, location, _gaps(places))
            continue
        expected = before + delta  # type: ignore[operator]
        difference = reported - expected  # type: ignore[operator]
        ctx.failed(
            location,
            f"{location.name_zh} 填报为 {reported}，上年报告中该项{_label(there, items)}为 "
            f"{before}、{_label(there, change)}为 {delta:+d}，合计应为 {expected}"
            f"（相差 {difference:+d}）",
            f"{location.name_en} is reported as {reported}, but last year's report gives "
            f"{before} items and a change of {delta:+d}, that is {expected} "
            f"(difference {difference:+d})",
            expression=f"{_label(here, items)}（本年） = {_label(there, items)}（上年） + "
            f"{_label(there, change)}（上年）",
            reported=reported,
            computed=expected,
            involved=involved,
        )


@rule(
    "X3",
    family="cross-year",
    severity=Severity.WARNING,
    title_zh="现行有效件数约等于上年现行有效件数加本年制发减本年废止（2021 年版格式）",
    title_en="Documents in force follow from last year's, plus issued, minus repealed (2021)",
    example="二、行政规范性文件·现行有效件数",
    needs_previous=True,
)
def in_force_follows_last_year(ctx: Context) -> None:
    """Table 二, both reports in the 2021 edition, for 规章 and 行政规范性文件: 现行有效件数
    about equals last year's 现行有效件数 + 本年制发件数 - 本年废止件数. Only exact equality
    holds; a difference is a warning, since documents also expire or are revised without
    being repealed (the report should then say so)."""
    previous = _previous(ctx)
    section = Section.PROACTIVE
    here, there = ctx.layout.proactive, layout(previous.edition).proactive
    in_force, issued, repealed = (
        ProactiveColumn.IN_FORCE,
        ProactiveColumn.ISSUED,
        ProactiveColumn.REPEALED,
    )
    cells, last_cells = ctx.report.proactive.cells, previous.proactive.cells
    mismatch = _mismatch(ctx.report, previous)
    for plan in here.row_plans:
        row = plan.key
        if not (
            here.has_cell(row, in_force)
            and here.has_cell(row, issued)
            and here.has_cell(row, repealed)
            and there.has_cell(row, in_force)
        ):
            continue
        position = here.position(row, in_force)
        issued_at, repealed_at = here.position(row, issued), here.position(row, repealed)
        last_at = there.position(row, in_force)
        reported, new, gone = cells[position], cells[issued_at], cells[repealed_at]
        before = last_cells[last_at]
        numbers = all(type(c) is int for c in (reported, new, gone, before))
        if mismatch is None and numbers and reported == before + new - gone:  # type: ignore[operator]
            ctx.held_cell(section, position)
            continue
        location = ctx.cell(section, position)
        if mismatch is not None:
            _not_comparable(ctx, location, mismatch)
            continue
        last = _last_cell(previous.edition, section, last_at)
        involved = (last, ctx.cell(section, issued_at), ctx.cell(section, repealed_at))
        if not numbers:
            places = ((location, reported), (last, before), (involved[1], new), (involved[2], gone))
            _no_number(ctx, location, _gaps(places))
            continue
        expected = before + new - gone  # type: ignore[operator]
        difference = reported - expected  # type: ignore[operator]
        ctx.failed(
            location,
            f"{location.name_zh} 填报为 {reported}，按上年报告{_label(there, in_force)} {before}"
            f" + {_label(here, issued)} {new} - {_label(here, repealed)} {gone} 应为 {expected}"
            f"（相差 {difference:+d}）；如有文件到期失效或经修订，请在报告中说明，否则请核对",
            f"{location.name_en} is reported as {reported}, but last year's {before} in force "
            f"+ {new} issued - {gone} repealed gives {expected} (difference {difference:+d}); "
            "documents also expire or are revised: if so, say so in the report, otherwise "
            "check the figures",
            expression=f"{_label(here, in_force)}（本年） ≈ {_label(there, in_force)}（上年） + "
            f"{_label(here, issued)} - {_label(here, repealed)}",
            reported=reported,
            computed=expected,
            involved=involved,
        )


@functools.cache
def _same_layout(edition: Edition, other: Edition, section: Section) -> bool:
    """Whether the table of ``section`` has the same cells in both editions."""
    a, b = layout(edition).table(section), layout(other).table(section)
    return [(c.row, c.column, c.kind, c.unit) for c in a.cells] == [
        (c.row, c.column, c.kind, c.unit) for c in b.cells
    ]


def _is_nonzero(cell: Cell) -> bool:
    return (type(cell) is int and cell != 0) or (type(cell) is Money and cell.amount != 0)


def _is_number(cell: Cell) -> bool:
    return type(cell) is int or type(cell) is Money


@rule(
    "X4",
    family="cross-year",
    severity=Severity.WARNING,
    title_zh="表格与上年报告逐格相同（疑似照抄上年数据）",
    title_en="A table identical to last year's, cell for cell (figures copied?)",
    example="三、收到和处理政府信息公开申请情况",
    needs_previous=True,
)
def table_not_copied(ctx: Context) -> None:
    """Tables 二, 三 and 四: a table identical to last year's cell for cell, with figures
    that are not all zero, was most likely copied from last year's report. Compared only
    where both years use the same layout: table 四 always, tables 二 and 三 when both
    reports use the same edition."""
    previous = _previous(ctx)
    mismatch = _mismatch(ctx.report, previous)
    for section in _TABLES:
        if not _same_layout(ctx.edition, previous.edition, section):
            continue
        location = Location.of_section(section)
        if mismatch is not None:
            _not_comparable(ctx, location, mismatch)
            continue
        cells, last_cells = ctx.report.table(section).cells, previous.table(section).cells
        if cells != last_cells:
            ctx.held(location)
            continue
        nonzero = sum(map(_is_nonzero, cells))
        if nonzero:
            ctx.failed(
                location,
                f"{location.name_zh} 与上年报告逐格相同（{len(cells)} 个单元格，其中 {nonzero} 个"
                "不为零），疑似照抄上年数据，请核对本年数字",
                f"{location.name_en} is identical to last year's, cell for cell ({len(cells)} "
                f"cells, {nonzero} of them not zero): the figures look copied from last year",
                reported=nonzero,
                involved=(_last_year(location),),
            )
        elif any(map(_is_number, cells)):
            ctx.held(location)  # all zero both years: nothing happened, nothing copied
        else:
            ctx.unchecked(
                location,
                f"{location.name_zh} 无法与上年比较：本年和上年均未填写数字",
                f"{location.name_en} cannot be compared with last year: neither year's table "
                "holds a number",
            )
