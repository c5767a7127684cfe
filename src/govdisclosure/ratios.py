"""Indicators: the rates reviewers read off tables 三 and 四, exactly, with their inputs.

Each indicator is a ratio of cells, written down once below with the rows and columns of
the layout (the labels in its formula come from the layout too):

* ``disclosure_rate``, 公开率: (（一）予以公开 + （二）部分公开) ÷ （七）总计;
* ``withheld_rate``, 不予公开率: Σ（三）不予公开 (its eight reasons) ÷ （七）总计;
* ``unable_rate``, 无法提供率: Σ（四）无法提供 (its three reasons) ÷ （七）总计;
* ``completion_rate``, 办结率: （七）总计 ÷ (一、本年新收 + 二、上年结转);
* ``carry_forward_rate``, 结转率: 四、结转下年度继续办理 ÷ (一、本年新收 + 二、上年结转);
* ``review_correction_rate``, 复议纠错率: 行政复议 结果纠正 ÷ 审结, where 审结 (cases
  decided) is 总计 − 尚未审结;
* ``litigation_correction_rate``, 诉讼纠错率: the same over both kinds of lawsuit
  (未经复议直接起诉 and 复议后起诉) together.

The five rates of table 三 are given for every applicant column (自然人 … 总计), the two
of table 四 once. Both editions have the same rows here (（四）无法提供 has the same three
reasons in each). A rate whose denominator is 0 or negative, or any of whose cells is
blank or marked, is *not computable*, with the reason — never 0 % and never an error. A
report that does not add up can give a rate above 100 %: the rate is what its figures say,
and the checker says where they are wrong.

The value is a :class:`fractions.Fraction`: a ratio of counts is a rational number, which a
Fraction holds exactly (1/3 stays 1/3; a Decimal would have to round it). The display rounds
half up to one decimal place of a percent ("42.9%"), the way statistics are published.

>>> import govdisclosure as gd
>>> rates = indicators(gd.examples.load("shiyan-ziranziyuan-2022"))
>>> rate = rates.get("disclosure_rate")
>>> rate.value, rate.display(), rate.numerator_value, rate.denominator_value
(Fraction(29, 53), '54.7%', 29, 53)
>>> rates.get("review_correction_rate").display()
'33.3%'
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import attrs
from attrs import field, frozen

from govdisclosure.categories import Applicant, ApplicationRow, ReviewCase, ReviewResult, Section
from govdisclosure.cells import Cell
from govdisclosure.checker.findings import Figures, Location, Names, english_numbering, fill
from govdisclosure.editions import Edition
from govdisclosure.errors import ReportValueError
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.labels import LabelledEnum
from govdisclosure.layouts import Node, TableLayout, layout
from govdisclosure.report import AnnualReport
from govdisclosure.rollup.notes import AggregateNoteKind
from govdisclosure.rollup.result import AggregateResult

__all__ = ["Indicator", "IndicatorKind", "Indicators", "Operand", "indicators"]


class IndicatorKind(LabelledEnum):
    """The indicators, by ASCII key and Chinese name (English from the catalog)."""

    DISCLOSURE_RATE = "disclosure_rate", "公开率"
    WITHHELD_RATE = "withheld_rate", "不予公开率"
    UNABLE_RATE = "unable_rate", "无法提供率"
    COMPLETION_RATE = "completion_rate", "办结率"
    CARRY_FORWARD_RATE = "carry_forward_rate", "结转率"
    REVIEW_CORRECTION_RATE = "review_correction_rate", "复议纠错率"
    LITIGATION_CORRECTION_RATE = "litigation_correction_rate", "诉讼纠错率"


R, C = ApplicationRow, ReviewResult
#: Table 三's rates: numerator and denominator rows, each +1 (added) or a group (its rows).
_APPLICATION_RATES: dict[IndicatorKind, tuple[tuple[Any, ...], tuple[Any, ...]]] = {
    IndicatorKind.DISCLOSURE_RATE: ((R.DISCLOSED, R.PARTIALLY_DISCLOSED), (R.TOTAL,)),
    IndicatorKind.WITHHELD_RATE: ((R.WITHHELD,), (R.TOTAL,)),
    IndicatorKind.UNABLE_RATE: ((R.UNABLE,), (R.TOTAL,)),
    IndicatorKind.COMPLETION_RATE: ((R.TOTAL,), (R.NEW, R.CARRIED_OVER)),
    IndicatorKind.CARRY_FORWARD_RATE: ((R.CARRIED_FORWARD,), (R.NEW, R.CARRIED_OVER)),
}
#: Table 四's rates: the case kinds whose corrected results over their decided cases
#: (总计 − 尚未审结) they are.
_REVIEW_RATES: dict[IndicatorKind, tuple[ReviewCase, ...]] = {
    IndicatorKind.REVIEW_CORRECTION_RATE: (ReviewCase.REVIEW,),
    IndicatorKind.LITIGATION_CORRECTION_RATE: (
        ReviewCase.LITIGATION_DIRECT,
        ReviewCase.LITIGATION_AFTER_REVIEW,
    ),
}

#: Why a rate is not computable: a message and its values.
Reason = tuple[str, tuple[tuple[str, Any], ...]]

_BLANKS = _("{name}无法计算：{cells} 未填写数字")
_ZERO = _("{name}无法计算：分母（{denominator}）为 0")
_NEGATIVE = _("{name}无法计算：分母（{denominator}）为负数（{value}）")
_GAPS = _("{name}不完整：{organs} 未填写其中的数字，汇总数不含其数字")


@frozen
class Operand:
    """One cell in a rate: where it is, what it holds, and whether it is added (+1) or
    taken away (−1)."""

    location: Location
    value: Cell
    sign: int = 1


@frozen
class Indicator:
    """One rate of one report (for table 三, of one applicant column).

    ``value`` is exact, or ``None`` when the rate is not computable; :meth:`reason` then
    says why. ``numerator`` and ``denominator`` are the cells it is computed from.
    """

    kind: IndicatorKind
    column: Applicant | None
    numerator: tuple[Operand, ...]
    denominator: tuple[Operand, ...]
    value: Fraction | None
    formula_zh: str
    _reason: Reason | None = field(default=None, alias="reason", eq=False, repr=False)
    #: For a summary (given as the result of :func:`~govdisclosure.rollup.aggregate`):
    #: the organs that left one of the rate's cells blank or marked, so that the summed
    #: cells lack their figures — the rate covers the other organs only.
    gaps: tuple[str, ...] = field(default=(), kw_only=True)

    @property
    def key(self) -> str:
        """The ASCII key: the kind's, with the column's for table 三 ("disclosure_rate.total")."""
        return self.kind.value if self.column is None else f"{self.kind.value}.{self.column.value}"

    def name(self, locale: str = "zh_CN") -> str:
        """The indicator's name, with its column for table 三: "公开率（自然人）"."""
        base = translate(self.kind.zh, locale)
        if self.column is None:
            return base
        column = translate(self.column.zh, locale)
        return f"{base} ({column})" if locale.startswith("en") else f"{base}（{column}）"

    @property
    def formula_en(self) -> str:
        # The rows and columns of the rates are labelled alike in both editions.
        return _formula(self.kind, "en")

    def formula(self, locale: str = "zh_CN") -> str:
        return self.formula_en if locale.startswith("en") else self.formula_zh

    @property
    def computable(self) -> bool:
        return self.value is not None

    @property
    def numerator_value(self) -> int | None:
        return _total(self.numerator)

    @property
    def denominator_value(self) -> int | None:
        return _total(self.denominator)

    def display(self, digits: int = 1) -> str:
        """The rate as a percent rounded half up to ``digits`` places ("42.9%"), or "—"
        when it is not computable (see :meth:`reason`)."""
        if self.value is None:
            return "—"
        scale = 10**digits
        tenths = math.floor(self.value * 100 * scale + Fraction(1, 2))
        whole, part = divmod(tenths, scale)
        return f"{whole}.{part:0{digits}d}%" if digits else f"{whole}%"

    def caveat(self, locale: str = "zh_CN") -> str | None:
        """For a rate of a summary that some organs left cells of blank (see ``gaps``),
        what it does not cover, in ``locale``; ``None`` otherwise."""
        if not self.gaps:
            return None
        organs = Figures(tuple((organ, None) for organ in self.gaps))
        return fill(_GAPS, {"name": self.name(locale), "organs": organs}, locale)

    def reason(self, locale: str = "zh_CN") -> str | None:
        """Why the rate is not computable, in ``locale``; ``None`` when it is."""
        if self._reason is None:
            return None
        template, params = self._reason
        return fill(template, {"name": self.name(locale), **dict(params)}, locale)


