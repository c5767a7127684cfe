"""Hostile documents: built to exhaust the stack, the time or the memory of a reader.

Each one ends in a :class:`~govdisclosure.ReadError` saying which limit it met (or is read
correctly), and soon: every read is timed, and the big ones' peak memory is measured in a
subprocess of its own. The documents are built here, small, in memory: a 100,000-page PDF
is a page tree whose kids share one page; a limit that a real file would take long to
reach is made small for the test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import govdisclosure as gd
from govdisclosure.readers.blocks import TableBlock
from govdisclosure.readers.html import html_blocks

#: What one read of a hostile document may take, in seconds.
SECONDS = 2.0


@contextmanager
def quick() -> Iterator[None]:
    """Fail when the block takes longer than :data:`SECONDS`."""
    start = time.perf_counter()
    yield
    elapsed = time.perf_counter() - start
    assert elapsed < SECONDS, f"took {elapsed:.2f} s"


def refused(data: bytes | str, fmt: str, match: str) -> gd.ReadError:
    """The error reading ``data`` ends in, soon; its message matches ``match``."""
    with quick(), pytest.raises(gd.ReadError, match=match) as caught:
        gd.read(data, fmt)
    return caught.value


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
