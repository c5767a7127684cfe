"""Reports as web pages: a government site's article page, or a page (or fragment) this
library's HTML format wrote.

The page is parsed by lxml's HTML parser with the network off and comments and
processing instructions dropped; a page that declares entities (``<!ENTITY``) is refused
before it is parsed, as is one longer than
:data:`~govdisclosure.readers.limits.MAX_TEXT_CHARS`. Bytes are decoded as the page
says (a byte-order mark, ``<meta charset>``), else as UTF-8, else as GB 18030.

The document is then walked in order into :mod:`blocks <govdisclosure.readers.blocks>`:

* the site around the report is left out: ``head``, ``nav``, ``header``, ``footer``,
  ``aside``, scripts, forms and frames, elements hidden with ``display: none``, and
  elements whose class or id names a navigation, menu, breadcrumb, header, footer,
  sidebar, share box or toolbar (unless they hold a table or the report's title); the
  page header and footer of a document saved as a page by LibreOffice or Word;
  page tools and article information before the report ("发布时间：…", "【打印】"), and
  the site's footer after it (版权所有, ICP备, 网站标识码, …), are dropped with a note;
* ``h1`` to ``h6`` become headings of their level; every other paragraph (``p``,
  ``li``, the text of a ``div``, a line ended by ``<br>``) a text block, with the runs
  set in ``b``, ``strong`` or ``font-weight: bold`` as bold spans. White space is
  collapsed as a browser shows it: a line break in the source between two Chinese
  characters vanishes, any other run of white space is one space;
* a ``table`` becomes a table block: one cell per cell as printed (a cell merged over
  rows appears in its first row only), with its ``colspan``, and where it stands in the
  grid. Tables inside a cell are flattened into the cell's text; a table that lays out
  the page (it holds headings, or a table of its own and hardly any rows) is walked like
  any other container.

What a page of this library's HTML format does not print — the organ's kind and the
scope — is read from its metadata (``govdisclosure:organ-kind``, ``govdisclosure:scope``;
or ``govdisclosure.organ_kind`` and ``govdisclosure.scope``, our DOCX's properties as a
word processor carries them into a page it saves);
a page written by it and naming no kind leaves the kind unknown rather than guessing it
from the organ's name.

>>> import govdisclosure as gd
>>> report = gd.load("examples/shiyan-ziranziyuan-2022.json")
>>> result = read_html(gd.render(report, "html"))
>>> result.report == report
True
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

import lxml.etree
import lxml.html

from govdisclosure.categories import OrganKind, ScopeKind, Section
from govdisclosure.errors import GovDisclosureError, ReadError
from govdisclosure.readers.blocks import Block, RawCell, TableBlock, TextBlock
from govdisclosure.readers.build import build_report, section_of
from govdisclosure.readers.facts import parse_title
from govdisclosure.readers.limits import MAX_TEXT_CHARS, check_size
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef
from govdisclosure.report import Scope
from govdisclosure.text import Span

__all__ = ["decode_html", "html_blocks", "read_html"]

#: Elements that are the site around a report, never the report.
# fmt: off
_CHROME_TAGS = frozenset((
    "head", "title", "meta", "link", "nav", "header", "footer", "aside", "script", "style",
    "noscript", "template", "form", "iframe", "frame", "frameset", "object", "embed", "button",
    "select", "option", "textarea", "input", "canvas", "svg", "map",
))
# fmt: on
#: Words in a class or id that mark the site around a report.
_CHROME_NAMES = re.compile(r"nav|menu|breadcrumb|footer|header|sidebar|share|toolbar", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: Elements that end the paragraph before them and start a new one.
# fmt: off
_BLOCK_TAGS = frozenset((
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "hgroup", "hr", "html", "li",
    "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
))
# fmt: on
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BOLD_TAGS = frozenset({"b", "strong"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[7-9]00)\b", re.I)
_NORMAL_STYLE = re.compile(r"font-weight\s*:\s*(normal|lighter|[1-5]00)\b", re.I)
#: White space HTML collapses (not U+00A0 or U+3000, which a page prints on purpose).
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_COLLAPSIBLE = re.compile(r"[\t\n\r\f]|  ")
_ENTITY = re.compile(r"<!ENTITY", re.I)
#: Marks the edge of a cell of a table inside a cell, while its text is collapsed.
_CELL_EDGE = "\ue000"
_CELL_EDGES = re.compile(r"\s*\ue000[\ue000\s]*")
#: What a cell's text may hold and still read as it stands (no white space to collapse
#: or strip, no cell edge): \s is str.isspace, non-breaking and ideographic spaces too.
_NOT_PLAIN = re.compile(r"[\s\ue000]")
#: A table this large is no table of a report (they have some 40 rows and 17 columns),
#: and spreading its merged cells over the grid would cost time for nothing.
_MAX_ROWS = 500
_MAX_COLUMNS = 100
#: A table with this few rows that holds a table of its own lays out the page.
_LAYOUT_ROWS = 3

# Text a site prints around an article; matched only in short blocks.
_SHORT = 120
_FOOTER = re.compile(
    r"版权所有|ICP\s*备|网站标识码|公网安备|技术支持[:：]|主办单位|承办单位|主办[:：]|承办[:：]"
    r"|维护单位|Copyright|©|网站地图|上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|【\s*打印\s*】"
    r"|【\s*关闭\s*】|^\s*(?:联系我们|返回顶部|打印|关闭|分享到[:：]?.*)\s*$",
    re.I,
)
_PAGE_INFO = re.compile(
    r"^\s*(?:(?:当前位置|您(?:现在)?的?位置|所在位置)\s*[:：]|首页\s*[>»\uff1e]"
    r"|.{0,40}(?:发布(?:时间|日期)|信息来源|来源|浏览次数|阅读次数|点击(?:数|量|次数)"
    r"|访问(?:量|次数)|字号|字体)\s*[:：])"
)
_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.I,
)
#: Encodings pages declare, read with the codec that reads them all (GB 18030 is a
#: superset of GBK and GB 2312, as browsers decode them).
_CODECS = dict.fromkeys(("gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80"), "gb18030") | {
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
#: Our pages' metadata ("govdisclosure:organ-kind"), and the custom properties of our DOCX
#: as a word processor carries them into a page it saves ("govdisclosure.organ_kind").
_META = re.compile(r"govdisclosure[:.](organ[-_]kind|scope)\Z")
_OURS = "govdisclosure-report"


def decode_html(data: bytes, source: str | None = None) -> tuple[str, list[Note]]:
    """A page's text from its bytes, and a note when it is not in the encoding it
    declares: a byte-order mark decides, then ``<meta charset>`` (or the XML
    declaration); a page without one, or not in the one it declares, is read as UTF-8,
    else as GB 18030 (see :func:`~govdisclosure.readers.decode_text`).

    >>> decode_html('<meta charset="gbk"><p>中宁县</p>'.encode("gbk"))[0][-10:]
    '<p>中宁县</p>'
    """
    from govdisclosure.readers import decode_text

    check_size(len(data), 4 * MAX_TEXT_CHARS, "the page", source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError:
                break
    match = _CHARSET.search(data[:8192])
    notes = []
    if match is not None:
        declared = (match[1] or match[2]).decode("ascii").lower()
        codec = _CODECS.get(declared, declared)
        try:
            return data.decode(codec), []
        except (LookupError, UnicodeDecodeError) as err:
            why = "is unknown" if isinstance(err, LookupError) else "does not decode it"
            action = f"the encoding the page declares {why}; read it as UTF-8 or GB 18030"
            at = SourceRef(line=data.count(b"\n", 0, match.start()) + 1, file=source)
            notes.append(_note(NoteKind.LAYOUT, "$", declared, action, at))
    return decode_text(data, source), notes


def _parse(text: str, source: str | None) -> Any:
    """The page's element tree, parsed safely (see the module's documentation)."""
    check_size(len(text), MAX_TEXT_CHARS, "the page", source)
    entity = _ENTITY.search(text)
    if entity is not None:
        line = text.count("\n", 0, entity.start()) + 1
        raise ReadError(
            "the page declares entities (<!ENTITY); they are refused, as they can expand "
            "without bound or reach outside the page",
            source=source,
            location=f"line {line}",
        )
    # The parser reads bytes in the encoding it is told: the text is already decoded, and
    # a <meta charset> inside must not make it decode again. It never loads a DTD.
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        default_doctype=False,
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.LxmlError, ValueError) as err:
        message = (
            "the page is empty" if "empty" in str(err) else f"the page cannot be parsed: {err}"
        )
        raise ReadError(message, source=source) from None
    for error in parser.error_log:
        # Errors libxml2 recovers from (a missing end tag) are the web's daily bread; a
        # fatal one means it stopped reading, and what follows would be lost silently.
        if error.level_name == "FATAL":
            raise ReadError(
                f"the page cannot be read: {error.message.strip()}",
                source=source,
                location=f"line {error.line}, column {error.column}",
            )
    return root


def _note(kind: NoteKind, where: str, snippet: str, action: str, at: SourceRef | None) -> Note:
    return Note(kind.value, where, snippet, action, at)


# --- text -------------------------------------------------------------------------------


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _replacement(text: str, start: int, end: int) -> str:
    """What the run of white space ``text[start:end]`` shows as: nothing for a line break
    between two wide (Chinese) characters, where a source line was wrapped, else a space."""
    run = text[start:end]
    wrapped = ("\n" in run or "\r" in run) and start > 0 and end < len(text)
    return "" if wrapped and _wide(text[start - 1]) and _wide(text[end]) else " "


def _collapse(text: str) -> str:
    """``text`` with its white space collapsed as a browser shows it."""
    return _HTML_SPACE.sub(lambda match: _replacement(text, *match.span()), text)


def _collapsed(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A paragraph's pieces of text with the white space collapsed across them, each
    run replaced in the piece it starts in (so pieces keep their places)."""
    text = "".join(piece for piece, _ in pieces)
    if not _COLLAPSIBLE.search(text):
        return pieces
    kept = list(text)
    for match in _HTML_SPACE.finditer(text):
        start, end = match.span()
        kept[start] = _replacement(text, start, end)
        kept[start + 1 : end] = [""] * (end - start - 1)
    out = []
    position = 0
    for piece, bold in pieces:
        out.append(("".join(kept[position : position + len(piece)]), bold))
        position += len(piece)
    return out


