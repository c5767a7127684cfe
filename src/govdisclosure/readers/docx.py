"""Word documents (DOCX): ours, and the ones organs publish.

The package is opened within the limits of :mod:`~govdisclosure.readers.limits` and its
XML parsed with lxml directly (python-docx builds an object per element and is several
times slower), refusing DTDs and entities, never touching the network. The body is
walked in order:

* a paragraph becomes a :class:`~govdisclosure.readers.blocks.TextBlock`: its runs'
  text, bold where the run, its character style or the paragraph's style chain says so;
  its heading level from the paragraph's style ("Title", "heading 2", "标题 2", an
  outline level) or, for a short paragraph printed all bold, level 9. A line break
  (``w:br``) starts a new block; a tab is a space. A run-in title at the paragraph's
  start, printed in a character style of its own (this library's "Run-in Heading", or
  the character style linked to a heading style), is marked as the block's ``lead``.
* a table becomes a :class:`~govdisclosure.readers.blocks.TableBlock` with one cell
  per *origin* cell: a cell merged into the one above (``w:vMerge``) is left out of its
  row, a cell spanning grid columns (``w:gridSpan``) is one cell with that span, and a
  table nested in a cell is flattened into the cell's text.
* content controls (``w:sdt``), inserted text and hyperlinks are read through; deleted
  text, field codes, text boxes, headers and footers (page numbers) are not read.

Facts a document does not print come from its custom properties, which this library's
DOCX renderer writes: ``govdisclosure.organ_kind`` and ``govdisclosure.scope``.

>>> import govdisclosure as gd
>>> report = gd.load("examples/zhongning-minzheng-2020.json")
>>> result = read_docx(gd.render(report, "docx"))
>>> result.report == report, result.format
(True, 'docx')
"""

from __future__ import annotations

import json
import re
import zipfile
from typing import Any, NamedTuple

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from govdisclosure.categories import OrganKind
from govdisclosure.errors import GovDisclosureError, ReadError
from govdisclosure.readers.blocks import Block, RawCell, TableBlock, TextBlock
from govdisclosure.readers.build import build_report
from govdisclosure.readers.limits import MAX_FILE_BYTES, check_size, open_zip, read_entry
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef
from govdisclosure.report import Scope
from govdisclosure.text import Span

__all__ = ["ORGAN_KIND_PROPERTY", "SCOPE_PROPERTY", "docx_blocks", "read_docx"]

#: The custom document properties this library writes and reads (see the renderer).
ORGAN_KIND_PROPERTY = "govdisclosure.organ_kind"
SCOPE_PROPERTY = "govdisclosure.scope"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"

_P, _TBL, _TR, _TC, _R, _T = (_W + name for name in ("p", "tbl", "tr", "tc", "r", "t"))
_PPR, _RPR = _W + "pPr", _W + "rPr"
_TAB, _PTAB, _BR, _CR = (_W + n for n in ("tab", "ptab", "br", "cr"))
_VAL = _W + "val"
_B, _RSTYLE, _PSTYLE, _OUTLINE = (_W + n for n in ("b", "rStyle", "pStyle", "outlineLvl"))
_NAME, _BASED_ON, _LINK = (_W + n for n in ("name", "basedOn", "link"))
_TRPR, _TCPR, _GRID_BEFORE = (_W + n for n in ("trPr", "tcPr", "gridBefore"))
_GRID_SPAN, _VMERGE, _HMERGE = (_W + n for n in ("gridSpan", "vMerge", "hMerge"))
_NO_BREAK_HYPHEN, _SYM = _W + "noBreakHyphen", _W + "sym"
_SPACE = frozenset({_TAB, _PTAB})
_BREAK = frozenset({_BR, _CR})
#: Elements read through as if their children stood in their place: content controls,
#: tracked insertions and moves, hyperlinks, simple fields, smart tags, custom XML.
_TRANSPARENT = frozenset(
    _W + name
    for name in (
        "sdt",
        "sdtContent",
        "customXml",
        "smartTag",
        "hyperlink",
        "fldSimple",
        "ins",
        "moveTo",
        "dir",
        "bdo",
    )
)
_FALSE = frozenset({"0", "false", "off"})
#: An attribute's number as Word writes one (no table spans thousands of columns; a
#: longer string of digits is damage, and int() of a huge one raises).
_SMALL_NUMBER = re.compile(r"[0-9]{1,4}")
#: A paragraph printed all bold and at most this long reads as a heading (level 9).
_BOLD_HEADING = 40
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(?P<level>[1-9])$")
_TITLE_NAMES = frozenset({"title", "标题"})
#: Our renderer's character style for run-in subsection titles (renderers/docx/_wordml.py).
_LEAD_NAMES = frozenset({"run-in heading"})
_MAIN_TYPE = "/officeDocument"
_DOCUMENT = "word/document.xml"


