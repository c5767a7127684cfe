"""What every reader turns its document into before the report is built: a flat list of
text blocks (paragraphs and headings, with their emphasis) and table blocks (rows of
cells as printed), each with where it came from.

The front ends (text, HTML, DOCX) differ only in how they find these blocks; the
shared back end (:mod:`govdisclosure.readers.build`) finds the title, the sections, the
prose and the tables in them, the same way for every format.

>>> block = TextBlock.plain("一、总体情况", SourceRef(line=5))
>>> block.text, str(block.source)
('一、总体情况', 'line 5')
"""

from __future__ import annotations

from typing import NamedTuple

from attrs import field, frozen

from govdisclosure.readers.result import SourceRef
from govdisclosure.text import Span

__all__ = ["Block", "RawCell", "TableBlock", "TextBlock"]


@frozen
class TextBlock:
    """A paragraph or a heading.

    ``heading`` is the level the document marked (an HTML ``<h2>``, a Word heading
    style, a paragraph printed all bold: 1 for the largest); 0 when it marked none,
    as plain text never does. ``wrapped`` says the text may be cut by line wraps (text
    extracted from a PDF), so that paragraphs are joined where a sentence runs on.
    ``lead`` is the length of a run-in title the document marked at the start of the
    paragraph ("（一）主动公开政府信息情况" in a character style of its own, as Word
    prints one), 0 when it marked none: the title then ends where the mark does, not at
    the first full stop.
    """

    spans: tuple[Span, ...]
    source: SourceRef
    heading: int = 0
    wrapped: bool = False
    lead: int = 0
    text: str = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "text", "".join(span.text for span in self.spans))

    @classmethod
    def plain(cls, text: str, source: SourceRef, **kw: object) -> TextBlock:
        """A block of unemphasised text."""
        return cls((Span(text),), source, **kw)  # type: ignore[arg-type]


class RawCell(NamedTuple):
    """One cell as printed: its text and where it was (a named tuple: readers make
    hundreds per report).

    ``start`` and ``end`` are, for fixed-width text, the display columns where the
    cell's text starts and ends; they let the table reader tell which cells of a row
    were blank when blanks left no trace but spaces. ``span`` is the number of grid
    columns the cell covers.
    """

    text: str
    source: SourceRef
    start: int | None = None
    end: int | None = None
    span: int = 1


@frozen
class TableBlock:
    """A table, or part of one, as rows of printed cells.

    ``exact`` is true when every row has its cells in their grid columns (HTML and
    DOCX tables, tab-separated text): an empty cell is then a blank cell for sure.
    Rows of text split at spaces are not exact. ``edges`` is true for rows split at
    pipes, where a converter may print an empty cell at an edge of every row
    (``| 规章 | 3 | 0 |  |``) that is no column.
    """

    rows: tuple[tuple[RawCell, ...], ...]
    source: SourceRef
    exact: bool = True
    edges: bool = False


Block = TextBlock | TableBlock
