"""The sub-commands that read documents and write one file each: ``read``, ``render``,
``summary``."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path

from govdisclosure.cli.batching import read_items
from govdisclosure.cli.made import Read, Rendered, Summarized
from govdisclosure.cli.paths import Input, Namer, expand
from govdisclosure.cli.progress import progress
from govdisclosure.cli.status import Console
from govdisclosure.cli.writing import Writer
from govdisclosure.errors import FormatNotAvailable, GovDisclosureError
from govdisclosure.files import write_atomic
from govdisclosure.formats import available_formats, get_format
from govdisclosure.i18n import LOCALES
from govdisclosure.renderers import render
from govdisclosure.report import AnnualReport

__all__ = ["inputs", "run_read", "run_render", "run_summary"]


def inputs(arguments: list[str], console: Console) -> list[Input]:
    """The documents the arguments name; each argument that names nothing is said."""
    found, missing = expand(arguments)
    for argument in missing:
        console.fail(f"{argument}: no such file or folder")
    return found


class _Outputs:
    """Where each input's outputs go: below ``out``, collisions renamed and said."""

    def __init__(self, console: Console, out: Path) -> None:
        self.console = console
        self.out = out
        self.namer = Namer()

    def target(self, source: Input, suffix: str) -> Path:
        name, renamed = self.namer.name(source.stem, suffix)
        target = self.out / name
        if renamed:
            wanted = self.out / source.stem.with_name(source.stem.name + suffix)
            self.console.warn(f"{source}: written as {target}, since {wanted} is another input's")
        return target


def _start(
    args: argparse.Namespace, console: Console
) -> tuple[list[Input], Writer, _Outputs] | None:
    """The inputs, the writer and the output folder (made) of a command that writes a
    file per input; ``None`` when there is nothing to do or nowhere to write."""
    sources = inputs(args.files, console)
    writer = Writer(console, [s.name for s in sources], force=args.force)
    out = Path(args.out)
    if not sources or not writer.folder(out):
        return None
    return sources, writer, _Outputs(console, out)


def run_read(args: argparse.Namespace, console: Console) -> None:
    """``read``: each document as JSON in the output folder."""
    started = _start(args, console)
    if started is None:
        return
    sources, writer, outputs = started
    options = {"fmt": args.fmt} if args.fmt else {}
    if args.partial:
        options["partial"] = True
    made = Read(args.notes)
    items = read_items(
        [s.name for s in sources], jobs=args.jobs, timeout=args.timeout, then=made, **options
    )
    for item in progress(items, total=len(sources), what="read"):
        if item.error is not None:
            console.fail_source(item.error)
            continue
        data, said, notes = item.unwrap()
        target = outputs.target(sources[item.index], ".json")
        if writer.write(target, partial(_put, data)):
            console.say(f"{target}  ({said})")
            for note in notes:
                console.say(f"  {note}")


def _installed(console: Console) -> list[str]:
    """Every format that renders here: one whose optional dependency is missing (Excel
    without openpyxl) is left out of "all of them", and said once."""
    sample = AnnualReport.blank("某县统计局", 2022)
    able = []
    for name in available_formats("render"):
        try:
            render(sample, name)
        except FormatNotAvailable as err:
            console.warn(f"{name} left out: {err}")
            continue
        able.append(name)
    return able


def _renderings(formats: list[str], locales: list[list[str]] | None) -> list[tuple[str, str]]:
    """Each (format, locale) to write: JSON once (it is the same in every language)."""
    chosen = formats
    languages = (
        list(dict.fromkeys(x for group in locales for x in group)) if locales else list(LOCALES)
    )
    return [
        (name, locale)
        for name in dict.fromkeys(chosen)
        for locale in (("zh_CN",) if name == "json" else languages)
    ]


def run_render(args: argparse.Namespace, console: Console) -> None:
    """``render``: each report in every format and language asked for."""
    started = _start(args, console)
    if started is None:
        return
    sources, writer, outputs = started
    wanted = _renderings(args.formats or _installed(console), args.locales)
    made = Rendered(tuple(wanted))
    items = read_items([s.name for s in sources], jobs=args.jobs, timeout=args.timeout, then=made)
    for item in progress(items, total=len(sources), what="render"):
        if item.error is not None:
            console.fail_source(item.error)
            continue
        for (name, locale), data in zip(wanted, item.unwrap(), strict=True):
            tag = "" if name == "json" else f".{locale}"
            target = outputs.target(sources[item.index], f"{tag}{get_format(name).extensions[0]}")
            if writer.write(target, partial(_put, data)):
                console.say(str(target))


def _put(data: bytes | GovDisclosureError, path: Path) -> None:
    """Write a file made where its document was read (whole or not at all), or say why
    it could not be made."""
    if isinstance(data, GovDisclosureError):
        raise data
    write_atomic(path, data)


def run_summary(args: argparse.Namespace, console: Console) -> None:
    """``summary``: a short summary of each report (:func:`~govdisclosure.summarize`)."""
    sources = inputs(args.files, console)
    first = True
    items = read_items(
        [s.name for s in sources], jobs=args.jobs, timeout=args.timeout, then=Summarized(args.lang)
    )
    for item in progress(items, total=len(sources), what="read"):
        if item.error is not None:
            console.fail_source(item.error)
            continue
        text = item.unwrap()
        console.say(("" if first else "\n") + f"== {item.source}\n{text}")
        first = False
