"""What reports share without copying one another, and so never counts as reuse.

Two kinds:

- *phrases every report may print*, found by regular expressions on the printed text
  and masked before shingling: the titles of laws, regulations and notices in book-title
  marks (《中华人民共和国政府信息公开条例》 — citing the same law is not copying),
  document numbers (国办公开办函〔2021〕30号), the statutory opening formula ("根据《条例》
  和《……》要求，现将……报告如下") and the titles of the six sections. A part of a report
  that is short once these are masked ("无。", "本年度未收取信息处理费。") is not
  compared at all (:data:`MIN_CHARS`);
- *shingles frequent across a batch*: wording a province's template hands every
  department, which :func:`~govdisclosure.textreuse.find_reuse` counts and drops before
  comparing (``common``; see :meth:`Boilerplate.with_common`).

>>> text = "根据《中华人民共和国政府信息公开条例》要求，现将本局2022年报告如下。"
>>> [text[start:end] for start, end in DEFAULT.masked(text)]
['根据《中华人民共和国政府信息公开条例》要求', '现将本局2022年报告如下']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs
from attrs import frozen

from govdisclosure.categories import Section

__all__ = ["DEFAULT", "MIN_CHARS", "PATTERNS", "Boilerplate"]

#: A part of a report with fewer normalised characters than this, once boilerplate is
#: masked, is not compared: two short parts ("无。", "本年度未收取信息处理费。") share
#: their whole text by chance, not by copying.
MIN_CHARS: Final = 30

_NOT_END = r"[^。；;！？!?\n]"
#: The phrases masked by default (regular expressions on the printed text).
PATTERNS: Final = (
    # Titles in book-title marks: laws, regulations, notices, plans.
    r"《[^《》\n]{1,80}》",
    # Document numbers: 国办公开办函〔2021〕30号, 〔2020〕109号, [2019]60号.
    r"[\u4e00-\u9fff]{0,10}[〔\[\uff3b（(]\s*\d{4}\s*[〕\]\uff3d）)]\s*第?\s*\d+\s*号",
    # The statutory opening formula and its close.
    rf"(?:根据|依据|按照)《[^《》\n]{{1,80}}》(?:[和及与、，,]{{0,2}}《[^《》\n]{{1,80}}》)*"
    rf"{_NOT_END}{{0,40}}?(?:要求|规定|精神)",
    rf"现(?:将|就){_NOT_END}{{0,60}}?(?:报告如下|公布如下|予以公布)",
    rf"本(?:年度)?报告{_NOT_END}{{0,60}}?(?:编制|撰写|制作|制定)",
    rf"(?:特此报告|以上为{_NOT_END}{{0,30}}?报告)",
)


def _titles() -> tuple[str, ...]:
    """The six sections' titles, as the form words them."""
    return tuple(section.zh for section in Section)


@frozen
class Boilerplate:
    """The phrases masked before shingling (regular expressions on the printed text) and
    the shingle hashes that count for nothing (``common``)."""

    patterns: tuple[str, ...] = PATTERNS
    common: frozenset[int] = frozenset()
    _compiled: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        labels = "|".join(re.escape(title) for title in _titles())
        compiled = re.compile("|".join([*(f"(?:{p})" for p in self.patterns), labels]))
        object.__setattr__(self, "_compiled", compiled)

    def with_common(self, hashes: Iterable[int]) -> Boilerplate:
        """These boilerplate phrases, with ``hashes`` counted as common too."""
        return attrs.evolve(self, common=self.common | frozenset(hashes))

    def with_patterns(self, *patterns: str) -> Boilerplate:
        """These boilerplate phrases and ``patterns`` (regular expressions) besides."""
        return attrs.evolve(self, patterns=(*self.patterns, *patterns))

    def masked(self, text: str) -> list[tuple[int, int]]:
        """The spans of ``text`` that are boilerplate, in order, merged where they touch."""
        spans: list[tuple[int, int]] = []
        for match in self._compiled.finditer(text):
            start, end = match.span()
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            elif end > start:
                spans.append((start, end))
        return spans


#: The boilerplate every comparison masks unless given another.
DEFAULT: Final = Boilerplate()
