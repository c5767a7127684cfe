"""A result as text a clerk reads: findings grouped by severity, then what could not be
checked, each with its rule id and message.

>>> import govdisclosure as gd
>>> print(describe(gd.validate(gd.examples.load("zhongning-minzheng-2020"))))
... # doctest: +ELLIPSIS
错误 0 项，警告 0 项，提示 1 项；... 项核对通过，2 项无法核对
  提示
    V1   四、政府信息公开行政复议、行政诉讼情况：5 个单元格未填写...
  无法核对
    D1   发布日期或机关类型未知，无法核对是否按期发布
    R5   四、行政复议·总计 无法核对：...
"""

from __future__ import annotations

from collections.abc import Callable

from govdisclosure.checker.findings import Finding, Severity
from govdisclosure.checker.result import ValidationResult

__all__ = ["describe"]

_UNCHECKED = {"zh": "无法核对", "en": "could not be checked"}
_WHERE = {"zh": "原文：", "en": "in the source: "}


def _lines(
    findings: tuple[Finding, ...], english: bool, where: Callable[[Finding], str] | None
) -> list[str]:
    out = []
    for finding in findings:
        out.append(f"    {finding.rule:<4} {finding.message('en' if english else 'zh_CN')}")
        place = where(finding) if where is not None else ""
        if place:
            out.append(f"         {_WHERE['en' if english else 'zh']}{place}")
    return out


def describe(
    result: ValidationResult,
    *,
    locale: str = "zh_CN",
    where: Callable[[Finding], str] | None = None,
) -> str:
    """The result in a few readable lines: the summary, then errors, warnings, infos and
    the checks that could not be made, in document order within each group. ``where``
    says where a finding's cells stand in the document the report was read from (see
    :meth:`~govdisclosure.readers.result.ReadResult.locate`), printed under it."""
    english = locale.startswith("en")
    lines = [result.summary(locale)]
    for severity in Severity:
        group = tuple(f for f in result.findings if f.severity is severity)
        if group:
            lines.append(f"  {severity.en if english else severity.zh}")
            lines += _lines(group, english, where)
    if result.unchecked:
        lines.append(f"  {_UNCHECKED['en' if english else 'zh']}")
        lines += _lines(result.unchecked, english, where)
    return "\n".join(lines)
