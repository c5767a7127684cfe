"""The JSON form of a report: lossless, strict, deterministic.

A document is an envelope with the format's name and version, then the report::

    {"format": "govdisclosure-annual-report", "format_version": 1, "report": {...}}

``format_version`` versions this JSON form; the report's ``edition`` versions the
official layout. Keys are stable ASCII (the enums' values). Counts are JSON integers;
money is ``{"amount": "<decimal string>", "unit": "yuan"}``; a blank cell is ``null``;
a not-applicable cell is ``{"na": "<mark>"}``. A paragraph is a string, or a list of
strings and ``{"text": …, "bold": true}`` spans. Reading rejects unknown and duplicate
keys, floats, booleans and numeric strings where counts belong, and names the JSON
path of the problem. The JSON Schema is :func:`govdisclosure.schema.json_schema`.

>>> import govdisclosure as gd
>>> report = gd.AnnualReport(organ="某县统计局", year=2022)
>>> gd.loads(gd.dumps(report)) == report
True
>>> gd.loads(gd.dumps(report).replace('"year": 2022', '"year": "2022"'))
Traceback (most recent call last):
...
govdisclosure.errors.JSONFormatError: $.report.year: expected an integer, got '2022'
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Callable, Mapping
from json.encoder import encode_basestring
from typing import IO, Any, Final, TypeVar

from govdisclosure.categories import MoneyUnit, OrganKind, ScopeKind, Section
from govdisclosure.cells import (
    BLANK,
    COUNT_LIMIT,
    NOT_APPLICABLE_MARKS,
    Cell,
    Money,
    NotApplicable,
    is_valid_cell,
)
from govdisclosure.editions import Edition
from govdisclosure.errors import GovDisclosureError, JSONFormatError, ReportValueError
from govdisclosure.layouts import CellKind, CellSpec, layout
from govdisclosure.report import (
    FIRST_REPORT_YEAR,
    LAST_REPORT_YEAR,
    AnnualReport,
    Contact,
    Overview,
    Period,
    Preamble,
    Scope,
    Subsection,
    Website,
)
from govdisclosure.tables import ApplicationTable, CellTable, ProactiveTable, ReviewTable
from govdisclosure.text import Paragraph, Span, is_text

__all__ = ["FORMAT", "FORMAT_VERSION", "dump", "dumps", "from_dict", "load", "loads", "to_dict"]

#: The name of the format, in the envelope's ``format`` key.
FORMAT: Final = "govdisclosure-annual-report"
#: The version of the JSON form (not of the report's edition).
FORMAT_VERSION: Final = 1

_TABLE_TYPES: Final = (
    ("proactive", ProactiveTable),
    ("applications", ApplicationTable),
    ("reviews", ReviewTable),
)


T = TypeVar("T")
R = TypeVar("R")


class _Inline(dict[str, Any]):
    """A mapping written on one line (a table row, a span, a cell)."""


class _InlineList(list[Any]):
    """A list written on one line (the spans of a paragraph)."""


# --- writing ------------------------------------------------------------------------------


def _cell(value: Cell) -> Any:
    if type(value) is int:
        return value
    if value is BLANK:
        return None
    if isinstance(value, NotApplicable):
        return _Inline(na=value.mark)
    assert isinstance(value, Money)
    return _Inline(amount=format(value.amount, "f"), unit=value.unit.value)


class _Rows:
    """A table inside the document being written; kept as the table until the end so
    :func:`dumps` can print each all-count row from a template in one step."""

    __slots__ = ("table",)

    def __init__(self, table: CellTable[Any, Any]) -> None:
        self.table = table

    def as_dict(self) -> dict[str, Any]:
        cells = self.table.cells
        return {
            plan.name: _Inline(
                zip(plan.column_names, map(_cell, cells[plan.start : plan.stop]), strict=True)
            )
            for plan in self.table.layout.row_plans
        }

    def text(self, indent: str) -> str:
        cells: tuple[object, ...] = self.table.cells
        if set(map(type, cells)) != {int}:
            cells = tuple([c if type(c) is int else _inline(_cell(c)) for c in self.table.cells])
        return _table_template(self.table.edition, self.table.section, indent) % cells


@functools.cache
def _table_template(edition: Edition, section: Section, indent: str) -> str:
    # The whole table as one %-template of its cells in layout order, so a table is
    # printed in one step; cells that are not ints arrive already encoded.
    lines = [
        f'{indent}  "{plan.name}": '
        + "{"
        + ", ".join(f'"{name}": %s' for name in plan.column_names)
        + "}"
        for plan in layout(edition).table(section).row_plans
    ]
    return "{\n" + ",\n".join(lines) + f"\n{indent}}}"


def _expand(value: Any) -> Any:
    # Plain dicts and lists all the way down: the writer's markers stay private.
    if isinstance(value, _Rows):
        return _expand(value.as_dict())
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    return value


def _paragraph(paragraph: Paragraph) -> Any:
    spans = paragraph.spans
    if len(spans) == 1 and not spans[0].bold:
        return spans[0].text
    return _InlineList(s.text if not s.bold else _Inline(text=s.text, bold=True) for s in spans)


def _paragraphs(items: tuple[Paragraph, ...]) -> list[Any]:
    return [_paragraph(p) for p in items]


def _optional(value: Any, convert: Callable[[Any], Any]) -> Any:
    return None if value is None else convert(value)


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """The JSON document of ``report`` as plain Python data (what :func:`dumps` writes)."""
    return _expand(_document(report))  # type: ignore[no-any-return]


def _document(report: AnnualReport) -> dict[str, Any]:
    if not isinstance(report, AnnualReport):
        raise ReportValueError(f"expected an AnnualReport, got {report!r}")
    pre = report.preamble
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "report": {
            "organ": report.organ,
            "year": report.year,
            "edition": report.edition.value,
            "scope": {"kind": report.scope.kind.value, "organs": list(report.scope.organs)},
            "organ_kind": _optional(report.organ_kind, lambda k: k.value),
            "published": _optional(report.published, dt.date.isoformat),
            "title": report.custom_title,
            "preamble": {
                "paragraphs": _paragraphs(pre.paragraphs),
                "legal_basis": list(pre.legal_basis),
                "period": _optional(
                    pre.period,
                    lambda p: _Inline(start=p.start.isoformat(), end=p.end.isoformat()),
                ),
                "website": _optional(pre.website, lambda w: {"name": w.name, "url": w.url}),
                "contact": _optional(
                    pre.contact,
                    lambda c: {
                        "office": c.office,
                        "address": c.address,
                        "postcode": c.postcode,
                        "phone": c.phone,
                        "email": c.email,
                    },
                ),
            },
            "overview": {
                "intro": _paragraphs(report.overview.intro),
                "subsections": [
                    {"title": s.title, "run_in": s.run_in, "paragraphs": _paragraphs(s.paragraphs)}
                    for s in report.overview.subsections
                ],
            },
            "proactive": _Rows(report.proactive),
            "applications": _Rows(report.applications),
            "reviews": _Rows(report.reviews),
            "problems": _paragraphs(report.problems),
            "other_matters": _paragraphs(report.other_matters),
        },
    }


def _emit(value: Any, indent: str) -> str:  # noqa: PLR0911 (a dispatch on type)
    # A small pretty-printer: objects and lists one item per line, except _Inline
    # mappings and lists, which stay on one line (a table row reads as a row, a paragraph
    # as a paragraph). Key order is insertion order, which _document fixes, and keys are
    # the format's own ASCII names, so they need no escaping.
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is _Rows:
        return value.text(indent)  # type: ignore[no-any-return]
    if kind is _Inline or kind is _InlineList:
        return _inline(value)
    inner = indent + "  "
    if kind is dict:
        if not value:
            return "{}"
        items = [f'{inner}"{key}": {_emit(item, inner)}' for key, item in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if kind is list:
        if not value:
            return "[]"
        return "[\n" + ",\n".join([inner + _emit(item, inner) for item in value]) + f"\n{indent}]"
    return _scalar(value)


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        # Keys here are the format's own ASCII names: nothing to escape.
        return (
            "{"
            + ", ".join(
                [
                    f'"{k}": {v}' if type(v) is int else f'"{k}": {_inline(v)}'
                    for k, v in value.items()
                ]
            )
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join([_inline(v) for v in value]) + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(int(value))


def dumps(report: AnnualReport) -> str:
    """The JSON document of ``report``: UTF-8 text (not ASCII-escaped), fixed key order,
    two-space indent, a table row per line, and a trailing newline."""
    return _emit(_document(report), "") + "\n"


def dump(report: AnnualReport, target: str | os.PathLike[str] | IO[str]) -> None:
    """Write ``report`` as JSON to a path (UTF-8) or an open text file."""
    text = dumps(report)
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    else:
        target.write(text)


# --- reading ------------------------------------------------------------------------------


class _Float(str):
    """A JSON number with a fraction or exponent, kept as text so it can be refused."""


class _Duplicates(dict[str, Any]):
    """An object that repeated a key; refused with its path when it is visited."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.repeated = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    return result if len(result) == len(pairs) else _Duplicates(pairs)


