"""Reports as text: extracted from a PDF, copied from a web page, or rendered by this
library's text format.

Each line is a block. Outside the tables, a line is a paragraph, a heading, or a piece
of a paragraph cut by a line wrap (joined back, see :mod:`govdisclosure.readers.build`).
Inside sections 二 to 四 every line is a table row, split into cells at tabs, at ``|``
(as pages converted to text show tables), or else at runs of spaces, with the figures
at the end of the line taken one by one ("1. 属于国家秘密 0 0 0 0 0 0 0"); an HTML table
(as Markdown holds a table whose headers merge cells) is read as the HTML reader reads
one (:mod:`~govdisclosure.readers.mdtables`). Page numbers
("- 5 -", "— 5 —", "第5页") and form feeds are dropped; ``**bold**`` becomes bold text
and ``<http://…>`` a plain address.

>>> import pathlib, govdisclosure as gd
>>> seed = gd.examples.path("sources/zhongning-minzheng-2020.txt").read_text("utf-8")
>>> result = read_text(seed)
>>> result.report == gd.examples.load("zhongning-minzheng-2020")
True
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from itertools import groupby
from typing import Any

import attrs

from govdisclosure.categories import Section
from govdisclosure.errors import ReadError, ReportValueError
from govdisclosure.readers.blocks import Block, RawCell, TableBlock, TextBlock
from govdisclosure.readers.budget import TextBudget
from govdisclosure.readers.build import build_report
from govdisclosure.readers.encodings import decode_bytes, encoding_note
from govdisclosure.readers.headings import Position, find_heading, may_be_heading
from govdisclosure.readers.limits import (
    MAX_ROW_CHARS,
    MAX_TABLE_COLUMNS,
    MAX_TEXT_CHARS,
    check_size,
)
from govdisclosure.readers.mdtables import closes_table, starts_table, table_blocks
from govdisclosure.readers.pipes import CELL_LINE, PIPES, TABS, TextRow, join_cell_lines
from govdisclosure.readers.result import Note, NoteKind, ReadResult, SourceRef
from govdisclosure.readers.script import simplified_block
from govdisclosure.readers.traditional import is_traditional
from govdisclosure.readers.values import VALUE_TOKEN, is_value_text
from govdisclosure.text import Paragraph, Span
from govdisclosure.textwidth import display_width

__all__ = ["read_markdown", "read_text", "text_blocks"]

# "- 5 -", "— 5 —", "第5页 共9页". At most one space inside the dashes: in a table,
# "－    20    —" is three cells. Pages are numbered from 1: "— 0 —" is no page number.
_DASHED = r"[-—–－]{1,2} ?[1-9]\d{0,3} ?[-—–－]{1,2}"
_PAGE_NUMBER = re.compile(
    rf"^\s*(?:{_DASHED}|第\s*\d{{1,4}}\s*页(?:\s*[,，/]?\s*共\s*\d{{1,4}}\s*页)?)\s*$"
)
# A page number that text extraction glued to the line after (or before) it. Only looked
# for in prose: in a table, "－ 17 －" is three cells.
_GLUED_PAGE_NUMBER = re.compile(rf"^\s*{_DASHED}\s*(?=[^\s\d])|(?<=\S)\s*{_DASHED}\s*$")
_DASHES = re.compile(r"[-—–－] ?\d")


def _has_page_number_mark(line: str) -> bool:
    """Whether ``line`` holds what every page number (and Markdown rule) holds: most
    lines hold none of it (five substring tests cost half a regular expression's scan)."""
    return "-" in line or "第" in line or "—" in line or "－" in line or "–" in line


_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>\s]+)>")
_GAP = re.compile(r"\s{2,}|\u3000+")
_TABLE_SECTIONS = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
# A Markdown table's rule, or a line of dashes: pipes, colons and spaces around runs of
# three dashes or more (and empty cells at its edges, as some converters print them).
_MARKDOWN_RULE = re.compile(r"^[\s|:]*-{3,}(?:[\s|:]*-{3,})*[\s|:]*$")
# A header's rule of single dashes ("| - | - |"): a rule only under a header, since a
# row of "-" marks (not applicable) is printed the same.
_DASH_RULE = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")


