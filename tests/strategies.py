"""Hypothesis strategies for govdisclosure reports, built only through the public API.

The main entry point is :func:`reports`; the smaller strategies it is made of
(:func:`texts`, :func:`paragraph`, :func:`paragraphs`, :func:`cells_for`, :func:`money`,
:func:`tables`, …) are public too, so that other test suites (renderers, readers, the
checker) can reuse them.

``plain=True`` (on the text strategies and on :func:`reports`) restricts every piece of
text to what a real report prints: CJK, ASCII letters and digits and full-width
punctuation, with no whitespace, no control characters and no ``*`` or ``\\``. Use it
for formats that cannot carry arbitrary text losslessly (rendered documents read back
by a reader). The default (``plain=False``) covers the whole model: characters that
JSON must escape (``"``, ``\\``, control characters), non-BMP characters, markup
characters (``*``, ``**``), and paragraphs and spans made only of whitespace.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from govdisclosure import (
    BLANK,
    NOT_APPLICABLE_MARKS,
    AnnualReport,
    ApplicationTable,
    Cell,
    CellKind,
    CellTable,
    Contact,
    Edition,
    Money,
    MoneyUnit,
    NotApplicable,
    OrganKind,
    Overview,
    Paragraph,
    Period,
    Preamble,
    ProactiveTable,
    ReviewTable,
    Scope,
    Section,
    Span,
    Subsection,
    Website,
    edition_for_year,
    fill_totals,
    layout,
)
from govdisclosure.cells import COUNT_LIMIT
from govdisclosure.tables import ExtraColumn, ExtraRow

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "amounts",
    "balanced_reports",
    "cells_for",
    "contacts",
    "counts",
    "editions",
    "money",
    "not_applicable",
    "number_cells_for",
    "optional_texts",
    "overviews",
    "paragraph",
    "paragraphs",
    "periods",
    "preambles",
    "reports",
    "scopes",
    "signed_changes",
    "span_texts",
    "subsections",
    "tables",
    "texts",
    "websites",
]

T = TypeVar("T")
TableT = TypeVar("TableT", bound=CellTable[Any, Any])

FIRST_YEAR = 2008
LAST_YEAR = 2100

# --- characters and text --------------------------------------------------------------------

_CJK = (
    "中华人民共和国政府信息公开工作年度报告县市区省局委办厅司处科室镇乡街道"
    "民政教育卫生健康财政税务公安自然资源生态环境交通运输农业农村水利商务文化旅游"
    "主动申请复议诉讼收费处罚强制许可规章规范性文件平台建设监督保障考核评议责任追究"
)
_FULL_WIDTH = "（）〔〕【】《》“”‘’，、。：；！？—…－／"
_ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
#: Characters that JSON must escape, and control characters.
_ESCAPED = '"\\\n\t\r\x00\x01\x08\x0c\x1b\x1f\x7f'
#: Characters a paragraph's markup treats specially.
_MARKUP = "*\\"
#: Whitespace beyond ASCII: U+3000 (ideographic space), NBSP, U+2028/2029 (line and
#: paragraph separators, valid raw in JSON but not in JavaScript string literals).
_SPACES = " \u3000\u00a0\u2028\u2029"
#: Characters outside the Basic Multilingual Plane (UTF-16 surrogate pairs).
_NON_BMP = "𠀀𠮷𪚥𫝀😀𝄞"
#: Unusual but valid text every format carries: ideographs beyond the BMP (rare names of
#: places: 𠮷), combining marks and a variation selector (after a letter, or wherever
#: they fall), an emoji.
_UNUSUAL = "𠮷𪚥𫝀\u0301\u20dd\ufe0f❤"


def round_trips(default: int) -> int:
    """How many random reports a round-trip property test reads back: ``default``, or the
    number in ``GOVDISCLOSURE_ROUND_TRIPS`` (``make fuzz`` runs 10,000 per format)."""
    return int(os.environ.get("GOVDISCLOSURE_ROUND_TRIPS", default))


@functools.cache
def _characters(plain: bool) -> st.SearchStrategy[str]:
    if plain:
        return st.one_of(st.sampled_from(_CJK + _FULL_WIDTH + _ASCII), st.sampled_from(_UNUSUAL))
    return st.one_of(
        st.sampled_from(_CJK),
        st.sampled_from(_FULL_WIDTH + _ASCII),
        st.sampled_from(_ESCAPED + _MARKUP + _SPACES + _NON_BMP),
        # Anything else that is valid UTF-8 (hypothesis leaves out lone surrogates here).
        st.characters(codec="utf-8"),
    )


@functools.cache
def _visible(plain: bool) -> st.SearchStrategy[str]:
    return _characters(plain).filter(lambda ch: not ch.isspace())


@functools.cache
def texts(*, plain: bool = False, max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text: at least one character that is not whitespace (what the model
    requires of names, titles, organs and the like)."""
    around = st.text(_characters(plain), max_size=max_size // 2)
    return st.tuples(around, _visible(plain), around).map("".join)


@functools.cache
def optional_texts(*, plain: bool = False) -> st.SearchStrategy[str | None]:
    return st.none() | texts(plain=plain)


@functools.cache
def span_texts(*, plain: bool = False) -> st.SearchStrategy[str]:
    """The text of one span: may be empty or blank (the paragraph drops or keeps it), and
    unless ``plain`` often holds the markup characters ``*``, ``**`` and ``\\``."""
    if plain:
        return st.text(_characters(True), max_size=10)
    markup = st.sampled_from(["*", "**", "\\", "\\*", "\\\\", "5*8", "**四是**"])
    pieces = st.one_of(st.text(_characters(False), max_size=4), markup)
    return st.lists(pieces, max_size=4).map("".join)


# --- prose ----------------------------------------------------------------------------------


@functools.cache
def _spans(plain: bool) -> st.SearchStrategy[list[Span]]:
    return st.lists(st.builds(Span, span_texts(plain=plain), st.booleans()), max_size=5)


@st.composite
def _paragraph(draw: st.DrawFn, plain: bool) -> Paragraph:
    if draw(st.booleans()):
        return Paragraph(draw(texts(plain=plain, max_size=30)))
    spans = draw(_spans(plain))
    # A paragraph needs some text: put one non-blank span somewhere, bold or not.
    visible = Span(draw(texts(plain=plain, max_size=6)), draw(st.booleans()))
    spans.insert(draw(st.integers(0, len(spans))), visible)
    return Paragraph(spans)


@functools.cache
def paragraph(*, plain: bool = False) -> st.SearchStrategy[Paragraph]:
    """One paragraph: a plain string, or spans, some bold, whose text may hold ``*``,
    ``**`` and ``\\``; never whitespace only, which the model refuses."""
    return _paragraph(plain)


@functools.cache
def paragraphs(
    *, plain: bool = False, min_size: int = 0, max_size: int = 3
) -> st.SearchStrategy[tuple[Paragraph, ...]]:
    """A tuple of paragraphs (what the model stores for prose)."""
    return st.lists(paragraph(plain=plain), min_size=min_size, max_size=max_size).map(tuple)


@functools.cache
def subsections(*, plain: bool = False) -> st.SearchStrategy[Subsection]:
    """A subsection of 总体情况, with its title as a heading or run in."""
    return st.builds(
        Subsection,
        title=texts(plain=plain),
        paragraphs=paragraphs(plain=plain),
        run_in=st.booleans(),
    )


@functools.cache
def overviews(*, plain: bool = False) -> st.SearchStrategy[Overview]:
    return st.builds(
        Overview,
        intro=paragraphs(plain=plain),
        subsections=st.lists(subsections(plain=plain), max_size=3).map(tuple),
    )


# --- the preamble's facts -------------------------------------------------------------------


@functools.cache
def _dates(first: int = FIRST_YEAR, last: int = LAST_YEAR + 1) -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(first, 1, 1), dt.date(last, 12, 31))


