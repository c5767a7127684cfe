"""The report as HTML: a standalone page (UTF-8, ``lang`` set, no external assets, a
print stylesheet for A4) or, with ``standalone=False``, a fragment to embed. Tables use
``thead``, ``th`` with ``scope`` and ``rowspan``/``colspan`` as the official form merges
its cells; all text is escaped. A report signed with a date ends with the organ and the
date, right-aligned, as printed reports do.

What a page does not print but a report holds — the organ's kind and the scope — goes
into ``<meta name="govdisclosure:organ-kind">`` and ``<meta name="govdisclosure:scope">``
(a fragment: ``data-organ-kind`` and ``data-scope`` on the ``<article>``), so that
:mod:`govdisclosure.readers.html` reads the page back into the same report.

>>> import govdisclosure as gd
>>> page = render_html(gd.load("examples/zhongning-minzheng-2020.json"), locale="zh_CN")
>>> page.startswith('<!DOCTYPE html>\\n<html lang="zh-CN">')
True
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.renderers.clean import NONCHARACTERS
from govdisclosure.renderers.document import Document, Heading, Para, Table, build_document
from govdisclosure.renderers.grid import Grid, GridCell, Role
from govdisclosure.report import AnnualReport, Scope
from govdisclosure.text import Span

__all__ = ["document_html", "grid_html", "page_metadata", "render_html"]

STYLE = """\
.govdisclosure-report { max-width: 48em; margin: 0 auto; padding: 1em;
  font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong",
    "Noto Serif CJK SC", serif;
  font-size: 16pt; line-height: 28pt; color: #000; }
.govdisclosure-report h1 { text-align: center; font-size: 22pt; line-height: 1.4;
  font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC",
    serif; }
.govdisclosure-report h2 { font-size: 16pt;
  font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
.govdisclosure-report h3, .govdisclosure-report .lead { font-size: 16pt; font-weight: normal;
  font-family: "KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", serif; }
.govdisclosure-report p { text-indent: 2em; margin: 0; }
.govdisclosure-report p.signature { text-align: right; text-indent: 0; }
.govdisclosure-report table { border-collapse: collapse; width: 100%; margin: 0.5em 0;
  font-size: 10.5pt; line-height: 1.4; }
.govdisclosure-report th, .govdisclosure-report td { border: 1px solid #000;
  padding: 2pt 4pt; vertical-align: middle; }
.govdisclosure-report th { font-weight: normal; text-align: center; }
.govdisclosure-report th[scope="row"], .govdisclosure-report th[scope="rowgroup"] {
  text-align: left; }
.govdisclosure-report td.number { text-align: center; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  .govdisclosure-report { max-width: none; padding: 0; }
  .govdisclosure-report thead { display: table-header-group; }
  .govdisclosure-report tr { break-inside: avoid; page-break-inside: avoid; }
  .govdisclosure-report h2, .govdisclosure-report h3 { break-after: avoid; }
}
"""

_LANG = {"zh_CN": "zh-CN", "en": "en"}


def _spans(spans: tuple[Span, ...]) -> str:
    return "".join(
        f"<strong>{escape(s.text)}</strong>" if s.bold else escape(s.text) for s in spans
    )


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


def grid_html(grid: Grid, section: str) -> str:
    """A grid as an HTML table."""
    lines = [f'<table class="table-{grid.number} {section}">']
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


#: Characters an HTML page may not hold (controls, noncharacters), escaped in JSON instead.
_NOT_IN_HTML = re.compile(f"[\x7f-\x9f{NONCHARACTERS}]")


def _json_escape(match: re.Match[str]) -> str:
    """A character as a JSON escape: a surrogate pair beyond the Basic Multilingual Plane."""
    code = ord(match[0])
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def page_metadata(report: AnnualReport) -> dict[str, str]:
    """What a page does not print but the report holds, by metadata name: the organ's
    kind, and the scope when it is not the organ itself (as in the JSON form).

    >>> from govdisclosure import AnnualReport, Scope
    >>> r = AnnualReport("某县人民政府", 2021, organ_kind="government",
    ...                  scope=Scope.aggregate(["县教育局"]))
    >>> page_metadata(r)
    {'organ-kind': 'government', 'scope': '{"kind":"aggregate","organs":["县教育局"]}'}
    """
    out: dict[str, str] = {}
    if report.organ_kind is not None:
        out["organ-kind"] = report.organ_kind.value
    if report.scope != Scope():
        scope = {"kind": report.scope.kind.value, "organs": list(report.scope.organs)}
        text = json.dumps(scope, ensure_ascii=False, separators=(",", ":"))
        out["scope"] = _NOT_IN_HTML.sub(_json_escape, text)
    return out


def document_html(doc: Document, metadata: dict[str, str] | None = None) -> str:
    """The report as an ``<article>`` element; ``metadata`` (see :func:`page_metadata`)
    becomes its ``data-`` attributes."""
    data = "".join(f' data-{name}="{escape(value)}"' for name, value in (metadata or {}).items())
    lines = [f'<article class="govdisclosure-report"{data}>', f"<h1>{escape(doc.title)}</h1>"]
    for block in doc.blocks:
        if isinstance(block, Heading):
            tag = "h2" if block.level == 1 else "h3"
            lines.append(f"<{tag}>{escape(block.text)}</{tag}>")
        elif isinstance(block, Para):
            lead = f'<span class="lead">{escape(block.lead)}</span>' if block.lead else ""
            lines.append(f"<p>{lead}{_spans(block.spans)}</p>")
        elif isinstance(block, Table):
            lines.append(grid_html(block.grid, block.section.value))
    if doc.published_text:  # signed as published: the organ, then the date
        lines.append(f'<p class="signature">{escape(doc.organ)}</p>')
        lines.append(f'<p class="signature">{escape(doc.published_text)}</p>')
    lines.append("</article>")
    return "\n".join(lines)


def render_html(
    report: AnnualReport, *, locale: str, standalone: bool = True, **options: Any
) -> str:
    """The report as a standalone HTML page (``.html``), or with ``standalone=False`` as
    a fragment to embed: the html format's render side."""
    if options:
        raise OptionError(f"the html format takes only 'standalone', got {', '.join(options)}")
    doc = build_document(report, locale)
    metadata = page_metadata(report)
    if not standalone:
        return document_html(doc, metadata) + "\n"
    meta = "".join(
        f'<meta name="govdisclosure:{name}" content="{escape(value)}">\n'
        for name, value in metadata.items()
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_LANG[doc.locale]}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{meta}"
        f"<title>{escape(doc.title)}</title>\n"
        f"<style>\n{STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        f"{document_html(doc)}\n"
        "</body>\n"
        "</html>\n"
    )
