"""The headings of the six sections, told from the numbered items around them by the
words of their titles.

Real reports number their sections freely: 一 to 五 where the form has 二 to 六 (总体情况
printed without its number, or not at all), or they print the topics of 总体情况 as
top-level items ("二、主动公开", "三、依申请公开"). So a heading is found by the words
of its title, and its numeral only decides what the words leave in doubt:

* A title that clearly names a section ("主动公开政府信息情况", "收到和处理…申请情况",
  "…行政复议…", "存在的主要问题及改进情况", "其他需要报告的事项") starts it, whatever
  its numeral (the reader notes a numeral that is not the form's).
* A title that only holds a word of the section's ("二、主动公开情况") starts it when its
  numeral is the form's, unless it reads as a topic of 总体情况 while the reader is still
  before or in 一 ("三、依申请公开" there is a topic, not section 三).
* The one clear name a topic of 总体情况 shares, 主动公开政府信息情况 (the seed titles its
  topic "（一）主动公开政府信息情况"), starts section 二 there only when its numeral
  follows the last section heading's: "一、总体情况" then "一、主动公开政府信息情况" is a
  topic.

Sections come in the report's order: a heading only starts a section after the current
one, so a table's row label ("一、本年新收政府信息公开申请数量") never starts one. A
heading run together with its section's first paragraph ("六、其他需要报告的事项 无。")
ends where its title does (``Heading.end``).
"""

from __future__ import annotations

import difflib
import functools
import re

from attrs import frozen

from govdisclosure.categories import Section
from govdisclosure.labels import normalize_label
from govdisclosure.numerals import NUMERAL_CHARACTERS, chinese, value
from govdisclosure.readers.blocks import TextBlock

__all__ = [
    "HEADING_START",
    "NUMERALS",
    "SUBSECTION",
    "Heading",
    "Position",
    "chinese_numeral",
    "find_heading",
    "form_numeral",
    "may_be_heading",
    "passed_over",
]

NUMERALS = "一二三四五六七八九十"
#: A section's number: 一 … 十, 十一 … 十九 (a report that numbers the topics of 一 on).
_NUMBER = "十?[一二三四五六七八九]|十"
_NUMBERED = re.compile(rf"^\s*(?P<number>{_NUMBER})\s*[、.．,，]\s*(?P<rest>\S.*?)\s*$", re.S)
#: How every numbered heading starts.
HEADING_START = re.compile(rf"\s*(?:{_NUMBER})\s*[、.．,，]")
#: The numbering of a subsection of 一 ("（二）").
SUBSECTION = re.compile(rf"^\s*[（(]\s*(?P<number>[{NUMERAL_CHARACTERS}]+)\s*[)）]\s*")
_ORDER = tuple(Section)

