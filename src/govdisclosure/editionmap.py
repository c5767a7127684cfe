"""The one mapping between the tables of the two editions: which cell of one edition asks
the same question as which cell of the other, which cell is the sum of several, and which
cells have no counterpart — each of those with the reason why.

It is read off the layouts, never typed: a category member is one question across both
editions (:mod:`govdisclosure.categories` says so of its members), so a cell whose row and
column members both editions' layouts have is the *same* cell; a row that is a number row
in one edition and a group in the other is the sum of the group's rows (table 三's
（六）其他处理: one row in 2019, three from 2021); every other cell has no counterpart.
What this gives:

- tables 三 and 四: every cell is the same, except （六）其他处理, which the 2021 edition
  splits into three rows;
- table 二: only the decision counts (处理决定数量) of 行政许可, 行政处罚 and 行政强制. The
  2019 item counts (上一年项目数量, 本年增/减), documents made and published (本年新制作
  数量, 本年新公开数量, 对外公开总数量), 其他对外管理服务事项 and the whole of 第二十条第
  （九）项 政府集中采购 have no place in the 2021 form; the 2021 documents issued, repealed
  and in force and the fee amount have none in the 2019 form. Where a column of the other
  edition looks like the same question and is not, the reason says why.

>>> from govdisclosure import Edition, Section
>>> forward = edition_map(Edition.V2019, Edition.V2021)
>>> split = [link for link in forward.links if link.kind is LinkKind.SPLIT]
>>> len(split), [cell.name() for cell in split[0].sources + split[0].targets[2:]]
(7, ['三、（六）其他处理·自然人', '三、（六）其他处理 3.其他·自然人'])
>>> same = [link.targets[0] for link in forward.links
...         if link.section is Section.PROACTIVE and link.kind is LinkKind.SAME]
>>> [cell.name() for cell in same]
['二、行政许可·本年处理决定数量', '二、行政处罚·本年处理决定数量', '二、行政强制·本年处理决定数量']
>>> lost = forward.unmatched_source[-1]
>>> lost.cell.name(), lost.reason.text()
('二、政府集中采购·采购总金额', '2021 年版格式表二没有第二十条第（九）项（政府集中采购）')
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator

from attrs import frozen

from govdisclosure.categories import ApplicationRow, ProactiveColumn, Section
from govdisclosure.cells import BLANK, Cell, NotApplicable
from govdisclosure.checker.findings import Location
from govdisclosure.editions import Edition
from govdisclosure.errors import OptionError
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.labels import LabelledEnum
from govdisclosure.layouts import CellKind, TableLayout, layout

__all__ = [
    "CATCH_ALL",
    "CellRef",
    "EditionMap",
    "Link",
    "LinkKind",
    "Reason",
    "Unmatched",
    "catch_all_index",
    "edition_map",
    "merge_cells",
    "row_sources",
    "split_cell",
    "split_parts",
]

_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)

#: The row of a split group that takes a figure of the edition without the split whole:
#: the 2019 （六）其他处理 goes, whole, to the 2021 （六）3.其他, the one of the three
#: lines whose question ("other handling") contains the 2019 row's.
CATCH_ALL: dict[LabelledEnum, LabelledEnum] = {
    ApplicationRow.OTHER_HANDLING: ApplicationRow.OTHER_MISC,
}

#: Columns of table 二 that look like a column of the other edition and ask another
#: question: the look-alike, and why they differ (both directions).
_LOOK_ALIKES: dict[LabelledEnum, tuple[LabelledEnum, str]] = {
    ProactiveColumn.NEW_MADE: (
        ProactiveColumn.ISSUED,
        _(
            "2019 年版分别统计新制作和新公开的件数，2021 年版统计制定并发布的件数，"
            "两者口径不同，不作换算"
        ),
    ),
    ProactiveColumn.TOTAL_PUBLISHED: (
        ProactiveColumn.IN_FORCE,
        _("对外公开总数量是历年累计公开的件数，现行有效件数不含已废止或失效的文件，不作换算"),
    ),
    ProactiveColumn.PREVIOUS_ITEMS: (
        ProactiveColumn.FEE_AMOUNT,
        _("2019 年版统计事项的个数及其增减，2021 年版统计本年收费的金额，不是同一指标"),
    ),
}
for _old, _pair in list(_LOOK_ALIKES.items()):
    _LOOK_ALIKES.setdefault(_pair[0], (_old, _pair[1]))


class LinkKind(enum.Enum):
    """How the cells of a link correspond."""

    #: One cell each side, the same question.
    SAME = "same"
    #: One cell of the source edition is split into several of the target edition; a
    #: figure goes, whole, into the target's catch-all row (:data:`CATCH_ALL`).
    SPLIT = "split"
    #: Several cells of the source edition add up to one of the target edition.
    MERGED = "merged"


@frozen
class CellRef:
    """A cell of one edition's table, by its row and column members."""

    edition: Edition
    section: Section
    row: LabelledEnum
    column: LabelledEnum

    @property
    def table(self) -> TableLayout:
        return layout(self.edition).table(self.section)

    @property
    def position(self) -> int:
        """Where the cell stands in its table's cells."""
        return self.table.position(self.row, self.column)

    def name(self, locale: str = "zh_CN") -> str:
        """The cell named as findings name it ("三、（六）其他处理 3.其他·自然人"), in
        ``locale``: one name for a cell wherever the library shows it."""
        return Location.of_cell(self.edition, self.section, self.position).name(locale)


