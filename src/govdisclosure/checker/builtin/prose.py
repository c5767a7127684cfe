"""Prose against the tables: what the text says about applications, reviews, lawsuits and
the year, compared with tables 三 and 四 and with the report year (P1–P4).

Only explicit statements are read. A figure counts only when the words that say what it
counts stand right before it ("新收政府信息公开申请 17 件", "上年结转5件", "行政复议 1 件"):
an approximate figure ("20 余件"), a subset ("其中…"), last year's figure ("较上年…", a
sentence about another year) or a count of something else (信访案件, 政协提案, 行政许可申请,
公开信息 174 条) is not read. A rule that finds no statement it understands records nothing.

>>> import attrs, govdisclosure as gd
>>> r = gd.load("examples/shiyan-ziranziyuan-2022.json")
>>> sub = attrs.evolve(r.overview.subsections[1], paragraphs=["全年新收政府信息公开申请 17 件。"])
>>> r = attrs.evolve(r, overview=attrs.evolve(r.overview, subsections=(sub,)))
>>> finding = gd.validate(r, select="P2").findings[0]
>>> finding.quote, finding.reported, finding.computed
('全年新收政府信息公开申请 17 件', 17, 54)
>>> print(finding.message_zh.replace("与", "\\n与"))
一、总体情况（依申请公开）：“全年新收政府信息公开申请 17 件”
与表三 一、本年新收政府信息公开申请数量·总计（54）不一致
"""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

from govdisclosure.categories import (
    Applicant,
    ApplicationRow,
    ReviewCase,
    ReviewResult,
    Section,
)
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Severity
from govdisclosure.checker.registry import rule
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.layouts import layout
from govdisclosure.report import AnnualReport

# --- the words read ---------------------------------------------------------------------
#
# Every statement is found from a literal anchor, with str.find (far cheaper than scanning
# a paragraph with a regular expression): the unit "件" of a count, a negation (未, 没有, 无),
# "办结", "统计", "年度". The expressions below then read the few characters around it.

