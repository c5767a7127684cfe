"""What the checker says: severities, statuses, locations and findings.

A :class:`Finding` is one rule that failed (or could not be checked) at one place. It
names the place three ways — as a clerk reads it ("三、（七）总计·自然人"), in English,
and as the JSON path of the value — and carries the expression checked, the values on
each side, the other cells involved, a message in Chinese and in English, and a stable
fingerprint.

>>> from govdisclosure.checker.findings import Location
>>> from govdisclosure import Edition, Section
>>> loc = Location.of_cell(Edition.V2019, Section.APPLICATIONS, 147)
>>> loc.name_zh, loc.json_path
('三、（七）总计·自然人', '$.report.applications.total.natural_person')
"""

from __future__ import annotations

import enum
import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

from attrs import field, frozen

from govdisclosure.categories import Section
from govdisclosure.cells import Blank, Money, NotApplicable
from govdisclosure.editions import Edition
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.labels import LabelledEnum
from govdisclosure.layouts import Node, TableLayout, layout
from govdisclosure.pickling import compact_pickle
from govdisclosure.tables import ExtraColumn, ExtraRow

__all__ = [
    "Bilingual",
    "Figures",
    "Finding",
    "Location",
    "Names",
    "Outcome",
    "Severity",
    "Shown",
    "Status",
    "Term",
    "english_numbering",
    "fill",
]

Value = int | Decimal | str | None


class Severity(LabelledEnum):
    """How serious a finding is. Errors make a report invalid; warnings and infos do not."""

    ERROR = "error", "错误"
    WARNING = "warning", "警告"
    INFO = "info", "提示"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos (sort order: most serious first)."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Status(enum.Enum):
    """What became of one rule at one place."""

    HELD = "held"
    FAILED = "failed"
    UNCHECKED = "unchecked"


#: Sections in document order, for sorting.
_SECTION_ORDER = {section: number for number, section in enumerate(Section, start=1)}
_NUMERALS = "一二三四五六七八九十"


