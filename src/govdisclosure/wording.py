"""The library's own words for facts a report holds: a date in the locale's long form,
and the preamble of a report that has no wording of its own, composed from its facts.

Renderers print these words; readers compare what they read with them, to tell the
composed wording from a report's own. Both import them from here, so that neither
imports the other. babel is imported on first use.

>>> import datetime as dt
>>> date_text(dt.date(2021, 1, 20), "zh_CN"), date_text(dt.date(2021, 1, 20), "en")
('2021年1月20日', 'January 20, 2021')
"""

from __future__ import annotations

import datetime as dt

from govdisclosure.i18n import LOCALES, babel_locale, gettext_noop as _, translator
from govdisclosure.report import Preamble

__all__ = ["compose_preamble", "date_text", "is_undated", "signature_date"]

#: The date line of a report signed without a date, for the office to fill in by hand or
#: before publishing: the blanks hold the 成文日期 in Arabic numerals, as GB/T 9704-2012
#: writes it (a full-width space is two digits wide).
UNDATED = _("　　年　月　日")


def date_text(date: dt.date, locale: str) -> str:
    """A date in the locale's long form: "2021年1月20日", "January 20, 2021"."""
    if locale == "zh_CN":
        # CLDR's long form for zh ("y年M月d日"), without loading babel for Chinese alone
        # (a summary's preamble, every Chinese render); a test holds it to babel's.
        return f"{date.year}年{date.month}月{date.day}日"
    from babel.dates import format_date

    return format_date(date, "long", locale=babel_locale(locale))


def signature_date(date: dt.date | None, locale: str) -> str:
    """The date line of a report's signature: its date, or blanks to fill in.

    >>> signature_date(None, "zh_CN"), signature_date(dt.date(2021, 1, 20), "zh_CN")
    ('\u3000\u3000年\u3000月\u3000日', '2021年1月20日')
    """
    return date_text(date, locale) if date is not None else translator(locale)(UNDATED)


def is_undated(text: str) -> bool:
    """Whether ``text`` is the date line of a signature without a date, in any locale
    (white space aside).

    >>> is_undated("  年  月  日"), is_undated("2021年1月20日")
    (True, False)
    """
    printed = "".join(text.split())
    return any(printed == "".join(translator(loc)(UNDATED).split()) for loc in LOCALES)


def compose_preamble(preamble: Preamble, locale: str) -> list[str]:
    """The standard wording of a preamble that has none of its own, composed from the
    facts it holds (one paragraph, or none when no fact is known). Readers compare what
    they read with it, to tell a composed wording from a report's own.

    >>> from govdisclosure.report import Period
    >>> compose_preamble(Preamble(period=Period.calendar_year(2021)), "zh_CN")
    ['本报告中使用的数据统计期限为2021年1月1日至2021年12月31日。']
    """
    tr = translator(locale)
    sentences = []
    if preamble.legal_basis:
        sentences.append(
            tr(_("本报告依据{basis}要求编制。")).format(basis="和".join(preamble.legal_basis))
        )
    if preamble.period is not None:
        sentences.append(
            tr(_("本报告中使用的数据统计期限为{start}至{end}。")).format(
                start=date_text(preamble.period.start, locale),
                end=date_text(preamble.period.end, locale),
            )
        )
    if preamble.website is not None:
        where = preamble.website.name + (
            f"（{preamble.website.url}）" if preamble.website.url else ""
        )
        sentences.append(tr(_("本报告电子版可在{where}查阅或下载。")).format(where=where))
    contact = preamble.contact
    if contact is not None and contact.office:
        details = "；".join(
            f"{tr(label)}：{value}"
            for label, value in (
                (_("地址"), contact.address),
                (_("邮编"), contact.postcode),
                (_("电话"), contact.phone),
                (_("电子邮箱"), contact.email),
            )
            if value
        )
        sentence = tr(_("如对本报告有任何疑问，请与{office}联系。")).format(office=contact.office)
        sentences.append(sentence[:-1] + f"（{details}）。" if details else sentence)
    return ["".join(sentences)] if sentences else []
