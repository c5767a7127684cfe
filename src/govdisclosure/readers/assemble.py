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

Each decision becomes a :class:`~govdisclosure.readers.result.Note`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from attrs import define, frozen

from govdisclosure.categories import MoneyUnit, Section
from govdisclosure.cells import BLANK, Cell, is_number
from govdisclosure.editions import Edition
from govdisclosure.labels import label_keys, normalize_label
from govdisclosure.layouts import CellKind, RowPlan, layout
from govdisclosure.readers.blocks import RawCell, TableBlock
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.rows import Row, only_remarks, split_row
from govdisclosure.readers.values import ParsedCell, parse_cell
from govdisclosure.readers.vocabulary import (
    SUBTOTAL,
    THRESHOLD,
    Target,
    best_match,
    header_remark,
    is_header,
    is_header_piece,
    targets,
    widest,
)
from govdisclosure.tables import (
    ApplicationTable,
    CellTable,
    ExtraColumn,
    ExtraRow,
    ProactiveTable,
    ReviewTable,
)

__all__ = ["TableRead", "read_table"]

_TABLE_CLASSES: dict[Section, type[CellTable[Any, Any]]] = {
    Section.PROACTIVE: ProactiveTable,
    Section.APPLICATIONS: ApplicationTable,
    Section.REVIEWS: ReviewTable,
}
_NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：]")

# A row's own numbering: "（七）总计" is a row, though 总计 also heads a column.
_ROW_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、])"
)
_LEGAL_PERSONS = frozenset({"commercial", "research", "public_welfare", "legal_services", "other"})


class _CellSpec(NamedTuple):
    """What :meth:`_Reader._fill` needs of a cell of the layout, looked up once."""

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


# --- reading one table ------------------------------------------------------------------


@frozen
class TableRead:
    """A table read from print: the table, where each cell came from (by position), and
    the notes on what was decided."""

    table: CellTable[Any, Any]
    sources: dict[int, SourceRef]
    notes: tuple[Note, ...]


@define(eq=False)
class _Line:
    """A printed row on its way to a table row: its label may still grow, and it
    remembers the header printed above it (for placing figures by column)."""

    row: Row
    label: str
    header: tuple[RawCell, ...] = ()
    #: How many printed lines its figures were on (one each, in text from some PDFs).
    lines: int = 1

    @property
    def key(self) -> str:
        return normalize_label(self.label)


def _location(section: Section, *parts: str) -> str:
    return ".".join(("$.report", section.value, *parts))


def _trimmed(row: Row, width: int) -> Sequence[RawCell]:
    """The row's values without the empty cells in front that stand under a label
    column (tab-separated text keeps the cell of a second label column, empty)."""
    values = row.values
    skip = 0
    while len(values) - skip > width and not values[skip].text.strip():
        skip += 1
    return values[skip:]


