"""The preamble of a summary (汇总) report: what it adds up, stated where published
summaries state it — in the opening paragraph, before section 一 ("本报告综合……的政府信息
公开工作年度报告汇总编制") — followed by the statistical period, worded as the renderers
compose it for a report without a preamble of its own.

It is a statement of fact (which reports were added up, over which period), not prose
invented for the summary: sections 一, 五 and 六 stay empty for their authors.

>>> print(scope_preamble(("某县教育局", "某县民政局"), 2024).paragraphs[0].text)
本报告综合某县教育局、某县民政局共2个机关（单位）的2024年政府信息公开工作年度报告汇总编制。\
本报告中使用的数据统计期限为2024年1月1日至2024年12月31日。
>>> organs = tuple(f"某县第{n}局" for n in range(1, 31))
>>> print(scope_preamble(organs, 2024).paragraphs[0].text.split("。")[0])
本报告综合某县第1局、某县第2局、某县第3局等30个机关（单位）的2024年政府信息公开工作年度报告汇总编制
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from govdisclosure.report import Period, Preamble
from govdisclosure.wording import compose_preamble

__all__ = ["LISTED", "scope_preamble"]

#: Up to this many organs are named one by one; more are named by the first three and
#: counted ("…等30个机关（单位）"), as summaries of a whole county word it. The scope of the
#: report lists every one of them either way.
LISTED: Final = 10


def _organs(organs: Sequence[str]) -> str:
    named = organs if len(organs) <= LISTED else organs[:3]
    joined = "、".join(named)
    return f"{joined}{'共' if len(organs) <= LISTED else '等'}{len(organs)}个机关（单位）"


def scope_preamble(organs: Sequence[str], year: int) -> Preamble:
    """The preamble of the summary of ``organs``' reports on ``year``: one paragraph that
    says what was added up and over which period, with the period as a fact."""
    period = Period.calendar_year(year)
    statement = f"本报告综合{_organs(organs)}的{year}年政府信息公开工作年度报告汇总编制。"
    composed = compose_preamble(Preamble(period=period), "zh_CN")
    return Preamble(paragraphs=(statement + "".join(composed),), period=period)
