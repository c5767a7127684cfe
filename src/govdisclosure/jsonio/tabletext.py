"""The text of a table as :func:`~govdisclosure.dumps` writes it, for the writer and the
reader alike.

The writer prints a table by filling its cells into fixed pieces made from its edition's
layout (:func:`table_pieces`). The reader recognises that very text before the JSON
decoder sees it (:func:`cut_tables`): one regular expression per table, made from the same
pieces, matches a table written exactly so, and its cells are read from the match. Most of
the decoding work of a document is in its tables, and text that dumps wrote is what the
reader reads most; any other text (another layout of whitespace, keys in another order,
notes or extra rows, not-applicable marks) is left to the JSON decoder and the reader's
checks.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Final, NamedTuple

from govdisclosure._trusted import trusted_maker
from govdisclosure.categories import MoneyUnit, Section
from govdisclosure.cells import BLANK, Cell, Money
from govdisclosure.editions import Edition
from govdisclosure.jsonio.envelope import TABLE_FIELDS
from govdisclosure.layouts import CellKind, layout

__all__ = [
    "TABLE_INDENT",
    "CutTable",
    "cut_tables",
    "inline_template",
    "make_money",
    "split_template",
    "table_pieces",
]

#: The indent of a table's key in the document (the tables are keys of the report).
TABLE_INDENT: Final = "    "


def inline_template(keys: tuple[str, ...]) -> str:
    """An object written on one line, with a ``%s`` for each value.

    >>> inline_template(("start", "end"))
    '{"start": %s, "end": %s}'
    """
    return "{" + ", ".join(f'"{key}": %s' for key in keys) + "}"


def split_template(template: str) -> list[str]:
    """The template's fixed text with an empty slot where each ``%s`` was, for a join:
    ``pieces[1::2] = values`` fills it.

    >>> split_template('{"start": %s, "end": %s}')
    ['{"start": ', '', ', "end": ', '', '}']
    """
    fixed = template.split("%s")
    pieces = [""] * (2 * len(fixed) - 1)
    pieces[0::2] = fixed
    return pieces


@functools.cache
def table_pieces(edition: Edition, section: Section, indent: str) -> list[str]:
    """The text of a table object with an empty slot for each cell in layout order (the
    odd items), so that a table is printed by one join.

    >>> pieces = table_pieces(Edition.V2019, Section.REVIEWS, "    ")
    >>> pieces[:3]
    ['{\\n      "review": {"upheld": ', '', ', "corrected": ']
    """
    lines = [
        f'{indent}  "{plan.name}": {inline_template(plan.column_names)}'
        for plan in layout(edition).table(section).row_plans
    ]
    return split_template("{\n" + ",\n".join(lines) + f"\n{indent}}}")


# What dumps writes for a cell of each kind, as a pattern with one group. Counts below
# 10**18 only (below the model's 2**63 limit); anything longer is left to the decoder.
_COUNT: Final = "(0|[1-9][0-9]{0,17}|null)"
_SIGNED: Final = "(0|-?[1-9][0-9]{0,17}|null)"
_UNITS: Final = "|".join(re.escape(unit.value) for unit in MoneyUnit)
_MONEY: Final = f'(null|\\{{"amount": "[0-9]+(?:\\.[0-9]+)?", "unit": "(?:{_UNITS})"\\}})'
_CELL_PATTERN: Final = {CellKind.COUNT: _COUNT, CellKind.SIGNED: _SIGNED, CellKind.MONEY: _MONEY}


@functools.cache
def _pattern(edition: Edition, section: Section) -> re.Pattern[str]:
    pieces = table_pieces(edition, section, TABLE_INDENT)
    kinds = [spec.kind for spec in layout(edition).table(section).cells]
    slots = iter(_CELL_PATTERN[kind] for kind in kinds)
    return re.compile(
        "".join(re.escape(p) if i % 2 == 0 else next(slots) for i, p in enumerate(pieces))
    )


#: The cell of the text of most cells: a look-up is much cheaper than int().
_CELLS: Final[dict[str, Cell]] = {
    "null": BLANK,
    **{str(n): n for n in range(-999, 1000)},
}
#: Money from an amount and unit already checked (the JSON reader uses it too).
make_money: Final = trusted_maker(Money)
_UNIT_OF: Final = {unit.value: unit for unit in MoneyUnit}
_EDITION_OF: Final = {edition.value: edition for edition in Edition}
_MONEY_TEXT: Final = re.compile(r'\{"amount": "([0-9.]+)", "unit": "([a-z_]+)"\}')


def _cell(text: str) -> Cell:
    """A cell from its text, already matched by a cell pattern."""
    if text[0] == "{":
        found = _MONEY_TEXT.fullmatch(text)
        assert found is not None  # the money pattern matched it already
        amount, unit = found.groups()
        # Digits with no sign or exponent: the very Decimal the model's converter makes.
        return make_money(Decimal(amount), _UNIT_OF[unit])
    return int(text)


class CutTable(NamedTuple):
    """A table read from the text of a document: its edition and its cells."""

    edition: Edition
    cells: tuple[Cell, ...]


# Where dumps writes the report's edition and each table's key (at the report's indent).
_EDITION_KEY: Final = f'\n{TABLE_INDENT}"edition": "'
_MARKERS: Final = tuple(
    (cls.section, f'\n{TABLE_INDENT}"{name}": {{') for name, cls in TABLE_FIELDS
)


def cut_tables(text: str) -> tuple[str, dict[Section, CutTable]]:
    """``text`` with every table written exactly as dumps writes it replaced by ``null``,
    and those tables' cells by section. The caller must check that each ``null`` it reads
    where a table belongs stands for a table of the report's edition, and must read the
    whole text again, without cutting, when anything else is wrong with the document, so
    that its errors are worded and placed exactly as without the cut.

    >>> import govdisclosure as gd
    >>> text = gd.dumps(gd.AnnualReport(organ="某县统计局", year=2022))
    >>> rest, tables = cut_tables(text)
    >>> sorted(section.value for section in tables), rest.count('"reviews": null')
    (['applications', 'proactive', 'reviews'], 1)
    """
    at = text.find(_EDITION_KEY)
    if at < 0:
        return text, {}
    at += len(_EDITION_KEY)
    edition = _EDITION_OF.get(text[at : at + 4])
    if edition is None or text[at + 4 : at + 5] != '"':
        return text, {}
    pieces: list[str] = []
    tables: dict[Section, CutTable] = {}
    done = 0  # where the text not yet copied starts
    for section, marker in _MARKERS:
        start = text.find(marker, done)
        if start < 0:
            continue
        start += len(marker) - 1  # at the table's "{"
        found = _pattern(edition, section).match(text, start)
        if found is None:
            continue
        texts = found.groups()
        try:
            cells = tuple(map(_CELLS.__getitem__, texts))
        except KeyError:  # a count of four digits or more, or money
            cells = tuple(_CELLS[t] if t in _CELLS else _cell(t) for t in texts)
        tables[section] = CutTable(edition, cells)
        pieces += (text[done:start], "null")
        done = found.end()
    if not tables:
        return text, {}
    pieces.append(text[done:])
    return "".join(pieces), tables
