"""WordprocessingML as text: namespaces, units, escaping, and the named styles a
rendered document uses (from the preset, or taken from a reference document)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from govdisclosure.renderers.docx.preset import Font, Preset

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = f'xmlns:w="{_W}" xmlns:r="{_R}"'
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

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
ALT_NAMES = {
    "方正小标宋简体": "FZXiaoBiaoSong-B05S",
    "仿宋_GB2312": "FangSong_GB2312",
    "楷体_GB2312": "KaiTi_GB2312",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
    "黑体": "SimHei",
    "宋体": "SimSun",
}

#: Characters XML 1.0 cannot hold (a report's text is valid Unicode, but may carry them).
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BREAKS = re.compile(r"(\r\n|\r|\n|\t)")


def mm_to_twips(mm: float) -> int:
    """Millimetres in twips (1/1440 inch), as WordprocessingML measures lengths."""
    return round(mm * 1440 / 25.4)


def _half_points(pt: float) -> int:
    return round(pt * 2)


def xml_text(value: str) -> str:
    """``value`` escaped for XML character data (as lxml writes it: ``>`` too). Written
    here rather than taken from :mod:`xml.sax.saxutils`, which imports ``urllib.request``
    (tens of milliseconds on a document's first render)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: White space an XML parser turns into a space in an attribute value ("\r\n" is one).
_ATTR_SPACE = re.compile("\r\n|[\t\n\r]")


def xml_attr(value: str) -> str:
    """``value`` escaped for an XML attribute in double quotes, its tabs and line breaks
    as the spaces a parser reads them as (the bytes lxml would write for it)."""
    escaped = xml_text(value).replace('"', "&quot;")
    return _ATTR_SPACE.sub(" ", escaped) if not escaped.isprintable() else escaped


def _fonts(font: Font, hint: bool) -> str:
    latin = xml_attr(font.latin)
    extra = ' w:hint="eastAsia"' if hint else ""
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}"'
        f' w:eastAsia="{xml_attr(font.east_asian)}"{extra}/>'
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


BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
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
    cell = f'<w:snapToGrid w:val="0"/>{_SINGLE}{NO_INDENT}'
    # 黑体's weight sets a heading apart in Chinese; Latin text needs bold for that.
    heading1 = preset.heading1 if hint else replace(preset.heading1, bold=True)
    return {
        "normal": (f'<w:widowControl w:val="0"/>{line}<w:jc w:val="both"/>', body),
        "title": (
            f'<w:keepNext/><w:keepLines/>{title_spacing}{NO_INDENT}<w:jc w:val="center"/>',
            preset.title,
        ),
        "heading1": (f'{heading}<w:outlineLvl w:val="0"/>', heading1),
        "heading2": (f'{heading}<w:outlineLvl w:val="1"/>', preset.heading2),
        # Body text leaves no line of a paragraph alone at the foot or head of a page.
        "body": (f'<w:widowControl/>{line}{_indent(preset, body)}<w:jc w:val="both"/>', body),
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
    out = f'<w:style w:type="{kind}" w:styleId="{xml_attr(ids[key])}"'
    out += ' w:default="1">' if key == "normal" else ">"
    out += f'<w:name w:val="{xml_attr(name)}"/>'
    if kind == "paragraph" and key != "normal":
        out += f'<w:basedOn w:val="{xml_attr(ids["normal"])}"/>'
    if key in ("title", "heading1", "heading2"):
        out += f'<w:next w:val="{xml_attr(ids["body"])}"/>'
    if key in _PRIORITY:
        out += f'<w:uiPriority w:val="{_PRIORITY[key]}"/>'
    if key in _QUICK:
        out += "<w:qFormat/>"
    if key == "table":
        margin = mm_to_twips(preset.table_cell_margin)
        return (
            f"{out}<w:pPr>{_SINGLE}</w:pPr><w:tblPr><w:tblBorders>{BORDERS}</w:tblBorders>"
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


def parse_fragment(fragment: str) -> list[Any]:
    """The elements of an XML fragment in the ``w`` and ``r`` namespaces."""
    from docx.oxml.parser import parse_xml

    return list(parse_xml(f"<w:root {NAMESPACES}>{fragment}</w:root>"))


def preset_styles(styles: Any, preset: Preset, hint: bool) -> dict[str, str]:
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
    styles.insert(0, parse_fragment(defaults)[0])
    xml = _DEFAULT_STYLES + "".join(_style_xml(key, preset, ids, hint) for key in _STYLES)
    for element in parse_fragment(xml):
        styles.append(element)
    return ids


def reference_styles(styles: Any, preset: Preset, hint: bool) -> dict[str, str]:
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
        styles.append(parse_fragment(_style_xml(key, preset, ids, hint))[0])
    return ids
