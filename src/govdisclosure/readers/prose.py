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
from govdisclosure.numerals import NUMERAL_CHARACTERS, value
from govdisclosure.readers.blocks import Block, TextBlock
from govdisclosure.readers.facts import parse_date
from govdisclosure.readers.result import Note, NoteKind
from govdisclosure.readers.sections import NUMERALS, SUBSECTION
from govdisclosure.report import Overview, Subsection
from govdisclosure.text import Paragraph, Span
from govdisclosure.wording import is_undated

__all__ = ["overview", "paragraphs", "signature"]

_ENDS_SENTENCE = tuple("。！？!?；;：:…”’」』")
_NUMBERED = re.compile(
    rf"^\s*(?:[（(][{NUMERAL_CHARACTERS}\d]+[)）]|[{NUMERALS}]+[、.．]|\d+[、.．](?!\d))"
)
#: A run-in subsection title ends at its first full stop or colon, within this length.
_RUN_IN_TITLE = re.compile(r"^(?P<title>[^。：:]{1,40}[。：:])")
#: A numbered line this short, without a full stop, is a heading.
_SHORT_HEADING = 25


class _Joined:
    """A paragraph being put together from blocks: its spans, the block it starts in, and
    the texts of its blocks (never blank), which tell whether the next block runs on
    without joining them all again (a text of a thousand short lines stays linear)."""

    __slots__ = ("block", "pieces", "size", "spans")

    def __init__(self, block: TextBlock) -> None:
        self.spans = list(block.spans)
        self.block = block
        self.pieces = [block.text]
        self.size = len(block.text)

    def add(self, block: TextBlock) -> None:
        self.spans.extend(block.spans)
        self.pieces.append(block.text)
        self.size += len(block.text)

    def tail(self, size: int) -> str:
        """The paragraph's last ``size`` characters (each piece holds one at least)."""
        return "".join(self.pieces[-size:])[-size:]


def paragraphs(
    blocks: Iterable[Block], where: str, notes: list[Note]
) -> list[tuple[Paragraph, TextBlock]]:
    """The paragraphs of ``blocks`` (text blocks only), wrapped ones joined (each join
    noted in ``notes``), each with the block it starts in."""
    out: list[_Joined] = []
    for block in blocks:
        if not isinstance(block, TextBlock) or not block.text.strip():
            continue
        if out and _runs_on(out[-1], block):
            notes.append(
                Note(
                    NoteKind.TEXT.value,
                    where,
                    f"{out[-1].tail(12)}⏎{block.text[:12]}",
                    "joined a paragraph cut by a line wrap or page break",
                    block.source,
                )
            )
            out[-1].add(block)
            continue
        out.append(_Joined(block))
    result = []
    for joined in out:
        spans = joined.spans
        try:
            if any(span.bold for span in spans):
                paragraph = Paragraph(_stripped(spans))
            else:  # the same paragraph, built from one str: no Span per piece
                paragraph = Paragraph("".join(joined.pieces).strip())
        except ReportValueError:
            continue
        result.append((paragraph, joined.block))
    return result


def _runs_on(joined: _Joined, block: TextBlock) -> bool:
    previous = joined.block
    if not (previous.wrapped and block.wrapped) or block.heading or previous.heading:
        return False
    last = joined.pieces[-1].rstrip()  # no piece is blank
    if last.endswith(_ENDS_SENTENCE) or _NUMBERED.match(block.text):
        return False
    # A short numbered line is a heading ("（一）主动公开"), not a wrapped sentence.
    size = joined.size - (len(joined.pieces[-1]) - len(last))
    return size > _SHORT_HEADING or not _NUMBERED.match("".join(joined.pieces))


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
        if value(match["number"]) != expected:
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


# --- the signature ------------------------------------------------------------------------


def signature(
    blocks: list[Block], organ: str, notes: list[Note]
) -> tuple[list[Block], date | None]:
    """The date the report is signed with at its end (and the organ's name above
    it), taken out of the last section."""
    texts = [b for b in blocks if isinstance(b, TextBlock) and b.text.strip()]
    signed = parse_date(texts[-1].text) if texts else None
    undated = signed is None and bool(texts) and is_undated(texts[-1].text)
    if signed is None and not undated:
        return blocks, None
    drop = {id(texts[-1])}
    action = (
        "read the blank date line under the report (no publication date)"
        if undated
        else "read the date under the report as its publication date"
    )
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
