"""A report in the layout of the other edition: :func:`convert`, for comparing a 2020 report
with a 2021 one, or adding up reports of both editions.

Every figure goes where :func:`~govdisclosure.editionmap.edition_map` says it goes; prose,
the preamble and everything else about the report carry over unchanged. Nothing is lost
silently: the :class:`ConversionResult` lists every figure that has no place in the
target layout (``dropped``), every figure placed other than one for one (``adjusted``:
several added into one, or one put whole into one of several rows), and the target cells
the source edition did not ask for, left blank (``unfilled``). A blank cell carries no
figure, so it is never listed as dropped.

>>> import govdisclosure as gd
>>> seed = gd.examples.load("zhongning-minzheng-2020")
>>> result = convert(seed, "2021")
>>> result.report.edition, result.report.applications["其他", "总计"]
(<Edition.V2021: '2021'>, 0)
>>> print(result.dropped[-1].message())
二、政府集中采购·采购总金额（6165711 元）：2021 年版格式表二没有第二十条第（九）项（政府集中采购）
>>> len(result.dropped), len(result.adjusted), len(result.unfilled)
(19, 0, 7)
>>> convert(result.report, "2019").report.applications == seed.applications
True
"""

from __future__ import annotations

import enum
from typing import Any, Generic, TypeVar

import attrs
from attrs import frozen

from govdisclosure.categories import Section
from govdisclosure.cells import BLANK, Cell
from govdisclosure.editionmap import (
    CATCH_ALL,
    CellRef,
    EditionMap,
    Link,
    LinkKind,
    Reason,
    Unmatched,
    catch_all_index,
    edition_map,
    merge_cells,
    row_sources,
    split_cell,
    split_parts,
)
from govdisclosure.editions import Edition
from govdisclosure.errors import OptionError, ReportValueError
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.layouts import TableLayout, layout
from govdisclosure.report import AnnualReport
from govdisclosure.tables import CellTable, ExtraColumn, ExtraRow

__all__ = ["ConversionNote", "ConversionResult", "NoteKind", "convert"]


class NoteKind(enum.Enum):
    """What became of a figure the conversion could not place one for one."""

    #: No place in the target layout: the figure is not in the converted report.
    DROPPED = "dropped"
    #: Added, with others, into one cell of the target layout.
    SUMMED = "summed"
    #: Put whole into one of the cells the target layout splits it into.
    WHOLE = "whole"


@frozen
class ConversionNote:
    """A figure (or an extra row or column, or a cell's annotation) of the source report
    that the conversion dropped or placed other than one for one, and why.

    ``cell`` is the source cell, when it is one; ``extra`` the label of an extra row or
    column (the report's own words) or the text of an annotation; ``values`` the figures
    concerned; ``edition`` the source edition.
    """

    kind: NoteKind
    edition: Edition
    section: Section
    cell: CellRef | None
    values: tuple[Cell, ...]
    reason: Reason
    extra: str | None = None

    def place(self, locale: str = "zh_CN") -> str:
        """Where the figure stood in the source report, in ``locale``."""
        if self.cell is not None:
            name = self.cell.name(locale)
            return name if self.extra is None else f"{name} “{self.extra}”"
        number = layout(self.edition).table(self.section).number
        if locale.startswith("en"):
            number = str("一二三四".index(number) + 1)
        return translate(_("表{number}“{label}”"), locale).format(number=number, label=self.extra)

    def message(self, locale: str = "zh_CN") -> str:
        """The note as one line: where, the figures, why.

        >>> from govdisclosure.editionmap import edition_map
        >>> lost = edition_map(Edition.V2019, Edition.V2021).unmatched_source[-2]
        >>> note = ConversionNote(NoteKind.DROPPED, Edition.V2019, lost.cell.section,
        ...                       lost.cell, (3,), lost.reason)
        >>> print(note.message("en").replace(": ", ":\\n"))
        Table 2, Centralized government procurement · Procurement projects (3):
        table 2 of the 2021 edition has no Article 20, item (9) (Centralized government procurement)
        """
        figures = [str(value) for value in self.values if value is not BLANK]
        if locale.startswith("en"):
            shown = f" ({', '.join(figures)})" if figures else ""
            return f"{self.place(locale)}{shown}: {self.reason.text(locale)}"
        shown = f"（{'、'.join(figures)}）" if figures else ""
        return f"{self.place(locale)}{shown}：{self.reason.text(locale)}"


