"""Rendering a batch: render_many yields one item per source, in order, the same bytes
as render() gives, on any executor; a bad source is its item's error, never the batch's."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.batch import render_many
from govdisclosure.errors import FormatNotAvailable, ReadError

SEED = gd.examples.load("zhongning-minzheng-2020")
INVENTED = gd.examples.load("shiyan-ziranziyuan-2022")


def batch(count: int) -> list[object]:
    """Reports of ``count`` organs, a path and a bad source among them."""
    reports: list[object] = [
        attrs.evolve(SEED if n % 2 else INVENTED, organ=f"示例县第{n}局") for n in range(count)
    ]
    reports[3] = b"not a report"
    reports[5] = gd.examples.path("sources/zhongning-minzheng-2020.txt")
    return reports


@pytest.mark.parametrize("fmt", ["docx", "text"])
def test_each_source_renders_as_render_does_in_input_order(fmt: str) -> None:
    sources = batch(8)
    items = list(render_many(sources, fmt, locale="en"))
    assert [item.index for item in items] == list(range(8))
    assert isinstance(items[3].error, ReadError)
    assert items[5].unwrap() == gd.render(gd.read(sources[5]).report, fmt, locale="en")  # type: ignore[arg-type]
    for item, source in zip(items, sources, strict=True):
        if isinstance(source, gd.AnnualReport):
            assert item.unwrap() == gd.render(source, fmt, locale="en")


def test_a_process_pool_gives_the_same_bytes() -> None:
    sources = batch(30)
    serial = [item.value for item in render_many(sources, "docx", jobs=1)]
    with ProcessPoolExecutor(2) as pool:
        pooled = [item.value for item in render_many(sources, "docx", executor=pool)]
    with ThreadPoolExecutor(2) as threads:
        threaded = [item.value for item in render_many(sources, "docx", executor=threads)]
    assert pooled == serial == threaded
    assert serial[3] is None


def test_an_unknown_format_is_refused_before_any_work() -> None:
    with pytest.raises(FormatNotAvailable):
        render_many([SEED], "odt")


def test_an_unknown_language_is_refused_before_any_work() -> None:
    with pytest.raises(gd.ReportValueError, match="unsupported locale 'fr'"):
        render_many([SEED], "text", locale="fr")