def _spans(text: str) -> tuple[Span, ...]:
    """The spans of a line: ``**bold**`` markup read (see :func:`~govdisclosure.renderers.
    text.para_text`), plain text as it is."""
    if "\\" in text:
        try:
            return Paragraph.from_markup(text).spans
        except ReportValueError:
            pass
    elif "**" in text:
        # What Paragraph.from_markup reads, without its loop over every character: with
        # no escapes, the pieces between "**" alternate plain and bold.
        pieces = text.split("**")
        if len(pieces) % 2:  # else an unclosed "**", printed as it is
            try:
                return Paragraph([Span(p, i % 2 == 1) for i, p in enumerate(pieces)]).spans
            except ReportValueError:
                pass
    return (Span(text),)


# Markdown's backslash escapes (any ASCII punctuation), its bold marks, and its cell
# separator.
_MD_PUNCTUATION = r"[!-/:-@\[-`{-~]"
_MD_ESCAPE = re.compile(rf"\\({_MD_PUNCTUATION})")
_MD_MARKUP = re.compile(rf"(\\{_MD_PUNCTUATION}|\*\*)")
_MD_PIPE = re.compile(r"(?<!\\)\|")


def _markdown_spans(text: str) -> tuple[Span, ...]:
    """The spans of a line of Markdown: ``**`` toggles bold, escapes are undone."""
    spans: list[Span] = []
    bold = False
    current: list[str] = []
    for i, piece in enumerate(_MD_MARKUP.split(text)):  # text, markup, text, markup…
        if piece == "**":
            spans.append(Span("".join(current), bold))
            current, bold = [], not bold
        else:
            current.append(piece[1] if i % 2 else piece)  # an escape: the character
    if bold:  # an unclosed ** is printed as it is
        return (Span(_MD_ESCAPE.sub(r"\1", text)),)
    spans.append(Span("".join(current), bold))
    return tuple(span for span in spans if span.text) or (Span(text),)


def _markdown_cell(text: str) -> str:
    return "".join(span.text for span in _markdown_spans(text.strip()))


def _cells(line: str, source: SourceRef, markdown: bool = False) -> TextRow:
    """A table line's cells, and what split them into their columns (tabs, pipes), if
    anything did ("": runs of spaces)."""
    if "|" in line:
        piped = _piped_cells(line, source, markdown)
        if piped is not None:
            return piped
    if markdown:  # a line of a table's section without a pipe: read as text is
        line = _markdown_cell(line)
        if not line.strip():
            return (RawCell("", source),), ""  # markup alone ("**"): one empty cell
    if "\t" in line:
        return _exact_cells(line.split("\t", _MOST_CELLS), source), TABS
    return _spaced_cells(line, source), ""


def _piped_cells(line: str, source: SourceRef, markdown: bool) -> TextRow | None:
    """The cells of a line split at its pipes; ``None`` for a line of text with one pipe
    in front ("|规章 3"), which no pipe splits."""
    pipes = line.count("|")
    stripped = line.strip()
    if stripped == "|":
        return (RawCell("", source),), CELL_LINE  # an empty cell printed on its own line
    if pipes == 1 and stripped.endswith("|") and not (markdown and stripped.endswith("\\|")):
        # One cell on its line ("3|"): a piece of a row printed one cell per line.
        return (
            RawCell(_markdown_cell(stripped[:-1]) if markdown else stripped[:-1].strip(), source),
        ), CELL_LINE
    if not (markdown or pipes >= 2 or not stripped.startswith("|")):
        return None
    parts = stripped[1:] if stripped.startswith("|") else stripped
    escaped = markdown and parts.endswith("\\|")
    parts = parts[:-1] if parts.endswith("|") and not escaped else parts
    if markdown:
        split = _MD_PIPE.split(parts, maxsplit=_MOST_CELLS)
        return tuple(RawCell(_markdown_cell(p), source) for p in split), PIPES
    return _exact_cells(parts.split("|", _MOST_CELLS), source), PIPES


