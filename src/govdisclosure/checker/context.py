"""The context a rule runs in: the report, last year's report, the reports a summary adds
up, and the recorder of outcomes.

A rule calls :meth:`Context.held`, :meth:`Context.failed` or :meth:`Context.unchecked`
once for every place it applies, so that the result can say of every rule and place
whether it held, failed or could not be checked.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from govdisclosure.categories import Section
from govdisclosure.checker.findings import Finding, Location, Severity, Status
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.layouts import EditionLayout, layout
from govdisclosure.report import AnnualReport
from govdisclosure.text import Paragraph

if TYPE_CHECKING:
    from govdisclosure.checker.registry import Rule
    from govdisclosure.textreuse.measure import Match

__all__ = ["Context", "Held"]

#: A held outcome, kept compact (most outcomes hold): the rule id and either a
#: Location or (section, cell position) for a table cell.
Held = tuple[str, "Location | tuple[Section, int]"]


class Context:
    """What a rule sees, and where it records what it found."""

    __slots__ = (
        "_kinds",
        "cells",
        "edition",
        "findings",
        "held_outcomes",
        "layout",
        "memo",
        "parts",
        "previous",
        "report",
        "reused",
        "rule",
        "rule_id",
    )

    def __init__(
        self,
        report: AnnualReport,
        previous: AnnualReport | None,
        parts: tuple[AnnualReport, ...] | None = None,
        reused: tuple[Match, ...] | None = None,
    ) -> None:
        self.report = report
        self.previous = previous
        #: The reports a summary adds up (``validate(parts=...)``), or None.
        self.parts = parts
        #: What a batch found of this report's prose in other reports of the batch
        #: (``validate(reused=...)``): the matches whose copy is this report; or None.
        self.reused = reused
        self.edition = report.edition
        self.layout: EditionLayout = layout(report.edition)
        #: The cells of tables 二, 三 and 四 by section.
        self.cells = {
            Section.PROACTIVE: report.proactive.cells,
            Section.APPLICATIONS: report.applications.cells,
            Section.REVIEWS: report.reviews.cells,
        }
        self._kinds: dict[Section, set[type]] = {}
        #: Work several rules of one run share (the prose rules' reading of the text),
        #: by a key of the rule module's choosing; it lives as long as the run.
        self.memo: dict[str, Any] = {}
        self.findings: list[Finding] = []
        self.held_outcomes: list[Held] = []
        self.rule: Rule | None = None
        self.rule_id = ""

    def kinds(self, section: Section) -> set[type]:
        """The types of value in a table's cells (int, Money, Blank, NotApplicable), worked
        out once per report: most tables are all int, and rules can say so at once."""
        found = self._kinds.get(section)
        if found is None:
            found = self._kinds[section] = set(map(type, self.cells[section]))
        return found

    # --- places -------------------------------------------------------------------------

    def cell(self, section: Section, position: int) -> Location:
        """The location of a cell of this report's table of ``section``."""
        return Location.of_cell(self.edition, section, position)

    def prose(self) -> Iterator[tuple[Location, Paragraph]]:
        """Every paragraph of the report with its location, in document order."""
        for group, paragraphs in paragraph_groups(self.report):
            for i, p in enumerate(paragraphs):
                yield paragraph_location(group, i), p

    # --- outcomes -----------------------------------------------------------------------

    def held(self, location: Location) -> None:
        """The current rule holds at ``location``."""
        self.held_outcomes.append((self.rule_id, location))

    def held_cell(self, section: Section, position: int) -> None:
        """The current rule holds at a cell (cheaper than building its Location)."""
        self.held_outcomes.append((self.rule_id, (section, position)))

    def held_cells(self, section: Section, positions: Iterable[int]) -> None:
        """The current rule holds at each of these cells."""
        rule = self.rule_id
        self.held_outcomes.extend([(rule, (section, p)) for p in positions])

    def begin(self, rule: Rule | None) -> None:
        """Record what follows for ``rule`` (``None`` when no rule runs)."""
        self.rule = rule
        self.rule_id = rule.id if rule is not None else ""

    def failed(
        self,
        location: Location,
        template: str,
        params: Mapping[str, Any] | None = None,
        *,
        severity: Severity | None = None,
        **details: Any,
    ) -> Finding:
        """The current rule fails at ``location``; returns the recorded finding.

        ``template`` is the Chinese message, marked ``_()`` where it is written so that
        the catalogs carry its translations; ``{cell}``, ``{reported}``, ``{computed}``,
        ``{difference}``, ``{quote}`` and ``{expression}`` fill themselves from the
        finding, anything else from ``params`` (a Location shows its name, a
        :class:`~govdisclosure.checker.findings.Term` is translated, a
        :class:`~govdisclosure.checker.findings.Names` lists places). Choose between
        templates with ``if``; never build one, or extraction cannot find it.
        """
        return self._record(Status.FAILED, location, template, params, severity=severity, **details)

    def unchecked(
        self,
        location: Location,
        template: str,
        params: Mapping[str, Any] | None = None,
        **details: Any,
    ) -> Finding:
        """The current rule could not be checked at ``location`` (an operand is blank or
        not applicable, a figure is missing): never counted as held."""
        return self._record(Status.UNCHECKED, location, template, params, **details)

    def _record(
        self,
        status: Status,
        location: Location,
        template: str,
        params: Mapping[str, Any] | None,
        *,
        severity: Severity | None = None,
        **details: Any,
    ) -> Finding:
        rule = self.rule
        assert rule is not None, "a rule records outcomes only while it runs"
        finding = Finding(
            rule.id,
            severity or rule.severity,
            status,
            location,
            template,
            tuple(params.items()) if params else (),
            **details,
        )
        self.findings.append(finding)
        return finding


#: A group of paragraphs: its section (None for the preamble), and for a subsection of the
#: overview its index and its title.
Group = tuple[Section | None, int | None, str | None]


# Looked up once: an enum member is slow to look up on its class.
_OVERVIEW = Section.OVERVIEW
_PREAMBLE: Group = (None, None, None)
_INTRO: Group = (_OVERVIEW, None, None)
_PROBLEMS: Group = (Section.PROBLEMS, None, None)
_OTHER: Group = (Section.OTHER, None, None)


def paragraph_groups(report: AnnualReport) -> list[tuple[Group, tuple[Paragraph, ...]]]:
    """The report's paragraphs, group by group in document order: the preamble, the
    overview's intro, each subsection of the overview, section 五 and section 六."""
    overview = report.overview
    return [
        (_PREAMBLE, report.preamble.paragraphs),
        (_INTRO, overview.intro),
        *[
            ((_OVERVIEW, s, sub.title), sub.paragraphs)
            for s, sub in enumerate(overview.subsections)
        ],
        (_PROBLEMS, report.problems),
        (_OTHER, report.other_matters),
    ]


@functools.lru_cache(maxsize=4096)
def paragraph_location(group: Group, i: int) -> Location:
    """The location of paragraph ``i`` of ``group``: named by its section and the title of
    its subsection in Chinese, by its section in English (the title is the report's text).
    Cached: reports share their places and, mostly, their subsection titles."""
    section, s, title = group
    if section is None:
        return Location.of_field(f"$.report.preamble.paragraphs[{i}]", _("前言"))
    if section is not _OVERVIEW:
        path = f"[{i}]"
    else:
        path = f".intro[{i}]" if s is None else f".subsections[{s}].paragraphs[{i}]"
    base = Location.of_section(section)
    name_zh = base.name_zh + (f"（{title.rstrip('。：:')}）" if title else "")
    return base.renamed(name_zh, json_path=base.json_path + path)
