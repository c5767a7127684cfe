"""Adding up the cells of one table over the parts, column of cells by column of cells.

Most cells of most reports are counts: a cell every part printed a count in is added in
one call, and only the others (blanks, marks, money, signed changes) go through
:mod:`~govdisclosure.rollup.cellsum` one contribution at a time, with their notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from govdisclosure.categories import Section
from govdisclosure.cells import Cell
from govdisclosure.checker.findings import Location
from govdisclosure.editions import Edition
from govdisclosure.layouts import CellKind, CellSpec, layout
from govdisclosure.rollup.cellsum import cell_notes, contribution, summed
from govdisclosure.rollup.notes import AggregateNote, BlankPolicy

__all__ = ["sum_cell", "sum_table"]

_COUNTS = {int}


def sum_table(
    edition: Edition,
    section: Section,
    tables: Sequence[Sequence[Cell]],
    organs: Sequence[str],
    policy: BlankPolicy,
) -> tuple[tuple[Cell, ...], list[AggregateNote]]:
    """The cells of the summed table of ``section`` from the parts' cells (``tables``,
    one per organ of ``organs``), and the notes on the cells that needed them."""
    specs = layout(edition).table(section).cells
    cells: list[Cell] = []
    notes: list[AggregateNote] = []
    for spec, column in zip(specs, zip(*tables, strict=True), strict=True):
        # A signed change is looked at closer: changes both ways offset each other.
        if spec.kind is not CellKind.SIGNED and set(map(type, column)) == _COUNTS:
            cells.append(sum(column))
            continue
        location = Location.of_cell(edition, section, spec.position)
        cell, said = sum_cell(location, spec, column, organs, policy)
        cells.append(cell)
        notes.extend(said)
    return tuple(cells), notes


def sum_cell(
    location: Location,
    spec: CellSpec,
    column: Sequence[Cell],
    organs: Sequence[str],
    policy: BlankPolicy,
) -> tuple[Cell, list[AggregateNote]]:
    """One summed cell of the form (at ``location``) from the parts' figures
    (``column``), with its notes."""
    contributions = [
        contribution(spec.kind, spec.unit, organ, value, policy)
        for organ, value in zip(organs, column, strict=True)
    ]
    cell = summed(spec.kind, spec.unit, contributions, policy)
    return cell, cell_notes(location, spec.unit, contributions, policy, cell)