def _spaced_cells(line: str, source: SourceRef) -> tuple[RawCell, ...]:
    """The cells of a line split at runs of spaces, each with the display columns it
    stands in; figures run together with a label ("规章 3") split off it. Linear in the
    line's length, however many figures it holds; past :data:`_MOST_CELLS` cells the
    line is no table's row, and no more are made."""
    cells: list[RawCell] = []
    position = 0  # where the next chunk is looked for
    measured = width = 0  # how much of the line has been measured, and its width
    # Columns are measured on a line no longer than a row of figures can be: on a longer
    # one they tell nothing (its figures are not placed by where they stand).
    measure = len(line) <= MAX_ROW_CHARS
    for chunk in _GAP.split(line):
        start = line.index(chunk, position) if chunk else position
        position = start + len(chunk)
        if not chunk:
            continue
        values = _trailing_values(chunk)
        label_end = values[0][0] if values else len(chunk)
        label = chunk[:label_end].rstrip()
        pieces = [(0, label)] if label.strip() else []
        for begin, text in [*pieces, *values]:
            if not measure:
                cells.append(RawCell(text, source))
                continue
            # Measured as a Chinese monospaced font shows the form (and as this library's
            # text renderer aligns it): “” and "——" are two columns a character.
            width += display_width(line[measured : start + begin], east_asian=True)
            measured = start + begin
            end = width + display_width(text, east_asian=True)
            cells.append(RawCell(text, source, start=width, end=end))
        if len(cells) >= _MOST_CELLS:
            break
    return tuple(cells[:_MOST_CELLS])


#: A token of a chunk of text: a value that ends where a space or the chunk does, or else
#: a run of anything but spaces (a word of a label).
_TOKEN = re.compile(rf"(?P<value>{VALUE_TOKEN})(?=\s|$)|\S+")
#: More cells than a line splits into: one more than a table's row may have, which tells
#: the caller the line is none.
_MOST_CELLS = MAX_TABLE_COLUMNS + 1
_SPACE = re.compile(r"\s+")


def _trailing_values(chunk: str) -> list[tuple[int, str]]:
    """The values (and where each starts) that end ``chunk`` after its label, read in one
    pass from the left ("规章 1 1 … 1" costs as much as its length, not its square); the
    last :data:`_MOST_CELLS` of them at most. Of a chunk longer than any row of figures,
    only its end is split into words and values (from a space on): what comes before is
    the label's, whatever it holds."""
    values: deque[tuple[int, str]] = deque(maxlen=_MOST_CELLS)
    start = 0
    if len(chunk) > MAX_ROW_CHARS:
        space = _SPACE.search(chunk, len(chunk) - MAX_ROW_CHARS)
        start = space.end() if space else len(chunk)
    for match in _TOKEN.finditer(chunk, start):
        if match["value"] is None:
            values.clear()  # a word: the values before it are part of the label
        else:
            values.append((match.start(), match["value"]))
    return list(values)


_new_tuple = tuple.__new__


def _exact_cells(parts: list[str], source: SourceRef) -> tuple[RawCell, ...]:
    # RawCell(part.strip(), source) without the named tuple's Python-level __new__: a
    # table line has a dozen cells, a report hundreds.
    return tuple([_new_tuple(RawCell, (p.strip(), source, None, None, 1)) for p in parts])


#: How a heading is read: as printed, or (a text in Traditional script) through the
#: Simplified forms of its characters.
_Script = Callable[[TextBlock], TextBlock]


def _as_printed(block: TextBlock) -> TextBlock:
    return block


