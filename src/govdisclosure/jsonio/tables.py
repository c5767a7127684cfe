"""Tables in the JSON form: an object with a key per number row of the edition's layout,
each an object with a key per number column, written on one line; then what else the
table keeps, under keys that cannot be row names (``_notes``, ``_annotations``,
``_extra_rows``, ``_extra_columns``), only when it keeps anything.

The table's edition is the report's. Reading builds the table through its own
constructor, whose validator checks every cell (in bulk); an error names the cell's JSON
path and says what the JSON held.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from functools import partial
from typing import Any, Final

import attrs

from govdisclosure.categories import Section
from govdisclosure.cells import BLANK, Cell, is_valid_cell
from govdisclosure.editions import Edition
from govdisclosure.errors import CellValueError, GovDisclosureError, ReportValueError, raise_all
from govdisclosure.jsonio.cells import CellCodec, misfit
from govdisclosure.jsonio.codecs import At, Codec, Field, ObjectCodec, decode_fields, text
from govdisclosure.jsonio.context import Context, Path, Unreadable, attempt, extend
from govdisclosure.layouts import CellKind, TableLayout, layout
from govdisclosure.tables import CellTable

__all__ = ["AnnotationsCodec", "TableCodec", "table_definitions"]


@attrs.frozen
class _Row:
    """A number row as the JSON form holds it: its key, its columns' keys, and where its
    cells start among the table's."""

    name: str
    columns: tuple[str, ...]
    column_set: frozenset[str]
    start: int


@functools.cache
def _rows(edition: Edition, section: Section) -> tuple[_Row, ...]:
    return tuple(
        _Row(
            plan.name,
            names := tuple(node.key.value for node in plan.columns),
            frozenset(names),
            plan.start,
        )
        for plan in layout(edition).table(section).row_plans
    )


@functools.cache
def _column_keys(edition: Edition, section: Section) -> tuple[str, ...]:
    """The column key of every cell, in layout order."""
    return tuple(column for row in _rows(edition, section) for column in row.columns)


@functools.cache
def _template(edition: Edition, section: Section, indent: str) -> str:
    """The text of the table's rows, with a ``%s`` for each cell in layout order."""
    lines = [
        f'{indent}  "{row.name}": {{' + ", ".join(f'"{c}": %s' for c in row.columns) + "}"
        for row in _rows(edition, section)
    ]
    return "{\n" + ",\n".join(lines) + f"\n{indent}}}"


_PLAIN: Final = frozenset({int})
_PLAIN_OR_NULL: Final = frozenset({int, type(None)})