#: Words that name each section clearly: no topic of 总体情况 nor a table's row says them
#: (but see :data:`_TOPIC`).
_CLEAR: dict[Section, re.Pattern[str]] = {
    Section.OVERVIEW: re.compile("总体情况|总体概况|概述|基本情况"),
    Section.PROACTIVE: re.compile("主动公开政府信息"),
    Section.APPLICATIONS: re.compile("收到和处理|公开申请的?(?:办理|处理)?情况"),
    Section.REVIEWS: re.compile("复议|诉讼"),
    Section.PROBLEMS: re.compile("问题.*(?:改进|整改)|存在的?(?:主要)?问题"),
    Section.OTHER: re.compile("其他需要?(?:报告|说明)|其他事项"),
}
#: A word of each section's title, which names it when the numeral is the form's
#: ("五、存在问题及改进情况" has both, "二、主动公开情况" only this).
_WORDS: dict[Section, tuple[str, ...]] = {
    Section.OVERVIEW: ("总体情况", "概述", "基本情况"),
    Section.PROACTIVE: ("主动公开",),
    Section.APPLICATIONS: ("申请",),
    Section.REVIEWS: ("复议", "诉讼"),
    Section.PROBLEMS: ("问题",),
    Section.OTHER: ("其他",),
}
#: The topics of 总体情况 (the 2021 form names them), which reports print as items.
_TOPIC = re.compile("主动公开|依申请公开|信息管理|平台建设|监督保障")
#: Titles printed alone on a line, without a number, that are taken as headings: the
#: official ones, and the variants real reports print.
_VARIANTS = {Section.PROBLEMS: ("存在问题及改进情况", "政府信息公开工作存在的主要问题及改进情况")}
_BARE_TITLES = {
    normalize_label(title): section
    for section in Section
    for title in (section.zh, *_VARIANTS.get(section, ()))
}
#: The words a section's title ends with, where a paragraph run in after it starts.
_TITLE_END = "情况|事项|措施|概述|概况"
#: A title followed on its line by a paragraph: up to a separator (space, colon, full
#: stop) or right after the word that ends it.
_RUN_IN = re.compile(
    rf"^(?P<title>[^\s：:。；;，,！？]{{2,30}}?)"
    rf"(?:(?<={_TITLE_END})[\s：:。]*|[\s：:。]+)(?P<body>\S.*)$",
    re.S,
)
_SPACE = re.compile(r"\s+")
#: A numbered line is all title when no longer than this (spaces aside) and it does not
#: read as a title followed by a paragraph or as a sentence.
_LONGEST_TITLE = 41
#: A heading without a number, marked by the document, is a section's when it reads
#: this much like its official title.
_SIMILAR = 0.6


@frozen
class Position:
    """Where a reader is in a report: the current section, and the number the last
    section's heading printed (``None`` before any, or when it printed none)."""

    section: Section | None = None
    numeral: int | None = None

    def after(self, heading: Heading) -> Position:
        """The position once ``heading`` starts its section."""
        numeral = heading.numeral if heading.numeral is not None else self.numeral
        return Position(heading.section, numeral)


@frozen
class Heading:
    """A section's heading found in a block: the section, the number printed before its
    title (``None`` when none was), and where the title ends in the block's text (what
    follows, up to the end, is the section's first paragraph printed on its line)."""

    section: Section
    numeral: int | None
    end: int

    @property
    def renumbered(self) -> bool:
        """Whether the heading's number is not the one the form gives its section."""
        return self.numeral is not None and self.numeral != form_numeral(self.section)


def form_numeral(section: Section) -> int:
    """The number the form gives ``section`` (一 is 1).

    >>> form_numeral(Section.OTHER)
    6
    """
    return _ORDER.index(section) + 1


def chinese_numeral(value: int) -> str:
    """A section's number as printed: 3 is "三", 11 is "十一".

    >>> chinese_numeral(3), chinese_numeral(10), chinese_numeral(11)
    ('三', '十', '十一')
    """
    return chinese(value)


def _value(numeral: str) -> int:
    """The value of a section's number: "三" is 3, "十一" is 11."""
    return value(numeral) or 0


def may_be_heading(text: str) -> bool:
    """Whether a line of text may be a section's heading (what :func:`find_heading`
    asks of a block the document did not mark): numbered, or a bare title."""
    if HEADING_START.match(text) is not None:
        return True
    # Every bare title ends in 情况 or 事项: most lines (a table's rows) end otherwise.
    return (
        len(text) <= _LONGEST_TITLE
        and text.rstrip().endswith(("况", "项"))
        and normalize_label(text) in _BARE_TITLES
    )


def find_heading(block: TextBlock, at: Position = Position()) -> Heading | None:
    """The heading ``block`` is, of a section after ``at``'s, or ``None`` (see the
    module's documentation).

    >>> from govdisclosure.readers.result import SourceRef
    >>> def at(text, position=Position()):
    ...     return find_heading(TextBlock.plain(text, SourceRef()), position)
    >>> at("三、主动公开政府信息情况")
    Heading(section=<Section.PROACTIVE: 'proactive' 主动公开政府信息情况>, numeral=3, end=12)
    >>> at("六、其他需要报告的事项 无。").end
    11
    >>> overview = Position(Section.OVERVIEW, 1)
    >>> at("三、依申请公开", overview), at("一、主动公开政府信息情况", overview)
    (None, None)
    >>> at("一、本年新收政府信息公开申请数量", Position(Section.PROACTIVE, 2)) is None
    True
    """
    if not block.heading and not may_be_heading(block.text):
        return None  # most blocks: no number, no mark, no title alone on its line
    return _find_heading(block.text, block.heading, at)