def _spans(pieces: Sequence[tuple[str, bool]]) -> tuple[Span, ...]:
    """Spans of the pieces, neighbours of the same weight merged, empty ones dropped."""
    merged: list[Span] = []
    for piece, bold in pieces:
        if not piece:
            continue
        if merged and merged[-1].bold == bold:
            merged[-1] = Span(merged[-1].text + piece, bold)
        else:
            merged.append(Span(piece, bold))
    return tuple(merged)


def _cell_text(element: Any) -> str:
    """The text of a table cell, stripped: line breaks and the boundaries of paragraphs
    as white space (collapsed as in a paragraph: nothing between Chinese characters),
    non-breaking and ideographic spaces as spaces, and the cells of a table inside it
    flattened, a space between each two."""
    if not len(element):  # text alone, as most cells: plain unless it holds white space
        text = element.text or ""
        if not _NOT_PLAIN.search(text):
            return text
    parts: list[str] = [element.text or ""]

    def collect(node: Any) -> None:
        for child in node:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and not (tag in _CHROME_TAGS or _hidden(child)):
                # Cells inside stand apart: their boundary is a space whatever is around.
                edge = _CELL_EDGE if tag in ("td", "th") else "\n"
                if tag == "br" or tag in _BLOCK_TAGS:
                    parts.append(edge)
                parts.append(child.text or "")
                collect(child)
                if tag in _BLOCK_TAGS:
                    parts.append(edge)
            parts.append(child.tail or "")

    collect(element)
    text = "".join(parts).replace("\u00a0", " ").replace("\u3000", " ")
    return _CELL_EDGES.sub(" ", _collapse(text)).strip()


