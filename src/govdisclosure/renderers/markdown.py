"""The report as GitHub-flavoured Markdown: headings, paragraphs with bold spans, and
tables whose merged headers are flattened into column and row names that still read well
("法人或其他组织·商业企业", "（三）不予公开 1.属于国家秘密"). Special characters in the
report's text are escaped, so the text prints as written.

>>> import govdisclosure as gd
>>> md = render_markdown(gd.load("examples/zhongning-minzheng-2020.json"), locale="zh_CN")
>>> print(md.split("\\n")[0])
# 中宁县民政局2020年政府信息公开工作年度报告
"""

from __future__ import annotations

import functools
import re
from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.renderers.document import Document, Heading, Para, Table, build_document
from govdisclosure.renderers.grid import Grid, GridCell, Role
from govdisclosure.report import AnnualReport
from govdisclosure.text import Span

__all__ = ["escape", "escape_block", "render_markdown"]

# Characters with a meaning in Markdown, escaped wherever the report's text appears.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
# At the start of a paragraph, "- ", "+ " and "1. " would start a list.
_LIST_START = re.compile(r"^(\s*)(-|\d+\.)(\s)")


@functools.lru_cache(maxsize=8192)
def escape(text: str) -> str:
    """``text`` with Markdown's special characters escaped (and no line breaks); labels
    and figures repeat, so the result is remembered."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))


def escape_block(text: str) -> str:
    """Like :func:`escape`, for text that starts a paragraph or a heading."""
    return _LIST_START.sub(lambda m: m.group(1) + "\\" + m.group(2) + m.group(3), escape(text))


def _spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        text = escape(span.text)
        if span.bold and text.strip():
            # ** cannot open or close next to a space: keep the spaces outside.
            lead = text[: len(text) - len(text.lstrip())]
            tail = text[len(text.rstrip()) :]
            text = f"{lead}**{text.strip()}**{tail}"
        out.append(text)
    return "".join(out)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _flat(grid: Grid) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The grid's column names (each leaf header joined with the groups above it) and its
    rows (the row names joined the same way, and the data texts)."""
    matrix = grid.matrix()
    header_rows = matrix[: grid.header_rows]
    data_columns = grid.columns - _label_columns(grid)
    columns: list[str] = []
    for c in range(grid.columns):
        names: list[str] = []
        for row in header_rows:
            cell = row[c][0]
            # A group over every data column (申请人情况) adds nothing to each name.
            if (
                cell.role is Role.COLUMN
                and cell.text not in names
                and (cell.col_span < data_columns or data_columns == 1)
            ):
                names.append(cell.text)
        columns.append("·".join(names))
    rows = []
    for row in matrix[grid.header_rows :]:
        labels: list[str] = []
        data: list[str] = []
        seen: set[int] = set()
        for cell, _start in row:
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            if cell.role is Role.ROW:
                labels.append(cell.text)
            elif cell.role is Role.NUMBER:
                data.append(cell.text)
        rows.append((" ".join(labels), data))
    return columns, rows


def _label_columns(grid: Grid) -> int:
    first = grid.rows[grid.header_rows] if grid.header_rows < len(grid.rows) else ()
    return sum(cell.col_span for cell in first if cell.role is Role.ROW)


def grid_markdown(grid: Grid, locale: str = "zh_CN") -> list[str]:
    """A grid as one or more GFM tables."""
    lines: list[str] = []
    if grid.header_rows == 0:
        return _stacked(grid)
    columns, rows = _flat(grid)
    labels = _label_columns(grid)
    corner = next((c.text for c in grid.rows[0] if c.role is Role.CORNER), "")
    if labels == 0:
        # One number row under a tree of headers (table 四): print it as a column of
        # figures, one per flattened header, which reads better than 15 columns.
        lines.append(
            _row([escape(translate(_("项目"), locale)), escape(translate(_("数量"), locale))])
        )
        lines.append(_row(["---", "---:"]))
        for name, value in zip(columns, rows[0][1], strict=True):
            lines.append(_row([escape(name), escape(value)]))
        # Rows the form lacks: a label row, then its figures under the first columns;
        # listed the same way, each figure named by its row's label and its column's.
        label = ""
        for text, data in rows[1:]:
            if not data:
                label = text
                continue
            for name, value in zip(columns, data, strict=False):
                lines.append(_row([escape(f"{label}·{name.split('·')[-1]}"), escape(value)]))
        return lines
    names = columns[labels:]
    lines.append(_row([escape(corner), *(escape(n) for n in names)]))
    lines.append(_row(["---", *("---:" for _ in names)]))
    for label, data in rows:
        lines.append(_row([escape(label), *(escape(d) for d in data)]))
    return lines


def _stacked(grid: Grid) -> list[str]:
    # Table 二: a table per block, under its caption.
    lines: list[str] = []
    block: list[tuple[GridCell, ...]] = []
    for row in grid.rows:
        if row[0].role is Role.CAPTION:
            if block:
                lines += _block(block)
            lines += ["", f"**{escape(row[0].text)}**", ""]
            block = []
        else:
            block.append(row)
    if block:
        lines += _block(block)
    return lines[1:]


def _block(rows: list[tuple[GridCell, ...]]) -> list[str]:
    header, *data = rows
    lines = [_row([escape(c.text) for c in header])]
    lines.append(_row(["---", *("---:" for _ in header[1:])]))
    for row in data:
        lines.append(_row([escape(c.text) for c in row]))
    return lines


def document_markdown(doc: Document) -> str:
    """The document as Markdown text."""
    chunks = [f"# {escape_block(doc.title)}"]
    for block in doc.blocks:
        if isinstance(block, Heading):
            chunks.append(f"{'#' * (block.level + 1)} {escape(block.text)}")
        elif isinstance(block, Para):
            lead = f"**{escape(block.lead)}**" if block.lead else ""
            text = lead + _spans(block.spans)
            chunks.append(text if lead else _LIST_START.sub(r"\1\\\2\3", text))
        elif isinstance(block, Table):
            chunks.append("\n".join(grid_markdown(block.grid, doc.locale)))
    if doc.published_text:  # signed as published: the organ, then the date
        chunks += [escape_block(doc.organ), escape_block(doc.published_text)]
    return "\n\n".join(chunks) + "\n"


def render_markdown(report: AnnualReport, *, locale: str, **options: Any) -> str:
    """The report as GitHub-flavoured Markdown (``.md``): the markdown format's render
    side."""
    if options:
        raise OptionError(f"the markdown format takes no options, got {', '.join(options)}")
    return document_markdown(build_document(report, locale))
