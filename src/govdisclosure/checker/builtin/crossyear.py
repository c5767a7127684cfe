"""Cross-year rules: this year's report against last year's report of the same organ.

They run only when :func:`~govdisclosure.validate` is given ``previous=``. X0 checks that
the two reports can be compared at all (last year, same organ); when they cannot, the
other rules say so at every place they apply (``unchecked``) instead of comparing.

Positions come from each report's own layout, so table 三 compares across the edition
boundary (its columns and its 二、 and 四、 rows did not change). Cells of last year's
report are named "上年报告 …" (in English "Last year's report: …") in ``involved``; their JSON path
starts with ``$previous`` instead of ``$`` (``$previous.report.applications.…``), so a tool
that follows paths can tell the two reports apart.
"""

from __future__ import annotations

import functools

from govdisclosure.categories import ApplicationRow, ProactiveColumn, Section
from govdisclosure.cells import Cell, Money
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Names, Severity, Term
from govdisclosure.checker.registry import rule
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.layouts import TableLayout, layout
from govdisclosure.report import AnnualReport, organ_key

_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
#: The columns of table 二 that X3 reads, in the order it names them.
_IN_FORCE_COLUMNS = (ProactiveColumn.IN_FORCE, ProactiveColumn.ISSUED, ProactiveColumn.REPEALED)
#: The name of a place of last year's report.
_LAST = _("上年报告 {place}")

_ORGAN = Location.of_field("$.report.organ", _("机关名称"))
_YEAR = Location.of_field("$.report.year", _("报告年度"))


def _previous(ctx: Context) -> AnnualReport:
    assert ctx.previous is not None, "cross-year rules run only with last year's report"
    return ctx.previous


#: Why last year's report cannot be compared (see :func:`_mismatch`).
Mismatch = tuple[str, dict[str, object]]


def _mismatch(report: AnnualReport, previous: AnnualReport) -> Mismatch | None:
    """Why ``previous`` is not last year's report of the same organ — the message of the
    findings that cannot compare, and its params — or None."""
    other_year = previous.year != report.year - 1
    other_organ = organ_key(previous.organ) != organ_key(report.organ)
    if other_year and other_organ:
        template = _(
            "{cell} 无法与上年比较：上年报告为 {last_year} 年度报告，不是 {year} 年度报告；"
            "上年报告的机关为“{last_organ}”，不是“{organ}”（见 X0）"
        )
    elif other_year:
        template = _(
            "{cell} 无法与上年比较：上年报告为 {last_year} 年度报告，不是 {year} 年度报告（见 X0）"
        )
    elif other_organ:
        template = _(
            "{cell} 无法与上年比较：上年报告的机关为“{last_organ}”，不是“{organ}”（见 X0）"
        )
    else:
        return None
    params: dict[str, object] = {}
    if other_year:
        params.update(last_year=previous.year, year=report.year - 1)
    if other_organ:
        params.update(last_organ=previous.organ, organ=report.organ)
    return template, params


def _last_year(location: Location) -> Location:
    """``location`` as a place in last year's report."""
    return location.renamed(
        _LAST.format(place=location.name_zh),
        functools.partial(_last_year_en, location),  # not a lambda: it may be pickled
        json_path="$previous" + location.json_path[1:],
    )


def _last_year_en(location: Location) -> str:
    return translate(_LAST, "en").format(place=location.name_en)


@functools.cache
def _last_cell(edition: Edition, section: Section, position: int) -> Location:
    return _last_year(Location.of_cell(edition, section, position))


def _label(table: TableLayout, column: ProactiveColumn) -> str:
    return table.column_node(column).label