class TableCodec(Codec):
    """A table of one of the three kinds (see the module's docs)."""

    def __init__(
        self, cls: type[CellTable[Any, Any]], extras: tuple[Field, ...], cells: CellCodec
    ) -> None:
        self.cls = cls
        self.section = cls.section
        self.extras = extras
        self.by_name = {field.name: field for field in extras}
        self.cells = {
            kind: CellCodec(kind, cells.money, cells.na) for kind in CellKind
        }  # one per kind of column

    @functools.cached_property
    def _keys(self) -> dict[Edition, tuple[tuple[str, ...], frozenset[str], frozenset[str]]]:
        out = {}
        for edition in Edition:
            rows = tuple(row.name for row in _rows(edition, self.section))
            keys = (*rows, *(field.key for field in self.extras))
            out[edition] = (keys, frozenset(rows), frozenset(keys))
        return out

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        edition: Edition | None = siblings.get("edition")
        if edition is None:
            raise Unreadable  # its rows depend on the edition, which could not be read
        items = context.object(value, path)
        context.keys(items, path, *self._keys[edition])
        errors: list[GovDisclosureError] = []
        values = self._values(items, edition, path, context, errors)
        table = layout(edition).table(self.section)
        cells = self._cells(values, table, path, context, errors)
        given: dict[str, Any] = {"edition": edition, "cells": cells}
        decode_fields(self.extras, items, path, context, given, errors=errors)
        if errors:  # the table is not built: its check of the figures' range is done here
            errors += [
                context.fail(((path, spec.row.value), spec.column.value), misfit(spec.kind, value))
                for spec, value in zip(table.cells, values, strict=True)
                if type(value) is int and not is_valid_cell(spec.kind, value)
            ]
        raise_all(errors)
        try:
            return self.cls(**given)
        except CellValueError as err:
            # Figures out of their columns' range: say what the JSON held there.
            raise_all([self._misfit(single, table, values, path, context) for single in err.errors])
            raise  # pragma: no cover (raise_all raised)
        except ReportValueError as err:
            at = err.at
            if at[:1] == ("annotations",) and len(at) > 1:  # the cell of the pair at fault
                spec = table.cells[given["annotations"][at[1]][0]]
                at = ("annotations", spec.row.value, spec.column.value)
            raise context.fail(extend(path, self.locate(at)), err.text) from None

    @staticmethod
    def _misfit(
        err: GovDisclosureError, table: TableLayout, values: list[Any], path: Path, context: Context
    ) -> GovDisclosureError:
        """The error at the JSON path of the cell ``err`` names, saying what it held."""
        if not isinstance(err, CellValueError):
            return err
        spec = next(
            s for s in table.cells if (s.row.value, s.column.value) == (err.row, err.column)
        )
        message = misfit(spec.kind, values[spec.position])
        return context.fail(((path, err.row), err.column), message)

    def _values(
        self,
        items: Mapping[str, Any],
        edition: Edition,
        path: Path,
        context: Context,
        errors: list[GovDisclosureError],
    ) -> list[Any]:
        """What the row objects hold, in layout order (``None`` in a row that cannot be
        read, its errors added to ``errors``)."""
        rows = _rows(edition, self.section)
        if context.pairs:
            # As the decoder gives them, the rows are tuples of (column, value) pairs: all
            # of them transposed at once are the column keys and the values of the whole
            # table. Keys exactly in layout order leave no key missing, unknown or twice.
            written = [items[row.name] for row in rows]
            pairs = all(type(row) is tuple for row in written) and [
                *itertools.chain.from_iterable(written)
            ]
            if pairs:
                keys, found = zip(*pairs)  # noqa: B905 (pairs, two items each)
                if keys == _column_keys(edition, self.section):
                    return list(found)
        values: list[Any] = []
        for row in rows:
            cells = attempt(
                errors, partial(self._row, items[row.name], row, (path, row.name), context)
            )
            values.extend(
                [cells[column] for column in row.columns] if cells else [None] * len(row.columns)
            )
        return values

    @staticmethod
    def _row(value: Any, row: _Row, where: Path, context: Context) -> Mapping[str, Any]:
        cells = context.object(value, where)
        if cells.keys() != row.column_set:
            context.keys(cells, where, row.columns, row.column_set, row.column_set)
        return cells

    def _cells(
        self,
        values: list[Any],
        table: TableLayout,
        path: Path,
        context: Context,
        errors: list[GovDisclosureError],
    ) -> tuple[Cell, ...]:
        kinds = set(map(type, values))
        if kinds <= _PLAIN:  # most tables: counts only, checked by the table in bulk
            return tuple(values)
        if kinds <= _PLAIN_OR_NULL:
            return tuple([BLANK if value is None else value for value in values])
        cells: list[Cell] = []
        for spec, value in zip(table.cells, values, strict=True):
            if type(value) is int or value is None:
                cells.append(BLANK if value is None else value)
                continue
            where = ((path, spec.row.value), spec.column.value)
            read = partial(self.cells[spec.kind].decode, value, where, context, {})
            cells.append(attempt(errors, read) or BLANK)
        return tuple(cells)

    def locate(self, at: At) -> At:
        field = self.by_name.get(at[0]) if at and type(at[0]) is str else None
        return () if field is None else (field.key, *field.codec.locate(at[1:]))

    def encode(self, value: Any, indent: str | None) -> str:
        assert indent is not None  # a table is never written on one line
        encode = self.cells[CellKind.COUNT].encode
        texts = [str(cell) if type(cell) is int else encode(cell, None) for cell in value.cells]
        text = _template(value.edition, self.section, indent) % tuple(texts)
        inner = indent + "  "
        extras = []
        for field in self.extras:
            item = getattr(value, field.name)
            if item == field.default:
                continue  # what a table keeps besides its cells is written when it has any
            if isinstance(field.codec, AnnotationsCodec):
                written = field.codec.encode_in(value.edition, item, inner)
            else:
                written = field.codec.encode(item, inner)
            extras.append(f'{inner}"{field.key}": {written}')
        if not extras:
            return text
        return text[: -len(f"\n{indent}}}")] + ",\n" + ",\n".join(extras) + f"\n{indent}}}"

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        # The rows depend on the edition: the report's schema picks the table's
        # definition by its edition (table_definitions).
        return {"type": "object"}

    def table_schema(self, table: TableLayout, defs: dict[str, Any]) -> dict[str, Any]:
        """The schema of this table in the layout ``table``."""
        rows = {
            row.name: {
                "type": "object",
                "properties": {
                    name: self.cells[spec.kind].schema(defs)
                    for name, spec in zip(
                        row.columns,
                        table.cells[row.start : row.start + len(row.columns)],
                        strict=True,
                    )
                },
                "required": list(row.columns),
                "additionalProperties": False,
            }
            for row in _rows(table.edition, self.section)
        }
        extras = {field.key: field.codec.schema(defs) for field in self.extras}
        extras = _for_layout(extras, self.by_name, table, defs)
        return {
            "type": "object",
            "properties": {**rows, **extras},
            "required": list(rows),
            "additionalProperties": False,
            "description": f"Table {table.number} in the {table.edition.value} edition",
        }


