"""What a text may hold, counted while the text front end reads it line by line (the
limits are in :mod:`~govdisclosure.readers.limits`): the reader's cost is per line and
per cell, so counting them bounds its time, whatever the text."""

from __future__ import annotations

from govdisclosure.categories import Section
from govdisclosure.errors import ReadError
from govdisclosure.readers.headings import Position
from govdisclosure.readers.limits import (
    MAX_LINES,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
)
from govdisclosure.readers.pipes import TextRow
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.sections import heading_of

__all__ = ["TextBudget"]


class TextBudget:
    """What a text may hold, counted as it is read (see :mod:`~govdisclosure.limits`):
    so many lines, so many rows in a section's table (beyond either, the text
    is refused where it goes over), so many cells in a row (a longer line is kept in a
    note, not read)."""

    def __init__(self, source: str | None, notes: list[Note]) -> None:
        self.source = source
        self.notes = notes
        self.lines = 0
        self.section: Section | None = None  # the section whose table rows are counted
        self.count = 0

    def line(self, number: int) -> None:
        self.lines += 1
        if self.lines > MAX_LINES:
            raise ReadError(
                f"line {number}: the text has more than {MAX_LINES:,} lines, more than any "
                "report (the limit)",
                source=self.source,
            )

    def row(self, at: Position, row: TextRow, line: str, where: SourceRef) -> bool:
        """Whether ``row`` is read: a row of more cells than any table has is kept in a
        note instead."""
        if len(row[0]) > MAX_TABLE_COLUMNS:
            action = (
                f"a line of more than {MAX_TABLE_COLUMNS} cells is no row of a table: not "
                "read into any cell"
            )
            self.notes.append(Note(NoteKind.UNPLACED.value, "$", line.strip()[:60], action, where))
            return False
        if at.section is not self.section:  # a section's table starts: count its rows
            self.section, self.count = at.section, 0
        self.count += 1
        if self.count > MAX_TABLE_ROWS:
            title = heading_of(at.section) if at.section else "the text"
            raise ReadError(
                f"{where}: the table of {title} has more than {MAX_TABLE_ROWS} rows, more "
                "than any report's (the limit)",
                source=self.source,
            )
        return True
