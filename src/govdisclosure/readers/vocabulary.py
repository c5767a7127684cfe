"""The form's labels, and which printed text names which of its rows.

A printed row label is matched against targets, the rows (and groups of rows) of the
edition's layout: exactly first (the label whole, in any spelling), then by similarity
(a typo, a label cut by a wrap), in the order the form prints them. The words of the
tables' headers make a vocabulary, which tells a header (or a piece of one, or a header
repeated after a page break) from a row; the labels only one edition prints tell the
editions apart.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Container, Sequence

from attrs import field, frozen

from govdisclosure.categories import Section
from govdisclosure.editions import Edition
from govdisclosure.labels import label_keys, normalize_label
from govdisclosure.layouts import Node, TableLayout, layout
from govdisclosure.readers.blocks import TableBlock
from govdisclosure.readers.limits import MAX_LABEL_CHARS

__all__ = [
    "SUBTOTAL",
    "THRESHOLD",
    "Target",
    "best_match",
    "detect_edition",
    "generic_header",
    "header_remark",
    "is_header",
    "is_header_piece",
    "table_labels",
    "targets",
    "vocabulary",
    "widest",
]

#: Below this similarity a printed label matches no row of the form.
THRESHOLD = 0.6

#: A label this short ("其他", "总计") names a row only at the end of the printed text.
_SHORT = 3

#: What a printed subtotal column is headed (法人或其他组织小计, or just 小计).
SUBTOTAL = "小计"


@frozen(eq=False)  # compared and hashed by identity: one per row of a layout
class Target:
    """A row of the form a printed row can match: a number row (leaf) or a group."""

    node: Node
    keys: tuple[str, ...]
    index: int  # the leaf's position among the table's number rows (a group: its first)
    last: int  # a group: the position of its last number row
    edition: Edition = field(eq=False)
    section: Section = field(eq=False)
    is_group: bool = field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "is_group", self.node.is_group)


@functools.cache
def targets(edition: Edition, section: Section) -> tuple[Target, ...]:
    """Every row and group of rows of the section's table, with the keys its label is
    looked up by, in the order the form prints them."""
    table = layout(edition).table(section)
    leaves = [node.key for node in table.rows_in_order]
    out = []
    for block in table.blocks:
        for top in block.row_tree:
            for node, _ancestors in top.walk():
                under = list(node.leaves())
                keys = tuple(dict.fromkeys(label_keys(node.label) + label_keys(node.key.zh)))
                first, last = leaves.index(under[0].key), leaves.index(under[-1].key)
                out.append(Target(node, keys, first, last, edition, section))
    return tuple(out)


@functools.cache
def widest(section: Section) -> int:
    """The most figures a printed row of the section's table holds, in either edition:
    table 四's fifteen on one line, table 三's seven and a 小计 column."""
    tables = [layout(edition).table(section) for edition in Edition]
    most = max(len(t.cells) if t.flat else max(len(p.kinds) for p in t.row_plans) for t in tables)
    return most + (1 if section is Section.APPLICATIONS else 0)


@functools.cache
def vocabulary(section: Section) -> tuple[str, ...]:
    """Every label either edition prints in the header of this section's table, longest
    first: what a header row (or a header repeated after a page break) is made of."""
    words: set[str] = {SUBTOTAL}
    for edition in Edition:
        table = layout(edition).table(section)
        # Table 二's corner (信息内容) counts in the header of every table, not only its own.
        words.add(normalize_label(layout(edition).proactive.corner))
        words.add(normalize_label(table.corner))
        # Table 四 is printed flat: its row labels stand in the header too.
        words |= _labels(table, rows=table.flat)
    words.discard("")
    return tuple(sorted(words, key=len, reverse=True))


@functools.cache
def table_labels(section: Section) -> frozenset[str]:
    """The keys of every label the section's table prints, in either edition: its
    corner, its captions, its column and its row labels.

    >>> "信息内容" in table_labels(Section.PROACTIVE), "行政复议" in table_labels(Section.REVIEWS)
    (True, True)
    """
    words: set[str] = set()
    for edition in Edition:
        table = layout(edition).table(section)
        words |= _labels(table, rows=True)
        words.add(normalize_label(table.corner))
    words.discard("")
    return frozenset(words)


def _labels(table: TableLayout, *, rows: bool) -> set[str]:
    """The keys of the labels ``table`` prints: its captions, its column labels and,
    with ``rows``, its row labels."""
    words: set[str] = set()
    for block in table.blocks:
        if block.caption is not None:
            words.add(normalize_label(block.caption.zh))
        trees = (block.column_tree, block.row_tree) if rows else (block.column_tree,)
        for tree in trees:
            for top in tree:
                for node, _ in top.walk():
                    words.update(label_keys(node.label))
    return words


@functools.lru_cache(maxsize=4096)  # headers are the form's: they repeat in every report
def is_header(text: str, section: Section) -> bool:
    """Whether ``text`` is made mostly of header labels of the section's table."""
    key = normalize_label(text)
    if not key:
        return False
    rest = _beyond_labels(key, section)
    # What is left may be a header label cut by a wrap ("…第四项之" without "和）").
    return len(rest) <= len(key) // 4 or any(rest in word for word in vocabulary(section))


