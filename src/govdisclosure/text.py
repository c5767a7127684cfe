"""Paragraph text with simple inline emphasis.

A :class:`Paragraph` is a sequence of :class:`Span` s, each plain or bold — enough for
the bold lead-ins (``"**四是**推进管理公开"``) real reports use. Spans are normalised on
construction (empty spans dropped, neighbours of the same style merged), so two
paragraphs that print the same compare equal.

A paragraph can also be written in a one-rule markup: ``**`` toggles bold, and a
backslash escapes a literal ``*`` or ``\\``.

>>> p = Paragraph.from_markup("建议。**四是**推进管理公开。")
>>> p.text
'建议。四是推进管理公开。'
>>> [s.text for s in p.spans if s.bold]
['四是']
>>> p.to_markup()
'建议。**四是**推进管理公开。'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import field, frozen

from govdisclosure.errors import ReportValueError
from govdisclosure.pickling import compact_pickle

__all__ = ["Paragraph", "Span", "is_text", "paragraphs"]


def is_text(value: object) -> bool:
    """Whether ``value`` is a str that can be written as UTF-8 (no lone surrogates,
    which a JSON ``\\ud800`` escape can produce and no file can hold).

    >>> is_text("四是"), is_text(chr(0xD800)), is_text(b"x")
    (True, False, False)
    """
    if type(value) is not str:
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_text(_instance: object, _attribute: object, value: Any) -> None:
    if not is_text(value):
        raise ReportValueError(
            f"span text must be a str of valid Unicode text, got {value!r}", at=("text",)
        )


def _check_bold(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, bool):
        raise ReportValueError(f"span bold must be a bool, got {value!r}", at=("bold",))


@compact_pickle
@frozen
class Span:
    """A run of text, bold or not."""

    # A span's text may be empty or white space (a paragraph drops or merges such spans).
    text: str = field(validator=_check_text, metadata={"json": {"blank": True}})
    bold: bool = field(default=False, validator=_check_bold)


def _normalise_spans(value: Iterable[Span | str] | str) -> tuple[Span, ...]:
    if type(value) is str and value and not value.isspace():
        return (Span(value),)  # the common case: a plain paragraph
    if isinstance(value, str):
        value = (value,)
    elif type(value) not in (list, tuple) and not isinstance(value, Iterable):
        raise ReportValueError(
            f"a paragraph is a str or a list of Span or str items, got {value!r}"
        )
    merged: list[Span] = []
    for i, item in enumerate(value):
        try:
            span = Span(item) if isinstance(item, str) else item
        except ReportValueError as err:
            raise ReportValueError(str(err), at=("spans", i, *err.at)) from None
        if not isinstance(span, Span):
            raise ReportValueError(
                f"a paragraph is made of Span or str items, got {item!r}", at=("spans", i)
            )
        if not span.text:
            continue
        if merged and merged[-1].bold == span.bold:
            merged[-1] = Span(merged[-1].text + span.text, span.bold)
        else:
            merged.append(span)
    if not merged or all(span.text.isspace() for span in merged):
        raise ReportValueError("a paragraph must have some text (not only whitespace)")
    return tuple(merged)


@compact_pickle
@frozen
class Paragraph:
    """A paragraph of prose: a non-empty sequence of spans.

    >>> Paragraph("无。") == Paragraph([Span("无"), Span("。")])
    True
    """

    spans: tuple[Span, ...] = field(converter=_normalise_spans)

    @classmethod
    def of(cls, value: Paragraph | str) -> Paragraph:
        """A paragraph from a plain string (no markup), or the paragraph itself."""
        if isinstance(value, Paragraph):
            return value
        if isinstance(value, str):
            return cls(value)
        raise ReportValueError(f"expected a Paragraph or a str, got {value!r}")

    @classmethod
    def from_markup(cls, markup: str) -> Paragraph:
        """Parse the ``**bold**`` markup (see the module docs).

        >>> Paragraph.from_markup(r"5\\*8 **粗**").spans
        (Span(text='5*8 ', bold=False), Span(text='粗', bold=True))
        """
        if not isinstance(markup, str):
            raise ReportValueError(f"markup must be a str, got {markup!r}")
        spans: list[Span] = []
        bold = False
        current: list[str] = []
        i = 0
        while i < len(markup):
            ch = markup[i]
            if ch == "\\" and i + 1 < len(markup) and markup[i + 1] in "*\\":
                current.append(markup[i + 1])
                i += 2
                continue
            if markup.startswith("**", i):
                spans.append(Span("".join(current), bold))
                current, bold = [], not bold
                i += 2
                continue
            current.append(ch)
            i += 1
        if bold:
            raise ReportValueError(f"unclosed ** in {markup!r}")
        spans.append(Span("".join(current), bold))
        return cls(spans)

    @property
    def text(self) -> str:
        """The text without emphasis."""
        return "".join(span.text for span in self.spans)

    def to_markup(self) -> str:
        """The paragraph in ``**bold**`` markup; ``from_markup`` reads it back unchanged."""
        out = []
        for span in self.spans:
            escaped = span.text.replace("\\", "\\\\").replace("*", "\\*")
            out.append(f"**{escaped}**" if span.bold else escaped)
        return "".join(out)

    def __str__(self) -> str:
        return self.text


def paragraphs(value: Iterable[Paragraph | str] | str | Paragraph) -> tuple[Paragraph, ...]:
    """A tuple of paragraphs from a paragraph, a str, or an iterable of either.

    A single str is one paragraph (not one per character).

    >>> [p.text for p in paragraphs(["一是…", "二是…"])]
    ['一是…', '二是…']
    """
    if type(value) is tuple and all(type(item) is Paragraph for item in value):
        return value  # already what a report holds: readers build exactly this
    if isinstance(value, (str, Paragraph)):
        return (Paragraph.of(value),)
    if not isinstance(value, Iterable):
        raise ReportValueError(f"expected paragraphs (a str, a Paragraph or a list), got {value!r}")
    return tuple(Paragraph.of(item) for item in value)
