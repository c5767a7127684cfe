"""What an Office file (DOCX, XLSX) says about itself besides its content, from the
report alone: the facts its printed text does not state, as custom document properties
that the readers read back, and the time it is stamped with (never the clock's, so that
the same report makes the same bytes).

>>> import govdisclosure as gd
>>> report = gd.examples.load("zhongning-minzheng-2020")
>>> report_properties(report)
{'govdisclosure.organ_kind': 'department', 'govdisclosure.scope': '{"kind":"own","organs":[]}'}
>>> document_time(report.year, report.published).isoformat()
'2021-01-01T00:00:00+00:00'
"""

from __future__ import annotations

import datetime as dt
import json

from govdisclosure.report import AnnualReport

__all__ = ["ORGAN_KIND_PROPERTY", "SCOPE_PROPERTY", "document_time", "report_properties"]

#: The custom document properties this library writes (and its readers read back).
ORGAN_KIND_PROPERTY = "govdisclosure.organ_kind"
SCOPE_PROPERTY = "govdisclosure.scope"


def report_properties(report: AnnualReport) -> dict[str, str]:
    """The facts of ``report`` that its printed text does not state, as the custom
    document properties the DOCX and XLSX readers read back: the kind of organ (empty
    when the report does not say) and the scope, as JSON."""
    scope = {"kind": report.scope.kind.value, "organs": list(report.scope.organs)}
    return {
        ORGAN_KIND_PROPERTY: report.organ_kind.value if report.organ_kind else "",
        SCOPE_PROPERTY: json.dumps(scope, ensure_ascii=False, separators=(",", ":")),
    }


def document_time(year: int, published: dt.date | None) -> dt.datetime:
    """When a document of the report for ``year`` was made, as its properties say: the
    day it was published, else the first day after its year (the calendar's last day
    for a year 9999), at midnight UTC."""
    when = published or dt.date(min(year + 1, dt.MAXYEAR), 1, 1)
    return dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
