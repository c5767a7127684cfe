"""One statistic table as a worksheet laid out like the official form: the report's title
and the section's heading above it, the grid of :mod:`~govdisclosure.renderers.grid`
merged cell for cell (its header cells and row groups span as the form's do), the notes
printed under the table, column widths and row heights from the text, frozen headers and
a print setup that fits the table on the width of an A4 page.

Figures are numbers when Excel can hold them exactly (see :func:`number_cell`), with the
number format the form prints them in; blanks are empty cells, not 0; marks and figures
with an annotation are text, as the other formats print them.

openpyxl's style classes are passed in (``styles``), and its modules imported through
:func:`~govdisclosure.optional.require` when a workbook is made, never with this module.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from types import ModuleType
from typing import Any, NamedTuple

from govdisclosure.categories import MoneyUnit
from govdisclosure.cells import Cell, Money
from govdisclosure.layouts import CellKind
from govdisclosure.optional import require
from govdisclosure.renderers.docx.preset import Font, Preset
from govdisclosure.renderers.grid import Grid, GridCell, Role
from govdisclosure.renderers.numbers import cell_text, groups_digits, states_unit, unit_text
from govdisclosure.textwidth import display_width

__all__ = ["SheetText", "fill_sheet", "number_cell", "sheet_name"]

#: Excel holds a number as a double and shows 15 significant digits: a figure with more
#: is written as text, as printed, so that nothing is rounded.
_MOST_DIGITS = 15
#: Column widths, in Excel's units (the width of a digit): the least, and the most a
#: label column takes before its text wraps; a column header wraps beyond its own.
_NARROWEST, _WIDEST, _HEADER = 8, 42, 10
#: The height of a line of text in the table's font and of the title's, in points.
_LINE, _TITLE_LINE = 14.0, 24.0
#: Characters Excel refuses in a sheet's name, and its longest name.
_NOT_IN_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
_LONGEST_NAME = 31
#: The sheet's row the table starts on: under the title and the heading.
_FIRST = 3


class SheetText(NamedTuple):
    """What a sheet prints besides its table: the report's title, the section's heading
    (which also names the sheet) and the notes under the table."""

    title: str
    heading: str
    notes: tuple[str, ...]


class _Look(NamedTuple):
    """openpyxl's style objects, made once per workbook."""

    title: Any
    heading: Any
    header: Any
    label: Any
    turned: Any
    number: Any
    note: Any
    border: Any
    fonts: tuple[Any, Any, Any]
    locale: str


def sheet_name(heading: str) -> str:
    """A sheet's name from its heading: without the characters Excel refuses, and no
    longer than Excel's 31 (cut after a word, when the heading has words).

    >>> sheet_name("三、收到和处理政府信息公开申请情况")
    '三、收到和处理政府信息公开申请情况'
    >>> sheet_name("3. Applications for government information received and handled")
    '3. Applications for government'
    """
    name = " ".join(heading.translate(_NOT_IN_NAMES).split())
    if len(name) > _LONGEST_NAME:
        name = name[: _LONGEST_NAME + 1]
        name = name[: name.rindex(" ")] if " " in name else name[:_LONGEST_NAME]
    return name or "Sheet"


def number_cell(
    cell: Cell | None, kind: CellKind, locale: str, *, header_unit: MoneyUnit | None = None
) -> tuple[Any, str] | None:
    """The number and number format a figure is written as, or ``None`` when it is
    written as text: a count or a change of at most 15 digits (changes with their
    sign, "+12"), an amount Excel holds exactly, to the digits it was given, shown as
    :func:`~govdisclosure.renderers.numbers.money_text` prints it ("1.50 万元"; no unit
    when it is ``header_unit``, the one the column's header states), never a negative
    zero.

    >>> number_cell(12, CellKind.SIGNED, "zh_CN")
    (12, '+0;-0;0')
    >>> number_cell(Money("1.50", "万元"), CellKind.MONEY, "en")
    (1.5, '#,##0.00" (10,000 yuan)"')
    >>> fee = Money("1.50", "万元")
    >>> number_cell(fee, CellKind.MONEY, "zh_CN", header_unit=fee.unit)
    (1.5, '0.00')
    >>> number_cell(Money("12345678901234567890.123"), CellKind.MONEY, "zh_CN") is None
    True
    """
    if type(cell) is int:
        if len(str(abs(cell))) > _MOST_DIGITS:
            return None
        return cell, "+0;-0;0" if kind is CellKind.SIGNED else "0"
    if type(cell) is not Money:
        return None
    amount = cell.amount
    sign, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)  # a Money is finite
    if len(digits) > _MOST_DIGITS or -exponent > _MOST_DIGITS or (sign and not amount):
        return None
    number = float(amount)
    if Decimal(repr(number)) != amount:
        return None
    places = "." + "0" * -exponent if exponent < 0 else ""
    shown = ("#,##0" if groups_digits(locale) else "0") + places
    unit = unit_text(cell, locale, header_unit=header_unit).replace('"', "")
    return number, f'{shown}"{unit}"' if unit else shown


