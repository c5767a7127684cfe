"""Zip entries deflated once and copied into every package that holds them.

The parts of a DOCX that do not change from one report to the next (styles, settings,
font table, footers, relationships) are most of the deflating a render would do. They
are written once through :class:`~govdisclosure.stablezip.StableZipFile`, and what it
wrote for them (the local header and the deflated data, and the central directory's
record) is copied into each package: the bytes are those zipfile writes, by
construction.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from govdisclosure.stablezip import StableZipFile

__all__ = ["Packed", "packed", "zip_packed"]


@dataclass(frozen=True)
class Packed:
    """An entry as a stable zip holds it: its record and its bytes (header and data)."""

    info: zipfile.ZipInfo
    local: bytes


def packed(name: str, data: bytes) -> Packed:
    """The entry ``name`` holding ``data``, deflated now."""
    out = io.BytesIO()
    with StableZipFile(out) as archive:
        archive.writestr(name, data)
        # Before the archive closes, all it has written is the entry.
        return Packed(copy.copy(archive.getinfo(name)), out.getvalue())


def zip_packed(entries: Iterable[tuple[str, bytes] | Packed]) -> bytes:
    """The entries, in their order, as :func:`~govdisclosure.stablezip.zip_bytes` writes
    them: those :class:`Packed` copied, the others deflated."""
    out = io.BytesIO()
    with StableZipFile(out) as archive:
        for item in entries:
            if not isinstance(item, Packed):
                archive.writestr(*item)
                continue
            info = copy.copy(item.info)
            info.header_offset = out.tell()
            out.write(item.local)
            archive.filelist.append(info)
            archive.NameToInfo[info.filename] = info
            # Where zipfile writes its next entry, and whether it writes a directory.
            archive.start_dir = out.tell()
            archive._didModify = True  # type: ignore[attr-defined]
    return out.getvalue()
