"""From a document's blocks to a report: the back end every reader shares.

The front ends (text, HTML, DOCX) turn a document into :mod:`blocks
<govdisclosure.readers.blocks>`; :func:`build_report` divides them into the title, the
preamble and the six sections (:mod:`~govdisclosure.readers.sections`), reads the organ
and year from the title or, when it does not name them, the report's words
(:mod:`~govdisclosure.readers.identity`), the facts the preamble states
(:mod:`~govdisclosure.readers.facts`), the prose of 一, 五 and 六 and the signature's date
(:mod:`~govdisclosure.readers.prose`), the tables of 二, 三 and 四 (through
:func:`~govdisclosure.readers.assemble.read_table`) and the edition their labels use —
and notes every decision. A document in Traditional script is first given Simplified
structure (:mod:`~govdisclosure.readers.script`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs

from govdisclosure.categories import OrganKind, Section
from govdisclosure.editions import Edition, edition_for_year
from govdisclosure.errors import OptionError, ReadError
from govdisclosure.layouts import layout
from govdisclosure.readers.assemble import read_table
from govdisclosure.readers.blocks import Block, TableBlock, TextBlock
from govdisclosure.readers.facts import organ_kind, preamble_facts
from govdisclosure.readers.identity import identity
from govdisclosure.readers.prose import overview, paragraphs, signature
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef
from govdisclosure.readers.script import simplified_structure
from govdisclosure.readers.sections import heading_of, split_document
from govdisclosure.readers.vocabulary import detect_edition
from govdisclosure.report import AnnualReport, Preamble, Scope
from govdisclosure.tables import ApplicationTable, CellTable, ProactiveTable, ReviewTable
from govdisclosure.text import Paragraph

__all__ = ["build_report", "build_tables"]

_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
_TABLE_CLASSES: dict[Section, type[CellTable[Any, Any]]] = {
    Section.PROACTIVE: ProactiveTable,
    Section.APPLICATIONS: ApplicationTable,
    Section.REVIEWS: ReviewTable,
}
#: A table that lacks more than this share of its rows is not read (unless partial=True).
_MOST_ROWS_MISSING = 0.25
#: The blocks of each section found.
_Sections = dict[Section, list[Block]]


class _Builder:
    def __init__(self, blocks: Sequence[Block], source: str | None, options: dict[str, Any]):
        self.blocks = blocks
        self.source = source
        self.options = options
        self.notes: list[Note] = []
        self.guessed: set[tuple[Section, int]] = set()

    def note(
        self, kind: NoteKind, where: str, snippet: str, action: str, at: SourceRef | None
    ) -> None:
        self.notes.append(Note(kind.value, where, snippet, action, at))

    def fail(self, message: str) -> ReadError:
        return ReadError(message, source=self.source)

    # -- the whole report, step by step ----------------------------------------------------

    def build(self, fmt: str) -> ReadResult:
        title, preamble_blocks, sections = split_document(self.blocks, self.notes)
        for section in (s for s in _TABLES if s in sections):
            sections[section] = _captions(sections[section], section, self.notes)
        if not sections:
            # Checked before the title: asking for organ= and year= would not help.
            raise self.fail(
                f"no section headings ({heading_of(Section.OVERVIEW)} … "
                f"{heading_of(Section.OTHER)}) found: "
                "this is not an annual report on government information disclosure"
            )
        return self.report(fmt, title, preamble_blocks, sections)

    def report(
        self,
        fmt: str,
        title: list[TextBlock],
        preamble_blocks: list[Block],
        sections: _Sections,
        context: Sequence[Block] | None = None,
    ) -> ReadResult:
        """The report from its parts: the title, the preamble and the sections found
        (``context``: where else the organ and year may be stated, the preamble when not
        given)."""
        organ, year, custom_title = identity(
            title,
            preamble_blocks if context is None else context,
            sections,
            options=self.options,
            notes=self.notes,
            source=self.source,
        )
        self.note_missing(sections)
        edition = self.edition(self.table_blocks(sections), year)
        published = self.signed(sections, organ)
        tables, sources = self.tables(sections, edition)
        preamble = self.preamble(preamble_blocks)
        report = AnnualReport(
            organ=organ,
            year=year,
            edition=edition,
            organ_kind=self.organ_kind(organ),
            scope=self.options.get("scope", Scope()),
            published=published,
            title=custom_title,
            preamble=preamble,
            overview=overview(sections.get(Section.OVERVIEW, []), self.notes),
            problems=self.prose(sections, Section.PROBLEMS, "$.report.problems"),
            other_matters=self.prose(sections, Section.OTHER, "$.report.other_matters"),
            **tables,
        )
        guessed = frozenset(self.guessed)
        return ReadResult(report, tuple(self.notes), sources, format=fmt, guessed=guessed)

    def note_missing(self, sections: _Sections) -> None:
        for section in Section:
            if section not in sections:
                self.note(
                    NoteKind.MISSING,
                    f"$.report.{section.value}",
                    section.zh,
                    self.why_missing(section),
                    SourceRef(file=self.source),
                )

    def why_missing(self, section: Section) -> str:
        del section
        return "no heading of this section was found"

    def table_blocks(self, sections: _Sections) -> list[TableBlock]:
        """The tables printed in the sections of tables 二, 三 and 四: some there must be,
        unless the caller asked for what there is (a page excerpt, a report whose tables
        are images: its prose is read, its tables left blank)."""
        tables = [b for s in _TABLES for b in sections.get(s, []) if isinstance(b, TableBlock)]
        if not tables and not self.options.get("partial"):
            # Every edition numbers its tables alike.
            numbers = ", ".join(layout(Edition.V2021).table(s).number for s in _TABLES)
            raise self.fail(
                f"the document holds none of the report's tables ({numbers}); "
                "pass partial=True to read its prose, with the tables left blank"
            )
        return tables

    def edition(self, tables: list[TableBlock], year: int) -> Edition:
        given = self.options.get("edition")
        edition, why = detect_edition(tables) if tables else (None, "the document prints no table")
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

    def signed(self, sections: _Sections, organ: str) -> date | None:
        """The date the report is signed with, taken out of its last section (unless
        that is a table's)."""
        last = max(sections, key=list(Section).index, default=None)
        if last is None or last in _TABLES:
            return None
        sections[last], published = signature(sections[last], organ, self.notes)
        return published

    # -- the tables --------------------------------------------------------------------------

    def tables(
        self, sections: _Sections, edition: Edition
    ) -> tuple[dict[str, Any], dict[tuple[Section, int], SourceRef]]:
        """The report's three tables (by field name), and where each cell came from."""
        tables: dict[str, Any] = {}
        sources: dict[tuple[Section, int], SourceRef] = {}
        for section in _TABLES:
            blocks = sections.get(section, [])
            if self.options.get("partial") and not any(isinstance(b, TableBlock) for b in blocks):
                tables[section.value] = self.with_prose(
                    self.unprinted(section, edition), section, blocks
                )
                continue
            read = read_table(
                section,
                edition,
                [b for b in blocks if isinstance(b, TableBlock)],
                source=self.source,
            )
            self.check_complete(section, read.notes, edition)
            tables[section.value] = self.with_prose(read.table, section, blocks)
            self.notes.extend(read.notes)
            sources.update({(section, p): ref for p, ref in read.sources.items()})
            self.guessed.update((section, position) for position in read.guessed)
        return tables, sources

    def unprinted(self, section: Section, edition: Edition) -> CellTable[Any, Any]:
        """The blank table of a section that prints none (read with partial=True)."""
        table = layout(edition).table(section)
        self.note(
            NoteKind.MISSING,
            f"$.report.{section.value}",
            f"{table.number}、{section.zh}",
            "the document prints no table here (an excerpt, or a table printed as an image): "
            f"left all {len(table.cells)} cells blank (not 0), as partial=True asks",
            None,
        )
        return _TABLE_CLASSES[section].blank(edition)

    def with_prose(
        self, table: CellTable[Any, Any], section: Section, blocks: list[Block]
    ) -> CellTable[Any, Any]:
        """``table`` with the text printed in its section kept as notes under it."""
        prose = [p.text for p, _ in paragraphs(blocks, f"$.report.{section.value}", self.notes)]
        if not prose:
            return table
        for text in prose:
            self.note(
                NoteKind.EXTRA,
                f"$.report.{section.value}._notes",
                text[:40],
                "kept text printed in the table's section as a note under it",
                None,
            )
        return attrs.evolve(table, notes=(*table.notes, *prose))

    def check_complete(self, section: Section, notes: Sequence[Note], edition: Edition) -> None:
        table = layout(edition).table(section)
        missing = sum(1 for n in notes if n.kind == NoteKind.MISSING.value)
        if missing > len(table.row_plans) * _MOST_ROWS_MISSING and not self.options.get("partial"):
            raise self.fail(
                f"table {table.number} is incomplete: {missing} of {len(table.row_plans)} "
                "rows not found; pass partial=True to read what there is"
            )

    # -- the prose -----------------------------------------------------------------------------

    def preamble(self, blocks: list[Block]) -> Preamble:
        printed = [p for p, _ in paragraphs(blocks, "$.report.preamble", self.notes)]
        text = "".join(p.text for p in printed)
        facts = preamble_facts(text)
        preamble = Preamble(printed, **facts)
        # A report without wording of its own prints one composed from its facts; read
        # back, that wording is not the report's own.
        from govdisclosure.wording import compose_preamble

        composed = printed and facts and _may_be_composed(text, facts)
        if composed and [p.text for p in printed] == compose_preamble(Preamble(**facts), "zh_CN"):
            return Preamble(**facts)
        return preamble

    def organ_kind(self, organ: str) -> OrganKind | str | None:
        """The kind of organ as asked, else as its name says (with a note)."""
        if "organ_kind" in self.options:
            asked: OrganKind | str | None = self.options["organ_kind"]
            return asked
        kind = organ_kind(organ)
        if kind is not None:
            self.note(
                NoteKind.INFERRED,
                "$.report.organ_kind",
                organ,
                f"the name says the organ is a {kind.value} ({kind.zh})",
                None,
            )
        return kind

    def prose(self, sections: _Sections, section: Section, where: str) -> list[Paragraph]:
        return [p for p, _ in paragraphs(sections.get(section, []), where, self.notes)]


_SPACE = re.compile(r"\s")
_DIGIT = re.compile(r"\d")


def _captions(blocks: list[Block], section: Section, notes: list[Note]) -> list[Block]:
    """``blocks`` with the lines of text that the text reader took for a table's rows
    turned back into text when that is all the section holds: lines split at nothing,
    with no figure ("（统计表见附图）" where the table is an image), are no table. (A
    caption "第二十条第（一）项" above a table's figures stays one of its rows.)"""
    tables = [block for block in blocks if isinstance(block, TableBlock)]
    if not tables or not all(_text_lines(block) for block in tables):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, TextBlock):
            out.append(block)
            continue
        for (cell,) in block.rows:
            action = "read as text, not as a table's row: the section holds no figure"
            where = f"$.report.{section.value}"
            notes.append(Note(NoteKind.LAYOUT.value, where, cell.text[:40], action, cell.source))
            out.append(TextBlock.plain(cell.text, cell.source))
    return out


