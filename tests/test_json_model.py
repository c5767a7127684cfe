"""The JSON form follows the model: every field of every model class is written, read and
described by the schema, and a change to a model class (fields reordered or added) either
keeps the round trip exact or fails loudly with JSONFormatError, never silently.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import typing
from collections.abc import Iterator
from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure import (
    BLANK,
    AnnualReport,
    ApplicationTable,
    Contact,
    Edition,
    ExtraColumn,
    ExtraRow,
    JSONFormatError,
    Money,
    NotApplicable,
    Overview,
    Paragraph,
    Period,
    Preamble,
    ProactiveTable,
    ReviewTable,
    Scope,
    Span,
    Subsection,
    Website,
    dumps,
    loads,
)
from govdisclosure.jsonio import envelope, writer
from govdisclosure.jsonio.codecs import ObjectCodec
from govdisclosure.jsonio.envelope import Document
from govdisclosure.jsonio.fields import codec_for
from govdisclosure.jsonio.prose import ParagraphCodec
from govdisclosure.jsonio.tables import TableCodec
from govdisclosure.schema import build_schema

#: The modules that define the model; every attrs class in them is a model class.
MODEL_MODULES = ("report", "text", "cells", "tables")
#: Table fields the table's codec holds itself: the edition is the report's, the cells
#: are the rows.
TABLE_OWN = {"edition", "cells"}


def _model_classes() -> list[type]:
    found: dict[str, type] = {}
    for name in MODEL_MODULES:
        module: ModuleType = importlib.import_module(f"govdisclosure.{name}")
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__:
                found[value.__qualname__] = value
    # The base of the three tables is no table of its own: its subclasses are.
    del found["CellTable"]
    return [*found.values(), Document]


MODEL_CLASSES = _model_classes()


@pytest.fixture(autouse=True)
def _fresh_codecs() -> Iterator[None]:
    # Codecs are built once per type; tests that change a model class need them anew.
    codec_for.cache_clear()
    yield
    codec_for.cache_clear()


def test_the_model_classes_are_found() -> None:
    names = {cls.__name__ for cls in MODEL_CLASSES}
    expected = {"AnnualReport", "Contact", "Paragraph", "Money", "ExtraColumn", "ReviewTable"}
    assert names >= expected


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_has_a_place_in_the_json_form(cls: type) -> None:
    fields = {field.name for field in attrs.fields(cls)}
    codec = codec_for(cls)
    if isinstance(codec, TableCodec):
        assert {field.name for field in codec.extras} | TABLE_OWN == fields
        assert all(field.key.startswith("_") for field in codec.extras)  # never a row name
    elif isinstance(codec, ParagraphCodec):
        assert fields == {"spans"}  # a paragraph is its spans: a string or a list
    else:
        assert isinstance(codec, ObjectCodec)
        assert {field.name for field in codec.fields} == fields
        assert len(set(codec.keys)) == len(codec.keys)


def _property_sets(schema: Any) -> list[set[str]]:
    """The keys of every ``properties`` object anywhere in ``schema``."""
    found = []
    if isinstance(schema, dict):
        if isinstance(schema.get("properties"), dict):
            found.append(set(schema["properties"]))
        for value in schema.values():
            found += _property_sets(value)
    elif isinstance(schema, list):
        for value in schema:
            found += _property_sets(value)
    return found


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_is_in_the_schema(cls: type) -> None:
    properties = _property_sets(build_schema())
    codec = codec_for(cls)
    if isinstance(codec, TableCodec):
        extras = {field.key for field in codec.extras}
        assert sum(1 for keys in properties if keys >= extras) == 2 * 3  # tables × editions
    elif isinstance(codec, ObjectCodec):
        assert set(codec.keys) in properties


# --- a report with every field of every class set -------------------------------------------


def _full_report() -> AnnualReport:
    """A report in which every field of every model class holds something other than its
    default somewhere (test_the_full_report_sets_every_field holds it to that)."""
    edition = Edition.V2019
    proactive = ProactiveTable.zeros(edition).with_rows(
        {
            "rules": {"made": None, "published": "/"},
            "administrative_licensing": {"change": -3},
            "centralized_procurement": {"procurement_amount": Money("1.50", "万元")},
        }
    )
    proactive = attrs.evolve(
        proactive,
        notes=("注：本表由办公室填写。",),
        annotations=((0, "其中修订1件"),),
        extra_rows=(ExtraRow("其他主动公开文件", (4, 0, 4), after="normative_documents"),),
        extra_columns=(ExtraColumn("其中网上办理", (1, BLANK), after="decisions", block=1),),
    )
    applications = ApplicationTable.zeros(edition).with_row("new", {"natural_person": 2})
    applications = attrs.evolve(
        applications,
        extra_rows=(ExtraRow("不予受理", (0, 1, 0, 0, 0, 0, 1)),),
        extra_columns=(ExtraColumn("法人或其他组织小计", (0,) * 23, after="other"),),
    )
    return AnnualReport(
        organ="某县教育局",
        year=2020,
        edition=edition,
        scope=Scope.aggregate(["县教育局", "县一中"]),
        organ_kind="department",
        published=dt.date(2021, 1, 28),
        title="某县教育局2020年政府信息公开工作年度报告（汇总）",
        preamble=Preamble(
            paragraphs=["本报告依据《条例》编制。"],
            legal_basis=("《中华人民共和国政府信息公开条例》",),
            period=Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
            website=Website("某县人民政府网", "http://www.example.gov.cn"),
            contact=Contact("办公室", "县府路1号", "755100", "0955-1234567", "a@example.cn"),
        ),
        overview=Overview(
            intro=["概述。"],
            subsections=[
                Subsection(
                    "主动公开。", [Paragraph([Span("一是", True), Span("公开。")])], run_in=True
                )
            ],
        ),
        proactive=proactive,
        applications=applications,
        reviews=ReviewTable.zeros(edition).with_cell("review", "other", NotApplicable("无")),
        problems=["问题。"],
        other_matters=["无。"],
    )


def _objects(value: Any) -> Iterator[Any]:
    """Every attrs object inside ``value``, itself included."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _objects(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _objects(item)