_SPACES = " \u3000\xa0"  # real reports put spaces around numbers: "申请 17 件"
_SP = f"[{_SPACES}]*"
_DIGITS = "0123456789" + "".join(map(chr, range(0xFF10, 0xFF1A)))  # half- and full-width
#: The characters of a count: digits and small Chinese numerals.
_NUMERALS = _DIGITS + "零\u3007一二两三四五六七八九十"
#: What a count written before "件" ends with: a numeral or a space.
_COUNT_ENDS = frozenset(_NUMERALS + _SPACES)
_YEAR = "[0-9\uff10-\uff19]{4}"
#: What a four-digit year written before "年度" ends with: a digit or a space.
_YEAR_ENDS = frozenset(_DIGITS + _SPACES)
_DAY = "[0-9\uff10-\uff19]{1,2}"
#: What the words between two parts of one statement never cross: a clause end, a digit.
_GAP = "[^，,。；;！？!?\n0-9\uff10-\uff19]"
_SENTENCE_ENDS = "。！？!?\n"
_CLAUSE_ENDS = "。！？!?\n，,；;、"
_SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")
_CLAUSE_END = re.compile(f"[{_CLAUSE_ENDS}]")
#: The text up to the last end of a sentence or clause (greedy: it backs off from the end).
_LAST_SENTENCE_END = re.compile(f".*[{_SENTENCE_ENDS}]", re.DOTALL)
_LAST_CLAUSE_END = re.compile(f".*[{_CLAUSE_ENDS}]", re.DOTALL)
#: The words right before a count ("…申请 17 件"); the group named after the kind of
#: count spans its whole alternative, so it is the match's ``lastgroup``.
_COUNT_LEAD = re.compile(
    r"(?:"
    # 三、一 本年新收: "新收政府信息公开申请", "共收到申请", "受理依申请公开事项"
    rf"(?P<new>(?:新收|收到|受理|接收|接到)了?(?P<gap>{_GAP}{{0,24}}?)(?P<head>依申请公开|申请)"
    r"(?:公开)?的?(?:事项|数量)?)"
    # 三、二 上年结转
    r"|(?P<carried_over>上一?年度?结转(?:的|而来的)?(?:政府信息公开|依申请公开)?(?:申请)?)"
    # 三、四 结转下年度
    r"|(?P<forward>结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?的?(?:申请)?)"
    # 三（七）总计: "办结", "答复"
    r"|(?P<handled>(?:办结|答复|办理完毕|处理完毕)了?(?:政府信息公开)?(?:申请)?)"
    # 四 行政复议 (not "复议后起诉"), 行政诉讼
    r"|(?<!后)(?P<review>(?:行政)?复议(?:案件|申请)?)"
    r"|(?P<litigation>行政诉讼(?:案件)?)"
    rf")(?:共计|合计|总计|共|为)?{_SP}$"
)
#: A count written before its words: "收到 17 件政府信息公开申请", "6 件结转下年度".
_VERB_LEAD = re.compile(rf"(?:新收|收到|受理|接收|接到)了?(?:各类|各项)?{_SP}$")
_NEW_TRAIL = re.compile(rf"(?P<gap>{_GAP}{{0,12}}?)申请")
_FORWARD_TRAIL = re.compile(r"(?:申请)?(?:需要|需|将)?结转(?:至|到)?下一?年")
#: What may stand before 办结/答复 in its clause: a total, not a part ("按时答复", "网上…").
_HANDLED_LEAD = re.compile(
    r"(?:全年|本年度?|今年|年内|[0-9\uff10-\uff19]{4}年度?)?"
    r"(?:共计|共|累计|已经|已|均已|均|现已|全部|依法)*"
)
#: P1, at a negation: "未收到政府信息公开的申请", "没有受理过申请", "无依申请公开",
#: "无政府信息公开申请"; not "申请人", "申请书", "申请行政复议"; a bare "无…申请" is too
#: loose ("无论…申请").
_NONE = re.compile(
    rf"(?:(?:未|没有|无)(?:收到|受理|接到|接收到?)(?:过|任何)?(?P<gap>{_GAP}{{0,24}}?)"
    r"|(?:无|没有|未发生)(?P<bare>政府信息公开(?=申请)|(?=依申请公开)))"
    r"(?P<head>依申请公开|申请)(?!人|书|表|行政复议|复议|诉讼)"
)
#: P3, before "办结": "均已办结", "全部办结", "均已按时办结" (not "未全部办结").
_ALL_DONE_LEAD = re.compile(
    r"(?<![未没不非平])(?:均|全部|都)(?:已经|已)?"
    r"(?:依法|按时|按期|如期|及时|在法定期限内|在规定时限内){0,2}$"
)
_DONE: Final = ("办结", "办理完毕", "处理完毕")
#: P4, at "统计": "统计期限为 2020 年 1 月 1 日至 12 月 31 日", "统计期限为 2020 年度".
_PERIOD = re.compile(
    rf"统计(?:期限|期间|时限|时段|时间|区间|周期|范围)(?:为|是|：|:)?{_SP}(?:自|从)?{_SP}"
    rf"(?:(?P<y1>{_YEAR}){_SP}年{_SP}(?P<m1>{_DAY}){_SP}月{_SP}(?P<d1>{_DAY}){_SP}日{_SP}起?"
    rf"{_SP}(?:至|到|—{{1,2}}|－|-|~|\uff5e){_SP}(?:(?P<y2>{_YEAR}){_SP}年{_SP})?"
    rf"(?P<m2>{_DAY}){_SP}月{_SP}(?P<d2>{_DAY}){_SP}日"
    rf"|(?P<y>{_YEAR}){_SP}年(?:度|全年)?(?!{_SP}[0-9\uff10-\uff19]))"
)

