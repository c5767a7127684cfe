"""What a batch yields: one :class:`BatchItem` per source, in input order, holding either
the value made of it or the library error that stopped it, so that one bad file never
stops a batch and nothing is lost; and :class:`Checked`, one report checked, which the
findings' writers take.

>>> from govdisclosure.errors import ReadError
>>> item = BatchItem(0, "a.txt", error=ReadError("not a report", source="a.txt"))
>>> item.ok, str(item.error)
(False, 'a.txt: not a report')
>>> BatchItem(1, "b.json", value=42).unwrap()
42
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from attrs import frozen

from govdisclosure.checker.result import ValidationResult
from govdisclosure.errors import GovDisclosureError
from govdisclosure.pickling import compact_pickle
from govdisclosure.report import AnnualReport

if TYPE_CHECKING:
    from govdisclosure.readers.result import ReadResult

__all__ = ["BatchItem", "Checked"]

T = TypeVar("T")


@compact_pickle
@frozen
class BatchItem(Generic[T]):
    """The outcome for the ``index``-th source of a batch (counted from 0): its ``value``
    or the ``error`` that stopped it (exactly one of them is set). ``source`` names the
    source as the user gave it (a path as a string, or ``"#3"`` for the fourth object)."""

    index: int
    source: str
    value: T | None = None
    error: GovDisclosureError | None = None

    @property
    def ok(self) -> bool:
        """Whether the source gave a value."""
        return self.error is None

    def unwrap(self) -> T:
        """The value; the error, raised, when there is none."""
        if self.error is not None:
            raise self.error
        assert self.value is not None  # exactly one is set: see the class
        return self.value


@compact_pickle
@frozen
class Checked:
    """One report checked: the report, what the checker found, and, when the report was
    read from a document, the reader's result (so that findings name where their cells
    were printed). ``previous`` says where last year's report came from when one was
    paired with it (the cross-year rules ran), else ``None``."""

    #: The source as the user gave it (see :class:`BatchItem`).
    source: str
    #: The report checked.
    report: AnnualReport
    #: What the checker found.
    result: ValidationResult
    #: The reader's result, when the report was read from a document.
    document: ReadResult | None = None
    #: Where last year's report came from, when the cross-year rules ran.
    previous: str | None = None
