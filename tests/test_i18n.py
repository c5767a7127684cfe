"""Languages: Chinese in the code, English from the catalog, and the catalog complete."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import govdisclosure as gd
import govdisclosure.checker.findings as findings_module
from govdisclosure import _catalogs
from govdisclosure.checker.builtin.meta import OVERVIEW_TOPICS
from govdisclosure.checker.findings import Figures
from govdisclosure.i18n import LOCALES, SOURCE_LOCALE, normalize_locale, translate, translator
from tests import broken_reports

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


# --- findings: Chinese without babel, English without Chinese ----------------------------------

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_PATH = str(Path(gd.__file__).resolve().parent.parent)
#: Chinese characters, and the CJK and full-width punctuation that goes with them.
CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

#: Reads every finding of a clean report and of the broken suite in Chinese, in a fresh
#: interpreter, and says which babel modules that loaded.
CHINESE_ONLY = """
import sys

import govdisclosure as gd
from tests import broken_reports

clean = gd.validate(broken_reports.invented())
shown = [f.message_zh for f in (*clean.findings, *clean.unchecked)]
shown.append(clean.summary("zh_CN"))
for case in broken_reports.suite():
    for finding in broken_reports.findings(case):
        shown += [finding.message_zh, str(finding), finding.location.name_zh]
        shown += [place.name_zh for place in finding.involved]
assert len(shown) > 300, len(shown)
print(sorted(name for name in sys.modules if name.split(".")[0] == "babel"))
"""


def test_checking_in_chinese_never_loads_babel() -> None:
    # English comes from the catalog, read with babel: a finding works it out only when an
    # English message (or name) is asked for.
    done = subprocess.run(
        [sys.executable, "-c", CHINESE_ONLY],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        # The package from where this test imports it (a worktree's own, say), and tests.
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), PACKAGE_PATH])},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _outside_report_text(finding: gd.Finding, message: str) -> str:
    """``message`` without the text it quotes from the report: the quote, and the report's
    own words among the values (a mark such as “无”, an organ's name); a Term is not the
    report's (it is translated), so it stays."""
    own = [finding.quote, finding.reported, finding.computed]
    own += [value for _name, value in finding.params if type(value) is str]
    own += [organ for value in _figures(finding) for organ in value.organs]
    for text in sorted((t for t in own if isinstance(t, str) and t), key=len, reverse=True):
        message = message.replace(text, "")
    return message


def _figures(finding: gd.Finding) -> list[Figures]:
    """The lists of organs' figures among a finding's values (their names are the
    reports' own words)."""
    return [value for _name, value in finding.params if isinstance(value, Figures)]


@pytest.mark.parametrize("case", broken_reports.suite(), ids=lambda case: case[0])
def test_findings_in_english_hold_no_chinese(case: broken_reports.Case) -> None:
    found = broken_reports.findings(case)
    assert found
    for finding in found:
        english = finding.message_en
        assert "{" not in english, english
        assert english != finding.message_zh
        if (
            finding.quote is None
            and not _figures(finding)
            and not any(
                type(value) is str and CJK.search(value)
                for value in (finding.reported, finding.computed, *dict(finding.params).values())
            )
        ):
            assert not CJK.search(english), english  # nothing of the report's: all English
        assert not CJK.search(_outside_report_text(finding, english)), english
        for place in (finding.location, *finding.involved):
            assert not CJK.search(place.name_en), place.name_en


def test_the_broken_suite_shows_every_message_of_the_built_in_rules() -> None:
    # So that the test above reads each of them in English; what is marked in the checker
    # and never a message is a name shown inside one (a place, a topic).
    names = {
        "上年报告 {place}",
        "前言",
        "发布日期",
        "报告年度",
        "机关名称",
        "格式版本",
        "统计期限",
        *(topic for topic, _words in OVERVIEW_TOPICS),
        # Not a rule's message: what any finding adds when a reader guessed its cells.
        findings_module._GUESSED,
        # Hierarchy rules: places, a part's cells, and what a list of figures says.
        "汇总范围",
        "下级报告",
        "下级报告 {number}：{place}",
        # The batch rule: another report's part.
        "同批次报告 {number}：{place}",
        findings_module._ZEROS,
        findings_module._BLANK,
        findings_module._NONE,
    }
    marked = {
        text
        for text, where in _catalogs.msgids().items()
        if any(w.startswith("checker/") for w in where)
    }
    shown = {
        finding.template
        for case in broken_reports.suite()
        for finding in broken_reports.findings(case)
    }
    assert shown == marked - names


@pytest.mark.parametrize(
    "date", [dt.date(2021, 1, 20), dt.date(2024, 12, 31), dt.date(2000, 2, 29), dt.date(1, 1, 1)]
)
def test_chinese_dates_are_babels_long_form(date: dt.date) -> None:
    from babel.dates import format_date

    from govdisclosure.wording import date_text

    assert date_text(date, "zh_CN") == format_date(date, "long", locale="zh_CN")