#: Words that make a count something other than applications for disclosure.
_OFF_TOPIC = re.compile("复议|诉讼|信访|投诉|举报|提案|建议|许可|审批|咨询|来信|热线|留言")
#: Before a statement in its clause: a part, or another year's figure.
_NOT_THIS_TOTAL = re.compile("其中|同比|较|比上|相比|去年|上一?年|前年")
#: What follows "X年度" when it names the period reported on: "2020 年度，…", "2020 年度未收到…".
_YEAR_FOLLOWERS: Final = (
    "，",
    ",",
    "：",
    ":",
    "内",
    "共",
    "全年",
    "未",
    "没有",
    "无",
    "本",
    "我",
    "新收",
    "收到",
    "受理",
    "累计",
    "主动",
    "依申请",
)
_COMPARISONS: Final = ("同比", "较", "相比", "比上", "去年", "上年", "增长", "下降", "增加", "减少")
_PLANS: Final = ("将", "计划", "拟", "下一步")

_CHINESE_DIGITS: Final = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CHINESE_DIGITS.update({"\u3007": 0, "两": 2})


def _number(text: str) -> int | None:
    """A count as written: "17" (half- or full-width), "十二", "两"; None for what is not
    one number ("一两", "三四")."""
    if text.isdecimal():
        return int(text)  # int() reads full-width digits too
    if "十" not in text:
        return _CHINESE_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    t = _CHINESE_DIGITS.get(tens, -1) if tens else 1
    o = _CHINESE_DIGITS.get(ones, -1) if ones else 0
    if t <= 0 or o < 0 or (ones and o == 0):
        return None
    return t * 10 + o


# --- where a statement is ---------------------------------------------------------------

#: A paragraph: (group, paragraph), where the groups are the preamble, the overview's
#: intro, each subsection of the overview, section 五 and section 六, in order. It is
#: named (its Location built) only when a statement is found in it.
Place = tuple[int, int]
_PREAMBLE, _INTRO, _SUBSECTION, _PROBLEMS, _OTHER = range(5)


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


def _find(text: str, word: str, start: int = 0) -> int:
    """``text.find(word, start)``, faster: finding one character is a memchr, finding two
    is a slower scan, so the last character of ``word`` is found first."""
    last, before = word[-1], len(word) - 1
    at = text.find(last, start + before)
    while at != -1 and not text.startswith(word, at - before):
        at = text.find(last, at + 1)
    return at if at == -1 else at - before


def _start(text: str, at: int, last_end: re.Pattern[str]) -> int:
    """Where the sentence or clause holding ``at`` starts: after the last end before it."""
    lo = at - 160 if at > 160 else 0  # look near first: most sentences are short
    m = last_end.match(text, lo, at)
    if m is None and lo:
        m = last_end.match(text, 0, lo)
    return m.end() if m else 0


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]``."""
    found = _SENTENCE_END.search(text, end)
    return _start(text, start, _LAST_SENTENCE_END), found.start() if found else len(text)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around ``text[start:end]``."""
    found = _CLAUSE_END.search(text, end)
    return _start(text, start, _LAST_CLAUSE_END), found.start() if found else len(text)


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
        bounds = (_clause if self.clause else _sentence)(self.text, self.start, self.end)
        return self.text[bounds[0] : bounds[1]].strip(_SPACES)


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


def _statements(ctx: Context) -> Statements:
    """The statements of ``ctx``'s report, read once for the four rules of one run."""
    found_before: Statements | None = ctx.memo.get("prose")
    if found_before is None:
        found_before = ctx.memo["prose"] = _read_statements(ctx)
    return found_before


def _read_statements(ctx: Context) -> Statements:
    report = ctx.report
    found = Statements(report)
    overview = report.overview
    groups = (
        report.preamble.paragraphs,
        overview.intro,
        *[sub.paragraphs for sub in overview.subsections],
        report.problems,
        report.other_matters,
    )
    # Sections 五 and 六 look ahead ("2021 年度，将…"): their periods and years are not read.
    undated = len(groups) - 2
    for group, paragraphs in enumerate(groups):
        dated = group < undated
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
    if gap and _OFF_TOPIC.search(gap):
        return False
    return head == "依申请公开" or not gap or "公开" in gap


