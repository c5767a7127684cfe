"""Seeded mutators for every readable format. Every input is reproducible from its
``(format, seed, index)``: :func:`generate` seeds ``random.Random`` with those three and
nothing else (``random.Random`` seeded with a ``str`` is the same on every run and every
machine, whatever ``PYTHONHASHSEED`` is).

What is mutated, per format:

* every format: the raw bytes (bits flipped, truncated, a run deleted, duplicated or
  spliced from another seed, random bytes, NULs, byte-order marks, invalid UTF-8, GB
  2312 bytes, lone surrogates in UTF-8);
* text, markdown, HTML, JSON and the XML parts of a DOCX: the text (table rows such as
  ``规章 | 3 | 0 |``, section headings, a figure replaced by a huge one — 4,301 digits —
  a negative one or a float, a label of 20,000 digits, a line of many figures, lines
  deleted, duplicated or swapped, control characters, deep nesting);
* HTML: table fragments (``<tr><td>…</td></tr>``, huge ``rowspan``/``colspan``),
  entities of no character, charset declarations, 100,000 nested ``<div>``;
* JSON: a value anywhere in the tree replaced by a huge number, ``NaN``, a wrong type, a
  deep array; keys dropped or repeated;
* DOCX: the XML inside the zip (``word/document.xml`` mostly, the other parts too) with
  table XML, ``w:gridSpan``/``w:vMerge``, ``w:sym`` with surrogate or control codes,
  deep ``w:sdt`` nesting, then zipped again; parts deleted; and the raw bytes;
* PDF: the objects (page tree: ``/Count``, ``/Kids`` cycles, ``/Parent``; ``/Length``,
  filters, the cross-reference table, the ToUnicode map) and the uncompressed text
  operators of the drawn seeds (``Tj`` strings replaced by fragments, coordinates, font
  sizes, ``q`` nesting), and the raw bytes.

>>> generate("text", 1, 7) == generate("text", 1, 7)
True
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from collections.abc import Callable

import govdisclosure as gd
from fuzz.corpus import corpus

__all__ = ["generate", "mutate"]

HUGE = "9" * 4301
NUMBERS = (
    HUGE,
    "1" * 25,
    "-1",
    "-0",
    "-99999999",
    "1e999",
    "3.14159",
    "0x1F",
    "\uff11\uff12\uff13"  # fullwidth digits,
    "1,000,000,000,000",
    "NaN",
    "∞",
    "—",
    "/",
    "1/2",
    "2147483648",
    "18446744073709551616",
    "0.0000000000000000000001",
)
ROW_LABELS = (
    "规章",
    "规范性文件",
    "本年新收政府信息公开申请数量",
    "（七）总计",
    "予以公开",
    "其他",
)
HEADINGS = (
    *(
        f"{numeral}、{section.zh}"
        for numeral, section in zip("一二三四五六", gd.Section, strict=True)
    ),
    "（一）主动公开情况",
    "第二十条第（一）项",
)
SPECIAL_BYTES = (
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\x80\x80\x80",
    "规章 3 0".encode("gbk"),
    "总体情况".encode("gb18030"),
    b"\r",
    b"\f",
    b"\x1b[31m",
    b"\x00" * 64,
)


def _text_fragment(rng: random.Random, fmt: str) -> str:  # noqa: PLR0911, PLR0912 (a branch per kind)
    """A fragment of a report's table or text, or something hostile to a reader of it."""
    label = rng.choice(ROW_LABELS)
    kind = rng.randrange(12)
    if kind == 0:
        cells = [
            rng.choice(("0", "3", "1", rng.choice(NUMBERS))) for _ in range(rng.randrange(1, 18))
        ]
        return f"{label} | " + " | ".join(cells) + " |"
    if kind == 1:
        return f"| {label} | 3 | 0 |\n|---|---|---|"
    if kind == 2:
        return "\t".join([label, *(rng.choice(NUMBERS[1:]) for _ in range(rng.randrange(1, 9)))])
    if kind == 3:
        return label + "1" * rng.choice((201, 4301, 20000))
    if kind == 4:
        return label + " " + " ".join(["1"] * rng.choice((17, 100, 1000, 100000)))
    if kind == 5:
        return rng.choice(HEADINGS)
    if kind == 6:
        return f"{label} {rng.choice(NUMBERS)} {rng.choice(NUMBERS)}"
    if kind == 7:
        return rng.choice(("\u2028", "\ufeff", "\u200b", "\x00", "\x0b", "\u3000" * 1000, "\u202e"))
    if kind == 8:
        depth = rng.choice((100, 1000, 100000))
        if fmt == "html":
            return "<div>" * depth
        if fmt == "json":
            return "[" * depth
        if fmt == "markdown":
            return "> " * depth + label
        return "（" * depth
    if kind == 9 and fmt in ("html", "markdown"):
        return rng.choice(
            (
                f"<tr><td>{label}</td><td>3</td><td>0</td></tr>",
                f'<td rowspan="{rng.choice(NUMBERS)}">1</td>',
                f'<td colspan="{rng.choice(("100000", "0", "-3", "2"))}">{label}</td>',
                "<table>" * rng.choice((2, 300)),
                "</table></tr></td>",
                "&#xD800;&#0;&#x110000;&#99999999999;",
                '<meta charset="gbk">',
                '<meta charset="utf-16">',
                '<meta charset="no-such">',
                "<script>document.write('规章')</script>",
                "<!--",
                "<![CDATA[ 规章 3 ]]>",
                f"<table><tr><td>{label}</td>" + "<td>1</td>" * 200 + "</tr></table>",
            )
        )
    if kind == 10:
        return "|" * rng.choice((3, 200, 20000))
    return rng.choice(NUMBERS)


