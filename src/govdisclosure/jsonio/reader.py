"""Reading the JSON form: :func:`loads`, :func:`load` and :func:`from_dict`.

The reader checks every value against the format where it stands and reports a problem
with its JSON path (``$.report.applications.new.total``). These keep it fast on large
batches without giving up any check:

* a table written exactly as :func:`dumps` writes it is read straight from the text by
  one regular expression made from the writer's own pieces (``tabletext.py``), before the
  decoder sees the rest; any doubt about the document reads it again whole, so errors are
  the same either way;
* objects are decoded as tuples of key-value pairs (the decoder's C code does that
  without calling back into Python), so a repeated key is never lost: the key-by-key
  path sees it as a dict shorter than its pairs;
* paths are spelled out only for an error: while reading, a path is a cheap
  ``(parent, key)`` pair;
* an object whose keys are exactly the ones :func:`dumps` writes, in its order (the
  keys of ``envelope.py``), is taken apart in a few C-level steps; any other object
  (keys missing, reordered, unknown or repeated) goes through the key-by-key checks,
  which also word the errors. Values are checked the same way either way, and the
  model objects are then built without checking them a second time (``_trusted.py``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import IO, Any, Final, TypeAlias

import attrs

from govdisclosure._trusted import trusted_maker
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
from govdisclosure.jsonio.tabletext import CutTable, cut_tables, make_money
from govdisclosure.layouts import CellKind, TableLayout, layout
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
from govdisclosure.tables import CellTable, ExtraColumn, ExtraRow
from govdisclosure.text import Paragraph, Span, is_text

__all__ = ["from_dict", "load", "loads"]


#: A JSON path while reading: "$", or (the parent's path, a key or an index).
Path: TypeAlias = "str | tuple[Path, str | int]"

_AMOUNT: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_from_iso: Final = dt.date.fromisoformat
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _is_text(text: str) -> bool:
    # is_text for a whole document: UTF-32 is the quickest encoder to refuse a lone
    # surrogate in mostly non-ASCII text.
    try:
        text.encode("utf-32-le")
    except UnicodeEncodeError:
        return False
    return True


class _Shape:
    """The keys of one kind of object: all of them in the order :func:`dumps` writes
    them, and which of them an object must have."""

    __slots__ = ("keys", "optional", "required")

    def __init__(self, keys: tuple[str, ...], required: tuple[str, ...]) -> None:
        self.keys = keys
        self.required = required
        self.optional = tuple(key for key in keys if key not in required)


_DOCUMENT: Final = _Shape(DOCUMENT_KEYS, DOCUMENT_KEYS)
_REPORT: Final = _Shape(
    REPORT_KEYS, ("organ", "year", "edition", *(name for name, _ in TABLE_FIELDS))
)
_SCOPE: Final = _Shape(SCOPE_KEYS, ("kind",))
_PREAMBLE: Final = _Shape(PREAMBLE_KEYS, ())
_PERIOD: Final = _Shape(PERIOD_KEYS, PERIOD_KEYS)
_WEBSITE: Final = _Shape(WEBSITE_KEYS, ("name",))
_CONTACT: Final = _Shape(CONTACT_KEYS, ())
_OVERVIEW: Final = _Shape(OVERVIEW_KEYS, ())
_SUBSECTION: Final = _Shape(SUBSECTION_KEYS, ("title",))
_SPAN: Final = _Shape(SPAN_KEYS, ("text",))


class _Missing:
    """The value of a key an object does not have (``null`` is ``None``)."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING: Final = _Missing()


def _given(value: Any, default: Any) -> Any:
    return default if value is MISSING else value


# Makers of model objects from values this reader has already checked for exactly what
# the model's validators and converters check (text valid and not blank, tuples of model
# objects), so that nothing is checked twice on the hot path (see _trusted.py).
_make_span: Final = trusted_maker(Span)
_make_paragraph: Final = trusted_maker(Paragraph)
_make_period: Final = trusted_maker(Period)
_make_website: Final = trusted_maker(Website)
_make_contact: Final = trusted_maker(Contact)
_make_preamble: Final = trusted_maker(Preamble)
_make_subsection: Final = trusted_maker(Subsection)
_make_overview: Final = trusted_maker(Overview)
_make_report: Final = trusted_maker(AnnualReport)


def _plain_paragraph(text: str) -> Paragraph:
    # Paragraph(text) for text checked already (valid Unicode, not only whitespace).
    return _make_paragraph((_make_span(text, False),))


