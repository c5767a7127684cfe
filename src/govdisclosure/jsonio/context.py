"""What every part of the JSON reader shares: JSON paths, and the checks of the form's
objects and lists that word an error where it stands.

A path is spelled out only for an error: while reading it is a cheap ``(parent, key)``
pair (``"$"`` at the top).

>>> spell(((("$", "report"), "problems"), 0))
'$.report.problems[0]'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias, TypeVar

from govdisclosure.errors import (
    GovDisclosureError,
    JSONFormatError,
    Message,
    close_matches,
    listed,
    raise_all,
    translatable as _,
)

__all__ = ["Context", "Float", "Path", "Unreadable", "attempt", "describe", "extend", "spell"]

T = TypeVar("T")


class Unreadable(Exception):  # noqa: N818 (a state, not a failure)
    """A value that cannot be read because one it depends on could not (a table without
    its report's edition): that one's error says what is wrong."""


def attempt(errors: list[GovDisclosureError], read: Callable[[], T]) -> T | None:
    """``read()``; its errors added to ``errors`` (and ``None``) when it fails, so that
    reading goes on and every problem of a document is reported at once."""
    try:
        return read()
    except JSONFormatError as err:
        errors.extend(err.errors)
    except Unreadable:
        pass
    return None


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


def describe(value: Any) -> str | Message:
    """A JSON value in words, for messages: ``null``, ``a list``, ``'2022'``."""
    if isinstance(value, (Float, LongInteger)):
        return _number(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, tuple)):
        return _("一个对象")
    if isinstance(value, list):
        return _("一个列表")
    return repr(value)


def _number(value: str) -> Message:
    if isinstance(value, LongInteger):
        return _("一个 {digits:,} 位的整数", digits=len(value.lstrip("-")))
    return _("数 {value}（不是整数）", value=str(value))


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

    def fail(self, path: Path, message: str | Message) -> JSONFormatError:
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
                raise self.fail(path, _("键 {key!r} 出现了不止一次", key=repeated))
            return items
        if kind is dict:
            return value  # type: ignore[no-any-return]
        if isinstance(value, Mapping) and kind is not tuple:
            return value
        raise self.fail(path, _("应为对象，实际为 {value}", value=describe(value)))

    def keys(
        self,
        items: Mapping[str, Any],
        path: Path,
        keys: tuple[str, ...],
        required: frozenset[str],
        allowed: frozenset[str],
    ) -> None:
        """Check that the object ``items`` has every ``required`` key and no key beyond
        ``allowed``; ``keys`` is the order they are named in. Every missing and unknown
        key is reported, a misspelt one with the key it is closest to."""
        present = items.keys()
        if present >= required and present <= allowed:
            return
        errors: list[GovDisclosureError] = [
            self.fail(path, _("缺少键 {key!r}", key=key))
            for key in keys
            if key in required and key not in items
        ]
        absent = [key for key in keys if key not in items]
        for unknown in sorted(key for key in items if key not in allowed):
            errors.append(self.fail((path, unknown), _unknown(unknown, absent, keys)))
        raise_all(errors)

    def array(self, value: Any, path: Path, what: str) -> list[Any]:
        """The list ``value``; an error for anything else."""
        if type(value) is not list:
            raise self.fail(
                path, _("应为{what}的列表，实际为 {value}", what=what, value=describe(value))
            )
        return value


def _unknown(key: str, absent: Iterable[str], keys: Iterable[str]) -> Message:
    """An unknown key: the key it is closest to among those not given, or every key."""
    found = close_matches(key, absent) if isinstance(key, str) else []
    if found:
        return _("未知的键 {key!r} — 是否应为 {choice!r}？", key=key, choice=found[0])
    return _("未知的键 {key!r}；应为以下之一：{expected}", key=key, expected=listed(keys))
