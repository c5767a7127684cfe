"""The report as a whole: its edition, its sections, and when it was published."""

from __future__ import annotations

import datetime as dt

from govdisclosure.categories import OrganKind, Section
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Severity, Term
from govdisclosure.checker.registry import rule
from govdisclosure.editions import edition_for_year
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.text import Paragraph

#: The five topics the 2021 format names for 总体情况, each with the words that show a
#: report speaks of it (English comes from the catalog).
OVERVIEW_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (_("主动公开"), ("主动公开",)),
    (_("依申请公开"), ("依申请",)),
    (_("政府信息管理"), ("信息管理",)),
    (_("平台建设"), ("平台",)),
    (_("监督保障"), ("监督", "考核", "保障")),
)

#: Art. 49: departments publish by 31 January, governments by 31 March, of the next year.
DEADLINES: dict[OrganKind, tuple[int, int]] = {
    OrganKind.DEPARTMENT: (1, 31),
    OrganKind.GOVERNMENT: (3, 31),
}

_EDITION = Location.of_field("$.report.edition", _("格式版本"), order=1)
_PUBLISHED = Location.of_field("$.report.published", _("发布日期"), order=2)


@rule(
    "ED1",
    family="edition",
    severity=Severity.ERROR,
    title_zh="使用与报告年度相符的格式版本",
    title_en="The format edition fits the report year",
    example="格式版本",
)
def edition_fits_year(ctx: Context) -> None:
    """Reports on 2019 and 2020 use the 2019 format (国办公开办函〔2019〕60号); reports on
    2021 and later the 2021 format (国办公开办函〔2021〕30号)."""
    report = ctx.report
    expected = edition_for_year(report.year)
    if report.edition is expected:
        ctx.held(_EDITION)
        return
    ctx.failed(
        _EDITION,
        _("{year} 年度报告应使用 {computed} 年版格式（{document}），实际使用 {reported} 年版格式"),
        {"year": report.year, "document": Term(expected.document)},
        reported=report.edition.value,
        computed=expected.value,
    )


def _text(paragraphs: tuple[Paragraph, ...]) -> str:
    return "".join(p.text for p in paragraphs)


@rule(
    "S1",
    family="sections",
    severity=Severity.ERROR,
    title_zh="各部分均有内容",
    title_en="Every section has content",
    example="五、存在的主要问题及改进情况",
)
def sections_present(ctx: Context) -> None:
    """Sections 一 (总体情况), 五 (存在的主要问题及改进情况) and 六 (其他需要报告的事项) each
    have text (六 may say "无。"); tables 二, 三 and 四 are always present in the model."""
    report = ctx.report
    overview = report.overview
    # A paragraph always has some text (the model refuses blank ones), and titled
    # subsections count as content: a section has content when it has either.
    present = {
        Section.OVERVIEW: bool(overview.intro or overview.subsections),
        Section.PROBLEMS: bool(report.problems),
        Section.OTHER: bool(report.other_matters),
    }
    for section, has_content in present.items():
        location = Location.of_section(section)
        if has_content:
            ctx.held(location)
        else:
            ctx.failed(location, _("{cell} 缺少内容"))


_NOTHING = {"无", "无。", "暂无", "暂无。", "没有", "无相关情况。"}


@rule(
    "S2",
    family="sections",
    severity=Severity.WARNING,
    title_zh="存在的主要问题及改进情况不应只写“无”",
    title_en="Main problems and improvements says more than “none”",
    example="五、存在的主要问题及改进情况",
)
def problems_not_none(ctx: Context) -> None:
    """Section 五 must report the main problems and how they are being improved; a section
    that only says "无" reports nothing (Art. 50 (四))."""
    location = Location.of_section(Section.PROBLEMS)
    text = _text(ctx.report.problems).strip()
    if not text:
        return  # S1 reports the empty section
    if text in _NOTHING:
        ctx.failed(
            location,
            _("{cell} 仅填写“{quote}”，应说明存在的主要问题及改进情况"),
            quote=text,
        )
    else:
        ctx.held(location)


@rule(
    "S3",
    family="sections",
    severity=Severity.INFO,
    title_zh="总体情况涵盖五个方面（2021 年版格式）",
    title_en="The overview covers the five topics (2021 format)",
    example="一、总体情况",
)
def overview_topics(ctx: Context) -> None:
    """2021 format: 总体情况 speaks of 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台
    建设 and 监督保障; a topic the text never mentions is worth a look."""
    if ctx.edition.value == "2019":
        return
    overview = ctx.report.overview
    text = _text(overview.intro) + "".join(
        s.title + _text(s.paragraphs) for s in overview.subsections
    )
    location = Location.of_section(Section.OVERVIEW)
    missing = [topic for topic, words in OVERVIEW_TOPICS if not any(w in text for w in words)]
    if not missing:
        ctx.held(location)
    for topic in missing:
        ctx.failed(
            location,
            _("{cell} 未提及“{topic}”方面的情况"),
            {"topic": Term(topic)},
            quote=topic,
        )


def deadline(year: int, kind: OrganKind) -> dt.date | None:
    """The last day to publish the report on ``year`` for an organ of ``kind`` (Art. 49),
    or ``None`` for kinds the article does not set a date for.

    >>> deadline(2022, OrganKind.DEPARTMENT)
    datetime.date(2023, 1, 31)
    """
    month_day = DEADLINES.get(kind)
    if month_day is None or year >= dt.MAXYEAR:
        return None  # no deadline set, or one beyond the calendar
    return dt.date(year + 1, *month_day)


@rule(
    "D1",
    family="dates",
    severity=Severity.WARNING,
    title_zh="按期发布（部门 1 月 31 日前，政府 3 月 31 日前）",
    title_en="Published by the deadline (31 January for departments, 31 March for governments)",
    example="发布日期",
)
def published_in_time(ctx: Context) -> None:
    """Art. 49: a department publishes its report by 31 January of the next year, a
    government by 31 March. Checked when the publication date and the organ kind are
    known."""
    report = ctx.report
    if report.published is None or report.organ_kind is None:
        ctx.unchecked(_PUBLISHED, _("发布日期或机关类型未知，无法核对是否按期发布"))
        return
    last = deadline(report.year, report.organ_kind)
    if last is None:
        ctx.unchecked(
            _PUBLISHED,
            _("条例未规定{kind}的发布期限"),
            {"kind": Term(report.organ_kind.zh)},
        )
    elif report.published <= last:
        ctx.held(_PUBLISHED)
    else:
        late = (report.published - last).days
        ctx.failed(
            _PUBLISHED,
            _("发布日期 {reported} 晚于期限 {computed}（逾期 {late} 天）"),
            {"late": late},
            reported=report.published.isoformat(),
            computed=last.isoformat(),
        )