@frozen
class ConversionResult:
    """A report converted to another edition, and what the conversion could not carry
    one for one."""

    report: AnnualReport
    source: Edition
    target: Edition
    notes: tuple[ConversionNote, ...] = ()
    #: Cells of the target layout the source edition does not ask for, left blank.
    unfilled: tuple[Unmatched, ...] = ()

    @property
    def dropped(self) -> tuple[ConversionNote, ...]:
        """The figures that have no place in the target layout."""
        return tuple(note for note in self.notes if note.kind is NoteKind.DROPPED)

    @property
    def adjusted(self) -> tuple[ConversionNote, ...]:
        """The figures placed other than one for one (added together, or put whole)."""
        return tuple(note for note in self.notes if note.kind is not NoteKind.DROPPED)

    @property
    def exact(self) -> bool:
        """Whether every figure found a place of its own."""
        return not self.notes


def _edition(value: object) -> Edition:
    if isinstance(value, Edition):
        return value
    try:
        return Edition(value)
    except ValueError:
        choices = ", ".join(repr(e.value) for e in Edition)
        raise OptionError(
            f"edition must be an Edition or one of {choices}, got {value!r}"
        ) from None


def convert(report: AnnualReport, edition: Edition | str) -> ConversionResult:
    """``report`` laid out for ``edition``, with the list of what did not carry over one for
    one (see the module's documentation). A report already in ``edition`` comes back as
    it is, with nothing listed."""
    if not isinstance(report, AnnualReport):
        raise ReportValueError(f"expected an AnnualReport, got {report!r}")
    target = _edition(edition)
    if report.edition is target:
        return ConversionResult(report, target, target)
    mapping = edition_map(report.edition, target)
    notes: list[ConversionNote] = []
    converted = attrs.evolve(
        report,
        edition=target,
        proactive=_Converter(report.proactive, mapping, notes).table(),
        applications=_Converter(report.applications, mapping, notes).table(),
        reviews=_Converter(report.reviews, mapping, notes).table(),
    )
    return ConversionResult(
        converted, report.edition, target, tuple(notes), mapping.unmatched_target
    )


T = TypeVar("T", bound=CellTable[Any, Any])


