"""The columns of every export: a stable ASCII key (the CSV header, the JSON key, the
data frame's column), the header in Chinese and in English, what the column holds, and
whether its text can come from a document (and so must be made harmless in a
spreadsheet).

>>> column = Column("organ", "机关", "organ", TEXT, 24)
>>> column.header("keys"), column.header("zh"), column.header("en")
('organ', '机关', 'organ')
>>> column.header("fr")
Traceback (most recent call last):
    ...
govdisclosure.errors.OptionError: headers must be one of keys, zh, en, got 'fr'
"""

from __future__ import annotations

from typing import Final

from attrs import frozen

from govdisclosure.errors import OptionError

__all__ = [
    "HEADERS",
    "INT",
    "MONEY",
    "RATE",
    "REPORT_COLUMNS",
    "STATE",
    "TEXT",
    "VALUE",
    "Column",
    "check_headers",
]

#: What a column holds: text; a whole number (a year, a count, an index); an exact
#: amount (:class:`~decimal.Decimal`); a count or an amount or, in findings, a text (a
#: date); a word from a fixed vocabulary (a cell's state, a severity); a ratio (an indicator,
#: a :class:`~decimal.Decimal` rounded from its exact fraction).
TEXT: Final = "text"
INT: Final = "int"
MONEY: Final = "money"
RATE: Final = "rate"
VALUE: Final = "value"
STATE: Final = "state"

#: The headers a writer can give its columns: the keys, or the Chinese or English names.
HEADERS: Final = ("keys", "zh", "en")


def check_headers(headers: str) -> str:
    """``headers`` if it is one of :data:`HEADERS`, else an
    :class:`~govdisclosure.errors.OptionError`."""
    if headers not in HEADERS:
        raise OptionError(f"headers must be one of {', '.join(HEADERS)}, got {headers!r}")
    return headers


@frozen
class Column:
    """One column of an export.

    ``trusted`` says that the column's text never comes from a document (keys and the
    form's labels): only the other text columns are checked for what a spreadsheet
    would take for a formula. ``width`` is the column's width in an Excel sheet, in
    characters.
    """

    key: str
    zh: str
    en: str
    type: str = TEXT
    width: float = 12
    trusted: bool = False

    def header(self, headers: str) -> str:
        """The column's header: its key (``"keys"``), or its name in Chinese (``"zh"``)
        or English (``"en"``)."""
        return {"keys": self.key, "zh": self.zh, "en": self.en}[check_headers(headers)]


#: The columns that name the report, first in every export.
REPORT_COLUMNS: Final = (
    Column("source", "来源", "source", TEXT, 28),
    Column("organ", "机关", "organ", TEXT, 24),
    Column("year", "年度", "year", INT, 7),
    Column("edition", "格式版本", "edition", STATE, 9, trusted=True),
)