def _kind(cell: GridCell) -> CellKind:
    if cell.spec is not None:
        return cell.spec.kind
    return CellKind.MONEY if type(cell.value) is Money else CellKind.COUNT


def _figure(cell: GridCell, locale: str) -> tuple[Any, str] | None:
    """The number and format a figure printed alone is written as (see
    :func:`number_cell`); ``None`` for one printed with an annotation after it."""
    if not _plain(cell, locale):
        return None
    spec = cell.spec
    header = spec.unit if spec is not None and states_unit(spec, locale) else None
    return number_cell(cell.value, _kind(cell), locale, header_unit=header)


def _plain(cell: GridCell, locale: str) -> bool:
    """Whether a figure is printed alone, without an annotation after it."""
    if cell.value is None:
        return False
    spec = cell.spec
    if spec is None:  # extra rows and columns carry no annotations
        return True
    return cell.text == cell_text(spec, cell.value, locale)


def make_look(styles: ModuleType, preset: Preset, locale: str) -> _Look:
    """The styles of a workbook's sheets, in the preset's fonts."""

    def face(font: Font) -> str:
        return font.latin if locale == "en" else font.east_asian

    side = styles.Side(style="thin", color="000000")
    wrap = {"wrap_text": True, "vertical": "center"}
    return _Look(
        title=styles.Alignment(horizontal="center", **wrap),
        heading=styles.Alignment(horizontal="left", **wrap),
        header=styles.Alignment(horizontal="center", **wrap),
        label=styles.Alignment(horizontal="left", **wrap),
        turned=styles.Alignment(horizontal="center", text_rotation=255, **wrap),
        number=styles.Alignment(horizontal="center", **wrap),
        note=styles.Alignment(horizontal="left", **wrap),
        border=styles.Border(left=side, right=side, top=side, bottom=side),
        fonts=(
            styles.Font(name=face(preset.title), size=16),
            styles.Font(name=face(preset.heading1), size=12, bold=True),
            styles.Font(name=face(preset.table), size=preset.table.size),
        ),
        locale=locale,
    )


def _turned(cell: GridCell) -> bool:
    """A row group's label spans rows, not columns: printed turned, down its column."""
    return cell.role is Role.ROW and cell.row_span > 1


def _widths(grid: Grid) -> list[float]:
    """Each column's width: its widest unwrapped figure or label, within bounds."""
    widths = [float(_NARROWEST)] * grid.columns
    for line in grid.matrix():
        for column, (cell, starts) in enumerate(line):
            if not starts or cell.col_span != 1:
                continue
            if _turned(cell):
                continue  # printed down the column: the column need not be wider
            if cell.role is Role.COLUMN:
                wanted = min(display_width(cell.text), _HEADER) + 2
            else:
                wanted = min(display_width(cell.text), _WIDEST) + 2
            widths[column] = max(widths[column], wanted)
    return widths


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a cell ``width`` wide."""
    return max(1, math.ceil(display_width(text) / max(width - 1, 1)))


def _height(cells: list[tuple[GridCell, float]], line: float) -> float:
    """A row's height: its tallest cell, of those that start in it and span no rows."""
    lines = [_lines(c.text, width) for c, width in cells if c.row_span == 1 and not _turned(c)]
    return max(lines, default=1) * line


