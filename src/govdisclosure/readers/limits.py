"""The checks every reader shares (sizes, zip archives), and the limits they check,
from :mod:`govdisclosure.limits` (where each has its reason)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from govdisclosure import limits as _limits
from govdisclosure.errors import ReadError
from govdisclosure.limits import *  # noqa: F403 (every limit, re-exported)
from govdisclosure.limits import MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_RATIO, MAX_UNZIPPED_BYTES

__all__ = ["check_size", "open_zip", "read_entry"]
__all__ += _limits.__all__


def check_size(length: int, limit: int, what: str, source: str | None) -> None:
    """Refuse input longer than ``limit``."""
    if length > limit:
        raise ReadError(f"{what} is {length:,} long; the limit is {limit:,}", source=source)


def open_zip(data: bytes, source: str | None) -> zipfile.ZipFile:
    """A zip archive, refused when it is not one or when its entries could exhaust
    memory (too many, too large, or compressed too well)."""
    _check_directory(data, source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as err:
        # NotImplementedError: a zip feature (version, compression) zipfile lacks.
        raise ReadError(f"not a readable zip archive: {err}", source=source) from None
    if len(entries) > MAX_ENTRIES:
        raise ReadError(
            f"the archive holds {len(entries)} entries (limit {MAX_ENTRIES})", source=source
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > MAX_ENTRY_BYTES:
            raise ReadError(f"{entry.filename} unpacks to {entry.file_size:,} bytes", source=source)
        packed = max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and entry.file_size / packed > MAX_RATIO:
            raise ReadError(
                f"{entry.filename} is compressed {entry.file_size // packed}:1 (a zip bomb?)",
                source=source,
            )
    if total > MAX_UNZIPPED_BYTES:
        raise ReadError(f"the archive unpacks to {total:,} bytes", source=source)
    return archive


#: The end of a zip archive's central directory, and where a ZIP64 archive's is found.
_END = struct.Struct("<4s4H2LH")
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
#: The most bytes a central directory of MAX_ENTRIES entries takes (names of 1 KB at most).
_MOST_DIRECTORY_BYTES = MAX_ENTRIES * 1024


def _check_directory(data: bytes, source: str | None) -> None:
    """Refuse an archive whose central directory declares more entries, or takes more
    bytes, than a DOCX can hold: read from its end record before :mod:`zipfile` indexes
    every entry (100,000 of them take seconds). An archive without an end record is left
    for zipfile to refuse."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - _END.size - 0xFFFF))
    if at < 0 or at + _END.size > len(data):
        return
    _, _, _, _, entries, size, _, _ = _END.unpack_from(data, at)
    locator = at - _END64_LOCATOR.size
    if locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        end64 = _END64_LOCATOR.unpack_from(data, locator)[2]
        if 0 <= end64 <= len(data) - _END64.size and data[end64 : end64 + 4] == b"PK\x06\x06":
            fields = _END64.unpack_from(data, end64)
            entries, size = max(entries, fields[6]), max(size, fields[7])
    if entries > MAX_ENTRIES or size > _MOST_DIRECTORY_BYTES:
        raise ReadError(
            f"the archive declares {entries:,} entries in {size:,} bytes of directory "
            f"(limit {MAX_ENTRIES} entries)",
            source=source,
        )


def read_entry(archive: zipfile.ZipFile, name: str, source: str | None) -> bytes:
    """One entry of an archive opened with :func:`open_zip`, read within its limits."""
    info = archive.NameToInfo.get(name)
    if info is not None and info.flag_bits & 0x1:  # zipfile would raise RuntimeError
        raise ReadError(f"{name} is encrypted (a password-protected document)", source=source)
    try:
        with archive.open(name) as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except KeyError:
        raise ReadError(f"the archive has no {name}", source=source) from None
    except (
        zipfile.BadZipFile,
        zlib.error,  # a damaged deflate stream
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as err:
        raise ReadError(f"{name} cannot be unpacked: {err}", source=source) from None
    check_size(len(data), MAX_ENTRY_BYTES, name, source)
    return data
