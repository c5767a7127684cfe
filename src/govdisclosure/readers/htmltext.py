"""The text of a web page as a browser shows it: white space collapsed, bold runs, and
the text of a table cell.

White space is collapsed as a browser shows it: a line break in the source between two
Chinese characters vanishes (the source line was wrapped there), any other run of white
space is one space; non-breaking and ideographic spaces are kept, as a page prints them
on purpose. Runs set in ``b``, ``strong`` or ``font-weight: bold`` are bold.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from govdisclosure.readers.sitechrome import CHROME_TAGS, hidden
from govdisclosure.text import Span

__all__ = ["BLOCK_TAGS", "bold", "cell_text", "collapse", "collapsed", "spans"]

#: Elements that end the paragraph before them and start a new one.
# fmt: off
BLOCK_TAGS = frozenset((
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "hgroup", "hr", "html", "li",
    "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
))
# fmt: on
_BOLD_TAGS = frozenset({"b", "strong"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[7-9]00)\b", re.I)
_NORMAL_STYLE = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-5]00)\b", re.I)
#: White space HTML collapses (not U+00A0 or U+3000, which a page prints on purpose).
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_COLLAPSIBLE = re.compile(r"[\t\n\r\f]|  ")
#: Marks the edge of a cell of a table inside a cell, while its text is collapsed.
_CELL_EDGE = "\ue000"
_CELL_EDGES = re.compile(r"\s*\ue000[\ue000\s]*")
#: What a cell's text may hold and still read as it stands (no white space to collapse
#: or strip, no cell edge): \s is str.isspace, non-breaking and ideographic spaces too.
_NOT_PLAIN = re.compile(r"[\s\ue000]")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _replacement(text: str, start: int, end: int) -> str:
    """What the run of white space ``text[start:end]`` shows as: nothing for a line break
    between two wide (Chinese) characters, where a source line was wrapped, else a space."""
    run = text[start:end]
    wrapped = ("\n" in run or "\r" in run) and start > 0 and end < len(text)
    return "" if wrapped and _wide(text[start - 1]) and _wide(text[end]) else " "


def collapse(text: str) -> str:
    """``text`` with its white space collapsed as a browser shows it."""
    return _HTML_SPACE.sub(lambda match: _replacement(text, *match.span()), text)


def collapsed(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A paragraph's pieces of text with the white space collapsed across them, each
    run replaced in the piece it starts in (so pieces keep their places)."""
    text = "".join(piece for piece, _ in pieces)
    if not _COLLAPSIBLE.search(text):
        return pieces
    kept = list(text)
    for match in _HTML_SPACE.finditer(text):
        start, end = match.span()
        kept[start] = _replacement(text, start, end)
        kept[start + 1 : end] = [""] * (end - start - 1)
    out = []
    position = 0
    for piece, is_bold in pieces:
        out.append(("".join(kept[position : position + len(piece)]), is_bold))
        position += len(piece)
    return out


def spans(pieces: Sequence[tuple[str, bool]]) -> tuple[Span, ...]:
    """Spans of the pieces, neighbours of the same weight merged, empty ones dropped."""
    merged: list[Span] = []
    for piece, is_bold in pieces:
        if not piece:
            continue
        if merged and merged[-1].bold == is_bold:
            merged[-1] = Span(merged[-1].text + piece, is_bold)
        else:
            merged.append(Span(piece, is_bold))
    return tuple(merged)


def bold(element: Any, tag: str, inherited: bool) -> bool:
    """Whether the text of ``element`` is bold: by its tag or style, else as the text
    around it (``inherited``)."""
    style = element.get("style") or ""
    if tag in _BOLD_TAGS or _BOLD_STYLE.search(style):
        return True
    if _NORMAL_STYLE.search(style):
        return False
    return inherited


def cell_text(element: Any) -> str:
    """The text of a table cell, stripped: line breaks and the boundaries of paragraphs
    as white space (collapsed as in a paragraph: nothing between Chinese characters),
    non-breaking and ideographic spaces as spaces, and the cells of a table inside it
    flattened, a space between each two."""
    if not len(element):  # text alone, as most cells: plain unless it holds white space
        text = element.text or ""
        if not _NOT_PLAIN.search(text):
            return text
    parts: list[str] = [element.text or ""]

    def collect(node: Any) -> None:
        for child in node:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and not (tag in CHROME_TAGS or hidden(child)):
                # Cells inside stand apart: their boundary is a space whatever is around.
                edge = _CELL_EDGE if tag in ("td", "th") else "\n"
                if tag == "br" or tag in BLOCK_TAGS:
                    parts.append(edge)
                parts.append(child.text or "")
                collect(child)
                if tag in BLOCK_TAGS:
                    parts.append(edge)
            parts.append(child.tail or "")

    collect(element)
    text = "".join(parts).replace("\u00a0", " ").replace("\u3000", " ")
    return _CELL_EDGES.sub(" ", collapse(text)).strip()
