"""Invented reports with varied prose, made deterministically, for the reuse measure's
tests and benchmark: a batch whose parts differ as real reports' do, with some parts
copied from another report (the year and the figures changed), and a template paragraph
many of them share.

The prose is not Chinese anyone would write: words of two or three characters drawn from
a few hundred common ones, with some stock phrases of real reports among them. What
matters is that two parts not copied share little, as two offices' texts do, and that a
copy, a template and the stock phrases are there to be found or ignored.
"""

from __future__ import annotations

import functools
import random
import re

import attrs

import govdisclosure as gd
from govdisclosure import AnnualReport, Overview, Subsection

__all__ = ["TEMPLATE", "batch", "copied_pairs"]

#: Stock phrases real reports share, mixed into the invented words.
_STOCK = (
    "进一步加强",
    "政府信息公开工作",
    "依申请公开",
    "主动公开",
    "政务新媒体",
    "门户网站",
    "及时回应社会关切",
    "规范办理流程",
)
#: A paragraph that a quarter of the batch opens its overview with (a province's template).
TEMPLATE = (
    "本年度，我们坚持以人民为中心的发展思想，认真贯彻落实上级关于全面推进政务公开工作的"
    "决策部署，紧紧围绕中心工作，不断完善公开制度机制，持续提升政务公开质量和实效。"
)
_TOPICS = ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障")


@functools.cache
def _words() -> tuple[str, ...]:
    rng = random.Random(2024)
    characters = [chr(code) for code in rng.sample(range(0x4E00, 0x9FA6), 700)]
    return tuple("".join(rng.choices(characters, k=rng.choice((2, 2, 3)))) for _ in range(4000))


def _sentence(rng: random.Random, year: int) -> str:
    words = _words()
    parts = [
        rng.choice(_STOCK) if rng.random() < 0.12 else rng.choice(words)
        for _ in range(rng.randint(8, 16))
    ]
    if rng.random() < 0.3:
        parts.insert(0, f"{year}年，")
    if rng.random() < 0.4:
        parts.append(f"共{rng.randint(1, 500)}件")
    return "".join(parts) + "。"


def _paragraph(rng: random.Random, year: int, sentences: int) -> str:
    return "".join(_sentence(rng, year) for _ in range(sentences))


def _report(i: int, year: int) -> AnnualReport:
    rng = random.Random(i)
    intro = [_paragraph(rng, year, 2)]
    if i % 4 == 0:
        intro.insert(0, TEMPLATE)
    subsections = tuple(
        Subsection(title, paragraphs=[_paragraph(rng, year, rng.randint(2, 4))])
        for title in _TOPICS
    )
    return gd.AnnualReport(
        organ=f"示例县第{i}局",
        year=year,
        overview=Overview(intro=intro, subsections=subsections),
        problems=[_paragraph(rng, year, 3)],
        other_matters=["本年度未收取信息处理费。" if i % 3 else _paragraph(rng, year, 1)],
    )


def _changed(text: str, rng: random.Random) -> str:
    """``text`` with every figure changed (a copy made to look new)."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)


def copied_pairs(count: int) -> list[tuple[int, int]]:
    """(copy, source): the reports of a batch of ``count`` whose 存在的主要问题 copies an
    earlier report's, the figures changed: every 20th from the seventh report on."""
    return [(i, i - 7) for i in range(7, count, 20)]


def batch(count: int, year: int = 2022) -> list[AnnualReport]:
    """``count`` invented reports on ``year`` (see the module's documentation)."""
    reports = [_report(i, year) for i in range(count)]
    for copy, source in copied_pairs(count):
        rng = random.Random(-copy)
        problems = [_changed(p.text, rng) for p in reports[source].problems]
        reports[copy] = attrs.evolve(reports[copy], problems=problems)
    return reports