# --- the package ----------------------------------------------------------------------


def _parse(data: bytes, part: str, source: str | None) -> Any:
    """The root element of an XML part, parsed safely: no DTD (a part that declares one
    is refused: Word never writes one, and entities are how XML bombs work), no network,
    no huge trees."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ReadError(f"{part} declares a DTD or entities; refused", source=source)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError) as err:
        raise ReadError(f"{part} is not well-formed XML: {err}", source=source) from None
    # A UTF-16 part hides its DOCTYPE from the byte search above; the parsed tree does not.
    if root.getroottree().docinfo.doctype:
        raise ReadError(f"{part} declares a DTD; refused", source=source)
    return root


def _links(
    archive: zipfile.ZipFile, rels: str, base: str, source: str | None
) -> list[tuple[str, str]]:
    """The internal relationships in the relationships part ``rels``: each one's type
    and the archive name of the part it points to (relative to ``base``)."""
    if rels not in archive.NameToInfo:
        return []
    out = []
    for rel in _parse(read_entry(archive, rels, source), rels, source).iter(_RELS):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else base + target
        parts: list[str] = []  # "word/../docProps/x.xml" is "docProps/x.xml"
        for piece in name.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in ("", "."):
                parts.append(piece)
        out.append((rel.get("Type") or "", "/".join(parts)))
    return out


def _target(links: list[tuple[str, str]], kind: str, default: str) -> str:
    """The part the first relationship of ``kind`` (the end of its type) points to."""
    return next((name for rel, name in links if rel.endswith(kind)), default)


class _Package:
    """The parts of a DOCX the reader needs: the main document, its styles, and the
    custom properties."""

    def __init__(self, data: bytes, source: str | None) -> None:
        with open_zip(data, source) as archive:
            self._read(archive, source)

    def _read(self, archive: zipfile.ZipFile, source: str | None) -> None:
        names = archive.NameToInfo
        package = _links(archive, "_rels/.rels", "", source)
        main = _target(package, _MAIN_TYPE, _DOCUMENT)
        if main not in names:
            main = _DOCUMENT
        if main not in names:
            raise ReadError(f"not a Word document: the archive has no {_DOCUMENT}", source=source)
        self.document = _parse(read_entry(archive, main, source), main, source)
        tag = self.document.tag
        if tag != _W + "document":
            strict = _STRICT_NS in tag
            why = " (ISO 29500 Strict is not read; save it as a Word document)" if strict else ""
            raise ReadError(f"{main} is not a WordprocessingML document{why}", source=source)
        folder, _, name = main.rpartition("/")
        base = f"{folder}/" if folder else ""
        links = _links(archive, f"{base}_rels/{name}.rels", base, source)
        styles = _target(links, "/styles", f"{base}styles.xml")
        self.styles = (
            _parse(read_entry(archive, styles, source), styles, source) if styles in names else None
        )
        custom = _target(package, "/custom-properties", "docProps/custom.xml")
        self.properties: dict[str, str] = {}
        if custom in names:
            root = _parse(read_entry(archive, custom, source), custom, source)
            for prop in root.iter(_CUSTOM):
                key = prop.get("name")
                if key:
                    self.properties[key] = "".join(prop.itertext())


# --- styles ---------------------------------------------------------------------------


def _flag(element: Any) -> bool | None:
    """A toggle property (``w:b``): on unless ``w:val`` says 0/false/off; ``None`` when
    absent."""
    if element is None:
        return None
    return (element.get(_VAL) or "1").lower() not in _FALSE


class _Style(NamedTuple):
    """One style of ``styles.xml``, as written (before its ``w:basedOn`` chain)."""

    kind: str
    name: str  # lower case
    based_on: str | None
    level: int | None  # from w:outlineLvl
    bold: bool | None
    link: str | None  # the linked paragraph or character style


def _style(style: Any) -> _Style:
    name = ""
    based = link = None
    level = bold = None
    for child in style:
        tag = child.tag
        if tag == _NAME:
            name = child.get(_VAL) or ""
        elif tag == _BASED_ON:
            based = child.get(_VAL)
        elif tag == _LINK:
            link = child.get(_VAL)
        elif tag == _PPR:
            level = next((_outline(x) for x in child if x.tag == _OUTLINE), None)
        elif tag == _RPR:
            bold = next((_flag(x) for x in child if x.tag == _B), None)
    kind = style.get(_W + "type") or "paragraph"
    return _Style(kind, name.strip().lower(), based, level, bold, link)


class _Styles:
    """What the reader needs of ``styles.xml``: each paragraph style's heading level and
    boldness (through its ``w:basedOn`` chain), each character style's boldness, and
    the character styles that print a run-in heading."""

    def __init__(self, root: Any) -> None:
        self.default_paragraph = ""
        self.level: dict[str, int] = {}
        self.bold: dict[str, bool | None] = {}
        self.lead: set[str] = set()
        self.default_bold = False
        if root is None:
            return
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_RPR}")
        if defaults is not None:
            self.default_bold = bool(_flag(defaults.find(_B)))
        raw: dict[str, _Style] = {}
        for element in root.iter(_W + "style"):
            style_id = element.get(_W + "styleId") or ""
            style = raw[style_id] = _style(element)
            default = (element.get(_W + "default") or "").lower() in ("1", "true", "on")
            if style.kind == "paragraph" and default:
                self.default_paragraph = style_id

        bold = _inherited(raw, "bold")
        level = _inherited(raw, "level")
        for style_id, style in raw.items():
            self.bold[style_id] = bold[style_id]
            if style.kind == "paragraph":
                named = _named_level(style.name) or _named_level(style_id.lower())
                self.level[style_id] = named or level[style_id] or 0
        for style_id, style in raw.items():
            linked = self.level.get(style.link or "", 0)
            if style.kind == "character" and (style.name in _LEAD_NAMES or linked):
                self.lead.add(style_id)

    def heading(self, style_id: str) -> int:
        """The heading level of a paragraph style; a style the document does not define
        (a package without styles.xml) by its id: "Title", "Heading2"."""
        level = self.level.get(style_id)
        return _named_level(style_id.lower()) if level is None else level

    def is_lead(self, style_id: str) -> bool:
        """Whether a character style prints a run-in heading (an undefined one by its id,
        as this library names it)."""
        if style_id in self.bold:
            return style_id in self.lead
        return style_id.lower() in _LEAD_NAMES or style_id == "RunInHeading"

    def paragraph_bold(self, style_id: str) -> bool:
        bold = self.bold.get(style_id)
        return self.default_bold if bold is None else bold


def _inherited(raw: dict[str, _Style], field: str) -> dict[str, Any]:
    """Each style's ``field``: its own, or the nearest one up its ``w:basedOn`` chain
    (``None`` when none says). Each style is walked once, so a hostile chain of many
    thousand styles costs no more than a short one."""
    done: dict[str, Any] = {}
    for start in raw:
        path: list[str] = []
        seen: set[str] = set()
        style_id, value = start, None
        while style_id in raw and style_id not in seen:
            if style_id in done:
                value = done[style_id]
                break
            path.append(style_id)
            seen.add(style_id)
            value = getattr(raw[style_id], field)
            if value is not None:
                break
            style_id = raw[style_id].based_on or ""
        for walked in path:
            done[walked] = value
    return done


def _outline(element: Any) -> int | None:
    """A heading level from ``w:outlineLvl`` (0 is level 1; 9 is body text, level 0)."""
    if element is None:
        return None
    value = element.get(_VAL) or ""
    if not _SMALL_NUMBER.fullmatch(value):
        return None
    return int(value) + 1 if int(value) < 9 else 0


def _named_level(name: str) -> int:
    if name in _TITLE_NAMES:
        return 1
    match = _HEADING_NAME.match(name)
    return int(match["level"]) if match else 0


# --- the body -------------------------------------------------------------------------


def _children(element: Any) -> list[Any]:
    """The children of ``element``, reading through content controls and the like."""
    children = list(element)
    if not any(child.tag in _TRANSPARENT for child in children):
        return children  # the common case, without a Python call per element
    out = []
    for child in children:
        if child.tag in _TRANSPARENT:
            out += _children(child)
        else:
            out.append(child)
    return out


Piece = tuple[str, bool, bool]


class _Walker:
    """Walks the body, collecting blocks. lxml's ``find`` costs microseconds a call, so
    the hot paths look at each element's children once instead."""

    def __init__(self, package: _Package, source: str | None) -> None:
        self.styles = _Styles(package.styles)
        self.source = source
        self.blocks: list[Block] = []
        self.paragraph = 0
        self.table = 0

    # -- paragraphs ------------------------------------------------------------------------

    def runs(self, p: Any, style_bold: bool) -> list[list[Piece]]:
        """The paragraph's text as lines (split at line breaks) of pieces: text, bold, and
        whether the piece is in a run-in heading character style."""
        lines: list[list[Piece]] = [[]]
        for run in _children(p):
            if run.tag != _R:
                continue
            bold, lead = style_bold, False
            for child in run:
                tag = child.tag
                if tag == _T:
                    if child.text:
                        lines[-1].append((child.text, bold, lead))
                elif tag == _RPR:
                    bold, lead = self.run_format(child, style_bold)
                elif tag in _SPACE:
                    lines[-1].append((" ", bold, lead))
                elif tag in _BREAK:
                    lines.append([])
                else:
                    text = _special(child)
                    if text:
                        lines[-1].append((text, bold, lead))
        return lines

    def run_format(self, rpr: Any, style_bold: bool) -> tuple[bool, bool]:
        """Whether a run is bold (its own ``w:b``, else its character style's, else the
        paragraph style's) and whether it is in a run-in heading style."""
        bold: bool | None = None
        char = None
        for prop in rpr:
            if prop.tag == _B:
                bold = _flag(prop)
            elif prop.tag == _RSTYLE:
                char = prop.get(_VAL) or ""
        if char is None:
            return style_bold if bold is None else bold, False
        if bold is None:
            bold = self.styles.bold.get(char)
        return style_bold if bold is None else bold, self.styles.is_lead(char)

    def para(self, p: Any) -> None:
        self.paragraph += 1
        style_id = self.styles.default_paragraph
        level: int | None = None
        if len(p) and p[0].tag == _PPR:
            for prop in p[0]:
                if prop.tag == _PSTYLE:
                    style_id = prop.get(_VAL) or style_id
                elif prop.tag == _OUTLINE:
                    level = _outline(prop)
        if level is None:
            level = self.styles.heading(style_id)
        where = SourceRef(line=self.paragraph, file=self.source)
        bold = self.styles.paragraph_bold(style_id)
        for number, line in enumerate(self.runs(p, bold)):
            text = "".join(piece for piece, _, _ in line)
            if not text.strip():
                continue
            heading = level
            short = len(text.strip()) <= _BOLD_HEADING
            if not heading and short and all(b for piece, b, _ in line if piece.strip()):
                heading = 9
            lead = 0
            if number == 0 and line[0][2]:
                lead = sum(len(piece) for piece, _, _ in _prefix(line))
                if not text[lead:].strip():
                    lead = 0  # a title alone, with nothing run in after it
                    heading = heading or 9
            self.blocks.append(TextBlock(_spans(line), where, heading=heading, lead=lead))

    # -- tables ----------------------------------------------------------------------------

    def tbl(self, tbl: Any) -> None:
        index = self.table
        self.table += 1
        rows: list[tuple[RawCell, ...]] = []
        source = self.source
        for r, tr in enumerate(x for x in _children(tbl) if x.tag == _TR):
            column = 0
            cells: list[RawCell] = []
            for tc in _children(tr):
                if tc.tag == _TRPR:
                    column = next((_int(x, 0) for x in tc if x.tag == _GRID_BEFORE), column)
                    continue
                if tc.tag != _TC:
                    continue
                span, merged, widen = _cell_format(tc)
                if merged:
                    column += span  # covered by the cell above: not a cell of its own
                    continue
                if widen and cells:  # the legacy horizontal merge: widen the cell before
                    last = cells[-1]
                    cells[-1] = RawCell(last.text, last.source, span=last.span + span)
                    column += span
                    continue
                where = SourceRef(table=index, row=r, column=column, file=source)
                cells.append(RawCell(_cell_text(tc, self), where, span=span))
                column += span
            if cells:
                rows.append(tuple(cells))
        if rows:
            where = SourceRef(table=index, row=0, column=0, file=source)
            self.blocks.append(TableBlock(tuple(rows), where, exact=True))

    def body(self, body: Any) -> None:
        for child in _children(body):
            if child.tag == _P:
                self.para(child)
            elif child.tag == _TBL:
                self.tbl(child)


