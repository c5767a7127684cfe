"""Writing the JSON form: :func:`to_dict`, :func:`dumps` and :func:`dump`.

The text is deterministic: UTF-8 (not ASCII-escaped), keys in a fixed order, two-space
indent, a table row or a paragraph per line, and a trailing newline.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import IO, Any

from govdisclosure.categories import Section
from govdisclosure.cells import BLANK, Cell, Money, NotApplicable
from govdisclosure.editions import Edition
from govdisclosure.errors import ReportValueError
from govdisclosure.jsonio.envelope import FORMAT, FORMAT_VERSION
from govdisclosure.layouts import layout
from govdisclosure.report import AnnualReport
from govdisclosure.tables import CellTable
from govdisclosure.text import Paragraph

__all__ = ["dump", "dumps", "to_dict"]


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
        rows: dict[str, Any] = {
            plan.name: _Inline(
                zip(plan.column_names, map(_cell, cells[plan.start : plan.stop]), strict=True)
            )
            for plan in self.table.layout.row_plans
        }
        return {**rows, **self.extras()}

    def extras(self) -> dict[str, Any]:
        """What the table keeps besides its cells, under keys that cannot be row names."""
        table = self.table
        out: dict[str, Any] = {}
        if table.notes:
            out["_notes"] = list(table.notes)
        if table.annotations:
            specs = table.layout.cells
            annotations: dict[str, Any] = {}
            for position, text in table.annotations:
                spec = specs[position]
                annotations.setdefault(spec.row.value, _Inline())[spec.column.value] = text
            out["_annotations"] = annotations
        if table.extra_rows:
            out["_extra_rows"] = [
                _Inline(label=row.label, after=row.after, cells=[_cell(c) for c in row.cells])
                for row in table.extra_rows
            ]
        if table.extra_columns:
            out["_extra_columns"] = [
                _Inline(
                    label=column.label,
                    after=column.after,
                    **({"block": column.block} if column.block else {}),
                    cells=[_cell(c) for c in column.cells],
                )
                for column in table.extra_columns
            ]
        return out

    def text(self, indent: str) -> str:
        table = self.table
        cells: tuple[object, ...] = table.cells
        if set(map(type, cells)) != {int}:
            cells = tuple([c if type(c) is int else _inline(_cell(c)) for c in table.cells])
        text: str = _table_template(table.edition, table.section, indent) % cells
        if table.notes or table.annotations or table.extra_rows or table.extra_columns:
            inner = indent + "  "
            extra = [
                f'{inner}"{key}": {_emit(value, inner)}' for key, value in self.extras().items()
            ]
            text = text[: -len(f"\n{indent}}}")] + ",\n" + ",\n".join(extra) + f"\n{indent}}}"
        return text


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
        items = [
            inner + (encode_basestring(item) if type(item) is str else _emit(item, inner))
            for item in value
        ]
        return "[\n" + ",\n".join(items) + f"\n{indent}]"
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