# What a heading's line may start with, or hold: most lines (a table's rows, prose)
# are told to be none at the cost of a match and two searches.
_HEADING_HINT = re.compile(r"\s*(?:\*\*|[一二三四五六七八九十])")


def _may_be_heading(text: str, where: SourceRef, script: _Script) -> bool:
    """Whether a line of text may be a section's heading: numbered, or a bare title, in
    either script; printed bold ("**三、收到和处理…**") too."""
    bare = text.rstrip(" *").endswith(("况", "项"))  # as every bare title ends
    if script is _as_printed and not (bare or _HEADING_HINT.match(text)):
        return False
    probe = text.replace("**", "") if "**" in text else text
    if script is not _as_printed:  # a bare title in Traditional script
        probe = script(TextBlock.plain(probe, where)).text
    return may_be_heading(probe)


def _cleaned(
    line: str, where: SourceRef, at: Position, notes: list[Note], script: _Script
) -> str | None:
    """The line without page numbers and link brackets; ``None`` when nothing is left."""
    if not line.strip():
        return None
    if not _has_page_number_mark(line):
        # No dash and no 第: neither a Markdown rule nor a page number, alone or glued.
        return _AUTOLINK.sub(r"\1", line) if "<" in line else line
    if _MARKDOWN_RULE.match(line):
        return None
    if _PAGE_NUMBER.match(line):
        notes.append(Note(NoteKind.TEXT.value, "$", line.strip(), "dropped a page number", where))
        return None
    stripped = _GLUED_PAGE_NUMBER.sub("", line) if _DASHES.search(line) else line
    if (  # in a table, only before the next section's heading ("— 3 —四、政府…")
        stripped != line
        and at.section in _TABLE_SECTIONS
        and find_heading(script(TextBlock.plain(stripped.strip(), where)), at) is None
    ):
        stripped = line
    if stripped != line:
        action = "dropped a page number printed on the line"
        notes.append(Note(NoteKind.TEXT.value, "$", line.strip()[:20], action, where))
    return _AUTOLINK.sub(r"\1", stripped) if "<" in stripped else stripped


def text_blocks(
    text: str, source: str | None = None, *, markdown: bool = False
) -> tuple[list[Block], list[Note]]:
    """The blocks of a report's text (or Markdown), and notes on what was cleaned.

    A text in Traditional script has its headings read through their Simplified forms,
    to tell where the tables' sections are; the blocks keep the text as printed (the
    shared back end reads their structure, with a note)."""
    spans_of = _markdown_spans if markdown else _spans
    script = simplified_block if is_traditional(text) else _as_printed
    notes: list[Note] = []
    blocks: list[Block] = []
    rows: list[TextRow] = []  # table rows not yet in a block
    at = Position()  # the section the lines are in (see split_document, which agrees)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    wrapped = not markdown
    budget = TextBudget(source, notes)
    html: list[tuple[int, str]] = []  # the lines of an HTML table in Markdown, so far
    # A form feed (a page break) ends a line; what follows is on the same line number.
    for number, whole in enumerate(lines, start=1):
        if html or starts_table(whole):  # text copied from Markdown holds them too
            budget.line(number)
            html.append((number, whole))
            blocks += _html_table(html, rows, source, notes) if closes_table(whole) else []
            continue
        for raw in whole.split("\f") if "\f" in whole else (whole,):
            if not raw or raw.isspace():
                continue  # a blank line (what _cleaned drops first), without a SourceRef
            budget.line(number)
            where = SourceRef(line=number, file=source)
            line = _cleaned(raw.rstrip(), where, at, notes, script)
            if line is None:
                continue
            heading = 0
            if markdown and line.startswith("#"):
                heading = len(line) - len(line.lstrip("#"))
                line = line.lstrip("#").strip()
            text = line.strip()
            block: TextBlock | None = None
            found = None
            if heading or _may_be_heading(text, where, script):
                block = TextBlock(spans_of(text), where, heading=heading, wrapped=wrapped)
                found = find_heading(script(block), at)
                at = at.after(found) if found else at
            if found is None and at.section in _TABLE_SECTIONS and not _is_prose(text):
                if not (rows and _DASH_RULE.match(line) and _is_header(rows[-1][0])):
                    row = _cells(line, where, markdown)
                    if budget.row(at, row, line, where):
                        rows.append(row)
                continue
            if rows:
                blocks += _tables(rows)
            blocks.append(
                block or TextBlock(spans_of(text), where, heading=heading, wrapped=wrapped)
            )
    if html:  # a table the text ends in, unclosed
        blocks += _html_table(html, rows, source, notes)
    return blocks + _tables(rows), notes


