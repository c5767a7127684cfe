"""The customary statistical sentences of 总体情况, written from the tables: what offices
put in the text and reviewers expect to match tables 二, 三 and 四.

:func:`describe` writes, in Chinese as offices write them or in English:

- the 主动公开 sentence, from table 二: documents issued, repealed and in force (2019:
  made, published, published in total), decisions on licences, penalties and coercion,
  fees collected (2019: centralised procurement);
- the 依申请公开 sentence, from table 三's 总计 column: "本年度共收到政府信息公开申请X件，
  上年结转Y件，办结Z件，其中予以公开A件，…，结转下年度继续办理B件。";
- the 复议/诉讼 sentence, from table 四's 总计 column.

Parts that are blank or zero are left out, the way people write (no "上年结转0件"); a
sentence with nothing to say is left out, except that no application and no case are
said as such ("本年度未收到政府信息公开申请。"). A blank or a mark where a figure is
needed is never written as a number: the part is left out. Counts are written as the
form prints them in Chinese (digits, no separators: the prose rules read them back) and
through babel, grouped, in English; amounts keep their digits. The prose rules P1–P3
accept everything written here (a property test holds them to it).

>>> import govdisclosure as gd
>>> report = gd.examples.load("shiyan-ziranziyuan-2022")
>>> import re
>>> for sentence in sentences(report):  # a line per clause
...     print(re.sub("([，；])", r"\\1\\n", sentence))
本年度，
本机关制发行政规范性文件3件，
废止行政规范性文件1件，
现行有效行政规范性文件12件；
作出行政许可决定1268件、行政处罚决定37件、行政强制决定5件；
收取行政事业性收费1.25万元。
本年度共收到政府信息公开申请54件，
上年结转5件，
办结53件，
其中予以公开23件、部分公开6件、不予公开11件、无法提供8件、不予处理3件、其他处理2件，
结转下年度继续办理6件。
本年度因政府信息公开被申请行政复议4件（结果维持2件、结果纠正1件、尚未审结1件），
被提起行政诉讼4件（未经复议直接起诉2件、复议后起诉2件）。
>>> import textwrap
>>> print(textwrap.fill(sentences(report, "en")[1], 88))
This year the organ received 54 requests for government information, carried over 5 from
the previous year and dealt with 53 (23 disclosed, 6 partially disclosed, 11 not
disclosed, 8 cannot be provided, 3 not processed, 2 other handling); 6 were carried
forward to the next year.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from govdisclosure.categories import (
    Applicant,
    ApplicationRow,
    MoneyUnit,
    ProactiveColumn,
    ReviewCase,
    ReviewResult,
)
from govdisclosure.cells import Cell, Money
from govdisclosure.i18n import babel_locale, gettext_noop as _, normalize_locale, translate
from govdisclosure.labels import LabelledEnum
from govdisclosure.layouts import Node
from govdisclosure.renderers.numbers import count_text, money_text
from govdisclosure.report import AnnualReport
from govdisclosure.tables import CellTable

__all__ = ["describe", "sentences"]

C = ProactiveColumn
#: How a column of table 二 is said, with the rows it counts: "制发规章1件、行政规范性文件3件".
_VERBS: dict[LabelledEnum, str] = {
    C.ISSUED: _("制发{items}"),
    C.REPEALED: _("废止{items}"),
    C.IN_FORCE: _("现行有效{items}"),
    C.NEW_MADE: _("新制作{items}"),
    C.NEW_PUBLISHED: _("新公开{items}"),
    C.TOTAL_PUBLISHED: _("累计对外公开{items}"),
}


def describe(report: AnnualReport, lang: str = "zh_CN") -> str:
    """The customary sentences on ``report``'s tables, as one paragraph in ``lang``
    (``zh_CN`` or ``en``)."""
    locale = normalize_locale(lang)
    return ("" if locale == "zh_CN" else " ").join(sentences(report, locale))


def sentences(report: AnnualReport, lang: str = "zh_CN") -> tuple[str, ...]:
    """The sentences of :func:`describe`, one per table that has something to say: the
    主动公开, the 依申请公开 and the 复议/诉讼 sentence, in that order."""
    writer = _Writer(report, normalize_locale(lang))
    found = (writer.proactive(), writer.applications(), writer.reviews())
    return tuple(sentence for sentence in found if sentence)


def _number(cell: Cell) -> int | None:
    return cell if type(cell) is int else None


def _sum(
    table: CellTable[Any, Any], rows: Iterable[LabelledEnum], column: LabelledEnum
) -> int | None:
    """The sum of ``rows`` in ``column``, or None unless every one is a count."""
    values = [_number(table[row, column]) for row in rows]
    return None if None in values else sum(v for v in values if v is not None)


def _plain(label: str) -> str:
    """A label without the remark some end in for whoever fills the form in:
    "部分公开（区分处理的，只计这一情形，不计其他情形）" is "部分公开"."""
    for opening in ("（", " ("):
        if label.endswith(("）", ")")) and opening in label:
            return label[: label.index(opening)]
    return label


#: One of each money unit is ten to this power yuan.
_POWERS = {MoneyUnit.YUAN: 0, MoneyUnit.TEN_THOUSAND_YUAN: 4, MoneyUnit.HUNDRED_MILLION_YUAN: 8}


class _Writer:
    """The sentences of one report in one language. Every piece of wording is a Chinese
    template marked for translation; its English puts the words in English order (the
    templates name their values, so the order may change)."""

    def __init__(self, report: AnnualReport, locale: str) -> None:
        self.report = report
        self.locale = locale
        self.zh = locale == "zh_CN"

    # --- words ----------------------------------------------------------------------------

    def say(self, template: str, **values: object) -> str:
        """``template`` in the sentence's language, filled in (the year is always given)."""
        return translate(template, self.locale).format(year=self.report.year, **values)

    def label(self, node: Node) -> str:
        """A row's or column's label in the sentence's language (lower-cased in English,
        where it stands inside a sentence), without its remark."""
        text = _plain(translate(node.label, self.locale))
        return text if self.zh else text[:1].lower() + text[1:]

    def count(self, value: int) -> str:
        """A count: digits as the form prints them in Chinese (the prose rules read them
        back), grouped by babel in English."""
        if self.zh:
            return count_text(value, self.locale)
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=babel_locale(self.locale)))

    def money(self, money: Money) -> str:
        """An amount: as offices write it in Chinese ("1.25万元"), in yuan in English."""
        if self.zh:
            return money_text(money, self.locale).replace(" ", "")
        from babel.numbers import format_decimal

        yuan = money.amount.scaleb(_POWERS[money.unit])
        digits = format_decimal(yuan, locale=babel_locale(self.locale), decimal_quantization=False)
        return self.say(_("{amount}元"), amount=digits)

    def items(self, parts: list[str]) -> str:
        return ("、" if self.zh else ", ").join(parts)

    def item(self, node: Node, count: int) -> str:
        return self.say(_("{row}{count}件"), row=self.label(node), count=self.count(count))

    # --- 二 主动公开 -----------------------------------------------------------------------

    def proactive(self) -> str:
        table = self.report.proactive
        clauses = [*self._documents(table), *self._decisions(table), *self._amounts(table)]
        if not clauses:
            return ""
        return self.say(_("本年度，本机关{clauses}。"), clauses=self.say(_("；")).join(clauses))

    def _documents(self, table: CellTable[Any, Any]) -> Iterator[str]:
        """Table 二（一）: a clause naming the rows each column counts, "制发规章1件"."""
        block = table.layout.blocks[0]
        parts = []
        for column in block.columns:
            counted = [
                self.item(row, n)
                for row in block.rows
                if (n := _number(table[row.key, column.key]))
            ]
            verb = _VERBS.get(column.key)
            if verb is not None and counted:
                parts.append(self.say(verb, items=self.items(counted)))
        if parts:
            yield self.say(_("，")).join(parts)

    def _decisions(self, table: CellTable[Any, Any]) -> Iterator[str]:
        """The decisions of table 二（五）（六）: "作出行政许可决定1268件、…"."""
        layout = table.layout
        items = [
            self.say(
                _("{row}决定{count}件"), row=self.label(layout.row_node(row)), count=self.count(n)
            )
            for row, n in (
                (plan.key, _number(table[plan.key, C.DECISIONS]))
                for plan in layout.row_plans
                if any(column.key is C.DECISIONS for column in plan.columns)
            )
            if n
        ]
        if items:
            yield self.say(_("作出{items}"), items=self.items(items))

    def _amounts(self, table: CellTable[Any, Any]) -> Iterator[str]:
        """Fees collected (2021) or centralised procurement (2019), not zero."""
        layout = table.layout
        for spec, cell in table.items():
            if type(cell) is Money and cell.amount != 0 and spec.column in _AMOUNTS:
                row = self.label(layout.row_node(spec.row))
                yield self.say(_AMOUNTS[spec.column], row=row, amount=self.money(cell))

    # --- 三 依申请公开 ---------------------------------------------------------------------

    def applications(self) -> str:
        table = self.report.applications
        new, carried, handled, forward = (
            _number(table[row, Applicant.TOTAL])
            for row in (
                ApplicationRow.NEW,
                ApplicationRow.CARRIED_OVER,
                ApplicationRow.TOTAL,
                ApplicationRow.CARRIED_FORWARD,
            )
        )
        if new is None:
            return ""
        if new == 0 and not carried:
            return self.say(_("本年度未收到政府信息公开申请。"))
        text = self.say(_("本年度共收到政府信息公开申请{count}件"), count=self.count(new))
        if carried:
            text += self.say(_("，上年结转{count}件"), count=self.count(carried))
        if handled:
            text += self.say(_("，办结{count}件"), count=self.count(handled))
            outcomes = self._outcomes(table)
            if outcomes:
                text += self.say(_("，其中{items}"), items=self.items(outcomes))
        if forward:
            text += self.say(_("，结转下年度继续办理{count}件"), count=self.count(forward))
        return text + self.say(_("。"))

    def _outcomes(self, table: CellTable[Any, Any]) -> list[str]:
        """（一） to （六） of 三、本年度办理结果, each with its 总计 (a group's rows added
        up), those not zero; none when one of them is not a number."""
        top = next(node for node in table.layout.row_tree if node.key is ApplicationRow.OUTCOMES)
        items = []
        for node in top.children:
            if node.key is ApplicationRow.TOTAL:
                continue
            n = _sum(table, (leaf.key for leaf in node.leaves()), Applicant.TOTAL)
            if n is None:
                return []
            if n:
                items.append(self.item(node, n))
        return items

    # --- 四 复议/诉讼 ----------------------------------------------------------------------

    def reviews(self) -> str:
        table = self.report.reviews
        review = _number(table[ReviewCase.REVIEW, ReviewResult.TOTAL])
        lawsuits = _sum(table, _LAWSUITS, ReviewResult.TOTAL)
        if review == 0 and lawsuits == 0:
            return self.say(_("本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。"))
        clauses = []
        if review:
            results = [n for n in table.layout.columns_in_order if n.key is not ReviewResult.TOTAL]
            details = [(node, table.get(ReviewCase.REVIEW, node.key.value)) for node in results]
            clauses.append(
                self.say(_("因政府信息公开被申请行政复议{count}件"), count=self.count(review))
                + self._details(details)
            )
        if lawsuits:
            kinds = [
                (table.layout.row_node(case), table[case, ReviewResult.TOTAL]) for case in _LAWSUITS
            ]
            if clauses:  # after the reviews, which said what the cases are about
                lawsuit = _("被提起行政诉讼{count}件")
            else:
                lawsuit = _("因政府信息公开被提起行政诉讼{count}件")
            clauses.append(self.say(lawsuit, count=self.count(lawsuits)) + self._details(kinds))
        if not clauses:
            return ""
        return self.say(_("本年度{clauses}。"), clauses=self.say(_("，")).join(clauses))

    def _details(self, parts: list[tuple[Node, Cell]]) -> str:
        """In brackets, the parts that are not zero; nothing unless every part is a count."""
        if any(type(cell) is not int for _node, cell in parts):
            return ""
        items = [self.item(node, cell) for node, cell in parts if cell]  # type: ignore[arg-type]
        return self.say(_("（{items}）"), items=self.items(items)) if items else ""


_LAWSUITS = (ReviewCase.LITIGATION_DIRECT, ReviewCase.LITIGATION_AFTER_REVIEW)
#: How an amount of table 二 is said.
_AMOUNTS: dict[LabelledEnum, str] = {
    C.FEE_AMOUNT: _("收取{row}{amount}"),
    C.PROCUREMENT_AMOUNT: _("{row}总金额{amount}"),
}
