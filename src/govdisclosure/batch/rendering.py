"""Render many reports: :func:`render_many`.

>>> import govdisclosure as gd
>>> sources = [gd.examples.load("zhongning-minzheng-2020"), b"not a report",
...            gd.examples.path("shiyan-ziranziyuan-2022.json")]
>>> for item in render_many(sources, "docx"):
...     print(item.index, item.value[:2] if item.ok else type(item.error).__name__)
0 b'PK'
1 ReadError
2 b'PK'
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from concurrent.futures import Executor
from typing import Any

from attrs import frozen

from govdisclosure.batch.items import BatchItem
from govdisclosure.batch.plan import run_batch
from govdisclosure.batch.work import Job, as_path
from govdisclosure.formats import get_format
from govdisclosure.i18n import normalize_locale
from govdisclosure.readers import ReadResult, read
from govdisclosure.renderers import render
from govdisclosure.report import AnnualReport

__all__ = ["RenderJob", "render_many"]


@frozen
class RenderJob(Job):
    """Render a source (a report, a reader's result, or a document read first) in
    ``fmt`` and ``locale`` with the renderer's ``options``."""

    fmt: str
    locale: str
    options: dict[str, Any]

    def __call__(self, name: str, source: Any) -> str | bytes:
        if isinstance(source, ReadResult):
            source = source.report
        if not isinstance(source, AnnualReport):
            source = read(as_path(source)).report
        return render(source, self.fmt, locale=self.locale, **self.options)


def render_many(
    sources: Iterable[Any],
    fmt: str,
    *,
    locale: str = "zh_CN",
    executor: Executor | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    **render_options: Any,
) -> Generator[BatchItem[str | bytes], None, None]:
    """Render each of ``sources`` with :func:`~govdisclosure.render` in ``fmt`` and
    ``locale``: one :class:`~govdisclosure.batch.BatchItem` per source, in input order,
    holding the rendered text (or bytes, for DOCX and XLSX) or the library error that
    stopped it, so that one bad source never stops the batch.

    A source is an :class:`~govdisclosure.AnnualReport`, a
    :class:`~govdisclosure.ReadResult`, or a document read first with
    :func:`~govdisclosure.read` (a path — a ``str`` is a path here — or its bytes). The
    format is checked now (an unknown one is an error before any work); the items stream,
    and ``executor`` and ``jobs`` say where the work runs, as for
    :func:`~govdisclosure.batch.read_many` (rendering is worth a pool even for reports
    already in memory), and ``timeout`` stops a source that takes longer."""
    get_format(fmt)  # an unknown or uninstalled format: refused before any work
    job = RenderJob(fmt, normalize_locale(locale), render_options)  # a bad locale: too
    return run_batch(job, sources, executor=executor, jobs=jobs, timeout=timeout)
