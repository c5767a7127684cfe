"""Zip archives whose bytes depend on what they hold alone: every entry is stamped with
the same time (the earliest a zip file can hold), deflated at zlib's default level, and
carries no attributes of the machine that wrote it. The same document then writes the
same bytes every time and everywhere: the DOCX renderer and the Excel exports write
through it.

>>> import io, zipfile
>>> def archive() -> bytes:
...     out = io.BytesIO()
...     with StableZipFile(out) as zipped:
...         zipped.writestr("a.xml", "<a/>")
...     return out.getvalue()
>>> archive() == archive(), zipfile.ZipFile(io.BytesIO(archive())).getinfo("a.xml").date_time
(True, (1980, 1, 1, 0, 0, 0))
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Iterable
from typing import IO, Any, Final

__all__ = ["STAMP", "StableZipFile", "entry", "zip_bytes"]

#: The time every entry is stamped with: the earliest a zip file holds.
STAMP: Final = (1980, 1, 1, 0, 0, 0)
#: Files are copied into the archive in pieces this large.
_PIECE: Final = 1024 * 1024


def entry(name: str) -> zipfile.ZipInfo:
    """The header of the entry ``name``: the fixed time, deflated, no host attributes."""
    info = zipfile.ZipInfo(name, date_time=STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0
    return info


class StableZipFile(zipfile.ZipFile):
    """A zip file being written whose every entry is stamped as :func:`entry` says,
    whoever writes it: a library that writes its archive through ``writestr`` and
    ``write`` (openpyxl does) writes stable bytes without knowing it. ``write`` copies
    the file in pieces, never whole in memory."""

    def __init__(self, file: str | os.PathLike[str] | IO[bytes]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = (
            zinfo_or_arcname.filename
            if isinstance(zinfo_or_arcname, zipfile.ZipInfo)
            else zinfo_or_arcname
        )
        super().writestr(entry(name), data)

    def write(
        self,
        filename: Any,
        arcname: Any = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
        **_: Any,
    ) -> None:
        name = os.fspath(arcname if arcname is not None else os.path.basename(filename))
        info = entry(name)
        # The size decides whether the entry needs ZIP64 headers before it is written.
        info.file_size = os.path.getsize(filename)
        # The writing library's own temporary file (an openpyxl sheet), not a document.
        with open(filename, "rb") as source, self.open(info, "w") as target:
            shutil.copyfileobj(source, target, _PIECE)


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """The entries (name, content), in their order, as a stable archive (what an Office
    file is packed as).

    >>> zip_bytes([("a.xml", b"<a/>")]) == zip_bytes([("a.xml", b"<a/>")])
    True
    """
    out = io.BytesIO()
    with StableZipFile(out) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()
