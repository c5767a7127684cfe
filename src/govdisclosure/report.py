"""The annual report: who reports, for which year, in which edition, and what it says.

>>> from govdisclosure import AnnualReport, Edition
>>> report = AnnualReport(organ="中宁县民政局", year=2020)
>>> report.edition, report.title
(<Edition.V2019: '2019'>, '中宁县民政局2020年政府信息公开工作年度报告')
>>> import attrs
>>> later = attrs.evolve(report, year=2021)
>>> later.title, later.edition
('中宁县民政局2021年政府信息公开工作年度报告', <Edition.V2019: '2019'>)

The edition stays as it was: an explicit edition that does not fit the year is
allowed, and the checker flags it. Tables must be laid out for the report's edition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, overload

import attrs
from attrs import field, frozen

from govdisclosure.categories import OrganKind, ScopeKind, Section
from govdisclosure.editions import Edition, edition_for_year
from govdisclosure.errors import ReportValueError, translatable as _
from govdisclosure.fieldchecks import (
    as_tuple,
    instance_of,
    items_of,
    optional_text,
    text,
    texts,
)
from govdisclosure.labels import LabelledEnum
from govdisclosure.pickling import compact_pickle
from govdisclosure.tables import ApplicationTable, CellTable, ProactiveTable, ReviewTable
from govdisclosure.text import Paragraph, paragraphs

__all__ = [
    "FIRST_REPORT_YEAR",
    "LAST_REPORT_YEAR",
    "AnnualReport",
    "Contact",
    "Overview",
    "Period",
    "Preamble",
    "Scope",
    "Subsection",
    "Website",
    "as_reports",
    "fill_totals",
    "organ_key",
]

#: The regulations took effect on 1 May 2008; no annual report predates that year.
FIRST_REPORT_YEAR = 2008
#: The last year a report may be for (four-digit years only).
LAST_REPORT_YEAR = 9999


def _date(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    # datetime is a date subclass; a time of day has no place here and would not round-trip.
    if type(value) is not dt.date:
        raise ReportValueError(
            _("{name} 必须是 datetime.date，实际为 {value!r}", name=attribute.name, value=value),
            at=(attribute.name,),
        )


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _date(instance, attribute, value)


@compact_pickle
@frozen
class Period:
    """A statistical period, normally the calendar year.

    >>> Period.calendar_year(2020)
    Period(start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31))
    """

    start: dt.date = field(validator=_date)
    end: dt.date = field(validator=_date)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ReportValueError(
                _(
                    "统计期间的结束日期（{end}）不得早于开始日期（{start}）",
                    end=self.end,
                    start=self.start,
                )
            )

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        """1 January to 31 December of ``year``."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))


@compact_pickle
@frozen
class Website:
    """Where the report is published: a site's name and, when given, its address."""

    name: str = field(validator=text)
    url: str | None = field(default=None, validator=optional_text)


@compact_pickle
@frozen
class Contact:
    """Whom to ask about the report."""

    office: str | None = field(default=None, validator=optional_text)
    address: str | None = field(default=None, validator=optional_text)
    postcode: str | None = field(default=None, validator=optional_text)
    phone: str | None = field(default=None, validator=optional_text)
    email: str | None = field(default=None, validator=optional_text)


@compact_pickle
@frozen
class Preamble:
    """The text before section 一, and the facts it states.

    ``paragraphs`` is the wording as printed. The other fields are the facts the
    wording states (the documents it cites as its basis, the statistical period,
    where the report is published, whom to contact), for machines: the checker reads
    the period, for instance. When ``paragraphs`` is empty, renderers compose a
    standard wording from the facts.
    """

    paragraphs: tuple[Paragraph, ...] = field(default=(), converter=paragraphs)
    legal_basis: tuple[str, ...] = field(default=(), converter=as_tuple, validator=texts)
    period: Period | None = field(default=None, validator=instance_of(Period, optional=True))
    website: Website | None = field(default=None, validator=instance_of(Website, optional=True))
    contact: Contact | None = field(default=None, validator=instance_of(Contact, optional=True))


