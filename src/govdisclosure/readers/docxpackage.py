"""The parts of a DOCX package the reader needs, opened and parsed safely.

The package is opened within the limits of :mod:`~govdisclosure.readers.limits`; the
main document is found through the package's relationships (``word/document.xml`` when
they do not say), its styles through its own, and the custom properties through the
package's. Every XML part is parsed with lxml directly, refusing DTDs and entities,
never touching the network.
"""

from __future__ import annotations

import zipfile
from typing import Any

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from govdisclosure.errors import ReadError
from govdisclosure.readers.limits import open_zip, read_entry
from govdisclosure.readers.wordml import CUSTOM, RELS, STRICT_NS, W

__all__ = ["DOCUMENT", "Package"]

_MAIN_TYPE = "/officeDocument"
#: Where the main document is when the package's relationships do not say.
DOCUMENT = "word/document.xml"


def _parse(data: bytes, part: str, source: str | None) -> Any:
    """The root element of an XML part, parsed safely: no DTD (a part that declares one
    is refused: Word never writes one, and entities are how XML bombs work), no network,
    no huge trees."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ReadError(f"{part} declares a DTD or entities; refused", source=source)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError) as err:
        raise ReadError(f"{part} is not well-formed XML: {err}", source=source) from None
    # A UTF-16 part hides its DOCTYPE from the byte search above; the parsed tree does not.
    if root.getroottree().docinfo.doctype:
        raise ReadError(f"{part} declares a DTD; refused", source=source)
    return root


def _links(
    archive: zipfile.ZipFile, rels: str, base: str, source: str | None
) -> list[tuple[str, str]]:
    """The internal relationships in the relationships part ``rels``: each one's type
    and the archive name of the part it points to (relative to ``base``)."""
    if rels not in archive.NameToInfo:
        return []
    out = []
    for rel in _parse(read_entry(archive, rels, source), rels, source).iter(RELS):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        name = target.lstrip("/") if target.startswith("/") else base + target
        parts: list[str] = []  # "word/../docProps/x.xml" is "docProps/x.xml"
        for piece in name.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in ("", "."):
                parts.append(piece)
        out.append((rel.get("Type") or "", "/".join(parts)))
    return out


def _target(links: list[tuple[str, str]], kind: str, default: str) -> str:
    """The part the first relationship of ``kind`` (the end of its type) points to."""
    return next((name for rel, name in links if rel.endswith(kind)), default)


class Package:
    """The parts of a DOCX the reader needs: the main document, its styles, and the
    custom properties."""

    def __init__(self, data: bytes, source: str | None) -> None:
        with open_zip(data, source) as archive:
            self._read(archive, source)

    def _read(self, archive: zipfile.ZipFile, source: str | None) -> None:
        names = archive.NameToInfo
        package = _links(archive, "_rels/.rels", "", source)
        main = _target(package, _MAIN_TYPE, DOCUMENT)
        if main not in names:
            main = DOCUMENT
        if main not in names:
            raise ReadError(f"not a Word document: the archive has no {DOCUMENT}", source=source)
        self.document = _parse(read_entry(archive, main, source), main, source)
        tag = self.document.tag
        if tag != W + "document":
            strict = STRICT_NS in tag
            why = " (ISO 29500 Strict is not read; save it as a Word document)" if strict else ""
            raise ReadError(f"{main} is not a WordprocessingML document{why}", source=source)
        folder, _, name = main.rpartition("/")
        base = f"{folder}/" if folder else ""
        links = _links(archive, f"{base}_rels/{name}.rels", base, source)
        styles = _target(links, "/styles", f"{base}styles.xml")
        self.styles = (
            _parse(read_entry(archive, styles, source), styles, source) if styles in names else None
        )
        custom = _target(package, "/custom-properties", "docProps/custom.xml")
        self.properties: dict[str, str] = {}
        if custom in names:
            root = _parse(read_entry(archive, custom, source), custom, source)
            for prop in root.iter(CUSTOM):
                key = prop.get("name")
                if key:
                    self.properties[key] = "".join(prop.itertext())
