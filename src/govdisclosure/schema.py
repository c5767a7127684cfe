"""The JSON Schema of the JSON form, generated from the layouts.

The schema ships in the package as ``schema/report-v1.schema.json``;
:func:`json_schema` returns it. :func:`build_schema` generates it from the edition
layouts, and a test keeps the shipped file equal to what it generates, so the schema
cannot drift from the model. Regenerate it with ``python -m govdisclosure.schema``.

>>> schema = json_schema()
>>> schema["properties"]["format_version"]["const"]
1
"""

from __future__ import annotations

import functools
import json
import sys
from typing import Any

from govdisclosure.categories import MoneyUnit, OrganKind, ScopeKind
from govdisclosure.cells import COUNT_LIMIT, NOT_APPLICABLE_MARKS
from govdisclosure.editions import Edition
from govdisclosure.jsonio import FORMAT, FORMAT_VERSION
from govdisclosure.layouts import CellKind, TableLayout, layout
from govdisclosure.report import FIRST_REPORT_YEAR, LAST_REPORT_YEAR

__all__ = ["SCHEMA_RESOURCE", "build_schema", "json_schema"]

#: Where the schema lives inside the package.
SCHEMA_RESOURCE = "schema/report-v1.schema.json"

_TEXT: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": r"\S"}
_DATE = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


def _cell(kind: CellKind) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{kind.value}_cell"}


def _cell_defs() -> dict[str, Any]:
    numbers: dict[CellKind, dict[str, Any]] = {
        CellKind.COUNT: {"type": "integer", "minimum": 0, "maximum": COUNT_LIMIT - 1},
        CellKind.SIGNED: {
            "type": "integer",
            "minimum": 1 - COUNT_LIMIT,
            "maximum": COUNT_LIMIT - 1,
        },
        CellKind.MONEY: {"$ref": "#/$defs/money"},
    }
    return {
        f"{kind.value}_cell": {
            "anyOf": [numbers[kind], {"type": "null"}, {"$ref": "#/$defs/not_applicable"}]
        }
        for kind in CellKind
    }


def _table(table: TableLayout) -> dict[str, Any]:
    rows = {
        plan.name: _object(
            {name: _cell(kind) for name, kind in zip(plan.column_names, plan.kinds, strict=True)},
            plan.column_names,
        )
        for plan in table.row_plans
    }
    extra_cell = {"anyOf": [_cell(CellKind.COUNT), _cell(CellKind.MONEY)]}
    extras: dict[str, Any] = {
        "_notes": {"type": "array", "items": _TEXT},
        "_annotations": _object(
            {
                plan.name: {
                    **_object(dict.fromkeys(plan.column_names, _TEXT)),
                    "minProperties": 1,
                }
                for plan in table.row_plans
            }
        ),
        "_extra_rows": {
            "type": "array",
            "items": _object(
                {
                    "label": _TEXT,
                    "after": _nullable({"enum": [plan.name for plan in table.row_plans]}),
                    "cells": {"type": "array", "items": extra_cell},
                },
                ("label", "cells"),
            ),
        },
        "_extra_columns": {"type": "array", "items": _extra_column(table, extra_cell)},
    }
    schema = _object({**rows, **extras}, tuple(rows))
    schema["description"] = f"Table {table.number} in the {table.edition.value} edition"
    return schema


def _extra_column(table: TableLayout, cell: dict[str, Any]) -> dict[str, Any]:
    """An item of ``_extra_columns``: ``after`` names a column of its block (0 unless
    ``block`` says otherwise), and ``cells`` hold one figure per number row of it."""
    choices = []
    for number, block in enumerate(table.blocks):
        rows = len(block.rows)
        choices.append(
            _object(
                {
                    "label": _TEXT,
                    "after": {"enum": [node.key.value for node in block.columns]},
                    "block": {"const": number},
                    "cells": {"type": "array", "items": cell, "minItems": rows, "maxItems": rows},
                },
                ("label", "after", "cells")
                if number == 0
                else ("label", "after", "block", "cells"),
            )
        )
    return choices[0] if len(choices) == 1 else {"anyOf": choices}


