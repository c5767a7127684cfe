"""Last year's report beside this year's: :func:`compare` pairs every figure of tables 二,
三 and 四 (through the edition mapping when the editions differ) and gives the change;
a :class:`Comparison` renders as a table in text, Markdown and HTML
(:mod:`.render`) and as rows for a spreadsheet (:mod:`.sheet`)."""

from __future__ import annotations

from govdisclosure.comparison.model import Comparison, ComparisonRow, RowStatus, compare, difference

__all__ = ["Comparison", "ComparisonRow", "RowStatus", "compare", "difference"]
