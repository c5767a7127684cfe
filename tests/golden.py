"""Golden files: every format x edition x locale of the bundled examples, as rendered now.

``tests/test_golden.py`` fails on any difference; after a change you meant, regenerate them
with ``make golden`` (``python -m tests.golden``) and review the diff before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import govdisclosure as gd

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = {
    "2019": ROOT / "examples" / "zhongning-minzheng-2020.json",
    "2021": ROOT / "examples" / "shiyan-ziranziyuan-2022.json",
}
EXTENSIONS = {
    "text": "txt",
    "markdown": "md",
    "html": "html",
    "json": "json",
    "docx": "docx",
    "xlsx": "xlsx",
}
#: The formats whose files are bytes, compared whole (the others line by line).
BINARY = ("docx", "xlsx")
LOCALES = ("zh_CN", "en")


def cases() -> list[tuple[str, str, str]]:
    """(format, edition, locale) of every golden file (JSON has no locale)."""
    return [
        (fmt, edition, locale)
        for fmt in EXTENSIONS
        for edition in EXAMPLES
        for locale in LOCALES
        if not (fmt == "json" and locale != "zh_CN")
    ]


def path(fmt: str, edition: str, locale: str) -> Path:
    suffix = "" if fmt == "json" else f".{locale}"
    return GOLDEN / f"{edition}{suffix}.{EXTENSIONS[fmt]}"


def render(fmt: str, edition: str, locale: str) -> bytes:
    output = gd.render(gd.load(EXAMPLES[edition]), fmt, locale=locale)
    return output if isinstance(output, bytes) else output.encode("utf-8")


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for fmt, edition, locale in cases():
        target = path(fmt, edition, locale)
        data = render(fmt, edition, locale)
        changed = not target.exists() or target.read_bytes() != data
        target.write_bytes(data)
        sys.stdout.write(f"{'updated' if changed else 'same   '} {target.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
