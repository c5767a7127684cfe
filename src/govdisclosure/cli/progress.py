"""A progress bar on standard error while a batch runs, when standard error is a terminal
and tqdm is installed (the ``progress`` extra); nothing otherwise: a log or a pipe gets
no bar to garble it."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["progress"]

T = TypeVar("T")


def progress(items: Iterable[T], *, total: int, what: str) -> Iterator[T]:
    """``items``, shown as a bar of ``total`` steps labelled ``what`` when it helps."""
    if total < 2 or not sys.stderr.isatty():
        yield from items
        return
    try:
        from tqdm import tqdm
    except ImportError:
        yield from items
        return

    class Bar(tqdm):  # type: ignore[misc]
        # No monitor thread: with one, a pool the batch starts under the bar could not
        # fork its workers (see govdisclosure.batch.pools) and would start a fork server,
        # a new interpreter; the bar is redrawn as the items come all the same.
        monitor_interval = 0

    # leave=False: the bar goes when the batch ends, the summary stays.
    yield from Bar(items, total=total, desc=what, unit=" files", leave=False, file=sys.stderr)
