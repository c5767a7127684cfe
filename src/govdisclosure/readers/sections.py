"""A document's blocks divided into its parts: the title, the preamble, and the six
sections, found by their headings.

The title is at the start, unless other text comes before it (a web page's navigation,
the information printed above an article): then it is the first short block that names
an organ and a year, and what stands before it is dropped with a note. A section starts
at its heading, found by the words of its title (:mod:`~govdisclosure.readers.headings`):
a numeral that is not the form's is noted, and a heading printed with the section's first
paragraph on its line is split into the two. Sections are looked for in the report's
order, so a numbered item inside one ("四是推进…") starts no section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govdisclosure.categories import Section
from govdisclosure.readers.blocks import Block, TextBlock
from govdisclosure.readers.facts import parse_title
from govdisclosure.readers.headings import (
    NUMERALS,
    SUBSECTION,
    Heading,
    Position,
    chinese_numeral,
    find_heading,
    form_numeral,
    passed_over,
)
from govdisclosure.readers.result import Note, NoteKind
from govdisclosure.text import Span

__all__ = ["NUMERALS", "SUBSECTION", "heading_of", "next_section", "split_document"]

#: A title is looked for among this many blocks at the start, and is no longer than this.
_TITLE_SEARCH = 15
_LONGEST_TITLE = 80
#: A line above the title that holds the start of the organ's name: a place ("某市某区"),
#: not the name of a site ("某市人民政府") printed above the article.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,18}(?:省|市|区|县|州|盟|旗|镇|乡|街道)$")
#: What separates a heading from the paragraph printed after it on its line.
_RUN_IN_SEPARATORS = " \t\u3000：:。"


def heading_of(section: Section) -> str:
    """The heading the form gives ``section``.

    >>> heading_of(Section.OTHER)
    '六、其他需要报告的事项'
    """
    return f"{NUMERALS[form_numeral(section) - 1]}、{section.zh}"


def next_section(block: TextBlock, current: Section | None = None) -> Section | None:
    """The section ``block`` is the heading of, among those after ``current`` (all of
    them when it is ``None``): sections come in the report's order, so a numbered item
    inside one ("四是推进…") starts no section.

    >>> from govdisclosure.readers.result import SourceRef
    >>> heading = TextBlock.plain("四、政府信息公开行政复议、行政诉讼情况", SourceRef())
    >>> next_section(heading, Section.APPLICATIONS)
    <Section.REVIEWS: 'reviews' 政府信息公开行政复议、行政诉讼情况>
    >>> next_section(TextBlock.plain("四是推进管理公开。", SourceRef())) is None
    True
    """
    found = find_heading(block, Position(current))
    return found.section if found else None


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
    at = Position()
    for block in rest:
        found = find_heading(block, at) if isinstance(block, TextBlock) else None
        if found is not None and isinstance(block, TextBlock):
            at = at.after(found)
            sections[found.section] = _section_start(block, found, notes)
        elif at.section is None:
            preamble.append(block)
        else:
            if isinstance(block, TextBlock):
                _note_passed_over(block, at, notes)
            sections[at.section].append(block)
    return title, preamble, sections


def _section_start(block: TextBlock, heading: Heading, notes: list[Note]) -> list[Block]:
    """The blocks a section starts with: the paragraph printed on its heading's line, if
    any. What was decided is noted: a number that is not the form's, a heading without
    one, the paragraph split off."""
    where = f"$.report.{heading.section.value}"
    official = heading_of(heading.section)
    snippet = block.text.strip()[:40]
    if heading.renumbered:
        action = (
            f"the heading is numbered {chinese_numeral(heading.numeral or 0)} where the form "
            f"numbers the section {official[0]}; read as {official} by its words"
        )
        notes.append(Note(NoteKind.LAYOUT.value, where, snippet, action, block.source))
    elif heading.numeral is None and not block.heading:
        action = f"a line without a number read as the heading {official} by its words"
        notes.append(Note(NoteKind.LAYOUT.value, where, snippet, action, block.source))
    body = _spans_from(block.spans, heading.end)
    if not any(span.text.strip(_RUN_IN_SEPARATORS) for span in body):
        return []
    paragraph = TextBlock(body, block.source, wrapped=block.wrapped)
    action = "split the heading from the paragraph printed after it on its line"
    notes.append(Note(NoteKind.LAYOUT.value, where, snippet, action, block.source))
    return [paragraph]


def _note_passed_over(block: TextBlock, at: Position, notes: list[Note]) -> None:
    """Note a numbered line that reads like a later section's heading but starts none
    (a topic of 一 numbered like a section)."""
    named = passed_over(block, at) if at.section is Section.OVERVIEW else None
    if named is not None:
        action = (
            f"reads like the heading {heading_of(named)}, but its number does not follow "
            f"the last section's: kept as a topic of {heading_of(Section.OVERVIEW)}"
        )
        snippet = block.text.strip()[:40]
        notes.append(
            Note(NoteKind.LAYOUT.value, "$.report.overview", snippet, action, block.source)
        )


def _spans_from(spans: Sequence[Span], start: int) -> tuple[Span, ...]:
    """``spans`` from the character ``start`` on, without the separators there."""
    out: list[Span] = []
    for span in spans:
        if start >= len(span.text):
            start -= len(span.text)
            continue
        text = span.text[start:]
        if not out:
            text = text.lstrip(_RUN_IN_SEPARATORS)
        if text:
            out.append(Span(text, span.bold))
        start = 0
    return tuple(out)


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
        start = _place_above(first, start, notes)
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


def _place_above(title: list[TextBlock], start: int, notes: list[Note]) -> int:
    """Where a title that names its organ and year at ``start`` begins: a line above
    that holds a place ("某市某区" above "城市管理局2022年…报告") starts the organ's
    name, cut by a line break; noted."""
    begin = start
    while begin and _PLACE.match(title[begin - 1].text.strip()):
        begin -= 1
    if begin < start:
        joined = "".join(block.text.strip() for block in title[begin : start + 1])
        action = "joined the line above the title to it: it holds the start of the organ's name"
        notes.append(
            Note(NoteKind.LAYOUT.value, "$.report.title", joined, action, title[begin].source)
        )
    return begin


def _may_be_title(text: str) -> bool:
    return len(text.strip()) <= _LONGEST_TITLE and not text.rstrip().endswith(("。", "；"))


def _title_blocks(blocks: Sequence[Block]) -> list[TextBlock]:
    """The title at the start of ``blocks``: up to three short text blocks, to the first
    that says 报告 or 年报; none when they do not say it. A sentence is no title: a
    preamble that starts "本报告依据…", or "根据《条例》要求，现向社会公布某局…报告。"
    (a long block, or one that ends as a sentence does)."""
    title: list[TextBlock] = []
    for block in blocks[:3]:
        if not isinstance(block, TextBlock) or not _may_be_title(block.text):
            break
        title.append(block)
        if "报告" in block.text or "年报" in block.text:
            return title
    return []