@frozen
class Reason:
    """Why a cell has no counterpart, or is placed the way it is: a Chinese template,
    translated when shown, and its values. The values named in ``labels`` are the form's
    labels (translated with the template); a value named ``number`` is a table's number
    (二, 三, 四: 2, 3, 4 in English)."""

    template: str
    params: tuple[tuple[str, str], ...] = ()
    labels: tuple[str, ...] = ()

    def text(self, locale: str = "zh_CN") -> str:
        values = {name: self._shown(name, value, locale) for name, value in self.params}
        return translate(self.template, locale).format(**values)

    def _shown(self, name: str, value: str, locale: str) -> str:
        if name in self.labels:
            return translate(value, locale)
        if name == "number" and locale.startswith("en"):
            return str("一二三四".index(value) + 1)
        return value


@frozen
class Link:
    """Cells of the source edition and of the target edition that answer one question."""

    kind: LinkKind
    sources: tuple[CellRef, ...]
    targets: tuple[CellRef, ...]

    @property
    def section(self) -> Section:
        return self.sources[0].section


@frozen
class Unmatched:
    """A cell of one edition with no counterpart in the other, and why."""

    cell: CellRef
    reason: Reason


@frozen
class EditionMap:
    """From the tables of ``source`` to those of ``target``: the links (in the target's
    cell order), the source cells no link reads and the target cells no link fills."""

    source: Edition
    target: Edition
    links: tuple[Link, ...]
    unmatched_source: tuple[Unmatched, ...]
    unmatched_target: tuple[Unmatched, ...]


def merge_cells(cells: tuple[Cell, ...]) -> tuple[Cell, bool]:
    """The cell several cells add up to, and whether that is exact.

    As :func:`~govdisclosure.fill_totals` adds: the numbers, a blank or a mark counting
    for nothing (not exact, then); no number and one mark: that mark; nothing filled in:
    blank (exact: nothing was said).

    >>> merge_cells((2, 0, 1)), merge_cells((2, BLANK, 1)), merge_cells((BLANK, BLANK))
    ((3, True), (3, False), (BLANK, True))
    >>> merge_cells((NotApplicable("/"), NotApplicable("/")))
    (NotApplicable(mark='/'), True)
    """
    numbers = [cell for cell in cells if type(cell) is int]
    if numbers:
        return sum(numbers), len(numbers) == len(cells)
    marks = sorted({cell.mark for cell in cells if type(cell) is NotApplicable})
    if not marks:
        return BLANK, True
    exact = len(marks) == 1 and all(type(cell) is NotApplicable for cell in cells)
    return NotApplicable(marks[0]), exact


def split_cell(whole: Cell, parts: int, catch_all: int) -> tuple[tuple[Cell, ...], bool]:
    """The cells one cell is split into (``parts`` of them, the whole going to the one at
    index ``catch_all``), and whether that is exact: blank stays blank and 0 is 0 in
    every part (counts are never negative); any other figure goes whole into the
    catch-all, the other parts left blank — the source edition did not ask for them.

    >>> split_cell(0, 3, 2), split_cell(5, 3, 2)
    (((0, 0, 0), True), ((BLANK, BLANK, 5), False))
    """
    if whole is BLANK or whole == 0:
        return (whole,) * parts, True
    cells: list[Cell] = [BLANK] * parts
    cells[catch_all] = whole
    return tuple(cells), False


@functools.cache
def edition_map(source: Edition, target: Edition) -> EditionMap:
    """The mapping from ``source``'s tables to ``target``'s (built once per pair)."""
    for edition in (source, target):
        if not isinstance(edition, Edition):
            raise OptionError(f"expected an Edition, got {edition!r}")
    links: list[Link] = []
    lost_target: list[Unmatched] = []
    for section in _TABLES:
        found, missing = _links(layout(source).table(section), layout(target).table(section))
        links += found
        lost_target += missing
    read = {cell for link in links for cell in link.sources}
    lost_source = tuple(
        Unmatched(cell, _why(cell, target)) for cell in _cells(source) if cell not in read
    )
    return EditionMap(source, target, tuple(links), lost_source, tuple(lost_target))


def _cells(edition: Edition) -> Iterator[CellRef]:
    for section in _TABLES:
        for spec in layout(edition).table(section).cells:
            yield CellRef(edition, section, spec.row, spec.column)


