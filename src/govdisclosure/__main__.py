"""The ``govdisclosure`` command line (``python -m govdisclosure``).

``govdisclosure read FILE... [-f FORMAT] [-o DIR] [--notes] [--partial]`` reads published
reports (text, Markdown, HTML, DOCX, PDF) and writes each as JSON to DIR, saying what the
reader had to decide; ``govdisclosure summary FILE...`` prints a summary of each report;
``govdisclosure check FILE... [--previous FILE] [--select R] [--ignore R] [--lang en]``
checks each and prints the findings (exit status 1 when a report has errors);
``govdisclosure render FILE... [-f FORMAT] [--lang LOCALE] [-o DIR]`` writes each report
in the formats and languages asked for (all of them by default) to DIR. ``summary``,
``check`` and ``render`` take any readable document, not only JSON.

Every file is written whole or not at all (see :mod:`govdisclosure.files`), with the mode
the user's umask gives; an input is never written over, by its own name or another (a
link). A document that cannot be read, or a file that cannot be written, is said on
standard error, and the others are read and written all the same (exit status 1).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from govdisclosure.checker import validate
from govdisclosure.checker.findings import Finding
from govdisclosure.checker.listing import describe
from govdisclosure.errors import GovDisclosureError
from govdisclosure.i18n import LOCALES
from govdisclosure.readers import ReadResult, read
from govdisclosure.renderers import available_formats, get_format, render_to
from govdisclosure.report import AnnualReport
from govdisclosure.summary import summarize


def load(path: str) -> AnnualReport:
    """The report in ``path``: the JSON form, or any document a reader reads."""
    return read(Path(path)).report


def _where(document: ReadResult, locale: str, finding: Finding) -> str:
    """Where ``finding``'s cells were printed in ``document`` (the first three)."""
    places = document.locate(finding)
    shown = "、".join(ref.describe(locale) for ref in places[:3])
    return shown + ("…" if len(places) > 3 else "")


def _an_input(target: Path, files: list[str]) -> bool:
    """Whether ``target`` is one of the input ``files`` (which are never overwritten),
    by name or as the same file by another name (a link); says so when it is."""
    if not any(_same(target, Path(path)) for path in files):
        return False
    sys.stderr.write(
        f"govdisclosure: {target}: not written, it is one of the inputs (choose another --out)\n"
    )
    return True


def _same(target: Path, source: Path) -> bool:
    """Whether writing ``target`` would replace ``source``."""
    try:
        return target.resolve() == source.resolve() or os.path.samefile(target, source)
    except (OSError, RuntimeError):  # one of them does not exist; a loop of links
        return False


def _write(report: AnnualReport, target: Path, files: list[str], **options: str) -> bool:
    """Write ``report`` to ``target`` (never over one of the input ``files``); whether it
    was written, saying why not on standard error."""
    if _an_input(target, files):
        return False
    try:
        render_to(report, target, **options)
    except OSError as err:  # what was at the target is left as it was
        sys.stderr.write(f"govdisclosure: {target}: not written: {err.strerror or err}\n")
        return False
    except GovDisclosureError as err:
        sys.stderr.write(f"govdisclosure: {target}: not written: {err}\n")
        return False
    return True


