"""The report as GitHub-flavoured Markdown: headings, paragraphs with bold spans, and
the tables as the official form lays them out. Table 二 is a pipe table per block, under
its caption; tables 三 and 四, whose headers merge cells over rows and columns (申请人情况
over 自然人 and 法人或其他组织, 行政诉讼 over 未经复议直接起诉 and 复议后起诉), are HTML
tables with ``rowspan`` and ``colspan``, which GitHub and CommonMark show as they are.
Special characters in the report's text are escaped, so the text prints as written.

>>> import govdisclosure as gd
>>> md = render_markdown(gd.examples.load("zhongning-minzheng-2020"), locale="zh_CN")
>>> print(md.split("\\n")[0])
# 中宁县民政局2020年政府信息公开工作年度报告
"""

from __future__ import annotations

import functools
import re
from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.renderers.document import Document, Heading, Para, Table, build_document
from govdisclosure.renderers.grid import Grid, GridCell, Role
from govdisclosure.renderers.htmltable import grid_html
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


def _piped(grid: Grid) -> bool:
    """Whether a pipe table prints ``grid`` as the form does: one header row, no cell
    merged."""
    return grid.header_rows == 1 and all(
        cell.row_span == 1 == cell.col_span for row in grid.rows for cell in row
    )


def grid_markdown(grid: Grid) -> list[str]:
    """A grid as Markdown lines, laid out as the form: table 二 as a pipe table per block
    under its caption; a table of one header row and no merged cell as a pipe table; any
    other (tables 三 and 四, whose headers merge cells over rows and columns) as an HTML
    table, which Markdown takes as it is (CommonMark's HTML block: no blank line in it)."""
    if grid.header_rows == 0:
        return _stacked(grid)
    return _block(list(grid.rows)) if _piped(grid) else grid_html(grid).split("\n")


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
            chunks.append("\n".join(grid_markdown(block.grid)))
    if doc.published_text:  # signed as published: the organ, then the date
        chunks += [escape_block(doc.organ), escape_block(doc.published_text)]
    return "\n\n".join(chunks) + "\n"


def render_markdown(report: AnnualReport, *, locale: str, **options: Any) -> str:
    """The report as GitHub-flavoured Markdown (``.md``): the markdown format's render
    side."""
    if options:
        raise OptionError(f"the markdown format takes no options, got {', '.join(options)}")
    return document_markdown(build_document(report, locale))
