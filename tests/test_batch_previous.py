"""Checking a batch against last year's reports: an index of a folder, a mapping, a
function; each report paired with its own organ's report of the year before, and the
cross-year rules X0–X4 in its result."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.batch import Checked, PreviousReports, validate_many
from govdisclosure.batch.previous import _restore, organ_key
from govdisclosure.errors import BatchError, OptionError, ReadError
from tests.batch_sources import organ, two_years, variants, with_carried, write

CROSS_YEAR = ("X0", "X1", "X2", "X3", "X4")


def checked(items: Any) -> list[Checked]:
    out = []
    for item in items:
        assert item.ok, item.error
        out.append(item.value)
    return out


def paired(checked: Checked, last: Path | str) -> None:
    """``checked`` was compared with ``last``, its organ's report of the year before:
    every cross-year rule ran, X0 held, and X1 held for natural persons (which it does
    only for the right pair, see :func:`two_years`)."""
    assert checked.previous == str(last)
    result = checked.result
    assert set(CROSS_YEAR) <= set(result.rules)
    failed = {(f.rule, f.location.column) for f in (*result.findings, *result.unchecked)}
    assert not {rule for rule, _ in failed} & {"X0"}
    assert ("X1", "natural_person") not in failed
    held = {(o.rule, o.location.column) for o in result.outcomes() if o.status.value == "held"}
    assert ("X1", "natural_person") in held


def last_year_of(number: int, last: list[Path]) -> Path:
    return last[number]


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_index_of_a_folder_pairs_each_report_with_its_organ_s_last_year(
    tmp_path: Path, jobs: int
) -> None:
    this_year, last_year = two_years(tmp_path, 12)
    index = PreviousReports.from_paths(tmp_path / "last", jobs=jobs)
    assert len(index) == 12
    assert not index.problems
    assert not index.conflicts
    assert all(isinstance(entry, str) for entry in index.entries.values())  # paths only
    results = checked(validate_many(this_year, previous=index, jobs=jobs))
    for number, result in enumerate(results):
        paired(result, last_year[number])
        assert result.document is not None  # read where the work ran, and kept


def test_a_mapping_of_reports_or_of_paths(tmp_path: Path) -> None:
    this_year, last_year = two_years(tmp_path, 6)
    lasts = [gd.read(path).report for path in last_year]
    by_report = {(report.organ, report.year): report for report in lasts}
    by_path = {
        (report.organ, report.year): path for report, path in zip(lasts, last_year, strict=True)
    }
    for jobs in (1, 2):
        for number, result in enumerate(
            checked(validate_many(this_year, previous=by_path, jobs=jobs))
        ):
            paired(result, last_year[number])
        with_reports = checked(validate_many(this_year, previous=by_report, jobs=jobs))
        for number, result in enumerate(with_reports):
            paired(result, f"{lasts[number].organ} {lasts[number].year}")


#: Last year's files of the organs, for :func:`find_last_year` (a module-level function,
#: which pickles by name; set by the test).
LAST_YEAR: dict[str, Path] = {}


def find_last_year(report: gd.AnnualReport) -> Path | None:
    return LAST_YEAR.get(report.organ)


def test_a_function_finds_last_year_s_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    this_year, last_year = two_years(tmp_path, 6)
    monkeypatch.setitem(LAST_YEAR, organ(0), last_year[0])
    monkeypatch.setitem(LAST_YEAR, organ(3), last_year[3])
    # In this process the function may be anything; in workers it must pickle. Forked
    # workers see this module as it is on disk: the dict filled above is empty there.
    results = checked(validate_many(this_year, previous=find_last_year, jobs=1))
    for number, result in enumerate(results):
        if number in (0, 3):
            paired(result, last_year[number])
        else:
            assert result.previous is None
            assert not set(CROSS_YEAR) & set(result.result.rules)
    reports = {organ(n): gd.read(path).report for n, path in enumerate(last_year)}
    by_lambda = checked(validate_many(this_year, previous=lambda r: reports[r.organ], jobs=1))
    assert [r.previous for r in by_lambda] == [
        f"{organ(n)} {reports[organ(n)].year}" for n in range(6)
    ]


def test_cross_year_findings_name_both_reports(tmp_path: Path) -> None:
    this_year, last_year = two_years(tmp_path, 4)
    # Organ 3's last report carried 7 requests forward; this year's says 3 came over.
    last = with_carried(gd.read(last_year[3]).report, "结转下年度继续办理", 7)
    write(last, last_year[3])
    index = PreviousReports.from_paths(last_year, jobs=1)
    results = checked(validate_many(this_year, previous=index, jobs=2))

    def x1(result: Checked) -> list[gd.Finding]:
        findings = result.result.findings
        return [f for f in findings if f.rule == "X1" and f.location.column == "natural_person"]

    finding = x1(results[3])[0]
    assert [x1(result) for result in results] == [[], [], [], [finding]]
    assert (finding.reported, finding.computed) == (3, 7)
    last_cell = "$previous.report.applications.carried_forward.natural_person"
    assert [place.json_path for place in finding.involved] == [last_cell]
    document = results[3].document  # a text file: the finding names the line it printed
    assert document is not None
    assert document.format == "text"
    (where,) = document.locate(finding)  # not last year's cell: it is not in this document
    assert where.line is not None
    assert "上年结转" in this_year[3].read_text().splitlines()[where.line - 1]


def test_a_report_without_last_year_is_checked_without_the_cross_year_rules(
    tmp_path: Path,
) -> None:
    this_year, last_year = two_years(tmp_path, 4)
    last_year[1].unlink()
    index = PreviousReports.from_paths(tmp_path / "last")
    results = checked(validate_many(this_year, previous=index, jobs=1))
    assert results[1].previous is None
    assert not set(CROSS_YEAR) & set(results[1].result.rules)
    paired(results[0], last_year[0])


def test_organs_are_paired_whatever_whitespace_they_are_printed_with(tmp_path: Path) -> None:
    spaced = {0: " 某县第0局", 1: "某县\u3000第1局", 2: "某县第2 局\t"}
    this_year, last_year = two_years(tmp_path, 3)
    for number, name in spaced.items():
        write(attrs.evolve(gd.read(last_year[number]).report, organ=name), last_year[number])
    index = PreviousReports.from_paths(last_year)
    assert sorted(organ for organ, _ in index.entries) == [organ(n) for n in range(3)]
    for number, result in enumerate(checked(validate_many(this_year, previous=index))):
        paired(result, last_year[number])  # and X0, which compares organs itself, held
    assert organ_key(" 某 县\t第1局\u3000") == organ(1)


def test_two_reports_of_one_organ_and_year_are_ambiguous(tmp_path: Path) -> None:
    this_year, last_year = two_years(tmp_path, 3)
    copy = tmp_path / "last" / "copy.json"
    write(gd.read(last_year[1]).report, copy)
    index = PreviousReports.from_paths(tmp_path / "last")
    key = (organ(1), gd.read(last_year[1]).report.year)
    assert sorted(index.conflicts[key]) == sorted([str(copy), str(last_year[1])])
    items = list(validate_many(this_year, previous=index, jobs=1))
    assert [item.ok for item in items] == [True, False, True]
    error = items[1].error
    assert isinstance(error, BatchError)
    assert "ambiguous" in str(error)
    assert str(copy) in str(error)
    assert str(last_year[1]) in str(error)
    assert items[1].source == str(this_year[1])


def test_files_that_cannot_be_indexed_are_kept_as_problems(tmp_path: Path) -> None:
    two_years(tmp_path, 3)
    folder = tmp_path / "last"
    (folder / "notes.txt").write_text("这不是年度报告", encoding="utf-8")
    (folder / ".hidden.json").write_text("{", encoding="utf-8")
    (folder / "older").mkdir()
    index = PreviousReports.from_paths(folder)
    assert len(index) == 3
    assert [(p.source, type(p.error)) for p in index.problems] == [
        (str(folder / "notes.txt"), ReadError)
    ]


def test_a_previous_file_that_went_away_is_that_report_s_error(tmp_path: Path) -> None:
    this_year, last_year = two_years(tmp_path, 3)
    index = PreviousReports.from_paths(last_year)
    last_year[2].unlink()
    items = list(validate_many(this_year, previous=index, jobs=2))
    assert [item.ok for item in items] == [True, True, False]
    error = items[2].error
    assert isinstance(error, BatchError)
    assert str(last_year[2]) in str(error)
    assert "No such file" in (error.cause or "")


def test_an_index_travels_small_and_is_decoded_once_per_process(tmp_path: Path) -> None:
    _, last_year = two_years(tmp_path, 20)
    index = PreviousReports.from_paths(last_year, jobs=1)
    data = pickle.dumps(index)
    assert len(data) < 200 * len(index)  # the paths, not the reports
    first, again = pickle.loads(data), pickle.loads(data)
    assert first == index
    assert first is again  # a second chunk reuses the first decoding
    assert _restore("another token", index._blob) is not first


def test_what_previous_takes_is_checked() -> None:
    wrong: list[Any] = [42, {"某局": "a.json"}, {("某局", "2022"): "a.json"}]
    for previous in wrong:
        with pytest.raises(OptionError, match=r"previous= takes|keys are"):
            validate_many([], previous=previous)
    with pytest.raises(OptionError, match="must be an AnnualReport"):
        validate_many([], previous={("某局", 2022): 3})
    answer: Any = lambda report: 3  # noqa: E731 (a function that answers wrongly)
    answers = list(validate_many(variants(2), previous=answer, jobs=1))
    assert [type(item.error) for item in answers] == [OptionError, OptionError]
    assert "what previous= returned must be" in str(answers[0].error)