def _beyond_labels(key: str, section: Section) -> str:
    """The normalised text ``key`` with every header label of the section taken out."""
    for word in vocabulary(section):
        if word in key:
            key = key.replace(word, "")
    return key


#: What converters head columns with when they do not keep the document's header.
_GENERIC = re.compile(r"(?:类别|项目|名称|内容|分类|指标|序号|总计|合计|小计|数量|备注|单位)")
#: What a generic header heads its label column with.
_CATEGORY = re.compile(r"类别|分类|名称")
_NUMBERED_GENERIC = re.compile(
    r"(?:数据|列|栏|字段|column|col|field)\s*\d{1,2}|第\s*\d{1,2}\s*列", re.I
)


@functools.lru_cache(maxsize=4096)
def generic_header(text: str) -> bool:
    """Whether a header row's text names its columns generically ("类别 | 数据1 | … |
    总计"), as documents converted by some tools print above every row: it says nothing
    of which column is which.

    >>> generic_header("类别 数据1 数据2 总计"), generic_header("信息内容 本年新制作数量")
    (True, False)
    """
    texts = text.split()
    if not texts or not all(_NUMBERED_GENERIC.fullmatch(t) or _GENERIC.fullmatch(t) for t in texts):
        return False
    return any(_NUMBERED_GENERIC.fullmatch(t) for t in texts) or (
        len(texts) >= 2 and _CATEGORY.fullmatch(texts[0]) is not None
    )


@functools.lru_cache(maxsize=4096)
def header_remark(text: str, section: Section) -> bool:
    """Whether the header cell ``text`` prints words besides the form's labels, such as
    "(历史累计)" after 对外公开总数量: what is left once the labels are taken out is no
    piece of a label."""
    if is_header_piece(text, section):
        return False  # pieces of labels wrapped in narrow columns ("社会 法律")
    rest = _beyond_labels(normalize_label(text), section)
    return len(rest) >= 2 and not any(rest in word for word in vocabulary(section))


@functools.lru_cache(maxsize=4096)
def is_header_piece(text: str, section: Section) -> bool:
    """Whether ``text`` is a piece of one header label cut by a line wrap ("和）"), or
    pieces of several, one per column, as text extracted with the page's layout prints a
    header whose labels wrap in narrow columns ("人  公益  服务  其他": the second lines
    of 自然人, 社会公益组织, 法律服务机构, and 其他).

    >>> from govdisclosure.categories import Section
    >>> is_header_piece("人  公益  服务  其他", Section.APPLICATIONS)
    True
    >>> is_header_piece("3.其他 人", Section.APPLICATIONS)
    False
    """
    words = vocabulary(section)
    pieces = [normalize_label(piece) for piece in text.split()]
    return (
        bool(pieces)
        and all(piece and any(piece in word for word in words) for piece in pieces)
        and not any(piece[:1].isdigit() for piece in text.split())
    )


def _exact(text: str, target: Target) -> float:
    """How well the normalised printed label ``text`` names ``target`` when it holds the
    label whole: above 1, more when it ends with it (as a row's own label does, after
    its groups' labels), more for a longer label; 0 when it does not hold it."""
    best = 0.0
    for key in target.keys:
        if not key or key not in text:
            continue
        ends = text.endswith(key)
        if len(key) <= _SHORT and not ends:
            continue  # "其他" inside "其他法律行政法规禁止公开" names nothing
        best = max(best, 1.0 + (0.5 if ends else 0.0) + len(key) / 100)
    return best


