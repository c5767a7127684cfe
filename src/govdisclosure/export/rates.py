"""Indicators as data: the rates of :func:`~govdisclosure.indicators` as columns of the
wide form, one per rate (table 三's for each applicant column), named
``indicators.<key>`` (``indicators.disclosure_rate.total``).

A rate is exact (a :class:`fractions.Fraction`); a spreadsheet or a data frame takes a
number, so each is written as a :class:`~decimal.Decimal` ratio rounded half up to
:data:`RATE_PLACES` places (0.547170 for 29/53 — a ratio, not a percent), and left empty
where it is not computable (a zero or blank denominator): never 0.

>>> import govdisclosure as gd
>>> report = gd.examples.load("shiyan-ziranziyuan-2022")
>>> values = dict(zip((c.key for c in rate_columns()), rate_values(report), strict=True))
>>> values["indicators.disclosure_rate.total"], values["indicators.review_correction_rate"]
(Decimal('0.547170'), Decimal('0.333333'))
>>> set(rate_values(gd.examples.load("zhongning-minzheng-2020")))  # no application
{None}
>>> [(c.zh, c.en) for c in rate_columns() if c.key == "indicators.completion_rate.total"]
[('办结率（总计）', 'Completion rate (Total)')]
"""

from __future__ import annotations

import functools
import math
from decimal import Decimal
from fractions import Fraction
from typing import Final

from govdisclosure.editions import Edition
from govdisclosure.export.columns import RATE, Column
from govdisclosure.ratios import indicators
from govdisclosure.report import AnnualReport

__all__ = ["RATE_PLACES", "rate_columns", "rate_values"]

#: The decimal places of a rate written as data (a ratio: 6 places are a ten-thousandth
#: of a percent, finer than any report's figures can tell apart below a million cases).
RATE_PLACES: Final = 6


@functools.cache
def rate_columns() -> tuple[Column, ...]:
    """The rate columns, in the order of :func:`~govdisclosure.indicators`."""
    # The rates are the same for both editions (tables 三 and 四 share their rows and
    # columns for every operand): a blank report of either names them all.
    sample = AnnualReport(organ="-", year=Edition.V2021.years[0])
    return tuple(
        Column(
            f"indicators.{rate.key}", rate.name("zh_CN"), rate.name("en"), RATE, 10, trusted=True
        )
        for rate in indicators(sample)
    )


def _decimal(value: Fraction) -> Decimal:
    # Rounded half up exactly, on the fraction (no intermediate rounding to a precision).
    scaled = math.floor(value * 10**RATE_PLACES + Fraction(1, 2))
    return Decimal(scaled).scaleb(-RATE_PLACES)


def rate_values(report: AnnualReport) -> tuple[Decimal | None, ...]:
    """The rates of ``report`` in the order of :func:`rate_columns`; ``None`` where a
    rate is not computable."""
    found = {f"indicators.{rate.key}": rate.value for rate in indicators(report)}
    values = (found.get(column.key) for column in rate_columns())
    return tuple(None if value is None else _decimal(value) for value in values)
