"""Writing the command line's files: whole or not at all (see :mod:`govdisclosure.files`),
with the mode the user's umask gives, never over an input (by its own name or another: a
link), and over an existing file only with ``--force``."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from govdisclosure.cli.status import Console
from govdisclosure.errors import GovDisclosureError

__all__ = ["Writer"]


def _resolved(path: str | Path) -> Path | None:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a loop of links
        return None


class _Inputs:
    """The inputs as files: what a target must not be. An existing target is an input
    when it is the same file (its device and inode: by its own name, a link or another
    path); one that does not exist, when it is where an input's dangling link points.
    The inputs are looked at once, when a target is first checked, not once per target
    (a run may write a file for each of thousands)."""

    def __init__(self, inputs: Iterable[str | Path]) -> None:
        self._inputs: Iterable[str | Path] | None = inputs
        self._files: set[tuple[int, int]] = set()
        self._dangling: set[Path | None] = set()

    def _look(self) -> None:
        if self._inputs is None:
            return
        for source in self._inputs:
            try:
                status = os.stat(source)
            except OSError:  # a dangling link (or gone since)
                self._dangling.add(_resolved(source))
            else:
                self._files.add((status.st_dev, status.st_ino))
        self._dangling.discard(None)
        self._inputs = None

    def __contains__(self, target: Path) -> bool:
        self._look()
        try:
            status = os.stat(target)
        except OSError:
            return bool(self._dangling) and _resolved(target) in self._dangling
        return (status.st_dev, status.st_ino) in self._files


class Writer:
    """Writes files for one run of the command line, saying on the console what it did
    not write and why."""

    def __init__(self, console: Console, inputs: Iterable[str | Path], *, force: bool) -> None:
        self.console = console
        self.inputs = _Inputs(inputs)
        self.force = force

    def folder(self, out: Path) -> bool:
        """Make the folder ``out`` (and its parents); whether there is one."""
        if out.is_dir():
            return True
        if out.exists():
            self.console.fail(f"{out}: not a folder (--out names the folder to write to)")
            return False
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self.console.fail(f"{out}: cannot make the folder: {err.strerror or err}")
            return False
        return True

    def allowed(self, target: Path) -> bool:
        """Whether ``target`` may be written: not an input, and not an existing file
        unless ``--force``; says why not."""
        if target in self.inputs:
            self.console.fail(
                f"{target}: not written, it is one of the inputs (choose another --out)"
            )
            return False
        if not self.force and (target.exists() or target.is_symlink()):
            self.console.fail(f"{target}: not written, it exists (--force replaces it)")
            return False
        return True

    def write(self, target: Path, write: Callable[[Path], object]) -> bool:
        """Call ``write(target)`` when ``target`` may be written (its folder made); whether
        it was written, saying why not."""
        if not self.allowed(target) or not self.folder(target.parent):
            return False
        try:
            write(target)
        except OSError as err:  # what was at the target is left as it was
            self.console.fail(f"{target}: not written: {err.strerror or err}")
            return False
        except GovDisclosureError as err:
            # The library's advice names its argument; the command line's is an option.
            advice = str(err).replace("pass union=True", "give --union")
            self.console.fail(f"{target}: not written: {advice}")
            return False
        return True
