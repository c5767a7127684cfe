"""The English words of this library's own layout, read back as the form's Chinese.

The readers know the form by its Chinese labels. A workbook this library wrote in
English (``locale="en"``) prints the same layout in English words, each the catalog's
translation of one Chinese label of the layouts; read back through those translations,
it is the Chinese form again, so that its tables are matched as any other. Only the
layouts' own words are read so (the labels of rows and columns, captions, the corner,
the sections' headings, the units of money, the standard title); a label of the
report's own (an extra row's) is the report's text and stays as printed.

>>> chinese("(1) Disclosed"), chinese("Total"), chinese_units("1.50 (10,000 yuan)")
('（一）予以公开', '总计', '1.50 万元')
>>> chinese("2. Proactive disclosure of government information")
'二、主动公开政府信息情况'
>>> chinese_title("Annual Report on Government Information Disclosure of 某县教育局 for 2021")
'某县教育局2021年政府信息公开工作年度报告'
>>> chinese("某县教育局") is None
True
"""

from __future__ import annotations

import functools
import re

from govdisclosure.categories import MoneyUnit, Section
from govdisclosure.editions import Edition
from govdisclosure.i18n import translator
from govdisclosure.layouts import layout
from govdisclosure.numerals import value
from govdisclosure.readers.identity import STANDARD_TITLE
from govdisclosure.readers.sections import heading_of

__all__ = ["chinese", "chinese_title", "chinese_units"]

_TABLES = (Section.PROACTIVE, Section.APPLICATIONS, Section.REVIEWS)
#: A numbering printed before an English label: "(1) ", "1. ".
_NUMBERED = re.compile(r"\s*(?:\((\d{1,2})\)|(\d{1,2})\.)\s+")
#: A Chinese numbering's numeral: "（一）", "一、", "1.".
_NUMERAL = re.compile(r"[（(]?([一二三四五六七八九十\d]+)[）)、.]?")


def _add(labels: dict[str, list[tuple[str, str]]], english: str, numbering: str, zh: str) -> None:
    if not english.strip():
        return  # a label the form leaves empty
    entries = labels.setdefault(english, [])
    if (numbering, zh) not in entries:
        entries.append((numbering, zh))


@functools.cache
def _labels() -> dict[str, list[tuple[str, str]]]:
    """Each English label of the layouts, with the numberings and Chinese labels it
    translates."""
    tr = translator("en")
    labels: dict[str, list[tuple[str, str]]] = {}
    for edition in Edition:
        for section in _TABLES:
            table = layout(edition).table(section)
            _add(labels, tr(table.corner), "", table.corner)
            for block in table.blocks:
                if block.caption is not None:
                    _add(labels, tr(block.caption.zh), "", block.caption.zh)
                for top in (*block.row_tree, *block.column_tree):
                    for node, _ in top.walk():
                        _add(labels, tr(node.label), node.numbering, node.label)
    for section in Section:
        heading = heading_of(section)
        numbering, _, title = heading.partition("、")
        _add(labels, tr(section.zh), numbering + "、", title)
    return labels


def _number(numbering: str) -> int | None:
    match = _NUMERAL.fullmatch(numbering)
    if match is None:
        return None
    return int(match[1]) if match[1].isdigit() else value(match[1])


@functools.cache
def _units() -> re.Pattern[str]:
    """An amount followed by the English name of its unit: "6,165,711 yuan", "1.50 (10,000
    yuan)" as this library prints it, "1.50 10,000 yuan" as its earlier versions did."""
    names = sorted((translator("en")(unit.zh) for unit in MoneyUnit), key=len, reverse=True)
    name = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<=\d) (?:\((?P<enclosed>{name})\)|(?P<bare>{name})\b)")


@functools.cache
def _unit_names() -> dict[str, str]:
    return {translator("en")(unit.zh): unit.zh for unit in MoneyUnit}


def chinese(text: str) -> str | None:
    """The Chinese the English ``text`` of this library's layout translates, or
    ``None`` when it is none of its words (see the module)."""
    numbered = _NUMBERED.match(text)
    printed = int(numbered[1] or numbered[2]) if numbered else None
    rest = text[numbered.end() :] if numbered else text
    entries = _labels().get(rest.strip())
    if entries:
        chosen = next(
            (
                entry
                for entry in entries
                if (_number(entry[0]) == printed if printed else not entry[0])
            ),
            entries[0],
        )
        return chosen[0] + chosen[1]
    return None


def chinese_units(text: str) -> str:
    """``text`` with the English names of units of money after a figure in Chinese
    ("1.50 (10,000 yuan) (note)" is "1.50 万元 (note)").

    >>> chinese_units("-3 yuan (note)"), chinese_units("yuan"), chinese_units("1.50 10,000 yuan")
    ('-3 元 (note)', 'yuan', '1.50 万元')
    """
    return _units().sub(lambda match: " " + _unit_names()[match["enclosed"] or match["bare"]], text)


@functools.cache
def _title() -> re.Pattern[str]:
    english = re.escape(translator("en")(STANDARD_TITLE))
    english = english.replace(re.escape("{organ}"), "(?P<organ>.+?)")
    return re.compile(english.replace(re.escape("{year}"), r"(?P<year>\d{4})"))


def chinese_title(text: str) -> str | None:
    """The standard Chinese title the English standard title ``text`` translates, or
    ``None`` when ``text`` is not that title."""
    match = _title().fullmatch(text.strip())
    if match is None:
        return None
    return STANDARD_TITLE.format(organ=match["organ"], year=match["year"])
