"""Reading the statements of one report's prose: where the words of :mod:`.phrases` stand,
which of them make a statement the rules compare, and what figure each gives.

Only explicit statements are read (see :mod:`govdisclosure.checker.builtin.prose`). Each
kind of statement is looked for from its literal anchor, and only in the paragraphs that
hold it: most paragraphs speak of none of them. A statement's paragraph is named (its
Location built) only when an outcome needs it.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from govdisclosure.categories import Section
from govdisclosure.checker.builtin.prose.phrases import (
    ALL_DONE_LEAD,
    COMPARISONS,
    COUNT_ENDS,
    COUNT_LEAD,
    DONE,
    FORWARD_TRAIL,
    HANDLED_LEAD,
    LAST_CLAUSE_END,
    LAST_SENTENCE_END,
    NEW_TRAIL,
    NONE_RECEIVED,
    NOT_THIS_TOTAL,
    NUMERALS,
    OFF_TOPIC,
    PERIOD,
    PLANS,
    SENTENCE_ENDS,
    SPACES,
    VERB_LEAD,
    YEAR_ENDS,
    YEAR_FOLLOWERS,
    clause_bounds,
    find,
    number,
    sentence_bounds,
    start_of,
)
from govdisclosure.checker.context import Context, Group, paragraph_groups, paragraph_location
from govdisclosure.checker.findings import Location

__all__ = ["Statement", "Statements", "calendar", "statements"]

#: A paragraph: its group and its index in the group.
Place = tuple[Group, int]
#: The sections that speak of the years ahead (their periods and years are not read).
_LOOKING_AHEAD = (Section.PROBLEMS, Section.OTHER)


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
    def location(self) -> Location:
        """The location of the statement's paragraph."""
        return paragraph_location(*self.place)

    @property
    def quote(self) -> str:
        """The words quoted in a finding: the sentence, or for a count its clause (worked
        out only for findings: most statements hold)."""
        bounds = clause_bounds if self.clause else sentence_bounds
        first, last = bounds(self.text, self.start, self.end)
        return self.text[first:last].strip(SPACES)


class Statements:
    """Every statement the prose rules read in one report."""

    __slots__ = ("all_done", "dated", "figures", "none", "year")

    def __init__(self, year: int) -> None:
        self.year = year
        self.none: list[Statement] = []
        self.figures: list[Statement] = []
        self.all_done: list[Statement] = []
        #: P4: each "period" or "year" statement with the figure it should give.
        self.dated: list[tuple[Statement, int | str]] = []


@functools.lru_cache(maxsize=64)
def calendar(year: int) -> str:
    """The calendar year as an ISO interval, as P4 reports periods: "2020-01-01/2020-12-31"."""
    return f"{year:04d}-01-01/{year:04d}-12-31"


def statements(ctx: Context) -> Statements:
    """The statements of ``ctx``'s report, read once for the four rules of one run."""
    found_before: Statements | None = ctx.memo.get("prose")
    if found_before is None:
        found_before = ctx.memo["prose"] = _read_statements(ctx)
    return found_before


def _read_statements(ctx: Context) -> Statements:
    found = Statements(ctx.report.year)
    for group, paragraphs in paragraph_groups(ctx.report):
        # Sections 五 and 六 look ahead ("2021 年度，将…"): their periods and years are not read.
        dated = group[0] not in _LOOKING_AHEAD
        for i, p in enumerate(paragraphs):
            spans = p.spans
            text = spans[0].text if len(spans) == 1 else p.text
            # Each kind of statement is looked for only in paragraphs that hold its key
            # word; a one-character test first (a memchr: several times faster).
            applications = "申" in text  # 申 is almost only ever in 申请
            if applications or "讼" in text or ("复" in text and "议" in text and "复议" in text):
                _read_applications(found, (group, i), text, applications)
            if dated:
                if "统" in text and "统计" in text:
                    _read_periods(found, (group, i), text)
                if "度" in text and "年度" in text:
                    _read_years(found, (group, i), text)
    return found


def _read_applications(found: Statements, place: Place, text: str, applications: bool) -> None:
    """Counts, and (in paragraphs about applications) "none received" and "all dealt with"."""
    if "件" in text:
        _read_counts(found, place, text, "件")
    if "起" in text and ("讼" in text or "议" in text):
        _read_counts(found, place, text, "起")
    if applications:
        if "未" in text or "没" in text or "无" in text:
            _read_none(found, place, text)
        if ("结" in text and "办结" in text) or ("毕" in text and "完毕" in text):
            _read_all_done(found, place, text)