def _default(field: attrs.Attribute[Any], instance: Any) -> Any:
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory(instance) if default.takes_self else default.factory()  # type: ignore[union-attr]
    return default


def test_the_full_report_sets_every_field() -> None:
    # When a model class gains a field, this fails until _full_report sets it: the round
    # trip below then shows the JSON form writes and reads it.
    seen: dict[tuple[str, str], bool] = {}
    for obj in _objects(Document.of(_full_report())):
        for field in attrs.fields(type(obj)):
            # The three tables share their fields: one of them holding each is enough.
            owner = "CellTable" if isinstance(obj, gd.CellTable) else type(obj).__name__
            key = (owner, field.name)
            differs = getattr(obj, field.name) != _default(field, obj)
            seen[key] = seen.get(key, False) or differs
    unset = {key for key, differs in seen.items() if not differs}
    # The report's edition is the year's (its default): the JSON form writes it anyway.
    assert unset <= {("AnnualReport", "edition")}, sorted(unset)
    assert set(MODEL_CLASSES) <= {type(obj) for obj in _objects(Document.of(_full_report()))}


def test_the_full_report_round_trips_exactly() -> None:
    report = _full_report()
    text = dumps(report)
    back = loads(text)
    assert back == report
    assert dumps(back) == text
    assert back.proactive.extra_columns[0].block == 1
    assert back.overview.subsections[0].run_in is True


# --- changed model classes ---------------------------------------------------------------


