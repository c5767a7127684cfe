"""The site around a report on a government web page, told apart from the report.

Two kinds: elements, left out as the page is walked — ``head``, ``nav``, ``header``,
``footer``, ``aside``, scripts, forms and frames, elements hidden with ``display: none``,
elements whose class or id names a navigation, menu, breadcrumb, header, footer,
sidebar, share box or toolbar (unless they hold a table or the report's title), and the
page header and footer of a document saved as a page by LibreOffice or Word; and text
blocks, dropped with a note once the page is walked — page tools and article
information before the report ("发布时间：…", "【打印】"), and the site's footer after
its last table (版权所有, ICP备, 网站标识码, …).
"""

from __future__ import annotations

import re
from typing import Any

from govdisclosure.readers.blocks import Block, TableBlock, TextBlock
from govdisclosure.readers.facts import parse_title
from govdisclosure.readers.result import Note, NoteKind
from govdisclosure.readers.sections import next_section

__all__ = ["CHROME_TAGS", "UNSEEN_TAGS", "chrome", "hidden", "without_site_text"]

#: Elements that are the site around a report, never the report.
# fmt: off
CHROME_TAGS = frozenset((
    "head", "title", "meta", "link", "nav", "header", "footer", "aside", "script", "style",
    "noscript", "template", "form", "iframe", "frame", "frameset", "object", "embed", "button",
    "select", "option", "textarea", "input", "canvas", "svg", "map",
))
# fmt: on
#: Chrome whose text a reader never sees: not quoted in the note on what was left out.
UNSEEN_TAGS = frozenset(("head", "script", "style", "noscript", "template", "svg"))
#: Words in a class or id that mark the site around a report.
_CHROME_NAMES = re.compile(r"nav|menu|breadcrumb|footer|header|sidebar|share|toolbar", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: How word processors mark a page's header and footer when they save a document as a
#: page: LibreOffice with ``title="footer"``, Word with ``style="mso-element:footer"``.
_MSO_MARGIN = re.compile(r"mso-element\s*:\s*(?:header|footer)", re.I)

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


# --- elements -----------------------------------------------------------------------------


def hidden(element: Any) -> bool:
    """Whether the page hides ``element`` (``hidden``, ``display: none``)."""
    return element.get("hidden") is not None or bool(_HIDDEN.search(element.get("style") or ""))


def chrome(element: Any, tag: str) -> str | None:
    """What part of the site around the report ``element`` (a visible one, its tag
    ``tag``) is, said for a note ("<nav>", "<div menu…>"); ``None`` when it may be the
    report's."""
    if tag in CHROME_TAGS:
        return f"<{tag}>"
    if _page_margin(element):
        return f"<{tag}> of the page's header or footer"
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    found = _CHROME_NAMES.search(names)
    if found is None or _holds_report(element):
        return None
    return f"<{tag} {found.group().lower()}…>"


def _page_margin(element: Any) -> bool:
    """Whether ``element`` is the page header or footer of a saved document (its page
    numbers, "— 3 —"), which is no part of the report's text."""
    title = (element.get("title") or "").strip().lower()
    return title in ("header", "footer") or bool(_MSO_MARGIN.search(element.get("style") or ""))


def _holds_report(element: Any) -> bool:
    """Whether an element marked as site chrome by its class holds the report anyway: a
    table, or a heading that reads as a report's title."""
    for inner in element.iterdescendants("table", "h1", "h2", "h3", "h4", "h5", "h6"):
        if inner.tag == "table" or parse_title(" ".join(inner.itertext())) is not None:
            return True
    return False


# --- text blocks --------------------------------------------------------------------------


def without_site_text(blocks: list[Block]) -> tuple[list[Block], list[Note]]:
    """``blocks`` without the page's information lines before the report's first
    section and the site's footer after its last table, with a note on each."""
    notes: list[Note] = []
    out: list[Block] = []
    started = False
    for block in blocks:
        if isinstance(block, TextBlock) and not started:
            if next_section(block) is not None:
                started = True
            elif len(block.text) <= _SHORT and _PAGE_INFO.match(block.text):
                action = "dropped a line of the page's navigation or article information"
                snippet = block.text.strip()[:40]
                notes.append(Note(NoteKind.LAYOUT.value, "$", snippet, action, block.source))
                continue
        out.append(block)
    tables = [i for i, block in enumerate(out) if isinstance(block, TableBlock)]
    after = tables[-1] + 1 if tables else 0
    # The footer is among the blocks after the last table that are all short: found from
    # the end, once (a tail sliced and measured for each block would cost their square).
    short = len(out)
    while short > after and len(_text(out[short - 1])) <= 2 * _SHORT:
        short -= 1
    for i in range(short, len(out)):
        if _is_site_text(out[i]):
            tail = out[i:]
            dropped = " / ".join(_text(b).strip() for b in tail)
            action = f"dropped {len(tail)} blocks of the site's footer after the report"
            where = "$.report.other_matters"
            notes.append(Note(NoteKind.LAYOUT.value, where, dropped[:60], action, out[i].source))
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
