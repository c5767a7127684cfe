"""The JSON form of a report: lossless, strict, deterministic.

A document is an envelope with the format's name and version, then the report::

    {"format": "govdisclosure-annual-report", "format_version": 1, "report": {...}}

``format_version`` versions this JSON form; the report's ``edition`` versions the
official layout. Keys are stable ASCII (the enums' values). Counts are JSON integers;
money is ``{"amount": "<decimal string>", "unit": "yuan"}``; a blank cell is ``null``;
a not-applicable cell is ``{"na": "<mark>"}``. A paragraph is a string, or a list of
strings and ``{"text": …, "bold": true}`` spans. Reading rejects unknown and duplicate
keys, floats, booleans and numeric strings where counts belong, and names the JSON
path of the problem. The JSON Schema is :func:`govdisclosure.schema.json_schema`.

>>> import govdisclosure as gd
>>> report = gd.AnnualReport(organ="某县统计局", year=2022)
>>> gd.loads(gd.dumps(report)) == report
True
>>> gd.loads(gd.dumps(report).replace('"year": 2022', '"year": "2022"'))
Traceback (most recent call last):
...
govdisclosure.errors.JSONFormatError: $.report.year: expected an integer, got '2022'
"""

from __future__ import annotations

from govdisclosure.jsonio.envelope import FORMAT, FORMAT_VERSION
from govdisclosure.jsonio.reader import from_dict, load, loads
from govdisclosure.jsonio.writer import dump, dumps, to_dict

__all__ = ["FORMAT", "FORMAT_VERSION", "dump", "dumps", "from_dict", "load", "loads", "to_dict"]