@st.composite
def periods(draw: st.DrawFn, year: int | None = None) -> Period:
    """A calendar year (``year`` when given), or any period that does not end before it starts
    (possibly a single day)."""
    if draw(st.booleans()):
        return Period.calendar_year(year if year is not None else draw(_dates()).year)
    start, end = sorted((draw(_dates()), draw(_dates())))
    return Period(start, end)


@functools.cache
def websites(*, plain: bool = False) -> st.SearchStrategy[Website]:
    return st.builds(Website, texts(plain=plain), optional_texts(plain=plain))


@functools.cache
def contacts(*, plain: bool = False) -> st.SearchStrategy[Contact]:
    return st.builds(
        Contact,
        office=optional_texts(plain=plain),
        address=optional_texts(plain=plain),
        postcode=optional_texts(plain=plain),
        phone=optional_texts(plain=plain),
        email=optional_texts(plain=plain),
    )


@functools.cache
def preambles(*, plain: bool = False, year: int | None = None) -> st.SearchStrategy[Preamble]:
    """A preamble with or without wording, and each structured fact present or not."""
    return st.builds(
        Preamble,
        paragraphs=paragraphs(plain=plain),
        legal_basis=st.lists(texts(plain=plain), max_size=3).map(tuple),
        period=st.none() | periods(year),
        website=st.none() | websites(plain=plain),
        contact=st.none() | contacts(plain=plain),
    )