def _cannot_compare(
    ctx: Context, mismatch: Mismatch | None, places: tuple[Location, ...], figures: tuple[Cell, ...]
) -> bool:
    """Whether the cell at ``places[0]`` cannot be compared with last year, recorded as
    unchecked: the reports are not comparable (``mismatch``), or one of the ``figures``
    (the values at ``places``) is not a number."""
    if mismatch is not None:
        ctx.unchecked(places[0], *mismatch)
        return True
    gaps = tuple(p for p, cell in zip(places, figures, strict=True) if type(cell) is not int)
    if gaps:
        template = _("{cell} 无法与上年核对：{gaps} 未填写数字")
        ctx.unchecked(places[0], template, {"gaps": Names(gaps, limit=len(gaps))}, involved=gaps)
    return bool(gaps)


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
    if organ_key(previous.organ) == organ_key(report.organ):
        ctx.held(_ORGAN)
    else:
        ctx.failed(
            _ORGAN,
            _(
                "上年报告的机关为“{reported}”，与本报告“{computed}”不同，"
                "不能作为本机关的上年报告比较"
            ),
            reported=previous.organ,
            computed=report.organ,
            involved=(_last_year(_ORGAN),),
        )
    if previous.year == report.year - 1:
        ctx.held(_YEAR)
    else:
        ctx.failed(
            _YEAR,
            _("本报告为 {year} 年度报告，所给上年报告为 {reported} 年度，应为 {computed} 年度"),
            {"year": report.year},
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
        figures = reported, carried = cells[position], last_cells[last_position]
        if mismatch is None and type(reported) is int and reported == carried:
            ctx.held_cell(section, position)
            continue
        location = ctx.cell(section, position)
        last = _last_cell(previous.edition, section, last_position)
        if _cannot_compare(ctx, mismatch, (location, last), figures):
            continue
        ctx.failed(
            location,
            _(
                "{cell} 填报为 {reported}，上年报告 {last} 为 {computed}（相差 {difference:+d}），"
                "两者应相等"
            ),
            {"last": Location.of_cell(previous.edition, section, last_position)},
            expression="上年结转（本年） = 结转下年度继续办理（上年）",
            reported=reported,
            computed=carried,
            involved=(last,),
        )


@functools.cache
def _rows(
    edition: Edition,
    last: Edition,
    ours: tuple[ProactiveColumn, ...],
    theirs: tuple[ProactiveColumn, ...],
) -> tuple[tuple[int, ...], ...]:
    """For each row of table 二 with the columns ``ours`` this year and ``theirs`` last year:
    the positions of those cells, in that order (worked out once per pair of editions)."""
    here, there = layout(edition).proactive, layout(last).proactive
    return tuple(
        (*[here.position(row, c) for c in ours], *[there.position(row, c) for c in theirs])
        for row in (plan.key for plan in here.row_plans)
        if all(here.has_cell(row, c) for c in ours) and all(there.has_cell(row, c) for c in theirs)
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
    cells, last_cells = ctx.report.proactive.cells, previous.proactive.cells
    mismatch = _mismatch(ctx.report, previous)
    here, there = ctx.layout.proactive, layout(previous.edition).proactive
    items, change = ProactiveColumn.PREVIOUS_ITEMS, ProactiveColumn.CHANGE
    rows = _rows(ctx.edition, previous.edition, (items,), (items, change))
    for position, last_items, last_change in rows:
        figures = (cells[position], last_cells[last_items], last_cells[last_change])
        reported, before, delta = figures
        numbers = all(type(c) is int for c in figures)
        if mismatch is None and numbers and reported == before + delta:  # type: ignore[operator]
            ctx.held_cell(section, position)
            continue
        location = ctx.cell(section, position)
        involved = (
            _last_cell(previous.edition, section, last_items),
            _last_cell(previous.edition, section, last_change),
        )
        if _cannot_compare(ctx, mismatch, (location, *involved), figures):
            continue
        ctx.failed(
            location,
            _(
                "{cell} 填报为 {reported}，上年报告中该项{items}为 {before}、{change}为 "
                "{delta:+d}，合计应为 {computed}（相差 {difference:+d}）"
            ),
            {
                "items": Term(_label(there, items)),
                "before": before,
                "change": Term(_label(there, change)),
                "delta": delta,
            },
            expression=f"{_label(here, items)}（本年） = {_label(there, items)}（上年） + "
            f"{_label(there, change)}（上年）",
            reported=reported,
            computed=before + delta,  # type: ignore[operator]
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
    cells, last_cells = ctx.report.proactive.cells, previous.proactive.cells
    mismatch = _mismatch(ctx.report, previous)
    here, there = ctx.layout.proactive, layout(previous.edition).proactive
    in_force, issued, repealed = _IN_FORCE_COLUMNS
    rows = _rows(ctx.edition, previous.edition, _IN_FORCE_COLUMNS, (in_force,))
    for position, issued_at, repealed_at, last_at in rows:
        figures = (cells[position], last_cells[last_at], cells[issued_at], cells[repealed_at])
        reported, before, new, gone = figures
        numbers = all(type(c) is int for c in figures)
        if mismatch is None and numbers and reported == before + new - gone:  # type: ignore[operator]
            ctx.held_cell(section, position)
            continue
        location = ctx.cell(section, position)
        last = _last_cell(previous.edition, section, last_at)
        involved = (last, ctx.cell(section, issued_at), ctx.cell(section, repealed_at))
        if _cannot_compare(ctx, mismatch, (location, *involved), figures):
            continue
        ctx.failed(
            location,
            _(
                "{cell} 填报为 {reported}，按上年报告{in_force} {before} + {issued} {new} - "
                "{repealed} {gone} 应为 {computed}（相差 {difference:+d}）；"
                "如有文件到期失效或经修订，请在报告中说明，否则请核对"
            ),
            {
                "in_force": Term(_label(there, in_force)),
                "before": before,
                "issued": Term(_label(here, issued)),
                "new": new,
                "repealed": Term(_label(here, repealed)),
                "gone": gone,
            },
            expression=f"{_label(here, in_force)}（本年） ≈ {_label(there, in_force)}（上年） + "
            f"{_label(here, issued)} - {_label(here, repealed)}",
            reported=reported,
            computed=before + new - gone,  # type: ignore[operator]
            involved=involved,
        )


@functools.cache
def _same_layout(edition: Edition, other: Edition, section: Section) -> bool:
    """Whether the table of ``section`` has the same cells in both editions."""
    return layout(edition).table(section).cells == layout(other).table(section).cells


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
            ctx.unchecked(location, *mismatch)
            continue
        cells, last_cells = ctx.report.table(section).cells, previous.table(section).cells
        if cells != last_cells:
            ctx.held(location)
            continue
        nonzero = sum(map(_is_nonzero, cells))
        if nonzero:
            ctx.failed(
                location,
                _(
                    "{cell} 与上年报告逐格相同（{cells} 个单元格，其中 {reported} 个不为零），"
                    "疑似照抄上年数据，请核对本年数字"
                ),
                {"cells": len(cells)},
                reported=nonzero,
                involved=(_last_year(location),),
            )
        elif any(map(_is_number, cells)):
            ctx.held(location)  # all zero both years: nothing happened, nothing copied
        else:
            ctx.unchecked(location, _("{cell} 无法与上年比较：本年和上年均未填写数字"))
