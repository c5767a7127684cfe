"""A comparison as a table a person reads: plain text (columns aligned by display width,
East Asian characters counting double), Markdown, or an HTML fragment. One plan of the
table (:func:`comparison_table`) feeds all three, so they show the same.

Figures are written as the renderers write them (:mod:`govdisclosure.renderers.numbers`):
counts as digits, changes with their sign, amounts with their unit; a blank cell says so,
and a cell one edition does not have says that.

>>> import attrs, govdisclosure as gd
>>> from govdisclosure.comparison import compare
>>> this = gd.examples.load("shiyan-ziranziyuan-2022")
>>> apps = this.applications.with_cell("本年新收政府信息公开申请数量", "总计", 40)
>>> last = attrs.evolve(this, year=2021, applications=apps)
>>> print(compare(last, this).to_text(changes_only=True))
示例县自然资源局：2021 年与 2022 年报告数字比较
项目                                   2021 年  2022 年  增减  增减幅度
三、本年新收政府信息公开申请数量·总计       40       54   +14    +35.0%
变化 1 项，无法比较 0 项，未变 199 项；仅见于上年格式 0 项，仅见于本年格式 0 项
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from html import escape as html_escape

from attrs import frozen

from govdisclosure.cells import BLANK, Cell, Money
from govdisclosure.comparison.model import Comparison, ComparisonRow, RowStatus
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.layouts import CellKind
from govdisclosure.renderers.markdown import escape as markdown_escape
from govdisclosure.renderers.numbers import count_text, money_text
from govdisclosure.renderers.widths import pad, wrap
from govdisclosure.textwidth import display_width

__all__ = [
    "ComparisonTable",
    "comparison_html",
    "comparison_markdown",
    "comparison_table",
    "comparison_text",
    "relative_text",
]

_GAP = "  "


@frozen
class ComparisonTable:
    """What every rendering of a comparison shows: a title, the header, the rows (their
    texts, the first column a place and the others figures), and a closing tally."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    tally: str


def comparison_table(
    comparison: Comparison, locale: str = "zh_CN", *, changes_only: bool = False
) -> ComparisonTable:
    """The table of ``comparison`` in ``locale`` (only the changed rows with
    ``changes_only``); a note column is added when a row shown has a note."""
    t = _translator(locale)
    previous, current = comparison.previous, comparison.current
    title = t(_("{organ}：{previous} 年与 {current} 年报告数字比较")).format(
        organ=current.organ, previous=previous.year, current=current.year
    )
    year = t(_("{year} 年"))
    header = [
        t(_("项目")),
        year.format(year=previous.year),
        year.format(year=current.year),
        t(_("增减")),
        t(_("增减幅度")),
    ]
    shown = comparison.changed if changes_only else comparison.rows
    rows = [_cells(row, locale) for row in shown]
    notes = [_note(row, locale) for row in shown]
    if any(notes):
        header.append(t(_("说明")))
        rows = [(*cells, note) for cells, note in zip(rows, notes, strict=True)]
    counts = {status: len(comparison.of(status)) for status in RowStatus}
    tally = t(
        _(
            "变化 {changed} 项，无法比较 {not_comparable} 项，未变 {unchanged} 项；"
            "仅见于上年格式 {previous_only} 项，仅见于本年格式 {current_only} 项"
        )
    ).format(**{status.value: count for status, count in counts.items()})
    return ComparisonTable(title, tuple(header), tuple(rows), tally)


def _translator(locale: str):  # type: ignore[no-untyped-def]
    return lambda text: translate(text, locale)


def _cells(row: ComparisonRow, locale: str) -> tuple[str, ...]:
    kind = row.cell.table.cells[row.cell.position].kind
    previous = _value(row.previous, kind, locale) + "*" * row.partial_previous
    current = _value(row.current, kind, locale) + "*" * row.partial_current
    relative = relative_text(row.relative, locale) if row.change is not None else _na(locale)
    return (row.name(locale), previous, current, _change(row, locale), relative)


def _note(row: ComparisonRow, locale: str) -> str:
    parts = []
    if row.note is not None:
        parts.append(row.note.text(locale))
    if row.partial:
        parts.append(translate(_("*其中有空白或标记的行，未计入"), locale))
    return "；".join(parts) if not locale.startswith("en") else "; ".join(parts)


def _value(cell: Cell | None, kind: CellKind, locale: str) -> str:
    if cell is None:
        return translate(_("（该版格式无此项）"), locale)
    if cell is BLANK:
        return translate(_("（空白）"), locale)
    if type(cell) is int:
        return count_text(cell, locale, signed=kind is CellKind.SIGNED)
    if type(cell) is Money:
        return money_text(cell, locale)
    return str(cell)  # a mark, as printed


