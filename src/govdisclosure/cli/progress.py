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
    # leave=False: the bar goes when the batch ends, the summary stays.
    yield from tqdm(items, total=total, desc=what, unit=" files", leave=False, file=sys.stderr)
