"""WordprocessingML's names (Clark names, ``{namespace}tag``, as lxml gives them, so that
an element is told by one comparison of strings), how its attributes' values read, and
what the DOCX reader needs of a document's ``styles.xml``: which paragraph styles are
headings (and of which level) or bold, which character styles are bold, and which
print a run-in heading.

A style's heading level comes from its name ("Title", "heading 2", "标题 2") or its
outline level; a style that does not say takes what its ``w:basedOn`` chain says.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

__all__ = ["Styles", "flag", "outline", "small_number"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PPR, RPR, VAL = W + "pPr", W + "rPr", W + "val"
B, RSTYLE, PSTYLE, OUTLINE = (W + n for n in ("b", "rStyle", "pStyle", "outlineLvl"))
NAME, BASED_ON, LINK = (W + n for n in ("name", "basedOn", "link"))

_FALSE = frozenset({"0", "false", "off"})
#: An attribute's number as Word writes one (no table spans thousands of columns; a
#: longer string of digits is damage, and int() of a huge one raises).
_SMALL_NUMBER = re.compile(r"[0-9]{1,4}")
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(?P<level>[1-9])$")
_TITLE_NAMES = frozenset({"title", "标题"})
#: Our renderer's character style for run-in subsection titles (renderers/docx/_wordml.py).
_LEAD_NAMES = frozenset({"run-in heading"})


def flag(element: Any) -> bool | None:
    """A toggle property (``w:b``): on unless ``w:val`` says 0/false/off; ``None`` when
    absent."""
    if element is None:
        return None
    return (element.get(VAL) or "1").lower() not in _FALSE


def small_number(element: Any, default: int) -> int:
    """The number in ``w:val`` (a span, a count of grid columns), else ``default``."""
    value = "" if element is None else element.get(VAL) or ""
    return int(value) if _SMALL_NUMBER.fullmatch(value) else default


def outline(element: Any) -> int | None:
    """A heading level from ``w:outlineLvl`` (0 is level 1; 9 is body text, level 0)."""
    value = small_number(element, -1)
    return None if value < 0 else value + 1 if value < 9 else 0


class _Style(NamedTuple):
    """One style of ``styles.xml``, as written (before its ``w:basedOn`` chain)."""

    kind: str
    name: str  # lower case
    based_on: str | None
    level: int | None  # from w:outlineLvl
    bold: bool | None
    link: str | None  # the linked paragraph or character style


def _style(style: Any) -> _Style:
    name = ""
    based = link = None
    level = bold = None
    for child in style:
        tag = child.tag
        if tag == NAME:
            name = child.get(VAL) or ""
        elif tag == BASED_ON:
            based = child.get(VAL)
        elif tag == LINK:
            link = child.get(VAL)
        elif tag == PPR:
            level = next((outline(x) for x in child if x.tag == OUTLINE), None)
        elif tag == RPR:
            bold = next((flag(x) for x in child if x.tag == B), None)
    kind = style.get(W + "type") or "paragraph"
    return _Style(kind, name.strip().lower(), based, level, bold, link)


class Styles:
    """What the reader needs of ``styles.xml``: each paragraph style's heading level and
    boldness (through its ``w:basedOn`` chain), each character style's boldness, and
    the character styles that print a run-in heading."""

    def __init__(self, root: Any) -> None:
        # A package without styles.xml (``root`` is None) defines no style.
        defaults = None if root is None else root.find(f"{W}docDefaults/{W}rPrDefault/{RPR}")
        self.default_bold = defaults is not None and bool(flag(defaults.find(B)))
        self.default_paragraph = ""
        raw: dict[str, _Style] = {}
        for element in () if root is None else root.iter(W + "style"):
            style_id = element.get(W + "styleId") or ""
            style = raw[style_id] = _style(element)
            default = (element.get(W + "default") or "").lower() in ("1", "true", "on")
            if style.kind == "paragraph" and default:
                self.default_paragraph = style_id
        self.bold: dict[str, bool | None] = _inherited(raw, "bold")
        level = _inherited(raw, "level")
        self.level: dict[str, int] = {}
        for style_id, style in raw.items():
            if style.kind == "paragraph":
                named = _named_level(style.name) or _named_level(style_id.lower())
                self.level[style_id] = named or level[style_id] or 0
        self.lead = {
            style_id
            for style_id, style in raw.items()
            if style.kind == "character"
            and (style.name in _LEAD_NAMES or self.level.get(style.link or "", 0))
        }

    def paragraph(self, p: Any) -> tuple[int, bool]:
        """A paragraph's heading level (its own outline level, else its style's) and
        whether its style is bold. A style the document does not define (a package
        without styles.xml) is known by its id: "Title", "Heading2"."""
        style_id, level = self.default_paragraph, None
        if len(p) and p[0].tag == PPR:
            for prop in p[0]:
                if prop.tag == PSTYLE:
                    style_id = prop.get(VAL) or style_id
                elif prop.tag == OUTLINE:
                    level = outline(prop)
        if level is None:
            level = self.level.get(style_id)
            level = _named_level(style_id.lower()) if level is None else level
        bold = self.bold.get(style_id)
        return level, self.default_bold if bold is None else bold

    def run(self, rpr: Any, style_bold: bool) -> tuple[bool, bool]:
        """Whether a run (its ``w:rPr``) is bold (its own ``w:b``, else its character
        style's, else the paragraph style's, ``style_bold``) and whether it is in a run-in
        heading style (an undefined one by its id, as this library names it)."""
        bold: bool | None = None
        char = None
        for prop in rpr:
            if prop.tag == B:
                bold = flag(prop)
            elif prop.tag == RSTYLE:
                char = prop.get(VAL) or ""
        if char is None:
            return style_bold if bold is None else bold, False
        if char in self.bold:
            lead = char in self.lead
            bold = self.bold[char] if bold is None else bold
        else:
            lead = char.lower() in _LEAD_NAMES or char == "RunInHeading"
        return style_bold if bold is None else bold, lead


def _inherited(raw: dict[str, _Style], field: str) -> dict[str, Any]:
    """Each style's ``field``: its own, or the nearest one up its ``w:basedOn`` chain
    (``None`` when none says). Each style is walked once, so a hostile chain of many
    thousand styles costs no more than a short one."""
    done: dict[str, Any] = {}
    for start in raw:
        path: dict[str, None] = {}  # the styles walked, in order
        style_id, value = start, None
        while style_id in raw and style_id not in path:
            if style_id in done:
                value = done[style_id]
                break
            path[style_id] = None
            value = getattr(raw[style_id], field)
            if value is not None:
                break
            style_id = raw[style_id].based_on or ""
        done.update(dict.fromkeys(path, value))
    return done


def _named_level(name: str) -> int:
    if name in _TITLE_NAMES:
        return 1
    match = _HEADING_NAME.match(name)
    return int(match["level"]) if match else 0