def _links(here: TableLayout, there: TableLayout) -> tuple[list[Link], list[Unmatched]]:
    """The links from ``here``'s cells into ``there``'s, in ``there``'s order, and the
    cells of ``there`` no link fills."""
    links: list[Link] = []
    missing: list[Unmatched] = []
    rows = row_sources(here.edition, there.edition, here.section)
    for spec in there.cells:
        target = CellRef(there.edition, there.section, spec.row, spec.column)
        how = rows.get(spec.row)
        sources = () if how is None else _sources(here, how[1], spec.column, spec.kind)
        if how is None or not sources:
            missing.append(Unmatched(target, _why(target, here.edition)))
        elif how[0] is LinkKind.SPLIT:
            if how[2] == 0:  # the split's link, made at its first part
                parts = split_parts(there.edition, there.section, sources[0].row)
                targets = tuple(
                    CellRef(there.edition, there.section, p, spec.column) for p in parts
                )
                links.append(Link(LinkKind.SPLIT, sources, targets))
        else:
            links.append(Link(how[0], sources, (target,)))
    return links, missing


def _sources(
    here: TableLayout, rows: tuple[LabelledEnum, ...], column: LabelledEnum, kind: CellKind
) -> tuple[CellRef, ...]:
    """The cells of ``rows`` in ``column`` of ``here``, if each exists and holds ``kind``."""
    if not all(
        here.has_cell(row, column) and here.cells[here.position(row, column)].kind is kind
        for row in rows
    ):
        return ()
    return tuple(CellRef(here.edition, here.section, row, column) for row in rows)


def split_parts(
    edition: Edition, section: Section, group: LabelledEnum
) -> tuple[LabelledEnum, ...]:
    """The number rows ``edition`` splits the row ``group`` into (in table order)."""
    return _groups(layout(edition).table(section))[group]


def _groups(table: TableLayout) -> dict[LabelledEnum, tuple[LabelledEnum, ...]]:
    """Every group row of ``table``, with its number rows."""
    return {
        node.key: tuple(leaf.key for leaf in node.leaves())
        for block in table.blocks
        for top in block.row_tree
        for node, _ancestors in top.walk()
        if node.is_group
    }


def _why(cell: CellRef, other: Edition) -> Reason:
    """Why ``cell`` has no counterpart in ``other``'s table."""
    table, theirs = cell.table, layout(other).table(cell.section)
    row = table.row_node(cell.row).label
    column = table.column_node(cell.column).label
    base = {"edition": other.value, "number": table.number, "row": row, "column": column}
    if not theirs.has_row(cell.row):
        caption = _caption(table, cell.row)
        if caption is not None and not any(b.caption is caption for b in theirs.blocks):
            return _reason(
                _("{edition} 年版格式表{number}没有{caption}（{row}）"),
                {**base, "caption": caption.zh},
                ("row", "caption"),
            )
        return _reason(_("{edition} 年版格式表{number}没有“{row}”一行"), base, ("row",))
    look_alike = _LOOK_ALIKES.get(cell.column)
    if look_alike is not None and theirs.has_cell(cell.row, look_alike[0]):
        return _reason(
            _(
                "{edition} 年版格式表{number}“{row}”一行没有“{column}”一栏；"
                "“{other}”与之不同：{why}"
            ),
            {**base, "other": theirs.column_node(look_alike[0]).label, "why": look_alike[1]},
            ("row", "column", "other", "why"),
        )
    return _reason(
        _("{edition} 年版格式表{number}“{row}”一行没有“{column}”一栏"), base, ("row", "column")
    )


def _reason(template: str, params: dict[str, str], labels: tuple[str, ...]) -> Reason:
    return Reason(template, tuple(params.items()), labels)


def _caption(table: TableLayout, row: LabelledEnum) -> LabelledEnum | None:
    for block in table.blocks:
        if any(node.key is row for node in block.rows):
            return block.caption
    return None


#: How rows of the source edition fill one number row of the target edition: how, the
#: source rows, and for a part of a split its index among the parts.
RowSource = tuple[LinkKind, tuple[LabelledEnum, ...], int]


@functools.cache
def row_sources(
    source: Edition, target: Edition, section: Section
) -> dict[LabelledEnum, RowSource]:
    """For each number row of ``target``'s table of ``section`` that rows of ``source``
    fill: the same row; a part of a split (a number row of ``source`` that ``target``
    makes a group of rows); or the rows of a group of ``source`` that ``target`` has as
    one number row. Cells and extra columns (a cell per row) are carried through it."""
    here, there = layout(source).table(section), layout(target).table(section)
    groups_here, groups_there = _groups(here), _groups(there)
    found: dict[LabelledEnum, RowSource] = {}
    for node in there.rows_in_order:
        row = node.key
        split = [
            group for group, parts in groups_there.items() if row in parts and here.has_row(group)
        ]
        if here.has_row(row):
            found[row] = (LinkKind.SAME, (row,), 0)
        elif split:
            parts = groups_there[split[0]]
            if CATCH_ALL.get(split[0]) not in parts:
                raise AssertionError(f"no catch-all row for the split of {split[0]!r}")
            found[row] = (LinkKind.SPLIT, (split[0],), parts.index(row))
        elif row in groups_here:
            found[row] = (LinkKind.MERGED, groups_here[row], 0)
    return found


def catch_all_index(group: LabelledEnum, parts: tuple[LabelledEnum, ...]) -> int:
    """The index of the catch-all row of a split ``group`` among its ``parts``."""
    return parts.index(CATCH_ALL[group])