class _Reader:
    """Reads one table; its methods run in the order :func:`read_table` calls them."""

    def __init__(self, section: Section, edition: Edition, source: str | None) -> None:
        self.section = section
        self.edition = edition
        self.table = layout(edition).table(section)
        self.targets = targets(edition, section)
        self.specs = _cell_specs(edition, section)
        self.source = source
        self.notes: list[Note] = []
        self.cells: list[Cell] = [BLANK] * len(self.table.cells)
        self.sources: dict[int, SourceRef] = {}
        self.annotations: dict[int, str] = {}
        self.extra_rows: list[ExtraRow] = []
        self.table_notes: list[tuple[str, SourceRef]] = []
        self.header_text: list[str] = []
        self.subtotals: list[tuple[RowPlan, RawCell]] = []
        self._subtotal_seen: bool | None = None  # known once the header is read

    def note(self, kind: NoteKind, where: str, snippet: str, action: str, at: SourceRef) -> None:
        self.notes.append(Note(kind.value, where, snippet, action, at))

    # -- sorting the printed rows --------------------------------------------------------

    def lines(self, blocks: Sequence[TableBlock]) -> list[_Line | Row]:
        """The printed rows in order: rows with figures as :class:`_Line`, text-only rows
        as :class:`Row` (still to be placed). Headers, captions and notes are taken out."""
        out: list[_Line | Row] = []
        above: tuple[RawCell, ...] = ()
        after_header = True  # the next header row starts a new header
        for block in blocks:
            seen_figures = False
            for cells in block.rows:
                source = cells[0].source if cells else block.source
                row = split_row(cells, block.exact, source)
                if row.has_figures and only_remarks(row):
                    # The corner's remark "（本列数据的勾稽关系为：…）" on a line of its own
                    # reads like the annotation of a blank cell: header, not figures.
                    # Not a row of the form, though: "3.其他" is a column's label too.
                    whole = " ".join(cell.text.strip() for cell in cells if cell.text.strip())
                    if not self._numbered_row(row.label) and is_header(whole, self.section):
                        labels = tuple(cell for cell in cells if cell.text.strip())
                        row = Row(labels, (), block.exact, source)
                text = row.label
                if row.has_figures:
                    seen_figures = after_header = True
                    if out and self._continues(out[-1], row):
                        continue
                    out.append(_Line(row, text, above))
                    continue
                if not text:
                    continue
                if _NOTE.match(text):
                    self.table_notes.append((text, source))
                    continue
                # Before the first figures, pieces of header labels wrapped over lines
                # ("和）") belong to the header too.
                if not self._numbered_row(text) and (
                    is_header(text, self.section)
                    or (not seen_figures and is_header_piece(text, self.section))
                ):
                    if after_header:
                        above = ()  # a new header: a new block, or a new page
                        after_header = False
                    above += row.labels  # a new tuple: the rows read so far keep theirs
                    self.header_text.append(text)
                    self.header_remarks(row)
                    continue
                after_header = True
                out.append(row)
        for line in out:
            if isinstance(line, _Line) and line.lines > 1:
                figures = " ".join(cell.text.strip() for cell in line.row.values)
                self.note(
                    NoteKind.LAYOUT,
                    _location(self.section),
                    figures[:40],
                    f"the figures were printed on {line.lines} lines of their own; read them "
                    "as one row",
                    line.row.source,
                )
        return out

    def header_remarks(self, row: Row) -> None:
        """Note the header cells that print words the form has no place for."""
        for cell in row.labels:
            if header_remark(cell.text, self.section):
                self.note(
                    NoteKind.UNPLACED,
                    _location(self.section),
                    cell.text.strip(),
                    "the table's header prints words besides the form's label; the report "
                    "has no place for them, so they are kept only in this note",
                    cell.source,
                )

    def _continues(self, last: _Line | Row, row: Row) -> bool:
        """Join ``row``, figures without a label, to the figures of the line before when
        together they are no more than a row of the table holds: text extracted from a
        PDF often has each figure of a row on a line of its own. Rows of cells that stand
        in their columns (DOCX, HTML) are never joined."""
        if not isinstance(last, _Line) or row.label or row.exact or last.row.exact:
            return False
        printed = [cell for cell in row.values if cell.text.strip()]
        before = [cell for cell in last.row.values if cell.text.strip()]
        if len(printed) != len(row.values) or len(before) + len(printed) > widest(self.section):
            return False
        last.row = Row(last.row.labels, (*before, *printed), False, last.row.source)
        last.lines += 1
        return True

    def _numbered_row(self, label: str) -> bool:
        """Whether ``label`` is numbered and names a row of the form ("3.其他")."""
        return bool(_ROW_NUMBERING.match(label)) and self._score(label) >= 1.5

    def attach(self, lines: list[_Line | Row]) -> list[_Line]:
        """Place every text-only row: as the rest of a wrapped label (of the row before
        or the row after), as a row printed with every cell blank, as a piece of a merged
        group label or a header repeated after a page break (no figures of their own),
        or else as unplaced text (in the notes, with its source)."""
        figures = [line for line in lines if isinstance(line, _Line)]
        i = 0
        while i < len(lines):
            if isinstance(lines[i], _Line):
                i += 1
                continue
            j = i
            while j < len(lines) and not isinstance(lines[j], _Line):
                j += 1
            before, after = lines[i - 1] if i else None, lines[j] if j < len(lines) else None
            run = [row for row in lines[i:j] if isinstance(row, Row)]
            self._attach_run(
                run,
                before if isinstance(before, _Line) else None,
                after if isinstance(after, _Line) else None,
                figures,
            )
            i = j
        return figures

    def _score(self, text: str) -> float:
        return best_match(normalize_label(text), self.targets)[0]

    def _attach_run(
        self, run: list[Row], before: _Line | None, after: _Line | None, figures: list[_Line]
    ) -> None:
        """Read a run of text-only rows in order: a piece that completes the label before
        it joins that label; a whole label is a row printed with every cell blank; other
        pieces gather until they make a label; the last gathering, when it starts the
        label after the run (or is the label of figures printed on their own), joins it."""
        if is_header(" ".join(row.label for row in run), self.section) or all(
            is_header_piece(row.label, self.section) and not self._numbered_row(row.label)
            for row in run
        ):
            return  # a header printed again after a page break
        current: _Line | None = before
        groups: list[_Line] = []
        for row in run:
            text = row.label
            whole = self._score(text) >= 1.5  # a label of its own: never a continuation
            if current is not None and not whole and self._score(current.label) < 1.5:
                now = self._score(current.label)
                if self._score(f"{current.label} {text}") > now + 0.05:
                    current.label = f"{current.label} {text}"
                    continue
            # Its (blank) cells are kept: in an exact row they say a row was printed.
            current = _Line(Row(row.labels, row.values, row.exact, row.source), text)
            groups.append(current)
        if groups and after is not None:
            last = groups[-1]
            whole = self._score(last.label) >= 1.5
            joined = self._score(f"{last.label} {after.label}")
            if not after.key or (not whole and joined > self._score(after.label) + 0.05):
                after.label = f"{last.label} {after.label}"
                groups.pop()
        for group in groups:
            self._leftover(group, after, figures)

    def _leftover(self, line: _Line, after: _Line | None, figures: list[_Line]) -> None:
        text = line.label
        score, target = best_match(normalize_label(text), self.targets)
        if target is not None and score >= 1.5 and not target.is_group:
            at = next((k for k, x in enumerate(figures) if x is after), len(figures))
            figures.insert(at, line)
            return
        if self._is_fragment(text):
            return
        if line.row.exact and line.row.values:
            # A label over cells all printed empty, in a table whose cells stand in their
            # columns (DOCX, HTML): a row the form lacks, its cells blank (not 0).
            at = next((k for k, x in enumerate(figures) if x is after), len(figures))
            figures.insert(at, line)
            return
        self.note(
            NoteKind.UNPLACED,
            _location(self.section),
            text,
            "text in the table that is no row of the form; not read into any cell",
            line.row.source,
        )

    def _is_fragment(self, text: str) -> bool:
        """Whether ``text`` is a piece of a group's label printed down a merged cell
        ("理 结 果", "不予公 开"), which carries no figures of its own."""
        key = normalize_label(text)
        if not key:
            return True
        groups = normalize_label("".join(t.node.label for t in self.targets if t.is_group))
        return key in groups or is_header(text, self.section)

    # -- matching rows to the form -------------------------------------------------------

    def place(self, lines: list[_Line]) -> None:
        if self.table.flat and self.header_text and not any(self._score(x.label) for x in lines):
            # Table 四 printed with its header and not one figure under it (what follows,
            # if anything, is rows the form does not have).
            for line in lines:
                self._extra(line, None, "no row of the form matches its label")
            self.note(
                NoteKind.BLANK,
                _location(self.section),
                " ".join(self.header_text)[:40],
                "no figure under the table's header: every cell kept blank (not 0)",
                SourceRef(file=self.source),
            )
            return
        done: set[int] = set()
        last = -1
        previous: RowPlan | None = None
        plans = self.table.row_plans
        for line in lines:
            target = self._match(line.key, last, done)
            if target is None:
                self._extra(line, previous, "no row of the form matches its label")
                continue
            if target.is_group:
                # The group's own rows are not printed: blank, and the note says which.
                rows = "、".join(
                    self.table.row_node(plans[index].key).label
                    for index in range(target.index, target.last + 1)
                )
                why = f"the form divides {target.node.label} into rows, left blank (not 0): {rows}"
                self._extra(line, previous, why)
                done.update(range(target.index, target.last + 1))
                last = max(last, target.last)
                previous = plans[target.last]
                continue
            plan = plans[target.index]
            if target.index < last:
                self.note(
                    NoteKind.LAYOUT,
                    _location(self.section, plan.name),
                    line.label,
                    "the row is printed out of the form's order; read it where its label says",
                    line.row.source,
                )
            done.add(target.index)
            last = max(last, target.index)
            previous = plan
            self._label_note(line, target, plan)
            self._fill(line, plan)
        for index, plan in enumerate(plans):
            if index not in done:
                self.note(
                    NoteKind.MISSING,
                    _location(self.section, plan.name),
                    self.table.row_node(plan.key).label,
                    "the row is not in the document; its cells are left blank",
                    SourceRef(file=self.source),
                )

    def place_cells(self, lines: list[_Line]) -> None:
        """Rows of one figure each, labelled with their row and column ("行政复议·结果维持
        | 3", as Markdown lists table 四): each figure goes to the cell its label names."""
        columns = self.table.columns_in_order
        extras: dict[str, dict[int, RawCell]] = {}
        first: dict[str, _Line] = {}
        for line in lines:
            key = line.key
            score, target = best_match(key, self.targets, leaves_only=True)
            named = [c for c in columns if key.endswith(normalize_label(c.label))]
            if not named:
                self._extra(line, None, "no cell of the form matches its label")
                continue
            column = max(named, key=lambda c: len(c.label))
            if target is None or score < 1:
                # A row the form lacks, listed cell by cell ("不予受理·结果维持 | 3").
                label = re.sub(rf"\s*[·・.]?\s*{re.escape(column.label)}\s*$", "", line.label)
                extras.setdefault(label, {})[columns.index(column)] = line.row.values[0]
                first.setdefault(label, line)
                continue
            plan = self.table.row_plans[target.index]
            position = self.table.position(plan.key, column.key)
            raw = line.row.values[0]
            self.sources[position] = raw.source
            if raw.text.strip():
                parsed = parse_cell(raw.text, plan.kinds[0])
                self.cells[position] = parsed.value
                if parsed.annotation:
                    self.annotations[position] = parsed.annotation
        for label, figures in extras.items():
            cells = [
                figures.get(i, RawCell("", first[label].row.source)) for i in range(len(columns))
            ]
            self._extra(
                _Line(Row((), tuple(cells), True, first[label].row.source), label),
                None,
                "no row of the form matches its label",
            )
        blank = [
            f"{self.table.row_node(spec.row).label}·{self.table.column_node(spec.column).label}"
            for spec, cell in zip(self.table.cells, self.cells, strict=True)
            if cell is BLANK
        ]
        if blank:
            self.note(
                NoteKind.BLANK,
                _location(self.section),
                "、".join(blank),
                f"{len(blank)} cells printed empty or not printed, kept blank (not 0)",
                lines[0].row.source,
            )

    def _match(self, key: str, last: int, done: set[int]) -> Target | None:
        if not key:
            # No label at all: the next row of the form, if it is still free.
            for candidate in self.targets:
                if not candidate.is_group and candidate.index == last + 1:
                    return candidate if candidate.index not in done else None
            return None
        score, target = best_match(key, self.targets, done, after=last)
        if target is None or score < THRESHOLD:
            score, target = best_match(key, self.targets, done)
        if target is None or score < THRESHOLD:
            return None
        if target.is_group and any(i in done for i in range(target.index, target.last + 1)):
            return None
        return target

    def _label_note(self, line: _Line, target: Target, plan: RowPlan) -> None:
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
        self.note(
            NoteKind.LABEL,
            _location(self.section, plan.name),
            printed,
            f"read as 「{node.numbering}{node.label}」 ({how})",
            line.row.source,
        )

    def _values(self, line: _Line, values: Sequence[RawCell], width: int) -> list[RawCell | None]:
        """The row's value cells, one per column (``None``: printed blank), placed by the
        header's columns when spaces swallowed some blanks."""
        if len(values) >= width:
            return list(values)
        if not values:
            return [None] * width  # a row printed with every cell blank
        if not line.row.exact:
            placed = self._by_position(line, values, width)
            if placed is not None:
                return placed
        self.note(
            NoteKind.LAYOUT,
            _location(self.section),
            " ".join([line.label, *(v.text for v in values)]).strip(),
            f"{len(values)} figures for {width} columns, and nothing tells which columns "
            f"were left blank; read them as the first {len(values)} columns",
            line.row.source,
        )
        return [*values, *([None] * (width - len(values)))]

    def _by_position(
        self, line: _Line, values: Sequence[RawCell], width: int
    ) -> list[RawCell | None] | None:
        starts = self._column_starts(line.header, width)
        if starts is None or any(v.end is None for v in values):
            return None
        placed: list[RawCell | None] = [None] * width
        for value in values:
            assert value.end is not None
            column = max((i for i, start in enumerate(starts) if start < value.end), default=0)
            if placed[column] is not None:
                return None
            placed[column] = value
        return placed

    def _column_starts(self, header: Sequence[RawCell], width: int) -> list[int] | None:
        """Where each number column starts on a line, from the leaf labels of the header
        printed above (``None`` when the header does not show them all)."""
        leaves = {key for node in self.table.columns_in_order for key in label_keys(node.label)}
        found = sorted(
            cell.start
            for cell in header
            if cell.start is not None and normalize_label(cell.text) in leaves
        )
        # An extra row of table 四 prints its figures under the first columns.
        return found[:width] if len(found) >= width else None

    def _split_subtotal(self, row: Row, width: int) -> tuple[Sequence[RawCell], RawCell | None]:
        """The row's values for the form's columns, and the figure of a 小计 column the
        form does not have (table 三 printed with eight columns), if there is one."""
        if self.section is Section.APPLICATIONS and self._has_subtotal():
            values = _trimmed(row, width + 1)
        else:
            values = _trimmed(row, width)
        if len(values) == width + 1 and self.section is Section.APPLICATIONS:
            index = self._subtotal_index()
            return [*values[:index], *values[index + 1 :]], values[index]
        return values, None

    def _has_subtotal(self) -> bool:
        if self._subtotal_seen is None:
            self._subtotal_seen = SUBTOTAL in normalize_label("".join(self.header_text))
        return self._subtotal_seen

    def _fill(self, line: _Line, plan: RowPlan) -> None:
        width = len(plan.columns)
        values, subtotal = self._split_subtotal(line.row, width)
        if subtotal is not None:
            self.subtotals.append((plan, subtotal))
        placed = self._values(line, values, width)
        blanks = []
        specs, cells, sources = self.specs, self.cells, self.sources
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
                self.annotations[position] = parsed.annotation
            if parsed.repair:
                self.note(
                    NoteKind.NUMBER if is_number(parsed.value) else NoteKind.UNPLACED,
                    _location(self.section, plan.name, spec.column),
                    raw.text,
                    parsed.repair,
                    raw.source,
                )
        if blanks:
            self.note(
                NoteKind.BLANK,
                _location(self.section, plan.name),
                line.label,
                f"{len(blanks)} of {width} cells printed empty, kept blank (not 0): "
                + "、".join(blanks),
                line.row.source,
            )
        for raw in placed[width:]:
            if raw is not None and raw.text.strip():
                self.note(
                    NoteKind.UNPLACED,
                    _location(self.section, plan.name),
                    raw.text,
                    f"a figure beyond the row's {width} columns; not read into any cell",
                    raw.source,
                )

    # -- an extra subtotal column in table 三 ----------------------------------------------

    def _subtotal_index(self) -> int:
        """Where the 法人或其他组织小计 column stands among eight, from the header's order
        (after 其他 when the header does not say)."""
        text = normalize_label("".join(self.header_text))
        group = normalize_label("法人或其他组织")
        text = text.replace(group + SUBTOTAL, SUBTOTAL).replace(group, "|")
        spot = text.find(SUBTOTAL)
        parts = [node for node in self.table.columns_in_order if not node.total_of]
        if spot < 0:
            return len(parts)
        # Header rows are read one after another, so only the applicant columns count
        # (总计 is the last column whichever header row prints it).
        starts = [text.find(normalize_label(node.label)) for node in parts]
        return sum(1 for other in starts if 0 <= other < spot)

    def extra_column(self) -> ExtraColumn | None:
        if not self.subtotals:
            return None
        plans = self.table.row_plans
        columns = self.table.columns_in_order
        after = columns[max(0, self._subtotal_index() - 1)].key.value
        header = normalize_label("".join(self.header_text))
        # The whole label, not its end: "社会公益组织" before a plain "小计" ends in 组织小计 too.
        whole = normalize_label("法人或其他组织小计")
        label = "法人或其他组织小计" if SUBTOTAL not in header or whole in header else SUBTOTAL
        cells: list[Cell] = [BLANK] * len(plans)
        wrong = []
        for plan, raw in self.subtotals:
            value = parse_cell(raw.text, plan.kinds[0]).value
            cells[plans.index(plan)] = value
            parts = [
                cell
                for node, cell in zip(plan.columns, self.cells[plan.start : plan.stop], strict=True)
                if node.key.value in _LEGAL_PERSONS and type(cell) is int
            ]
            if type(value) is int and parts and sum(parts) != value:
                row = self.table.row_node(plan.key).label
                wrong.append(f"{row}: {value} ≠ {sum(parts)}")
        self.note(
            NoteKind.EXTRA,
            _location(self.section, "_extra_columns"),
            label,
            "kept the column the form does not have as an extra column; "
            + (
                "it differs from the sum of its parts in " + "; ".join(wrong)
                if wrong
                else "it equals the sum of its parts in every row"
            ),
            self.subtotals[0][1].source,
        )
        return ExtraColumn(label, tuple(cells), after=after)

    # -- rows the form does not have -------------------------------------------------------

    def _extra(self, line: _Line, previous: RowPlan | None, why: str) -> None:
        plan = previous or self.table.row_plans[0]
        width = len(plan.columns)
        values, subtotal = self._split_subtotal(line.row, width)
        if subtotal is not None and subtotal.text.strip():
            self.note(
                NoteKind.UNPLACED,
                _location(self.section, "_extra_rows"),
                subtotal.text,
                "an extra row's figure under the extra 小计 column; not read into any cell",
                subtotal.source,
            )
        placed = self._values(line, values, width)[:width]
        cells = tuple(
            BLANK if raw is None else parse_cell(raw.text, kind).value
            for raw, kind in zip(placed, plan.kinds, strict=True)
        )
        label = line.label.strip() or "（无标签）"
        # After the table's last row is at the table's end, which the model spells None.
        last = self.table.row_plans[-1]
        after = previous.name if previous is not None and previous is not last else None
        self.extra_rows.append(ExtraRow(label, cells, after=after))
        where = self.table.row_node(previous.key).label if previous else "the table's start"
        self.note(
            NoteKind.EXTRA,
            _location(self.section, "_extra_rows"),
            line.label,
            f"{why}; kept as an extra row after {where}",
            line.row.source,
        )

    def build(self) -> TableRead:
        for text, source in self.table_notes:
            self.note(
                NoteKind.EXTRA,
                _location(self.section, "_notes"),
                text,
                "kept as a note under the table",
                source,
            )
        column = self.extra_column()
        table = _TABLE_CLASSES[self.section](
            self.edition,
            tuple(self.cells),
            notes=tuple(text for text, _ in self.table_notes),
            annotations=tuple(sorted(self.annotations.items())),
            extra_rows=tuple(self.extra_rows),
            extra_columns=(column,) if column is not None else (),
        )
        return TableRead(table, self.sources, tuple(self.notes))


