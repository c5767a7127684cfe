"""Many reports for the batch tests: the examples under other organs' names, written as
JSON and as text, and sources that misbehave in a worker process."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import attrs

import govdisclosure as gd

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = (EXAMPLES / "zhongning-minzheng-2020.json", EXAMPLES / "shiyan-ziranziyuan-2022.json")


def organ(number: int) -> str:
    return f"某县第{number}局"


def variants(count: int, *, year: int | None = None) -> Iterator[gd.AnnualReport]:
    """``count`` reports: the examples in turn, each under an organ of its own (and in
    ``year``, when given)."""
    seeds = [gd.load(path) for path in SEEDS]
    for number in range(count):
        report = attrs.evolve(seeds[number % len(seeds)], organ=organ(number))
        yield report if year is None else attrs.evolve(report, year=year)


def write(report: gd.AnnualReport, path: Path) -> Path:
    """``report`` at ``path``: its JSON form for ``.json``, else its text rendering."""
    if path.suffix == ".json":
        gd.dump(report, path)
    else:
        path.write_text(str(gd.render(report, "text")), encoding="utf-8")
    return path


def write_many(folder: Path, count: int, *, year: int | None = None) -> list[Path]:
    """``count`` report files in ``folder``, JSON and text in turn."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write(report, folder / f"{number:05d}.{'json' if number % 2 == 0 else 'txt'}")
        for number, report in enumerate(variants(count, year=year))
    ]


class Killer:
    """A source that kills the worker process that unpickles it (as the kernel's
    out-of-memory killer would), and only there."""

    def __reduce__(self) -> tuple[object, ...]:
        return (os._exit, (17,))


class Failing(os.PathLike[str]):
    """A path whose name raises ``error`` (a bug, or running out of memory) when the
    work asks for it, in whatever process that is."""

    def __init__(self, error: type[Exception]) -> None:
        self.error = error

    def __fspath__(self) -> str:
        raise self.error("this source fails")


class Slow(os.PathLike[str]):
    """A path that takes ``seconds`` to name in any process but the one that made it:
    work that is slow in the workers."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path, self.seconds, self.parent = str(path), seconds, os.getpid()

    def __fspath__(self) -> str:
        if os.getpid() != self.parent:
            time.sleep(self.seconds)
        return self.path


def with_carried(report: gd.AnnualReport, row: str, count: int) -> gd.AnnualReport:
    """``report`` with ``count`` natural persons' requests in table 三's ``row``."""
    return attrs.evolve(report, applications=report.applications.with_cell(row, "自然人", count))


def two_years(folder: Path, count: int) -> tuple[list[Path], list[Path]]:
    """``count`` organs' reports of this year (in ``folder/this``) and of the year before
    (in ``folder/last``, in reverse order): organ ``k`` carried ``k`` requests of natural
    persons into this year, as both reports say, so that rule X1 holds only for a report
    paired with its own organ's last year."""
    this_year, last_year = [], []
    for folder_of in ("this", "last"):
        (folder / folder_of).mkdir(parents=True)
    for number, report in enumerate(variants(count)):
        current = with_carried(report, "上年结转政府信息公开申请数量", number)
        last = attrs.evolve(report, year=report.year - 1)
        last = with_carried(last, "结转下年度继续办理", number)
        suffix = "json" if number % 2 == 0 else "txt"
        this_year.append(write(current, folder / "this" / f"{number:03d}.{suffix}"))
        last_year.append(write(last, folder / "last" / f"{count - number:03d}.{suffix}"))
    return this_year, last_year
