"""Files and streams that are not what a report is, and writes that do not finish: every
read stops at the limit and refuses what is not a regular file; every write is whole or
not at all, even under ``SIGKILL``; written files get the mode the umask gives.

The subprocesses here import the package from where this test imports it (``PYTHONPATH``
set to its folder), whatever their working folder.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import signal
import socket
import stat
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

import pytest

import govdisclosure as gd
from govdisclosure import files, readers
from govdisclosure.__main__ import main
from govdisclosure.errors import JSONFormatError, ReadError
from govdisclosure.jsonio import reader as json_reader
from govdisclosure.readers import encodings, limits

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "examples" / "sources" / "zhongning-minzheng-2020.txt"
SEED = ROOT / "examples" / "zhongning-minzheng-2020.json"
#: Where the package under test is imported from, for the subprocesses.
PACKAGE_PATH = str(Path(gd.__file__).resolve().parent.parent)
ENV = {**os.environ, "PYTHONPATH": PACKAGE_PATH}
#: What the named way's temporaries are called (any host, any process).
TEMPORARY = re.compile(r"\.govdisclosure-.*\.part\Z")

posix = pytest.mark.skipif(os.name != "posix", reason="devices, FIFOs, signals: POSIX")
linux = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="Linux's /proc")


class Blocked(Exception):  # noqa: N818 (not an OSError: the reader must not take it for one)
    """A call blocked for longer than it may."""


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, when what runs inside blocks (on a FIFO, say)."""

    def expire(*_: object) -> None:
        raise Blocked(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(code: str, *args: str, cwd: Path, umask: int = -1) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with ``args`` in a Python of its own, in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=ENV,
        umask=umask,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# --- what is not a regular file -------------------------------------------------------------


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _socket(folder: Path) -> Path:
    path = folder / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


@posix
@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda _: Path("/dev/zero"), "a character device"),
        (lambda _: Path("/dev/null"), "a character device"),
        (lambda folder: folder, "a directory"),
        (_fifo, "a FIFO"),
        (_socket, "a socket"),
    ],
    ids=["dev-zero", "dev-null", "directory", "fifo", "socket"],
)
def test_what_is_not_a_regular_file_is_refused_without_reading_it(
    tmp_path: Path, make: Callable[[Path], Path], what: str
) -> None:
    path = make(tmp_path)
    if not path.exists():
        pytest.skip(f"no {path}")
    with within(5):
        with pytest.raises(ReadError, match=f"it is {what}") as caught:
            gd.read(path)
        assert caught.value.source == str(path)
        with pytest.raises(JSONFormatError, match=f"it is {what}"):
            gd.load(path)


@posix
def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(SOURCE)
    assert gd.read(link).report == gd.read(SOURCE).report
    (tmp_path / "to-a-pipe.txt").symlink_to(_fifo(tmp_path))
    with within(5), pytest.raises(ReadError, match="it is a FIFO"):
        gd.read(tmp_path / "to-a-pipe.txt")


@posix
def test_a_fifo_put_in_place_after_the_look_is_opened_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The path is a regular file when looked at, a FIFO when opened: opening must not
    # wait for a writer, and what was opened is looked at again.
    fifo = _fifo(tmp_path)
    regular = os.stat(SOURCE)
    real_stat = os.stat

    def looks_regular(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return regular if os.fspath(path) == str(fifo) else real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", looks_regular)
    with within(5), pytest.raises(ReadError, match="it is a FIFO"):
        gd.read(fifo)


@linux
def test_a_file_whose_size_says_nothing_is_still_read_no_further_than_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Files in /proc say they hold 0 bytes: the size stat gives is not trusted.
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 16)
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(ReadError, match="longer than 16 bytes"):
        gd.read(Path("/proc/self/status"))


def test_a_file_over_the_limit_is_refused_and_one_at_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = SOURCE.read_bytes()
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", len(data))
    assert gd.read(path).report == gd.read(SOURCE).report
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", len(data) - 1)
    with pytest.raises(ReadError, match=f"{len(data):,} bytes long; the limit is"):
        gd.read(path)


@posix
def test_the_command_line_goes_on_past_a_device_or_a_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = _fifo(tmp_path)
    out = tmp_path / "out"
    with within(10):
        assert main(["read", "/dev/zero", str(fifo), str(SOURCE), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert "/dev/zero: not read: it is a character device" in captured.err
    assert f"{fifo}: not read: it is a FIFO" in captured.err
    assert "Traceback" not in captured.err
    assert [p.name for p in out.iterdir()] == ["zhongning-minzheng-2020.json"]


# --- streams ------------------------------------------------------------------------------


class Trickle(io.RawIOBase):
    """A raw stream that gives at most ``piece`` bytes a call, and counts them."""

    def __init__(self, data: bytes, piece: int) -> None:
        self.data = data
        self.piece = piece
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self.data[self.given : self.given + min(len(buffer), self.piece)]
        buffer[: len(chunk)] = chunk
        self.given += len(chunk)
        return len(chunk)


def test_a_stream_is_read_no_further_than_the_limit_and_one_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    stream = io.BytesIO(b"x" * 50_000)
    with pytest.raises(ReadError, match="the stream is longer than 1,000 bytes"):
        gd.read(stream)
    assert stream.tell() == 1001
    trickle = Trickle(b"x" * 50_000, piece=7)
    with pytest.raises(ReadError, match="longer than 1,000 bytes"):
        gd.read(cast("IO[bytes]", trickle))
    assert trickle.given == 1001
    text = io.StringIO("字" * 50_000)
    with pytest.raises(ReadError, match="longer than 1,000 characters"):
        gd.read(text)
    assert text.tell() == 1001
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 50_000)
    with path.open("rb") as handle:
        with pytest.raises(ReadError, match="longer than 1,000 bytes"):
            gd.read(handle)
        assert handle.tell() == 1001


def test_a_stream_that_gives_little_at_a_time_is_read_whole() -> None:
    # A pipe or a socket gives what it has: one read of it is not all of it.
    data = SOURCE.read_bytes()
    trickle = cast("IO[bytes]", Trickle(data, piece=100))
    assert gd.read(trickle, "text").report == gd.read(SOURCE).report
    assert gd.load(cast("IO[bytes]", Trickle(SEED.read_bytes(), piece=100))) == gd.load(SEED)


class Odd:
    """A stream whose ``read`` does what it is told to."""

    def __init__(self, *results: object) -> None:
        self.results = list(results)

    def read(self, _size: int = -1) -> object:
        result = self.results.pop(0)
        if isinstance(result, BaseException):
            raise result
        return result


@pytest.mark.parametrize(
    ("stream", "message"),
    [
        (Odd(42), "neither bytes nor text but int"),
        (Odd([b"x"]), "neither bytes nor text but list"),
        (Odd(None), "nothing to read yet"),
        (Odd(b"abc", "def"), "both bytes and text"),
        (Odd(OSError(5, "Input/output error")), "cannot read the stream: .*Input/output error"),
        (Odd(b"abc", OSError("the network went away")), "the network went away"),
        (io.TextIOWrapper(io.BytesIO(b"\xff\xfe\xfd"), encoding="utf-8"), "can't decode"),
    ],
    ids=["int", "list", "none", "mixed", "oserror", "oserror-later", "undecodable"],
)
def test_a_stream_that_misbehaves_ends_in_a_read_error(stream: Any, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        gd.read(stream)


def test_a_closed_stream_ends_in_a_read_error() -> None:
    stream = io.BytesIO(b"x")
    stream.close()
    with pytest.raises(ReadError, match="closed file"):
        gd.read(stream)
    with pytest.raises(JSONFormatError, match="closed file"):
        gd.load(stream)


# --- bytes over the limit: refused before any work ---------------------------------------


def _peak(call: Callable[[], object]) -> int:
    """The most memory ``call`` held at once, in bytes (what Python allocated)."""
    tracemalloc.start()
    try:
        with contextlib.suppress(ReadError):
            call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", [None, "text", "markdown", "html", "json"])
@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
@pytest.mark.parametrize("start", [b"", b"{", b"<html>", "\ufeff".encode("utf-16-le")])
def test_bytes_over_the_limit_are_refused_before_they_are_decoded_or_copied(
    monkeypatch: pytest.MonkeyPatch, fmt: str | None, kind: Callable[[bytes], Any], start: bytes
) -> None:
    limit = 256 * 1024
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", limit)
    for warm in ("text", "markdown", "html", "json"):  # import what each reader needs
        with contextlib.suppress(ReadError):
            gd.read(b"x", warm)
    data = kind(start + "一".encode("utf-16-le") * (2 * limit))  # 4 times the limit
    with pytest.raises(ReadError, match=f"the document is {len(start) + 4 * limit:,} long"):
        gd.read(data, fmt)
    # Decoding it (or a copy of it) would take four times the limit at least.
    assert _peak(lambda: gd.read(data, fmt)) < limit // 4


def test_a_bytearray_is_measured_before_it_is_decoded_and_decoded_without_a_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    for codec in ("utf-8", "gb18030", "utf-16", "utf-16-le"):
        data = text.encode(codec)
        assert encodings.decode_bytes(bytearray(data)) == encodings.decode_bytes(data)
    limit = 256 * 1024
    monkeypatch.setattr(encodings, "_MAX_BYTES", limit)
    long = bytearray("一".encode()) * limit  # three times the limit
    with pytest.raises(ReadError, match=f"the text is {3 * limit:,} long"):
        encodings.decode_bytes(long)
    assert _peak(lambda: encodings.decode_bytes(long)) < limit // 4


def test_json_text_over_the_limit_is_refused_before_it_is_decoded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert json_reader._MAX_DOCUMENT_BYTES == limits.MAX_FILE_BYTES
    limit = 256 * 1024
    monkeypatch.setattr(json_reader, "_MAX_DOCUMENT_BYTES", limit)
    data = b'{"format": ' + b" " * 4 * limit + b"}"
    with pytest.raises(JSONFormatError, match=f"the limit is {limit:,}"):
        gd.loads(data)
    with pytest.raises(JSONFormatError, match=f"the limit is {limit:,}"):
        gd.loads(data.decode())
    assert _peak(lambda: gd.loads(data)) < limit // 4


# --- writes that fail: nothing changes ------------------------------------------------------

#: Run in a subprocess: every way of writing a file, under a file-size limit far below
#: what it writes (as on a full disk), by both ways of writing (``named``: the named
#: temporary, where the system has no unnamed files).
_UNDER_A_FILE_SIZE_LIMIT = """
import errno, resource, signal, sys
import govdisclosure as gd
from govdisclosure import files
report = gd.load(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
writes = {
    "dump.json": lambda path: gd.dump(report, path),
    "render.json": lambda path: gd.render_to(report, path),
    "render.docx": lambda path: gd.render_to(report, path),
    "render.html": lambda path: gd.render_to(report, path, locale="en"),
}
for way in ("unnamed", "named"):
    if way == "named":
        files._write_unnamed = lambda *args: False
    for name, write in writes.items():
        try:
            write(f"{way}-{name}")
        except OSError as err:
            print(way, name, errno.errorcode[err.errno])
        else:
            print(way, name, "written")
"""


@posix
def test_a_write_cut_short_leaves_the_file_it_would_replace_as_it_was(tmp_path: Path) -> None:
    old = gd.dumps(gd.AnnualReport(organ="某县统计局", year=2022)).encode()
    names = ["dump.json", "render.json", "render.docx", "render.html"]
    before = {f"{way}-{name}": old for way in ("unnamed", "named") for name in names}
    for name, data in before.items():
        (tmp_path / name).write_bytes(data)
    done = run(_UNDER_A_FILE_SIZE_LIMIT, str(SEED), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:-1] == [
        f"{way} {name} EFBIG" for way in ("unnamed", "named") for name in names
    ]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def _fail(*_: object, **__: object) -> None:
    raise OSError("disk full")


def _interrupt(*_: object, **__: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("way", "step"),
    [(way, step) for way in ("unnamed", "named") for step in ("write", "fsync", "replace")],
)
@pytest.mark.parametrize("how", [_fail, _interrupt], ids=["oserror", "interrupt"])
@pytest.mark.parametrize(
    "write",
    [
        lambda path: gd.dump(gd.load(SEED), path),
        lambda path: gd.render_to(gd.load(SEED), path, fmt="docx"),
    ],
    ids=["dump", "render_to"],
)
def test_a_write_that_fails_leaves_no_temporary_behind(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    way: str,
    step: str,
    how: Callable[..., None],
    *,
    write: Callable[[Path], None],
) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"the old report")
    if way == "named":
        monkeypatch.setattr(files, "_write_unnamed", lambda *_: False)
    monkeypatch.setattr(os, step, how)
    with pytest.raises((OSError, KeyboardInterrupt)):
        write(target)
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    assert target.read_bytes() == b"the old report"


@pytest.mark.parametrize("way", ["unnamed", "named"])
def test_a_write_replaces_a_link_at_the_target_not_what_it_points_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    if way == "named":
        monkeypatch.setattr(files, "_write_unnamed", lambda *_: False)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(b"kept")
    (tmp_path / "report.json").symlink_to(elsewhere)
    gd.dump(gd.load(SEED), tmp_path / "report.json")
    assert not (tmp_path / "report.json").is_symlink()
    assert gd.load(tmp_path / "report.json") == gd.load(SEED)
    assert elsewhere.read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere.json", "report.json"]


@linux
def test_the_unnamed_way_is_taken_where_the_system_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named: list[str] = []
    real_open = os.open

    def watch(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if TEMPORARY.search(os.fspath(path)):
            named.append(os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", watch)
    gd.render_to(gd.load(SEED), tmp_path / "r.html")
    assert named == []  # no named temporary was ever created
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


@posix
def test_temporaries_of_killed_processes_are_swept_by_the_next_write(tmp_path: Path) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as running:
        try:
            host = files._HOST
            names = {
                "dead": f".govdisclosure-{host}-{ended.pid}-{'0' * 16}.part",
                "alive": f".govdisclosure-{host}-{running.pid}-{'1' * 16}.part",
                "mine": f".govdisclosure-{host}-{os.getpid()}-{'2' * 16}.part",
                "other host": f".govdisclosure-{'f' * 8}-{ended.pid}-{'3' * 16}.part",
                "not ours": f".govdisclosure-{host}-{ended.pid}.part",
            }
            for name in names.values():
                (tmp_path / name).write_bytes(b"half a report")
            gd.dump(gd.load(SEED), tmp_path / "report.json")
        finally:
            running.kill()
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"report.json", *names.values()} - {names["dead"]}


# --- SIGKILL at any moment -----------------------------------------------------------------

#: Run in a subprocess: imports the command line once, then for each line it is sent (a
#: delay in seconds, and the arguments as JSON) forks a child that runs the command line
#: with those arguments, kills it with SIGKILL after the delay (a negative one: lets it
#: finish) and says how it ended and when. The child's disk is slow: each write to a file
#: writes 1 KB and takes a millisecond, so that many kills fall inside a write (on a fast
#: disk writing takes a few microseconds of the run's 300 milliseconds).
_KILLER = """
import json, os, signal, sys, time
from govdisclosure.__main__ import main
write = os.write
def slowly(descriptor, data):
    time.sleep(0.001)
    return write(descriptor, data[:1024])
for line in sys.stdin:
    delay, argv = json.loads(line)
    start = time.monotonic()
    child = os.fork()
    if child == 0:
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            os.write = slowly
            os._exit(main(argv))
        finally:
            os._exit(70)
    if delay >= 0:
        time.sleep(delay)
        os.kill(child, signal.SIGKILL)
    _, status = os.waitpid(child, 0)
    said = "killed" if os.WIFSIGNALED(status) else f"exit {os.waitstatus_to_exitcode(status)}"
    print(said, time.monotonic() - start, flush=True)
"""


class Killer:
    """The subprocess of :data:`_KILLER`."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _KILLER],
            cwd=cwd,
            env=ENV,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, delay: float, argv: list[str]) -> tuple[str, float]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(json.dumps([delay, argv]) + "\n")
        self.process.stdin.flush()
        said, seconds = self.process.stdout.readline().rsplit(" ", 1)
        return said, float(seconds)

    def close(self) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


def _outputs_are_whole(out: Path, expected: dict[str, bytes]) -> int:
    """Check that every file in ``out`` is one of ``expected``, whole; the number of
    hidden temporaries (left by a kill between naming one and renaming it)."""
    temporaries = 0
    for path in out.iterdir():
        if TEMPORARY.match(path.name):
            temporaries += 1
            continue
        data = path.read_bytes()
        assert data == expected[path.name], f"{path.name}: {len(data)} bytes, not whole"
        json.loads(data)
    return temporaries


@posix
def test_a_command_line_killed_at_any_moment_leaves_only_whole_files(tmp_path: Path) -> None:
    sources = []
    for number in range(4):
        copy = tmp_path / f"report-{number}.txt"
        copy.write_bytes(SOURCE.read_bytes())
        sources.append(str(copy))
    out = tmp_path / "out"
    argv = ["read", *sources, "-o", str(out), "--force"]  # each run replaces the last's
    killer = Killer(tmp_path)
    try:
        said, full = killer.run(-1, argv)  # an uninterrupted run: what each file holds
        assert said == "exit 0"
        expected = {path.name: path.read_bytes() for path in out.iterdir()}
        assert sorted(expected) == [f"report-{number}.json" for number in range(4)]
        chance = random.Random(13)
        kills = attempts = 0
        while kills < 40:  # a run that ends before its kill does not count
            attempts += 1
            assert attempts < 100, "the runs end before they are killed"
            if attempts % 3 == 0:  # from an empty folder too: absent, or whole
                for path in out.iterdir():
                    path.unlink()
            said, _ = killer.run(chance.uniform(0, full), argv)
            kills += said == "killed"
            _outputs_are_whole(out, expected)
        assert killer.run(-1, argv)[0] == "exit 0"
    finally:
        killer.close()
    assert _outputs_are_whole(out, expected) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)


@posix
def test_the_command_line_itself_killed_at_any_moment_leaves_only_whole_files(
    tmp_path: Path,
) -> None:
    # The same through `python -m govdisclosure`, its real entry point (fewer kills: each
    # starts an interpreter).
    out = tmp_path / "out"
    command = [sys.executable, "-m", "govdisclosure", "read", str(SOURCE), "-o", str(out)]
    command.append("--force")  # each run after the first replaces what the last wrote
    started = time.monotonic()
    subprocess.run(command, env=ENV, capture_output=True, check=True, timeout=60)
    full = time.monotonic() - started
    expected = {path.name: path.read_bytes() for path in out.iterdir()}
    chance = random.Random(14)
    for _ in range(5):
        with subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL) as process:
            time.sleep(chance.uniform(full / 2, full))
            process.kill()
        _outputs_are_whole(out, expected)
    subprocess.run(command, env=ENV, capture_output=True, check=True, timeout=60)
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)


# --- the modes the umask gives ------------------------------------------------------------

_EVERY_WRITE = """
import sys
import govdisclosure as gd
from govdisclosure import files
from govdisclosure.__main__ import main
source, text = sys.argv[1:]
assert main(["read", text, "-o", "read"]) == 0
assert main(["render", source, "-f", "html", "-f", "docx", "--lang", "en", "-o", "render"]) == 0
gd.dump(gd.load(source), "dump.json")
gd.dump(gd.load(source), "replaced.json")
files._write_unnamed = lambda *args: False
gd.dump(gd.load(source), "named.json")
"""


@posix
@pytest.mark.parametrize(
    ("umask", "mode"), [(0o027, 0o640), (0o002, 0o664)], ids=["umask-027", "umask-002"]
)
def test_every_write_gets_the_mode_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    (tmp_path / "replaced.json").write_bytes(b"{}")
    (tmp_path / "replaced.json").chmod(0o600)  # a file replaced does not pass on its mode
    done = run(_EVERY_WRITE, str(SEED), str(SOURCE), cwd=tmp_path, umask=umask)
    assert done.returncode == 0, done.stderr
    written = {
        str(path.relative_to(tmp_path)): stat.S_IMODE(path.stat().st_mode)
        for path in tmp_path.rglob("*")
        if path.is_file()
    }
    assert written == {
        "read/zhongning-minzheng-2020.json": mode,
        "render/zhongning-minzheng-2020.en.html": mode,
        "render/zhongning-minzheng-2020.en.docx": mode,
        "dump.json": mode,
        "replaced.json": mode,
        "named.json": mode,
    }


# --- the command line and what it must not overwrite -------------------------------------


@posix
def test_the_command_line_never_writes_over_an_input_by_another_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in" / "report.json"
    source.parent.mkdir()
    source.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    os.link(source, out / "report.json")  # the same file, by another name
    # Not even with --force: an input is never written over.
    assert main(["render", str(source), "-f", "json", "-o", str(out), "--force"]) == 2
    assert "not written, it is one of the inputs" in capsys.readouterr().err
    assert os.path.samefile(source, out / "report.json")
    (out / "report.json").unlink()
    (out / "report.json").symlink_to(source)
    assert main(["render", str(source), "-f", "json", "-o", str(out), "--force"]) == 2
    assert (out / "report.json").is_symlink()
    assert source.read_bytes() == SEED.read_bytes()


@posix
def test_the_command_line_goes_on_past_a_file_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (out / "zhongning-minzheng-2020.zh_CN.html").mkdir(parents=True)  # in the way
    status = main(["render", str(SEED), "-f", "html", "-f", "text", "-o", str(out), "--force"])
    captured = capsys.readouterr()
    assert status == 2
    assert "zhongning-minzheng-2020.zh_CN.html: not written: Is a directory" in captured.err
    assert "Traceback" not in captured.err
    assert sorted(p.name for p in out.iterdir()) == [
        "zhongning-minzheng-2020.en.html",
        "zhongning-minzheng-2020.en.txt",
        "zhongning-minzheng-2020.zh_CN.html",
        "zhongning-minzheng-2020.zh_CN.txt",
    ]
    (tmp_path / "file").write_bytes(b"")
    assert main(["read", str(SOURCE), "-o", str(tmp_path / "file")]) == 2
    assert "file: not a folder" in capsys.readouterr().err


def test_the_command_line_stops_quietly_when_interrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import govdisclosure.cli.commands as cli

    monkeypatch.setattr(cli, "write_atomic", _interrupt)
    assert main(["read", str(SOURCE), "-o", str(tmp_path)]) == 130
    assert capsys.readouterr().err == "govdisclosure: interrupted\n"
    assert list(tmp_path.iterdir()) == []
