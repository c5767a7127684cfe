"""How each kind of value is written, read and described in the JSON form.

A :class:`Codec` does three things for one kind of value: ``encode`` writes its JSON text,
``decode`` reads it back from what the JSON decoder made of that text (checking its JSON
type, with the path of anything wrong), and ``schema`` gives its JSON Schema. Model
objects are read through their own constructors, so that every validator of the model
runs; an error a validator raises names the field at fault (``at``), which ``locate``
turns into the rest of the JSON path.

:class:`ObjectCodec` serves every attrs class of the model: its keys, which keys are
required and how each value is read all come from ``attrs.fields`` and the fields' types
(:mod:`govdisclosure.jsonio.fields`). A field's ``metadata["json"]`` can say more:

``key``
    the JSON key, where it differs from the field's name (or its ``alias``);
``required``
    the key must be present although the model has a default;
``omit_default``
    the key is left out when the value is the field's default;
``blank``
    for a ``str``: the text may be empty or white space;
``schema``
    the field's JSON Schema, in place of the one its type gives (to state a range, a
    list of values, a constant).

A field without a default, or whose default is computed from other fields, is required.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from json.encoder import encode_basestring
from typing import Any, Final

import attrs

from govdisclosure.errors import (
    GovDisclosureError,
    JSONFormatError,
    Message,
    ReportValueError,
    raise_all,
    translatable as _,
)
from govdisclosure.jsonio.context import Context, Path, attempt, describe, extend

__all__ = [
    "Codec",
    "Date",
    "DecimalText",
    "EnumCodec",
    "Field",
    "ListOf",
    "Nullable",
    "ObjectCodec",
    "Scalar",
    "boolean",
    "integer",
    "text",
]

#: Where a validator found the problem: field names and item indexes (ReportValueError.at).
At = tuple[str | int, ...]
#: The codec of a type (built by govdisclosure.jsonio.fields.codec_for).
Resolve = Callable[[Any], "Codec"]

TEXT_SCHEMA: Final[dict[str, Any]] = {"type": "string", "minLength": 1, "pattern": r"\S"}


def _got(expected: Message, value: Any) -> Message:
    """ "expected …, got …" for the JSON ``value``."""
    return _("应为{expected}，实际为 {value}", expected=expected, value=describe(value))


class Codec:
    """Writes, reads and describes one kind of value (see the module's docs)."""

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        """The model value of the JSON ``value`` at ``path``; ``siblings`` are the values
        of the fields of the same object read before it."""
        raise NotImplementedError

    def encode(self, value: Any, indent: str | None) -> str:
        """The JSON text of ``value``; ``indent`` is that of its line, ``None`` when it is
        written on one line."""
        raise NotImplementedError

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """Its JSON Schema; shared definitions go into ``defs``."""
        raise NotImplementedError

    def locate(self, at: At) -> At:
        """The JSON keys and indexes under this value of the model's place ``at``."""
        return ()


class Scalar(Codec):
    """A JSON string, integer or boolean, taken as it is when it has exactly that type:
    never a boolean for an integer, nor a number with a fraction or exponent. What else a
    value must be (a text not blank, a year in range) is the model's to check."""

    def __init__(
        self, kind: type, what: Message, schema: dict[str, Any], write: Callable[[Any], str]
    ) -> None:
        self.kind = kind
        self.what = what
        self._schema = schema
        self.write = write

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        if type(value) is not self.kind:
            raise context.fail(path, _got(self.what, value))
        return value

    def encode(self, value: Any, indent: str | None) -> str:
        return self.write(value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return dict(self._schema)


def text(*, blank: bool = False) -> Scalar:
    """A string; the schema says whether it may be empty or white space (``blank``)."""
    schema = {"type": "string"} if blank else TEXT_SCHEMA
    return Scalar(str, _("字符串"), schema, encode_basestring)


def integer() -> Scalar:
    return Scalar(int, _("整数"), {"type": "integer"}, str)


def boolean() -> Scalar:
    return Scalar(bool, _("true 或 false"), {"type": "boolean"}, lambda value: str(value).lower())


_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Date(Codec):
    """A date as ``"YYYY-MM-DD"``, nothing else ``date.fromisoformat`` would read."""

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        if type(value) is str and _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass  # worded below: a month 13, a 30 February
        raise context.fail(path, _got(_("YYYY-MM-DD 格式的日期"), value))

    def encode(self, value: Any, indent: str | None) -> str:
        return f'"{value.isoformat()}"'

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{_DATE.pattern}$"}


class EnumCodec(Codec):
    """A member of an enum, written as its ASCII value."""

    def __init__(self, cls: type[enum.Enum]) -> None:
        self.cls = cls
        self.members: Mapping[object, enum.Enum] = {m.value: m for m in cls}

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        member = self.members.get(value) if type(value) is str else None
        if member is None:
            choices = ", ".join(repr(value) for value in self.members)
            raise context.fail(path, _got(_("{choices} 之一", choices=choices), value))
        return member

    def encode(self, value: Any, indent: str | None) -> str:
        return encode_basestring(value.value)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"enum": list(self.members)}


_AMOUNT: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


class DecimalText(Codec):
    """An exact amount as a decimal string (``"6165711"``, ``"-0.50"``): no exponent, no
    sign but a minus, no spaces, no grouping, ASCII digits."""

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        if type(value) is not str or not _AMOUNT.fullmatch(value):
            raise context.fail(path, _got(_('十进制数字的字符串，如 "12" 或 "-0.5"'), value))
        return Decimal(value)

    def encode(self, value: Any, indent: str | None) -> str:
        return f'"{value:f}"'

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}


