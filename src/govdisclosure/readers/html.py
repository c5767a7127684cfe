"""Reports as web pages: a government site's article page, or a page (or fragment) this
library's HTML format wrote.

The page is parsed by lxml's HTML parser with the network off and comments and
processing instructions dropped; a page that declares entities (``<!ENTITY``) is refused
before it is parsed, as is one longer than
:data:`~govdisclosure.limits.MAX_PAGE_CHARS`, and one that nests elements deeper
than :data:`~govdisclosure.limits.MAX_DEPTH` as it is parsed or walked. Bytes
are decoded as the page says (a byte-order mark, ``<meta charset>``), else as UTF-8,
else as GB 18030.

The document is then walked in order into :mod:`blocks <govdisclosure.readers.blocks>`
(:mod:`~govdisclosure.readers.htmlwalk`): the site around the report is left out
(:mod:`~govdisclosure.readers.sitechrome`: navigation, headers, footers, breadcrumbs,
hidden elements, article information and the site's footer, each with a note); headings
become headings, every other paragraph a text block with its bold runs, white space
collapsed as a browser shows it; a ``table`` becomes a table block of its cells as
printed, each where it stands in the grid.

What a page of this library's HTML format does not print — the organ's kind and the
scope — is read from its metadata (``govdisclosure:organ-kind``, ``govdisclosure:scope``;
or ``govdisclosure.organ_kind`` and ``govdisclosure.scope``, our DOCX's properties as a
word processor carries them into a page it saves);
a page written by it and naming no kind leaves the kind unknown rather than guessing it
from the organ's name.

>>> import govdisclosure as gd
>>> report = gd.examples.load("shiyan-ziranziyuan-2022")
>>> result = read_html(gd.render(report, "html"))
>>> result.report == report
True
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs
import lxml.etree
import lxml.html

from govdisclosure.categories import OrganKind, ScopeKind
from govdisclosure.errors import GovDisclosureError, ReadError
from govdisclosure.readers.blocks import Block
from govdisclosure.readers.build import build_report
from govdisclosure.readers.htmlwalk import walk_page
from govdisclosure.readers.limits import MAX_DEPTH, MAX_PAGE_CHARS, check_size
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef
from govdisclosure.report import Scope

__all__ = ["decode_html", "html_blocks", "read_html"]

_ENTITY = re.compile(r"<!ENTITY", re.I)
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

    check_size(len(data), 4 * MAX_PAGE_CHARS, "the page", source)
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
    check_size(len(text), MAX_PAGE_CHARS, "the page", source)
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
            # libxml2 stops at 256 levels ("Excessive depth in document"); say so plainly.
            deep = "depth" in error.message.lower()
            raise ReadError(
                f"the page nests elements more than {MAX_DEPTH} deep; no report does"
                if deep
                else f"the page cannot be read: {error.message.strip()}",
                source=source,
                location=f"line {error.line}, column {error.column}",
            )
    return root


def _note(kind: NoteKind, where: str, snippet: str, action: str, at: SourceRef | None) -> Note:
    return Note(kind.value, where, snippet, action, at)


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
    return walk_page(_parse(text, source), source)


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
    blocks, walked = walk_page(root, source)
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
    return attrs.evolve(result, notes=(*notes, *walked, *result.notes), format=fmt)