def _change(row: ComparisonRow, locale: str) -> str:
    change = row.change
    if change is None:
        return _na(locale)
    if type(change) is int:
        return count_text(change, locale, signed=True)
    unit = row.unit
    assert unit is not None
    sign = "+" if change > 0 else ""
    return sign + money_text(Money(change, unit), locale)


def _na(locale: str) -> str:
    return translate(_("无法计算"), locale)


def relative_text(relative: Fraction | None, locale: str = "zh_CN") -> str:
    """A relative change as a percentage with one decimal (rounded half to even, for
    display only: the comparison keeps the exact fraction); "无法计算" / "n/a" for none.

    >>> relative_text(Fraction(7, 20)), relative_text(Fraction(-1, 3)), relative_text(None, "en")
    ('+35.0%', '-33.3%', 'n/a')
    """
    if relative is None:
        return _na(locale)
    percent = Decimal(relative.numerator * 100) / Decimal(relative.denominator)
    shown = percent.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    return f"{'+' if shown > 0 else ''}{shown}%"


# --- the three renderings ----------------------------------------------------------------


#: The widest a place or a note stands in a text table; a longer one wraps down its row.
_WIDEST = 40


def comparison_text(
    comparison: Comparison, locale: str = "zh_CN", *, changes_only: bool = False
) -> str:
    """The comparison as plain text: the title, the table with its columns aligned by
    display width (places and notes to the left, wrapped at 40 columns; figures to the
    right), the tally."""
    table = comparison_table(comparison, locale, changes_only=changes_only)
    last = len(table.header) - 1
    # In Chinese, “” and the other East-Asian-ambiguous characters are as wide as a Chinese
    # character in the monospaced fonts that show it (as in the text format).
    wide = not locale.startswith("en")
    # Places (and notes) wrap; figures never do.
    wrapped = [
        [
            wrap(text, _WIDEST, east_asian=wide) if i in (0, 5) else [text]
            for i, text in enumerate(row)
        ]
        for row in (table.header, *table.rows)
    ]
    widths = [
        max(display_width(line, east_asian=wide) for row in wrapped for line in row[i])
        for i in range(len(table.header))
    ]
    lines = [table.title]
    for row in wrapped:
        for depth in range(max(len(cell) for cell in row)):
            texts = [cell[depth] if depth < len(cell) else "" for cell in row]
            aligned = [
                pad(text, widths[i], "left" if i in (0, 5) else "right", east_asian=wide)
                for i, text in enumerate(texts)
            ]
            lines.append(_GAP.join(aligned[: last + 1]).rstrip())
    lines.append(table.tally)
    return "\n".join(lines)


def comparison_markdown(
    comparison: Comparison, locale: str = "zh_CN", *, changes_only: bool = False
) -> str:
    """The comparison as Markdown: the title as a heading, a pipe table (figures aligned
    right), the tally."""
    table = comparison_table(comparison, locale, changes_only=changes_only)
    align = ["---", *(["---:"] * 4), *(["---"] * (len(table.header) - 5))]

    def line(cells: tuple[str, ...] | list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    lines = [
        f"## {markdown_escape(table.title)}",
        "",
        line([markdown_escape(text) for text in table.header]),
        line(align),
        *(line([markdown_escape(text) for text in row]) for row in table.rows),
        "",
        markdown_escape(table.tally),
    ]
    return "\n".join(lines) + "\n"


def comparison_html(
    comparison: Comparison, locale: str = "zh_CN", *, changes_only: bool = False
) -> str:
    """The comparison as an HTML fragment: a ``<table>`` with its title as caption, a
    header row, figures in ``td class="number"``, the tally in ``tfoot``; all text
    escaped."""
    table = comparison_table(comparison, locale, changes_only=changes_only)
    head = "".join(f'<th scope="col">{html_escape(text)}</th>' for text in table.header)
    body = []
    for row in table.rows:
        cells = [f'<th scope="row">{html_escape(row[0])}</th>']
        for i, text in enumerate(row[1:], start=1):
            css = ' class="number"' if i < 5 else ""
            cells.append(f"<td{css}>{html_escape(text)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    span = len(table.header)
    return (
        '<table class="govdisclosure-comparison">\n'
        f"<caption>{html_escape(table.title)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n"
        "<tbody>\n" + "\n".join(body) + ("\n" if body else "") + "</tbody>\n"
        f'<tfoot><tr><td colspan="{span}">{html_escape(table.tally)}</td></tr></tfoot>\n'
        "</table>\n"
    )