@functools.lru_cache(maxsize=4096)  # headings and numbered rows repeat in every report
def _find_heading(text: str, marked: int, at: Position) -> Heading | None:
    following = _ORDER[_ORDER.index(at.section) + 1 :] if at.section else _ORDER
    numbered = _NUMBERED.match(text)
    if numbered is None:
        return _unnumbered(text, marked, following, at)
    numeral = _value(numbered["number"])
    rest = numbered["rest"]
    title = _title_of(rest)
    if title is None:
        return None
    for section in following:
        if _names(title, section, numeral, at):
            start = numbered.start("rest")
            return Heading(section, numeral, start + len(title))
    return None


def _title_of(rest: str) -> str | None:
    """The title in the rest of a numbered line: all of it, or the part before a
    paragraph run in after it; ``None`` when it is a sentence."""
    squeezed = _SPACE.sub("", rest)
    core = squeezed.rstrip("。：:")
    ends_title = re.search(f"(?:{_TITLE_END})$", core) is not None
    separated = re.search(r"\S[\s：:。]+\S", rest) is not None
    if len(squeezed) <= _LONGEST_TITLE and (
        ends_title or (not separated and not squeezed.endswith("。"))
    ):
        return rest
    match = _RUN_IN.match(rest)
    return match["title"] if match else None


def _names(title: str, section: Section, numeral: int, at: Position) -> bool:
    """Whether ``title``, numbered ``numeral``, names ``section`` at ``at``."""
    squeezed = _SPACE.sub("", title)
    if _CLEAR[section].search(squeezed):
        # A topic of 一 titled like section 二: a heading only after one of a lower number.
        return not _topic(squeezed, at) or at.numeral is None or numeral > at.numeral
    return (
        numeral == form_numeral(section)
        and not _topic(squeezed, at)
        and any(word in squeezed for word in _WORDS[section])
    )


def _topic(title: str, at: Position) -> bool:
    """Whether ``title`` may be a topic of 总体情况 there: before or in section 一."""
    return at.section in (None, Section.OVERVIEW) and _TOPIC.search(title) is not None


def _unnumbered(
    printed: str, marked: int, following: tuple[Section, ...], at: Position
) -> Heading | None:
    """A heading without a number: a title alone on its line, or one the document
    marked that reads like the section's official title. In a report that numbers its
    sections, a title a topic of 一 may have is that topic."""
    text = printed.strip()
    if len(text) > _LONGEST_TITLE or SUBSECTION.match(text):
        return None
    bare = _BARE_TITLES.get(normalize_label(text))
    for section in following:
        if section is bare or (marked and _marked(text, section)):
            if _topic(_SPACE.sub("", text), at) and at.numeral is not None:
                return None
            return Heading(section, None, len(printed))
    return None


def _marked(text: str, section: Section) -> bool:
    # Not merely sharing a word with the title: a subsection "依申请公开" is no section 三.
    similarity = difflib.SequenceMatcher(None, normalize_label(text), normalize_label(section.zh))
    return any(word in text for word in _WORDS[section]) and similarity.ratio() >= _SIMILAR


def passed_over(block: TextBlock, at: Position) -> Section | None:
    """The section whose title a numbered ``block`` clearly names though it starts none
    there (a topic of 一 numbered like a section): the reader notes it."""
    numbered = _NUMBERED.match(block.text)
    title = _title_of(numbered["rest"]) if numbered else None
    if title is None or find_heading(block, at) is not None:
        return None
    following = _ORDER[_ORDER.index(at.section) + 1 :] if at.section else _ORDER
    squeezed = _SPACE.sub("", title)
    return next((s for s in following if _CLEAR[s].search(squeezed)), None)
