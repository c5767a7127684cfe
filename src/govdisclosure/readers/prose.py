"""The report's prose put back together: paragraphs, the subsections of 一, and the
date the report is signed with.

A paragraph that the document cut at a line wrap or a page break (text extracted from a
PDF) is joined to the next one when it does not end a sentence (with 。！？；： or a
closing quote) and the next one does not start a numbered item; nothing is inserted at
the join. ``**bold**`` in text and bold runs in HTML and Word become bold spans. A
subsection of 一 starts at its numbering ("（二）"); its title is a heading of its own,
or run in: marked by the document (a character style), else up to the first full stop
or colon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from govdisclosure.errors import ReportValueError
from govdisclosure.readers.blocks import Block, TextBlock
from govdisclosure.readers.facts import parse_date
from govdisclosure.readers.result import Note, NoteKind
from govdisclosure.readers.sections import NUMERALS, SUBSECTION
from govdisclosure.report import Overview, Subsection
from govdisclosure.text import Paragraph, Span

__all__ = ["overview", "paragraphs", "signature"]

_ENDS_SENTENCE = tuple("。！？!?；;：:…”’」』")
_NUMBERED = re.compile(rf"^\s*(?:[（(][{NUMERALS}\d]+[)）]|[{NUMERALS}]+[、.．]|\d+[、.．](?!\d))")
#: A run-in subsection title ends at its first full stop or colon, within this length.
_RUN_IN_TITLE = re.compile(r"^(?P<title>[^。：:]{1,40}[。：:])")
#: A numbered line this short, without a full stop, is a heading.
_SHORT_HEADING = 25


def paragraphs(
    blocks: Iterable[Block], where: str, notes: list[Note]
) -> list[tuple[Paragraph, TextBlock]]:
    """The paragraphs of ``blocks`` (text blocks only), wrapped ones joined (each join
    noted in ``notes``), each with the block it starts in."""
    out: list[tuple[list[Span], TextBlock]] = []
    for block in blocks:
        if not isinstance(block, TextBlock) or not block.text.strip():
            continue
        if out and _runs_on(out[-1][1], out[-1][0], block):
            spans = out[-1][0]
            tail = "".join(s.text for s in spans)[-12:]
            notes.append(
                Note(
                    NoteKind.TEXT.value,
                    where,
                    f"{tail}⏎{block.text[:12]}",
                    "joined a paragraph cut by a line wrap or page break",
                    block.source,
                )
            )
            spans.extend(block.spans)
            continue
        out.append((list(block.spans), block))
    result = []
    for spans, block in out:
        try:
            if any(span.bold for span in spans):
                paragraph = Paragraph(_stripped(spans))
            else:  # the same paragraph, built from one str: no Span per piece
                paragraph = Paragraph("".join([span.text for span in spans]).strip())
        except ReportValueError:
            continue
        result.append((paragraph, block))
    return result


def _runs_on(previous: TextBlock, spans: list[Span], block: TextBlock) -> bool:
    if not (previous.wrapped and block.wrapped) or block.heading or previous.heading:
        return False
    text = "".join(s.text for s in spans).rstrip()
    if not text or text.endswith(_ENDS_SENTENCE) or _NUMBERED.match(block.text):
        return False
    # A short numbered line is a heading ("（一）主动公开"), not a wrapped sentence.
    return not (_NUMBERED.match(text) and len(text) <= _SHORT_HEADING)


# --- section 一 -------------------------------------------------------------------------


def overview(blocks: list[Block], notes: list[Note]) -> Overview:
    """Section 一: its introduction, and its subsections by their numbering."""
    intro: list[Paragraph] = []
    started: list[tuple[str, bool, list[Paragraph]]] = []  # title, run in, paragraphs
    for paragraph, block in paragraphs(blocks, "$.report.overview", notes):
        text = paragraph.text
        match = SUBSECTION.match(text)
        if match is None:
            (started[-1][2] if started else intro).append(paragraph)
            continue
        expected = len(started) + 1
        if _chinese_number(match["number"]) != expected:
            notes.append(
                Note(
                    NoteKind.LAYOUT.value,
                    "$.report.overview.subsections",
                    text[:20],
                    f"subsection numbered （{match['number']}） where number {expected} "
                    "was due; numbered by position",
                    block.source,
                )
            )
        started.append(_subsection_start(paragraph, block, match.end()))
    return Overview(intro, [Subsection(t, body, run_in=run_in) for t, run_in, body in started])


def _subsection_start(
    paragraph: Paragraph, block: TextBlock, numbering: int
) -> tuple[str, bool, list[Paragraph]]:
    """A subsection's title, whether it is run in, and its first paragraph, from the
    paragraph that starts it (``numbering``: the length of its numbering)."""
    rest = _drop(paragraph.spans, numbering)
    rest_text = "".join(s.text for s in rest)
    run_in = _RUN_IN_TITLE.match(rest_text)
    # A title the document marked (a Word character style) ends where the mark does,
    # whatever punctuation it has; the paragraph lost its leading spaces.
    marked = block.lead - (len(block.text) - len(block.text.lstrip())) - numbering
    if marked > 0 and marked < len(rest_text):
        body = _stripped(_drop(rest, marked))
        return rest_text[:marked].strip(), True, [Paragraph(body)] if body else []
    if block.heading or run_in is None or len(rest_text) == len(run_in["title"]):
        return rest_text.strip(), False, []
    title = run_in["title"]
    body = _drop(rest, len(title))
    return title.strip(), True, [Paragraph(body)] if any(s.text.strip() for s in body) else []


def _chinese_number(numeral: str) -> int:
    """The value of a Chinese numeral up to 九十九 ("十一" is 11, "二十" is 20); 0 for
    anything else.

    >>> _chinese_number("六"), _chinese_number("十一"), _chinese_number("二十三")
    (6, 11, 23)
    """
    digits = "一二三四五六七八九"
    tens, _, units = numeral.partition("十")
    if not _:
        return digits.find(numeral) + 1 if len(numeral) == 1 else 0
    high = 1 if not tens else digits.find(tens) + 1
    low = 0 if not units else digits.find(units) + 1
    return high * 10 + low if high > 0 and low >= 0 and len(tens) <= 1 and len(units) <= 1 else 0


# --- the signature ------------------------------------------------------------------------


def signature(
    blocks: list[Block], organ: str, notes: list[Note]
) -> tuple[list[Block], date | None]:
    """The date the report is signed with at its end (and the organ's name above
    it), taken out of the last section."""
    texts = [b for b in blocks if isinstance(b, TextBlock) and b.text.strip()]
    signed = parse_date(texts[-1].text) if texts else None
    if signed is None:
        return blocks, None
    drop = {id(texts[-1])}
    action = "read the date under the report as its publication date"
    if len(texts) > 1 and _signs_for(texts[-2].text, organ):
        drop.add(id(texts[-2]))
        action += ", and dropped the organ's name above it"
    notes.append(
        Note(
            NoteKind.TEXT.value,
            "$.report.published",
            texts[-1].text.strip(),
            action,
            texts[-1].source,
        )
    )
    return [b for b in blocks if id(b) not in drop], signed


def _signs_for(text: str, organ: str) -> bool:
    """Whether ``text``, the line above the date at a report's end, is the organ's name:
    the whole name, or its end ("某区教育局" for "某市某区教育局": signatures drop the
    name of the level above), never a sentence.

    >>> _signs_for("某区教育局", "某市某区教育局"), _signs_for("教育局", "某市某区教育局")
    (True, True)
    >>> _signs_for("局", "某市某区教育局"), _signs_for("无。", "某市某区教育局")
    (False, False)
    """
    name = re.sub(r"\s+", "", text)
    return name == organ or (len(name) >= 3 and organ.endswith(name))


# --- spans --------------------------------------------------------------------------------


def _stripped(spans: list[Span]) -> list[Span]:
    """``spans`` without the white space at the paragraph's two ends."""
    out = list(spans)
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        out[0] = Span(out[0].text.lstrip(), out[0].bold)
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold)
    return out


def _drop(spans: Sequence[Span], count: int) -> list[Span]:
    """``spans`` without their first ``count`` characters."""
    out = []
    for span in spans:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        out.append(Span(span.text[count:], span.bold))
        count = 0
    return out
