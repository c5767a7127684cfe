"""A short summary of a report in one language: who reported, for which year, on which
edition and scope; the customary sentences on its tables (:func:`~govdisclosure.describe`);
and the indicators reviewers compute by hand (:func:`~govdisclosure.indicators`).

It is what ``govdisclosure summary`` prints. Every word is Chinese as the form prints it,
or its English through the catalogs; none is typed here twice.

>>> import govdisclosure as gd
>>> print(summarize(gd.examples.load("shiyan-ziranziyuan-2022")))  # doctest: +ELLIPSIS
示例县自然资源局2022年政府信息公开工作年度报告
机关：示例县自然资源局；年度：2022；格式：2021年版（国办公开办函〔2021〕30号）；范围：本机关
本年度，本机关制发行政规范性文件3件，...结转下年度继续办理6件。...
指标：公开率 54.7%；不予公开率 20.8%；...；诉讼纠错率 0.0%
>>> print(summarize(gd.examples.load("shiyan-ziranziyuan-2022"), "en"))  # doctest: +ELLIPSIS
示例县自然资源局2022年政府信息公开工作年度报告
Organ: 示例县自然资源局; year: 2022; form: 2021 edition (国办公开办函〔2021〕30号); scope: ...
This year the organ issued 3 administrative normative documents, ...
Indicators: Disclosure rate 54.7%; ...
"""

from __future__ import annotations

from govdisclosure.categories import Applicant
from govdisclosure.i18n import gettext_noop as _, normalize_locale, translate
from govdisclosure.ratios import indicators
from govdisclosure.report import AnnualReport
from govdisclosure.sentences import describe

__all__ = ["summarize"]

#: How the parts of a line are joined, and how a part is labelled, in each language.
_JOIN = {"zh_CN": "；", "en": "; "}
_LABEL = {"zh_CN": "{label}：{value}", "en": "{label}: {value}"}


def _part(label: str, value: object, locale: str, first: bool = False) -> str:
    text = translate(label, locale)
    if locale == "en" and not first:
        text = text[:1].lower() + text[1:]
    return _LABEL[locale].format(label=text, value=value)


def _identity(report: AnnualReport, locale: str) -> str:
    """Organ, year, edition (with the document that set it) and scope, on one line."""
    edition = translate(_("{edition}年版"), locale).format(edition=report.edition.value)
    scope = translate(report.scope.kind.zh, locale)
    if locale == "en":
        scope = scope[:1].lower() + scope[1:]  # inside the line: "scope: the organ itself"
    if report.scope.organs:
        scope += f"（{'、'.join(report.scope.organs)}）"
    parts = [
        _part(_("机关"), report.organ, locale, first=True),
        _part(_("年度"), report.year, locale),
        _part(_("格式"), f"{edition}（{report.edition.document}）", locale),
        _part(_("范围"), scope, locale),
    ]
    line = _JOIN[locale].join(parts)
    return line if locale == "zh_CN" else line.replace("（", " (").replace("）", ")")


def _indicators(report: AnnualReport, locale: str) -> str:
    """The indicators over all applicants (named without their column), rounded for
    reading; "—" where one cannot be computed (a zero or blank denominator), never 0 %."""
    shown = [
        f"{translate(indicator.kind.zh, locale)} {indicator.display()}"
        for indicator in indicators(report)
        if indicator.column in (None, Applicant.TOTAL)
    ]
    return _part(_("指标"), _JOIN[locale].join(shown), locale, first=True)


def summarize(report: AnnualReport, lang: str = "zh_CN") -> str:
    """A few readable lines on ``report`` in ``lang`` (``zh_CN`` or ``en``): its title,
    who and what it covers, the customary sentences on its tables and its indicators."""
    locale = normalize_locale(lang)
    lines = [report.title, _identity(report, locale)]
    described = describe(report, locale)
    if described:
        lines.append(described)
    lines.append(_indicators(report, locale))
    return "\n".join(lines)
