"""``timeout=``: a source whose work runs too long is stopped where it runs — in Python or
stuck in C code with the interpreter's lock held — and named; the batch goes on."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from govdisclosure.batch import Checked, read_many, render_many, validate_many
from govdisclosure.batch.stream import STOPPED
from govdisclosure.errors import BatchError, OptionError
from tests.batch_sources import write_many


def loops_in_python(checked: Checked) -> str:
    if checked.report.organ == "某县第2局":
        while True:
            time.sleep(0.01)
    return checked.report.organ


def loops_in_c(checked: Checked) -> str:
    # Catastrophic backtracking: the regular expression engine, in C, holding the
    # interpreter's lock for far longer than any test waits.
    if checked.report.organ == "某县第3局":
        re.match(r"(a+)+$", "a" * 64 + "b")
    return checked.report.organ


@pytest.mark.parametrize("then", [loops_in_python, loops_in_c], ids=["python", "c"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_source_that_runs_too_long_is_stopped_and_named(
    tmp_path: Path, then: object, jobs: int
) -> None:
    paths = [str(p) for p in write_many(tmp_path, 6)]
    start = time.monotonic()
    items = list(validate_many(paths, then=then, jobs=jobs, timeout=1.5))  # type: ignore[call-overload]
    assert time.monotonic() - start < 30
    stuck = 2 if then is loops_in_python else 3
    assert [item.index for item in items] == list(range(6))
    for item in items:
        if item.index == stuck:
            assert isinstance(item.error, BatchError)
            assert str(item.error) == f"{paths[stuck]}: {STOPPED.format(seconds=1.5)}"
            assert item.error.source == paths[stuck]
            assert item.error.traceback is None  # no bug: nothing to report
        else:
            assert item.value == f"某县第{item.index}局"


def test_a_timeout_leaves_a_batch_that_keeps_to_it_as_it_was(tmp_path: Path) -> None:
    paths = [str(p) for p in write_many(tmp_path, 8)]
    timed = [item.unwrap().result.summary() for item in validate_many(paths, timeout=60)]
    plain = [item.unwrap().result.summary() for item in validate_many(paths, jobs=1)]
    assert timed == plain
    assert [item.ok for item in read_many(paths, timeout=60, jobs=1)] == [True] * 8
    assert all(item.ok for item in render_many(paths, "text", timeout=60))


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf"), True, "5"])
def test_a_timeout_is_a_positive_number_of_seconds(tmp_path: Path, timeout: object) -> None:
    with pytest.raises(OptionError, match="timeout must be a number of seconds"):
        read_many([], timeout=timeout)  # type: ignore[call-overload]


def test_a_timeout_needs_processes_the_batch_can_stop(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as threads, pytest.raises(OptionError, match="executor"):
        read_many([], timeout=5, executor=threads)
    with pytest.raises(OptionError, match="pickled"):
        validate_many([], then=lambda checked: 1, timeout=5)
