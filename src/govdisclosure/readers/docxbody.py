"""The body of a Word document walked in order into :mod:`blocks
<govdisclosure.readers.blocks>`.

* a paragraph becomes a :class:`~govdisclosure.readers.blocks.TextBlock`: its runs'
  text, bold where the run, its character style or the paragraph's style chain says so;
  its heading level from the paragraph's style ("Title", "heading 2", "标题 2", an
  outline level: :mod:`~govdisclosure.readers.docxstyles`) or, for a short paragraph
  printed all bold, level 9. A line break (``w:br``) starts a new block; a tab is a
  space. A run-in title at the paragraph's start, printed in a character style of its
  own (this library's "Run-in Heading", or the character style linked to a heading
  style), is marked as the block's ``lead``.
* a table becomes a :class:`~govdisclosure.readers.blocks.TableBlock` with one cell
  per *origin* cell: a cell merged into the one above (``w:vMerge``) is left out of its
  row, a cell spanning grid columns (``w:gridSpan``) is one cell with that span, and a
  table nested in a cell is flattened into the cell's text.
* content controls (``w:sdt``), inserted text and hyperlinks are read through; deleted
  text, field codes, text boxes, headers and footers (page numbers) are not read.
* a symbol (``w:sym``) is the character its code names, unless that is no character a
  document can hold (a surrogate, a control code, a noncharacter): then U+FFFD, with a
  note (once for each code); Symbol-font codes (F0xx) are not read.

The walk counts as it goes, and refuses a document whose text is longer than
:data:`~govdisclosure.limits.MAX_TEXT_CHARS` (a paragraph counting one more, for
its end) or a table of more than :data:`~govdisclosure.limits.MAX_TABLE_ROWS`
rows or :data:`~govdisclosure.limits.MAX_TABLE_COLUMNS` columns. It keeps its own
stacks (content controls inside content controls, tables inside cells), no recursion,
and refuses them nested deeper than :data:`~govdisclosure.limits.MAX_DEPTH`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile
from typing import Any

from govdisclosure.errors import ReadError
from govdisclosure.readers.blocks import Block, RawCell, TableBlock, TextBlock
from govdisclosure.readers.docxstyles import RPR, VAL, Styles, W, small_number
from govdisclosure.readers.limits import (
    MAX_DEPTH,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    MAX_TEXT_CHARS,
)
from govdisclosure.readers.result import Note, NoteKind, SourceRef
from govdisclosure.text import Span

__all__ = ["body_blocks"]

P, TBL, TR, TC, R, T = (W + name for name in ("p", "tbl", "tr", "tc", "r", "t"))
TRPR, TCPR, GRID_BEFORE = (W + n for n in ("trPr", "tcPr", "gridBefore"))
GRID_SPAN, VMERGE, HMERGE = (W + n for n in ("gridSpan", "vMerge", "hMerge"))
NO_BREAK_HYPHEN, SYM = W + "noBreakHyphen", W + "sym"
_SPACE = frozenset({W + "tab", W + "ptab"})
_BREAK = frozenset({W + "br", W + "cr"})
#: Elements read through as if their children stood in their place: content controls,
#: tracked insertions and moves, hyperlinks, simple fields, smart tags, custom XML.
# fmt: off
_TRANSPARENT = frozenset(W + name for name in (
    "sdt", "sdtContent", "customXml", "smartTag", "hyperlink", "fldSimple", "ins", "moveTo",
    "dir", "bdo",
))
# fmt: on
#: A paragraph printed all bold and at most this long reads as a heading (level 9).
_BOLD_HEADING = 40


def body_blocks(
    body: Any, styles: Styles, source: str | None, notes: list[Note] | None = None
) -> list[Block]:
    """The blocks of the document's body (``w:body``), in order; notes on what was read
    otherwise than printed go to ``notes``."""
    walker = _Walker(styles, source)
    walker.body(body)
    if notes is not None:
        notes += walker.notes
    return walker.blocks


def _children(element: Any) -> list[Any]:
    """The children of ``element``, reading through content controls and the like (with
    a stack of those open, however deep they nest)."""
    children = list(element)
    if not any(child.tag in _TRANSPARENT for child in children):
        return children  # the common case, without a Python call per element
    out = []
    stack = [iter(children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in _TRANSPARENT:
            if len(stack) >= MAX_DEPTH:
                raise _too_deep("content controls (or the like)")
            stack.append(iter(child))
        else:
            out.append(child)
    return out


Piece = tuple[str, bool, bool]


class _Walker:
    """Walks the body, collecting blocks. lxml's ``find`` costs microseconds a call, so
    the hot paths look at each element's children once instead."""

    def __init__(self, styles: Styles, source: str | None) -> None:
        self.styles = styles
        self.source = source
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.paragraph = 0
        self.table = 0
        self.chars = 0  # of text read so far, a paragraph's end counting one
        self.symbols: set[str] = set()  # the codes of w:sym read as U+FFFD (noted once)

    def count(self, text: str) -> None:
        """Count a paragraph's (or a cell's) text, refusing a document whose text is
        longer than :data:`MAX_TEXT_CHARS`."""
        self.chars += len(text) + 1
        if self.chars > MAX_TEXT_CHARS:
            raise ReadError(
                f"the document's text is more than {MAX_TEXT_CHARS:,} characters long",
                source=self.source,
                location=f"paragraph {self.paragraph}, table {self.table}",
            )

    # -- paragraphs ------------------------------------------------------------------------

    def runs(self, p: Any, style_bold: bool) -> list[list[Piece]]:
        """The paragraph's text as lines (split at line breaks) of pieces: text, bold, and
        whether the piece is in a run-in heading character style."""
        lines: list[list[Piece]] = [[]]
        for run in _children(p):
            if run.tag != R:
                continue
            bold, lead = style_bold, False
            for child in run:
                tag = child.tag
                if tag == T:
                    if child.text:
                        lines[-1].append((child.text, bold, lead))
                elif tag == RPR:
                    bold, lead = self.styles.run(child, style_bold)
                elif tag in _SPACE:
                    lines[-1].append((" ", bold, lead))
                elif tag in _BREAK:
                    lines.append([])
                else:
                    text = self.special(child)
                    if text:
                        lines[-1].append((text, bold, lead))
        return lines

    def special(self, element: Any) -> str:
        """The text of a run's child other than text, tabs and breaks."""
        if element.tag == NO_BREAK_HYPHEN:
            return "-"
        if element.tag != SYM:
            return ""  # field codes, deleted text, drawings, footnote marks: not read
        code = element.get(W + "char") or ""
        # Symbol-font characters (F0xx) have no Unicode meaning of their own.
        if not _HEX4.fullmatch(code) or code.upper().startswith("F0"):
            return ""
        char = chr(int(code, 16))
        if _is_character(char):
            return char
        if code.upper() not in self.symbols:
            self.symbols.add(code.upper())
            action = (
                f"a symbol (w:sym) whose code U+{code.upper()} is no character a document "
                "can hold (a surrogate, a control code or a noncharacter): read as U+FFFD"
            )
            where = SourceRef(line=self.paragraph, file=self.source)
            self.notes.append(Note(NoteKind.TEXT.value, "$", f"w:char={code}", action, where))
        return "\ufffd"

    def para(self, p: Any) -> None:
        self.paragraph += 1
        level, bold = self.styles.paragraph(p)
        where = SourceRef(line=self.paragraph, file=self.source)
        for number, line in enumerate(self.runs(p, bold)):
            text = "".join(piece for piece, _, _ in line)
            self.count(text)
            if not text.strip():
                continue
            heading = level
            short = len(text.strip()) <= _BOLD_HEADING
            if not heading and short and all(b for piece, b, _ in line if piece.strip()):
                heading = 9
            lead = 0
            if number == 0 and line[0][2]:
                # The pieces at the line's start in a run-in heading style.
                lead = sum(len(piece) for piece, _, _ in takewhile(lambda x: x[2], line))
                if not text[lead:].strip():
                    lead = 0  # a title alone, with nothing run in after it
                    heading = heading or 9
            self.blocks.append(TextBlock(_spans(line), where, heading=heading, lead=lead))

    # -- tables ----------------------------------------------------------------------------

    def tbl(self, tbl: Any) -> None:
        index = self.table
        self.table += 1
        rows: list[tuple[RawCell, ...]] = []
        source = self.source
        for r, tr in enumerate(x for x in _children(tbl) if x.tag == TR):
            if r >= MAX_TABLE_ROWS:
                raise ReadError(
                    f"table {index + 1} has more than {MAX_TABLE_ROWS} rows; no report's table has",
                    source=source,
                )
            column = 0
            cells: list[RawCell] = []
            for tc in _children(tr):
                if tc.tag == TRPR:
                    column = next((small_number(x, 0) for x in tc if x.tag == GRID_BEFORE), column)
                    continue
                if tc.tag != TC:
                    continue
                span, merged, widen = _cell_format(tc)
                if merged:
                    column += span  # covered by the cell above: not a cell of its own
                    continue
                if widen and cells:  # the legacy horizontal merge: widen the cell before
                    last = cells[-1]
                    cells[-1] = RawCell(last.text, last.source, span=last.span + span)
                    column += span
                    continue
                where = SourceRef(table=index, row=r, column=column, file=source)
                text = _cell_text(tc, self)
                self.count(text)
                cells.append(RawCell(text, where, span=span))
                column += span
                if column > MAX_TABLE_COLUMNS:
                    raise ReadError(
                        f"table {index + 1} has more than {MAX_TABLE_COLUMNS} columns; no "
                        "report's table has",
                        source=source,
                        location=f"row {r + 1}",
                    )
            if cells:
                rows.append(tuple(cells))
        if rows:
            where = SourceRef(table=index, row=0, column=0, file=source)
            self.blocks.append(TableBlock(tuple(rows), where, exact=True))

    def body(self, body: Any) -> None:
        for child in _children(body):
            if child.tag == P:
                self.para(child)
            elif child.tag == TBL:
                self.tbl(child)