def build_schema() -> dict[str, Any]:
    """Generate the JSON Schema (draft 2020-12) of the JSON form from the layouts."""
    paragraph = {
        "anyOf": [
            _TEXT,
            {
                "type": "array",
                "minItems": 1,
                "items": {
                    "anyOf": [
                        {"type": "string"},
                        _object(
                            {"text": {"type": "string"}, "bold": {"type": "boolean"}}, ("text",)
                        ),
                    ]
                },
            },
        ]
    }
    paragraphs = {"type": "array", "items": {"$ref": "#/$defs/paragraph"}}
    optional_text = _nullable(_TEXT)
    report_properties: dict[str, Any] = {
        "organ": _TEXT,
        "year": {"type": "integer", "minimum": FIRST_REPORT_YEAR, "maximum": LAST_REPORT_YEAR},
        "edition": {"enum": [e.value for e in Edition]},
        "scope": _object(
            {
                "kind": {"enum": [k.value for k in ScopeKind]},
                "organs": {"type": "array", "items": _TEXT},
            },
            ("kind",),
        ),
        "organ_kind": _nullable({"enum": [k.value for k in OrganKind]}),
        "published": _nullable(_DATE),
        "title": optional_text,
        "preamble": _object(
            {
                "paragraphs": paragraphs,
                "legal_basis": {"type": "array", "items": _TEXT},
                "period": _nullable(_object({"start": _DATE, "end": _DATE}, ("start", "end"))),
                "website": _nullable(_object({"name": _TEXT, "url": optional_text}, ("name",))),
                "contact": _nullable(
                    _object(
                        dict.fromkeys(
                            ("office", "address", "postcode", "phone", "email"), optional_text
                        )
                    )
                ),
            }
        ),
        "overview": _object(
            {
                "intro": paragraphs,
                "subsections": {
                    "type": "array",
                    "items": _object(
                        {"title": _TEXT, "run_in": {"type": "boolean"}, "paragraphs": paragraphs},
                        ("title",),
                    ),
                },
            }
        ),
        "proactive": {"type": "object"},
        "applications": {"type": "object"},
        "reviews": {"type": "object"},
        "problems": paragraphs,
        "other_matters": paragraphs,
    }
    required = ("organ", "year", "edition", "proactive", "applications", "reviews")
    by_edition = [
        {
            "if": {"properties": {"edition": {"const": edition.value}}},
            "then": {
                "properties": {
                    table.section.value: {
                        "$ref": f"#/$defs/table_{table.section.value}_{edition.value}"
                    }
                    for table in layout(edition).tables
                }
            },
        }
        for edition in Edition
    ]
    defs: dict[str, Any] = {
        "paragraph": paragraph,
        "money": _object(
            {
                "amount": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
                "unit": {"enum": [u.value for u in MoneyUnit]},
            },
            ("amount", "unit"),
        ),
        "not_applicable": _object({"na": {"enum": list(NOT_APPLICABLE_MARKS)}}, ("na",)),
        **_cell_defs(),
    }
    for edition in Edition:
        for table in layout(edition).tables:
            defs[f"table_{table.section.value}_{edition.value}"] = _table(table)
    report = _object(report_properties, required)
    report["allOf"] = by_edition
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govdisclosure.readthedocs.io/schema/report-v1.schema.json",
        "title": "govdisclosure annual report (JSON form, version 1)",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "report": report,
        },
        "required": ["format", "format_version", "report"],
        "additionalProperties": False,
        "$defs": defs,
    }


def render_schema() -> str:
    """The schema as the shipped file's text (sorted keys are not used: order is meaningful
    to a human reader, and build_schema fixes it)."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


@functools.cache
def _shipped() -> str:
    from importlib import resources

    return resources.files("govdisclosure").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON form, as shipped in the package (a fresh copy)."""
    return json.loads(_shipped())  # type: ignore[no-any-return]


def main() -> None:
    """Write the generated schema to the package (``python -m govdisclosure.schema``)."""
    from importlib import resources

    target = resources.files("govdisclosure").joinpath(SCHEMA_RESOURCE)
    with resources.as_file(target) as path:
        path.write_text(render_schema(), encoding="utf-8")
        sys.stdout.write(f"wrote {path}\n")


if __name__ == "__main__":
    main()