# -- raw bytes ----------------------------------------------------------------------------


def _flip(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.randrange(1, 9)):
        at = rng.randrange(len(out))
        out[at] = out[at] ^ (1 << rng.randrange(8)) if rng.random() < 0.5 else rng.randrange(256)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _delete(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[at + rng.randrange(1, 2000) :]


def _duplicate(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    run = data[at : at + rng.randrange(1, 4000)]
    return data[:at] + run * rng.randrange(1, 4) + data[at:]


def _insert_bytes(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    if rng.random() < 0.3:
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    else:
        junk = rng.choice(SPECIAL_BYTES)
    if rng.random() < 0.2:
        at = 0
    return data[:at] + junk + data[at:]


def _splice(rng: random.Random, data: bytes, fmt: str) -> bytes:
    _, other = rng.choice(corpus()[fmt])
    return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]


def _raw(rng: random.Random, data: bytes, fmt: str) -> bytes:
    how = rng.randrange(6)
    if how == 5:
        return _splice(rng, data, fmt)
    return (_flip, _truncate, _delete, _duplicate, _insert_bytes)[how](rng, data)


# -- text ---------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def _text(rng: random.Random, text: str, fmt: str) -> str:
    """One mutation of a document's text (the text of a page, the XML of a part)."""
    how = rng.randrange(6)
    if how == 0:  # a figure replaced
        runs = list(_DIGITS.finditer(text))
        if runs:
            run = rng.choice(runs)
            return text[: run.start()] + rng.choice(NUMBERS) + text[run.end() :]
    lines = text.split("\n")
    if how == 1 and len(lines) > 1:  # lines deleted, duplicated or swapped
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        op = rng.randrange(3)
        if op == 0:
            del lines[i : i + rng.randrange(1, 20)]
        elif op == 1:
            lines[i:i] = lines[i : i + rng.randrange(1, 20)] * rng.randrange(1, 5)
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)
    if how == 2 and len(text) > 0:  # a fragment inside a line
        at = rng.randrange(len(text))
        return text[:at] + _text_fragment(rng, fmt) + text[at:]
    at = rng.randrange(len(lines) + 1)
    lines[at:at] = [_text_fragment(rng, fmt) for _ in range(rng.randrange(1, 4))]
    return "\n".join(lines)


def _as_text(mutation: Callable[[str], str], data: bytes) -> bytes:
    """``mutation`` applied to ``data`` decoded as UTF-8, keeping its undecodable bytes."""
    return mutation(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")


# -- JSON ---------------------------------------------------------------------------------

_JSON_VALUES = (
    HUGE,
    "-" + HUGE,
    "-1",
    "1e999",
    "-1e999",
    "NaN",
    "Infinity",
    "1.5",
    "true",
    "null",
    "[]",
    "{}",
    '""',
    '"规章"',
    '"' + "1" * 20000 + '"',
    "[" * 100000 + "]" * 100000,
    '{"a":' * 50000 + "1" + "}" * 50000,
    '"\\ud800"',
    '"\\u0000"',
    "2147483648",
    '{"kind": "own", "organs": [' + ",".join(['"x"'] * 5000) + "]}",
)


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*path, i))
    return out


