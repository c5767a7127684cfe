"""Reading one input in a worker subprocess, with a time limit and its peak memory
measured: what the campaign (:mod:`fuzz.run`) and the hostile set (:mod:`fuzz.hostile`)
both run their inputs through.

A :class:`Worker` is a long-lived child process (``multiprocessing`` with the ``spawn``
start method: the campaign drives its workers from threads, and forking a process that
runs threads can copy a held lock into the child). :func:`run_job` sends it one job and
waits for the read; a worker that has had more than the limit's processor time without
answering (or three times the limit on the wall clock) is killed (by its pid) and a fresh one
started, and the input is a HANG. Time is processor time, the read's own: the campaign
runs on shared machines, where a read may wait for a processor, which says nothing of the
reader; on an idle machine the two are the same (a read is single-threaded and waits on
nothing but memory).

Memory is measured per input by the worker itself, on Linux, from the kernel's high-water
mark of its resident set: before each read the worker writes ``5`` to
``/proc/self/clear_refs``, which resets the mark (``VmHWM``), notes its resident size
(``VmRSS``), and after the read takes ``VmHWM`` minus that. That is the memory the read
itself needed, input and interpreter excluded, and it stays exact in a worker that has
read large inputs before. ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` cannot be reset,
so its delta only sees a read that beats every earlier one: it is the fallback where
``clear_refs`` cannot be written. Each worker also runs under an ``RLIMIT_AS`` well above
the memory limit, a guard for the machine and not the measure: a read that would take
gigabytes fails with a MemoryError instead (which ``read`` turns into a ReadError — the
high-water mark still shows the memory it took, so the input is still counted as MEMORY).

While it reads, the worker has :mod:`faulthandler` dump its stack every second into a
file: the innermost frame of the library in the last dump is where a slow or hanging read
was spending its time, the place a SLOW or HANG signature names.
"""

from __future__ import annotations

import contextlib
import faulthandler
import functools
import multiprocessing
import os
import re
import resource
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RENDER_FORMATS = ("json", "html", "text", "markdown", "docx", "xlsx")
LOCALES = ("zh_CN", "en")
SLOW_SECONDS = 1.0

__all__ = ["Limits", "Outcome", "Worker", "run_job"]


@dataclass(frozen=True)
class Limits:
    """The limit on a read's processor time, the memory budget, and the time allowed for the
    renderings of an accepted report."""

    seconds: float = 2.0
    memory_mb: float = 300.0
    render_seconds: float = 20.0


@dataclass
class Outcome:
    """What reading one input came to."""

    fmt: str | None
    accepted: bool = False
    #: The exception's type (a library error or a foreign one), "" when accepted.
    error: str = ""
    ours: bool = True
    message: str = ""
    #: The innermost frame in src/govdisclosure ("readers/html.py:123"), and the innermost
    #: frame of all ("…/pypdf/_page.py:2000 in _extract_text").
    where: str = ""
    innermost: str = ""
    #: The read's processor time (what a hang or a slow read is judged by: on a busy
    #: machine a read waits for a processor, which says nothing of the reader), and its
    #: wall-clock time.
    seconds: float = 0.0
    wall: float = 0.0
    peak_mb: float = 0.0
    hang: bool = False
    crashed: bool = False
    leak: bool = False
    #: Renderings of an accepted report that failed: (format, locale, error, where).
    render_failures: list[tuple[str, str, str, str]] = field(default_factory=list)

    def kinds(self, limits: Limits) -> list[tuple[str, str, str]]:
        """The failures this outcome shows, as signatures (kind, exception type, where)."""
        out: list[tuple[str, str, str]] = []
        if self.crashed:
            out.append(("CRASH", self.error, self.where))
        if not self.ours:
            out.append(("FOREIGN", self.error, self.where))
        if self.hang:
            out.append(("HANG", "", self.where))
        elif self.seconds > SLOW_SECONDS:
            out.append(("SLOW", "", self.where))
        if self.peak_mb > limits.memory_mb:
            out.append(("MEMORY", "", ""))
        if self.leak:
            out.append(("LEAK", "", "a local file's content in the report"))
        for fmt, locale, error, where in self.render_failures:
            out.append(("RENDER", f"{error} ({fmt}, {locale})", where))
        return out


@functools.cache
def _package() -> Path:
    """The folder of the govdisclosure that is imported (this checkout's src, or wherever
    the interpreter finds it)."""
    import govdisclosure

    return Path(govdisclosure.__file__).resolve().parent


