"""The package's layers, read from its source with ``ast``: the renderers and the readers
are siblings that never import each other (what both need lives in modules of its own,
and :mod:`govdisclosure.formats` names their sides as strings), and the core model
imports none of the checker, the renderers or the readers.

Every import counts, wherever it stands: at the top, inside a function (the lazy imports
that keep ``import govdisclosure`` cheap), under ``if TYPE_CHECKING:``, and in the
relative forms. To add a rule, add a line to :data:`RULES`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "govdisclosure"

CHECKER = "govdisclosure.checker"
RENDERERS = "govdisclosure.renderers"
READERS = "govdisclosure.readers"

#: The model and what it is made of: everything else builds on them.
CORE = tuple(
    f"govdisclosure.{name}"
    for name in (
        "labels",
        "categories",
        "layouts",
        "cells",
        "tables",
        "report",
        "errors",
        "editions",
        "text",
        "forms",
        "fieldchecks",
        "pickling",
    )
)
#: The JSON form of the model, and its schema: below the checker, renderers and readers,
#: and above the model, which knows nothing of it.
JSON = ("govdisclosure.jsonio", "govdisclosure.schema")
#: What the renderers and the readers share, so that neither imports the other.
SHARED = tuple(f"govdisclosure.{name}" for name in ("formats", "textwidth", "wording", "i18n"))
#: What every file the package reads or writes goes through, from any layer.
FILES = "govdisclosure.files"
#: The limits every layer that reads takes (the readers, the JSON form): constants only.
LIMITS = "govdisclosure.limits"
#: Zip archives with stable bytes, for every layer that writes one (DOCX, the exports).
STABLEZIP = "govdisclosure.stablezip"
#: Findings and tables as data: on top of the checker and the batches, below nothing.
EXPORT = "govdisclosure.export"
#: Copied prose, measured: below the checker, whose rule X5 runs it.
REUSE = "govdisclosure.textreuse"
#: The mapping between the editions and the conversion: what summaries and comparisons
#: of reports of both editions build on.
CONVERSION = ("govdisclosure.editionmap", "govdisclosure.conversion")
#: Last year beside this year, and the customary sentences: above the renderers.
COMPARE = "govdisclosure.comparison"


@dataclass(frozen=True)
class Rule:
    """Modules (a name covers the package or module and everything below it) that must
    not import any of ``forbidden``, and why."""

    modules: tuple[str, ...]
    forbidden: tuple[str, ...]
    why: str


RULES = (
    Rule((RENDERERS,), (READERS,), "renderers and readers are siblings"),
    Rule((READERS,), (RENDERERS,), "renderers and readers are siblings"),
    Rule(
        CORE,
        (CHECKER, RENDERERS, READERS, *JSON),
        "the core model sits below its JSON form, the checker, the renderers and the readers",
    ),
    Rule(JSON, (CHECKER, RENDERERS, READERS), "the JSON form sits below what reads and writes"),
    Rule(SHARED, (CHECKER, RENDERERS, READERS), "renderers and readers both import it"),
    Rule(
        (FILES,),
        (CHECKER, RENDERERS, READERS, *JSON, *SHARED),
        "every layer reads and writes files through it (it imports only the errors)",
    ),
    Rule(
        (LIMITS,),
        (CHECKER, RENDERERS, READERS, *JSON, *SHARED, *CORE, FILES),
        "every layer that reads takes its limits from it (it imports nothing)",
    ),
    Rule(
        (STABLEZIP,),
        (CHECKER, RENDERERS, READERS, *JSON, *SHARED, *CORE, FILES),
        "every layer that writes a zip archive writes it through it (it imports nothing)",
    ),
    Rule(
        (CHECKER, RENDERERS, READERS, *CORE, *JSON, *SHARED, FILES, STABLEZIP),
        (EXPORT,),
        "the exports sit on top: they read reports, findings and batches, and nothing reads them",
    ),
    Rule(
        (EXPORT,),
        (RENDERERS,),
        "the exports write rows of data, not rendered documents",
    ),
    Rule(
        (REUSE,),
        (CHECKER, RENDERERS, READERS, EXPORT, COMPARE),
        "copied prose is measured below the checker, whose rule X5 runs it",
    ),
    Rule(
        CONVERSION,
        (RENDERERS, READERS, EXPORT, COMPARE, REUSE),
        "the conversion between editions sits with the model: summaries and comparisons use it",
    ),
    Rule(
        (COMPARE, "govdisclosure.sentences"),
        (READERS,),
        "comparisons and sentences are written from reports, never read from documents",
    ),
    Rule(
        ("govdisclosure.errors",),
        (CHECKER,),
        "errors sit below the checker (ReportInconsistent asks the result for its errors)",
    ),
)


@dataclass(frozen=True)
class Import:
    """One import statement of a module: its line, what it imports (each name it may
    bind a module to), and how the source writes it."""

    line: int
    targets: tuple[str, ...]
    text: str


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _base(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name ``from <dots><target> import …`` means in ``module``."""
    if level == 0:
        return target or ""
    parts = module.split(".") if is_package else module.split(".")[:-1]
    parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, *([target] if target else [])])


