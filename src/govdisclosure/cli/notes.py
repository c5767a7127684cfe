"""What the command line says of a reader's notes, in words a newcomer follows."""

from __future__ import annotations

from collections import Counter

from govdisclosure.readers.result import NoteKind, ReadResult

__all__ = ["noted"]

#: Each kind of note, as a count of it reads (one, many).
_WORDS: dict[NoteKind, tuple[str, str]] = {
    NoteKind.GUESSED: (
        "figure placed by a guess (check it)",
        "figures placed by a guess (check them)",
    ),
    NoteKind.UNPLACED: ("row or text not placed", "rows or texts not placed"),
    NoteKind.MISSING: ("section or table not found", "sections or tables not found"),
    NoteKind.BLANK: ("cell printed empty", "cells printed empty"),
    NoteKind.NUMBER: (
        "figure taken out of a cell holding more",
        "figures taken out of cells holding more",
    ),
    NoteKind.EXTRA: ("row kept beside the form's", "rows kept beside the form's"),
    NoteKind.LABEL: ("label matched despite its printing", "labels matched despite their printing"),
    NoteKind.EDITION: ("note on the edition", "notes on the edition"),
    NoteKind.INFERRED: ("fact inferred", "facts inferred"),
    NoteKind.TEXT: (
        "repair of the text (wraps, page numbers)",
        "repairs of the text (wraps, page numbers)",
    ),
    NoteKind.LAYOUT: ("note on the layout", "notes on the layout"),
}


def noted(result: ReadResult) -> str:
    """``read from text: 2 figures placed by a guess (check them), 22 labels matched …``,
    the kinds that call for a look first."""
    counts = Counter(note.kind for note in result.notes)
    said = [
        f"{counts[kind.value]} {_WORDS[kind][counts[kind.value] != 1]}"
        for kind in _WORDS
        if counts[kind.value]
    ]
    return f"read from {result.format}: " + ("; ".join(said) if said else "no notes")
