"""The facts a report states in words: the organ and year in its title, the legal
basis, statistical period, website and contact office in its preamble, and the date it
was signed at its end.

>>> parse_title("中宁县民政局 2020 年政府信息公开工作 年度报告")
('中宁县民政局', 2020)
>>> facts = preamble_facts("本报告中使用的数据统计期限为 2020 年 1 月 1 日至 12 月 31 日。")
>>> facts["period"]
Period(start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from govdisclosure.categories import OrganKind
from govdisclosure.readers.traditional import simplified
from govdisclosure.report import Contact, Period, Website

__all__ = ["organ_kind", "parse_date", "parse_title", "preamble_facts", "title_parts"]

_REPORT = r"(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)"
_TITLE = re.compile(rf"^(?P<organ>.+?)(?:关于)?(?P<year>\d{{4}})年度?{_REPORT}")
#: A title that names the year first ("2024年某市人民政府办公厅政府信息公开工作年度报告"),
#: or only one of the organ and the year: the organ is all up to the report's name.
_YEAR_FIRST = re.compile(rf"^(?P<year>\d{{4}})年度?(?P<organ>(?!度).*){_REPORT}")
_NO_YEAR = re.compile(rf"^(?P<organ>.*?)(?:关于)?{_REPORT}")
_DATE = r"(?P<{p}y>\d{{4}})\s*年\s*(?P<{p}m>\d{{1,2}})\s*月\s*(?P<{p}d>\d{{1,2}})\s*日"
_PERIOD = re.compile(
    _DATE.format(p="a")
    + r"\s*(?:至|到|—|-|～|~)\s*"
    + r"(?:(?P<by>\d{4})\s*年\s*)?(?P<bm>\d{1,2})\s*月\s*(?P<bd>\d{1,2})\s*日"
)
_ONE_DATE = re.compile(r"^\s*" + _DATE.format(p="") + r"\s*$")
_BASIS = re.compile(r"《[^《》]{2,80}》(?:[（(][^（）()《》]{1,60}[）)])?")
_SHORT_NAME = re.compile(r"[（(]以下简称[^（）()]*[）)]")
_WEBSITE = re.compile(
    r"(?:可在|可登录|可以在|请登录|通过)(?P<name>[^，。；（(]{2,40}?)"
    r"(?:[（(](?P<url>(?:https?://|www\.)[^）)\s]+)[）)])?\s*(?:上|上的)?(?:查阅|下载|查询|浏览)"
)
_CONTACT = re.compile(r"请?与(?P<office>[^，。；（(]{2,40}?)联系")
_DETAILS = {
    "address": re.compile(r"(?:地址|通讯地址)\s*[:：]\s*(?P<v>[^；;，,。）)]+)"),
    "postcode": re.compile(r"邮(?:政)?编(?:码)?\s*[:：]\s*(?P<v>\d{6})"),
    "phone": re.compile(r"(?:电话|联系电话)\s*[:：]\s*(?P<v>[\d\-－ （）()]{5,30}\d)"),
    "email": re.compile(r"(?:电子邮箱|邮箱|E-?mail)\s*[:：]\s*(?P<v>[\w.+\-]+@[\w.\-]+\w)", re.I),
}


def parse_title(title: str) -> tuple[str, int] | None:
    """The organ and year a report's title names, or ``None`` unless it names both.

    >>> parse_title("2024年某市人民政府办公厅政府信息公开工作年度报告")
    ('某市人民政府办公厅', 2024)
    """
    organ, year = title_parts(title)
    return (organ, year) if organ and year else None


def title_parts(title: str) -> tuple[str | None, int | None]:
    """The organ and the year a report's title names, each ``None`` when it does not
    name it: the organ before the year or after it, or none ("2023年度政府信息公开工作
    年度报告"); a title without a year may still name the organ.

    >>> title_parts("某某局2023年度政府信息公开工作年度报告")
    ('某某局', 2023)
    >>> title_parts("2023年度政府信息公开工作年度报告"), title_parts("某某局政务公开工作年度报告")
    ((None, 2023), ('某某局', None))
    >>> title_parts("某某局政府信息公开工作年度报告（2023年度）")
    ('某某局', 2023)
    """
    squeezed = re.sub(r"\s+", "", title)
    match = _TITLE.match(squeezed) or _YEAR_FIRST.match(squeezed)
    if match is not None:
        return match["organ"] or None, int(match["year"])
    match = _NO_YEAR.match(squeezed)
    organ = match["organ"] or None if match else None
    # A year printed after the report's name: "某某局政府信息公开工作年度报告（2023年度）".
    year = re.search(r"(?<!\d)(\d{4})年", squeezed[match.end() :]) if match else None
    return organ, int(year[1]) if year else None


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The date of a line that holds only a date ("2021年1月20日"), else ``None``."""
    match = _ONE_DATE.match(text)
    return _date(match["y"], match["m"], match["d"]) if match else None


def preamble_facts(text: str) -> dict[str, Any]:
    """What the preamble's wording states, by :class:`~govdisclosure.report.Preamble`
    field; fields it does not state are left out.

    The words are looked for in the text's Simplified form (a preamble printed in
    Traditional script says 依據, 查閱, 請與…聯繫), and the facts taken as printed: the
    Simplified form is as long as the text, a place in one is the place in the other.

    >>> preamble_facts("請與臨溪縣衛生局辦公室聯繫（電話：0000-6123456）")["contact"].office
    '臨溪縣衛生局辦公室'
    """
    key = simplified(text)
    facts: dict[str, Any] = {}
    basis_at = key.find("依据")
    if basis_at >= 0:
        end = min(
            (i for i in (key.find("要求", basis_at), key.find("编制", basis_at)) if i > 0),
            default=len(key),
        )
        # "（以下简称《条例》）" names a document already cited, under a short name.
        cited, printed = _without(_SHORT_NAME, key[basis_at:end], text[basis_at:end])
        found = tuple(printed[m.start() : m.end()] for m in _BASIS.finditer(cited))
        if found:
            facts["legal_basis"] = found
    match = _PERIOD.search(key)
    if match:
        start = _date(match["ay"], match["am"], match["ad"])
        end_date = _date(match["by"] or match["ay"], match["bm"], match["bd"])
        if start and end_date and start <= end_date:
            facts["period"] = Period(start, end_date)
    match = _WEBSITE.search(key)
    if match:
        url = match["url"] and text[match.start("url") : match.end("url")]
        facts["website"] = Website(_printed(text, match, "name").strip(), url)
    match = _CONTACT.search(key)
    if match:
        rest, printed = key[match.end() :], text[match.end() :]
        details = {
            field: _printed(printed, detail, "v").strip()
            for field, pattern in _DETAILS.items()
            if (detail := pattern.search(rest))
        }
        facts["contact"] = Contact(office=_printed(text, match, "office").strip(), **details)
    return facts


def _printed(text: str, match: re.Match[str], group: str) -> str:
    """What ``text`` prints where ``match`` found ``group`` in its Simplified form."""
    return text[match.start(group) : match.end(group)]


def _without(pattern: re.Pattern[str], key: str, text: str) -> tuple[str, str]:
    """``key`` without what ``pattern`` finds in it, and ``text`` without the same places."""
    kept_key, kept_text, at = [], [], 0
    for match in pattern.finditer(key):
        kept_key.append(key[at : match.start()])
        kept_text.append(text[at : match.start()])
        at = match.end()
    return "".join(kept_key) + key[at:], "".join(kept_text) + text[at:]


def organ_kind(organ: str) -> OrganKind | None:
    """The kind of organ its name says: a people's government, or one of its
    departments; ``None`` when the name does not say.

    >>> organ_kind("中宁县民政局"), organ_kind("中宁县人民政府")
    (<OrganKind.DEPARTMENT: 'department' 政府部门>, <OrganKind.GOVERNMENT: 'government' 人民政府>)
    >>> organ_kind("雲溪縣人民政府辦公室")
    <OrganKind.DEPARTMENT: 'department' 政府部门>
    """
    name = simplified(organ)  # a name printed in Traditional script ends alike: 辦公室
    if name.endswith(OrganKind.GOVERNMENT.zh):  # the kind's label ends the name: 人民政府
        return OrganKind.GOVERNMENT
    if re.search(r"(?:局|厅|委员会|委|办公室|办|部|署|中心)$", name):
        return OrganKind.DEPARTMENT
    return None
