"""The runs of ``benchmarks/run.py batch``: folders of report files, and a batch over one
run in a fresh interpreter, measured from outside (wall time, as a user waits for it)
and from inside (its own CPU time and its workers', its peak RSS and theirs).

Two kinds of batch are measured:

* ``check``: the command line, ``govdisclosure check FOLDER --jobs N -o FILE``, run by
  its ``main()`` in the measuring interpreter (so that the interpreter's own RSS is the
  command's, its children's the workers');
* ``validate_many``: the library's batch, every item's ``Checked`` report brought back
  to this process, as a script that keeps them would; or, with ``then``, only a count of
  findings (what a script that keeps little brings back).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import json, os, resource, sys, time

def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime

def findings(checked):  # what a script keeping little brings back (then=)
    return len(checked.result.findings)

def batch(folder, jobs, then):
    from govdisclosure.batch import validate_many
    # The paths come from a lazy scan of the folder, as a real batch's would.
    paths = (entry.path for entry in os.scandir(folder))
    ok = 0
    for item in validate_many(paths, jobs=jobs, then=findings if then else None):
        if item.ok:
            ok += 1
            item.value if then else len(item.value.result.findings)
    return ok

def check(folder, jobs, out):
    from govdisclosure.cli import main
    argv = ["check", folder, "-o", out, "--force"] + ([] if jobs is None else ["--jobs", str(jobs)])
    status = main(argv)
    assert status == 0, status
    return sum(1 for line in open(out, encoding="utf-8") if line.startswith("== "))

def run():
    kind, folder, jobs, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    jobs = None if jobs == "default" else int(jobs)
    own, workers = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    if kind == "check":
        ok = check(folder, jobs, extra)
    else:
        ok = batch(folder, jobs, extra == "then")
    print(json.dumps({
        "ok": ok,
        "inside": time.perf_counter() - start,
        "cpu": cpu(resource.RUSAGE_SELF) - own,
        # A pool of this single-threaded process forks its workers: its children, waited
        # for when the batch ends, so their CPU time is counted here.
        "workers_cpu": cpu(resource.RUSAGE_CHILDREN) - workers,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))

if __name__ == "__main__":  # the workers of a pool may import this module too
    run()
"""


def make_files(folder: Path, count: int) -> None:
    """``count`` report files in ``folder``: the two examples in turn, as JSON and as text
    in turn, each under an organ of its own (the example's name replaced throughout)."""
    import govdisclosure as gd

    folder.mkdir(parents=True, exist_ok=True)
    names = [name for name in gd.examples.names() if "/" not in name and name.endswith(".json")]
    seeds = [gd.examples.load(name) for name in names]
    forms = [
        (seed.organ, suffix, text)
        for seed in seeds
        for suffix, text in (("json", gd.dumps(seed)), ("txt", str(gd.render(seed, "text"))))
    ]
    for number in range(count):
        organ, suffix, text = forms[number % len(forms)]
        path = folder / f"{number:05d}.{suffix}"
        path.write_text(text.replace(organ, f"某县第{number}局"), encoding="utf-8")


def run(kind: str, folder: Path, jobs: str, extra: str = "") -> dict[str, Any]:
    """One batch of ``kind`` (``check``, ``validate_many``) over ``folder`` with ``jobs``
    (a number, or ``default``), in a fresh interpreter: its wall time from outside
    (``seconds``), what it measured inside, and its items.

    The interpreter keeps the modules' bytecode in a cache of the benchmark's own, as an
    installed package has it: without one (``PYTHONDONTWRITEBYTECODE``, as on the
    machines this is built on), every run compiles every module from source."""
    script = folder.parent / "batch_run.py"
    if not script.exists():
        script.write_text(_RUN, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"PYTHONPATH": str(ROOT / "src"), "PYTHONPYCACHEPREFIX": str(folder.parent / "pyc")}
    command = [sys.executable, str(script), kind, str(folder), jobs, extra]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, **json.loads(done.stdout)}


def paired(
    kind: str, folder: Path, extra: str = "", *, pairs: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``pairs`` runs with ``--jobs 1`` and as many with ``--jobs 2``, each pair taken one
    right after the other (in turn first and second, so that a machine slowing down or
    speeding up favours neither): the runs of each."""
    one: list[dict[str, Any]] = []
    two: list[dict[str, Any]] = []
    run(kind, folder, "2", extra)  # fills the bytecode cache and the disk's
    for number in range(pairs):
        order = ("1", "2") if number % 2 == 0 else ("2", "1")
        for jobs in order:
            (one if jobs == "1" else two).append(run(kind, folder, jobs, extra))
    return one, two


def ratios(one: list[dict[str, Any]], two: list[dict[str, Any]]) -> list[float]:
    """The speed-up of each pair: its ``--jobs 1`` wall time over its ``--jobs 2``."""
    return [a["seconds"] / b["seconds"] for a, b in zip(one, two, strict=True)]
