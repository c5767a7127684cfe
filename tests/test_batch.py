"""Batches: one item per source in input order, whatever each source does — a bad file,
a dead worker, a bug — on a pool, serially, or on another executor; streaming, in a
bounded window, with memory that does not grow with the number of sources."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.batch import BatchItem, plan, pools, read_many, validate_many
from govdisclosure.batch.stream import stream
from govdisclosure.errors import BatchError, OptionError, ReadError
from tests.batch_sources import EXAMPLES, ROOT, Failing, Killer, Slow, organ, write_many

#: A window of chunks of this many sources: what a pool of two has in flight at most.
IN_FLIGHT = plan.CHUNKSIZE * plan.WINDOW * 2


def organs(items: list[BatchItem[Any]]) -> list[str | None]:
    return [item.unwrap().report.organ if item.ok else None for item in items]


def test_a_pool_keeps_the_input_order(tmp_path: Path) -> None:
    paths = write_many(tmp_path, 60)
    items = list(read_many(paths, jobs=2))
    assert [item.index for item in items] == list(range(60))
    assert [item.source for item in items] == [str(path) for path in paths]
    assert organs(items) == [organ(number) for number in range(60)]
    serial = list(read_many(paths, jobs=1))
    assert [item.value for item in items] == [item.value for item in serial]


def bad_sources(folder: Path) -> dict[int, Any]:
    """Sources no reader reads, by the place they take in a batch of good ones."""
    garbage = folder / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 8)
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    return {3: garbage, 7: folder / "missing.json", 11: folder, 15: fifo, 19: b"\x00\xff junk"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_bad_source_does_not_stop_the_batch(tmp_path: Path, jobs: int) -> None:
    good = iter(write_many(tmp_path / "good", 18))
    bad = bad_sources(tmp_path)
    sources = [bad.get(number) or next(good) for number in range(23)]
    items = list(read_many(sources, jobs=jobs))
    assert [item.index for item in items] == list(range(23))
    assert {item.index for item in items if not item.ok} == set(bad)
    for number, source in bad.items():
        error = items[number].error
        assert isinstance(error, ReadError)
        expected = f"#{number}" if isinstance(source, bytes) else str(source)
        assert items[number].source == expected
        if not isinstance(source, bytes):
            assert error.source == str(source)
    assert organs([item for item in items if item.ok]) == [organ(n) for n in range(18)]
    kinds = {number: items[number].error.reason for number in (11, 15)}  # type: ignore[union-attr]
    assert "a directory" in kinds[11]
    assert "a FIFO" in kinds[15]


def test_a_str_is_a_path_and_bytes_are_a_document() -> None:
    seed = EXAMPLES / "zhongning-minzheng-2020.json"
    items = list(read_many([str(seed), seed.read_bytes()], jobs=1))
    assert [item.source for item in items] == [str(seed), "#1"]
    assert items[0].value == items[1].value
    assert items[0].value is not None


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bug_or_running_out_of_memory_is_that_source_s_error(tmp_path: Path, jobs: int) -> None:
    paths = write_many(tmp_path, 6)
    sources = [*paths[:2], Failing(ZeroDivisionError), *paths[2:4], Failing(MemoryError)]
    items = list(read_many([*sources, *paths[4:]], jobs=jobs))
    assert [item.ok for item in items] == [True, True, False, True, True, False, True, True]
    for number, cause in ((2, "ZeroDivisionError"), (5, "MemoryError")):
        error = items[number].error
        assert isinstance(error, BatchError)
        assert items[number].source == f"#{number}"
        assert error.cause == f"{cause}: this source fails"
        assert error.traceback
        assert "__fspath__" in error.traceback
    if jobs == 1:  # in this process the exception itself is kept too
        assert isinstance(items[2].error.__cause__, ZeroDivisionError)  # type: ignore[union-attr]


def test_a_worker_that_dies_does_not_stop_the_batch(tmp_path: Path) -> None:
    paths = write_many(tmp_path, 30)
    sources: list[Any] = [*paths[:10], Killer(), *paths[10:25], Killer(), *paths[25:]]
    items = list(read_many(sources, jobs=2))
    assert [item.index for item in items] == list(range(32))
    dead = [item for item in items if not item.ok]
    assert [item.index for item in dead] == [10, 26]
    for item in dead:
        assert isinstance(item.error, BatchError)
        assert "BrokenProcessPool" in (item.error.cause or "")
        assert item.error.source == item.source == f"#{item.index}"
    assert organs([item for item in items if item.ok]) == [organ(n) for n in range(30)]


def test_a_source_that_cannot_be_sent_to_a_worker_is_that_source_s_error(
    tmp_path: Path,
) -> None:
    paths = write_many(tmp_path, 12)
    items = list(read_many([*paths[:5], threading.Lock(), *paths[5:]], jobs=2))
    assert [item.index for item in items if not item.ok] == [5]
    error = items[5].error
    assert isinstance(error, BatchError)
    assert "cannot pickle" in (error.cause or "")
    assert organs([item for item in items if item.ok]) == [organ(n) for n in range(12)]


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_pools_started_without_fork_give_the_same_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    # fork is chosen only while this process has one thread (see pools.start_method).
    monkeypatch.setattr(pools, "start_method", lambda: method)
    paths = write_many(tmp_path, 12)
    items = list(read_many([*paths[:6], Killer(), *paths[6:]], jobs=2))
    assert [item.ok for item in items] == [*[True] * 6, False, *[True] * 6]
    assert organs([item for item in items if item.ok]) == [organ(n) for n in range(12)]


def test_fork_is_chosen_only_while_this_process_has_one_thread() -> None:
    assert pools.start_method() == ("fork" if pools.threads() == 1 else "forkserver")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert pools.start_method() == "forkserver"
    finally:
        stop.set()
        other.join()


#: What a worker imports to read and check a JSON and a text document, once prepared.
IMPORTS = """
import sys
from govdisclosure.batch import pools
from govdisclosure.batch.checking import CheckJob
pools.prepare()
before = set(sys.modules)
for path in sys.argv[1:]:
    CheckJob(None, None, None)(path, path)
