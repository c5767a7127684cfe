"""How a batch runs: serially in this process, on a process pool of ours, or on the
caller's executor; and, by default, which of the first two a batch is worth.

``executor=`` takes any :class:`concurrent.futures.Executor` (a process or thread pool,
Dask's ``Client.get_executor()``); ``jobs`` then says how many workers it has, which sets
how many chunks are kept in flight (default: the usable CPUs). Without an executor,
``jobs=1`` runs serially in this process and ``jobs=N`` on a pool of ``N`` processes.

By default (``jobs=None``) a batch runs serially unless it is large enough to pay for a
pool: at least :data:`THRESHOLD` sources, most of them to be read (paths or bytes), and
more than one usable CPU. Measured on two CPUs, CPU time, the bytecode cached as in an
installed package: a source read and checked costs 0.6 ms (JSON) to 3 ms (text; DOCX
and PDF more); a pool adds about 0.35 ms a source (its result pickled in the worker,
unpickled here: some 0.9 + 0.9 million instructions) and costs about 0.1 s to start
(the modules the workers need imported, the layouts built, the processes forked). At
200 sources two workers would then finish text in about two thirds of the serial time
and mixed text and JSON in about three quarters, and JSON alone in the same time: so
:data:`THRESHOLD` is 200 (``benchmarks/run.py batch`` prints the figures of a larger
batch). Reports already in memory are checked serially by default: sending a report to
a worker and its findings back costs about as much as checking it here. A batch whose
caller keeps only part of each result says so with ``then=`` (see
:func:`~govdisclosure.batch.validate_many`): only that part is sent back, and two
workers then come near twice the speed of one.

An iterable without a length is peeked at, never further than :data:`THRESHOLD` sources,
to decide; the sources peeked at are run first, in order.
"""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Executor
from typing import Any

from govdisclosure.batch.items import BatchItem
from govdisclosure.batch.pools import Runner, usable_cpus
from govdisclosure.batch.stream import stream
from govdisclosure.batch.work import Job, Task, run_one
from govdisclosure.errors import OptionError

__all__ = ["CHUNKSIZE", "THRESHOLD", "WINDOW", "run_batch", "source_name"]

#: Sources a batch must have, most of them to read, for a pool of ours to be used by
#: default (see the module's documentation).
THRESHOLD = 200
#: Sources sent to a worker at once, at most (chunks grow to it: see stream.chunked):
#: enough to make the cost of a round trip between processes (about half a millisecond of
#: this process's time) small against a chunk's work, few enough to keep the workers
#: evenly busy to the end and to run again little when a worker dies.
CHUNKSIZE = 32
#: Chunks in flight per worker: one running, one waiting in its queue, and one more so
#: that a worker never waits for the parent to hand out work while the parent waits for
#: the oldest chunk.
WINDOW = 3


def source_name(index: int, source: Any) -> str:
    """How a batch names a source: a path as a string, anything else by its place
    (``"#3"`` for the fourth).

    >>> import pathlib
    >>> source_name(0, pathlib.Path("a/b.txt")), source_name(3, b"{}")
    ('a/b.txt', '#3')
    """
    if isinstance(source, str):
        return source
    if isinstance(source, os.PathLike):
        try:
            return os.fsdecode(os.fspath(source))
        except Exception:  # a path that cannot name itself: its work will fail and say why
            return f"#{index}"
    return f"#{index}"


def _tasks(sources: Iterable[Any]) -> Iterator[Task]:
    return ((index, source_name(index, source), source) for index, source in enumerate(sources))


def _workers(jobs: object, executor: object) -> int:
    """How many workers the batch has (checking ``jobs`` and ``executor``)."""
    if jobs is not None and (type(jobs) is not int or jobs < 1):
        raise OptionError(f"jobs must be a whole number >= 1 or None, got {jobs!r}")
    if executor is not None and not callable(getattr(executor, "submit", None)):
        raise OptionError(
            f"executor must be a concurrent.futures.Executor (with submit), got {executor!r}"
        )
    if isinstance(jobs, int):
        return jobs
    # Pools of the standard library say how many workers they have; others (Dask) do not.
    known = getattr(executor, "_max_workers", None)
    return known if type(known) is int and known > 0 else usable_cpus()


def _timeout(timeout: object, executor: object) -> float | None:
    """``timeout``, checked: a positive number of seconds, or None; and only for our own
    worker processes, the ones the batch can stop."""
    if timeout is None:
        return None
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not 0 < timeout < float("inf")
    ):
        raise OptionError(f"timeout must be a number of seconds > 0 or None, got {timeout!r}")
    if executor is not None:
        raise OptionError(
            "timeout= stops the library's own worker processes, not an executor's: "
            "leave out executor=, or use the executor's own timeouts"
        )
    return float(timeout)


def _pickles(job: Job) -> bool:
    try:
        pickle.dumps(job)
    except Exception:  # what pickle raises for a lambda varies: PicklingError, TypeError, ...
        return False
    return True


def run_batch(
    job: Job,
    sources: Iterable[Any],
    *,
    executor: Executor | None,
    jobs: int | None,
    in_memory: Callable[[Any], bool] = lambda source: False,
    timeout: float | None = None,
) -> Generator[BatchItem[Any], None, None]:
    """The items of ``job`` over ``sources`` (see the module's documentation). The
    arguments are checked now; the sources are taken as the items are asked for.

    With a ``timeout``, every source runs in a worker process of ours (``jobs=1``: one
    worker), which ends itself when a source takes longer than ``timeout`` seconds: that
    source's item is a :class:`~govdisclosure.errors.BatchError` saying it was stopped,
    and the batch goes on (see :mod:`govdisclosure.batch.stream`)."""
    workers = _workers(jobs, executor)
    seconds = _timeout(timeout, executor)
    apart = seconds is not None or (workers > 1 and jobs is not None)
    if executor is None and apart and not _pickles(job):
        raise OptionError(
            "what the batch was given (previous=, then=, a read option) cannot be pickled, so it "
            "cannot be sent to worker processes: use a module-level function or an "
            "object that pickles, or jobs=1"
        )
    tasks = _tasks(sources)
    if executor is not None:
        return stream(Runner(job, workers, executor), tasks, **_window(workers))
    if seconds is not None:
        return stream(Runner(job, workers, timeout=seconds), tasks, **_window(workers))
    if jobs is None:
        return _by_default(job, tasks, workers, in_memory)
    if workers == 1:
        return _serial(job, tasks)
    return stream(Runner(job, workers), tasks, **_window(workers))


def _window(workers: int) -> dict[str, int]:
    return {"chunksize": CHUNKSIZE, "window": WINDOW * workers}


def _serial(job: Job, tasks: Iterable[Task]) -> Generator[BatchItem[Any], None, None]:
    for index, name, source in tasks:
        yield run_one(job, index, name, source)


def _by_default(
    job: Job, tasks: Iterator[Task], workers: int, in_memory: Callable[[Any], bool]
) -> Generator[BatchItem[Any], None, None]:
    """Serially, or on a pool of ours when the batch pays for it (decided when the first
    item is asked for)."""
    head = list(itertools.islice(tasks, THRESHOLD))
    to_read = sum(not in_memory(source) for _, _, source in head)
    everything = itertools.chain(head, tasks)
    if len(head) < THRESHOLD or 2 * to_read <= len(head) or workers < 2 or not _pickles(job):
        # A small batch, reports already here, one CPU, or a job that cannot travel.
        yield from _serial(job, everything)
    else:
        del head  # the chain holds what it needs
        yield from stream(Runner(job, workers), everything, **_window(workers))
