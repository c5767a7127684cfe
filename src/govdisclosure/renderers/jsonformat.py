"""The JSON form as a format of the registry (see :mod:`govdisclosure.jsonio`)."""

from __future__ import annotations

from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.jsonio import dumps, loads
from govdisclosure.renderers.registry import BUILTIN_EXTENSIONS
from govdisclosure.report import AnnualReport

__all__ = ["FORMAT", "JSONFormat"]


class JSONFormat:
    """The lossless JSON form (``.json``); the locale does not change it."""

    name = "json"
    extensions = BUILTIN_EXTENSIONS["json"]
    media_type = "application/json"
    binary = False

    def render(self, report: AnnualReport, *, locale: str, **options: Any) -> str:
        if options:
            raise OptionError(f"the json format takes no options, got {', '.join(options)}")
        del locale  # the JSON form holds data, not wording
        return dumps(report)

    def read(self, data: bytes | str, *, source: str | None = None, **options: Any) -> Any:
        """A report from a JSON document (exact: nothing to decide, so no notes)."""
        from govdisclosure.readers.result import ReadResult

        if options:
            raise OptionError(f"reading json takes no options, got {', '.join(options)}")
        return ReadResult(loads(data, source=source), format=self.name)


FORMAT = JSONFormat()