@functools.cache
def scopes(*, plain: bool = False) -> st.SearchStrategy[Scope]:
    return st.one_of(
        st.just(Scope()),
        st.builds(Scope.own),
        st.builds(Scope.aggregate, st.lists(texts(plain=plain), min_size=1, max_size=4)),
    )


# --- cells ----------------------------------------------------------------------------------


@functools.cache
def counts() -> st.SearchStrategy[int]:
    """A count: mostly small, sometimes large (beyond 64 bits)."""
    # Large, but small enough that the totals of a table still fit a count.
    return st.one_of(st.integers(0, 20), st.integers(0, 10**6), st.integers(0, COUNT_LIMIT >> 8))


@functools.cache
def signed_changes() -> st.SearchStrategy[int]:
    """A signed change (本年增/减): negative, zero or positive, sometimes large."""
    return st.one_of(st.integers(-50, 50), st.integers(-(COUNT_LIMIT >> 8), COUNT_LIMIT >> 8))


@functools.cache
def amounts() -> st.SearchStrategy[Decimal]:
    """An exact amount: any scale (including exponents above zero), zero and negative zero,
    negative, and large."""
    return _amounts()


@st.composite
def _amounts(draw: st.DrawFn) -> Decimal:
    special = st.sampled_from(
        ["0", "-0", "0.00", "0E+2", "0E-7", "-1", "1E+3", "6165711", "12345678901234567890.123"]
    )
    if draw(st.integers(0, 3)) == 0:
        return Decimal(draw(special))
    digits = draw(st.lists(st.integers(0, 9), min_size=1, max_size=25))
    sign = draw(st.integers(0, 1))
    exponent = draw(st.integers(-8, 6))
    return Decimal((sign, tuple(digits), exponent))


@st.composite
def money(draw: st.DrawFn, unit: MoneyUnit | None = None) -> Money:
    """Money in ``unit`` or any unit; the amount given as a Decimal, an int or a string."""
    amount = draw(amounts())
    given: Decimal | int | str = amount
    form = draw(st.sampled_from(["decimal", "str", "int"]))
    if form == "str":
        given = str(amount)
    elif form == "int" and amount == amount.to_integral_value():
        given = int(amount)  # same value; the scale becomes 0 (a negative zero is kept)
        if given == 0 and amount.is_signed():
            given = amount
    return Money(given, unit if unit is not None else draw(st.sampled_from(list(MoneyUnit))))


@functools.cache
def not_applicable() -> st.SearchStrategy[NotApplicable]:
    """A not-applicable cell, with any of the marks real reports print."""
    return st.sampled_from(NOT_APPLICABLE_MARKS).map(NotApplicable)


@functools.cache
def number_cells_for(kind: CellKind, unit: MoneyUnit | None = None) -> st.SearchStrategy[Cell]:
    """A cell of ``kind`` that holds a value (never blank or not applicable)."""
    if kind is CellKind.COUNT:
        return counts()
    if kind is CellKind.SIGNED:
        return signed_changes()
    # Money in the column's unit most of the time, in any unit sometimes.
    return st.one_of(money(unit), money())


@functools.cache
def cells_for(kind: CellKind, unit: MoneyUnit | None = None) -> st.SearchStrategy[Cell]:
    """Anything a cell of ``kind`` may hold: a value, BLANK, or a not-applicable mark."""
    return st.one_of(number_cells_for(kind, unit), st.just(BLANK), not_applicable())


# --- tables ---------------------------------------------------------------------------------

_TABLE_STYLES = ("numbers", "mixed", "mixed", "blank", "zeros")