@frozen
class _Expression:
    """Operands inside a message, as the sum they make: "A + B − C"."""

    operands: tuple[Operand, ...]

    def show(self, locale: str) -> str:
        text = ""
        for operand in self.operands:
            sign = " − " if operand.sign < 0 else " + "
            text += ("" if not text else sign) + operand.location.name(locale)
        return text


def _total(operands: tuple[Operand, ...]) -> int | None:
    """The operands' signed sum, or None when one of them is not a count."""
    total = 0
    for operand in operands:
        if not isinstance(operand.value, int):
            return None
        total += operand.sign * operand.value
    return total


@frozen
class Indicators:
    """Every indicator of one report, in the order of :class:`IndicatorKind`, table 三's
    column by column in the table's order."""

    items: tuple[Indicator, ...]

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, kind: IndicatorKind | str, column: Applicant | str | None = None) -> Indicator:
        """One indicator: for table 三's rates, of ``column`` (总计 unless given)."""
        wanted = IndicatorKind.coerce(kind)
        of = self.of(wanted)
        if of[0].column is None:
            return of[0]
        key = Applicant.coerce(column if column is not None else Applicant.TOTAL)
        for indicator in of:
            if indicator.column is key:
                return indicator
        raise ReportValueError(f"{wanted.value} has no column {key.value!r}")

    def of(self, kind: IndicatorKind | str) -> tuple[Indicator, ...]:
        """The indicators of one kind (one per column for table 三's rates)."""
        wanted = IndicatorKind.coerce(kind)
        return tuple(indicator for indicator in self.items if indicator.kind is wanted)