def _for_layout(
    extras: dict[str, Any], fields: Mapping[str, Field], table: TableLayout, defs: dict[str, Any]
) -> dict[str, Any]:
    """The schemas of the extras, with what the layout adds: the rows an extra row may
    follow; the columns an extra column may follow in each block, and its length."""
    rows_key, columns_key = fields["extra_rows"].key, fields["extra_columns"].key
    annotations = fields["annotations"]
    assert isinstance(annotations.codec, AnnotationsCodec)
    extras[annotations.key] = annotations.codec.table_schema(table)
    row = extras[rows_key]["items"]
    row["properties"]["after"] = {
        "anyOf": [{"enum": [plan.name for plan in table.row_plans]}, {"type": "null"}]
    }
    generic = extras[columns_key]["items"]
    choices = []
    for number, block in enumerate(table.blocks):
        length = len(block.rows)
        properties = {
            **generic["properties"],
            "after": {"enum": [node.key.value for node in block.columns]},
            "block": {"const": number},
            "cells": {**generic["properties"]["cells"], "minItems": length, "maxItems": length},
        }
        required = [key for key in properties if key in generic["required"] or key == "block"]
        choices.append(
            {
                **generic,
                "properties": properties,
                "required": required if number else generic["required"],
            }
        )
    extras[columns_key]["items"] = choices[0] if len(choices) == 1 else {"anyOf": choices}
    return extras


class AnnotationsCodec(Codec):
    """What a table prints inside its cells besides the figure ("其中修订16件"): an object
    of rows, each an object of columns, each the text; in the model, (cell position,
    text) pairs."""

    def __init__(self, section: Section) -> None:
        self.section = section
        self.text = text()

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        if siblings.get("edition") is None:
            raise Unreadable  # its rows depend on the edition, which could not be read
        rows = {row.name: row for row in _rows(siblings["edition"], self.section)}
        by_row = context.object(value, path)
        context.keys(by_row, path, tuple(rows), frozenset(), frozenset(rows))
        pairs = []
        for name, columns in by_row.items():
            row, where = rows[name], (path, name)
            texts = context.object(columns, where)
            context.keys(texts, where, row.columns, frozenset(), row.column_set)
            for column, written in texts.items():
                checked = self.text.decode(written, (where, column), context, siblings)
                pairs.append((row.start + row.columns.index(column), checked))
        return tuple(sorted(pairs))

    def locate(self, at: At) -> At:
        return at[:2]  # the row and column keys (TableCodec puts them there)

    def encode_in(self, edition: Edition, value: Any, indent: str) -> str:
        """The annotations ``value`` of a table of ``edition``, at ``indent``."""
        rows: dict[str, list[str]] = {}
        specs = layout(edition).table(self.section).cells
        for position, note in value:
            spec = specs[position]
            written = f'"{spec.column.value}": {self.text.encode(note, None)}'
            rows.setdefault(spec.row.value, []).append(written)
        inner = indent + "  "
        lines = [f'{inner}"{name}": {{' + ", ".join(texts) + "}" for name, texts in rows.items()]
        return "{\n" + ",\n".join(lines) + f"\n{indent}}}"

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "object"}

    def table_schema(self, table: TableLayout) -> dict[str, Any]:
        """The schema of the annotations of a table of the layout ``table``."""
        properties = {
            row.name: {
                "type": "object",
                "properties": {column: self.text.schema({}) for column in row.columns},
                "required": [],
                "additionalProperties": False,
                "minProperties": 1,
            }
            for row in _rows(table.edition, self.section)
        }
        return {
            "type": "object",
            "properties": properties,
            "required": [],
            "additionalProperties": False,
        }


def table_definitions(report: ObjectCodec, defs: dict[str, Any]) -> list[dict[str, Any]]:
    """Define every table of every edition in ``defs``, and give the conditions that pick
    the report's tables by its edition."""
    tables = {
        field.key: field.codec for field in report.fields if isinstance(field.codec, TableCodec)
    }
    by_edition = []
    for edition in Edition:
        then = {}
        for key, codec in tables.items():
            table = layout(edition).table(codec.section)
            name = f"table_{codec.section.value}_{edition.value}"
            defs[name] = codec.table_schema(table, defs)
            then[key] = {"$ref": f"#/$defs/{name}"}
        by_edition.append(
            {
                "if": {"properties": {"edition": {"const": edition.value}}},
                "then": {"properties": then},
            }
        )
    return by_edition