@functools.cache
def _table_cells(edition: Edition, section: Section, style: str) -> st.SearchStrategy[list[Cell]]:
    choose = number_cells_for if style == "numbers" else cells_for
    specs = layout(edition).table(section).cells
    return st.tuples(*(choose(spec.kind, spec.unit) for spec in specs)).map(list)


@st.composite
def tables(
    draw: st.DrawFn, cls: type[TableT], edition: Edition, *, blank_totals: bool = False
) -> TableT:
    """A table of ``cls`` in ``edition``.

    Styles: every cell a value (all-count tables take the writer's and reader's fast
    paths), cells mixing values, blanks and marks, nothing filled in, or all zeros.
    With ``blank_totals`` every printed total is left blank (for :func:`fill_totals`
    to fill from the parts).
    """
    style = draw(st.sampled_from(_TABLE_STYLES))
    if style == "zeros":
        cells = list(cls.zeros(edition).cells)
    elif style == "blank":
        cells = list(cls.blank(edition).cells)
    else:
        cells = draw(_table_cells(edition, cls.section, style))
    if blank_totals:
        for total in layout(edition).table(cls.section).sums:
            cells[total.target] = BLANK
    table = cls(edition, tuple(cells))
    if draw(st.integers(0, 3)) == 0:  # now and then, what real reports print around cells
        table = draw(_table_extras(table))
    return table


@st.composite
def _table_extras(draw: st.DrawFn, table: TableT) -> TableT:
    """``table`` with notes under it, annotations in some cells, extra rows and extra
    columns (now and then a 小计 that R4 checks)."""
    plain = False
    specs = table.layout.cells
    notes = draw(st.lists(texts(plain=plain, max_size=20), max_size=2))
    positions = draw(st.lists(st.integers(0, len(specs) - 1), max_size=3, unique=True))
    annotations = tuple(sorted((p, draw(texts(plain=plain, max_size=10))) for p in positions))
    plans = table.layout.row_plans
    rows = []
    for _ in range(draw(st.integers(0, 2))):
        plan = draw(st.one_of(st.none(), st.sampled_from(plans)))
        cells = draw(_extra_cells(len((plan or plans[-1]).columns)))
        label = draw(texts(plain=plain, max_size=12))
        rows.append(ExtraRow(label, cells, after=plan.name if plan else None))
    blocks = table.layout.blocks
    columns = []
    for _ in range(draw(st.integers(0, 2))):
        number = draw(st.integers(0, len(blocks) - 1))
        after = draw(st.sampled_from([node.key.value for node in blocks[number].columns]))
        cells = draw(_extra_cells(len(blocks[number].rows)))
        label = draw(st.one_of(texts(plain=plain, max_size=12), st.just("法人或其他组织小计")))
        columns.append(ExtraColumn(label, cells, after=after, block=number))
    return attrs.evolve(
        table,
        notes=notes,
        annotations=annotations,
        extra_rows=tuple(rows),
        extra_columns=tuple(columns),
    )


def _extra_cells(width: int) -> st.SearchStrategy[tuple[Cell, ...]]:
    """The figures of an extra row or column: counts or money, blanks or marks."""
    cell = st.one_of(cells_for(CellKind.COUNT), cells_for(CellKind.MONEY))
    return st.lists(cell, min_size=width, max_size=width).map(tuple)


# --- reports --------------------------------------------------------------------------------


@functools.cache
def editions() -> st.SearchStrategy[Edition]:
    return st.sampled_from(list(Edition))


def _other(edition: Edition) -> Edition:
    return Edition.V2021 if edition is Edition.V2019 else Edition.V2019


@st.composite
def _year_and_edition(draw: st.DrawFn, edition: Edition | None) -> tuple[int, Edition, bool]:
    """A year, the report's edition, and whether to pass the edition explicitly."""
    if edition is None:
        year = draw(st.integers(FIRST_YEAR, LAST_YEAR))
        how = draw(st.sampled_from(["default", "default", "explicit", "mismatched"]))
        if how == "mismatched":
            return year, _other(edition_for_year(year)), True
        return year, edition_for_year(year), how == "explicit"
    fitting = (
        st.integers(FIRST_YEAR, 2020) if edition is Edition.V2019 else st.integers(2021, LAST_YEAR)
    )
    year = draw(st.one_of(fitting, st.integers(FIRST_YEAR, LAST_YEAR)))
    fits = edition_for_year(year) is edition
    return year, edition, not fits or draw(st.booleans())