class Nullable(Codec):
    """``null`` (the model's ``None``) or a value of the inner codec."""

    def __init__(self, inner: Codec) -> None:
        self.inner = inner

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        return None if value is None else self.inner.decode(value, path, context, siblings)

    def encode(self, value: Any, indent: str | None) -> str:
        return "null" if value is None else self.inner.encode(value, indent)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"anyOf": [self.inner.schema(defs), {"type": "null"}]}

    def locate(self, at: At) -> At:
        return self.inner.locate(at)


class ListOf(Codec):
    """A list (the model's tuple) of values of one codec: an item a line, or all on one
    line inside an object written on one line."""

    def __init__(self, inner: Codec, what: str) -> None:
        self.inner = inner
        self.what = what

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        items = context.array(value, path, self.what)
        decode = self.inner.decode
        try:
            return tuple(
                [decode(item, (path, i), context, siblings) for i, item in enumerate(items)]
            )
        except JSONFormatError:
            pass  # read them one by one, to report every item at fault
        errors: list[GovDisclosureError] = []
        for i, item in enumerate(items):
            attempt(errors, partial(decode, item, (path, i), context, siblings))
        raise_all(errors)
        raise AssertionError("an item failed once and not again")  # pragma: no cover

    def encode(self, value: Any, indent: str | None) -> str:
        if not value:
            return "[]"
        if indent is None:
            return "[" + ", ".join([self.inner.encode(item, None) for item in value]) + "]"
        inner = indent + "  "
        texts = [self.inner.encode(item, inner) for item in value]
        return f"[\n{inner}" + f",\n{inner}".join(texts) + f"\n{indent}]"

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"type": "array", "items": self.inner.schema(defs)}

    def locate(self, at: At) -> At:
        if at and type(at[0]) is int:
            return (at[0], *self.inner.locate(at[1:]))
        return ()


def decode_fields(
    fields: tuple[Field, ...],
    items: Mapping[str, Any],
    path: Path,
    context: Context,
    given: dict[str, Any],
    *,
    errors: list[GovDisclosureError],
) -> dict[str, Any]:
    """``given`` with the value of each of ``fields`` the object ``items`` has, read, under
    the constructor's keyword; a key the object does not have leaves the model's default.
    A value that cannot be read is left out, its errors added to ``errors``."""
    for field in fields:
        if field.key in items:
            read = partial(field.codec.decode, items[field.key], (path, field.key), context, given)
            value = attempt(errors, read)
            if value is not None or items[field.key] is None:
                given[field.alias] = value
    return given


@attrs.frozen
class Field:
    """One field of a model class as the JSON form holds it."""

    name: str  #: the attrs field's name (what a validator's ``at`` names)
    alias: str  #: the constructor's keyword for it
    key: str  #: the JSON key
    codec: Codec
    required: bool
    omit_default: bool
    default: Any
    #: The field's JSON Schema when it states one (``metadata["json"]["schema"]``).
    schema: Mapping[str, Any]

    @classmethod
    def of(cls, field: attrs.Attribute[Any], codec: Codec) -> Field:
        """The JSON field of the attrs ``field``, read with ``codec``."""
        meta = field.metadata.get("json", {})
        default = field.default
        computed = isinstance(default, attrs.Factory) and bool(default.takes_self)  # type: ignore[arg-type, union-attr]
        alias = field.alias or field.name
        return cls(
            name=field.name,
            alias=alias,
            key=meta.get("key", alias),
            codec=codec,
            required=bool(meta.get("required")) or default is attrs.NOTHING or computed,
            omit_default=bool(meta.get("omit_default")),
            default=default,
            schema=meta.get("schema", {}),
        )


class ObjectCodec(Codec):
    """An attrs class of the model as a JSON object, one key per field, in the order the
    fields are declared; with ``one_line``, on one line."""

    def __init__(
        self, cls: type, fields: tuple[Field, ...], resolve: Resolve, *, one_line: bool
    ) -> None:
        self.cls = cls
        self.fields = fields
        self.resolve = resolve
        self.keys = tuple(field.key for field in fields)
        self.required = frozenset(field.key for field in fields if field.required)
        self.allowed = frozenset(self.keys)
        self.by_name = {field.name: field for field in fields}
        self.one_line = one_line

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        items = context.object(value, path)
        errors: list[GovDisclosureError] = []
        attempt(errors, partial(context.keys, items, path, self.keys, self.required, self.allowed))
        given = decode_fields(self.fields, items, path, context, {}, errors=errors)
        raise_all(errors)  # the constructor runs on a whole object only
        return self.build(given, path, context)

    def build(self, given: dict[str, Any], path: Path, context: Context) -> Any:
        """The object, through the class's own constructor; a model error gets the path of
        the value at fault."""
        try:
            return self.cls(**given)
        except ReportValueError as err:
            raise context.fail(extend(path, self.locate(err.at)), err.text) from None

    def locate(self, at: At) -> At:
        field = self.by_name.get(at[0]) if at and type(at[0]) is str else None
        return () if field is None else (field.key, *field.codec.locate(at[1:]))

    def encode(self, value: Any, indent: str | None) -> str:
        if type(value) is not self.cls:  # a subclass writes the fields it has
            return self.resolve(type(value)).encode(value, indent)
        inner = None if indent is None or self.one_line else indent + "  "
        parts = []
        for field in self.fields:
            item = getattr(value, field.name)
            if not (field.omit_default and item == field.default):
                parts.append(f'"{field.key}": {field.codec.encode(item, inner)}')
        if inner is None:
            return "{" + ", ".join(parts) + "}"
        return "{\n" + inner + f",\n{inner}".join(parts) + f"\n{indent}}}"

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        properties = {field.key: field.schema or field.codec.schema(defs) for field in self.fields}
        return {
            "type": "object",
            "properties": properties,
            "required": [field.key for field in self.fields if field.required],
            "additionalProperties": False,
        }
