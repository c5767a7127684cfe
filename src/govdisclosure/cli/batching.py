"""The batches the command line runs (temporary serial implementation, replaced by
:mod:`govdisclosure.batch` when it lands)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from govdisclosure.batch import BatchItem, Checked
from govdisclosure.checker import validate
from govdisclosure.errors import GovDisclosureError
from govdisclosure.readers import ReadResult, read
from govdisclosure.report import AnnualReport

__all__ = ["check_items", "read_items"]


def read_items(
    paths: Sequence[Path], *, jobs: int | None, **options: Any
) -> Iterator[BatchItem[ReadResult]]:
    for index, path in enumerate(paths):
        try:
            yield BatchItem(index, str(path), value=read(path, **options))
        except GovDisclosureError as err:
            yield BatchItem(index, str(path), error=err)


def check_items(
    paths: Sequence[Path],
    *,
    jobs: int | None,
    previous: Sequence[tuple[str, AnnualReport]],
    parts: Sequence[AnnualReport] | None,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
) -> Iterator[BatchItem[Checked]]:
    lastyear = list(previous)
    for item in read_items(paths, jobs=jobs):
        if item.error is not None:
            yield BatchItem(item.index, item.source, error=item.error)
            continue
        document = item.unwrap()
        found = next(
            ((p, r) for p, r in lastyear if r.organ == document.report.organ), (None, None)
        )
        result = validate(document, previous=found[1], parts=parts, select=select, ignore=ignore)
        checked = Checked(item.source, document.report, result, document, found[0])
        yield BatchItem(item.index, item.source, value=checked)