@st.composite
def reports(
    draw: st.DrawFn,
    edition: Edition | None = None,
    consistent: bool | None = None,
    *,
    plain: bool = False,
) -> AnnualReport:
    """An arbitrary :class:`AnnualReport`, of either edition or of ``edition``.

    The edition is the year's default, given explicitly, or (when ``edition`` is None,
    one time in four) deliberately the wrong one for the year. ``consistent=True``
    leaves every total of tables 三 and 四 blank and then fills them with
    :func:`fill_totals`, so each total is the sum of its number parts, or blank when it
    has none (the stock-flow identity E1 is not arranged). ``consistent=False`` gives
    arbitrary cells, totals included; ``None`` picks either.
    """
    year, report_edition, explicit = draw(_year_and_edition(edition))
    if consistent is None:
        consistent = draw(st.booleans())
    fields: dict[str, Any] = {}
    if explicit:
        # The converter takes a member or its value.
        fields["edition"] = draw(st.sampled_from([report_edition, report_edition.value]))
    optional: dict[str, st.SearchStrategy[Any]] = {
        "scope": scopes(plain=plain),
        "organ_kind": st.sampled_from(list(OrganKind)),
        "published": _dates(FIRST_YEAR, LAST_YEAR + 2),
        "title": texts(plain=plain, max_size=30),
        "preamble": preambles(plain=plain, year=year),
        "overview": overviews(plain=plain),
        "problems": paragraphs(plain=plain),
        "other_matters": paragraphs(plain=plain),
    }
    for name, strategy in optional.items():
        # Left out (the default), given as None where that is allowed, or drawn.
        choice = draw(st.integers(0, 3))
        if choice == 0:
            continue
        if choice == 1 and name in ("organ_kind", "published", "title"):
            fields[name] = None
        else:
            fields[name] = draw(strategy)
    for name, cls in (
        ("proactive", ProactiveTable),
        ("applications", ApplicationTable),
        ("reviews", ReviewTable),
    ):
        fields[name] = draw(tables(cls, report_edition, blank_totals=consistent))
    # Long organ names too: a township's office under a county under a city (some 40).
    organ = draw(texts(plain=plain, max_size=draw(st.sampled_from([20, 20, 60]))))
    report = AnnualReport(organ=organ, year=year, **fields)
    return fill_totals(report) if consistent else report


# --- reports that add up ----------------------------------------------------------------------


@functools.cache
def _small_cells(edition: Edition, section: Section) -> st.SearchStrategy[list[Cell]]:
    """Every cell of a table a value: small counts and changes (so that the totals of
    several reports added up still fit a count), any amount in any unit."""

    def cell(spec: Any) -> st.SearchStrategy[Cell]:
        if spec.kind is CellKind.COUNT:
            return st.integers(0, 1000)
        if spec.kind is CellKind.SIGNED:
            return st.integers(-1000, 1000)
        return money(spec.unit) | money()

    return st.tuples(*map(cell, layout(edition).table(section).cells)).map(list)


@st.composite
def balanced_reports(draw: st.DrawFn, edition: Edition, organ: str, year: int) -> AnnualReport:
    """A report of ``organ`` on ``year`` in ``edition`` whose every cell is a value and
    which every arithmetic rule holds for: every total (R2, R3, R5) and, in every column
    of table 三, the balance E1 (一 + 二 = 三（七）总计 + 四)."""
    proactive = ProactiveTable(edition, tuple(draw(_small_cells(edition, Section.PROACTIVE))))
    reviews = ReviewTable(edition, tuple(draw(_small_cells(edition, Section.REVIEWS))))
    drawn = ApplicationTable(edition, tuple(draw(_small_cells(edition, Section.APPLICATIONS))))
    applications = drawn.with_totals()
    rows: dict[Any, dict[Any, Cell]] = {"new": {}, "carried_over": {}}
    for column in applications.column_keys:
        if column.value == "total":
            continue
        handled = applications["total", column]
        forward = applications["carried_forward", column]
        assert type(handled) is int
        assert type(forward) is int
        carried = min(draw(st.integers(0, 1000)), handled + forward)
        rows["new"][column] = handled + forward - carried
        rows["carried_over"][column] = carried
    applications = applications.with_rows(rows).with_totals()
    return AnnualReport(
        organ=organ,
        year=year,
        edition=edition,
        proactive=proactive,
        applications=applications,
        reviews=reviews.with_totals(),
    )