@compact_pickle
@frozen
class Subsection:
    """A titled part of section 一 (总体情况), such as "（一）主动公开政府信息情况".

    ``title`` is printed after the numbering, which comes from the position. With
    ``run_in`` the title opens the first paragraph instead of standing as a heading, as
    in "（一）主动公开政府信息情况。2020 年，…"; the title then keeps its own closing
    punctuation.
    """

    title: str = field(validator=text)
    # Declared before the paragraphs, as the JSON form writes it; keyword-only, so the
    # constructor still takes the paragraphs second.
    run_in: bool = field(default=False, validator=instance_of(bool), kw_only=True)
    paragraphs: tuple[Paragraph, ...] = field(default=(), converter=paragraphs)


@compact_pickle
@frozen
class Overview:
    """Section 一, 总体情况: opening paragraphs, then numbered subsections."""

    intro: tuple[Paragraph, ...] = field(default=(), converter=paragraphs)
    subsections: tuple[Subsection, ...] = field(
        default=(), converter=as_tuple, validator=items_of(Subsection)
    )


def organ_key(organ: str) -> str:
    """An organ's name as compared with another: without any whitespace, so that "县 教育局"
    and "县教育局" (a line wrap, a full-width space) are the same organ.

    >>> organ_key(" 县\u3000教育局 ") == organ_key("县教育局")
    True
    """
    return "".join(organ.split())


def _scope_kind(value: ScopeKind | str) -> ScopeKind:
    return ScopeKind.coerce(value)