@frozen
class Location:
    """Where a rule applies: a cell, a section, or a field of the report.

    ``row`` and ``column`` are the stable ASCII keys of a cell (``None`` elsewhere);
    ``order`` sorts locations in document order.
    """

    json_path: str
    name_zh: str
    # The English name, or a function that makes it: English comes from the catalog,
    # which is only read (with babel) when an English name is first wanted.
    _english: str | Callable[[], str] = field(alias="name_en", eq=False, repr=False)
    section: Section | None = None
    row: str | None = None
    column: str | None = None
    order: tuple[int, int] = field(default=(0, 0), eq=False, repr=False)

    @property
    def name_en(self) -> str:
        """The place's name in English."""
        english = self._english
        return english if isinstance(english, str) else english()

    def name(self, locale: str = "zh_CN") -> str:
        """The place's name in ``locale``."""
        return self.name_en if locale.startswith("en") else self.name_zh

    def __reduce__(self) -> tuple[Any, ...]:
        # Findings cross process boundaries in a batch. A table cell's place, made once
        # per edition and position, travels as those and comes back as that very object
        # (cheap: results hold many). An English name still to be made travels as the
        # functools.partial that makes it, so that pickling does not read the English
        # catalog; one made by another callable (a lambda, which pickle cannot send)
        # travels made.
        english = self._english
        if isinstance(english, functools.partial) and english.func is _cell_name_en:
            if Location.of_cell(*english.args) is self:
                return (_cell_location, english.args)
        elif not isinstance(english, str | functools.partial):
            english = english()
        fields = (self.json_path, self.name_zh, english, self.section, self.row, self.column)
        return (Location, (*fields, self.order))

    @staticmethod
    @functools.cache
    def of_cell(edition: Edition, section: Section, position: int) -> Location:
        """The location of cell ``position`` of the table of ``section`` in ``edition``."""
        table = layout(edition).table(section)
        spec = table.cells[position]
        row_zh = _row_name_zh(table, spec.row)
        column = table.column_node(spec.column)
        number = table.number
        return Location(
            json_path=f"$.report.{section.value}.{spec.row.value}.{spec.column.value}",
            name_zh=f"{number}、{row_zh}·{column.label}",
            name_en=functools.partial(_cell_name_en, edition, section, position),
            section=section,
            row=spec.row.value,
            column=spec.column.value,
            order=(_SECTION_ORDER[section], position + 1),
        )

    @staticmethod
    def of_extra_cell(
        edition: Edition, section: Section, index: int, column: ExtraColumn, row: int
    ) -> Location:
        """The location of the cell in number row ``row`` (counted in the column's block)
        of the extra column ``column``, the ``index``-th of the table of ``section``: named
        by its row and its label in Chinese, by its row and the column it follows in
        English (the label is the report's own words)."""
        table = layout(edition).table(section)
        key, after = _extra_cell(table, column, row)
        return Location(
            json_path=f"$.report.{section.value}._extra_columns[{index}].cells[{row}]",
            name_zh=f"{table.number}、{_row_name_zh(table, key)}·{column.label}",
            name_en=functools.partial(_extra_cell_name_en, edition, section, column, row),
            section=section,
            row=key.value,
            order=(_SECTION_ORDER[section], table.position(key, after.key) + 1),
        )

    @staticmethod
    def of_extra_row_cell(
        edition: Edition, section: Section, index: int, row: ExtraRow, cell: int
    ) -> Location:
        """The location of cell ``cell`` (counted in the row's block) of the extra row
        ``row``, the ``index``-th of the table of ``section``: named by its label and its
        column in Chinese, by the row it follows and its column in English (the label is
        the report's own words)."""
        table = layout(edition).table(section)
        plan = table.row_plan_named(row.after) if row.after else table.row_plans[-1]
        column = plan.columns[cell]
        number = table.number

        def english() -> str:
            where = (
                f"the row printed after {_row_name_en(table, plan.key)}"
                if row.after
                else "the row printed at the end"
            )
            label = translate(column.label, "en")
            return f"Table {_NUMERALS.index(number) + 1}, {where} · {label}"

        return Location(
            json_path=f"$.report.{section.value}._extra_rows[{index}].cells[{cell}]",
            name_zh=f"{number}、{row.label}·{column.label}",
            name_en=english,
            section=section,
            order=(_SECTION_ORDER[section], plan.stop),
        )

    @staticmethod
    @functools.cache
    def of_section(section: Section, json_path: str | None = None) -> Location:
        """The location of a whole section (its heading)."""
        number = _NUMERALS[_SECTION_ORDER[section] - 1]
        return Location(
            json_path=json_path or f"$.report.{section.value}",
            name_zh=f"{number}、{section.zh}",
            name_en=functools.partial(_section_name_en, section),
            section=section,
            order=(_SECTION_ORDER[section], 0),
        )

    @staticmethod
    def of_field(
        json_path: str,
        name_zh: str,
        name_en: str | Callable[[], str] | None = None,
        order: int = 0,
    ) -> Location:
        """The location of a field outside the sections (the year, the publication date).

        Without ``name_en`` the English name is ``name_zh`` translated from the catalog
        (when first wanted): mark ``name_zh`` with ``_()`` where it is written.
        """
        english = functools.partial(translate, name_zh, "en") if name_en is None else name_en
        return Location(json_path, name_zh, english, order=(0, order))

    def renamed(
        self,
        name_zh: str,
        name_en: Callable[[], str] | None = None,
        *,
        json_path: str | None = None,
    ) -> Location:
        """This place under another Chinese name (and another path, when given): a paragraph
        of a section, a cell of last year's report. ``name_en`` makes the English name when
        it is first wanted; without it the English name stays this place's."""
        return Location(
            self.json_path if json_path is None else json_path,
            name_zh,
            self._english if name_en is None else name_en,
            section=self.section,
            row=self.row,
            column=self.column,
            order=self.order,
        )


