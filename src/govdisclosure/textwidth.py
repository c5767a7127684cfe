"""How wide text stands in a terminal or a monospaced file: East Asian wide and
full-width characters take two columns, combining marks none.

Characters of East Asian *ambiguous* width (“” ‘’ … · — ° ① and others: Unicode's
``east_asian_width`` "A") take two columns in a Chinese monospaced font and one in a
Western one: pass ``east_asian=True`` to measure them as Chinese text is shown.

The text renderer aligns its tables by it and the text reader finds where a cell stands
on its line by it; both import it from here, so that neither imports the other.

>>> display_width("总计"), display_width("Total"), display_width("e\\u0301")
(4, 5, 1)
>>> display_width("“三安全”"), display_width("“三安全”", east_asian=True)
(8, 10)
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["display_width"]

_WIDE = frozenset(("W", "F"))
_WIDE_IN_EAST_ASIA = frozenset(("W", "F", "A"))


@functools.lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in _WIDE else 1


@functools.lru_cache(maxsize=4096)
def _east_asian_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in _WIDE_IN_EAST_ASIA else 1


#: Texts up to this long are remembered (labels and figures repeat); a longer one would
#: keep its memory held by the cache.
_REMEMBERED = 64


def display_width(text: str, *, east_asian: bool = False) -> int:
    """How many columns ``text`` takes; with ``east_asian``, in a Chinese monospaced
    font (characters of ambiguous width are wide)."""
    if text.isascii():
        return len(text)
    if len(text) > _REMEMBERED:
        return sum(map(_east_asian_width if east_asian else _char_width, text))
    return _short_width(text, east_asian)


@functools.lru_cache(maxsize=8192)
def _short_width(text: str, east_asian: bool) -> int:
    return sum(map(_east_asian_width if east_asian else _char_width, text))
