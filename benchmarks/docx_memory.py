"""The memory a long run of DOCX renders holds: ``python benchmarks/docx_memory.py N M``
renders M different reports in this (fresh) process and prints, as JSON, the resident
set size after the first N and after all M, in MB.

The reports are made one at a time (so that what the process holds is the renderer's,
not a list of reports) from the two examples, each through the model's constructors:
its own organ, figures, prose and publication date, varied deterministically.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govdisclosure import AnnualReport

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("zhongning-minzheng-2020.json", "shiyan-ziranziyuan-2022.json")


def variants(count: int) -> Iterator[AnnualReport]:
    """``count`` different reports, made one by one from the examples in turn."""
    import attrs

    import govdisclosure as gd
    from govdisclosure.text import Paragraph

    bases = [gd.load(ROOT / "examples" / name) for name in EXAMPLES]
    for number in range(count):
        base = bases[number % len(bases)]
        apps = base.applications.with_rows(
            {
                "new": {"natural_person": 30 + number % 97},
                "disclosed": {"natural_person": 10 + number % 13},
            }
        )
        problems = (
            Paragraph.from_markup(f"第{number}号改进：{'加强培训，' * (1 + number % 9)}提高质量。"),
            *base.problems[number % 2 :],
        )
        report = attrs.evolve(
            base,
            organ=f"示例县第{number}局",
            applications=apps,
            problems=problems,
            published=dt.date(base.year + 1, 1 + number % 12, 1 + number % 28)
            if number % 3
            else None,
        )
        yield gd.fill_totals(report)


def rss_mb() -> float:
    """The resident set size of this process now, in MB (Linux), else its peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    import govdisclosure as gd

    first, total = int(sys.argv[1]), int(sys.argv[2])
    sizes = {}
    for number, report in enumerate(variants(total), start=1):
        gd.render(report, "docx")
        if number in (first, total):
            sizes[number] = rss_mb()
    print(json.dumps({"first": sizes[first], "total": sizes[total]}))


if __name__ == "__main__":
    main()
