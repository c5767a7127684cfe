"""The exception hierarchy of govdisclosure.

Every error the library raises derives from :class:`GovDisclosureError`. Errors
about a value (a bad cell, a malformed file) also derive from :class:`ValueError`
so that code written against the standard library keeps working, in the manner
of python-stdnum. Each class carries a default message, and the errors that
concern one place (a cell, a JSON path, a file) carry that place as attributes.

>>> from govdisclosure.errors import CellValueError, GovDisclosureError
>>> issubclass(CellValueError, ValueError) and issubclass(CellValueError, GovDisclosureError)
True

Messages are bilingual, as findings are: :meth:`~GovDisclosureError.message` gives an
error's message in the locale asked for (Chinese by default, the source language; English
from the catalog), ``message_zh`` and ``message_en`` each one. ``str(err)`` is the English
message, as it always was: tracebacks, logs and code matching messages keep working.

>>> err = ReportValueError(translatable("年份必须是整数，实际为 {value!r}", value="2020"))
>>> err.message_zh
"年份必须是整数，实际为 '2020'"
>>> str(err) == err.message("en") == "year must be an int, got '2020'"
True

Where several things are wrong at once (the cells of a table, the fields of a JSON
document), they are all reported together, as jsonschema's ``iter_errors`` does, in **one
error of the class the first of them has**: it names that first problem in its attributes
(``row``, ``column``, ``path``), so code that caught the error before still catches it, its
message lists every problem, and :attr:`~GovDisclosureError.errors` holds each on its own.
An :class:`ExceptionGroup` would not do: ``except CellValueError`` does not catch one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import frozen

__all__ = [
    "AggregateError",
    "BatchError",
    "CellValueError",
    "FormatNotAvailable",
    "GovDisclosureError",
    "JSONFormatError",
    "Message",
    "OptionError",
    "ReadError",
    "ReportInconsistent",
    "ReportValueError",
    "UnknownLabelError",
    "close_matches",
    "combine",
    "translatable",
]

E = TypeVar("E", bound="GovDisclosureError")

#: Values a message keeps as they are (they pickle, and show the same later).
_PLAIN = (str, int, float, Decimal, type(None))


class _Shown(str):
    """A value of a message already shown, at the time of the error: its text, and its
    ``repr`` for the templates that write ``{value!r}``."""

    shown_repr: str

    def __repr__(self) -> str:
        return self.shown_repr


def _kept(value: object) -> object:
    if type(value) in _PLAIN or callable(getattr(value, "show", None)):
        return value
    shown = _Shown(value)
    shown.shown_repr = repr(value)
    return shown


#: Templates with nothing to translate: a message given as text, and the empty one.
_UNTRANSLATED = frozenset({"{text}", ""})


@frozen
class Message:
    """A message of an error: its Chinese template (the catalog's msgid) and the values
    that fill it, shown in the locale asked for. A value that is a :class:`Message` is
    shown in that locale too.

    >>> translatable("应为 {what}", what="x").show("zh_CN")
    '应为 x'
    """

    template: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def plain(cls, text: str) -> Message:
        """A message given as text (the same in every locale): an error raised with a str."""
        return cls("{text}", (("text", text),))

    def show(self, locale: str = "zh_CN") -> str:
        """The message in ``locale`` (a supported locale's name, ``"zh_CN"`` or ``"en"``)."""
        template = self.template
        if locale != "zh_CN" and template not in _UNTRANSLATED:
            from govdisclosure.i18n import translate

            template = translate(template, locale)
        values = {k: _show(v, locale) for k, v in self.params}
        return template.format(**values)


def _show(value: object, locale: str) -> object:
    show = getattr(value, "show", None)
    return show(locale) if callable(show) and not isinstance(value, str) else value


def translatable(template: str, /, **params: object) -> Message:
    """A :class:`Message`: ``template`` (Chinese, marked for the catalog: modules import
    this as ``_``) filled with ``params``."""
    return Message(template, tuple((name, _kept(value)) for name, value in params.items()))


#: Marks a Chinese template for the catalog (as :func:`~govdisclosure.i18n.gettext_noop`
#: does), and fills it.
_ = translatable


def _message(text: str | Message) -> Message:
    return text if isinstance(text, Message) else Message.plain(text)


def close_matches(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The ``choices`` closest to ``word``, closest first, for a "did you mean": those
    about as close as the closest (a far second would mislead).

    >>> close_matches("natural_preson", ["natural_person", "legal_person", "other"])
    ['natural_person']
    """
    found = difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)
    scores = [difflib.SequenceMatcher(None, word, choice).ratio() for choice in found]
    return [choice for choice, score in zip(found, scores, strict=True) if score >= 0.9 * scores[0]]


def listed(items: Iterable[str]) -> str:
    """``items`` quoted and joined with commas."""
    return ", ".join(repr(item) for item in items)


def did_you_mean(word: str, choices: Iterable[str]) -> Message:
    """ " — did you mean 'x'?" naming the choices closest to ``word``, or nothing."""
    found = close_matches(word, choices)
    if not found:
        return translatable("")
    return _(" — 是否应为 {choices}？", choices=" / ".join(repr(c) for c in found))


class GovDisclosureError(Exception):
    """Root of every error raised by govdisclosure.

    >>> str(GovDisclosureError())
    'govdisclosure error'
    """

    default_message: Message | str = _("govdisclosure 出错")

    def __init__(self, message: str | Message | None = None) -> None:
        #: The message, in every locale (see :meth:`message`).
        self.text = _message(message or self.default_message)
        super().__init__(self.text)

    def message(self, locale: str = "zh_CN") -> str:
        """The message in ``locale``: Chinese (the default) or English (``str(err)``)."""
        from govdisclosure.i18n import normalize_locale

        return self.text.show(normalize_locale(locale))

    @property
    def message_zh(self) -> str:
        """``message("zh_CN")``: as a finding's, so that both are shown alike."""
        return self.text.show("zh_CN")

    @property
    def message_en(self) -> str:
        """``message("en")``, which is also ``str(err)``."""
        return self.text.show("en")

    @property
    def errors(self: E) -> tuple[E, ...]:
        """Every problem this error reports, each on its own: itself alone, or the
        problems :func:`combine` put together (the first of them is this error's own)."""
        return self.__dict__.get("_errors") or (self,)

    def listed_text(self) -> Message:
        """The message as an item of a list of errors (see :func:`combine`)."""
        return self.text

    def __str__(self) -> str:
        return self.message("en")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"

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


def combine(errors: Sequence[E]) -> E:
    """One error reporting every one of ``errors`` (see the module's docs): the first
    itself when it is alone, else a copy of it whose message is the first's, then lists
    the others, and whose :attr:`~GovDisclosureError.errors` are the single errors.

    >>> both = combine([ReportValueError("a"), ReportValueError("b"), ReportValueError("c")])
    >>> print(both)
    a
    and 2 more:
      - b
      - c
    >>> [str(e) for e in both.errors], both.message_zh.splitlines()[1]
    (['a', 'b', 'c'], '另有 2 处：')
    """
    singles = tuple(single for error in errors for single in error.errors)
    first = singles[0]
    if len(singles) == 1:
        return first
    error = cast(E, _rebuild(type(first), first.args))
    error.__dict__.update(first.__dict__)
    rest = singles[1:]
    template = "\n  - ".join(["{first}\n{more}", *(f"{{e{i}}}" for i in range(len(rest)))])
    items = {f"e{i}": single.listed_text() for i, single in enumerate(rest)}
    more = _("另有 {count} 处：", count=len(rest))
    error.text = translatable(template, first=first.text, more=more, **items)
    error.args = (error.text,)
    error._errors = singles  # type: ignore[attr-defined]
    return error


def raise_all(errors: Sequence[GovDisclosureError]) -> None:
    """Raise :func:`combine` of ``errors``, if there are any."""
    if errors:
        raise combine(errors)


class ReportValueError(GovDisclosureError, ValueError):
    """A value given to the model does not fit it (wrong type, out of range, wrong shape).

    >>> raise ReportValueError("year must be an int, got '2020'")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReportValueError: year must be an int, got '2020'
    """

    default_message = _("报告模型的取值无效")

    def __init__(
        self, message: str | Message | None = None, *, at: tuple[str | int, ...] = ()
    ) -> None:
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

    default_message = _("单元格的取值无效")

    def __init__(
        self,
        table: str,
        row: str,
        column: str,
        value: object,
        expected: str | Message,
        *,
        labels: tuple[str, str] | None = None,
    ) -> None:
        self.table = table
        self.row = row
        self.column = column
        self.value = value
        #: What the cell may hold, in every locale (see :attr:`expected`).
        self.expected_text = _message(expected)
        row_label, column_label = (
            (_("（{label}）", label=label) for label in labels) if labels else ("", "")
        )
        super().__init__(
            _(
                "表{table}，行 {row!r}{row_label}，列 {column!r}{column_label}：应为{expected}，"
                "实际为 {value!r}",
                table=table,
                row=row,
                row_label=row_label,
                column=column,
                column_label=column_label,
                expected=self.expected_text,
                value=value,
            )
        )

    @property
    def expected(self) -> str:
        """What the cell may hold, in English."""
        return self.expected_text.show("en")


class AggregateError(ReportValueError):
    """Reports that cannot be added up into one summary: of different years or editions,
    the same organ twice, or none at all. ``organs`` names the reports at fault, as their
    organs are written.

    >>> err = AggregateError("the same organ twice: 县教育局", organs=("县教育局", "县教育局 "))
    >>> err.organs, isinstance(err, ValueError)
    (('县教育局', '县教育局 '), True)
    """

    default_message = _("这些报告无法汇总")

    def __init__(
        self, message: str | Message | None = None, *, organs: tuple[str, ...] = ()
    ) -> None:
        self.organs = organs
        super().__init__(message)


class UnknownLabelError(ReportValueError, KeyError):
    """A key or label names no row, column or category of the layout.

    It is a :class:`KeyError` too, so ``except KeyError`` around a look-up works. The
    message names the closest labels, and for a short list every one that is allowed.

    >>> from govdisclosure import ApplicationRow
    >>> ApplicationRow.from_label("本年新收政府信息申请数量")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    govdisclosure.errors.UnknownLabelError: no ApplicationRow matches '本年新收政府信息申请数量'
    — did you mean '本年新收政府信息公开申请数量'?
    """

    default_message = _("未知的标签")

    def __str__(self) -> str:
        # KeyError would otherwise print the repr of the message.
        return self.message("en")


class ReadError(GovDisclosureError, ValueError):
    """A document could not be read; says where (file, then line or path) and why.

    >>> print(ReadError("unexpected end of data", source="report.json", location="line 3"))
    report.json: line 3: unexpected end of data
    """

    default_message = _("无法读取该文档")

    def __init__(
        self,
        reason: str | Message | None = None,
        *,
        source: str | None = None,
        location: str | None = None,
    ) -> None:
        #: Why, without where (see :attr:`reason`).
        self.reason_text = _message(reason or self.default_message)
        self.source = source
        self.location = location
        where = "".join(f"{part}: " for part in (source, location) if part)
        super().__init__(translatable("{where}{reason}", where=where, reason=self.reason_text))

    @property
    def reason(self) -> str:
        """Why the document could not be read, in English."""
        return self.reason_text.show("en")

    def listed_text(self) -> Message:
        where = f"{self.location}: " if self.location else ""
        return translatable("{where}{reason}", where=where, reason=self.reason_text)


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

    default_message = _("不是 govdisclosure 的 JSON 文档")

    def __init__(
        self,
        reason: str | Message | None = None,
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
    are its errors. The message lists the first few (in Chinese, as printed in the report).
    """

    default_message = _("报告前后不一致")

    def __init__(self, result: object) -> None:
        self.result = result
        # The result picks out its errors itself: this module sits below the checker and
        # does not know its severities.
        self.findings: tuple[Any, ...] = tuple(getattr(result, "errors", ()))
        more = _("；另有 {count} 处", count=len(self.findings) - 3)
        super().__init__(
            _(
                "{count} 处错误：{shown}{more}",
                count=len(self.findings),
                shown=_Findings(self.findings[:3]),
                more=more if len(self.findings) > 3 else "",
            )
        )


@frozen
class _Findings:
    """Findings shown in a message: in Chinese in every locale, as ``str(err)`` always
    showed them (each finding's English is its ``message_en``)."""

    findings: tuple[Any, ...]

    def show(self, locale: str) -> str:
        sep = "; " if locale == "en" else "；"
        return sep.join(finding.message_zh for finding in self.findings)


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

    default_message = _("选项无效")


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

    default_message = _("没有这种格式")


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

    default_message = _("无法处理该来源")

    def __init__(
        self,
        reason: str | Message | None = None,
        *,
        source: str | None = None,
        cause: str | None = None,
        traceback: str | None = None,
    ) -> None:
        self.reason_text = _message(reason or self.default_message)
        self.source = source
        self.cause = cause
        self.traceback = traceback
        where = f"{source}: " if source else ""
        why = f" ({cause})" if cause else ""
        super().__init__(
            translatable("{where}{reason}{why}", where=where, reason=self.reason_text, why=why)
        )

    @property
    def reason(self) -> str:
        """What went wrong, in English."""
        return self.reason_text.show("en")
