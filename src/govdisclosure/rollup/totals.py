"""Whether the summed totals agree with the summed details.

A summary's totals are the sums of the totals its parts printed — never recomputed from
the summed details, which would hide a part's own error in the county's figures. Where a
summed total and its summed details (or the two sides of the printed balance E1) then
disagree, a note says so and names the parts that do not add up themselves, with how
far each is off (or that it left a figure blank): the summary is inconsistent because
they are, and the checker's arithmetic rules will say so of the summary too.
"""

from __future__ import annotations

from collections.abc import Sequence

from govdisclosure.categories import Section
from govdisclosure.cells import Cell
from govdisclosure.checker.findings import Figures, Location
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.layouts import layout
from govdisclosure.rollup.notes import AggregateNote, AggregateNoteKind

__all__ = ["totals_notes"]

#: Two sides of a relation between cells: the positions that add up to each side.
Sides = tuple[tuple[int, ...], tuple[int, ...]]

_TOTAL = _(
    "{cell}：合计 {reported}，而合计后的各项之和为 {computed}（相差 {difference}）；"
    "下级报告本身不符：{culprits}"
)
_BALANCE = _(
    "{cell}：合计后勾稽关系不成立，第一项加第二项之和为 {reported}，第三项加第四项之和为 "
    "{computed}（相差 {difference}）；下级报告本身不平衡：{culprits}"
)


def totals_notes(
    edition: Edition,
    section: Section,
    cells: Sequence[Cell],
    tables: Sequence[Sequence[Cell]],
    organs: Sequence[str],
) -> list[AggregateNote]:
    """A note for every total and balance of the summed table of ``section`` (``cells``)
    that its summed details do not add up to, naming the parts (``tables``) at fault."""
    table = layout(edition).table(section)
    relations: list[tuple[int, Sides, str]] = [
        (total.target, ((total.target,), total.parts), _TOTAL) for total in table.sums
    ]
    relations += [
        (balance.right[-1], (balance.left, balance.right), _BALANCE) for balance in table.balances
    ]
    notes = []
    for position, sides, template in relations:
        left, right = (_sum(cells, side) for side in sides)
        if left is None or right is None or left == right:
            continue
        culprits = tuple(
            (organ, off)
            for organ, part in zip(organs, tables, strict=True)
            if (off := _off(part, sides)) != 0
        )
        params = {
            "reported": left,
            "computed": right,
            "difference": f"{left - right:+d}",
            "culprits": Figures(culprits),
        }
        notes.append(
            AggregateNote(
                AggregateNoteKind.TOTALS,
                Location.of_cell(edition, section, position),
                template,
                tuple(params.items()),
                tuple(organ for organ, _off in culprits),
            )
        )
    return notes


def _sum(cells: Sequence[Cell], positions: tuple[int, ...]) -> int | None:
    """The sum of counts at ``positions``, or None if one of them is not a count."""
    values = [cells[p] for p in positions]
    if all(type(v) is int for v in values):
        return sum(values)  # type: ignore[arg-type]
    return None


def _off(cells: Sequence[Cell], sides: Sides) -> Cell | str:
    """How far one part's own relation is off: the difference of its sides (as "+1"),
    0 when it holds, or the first figure that is no count (a blank, a mark)."""
    left, right = (_sum(cells, side) for side in sides)
    if left is None or right is None:
        return next(cells[p] for side in sides for p in side if type(cells[p]) is not int)
    return 0 if left == right else f"{left - right:+d}"
