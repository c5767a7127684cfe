"""Adding up one cell over the parts, by what the cell holds, and the notes it needs.

Every figure of the form adds up across organs of one year: counts of what happened
(applications, decisions), stocks at the end of the year (现行有效件数, 上一年项目数量,
结转), amounts of money, and the signed 本年增/减 (the net change of the summed items is
the sum of the changes). What does not add up is what is not a figure:

* a **blank** part is unknown, never a silent 0 — the :class:`BlankPolicy` decides what
  the summed cell is, and a note names the organs that left it blank;
* a **not-applicable mark** ("/", "无") is left out of the sum, with a note naming the
  organs and their marks; a cell marked by every part keeps the mark;
* **money** is converted exactly to the column's unit (the unit the edition prints)
  before it is added, never rounded, with a note on every conversion;
* **signed changes** that go both ways offset each other in the sum, with a note.

>>> from govdisclosure import BLANK, CellKind
>>> parts = [contribution(CellKind.COUNT, None, o, v, BlankPolicy.SKIP)
...          for o, v in (("县教育局", 3), ("县民政局", BLANK))]
>>> summed(CellKind.COUNT, None, parts, BlankPolicy.SKIP)
3
>>> summed(CellKind.COUNT, None, parts, BlankPolicy.BLANK)
BLANK
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from govdisclosure.categories import MoneyUnit
from govdisclosure.cells import BLANK, Blank, Cell, Money, NotApplicable, add_money
from govdisclosure.checker.findings import Figures, Location, Term
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.layouts import CellKind
from govdisclosure.rollup.notes import AggregateNote, AggregateNoteKind, BlankPolicy

__all__ = ["Contribution", "cell_notes", "contribution", "summed"]


@frozen
class Contribution:
    """What one organ's report gave to one summed cell: ``value`` as it printed it, and
    ``counted``, what was added — its count, its amount in the column's unit, 0 for a
    blank counted as zero — or ``None`` when it was left out (a blank, a mark)."""

    organ: str
    value: Cell
    counted: int | Money | None


def contribution(
    kind: CellKind, unit: MoneyUnit | None, organ: str, value: Cell, policy: BlankPolicy
) -> Contribution:
    """What ``value``, ``organ``'s figure in a cell of ``kind`` (in ``unit``), adds."""
    counted: int | Money | None = None
    if isinstance(value, int):
        counted = value
    elif isinstance(value, Money):
        counted = value.to(unit) if unit is not None else value
    elif type(value) is Blank and policy is BlankPolicy.ZERO:
        counted = Money(0, unit) if kind is CellKind.MONEY and unit is not None else 0
    return Contribution(organ, value, counted)


def summed(
    kind: CellKind,
    unit: MoneyUnit | None,
    contributions: Sequence[Contribution],
    policy: BlankPolicy,
) -> Cell:
    """The summed cell: the sum of what was counted; blank when a part is blank and the
    policy says so, or when nothing was counted; a mark when every part printed one."""
    values = [c.value for c in contributions]
    if policy is BlankPolicy.BLANK and any(type(v) is Blank for v in values):
        return BLANK
    added = [c.counted for c in contributions if c.counted is not None]
    if added:
        if kind is CellKind.MONEY:
            return add_money(added, unit or added[0].unit)  # type: ignore[arg-type,union-attr]
        return sum(added)  # type: ignore[arg-type]
    marks = [v for v in values if type(v) is NotApplicable]
    if marks and len(marks) == len(values):
        return marks[0] if all(m == marks[0] for m in marks) else NotApplicable()
    return BLANK


def cell_notes(
    location: Location,
    unit: MoneyUnit | None,
    contributions: Sequence[Contribution],
    policy: BlankPolicy,
    result: Cell,
) -> list[AggregateNote]:
    """The notes one summed cell needs: on blank parts, marks, converted amounts, and
    changes that offset each other."""
    return [
        *_blanks(location, contributions, policy, result),
        *_marks(location, contributions, result),
        *_units(location, unit, contributions, result),
        *_offsets(location, contributions, result),
    ]


def _note(
    kind: AggregateNoteKind,
    location: Location,
    template: str,
    among: Sequence[Contribution],
    **params: object,
) -> AggregateNote:
    return AggregateNote(
        kind, location, template, tuple(params.items()), tuple(c.organ for c in among)
    )


def _blanks(
    location: Location, contributions: Sequence[Contribution], policy: BlankPolicy, result: Cell
) -> list[AggregateNote]:
    blank = [c for c in contributions if type(c.value) is Blank]
    if not blank:
        return []
    organs = Figures(tuple((c.organ, None) for c in blank))
    if policy is BlankPolicy.ZERO:
        template = _("{cell}：{organs} 未填写，按 0 计入合计 {value}")
    elif type(result) is Blank and policy is BlankPolicy.BLANK:
        template = _("{cell}：{organs} 未填写，合计留空")
    elif type(result) is Blank or type(result) is NotApplicable:
        template = _("{cell}：{organs} 未填写，其余机关也未填写数字，合计留空")
    else:
        template = _("{cell}：{organs} 未填写，合计 {value} 仅为其余机关所填数字之和")
    return [_note(AggregateNoteKind.BLANK, location, template, blank, organs=organs, value=result)]


def _marks(
    location: Location, contributions: Sequence[Contribution], result: Cell
) -> list[AggregateNote]:
    marked = [c for c in contributions if type(c.value) is NotApplicable]
    if not marked:
        return []
    figures = Figures(tuple((c.organ, c.value) for c in marked))
    if type(result) is NotApplicable:
        template = _("{cell}：各机关均填写不适用符号（{organs}），合计填写“{mark}”")
        return [
            _note(
                AggregateNoteKind.NOT_APPLICABLE,
                location,
                template,
                marked,
                organs=figures,
                mark=result.mark,
            )
        ]
    template = _("{cell}：{organs} 填写了不适用符号，未计入合计")
    return [_note(AggregateNoteKind.NOT_APPLICABLE, location, template, marked, organs=figures)]


def _units(
    location: Location,
    unit: MoneyUnit | None,
    contributions: Sequence[Contribution],
    result: Cell,
) -> list[AggregateNote]:
    converted = [
        c
        for c in contributions
        if type(c.value) is Money
        and type(c.counted) is Money
        and c.value.unit is not c.counted.unit
    ]
    if not converted or unit is None:
        return []
    template = _("{cell}：{organs} 的金额按{unit}精确换算（不舍入）后计入合计 {value}")
    figures = Figures(tuple((c.organ, c.value) for c in converted))
    return [
        _note(
            AggregateNoteKind.UNIT,
            location,
            template,
            converted,
            organs=figures,
            unit=Term(unit.zh),
            value=result,
        )
    ]


def _offsets(
    location: Location, contributions: Sequence[Contribution], result: Cell
) -> list[AggregateNote]:
    ups = [c for c in contributions if type(c.counted) is int and c.counted > 0]
    downs = [c for c in contributions if type(c.counted) is int and c.counted < 0]
    if not (ups and downs):
        return []
    template = _("{cell}：各机关的增减相抵，合计 {value} 为净增减（增加：{ups}；减少：{downs}）")
    return [
        _note(
            AggregateNoteKind.SIGNED,
            location,
            template,
            [*ups, *downs],
            value=result,
            ups=Figures(tuple((c.organ, c.value) for c in ups)),
            downs=Figures(tuple((c.organ, c.value) for c in downs)),
        )
    ]