_OWN_SCOPE: Final = Scope()
_OWN_SCOPE_WRITTEN: Final[tuple[tuple[str, object], ...]] = (
    ("kind", ScopeKind.OWN.value),
    ("organs", []),
)

#: Report keys whose null is an error rather than the model's default.
_NOT_NULL: Final = frozenset({"scope", "preamble", "overview", "problems", "other_matters"})


def spell(path: Path) -> str:
    """The JSON path as text: ``$.report.overview.subsections[2].title``."""
    if isinstance(path, str):
        return path
    parent, key = path
    return f"{spell(parent)}[{key}]" if isinstance(key, int) else f"{spell(parent)}.{key}"


class _Float(str):
    """A JSON number with a fraction or exponent, kept as text so it can be refused."""


def _refuse_constant(name: str) -> Any:
    raise JSONFormatError(f"{name} is not valid in a govdisclosure document", path=None)


# Built once (json.loads with options builds a decoder per call). Objects arrive as tuples
# of pairs: see the module's docstring.
_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=tuple, parse_float=_Float, parse_constant=_refuse_constant
)

_keysets: dict[tuple[str, ...], frozenset[str]] = {}


def _keyset(keys: tuple[str, ...]) -> frozenset[str]:
    found = _keysets.get(keys)
    if found is None:
        found = _keysets[keys] = frozenset(keys)
    return found


def _describe(value: Any) -> str:
    if isinstance(value, _Float):
        return f"the number {value} (not an integer)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, tuple)):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return repr(value)


#: Keys a table object may carry besides its rows (row names never start with "_").
_TABLE_EXTRAS: Final = ("_notes", "_annotations", "_extra_rows", "_extra_columns")


def _extras(value: Any, pairs: bool) -> dict[str, Any]:
    items = value if pairs and type(value) is tuple else getattr(value, "items", lambda: ())()
    return {key: item for key, item in items if key in _TABLE_EXTRAS}


_COUNT: Final = CellKind.COUNT
_NULL: Final = type(None)


_flatten: Final = itertools.chain.from_iterable


def _plain_money(pairs: tuple[Any, ...]) -> Money | None:
    """Money as dumps writes it, ``{"amount": "<digits>", "unit": "<unit>"}`` with a
    non-negative amount, made without a second check; ``None`` for anything else."""
    if len(pairs) != 2:
        return None
    (key0, amount), (key1, unit) = pairs
    if (
        key0 == "amount"
        and key1 == "unit"
        and type(amount) is str
        and ((amount.isdigit() and amount.isascii()) or _AMOUNT.fullmatch(amount))
        and amount[0] != "-"  # "-0" needs the model's converter
        and type(unit) is str
    ):
        found = MoneyUnit._value2member_map_.get(unit)
        # Digits with no sign or exponent: the very Decimal the model's converter makes.
        return None if found is None else make_money(Decimal(amount), found)
    return None


