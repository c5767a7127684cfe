"""The batches the command line runs, through :mod:`govdisclosure.batch`: one item per
input in input order, on a process pool for large batches (``--jobs``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from govdisclosure.batch import BatchItem, Checked, PreviousReports, read_many, validate_many
from govdisclosure.checker import validate
from govdisclosure.errors import GovDisclosureError
from govdisclosure.readers import ReadResult
from govdisclosure.report import AnnualReport

__all__ = ["check_items", "read_items"]


def read_items(
    paths: Sequence[Path], *, jobs: int | None, **options: Any
) -> Iterator[BatchItem[ReadResult]]:
    """Each document read (or the error that stopped it), in order."""
    return read_many([str(path) for path in paths], jobs=jobs, **options)


def check_items(
    paths: Sequence[Path],
    *,
    jobs: int | None,
    previous: PreviousReports | None,
    parts: Sequence[AnnualReport] | None,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
) -> Iterator[BatchItem[Checked]]:
    """Each document read and checked (with last year's report of its organ from
    ``previous``; against ``parts`` when it is a summary), in order."""
    if parts is None:
        return validate_many(
            [str(path) for path in paths],
            previous=previous,
            select=select,
            ignore=ignore,
            jobs=jobs,
        )
    return _against_parts(paths, jobs, parts, select, ignore)


def _against_parts(
    paths: Sequence[Path],
    jobs: int | None,
    parts: Sequence[AnnualReport],
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
) -> Iterator[BatchItem[Checked]]:
    # A summary is checked here, against the parts already read: a handful of summaries
    # against their hundreds of parts, which need not travel to workers.
    for item in read_items(paths, jobs=jobs):
        if item.error is not None:
            yield BatchItem(item.index, item.source, error=item.error)
            continue
        document = item.unwrap()
        try:
            result = validate(document, parts=parts, select=select, ignore=ignore)
        except GovDisclosureError as err:
            yield BatchItem(item.index, item.source, error=err)
            continue
        yield BatchItem(
            item.index, item.source, value=Checked(item.source, document.report, result, document)
        )
