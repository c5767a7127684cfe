"""The readers' fuzz campaign (issue 13): every reader gets mutated documents
(:mod:`fuzz.mutators`) of its seed corpus (:mod:`fuzz.corpus`) and must never raise a
foreign exception, never hang, and keep its memory bounded; a report it accepts must
render in every format, in both locales.

    python fuzz/run.py --per-reader 20000 --formats json,text,markdown,html,docx,xlsx,pdf \\
        --seed 1 --workers 2 --time-limit 2 --memory-limit-mb 300 --out fuzz/findings

Inputs run in worker subprocesses (:mod:`fuzz.worker`: long-lived, killed and restarted
when a read passes the time limit; peak memory per input from the kernel's high-water
mark, reset before each read). Each input is reproducible from (format, seed, index):
``python fuzz/run.py --formats html --seed 1 --replay 1234`` reads that one input again.

Every input comes out as one of: ok (a report, or a library error), FOREIGN (an exception
outside :class:`~govdisclosure.errors.GovDisclosureError`: its type and the innermost
frame in src/govdisclosure), HANG (over the time limit), SLOW (over 1 s), MEMORY (over
the memory limit), RENDER (an accepted report that one of the renderers fails on), CRASH
(the worker died), LEAK (a local file's content ended up in a report). For each distinct
signature — kind, exception type, place — the first input is minimised (chunks deleted
while the same signature reproduces: lines first, then bytes; for a DOCX, the XML of
``word/document.xml`` inside the zip, which is zipped again for each try), and the
reproducer, the original and ``summary.json`` go to the out folder.

Why not hypothesis or atheris. Hypothesis shrinks well, but it drives its examples from
one process, and a campaign of 120,000 inputs each read in a subprocess with a time
limit and a memory measure is not what it is built for (its per-example deadline cannot
stop a read stuck in C code, and it cannot measure the memory of a read): the harness
draws its inputs with ``random.Random`` seeded per input instead, and minimises with its
own delta-debugging loop; tests/test_read_fuzz.py keeps the in-process hypothesis
properties. Atheris: ``pip install atheris`` works here (3.0.0, a wheel for CPython
3.11), but it fuzzes in-process, coverage-guided, one input at a time, and stops at the
first crash — it would suit a long unattended run of one reader (a crash there is an
uncaught exception, so a foreign one), not a bounded, reproducible campaign with time and
memory classes; the harness does not use it.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ in ("__main__", "__mp_main__"):
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from fuzz.corpus import READERS  # noqa: E402
from fuzz.mutators import generate  # noqa: E402
from fuzz.worker import Limits, Outcome, Worker, run_job  # noqa: E402

__all__ = ["Campaign", "Stats", "campaign", "minimise"]

EXTENSIONS = {
    "json": "json",
    "text": "txt",
    "markdown": "md",
    "html": "html",
    "docx": "docx",
    "xlsx": "xlsx",
    "pdf": "pdf",
}
Signature = tuple[str, str, str, str]  # kind, reader format, exception type, place


@dataclass
class Stats:
    """One reader's line of the final table."""

    inputs: int = 0
    accepted: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    worst_seconds: float = 0.0
    worst_mb: float = 0.0


@dataclass
class Campaign:
    """What a campaign found: the table, and the first input of each signature."""

    stats: dict[str, Stats]
    first: dict[Signature, tuple[int, Outcome]]
    occurrences: dict[Signature, int]
    seconds: float = 0.0


