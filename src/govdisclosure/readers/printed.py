"""A table's printed rows, sorted and put together into labelled lines of figures.

Headers (and pieces of them wrapped over lines, and headers repeated after a page
break), captions and notes under the table ("注：…") are taken out; figures printed one
per line are joined into their row; text-only rows are placed: as the rest of a label
wrapped over several rows (before or after the row with the figures), as a row printed
with every cell blank, as a piece of a merged group label, or else as unplaced text in
the notes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from govdisclosure.labels import normalize_label
from govdisclosure.readers.blocks import RawCell, TableBlock
from govdisclosure.readers.draft import Draft, Line, location
from govdisclosure.readers.result import NoteKind
from govdisclosure.readers.rows import Row, only_remarks, split_row
from govdisclosure.readers.vocabulary import (
    best_match,
    generic_header,
    header_remark,
    is_header,
    is_header_piece,
    widest,
)

__all__ = ["attach", "sort_rows"]

_NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：]")


# --- sorting the printed rows -------------------------------------------------------------


def sort_rows(draft: Draft, blocks: Sequence[TableBlock]) -> list[Line | Row]:
    """The printed rows in order: rows with figures as :class:`Line`, text-only rows
    as :class:`Row` (still to be placed). Headers, captions and notes are taken out."""
    out: list[Line | Row] = []
    above: tuple[RawCell, ...] = ()
    after_header = True  # the next header row starts a new header
    end, start = _edges(blocks)
    for block in blocks:
        seen_figures = False
        label_row: Row | None = None  # the row before, when it is a label alone
        for cells in _without_edges(block, end, start):
            source = cells[0].source if cells else block.source
            row = _remark_row(draft, split_row(cells, block.exact, source), cells)
            text = row.label
            if not text and not row.has_figures and label_row is not None and len(cells) > 1:
                # A label on a row of its own over a row of empty cells (as a table
                # prints an extra row of table 四): the label's cells, all blank.
                out[-1] = Row(label_row.labels, tuple(cells), True, label_row.source)
            label_row = None
            if row.has_figures:
                seen_figures = after_header = True
                if not (out and _continues(draft, out[-1], row)):
                    out.append(Line(row, text, above))
                continue
            if not text:
                continue
            if _NOTE.match(text):
                draft.table_notes.append((text, source))
                continue
            if generic_header(text):
                above, after_header = (), True  # says nothing of the columns
                draft.generic_header = draft.generic_header or row.source
                continue
            if _in_header(draft, text, seen_figures):
                if after_header:
                    above = ()  # a new header: a new block, or a new page
                    after_header = False
                above += row.labels  # a new tuple: the rows read so far keep theirs
                draft.header_text.append(text)
                _header_remarks(draft, row)
                continue
            after_header = True
            out.append(row)
            label_row = row if block.exact and not row.values else None
    _note_joined(draft, out)
    draft.header = normalize_label("".join(draft.header_text))
    return out


def _edges(blocks: Sequence[TableBlock]) -> tuple[bool, bool]:
    """Whether every row of several cells split at pipes, in all the table's pieces, has an
    empty cell at its end (and at its start), as pages converted to pipes print ("| 1.属于
    国家秘密 | 3 | 0 |  |"): that is no column, and counting it would move every figure of a
    row with a blank cell. Rows of one cell (a caption, a label on a line of its own) have
    no edges; one row alone does not tell an edge from a blank last column."""
    rows = [
        cells
        for block in blocks
        if block.edges
        for cells in block.rows
        if len(cells) > 1 and any(cell.text.strip() for cell in cells)
    ]
    if len(rows) < 2:
        return False, False
    end = all(not cells[-1].text.strip() for cells in rows)
    start = all(not cells[0].text.strip() for cells in rows)
    return end, start


def _without_edges(block: TableBlock, end: bool, start: bool) -> tuple[tuple[RawCell, ...], ...]:
    """The block's rows without the empty edge cells :func:`_edges` found."""
    if not block.edges or not (end or start):
        return block.rows
    out = block.rows
    if end:
        out = tuple(cells[:-1] if len(cells) > 1 else cells for cells in out)
    if start:
        out = tuple(cells[1:] if len(cells) > 1 else cells for cells in out)
    return out


@functools.cache
def _corner_key(corner: str) -> str:
    return normalize_label(corner)


def _remark_row(draft: Draft, row: Row, cells: Sequence[RawCell]) -> Row:
    """The corner's remark "（本列数据的勾稽关系为：…）" on a line of its own reads like
    the annotation of a blank cell: a header row, not figures. Not a row of the form,
    though: "3.其他" is a column's label too."""
    if not (row.has_figures and draft.table.corner and only_remarks(row)):
        return row
    whole = " ".join(cell.text.strip() for cell in cells if cell.text.strip())
    # A piece of the corner's words; "（政）" under a column is a blank cell's note.
    remark = normalize_label(re.sub(r"[（()）]", "", whole))
    if remark in _corner_key(draft.table.corner) and not draft.numbered_row(row.label):
        labels = tuple(cell for cell in cells if cell.text.strip())
        return Row(labels, (), row.exact, row.source)
    return row


def _in_header(draft: Draft, text: str, seen_figures: bool) -> bool:
    """Whether a text-only row is (part of) the header: before the first figures,
    pieces of header labels wrapped over lines ("和）") belong to it too."""
    return not draft.numbered_row(text) and (
        is_header(text, draft.section)
        or (not seen_figures and is_header_piece(text, draft.section))
    )


def _header_remarks(draft: Draft, row: Row) -> None:
    """Note the header cells that print words the form has no place for."""
    for cell in row.labels:
        if header_remark(cell.text, draft.section):
            draft.note(
                NoteKind.UNPLACED,
                location(draft.section),
                cell.text.strip(),
                "the table's header prints words besides the form's label; the report "
                "has no place for them, so they are kept only in this note",
                cell.source,
            )


def _continues(draft: Draft, last: Line | Row, row: Row) -> bool:
    """Join ``row``, figures without a label, to the figures of the line before when
    together they are no more than a row of the table holds: text extracted from a
    PDF often has each figure of a row on a line of its own. Rows of cells that stand
    in their columns (DOCX, HTML) are never joined."""
    if not isinstance(last, Line) or row.label or row.exact or last.row.exact:
        return False
    printed = [cell for cell in row.values if cell.text.strip()]
    before = [cell for cell in last.row.values if cell.text.strip()]
    if len(printed) != len(row.values) or len(before) + len(printed) > widest(draft.section):
        return False
    last.row = Row(last.row.labels, (*before, *printed), False, last.row.source)
    last.lines += 1
    return True


def _note_joined(draft: Draft, lines: list[Line | Row]) -> None:
    for line in lines:
        if isinstance(line, Line) and line.lines > 1:
            figures = " ".join(cell.text.strip() for cell in line.row.values)
            draft.note(
                NoteKind.LAYOUT,
                location(draft.section),
                figures[:40],
                f"the figures were printed on {line.lines} lines of their own; read them "
                "as one row",
                line.row.source,
            )


# --- text-only rows -----------------------------------------------------------------------


def attach(draft: Draft, lines: list[Line | Row]) -> list[Line]:
    """Place every text-only row: as the rest of a wrapped label (of the row before
    or the row after), as a row printed with every cell blank, as a piece of a merged
    group label or a header repeated after a page break (no figures of their own),
    or else as unplaced text (in the notes, with its source)."""
    lines = _pair_apart(draft, lines)
    figures = [line for line in lines if isinstance(line, Line)]
    before: Line | None = None
    run: list[Row] = []
    for line in [*lines, None]:
        if isinstance(line, Row):
            run.append(line)
            continue
        if run:
            _attach_run(draft, run, before, line, figures)
            run = []
        before = line
    return figures


def _pair_apart(draft: Draft, lines: list[Line | Row]) -> list[Line | Row]:
    """Labels printed on lines of their own, several together, next to as many rows of
    figures without labels (text extracted from a PDF in its columns' order): paired in
    order, each pair noted as a guess. When the counts differ nothing tells which
    figures are whose: the figures are noted, unplaced, and their rows stay blank.
    One pass over ``lines``: each is looked at a bounded number of times."""
    out: list[Line | Row] = []
    at = 0
    while at < len(lines):
        if not isinstance(lines[at], Row):  # a row of figures: no label printed apart
            out.append(lines[at])
            at += 1
            continue
        labels, end = _whole_labels(draft, lines, at)
        after = _unlabelled(lines, end) if len(labels) >= 2 else []
        before = _unlabelled_before(out) if len(labels) >= 2 else []
        if not after and not before:
            # Fewer than two labels; or rows printed with every cell blank, or a table's
            # labels alone: as they are.
            out += lines[at:end]
            at = end
            continue
        at = end  # the labels are taken out
        if len(after) == len(labels):
            rows, where = after, "before"
        elif len(before) == len(labels) and len(after) == 0:
            rows, where = before, "after"
        else:
            rows = after or before
            _unpaired(draft, labels, rows)
            if after:
                at += len(after)
            else:
                del out[-len(before) :]
            continue
        for label, line in zip(labels, rows, strict=True):
            line.label = label.label
            line.guess = f"its label was printed apart from its figures, {where} them"
    return out


def _whole_labels(draft: Draft, lines: list[Line | Row], at: int) -> tuple[list[Row], int]:
    """The run of text-only rows at ``at`` that are each a whole label of a row of the
    form (no fragments, no groups), and where the next run may start: past this one,
    or past the row that is no whole label (every run starting before it holds it)."""
    run: list[Row] = []
    index = at
    while index < len(lines) and isinstance(item := lines[index], Row):
        score, target = best_match(normalize_label(item.label), draft.targets)
        if target is None or target.is_group or score < 1.5:
            return [], index + 1
        run.append(item)
        index += 1
    return run, max(index, at + 1)


def _unlabelled(lines: list[Line | Row], at: int) -> list[Line]:
    """The run of rows of figures without a label that starts at ``at``."""
    run: list[Line] = []
    for index in range(at, len(lines)):
        item = lines[index]
        if not isinstance(item, Line) or item.key:
            break
        run.append(item)
    return run


def _unlabelled_before(lines: list[Line | Row]) -> list[Line]:
    """The run of rows of figures without a label that ends ``lines``."""
    run: list[Line] = []
    for item in reversed(lines):
        if not isinstance(item, Line) or item.key:
            break
        run.append(item)
    return run[::-1]


def _unpaired(draft: Draft, labels: list[Row], rows: list[Line]) -> None:
    printed = "、".join(row.label for row in labels)
    for line in rows:
        draft.note(
            NoteKind.UNPLACED,
            location(draft.section),
            " ".join(cell.text.strip() for cell in line.row.values),
            f"figures printed apart from their labels ({printed}), and {len(rows)} rows "
            f"of figures for {len(labels)} labels: nothing tells which are whose; "
            "not read into any cell",
            line.row.source,
        )


def _attach_run(
    draft: Draft, run: list[Row], before: Line | None, after: Line | None, figures: list[Line]
) -> None:
    """Read a run of text-only rows in order: a piece that completes the label before
    it joins that label; a whole label is a row printed with every cell blank; other
    pieces gather until they make a label; the last gathering, when it starts the
    label after the run (or is the label of figures printed on their own), joins it."""
    section, score = draft.section, draft.score
    if is_header(" ".join(row.label for row in run), section) or all(
        is_header_piece(row.label, section) and not draft.numbered_row(row.label) for row in run
    ):
        return  # a header printed again after a page break
    current: Line | None = before
    groups: list[Line] = []
    for row in run:
        text = row.label
        whole = score(text) >= 1.5  # a label of its own: never a continuation
        if current is not None and not whole and score(current.label) < 1.5:
            now = score(current.label)
            if score(f"{current.label} {text}") > now + 0.05:
                current.label = f"{current.label} {text}"
                continue
        # Its (blank) cells are kept: in an exact row they say a row was printed.
        current = Line(Row(row.labels, row.values, row.exact, row.source), text)
        groups.append(current)
    if groups and after is not None:
        last = groups[-1]
        whole = score(last.label) >= 1.5
        joined = score(f"{last.label} {after.label}")
        if not after.key or (not whole and joined > score(after.label) + 0.05):
            after.label = f"{last.label} {after.label}"
            groups.pop()
    for group in groups:
        _leftover(draft, group, after, figures)


def _leftover(draft: Draft, line: Line, after: Line | None, figures: list[Line]) -> None:
    text = line.label
    score, target = best_match(normalize_label(text), draft.targets)
    whole = target is not None and score >= 1.5 and not target.is_group
    if not whole and _is_fragment(draft, text):
        return
    # Not a row of the form, but a label over cells all printed empty in a table whose
    # cells stand in their columns (DOCX, HTML): a row the form lacks, its cells blank.
    if whole or (line.row.exact and line.row.values):
        at = next((k for k, x in enumerate(figures) if x is after), len(figures))
        figures.insert(at, line)
        return
    draft.note(
        NoteKind.UNPLACED,
        location(draft.section),
        text,
        "text in the table that is no row of the form; not read into any cell",
        line.row.source,
    )


def _is_fragment(draft: Draft, text: str) -> bool:
    """Whether ``text`` is a piece of a group's label printed down a merged cell
    ("理 结 果", "不予公 开"), which carries no figures of its own."""
    key = normalize_label(text)
    if not key:
        return True
    groups = normalize_label("".join(t.node.label for t in draft.targets if t.is_group))
    return key in groups or is_header(text, draft.section)
