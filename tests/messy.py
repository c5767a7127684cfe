"""Reports printed the way converted documents and copied pages print them, for the
"no silent shift" tests of the readers.

:func:`messy_text` writes a report as text with its tables in pipes (as a page
converted to Markdown or text shows them), distorted by the phenomena real documents
show (:class:`Distortion`): an empty cell at either edge of every row, placeholder
glyphs for blank cells, labels printed on lines of their own ahead of their figures,
every row its own small table under generic headers, one figure per line, table 四 in
three shapes, annotations inside number cells. The figures are the report's: a reader
must put each in its cell or say it could not (:func:`silent_shifts`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from govdisclosure import AnnualReport, Section
from govdisclosure.cells import BLANK, Cell, Money, NotApplicable, is_number
from govdisclosure.readers.result import NoteKind, ReadResult

__all__ = ["GLYPHS", "Distortion", "messy_text", "silent_shifts"]

#: What documents print in an empty cell.
GLYPHS = ("·", "-", "－", "—", "/", "／", "无", "空")


@dataclass(frozen=True)
class Distortion:
    """How a document prints its tables (each field one phenomenon; all off: clean
    pipe tables)."""

    edge: str = ""  # "start" or "end": an empty cell at that edge of every row
    glyphs: bool = False  # blank cells printed as a placeholder glyph
    labels_apart: bool = False  # labels on lines of their own, then the rows of figures
    generic: bool = False  # every row its own table under 类别 | 数据1 | … headers
    per_line: bool = False  # one figure per line, each ending in "|", and "||||" lines
    reviews: str = "row"  # table 四: "row" (1 × 15), "three" (three of 5), "grid" (3 × 5)
    units: bool = False  # counts printed with 件, money with its unit
    spaces: bool = False  # cells separated by spaces, not pipes (text copied from a page)

    def __str__(self) -> str:
        on = [f"{k}={v!r}" for k, v in vars(self).items() if v not in ("", False, "row")]
        return ", ".join(on) or "clean"


def _cell_text(cell: Cell, annotation: str | None, glyph: str, units: bool) -> str:
    if cell is BLANK:
        text = glyph
    elif isinstance(cell, NotApplicable):
        text = cell.mark
    elif isinstance(cell, Money):
        text = f"{cell.amount:f}{cell.unit.zh}"  # as documents print it: no exponent
    else:
        assert isinstance(cell, int)
        text = f"{cell:+d}" if cell < 0 else str(cell)
        text += "件" if units and cell >= 0 else ""
    return f"{text}（{annotation}）" if annotation else text


class _Writer:
    def __init__(self, distortion: Distortion, rng: random.Random) -> None:
        self.d = distortion
        self.rng = rng
        self.lines: list[str] = []

    def pipe(self, cells: Sequence[str]) -> None:
        cells = list(cells)
        if self.d.edge == "start":
            cells.insert(0, "")
        elif self.d.edge == "end":
            cells.append("")
        if self.d.spaces:
            self.lines.append(" ".join(cell for cell in cells if cell))
        else:
            self.lines.append("| " + " | ".join(cells) + " |")

    def rule(self, width: int) -> None:
        if not self.d.spaces:
            self.lines.append("|" + "|".join([" - "] * width) + "|")


def _values(report: AnnualReport, section: Section, rng: random.Random, d: Distortion) -> list[str]:
    table = report.table(section)
    notes = dict(table.annotations)
    units = {spec.position: spec for spec in table.layout.cells}
    out = []
    for position, cell in enumerate(table.cells):
        glyph = rng.choice(GLYPHS) if d.glyphs else ""
        text = _cell_text(cell, notes.get(position), glyph, d.units)
        if isinstance(cell, Money) and not d.units and units[position].unit is cell.unit:
            text = text.replace(cell.unit.zh, "", 1)
        out.append(text)
    return out


def _rows(
    writer: _Writer, header: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]]
) -> None:
    """Rows under a header, as the distortion prints them."""
    d = writer.d
    width = len(header)
    if d.generic:
        generic = ["类别", *(f"数据{i}" for i in range(1, width - 1)), "总计"]
        for label, values in rows:
            writer.pipe(generic)
            writer.rule(width)
            writer.pipe([label, *values])
        return
    writer.pipe(header)
    writer.rule(width)
    if d.labels_apart:
        for label, _ in rows:
            writer.lines.append(label)
        for _, values in rows:
            writer.pipe(values)
        return
    if d.per_line:
        for label, values in rows:
            writer.lines.append(f"{label}|")
            writer.lines.extend(f"{value}|" for value in values)
            writer.lines.append("|" * (width + 1))
        return
    for label, values in rows:
        writer.pipe([label, *values])


def _proactive(writer: _Writer, report: AnnualReport, values: list[str]) -> None:
    layout = report.proactive.layout
    for block in layout.blocks:
        assert block.caption is not None
        writer.lines.append(block.caption.zh)
        plans = [layout.row_plan(node.key) for node in block.rows]
        rows = [(layout.row_node(p.key).label, values[p.start : p.stop]) for p in plans]
        header = [layout.corner, *(c.label for c in block.columns)]
        _rows(writer, header, rows)


def _applications(writer: _Writer, report: AnnualReport, values: list[str]) -> None:
    layout = report.applications.layout
    rows = []
    for plan in layout.row_plans:
        node = layout.row_node(plan.key)
        rows.append((node.numbering + node.label, values[plan.start : plan.stop]))
    header = ["信息内容", *(c.label for c in layout.columns_in_order)]
    _rows(writer, header, rows)


def _reviews(writer: _Writer, report: AnnualReport, values: list[str]) -> None:
    layout = report.reviews.layout
    results = [c.label for c in layout.columns_in_order]
    cases = [layout.row_node(p.key).label for p in layout.row_plans]
    shape = writer.d.reviews
    if shape == "row":
        writer.pipe(["行政复议", "", "", "", "", "行政诉讼"])
        writer.pipe(["", "", "", "", "", cases[1], "", "", "", "", cases[2]])
        writer.pipe(results * 3)
        writer.rule(15)
        writer.pipe(values)
        return
    if shape == "three":
        for index, case in enumerate(cases):
            writer.lines.append(("行政诉讼 " if index else "") + case)
            writer.pipe(results)
            writer.rule(5)
            writer.pipe(values[index * 5 : index * 5 + 5])
        return
    writer.lines.append("行政复议 行政诉讼")
    writer.pipe(["", *results])
    writer.rule(6)
    for index, case in enumerate(cases):
        writer.pipe([case, *values[index * 5 : index * 5 + 5]])


def messy_text(report: AnnualReport, distortion: Distortion, seed: int = 0) -> str:
    """The report as text with its tables printed as ``distortion`` says."""
    rng = random.Random(seed)
    writer = _Writer(distortion, rng)
    lines = writer.lines
    lines += [f"{report.organ}{report.year}年政府信息公开工作年度报告", ""]
    lines += ["一、总体情况", "本机关认真贯彻落实政府信息公开条例。", ""]
    for section, heading, write in (
        (Section.PROACTIVE, "二、主动公开政府信息情况", _proactive),
        (Section.APPLICATIONS, "三、收到和处理政府信息公开申请情况", _applications),
        (Section.REVIEWS, "四、政府信息公开行政复议、行政诉讼情况", _reviews),
    ):
        lines += [heading, ""]
        write(writer, report, _values(report, section, rng, distortion))
        lines.append("")
    lines += ["五、存在的主要问题及改进情况", "信息公开的及时性有待提高。", ""]
    lines += ["六、其他需要报告的事项", "本年度无其他需要报告的事项。", ""]
    return "\n".join(lines)


_DOUBT = (NoteKind.UNPLACED.value, NoteKind.GUESSED.value, NoteKind.MISSING.value)


def _covered(result: ReadResult, path: str) -> bool:
    """Whether a note of doubt names the cell at ``path`` (or its row, or its table)."""
    return any(
        note.kind in _DOUBT and (path == note.location or path.startswith(note.location + "."))
        for note in result.notes
    )


def silent_shifts(written: AnnualReport, result: ReadResult) -> Iterator[str]:
    """Every cell read differently from ``written`` with no note that doubts it: a number
    where another was printed, a number where none was, or a printed number lost."""
    for section in (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS):
        want, got = written.table(section), result.report.table(section)
        layout = want.layout
        for spec, a, b in zip(layout.cells, want.cells, got.cells, strict=True):
            same = a == b or (not is_number(a) and not is_number(b))
            if same:
                continue
            plan = layout.row_plan(spec.row)
            path = f"$.report.{section.value}.{plan.name}.{spec.column.value}"
            if not _covered(result, path):
                yield f"{path}: printed {a!r}, read {b!r}"
