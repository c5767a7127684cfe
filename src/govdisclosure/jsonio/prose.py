"""Paragraphs in the JSON form: a string, or a list of strings and bold spans.

>>> from govdisclosure.jsonio.fields import codec_for
>>> from govdisclosure.text import Paragraph
>>> codec_for(Paragraph).encode(Paragraph.from_markup("**四是**推进管理公开。"), "")
'[{"text": "四是", "bold": true}, "推进管理公开。"]'
"""

from __future__ import annotations

from collections.abc import Mapping
from json.encoder import encode_basestring
from typing import Any

from govdisclosure.errors import ReportValueError, translatable as _
from govdisclosure.jsonio.codecs import TEXT_SCHEMA, Codec, ObjectCodec
from govdisclosure.jsonio.context import Context, Path, describe, extend
from govdisclosure.text import Paragraph

__all__ = ["ParagraphCodec"]


class ParagraphCodec(Codec):
    """A :class:`~govdisclosure.text.Paragraph`: a plain one is its text; one with bold
    spans is a list of its spans, plain ones as strings and bold ones as span objects,
    all on one line. Reading takes either and builds the paragraph through its own
    constructor, which merges neighbouring spans of one style and drops empty ones."""

    def __init__(self, span: ObjectCodec) -> None:
        self.span = span

    def decode(self, value: Any, path: Path, context: Context, siblings: Mapping[str, Any]) -> Any:
        if type(value) is str:
            spans: Any = value
        elif type(value) is list and value:
            spans = [
                item if type(item) is str else self.span.decode(item, (path, i), context, {})
                for i, item in enumerate(value)
            ]
        else:
            raise context.fail(
                path, _("应为段落（字符串或片段的列表），实际为 {value}", value=describe(value))
            )
        try:
            return Paragraph(spans)
        except ReportValueError as err:
            # The model names the item at fault among those it was given: the list's.
            at = err.at[1:2] if err.at[:1] == ("spans",) and type(value) is list else ()
            raise context.fail(extend(path, at), err.text) from None

    def encode(self, value: Any, indent: str | None) -> str:
        spans = value.spans
        if len(spans) == 1 and not spans[0].bold:
            return encode_basestring(spans[0].text)
        texts = [
            self.span.encode(span, None) if span.bold else encode_basestring(span.text)
            for span in spans
        ]
        return "[" + ", ".join(texts) + "]"

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        if "paragraph" not in defs:
            spans = {"anyOf": [{"type": "string"}, self.span.schema(defs)]}
            defs["paragraph"] = {
                "anyOf": [dict(TEXT_SCHEMA), {"type": "array", "minItems": 1, "items": spans}]
            }
        return {"$ref": "#/$defs/paragraph"}
