"""The hostile set (issue 13): documents built to exhaust a reader — zip bombs, entity
expansion, deep nesting, PDF page-tree cycles and flate bombs, huge files, tables and
figures — and the special files a path can name. Each is read in a fresh worker
subprocess (:mod:`fuzz.worker`), which measures the read's time and peak memory.

    python fuzz/hostile.py                 # build the whole set in a temp dir, read each
    python fuzz/hostile.py --small         # only the files the test suite reads too
    python fuzz/hostile.py --only fifo,dev-zero --kill-after 5

Expected of every file: a :class:`~govdisclosure.errors.ReadError` (or a correct read)
within 2 s and 300 MB; a report read from one renders in every format. A read still
running after ``--kill-after`` seconds (20 by default) is killed and counted a HANG.

Big files are written in chunks (zip entries streamed through ``ZipFile.open(..., "w")``,
PDF streams compressed once and written as often as needed), so that building the set
needs a few megabytes of memory, not gigabytes.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import re
import struct
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ in ("__main__", "__mp_main__"):
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]

import govdisclosure as gd  # noqa: E402
from fuzz.pdfmake import PdfWriter, content_stream, page_object, write_fonts  # noqa: E402
from fuzz.worker import Limits, Worker, run_job  # noqa: E402

__all__ = ["HOSTILE", "Hostile", "Row", "build", "lying_about_size", "measure", "run_set"]

SEED = ROOT / "examples" / "zhongning-minzheng-2020.json"
MB = 1024 * 1024
TARGET_SECONDS = 2.0
TARGET_MB = 300.0


@functools.cache
def _report() -> gd.AnnualReport:
    return gd.load(SEED)


@functools.cache
def _rendered(fmt: str) -> bytes:
    out = gd.render(_report(), fmt)
    return out if isinstance(out, bytes) else out.encode("utf-8")


@functools.cache
def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(_rendered("docx"))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


Chunks = Callable[[], Iterator[bytes]]


def _write_docx(
    path: Path,
    replaced: dict[str, bytes | Chunks],
    extra: Iterable[tuple[str, bytes]] = (),
    compression: int = zipfile.ZIP_DEFLATED,
) -> None:
    """The seed's DOCX with parts replaced (bytes, or chunks streamed into the entry)."""
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, content in {**_docx_parts(), **replaced}.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
            else:
                with archive.open(name, "w", force_zip64=True) as entry:
                    for chunk in content():
                        entry.write(chunk)
        for name, content in extra:
            archive.writestr(name, content)


def _document() -> bytes:
    return _docx_parts()["word/document.xml"]


def _body_split() -> tuple[bytes, bytes]:
    """The seed's document.xml cut just after ``<w:body>``."""
    xml = _document()
    at = xml.index(b"<w:body>") + len(b"<w:body>")
    return xml[:at], xml[at:]


def _repeat(chunk: bytes, total: int) -> Iterator[bytes]:
    while total > 0:
        yield chunk[:total]
        total -= len(chunk)


# -- zips -------------------------------------------------------------------------------


def zip_bomb(path: Path, *, lying: bool = False, size: int = 1024 * MB) -> None:
    """document.xml padded with a gigabyte of spaces (some 1 MB packed). Lying: the
    entry's headers claim it unpacks to 5,000 bytes."""
    head, tail = _body_split()

    def chunks() -> Iterator[bytes]:
        yield head
        yield from _repeat(b" " * MB, size)
        yield tail

    _write_docx(path, {"word/document.xml": chunks})
    if lying:
        path.write_bytes(lying_about_size(path.read_bytes(), "word/document.xml"))


def lying_about_size(data: bytes, name: str, size: int = 5000) -> bytes:
    """The zip archive ``data`` with the headers of its entry ``name`` (the local one and
    the central directory's) claiming that it unpacks to ``size`` bytes."""
    out = bytearray(data)
    wanted = name.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        for found in re.finditer(re.escape(signature), out):
            at = found.start()
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if out[name_at : name_at + len(wanted)] == wanted:
                out[at + offset : at + offset + 4] = struct.pack("<I", size)
    return bytes(out)


def many_entries(path: Path) -> None:
    entries = ((f"customXml/item{i}.xml", b"<a/>") for i in range(100_000))
    _write_docx(path, {}, entries)


# -- entities and nesting -----------------------------------------------------------------

XXE = b'<!DOCTYPE %s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE %s [<!ENTITY lol0 "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>"
)