class _Converter(Generic[T]):
    """One table on its way to the target layout, and the notes it adds."""

    def __init__(self, table: T, mapping: EditionMap, notes: list[ConversionNote]) -> None:
        self.source = table
        self.mapping = mapping
        self.notes = notes
        self.section = table.section
        self.there = layout(mapping.target).table(table.section)
        #: Source cell position -> the target positions its figure went to.
        self.moved: dict[int, list[int]] = {}

    def table(self) -> T:
        cells = self._cells()
        return type(self.source)(
            self.mapping.target,
            cells,
            notes=self.source.notes,
            annotations=self._annotations(),
            extra_rows=self._extra_rows(),
            extra_columns=self._extra_columns(),
        )

    def _note(
        self,
        kind: NoteKind,
        cell: CellRef | None,
        values: tuple[Cell, ...],
        reason: Reason,
        extra: str | None = None,
    ) -> None:
        self.notes.append(
            ConversionNote(kind, self.mapping.source, self.section, cell, values, reason, extra)
        )

    # --- the cells --------------------------------------------------------------------------

    def _cells(self) -> tuple[Cell, ...]:
        cells: list[Cell] = [BLANK] * len(self.there.cells)
        for link in self.mapping.links:
            if link.section is self.section:
                self._place(link, cells)
        for lost in self.mapping.unmatched_source:
            if lost.cell.section is self.section:
                value = self.source.cells[lost.cell.position]
                if value is not BLANK:
                    self._note(NoteKind.DROPPED, lost.cell, (value,), lost.reason)
        return tuple(cells)

    def _place(self, link: Link, cells: list[Cell]) -> None:
        """Put the figures of ``link``'s source cells into its target cells."""
        values = tuple(self.source.cells[cell.position] for cell in link.sources)
        targets = [cell.position for cell in link.targets]
        for cell in link.sources:
            self.moved.setdefault(cell.position, []).extend(targets)
        if link.kind is LinkKind.SAME:
            cells[targets[0]] = values[0]
        elif link.kind is LinkKind.SPLIT:
            parts = tuple(cell.row for cell in link.targets)
            split, exact = split_cell(
                values[0], len(parts), catch_all_index(link.sources[0].row, parts)
            )
            for position, value in zip(targets, split, strict=True):
                cells[position] = value
            if not exact:
                self._note(NoteKind.WHOLE, link.sources[0], values, _whole(link))
        else:
            merged, exact = merge_cells(values)
            cells[targets[0]] = merged
            if not _recoverable(link, values, merged, exact):
                # Every line is noted, a blank one too: undone, it would not come back
                # as it was (a blank in a sum of zeros comes back 0).
                reason = _summed(link.targets[0], exact)
                for cell, value in zip(link.sources, values, strict=True):
                    self._note(NoteKind.SUMMED, cell, (value,), reason)

    # --- what real reports print around the cells -----------------------------------------

    def _annotations(self) -> tuple[tuple[int, str], ...]:
        """The annotations of cells that carry over, on their new cells (a cell several
        add into takes theirs, joined; a split cell's goes with its figure to the
        catch-all); those of cells without a place are noted."""
        placed: dict[int, list[str]] = {}
        for position, text in self.source.annotations:
            spec = self.source.layout.cells[position]
            targets = self.moved.get(position, [])
            if not targets:
                cell = CellRef(self.mapping.source, self.section, spec.row, spec.column)
                reason = next(u.reason for u in self.mapping.unmatched_source if u.cell == cell)
                self._note(NoteKind.DROPPED, cell, (), reason, text)
                continue
            if len(targets) > 1:
                targets = [t for t in targets if self.there.cells[t].row is CATCH_ALL[spec.row]]
            placed.setdefault(targets[0], []).append(text)
        return tuple((position, "；".join(texts)) for position, texts in sorted(placed.items()))

    def _extra_rows(self) -> tuple[ExtraRow, ...]:
        """The extra rows whose block has the same columns in the target layout, after the
        row that stands where theirs stood; the others are noted as dropped."""
        kept = []
        for row in self.source.extra_rows:
            found, after = self._after(row.after)
            mine = _columns(self.source.layout, row.after)
            if found and mine == _columns(self.there, after):
                kept.append(attrs.evolve(row, after=after))
            else:
                why = _("{edition} 年版格式表{number}中没有与该行各栏相同的位置")
                self._extra_note(NoteKind.DROPPED, why, row.cells, row.label)
        return tuple(kept)

    def _extra_note(
        self, kind: NoteKind, template: str, cells: tuple[Cell, ...], label: str
    ) -> None:
        """Note the figures of an extra row or column, for ``template``'s reason."""
        target = (("edition", self.mapping.target.value), ("number", self.there.number))
        self._note(kind, None, cells, Reason(template, target), label)

    def _after(self, after: str | None) -> tuple[bool, str | None]:
        """Whether the target has a row for an extra row printed after source row
        ``after``, and which: the same row, the last of the rows it is split into, or the
        row it is merged into (``None`` stays at the end)."""
        if after is None:
            return True, None
        found: str | None = None
        rows = row_sources(self.mapping.source, self.mapping.target, self.section)
        for target, (_kind, sources, _index) in rows.items():
            if after in (source.value for source in sources):
                found = target.value  # the last of a split, the one row of a merge
        return found is not None, found

    def _extra_columns(self) -> tuple[ExtraColumn, ...]:
        """The extra columns whose block and neighbour column stand in the target layout,
        their cells carried row by row as the table's cells are; the others are noted."""
        kept = []
        for column in self.source.extra_columns:
            caption = self.source.layout.blocks[column.block].caption
            blocks = [i for i, b in enumerate(self.there.blocks) if b.caption is caption]
            block = blocks[0] if blocks else -1
            names = {node.key.value for node in self.there.blocks[block].columns} if blocks else ()
            if column.after in names:
                cells = self._carry(column, block)
                kept.append(attrs.evolve(column, block=block, cells=cells))
            else:
                why = _("{edition} 年版格式表{number}中没有该栏所在的位置")
                self._extra_note(NoteKind.DROPPED, why, column.cells, column.label)
        return tuple(kept)

    def _carry(self, column: ExtraColumn, block: int) -> tuple[Cell, ...]:
        """An extra column's cells, one per number row of the target ``block``, carried
        from the source rows as the table's cells are (same, split, merged); figures in
        rows the target has no place for, or not placed one for one, are noted."""
        rows = [node.key for node in self.source.layout.blocks[column.block].rows]
        by_row = dict(zip(rows, column.cells, strict=True))
        how = row_sources(self.mapping.source, self.mapping.target, self.section)
        cells: list[Cell] = []
        used: set[Any] = set()
        inexact: NoteKind | None = None  # how a figure was placed other than one for one
        for node in self.there.blocks[block].rows:
            kind, sources, index = how.get(node.key, (None, (), 0))
            if not sources or not all(source in by_row for source in sources):
                cells.append(BLANK)
                continue
            values = tuple(by_row[source] for source in sources)
            used.update(sources)
            if kind is LinkKind.SAME:
                cells.append(values[0])
            elif kind is LinkKind.SPLIT:
                parts = split_parts(self.mapping.target, self.section, sources[0])
                split, fits = split_cell(values[0], len(parts), catch_all_index(sources[0], parts))
                cells.append(split[index])
                inexact = inexact if fits else NoteKind.WHOLE
            else:
                merged, fits = merge_cells(values)
                cells.append(merged)
                undone = split_cell(merged, len(values), catch_all_index(node.key, sources))[0]
                inexact = inexact if fits and undone == values else NoteKind.SUMMED
        lost = tuple(v for row, v in by_row.items() if row not in used and v is not BLANK)
        if lost or inexact is not None:
            why = _("{edition} 年版格式表{number}的行与之不同：部分数字没有位置或未能逐一对应")
            note = NoteKind.DROPPED if lost else inexact
            assert note is not None
            self._extra_note(note, why, lost or column.cells, column.label)
        return tuple(cells)


