"""The report as a Word document (DOCX), laid out as the report is published: A4 with the
margins of GB/T 9704, the title in 方正小标宋简体, headings in 黑体 and 楷体_GB2312, body text
in 仿宋_GB2312 at a fixed 28 pt line, page numbers "— 1 —" in the footer, and the three
tables merged cell for cell as the official form prints them.

Everything is done through named styles (Title, Heading 1, Heading 2, Body Text, Table
Heading, Table Contents, Table Number, Run-in Heading, Footer, Table Grid), so that a
reference document (``reference=``, a path or the bytes of a ``.docx``) can restyle the
report: its styles and page setup are used, and only the styles it lacks come from the
preset. The fonts, sizes and page of the preset (:data:`GB_T_9704`) can be changed with
``preset=`` (see :class:`Preset`).

The same report renders to the same bytes, every time: the document properties come
from the report (never the clock), and the package is written with fixed entry times,
order and compression, without the default template's thumbnail or unused parts.

python-docx is imported when a document is rendered, not when this module is.

>>> import govdisclosure as gd
>>> data = gd.render(gd.load("examples/zhongning-minzheng-2020.json"), "docx")
>>> data[:2], len(data) > 10_000
(b'PK', True)
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from govdisclosure.errors import OptionError
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.renderers.document import Document, Heading, Para, Table, build_document
from govdisclosure.renderers.grid import Grid, GridCell, Role
from govdisclosure.renderers.widths import display_width
from govdisclosure.report import AnnualReport
from govdisclosure.text import Span

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.opc.package import OpcPackage
    from docx.opc.part import Part

    from govdisclosure.readers.result import ReadResult

__all__ = [
    "FORMAT",
    "GB_T_9704",
    "DocxFormat",
    "Font",
    "Preset",
    "document_docx",
    "report_properties",
]


@dataclass(frozen=True)
class Font:
    """A font: the East Asian face (``w:eastAsia``), the size in points, the face for
    Latin text (``w:ascii``/``w:hAnsi``) and whether it is bold."""

    east_asian: str
    size: float
    latin: str = "Times New Roman"
    bold: bool = False

    def __post_init__(self) -> None:
        if not (isinstance(self.east_asian, str) and self.east_asian):
            raise ValueError(f"a font needs an East Asian face, got {self.east_asian!r}")
        if not (isinstance(self.latin, str) and self.latin):
            raise ValueError(f"a font needs a Latin face, got {self.latin!r}")
        if not (isinstance(self.size, int | float) and 1 <= self.size <= 200):
            raise ValueError(f"a font size is in points, 1 to 200, got {self.size!r}")


@dataclass(frozen=True)
class Preset:
    """The page and the type of a rendered report. Lengths of the page are in millimetres,
    line spacings in points, the first-line indent in characters of the body font.

    The defaults follow GB/T 9704 (党政机关公文格式) as government reports are published;
    change any of them with :func:`dataclasses.replace`:

    >>> import dataclasses
    >>> larger = dataclasses.replace(GB_T_9704, table=Font("仿宋_GB2312", 12))
    >>> larger.table.size, larger.body.east_asian
    (12, '仿宋_GB2312')
    """

    page_width: float = 210.0
    page_height: float = 297.0
    margin_top: float = 37.0
    margin_bottom: float = 35.0
    margin_left: float = 28.0
    margin_right: float = 26.0
    header_distance: float = 15.0
    #: From the bottom edge of the page to the bottom of the page number, which puts the
    #: number about 7 mm below the text, as GB/T 9704 places it.
    footer_distance: float = 22.0
    #: 方正小标宋简体 二号, centred.
    title: Font = field(default=Font("方正小标宋简体", 22))
    #: Level-1 headings (一、总体情况): 黑体 三号.
    heading1: Font = field(default=Font("黑体", 16))
    #: Level-2 headings and run-in subsection titles: 楷体_GB2312 三号.
    heading2: Font = field(default=Font("楷体_GB2312", 16))
    #: Body text: 仿宋_GB2312 三号.
    body: Font = field(default=Font("仿宋_GB2312", 16))
    #: Table text: 仿宋_GB2312 五号, single spacing.
    table: Font = field(default=Font("仿宋_GB2312", 10.5))
    #: The page number in the footer: 宋体 四号, digits included.
    page_number: Font = field(default=Font("宋体", 14, latin="宋体"))
    #: The fixed line spacing of body text and headings, in points.
    line_spacing: float = 28.0
    #: The fixed line spacing of the title, in points.
    title_line_spacing: float = 36.0
    #: The first-line indent of body text and headings, in characters.
    first_line_indent: float = 2.0
    #: The least height of a table row, in millimetres.
    table_row_height: float = 6.0
    #: The space left and right of the text in a table cell, in millimetres.
    table_cell_margin: float = 1.0

    def __post_init__(self) -> None:
        for name in ("title", "heading1", "heading2", "body", "table", "page_number"):
            if not isinstance(getattr(self, name), Font):
                raise OptionError(f"Preset.{name} must be a Font, got {getattr(self, name)!r}")
        lengths = (
            "page_width",
            "page_height",
            "margin_top",
            "margin_bottom",
            "margin_left",
            "margin_right",
            "header_distance",
            "footer_distance",
            "line_spacing",
            "title_line_spacing",
            "first_line_indent",
            "table_row_height",
            "table_cell_margin",
        )
        for name in lengths:
            value = getattr(self, name)
            if not (isinstance(value, int | float) and 0 <= value <= 2000):
                raise ValueError(f"Preset.{name} must be a number from 0 to 2000, got {value!r}")
        if self.margin_left + self.margin_right >= self.page_width:
            raise ValueError("the left and right margins leave no room for text")


#: The default preset: A4, GB/T 9704 margins and fonts.
GB_T_9704 = Preset()

# --- WordprocessingML -----------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = f'xmlns:w="{_W}" xmlns:r="{_R}"'
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"

#: The styles the document uses: key -> (type, name as in styles.xml, default style id).
_STYLES: dict[str, tuple[str, str, str]] = {
    "normal": ("paragraph", "Normal", "Normal"),
    "title": ("paragraph", "Title", "Title"),
    "heading1": ("paragraph", "heading 1", "Heading1"),
    "heading2": ("paragraph", "heading 2", "Heading2"),
    "body": ("paragraph", "Body Text", "BodyText"),
    "table_heading": ("paragraph", "Table Heading", "TableHeading"),
    "table_contents": ("paragraph", "Table Contents", "TableContents"),
    "table_number": ("paragraph", "Table Number", "TableNumber"),
    "footer": ("paragraph", "footer", "Footer"),
    "lead": ("character", "Run-in Heading", "RunInHeading"),
    "table": ("table", "Table Grid", "TableGrid"),
}

#: Other names of the customary fonts, for the font table: a system that lacks a face
#: under its Chinese name may have it under this one.
_ALT_NAMES = {
    "方正小标宋简体": "FZXiaoBiaoSong-B05S",
    "仿宋_GB2312": "FangSong_GB2312",
    "楷体_GB2312": "KaiTi_GB2312",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
    "黑体": "SimHei",
    "宋体": "SimSun",
}

#: Characters XML 1.0 cannot hold (a report's text is valid Unicode, but may carry them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = re.compile(r"(\r\n|\r|\n|\t)")


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _half_points(pt: float) -> int:
    return round(pt * 2)


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _fonts(font: Font, hint: bool) -> str:
    latin = _attr(font.latin)
    extra = ' w:hint="eastAsia"' if hint else ""
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}"'
        f' w:eastAsia="{_attr(font.east_asian)}"{extra}/>'
    )


def _rpr(font: Font, hint: bool, lang: bool = False) -> str:
    size = _half_points(font.size)
    bold = "<w:b/><w:bCs/>" if font.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    language = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>' if lang else ""
    return (
        f'<w:rPr>{_fonts(font, hint)}{bold}<w:color w:val="000000"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>{language}</w:rPr>'
    )


def _exact(pt: float) -> str:
    return f'<w:spacing w:before="0" w:after="0" w:line="{round(pt * 20)}" w:lineRule="exact"/>'


def _indent(preset: Preset, font: Font) -> str:
    chars = preset.first_line_indent
    return (
        f'<w:ind w:firstLineChars="{round(chars * 100)}"'
        f' w:firstLine="{round(chars * font.size * 20)}"/>'
    )


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
_NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
_PRIORITY = {"normal": 0, "title": 10, "heading1": 9, "heading2": 9, "table": 59}
_QUICK = ("normal", "title", "heading1", "heading2", "body", "lead")


def _formats(preset: Preset, hint: bool) -> dict[str, tuple[str, Font]]:
    """The paragraph properties and the font of each paragraph and character style."""
    body = preset.body
    line = _exact(preset.line_spacing)
    title_spacing = (
        f'<w:spacing w:before="0" w:after="{round(preset.line_spacing * 20)}"'
        f' w:line="{round(preset.title_line_spacing * 20)}" w:lineRule="exact"/>'
    )
    heading = f'<w:keepNext/><w:keepLines/>{line}{_indent(preset, body)}<w:jc w:val="left"/>'
    cell = f'<w:snapToGrid w:val="0"/>{_SINGLE}{_NO_INDENT}'
    # 黑体's weight sets a heading apart in Chinese; Latin text needs bold for that.
    heading1 = preset.heading1 if hint else replace(preset.heading1, bold=True)
    return {
        "normal": (f'<w:widowControl w:val="0"/>{line}<w:jc w:val="both"/>', body),
        "title": (
            f'<w:keepNext/><w:keepLines/>{title_spacing}{_NO_INDENT}<w:jc w:val="center"/>',
            preset.title,
        ),
        "heading1": (f'{heading}<w:outlineLvl w:val="0"/>', heading1),
        "heading2": (f'{heading}<w:outlineLvl w:val="1"/>', preset.heading2),
        "body": (f'{line}{_indent(preset, body)}<w:jc w:val="both"/>', body),
        "table_heading": (f'<w:keepNext/>{cell}<w:jc w:val="center"/>', preset.table),
        "table_contents": (f'{cell}<w:jc w:val="left"/>', preset.table),
        "table_number": (f'{cell}<w:jc w:val="center"/>', preset.table),
        "footer": (f'{cell}<w:jc w:val="center"/>', preset.page_number),
        "lead": ("", preset.heading2),
    }


def _style_xml(key: str, preset: Preset, ids: dict[str, str], hint: bool) -> str:
    """A style of the preset, referring to the others through ``ids``. ``hint`` (a
    Chinese document) makes the characters Chinese and Latin text share, such as curly
    quotes and dashes, take the East Asian font."""
    kind, name, _default_id = _STYLES[key]
    out = f'<w:style w:type="{kind}" w:styleId="{_attr(ids[key])}"'
    out += ' w:default="1">' if key == "normal" else ">"
    out += f'<w:name w:val="{_attr(name)}"/>'
    if kind == "paragraph" and key != "normal":
        out += f'<w:basedOn w:val="{_attr(ids["normal"])}"/>'
    if key in ("title", "heading1", "heading2"):
        out += f'<w:next w:val="{_attr(ids["body"])}"/>'
    if key in _PRIORITY:
        out += f'<w:uiPriority w:val="{_PRIORITY[key]}"/>'
    if key in _QUICK:
        out += "<w:qFormat/>"
    if key == "table":
        margin = _twips(preset.table_cell_margin)
        return (
            f"{out}<w:pPr>{_SINGLE}</w:pPr><w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders>"
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr></w:style>"
        )
    ppr, font = _formats(preset, hint)[key]
    if ppr:
        out += f"<w:pPr>{ppr}</w:pPr>"
    return f"{out}{_rpr(font, hint, lang=key == 'normal')}</w:style>"


#: The default styles every document has, written as Word writes them.
_DEFAULT_STYLES = (
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "<w:unhideWhenUsed/></w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
)


def _parse(fragment: str) -> list[Any]:
    """The elements of an XML fragment in the ``w`` and ``r`` namespaces."""
    from docx.oxml.parser import parse_xml

    return list(parse_xml(f"<w:root {_NS}>{fragment}</w:root>"))


def _preset_styles(styles: Any, preset: Preset, hint: bool) -> dict[str, str]:
    """Replace the default template's styles with the preset's (keeping its latent styles,
    which only tell Word how to show the built-in styles it creates on demand)."""
    from docx.oxml.ns import qn

    for child in list(styles):
        if child.tag != qn("w:latentStyles"):
            styles.remove(child)
    ids = {key: default for key, (_kind, _name, default) in _STYLES.items()}
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{_rpr(preset.body, hint, lang=True)}</w:rPrDefault>"
        "<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>"
    )
    styles.insert(0, _parse(defaults)[0])
    xml = _DEFAULT_STYLES + "".join(_style_xml(key, preset, ids, hint) for key in _STYLES)
    for element in _parse(xml):
        styles.append(element)
    return ids


def _reference_styles(styles: Any, preset: Preset, hint: bool) -> dict[str, str]:
    """The reference document's styles by name; those it lacks are added from the preset."""
    from docx.oxml.ns import qn

    by_name: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for style in styles.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId")) or ""
        taken.add(style_id)
        name = style.find(qn("w:name"))
        kind = style.get(qn("w:type")) or "paragraph"
        if name is not None:
            by_name.setdefault((kind, (name.get(qn("w:val")) or "").lower()), style_id)
        if kind == "paragraph" and style.get(qn("w:default")) in ("1", "true", "on"):
            by_name[(kind, "normal")] = style_id
    ids: dict[str, str] = {}
    missing = []
    for key, (kind, name, default) in _STYLES.items():
        found = by_name.get((kind, name.lower()))
        if found is None:
            found = default
            while found in taken:
                found += "0"
            taken.add(found)
            missing.append(key)
        ids[key] = found
    for key in missing:
        styles.append(_parse(_style_xml(key, preset, ids, hint))[0])
    return ids