def _frame(frames: list[tuple[str, int, str]]) -> str:
    """The innermost frame in the package, as ``src/govdisclosure/…:line (function)``."""
    package = _package()
    for filename, line, function in reversed(frames):
        if filename.startswith(str(package)):
            path = Path(filename).relative_to(package.parent.parent)
            return f"{path}:{line} ({function})"
    return ""


def _exception_frames(err: BaseException) -> list[tuple[str, int, str]]:
    return [(f.filename, f.lineno or 0, f.name) for f in traceback.extract_tb(err.__traceback__)]


_DUMP_FRAME = re.compile(r'File "([^"]+)", line (\d+) in (\S+)')


def _dumped_frames(dump: str) -> list[tuple[str, int, str]]:
    """The frames of the last stack faulthandler dumped, outermost first."""
    last = dump.rsplit("Thread 0x", 1)[-1].rsplit("Current thread", 1)[-1]
    frames = [(f, int(n), fn) for f, n, fn in _DUMP_FRAME.findall(last)]
    return frames[::-1]  # faulthandler prints the most recent call first


def _status(key: str) -> float:
    """A field of /proc/self/status in MB (0 where there is none)."""
    with contextlib.suppress(OSError), open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def _read(job: tuple[Any, ...], dump: Any, conn: Connection | None = None) -> tuple[Outcome, Any]:
    """Read the input of ``job``: ("gen", fmt, seed, index), ("raw", fmt, bytes) or
    ("file", fmt, path, as_bytes); with ``conn``, say "reading" on it once the input is
    made (the read's time starts there, not the making's)."""
    import govdisclosure as gd

    kind, fmt = job[0], job[1]
    source: Any
    if kind == "gen":
        from fuzz.mutators import generate

        source = generate(fmt, job[2], job[3])[1]
        if job[3] % 10 == 9:
            fmt = None  # every tenth input is read with its format sniffed
    elif kind == "raw":
        source = job[2]
    else:
        source = Path(job[2]).read_bytes() if job[3] else Path(job[2])
    if conn is not None:
        conn.send("reading")
    outcome = Outcome(fmt)
    exact = _reset_peak()
    before = (
        _status("VmRSS") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    dump.seek(0)
    dump.truncate()
    faulthandler.dump_traceback_later(SLOW_SECONDS, repeat=True, file=dump)
    report = None
    start, start_cpu = time.perf_counter(), time.process_time()
    try:
        report = gd.read(source, fmt).report
        outcome.accepted = True
    except Exception as err:
        outcome.error = type(err).__name__
        outcome.ours = isinstance(err, gd.GovDisclosureError)
        outcome.message = str(err)[:300]
        frames = _exception_frames(err)
        outcome.where = _frame(frames)
        if frames:
            filename, line, function = frames[-1]
            outcome.innermost = f"{filename}:{line} ({function})"
    finally:
        outcome.seconds = time.process_time() - start_cpu
        outcome.wall = time.perf_counter() - start
        faulthandler.cancel_dump_traceback_later()
    after = _status("VmHWM") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    outcome.peak_mb = max(0.0, after - before)
    if outcome.wall > SLOW_SECONDS and not outcome.where:
        dump.seek(0)
        outcome.where = _frame(_dumped_frames(dump.read().decode("utf-8", "replace")))
    return outcome, report


def _render(report: Any) -> list[tuple[str, str, str, str]]:
    import govdisclosure as gd

    failures = []
    for fmt in RENDER_FORMATS:
        for locale in LOCALES:
            try:
                gd.render(report, fmt, locale=locale)
            except Exception as err:
                failures.append((fmt, locale, type(err).__name__, _frame(_exception_frames(err))))
    return failures


def _warm_up(gd: Any) -> None:
    """Read the seed in every format once, so that the modules each reader imports on
    first use (python-docx, openpyxl, lxml, html5lib, pypdf) are not imported in an input's
    time."""
    from fuzz.pdfmake import text_pdf

    report = gd.load(ROOT / "examples" / "zhongning-minzheng-2020.json")
    for fmt in RENDER_FORMATS:
        gd.read(gd.render(report, fmt), fmt)
    gd.read(text_pdf(gd.render(report, "text")), "pdf")


def _serve(conn: Connection, dump_path: str, address_space_mb: float, warm: bool) -> None:
    """The worker's loop: a job in, the read's outcome out, then the renderings' failures."""
    limit = int((_status("VmSize") + address_space_mb) * 1024 * 1024)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import govdisclosure as gd

    _warm_up(gd)
    if warm:  # build the seed corpus now, not in the time of the first input
        from fuzz.corpus import corpus

        corpus()
    conn.send("ready")
    with open(dump_path, "w+b", buffering=0) as dump:
        while True:
            job = conn.recv()
            if job is None:
                return
            outcome, report = _read(job, dump, conn)
            if report is not None:
                text = gd.dumps(report)
                outcome.leak = "root:x:0:0" in text or "/bin/bash" in text
            conn.send(outcome)
            conn.send(_render(report) if report is not None else [])


class Worker:
    """A worker subprocess (see the module's documentation)."""

    def __init__(self, address_space_mb: float = 3072, *, warm: bool = True) -> None:
        self.address_space_mb = address_space_mb
        self.warm = warm
        handle, self.dump_path = tempfile.mkstemp(prefix="fuzz-stack-")
        os.close(handle)
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve,
            args=(child, self.dump_path, self.address_space_mb, self.warm),
            daemon=True,
        )
        self.process.start()
        child.close()
        # A fresh worker imports the library (and builds the corpus) before its first
        # input, so that no input's time limit is spent starting it.
        if not self.conn.poll(300) or self.conn.recv() != "ready":
            raise RuntimeError("the fuzz worker did not start")

    def restart(self) -> None:
        """Kill this worker's process (by its pid) and start a fresh one."""
        self.process.kill()
        self.process.join()
        self.conn.close()
        self._start()

    def stack(self) -> str:
        """Where the read was when the worker last dumped its stack."""
        try:
            dump = Path(self.dump_path).read_text("utf-8", "replace")
        except OSError:
            return ""
        return _frame(_dumped_frames(dump))

    def close(self) -> None:
        with contextlib.suppress(OSError, BrokenPipeError):
            self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        with contextlib.suppress(OSError):
            os.unlink(self.dump_path)


