"""govdisclosure: the annual report on government information disclosure (政府信息公开工作年度报告).

Model a report in either official edition, fill its totals, and save it as JSON:

>>> import govdisclosure as gd
>>> report = gd.AnnualReport(organ="某县教育局", year=2023)
>>> apps = report.applications.with_row(
...     "本年新收政府信息公开申请数量", {"自然人": 4, "商业企业": 1}
... )
>>> apps = apps.with_row("予以公开", {"自然人": 4, "商业企业": 1})
>>> report = gd.fill_totals(gd.AnnualReport(organ="某县教育局", year=2023, applications=apps))
>>> report.applications["（七）总计", "总计"]
5
>>> gd.loads(gd.dumps(report)) == report
True

Importing the package loads neither python-docx nor babel; they load when a feature
that needs them is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see; "X as X" marks an explicit re-export
    from govdisclosure import examples as examples
    from govdisclosure.batch import (
        BatchItem as BatchItem,
        Checked as Checked,
        PreviousReports as PreviousReports,
        read_many as read_many,
        render_many as render_many,
        validate_many as validate_many,
        with_reuse as with_reuse,
    )
    from govdisclosure.categories import (
        Applicant as Applicant,
        ApplicationRow as ApplicationRow,
        Art20Item as Art20Item,
        MoneyUnit as MoneyUnit,
        OrganKind as OrganKind,
        ProactiveColumn as ProactiveColumn,
        ProactiveRow as ProactiveRow,
        ReviewCase as ReviewCase,
        ReviewResult as ReviewResult,
        ScopeKind as ScopeKind,
        Section as Section,
    )
    from govdisclosure.cells import (
        BLANK as BLANK,
        NOT_APPLICABLE_MARKS as NOT_APPLICABLE_MARKS,
        Blank as Blank,
        Cell as Cell,
        Money as Money,
        NotApplicable as NotApplicable,
        is_number as is_number,
    )
    from govdisclosure.checker import (
        Finding as Finding,
        Location as Location,
        Outcome as Outcome,
        Rule as Rule,
        Severity as Severity,
        Status as Status,
        ValidationResult as ValidationResult,
        check as check,
        is_valid as is_valid,
        register_rule as register_rule,
        rule as rule,
        rules as rules,
        unregister_rule as unregister_rule,
        validate as validate,
    )
    from govdisclosure.comparison import (
        Comparison as Comparison,
        compare as compare,
    )
    from govdisclosure.conversion import (
        ConversionResult as ConversionResult,
        convert as convert,
    )
    from govdisclosure.editions import (
        Edition as Edition,
        edition_for_year as edition_for_year,
    )
    from govdisclosure.errors import (
        AggregateError as AggregateError,
        CellValueError as CellValueError,
        FormatNotAvailable as FormatNotAvailable,
        GovDisclosureError as GovDisclosureError,
        JSONFormatError as JSONFormatError,
        OptionError as OptionError,
        ReadError as ReadError,
        ReportInconsistent as ReportInconsistent,
        ReportValueError as ReportValueError,
        UnknownLabelError as UnknownLabelError,
    )
    from govdisclosure.export import (
        finding_rows as finding_rows,
        summary_rows as summary_rows,
        to_dataframe as to_dataframe,
        to_records as to_records,
        to_wide as to_wide,
        write_findings as write_findings,
        write_records as write_records,
        write_wide as write_wide,
    )
    from govdisclosure.formats import (
        available_formats as available_formats,
        get_format as get_format,
        register_format as register_format,
        unregister_format as unregister_format,
    )
    from govdisclosure.jsonio import (
        FORMAT as FORMAT,
        FORMAT_VERSION as FORMAT_VERSION,
        dump as dump,
        dumps as dumps,
        from_dict as from_dict,
        load as load,
        loads as loads,
        to_dict as to_dict,
    )
    from govdisclosure.labels import (
        LabelledEnum as LabelledEnum,
        normalize_label as normalize_label,
    )
    from govdisclosure.layouts import (
        CellKind as CellKind,
        layout as layout,
    )
    from govdisclosure.ratios import (
        Indicators as Indicators,
        indicators as indicators,
    )
    from govdisclosure.readers import (
        Note as Note,
        ReadResult as ReadResult,
        SourceRef as SourceRef,
        read as read,
    )
    from govdisclosure.renderers import (
        render as render,
        render_to as render_to,
    )
    from govdisclosure.report import (
        AnnualReport as AnnualReport,
        Contact as Contact,
        Overview as Overview,
        Period as Period,
        Preamble as Preamble,
        Scope as Scope,
        Subsection as Subsection,
        Website as Website,
        fill_totals as fill_totals,
    )
    from govdisclosure.rollup import (
        AggregateResult as AggregateResult,
        BlankPolicy as BlankPolicy,
        aggregate as aggregate,
    )
    from govdisclosure.schema import (
        json_schema as json_schema,
    )
    from govdisclosure.sentences import (
        describe as describe,
    )
    from govdisclosure.summary import (
        summarize as summarize,
    )
    from govdisclosure.tables import (
        ApplicationTable as ApplicationTable,
        CellTable as CellTable,
        ExtraColumn as ExtraColumn,
        ExtraRow as ExtraRow,
        ProactiveTable as ProactiveTable,
        ReviewTable as ReviewTable,
    )
    from govdisclosure.text import (
        Paragraph as Paragraph,
        Span as Span,
    )
    from govdisclosure.textreuse import (
        find_reuse as find_reuse,
        reuse as reuse,
    )

__version__ = "0.1.0.dev0"

# Public names and the module that defines each. The package imports a module the
# first time one of its names is used (PEP 562), so ``import govdisclosure`` stays
# cheap for programs that need only part of it, and never loads python-docx or babel.
_EXPORTS: dict[str, str] = {
    name: f"govdisclosure.{module}"
    for module, names in {
        "rollup": "AggregateResult BlankPolicy aggregate",
        "batch": "BatchItem Checked PreviousReports read_many render_many validate_many with_reuse",
        "categories": (
            "Applicant ApplicationRow Art20Item MoneyUnit OrganKind ProactiveColumn "
            "ProactiveRow ReviewCase ReviewResult ScopeKind Section"
        ),
        "cells": "BLANK Blank Cell Money NOT_APPLICABLE_MARKS NotApplicable is_number",
        "checker": (
            "Finding Location Outcome Rule Severity Status ValidationResult check "
            "is_valid register_rule rule rules unregister_rule validate"
        ),
        "editions": "Edition edition_for_year",
        "errors": (
            "AggregateError CellValueError FormatNotAvailable GovDisclosureError JSONFormatError "
            "OptionError ReadError ReportInconsistent ReportValueError "
            "UnknownLabelError"
        ),
        "export": (
            "finding_rows summary_rows to_dataframe to_records to_wide write_findings "
            "write_records write_wide"
        ),
        "comparison": "Comparison compare",
        "conversion": "ConversionResult convert",
        "formats": "available_formats get_format register_format unregister_format",
        "ratios": "Indicators indicators",
        "jsonio": "FORMAT FORMAT_VERSION dump dumps from_dict load loads to_dict",
        "labels": "LabelledEnum normalize_label",
        "layouts": "CellKind layout",
        "readers": "Note ReadResult SourceRef read",
        "renderers": "render render_to",
        "report": (
            "AnnualReport Contact Overview Period Preamble Scope Subsection Website fill_totals"
        ),
        "schema": "json_schema",
        "sentences": "describe",
        "textreuse": "find_reuse reuse",
        "summary": "summarize",
        "tables": "ApplicationTable CellTable ExtraColumn ExtraRow ProactiveTable ReviewTable",
        "text": "Paragraph Span",
    }.items()
    for name in names.split()
}

__all__ = sorted(_EXPORTS)


#: Submodules the package gives as attributes on first use (``gd.examples.path(...)``).
_SUBMODULES = frozenset({"examples"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"govdisclosure.{name}")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'govdisclosure' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, *_SUBMODULES})
