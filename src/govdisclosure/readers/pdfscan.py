"""The nesting of a PDF's arrays and dictionaries, counted by a linear scan of its bytes
before pypdf parses them by recursion (see :mod:`~govdisclosure.readers.pdf`, whose
checks it is one of: what it covers, and what it cannot see)."""

from __future__ import annotations

import re

from govdisclosure.errors import ReadError
from govdisclosure.readers.limits import MAX_DEPTH

__all__ = ["SPACE", "check_nesting"]

#: The bytes PDF counts as white space.
SPACE = rb"\0\t\n\f\r "
#: An object's header, where pypdf starts parsing an object: the scan starts again there.
_HEADER = rb"(?<![0-9])[0-9]+[%s]+[0-9]+[%s]+obj(?![^%s()<>\[\]{}/%%])" % (SPACE, SPACE, SPACE)
#: What cannot change the depth, nor hide a header ("obj" is where one could be).
_PLAIN = rb"[^\[\]()<>%\\o]++|o(?!bj)"
#: A literal string without parentheses inside, a hex string.
_STRINGS = rb"\((?:[^()\\o]++|\\.|o(?!bj))*+\)|<[0-9A-Fa-f%s]*+>" % SPACE
#: An array with no array, dictionary or odd string inside.
_FLAT_ARRAY = rb"\[(?:%s|%s)*+\]" % (_PLAIN, _STRINGS)
#: Flat arrays with what is between them (one deeper than where they stand), and a
#: dictionary with nothing nested deeper inside it than a flat array (two deeper): one
#: token each, which most arrays and dictionaries of most files are.
_FLAT = rb"%s(?:(?:%s)*+%s)*+" % (_FLAT_ARRAY, _PLAIN, _FLAT_ARRAY)
_FLAT_DICTIONARY = rb"<<(?:%s|%s|%s)*+>>" % (_PLAIN, _STRINGS, _FLAT_ARRAY)
#: What a stream's dictionary ends with: its data follows.
_STREAM_KEYWORD = rb"[%s]*+stream(?:\r\n|\n|\r)" % SPACE
#: What changes the depth or the mode, in one regular expression so that the plain bytes
#: between them are skipped at the speed of the regular expression engine.
_TOKENS = re.compile(
    rb"(?P<header>%s)|(?:%s)|%%(?:[^\r\no]++|o(?!bj))*+|(?P<flat>%s)"
    rb"|(?P<flat_dictionary>%s)(?P<flat_stream>%s)?|(?P<open>\[|<<)"
    rb"|(?P<close>\]|>>)(?P<stream>%s)?|(?P<mode>[(<])|\\."
    % (_HEADER, _STRINGS, _FLAT, _FLAT_DICTIONARY, _STREAM_KEYWORD, _STREAM_KEYWORD),
    re.S,
)
#: Where each mode ends (or a header starts the scan again).
_STRING = re.compile(rb"\\.|(?P<paren>[()])|%s" % _HEADER, re.S)
_HEX = re.compile(rb">|%s" % _HEADER)
_STREAM = re.compile(rb"endstream|%s" % _HEADER)


def check_nesting(data: bytes, what: str, source: str | None) -> None:
    """Refuse ``data`` (a PDF file, an object stream or content, decoded) when its arrays
    and dictionaries nest deeper than :data:`MAX_DEPTH`, in one pass over it (see the
    module's documentation for what the scan skips and where it starts again).

    >>> check_nesting(b"1 0 obj << /A [(]]]) <5D5D>] >> endobj", "the file", None)
    >>> check_nesting(b"1 0 obj " + b"[" * 300, "the file", None)
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReadError: byte 208: the file nests arrays and dictionaries more than ...
    """
    if data.count(b"[") + data.count(b"<<") <= MAX_DEPTH:
        return  # too few to nest that deep: the common case of a small content stream
    depth = position = 0
    while position < len(data):
        position, depth = _scan(data, position, depth)
        if depth > MAX_DEPTH:
            raise ReadError(
                f"{what} nests arrays and dictionaries more than {MAX_DEPTH} deep",
                source=source,
                location=f"byte {position}",
            )


def _scan(data: bytes, position: int, depth: int) -> tuple[int, int]:
    """Scan ``data`` from ``position`` at ``depth`` up to the end, the first token deeper
    than :data:`MAX_DEPTH` (at its start), or the end of a string, hex string or stream
    data that the regular expression does not take whole: where it stopped, and the
    depth there."""
    for token in _TOKENS.finditer(data, position):
        kind = token.lastgroup
        if kind is None:
            continue  # a string, a comment, an escape: nothing nests in them
        if kind == "header":
            depth = 0
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind in ("flat", "flat_dictionary"):
            if depth + (1 if kind == "flat" else 2) > MAX_DEPTH:
                return token.start(), MAX_DEPTH + 1
        elif kind == "mode":  # a string with parentheses inside, an odd hex string
            if token[kind] == b"(":
                return _skip_string(data, token.end()), depth
            return _skip(_HEX, data, token.end()), depth
        else:  # the data of a stream, after its dictionary
            return _skip(_STREAM, data, token.end()), max(0, depth - (kind == "stream"))
        if depth > MAX_DEPTH:
            return token.start(), depth
    return len(data), depth


def _skip(mode: re.Pattern[bytes], data: bytes, position: int) -> int:
    """Where the scan goes on after an odd hex string or a stream's data: after its end,
    or at the header of an object that starts inside it."""
    found = mode.search(data, position)
    if found is None:
        return len(data)
    return found.start() if found[0][:1].isdigit() else found.end()


def _skip_string(data: bytes, position: int) -> int:
    """Where the scan goes on after a literal string whose ``(`` ends at ``position``:
    after its balancing ``)`` (escapes skipped), or at a header inside it."""
    parens = 1
    for found in _STRING.finditer(data, position):
        paren = found["paren"]
        if paren is None and found[0][:1].isdigit():
            return found.start()  # a header: pypdf parses an object from here
        if paren == b"(":
            parens += 1
        elif paren == b")":
            parens -= 1
            if not parens:
                return found.end()
    return len(data)


# --- the page tree ------------------------------------------------------------------------
