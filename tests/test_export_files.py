"""Streaming atomic writes (:func:`govdisclosure.files.write_atomic_with`) and stable zip
archives (:mod:`govdisclosure.stablezip`), which the exports write through."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import IO

import pytest

from govdisclosure import files
from govdisclosure.files import write_atomic_with
from govdisclosure.stablezip import STAMP, StableZipFile


def _rows(out: IO[bytes], count: int = 3) -> None:
    for number in range(count):
        out.write(f"row {number}\n".encode())


@pytest.mark.parametrize("way", ["unnamed", "named", "unnamed, not nameable"])
def test_a_streamed_write_puts_the_whole_file_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    if way == "named":
        monkeypatch.setattr(files, "_write_unnamed", lambda *_: False)
    elif way == "unnamed, not nameable":

        def refuse(*_: object) -> None:
            raise OSError("no links here")

        monkeypatch.setattr(files, "_name", refuse)
    target = tmp_path / "rows.csv"
    target.write_bytes(b"old")
    write_atomic_with(target, lambda out: _rows(out, 100_000))
    expected = b"".join(f"row {n}\n".encode() for n in range(100_000))
    assert target.read_bytes() == expected
    assert [p.name for p in tmp_path.iterdir()] == ["rows.csv"]


@pytest.mark.parametrize("way", ["unnamed", "named"])
def test_a_streamed_write_that_raises_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    if way == "named":
        monkeypatch.setattr(files, "_write_unnamed", lambda *_: False)
    target = tmp_path / "rows.csv"
    target.write_bytes(b"old")

    def halfway(out: IO[bytes]) -> None:
        _rows(out, 10)
        raise KeyError("the tenth report")

    with pytest.raises(KeyError):
        write_atomic_with(target, halfway)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["rows.csv"]


def test_a_streamed_write_that_fails_on_disk_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rows.csv"
    target.write_bytes(b"old")

    def full(*_: object) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError, match="disk full"):
        write_atomic_with(target, lambda out: _rows(out, 10))
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["rows.csv"]


def test_a_stable_zip_stamps_every_entry_the_same_way(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.xml"
    sheet.write_bytes(b"<sheet/>" * 1000)
    os.utime(sheet, (2_000_000_000, 2_000_000_000))  # a file's own time is not kept

    def archive() -> bytes:
        out = io.BytesIO()
        with StableZipFile(out) as zipped:
            zipped.writestr("[Content_Types].xml", b"<Types/>")
            zipped.writestr(zipfile.ZipInfo("docProps/core.xml", (2024, 5, 1, 12, 0, 0)), "<c/>")
            zipped.write(sheet, "xl/worksheets/sheet1.xml")
        return out.getvalue()

    data = archive()
    assert data == archive()
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        infos = zipped.infolist()
        assert [i.filename for i in infos] == [
            "[Content_Types].xml",
            "docProps/core.xml",
            "xl/worksheets/sheet1.xml",
        ]
        assert {i.date_time for i in infos} == {STAMP}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
        # zipfile gives every entry written without attributes the same: read and write.
        assert {i.external_attr for i in infos} == {0o600 << 16}
        assert {i.create_system for i in infos} == {0}
        assert zipped.read("xl/worksheets/sheet1.xml") == b"<sheet/>" * 1000
