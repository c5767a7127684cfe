"""The command line's exit statuses, the same for every sub-command, and the console it
speaks on.

======  ==================================================================================
Status  Meaning
======  ==================================================================================
0       everything was read, written and checked; no finding at or above ``--fail-on``
1       a report has findings at or above ``--fail-on`` (``check``; ``error`` by default)
2       usage, or an input that could not be read, or an output that could not be written
        (the others are read and written all the same); or an error of the program itself,
        said on one line (``GOVDISCLOSURE_DEBUG=1`` shows its traceback)
130     interrupted (Ctrl-C): what was written is whole, what was being written is not there
======  ==================================================================================

When more than one applies, the larger number is the status.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import IO, TextIO

from govdisclosure.errors import BatchError

__all__ = ["FAILED", "FINDINGS", "INTERRUPTED", "OK", "Console"]

OK = 0
FINDINGS = 1
FAILED = 2
INTERRUPTED = 128 + 2


class Console:
    """Standard output and error, and the status so far. Output whose reader went away
    (``| head``) is dropped from then on, quietly, as ``cat`` does, while the work (the
    files being written) goes on."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.status = OK
        self._closed = False

    def say(self, text: str) -> None:
        """Write ``text`` and a line break to standard output, unless its reader left."""
        if self._closed:
            return
        try:
            self.out.write(text + "\n")
            self.out.flush()
        except BrokenPipeError:
            self._close()

    def pipe(self, produce: Callable[[IO[bytes]], object]) -> None:
        """Let ``produce`` write bytes to standard output, unless its reader left."""
        if self._closed:
            return
        try:
            self.out.flush()
            out: IO[bytes] = self.out.buffer
            produce(out)
            out.flush()
        except BrokenPipeError:
            self._close()

    def _close(self) -> None:
        self._closed = True
        # Python flushes stdout again at exit: point it at nothing, so that the flush
        # does not fail with the same error.
        with contextlib.suppress(OSError, ValueError):  # not a descriptor (a test's)
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.out.fileno())

    def warn(self, message: str) -> None:
        """Say ``message`` on standard error, as ``govdisclosure: message``."""
        try:
            self.err.write(f"govdisclosure: {message}\n")
            self.err.flush()
        except (BrokenPipeError, ValueError):
            pass

    def fail(self, message: str, status: int = FAILED) -> None:
        """Say ``message`` and raise the exit status to ``status``."""
        self.warn(message)
        self.raise_status(status)

    def fail_source(self, error: BaseException | None) -> None:
        """Say why a source of a batch gave nothing. A bug of the program's that stopped
        it (a :class:`~govdisclosure.errors.BatchError` that knows where it was raised)
        is said as one — please report it — with its traceback when
        ``GOVDISCLOSURE_DEBUG`` is set; the batch goes on either way."""
        if error is None:
            return
        stack = getattr(error, "traceback", None)
        if not isinstance(error, BatchError) or not stack:
            self.fail(str(error))
            return
        self.fail(f"{error} (please report it; GOVDISCLOSURE_DEBUG=1 shows where it happened)")
        if os.environ.get("GOVDISCLOSURE_DEBUG"):
            with contextlib.suppress(BrokenPipeError, ValueError):
                self.err.write(stack)

    def raise_status(self, status: int) -> None:
        self.status = max(self.status, status)
