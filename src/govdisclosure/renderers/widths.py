"""Display width of text in a terminal or a monospaced file: East Asian wide and
full-width characters take two columns.

>>> display_width("总计"), display_width("Total"), pad("总计", 6, "right")
(4, 5, '  总计')
"""

from __future__ import annotations

import unicodedata

__all__ = ["display_width", "pad", "wrap"]


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many columns ``text`` takes."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def pad(text: str, width: int, align: str = "left") -> str:
    """``text`` padded with spaces to ``width`` columns (``left``, ``right``, ``center``)."""
    gap = max(0, width - display_width(text))
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def wrap(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` columns (at any character: Chinese
    has no spaces to break at)."""
    lines: list[str] = []
    line, used = "", 0
    for ch in text:
        w = _char_width(ch)
        if line and used + w > width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    if line or not lines:
        lines.append(line)
    return lines
