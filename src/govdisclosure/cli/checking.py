"""``check``: reports checked in a batch, findings written for people (text) or as data
(JSON, JSON Lines, CSV, Excel), and a summary of the batch on standard error."""

from __future__ import annotations

import argparse
from collections import Counter
from functools import partial
from pathlib import Path

from govdisclosure.batch import BatchItem, Checked
from govdisclosure.checker.findings import Finding, Severity
from govdisclosure.checker.listing import describe
from govdisclosure.checker.registry import selected_rules
from govdisclosure.cli.batching import check_items
from govdisclosure.cli.commands import inputs
from govdisclosure.cli.progress import progress
from govdisclosure.cli.status import FINDINGS, Console
from govdisclosure.errors import GovDisclosureError
from govdisclosure.readers import ReadResult, read

__all__ = ["Tally", "run_check"]


def _where(document: ReadResult, locale: str, finding: Finding) -> str:
    """Where ``finding``'s cells were printed in ``document`` (the first three)."""
    places = document.locate(finding)
    shown = "、".join(ref.describe(locale) for ref in places[:3])
    return shown + ("…" if len(places) > 3 else "")


class Tally:
    """What a batch found, for its closing summary and its exit status."""

    def __init__(self, fail_on: str) -> None:
        self.fail_on = fail_on
        self.reports = self.unreadable = self.with_errors = self.with_warnings = 0
        self.rules: Counter[str] = Counter()

    def count(self, item: BatchItem[Checked]) -> None:
        self.reports += 1
        if item.value is None:
            self.unreadable += 1
            return
        result = item.value.result
        self.with_errors += bool(result.errors)
        self.with_warnings += bool(result.warnings) and not result.errors
        self.rules.update(f.rule for f in result.findings if f.severity is not Severity.INFO)

    @property
    def failed(self) -> bool:
        """Whether a finding reached ``--fail-on``."""
        if self.fail_on == "never":
            return False
        return self.with_errors > 0 or (self.fail_on == "warning" and self.with_warnings > 0)

    def summary(self) -> str:
        checked = self.reports - self.unreadable
        text = (
            f"{self.reports} report{'s' * (self.reports != 1)}: {checked} checked, "
            f"{self.with_errors} with errors, {self.with_warnings} with warnings only, "
            f"{self.unreadable} could not be read"
        )
        if self.rules:
            common = ", ".join(f"{rule} ×{n}" for rule, n in self.rules.most_common(5))
            text += f"; most frequent rules: {common}"
        return text


def _text(item: BatchItem[Checked], locale: str) -> str:
    checked = item.unwrap()
    document = checked.document
    where = None
    if document is not None and document.format != "json":
        where = partial(_where, document, locale)
    listing = describe(checked.result, locale=locale, where=where)
    return f"== {item.source}\n{checked.report.title}\n{listing}"


def run_check(args: argparse.Namespace, console: Console) -> None:
    """``check``: every report checked, its findings written, the batch summed up."""
    try:
        selected_rules(args.select, args.ignore)  # a name that is no rule: before any work
    except GovDisclosureError as err:
        console.fail(str(err))
        return
    sources = inputs(args.files, console)
    previous = []
    for path in args.previous or []:
        try:
            previous.append((path, read(Path(path)).report))
        except GovDisclosureError as err:
            console.fail(f"{err} (--previous)")
    for folder in args.previous_dir or []:
        if not Path(folder).is_dir():
            console.fail(f"{folder}: no such folder (--previous-dir)")
    tally = Tally(args.fail_on)
    items = check_items(
        [s.path for s in sources],
        jobs=args.jobs,
        previous=previous,
        select=args.select,
        ignore=args.ignore,
    )
    first = True
    for item in progress(items, total=len(sources), what="check"):
        tally.count(item)
        if item.error is not None:
            console.fail(str(item.error))
            continue
        console.say(("" if first else "\n") + _text(item, args.lang))
        first = False
    if tally.failed:
        console.raise_status(FINDINGS)
    if tally.reports > 1:
        console.warn(tally.summary())