def _about_applications(gap: str, head: str) -> bool:
    """Whether the words between the verb and 申请 make it an application for disclosure
    ("收到政府信息公开的申请", "收到申请"; not "收到行政许可申请", "受理行政复议申请")."""
    if gap and OFF_TOPIC.search(gap):
        return False
    return head == "依申请公开" or not gap or "公开" in gap


def _this_years_total(text: str, start: int, year: int, clause: int) -> bool:
    """Whether a statement at ``start``, in the clause starting at ``clause``, is about
    this year's total: no part ("其中") or comparison before it in its clause, no other
    year before it in its sentence."""
    if NOT_THIS_TOTAL.search(text, clause, start):
        return False
    sentence = start_of(text, start, LAST_SENTENCE_END)
    at = text.find("年", sentence, start)
    while at != -1:  # "2019 年…": another year's figure
        end = _back(text, at, SPACES, sentence)
        digits = text[end - 4 : end] if end - 4 >= sentence else ""
        if digits.isdecimal() and int(digits) != year:
            return False
        at = text.find("年", at + 1, start)
    return True


def _application_sentence(text: str, start: int, end: int, *, within: str = "sentence") -> bool:
    """Whether the sentence around ``start``–``end`` speaks of nothing else that is counted
    (信访, 复议…), and it (or with ``within="paragraph"`` its paragraph) of applications."""
    first, last = sentence_bounds(text, start, end)
    if OFF_TOPIC.search(text, first, last):
        return False
    return "申请" in (text if within == "paragraph" else text[first:last])


def _read_counts(found: Statements, place: Place, text: str, unit: str) -> None:
    """Every count "N 件" (or "N 起" of cases) whose words say what it counts."""
    at = text.find(unit)
    while at != -1:
        if text[at - 1] in COUNT_ENDS:  # not "文件", "案件": a number before it
            end = _back(text, at, SPACES)
            start = _back(text, end, NUMERALS)
            figure = number(text[start:end]) if start < end else None
            if figure is not None:
                _read_count(found, place, text, (start, at + 1), figure)
        at = text.find(unit, at + 1)


def _back(text: str, end: int, chars: str, lo: int = 0) -> int:
    """Where the run of ``chars`` that ends at ``end`` starts (not before ``lo``)."""
    while end > lo and text[end - 1] in chars:
        end -= 1
    return end


def _read_count(
    found: Statements, place: Place, text: str, span: tuple[int, int], figure: int
) -> None:
    start, after = span
    # The words of a count never cross the start of its clause.
    clause = start_of(text, start, LAST_CLAUSE_END)
    m = COUNT_LEAD.search(text, clause, start)
    while m is not None:
        kind = m.lastgroup or ""
        if _count_of(kind, m, text, clause):
            _add_count(found, place, text, (m.start(), after, clause), (kind, figure))
            return
        m = COUNT_LEAD.search(text, m.start() + 1, start)
    trail = FORWARD_TRAIL.match(text, after)
    if trail is not None and _application_sentence(text, start, trail.end(), within="paragraph"):
        _add_count(found, place, text, (start, trail.end(), clause), ("forward", figure))
        return
    verb = VERB_LEAD.search(text, clause, start)
    trail = NEW_TRAIL.match(text, after) if verb else None
    if verb and trail and _about_applications(trail["gap"], "申请"):
        _add_count(found, place, text, (verb.start(), trail.end(), clause), ("new", figure))


def _count_of(kind: str, m: re.Match[str], text: str, clause: int) -> bool:
    """Whether the words ``m`` before a count make it a count of ``kind``."""
    if kind == "new":
        return _about_applications(m["gap"], m["head"])
    if kind in ("review", "litigation"):  # about disclosure, not the organ's other cases
        first, last = sentence_bounds(text, m.start(), m.end())
        return "公开" in text[first:last]
    # 结转 is said only of applications; 办结 and 答复 also of letters, proposals…
    within = "sentence" if kind == "handled" else "paragraph"
    if not _application_sentence(text, m.start(), m.end(), within=within):
        return False
    if kind == "handled":
        lead = text[clause : m.start()]
        return HANDLED_LEAD.fullmatch("".join(lead.split())) is not None
    return True


