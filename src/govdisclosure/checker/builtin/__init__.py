"""The built-in rules, one module per family. Importing a module registers its rules."""

from __future__ import annotations

import importlib

_MODULES = (
    "arithmetic",
    "values",
    "meta",
    "prose",
    "crossyear",
    "reused",
    "hierarchy",
    "batchreuse",
)
_loaded = False


def load() -> None:
    """Import every built-in rule module once, in catalogue order."""
    global _loaded  # noqa: PLW0603 (a load-once flag)
    if not _loaded:
        _loaded = True
        for name in _MODULES:
            importlib.import_module(f"govdisclosure.checker.builtin.{name}")
