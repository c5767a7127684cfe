"""Where a batch's chunks run: an executor the caller gave, or a process pool of our own,
which is made on first use, made again when a worker process dies, and shut down when
the batch ends.

The start method of our pools is ``forkserver`` where the system has it (Linux and the
other POSIX systems but macOS, where Python's default is ``spawn`` for good reasons),
else ``spawn``, and never ``fork``: forking copies a process with all its threads' locks
in whatever state they are in at that instant, and the processes that run batches often
have threads (a progress bar, a Dask client, a logging handler, the pool's own manager
thread); Python 3.12 warns about it. A fork server is a clean single-threaded process
started once, which forks each worker: after its first start, a worker costs a fork,
not a new interpreter. The modules a worker needs are imported in the fork server once
(see :func:`_preload`), so that a pool made again after a crash, or for the next batch,
starts at once.

A process pool pickles what crosses: a pool of ours takes the batch's job once per
worker process (its initializer), and each chunk names it by a token; another executor
gets the job with every chunk.
"""

from __future__ import annotations

import multiprocessing
import os
import uuid
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from typing import Any

from govdisclosure.batch.items import BatchItem
from govdisclosure.batch.work import Job, Task, install, run_chunk, run_installed

__all__ = ["Runner", "start_method", "usable_cpus"]

#: What a worker imports before its first chunk: the readers and the checker, whose import
#: (babel and lxml with them) is most of a worker's start.
_PRELOAD = ("govdisclosure.batch.work", "govdisclosure.readers", "govdisclosure.checker")


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the system tells it, which a
    container or ``taskset`` may make fewer than the machine has).

    >>> usable_cpus() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity to ask
        return os.cpu_count() or 1


def start_method() -> str:
    """How our pools start their workers: ``forkserver`` where there is one, else
    ``spawn`` (see the module's documentation).

    >>> start_method() in ("forkserver", "spawn")
    True
    """
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _preload(context: Any) -> None:
    """Have the fork server import what the workers need, once, if it is not running yet
    (its list of modules is read when it starts): workers forked from it then start with
    them imported. The modules already asked for (``__main__`` by default) are kept."""
    from multiprocessing import forkserver

    server: Any = getattr(forkserver, "_forkserver", None)
    if server is None or getattr(server, "_forkserver_pid", None) is not None:
        return  # another Python, or already running: its workers import on first use
    wanted = list(getattr(server, "_preload_modules", ["__main__"]))
    context.set_forkserver_preload([*wanted, *(m for m in _PRELOAD if m not in wanted)])


def process_pool(workers: int, token: str, job: Job) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each started with ``job`` under ``token``."""
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        _preload(context)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=install, initargs=(token, job)
    )


def _failed(error: BaseException) -> Future[list[BatchItem[Any]]]:
    """A future that failed with ``error`` (a chunk the executor would not take)."""
    future: Future[list[BatchItem[Any]]] = Future()
    future.set_exception(error)
    return future


class Runner:
    """Submits a batch's chunks: to ``executor`` when one is given, else to a pool of
    ``workers`` processes of our own."""

    def __init__(self, job: Job, workers: int, executor: Executor | None = None) -> None:
        self.job = job
        self.workers = workers
        self.owned = executor is None
        self._theirs = executor
        self._pool: ProcessPoolExecutor | None = None
        self._token = uuid.uuid4().hex

    def submit(self, chunk: Sequence[Task]) -> Future[list[BatchItem[Any]]]:
        """Send ``chunk`` to be run; an executor that refuses it (shut down, broken)
        gives a failed future, which the batch handles like any other failure."""
        try:
            if self._theirs is not None:
                return self._theirs.submit(run_chunk, self.job, chunk)
            if self._pool is None:
                self._pool = process_pool(self.workers, self._token, self.job)
            return self._pool.submit(run_installed, self._token, chunk)
        except Exception as error:  # BrokenExecutor, RuntimeError after shutdown, pickling
            return _failed(error)

    def repair(self, error: BaseException) -> None:
        """After a chunk failed with ``error``: when our pool broke (a worker died), shut
        it down; the next chunk starts a new one. Another executor is the caller's to
        mend: its failures are its sources' errors."""
        if self._pool is not None and isinstance(error, BrokenExecutor):
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self, *, cancel: bool) -> None:
        """End our pool: waiting for it when the batch is done; when it was stopped
        (Ctrl-C, or the caller stopped reading), cancelling what has not started and
        ending the workers, whose chunks nobody will read."""
        pool, self._pool = self._pool, None
        if pool is not None and cancel:
            _terminate(pool)
        elif pool is not None:
            pool.shutdown(wait=True)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Shut ``pool`` down now: nothing more starts, and the chunks running stop.

    Python 3.14 has ``terminate_workers`` for this; before, the pool's processes are
    ended one by one (``_processes``, which ``shutdown`` forgets, is read first)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