def _special(element: Any) -> str:
    """The text of a run's child other than text, tabs and breaks."""
    if element.tag == _NO_BREAK_HYPHEN:
        return "-"
    if element.tag == _SYM:
        char = element.get(_W + "char") or ""
        # Symbol-font characters (F0xx) have no Unicode meaning of their own.
        if re.fullmatch(r"[0-9A-Fa-f]{4}", char) and not char.upper().startswith("F0"):
            return chr(int(char, 16))
    return ""  # field codes, deleted text, drawings, footnote marks: not read


def _cell_format(tc: Any) -> tuple[int, bool, bool]:
    """A cell's span, whether it continues a vertical merge (``w:vMerge`` without
    "restart") and whether it continues a legacy horizontal one (``w:hMerge``)."""
    span, merged, widen = 1, False, False
    if len(tc) and tc[0].tag == _TCPR:
        for prop in tc[0]:
            tag = prop.tag
            if tag == _GRID_SPAN:
                span = max(1, _int(prop, 1))
            elif tag == _VMERGE:
                merged = (prop.get(_VAL) or "continue") != "restart"
            elif tag == _HMERGE:
                widen = (prop.get(_VAL) or "continue") != "restart"
    return span, merged, widen


def _prefix(line: list[Piece]) -> list[Piece]:
    """The pieces at the start of a line that are in a run-in heading style."""
    out = []
    for piece in line:
        if not piece[2]:
            break
        out.append(piece)
    return out