print(" ".join(sorted(m for m in set(sys.modules) - before if not m.startswith("encodings."))))
"""


def test_a_prepared_worker_imports_nothing_more(tmp_path: Path) -> None:
    # Imported before the workers start, once, not in every worker (see pools.prepare).
    documents = [str(path) for path in write_many(tmp_path, 4)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", IMPORTS, *documents]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_another_executor_runs_the_same_batch(tmp_path: Path) -> None:
    paths = write_many(tmp_path, 20)
    serial = list(validate_many(paths, jobs=1))
    with ThreadPoolExecutor(3) as threads:
        items = list(validate_many(paths, executor=threads))
    assert [item.source for item in items] == [item.source for item in serial]
    assert [item.value.report for item in items] == [item.value.report for item in serial]  # type: ignore[union-attr]


def test_an_executor_that_is_shut_down_fails_each_source_without_hanging(
    tmp_path: Path,
) -> None:
    paths = write_many(tmp_path, 5)
    pool = ProcessPoolExecutor(1)
    pool.shutdown()
    items = list(read_many(paths, executor=pool, jobs=1))
    assert [item.index for item in items] == list(range(5))
    assert all(isinstance(item.error, BatchError) for item in items)
    assert "RuntimeError" in (items[0].error.cause or "")  # type: ignore[union-attr]


def counted(sources: list[Any], taken: list[int]) -> Iterator[Any]:
    """``sources``, counting in ``taken`` how many were asked for."""
    for source in sources:
        taken[0] += 1
        yield source


def test_a_pool_takes_its_sources_no_further_than_its_window() -> None:
    document = (EXAMPLES / "zhongning-minzheng-2020.json").read_bytes()
    taken = [0]
    count = 400
    batch = read_many(counted([document] * count, taken), jobs=2)
    assert taken[0] == 0  # nothing is read before the first item is asked for
    ahead = []
    for number, item in enumerate(batch):
        assert item.index == number
        assert item.ok
        ahead.append(taken[0] - number)
    assert taken[0] == count
    assert max(ahead) <= IN_FLIGHT  # never drained ahead of the window ...
    assert max(ahead) >= plan.CHUNKSIZE * 2  # ... which did keep both workers busy


def test_by_default_a_small_batch_runs_here_and_a_large_one_on_a_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[int] = []

    def spy(runner: Any, tasks: Any, **window: int) -> Iterator[Any]:
        pools.append(runner.workers)
        return stream(runner, tasks, **window)

    monkeypatch.setattr(plan, "stream", spy)
    monkeypatch.setattr(plan, "THRESHOLD", 12)
    monkeypatch.setattr(plan, "usable_cpus", lambda: 2)
    paths = write_many(tmp_path, 30)
    taken = [0]
    small = read_many(counted(paths[:11], taken), jobs=None)
    assert organs(list(small)) == [organ(n) for n in range(11)]
    assert pools == []
    large = read_many(counted(paths, taken := [0]), jobs=None)
    first = next(large)
    assert first.index == 0
    assert pools == [2]
    assert taken[0] <= 12 + IN_FLIGHT  # peeked no further than the threshold, then a window
    assert organs([first, *large]) == [organ(n) for n in range(30)]
    reports = [item.value.report for item in read_many(paths, jobs=1)]  # type: ignore[union-attr]
    checked = list(validate_many(reports, jobs=None))  # already in memory: checked here
    assert len(checked) == 30
    assert pools == [2]


def test_a_single_cpu_or_a_job_that_cannot_travel_runs_here_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan, "THRESHOLD", 4)
    monkeypatch.setattr(plan, "stream", None)  # a pool would fail at once
    paths = write_many(tmp_path, 6)
    monkeypatch.setattr(plan, "usable_cpus", lambda: 1)
    assert all(item.ok for item in read_many(paths))
    monkeypatch.setattr(plan, "usable_cpus", lambda: 2)
    by_lambda = validate_many(paths, previous=lambda report: None)
    assert all(item.ok and item.value.previous is None for item in by_lambda)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"jobs": 0}, "jobs must be a whole number >= 1"),
        ({"jobs": "2"}, "jobs must be a whole number >= 1"),
        ({"jobs": True}, "jobs must be a whole number >= 1"),
        ({"executor": object()}, "executor must be a concurrent.futures.Executor"),
    ],
)
def test_bad_arguments_are_refused_when_the_batch_is_made(
    options: dict[str, Any], message: str
) -> None:
    with pytest.raises(OptionError, match=message):
        read_many([], **options)
    with pytest.raises(OptionError, match=message):
        validate_many([], **options)


def test_previous_that_cannot_travel_to_a_pool_is_refused_at_once() -> None:
    with pytest.raises(OptionError, match="cannot be pickled"):
        validate_many([], previous=lambda report: None, jobs=2)
    with pytest.raises(gd.GovDisclosureError, match="no rule or family"):
        validate_many([], select="R99")


def test_reader_options_reach_every_source(tmp_path: Path) -> None:
    paths = write_many(tmp_path, 4)
    items = list(read_many(paths, jobs=2, fmt="json"))
    assert [item.ok for item in items] == [True, False, True, False]  # text is not JSON
    assert all(isinstance(item.error, ReadError) for item in items if not item.ok)
    wrong = list(read_many(paths[:1], jobs=1, colour=True))
    assert isinstance(wrong[0].error, OptionError)


def test_stopping_a_batch_early_shuts_its_pool_down(tmp_path: Path) -> None:
    paths = write_many(tmp_path, 200)
    batch = read_many(paths, jobs=2)
    first = next(batch)
    start = time.perf_counter()
    batch.close()  # the caller stops reading (break out of a for loop)
    assert time.perf_counter() - start < 2
    assert first.ok
    with pytest.raises(StopIteration):
        next(batch)


def test_ctrl_c_cancels_the_pending_work_at_once(tmp_path: Path) -> None:
    (path,) = write_many(tmp_path, 1)
    # 48 sources that take half a second each in a worker: 12 s of work on two workers.
    sources = [Slow(path, 0.5) for _ in range(48)]
    batch = read_many(sources, jobs=2)
    seen: list[int] = []

    def interrupt() -> None:
        os.kill(os.getpid(), signal.SIGINT)

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(1.0, interrupt)
    threads = set(threading.enumerate())
    try:
        start = time.perf_counter()
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            seen.extend(item.index for item in batch)
        stopped = time.perf_counter() - start
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert stopped < 3  # not the 12 s of work: the rest was cancelled
    assert len(seen) < 48
    with pytest.raises(StopIteration):
        next(batch)
    # The chunks that were running stopped too: the pool's threads are gone at once.
    for thread in set(threading.enumerate()) - threads - {timer}:
        thread.join(timeout=3)
        assert not thread.is_alive(), thread


#: Peaks of memory (tracemalloc) while batches of a few and of ten times as many sources
#: run, in a fresh interpreter: no thread of another test allocates meanwhile.
PEAKS = """
import gc, json, sys, tracemalloc
from govdisclosure.batch import plan, read_many
from govdisclosure.batch.reading import ReadJob
from govdisclosure.batch.work import pack, run_one
document = open(sys.argv[1], "rb").read()
plan.CHUNKSIZE = 2  # a window of 12 sources: runs many windows long that stay short

