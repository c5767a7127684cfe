"""What the prose rules read from a report: statements, the paragraphs they are in, and the
bounds of the sentence or clause a finding quotes.

A paragraph is a :data:`Place`, (group, paragraph): the groups are the preamble, the
overview's intro, each subsection of the overview, section 五 and section 六, in order.
A place is named (its Location built) only when a finding or an outcome needs it.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from govdisclosure.categories import Section
from govdisclosure.checker.builtin.prose.phrases import (
    CLAUSE_END,
    LAST_CLAUSE_END,
    LAST_SENTENCE_END,
    SENTENCE_END,
    SPACES,
)
from govdisclosure.checker.findings import Location
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.report import AnnualReport

__all__ = [
    "Place",
    "Statement",
    "Statements",
    "calendar",
    "clause_bounds",
    "find",
    "sentence_bounds",
    "start_of",
]

#: A paragraph: (group, paragraph), the groups in the order the module docstring lists.
Place = tuple[int, int]
_PREAMBLE, _INTRO, _SUBSECTION, _PROBLEMS, _OTHER = range(5)


# --- where a statement is ---------------------------------------------------------------


def _under(base: Location, suffix: str, title: str | None = None) -> Location:
    # Named as Context.prose() names its paragraphs (a test keeps the two the same);
    # building only the few that hold a statement keeps the rules cheap.
    name_zh = base.name_zh + (f"（{title.rstrip('。：:')}）" if title else "")
    return base.renamed(name_zh, json_path=base.json_path + suffix)


@functools.lru_cache(maxsize=4096)
def _locate(part: int, s: int, i: int, title: str | None) -> Location:
    # Cached: reports share their places and, mostly, their subsection titles.
    if part == _PREAMBLE:
        return Location.of_field(f"$.report.preamble.paragraphs[{i}]", _("前言"))
    if part == _INTRO:
        return _under(Location.of_section(Section.OVERVIEW), f".intro[{i}]")
    if part == _SUBSECTION:
        return _under(
            Location.of_section(Section.OVERVIEW), f".subsections[{s}].paragraphs[{i}]", title
        )
    section = Section.PROBLEMS if part == _PROBLEMS else Section.OTHER
    return _under(Location.of_section(section), f"[{i}]")


def find(text: str, word: str, start: int = 0) -> int:
    """``text.find(word, start)``, faster: finding one character is a memchr, finding two
    is a slower scan, so the last character of ``word`` is found first."""
    last, before = word[-1], len(word) - 1
    at = text.find(last, start + before)
    while at != -1 and not text.startswith(word, at - before):
        at = text.find(last, at + 1)
    return at if at == -1 else at - before


def start_of(text: str, at: int, last_end: re.Pattern[str]) -> int:
    """Where the sentence or clause holding ``at`` starts: after the last end before it."""
    lo = at - 160 if at > 160 else 0  # look near first: most sentences are short
    m = last_end.match(text, lo, at)
    if m is None and lo:
        m = last_end.match(text, 0, lo)
    return m.end() if m else 0


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]``."""
    found = SENTENCE_END.search(text, end)
    return start_of(text, start, LAST_SENTENCE_END), found.start() if found else len(text)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around ``text[start:end]``."""
    found = CLAUSE_END.search(text, end)
    return start_of(text, start, LAST_CLAUSE_END), found.start() if found else len(text)


@functools.lru_cache(maxsize=64)
def calendar(year: int) -> str:
    """The calendar year as an ISO interval, as P4 reports periods: "2020-01-01/2020-12-31"."""
    return f"{year:04d}-01-01/{year:04d}-12-31"


# --- the statements of one report -------------------------------------------------------


class Statement(NamedTuple):
    """A statement read from the prose: what it is about, where, the figure it gives (or
    implies: 0 for "未收到申请"), and where its words are in the paragraph's text."""

    kind: str
    place: Place
    figure: int | str
    text: str
    start: int
    end: int
    #: Whether the quote is the clause (for a count) rather than the sentence.
    clause: bool = False

    @property
    def quote(self) -> str:
        """The words quoted in a finding: the sentence, or for a count its clause (worked
        out only for findings: most statements hold)."""
        bounds = clause_bounds if self.clause else sentence_bounds
        first, last = bounds(self.text, self.start, self.end)
        return self.text[first:last].strip(SPACES)


class Statements:
    """Every statement the prose rules read in one report, with the places they are at."""

    __slots__ = ("_locations", "all_done", "dated", "figures", "none", "report", "year")

    def __init__(self, report: AnnualReport) -> None:
        self.report = report
        self.year = report.year
        self.none: list[Statement] = []
        self.figures: list[Statement] = []
        self.all_done: list[Statement] = []
        #: P4: each "period" or "year" statement with the figure it should give.
        self.dated: list[tuple[Statement, int | str]] = []
        self._locations: dict[Place, Location] = {}

    def location(self, place: Place) -> Location:
        """The location of the paragraph at ``place`` (built once)."""
        located = self._locations.get(place)
        if located is None:
            group, i = place
            subsections = self.report.overview.subsections
            if group < _SUBSECTION:
                located = _locate(group, 0, i, None)
            elif group < _SUBSECTION + len(subsections):
                s = group - _SUBSECTION
                located = _locate(_SUBSECTION, s, i, subsections[s].title)
            else:
                part = _PROBLEMS if group == _SUBSECTION + len(subsections) else _OTHER
                located = _locate(part, 0, i, None)
            self._locations[place] = located
        return located
