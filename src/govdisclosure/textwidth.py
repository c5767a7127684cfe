"""How wide text stands in a terminal or a monospaced file: East Asian wide and
full-width characters take two columns, combining marks none.

The text renderer aligns its tables by it and the text reader finds where a cell stands
on its line by it; both import it from here, so that neither imports the other.

>>> display_width("总计"), display_width("Total"), display_width("e\\u0301")
(4, 5, 1)
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["display_width"]


@functools.lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


#: Texts up to this long are remembered (labels and figures repeat); a longer one would
#: keep its memory held by the cache.
_REMEMBERED = 64


def display_width(text: str) -> int:
    """How many columns ``text`` takes."""
    if text.isascii():
        return len(text)
    if len(text) > _REMEMBERED:
        return sum(map(_char_width, text))
    return _short_width(text)


@functools.lru_cache(maxsize=8192)
def _short_width(text: str) -> int:
    return sum(map(_char_width, text))
