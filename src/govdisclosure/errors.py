"""The exception hierarchy of govdisclosure.

Every error the library raises derives from :class:`GovDisclosureError`. Errors
about a value (a bad cell, a malformed file) also derive from :class:`ValueError`
so that code written against the standard library keeps working, in the manner
of python-stdnum. Each class carries a default message, and the errors that
concern one place (a cell, a JSON path, a file) carry that place as attributes.

>>> from govdisclosure.errors import CellValueError, GovDisclosureError
>>> issubclass(CellValueError, ValueError) and issubclass(CellValueError, GovDisclosureError)
True
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AggregateError",
    "BatchError",
    "CellValueError",
    "FormatNotAvailable",
    "GovDisclosureError",
    "JSONFormatError",
    "OptionError",
    "ReadError",
    "ReportInconsistent",
    "ReportValueError",
    "UnknownLabelError",
]


class GovDisclosureError(Exception):
    """Root of every error raised by govdisclosure.

    >>> str(GovDisclosureError())
    'govdisclosure error'
    """

    default_message = "govdisclosure error"

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception pickles as ``cls(*args)``, which loses what the subclasses take as
        # keywords (ReadError's source) and fails for those whose arguments are not the
        # message (CellValueError). A batch sends errors between processes, so each one
        # is rebuilt without its constructor and given back every attribute.
        return (_rebuild, (type(self), self.args), self.__dict__)


def _rebuild(cls: type[GovDisclosureError], args: tuple[Any, ...]) -> GovDisclosureError:
    """An error of class ``cls`` with ``args``, its attributes still to be restored (see
    :meth:`GovDisclosureError.__reduce__`).

    >>> import pickle
    >>> err = pickle.loads(pickle.dumps(ReadError("bad", source="a.txt", location="line 3")))
    >>> type(err).__name__, err.source, err.location, err.reason, str(err)
    ('ReadError', 'a.txt', 'line 3', 'bad', 'a.txt: line 3: bad')
    """
    error = cls.__new__(cls, *args)
    error.args = args
    return error


class ReportValueError(GovDisclosureError, ValueError):
    """A value given to the model does not fit it (wrong type, out of range, wrong shape).

    >>> raise ReportValueError("year must be an int, got '2020'")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReportValueError: year must be an int, got '2020'
    """

    default_message = "invalid value for the report model"

    def __init__(self, message: str | None = None, *, at: tuple[str | int, ...] = ()) -> None:
        #: Where in the object being built the value is: the field's name, then item
        #: indexes or names of nested fields (``("extra_columns", 0, "after")``); empty
        #: when the object as a whole is at fault. The JSON reader turns it into a path.
        self.at = at
        super().__init__(message)


class CellValueError(ReportValueError):
    """A table cell holds a value its column does not allow.

    The error names the cell: ``table`` (``"二"``, ``"三"`` or ``"四"``), ``row`` and
    ``column`` (stable ASCII keys, with the printed labels in the message), and the
    offending ``value``.

    >>> err = CellValueError("三", "new", "natural_person", -1, "a count (an int >= 0)",
    ...                      labels=("本年新收政府信息公开申请数量", "自然人"))
    >>> print(err)  # doctest: +NORMALIZE_WHITESPACE
    table 三, row 'new' (本年新收政府信息公开申请数量), column 'natural_person' (自然人):
    expected a count (an int >= 0), got -1
    >>> err.row, err.value
    ('new', -1)
    """

    default_message = "invalid cell value"

    def __init__(
        self,
        table: str,
        row: str,
        column: str,
        value: object,
        expected: str,
        *,
        labels: tuple[str, str] | None = None,
    ) -> None:
        self.table = table
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected
        row_label, column_label = (f" ({label})" for label in labels) if labels else ("", "")
        super().__init__(
            f"table {table}, row {row!r}{row_label}, column {column!r}{column_label}: "
            f"expected {expected}, got {value!r}"
        )


class AggregateError(ReportValueError):
    """Reports that cannot be added up into one summary: of different years or editions,
    the same organ twice, or none at all. ``organs`` names the reports at fault, as their
    organs are written.

    >>> err = AggregateError("the same organ twice: 县教育局", organs=("县教育局", "县教育局 "))
    >>> err.organs, isinstance(err, ValueError)
    (('县教育局', '县教育局 '), True)
    """

    default_message = "the reports cannot be added up"

    def __init__(self, message: str | None = None, *, organs: tuple[str, ...] = ()) -> None:
        self.organs = organs
        super().__init__(message)


class UnknownLabelError(ReportValueError, KeyError):
    """A key or label names no row, column or category of the layout.

    It is a :class:`KeyError` too, so ``except KeyError`` around a look-up works.

    >>> from govdisclosure import ApplicationRow
    >>> ApplicationRow.from_label("不存在的行")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.UnknownLabelError: no ApplicationRow matches '不存在的行'
    """

    default_message = "unknown label"

    def __str__(self) -> str:
        # KeyError would otherwise print the repr of the message.
        return self.message


class ReadError(GovDisclosureError, ValueError):
    """A document could not be read; says where (file, then line or path) and why.

    >>> print(ReadError("unexpected end of data", source="report.json", location="line 3"))
    report.json: line 3: unexpected end of data
    """

    default_message = "the document could not be read"

    def __init__(
        self,
        reason: str | None = None,
        *,
        source: str | None = None,
        location: str | None = None,
    ) -> None:
        self.reason = reason or self.default_message
        self.source = source
        self.location = location
        where = [part for part in (source, location) if part]
        super().__init__(": ".join([*where, self.reason]))


class JSONFormatError(ReadError):
    """A JSON document does not follow the govdisclosure JSON format.

    ``path`` is the JSON path of the offending value, or ``None`` when the text is not
    JSON at all (then ``location`` gives the line and column, or the byte).

    >>> err = JSONFormatError("expected an int, got '2020'", path="$.report.year")
    >>> print(err)
    $.report.year: expected an int, got '2020'
    >>> err.path
    '$.report.year'
    """

    default_message = "not a govdisclosure JSON document"

    def __init__(
        self,
        reason: str | None = None,
        *,
        path: str | None = "$",
        location: str | None = None,
        source: str | None = None,
    ) -> None:
        self.path = path
        super().__init__(reason, source=source, location=path or location)


class ReportInconsistent(GovDisclosureError, ValueError):  # noqa: N818 (the name the API promises)
    """A report failed one or more error-level rules of the checker.

    ``result`` is the full :class:`~govdisclosure.checker.ValidationResult`; ``findings``
    are its errors. The message lists the first few.
    """

    default_message = "the report is inconsistent"

    def __init__(self, result: object) -> None:
        self.result = result
        # The result picks out its errors itself: this module sits below the checker and
        # does not know its severities.
        self.findings: tuple[Any, ...] = tuple(getattr(result, "errors", ()))
        shown = "; ".join(f.message_zh for f in self.findings[:3])
        more = f"; … {len(self.findings) - 3} more" if len(self.findings) > 3 else ""
        super().__init__(f"{len(self.findings)} error(s): {shown}{more}")


class OptionError(GovDisclosureError, TypeError):
    """An option a function does not take, or an argument of the wrong type for it; the
    message names the option and what is accepted. A :class:`TypeError` too, as Python
    raises for a keyword a function does not know.

    >>> import govdisclosure as gd
    >>> gd.render(gd.AnnualReport(organ="某局", year=2022), "text", colour=True)
    Traceback (most recent call last):
    ...
    govdisclosure.errors.OptionError: the text format takes no options but 'emphasis', got colour
    """

    default_message = "invalid option"


class FormatNotAvailable(GovDisclosureError, LookupError):  # noqa: N818 (reads as a state)
    """No format of that name, a format without the operation asked for, or a format
    whose optional dependency is not installed; the message says which formats exist or
    what to install.

    >>> import govdisclosure as gd
    >>> gd.render(gd.AnnualReport(organ="某局", year=2022), "rtf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    govdisclosure.errors.FormatNotAvailable: no format named 'rtf'; available: docx, html, ...
    """

    default_message = "format not available"


class BatchError(GovDisclosureError):
    """One source of a batch could not be processed for a reason outside the document
    itself: the process working on it died (killed, out of memory), the executor failed,
    an unexpected exception was raised (a bug: please report it with ``cause`` and
    ``traceback``), or last year's report for it could not be found unambiguously. The
    batch goes on with the other sources.

    ``source`` names the source as the batch does; ``cause`` is what went wrong, as text
    (``"MemoryError: ..."``: the exception itself may not survive the trip between
    processes; within one process it is also the error's ``__cause__``); ``traceback`` is
    where it was raised, when known.

    >>> err = BatchError("the worker process died", source="a.json",
    ...                  cause="BrokenProcessPool: a child process terminated abruptly")
    >>> print(err)
    a.json: the worker process died (BrokenProcessPool: a child process terminated abruptly)
    """

    default_message = "the source could not be processed"

    def __init__(
        self,
        reason: str | None = None,
        *,
        source: str | None = None,
        cause: str | None = None,
        traceback: str | None = None,
    ) -> None:
        self.reason = reason or self.default_message
        self.source = source
        self.cause = cause
        self.traceback = traceback
        where = f"{source}: " if source else ""
        why = f" ({cause})" if cause else ""
        super().__init__(f"{where}{self.reason}{why}")
