"""The report as plain text, close to the layout of the published document: the title,
paragraphs one per line with a blank line between, and tables aligned by display width
(East Asian characters count double), with merged header cells spanning their columns
and tall cells wrapped down their rows as the printed form does.

>>> import govdisclosure as gd
>>> text = FORMAT.render(gd.load("examples/zhongning-minzheng-2020.json"), locale="zh_CN")
>>> print(text.split("二、主动公开政府信息情况")[1].strip().splitlines()[1])
信息内容    本年新制作数量  本年新公开数量  对外公开总数量
"""

from __future__ import annotations

import math
from typing import Any

from govdisclosure.renderers.document import Document, Heading, Para, Table, build_document
from govdisclosure.renderers.grid import Grid, GridCell, Role
from govdisclosure.renderers.registry import BUILTIN_EXTENSIONS
from govdisclosure.renderers.widths import display_width, longest_word, pad, wrap
from govdisclosure.report import AnnualReport

__all__ = ["FORMAT", "TextFormat", "grid_text"]

GAP = "  "


def _widths(grid: Grid) -> list[int]:
    widths = [0] * grid.columns
    spanning: list[tuple[int, int, int]] = []
    for row in grid.matrix():
        for c, (cell, start) in enumerate(row):
            if not start:
                continue
            need = _need(cell)
            if cell.col_span == 1:
                widths[c] = max(widths[c], need)
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


def _need(cell: GridCell) -> int:
    width = display_width(cell.text)
    if cell.row_span > 1 and width > _KEEP:
        width = max(_NARROWEST, math.ceil(width / cell.row_span), longest_word(cell.text))
    return width


def grid_text(grid: Grid) -> list[str]:
    """The lines of a grid, columns aligned."""
    widths = _widths(grid)
    matrix = grid.matrix()
    # The text each starting cell shows on each of the rows it spans.
    pieces: dict[int, list[str]] = {}
    for row in matrix:
        for cell, start in row:
            if start:
                span_width = _span_width(widths, row, cell)
                lines = wrap(cell.text, span_width) if cell.row_span > 1 else [cell.text]
                pieces[id(cell)] = lines
    out = []
    for r, row in enumerate(matrix):
        parts: list[str] = []
        c = 0
        while c < grid.columns:
            cell, _start = row[c]
            first_row = next(i for i in range(r + 1) if any(x is cell for x, _ in matrix[i]))
            lines = pieces[id(cell)]
            line = lines[r - first_row] if r - first_row < len(lines) else ""
            width = sum(widths[c : c + cell.col_span]) + len(GAP) * (cell.col_span - 1)
            if cell.role is Role.NUMBER:
                # Right-aligned under the first column it spans, where its header starts.
                parts.append(pad(pad(line, widths[c], "right"), width))
            else:
                parts.append(pad(line, width))
            c += cell.col_span
        out.append(GAP.join(parts).rstrip())
    return out


def _span_width(widths: list[int], row: list[tuple[GridCell, bool]], cell: GridCell) -> int:
    c = next(i for i, (x, _) in enumerate(row) if x is cell)
    return sum(widths[c : c + cell.col_span]) + len(GAP) * (cell.col_span - 1)


def document_text(doc: Document) -> str:
    """The document as text: a title line, then blocks separated by blank lines."""
    chunks = [doc.title]
    for block in doc.blocks:
        if isinstance(block, (Heading, Para)):
            chunks.append(block.text)
        elif isinstance(block, Table):
            chunks.append("\n".join(grid_text(block.grid)))
    return "\n\n".join(chunks) + "\n"


class TextFormat:
    """Plain UTF-8 text (``.txt``)."""

    name = "text"
    extensions = BUILTIN_EXTENSIONS["text"]
    media_type = "text/plain; charset=utf-8"
    binary = False

    def render(self, report: AnnualReport, *, locale: str, **options: Any) -> str:
        if options:
            raise TypeError(f"the text format takes no options, got {', '.join(options)}")
        return document_text(build_document(report, locale))


FORMAT = TextFormat()
