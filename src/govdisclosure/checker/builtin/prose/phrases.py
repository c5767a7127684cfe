"""The words the prose rules read: the wording of a figure, a negation, "all dealt with", a
statistical period and a year, as regular expressions and word lists; how a count written
in words is read; and where the sentence or clause around some words begins and ends.

Every statement is found from a literal anchor, with str.find (far cheaper than scanning
a paragraph with a regular expression): the unit "件" of a count, a negation (未, 没有, 无),
"办结", "统计", "年度". The expressions here then read the few characters around it; which
anchor leads to which expression is :mod:`.reading`'s business.

>>> COUNT_LEAD.search("全年新收政府信息公开申请 ").lastgroup
'new'
>>> number("十七"), number("\uff11\uff17"), number("三四")
(17, 17, None)
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "ALL_DONE_LEAD",
    "COMPARISONS",
    "COUNT_ENDS",
    "COUNT_LEAD",
    "DONE",
    "FORWARD_TRAIL",
    "HANDLED_LEAD",
    "LAST_CLAUSE_END",
    "LAST_SENTENCE_END",
    "NEW_TRAIL",
    "NONE_RECEIVED",
    "NOT_THIS_TOTAL",
    "NUMERALS",
    "OFF_TOPIC",
    "PERIOD",
    "PLANS",
    "SENTENCE_ENDS",
    "SPACES",
    "VERB_LEAD",
    "YEAR_ENDS",
    "YEAR_FOLLOWERS",
    "clause_bounds",
    "find",
    "number",
    "sentence_bounds",
    "start_of",
]

SPACES: Final = " \u3000\xa0"  # real reports put spaces around numbers: "申请 17 件"
_SP = f"[{SPACES}]*"
_DIGITS = "0123456789" + "".join(map(chr, range(0xFF10, 0xFF1A)))  # half- and full-width
#: The characters of a count: digits and small Chinese numerals.
NUMERALS: Final = _DIGITS + "零\u3007一二两三四五六七八九十"
#: What a count written before "件" ends with: a numeral or a space.
COUNT_ENDS: Final = frozenset(NUMERALS + SPACES)
_YEAR = "[0-9\uff10-\uff19]{4}"
#: What a four-digit year written before "年度" ends with: a digit or a space.
YEAR_ENDS: Final = frozenset(_DIGITS + SPACES)
_DAY = "[0-9\uff10-\uff19]{1,2}"
#: What the words between two parts of one statement never cross: a clause end, a digit.
_GAP = "[^，,。；;！？!?\n0-9\uff10-\uff19]"
SENTENCE_ENDS: Final = "。！？!?\n"
_CLAUSE_ENDS = "。！？!?\n，,；;、"
SENTENCE_END: Final = re.compile(f"[{SENTENCE_ENDS}]")
CLAUSE_END: Final = re.compile(f"[{_CLAUSE_ENDS}]")
#: The text up to the last end of a sentence or clause (greedy: it backs off from the end).
LAST_SENTENCE_END: Final = re.compile(f".*[{SENTENCE_ENDS}]", re.DOTALL)
LAST_CLAUSE_END: Final = re.compile(f".*[{_CLAUSE_ENDS}]", re.DOTALL)
#: The words right before a count ("…申请 17 件"); the group named after the kind of
#: count spans its whole alternative, so it is the match's ``lastgroup``.
COUNT_LEAD: Final = re.compile(
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
VERB_LEAD: Final = re.compile(rf"(?:新收|收到|受理|接收|接到)了?(?:各类|各项)?{_SP}$")
NEW_TRAIL: Final = re.compile(rf"(?P<gap>{_GAP}{{0,12}}?)申请")
FORWARD_TRAIL: Final = re.compile(r"(?:申请)?(?:需要|需|将)?结转(?:至|到)?下一?年")
#: What may stand before 办结/答复 in its clause: a total, not a part ("按时答复", "网上…").
HANDLED_LEAD: Final = re.compile(
    r"(?:全年|本年度?|今年|年内|[0-9\uff10-\uff19]{4}年度?)?"
    r"(?:共计|共|累计|已经|已|均已|均|现已|全部|依法)*"
)
#: P1, at a negation: "未收到政府信息公开的申请", "没有受理过申请", "无依申请公开",
#: "无政府信息公开申请"; not "申请人", "申请书", "申请行政复议"; a bare "无…申请" is too
#: loose ("无论…申请").
NONE_RECEIVED: Final = re.compile(
    rf"(?:(?:未|没有|无)(?:收到|受理|接到|接收到?)(?:过|任何)?(?P<gap>{_GAP}{{0,24}}?)"
    r"|(?:无|没有|未发生)(?P<bare>政府信息公开(?=申请)|(?=依申请公开)))"
    r"(?P<head>依申请公开|申请)(?!人|书|表|行政复议|复议|诉讼)"
)
#: P3, before "办结": "均已办结", "全部办结", "均已按时办结" (not "未全部办结").
ALL_DONE_LEAD: Final = re.compile(
    r"(?<![未没不非平])(?:均|全部|都)(?:已经|已)?"
    r"(?:依法|按时|按期|如期|及时|在法定期限内|在规定时限内){0,2}$"
)
DONE: Final = ("办结", "办理完毕", "处理完毕")
#: P4, at "统计": "统计期限为 2020 年 1 月 1 日至 12 月 31 日", "统计期限为 2020 年度".
PERIOD: Final = re.compile(
    rf"统计(?:期限|期间|时限|时段|时间|区间|周期|范围)(?:为|是|：|:)?{_SP}(?:自|从)?{_SP}"
    rf"(?:(?P<y1>{_YEAR}){_SP}年{_SP}(?P<m1>{_DAY}){_SP}月{_SP}(?P<d1>{_DAY}){_SP}日{_SP}起?"
    rf"{_SP}(?:至|到|—{{1,2}}|－|-|~|\uff5e){_SP}(?:(?P<y2>{_YEAR}){_SP}年{_SP})?"
    rf"(?P<m2>{_DAY}){_SP}月{_SP}(?P<d2>{_DAY}){_SP}日"
    rf"|(?P<y>{_YEAR}){_SP}年(?:度|全年)?(?!{_SP}[0-9\uff10-\uff19]))"
)

#: Words that make a count something other than applications for disclosure.
OFF_TOPIC: Final = re.compile("复议|诉讼|信访|投诉|举报|提案|建议|许可|审批|咨询|来信|热线|留言")
#: Before a statement in its clause: a part, or another year's figure.
NOT_THIS_TOTAL: Final = re.compile("其中|同比|较|比上|相比|去年|上一?年|前年")
#: What follows "X年度" when it names the period reported on: "2020 年度，…", "2020 年度未收到…".
YEAR_FOLLOWERS: Final = (
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
COMPARISONS: Final = ("同比", "较", "相比", "比上", "去年", "上年", "增长", "下降", "增加", "减少")
PLANS: Final = ("将", "计划", "拟", "下一步")

_CHINESE_DIGITS: Final = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CHINESE_DIGITS.update({"\u3007": 0, "两": 2})


def number(text: str) -> int | None:
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
