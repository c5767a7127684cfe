"""``export``: the reports' tables as data — one row per cell, or one row per report
(``--wide``) — as CSV, JSON Lines or an Excel workbook (see :mod:`govdisclosure.export`)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import IO

from govdisclosure.batch import BatchItem
from govdisclosure.cli.batching import read_items
from govdisclosure.cli.commands import inputs
from govdisclosure.cli.progress import progress
from govdisclosure.cli.status import Console
from govdisclosure.cli.writing import Writer
from govdisclosure.errors import GovDisclosureError
from govdisclosure.export import write_records, write_wide
from govdisclosure.files import write_atomic_with
from govdisclosure.readers import ReadResult

__all__ = ["run_export"]


def run_export(args: argparse.Namespace, console: Console) -> None:
    """``export``: every report read, its tables written as rows."""
    sources = inputs(args.files, console)
    if not sources:
        return
    writer = Writer(console, [s.name for s in sources], force=args.force)
    if args.out is None and args.to == "xlsx" and console.out.isatty():
        console.fail("an Excel workbook is written to a file: give -o FILE.xlsx")
        return

    def documents() -> Iterator[BatchItem[ReadResult]]:
        # Items, not reports: the rows name the file each came from.
        read = read_items([s.name for s in sources], jobs=args.jobs, timeout=args.timeout)
        for item in progress(read, total=len(sources), what="export"):
            if item.error is not None:
                console.fail_source(item.error)
            else:
                yield item

    headers = None if args.to == "jsonl" else "zh" if args.lang == "zh_CN" else "en"

    def produce(out: IO[bytes]) -> None:
        if args.wide:
            write_wide(
                documents(),
                out,
                fmt=args.to,
                headers=headers,
                union=args.union,
                indicators=args.indicators,
            )
        else:
            write_records(documents(), out, fmt=args.to, headers=headers)

    try:
        if args.out is not None:
            writer.write(Path(args.out), partial(write_atomic_with, produce=produce))
        else:
            console.pipe(produce)
    except GovDisclosureError as err:  # e.g. reports of two editions in one wide table
        console.fail(str(err))
