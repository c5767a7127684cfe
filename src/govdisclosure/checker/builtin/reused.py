"""Copied prose: this year's text against last year's report (X5, cross-year family).

The official notice on the 2021 format names reports that repeat last year's text (内容
雷同) as a fault, and evaluators score it. X5 measures, for each part of this year's
prose — section 一's opening and each of its topics, section 五, section 六 — how much of
its wording is found in last year's report (:func:`govdisclosure.textreuse.reuse`: years and
figures changed still count as the same wording; boilerplate such as citations of the
regulations does not count), and warns where it is at least half, quoting the longest
passage the two share.
"""

from __future__ import annotations

from govdisclosure.categories import Section
from govdisclosure.checker.builtin.crossyear import _last_year, _mismatch
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Severity
from govdisclosure.checker.registry import rule
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.textreuse import reuse
from govdisclosure.textreuse.pairs import profiles
from govdisclosure.textreuse.units import Unit


def unit_location(unit: Unit) -> Location:
    """Where a part of the prose is: its section (and topic), and its JSON path."""
    base = Location.of_section(unit.section)
    if unit.section is Section.OVERVIEW:
        return base.renamed(unit.name("zh_CN"), json_path=unit.json_path)
    return base


@rule(
    "X5",
    family="cross-year",
    severity=Severity.WARNING,
    title_zh="正文不照搬上年报告的文字（内容雷同）",
    title_en="The text does not repeat last year's report (copied prose)",
    example="五、存在的主要问题及改进情况",
    needs_previous=True,
)
def prose_not_copied(ctx: Context) -> None:
    """Section 一 (its opening and each topic), section 五 and section 六: at most half of
    the wording of each is found in last year's report. Wording is compared as character
    shingles with digits, punctuation and spaces set aside (a copy with the year and the
    figures changed is still a copy); titles of laws and notices, document numbers, the
    statutory opening formula and the form's labels do not count, and a part too short
    once they are set aside ("无。") is not compared. The finding quotes the longest
    passage the two reports share."""
    previous = ctx.previous
    assert previous is not None, "cross-year rules run only with last year's report"
    report = ctx.report
    mismatch = _mismatch(report, previous)
    parts = profiles(report)
    if mismatch is not None:
        for part in parts:
            ctx.unchecked(unit_location(part.unit), *mismatch)
        return
    copied = {match.copy.unit: match for match in reuse(previous, report)}
    for part in parts:
        location = unit_location(part.unit)
        match = copied.get(part.unit)
        if match is None:
            ctx.held(location)
            continue
        ctx.failed(
            location,
            _("{cell} 有 {reported}% 的文字见于{source}，疑似照搬上年内容（内容雷同）：“{quote}”"),
            {"source": _last_year(unit_location(match.source.unit))},
            reported=match.percent,
            quote=match.quote,
            involved=(_last_year(unit_location(match.source.unit)),),
        )
