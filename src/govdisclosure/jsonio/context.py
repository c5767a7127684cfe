"""What every part of the JSON reader shares: JSON paths, and the checks of the form's
objects and lists that word an error where it stands.

A path is spelled out only for an error: while reading it is a cheap ``(parent, key)``
pair (``"$"`` at the top).

>>> spell(((("$", "report"), "problems"), 0))
'$.report.problems[0]'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

from govdisclosure.errors import JSONFormatError

__all__ = ["Context", "Float", "Path", "describe", "extend", "spell"]

#: A JSON path while reading: "$", or (the parent's path, a key or an index).
Path: TypeAlias = "str | tuple[Path, str | int]"


def spell(path: Path) -> str:
    """The JSON path as text: ``$.report.overview.subsections[2].title``."""
    if isinstance(path, str):
        return path
    parent, key = path
    return f"{spell(parent)}[{key}]" if isinstance(key, int) else f"{spell(parent)}.{key}"


def extend(path: Path, keys: Iterable[str | int]) -> Path:
    """``path`` followed by ``keys``."""
    for key in keys:
        path = (path, key)
    return path


class Float(str):
    """A JSON number with a fraction or exponent, kept as its text so that it can be
    refused where an integer belongs (the decoder makes no float of it)."""


class LongInteger(str):
    """A JSON integer of more digits than :func:`int` converts (4,300), kept as its text
    so that it is refused where it stands, with its path: no count is that large."""


def describe(value: Any) -> str:
    """A JSON value in words, for messages: ``null``, ``a list``, ``'2022'``."""
    if isinstance(value, (Float, LongInteger)):
        return _number(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, tuple)):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _number(value: str) -> str:
    if isinstance(value, LongInteger):
        return f"an integer of {len(value.lstrip('-')):,} digits"
    return f"the number {value} (not an integer)"


class Context:
    """Reading one document: where it came from, and how its objects arrive.

    The decoder of :func:`~govdisclosure.loads` hands objects over as tuples of key-value
    pairs, so that a repeated key is never lost; :func:`~govdisclosure.from_dict` hands
    over dicts (``pairs=False``: then a tuple is no object).
    """

    __slots__ = ("pairs", "source")

    def __init__(self, source: str | None, *, pairs: bool) -> None:
        self.source = source
        self.pairs = pairs

    def fail(self, path: Path, message: str) -> JSONFormatError:
        """The error for the value at ``path``, to raise."""
        return JSONFormatError(message, path=spell(path), source=self.source)

    def object(self, value: Any, path: Path) -> Mapping[str, Any]:
        """The keys and values of the object ``value``; an error for anything else or a
        key that appears twice."""
        kind = type(value)
        if kind is tuple and self.pairs:
            items = dict(value)
            if len(items) != len(value):
                seen: set[str] = set()
                repeated = next(k for k, _ in value if k in seen or seen.add(k))  # type: ignore[func-returns-value]
                raise self.fail(path, f"the key {repeated!r} appears more than once")
            return items
        if kind is dict:
            return value  # type: ignore[no-any-return]
        if isinstance(value, Mapping) and kind is not tuple:
            return value
        raise self.fail(path, f"expected an object, got {describe(value)}")

    def keys(
        self,
        items: Mapping[str, Any],
        path: Path,
        keys: tuple[str, ...],
        required: frozenset[str],
        allowed: frozenset[str],
    ) -> None:
        """Check that the object ``items`` has every ``required`` key and no key beyond
        ``allowed``; ``keys`` is the order they are named in."""
        present = items.keys()
        if not present >= required:
            missing = next(key for key in keys if key in required and key not in items)
            raise self.fail(path, f"missing key {missing!r}")
        if not present <= allowed:
            unknown = sorted(key for key in items if key not in allowed)[0]
            expected = ", ".join(repr(key) for key in keys)
            raise self.fail((path, unknown), f"unknown key {unknown!r}; expected one of {expected}")

    def array(self, value: Any, path: Path, what: str) -> list[Any]:
        """The list ``value``; an error for anything else."""
        if type(value) is not list:
            raise self.fail(path, f"expected a list of {what}, got {describe(value)}")
        return value
