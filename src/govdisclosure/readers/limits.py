"""The checks every reader shares (sizes, zip archives), and the limits they check,
from :mod:`govdisclosure.limits` (where each has its reason)."""

from __future__ import annotations

import io
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


def read_entry(archive: zipfile.ZipFile, name: str, source: str | None) -> bytes:
    """One entry of an archive opened with :func:`open_zip`, read within its limits."""
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