def indicators(report: AnnualReport | Any) -> Indicators:
    """Every indicator of ``report`` (an :class:`~govdisclosure.report.AnnualReport`, or
    what :func:`~govdisclosure.rollup.aggregate` or :func:`~govdisclosure.read`
    returned: its report), exactly; see the module's documentation for the formulas.

    Given what ``aggregate`` returned, each rate also says which organs left one of its
    cells blank or marked (:attr:`Indicator.gaps`): the summary's figures then lack
    theirs, and the rate covers the other organs only."""
    if isinstance(report, AggregateResult):
        return _with_gaps(indicators(report.report), report)
    if not isinstance(report, AnnualReport):
        report = getattr(report, "report", report)
    if not isinstance(report, AnnualReport):
        raise ReportValueError(f"expected an AnnualReport, got {report!r}")
    items: list[Indicator] = []
    applications = report.applications
    for kind, (over, under) in _APPLICATION_RATES.items():
        for column in applications.column_keys:
            numerator = _operands(report, Section.APPLICATIONS, over, column)
            denominator = _operands(report, Section.APPLICATIONS, under, column)
            items.append(_indicator(kind, column, numerator, denominator, report.edition))
    for kind, cases in _REVIEW_RATES.items():
        numerator = tuple(_operand(report, Section.REVIEWS, case, C.CORRECTED) for case in cases)
        denominator = tuple(
            operand
            for case in cases
            for operand in (
                _operand(report, Section.REVIEWS, case, C.TOTAL),
                _operand(report, Section.REVIEWS, case, C.PENDING, -1),
            )
        )
        items.append(_indicator(kind, None, numerator, denominator, report.edition))
    return Indicators(tuple(items))


def _with_gaps(rates: Indicators, result: AggregateResult) -> Indicators:
    """``rates`` of a summary, each with the organs that left its cells blank or marked."""
    kinds = (AggregateNoteKind.BLANK, AggregateNoteKind.NOT_APPLICABLE)
    missing: dict[str, set[str]] = {}
    for note in result.notes:
        if note.kind in kinds:
            missing.setdefault(note.location.json_path, set()).update(note.organs)
    items = []
    for rate in rates:
        operands = (*rate.numerator, *rate.denominator)
        organs = set().union(*(missing.get(o.location.json_path, ()) for o in operands))
        gaps = tuple(organ for organ in result.organs if organ in organs)
        items.append(attrs.evolve(rate, gaps=gaps) if gaps else rate)
    return Indicators(tuple(items))


