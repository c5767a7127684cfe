"""Last year's reports, found for this year's: :class:`PreviousReports`, an index of them
by organ and year, and the finders ``validate_many(previous=...)`` makes of what it is
given.

Last year's report of a report is the one whose organ is the same after whitespace is
removed (``"某县 教育局"`` is ``"某县教育局"``; nothing else is normalised: a name spelt
differently is another organ) and whose year is one less. The checker's rule X0 compares
organs the same way, so that a report paired here is never refused there.

An index made from files (:meth:`PreviousReports.from_paths`) keeps, for each organ and
year, the path only: each file is read once to learn its organ and year (on a process
pool when there are many), and again when a report of the next year asks for it. So
20,000 files make an index of 20,000 short strings, never 20,000 reports in memory.

Two files for the same organ and year make that key ambiguous: a report that asks for it
gets a :class:`~govdisclosure.errors.BatchError` naming both, never one of them at
random (:attr:`PreviousReports.conflicts` lists them). A file that cannot be read is
kept in :attr:`PreviousReports.problems` with its error.

>>> import govdisclosure as gd
>>> last = gd.examples.load("zhongning-minzheng-2020")
>>> index = PreviousReports.from_reports([last])
>>> this_year = gd.AnnualReport(organ="中宁县 民政局", year=2021)
>>> found = index.find(this_year)
>>> found.report is last, found.where
(True, '中宁县民政局 2020')
>>> index.find(gd.AnnualReport(organ="中宁县民政局", year=2022)) is None
True
"""

from __future__ import annotations

import functools
import os
import pathlib
import pickle
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from typing import Any

import attrs
from attrs import field, frozen

from govdisclosure.batch.items import BatchItem
from govdisclosure.batch.plan import run_batch
from govdisclosure.batch.work import Job, as_path
from govdisclosure.errors import BatchError, GovDisclosureError, OptionError
from govdisclosure.readers import ReadResult, read
from govdisclosure.report import AnnualReport

__all__ = ["Found", "PreviousReports", "finder", "organ_key"]

#: What an index holds for an organ and year: a report, or the path of its document.
Entry = AnnualReport | str
#: An index's key: the organ's name without whitespace, and the year.
Key = tuple[str, int]


def organ_key(organ: str) -> str:
    """An organ's name as reports are paired by it: without any whitespace.

    >>> organ_key(" 某县\\u3000教育局 ")
    '某县教育局'
    """
    return "".join(organ.split())


@frozen
class Found:
    """Last year's report, and where it came from (its path, or its organ and year)."""

    report: AnnualReport
    where: str


def _where(report: AnnualReport) -> str:
    return f"{report.organ} {report.year}"


def _entry(value: object, what: str) -> Entry:
    """What an index keeps of ``value``: a report, or a path as a string."""
    if isinstance(value, AnnualReport):
        return value
    if isinstance(value, ReadResult):
        return value.report
    if isinstance(value, str | os.PathLike):
        return os.fsdecode(os.fspath(value))
    raise OptionError(
        f"{what} must be an AnnualReport, a ReadResult or a path, got {type(value).__name__}"
    )


def _load(entry: Entry, read_options: Mapping[str, Any]) -> Found:
    """The report an index entry stands for, read when it is a path; a
    :class:`~govdisclosure.errors.BatchError` when it cannot be read (the error is about
    last year's report, not about the source of the batch that asked for it)."""
    if isinstance(entry, AnnualReport):
        return Found(entry, _where(entry))
    try:
        return Found(read(pathlib.Path(entry), **read_options).report, entry)
    except GovDisclosureError as error:
        raise BatchError(
            f"last year's report {entry} could not be read", cause=str(error)
        ) from error


@frozen
class IdentifyJob(Job):
    """Read a document to learn its organ and year (what an index keeps of it)."""

    options: dict[str, Any]

    def __call__(self, name: str, source: Any) -> tuple[str, int]:
        report = read(as_path(source), **self.options).report
        return report.organ, report.year


def _files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterable[Any]:
    """The files of a folder (not its subfolders, nor hidden files), in name order; or
    the paths given."""
    if isinstance(paths, str | os.PathLike):
        folder = pathlib.Path(paths)
        if not folder.is_dir():
            return [folder]
        return sorted(
            path for path in folder.iterdir() if not path.name.startswith(".") and not path.is_dir()
        )
    return paths


#: Indexes rebuilt in this process from their pickled form, by token: a worker that is
#: sent the same index with every chunk decodes it once.
_RESTORED: dict[str, PreviousReports] = {}


def _restore(token: str, blob: bytes) -> PreviousReports:
    index = _RESTORED.get(token)
    if index is None:
        index = pickle.loads(blob)  # our own bytes, made by PreviousReports.__reduce__
        if len(_RESTORED) >= 2:  # one batch at a time, and the one before
            _RESTORED.pop(next(iter(_RESTORED)))
        _RESTORED[token] = index
    return index


