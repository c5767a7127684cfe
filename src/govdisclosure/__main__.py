"""The ``govdisclosure`` command line (``python -m govdisclosure``).

``govdisclosure summary FILE...`` prints a summary of each JSON report;
``govdisclosure check FILE... [--previous FILE] [--select R] [--ignore R] [--lang en]``
checks each and prints the findings (exit status 1 when a report has errors).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from govdisclosure.checker import validate
from govdisclosure.checker.listing import describe
from govdisclosure.errors import GovDisclosureError
from govdisclosure.jsonio import load
from govdisclosure.summary import summarize


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 a report could not be read
    or has errors, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="政府信息公开工作年度报告: annual reports on information disclosure.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="print a summary of JSON reports")
    summary.add_argument("files", nargs="+", help="report files in the govdisclosure JSON form")
    check = commands.add_parser("check", help="check JSON reports and print the findings")
    check.add_argument("files", nargs="+", help="report files in the govdisclosure JSON form")
    check.add_argument("--previous", help="last year's report of the same organ (cross-year rules)")
    check.add_argument("--select", action="append", help="run only these rules or families")
    check.add_argument("--ignore", action="append", help="skip these rules or families")
    check.add_argument("--lang", default="zh_CN", help="zh_CN (default) or en")
    args = parser.parse_args(argv)

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
            report = load(path)
            if args.command == "summary":
                text = summarize(report)
            else:
                result = validate(report, previous=previous, select=args.select, ignore=args.ignore)
                text = f"{report.title}\n{describe(result, locale=args.lang)}"
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


if __name__ == "__main__":
    sys.exit(main())