def _folder(out: Path) -> bool:
    """Make the output folder; whether there is one, saying why not."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        sys.stderr.write(f"govdisclosure: {out}: cannot make the folder: {err.strerror or err}\n")
        return False
    return True


def _read(files: list[str], fmt: str | None, out: Path, notes: bool, partial: bool) -> int:
    if not _folder(out):
        return 1
    status = 0
    for path in files:
        try:
            result = read(Path(path), fmt, **({"partial": True} if partial else {}))
        except GovDisclosureError as err:
            sys.stderr.write(f"govdisclosure: {err}\n")
            status = 1
            continue
        target = out / f"{Path(path).stem}.json"
        if not _write(result.report, target, files, fmt="json"):
            status = 1
            continue
        counts = Counter(note.kind for note in result.notes)
        said = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
        sys.stdout.write(f"{target}  ({result.format}; notes: {said or 'none'})\n")
        if notes:
            sys.stdout.writelines(f"  {note}\n" for note in result.notes)
    return status


def _render(
    files: list[str], formats: list[str] | None, locales: list[str] | None, out: Path
) -> int:
    if not _folder(out):
        return 1
    status = 0
    for path in files:
        try:
            report = load(path)
            for name in formats or available_formats("render"):
                fmt = get_format(name)
                for locale in ("zh_CN",) if name == "json" else (locales or list(LOCALES)):
                    tag = "" if name == "json" else f".{locale}"
                    target = out / f"{Path(path).stem}{tag}{fmt.extensions[0]}"
                    if not _write(report, target, files, fmt=name, locale=locale):
                        status = 1
                        continue
                    sys.stdout.write(f"{target}\n")
        except GovDisclosureError as err:
            sys.stderr.write(f"govdisclosure: {err}\n")
            status = 1
    return status


def _parser() -> argparse.ArgumentParser:
    """The command line's arguments: a sub-command each for read, summary, check, render."""
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="政府信息公开工作年度报告: annual reports on information disclosure.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    reading = commands.add_parser("read", help="read published reports and write them as JSON")
    reading.add_argument("files", nargs="+", help="documents: text, Markdown, HTML, DOCX, PDF")
    reading.add_argument("-f", "--format", dest="fmt", help="the documents' format (sniffed)")
    reading.add_argument("-o", "--out", default=".", help="the folder to write the JSON to")
    reading.add_argument("--notes", action="store_true", help="print every note of the reader")
    reading.add_argument("--partial", action="store_true", help="read tables that lack rows")
    summary = commands.add_parser("summary", help="print a summary of reports")
    check = commands.add_parser("check", help="check reports and print the findings")
    check.add_argument("--previous", help="last year's report of the same organ (cross-year rules)")
    check.add_argument("--select", action="append", help="run only these rules or families")
    check.add_argument("--ignore", action="append", help="skip these rules or families")
    check.add_argument("--lang", default="zh_CN", help="zh_CN (default) or en")
    render = commands.add_parser("render", help="write reports as DOCX, HTML, Markdown…")
    render.add_argument(
        "-f", "--format", action="append", dest="formats", help="a format (default: all)"
    )
    render.add_argument(
        "--lang", action="append", dest="locales", help="zh_CN or en (default: both)"
    )
    render.add_argument("-o", "--out", default=".", help="the folder to write to")
    for command in (summary, check, render):
        command.add_argument("files", nargs="+", help="reports: JSON or any readable document")
    return parser


def _summarize_or_check(args: argparse.Namespace) -> int:
    """Print each report's summary, or (``check``) its findings; the exit status."""
    previous = None
    if args.command == "check" and args.previous:
        try:
            previous = load(args.previous)
        except GovDisclosureError as err:
            sys.stderr.write(f"govdisclosure: {err}\n")
            return 2
    status = 0
    for number, path in enumerate(args.files):
        try:
            document = read(Path(path))
            report = document.report
            if args.command == "summary":
                text = summarize(report)
            else:
                # The document's result: findings name the cells it placed by a guess.
                result = validate(
                    document, previous=previous, select=args.select, ignore=args.ignore
                )
                where = None if document.format == "json" else partial(_where, document, args.lang)
                text = f"{report.title}\n{describe(result, locale=args.lang, where=where)}"
                if not result.is_valid:
                    status = 1
        except GovDisclosureError as err:
            sys.stderr.write(f"govdisclosure: {err}\n")
            status = 1
            continue
        if number:
            sys.stdout.write("\n")
        sys.stdout.write(f"== {path}\n{text}\n")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 a report could not be read
    or has errors, 2 usage)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "read":
            return _read(args.files, args.fmt, Path(args.out), args.notes, args.partial)
        if args.command == "render":
            return _render(args.files, args.formats, args.locales, Path(args.out))
        return _summarize_or_check(args)
    except KeyboardInterrupt:
        # Ctrl-C: what was written is whole (every write is), what was being written is
        # not there at all.
        sys.stderr.write("govdisclosure: interrupted\n")
        return 128 + 2
    except BrokenPipeError:
        # Whoever read the output stopped (``| head``): stop quietly, as cat does, with
        # the status of a process ended by SIGPIPE. What is left unflushed goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13


if __name__ == "__main__":
    sys.exit(main())