def _text_lines(block: TableBlock) -> bool:
    """Whether ``block`` is lines of text split at nothing, without a figure."""
    return not block.exact and all(
        len(row) == 1 and _DIGIT.search(row[0].text) is None for row in block.rows
    )


def _may_be_composed(text: str, facts: dict[str, Any]) -> bool:
    """Whether ``text`` can be the standard wording composed from ``facts``: that wording
    puts no white space between its words and dates, so white space outside the facts'
    own strings ("2020 年 1 月 1 日") says the wording is the report's own. It saves
    composing the wording (dates are formatted through babel) for most reports."""
    if _SPACE.search(text) is None:
        return True
    strings: list[str | None] = [*facts.get("legal_basis", ())]
    for fact in (facts.get("website"), facts.get("contact")):
        if fact is not None:
            strings += attrs.astuple(fact)  # its strings: name and address, office, phone…
    for value in strings:
        if value:
            text = text.replace(value, "")
    return _SPACE.search(text) is None


_OPTIONS = frozenset({"organ", "year", "edition", "organ_kind", "scope", "partial"})


def build_report(
    blocks: Sequence[Block], *, fmt: str, source: str | None = None, **options: Any
) -> ReadResult:
    """Build a report from a document's blocks (see the module's documentation).

    Options: ``organ``, ``year``, ``edition``, ``organ_kind``, ``scope`` (when the
    document does not print them, or prints them wrongly: a front end passes what the
    document's properties say), ``partial`` (read a document whose tables lack rows)."""
    unknown = set(options) - _OPTIONS
    if unknown:
        raise OptionError(f"unknown reader options: {', '.join(sorted(unknown))}")
    # A copy in Traditional script: its title, headings and tables read as Simplified.
    script = simplified_structure(blocks)
    return script.restore(_Builder(script.blocks, source, options).build(fmt))


