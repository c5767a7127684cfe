"""Text from a document made harmless in a spreadsheet.

An organ's name, a quoted sentence or a row label comes from a published document, which
anyone can write. A spreadsheet program takes a CSV field that begins with ``=``, ``+``,
``-`` or ``@`` (or a tab, a carriage return or a line feed, or their full-width forms,
which Chinese input methods type) for a formula, and a formula can run commands or send
data away ("CSV injection"). Following OWASP's advice, such a field is written with a
single quote before it, which the spreadsheet shows as text. A field that begins with a
quote gets one more, so that dropping one leading quote always gives the text back
(:func:`restore`).

>>> neutralise("=HYPERLINK(\\"http://example.com\\")"), neutralise("－5"), neutralise("民政局")
('\\'=HYPERLINK("http://example.com")', "'－5", '民政局')
>>> restore(neutralise("'quoted")), restore(neutralise("@SUM(A1)"))
("'quoted", '@SUM(A1)')

In an Excel workbook the cell's type says what it is: such a text is written as a text
cell, with the "quote prefix" Excel itself gives a text typed with a leading quote, so it
stays text even when someone edits the cell; its value is the text itself.
"""

from __future__ import annotations

from typing import Final

__all__ = ["TRIGGERS", "is_risky", "neutralise", "restore"]

#: The first characters that make a spreadsheet read a field as a formula.
# The full-width forms, as escapes: they look like the ASCII ones.
TRIGGERS: Final = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
#: A text that begins with a quote gets one more (see the module's documentation).
_QUOTE: Final = "'"
_PREFIXED: Final = TRIGGERS | {_QUOTE}


def is_risky(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula."""
    return text[:1] in TRIGGERS


def neutralise(text: str) -> str:
    """``text`` as a CSV field no spreadsheet takes for a formula (see the module)."""
    return _QUOTE + text if text[:1] in _PREFIXED else text


def restore(text: str) -> str:
    """The text :func:`neutralise` was given, from what it made."""
    return text[1:] if text[:1] == _QUOTE else text