def _reordered(cls: type, first: str, second: str) -> type:
    """A copy of the attrs class ``cls`` with the fields ``first`` and ``second`` swapped in
    declaration order (everything else, validators and defaults included, the same)."""
    fields = list(attrs.fields(cls))
    names = [field.name for field in fields]
    i, j = names.index(first), names.index(second)
    fields[i], fields[j] = fields[j], fields[i]
    types = typing.get_type_hints(cls)
    these = {
        field.name: attrs.field(
            default=field.default,
            validator=field.validator,
            converter=field.converter,
            metadata=dict(field.metadata),
            alias=field.alias,
            kw_only=field.kw_only,
            type=types[field.name],
            eq=field.eq,
        )
        for field in fields
    }
    return attrs.make_class(cls.__name__, these, frozen=True, slots=True)


def test_reordered_fields_keep_the_round_trip_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    # The bug this guards against: swapping the declaration order of problems and
    # other_matters used to make loads return sections 五 and 六 exchanged, silently.
    reordered = _reordered(AnnualReport, "problems", "other_matters")
    for module in (envelope, writer):
        monkeypatch.setattr(module, "AnnualReport", reordered)
    full = _full_report()
    report = reordered(
        **{
            field.alias or field.name: getattr(full, field.name)
            for field in attrs.fields(AnnualReport)
        }
    )
    text = dumps(report)
    data = json.loads(text)["report"]
    assert list(data).index("other_matters") < list(data).index("problems")
    back = loads(text)
    assert type(back) is reordered
    assert back == report
    assert back.problems == full.problems
    assert back.other_matters == full.other_matters


@attrs.frozen
class ContactWithFax(Contact):
    """Contact with a field the JSON form of this version does not have."""

    fax: str | None = attrs.field(default=None, kw_only=True)


def _with_contact(contact: Contact) -> AnnualReport:
    report = _full_report()
    return attrs.evolve(report, preamble=attrs.evolve(report.preamble, contact=contact))


def test_an_added_field_is_written_and_refused_where_the_class_does_not_have_it() -> None:
    report = _with_contact(ContactWithFax(office="办公室", fax="0955-7654321"))
    text = dumps(report)
    assert json.loads(text)["report"]["preamble"]["contact"]["fax"] == "0955-7654321"
    with pytest.raises(JSONFormatError) as caught:
        loads(text)
    assert caught.value.path == "$.report.preamble.contact.fax"


def test_an_added_field_round_trips_once_the_model_has_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gd.report, "Contact", ContactWithFax)
    report = _with_contact(ContactWithFax(office="办公室", fax="0955-7654321"))
    back = loads(dumps(report))
    assert back == report
    assert isinstance(back.preamble.contact, ContactWithFax)
    assert back.preamble.contact.fax == "0955-7654321"


@attrs.frozen
class ContactWithPhoneBook(Contact):
    """Contact with a field of a type the JSON form has no way to hold."""

    extensions: dict[str, complex] = attrs.field(factory=dict, kw_only=True)


def test_a_field_the_json_form_cannot_hold_fails_loudly() -> None:
    with pytest.raises(JSONFormatError, match=r"ContactWithPhoneBook\.extensions"):
        dumps(_with_contact(ContactWithPhoneBook(office="办公室")))


def test_model_errors_name_the_json_path_of_the_field() -> None:
    # A check only the model makes (a year out of range, an amount's unit) is still
    # reported at the value's JSON path.
    document = json.loads(dumps(_full_report()))
    document["report"]["year"] = 2007
    with pytest.raises(JSONFormatError) as caught:
        gd.from_dict(document)
    assert caught.value.path == "$.report.year"
    document["report"]["year"] = 2020
    document["report"]["proactive"]["_extra_columns"][0]["block"] = 9
    with pytest.raises(JSONFormatError) as caught:
        gd.from_dict(document)
    assert caught.value.path == "$.report.proactive._extra_columns[0].block"
    assert Decimal(1) == 1  # (Decimal is imported for the money of the full report)
