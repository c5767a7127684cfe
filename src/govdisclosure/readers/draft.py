"""A table on its way from print to the model: what every step of reading it shares.

:func:`~govdisclosure.readers.assemble.read_table` makes one :class:`Draft` per printed
table and hands it from step to step: the printed rows are sorted and put together
(:mod:`~govdisclosure.readers.printed`), matched to the form's rows and their figures
placed (:mod:`~govdisclosure.readers.placing`), and what the form has no place for
kept (:mod:`~govdisclosure.readers.extras`). The draft holds the layout, the cells read
so far, where each came from, and the notes on every decision.
"""

from __future__ import annotations

import re

from attrs import define

from govdisclosure.categories import Section
from govdisclosure.cells import BLANK, Cell
from govdisclosure.editions import Edition
from govdisclosure.labels import normalize_label
from govdisclosure.layouts import RowPlan, layout
from govdisclosure.readers.blocks import RawCell
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.rows import Row
from govdisclosure.readers.vocabulary import best_match, targets
from govdisclosure.tables import ExtraRow

__all__ = ["Draft", "Line", "location"]

# A row's own numbering: "（七）总计" is a row, though 总计 also heads a column.
_ROW_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、])"
)


@define(eq=False)
class Line:
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


def location(section: Section, *parts: str) -> str:
    """The JSON path of a place in the section's table, for a note."""
    return ".".join(("$.report", section.value, *parts))


class Draft:
    """One table being read: its layout and the form's rows to match, and what has been
    read so far (cells, their sources, annotations, extra rows, notes)."""

    def __init__(self, section: Section, edition: Edition, source: str | None) -> None:
        self.section = section
        self.edition = edition
        self.table = layout(edition).table(section)
        self.targets = targets(edition, section)
        self.source = source
        self.notes: list[Note] = []
        self.cells: list[Cell] = [BLANK] * len(self.table.cells)
        self.sources: dict[int, SourceRef] = {}
        self.annotations: dict[int, str] = {}
        self.extra_rows: list[ExtraRow] = []
        self.table_notes: list[tuple[str, SourceRef]] = []
        self.header_text: list[str] = []
        #: The figures of a printed 小计 column the form does not have, by row.
        self.subtotals: list[tuple[RowPlan, RawCell]] = []
        self.subtotal_seen: bool | None = None  # known once the header is read

    def note(self, kind: NoteKind, where: str, snippet: str, action: str, at: SourceRef) -> None:
        self.notes.append(Note(kind.value, where, snippet, action, at))

    def score(self, text: str) -> float:
        """How well ``text`` names a row (or group) of the form: 1.5 and more, whole."""
        return best_match(normalize_label(text), self.targets)[0]

    def numbered_row(self, label: str) -> bool:
        """Whether ``label`` is numbered and names a row of the form ("3.其他")."""
        return bool(_ROW_NUMBERING.match(label)) and self.score(label) >= 1.5