#: How word processors mark a page's header and footer when they save a document as a
#: page: LibreOffice with ``title="footer"``, Word with ``style="mso-element:footer"``.
_MSO_MARGIN = re.compile(r"mso-element\s*:\s*(?:header|footer)", re.I)


def _page_margin(element: Any) -> bool:
    """Whether ``element`` is the page header or footer of a saved document (its page
    numbers, "— 3 —"), which is no part of the report's text."""
    title = (element.get("title") or "").strip().lower()
    return title in ("header", "footer") or bool(_MSO_MARGIN.search(element.get("style") or ""))


def _hidden(element: Any) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN.search(element.get("style") or ""))


# --- walking the page -------------------------------------------------------------------


class _Walker:
    """Walks a page's elements in order into blocks (see the module's documentation)."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.pieces: list[tuple[str, bool]] = []
        self.line: int | None = None
        self.heading = 0
        self.lead = 0  # the pieces of a run-in title marked at the paragraph's start
        self.tables = 0
        self.chrome: dict[str, str] = {}  # what was left out, by description: its text
        self.chrome_line: int | None = None  # where the first of it was

    # -- paragraphs --------------------------------------------------------------------

    def add(self, text: str | None, bold: bool, element: Any) -> None:
        if not text:
            return
        if not self.pieces:
            self.line = element.sourceline
        self.pieces.append((text, bold))

    def flush(self) -> None:
        """End the paragraph being collected (a heading when ``heading`` is set)."""
        pieces, self.pieces = _collapsed(self.pieces), []
        heading, self.heading = self.heading, 0
        lead, self.lead = sum(len(piece) for piece, _ in pieces[: self.lead]), 0
        if not any(piece.strip() for piece, _ in pieces):
            return
        where = SourceRef(line=self.line, file=self.source)
        self.blocks.append(TextBlock(_spans(pieces), where, heading=heading, lead=lead))

    # -- elements ----------------------------------------------------------------------

    def walk(self, element: Any, bold: bool = False) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag:  # an entity reference or the like: its tail is the parent's
            return
        if self.is_chrome(element, tag):
            return
        if tag == "br":
            if self.heading:
                self.add("\n", bold, element)  # a heading on two lines is one heading
            else:
                self.flush()
            return
        if tag in _HEADINGS:
            self.flush()
            self.heading = _HEADINGS[tag]
            self.children(element, bold)
            self.flush()
            return
        if tag == "table":
            self.flush()
            self.table(element)
            return
        block = tag in _BLOCK_TAGS and not self.heading
        if block:
            self.flush()
        lead = "lead" in (element.get("class") or "").split() and not any(
            piece.strip() for piece, _ in self.pieces
        )
        self.children(element, _bold(element, tag, bold))
        if block:
            self.flush()
        elif lead:
            # This library's HTML sets a run-in subsection title in <span class="lead">:
            # the title ends there, whatever punctuation it has.
            self.lead = len(self.pieces)

    def children(self, element: Any, bold: bool) -> None:
        self.add(element.text, bold, element)
        for child in element:
            self.walk(child, bold)
            self.add(child.tail, bold, element)

    def is_chrome(self, element: Any, tag: str) -> bool:
        """Whether ``element`` is the site around the report (and note what it said)."""
        if _hidden(element):
            return True
        if tag in _CHROME_TAGS:
            what = f"<{tag}>"
        elif _page_margin(element):
            what = f"<{tag}> of the page's header or footer"
        else:
            names = f"{element.get('class') or ''} {element.get('id') or ''}"
            found = _CHROME_NAMES.search(names)
            if found is None or _holds_report(element):
                return False
            what = f"<{tag} {found.group().lower()}…>"
        if tag not in ("head", "script", "style", "noscript", "template", "svg"):
            text = _collapse(" ".join(element.itertext())).strip()
            if text:
                self.chrome.setdefault(what, text)
                self.chrome_line = self.chrome_line or element.sourceline
        return True

    # -- tables ------------------------------------------------------------------------

    def table(self, element: Any) -> None:
        rows = list(_own_rows(element))
        if _lays_out(element, [tr for _, tr in rows]):
            self.children(element, False)  # cells are block elements: one paragraph each
            return
        for caption in element.iterchildren("caption"):
            self.walk(caption)
        grid = self.grid(rows)
        if grid is None:
            return
        if any(cell.text for row in grid for cell in row):
            where = SourceRef(table=self.tables, file=self.source)
            self.blocks.append(TableBlock(tuple(grid), where, exact=True))
            self.tables += 1

    def grid(self, rows: list[tuple[Any, Any]]) -> list[tuple[RawCell, ...]] | None:
        """The table's rows of cells, each where it stands in the grid once the cells
        merged from the rows above are set aside; ``None`` for a table too large to be
        a report's."""
        out: list[tuple[RawCell, ...]] = []
        covered: list[tuple[int, int, int]] = []  # (first column, end, last row) above
        last_of = {id(g): i for i, (g, _) in enumerate(rows)}  # each group's last row
        group = None
        for r, (row_group, tr) in enumerate(rows):
            if row_group is not group:  # a merged cell ends with its row group
                group, covered = row_group, []
            covered = [c for c in covered if c[2] >= r]
            last_in_group = last_of[id(group)]
            cells: list[RawCell] = []
            column = 0
            for td in tr:
                tag = td.tag
                if not isinstance(tag, str) or tag.lower() not in ("td", "th"):
                    continue
                if covered:
                    column = _free(column, covered)
                span = min(_number(td.get("colspan")), 1000)
                down = _number(td.get("rowspan"), zero=last_in_group - r + 1)
                where = SourceRef(table=self.tables, row=r, column=column, file=self.source)
                cells.append(RawCell(_cell_text(td), where, span=span))
                if down > 1:
                    covered.append((column, column + span, min(r + down - 1, last_in_group)))
                column += span
                if column > _MAX_COLUMNS:
                    break
            if column > _MAX_COLUMNS or r >= _MAX_ROWS:
                action = (
                    f"a table of more than {_MAX_ROWS} rows or {_MAX_COLUMNS} columns is no "
                    "table of a report; left it out"
                )
                at = SourceRef(line=tr.sourceline, file=self.source)
                self.notes.append(_note(NoteKind.LAYOUT, "$", _cell_text(tr)[:40], action, at))
                return None
            if cells:
                out.append(tuple(cells))
        return out


