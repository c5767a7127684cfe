"""Every file the library and its command line read or write goes through here.

Reading (:func:`read_file`, :func:`read_stream`) takes a document that may be hostile:

* only a regular file is read (a symbolic link to one is followed). A directory, a
  device (``/dev/zero`` never ends), a FIFO (which would block until something writes to
  it) or a socket is refused with a :class:`~govdisclosure.errors.ReadError` that says
  what the path is. The path is looked at before it is opened, and opened without
  blocking and checked again, so that a FIFO put in its place meanwhile never blocks;
* no more than the limit and one byte is ever read, from a file or a stream (a text
  stream: characters), and a longer one is refused: nothing is read whole and then
  measured;
* whatever goes wrong (the file cannot be opened, the stream raises :class:`OSError` or
  gives something other than bytes or text) ends in a ``ReadError``.

Writing (:func:`write_atomic`, and :func:`write_atomic_with` for what is written piece by
piece, never held whole in memory) puts a file in place whole or not at all, whatever
happens meanwhile (a full disk, a file-size limit, an exception, a ``SIGKILL``):

* the data goes to a temporary that nobody sees: on Linux an unnamed file in the target's
  folder (``O_TMPFILE``), given a hidden name only once it is written and synced, and
  renamed onto the target at once, so that the named temporary exists for microseconds.
  Elsewhere, or on a file system without unnamed files, it is a hidden file in the same
  folder (``.govdisclosure-<host>-<pid>-<random>.part``), removed on any exception; one
  left behind by a process that was killed (its process id is gone) is removed by the
  next write into that folder;
* the file is synced before it is renamed, and the folder after, where the system allows;
* the new file gets the mode the user's umask (or the folder's default ACL) gives a new
  file, ``0o666`` less the umask, as any program creating a file does: the mode is the
  ``O_CREAT`` argument, so the umask is never changed, not even for a moment. A file it
  replaces does not pass its mode on: every write makes a new file;
* a symbolic link at the target is replaced by the file (what it pointed to is left
  alone), as ``os.replace`` does; nothing is ever written through a link.

A write that fails raises the :class:`OSError` that made it fail, and leaves what was at
the target as it was.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import stat
import zlib
from collections.abc import Callable
from typing import IO, Any, Final

from govdisclosure.errors import ReadError

__all__ = ["read_file", "read_stream", "write_atomic", "write_atomic_with"]

#: What a path is when it is not a regular file, tested in this order.
_KINDS: Final[tuple[tuple[Callable[[int], bool], str], ...]] = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (a named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)
#: Flags that exist on some systems only (0 elsewhere): a FIFO opens without waiting for
#: a writer, a terminal never becomes the controlling one, Windows writes bytes as given.
_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_NOCTTY: Final = getattr(os, "O_NOCTTY", 0)
_BINARY: Final = getattr(os, "O_BINARY", 0)
_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)
#: Read in pieces this large once the file has given more than its size said.
_CHUNK: Final = 1024 * 1024


def _refuse_unless_regular(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    what = next((what for test, what in _KINDS if test(mode)), "something else")
    raise ReadError(f"not read: it is {what}, not a regular file", source=name)


def _too_long(what: str, unit: str, limit: int, name: str | None, size: int | None) -> ReadError:
    said = f"{size:,} {unit} long" if size is not None else f"longer than {limit:,} {unit}"
    return ReadError(f"{what} is {said}; the limit is {limit:,}", source=name)


def read_file(name: str, limit: int) -> bytes:
    """The bytes of the regular file ``name``, at most ``limit`` of them (see the
    module's documentation); a :class:`~govdisclosure.errors.ReadError` otherwise."""
    try:
        # Looked at before it is opened: opening a device can have effects of its own.
        _refuse_unless_regular(os.stat(name).st_mode, name)
        descriptor = os.open(name, os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY | _CLOEXEC)
    except OSError as err:
        raise ReadError(f"cannot read the file: {err.strerror or err}", source=name) from None
    try:
        # Again: the path may have been replaced by something else meanwhile.
        status = os.fstat(descriptor)
        _refuse_unless_regular(status.st_mode, name)
        if _NONBLOCK:
            os.set_blocking(descriptor, True)  # a regular file: blocking is what it means
        if status.st_size > limit:
            raise _too_long("the file", "bytes", limit, name, status.st_size)
        # A file in /proc says it has 0 bytes: its size only decides the first read.
        chunks: list[bytes] = []
        total = 0
        wanted = status.st_size + 1
        while total <= limit:
            chunk = os.read(descriptor, min(wanted, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            wanted = _CHUNK
    except OSError as err:
        raise ReadError(f"cannot read the file: {err.strerror or err}", source=name) from None
    finally:
        os.close(descriptor)
    if total > limit:
        raise _too_long("the file", "bytes", limit, name, None)
    # One piece (the usual case) is returned as it is, not copied.
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_stream(stream: Any, limit: int, name: str | None) -> bytes | str:
    """What the open ``stream`` holds, bytes or text, at most ``limit`` bytes or
    characters of it (see the module's documentation); a
    :class:`~govdisclosure.errors.ReadError` otherwise. ``name`` names the stream in
    messages."""
    read = stream.read
    pieces: list[Any] = []
    kind: type | None = None
    total = 0
    while total <= limit:
        try:
            piece = read(limit + 1 - total)
        except (OSError, ValueError) as err:  # ValueError: closed, or text not decodable
            raise ReadError(f"cannot read the stream: {err}", source=name) from None
        if isinstance(piece, str):
            got: type = str
        elif isinstance(piece, (bytes, bytearray)):
            got = bytes
        elif piece is None:
            raise ReadError("the stream has nothing to read yet (it does not block)", source=name)
        else:
            raise ReadError(
                f"the stream gave neither bytes nor text but {type(piece).__name__}", source=name
            )
        if kind is not None and got is not kind:
            raise ReadError("the stream gave both bytes and text", source=name)
        kind = got
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    if total > limit:
        unit = "characters" if kind is str else "bytes"
        raise _too_long("the stream", unit, limit, name, None)
    if kind is str:
        return "".join(pieces)
    if len(pieces) == 1 and type(pieces[0]) is bytes:
        return pieces[0]
    return b"".join(pieces)


# --- writing ------------------------------------------------------------------------------

#: The hidden temporaries of the named way, with the process id that writes each. The
#: host's tag keeps a process of another machine (or container) sharing the folder from
#: having its temporary taken for one whose process is gone.
_NODE: Final = os.uname().nodename if hasattr(os, "uname") else ""
_HOST: Final = f"{zlib.crc32(_NODE.encode('utf-8', 'replace')):08x}"
_TEMPORARY: Final = re.compile(rf"\.govdisclosure-{_HOST}-(\d{{1,10}})-[0-9a-f]{{16}}\.part\Z")
#: Where Linux shows the files a process holds open, by descriptor.
_PROC_FD: Final = "/proc/self/fd"


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Put ``data`` at ``path``, whole or not at all (see the module's documentation);
    the :class:`OSError` that made it fail otherwise, what was there left as it was."""
    _put(path, functools.partial(_fill_with, data))


def write_atomic_with(path: str | os.PathLike[str], produce: Callable[[IO[bytes]], object]) -> None:
    """Put at ``path`` what ``produce`` writes to the binary file it is given, piece by
    piece: nothing is held whole in memory, and the file is put in place whole or not at
    all, as by :func:`write_atomic` (an exception ``produce`` raises leaves what was at
    ``path`` as it was, and is raised).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "rows.txt"
    >>> write_atomic_with(path, lambda out: [out.write(b"row %d\\n" % n) for n in range(3)])
    >>> path.read_bytes()
    b'row 0\\nrow 1\\nrow 2\\n'
    """
    _put(path, functools.partial(_fill_from, produce))


def _put(path: str | os.PathLike[str], fill: Callable[[int], None]) -> None:
    """Put at ``path`` what ``fill`` writes to the descriptor it is given (and syncs)."""
    target = os.fspath(path)
    folder = os.path.dirname(target) or os.curdir
    _sweep(folder)
    if not _write_unnamed(folder, target, fill):
        _write_named(folder, target, fill)
    _sync_folder(folder)


def _fill_with(data: bytes, descriptor: int) -> None:
    _write_all(descriptor, data)
    os.fsync(descriptor)


class _Descriptor(io.RawIOBase):
    """A descriptor as a raw binary file that writes through :func:`_write_all` (never
    closing the descriptor: its owner does). It can seek, as the regular file it is: a
    zip archive goes back to write each entry's sizes in its header."""

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return os.lseek(self._descriptor, offset, whence)

    def tell(self) -> int:
        return os.lseek(self._descriptor, 0, os.SEEK_CUR)

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        _write_all(self._descriptor, view)
        return len(view)


def _fill_from(produce: Callable[[IO[bytes]], object], descriptor: int) -> None:
    out = io.BufferedWriter(_Descriptor(descriptor), buffer_size=_CHUNK)
    try:
        produce(out)
        out.flush()
    finally:
        # Closed here, not when collected: by then the descriptor is closed. What a failed
        # ``produce`` left in the buffer goes to a temporary that is dropped anyway.
        with contextlib.suppress(OSError, ValueError):
            out.close()
    os.fsync(descriptor)


def _hidden(folder: str) -> str:
    return os.path.join(folder, f".govdisclosure-{_HOST}-{os.getpid()}-{os.urandom(8).hex()}.part")


def _write_all(descriptor: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        if written <= 0:  # pragma: no cover (a regular file writes or raises)
            raise OSError(f"wrote nothing of {len(view)} bytes")
        view = view[written:]


def _copy(source: int, descriptor: int) -> None:
    """Write what the file open as ``source`` holds to ``descriptor``, piece by piece."""
    offset = 0
    while chunk := os.pread(source, _CHUNK, offset):
        _write_all(descriptor, chunk)
        offset += len(chunk)
    os.fsync(descriptor)


def _write_unnamed(folder: str, target: str, fill: Callable[[int], None]) -> bool:
    """Write by way of an unnamed file, as Linux allows; ``False`` where it does not."""
    unnamed = getattr(os, "O_TMPFILE", None)
    if unnamed is None or not os.path.isdir(_PROC_FD):
        return False
    try:
        # Readable too: if it cannot be named, what it holds is copied (below).
        descriptor = os.open(folder, unnamed | os.O_RDWR | _CLOEXEC, 0o666)
    except OSError:
        # The file system has no unnamed files (or the folder cannot be written to: the
        # named way then says so).
        return False
    hidden = _hidden(folder)
    linked = False
    try:
        try:
            fill(descriptor)
            # Named only now, whole and synced; then at once renamed onto the target.
            try:
                _name(descriptor, hidden)
            except OSError:
                # It cannot be named here: what it holds goes the named way, copied (what
                # was written may have come from a stream, which cannot be read twice).
                _write_named(folder, target, functools.partial(_copy, descriptor))
                return True
            linked = True
        finally:
            os.close(descriptor)
        os.replace(hidden, target)
    except BaseException:
        if linked:
            _remove(hidden)
        raise
    return True


def _name(descriptor: int, name: str) -> None:
    """Give the unnamed file open as ``descriptor`` the ``name``: a link to what
    ``/proc/self/fd/N`` points to (``linkat`` with ``AT_SYMLINK_FOLLOW``: ``os.link``
    takes that way only when given a folder's descriptor)."""
    folder = os.open(_PROC_FD, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC)
    try:
        os.link(str(descriptor), name, src_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _write_named(folder: str, target: str, fill: Callable[[int], None]) -> None:
    """Write by way of a hidden file in ``folder``, removed whatever fails."""
    hidden = _hidden(folder)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY | _CLOEXEC
    descriptor = os.open(hidden, flags, 0o666)
    try:
        try:
            fill(descriptor)
        finally:
            os.close(descriptor)
        os.replace(hidden, target)
    except BaseException:
        _remove(hidden)
        raise


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _sync_folder(folder: str) -> None:
    """Make the rename last (POSIX: sync the folder; elsewhere there is no way)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _sweep(folder: str) -> None:
    """Remove the temporaries of this host's processes that are gone (killed mid-write)."""
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        found = _TEMPORARY.match(name)
        if found is not None and not _alive(int(found[1])):
            _remove(os.path.join(folder, name))


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs (one of another user's counts)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # PermissionError: someone else's process
        return True
    return True
