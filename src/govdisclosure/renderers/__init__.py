"""Rendering a report: DOCX laid out like the official form, HTML, Markdown, plain text
and JSON, in Chinese or English. Each format's module here is its render side; the
registry that names the formats is :mod:`govdisclosure.formats` (its functions are
re-exported here too).

>>> import govdisclosure as gd
>>> report = gd.examples.load("zhongning-minzheng-2020")
>>> text = gd.render(report, "text")
>>> text.splitlines()[0]
'中宁县民政局2020年政府信息公开工作年度报告'
"""

from __future__ import annotations

import os
from typing import Any, Literal, TypeAlias, overload

from govdisclosure.errors import FormatNotAvailable, ReportValueError
from govdisclosure.files import write_atomic
from govdisclosure.formats import (
    ENTRY_POINT_GROUP,
    Format,
    available_formats,
    format_for_path,
    get_format,
    register_format,
    unregister_format,
)
from govdisclosure.i18n import normalize_locale
from govdisclosure.report import AnnualReport

__all__ = [
    "ENTRY_POINT_GROUP",
    "Format",
    "available_formats",
    "get_format",
    "register_format",
    "render",
    "render_to",
    "unregister_format",
]


#: The names of the built-in formats that render bytes, and of those that render text (a
#: format's extension names it too). A format registered under one of these names should
#: keep its kind, or the types below mislead.
BinaryFormat: TypeAlias = Literal["docx", "xlsx"]
TextFormat: TypeAlias = Literal["text", "txt", "markdown", "md", "html", "htm", "json"]


@overload
def render(
    report: AnnualReport, fmt: BinaryFormat, *, locale: str = ..., **options: Any
) -> bytes: ...
@overload
def render(report: AnnualReport, fmt: TextFormat, *, locale: str = ..., **options: Any) -> str: ...
@overload
def render(report: AnnualReport, fmt: str, *, locale: str = ..., **options: Any) -> str | bytes: ...


def render(report: AnnualReport, fmt: str, *, locale: str = "zh_CN", **options: Any) -> str | bytes:
    """``report`` in format ``fmt`` (see :func:`available_formats`) and ``locale``
    (``"zh_CN"``, the default, or ``"en"``). Text formats return ``str``, DOCX and XLSX
    ``bytes``; a type checker knows which from the format's name when it is written out.
    The same report renders to the same output, every time."""
    if not isinstance(report, AnnualReport):
        raise ReportValueError(f"expected an AnnualReport to render, got {report!r}")
    if not isinstance(fmt, str):
        raise FormatNotAvailable(f"a format is named by a str, got {fmt!r}")
    chosen = get_format(fmt)
    if not getattr(chosen, "renders", True):
        able = ", ".join(available_formats("render"))
        raise FormatNotAvailable(f"the {fmt} format can only be read; formats to render: {able}")
    return chosen.render(report, locale=normalize_locale(locale), **options)


def render_to(
    report: AnnualReport,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    locale: str = "zh_CN",
    **options: Any,
) -> None:
    """Write ``report`` to ``path``, in the format its extension names unless ``fmt`` is
    given. The file is written whole or not at all, with the mode the user's umask gives
    a new file (see :func:`govdisclosure.files.write_atomic`): when the write fails, with
    an :class:`OSError`, what was there is left as it was."""
    target = os.fspath(path)
    chosen = get_format(fmt) if fmt is not None else format_for_path(target)
    output = render(report, chosen.name, locale=locale, **options)
    write_atomic(target, output if isinstance(output, bytes) else output.encode("utf-8"))