def _free(column: int, covered: list[tuple[int, int, int]]) -> int:
    """The first grid column from ``column`` on that no merged cell above covers."""
    moved = True
    while moved:
        moved = False
        for first, end, _ in covered:
            if first <= column < end:
                column, moved = end, True
    return column


_SPAN_NUMBER = re.compile(r"\s*(\d+)")


def _number(value: str | None, zero: int = 1) -> int:
    """A ``colspan`` or ``rowspan``: a positive whole number, 1 when it is none (browsers
    read "2px" as 2); 0 in a rowspan means "to the end of the row group"."""
    if value is None:
        return 1
    match = _SPAN_NUMBER.match(value)
    if match is None:
        return 1
    number = int(match[1][:6])
    return zero if number == 0 else number


def _own_rows(table: Any) -> Iterator[tuple[Any, Any]]:
    """The rows of ``table`` itself (not of tables inside its cells), each with the row
    group it belongs to (``thead``, ``tbody``, ``tfoot``, or the table)."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield table, child
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag.lower() == "tr":
                    yield child, tr


def _lays_out(table: Any, rows: list[Any]) -> bool:
    """Whether ``table`` lays out the page rather than holding figures: a heading in it,
    a table of several rows inside one of few rows, or no row of more than one cell (a
    report's tables have a label and figures in every row)."""
    if all(sum(1 for cell in tr if isinstance(cell.tag, str)) <= 1 for tr in rows):
        return True
    for tr in rows:
        for cell in tr:
            if not isinstance(cell.tag, str):
                continue
            for inner in cell.iter("h1", "h2", "h3", "h4", "h5", "h6", "table"):
                if inner.tag != "table" or (
                    len(rows) <= _LAYOUT_ROWS and len(list(_own_rows(inner))) > 1
                ):
                    return True
    return False


def _holds_report(element: Any) -> bool:
    """Whether an element marked as site chrome by its class holds the report anyway: a
    table, or a heading that reads as a report's title."""
    for inner in element.iterdescendants("table", "h1", "h2", "h3", "h4", "h5", "h6"):
        if inner.tag == "table" or parse_title(" ".join(inner.itertext())) is not None:
            return True
    return False


def _bold(element: Any, tag: str, bold: bool) -> bool:
    style = element.get("style") or ""
    if tag in _BOLD_TAGS or _BOLD_STYLE.search(style):
        return True
    if _NORMAL_STYLE.search(style):
        return False
    return bold


# --- the site around the report ---------------------------------------------------------


def _without_site_text(blocks: list[Block], source: str | None) -> tuple[list[Block], list[Note]]:
    """``blocks`` without the page's information lines before the report's first
    section and the site's footer after its last table, with a note on each."""
    notes: list[Note] = []
    out: list[Block] = []
    started = False
    for block in blocks:
        if isinstance(block, TextBlock) and not started:
            if any(section_of(block, section) for section in Section):
                started = True
            elif len(block.text) <= _SHORT and _PAGE_INFO.match(block.text):
                action = "dropped a line of the page's navigation or article information"
                notes.append(
                    _note(NoteKind.LAYOUT, "$", block.text.strip()[:40], action, block.source)
                )
                continue
        out.append(block)
    tables = [i for i, block in enumerate(out) if isinstance(block, TableBlock)]
    after = tables[-1] + 1 if tables else 0
    for i in range(after, len(out)):
        tail = out[i:]
        if _is_site_text(out[i]) and all(len(_text(b)) <= 2 * _SHORT for b in tail):
            dropped = " / ".join(_text(b).strip() for b in tail)
            action = f"dropped {len(tail)} blocks of the site's footer after the report"
            where = "$.report.other_matters"
            notes.append(_note(NoteKind.LAYOUT, where, dropped[:60], action, out[i].source))
            return out[:i], notes
    return out, notes


def _text(block: Block) -> str:
    return block.text if isinstance(block, TextBlock) else "…"


def _is_site_text(block: Block) -> bool:
    return (
        isinstance(block, TextBlock)
        and len(block.text) <= _SHORT
        and _FOOTER.search(block.text) is not None
    )


def html_blocks(text: str, source: str | None = None) -> tuple[list[Block], list[Note]]:
    """The blocks of a page (see the module's documentation), and notes on what was
    left out.

    >>> blocks, notes = html_blocks(
    ...     "<nav>首页</nav><h1>某局2021年政府信息公开工作年度报告</h1>"
    ...     "<p><b>一是</b>加强<br>组织领导。</p>"
    ...     "<table><tr><td colspan=2>规章</td><td>3</td></tr></table>"
    ... )
    >>> [(type(b).__name__, getattr(b, "heading", None)) for b in blocks]
    [('TextBlock', 1), ('TextBlock', 0), ('TextBlock', 0), ('TableBlock', None)]
    >>> blocks[1].spans
    (Span(text='一是', bold=True), Span(text='加强', bold=False))
    >>> cell = blocks[3].rows[0][0]
    >>> cell.text, cell.span, str(cell.source)
    ('规章', 2, 'table 1, row 1, column 1')
    """
    return _blocks(_parse(text, source), source)


def _blocks(root: Any, source: str | None) -> tuple[list[Block], list[Note]]:
    walker = _Walker(source)
    walker.walk(root)
    walker.flush()
    notes = list(walker.notes)
    if walker.chrome:
        shown = "; ".join(f"{what} {text[:20]}" for what, text in walker.chrome.items())
        action = "left out the site around the report: " + ", ".join(walker.chrome)
        at = SourceRef(line=walker.chrome_line, file=source)
        notes.append(_note(NoteKind.LAYOUT, "$", shown[:80], action, at))
    blocks, dropped = _without_site_text(walker.blocks, source)
    return blocks, [*notes, *dropped]


# --- metadata ---------------------------------------------------------------------------


def _metadata(root: Any) -> tuple[dict[str, tuple[str, int | None]], bool]:
    """What this library's page records beyond the report's print (``organ-kind``,
    ``scope``; in ``<meta>`` or on the article), each with the line it is on; and
    whether the page is one of its."""
    values: dict[str, tuple[str, int | None]] = {}
    ours = root.find_class(_OURS)
    for element in ours:
        for name in ("organ-kind", "scope"):
            value = element.get(f"data-{name}")
            if value is not None:
                values.setdefault(name, (value, element.sourceline))
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        content = meta.get("content")
        found = _META.match(name)
        if found is not None and content is not None:
            values[found[1].replace("_", "-")] = (content, meta.sourceline)
    return values, bool(ours)


def _organ_kind(
    printed: str | None, ours: bool, at: SourceRef
) -> tuple[dict[str, Any], Note | None]:
    """The ``organ_kind`` option the page's metadata gives, and a note on it."""
    where = "$.report.organ_kind"
    # A page of this library records the kind whenever the report has one: without it
    # the kind is unknown, and must not be guessed from the organ's name.
    unknown: dict[str, Any] = {"organ_kind": None} if ours else {}
    if printed is None:
        return unknown, None
    try:
        kind = OrganKind.coerce(printed.strip())
    except (GovDisclosureError, KeyError, ValueError):
        action = "the page's metadata names no kind of organ; ignored it"
        return unknown, _note(NoteKind.LAYOUT, where, printed[:40], action, at)
    action = (
        f"the page's metadata (govdisclosure:organ-kind) says the organ is a {kind.value} "
        f"({kind.zh})"
    )
    return {"organ_kind": kind}, _note(NoteKind.INFERRED, where, printed, action, at)


def _scope(printed: str, at: SourceRef) -> tuple[dict[str, Any], Note]:
    """The ``scope`` option the page's metadata gives (JSON, as in the JSON form), and a
    note on it."""
    where = "$.report.scope"
    try:
        data = json.loads(printed)
        organs = data.get("organs", [])
        if not isinstance(organs, list):
            raise TypeError("organs must be a list")
        scope = Scope(ScopeKind.coerce(data["kind"]), tuple(organs))
    except (GovDisclosureError, KeyError, ValueError, TypeError, AttributeError) as err:
        action = f"the page's metadata gives no scope that can be read ({err}); ignored it"
        return {}, _note(NoteKind.LAYOUT, where, printed[:60], action, at)
    action = "read the scope from the page's metadata (govdisclosure:scope)"
    return {"scope": scope}, _note(NoteKind.INFERRED, where, printed[:60], action, at)


def read_html(
    data: bytes | str, *, source: str | None = None, fmt: str = "html", **options: Any
) -> ReadResult:
    """Read a report from a web page or an HTML fragment (see the module's
    documentation); options as for :func:`~govdisclosure.readers.build.build_report`,
    and they take precedence over what the page's metadata says."""
    notes: list[Note] = []
    if isinstance(data, (bytes, bytearray, memoryview)):
        text, notes = decode_html(bytes(data), source)
    elif isinstance(data, str):
        text = data
    else:
        raise ReadError(f"a page must be bytes or a str, got {type(data).__name__}", source=source)
    root = _parse(text, source)
    blocks, walked = _blocks(root, source)
    if not blocks:
        raise ReadError("the page holds no text", source=source)
    values, ours = _metadata(root)
    given: dict[str, Any] = {}
    if "organ_kind" not in options:
        printed, line = values.get("organ-kind", (None, None))
        kind, note = _organ_kind(printed, ours, SourceRef(line=line, file=source))
        given.update(kind)
        notes += [note] if note else []
    if "scope" not in options and "scope" in values:
        printed, line = values["scope"]
        scope, note = _scope(printed, SourceRef(line=line, file=source))
        given.update(scope)
        notes.append(note)
    result = build_report(blocks, fmt=fmt, source=source, **given, **options)
    return ReadResult(
        result.report,
        (*notes, *walked, *result.notes),
        result.sources,
        format=fmt,
    )