def campaign(
    formats: list[str],
    per_reader: int,
    seed: int,
    workers: int,
    limits: Limits,
    *,
    max_seconds: float | None = None,
    progress: Callable[[str], None] | None = None,
    first: int = 0,
) -> Campaign:
    """Run ``per_reader`` inputs for each format, from index ``first`` on (interleaved, so
    that a campaign stopped by ``max_seconds`` has run every reader as much)."""
    jobs = [(fmt, index) for index in range(first, first + per_reader) for fmt in formats]
    found = Campaign({fmt: Stats() for fmt in formats}, {}, {})
    lock = threading.Lock()
    start = time.monotonic()
    position = 0

    def drive() -> None:
        nonlocal position
        worker = Worker()
        try:
            while True:
                with lock:
                    if position >= len(jobs) or (
                        max_seconds is not None and time.monotonic() - start > max_seconds
                    ):
                        return
                    fmt, index = jobs[position]
                    position += 1
                outcome = run_job(worker, ("gen", fmt, seed, index), limits)
                with lock:
                    _count(found, fmt, index, outcome, limits)
                    if progress and position % 500 == 0:
                        progress(
                            f"{position:,}/{len(jobs):,} inputs, {time.monotonic() - start:.0f} s"
                        )
        finally:
            worker.close()

    threads = [threading.Thread(target=drive) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found.seconds = time.monotonic() - start
    return found


def _count(found: Campaign, fmt: str, index: int, outcome: Outcome, limits: Limits) -> None:
    stats = found.stats[fmt]
    stats.inputs += 1
    stats.accepted += outcome.accepted
    stats.worst_seconds = max(stats.worst_seconds, outcome.seconds)
    stats.worst_mb = max(stats.worst_mb, outcome.peak_mb)
    for kind, error, where in outcome.kinds(limits):
        stats.counts[kind] = stats.counts.get(kind, 0) + 1
        signature = (kind, fmt, error, where)
        found.occurrences[signature] = found.occurrences.get(signature, 0) + 1
        found.first.setdefault(signature, (index, outcome))


# -- minimising ---------------------------------------------------------------------------


def _docx_parts(data: bytes) -> dict[str, bytes] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:
        return None


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def _ddmin(
    units: list[bytes], still_fails: Callable[[list[bytes]], bool], budget: Callable[[], bool]
) -> list[bytes]:
    """Delete chunks of ``units`` while ``still_fails`` (a simple delta debugging)."""
    parts = 2
    while len(units) >= 2 and budget():
        size = -(-len(units) // parts)
        for begin in range(0, len(units), size):
            if not budget():
                return units
            candidate = units[:begin] + units[begin + size :]
            if candidate and still_fails(candidate):
                units = candidate
                parts = max(parts - 1, 2)
                break
        else:
            if parts >= len(units):
                return units
            parts = min(parts * 2, len(units))
    return units


def minimise(
    worker: Worker,
    fmt: str,
    data: bytes,
    reproduces: Callable[[Outcome], bool],
    limits: Limits,
    *,
    seconds: float = 30.0,
    attempts: int = 400,
) -> tuple[bytes, int]:
    """The smallest input found (within ``seconds`` and ``attempts`` reads) that still
    ``reproduces``, and the number of reads it took."""
    deadline = time.monotonic() + seconds
    tries = 0

    def budget() -> bool:
        return tries < attempts and time.monotonic() < deadline

    def check(candidate: bytes) -> bool:
        nonlocal tries
        tries += 1
        return reproduces(run_job(worker, ("raw", fmt, candidate), limits))

    parts = _docx_parts(data) if fmt == "docx" else None
    if parts is not None and "word/document.xml" in parts:

        def wrap(units: list[bytes]) -> bytes:
            return _zipped({**parts, "word/document.xml": b"".join(units)})

        xml = parts["word/document.xml"]
        units = _ddmin(_split(xml, b">"), lambda u: check(wrap(u)), budget)
        return wrap(units), tries
    units = _ddmin(data.splitlines(keepends=True), lambda u: check(b"".join(u)), budget)
    small = b"".join(units)
    if len(small) <= 4096:
        small = b"".join(_ddmin([bytes([b]) for b in small], lambda u: check(b"".join(u)), budget))
    return small, tries


def _split(data: bytes, after: bytes) -> list[bytes]:
    """``data`` cut after each ``after`` (an XML part into its tags)."""
    pieces = data.split(after)
    return [piece + after for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])


def save_findings(
    found: Campaign, seed: int, limits: Limits, out: Path, shrink_seconds: float
) -> list[dict[str, object]]:
    """Minimise the first input of every signature and write the reproducers and
    ``summary.json`` to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    summary: list[dict[str, object]] = []
    worker = Worker()
    try:
        for signature, (index, outcome) in sorted(found.first.items()):
            kind, fmt, error, where = signature
            _, data = generate(fmt, seed, index)
            read_as = outcome.fmt or fmt

            def reproduces(o: Outcome, signature: Signature = signature) -> bool:
                return any((k, signature[1], e, w) == signature for k, e, w in o.kinds(limits))

            budget = (
                shrink_seconds
                if kind in ("FOREIGN", "RENDER", "CRASH", "LEAK")
                else shrink_seconds / 2
            )
            small, tries = minimise(worker, read_as, data, reproduces, limits, seconds=budget)
            confirmed = reproduces(run_job(worker, ("raw", read_as, small), limits))
            slug = "-".join(
                [
                    kind.lower(),
                    fmt,
                    error.split(" ")[0] or "none",
                    hashlib.sha1(repr(signature).encode()).hexdigest()[:8],
                ]
            )
            ext = EXTENSIONS[fmt]
            (out / f"{slug}.{ext}").write_bytes(small if confirmed else data)
            (out / f"{slug}.orig.{ext}").write_bytes(data)
            summary.append(
                {
                    "kind": kind,
                    "reader": fmt,
                    "read_as": outcome.fmt,
                    "exception": error,
                    "where": where,
                    "innermost": outcome.innermost,
                    "message": outcome.message,
                    "occurrences": found.occurrences[signature],
                    "first": {"format": fmt, "seed": seed, "index": index},
                    "seconds": round(outcome.seconds, 3),
                    "peak_mb": round(outcome.peak_mb, 1),
                    "size": len(data),
                    "minimised_size": len(small) if confirmed else len(data),
                    "minimised": confirmed,
                    "shrink_reads": tries,
                    "reproducer": str(
                        (out / f"{slug}.{ext}").relative_to(ROOT)
                        if out.is_relative_to(ROOT)
                        else out / f"{slug}.{ext}"
                    ),
                }
            )
    finally:
        worker.close()
    return summary


KINDS = ("FOREIGN", "HANG", "SLOW", "MEMORY", "RENDER")


def table(found: Campaign) -> str:
    """The final table: per reader, inputs, failures of each kind, worst time and memory."""
    head = [
        "reader",
        "inputs",
        "accepted",
        "foreign",
        "hangs",
        "slow",
        "memory",
        "render",
        "other",
        "worst s",
        "worst MB",
    ]
    rows = [head]
    for fmt, s in found.stats.items():
        other = sum(n for k, n in s.counts.items() if k not in KINDS)
        rows.append(
            [
                fmt,
                f"{s.inputs:,}",
                f"{s.accepted:,}",
                *(str(s.counts.get(k, 0)) for k in KINDS),
                str(other),
                f"{s.worst_seconds:.2f}",
                f"{s.worst_mb:.1f}",
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = [
        " | ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--per-reader", type=int, default=2000)
    parser.add_argument("--formats", default=",".join(READERS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument("--memory-limit-mb", type=float, default=300.0)
    parser.add_argument("--out", type=Path, default=ROOT / "fuzz" / "findings")
    parser.add_argument(
        "--max-seconds", type=float, default=None, help="stop starting inputs after this long"
    )
    parser.add_argument("--shrink-seconds", type=float, default=30.0, help="per signature")
    parser.add_argument("--first-index", type=int, default=0, help="continue a campaign")
    parser.add_argument(
        "--replay", type=int, default=None, help="read input INDEX of each format again"
    )
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(READERS))
    if unknown:
        parser.error(f"no reader for {', '.join(unknown)}; readers: {', '.join(READERS)}")
    limits = Limits(args.time_limit, args.memory_limit_mb)
    if args.replay is not None:
        worker = Worker()
        try:
            for fmt in formats:
                outcome = run_job(worker, ("gen", fmt, args.seed, args.replay), limits)
                print(fmt, json.dumps(asdict(outcome), ensure_ascii=False))
        finally:
            worker.close()
        return 0
    found = campaign(
        formats,
        args.per_reader,
        args.seed,
        min(args.workers, 2) if args.workers > 0 else 1,
        limits,
        max_seconds=args.max_seconds,
        first=args.first_index,
        progress=lambda m: print(m, file=sys.stderr, flush=True),
    )
    print(f"campaign: seed {args.seed}, {found.seconds:.0f} s\n")
    print(table(found))
    summary = save_findings(found, args.seed, limits, args.out, args.shrink_seconds)
    (args.out / "summary.json").write_text(
        json.dumps(
            {
                "seed": args.seed,
                "table": {f: asdict(s) for f, s in found.stats.items()},
                "findings": summary,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        "utf-8",
    )
    print(f"\n{len(summary)} distinct failure signature(s), reproducers in {args.out}:")
    for item in summary:
        print(
            f"  {item['kind']:7} {item['reader']:8} {item['exception'] or '-':30} "
            f"{item['where'] or '-'}  x{item['occurrences']}  -> {item['reproducer']} "
            f"({item['minimised_size']} bytes)"
        )
    return 1 if summary else 0


if __name__ == "__main__":
    sys.exit(main())
