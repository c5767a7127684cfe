"""The JSON Schema of the JSON form, generated from the model's fields and the layouts.

The schema ships in the package as ``schema/report-v1.schema.json``;
:func:`json_schema` returns it. :func:`build_schema` generates it from the description
of the fields the JSON reader and writer use, and a test keeps the shipped file equal to
what it generates, so the schema cannot drift from the model or the codec. Regenerate it
with ``python -m govdisclosure.schema``.

>>> schema = json_schema()
>>> schema["properties"]["format_version"]["const"]
1
"""

from __future__ import annotations

import functools
import json
import sys
from typing import Any

from govdisclosure.files import write_atomic
from govdisclosure.jsonio.codecs import ObjectCodec
from govdisclosure.jsonio.envelope import Document
from govdisclosure.jsonio.fields import codec_for
from govdisclosure.jsonio.tables import table_definitions
from govdisclosure.report import AnnualReport

__all__ = ["SCHEMA_RESOURCE", "build_schema", "json_schema"]

#: Where the schema lives inside the package.
SCHEMA_RESOURCE = "schema/report-v1.schema.json"


def build_schema() -> dict[str, Any]:
    """Generate the JSON Schema (draft 2020-12) of the JSON form from the same field
    description the reader and writer use (:mod:`govdisclosure.jsonio.fields`): the
    envelope and the report from the model's fields, the tables from the layouts."""
    defs: dict[str, Any] = {}
    document = codec_for(Document)
    assert isinstance(document, ObjectCodec)
    schema = document.schema(defs)
    report = codec_for(AnnualReport)
    assert isinstance(report, ObjectCodec)
    schema["properties"]["report"]["allOf"] = table_definitions(report, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govdisclosure.readthedocs.io/schema/report-v1.schema.json",
        "title": "govdisclosure annual report (JSON form, version 1)",
        **schema,
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
        write_atomic(path, render_schema().encode("utf-8"))
        sys.stdout.write(f"wrote {path}\n")


if __name__ == "__main__":
    main()
