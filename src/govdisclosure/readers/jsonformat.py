"""The JSON form as a format of the registry (see :mod:`govdisclosure.jsonio`): its
read side; :mod:`govdisclosure.renderers.jsonformat` is its render side.

>>> import govdisclosure as gd
>>> result = read_json(gd.examples.path("zhongning-minzheng-2020.json").read_bytes())
>>> result.report.organ, result.format, result.notes
('中宁县民政局', 'json', ())
"""

from __future__ import annotations

from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.jsonio import loads
from govdisclosure.readers.result import ReadResult

__all__ = ["read_json"]


def read_json(data: bytes | str, *, source: str | None = None, **options: Any) -> ReadResult:
    """A report from a JSON document (exact: nothing to decide, so no notes)."""
    if options:
        raise OptionError(f"reading json takes no options, got {', '.join(options)}")
    return ReadResult(loads(data, source=source), format="json")
