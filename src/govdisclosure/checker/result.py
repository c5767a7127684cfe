"""The result of checking a report: every outcome, the findings, and views of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from govdisclosure.checker.context import Held
from govdisclosure.checker.findings import Finding, Location, Outcome, Severity, Status
from govdisclosure.editions import Edition
from govdisclosure.errors import ReportValueError

__all__ = ["ValidationResult"]


def _order(finding: Finding) -> tuple[tuple[int, int], int, str]:
    return (finding.location.order, finding.severity.rank, finding.rule)


class ValidationResult:
    """What :func:`~govdisclosure.validate` found.

    ``findings`` are the rules that failed, ``unchecked`` the ones that could not be
    checked (never counted as held), both in document order; :meth:`outcomes` lists
    every rule at every place it applies, including those that held.

    >>> import govdisclosure as gd
    >>> result = gd.validate(gd.examples.load("zhongning-minzheng-2020"))
    >>> result.is_valid, result.summary()  # doctest: +ELLIPSIS
    (True, '0 errors, 0 warnings, 1 info; ... checks held, 2 could not be checked')
    >>> print(result.unchecked[-1].message_zh)  # doctest: +ELLIPSIS
    四、行政复议·总计 无法核对：...未填写数字
    """

    __slots__ = ("_held", "edition", "findings", "rules", "unchecked")

    def __init__(
        self,
        edition: Edition,
        rules: tuple[str, ...],
        findings: Iterable[Finding],
        held: Iterable[Held],
    ) -> None:
        ordered = sorted(findings, key=_order)
        self.edition = edition
        #: The ids of the rules that ran.
        self.rules = rules
        #: The failed rules, in document order.
        self.findings: tuple[Finding, ...] = tuple(f for f in ordered if f.status is Status.FAILED)
        #: The rules that could not be checked, in document order.
        self.unchecked: tuple[Finding, ...] = tuple(
            f for f in ordered if f.status is Status.UNCHECKED
        )
        self._held = tuple(held)

    # --- views ----------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        return f"<ValidationResult {self.summary()}>"

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    @property
    def is_valid(self) -> bool:
        """True when no rule of severity error failed."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def held_count(self) -> int:
        """How many rule applications held."""
        return len(self._held)

    def outcomes(self) -> tuple[Outcome, ...]:
        """Every rule at every place it applied, in document order: held, failed or
        unchecked."""
        items = [
            Outcome(f.rule, f.status, f.location, f) for f in (*self.findings, *self.unchecked)
        ]
        for rule, place in self._held:
            location = (
                place if isinstance(place, Location) else Location.of_cell(self.edition, *place)
            )
            items.append(Outcome(rule, Status.HELD, location))
        return tuple(sorted(items, key=lambda o: (o.location.order, o.rule)))

    def filter(
        self,
        *,
        severity: Severity | str | Iterable[Severity | str] | None = None,
        rule: str | Iterable[str] | None = None,
    ) -> ValidationResult:
        """The findings (and unchecked outcomes) of some severities or rules (ids or
        families) only; held outcomes are kept for the selected rules.

        >>> import govdisclosure as gd
        >>> r = gd.examples.load("zhongning-minzheng-2020")
        >>> [f.rule for f in gd.validate(r).filter(rule="values").unchecked]
        []
        """
        from govdisclosure.checker.registry import rules as registered, selected_rules

        severities = None if severity is None else {Severity.coerce(s) for s in _many(severity)}
        rules = None if rule is None else set(_many(rule))
        if rules is not None:
            selected_rules(sorted(rules), None)  # refuses a name that is no rule or family
        families = {r.id: r.family for r in registered()}

        def keep(rule_id: str, finding_severity: Severity | None) -> bool:
            family = families.get(rule_id, "")
            if rules is not None and rule_id not in rules and family not in rules:
                return False
            return severities is None or finding_severity is None or finding_severity in severities

        return ValidationResult(
            self.edition,
            tuple(r for r in self.rules if keep(r, None)),
            [f for f in (*self.findings, *self.unchecked) if keep(f.rule, f.severity)],
            [h for h in self._held if keep(h[0], None)],
        )

    def merged(self, other: ValidationResult) -> ValidationResult:
        """This result and ``other`` (of the same report, from other rules) as one: what
        :func:`govdisclosure.batch.with_reuse` does with what the batch rules found."""
        if not isinstance(other, ValidationResult) or other.edition is not self.edition:
            raise ReportValueError(f"expected a ValidationResult of this report, got {other!r}")
        return ValidationResult(
            self.edition,
            (*self.rules, *(r for r in other.rules if r not in self.rules)),
            (*self.findings, *self.unchecked, *other.findings, *other.unchecked),
            (*self._held, *other._held),
        )

    def best_match(self) -> Finding | None:
        """The most useful finding to fix first: the most serious, then the earliest in
        the document (None when nothing failed)."""
        return min(self.findings, key=lambda f: (f.severity.rank, f.location.order), default=None)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (JSON-ready): the edition, the rules that ran, the
        counts — errors, warnings and infos that failed, checks that held, checks that
        could not be made — and the findings and the unchecked outcomes as
        :meth:`Finding.to_dict <govdisclosure.checker.findings.Finding.to_dict>` gives
        them, in document order.

        >>> import govdisclosure as gd
        >>> data = gd.validate(gd.examples.load("zhongning-minzheng-2020")).to_dict()
        >>> data["edition"], data["valid"], data["counts"]  # doctest: +ELLIPSIS
        ('2019', True, {'errors': 0, 'warnings': 0, 'infos': 1, 'held': ..., 'unchecked': 2})
        >>> [(f["rule"], f["status"]) for f in data["unchecked"]]
        [('D1', 'unchecked'), ('R5', 'unchecked')]
        >>> import json; json.loads(json.dumps(data)) == data
        True
        """
        return {
            "edition": self.edition.value,
            "rules": list(self.rules),
            "valid": self.is_valid,
            "counts": {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "infos": len(self.infos),
                "held": self.held_count,
                "unchecked": len(self.unchecked),
            },
            "findings": [finding.to_dict() for finding in self.findings],
            "unchecked": [finding.to_dict() for finding in self.unchecked],
        }

    def summary(self, locale: str = "en") -> str:
        """One line: counts of errors, warnings and infos, of checks that held and of
        those that could not be checked."""
        e, w, i = len(self.errors), len(self.warnings), len(self.infos)
        if locale.startswith("zh"):
            return (
                f"错误 {e} 项，警告 {w} 项，提示 {i} 项；"
                f"{self.held_count} 项核对通过，{len(self.unchecked)} 项无法核对"
            )
        return (
            f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}, {i} info{'s' * (i != 1)}; "
            f"{self.held_count} checks held, {len(self.unchecked)} could not be checked"
        )


def _many(value: Any) -> list[Any]:
    if isinstance(value, (str, Severity)):
        return [value]
    return list(value)
