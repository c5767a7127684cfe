"""``then=``: what becomes of each report where it was read or checked, so that only that
travels back from a worker."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.batch import Checked, read_many, validate_many
from govdisclosure.batch.checking import CheckJob
from govdisclosure.batch.work import pack, run_one
from govdisclosure.errors import BatchError, OptionError, ReadError
from tests.batch_sources import write_many


def errors_and_organ(checked: Checked) -> tuple[str, int, str]:
    return checked.source, len(checked.result.errors), checked.report.organ


def organ_of(document: gd.ReadResult) -> str:
    return document.report.organ


def refuse_the_seventh(checked: Checked) -> str:
    if checked.report.organ == "某县第7局":
        raise ReadError("seventh refused", source=checked.source)
    if checked.report.organ == "某县第8局":
        raise ZeroDivisionError("eighth")
    return checked.report.organ


@pytest.mark.parametrize("jobs", [1, 2])
def test_then_gives_each_item_what_it_returns_in_order(tmp_path: Path, jobs: int) -> None:
    paths = [str(p) for p in write_many(tmp_path, 12)]
    kept = [item.unwrap() for item in validate_many(paths, then=errors_and_organ, jobs=jobs)]
    whole = [errors_and_organ(item.unwrap()) for item in validate_many(paths, jobs=1)]
    assert kept == whole
    assert [source for source, _, _ in kept] == paths
    organs = [item.unwrap() for item in read_many(paths, then=organ_of, jobs=jobs)]
    assert organs == [f"某县第{n}局" for n in range(12)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_what_then_raises_is_its_items_error(tmp_path: Path, jobs: int) -> None:
    paths = [str(p) for p in write_many(tmp_path, 10)]
    items = list(validate_many(paths, then=refuse_the_seventh, jobs=jobs))
    assert [item.ok for item in items] == [True] * 7 + [False, False, True]
    assert isinstance(items[7].error, ReadError)
    assert "seventh refused" in str(items[7].error)
    assert isinstance(items[8].error, BatchError)
    assert items[8].error.cause == "ZeroDivisionError: eighth"
    assert items[9].value == "某县第9局"


def test_a_then_that_cannot_travel_or_is_no_function_is_refused(tmp_path: Path) -> None:
    paths = [str(p) for p in write_many(tmp_path, 2)]
    with pytest.raises(OptionError, match="then="):
        validate_many(paths, then=lambda checked: 1, jobs=2)
    with pytest.raises(OptionError, match="then must be a function"):
        validate_many(paths, then="errors")  # type: ignore[call-overload]
    with pytest.raises(OptionError, match="then must be a function"):
        read_many(paths, then=3)  # type: ignore[call-overload]
    # By default a batch that cannot travel runs here, lambdas and all.
    assert [item.value for item in validate_many(paths, then=lambda checked: 1)] == [1, 1]


def test_what_travels_back_is_only_what_then_keeps(tmp_path: Path) -> None:
    path = str(write_many(tmp_path, 2)[1])  # a text document: its sources travel too
    whole = pack([run_one(CheckJob(None, None, None), 0, path, path)])
    kept = pack([run_one(CheckJob(None, None, None, errors_and_organ), 0, path, path)])
    assert len(kept) * 50 < len(whole)
    assert pickle.loads(kept)[0].value == (path, 0, "某县第1局")
