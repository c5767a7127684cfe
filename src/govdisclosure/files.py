"""Every file the library and its command line read goes through here.

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
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from typing import Any, Final

from govdisclosure.errors import ReadError

__all__ = ["read_file", "read_stream"]

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
