"""A table grid as an HTML ``<table>``: ``thead`` for its header rows, ``th`` with
``scope`` for labels and ``rowspan``/``colspan`` where the official form merges its
cells; all text escaped. Shared by the HTML format and the Markdown format (which embeds
the table where pipes cannot merge cells), so that both print the same form.

>>> import govdisclosure as gd
>>> from govdisclosure.renderers.grid import table_grid
>>> grid = table_grid(gd.examples.load("zhongning-minzheng-2020").applications)
>>> print(grid_html(grid).splitlines()[2][:44])
<tr><th scope="col" rowspan="3" colspan="3">
>>> print(grid_html(grid, "table-3").splitlines()[-3][-30:])
<td class="number">0</td></tr>
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


def _cell(cell: GridCell, styled: bool) -> str:
    text = escape(cell.text)
    spans = _attrs(cell)
    if cell.role is Role.NUMBER:
        if not styled:
            return f"<td{spans}>{text}</td>"
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
    styles = styled and cell.role in (Role.CAPTION, Role.CORNER)
    css = f' class="{cell.role.value}"' if styles else ""
    return f'<th scope="{scope}"{css}{spans}>{text}</th>'


def _rows(rows: tuple[tuple[GridCell, ...], ...], styled: bool) -> list[str]:
    return ["<tr>" + "".join(_cell(c, styled) for c in row) + "</tr>" for row in rows]


def grid_html(grid: Grid, css_class: str | None = None) -> str:
    """A grid as an HTML table, one row a line and no blank line (so that Markdown takes
    it whole as one HTML block). With ``css_class``, the table has that ``class`` and its
    cells the classes a stylesheet tells them by (``number``, ``blank``, ``caption``,
    ``corner``); without, it has no class at all (Markdown has no stylesheet)."""
    styled = css_class is not None
    lines = [f'<table class="{escape(css_class)}">' if css_class is not None else "<table>"]
    if grid.header_rows:
        lines += ["<thead>", *_rows(grid.rows[: grid.header_rows], styled), "</thead>"]
        lines += ["<tbody>", *_rows(grid.rows[grid.header_rows :], styled), "</tbody>"]
    else:  # table 二: a tbody per block, its caption and header rows first
        block: list[tuple[GridCell, ...]] = []
        for row in grid.rows:
            if row[0].role is Role.CAPTION and block:
                lines += ["<tbody>", *_rows(tuple(block), styled), "</tbody>"]
                block = []
            block.append(row)
        lines += ["<tbody>", *_rows(tuple(block), styled), "</tbody>"]
    lines.append("</table>")
    return "\n".join(lines)
