"""Copied prose across a batch: the batch rule B1 added to what each report's check found.

A check of one report cannot see the others; :func:`with_reuse` takes the checked items
of a whole batch, finds the parts of their prose that copy one another
(:func:`~govdisclosure.textreuse.find_reuse`, through an index of fingerprints: never all
pairs), and adds to each report's result what B1 says of it. It needs every report at
once, so it holds the batch in memory (the texts and their fingerprints: a few kB a report);
the items come back in their order, those that could not be read unchanged.

>>> import attrs, govdisclosure as gd
>>> from govdisclosure.batch import validate_many, with_reuse
>>> base = gd.examples.load("shiyan-ziranziyuan-2022")
>>> copy = attrs.evolve(base, organ="示例县交通运输局")
>>> items = with_reuse(validate_many([base, copy]))
>>> [[f.rule for f in item.unwrap().result.findings if f.rule == "B1"] for item in items]
[[], ['B1', 'B1', 'B1', 'B1']]
>>> finding = items[1].unwrap().result.findings[-1]
>>> finding.location.json_path, finding.involved[0].json_path
('$.report.problems', '$batch[0].report.problems')
>>> print(finding.message_en.split(";")[0])  # doctest: +NORMALIZE_WHITESPACE
Section 5, Main problems and improvements: 100% of its wording is found in Section 5, Main
problems and improvements of the report of 示例县自然资源局
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import attrs

from govdisclosure.batch.items import BatchItem, Checked
from govdisclosure.checker.registry import selected_rules
from govdisclosure.checker.validate import validate
from govdisclosure.errors import ReportValueError
from govdisclosure.textreuse import THRESHOLD, find_reuse
from govdisclosure.textreuse.measure import Match

__all__ = ["with_reuse"]

#: The rule that says what the batch found.
RULE = "B1"


def with_reuse(
    items: Iterable[BatchItem[Checked]],
    *,
    threshold: Fraction = THRESHOLD,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
) -> list[BatchItem[Checked]]:
    """``items`` (what :func:`~govdisclosure.batch.validate_many` yields), each checked
    report's result merged with what the batch rule B1 found of its prose in the other
    reports (``threshold``: see :mod:`govdisclosure.textreuse`). ``select`` and ``ignore``
    are the check's: when they leave B1 out, the items come back as they are."""
    batch = list(items)
    for number, item in enumerate(batch):
        if not isinstance(item, BatchItem) or not (
            item.value is None or isinstance(item.value, Checked)
        ):
            raise ReportValueError(
                f"items[{number}] must be a BatchItem of a checked report (what "
                f"validate_many yields), got {item!r}"
            )
    if RULE not in {rule.id for rule in selected_rules(select, ignore)}:
        return batch
    checked = [item for item in batch if item.value is not None]
    matches = find_reuse([item.value.report for item in checked if item.value], threshold=threshold)
    positions = [item.index for item in checked]
    mine: dict[int, list[Match]] = {}
    for match in matches:
        # The other report is named by its place in the batch, not among those compared.
        source = attrs.evolve(match.source, report=positions[match.source.report])
        mine.setdefault(match.copy.report, []).append(attrs.evolve(match, source=source))
    out = {}
    for number, item in enumerate(checked):
        assert item.value is not None  # the items that were checked
        found = validate(item.value.report, reused=mine.get(number, ()), select=RULE)
        result = item.value.result.merged(found)
        out[item.index] = attrs.evolve(item, value=attrs.evolve(item.value, result=result))
    return [out.get(item.index, item) for item in batch]
