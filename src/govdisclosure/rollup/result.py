"""What :func:`~govdisclosure.rollup.aggregate` returns: the summary, the reports it
adds up, the notes, and where every summed cell came from."""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from govdisclosure.categories import Section
from govdisclosure.cells import Blank, Cell
from govdisclosure.checker.findings import Location
from govdisclosure.report import AnnualReport
from govdisclosure.rollup.cellsum import Contribution, contribution
from govdisclosure.rollup.notes import AggregateNote, AggregateNoteKind, BlankPolicy

__all__ = ["AggregateResult", "Provenance"]


@frozen
class Provenance:
    """Where one summed cell came from: its place, its value in the summary, and what each
    organ's report gave to it, in the order of the reports."""

    location: Location
    value: Cell
    contributions: tuple[Contribution, ...]

    @property
    def blank(self) -> tuple[str, ...]:
        """The organs that left the cell blank."""
        return tuple(c.organ for c in self.contributions if type(c.value) is Blank)

    @property
    def left_out(self) -> tuple[str, ...]:
        """The organs whose figure was not added (a blank, unless counted as 0; a mark)."""
        return tuple(c.organ for c in self.contributions if c.counted is None)


@frozen
class AggregateResult:
    """A summary report and how it was made.

    ``report`` is the summed report (same year and edition as its parts, scope
    :meth:`~govdisclosure.report.Scope.aggregate`, prose sections empty); ``parts`` the
    reports it adds up, in the order given; ``blanks`` the policy blank cells were summed
    by; ``notes`` every case that was not a plain sum of numbers, in table order.
    """

    report: AnnualReport
    parts: tuple[AnnualReport, ...] = field(repr=False)
    blanks: BlankPolicy
    notes: tuple[AggregateNote, ...] = field(repr=False)

    @property
    def organs(self) -> tuple[str, ...]:
        """The organs added up, in the order of their reports."""
        return tuple(part.organ for part in self.parts)

    @property
    def consistent(self) -> bool:
        """Whether every summed total agrees with its summed details (and table 三's
        balance holds wherever its figures are counts): false when a part does not add
        up itself, which the notes of kind ``totals`` name."""
        return not self.notes_of(AggregateNoteKind.TOTALS)

    def notes_of(self, kind: AggregateNoteKind | str) -> tuple[AggregateNote, ...]:
        """The notes of one kind (a member, its ASCII value or its label)."""
        wanted = AggregateNoteKind.coerce(kind)
        return tuple(note for note in self.notes if note.kind is wanted)

    def notes_at(self, section: Section | str, row: Any, column: Any) -> tuple[AggregateNote, ...]:
        """The notes on one cell of the form (row and column by member, key or label)."""
        path = self.provenance(section, row, column).location.json_path
        return tuple(note for note in self.notes if note.location.json_path == path)

    def provenance(self, section: Section | str, row: Any, column: Any) -> Provenance:
        """Where the summed cell (``row``, ``column``) of the table of ``section`` came
        from: what each organ's report printed there, and what was added.

        >>> import govdisclosure as gd
        >>> from govdisclosure.rollup import aggregate
        >>> seed = gd.examples.load("zhongning-minzheng-2020")
        >>> twin = gd.AnnualReport.blank("中宁县教育局", 2020)
        >>> result = aggregate([seed, twin], organ="中宁县")
        >>> cell = result.provenance("reviews", "行政复议", "结果维持")
        >>> cell.value, cell.blank, [c.counted for c in cell.contributions]
        (0, ('中宁县民政局',), [None, 0])
        """
        table = self.report.table(section)
        position = table.position(row, column)
        spec = table.layout.cells[position]
        figures = [part.table(table.section).cells[position] for part in self.parts]
        return Provenance(
            Location.of_cell(self.report.edition, table.section, position),
            table.cells[position],
            tuple(
                contribution(spec.kind, spec.unit, part.organ, figure, self.blanks)
                for part, figure in zip(self.parts, figures, strict=True)
            ),
        )
