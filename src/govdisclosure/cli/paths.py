"""What the command line reads and where it writes: directories expanded into the documents
they hold, and output names that never collide nor replace an input.

An input directory is walked (sorted, hidden entries skipped) for the files whose
extension a reader reads; its files' outputs keep their place below it, so ``a/x.txt``
and ``b/x.txt`` of two directories do not meet. Two inputs that would still write the
same file (``a/x.txt`` and ``b/x.txt`` named one by one) get ``x.json`` and ``x-2.json``,
and the command line says so.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath

from attrs import frozen

from govdisclosure.formats import available_formats, get_format

__all__ = ["Input", "Namer", "expand", "readable_extensions"]


@frozen
class Input:
    """A document to read: its path (as a string: a batch may have tens of thousands, and
    a :class:`~pathlib.Path` costs ten times the memory), and the folder named on the
    command line that it was found in, if any (one string for all its files), from
    which the name its outputs take is made when asked for."""

    name: str
    folder: str | None = None

    @property
    def path(self) -> Path:
        """The document's path."""
        return Path(self.name)

    @property
    def stem(self) -> PurePath:
        """The name its outputs take: its path below its folder, or its own name, without
        its extension."""
        if self.folder is None:
            return PurePath(self.path.stem)
        return self.path.relative_to(self.folder).with_suffix("")

    def __str__(self) -> str:
        return self.name


def readable_extensions() -> tuple[str, ...]:
    """The file extensions of every format that can be read."""
    return tuple(ext for name in available_formats("read") for ext in get_format(name).extensions)


def _walk(directory: str, extensions: tuple[str, ...]) -> Iterator[str]:
    """The readable files below ``directory``, sorted, hidden ones skipped."""
    for root, folders, files in os.walk(directory):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(extensions):
                yield str(Path(root, name))  # spelled as a Path spells it: "a/x", not "./a/x"


def expand(arguments: Iterable[str]) -> tuple[list[Input], list[str]]:
    """The documents ``arguments`` name (files as given, directories walked), and the
    arguments that name nothing (said by the caller)."""
    extensions = readable_extensions()
    found: list[Input] = []
    missing: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            folder = str(path)
            found += [Input(name, folder) for name in _walk(folder, extensions)]
        elif path.exists() or path.is_symlink():
            found.append(Input(str(path)))
        else:
            missing.append(argument)
    return found, missing


class Namer:
    """Output names that do not collide within one run: the first of a name keeps it,
    the next ones take ``-2``, ``-3``…"""

    def __init__(self) -> None:
        self._taken: set[PurePath] = set()

    def name(self, stem: PurePath, suffix: str) -> tuple[PurePath, bool]:
        """The output name for ``stem`` with ``suffix``, and whether it had to change."""
        candidate = stem.with_name(stem.name + suffix)
        number = 1
        while candidate in self._taken:
            number += 1
            candidate = stem.with_name(f"{stem.name}-{number}{suffix}")
        self._taken.add(candidate)
        return candidate, number > 1
