"""A batch run in order, streaming, on a bounded window: the loop every batch function
shares.

Tasks are taken from their iterator only as chunks are sent: at most ``window`` chunks
are in flight at once, so that a generator of 20,000 paths is never drained ahead, and
the results waiting to be yielded never exceed the window, however long the batch. The
items come back in input order: the oldest chunk is waited for first, while the others
go on running.

A chunk fails as a whole only when something outside its sources failed: its worker
process died (killed, out of memory, a crash in an extension), the executor refused it
or lost it. Which source was at fault is then unknown, so each of its sources is run
again on its own: those that succeed are kept, the one that fails again becomes a
:class:`~govdisclosure.errors.BatchError` naming the cause. A pool of ours that broke is
made again (see :meth:`Runner.repair`); the batch goes on.

With a timeout (see :func:`~govdisclosure.batch.plan.run_batch`), a worker process
whose task runs too long ends itself: its chunk, and those of the other workers, are
lost as when it dies, and run again one task at a time, so that the task that runs too
long again is named: a :class:`~govdisclosure.errors.BatchError` saying it was stopped.

When the batch is stopped — Ctrl-C, or the caller stops iterating (``break``, or the
generator's ``close()``) — the chunks not yet started are cancelled; a pool of ours is
ended at once, its workers with it (see :meth:`Runner.close`).
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future
from typing import Any

from govdisclosure.batch.items import BatchItem
from govdisclosure.batch.pools import Runner
from govdisclosure.batch.work import Task, failure, unpack
from govdisclosure.errors import BatchError

__all__ = ["LOST", "STOPPED", "chunked", "stream"]

#: The reason of the error of a source whose work was lost: its process died, or the
#: executor failed or refused it (a source that does not pickle cannot be sent).
LOST = "the executor could not run this source: its process died, or it could not be sent"
#: The reason of the error of a source whose work ran past the batch's timeout.
STOPPED = "took longer than the batch's timeout ({seconds:g} s) and was stopped"


def chunked(tasks: Iterable[Task], size: int) -> Iterator[tuple[Task, ...]]:
    """``tasks`` in tuples of 1, 2, 4, … and then ``size`` tasks (the last one shorter),
    taken as they are asked for: the first items come back soon and a small batch is
    shared among the workers, while the chunks of a long one are large enough to make
    the cost of a round trip between processes small.

    >>> [len(c) for c in chunked(((i, f"#{i}", i) for i in range(40)), 8)]
    [1, 2, 4, 8, 8, 8, 8, 1]
    """
    iterator = iter(tasks)
    length = 1
    while chunk := tuple(itertools.islice(iterator, length)):
        yield chunk
        length = min(2 * length, size)


def stream(
    runner: Runner, tasks: Iterable[Task], *, chunksize: int, window: int
) -> Generator[BatchItem[Any], None, None]:
    """One item per task, in order, with at most ``window`` chunks of ``chunksize`` tasks
    in flight on ``runner``."""
    pending: deque[tuple[tuple[Task, ...], Future[bytes]]] = deque()
    finished = False
    try:
        for chunk in chunked(tasks, chunksize):
            pending.append((chunk, runner.submit(chunk)))
            if len(pending) >= window:
                yield from _settle(runner, *pending.popleft())
        while pending:
            yield from _settle(runner, *pending.popleft())
        finished = True
    finally:
        runner.close(cancel=not finished, pending=[future for _, future in pending])


def _settle(
    runner: Runner, chunk: tuple[Task, ...], future: Future[bytes]
) -> Iterator[BatchItem[Any]]:
    """The items of ``chunk``: its result, or each of its tasks run again on its own."""
    try:
        items = unpack(future.result())
    except Exception as error:  # the chunk was lost, not a source's own failure
        runner.repair(error)
        yield from (_alone(runner, task) for task in chunk)
        return
    yield from items


def _alone(runner: Runner, task: Task) -> BatchItem[Any]:
    """The item of ``task``, run as a chunk of its own; when that fails too, the task was
    the cause, and its item is a :class:`BatchError`."""
    start = time.monotonic()
    future = runner.submit((task,))
    try:
        return unpack(future.result())[0]
    except Exception as error:
        runner.repair(error)
        index, name, _ = task
        timeout = runner.timeout
        if timeout is not None and time.monotonic() - start >= timeout:
            # Its worker ended itself when the task ran past the timeout (see work.run_one).
            reason = STOPPED.format(seconds=timeout)
            return BatchItem(index, name, error=BatchError(reason, source=name))
        return BatchItem(index, name, error=failure(error, name, LOST))
