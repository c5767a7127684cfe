"""The parts of a report whose wording is compared: section 一's opening paragraphs and
each of its topics (subsections), section 五 (存在的主要问题及改进情况) and section 六
(其他需要报告的事项). The preamble is standard wording and the tables are figures: neither
is compared.

A part is *profiled* once — normalised, its boilerplate masked, cut into shingles and
winnowed (:mod:`.shingles`) — and then compared with as many others as need be.

>>> import govdisclosure as gd
>>> parts = units(gd.examples.load("zhongning-minzheng-2020"))
>>> [part.json_path for part in parts][:2]
['$.report.overview.intro', '$.report.overview.subsections[0]']
>>> parts[1].name(), parts[-1].name("en")
('一、总体情况（主动公开政府信息情况）', 'Section 6, Other matters to report')
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from govdisclosure.categories import Section
from govdisclosure.i18n import translate
from govdisclosure.report import AnnualReport
from govdisclosure.text import Paragraph
from govdisclosure.textreuse.boilerplate import MIN_CHARS, Boilerplate
from govdisclosure.textreuse.shingles import K, Normalised, fingerprints, normalise, shingles

__all__ = ["Profile", "Unit", "profile", "units"]

_NUMERALS = "一二三四五六"


@frozen
class Unit:
    """One part of a report's prose: its section, for a topic of section 一 its index and
    title, where it is in the JSON form, and its text (paragraphs one per line)."""

    section: Section
    index: int | None
    title: str | None
    json_path: str
    text: str

    def name(self, locale: str = "zh_CN") -> str:
        """The part as a reader names it: "一、总体情况（依申请公开）"; in English
        "Section 1, Overview (依申请公开)" (the title is the report's own words)."""
        number = list(Section).index(self.section) + 1
        if locale.startswith("en"):
            base = f"Section {number}, {translate(self.section.zh, 'en')}"
            return f"{base} ({self.title})" if self.title else base
        base = f"{_NUMERALS[number - 1]}、{self.section.zh}"
        return f"{base}（{self.title.rstrip('。：:')}）" if self.title else base


def _text(paragraphs: tuple[Paragraph, ...]) -> str:
    return "\n".join(p.text for p in paragraphs)


def units(report: AnnualReport) -> tuple[Unit, ...]:
    """The parts of ``report`` compared, in document order (parts without text left out)."""
    return tuple(unit for unit in _all_units(report) if unit.text.strip())


def _all_units(report: AnnualReport) -> Iterator[Unit]:
    overview = report.overview
    yield Unit(Section.OVERVIEW, None, None, "$.report.overview.intro", _text(overview.intro))
    for i, sub in enumerate(overview.subsections):
        path = f"$.report.overview.subsections[{i}]"
        yield Unit(Section.OVERVIEW, i, sub.title, path, _text(sub.paragraphs))
    yield Unit(Section.PROBLEMS, None, None, "$.report.problems", _text(report.problems))
    yield Unit(Section.OTHER, None, None, "$.report.other_matters", _text(report.other_matters))


@frozen(eq=False)
class Profile:
    """A part as reuse measures see it: its text normalised, the hash of each shingle
    (-1 where boilerplate), the set of those that count, and its fingerprints."""

    unit: Unit
    text: Normalised
    #: The normalised positions masked as boilerplate.
    masked: tuple[int, ...]
    counted: frozenset[int]
    prints: frozenset[int]

    @property
    def long_enough(self) -> bool:
        """Whether enough of the part is not boilerplate for it to be compared: some
        :data:`~govdisclosure.textreuse.boilerplate.MIN_CHARS` characters' worth of shingles."""
        return len(self.counted) >= MIN_CHARS - K + 1


def profile(unit: Unit, organ: str, boilerplate: Boilerplate) -> Profile:
    """``unit`` normalised (its organ's name read as one mark), its boilerplate masked,
    cut into shingles and winnowed; shingles in ``boilerplate.common`` do not count."""
    text = normalise(unit.text, organ)
    masked = _masked(text, boilerplate.masked(unit.text))
    hashes = shingles(text.chars, masked)
    common = boilerplate.common
    if common:  # common wording is boilerplate too: masked from the quotes as well
        masked = sorted(
            {*masked, *(i + k for i, h in enumerate(hashes) if h in common for k in range(K))}
        )
        hashes = [-1 if h in common else h for h in hashes]
    counted = frozenset(h for h in hashes if h >= 0)
    return Profile(unit, text, tuple(masked), counted, frozenset(fingerprints(hashes)))


def _masked(text: Normalised, spans: list[tuple[int, int]]) -> list[int]:
    """The normalised positions that stand inside ``spans`` of the printed text."""
    if not spans:
        return []
    masked = []
    span = 0
    for position, start in enumerate(text.starts):
        while span < len(spans) and spans[span][1] <= start:
            span += 1
        if span == len(spans):
            break
        if spans[span][0] <= start:
            masked.append(position)
    return masked