def _spans(line: list[Piece]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for text, bold, _lead in line:
        if spans and spans[-1].bold == bold:
            spans[-1] = Span(spans[-1].text + text, bold)
        else:
            spans.append(Span(text, bold))
    return tuple(spans)


def _int(element: Any, default: int) -> int:
    if element is None:
        return default
    value = element.get(_VAL) or ""
    return int(value) if _SMALL_NUMBER.fullmatch(value) else default


#: What sends a cell to the careful walk: text that is not the cell's own (drawings, text
#: boxes, alternate content), deleted text, symbols.
_CAREFUL = frozenset(
    _W + name for name in ("drawing", "pict", "object", "del", "moveFrom", "txbxContent", "sym")
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


def _quick_cell_text(tc: Any) -> list[str] | None:
    """The lines of a plain cell in one pass over its elements (a cell is mostly one
    paragraph of one run); ``None`` when the cell holds anything the pass would misread."""
    pieces: list[str] = []
    current: list[str] = []
    for element in tc.iter():
        tag = element.tag
        if tag == _T:
            if element.text:
                current.append(element.text)
        elif tag == _P or tag in _BREAK:  # a new paragraph or a line break: a new line
            pieces.append("".join(current).strip())
            current = []
        elif tag in _SPACE:
            current.append(" ")
        elif tag in _CAREFUL:
            return None
    pieces.append("".join(current).strip())
    return pieces


def _cell_text(tc: Any, walker: _Walker) -> str:
    """A cell's text: its paragraphs (and those of tables nested in it) joined, with a
    space only where two words of Latin letters or digits would otherwise run together."""
    quick = _quick_cell_text(tc)
    if quick is not None:
        return _joined([piece for piece in quick if piece])
    pieces: list[str] = []

    def collect(element: Any) -> None:
        for child in _children(element):
            if child.tag == _P:
                for line in walker.runs(child, False):
                    text = "".join(piece for piece, _, _ in line).strip()
                    if text:
                        pieces.append(text)
            elif child.tag == _TBL:  # a nested table: its cells, row by row
                for tr in _children(child):
                    if tr.tag == _TR:
                        for cell in _children(tr):
                            if cell.tag == _TC:
                                collect(cell)

    collect(tc)
    return _joined(pieces)


def _joined(pieces: list[str]) -> str:
    out = ""
    for piece in pieces:
        if (
            out
            and out[-1].isascii()
            and out[-1].isalnum()
            and piece[0].isascii()
            and piece[0].isalnum()
        ):
            out += " "
        out += piece
    return out


# --- reading --------------------------------------------------------------------------


def docx_blocks(data: bytes, source: str | None = None) -> tuple[list[Block], dict[str, str]]:
    """The blocks of a DOCX file's body, in order, and its custom properties.

    >>> import govdisclosure as gd
    >>> data = gd.render(gd.load("examples/zhongning-minzheng-2020.json"), "docx")
    >>> blocks, properties = docx_blocks(data)
    >>> blocks[0].text, properties["govdisclosure.organ_kind"]
    ('中宁县民政局2020年', 'department')
    """
    package = _Package(data, source)
    body = package.document.find(_W + "body")
    if body is None:
        raise ReadError(f"{_DOCUMENT} has no body", source=source)
    walker = _Walker(package, source)
    walker.body(body)
    return walker.blocks, package.properties


def _property_options(
    properties: dict[str, str], options: dict[str, Any], source: str | None
) -> list[Note]:
    """Pass what the document's custom properties say as ``organ_kind=`` and ``scope=``
    (unless the caller gave them), with a note for each."""
    notes = []
    where = None  # the properties are no place in the body
    if ORGAN_KIND_PROPERTY in properties and "organ_kind" not in options:
        value = properties[ORGAN_KIND_PROPERTY].strip()
        try:
            options["organ_kind"] = OrganKind.coerce(value) if value else None
        except (KeyError, ValueError):
            notes.append(
                Note(
                    NoteKind.UNPLACED.value,
                    "$.report.organ_kind",
                    value,
                    "the document's property names no kind of organ; ignored",
                    where,
                )
            )
        else:
            notes.append(
                Note(
                    NoteKind.INFERRED.value,
                    "$.report.organ_kind",
                    value or "(none)",
                    "from the document's properties",
                    where,
                )
            )
    if SCOPE_PROPERTY in properties and "scope" not in options:
        value = properties[SCOPE_PROPERTY]
        try:
            data = json.loads(value)
            options["scope"] = Scope(data["kind"], tuple(data.get("organs", ())))
        except (ValueError, TypeError, KeyError, GovDisclosureError):
            notes.append(
                Note(
                    NoteKind.UNPLACED.value,
                    "$.report.scope",
                    value[:60],
                    "the document's property is no scope; ignored",
                    where,
                )
            )
        else:
            notes.append(
                Note(
                    NoteKind.INFERRED.value,
                    "$.report.scope",
                    value[:60],
                    "from the document's properties",
                    where,
                )
            )
    return notes


def read_docx(data: bytes, *, source: str | None = None, **options: Any) -> ReadResult:
    """Read a report from the bytes of a DOCX file (see the module's documentation);
    options as for :func:`~govdisclosure.readers.build.build_report`.

    Anything that is not a readable Word document — not a zip, no ``word/document.xml``,
    XML that is not well-formed or declares a DTD, a zip bomb — is a
    :class:`~govdisclosure.errors.ReadError` naming the part and the reason.

    >>> read_docx(b"PK\\x03\\x04 not really")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReadError: not a readable zip archive: File is not a zip file
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ReadError("a DOCX file is bytes, not text", source=source)
    data = bytes(data)
    check_size(len(data), MAX_FILE_BYTES, "the file", source)
    blocks, properties = docx_blocks(data, source)
    if not blocks:
        raise ReadError("the document's body is empty", source=source)
    options = dict(options)
    notes = _property_options(properties, options, source)
    result = build_report(blocks, fmt="docx", source=source, **options)
    return ReadResult(result.report, (*notes, *result.notes), result.sources, format="docx")