def read_table(
    section: Section,
    edition: Edition,
    blocks: Sequence[TableBlock],
    *,
    source: str | None = None,
) -> TableRead:
    """Read the table of ``section`` in ``edition`` from the printed ``blocks`` (a table
    split over pages or into pieces comes as several blocks)."""
    reader = _Reader(section, edition, source)
    figures = reader.attach(reader.lines(blocks))
    flat = section is Section.REVIEWS and figures and not figures[0].key
    if flat and len(figures[0].row.values) > len(reader.table.row_plans[0].columns):
        figures = [*_flat_reviews(reader, figures[0]), *figures[1:]]
    if section is Section.REVIEWS and figures and all(len(f.row.values) == 1 for f in figures):
        reader.place_cells(figures)
    else:
        reader.place(figures)
    return reader.build()


def _flat_reviews(reader: _Reader, line: _Line) -> list[_Line]:
    """Table 四 as the form prints it: one row of fifteen figures under the header, cut
    here into its three rows of five."""
    plans = reader.table.row_plans
    width = sum(len(plan.columns) for plan in plans)
    values = reader._values(line, line.row.values, width)
    out = []
    for plan in plans:
        cells = tuple(
            raw if raw is not None else RawCell("", line.row.source)
            for raw in values[plan.start : plan.stop]
        )
        label = reader.table.row_node(plan.key).label
        out.append(_Line(Row((), cells, True, line.row.source), label))
    return out
