"""Writing the JSON form: :func:`to_dict`, :func:`dumps` and :func:`dump`.

The text is deterministic: UTF-8 (not ASCII-escaped), keys in a fixed order, two-space
indent, a table row or a paragraph per line, and a trailing newline.
"""

from __future__ import annotations

import json
import os
from json.encoder import encode_basestring
from typing import IO, Any, Final

from govdisclosure.cells import BLANK, Cell, Money, NotApplicable
from govdisclosure.errors import ReportValueError
from govdisclosure.jsonio.envelope import (
    CONTACT_KEYS,
    DOCUMENT_KEYS,
    FORMAT,
    FORMAT_VERSION,
    OVERVIEW_KEYS,
    PERIOD_KEYS,
    PREAMBLE_KEYS,
    REPORT_KEYS,
    SCOPE_KEYS,
    SPAN_KEYS,
    SUBSECTION_KEYS,
    TABLE_FIELDS,
    WEBSITE_KEYS,
)
from govdisclosure.jsonio.tabletext import (
    TABLE_INDENT,
    inline_template,
    split_template,
    table_pieces,
)
from govdisclosure.report import AnnualReport, Overview, Preamble
from govdisclosure.tables import CellTable
from govdisclosure.text import Paragraph

__all__ = ["dump", "dumps", "to_dict"]


class _Inline(dict[str, Any]):
    """A mapping written on one line (a cell, an extra row or column)."""


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


def _table_extras(table: CellTable[Any, Any]) -> dict[str, Any]:
    """What a table keeps besides its cells, under keys that cannot be row names."""
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


def _table_text(table: CellTable[Any, Any], indent: str) -> str:
    """A table object: its cells filled into the fixed text of its edition's rows."""
    cells = table.cells
    try:
        texts = list(map(_COUNT_TEXT.__getitem__, cells))
    except (KeyError, TypeError):  # not all counts under 1,000: money, blanks, marks
        texts = [
            (_COUNT_TEXT.get(c) or str(c))
            if type(c) is int
            else "null"
            if c is BLANK
            else _inline(_cell(c))
            for c in cells
        ]
    text = _fill(table_pieces(table.edition, table.section, indent), texts)
    if table.notes or table.annotations or table.extra_rows or table.extra_columns:
        inner = indent + "  "
        extra = [
            f'{inner}"{key}": {_emit(value, inner)}' for key, value in _table_extras(table).items()
        ]
        text = text[: -len(f"\n{indent}}}")] + ",\n" + ",\n".join(extra) + f"\n{indent}}}"
    return text


#: The text of the counts most cells hold: a look-up is much cheaper than formatting.
_COUNT_TEXT: Final[dict[object, str]] = {count: str(count) for count in range(1000)}


# --- the document -------------------------------------------------------------------------
# Each object of the document is a %-template made from its keys (envelope.py), filled
# with its values already encoded: the report is printed with no generic walk over
# intermediate dicts, which is most of what made writing slow.


def _object(keys: tuple[str, ...], indent: str) -> str:
    inner = indent + "  "
    return "{\n" + ",\n".join(f'{inner}"{key}": %s' for key in keys) + f"\n{indent}}}"


_DOCUMENT: Final = split_template(
    _object(DOCUMENT_KEYS, "")
    % (encode_basestring(FORMAT), FORMAT_VERSION, _object(REPORT_KEYS, "  "))
)
_SCOPE: Final = split_template(_object(SCOPE_KEYS, "    "))
_PREAMBLE: Final = split_template(_object(PREAMBLE_KEYS, "    "))
_PERIOD: Final = split_template(inline_template(PERIOD_KEYS))
_WEBSITE: Final = split_template(_object(WEBSITE_KEYS, "      "))
_CONTACT: Final = split_template(_object(CONTACT_KEYS, "      "))
_OVERVIEW: Final = split_template(_object(OVERVIEW_KEYS, "    "))
_SUBSECTION: Final = split_template(_object(SUBSECTION_KEYS, "        "))
_BOLD_SPAN: Final = inline_template(SPAN_KEYS) % ("%s", "true")


def _list(items: list[str], indent: str) -> str:
    if not items:
        return "[]"
    inner = indent + "  "
    separator = ",\n" + inner
    return f"[\n{inner}{separator.join(items)}\n{indent}]"


