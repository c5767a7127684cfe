"""A document's blocks divided into its parts: the title, the preamble, and the six
sections, found by their headings.

The title is at the start, unless other text comes before it (a web page's navigation,
the information printed above an article): then it is the first short block that names
an organ and a year, and what stands before it is dropped with a note. A section starts
at its heading: "三、收到和处理…" with the right number and a word of its title, or a
heading the document marked as such that reads like the section's title. Sections are
looked for in the report's order, so a numbered item inside one ("四是推进…") starts no
section.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from govdisclosure.categories import Section
from govdisclosure.labels import normalize_label
from govdisclosure.readers.blocks import Block, TextBlock
from govdisclosure.readers.facts import parse_title
from govdisclosure.readers.result import Note, NoteKind

__all__ = ["NUMERALS", "SUBSECTION", "heading_of", "next_section", "section_of", "split_document"]

NUMERALS = "一二三四五六七八九十"
#: Words that name each section in its heading, in the official wording and the
#: variants real reports print ("五、存在问题及改进情况", "四、…行政复议及行政诉讼情况").
_SECTION_WORDS: dict[Section, tuple[str, ...]] = {
    Section.OVERVIEW: ("总体情况", "概述", "基本情况"),
    Section.PROACTIVE: ("主动公开",),
    Section.APPLICATIONS: ("申请",),
    Section.REVIEWS: ("复议", "诉讼"),
    Section.PROBLEMS: ("问题",),
    Section.OTHER: ("其他",),
}
_HEADING = re.compile(rf"^\s*(?P<number>[{NUMERALS}])\s*[、.．,，]\s*(?P<rest>\S.{{0,40}})$")
#: How every numbered heading starts (what :data:`_HEADING` matches first).
_HEADING_START = re.compile(rf"\s*[{NUMERALS}]\s*[、.．,，]")
_ORDER = tuple(Section)
_SECTION_NUMBER = {section: number for number, section in enumerate(Section)}
#: The numbering of a subsection of 一 ("（二）").
SUBSECTION = re.compile(rf"^\s*[（(]\s*(?P<number>[{NUMERALS}]+)\s*[)）]\s*")
#: A title is looked for among this many blocks at the start, and is no longer than this.
_TITLE_SEARCH = 15
_LONGEST_TITLE = 80


def heading_of(section: Section) -> str:
    """The heading the form gives ``section``.

    >>> heading_of(Section.OTHER)
    '六、其他需要报告的事项'
    """
    return f"{NUMERALS[_SECTION_NUMBER[section]]}、{section.zh}"


def section_of(block: TextBlock, expected: Section) -> bool:
    """Whether ``block`` is the heading of section ``expected``: "三、收到和处理…" with the
    right number and a word of its title, or a heading the document marked as such that
    holds a word of the title.

    >>> from govdisclosure.readers.result import SourceRef
    >>> heading = TextBlock.plain("四、政府信息公开行政复议、行政诉讼情况", SourceRef())
    >>> section_of(heading, Section.REVIEWS)
    True
    >>> section_of(TextBlock.plain("四是推进管理公开。", SourceRef()), Section.REVIEWS)
    False
    """
    if not block.heading and _HEADING_START.match(block.text) is None:
        return False  # most blocks: no number, no mark (what follows asks for one)
    text = block.text.strip()
    words = _SECTION_WORDS[expected]
    match = _HEADING.match(text)
    if match is not None:
        number = _SECTION_NUMBER[expected]
        if match["number"] == NUMERALS[number] and not match["rest"].endswith("。"):
            return any(word in match["rest"] for word in words)
        return False
    if block.heading == 0 or len(text) > 40 or SUBSECTION.match(text):
        return False
    # A heading without its number must read like the section's title, not merely share
    # a word with it (a subsection "依申请公开" is no section 三).
    similarity = difflib.SequenceMatcher(None, normalize_label(text), normalize_label(expected.zh))
    return any(word in text for word in words) and similarity.ratio() >= 0.6


def next_section(block: TextBlock, current: Section | None = None) -> Section | None:
    """The section ``block`` is the heading of, among those after ``current`` (all of
    them when it is ``None``): sections come in the report's order, so a numbered item
    inside one ("四是推进…") starts no section."""
    if not block.heading and _HEADING_START.match(block.text) is None:
        return None  # most blocks: no number, no mark (section_of asks for one)
    following = _ORDER[_ORDER.index(current) + 1 :] if current else _ORDER
    return next((section for section in following if section_of(block, section)), None)


def split_document(
    blocks: Sequence[Block], notes: list[Note]
) -> tuple[list[TextBlock], list[Block], dict[Section, list[Block]]]:
    """The title blocks, the preamble, and the blocks of each section found; a note on
    what was dropped before the title goes to ``notes``."""
    start = _title_start(blocks, notes)
    rest = list(blocks[start:])
    title = _title_blocks(rest)
    del rest[: len(title)]
    if not title:
        rest = list(blocks)
    preamble: list[Block] = []
    sections: dict[Section, list[Block]] = {}
    current: Section | None = None
    for block in rest:
        found = next_section(block, current) if isinstance(block, TextBlock) else None
        if found is not None:
            current = found
            sections[found] = []
        elif current is None:
            preamble.append(block)
        else:
            sections[current].append(block)
    return title, preamble, sections


def _title_start(blocks: Sequence[Block], notes: list[Note]) -> int:
    """Where the title starts: at the first block, unless other text comes before it
    — a web page's navigation, or the information printed above an article. Then the
    title is the first short block that names an organ and a year (a title printed on
    two lines names the organ on one and the year on the other: neither alone does),
    within the first few blocks and before the first section; the blocks before it
    are dropped, with a note."""
    first = _title_blocks(blocks)
    if first and parse_title("".join(b.text for b in first)) is not None:
        start = next((i for i, b in enumerate(first) if parse_title(b.text)), 0)
    else:
        start = 0
        for at in range(1, min(len(blocks), _TITLE_SEARCH)):
            block = blocks[at]
            if isinstance(block, TextBlock) and next_section(block) is not None:
                break  # the report has begun: it prints no title
            title = _title_blocks(blocks[at:])
            printed = "".join(b.text for b in title)
            if title and len(printed.strip()) <= _LONGEST_TITLE and parse_title(printed):
                start = at
                break
    if start:
        dropped = " / ".join(
            b.text.strip() if isinstance(b, TextBlock) else "(a table)" for b in blocks[:start]
        )
        notes.append(
            Note(
                NoteKind.LAYOUT.value,
                "$.report.title",
                dropped[:60],
                f"dropped {start} blocks printed before the title (the page around the report)",
                blocks[0].source,
            )
        )
    return start


def _title_blocks(blocks: Sequence[Block]) -> list[TextBlock]:
    """The title at the start of ``blocks``: up to three text blocks, to the first that
    says 报告 or 年报; none when they do not say it."""
    title: list[TextBlock] = []
    for block in blocks[:3]:
        if not isinstance(block, TextBlock):
            break
        title.append(block)
        if "报告" in block.text or "年报" in block.text:
            return title
    return []
