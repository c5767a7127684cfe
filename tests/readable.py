"""Random reports that a rendered document can carry, for the readers' round-trip tests.

A report read back from a document equals the report rendered only when the document
says everything the report holds, unambiguously. :func:`readable_reports` draws from
:func:`tests.strategies.reports` (plain text: what real reports print) and shapes what
documents cannot carry into what they can — each adjustment below is a documented
limit of reading a printed report (see docs/howto/read.md):

* the title is the standard one, or a custom one that still names the organ and year
  (a reader takes organ and year from the title);
* prose: every paragraph ends a sentence ("。"), so that a reader joining the pieces of
  a paragraph cut by a line wrap does not join two paragraphs; run-in subsection titles
  end at their only "。"; heading titles have none; no paragraph starts with a numbering
  or a dash (a "— 3 —" at the start of a line is a page number text extraction glued to
  it);
* the preamble is printed wording (whose facts are what the wording states), or the
  standard wording composed from facts (which a reader parses back);
* notes under a table start with "注：" and end with "。"; annotations and extra-row
  labels are words no row of the form has;
* extra rows of tables 三 and 四 follow the table's last row (documents print them at the
  end: their merged row headers take no foreign row inside); every extra row has a
  figure (a row without one cannot be told from text printed around the table);
* extra columns only as the 法人或其他组织小计 of table 三, and (with ``fixed_width``,
  text where blanks leave only spaces) only in tables without blanks.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from hypothesis import strategies as st

from govdisclosure import (
    AnnualReport,
    Contact,
    ExtraColumn,
    ExtraRow,
    Paragraph,
    Period,
    Preamble,
    Span,
    Subsection,
    Website,
)
from govdisclosure.cells import BLANK
from govdisclosure.layouts import CellKind
from govdisclosure.tables import CellTable
from tests.strategies import cells_for, reports, texts

__all__ = ["annotation_texts", "readable_reports"]

_CJK = "政府信息公开工作年度报告主动依申请办理结果行政复议诉讼情况数量本年新收结转"
#: Labels of rows real reports add, which match no row of either edition's form.
_EXTRA_LABELS = ("不予受理", "其他主动公开文件", "备案审查", "转送办理")
_WORDS = st.text(st.sampled_from(_CJK), min_size=2, max_size=8)
_NUMERAL = re.compile(r"[一二三四五六七八九十\d]{1,3}")


def annotation_texts(alone: bool) -> st.SearchStrategy[str]:
    """An annotation a document prints and a reader reads back: no parentheses (a cell
    prints "22（annotation）") and no bare number ("（三）" is a numbering); ``alone`` (a
    blank cell's, printed without a figure) without a colon either ("（单位：件）" is a
    header's unit)."""
    forbidden = "[（）()：:]" if alone else "[（）()]"
    return texts(plain=True, max_size=10).filter(
        lambda t: bool(t) and not re.search(forbidden, t) and not _NUMERAL.fullmatch(t)
    )


def _sentence(paragraph: Paragraph) -> Paragraph:
    """``paragraph`` as one sentence: no full stop or colon inside, "。" at the end."""
    spans = [
        Span(span.text.replace("。", "，").replace("：", "，").replace(":", ","), span.bold)
        for span in paragraph.spans
    ]
    if spans[0].text[:1] in "（(一二三四五六七八九十0123456789-—–－":
        spans.insert(0, Span("又"))  # not a numbered item, a heading or a page number
    last = spans[-1]
    if not last.text.rstrip().endswith("。"):
        spans.append(Span("。"))
    try:
        return Paragraph(spans)
    except ValueError:
        return Paragraph("本年度无此项。")


def _prose(items: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    return tuple(_sentence(p) for p in items)


@st.composite
def _preamble(draw: st.DrawFn, year: int) -> Preamble:
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return Preamble()
    if choice == 1:
        return Preamble(paragraphs=[Paragraph(draw(_WORDS) + "。")])
    return Preamble(
        legal_basis=("《中华人民共和国政府信息公开条例》",),
        period=draw(st.sampled_from([None, Period.calendar_year(year)])),
        website=draw(
            st.sampled_from([None, Website("某县人民政府门户网站", "http://www.example.gov.cn")])
        ),
        contact=draw(st.sampled_from([None, Contact(office="某县办公室", phone="0000-1234567")])),
    )


@st.composite
def _extras(draw: st.DrawFn, table: CellTable, fixed_width: bool) -> CellTable:  # type: ignore[type-arg]
    plans = table.layout.row_plans
    flat = table.layout.number in ("三", "四")
    notes = tuple(f"注：{draw(_WORDS)}。" for _ in range(draw(st.integers(0, 1))))
    annotations = tuple(
        sorted(
            (position, draw(_WORDS))
            for position in draw(
                st.lists(st.integers(0, len(table.cells) - 1), max_size=2, unique=True)
            )
            if table.cells[position] is not BLANK and not isinstance(table.cells[position], str)
        )
    )
    rows = []
    anchors = [] if flat else draw(st.lists(st.sampled_from(plans[:-1]), max_size=2))
    # In document order: the order a reader meets them.
    anchors.sort(key=plans.index)
    for label, plan in zip(
        draw(st.lists(st.sampled_from(_EXTRA_LABELS), min_size=2, max_size=2, unique=True)),
        anchors if not flat else [None] * draw(st.integers(0, 2)),
        strict=False,
    ):
        kinds = (plan or plans[-1]).kinds
        units = [spec.unit for spec in table.layout.cells[(plan or plans[-1]).start :]]
        cells = tuple(
            draw(cells_for(CellKind.COUNT if kind is CellKind.SIGNED else kind, unit))
            for kind, unit in zip(kinds, units, strict=False)
        )
        if all(cell is BLANK for cell in cells):
            # A row with no figure at all reads as text around the table: give it one.
            cells = (0, *cells[1:])
        rows.append(ExtraRow(label, cells, after=plan.name if plan else None))
    columns: tuple[ExtraColumn, ...] = ()
    has_blanks = any(cell is BLANK for cell in table.cells)
    if table.layout.number == "三" and draw(st.booleans()) and not (fixed_width and has_blanks):
        cells = tuple(draw(cells_for(plans[0].kinds[0])) for _ in plans)
        if not (fixed_width and BLANK in cells):
            columns = (ExtraColumn("法人或其他组织小计", cells, after="other"),)
    return attrs.evolve(
        table, notes=notes, annotations=annotations, extra_rows=tuple(rows), extra_columns=columns
    )


@st.composite
def readable_reports(draw: st.DrawFn, *, fixed_width: bool = False) -> AnnualReport:
    """A random report shaped to what a printed document can carry (see the module)."""
    report = draw(reports(plain=True))
    organ = draw(st.text(st.sampled_from(_CJK), min_size=1, max_size=6)) + "局"
    title = draw(st.sampled_from([None, f"{organ}关于{report.year}年度政府信息公开工作年度报告"]))
    subsections = []
    for sub in report.overview.subsections:
        title_text = sub.title.replace("。", "").replace("：", "").replace(":", "") or "工作"
        run_in = sub.run_in and bool(sub.paragraphs)
        subsections.append(
            Subsection(title_text + ("。" if run_in else ""), _prose(sub.paragraphs), run_in=run_in)
        )
    tables: dict[str, Any] = {}
    for table in report.tables:
        tables[table.section.value] = draw(_extras(table, fixed_width))
        if fixed_width and not draw(st.booleans()):
            tables[table.section.value] = attrs.evolve(
                tables[table.section.value], extra_columns=()
            )
    return attrs.evolve(
        report,
        organ=organ,
        title=title,
        preamble=draw(_preamble(report.year)),
        overview=attrs.evolve(
            report.overview, intro=_prose(report.overview.intro), subsections=subsections
        ),
        problems=_prose(report.problems),
        other_matters=_prose(report.other_matters),
        **tables,
    )
