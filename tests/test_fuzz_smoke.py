"""A short, seeded run of the readers' fuzz harness (fuzz/run.py) and the small files of
its hostile set (fuzz/hostile.py), in worker subprocesses with a time limit per read.

The smoke run reads a few hundred mutated documents per reader: none may raise a foreign
exception, and every report a reader accepts must render in every format, in both
locales. Each small hostile file must end in a ReadError (or a correct read) within 2 s
and 300 MB, and a report read from it must render. The large hostile files (tens of
megabytes to build) are read by ``python benchmarks/run.py hostile`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzz.corpus import READERS
from fuzz.hostile import HOSTILE, Hostile, build, measure
from fuzz.run import Campaign, campaign
from fuzz.worker import Limits, Worker

#: Inputs per reader, and the campaign's seed (not the long campaign's: other inputs).
PER_READER = 100
SEED = 20260
LIMITS = Limits(seconds=2.0, memory_mb=300.0)


@pytest.fixture(scope="module")
def smoke() -> Campaign:
    return campaign(list(READERS), PER_READER, SEED, 2, LIMITS)


def _found(run: Campaign, fmt: str, kind: str) -> list[str]:
    return [
        f"{error} at {where or '?'} (input {index}: python fuzz/run.py --formats {fmt} "
        f"--seed {SEED} --replay {index})"
        for (k, f, error, where), (index, _) in run.first.items()
        if k == kind and f == fmt
    ]


@pytest.mark.parametrize("fmt", READERS)
def test_no_foreign_exception(smoke: Campaign, fmt: str) -> None:
    assert smoke.stats[fmt].inputs == PER_READER
    assert _found(smoke, fmt, "FOREIGN") == []
    assert _found(smoke, fmt, "CRASH") == []


@pytest.mark.parametrize("fmt", READERS)
def test_accepted_reports_render(smoke: Campaign, fmt: str) -> None:
    assert _found(smoke, fmt, "RENDER") == []


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    shared = Worker(warm=False)
    yield shared
    shared.close()


SMALL = [spec for spec in HOSTILE if spec.small]


@pytest.mark.parametrize("spec", SMALL, ids=[spec.name for spec in SMALL])
def test_hostile_file(spec: Hostile, tmp_path: Path, worker: Worker) -> None:
    row = measure(spec, build(spec, tmp_path), kill_after=5.0, worker=worker)
    assert row.outcome in ("read", "ReadError", "JSONFormatError"), row
    assert row.seconds <= 2.0, row
    assert row.peak_mb <= 300.0, row
    assert row.met, row
