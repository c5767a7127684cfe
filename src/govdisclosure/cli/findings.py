"""How ``check`` writes what it found: for people (text, as the clerk reads it) or as
data (one JSON document, JSON Lines, CSV, an Excel workbook — see
:mod:`govdisclosure.export`), to standard output or to a file, one report at a time.

Each report's part of the output is made where the report was checked — in a worker,
on a pool — by a :class:`Digester`, and only that part travels back, with the counts the
closing summary needs (a :class:`Digest`): the report, its document and its findings
would cost about as much to send between processes as to check a small report. The
sources that could not be read are written here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import partial
from typing import IO, Any

from attrs import frozen

from govdisclosure.batch import BatchItem, Checked
from govdisclosure.checker.findings import Finding, Severity
from govdisclosure.checker.listing import describe
from govdisclosure.export.findings import item_rows
from govdisclosure.export.writers import write_item_rows
from govdisclosure.pickling import compact_pickle
from govdisclosure.readers import ReadResult

__all__ = ["Digest", "Digester", "text_chunks", "write"]


@compact_pickle
@frozen
class Digest:
    """What ``check`` keeps of one report checked: how many errors and warnings it has,
    the rules of its findings (infos aside), and its part of the output, already made:
    the text the clerk reads, the JSON object, or the summary row and finding rows."""

    errors: int
    warnings: int
    rules: tuple[str, ...]
    output: Any


@frozen
class Digester:
    """Makes the :class:`Digest` of a report checked, for the output format ``fmt`` in
    the language ``locale`` (a function of a module, so that it travels to workers)."""

    fmt: str
    locale: str

    def __call__(self, checked: Checked) -> Digest:
        result = checked.result
        rules = tuple(f.rule for f in result.findings if f.severity is not Severity.INFO)
        return Digest(len(result.errors), len(result.warnings), rules, self._output(checked))

    def _output(self, checked: Checked) -> Any:
        if self.fmt == "text":
            return _text(checked, self.locale)
        if self.fmt == "json":
            return _as_data(checked)
        return item_rows(BatchItem(0, checked.source, value=checked))


def _where(document: ReadResult, locale: str, finding: Finding) -> str:
    """Where ``finding``'s cells were printed in ``document`` (the first three)."""
    places = document.locate(finding)
    shown = "、".join(ref.describe(locale) for ref in places[:3])
    return shown + ("…" if len(places) > 3 else "")


def _text(checked: Checked, locale: str) -> str:
    """A checked report as the clerk reads it."""
    document = checked.document
    where = None
    if document is not None and document.format != "json":
        where = partial(_where, document, locale)
    listing = describe(checked.result, locale=locale, where=where)
    return f"== {checked.source}\n{checked.report.title}\n{listing}\n"


def text_chunks(items: Iterable[BatchItem[Digest]]) -> Iterator[str]:
    """Each checked report's text, a blank line between; sources not read are said
    elsewhere."""
    first = True
    for item in items:
        if item.value is None:
            continue
        yield ("" if first else "\n") + item.value.output
        first = False


def _as_data(checked: Checked) -> dict[str, Any]:
    """A checked report as plain data: the report, what was found, where the document
    printed each finding's cells."""
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
        "source": checked.source,
        "status": "checked",
        "organ": report.organ,
        "year": report.year,
        "title": report.title,
        "previous": checked.previous,
        "result": result,
    }


def _data(item: BatchItem[Digest]) -> Any:
    """An item's JSON object: its digest's, or why its source could not be read."""
    if item.value is None:
        return {"source": item.source, "status": "unreadable", "error": str(item.error)}
    return item.value.output


def _json(items: Iterable[BatchItem[Digest]], out: IO[bytes]) -> None:
    """A JSON array of every source's outcome, written as each comes."""
    out.write(b"[")
    for number, item in enumerate(items):
        text = json.dumps(_data(item), ensure_ascii=False, indent=2)
        out.write((",\n" if number else "\n").encode() + text.encode("utf-8"))
    out.write(b"\n]\n")


def _rows(item: BatchItem[Digest]) -> Any:
    """An item's summary row and finding rows: its digest's, or the unreadable source's."""
    if item.value is None:
        return item_rows(BatchItem(item.index, item.source, error=item.error))
    return item.value.output


def write(fmt: str, items: Iterable[BatchItem[Digest]], out: IO[bytes], locale: str) -> None:
    """Write ``items``' findings in ``fmt`` to the binary stream ``out`` (``locale``
    names the headers of a table)."""
    if fmt == "text":
        for chunk in text_chunks(items):
            out.write(chunk.encode("utf-8"))
    elif fmt == "json":
        _json(items, out)
    else:
        headers = None if fmt == "jsonl" else ("en" if locale == "en" else "zh")
        write_item_rows((_rows(item) for item in items), out, fmt=fmt, headers=headers)
