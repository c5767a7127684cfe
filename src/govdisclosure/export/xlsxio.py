"""Rows as an Excel workbook, written as they come (openpyxl's write-only mode keeps
each sheet in a temporary file, never in memory), with the same bytes every time.

Each sheet has its header row in bold and frozen, an autofilter over its rows, and
column widths from the columns. A sheet holds at most 1,048,576 rows, Excel's limit:
the rows beyond go on to a sheet of the same name numbered "(2)", "(3)", … with the same
header, never dropped.

Values keep their type. A number is a number cell when Excel can hold it exactly (a
count below 10^15, an amount its 15 digits hold); a figure Excel would round is written
as a text cell with its exact digits, never rounded. A text is always a text cell: one
that Excel could take for a formula or an error (``=``, ``+``, ``-``, ``@``, ``#``, …)
is stored as text with Excel's own "quote prefix", the mark Excel gives a text typed
after a ``'``, so it stays text even when the cell is edited; its value is the text as
it is. Characters no worksheet can hold (control characters) become U+FFFD, and a text
longer than a cell holds (32,767 characters) is cut and says so.

The workbook is not stamped with the time it was written: its creation and modification
dates, and every zip entry's time, are the same fixed time (:mod:`govdisclosure.stablezip`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import IO, Any, Final

from govdisclosure.export.columns import INT, MONEY, RATE, TEXT, VALUE, Column
from govdisclosure.export.csvio import plain_number
from govdisclosure.export.injection import TRIGGERS
from govdisclosure.optional import require
from govdisclosure.stablezip import STAMP, StableZipFile

__all__ = ["MAX_ROWS", "Workbook"]

#: The rows an Excel sheet holds, its header row included.
MAX_ROWS: Final = 1_048_576
#: The characters an Excel cell holds.
_MAX_TEXT: Final = 32_767
_CUT: Final = "…（已截断 truncated）"
#: What no worksheet can hold (XML 1.0 forbids them).
_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: The first characters that make Excel read a typed text as something else: a
#: formula, or an error value (#N/A).
_RISKY: Final = frozenset(TRIGGERS | {"#"})
#: Counts below this are numbers Excel holds exactly (it keeps 15 digits).
_EXACT: Final = 10**15
_PURPOSE: Final = "writing an Excel workbook"
#: The creation and modification time of every workbook: the zip entries' (UTC).
_STAMP: Final = dt.datetime(*STAMP)


def _number(value: Any) -> Any:
    """A count or an amount as Excel holds it exactly, or as text with its exact digits."""
    if type(value) is int:
        return value if -_EXACT < value < _EXACT else str(value)
    if type(value) is Decimal:
        # Exact in the file (openpyxl writes it through a float, "%.16g"), or written as
        # its exact digits, as text.
        exact = Decimal(format(float(value), ".16g")) == value
        return value if exact else plain_number(value)
    return value


def _text(value: str) -> str:
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("\ufffd", value)
    # Excel counts UTF-16 code units: a character beyond the BMP (𠮷) counts two.
    if len(value) > _MAX_TEXT // 2 and len(units := value.encode("utf-16-le")) > 2 * _MAX_TEXT:
        kept = units[: 2 * (_MAX_TEXT - len(_CUT))].decode("utf-16-le", "ignore")
        value = kept + _CUT
    return value


class _Sheet:
    """One sheet of a workbook being written (and the sheets it goes on to)."""

    def __init__(self, book: Workbook, title: str, columns: Sequence[Column], headers: str):
        self._book = book
        self._title = title
        self._columns = tuple(columns)
        self._headers = headers
        self._parts = 0
        self._start()

    def _start(self) -> None:
        self._parts += 1
        title = self._title if self._parts == 1 else f"{self._title} ({self._parts})"
        openpyxl = self._book.openpyxl
        sheet = self._book.book.create_sheet(title)
        letter = openpyxl.utils.get_column_letter
        for number, column in enumerate(self._columns, start=1):
            sheet.column_dimensions[letter(number)].width = column.width
        sheet.freeze_panes = "A2"
        bold = openpyxl.styles.Font(bold=True)
        header = []
        for column in self._columns:
            cell = openpyxl.cell.WriteOnlyCell(sheet, value=_text(column.header(self._headers)))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        self._sheet = sheet
        self._rows = 1

    def append(self, row: Sequence[Any]) -> None:
        """Add a row (values in the order of the columns)."""
        if self._rows == MAX_ROWS:
            self.close()
            self._start()
        self._sheet.append(
            [
                value if convert is None or value is None else convert(value)
                for convert, value in zip(self._converters, row, strict=True)
            ]
        )
        self._rows += 1

    @functools.cached_property
    def _converters(self) -> tuple[Callable[[Any], Any] | None, ...]:
        """What each column's values need before openpyxl takes them (``None``: nothing,
        a key or a label of the form, which are plain text)."""
        converters = {
            INT: _number,
            MONEY: self._value,
            RATE: _number,
            VALUE: self._value,
            TEXT: self._text,
        }
        return tuple(
            None if column.trusted else converters.get(column.type) for column in self._columns
        )

    def _text(self, value: str) -> Any:
        value = _text(value)
        if value[:1] in _RISKY:
            return self._book.risky(self._sheet, value)
        return value

    def _value(self, value: Any) -> Any:
        return self._text(value) if type(value) is str else _number(value)

    def close(self) -> None:
        """Set the autofilter over the rows written."""
        letter = self._book.openpyxl.utils.get_column_letter(len(self._columns))
        self._sheet.auto_filter.ref = f"A1:{letter}{self._rows}"


class Workbook:
    """An Excel workbook written sheet by sheet, row by row; :meth:`save` puts it out.
    Used as a context manager, a workbook left unsaved by an exception is discarded:
    its sheets' temporary files are removed."""

    def __init__(self) -> None:
        self.openpyxl = require("openpyxl", extra="xlsx", purpose=_PURPOSE)
        for part in ("cell", "styles", "utils", "writer.excel"):
            require(f"openpyxl.{part}", extra="xlsx", purpose=_PURPOSE)
        self.book = self.openpyxl.Workbook(write_only=True)
        self._sheets: list[_Sheet] = []

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is not None:
            self.discard()

    def discard(self) -> None:
        """Close every sheet and remove its temporary file, without writing anything."""
        for sheet in self.book.worksheets:
            with contextlib.suppress(Exception):  # a sheet cut short: nothing to keep
                if not sheet.closed:
                    sheet.close()
            writer = getattr(sheet, "_writer", None)
            if writer is not None:
                with contextlib.suppress(OSError, ValueError):
                    writer.cleanup()

    def sheet(self, title: str, columns: Sequence[Column], headers: str) -> _Sheet:
        """A new sheet with the header row of ``columns`` (see :meth:`Column.header`)."""
        sheet = _Sheet(self, title, columns, headers)
        self._sheets.append(sheet)
        return sheet

    def risky(self, sheet: Any, text: str) -> Any:
        """A cell that holds ``text`` as text, with Excel's quote prefix."""
        cell = self.openpyxl.cell.WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # openpyxl made it a formula (=…) or an error value (#N/A)
        cell.quotePrefix = True
        return cell

    def save(self, out: IO[bytes]) -> None:
        """Write the workbook to the binary stream ``out``."""
        for sheet in self._sheets:
            sheet.close()
        properties = self.book.properties
        properties.creator = "govdisclosure"
        # Not the time of writing: the same rows write the same bytes.
        properties.created = properties.modified = _STAMP
        writer = self.openpyxl.writer.excel.ExcelWriter
        if _seekable(out):
            with StableZipFile(out) as archive:
                writer(self.book, archive).write_data()
            return
        # A zip written to a stream that cannot seek has other headers: written to a
        # temporary file first, it has the same bytes wherever it goes.
        with tempfile.TemporaryFile() as spool:
            with StableZipFile(spool) as archive:
                writer(self.book, archive).write_data()
            spool.seek(0)
            shutil.copyfileobj(spool, out, 1024 * 1024)


def _seekable(out: IO[bytes]) -> bool:
    try:
        return bool(out.seekable())
    except (AttributeError, ValueError):
        return False
