"""The rule registry: every check the checker runs, with its id, family and severity.

Rules register themselves when their module is imported; third parties register their
own with :func:`register_rule` (or the :func:`rule` decorator). The catalogue in the
documentation is generated from this registry, so a rule is described only here.

>>> from govdisclosure.checker import rules
>>> sorted(r.id for r in rules() if r.family == "arithmetic")
['E1', 'R2', 'R3', 'R4', 'R5']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final

from attrs import field, frozen

from govdisclosure.checker.findings import Severity
from govdisclosure.errors import ReportValueError

if TYPE_CHECKING:
    from govdisclosure.checker.context import Context

__all__ = [
    "FAMILIES",
    "Rule",
    "register_rule",
    "rule",
    "rules",
    "selected_rules",
    "unregister_rule",
]

#: The families rules belong to, in the order the catalogue lists them.
FAMILIES: Final = (
    "arithmetic",
    "values",
    "edition",
    "sections",
    "prose",
    "dates",
    "cross-year",
    "hierarchy",
    "batch",
    "custom",
)

Check = Callable[["Context"], None]


def _check_id(_instance: object, _attribute: object, value: Any) -> None:
    if not (isinstance(value, str) and value.isascii() and value.replace("-", "").isalnum()):
        raise ReportValueError(
            f"a rule id is a short ASCII name such as 'R3' or 'X-FEES', got {value!r}"
        )


@frozen
class Rule:
    """A check: its stable ``id``, ``family``, default ``severity``, titles in Chinese and
    English, what it checks, whether the official form prints it (``printed``) or it is
    implied by the tables, an example of a failing cell, and the function that runs it."""

    id: str = field(validator=_check_id)
    family: str
    severity: Severity
    title_zh: str
    title_en: str
    description: str
    example: str
    check: Check = field(eq=False, repr=False)
    printed: bool = False
    #: Whether the rule compares with last year's report; such rules run only when
    #: ``validate(previous=...)`` is given one.
    needs_previous: bool = False
    #: Whether the rule compares a summary with the reports it adds up; such rules run
    #: only when ``validate(parts=...)`` is given them.
    needs_parts: bool = False
    #: Whether the rule compares a report with the other reports of a batch; such rules
    #: run only when ``validate(reused=...)`` is given what the batch found
    #: (:func:`govdisclosure.batch.with_reuse` does).
    needs_batch: bool = False


_REGISTRY: dict[str, Rule] = {}
# Selections already worked out, by (select, ignore); cleared when the registry changes.
_SELECTIONS: dict[tuple[object, object], tuple[Rule, ...]] = {}


def register_rule(new: Rule, *, replace: bool = False) -> Rule:
    """Add ``new`` to the rules :func:`~govdisclosure.validate` runs.

    Ids are unique; registering an existing id raises unless ``replace``.
    """
    if not isinstance(new, Rule):
        raise ReportValueError(f"expected a Rule, got {new!r}")
    _load_builtin()  # so that built-in ids are taken, and built-ins come first
    if new.family not in FAMILIES:
        raise ReportValueError(
            f"unknown rule family {new.family!r}; use one of {', '.join(FAMILIES)}"
        )
    if new.id in _REGISTRY and not replace:
        raise ReportValueError(f"a rule with id {new.id!r} is already registered")
    _REGISTRY[new.id] = new
    _SELECTIONS.clear()
    return new


def unregister_rule(rule_id: str) -> Rule:
    """Remove the rule ``rule_id`` (a rule of your own, say, after a test); returns it."""
    _load_builtin()
    try:
        removed = _REGISTRY.pop(rule_id)
    except KeyError:
        raise ReportValueError(f"no rule with id {rule_id!r} is registered") from None
    _SELECTIONS.clear()
    return removed


def rule(
    id: str,
    *,
    family: str,
    severity: Severity,
    title_zh: str,
    title_en: str,
    example: str,
    printed: bool = False,
    needs_previous: bool = False,
    needs_parts: bool = False,
    needs_batch: bool = False,
    replace: bool = False,
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule; its docstring is the description.

    >>> from govdisclosure.checker import Severity, rule
    >>> @rule("X-ORGAN", family="custom", severity=Severity.INFO, title_zh="机关名称",
    ...       title_en="Organ name", example="organ", replace=True)
    ... def organ_named(ctx):
    ...     '''The organ's name ends in 局, 委, 办 or 政府.'''
    >>> unregister_rule("X-ORGAN").title_en
    'Organ name'
    """

    def register(check: Check) -> Check:
        register_rule(
            Rule(
                id,
                family,
                severity,
                title_zh,
                title_en,
                (check.__doc__ or "").strip(),
                example,
                check,
                printed,
                needs_previous,
                needs_parts,
                needs_batch,
            ),
            replace=replace,
        )
        return check

    return register


def rules() -> tuple[Rule, ...]:
    """Every registered rule, family by family (in the order of :data:`FAMILIES`), and in
    order of registration within a family."""
    _load_builtin()
    return tuple(sorted(_REGISTRY.values(), key=lambda r: FAMILIES.index(r.family)))


def selected_rules(select: Iterable[str] | None, ignore: Iterable[str] | None) -> tuple[Rule, ...]:
    """The rules named by ``select`` (ids or families; all when ``None``) minus those named
    by ``ignore``. An unknown name is an error, so a typo does not silently check nothing."""
    chosen, dropped = _names(select, "select"), _names(ignore, "ignore")
    key = (chosen, dropped)
    found = _SELECTIONS.get(key)
    if found is None:
        found = _SELECTIONS[key] = _select(chosen, dropped)
    return found


def _names(value: object, what: str) -> frozenset[str] | None:
    """Rule ids or families as given (None, a str, or an iterable of str), read once."""
    if value is None:
        return None
    items: Any = (value,) if isinstance(value, str) else value
    try:
        names: frozenset[str] = frozenset(items)
    except TypeError:
        raise ReportValueError(
            f"{what} takes a rule id or family, or a list of them, got {value!r}"
        ) from None
    if not all(isinstance(name, str) for name in names):
        raise ReportValueError(f"{what} takes rule ids or families (str), got {value!r}")
    return names


def _select(chosen: frozenset[str] | None, dropped: frozenset[str] | None) -> tuple[Rule, ...]:
    everything = rules()
    known = {r.id for r in everything} | {r.family for r in everything} | set(FAMILIES)
    for names, what in ((chosen, "select"), (dropped, "ignore")):
        unknown = sorted((names or frozenset()) - known)
        if unknown:
            raise ReportValueError(f"{what}: no rule or family named {', '.join(unknown)}")
    dropped = dropped or frozenset()
    return tuple(
        r
        for r in everything
        if (chosen is None or r.id in chosen or r.family in chosen)
        and r.id not in dropped
        and r.family not in dropped
    )


def _load_builtin() -> None:
    # Importing the rule modules registers them; done on first use so that importing
    # the checker stays cheap and the registry has a fixed order.
    from govdisclosure.checker.builtin import load

    load()