# --- the body -------------------------------------------------------------------------------


def _text(text: str) -> str:
    """Run content: text, with line breaks and tabs as Word writes them."""
    out = []
    for piece in _BREAKS.split(_CONTROL.sub("", text)):
        if not piece:
            continue
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece[0] in "\r\n":
            out.append("<w:br/>")
        else:
            out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return "".join(out)


def _run(text: str, rpr: str = "") -> str:
    return f"<w:r>{rpr}{_text(text)}</w:r>" if text else ""


def _paragraph(style: str, runs: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{_attr(style)}"/>{ppr}</w:pPr>{runs}</w:p>'


def _spans(spans: tuple[Span, ...]) -> str:
    bold = "<w:rPr><w:b/><w:bCs/></w:rPr>"
    return "".join(_run(span.text, bold if span.bold else "") for span in spans)


def _em(text: str) -> float:
    """The width of ``text`` in ems of its font (a Latin character counts half)."""
    return display_width(text) / 2


#: What a line cannot be broken inside: a short bracketed number ("（三）", "(3)"), a run
#: of Latin letters or digits, or one character with the punctuation that cannot start a
#: line after it and the brackets that cannot end one before it.
_UNBREAKABLE = re.compile(
    r"[（(][^\s()（）]{1,3}[）)][、，。\uff0e]?|[!-~]+|[“‘《（【]*\S[、，。\uff0e：；！？）”’》】]*"
)


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
        words = max(pad + _longest(cell.text) * em for cell in _column_headers(grid, labels))
        if words > number:
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
    return 2 * _twips(preset.table_cell_margin) + 0.3 * preset.table.size * 20


def _column_headers(grid: Grid, first: int = 0) -> list[GridCell]:
    """The header cells of one column each, from column ``first`` on."""
    return [
        cell
        for row in grid.matrix()[: grid.header_rows]
        for cell, start in row[first:]
        if start and cell.col_span == 1 and cell.role is Role.COLUMN
    ] or [GridCell("", Role.COLUMN)]


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
    for r in range(grid.header_rows):
        for c, (cell, start) in enumerate(grid.matrix()[r]):
            if not (start and cell.col_span == 1 and cell.role is Role.COLUMN):
                continue
            if pad + _longest(cell.text) * em > widths[c]:
                columns.add(c)
                lines = max(1, int((widths[c] - pad) // (_LINE * em)))
                length = max(_longest(cell.text), _em(cell.text) / lines + 1)
                height = max(height, pad + length * em)
    return frozenset(columns), math.ceil(height)


def _table(grid: Grid, ids: dict[str, str], preset: Preset, total: int, caption: str) -> str:
    widths = _column_widths(grid, total, preset)
    turned, turned_height = _turned(grid, widths, preset)
    margin = _twips(preset.table_cell_margin)
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{_attr(ids["table"])}"/>'
        '<w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        + (f'<w:tblCaption w:val="{_attr(caption)}"/>' if caption else "")
        + "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    height = _twips(preset.table_row_height)
    row_height = f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>' if height else ""
    styles = {
        Role.CAPTION: ids["table_heading"],
        Role.CORNER: ids["table_heading"],
        Role.COLUMN: ids["table_heading"],
        Role.ROW: ids["table_contents"],
        Role.NUMBER: ids["table_number"],
        Role.FILLER: ids["table_number"],
    }
    for r, row in enumerate(grid.matrix()):
        header = "<w:tblHeader/>" if r < grid.header_rows else ""
        tall = row_height
        if turned and r == grid.header_rows - 1:
            tall = f'<w:trHeight w:val="{max(height, turned_height)}" w:hRule="atLeast"/>'
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{tall}{header}</w:trPr>")
        c = 0
        while c < grid.columns:
            cell, start = row[c]
            width = sum(widths[c : c + cell.col_span])
            side = c in turned and cell.col_span == 1 and cell.role is Role.COLUMN
            out.append(_cell(cell, start, width, styles, turned=side))
            c += cell.col_span
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


def _body(doc: Document, ids: dict[str, str], preset: Preset, total: int) -> str:
    out = [_paragraph(ids["title"], _title(doc, preset, total))]
    lead = f'<w:rPr><w:rStyle w:val="{_attr(ids["lead"])}"/></w:rPr>'
    section = ""
    for block in doc.blocks:
        if isinstance(block, Heading):
            style = ids["heading1"] if block.level == 1 else ids["heading2"]
            out.append(_paragraph(style, _run(block.text)))
            if block.level == 1:
                section = block.text
        elif isinstance(block, Para):
            out.append(_paragraph(ids["body"], _run(block.lead, lead) + _spans(block.spans)))
        elif isinstance(block, Table):
            out.append(_table(block.grid, ids, preset, total, section))
    if doc.published_text:
        # Signed as a report is: the organ, then the date, right-aligned under the text
        # after an empty line's worth of space.
        right = f'{_NO_INDENT}<w:jc w:val="right"/>'
        space = f'<w:spacing w:before="{round(preset.line_spacing * 20)}"/>'
        out.append(_paragraph(ids["body"], _run(doc.organ), space + right))
        out.append(_paragraph(ids["body"], _run(doc.published_text), right))
    return "".join(out)


def _footer(ids: dict[str, str]) -> str:
    """The page number, "— 1 —": a PAGE field between em dashes."""
    field_runs = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    dash = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
    runs = _run("— ", dash) + field_runs + _run(" —", dash)
    return _paragraph(ids["footer"], runs, '<w:jc w:val="center"/>')


# --- the package ----------------------------------------------------------------------------


def _open(reference: str | os.PathLike[str] | bytes | None) -> WordDocument:
    import docx

    if reference is None:
        return docx.Document()
    if isinstance(reference, bytes | bytearray):
        return docx.Document(io.BytesIO(bytes(reference)))
    if isinstance(reference, str | os.PathLike):
        return docx.Document(os.fspath(reference))
    raise OptionError(f"reference must be a path or the bytes of a .docx, got {reference!r}")


def _page(document: WordDocument, preset: Preset) -> None:
    from docx.oxml.ns import qn

    sect = document.element.body.find(qn("w:sectPr"))
    size = sect.find(qn("w:pgSz"))
    size.attrib.clear()
    size.set(qn("w:w"), str(_twips(preset.page_width)))
    size.set(qn("w:h"), str(_twips(preset.page_height)))
    margins = sect.find(qn("w:pgMar"))
    margins.attrib.clear()
    for name, value in (
        ("top", preset.margin_top),
        ("right", preset.margin_right),
        ("bottom", preset.margin_bottom),
        ("left", preset.margin_left),
        ("header", preset.header_distance),
        ("footer", preset.footer_distance),
        ("gutter", 0.0),
    ):
        margins.set(qn(f"w:{name}"), str(_twips(value)))


def _text_width(document: WordDocument, preset: Preset) -> int:
    """The width of the text area in twips, from the section's page setup."""
    from docx.oxml.ns import qn

    sect = document.element.body.find(qn("w:sectPr"))
    if sect is None:
        return _twips(preset.page_width - preset.margin_left - preset.margin_right)
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))

    def twips(element: Any, name: str, default: float) -> int:
        value = element.get(qn(f"w:{name}")) if element is not None else None
        return int(value) if value and value.lstrip("-").isdigit() else _twips(default)

    width = twips(size, "w", preset.page_width)
    left = twips(margins, "left", preset.margin_left)
    right = twips(margins, "right", preset.margin_right)
    return max(width - left - right, 1440)


def _font_table(document: WordDocument, preset: Preset) -> None:
    """A font table of the preset's fonts, with their other names and the GB 2312 charset,
    which Word uses to find a face or a substitute."""
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart

    part = document.part
    names: list[str] = []
    for font in (
        preset.body,
        preset.title,
        preset.heading1,
        preset.heading2,
        preset.table,
        preset.page_number,
    ):
        for name in (font.latin, font.east_asian):
            if name not in names:
                names.append(name)
    entries = []
    for name in names:
        cjk = not name.isascii()
        alt = f'<w:altName w:val="{_attr(_ALT_NAMES[name])}"/>' if name in _ALT_NAMES else ""
        charset = "86" if cjk else "00"
        family = "modern" if cjk else "roman"
        entries.append(
            f'<w:font w:name="{_attr(name)}">{alt}<w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        )
    from docx.oxml.parser import parse_xml

    element = parse_xml(f"<w:fonts {_NS}>{''.join(entries)}</w:fonts>")
    for rid, rel in list(part.rels.items()):
        if rel.reltype == RT.FONT_TABLE:
            del part.rels[rid]
    table = XmlPart(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, element, part.package)
    part.relate_to(table, RT.FONT_TABLE)


def _settings(document: WordDocument, preset_mode: bool) -> None:
    """No preview picture (the thumbnail is dropped) and no template of the author's
    machine; in the preset, Chinese as the East Asian language of the theme."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    part = document.part.part_related_by(RT.SETTINGS)
    settings = document.settings.element
    for name in ("w:savePreviewPicture", "w:attachedTemplate"):
        for element in settings.findall(qn(name)):
            settings.remove(element)
    referred = set(settings.xpath(".//@r:*"))
    for rid in [rid for rid in part.rels if rid not in referred]:
        del part.rels[rid]
    if preset_mode:
        for element in settings.findall(qn("w:themeFontLang")):
            element.set(qn("w:eastAsia"), "zh-CN")


def _properties(document: WordDocument, doc: Document) -> None:
    """The document properties, from the report alone."""
    when = doc.published or dt.date(doc.year + 1, 1, 1)
    stamp = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
    props = document.core_properties
    props.title = doc.title[:255]
    props.author = doc.organ[:255]
    props.last_modified_by = doc.organ[:255]
    props.subject = translate(_("政府信息公开工作年度报告"), doc.locale)
    props.language = "zh-CN" if doc.locale == "zh_CN" else "en"
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.created = stamp
    props.modified = stamp
    props.revision = 1


_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The property set every custom property of a document belongs to (Word's own).
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
#: The prefix of the custom properties this library writes (and replaces on a re-render).
_OWN_PREFIX = "govdisclosure."


def report_properties(report: AnnualReport) -> dict[str, str]:
    """The facts of ``report`` that its printed text does not state, as the custom
    document properties the DOCX reader reads back: the kind of organ (empty when the
    report does not say) and the scope, as JSON.

    >>> import govdisclosure as gd
    >>> report_properties(gd.load("examples/zhongning-minzheng-2020.json"))
    {'govdisclosure.organ_kind': 'department', 'govdisclosure.scope': '{"kind":"own","organs":[]}'}
    """
    import json

    scope = {"kind": report.scope.kind.value, "organs": list(report.scope.organs)}
    return {
        "govdisclosure.organ_kind": report.organ_kind.value if report.organ_kind else "",
        "govdisclosure.scope": json.dumps(scope, ensure_ascii=False, separators=(",", ":")),
    }


def _custom_properties(document: WordDocument, properties: dict[str, str]) -> None:
    """Write ``properties`` into ``docProps/custom.xml``: a new part, or the reference
    document's own, whose other properties are kept (ours from an earlier render are
    replaced)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    package = document.part.package
    kept: list[Any] = []
    for rid, rel in list(package.rels.items()):
        if rel.reltype != _CUSTOM_REL or rel.is_external:
            continue
        # The reference document's own part: keep its other properties, replace ours.
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            root = etree.fromstring(rel.target_part.blob, parser)
            kept += [p for p in root if not (p.get("name") or "").startswith(_OWN_PREFIX)]
        except etree.LxmlError:
            pass  # a damaged part of the reference document is not worth keeping
        del package.rels[rid]
    pids = [int(p.get("pid")) for p in kept if re.fullmatch(r"[0-9]{1,6}", p.get("pid") or "")]
    pid = max([1, *pids]) + 1
    entries = [etree.tostring(p, encoding="unicode") for p in kept]
    for offset, (name, value) in enumerate(sorted(properties.items())):
        entries.append(
            f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid + offset}" name="{_attr(name)}">'
            f"<vt:lpwstr>{escape(_CONTROL.sub('', value))}</vt:lpwstr></property>"
        )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{"".join(entries)}</Properties>'
    ).encode()
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_TYPE, xml, package)
    package.relate_to(part, _CUSTOM_REL)