def _with_doctype(xml: bytes, doctype: bytes, reference: bytes) -> bytes:
    """``xml`` with ``doctype`` after its declaration and ``reference`` in its first
    text (or just after its root's start tag)."""
    root = re.search(
        rb"<([\w:]+)[\s>]", xml[xml.index(b"?>") + 2 :] if xml.startswith(b"<?xml") else xml
    )
    assert root
    name = root.group(1)
    declaration_end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    xml = xml[:declaration_end] + (doctype % name) + xml[declaration_end:]
    text = re.search(rb"<w:t(?: [^>]*)?>", xml)
    if text:
        return xml[: text.end()] + reference + xml[text.end() :]
    start = re.search(rb"<%s[^>]*>" % re.escape(name), xml)
    assert start
    return xml[: start.end()] + reference + xml[start.end() :]


def docx_entities(part: str, doctype: bytes, reference: bytes) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        _write_docx(path, {part: _with_doctype(_docx_parts()[part], doctype, reference)})

    return build


def html_entities(doctype: bytes, reference: bytes, encoding: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        page = _rendered("html").replace(b"<!DOCTYPE html>", doctype % b"html", 1)
        page = page.replace(
            b'<th scope="row">\xe8\xa7\x84\xe7\xab\xa0',
            b'<th scope="row">' + reference + "规章".encode(),
            1,
        )
        text = page.decode("utf-8")
        path.write_bytes(text.encode("utf-16") if encoding == "utf-16" else page)

    return build


def deep_html(path: Path) -> None:
    page = _rendered("html")
    at = page.index(b"<body>") + len(b"<body>")
    path.write_bytes(page[:at] + b"<div>" * 100_000 + page[at:])


def deep_docx(path: Path) -> None:
    head, tail = _body_split()
    depth = 100_000
    nested = b"<w:sdt><w:sdtContent>" * depth + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * depth
    # Stored, not deflated: packed, the nesting is a zip bomb to the reader, refused as one.
    _write_docx(path, {"word/document.xml": head + nested + tail}, compression=zipfile.ZIP_STORED)


def deep_json(path: Path) -> None:
    text = _rendered("json")
    path.write_bytes(
        text.replace(b'"organs": []', b'"organs": ' + b"[" * 100_000 + b"]" * 100_000, 1)
    )


# -- PDF ----------------------------------------------------------------------------------


def _lines() -> list[str]:
    return _rendered("text").decode("utf-8").split("\n")


def _pdf(path: Path, body: Callable[[PdfWriter], None]) -> None:
    with open(path, "wb") as handle:
        writer = PdfWriter(handle)
        writer.obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        write_fonts(writer, "".join(_lines()))
        body(writer)
        writer.finish()


def pdf_cycle(path: Path) -> None:
    """The page tree's root has a kid whose kid is the root."""

    def body(writer: PdfWriter) -> None:
        writer.obj(2, b"<< /Type /Pages /Kids [6 0 R 8 0 R] /Count 2 >>")
        writer.obj(6, b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
        writer.obj(8, page_object(2, 9))
        writer.stream(9, content_stream(_lines()[:40]))

    _pdf(path, body)


def pdf_flate_bomb(path: Path, size: int = 1024 * MB) -> None:
    """The seed's text on page 1; page 2's content a gigabyte of spaces, some 1 MB packed."""
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(chunk) for chunk in _repeat(b" " * MB, size)) + packer.flush()

    def body(writer: PdfWriter) -> None:
        writer.obj(2, b"<< /Type /Pages /Kids [6 0 R 8 0 R] /Count 2 >>")
        writer.obj(6, page_object(2, 7))
        writer.stream(7, content_stream(_lines()[:50]))
        writer.obj(8, page_object(2, 9))
        writer.stream(9, packed, b"/Filter /FlateDecode ")

    _pdf(path, body)


def pdf_many_pages(path: Path, pages: int = 100_000) -> None:
    """100,000 pages drawing one shared content stream."""

    def body(writer: PdfWriter) -> None:
        kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(pages))
        writer.obj(2, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
        writer.stream(6, content_stream(_lines()[:3]))
        for i in range(pages):
            writer.obj(10 + i, page_object(2, 6))

    _pdf(path, body)


def pdf_heavy_pages(path: Path, pages: int = 200, per_page: int = 5 * MB) -> None:
    """200 pages, each drawing 5 MB of text operators (flate-packed)."""
    lines = content_stream(_lines()[:50])
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(c) for c in _repeat(lines, per_page)) + packer.flush()

    def body(writer: PdfWriter) -> None:
        kids = b" ".join(b"%d 0 R" % (10 + 2 * i) for i in range(pages))
        writer.obj(2, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
        for i in range(pages):
            writer.obj(10 + 2 * i, page_object(2, 11 + 2 * i))
            writer.stream(11 + 2 * i, packed, b"/Filter /FlateDecode ")

    _pdf(path, body)


# -- huge documents -----------------------------------------------------------------------


def docx_paragraphs(size: int) -> Callable[[Path], None]:
    """document.xml of ``size`` bytes of plain paragraphs (the seed's lines, numbered)."""

    def build(path: Path) -> None:
        head, tail = _body_split()
        lines = [line for line in _lines() if line.strip()]

        def chunks() -> Iterator[bytes]:
            yield head
            written, i = 0, 0
            while written < size:
                batch = b"".join(
                    b"<w:p><w:r><w:t>%d %s</w:t></w:r></w:p>"
                    % (i + j, lines[(i + j) % len(lines)].encode())
                    for j in range(1000)
                )
                i += 1000
                written += len(batch)
                yield batch
            yield tail

        _write_docx(path, {"word/document.xml": chunks})

    return build


def docx_table(path: Path, rows: int = 40_000, columns: int = 17) -> None:
    head, tail = _body_split()
    cell = b"<w:tc><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc>"

    def chunks() -> Iterator[bytes]:
        yield head + b"<w:tbl>"
        for row in range(0, rows, 100):
            yield b"".join(
                b"<w:tr><w:tc><w:p><w:r><w:t>\xe8\xa7\x84\xe7\xab\xa0</w:t></w:r></w:p></w:tc>"
                + b"".join(cell % (r + c) for c in range(columns - 1))
                + b"</w:tr>"
                for r in range(row, row + 100)
            )
        yield b"</w:tbl>" + tail

    _write_docx(path, {"word/document.xml": chunks})


def big_text(path: Path, size: int = 200 * MB) -> None:
    with open(path, "wb") as handle:
        for chunk in _repeat(_rendered("text") * 50, size):
            handle.write(chunk)


def _in_table(text: bytes, insert: bytes) -> bytes:
    """``text`` (the seed's text rendering) with ``insert`` after its 规章 row."""
    at = text.index("规章".encode())
    at = text.index(b"\n", at) + 1
    return text[:at] + insert + text[at:]


def text_table(path: Path, chars: int = 7_800_000) -> None:
    row = "规章 | 1 | 2 | 3 |\n"
    path.write_bytes(_in_table(_rendered("text"), (row * (chars // len(row))).encode()))


def _first_figure(data: bytes, after: bytes) -> re.Match[bytes]:
    found = re.compile(rb"(?<=[\s>|])\d+(?=[\s<|])").search(data, data.index(after))
    assert found
    return found


def huge_figure(fmt: str, digits: int = 4301) -> Callable[[Path], None]:
    """The seed in ``fmt`` with its first figure in table 二 made ``digits`` long."""

    def build(path: Path) -> None:
        if fmt == "docx":
            xml = _document()
            at = _first_figure(xml, "规章".encode())
            _write_docx(
                path, {"word/document.xml": xml[: at.start()] + b"9" * digits + xml[at.end() :]}
            )
            return
        data = _rendered(fmt)
        at = _first_figure(data, "规章".encode())
        path.write_bytes(data[: at.start()] + b"9" * digits + data[at.end() :])

    return build


def long_label_cell(path: Path) -> None:
    page = _rendered("html")
    row = b"<tr><td>" + "规章".encode() + b"1" * 20000 + b"</td><td>1</td><td>1</td><td>1</td></tr>"
    at = page.index(b"</tr>", page.index("规章".encode())) + len(b"</tr>")
    path.write_bytes(page[:at] + row + page[at:])


def many_figures(path: Path) -> None:
    path.write_bytes(
        _in_table(_rendered("text"), "规章 ".encode() + b" ".join([b"1"] * 100_000) + b"\n")
    )


def _twelve() -> gd.AnnualReport:
    report = _report()
    base = report.overview.subsections[0]
    import attrs

    subsections = tuple(attrs.evolve(base, title=f"第{i + 1}项工作情况。") for i in range(12))
    return attrs.evolve(report, overview=attrs.evolve(report.overview, subsections=subsections))


def twelve_json(path: Path) -> None:
    path.write_text(gd.dumps(_twelve()), "utf-8")


def twelve_text(path: Path) -> None:
    try:
        text = gd.render(_twelve(), "text")
    except Exception as err:  # recorded: the text rendering itself fails
        path.write_text(f"BUILD FAILED: {type(err).__name__}: {err}", "utf-8")
        raise
    assert isinstance(text, str)
    path.write_text(text, "utf-8")


def docx_sym(code: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        xml = _document()
        at = xml.index(b"</w:r>") + len(b"</w:r>")
        sym = b'<w:r><w:sym w:font="Wingdings" w:char="%s"/></w:r>' % code.encode()
        _write_docx(path, {"word/document.xml": xml[:at] + sym + xml[at:]})

    return build


def fifo(path: Path) -> None:
    os.mkfifo(path)


# -- the set ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """One file of the set: its name (and file name), the format it is read as (None:
    sniffed, or told by the extension), how it is passed, how to build it, and whether it
    is small and quick enough to build for the test suite."""

    name: str
    filename: str
    fmt: str | None
    build: Callable[[Path], None] | None
    small: bool = True
    as_bytes: bool = False


def _entity_set() -> list[Hostile]:
    out = []
    for part in (
        "word/document.xml",
        "word/styles.xml",
        "[Content_Types].xml",
        "docProps/core.xml",
    ):
        short = part.split("/")[-1].split(".")[0].strip("[]").lower()
        out.append(
            Hostile(
                f"docx-xxe-{short}", f"xxe-{short}.docx", "docx", docx_entities(part, XXE, b"&xxe;")
            )
        )
        out.append(
            Hostile(
                f"docx-laughs-{short}",
                f"laughs-{short}.docx",
                "docx",
                docx_entities(part, LAUGHS, b"&lol9;"),
            )
        )
    for encoding in ("utf-8", "utf-16"):
        out.append(
            Hostile(
                f"html-xxe-{encoding}",
                f"xxe-{encoding}.html",
                "html",
                html_entities(XXE, b"&xxe;", encoding),
            )
        )
        out.append(
            Hostile(
                f"html-laughs-{encoding}",
                f"laughs-{encoding}.html",
                "html",
                html_entities(LAUGHS, b"&lol9;", encoding),
            )
        )
    return out


HOSTILE: tuple[Hostile, ...] = (
    Hostile("zip-bomb-honest", "bomb-honest.docx", "docx", zip_bomb),
    Hostile("zip-bomb-lying", "bomb-lying.docx", "docx", functools.partial(zip_bomb, lying=True)),
    Hostile("zip-100000-entries", "entries.docx", "docx", many_entries, small=False),
    *_entity_set(),
    Hostile("html-deep-100000", "deep.html", "html", deep_html),
    Hostile("docx-deep-100000", "deep.docx", "docx", deep_docx),
    Hostile("json-deep-100000", "deep.json", "json", deep_json),
    Hostile("pdf-page-tree-cycle", "cycle.pdf", "pdf", pdf_cycle),
    Hostile("pdf-flate-bomb", "flate-bomb.pdf", "pdf", pdf_flate_bomb),
    Hostile("pdf-100000-pages", "pages.pdf", "pdf", pdf_many_pages, small=False),
    Hostile("pdf-200-pages-5mb-each", "heavy.pdf", "pdf", pdf_heavy_pages, small=False),
    Hostile(
        "docx-paragraphs-60mb", "paragraphs-60.docx", "docx", docx_paragraphs(60 * MB), small=False
    ),
    Hostile(
        "docx-paragraphs-45mb", "paragraphs-45.docx", "docx", docx_paragraphs(45 * MB), small=False
    ),
    Hostile("docx-table-40000-rows", "table.docx", "docx", docx_table, small=False),
    Hostile("text-200mb-bytes", "big.txt", "text", big_text, small=False, as_bytes=True),
    Hostile("text-table-7.8m-chars", "table.txt", "text", text_table, small=False),
    *(
        Hostile(f"figure-4301-digits-{f}", f"figure.{e}", f, huge_figure(f))
        for f, e in (("text", "txt"), ("markdown", "md"), ("html", "html"), ("docx", "docx"))
    ),
    Hostile("html-td-20000-digit-label", "label.html", "html", long_label_cell),
    Hostile("text-100000-figures-one-line", "figures.txt", "text", many_figures),
    Hostile("twelve-subsections-json", "twelve.json", "json", twelve_json),
    Hostile("twelve-subsections-own-text", "twelve.txt", "text", twelve_text),
    Hostile("docx-sym-surrogate-d800", "sym-d800.docx", "docx", docx_sym("D800")),
    Hostile("docx-sym-control-0001", "sym-0001.docx", "docx", docx_sym("0001")),
    Hostile("dev-zero", "/dev/zero", None, None),
    Hostile("fifo", "fifo", None, fifo),
)


@dataclass
class Row:
    """What reading one hostile file came to."""

    name: str
    size: int
    outcome: str
    seconds: float
    peak_mb: float
    met: bool
    detail: str = ""


def build(spec: Hostile, directory: Path) -> Path:
    """Build ``spec``'s file in ``directory`` (a path as it is for /dev/zero)."""
    if spec.build is None:
        return Path(spec.filename)
    path = directory / spec.filename
    if not path.exists():
        spec.build(path)
    return path


def measure(
    spec: Hostile, path: Path, kill_after: float = 20.0, worker: Worker | None = None
) -> Row:
    """Read ``path`` as ``spec`` says, in ``worker`` or a fresh one; the outcome against
    the targets. (A worker's peak is reset before each read, so one worker can measure
    many files.)"""
    size = path.stat().st_size if path.is_file() else 0
    own = worker is None
    used = worker or Worker(warm=False)
    try:
        limits = Limits(seconds=kill_after, memory_mb=TARGET_MB, render_seconds=60)
        outcome = run_job(used, ("file", spec.fmt, str(path), spec.as_bytes), limits)
    finally:
        if own:
            used.close()
    if outcome.hang:
        result = f"HANG (killed after {kill_after:g} s)"
    elif outcome.crashed:
        result = f"CRASH: {outcome.error}"
    elif outcome.accepted:
        result = "read"
    elif outcome.ours:
        result = outcome.error
    else:
        result = f"FOREIGN {outcome.error}"
    detail = outcome.message if not outcome.accepted else ""
    if outcome.where and (not outcome.ours or outcome.hang or outcome.seconds > 1):
        detail = f"{outcome.where}: {detail}"
    if outcome.render_failures:
        detail += " render failures: " + "; ".join(
            f"{fmt}/{locale} {error} at {where}"
            for fmt, locale, error, where in outcome.render_failures
        )
    if outcome.leak:
        detail += " LEAK: /etc/passwd in the report"
    met = (
        outcome.ours
        and not outcome.hang
        and not outcome.crashed
        and not outcome.leak
        and not outcome.render_failures
        and outcome.seconds <= TARGET_SECONDS
        and outcome.peak_mb <= TARGET_MB
    )
    return Row(spec.name, size, result, outcome.seconds, outcome.peak_mb, met, detail.strip())


def run_set(
    names: list[str] | None = None,
    *,
    small: bool = False,
    kill_after: float = 20.0,
    directory: Path | None = None,
) -> list[Row]:
    """Build and read the set (or the files named, or the small ones), in a temp dir."""
    specs = [s for s in HOSTILE if (names is None or s.name in names) and (s.small or not small)]
    rows = []
    with tempfile.TemporaryDirectory(prefix="hostile-") as temp:
        where = directory or Path(temp)
        for spec in specs:
            try:
                path = build(spec, where)
            except Exception as err:
                rows.append(
                    Row(
                        spec.name,
                        0,
                        f"BUILD FAILED: {type(err).__name__}",
                        0,
                        0,
                        False,
                        str(err)[:200],
                    )
                )
                continue
            rows.append(measure(spec, path, kill_after))
            if path.is_file() and path.stat().st_size > 20 * MB and directory is None:
                path.unlink()  # keep the temp dir small
    return rows


def table(rows: list[Row]) -> str:
    head = ["file", "size", "outcome", "time s", "peak MB", "met"]
    lines = [head] + [
        [
            r.name,
            f"{r.size / MB:.1f} MB" if r.size >= MB else f"{r.size / 1024:.0f} KB",
            r.outcome,
            f"{r.seconds:.2f}",
            f"{r.peak_mb:.1f}",
            "yes" if r.met else "NO",
        ]
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
    out = [" | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    out.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--small", action="store_true", help="only the small files")
    parser.add_argument("--only", default=None, help="comma-separated names")
    parser.add_argument("--kill-after", type=float, default=20.0)
    parser.add_argument("--json", type=Path, default=None, help="write the rows here")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else None
    rows = run_set(names, small=args.small, kill_after=args.kill_after)
    print(table(rows))
    for row in rows:
        if row.detail:
            print(f"  {row.name}: {row.detail[:300]}")
    worst_time = max((r.seconds for r in rows), default=0.0)
    worst_mb = max((r.peak_mb for r in rows), default=0.0)
    print(
        f"worst time {worst_time:.2f} s (target <= {TARGET_SECONDS:g} s), "
        f"worst peak {worst_mb:.1f} MB (target <= {TARGET_MB:g} MB)"
    )
    if args.json:
        args.json.write_text(
            json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
    return 0 if all(r.met for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
