"""The DOCX package around the body: built once per look and reused, zipped entries copied
byte for byte as zipfile writes them, and a render that imports nothing it need not."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.renderers.docx import GB_T_9704, _skeleton
from govdisclosure.renderers.docx._zip import packed, zip_packed
from govdisclosure.stablezip import zip_bytes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhongning-minzheng-2020.json"


def reference_docx(width_inches: float) -> bytes:
    import docx
    from docx.shared import Inches

    document = docx.Document()
    document.sections[0].page_width = Inches(width_inches)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_packed_entries_are_the_bytes_zipfile_writes() -> None:
    entries = [("a.xml", b"<a/>" * 500), ("b/c.xml", "中文".encode() * 99), ("d", b"")]
    for chosen in range(1 << len(entries)):
        mixed = [packed(*e) if chosen >> i & 1 else e for i, e in enumerate(entries)]
        assert zip_packed(mixed) == zip_bytes(entries), chosen
    with zipfile.ZipFile(io.BytesIO(zip_packed([packed(*e) for e in entries]))) as archive:
        assert archive.testzip() is None
        assert [archive.read(name) for name, _ in entries] == [data for _, data in entries]


def test_the_package_is_built_once_per_look(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(_skeleton, "_CACHE", {})
    builds: list[tuple[object, ...]] = []
    build = _skeleton._build

    def counted(*args: object) -> _skeleton.Skeleton:
        builds.append(args)
        return build(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(_skeleton, "_build", counted)
    seed = gd.load(SEED)
    other = attrs.evolve(seed, organ="示例县民政局")
    first = gd.render(seed, "docx")
    assert gd.render(other, "docx") != first
    assert gd.render(seed, "docx") == first
    assert len(builds) == 1
    gd.render(seed, "docx", locale="en")  # the styles' East Asian hint differs
    larger = dataclasses.replace(GB_T_9704, line_spacing=30.0)
    assert gd.render(seed, "docx", preset=larger) != first
    assert len(builds) == 3
    # A reference document is known by its content, however it is given.
    letter = reference_docx(8.5)
    path = tmp_path / "reference.docx"
    path.write_bytes(letter)
    by_bytes = gd.render(seed, "docx", reference=letter)
    assert gd.render(seed, "docx", reference=path) == by_bytes
    assert gd.render(seed, "docx", reference=bytearray(letter)) == by_bytes
    assert len(builds) == 4
    # The file changed: read again, a package of its own.
    path.write_bytes(reference_docx(7.0))
    assert gd.render(seed, "docx", reference=path) != by_bytes
    assert len(builds) == 5


def test_the_cache_of_packages_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_skeleton, "_CACHE", {})
    seed = gd.load(SEED)
    for step in range(_skeleton._CACHED + 3):
        preset = dataclasses.replace(GB_T_9704, line_spacing=20.0 + step)
        gd.render(seed, "docx", preset=preset)
    assert len(_skeleton._CACHE) == _skeleton._CACHED


def test_a_reference_writing_wordprocessingml_under_another_prefix_is_refused() -> None:
    """The body is written as text with the ``w`` prefix, which every word processor
    declares on the root; a document that does not is refused, saying why."""
    with zipfile.ZipFile(io.BytesIO(reference_docx(8.5))) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = (
        parts["word/document.xml"].replace(b"w:", b"x:").replace(b":w=", b":x=")
    )
    with pytest.raises(TypeError, match="prefix 'w'"):
        gd.render(gd.load(SEED), "docx", reference=zip_bytes(parts.items()))