def _columns(table: TableLayout, after: str | None) -> tuple[Any, ...]:
    plan = table.row_plan_named(after) if after is not None else table.row_plans[-1]
    return tuple(node.key for node in plan.columns)


def _recoverable(link: Link, values: tuple[Cell, ...], merged: Cell, exact: bool) -> bool:
    """Whether the figures added into ``merged`` come back as they were when the
    conversion is undone (all blank, all zero, or one figure in the catch-all)."""
    if not exact:
        return False
    parts = tuple(cell.row for cell in link.sources)
    catch_all = catch_all_index(link.targets[0].row, parts)
    return split_cell(merged, len(parts), catch_all)[0] == values


def _whole(link: Link) -> Reason:
    group, targets = link.sources[0], link.targets
    return Reason(
        _(
            "{edition} 年版格式将“{group}”分为 {count} 行，{source} 年版不分："
            "全数计入“{catch_all}”，其余各行留空"
        ),
        (
            ("edition", targets[0].edition.value),
            ("group", group.table.row_node(group.row).label),
            ("count", str(len(targets))),
            ("source", group.edition.value),
            ("catch_all", targets[0].table.row_node(CATCH_ALL[group.row]).label),
        ),
        ("group", "catch_all"),
    )


def _summed(target: CellRef, exact: bool) -> Reason:
    if exact:
        template = _("{edition} 年版格式“{row}”只有一行：各行相加计入，分项不能保留")
    else:
        template = _(
            "{edition} 年版格式“{row}”只有一行：各行的数字相加计入（空白或标记不计），分项不能保留"
        )
    return Reason(
        template,
        (("edition", target.edition.value), ("row", target.table.row_node(target.row).label)),
        ("row",),
    )
