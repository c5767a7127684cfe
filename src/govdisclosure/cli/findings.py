"""How ``check`` writes what it found: for people (text, as the clerk reads it) or as
data (one JSON document, JSON Lines, CSV, an Excel workbook — see
:mod:`govdisclosure.export`), to standard output or to a file, one report at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import partial
from typing import IO, Any

from govdisclosure.batch import BatchItem, Checked
from govdisclosure.checker.findings import Finding
from govdisclosure.checker.listing import describe
from govdisclosure.export import write_findings
from govdisclosure.readers import ReadResult

__all__ = ["text_chunks", "write"]


def _where(document: ReadResult, locale: str, finding: Finding) -> str:
    """Where ``finding``'s cells were printed in ``document`` (the first three)."""
    places = document.locate(finding)
    shown = "、".join(ref.describe(locale) for ref in places[:3])
    return shown + ("…" if len(places) > 3 else "")


def text_chunks(items: Iterable[BatchItem[Checked]], locale: str) -> Iterator[str]:
    """Each checked report as the clerk reads it; sources not read are said elsewhere."""
    first = True
    for item in items:
        if item.value is None:
            continue
        checked = item.value
        document = checked.document
        where = None
        if document is not None and document.format != "json":
            where = partial(_where, document, locale)
        listing = describe(checked.result, locale=locale, where=where)
        yield ("" if first else "\n") + f"== {item.source}\n{checked.report.title}\n{listing}\n"
        first = False


def _as_data(item: BatchItem[Checked]) -> dict[str, Any]:
    """One source's outcome as plain data: its report, what was found, where the
    document printed each finding's cells; or why it could not be read."""
    if item.value is None:
        return {"source": item.source, "status": "unreadable", "error": str(item.error)}
    checked = item.value
    result = checked.result.to_dict()
    document = checked.document
    if document is not None and document.format != "json":
        for data, finding in zip(
            [*result["findings"], *result["unchecked"]],
            [*checked.result.findings, *checked.result.unchecked],
            strict=True,
        ):
            data["printed_at"] = [str(ref) for ref in document.locate(finding)]
    report = checked.report
    return {
        "source": item.source,
        "status": "checked",
        "organ": report.organ,
        "year": report.year,
        "title": report.title,
        "previous": checked.previous,
        "result": result,
    }


def _json(items: Iterable[BatchItem[Checked]], out: IO[bytes]) -> None:
    """A JSON array of every source's outcome, written as each comes."""
    out.write(b"[")
    for number, item in enumerate(items):
        text = json.dumps(_as_data(item), ensure_ascii=False, indent=2)
        out.write((",\n" if number else "\n").encode() + text.encode("utf-8"))
    out.write(b"\n]\n")


def write(fmt: str, items: Iterable[BatchItem[Checked]], out: IO[bytes], locale: str) -> None:
    """Write ``items``' findings in ``fmt`` to the binary stream ``out``."""
    if fmt == "text":
        for chunk in text_chunks(items, locale):
            out.write(chunk.encode("utf-8"))
    elif fmt == "json":
        _json(items, out)
    else:
        headers = None if fmt == "jsonl" else ("en" if locale == "en" else "zh")
        write_findings(items, out, fmt=fmt, headers=headers)
