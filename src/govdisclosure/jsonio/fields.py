"""The JSON form read off the model: the codec of each type a model field can have.

Every model class is an attrs class, and its JSON object is made from ``attrs.fields``
and the fields' types: a key per field, in declaration order, each read and written by
the codec of its type (:func:`codec_for`). A field of a type the JSON form has no way to
hold is an error when the class is first used, never a value silently left out.

>>> from govdisclosure.report import Website
>>> codec = codec_for(Website)
>>> codec.keys, sorted(codec.required)
(('name', 'url'), ['name'])
>>> codec.encode(Website("中宁县人民政府网"), "")
'{\\n  "name": "中宁县人民政府网",\\n  "url": null\\n}'
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs

from govdisclosure.cells import Cell, Money, NotApplicable
from govdisclosure.errors import JSONFormatError
from govdisclosure.jsonio.cells import CellCodec
from govdisclosure.jsonio.codecs import (
    Codec,
    Date,
    DecimalText,
    EnumCodec,
    Field,
    ListOf,
    Nullable,
    ObjectCodec,
    boolean,
    integer,
    text,
)
from govdisclosure.jsonio.prose import ParagraphCodec
from govdisclosure.jsonio.tables import AnnotationsCodec, TableCodec
from govdisclosure.layouts import CellKind
from govdisclosure.report import Period
from govdisclosure.tables import CellTable, ExtraColumn, ExtraRow
from govdisclosure.text import Paragraph, Span

__all__ = ["cell_codec", "codec_for"]

#: Classes whose objects are written on one line: small ones, and those inside lists of them.
_ONE_LINE: Final = frozenset({Period, Span, Money, NotApplicable, ExtraRow, ExtraColumn})

#: The codecs of types that are no attrs class of their own.
_SCALARS: Final[dict[Any, Callable[[], Codec]]] = {
    str: text,
    bool: boolean,
    int: integer,
    Decimal: DecimalText,
    dt.date: Date,
}

#: The fields of a table the table's codec holds itself (the edition is the report's,
#: the cells are its rows).
_TABLE_OWN: Final = frozenset({"edition", "cells"})


@functools.cache
def codec_for(tp: Any) -> Codec:
    """The codec of values of the type ``tp`` (a type of a model field)."""
    codec = _class_codec(tp) if isinstance(tp, type) else None
    return codec or _alias_codec(tp)


def _class_codec(tp: type) -> Codec | None:
    if tp in _SCALARS:
        return _SCALARS[tp]()
    if tp is Paragraph:
        return ParagraphCodec(_object(Span))
    if issubclass(tp, enum.Enum):
        return EnumCodec(tp)
    if issubclass(tp, CellTable):
        return _table(tp)
    return _object(tp) if attrs.has(tp) else None


def _alias_codec(tp: Any) -> Codec:
    """The codec of a union or a tuple type."""
    if tp == Cell:
        return cell_codec(None)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (types.UnionType, typing.Union) and len(args) == 2 and type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return Nullable(codec_for(inner))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return ListOf(codec_for(args[0]), _plural(args[0]))
    raise TypeError(f"the JSON form has no way to hold a value of type {tp!r}")


def cell_codec(kind: CellKind | None) -> CellCodec:
    """The codec of a cell of ``kind`` (``None``: of an extra row or column)."""
    return CellCodec(kind, _object(Money), _object(NotApplicable))


def _plural(tp: Any) -> str:
    """What a list of ``tp`` holds, in words: ``"strings"``, ``"extra rows"``."""
    if tp is str:
        return "strings"
    if tp == Cell:
        return "cells"
    name = getattr(tp, "__name__", "item")
    return re.sub(r"(?<!^)([A-Z])", r" \1", name).lower() + "s"


def _fields(cls: type, skip: frozenset[str] = frozenset()) -> tuple[Field, ...]:
    """The JSON fields of the attrs class ``cls``; :class:`JSONFormatError` when one has
    a type the JSON form cannot hold."""
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):
        hints = {}
    fields = []
    for field in attrs.fields(cls):
        if field.name in skip:
            continue
        tp = hints.get(field.name, field.type)
        try:
            codec = _codec_of_field(cls, field, tp)
        except TypeError as err:
            raise JSONFormatError(
                f"the field {cls.__qualname__}.{field.name} cannot be written or read: {err}",
                path=None,
            ) from None
        fields.append(Field.of(field, codec))
    return tuple(fields)


def _codec_of_field(cls: type, field: attrs.Attribute[Any], tp: Any) -> Codec:
    if tp is str and field.metadata.get("json", {}).get("blank"):
        return text(blank=True)
    if issubclass(cls, CellTable) and field.name == "annotations":
        return AnnotationsCodec(cls.section)
    return codec_for(tp)


def _object(cls: type) -> ObjectCodec:
    one_line = any(issubclass(cls, small) for small in _ONE_LINE)
    return ObjectCodec(cls, _fields(cls), codec_for, one_line=one_line)


def _table(cls: type[CellTable[Any, Any]]) -> TableCodec:
    return TableCodec(cls, _fields(cls, _TABLE_OWN), cell_codec(None))
