"""Reading the year the prose gives as the year of the work (rule P5): "2022年，我局…",
"2022年度共收到…", "2022年共…" in a report on 2023 is text carried over from an earlier
report.

A year is read as the year of the work when it opens a sentence or a clause and is
followed by what shows it names the period of the work (a comma, "共", "全年", "我",
"本", "新收"…: :data:`~.phrases.YEAR_FOLLOWERS`, the words P4 reads too). Other years in
prose are not read: a regulation's year ("2019年修订", "自2019年起" — not opening a
clause, or followed by other words), a date ("2023年1月15日": followed by a figure), a
document number (〔2022〕: no 年), a title (《2022年…》: inside book-title marks), a
comparison ("较2022年", "与2022年相比"), a sentence that names the report year as well
(it speaks of two years), and later years, which are plans or the date of publication
("2024年将…"). Sections 五 and 六 are not read: they look back at last year's problems
and ahead at next year's plans. A "X年度" that P4 reads as the statistical period is
left to P4.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from govdisclosure.categories import Section
from govdisclosure.checker.builtin.prose.phrases import SENTENCE_ENDS, SPACES, YEAR_FOLLOWERS
from govdisclosure.checker.builtin.prose.reading import Place, Statement, statements
from govdisclosure.checker.context import Context, paragraph_groups

__all__ = ["WORK_YEAR", "work_years"]

#: A four-digit year (half- or full-width) and 年 or 年度, spaces allowed before 年.
WORK_YEAR: Final = re.compile(
    rf"(?<![0-9\uff10-\uff19])(?P<year>[0-9\uff10-\uff19]{{4}})[{SPACES}]*年(?P<du>度)?"
)
#: What may stand before a year that opens a sentence or a clause.
_OPENERS: Final = frozenset(SENTENCE_ENDS + "；;，,：:")
#: Sections that look back and ahead (see the module's documentation).
_NOT_READ: Final = (Section.PROBLEMS, Section.OTHER)


def work_years(ctx: Context) -> list[tuple[Statement, int]]:
    """The years the prose of ``ctx``'s report gives as the year of the work, each with
    the report year (what it should be), read once per run."""
    found: list[tuple[Statement, int]] | None = ctx.memo.get("prose-work-years")
    if found is None:
        found = ctx.memo["prose-work-years"] = _read(ctx)
    return found


def _read(ctx: Context) -> list[tuple[Statement, int]]:
    year = ctx.report.year
    # The years P4 reads as the statistical period ("2020 年度，…"): left to it.
    periods = {(s.place, s.start) for s, _ in statements(ctx).dated if s.kind == "year"}
    found: list[tuple[Statement, int]] = []
    for group, paragraphs in paragraph_groups(ctx.report):
        if group[0] in _NOT_READ:
            continue
        for i, paragraph in enumerate(paragraphs):
            text = paragraph.text
            if "年" in text:
                found += _years_in((group, i), text, year, periods)
    return found


def _years_in(
    place: Place, text: str, year: int, periods: set[tuple[Place, int]]
) -> list[tuple[Statement, int]]:
    found = []
    for m in _work_year_matches(text):
        stated = int(m["year"])  # int() reads full-width digits too
        end = m.end()
        nian = m.end() - (2 if m["du"] else 1)
        if stated > year or (place, nian) in periods or not _opens(text, m.start()):
            continue
        if not text.startswith(YEAR_FOLLOWERS, _skip_spaces(text, end)):
            continue
        statement = Statement("work_year", place, stated, text, m.start(), end)
        if stated != year and _names_two_years(text, m.start(), year):
            continue
        found.append((statement, year))
    return found


def _work_year_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``WORK_YEAR.finditer(text)`` finds, found from each 年 instead: the pattern
    opens with a look-behind, so the regular expression engine would try it at every
    character of the paragraph (some 40 ns each: most of the prose rules' time); a year
    ends at a 年, which ``str.find`` finds in C, and the pattern is then matched where
    its four digits must start."""
    at = text.find("年")
    while at >= 0:
        start = at
        while start > 0 and text[start - 1] in SPACES:
            start -= 1
        if start >= 4 and (m := WORK_YEAR.match(text, start - 4)) is not None:
            yield m
        at = text.find("年", at + 1)


def _opens(text: str, start: int) -> bool:
    """Whether the year at ``start`` opens its paragraph, a sentence or a clause."""
    before = start
    while before > 0 and text[before - 1] in SPACES:
        before -= 1
    return before == 0 or text[before - 1] in _OPENERS


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in SPACES:
        at += 1
    return at


def _names_two_years(text: str, start: int, year: int) -> bool:
    """Whether the sentence around ``start`` also names the report year (then it speaks
    of two years, one of them not the year of the work)."""
    first = start
    while first > 0 and text[first - 1] not in SENTENCE_ENDS:
        first -= 1
    last = start
    while last < len(text) and text[last] not in SENTENCE_ENDS:
        last += 1
    sentence = text[first:last]
    digits = sentence.translate(_HALF_WIDTH)
    return str(year) in digits or "本年" in sentence or "今年" in sentence


_HALF_WIDTH: Final = {0xFF10 + d: 0x30 + d for d in range(10)}
