"""The checker: every arithmetic, value, edition, section, prose, date and cross-year rule,
as findings that name the exact cell.

>>> import govdisclosure as gd
>>> gd.validate(gd.examples.load("shiyan-ziranziyuan-2022")).is_valid
True
"""

from __future__ import annotations

from govdisclosure.checker.findings import Finding, Location, Outcome, Severity, Status
from govdisclosure.checker.registry import (
    FAMILIES,
    Rule,
    register_rule,
    rule,
    rules,
    unregister_rule,
)
from govdisclosure.checker.result import ValidationResult
from govdisclosure.checker.validate import check, is_valid, validate

__all__ = [
    "FAMILIES",
    "Finding",
    "Location",
    "Outcome",
    "Rule",
    "Severity",
    "Status",
    "ValidationResult",
    "check",
    "is_valid",
    "register_rule",
    "rule",
    "rules",
    "unregister_rule",
    "validate",
]
