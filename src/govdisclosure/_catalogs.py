"""Maintaining the translation catalogs (a developer tool: ``make messages``).

The messages to translate are collected from the code itself: the labels of every
category (:class:`~govdisclosure.labels.LabelledEnum` members), every label the layouts
print, and every string marked with ``_()`` (:func:`govdisclosure.i18n.gettext_noop`).
:func:`update` brings each ``.po`` file in line with them, keeping the translations it
already has; a test fails while a message has no translation.
"""

from __future__ import annotations

import datetime
import importlib
import io
import pkgutil
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from govdisclosure.files import write_atomic
from govdisclosure.i18n import DOMAIN, LOCALES, SOURCE_LOCALE

__all__ = ["catalog_path", "msgids", "update"]

_EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def _enum_labels() -> Iterator[tuple[str, str]]:
    import govdisclosure
    from govdisclosure.labels import LabelledEnum

    package = Path(govdisclosure.__file__).parent
    for module in pkgutil.walk_packages([str(package)], "govdisclosure."):
        if module.name.endswith(("__main__", "_catalogs")):
            continue
        importlib.import_module(module.name)
    seen: set[type] = set()
    stack = list(LabelledEnum.__subclasses__())
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        stack.extend(cls.__subclasses__())
        for member in cls:
            yield member.zh, f"{cls.__module__}.{cls.__name__}.{member.name}"


def _layout_labels() -> Iterator[tuple[str, str]]:
    from govdisclosure.editions import Edition
    from govdisclosure.layouts import layout

    for edition in Edition:
        for table in layout(edition).tables:
            where = f"layout {edition.value} table {table.number}"
            if table.corner:
                yield table.corner, where
            for block in table.blocks:
                for tree in (block.row_tree, block.column_tree):
                    stack = list(tree)
                    while stack:
                        node = stack.pop()
                        stack.extend(node.children)
                        yield node.label, where


def _marked() -> Iterator[tuple[str, str]]:
    from babel.messages.extract import extract_from_dir

    import govdisclosure

    root = Path(govdisclosure.__file__).parent
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(root), method_map=[("**.py", "python")], keywords={"_": None}
    ):
        if isinstance(message, str):
            yield message, f"{filename}:{lineno}"


def msgids() -> dict[str, list[str]]:
    """Every message the code shows, with where it comes from, in a stable order."""
    found: dict[str, list[str]] = {}
    for source in (_enum_labels(), _layout_labels(), _marked()):
        for text, where in source:
            found.setdefault(text, []).append(where)
    return dict(sorted(found.items()))


def catalog_path(locale: str) -> Path:
    """The ``.po`` file of ``locale`` in the source tree."""
    base = resources.files("govdisclosure").joinpath(f"locale/{locale}/LC_MESSAGES/{DOMAIN}.po")
    return Path(str(base))


def update(*, seeds: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Rewrite every catalog so it holds exactly the current messages, keeping existing
    translations (and taking ``seeds`` for new ones); returns the untranslated msgids by
    locale."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    wanted = msgids()
    missing: dict[str, list[str]] = {}
    for locale in LOCALES:
        if locale == SOURCE_LOCALE:
            continue
        path = catalog_path(locale)
        old: dict[str, str] = {}
        if path.exists():
            with path.open("rb") as handle:
                old = {str(m.id): str(m.string) for m in read_po(handle) if m.id}
        new = Catalog(
            locale=locale,
            domain=DOMAIN,
            project="govdisclosure",
            version="1",
            copyright_holder="govdisclosure developers",
            msgid_bugs_address="",
            last_translator="govdisclosure developers",
            language_team=f"govdisclosure developers ({locale})",
            # Fixed dates: regenerating an unchanged catalog must not change the file.
            creation_date=_EPOCH,
            revision_date=_EPOCH,
            fuzzy=False,
        )
        for text, where in wanted.items():
            string = old.get(text) or (seeds or {}).get(text) or ""
            new.add(text, string, auto_comments=sorted(set(where))[:3])
        path.parent.mkdir(parents=True, exist_ok=True)
        written = io.BytesIO()
        write_po(written, new, width=100, omit_header=False, no_location=True)
        write_atomic(path, written.getvalue())
        missing[locale] = [
            text for text in wanted if not (old.get(text) or (seeds or {}).get(text))
        ]
    return missing


def main() -> None:
    missing = update()
    for locale, texts in missing.items():
        sys.stdout.write(f"{locale}: {len(texts)} message(s) to translate\n")
        for text in texts:
            sys.stdout.write(f"  {text}\n")


if __name__ == "__main__":
    main()
