"""Table 四 as documents print it: the form's one row of fifteen figures under a header
of three case kinds; three rows of five, each labelled; three small tables of five, each
under a line naming its case kind; or listed one figure a row, labelled with its row and
column ("行政复议·结果维持 | 3", as Markdown lists it).

Rows without a label of their own take their case kind from the header printed above
them only when that header names exactly one (the case of three small tables); the
note says so.
"""

from __future__ import annotations

import re

from govdisclosure.cells import BLANK
from govdisclosure.labels import normalize_label
from govdisclosure.readers.blocks import RawCell
from govdisclosure.readers.draft import Draft, Line, location, spread
from govdisclosure.readers.extras import extra_row
from govdisclosure.readers.result import NoteKind, SourceRef
from govdisclosure.readers.rows import Row
from govdisclosure.readers.values import parse_cell
from govdisclosure.readers.vocabulary import best_match

__all__ = ["place_cells", "review_rows"]


def review_rows(draft: Draft, figures: list[Line]) -> list[Line]:
    """The printed rows of table 四, with the form's row of fifteen cut into its three
    rows, and unlabelled rows of five labelled by the one case kind their header names."""
    if not figures:
        return figures
    for line in figures:
        if not line.key:
            _label_from_header(draft, line)
    first = figures[0]
    if not first.key and (len(first.row.values) > 1 or not first.row.exact):
        # The form's one row under the header (a lone figure in a document's table is
        # a row listed cell by cell, as Markdown prints table 四).
        return [*_flat_reviews(draft, first), *figures[1:]]
    return figures


def _label_from_header(draft: Draft, line: Line) -> None:
    """Give an unlabelled row of five the case kind its header names, when it names
    exactly one ("行政诉讼 未经复议直接起诉" above "结果维持 … 总计")."""
    plans = draft.table.row_plans
    if len(line.row.values) != len(plans[0].columns):
        return
    header = normalize_label("".join(cell.text for cell in line.header))
    named = [
        plan for plan in plans if normalize_label(draft.table.row_node(plan.key).label) in header
    ]
    if len(named) != 1:
        return
    line.label = draft.table.row_node(named[0].key).label
    draft.note(
        NoteKind.LABEL,
        location(draft.section, named[0].name),
        " ".join(cell.text.strip() for cell in line.header if cell.text.strip())[:40],
        f"a row of figures without a label, under a header naming {line.label} alone: "
        f"read as the row {line.label}",
        line.row.source,
    )


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
        row = Line(Row((), cells, True, line.row.source), label)
        row.guess, row.unplaced = line.guess, line.unplaced
        out.append(row)
    return out


def place_cells(draft: Draft, lines: list[Line]) -> None:
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
