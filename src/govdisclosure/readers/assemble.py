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

Each decision becomes a :class:`~govdisclosure.readers.result.Note`. The table's
:class:`~govdisclosure.readers.draft.Draft` goes from step to step:
:mod:`~govdisclosure.readers.printed` sorts the printed rows and puts wrapped labels
together; here each label is matched against the layout's rows through
:mod:`~govdisclosure.readers.vocabulary` (exactly, then by similarity, in the form's
order; a label without text takes the next free row) and its figures are read
(:func:`~govdisclosure.readers.draft.spread` says which column each stands in); a row
of the form printed out of order is read where its label says, a row not printed is
noted missing, and table 四 listed one figure a row ("行政复议·结果维持 | 3") is read
cell by cell; :mod:`~govdisclosure.readers.extras` keeps the rows and the column the
form lacks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from attrs import frozen

from govdisclosure.categories import MoneyUnit, Section
from govdisclosure.cells import BLANK, is_number
from govdisclosure.editions import Edition
from govdisclosure.labels import normalize_label
from govdisclosure.layouts import CellKind, RowPlan, layout
from govdisclosure.readers.blocks import RawCell, TableBlock
from govdisclosure.readers.draft import Draft, Line, location, spread
from govdisclosure.readers.extras import extra_column, extra_row, split_subtotal
from govdisclosure.readers.printed import attach, sort_rows
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.rows import Row
from govdisclosure.readers.values import ParsedCell, parse_cell
from govdisclosure.readers.vocabulary import THRESHOLD, Target, best_match
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
        _place_cells(draft, figures)
    else:
        _place(draft, figures)
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


# --- rows ---------------------------------------------------------------------------------


def _place(draft: Draft, lines: list[Line]) -> None:
    """Match each line to a row of the form, in order, and read its figures."""
    if draft.table.flat and draft.header_text and not any(draft.score(x.label) for x in lines):
        _nothing_under_header(draft, lines)
        return
    specs = _cell_specs(draft.edition, draft.section)
    done: set[int] = set()
    last = -1
    previous: RowPlan | None = None
    plans = draft.table.row_plans
    for line in lines:
        target = _match(draft, line.key, last, done)
        if target is None:
            extra_row(draft, line, previous, "no row of the form matches its label")
            continue
        if target.is_group:
            _group_row(draft, line, target, previous)
            done.update(range(target.index, target.last + 1))
        else:
            if target.index < last:
                draft.note(
                    NoteKind.LAYOUT,
                    location(draft.section, plans[target.index].name),
                    line.label,
                    "the row is printed out of the form's order; read it where its label says",
                    line.row.source,
                )
            _label_note(draft, line, target, plans[target.index])
            _fill(draft, line, plans[target.index], specs)
            done.add(target.index)
        # A number row is a target of its own: its first and last rows are the same.
        last = max(last, target.last)
        previous = plans[target.last]
    _note_missing(draft, done)


def _nothing_under_header(draft: Draft, lines: list[Line]) -> None:
    """Table 四 printed with its header and not one figure under it (what follows, if
    anything, is rows the form does not have)."""
    for line in lines:
        extra_row(draft, line, None, "no row of the form matches its label")
    draft.note(
        NoteKind.BLANK,
        location(draft.section),
        " ".join(draft.header_text)[:40],
        "no figure under the table's header: every cell kept blank (not 0)",
        SourceRef(file=draft.source),
    )


def _group_row(draft: Draft, line: Line, target: Target, previous: RowPlan | None) -> None:
    """A group of the form printed as one row: an extra row; the group's own rows are
    not printed, so they stay blank, and the note says which."""
    plans = draft.table.row_plans
    rows = "、".join(
        draft.table.row_node(plans[index].key).label
        for index in range(target.index, target.last + 1)
    )
    why = f"the form divides {target.node.label} into rows, left blank (not 0): {rows}"
    extra_row(draft, line, previous, why)


def _note_missing(draft: Draft, done: set[int]) -> None:
    for index, plan in enumerate(draft.table.row_plans):
        if index not in done:
            draft.note(
                NoteKind.MISSING,
                location(draft.section, plan.name),
                draft.table.row_node(plan.key).label,
                "the row is not in the document; its cells are left blank",
                SourceRef(file=draft.source),
            )


def _match(draft: Draft, key: str, last: int, done: set[int]) -> Target | None:
    if not key:
        # No label at all: the next row of the form, if it is still free.
        free = (t for t in draft.targets if not t.is_group and t.index == last + 1)
        return None if last + 1 in done else next(free, None)
    score, target = best_match(key, draft.targets, done, after=last)
    if target is None or score < THRESHOLD:
        score, target = best_match(key, draft.targets, done)
    if target is None or score < THRESHOLD:
        return None
    if target.is_group and any(i in done for i in range(target.index, target.last + 1)):
        return None
    return target


def _label_note(draft: Draft, line: Line, target: Target, plan: RowPlan) -> None:
    printed = line.label
    node = target.node
    if printed in (node.numbering + node.label, node.label):
        return
    if target.keys[0] in line.key:
        how = "spacing, width, numbering or group labels differ"
    elif any(key in line.key for key in target.keys):
        # Only the label's short form is printed whole: its remark differs.
        how = "the printed remark differs (a typo?); matched by the label before it"
    else:
        how = "the printed label differs (a typo?); matched by similarity and order"
    draft.note(
        NoteKind.LABEL,
        location(draft.section, plan.name),
        printed,
        f"read as 「{node.numbering}{node.label}」 ({how})",
        line.row.source,
    )