def _indicator(
    kind: IndicatorKind,
    column: Applicant | None,
    numerator: tuple[Operand, ...],
    denominator: tuple[Operand, ...],
    edition: Edition,
) -> Indicator:
    formula = _formula(kind, "zh_CN", edition)
    gaps = tuple(o.location for o in (*numerator, *denominator) if type(o.value) is not int)
    if gaps:
        reason: Reason = (_BLANKS, (("cells", Names(gaps)),))
        return Indicator(kind, column, numerator, denominator, None, formula, reason)
    over, under = _total(numerator) or 0, _total(denominator) or 0  # counts, as just seen
    if under <= 0:
        shown = _Expression(denominator)
        if under == 0:
            why: Reason = (_ZERO, (("denominator", shown),))
        else:
            why = (_NEGATIVE, (("denominator", shown), ("value", under)))
        return Indicator(kind, column, numerator, denominator, None, formula, why)
    return Indicator(kind, column, numerator, denominator, Fraction(over, under), formula)


def _operands(
    report: AnnualReport, section: Section, rows: tuple[Any, ...], column: Applicant
) -> tuple[Operand, ...]:
    """The cells of ``rows`` in ``column``; a group row stands for the rows under it."""
    table = layout(report.edition).table(section)
    keys = [leaf.key for row in rows for leaf in _node(table, row).leaves()]
    return tuple(_operand(report, section, key, column) for key in keys)


def _operand(
    report: AnnualReport, section: Section, row: Any, column: Any, sign: int = 1
) -> Operand:
    table = report.table(section)
    position = table.layout.position(row, column)
    return Operand(Location.of_cell(report.edition, section, position), table.cells[position], sign)


def _node(table: TableLayout, key: LabelledEnum) -> Node:
    for top in table.row_tree:
        for node, _ancestors in top.walk():
            if node.key is key:
                return node
    raise KeyError(key)


@functools.cache
def _formula(kind: IndicatorKind, locale: str, edition: Edition = Edition.V2021) -> str:
    """The formula of ``kind`` in words, from the labels of the layout's rows and columns."""
    if kind in _REVIEW_RATES:
        return _review_formula(_REVIEW_RATES[kind], locale, layout(edition).reviews)
    over, under = _APPLICATION_RATES[kind]
    table = layout(edition).applications
    return f"{_side(table, over, locale)} ÷ {_side(table, under, locale)}"


def _side(table: TableLayout, rows: tuple[Any, ...], locale: str) -> str:
    names = [_row_name(table, row, locale) for row in rows]
    return names[0] if len(names) == 1 else "(" + " + ".join(names) + ")"


def _row_name(table: TableLayout, key: LabelledEnum, locale: str) -> str:
    """A row as a formula names it: its numbering and its label without a remark in
    brackets; a group as the sum of its rows ("Σ（三）不予公开")."""
    node = _node(table, key)
    label = translate(node.label, locale)
    for bracket in ("（", " ("):
        label = label.split(bracket)[0] if bracket in label[1:] else label
    numbering = english_numbering(node.numbering) if locale.startswith("en") else node.numbering
    sigma = "Σ " if node.children else ""
    return f"{sigma}{numbering}{label}"


def _review_formula(cases: tuple[ReviewCase, ...], locale: str, table: TableLayout) -> str:
    dot = " · " if locale.startswith("en") else "·"

    def cell(case: ReviewCase, result: ReviewResult) -> str:
        return (
            f"{translate(table.row_node(case).label, locale)}{dot}"
            f"{translate(table.column_node(result).label, locale)}"
        )

    corrected = " + ".join(cell(case, C.CORRECTED) for case in cases)
    decided = " + ".join(f"{cell(case, C.TOTAL)} − {cell(case, C.PENDING)}" for case in cases)
    top = f"({corrected})" if len(cases) > 1 else corrected
    return f"{top} ÷ ({decided})"
