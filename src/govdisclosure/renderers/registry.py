"""The format registry: format names, the objects that write (and later read) them, and
the lazy import that keeps python-docx and babel out of ``import govdisclosure``.

A format is registered as an object or as ``"module:attribute"``, imported on first use;
third parties can also publish one under the entry-point group ``govdisclosure.formats``.

>>> "html" in available_formats()
True
>>> get_format("markdown").extensions
('.md', '.markdown')
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, runtime_checkable

from govdisclosure.errors import FormatNotAvailable
from govdisclosure.report import AnnualReport

__all__ = [
    "ENTRY_POINT_GROUP",
    "Format",
    "available_formats",
    "format_for_path",
    "get_format",
    "register_format",
    "unregister_format",
]

#: The entry-point group third-party formats are published under.
ENTRY_POINT_GROUP = "govdisclosure.formats"


@runtime_checkable
class Format(Protocol):
    """What a format provides: a name, file extensions, a media type, whether its output
    is bytes, and ``render`` (readers, when a format has one, add ``read``)."""

    name: str
    extensions: tuple[str, ...]
    media_type: str
    binary: bool

    def render(self, report: AnnualReport, *, locale: str, **options: Any) -> str | bytes:
        """The report in this format."""
        ...


_BUILTIN: dict[str, str] = {
    "docx": "govdisclosure.renderers.docx:FORMAT",
    "html": "govdisclosure.renderers.html:FORMAT",
    "markdown": "govdisclosure.renderers.markdown:FORMAT",
    "text": "govdisclosure.renderers.text:FORMAT",
    "json": "govdisclosure.renderers.jsonformat:FORMAT",
    "pdf": "govdisclosure.readers.pdf:FORMAT",
}
#: The file extensions of the built-in formats (their ``extensions`` attribute reads
#: them from here), so that choosing a format by file name imports only that format.
BUILTIN_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "docx": (".docx",),
    "html": (".html", ".htm"),
    "markdown": (".md", ".markdown"),
    "text": (".txt",),
    "json": (".json",),
    "pdf": (".pdf",),
}
_REGISTERED: dict[str, Format | str] = {}
_LOADED: dict[str, Format] = {}


def _entry_points() -> dict[str, Any]:
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_formats(capability: str | None = None) -> tuple[str, ...]:
    """The names of every format: built-in, registered, and published by entry points;
    with ``capability="render"`` or ``"read"``, those that can do it (this imports them).

    >>> "json" in available_formats("read"), "pdf" in available_formats("render")
    (True, False)
    """
    names = tuple(sorted({*_BUILTIN, *_REGISTERED, *_entry_points()}))
    if capability is None:
        return names
    if capability not in ("render", "read"):
        raise FormatNotAvailable(f"a capability is 'render' or 'read', got {capability!r}")
    able = []
    for name in names:
        try:
            fmt = get_format(name)
        except FormatNotAvailable:
            continue
        if capability == "read" and callable(getattr(fmt, "read", None)):
            able.append(name)
        if capability == "render" and getattr(fmt, "renders", True):
            able.append(name)
    return tuple(able)


def register_format(name: str, format: Format | str) -> None:
    """Register ``format`` under ``name``: an object with the :class:`Format` attributes,
    or ``"module:attribute"`` naming one, imported when first used. Replaces a format of
    the same name."""
    if not isinstance(name, str) or not name.isidentifier():
        raise FormatNotAvailable(f"a format name is an identifier such as 'pdf', got {name!r}")
    if not isinstance(format, str) and not isinstance(format, Format):
        raise FormatNotAvailable(
            f"format {name!r} must have name, extensions, media_type, binary and render(); "
            f"got {format!r}"
        )
    _REGISTERED[name] = format
    _LOADED.pop(name, None)


def unregister_format(name: str) -> None:
    """Remove a format registered with :func:`register_format` (built-in formats stay)."""
    if name not in _REGISTERED:
        raise FormatNotAvailable(f"no format named {name!r} was registered")
    del _REGISTERED[name]
    _LOADED.pop(name, None)


def _load(name: str, target: Format | str) -> Format:
    if not isinstance(target, str):
        return target
    module, _, attribute = target.partition(":")
    try:
        loaded = getattr(importlib.import_module(module), attribute or "FORMAT")
    except ImportError as err:
        raise FormatNotAvailable(
            f"format {name!r} needs {err.name or module}, which is not installed: {err}"
        ) from err
    if not isinstance(loaded, Format):
        raise FormatNotAvailable(f"{target} does not provide a format")
    return loaded


def get_format(name: str) -> Format:
    """The format called ``name``; :class:`~govdisclosure.errors.FormatNotAvailable`
    lists the available ones when there is none."""
    found = _LOADED.get(name)
    if found is not None:
        return found
    target: Format | str | None = _REGISTERED.get(name) or _BUILTIN.get(name)
    if target is None:
        point = _entry_points().get(name) if isinstance(name, str) else None
        if point is None:
            raise FormatNotAvailable(
                f"no format named {name!r}; available: {', '.join(available_formats())}"
            )
        target = point.load()
        if isinstance(target, type):  # a class: the format is its instance
            target = target()
    assert target is not None
    found = _LOADED[name] = _load(name, target)
    return found


def format_for_path(path: str) -> Format:
    """The format a file name's extension names (``.docx``, ``.html``, ``.md``, …)."""
    lowered = path.lower()
    for name, extensions in BUILTIN_EXTENSIONS.items():
        if name not in _REGISTERED and lowered.endswith(extensions):
            return get_format(name)
    others = [n for n in available_formats() if n in _REGISTERED or n not in _BUILTIN]
    for name in others:
        candidate = get_format(name)
        if lowered.endswith(tuple(candidate.extensions)):
            return candidate
    known = ", ".join(
        [ext for exts in BUILTIN_EXTENSIONS.values() for ext in exts]
        + [ext for n in others for ext in get_format(n).extensions]
    )
    raise FormatNotAvailable(f"no format for the file {path!r}; known extensions: {known}")
