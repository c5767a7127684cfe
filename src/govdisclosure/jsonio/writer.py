"""Writing the JSON form: :func:`to_dict`, :func:`dumps` and :func:`dump`.

The text is deterministic: UTF-8 (not ASCII-escaped), keys in the order the model
declares its fields, two-space indent, a table row or a paragraph per line, and a
trailing newline.
"""

from __future__ import annotations

import json
import os
from typing import IO, Any

from govdisclosure.errors import ReportValueError, translatable as _
from govdisclosure.files import write_atomic
from govdisclosure.jsonio.envelope import Document
from govdisclosure.jsonio.fields import codec_for
from govdisclosure.report import AnnualReport

__all__ = ["dump", "dumps", "to_dict"]


def dumps(report: AnnualReport) -> str:
    """The JSON document of ``report``: UTF-8 text (not ASCII-escaped), fixed key order,
    two-space indent, a table row per line, and a trailing newline."""
    if not isinstance(report, AnnualReport):
        raise ReportValueError(_("应为 AnnualReport，实际为 {value!r}", value=report))
    return codec_for(Document).encode(Document.of(report), "") + "\n"


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """The JSON document of ``report`` as plain Python data: exactly what :func:`dumps`
    writes, decoded.

    >>> import govdisclosure as gd
    >>> gd.to_dict(gd.AnnualReport(organ="某县统计局", year=2022))["report"]["year"]
    2022
    """
    return json.loads(dumps(report))  # type: ignore[no-any-return]


def dump(report: AnnualReport, target: str | os.PathLike[str] | IO[str]) -> None:
    """Write ``report`` as JSON to a path (UTF-8) or an open text file. A file at a path
    is written whole or not at all, with the mode the user's umask gives a new file (see
    :func:`govdisclosure.files.write_atomic`): when the write fails, with an
    :class:`OSError`, what was there is left as it was."""
    text = dumps(report)
    if isinstance(target, (str, os.PathLike)):
        write_atomic(target, text.encode("utf-8"))
    else:
        target.write(text)
