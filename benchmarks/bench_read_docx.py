"""Reading our own DOCX back: ``read(render(seed, "docx"))`` on the seed example.

``python benchmarks/bench_read_docx.py`` prints the reads per second of the seed's DOCX
(target: at least 50 on one core), the cost of a read against a render of the same
report in the same run (target: at most 10x), and where a read spends its time: the
front end (unzip, parse the XML, walk the body into blocks) and the shared back end
(sections, prose, tables). ``make bench`` runs it too (``benchmarks/run.py read-docx``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhongning-minzheng-2020.json"


def measure() -> dict[str, float]:
    """The median milliseconds of a read, a render, and a read's two halves."""
    from docx_baseline import _median_ms  # the same timing as the render benchmark

    import govdisclosure as gd
    from govdisclosure.readers.build import build_report
    from govdisclosure.readers.docx import docx_blocks

    report = gd.load(SEED)
    data = gd.render(report, "docx")
    assert isinstance(data, bytes)
    assert gd.read(data).report == report, "the seed does not read back exactly"
    blocks, _ = docx_blocks(data)
    return {
        "read": _median_ms(lambda: gd.read(data)),
        "render": _median_ms(lambda: gd.render(report, "docx")),
        "front": _median_ms(lambda: docx_blocks(data)),
        "back": _median_ms(lambda: build_report(blocks, fmt="docx")),
    }


def main() -> None:
    times = measure()
    rate = 1000 / times["read"]
    ratio = times["read"] / times["render"]
    print(f"read(render(seed, 'docx'))            {rate:8.1f} reads/s   target >= 50/s   ", end="")
    print("met" if rate >= 50 else "NOT MET")
    print(f"  read / render time                  {ratio:8.2f}x         target <= 10x    ", end="")
    print("met" if ratio <= 10 else "NOT MET")
    print(f"  render(seed, 'docx')                {times['render']:8.1f} ms")
    print(f"  read: unzip, parse, walk the body   {times['front']:8.1f} ms")
    print(f"  read: sections, prose and tables    {times['back']:8.1f} ms")


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]
    main()