def _json(rng: random.Random, data: bytes) -> bytes:
    try:
        tree = json.loads(data)
    except (ValueError, RecursionError):
        return _as_text(lambda t: _text(rng, t, "json"), data)
    paths = _paths(tree)[1:]
    if not paths:
        return data
    path = rng.choice(paths)
    parent: object = tree
    for key in path[:-1]:
        parent = parent[key]  # type: ignore[index]
    sentinel = "\x00FUZZ\x00"
    if isinstance(parent, dict) and rng.random() < 0.2:
        del parent[path[-1]]
    else:
        parent[path[-1]] = sentinel  # type: ignore[index]
    text = json.dumps(tree, ensure_ascii=False, indent=rng.choice((None, 2)))
    value = rng.choice(_JSON_VALUES)
    return text.replace(json.dumps(sentinel), value, 1).encode("utf-8", "surrogatepass")


# -- DOCX ---------------------------------------------------------------------------------

_DOCX_FRAGMENTS = (
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "<w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc></w:tr>",
    '<w:tcPr><w:gridSpan w:val="100000"/></w:tcPr>',
    '<w:tcPr><w:gridSpan w:val="-1"/></w:tcPr>',
    '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>',
    "<w:tcPr><w:vMerge/></w:tcPr>",
    '<w:r><w:sym w:font="Wingdings" w:char="D800"/></w:r>',
    '<w:r><w:sym w:font="Wingdings" w:char="0001"/></w:r>',
    '<w:r><w:sym w:font="Wingdings" w:char="ZZZZ"/></w:r>',
    '<w:r><w:sym w:char="F0FC"/></w:r>',
    "<w:r><w:t>" + "1" * 20000 + "</w:t></w:r>",
    "<w:r><w:t>" + HUGE + "</w:t></w:r>",
    '<w:r><w:br w:type="page"/><w:tab/><w:cr/></w:r>',
    '<w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="999999"/>'
    '<w:numId w:val="-5"/></w:numPr></w:pPr>',
    "<w:sdt><w:sdtContent>" * 1000 + "</w:sdtContent></w:sdt>" * 1000,
    "<w:tblGrid>" + '<w:gridCol w:w="1"/>' * 5000 + "</w:tblGrid>",
    "&undefined;",
    "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>",
    '<w:p><w:r><w:t xml:space="preserve">规章 | 3 | 0 |</w:t></w:r></w:p>',
)
_DOCX_POINTS = re.compile(r"</w:p>|</w:tc>|</w:tr>|<w:body>|</w:r>|<w:tc>")
#: What a workbook's sheet may hold that a reader of it must survive.
_XLSX_FRAGMENTS = (
    '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    '<row r="0"/>',
    '<row r="5"><c r="A5" t="s"><v>999999</v></c></row>',
    '<row r="6"><c r="ZZZZ6"><v>1</v></c></row>',
    '<row r="7"><c r="B7"><f>SUM(A1:A6)</f></c><c r="C7" t="e"><v>#DIV/0!</v></c></row>',
    '<row r="8"><c r="B8" t="inlineStr"><is><t>规章</t></is></c><c r="C8" s="9999">'
    '<v>1e400</v></c><c r="D8"><v>NaN</v></c><c r="E8" t="b"><v>1</v></c></row>',
    '<row r="9">' + "<c/>" * 5000 + "</row>",
    '<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B2:A1"/>'
    '<mergeCell ref="nonsense"/></mergeCells>',
    '<dimension ref="A1:XFD1048576"/>',
    "&undefined;",
)
_XLSX_POINTS = re.compile(r"</row>|<sheetData>|</sheetData>|</c>")
#: Each Office format's main part, its fragments and where they go.
_OFFICE = {
    "docx": ("word/document.xml", _DOCX_FRAGMENTS, _DOCX_POINTS),
    "xlsx": ("xl/worksheets/sheet2.xml", _XLSX_FRAGMENTS, _XLSX_POINTS),
}


def _office_xml(rng: random.Random, xml: str, fmt: str) -> str:
    if rng.random() < 0.5:
        _, fragments, where = _OFFICE[fmt]
        points = [m.end() for m in where.finditer(xml)] or [len(xml)]
        at = rng.choice(points)
        return xml[:at] + rng.choice(fragments) + xml[at:]
    return _text(rng, xml, fmt)


