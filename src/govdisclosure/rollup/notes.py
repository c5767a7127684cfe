"""What adding up says: the choice for blank cells, and the notes on every case that is
not a plain sum of numbers.

A note names its place (a :class:`~govdisclosure.checker.findings.Location`: the cell as a
clerk reads it, in English, and its JSON path), the organs it concerns, and a message in
Chinese and English, as a finding does.

>>> BlankPolicy.SKIP.value, BlankPolicy.SKIP.zh
('skip', '按已填数字合计')
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from govdisclosure.checker.findings import Bilingual, Location, fill
from govdisclosure.labels import LabelledEnum

__all__ = ["AggregateNote", "AggregateNoteKind", "BlankPolicy"]


class BlankPolicy(LabelledEnum):
    """What a blank cell of a part does to the summed cell. Whichever is chosen, every
    cell a blank touched gets a note naming the organs that left it blank."""

    #: The sum of the figures the other organs gave (the default); blank when none did.
    SKIP = "skip", "按已填数字合计"
    #: A blank counts as 0.
    ZERO = "zero", "空白按零计"
    #: A blank part makes the summed cell blank.
    BLANK = "blank", "有空白则合计留空"


class AggregateNoteKind(LabelledEnum):
    """What a note on adding up is about."""

    BLANK = "blank", "空白单元格"
    NOT_APPLICABLE = "not_applicable", "不适用符号"
    UNIT = "unit", "金额单位换算"
    SIGNED = "signed", "增减相抵"
    TOTALS = "totals", "总计与明细不符"
    EXTRA = "extra", "格式以外的行列"
    SCOPE = "scope", "汇总范围"
    PROSE = "prose", "文字部分"


@frozen
class AggregateNote(Bilingual):
    """One case of adding up that is not a plain sum of numbers, at one place.

    ``template`` is the Chinese message, filled with ``cell`` (the place) and ``params``
    in the language asked for; ``organs`` are the organs it concerns, in the order of
    the reports given.
    """

    kind: AggregateNoteKind
    location: Location
    template: str
    params: tuple[tuple[str, Any], ...] = field(default=(), eq=False, repr=False)
    organs: tuple[str, ...] = ()

    def message(self, locale: str = "zh_CN") -> str:
        """The message in ``locale``: Chinese (the default) or English."""
        return fill(self.template, {"cell": self.location, **dict(self.params)}, locale)

    def __str__(self) -> str:
        return f"[{self.kind.value}] {self.message_zh}"
