"""The ``govdisclosure`` command line (``python -m govdisclosure``).

``govdisclosure summary FILE...`` prints a summary of each JSON report.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from govdisclosure.errors import GovDisclosureError
from govdisclosure.jsonio import load
from govdisclosure.summary import summarize


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 a report failed, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="govdisclosure",
        description="政府信息公开工作年度报告: annual reports on information disclosure.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="print a summary of JSON reports")
    summary.add_argument("files", nargs="+", help="report files in the govdisclosure JSON form")
    args = parser.parse_args(argv)

    status = 0
    for number, path in enumerate(args.files):
        try:
            report = load(path)
        except GovDisclosureError as err:
            sys.stderr.write(f"govdisclosure: {err}\n")
            status = 1
            continue
        if number:
            sys.stdout.write("\n")
        sys.stdout.write(f"== {path}\n{summarize(report)}\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
