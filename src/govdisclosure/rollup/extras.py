"""Adding up what the parts printed outside the form: extra rows and extra columns.

An extra row or column maps onto the summary when **every** part printed it — the same
label (however spelled: :func:`~govdisclosure.labels.normalize_label`) at the same place
(after the same row or column, in the same block). It is then summed cell by cell, by the
rules of :mod:`~govdisclosure.rollup.cellsum`, under the first part's label. One
printed by only some parts is not summed: its sum would cover some organs only (a
法人或其他组织小计 column would then disagree with the summed columns it adds up), so a
note names it, with the organs that printed it, and the summary leaves it out.

A cell where one part printed a count and another an amount cannot be added: it is left
blank, with a note.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import attrs

from govdisclosure.categories import Section
from govdisclosure.cells import BLANK, Cell, Money
from govdisclosure.checker.findings import Figures, Location
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.labels import normalize_label
from govdisclosure.layouts import CellKind
from govdisclosure.rollup.cellsum import cell_notes, contribution, summed
from govdisclosure.rollup.notes import AggregateNote, AggregateNoteKind, BlankPolicy
from govdisclosure.tables import CellTable, ExtraColumn, ExtraRow

__all__ = ["sum_extras"]

Extra = ExtraRow | ExtraColumn
#: Where the cell ``cell`` of the summed extra ``extra``, the ``index``-th of its kind, is.
Place = Callable[[int, Any, int], Location]


def sum_extras(
    edition: Edition,
    section: Section,
    tables: Sequence[CellTable[Any, Any]],
    organs: Sequence[str],
    policy: BlankPolicy,
) -> tuple[tuple[ExtraRow, ...], tuple[ExtraColumn, ...], list[AggregateNote]]:
    """The summed extra rows and columns of the table of ``section``, and the notes on
    them (each summed one, each left out, and their cells)."""

    def row_place(index: int, row: ExtraRow, cell: int) -> Location:
        return Location.of_extra_row_cell(edition, section, index, row, cell)

    def column_place(index: int, column: ExtraColumn, cell: int) -> Location:
        return Location.of_extra_cell(edition, section, index, column, cell)

    table = Location.of_section(section)
    given_rows = [t.extra_rows for t in tables]
    rows, row_notes = _sum_kind(given_rows, organs, policy, row_place, table)
    given_columns = [t.extra_columns for t in tables]
    columns, column_notes = _sum_kind(given_columns, organs, policy, column_place, table)
    return tuple(rows), tuple(columns), [*row_notes, *column_notes]


def _key(extra: Extra, seen: dict[Hashable, int]) -> Hashable:
    """An extra's place and label, and how many alike came before it in its table."""
    block = extra.block if isinstance(extra, ExtraColumn) else None
    place = (type(extra), normalize_label(extra.label), extra.after, block)
    seen[place] = seen.get(place, 0) + 1
    return (*place, seen[place])


def _sum_kind(
    per_part: Sequence[Sequence[Extra]],
    organs: Sequence[str],
    policy: BlankPolicy,
    place: Place,
    table: Location,
) -> tuple[list[Any], list[AggregateNote]]:
    """The extras of one kind (rows, or columns) every part printed, summed, and a note
    on each of the others, placed at the table (``table``)."""
    keyed = [_keyed(extras) for extras in per_part]
    summed_extras: list[Any] = []
    notes: list[AggregateNote] = []
    for key in keyed[0] if keyed else ():
        if all(key in part for part in keyed):
            extra, said = _sum_one(
                [part[key] for part in keyed], organs, policy, place, len(summed_extras)
            )
            summed_extras.append(extra)
            notes.extend(said)
    every = set.intersection(*(set(part) for part in keyed)) if keyed else set()
    left_out: dict[Hashable, list[int]] = {}
    for number, part in enumerate(keyed):
        for key in part:
            if key not in every:
                left_out.setdefault(key, []).append(number)
    for key, numbers in left_out.items():
        notes.append(_left_out(table, keyed[numbers[0]][key], [organs[n] for n in numbers]))
    return summed_extras, notes


def _keyed(extras: Sequence[Extra]) -> dict[Hashable, Extra]:
    seen: dict[Hashable, int] = {}
    return {_key(extra, seen): extra for extra in extras}


def _sum_one(
    alike: Sequence[Extra],
    organs: Sequence[str],
    policy: BlankPolicy,
    place: Place,
    index: int,
) -> tuple[Extra, list[AggregateNote]]:
    """One extra every part printed, summed cell by cell under the first part's label."""
    first = alike[0]
    cells: list[Cell] = []
    notes: list[AggregateNote] = []
    for number, column in enumerate(zip(*(extra.cells for extra in alike), strict=True)):
        location = place(index, first, number)
        cell, said = _sum_extra_cell(location, column, organs, policy)
        cells.append(cell)
        notes.extend(said)
    extra = attrs.evolve(first, cells=tuple(cells))
    if isinstance(first, ExtraRow):
        template = _("{cell}：表格格式以外的行“{label}”各下级报告均有列出，已逐格合计")
    else:
        template = _("{cell}：表格格式以外的列“{label}”各下级报告均有列出，已逐格合计")
    note = AggregateNote(
        AggregateNoteKind.EXTRA,
        place(index, extra, 0),
        template,
        (("label", first.label),),
        tuple(organs),
    )
    return extra, [*notes, note]


def _sum_extra_cell(
    location: Location, column: Sequence[Cell], organs: Sequence[str], policy: BlankPolicy
) -> tuple[Cell, list[AggregateNote]]:
    """An extra cell has no kind of its own: amounts if any part printed one (in the unit
    of the first), else counts; a cell mixing both cannot be added."""
    amounts = [value for value in column if type(value) is Money]
    counts = [value for value in column if type(value) is int]
    if amounts and counts:
        template = _("{cell}：{organs} 填写的既有件数又有金额，无法合计，合计留空")
        figures = Figures(tuple(zip(organs, column, strict=True)))
        note = AggregateNote(
            AggregateNoteKind.EXTRA, location, template, (("organs", figures),), tuple(organs)
        )
        return BLANK, [note]
    kind = CellKind.MONEY if amounts else CellKind.COUNT
    unit = amounts[0].unit if amounts else None
    contributions = [
        contribution(kind, unit, organ, value, policy)
        for organ, value in zip(organs, column, strict=True)
    ]
    cell = summed(kind, unit, contributions, policy)
    return cell, cell_notes(location, unit, contributions, policy, cell)


def _left_out(table: Location, extra: Extra, organs: Sequence[str]) -> AggregateNote:
    if isinstance(extra, ExtraRow):
        template = _("{cell}：仅 {organs} 列有表格格式以外的行“{label}”，未计入汇总")
    else:
        template = _("{cell}：仅 {organs} 列有表格格式以外的列“{label}”，未计入汇总")
    return AggregateNote(
        AggregateNoteKind.EXTRA,
        table,
        template,
        (("organs", Figures(tuple((organ, None) for organ in organs))), ("label", extra.label)),
        tuple(organs),
    )
