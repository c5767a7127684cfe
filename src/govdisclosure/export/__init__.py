"""Findings and tables as data: rows for files and data frames.

* **Findings** (:mod:`~govdisclosure.export.findings`): :func:`finding_rows` turns
  checked reports (``Checked``, or the ``BatchItem[Checked]`` a batch gives) into flat
  rows — the report, the rule, its place, its message in Chinese and English, the
  figures, and where the document printed the cells — with the rules that could not be
  checked and the sources that could not be read as rows of their own;
  :func:`summary_rows` gives one row per report. (:meth:`ValidationResult.to_dict
  <govdisclosure.checker.result.ValidationResult.to_dict>` gives one result as data.)
* **Tidy records** (:mod:`~govdisclosure.export.records`): :func:`to_records`, one
  :class:`Record` per cell of tables 二, 三 and 四 and of their extra rows and columns,
  with the labels the form prints and the cell's state.
* **The wide form** (:mod:`~govdisclosure.export.wide`): :func:`to_wide`, one row per
  report and a column per cell, one edition at a time or the union of both.
* **Data frames** (:mod:`~govdisclosure.export.frames`): :func:`to_dataframe`, with
  pandas (the ``pandas`` extra).
* **Files** (:mod:`~govdisclosure.export.writers`): :func:`write_findings`,
  :func:`write_records` and :func:`write_wide` write CSV (UTF-8 with a byte order mark,
  CRLF), JSON Lines or an Excel workbook (the ``xlsx`` extra), streaming, atomically,
  with the same bytes every time, and with every text from a document made harmless in
  a spreadsheet (:mod:`~govdisclosure.export.injection`).

Neither pandas nor openpyxl is imported until it is used.
"""

from govdisclosure.export.columns import Column
from govdisclosure.export.findings import (
    FINDING_COLUMNS,
    SUMMARY_COLUMNS,
    finding_rows,
    summary_rows,
)
from govdisclosure.export.frames import to_dataframe
from govdisclosure.export.injection import neutralise, restore
from govdisclosure.export.records import RECORD_COLUMNS, Record, to_records
from govdisclosure.export.wide import WIDE_ID_COLUMNS, to_wide, wide_columns
from govdisclosure.export.writers import write_findings, write_records, write_wide

__all__ = [
    "FINDING_COLUMNS",
    "RECORD_COLUMNS",
    "SUMMARY_COLUMNS",
    "WIDE_ID_COLUMNS",
    "Column",
    "Record",
    "finding_rows",
    "neutralise",
    "restore",
    "summary_rows",
    "to_dataframe",
    "to_records",
    "to_wide",
    "wide_columns",
    "write_findings",
    "write_records",
    "write_wide",
]
