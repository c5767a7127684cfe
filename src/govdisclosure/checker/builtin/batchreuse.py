"""Copied prose within a batch (B1, batch family): departments copying each other.

A county office that checks every department's report finds, besides copies of last
year's text (X5), departments that wrote their 存在的主要问题及改进情况 from the same
paragraph. :func:`govdisclosure.textreuse.find_reuse` finds such pairs across a whole
batch through an index of fingerprints (never all pairs);
:func:`govdisclosure.batch.with_reuse` hands each report the matches whose copy it is,
and B1 turns them into findings that quote the shared passage and name the report it is
found in. The other report's part has the JSON path ``$batch[i]…`` (``i`` its position
in the batch), so that a tool can tell it from a place of this report.

B1 runs only when :func:`~govdisclosure.validate` is given ``reused=`` (``check --reuse``
on the command line).
"""

from __future__ import annotations

import functools

from govdisclosure.checker.builtin.reused import unit_location
from govdisclosure.checker.context import Context
from govdisclosure.checker.findings import Location, Severity
from govdisclosure.checker.registry import rule
from govdisclosure.i18n import gettext_noop as _, translate
from govdisclosure.textreuse.measure import Passage
from govdisclosure.textreuse.pairs import profiles

#: The name of a part of another report of the batch, in English (in Chinese the organ's
#: name leads, as for a summary's parts; the English message names the organ apart).
_OTHER = _("同批次报告 {number}：{place}")


def other_location(passage: Passage) -> Location:
    """Where ``passage`` is: a part of another report of the batch."""
    place = unit_location(passage.unit)
    return place.renamed(
        f"{passage.organ} {place.name_zh}",
        functools.partial(_other_en, passage.report, place),  # not a lambda: it may be pickled
        json_path=f"$batch[{passage.report}]" + place.json_path[1:],
    )


def _other_en(number: int, place: Location) -> str:
    return translate(_OTHER, "en").format(number=number + 1, place=place.name_en)


@rule(
    "B1",
    family="batch",
    severity=Severity.WARNING,
    title_zh="正文不与同批次其他机关的报告雷同",
    title_en="The text does not repeat another report of the batch (copied prose)",
    example="五、存在的主要问题及改进情况",
    needs_batch=True,
)
def prose_not_shared(ctx: Context) -> None:
    """Section 一 (its opening and each topic), section 五 and section 六: at most half of
    the wording of each is found in another report of the batch, measured as for X5
    (character shingles, digits and the organ's own name set aside, boilerplate and the
    wording most of the batch shares not counted). Of two parts that share their wording,
    the later report's is the copy, or in one year the one more of whose wording is in the
    other; the finding quotes the longest passage they share and names the other report."""
    reused = ctx.reused
    assert reused is not None, "batch rules run only with what the batch found"
    copied = {match.copy.unit: match for match in reused}
    for part in profiles(ctx.report):
        location = unit_location(part.unit)
        match = copied.get(part.unit)
        if match is None:
            ctx.held(location)
            continue
        source = other_location(match.source)
        ctx.failed(
            location,
            _(
                "{cell} 有 {reported}% 的文字见于{organ}报告的{place}，"
                "疑似与其他机关报告雷同：“{quote}”"
            ),
            {"organ": match.source.organ, "place": unit_location(match.source.unit)},
            reported=match.percent,
            quote=match.quote,
            involved=(source,),
        )