def _cell_location(edition: Edition, section: Section, position: int) -> Location:
    """:meth:`Location.of_cell`, by a name pickle can find."""
    return Location.of_cell(edition, section, position)


def node_path(tree: Iterable[Node], key: LabelledEnum) -> tuple[Node, ...]:
    """The node ``key`` of a header tree with the groups above it, outermost first."""
    for top in tree:
        for node, ancestors in top.walk():
            if node.key is key:
                return (*ancestors, node)
    raise KeyError(key)


def _row_path(table: TableLayout, key: LabelledEnum) -> tuple[Node, ...]:
    """The nodes that name a row as a clerk reads the form: its groups below the top level
    ("（三）不予公开", "行政诉讼") and itself."""
    *groups, row = node_path((top for block in table.blocks for top in block.row_tree), key)
    return (*(group for group in groups if not group.numbering.endswith("、")), row)


def _row_name_zh(table: TableLayout, key: LabelledEnum) -> str:
    # "（三）不予公开 3.危及“三安全一稳定”", "行政诉讼 复议后起诉"; a top-level row drops its
    # own 一、二、… numbering, which would read as the table's: "三、结转下年度继续办理".
    return " ".join(
        ("" if node.numbering.endswith("、") else node.numbering) + node.label
        for node in _row_path(table, key)
    )


def _row_name_en(table: TableLayout, key: LabelledEnum) -> str:
    return " / ".join(
        english_numbering(node.numbering) + translate(node.label, "en")
        for node in _row_path(table, key)
    )


@functools.cache
def _cell_name_en(edition: Edition, section: Section, position: int) -> str:
    table = layout(edition).table(section)
    spec = table.cells[position]
    row = _row_name_en(table, spec.row)
    column = translate(table.column_node(spec.column).label, "en")
    return f"Table {_NUMERALS.index(table.number) + 1}, {row} · {column}"


def _extra_cell(table: TableLayout, column: ExtraColumn, row: int) -> tuple[LabelledEnum, Node]:
    """The row of number row ``row`` of an extra column's block, and the column it follows."""
    block = table.blocks[column.block]
    after = next(node for node in block.columns if node.key.value == column.after)
    return block.rows[row].key, after


# The English names are made by module-level functions, not lambdas: a Location crosses
# process boundaries in a batch with its English name still to be made.


def _extra_cell_name_en(edition: Edition, section: Section, column: ExtraColumn, row: int) -> str:
    table = layout(edition).table(section)
    key, after = _extra_cell(table, column, row)
    return (
        f"Table {_NUMERALS.index(table.number) + 1}, {_row_name_en(table, key)} · "
        f"the column printed after {translate(after.label, 'en')}"
    )


def _section_name_en(section: Section) -> str:
    return f"Section {_SECTION_ORDER[section]}, {section.en}"


def english_numbering(numbering: str) -> str:
    """A row's numbering as English prints it: "（七）" reads "(7) ", "3." stays "3. ",
    a top-level "一、" is dropped (it would read as the table's number).

    >>> english_numbering("（七）"), english_numbering("3."), english_numbering("一、")
    ('(7) ', '3. ', '')
    """
    if numbering.startswith("（"):
        return f"({_NUMERALS.index(numbering[1:-1]) + 1}) "
    return f"{numbering} " if numbering and not numbering.endswith("、") else ""


def _plain(value: Value) -> int | str | None:
    """A value as JSON holds it: an amount of money as its exact decimal text."""
    return str(value) if isinstance(value, Decimal) else value


def _text(value: Value) -> str:
    return "（空）" if value is None else str(value)


class Term(str):
    """A Chinese term inside a message (a column's label, say), translated with it."""

    __slots__ = ()


