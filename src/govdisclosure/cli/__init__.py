"""The ``govdisclosure`` command line (``python -m govdisclosure``).

``govdisclosure read FILE_OR_DIR…`` reads published reports (text, Markdown, HTML, DOCX,
PDF) and writes each as JSON, saying what the reader had to decide;
``govdisclosure summary …`` prints a summary of each report; ``govdisclosure check …``
checks each (with last year's reports, paired by organ, for the cross-year rules) and
writes the findings as text or as data (JSON, JSON Lines, CSV, Excel) with a summary of
the batch; ``govdisclosure render …`` writes each report in the formats and languages
asked for; ``govdisclosure export …`` writes the reports' tables as data. Every
sub-command takes documents and folders of them, and ``--jobs``.

Every file is written whole or not at all (see :mod:`govdisclosure.files`), with the mode
the user's umask gives; an input is never written over (by its own name or another: a
link), an existing file only with ``--force``, and two inputs never write the same file.
A document that cannot be read, or a file that cannot be written, is said on standard
error, and the others are read and written all the same. The exit statuses are the same
for every sub-command (see :mod:`govdisclosure.cli.status`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from govdisclosure.cli.status import INTERRUPTED, Console

__all__ = ["main"]


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    """Run the command line; returns the exit status (see :mod:`govdisclosure.cli.status`)."""
    from govdisclosure import __version__
    from govdisclosure.cli.checking import run_check
    from govdisclosure.cli.commands import run_read, run_render, run_summary
    from govdisclosure.cli.comparing import run_compare
    from govdisclosure.cli.exporting import run_export
    from govdisclosure.cli.parser import parser
    from govdisclosure.cli.summing import run_aggregate

    args = parser(__version__).parse_args(argv)
    console = console or Console()
    commands = {
        "read": run_read,
        "render": run_render,
        "summary": run_summary,
        "check": run_check,
        "export": run_export,
        "aggregate": run_aggregate,
        "compare": run_compare,
    }
    try:
        commands[args.command](args, console)
    except BrokenPipeError:  # standard error gone too: nothing left to say anything on
        return console.status
    except Exception as err:  # a bug: said on one line, never a traceback (see below)
        if os.environ.get("GOVDISCLOSURE_DEBUG"):
            raise
        console.fail(
            f"internal error: {type(err).__name__}: {err} (please report it; "
            "GOVDISCLOSURE_DEBUG=1 shows where it happened)"
        )
        return console.status
    except KeyboardInterrupt:
        # Ctrl-C: what was written is whole (every write is), what was being written is
        # not there at all.
        console.warn("interrupted")
        return INTERRUPTED
    return console.status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
