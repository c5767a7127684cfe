"""The same batches on a Dask cluster, through the standard Executor its client gives:
the items are those of a serial run, in the same order."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govdisclosure.batch import PreviousReports, read_many, validate_many
from govdisclosure.errors import BatchError
from tests.batch_sources import two_years

distributed = pytest.importorskip(
    "distributed", reason="Dask's distributed scheduler is in the 'dask' extra"
)


@pytest.fixture(scope="module")
def executor() -> Iterator[Any]:
    # Threads in this process: a cluster that starts in a second; Dask pickles what it
    # sends all the same, so the work crosses as it would between machines.
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client.get_executor()


def test_read_many_on_dask_gives_the_serial_items(tmp_path: Path, executor: Any) -> None:
    this_year, _ = two_years(tmp_path, 10)
    sources = [*this_year[:4], tmp_path / "missing.json", *this_year[4:]]
    serial = list(read_many(sources, jobs=1))
    on_dask = list(read_many(sources, executor=executor, jobs=2))
    assert [item.source for item in on_dask] == [item.source for item in serial]
    assert [item.value for item in on_dask] == [item.value for item in serial]
    assert [str(item.error) for item in on_dask] == [str(item.error) for item in serial]
    assert [item.ok for item in on_dask].count(False) == 1


def test_a_source_dask_cannot_send_is_that_source_s_error(tmp_path: Path, executor: Any) -> None:
    this_year, _ = two_years(tmp_path, 4)
    sources = [*this_year[:2], threading.Lock(), *this_year[2:]]
    items = list(read_many(sources, executor=executor, jobs=2))
    assert [item.ok for item in items] == [True, True, False, True, True]
    error = items[2].error
    assert isinstance(error, BatchError)
    assert error.source == "#2"
    assert "Could not serialize" in (error.cause or "")


def test_validate_many_on_dask_with_last_year_s_reports(tmp_path: Path, executor: Any) -> None:
    this_year, last_year = two_years(tmp_path, 8)
    index = PreviousReports.from_paths(tmp_path / "last", executor=executor)
    assert len(index) == 8
    serial = [item.unwrap() for item in validate_many(this_year, previous=index, jobs=1)]
    batch = validate_many(this_year, previous=index, executor=executor)
    on_dask = [item.unwrap() for item in batch]
    assert [c.previous for c in on_dask] == [str(path) for path in last_year]
    assert [c.previous for c in on_dask] == [c.previous for c in serial]
    assert [c.report for c in on_dask] == [c.report for c in serial]
    assert [c.result.findings for c in on_dask] == [c.result.findings for c in serial]
    assert all("X1" in c.result.rules for c in on_dask)
