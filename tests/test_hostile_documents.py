"""Hostile documents: built to exhaust the stack, the time or the memory of a reader.

Each one ends in a :class:`~govdisclosure.ReadError` saying which limit it met (or is read
correctly), and soon: every read is timed, and the big ones' peak memory is measured in a
subprocess of its own. The documents are built here, small, in memory: a 100,000-page PDF
is a page tree whose kids share one page; a limit that a real file would take long to
reach is made small for the test.
"""

from __future__ import annotations

import importlib.util
import io
import random
import re
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.limits import MAX_PAGE_CONTENT_BYTES
from govdisclosure.readers.blocks import TableBlock
from govdisclosure.readers.docx import docx_blocks
from govdisclosure.readers.html import html_blocks
from govdisclosure.readers.pdf import pdf_text

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "zhongning-minzheng-2020.json"
#: What one read of a hostile document may take, in seconds.
SECONDS = 2.0


@contextmanager
def quick() -> Iterator[None]:
    """Fail when the block takes more than :data:`SECONDS` of processor time (the read's
    own: the suite runs on shared machines, where waiting for a processor says nothing of
    the reader; a read waits on nothing else)."""
    start = time.process_time()
    yield
    elapsed = time.process_time() - start
    assert elapsed < SECONDS, f"took {elapsed:.2f} s of processor time"


def refused(data: bytes | str, fmt: str, match: str) -> gd.ReadError:
    """The error reading ``data`` ends in, soon; its message matches ``match``."""
    with quick(), pytest.raises(gd.ReadError, match=match) as caught:
        gd.read(data, fmt)
    return caught.value


#: The most memory a read of a hostile document may take, the interpreter and the
#: libraries included (they take some 40 MB).
PEAK_MB = 300

_PEAK = """
import resource, sys
sys.path.insert(0, {package!r})
import govdisclosure as gd
import govdisclosure.readers.docx, govdisclosure.readers.html, govdisclosure.readers.pdf
try:
    import pypdf
except ImportError:
    pass


def peak():
    # Linux keeps in ru_maxrss the parent's size at the fork, across exec; VmHWM is this
    # program's own.
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) // 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


data = open({path!r}, "rb").read()
before = peak()
try:
    gd.read(data, {fmt!r})
    outcome = "read"
except gd.ReadError as err:
    outcome = str(err)
print(before, peak(), outcome)
"""


def peak(tmp_path: Path, data: bytes, fmt: str) -> tuple[int, str]:
    """The peak memory (in MB, the interpreter's included) of a process that reads
    ``data`` as ``fmt``, and how the read ended (its error's message, or "read")."""
    path = tmp_path / f"document.{fmt}"
    path.write_bytes(data)
    package = str(Path(gd.__file__).resolve().parent.parent)
    code = _PEAK.format(package=package, path=str(path), fmt=fmt)
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    _before, after, outcome = run.stdout.split(" ", 2)
    return int(after), outcome.strip()


# --- HTML ---------------------------------------------------------------------------------

_TITLE = "<h1>某局2021年政府信息公开工作年度报告</h1><h2>一、总体情况</h2>"


@pytest.mark.parametrize("tag", ["div", "b", "span", "font", "ul", "blockquote"])
@pytest.mark.parametrize("encoding", [None, "utf-8", "utf-16"])
def test_html_nested_100000_deep_is_refused(tag: str, encoding: str | None) -> None:
    page = f"<html><body>{_TITLE}" + f"<{tag}>" * 100_000 + "一是" + f"</{tag}>" * 100_000
    data = page if encoding is None else page.encode(encoding)
    refused(data, "html", "nests elements more than 200 deep")


@pytest.mark.parametrize("depth", [150, 199, 240])
def test_html_nested_below_the_parser_limit_is_refused_by_the_walk(depth: int) -> None:
    """lxml stops at 256 levels; the walk refuses beyond MAX_DEPTH (200), without
    recursion: a nesting of 150 reads as far as the report goes."""
    page = f"<html><body>{_TITLE}" + "<div>" * depth + "一是加强" + "</div>" * depth
    if depth < 198:
        with quick(), pytest.raises(gd.ReadError, match="none of the report's tables"):
            gd.read(page, "html")
    else:
        refused(page, "html", "nests elements more than 200 deep")


