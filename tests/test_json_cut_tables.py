"""Reading tables straight from the text dumps writes (``jsonio/tabletext.py``).

``loads`` reads a table written exactly as :func:`dumps` writes it from the text, before
the JSON decoder sees the rest. These tests hold that shortcut to what reading the whole
text gives: the same reports, and the same errors, worded and placed the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import govdisclosure as gd
from govdisclosure import BLANK, Edition, Money, MoneyUnit, NotApplicable, ReviewTable
from govdisclosure.categories import Section
from govdisclosure.jsonio import reader
from govdisclosure.jsonio.envelope import TABLE_FIELDS
from govdisclosure.jsonio.tabletext import CutTable, cut_tables
from tests.strategies import reports

SEED = gd.load("examples/zhongning-minzheng-2020.json")
PROPERTY = settings(max_examples=40, deadline=None)


def outcome(text: str, *, cut: bool) -> Any:
    """What ``loads(text)`` gives (the report, or the error's type and wording), with the
    tables read from the text first or, with ``cut=False``, the whole text decoded."""
    with pytest.MonkeyPatch.context() as patch:
        if not cut:
            patch.setattr(reader, "cut_tables", lambda text: (text, {}))
        try:
            return gd.loads(text)
        except gd.JSONFormatError as err:
            return type(err), str(err), err.path


def _table_text(text: str, name: str) -> str:
    start = text.index(f'\n    "{name}": {{') + len(f'\n    "{name}": ')
    return text[start : text.index("\n    }", start) + len("\n    }")]


def _cuttable(report: gd.AnnualReport, table: Any) -> bool:
    """Whether dumps writes ``table`` in the plain form the cut recognises."""
    if table.edition is not report.edition:
        return False
    if table.notes or table.annotations or table.extra_rows or table.extra_columns:
        return False
    for cell in table.cells:
        if isinstance(cell, NotApplicable):
            return False
        if isinstance(cell, Money) and not re.fullmatch(r"[0-9]+(\.[0-9]+)?", f"{cell.amount:f}"):
            return False
        if type(cell) is int and not -(10**18) < cell < 10**18:
            return False
    return True


# --- what is cut ------------------------------------------------------------------------------


def test_the_seed_has_every_table_read_from_its_text() -> None:
    text = gd.dumps(SEED)
    rest, cut = cut_tables(text)
    assert set(cut) == {cls.section for _, cls in TABLE_FIELDS}
    for name, cls in TABLE_FIELDS:
        assert cut[cls.section] == CutTable(SEED.edition, getattr(SEED, name).cells)
        assert f'"{name}": null' in rest
    assert gd.loads(text) == SEED


@PROPERTY
@given(reports())
def test_a_table_is_cut_exactly_when_dumps_wrote_it_plainly(report: gd.AnnualReport) -> None:
    text = gd.dumps(report)
    _, cut = cut_tables(text)
    for name, cls in TABLE_FIELDS:
        table = getattr(report, name)
        assert (cls.section in cut) == _cuttable(report, table), name
        if cls.section in cut:
            assert cut[cls.section] == CutTable(report.edition, table.cells)
    assert gd.loads(text) == report


@pytest.mark.parametrize("count", [10**18 - 1, 10**18, 2**63 - 1])
def test_long_counts_read_the_same_either_way(count: int) -> None:
    report = attrs.evolve(SEED, applications=SEED.applications.with_cell("new", "other", count))
    text = gd.dumps(report)
    assert (Section.APPLICATIONS in cut_tables(text)[1]) == (count < 10**18)
    assert outcome(text, cut=True) == outcome(text, cut=False) == report


@pytest.mark.parametrize(
    "amount", [Decimal("0"), Decimal("0.50"), Decimal("12345678901234567890.25"), Decimal("-3")]
)
def test_money_reads_the_same_either_way(amount: Decimal) -> None:
    proactive = SEED.proactive.with_cell(
        "centralized_procurement", "procurement_amount", Money(amount, MoneyUnit.TEN_THOUSAND_YUAN)
    )
    report = attrs.evolve(SEED, proactive=proactive)
    text = gd.dumps(report)
    assert (Section.PROACTIVE in cut_tables(text)[1]) == (amount >= 0)
    assert outcome(text, cut=True) == outcome(text, cut=False) == report


def test_a_text_without_a_plain_edition_is_not_cut() -> None:
    text = gd.dumps(SEED).replace('"edition": "2019"', '"edition":"2019"')
    assert cut_tables(text) == (text, {})
    assert gd.loads(text) == SEED


# --- the same errors --------------------------------------------------------------------------


def _insert_after(anchor: str, extra: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        return text.replace(anchor, anchor + extra, 1)

    return change


def _table_elsewhere(name: str, anchor: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        return _insert_after(anchor, f'\n    "{name}": {_table_text(text, name)},')(text)

    return change


def _table_moved_into_reviews(text: str) -> str:
    """The applications table inside the reviews table, and null where it belongs: the
    cut finds it there, and the report's own null must not pass for it."""
    table = _table_text(text, "applications")
    text = text.replace(f'"applications": {table}', '"applications": null')
    return _insert_after('"reviews": {', f'\n    "applications": {table},')(text)


def _other_edition(text: str) -> str:
    return re.sub(
        r'"edition": "(\d+)"',
        lambda m: '"edition": "2021"' if m.group(1) == "2019" else '"edition": "2019"',
        text,
        count=1,
    )


MUTATIONS: dict[str, Callable[[str], str]] = {
    "unchanged": lambda text: text,
    "a table twice in the report": _table_elsewhere("applications", '"overview": {'),
    "a table in the scope": _table_elsewhere("reviews", '"scope": {'),
    "a table moved into another": _table_moved_into_reviews,
    "a table at the top": _table_elsewhere("proactive", '"format_version": 1,'),
    "a second edition key first": _insert_after('"report": {', '\n    "edition": "2021",'),
    "the other edition": _other_edition,
    "a table written null": lambda text: text.replace(_table_text(text, "reviews"), "null"),
    "text after a table": lambda text: text.replace(
        _table_text(text, "applications"), _table_text(text, "applications") + " 1"
    ),
    "text cut short": lambda text: text[:-3],
    "a key misspelt after the tables": lambda text: text.replace('"other_matters"', '"other"'),
    "a key misspelt before the tables": lambda text: text.replace('"overview"', '"overviews"'),
    "a bad year": lambda text: re.sub(r'"year": \d+', '"year": "x"', text, count=1),
    "a lone surrogate escape": lambda text: text.replace('"organ": "', '"organ": "\\ud800', 1),
}


@pytest.mark.parametrize("mutation", MUTATIONS, ids=list(MUTATIONS))
def test_cut_and_whole_readings_agree_on_the_seed(mutation: str) -> None:
    text = MUTATIONS[mutation](gd.dumps(SEED))
    assert outcome(text, cut=True) == outcome(text, cut=False)


@PROPERTY
@given(reports(), st.sampled_from(sorted(MUTATIONS)))
def test_cut_and_whole_readings_agree(report: gd.AnnualReport, mutation: str) -> None:
    text = MUTATIONS[mutation](gd.dumps(report))
    assert outcome(text, cut=True) == outcome(text, cut=False)


def test_a_table_cut_in_another_edition_is_read_whole() -> None:
    cells = tuple(BLANK for _ in SEED.reviews.cells)
    walker = reader._Reader(None, pairs=True, cut={Section.REVIEWS: CutTable(Edition.V2021, cells)})
    with pytest.raises(reader._CutMisfitError):
        walker.table(None, "$", ReviewTable, Edition.V2019)
