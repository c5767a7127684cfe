"""Check many reports: :func:`validate_many`.

>>> import govdisclosure as gd
>>> items = [gd.examples.path("zhongning-minzheng-2020.json"),
...          gd.examples.path("broken/zhongning-minzheng-2020-broken.json"), b"not a report"]
>>> for item in validate_many(items):
...     name = item.source.rsplit("/", 1)[-1]  # the source as given: here a path
...     print(name, len(item.value.result.errors) if item.ok else type(item.error).__name__)
zhongning-minzheng-2020.json 0
zhongning-minzheng-2020-broken.json 7
#2 ReadError
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Mapping
from concurrent.futures import Executor
from typing import Any, TypeVar, overload

from attrs import frozen

from govdisclosure.batch.items import BatchItem, Checked
from govdisclosure.batch.plan import run_batch
from govdisclosure.batch.previous import Finder, PreviousReports, finder
from govdisclosure.batch.work import Job, as_path
from govdisclosure.checker.registry import selected_rules
from govdisclosure.checker.validate import validate
from govdisclosure.errors import OptionError
from govdisclosure.readers import ReadResult, read
from govdisclosure.report import AnnualReport

__all__ = ["CheckJob", "validate_many"]

T = TypeVar("T")

#: What ``previous=`` takes: see :func:`validate_many`.
Previous = (
    PreviousReports
    | Mapping[tuple[str, int], Any]
    | Callable[[AnnualReport], AnnualReport | ReadResult | str | os.PathLike[str] | None]
    | None
)


@frozen
class CheckJob(Job):
    """Check a report (reading it first when it is a document), against last year's when
    ``previous`` finds it."""

    previous: Finder | None
    select: tuple[str, ...] | str | None
    ignore: tuple[str, ...] | str | None
    #: What becomes of each report checked, where it was checked (``then=``).
    then: Callable[[Checked], Any] | None = None

    def __call__(self, name: str, source: Any) -> Any:
        checked = self.check(name, source)
        return checked if self.then is None else self.then(checked)

    def check(self, name: str, source: Any) -> Checked:
        """The report of ``source`` checked."""
        document = source if isinstance(source, ReadResult) else None
        if isinstance(source, AnnualReport):
            report = source
        else:
            document = document or read(as_path(source))
            report = document.report
        found = self.previous.find(report) if self.previous is not None else None
        result = validate(
            document or report,
            previous=found.report if found else None,
            select=self.select,
            ignore=self.ignore,
        )
        return Checked(name, report, result, document, found.where if found else None)


def _in_memory(source: object) -> bool:
    return isinstance(source, AnnualReport | ReadResult)


def _rule_names(names: Iterable[str] | str | None) -> tuple[str, ...] | str | None:
    return names if names is None or isinstance(names, str) else tuple(names)


@overload
def validate_many(
    items: Iterable[Any],
    *,
    previous: Previous = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    then: None = None,
) -> Generator[BatchItem[Checked], None, None]: ...


@overload
def validate_many(
    items: Iterable[Any],
    *,
    previous: Previous = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    then: Callable[[Checked], T],
) -> Generator[BatchItem[T], None, None]: ...


@overload
def validate_many(
    items: Iterable[Any],
    *,
    previous: Previous = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    then: Callable[[Checked], Any] | None = None,
) -> Generator[BatchItem[Any], None, None]: ...


def validate_many(
    items: Iterable[Any],
    *,
    previous: Previous = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    then: Callable[[Checked], Any] | None = None,
) -> Generator[BatchItem[Any], None, None]:
    """Check each of ``items`` with :func:`~govdisclosure.validate` (``select``,
    ``ignore``): one :class:`~govdisclosure.batch.BatchItem` per item, in input order,
    holding a :class:`~govdisclosure.batch.Checked` or the library error that stopped it.

    An item is a path (a ``str`` is a path here), the bytes of a document, a
    :class:`~govdisclosure.ReadResult` or an :class:`~govdisclosure.AnnualReport`. A
    document is read where the work runs, and the reader's result is kept in
    :attr:`Checked.document`, so that each finding can be traced to where its cells
    were printed (:meth:`~govdisclosure.ReadResult.locate`).

    ``previous`` finds last year's report of each report's organ, and the cross-year
    rules run when it does (:attr:`Checked.previous` then says where it came from):

    * a :class:`~govdisclosure.batch.PreviousReports` index (for a folder of last year's
      files, :meth:`PreviousReports.from_paths`);
    * a mapping of last year's reports, or of their paths, keyed by their own organ and
      year: ``{("某县教育局", 2022): report_or_path}``;
    * a function given each report, answering with last year's report, a
      :class:`~govdisclosure.ReadResult`, a path, or None.

    Organs are matched after whitespace is removed (see
    :mod:`govdisclosure.batch.previous`). A report that finds no previous report is
    checked without the cross-year rules; one whose previous report cannot be read, or
    is ambiguous, gets a :class:`~govdisclosure.errors.BatchError`.

    In worker processes ``previous`` is used where the work runs, so it must pickle: an
    index or a mapping does (an index is sent to each process once), and so does a
    module-level function; a lambda does not, and ``jobs=N`` then says so at once
    (by default such a batch runs in this process). Dask's executor sends lambdas too.

    The items stream, and ``executor`` and ``jobs`` say where the work runs, as for
    :func:`~govdisclosure.batch.read_many`; by default reports already in memory are
    checked in this process.

    ``then``, a function of a :class:`~govdisclosure.batch.Checked`, runs where the
    report was checked, and the item holds what it returns (or the error it raised):
    what a worker sends back is then only what you keep — the rows of a table of
    findings, counts — instead of the report, its document and every finding, which
    cost about as much to send between processes as to check a small report (see
    :mod:`govdisclosure.batch.plan`). On worker processes it must pickle, as
    ``previous`` must.

    ``timeout``, a number of seconds, stops the work on a source that takes longer —
    a document that sends a reader into a loop — where it runs: the batch then runs on
    worker processes of its own (one for ``jobs=1``), and the source's item is a
    :class:`~govdisclosure.errors.BatchError` saying it was stopped (see
    :func:`~govdisclosure.batch.read_many`).

    >>> import govdisclosure as gd
    >>> def errors(checked):
    ...     return len(checked.result.errors)
    >>> paths = [gd.examples.path("broken/zhongning-minzheng-2020-broken.json")]
    >>> [item.value for item in validate_many(paths, then=errors)]
    [7]
    """
    selected_rules(select, ignore)  # an unknown rule or family is refused now, once
    if then is not None and not callable(then):
        raise OptionError(f"then must be a function of a checked report, got {then!r}")
    job = CheckJob(finder(previous), _rule_names(select), _rule_names(ignore), then)
    return run_batch(
        job, items, executor=executor, jobs=jobs, in_memory=_in_memory, timeout=timeout
    )
