"""The organ and the year of a report whose title does not name them (no title, a title
"政府信息公开工作年度报告", a page excerpt), taken from what the report says elsewhere —
only where it says them unmistakably, and each noted as inferred by the reader.

The organ is a name that ends in an organ word (局, 委员会, 人民政府, 街道办事处…), of
at most 25 characters, that starts with its place (某县, 某市某区, 某某镇), stands at a
boundary (the start of a paragraph, after 本, 我, a comma or a full stop) and holds no
word a name never holds (的, 向, 公布, 报告…):
"2022年，示例县自然资源局深入贯彻…" names 示例县自然资源局; "根据《条例》要求，现向社会
公布某局…" names nothing. It is looked for in the preamble, then in the first paragraphs
of 一, then in the name signed above the date at the report's end.

The year is the statistical period's ("统计期限为2023年1月1日至12月31日"), else the one
the preamble says of the report ("2023年度"), else the one 一 opens with ("2023年，").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from attrs import frozen

from govdisclosure.categories import Section
from govdisclosure.readers.blocks import Block, TextBlock
from govdisclosure.readers.facts import parse_date, preamble_facts
from govdisclosure.readers.result import SourceRef

__all__ = ["ORGAN_LOOKED_AT", "YEAR_LOOKED_AT", "Inferred", "find_organ", "find_year", "organ_in"]

#: Where the organ and the year are looked for, as the error that finds neither says.
ORGAN_LOOKED_AT = (
    "the preamble, the first paragraphs of 一 and the name signed above the date at the end"
)
#: Where the year is looked for, in that order (said in the reader's notes).
YEAR_LOOKED_AT = "the preamble's statistical period and its 'YYYY年度', and the words 一 opens with"

#: The words an organ's name ends with, the longest first. 乡 and 镇 end a name only
#: where the name stops ("某某乡，"), or before the government's word: "城乡建设局" goes on.
_ORGAN_WORD = re.compile(
    "人民政府|街道办事处|办事处|管理委员会|委员会|管委会|办公室|办公厅|政府|中心|局|委|办|厅|署"
    r"|[乡镇](?=人民政府|政府|党委|[^\u4e00-\u9fff]|$)"
)
#: Words that may follow an organ word within one name: "某市人民政府" + "办公室",
#: "某某镇" + "人民政府" (not "某局" + "办公室": that is an office of the organ's).
_MORE = {
    **dict.fromkeys(("人民政府", "政府", "委员会", "管委会"), re.compile("办公室|办公厅")),
    **dict.fromkeys("乡镇", re.compile("人民政府|政府")),
}
#: Where a name may start: the start of a paragraph, after 本 or 我, a comma or a full
#: stop (not a colon: "地址：民政局二楼" is an address).
_BOUNDARY = re.compile(r"(?:^|(?<=[本我，,。]))\s*(?=[\u4e00-\u9fff])")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
#: What no organ's name holds: the words of a sentence around it.
_NOT_A_NAME = re.compile(
    "的|了|向|对|将|把|被|于|等|为|是|现|已|其|该|全|各|年度|要求|根据|按照|依据|公布|报告"
    "|结合|围绕|坚持|通过|加强|推进|落实|贯彻|深入|认真|积极|不断|持续|做好|开展|提升|完善"
    "|联系|负责|撰写|参照|查阅|登录|请|与|如|可|在"
)
#: After 本 or 我, a level's word is the organ itself ("本县人民政府"): no name follows.
_DEICTIC = re.compile("[县市区乡镇省州局委办厅]")
_SHORTEST, _LONGEST = 3, 25
#: A name starts with the place of the organ ("示例县", "某市某区", "某某镇"), within
#: this many characters: "增强政府信息公开" names no organ.
_PLACE = re.compile("[省市区县州盟旗镇乡村]|街道")
_PLACE_WITHIN = 10
#: The year a paragraph speaks of: "2023年度" in the preamble, "2023年，" opening 一.
_YEAR_OF_REPORT = re.compile(r"(?<!\d)(\d{4})\s*年度")
_OPENING_YEAR = re.compile(r"^\s*(\d{4})\s*年(?:度|以来)?\s*[，,]")
#: The paragraphs of 一 an organ's name is looked for in.
_FIRST_PARAGRAPHS = 2


@frozen
class Inferred:
    """A fact the title does not state, found elsewhere: its value, where it was found
    (as a note says it), the text it was read from, and where that text is."""

    value: str | int
    where: str
    snippet: str
    source: SourceRef | None


def organ_in(text: str) -> str | None:
    """The first organ's name ``text`` states at a boundary, or ``None``.

    >>> organ_in("2022年，示例县自然资源局深入贯彻《条例》")
    '示例县自然资源局'
    >>> organ_in("按照要求，某县人民政府办公室编制本报告。"), organ_in("某县住房和城乡建设局")
    ('某县人民政府办公室', '某县住房和城乡建设局')
    >>> organ_in("根据《条例》要求，现向社会公布某某局2023年政府信息公开工作年度报告。") is None
    True
    >>> organ_in("如有疑问，请与某县民政局办公室联系。") is None
    True
    """
    for boundary in _BOUNDARY.finditer(text):
        run = _CJK_RUN.match(text, boundary.end())
        if run is None or _deictic(text, boundary.start(), run.group()):
            continue
        name = _name_at_start(run.group()[:_LONGEST])
        if name is not None:
            return name
    return None


def _context(text: str, name: str) -> str:
    """The words around ``name`` in ``text``: what a note shows."""
    at = text.find(name)
    return text[max(at - 15, 0) : at + len(name) + 15].strip()


def _deictic(text: str, at: int, run: str) -> bool:
    """Whether ``run``, at ``at`` in ``text``, is "本县…", "我局…": the organ spoken of."""
    if run[:1] in ("本", "我"):
        return _DEICTIC.match(run, 1) is not None
    return at > 0 and text[at - 1] in "本我" and _DEICTIC.match(run) is not None


def _name_at_start(run: str) -> str | None:
    """The organ's name ``run`` (a run of Chinese characters) starts with, if any."""
    word = _ORGAN_WORD.search(run)
    if word is None:
        return None
    end = word.end()
    more = _MORE.get(word.group())
    while more is not None and (after := more.match(run, end)) is not None:
        end = after.end()
        more = _MORE.get(after.group())
    name = run[:end]
    place = _PLACE.search(name, 0, word.end())
    if len(name) < _SHORTEST or _NOT_A_NAME.search(name) or place is None:
        return None
    return name if place.start() < _PLACE_WITHIN else None


