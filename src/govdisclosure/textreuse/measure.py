"""How much of one part's wording is found in another, and the passage to quote.

The measure is *containment*: the share of a part's shingles (boilerplate and common
wording left out) that are also shingles of the other part. Not Jaccard similarity
(shared over all the shingles of both): a section copied from last year and then given
a paragraph of this year's news keeps a high containment but its Jaccard similarity
falls with every sentence added, and 内容雷同 is about what was taken, whatever was
added. A part is reported as reused when at least :data:`THRESHOLD` (half) of its
shingles are found in the other part, and at least :data:`MIN_SHARED` shingles (some
34 normalised characters, a sentence) are shared: an organ describing the same
standing arrangements again shares its stock phrases, a quarter of its wording at most
in the invented tests, not half; and a part of a few words is not "copied" by sharing
them.

The quote is the longest run of normalised characters the two parts share outside the
boilerplate (:mod:`difflib`, on that one pair only), printed as the report prints it.
"""

from __future__ import annotations

import difflib
from fractions import Fraction
from typing import Final

from attrs import frozen

from govdisclosure.textreuse.units import Profile, Unit

__all__ = ["MIN_SHARED", "QUOTE_LIMIT", "THRESHOLD", "Match", "Passage", "measure", "quotes"]

#: The share of a part's wording found in another that makes it reused.
THRESHOLD: Final = Fraction(1, 2)
#: The fewest shingles two parts must share to be reported.
MIN_SHARED: Final = 30
#: The longest quote, in printed characters (a longer passage is cut, with "…").
QUOTE_LIMIT: Final = 60


@frozen
class Passage:
    """A part of one report: which report (its index among those compared, its organ and
    year) and which part."""

    report: int
    organ: str
    year: int
    unit: Unit

    def name(self, locale: str = "zh_CN") -> str:
        """ "示例县民政局 2022 年报告 五、存在的主要问题及改进情况"."""
        if locale.startswith("en"):
            return f"{self.organ}, report on {self.year}, {self.unit.name(locale)}"
        return f"{self.organ} {self.year} 年报告 {self.unit.name(locale)}"


@frozen
class Match:
    """A part (``copy``) much of whose wording is found in another (``source``).

    ``share`` is the share of the copy's shingles found in the source; ``source_share``
    the share of the source's found in the copy; ``shared`` how many shingles they share;
    ``quote`` the longest shared passage as the copy prints it, ``source_quote`` as the
    source prints it.
    """

    copy: Passage
    source: Passage
    share: Fraction
    source_share: Fraction
    shared: int
    quote: str
    source_quote: str

    @property
    def percent(self) -> int:
        """``share`` as a whole percentage (rounded down: never overstated)."""
        return int(self.share * 100)


def measure(copy: Profile, source: Profile) -> tuple[int, Fraction, Fraction]:
    """The shingles ``copy`` and ``source`` share, and the share of each one's found in
    the other."""
    shared = len(copy.counted & source.counted)
    if not shared:
        return 0, Fraction(0), Fraction(0)
    return shared, Fraction(shared, len(copy.counted)), Fraction(shared, len(source.counted))


def reused(shared: int, share: Fraction, threshold: Fraction = THRESHOLD) -> bool:
    """Whether ``share`` and ``shared`` make a part reused."""
    return shared >= MIN_SHARED and share >= threshold


def quotes(copy: Profile, source: Profile) -> tuple[str, str]:
    """The longest passage the two parts share outside their boilerplate, as each
    prints it (cut to :data:`QUOTE_LIMIT` characters)."""
    # Boilerplate becomes a character that matches nothing on the other side.
    a = _blanked(copy, "\x00")
    b = _blanked(source, "\x01")
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    run = matcher.find_longest_match(0, len(a), 0, len(b))
    if run.size == 0:
        return "", ""
    return (
        _printed(copy, run.a, run.a + run.size),
        _printed(source, run.b, run.b + run.size),
    )


def _blanked(part: Profile, mark: str) -> str:
    if not part.masked:
        return part.text.chars
    chars = list(part.text.chars)
    for position in part.masked:
        if position < len(chars):
            chars[position] = mark
    return "".join(chars)


def _printed(part: Profile, first: int, last: int) -> str:
    start, end = part.text.span(first, last)
    text = part.unit.text[start:end].replace("\n", " ")
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…"
