"""The table cells a statement of the prose is compared with, named as the form prints
them ("表三 一、本年新收政府信息公开申请数量·总计", "表四 行政复议·总计")."""

from __future__ import annotations

import functools
from typing import NamedTuple

from govdisclosure.categories import (
    Applicant,
    ApplicationRow,
    ReviewCase,
    ReviewResult,
    Section,
)
from govdisclosure.checker.findings import Location
from govdisclosure.editions import Edition
from govdisclosure.layouts import layout

__all__ = ["Target", "targets"]


class Target(NamedTuple):
    """The table cells a statement is compared with (their sum), and how to name them: as
    a place whose Chinese name reads as the form prints the row ("表三 一、…·总计") and whose
    English name is the cells' (made only when an English message is asked for)."""

    section: Section
    positions: tuple[int, ...]
    name: Location


def _row_name(edition: Edition, key: ApplicationRow) -> str:
    """A row of table 三 as the form prints it, with its numbering and its group's:
    "一、本年新收政府信息公开申请数量", "三、本年度办理结果（七）总计"."""
    for top in layout(edition).applications.row_tree:
        for node, ancestors in top.walk():
            if node.key is key:
                return "".join(f"{a.numbering}{a.label}" for a in (*ancestors, node))
    raise KeyError(key)


@functools.cache
def targets(edition: Edition) -> dict[str, Target]:
    """The cells each kind of statement is compared with, by kind ("new", "review"…)."""
    apps, reviews = layout(edition).applications, layout(edition).reviews
    found: dict[str, Target] = {}
    for kind, row in (
        ("new", ApplicationRow.NEW),
        ("carried_over", ApplicationRow.CARRIED_OVER),
        ("handled", ApplicationRow.TOTAL),
        ("forward", ApplicationRow.CARRIED_FORWARD),
    ):
        position = apps.position(row, Applicant.TOTAL)
        cell = Location.of_cell(edition, Section.APPLICATIONS, position)
        name = cell.renamed(f"表三 {_row_name(edition, row)}·总计")
        found[kind] = Target(Section.APPLICATIONS, (position,), name)
    review = reviews.position(ReviewCase.REVIEW, ReviewResult.TOTAL)
    cell = Location.of_cell(edition, Section.REVIEWS, review)
    found["review"] = Target(Section.REVIEWS, (review,), cell.renamed("表四 行政复议·总计"))
    lawsuits = tuple(
        reviews.position(case, ReviewResult.TOTAL)
        for case in (ReviewCase.LITIGATION_DIRECT, ReviewCase.LITIGATION_AFTER_REVIEW)
    )
    cells = [Location.of_cell(edition, Section.REVIEWS, p) for p in lawsuits]
    found["litigation"] = Target(
        Section.REVIEWS,
        lawsuits,
        Location.of_section(Section.REVIEWS).renamed(
            "表四 行政诉讼（未经复议直接起诉·总计 + 复议后起诉·总计）",
            lambda: " + ".join(c.name_en for c in cells),
        ),
    )
    return found