def fill_sheet(sheet: Any, grid: Grid, text: SheetText, look: _Look, *, landscape: bool) -> None:
    """Write ``grid`` and ``text`` into the empty ``sheet`` (see the module)."""
    writer = _Writer(sheet, look, _widths(grid))
    # The title is set larger than the table: fewer of its characters fit on a line.
    writer.line(1, text.title, (look.title, look.fonts[0]), _TITLE_LINE, 11 / 16)
    writer.line(2, text.heading, (look.heading, look.fonts[1]), _LINE)
    for index, (cells, line) in enumerate(zip(grid.rows, grid.matrix(), strict=True)):
        starts = [column for column, (_, first) in enumerate(line) if first]
        writer.table_row(_FIRST + index, zip(starts, cells, strict=True))
    # A row left empty, then the notes: text under the table, not rows of it.
    after = _FIRST + len(grid.rows) + 1
    for offset, note in enumerate(text.notes):
        writer.line(after + offset, note, (look.note, look.fonts[2]), _LINE)
    writer.columns()
    _print_setup(sheet, grid, landscape)


class _Writer:
    """What writing one sheet shares: the sheet, the styles, the columns' widths."""

    def __init__(self, sheet: Any, look: _Look, widths: list[float]) -> None:
        self.sheet = sheet
        self.look = look
        self.widths = widths

    def line(
        self, row: int, text: str, style: tuple[Any, Any], height: float, scale: float = 1.0
    ) -> None:
        """A line of text across the table (a title, a heading, a note) in ``style``
        (alignment, font), each of its lines ``height`` high; ``scale`` is the share of
        the table's characters that fit in as many of its own on a line."""
        cell = self.sheet.cell(row, 1)
        _text(cell, text)
        cell.alignment, cell.font = style
        if len(self.widths) > 1:
            self.sheet.merge_cells(
                start_row=row, start_column=1, end_row=row, end_column=len(self.widths)
            )
        self.sheet.row_dimensions[row].height = _lines(text, sum(self.widths) * scale) * height

    def table_row(self, row: int, cells: Iterable[tuple[int, GridCell]]) -> None:
        """One row of the grid: each cell that starts in it (with its column), bordered
        and merged over the cells it spans (the merge draws the border around them)."""
        sized: list[tuple[GridCell, float]] = []
        for column, cell in cells:
            target = self.sheet.cell(row, column + 1)
            _content(target, cell, self.look)
            target.border = self.look.border
            target.font = self.look.fonts[2]
            sized.append((cell, sum(self.widths[column : column + cell.col_span])))
            if cell.row_span > 1 or cell.col_span > 1:
                self.sheet.merge_cells(
                    start_row=row,
                    start_column=column + 1,
                    end_row=row + cell.row_span - 1,
                    end_column=column + cell.col_span,
                )
        self.sheet.row_dimensions[row].height = _height(sized, _LINE)

    def columns(self) -> None:
        utils = require("openpyxl.utils", extra="xlsx", purpose="writing an Excel workbook")
        for column, width in enumerate(self.widths, start=1):
            self.sheet.column_dimensions[utils.get_column_letter(column)].width = width


def _text(cell: Any, text: str) -> None:
    """Text as text, even when it starts as a formula would ("=…")."""
    cell.value = text
    cell.data_type = "s"


def _content(target: Any, cell: GridCell, look: _Look) -> None:
    """A grid cell's value, number format and alignment."""
    if cell.role is Role.NUMBER:
        target.alignment = look.number
        figure = _figure(cell, look.locale)
        if figure is not None:
            target.value, target.number_format = figure
        elif cell.text:  # a mark, a figure with its annotation, one Excel cannot hold
            _text(target, cell.text)
        return  # a blank cell stays empty: blank is not zero
    if cell.text:
        _text(target, cell.text)
    if _turned(cell):
        target.alignment = look.turned
    elif cell.role is Role.ROW:
        target.alignment = look.label
    else:
        target.alignment = look.header


def _print_setup(sheet: Any, grid: Grid, landscape: bool) -> None:
    """Frozen headers (and label columns), A4 fitted to the page's width, the header
    rows repeated on every printed page."""
    if grid.header_rows:
        body = grid.rows[grid.header_rows :]
        labels = sum(c.col_span for c in body[0] if c.role is Role.ROW) if body else 0
        sheet.freeze_panes = sheet.cell(_FIRST + grid.header_rows, labels + 1).coordinate
        sheet.print_title_rows = f"{_FIRST}:{_FIRST + grid.header_rows - 1}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