def _this_years_total(text: str, start: int, year: int, clause: int) -> bool:
    """Whether a statement at ``start``, in the clause starting at ``clause``, is about
    this year's total: no part ("其中") or comparison before it in its clause, no other
    year before it in its sentence."""
    if _NOT_THIS_TOTAL.search(text, clause, start):
        return False
    sentence = _start(text, start, _LAST_SENTENCE_END)
    at = text.find("年", sentence, start)
    while at != -1:  # "2019 年…": another year's figure
        end = at
        while end > sentence and text[end - 1] in _SPACES:
            end -= 1
        digits = text[end - 4 : end] if end - 4 >= sentence else ""
        if digits.isdecimal() and int(digits) != year:
            return False
        at = text.find("年", at + 1, start)
    return True


def _application_sentence(text: str, start: int, end: int, *, within: str = "sentence") -> bool:
    """Whether the sentence around ``start``–``end`` speaks of nothing else that is counted
    (信访, 复议…), and it (or with ``within="paragraph"`` its paragraph) of applications."""
    first, last = _sentence(text, start, end)
    if _OFF_TOPIC.search(text, first, last):
        return False
    return "申请" in (text if within == "paragraph" else text[first:last])


def _read_counts(found: Statements, place: Place, text: str, unit: str) -> None:
    """Every count "N 件" (or "N 起" of cases) whose words say what it counts."""
    at = text.find(unit)
    while at != -1:
        if text[at - 1] not in _COUNT_ENDS:  # "文件", "案件": no number
            at = text.find(unit, at + 1)
            continue
        end = at
        while end > 0 and text[end - 1] in _SPACES:
            end -= 1
        start = end
        while start > 0 and text[start - 1] in _NUMERALS:
            start -= 1
        if start < end:
            figure = _number(text[start:end])
            if figure is not None:
                _read_count(found, place, text, (start, at + 1), figure)
        at = text.find(unit, at + 1)


def _read_count(
    found: Statements, place: Place, text: str, span: tuple[int, int], figure: int
) -> None:
    start, after = span
    # The words of a count never cross the start of its clause.
    clause = _start(text, start, _LAST_CLAUSE_END)
    m = _COUNT_LEAD.search(text, clause, start)
    while m is not None:
        kind = m.lastgroup or ""
        if _count_of(kind, m, text, clause):
            _add_count(found, place, text, (m.start(), after, clause), (kind, figure))
            return
        m = _COUNT_LEAD.search(text, m.start() + 1, start)
    trail = _FORWARD_TRAIL.match(text, after)
    if trail is not None and _application_sentence(text, start, trail.end(), within="paragraph"):
        _add_count(found, place, text, (start, trail.end(), clause), ("forward", figure))
        return
    verb = _VERB_LEAD.search(text, clause, start)
    trail = _NEW_TRAIL.match(text, after) if verb else None
    if verb and trail and _about_applications(trail["gap"], "申请"):
        _add_count(found, place, text, (verb.start(), trail.end(), clause), ("new", figure))


def _count_of(kind: str, m: re.Match[str], text: str, clause: int) -> bool:
    """Whether the words ``m`` before a count make it a count of ``kind``."""
    if kind == "new":
        return _about_applications(m["gap"], m["head"])
    if kind in ("review", "litigation"):  # about disclosure, not the organ's other cases
        first, last = _sentence(text, m.start(), m.end())
        return "公开" in text[first:last]
    # 结转 is said only of applications; 办结 and 答复 also of letters, proposals…
    within = "sentence" if kind == "handled" else "paragraph"
    if not _application_sentence(text, m.start(), m.end(), within=within):
        return False
    if kind == "handled":
        lead = text[clause : m.start()]
        return _HANDLED_LEAD.fullmatch("".join(lead.split())) is not None
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
            m = _NONE.match(text, at)
            if m is not None and (
                m["bare"] is not None or _about_applications(m["gap"], m["head"])
            ):
                clause = _start(text, at, _LAST_CLAUSE_END)
                if _this_years_total(text, at, found.year, clause):
                    found.none.append(Statement("none", place, 0, text, at, m.end()))
            at = text.find(negation, at + 1)