# --- figures ------------------------------------------------------------------------------


class _CellSpec(NamedTuple):
    """What :func:`_fill` needs of a cell of the layout, looked up once."""

    kind: CellKind
    unit: MoneyUnit | None
    label: str  # the column's printed label
    column: str  # the column's JSON key
    #: Cells read so far, by printed text, for cells of this kind and unit: parse_cell's
    #: own cache would hash the kind (an Enum, hashed in Python) for every cell.
    parsed: dict[str, ParsedCell]


#: How many printed texts each of those caches keeps.
_PARSED_CACHE = 4096


@functools.cache
def _cell_specs(edition: Edition, section: Section) -> tuple[_CellSpec, ...]:
    table = layout(edition).table(section)
    shared: dict[tuple[CellKind, MoneyUnit | None], dict[str, ParsedCell]] = {}
    return tuple(
        _CellSpec(
            spec.kind,
            spec.unit,
            table.column_node(spec.column).label,
            spec.column.value,
            shared.setdefault((spec.kind, spec.unit), {}),
        )
        for spec in table.cells
    )


def _fill(draft: Draft, line: Line, plan: RowPlan, specs: tuple[_CellSpec, ...]) -> None:
    width = len(plan.columns)
    values, subtotal = split_subtotal(draft, line.row, width)
    if subtotal is not None:
        draft.subtotals.append((plan, subtotal))
    placed = spread(draft, line, values, width)
    blanks = []
    cells, sources = draft.cells, draft.sources
    for position, raw in enumerate(placed[:width], plan.start):
        spec = specs[position]
        if raw is not None:
            sources[position] = raw.source
        if raw is None or not raw.text.strip():
            blanks.append(spec.label)
            continue
        parsed = spec.parsed.get(raw.text)
        if parsed is None:
            parsed = parse_cell(raw.text, spec.kind, spec.unit)
            if len(spec.parsed) < _PARSED_CACHE:
                spec.parsed[raw.text] = parsed
        cells[position] = parsed.value
        if parsed.annotation:
            draft.annotations[position] = parsed.annotation
        if parsed.repair:
            draft.note(
                NoteKind.NUMBER if is_number(parsed.value) else NoteKind.UNPLACED,
                location(draft.section, plan.name, spec.column),
                raw.text,
                parsed.repair,
                raw.source,
            )
    if blanks:
        draft.note(
            NoteKind.BLANK,
            location(draft.section, plan.name),
            line.label,
            f"{len(blanks)} of {width} cells printed empty, kept blank (not 0): "
            + "、".join(blanks),
            line.row.source,
        )
    for raw in placed[width:]:
        if raw is not None and raw.text.strip():
            draft.note(
                NoteKind.UNPLACED,
                location(draft.section, plan.name),
                raw.text,
                f"a figure beyond the row's {width} columns; not read into any cell",
                raw.source,
            )


# --- table 四 cell by cell ----------------------------------------------------------------


def _place_cells(draft: Draft, lines: list[Line]) -> None:
    """Rows of one figure each, labelled with their row and column ("行政复议·结果维持
    | 3", as Markdown lists table 四): each figure goes to the cell its label names."""
    table = draft.table
    columns = table.columns_in_order
    extras: dict[str, dict[int, RawCell]] = {}
    first: dict[str, Line] = {}
    for line in lines:
        key = line.key
        score, target = best_match(key, draft.targets, leaves_only=True)
        named = [c for c in columns if key.endswith(normalize_label(c.label))]
        if not named:
            extra_row(draft, line, None, "no cell of the form matches its label")
            continue
        column = max(named, key=lambda c: len(c.label))
        if target is None or score < 1:
            # A row the form lacks, listed cell by cell ("不予受理·结果维持 | 3").
            label = re.sub(rf"\s*[·・.]?\s*{re.escape(column.label)}\s*$", "", line.label)
            extras.setdefault(label, {})[columns.index(column)] = line.row.values[0]
            first.setdefault(label, line)
            continue
        plan = table.row_plans[target.index]
        position = table.position(plan.key, column.key)
        raw = line.row.values[0]
        draft.sources[position] = raw.source
        if raw.text.strip():
            parsed = parse_cell(raw.text, plan.kinds[0])
            draft.cells[position] = parsed.value
            if parsed.annotation:
                draft.annotations[position] = parsed.annotation
    for label, figures in extras.items():
        source = first[label].row.source
        cells = [figures.get(i, RawCell("", source)) for i in range(len(columns))]
        line = Line(Row((), tuple(cells), True, source), label)
        extra_row(draft, line, None, "no row of the form matches its label")
    _note_blank_cells(draft, lines[0].row.source)


def _note_blank_cells(draft: Draft, at: SourceRef) -> None:
    table = draft.table
    blank = [
        f"{table.row_node(spec.row).label}·{table.column_node(spec.column).label}"
        for spec, cell in zip(table.cells, draft.cells, strict=True)
        if cell is BLANK
    ]
    if blank:
        draft.note(
            NoteKind.BLANK,
            location(draft.section),
            "、".join(blank),
            f"{len(blank)} cells printed empty or not printed, kept blank (not 0)",
            at,
        )