@compact_pickle
@frozen
class Names:
    """Several places inside a message: the first few by name, then "等" ("and others")."""

    places: tuple[Location, ...]
    limit: int = 3

    def show(self, locale: str) -> str:
        shown = [place.name(locale) for place in self.places[: self.limit]]
        more = len(self.places) > self.limit
        if locale.startswith("en"):  # English names hold commas: "Table 3, (7) Total · …"
            return "; ".join(shown) + ("; and others" if more else "")
        return "、".join(shown) + ("等" if more else "")


#: What a list of figures says of the organs it leaves out because their figure is 0.
_ZEROS = _("其余 {count} 个机关为 0")
#: How a list of figures shows a blank cell, and a list with nothing in it.
_BLANK = _("空白")
_NONE = _("无")


@compact_pickle
@frozen
class Figures:
    """Several organs' figures inside a message — "县教育局 3、县民政局 “/”" — in the order
    given: counts, amounts with their unit (translated), a blank, a mark, or (``None``)
    the organ alone; an empty list shows "无" ("none"). With
    ``hide_zeros`` the organs whose figure is 0 are counted ("其余 2 个机关为 0"), not
    listed. The organs' names are their reports' own words, in every language.

    >>> from govdisclosure import BLANK
    >>> Figures((("县教育局", 3), ("县民政局", 0), ("县卫健委", BLANK))).show("zh_CN")
    '县教育局 3、县民政局 0、县卫健委 空白'
    >>> Figures((("县教育局", 3), ("县民政局", 0)), hide_zeros=True).show("en")
    '县教育局 3; 1 other organ(s): 0'
    """

    items: tuple[tuple[str, Any], ...]
    hide_zeros: bool = False

    @property
    def organs(self) -> tuple[str, ...]:
        return tuple(organ for organ, _figure in self.items)

    def show(self, locale: str) -> str:
        if not self.items:
            return translate(_NONE, locale)
        english = locale.startswith("en")
        shown = [
            organ if figure is None else f"{organ} {_figure(figure, locale)}"
            for organ, figure in self.items
            if not (self.hide_zeros and _is_zero(figure))
        ]
        text = ("; " if english else "、").join(shown)
        zeros = len(self.items) - len(shown)
        if zeros:
            rest = translate(_ZEROS, locale).format(count=zeros)
            text = f"{text}{'; ' if english else '，'}{rest}" if shown else rest
        return text


def _is_zero(figure: object) -> bool:
    return (type(figure) is int and figure == 0) or (type(figure) is Money and not figure.amount)


def _figure(figure: object, locale: str) -> str:
    if type(figure) is Money:
        return f"{figure.amount} {translate(figure.unit.zh, locale)}"
    if type(figure) is Blank:
        return translate(_BLANK, locale)
    if type(figure) is NotApplicable:
        return f"“{figure.mark}”"
    return str(figure)


@runtime_checkable
class Shown(Protocol):
    """A value that shows itself in a message, in the language asked for (as
    :class:`Names` and :class:`Figures` do)."""

    def show(self, locale: str) -> str: ...


def _shown(value: object, locale: str) -> object:
    if isinstance(value, Location):
        return value.name(locale)
    if isinstance(value, Term):
        return translate(value, locale)
    if isinstance(value, Shown):
        return value.show(locale)
    if type(value) is Money:
        return _figure(value, locale)
    return value


def fill(template: str, values: Mapping[str, Any], locale: str) -> str:
    """``template`` (Chinese) in ``locale``, filled with ``values``: a Location shows its
    name, a :class:`Term` is translated, :class:`Names`, :class:`Figures` and any other
    :class:`Shown` show themselves, an amount of money shows its unit in ``locale``,
    anything else is shown as it is."""
    shown = {name: _shown(value, locale) for name, value in values.items()}
    return translate(template, locale).format(**shown)