def _office(rng: random.Random, data: bytes, fmt: str) -> bytes:
    """A mutation of a part of an Office file (DOCX, XLSX), most often its main one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:  # a zip the raw mutations broke: mutate its bytes again
        return _raw(rng, data, fmt)
    names = list(parts)
    main = _OFFICE[fmt][0]
    if rng.random() < 0.08 and len(names) > 1:
        del parts[rng.choice(names)]
    else:
        xml = [n for n in names if n.endswith((".xml", ".rels"))] or names
        name = main if main in xml and rng.random() < 0.7 else rng.choice(xml)
        parts[name] = _as_text(lambda t: _office_xml(rng, t, fmt), parts[name])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


# -- PDF ----------------------------------------------------------------------------------

_TJ = re.compile(rb"<([0-9A-F]*+)> Tj")  # possessive: a long run never backtracks
_PDF_EDITS: tuple[tuple[bytes, tuple[bytes, ...]], ...] = (
    (rb"/Count \d+", (b"/Count 999999999", b"/Count -1", b"/Count 0", b"/Count 1e9")),
    (
        rb"/Kids \[",
        (b"/Kids [2 0 R ", b"/Kids [1 0 R ", b"/Kids [999 0 R ", b"/Kids [3 0 R ", b"/Kids [[[["),
    ),
    (rb"/Parent \d+ 0 R", (b"/Parent 6 0 R", b"/Parent 999 0 R", b"/Parent 1 0 R")),
    (rb"/Type /Pages", (b"/Type /Page", b"/Type /Catalog", b"")),
    (rb"/Type /Page\b", (b"/Type /Pages", b"/Type /XObject", b"")),
    (rb"/Length \d+", (b"/Length 0", b"/Length 999999999", b"/Length -5", b"/Length 3 0 R")),
    (
        rb"/Contents \d+ 0 R",
        (b"/Contents 3 0 R", b"/Contents [7 0 R 7 0 R 7 0 R]", b"/Contents 2 0 R"),
    ),
    (rb"stream\n", (b"stream\r\n", b"stream", b"stream\n\x78\x9c")),
    (rb"/Root \d+ 0 R", (b"/Root 2 0 R", b"/Root 999 0 R", b"/Root 1 0 R /Encrypt 3 0 R")),
    (rb"startxref\n\d+", (b"startxref\n0", b"startxref\n-1", b"startxref\n99999999")),
    (rb"<< /Length", (b"<< /Filter /FlateDecode /Length", b"<< /Filter /LZWDecode /Length")),
    (
        rb"<[0-9A-F]{4}> <[0-9A-F]{4}>\n",
        (b"<4E00> <D800>\n", b"<4E00> <0000>\n", b"<4E00> <" + b"4E00" * 5000 + b">\n"),
    ),
    (rb"/Tf", (b"/Tf 0 Tz", b"/Tf 0 0 0 0 0 0 Tm", b"/Tf " + b"q " * 10000)),
    (rb" Td", (b" 1e308 Td", b" -99999 99999 Td", b" 0 0 0 Td")),
    # Not from within a run of digits: a mutated figure of 30,000 digits made the search
    # quadratic (10 s to make one input).
    (rb"(?<!\d)\d++ 0 obj", (b"1 0 obj", b"2 0 obj", b"0 0 obj", b"99999999999 0 obj")),
)


def _pdf(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.35:
        return _raw(rng, data, "pdf")
    tjs = list(_TJ.finditer(data))
    if tjs and rng.random() < 0.5:
        run = rng.choice(tjs)
        line = run.group(1)
        text = "".join(chr(int(line[i : i + 4], 16)) for i in range(0, len(line) - 3, 4))
        text = _text(rng, text, "text").replace("\n", " ")
        hexed = "".join(f"{ord(c):04X}" if ord(c) < 0x10000 else "003F" for c in text)
        new = b"<" + hexed.encode() + b"> Tj"
        if rng.random() < 0.3:
            new = b"[<" + hexed.encode() + b"> -99999 <4E00>] TJ"
        return data[: run.start()] + new + data[run.end() :]
    pattern, replacements = rng.choice(_PDF_EDITS)
    found = list(re.finditer(pattern, data))
    if not found:
        return _raw(rng, data, "pdf")
    run = rng.choice(found)
    return data[: run.start()] + rng.choice(replacements) + data[run.end() :]


# -- the entry points ---------------------------------------------------------------------


def mutate(fmt: str, data: bytes, rng: random.Random) -> bytes:
    """One mutation of ``data``, a document in ``fmt``."""
    if fmt in ("docx", "xlsx", "pdf"):
        if rng.random() < 0.25:
            return _raw(rng, data, fmt)
        return _pdf(rng, data) if fmt == "pdf" else _office(rng, data, fmt)
    choice = rng.random()
    if choice < 0.3:
        return _raw(rng, data, fmt)
    if fmt == "json" and choice < 0.7:
        return _json(rng, data)
    return _as_text(lambda t: _text(rng, t, fmt), data)


def generate(fmt: str, seed: int, index: int) -> tuple[str, bytes]:
    """The ``index``-th input of the campaign ``seed`` for the ``fmt`` reader: a seed
    document mutated one to four times; with its description (the seed's name)."""
    rng = random.Random(f"{fmt}/{seed}/{index}")
    name, data = rng.choice(corpus()[fmt])
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
        data = mutate(fmt, data, rng)
    return name, data
