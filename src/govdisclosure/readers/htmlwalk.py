"""A web page walked in order into :mod:`blocks <govdisclosure.readers.blocks>`.

* the site around the report is left out (:mod:`~govdisclosure.readers.sitechrome`);
* ``h1`` to ``h6`` become headings of their level; every other paragraph (``p``,
  ``li``, the text of a ``div``, a line ended by ``<br>``) a text block, with its bold
  runs as bold spans (:mod:`~govdisclosure.readers.htmltext`);
* a ``table`` becomes a table block: one cell per cell as printed (a cell merged over
  rows appears in its first row only), with its ``colspan``, and where it stands in the
  grid. Tables inside a cell are flattened into the cell's text; a table that lays out
  the page (it holds headings, or a table of its own and hardly any rows) is walked like
  any other container.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from govdisclosure.readers.blocks import Block, RawCell, TableBlock, TextBlock
from govdisclosure.readers.htmltext import BLOCK_TAGS, bold, cell_text, collapse, collapsed, spans
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.sitechrome import UNSEEN_TAGS, chrome, hidden, without_site_text

__all__ = ["walk_page"]

_HEADINGS = {f"h{level}": level for level in range(1, 7)}
#: A table this large is no table of a report (they have some 40 rows and 17 columns),
#: and spreading its merged cells over the grid would cost time for nothing.
_MAX_ROWS = 500
_MAX_COLUMNS = 100
#: A table with this few rows that holds a table of its own lays out the page.
_LAYOUT_ROWS = 3


def walk_page(root: Any, source: str | None) -> tuple[list[Block], list[Note]]:
    """The blocks of the page whose root element is ``root``, and notes on what of the
    site around the report was left out."""
    walker = _Walker(source)
    walker.walk(root)
    walker.flush()
    notes = list(walker.notes)
    if walker.chrome:
        shown = "; ".join(f"{what} {text[:20]}" for what, text in walker.chrome.items())
        action = "left out the site around the report: " + ", ".join(walker.chrome)
        at = SourceRef(line=walker.chrome_line, file=source)
        notes.append(Note(NoteKind.LAYOUT.value, "$", shown[:80], action, at))
    blocks, dropped = without_site_text(walker.blocks)
    return blocks, [*notes, *dropped]


class _Walker:
    """Walks a page's elements in order into blocks (see the module's documentation)."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.pieces: list[tuple[str, bool]] = []
        self.line: int | None = None
        self.heading = 0
        self.lead = 0  # the pieces of a run-in title marked at the paragraph's start
        self.tables = 0
        self.chrome: dict[str, str] = {}  # what was left out, by description: its text
        self.chrome_line: int | None = None  # where the first of it was

    # -- paragraphs --------------------------------------------------------------------

    def add(self, text: str | None, is_bold: bool, element: Any) -> None:
        if not text:
            return
        if not self.pieces:
            self.line = element.sourceline
        self.pieces.append((text, is_bold))

    def flush(self) -> None:
        """End the paragraph being collected (a heading when ``heading`` is set)."""
        pieces, self.pieces = collapsed(self.pieces), []
        heading, self.heading = self.heading, 0
        lead, self.lead = sum(len(piece) for piece, _ in pieces[: self.lead]), 0
        if not any(piece.strip() for piece, _ in pieces):
            return
        where = SourceRef(line=self.line, file=self.source)
        self.blocks.append(TextBlock(spans(pieces), where, heading=heading, lead=lead))

    # -- elements ----------------------------------------------------------------------

    def walk(self, element: Any, is_bold: bool = False) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag:  # an entity reference or the like: its tail is the parent's
            return
        if self.is_chrome(element, tag):
            return
        if tag == "br":
            if self.heading:
                self.add("\n", is_bold, element)  # a heading on two lines is one heading
            else:
                self.flush()
            return
        if tag in _HEADINGS:
            self.flush()
            self.heading = _HEADINGS[tag]
            self.children(element, is_bold)
            self.flush()
            return
        if tag == "table":
            self.flush()
            self.table(element)
            return
        block = tag in BLOCK_TAGS and not self.heading
        if block:
            self.flush()
        lead = "lead" in (element.get("class") or "").split() and not any(
            piece.strip() for piece, _ in self.pieces
        )
        self.children(element, bold(element, tag, is_bold))
        if block:
            self.flush()
        elif lead:
            # This library's HTML sets a run-in subsection title in <span class="lead">:
            # the title ends there, whatever punctuation it has.
            self.lead = len(self.pieces)

    def children(self, element: Any, is_bold: bool) -> None:
        self.add(element.text, is_bold, element)
        for child in element:
            self.walk(child, is_bold)
            self.add(child.tail, is_bold, element)

    def is_chrome(self, element: Any, tag: str) -> bool:
        """Whether ``element`` is the site around the report (and note what it said)."""
        if hidden(element):
            return True
        what = chrome(element, tag)
        if what is None:
            return False
        if tag not in UNSEEN_TAGS:
            text = collapse(" ".join(element.itertext())).strip()
            if text:
                self.chrome.setdefault(what, text)
                self.chrome_line = self.chrome_line or element.sourceline
        return True

    # -- tables ------------------------------------------------------------------------

    def table(self, element: Any) -> None:
        rows = list(_own_rows(element))
        if _lays_out([tr for _, tr in rows]):
            self.children(element, False)  # cells are block elements: one paragraph each
            return
        for caption in element.iterchildren("caption"):
            self.walk(caption)
        grid = self.grid(rows)
        if grid is None:
            return
        if any(cell.text for row in grid for cell in row):
            where = SourceRef(table=self.tables, file=self.source)
            self.blocks.append(TableBlock(tuple(grid), where, exact=True))
            self.tables += 1

    def grid(self, rows: list[tuple[Any, Any]]) -> list[tuple[RawCell, ...]] | None:
        """The table's rows of cells, each where it stands in the grid once the cells
        merged from the rows above are set aside; ``None`` for a table too large to be
        a report's."""
        out: list[tuple[RawCell, ...]] = []
        covered: list[tuple[int, int, int]] = []  # (first column, end, last row) above
        last_of = {id(g): i for i, (g, _) in enumerate(rows)}  # each group's last row
        group = None
        for r, (row_group, tr) in enumerate(rows):
            if row_group is not group:  # a merged cell ends with its row group
                group, covered = row_group, []
            covered = [c for c in covered if c[2] >= r]
            last_in_group = last_of[id(group)]
            cells: list[RawCell] = []
            column = 0
            for td in tr:
                tag = td.tag
                if not isinstance(tag, str) or tag.lower() not in ("td", "th"):
                    continue
                if covered:
                    column = _free(column, covered)
                span = min(_number(td.get("colspan")), 1000)
                down = _number(td.get("rowspan"), zero=last_in_group - r + 1)
                where = SourceRef(table=self.tables, row=r, column=column, file=self.source)
                cells.append(RawCell(cell_text(td), where, span=span))
                if down > 1:
                    covered.append((column, column + span, min(r + down - 1, last_in_group)))
                column += span
                if column > _MAX_COLUMNS:
                    break
            if column > _MAX_COLUMNS or r >= _MAX_ROWS:
                action = (
                    f"a table of more than {_MAX_ROWS} rows or {_MAX_COLUMNS} columns is no "
                    "table of a report; left it out"
                )
                at = SourceRef(line=tr.sourceline, file=self.source)
                snippet = cell_text(tr)[:40]
                self.notes.append(Note(NoteKind.LAYOUT.value, "$", snippet, action, at))
                return None
            if cells:
                out.append(tuple(cells))
        return out


