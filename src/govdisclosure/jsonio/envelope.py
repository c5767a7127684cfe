"""The envelope of the JSON form: the format's name and version, and where the tables go."""

from __future__ import annotations

from typing import Any, Final

from govdisclosure.tables import ApplicationTable, CellTable, ProactiveTable, ReviewTable

__all__ = [
    "CONTACT_KEYS",
    "DOCUMENT_KEYS",
    "FORMAT",
    "FORMAT_VERSION",
    "OVERVIEW_KEYS",
    "PERIOD_KEYS",
    "PREAMBLE_KEYS",
    "REPORT_KEYS",
    "SCOPE_KEYS",
    "SPAN_KEYS",
    "SUBSECTION_KEYS",
    "TABLE_FIELDS",
    "WEBSITE_KEYS",
]

#: The name of the format, in the envelope's ``format`` key.
FORMAT: Final = "govdisclosure-annual-report"
#: The version of the JSON form (not of the report's edition).
FORMAT_VERSION: Final = 1

#: The report fields that hold the tables, with their types, in document order.
TABLE_FIELDS: Final[tuple[tuple[str, type[CellTable[Any, Any]]], ...]] = (
    ("proactive", ProactiveTable),
    ("applications", ApplicationTable),
    ("reviews", ReviewTable),
)

# The keys of each object of the document, in the order dumps writes them: the writer
# prints from these, and the reader's fast path accepts an object whose keys are exactly
# these, in this order (anything else goes through the reader's key-by-key checks).
DOCUMENT_KEYS: Final = ("format", "format_version", "report")
REPORT_KEYS: Final = (
    "organ",
    "year",
    "edition",
    "scope",
    "organ_kind",
    "published",
    "title",
    "preamble",
    "overview",
    *(name for name, _ in TABLE_FIELDS),
    "problems",
    "other_matters",
)
SCOPE_KEYS: Final = ("kind", "organs")
PREAMBLE_KEYS: Final = ("paragraphs", "legal_basis", "period", "website", "contact")
PERIOD_KEYS: Final = ("start", "end")
WEBSITE_KEYS: Final = ("name", "url")
CONTACT_KEYS: Final = ("office", "address", "postcode", "phone", "email")
OVERVIEW_KEYS: Final = ("intro", "subsections")
SUBSECTION_KEYS: Final = ("title", "run_in", "paragraphs")
SPAN_KEYS: Final = ("text", "bold")
