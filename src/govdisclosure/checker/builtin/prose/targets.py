"""The table cells a statement of the prose is compared with, named from the layout as the
form prints them ("表三 一、本年新收政府信息公开申请数量·总计", "表四 行政复议·总计")."""

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
from govdisclosure.checker.findings import Location, node_path
from govdisclosure.editions import Edition
from govdisclosure.layouts import TableLayout, layout

__all__ = ["Target", "targets"]


class Target(NamedTuple):
    """The table cells a statement is compared with (their sum), and how to name them: as
    a place whose Chinese name reads as the form prints the row ("表三 一、…·总计") and whose
    English name is the cells' (made only when an English message is asked for)."""

    section: Section
    positions: tuple[int, ...]
    name: Location


#: The rows of table 三 whose 总计 a kind of count is compared with.
_APPLICATION_ROWS = (
    ("new", ApplicationRow.NEW),
    ("carried_over", ApplicationRow.CARRIED_OVER),
    ("handled", ApplicationRow.TOTAL),
    ("forward", ApplicationRow.CARRIED_FORWARD),
)


def _application_total(table: TableLayout, row: ApplicationRow) -> Target:
    """三's 总计 of ``row``, named with its numbering and its group's:
    "表三 三、本年度办理结果（七）总计·总计"."""
    position = table.position(row, Applicant.TOTAL)
    row_name = "".join(f"{node.numbering}{node.label}" for node in node_path(table.row_tree, row))
    total = table.column_node(Applicant.TOTAL).label
    cell = Location.of_cell(table.edition, table.section, position)
    return Target(table.section, (position,), cell.renamed(f"表{table.number} {row_name}·{total}"))


def _review_total(table: TableLayout, case: ReviewCase) -> Target:
    """四's 总计 of ``case`` ("表四 行政复议·总计"), or of a group of cases added together
    ("表四 行政诉讼（未经复议直接起诉·总计 + 复议后起诉·总计）")."""
    node = node_path(table.row_tree, case)[-1]
    leaves = tuple(node.leaves())
    positions = tuple(table.position(leaf.key, ReviewResult.TOTAL) for leaf in leaves)
    cells = [Location.of_cell(table.edition, table.section, p) for p in positions]
    total = table.column_node(ReviewResult.TOTAL).label
    if not node.is_group:
        name = cells[0].renamed(f"表{table.number} {node.label}·{total}")
        return Target(table.section, positions, name)
    parts = " + ".join(f"{leaf.label}·{total}" for leaf in leaves)
    group = Location.of_section(table.section).renamed(
        f"表{table.number} {node.label}（{parts}）",
        lambda: " + ".join(c.name_en for c in cells),
    )
    return Target(table.section, positions, group)


@functools.cache
def targets(edition: Edition) -> dict[str, Target]:
    """The cells each kind of statement is compared with, by kind ("new", "review"…)."""
    tables = layout(edition)
    found = {kind: _application_total(tables.applications, row) for kind, row in _APPLICATION_ROWS}
    found["review"] = _review_total(tables.reviews, ReviewCase.REVIEW)
    found["litigation"] = _review_total(tables.reviews, ReviewCase.LITIGATION)
    return found
