"""The encoding a report's text was saved in, told from its bytes.

Reports are saved by Windows tools as often as by anything else: Notepad writes UTF-8
with a byte-order mark, or "Unicode" (UTF-16 little-endian, with one); Chinese Windows
writes GB 18030 (GBK, GB 2312: the one codec reads them all); and some tools write
UTF-16 without a byte-order mark. :func:`decode_bytes` tries them in an order where no
encoding can pass for another:

1. a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE);
2. text with NUL bytes is UTF-16 without one when it decodes, one way or the other, into
   text made of what reports are made of (:func:`utf16_without_bom`): neither UTF-8 nor
   GB 18030 text holds a NUL, while UTF-16 spells every ASCII digit, space and line
   break with one;
3. UTF-8, whose rules are strict enough that other encodings almost never pass them;
4. GB 18030.

Whatever decodes is refused if it decodes into garbage (control characters, U+FFFD,
private-use characters: what another encoding read with the wrong codec looks like),
rather than read as mojibake.

>>> text = "某县民政局 2021 年\\n"
>>> [decode_bytes(text.encode(codec))[1] for codec in ("utf-8", "gbk", "utf-16", "utf-16-be")]
['UTF-8', 'GB 18030', 'UTF-16LE (BOM)', 'UTF-16BE']
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from govdisclosure.errors import ReadError
from govdisclosure.readers.limits import MAX_TEXT_CHARS, check_size
from govdisclosure.readers.result import Note, NoteKind

__all__ = ["UTF8", "decode_bytes", "encoding_note", "is_utf16", "utf16_without_bom"]

UTF8: Final = "UTF-8"
_GB18030: Final = "GB 18030"
#: Byte-order marks, the codec that reads what follows, and the encoding's name.
_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE (BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE (BOM)"),
)
#: UTF-16 without a byte-order mark: the codecs, and the encodings' names.
_UTF16: Final = (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"))
#: No encoding spends more than four bytes on a character: longer bytes make a text
#: longer than the readers take, refused before it is decoded.
_MAX_BYTES: Final = 4 * MAX_TEXT_CHARS

#: UTF-16 is looked for in this many bytes at the start, and judged on this many
#: characters: a report's first lines hold line breaks and digits.
_SAMPLE_BYTES: Final = 64 * 1024
_SAMPLE_CHARS: Final = 8 * 1024
#: What the text of a report is made of: white space and ASCII, Latin-1's signs (° ×),
#: general punctuation (— “” …), symbols (№ ① → √ ■ ★), CJK radicals, punctuation,
#: enclosed numbers (㈠), ideographs, compatibility and full-width forms. Read the wrong
#: way round, UTF-16 turns line breaks, spaces and half the ideographs into characters
#: outside these ranges.
_PLAUSIBLE: Final = re.compile(
    "[\t\n\x0b\x0c\r -~\u00a0-\u00ff\u2010-\u205e\u2100-\u27bf\u2e80-\u2fdf\u3000-\u303f"
    "\u3200-\u32ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
#: A UTF-16 reading this much of whose characters are plausible is the text's.
_UTF16_PLAUSIBLE: Final = 0.9
#: What no text is made of: control characters but for white space, U+FFFD (a character
#: an earlier conversion could not read) and the private-use area (GB 18030 reads Big5's
#: commonest characters into it).
_GARBAGE: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
#: A text more than this share of whose characters are garbage is refused.
_MOST_GARBAGE: Final = 0.02

#: What each encoding other than plain UTF-8 says in its note.
_HOW: Final = {
    "UTF-8 (BOM)": "decoded the text as UTF-8 and dropped its byte-order mark",
    "UTF-16LE (BOM)": "decoded the text as UTF-16 little-endian, as its byte-order mark says",
    "UTF-16BE (BOM)": "decoded the text as UTF-16 big-endian, as its byte-order mark says",
    "UTF-16LE": "decoded the text as UTF-16 little-endian, not UTF-8: it has no byte-order "
    "mark, but its NUL bytes (one in each ASCII character) and what it reads as say so",
    "UTF-16BE": "decoded the text as UTF-16 big-endian, not UTF-8: it has no byte-order "
    "mark, but its NUL bytes (one in each ASCII character) and what it reads as say so",
    _GB18030: "decoded the text as GB 18030 (not UTF-8), which covers GBK and GB 2312",
}


def decode_bytes(data: bytes | bytearray, source: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding it was in (see the module's
    documentation); a :class:`~govdisclosure.errors.ReadError` when it is in none of
    them, or decodes into garbage. Bytes longer than a text can be are refused before
    anything is decoded (a ``bytearray`` need not be copied into ``bytes`` first)."""
    check_size(len(data), _MAX_BYTES, "the text", source)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                bare = name.removesuffix(" (BOM)")
                raise ReadError(
                    f"the text starts with the byte-order mark of {bare} but is not {bare} "
                    f"({err.reason} at byte {err.start + len(bom)})",
                    source=source,
                ) from None
            return _checked(text, name, source), name
    found = utf16_without_bom(data)
    if found is not None:
        codec, name = found
        try:
            return _checked(data.decode(codec), name, source), name
        except UnicodeDecodeError as err:
            raise ReadError(
                f"the text starts as {name} (without a byte-order mark) but is not "
                f"({err.reason} at byte {err.start})",
                source=source,
            ) from None
    for codec, name in (("utf-8", UTF8), ("gb18030", _GB18030)):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return _checked(text, name, source), name
    raise ReadError(
        "the text is neither UTF-8 nor GB 18030 (nor UTF-16): save it as UTF-8", source=source
    )