def _texts(blocks: Sequence[Block]) -> Iterator[TextBlock]:
    return (b for b in blocks if isinstance(b, TextBlock) and b.text.strip())


def find_organ(preamble: Sequence[Block], sections: dict[Section, list[Block]]) -> Inferred | None:
    """The organ's name, from the places :data:`ORGAN_LOOKED_AT` lists, in that order."""
    overview = list(_texts(sections.get(Section.OVERVIEW, [])))[:_FIRST_PARAGRAPHS]
    for where, blocks in (("the preamble", _texts(preamble)), ("the start of 一", overview)):
        for block in blocks:
            name = organ_in(block.text)
            if name is not None:
                return Inferred(name, where, _context(block.text, name), block.source)
    return _signed(sections)


def _signed(sections: dict[Section, list[Block]]) -> Inferred | None:
    """The organ's name signed above the date at the end of the last section."""
    last = max(sections, key=list(Section).index, default=None)
    texts = list(_texts(sections[last])) if last is not None else []
    if len(texts) < 2 or parse_date(texts[-1].text) is None:
        return None
    line = re.sub(r"\s+", "", texts[-2].text)
    if organ_in(line) != line:
        return None
    return Inferred(line, "the name signed above the date", line, texts[-2].source)


def find_year(preamble: Sequence[Block], sections: dict[Section, list[Block]]) -> Inferred | None:
    """The report's year, from the places :data:`YEAR_LOOKED_AT` lists, in that order."""
    printed = list(_texts(preamble))
    text = "".join(block.text for block in printed)
    period = preamble_facts(text).get("period")
    if period is not None and period.start.year == period.end.year:
        # The paragraph that states it (unless a line wrap cut the period in two).
        stating = (b for b in printed if preamble_facts(b.text).get("period") == period)
        block = next(stating, printed[0])
        where = "the statistical period of the preamble"
        return Inferred(period.start.year, where, _around(block.text, "统计"), block.source)
    for block in printed:
        match = _YEAR_OF_REPORT.search(block.text)
        if match is not None:
            year = int(match[1])
            return Inferred(year, "the preamble", _around(block.text, match[0]), block.source)
    opening = next(_texts(sections.get(Section.OVERVIEW, [])), None)
    match = _OPENING_YEAR.match(opening.text) if opening is not None else None
    if opening is not None and match is not None:
        return Inferred(int(match[1]), "the first words of 一", match[0].strip(), opening.source)
    return None


def _around(text: str, words: str) -> str:
    """The words around the first ``words`` in ``text`` (its start when it has none)."""
    at = max(text.find(words), 0)
    return text[max(at - 10, 0) : at + 30].strip()