def _free(column: int, covered: list[tuple[int, int, int]]) -> int:
    """The first grid column from ``column`` on that no merged cell above covers."""
    moved = True
    while moved:
        moved = False
        for first, end, _ in covered:
            if first <= column < end:
                column, moved = end, True
    return column


_SPAN_NUMBER = re.compile(r"\s*(\d+)")


def _number(value: str | None, zero: int = 1) -> int:
    """A ``colspan`` or ``rowspan``: a positive whole number, 1 when it is none (browsers
    read "2px" as 2); 0 in a rowspan means "to the end of the row group"."""
    if value is None:
        return 1
    match = _SPAN_NUMBER.match(value)
    if match is None:
        return 1
    number = int(match[1][:6])
    return zero if number == 0 else number


def _own_rows(table: Any) -> Iterator[tuple[Any, Any]]:
    """The rows of ``table`` itself (not of tables inside its cells), each with the row
    group it belongs to (``thead``, ``tbody``, ``tfoot``, or the table)."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield table, child
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag.lower() == "tr":
                    yield child, tr


def _lays_out(rows: list[Any]) -> bool:
    """Whether the table of ``rows`` lays out the page rather than holding figures: a
    heading in it, a table of several rows inside one of few rows, or no row of more
    than one cell (a report's tables have a label and figures in every row)."""
    if all(sum(1 for cell in tr if isinstance(cell.tag, str)) <= 1 for tr in rows):
        return True
    for tr in rows:
        for cell in tr:
            if not isinstance(cell.tag, str):
                continue
            for inner in cell.iter("h1", "h2", "h3", "h4", "h5", "h6", "table"):
                if inner.tag != "table" or (
                    len(rows) <= _LAYOUT_ROWS and len(list(_own_rows(inner))) > 1
                ):
                    return True
    return False
