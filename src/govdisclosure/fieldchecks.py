"""The checks the model's classes share: text that is not blank, lists of such text,
values of one class. Each raises :class:`~govdisclosure.errors.ReportValueError` naming
the field (and the item) at fault in ``at``.

>>> import attrs
>>> @attrs.frozen
... class Sign:
...     words: str = attrs.field(validator=text)
>>> Sign(" ")
Traceback (most recent call last):
...
govdisclosure.errors.ReportValueError: words must be a non-empty str of valid text, got ' '
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from govdisclosure.errors import ReportValueError, translatable as _
from govdisclosure.text import is_text

__all__ = ["as_tuple", "instance_of", "items_of", "optional_text", "text", "texts"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _name(attribute: attrs.Attribute[Any]) -> str:
    return attribute.name.lstrip("_")  # a private field is known by its alias


def text(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A str of valid Unicode text (no lone surrogate), not only white space."""
    if not is_text(value) or not value.strip():
        raise ReportValueError(
            _(
                "{name} 必须是非空的有效文本 str，实际为 {value!r}",
                name=_name(attribute),
                value=value,
            ),
            at=(attribute.name,),
        )


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``None``, or what :func:`text` accepts."""
    if value is not None:
        text(instance, attribute, value)


def texts(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple of items each of which :func:`text` accepts."""
    if not isinstance(value, tuple):
        raise ReportValueError(
            _("{name} 必须是 str 的列表，实际为 {value!r}", name=_name(attribute), value=value),
            at=(attribute.name,),
        )
    for i, item in enumerate(value):
        if not is_text(item) or not item.strip():
            raise ReportValueError(
                _(
                    "{name} 的各项必须是非空的有效文本 str，实际为 {value!r}",
                    name=_name(attribute),
                    value=item,
                ),
                at=(attribute.name, i),
            )


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """A tuple of the items of ``value``; a str is one value, not a list of characters.
    Anything else not iterable is left as it is, for the field's validator to refuse."""
    if isinstance(value, str):
        raise ReportValueError(_("应为列表，而不是单个 str：{value!r}", value=value))
    return tuple(value) if isinstance(value, Iterable) else value


def items_of(cls: type) -> Validator:
    """A validator: the value is a tuple of ``cls`` items."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise ReportValueError(
                _(
                    "{name} 必须是 {cls} 的列表，实际为 {value!r}",
                    name=_name(attribute),
                    cls=cls.__name__,
                    value=value,
                ),
                at=(attribute.name,),
            )
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                raise ReportValueError(
                    _("各项应为 {cls}，实际为 {value!r}", cls=cls.__name__, value=item),
                    at=(attribute.name, i),
                )

    return check


def instance_of(cls: type, *, optional: bool = False) -> Validator:
    """A validator: the value is a ``cls`` (or ``None`` when ``optional``)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls) and not (optional and value is None):
            raise ReportValueError(
                _(
                    "{name} 必须是 {cls}，实际为 {value!r}",
                    name=_name(attribute),
                    cls=cls.__name__,
                    value=value,
                ),
                at=(attribute.name,),
            )

    return check
