"""Table cells in the JSON form: a count is an integer, a blank is ``null``, money is
``{"amount": "<decimal string>", "unit": "<unit>"}`` and a not-applicable mark is
``{"na": "<mark>"}``.

>>> from govdisclosure.cells import Money
>>> from govdisclosure.jsonio.fields import cell_codec
>>> cell_codec(CellKind.MONEY).encode(Money("1.50", "万元"), None)
'{"amount": "1.50", "unit": "wan_yuan"}'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from govdisclosure.cells import BLANK, COUNT_LIMIT, Cell, Money, NotApplicable
from govdisclosure.errors import Message, translatable as _
from govdisclosure.jsonio.codecs import Codec, ObjectCodec
from govdisclosure.jsonio.context import Context, Path, describe
from govdisclosure.layouts import CellKind

__all__ = ["CellCodec", "misfit"]

_WHAT: Final = {
    CellKind.COUNT: _("件数"),
    CellKind.SIGNED: _("带符号的件数"),
    CellKind.MONEY: _("金额"),
    None: _("件数或金额"),
}


def misfit(kind: CellKind | None, value: Any) -> Message:
    """What is wrong with the JSON ``value`` in a cell of ``kind`` (``None``: a cell of an
    extra row or column, which holds a count or money)."""
    if type(value) is int:
        if kind is CellKind.MONEY:
            return _('金额写作 {{"amount": "…", "unit": "…"}}，实际为 {value}', value=value)
        if value < 0 and kind is not CellKind.SIGNED:
            return _("件数不得为负数，实际为 {value}", value=value)
        return _("件数必须小于 2**63")
    return _(
        '应为{what}、null（空白）或 {{"na": mark}}，实际为 {value}',
        what=_WHAT[kind],
        value=describe(value),
    )


class CellCodec(Codec):
    """A cell of one kind (``None``: a count or money, as in extra rows and columns). An
    integer is taken as it is: its range is the table's to check, in bulk."""

    def __init__(self, kind: CellKind | None, money: ObjectCodec, na: ObjectCodec) -> None:
        self.kind = kind
        self.money = money
        self.na = na

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        if value is None:
            return BLANK
        if type(value) is int:
            return value
        if type(value) is dict or (type(value) is tuple and context.pairs):
            items = context.object(value, path)
            if "na" in items or self.kind is CellKind.COUNT or self.kind is CellKind.SIGNED:
                return self.na.decode(value, path, context, siblings)
            return self.money.decode(value, path, context, siblings)
        raise context.fail(path, misfit(self.kind, value))

    def encode(self, value: Cell, indent: str | None) -> str:
        if type(value) is int:
            return str(value)
        if value is BLANK:
            return "null"
        if type(value) is NotApplicable:
            return self.na.encode(value, None)
        assert isinstance(value, Money)
        return self.money.encode(value, None)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        if self.kind is None:
            return {"anyOf": [_ref(kind, defs, self) for kind in (CellKind.COUNT, CellKind.MONEY)]}
        return _ref(self.kind, defs, self)


def _ref(kind: CellKind, defs: dict[str, Any], codec: CellCodec) -> dict[str, Any]:
    """The reference to the definition of a cell of ``kind``, defined on first use."""
    name = f"{kind.value}_cell"
    if name not in defs:
        numbers: dict[CellKind, dict[str, Any]] = {
            CellKind.COUNT: {"type": "integer", "minimum": 0, "maximum": COUNT_LIMIT - 1},
            CellKind.SIGNED: {
                "type": "integer",
                "minimum": 1 - COUNT_LIMIT,
                "maximum": COUNT_LIMIT - 1,
            },
            CellKind.MONEY: _defined("money", codec.money, defs),
        }
        marked = _defined("not_applicable", codec.na, defs)
        defs[name] = {"anyOf": [numbers[kind], {"type": "null"}, marked]}
    return {"$ref": f"#/$defs/{name}"}


def _defined(name: str, codec: Codec, defs: dict[str, Any]) -> dict[str, Any]:
    if name not in defs:
        defs[name] = codec.schema(defs)
    return {"$ref": f"#/$defs/{name}"}
