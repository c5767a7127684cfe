"""Sphinx configuration for the govdisclosure documentation (``make docs``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# Document the source tree even if the package is not installed in the building Python.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
# The project's own Sphinx extensions.
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "govdisclosure"
author = "govdisclosure developers"
copyright = "govdisclosure developers"
release = "0.1.0.dev0"
version = "0.1"
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "crossrefs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "_generated", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
# Every reference must resolve (make docs builds with -n -W): see _ext/crossrefs.py.
nitpicky = True

html_theme = "furo"
html_title = "govdisclosure"


def _member_table(  # noqa: PLR0917 (the signature of the Sphinx event)
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Append a table of members (ASCII value, Chinese and English label) to the docstring of
    each category enum, so the reference lists every key straight from the code."""
    from govdisclosure.labels import LabelledEnum

    if what != "class" or not isinstance(obj, type) or not issubclass(obj, LabelledEnum):
        return
    members = list(obj)
    if not members:
        return
    lines.extend(
        [
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "",
            "   * - member",
            "     - value (JSON key)",
            "     - official label (``zh``)",
            "     - English label (``en``)",
        ]
    )
    for member in members:
        lines.extend(
            [
                f"   * - ``{member.name}``",
                f"     - ``{member.value}``",
                f"     - {member.zh}",
                f"     - {member.en}",
            ]
        )
    lines.append("")


def _write_rule_catalogue(app: Any) -> None:
    """Generate the rule catalogue from the registry, so no rule is described twice."""
    from govdisclosure.checker.catalogue import catalogue_markdown

    target = Path(app.srcdir) / "_generated" / "rules.md"
    target.parent.mkdir(exist_ok=True)
    text = catalogue_markdown()
    # Rewrite only on change: Sphinx rebuilds pages whose sources changed.
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app: Any) -> None:
    app.connect("autodoc-process-docstring", _member_table)
    app.connect("builder-inited", _write_rule_catalogue)
