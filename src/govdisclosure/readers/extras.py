"""What a printed table has that the form does not: kept, never dropped.

* Rows the form does not have ("不予受理"), and groups of the form printed as one row
  with figures (a 2021 "（六）其他处理"), become extra rows of the table, after the row
  of the form printed above them.
* Table 三 printed with a subtotal of the legal persons' columns (法人或其他组织小计, or
  just 小计: eight number columns) gets it as an extra column inside that group, and a
  note says whether it equals the sum of its parts. The group, its label and its columns
  are the layout's; only the word 小计 is the reader's own
  (:data:`~govdisclosure.readers.vocabulary.SUBTOTAL`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from govdisclosure.categories import Applicant, Section
from govdisclosure.cells import BLANK, Cell, is_number
from govdisclosure.editions import Edition
from govdisclosure.labels import LabelledEnum, normalize_label
from govdisclosure.layouts import CellKind, Node, RowPlan, layout
from govdisclosure.readers.blocks import RawCell
from govdisclosure.readers.draft import Draft, Line, location, spread, trimmed
from govdisclosure.readers.result import NoteKind
from govdisclosure.readers.values import parse_cell
from govdisclosure.readers.vocabulary import SUBTOTAL
from govdisclosure.tables import ExtraColumn, ExtraRow

__all__ = ["extra_column", "extra_row", "split_subtotal"]


# --- an extra subtotal column in table 三 -------------------------------------------------


@functools.cache
def _subtotalled(edition: Edition) -> tuple[Node, frozenset[LabelledEnum]]:
    """The group of table 三's columns a printed 小计 column adds up (法人或其他组织),
    and the keys of its number columns."""
    for top in layout(edition).table(Section.APPLICATIONS).column_tree:
        for node, _ancestors in top.walk():
            if node.key is Applicant.LEGAL_PERSONS:
                return node, frozenset(leaf.key for leaf in node.leaves())
    raise KeyError(Applicant.LEGAL_PERSONS)


def split_subtotal(
    draft: Draft, line: Line, width: int
) -> tuple[Sequence[RawCell | None], RawCell | None]:
    """The row's values for the form's columns (``None``: blank), and the figure of a 小计
    column the form does not have (table 三 printed with eight columns), if there is one.
    Under a header that prints the 小计 column, a row with fewer figures is placed among
    all eight columns (:func:`spread`: by position, or not at all)."""
    applications = draft.section is Section.APPLICATIONS
    printed = applications and SUBTOTAL in draft.header
    values: Sequence[RawCell | None] = trimmed(line.row, width + 1 if printed else width)
    if printed and 0 < len(values) < width + 1:
        values = spread(draft, line, values, width + 1)
    if applications and len(values) == width + 1:
        index = _subtotal_index(draft)
        return [*values[:index], *values[index + 1 :]], values[index]
    return values, None


def _subtotal_index(draft: Draft) -> int:
    """Where the 法人或其他组织小计 column stands among eight, from the header's order
    (after 其他 when the header does not say)."""
    group = normalize_label(_subtotalled(draft.edition)[0].label)
    text = draft.header.replace(group + SUBTOTAL, SUBTOTAL).replace(group, "|")
    spot = text.find(SUBTOTAL)
    parts = [node for node in draft.table.columns_in_order if not node.total_of]
    if spot < 0:
        return len(parts)
    # Header rows are read one after another, so only the applicant columns count
    # (总计 is the last column whichever header row prints it).
    starts = [text.find(normalize_label(node.label)) for node in parts]
    return sum(1 for other in starts if 0 <= other < spot)


def extra_column(draft: Draft) -> ExtraColumn | None:
    """The printed 小计 column as an extra column, with a note on its sums; ``None``
    when the table printed none."""
    if not draft.subtotals:
        return None
    plans = draft.table.row_plans
    columns = draft.table.columns_in_order
    after = columns[max(0, _subtotal_index(draft) - 1)].key.value
    header = draft.header
    group, legal_persons = _subtotalled(draft.edition)
    # The whole label, not its end: "社会公益组织" before a plain "小计" ends in 组织小计 too.
    whole = group.label + SUBTOTAL
    label = whole if SUBTOTAL not in header or normalize_label(whole) in header else SUBTOTAL
    cells: list[Cell] = [BLANK] * len(plans)
    wrong = []
    for plan, raw in draft.subtotals:
        value = parse_cell(raw.text, plan.kinds[0]).value
        cells[plans.index(plan)] = value
        parts = [
            cell
            for node, cell in zip(plan.columns, draft.cells[plan.start : plan.stop], strict=True)
            if node.key in legal_persons and type(cell) is int
        ]
        if type(value) is int and parts and sum(parts) != value:
            row = draft.table.row_node(plan.key).label
            wrong.append(f"{row}: {value} ≠ {sum(parts)}")
    draft.note(
        NoteKind.EXTRA,
        location(draft.section, "_extra_columns"),
        label,
        "kept the column the form does not have as an extra column; "
        + (
            "it differs from the sum of its parts in " + "; ".join(wrong)
            if wrong
            else "it equals the sum of its parts in every row"
        ),
        draft.subtotals[0][1].source,
    )
    return ExtraColumn(label, tuple(cells), after=after)


# --- rows the form does not have ----------------------------------------------------------


def _extra_cell(draft: Draft, raw: RawCell | None, column: Node) -> Cell:
    """An extra row's cell: a count, money (in the column's unit when the figure is
    printed bare, under a header that states it) or a mark (an extra row holds no
    signed change); what it cannot hold stays in a note."""
    if raw is None:
        return BLANK
    kind = column.kind
    parsed = parse_cell(raw.text, CellKind.COUNT if kind is CellKind.SIGNED else kind, column.unit)
    if parsed.repair and not is_number(parsed.value):
        draft.note(
            NoteKind.UNPLACED,
            location(draft.section, "_extra_rows"),
            raw.text,
            f"an extra row's cell cannot hold it ({parsed.repair}); kept only in this note",
            raw.source,
        )
        return BLANK
    return parsed.value


def extra_row(draft: Draft, line: Line, previous: RowPlan | None, why: str) -> None:
    """Keep ``line`` as an extra row after the row of the form ``previous`` (``None``:
    at the table's start), its figures read for that row's columns; ``why`` says why
    it is no row of the form."""
    # None is the table's end in the model: the row takes the last block's columns.
    plan = previous or draft.table.row_plans[-1]
    width = len(plan.columns)
    values, subtotal = split_subtotal(draft, line, width)
    if subtotal is not None and subtotal.text.strip():
        draft.note(
            NoteKind.UNPLACED,
            location(draft.section, "_extra_rows"),
            subtotal.text,
            "an extra row's figure under the extra 小计 column; not read into any cell",
            subtotal.source,
        )
    placed = spread(draft, line, values, width)[:width]
    cells = tuple(
        _extra_cell(draft, raw, column) for raw, column in zip(placed, plan.columns, strict=True)
    )
    label = line.label.strip() or "（无标签）"
    # After the table's last row is at the table's end, which the model spells None.
    last = draft.table.row_plans[-1]
    after = previous.name if previous is not None and previous is not last else None
    draft.extra_rows.append(ExtraRow(label, cells, after=after))
    where = draft.table.row_node(previous.key).label if previous else "the table's start"
    if line.guess:
        why += f" ({line.guess}: a guess)"
    draft.note(
        NoteKind.EXTRA,
        location(draft.section, "_extra_rows"),
        line.label,
        f"{why}; kept as an extra row after {where}",
        line.row.source,
    )
