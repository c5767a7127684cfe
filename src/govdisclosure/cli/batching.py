"""The batches the command line runs, through :mod:`govdisclosure.batch`: one item per
input in input order, on a process pool for large batches (``--jobs``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from attrs import frozen

from govdisclosure.batch import BatchItem, Checked, PreviousReports, read_many, validate_many
from govdisclosure.batch.work import Job, run_one
from govdisclosure.checker import validate
from govdisclosure.errors import GovDisclosureError
from govdisclosure.readers import ReadResult
from govdisclosure.report import AnnualReport

__all__ = ["check_items", "here", "read_items"]


def read_items(
    paths: Sequence[str], *, jobs: int | None, **options: Any
) -> Iterator[BatchItem[ReadResult]]:
    """Each document read (or the error that stopped it), in order."""
    return read_many(paths, jobs=jobs, **options)


def check_items(
    paths: Sequence[str],
    *,
    jobs: int | None,
    timeout: float | None = None,
    previous: PreviousReports | None,
    parts: Sequence[AnnualReport] | None,
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    then: Callable[[Checked], Any] | None = None,
) -> Iterator[BatchItem[Any]]:
    """Each document read and checked (with last year's report of its organ from
    ``previous``; against ``parts`` when it is a summary), in order: the
    :class:`Checked` report, or what ``then`` makes of it where it was checked (not
    with ``parts``, whose summaries are checked here: ``then`` is applied here too)."""
    if parts is not None:
        checked = _against_parts(
            read_items(paths, jobs=jobs, timeout=timeout), parts, select, ignore
        )
        return checked if then is None else here(checked, then)
    return validate_many(
        paths,
        previous=previous,
        select=select,
        ignore=ignore,
        jobs=jobs,
        timeout=timeout,
        then=then,
    )


@frozen
class _Then(Job):
    then: Callable[[Any], Any]

    def __call__(self, name: str, source: Any) -> Any:
        return self.then(source)


def here(items: Iterable[BatchItem[Any]], then: Callable[[Any], Any]) -> Iterator[BatchItem[Any]]:
    """What ``then`` makes of each item's value, made here (for the batches whose
    reports come back whole: those checked against the others, or against their
    parts); what fails to be made is that item's error, as in a worker."""
    job = _Then(then)
    for item in items:
        if item.value is None:
            yield item
        else:
            yield run_one(job, item.index, item.source, item.value)


def _against_parts(
    documents: Iterator[BatchItem[ReadResult]],
    parts: Sequence[AnnualReport],
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
) -> Iterator[BatchItem[Checked]]:
    # A summary is checked here, against the parts already read: a handful of summaries
    # against their hundreds of parts, which need not travel to workers.
    for item in documents:
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
