"""From a document's blocks to a report: the back end every reader shares.

The front ends (text, HTML, DOCX) turn a document into :mod:`blocks
<govdisclosure.readers.blocks>`; :func:`build_report` finds in them the title (organ and
year), the preamble and the facts it states, the six sections by their headings, the
subsections of 一, the prose of 五 and 六, the tables of 二, 三 and 四 (through
:func:`~govdisclosure.readers.tables.read_table`), the edition their labels use, and the
signature's date — and notes every decision.

How prose is put back together: a paragraph that the document cut at a line wrap or a
page break (text extracted from a PDF) is joined to the next one when it does not end a
sentence (with 。！？；： or a closing quote) and the next one does not start a
numbered item; nothing is inserted at the join. ``**bold**`` in text and bold runs in
HTML and Word become bold spans.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any

from govdisclosure.categories import Section
from govdisclosure.editions import Edition, edition_for_year
from govdisclosure.errors import OptionError, ReadError, ReportValueError
from govdisclosure.labels import normalize_label
from govdisclosure.layouts import layout
from govdisclosure.readers.assemble import read_table
from govdisclosure.readers.blocks import Block, TableBlock, TextBlock
from govdisclosure.readers.facts import organ_kind, parse_date, parse_title, preamble_facts
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef
from govdisclosure.readers.vocabulary import detect_edition
from govdisclosure.report import AnnualReport, Overview, Preamble, Scope, Subsection
from govdisclosure.text import Paragraph, Span

__all__ = ["build_report", "section_of"]

_NUMERALS = "一二三四五六七八九十"
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
_HEADING = re.compile(rf"^\s*(?P<number>[{_NUMERALS}])\s*[、.．,，]\s*(?P<rest>\S.{{0,40}})$")
#: How every numbered heading starts (what :data:`_HEADING` matches first).
_HEADING_START = re.compile(rf"\s*[{_NUMERALS}]\s*[、.．,，]")
_SECTION_NUMBER = {section: number for number, section in enumerate(Section)}
_SUBSECTION = re.compile(rf"^\s*[（(]\s*(?P<number>[{_NUMERALS}]+)\s*[)）]\s*")
_ENDS_SENTENCE = tuple("。！？!?；;：:…”’」』")
_NUMBERED = re.compile(
    rf"^\s*(?:[（(][{_NUMERALS}\d]+[)）]|[{_NUMERALS}]+[、.．]|\d+[、.．](?!\d))"
)
#: A run-in subsection title ends at its first full stop or colon, within this length.
_RUN_IN_TITLE = re.compile(r"^(?P<title>[^。：:]{1,40}[。：:])")
#: A numbered line this short, without a full stop, is a heading.
_SHORT_HEADING = 25
_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
#: A title is looked for among this many blocks at the start, and is no longer than this.
_TITLE_SEARCH = 15
_LONGEST_TITLE = 80
#: A table that lacks more than this share of its rows is not read (unless partial=True).
_MOST_ROWS_MISSING = 0.25


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
        if match["number"] == _NUMERALS[number] and not match["rest"].endswith("。"):
            return any(word in match["rest"] for word in words)
        return False
    if block.heading == 0 or len(text) > 40 or _SUBSECTION.match(text):
        return False
    # A heading without its number must read like the section's title, not merely share
    # a word with it (a subsection "依申请公开" is no section 三).
    similarity = difflib.SequenceMatcher(None, normalize_label(text), normalize_label(expected.zh))
    return any(word in text for word in words) and similarity.ratio() >= 0.6


class _Builder:
    def __init__(self, blocks: Sequence[Block], source: str | None, options: dict[str, Any]):
        self.blocks = blocks
        self.source = source
        self.options = options
        self.notes: list[Note] = []

    def note(
        self, kind: NoteKind, where: str, snippet: str, action: str, at: SourceRef | None
    ) -> None:
        self.notes.append(Note(kind.value, where, snippet, action, at))

    def fail(self, message: str) -> ReadError:
        return ReadError(message, source=self.source)

    # -- the document's parts ------------------------------------------------------------

    def split(self) -> tuple[list[TextBlock], list[Block], dict[Section, list[Block]]]:
        """The title blocks, the preamble, and the blocks of each section found."""
        start = self.title_start()
        blocks = list(self.blocks[start:])
        title = _title_blocks(blocks)
        del blocks[: len(title)]
        if not title:
            blocks = list(self.blocks)
        preamble: list[Block] = []
        sections: dict[Section, list[Block]] = {}
        order = list(Section)
        current: Section | None = None
        for block in blocks:
            if isinstance(block, TextBlock) and (
                block.heading or _HEADING_START.match(block.text) is not None
            ):  # only these can be headings (see section_of)
                following = order[order.index(current) + 1 :] if current else order
                found = next((s for s in following if section_of(block, s)), None)
                if found is not None:
                    current = found
                    sections[found] = []
                    continue
            if current is None:
                preamble.append(block)
            else:
                sections[current].append(block)
        return title, preamble, sections

    def title_start(self) -> int:
        """Where the title starts: at the first block, unless other text comes before it
        — a web page's navigation, or the information printed above an article. Then the
        title is the first short block that names an organ and a year (a title printed on
        two lines names the organ on one and the year on the other: neither alone does),
        within the first few blocks and before the first section; the blocks before it
        are dropped, with a note."""
        first = _title_blocks(self.blocks)
        if first and parse_title("".join(b.text for b in first)) is not None:
            start = next((i for i, b in enumerate(first) if parse_title(b.text)), 0)
        else:
            start = 0
            for at in range(1, min(len(self.blocks), _TITLE_SEARCH)):
                block = self.blocks[at]
                if isinstance(block, TextBlock) and any(section_of(block, s) for s in Section):
                    break  # the report has begun: it prints no title
                title = _title_blocks(self.blocks[at:])
                printed = "".join(b.text for b in title)
                if title and len(printed.strip()) <= _LONGEST_TITLE and parse_title(printed):
                    start = at
                    break
        if start:
            dropped = " / ".join(
                b.text.strip() if isinstance(b, TextBlock) else "(a table)"
                for b in self.blocks[:start]
            )
            self.note(
                NoteKind.LAYOUT,
                "$.report.title",
                dropped[:60],
                f"dropped {start} blocks printed before the title (the page around the report)",
                self.blocks[0].source,
            )
        return start

    def organ_and_year(self, title: list[TextBlock]) -> tuple[str, int, str | None]:
        printed = "".join(block.text.strip() for block in title)
        organ = self.options.get("organ")
        year = self.options.get("year")
        parsed = parse_title(printed) if printed else None
        if parsed is not None:
            # What the caller passed wins over the title; a title that says otherwise is
            # noted (the report's text may still speak of the printed organ or year).
            for name, given, said in (("organ", organ, parsed[0]), ("year", year, parsed[1])):
                if given and given != said:
                    self.note(
                        NoteKind.LAYOUT,
                        f"$.report.{name}",
                        printed,
                        f"the title says {said}; used the {name} {given} as asked",
                        title[0].source,
                    )
            organ = organ or parsed[0]
            year = year or parsed[1]
        if not organ or not year:
            shown = printed[:60] or "(no title)"
            raise self.fail(
                f"the title {shown!r} does not name an organ and a year as "
                "'{organ}{year}年政府信息公开工作年度报告' does; pass organ= and year="
            )
        derived = f"{organ}{year}年政府信息公开工作年度报告"
        squeezed = re.sub(r"\s+", "", printed)
        if squeezed == derived or not printed:
            if printed and printed != derived:
                self.note(
                    NoteKind.TEXT,
                    "$.report.title",
                    printed,
                    "removed the spaces and line breaks of the title; it is the standard one",
                    title[0].source,
                )
            return organ, year, None
        custom = re.sub(r"\s*\n\s*", "", printed)
        self.note(
            NoteKind.TEXT,
            "$.report.title",
            custom,
            "kept the printed title as the report's own: it is not the standard one",
            title[0].source,
        )
        return organ, year, custom

    # -- prose -----------------------------------------------------------------------------

    def paragraphs(self, blocks: Iterable[Block], where: str) -> list[tuple[Paragraph, TextBlock]]:
        """The paragraphs of ``blocks`` (text blocks only), wrapped ones joined."""
        out: list[tuple[list[Span], TextBlock]] = []
        for block in blocks:
            if not isinstance(block, TextBlock) or not block.text.strip():
                continue
            if out and self._runs_on(out[-1][1], out[-1][0], block):
                spans = out[-1][0]
                tail = "".join(s.text for s in spans)[-12:]
                self.note(
                    NoteKind.TEXT,
                    where,
                    f"{tail}⏎{block.text[:12]}",
                    "joined a paragraph cut by a line wrap or page break",
                    block.source,
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

    @staticmethod
    def _runs_on(previous: TextBlock, spans: list[Span], block: TextBlock) -> bool:
        if not (previous.wrapped and block.wrapped) or block.heading or previous.heading:
            return False
        text = "".join(s.text for s in spans).rstrip()
        if not text or text.endswith(_ENDS_SENTENCE) or _NUMBERED.match(block.text):
            return False
        # A short numbered line is a heading ("（一）主动公开"), not a wrapped sentence.
        return not (_NUMBERED.match(text) and len(text) <= _SHORT_HEADING)

    def overview(self, blocks: list[Block]) -> Overview:
        intro: list[Paragraph] = []
        subsections: list[Subsection] = []
        current: tuple[str, bool, list[Paragraph]] | None = None
        expected = 1
        for paragraph, block in self.paragraphs(blocks, "$.report.overview"):
            text = paragraph.text
            match = _SUBSECTION.match(text)
            if match is None:
                (current[2] if current else intro).append(paragraph)
                continue
            if _chinese_number(match["number"]) != expected:
                self.note(
                    NoteKind.LAYOUT,
                    "$.report.overview.subsections",
                    text[:20],
                    f"subsection numbered （{match['number']}） where number {expected} "
                    "was due; numbered by position",
                    block.source,
                )
            expected += 1
            if current:
                subsections.append(_subsection(*current))
            rest = _drop(paragraph.spans, match.end())
            rest_text = "".join(s.text for s in rest)
            run_in = _RUN_IN_TITLE.match(rest_text)
            # A title the document marked (a Word character style) ends where the mark
            # does, whatever punctuation it has; the paragraph lost its leading spaces.
            marked = block.lead - (len(block.text) - len(block.text.lstrip())) - match.end()
            if marked > 0 and marked < len(rest_text):
                body = _stripped(_drop(rest, marked))
                current = (rest_text[:marked].strip(), True, [Paragraph(body)] if body else [])
            elif block.heading or run_in is None or len(rest_text) == len(run_in["title"]):
                title = rest_text.strip()
                current = (title, False, [])
            else:
                title = run_in["title"]
                body = _drop(rest, len(title))
                current = (title.strip(), True, [Paragraph(body)] if _has_text(body) else [])
        if current:
            subsections.append(_subsection(*current))
        return Overview(intro, subsections)

    def signature(self, blocks: list[Block], organ: str) -> tuple[list[Block], Any]:
        """The date the report is signed with at its end (and the organ's name above
        it), taken out of the last section."""
        texts = [b for b in blocks if isinstance(b, TextBlock) and b.text.strip()]
        if not texts:
            return blocks, None
        date = parse_date(texts[-1].text)
        if date is None:
            return blocks, None
        drop = {id(texts[-1])}
        action = "read the date under the report as its publication date"
        if len(texts) > 1 and _signs_for(texts[-2].text, organ):
            drop.add(id(texts[-2]))
            action += ", and dropped the organ's name above it"
        self.note(
            NoteKind.TEXT, "$.report.published", texts[-1].text.strip(), action, texts[-1].source
        )
        return [b for b in blocks if id(b) not in drop], date

    # -- the whole report ------------------------------------------------------------------

    def build(self, fmt: str) -> ReadResult:
        title, preamble_blocks, sections = self.split()
        if not sections:
            # Checked before the title: asking for organ= and year= would not help.
            raise self.fail(
                "no section headings (一、总体情况 … 六、其他需要报告的事项) found: "
                "this is not an annual report on government information disclosure"
            )
        organ, year, custom_title = self.organ_and_year(title)
        for section in Section:
            if section not in sections:
                self.note(
                    NoteKind.MISSING,
                    f"$.report.{section.value}",
                    section.zh,
                    "no heading of this section was found",
                    SourceRef(file=self.source),
                )
        tables: list[TableBlock] = [
            b for s in _TABLES for b in sections.get(s, []) if isinstance(b, TableBlock)
        ]
        if not tables:
            raise self.fail("the document holds none of the report's tables (二, 三, 四)")
        edition = self.edition(tables, year)
        last = max(sections, key=list(Section).index, default=None)
        published = None
        if last is not None and last not in _TABLES:
            sections[last], published = self.signature(sections[last], organ)
        report_tables: dict[str, Any] = {}
        sources: dict[tuple[Section, int], SourceRef] = {}
        for section in _TABLES:
            blocks = sections.get(section, [])
            read = read_table(
                section,
                edition,
                [b for b in blocks if isinstance(b, TableBlock)],
                source=self.source,
            )
            self.check_complete(section, read.notes, edition)
            prose = [p.text for p, _ in self.paragraphs(blocks, f"$.report.{section.value}")]
            table = read.table
            if prose:
                import attrs

                table = attrs.evolve(table, notes=(*table.notes, *prose))
                for text in prose:
                    self.note(
                        NoteKind.EXTRA,
                        f"$.report.{section.value}._notes",
                        text[:40],
                        "kept text printed in the table's section as a note under it",
                        None,
                    )
            self.notes.extend(read.notes)
            report_tables[section.value] = table
            sources.update({(section, p): ref for p, ref in read.sources.items()})
        preamble = self.preamble(preamble_blocks)
        if "organ_kind" in self.options:
            kind = self.options["organ_kind"]
        else:
            kind = organ_kind(organ)
            if kind is not None:
                self.note(
                    NoteKind.INFERRED,
                    "$.report.organ_kind",
                    organ,
                    f"the name says the organ is a {kind.value} ({kind.zh})",
                    None,
                )
        report = AnnualReport(
            organ=organ,
            year=year,
            edition=edition,
            organ_kind=kind,
            scope=self.options.get("scope", Scope()),
            published=published,
            title=custom_title,
            preamble=preamble,
            overview=self.overview(sections.get(Section.OVERVIEW, [])),
            problems=[
                p
                for p, _ in self.paragraphs(sections.get(Section.PROBLEMS, []), "$.report.problems")
            ],
            other_matters=[
                p
                for p, _ in self.paragraphs(
                    sections.get(Section.OTHER, []), "$.report.other_matters"
                )
            ],
            **report_tables,
        )
        return ReadResult(report, tuple(self.notes), sources, format=fmt)

    def edition(self, tables: list[TableBlock], year: int) -> Edition:
        given = self.options.get("edition")
        edition, why = detect_edition(tables)
        if given is not None:
            chosen = Edition(given)
            action = f"used the {chosen.value} edition as asked"
            if edition is not None and edition is not chosen:
                # Say so: rows and columns of the other edition's layout end up as extra
                # rows and unplaced figures, each noted where it is read.
                action += f"; the labels printed are the {edition.value} edition's ({why})"
            self.note(NoteKind.EDITION, "$.report.edition", chosen.value, action, None)
            return chosen
        if edition is None:
            edition = edition_for_year(year)
            why += f"; chose the {edition.value} edition by the year {year}"
        elif not edition.fits(year):
            why += f" (a {year} report in the {edition.value} layout: the checker flags it)"
        self.note(NoteKind.EDITION, "$.report.edition", edition.value, why, None)
        return edition

    def check_complete(self, section: Section, notes: Sequence[Note], edition: Edition) -> None:
        rows = len(layout(edition).table(section).row_plans)
        missing = sum(1 for n in notes if n.kind == NoteKind.MISSING.value)
        if missing > rows * _MOST_ROWS_MISSING and not self.options.get("partial"):
            raise self.fail(
                f"table {layout(edition).table(section).number} is incomplete: {missing} of "
                f"{rows} rows not found; pass partial=True to read what there is"
            )

    def preamble(self, blocks: list[Block]) -> Preamble:
        paragraphs = [p for p, _ in self.paragraphs(blocks, "$.report.preamble")]
        facts = preamble_facts("".join(p.text for p in paragraphs))
        preamble = Preamble(paragraphs, **facts)
        # A report without wording of its own prints one composed from its facts; read
        # back, that wording is not the report's own.
        from govdisclosure.wording import compose_preamble

        if (
            paragraphs
            and facts
            and _may_be_composed("".join(p.text for p in paragraphs), facts)
            and [p.text for p in paragraphs] == compose_preamble(Preamble(**facts), "zh_CN")
        ):
            return Preamble(**facts)
        return preamble


_SPACE = re.compile(r"\s")


def _may_be_composed(text: str, facts: dict[str, Any]) -> bool:
    """Whether ``text`` can be the standard wording composed from ``facts``: that wording
    puts no white space between its words and dates, so white space outside the facts'
    own strings ("2020 年 1 月 1 日") says the wording is the report's own. It saves
    composing the wording (dates are formatted through babel) for most reports."""
    if _SPACE.search(text) is None:
        return True
    contact, website = facts.get("contact"), facts.get("website")
    strings: list[str | None] = [*facts.get("legal_basis", ())]
    if website is not None:
        strings += [website.name, website.url or ""]
    if contact is not None:
        strings += [contact.office, contact.address, contact.postcode, contact.phone]
        strings.append(contact.email)
    for value in strings:
        if value:
            text = text.replace(value, "")
    return _SPACE.search(text) is None


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


def _has_text(spans: Sequence[Span]) -> bool:
    return any(span.text.strip() for span in spans)


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


def _subsection(title: str, run_in: bool, paragraphs: list[Paragraph]) -> Subsection:
    return Subsection(title, paragraphs, run_in=run_in)


def build_report(
    blocks: Sequence[Block], *, fmt: str, source: str | None = None, **options: Any
) -> ReadResult:
    """Build a report from a document's blocks (see the module's documentation).

    Options: ``organ``, ``year``, ``edition``, ``organ_kind``, ``scope`` (when the
    document does not print them, or prints them wrongly: a front end passes what the
    document's properties say), ``partial`` (read a document whose tables lack rows)."""
    unknown = set(options) - {"organ", "year", "edition", "organ_kind", "scope", "partial"}
    if unknown:
        raise OptionError(f"unknown reader options: {', '.join(sorted(unknown))}")
    return _Builder(blocks, source, options).build(fmt)
