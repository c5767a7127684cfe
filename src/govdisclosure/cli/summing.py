"""``aggregate``: the summary (汇总) report of many reports, written as one file, with
what the adding up noted (see :mod:`govdisclosure.rollup`)."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from govdisclosure.cli.batching import read_items
from govdisclosure.cli.commands import inputs
from govdisclosure.cli.progress import progress
from govdisclosure.cli.status import FINDINGS, Console
from govdisclosure.cli.writing import Writer
from govdisclosure.errors import GovDisclosureError
from govdisclosure.renderers import render_to
from govdisclosure.report import AnnualReport
from govdisclosure.rollup import aggregate

__all__ = ["parts", "run_aggregate"]


def parts(
    arguments: list[str], console: Console, *, jobs: int | None, timeout: float | None = None
) -> list[AnnualReport]:
    """The reports ``arguments`` name (files and folders), each that cannot be read said."""
    sources = inputs(arguments, console)
    read = read_items([s.name for s in sources], jobs=jobs, timeout=timeout)
    reports = []
    for item in progress(read, total=len(sources), what="read"):
        if item.error is not None:
            console.fail_source(item.error)
        else:
            reports.append(item.unwrap().report)
    return reports


def run_aggregate(args: argparse.Namespace, console: Console) -> None:
    """``aggregate``: every report read, added up, the summary written and its notes said;
    status 1 when the parts' own totals do not add up (the summary carries their errors)."""
    target = Path(args.out)
    writer = Writer(console, [Path(f) for f in args.files], force=args.force)
    if not writer.allowed(target):
        return
    reports = parts(args.files, console, jobs=args.jobs, timeout=args.timeout)
    if not reports:
        console.fail("no report to add up")
        return
    try:
        result = aggregate(reports, organ=args.organ, year=args.year, blanks=args.blanks)
    except GovDisclosureError as err:
        console.fail(str(err))
        return
    for note in result.notes:
        console.say(f"[{note.kind.value}] {note.message(args.lang)}")
    if writer.write(target, partial(render_to, result.report, locale=args.lang)):
        console.say(f"{target}  ({len(result.parts)} reports added up, {len(result.notes)} notes)")
    if not result.consistent:
        console.raise_status(FINDINGS)
