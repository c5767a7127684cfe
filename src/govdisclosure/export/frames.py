"""Tables as pandas data frames (the ``pandas`` extra), with types that keep every
distinction the report makes.

* Counts (and 本年增/减 changes, and years) are pandas' nullable ``Int64``: a cell with
  no number is ``<NA>``, never ``NaN`` and never 0, and counts stay exact.
* Amounts of money are exact :class:`~decimal.Decimal` values in an ``object`` column,
  never floats: a report prints "6165711 元" or "12.50 万元", and a float would round
  what a finding may have to quote to the cent. Convert on purpose
  (``frame["amount"].astype(float)``) when rounding does not matter.
* Whether a cell is blank, not applicable, a count or an amount is said in the
  ``state`` column (a category with every state as its categories), so that ``<NA>``
  never has to be guessed at: a blank cell (nothing printed) is not a zero and not a
  mark.
* In the tidy frame the record's ``value`` is split by type into ``count`` and
  ``amount``; the wide frame's cell columns are ``Int64`` or ``object`` by the cell's
  kind, with their ``….state`` columns as categories.
* Text is pandas' ``string`` dtype; keys and other words from a fixed vocabulary are
  categories.

>>> import govdisclosure as gd
>>> report = gd.examples.load("zhongning-minzheng-2020")
>>> frame = to_dataframe([report])
>>> last = frame.iloc[-1]
>>> last["row"], last["column"], last["state"], int(last["count"])
('litigation_after_review', 'total', 'count', 0)
>>> str(frame["count"].dtype), str(frame["amount"].dtype), str(frame["state"].dtype)
('Int64', 'object', 'category')
>>> frame[frame["state"] == "blank"][["table", "row", "column"]].head(2).values.tolist()
[['四', 'review', 'upheld'], ['四', 'review', 'corrected']]
>>> wide = to_dataframe([report], wide=True)
>>> int(wide.loc[0, "applications.new.total"]), str(wide["applications.new.total"].dtype)
(0, 'Int64')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from govdisclosure.editions import Edition
from govdisclosure.export.columns import INT, MONEY, RATE, STATE, TEXT, VALUE, Column
from govdisclosure.export.records import RECORD_COLUMNS, STATES, record_rows
from govdisclosure.export.sources import reports_of
from govdisclosure.export.wide import WIDE_STATES, wide_rows
from govdisclosure.optional import require

__all__ = ["to_dataframe"]

_VALUE_AT: Final = [column.key for column in RECORD_COLUMNS].index("value")
#: The tidy frame's columns: the record's, its value split into a count and an amount.
_TIDY: Final = (
    *RECORD_COLUMNS[:_VALUE_AT],
    Column("count", "数量", "count", INT),
    Column("amount", "金额", "amount", MONEY),
    *RECORD_COLUMNS[_VALUE_AT + 1 :],
)


def _split(row: Sequence[Any]) -> tuple[Any, ...]:
    value = row[_VALUE_AT]
    count = value if type(value) is int else None
    amount = None if value is None or count is not None else value
    return (*row[:_VALUE_AT], count, amount, *row[_VALUE_AT + 1 :])


def _series(pd: Any, column: Column, values: Sequence[Any], states: Sequence[str]) -> Any:
    if column.type == INT:
        return pd.array(values, dtype="Int64")
    if column.type in (MONEY, VALUE, RATE):
        return pd.array(values, dtype=object)
    if column.type == STATE:
        if column.key == "state" or column.key.endswith(".state"):
            return pd.Categorical(values, categories=states)
        return pd.Categorical(values)
    assert column.type == TEXT
    return pd.array(values, dtype="string")


def to_dataframe(
    reports: Any,
    *,
    wide: bool = False,
    edition: Edition | str | None = None,
    union: bool = False,
    states: bool = True,
    indicators: bool = True,
) -> Any:
    """The tidy records of ``reports`` (see :func:`~govdisclosure.export.to_records`) as a
    :class:`pandas.DataFrame`, one row per cell; with ``wide=True`` their wide form (see
    :func:`~govdisclosure.export.to_wide`, which takes ``edition``, ``union``, ``states``
    and ``indicators``), one row per report. The types are the module's. Without pandas, a
    :class:`~govdisclosure.errors.FormatNotAvailable` that says how to install it."""
    pd = require("pandas", extra="pandas", purpose="to_dataframe (tables as a data frame)")
    if wide:
        columns, rows = wide_rows(
            reports, edition=edition, union=union, states=states, indicators=indicators
        )
        table = list(rows)
        vocabulary: Sequence[str] = WIDE_STATES
    else:
        columns = _TIDY
        records = (row for source, each in reports_of(reports) for row in record_rows(each, source))
        table = [_split(row) for row in records]
        vocabulary = STATES
    data = list(zip(*table, strict=True)) if table else [() for _ in columns]
    return pd.DataFrame(
        {
            column.key: _series(pd, column, values, vocabulary)
            for column, values in zip(columns, data, strict=True)
        }
    )
