"""Labels: the enum base of every category, and tolerant look-up by printed label.

Real reports print the official labels with full- or half-width punctuation, inner
spaces from line wraps, different quotes, and with or without their numbering
prefix ("（三）", "3.", "三、"). :func:`normalize_label` reduces a label to a key
that ignores all of that, so that every spelling of a label finds the same row.

>>> a = normalize_label("(三)不予公开 3.危及三安全一稳定")
>>> a == normalize_label("不予公开3.危及“三安全一稳定”")
True
>>> normalize_label("第二十条 第（一）项")
'第二十条第一项'
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Final, Self, cast

from govdisclosure.errors import Message, UnknownLabelError, close_matches, translatable as _

__all__ = ["LabelledEnum", "did_you_mean", "normalize_label"]

#: Enums of no more members than this list them all when a look-up fails.
_LISTED: Final = 12

_NUMERAL = "一二三四五六七八九十"
# What str.isalnum() refuses: \W is its complement, and the underscore is a word
# character that is not alphanumeric.
_NOT_ALNUM = re.compile(r"[\W_]+")
# Numbering prefixes as printed: "三、", "(三)" (but not the "(一)" of "第二十条第(一)项"),
# "3." / "3、" / "3," and the Chinese "三." some copies use.
_NUMBERING = re.compile(
    # Each alternative starts with the character it needs, its condition on the one
    # before checked once that is found: the regular expression engine then skips to
    # the candidates, rather than trying three alternatives at every character.
    rf"[{_NUMERAL}](?<!\w[{_NUMERAL}])[{_NUMERAL}]*[、.,]"  # 三、 not after a word
    rf"|\((?<!第\()[{_NUMERAL}]+\)"  # (三), not 第(三)
    r"|\d(?<!\d\d)\d*[、.,](?!\d)"  # 3. from where a run of digits starts
)


@functools.lru_cache(maxsize=16384)
def normalize_label(text: str) -> str:
    """Reduce a printed label to its look-up key.

    Folds full-width forms to half-width (NFKC), drops numbering prefixes, then
    keeps only letters and digits, so spaces, quotes and punctuation do not matter.

    >>> normalize_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    '部分公开区分处理的只计这一情形不计其他情形'
    >>> normalize_label("本年增/减")
    '本年增减'
    """
    folded = unicodedata.normalize("NFKC", text)
    if "、" in folded or "." in folded or "," in folded or "(" in folded:
        folded = _NUMBERING.sub(" ", folded)  # else there is no numbering to drop
    return _NOT_ALNUM.sub("", folded)


def label_keys(label: str) -> tuple[str, ...]:
    """The look-up keys of one official label: the whole label, and for a label that
    ends in a parenthetical remark, also the part before it ("部分公开").

    >>> label_keys("本年收费金额（单位：万元）")
    ('本年收费金额单位万元', '本年收费金额')
    """
    whole = normalize_label(label)
    folded = unicodedata.normalize("NFKC", label).strip()
    if folded.endswith(")") and "(" in folded:
        short = normalize_label(folded[: folded.index("(")])
        if short and short != whole:
            return (whole, short)
    return (whole,)


def did_you_mean(given: object, labels: Iterable[str] | Mapping[str, str]) -> Message | str:
    """ " — did you mean '…'?" with the ``labels`` (printed labels or ASCII keys) closest
    to ``given``, spelling aside; nothing when none is close. ``labels`` may also map
    look-up keys (:func:`normalize_label`) to the label to show for each.

    >>> rows = ["本年新收政府信息公开申请数量", "结转下年度继续办理"]
    >>> did_you_mean("本年新收政府信息申请数量", rows).show()
    " — 是否应为 '本年新收政府信息公开申请数量'？"
    """
    if not isinstance(given, str):
        return ""
    by_key: dict[str, str] = {}
    for key, label in labels.items() if isinstance(labels, Mapping) else _keyed(labels):
        by_key.setdefault(key, label)
    keys = close_matches(normalize_label(given) or given, by_key)
    found = list(dict.fromkeys(by_key[key] for key in keys))
    if not found:
        return ""
    return _(" — 是否应为 {choices}？", choices=" / ".join(repr(label) for label in found))


def _keyed(labels: Iterable[str]) -> Iterable[tuple[str, str]]:
    return ((normalize_label(label) or label, label) for label in labels)


def _allowed(cls: type[LabelledEnum]) -> Message | str:
    """ "; expected one of 'x' (标签), …" for a short enum, nothing for a long one."""
    if len(cls) > _LISTED:
        return ""
    choices = ", ".join(f"{member.value!r} ({member.zh})" for member in cls)
    return _("；可选：{choices}", choices=choices)


def _choices(cls: type[LabelledEnum]) -> dict[str, str]:
    """Every look-up key of the members of ``cls``, with the label to show for it."""
    from govdisclosure.layouts import label_index

    keyed = {key: member.zh for key, member in label_index(cls).items()}
    keyed.update(_keyed(member.value for member in cls))
    return keyed


class LabelledEnum(enum.Enum):
    """An enum whose members carry a stable ASCII value, the official Chinese label
    (``zh``) and an English label (``en``, from the English translation catalog: Chinese
    is the source language, see :mod:`govdisclosure.i18n`).

    Members are found by value, by member, or by any printed spelling of a label
    (see :meth:`coerce` and :meth:`from_label`).
    """

    _value_: str
    zh: str

    # Members are singletons compared by identity, so identity is a valid hash; it keeps
    # the C slot (Enum's own __hash__ is Python code, and members key many hot dicts).
    __hash__ = object.__hash__

    def __new__(cls, value: str, zh: str) -> Self:
        member = object.__new__(cls)
        member._value_ = value
        member.zh = zh
        return member

    @property
    def en(self) -> str:
        """The English label (loads the catalog, and babel, on first use)."""
        from govdisclosure.i18n import translate

        return translate(self.zh, "en")

    def label(self, locale: str = "zh_CN") -> str:
        """The label in ``locale``."""
        from govdisclosure.i18n import translate

        return translate(self.zh, locale)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self.value!r} {self.zh}>"

    def __str__(self) -> str:
        return self.zh

    @classmethod
    def from_label(cls, label: str) -> Self:
        """The member printed as ``label`` in any edition, however it is spelled.

        Raises :class:`~govdisclosure.errors.UnknownLabelError` when nothing matches.
        """
        if not isinstance(label, str):
            raise UnknownLabelError(
                _("{cls} 的标签必须是 str，实际为 {label!r}", cls=cls.__name__, label=label)
            )
        # The index lives with the layouts because they know the edition-specific labels
        # and the nesting ("（三）不予公开" + "3.危及…"); imported here to avoid a cycle.
        from govdisclosure.layouts import label_index

        member = label_index(cls).get(normalize_label(label))
        if member is None:
            raise UnknownLabelError(
                _(
                    "没有与 {label!r} 对应的 {cls}{suggestion}{allowed}",
                    cls=cls.__name__,
                    label=label,
                    suggestion=did_you_mean(label, _choices(cls)),
                    allowed=_allowed(cls),
                )
            )
        return cast(Self, member)

    @classmethod
    def coerce(cls, key: object) -> Self:
        """Accept a member, its ASCII value or a printed label.

        >>> from govdisclosure import Applicant
        >>> Applicant.coerce("natural_person") is Applicant.coerce("自然 人")
        True
        """
        if isinstance(key, cls):
            return key
        if isinstance(key, str):
            member = cls._value2member_map_.get(key)
            return cast(Self, member) if member is not None else cls.from_label(key)
        raise UnknownLabelError(
            _(
                "应为 {cls}、其 ASCII 值或其标签，实际为 {key!r}{allowed}",
                cls=cls.__name__,
                key=key,
                allowed=_allowed(cls),
            )
        )