def _canonical_cells(pairs: tuple[Any, ...], table: TableLayout) -> Sequence[Any] | None:
    """The cells of a table object that lists its rows and columns exactly in layout
    order, as :func:`dumps` writes them, taken in a few C-level passes; ``None`` for
    anything else (another order, a missing or extra key, a row that is not an object,
    notes or extra rows after the rows), which the reader then checks key by key."""
    rows = list(_flatten(pairs))  # name, row, name, row, …
    if rows[0::2] != table.row_name_order or set(map(type, rows[1::2])) != {tuple}:
        return None
    # The decoder makes every object a tuple of (key, value) pairs: the rows' pairs,
    # transposed in one step, are the column names and the cells of the whole table.
    cells = list(_flatten(rows[1::2]))
    if not cells:
        return None
    names, values = zip(*cells)  # noqa: B905 (pairs, as in fields)
    shared = table.shared_columns
    if shared is None:
        return values if names == table.column_name_order else None
    # The decoder makes one str object per distinct key of a document: once the first
    # row's names are right, the others compare by identity, which is cheaper.
    head = names[: len(shared)]
    return values if head == shared and names == head * (len(rows) // 2) else None


class _CutMisfitError(Exception):
    """A table cut out of the text does not fit where it was read: read it uncut."""


class _Reader:
    """Walks a decoded document, checking each value against the format at its path."""

    def __init__(
        self,
        source: str | None,
        *,
        pairs: bool,
        valid_text: bool = False,
        cut: dict[Section, CutTable] | None = None,
    ) -> None:
        self.source = source
        # Tables read from the text before decoding (tabletext.cut_tables), each in place
        # of a null; taken out as they are read, so that what is left was not where the
        # report's tables are.
        self.cut = cut
        # Whether every string of the document is known to be valid Unicode text (see
        # loads); otherwise each string is checked where it is read.
        self.valid_text = valid_text
        # Whether objects arrive as tuples of pairs (from our decoder) rather than dicts
        # (from_dict); then, and only then, a tuple is an object.
        self.pairs = pairs

    def fail(self, path: Path, message: str) -> JSONFormatError:
        return JSONFormatError(message, path=spell(path), source=self.source)

    # --- values ---------------------------------------------------------------------------

    def obj(
        self, value: Any, path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        kind = type(value)
        if kind is tuple and self.pairs:
            checked = dict(value)
            if len(checked) != len(value):
                seen: set[str] = set()
                repeated = next(k for k, _ in value if k in seen or seen.add(k))  # type: ignore[func-returns-value]
                raise self.fail(path, f"the key {repeated!r} appears more than once")
        elif kind is dict:
            checked = value
        elif isinstance(value, Mapping):
            checked = dict(value)  # from_dict also takes other mappings
        else:
            raise self.fail(path, f"expected an object, got {_describe(value)}")
        keys = checked.keys()
        if not keys >= _keyset(required):
            missing = [k for k in required if k not in checked]
            raise self.fail(path, f"missing key {missing[0]!r}")
        if len(checked) > len(required) and not keys <= _keyset((*required, *optional)):
            allowed = {*required, *optional}
            unknown = sorted(k for k in checked if k not in allowed)
            expected = ", ".join(repr(k) for k in (*required, *optional))
            raise self.fail(
                (path, unknown[0]), f"unknown key {unknown[0]!r}; expected one of {expected}"
            )
        return checked

    def fields(self, value: Any, path: Path, shape: _Shape) -> Sequence[Any]:
        """The values of an object, in the order of ``shape``'s keys (:data:`MISSING` for
        an optional key it does not have), after :meth:`obj`'s checks."""
        if type(value) is tuple and self.pairs and value:
            # The decoder's pairs, transposed. Every item is a pair, so zip needs no
            # strict=True, which costs a call per pair (as even strict=False does a little).
            names, values = zip(*value)  # noqa: B905
            if names == shape.keys:
                return values
        checked = self.obj(value, path, shape.required, shape.optional)
        return [checked.get(key, MISSING) for key in shape.keys]

    def array(self, value: Any, path: Path, what: str) -> list[Any]:
        if type(value) is not list:
            raise self.fail(path, f"expected a list of {what}, got {_describe(value)}")
        return value

    def string(self, value: Any, path: Path) -> str:
        if type(value) is not str:
            raise self.fail(path, f"expected a string, got {_describe(value)}")
        if not value.strip():
            raise self.fail(path, "expected a non-empty string")
        if not (self.valid_text or is_text(value)):
            raise self.fail(path, "the string holds a lone surrogate (not valid Unicode text)")
        return value

    def optional_string(self, value: Any, path: Path) -> str | None:
        return None if value is None else self.string(value, path)

    def year(self, value: Any, path: Path) -> int:
        if type(value) is not int:
            raise self.fail(path, f"expected an integer, got {_describe(value)}")
        if not FIRST_REPORT_YEAR <= value <= LAST_REPORT_YEAR:
            raise self.fail(
                path,
                f"expected a year from {FIRST_REPORT_YEAR} to {LAST_REPORT_YEAR}, got {value}",
            )
        return value

    def date(self, value: Any, path: Path) -> dt.date:
        if type(value) is str and len(value) == 10 and value[4] == "-" == value[7]:
            # Of this shape, fromisoformat reads nothing but YYYY-MM-DD in ASCII digits.
            try:
                return _from_iso(value)
            except ValueError:
                pass  # worded below
        text = self.string(value, path)
        try:
            if not _DATE.fullmatch(text):
                raise ValueError(text)  # fromisoformat would also read "2020-W01-1"
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self.fail(path, f"expected a date as YYYY-MM-DD, got {text!r}") from None

    def enum(self, value: Any, path: Path, cls: Any) -> Any:
        member = cls._value2member_map_.get(value) if type(value) is str else None
        if member is None:
            choices = ", ".join(repr(m.value) for m in cls)
            raise self.fail(path, f"expected one of {choices}, got {_describe(value)}")
        return member

    def strings(self, value: Any, path: Path) -> tuple[str, ...]:
        items = self.array(value, path, "strings")
        return tuple([self.string(item, (path, i)) for i, item in enumerate(items)])

    # --- prose ----------------------------------------------------------------------------

    def paragraph(self, value: Any, path: Path) -> Paragraph:
        if type(value) is str:
            if value and not value.isspace() and (self.valid_text or is_text(value)):
                return _plain_paragraph(value)
            try:
                return Paragraph(value)  # checks the text: not blank, valid Unicode
            except ReportValueError as err:
                raise self.fail(path, str(err)) from None
        if type(value) is not list or not value:
            raise self.fail(
                path, f"expected a paragraph (a string or a list of spans), got {_describe(value)}"
            )
        spans = []
        valid = self.valid_text
        previous = None
        normal = True  # as dumps writes it: no empty span, neighbours of different styles
        for i, item in enumerate(value):
            text, bold = (item, False) if type(item) is str else self.span(item, (path, i))
            if not (valid or is_text(text)):
                raise self.fail((path, i), "the string holds a lone surrogate (not valid text)")
            if not text or bold is previous:
                normal = False
            previous = bold
            spans.append(_make_span(text, bold))
        if normal and not all(span.text.isspace() for span in spans):
            return _make_paragraph(tuple(spans))
        try:
            return Paragraph(spans)  # merges and drops what it must, or says why not
        except ReportValueError as err:
            raise self.fail(path, str(err)) from None

    def span(self, value: Any, path: Path) -> tuple[str, bool]:
        """The text and style of a span object (its text not yet checked as Unicode)."""
        if type(value) is tuple and self.pairs and len(value) == 2:
            (first, text), (second, bold) = value  # as dumps writes it: two pairs
            if first == "text" and second == "bold" and type(text) is str and type(bold) is bool:
                return text, bold
        text, bold = self.fields(value, path, _SPAN)
        bold = _given(bold, False)
        if type(text) is not str:
            raise self.fail((path, "text"), f"expected a string, got {_describe(text)}")
        if type(bold) is not bool:
            raise self.fail((path, "bold"), f"expected true or false, got {_describe(bold)}")
        return text, bold

    def paragraphs(self, value: Any, path: Path) -> tuple[Paragraph, ...]:
        if type(value) is list and len(value) == 1:  # the most common list, without a loop
            item = value[0]
            if (
                type(item) is str
                and item
                and not item.isspace()
                and (self.valid_text or is_text(item))
            ):
                return (_make_paragraph((_make_span(item, False),)),)
        items = self.array(value, path, "paragraphs")
        valid = self.valid_text
        return tuple(
            [
                _plain_paragraph(item)  # the common case, checked here without a call
                if type(item) is str and item and not item.isspace() and (valid or is_text(item))
                else self.paragraph(item, (path, i))
                for i, item in enumerate(items)
            ]
        )

    # --- cells and tables -----------------------------------------------------------------

    def cell(self, value: Any, path: Path, kind: CellKind) -> Cell:
        if value is None:
            return BLANK
        if is_valid_cell(kind, value) and type(value) is int:
            return value
        if type(value) is int:
            if kind is CellKind.MONEY:
                raise self.fail(
                    path, f'money is written {{"amount": "…", "unit": "…"}}, got {value}'
                )
            if value < 0 and kind is not CellKind.SIGNED:
                raise self.fail(path, f"a count must not be negative, got {value}")
            raise self.fail(path, "a count must be smaller than 2**63")
        if type(value) is dict or (type(value) is tuple and self.pairs):
            return self.marked_cell(value, path, kind)
        what = {
            CellKind.COUNT: "a count",
            CellKind.SIGNED: "a signed count",
            CellKind.MONEY: "money",
        }
        raise self.fail(
            path, f'expected {what[kind]}, null (blank) or {{"na": mark}}, got {_describe(value)}'
        )

    def marked_cell(self, value: Any, path: Path, kind: CellKind) -> Cell:
        if kind is CellKind.MONEY and type(value) is tuple and self.pairs:
            plain = _plain_money(value)
            if plain is not None:
                return plain
        fields = self.obj(value, path, (), ("na", "amount", "unit"))
        if "na" in fields or kind is not CellKind.MONEY:
            mark = self.obj(fields, path, ("na",))["na"]
            if mark not in NOT_APPLICABLE_MARKS:
                raise self.fail(
                    (path, "na"),
                    f"expected one of {' '.join(NOT_APPLICABLE_MARKS)}, got {_describe(mark)}",
                )
            return NotApplicable(mark)
        money = self.obj(fields, path, ("amount", "unit"))
        amount = money["amount"]
        if type(amount) is not str or not _AMOUNT.fullmatch(amount):
            raise self.fail(
                (path, "amount"),
                f'expected a decimal string such as "12" or "-0.5", got {_describe(amount)}',
            )
        return Money(amount, self.enum(money["unit"], (path, "unit"), MoneyUnit))

    def table(
        self, value: Any, path: Path, cls: type[CellTable[Any, Any]], edition: Edition
    ) -> Any:
        if value is None and self.cut:
            found = self.cut.pop(cls.section, None)
            if found is not None:
                if found.edition is not edition:
                    raise _CutMisfitError
                return cls.trusted(edition, found.cells)
        table = layout(edition).table(cls.section)
        values = _canonical_cells(value, table) if type(value) is tuple and self.pairs else None
        extras = None
        if values is None:
            values = self.cells_by_key(value, path, table)
            extras = _extras(value, self.pairs)
        cells = self.counts_in_bulk(values, path, table)
        if cells is None:
            cells = [
                item
                if type(item) is int and spec.kind is _COUNT and 0 <= item < COUNT_LIMIT
                else BLANK
                if item is None
                else self.cell(item, ((path, spec.row.value), spec.column.value), spec.kind)
                for spec, item in zip(table.cells, values, strict=True)
            ]
        built = cls.trusted(edition, tuple(cells))
        return self.table_extras(built, extras, path) if extras else built

    def counts_in_bulk(
        self, values: Sequence[Any], path: Path, table: TableLayout
    ) -> Sequence[Cell] | None:
        """The cells, when every count and signed cell holds an int in its range or null
        (the common case, checked in a few C-level passes; money cells one by one);
        ``None`` when some cell needs a closer look."""
        numbers = values if table.counts_only else table.pick_numbers(values)
        # Counting exact types in a list is cheaper than collecting them in a set.
        kinds = list(map(type, numbers))
        ints = kinds.count(int)
        if ints == len(kinds):
            cells = values if table.counts_only else list(values)
        elif ints + kinds.count(_NULL) == len(kinds):
            cells = [BLANK if item is None else item for item in values]
        else:
            return None
        # Only ints and None are left (bools were told apart by type above), so the range
        # of the distinct values is the range of all; tables hold few distinct numbers.
        distinct = set(numbers)
        distinct.discard(None)
        if distinct:
            low = min(distinct)
            if max(distinct) >= COUNT_LIMIT or low <= -COUNT_LIMIT:
                return None
            if low < 0 and not table.counts_only:  # allowed in signed cells only
                counts = set(table.pick_counts(values))
                counts.discard(None)
                low = min(counts, default=0)
            if low < 0:
                return None
        for position in table.money_positions:
            value = values[position]
            cell: Cell | None = _plain_money(value) if type(value) is tuple and self.pairs else None
            if cell is None:
                spec = table.cells[position]
                cell = self.cell(value, ((path, spec.row.value), spec.column.value), spec.kind)
            cells[position] = cell  # type: ignore[index]
        return cells

    def cells_by_key(self, value: Any, path: Path, table: TableLayout) -> list[Any]:
        plans = table.row_plans
        rows = self.obj(value, path, tuple(plan.name for plan in plans), _TABLE_EXTRAS)
        values: list[Any] = []
        for plan in plans:
            row = rows[plan.name]
            if type(row) is tuple and self.pairs:
                pairs, row = row, dict(row)
                if len(row) != len(pairs) or row.keys() != plan.column_set:
                    row = self.obj(pairs, (path, plan.name), plan.column_names)
            elif type(row) is not dict or row.keys() != plan.column_set:
                row = self.obj(row, (path, plan.name), plan.column_names)
            values.extend(plan.pick(row))
        return values

    def table_extras(
        self, table: CellTable[Any, Any], extras: dict[str, Any], path: Path
    ) -> CellTable[Any, Any]:
        """The notes, annotations and extra rows a table object carries."""
        layout_ = table.layout
        notes = self.strings(extras.get("_notes", []), (path, "_notes"))
        annotations: list[tuple[int, str]] = []
        if "_annotations" in extras:
            where = (path, "_annotations")
            by_row = self.obj(extras["_annotations"], where, (), tuple(layout_.row_name_order))
            for row_name, columns in by_row.items():
                plan = next(p for p in layout_.row_plans if p.name == row_name)
                texts = self.obj(columns, (where, row_name), (), plan.column_names)
                for column_name, text in texts.items():
                    spot: Path = ((where, row_name), column_name)
                    position = plan.start + plan.column_names.index(column_name)
                    annotations.append((position, self.string(text, spot)))
        rows = []
        listed: Path = (path, "_extra_rows")
        for i, item in enumerate(self.array(extras.get("_extra_rows", []), listed, "rows")):
            at: Path = (listed, i)
            fields = self.obj(item, at, ("label", "cells"), ("after",))
            after = fields.get("after")
            if after is not None and (type(after) is not str or after not in layout_.row_names):
                raise self.fail((at, "after"), f"no number row named {_describe(after)}")
            cells = self.extra_cells(fields["cells"], (at, "cells"))
            rows.append((self.string(fields["label"], (at, "label")), cells, after))
        columns = self.extra_columns(
            extras.get("_extra_columns", []), (path, "_extra_columns"), table
        )
        changed: CellTable[Any, Any] = self.guarded(
            path,
            lambda: attrs.evolve(
                table,
                notes=notes,
                annotations=tuple(sorted(annotations)),
                extra_rows=tuple(ExtraRow(label, cells, after) for label, cells, after in rows),
                extra_columns=columns,
            ),
        )
        return changed

    def extra_cells(self, value: Any, path: Path) -> tuple[Cell, ...]:
        """The figures of an extra row or column: counts, money, blanks or marks."""
        kinds = [
            CellKind.MONEY if type(c) in (dict, tuple) else CellKind.COUNT
            for c in self.array(value, path, "cells")
        ]
        return tuple(
            self.cell(c, (path, n), kind)
            for n, (c, kind) in enumerate(zip(value, kinds, strict=True))
        )

    def extra_columns(
        self, value: Any, path: Path, table: CellTable[Any, Any]
    ) -> tuple[ExtraColumn, ...]:
        """The columns a table object carries besides its edition's, checked against the
        table's layout so that an error names the item at fault."""
        blocks = table.layout.blocks
        columns = []
        for i, item in enumerate(self.array(value, path, "columns")):
            at: Path = (path, i)
            fields = self.obj(item, at, ("label", "after", "cells"), ("block",))
            number = fields.get("block", 0)
            if type(number) is not int or not 0 <= number < len(blocks):
                raise self.fail(
                    (at, "block"),
                    f"expected a block index from 0 to {len(blocks) - 1}, got {_describe(number)}",
                )
            block = blocks[number]
            after = fields["after"]
            names = [node.key.value for node in block.columns]
            if after not in names:
                raise self.fail(
                    (at, "after"),
                    f"expected a number column of block {number} "
                    f"({', '.join(repr(n) for n in names)}), got {_describe(after)}",
                )
            cells = self.extra_cells(fields["cells"], (at, "cells"))
            if len(cells) != len(block.rows):
                raise self.fail(
                    (at, "cells"),
                    f"expected {len(block.rows)} cells, one per number row of block {number}, "
                    f"got {len(cells)}",
                )
            label = self.string(fields["label"], (at, "label"))
            columns.append(ExtraColumn(label, cells, after, number))
        return tuple(columns)

    # --- the report -----------------------------------------------------------------------

    def guarded(self, path: Path, make: Any, *args: Any) -> Any:
        # Model validators see whole objects (a period that ends before it starts);
        # their errors get the path of the object.
        try:
            return make(*args)
        except JSONFormatError:
            raise
        except GovDisclosureError as err:
            raise self.fail(path, str(err)) from None

    def scope(self, value: Any, path: Path) -> Scope:
        if value == _OWN_SCOPE_WRITTEN and self.pairs:
            return _OWN_SCOPE  # most reports: frozen, so one instance serves them all
        kind, organs = self.fields(value, path, _SCOPE)
        kind = self.enum(kind, (path, "kind"), ScopeKind)
        organs = self.strings(_given(organs, []), (path, "organs"))
        return self.guarded(path, Scope, kind, organs)  # type: ignore[no-any-return]

    def period(self, value: Any, path: Path) -> Period:
        start, end = self.fields(value, path, _PERIOD)
        start, end = self.date(start, (path, "start")), self.date(end, (path, "end"))
        if start <= end:
            return _make_period(start, end)
        return self.guarded(path, Period, start, end)  # type: ignore[no-any-return]

    def website(self, value: Any, path: Path) -> Website:
        name, url = self.fields(value, path, _WEBSITE)
        valid = self.valid_text
        if (
            type(name) is str
            and name.strip()
            and (valid or is_text(name))
            and (url is None or (type(url) is str and url.strip() and (valid or is_text(url))))
        ):
            return _make_website(name, url)
        return _make_website(
            self.string(name, (path, "name")),
            self.optional_string(_given(url, None), (path, "url")),
        )

    def contact(self, value: Any, path: Path) -> Contact:
        values = self.fields(value, path, _CONTACT)
        valid = self.valid_text
        if all(
            item is None or (type(item) is str and item.strip() and (valid or is_text(item)))
            for item in values
        ):
            return _make_contact(*values)
        return _make_contact(
            *[
                self.optional_string(_given(item, None), (path, key))
                for key, item in zip(CONTACT_KEYS, values, strict=True)
            ]
        )

    def preamble(self, value: Any, path: Path) -> Preamble:
        paragraphs, legal_basis, period, website, contact = self.fields(value, path, _PREAMBLE)
        if MISSING not in (paragraphs, legal_basis, period, website, contact):
            return _make_preamble(
                self.paragraphs(paragraphs, (path, "paragraphs")),
                self.strings(legal_basis, (path, "legal_basis")),
                None if period is None else self.period(period, (path, "period")),
                None if website is None else self.website(website, (path, "website")),
                None if contact is None else self.contact(contact, (path, "contact")),
            )
        return _make_preamble(
            self.paragraphs(_given(paragraphs, []), (path, "paragraphs")),
            self.strings(_given(legal_basis, []), (path, "legal_basis")),
            None if period is None or period is MISSING else self.period(period, (path, "period")),
            None
            if website is None or website is MISSING
            else self.website(website, (path, "website")),
            None
            if contact is None or contact is MISSING
            else self.contact(contact, (path, "contact")),
        )

    def subsection(self, value: Any, path: Path) -> Subsection:
        if type(value) is tuple and len(value) == 3 and self.pairs:
            (key0, title), (key1, run_in), (key2, paragraphs) = value
            if (
                (key0, key1, key2) == SUBSECTION_KEYS
                and type(title) is str
                and title.strip()
                and (self.valid_text or is_text(title))
                and type(run_in) is bool
            ):
                return _make_subsection(
                    title, self.paragraphs(paragraphs, (path, "paragraphs")), run_in
                )
        title, run_in, paragraphs = self.fields(value, path, _SUBSECTION)
        run_in = _given(run_in, False)
        if type(run_in) is not bool:
            raise self.fail((path, "run_in"), f"expected true or false, got {_describe(run_in)}")
        title = self.string(title, (path, "title"))
        paragraphs = self.paragraphs(_given(paragraphs, []), (path, "paragraphs"))
        return _make_subsection(title, paragraphs, run_in)

    def overview(self, value: Any, path: Path) -> Overview:
        intro, subsections = self.fields(value, path, _OVERVIEW)
        where = (path, "subsections")
        items = self.array(_given(subsections, []), where, "subsections")
        return _make_overview(
            self.paragraphs(_given(intro, []), (path, "intro")),
            tuple([self.subsection(item, (where, i)) for i, item in enumerate(items)]),
        )

    def report(self, value: Any, path: Path) -> AnnualReport:
        if type(value) is tuple and len(value) == len(REPORT_KEYS) and self.pairs:
            keys, items = zip(*value)  # noqa: B905 (pairs, as in fields)
            if keys == REPORT_KEYS:
                return self.every_field(items, path)
        values = dict(zip(REPORT_KEYS, self.fields(value, path, _REPORT), strict=True))
        edition = self.enum(values["edition"], (path, "edition"), Edition)
        fields: dict[str, Any] = {
            "organ": self.string(values["organ"], (path, "organ")),
            "year": self.year(values["year"], (path, "year")),
            "edition": edition,
        }
        for name, cls in TABLE_FIELDS:
            fields[name] = self.table(values[name], (path, name), cls, edition)
        for name, read in _OPTIONAL_READERS:
            item = values[name]
            # A missing key leaves the model's default; so does null where the model's
            # own default is None (organ_kind, published, title).
            if item is not MISSING and (item is not None or name in _NOT_NULL):
                fields[name] = read(self, item, (path, name))
        return self.guarded(path, lambda: AnnualReport(**fields))  # type: ignore[no-any-return]

    def every_field(self, items: tuple[Any, ...], path: Path) -> AnnualReport:
        """The report from the values of all its keys, in the order dumps writes them."""
        (organ, year, edition, scope, organ_kind, published, title, preamble, overview) = items[:9]
        edition = self.enum(edition, (path, "edition"), Edition)
        (proactive, proactive_cls), (applications, applications_cls), (reviews, reviews_cls) = (
            TABLE_FIELDS
        )
        # In AnnualReport's field order: each value is checked here exactly as its
        # validator would (tables are built in the report's edition).
        return _make_report(
            self.string(organ, (path, "organ")),
            self.year(year, (path, "year")),
            edition,
            self.scope(scope, (path, "scope")),
            None if organ_kind is None else self.enum(organ_kind, (path, "organ_kind"), OrganKind),
            None if published is None else self.date(published, (path, "published")),
            None if title is None else self.string(title, (path, "title")),
            self.preamble(preamble, (path, "preamble")),
            self.overview(overview, (path, "overview")),
            self.table(items[9], (path, proactive), proactive_cls, edition),
            self.table(items[10], (path, applications), applications_cls, edition),
            self.table(items[11], (path, reviews), reviews_cls, edition),
            self.paragraphs(items[12], (path, "problems")),
            self.paragraphs(items[13], (path, "other_matters")),
        )

    def document(self, value: Any) -> AnnualReport:
        format_, version, report = self.fields(value, "$", _DOCUMENT)
        if format_ != FORMAT:
            raise self.fail(("$", "format"), f"expected {FORMAT!r}, got {_describe(format_)}")
        if type(version) is not int or version != FORMAT_VERSION:
            raise self.fail(
                ("$", "format_version"),
                f"this version of govdisclosure reads format_version {FORMAT_VERSION}, "
                f"got {_describe(version)}",
            )
        return self.report(report, ("$", "report"))


#: How the report's optional fields are read, in document order.
_OPTIONAL_READERS: Final[tuple[tuple[str, Any], ...]] = (
    ("scope", _Reader.scope),
    ("organ_kind", lambda reader, value, path: reader.enum(value, path, OrganKind)),
    ("published", _Reader.date),
    ("title", _Reader.string),
    ("preamble", _Reader.preamble),
    ("overview", _Reader.overview),
    ("problems", _Reader.paragraphs),
    ("other_matters", _Reader.paragraphs),
)


def from_dict(data: Mapping[str, Any], *, source: str | None = None) -> AnnualReport:
    """A report from a JSON document already decoded into dicts and lists (what
    :func:`json.loads` returns, or :func:`~govdisclosure.jsonio.to_dict`)."""
    return _Reader(source, pairs=False).document(data)


def loads(text: str | bytes, *, source: str | None = None) -> AnnualReport:
    """A report from a JSON document; :class:`~govdisclosure.errors.JSONFormatError` says
    where (``source``, then the JSON path, or the line and column) and why when it is not
    one."""
    valid_text = isinstance(text, bytes)  # UTF-8 decoding never yields a lone surrogate
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
    # A lone surrogate reaches a decoded string only from the text itself or from a
    # \ud800-style escape: when neither holds one, no string needs checking on its own.
    valid_text = (valid_text or text.isascii() or _is_text(text)) and (
        "\\" not in text or not _SURROGATE_ESCAPE.search(text)
    )
    rest, cut = cut_tables(text)
    if cut:
        # Reading with the tables cut out must give exactly what reading the whole text
        # gives: any doubt (an error, a table left over or out of place) reads it whole,
        # so that errors are worded and placed as they would be without the cut.
        try:
            reader = _Reader(source, pairs=True, valid_text=valid_text, cut=cut)
            report = reader.document(_DECODER.decode(rest))
        except (ValueError, RecursionError, GovDisclosureError, _CutMisfitError):
            pass
        else:
            # Every cut table was taken where a table belongs. One cut from anywhere else
            # cannot pass for a null the text itself wrote there: its key stands where no
            # object allows it, an error, which reads the text whole.
            if not reader.cut:
                return report
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
    return _Reader(source, pairs=True, valid_text=valid_text).document(data)


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
