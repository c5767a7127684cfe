"""The format registry, for both directions: the format names, what writes each format
(its render side, under :mod:`govdisclosure.renderers`) and what reads it (its read
side, under :mod:`govdisclosure.readers`).

A built-in format names its two sides as ``"module:attribute"`` and imports each the
first time it is used. So this module imports neither the renderers nor the readers,
which import it and never each other, and ``import govdisclosure`` loads neither
python-docx nor babel. A format of your own is an object with ``name``, ``extensions``,
``media_type``, ``binary``, ``render`` and, when it can be read, ``read``: registered
as the object or as ``"module:attribute"`` naming it, or published under the
entry-point group ``govdisclosure.formats``.

>>> "html" in available_formats()
True
>>> get_format("markdown").extensions
('.md', '.markdown')
>>> get_format("pdf").renders, callable(get_format("pdf").read)
(False, True)
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from attrs import frozen

from govdisclosure.errors import FormatNotAvailable

if TYPE_CHECKING:
    from govdisclosure.report import AnnualReport

__all__ = [
    "ENTRY_POINT_GROUP",
    "BuiltinFormat",
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
    is bytes, and ``render``. A format that can be read adds ``read(data, *, source,
    **options)``, which returns a :class:`~govdisclosure.readers.result.ReadResult`; one
    that cannot be written says so with ``renders = False``."""

    # Read-only: a plain attribute provides each as well as a property does.
    @property
    def name(self) -> str: ...
    @property
    def extensions(self) -> tuple[str, ...]: ...
    @property
    def media_type(self) -> str: ...
    @property
    def binary(self) -> bool: ...

    def render(self, report: AnnualReport, *, locale: str, **options: Any) -> str | bytes:
        """The report in this format."""
        ...


@functools.cache
def _side(name: str, target: str) -> Any:
    """What ``"module:attribute"`` names, imported once; a missing dependency is a
    :class:`~govdisclosure.errors.FormatNotAvailable` naming the format."""
    module, _, attribute = target.partition(":")
    try:
        return getattr(importlib.import_module(module), attribute or "FORMAT")
    except ImportError as err:
        raise FormatNotAvailable(
            f"format {name!r} needs {err.name or module}, which is not installed: {err}"
        ) from err


@frozen(repr=False)
class BuiltinFormat:
    """A format this library ships: its name, extensions, media type and whether it is
    bytes, and its render and read sides as ``"module:attribute"``, each imported when
    first used. A format without a render side is read only: ``renders`` is False and
    ``render`` raises, saying ``unwritten``."""

    name: str
    extensions: tuple[str, ...]
    media_type: str
    binary: bool
    _render: str | None
    _read: str
    _unwritten: str = ""

    def __repr__(self) -> str:
        return f"<format {self.name}>"

    @property
    def renders(self) -> bool:
        """Whether the library writes this format."""
        return self._render is not None

    def render(self, report: AnnualReport, *, locale: str, **options: Any) -> str | bytes:
        """The report in this format (see the render side for the options)."""
        if self._render is None:
            raise FormatNotAvailable(self._unwritten)
        renderer: Callable[..., str | bytes] = _side(self.name, self._render)
        return renderer(report, locale=locale, **options)

    def read(self, data: bytes | str, *, source: str | None = None, **options: Any) -> Any:
        """A :class:`~govdisclosure.readers.result.ReadResult` from a document in this
        format (see the read side for the options)."""
        reader: Callable[..., Any] = _side(self.name, self._read)
        return reader(data, source=source, **options)


# In the order a file's extension is matched against them.
_BUILTIN: dict[str, BuiltinFormat] = {
    fmt.name: fmt
    for fmt in (
        BuiltinFormat(
            "docx",
            (".docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            True,
            render="govdisclosure.renderers.docx:render_docx",
            read="govdisclosure.readers.docx:read_docx",
        ),
        BuiltinFormat(
            "html",
            (".html", ".htm"),
            "text/html; charset=utf-8",
            False,
            render="govdisclosure.renderers.html:render_html",
            read="govdisclosure.readers.html:read_html",
        ),
        BuiltinFormat(
            "markdown",
            (".md", ".markdown"),
            "text/markdown; charset=utf-8",
            False,
            render="govdisclosure.renderers.markdown:render_markdown",
            read="govdisclosure.readers.lines:read_markdown",
        ),
        BuiltinFormat(
            "text",
            (".txt",),
            "text/plain; charset=utf-8",
            False,
            render="govdisclosure.renderers.text:render_text",
            read="govdisclosure.readers.lines:read_text",
        ),
        BuiltinFormat(
            "json",
            (".json",),
            "application/json",
            False,
            render="govdisclosure.renderers.jsonformat:render_json",
            read="govdisclosure.readers.jsonformat:read_json",
        ),
        BuiltinFormat(
            "xlsx",
            (".xlsx",),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            True,
            render="govdisclosure.renderers.xlsx:render_xlsx",
            read="govdisclosure.readers.xlsx:read_xlsx",
        ),
        BuiltinFormat(
            "pdf",
            (".pdf",),
            "application/pdf",
            True,
            render=None,
            read="govdisclosure.readers.pdf:read_pdf",
            unwritten="govdisclosure does not write PDF; render DOCX and convert it "
            "(make preview does)",
        ),
    )
}
_REGISTERED: dict[str, Format | str] = {}
_LOADED: dict[str, Format] = {}


def _entry_points() -> dict[str, Any]:
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_formats(capability: str | None = None) -> tuple[str, ...]:
    """The names of every format: built-in, registered, and published by entry points;
    with ``capability="render"`` or ``"read"``, those that can do it (this imports the
    formats of others).

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
    loaded = _side(name, target)
    if not isinstance(loaded, Format):
        raise FormatNotAvailable(f"{target} does not provide a format")
    return loaded


def get_format(name: str) -> Format:
    """The format called ``name``, or whose file extension ``name`` is (``md``, ``txt``,
    ``htm``: a built-in format's extension names it too, as users type it);
    :class:`~govdisclosure.errors.FormatNotAvailable` lists the available ones when there
    is none.

    >>> get_format("md").name, get_format(".txt").name
    ('markdown', 'text')
    """
    found = _LOADED.get(name)
    if found is not None:
        return found
    target: Format | str | None = _REGISTERED.get(name) or _BUILTIN.get(name)
    if target is None and isinstance(name, str):
        alias = _by_extension(name)
        if alias is not None:
            return get_format(alias)
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


def _by_extension(name: str) -> str | None:
    """The built-in format whose extension ``name`` is (with or without its dot)."""
    extension = "." + name.lower().lstrip(".")
    for builtin_name, builtin in _BUILTIN.items():
        if extension in builtin.extensions and builtin_name not in _REGISTERED:
            return builtin_name
    return None


def format_for_path(path: str) -> Format:
    """The format a file name's extension names (``.docx``, ``.html``, ``.md``, …)."""
    lowered = path.lower()
    for name, builtin in _BUILTIN.items():
        if name not in _REGISTERED and lowered.endswith(builtin.extensions):
            return get_format(name)
    others = [n for n in available_formats() if n in _REGISTERED or n not in _BUILTIN]
    for name in others:
        candidate = get_format(name)
        if lowered.endswith(tuple(candidate.extensions)):
            return candidate
    known = ", ".join(
        [ext for builtin in _BUILTIN.values() for ext in builtin.extensions]
        + [ext for n in others for ext in get_format(n).extensions]
    )
    raise FormatNotAvailable(f"no format for the file {path!r}; known extensions: {known}")
