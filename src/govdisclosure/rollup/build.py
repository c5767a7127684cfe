"""Building a summary (汇总) report from the reports of the organs it covers."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from govdisclosure.categories import OrganKind, ScopeKind, Section
from govdisclosure.checker.findings import Figures, Location
from govdisclosure.errors import AggregateError, ReportValueError
from govdisclosure.i18n import gettext_noop as _
from govdisclosure.report import AnnualReport, Preamble, Scope, as_reports, organ_key
from govdisclosure.rollup.extras import sum_extras
from govdisclosure.rollup.notes import AggregateNote, AggregateNoteKind, BlankPolicy
from govdisclosure.rollup.preamble import scope_preamble
from govdisclosure.rollup.result import AggregateResult
from govdisclosure.rollup.summing import sum_table
from govdisclosure.rollup.totals import totals_notes
from govdisclosure.tables import ApplicationTable, CellTable, ProactiveTable, ReviewTable

__all__ = ["aggregate"]

_TABLES: tuple[tuple[Section, type[CellTable[Any, Any]]], ...] = (
    (Section.PROACTIVE, ProactiveTable),
    (Section.APPLICATIONS, ApplicationTable),
    (Section.REVIEWS, ReviewTable),
)
_SCOPE = Location.of_field("$.report.scope", _("汇总范围"))
#: The sections a summary leaves to its authors: the parts' prose is not added up.
_PROSE = (Section.OVERVIEW, Section.PROBLEMS, Section.OTHER)


def aggregate(
    reports: Iterable[AnnualReport],
    *,
    organ: str,
    year: int | None = None,
    scope: Scope | None = None,
    blanks: BlankPolicy | str = BlankPolicy.SKIP,
    organ_kind: OrganKind | str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    preamble: Preamble | None = None,
) -> AggregateResult:
    """The summary (汇总) report of ``reports``: every cell of tables 二, 三 and 四 the sum of
    the same cell of every report, with a note on every case that is not a plain sum of
    numbers.

    ``organ`` names whom the summary is of as its title names it: the area ("某县" gives
    "某县2024年政府信息公开工作年度报告"), or the government, or pass ``title``. The reports
    must be on one year (``year``, when given) in one edition, of different organs
    (names compared without whitespace); otherwise
    :class:`~govdisclosure.errors.AggregateError` names the organs at fault. The summary
    has their year and edition, and ``scope`` lists the organs added up (by default
    their names, in order; a scope of your own that names others is kept, with a note).
    ``blanks`` says what a blank part does to a summed cell
    (:class:`~govdisclosure.rollup.BlankPolicy`).

    Totals are the sums of the parts' printed totals, not recomputed; notes of kind
    ``totals`` say where they disagree with the summed details. Sections 一, 五 and 六
    are left empty: a summary's prose is its authors', not a sum. The preamble states
    what was added up and the statistical period, as published summaries do
    (:func:`~govdisclosure.rollup.preamble.scope_preamble`), unless ``preamble`` is given.

    >>> import govdisclosure as gd
    >>> seed = gd.examples.load("zhongning-minzheng-2020")
    >>> other = gd.AnnualReport.blank("中宁县教育局", 2020, fill=1)
    >>> result = aggregate([seed, other], organ="中宁县", organ_kind="government")
    >>> result.report.title, result.report.scope.organs
    ('中宁县2020年政府信息公开工作年度报告', ('中宁县民政局', '中宁县教育局'))
    >>> print(result.report.preamble.paragraphs[0].text.split("。")[0])
    本报告综合中宁县民政局、中宁县教育局共2个机关（单位）的2020年政府信息公开工作年度报告汇总编制
    >>> result.report.reviews["行政复议", "结果维持"]  # blank in the seed, 1 in the other
    1
    >>> print(result.notes_of("blank")[0].message_zh)
    四、行政复议·结果维持：中宁县民政局 未填写，合计 1 仅为其余机关所填数字之和
    """
    parts = _parts(reports)
    policy = BlankPolicy.coerce(blanks)
    edition, year = _common(parts, year)
    organs = tuple(part.organ for part in parts)
    notes: list[AggregateNote] = []
    tables: dict[str, Any] = {}
    for section, cls in _TABLES:
        table, said = _sum_table(section, cls, parts, organs, policy)
        tables[section.value] = table
        notes.extend(said)
    summed = _scope(scope, organs, notes)
    report = AnnualReport(
        organ=organ,
        year=year,
        edition=edition,
        scope=summed,
        preamble=scope_preamble(summed.organs, year) if preamble is None else preamble,
        organ_kind=organ_kind,
        published=published,
        title=title,
        **tables,
    )
    notes.extend(_prose_notes())
    return AggregateResult(report, parts, policy, tuple(notes))


def _sum_table(
    section: Section,
    cls: type[CellTable[Any, Any]],
    parts: Sequence[AnnualReport],
    organs: Sequence[str],
    policy: BlankPolicy,
) -> tuple[CellTable[Any, Any], list[AggregateNote]]:
    """The summed table of ``section``, and the notes on its cells, extras and totals."""
    edition = parts[0].edition
    given = [part.table(section) for part in parts]
    part_cells = [table.cells for table in given]
    cells, notes = sum_table(edition, section, part_cells, organs, policy)
    rows, columns, extra_notes = sum_extras(edition, section, given, organs, policy)
    notes += extra_notes
    notes += totals_notes(edition, section, cells, part_cells, organs)
    return cls(edition, cells, extra_rows=rows, extra_columns=columns), notes


def _parts(reports: Iterable[AnnualReport]) -> tuple[AnnualReport, ...]:
    """The reports as a tuple, each an AnnualReport, each of another organ."""
    parts = as_reports(reports, "reports to add up")
    twice = _groups(parts, lambda part: organ_key(part.organ))
    repeated = {key: numbers for key, numbers in twice.items() if len(numbers) > 1}
    if repeated:
        shown = "; ".join(
            f"{parts[numbers[0]].organ} (reports {', '.join(str(n + 1) for n in numbers)})"
            for numbers in repeated.values()
        )
        raise AggregateError(
            f"the same organ is given more than once: {shown}",
            organs=tuple(parts[n].organ for numbers in repeated.values() for n in numbers),
        )
    return parts


def _groups(
    parts: Sequence[AnnualReport], key: Callable[[AnnualReport], Hashable]
) -> dict[Hashable, list[int]]:
    """The reports' numbers (0-based) by ``key``, in order of first appearance."""
    groups: dict[Hashable, list[int]] = {}
    for number, part in enumerate(parts):
        groups.setdefault(key(part), []).append(number)
    return groups


