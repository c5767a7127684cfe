"""Values: blank cells, not-applicable marks, plausible item counts, money."""

from __future__ import annotations

import functools

from govdisclosure.categories import MoneyUnit, ProactiveColumn, ProactiveRow, Section
from govdisclosure.cells import Blank, Money, NotApplicable
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Names, Severity, Term
from govdisclosure.checker.registry import rule
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.layouts import layout

_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
_FEE = (ProactiveRow.FEES, ProactiveColumn.FEE_AMOUNT)


@rule(
    "V1",
    family="values",
    severity=Severity.INFO,
    title_zh="空白单元格统计",
    title_en="Census of blank cells",
    example="四、政府信息公开行政复议、行政诉讼情况",
)
def blank_census(ctx: Context) -> None:
    """Each table: which cells were left blank. A blank is not zero: the rules that need a
    blank cell cannot be checked, and say so."""
    for section in _TABLES:
        location = Location.of_section(section)
        if Blank not in ctx.kinds(section):
            ctx.held(location)
            continue
        cells = ctx.cells[section]
        blanks = [p for p, c in enumerate(cells) if type(c) is Blank]
        names = tuple(ctx.cell(section, p) for p in blanks)
        ctx.failed(
            location,
            _("{cell}：{reported} 个单元格未填写（共 {cells} 个）：{blanks}"),
            {"cells": len(cells), "blanks": Names(names, limit=5)},
            reported=len(blanks),
            involved=tuple(names),
        )


@rule(
    "V2",
    family="values",
    severity=Severity.WARNING,
    title_zh="表格大部分空白",
    title_en="A table mostly blank",
    example="三、收到和处理政府信息公开申请情况",
)
def mostly_blank(ctx: Context) -> None:
    """Each table: more than half of its cells blank usually means the table was not
    filled in at all (write 0 where the count is zero)."""
    for section in _TABLES:
        location = Location.of_section(section)
        cells = ctx.cells[section]
        if Blank not in ctx.kinds(section) or (
            (blanks := list(map(type, cells)).count(Blank)) * 2 <= len(cells)
        ):
            ctx.held(location)
            continue
        ctx.failed(
            location,
            _("{cell} 大部分未填写（{reported}/{computed} 个单元格空白），数量为零时应填 0"),
            reported=blanks,
            computed=len(cells),
        )


@rule(
    "V3",
    family="values",
    severity=Severity.WARNING,
    title_zh="应填数字处填写了“/”“无”等符号",
    title_en="A mark such as “/” or “无” where a number belongs",
    example="三、（六）其他处理·法律服务机构",
)
def marks_instead_of_numbers(ctx: Context) -> None:
    """Every cell of the three tables takes a number; a mark such as "/", "-", "—", "无" or
    "不适用" hides whether the count is zero."""
    for section in _TABLES:
        if NotApplicable not in ctx.kinds(section):
            ctx.held(Location.of_section(section))
            continue
        for position, cell in enumerate(ctx.cells[section]):
            if type(cell) is NotApplicable:
                ctx.failed(
                    ctx.cell(section, position),
                    _("{cell} 填写了“{reported}”，此处应填数字（没有则填 0）"),
                    reported=cell.mark,
                )


@functools.cache
def _changes(edition: Edition) -> tuple[tuple[int, int], ...]:
    """The (上一年项目数量, 本年增/减) cell positions of table 二 in ``edition``."""
    table = layout(edition).proactive
    return tuple(
        (
            table.position(p.key, ProactiveColumn.PREVIOUS_ITEMS),
            table.position(p.key, ProactiveColumn.CHANGE),
        )
        for p in table.row_plans
        if any(c.key is ProactiveColumn.CHANGE for c in p.columns)
    )


@functools.cache
def _items_expression(edition: Edition) -> str:
    """V4's expression, in the labels table 二 prints: "上一年项目数量 + 本年增/减 ≥ 0"."""
    table = layout(edition).proactive
    items = table.column_node(ProactiveColumn.PREVIOUS_ITEMS).label
    return f"{items} + {table.column_node(ProactiveColumn.CHANGE).label} ≥ 0"


