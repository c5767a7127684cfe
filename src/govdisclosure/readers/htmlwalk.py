"""A web page walked in order into :mod:`blocks <govdisclosure.readers.blocks>`.

* the site around the report is left out (:mod:`~govdisclosure.readers.sitechrome`);
* ``h1`` to ``h6`` become headings of their level; every other paragraph (``p``,
  ``li``, the text of a ``div``, a line ended by ``<br>``) a text block, with its bold
  runs (``b``, ``strong``, ``font-weight: bold``) as bold spans and its white space
  collapsed as a browser shows it;
* a ``table`` becomes a table block: one cell per cell as printed (a cell merged over
  rows appears in its first row only), with its ``colspan``, and where it stands in the
  grid. Tables inside a cell are flattened into the cell's text; a table that lays out
  the page (it holds headings, or a table of its own and hardly any rows) is walked like
  any other container.

The walk keeps its own stack (no recursion: a page's depth is never the interpreter's
stack's), and refuses a page that nests elements more than
:data:`~govdisclosure.limits.MAX_DEPTH` deep (lxml's parser stops at 256).
Each element is visited once by the walk; a table's cells once more for their text, and
a table's subtree once for whether it lays out the page (so nested layout tables cost
their depth times their size, and the depth is bounded).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from govdisclosure.errors import ReadError
from govdisclosure.readers.blocks import Block, RawCell, TableBlock, TextBlock
from govdisclosure.readers.limits import (
    MAX_DEPTH,
    MAX_HTML_ELEMENTS,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
)
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.readers.sitechrome import (
    CHROME_TAGS,
    UNSEEN_TAGS,
    chrome,
    hidden,
    without_site_text,
)
from govdisclosure.text import Span

__all__ = ["walk_page"]

#: Elements that end the paragraph before them and start a new one.
# fmt: off
_BLOCK_TAGS = frozenset((
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "hgroup", "hr", "html", "li",
    "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
))
# fmt: on
_BOLD_TAGS = frozenset({"b", "strong"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[7-9]00)\b", re.I)
_NORMAL_STYLE = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-5]00)\b", re.I)
#: White space HTML collapses (not U+00A0 or U+3000, which a page prints on purpose).
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_COLLAPSIBLE = re.compile(r"[\t\n\r\f]|  ")
#: Marks the edge of a cell of a table inside a cell, while its text is collapsed.
_CELL_EDGE = "\ue000"
_CELL_EDGES = re.compile(r"\s*\ue000[\ue000\s]*")
#: What a cell's text may hold and still read as it stands (no white space to collapse
#: or strip, no cell edge): \s is str.isspace, non-breaking and ideographic spaces too.
_NOT_PLAIN = re.compile(r"[\s\ue000]")
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
#: A table with this few rows that holds a table of its own lays out the page.
_LAYOUT_ROWS = 3


def walk_page(root: Any, source: str | None) -> tuple[list[Block], list[Note]]:
    """The blocks of the page whose root element is ``root``, and notes on what of the
    site around the report was left out."""
    walker = _Walker(source)
    walker.run(root)
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
        if not self.pieces:  # the common case: nothing since the last block's end
            self.heading = self.lead = 0
            return
        pieces, self.pieces = collapsed(self.pieces), []
        heading, self.heading = self.heading, 0
        lead, self.lead = sum(len(piece) for piece, _ in pieces[: self.lead]), 0
        if not any(piece.strip() for piece, _ in pieces):
            return
        where = SourceRef(line=self.line, file=self.source)
        self.blocks.append(TextBlock(spans(pieces), where, heading=heading, lead=lead))

    # -- elements ----------------------------------------------------------------------

    def run(self, root: Any) -> None:
        """Walk the page from ``root``: each element's walk is a generator that yields the
        children to walk (each walked whole before it resumes), kept on a stack of the
        elements open, refused beyond :data:`MAX_DEPTH`."""
        stack = [self.walk(root, False)]
        walked = 0
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            walked += 1
            if walked > MAX_HTML_ELEMENTS:
                raise ReadError(
                    f"the page has more than {MAX_HTML_ELEMENTS:,} elements; no report's "
                    "page has a tenth of that",
                    source=self.source,
                    location=f"line {child[0].sourceline}",
                )
            if len(stack) >= MAX_DEPTH:
                raise ReadError(
                    f"the page nests elements more than {MAX_DEPTH} deep; no report does",
                    source=self.source,
                    location=f"line {child[0].sourceline}",
                )
            stack.append(self.walk(*child))

    def walk(self, element: Any, is_bold: bool) -> Iterator[tuple[Any, bool]]:
        """Walk ``element``, yielding each child to walk (with its boldness) in turn."""
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
            yield from self.children(element, is_bold)
            self.flush()
            return
        if tag == "table":
            self.flush()
            yield from self.table(element)
            return
        block = tag in _BLOCK_TAGS and not self.heading
        if block:
            self.flush()
        lead = "lead" in (element.get("class") or "").split() and not any(
            piece.strip() for piece, _ in self.pieces
        )
        yield from self.children(element, bold(element, tag, is_bold))
        if block:
            self.flush()
        elif lead:
            # This library's HTML sets a run-in subsection title in <span class="lead">:
            # the title ends there, whatever punctuation it has.
            self.lead = len(self.pieces)

    def children(self, element: Any, is_bold: bool) -> Iterator[tuple[Any, bool]]:
        self.add(element.text, is_bold, element)
        for child in element:
            yield child, is_bold
            self.add(child.tail, is_bold, element)

    def is_chrome(self, element: Any, tag: str) -> bool:
        """Whether ``element`` is the site around the report (and note what it said)."""
        if tag not in CHROME_TAGS and not element.keys():
            return False  # the common case: only a chrome tag or attributes can say so
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

    def table(self, element: Any) -> Iterator[tuple[Any, bool]]:
        rows = list(_own_rows(element))
        if _lays_out([tr for _, tr in rows]):
            # cells are block elements: one paragraph each
            yield from self.children(element, False)
            return
        for caption in element.iterchildren("caption"):
            yield caption, False
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
                if column > MAX_TABLE_COLUMNS:
                    break
            if column > MAX_TABLE_COLUMNS or r >= MAX_TABLE_ROWS:
                action = (
                    f"a table of more than {MAX_TABLE_ROWS} rows or {MAX_TABLE_COLUMNS} columns "
                    "is no table of a report; left it out"
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
    match = _SPAN_NUMBER.match(value or "")
    return 1 if match is None else int(match[1][:6]) or zero


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


# --- text as a browser shows it ----------------------------------------------------------


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _replacement(text: str, start: int, end: int) -> str:
    """What the run of white space ``text[start:end]`` shows as: nothing for a line break
    between two wide (Chinese) characters, where a source line was wrapped, else a space."""
    run = text[start:end]
    wrapped = ("\n" in run or "\r" in run) and start > 0 and end < len(text)
    return "" if wrapped and _wide(text[start - 1]) and _wide(text[end]) else " "


def collapse(text: str) -> str:
    """``text`` with its white space collapsed as a browser shows it."""
    return _HTML_SPACE.sub(lambda match: _replacement(text, *match.span()), text)


def collapsed(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A paragraph's pieces of text with the white space collapsed across them, each
    run replaced in the piece it starts in (so pieces keep their places)."""
    text = "".join(piece for piece, _ in pieces)
    if not _COLLAPSIBLE.search(text):
        return pieces
    kept = list(text)
    for match in _HTML_SPACE.finditer(text):
        start, end = match.span()
        kept[start] = _replacement(text, start, end)
        kept[start + 1 : end] = [""] * (end - start - 1)
    out = []
    position = 0
    for piece, is_bold in pieces:
        out.append(("".join(kept[position : position + len(piece)]), is_bold))
        position += len(piece)
    return out


