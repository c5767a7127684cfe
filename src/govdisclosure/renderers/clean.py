"""Text every output format can hold.

A report's text can carry characters no document format accepts — control characters
that came with text extracted from a PDF, Unicode noncharacters. The format-neutral
document and grids pass all text through :func:`printable`, so that every renderer gets
text it can write (XML, HTML and plain text alike).
"""

from __future__ import annotations

import re

from govdisclosure.text import Span

__all__ = ["NONCHARACTERS", "printable", "printable_spans"]

#: Unicode's 66 noncharacters, as the inside of a regular expression's character class:
#: U+FDD0 to U+FDEF, and the last two code points of each of the 17 planes.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)

# Characters no document format can hold: control characters other than tab and line
# breaks (a PDF's text can carry them into a report), and Unicode noncharacters.
_UNPRINTABLE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{NONCHARACTERS}]")


def printable(text: str) -> str:
    """``text`` without the characters no output format can hold (control characters
    other than tab and line breaks, noncharacters); everything else as written.

    >>> printable("中\x1f宁\x7f\U0002fffe")
    '中宁'
    """
    return _UNPRINTABLE.sub("", text) if not text.isprintable() else text


def printable_spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """``spans`` with their text made :func:`printable` (the same spans when it is)."""
    if all(span.text.isprintable() for span in spans):
        return spans
    return tuple(Span(printable(span.text), span.bold) for span in spans if printable(span.text))