def _optional(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _fill(pieces: list[str], values: list[str]) -> str:
    # An object from its fixed pieces and its values' texts: one join, which is
    # cheaper than %-formatting ASCII text with CJK arguments.
    text = pieces.copy()
    text[1::2] = values
    return "".join(text)


def _paragraph(paragraph: Paragraph) -> str:
    spans = paragraph.spans
    if len(spans) == 1 and not spans[0].bold:
        return encode_basestring(spans[0].text)
    texts = [
        _BOLD_SPAN % encode_basestring(s.text) if s.bold else encode_basestring(s.text)
        for s in spans
    ]
    return f"[{', '.join(texts)}]"


def _paragraphs(items: tuple[Paragraph, ...], indent: str) -> str:
    if not items:
        return "[]"
    inner = indent + "  "
    if len(items) == 1:  # the most common list, without a comprehension
        spans = items[0].spans
        text = (
            encode_basestring(spans[0].text)
            if len(spans) == 1 and not spans[0].bold
            else _paragraph(items[0])
        )
        return f"[\n{inner}{text}\n{indent}]"
    texts = [
        # a plain paragraph, the common case, without a call
        encode_basestring(p.spans[0].text)
        if len(p.spans) == 1 and not p.spans[0].bold
        else _paragraph(p)
        for p in items
    ]
    separator = ",\n" + inner
    return f"[\n{inner}{separator.join(texts)}\n{indent}]"


def _strings(items: tuple[str, ...], indent: str) -> str:
    return _list([encode_basestring(s) for s in items], indent)


def _preamble(preamble: Preamble) -> str:
    period, website, contact = preamble.period, preamble.website, preamble.contact
    return _fill(
        _PREAMBLE,
        [
            _paragraphs(preamble.paragraphs, "      "),
            _strings(preamble.legal_basis, "      "),
            "null"
            if period is None
            else _fill(_PERIOD, [f'"{period.start.isoformat()}"', f'"{period.end.isoformat()}"']),
            "null"
            if website is None
            else _fill(_WEBSITE, [encode_basestring(website.name), _optional(website.url)]),
            "null"
            if contact is None
            else _fill(
                _CONTACT,
                [
                    _optional(contact.office),
                    _optional(contact.address),
                    _optional(contact.postcode),
                    _optional(contact.phone),
                    _optional(contact.email),
                ],
            ),
        ],
    )


def _overview(overview: Overview) -> str:
    subsections = [
        _fill(
            _SUBSECTION,
            [
                encode_basestring(s.title),
                "true" if s.run_in else "false",
                _paragraphs(s.paragraphs, "          "),
            ],
        )
        for s in overview.subsections
    ]
    return _fill(_OVERVIEW, [_paragraphs(overview.intro, "      "), _list(subsections, "      ")])


def _report(report: AnnualReport) -> str:
    scope = report.scope
    organ_kind = report.organ_kind
    published = report.published
    return _fill(
        _DOCUMENT,
        [
            encode_basestring(report.organ),
            str(report.year),
            f'"{report.edition.value}"',
            _fill(_SCOPE, [f'"{scope.kind.value}"', _strings(scope.organs, "      ")]),
            "null" if organ_kind is None else f'"{organ_kind.value}"',
            "null" if published is None else f'"{published.isoformat()}"',
            _optional(report.custom_title),
            _preamble(report.preamble),
            _overview(report.overview),
            *[_table_text(getattr(report, name), TABLE_INDENT) for name, _ in TABLE_FIELDS],
            _paragraphs(report.problems, "    "),
            _paragraphs(report.other_matters, "    "),
        ],
    )


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """The JSON document of ``report`` as plain Python data: exactly what :func:`dumps`
    writes, decoded.

    >>> import govdisclosure as gd
    >>> gd.to_dict(gd.AnnualReport(organ="某县统计局", year=2022))["report"]["year"]
    2022
    """
    return json.loads(dumps(report))  # type: ignore[no-any-return]


def _emit(value: Any, indent: str) -> str:
    # A small pretty-printer for what a table carries besides its cells: objects and
    # lists one item per line, except _Inline mappings and lists, which stay on one line.
    # Keys are the format's own ASCII names, so they need no escaping.
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is _Inline:
        return _inline(value)
    inner = indent + "  "
    if kind is dict:
        if not value:
            return "{}"
        items = [f'{inner}"{key}": {_emit(item, inner)}' for key, item in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if kind is list:
        return _list([_emit(item, inner) for item in value], indent)
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
    if not isinstance(report, AnnualReport):
        raise ReportValueError(f"expected an AnnualReport, got {report!r}")
    return _report(report) + "\n"


def dump(report: AnnualReport, target: str | os.PathLike[str] | IO[str]) -> None:
    """Write ``report`` as JSON to a path (UTF-8) or an open text file."""
    text = dumps(report)
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    else:
        target.write(text)
