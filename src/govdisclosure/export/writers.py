"""The writers: findings, tidy records and the wide form, as CSV, JSON Lines or an Excel
workbook, to a path or a binary stream.

Every writer takes its rows as they come and writes each before it takes the next: a
batch of twenty thousand reports is never held in memory (an Excel sheet waits in a
temporary file until the workbook is put together). A path is written atomically
(:func:`govdisclosure.files.write_atomic_with`): the file appears whole, or — when a
report fails halfway — what was there stays as it was. A stream is written as it is
given, and left open. The same input writes the same bytes every time, in every format.

The format is the path's suffix (``.csv``, ``.jsonl``, ``.xlsx``) unless ``fmt`` says
it (it must, for a stream). CSV and JSON Lines name their columns by key; an Excel
workbook by their Chinese names (``headers="zh"``), or ``"en"`` or ``"keys"``.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePath
from typing import IO, Any, Final, cast

from govdisclosure.editions import Edition
from govdisclosure.errors import OptionError
from govdisclosure.export.columns import Column, check_headers
from govdisclosure.export.csvio import spelling, write_csv
from govdisclosure.export.findings import FINDING_COLUMNS, SUMMARY_COLUMNS, item_rows
from govdisclosure.export.jsonl import write_jsonl
from govdisclosure.export.records import RECORD_COLUMNS, record_rows
from govdisclosure.export.sources import checked_items, reports_of
from govdisclosure.export.wide import wide_rows
from govdisclosure.export.xlsxio import Workbook
from govdisclosure.files import write_atomic_with

__all__ = [
    "FORMATS",
    "write_findings",
    "write_item_rows",
    "write_records",
    "write_table",
    "write_wide",
]

#: The formats the writers write, by the suffix of their files.
FORMATS: Final = {"csv": ".csv", "jsonl": ".jsonl", "xlsx": ".xlsx"}
#: The names of the sheets, by the language of the headers.
_SHEETS: Final = {
    "zh": {
        "summary": "汇总",
        "findings": "检查结果",
        "records": "单元格",
        "wide": "报告",
        "comparison": "比较",
    },
    "en": {
        "summary": "summary",
        "findings": "findings",
        "records": "cells",
        "wide": "reports",
        "comparison": "comparison",
    },
}

#: Where a writer writes: a path, or a binary stream (a file opened "wb", io.BytesIO,
#: sys.stdout.buffer, a socket's file, …).
Target = str | os.PathLike[str] | IO[bytes] | io.RawIOBase | io.BufferedIOBase


def _format(target: Target, fmt: str | None) -> str:
    if fmt is None:
        if not isinstance(target, (str, os.PathLike)):
            raise OptionError(f"a stream has no suffix: give fmt, one of {', '.join(FORMATS)}")
        suffix = PurePath(target).suffix.lower()
        found = [name for name, known in FORMATS.items() if known == suffix]
        if not found:
            raise OptionError(
                f"cannot tell the format of {os.fspath(target)!r} from its suffix: name it "
                f"{' or '.join(FORMATS.values())}, or give fmt"
            )
        fmt = found[0]
    if fmt not in FORMATS:
        raise OptionError(f"fmt must be one of {', '.join(FORMATS)}, got {fmt!r}")
    return fmt


def _headers(fmt: str, headers: str | None) -> str:
    if headers is None:
        return "zh" if fmt == "xlsx" else "keys"
    check_headers(headers)
    if fmt == "jsonl" and headers != "keys":
        raise OptionError("JSON Lines are keyed by the columns' keys: give no headers")
    return headers


def _deliver(target: Target, write: Callable[[IO[bytes]], int]) -> int:
    """Write to ``target`` (a path, atomically, or a binary stream); the rows written."""
    if isinstance(target, (str, os.PathLike)):
        written = [0]

        def produce(out: IO[bytes]) -> None:
            written[0] = write(out)

        write_atomic_with(target, produce)
        return written[0]
    if not callable(getattr(target, "write", None)) or isinstance(target, (bytes, bytearray)):
        raise OptionError(f"expected a path or a binary stream, got {type(target).__name__}")
    return write(cast(IO[bytes], target))


def write_table(
    target: Target,
    *,
    fmt: str | None,
    headers: str | None,
    sheet: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Write one table of rows in the format asked for (the sheet named by its key in
    ``_SHEETS``), as every writer here does; the number of rows written."""
    fmt = _format(target, fmt)
    headers = _headers(fmt, headers)
    if fmt == "csv":
        return _deliver(target, lambda out: write_csv(out, columns, rows, headers))
    if fmt == "jsonl":
        return _deliver(target, lambda out: write_jsonl(out, columns, rows))

    def write(out: IO[bytes]) -> int:
        with Workbook() as book:
            page = book.sheet(_sheet_name(headers, sheet), columns, headers)
            count = 0
            for row in rows:
                page.append(row)
                count += 1
            book.save(out)
        return count

    return _deliver(target, write)


