"""Reuse across a batch: :func:`find_reuse` finds the parts of different reports that share
most of their wording, without comparing every pair of reports.

1. Every part of every report is profiled (:mod:`.units`): normalised, boilerplate
   masked, shingled, winnowed.
2. Wording common to the batch is left out: a shingle found in more reports than
   ``common_share`` of the batch (and than ``common_floor``) is a template every
   department was handed, not one department's copy of another's.
3. An inverted index maps each fingerprint to the parts that have it. Each part, in
   turn, looks up its fingerprints and counts, per part of another report seen before
   it, the fingerprints they share; then it is added to the index. Since common
   fingerprints are gone, a posting list holds at most ``common_floor`` or
   ``common_share`` of the batch's reports, and the work grows with the number of
   fingerprints — linearly with the batch — not with the number of pairs.
4. A pair sharing enough fingerprints (:func:`_candidates`) is measured on its full
   shingle sets (:mod:`.measure`), and reported with its quote when at least the
   threshold of one part's wording is found in the other.

>>> import attrs, govdisclosure as gd
>>> base = gd.examples.load("shiyan-ziranziyuan-2022")
>>> paragraph = ("一是政务公开专业人员力量不足，兼职人员变动频繁；二是主动公开的信息质量还不够高，"
...              "部分栏目更新不及时。下一步，我们将加强培训，健全信息发布审核机制。")
>>> a = attrs.evolve(base, organ="示例县教育局", problems=[paragraph])
>>> b = attrs.evolve(base, organ="示例县民政局", problems=[paragraph.replace("我们", "本局")])
>>> (match,) = [m for m in find_reuse([a, b]) if m.copy.unit.section.value == "problems"]
>>> match.copy.organ, match.source.organ, match.percent
('示例县民政局', '示例县教育局', 90)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from fractions import Fraction

from govdisclosure.errors import ReportValueError
from govdisclosure.report import AnnualReport
from govdisclosure.textreuse.boilerplate import DEFAULT, Boilerplate
from govdisclosure.textreuse.measure import THRESHOLD, Match, Passage, measure, quotes, reused
from govdisclosure.textreuse.pairs import profiles
from govdisclosure.textreuse.units import Profile, profile

__all__ = ["COMMON_FLOOR", "COMMON_SHARE", "common_shingles", "find_reuse"]

#: A shingle in more than this share of a batch's reports is common wording…
COMMON_SHARE = Fraction(1, 20)
#: …provided it is in more than this many reports (a small batch has no template).
COMMON_FLOOR = 10

#: A part: the index of its report, and its profile.
_Part = tuple[int, Profile]


def find_reuse(
    reports: Iterable[AnnualReport],
    *,
    threshold: Fraction = THRESHOLD,
    boilerplate: Boilerplate = DEFAULT,
    common_share: Fraction = COMMON_SHARE,
    common_floor: int = COMMON_FLOOR,
) -> tuple[Match, ...]:
    """Every pair of parts of different reports of which one has at least ``threshold``
    of its wording in the other (see the module's documentation), the largest share
    first. ``copy`` is the later report's part when the years differ (a report cannot
    copy a later one), else the part more of whose wording is in the other. Report
    indexes in the matches are positions in ``reports``."""
    batch = list(reports)
    for i, report in enumerate(batch):
        if not isinstance(report, AnnualReport):
            raise ReportValueError(f"reports[{i}] must be an AnnualReport, got {report!r}")
    parts = [(i, part) for i, report in enumerate(batch) for part in profiles(report, boilerplate)]
    common = common_shingles(parts, len(batch), common_share, common_floor)
    if common:
        boilerplate = boilerplate.with_common(common)
        parts = [(i, _without(part, common)) for i, part in parts]
        parts = [(i, part) for i, part in parts if part.long_enough]
    found = [
        _match(batch, first, second, boilerplate, threshold)
        for first, second in _candidates(parts, threshold)
    ]
    matches = [match for match in found if match is not None]
    matches.sort(key=_order)
    return tuple(matches)


def common_shingles(
    parts: list[_Part], reports: int, share: Fraction, floor: int
) -> frozenset[int]:
    """The shingles found in more than ``share`` of ``reports`` and more than ``floor``."""
    limit = max(floor, math.floor(share * reports))
    seen: dict[int, set[int]] = {}
    for report, part in parts:
        seen.setdefault(report, set()).update(part.counted)
    frequency: Counter[int] = Counter()
    for shingles in seen.values():
        frequency.update(shingles)
    return frozenset(h for h, n in frequency.items() if n > limit)


def _without(part: Profile, common: frozenset[int]) -> Profile:
    return Profile(part.unit, part.text, part.masked, part.counted - common, part.prints - common)


def _candidates(parts: list[_Part], threshold: Fraction) -> Iterable[tuple[_Part, _Part]]:
    """The pairs of parts of different reports that share enough fingerprints, each
    pair once (the later part first), through the inverted index.

    Enough is half of what the smaller part's fingerprints would give at the threshold
    (winnowing picks fingerprints unevenly; the exact measure follows), and at least two:
    most parts share a fingerprint or two with many others by chance, and those are
    filtered out in one pass, in integers, before anything else is done with them.
    """
    index: dict[int, list[int]] = {}
    sizes = [len(part.prints) for _, part in parts]
    num, den = threshold.numerator, threshold.denominator
    for u, (report, part) in enumerate(parts):
        counts: Counter[int] = Counter()
        for fingerprint in part.prints:
            posting = index.get(fingerprint)
            if posting is not None:
                counts.update(posting)
        size = sizes[u]
        # shared >= threshold * smaller / 2, that is 2 * den * shared >= num * smaller.
        hits = [
            v
            for v, shared in counts.items()
            if shared >= 2 and 2 * den * shared >= num * min(size, sizes[v])
        ]
        for v in sorted(hits):
            if parts[v][0] != report:
                yield (report, part), parts[v]
        for fingerprint in part.prints:
            index.setdefault(fingerprint, []).append(u)


def _match(
    batch: list[AnnualReport],
    first: _Part,
    second: _Part,
    boilerplate: Boilerplate,
    threshold: Fraction,
) -> Match | None:
    shared, share, back = measure(first[1], second[1])
    if not reused(shared, max(share, back), threshold):
        return None
    copy, source = first, second
    years = batch[first[0]].year, batch[second[0]].year
    if years[0] < years[1] or (years[0] == years[1] and back > share):
        copy, source, share, back = second, first, back, share
    # The quote masks the batch's common wording too: profiled again, for this pair only.
    copy_part = profile(copy[1].unit, batch[copy[0]].organ, boilerplate)
    source_part = profile(source[1].unit, batch[source[0]].organ, boilerplate)
    quote, source_quote = quotes(copy_part, source_part)
    return Match(
        _passage(batch, copy), _passage(batch, source), share, back, shared, quote, source_quote
    )


def _passage(batch: list[AnnualReport], part: _Part) -> Passage:
    report = batch[part[0]]
    return Passage(part[0], report.organ, report.year, part[1].unit)


def _order(match: Match) -> tuple[object, ...]:
    return (
        -match.share,
        match.copy.report,
        match.copy.unit.json_path,
        match.source.report,
        match.source.unit.json_path,
    )
