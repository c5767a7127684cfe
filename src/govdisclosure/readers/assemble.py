"""Tables as printed, read into the cells of the model.

Every reader hands the rows of a table, as printed, to :func:`read_table`; the row
labels are matched against the edition's layout (the one description of the form, in
:mod:`govdisclosure.layouts`), so no reader keeps a label list of its own. What the
matching copes with:

* labels in any spelling: full- or half-width, with spaces from line wraps, with or
  without their numbering, with group labels printed in front ("理 结 果 (三) 不予公 开
  1. 属于国家秘密");
* labels wrapped over several rows, before or after the row with the figures, and
  labels split from their figures;
* typos ("其他法律行政止公开"), matched by similarity, in the order the form prints;
* rows the form does not have ("不予受理"), kept as extra rows; a group of the form
  printed as one row (a 2021 "（六）其他处理" with figures), kept as an extra row;
* an extra 法人或其他组织小计 column in table 三, kept as an extra column;
* blank cells, told apart from zeros; blanks that left no trace but spaces are placed
  by the columns of the header above them;
* page headers repeated after a page break, and notes under the table ("注：…").

Each decision becomes a :class:`~govdisclosure.readers.result.Note`. The steps live in
their own modules, each working on the table's
:class:`~govdisclosure.readers.draft.Draft`: :mod:`~govdisclosure.readers.printed`
sorts the printed rows and puts wrapped labels together,
:mod:`~govdisclosure.readers.placing` matches them to the form's rows and reads their
figures (:func:`~govdisclosure.readers.draft.spread` says which column each stands in), and
:mod:`~govdisclosure.readers.extras` keeps the rows and the column the form lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from attrs import frozen

from govdisclosure.categories import Section
from govdisclosure.editions import Edition
from govdisclosure.readers.blocks import RawCell, TableBlock
from govdisclosure.readers.draft import Draft, Line, location, spread
from govdisclosure.readers.extras import extra_column
from govdisclosure.readers.placing import place, place_cells
from govdisclosure.readers.printed import attach, sort_rows
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.rows import Row
from govdisclosure.tables import ApplicationTable, CellTable, ProactiveTable, ReviewTable

__all__ = ["TableRead", "read_table"]

_TABLE_CLASSES: dict[Section, type[CellTable[Any, Any]]] = {
    Section.PROACTIVE: ProactiveTable,
    Section.APPLICATIONS: ApplicationTable,
    Section.REVIEWS: ReviewTable,
}


@frozen
class TableRead:
    """A table read from print: the table, where each cell came from (by position), and
    the notes on what was decided."""

    table: CellTable[Any, Any]
    sources: dict[int, SourceRef]
    notes: tuple[Note, ...]


def read_table(
    section: Section,
    edition: Edition,
    blocks: Sequence[TableBlock],
    *,
    source: str | None = None,
) -> TableRead:
    """Read the table of ``section`` in ``edition`` from the printed ``blocks`` (a table
    split over pages or into pieces comes as several blocks)."""
    draft = Draft(section, edition, source)
    figures = attach(draft, sort_rows(draft, blocks))
    flat = section is Section.REVIEWS and figures and not figures[0].key
    if flat and len(figures[0].row.values) > len(draft.table.row_plans[0].columns):
        figures = [*_flat_reviews(draft, figures[0]), *figures[1:]]
    if section is Section.REVIEWS and figures and all(len(f.row.values) == 1 for f in figures):
        place_cells(draft, figures)
    else:
        place(draft, figures)
    return _finished(draft)


def _flat_reviews(draft: Draft, line: Line) -> list[Line]:
    """Table 四 as the form prints it: one row of fifteen figures under the header, cut
    here into its three rows of five."""
    plans = draft.table.row_plans
    width = sum(len(plan.columns) for plan in plans)
    values = spread(draft, line, line.row.values, width)
    out = []
    for plan in plans:
        cells = tuple(
            raw if raw is not None else RawCell("", line.row.source)
            for raw in values[plan.start : plan.stop]
        )
        label = draft.table.row_node(plan.key).label
        out.append(Line(Row((), cells, True, line.row.source), label))
    return out


def _finished(draft: Draft) -> TableRead:
    """The table read, with its notes, annotations, extra rows and extra column."""
    for text, source in draft.table_notes:
        draft.note(
            NoteKind.EXTRA,
            location(draft.section, "_notes"),
            text,
            "kept as a note under the table",
            source,
        )
    column = extra_column(draft)
    table = _TABLE_CLASSES[draft.section](
        draft.edition,
        tuple(draft.cells),
        notes=tuple(text for text, _ in draft.table_notes),
        annotations=tuple(sorted(draft.annotations.items())),
        extra_rows=tuple(draft.extra_rows),
        extra_columns=(column,) if column is not None else (),
    )
    return TableRead(table, draft.sources, tuple(draft.notes))