def _processor_seconds(pid: int | None) -> float:
    """The processor time process ``pid`` has had (user and system), from /proc; the wall
    clock where /proc cannot say (not Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return time.monotonic()
    # Fields 14 and 15 of stat (utime, stime), counted after the command's parenthesis.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_job(worker: Worker, job: tuple[Any, ...], limits: Limits) -> Outcome:
    """Run ``job`` (see :func:`_read`) in ``worker``; kill and restart it on a hang."""
    fmt = job[1] if not (job[0] == "gen" and job[3] % 10 == 9) else None
    worker.conn.send(job)
    # The input is made first (mutations take milliseconds, some a second or two): the
    # read's time starts when the worker says it is reading.
    try:
        made = worker.conn.poll(60) and worker.conn.recv() == "reading"
    except (EOFError, OSError):  # the worker died making it
        made = False
    if not made:
        worker.restart()
        return Outcome(fmt, crashed=True, ours=True, error="the input was not made in 60 s")
    before = _processor_seconds(worker.process.pid)
    # The limit holds for the read's processor time (the worker's own clock says how long
    # the read took); while the worker is still at it, it is given up on when it has had
    # the limit's processor time, or three times
    # the limit on the wall clock (five seconds more at least), however busy the machine.
    started = time.monotonic()
    while not worker.conn.poll(0.1):
        spent = _processor_seconds(worker.process.pid) - before
        waited = time.monotonic() - started
        if spent > limits.seconds + 0.3 or waited > max(3 * limits.seconds, limits.seconds + 5):
            where = worker.stack()
            worker.restart()
            return Outcome(fmt, hang=True, seconds=spent, wall=waited, where=where)
    try:
        outcome: Outcome = worker.conn.recv()
    except (EOFError, OSError):
        code = worker.process.exitcode
        worker.restart()
        return Outcome(fmt, crashed=True, ours=True, error=f"worker died ({code})")
    if outcome.seconds > limits.seconds:
        outcome.hang = True
    if not worker.conn.poll(limits.render_seconds):
        worker.restart()
        outcome.render_failures.append(("*", "*", "render hang", ""))
        return outcome
    try:
        outcome.render_failures = worker.conn.recv()
    except (EOFError, OSError):
        worker.restart()
        outcome.render_failures.append(("*", "*", "worker died while rendering", ""))
    return outcome
