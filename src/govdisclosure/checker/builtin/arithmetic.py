"""The arithmetic of tables 三 and 四: the printed 勾稽 rule E1 and every total (R2, R3, R5),
and the subtotal columns some reports print besides the form's (R4).

Which cells are totals of which comes from the layout (:attr:`TableLayout.sums` and
:attr:`TableLayout.balances`), so these rules hold for both editions without a list of
rows of their own; a printed subtotal column adds up the group of the layout's column
tree it was printed in.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any

from govdisclosure.categories import Section
from govdisclosure.cells import Cell
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Names, Severity, Term, node_path
from govdisclosure.checker.registry import rule
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.layouts import CellSum, TableLayout, layout
from govdisclosure.tables import ExtraColumn

Getter = Callable[[Sequence[Cell]], Any]


def _getter(positions: tuple[int, ...]) -> Getter:
    if len(positions) == 1:
        (only,) = positions
        return lambda cells: (cells[only],)
    return operator.itemgetter(*positions)


@functools.cache
def _sums(
    edition: Edition, section: Section, rule_id: str
) -> tuple[tuple[int, ...], tuple[tuple[CellSum, Getter], ...]]:
    """The totals ``rule_id`` checks: their cells, and each with a getter of its parts."""
    table = layout(edition).table(section)
    sums = tuple((s, _getter(s.parts)) for s in table.sums if s.rule == rule_id)
    return tuple(s.target for s, _ in sums), sums


@functools.cache
def _balances(edition: Edition) -> tuple[tuple[Getter, Getter, int], ...]:
    """E1 per column: getters of its two sides, and the 结转下年度 cell it is reported at."""
    return tuple(
        (_getter(b.left), _getter(b.right), b.right[-1])
        for b in layout(edition).applications.balances
    )


def _names(ctx: Context, section: Section, positions: Sequence[int]) -> tuple[Location, ...]:
    return tuple(ctx.cell(section, p) for p in positions)


def _gaps(
    ctx: Context, section: Section, cells: Sequence[Cell], positions: Sequence[int]
) -> list[Location]:
    """The cells among ``positions`` that hold no number (blank or not applicable)."""
    return [ctx.cell(section, p) for p in positions if type(cells[p]) is not int]


def _unchecked(
    ctx: Context, location: Location, gaps: list[Location], involved: tuple[Location, ...]
) -> None:
    template = _("{cell} 无法核对：{gaps} 未填写数字")
    ctx.unchecked(location, template, {"gaps": Names(tuple(gaps))}, involved=involved)


def _check_sums(ctx: Context, section: Section) -> None:
    cells = ctx.cells[section]
    numbers = ctx.kinds(section) == {int}
    targets, sums = _sums(ctx.edition, section, ctx.rule_id)
    # Every cell a count (the usual case): add up every total in one pass, and look closer
    # only if one of them is off.
    if numbers and [cells[t] for t in targets] == [sum(parts(cells)) for _, parts in sums]:
        ctx.held_cells(section, targets)
        return
    held: list[int] = []
    for total, parts in sums:
        reported = cells[total.target]
        if not (numbers or (type(reported) is int and all(type(c) is int for c in parts(cells)))):
            gaps = _gaps(ctx, section, cells, (total.target, *total.parts))
            _unchecked(
                ctx, ctx.cell(section, total.target), gaps, _names(ctx, section, total.parts)
            )
            continue
        computed = sum(parts(cells))
        if reported == computed:
            held.append(total.target)
            continue
        ctx.failed(
            ctx.cell(section, total.target),
            _("{cell} 填报为 {reported}，各项之和为 {computed}（相差 {difference:+d}）"),
            expression=_expression(ctx.edition, section, total),
            reported=reported,
            computed=computed,
            involved=_names(ctx, section, total.parts),
        )
    ctx.held_cells(section, held)


@functools.cache
def _expression(edition: Edition, section: Section, total: CellSum) -> str:
    table = layout(edition).table(section)
    spec = table.cells[total.target]
    if all(table.cells[p].row is spec.row for p in total.parts):  # a row total: across columns
        names = [table.column_node(table.cells[p].column).label for p in total.parts]
        head = table.column_node(spec.column).label
    else:  # a column total: down the rows
        names = [_short(table, table.cells[p].row) for p in total.parts]
        head = _short(table, spec.row)
    return f"{head} = " + " + ".join(names)


def _short(table: TableLayout, key: Any) -> str:
    *ancestors, node = node_path(table.row_tree, key)
    groups = [a.numbering for a in ancestors if a.numbering.startswith("（")]
    return "".join(groups) + (node.numbering or node.label)


def _balance_name(table: TableLayout, key: Any) -> str:
    """A row as the form's printed rule E1 names it: by its top-level number ("一"), and a
    row below that by the number and its own numbering and label ("三（七）总计")."""
    top, *below = node_path(table.row_tree, key)
    number = top.numbering.rstrip("、")
    if not below:
        return number
    row = below[-1]
    return f"{number}{row.numbering}{row.label}"


@functools.cache
def _balance_expression(edition: Edition) -> str:
    """E1's expression, from the layout's balance: "一 + 二 = 三（七）总计 + 四"."""
    table = layout(edition).applications
    assert table.balance is not None, "table 三 has a printed balance in every edition"
    left, right = (
        " + ".join(_balance_name(table, key) for key in side)
        for side in (table.balance.left, table.balance.right)
    )
    return f"{left} = {right}"


@rule(
    "E1",
    family="arithmetic",
    severity=Severity.ERROR,
    title_zh="勾稽关系：第一项加第二项之和，等于第三项加第四项之和",
    title_en="Stock and flow: (1) + (2) = (3)(7) total + (4), per column",
    example="三、四、结转下年度继续办理·自然人",
    printed=True,
)
def stock_and_flow(ctx: Context) -> None:
    """Table 三, in every column: applications received this year plus those carried over
    equal those handled (（七）总计) plus those carried forward. The form prints this
    rule in its top-left cell."""
    section = Section.APPLICATIONS
    cells = ctx.report.applications.cells
    if ctx.kinds(section) == {int}:
        sides = _balances(ctx.edition)
        if all(sum(left(cells)) == sum(right(cells)) for left, right, _ in sides):
            ctx.held_cells(section, [forward for _, _, forward in sides])
            return
    for balance in ctx.layout.applications.balances:
        operands = (*balance.left, *balance.right)
        forward = balance.right[-1]
        location = ctx.cell(section, forward)
        involved = _names(ctx, section, operands)
        if any(type(cells[p]) is not int for p in operands):
            _unchecked(ctx, location, _gaps(ctx, section, cells, operands), involved)
            continue
        received = sum(cells[p] for p in balance.left)  # type: ignore[misc]
        handled = sum(cells[p] for p in balance.right)  # type: ignore[misc]
        if received == handled:
            ctx.held_cell(section, forward)
            continue
        reported = cells[forward]
        # What 四 must be for the column to balance: 一 + 二 - 三（七）总计.
        computed = received - (handled - reported)  # type: ignore[operator]
        column = ctx.layout.applications.column_node(balance.column)
        if computed >= 0:
            template = _(
                "三、{column}列：一 + 二 = {received}，三（七）总计 + 四 = {handled}，不相等；"
                "{cell} 填报为 {reported}，按勾稽关系应为 {computed}"
            )
        else:  # no carry-forward can balance it: more handled than received
            template = _(
                "三、{column}列：一 + 二 = {received}，三（七）总计 + 四 = {handled}，不相等；"
                "办结数多于收到数 {excess} 件"
            )
        ctx.failed(
            location,
            template,
            {
                "column": Term(column.label),
                "received": received,
                "handled": handled,
                "excess": -computed,
            },
            expression=_balance_expression(ctx.edition),
            reported=reported,
            computed=computed,
            involved=involved,
        )


@rule(
    "R2",
    family="arithmetic",
    severity=Severity.ERROR,
    title_zh="（七）总计等于各项办理结果之和",
    title_en="(7) Total equals the sum of the results, per column",
    example="三、（七）总计·自然人",
)
def results_total(ctx: Context) -> None:
    """Table 三, in every column: （七）总计 = （一） + （二） + Σ（三）1–8 + Σ（四）1–3 +
    Σ（五）1–5 + （六） (in the 2021 edition Σ（六）1–3)."""
    _check_sums(ctx, Section.APPLICATIONS)


@rule(
    "R3",
    family="arithmetic",
    severity=Severity.ERROR,
    title_zh="总计列等于各类申请人之和",
    title_en="The Total column equals the sum of the applicant columns, per row",
    example="三、一、本年新收政府信息公开申请数量·总计",
)
def applicants_total(ctx: Context) -> None:
    """Table 三, in every number row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 +
    法律服务机构 + 其他."""
    _check_sums(ctx, Section.APPLICATIONS)


@rule(
    "R4",
    family="arithmetic",
    severity=Severity.ERROR,
    title_zh="加印的小计列等于所属分组各列之和",
    title_en="A printed subtotal column equals the sum of its group, per row",
    example="三、本年新收政府信息公开申请数量·法人或其他组织小计",
)
def printed_subtotals(ctx: Context) -> None:
    """Any table with a column its form lacks whose label holds "小计", printed after a
    column of a group — most often 法人或其他组织小计 in table 三 — in every number row:
    the subtotal = the sum of the group's columns that are not totals themselves
    (法人或其他组织: 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他). A blank
    or marked figure leaves the row unchecked. Tables without such a column have no
    place this rule applies."""
    for section in (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS):
        for place, column in enumerate(ctx.report.table(section).extra_columns):
            if "小计" in column.label:
                _check_subtotal(ctx, section, place, column)


def _check_subtotal(ctx: Context, section: Section, place: int, column: ExtraColumn) -> None:
    """R4 for the extra column ``column``, the ``place``-th of its table, when it was
    printed after a column of a group; as for the form's totals, a blank or
    not-applicable operand leaves a row unchecked."""
    table = ctx.layout.table(section)
    block = table.blocks[column.block]
    after = next(node for node in block.columns if node.key.value == column.after)
    groups = node_path(block.column_tree, after.key)[:-1]
    if not groups:
        return
    group = groups[-1]
    parts = [leaf for leaf in group.leaves() if not leaf.total_of]
    cells = ctx.cells[section]
    expression = f"{column.label} = " + " + ".join(part.label for part in parts)
    for r, row in enumerate(block.rows):
        location = Location.of_extra_cell(ctx.edition, section, place, column, r)
        positions = [table.position(row.key, part.key) for part in parts]
        involved = _names(ctx, section, positions)
        reported = column.cells[r]
        if type(reported) is not int or not all(type(cells[p]) is int for p in positions):
            own = [] if type(reported) is int else [location]
            _unchecked(ctx, location, own + _gaps(ctx, section, cells, positions), involved)
            continue
        computed = sum(cells[p] for p in positions)  # type: ignore[misc]
        if reported == computed:
            ctx.held(location)
            continue
        ctx.failed(
            location,
            _("{cell} 填报为 {reported}，{group}各列之和为 {computed}（相差 {difference:+d}）"),
            {"group": Term(group.label)},
            expression=expression,
            reported=reported,
            computed=computed,
            involved=involved,
        )


@rule(
    "R5",
    family="arithmetic",
    severity=Severity.ERROR,
    title_zh="复议、诉讼各组总计等于各结果之和",
    title_en="Each review and lawsuit group's total equals the sum of its results",
    example="四、行政复议·总计",
)
def reviews_total(ctx: Context) -> None:
    """Table 四, for 行政复议 and both kinds of 行政诉讼: 总计 = 结果维持 + 结果纠正 +
    其他结果 + 尚未审结."""
    _check_sums(ctx, Section.REVIEWS)