def spans(pieces: Sequence[tuple[str, bool]]) -> tuple[Span, ...]:
    """Spans of the pieces, neighbours of the same weight merged, empty ones dropped."""
    merged: list[Span] = []
    for piece, is_bold in pieces:
        if not piece:
            continue
        if merged and merged[-1].bold == is_bold:
            merged[-1] = Span(merged[-1].text + piece, is_bold)
        else:
            merged.append(Span(piece, is_bold))
    return tuple(merged)


def bold(element: Any, tag: str, inherited: bool) -> bool:
    """Whether the text of ``element`` is bold: by its tag or style, else as the text
    around it (``inherited``)."""
    style = element.get("style") or ""
    if tag in _BOLD_TAGS or _BOLD_STYLE.search(style):
        return True
    if _NORMAL_STYLE.search(style):
        return False
    return inherited


def cell_text(element: Any) -> str:
    """The text of a table cell, stripped: line breaks and the boundaries of paragraphs
    as white space (collapsed as in a paragraph: nothing between Chinese characters),
    non-breaking and ideographic spaces as spaces, and the cells of a table inside it
    flattened, a space between each two."""
    if not len(element):  # text alone, as most cells: plain unless it holds white space
        text = element.text or ""
        if not _NOT_PLAIN.search(text):
            return text
    parts: list[str] = [element.text or ""]
    # The elements open, each with what to add once its children are done (no recursion:
    # a cell may nest as deep as the parser allows).
    stack: list[tuple[Iterator[Any], list[str]]] = [(iter(element), [])]
    while stack:
        children, closing = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts += closing
            continue
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if not tag or tag in CHROME_TAGS or hidden(child):
            parts.append(child.tail or "")
            continue
        # Cells inside stand apart: their boundary is a space whatever is around.
        edge = _CELL_EDGE if tag in ("td", "th") else "\n"
        if tag == "br" or tag in _BLOCK_TAGS:
            parts.append(edge)
        parts.append(child.text or "")
        after = [edge, child.tail or ""] if tag in _BLOCK_TAGS else [child.tail or ""]
        stack.append((iter(child), after))
    text = "".join(parts).replace("\u00a0", " ").replace("\u3000", " ")
    return _CELL_EDGES.sub(" ", collapse(text)).strip()