def peak(count, jobs):
    gc.collect()
    tracemalloc.start()
    try:
        for item in read_many((document for _ in range(count)), jobs=jobs):
            assert item.ok
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

if __name__ == "__main__":
    peak(20, 1)  # caches (layouts, labels) are filled by a first run, not counted
    peak(50, 2)  # and the pool's machinery is imported
    one = len(pack([run_one(ReadJob({}), 0, "#0", document)]))
    window = plan.WINDOW * 2 * plan.CHUNKSIZE * one
    print(json.dumps([peak(30, 1), peak(300, 1), peak(60, 2), peak(600, 2), window]))
"""


def test_memory_stays_flat_over_many_sources(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    document = EXAMPLES / "zhongning-minzheng-2020.json"
    script = tmp_path / "peaks.py"  # a file: the workers of a pool may import it
    script.write_text(PEAKS, encoding="utf-8")
    command = [sys.executable, str(script), str(document)]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    serial, serial_ten, pool, pool_ten, window = json.loads(done.stdout)
    assert serial_ten <= serial * 1.2, (serial, serial_ten)
    # A pool's peak is the window at its fullest (its results as bytes, and the chunk
    # being yielded as objects), which a longer batch is likelier to reach: it may grow
    # by that much, never with the number of sources (a source kept would be 540 x it).
    assert pool_ten <= pool + 2 * window, (pool, pool_ten, window)


def test_a_job_of_a_batch_pickles() -> None:
    # What a pool sends to each worker, and to another executor with each chunk.
    from govdisclosure.batch.checking import CheckJob
    from govdisclosure.batch.previous import PreviousReports
    from govdisclosure.batch.reading import ReadJob

    index = PreviousReports.from_reports([gd.load(EXAMPLES / "zhongning-minzheng-2020.json")])
    for job in (ReadJob({"fmt": "json"}), CheckJob(index, ("R2",), None)):
        assert pickle.loads(pickle.dumps(job)) == job


FREEZES = """
import gc
import govdisclosure as gd
from govdisclosure.batch.pools import start_method

assert gc.get_freeze_count() == 0
counts = []
for item in gd.batch.read_many([gd.examples.path("zhongning-minzheng-2020.json")] * 4, jobs=2):
    assert item.ok
    counts.append(gc.get_freeze_count())
print(start_method(), min(counts), gc.get_freeze_count())
"""


def test_a_forked_pool_freezes_the_heap_for_its_workers_and_unfreezes_it_after() -> None:
    # In a fresh interpreter, which has one thread: this one may have more (pools of other
    # tests), and its pools then start from a fork server, where nothing needs freezing.
    done = subprocess.run(
        [sys.executable, "-c", FREEZES], capture_output=True, text=True, check=True
    )
    method, during, after = done.stdout.split()
    forks = sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()
    assert method == ("fork" if forks else "spawn")
    assert (int(during) > 0) is forks  # frozen while a forked pool ran, else never
    assert int(after) == 0  # and given back when the batch ended
