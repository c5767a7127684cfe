"""The checker's entry points: :func:`validate`, :func:`is_valid` and :func:`check`."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Protocol

import attrs

from govdisclosure.categories import Section
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Finding, Location
from govdisclosure.checker.registry import selected_rules
from govdisclosure.checker.result import ValidationResult
from govdisclosure.errors import GovDisclosureError, ReportInconsistent, ReportValueError
from govdisclosure.report import AnnualReport, as_reports

if TYPE_CHECKING:
    from govdisclosure.textreuse.measure import Match

__all__ = ["check", "is_valid", "validate"]


class _ReadReport(Protocol):
    """What :func:`~govdisclosure.read` returns, as the checker sees it."""

    @property
    def report(self) -> AnnualReport: ...

    @property
    def guessed(self) -> Collection[tuple[Section, int]]: ...


def validate(
    report: AnnualReport | _ReadReport,
    *,
    previous: AnnualReport | None = None,
    parts: Iterable[AnnualReport] | None = None,
    reused: Iterable[Match] | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    guessed: Collection[tuple[Section, int]] = (),
) -> ValidationResult:
    """Check ``report`` against every rule (or those ``select`` names, minus those
    ``ignore`` names: rule ids such as ``"R3"`` or families such as ``"cross-year"``).

    With ``previous`` (last year's report of the same organ) the cross-year rules run;
    without it they do not apply and are left out of ``result.rules``. Likewise with
    ``parts`` (the reports a summary adds up, see :mod:`govdisclosure.rollup`) the
    hierarchy rules check the summary against them, cell by cell; and with ``reused``
    (the matches :func:`~govdisclosure.textreuse.find_reuse` found in a batch whose copy
    is this report, as :func:`govdisclosure.batch.with_reuse` gives them) the batch rules
    say which of its parts copy another report of the batch.

    ``report`` may be what :func:`~govdisclosure.read` returned: its report is checked,
    and the cells the reader placed by a guess (``guessed``: table section and cell
    position) are named in every finding that involves them (:attr:`Finding.guessed`).

    >>> import govdisclosure as gd
    >>> report = gd.examples.load("zhongning-minzheng-2020")
    >>> apps = report.applications.with_cell("（七）总计", "自然人", 3)
    >>> import attrs
    >>> result = gd.validate(attrs.evolve(report, applications=apps), select="R2")
    >>> print(result.findings[0].message_zh)
    三、（七）总计·自然人 填报为 3，各项之和为 0（相差 +3）
    """
    if not isinstance(report, AnnualReport) and isinstance(
        getattr(report, "report", None), AnnualReport
    ):
        # A reader's result: its report, and the cells it placed by a guess.
        guessed = guessed or getattr(report, "guessed", ())
        report = report.report
    if not isinstance(report, AnnualReport):
        raise ReportValueError(f"expected an AnnualReport to validate, got {report!r}")
    if previous is not None and not isinstance(previous, AnnualReport):
        raise ReportValueError(f"previous must be an AnnualReport or None, got {previous!r}")
    given = _parts(parts)
    chosen = selected_rules(select, ignore)
    if previous is None:
        chosen = tuple(r for r in chosen if not r.needs_previous)
    if given is None:
        chosen = tuple(r for r in chosen if not r.needs_parts)
    matches = _matches(reused)
    if matches is None:
        chosen = tuple(r for r in chosen if not r.needs_batch)
    ctx = Context(report, previous, given, matches)
    for rule in chosen:
        ctx.begin(rule)
        rule.check(ctx)
    ctx.begin(None)
    findings = _with_guesses(ctx.findings, report, guessed) if guessed else ctx.findings
    return ValidationResult(
        report.edition, tuple(r.id for r in chosen), findings, ctx.held_outcomes
    )


def _parts(parts: Iterable[AnnualReport] | None) -> tuple[AnnualReport, ...] | None:
    """The reports a summary adds up, as a tuple (see :func:`as_reports`), or None."""
    return None if parts is None else as_reports(parts, "parts")


def _matches(reused: Iterable[Match] | None) -> tuple[Match, ...] | None:
    """The batch's matches as a tuple, each a Match, or None."""
    if reused is None:
        return None
    from govdisclosure.textreuse.measure import Match

    matches = tuple(reused)
    for i, match in enumerate(matches):
        if not isinstance(match, Match):
            raise ReportValueError(f"reused[{i}] must be a textreuse Match, got {match!r}")
    return matches


def _with_guesses(
    findings: Iterable[Finding], report: AnnualReport, guessed: Collection[tuple[Section, int]]
) -> list[Finding]:
    """``findings``, each naming the cells among its own that were placed by a guess."""
    paths = {Location.of_cell(report.edition, s, p).json_path for s, p in guessed}
    out = []
    for finding in findings:
        places = (finding.location, *finding.involved)
        mine = tuple(place for place in places if place.json_path in paths)
        out.append(attrs.evolve(finding, guessed=mine) if mine else finding)
    return out


def is_valid(report: object, **options: object) -> bool:
    """Whether ``report`` is an AnnualReport with no failed rule of severity error.
    Never raises: anything that is not a valid report is simply not valid.

    >>> import govdisclosure as gd
    >>> gd.is_valid(gd.examples.load("shiyan-ziranziyuan-2022")), gd.is_valid("report")
    (True, False)
    """
    try:
        return validate(report, **options).is_valid  # type: ignore[arg-type]
    except (GovDisclosureError, TypeError):
        return False


def check(
    report: AnnualReport,
    *,
    previous: AnnualReport | None = None,
    parts: Iterable[AnnualReport] | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
) -> ValidationResult:
    """Validate ``report`` and raise :class:`~govdisclosure.errors.ReportInconsistent`
    (a ``ValueError`` carrying the result) when an error-level rule failed; otherwise
    return the result (which may hold warnings)."""
    result = validate(report, previous=previous, parts=parts, select=select, ignore=ignore)
    if not result.is_valid:
        raise ReportInconsistent(result)
    return result
