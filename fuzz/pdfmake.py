"""Minimal PDFs written by hand, so that their objects and text operators are plain to see
and to mutate: a Type0 font with Identity-H codes (a character's UTF-16 code unit) and a
ToUnicode map, which is what pypdf needs to extract Chinese text; one ``BT … Tj ET`` per
line. Writes to a binary stream, so that a large PDF never sits in memory."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

__all__ = ["PdfWriter", "content_stream", "text_pdf", "to_unicode"]

LINES_PER_PAGE = 50


class PdfWriter:
    """Objects written one after the other, then the cross-reference table and trailer."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.offsets: dict[int, int] = {}
        self.position = 0
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def obj(self, number: int, body: bytes) -> None:
        self.offsets[number] = self.position
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def stream(self, number: int, data: bytes, extra: bytes = b"") -> None:
        self.stream_chunks(number, len(data), [data], extra)

    def stream_chunks(
        self, number: int, length: int, chunks: Iterable[bytes], extra: bytes = b""
    ) -> None:
        """A stream whose data (``length`` bytes) comes in chunks."""
        self.offsets[number] = self.position
        self._write(b"%d 0 obj\n<< /Length %d %s>>\nstream\n" % (number, length, extra))
        for chunk in chunks:
            self._write(chunk)
        self._write(b"\nendstream\nendobj\n")

    def finish(self, root: int = 1) -> None:
        size = max(self.offsets) + 1
        start = self.position
        rows = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
        rows += [b"%010d 00000 n \n" % self.offsets.get(n, 0) for n in range(1, size)]
        self._write(b"".join(rows))
        self._write(
            b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, start)
        )


def to_unicode(chars: Iterable[str]) -> bytes:
    """A ToUnicode CMap mapping each character's code (its UTF-16 unit) to itself."""
    codes = sorted({ord(c) for c in chars if ord(c) < 0x10000} | {0x20})
    entries = [b"<%04X> <%04X>" % (code, code) for code in codes]
    blocks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    body = b"".join(
        b"%d beginbfchar\n%s\nendbfchar\n" % (len(block), b"\n".join(block)) for block in blocks
    )
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + body
        + b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )


def _hex(line: str) -> bytes:
    return "".join(f"{ord(c):04X}" if ord(c) < 0x10000 else "003F" for c in line).encode()


def content_stream(lines: Iterable[str]) -> bytes:
    """The text operators drawing ``lines`` top down."""
    out = []
    for row, line in enumerate(lines):
        y = 800 - 15 * row
        out.append(b"BT /F1 10 Tf 40 %d Td <%s> Tj ET\n" % (y, _hex(line)))
    return b"".join(out)


def _pages(text: str) -> Iterator[list[str]]:
    for page in text.split("\f"):
        lines = page.split("\n")
        for start in range(0, max(len(lines), 1), LINES_PER_PAGE):
            yield lines[start : start + LINES_PER_PAGE]


def write_fonts(writer: PdfWriter, chars: Iterable[str]) -> None:
    """Objects 3 to 5: the font, its descendant and its ToUnicode map."""
    writer.obj(
        3,
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
    )
    writer.obj(
        4,
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    )
    writer.stream(5, to_unicode(chars))


def page_object(parent: int, content: int) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
        % (
            parent,
            content,
        )
    )


def text_pdf(text: str) -> bytes:
    """A PDF drawing ``text``, 50 lines a page (a form feed starts a page too)."""
    out = io.BytesIO()
    writer = PdfWriter(out)
    pages = list(_pages(text))
    writer.obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(len(pages)))
    writer.obj(2, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)))
    write_fonts(writer, text)
    for i, lines in enumerate(pages):
        writer.obj(6 + 2 * i, page_object(2, 7 + 2 * i))
        writer.stream(7 + 2 * i, content_stream(lines))
    writer.finish()
    return out.getvalue()