def utf16_without_bom(data: bytes | bytearray) -> tuple[str, str] | None:
    """The codec and name of the UTF-16 that ``data`` is written in without a byte-order
    mark, or ``None`` when it is not.

    Text in UTF-8 or GB 18030 holds no NUL byte; in UTF-16 every ASCII character (a
    digit, a space, a line break) has one, in its odd bytes (little-endian) or its even
    ones (big-endian). But so do characters such as the ideographic space U+3000 that
    Chinese text indents its paragraphs with, and 一 U+4E00, in the other half: which
    half holds more NULs does not decide. Both readings are made of the start of the
    text, and the one of them made of what reports are made of is taken; the other
    reading turns line breaks, spaces and most ideographs into characters no report
    prints.

    >>> utf16_without_bom("　　一、总体情况\\n".encode("utf-16-le"))
    ('utf-16-le', 'UTF-16LE')
    >>> utf16_without_bom("一、总体情况".encode("utf-8")) is None
    True
    """
    if len(data) % 2 or b"\x00" not in data[:_SAMPLE_BYTES]:
        return None
    best: tuple[float, tuple[str, str]] | None = None
    for codec, name in _UTF16:
        decoder = codecs.getincrementaldecoder(codec)("strict")
        try:
            # Not final: the sample may end inside a surrogate pair.
            sample = decoder.decode(data[: 2 * _SAMPLE_CHARS], final=False)
        except UnicodeDecodeError:
            continue
        share = len(_PLAUSIBLE.findall(sample)) / max(len(sample), 1)
        if share >= _UTF16_PLAUSIBLE and (best is None or share > best[0]):
            best = share, (codec, name)
    return best[1] if best else None


def is_utf16(data: bytes | bytearray) -> bool:
    """Whether ``data`` is UTF-16 text, with a byte-order mark or without one: what must
    be decoded before the format of a document can be told from its bytes."""
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        utf16_without_bom(data) is not None
    )


def _checked(text: str, name: str, source: str | None) -> str:
    """``text``, unless it is garbage: then no encoding read here is the text's."""
    garbage = len(_GARBAGE.findall(text))
    if garbage and garbage > len(text) * _MOST_GARBAGE:
        raise ReadError(
            f"the text decodes as {name} into garbage ({garbage} of its {len(text)} characters "
            "are control characters, U+FFFD or private-use characters): it is in an encoding "
            "not read here (such as Big5), or not text; save it as UTF-8",
            source=source,
        )
    return text


def encoding_note(encoding: str) -> Note | None:
    """The note saying how a text was decoded (of the whole document: no place in it);
    none for plain UTF-8."""
    if encoding == UTF8:
        return None
    return Note(NoteKind.TEXT.value, "$", encoding, _HOW[encoding])
