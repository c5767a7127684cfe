"""What the exports take: reports, in the forms the rest of the library gives them.

Tables as data take anything that holds a report — an
:class:`~govdisclosure.report.AnnualReport`, a reader's
:class:`~govdisclosure.readers.result.ReadResult`, a checked
:class:`~govdisclosure.batch.items.Checked`, or a batch's
:class:`~govdisclosure.batch.items.BatchItem` of one of them (whose ``source`` names the
file) — one at a time or any number of them. Findings take checked reports: ``Checked``
or ``BatchItem[Checked]``, where an item that could not be read is a row of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from govdisclosure.batch.items import BatchItem, Checked
from govdisclosure.errors import OptionError
from govdisclosure.report import AnnualReport

__all__ = ["checked_items", "reports_of"]


def _one_or_many(items: Any, single: tuple[type, ...]) -> Iterable[Any]:
    if isinstance(items, single) or hasattr(items, "report"):
        return (items,)
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise OptionError(f"expected reports or an iterable of them, got {type(items).__name__}")
    return items


def _report_of(value: Any, number: int) -> AnnualReport:
    if isinstance(value, AnnualReport):
        return value
    report = getattr(value, "report", None)
    if isinstance(report, AnnualReport):
        return report
    raise OptionError(
        f"item {number} is a {type(value).__name__}: expected an AnnualReport, or what "
        "holds one (a ReadResult, a Checked, a BatchItem of either)"
    )


def reports_of(items: Any) -> Iterator[tuple[str | None, AnnualReport]]:
    """Each report of ``items`` (one, or an iterable) with the source it came from
    (``None`` when nothing names one), lazily, in order. A ``BatchItem`` that holds an
    error has no report and is passed over: the findings' exports list it."""
    for number, item in enumerate(_one_or_many(items, (AnnualReport, BatchItem))):
        if isinstance(item, BatchItem):
            if item.error is None:
                yield item.source, _report_of(item.value, number)
            continue
        source = getattr(item, "source", None)
        yield source if isinstance(source, str) else None, _report_of(item, number)


def checked_items(items: Any) -> Iterator[BatchItem[Checked]]:
    """Each item of ``items`` (one, or an iterable) as a ``BatchItem[Checked]``, lazily,
    in order: a ``Checked`` given alone becomes an item of its own source."""
    for number, item in enumerate(_one_or_many(items, (Checked, BatchItem))):
        if isinstance(item, Checked):
            yield BatchItem(number, item.source, value=item)
        elif isinstance(item, BatchItem) and (
            item.error is not None or isinstance(item.value, Checked)
        ):
            yield item
        else:
            held = type(item.value if isinstance(item, BatchItem) else item).__name__
            raise OptionError(
                f"item {number} holds a {held}: findings are exported from checked reports "
                "(Checked, or the BatchItem[Checked] that validate_many gives)"
            )