#: Relationships of the main document that nothing in its XML refers to but Word needs.
_IMPLICIT = {
    "styles",
    "settings",
    "fontTable",
    "theme",
    "footnotes",
    "endnotes",
}


def _prune(document: WordDocument, preset_mode: bool) -> None:
    """Drop the parts the document does not use: the thumbnail, the extended properties
    (their page and word counts would be the template's), every relationship of the main
    document that its XML does not refer to and Word does not need, and with the preset,
    whose styles name every font, the theme."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package.rels[rid]
    part = document.part
    referred = set(part.element.xpath(".//@r:*"))
    styles = document.styles.element
    numbered = bool(styles.findall(".//" + qn("w:numPr")))
    implicit = _IMPLICIT - {"theme"} if preset_mode else _IMPLICIT
    for rid, rel in list(part.rels.items()):
        kind = rel.reltype.rsplit("/", 1)[-1]
        keep = rid in referred or kind in implicit or (kind == "numbering" and numbered)
        if not keep:
            del part.rels[rid]


def _parts(package: OpcPackage) -> Iterator[Part]:
    seen: set[str] = set()
    stack = [rel.target_part for rel in package.rels.values() if not rel.is_external]
    while stack:
        part = stack.pop()
        if str(part.partname) in seen:
            continue
        seen.add(str(part.partname))
        yield part
        stack.extend(rel.target_part for rel in part.rels.values() if not rel.is_external)


#: Every entry of the package is stamped with this time (the earliest a zip file holds).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _package_bytes(package: OpcPackage) -> bytes:
    """The package as a zip with a fixed entry order, fixed times and fixed compression."""
    parts = sorted(_parts(package), key=lambda p: str(p.partname))
    overrides = "".join(
        f'<Override PartName="{_attr(str(p.partname))}" ContentType="{_attr(p.content_type)}"/>'
        for p in parts
    )
    types = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Types xmlns="{_CONTENT_TYPES}">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}</Types>"
    )
    entries: list[tuple[str, bytes]] = [
        ("[Content_Types].xml", types.encode("utf-8")),
        ("_rels/.rels", _rels_xml(package.rels)),
    ]
    for part in parts:
        entries.append((str(part.partname)[1:], part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri[1:], _rels_xml(part.rels)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return out.getvalue()


def _rels_xml(rels: Any) -> bytes:
    xml = rels.xml
    return xml if isinstance(xml, bytes) else str(xml).encode("utf-8")


def document_docx(
    doc: Document,
    *,
    preset: Preset | None = None,
    reference: str | os.PathLike[str] | bytes | None = None,
    properties: dict[str, str] | None = None,
) -> bytes:
    """The document as the bytes of a ``.docx`` file; ``properties`` become custom
    document properties (see :func:`report_properties`)."""
    from docx.oxml.ns import qn

    if preset is None:
        preset = GB_T_9704
    elif not isinstance(preset, Preset):
        raise OptionError(f"preset must be a govdisclosure.renderers.docx.Preset, got {preset!r}")
    document = _open(reference)
    hint = doc.locale == "zh_CN"
    styles = document.styles.element
    if reference is None:
        ids = _preset_styles(styles, preset, hint)
        _page(document, preset)
        _font_table(document, preset)
    else:
        ids = _reference_styles(styles, preset, hint)
    _settings(document, reference is None)

    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    for element in _parse(_body(doc, ids, preset, _text_width(document, preset))):
        if sect is not None:
            sect.addprevious(element)
        else:
            body.append(element)

    section = document.sections[-1]
    if section.footer.is_linked_to_previous:
        footer = section.footer
        footer.is_linked_to_previous = False
        element = footer.part.element
        for child in list(element):
            element.remove(child)
        element.extend(_parse(_footer(ids)))
    _properties(document, doc)
    if properties:
        _custom_properties(document, properties)
    _prune(document, reference is None)
    return _package_bytes(document.part.package)


class DocxFormat:
    """Word (``.docx``), as the report is published. Options: ``preset`` (a
    :class:`Preset`, default :data:`GB_T_9704`) and ``reference`` (a ``.docx`` path or its
    bytes, whose styles and page setup replace the preset's)."""

    name = "docx"
    extensions = (".docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    binary = True

    def render(
        self,
        report: AnnualReport,
        *,
        locale: str,
        preset: Preset | None = None,
        reference: str | os.PathLike[str] | bytes | None = None,
        **options: Any,
    ) -> bytes:
        if options:
            raise OptionError(
                f"the docx format takes only 'preset' and 'reference', got {', '.join(options)}"
            )
        return document_docx(
            build_document(report, locale),
            preset=preset,
            reference=reference,
            properties=report_properties(report),
        )

    def read(self, data: bytes | str, *, source: str | None = None, **options: Any) -> ReadResult:
        """Read a report from a Word document (see :mod:`govdisclosure.readers.docx`)."""
        from govdisclosure.readers.docx import read_docx

        if isinstance(data, str):
            from govdisclosure.errors import ReadError

            raise ReadError("a DOCX file is bytes, not text", source=source)
        return read_docx(data, source=source, **options)


FORMAT = DocxFormat()