#: What a finding adds when a reader placed some of its cells by a guess.
_GUESSED = _("（注意：{cells} 的数字是读取文档时推测所在位置的，请先对照原文核实）")


class Bilingual:
    """A message in Chinese and in English, from ``message`` in the locale asked for."""

    __slots__ = ()

    def message(self, locale: str = "zh_CN") -> str:
        raise NotImplementedError

    @property
    def message_zh(self) -> str:
        """The message in Chinese."""
        return self.message("zh_CN")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")


@compact_pickle
@frozen
class Finding(Bilingual):
    """One rule that failed, or could not be checked, at one place.

    The message is a Chinese template with ``{placeholders}`` (English comes from the
    catalog) filled with ``params`` — and with ``cell`` (the location), ``reported``,
    ``computed``, ``difference``, ``quote`` and ``expression`` unless given — in the
    language asked for, when asked for.
    """

    rule: str
    severity: Severity
    status: Status
    location: Location
    template: str
    params: tuple[tuple[str, Any], ...] = field(default=(), eq=False, repr=False)
    expression: str = ""
    reported: Value = None
    computed: Value = None
    involved: tuple[Location, ...] = ()
    quote: str | None = None
    #: The cells of the finding (its place and those it involves) that the reader of
    #: the document placed by a guess: the message says so, since the finding may be
    #: the reader's mistake rather than the report's.
    guessed: tuple[Location, ...] = ()

    @property
    def difference(self) -> int | Decimal | None:
        """``reported - computed`` when both are numbers."""
        if isinstance(self.reported, (int, Decimal)) and isinstance(self.computed, (int, Decimal)):
            return self.reported - self.computed
        return None

    @property
    def fingerprint(self) -> str:
        """A stable id from the rule, the place and the values: re-checking an unchanged
        report gives the same fingerprint, so a reviewer's decision on it survives."""
        key = "\x1f".join(
            [
                self.rule,
                self.status.value,
                self.location.json_path,
                _text(self.reported),
                _text(self.computed),
                self.quote or "",
            ]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain data (JSON-ready: numbers as they are, decimals as text),
        for files and data frames.

        >>> import attrs, govdisclosure as gd
        >>> report = gd.examples.load("zhongning-minzheng-2020")
        >>> apps = report.applications.with_cell("（七）总计", "自然人", 3)
        >>> finding = gd.validate(attrs.evolve(report, applications=apps), select="R2").findings[0]
        >>> data = finding.to_dict()
        >>> data["rule"], data["path"], data["reported"], data["computed"], data["difference"]
        ('R2', '$.report.applications.total.natural_person', 3, 0, 3)
        """
        place = self.location
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "status": self.status.value,
            "path": place.json_path,
            "section": place.section.value if place.section else None,
            "row": place.row,
            "column": place.column,
            "place_zh": place.name_zh,
            "place_en": place.name_en,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "reported": _plain(self.reported),
            "computed": _plain(self.computed),
            "difference": _plain(self.difference),
            "involved": [other.json_path for other in self.involved],
            "guessed": [cell.json_path for cell in self.guessed],
            "quote": self.quote,
            "fingerprint": self.fingerprint,
        }

    def message(self, locale: str = "zh_CN") -> str:
        """The message in ``locale``: Chinese (the default) or English."""
        values: dict[str, Any] = {
            "cell": self.location,
            "reported": self.reported,
            "computed": self.computed,
            "difference": self.difference,
            "quote": self.quote,
            "expression": self.expression,
            **dict(self.params),
        }
        text = fill(self.template, values, locale)
        if self.guessed:
            cells = _shown(Names(self.guessed), locale)
            text += translate(_GUESSED, locale).format(cells=cells)
        return text

    def __str__(self) -> str:
        return f"[{self.rule} {self.severity.value}] {self.message_zh}"


@frozen
class Outcome:
    """One rule at one place: held, failed or could not be checked."""

    rule: str
    status: Status
    location: Location
    finding: Finding | None = None
