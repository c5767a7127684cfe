"""The command line's arguments: a sub-command each for read, summary, check, render and
export, and what ``--help`` says of formats, rules, defaults and exit statuses."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable

from govdisclosure.errors import GovDisclosureError
from govdisclosure.formats import available_formats, get_format
from govdisclosure.i18n import LOCALES, normalize_locale

__all__ = ["FINDINGS_FORMATS", "TABLE_FORMATS", "parser"]

#: What ``check --format`` writes findings as.
FINDINGS_FORMATS = ("text", "json", "jsonl", "csv", "xlsx")
#: What ``export --to`` writes the tables as.
TABLE_FORMATS = ("csv", "xlsx", "jsonl")

_STATUSES = """\
exit status: 0 all read, written and checked (no finding at or above --fail-on);
1 findings at or above --fail-on; 2 usage, an input not read or an output not written
(the others are done all the same); 130 interrupted."""


def _locale(value: str) -> list[str]:
    """One locale or several, comma-separated (``zh_CN,en``), each checked."""
    try:
        return [normalize_locale(part.strip()) for part in value.split(",") if part.strip()]
    except GovDisclosureError:
        raise argparse.ArgumentTypeError(
            f"unsupported language {value!r}; choose from {', '.join(LOCALES)}"
        ) from None


def _one_locale(value: str) -> str:
    locales = _locale(value)
    if len(locales) != 1:
        raise argparse.ArgumentTypeError(f"one language, {' or '.join(LOCALES)}; got {value!r}")
    return locales[0]


def _format(capability: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            name = get_format(value).name
        except GovDisclosureError:
            name = ""
        if name not in available_formats(capability):
            able = ", ".join(available_formats(capability))
            raise argparse.ArgumentTypeError(
                f"no format {value!r} to {capability}; choose from {able}"
            )
        return name

    check.__name__ = "format"  # what argparse calls the type in its messages
    return check


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"a number of processes, 1 or more; got {value!r}")
    return jobs


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"a number of seconds above 0; got {value!r}")
    return seconds


def _rules_listing() -> str:
    from govdisclosure.checker.registry import rules

    families: dict[str, list[str]] = {}
    for rule in rules():
        families.setdefault(rule.family, []).append(rule.id)
    lines = [f"  {family}: {' '.join(ids)}" for family, ids in families.items()]
    return "rules (ids or families for --select and --ignore):\n" + "\n".join(lines)


def _formats_listing() -> str:
    read = ", ".join(available_formats("read"))
    render = ", ".join(available_formats("render"))
    return textwrap.fill(
        f"formats read: {read}; rendered: {render} (extensions name them too: md, txt)", 88
    )


def _common(command: argparse.ArgumentParser, *, files: str) -> None:
    command.add_argument("files", nargs="+", metavar="FILE_OR_DIR", help=files)
    command.add_argument(
        "-j", "--jobs", type=_jobs, help="processes to use (default: one per CPU for large batches)"
    )
    command.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="stop the work on a file that takes longer, say so, and go on "
        "(the files are then read by worker processes; default: no limit)",
    )


def _add(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    epilog: str,
) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"{epilog}\n\n{_STATUSES}".strip(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


_DOCUMENTS = "documents (text, Markdown, HTML, DOCX, PDF, JSON…) or folders of them"


def parser(version: str) -> argparse.ArgumentParser:
    """The command line's parser."""
    top = argparse.ArgumentParser(
        prog="govdisclosure",
        description="政府信息公开工作年度报告: read, check, render and export annual reports on "
        "government information disclosure.",
        epilog=f"{_formats_listing()}\n\n{_STATUSES}\n\n"
        "Each command's --help says more: govdisclosure check --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"govdisclosure {version}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    reading = _add(
        commands, "read", "read published reports and write each as JSON", _formats_listing()
    )
    _common(reading, files=_DOCUMENTS)
    reading.add_argument(
        "-f",
        "--format",
        dest="fmt",
        type=_format("read"),
        help="the documents' format (default: told by each file)",
    )
    reading.add_argument(
        "-o", "--out", default=".", help="the folder to write the JSON to (default: %(default)s)"
    )
    reading.add_argument("--notes", action="store_true", help="print every note the reader made")
    reading.add_argument("--partial", action="store_true", help="read tables that lack rows")
    reading.add_argument("--force", action="store_true", help="replace output files that exist")

    summary = _add(
        commands,
        "summary",
        "print a short summary of each report: who, which year and form, the customary "
        "sentences on its tables, its indicators",
        "",
    )
    _common(summary, files=_DOCUMENTS)
    summary.add_argument(
        "--lang",
        type=_one_locale,
        default="zh_CN",
        help=f"the summary's language: {' or '.join(LOCALES)} (default: %(default)s)",
    )

    check = _add(commands, "check", "check reports and write the findings", _rules_listing())
    _common(check, files=_DOCUMENTS)
    check.add_argument(
        "--previous",
        action="append",
        metavar="FILE",
        help="last year's report(s), paired with this year's by organ (cross-year rules)",
    )
    check.add_argument(
        "--previous-dir",
        action="append",
        metavar="DIR",
        help="a folder of last year's reports, paired by organ and year",
    )
    check.add_argument(
        "--format",
        dest="out_format",
        choices=FINDINGS_FORMATS,
        default="text",
        help="how to write the findings (default: %(default)s)",
    )
    check.add_argument(
        "-o", "--out", help="the file to write the findings to (default: standard output)"
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit with status 1 when a finding is this serious (default: %(default)s)",
    )
    check.add_argument(
        "--select", action="append", metavar="RULE", help="run only these rules or families"
    )
    check.add_argument(
        "--ignore", action="append", metavar="RULE", help="skip these rules or families"
    )
    check.add_argument(
        "--lang",
        type=_one_locale,
        default="zh_CN",
        help=f"the findings' language: {' or '.join(LOCALES)} (default: %(default)s)",
    )
    check.add_argument(
        "--parts",
        action="append",
        metavar="FILE_OR_DIR",
        help="the reports a summary adds up: check it against them (hierarchy rules)",
    )
    check.add_argument(
        "--reuse",
        action="store_true",
        help="also compare the reports' prose with each other: rule B1 finds departments "
        "that copied each other's text (holds the whole batch in memory)",
    )
    check.add_argument("--force", action="store_true", help="replace the output file if it exists")

    render = _add(
        commands,
        "render",
        "write reports as DOCX, HTML, Markdown, text or JSON",
        _formats_listing(),
    )
    _common(render, files=_DOCUMENTS)
    render.add_argument(
        "-f",
        "--format",
        action="append",
        dest="formats",
        type=_format("render"),
        help="a format, repeatable (default: all)",
    )
    render.add_argument(
        "--lang",
        action="append",
        dest="locales",
        type=_locale,
        help=f"{' or '.join(LOCALES)}, or both as zh_CN,en (default: both)",
    )
    render.add_argument(
        "-o", "--out", default=".", help="the folder to write to (default: %(default)s)"
    )
    render.add_argument("--force", action="store_true", help="replace output files that exist")

    _summaries(commands)

    export = _add(
        commands,
        "export",
        "write the reports' tables as data: one row per cell (or per report with --wide)",
        "",
    )
    _common(export, files=_DOCUMENTS)
    export.add_argument(
        "--to", choices=TABLE_FORMATS, default="csv", help="the file format (default: %(default)s)"
    )
    export.add_argument(
        "--wide",
        action="store_true",
        help="one row per report, one column per cell, then the indicators (公开率, 办结率, …)",
    )
    export.add_argument(
        "--no-indicators",
        dest="indicators",
        action="store_false",
        help="with --wide: leave out the indicators' columns",
    )
    export.add_argument(
        "-o", "--out", help="the file to write (default: standard output; required for xlsx)"
    )
    export.add_argument(
        "--union",
        action="store_true",
        help="with --wide: the cells of both editions (default: one edition, the first report's)",
    )
    export.add_argument(
        "--lang",
        type=_one_locale,
        default="zh_CN",
        help=f"the headers' language in CSV and Excel: {' or '.join(LOCALES)} "
        "(default: %(default)s)",
    )
    export.add_argument("--force", action="store_true", help="replace the output file if it exists")
    return top


def _summaries(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The sub-commands over several reports at once: aggregate, compare."""
    summed = _add(
        commands,
        "aggregate",
        "add up reports into a summary (汇总) report and say what the adding up noted",
        "Blank cells never become silent zeros: --blanks skip (default) adds the figures and\n"
        "names the organs that left the cell blank; zero counts blanks as 0; blank leaves the\n"
        "sum blank. Status 1 when the parts' own totals do not add up.",
    )
    _common(summed, files=_DOCUMENTS)
    summed.add_argument(
        "--organ", required=True, help="whom the summary is of, as its title names it (某县)"
    )
    summed.add_argument("--year", type=int, help="the year (default: the reports')")
    summed.add_argument(
        "--blanks",
        choices=("skip", "zero", "blank"),
        default="skip",
        help="what a blank part does to a sum (default: %(default)s)",
    )
    summed.add_argument(
        "-o", "--out", required=True, help="the file to write the summary to (.json, .docx, …)"
    )
    summed.add_argument(
        "--lang",
        type=_one_locale,
        default="zh_CN",
        help=f"the notes' language: {' or '.join(LOCALES)} (default: %(default)s)",
    )
    summed.add_argument("--force", action="store_true", help="replace the output file if it exists")

    comparing = _add(
        commands,
        "compare",
        "set last year's report beside this year's, cell by cell, and run the cross-year rules",
        "Reports of different editions are compared through the one mapping between them;\n"
        "a cell one edition lacks is listed as such. Copied prose (X5) and the other\n"
        "cross-year findings are said on standard error; status 1 when one is an error.",
    )
    comparing.add_argument("last", metavar="LAST", help="last year's report")
    comparing.add_argument("this", metavar="THIS", help="this year's report")
    comparing.add_argument(
        "--format",
        dest="out_format",
        choices=("text", "markdown", "html", "csv", "jsonl", "xlsx"),
        default="text",
        help="how to write the comparison (default: %(default)s)",
    )
    comparing.add_argument(
        "--changes-only", action="store_true", help="leave out the cells that did not change"
    )
    comparing.add_argument("-o", "--out", help="the file to write to (default: standard output)")
    comparing.add_argument(
        "--lang",
        type=_one_locale,
        default="zh_CN",
        help=f"{' or '.join(LOCALES)} (default: %(default)s)",
    )
    comparing.add_argument(
        "--force", action="store_true", help="replace the output file if it exists"
    )