@compact_pickle
@frozen
class Scope:
    """Whom the report covers: the organ itself, or the named organs added together.

    >>> Scope.aggregate(["县教育局", "县民政局"]).organs
    ('县教育局', '县民政局')
    """

    # Required in the JSON form although the model has a default: a document says whom
    # it covers.
    kind: ScopeKind = field(
        default=ScopeKind.OWN, converter=_scope_kind, metadata={"json": {"required": True}}
    )
    organs: tuple[str, ...] = field(default=(), converter=as_tuple, validator=texts)

    def __attrs_post_init__(self) -> None:
        if self.kind is ScopeKind.OWN and self.organs:
            raise ReportValueError(_("本机关自身的报告不列出其他机关"))
        if self.kind is ScopeKind.AGGREGATE and not self.organs:
            raise ReportValueError(_("汇总报告必须列出所汇总的机关"))

    @classmethod
    def own(cls) -> Scope:
        """A report on the organ itself."""
        return cls()

    @classmethod
    def aggregate(cls, organs: Iterable[str]) -> Scope:
        """A report that adds up the reports of ``organs``."""
        return cls(ScopeKind.AGGREGATE, organs)

    def differences(self, organs: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ``organs`` this scope does not list, and the organs it lists that are not
        among ``organs`` (names compared without whitespace, see :func:`organ_key`).

        >>> Scope.aggregate(["县教育局", "县民政局"]).differences(["县 教育局", "县卫健委"])
        (('县卫健委',), ('县民政局',))
        """
        given = tuple(organs)
        listed = {organ_key(organ) for organ in self.organs}
        keys = {organ_key(organ) for organ in given}
        missing = tuple(organ for organ in given if organ_key(organ) not in listed)
        extra = tuple(organ for organ in self.organs if organ_key(organ) not in keys)
        return missing, extra


_YEAR_SCHEMA = {"type": "integer", "minimum": FIRST_REPORT_YEAR, "maximum": LAST_REPORT_YEAR}


def _year(_instance: object, _attribute: object, value: Any) -> None:
    if type(value) is not int:
        raise ReportValueError(_("年份必须是整数，实际为 {value!r}", value=value), at=("year",))
    if not FIRST_REPORT_YEAR <= value <= LAST_REPORT_YEAR:
        raise ReportValueError(
            _(
                "年份必须在 {first} 与 {last} 之间，实际为 {value}",
                first=FIRST_REPORT_YEAR,
                last=LAST_REPORT_YEAR,
                value=value,
            ),
            at=("year",),
        )


def _edition(value: Edition | str) -> Edition:
    try:
        return value if isinstance(value, Edition) else Edition(value)
    except ValueError:
        choices = ", ".join(repr(e.value) for e in Edition)
        raise ReportValueError(
            _(
                "版本必须是 Edition 或 {choices} 之一，实际为 {value!r}",
                choices=choices,
                value=value,
            )
        ) from None


def _organ_kind(value: OrganKind | str | None) -> OrganKind | None:
    return None if value is None else OrganKind.coerce(value)


def _table_of(cls: type[CellTable[Any, Any]]) -> Any:
    def check(instance: AnnualReport, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            raise ReportValueError(
                _(
                    "{name} 必须是 {cls}，实际为 {value!r}",
                    name=attribute.name,
                    cls=cls.__name__,
                    value=value,
                ),
                at=(attribute.name,),
            )
        if value.edition is not instance.edition:
            raise ReportValueError(
                _(
                    "表{table}按 {edition} 年版排列，但报告使用 {report} 年版",
                    table=value.layout.number,
                    edition=value.edition.value,
                    report=instance.edition.value,
                ),
                at=(attribute.name,),
            )

    return check


@compact_pickle
@frozen
class AnnualReport:
    """One organ's annual report on government information disclosure for one year.

    Only ``organ`` and ``year`` are required. The edition follows the year unless given
    (a report may use the wrong one; the checker says so). The title is derived from
    organ and year unless given. Tables default to all zeros in the report's edition.
    Nothing here checks arithmetic: a report whose columns do not add up is a valid
    object, and :func:`govdisclosure.fill_totals` or the checker deal with the sums.
    """

    organ: str = field(validator=text)
    year: int = field(
        validator=_year,
        metadata={"json": {"schema": _YEAR_SCHEMA}},
    )
    edition: Edition = field(converter=_edition)
    scope: Scope = field(factory=Scope, validator=instance_of(Scope))
    organ_kind: OrganKind | None = field(default=None, converter=_organ_kind)
    published: dt.date | None = field(default=None, validator=_optional_date)
    _title: str | None = field(default=None, alias="title", validator=optional_text)
    preamble: Preamble = field(factory=Preamble, validator=instance_of(Preamble))
    overview: Overview = field(factory=Overview, validator=instance_of(Overview))
    proactive: ProactiveTable = field(validator=_table_of(ProactiveTable))
    applications: ApplicationTable = field(validator=_table_of(ApplicationTable))
    reviews: ReviewTable = field(validator=_table_of(ReviewTable))
    problems: tuple[Paragraph, ...] = field(default=(), converter=paragraphs)
    other_matters: tuple[Paragraph, ...] = field(default=(), converter=paragraphs)

    @edition.default
    def _edition_from_year(self) -> Edition:
        return edition_for_year(self.year) if type(self.year) is int else Edition.V2021

    @proactive.default
    def _zero_proactive(self) -> ProactiveTable:
        return ProactiveTable.zeros(self.edition)

    @applications.default
    def _zero_applications(self) -> ApplicationTable:
        return ApplicationTable.zeros(self.edition)

    @reviews.default
    def _zero_reviews(self) -> ReviewTable:
        return ReviewTable.zeros(self.edition)

    @classmethod
    def blank(cls, organ: str, year: int, *, fill: object = 0, **fields: Any) -> AnnualReport:
        """A report for ``organ`` and ``year`` with every count set to ``fill`` (0 by
        default; ``None`` leaves every cell blank), ready to be filled in.

        >>> r = AnnualReport.blank("某县教育局", 2023, fill=None)
        >>> r.applications["new", "total"]
        BLANK
        """
        edition = _edition(fields.pop("edition", edition_for_year(year)))
        return cls(
            organ,
            year,
            edition,
            proactive=ProactiveTable.filled(edition, fill),
            applications=ApplicationTable.filled(edition, fill),
            reviews=ReviewTable.filled(edition, fill),
            **fields,
        )

    @property
    def title(self) -> str:
        """The title as printed: given, or "{organ}{year}年政府信息公开工作年度报告".

        The scope does not change it: a summary (汇总) names its area as its organ, as its
        title and the readers do ("某县" gives "某县2024年政府信息公开工作年度报告"); one
        titled otherwise gives its ``title``.

        >>> summary = AnnualReport(organ="某县", year=2024, scope=Scope.aggregate(["某县教育局"]))
        >>> summary.title
        '某县2024年政府信息公开工作年度报告'
        """
        return self._title or f"{self.organ}{self.year}年政府信息公开工作年度报告"

    @property
    def custom_title(self) -> str | None:
        """The title if one was given, else ``None`` (the title is derived)."""
        return self._title

    @property
    def tables(self) -> tuple[CellTable[Any, Any], ...]:
        """Tables 二, 三 and 四, in order."""
        return (self.proactive, self.applications, self.reviews)

    @overload
    def table(self, section: Literal[Section.PROACTIVE, "proactive"]) -> ProactiveTable: ...
    @overload
    def table(self, section: Literal[Section.APPLICATIONS, "applications"]) -> ApplicationTable: ...
    @overload
    def table(self, section: Literal[Section.REVIEWS, "reviews"]) -> ReviewTable: ...
    @overload
    def table(self, section: Section | str) -> CellTable[Any, Any]: ...

    def table(self, section: Section | str) -> CellTable[Any, Any]:
        """The table of ``section`` (二, 三 or 四), by member, ASCII value or label; typed
        as that table's class when the section is a member or ASCII value written out."""
        key = Section.coerce(section)
        for table in self.tables:
            if table.section is key:
                return table
        raise ReportValueError(_("{section}部分没有表格", section=key.zh))

    def with_cell(
        self,
        section: Section | str,
        row: LabelledEnum | str,
        column: LabelledEnum | str,
        value: object,
    ) -> AnnualReport:
        """A copy with one cell of one table replaced: the common one-cell change. The
        section, row and column are members, ASCII values or printed labels, as in
        :meth:`table` and :meth:`CellTable.with_cell`; the value is coerced as there, and
        the report is rebuilt through its constructor, every validator running.

        >>> r = AnnualReport(organ="某局", year=2022)
        >>> r = r.with_cell("applications", "予以公开", "自然人", 3)
        >>> r.applications["disclosed", "natural_person"]
        3
        """
        table = self.table(section).with_cell(row, column, value)
        changes: dict[str, Any] = {table.section.value: table}  # the field is the section's
        return attrs.evolve(self, **changes)

    def with_totals(self) -> AnnualReport:
        """A copy with every 总计 filled from its parts (see :func:`govdisclosure.fill_totals`)."""
        return attrs.evolve(
            self,
            applications=self.applications.with_totals(),
            reviews=self.reviews.with_totals(),
        )


def fill_totals(report: AnnualReport) -> AnnualReport:
    """Fill every total of the report from its parts, so nobody adds by hand.

    Sets table 三's 总计 column for every row, its （七）总计 row for every column, and
    the 总计 of each group of table 四. Blank and not-applicable parts count for
    nothing; a total whose parts are all blank stays as it is.

    >>> from govdisclosure import AnnualReport
    >>> r = AnnualReport(organ="某局", year=2022)
    >>> apps = r.applications.with_row("予以公开", {"自然人": 3, "其他": 1})
    >>> r = attrs.evolve(r, applications=apps)
    >>> full = fill_totals(r)
    >>> full.applications["total", "total"], full.applications["disclosed", "total"]
    (4, 4)
    """
    if not isinstance(report, AnnualReport):
        raise ReportValueError(_("应为 AnnualReport，实际为 {value!r}", value=report))
    return report.with_totals()


def as_reports(value: object, what: str) -> tuple[AnnualReport, ...]:
    """``value`` — a list or any iterable of reports, not a single one — as a tuple of at
    least one :class:`AnnualReport`; a :class:`~govdisclosure.errors.ReportValueError`
    that names ``what`` (the argument) otherwise.

    >>> as_reports(iter([AnnualReport(organ="某局", year=2022)]), "parts")[0].organ
    '某局'
    >>> as_reports([], "parts")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReportValueError: parts: expected at least one report, got none
    """
    if isinstance(value, AnnualReport) or not isinstance(value, Iterable):
        raise ReportValueError(
            _("{what}：应为 AnnualReport 的列表，实际为 {value!r}", what=what, value=value)
        )
    reports = tuple(value)
    if not reports:
        raise ReportValueError(_("{what}：应至少有一份报告，实际一份也没有", what=what))
    for number, report in enumerate(reports, start=1):
        if not isinstance(report, AnnualReport):
            raise ReportValueError(
                _(
                    "{what}：第 {number} 项不是 AnnualReport：{value!r}",
                    what=what,
                    number=number,
                    value=report,
                )
            )
    return reports