def _too_deep(what: str) -> ReadError:
    return ReadError(f"the document nests {what} more than {MAX_DEPTH} deep; no report does")


#: A symbol's code, as Word writes it.
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")


def _is_character(char: str) -> bool:
    """Whether ``char`` is one a document can hold and every format write: no surrogate,
    no control code (C0, DEL, C1), no noncharacter."""
    code = ord(char)
    return not (
        0xD800 <= code <= 0xDFFF
        or code < 0x20
        or 0x7F <= code <= 0x9F
        or 0xFDD0 <= code <= 0xFDEF
        or code & 0xFFFE == 0xFFFE
    )


def _cell_format(tc: Any) -> tuple[int, bool, bool]:
    """A cell's span, whether it continues a vertical merge (``w:vMerge`` without
    "restart") and whether it continues a legacy horizontal one (``w:hMerge``)."""
    span, merged, widen = 1, False, False
    if len(tc) and tc[0].tag == TCPR:
        for prop in tc[0]:
            tag = prop.tag
            if tag == GRID_SPAN:
                span = max(1, small_number(prop, 1))
            elif tag == VMERGE:
                merged = (prop.get(VAL) or "continue") != "restart"
            elif tag == HMERGE:
                widen = (prop.get(VAL) or "continue") != "restart"
    return span, merged, widen