def _add_count(
    found: Statements, place: Place, text: str, span: tuple[int, int, int], count: tuple[str, int]
) -> None:
    start, end, clause = span
    kind, figure = count
    if _this_years_total(text, start, found.year, clause):
        found.figures.append(Statement(kind, place, figure, text, start, end, clause=True))


def _read_none(found: Statements, place: Place, text: str) -> None:
    for negation in "未没无":
        at = text.find(negation)
        while at != -1:
            m = NONE_RECEIVED.match(text, at)
            if m is not None and (
                m["bare"] is not None or _about_applications(m["gap"], m["head"])
            ):
                clause = start_of(text, at, LAST_CLAUSE_END)
                if _this_years_total(text, at, found.year, clause):
                    found.none.append(Statement("none", place, 0, text, at, m.end()))
            at = text.find(negation, at + 1)


def _read_all_done(found: Statements, place: Place, text: str) -> None:
    for word in DONE if "毕" in text else DONE[:1]:
        at = find(text, word)
        while at != -1:
            lo = at - 16 if at > 16 else 0
            window = text[lo:at]
            m = None
            if "均" in window or "部" in window or "都" in window:
                m = ALL_DONE_LEAD.search(text, lo, at)
            if (
                m is not None
                and _application_sentence(text, m.start(), at)
                and _this_years_total(
                    text, m.start(), found.year, start_of(text, m.start(), LAST_CLAUSE_END)
                )
            ):
                statement = Statement("all_done", place, 0, text, m.start(), at + len(word))
                found.all_done.append(statement)
            at = find(text, word, at + len(word))


def _read_periods(found: Statements, place: Place, text: str) -> None:
    year = found.year
    at = find(text, "统计")
    while at != -1:
        m = PERIOD.match(text, at)
        if m is not None and m["y"] is not None:
            statement = Statement("year", place, int(m["y"]), text, m.start(), m.end())
            found.dated.append((statement, year))
        elif m is not None:
            expected = calendar(year)
            y = str(year)
            parts = m.group("y1", "m1", "d1", "m2", "d2")
            if parts == (y, "1", "1", "12", "31") and m["y2"] in (None, y):
                stated = expected  # the usual wording, read without converting
            else:
                y1, m1, d1, m2, d2 = map(int, parts)
                y2 = y1 if m["y2"] is None else int(m["y2"])
                stated = f"{y1:04d}-{m1:02d}-{d1:02d}/{y2:04d}-{m2:02d}-{d2:02d}"
            statement = Statement("period", place, stated, text, m.start(), m.end())
            found.dated.append((statement, expected))
        at = find(text, "统计", at + 2)


def _read_years(found: Statements, place: Place, text: str) -> None:
    # "X年度" that opens a sentence and is followed by what shows it names the period
    # reported on ("2020 年度，…", "2020 年度未收到…"); not "2019 年度报告", not a
    # comparison, not plans ("2021 年度，将…"), not in a paragraph that names the
    # report year too ("2022", "本年度", "今年": it is speaking of several years).
    year = found.year
    at = find(text, "年度")
    while at != -1:
        if text[at - 1] not in YEAR_ENDS:  # "年度报告" after a word: not a year
            at = find(text, "年度", at + 2)
            continue
        after = at + 2
        while after < len(text) and text[after] in SPACES:
            after += 1
        stated = _year_before(text, at)
        if stated is not None and text.startswith(YEAR_FOLLOWERS, after):
            if stated == year:
                found.dated.append((Statement("year", place, year, text, at, at), year))
            elif str(year) not in text and "本年" not in text and "今年" not in text:
                first, last = sentence_bounds(text, at, at)
                sentence = text[first:last]
                if not any(word in sentence for word in COMPARISONS) and not (
                    stated > year and any(word in sentence for word in PLANS)
                ):
                    statement = Statement("year", place, stated, text, at, at)
                    found.dated.append((statement, year))
        at = find(text, "年度", after)


def _year_before(text: str, at: int) -> int | None:
    """The four-digit year written just before ``at`` and opening a sentence, or None."""
    end = _back(text, at, SPACES)
    start = end - 4
    if start < 0 or not text[start:end].isdecimal():
        return None
    before = _back(text, start, SPACES)
    if before > 0 and text[before - 1] not in SENTENCE_ENDS + "；;":
        return None
    return int(text[start:end])
