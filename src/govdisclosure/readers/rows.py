"""A printed table row, split into its label cells and the trailing run of cells that
read as values (figures, marks, or blanks)."""

from __future__ import annotations

from collections.abc import Sequence

from govdisclosure.readers.blocks import RawCell
from govdisclosure.readers.result import SourceRef
from govdisclosure.readers.values import is_value_text

__all__ = ["Row", "only_remarks", "split_row"]


class Row:
    """One printed row: its label cells and its value cells (the trailing run of cells
    that read as values). A plain slotted class: readers make one per printed row."""

    __slots__ = ("exact", "has_figures", "label", "labels", "source", "values")

    labels: tuple[RawCell, ...]
    values: tuple[RawCell, ...]
    exact: bool
    source: SourceRef
    #: The label cells' text, joined by spaces.
    label: str
    #: Whether any value cell holds text.
    has_figures: bool

    def __init__(
        self,
        labels: tuple[RawCell, ...],
        values: tuple[RawCell, ...],
        exact: bool,
        source: SourceRef,
    ) -> None:
        self.labels = labels
        self.values = values
        self.exact = exact
        self.source = source
        self.label = " ".join([text for cell in labels if (text := cell.text.strip())])
        printed = "".join([cell.text for cell in values])
        self.has_figures = bool(printed) and not printed.isspace()

    def __repr__(self) -> str:
        return f"Row(label={self.label!r}, values={[cell.text for cell in self.values]!r})"


def split_row(cells: Sequence[RawCell], exact: bool, source: SourceRef) -> Row:
    """Split a printed row into its label cells and its values.

    The values are the cells at the end of the row that read as values; in an exact
    row (every cell in its column) empty cells there are blank values.

    >>> cells = [RawCell(t, SourceRef(line=1)) for t in ("", "(一) 予以公开", "3", "", "0")]
    >>> row = split_row(cells, True, SourceRef(line=1))
    >>> row.label, [c.text for c in row.values]
    ('(一) 予以公开', ['3', '', '0'])
    """
    cut = len(cells)
    while cut > 0:
        text = cells[cut - 1].text
        # Plain digits (most figures) are values without asking is_value_text.
        if text.isdecimal() or (exact and (not text or text.isspace())):
            cut -= 1
            continue
        if not (text := text.strip()) or not is_value_text(text):
            break
        cut -= 1
    labels = tuple([cell for cell in cells[:cut] if cell.text and not cell.text.isspace()])
    return Row(labels, tuple(cells[cut:]), exact, source)


def only_remarks(row: Row) -> bool:
    """Whether the row's values are all parenthesised text without a figure."""
    for cell in row.values:
        text = cell.text.lstrip()
        if text and text[0] not in "（(":
            return False
    return True
