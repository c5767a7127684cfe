"""A table grid as an HTML ``<table>``: ``thead`` for its header rows, ``th`` with
``scope`` for labels and ``rowspan``/``colspan`` where the official form merges its
cells; all text escaped. Shared by the HTML format and the Markdown format (which embeds
the table where pipes cannot merge cells), so that both print the same form.

>>> import govdisclosure as gd
>>> from govdisclosure.renderers.grid import table_grid
>>> grid = table_grid(gd.load("examples/zhongning-minzheng-2020.json").applications)
>>> print(grid_html(grid).splitlines()[2][:59])
<tr><th scope="col" class="corner" rowspan="3" colspan="3">
"""

from __future__ import annotations

from html import escape

from govdisclosure.renderers.grid import Grid, GridCell, Role

__all__ = ["grid_html"]


def _attrs(cell: GridCell) -> str:
    out = ""
    if cell.row_span > 1:
        out += f' rowspan="{cell.row_span}"'
    if cell.col_span > 1:
        out += f' colspan="{cell.col_span}"'
    return out


def _cell(cell: GridCell) -> str:
    text = escape(cell.text)
    spans = _attrs(cell)
    if cell.role is Role.NUMBER:
        blank = " blank" if not cell.text else ""
        return f'<td class="number{blank}"{spans}>{text}</td>'
    if cell.role is Role.FILLER:
        return f"<td{spans}></td>"
    if cell.role is Role.ROW:
        scope = "rowgroup" if cell.row_span > 1 else "row"
    elif cell.role is Role.CAPTION:
        scope = "colgroup"
    elif cell.role is Role.CORNER:
        scope = "col"
    else:
        scope = "colgroup" if cell.col_span > 1 else "col"
    css = f' class="{cell.role.value}"' if cell.role in (Role.CAPTION, Role.CORNER) else ""
    return f'<th scope="{scope}"{css}{spans}>{text}</th>'


def _rows(rows: tuple[tuple[GridCell, ...], ...]) -> list[str]:
    return ["<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows]


def grid_html(grid: Grid, css_class: str = "") -> str:
    """A grid as an HTML table, one row a line and no blank line (so that Markdown takes
    it whole as one HTML block); ``css_class`` is the table's ``class``, if any."""
    lines = [f'<table class="{escape(css_class)}">' if css_class else "<table>"]
    if grid.header_rows:
        lines += ["<thead>", *_rows(grid.rows[: grid.header_rows]), "</thead>"]
        lines += ["<tbody>", *_rows(grid.rows[grid.header_rows :]), "</tbody>"]
    else:  # table 二: a tbody per block, its caption and header rows first
        block: list[tuple[GridCell, ...]] = []
        for row in grid.rows:
            if row[0].role is Role.CAPTION and block:
                lines += ["<tbody>", *_rows(tuple(block)), "</tbody>"]
                block = []
            block.append(row)
        lines += ["<tbody>", *_rows(tuple(block)), "</tbody>"]
    lines.append("</table>")
    return "\n".join(lines)