def _read_all_done(found: Statements, place: Place, text: str) -> None:
    for word in _DONE if "毕" in text else _DONE[:1]:
        at = _find(text, word)
        while at != -1:
            lo = at - 16 if at > 16 else 0
            window = text[lo:at]
            m = None
            if "均" in window or "部" in window or "都" in window:
                m = _ALL_DONE_LEAD.search(text, lo, at)
            if (
                m is not None
                and _application_sentence(text, m.start(), at)
                and _this_years_total(
                    text, m.start(), found.year, _start(text, m.start(), _LAST_CLAUSE_END)
                )
            ):
                statement = Statement("all_done", place, 0, text, m.start(), at + len(word))
                found.all_done.append(statement)
            at = _find(text, word, at + len(word))


def _read_periods(found: Statements, place: Place, text: str) -> None:
    year = found.year
    at = _find(text, "统计")
    while at != -1:
        m = _PERIOD.match(text, at)
        if m is None:
            pass
        elif m["y"] is not None:
            statement = Statement("year", place, int(m["y"]), text, m.start(), m.end())
            found.dated.append((statement, year))
        else:
            expected = _calendar(year)
            y = str(year)
            if m.group("y1", "m1", "d1", "m2", "d2") == (y, "1", "1", "12", "31") and m["y2"] in (
                None,
                y,
            ):
                stated = expected  # the usual wording, read without converting
            else:
                y1, m1, d1, m2, d2 = map(int, m.group("y1", "m1", "d1", "m2", "d2"))
                y2 = y1 if m["y2"] is None else int(m["y2"])
                stated = f"{y1:04d}-{m1:02d}-{d1:02d}/{y2:04d}-{m2:02d}-{d2:02d}"
            statement = Statement("period", place, stated, text, m.start(), m.end())
            found.dated.append((statement, expected))
        at = _find(text, "统计", at + 2)


@functools.lru_cache(maxsize=64)
def _calendar(year: int) -> str:
    """The calendar year as an ISO interval, as P4 reports periods: "2020-01-01/2020-12-31"."""
    return f"{year:04d}-01-01/{year:04d}-12-31"


def _read_years(found: Statements, place: Place, text: str) -> None:
    # "X年度" that opens a sentence and is followed by what shows it names the period
    # reported on ("2020 年度，…", "2020 年度未收到…"); not "2019 年度报告", not a
    # comparison, not plans ("2021 年度，将…"), not in a paragraph that names the
    # report year too ("2022", "本年度", "今年": it is speaking of several years).
    year = found.year
    at = _find(text, "年度")
    while at != -1:
        if text[at - 1] not in _YEAR_ENDS:  # "年度报告" after a word: not a year
            at = _find(text, "年度", at + 2)
            continue
        after = at + 2
        while after < len(text) and text[after] in _SPACES:
            after += 1
        stated = _year_before(text, at)
        if stated is not None and text.startswith(_YEAR_FOLLOWERS, after):
            if stated == year:
                found.dated.append((Statement("year", place, year, text, at, at), year))
            elif str(year) not in text and "本年" not in text and "今年" not in text:
                first, last = _sentence(text, at, at)
                sentence = text[first:last]
                if not any(word in sentence for word in _COMPARISONS) and not (
                    stated > year and any(word in sentence for word in _PLANS)
                ):
                    statement = Statement("year", place, stated, text, at, at)
                    found.dated.append((statement, year))
        at = _find(text, "年度", after)


def _year_before(text: str, at: int) -> int | None:
    """The four-digit year written just before ``at`` and opening a sentence, or None."""
    end = at
    while end > 0 and text[end - 1] in _SPACES:
        end -= 1
    start = end - 4
    if start < 0 or not text[start:end].isdecimal():
        return None
    before = start
    while before > 0 and text[before - 1] in _SPACES:
        before -= 1
    if before > 0 and text[before - 1] not in _SENTENCE_ENDS + "；;":
        return None
    return int(text[start:end])


# --- the cells compared -----------------------------------------------------------------


class Target(NamedTuple):
    """The table cells a statement is compared with (their sum), and how to name them: as
    a place whose Chinese name reads as the form prints the row ("表三 一、…·总计") and whose
    English name is the cells' (made only when an English message is asked for)."""

    section: Section
    positions: tuple[int, ...]
    name: Location


