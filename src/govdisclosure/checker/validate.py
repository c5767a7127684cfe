"""The checker's entry points: :func:`validate`, :func:`is_valid` and :func:`check`."""

from __future__ import annotations

from collections.abc import Iterable

from govdisclosure.checker.context import Context
from govdisclosure.checker.registry import selected_rules
from govdisclosure.checker.result import ValidationResult
from govdisclosure.errors import GovDisclosureError, ReportInconsistent, ReportValueError
from govdisclosure.report import AnnualReport

__all__ = ["check", "is_valid", "validate"]


def validate(
    report: AnnualReport,
    *,
    previous: AnnualReport | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
) -> ValidationResult:
    """Check ``report`` against every rule (or those ``select`` names, minus those
    ``ignore`` names: rule ids such as ``"R3"`` or families such as ``"cross-year"``).

    With ``previous`` (last year's report of the same organ) the cross-year rules run;
    without it they do not apply and are left out of ``result.rules``.

    >>> import govdisclosure as gd
    >>> report = gd.load("examples/zhongning-minzheng-2020.json")
    >>> apps = report.applications.with_cell("（七）总计", "自然人", 3)
    >>> import attrs
    >>> result = gd.validate(attrs.evolve(report, applications=apps), select="R2")
    >>> print(result.findings[0].message_zh)
    三、（七）总计·自然人 填报为 3，各项之和为 0（相差 +3）
    """
    if not isinstance(report, AnnualReport):
        raise ReportValueError(f"expected an AnnualReport to validate, got {report!r}")
    if previous is not None and not isinstance(previous, AnnualReport):
        raise ReportValueError(f"previous must be an AnnualReport or None, got {previous!r}")
    chosen = selected_rules(select, ignore)
    if previous is None:
        chosen = tuple(r for r in chosen if not r.needs_previous)
    ctx = Context(report, previous)
    for rule in chosen:
        ctx.begin(rule)
        rule.check(ctx)
    ctx.begin(None)
    return ValidationResult(
        report.edition, tuple(r.id for r in chosen), ctx.findings, ctx.held_outcomes
    )


def is_valid(report: object, **options: object) -> bool:
    """Whether ``report`` is an AnnualReport with no failed rule of severity error.
    Never raises: anything that is not a valid report is simply not valid.

    >>> import govdisclosure as gd
    >>> gd.is_valid(gd.load("examples/shiyan-ziranziyuan-2022.json")), gd.is_valid("report")
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
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
) -> ValidationResult:
    """Validate ``report`` and raise :class:`~govdisclosure.errors.ReportInconsistent`
    (a ``ValueError`` carrying the result) when an error-level rule failed; otherwise
    return the result (which may hold warnings)."""
    result = validate(report, previous=previous, select=select, ignore=ignore)
    if not result.is_valid:
        raise ReportInconsistent(result)
    return result
