"""Limits that keep reading an untrusted document safe, all in one place: sizes, archive
entries and compression ratios (zip bombs), nesting depth, pages, table shapes, the
length of a figure and of a label. Readers check them before they parse anything, or
while they parse (counting as they go), never after the work is done; so a read's time
grows with its input, and its input is bounded by these.

Each limit is far beyond what any real report holds (the reason is given with each), so
a report never meets one; a document that does is refused with a
:class:`~govdisclosure.errors.ReadError` that names the limit, or (a figure or a line
too long to be one) kept as text in a note. The module imports nothing: every layer,
the JSON form's included, takes its limits from here (the readers through
:mod:`govdisclosure.readers.limits`, which adds the checks they share).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_ENTRY_BYTES",
    "MAX_FIGURE_DIGITS",
    "MAX_FILE_BYTES",
    "MAX_HTML_ELEMENTS",
    "MAX_LABEL_CHARS",
    "MAX_LINES",
    "MAX_MERGED_RANGES",
    "MAX_PAGES",
    "MAX_PAGE_CHARS",
    "MAX_PAGE_CONTENT_BYTES",
    "MAX_PDF_CONTENT_BYTES",
    "MAX_PDF_OBJECTS",
    "MAX_RATIO",
    "MAX_ROW_CHARS",
    "MAX_SHEET_COLUMNS",
    "MAX_SHEET_ROWS",
    "MAX_TABLE_COLUMNS",
    "MAX_TABLE_ROWS",
    "MAX_TEXT_CHARS",
    "MAX_UNZIPPED_BYTES",
    "MAX_XML_BYTES",
]

#: The largest file read at all (a report is a few hundred kilobytes at most).
MAX_FILE_BYTES: Final = 50 * 1024 * 1024
#: The longest text read, in characters (given, or extracted from a PDF or a Word file):
#: a 200-page report holds some 400,000; the readers take about a second for 2 million
#: characters of the worst kind.
MAX_TEXT_CHARS: Final = 2 * 1024 * 1024
#: The longest web page parsed, in characters: its markup, scripts and inline images
#: besides the report's text (a report's page is under 1 MB).
MAX_PAGE_CHARS: Final = 4 * 1024 * 1024
#: The most elements of a web page walked: a report's page, with its site around it, has
#: some 5,000; the walk costs some 20 to 50 µs an element.
MAX_HTML_ELEMENTS: Final = 50_000
#: The most entries a DOCX (or XLSX) may hold; it, and the three limits after it, refuse
#: zip bombs before anything is unpacked.
MAX_ENTRIES: Final = 2000
#: The most a DOCX may hold once unpacked, all entries together.
MAX_UNZIPPED_BYTES: Final = 200 * 1024 * 1024
#: The most one entry of a DOCX may unpack to.
MAX_ENTRY_BYTES: Final = 64 * 1024 * 1024
#: The most an entry may unpack to, as a multiple of its packed size.
MAX_RATIO: Final = 200
#: The largest XML part of a DOCX parsed (``word/document.xml`` and the parts beside it):
#: a parsed tree takes some ten times its XML in memory, and a 100-page report's
#: document.xml is under 2 MB (its images are parts of their own, never parsed).
MAX_XML_BYTES: Final = 8 * 1024 * 1024
#: How deep elements may nest (HTML, DOCX XML) and objects may nest (PDF): real pages
#: nest some 30 deep; walking a deeper tree would need the interpreter's stack.
MAX_DEPTH: Final = 200
#: A PDF with more pages is refused before its pages are read (a report has 5 to 30).
MAX_PAGES: Final = 200
#: The content of one PDF page, decoded: a page of dense text draws with some 20 to 40 KB
#: of operators (a Word export's table page); a page that holds ten times that is refused
#: before its text is extracted.
MAX_PAGE_CONTENT_BYTES: Final = 384 * 1024
#: The most lines of text read (blank ones aside): a 200-page report (see MAX_PAGES)
#: extracted from a PDF has some 50 lines a page; the readers' cost is per line.
MAX_LINES: Final = 10_000
#: The most objects a PDF may hold (counted by their headers before anything is parsed): a
#: report of 30 pages holds some 500 to 3,000 (pages, content, fonts, images).
MAX_PDF_OBJECTS: Final = 20_000
#: What all the pages of a PDF draw with, decoded (their content, fonts, and the forms
#: they draw as often as they draw them): a report's page draws with some 20 to 40 KB, so
#: 25 pages (a report has 5 to 15) with under 768 KB. pypdf runs text operators at 0.8 to
#: 2 µs a byte (measured: a page of hex strings 1.2, of ``TJ`` arrays 2.0), which no check
#: before it can change: this bounds a PDF's extraction to some 1.5 s at worst (a real
#: report of 8 pages takes 0.2 s).
MAX_PDF_CONTENT_BYTES: Final = 768 * 1024
#: A table this large is no table of a report (they have some 40 rows and 17 columns), and
#: reading it would cost time for nothing.
MAX_TABLE_ROWS: Final = 500
#: The most columns of a table read (the forms have 3 to 8).
MAX_TABLE_COLUMNS: Final = 100
#: The rows and columns of a workbook's sheet that are read: a sheet that holds all three
#: tables of a report has some 80 rows and 17 columns, wherever on it they start; what
#: a sheet holds beyond (a sheet of other data) is left out, with a note. A sheet's
#: declared size (``<dimension>``) is never trusted: only the cells it holds are read,
#: up to these.
MAX_SHEET_ROWS: Final = 2_000
#: The most columns of a sheet read (see MAX_SHEET_ROWS).
MAX_SHEET_COLUMNS: Final = 200
#: The most ranges of merged cells a sheet may declare: the three tables merge some 50;
#: every range is compared with the others to find those that overlap.
MAX_MERGED_RANGES: Final = 1_000
#: The longest row of figures: as many cells as a row may have, each of the longest value
#: (a figure of MAX_FIGURE_DIGITS with its separators, unit and annotation, some 300
#: characters). Of a longer line of text, only so much at its end is split into figures.
MAX_ROW_CHARS: Final = MAX_TABLE_COLUMNS * 300
#: The most digits a figure read may have (before and after the point): no report prints
#: more than a dozen, yet the model holds amounts of any length, and a test's may have
#: thirty; the cost of reading a figure grows with its length, and Python refuses to
#: convert one of more than 4,300 digits. A longer figure is kept as text, with a note.
MAX_FIGURE_DIGITS: Final = 100
#: Printed text longer than this is no row's label (the longest official one, with its
#: groups' labels in front, has some 60 characters): it is matched against the form's
#: labels only when it holds one whole, never by similarity, whose cost is quadratic.
MAX_LABEL_CHARS: Final = 200
