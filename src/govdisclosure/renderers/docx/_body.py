"""The document body: the title, headings, paragraphs with bold runs, the three tables
merged cell for cell as the official form prints them, the signature and the footer."""

from __future__ import annotations

import functools
import math
import re

from govdisclosure.renderers.document import Document, Heading, Para, Table
from govdisclosure.renderers.docx._wordml import (
    BORDERS,
    BREAKS,
    CONTROL_CHARS,
    NO_INDENT,
    mm_to_twips,
    xml_attr,
    xml_text,
)
from govdisclosure.renderers.docx.preset import Preset
from govdisclosure.renderers.grid import Grid, GridCell, Role
from govdisclosure.text import Span
from govdisclosure.textwidth import display_width


def _text(text: str) -> str:
    """Run content: text, with line breaks and tabs as Word writes them."""
    if text.isprintable():  # most text: one piece, nothing to drop or break
        return f'<w:t xml:space="preserve">{xml_text(text)}</w:t>' if text else ""
    out = []
    for piece in BREAKS.split(CONTROL_CHARS.sub("", text)):
        if not piece:
            continue
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece[0] in "\r\n":
            out.append("<w:br/>")
        else:
            out.append(f'<w:t xml:space="preserve">{xml_text(piece)}</w:t>')
    return "".join(out)


def _run(text: str, rpr: str = "") -> str:
    if not text:
        return ""
    content = rpr + _text(text)
    return f"<w:r>{content}</w:r>" if content else "<w:r/>"


