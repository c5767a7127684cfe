"""Read many documents: :func:`read_many`.

>>> import govdisclosure as gd
>>> paths = [gd.examples.path("zhongning-minzheng-2020.json"), "no/such/file.txt",
...          gd.examples.path("sources/zhongning-minzheng-2020.txt")]
>>> for item in read_many(paths):
...     name = item.source.rsplit("/", 1)[-1]  # the source as given: here a path
...     print(item.index, name, item.value.report.organ if item.ok else item.error)
0 zhongning-minzheng-2020.json 中宁县民政局
1 file.txt no/such/file.txt: cannot read the file: No such file or directory
2 zhongning-minzheng-2020.txt 中宁县民政局
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Executor
from typing import Any, TypeVar, overload

from attrs import frozen

from govdisclosure.batch.items import BatchItem
from govdisclosure.batch.plan import run_batch
from govdisclosure.batch.work import Job, as_path
from govdisclosure.errors import OptionError
from govdisclosure.readers import ReadResult, read

__all__ = ["ReadJob", "read_many"]

T = TypeVar("T")


@frozen
class ReadJob(Job):
    """Read a source with the reader's ``options`` (``fmt`` among them)."""

    options: dict[str, Any]
    #: What becomes of each document read, where it was read (``then=``).
    then: Callable[[ReadResult], Any] | None = None

    def __call__(self, name: str, source: Any) -> Any:
        document = read(as_path(source), **self.options)
        return document if self.then is None else self.then(document)


@overload
def read_many(
    sources: Iterable[Any],
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    then: None = None,
    **read_options: Any,
) -> Generator[BatchItem[ReadResult], None, None]: ...


@overload
def read_many(
    sources: Iterable[Any],
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    then: Callable[[ReadResult], T],
    **read_options: Any,
) -> Generator[BatchItem[T], None, None]: ...


@overload
def read_many(
    sources: Iterable[Any],
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    then: Callable[[ReadResult], Any] | None = None,
    **read_options: Any,
) -> Generator[BatchItem[Any], None, None]: ...


def read_many(
    sources: Iterable[Any],
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    then: Callable[[ReadResult], Any] | None = None,
    **read_options: Any,
) -> Generator[BatchItem[Any], None, None]:
    """Read each of ``sources`` with :func:`~govdisclosure.read` and ``read_options``:
    one :class:`~govdisclosure.batch.BatchItem` per source, in input order, holding its
    :class:`~govdisclosure.ReadResult` or the library error that stopped it, so that one
    bad file never stops the batch.

    A source is a path (a ``str`` is a path here, unlike in :func:`~govdisclosure.read`,
    where it is text; any ``os.PathLike``) or the bytes of a document; with ``jobs=1``
    anything :func:`~govdisclosure.read` takes. An item names its source by its path, or
    as ``"#N"`` (the ``N``-th source, from 0).

    The items stream: ``sources`` may be a lazy iterable of any length, taken no further
    than the work in flight. ``executor`` and ``jobs`` say where the work runs (serially
    for small batches, else on a process pool, by default; see
    :mod:`govdisclosure.batch.plan`). Arguments are checked when this is called; the
    sources are read as the items are asked for.

    ``then``, a function of a :class:`~govdisclosure.ReadResult`, runs where the
    document was read, and the item holds what it returns (or the error it raised):
    only that travels back from a worker (see :func:`validate_many`).

    ``timeout``, a number of seconds, stops the work on a source that takes longer: the
    batch then runs on worker processes of its own (one for ``jobs=1``; not on an
    ``executor``, whose processes it cannot stop), and a worker that runs past it ends
    itself, whatever it was doing; the source's item is a
    :class:`~govdisclosure.errors.BatchError` saying it was stopped, and the batch goes
    on. A reader's own limits bound what a document may cost; this bounds the time.
    """
    if then is not None and not callable(then):
        raise OptionError(f"then must be a function of a document read, got {then!r}")
    job = ReadJob(read_options, then)
    return run_batch(job, sources, executor=executor, jobs=jobs, timeout=timeout)
