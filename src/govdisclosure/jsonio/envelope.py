"""The envelope of the JSON form: the format's name and version, then the report::

{"format": "govdisclosure-annual-report", "format_version": 1, "report": {...}}
"""

from __future__ import annotations

from typing import Any, Final

from attrs import field, frozen

from govdisclosure.errors import ReportValueError, translatable as _
from govdisclosure.report import AnnualReport

__all__ = ["FORMAT", "FORMAT_VERSION", "Document"]

#: The name of the format, in the envelope's ``format`` key.
FORMAT: Final = "govdisclosure-annual-report"
#: The version of the JSON form (not of the report's edition).
FORMAT_VERSION: Final = 1


def _check_format(_instance: object, _attribute: object, value: Any) -> None:
    if value != FORMAT or type(value) is not str:
        raise ReportValueError(
            _("应为 {format!r}，实际为 {value!r}", format=FORMAT, value=value), at=("format",)
        )


def _check_version(_instance: object, _attribute: object, value: Any) -> None:
    if value != FORMAT_VERSION or type(value) is not int:
        raise ReportValueError(
            _(
                "此版本的 govdisclosure 读取 format_version {version}，实际为 {value}",
                version=FORMAT_VERSION,
                value=repr(value),
            ),
            at=("format_version",),
        )


def _check_report(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, AnnualReport):
        raise ReportValueError(
            _("应为 AnnualReport，实际为 {value!r}", value=value), at=("report",)
        )


@frozen
class Document:
    """A JSON document of the form: the envelope around one report."""

    format: str = field(validator=_check_format, metadata={"json": {"schema": {"const": FORMAT}}})
    format_version: int = field(
        validator=_check_version, metadata={"json": {"schema": {"const": FORMAT_VERSION}}}
    )
    report: AnnualReport = field(validator=_check_report)

    @classmethod
    def of(cls, report: AnnualReport) -> Document:
        """The document of ``report`` in this version of the format."""
        return cls(FORMAT, FORMAT_VERSION, report)
