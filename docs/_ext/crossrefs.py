"""Cross-references the reference resolves offline, built nitpicky (``sphinx-build -n``).

* Names the package re-exports (``govdisclosure.read``, ``gd.ReadResult`` written as
  ``govdisclosure.ReadResult``, a bare ``validate`` in a docstring): documented where they
  are defined (:mod:`govdisclosure.readers` and so on), they are resolved there, through
  the package's own table of re-exports (``govdisclosure._EXPORTS``), so that a docstring
  may name them as users write them.
* A name written relative to where it is used (``Checked.document``, ``RECORD_COLUMNS``,
  ``BatchError``): linked to the one documented object whose full name ends so; when
  several do, it stays a warning, to be written in full.
* A private name in a signature (``_Sheet``), or a name of the module itself that it does
  not export (a type alias such as ``Check``, a helper class): shown as code; only what a
  module exports has an entry in the reference.
* The standard library's and other packages' names (``collections.abc.Iterable``,
  ``decimal.Decimal``, ``pandas.DataFrame``): the build has no network for intersphinx
  (CI installs from the package registry only), so they are shown as code, unlinked —
  listed in :data:`EXTERNAL`, never silenced by a blanket rule for our own names.
"""

from __future__ import annotations

import functools
import re
from typing import Any

#: Modules whose names are shown as code without a link (no inventory offline).
EXTERNAL = (
    "attr",
    "attrs",
    "babel",
    "collections",
    "concurrent",
    "dataclasses",
    "datetime",
    "decimal",
    "difflib",
    "docx",
    "enum",
    "fractions",
    "importlib",
    "io",
    "json",
    "lxml",
    "openpyxl",
    "operator",
    "os",
    "pandas",
    "pathlib",
    "pypdf",
    "re",
    "types",
    "typing",
    "typing_extensions",
    "zipfile",
)
#: Single-letter type variables of generic classes (``CellTable[R, C]``): no page of
#: their own.
_TYPEVAR = re.compile(r"^govdisclosure(\.\w+)*\.[A-Z]$")


@functools.cache
def _exports() -> dict[str, str]:
    """Each name the package re-exports, and the module it re-exports it from."""
    import govdisclosure

    return dict(govdisclosure._EXPORTS)


def _qualified(target: str) -> str | None:
    """``target`` in full: a name the package re-exports (``read``, ``govdisclosure.read``)
    or a dotted name of ours (``govdisclosure.textreuse.find_reuse``)."""
    parts = target.split(".")
    if parts[0] == "govdisclosure" and len(parts) > 1 and parts[1] in _exports():
        return f"{_exports()[parts[1]]}.{'.'.join(parts[1:])}"
    if parts[0] in _exports():
        return f"{_exports()[parts[0]]}.{target}"
    return target if parts[0] == "govdisclosure" else None


def _found(path: str) -> Any:
    """The object ``path`` names (a module, then attributes), or None."""
    import importlib

    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            value = getattr(value, name, None)
        return value
    return None


def _candidates(target: str) -> list[str]:
    """Where ``target`` may be documented: as written in full, where its object is
    defined (a package re-exports what a module of it defines), and, for an attribute or
    method, on the class that defines it."""
    full = _qualified(target)
    if full is None:
        return []
    found = [full]
    value = _found(full)
    module, qualname = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str):
        found.append(f"{module}.{qualname}")
    head, _, last = full.rpartition(".")
    owner = _found(head)
    if isinstance(owner, type):  # an attribute: documented on its class's own page
        found.append(f"{owner.__module__}.{owner.__qualname__}.{last}")
    return found


def _typing(target: str) -> bool:
    """Whether ``target`` is a bare name of :mod:`typing` (``TypeIs``, imported from
    typing_extensions for type checkers only)."""
    import typing

    return "." not in target and (hasattr(typing, target) or target in {"TypeIs"})


def _unexported(path: str) -> bool:
    """Whether ``path`` names an object of ours that its module does not export (not in its
    ``__all__``): a type alias, a helper; it has no entry of its own in the reference."""
    head, _, last = path.rpartition(".")
    module = _found(head)
    return (
        module is not None
        and hasattr(module, last)
        and hasattr(module, "__all__")
        and last not in module.__all__
    )


def missing_reference(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    if target.split(".")[0] in EXTERNAL or _TYPEVAR.match(target) or _typing(target):
        return contnode
    if target.rsplit(".", 1)[-1].startswith("_"):
        return contnode
    domain = env.get_domain("py")
    here = node.get("py:module") or ""
    places = [*_candidates(target), *([f"{here}.{target}"] if here else [])]
    # A dotted name of ours may name its object through a package that re-exports it.
    short = target.rsplit(".", 1)[-1] if target.startswith("govdisclosure.") else target
    suffix = _unique_suffix(domain, short)
    for place in [*places, *([suffix] if suffix else [])]:
        if place != target and place in domain.objects:
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, "obj", place, node, contnode
            )
    if any(_unexported(place) for place in places):
        return contnode
    return None


def _unique_suffix(domain: Any, target: str) -> str | None:
    """The one documented object whose full name ends with ``.target``: exactly one name,
    or several that are one object (a package documents what its module defines)."""
    ending = "." + target
    found = sorted((name for name in domain.objects if name.endswith(ending)), key=len)
    if len(found) > 1 and len({id(_found(name)) for name in found}) == 1:
        return found[0]
    return found[0] if len(found) == 1 else None


def setup(app: Any) -> dict[str, Any]:
    app.connect("missing-reference", missing_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
