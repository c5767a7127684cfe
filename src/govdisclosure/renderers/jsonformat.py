"""The JSON form as a format of the registry (see :mod:`govdisclosure.jsonio`): its
render side; :mod:`govdisclosure.readers.jsonformat` is its read side."""

from __future__ import annotations

from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.jsonio import dumps
from govdisclosure.report import AnnualReport

__all__ = ["render_json"]


def render_json(report: AnnualReport, *, locale: str, **options: Any) -> str:
    """The lossless JSON form (``.json``); the locale does not change it."""
    if options:
        raise OptionError(f"the json format takes no options, got {', '.join(options)}")
    del locale  # the JSON form holds data, not wording
    return dumps(report)
