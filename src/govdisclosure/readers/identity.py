"""Whose report it is, and for which year: what the caller passed, else what the title
names (the organ before the year or after it), else what the report states elsewhere
(:mod:`~govdisclosure.readers.organ`, noted as inferred); and whether the printed title
is the report's own. A report that names neither anywhere is refused with an error that
says where they were looked for, and that the caller may pass them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from govdisclosure.categories import Section
from govdisclosure.errors import ReadError
from govdisclosure.readers.blocks import Block, TextBlock
from govdisclosure.readers.facts import title_parts
from govdisclosure.readers.organ import (
    ORGAN_LOOKED_AT,
    YEAR_LOOKED_AT,
    Inferred,
    find_organ,
    find_year,
)
from govdisclosure.readers.result import Note, NoteKind, SourceRef

__all__ = ["STANDARD_TITLE", "identity"]

#: The title a report prints unless it has one of its own (AnnualReport.title's).
STANDARD_TITLE = "{organ}{year}年政府信息公开工作年度报告"


def identity(
    title: Sequence[TextBlock],
    preamble: Sequence[Block],
    sections: dict[Section, list[Block]],
    *,
    options: dict[str, Any],
    notes: list[Note],
    source: str | None = None,
) -> tuple[str, int, str | None]:
    """The organ, the year, and the printed title when it is the report's own (see the
    module's documentation); what was decided goes to ``notes``."""
    printed = "".join(block.text.strip() for block in title)
    at = title[0].source if title else None
    said = title_parts(printed) if printed else (None, None)
    # What the caller passed wins over the title; a title that says otherwise is noted
    # (the report's text may still speak of the printed organ or year).
    given = (options.get("organ"), options.get("year"))
    for name, asked, value in zip(("organ", "year"), given, said, strict=True):
        if asked and value and asked != value:
            action = f"the title says {value}; used the {name} {asked} as asked"
            notes.append(Note(NoteKind.LAYOUT.value, f"$.report.{name}", printed, action, at))
    organ, year = given[0] or said[0], given[1] or said[1]
    if not organ:
        organ = _inferred("organ", find_organ(preamble, sections), notes)
    if not year:
        year = _inferred("year", find_year(preamble, sections), notes)
    if not organ or not year:
        raise ReadError(_unnamed(printed, organ, year), source=source)
    return organ, year, _custom_title(printed, organ, year, at, notes)


def _inferred(name: str, found: Inferred | None, notes: list[Note]) -> Any:
    """The organ or year found where the title does not name it, noted as inferred."""
    if found is None:
        return None
    action = f"the title does not name the {name}: took {found.value} from {found.where}"
    notes.append(
        Note(NoteKind.INFERRED.value, f"$.report.{name}", found.snippet, action, found.source)
    )
    return found.value


def _unnamed(printed: str, organ: str | None, year: int | None) -> str:
    """Why the report's organ or year is not known, saying where they were looked for."""
    shown = printed[:60] or "(no title)"
    looked = []
    if not organ:
        looked.append(f"no organ's name in {ORGAN_LOOKED_AT}")
    if not year:
        looked.append(f"no year in {YEAR_LOOKED_AT}")
    return (
        f"the title {shown!r} does not name an organ and a year as '{STANDARD_TITLE}' "
        f"does, and the report states {' and '.join(looked)}; pass organ= and year="
    )


def _custom_title(
    printed: str, organ: str, year: int, at: SourceRef | None, notes: list[Note]
) -> str | None:
    """The printed title when it is the report's own, ``None`` when it is the standard
    one (spaces and line breaks aside)."""
    derived = STANDARD_TITLE.format(organ=organ, year=year)
    squeezed = re.sub(r"\s+", "", printed)
    if squeezed == derived or not printed:
        if printed and printed != derived:
            action = "removed the spaces and line breaks of the title; it is the standard one"
            notes.append(Note(NoteKind.TEXT.value, "$.report.title", printed, action, at))
        return None
    custom = re.sub(r"\s*\n\s*", "", printed)
    action = "kept the printed title as the report's own: it is not the standard one"
    notes.append(Note(NoteKind.TEXT.value, "$.report.title", custom, action, at))
    return custom
