"""What a batch sends between processes pickles and comes back equal: every library
error with its attributes, a reader's result, a checked report with its findings (the
cross-year ones too, whose places are named by functions made on the spot)."""

from __future__ import annotations

import inspect
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure import errors, i18n
from govdisclosure.batch.items import BatchItem, Checked
from govdisclosure.checker.findings import Location
from govdisclosure.errors import (
    AggregateError,
    BatchError,
    CellValueError,
    FormatNotAvailable,
    GovDisclosureError,
    JSONFormatError,
    OptionError,
    ReadError,
    ReportInconsistent,
    ReportValueError,
    UnknownLabelError,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEED_TEXT = EXAMPLES / "sources" / "zhongning-minzheng-2020.txt"


def round_trip(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def broken_result() -> gd.ValidationResult:
    return gd.validate(gd.load(EXAMPLES / "broken" / "zhongning-minzheng-2020-broken.json"))


#: One error of every class, made with every argument it takes.
SAMPLES: dict[type[GovDisclosureError], GovDisclosureError] = {
    GovDisclosureError: GovDisclosureError("something"),
    ReportValueError: ReportValueError("year must be an int", at=("extra_columns", 0, "after")),
    CellValueError: CellValueError(
        "三", "new", "natural_person", -1, "a count", labels=("本年新收", "自然人")
    ),
    UnknownLabelError: UnknownLabelError("no ApplicationRow matches 'x'"),
    ReadError: ReadError("unexpected end", source="a.txt", location="line 3"),
    JSONFormatError: JSONFormatError("expected an int", path="$.report.year", source="a.json"),
    ReportInconsistent: ReportInconsistent(broken_result()),
    OptionError: OptionError("the text format takes no options, got colour"),
    FormatNotAvailable: FormatNotAvailable("no format named 'rtf'"),
    BatchError: BatchError("the worker died", source="a.json", cause="X: y", traceback="..."),
    AggregateError: AggregateError("the same organ twice", organs=("县教育局", "县教育局 ")),
}


def test_every_library_error_has_a_sample() -> None:
    classes = {
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, GovDisclosureError)
    }
    assert classes == set(SAMPLES)


@pytest.mark.parametrize("error", SAMPLES.values(), ids=lambda e: type(e).__name__)
def test_errors_pickle_with_their_attributes(error: GovDisclosureError) -> None:
    back = round_trip(error)
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert back.args == error.args
    mine, theirs = vars(error), vars(back)
    assert mine.keys() == theirs.keys()
    for name, value in mine.items():
        if isinstance(value, gd.ValidationResult):
            assert same_result(theirs[name], value)
        else:
            assert theirs[name] == value, name


def test_an_error_raised_and_pickled_keeps_its_notes() -> None:
    error = ReadError("bad", source="a.txt")
    error.add_note("while reading a batch")
    assert round_trip(error).__notes__ == ["while reading a batch"]


def same_result(back: gd.ValidationResult, result: gd.ValidationResult) -> bool:
    return (
        back.edition is result.edition
        and back.rules == result.rules
        and back.findings == result.findings
        and back.unchecked == result.unchecked
        and back.held_count == result.held_count
        and back.outcomes() == result.outcomes()
        and [f.message_en for f in back.findings] == [f.message_en for f in result.findings]
        and [f.fingerprint for f in back.findings] == [f.fingerprint for f in result.findings]
    )


def test_a_read_result_pickles_with_the_source_of_every_cell() -> None:
    result = gd.read(SEED_TEXT)
    back = round_trip(result)
    assert back == result
    assert back.sources == result.sources
    assert back.sources
    assert back.guessed == result.guessed


def checked_against_last_year() -> Checked:
    """A report read from its text, checked against a last year's report that differs,
    so that every kind of finding is there: cross-year ones (X0–X4), arithmetic ones, and
    the reader's guesses."""
    document = gd.read(SEED_TEXT)
    report = document.report
    apps = report.applications.with_cell("（七）总计", "自然人", 99)
    document = attrs.evolve(document, report=attrs.evolve(report, applications=apps))
    last = attrs.evolve(report, year=report.year - 1, organ="另一个局")
    result = gd.validate(document, previous=last)
    return Checked("a.txt", document.report, result, document, "last.json")


def test_a_checked_report_pickles_with_its_findings_named_in_both_languages() -> None:
    checked = checked_against_last_year()
    rules = {f.rule for f in (*checked.result.findings, *checked.result.unchecked)}
    assert {"X0", "X1", "X4", "R2"} <= rules  # places of this year's and of last year's
    back = round_trip(checked)
    assert back.source == checked.source
    assert back.previous == checked.previous
    assert back.report == checked.report
    assert back.document == checked.document
    assert same_result(back.result, checked.result)
    places = [(f.location.name_zh, f.location.name_en) for f in checked.result.unchecked]
    assert [(f.location.name_zh, f.location.name_en) for f in back.result.unchecked] == places


def test_a_cell_location_comes_back_as_the_same_object() -> None:
    # A table cell's place is made once per edition and position: it comes back as that
    # one, not as a copy, so that a result with hundreds of them is cheap to unpickle.
    location = Location.of_cell(gd.Edition.V2019, gd.Section.APPLICATIONS, 147)
    assert round_trip(location) is location
    renamed = location.renamed("另一个名字")
    back = round_trip(renamed)
    assert back == renamed
    assert back.name_zh == "另一个名字"
    assert back.name_en == location.name_en


def test_an_english_name_made_by_any_function_travels_made() -> None:
    # The library names places with partials of module-level functions, which pickle;
    # a place named by a lambda (a rule of someone else's) travels with its name made.
    place = Location.of_field("$.report.x", "某处", lambda: "Somewhere")
    back = round_trip(place)
    assert back == place
    assert back.name_en == "Somewhere"
    last = Location.of_section(gd.Section.REVIEWS)
    assert round_trip(last).name_en == last.name_en == "Section 4, " + gd.Section.REVIEWS.en


def test_pickling_a_finding_reads_no_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    # A worker that only reads and checks never needs English: its findings travel
    # with their English names still to be made.
    checked = checked_against_last_year()
    calls: list[str] = []

    def translator(locale: str) -> Callable[[str], str]:
        calls.append(locale)
        return str

    monkeypatch.setattr(i18n, "translator", translator)
    pickle.dumps(checked)
    assert calls == []
    assert checked.result.findings[0].message_en  # the patch does see English being made
    assert calls


def test_batch_items_pickle_with_their_value_or_their_error() -> None:
    good = BatchItem(0, "a.json", value=gd.read(EXAMPLES / "zhongning-minzheng-2020.json"))
    bad: BatchItem[gd.ReadResult] = BatchItem(1, "b.txt", error=ReadError("x", source="b.txt"))
    assert round_trip(good) == good
    back = round_trip(bad)
    assert back.index == 1
    assert back.source == "b.txt"
    assert not back.ok
    assert type(back.error) is ReadError
    assert back.error.source == "b.txt"


def test_tables_money_and_marks_pickle_field_by_field_inherited_fields_too() -> None:
    """Classes pickled as a tuple of their fields (govdisclosure.pickling) set each
    field through its slot, a base class's for a field a table inherits: every field
    comes back, extras, notes and annotations of a table included."""
    report = gd.examples.load("zhongning-minzheng-2020")
    table = attrs.evolve(
        report.applications,
        notes=("注：本表含转办件",),
        annotations=((0, "其中转办2件"),),
        extra_rows=(gd.ExtraRow("不予受理", (0, 1, 0, 0, 0, 0, 1), after="other_handling"),),
    )
    money = gd.Money("6165711", "元")
    mark = gd.NotApplicable("/")
    back_table, back_money, back_mark = round_trip((table, money, mark))
    assert back_table == table
    assert type(back_table) is type(table)
    for field in attrs.fields(type(table)):
        assert getattr(back_table, field.name) == getattr(table, field.name), field.name
    assert (back_money, back_mark) == (money, mark)
    assert attrs.asdict(back_money) == attrs.asdict(money)
