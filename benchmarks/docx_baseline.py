"""The baseline the DOCX renderer is measured against: the shortest python-docx script that
writes the same paragraphs and the same table cells with the same merges, and nothing else
(no page setup, fonts, footer, table widths or deterministic packaging).

``python benchmarks/docx_baseline.py`` times it against ``render(seed, "docx")`` in the same
run; the target is at most 1.5x the baseline.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govdisclosure.report import AnnualReport

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhongning-minzheng-2020.json"


def minimal_docx(report: AnnualReport) -> bytes:
    """``report`` as a DOCX the plain python-docx way: headings, paragraphs with bold runs,
    and each table filled row by row, every span merged, text in the merged cell."""
    import docx

    from govdisclosure.renderers.document import Heading, Para, Table, build_document

    document = docx.Document()
    doc = build_document(report)
    document.add_heading(doc.title, 0)
    for block in doc.blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, block.level)
        elif isinstance(block, Para):
            paragraph = document.add_paragraph()
            if block.lead:
                paragraph.add_run(block.lead)
            for span in block.spans:
                paragraph.add_run(span.text).bold = span.bold
        elif isinstance(block, Table):
            grid = block.grid
            table = document.add_table(rows=len(grid.rows), cols=grid.columns)
            table.style = "Table Grid"
            rows = [row.cells for row in table.rows]  # once per row: table.cell() is O(n^2)
            for r, line in enumerate(grid.matrix()):
                for c, (cell, start) in enumerate(line):
                    if not start:
                        continue
                    target = rows[r][c]
                    if cell.row_span > 1 or cell.col_span > 1:
                        far = rows[r + cell.row_span - 1][c + cell.col_span - 1]
                        target = target.merge(far)
                    target.text = cell.text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _median_ms(action: Callable[[], object], repeats: int = 15) -> float:
    action()  # warm: imports, catalogs, layouts
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    import govdisclosure as gd

    report = gd.load(SEED)
    base = _median_ms(lambda: minimal_docx(report))
    ours = _median_ms(lambda: gd.render(report, "docx"))
    ratio = ours / base
    print(f"minimal python-docx script            {base:8.1f} ms")
    print(f"render(seed, 'docx')                  {ours:8.1f} ms")
    print(f"ratio                                 {ratio:8.2f}x   target <= 1.5x  ", end="")
    print("met" if ratio <= 1.5 else "NOT MET")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
