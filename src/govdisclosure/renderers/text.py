"""The report as plain text, close to the layout of the published document: the title,
paragraphs one per line with a blank line between, and tables aligned by display width
(East Asian characters count double), with merged header cells spanning their columns
and tall cells wrapped down their rows as the printed form does.

Emphasis is written into the text on purpose: a bold run (``**四是**推进管理公开``) is
marked ``**so**``, as text extracted from published PDFs shows it, so that reading the
``.txt`` back (:func:`govdisclosure.read`) gives the run-in emphasis back. A paragraph
marked so is in the markup of :meth:`Paragraph.to_markup
<govdisclosure.text.Paragraph.to_markup>` (a ``*`` or ``\\`` of its own is escaped by a
backslash). ``render(report, "text", emphasis=False)`` writes the words alone, without
markers or escapes, for reading by people; such text reads back without the emphasis
(and a ``**`` of the report's own would read as a marker).

Tables are aligned for a monospaced font of the text's language: in Chinese text the
characters of East-Asian-ambiguous width (“” ‘’ … · — °) count double, as a Chinese font
draws them; in English text they count single (see :mod:`govdisclosure.textwidth`).

>>> import govdisclosure as gd
>>> seed = gd.examples.load("zhongning-minzheng-2020")
>>> text = render_text(seed, locale="zh_CN")
>>> print(text.split("二、主动公开政府信息情况")[1].strip().splitlines()[1])
信息内容    本年新制作数量  本年新公开数量  对外公开总数量
>>> "**四是**推进管理公开" in text
True
>>> "。四是推进管理公开" in render_text(seed, locale="zh_CN", emphasis=False)
True
"""

from __future__ import annotations

import math
from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.renderers.document import Document, Heading, Para, Table, build_document
from govdisclosure.renderers.grid import Grid, GridCell, Role
from govdisclosure.renderers.widths import longest_word, wrap
from govdisclosure.report import AnnualReport
from govdisclosure.text import Paragraph
from govdisclosure.textwidth import display_width

__all__ = ["grid_text", "para_text", "render_text"]

GAP = "  "


def _widths(grid: Grid, east_asian: bool) -> list[int]:
    widths = [0] * grid.columns
    spanning: list[tuple[int, int, int]] = []
    for row in grid.matrix():
        for c, (cell, start) in enumerate(row):
            if not start:
                continue
            need = (
                display_width(cell.text, east_asian=east_asian)
                if cell.row_span == 1
                else _need(cell, east_asian)
            )
            if cell.col_span == 1:
                if need > widths[c]:  # noqa: PLR1730 (max() costs a call per cell)
                    widths[c] = need
            else:
                spanning.append((c, cell.col_span, need))
    for c, span, need in spanning:
        have = sum(widths[c : c + span]) + len(GAP) * (span - 1)
        if need > have:
            widths[c + span - 1] += need - have
    return widths


#: A cell spanning several rows keeps a label this wide on one line, and wraps a longer
#: one down its rows (as the printed form does), at least this wide per line.
_KEEP, _NARROWEST = 12, 6


def _need(cell: GridCell, east_asian: bool) -> int:
    width = display_width(cell.text, east_asian=east_asian)
    if cell.row_span > 1 and width > _KEEP:
        longest = longest_word(cell.text, east_asian=east_asian)
        width = max(_NARROWEST, math.ceil(width / cell.row_span), longest)
    return width


def grid_text(grid: Grid, *, east_asian: bool = False) -> list[str]:
    """The lines of a grid, columns aligned; with ``east_asian``, for a Chinese
    monospaced font (see :mod:`govdisclosure.textwidth`)."""
    widths = _widths(grid, east_asian)
    gap = len(GAP)
    # Where each column starts on a line, so that a span's width is one subtraction.
    starts = [0]
    for width in widths:
        starts.append(starts[-1] + width + gap)
    matrix = grid.matrix()
    # The lines a tall cell shows, one per row it spans, from the row it starts on.
    tall: dict[int, tuple[int, list[str]]] = {}
    for r, row in enumerate(matrix):
        for c, (cell, start) in enumerate(row):
            if start and cell.row_span > 1:
                room = starts[c + cell.col_span] - starts[c] - gap
                tall[id(cell)] = (r, wrap(cell.text, room, east_asian=east_asian))
    out = []
    columns, number = grid.columns, Role.NUMBER
    for r, row in enumerate(matrix):
        parts: list[str] = []
        c = 0
        while c < columns:
            cell, start = row[c]
            span = cell.col_span
            width = starts[c + span] - starts[c] - gap
            if cell.row_span > 1:
                first, lines = tall[id(cell)]
                text = lines[r - first] if r - first < len(lines) else ""
            else:
                text = cell.text
            used = display_width(text, east_asian=east_asian)
            # Figures right-aligned under the first column they span, where its header starts.
            right = widths[c] if cell.role is number else 0
            if used == len(text):  # one column a character: str's own padding will do
                parts.append(text.rjust(right).ljust(width))
            else:
                lead = max(0, right - used)
                parts.append(" " * lead + text + " " * max(0, width - lead - used))
            c += span
        out.append(GAP.join(parts).rstrip())
    return out


def para_text(para: Para, *, emphasis: bool = True) -> str:
    """A paragraph as text. Bold runs are written ``**so**``, as text extracted from the
    published PDFs shows them (the seed report does); a paragraph with bold, ``**`` or a
    backslash is written in the markup of :meth:`Paragraph.to_markup
    <govdisclosure.text.Paragraph.to_markup>`, so that reading the text gives it back.
    Without ``emphasis``, the words alone."""
    text = "".join(span.text for span in para.spans)
    if not emphasis:
        return para.lead + text
    if any(span.bold for span in para.spans) or "**" in text or "\\" in text:
        text = Paragraph(para.spans).to_markup()
    return para.lead + text


def document_text(doc: Document, *, emphasis: bool = True) -> str:
    """The document as text: a title line, then blocks separated by blank lines; bold
    marked ``**so**`` unless ``emphasis`` is false."""
    chunks = [doc.title]
    east_asian = doc.locale == "zh_CN"
    for block in doc.blocks:
        if isinstance(block, Para):
            chunks.append(para_text(block, emphasis=emphasis))
        elif isinstance(block, Heading):
            chunks.append(block.text)
        elif isinstance(block, Table):
            chunks.append("\n".join(grid_text(block.grid, east_asian=east_asian)))
    if doc.published_text:  # signed as published: the organ, then the date
        chunks.append(f"{doc.organ}\n{doc.published_text}")
    return "\n\n".join(chunks) + "\n"


def render_text(report: AnnualReport, *, locale: str, emphasis: bool = True, **options: Any) -> str:
    """The report as plain UTF-8 text (``.txt``): the text format's render side. Bold is
    marked ``**so**`` so that the text reads back with it; ``emphasis=False`` writes the
    words alone (see the module)."""
    if options:
        raise OptionError(
            f"the text format takes no options but 'emphasis', got {', '.join(options)}"
        )
    if not isinstance(emphasis, bool):
        raise OptionError(f"the text format's 'emphasis' is True or False, got {emphasis!r}")
    return document_text(build_document(report, locale), emphasis=emphasis)
