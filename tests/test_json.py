"""The JSON form: lossless round trips, deterministic text, the schema, and strict reading.

Strictness tests assert the exception type (``JSONFormatError``, also a ``ValueError`` and a
``GovDisclosureError``) and the exact JSON path of the problem.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import tempfile
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings, strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    NOT_APPLICABLE_MARKS,
    AnnualReport,
    ApplicationTable,
    CellTable,
    Contact,
    Edition,
    GovDisclosureError,
    JSONFormatError,
    Money,
    MoneyUnit,
    NotApplicable,
    Overview,
    Paragraph,
    Period,
    Preamble,
    ProactiveTable,
    ReportValueError,
    ReviewTable,
    Span,
    Subsection,
    Website,
    dump,
    dumps,
    from_dict,
    load,
    loads,
    to_dict,
)
from govdisclosure.cells import COUNT_LIMIT
from govdisclosure.schema import SCHEMA_RESOURCE, build_schema, render_schema
from tests.strategies import reports, round_trips

EDITIONS = list(Edition)
YEAR = {Edition.V2019: 2020, Edition.V2021: 2022}
VALIDATOR = Draft202012Validator(gd.json_schema())
V19, V21 = Edition.V2019, Edition.V2021
APPS_NEW = ("report", "applications", "new", "natural_person")
FEE = ("report", "proactive", "administrative_fees", "fee_amount")
PROCUREMENT = ("report", "proactive", "centralized_procurement", "procurement_amount")
CHANGE = ("report", "proactive", "administrative_licensing", "change")
MONEY = {"amount": "1.5", "unit": "wan_yuan"}

# Property tests draw whole reports (hundreds of cells each): keep the counts modest.
PROPERTY = settings(max_examples=30, deadline=None)
# For checks that a strategy produces some kind of report: stop at the first one found
# (shrinking a whole report would take minutes).
FIND = settings(max_examples=300, deadline=None, database=None, phases=[Phase.generate])


# --- helpers --------------------------------------------------------------------------------


def _report(edition: Edition = Edition.V2021) -> AnnualReport:
    """A small report with every optional object present, so each has a JSON path."""
    year = YEAR[edition]
    return AnnualReport(
        organ="中宁县民政局",
        year=year,
        edition=edition,
        title="中宁县民政局年度报告",
        preamble=Preamble(
            paragraphs=["本报告依据《条例》编制。"],
            legal_basis=["《中华人民共和国政府信息公开条例》"],
            period=Period.calendar_year(year),
            website=Website("中宁县人民政府网", "http://www.znzf.gov.cn"),
            contact=Contact(office="县民政局办公室", phone="0955-5012345"),
        ),
        overview=Overview(
            intro=["概述。"],
            subsections=[Subsection("主动公开", [Paragraph([Span("一是", True), Span("公开。")])])],
        ),
        problems=["无。"],
        other_matters=["无。"],
    )


def _document(edition: Edition = Edition.V2021) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(dumps(_report(edition)))
    return document


class Raw(str):
    """JSON text to put in place of a value, for what Python values cannot express."""


class _Delete:
    pass


DELETE = _Delete()
_PLACEHOLDER = "@@placeholder@@"


def _text_with(edition: Edition, keys: tuple[str | int, ...], value: object) -> str:
    """The JSON text of :func:`_document` with the value at ``keys`` replaced, added or
    deleted (``DELETE``); a :class:`Raw` value is spliced in as JSON text."""
    document = _document(edition)
    parent: Any = document
    for key in keys[:-1]:
        parent = parent[key]
    last: Any = keys[-1]
    if value is DELETE:
        del parent[last]
        return json.dumps(document, ensure_ascii=False)
    if isinstance(value, Raw):
        parent[last] = _PLACEHOLDER
        text = json.dumps(document, ensure_ascii=False)
        assert text.count(f'"{_PLACEHOLDER}"') == 1
        return text.replace(f'"{_PLACEHOLDER}"', value)
    parent[last] = value
    return json.dumps(document, ensure_ascii=False)


def _load_error(text: str | bytes, *, source: str | None = None) -> JSONFormatError:
    with pytest.raises(JSONFormatError) as info:
        loads(text, source=source)
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, GovDisclosureError)
    return err


def _dict_error(document: Any) -> JSONFormatError:
    with pytest.raises(JSONFormatError) as info:
        from_dict(document)
    return info.value


def _assert_same(back: AnnualReport, report: AnnualReport) -> None:
    """``back == report``, and more than ``==`` sees: each cell's exact type, a Decimal's
    scale and the sign of a zero (where its exponent is not positive), the custom title."""
    assert back == report
    assert back.edition is report.edition
    assert back.custom_title == report.custom_title
    pairs: list[tuple[CellTable[Any, Any], CellTable[Any, Any]]]
    pairs = list(zip(back.tables, report.tables, strict=True))
    for ours, theirs in pairs:
        assert [type(c) for c in ours.cells] == [type(c) for c in theirs.cells]
        for a, b in zip(ours.cells, theirs.cells, strict=True):
            if isinstance(a, Money) and isinstance(b, Money):
                assert a.unit is b.unit
                if b.amount.as_tuple().exponent <= 0:  # type: ignore[operator]
                    assert a.amount.as_tuple() == b.amount.as_tuple()


def _sums_hold(table: CellTable[Any, Any]) -> bool:
    for total in table.layout.sums:
        numbers = [table.cells[p] for p in total.parts if type(table.cells[p]) is int]
        expected = sum(numbers) if numbers else BLANK  # type: ignore[arg-type]
        if table.cells[total.target] != expected:
            return False
    return True


# --- round trips (property tests) -----------------------------------------------------------


@pytest.mark.parametrize("consistent", [True, False], ids=["consistent", "arbitrary"])
@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.value)
@PROPERTY
@given(data=st.data())
def test_loads_dumps_round_trip(edition: Edition, consistent: bool, data: st.DataObject) -> None:
    report = data.draw(reports(edition, consistent))
    assert report.edition is edition
    text = dumps(report)
    back = loads(text)
    _assert_same(back, report)
    # An equal report, built separately, prints the same text.
    assert dumps(back) == text


@settings(max_examples=round_trips(30), deadline=None)
@given(reports(), st.sampled_from(["str", "bytes", "sniffed"]))
def test_read_render_round_trip(report: AnnualReport, how: str) -> None:
    """``read(render(r, "json")).report == r`` through the readers' entry point: text,
    bytes, and bytes whose format is sniffed."""
    text = gd.render(report, "json")
    assert isinstance(text, str)
    if how == "str":
        result = gd.read(text, "json")
    else:
        result = gd.read(text.encode("utf-8"), None if how == "sniffed" else "json")
    assert result.format == "json"
    assert not result.notes
    _assert_same(result.report, report)


@given(reports())
def test_from_dict_round_trip(report: AnnualReport) -> None:
    document = json.loads(dumps(report))
    _assert_same(from_dict(document), report)
    # A read-only mapping is accepted at the top.
    _assert_same(from_dict(MappingProxyType(document)), report)


def _reordered(value: Any, order: st.DataObject) -> Any:
    """``value`` with the keys of every object in an order drawn from ``order``."""
    if isinstance(value, dict):
        keys = order.draw(st.permutations(list(value)))
        return {key: _reordered(value[key], order) for key in keys}
    if isinstance(value, list):
        return [_reordered(item, order) for item in value]
    return value


@PROPERTY
@given(reports(), st.data())
def test_key_order_does_not_matter(report: AnnualReport, order: st.DataObject) -> None:
    """The reader takes an object written in :func:`dumps`'s key order apart in one step
    and checks any other order key by key: both give the same report."""
    document = _reordered(to_dict(report), order)
    _assert_same(loads(json.dumps(document, ensure_ascii=False)), report)


@pytest.mark.parametrize(
    "spans",
    [
        ["建议", "。", {"text": "四是", "bold": True}],  # neighbours of the same style
        ["", "建议。"],  # an empty span
        [{"text": "建议。", "bold": False}],  # a plain span written as an object
        [{"text": "建议。"}],  # bold left out
    ],
    ids=["merged", "empty", "plain-object", "no-bold"],
)
def test_paragraphs_not_written_as_dumps_writes_them_read_the_same(spans: list[Any]) -> None:
    document = to_dict(AnnualReport(organ="某县统计局", year=2022))
    document["report"]["problems"] = [spans]
    expected = Paragraph(
        [s if isinstance(s, str) else Span(s["text"], s.get("bold", False)) for s in spans]
    )
    assert loads(json.dumps(document, ensure_ascii=False)).problems == (expected,)


@PROPERTY
@given(reports())
def test_from_dict_to_dict_round_trip(report: AnnualReport) -> None:
    _assert_same(from_dict(to_dict(report)), report)


def _plain_json(value: object) -> bool:
    """Whether ``value`` is made of exactly dict, list, str, int, bool and None."""
    if type(value) is dict:
        return all(type(k) is str and _plain_json(v) for k, v in value.items())
    if type(value) is list:
        return all(_plain_json(v) for v in value)
    return value is None or type(value) in (str, int, bool)


@PROPERTY
@given(reports())
def test_dumps_is_deterministic(report: AnnualReport) -> None:
    text = dumps(report)
    assert dumps(report) == text
    twin = from_dict(json.loads(text))
    assert twin is not report
    assert twin == report
    assert dumps(twin) == text
    assert dumps(attrs.evolve(report)) == text


@PROPERTY
@given(reports())
def test_dumps_ends_with_one_newline(report: AnnualReport) -> None:
    text = dumps(report)
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    # Line breaks inside strings are escaped: the text has no carriage return at all.
    assert "\r" not in text


# An escape \uXXXX in JSON text: a backslash preceded by an even number of backslashes.
_U_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u([0-9a-fA-F]{4})")


@PROPERTY
@given(reports())
def test_dumps_is_not_ascii_escaped(report: AnnualReport) -> None:
    text = dumps(report)
    # The only \u escapes are those JSON requires (control characters).
    assert all(int(code, 16) < 0x20 for code in _U_ESCAPE.findall(text))
    # Each string appears as JSON's minimal escaping writes it, other characters literal.
    for value in (report.organ, report.custom_title, *report.scope.organs):
        if value is not None:
            assert json.dumps(value, ensure_ascii=False) in text


def test_chinese_and_non_bmp_text_appear_literally() -> None:
    report = AnnualReport(organ="中宁县民政局𠀀", year=2020, problems=['引号"与\\反斜杠'])
    text = dumps(report)
    assert '"organ": "中宁县民政局𠀀"' in text
    assert r'"引号\"与\\反斜杠"' in text
    assert not text.isascii()


@PROPERTY
@given(reports())
def test_json_text_decodes_to_to_dict(report: AnnualReport) -> None:
    document = to_dict(report)
    assert json.loads(dumps(report)) == document
    # Plain data all the way down (no private dict or list subclasses leak out).
    assert _plain_json(document)
    assert to_dict(report) is not document  # a fresh copy each time


def test_layout_of_the_text() -> None:
    text = dumps(_report(Edition.V2019))
    assert text.startswith('{\n  "format": "govdisclosure-annual-report",\n  "format_version": 1,')
    # A table row is one line.
    assert (
        '      "administrative_licensing": {"previous_items": 0, "change": 0, "decisions": 0},\n'
        in text
    )
    assert '"procurement_amount": {"amount": "0", "unit": "yuan"}' in text


# --- the strategies themselves --------------------------------------------------------------


@PROPERTY
@given(reports(consistent=True))
def test_consistent_reports_add_up(report: AnnualReport) -> None:
    assert _sums_hold(report.applications)
    assert _sums_hold(report.reviews)


def test_consistent_reports_are_not_trivially_so() -> None:
    # The check above could pass on all-blank tables; a filled total must occur.
    found = find(
        reports(consistent=True),
        lambda r: (
            type(r.applications["total", "total"]) is int and r.applications["total", "total"] > 0
        ),
        settings=FIND,
    )
    assert _sums_hold(found.applications)


def test_arbitrary_reports_do_not_always_add_up() -> None:
    found = find(
        reports(consistent=False),
        lambda r: not _sums_hold(r.applications),
        settings=FIND,
    )
    assert not _sums_hold(found.applications)


def test_reports_include_mismatched_editions() -> None:
    found = find(
        reports(),
        lambda r: r.edition is not gd.edition_for_year(r.year),
        settings=FIND,
    )
    assert not found.edition.fits(found.year)


def _all_text(report: AnnualReport) -> list[str | None]:
    prose = [
        *report.preamble.paragraphs,
        *report.overview.intro,
        *(p for s in report.overview.subsections for p in s.paragraphs),
        *report.problems,
        *report.other_matters,
    ]
    contact = report.preamble.contact
    website = report.preamble.website
    return [
        report.organ,
        report.title,
        *report.scope.organs,
        *report.preamble.legal_basis,
        *(s.title for s in report.overview.subsections),
        *(span.text for p in prose for span in p.spans),
        *(attrs.astuple(contact) if contact else ()),
        *(attrs.astuple(website) if website else ()),
    ]


@settings(max_examples=15, deadline=None)
@given(reports(plain=True))
def test_plain_reports_hold_only_printable_text(report: AnnualReport) -> None:
    for text in _all_text(report):
        if text is not None:
            assert text.isprintable()
            assert not any(ch.isspace() or ch in "*\\" for ch in text)
    assert loads(dumps(report)) == report


# --- the schema -----------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(gd.json_schema())


def test_shipped_schema_is_the_generated_one() -> None:
    shipped = resources.files("govdisclosure").joinpath(SCHEMA_RESOURCE).read_text("utf-8")
    assert shipped == render_schema()
    assert gd.json_schema() == build_schema()


@PROPERTY
@given(reports())
def test_every_document_validates_against_the_schema(report: AnnualReport) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(json.loads(dumps(report)))]
    assert errors == []


def test_schema_accepts_every_cell_form() -> None:
    document = _document(Edition.V2019)
    proactive = document["report"]["proactive"]
    proactive["administrative_licensing"]["change"] = -12
    proactive["rules"]["made"] = None
    proactive["rules"]["published"] = {"na": "不适用"}
    proactive["centralized_procurement"]["procurement_amount"] = {
        "amount": "-1.50",
        "unit": "yi_yuan",
    }
    VALIDATOR.validate(document)
    from_dict(document)


def test_extra_columns_round_trip_and_validate() -> None:
    report = _report(Edition.V2019)
    subtotal = gd.ExtraColumn(
        "法人或其他组织小计", (1, BLANK, NotApplicable("/"), *[0] * 20), after="other"
    )
    online = gd.ExtraColumn("其中网上", (Money("1.50", "万元"), 2), after="change", block=1)
    report = attrs.evolve(
        report,
        applications=attrs.evolve(report.applications, extra_columns=(subtotal,)),
        proactive=attrs.evolve(report.proactive, extra_columns=(online,)),
    )
    text = dumps(report)
    assert (
        '      "_extra_columns": [\n'
        '        {"label": "法人或其他组织小计", "after": "other", '
        '"cells": [1, null, {"na": "/"}, 0,'
    ) in text
    assert '{"label": "其中网上", "after": "change", "block": 1, "cells": [' in text
    VALIDATOR.validate(json.loads(text))
    _assert_same(loads(text), report)
    back = from_dict(to_dict(report))
    assert back.applications.extra_columns == (subtotal,)
    assert back.proactive.extra_columns[0].cells[0] == Money("1.50", "万元")


def test_reports_include_extra_columns() -> None:
    found = find(
        reports(),
        lambda r: (
            any(len(t.extra_columns) > 1 for t in r.tables)
            and any(c.block > 0 for c in r.proactive.extra_columns)
        ),
        settings=FIND,
    )
    assert any(t.extra_columns for t in found.tables)


EXTRA_COLUMNS = ("report", "applications", "_extra_columns")
EXTRA_COLUMNS_PATH = "$.report.applications._extra_columns"


def _extra_column(**changes: Any) -> dict[str, Any]:
    """An item of table 三's ``_extra_columns`` (2021 edition), with ``changes`` (``DELETE``
    drops a key)."""
    item: dict[str, Any] = {"label": "法人或其他组织小计", "after": "other", "cells": _cells()}
    item.update(changes)
    return {key: value for key, value in item.items() if value is not DELETE}


def _cells(*first: object) -> list[object]:
    """The cells of an extra column of table 三 (2021 edition: 25 rows): ``first``, then 0."""
    return [*first, *[0] * (25 - len(first))]


_SCHEMA_INVALID: list[Any] = [
    pytest.param(("report", "applications", "new", "natural_person"), -1, id="negative-count"),
    pytest.param(("report", "applications", "new", "natural_person"), 1.5, id="float-count"),
    pytest.param(("report", "applications", "new", "natural_person"), "1", id="string-count"),
    pytest.param(("report", "applications", "new", "natural_person"), True, id="bool-count"),
    pytest.param(("extra",), 1, id="unknown-key-envelope"),
    pytest.param(("report", "extra"), 1, id="unknown-key-report"),
    pytest.param(("report", "preamble", "contact", "extra"), 1, id="unknown-key-contact"),
    pytest.param(("report", "applications", "new", "extra"), 1, id="unknown-key-row"),
    pytest.param(("report", "applications", "extra"), {}, id="unknown-row"),
    pytest.param(
        ("report", "proactive", "administrative_fees", "fee_amount"),
        {"amount": "1", "unit": "rmb"},
        id="bad-unit",
    ),
    pytest.param(
        ("report", "proactive", "administrative_fees", "fee_amount"), 12, id="money-as-number"
    ),
    pytest.param(("report", "reviews", "review", "upheld"), {"na": "n/a"}, id="bad-mark"),
    pytest.param(("report", "applications", "total"), DELETE, id="missing-row"),
    pytest.param(("format_version",), 2, id="format-version"),
    pytest.param(("report", "year"), 2007, id="year-too-early"),
    pytest.param(("report", "published"), "2022-1-5", id="bad-date"),
    pytest.param(("report", "problems", 0), "", id="empty-paragraph"),
    pytest.param(EXTRA_COLUMNS, [_extra_column(after="legal_persons")], id="extra-column-after"),
    pytest.param(EXTRA_COLUMNS, [_extra_column(block=1)], id="extra-column-block"),
    pytest.param(EXTRA_COLUMNS, [_extra_column(cells=[0] * 24)], id="extra-column-cells"),
    pytest.param(EXTRA_COLUMNS, [_extra_column(after=DELETE)], id="extra-column-no-after"),
    pytest.param(
        ("report", "proactive", "_extra_columns"),
        [{"label": "x", "after": "issued", "block": 1, "cells": [0]}],
        id="extra-column-after-in-its-block",
    ),
]


@pytest.mark.parametrize(("keys", "value"), _SCHEMA_INVALID)
def test_schema_rejects_invalid_documents(keys: tuple[str | int, ...], value: object) -> None:
    document = json.loads(_text_with(Edition.V2021, keys, value))
    assert not VALIDATOR.is_valid(document)
    # And the reader refuses them too.
    _dict_error(document)


@pytest.mark.parametrize("amount", ["1e3", "1E+3", " 1", "1_000", "+1", ".5", "1.", "", "1,000"])
def test_schema_refuses_non_canonical_amounts(amount: str) -> None:
    document = json.loads(_text_with(Edition.V2021, (*FEE, "amount"), amount))
    assert not VALIDATOR.is_valid(document)


def test_schema_rejects_a_row_of_the_other_edition() -> None:
    document = _document(Edition.V2019)
    document["report"]["applications"]["other_no_correction"] = document["report"]["applications"][
        "new"
    ]
    assert not VALIDATOR.is_valid(document)
    document["report"]["edition"] = "2021"  # the other way round: 2019 rows in a 2021 report
    assert not VALIDATOR.is_valid(document)


def test_schema_and_reader_differ_on_integral_floats() -> None:
    # JSON Schema counts 1.0 as an integer; the reader refuses it (it keeps JSON's spelling).
    text = _text_with(
        Edition.V2021, ("report", "applications", "new", "natural_person"), Raw("1.0")
    )
    assert VALIDATOR.is_valid(json.loads(text))
    assert _load_error(text).path == "$.report.applications.new.natural_person"


# --- strictness -----------------------------------------------------------------------------


def _path(keys: tuple[str | int, ...]) -> str:
    out = "$"
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else f".{key}"
    return out


def _case(
    name: str,
    edition: Edition,
    keys: tuple[str | int, ...],
    value: object,
    path: str | tuple[str | int, ...],
) -> Any:
    return pytest.param(
        edition, keys, value, path if isinstance(path, str) else _path(path), id=name
    )


_STRICT: list[Any] = [
    # counts: never a bool, a float, a string, or negative
    _case("count-true", V21, APPS_NEW, True, APPS_NEW),
    _case("count-false", V21, APPS_NEW, False, APPS_NEW),
    _case("count-1.0", V21, APPS_NEW, Raw("1.0"), APPS_NEW),
    _case("count-1e3", V21, APPS_NEW, Raw("1e3"), APPS_NEW),
    _case("count-1E+3", V21, APPS_NEW, Raw("1E+3"), APPS_NEW),
    _case("count--0.0", V21, APPS_NEW, Raw("-0.0"), APPS_NEW),
    _case("count-numeric-string", V21, APPS_NEW, "1", APPS_NEW),
    _case("count-negative", V21, APPS_NEW, -1, APPS_NEW),
    _case("count-mark-as-string", V21, APPS_NEW, "/", APPS_NEW),
    _case("count-list", V21, APPS_NEW, [1], APPS_NEW),
    _case("count-money", V21, APPS_NEW, {"amount": "1", "unit": "yuan"}, APPS_NEW),
    _case(
        "review-negative",
        V19,
        ("report", "reviews", "litigation_direct", "total"),
        -3,
        ("report", "reviews", "litigation_direct", "total"),
    ),
    _case(
        "previous-items-negative-2019",
        V19,
        ("report", "proactive", "administrative_licensing", "previous_items"),
        -1,
        ("report", "proactive", "administrative_licensing", "previous_items"),
    ),
    _case(
        "issued-negative-2021",
        V21,
        ("report", "proactive", "rules", "issued"),
        -1,
        ("report", "proactive", "rules", "issued"),
    ),
    _case("change-float", V19, CHANGE, Raw("-1.0"), CHANGE),
    _case("change-bool", V19, CHANGE, True, CHANGE),
    _case("change-string", V19, CHANGE, "-1", CHANGE),
    # money: an object with a decimal string and a known unit
    _case("money-int", V21, FEE, 12, FEE),
    _case("money-negative-int", V21, FEE, -12, FEE),
    _case("money-float", V21, FEE, Raw("1.5"), FEE),
    _case("money-string", V21, FEE, "1.5", FEE),
    _case("money-2019-int", V19, PROCUREMENT, 6165711, PROCUREMENT),
    _case("amount-word", V21, (*FEE, "amount"), "abc", (*FEE, "amount")),
    _case("amount-empty", V21, (*FEE, "amount"), "", (*FEE, "amount")),
    _case("amount-grouped", V21, (*FEE, "amount"), "1,000", (*FEE, "amount")),
    _case("amount-two-points", V21, (*FEE, "amount"), "1.2.3", (*FEE, "amount")),
    _case("amount-nan", V21, (*FEE, "amount"), "NaN", (*FEE, "amount")),
    _case("amount-infinity", V21, (*FEE, "amount"), "-Infinity", (*FEE, "amount")),
    _case("amount-with-unit", V21, (*FEE, "amount"), "1.5万元", (*FEE, "amount")),
    _case("amount-number", V21, (*FEE, "amount"), 1, (*FEE, "amount")),
    _case("amount-float", V21, (*FEE, "amount"), Raw("1.5"), (*FEE, "amount")),
    _case("amount-null", V21, (*FEE, "amount"), None, (*FEE, "amount")),
    _case("unit-unknown", V21, (*FEE, "unit"), "rmb", (*FEE, "unit")),
    _case("unit-label", V21, (*FEE, "unit"), "万元", (*FEE, "unit")),
    _case("unit-null", V21, (*FEE, "unit"), None, (*FEE, "unit")),
    _case("unit-missing", V21, (*FEE, "unit"), DELETE, FEE),
    # not-applicable marks
    _case("mark-unknown", V21, APPS_NEW, {"na": "n/a"}, (*APPS_NEW, "na")),
    _case("mark-padded", V21, APPS_NEW, {"na": " /"}, (*APPS_NEW, "na")),
    _case("mark-number", V21, APPS_NEW, {"na": 0}, (*APPS_NEW, "na")),
    _case("mark-null", V21, APPS_NEW, {"na": None}, (*APPS_NEW, "na")),
    # unknown keys, at every level
    _case("unknown-envelope", V21, ("extra",), 1, "$.extra"),
    _case("unknown-report", V21, ("report", "extra"), 1, "$.report.extra"),
    _case("unknown-scope", V21, ("report", "scope", "extra"), 1, "$.report.scope.extra"),
    _case("unknown-preamble", V21, ("report", "preamble", "extra"), 1, "$.report.preamble.extra"),
    _case(
        "unknown-period",
        V21,
        ("report", "preamble", "period", "extra"),
        1,
        "$.report.preamble.period.extra",
    ),
    _case(
        "unknown-website",
        V21,
        ("report", "preamble", "website", "extra"),
        1,
        "$.report.preamble.website.extra",
    ),
    _case(
        "unknown-contact",
        V21,
        ("report", "preamble", "contact", "fax"),
        "0955-1",
        "$.report.preamble.contact.fax",
    ),
    _case("unknown-overview", V21, ("report", "overview", "extra"), 1, "$.report.overview.extra"),
    _case(
        "unknown-subsection",
        V21,
        ("report", "overview", "subsections", 0, "numbering"),
        "（一）",
        "$.report.overview.subsections[0].numbering",
    ),
    _case(
        "unknown-span",
        V21,
        ("report", "overview", "subsections", 0, "paragraphs", 0, 0, "italic"),
        True,
        "$.report.overview.subsections[0].paragraphs[0][0].italic",
    ),
    _case(
        "unknown-table",
        V21,
        ("report", "applications", "extra"),
        {},
        "$.report.applications.extra",
    ),
    _case(
        "unknown-row-key",
        V21,
        ("report", "applications", "new", "legal_persons"),
        0,
        "$.report.applications.new.legal_persons",
    ),
    _case("unknown-cell-na", V21, APPS_NEW, {"na": "/", "note": "x"}, (*APPS_NEW, "note")),
    _case("unknown-cell-money", V21, FEE, {**MONEY, "currency": "CNY"}, (*FEE, "currency")),
    # missing rows, columns and keys
    _case(
        "missing-row",
        V21,
        ("report", "applications", "total"),
        DELETE,
        "$.report.applications",
    ),
    _case(
        "missing-column",
        V21,
        ("report", "reviews", "review", "pending"),
        DELETE,
        "$.report.reviews.review",
    ),
    _case("missing-table", V21, ("report", "reviews"), DELETE, "$.report"),
    _case("missing-organ", V21, ("report", "organ"), DELETE, "$.report"),
    _case("missing-report", V21, ("report",), DELETE, "$"),
    _case(
        "missing-span-text",
        V21,
        ("report", "problems", 0),
        [{"bold": True}],
        "$.report.problems[0][0]",
    ),
    _case("table-not-object", V21, ("report", "reviews"), [], "$.report.reviews"),
    _case("row-number", V21, ("report", "reviews", "review"), 0, "$.report.reviews.review"),
    _case("row-null", V21, ("report", "reviews", "review"), None, "$.report.reviews.review"),
    _case("rows-empty", V21, ("report", "reviews", "review"), {}, "$.report.reviews.review"),
    _case(
        "row-not-object",
        V21,
        ("report", "reviews", "review"),
        [0, 0, 0, 0, 0],
        "$.report.reviews.review",
    ),
    # the envelope
    _case("format-wrong", V21, ("format",), "govdisclosure-annual-report-v2", "$.format"),
    _case("format-null", V21, ("format",), None, "$.format"),
    _case("format-version-2", V21, ("format_version",), 2, "$.format_version"),
    _case("format-version-0", V21, ("format_version",), 0, "$.format_version"),
    _case("format-version-string", V21, ("format_version",), "1", "$.format_version"),
    _case("format-version-float", V21, ("format_version",), Raw("1.0"), "$.format_version"),
    _case("format-version-true", V21, ("format_version",), True, "$.format_version"),
    _case("report-not-object", V21, ("report",), [], "$.report"),
    # rows and columns of the other edition
    _case(
        "2021-row-in-2019",
        V19,
        ("report", "applications", "other_no_correction"),
        dict.fromkeys(
            ("natural_person", "commercial", "research", "public_welfare", "legal_services"), 0
        )
        | {"other": 0, "total": 0},
        "$.report.applications.other_no_correction",
    ),
    _case(
        "2019-row-in-2021",
        V21,
        ("report", "proactive", "centralized_procurement"),
        {"procurement_items": 0, "procurement_amount": {"amount": "0", "unit": "yuan"}},
        "$.report.proactive.centralized_procurement",
    ),
    _case(
        "2021-column-in-2019",
        V19,
        ("report", "proactive", "rules", "issued"),
        0,
        "$.report.proactive.rules.issued",
    ),
    _case(
        "2019-column-in-2021",
        V21,
        ("report", "proactive", "administrative_licensing", "change"),
        0,
        "$.report.proactive.administrative_licensing.change",
    ),
    _case("edition-unknown", V21, ("report", "edition"), "2020", "$.report.edition"),
    _case("edition-int", V21, ("report", "edition"), 2021, "$.report.edition"),
    # dates and the period
    _case("date-invalid", V21, ("report", "published"), "2021-02-30", "$.report.published"),
    _case("date-unpadded", V21, ("report", "published"), "2021-2-3", "$.report.published"),
    _case("date-slashes", V21, ("report", "published"), "2021/02/03", "$.report.published"),
    _case("date-compact", V21, ("report", "published"), "20210203", "$.report.published"),
    _case("date-time", V21, ("report", "published"), "2021-02-03T00:00", "$.report.published"),
    _case("date-number", V21, ("report", "published"), 20210203, "$.report.published"),
    # ten characters with dashes at 4 and 7, the shape the reader's fast path takes
    _case("date-wide-digit", V21, ("report", "published"), "2021-0\uff12-03", "$.report.published"),
    _case("date-signed-year", V21, ("report", "published"), "+021-02-03", "$.report.published"),
    _case("date-week-shaped", V21, ("report", "published"), "2020-W1--1", "$.report.published"),
    _case("date-space", V21, ("report", "published"), "2021-02- 3", "$.report.published"),
    _case("date-surrogate", V21, ("report", "published"), "2021-02-0\ud800", "$.report.published"),
    _case(
        "period-start-invalid",
        V21,
        ("report", "preamble", "period", "start"),
        "2022-13-01",
        "$.report.preamble.period.start",
    ),
    _case(
        "period-backwards",
        V21,
        ("report", "preamble", "period"),
        {"start": "2022-12-31", "end": "2022-01-01"},
        "$.report.preamble.period",
    ),
    _case(
        "period-missing-end",
        V21,
        ("report", "preamble", "period", "end"),
        DELETE,
        "$.report.preamble.period",
    ),
    # paragraphs
    _case("paragraph-empty", V21, ("report", "problems", 0), "", "$.report.problems[0]"),
    _case("paragraph-no-spans", V21, ("report", "problems", 0), [], "$.report.problems[0]"),
    _case("paragraph-empty-span", V21, ("report", "problems", 0), [""], "$.report.problems[0]"),
    _case(
        "paragraph-empty-bold-span",
        V21,
        ("report", "problems", 0),
        [{"text": "", "bold": True}],
        "$.report.problems[0]",
    ),
    _case(
        "paragraph-bare-span",
        V21,
        ("report", "problems", 0),
        {"text": "无。"},
        "$.report.problems[0]",
    ),
    _case("paragraph-number", V21, ("report", "problems", 0), 1, "$.report.problems[0]"),
    _case("paragraphs-string", V21, ("report", "problems"), "无。", "$.report.problems"),
    _case(
        "span-bold-string",
        V21,
        ("report", "problems", 0),
        ["a", {"text": "b", "bold": "yes"}],
        "$.report.problems[0][1].bold",
    ),
    _case(
        "span-text-number",
        V21,
        ("report", "problems", 0),
        ["a", {"text": 1}],
        "$.report.problems[0][1].text",
    ),
    _case(
        "subsection-paragraph-empty",
        V21,
        ("report", "overview", "subsections", 0, "paragraphs", 0),
        "",
        "$.report.overview.subsections[0].paragraphs[0]",
    ),
    _case(
        "intro-paragraph-empty",
        V21,
        ("report", "overview", "intro", 0),
        "",
        "$.report.overview.intro[0]",
    ),
    _case(
        "preamble-paragraph-empty",
        V21,
        ("report", "preamble", "paragraphs", 0),
        "",
        "$.report.preamble.paragraphs[0]",
    ),
    _case(
        "subsection-run-in-string",
        V21,
        ("report", "overview", "subsections", 0, "run_in"),
        "yes",
        "$.report.overview.subsections[0].run_in",
    ),
    _case(
        "subsection-title-blank",
        V21,
        ("report", "overview", "subsections", 0, "title"),
        " ",
        "$.report.overview.subsections[0].title",
    ),
    # other values
    _case("year-string", V21, ("report", "year"), "2022", "$.report.year"),
    _case("year-float", V21, ("report", "year"), Raw("2022.0"), "$.report.year"),
    _case("year-bool", V21, ("report", "year"), True, "$.report.year"),
    _case("organ-empty", V21, ("report", "organ"), "", "$.report.organ"),
    _case("organ-blank", V21, ("report", "organ"), " \u3000\n", "$.report.organ"),
    _case("organ-null", V21, ("report", "organ"), None, "$.report.organ"),
    _case("title-empty", V21, ("report", "title"), "", "$.report.title"),
    _case("organ-kind-unknown", V21, ("report", "organ_kind"), "ministry", "$.report.organ_kind"),
    _case("scope-kind-unknown", V21, ("report", "scope", "kind"), "all", "$.report.scope.kind"),
    _case(
        "scope-own-with-organs", V21, ("report", "scope", "organs"), ["县教育局"], "$.report.scope"
    ),
    _case(
        "scope-aggregate-without-organs",
        V21,
        ("report", "scope"),
        {"kind": "aggregate", "organs": []},
        "$.report.scope",
    ),
    _case(
        "scope-organ-blank",
        V21,
        ("report", "scope"),
        {"kind": "aggregate", "organs": ["县教育局", ""]},
        "$.report.scope.organs[1]",
    ),
    _case(
        "legal-basis-number",
        V21,
        ("report", "preamble", "legal_basis", 0),
        711,
        "$.report.preamble.legal_basis[0]",
    ),
    _case(
        "contact-empty",
        V21,
        ("report", "preamble", "contact", "phone"),
        "",
        "$.report.preamble.contact.phone",
    ),
    _case(
        "website-name-null",
        V21,
        ("report", "preamble", "website", "name"),
        None,
        "$.report.preamble.website.name",
    ),
    # extra columns: each item is checked against the table's layout where it is
    *(
        _case(name, V21, EXTRA_COLUMNS, value, EXTRA_COLUMNS_PATH + where)
        for name, value, where in [
            ("extra-columns-object", {"label": "小计"}, ""),
            ("extra-column-string", ["小计"], "[0]"),
            ("extra-column-without-after", [_extra_column(after=DELETE)], "[0]"),
            ("extra-column-unknown-key", [_extra_column(width=2)], "[0].width"),
            ("extra-column-after-a-group", [_extra_column(after="legal_persons")], "[0].after"),
            ("extra-column-after-a-row", [_extra_column(after="new")], "[0].after"),
            ("extra-column-after-null", [_extra_column(after=None)], "[0].after"),
            ("extra-column-block-out-of-range", [_extra_column(block=1)], "[0].block"),
            ("extra-column-block-bool", [_extra_column(block=False)], "[0].block"),
            ("extra-column-block-string", [_extra_column(block="0")], "[0].block"),
            ("extra-column-too-few-cells", [_extra_column(cells=[0] * 24)], "[0].cells"),
            ("extra-column-cells-object", [_extra_column(cells={"0": 1})], "[0].cells"),
            (
                "extra-column-negative-cell",
                [_extra_column(cells=_cells(0, 0, 0, -1))],
                "[0].cells[3]",
            ),
            ("extra-column-float-cell", [_extra_column(cells=_cells(0, 1.5))], "[0].cells[1]"),
            (
                "extra-column-bad-mark",
                [_extra_column(cells=_cells({"na": "?"}))],
                "[0].cells[0].na",
            ),
            ("extra-column-empty-label", [_extra_column(label=" ")], "[0].label"),
            ("extra-column-second", [_extra_column(), _extra_column(after="x")], "[1].after"),
        ]
    ),
    _case(
        "extra-column-in-another-block",
        V21,
        ("report", "proactive", "_extra_columns"),
        [{"label": "x", "after": "issued", "block": 1, "cells": [0]}],
        "$.report.proactive._extra_columns[0].after",
    ),
]


@pytest.mark.parametrize(("edition", "keys", "value", "path"), _STRICT)
def test_loads_is_strict(
    edition: Edition, keys: tuple[str | int, ...], value: object, path: str
) -> None:
    text = _text_with(edition, keys, value)
    err = _load_error(text)
    assert err.path == path
    assert str(err).startswith(f"{path}: ")
    assert err.source is None


@pytest.mark.parametrize(("edition", "keys", "value", "path"), _STRICT)
def test_from_dict_is_strict(
    edition: Edition, keys: tuple[str | int, ...], value: object, path: str
) -> None:
    # The same documents as Python data (a float where the text had 1.0 or 1e3).
    document = json.loads(_text_with(edition, keys, value))
    assert _dict_error(document).path == path


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.value)
def test_the_base_document_is_valid(edition: Edition) -> None:
    # Each strictness case changes one thing in this document; unchanged, it loads.
    document = _document(edition)
    VALIDATOR.validate(document)
    assert from_dict(document) == _report(edition)


@pytest.mark.parametrize("year", [2007, 10_000])
def test_year_out_of_range_is_reported_at_the_year(year: int) -> None:
    err = _load_error(_text_with(V21, ("report", "year"), year))
    assert err.path == "$.report.year"
    assert str(year) in str(err)


@pytest.mark.parametrize("value", [-7, 1 - COUNT_LIMIT, 0, 12, COUNT_LIMIT - 1])
def test_a_signed_change_may_be_negative(value: int) -> None:
    # 本年增/减 (2019 edition) is the one signed count.
    report = loads(_text_with(V19, CHANGE, value))
    assert report.proactive["administrative_licensing", "change"] == value
    for row in ("other_management_services", "administrative_penalty", "administrative_fees"):
        keys = ("report", "proactive", row, "change")
        assert loads(_text_with(V19, keys, value)).proactive[row, "change"] == value


@pytest.mark.parametrize(
    ("count", "change", "bad"),
    [
        (-1, -7, "previous_items"),  # a negative change does not excuse a negative count
        (-1, 5, "previous_items"),
        (3, -COUNT_LIMIT, "change"),  # a change must stay within a signed 64-bit int
        (COUNT_LIMIT, -7, "previous_items"),
    ],
)
def test_counts_beside_signed_changes_are_range_checked(count: int, change: int, bad: str) -> None:
    document = _document(V19)
    row = document["report"]["proactive"]["other_management_services"]
    row["previous_items"], row["change"] = count, change
    err = _load_error(json.dumps(document))
    assert err.path == f"$.report.proactive.other_management_services.{bad}"


@pytest.mark.parametrize(
    ("obj", "key", "path"),
    [
        ((), "format", "$"),
        (("report",), "organ", "$.report"),
        (("report", "preamble"), "legal_basis", "$.report.preamble"),
        (("report", "preamble", "contact"), "office", "$.report.preamble.contact"),
        (("report", "overview", "subsections", 0), "title", "$.report.overview.subsections[0]"),
        (("report", "applications"), "new", "$.report.applications"),
        (("report", "applications", "new"), "natural_person", "$.report.applications.new"),
        (("report", "proactive", "administrative_fees", "fee_amount"), "amount", _path(FEE)),
        (("report", "reviews", "review", "upheld"), "na", "$.report.reviews.review.upheld"),
        (("report", "problems", 0, 0), "text", "$.report.problems[0][0]"),
    ],
)
def test_duplicate_keys_are_refused(obj: tuple[str | int, ...], key: str, path: str) -> None:
    document = _document(V21)
    document["report"]["reviews"]["review"]["upheld"] = {"na": "/"}
    document["report"]["problems"] = [[{"text": "无", "bold": True}]]
    target: Any = document
    for part in obj:
        target = target[part]
    assert key in target
    target[_PLACEHOLDER] = target[key]
    text = json.dumps(document, ensure_ascii=False)
    assert text.count(f'"{_PLACEHOLDER}"') == 1
    text = text.replace(f'"{_PLACEHOLDER}"', json.dumps(key))
    err = _load_error(text)
    assert err.path == path
    assert repr(key) in str(err)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("keys", [APPS_NEW, FEE, ("report", "year")], ids=_path)
def test_nan_and_infinity_are_refused(constant: str, keys: tuple[str, ...]) -> None:
    err = _load_error(_text_with(V21, keys, Raw(constant)))
    # The parser refuses the constant before the document is walked: there is no path
    # (and, unlike other invalid JSON, no line and column either).
    assert err.path is None
    assert constant.lstrip("-") in str(err)
    # From Python data, the float is refused at its place.
    document = json.loads(_text_with(V21, keys, Raw(constant)))
    assert _dict_error(document).path == _path(keys)


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text[:-10],
        lambda text: text.replace('"year": 2022,', '"year": 2022', 1),
        lambda text: text.replace('"organ": "中宁县民政局"', "'organ': '中宁县民政局'", 1),
        lambda text: text + "{}",
        lambda text: "",
        lambda text: "\ufeff" + text,
    ],
    ids=["truncated", "missing-comma", "single-quotes", "extra-data", "empty", "bom-in-str"],
)
def test_invalid_json_names_line_and_column(edit: Callable[[str], str]) -> None:
    text = edit(dumps(_report(V21)))
    with pytest.raises(json.JSONDecodeError) as reference:
        json.loads(text)
    err = _load_error(text)
    # Not JSON at all: no JSON path; the location is the line and column.
    assert err.path is None
    where = f"line {reference.value.lineno}, column {reference.value.colno}"
    assert err.location == where
    assert str(err).startswith(f"{where}: ")


def test_non_utf8_bytes_are_refused() -> None:
    data = dumps(_report(V21)).encode("gb18030")
    with pytest.raises(UnicodeDecodeError) as reference:
        data.decode("utf-8")
    err = _load_error(data)
    assert err.path is None
    assert err.location == f"byte {reference.value.start}"
    assert "UTF-8" in str(err)
    # With a source, the message starts with it.
    err = _load_error(b"\xff{}", source="report.json")
    assert str(err).startswith("report.json: byte 0: ")
    assert err.source == "report.json"


def test_utf8_bytes_are_read() -> None:
    report = _report(V19)
    assert loads(dumps(report).encode("utf-8")) == report
    # A byte-order mark before UTF-8 bytes is tolerated.
    assert loads(b"\xef\xbb\xbf" + dumps(report).encode("utf-8")) == report


def test_not_a_document() -> None:
    assert _load_error("[]").path == "$"
    assert _load_error("null").path == "$"
    assert _load_error('"text"').path == "$"
    with pytest.raises(JSONFormatError) as info:
        loads(12)  # type: ignore[arg-type]
    assert info.value.path is None
    assert _dict_error([]).path == "$"


def test_source_is_named_in_messages() -> None:
    text = _text_with(V21, APPS_NEW, -1)
    err = _load_error(text, source="县民政局.json")
    assert err.path == "$.report.applications.new.natural_person"
    assert err.source == "县民政局.json"
    assert str(err).startswith("县民政局.json: $.report.applications.new.natural_person: ")


# --- files ----------------------------------------------------------------------------------


def test_dump_and_load_with_a_path(tmp_path: Path) -> None:
    report = _report(V19)
    target = tmp_path / "报告.json"
    dump(report, target)
    data = target.read_bytes()
    assert data == dumps(report).encode("utf-8")
    assert "中宁县民政局".encode() in data
    assert b"\r\n" not in data
    assert load(target) == report
    assert load(str(target)) == report
    dump(report, str(tmp_path / "again.json"))
    assert (tmp_path / "again.json").read_bytes() == data


def test_dump_and_load_with_file_objects(tmp_path: Path) -> None:
    report = _report(V21)
    buffer = io.StringIO()
    dump(report, buffer)
    assert buffer.getvalue() == dumps(report)
    buffer.seek(0)
    assert load(buffer) == report
    assert load(io.BytesIO(dumps(report).encode("utf-8"))) == report
    target = tmp_path / "r.json"
    with target.open("w", encoding="utf-8") as handle:
        dump(report, handle)
    with target.open("rb") as binary:
        assert load(binary) == report
    with target.open(encoding="utf-8") as text:
        assert load(text) == report


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    target = tmp_path / "bad.json"
    target.write_text(_text_with(V21, APPS_NEW, -1), encoding="utf-8")
    for source in (target, str(target)):
        with pytest.raises(JSONFormatError) as info:
            load(source)
        assert info.value.path == "$.report.applications.new.natural_person"
        assert info.value.source == str(target)
        assert str(info.value).startswith(f"{target}: $.report.applications.new.natural_person")
    with target.open("rb") as handle, pytest.raises(JSONFormatError) as info:
        load(handle)
    assert str(target) in str(info.value)
    # Invalid JSON and non-UTF-8 bytes name the file too.
    target.write_text("{", encoding="utf-8")
    with pytest.raises(JSONFormatError, match=re.escape(str(target)) + ".*line 1, column 2"):
        load(target)
    target.write_bytes(b"\xff")
    with pytest.raises(JSONFormatError, match=re.escape(str(target)) + ".*UTF-8"):
        load(target)
    missing = tmp_path / "missing.json"
    with pytest.raises(JSONFormatError, match=re.escape(str(missing))):
        load(missing)


# --- blank and not applicable ---------------------------------------------------------------


def test_blank_and_not_applicable_stay_distinct_from_zero() -> None:
    reviews = ReviewTable.zeros(V21).with_row(
        "review", {"upheld": 0, "corrected": None, "other": "/", "pending": NotApplicable("无")}
    )
    report = AnnualReport(organ="某局", year=2022, reviews=reviews)
    text = dumps(report)
    assert (
        '"review": {"upheld": 0, "corrected": null, "other": {"na": "/"}, '
        '"pending": {"na": "无"}, "total": 0}'
    ) in text
    back = loads(text)
    assert back.reviews["review", "upheld"] == 0
    assert back.reviews["review", "corrected"] is BLANK
    assert back.reviews["review", "other"] == NotApplicable("/")
    assert back.reviews["review", "pending"] == NotApplicable("无")
    assert back != attrs.evolve(report, reviews=ReviewTable.zeros(V21))


@pytest.mark.parametrize("mark", NOT_APPLICABLE_MARKS)
def test_every_mark_survives_in_every_kind_of_cell(mark: str) -> None:
    proactive = ProactiveTable.zeros(V19).with_rows(
        {
            "rules": {"made": mark},
            "administrative_licensing": {"change": NotApplicable(mark)},
            "centralized_procurement": {"procurement_amount": mark},
        }
    )
    applications = ApplicationTable.zeros(V19).with_cell("total", "total", mark)
    report = AnnualReport(organ="某局", year=2020, proactive=proactive, applications=applications)
    document = json.loads(dumps(report))
    assert document["report"]["proactive"]["rules"]["made"] == {"na": mark}
    assert document["report"]["applications"]["total"]["total"] == {"na": mark}
    back = loads(dumps(report))
    assert back == report
    assert back.proactive["centralized_procurement", "procurement_amount"] == NotApplicable(mark)
    assert back.proactive["administrative_licensing", "change"] == NotApplicable(mark)


def test_blank_report_round_trips() -> None:
    for edition in EDITIONS:
        report = AnnualReport.blank("某局", YEAR[edition], fill=None)
        document = json.loads(dumps(report))
        rows = document["report"]["applications"]
        assert all(v is None for row in rows.values() for v in row.values())
        assert loads(dumps(report)) == report
        assert loads(dumps(report)) != AnnualReport(organ="某局", year=YEAR[edition])


@pytest.mark.parametrize("unit", list(MoneyUnit))
@pytest.mark.parametrize(
    "amount", ["0", "-0", "0.00", "-1.50", "6165711", "12345678901234567890.0001", "1E+3"]
)
def test_money_survives_with_its_scale_and_unit(unit: MoneyUnit, amount: str) -> None:
    cell = Money(Decimal(amount), unit)
    report = AnnualReport(
        organ="某局",
        year=2022,
        proactive=ProactiveTable.zeros(V21).with_cell("administrative_fees", "fee_amount", cell),
    )
    document = json.loads(dumps(report))
    written = document["report"]["proactive"]["administrative_fees"]["fee_amount"]
    assert written == {"amount": format(cell.amount, "f"), "unit": unit.value}
    back = loads(dumps(report)).proactive["administrative_fees", "fee_amount"]
    assert isinstance(back, Money)
    assert back == cell
    assert back.unit is unit
    assert back.amount == Decimal(amount)
    if Decimal(amount).as_tuple().exponent <= 0 and amount != "-0":  # type: ignore[operator]
        assert str(back.amount) == amount  # the scale is kept as written


def test_large_counts_survive() -> None:
    big = COUNT_LIMIT - 1  # the largest count: it fits a signed 64-bit integer
    applications = ApplicationTable.zeros(V21).with_row("new", {"natural_person": big})
    report = AnnualReport(organ="某局", year=2022, applications=applications)
    assert f'"natural_person": {big}' in dumps(report)
    assert loads(dumps(report)).applications["new", "natural_person"] == big


@pytest.mark.parametrize("value", [COUNT_LIMIT, 10**40])
def test_counts_beyond_64_bits_are_refused(value: int) -> None:
    with pytest.raises(gd.CellValueError, match=r"< 2\*\*63"):
        ApplicationTable.zeros(V21).with_row("new", {"natural_person": value})
    err = _load_error(_text_with(V21, APPS_NEW, value))
    assert err.path == _path(APPS_NEW)
    assert "2**63" in str(err)


def test_prose_survives_exactly() -> None:
    bold = Paragraph([Span("**四是**", True), Span("推进\\*公开\n\t", False), Span(" ", True)])
    report = attrs.evolve(
        _report(V21),
        problems=(bold, Paragraph("  前后空格  ")),
        overview=Overview(subsections=[Subsection("（一）主动公开。", ["正文"], run_in=True)]),
        published=dt.date(2023, 1, 31),
    )
    back = loads(dumps(report))
    assert back == report
    assert back.problems[0].spans == bold.spans
    assert back.overview.subsections[0].run_in is True


# --- regressions: bugs found while writing this suite, now fixed --------------------------------


def test_whitespace_only_paragraph_is_refused() -> None:
    # The schema's paragraph string has pattern \S; the model and the reader agree.
    with pytest.raises(ReportValueError, match="not only whitespace"):
        AnnualReport(organ="某局", year=2022, problems=[" "])
    text = _text_with(V21, ("report", "problems"), ["\u3000"])
    assert _load_error(text).path == "$.report.problems[0]"


def test_amounts_have_one_spelling() -> None:
    assert str(Money("1E+3").amount) == "1000"
    assert not Money("-0.00").amount.is_signed()
    assert Money("1.0") != Money("1.00")  # printed differently, so not equal
    assert hash(Money("1.50")) == hash(Money(Decimal("1.50")))


@pytest.mark.parametrize("amount", ["1e3", "1E+3", " 1", "1 ", "1_000", "+1", ".5", "1.", "١٢"])
def test_reader_refuses_non_canonical_amounts(amount: str) -> None:
    # Decimal() accepts exponents, padding, underscores, a plus sign, bare points and
    # non-ASCII digits; the format says "a decimal string" (schema: ^-?\d+(\.\d+)?$).
    text = _text_with(V21, (*FEE, "amount"), amount)
    assert _load_error(text).path == _path((*FEE, "amount"))


def test_reader_refuses_week_dates() -> None:
    # date.fromisoformat (3.11) reads "2020-W01-1" (ten characters) as 2019-12-30.
    text = _text_with(V21, ("report", "published"), "2020-W01-1")
    assert not VALIDATOR.is_valid(json.loads(text))
    assert _load_error(text).path == "$.report.published"


def test_equal_money_prints_the_same() -> None:
    def report(amount: str) -> AnnualReport:
        table = ProactiveTable.zeros(V21).with_cell("administrative_fees", "fee_amount", amount)
        return AnnualReport(organ="某局", year=2022, proactive=table)

    # Money compares amounts by value (1.0 == 1.00, 0 == -0); the text keeps the scale.
    for one, other in (("1.0", "1.00"), ("0", "-0"), ("5", "5.000")):
        if report(one) == report(other):
            assert dumps(report(one)) == dumps(report(other))


def test_huge_integer_is_a_format_error() -> None:
    # int() refuses more than 4300 digits (sys.get_int_max_str_digits) inside json.
    text = _text_with(V21, APPS_NEW, Raw("9" * 5000))
    try:
        report = loads(text)
    except JSONFormatError:
        return
    except ValueError as err:
        pytest.fail(f"a bare {err!r}")
    assert report.applications["new", "natural_person"] == 10**5000 - 1


def test_load_error_from_an_anonymous_file() -> None:
    # A TemporaryFile's name is its file descriptor (an int); the error joins it as a str.
    with tempfile.TemporaryFile() as handle:
        handle.write(b"{")
        handle.seek(0)
        with pytest.raises(JSONFormatError):
            load(handle)


def test_lone_surrogate_is_refused_or_escaped() -> None:
    text = _text_with(V21, ("report", "organ"), Raw('"\\ud800"'))
    try:
        report = loads(text)
    except JSONFormatError:
        return
    dumps(report).encode("utf-8")


# --- what the reader accepts, the model accepts -----------------------------------------------
# Every object the reader returns is built through the model's own constructors; these tests
# hold it to that: rebuilding what it returns, through the public constructors, changes nothing.


def _rebuilt(value: Any) -> Any:
    """``value`` rebuilt through the model's public constructors, every validator and
    converter included: attrs objects field by field (tables, cells and money too), tuples
    item by item."""
    if attrs.has(type(value)):
        given = {
            field.alias or field.name: _rebuilt(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if field.init
        }
        return type(value)(**given)
    if type(value) is tuple:
        return tuple(_rebuilt(item) for item in value)
    return value


def _assert_rebuilt_the_same(report: AnnualReport) -> None:
    again = _rebuilt(report)
    assert again == report
    assert dumps(again) == dumps(report)
    for ours, theirs in zip(again.tables, report.tables, strict=True):
        assert [type(c) for c in ours.cells] == [type(c) for c in theirs.cells]


def test_rebuilding_goes_through_every_constructor() -> None:
    # The helper itself: a value the model refuses, stored by going round the constructor,
    # is refused again when rebuilt.
    table = ApplicationTable.zeros(V21)
    broken = attrs.evolve(table, cells=table.cells)
    object.__setattr__(broken, "cells", (-1, *table.cells[1:]))
    with pytest.raises(gd.CellValueError):
        _rebuilt(broken)
    money = Money("1.5", "万元")
    object.__setattr__(money, "amount", 1.5)
    with pytest.raises(ReportValueError, match="floats are not exact"):
        _rebuilt(money)


def _string_places(value: Any, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _string_places(v, (*at, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _string_places(v, (*at, i))]
    return [at] if isinstance(value, str) and "report" in at[:1] else []


_TRICKY: st.SearchStrategy[object] = st.sampled_from(
    [
        "",
        " ",
        "\u3000",
        "\n",
        "\ud800",
        "a\udfff",
        "a\ud83d\ude00",
        "x",
        "**",
        None,
        0,
        True,
        [],
        {},
        ["", ""],
    ]
)


@settings(max_examples=300, deadline=None)
@given(reports(), st.data(), st.booleans())
def test_what_loads_accepts_the_model_accepts(
    report: AnnualReport, data: st.DataObject, ascii_escaped: bool
) -> None:
    document = to_dict(report)
    places = _string_places(document)
    if places:
        *parents, last = data.draw(st.sampled_from(places))
        target: Any = document
        for key in parents:
            target = target[key]
        target[last] = data.draw(_TRICKY)
    text = json.dumps(document, ensure_ascii=ascii_escaped)
    try:
        back = loads(text)
    except JSONFormatError:
        return
    _assert_rebuilt_the_same(back)
    back.title.encode("utf-8")
    dumps(back).encode("utf-8")


def test_an_extra_row_after_something_not_a_row_name_is_refused() -> None:
    # Found by test_what_loads_accepts_the_model_accepts: a list here raised TypeError.
    document = to_dict(AnnualReport(organ="某县统计局", year=2022))
    document["report"]["applications"]["_extra_rows"] = [
        {"label": "不予受理", "after": [], "cells": [0] * 7}
    ]
    with pytest.raises(JSONFormatError) as caught:
        loads(json.dumps(document))
    assert caught.value.path == "$.report.applications._extra_rows[0].after"


def _places(value: Any, at: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in a decoded document: objects, lists and scalars alike."""
    places = [at] if at else []
    if isinstance(value, dict):
        places += [p for k, v in value.items() for p in _places(v, (*at, k))]
    elif isinstance(value, list):
        places += [p for i, v in enumerate(value) for p in _places(v, (*at, i))]
    return places


_ANY_VALUE: st.SearchStrategy[object] = st.one_of(
    _TRICKY,
    st.sampled_from([-1, 1.5, 2**63, 2007, "2022-02-30", {"na": "/"}, {"amount": "1"}, [0]]),
)


@settings(max_examples=200, deadline=None)
@given(reports(), st.data())
def test_any_value_anywhere_is_read_or_refused_with_its_path(
    report: AnnualReport, data: st.DataObject
) -> None:
    # Whatever stands wherever (a number where a row object belongs, null for a table, an
    # object for a count), loads returns a report or a JSONFormatError with a JSON path:
    # never another exception.
    document = to_dict(report)
    *parents, last = data.draw(st.sampled_from(_places(document)))
    target: Any = document
    for key in parents:
        target = target[key]
    target[last] = data.draw(_ANY_VALUE)
    try:
        back = loads(json.dumps(document, ensure_ascii=False))
    except JSONFormatError as err:
        refused: JSONFormatError | None = err
    else:
        refused = None
        _assert_rebuilt_the_same(back)
    assert refused is None or (refused.path or "").startswith("$")
