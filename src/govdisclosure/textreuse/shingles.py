"""Text as a reuse measure sees it: normalised so that a copy with the year and a few
figures changed is still a copy, cut into character shingles, and winnowed to a few
fingerprints for the index.

Chinese has no spaces between words, so the unit is the character: a *shingle* is a run
of :data:`K` consecutive characters of the normalised text. Normalising keeps the letters
(CJK and Latin, lower-cased) and drops everything a copier changes or a typesetter varies:
punctuation and spaces (full- or half-width, NFKC), and every run of digits, which
becomes one ``0`` — "2022年共收到申请17件" and "2023 年共收到申请 23 件" read the same.
Chinese numerals are kept: they are words ("一是", "进一步") as often as figures. The
report's own organ name reads as one ``@``, so two departments' copies of one paragraph
match whatever organ each names. Each normalised character remembers where it stood in
the text, so that a passage found in normalised text is quoted as printed.

Shingles are hashed with CRC-32 (the same in every process: Python's own ``hash`` of a
``str`` is salted per process, and the fingerprints chosen would differ from run to run).
*Winnowing* (Schleimer, Wilkerson and Aiken, 2003) keeps, of every :data:`WINDOW`
consecutive shingle hashes, the smallest: about 2/(WINDOW+1) of them, and every run of
``WINDOW + K - 1`` characters two texts share gives both at least one common
fingerprint — the guarantee that lets an index of fingerprints find every copied
passage of that length.

>>> printed = "2022年，我局共收到申请17件。"
>>> text = normalise(printed, organ="我局")
>>> text.chars
'0年@共收到申请0件'
>>> start, end = text.span(2, 8)
>>> printed[start:end]
'我局共收到申请'
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Iterable
from typing import Final

from attrs import frozen

__all__ = ["WINDOW", "K", "Normalised", "fingerprints", "normalise", "shingles"]

#: The length of a shingle, in normalised characters. Five CJK characters are about two
#: words: long enough that two unrelated texts rarely share one by chance (unlike two
#: or three characters, "公开", "信息公"), short enough that a changed word breaks
#: only five of them.
K: Final = 5
#: The winnowing window: every shared run of WINDOW + K - 1 = 8 normalised characters
#: gives a shared fingerprint.
WINDOW: Final = 4


@frozen
class Normalised:
    """A text normalised: its characters, and for each where it stood in the text
    (``starts[i]`` to ``ends[i]``)."""

    chars: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Where normalised characters ``first`` to ``last`` (exclusive) stand in the
        text, as a slice."""
        return self.starts[first], self.ends[last - 1]


def normalise(text: str, organ: str | None = None) -> Normalised:
    """``text`` as shingles see it (see the module's documentation); ``organ`` (the
    report's organ name), wherever it stands, reads as one ``@``."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    folded = unicodedata.normalize("NFKC", text) if not text.isascii() else text
    # NFKC can change a text's length (rarely: ligatures); positions then fall back to
    # the folded text's, which is the same for every character that matters here.
    source = folded if len(folded) == len(text) else text
    for at, ch in enumerate(source):
        if ch.isalpha():  # CJK and Latin letters (Unicode category L)
            chars.append(ch.lower())
            starts.append(at)
            ends.append(at + 1)
        elif ch.isdecimal():
            if chars and chars[-1] == "0" and ends[-1] == at:
                ends[-1] = at + 1  # the same run of digits
            else:
                chars.append("0")
                starts.append(at)
                ends.append(at + 1)
    result = Normalised("".join(chars), tuple(starts), tuple(ends))
    return _organ_as_mark(result, organ) if organ else result


def _organ_as_mark(text: Normalised, organ: str) -> Normalised:
    name = normalise(organ).chars
    if len(name) < 2 or name not in text.chars:
        return text
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text.chars):
        if text.chars.startswith(name, i):
            chars.append("@")
            starts.append(text.starts[i])
            ends.append(text.ends[i + len(name) - 1])
            i += len(name)
        else:
            chars.append(text.chars[i])
            starts.append(text.starts[i])
            ends.append(text.ends[i])
            i += 1
    return Normalised("".join(chars), tuple(starts), tuple(ends))


def shingles(chars: str, masked: Iterable[int] = ()) -> list[int]:
    """The hash of every shingle of ``chars``, in order; a shingle that covers a masked
    position (boilerplate) hashes to -1."""
    data = chars.encode("utf-32-le")
    view = memoryview(data)
    width = 4 * K
    hashes = [zlib.crc32(view[4 * i : 4 * i + width]) for i in range(len(chars) - K + 1)]
    for position in masked:
        for i in range(max(0, position - K + 1), min(position + 1, len(hashes))):
            hashes[i] = -1
    return hashes


def fingerprints(hashes: list[int]) -> set[int]:
    """The hashes winnowing keeps (the smallest of every WINDOW in a row; masked
    shingles are never kept)."""
    kept: set[int] = set()
    usable = [h if h >= 0 else 1 << 40 for h in hashes]
    last = len(usable) - WINDOW
    if last < 0:
        kept.update(h for h in hashes if h >= 0)
        return kept
    for i in range(last + 1):
        smallest = min(usable[i : i + WINDOW])
        if smallest < 1 << 40:
            kept.add(smallest)
    return kept
