"""The example reports shipped with the package, usable from any directory.

The documentation's snippets use them, so that they run wherever they are pasted, not
only in a checkout of the project. They are package data, found through
:mod:`importlib.resources`:

- ``zhongning-minzheng-2020.json`` — the seed: a real report (2019 edition), and its text
  as published, ``sources/zhongning-minzheng-2020.txt``;
- ``shiyan-ziranziyuan-2022.json`` — an invented report (2021 edition) with every part
  filled;
- ``broken/zhongning-minzheng-2020-broken.json`` — the seed with mistakes to find;
- ``county/`` — three invented departments and their county's summary (汇总);
- ``documents/`` — published forms to read: a Word file, a web page, a PDF and the text a
  PDF converter printed.

>>> import govdisclosure as gd
>>> gd.examples.load("zhongning-minzheng-2020").organ
'中宁县民政局'
>>> gd.read(gd.examples.path("documents/county-site-2021.html")).report.year
2021
>>> [name for name in gd.examples.names() if name.startswith("county/")]
['county/jiaoyu-2020.json', 'county/minzheng-2020.json', 'county/summary-2020.json', \
'county/weijian-2020.json']
>>> gd.examples.path("zhongning-2020.json")
Traceback (most recent call last):
...
govdisclosure.errors.OptionError: no example named 'zhongning-2020.json'; did you mean \
'zhongning-minzheng-2020.json'? (gd.examples.names() lists them)
"""

from __future__ import annotations

import atexit
import difflib
import functools
import shutil
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from govdisclosure.errors import OptionError

if TYPE_CHECKING:
    from govdisclosure.report import AnnualReport

__all__ = ["load", "names", "path", "root"]

#: What is not an example: this module and what Python makes of it.
_NOT_EXAMPLES = ("__init__.py", "__pycache__")


@functools.cache
def root() -> Path:
    """The folder that holds the examples. Installed as files (the usual case), it is the
    package's own folder; from a zip, a copy in a temporary folder, made once."""
    found = files(__name__)
    if isinstance(found, Path):
        return found
    copy = Path(tempfile.mkdtemp(prefix="govdisclosure-examples-"))
    atexit.register(shutil.rmtree, copy, ignore_errors=True)
    _copy(found, copy)
    return copy


def _copy(source: Traversable, target: Path) -> None:
    for entry in source.iterdir():
        if entry.is_dir():
            (target / entry.name).mkdir()
            _copy(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


@functools.cache
def names() -> tuple[str, ...]:
    """Every example, as a path relative to :func:`root` with ``/`` between folders, sorted."""
    base = root()
    return tuple(
        sorted(
            entry.relative_to(base).as_posix()
            for entry in base.rglob("*")
            if entry.is_file() and not set(entry.relative_to(base).parts) & set(_NOT_EXAMPLES)
        )
    )


def path(name: str) -> Path:
    """The file of the example ``name`` (``"zhongning-minzheng-2020.json"``,
    ``"documents/county-site-2021.html"``), or of a folder of them (``"county"``); an
    :class:`~govdisclosure.errors.OptionError` that suggests the closest names otherwise."""
    if not isinstance(name, str):
        raise OptionError(
            f"an example is named by a str (gd.examples.names() lists them), got {name!r}"
        )
    known = names()
    folders = {name.rsplit("/", 1)[0] for name in known if "/" in name}
    wanted = name.strip("/")
    if wanted not in known and wanted not in folders:
        close = difflib.get_close_matches(wanted, [*known, *sorted(folders)], n=3, cutoff=0.7)
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise OptionError(f"no example named {name!r}{hint} (gd.examples.names() lists them)")
    return root() / wanted


def load(name: str) -> AnnualReport:
    """The example report ``name`` (a JSON example, with or without ``.json``)."""
    from govdisclosure.jsonio import load as load_json

    if not isinstance(name, str):
        path(name)  # says what is wrong
    return load_json(path(name if name.endswith(".json") else f"{name}.json"))
