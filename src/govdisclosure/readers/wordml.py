"""The names of WordprocessingML (the XML of a DOCX) the DOCX reader looks for, and how
it reads the values of their attributes.

Names are Clark names (``{namespace}tag``), as lxml gives them, so that each element is
told by one comparison of strings.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["flag", "outline", "small_number"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"

P, TBL, TR, TC, R, T = (W + name for name in ("p", "tbl", "tr", "tc", "r", "t"))
PPR, RPR = W + "pPr", W + "rPr"
TAB, PTAB, BR, CR = (W + n for n in ("tab", "ptab", "br", "cr"))
VAL = W + "val"
B, RSTYLE, PSTYLE, OUTLINE = (W + n for n in ("b", "rStyle", "pStyle", "outlineLvl"))
NAME, BASED_ON, LINK = (W + n for n in ("name", "basedOn", "link"))
TRPR, TCPR, GRID_BEFORE = (W + n for n in ("trPr", "tcPr", "gridBefore"))
GRID_SPAN, VMERGE, HMERGE = (W + n for n in ("gridSpan", "vMerge", "hMerge"))
NO_BREAK_HYPHEN, SYM = W + "noBreakHyphen", W + "sym"

_FALSE = frozenset({"0", "false", "off"})
#: An attribute's number as Word writes one (no table spans thousands of columns; a
#: longer string of digits is damage, and int() of a huge one raises).
_SMALL_NUMBER = re.compile(r"[0-9]{1,4}")


def flag(element: Any) -> bool | None:
    """A toggle property (``w:b``): on unless ``w:val`` says 0/false/off; ``None`` when
    absent."""
    if element is None:
        return None
    return (element.get(VAL) or "1").lower() not in _FALSE


def outline(element: Any) -> int | None:
    """A heading level from ``w:outlineLvl`` (0 is level 1; 9 is body text, level 0)."""
    if element is None:
        return None
    value = element.get(VAL) or ""
    if not _SMALL_NUMBER.fullmatch(value):
        return None
    return int(value) + 1 if int(value) < 9 else 0


def small_number(element: Any, default: int) -> int:
    """The number in ``w:val`` (a span, a count of grid columns), else ``default``."""
    if element is None:
        return default
    value = element.get(VAL) or ""
    return int(value) if _SMALL_NUMBER.fullmatch(value) else default
