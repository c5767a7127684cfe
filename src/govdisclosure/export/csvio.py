"""Rows as CSV, one at a time, for Excel, WPS and every CSV reader.

The dialect is RFC 4180's, which is also Excel's own: fields separated by commas, quoted
with double quotes when they hold a comma, a quote or a line break (a quote inside is
doubled), and records ended by CRLF (``\\r\\n``). The text is UTF-8 with a byte order mark
before it: without the mark, Excel and WPS on a Chinese Windows read a CSV file as GBK and
show the Chinese as mojibake; every CSV reader of note skips it (Python's ``utf-8-sig``,
pandas, R's ``readr``).

A number is written as its digits (an amount exactly as it is, never in exponent form), a
missing value as an empty field; a text that can come from a document is neutralised
(:mod:`govdisclosure.export.injection`), so that no spreadsheet takes it for a formula.

>>> import codecs, io
>>> from govdisclosure.export.columns import Column, INT
>>> out = io.BytesIO()
>>> write_csv(out, (Column("organ", "机关", "organ"), Column("year", "年度", "year", INT)),
...           [("=1+2", 2020), ("某局, 办公室", None)])
2
>>> data = out.getvalue()
>>> data[:3] == codecs.BOM_UTF8, data.decode("utf-8-sig").split("\\r\\n")
(True, ['organ,year', "'=1+2,2020", '"某局, 办公室",', ''])
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import IO, Any

from govdisclosure.export.columns import MONEY, RATE, TEXT, VALUE, Column
from govdisclosure.export.injection import neutralise

__all__ = ["plain_number", "spelling", "write_csv"]


def plain_number(amount: Decimal) -> str:
    """An exact amount as digits and a point, never in exponent form ("1E-7").

    >>> [plain_number(Decimal(text)) for text in ("1E-7", "6165711", "-1.50")]
    ['0.0000001', '6165711', '-1.50']
    """
    return format(amount, "f")


def spelling() -> dict[str, Callable[[Any], Any]]:
    """How a row builder spells texts from documents and amounts for CSV (the keywords
    of :func:`~govdisclosure.export.records.record_rows`)."""
    return {"text": neutralise, "amount": plain_number}


def _value(value: Any) -> Any:
    # A figure of a finding or a cell: a number as it is, an amount in plain digits, a
    # text (a date, a mark) neutralised.
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, str):
        return neutralise(value)
    return value


def _fixes(columns: Sequence[Column]) -> list[tuple[int, Callable[[Any], Any]]]:
    """What each column needs before the csv module writes it (the rest it writes as it
    is: ints as digits, None as nothing)."""
    fixes: list[tuple[int, Callable[[Any], Any]]] = []
    for index, column in enumerate(columns):
        if column.type in (VALUE, MONEY, RATE):
            fixes.append((index, _value))
        elif column.type == TEXT and not column.trusted:
            fixes.append((index, neutralise))
    return fixes


def write_csv(
    out: IO[bytes],
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    headers: str = "keys",
    *,
    spelled: bool = False,
) -> int:
    """Write a header row (see :meth:`Column.header`) and ``rows`` (in the order of
    ``columns``) to the binary stream ``out``, one row at a time; the number of rows.
    ``spelled=True`` says that the rows' texts from documents are neutralised and their
    amounts plain numbers already (:func:`spelling`), as the records' rows can be made:
    then each row goes to the csv module as it is."""
    out.write(codecs.BOM_UTF8)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    count = 0
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([column.header(headers) for column in columns])
        fixes = [] if spelled else _fixes(columns)
        for row in rows:
            if fixes:
                fixed = list(row)
                for index, fix in fixes:
                    value = fixed[index]
                    if value is not None:
                        fixed[index] = fix(value)
                writer.writerow(fixed)
            else:
                writer.writerow(row)
            count += 1
    finally:
        text.detach()  # flushed; the stream stays open, its owner's to close
    return count
