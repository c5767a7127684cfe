"""What a rendered report says, before any format: the format-neutral document.

Every renderer walks the same :class:`Document` — the title, the preamble, the six
numbered sections with their subsections, paragraphs and tables — built here once from a
report and a locale, so that DOCX, HTML, Markdown and text print the same words in the
same order. Fixed words (headings, captions, table labels, units) go through the
translation catalogs; the report's own prose stays as written.

>>> import govdisclosure as gd
>>> doc = build_document(gd.examples.load("zhongning-minzheng-2020"))
>>> [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', \
'四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from attrs import field, frozen

from govdisclosure.categories import Section
from govdisclosure.cells import Cell
from govdisclosure.i18n import gettext_noop as _, normalize_locale, translate
from govdisclosure.layouts import CellSpec
from govdisclosure.numerals import chinese
from govdisclosure.renderers.clean import printable, printable_spans
from govdisclosure.renderers.grid import Grid, table_grid
from govdisclosure.renderers.numbers import cell_text
from govdisclosure.report import AnnualReport, Preamble
from govdisclosure.text import Paragraph, Span
from govdisclosure.wording import compose_preamble, signature_date

__all__ = [
    "Block",
    "Document",
    "Heading",
    "Para",
    "Table",
    "build_document",
    "numbering",
]


def numbering(level: int, number: int, locale: str) -> str:
    """The numbering of a heading: "一、" / "（一）" in Chinese, "1." / "(1)" in English."""
    if locale == "en":
        return f"{number}. " if level == 1 else f"({number}) "
    return f"{chinese(number)}、" if level == 1 else f"（{chinese(number)}）"


@frozen
class Heading:
    """A heading: level 1 for the six sections, level 2 for the subsections of 一."""

    level: int
    text: str = field(converter=printable)
    section: Section | None = None


@frozen
class Para:
    """A paragraph. ``lead`` is a run-in subsection title printed at its start
    ("（一）主动公开政府信息情况。") in the subsection-heading style."""

    spans: tuple[Span, ...] = field(converter=printable_spans)
    lead: str = field(default="", converter=printable)

    @property
    def text(self) -> str:
        return self.lead + "".join(span.text for span in self.spans)


@frozen
class Table:
    """A statistic table as a grid, under the heading of its section."""

    section: Section
    grid: Grid


Block = Heading | Para | Table


@frozen
class Document:
    """A report ready to print: metadata, the title, and the blocks in order. It is signed
    at its end with ``organ`` over ``published_text``: the publication date, or blanks
    for the office to fill in when the report has none."""

    locale: str
    title: str = field(converter=printable)
    organ: str = field(converter=printable)
    year: int
    published: dt.date | None
    published_text: str
    blocks: tuple[Block, ...]


def _section_heading(section: Section, locale: str) -> Heading:
    number = list(Section).index(section) + 1
    return Heading(1, numbering(1, number, locale) + translate(section.zh, locale), section)


def _preamble(preamble: Preamble, report: AnnualReport, locale: str) -> list[Para]:
    if preamble.paragraphs:
        return [Para(p.spans) for p in preamble.paragraphs]
    del report
    return [Para((Span(text),)) for text in compose_preamble(preamble, locale)]


def _paragraphs(items: tuple[Paragraph, ...]) -> list[Block]:
    return [Para(p.spans) for p in items]


def build_document(
    report: AnnualReport,
    locale: str = "zh_CN",
    *,
    formatter: Callable[[CellSpec, Cell], str] | None = None,
) -> Document:
    """The document of ``report`` in ``locale`` (``"zh_CN"`` or ``"en"``)."""
    locale = normalize_locale(locale)

    def fmt(spec: CellSpec, cell: Cell) -> str:
        return cell_text(spec, cell, locale)

    blocks: list[Block] = [*_preamble(report.preamble, report, locale)]
    for section in Section:
        blocks.append(_section_heading(section, locale))
        if section is Section.OVERVIEW:
            blocks += _paragraphs(report.overview.intro)
            for number, sub in enumerate(report.overview.subsections, start=1):
                label = numbering(2, number, locale) + sub.title
                if sub.run_in and sub.paragraphs:
                    first, *rest = sub.paragraphs
                    blocks.append(Para(first.spans, lead=label))
                    blocks += _paragraphs(tuple(rest))
                else:
                    blocks.append(Heading(2, label, section))
                    blocks += _paragraphs(sub.paragraphs)
        elif section in (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS):
            grid = table_grid(report.table(section), formatter=formatter or fmt, locale=locale)
            blocks.append(Table(section, grid))
            # Notes printed under the table ("注：…") follow it as paragraphs.
            blocks += [Para((Span(note),)) for note in report.table(section).notes]
        elif section is Section.PROBLEMS:
            blocks += _paragraphs(report.problems)
        else:
            blocks += _paragraphs(report.other_matters)
    return Document(
        locale=locale,
        title=_title(report, locale),
        organ=report.organ,
        year=report.year,
        published=report.published,
        published_text=signature_date(report.published, locale),
        blocks=tuple(blocks),
    )


def _title(report: AnnualReport, locale: str) -> str:
    if report.custom_title is not None or locale == "zh_CN":
        return report.title  # the report's own words
    return translate(_("{organ}{year}年政府信息公开工作年度报告"), locale).format(
        organ=report.organ, year=report.year
    )
