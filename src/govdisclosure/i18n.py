"""Languages. Chinese is the source language: every fixed label, heading and message is
written in Chinese in the code, and other languages come from gettext catalogs (``.po``
files under ``govdisclosure/locale``) read through babel when first needed — importing
the package does not load babel, and there is no build step and no ``.mo`` file.

>>> translate("总计", "en"), translate("总计", "zh_CN")
('Total', '总计')
>>> normalize_locale("en_US"), normalize_locale("zh-CN")
('en', 'zh_CN')
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Final

from govdisclosure.errors import ReportValueError

__all__ = [
    "DOMAIN",
    "LOCALES",
    "SOURCE_LOCALE",
    "add_translations",
    "babel_locale",
    "catalog",
    "gettext_noop",
    "normalize_locale",
    "translate",
    "translator",
]

#: The language the code is written in.
SOURCE_LOCALE: Final = "zh_CN"
#: The locales govdisclosure renders: the source and every catalog it ships.
LOCALES: Final = ("zh_CN", "en")
#: The gettext domain (the catalogs' file name).
DOMAIN: Final = "govdisclosure"


def gettext_noop(text: str) -> str:
    """Mark ``text`` as a message to translate, where it is defined (``_`` by convention);
    it is translated where it is shown, with :func:`translate`."""
    return text


def normalize_locale(locale: str) -> str:
    """The supported locale a locale name means: ``"zh_CN"`` for Chinese (``zh``,
    ``zh-CN``, ``zh_Hans_CN`` …), ``"en"`` for English (``en_US``, ``en-GB`` …)."""
    if not isinstance(locale, str):
        raise ReportValueError(f"a locale is a str such as 'zh_CN' or 'en', got {locale!r}")
    language = locale.replace("-", "_").split("_")[0].lower()
    if language == "zh":
        return "zh_CN"
    if language == "en":
        return "en"
    raise ReportValueError(
        f"unsupported locale {locale!r}; govdisclosure speaks {', '.join(LOCALES)}"
    )


@functools.cache
def babel_locale(locale: str) -> str:
    """The name babel's CLDR data knows a supported locale by (numbers and dates are
    formatted through it).

    >>> babel_locale("zh-CN"), babel_locale("en_GB")
    ('zh_Hans_CN', 'en')
    """
    return "zh_Hans_CN" if normalize_locale(locale) == "zh_CN" else "en"


@functools.cache
def catalog(locale: str) -> dict[str, str]:
    """The translations of ``locale`` (msgid → msgstr), read once from its ``.po`` file."""
    from importlib import resources

    from babel.messages.pofile import read_po

    language = normalize_locale(locale)
    if language == SOURCE_LOCALE:
        return {}
    path = resources.files("govdisclosure").joinpath(f"locale/{language}/LC_MESSAGES/{DOMAIN}.po")
    with path.open("rb") as handle:
        messages = read_po(handle, locale=language, domain=DOMAIN)
    return {str(m.id): str(m.string) for m in messages if m.id and m.string}


#: Translations added at run time (the messages of rules of your own), by locale.
_ADDED: dict[str, dict[str, str]] = {}


def add_translations(locale: str, translations: dict[str, str]) -> None:
    """Add translations of messages that are not in the shipped catalogs — the Chinese
    messages of a rule of your own, say — so that they render in ``locale`` too.

    >>> add_translations("en", {"未说明信息处理费": "says nothing about fees"})
    >>> translate("未说明信息处理费", "en")
    'says nothing about fees'
    """
    language = normalize_locale(locale)
    if language == SOURCE_LOCALE:
        raise ReportValueError("Chinese is the source language: it needs no translations")
    if not isinstance(translations, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in translations.items()
    ):
        raise ReportValueError("translations map Chinese text (str) to its translation (str)")
    _ADDED.setdefault(language, {}).update(translations)


def translate(text: str, locale: str) -> str:
    """``text`` (Chinese) in ``locale``; the Chinese itself when the catalog lacks it (a
    test keeps the catalogs complete, so that only happens with text from outside)."""
    if locale == SOURCE_LOCALE:
        return text
    return translator(locale)(text)


def translator(locale: str) -> Callable[[str], str]:
    """A function that translates Chinese text into ``locale``."""
    language = normalize_locale(locale)
    if language == SOURCE_LOCALE:
        return _same
    table = catalog(language)
    added = _ADDED.get(language)
    if added:
        return lambda text: added.get(text) or table.get(text, text)
    return lambda text: table.get(text, text)


def _same(text: str) -> str:
    return text
