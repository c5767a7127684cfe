"""Text laid out by display width (see :mod:`govdisclosure.textwidth`): padded to a
width, and wrapped as the printed form wraps a tall cell. With ``east_asian``, widths
are those of a Chinese monospaced font (“” and other characters of ambiguous width are
wide).

>>> pad("总计", 6, "right"), wrap("政府信息公开申请", 8)
('  总计', ['政府信息', '公开申请'])
"""

from __future__ import annotations

import re

from govdisclosure.textwidth import display_width

__all__ = ["longest_word", "pad", "wrap"]


def pad(text: str, width: int, align: str = "left", *, east_asian: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (``left``, ``right``, ``center``)."""
    gap = max(0, width - display_width(text, east_asian=east_asian))
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


# A line may break after any wide (Chinese) character, and between Latin words; never
# before closing punctuation (a line does not begin with ”，。） and the like: 避头点).
_TOKEN = re.compile(r"[\u2e80-\uffef]|[^\s\u2e80-\uffef]+\s*|\s+")
_CLOSING = frozenset("”’）》」』】〕〉，。、；：！？·…")


def _tokens(text: str) -> list[str]:
    """The pieces a line may break between: a token that opens with closing punctuation
    stays with the one before it."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if tokens and token[0] in _CLOSING and not tokens[-1].isspace():
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def longest_word(text: str, *, east_asian: bool = False) -> int:
    """The width of the widest piece of ``text`` that cannot be broken."""
    return max(
        (display_width(t.rstrip(), east_asian=east_asian) for t in _tokens(text)),
        default=0,
    )


def wrap(text: str, width: int, *, east_asian: bool = False) -> list[str]:
    """``text`` cut into lines of at most ``width`` columns: after any Chinese character,
    between Latin words, and inside a word only when it is wider than a line."""
    lines: list[str] = []
    line, used = "", 0
    for piece in _tokens(text):
        token = piece
        w = display_width(token.rstrip(), east_asian=east_asian)
        if line and used + w > width:
            lines.append(line.rstrip())
            line, used = "", 0
        while w > width:  # a word wider than the line: cut it
            head = ""
            for ch in token:
                if display_width(head + ch, east_asian=east_asian) > width:
                    break
                head += ch
            lines.append(head)
            token = token[len(head) :]
            w = display_width(token.rstrip(), east_asian=east_asian)
        line += token
        used += display_width(token, east_asian=east_asian)
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines
