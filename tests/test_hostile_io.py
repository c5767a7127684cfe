"""Files and streams that are not what a report is: every read stops at the limit and
refuses what is not a regular file.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import socket
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

import pytest

import govdisclosure as gd
from govdisclosure import readers
from govdisclosure.__main__ import main
from govdisclosure.errors import JSONFormatError, ReadError
from govdisclosure.jsonio import reader as json_reader
from govdisclosure.readers import limits

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
        assert main(["read", "/dev/zero", str(fifo), str(SOURCE), "-o", str(out)]) == 1
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
