"""``check``: reports checked in a batch, findings written for people (text) or as data
(JSON, JSON Lines, CSV, Excel), and a summary of the batch on standard error."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from govdisclosure.batch import BatchItem, PreviousReports, with_reuse
from govdisclosure.checker.registry import selected_rules
from govdisclosure.cli.batching import check_items, here
from govdisclosure.cli.commands import inputs
from govdisclosure.cli.findings import Digest, Digester, text_chunks, write
from govdisclosure.cli.paths import expand
from govdisclosure.cli.progress import progress
from govdisclosure.cli.status import FINDINGS, Console
from govdisclosure.cli.summing import parts
from govdisclosure.cli.writing import Writer
from govdisclosure.errors import GovDisclosureError
from govdisclosure.files import write_atomic_with

__all__ = ["Tally", "run_check"]


class Tally:
    """What a batch found, for its closing summary and its exit status."""

    def __init__(self, fail_on: str) -> None:
        self.fail_on = fail_on
        self.reports = self.unreadable = self.with_errors = self.with_warnings = 0
        self.rules: Counter[str] = Counter()

    def count(self, item: BatchItem[Digest]) -> None:
        self.reports += 1
        if item.value is None:
            self.unreadable += 1
            return
        digest = item.value
        self.with_errors += bool(digest.errors)
        self.with_warnings += bool(digest.warnings) and not digest.errors
        self.rules.update(digest.rules)

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


def _previous(args: argparse.Namespace, console: Console) -> PreviousReports | None:
    """An index of last year's reports the command line names (files, and the documents of
    folders), each read once to learn its organ and year; what cannot be read, or two
    reports of one organ and year, said."""
    arguments = [*(args.previous or []), *(args.previous_dir or [])]
    if not arguments:
        return None
    found, missing = expand(arguments)
    for argument in missing:
        console.fail(f"{argument}: no such file or folder (--previous)")
    index = PreviousReports.from_paths([p.name for p in found], jobs=args.jobs)
    for problem in index.problems:
        console.fail(f"{problem.error} (--previous)")
    for (organ, year), names in index.conflicts.items():
        console.warn(
            f"{organ} {year}: several reports of last year ({', '.join(names)}); none used"
        )
    return index


def _nowhere(args: argparse.Namespace, console: Console, writer: Writer) -> bool:
    """Whether the findings have nowhere to go (said): a file that may not be written, or
    a workbook for a terminal."""
    if args.out is not None:
        return not writer.allowed(Path(args.out))
    if args.out_format == "xlsx" and console.out.isatty():
        console.fail("an Excel workbook is written to a file: give -o FILE.xlsx")
        return True
    return False


def _digests(
    args: argparse.Namespace,
    console: Console,
    paths: list[str],
    previous: PreviousReports | None,
) -> tuple[Iterator[BatchItem[Digest]], Iterator[BatchItem[Digest]]]:
    """Each report's :class:`Digest`, made where it is checked (only that comes back
    from a worker): as shown, with a progress bar, and the batch under it (from which
    what the output's reader left is counted)."""
    digester = Digester(args.out_format, args.lang)
    check = partial(
        check_items,
        paths,
        jobs=args.jobs,
        timeout=args.timeout,
        previous=previous,
        parts=parts(args.parts, console, jobs=args.jobs, timeout=args.timeout)
        if args.parts
        else None,
        select=args.select,
        ignore=args.ignore,
    )
    if not args.reuse:
        checked = check(then=digester)
        return progress(checked, total=len(paths), what="check"), checked
    # B1 compares every report with the others: the whole batch first, then its output.
    whole = progress(check(), total=len(paths), what="check")
    digests = here(with_reuse(whole, select=args.select, ignore=args.ignore), digester)
    return digests, digests


def run_check(args: argparse.Namespace, console: Console) -> None:
    """``check``: every report checked, its findings written, the batch summed up."""
    try:
        selected_rules(args.select, args.ignore)  # a name that is no rule: before any work
    except GovDisclosureError as err:
        console.fail(str(err))
        return
    sources = inputs(args.files, console)
    previous = _previous(args, console)
    sources_of = [s.name for s in sources]
    writer = Writer(console, sources_of, force=args.force)
    if _nowhere(args, console, writer):
        return
    tally = Tally(args.fail_on)
    shown, checked = _digests(args, console, sources_of, previous)

    def counted() -> Iterator[BatchItem[Digest]]:
        for item in shown:
            tally.count(item)
            if item.error is not None:
                console.fail_source(item.error)
            yield item

    produce = partial(write, args.out_format, counted(), locale=args.lang)
    if args.out is not None:
        writer.write(Path(args.out), partial(write_atomic_with, produce=produce))
    elif args.out_format == "text":
        for chunk in text_chunks(counted()):
            console.say(chunk.rstrip("\n"))
    else:
        console.pipe(produce)
    for item in checked:  # what is left when the output's reader went away: for the status
        tally.count(item)
    if tally.failed:
        console.raise_status(FINDINGS)
    if tally.reports > 1:
        console.warn(tally.summary())