def _row_name(edition: Edition, key: ApplicationRow) -> str:
    """A row of table 三 as the form prints it, with its numbering and its group's:
    "一、本年新收政府信息公开申请数量", "三、本年度办理结果（七）总计"."""
    for top in layout(edition).applications.row_tree:
        for node, ancestors in top.walk():
            if node.key is key:
                return "".join(f"{a.numbering}{a.label}" for a in (*ancestors, node))
    raise KeyError(key)


@functools.cache
def _targets(edition: Edition) -> dict[str, Target]:
    apps, reviews = layout(edition).applications, layout(edition).reviews
    targets: dict[str, Target] = {}
    for kind, row in (
        ("new", ApplicationRow.NEW),
        ("carried_over", ApplicationRow.CARRIED_OVER),
        ("handled", ApplicationRow.TOTAL),
        ("forward", ApplicationRow.CARRIED_FORWARD),
    ):
        position = apps.position(row, Applicant.TOTAL)
        cell = Location.of_cell(edition, Section.APPLICATIONS, position)
        name = cell.renamed(f"表三 {_row_name(edition, row)}·总计")
        targets[kind] = Target(Section.APPLICATIONS, (position,), name)
    review = reviews.position(ReviewCase.REVIEW, ReviewResult.TOTAL)
    cell = Location.of_cell(edition, Section.REVIEWS, review)
    targets["review"] = Target(Section.REVIEWS, (review,), cell.renamed("表四 行政复议·总计"))
    lawsuits = tuple(
        reviews.position(case, ReviewResult.TOTAL)
        for case in (ReviewCase.LITIGATION_DIRECT, ReviewCase.LITIGATION_AFTER_REVIEW)
    )
    cells = [Location.of_cell(edition, Section.REVIEWS, p) for p in lawsuits]
    targets["litigation"] = Target(
        Section.REVIEWS,
        lawsuits,
        Location.of_section(Section.REVIEWS).renamed(
            "表四 行政诉讼（未经复议直接起诉·总计 + 复议后起诉·总计）",
            lambda: " + ".join(c.name_en for c in cells),
        ),
    )
    return targets


def _compare(ctx: Context, found: Statements, statement: Statement, target: Target) -> None:
    """Record whether ``statement``'s figure equals the sum of ``target``'s cells."""
    where = found.location(statement.place)
    cells = ctx.cells[target.section]
    values = [cells[p] for p in target.positions]
    numbers = [v for v in values if type(v) is int]
    if len(numbers) == len(values) and sum(numbers) == statement.figure:
        ctx.held(where)
        return
    # Only a finding needs the quote and the cells' names.
    quote = statement.quote
    involved = tuple(ctx.cell(target.section, p) for p in target.positions)
    if len(numbers) < len(values):
        ctx.unchecked(
            where,
            _("{cell}：“{quote}”无法核对：{target} 未填写数字"),
            {"target": target.name},
            quote=quote,
            reported=statement.figure,
            involved=involved,
        )
        return
    computed = sum(numbers)
    if statement.kind == "none":
        template = _("{cell}：“{quote}”称未收到申请，但{target}为 {computed}")
    elif statement.kind == "all_done":
        template = _("{cell}：“{quote}”称申请均已办结，但{target}为 {computed}")
    else:
        template = _("{cell}：“{quote}”与{target}（{computed}）不一致")
    ctx.failed(
        where,
        template,
        {"target": target.name},
        expression=f"正文 = {target.name.name_zh}",
        quote=quote,
        reported=statement.figure,
        computed=computed,
        involved=involved,
    )


# --- the rules ----------------------------------------------------------------------------