def test_html_nested_tables_are_read_without_recursion() -> None:
    """Tables inside cells, 80 deep (240 elements): flattened into the cell's text by a
    loop, not by recursion."""
    inner = "<table><tr><td>a</td></tr><tr><td>b</td><td>"
    page = f"<html><body>{_TITLE}" + inner * 60 + "一是" + "</td></tr></table>" * 60
    with quick(), pytest.raises(gd.ReadError, match="none of the report's tables"):
        gd.read(page, "html")


def test_html_table_of_too_many_rows_is_left_out() -> None:
    rows = "".join(f"<tr><td>第{i}行</td><td>{i}</td></tr>" for i in range(600))
    page = f"<html><body>{_TITLE}<p>一是加强。</p><table>{rows}</table>"
    blocks, notes = html_blocks(page)
    assert not [b for b in blocks if isinstance(b, TableBlock)]
    assert any("more than 500 rows" in note.action for note in notes)


# --- PDF ----------------------------------------------------------------------------------

needs_pypdf = pytest.mark.skipif(
    importlib.util.find_spec("pypdf") is None, reason="reading PDF needs pypdf"
)

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET"


def _stream(data: bytes, entries: bytes = b"") -> bytes:
    """A stream object's body, its data compressed."""
    packed = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n%s\nendstream" % (
        len(packed),
        entries,
        packed,
    )


def _body(version: bytes, objects: dict[int, bytes]) -> tuple[bytearray, dict[int, int]]:
    """A PDF's header and objects, and where each object starts."""
    out = bytearray(b"%%PDF-%s\n" % version)
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    return out, offsets


def _pdf(objects: dict[int, bytes], trailer: bytes = b"") -> bytes:
    """A PDF of ``objects`` (by number), with its cross-reference table; object 1 is the
    catalog."""
    out, offsets = _body(b"1.4", objects)
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n" % size
    for number in range(size):
        out += (
            b"%010d 00000 n \n" % offsets[number]
            if number in offsets
            else b"0" * 10 + b" 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        trailer,
        xref,
    )
    return bytes(out)


def _page(contents: bytes, resources: bytes = b"") -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> %s >> /Contents %s >>" % (resources, contents)
    )


def _objects(*pages: bytes) -> dict[int, bytes]:
    """A catalog (1), a page tree (2) of a page (10, 11; its content ``pages[0]``) and
    more, a font (3)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _FONT}
    kids = []
    for number, content in enumerate(pages, start=5):
        objects[2 * number] = _stream(content)
        objects[2 * number + 1] = _page(b"%d 0 R" % (2 * number))
        kids.append(b"%d 0 R" % (2 * number + 1))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return objects


@needs_pypdf
def test_pdf_builder_makes_a_pdf_that_reads() -> None:
    with pytest.raises(gd.ReadError, match="no section headings"):
        gd.read(_pdf(_objects(_TEXT)), "pdf")


_DEEP = b"[" * 100_000 + b"]" * 100_000


def _deep_catalog() -> bytes:
    objects = _objects(_TEXT)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R /Deep %s >>" % _DEEP
    return _pdf(objects)


def _deep_trailer() -> bytes:
    return _pdf(_objects(_TEXT), trailer=b"/Deep " + b"<<" * 100_000 + b">>" * 100_000)


def _deep_content() -> bytes:
    return _pdf(_objects(b"BT /F1 12 Tf " + _DEEP + b" TJ ET"))


def _deep_behind_junk() -> bytes:
    """Junk that opens a string before an object: pypdf never parses it, and the scan
    starts again at the object's header."""
    objects = _objects(_TEXT)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R /Deep 4 0 R >>"
    objects[4] = b"[ ]\nendobj\n(junk % <junk\n4 0 obj\n" + _DEEP
    return _pdf(objects)


