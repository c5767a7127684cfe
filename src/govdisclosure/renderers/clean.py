"""Text every output format can hold.

A report's text can carry characters no document format accepts — control characters
that came with text extracted from a PDF, Unicode noncharacters. The format-neutral
document and grids pass all text through :func:`printable`, so that every renderer gets
text it can write (XML, HTML and plain text alike).
"""

from __future__ import annotations

import re

from govdisclosure.text import Span

__all__ = ["printable", "printable_spans"]

# Characters no document format can hold: control characters other than tab and line
# breaks (a PDF's text can carry them into a report), and Unicode noncharacters.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0010fffe\U0010ffff]"
)


def printable(text: str) -> str:
    """``text`` without the characters no output format can hold (control characters
    other than tab and line breaks, noncharacters); everything else as written.

    >>> printable("中\x1f宁\x7f")
    '中宁'
    """
    return _UNPRINTABLE.sub("", text) if not text.isprintable() else text


def printable_spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """``spans`` with their text made :func:`printable` (the same spans when it is)."""
    if all(span.text.isprintable() for span in spans):
        return spans
    return tuple(Span(printable(span.text), span.bold) for span in spans if printable(span.text))