def _similar(text: str, target: Target) -> float:
    """Below 1: how much of ``target``'s label the printed ``text`` has (a typo, a label
    cut by a wrap), 0 under the threshold."""
    best = 0.0
    if len(text) > MAX_LABEL_CHARS:
        # Compared whole only: the longest row label with its group labels in front has
        # about 60 characters, and difflib's cost grows with the square of the length.
        return best
    for key in target.keys:
        if len(key) < 4 or len(text) < 2:
            continue
        matcher = difflib.SequenceMatcher(None, key, text, autojunk=False)
        coverage = sum(block.size for block in matcher.get_matching_blocks()) / len(key)
        if coverage >= THRESHOLD:
            best = max(best, 0.9 * coverage)
    return best


@functools.lru_cache(maxsize=8192)
def _ranked(
    text: str, edition: Edition, section: Section, similar: bool
) -> tuple[tuple[float, Target], ...]:
    """The rows of the form the normalised ``text`` names (held whole, or with
    ``similar`` by similarity), best first, ties in the form's order. Labels repeat
    from report to report: each printed label is ranked once."""
    score = _similar if similar else _exact
    found = [
        (value, i, target)
        for i, target in enumerate(targets(edition, section))
        if (value := score(text, target)) > 0
    ]
    found.sort(key=lambda item: (-item[0], item[1]))
    return tuple((value, target) for value, _, target in found)


def best_match(
    text: str,
    targets: Sequence[Target],
    done: Container[int] = (),
    *,
    after: int = -2,
    leaves_only: bool = False,
) -> tuple[float, Target | None]:
    """The target of ``targets`` (one layout's, all of them) that ``text`` names best, and
    how well; number rows in ``done`` are taken, and with ``after`` only rows below it
    count. Exact matches come first: similarity is only computed when no label is held
    whole."""
    if not text or not targets:
        return 0.0, None
    edition, section = targets[0].edition, targets[0].section
    for similar in (False, True):
        # The first eligible target of the ranking is the best one.
        for score, target in _ranked(text, edition, section, similar):
            if target.index <= after:
                continue
            if target.is_group:
                if not leaves_only:
                    return score, target
            elif target.index not in done:
                return score, target
    return 0.0, None


# --- which edition -----------------------------------------------------------------------


@functools.cache
def _markers() -> tuple[tuple[str, Edition], ...]:
    """Labels of tables 二 and 三 that only one edition prints, longest first."""
    labels = {
        edition: set().union(*(_labels(table, rows=True) for table in layout(edition).tables[:2]))
        for edition in Edition
    }
    first, second = Edition.V2019, Edition.V2021
    found = [(m, first) for m in labels[first] - labels[second]]
    found += [(m, second) for m in labels[second] - labels[first]]
    return tuple(sorted(found, key=lambda item: (-len(item[0]), item[0])))


def detect_edition(blocks: Sequence[TableBlock]) -> tuple[Edition | None, str]:
    """The edition whose labels the printed tables use, and why; ``None`` when the
    labels do not tell (then the year decides).

    >>> from govdisclosure.readers.blocks import RawCell
    >>> from govdisclosure.readers.result import SourceRef
    >>> rows = ((RawCell("信息内容", SourceRef()), RawCell("本年制发件数", SourceRef())),)
    >>> detect_edition([TableBlock(rows, SourceRef())])
    (<Edition.V2021: '2021'>, 'labels only the 2021 edition prints: 本年制发件数')
    """
    found: dict[Edition, list[str]] = {edition: [] for edition in Edition}
    # One text for all rows ("|" between them, so no label runs across two rows).
    text = "|".join(
        [
            normalize_label("".join([cell.text for cell in cells]))
            for block in blocks
            for cells in block.rows
        ]
    )
    for marker, edition in _markers():
        if marker in text:
            found[edition].append(marker)
            text = text.replace(marker, "|")
    # Each marker is found once at most: the counts compare.
    if len(found[Edition.V2019]) == len(found[Edition.V2021]):
        return None, "the tables' labels do not tell the edition"
    edition = max(found, key=lambda e: len(found[e]))
    words = "、".join(found[edition])
    return edition, f"labels only the {edition.value} edition prints: {words}"
