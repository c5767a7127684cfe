"""Copied prose (内容雷同): how much of a report's wording is found in another report.

:func:`reuse` compares this year's report with last year's (the cross-year rule X5 runs
it); :func:`find_reuse` compares every report of a batch with every other — through an
index of fingerprints, never all pairs — and finds, say, departments that copied one
another's 存在的主要问题及改进情况. See :mod:`.shingles` (how text is normalised and
cut), :mod:`.boilerplate` (what never counts), :mod:`.measure` (the measure and its
threshold) and :mod:`.index` (the batch).
"""

from __future__ import annotations

from govdisclosure.textreuse.boilerplate import DEFAULT, Boilerplate
from govdisclosure.textreuse.index import find_reuse
from govdisclosure.textreuse.measure import THRESHOLD, Match, Passage
from govdisclosure.textreuse.pairs import reuse
from govdisclosure.textreuse.units import Unit, units

__all__ = [
    "DEFAULT",
    "THRESHOLD",
    "Boilerplate",
    "Match",
    "Passage",
    "Unit",
    "find_reuse",
    "reuse",
    "units",
]
