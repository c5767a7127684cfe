"""Reuse between two reports: :func:`reuse` finds the parts of this year's report whose
wording is, for the most part, found in last year's (or in any other report given).

Each part of ``current`` is measured against every part of ``previous`` (a report has a
handful of parts, so there is nothing to index) and reported against the part it is
most contained in, when that is at least the threshold (see :mod:`.measure`).

>>> import attrs, govdisclosure as gd
>>> last = gd.examples.load("shiyan-ziranziyuan-2022")
>>> this = attrs.evolve(last, year=2023, problems=[
...     "一是依申请公开答复文书规范化程度有待提高，部分答复说理不够充分；二是政策解读形式"
...     "较为单一，图解、视频等形式运用不多。下一步将加强业务培训，丰富解读形式。"])
>>> last = attrs.evolve(last, problems=[
...     "一是依申请公开答复文书规范化程度有待提高，部分答复说理不够充分；二是政策解读形式"
...     "较为单一，图解、视频等形式运用不多。2022年将加强业务培训，丰富解读形式。"])
>>> (match,) = [m for m in reuse(last, this) if m.copy.unit.section.value == "problems"]
>>> match.percent, match.source.unit.name()
(89, '五、存在的主要问题及改进情况')
>>> match.quote
'一是依申请公开答复文书规范化程度有待提高，部分答复说理不够充分；二是政策解读形式较为单一，图解、视频等形式运用不多'
"""

from __future__ import annotations

from fractions import Fraction

from govdisclosure.errors import ReportValueError
from govdisclosure.report import AnnualReport
from govdisclosure.textreuse.boilerplate import DEFAULT, Boilerplate
from govdisclosure.textreuse.measure import THRESHOLD, Match, Passage, measure, quotes, reused
from govdisclosure.textreuse.units import Profile, profile, units

__all__ = ["profiles", "reuse"]


def profiles(report: AnnualReport, boilerplate: Boilerplate = DEFAULT) -> list[Profile]:
    """The parts of ``report`` long enough to compare, profiled."""
    found = (profile(unit, report.organ, boilerplate) for unit in units(report))
    return [part for part in found if part.long_enough]


def reuse(
    previous: AnnualReport,
    current: AnnualReport,
    *,
    threshold: Fraction = THRESHOLD,
    boilerplate: Boilerplate = DEFAULT,
) -> tuple[Match, ...]:
    """The parts of ``current`` whose wording is mostly found in ``previous``: for each,
    the part of ``previous`` it is most contained in, in ``current``'s document order.
    ``threshold`` is the share that makes a part reused (half by default); a
    ``boilerplate`` with the common wording of a batch (see
    :func:`~govdisclosure.textreuse.find_reuse`) leaves that wording out."""
    for name, value in (("previous", previous), ("current", current)):
        if not isinstance(value, AnnualReport):
            raise ReportValueError(f"{name} must be an AnnualReport, got {value!r}")
    before = profiles(previous, boilerplate)
    found = []
    for part in profiles(current, boilerplate):
        best = _best(part, before)
        if best is None:
            continue
        shared, share, back, source = best
        if reused(shared, share, threshold):
            quote, source_quote = quotes(part, source)
            found.append(
                Match(
                    Passage(1, current.organ, current.year, part.unit),
                    Passage(0, previous.organ, previous.year, source.unit),
                    share,
                    back,
                    shared,
                    quote,
                    source_quote,
                )
            )
    return tuple(found)


def _best(part: Profile, others: list[Profile]) -> tuple[int, Fraction, Fraction, Profile] | None:
    """The part of ``others`` that ``part`` is most contained in (the first of equals)."""
    best = None
    for other in others:
        shared, share, back = measure(part, other)
        if shared and (best is None or share > best[1]):
            best = (shared, share, back, other)
    return best
