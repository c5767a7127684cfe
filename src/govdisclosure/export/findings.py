"""Findings as data: one flat row per finding of each checked report, and one summary row
per report, for files and data frames.

Each row names the report (its source, organ, year and edition), the finding (rule,
severity, status, place, message in Chinese and English, the figures), and — when the
report was read from a document — where in the document the finding's cells were
printed. A rule that could not be checked is a row too, with the status ``unchecked``;
a source that could not be read is a row with the status ``unreadable`` and the error,
so that nothing of a batch is lost.

>>> import attrs, govdisclosure as gd
>>> from govdisclosure.batch import BatchItem, Checked
>>> report = gd.examples.load("zhongning-minzheng-2020")
>>> apps = report.applications.with_cell("（七）总计", "自然人", 3)
>>> report = attrs.evolve(report, applications=apps)
>>> checked = Checked("zhongning.json", report, gd.validate(report))
>>> unread = BatchItem(1, "scan.pdf", error=gd.ReadError("no text layer", source="scan.pdf"))
>>> rows = list(finding_rows([checked, unread]))
>>> [(row["status"], row["rule"]) for row in rows]  # doctest: +NORMALIZE_WHITESPACE
[('failed', 'R2'), ('failed', 'R3'), ('failed', 'E1'), ('failed', 'V1'),
 ('unchecked', 'D1'), ('unchecked', 'R5'), ('unreadable', None)]
>>> rows[0]["place_zh"], rows[0]["reported"], rows[0]["computed"], rows[0]["path"]
('三、（七）总计·自然人', 3, 0, '$.report.applications.total.natural_person')
>>> rows[-1]["source"], rows[-1]["message_en"]
('scan.pdf', 'could not be read: scan.pdf: no text layer')
>>> for row in summary_rows([checked, unread]):
...     print(row["source"], row["status"], row["errors"], row["unchecked"], row["top_rules"])
zhongning.json checked 3 2 E1 ×1, R2 ×1, R3 ×1
scan.pdf unreadable None None None
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any, Final

from govdisclosure.batch.items import BatchItem, Checked
from govdisclosure.checker.findings import Finding, Severity
from govdisclosure.export.columns import INT, REPORT_COLUMNS, STATE, TEXT, VALUE, Column
from govdisclosure.export.sources import checked_items

__all__ = ["FINDING_COLUMNS", "SUMMARY_COLUMNS", "finding_rows", "item_rows", "summary_rows"]

_STATUS: Final = Column("status", "状态", "status", STATE, 11, trusted=True)
_PREVIOUS: Final = Column("previous", "上年报告", "last year's report", TEXT, 20)

#: The columns of :func:`finding_rows`, in order.
FINDING_COLUMNS: Final = (
    *REPORT_COLUMNS,
    _STATUS,
    Column("severity", "严重程度", "severity", STATE, 10, trusted=True),
    Column("rule", "规则", "rule", STATE, 7, trusted=True),
    Column("place_zh", "位置", "place", TEXT, 30),
    Column("message_zh", "说明", "message", TEXT, 60),
    Column("reported", "填报值", "reported", VALUE, 12),
    Column("computed", "计算值", "computed", VALUE, 12),
    Column("difference", "差额", "difference", VALUE, 10),
    Column("place_en", "位置（英文）", "place (English)", TEXT, 30),
    Column("message_en", "说明（英文）", "message (English)", TEXT, 60),
    Column("section", "部分", "section", STATE, 12, trusted=True),
    Column("row", "行", "row", STATE, 18, trusted=True),
    Column("column", "列", "column", STATE, 14, trusted=True),
    Column("path", "JSON 路径", "JSON path", TEXT, 36, trusted=True),
    Column("quote", "原文摘录", "quote", TEXT, 30),
    Column("involved", "涉及的单元格", "cells involved", TEXT, 30, trusted=True),
    Column("guessed", "推测位置的单元格", "cells placed by a guess", TEXT, 20, trusted=True),
    Column("source_file", "原文文件", "source file", TEXT, 20),
    Column("source_page", "原文页", "page", INT, 6),
    Column("source_line", "原文行", "line", INT, 6),
    Column("source_table", "原文表格", "table", INT, 6),
    Column("source_row", "原文表格行", "table row", INT, 6),
    Column("source_column", "原文表格列", "table column", INT, 6),
    Column("source_places", "原文位置", "places in the source", TEXT, 30),
    _PREVIOUS,
    Column("fingerprint", "指纹", "fingerprint", TEXT, 18, trusted=True),
)

#: The columns of :func:`summary_rows`, in order.
SUMMARY_COLUMNS: Final = (
    *REPORT_COLUMNS,
    _STATUS,
    Column("errors", "错误", "errors", INT, 7),
    Column("warnings", "警告", "warnings", INT, 7),
    Column("infos", "提示", "infos", INT, 7),
    Column("unchecked", "无法核对", "could not be checked", INT, 9),
    Column("held", "核对通过", "checks held", INT, 9),
    Column("unreadable", "无法读取", "unreadable", INT, 9),
    Column("top_rules", "最常见的规则", "most frequent rules", TEXT, 24, trusted=True),
    Column("message", "说明", "message", TEXT, 50),
    _PREVIOUS,
)

_FINDING_KEYS: Final = tuple(column.key for column in FINDING_COLUMNS)
_SUMMARY_KEYS: Final = tuple(column.key for column in SUMMARY_COLUMNS)
#: How many of the most frequent rules a summary row names.
_TOP: Final = 3


def finding_rows(items: Any, *, unchecked: bool = True) -> Iterator[dict[str, Any]]:
    """One row (a dict keyed as :data:`FINDING_COLUMNS`, in their order) per finding of
    each of ``items`` — a :class:`~govdisclosure.batch.items.Checked`, a
    ``BatchItem[Checked]``, or an iterable of them, taken one at a time — the failed
    rules first, then (unless ``unchecked=False``) those that could not be checked,
    each in document order; and a row for each item that could not be read."""
    for item in checked_items(items):
        for row in item_rows(item, unchecked=unchecked)[1]:
            yield dict(zip(_FINDING_KEYS, row, strict=True))


def summary_rows(items: Any) -> Iterator[dict[str, Any]]:
    """One row (a dict keyed as :data:`SUMMARY_COLUMNS`) per item, as
    :func:`finding_rows` takes them: the counts of what the checker found, the rules
    that failed most often, and for an item that could not be read, the error."""
    for item in checked_items(items):
        yield dict(zip(_SUMMARY_KEYS, item_rows(item, unchecked=False)[0], strict=True))


def item_rows(
    item: BatchItem[Checked], *, unchecked: bool = True
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """The summary row and the finding rows of one item, as tuples in column order."""
    if item.error is not None:
        error = str(item.error)
        summary = _row(_SUMMARY_KEYS, source=item.source, status="unreadable", message=error)
        return _with_unreadable(summary), [
            _row(
                _FINDING_KEYS,
                source=item.source,
                status="unreadable",
                severity=Severity.ERROR.value,
                message_zh=f"无法读取：{error}",
                message_en=f"could not be read: {error}",
            )
        ]
    checked = item.unwrap()
    report, result = checked.report, checked.result
    ident = {
        "source": item.source,
        "organ": report.organ,
        "year": report.year,
        "edition": report.edition.value,
    }
    failed = Counter(finding.rule for finding in result.findings)
    top = sorted(failed.items(), key=lambda pair: (-pair[1], pair[0]))[:_TOP]
    summary = _row(
        _SUMMARY_KEYS,
        **ident,
        status="checked",
        errors=len(result.errors),
        warnings=len(result.warnings),
        infos=len(result.infos),
        unchecked=len(result.unchecked),
        held=result.held_count,
        unreadable=0,
        top_rules=", ".join(f"{rule} ×{count}" for rule, count in top) or None,
        previous=checked.previous,
    )
    findings = (*result.findings, *(result.unchecked if unchecked else ()))
    return summary, [_finding_row(ident, checked, finding) for finding in findings]


def _with_unreadable(summary: tuple[Any, ...]) -> tuple[Any, ...]:
    # An unreadable source counts 1 in its column, so that a sheet's sum counts them.
    at = _SUMMARY_KEYS.index("unreadable")
    return (*summary[:at], 1, *summary[at + 1 :])


def _row(keys: tuple[str, ...], **values: Any) -> tuple[Any, ...]:
    """A row in the order of ``keys``, ``None`` where ``values`` has nothing."""
    unknown = values.keys() - set(keys)
    assert not unknown, unknown  # a typo in a key would otherwise lose a value
    return tuple(values.get(key) for key in keys)


def _finding_row(ident: dict[str, Any], checked: Checked, finding: Finding) -> tuple[Any, ...]:
    data = finding.to_dict()
    refs = checked.document.locate(finding) if checked.document is not None else ()
    first = refs[0] if refs else None
    return _row(
        _FINDING_KEYS,
        **ident,
        **{key: data[key] for key in _FROM_FINDING},
        # The figures as the finding holds them (exact decimals), not as text.
        reported=finding.reported,
        computed=finding.computed,
        difference=finding.difference,
        involved="; ".join(data["involved"]) or None,
        guessed="; ".join(data["guessed"]) or None,
        source_file=first.file if first else None,
        source_page=first.page if first else None,
        source_line=first.line if first else None,
        source_table=_counted(first.table if first else None),
        source_row=_counted(first.row if first else None),
        source_column=_counted(first.column if first else None),
        source_places="; ".join(str(ref) for ref in refs) or None,
        previous=checked.previous,
    )


#: What a finding row takes from :meth:`Finding.to_dict` as it is.
_FROM_FINDING: Final = (
    "status",
    "severity",
    "rule",
    "place_zh",
    "message_zh",
    "place_en",
    "message_en",
    "section",
    "row",
    "column",
    "path",
    "quote",
    "fingerprint",
)


def _counted(index: int | None) -> int | None:
    """A table, row or column of the document counted from 1, as people count (a
    :class:`~govdisclosure.readers.result.SourceRef` counts them from 0)."""
    return None if index is None else index + 1
