"""Languages: Chinese in the code, English from the catalog, and the catalog complete."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

import govdisclosure as gd
from govdisclosure import _catalogs
from govdisclosure.i18n import LOCALES, SOURCE_LOCALE, normalize_locale, translate, translator

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def read(locale: str) -> dict[str, str]:
    with _catalogs.catalog_path(locale).open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != SOURCE_LOCALE])
def test_catalog_holds_exactly_the_messages_of_the_code(locale: str) -> None:
    # make messages (python -m govdisclosure._catalogs) brings it in line
    assert sorted(read(locale)) == sorted(_catalogs.msgids())


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != SOURCE_LOCALE])
def test_every_message_is_translated_with_the_same_placeholders(locale: str) -> None:
    for msgid, msgstr in read(locale).items():
        assert msgstr.strip(), f"{msgid!r} has no {locale} translation"
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), msgid


def test_labels_in_english_come_from_the_catalog() -> None:
    assert gd.ApplicationRow.NEW.en == translate("本年新收政府信息公开申请数量", "en")
    assert gd.ApplicationRow.NEW.label("en") == gd.ApplicationRow.NEW.en
    assert gd.ApplicationRow.NEW.label("zh_CN") == "本年新收政府信息公开申请数量"
    assert translator("en")("行政规范性文件") == "Administrative normative documents"
    assert translator("zh_CN")("行政规范性文件") == "行政规范性文件"
    assert translate("不在目录中的句子", "en") == "不在目录中的句子"  # falls back, never fails


@pytest.mark.parametrize(
    ("given", "expected"),
    [("zh_CN", "zh_CN"), ("zh", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("en", "en"), ("en_GB", "en")],
)
def test_locale_names(given: str, expected: str) -> None:
    assert normalize_locale(given) == expected


@pytest.mark.parametrize("bad", ["fr", "", 5])
def test_unsupported_locales_are_refused(bad: object) -> None:
    with pytest.raises(gd.ReportValueError, match="locale"):
        normalize_locale(bad)  # type: ignore[arg-type]
