"""Where a batch's chunks run: an executor the caller gave, or a process pool of our own,
which is made on first use, made again when a worker process dies, and shut down when
the batch ends.

How our pools start their workers is chosen each time one is made (:func:`start_method`):

* ``fork`` on Linux and the BSDs when this process has a single thread: the workers
  start at once, with everything this process has imported (what they need is imported
  here first: :func:`prepare`) and every cache it has filled, and nothing is pickled to
  start them. Forking a process that has other
  threads is unsafe (a lock one of them holds stays locked forever in the child;
  Python 3.12 warns about it), and the processes that run batches may well have some —
  a progress bar, a Dask client, a pool of a batch before — so the threads are counted
  first, all of them (the system's count, not only Python's);
* ``forkserver`` on those systems otherwise: a clean single-threaded server, started
  once, forks each worker. Its first start costs a new interpreter and the imports; the
  modules a worker needs are imported in the server then (:func:`prepare`), so that
  every later pool, after a crash or for the next batch, starts at once;
* ``spawn`` elsewhere (macOS, where forking is unsafe for the system's own frameworks,
  and Windows): each worker is a new interpreter.

A process pool pickles what crosses: a pool of ours takes the batch's job once per
worker process (its initializer), and each chunk names it by a token; another executor
gets the job with every chunk.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import multiprocessing
import os
import sys
import threading
import uuid
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from typing import Any

from govdisclosure.batch.work import Job, Task, install, run_chunk, run_installed
from govdisclosure.checker.registry import rules
from govdisclosure.editions import Edition
from govdisclosure.layouts import layout

__all__ = ["WORKER_MODULES", "Runner", "prepare", "start_method", "threads", "usable_cpus"]

#: What a worker needs that the package imports only when first used: the readers of the
#: built-in formats that read (the format registry names them, see govdisclosure.formats)
#: and what they use. Imported before the workers start, with the checker's rules and the
#: layouts (:func:`prepare`), it is imported once rather than in every worker: the greater
#: part of a worker's start. tests/test_batch.py checks that a worker reading JSON and
#: text imports nothing more.
WORKER_MODULES = (
    "govdisclosure.batch.work",
    "govdisclosure.jsonio",
    "govdisclosure.wording",
    "govdisclosure.readers.jsonformat",
    "govdisclosure.readers.lines",
    "govdisclosure.readers.html",
    "govdisclosure.readers.docx",
)


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


def threads() -> int:
    """The threads of this process: the system's count where it tells (threads that C
    libraries started too), else Python's.

    >>> threads() >= threading.active_count()
    True
    """
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:  # no /proc: not Linux
        return threading.active_count()


def start_method() -> str:
    """How a pool of ours made now starts its workers (see the module's documentation).

    >>> start_method() in ("fork", "forkserver", "spawn")
    True
    """
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods or sys.platform == "darwin":
        return "spawn"
    return "fork" if threads() == 1 else "forkserver"


def prepare() -> None:
    """Import :data:`WORKER_MODULES` in this process (those of optional dependencies that
    are missing are left out: a worker that needs one says so for its source), load the
    checker's rules and build the layouts of both editions: what the workers of a pool
    forked from it then have from the start. Done once; later calls cost nothing."""
    for module in WORKER_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    rules()  # the registry loads the built-in rules on first use
    for edition in Edition:
        layout(edition)


def _preload(context: Any) -> None:
    """Have the fork server import what the workers need, once, if it is not running yet
    (its list of modules is read when it starts): workers forked from it then start with
    them imported. The modules already asked for (``__main__`` by default) are kept."""
    from multiprocessing import forkserver

    server: Any = getattr(forkserver, "_forkserver", None)
    if server is None or getattr(server, "_forkserver_pid", None) is not None:
        return  # another Python, or already running: its workers import on first use
    wanted = list(getattr(server, "_preload_modules", ["__main__"]))
    context.set_forkserver_preload([*wanted, "govdisclosure.batch.prepared"])


def process_pool(
    workers: int, token: str, job: Job, timeout: float | None = None
) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each started with ``job`` under ``token`` (and
    the ``timeout`` of each task)."""
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "fork":
        prepare()  # once here, and every worker has it
    elif method == "forkserver":
        _preload(context)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=install, initargs=(token, job, timeout)
    )


def _failed(error: BaseException) -> Future[bytes]:
    """A future that failed with ``error`` (a chunk the executor would not take)."""
    future: Future[bytes] = Future()
    future.set_exception(error)
    return future


class Runner:
    """Submits a batch's chunks: to ``executor`` when one is given, else to a pool of
    ``workers`` processes of our own, whose tasks may each take ``timeout`` seconds."""

    def __init__(
        self,
        job: Job,
        workers: int,
        executor: Executor | None = None,
        *,
        timeout: float | None = None,
    ) -> None:
        self.job = job
        self.workers = workers
        self.timeout = timeout
        self.owned = executor is None
        self._theirs = executor
        self._pool: ProcessPoolExecutor | None = None
        self._token = uuid.uuid4().hex
        self._frozen = False

    def submit(self, chunk: Sequence[Task]) -> Future[bytes]:
        """Send ``chunk`` to be run; an executor that refuses it (shut down, broken)
        gives a failed future, which the batch handles like any other failure."""
        try:
            if self._theirs is not None:
                return self._theirs.submit(run_chunk, self.job, chunk)
            if self._pool is None:
                self._pool = process_pool(self.workers, self._token, self.job, self.timeout)
                # After prepare(), before the first chunk forks the workers.
                self._frozen = self._frozen or _freeze()
            return self._pool.submit(run_installed, self._token, chunk)
        except Exception as error:  # BrokenExecutor, RuntimeError after shutdown, pickling
            return _failed(error)

    def repair(self, error: BaseException) -> None:
        """After a chunk failed with ``error``: when our pool broke (a worker died), shut
        it down; the next chunk starts a new one. Another executor is the caller's to
        mend: its failures are its sources' errors.

        The broken pool's threads are waited for (they end at once: its processes are
        gone or being ended), so that this process is single-threaded again and the new
        pool can fork its workers, as the first did, rather than start a fork server."""
        if self._pool is not None and isinstance(error, BrokenExecutor):
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def close(self, *, cancel: bool, pending: Sequence[Future[bytes]] = ()) -> None:
        """End the batch's work: wait for our pool when the batch is done; when it was
        stopped (Ctrl-C, or the caller stopped reading), cancel the ``pending`` chunks
        nobody will read — on our pool, by ending it and its workers at once."""
        pool, self._pool = self._pool, None
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        if pool is not None and cancel:
            # Not future by future: the pool cancels its own, and on Python 3.11 its
            # manager thread dies of a future cancelled under it when a worker is ended.
            _terminate(pool)
        elif pool is not None:
            pool.shutdown(wait=True)
        elif cancel:
            for future in pending:
                future.cancel()


def _freeze() -> bool:
    """Before workers are forked: move every object this process has into the collector's
    permanent generation, where a collection in a worker leaves it alone. Otherwise the
    first collections in each worker write to the header of every object it inherited,
    copying the parent's heap into it page by page (measured: a third of a worker's page
    faults over a batch). Whether it froze them: not when the start method is not
    ``fork``, nor when someone else froze objects already (they unfreeze them)."""
    if start_method() != "fork" or gc.get_freeze_count():
        return False
    gc.collect()  # nothing unreachable is frozen with the rest, to live until unfrozen
    gc.freeze()
    return True


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
