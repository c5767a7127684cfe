"""A comparison as rows of data, for a spreadsheet: one row per row of the comparison, in
its order, with the columns of :data:`COMPARISON_COLUMNS`; and :func:`write_comparison`,
which writes them as the exports write theirs: an Excel workbook (through
:class:`govdisclosure.export.xlsxio.Workbook`), CSV or JSON Lines, to a path or a stream
(the export writers' own target and format handling).

Each side's figure is split as the tidy records split a cell: its ``state`` (``count``,
``signed``, ``money``, ``blank``, ``not_applicable``, or ``absent`` when the year's
edition has no such cell), its ``value`` (a number or nothing), its ``unit`` and its
``mark``. The change is exact; the relative change is a decimal rounded to six places
(the comparison keeps the exact fraction).

>>> import attrs, govdisclosure as gd
>>> from govdisclosure.comparison import compare
>>> this = gd.examples.load("shiyan-ziranziyuan-2022")
>>> apps = this.applications.with_cell("本年新收政府信息公开申请数量", "总计", 40)
>>> row = next(comparison_rows(compare(attrs.evolve(this, year=2021, applications=apps), this)))
>>> dict(zip((c.key for c in COMPARISON_COLUMNS), row))["relative"]
Decimal('0.350000')
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any, Final

from govdisclosure.cells import BLANK, Cell, Money
from govdisclosure.comparison.model import Comparison, ComparisonRow
from govdisclosure.export import writers
from govdisclosure.export.columns import INT, STATE, TEXT, VALUE, Column
from govdisclosure.export.writers import Target
from govdisclosure.layouts import CellKind

__all__ = ["COMPARISON_COLUMNS", "comparison_rows", "write_comparison"]


def _side(key: str, zh: str, en: str) -> tuple[Column, ...]:
    return (
        Column(f"{key}_state", f"{zh}状态", f"{en} state", STATE, 12, trusted=True),
        Column(f"{key}_value", f"{zh}数值", f"{en} value", VALUE, 12),
        Column(f"{key}_unit", f"{zh}单位", f"{en} unit", STATE, 9, trusted=True),
        Column(f"{key}_mark", f"{zh}标记", f"{en} mark", TEXT, 6),
    )


#: The columns of a comparison's rows, in order.
COMPARISON_COLUMNS: Final = (
    Column("organ", "机关", "organ", TEXT, 24),
    Column("previous_year", "上年年度", "previous year", INT, 8),
    Column("current_year", "本年年度", "current year", INT, 8),
    Column("previous_edition", "上年格式版本", "previous edition", STATE, 9, trusted=True),
    Column("current_edition", "本年格式版本", "current edition", STATE, 9, trusted=True),
    Column("status", "比较结果", "status", STATE, 14, trusted=True),
    Column("section", "部分", "section", STATE, 12, trusted=True),
    Column("table", "表", "table", STATE, 5, trusted=True),
    Column("row", "行", "row", STATE, 22, trusted=True),
    Column("column", "列", "column", STATE, 16, trusted=True),
    Column("edition", "所据格式版本", "edition of the place", STATE, 9, trusted=True),
    Column("place_zh", "项目", "place (Chinese)", TEXT, 40, trusted=True),
    Column("place_en", "项目（英文）", "place", TEXT, 40, trusted=True),
    *_side("previous", "上年", "previous"),
    *_side("current", "本年", "current"),
    Column("change", "增减", "change", VALUE, 12),
    Column("change_unit", "增减单位", "change unit", STATE, 9, trusted=True),
    Column("relative", "增减幅度", "relative change", VALUE, 12),
    Column("partial", "含空白行", "partial", STATE, 8, trusted=True),
    Column("note_zh", "说明", "note (Chinese)", TEXT, 30, trusted=True),
    Column("note_en", "说明（英文）", "note", TEXT, 30, trusted=True),
)
_PLACES: Final = Decimal("0.000001")


def comparison_rows(comparison: Comparison) -> Iterator[tuple[Any, ...]]:
    """The rows of ``comparison`` as tuples of :data:`COMPARISON_COLUMNS`' values."""
    previous, current = comparison.previous, comparison.current
    head = (
        current.organ,
        previous.year,
        current.year,
        previous.edition.value,
        current.edition.value,
    )
    for row in comparison.rows:
        yield (*head, *_row(row))


def _row(row: ComparisonRow) -> tuple[Any, ...]:
    cell = row.cell
    kind = cell.table.cells[cell.position].kind
    change_unit = row.unit.value if row.unit is not None and row.change is not None else None
    return (
        row.status.value,
        cell.section.value,
        cell.table.number,
        cell.row.value,
        cell.column.value,
        cell.edition.value,
        row.name("zh_CN"),
        row.name("en"),
        *_figure(row.previous, kind),
        *_figure(row.current, kind),
        row.change,
        change_unit,
        _rounded(row.relative),
        "yes" if row.partial else "no",
        row.note.text("zh_CN") if row.note is not None else None,
        row.note.text("en") if row.note is not None else None,
    )


def _figure(value: Cell | None, kind: CellKind) -> tuple[Any, ...]:
    if value is None:
        return ("absent", None, None, None)
    if value is BLANK:
        return ("blank", None, None, None)
    if type(value) is int:
        return ("signed" if kind is CellKind.SIGNED else "count", value, None, None)
    if type(value) is Money:
        return ("money", value.amount, value.unit.value, None)
    return ("not_applicable", None, None, str(value))


def _rounded(relative: Fraction | None) -> Decimal | None:
    if relative is None:
        return None
    exact = Decimal(relative.numerator) / Decimal(relative.denominator)
    return exact.quantize(_PLACES, rounding=ROUND_HALF_EVEN)


def write_comparison(
    comparison: Comparison,
    target: Target,
    *,
    fmt: str | None = None,
    headers: str | None = None,
) -> int:
    """Write the rows of ``comparison`` to ``target`` as the exports write theirs (a path,
    written atomically, or a binary stream, left open): an Excel workbook with one sheet,
    CSV or JSON Lines; the number of rows written. The format is the path's suffix unless
    ``fmt`` says it (it must, for a stream); the headers are the columns' Chinese names in
    a workbook, their keys otherwise, unless ``headers`` says (``"keys"``, ``"zh"``,
    ``"en"``)."""
    return writers.write_table(
        target,
        fmt=fmt,
        headers=headers,
        sheet="comparison",
        columns=COMPARISON_COLUMNS,
        rows=comparison_rows(comparison),
    )
