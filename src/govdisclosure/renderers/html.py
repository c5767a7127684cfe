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
>>> page = render_html(gd.examples.load("zhongning-minzheng-2020"), locale="zh_CN")
>>> page.startswith('<!DOCTYPE html>\\n<html lang="zh-CN">')
True
"""

from __future__ import annotations

import functools
import json
import re
from html import escape
from typing import Any

from govdisclosure.errors import OptionError
from govdisclosure.renderers.clean import NONCHARACTERS
from govdisclosure.renderers.document import Document, Heading, Para, Table, build_document
from govdisclosure.renderers.grid import Grid
from govdisclosure.renderers.htmltable import grid_html as table_html
from govdisclosure.report import AnnualReport, Scope
from govdisclosure.text import Span

__all__ = ["document_html", "grid_html", "page_metadata", "print_style", "render_html"]

# The screen style. The print style (A4, margins, page numbers) is made from the DOCX
# preset's page, so that a printed page and a DOCX page are laid out alike.
_SCREEN = """\
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
"""

_LANG = {"zh_CN": "zh-CN", "en": "en"}


def _spans(spans: tuple[Span, ...]) -> str:
    return "".join(
        f"<strong>{escape(s.text)}</strong>" if s.bold else escape(s.text) for s in spans
    )


def grid_html(grid: Grid, section: str) -> str:
    """A grid as an HTML table, of the classes ``table-<number>`` and ``section``."""
    return table_html(grid, f"table-{grid.number} {section}")


def _mm(length: float) -> str:
    return f"{length:g}mm"


@functools.cache
def print_style() -> str:
    """The print stylesheet: the page, margins and page number of the DOCX preset
    (GB/T 9704: A4, the number at the foot between dashes, odd pages right and even
    pages left, a character in from the text's edge); header rows repeated on every
    page, rows kept whole, headings kept with what follows."""
    # Rows are kept whole, but not one where a cell merged down starts (table 三's
    # results, over 20 rows): kept whole, it takes every row it spans to the next page
    # and leaves half a page empty. A block's caption and header row (table 二) stay
    # with the block's first row.
    # The preset is plain data (python-docx is imported only to write a DOCX); imported
    # here, on the first page rendered, so that importing this module stays cheap.
    from govdisclosure.renderers.docx.preset import GB_T_9704

    page = GB_T_9704

    font = page.page_number
    faces = ", ".join(f'"{face}"' for face in dict.fromkeys((font.latin, font.east_asian)))
    number = (
        f'content: "— " counter(page) " —"; font-family: {faces}, serif; '
        f"font-size: {font.size:g}pt; vertical-align: bottom; "
        f"padding-bottom: {_mm(page.footer_distance)};"
    )
    margins = " ".join(
        _mm(m) for m in (page.margin_top, page.margin_right, page.margin_bottom, page.margin_left)
    )
    return f"""\
@media print {{
  @page {{ size: {_mm(page.page_width)} {_mm(page.page_height)}; margin: {margins}; }}
  @page :right {{ @bottom-right {{ {number} padding-right: 1em; }} }}
  @page :left {{ @bottom-left {{ {number} padding-left: 1em; }} }}
  .govdisclosure-report {{ max-width: none; padding: 0; }}
  .govdisclosure-report thead {{ display: table-header-group; }}
  .govdisclosure-report tr {{ break-inside: avoid; page-break-inside: avoid; }}
  .govdisclosure-report tr:has(> [rowspan]) {{ break-inside: auto; page-break-inside: auto; }}
  .govdisclosure-report tr:has(> th.caption), .govdisclosure-report tr:has(> th.corner) {{
    break-after: avoid; page-break-after: avoid; }}
  .govdisclosure-report h1, .govdisclosure-report h2, .govdisclosure-report h3 {{
    break-after: avoid; page-break-after: avoid; }}
  .govdisclosure-report p.signature {{ break-before: avoid; page-break-before: avoid; }}
}}
"""


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
        f"<style>\n{_SCREEN}{print_style()}</style>\n"
        "</head>\n"
        "<body>\n"
        f"{document_html(doc)}\n"
        "</body>\n"
        "</html>\n"
    )
