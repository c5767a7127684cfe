"""Cross-references the reference resolves offline, built nitpicky (``sphinx-build -n``).

* Names the package re-exports (``govdisclosure.read``, ``gd.ReadResult`` written as
  ``govdisclosure.ReadResult``, a bare ``validate`` in a docstring): documented where they
  are defined (:mod:`govdisclosure.readers` and so on), they are resolved there, through
  the package's own table of re-exports (``govdisclosure._EXPORTS``), so that a docstring
  may name them as users write them.
* A name written relative to where it is used (``Checked.document``, ``RECORD_COLUMNS``,
  ``BatchError``): linked to the one documented object whose full name ends so; when
  several do, it stays a warning, to be written in full.
* A private name in a signature (``_Sheet``): shown as code; private names have no page.
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
    "zipfile",
)
#: Single-letter type variables of generic classes (``CellTable[R, C]``): no page of
#: their own.
_TYPEVAR = re.compile(r"^govdisclosure(\.\w+)*\.[A-Z]$")


@functools.cache
def _exports() -> dict[str, str]:
    """Each re-exported name and the module that defines it (not only the one that
    re-exports it: ``ReadResult`` is documented in ``govdisclosure.readers.result``)."""
    import importlib

    import govdisclosure

    found = {}
    for name, module in govdisclosure._EXPORTS.items():
        value = getattr(importlib.import_module(module), name)
        defined = getattr(value, "__module__", None)
        found[name] = defined if isinstance(defined, str) and defined.startswith(module) else module
    return found


def _reexported(target: str) -> str | None:
    """``target`` as the path of the module that defines it, when it names a re-export."""
    exports = _exports()
    parts = target.split(".")
    if parts[0] == "govdisclosure" and len(parts) > 1 and parts[1] in exports:
        return f"{exports[parts[1]]}.{'.'.join(parts[1:])}"
    if parts[0] in exports:
        return f"{exports[parts[0]]}.{target}"
    return None


def missing_reference(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    if target.split(".")[0] in EXTERNAL or _TYPEVAR.match(target):
        return contnode
    if target.rsplit(".", 1)[-1].startswith("_"):
        return contnode
    domain = env.get_domain("py")
    moved = _reexported(target) or _unique_suffix(domain, target)
    if moved is None or moved == target:
        return None
    return domain.resolve_xref(env, node["refdoc"], app.builder, "obj", moved, node, contnode)


def _unique_suffix(domain: Any, target: str) -> str | None:
    """The one documented object whose full name ends with ``.target``, if exactly one."""
    ending = "." + target
    found = {name for name in domain.objects if name.endswith(ending)}
    # An object documented under its package as well as its module counts once.
    shortest = {min(found, key=len)} if found and _same(found) else found
    return shortest.pop() if len(shortest) == 1 else None


def _same(names: set[str]) -> bool:
    """Whether ``names`` are one object reached through a package and its module
    (``govdisclosure.textreuse.Match``, ``govdisclosure.textreuse.measure.Match``)."""
    ordered = sorted(names, key=len)
    first = ordered[0].rsplit(".", 1)
    return all(n.startswith(first[0] + ".") and n.endswith("." + first[1]) for n in ordered)


def setup(app: Any) -> dict[str, Any]:
    app.connect("missing-reference", missing_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