@rule(
    "V4",
    family="values",
    severity=Severity.WARNING,
    title_zh="上一年项目数量加本年增/减不应为负",
    title_en="Previous year's items plus this year's change is not negative",
    example="二、行政处罚·本年增/减",
)
def items_not_negative(ctx: Context) -> None:
    """Table 二 (2019 edition): for every item with 上一年项目数量 and 本年增/减, the number
    of items after the change is not below zero."""
    cells = ctx.cells[Section.PROACTIVE]
    for previous, change in _changes(ctx.edition):
        a, b = cells[previous], cells[change]
        if type(a) is int and type(b) is int and a + b >= 0:
            ctx.held_cell(Section.PROACTIVE, change)
            continue
        location = ctx.cell(Section.PROACTIVE, change)
        if type(a) is not int or type(b) is not int:
            ctx.unchecked(location, _("{cell} 无法核对：上一年项目数量或本年增/减未填写数字"))
        else:
            ctx.failed(
                location,
                _("{cell} 为 {reported:+d}，而上一年项目数量仅 {previous}，增减后为 {after}"),
                {"previous": a, "after": a + b},
                expression=_items_expression(ctx.edition),
                reported=b,
                computed=-a,
                involved=(ctx.cell(Section.PROACTIVE, previous),),
            )


@rule(
    "V5",
    family="values",
    severity=Severity.ERROR,
    title_zh="金额不为负",
    title_en="Amounts of money are not negative",
    example="二、政府集中采购·采购总金额",
)
def money_not_negative(ctx: Context) -> None:
    """Table 二: 采购总金额 (2019) and 本年收费金额 (2021) are amounts, never below zero."""
    for position, cell in enumerate(ctx.cells[Section.PROACTIVE]):
        if type(cell) is not Money:
            continue
        if cell.amount >= 0:
            ctx.held_cell(Section.PROACTIVE, position)
            continue
        ctx.failed(
            ctx.cell(Section.PROACTIVE, position),
            _("{cell} 为负数（{reported} {unit}）"),
            {"unit": Term(cell.unit.zh)},
            reported=cell.amount,
        )


@rule(
    "E3",
    family="values",
    severity=Severity.WARNING,
    title_zh="收费金额以万元为单位",
    title_en="The fee amount is stated in 10,000 yuan",
    example="二、行政事业性收费·本年收费金额（单位：万元）",
    printed=True,
)
def fees_in_wan_yuan(ctx: Context) -> None:
    """Table 二 (2021 edition): the form prints the unit of 本年收费金额 as 万元; an amount
    given in another unit must be converted before publication."""
    table = ctx.report.proactive
    if not table.layout.has_cell(*_FEE):
        return
    position = table.layout.position(*_FEE)
    cell = table.cells[position]
    location = ctx.cell(Section.PROACTIVE, position)
    if type(cell) is not Money:
        ctx.unchecked(location, _("{cell} 无法核对单位：未填写金额"))
    elif cell.unit is MoneyUnit.TEN_THOUSAND_YUAN:
        ctx.held_cell(Section.PROACTIVE, position)
    else:
        ctx.failed(
            location,
            _("{cell} 以“{unit}”填写（{amount} {unit}），表格规定单位为万元"),
            {"unit": Term(cell.unit.zh), "amount": cell.amount},
            reported=str(cell),
        )


@rule(
    "V6",
    family="values",
    severity=Severity.INFO,
    title_zh="表格中有格式以外的行",
    title_en="A row the official form does not have",
    example="三、收到和处理政府信息公开申请情况",
)
def rows_outside_the_form(ctx: Context) -> None:
    """Each table: rows a report printed that its edition's form does not have (a local
    row, an outcome such as "不予受理"). They are kept, but no total counts them; check
    whether their figures belong in one of the form's rows."""
    for section in _TABLES:
        extra = ctx.report.table(section).extra_rows
        location = Location.of_section(section)
        if not extra:
            ctx.held(location)
        for row in extra:
            ctx.failed(
                location,
                _("{cell} 有表格格式之外的行“{quote}”，其数字未计入任何总计"),
                quote=row.label,
            )