@rule(
    "P1",
    family="prose",
    severity=Severity.WARNING,
    title_zh="“未收到申请”与表三本年新收申请数量相符",
    title_en="“No applications received” agrees with the new applications of table 3",
    example="一、总体情况（依申请公开办理情况）",
)
def none_received(ctx: Context) -> None:
    """A sentence saying that no application was received ("未收到政府信息公开的申请",
    "没有收到…申请", "无依申请公开") agrees with table 三: 一、本年新收政府信息公开申请数量·
    总计 is 0 (applications carried over from last year do not matter)."""
    found = _statements(ctx)
    target = _targets(ctx.edition)["new"]
    for statement in found.none:
        _compare(ctx, found, statement, target)


@rule(
    "P2",
    family="prose",
    severity=Severity.WARNING,
    title_zh="正文所述申请、复议、诉讼件数与表三、表四相符",
    title_en="Counts of applications, reviews and lawsuits in the text agree with tables 3 and 4",
    example="一、总体情况（依申请公开）",
)
def figures_agree(ctx: Context) -> None:
    """A count stated in the text agrees with the table: applications received (新收,
    收到…申请 N 件) with 三、一 总计; carried over (上年结转 N 件) with 三、二 总计; dealt
    with (办结/答复 N 件) with 三（七）总计·总计; carried forward (结转下年度 N 件) with 三、四
    总计; administrative reviews (行政复议 N 件) with 四、行政复议·总计; lawsuits (行政诉讼
    N 件) with the two 行政诉讼 总计 of table 四 together."""
    found = _statements(ctx)
    targets = _targets(ctx.edition)
    for statement in found.figures:
        _compare(ctx, found, statement, targets[statement.kind])


@rule(
    "P3",
    family="prose",
    severity=Severity.WARNING,
    title_zh="“申请均已办结”与结转下年度数量相符",
    title_en="“Every application dealt with” agrees with the applications carried forward",
    example="一、总体情况（依申请公开）",
)
def all_dealt_with(ctx: Context) -> None:
    """A sentence saying that every application was dealt with ("所有申请均已办结", "全部
    办结", "均已按时办结") agrees with table 三: 四、结转下年度继续办理·总计 is 0."""
    found = _statements(ctx)
    target = _targets(ctx.edition)["forward"]
    for statement in found.all_done:
        _compare(ctx, found, statement, target)


_PERIOD_FIELD = Location.of_field("$.report.preamble.period", _("统计期限"))


@rule(
    "P4",
    family="prose",
    severity=Severity.ERROR,
    title_zh="统计期限与报告年度相符",
    title_en="The statistical period is the report year",
    example="前言",
)
def period_is_report_year(ctx: Context) -> None:
    """The statistical period is 1 January to 31 December of the report year: the period
    the preamble states (its structured field), a period stated in the text ("统计期限为
    2020 年 1 月 1 日至 12 月 31 日"), and a year that opens a sentence about the period
    reported on ("2020 年度，…", "2020 年度未收到…"; not "2019 年度报告", a document's date
    or a comparison with another year)."""
    report = ctx.report
    year = report.year
    period = report.preamble.period
    if period is not None:
        start, end = period.start, period.end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
            start.year == end.year == year
        ):
            ctx.held(_PERIOD_FIELD)
        else:
            ctx.failed(
                _PERIOD_FIELD,
                _("统计期限 {start} 至 {end} 不是报告年度 {year} 年的 1 月 1 日至 12 月 31 日"),
                {"start": start.isoformat(), "end": end.isoformat(), "year": year},
                reported=f"{start.isoformat()}/{end.isoformat()}",
                computed=_calendar(year),
            )
    found = _statements(ctx)
    for statement, expected in found.dated:
        where = found.location(statement.place)
        if statement.figure == expected:
            ctx.held(where)
            continue
        quote = statement.quote
        stated = statement.figure
        if isinstance(stated, str) and stated[:4] == stated[11:15] == f"{year:04d}":
            template = _("{cell}：“{quote}”所述统计期限不是 {year} 年 1 月 1 日至 12 月 31 日")
        else:
            template = _("{cell}：“{quote}”所述年度为 {named} 年，与报告年度 {year} 年不符")
        ctx.failed(
            where,
            template,
            {"year": year, "named": stated[:4] if isinstance(stated, str) else stated},
            quote=quote,
            reported=statement.figure,
            computed=expected,
        )