@frozen
class PreviousReports:
    """Last year's reports by organ (whitespace removed) and year: see the module's
    documentation. Made with :meth:`from_paths`, :meth:`from_reports` or
    :meth:`from_mapping`."""

    entries: Mapping[Key, Entry]
    #: Keys that several reports claim, with the names of those reports.
    conflicts: Mapping[Key, tuple[str, ...]] = field(factory=dict)
    #: The sources that could not be read while indexing, as their batch items.
    problems: tuple[BatchItem[Any], ...] = ()
    #: The reader's options, for reading the files the entries name.
    read_options: Mapping[str, Any] = field(factory=dict)
    _token: str = field(factory=lambda: uuid.uuid4().hex, eq=False, repr=False)

    @classmethod
    def from_paths(
        cls,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        executor: Executor | None = None,
        jobs: int | None = None,
        **read_options: Any,
    ) -> PreviousReports:
        """An index of the documents at ``paths`` (a folder: its files, in name order), each
        read once with ``read_options`` to learn its organ and year, as
        :func:`~govdisclosure.batch.read_many` reads (``executor``, ``jobs``)."""
        job = IdentifyJob(read_options)
        items = run_batch(job, _files(paths), executor=executor, jobs=jobs)
        problems: list[BatchItem[Any]] = []

        def identified() -> Iterator[tuple[str, Entry, tuple[str, int]]]:
            for item in items:
                if item.ok:
                    yield item.source, item.source, item.unwrap()
                else:
                    problems.append(item)

        index = cls._of(identified(), read_options)
        return attrs.evolve(index, problems=tuple(problems))

    @classmethod
    def from_reports(cls, reports: Iterable[AnnualReport | ReadResult]) -> PreviousReports:
        """An index of ``reports`` (kept in memory: for reports already read)."""

        def identified() -> Iterator[tuple[str, Entry, tuple[str, int]]]:
            for value in reports:
                report = _entry(value, "a previous report")
                if not isinstance(report, AnnualReport):
                    raise OptionError(f"expected reports, got the path {report!r}")
                yield _where(report), report, (report.organ, report.year)

        return cls._of(identified(), {})

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[tuple[str, int], AnnualReport | ReadResult | str | os.PathLike[str]]
    ) -> PreviousReports:
        """An index of ``mapping``: last year's reports (or their paths) keyed by their own
        organ and year, ``{("某县教育局", 2022): "2022/jyj.json"}``. The keys are taken
        as given (the rule X0 says so when a report is not what its key says)."""

        def identified() -> Iterator[tuple[str, Entry, tuple[str, int]]]:
            for key, value in mapping.items():
                if not (isinstance(key, tuple) and len(key) == 2 and _is_identity(*key)):
                    raise OptionError(f"previous= keys are (organ, year) pairs, got {key!r}")
                entry = _entry(value, f"previous[{key!r}]")
                yield (entry if isinstance(entry, str) else f"{key[0]} {key[1]}"), entry, key

        if not isinstance(mapping, Mapping):
            raise OptionError(f"expected a mapping, got {type(mapping).__name__}")
        return cls._of(identified(), {})

    @classmethod
    def _of(
        cls,
        identified: Iterable[tuple[str, Entry, tuple[str, int]]],
        read_options: Mapping[str, Any],
    ) -> PreviousReports:
        """The index of ``identified``: each report's name, entry, and organ and year."""
        entries: dict[Key, Entry] = {}
        names: dict[Key, str] = {}
        conflicts: dict[Key, tuple[str, ...]] = {}
        for name, entry, (organ, year) in identified:
            key = (organ_key(organ), year)
            if key in entries:
                conflicts[key] = (*conflicts.get(key, (names[key],)), name)
            else:
                entries[key], names[key] = entry, name
        return cls(entries, conflicts, (), dict(read_options))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, report: AnnualReport) -> Found | None:
        """Last year's report of ``report``'s organ, or None when there is none; a
        :class:`~govdisclosure.errors.BatchError` when several reports claim it, or when
        its file cannot be read any more."""
        key = (organ_key(report.organ), report.year - 1)
        if key in self.conflicts:
            names = ", ".join(self.conflicts[key])
            raise BatchError(
                f"last year's report is ambiguous: {report.organ} {key[1]} is in {names}"
            )
        entry = self.entries.get(key)
        return None if entry is None else _load(entry, self.read_options)

    def __reduce__(self) -> tuple[Any, ...]:
        # A batch sends its index to the workers, with every chunk when the executor is
        # not ours: pickled once here, decoded once per worker (see _restore).
        return (_restore, (self._token, self._blob))

    @functools.cached_property
    def _blob(self) -> bytes:
        state = (self.entries, self.conflicts, self.problems, self.read_options, self._token)
        return pickle.dumps(_Rebuild(state), pickle.HIGHEST_PROTOCOL)


@frozen
class _Rebuild:
    """An index's fields, which unpickle into the index (its pickled form)."""

    state: tuple[Any, ...]

    def __reduce__(self) -> tuple[Any, ...]:
        return (PreviousReports, self.state)


def _is_identity(organ: object, year: object) -> bool:
    return isinstance(organ, str) and type(year) is int


@frozen
class _Called:
    """A finder that asks ``function(report)`` for last year's report."""

    function: Callable[[AnnualReport], object]

    def find(self, report: AnnualReport) -> Found | None:
        value = self.function(report)
        if value is None:
            return None
        return _load(_entry(value, "what previous= returned"), {})


#: What finds last year's report for a batch: an index, or a function's answer.
Finder = PreviousReports | _Called


def finder(previous: object) -> Finder | None:
    """What ``validate_many`` makes of its ``previous=``: an index as it is, a mapping as
    an index (:meth:`PreviousReports.from_mapping`), a function as the finder that calls
    it with each report."""
    if previous is None or isinstance(previous, PreviousReports):
        return previous
    if isinstance(previous, Mapping):
        return PreviousReports.from_mapping(previous)
    if callable(previous):
        return _Called(previous)
    raise OptionError(
        "previous= takes a PreviousReports, a mapping of (organ, year) to last year's "
        f"reports or paths, or a function of a report; got {type(previous).__name__}"
    )
