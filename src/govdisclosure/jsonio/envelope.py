"""The envelope of the JSON form: the format's name and version, and where the tables go."""

from __future__ import annotations

from typing import Final

from govdisclosure.tables import ApplicationTable, ProactiveTable, ReviewTable

__all__ = ["FORMAT", "FORMAT_VERSION", "TABLE_FIELDS"]

#: The name of the format, in the envelope's ``format`` key.
FORMAT: Final = "govdisclosure-annual-report"
#: The version of the JSON form (not of the report's edition).
FORMAT_VERSION: Final = 1

#: The report fields that hold the tables, with their types, in document order.
TABLE_FIELDS: Final = (
    ("proactive", ProactiveTable),
    ("applications", ApplicationTable),
    ("reviews", ReviewTable),
)