def _refuse_constant(name: str) -> Any:
    raise JSONFormatError(f"{name} is not valid in a govdisclosure document")


_AMOUNT: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Built once: json.loads with options would build a decoder on every call.
_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object_pairs, parse_float=_Float, parse_constant=_refuse_constant
)


@functools.cache
def _keyset(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(keys)


class _Reader:
    """Walks a decoded document, checking each value against the format at its path."""

    def __init__(self, source: str | None) -> None:
        self.source = source

    def fail(self, path: str, message: str) -> JSONFormatError:
        return JSONFormatError(message, path=path, source=self.source)

    def obj(
        self, value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        if type(value) is not dict:
            if isinstance(value, _Duplicates):
                raise self.fail(path, f"the key {value.repeated!r} appears more than once")
            if not isinstance(value, Mapping):
                raise self.fail(path, f"expected an object, got {_describe(value)}")
            value = dict(value)  # from_dict also takes other mappings
        checked: dict[str, Any] = value
        keys = value.keys()
        if not keys >= _keyset(required):
            missing = [k for k in required if k not in value]
            raise self.fail(path, f"missing key {missing[0]!r}")
        if len(value) > len(required) and not keys <= _keyset((*required, *optional)):
            allowed = {*required, *optional}
            unknown = sorted(k for k in value if k not in allowed)
            if unknown:
                expected = ", ".join(repr(k) for k in (*required, *optional))
                raise self.fail(
                    f"{path}.{unknown[0]}",
                    f"unknown key {unknown[0]!r}; expected one of {expected}",
                )
        return checked

    def string(self, value: Any, path: str, *, optional: bool = False) -> Any:
        if optional and value is None:
            return None
        if type(value) is not str:
            raise self.fail(path, f"expected a string, got {_describe(value)}")
        if not value.strip():
            raise self.fail(path, "expected a non-empty string")
        if not is_text(value):
            raise self.fail(path, "the string holds a lone surrogate (not valid Unicode text)")
        return value

    def integer(self, value: Any, path: str) -> int:
        if type(value) is not int:
            raise self.fail(path, f"expected an integer, got {_describe(value)}")
        return value

    def year(self, value: Any, path: str) -> int:
        year = self.integer(value, path)
        if not FIRST_REPORT_YEAR <= year <= LAST_REPORT_YEAR:
            raise self.fail(
                path, f"expected a year from {FIRST_REPORT_YEAR} to {LAST_REPORT_YEAR}, got {year}"
            )
        return year

    def optional_date(self, value: Any, path: str) -> dt.date | None:
        return None if value is None else self.date(value, path)

    def date(self, value: Any, path: str) -> dt.date:
        text = self.string(value, path)
        try:
            if not _DATE.fullmatch(text):
                raise ValueError(text)  # fromisoformat would also read "2020-W01-1"
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self.fail(path, f"expected a date as YYYY-MM-DD, got {text!r}") from None

    def strings(self, value: Any, path: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list of strings, got {_describe(value)}")
        return tuple(self.string(item, f"{path}[{i}]") for i, item in enumerate(value))

    def enum(self, value: Any, path: str, cls: Any) -> Any:
        try:
            return cls(self.string(value, path))
        except ValueError:
            choices = ", ".join(repr(m.value) for m in cls)
            raise self.fail(path, f"expected one of {choices}, got {value!r}") from None

    def paragraph(self, value: Any, path: str) -> Paragraph:
        if type(value) is str and value and not value.isspace() and is_text(value):
            return Paragraph(value)
        if type(value) is not str and (not isinstance(value, list) or not value):
            raise self.fail(
                path, f"expected a paragraph (a string or a list of spans), got {_describe(value)}"
            )
        if type(value) is str:
            reason = "a paragraph must have some text (not only whitespace)"
            if value and not is_text(value):
                reason = "the string holds a lone surrogate (not valid Unicode text)"
            raise self.fail(path, reason)
        spans = []
        for i, item in enumerate(value):
            where = f"{path}[{i}]"
            if type(item) is str:
                if not is_text(item):
                    raise self.fail(where, "the string holds a lone surrogate (not valid text)")
                spans.append(Span(item))
                continue
            span = self.obj(item, where, ("text",), ("bold",))
            text = span["text"]
            if type(text) is not str or not is_text(text):
                raise self.fail(f"{where}.text", f"expected a string, got {_describe(text)}")
            bold = span.get("bold", False)
            if not isinstance(bold, bool):
                raise self.fail(f"{where}.bold", f"expected true or false, got {_describe(bold)}")
            spans.append(Span(text, bold))
        try:
            return Paragraph(spans)
        except ReportValueError as err:
            raise self.fail(path, str(err)) from None

    def paragraphs(self, value: Any, path: str) -> tuple[Paragraph, ...]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list of paragraphs, got {_describe(value)}")
        return tuple(self.paragraph(item, f"{path}[{i}]") for i, item in enumerate(value))

    def cell(self, value: Any, path: str, kind: CellKind) -> Cell:
        if type(value) is int:
            if kind is CellKind.MONEY:
                raise self.fail(
                    path, f'money is written {{"amount": "…", "unit": "…"}}, got {value}'
                )
            if value < 0 and kind is not CellKind.SIGNED:
                raise self.fail(path, f"a count must not be negative, got {value}")
            if not is_valid_cell(kind, value):
                raise self.fail(path, "a count must be smaller than 2**63")
            return value
        if value is None:
            return BLANK
        if isinstance(value, dict) and "na" in value:
            mark = self.obj(value, path, ("na",))["na"]
            if mark not in NOT_APPLICABLE_MARKS:
                raise self.fail(
                    f"{path}.na",
                    f"expected one of {' '.join(NOT_APPLICABLE_MARKS)}, got {_describe(mark)}",
                )
            return NotApplicable(mark)
        if kind is CellKind.MONEY and isinstance(value, dict):
            money = self.obj(value, path, ("amount", "unit"))
            amount = money["amount"]
            if type(amount) is not str or not _AMOUNT.fullmatch(amount):
                raise self.fail(
                    f"{path}.amount",
                    f'expected a decimal string such as "12" or "-0.5", got {_describe(amount)}',
                )
            unit = self.enum(money["unit"], f"{path}.unit", MoneyUnit)
            try:
                return Money(amount, unit)
            except ReportValueError:
                raise self.fail(
                    f"{path}.amount", f"expected a decimal string, got {amount!r}"
                ) from None
        what = {
            CellKind.COUNT: "a count",
            CellKind.SIGNED: "a signed count",
            CellKind.MONEY: "money",
        }[kind]
        raise self.fail(
            path, f'expected {what}, null (blank) or {{"na": mark}}, got {_describe(value)}'
        )

    def cells(self, values: list[Any], specs: tuple[CellSpec, ...], path: str) -> list[Cell]:
        cells: list[Cell] = []
        for spec, value in zip(specs, values, strict=True):
            kind = spec.kind
            if type(value) is int and is_valid_cell(kind, value):
                cells.append(value)
            elif value is None:
                cells.append(BLANK)
            else:
                # The path is only spelled out for the cells that need a closer look.
                where = f"{path}.{spec.row.value}.{spec.column.value}"
                cells.append(self.cell(value, where, kind))
        return cells

    def table(self, value: Any, path: str, cls: type[CellTable[Any, Any]], edition: Edition) -> Any:
        table = layout(edition).table(cls.section)
        rows = value
        if type(rows) is not dict or rows.keys() != table.row_names:
            rows = self.obj(rows, path, tuple(plan.name for plan in table.row_plans))
        values: list[Any] = []
        for plan in table.row_plans:
            row = rows[plan.name]
            if type(row) is not dict or row.keys() != plan.column_set:
                row = self.obj(row, f"{path}.{plan.name}", plan.column_names)
            values.extend(plan.pick(row))
        # Most tables are plain counts: check them in one pass, others cell by cell.
        if not (
            table.counts_only
            and set(map(type, values)) == {int}
            and min(values) >= 0
            and max(values) < COUNT_LIMIT
        ):
            values = self.cells(values, table.cells, path)
        return cls.trusted(edition, tuple(values))

    def report(self, value: Any, path: str) -> AnnualReport:
        r = self.obj(
            value,
            path,
            ("organ", "year", "edition", "proactive", "applications", "reviews"),
            (
                "scope",
                "organ_kind",
                "published",
                "title",
                "preamble",
                "overview",
                "problems",
                "other_matters",
            ),
        )
        edition = self.enum(r["edition"], f"{path}.edition", Edition)
        fields: dict[str, Any] = {
            "organ": self.string(r["organ"], f"{path}.organ"),
            "year": self.year(r["year"], f"{path}.year"),
            "edition": edition,
            "organ_kind": None
            if r.get("organ_kind") is None
            else self.enum(r["organ_kind"], f"{path}.organ_kind", OrganKind),
            "published": self.optional_date(r.get("published"), f"{path}.published"),
            "title": self.string(r.get("title"), f"{path}.title", optional=True),
            "problems": self.paragraphs(r.get("problems", []), f"{path}.problems"),
            "other_matters": self.paragraphs(r.get("other_matters", []), f"{path}.other_matters"),
        }
        for key, cls in _TABLE_TYPES:
            fields[key] = self.table(r[key], f"{path}.{key}", cls, edition)
        if "scope" in r:
            fields["scope"] = self.build(self.scope, r["scope"], f"{path}.scope")
        if "preamble" in r:
            fields["preamble"] = self.build(self.preamble, r["preamble"], f"{path}.preamble")
        if "overview" in r:
            fields["overview"] = self.build(self.overview, r["overview"], f"{path}.overview")
        return self.build(lambda f, _p: AnnualReport(**f), fields, path)

    def build(self, make: Callable[[T, str], R], value: T, path: str) -> R:
        # Model validators see whole objects (a period that ends before it starts);
        # their errors get the path of the object here.
        try:
            return make(value, path)
        except JSONFormatError:
            raise
        except GovDisclosureError as err:
            raise self.fail(path, str(err)) from None

    def scope(self, value: Any, path: str) -> Scope:
        s = self.obj(value, path, ("kind",), ("organs",))
        return Scope(
            self.enum(s["kind"], f"{path}.kind", ScopeKind),
            self.strings(s.get("organs", []), f"{path}.organs"),
        )

    def preamble(self, value: Any, path: str) -> Preamble:
        p = self.obj(value, path, (), ("paragraphs", "legal_basis", "period", "website", "contact"))
        period = website = contact = None
        if p.get("period") is not None:
            d = self.obj(p["period"], f"{path}.period", ("start", "end"))
            period = self.build(
                lambda d, q: Period(
                    self.date(d["start"], f"{q}.start"), self.date(d["end"], f"{q}.end")
                ),
                d,
                f"{path}.period",
            )
        if p.get("website") is not None:
            w = self.obj(p["website"], f"{path}.website", ("name",), ("url",))
            website = Website(
                self.string(w["name"], f"{path}.website.name"),
                self.string(w.get("url"), f"{path}.website.url", optional=True),
            )
        if p.get("contact") is not None:
            keys = ("office", "address", "postcode", "phone", "email")
            c = self.obj(p["contact"], f"{path}.contact", (), keys)
            contact = Contact(
                **{k: self.string(c.get(k), f"{path}.contact.{k}", optional=True) for k in keys}
            )
        return Preamble(
            self.paragraphs(p.get("paragraphs", []), f"{path}.paragraphs"),
            self.strings(p.get("legal_basis", []), f"{path}.legal_basis"),
            period,
            website,
            contact,
        )

    def overview(self, value: Any, path: str) -> Overview:
        o = self.obj(value, path, (), ("intro", "subsections"))
        subsections = o.get("subsections", [])
        if not isinstance(subsections, list):
            raise self.fail(f"{path}.subsections", f"expected a list, got {_describe(subsections)}")
        items = []
        for i, item in enumerate(subsections):
            where = f"{path}.subsections[{i}]"
            s = self.obj(item, where, ("title",), ("run_in", "paragraphs"))
            run_in = s.get("run_in", False)
            if not isinstance(run_in, bool):
                raise self.fail(
                    f"{where}.run_in", f"expected true or false, got {_describe(run_in)}"
                )
            items.append(
                Subsection(
                    self.string(s["title"], f"{where}.title"),
                    self.paragraphs(s.get("paragraphs", []), f"{where}.paragraphs"),
                    run_in,
                )
            )
        return Overview(self.paragraphs(o.get("intro", []), f"{path}.intro"), tuple(items))

    def document(self, value: Any) -> AnnualReport:
        doc = self.obj(value, "$", ("format", "format_version", "report"))
        if doc["format"] != FORMAT:
            raise self.fail("$.format", f"expected {FORMAT!r}, got {_describe(doc['format'])}")
        version = doc["format_version"]
        if type(version) is not int or version != FORMAT_VERSION:
            raise self.fail(
                "$.format_version",
                f"this version of govdisclosure reads format_version {FORMAT_VERSION}, "
                f"got {_describe(version)}",
            )
        return self.report(doc["report"], "$.report")


def _describe(value: Any) -> str:
    if isinstance(value, _Float):
        return f"the number {value} (not an integer)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def from_dict(data: Mapping[str, Any], *, source: str | None = None) -> AnnualReport:
    """A report from a decoded JSON document (see :func:`to_dict`)."""
    return _Reader(source).document(data)


def loads(text: str | bytes, *, source: str | None = None) -> AnnualReport:
    """A report from a JSON document; :class:`~govdisclosure.errors.JSONFormatError` says
    where (``source``, then the JSON path or line and column) and why when it is not one."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise JSONFormatError(
                f"not UTF-8 text ({err.reason})",
                path=None,
                location=f"byte {err.start}",
                source=source,
            ) from None
    if not isinstance(text, str):
        raise JSONFormatError(
            f"expected JSON text (str or bytes), got {type(text).__name__}",
            path=None,
            source=source,
        )
    try:
        data = _DECODER.decode(text)
    except json.JSONDecodeError as err:
        raise JSONFormatError(
            f"not valid JSON: {err.msg}",
            path=None,
            location=f"line {err.lineno}, column {err.colno}",
            source=source,
        ) from None
    except JSONFormatError as err:
        raise JSONFormatError(err.reason, path=None, source=source) from None
    except ValueError as err:  # an integer too long for int() (sys.get_int_max_str_digits)
        raise JSONFormatError(
            f"not a usable JSON number: {err}", path=None, source=source
        ) from None
    except RecursionError:
        raise JSONFormatError(
            "the document is nested too deeply", path=None, source=source
        ) from None
    return _Reader(source).document(data)


def load(source: str | os.PathLike[str] | IO[str] | IO[bytes]) -> AnnualReport:
    """A report from a JSON file, given by path or as an open file."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            with open(name, "rb") as handle:
                data = handle.read()
        except OSError as err:
            raise JSONFormatError(
                f"cannot read the file: {err.strerror}", path=None, source=name
            ) from None
        return loads(data, source=name)
    label = getattr(source, "name", None)  # a temporary file's name is its descriptor
    return loads(source.read(), source=label if isinstance(label, str) else None)
