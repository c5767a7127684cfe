"""The work a batch sends to a worker: jobs, the chunks of sources they run on, and what
turns any failure of one source into that source's error.

Everything here crosses a process boundary, so it is made of module-level functions and
picklable objects. A :class:`Job` says what to do with one source (read it, check it);
:func:`run_chunk` runs a job over a chunk of ``(index, name, source)`` tasks and gives one
:class:`~govdisclosure.batch.items.BatchItem` per task (packed: see :func:`pack`), each
holding the value or the error:
a library error as raised, anything else (a bug, a ``MemoryError``) as a
:class:`~govdisclosure.errors.BatchError` with its cause, so that a chunk never fails for
one of its sources.

>>> class Double(Job):
...     def __call__(self, name, source):
...         return source * 2
>>> [item.value for item in unpack(run_chunk(Double(), ((0, "#0", 1), (1, "#1", 5))))]
[2, 10]
>>> unpack(run_chunk(Double(), ((0, "#0", None),)))[0].error.cause
"TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'"
"""

from __future__ import annotations

import faulthandler
import gc
import os
import pathlib
import pickle
import signal
import traceback
from collections.abc import Sequence
from typing import Any

from govdisclosure.batch.items import BatchItem
from govdisclosure.errors import BatchError, GovDisclosureError

__all__ = [
    "Job",
    "Task",
    "as_path",
    "failure",
    "install",
    "pack",
    "run_chunk",
    "run_installed",
    "run_one",
    "unpack",
]

#: The reason of the error of a source whose work raised an exception that is no library
#: error.
UNEXPECTED = "an unexpected error stopped this source"
#: The reason of the error of a source whose value or error could not be pickled to be
#: sent back from the worker.
UNSENDABLE = "what this source gave could not be sent back from the worker"

#: One source of a batch as it travels: its index in the batch, its name (the path as a
#: string, or ``"#N"``) and the source itself.
Task = tuple[int, str, Any]


class Job:
    """What to do with one source: called with the source's name and the source, it
    returns the value or raises. Subclasses are picklable (attrs classes of plain
    values), since a job travels to the workers with its chunks."""

    def __call__(self, name: str, source: Any) -> Any:
        raise NotImplementedError  # pragma: no cover (every job defines it)


def failure(error: BaseException, name: str, reason: str) -> BatchError:
    """``error``, which is no library error, as the :class:`BatchError` of the source
    ``name`` for ``reason``: what it was, as text, and where it was raised (the exception
    itself may not pickle; within the process it is also the new error's ``__cause__``)."""
    cause = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    stack = "".join(traceback.format_exception(error))
    batch_error = BatchError(reason, source=name, cause=cause, traceback=stack)
    batch_error.__cause__ = error
    return batch_error


def run_one(
    job: Job, index: int, name: str, source: Any, timeout: float | None = None
) -> BatchItem[Any]:
    """The item of one task: the job's value, or the error that stopped it.

    With a ``timeout`` (only in a worker process of ours: see :func:`install`), a task
    that runs longer ends the process, whatever it is doing — stuck in C code too, with
    the interpreter's lock held: the standard library's :mod:`faulthandler` watches from
    a thread of its own, in C. The batch, which sees the worker die, runs the chunk's
    tasks again one by one and names the one that was stopped (see
    :mod:`govdisclosure.batch.stream`)."""
    if timeout is not None:
        faulthandler.dump_traceback_later(timeout, exit=True, file=_silence())
    try:
        return BatchItem(index, name, value=job(name, source))
    except GovDisclosureError as error:
        return BatchItem(index, name, error=error)
    except Exception as error:  # a bug, or MemoryError: this source's error, not the batch's
        return BatchItem(index, name, error=failure(error, name, UNEXPECTED))
    finally:
        if timeout is not None:
            faulthandler.cancel_dump_traceback_later()


def run_chunk(job: Job, chunk: Sequence[Task], timeout: float | None = None) -> bytes:
    """The items of a chunk of tasks, in order, packed (what a worker runs)."""
    return pack([run_one(job, index, name, source, timeout) for index, name, source in chunk])


def pack(items: list[BatchItem[Any]]) -> bytes:
    """``items`` pickled, to travel back and wait as bytes.

    A chunk's items come back as one string of bytes, unpickled by the batch only when
    they are yielded: unpickled on arrival, thousands of objects would wait in the
    window and be scanned again and again by the garbage collector (measured: half the
    cost of receiving them), and would take five times the memory. An item whose value
    or error does not pickle becomes a :class:`BatchError` saying so; the others travel.
    """
    try:
        return pickle.dumps(items, pickle.HIGHEST_PROTOCOL)
    except Exception:  # one item does not pickle: find it, keep the others
        return pickle.dumps([_sendable(item) for item in items], pickle.HIGHEST_PROTOCOL)


def _sendable(item: BatchItem[Any]) -> BatchItem[Any]:
    try:
        pickle.dumps(item, pickle.HIGHEST_PROTOCOL)
    except Exception as error:
        return BatchItem(item.index, item.source, error=failure(error, item.source, UNSENDABLE))
    return item


def unpack(data: bytes) -> list[BatchItem[Any]]:
    """The items :func:`pack` packed, with the garbage collector paused meanwhile.

    Unpickling a chunk makes thousands of objects at once, all alive until the chunk has
    been yielded: the collector would scan them in each of its generations and, as they
    reached the oldest, scan the whole heap again and again (measured: half the cost of
    unpacking). They are made with the collector paused, and it is set back as it was;
    objects that outlive their use are still collected later, as ever.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        items: list[BatchItem[Any]] = pickle.loads(data)  # a worker's, made by pack()
    finally:
        if enabled:
            gc.enable()
    return items


#: The job each worker process of a pool of ours was started with, and the time each task
#: may take, by the pool's token: they cross once per process (the pool's initializer),
#: not with every chunk.
_INSTALLED: dict[str, tuple[Job, float | None]] = {}
#: Where a worker stopped for taking too long writes the traceback faulthandler dumps: the
#: null device (the command line prints no traceback; the batch says what was stopped).
_SILENCE: list[Any] = []


def _silence() -> Any:
    if not _SILENCE:
        _SILENCE.append(open(os.devnull, "w"))  # noqa: SIM115 (kept open: the process's)
    return _SILENCE[0]


def install(token: str, job: Job, timeout: float | None = None) -> None:
    """Start a worker process of a pool of ours: keep ``job`` (and the ``timeout`` of each
    of its tasks) for the chunks that name ``token``, and leave Ctrl-C to the parent,
    which cancels the batch (a worker that took it too would print a traceback and die
    mid-chunk)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _INSTALLED.clear()  # a process serves one pool: never more than one job kept
    _INSTALLED[token] = (job, timeout)


def run_installed(token: str, chunk: Sequence[Task]) -> bytes:
    """:func:`run_chunk` with the job this process was started with."""
    job, timeout = _INSTALLED[token]
    return run_chunk(job, chunk, timeout)


def as_path(source: Any) -> Any:
    """What :func:`~govdisclosure.read` is given for a batch's source: a ``str`` is a path
    in a batch (where :func:`~govdisclosure.read` takes it as text), a path-like object
    is one; bytes stay bytes.

    >>> isinstance(as_path("a.txt"), pathlib.Path), as_path(b"{}")
    (True, b'{}')
    """
    if isinstance(source, str | os.PathLike):
        return pathlib.Path(source)
    return source
