"""Rows as JSON Lines: one JSON object per line, UTF-8 (no byte order mark), keys in the
columns' order, ``\\n`` after each.

Numbers are JSON numbers; exact amounts (:class:`~decimal.Decimal`) are strings of their
digits, as the report's JSON form writes them, so that no reader rounds them; a missing
value is ``null``. Besides what JSON escapes, U+2028, U+2029 and U+0085 are escaped too:
some readers split lines on them.

>>> import io
>>> from decimal import Decimal
>>> from govdisclosure.export.columns import Column, MONEY, TEXT
>>> out = io.BytesIO()
>>> write_jsonl(out, (Column("organ", "机关", "organ"), Column("amount", "金额", "amount", MONEY)),
...             [("某局\\u2028", Decimal("1E-7")), ("=1", None)])
2
>>> print(out.getvalue().decode())
{"organ":"某局\\u2028","amount":"0.0000001"}
{"organ":"=1","amount":null}
<BLANKLINE>
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO, Any, Final

from govdisclosure.export.columns import Column
from govdisclosure.export.csvio import plain_number

__all__ = ["write_jsonl"]

#: Characters some readers take for the end of a line, escaped.
_BREAKS: Final = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _default(value: object) -> str:
    if isinstance(value, Decimal):
        return plain_number(value)
    raise TypeError(f"a row holds a {type(value).__name__}, which JSON Lines cannot hold")


def write_jsonl(out: IO[bytes], columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> int:
    """Write ``rows`` (in the order of ``columns``) to the binary stream ``out`` as JSON
    Lines keyed by the columns' keys, one at a time; the number of rows."""
    keys = [column.key for column in columns]
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_default).encode
    count = 0
    for row in rows:
        line = encode(dict(zip(keys, row, strict=True))).translate(_BREAKS)
        out.write(line.encode("utf-8") + b"\n")
        count += 1
    return count
