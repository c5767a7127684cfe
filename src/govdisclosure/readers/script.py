"""A report printed in Traditional script, read through the Simplified words of the form.

The readers find a report's parts by the form's words: the title's 年度报告, the
sections' headings, the tables' labels. A copy in Traditional script prints them in
Traditional characters (年度報告, 主動公開, 總計), which match none of them. When a
document is in Traditional script
(:func:`~govdisclosure.readers.traditional.is_traditional`),
:func:`simplified_structure` gives its structure Simplified text, and leaves the rest as
printed:

- the title, from the year on ("2021年政府信息公開工作年度報告"): the organ's name
  before it stays as printed, and the report keeps the title as printed
  (:meth:`Simplified.restore`);
- the headings of the sections (the blocks
  :func:`~govdisclosure.readers.sections.next_section` takes for one, read through
  their Simplified forms);
- every cell of the tables: labels and figures, and the words some cells print
  besides a figure ("6165711 元", an annotation), which are read from the cells;
- nothing else: the prose is the report's text, kept as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from attrs import frozen

from govdisclosure.readers.blocks import Block, TableBlock, TextBlock
from govdisclosure.readers.result import Note, NoteKind, ReadResult
from govdisclosure.readers.sections import next_section
from govdisclosure.readers.traditional import (
    is_traditional,
    simplified,
    telling,
    traditional_count,
)

__all__ = ["Simplified", "simplified_block", "simplified_structure"]

#: The title is looked for among this many blocks at the start (as the sections' module
#: does), is no longer than this, and ends with a block that says 报告 or 年报.
_TITLE_SEARCH = 15
#: The blocks at the start of a document that tell its script (is_traditional reads no
#: further than its first pages).
_FIRST_BLOCKS = 40
_LONGEST_TITLE = 80
#: Where the words of the title start after the organ's name: at the year (or the
#: 关于 before it, or that ends the organ's line), else at the first word of the
#: standard title.
_YEAR = re.compile(r"(?:关于\s*)?\d{4}\s*年|关于\s*$")
_TITLE_WORD = re.compile(r"政府信息公开|政务公开|年度|报告|年报")
_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\s*\n\s*")
#: The kind and place of the builder's notes on the title it read.
_TITLE_NOTE = (NoteKind.TEXT.value, "$.report.title")


def simplified_block(block: TextBlock, start: int = 0) -> TextBlock:
    """``block`` with its text from ``start`` on in Simplified form (its spans, and so its
    bold runs, as they were: the conversion keeps every length).

    >>> from govdisclosure.readers.result import SourceRef
    >>> simplified_block(TextBlock.plain("某縣2021年年度報告", SourceRef()), 3).text
    '某縣2021年年度报告'
    """
    spans = []
    offset = 0
    for span in block.spans:
        cut = min(max(start - offset, 0), len(span.text))
        text = span.text[:cut] + simplified(span.text[cut:])
        spans.append(span if text == span.text else attrs.evolve(span, text=text))
        offset += len(span.text)
    return attrs.evolve(block, spans=tuple(spans))


@frozen
class Simplified:
    """A document's blocks with their structure in Simplified script (see the module's
    documentation), the note saying so (``None`` when the document is not in
    Traditional script and the blocks are as they were), and the blocks of its title as
    printed: the block that says 報告 and the two before it."""

    blocks: list[Block]
    note: Note | None = None
    title: tuple[TextBlock, ...] = ()

    def restore(self, result: ReadResult) -> ReadResult:
        """``result``, read from :attr:`blocks`, with the title as printed and the note
        on the script first.

        The title was read through its Simplified words; as the report's title it is
        the one printed, in Traditional script (the standard title is Simplified), and
        the notes on the title say so instead of what was read."""
        if self.note is None:
            return result
        report = result.report
        notes = list(result.notes)
        printed = self._printed_title(report.title)
        if printed is not None:
            report = attrs.evolve(report, title=printed)
            notes = [n for n in notes if (n.kind, n.location) != _TITLE_NOTE]
            action = (
                "kept the title as printed, in Traditional script (the standard title is "
                "Simplified); its organ and year were read through the Simplified forms "
                "of its words"
            )
            notes.insert(0, Note(*_TITLE_NOTE, printed, action, self.title[-1].source))
        return attrs.evolve(result, report=report, notes=(self.note, *notes))

    def _printed_title(self, title: str) -> str | None:
        """The printed text of the title blocks the report's ``title`` was read from,
        without line breaks (as a title of its own is kept); ``None`` when the title
        is none of them (an organ or year passed as options)."""
        wanted = simplified(_SPACE.sub("", title))
        for start in range(len(self.title)):
            printed = "".join(block.text.strip() for block in self.title[start:])
            if simplified(_SPACE.sub("", printed)) == wanted:
                return _LINE_BREAK.sub("", printed)
        return None


def simplified_structure(blocks: Sequence[Block]) -> Simplified:
    """The blocks with their structure in Simplified script when they are printed in
    Traditional (see the module's documentation), and the note saying so; the blocks as
    they are, and no note, when they are not."""
    # The title, the preamble and the headings tell the script, before any table.
    start = [b.text for b in blocks[:_FIRST_BLOCKS] if isinstance(b, TextBlock)]
    if not is_traditional("\n".join(start)):
        return Simplified(list(blocks))
    printed = "\n".join(_texts(blocks))
    out = list(blocks)
    title = _simplified_title(out)
    headings = _simplified_headings(out)
    cells = _simplified_cells(out)
    found, chinese = traditional_count(printed)
    action = (
        f"the document is printed in Traditional script ({found} of its {chinese} Chinese "
        f"characters are Traditional forms): read {'its title' if title else 'no title'}, "
        f"{headings} section headings and {cells} table cells through their Simplified "
        "forms (the cells' words, notes in them included, are kept Simplified); the "
        "organ's name, the prose and the facts the preamble states are kept as printed"
    )
    # Of the whole document: the note has no place in it.
    note = Note(NoteKind.TEXT.value, "$", telling(printed), action)
    return Simplified(out, note, title)


def _texts(blocks: Sequence[Block]) -> list[str]:
    texts = []
    for block in blocks:
        if isinstance(block, TextBlock):
            texts.append(block.text)
        else:
            texts += [cell.text for row in block.rows for cell in row]
    return texts


def _simplified_title(blocks: list[Block]) -> tuple[TextBlock, ...]:
    """Give the title's words Simplified text in place, not the organ's name: the
    words from the year on in the block that says 報告 or 年報 (within the first few, and
    before the first section) and in the two before it (a title printed on three lines).
    The blocks of the title as printed: the block that says 報告, and the text blocks
    just before it, two at most."""
    for at, block in enumerate(blocks[:_TITLE_SEARCH]):
        if not isinstance(block, TextBlock):
            continue
        key = simplified(block.text).strip()
        if next_section(TextBlock.plain(key, block.source)) is not None:
            break  # the report has begun: it prints no title
        if len(key) > _LONGEST_TITLE or key.endswith("。") or not ("报告" in key or "年报" in key):
            continue
        first = at
        while first > max(at - 2, 0) and isinstance(blocks[first - 1], TextBlock):
            first -= 1
        printed = tuple(b for b in blocks[first : at + 1] if isinstance(b, TextBlock))
        start: int | None = None  # once the title's words start, they run to its end
        for i, line in enumerate(printed, start=first):
            if start is None:
                key = simplified(line.text)
                match = _YEAR.search(key) or _TITLE_WORD.search(key)
                start = match.start() if match is not None else None
            if start is not None:
                blocks[i] = simplified_block(line, start)
                start = 0
        return printed
    return ()


def _simplified_headings(blocks: list[Block]) -> int:
    """Give the sections' headings Simplified text in place, looked for in the report's
    order as the sections are; how many there were."""
    current = None
    count = 0
    for at, block in enumerate(blocks):
        if not isinstance(block, TextBlock):
            continue
        converted = simplified_block(block)
        found = next_section(converted, current)
        if found is not None:
            blocks[at] = converted
            current = found
            count += 1
    return count


def _simplified_cells(blocks: list[Block]) -> int:
    """Give every table cell Simplified text in place; how many cells there are."""
    count = 0
    for at, block in enumerate(blocks):
        if isinstance(block, TableBlock):
            rows = tuple(
                tuple(cell._replace(text=simplified(cell.text)) for cell in row)
                for row in block.rows
            )
            blocks[at] = attrs.evolve(block, rows=rows)
            count += sum(len(row) for row in rows)
    return count
