"""``compare``: last year's report beside this year's, cell by cell (across editions
through the one mapping), as text, Markdown, HTML or rows of data (see
:mod:`govdisclosure.comparison`); and what the cross-year rules find, copied prose
included."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path
from typing import IO

from govdisclosure.checker import validate
from govdisclosure.cli.status import FINDINGS, Console
from govdisclosure.cli.writing import Writer
from govdisclosure.comparison import Comparison, compare
from govdisclosure.comparison.sheet import write_comparison
from govdisclosure.errors import GovDisclosureError
from govdisclosure.files import write_atomic_with
from govdisclosure.readers import ReadResult, read

__all__ = ["run_compare"]

_TEXTS = ("text", "markdown", "html")


def _table(comparison: Comparison, fmt: str, locale: str, changes_only: bool) -> str:
    show = {"text": comparison.to_text, "markdown": comparison.to_markdown}
    return show.get(fmt, comparison.to_html)(locale, changes_only=changes_only)


def _write(comparison: Comparison, args: argparse.Namespace, out: IO[bytes]) -> None:
    if args.out_format in _TEXTS:
        text = _table(comparison, args.out_format, args.lang, args.changes_only)
        out.write(text.encode("utf-8") + (b"" if text.endswith("\n") else b"\n"))
    else:
        headers = None if args.out_format == "jsonl" else ("en" if args.lang == "en" else "zh")
        write_comparison(comparison, out, fmt=args.out_format, headers=headers)


def _read(path: str, console: Console) -> ReadResult | None:
    try:
        return read(Path(path))
    except GovDisclosureError as err:
        console.fail(str(err))
        return None


def run_compare(args: argparse.Namespace, console: Console) -> None:
    """``compare``: the two reports read, compared, the table written; the cross-year
    rules' findings said on standard error (status 1 when one is an error)."""
    last, this = _read(args.last, console), _read(args.this, console)
    if last is None or this is None:
        return
    writer = Writer(console, [Path(args.last), Path(args.this)], force=args.force)
    if args.out is None and args.out_format == "xlsx" and console.out.isatty():
        console.fail("an Excel workbook is written to a file: give -o FILE.xlsx")
        return
    comparison = compare(last.report, this.report)
    produce = partial(_write, comparison, args)
    if args.out is not None:
        writer.write(Path(args.out), partial(write_atomic_with, produce=produce))
    else:
        console.pipe(produce)
    result = validate(this, previous=last.report, select="cross-year")
    for finding in result.findings:
        console.warn(f"{finding.rule} {finding.severity.value}: {finding.message(args.lang)}")
    if not result.is_valid:
        console.raise_status(FINDINGS)
