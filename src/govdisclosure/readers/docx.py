"""Word documents (DOCX): ours, and the ones organs publish.

The package is opened within the limits of :mod:`~govdisclosure.readers.limits`; the
main document is found through the package's relationships (``word/document.xml`` when
they do not say), its styles through its own, and the custom properties through the
package's. Every XML part is parsed with lxml directly (python-docx builds an object per
element and is several times slower), refusing DTDs and entities, never touching the
network; a part larger than :data:`~govdisclosure.limits.MAX_XML_BYTES` is
refused before it is unpacked. The body is walked in order
(:mod:`~govdisclosure.readers.docxbody`, with the styles of
:mod:`~govdisclosure.readers.docxstyles`): a paragraph becomes a text block (bold spans,
a heading level, a run-in title marked), a table a table block of its origin cells;
content controls, insertions and hyperlinks are read through; deleted text, field codes,
text boxes, headers and footers are not read.

Facts a document does not print come from its custom properties, which this library's
DOCX renderer writes: ``govdisclosure.organ_kind`` and ``govdisclosure.scope``.

>>> import govdisclosure as gd
>>> report = gd.examples.load("zhongning-minzheng-2020")
>>> result = read_docx(gd.render(report, "docx"))
>>> result.report == report, result.format
(True, 'docx')
"""

from __future__ import annotations

import zipfile
from typing import Any

import attrs

from govdisclosure.errors import ReadError
from govdisclosure.readers.blocks import Block
from govdisclosure.readers.build import build_report
from govdisclosure.readers.docxbody import body_blocks
from govdisclosure.readers.docxstyles import Styles, W
from govdisclosure.readers.limits import MAX_FILE_BYTES, check_size
from govdisclosure.readers.ooxml import (
    ORGAN_KIND_PROPERTY,
    SCOPE_PROPERTY,
    custom_properties,
    links,
    open_zip,
    parse_part,
    property_options,
    target,
)
from govdisclosure.readers.result import Note, ReadResult

__all__ = ["ORGAN_KIND_PROPERTY", "SCOPE_PROPERTY", "docx_blocks", "read_docx"]

_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MAIN_TYPE = "/officeDocument"
#: Where the main document is when the package's relationships do not say.
_DOCUMENT = "word/document.xml"


# --- the package --------------------------------------------------------------------------


def _parts(archive: zipfile.ZipFile, source: str | None) -> tuple[Any, Styles, dict[str, str]]:
    """The parts of a DOCX the reader needs: the main document, its styles, and the
    custom properties. The styles and the properties are read first, and their trees let
    go, so that no two large trees are in memory at once."""
    names = archive.NameToInfo
    package = links(archive, "_rels/.rels", "", source)
    main = target(package, _MAIN_TYPE, _DOCUMENT)
    if main not in names:
        main = _DOCUMENT
    if main not in names:
        raise ReadError(f"not a Word document: the archive has no {_DOCUMENT}", source=source)
    folder, _, name = main.rpartition("/")
    base = f"{folder}/" if folder else ""
    related = links(archive, f"{base}_rels/{name}.rels", base, source)
    style_part = target(related, "/styles", f"{base}styles.xml")
    styles = Styles(parse_part(archive, style_part, source) if style_part in names else None)
    properties = custom_properties(archive, package, source)
    document = parse_part(archive, main, source)
    if document.tag != W + "document":
        strict = _STRICT_NS in document.tag
        why = " (ISO 29500 Strict is not read; save it as a Word document)" if strict else ""
        raise ReadError(f"{main} is not a WordprocessingML document{why}", source=source)
    return document, styles, properties


# --- the body and the properties ----------------------------------------------------------


def docx_blocks(
    data: bytes, source: str | None = None, notes: list[Note] | None = None
) -> tuple[list[Block], dict[str, str]]:
    """The blocks of a DOCX file's body, in order, and its custom properties; notes on
    what was read otherwise than printed go to ``notes``.

    >>> import govdisclosure as gd
    >>> data = gd.render(gd.examples.load("zhongning-minzheng-2020"), "docx")
    >>> blocks, properties = docx_blocks(data)
    >>> blocks[0].text, properties["govdisclosure.organ_kind"]
    ('中宁县民政局2020年', 'department')
    """
    with open_zip(data, source) as archive:
        document, styles, properties = _parts(archive, source)
    body = document.find(W + "body")
    if body is None:
        raise ReadError(f"{_DOCUMENT} has no body", source=source)
    return body_blocks(body, styles, source, notes), properties


def read_docx(data: bytes, *, source: str | None = None, **options: Any) -> ReadResult:
    """Read a report from the bytes of a DOCX file (see the module's documentation);
    options as for :func:`~govdisclosure.readers.build.build_report`.

    Anything that is not a readable Word document — not a zip, no ``word/document.xml``,
    XML that is not well-formed or declares a DTD, a zip bomb — is a
    :class:`~govdisclosure.errors.ReadError` naming the part and the reason.

    >>> read_docx(b"PK\\x03\\x04 not really")
    Traceback (most recent call last):
    ...
    govdisclosure.errors.ReadError: not a readable zip archive: File is not a zip file
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ReadError("a DOCX file is bytes, not text", source=source)
    data = bytes(data)
    check_size(len(data), MAX_FILE_BYTES, "the file", source)
    notes: list[Note] = []
    blocks, properties = docx_blocks(data, source, notes)
    if not blocks:
        raise ReadError("the document's body is empty", source=source)
    options = dict(options)
    notes = property_options(properties, options) + notes
    result = build_report(blocks, fmt="docx", source=source, **options)
    return attrs.evolve(result, notes=(*notes, *result.notes), format="docx")