class _TablesBuilder(_Builder):
    """The builder of a document that prints only its tables (see :func:`build_tables`)."""

    def __init__(
        self, blocks: Sequence[Block], source: str | None, options: dict[str, Any], absent: str
    ) -> None:
        super().__init__(blocks, source, options)
        self.absent = absent

    def why_missing(self, section: Section) -> str:
        if section in _TABLES:
            return "the document prints no table of this section"
        return self.absent


def build_tables(
    title: Sequence[TextBlock],
    tables: dict[Section, list[Block]],
    *,
    fmt: str,
    absent: str,
    context: Sequence[Block] = (),
    source: str | None = None,
    **options: Any,
) -> ReadResult:
    """Build a report from a document that prints only its tables (a workbook): its
    ``title``, and the blocks of each table's section as the front end found them (the
    table's pieces, and text printed with it, kept as its notes). The preamble and the
    prose sections are left empty, each section with a ``missing`` note that says
    ``absent`` (why the document has none); ``context`` is text the document prints
    besides, where the organ and the year are looked for when the title does not name
    them. Options as for :func:`build_report`."""
    unknown = set(options) - _OPTIONS
    if unknown:
        raise OptionError(f"unknown reader options: {', '.join(sorted(unknown))}")
    assert set(tables) <= set(_TABLES), "only the tables' sections"
    # Read in Simplified script, as any document (the blocks in order, then apart again).
    script = simplified_structure(
        [*title, *context, *(b for found in tables.values() for b in found)]
    )
    simplified = iter(script.blocks)
    new_title = list(itertools.islice(simplified, len(title)))
    new_context = list(itertools.islice(simplified, len(context)))
    sections = {
        section: list(itertools.islice(simplified, len(found))) for section, found in tables.items()
    }
    builder = _TablesBuilder(script.blocks, source, options, absent)
    titles = [block for block in new_title if isinstance(block, TextBlock)]
    return script.restore(builder.report(fmt, titles, [], sections, new_context))