def _paragraph(style: str, runs: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{xml_attr(style)}"/>{ppr}</w:pPr>{runs}</w:p>'


def _spans(spans: tuple[Span, ...]) -> str:
    bold = "<w:rPr><w:b/><w:bCs/></w:rPr>"
    return "".join(_run(span.text, bold if span.bold else "") for span in spans)


@functools.lru_cache(maxsize=4096)
def _em(text: str) -> float:
    """The width of ``text`` in ems of its font (a Latin character counts half)."""
    return display_width(text) / 2


#: What a line cannot be broken inside: a short bracketed number ("（三）", "(3)"), a run
#: of Latin letters or digits, or one character with the punctuation that cannot start a
#: line after it and the brackets that cannot end one before it.
_UNBREAKABLE = re.compile(
    r"[（(][^\s()（）]{1,3}[）)][、，。\uff0e]?|[!-~]+|[“‘《（【]*\S[、，。\uff0e：；！？）”’》】]*"
)


@functools.lru_cache(maxsize=4096)
def _longest(text: str) -> float:
    return max((_em(token) for token in _UNBREAKABLE.findall(text)), default=0.0)


def _label_columns(grid: Grid) -> int:
    if grid.header_rows >= len(grid.rows):
        return 0
    return sum(cell.col_span for cell in grid.rows[grid.header_rows] if cell.role is Role.ROW)


def _column_widths(grid: Grid, total: int, preset: Preset) -> list[int]:
    """Column widths in twips that add up to ``total``: the official form's proportions,
    with every column wide enough for what cannot be broken in it — except the words of
    a column header, which are turned on their side when they do not fit (see
    :func:`_turned`)."""
    em = preset.table.size * 20
    pad = _pad(preset)
    n = grid.columns
    need = [pad + em] * n
    for row in grid.matrix():
        for c, (cell, start) in enumerate(row):
            if start and cell.col_span == 1 and cell.role is not Role.COLUMN:
                width = _em(cell.text) if cell.role is Role.NUMBER else _longest(cell.text)
                need[c] = max(need[c], pad + width * em)
    labels = _label_columns(grid)
    widths: list[float]
    if n == 1:
        widths = [total]
    elif grid.header_rows == 0:
        # Table 二: the row labels on one line if they can be, the columns alike.
        first = max(pad + _em(row[0].text) * em for row in grid.rows if row[0].col_span == 1)
        first = min(max(first, total / n, need[0]), total * 0.4)
        widths = [first] + [(total - first) / (n - 1)] * (n - 1)
    elif labels == 0:
        # Table 四: one row of figures under a tree of headers, the columns alike.
        widths = [total / n] * n
    else:
        # Table 三: the outer label columns as narrow as their words allow, the numbers
        # two characters wide (or what a column needs; with turned headers, two lines of
        # them), the innermost labels the rest.
        numbers = n - labels
        number = min(max([2 * em + pad, *need[labels:]]), total * 0.5 / numbers)
        headers = _column_headers(grid)
        words = max((_longest(cell.text) for c, cell in headers if c >= labels), default=0.0)
        if pad + words * em > number:
            number = min(max(number, pad + 2 * _LINE * em), total * 0.6 / numbers)
        outer = need[: labels - 1]
        inner = max(total - sum(outer) - number * numbers, need[labels - 1])
        widths = [*outer, inner, *[number] * numbers]
    scale = total / sum(widths)
    out = [math.floor(w * scale) for w in widths]
    out[-1] += total - sum(out)
    return out


#: A line of table text, in ems of its font (single spacing, with the font's leading).
_LINE = 1.3


def _pad(preset: Preset) -> float:
    """The room a cell's text loses in twips: both sides' cell margin, and a little more
    so that text of exactly a column's width is not wrapped by rounding."""
    return 2 * mm_to_twips(preset.table_cell_margin) + 0.3 * preset.table.size * 20


def _column_headers(grid: Grid) -> list[tuple[int, GridCell]]:
    """The header cells that head one column each, with the column they head."""
    return [
        (c, cell)
        for row in grid.matrix()[: grid.header_rows]
        for c, (cell, start) in enumerate(row)
        if start and cell.col_span == 1 and cell.role is Role.COLUMN
    ]


def _turned(grid: Grid, widths: list[int], preset: Preset) -> tuple[frozenset[int], int]:
    """The columns whose header cell holds a word wider than the column ("organizations"
    in an English table 三), whose header is then set bottom to top, as printed forms do;
    and the height in twips the last header row needs for them (the words on as many
    lines as the column has room for). Chinese headers always fit: they break between
    any two characters."""
    em = preset.table.size * 20
    pad = _pad(preset)
    columns: set[int] = set()
    height = 0.0
    for c, cell in _column_headers(grid):
        if pad + _longest(cell.text) * em > widths[c]:
            columns.add(c)
            lines = max(1, int((widths[c] - pad) // (_LINE * em)))
            length = max(_longest(cell.text), _em(cell.text) / lines + 1)
            height = max(height, pad + length * em)
    return frozenset(columns), math.ceil(height)


def _table(grid: Grid, ids: dict[str, str], preset: Preset, total: int, caption: str) -> str:
    widths = _column_widths(grid, total, preset)
    turned, turned_height = _turned(grid, widths, preset)
    margin = mm_to_twips(preset.table_cell_margin)
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{xml_attr(ids["table"])}"/>'
        '<w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        + (f'<w:tblCaption w:val="{xml_attr(caption)}"/>' if caption else "")
        + "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    height = mm_to_twips(preset.table_row_height)
    row_height = f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>' if height else ""
    styles = {
        Role.CAPTION: ids["table_heading"],
        Role.CORNER: ids["table_heading"],
        Role.COLUMN: ids["table_heading"],
        Role.ROW: ids["table_contents"],
        Role.NUMBER: ids["table_number"],
        Role.FILLER: ids["table_number"],
    }
    # A form repeats its cells ("0" in most of table 三): each is written once.
    written: dict[tuple[str, int, int, int, bool, int, bool], str] = {}
    for r, row in enumerate(grid.matrix()):
        header = "<w:tblHeader/>" if r < grid.header_rows else ""
        tall = row_height
        if turned and r == grid.header_rows - 1:
            tall = f'<w:trHeight w:val="{max(height, turned_height)}" w:hRule="atLeast"/>'
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{tall}{header}</w:trPr>")
        c = 0
        while c < grid.columns:
            cell, start = row[c]
            span = cell.col_span
            width = widths[c] if span == 1 else sum(widths[c : c + span])
            side = bool(turned) and c in turned and span == 1 and cell.role is Role.COLUMN
            # A role is a singleton: its id stands for it (an enum hashes in Python).
            key = (cell.text, id(cell.role), span, cell.row_span, start, width, side)
            xml = written.get(key)
            if xml is None:
                xml = written[key] = _cell(cell, start, width, styles, turned=side)
            out.append(xml)
            c += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _cell(
    cell: GridCell, start: bool, width: int, styles: dict[Role, str], *, turned: bool = False
) -> str:
    """A ``w:tc``: the cell where it starts, or the continuation of a vertical merge;
    ``turned``, its text set bottom to top."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.col_span > 1:
        props += f'<w:gridSpan w:val="{cell.col_span}"/>'
    if cell.row_span > 1:
        props += '<w:vMerge w:val="restart"/>' if start else "<w:vMerge/>"
    if turned:
        props += '<w:textDirection w:val="btLr"/>'
    props += '<w:vAlign w:val="center"/>'
    style = styles[cell.role]
    text = _run(cell.text) if start else ""
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_paragraph(style, text)}</w:tc>"


#: The words every Chinese title ends with; a title too long for one line is broken before
#: them ("中宁县民政局2020年" / "政府信息公开工作年度报告"), as reports are printed.
_TITLE_END = "政府信息公开工作年度报告"


def _title(doc: Document, preset: Preset, total: int) -> str:
    title = doc.title
    head = title.removesuffix(_TITLE_END)
    long = _em(title) * preset.title.size * 20 > total * 0.95
    if doc.locale == "zh_CN" and head and head != title and long:
        return _run(head) + "<w:r><w:br/></w:r>" + _run(_TITLE_END)
    return _run(title)


#: The most lines of a last paragraph kept whole with the signature under it.
_KEPT_LINES = 3


def _short(para: Para, preset: Preset, total: int) -> bool:
    """Whether the paragraph takes at most :data:`_KEPT_LINES` lines. The last one, if
    so, is kept on the page of the signature (moving it whole costs a few lines), so
    that the signature never stands alone on the last page. A longer one is left to
    widow control, which carries its last two lines over with the signature when it
    breaks: kept with the signature, LibreOffice would move all of it, leaving most of a
    page empty."""
    indent = preset.first_line_indent
    lines = (display_width(para.text) / 2 + indent) * preset.body.size * 20 / total
    return lines <= _KEPT_LINES


def body_xml(doc: Document, ids: dict[str, str], preset: Preset, total: int) -> str:
    """The document body as WordprocessingML: title, sections, tables and signature."""
    out = [_paragraph(ids["title"], _title(doc, preset, total))]
    lead = f'<w:rPr><w:rStyle w:val="{xml_attr(ids["lead"])}"/></w:rPr>'
    section = ""
    for number, block in enumerate(doc.blocks, start=1):
        if isinstance(block, Heading):
            style = ids["heading1"] if block.level == 1 else ids["heading2"]
            out.append(_paragraph(style, _run(block.text)))
            if block.level == 1:
                section = block.text
        elif isinstance(block, Para):
            keep = (
                "<w:keepNext/>"
                if number == len(doc.blocks) and _short(block, preset, total)
                else ""
            )
            out.append(_paragraph(ids["body"], _run(block.lead, lead) + _spans(block.spans), keep))
        elif isinstance(block, Table):
            out.append(_table(block.grid, ids, preset, total, section))
    # Signed as a report is: the organ, then the date (or blanks to fill in), right-aligned
    # under the text after an empty line's worth of space, kept together.
    right = f'{NO_INDENT}<w:jc w:val="right"/>'
    space = f'<w:spacing w:before="{round(preset.line_spacing * 20)}"/>'
    out.append(_paragraph(ids["body"], _run(doc.organ), f"<w:keepNext/>{space}{right}"))
    out.append(_paragraph(ids["body"], _run(doc.published_text), right))
    return "".join(out)


def footer_xml(ids: dict[str, str], preset: Preset, *, even: bool) -> str:
    """The page number as GB/T 9704 prints it, "— 1 —" (a PAGE field between em dashes),
    at the outer edge: odd pages right, even pages left, a character of its font (一字线)
    in from the edge of the text."""
    field_runs = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    dash = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
    runs = _run("— ", dash) + field_runs + _run(" —", dash)
    em = round(preset.page_number.size * 20)
    side = "left" if even else "right"
    ppr = f'<w:ind w:{side}="{em}"/><w:jc w:val="{side}"/>'
    return _paragraph(ids["footer"], runs, ppr)
