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


def _same(target: Path, source: Path) -> bool:
    """Whether writing ``target`` would replace ``source``."""
    try:
        return target.resolve() == source.resolve() or os.path.samefile(target, source)
    except (OSError, RuntimeError):  # one of them does not exist; a loop of links
        return False


class Writer:
    """Writes files for one run of the command line, saying on the console what it did
    not write and why."""

    def __init__(self, console: Console, inputs: Iterable[Path], *, force: bool) -> None:
        self.console = console
        self.inputs = tuple(inputs)
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
        if any(_same(target, source) for source in self.inputs):
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
