"""The two official editions of the report format, and which one a year uses.

>>> edition_for_year(2020), edition_for_year(2021)
(<Edition.V2019: '2019'>, <Edition.V2021: '2021'>)
"""

from __future__ import annotations

import enum

from govdisclosure.i18n import gettext_noop as _

__all__ = ["Edition", "edition_for_year"]

#: The first report year of the 2021 edition (国办公开办函〔2021〕30号).
FIRST_YEAR_OF_V2021 = 2021


class Edition(enum.Enum):
    """An edition of the official report format.

    >>> Edition("2021").document
    '国办公开办函〔2021〕30号'
    """

    V2019 = "2019"
    V2021 = "2021"

    __hash__ = object.__hash__  # identity, with the C slot (see LabelledEnum)

    def __str__(self) -> str:
        return self.value

    @property
    def document(self) -> str:
        """The notice of the State Council General Office that issued the format (marked
        for translation: English cites it in pinyin)."""
        return {
            Edition.V2019: _("国办公开办函〔2019〕60号"),
            Edition.V2021: _("国办公开办函〔2021〕30号"),
        }[self]

    @property
    def years(self) -> range:
        """The report years the edition applies to (open-ended for the current one)."""
        if self is Edition.V2019:
            return range(2019, FIRST_YEAR_OF_V2021)
        return range(FIRST_YEAR_OF_V2021, 10_000)

    def fits(self, year: int) -> bool:
        """Whether a report for ``year`` should use this edition.

        >>> Edition.V2019.fits(2021)
        False
        """
        return edition_for_year(year) is self


def edition_for_year(year: int) -> Edition:
    """The edition a report on ``year`` uses: 2019 up to 2020, 2021 from 2021 on.

    Years before 2019 had no uniform format; they map to the oldest edition.
    """
    return Edition.V2019 if year < FIRST_YEAR_OF_V2021 else Edition.V2021