def _sheet_name(headers: str, sheet: str) -> str:
    return _SHEETS["zh" if headers == "zh" else "en"][sheet]


def write_findings(
    items: Any,
    target: Target,
    *,
    fmt: str | None = None,
    headers: str | None = None,
    unchecked: bool = True,
) -> int:
    """Write the findings of ``items`` (as :func:`~govdisclosure.export.finding_rows`
    takes them) to ``target``; the number of finding rows written.

    CSV and JSON Lines hold the finding rows (:data:`~govdisclosure.export.FINDING_COLUMNS`);
    an Excel workbook holds a summary sheet, one row per item
    (:data:`~govdisclosure.export.SUMMARY_COLUMNS`), then the findings sheet."""
    rows = (item_rows(item, unchecked=unchecked) for item in checked_items(items))
    return write_item_rows(rows, target, fmt=fmt, headers=headers)


def write_item_rows(
    rows: Iterable[tuple[tuple[Any, ...], Sequence[tuple[Any, ...]]]],
    target: Target,
    *,
    fmt: str | None = None,
    headers: str | None = None,
) -> int:
    """:func:`write_findings` of rows already made: for each item, its summary row and
    its finding rows (:func:`~govdisclosure.export.findings.item_rows`), wherever they
    were made (the command line has its workers make them); the finding rows written."""
    fmt = _format(target, fmt)
    headers = _headers(fmt, headers)
    if fmt != "xlsx":
        findings = (row for _, item in rows for row in item)
        return write_table(
            target,
            fmt=fmt,
            headers=headers,
            sheet="findings",
            columns=FINDING_COLUMNS,
            rows=findings,
        )

    def write(out: IO[bytes]) -> int:
        with Workbook() as book:
            summary = book.sheet(_sheet_name(headers, "summary"), SUMMARY_COLUMNS, headers)
            findings = book.sheet(_sheet_name(headers, "findings"), FINDING_COLUMNS, headers)
            count = 0
            for head, item in rows:
                summary.append(head)
                for row in item:
                    findings.append(row)
                count += len(item)
            book.save(out)
        return count

    return _deliver(target, write)


def write_records(
    reports: Any, target: Target, *, fmt: str | None = None, headers: str | None = None
) -> int:
    """Write the tidy records of ``reports`` (see :func:`~govdisclosure.export.to_records`;
    any number of them, taken one at a time) to ``target``; the number of records."""
    fmt = _format(target, fmt)
    if fmt == "csv":  # the rows spelled for CSV as they are made: once per report
        headers = _headers(fmt, headers)
        spelled = (
            row
            for source, report in reports_of(reports)
            for row in record_rows(report, source, **spelling())
        )
        return _deliver(
            target, lambda out: write_csv(out, RECORD_COLUMNS, spelled, headers, spelled=True)
        )
    rows = (row for source, report in reports_of(reports) for row in record_rows(report, source))
    return write_table(
        target, fmt=fmt, headers=headers, sheet="records", columns=RECORD_COLUMNS, rows=rows
    )


def write_wide(
    reports: Any,
    target: Target,
    *,
    fmt: str | None = None,
    headers: str | None = None,
    edition: Edition | str | None = None,
    union: bool = False,
    states: bool = True,
    indicators: bool = True,
) -> int:
    """Write the wide form of ``reports`` (see :func:`~govdisclosure.export.to_wide`,
    which takes ``edition``, ``union``, ``states`` and ``indicators``) to ``target``; the
    number of reports."""
    columns, rows = wide_rows(
        reports, edition=edition, union=union, states=states, indicators=indicators
    )
    return write_table(target, fmt=fmt, headers=headers, sheet="wide", columns=columns, rows=rows)
