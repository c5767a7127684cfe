"""Untrusted input: whatever bytes arrive, reading ends in a report or in a ReadError from
the library's hierarchy — never a foreign exception, never a hang.

Inputs: random bytes, and every fixture of every readable format (our own renderings of
the bundled examples, the fixtures of real-looking documents) truncated at a random
point or mutated (bytes flipped, a run deleted, a run duplicated). Each is read with its
format named and with the format sniffed. A deadline per example stands for "no hang".
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import govdisclosure as gd

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
#: What reading may raise: a document that is no report, or an optional dependency missing.
EXPECTED = (gd.ReadError, gd.FormatNotAvailable)


@functools.cache
def documents() -> tuple[tuple[str, bytes], ...]:
    """(format, bytes) of every document the readers are tested on."""
    out: list[tuple[str, bytes]] = []
    for example in EXAMPLES:
        report = gd.load(example)
        for fmt in gd.available_formats("read"):
            if fmt in gd.available_formats("render"):
                rendered = gd.render(report, fmt)
                out.append((fmt, rendered if isinstance(rendered, bytes) else rendered.encode()))
    by_suffix = {".txt": "text", ".md": "markdown", ".html": "html", ".docx": "docx", ".pdf": "pdf"}
    for path in sorted(FIXTURES.glob("*/*")):
        if path.parent.name == "fuzz":
            continue  # what the fuzz campaign found: test_fuzz_findings reads those
        kind = by_suffix.get(path.suffix)
        if kind is not None and kind in gd.available_formats("read"):
            out.append((kind, path.read_bytes()))
    seed = ROOT / "examples" / "sources" / "zhongning-minzheng-2020.txt"
    out.append(("text", seed.read_bytes()))
    return tuple(out)


def _read(data: bytes, fmt: str | None) -> None:
    try:
        result = gd.read(data, fmt)
    except EXPECTED:
        return
    assert isinstance(result.report, gd.AnnualReport)


@st.composite
def _mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    fmt, data = draw(st.sampled_from(documents()))
    how = draw(st.sampled_from(["truncate", "flip", "delete", "duplicate"]))
    at = draw(st.integers(0, max(0, len(data) - 1)))
    if how == "truncate":
        return fmt, data[:at]
    if how == "flip":
        flips = draw(st.lists(st.integers(0, max(0, len(data) - 1)), min_size=1, max_size=8))
        mutable = bytearray(data)
        for i in flips:
            if mutable:
                mutable[i] ^= draw(st.integers(1, 255))
        return fmt, bytes(mutable)
    length = draw(st.integers(1, 64))
    if how == "delete":
        return fmt, data[:at] + data[at + length :]
    return fmt, data[:at] + data[at : at + length] * draw(st.integers(2, 50)) + data[at:]


_FUZZ = settings(
    max_examples=150,
    deadline=5000,  # ms: a read that takes longer than this is a hang
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@_FUZZ
@given(st.binary(max_size=4096), st.sampled_from([None, *gd.available_formats("read")]))
def test_random_bytes(data: bytes, fmt: str | None) -> None:
    _read(data, fmt)


@_FUZZ
@given(_mutated(), st.booleans())
def test_truncated_and_mutated_documents(case: tuple[str, bytes], named: bool) -> None:
    fmt, data = case
    _read(data, fmt if named else None)


@pytest.mark.parametrize(
    ("fmt", "data"), documents(), ids=lambda x: x if isinstance(x, str) else "-"
)
def test_every_fixture_reads(fmt: str, data: bytes) -> None:
    """The unmutated documents read (with partial=True where a fixture lacks rows)."""
    result = gd.read(data, fmt, partial=True) if fmt != "json" else gd.read(data, fmt)
    assert result.report.organ


def test_text_of_random_characters() -> None:
    odd = ["", " ", "\x00" * 10, "一、总体情况\n二、", "|" * 1000, "二、主动公开政府信息情况\n" * 3]
    for text in odd:
        _read(text.encode(), "text")
        _read(text.encode(), None)