def _deep_in_object_stream() -> bytes:
    """The page tree in a compressed object stream, nesting deep: the stream is decoded
    and scanned before pypdf parses the page tree out of it."""
    objects = _objects(_TEXT)
    inside = objects.pop(2)[:-2] + b" /Deep " + _DEEP + b" >>"
    header = b"2 0 "
    objects[4] = _stream(header + inside, b" /Type /ObjStm /N 1 /First %d" % len(header))
    out, offsets = _body(b"1.5", objects)
    size = max(objects) + 2
    rows = b"".join(
        b"\x02" + struct.pack(">IH", 4, 0)
        if number == 2
        else b"\x01" + struct.pack(">IH", offsets[number], 0)
        if number in offsets
        else b"\x00" + struct.pack(">IH", 0, 65535)
        for number in range(size - 1)
    )
    xref = len(out)
    rows += b"\x01" + struct.pack(">IH", xref, 0)
    entries = b" /Type /XRef /W [1 4 2] /Size %d /Root 1 0 R" % size
    out += b"%d 0 obj\n%s\nendobj\n" % (size - 1, _stream(rows, entries))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (_deep_catalog, "the file"),
        (_deep_trailer, "the file"),
        (_deep_behind_junk, "the file"),
        (_deep_content, "the content of page 1"),
        (_deep_in_object_stream, "object stream 4"),
    ],
)
@needs_pypdf
def test_pdf_nested_100000_deep_is_refused_before_pypdf_parses_it(
    build: Callable[[], bytes], where: str
) -> None:
    refused(build(), "pdf", f"{where} nests arrays and dictionaries more than 200 deep")


@needs_pypdf
def test_pdf_page_tree_cycle_is_refused() -> None:
    objects = _objects(_TEXT)
    objects[2] = b"<< /Type /Pages /Kids [11 0 R 4 0 R] /Count 2 >>"
    objects[4] = b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"
    refused(_pdf(objects), "pdf", "page tree reaches a node twice")


@needs_pypdf
def test_pdf_page_tree_sharing_a_subtree_is_refused() -> None:
    objects = _objects(_TEXT)
    objects[2] = b"<< /Type /Pages /Kids [4 0 R 4 0 R] /Count 100 >>"
    objects[4] = b"<< /Type /Pages /Kids [%s] /Count 50 >>" % (b"11 0 R " * 50)
    refused(_pdf(objects), "pdf", "page tree reaches a node twice")


@needs_pypdf
def test_pdf_page_tree_chain_is_refused() -> None:
    objects = _objects(_TEXT)
    for number in range(100, 400):
        objects[number] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 1)
    objects[400] = b"<< /Type /Pages /Kids [11 0 R] /Count 1 >>"
    objects[2] = b"<< /Type /Pages /Kids [100 0 R] /Count 1 >>"
    refused(_pdf(objects), "pdf", "page tree (has more than 200 inner nodes|is more than 200)")


def _pages_100000(count: int = 100_000) -> bytes:
    """100,000 pages in 700 KB: one page named 100,000 times by a /Kids that says (by its
    /Count) it has one."""
    objects = _objects(_TEXT)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count 1 >>" % (b"11 0 R " * count)
    return _pdf(objects)


def _pages_tree() -> bytes:
    """100,000 pages as a tree of 317 nodes: 316 kids of 316 kids, all one page."""
    objects = _objects(_TEXT)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count 99856 >>" % (b"4 0 R " * 316)
    objects[4] = b"<< /Type /Pages /Kids [%s] /Count 316 >>" % (b"11 0 R " * 316)
    return _pdf(objects)


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (_pages_100000, "more than 200 pages"),
        (_pages_tree, "more than 200 pages"),
    ],
)
@needs_pypdf
def test_pdf_of_100000_pages_is_refused_before_pypdf_flattens_it(
    build: Callable[[], bytes], match: str
) -> None:
    refused(build(), "pdf", match)


