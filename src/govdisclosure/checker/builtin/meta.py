"""The report as a whole: its edition, its sections, and when it was published."""

from __future__ import annotations

import datetime as dt

from govdisclosure.categories import OrganKind, Section
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Severity
from govdisclosure.checker.registry import rule
from govdisclosure.editions import edition_for_year
from govdisclosure.text import Paragraph

#: The five topics the 2021 format names for 总体情况, each with the words that show a
#: report speaks of it.
OVERVIEW_TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("主动公开", "proactive disclosure", ("主动公开",)),
    ("依申请公开", "disclosure on application", ("依申请",)),
    ("政府信息管理", "information management", ("信息管理",)),
    ("平台建设", "disclosure platforms", ("平台",)),
    ("监督保障", "supervision and safeguards", ("监督", "考核", "保障")),
)

#: Art. 49: departments publish by 31 January, governments by 31 March, of the next year.
DEADLINES: dict[OrganKind, tuple[int, int]] = {
    OrganKind.DEPARTMENT: (1, 31),
    OrganKind.GOVERNMENT: (3, 31),
}

_EDITION = Location.of_field("$.report.edition", "格式版本", "Edition of the format", 1)
_PUBLISHED = Location.of_field("$.report.published", "发布日期", "Publication date", 2)


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
        f"{report.year} 年度报告应使用 {expected.value} 年版格式（{expected.document}），"
        f"实际使用 {report.edition.value} 年版格式",
        f"a report on {report.year} uses the {expected.value} format ({expected.document}), "
        f"not the {report.edition.value} format",
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
    prose = {
        Section.OVERVIEW: (
            *overview.intro,
            *(p for s in overview.subsections for p in s.paragraphs),
        ),
        Section.PROBLEMS: report.problems,
        Section.OTHER: report.other_matters,
    }
    for section, paragraphs in prose.items():
        location = Location.of_section(section)
        if section is Section.OVERVIEW and overview.subsections:
            ctx.held(location)  # titled subsections count as content
        elif _text(paragraphs).strip():
            ctx.held(location)
        else:
            ctx.failed(
                location,
                f"{location.name_zh} 缺少内容",
                f"{location.name_en} is missing or empty",
            )


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
            f"{location.name_zh} 仅填写“{text}”，应说明存在的主要问题及改进情况",
            f"{location.name_en} only says “{text}”; it should state the main problems and "
            "the improvements",
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
    missing = [(zh, en) for zh, en, words in OVERVIEW_TOPICS if not any(w in text for w in words)]
    if not missing:
        ctx.held(location)
    for zh, en in missing:
        ctx.failed(
            location,
            f"{location.name_zh} 未提及“{zh}”方面的情况",
            f"{location.name_en} says nothing about {en}",
            quote=zh,
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
        ctx.unchecked(
            _PUBLISHED,
            "发布日期或机关类型未知，无法核对是否按期发布",
            "the publication date or the kind of organ is unknown; the deadline cannot be checked",
        )
        return
    last = deadline(report.year, report.organ_kind)
    if last is None:
        ctx.unchecked(
            _PUBLISHED,
            f"条例未规定{report.organ_kind.zh}的发布期限",
            f"the regulations set no deadline for a {report.organ_kind.en.lower()}",
        )
    elif report.published <= last:
        ctx.held(_PUBLISHED)
    else:
        late = (report.published - last).days
        ctx.failed(
            _PUBLISHED,
            f"发布日期 {report.published.isoformat()} 晚于期限 {last.isoformat()}"
            f"（逾期 {late} 天）",
            f"published on {report.published.isoformat()}, {late} days after the deadline "
            f"{last.isoformat()}",
            reported=report.published.isoformat(),
            computed=last.isoformat(),
        )
