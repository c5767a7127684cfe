"""What ``read``, ``render`` and ``summary`` make of each document, made where it is read
(given to the batch as ``then=``): on a pool, the workers render and summarise, and only
the bytes and the text come back to be written here, in order."""

from __future__ import annotations

from attrs import frozen

from govdisclosure.cli.notes import noted
from govdisclosure.errors import GovDisclosureError
from govdisclosure.readers import ReadResult
from govdisclosure.renderers import render
from govdisclosure.report import AnnualReport
from govdisclosure.summary import summarize

__all__ = ["Read", "Rendered", "Summarized", "rendered"]


def rendered(report: AnnualReport, fmt: str, locale: str) -> bytes:
    """``report`` rendered as the bytes of its file."""
    output = render(report, fmt, locale=locale)
    return output if isinstance(output, bytes) else output.encode("utf-8")


@frozen
class Rendered:
    """A document's report in each (format, language) of ``wanted``: the bytes of the
    file, or the library error that stopped that one (the others are written)."""

    wanted: tuple[tuple[str, str], ...]

    def __call__(self, document: ReadResult) -> tuple[bytes | GovDisclosureError, ...]:
        made: list[bytes | GovDisclosureError] = []
        for fmt, locale in self.wanted:
            try:
                made.append(rendered(document.report, fmt, locale))
            except GovDisclosureError as err:
                made.append(err)
        return tuple(made)


@frozen
class Read:
    """A document read: its report as JSON, what the reader's notes come to, and (when
    ``notes``) each note."""

    notes: bool

    def __call__(self, document: ReadResult) -> tuple[bytes, str, tuple[str, ...]]:
        said = tuple(str(note) for note in document.notes) if self.notes else ()
        return rendered(document.report, "json", "zh_CN"), noted(document), said


@frozen
class Summarized:
    """A document's summary in ``lang``."""

    lang: str

    def __call__(self, document: ReadResult) -> str:
        return summarize(document.report, self.lang)
