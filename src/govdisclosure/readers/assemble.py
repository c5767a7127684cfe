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
from govdisclosure.cells import is_number
from govdisclosure.editions import Edition
from govdisclosure.layouts import CellKind, RowPlan, layout
from govdisclosure.readers.blocks import TableBlock
from govdisclosure.readers.draft import Draft, Line, location, spread
from govdisclosure.readers.extras import extra_column, extra_row, split_subtotal
from govdisclosure.readers.printed import attach, sort_rows
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.reviews import place_cells, review_rows
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
    #: The positions of the cells placed by a guess.
    guessed: frozenset[int] = frozenset()


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
    draft.lines = figures
    if section is Section.REVIEWS:
        figures = review_rows(draft, figures)
        if figures and all(len(f.row.values) == 1 for f in figures):
            place_cells(draft, figures)
            return _finished(draft)
    _place(draft, figures)
    return _finished(draft)


def _finished(draft: Draft) -> TableRead:
    """The table read, with its notes, annotations, extra rows and extra column."""
    if draft.generic_header is not None:
        draft.note(
            NoteKind.LAYOUT,
            location(draft.section),
            "类别 | 数据1 | …",
            "the table's headers name no column (数据1, 数据2 …); the figures were read "
            "in the form's column order, by their rows' labels",
            draft.generic_header,
        )
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
    return TableRead(table, draft.sources, tuple(draft.notes), frozenset(draft.guessed))


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
        # A numbering alone is a short label (most labels are words).
        alone = line.label and len(line.label) <= _LONGEST_NUMBERING
        target = _by_numbering(draft, line.label, last, done) if alone else None
        if target is not None:
            _numbered_alone(draft, line, target)
        else:
            target = _match(draft, line.key, last, done)
        if target is None and not line.key:
            _unlabelled(draft, line)
            continue
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
            if line.guess or not line.key:
                _guessed(draft, line, plans[target.index])
        # A number row is a target of its own: its first and last rows are the same.
        last = max(last, target.last)
        previous = plans[target.last]
    _note_missing(draft, done)


def _numbered_alone(draft: Draft, line: Line, target: Target) -> None:
    node = target.node
    line.label = node.numbering + node.label  # its label is the form's: no label note
    draft.note(
        NoteKind.LABEL,
        location(draft.section, draft.table.row_plans[target.index].name),
        line.row.label,
        f"a label of a numbering alone: read as 「{node.numbering}{node.label}」, the "
        "next row of the form numbered so",
        line.row.source,
    )


def _unlabelled(draft: Draft, line: Line) -> None:
    """A row of figures without a label, where the next row of the form is taken."""
    draft.note(
        NoteKind.UNPLACED,
        location(draft.section),
        " ".join(cell.text.strip() for cell in line.row.values)[:60],
        "a row of figures without a label, and the row of the form after the one "
        "above it is taken: not read into any cell",
        line.row.source,
    )


def _guessed(draft: Draft, line: Line, plan: RowPlan) -> None:
    """Note that ``line``'s figures were placed in ``plan``'s row by a guess."""
    why = line.guess or (
        "a row of figures without a label, between labelled rows: read as the row of "
        "the form that follows the one above it"
    )
    draft.guessed.update(range(plan.start, plan.stop))
    draft.note(
        NoteKind.GUESSED,
        location(draft.section, plan.name),
        " ".join(cell.text.strip() for cell in line.row.values)[:60],
        f"{why} — a guess: check the row {draft.table.row_node(plan.key).label} against "
        "the document",
        line.row.source,
    )


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


#: A label that is a numbering alone ("一", "（三）", "2."), and its parts.
_BARE_NUMBERING = re.compile(
    r"\s*(?P<open>[（(])?\s*(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)]?\s*[、.．]?\s*"
)


_LONGEST_NUMBERING = 8


def _numbering_key(numbering: str) -> str | None:
    """A numbering as compared: its numeral, with "(" when it is in brackets."""
    match = _BARE_NUMBERING.fullmatch(numbering)
    if match is None:
        return None
    return ("(" if match["open"] else "") + match["n"]


def _by_numbering(draft: Draft, label: str, last: int, done: set[int]) -> Target | None:
    """The first row (or group) after ``last`` numbered as ``label``, a numbering alone
    ("一 | 412 | 17 | …": a converter kept only the numbering of the label)."""
    wanted = _numbering_key(label)
    if wanted is None:
        return None
    for target in draft.targets:
        free = target.is_group or target.index not in done
        if target.index > last and free and _numbering_key(target.node.numbering) == wanted:
            return target
    return None


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
    if printed in (node.numbering + node.label, node.label) or not line.key:
        return  # the form's label; or none (a row without a label: a guess, noted so)
    if target.keys[0] in line.key:
        how = "spacing, width, numbering or group labels differ"
    elif any(key in line.key for key in target.keys):
        # Only the label's short form is printed whole: its remark differs.
        how = "the printed remark differs (a typo?); matched by the label before it"
    else:
        how = "the printed label differs (a typo?); matched by similarity and order"
        # A placement by similarity is a guess: findings on the row say so.
        line.guess = (
            line.guess or "its label is not the form's, and was matched to it by similarity"
        )
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
    values, subtotal = split_subtotal(draft, line, width)
    if subtotal is not None:
        draft.subtotals.append((plan, subtotal))
    placed = spread(draft, line, values, width)
    blanks = []
    cells, sources = draft.cells, draft.sources
    for position, raw in enumerate(placed[:width], plan.start):
        spec = specs[position]
        if raw is None:
            blanks.append(spec.label)
            continue
        sources[position] = raw.source
        text = raw.text
        parsed = spec.parsed.get(text)
        if parsed is None:
            if not text.strip():
                blanks.append(spec.label)
                continue
            parsed = parse_cell(text, spec.kind, spec.unit)
            if len(spec.parsed) < _PARSED_CACHE:
                spec.parsed[text] = parsed  # never a blank text: see above
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
    if blanks and not line.unplaced:
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
