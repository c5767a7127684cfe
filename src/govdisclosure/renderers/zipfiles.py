"""Zip archives that are the same bytes for the same content, every time: what an Office
file (DOCX, XLSX) is packed as.

Every entry gets the same time (the earliest a zip file holds), no file system's
attributes, and the same compression, in the order given; nothing of the clock or of the
machine goes into the archive.

>>> first = zip_bytes([("a.xml", b"<a/>"), ("b.xml", b"<b/>")])
>>> first == zip_bytes([("a.xml", b"<a/>"), ("b.xml", b"<b/>")]), first[:2]
(True, b'PK')
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

__all__ = ["ZIP_TIME", "zip_bytes"]

#: Every entry of an archive is stamped with this time (the earliest a zip file holds).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """The entries (name, content), in their order, as a deflated zip archive with fixed
    times and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return out.getvalue()