def _html_table(
    html: list[tuple[int, str]], rows: list[TextRow], source: str | None, notes: list[Note]
) -> list[Block]:
    """The blocks of an HTML table in Markdown (see :mod:`~govdisclosure.readers.
    mdtables`), after those of the table rows before it; ``html`` and ``rows`` are
    emptied."""
    tables, found = table_blocks(html, source)
    notes += found
    html.clear()
    return _tables(rows) + tables


def _tables(rows: list[TextRow]) -> list[Block]:
    """The table rows gathered so far, taken out of ``rows`` into blocks: one per run of
    rows that stand in their columns (tabs, pipes) or not."""
    tables: list[Block] = []
    for _, group in groupby(join_cell_lines(rows), key=lambda row: bool(row[1])):
        run = list(group)
        cells = tuple(cells for cells, _ in run)
        exact = bool(run[0][1])
        pipes = all(split in (PIPES, CELL_LINE) for _, split in run)
        tables.append(TableBlock(cells, cells[0][0].source, exact, edges=pipes))
    rows.clear()
    return tables


def _is_header(cells: tuple[RawCell, ...]) -> bool:
    """Whether a table row holds words and no value: a header, for the rule under it."""
    texts = [cell.text.strip() for cell in cells if cell.text.strip()]
    return bool(texts) and not any(is_value_text(text) for text in texts)


def _is_prose(line: str) -> bool:
    """A sentence printed in a table's section (before or after the table)."""
    text = line.strip()
    # No value ends with "。" (a figure, a unit, a mark, an annotation's bracket): a
    # sentence that does holds no figures at its end.
    return len(text) >= 30 and text.endswith("。")


def read_text(
    text: str | bytes, *, source: str | None = None, fmt: str = "text", **options: Any
) -> ReadResult:
    """Read a report from its text, or with ``fmt="markdown"`` from Markdown (see the
    module's documentation), as a str or as bytes (UTF-8, UTF-16 or GB 18030: see
    :mod:`~govdisclosure.readers.encodings`; an encoding other than UTF-8 is noted);
    options as for :func:`~govdisclosure.readers.build.build_report`. The text format's
    read side."""
    decoded: list[Note] = []
    if isinstance(text, (bytes, bytearray)):
        text, encoding = decode_bytes(text, source)  # measured first, never copied
        note = encoding_note(encoding)
        decoded += [note] if note else []
    if not isinstance(text, str):
        raise ReadError(f"text must be a str, got {type(text).__name__}", source=source)
    check_size(len(text), MAX_TEXT_CHARS, "the text", source)
    blocks, notes = text_blocks(text, source, markdown=fmt == "markdown")
    notes[:0] = decoded
    if not blocks:
        raise ReadError("the text is empty", source=source)
    result = build_report(blocks, fmt=fmt, source=source, **options)
    return attrs.evolve(result, notes=(*notes, *result.notes), format=fmt)


def read_markdown(data: str | bytes, *, source: str | None = None, **options: Any) -> ReadResult:
    """Read a report from Markdown, as :func:`read_text` does: the markdown format's read
    side."""
    return read_text(data, source=source, fmt="markdown", **options)