@needs_pypdf
def test_pdf_page_of_too_much_content_is_refused_before_its_text_is_extracted() -> None:
    """Two content streams of 0.6 times MAX_PAGE_CONTENT_BYTES each, a few KB once
    compressed: the page draws with 1.2 times its limit, refused when the second is
    measured, before pypdf runs them (which would take seconds)."""
    objects = _objects(_TEXT)
    body = b"BT /F1 12 Tf 72 700 Td " + b"(a) Tj\n" * (MAX_PAGE_CONTENT_BYTES * 6 // 70) + b"ET"
    objects[10] = objects[12] = _stream(body)
    objects[11] = _page(b"[10 0 R 12 0 R]")
    refused(_pdf(objects), "pdf", f"the content of page 1 is {2 * len(body):,} long")


@needs_pypdf
def test_pdf_page_naming_one_stream_50000_times_is_refused_as_it_is_measured() -> None:
    body = b"BT /F1 12 Tf 72 700 Td " + b"(a) Tj\n" * 20 + b"ET"
    objects = _objects(body)
    objects[11] = _page(b"[%s]" % (b"10 0 R " * 50_000))
    # Refused at the first stream that goes over, not when all 50,000 have been decoded.
    over = (MAX_PAGE_CONTENT_BYTES // len(body) + 1) * len(body)
    refused(_pdf(objects), "pdf", f"the content of page 1 is {over:,} long")


@needs_pypdf
def test_pdf_of_too_much_content_in_all_is_refused_page_by_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("govdisclosure.readers.pdf.MAX_PDF_CONTENT_BYTES", 6000)
    data = _pdf(_objects(*[b"BT /F1 12 Tf 72 700 Td " + b"(a) Tj\n" * 200 + b"ET"] * 5))
    refused(data, "pdf", "more than 6,000 bytes of content, forms and fonts \\(at page 3\\)")


@needs_pypdf
def test_pdf_form_drawn_100000_times_is_refused() -> None:
    objects = _objects(b"/X Do\n" * (MAX_PAGE_CONTENT_BYTES // 12))
    form = b" /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /Font << /F1 3 0 R >> >>"
    objects[4] = _stream(_TEXT + b" " * 1000, form)
    objects[11] = _page(b"10 0 R", b"/XObject << /X 4 0 R >>")
    refused(_pdf(objects), "pdf", r"page 1 of the PDF draws with \d{2,3},\d{3},\d{3} bytes")


def _nested_forms(depth: int) -> bytes:
    """A page that draws a form that draws a form … ``depth`` deep, the last drawing the
    first (pypdf skips a form inside itself)."""
    objects = _objects(b"/X Do")
    for i in range(depth):
        inner = 100 + (i + 1) % depth
        entries = (
            b" /Type /XObject /Subtype /Form /BBox [0 0 9 9] "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /X %d 0 R >> >>" % inner
        )
        objects[100 + i] = _stream(b"BT /F1 12 Tf 72 700 Td (L%d) Tj ET /X Do" % i, entries)
    objects[11] = _page(b"10 0 R", b"/XObject << /X 100 0 R >>")
    return _pdf(objects)


@needs_pypdf
def test_pdf_forms_nested_too_deep_are_refused() -> None:
    refused(_nested_forms(250), "pdf", "the forms page 1 draws nest more than 200 deep")
    text = pdf_text(_nested_forms(20))
    assert text.split() == [f"L{i}" for i in range(20)]


def _flate_bomb(megabytes: int = 1024) -> bytes:
    """A page whose content is 1 MB compressed, a gigabyte inflated: the same block of a
    megabyte of zeros (compressed alone, then flushed whole) over and over."""
    packer = zlib.compressobj(9)
    block = packer.compress(bytes(1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
    size = megabytes << 20
    checksum = (size % 65521) << 16 | 1  # Adler-32 of zeros: a stays 1, b counts them
    packed = block[:2] + block[2:] * megabytes + b"\x03\x00" + struct.pack(">I", checksum)
    objects = _objects(_TEXT)
    objects[10] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
        len(packed),
        packed,
    )
    return _pdf(objects)


def test_flate_bomb_is_a_gigabyte() -> None:
    data = _flate_bomb(3)
    packed = data[data.index(b"stream\n") + 7 : data.index(b"\nendstream")]
    assert zlib.decompress(packed) == bytes(3 << 20)


@needs_pypdf
def test_pdf_flate_bomb_is_refused_without_inflating_it() -> None:
    refused(
        _flate_bomb(),
        "pdf",
        f"inflates to more than {MAX_PAGE_CONTENT_BYTES:,} bytes; refused before",
    )


@needs_pypdf
def test_pdf_damaged_stream_is_refused_without_repairing_it_byte_by_byte() -> None:
    """pypdf would repair 3 MB of damaged compressed data byte by byte, for 9 s."""
    objects = _objects(_TEXT)
    junk = b"x\x9c" + random.Random(13).randbytes(3_000_000)
    objects[10] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
        len(junk),
        junk,
    )
    refused(_pdf(objects), "pdf", "a stream of the PDF is damaged")


@needs_pypdf
@pytest.mark.parametrize(
    ("build", "match"),
    [
        (_pages_100000, "more than 200 pages"),
        (_flate_bomb, "inflates to more than"),
        (_deep_catalog, "nests arrays and dictionaries"),
    ],
)
def test_pdf_peak_memory(tmp_path: Path, build: Callable[[], bytes], match: str) -> None:
    megabytes, outcome = peak(tmp_path, build(), "pdf")
    assert match in outcome
    assert megabytes < PEAK_MB


# --- DOCX ---------------------------------------------------------------------------------

_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body: bytes, level: int = 6) -> bytes:
    """A DOCX whose document's body is ``body``."""
    document = b'<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body>' % (
        _W,
        body,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("word/document.xml", document + b"</w:document>")
    return out.getvalue()


def _paragraphs(size: int) -> bytes:
    """Paragraphs of random letters and digits, ``size`` bytes of XML or a little more
    (random, so that the archive is no zip bomb)."""
    text = random.Random(7).randbytes(size * 20 // 74).hex()  # 40 characters in 74 bytes
    return b"".join(
        b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % text[i : i + 40].encode()
        for i in range(0, len(text), 40)
    )


def _table(rows: int, columns: int) -> bytes:
    row = b"<w:tr>" + b"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * columns + b"</w:tr>"
    return b"<w:tbl>" + row * rows + b"</w:tbl>"


def test_docx_part_over_the_xml_limit_is_refused_before_it_is_unpacked() -> None:
    """9 MB of document.xml, over MAX_XML_BYTES (8 MB): refused by the size the archive
    gives, before it is unpacked or parsed."""
    refused(_docx(_paragraphs(9_000_000), level=1), "docx", "word/document.xml is 8,8")


def test_docx_part_over_a_small_xml_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("govdisclosure.readers.ooxml.MAX_XML_BYTES", 50_000)
    refused(_docx(_paragraphs(60_000)), "docx", "the limit is 50,000")


def test_docx_of_too_much_text_is_refused_as_it_is_walked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("govdisclosure.readers.docxbody.MAX_TEXT_CHARS", 10_000)
    refused(_docx(_paragraphs(40_000)), "docx", "text is more than 10,000 characters")
    refused(_docx(_table(300, 20)), "docx", "text is more than 10,000 characters")


@pytest.mark.parametrize(
    ("rows", "columns", "match"),
    [
        (501, 2, "table 1 has more than 500 rows"),
        (3, 101, "table 1 has more than 100 columns"),
    ],
)
def test_docx_table_too_large_is_refused(rows: int, columns: int, match: str) -> None:
    refused(_docx(_table(rows, columns)), "docx", match)


def test_docx_cell_spanning_too_many_columns_is_refused() -> None:
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="9999"/></w:tcPr><w:p/></w:tc>'
    table = b"<w:tbl><w:tr>" + cell + b"</w:tr></w:tbl>"
    refused(_docx(table), "docx", "table 1 has more than 100 columns")


@pytest.mark.parametrize(
    ("depth", "match"),
    [
        (100_000, "word/document.xml nests elements more than 200 deep"),
        (120, "nests content controls \\(or the like\\) more than 200 deep"),
    ],
)
def test_docx_nested_content_controls_are_refused(depth: int, match: str) -> None:
    control = b"<w:sdt><w:sdtContent>" * depth + b"</w:sdtContent></w:sdt>" * depth
    refused(_docx(control + _paragraphs(300_000)), "docx", match)


def test_docx_tables_nested_in_cells_are_flattened_without_recursion() -> None:
    """Tables in cells 80 deep (240 elements, under the parser's 256): their text is the
    cell's, read with a stack."""
    depth = 80
    opening = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>字</w:t></w:r></w:p>".encode()
    table = opening * depth + b"</w:tc></w:tr></w:tbl>" * depth
    blocks, _ = docx_blocks(_docx(b"<w:tbl><w:tr><w:tc>" + table + b"</w:tc></w:tr></w:tbl>"))
    assert [b.rows[0][0].text for b in blocks if isinstance(b, TableBlock)] == ["字" * depth]


def _with_symbol(code: str) -> bytes:
    """Our DOCX of an example, with a symbol of ``code`` after the first run of prose."""
    data = gd.render(gd.load(EXAMPLE), "docx")
    assert isinstance(data, bytes)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                prose = re.search(rb"<w:t[^>]*>[^<]{30,}</w:t></w:r>", part)
                assert prose is not None
                symbol = b'<w:r><w:sym w:font="Wingdings" w:char="%s"/></w:r>' % code.encode()
                part = part[: prose.end()] + symbol + part[prose.end() :]
            archive.writestr(info, part)
    return out.getvalue()


@pytest.mark.parametrize("code", ["D800", "DFFF", "0001", "FFFE"])
def test_docx_symbol_that_is_no_character_reads_as_a_replacement_and_renders(code: str) -> None:
    """A w:sym whose code is a surrogate, a control code or a noncharacter reads as
    U+FFFD, with a note; the report renders in every format."""
    with quick():
        result = gd.read(_with_symbol(code), "docx")
    [note] = [n for n in result.notes if n.snippet == f"w:char={code}"]
    assert "read as U+FFFD" in note.action
    assert "\ufffd" in repr(result.report)
    for fmt in ["json", "html", "text", "markdown", "docx", "xlsx"]:
        assert gd.render(result.report, fmt)


def test_docx_symbol_that_is_a_character_reads_as_it() -> None:
    result = gd.read(_with_symbol("2713"), "docx")
    assert "✓" in repr(result.report)
    assert not [n for n in result.notes if n.snippet.startswith("w:char")]


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: _docx(_paragraphs(60_000_000), level=1), "word/document.xml is 59,"),
        (lambda: _docx(_table(600, 10)), "table 1 has more than 500 rows"),
    ],
)
def test_docx_peak_memory(tmp_path: Path, build: Callable[[], bytes], match: str) -> None:
    """60 MB of document.xml, refused before it is unpacked; a table of 600 rows, parsed
    and refused as it is walked."""
    megabytes, outcome = peak(tmp_path, build(), "docx")
    assert match in outcome
    assert megabytes < PEAK_MB


@pytest.mark.parametrize("entries", [5_000, 70_000])
def test_a_zip_of_too_many_entries_is_refused_from_its_end_record(entries: int) -> None:
    """zipfile indexes every entry before anyone can count them (100,000 took 5 s): the
    archive's end record (ZIP64's beyond 65,535 entries) is read first."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for index in range(entries):
            archive.writestr(f"word/{index}.xml", b"")
    start = time.perf_counter()
    refused(packed.getvalue(), "docx", f"declares {entries:,} entries")
    assert time.perf_counter() - start < 0.5


@needs_pypdf
def test_a_pdf_of_too_many_objects_is_refused_before_it_is_parsed() -> None:
    """A 100,000-page PDF of real page objects took seconds in the nesting scan and in
    pypdf's reading of its cross-references: objects are counted by their headers first."""
    objects = b"".join(b"%d 0 obj\n<< /Type /Page >>\nendobj\n" % i for i in range(1, 25_001))
    start = time.perf_counter()
    refused(b"%PDF-1.4\n" + objects + b"%%EOF\n", "pdf", "holds some 25,000 objects")
    assert time.perf_counter() - start < 0.5
