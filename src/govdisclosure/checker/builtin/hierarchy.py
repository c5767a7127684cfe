"""Hierarchy rules: a summary (汇总) report against the reports it adds up.

They run only when :func:`~govdisclosure.validate` is given ``parts=``. H0 checks that the
parts can be added up at all (the summary's year and edition, each organ once); when they
cannot, H2 says so of every table (``unchecked``) instead of comparing. H1 compares the
summary's scope with the organs given. H2 compares every cell of tables 二, 三 and 四 with
the sum of the same cell in the parts — totals included, as the sums of the totals the
parts printed (:mod:`govdisclosure.rollup` builds summaries the same way).

A part's cell is named by its organ, "县教育局 三、…" (in English "Part 2: Table 3, …");
its JSON
path starts with ``$parts[1]`` instead of ``$`` (``$parts[1].report.applications.…``),
so that a tool can tell the reports apart. Each failure names the contributing organs
with their figures, in the message and as data (the ``figures`` parameter, a
:class:`~govdisclosure.checker.findings.Figures`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from attrs import frozen

from govdisclosure.categories import MoneyUnit, ScopeKind, Section
from govdisclosure.cells import Blank, Cell, Money, NotApplicable, add_money
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Figures, Location, Severity, Term
from govdisclosure.checker.registry import rule
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.report import AnnualReport, organ_key

_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
#: The name of a place in a part's report, in English (in Chinese the organ's name leads).
_PART = _("下级报告 {number}：{place}")
_YEAR = Location.of_field("$.report.year", _("报告年度"))
_EDITION = Location.of_field("$.report.edition", _("格式版本"), order=1)
_SCOPE = Location.of_field("$.report.scope", _("汇总范围"), order=3)
_PARTS = Location.of_field("$parts", _("下级报告"), order=4)
_COUNTS = {int}
#: What H2 says when H0 failed: the parts cannot be added up.
_NOT_COMPARABLE = _(
    "{cell} 无法与下级报告核对：下级报告的年度、格式版本与本报告不同或机关重复（见 H0）"
)


def _parts(ctx: Context) -> tuple[AnnualReport, ...]:
    assert ctx.parts is not None, "hierarchy rules run only with the reports a summary adds up"
    return ctx.parts


def _comparable(report: AnnualReport, parts: Sequence[AnnualReport]) -> bool:
    keys = [organ_key(part.organ) for part in parts]
    return len(set(keys)) == len(keys) and all(
        part.year == report.year and part.edition is report.edition for part in parts
    )


@rule(
    "H0",
    family="hierarchy",
    severity=Severity.ERROR,
    title_zh="下级报告与汇总报告同一年度、同一格式版本，且各机关只有一份",
    title_en="The parts are on the summary's year, in its edition, one per organ",
    example="报告年度",
    needs_parts=True,
)
def parts_can_be_added(ctx: Context) -> None:
    """The reports given as the parts of a summary are on the summary's year and in its
    edition, and no organ is given twice (names compared without whitespace). Otherwise
    the summary cannot be compared with them cell by cell (H2 says so)."""
    report, parts = ctx.report, _parts(ctx)
    years = tuple((p.organ, p.year) for p in parts if p.year != report.year)
    if years:
        template = _("本报告为 {year} 年度报告，下级报告中有其他年度的：{organs}")
        ctx.failed(_YEAR, template, {"year": report.year, "organs": Figures(years)})
    else:
        ctx.held(_YEAR)
    editions = tuple((p.organ, p.edition.value) for p in parts if p.edition is not report.edition)
    if editions:
        template = _("本报告使用 {edition} 年版格式，下级报告中有使用其他版本的：{organs}")
        ctx.failed(
            _EDITION, template, {"edition": report.edition.value, "organs": Figures(editions)}
        )
    else:
        ctx.held(_EDITION)
    counts: dict[str, list[str]] = {}
    for part in parts:
        counts.setdefault(organ_key(part.organ), []).append(part.organ)
    twice = tuple((names[0], len(names)) for names in counts.values() if len(names) > 1)
    if twice:
        template = _("同一机关的报告给出了不止一份（机关 份数）：{organs}")
        ctx.failed(_PARTS, template, {"organs": Figures(twice)})
    else:
        ctx.held(_PARTS)


@rule(
    "H1",
    family="hierarchy",
    severity=Severity.WARNING,
    title_zh="汇总范围列出的机关与所给下级报告一致",
    title_en="The summary's scope lists exactly the organs of the parts given",
    example="汇总范围",
    needs_parts=True,
)
def scope_lists_the_parts(ctx: Context) -> None:
    """The summary says it is one (its scope is 汇总) and lists the organs of the reports
    given as its parts, no more and no fewer (names compared without whitespace). A
    summary read from a published document does not know its scope: give it with
    ``attrs.evolve(summary, scope=Scope.aggregate([...]))``."""
    scope, organs = ctx.report.scope, [part.organ for part in _parts(ctx)]
    listed = Figures(tuple((organ, None) for organ in organs))
    if scope.kind is not ScopeKind.AGGREGATE:
        template = _("{cell} 未标明为汇总报告（范围为本机关），所给下级报告 {count} 份：{organs}")
        ctx.failed(_SCOPE, template, {"count": len(organs), "organs": listed})
        return
    missing, extra = scope.differences(organs)
    if not (missing or extra):
        ctx.held(_SCOPE)
        return
    ctx.failed(
        _SCOPE,
        _("{cell} 与所给下级报告不一致：未列出 {missing}；列出但未给出报告 {extra}"),
        {
            "missing": Figures(tuple((organ, None) for organ in missing)),
            "extra": Figures(tuple((organ, None) for organ in extra)),
        },
    )


@rule(
    "H2",
    family="hierarchy",
    severity=Severity.ERROR,
    title_zh="汇总报告各单元格等于下级报告同一单元格之和",
    title_en="Each cell of the summary equals the sum of the same cell of its parts",
    example="三、（七）总计·自然人",
    needs_parts=True,
)
def cells_add_up(ctx: Context) -> None:
    """Tables 二, 三 and 四, every cell (totals included): the summary's figure equals the
    sum of the figures its parts printed in the same cell. Amounts are compared exactly,
    in the summary's unit; 本年增/减 adds up as signed changes. A cell a part left blank
    or marked cannot be checked, nor a table a part left wholly blank; a cell every
    report marked holds."""
    parts = _parts(ctx)
    comparable = _comparable(ctx.report, parts)
    for section in _TABLES:
        if not comparable:
            ctx.unchecked(Location.of_section(section), _NOT_COMPARABLE)
            continue
        tables = [part.table(section).cells for part in parts]
        empty = tuple(
            (p.organ, None) for p, cells in zip(parts, tables, strict=True) if _empty(cells)
        )
        if empty:
            template = _("{cell} 无法与下级报告核对：{organs} 整张表格未填写")
            ctx.unchecked(Location.of_section(section), template, {"organs": Figures(empty)})
            continue
        _check_table(ctx, section, parts, tables)


def _empty(cells: Sequence[Cell]) -> bool:
    return all(type(cell) is Blank for cell in cells)


@frozen
class _Compared:
    """One cell of the summary and the same cell of each part."""

    section: Section
    position: int
    value: Cell
    column: tuple[Cell, ...]


def _check_table(
    ctx: Context,
    section: Section,
    parts: Sequence[AnnualReport],
    tables: Sequence[Sequence[Cell]],
) -> None:
    cells = ctx.cells[section]
    counts = ctx.kinds(section) == _COUNTS and all(set(map(type, t)) == _COUNTS for t in tables)
    # Every figure a count (the usual case): add up every cell in one pass, and look
    # closer only at the cells that differ.
    sums = list(map(sum, zip(*tables, strict=True))) if counts else None
    if sums is not None and sums == list(cells):
        ctx.held_cells(section, range(len(cells)))
        return
    held: list[int] = []
    for position, column in enumerate(zip(*tables, strict=True)):
        same = sums is not None and sums[position] == cells[position]
        if same or _check_cell(ctx, _Compared(section, position, cells[position], column), parts):
            held.append(position)
    ctx.held_cells(section, held)


def _check_cell(ctx: Context, cell: _Compared, parts: Sequence[AnnualReport]) -> bool:
    """Check one cell; True when it holds (recorded by the caller), else recorded here."""
    value, column = cell.value, cell.column
    kinds = {type(value), *map(type, column)}
    if kinds == {NotApplicable}:
        return True  # marked in every report: nothing to add, nothing that differs
    if Blank in kinds or NotApplicable in kinds:
        _gaps(ctx, cell, parts)
        return False
    if type(value) is Money:
        computed = add_money(column, value.unit)  # type: ignore[arg-type]
        if computed.amount == value.amount:
            return True
        _differs(ctx, cell, parts, (value.amount, computed.amount), value.unit)
        return False
    total = sum(column)  # type: ignore[arg-type]
    if total == value:
        return True
    _differs(ctx, cell, parts, (value, total), None)
    return False


def _gaps(ctx: Context, cell: _Compared, parts: Sequence[AnnualReport]) -> None:
    location = ctx.cell(cell.section, cell.position)
    if type(cell.value) is Blank or type(cell.value) is NotApplicable:
        ctx.unchecked(location, _("{cell} 本报告未填写数字，无法与下级报告核对"))
        return
    gaps = tuple(
        (part.organ, figure)
        for part, figure in zip(parts, cell.column, strict=True)
        if type(figure) is Blank or type(figure) is NotApplicable
    )
    ctx.unchecked(
        location,
        _("{cell} 无法与下级报告核对，下级报告未填写数字：{organs}"),
        {"organs": Figures(gaps)},
        involved=_involved(ctx.edition, cell, parts),
    )


def _differs(
    ctx: Context,
    cell: _Compared,
    parts: Sequence[AnnualReport],
    figures: tuple[Any, int | Decimal],
    unit: MoneyUnit | None,
) -> None:
    """Record that ``cell`` differs from the sum of its parts: ``figures`` are the
    summary's figure and that sum (amounts in ``unit``, or counts when it is None)."""
    reported, computed = figures
    shown = Figures(
        tuple((part.organ, figure) for part, figure in zip(parts, cell.column, strict=True)),
        hide_zeros=True,
    )
    params: dict[str, object] = {"figures": shown}
    if unit is None:
        template = _(
            "{cell} 填报为 {reported}，各下级报告之和为 {computed}（相差 {difference:+}）："
            "{figures}"
        )
    else:
        template = _(
            "{cell} 填报为 {reported} {unit}，各下级报告之和为 {computed} {unit}"
            "（相差 {difference:+}）：{figures}"
        )
        params["unit"] = Term(unit.zh)
    ctx.failed(
        ctx.cell(cell.section, cell.position),
        template,
        params,
        expression=f"汇总报告 = Σ 下级报告（{len(parts)} 份）",
        reported=reported,
        computed=computed,
        involved=_involved(ctx.edition, cell, parts),
    )


def _involved(
    edition: Edition, cell: _Compared, parts: Sequence[AnnualReport]
) -> tuple[Location, ...]:
    return tuple(
        _part_cell(edition, cell.section, cell.position, number, part.organ)
        for number, part in enumerate(parts)
    )


@functools.lru_cache(maxsize=4096)
def _part_cell(
    edition: Edition, section: Section, position: int, number: int, organ: str
) -> Location:
    """The cell ``position`` of the table of ``section`` in part ``number`` (0-based)."""
    place = Location.of_cell(edition, section, position)
    return place.renamed(
        f"{organ} {place.name_zh}",
        lambda: translate(_PART, "en").format(number=number + 1, place=place.name_en),
        json_path=f"$parts[{number}]" + place.json_path[1:],
    )