def imports_of(source: str, module: str, *, is_package: bool = False) -> Iterator[Import]:
    """Every import in ``source`` (the text of ``module``), at any depth, in line order."""
    nodes = sorted(
        (n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Import | ast.ImportFrom)),
        key=lambda n: n.lineno,
    )
    for node in nodes:
        if isinstance(node, ast.Import):
            targets = tuple(alias.name for alias in node.names)
        else:
            base = _base(module, is_package, node.level, node.module)
            # "from a import b" imports the module a.b when b is one.
            names = (f"{base}.{a.name}" for a in node.names if a.name != "*")
            targets = (base, *names)
        yield Import(node.lineno, targets, ast.unparse(node))


def violations(source: str, module: str, *, is_package: bool = False, where: str = "") -> list[str]:
    """What ``source`` imports against :data:`RULES`, one line per import and rule."""
    found = []
    for rule in RULES:
        if not any(_within(module, m) for m in rule.modules):
            continue
        for imported in imports_of(source, module, is_package=is_package):
            hits = [t for t in imported.targets if any(_within(t, f) for f in rule.forbidden)]
            if hits:
                found.append(
                    f"{where or module}:{imported.line}: {module} imports {hits[0]} "
                    f"(`{imported.text}`): {rule.why}"
                )
    return found


def _modules() -> Iterator[tuple[str, Path, bool]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        yield ".".join(parts[:-1] if is_package else parts), path, is_package


def test_the_package_keeps_its_layers() -> None:
    found = []
    for module, path, is_package in _modules():
        source = path.read_text(encoding="utf-8")
        where = str(path.relative_to(PACKAGE.parent.parent))
        found += violations(source, module, is_package=is_package, where=where)
    assert not found, "imports across the layers:\n" + "\n".join(found)


def test_every_rule_names_modules_that_exist() -> None:
    # A rule about a module renamed away would hold for nothing.
    known = {module for module, _, _ in _modules()}
    for rule in RULES:
        for name in (*rule.modules, *rule.forbidden):
            assert name in known, f"{name} is no module of the package"


SYNTHETIC = """\
from __future__ import annotations

from typing import TYPE_CHECKING

import govdisclosure.readers.lines as lines
from govdisclosure import readers
from govdisclosure.textwidth import display_width

if TYPE_CHECKING:
    from govdisclosure.readers.result import ReadResult


def read(data):
    from ..readers import read

    return read(data)
"""


def test_the_checker_finds_imports_at_any_depth() -> None:
    found = violations(SYNTHETIC, "govdisclosure.renderers.example", where="example.py")
    assert [line.split(": ")[0] for line in found] == [
        "example.py:5",
        "example.py:6",
        "example.py:10",
        "example.py:14",
    ]
    assert found[0] == (
        "example.py:5: govdisclosure.renderers.example imports govdisclosure.readers.lines "
        "(`import govdisclosure.readers.lines as lines`): renderers and readers are siblings"
    )
    assert "(`from ..readers import read`)" in found[3]
    # The same text is no fault in a module no rule is about.
    assert violations(SYNTHETIC, "govdisclosure.summary") == []


@pytest.mark.parametrize(
    ("module", "is_package", "level", "target", "expected"),
    [
        ("govdisclosure.renderers.html", False, 1, "grid", "govdisclosure.renderers.grid"),
        ("govdisclosure.renderers.html", False, 2, "readers", "govdisclosure.readers"),
        ("govdisclosure.renderers", True, 1, "grid", "govdisclosure.renderers.grid"),
        ("govdisclosure.renderers", True, 2, None, "govdisclosure"),
        ("govdisclosure.errors", False, 0, "govdisclosure.checker", "govdisclosure.checker"),
    ],
)
def test_relative_imports_resolve(
    module: str, is_package: bool, level: int, target: str | None, expected: str
) -> None:
    assert _base(module, is_package, level, target) == expected


def test_the_core_may_not_reach_the_checker() -> None:
    source = "def f():\n    from govdisclosure.checker.findings import Severity\n"
    (found,) = violations(source, "govdisclosure.report")
    assert found.startswith("govdisclosure.report:2: govdisclosure.report imports")
    assert len(violations(source, "govdisclosure.errors")) == 2  # core, and its own rule