def _common(parts: Sequence[AnnualReport], year: int | None) -> tuple[Any, int]:
    """The edition and the year every report shares; an AggregateError naming the organs
    that differ from the others (or from ``year``) when they do not."""
    years = _groups(parts, lambda part: part.year)
    if year is not None and set(years) != {year}:
        others = [parts[n].organ for y, numbers in years.items() if y != year for n in numbers]
        raise AggregateError(
            f"a summary on {year} adds up reports on {year} only; {_listed(parts, years, 'on {}')}",
            organs=tuple(others),
        )
    _refuse_mixed(parts, years, "years", "on {}")
    editions = _groups(parts, lambda part: part.edition.value)
    _refuse_mixed(parts, editions, "editions", "in the {} edition")
    return parts[0].edition, parts[0].year


def _refuse_mixed(
    parts: Sequence[AnnualReport], groups: dict[Hashable, list[int]], what: str, how: str
) -> None:
    if len(groups) < 2:
        return
    # The organs at fault are those outside the largest group (the first, on a tie).
    largest = Counter({key: len(numbers) for key, numbers in groups.items()}).most_common(1)[0][0]
    odd = tuple(
        parts[n].organ for key, numbers in groups.items() if key != largest for n in numbers
    )
    raise AggregateError(
        f"reports of different {what} cannot be added up: {_listed(parts, groups, how)}",
        organs=odd,
    )


def _listed(parts: Sequence[AnnualReport], groups: dict[Hashable, list[int]], how: str) -> str:
    return "; ".join(
        f"{how.format(key)}: {', '.join(parts[n].organ for n in numbers)}"
        for key, numbers in groups.items()
    )


def _scope(scope: Scope | None, organs: tuple[str, ...], notes: list[AggregateNote]) -> Scope:
    """The summary's scope: the organs added up, or ``scope`` as given (an aggregate
    scope), with a note on the organs it names that were not added up, or leaves out."""
    if scope is None:
        return Scope.aggregate(organs)
    if not isinstance(scope, Scope) or scope.kind is not ScopeKind.AGGREGATE:
        raise ReportValueError(
            f"a summary's scope is Scope.aggregate([...]) naming the organs, got {scope!r}"
        )
    missing, extra = scope.differences(organs)
    if missing or extra:
        template = _("{cell} 与所汇总的报告不一致：未列出 {missing}；列出但未汇总 {extra}")
        params = {
            "missing": Figures(tuple((organ, None) for organ in missing)),
            "extra": Figures(tuple((organ, None) for organ in extra)),
        }
        note = AggregateNote(
            AggregateNoteKind.SCOPE, _SCOPE, template, tuple(params.items()), (*missing, *extra)
        )
        notes.append(note)
    return scope
    params = {
        "missing": Figures(tuple((organ, None) for organ in missing)),
        "extra": Figures(tuple((organ, None) for organ in extra)),
    }
    notes.append(
        AggregateNote(
            AggregateNoteKind.SCOPE, _SCOPE, template, tuple(params.items()), (*missing, *extra)
        )
    )
    return scope


def _prose_notes() -> list[AggregateNote]:
    template = _("{cell} 为空：汇总报告的文字不由下级报告合成，需另行撰写")
    return [
        AggregateNote(AggregateNoteKind.PROSE, Location.of_section(section), template)
        for section in _PROSE
    ]