def _spans(line: list[Piece]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for text, bold, _lead in line:
        if spans and spans[-1].bold == bold:
            spans[-1] = Span(spans[-1].text + text, bold)
        else:
            spans.append(Span(text, bold))
    return tuple(spans)


#: What sends a cell to the careful walk: text that is not the cell's own (drawings, text
#: boxes, alternate content), deleted text, symbols.
_CAREFUL = frozenset(
    W + name for name in ("drawing", "pict", "object", "del", "moveFrom", "txbxContent", "sym")
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


def _quick_cell_text(tc: Any) -> list[str] | None:
    """The lines of a plain cell in one pass over its elements (a cell is mostly one
    paragraph of one run); ``None`` when the cell holds anything the pass would misread."""
    pieces: list[str] = []
    current: list[str] = []
    for element in tc.iter():
        tag = element.tag
        if tag == T:
            if element.text:
                current.append(element.text)
        elif tag == P or tag in _BREAK:  # a new paragraph or a line break: a new line
            pieces.append("".join(current).strip())
            current = []
        elif tag in _SPACE:
            current.append(" ")
        elif tag in _CAREFUL:
            return None
    pieces.append("".join(current).strip())
    return pieces


def _cell_text(tc: Any, walker: _Walker) -> str:
    """A cell's text: its paragraphs (and those of tables nested in it) joined, with a
    space only where two words of Latin letters or digits would otherwise run together."""
    quick = _quick_cell_text(tc)
    if quick is not None:
        return _joined([piece for piece in quick if piece])
    pieces: list[str] = []
    # The elements whose children are still to read, tables inside cells flattened in
    # order (a stack, however deep they nest).
    stack: list[Iterator[Any]] = [iter(_children(tc))]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == P:
            for line in walker.runs(child, False):
                text = "".join(piece for piece, _, _ in line).strip()
                if text:
                    pieces.append(text)
        elif child.tag == TBL:  # a nested table: its cells, row by row
            if len(stack) >= MAX_DEPTH:
                raise _too_deep("tables in cells")
            cells = (c for tr in _children(child) if tr.tag == TR for c in _children(tr))
            stack.append(c for cell in cells if cell.tag == TC for c in _children(cell))
    return _joined(pieces)


def _joined(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        if (
            out
            and out[-1].isascii()
            and out[-1].isalnum()
            and piece[0].isascii()
            and piece[0].isalnum()
        ):
            out += " "
        out += piece
    return out
