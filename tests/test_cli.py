"""The command line as a new user meets it: what it accepts, what it writes and where,
what it refuses, and its exit statuses (issue 14's list, each a test)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.cli import main
from tests.batch_sources import write_many

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "zhongning-minzheng-2020.json"
GOOD = ROOT / "examples" / "shiyan-ziranziyuan-2022.json"
BROKEN = ROOT / "examples" / "broken" / "zhongning-minzheng-2020-broken.json"
SOURCE = ROOT / "examples" / "sources" / "zhongning-minzheng-2020.txt"


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def test_render_in_the_inputs_folder_never_replaces_the_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _copy(SEED, tmp_path / "x.json")
    before = source.read_bytes()
    monkeypatch.chdir(tmp_path)
    assert main(["render", "x.json"]) == 2  # the default -o is "."
    assert source.read_bytes() == before
    assert "x.json: not written, it is one of the inputs" in capsys.readouterr().err
    assert (tmp_path / "x.zh_CN.docx").exists()  # the rest is written
    # --force replaces what a run wrote before, never an input.
    assert main(["render", "x.json", "-f", "html"]) == 2
    assert "x.zh_CN.html: not written, it exists (--force replaces it)" in capsys.readouterr().err
    assert main(["render", "x.json", "-f", "html", "--force"]) == 0
    assert main(["render", "x.json", "--force"]) == 2
    assert source.read_bytes() == before


@pytest.mark.parametrize("out", ["file", "/proc/self"])
def test_an_output_that_cannot_be_written_is_said_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str
) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    target = str(tmp_path / out) if out == "file" else out
    assert main(["render", str(SEED), "-f", "json", "-o", target]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"govdisclosure: {target}")
    assert "Traceback" not in err


def test_render_piped_into_head_writes_every_file(tmp_path: Path) -> None:
    command = (
        f"{sys.executable} -m govdisclosure render {SEED} -f html -f text -o {tmp_path}/out"
        " | head -1"
    )
    done = subprocess.run(
        ["bash", "-c", command], check=False, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in done.stderr
    assert len(done.stdout.splitlines()) == 1
    assert len(list((tmp_path / "out").iterdir())) == 4  # html and text, zh_CN and en


def test_languages_are_checked_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", str(SEED), "--lang", "fr"])
    assert exited.value.code == 2
    assert "unsupported language 'fr'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["render", str(SEED), "--lang", "zh_CN,fr", "-o", str(tmp_path)])
    # Two languages, comma-separated, are two files each, not one named "zh_CN,en".
    assert main(["render", str(SEED), "-f", "text", "--lang", "zh_CN,en", "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "zhongning-minzheng-2020.en.txt",
        "zhongning-minzheng-2020.zh_CN.txt",
    ]


def test_formats_are_named_by_their_extensions_too(tmp_path: Path) -> None:
    assert (
        main(["render", str(SEED), "-f", "md", "-f", "txt", "--lang", "en", "-o", str(tmp_path)])
        == 0
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "zhongning-minzheng-2020.en.md",
        "zhongning-minzheng-2020.en.txt",
    ]
    assert main(["read", str(SOURCE), "-f", "txt", "-o", str(tmp_path / "read")]) == 0


def test_two_inputs_of_one_name_write_two_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _copy(SOURCE, tmp_path / "a" / "x.txt")
    second = _copy(SOURCE, tmp_path / "b" / "x.txt")
    out = tmp_path / "out"
    assert main(["read", str(first), str(second), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["x-2.json", "x.json"]
    assert f"{second}: written as {out / 'x-2.json'}" in capsys.readouterr().err


def test_folders_are_read_with_their_structure(tmp_path: Path) -> None:
    _copy(SOURCE, tmp_path / "in" / "county" / "x.txt")
    _copy(SEED, tmp_path / "in" / "y.json")
    (tmp_path / "in" / "notes.odt").write_bytes(b"not a format")  # skipped
    (tmp_path / "in" / ".hidden.txt").write_text("skipped", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["read", str(tmp_path / "in"), "-o", str(out)]) == 0
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["county/x.json", "y.json"]


def test_exit_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(GOOD)]) == 0
    assert main(["check", str(GOOD), str(BROKEN)]) == 1
    assert main(["check", str(GOOD), str(BROKEN), "--fail-on", "never"]) == 0
    # An info is no warning: the good report passes --fail-on warning.
    assert main(["check", str(GOOD), "--fail-on", "warning"]) == 0
    # An input not read, a --previous not read: 2, the others checked all the same.
    assert main(["check", str(GOOD), str(tmp_path / "missing.json")]) == 2
    assert main(["check", str(GOOD), "--previous", str(tmp_path / "missing.json")]) == 2
    out = capsys.readouterr().out
    assert out.count(f"== {GOOD}") == 6
    with pytest.raises(SystemExit) as exited:
        main(["check"])
    assert exited.value.code == 2


def test_a_batch_ends_with_a_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", str(GOOD), str(BROKEN), str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err
    assert "2 reports: 2 checked, 1 with errors, 0 with warnings only, 0 could not be read" in err


def test_help_names_formats_rules_defaults_and_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"govdisclosure {gd.__version__}"
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = capsys.readouterr().out
    for expected in ("arithmetic:", "R3", "cross-year:", "X1", "(default: error)", "exit status"):
        assert expected in text
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"rendered: {', '.join(gd.available_formats('render'))}" in text
    assert "(default: all)" in text


def test_read_says_what_its_notes_mean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(SOURCE), "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "read from text: 1 cell printed empty; 22 labels matched despite their printing" in out


# --- findings and tables as data ------------------------------------------------------------


def test_check_writes_findings_as_data_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import json

    missing = str(tmp_path / "missing.json")
    for fmt in ("json", "jsonl", "csv", "xlsx"):
        target = tmp_path / f"findings.{fmt}"
        status = main(
            ["check", str(GOOD), str(BROKEN), missing, "--format", fmt, "-o", str(target)]
        )
        assert status == 2  # the missing input; the rest is written all the same
        assert target.stat().st_size > 0
    capsys.readouterr()
    data = json.loads((tmp_path / "findings.json").read_text("utf-8"))
    assert [entry["status"] for entry in data] == ["checked", "checked"]
    broken = data[1]["result"]
    assert broken["valid"] is False
    assert any(f["rule"] == "R2" and f["difference"] == 1 for f in broken["findings"])
    lines = (tmp_path / "findings.jsonl").read_text("utf-8").splitlines()
    rules = {json.loads(line)["rule"] for line in lines}
    assert {"R2", "R3"} <= rules
    with (tmp_path / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["来源", "机关", "年度"]
    assert len(rows) == len(lines) + 1  # the same findings, a header above


def test_check_to_standard_output_in_csv_and_an_unreadable_source_as_a_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report", encoding="utf-8")
    assert main(["check", str(BROKEN), str(bad), "--format", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert str(bad) in captured.err
    import json

    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert rows[-1]["status"] == "unreadable"
    assert rows[-1]["source"] == str(bad)


def test_check_never_replaces_an_existing_findings_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "findings.csv"
    target.write_text("kept", encoding="utf-8")
    assert main(["check", str(GOOD), "--format", "csv", "-o", str(target)]) == 2
    assert target.read_text("utf-8") == "kept"
    assert main(["check", str(GOOD), "--format", "csv", "-o", str(target), "--force"]) == 0
    assert target.read_text("utf-8-sig").startswith("来源,")


def test_export_writes_tidy_and_wide_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv

    assert main(["export", str(SEED), str(GOOD), "-o", str(tmp_path / "cells.csv")]) == 0
    with (tmp_path / "cells.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["来源"] for row in rows} == {str(SEED), str(GOOD)}
    # Reports of two editions make no one wide table unless asked for both editions' cells.
    assert main(["export", str(SEED), str(GOOD), "--wide", "-o", str(tmp_path / "w.csv")]) == 2
    assert "give --union" in capsys.readouterr().err
    assert not (tmp_path / "w.csv").exists()
    wide = ["export", str(SEED), str(GOOD), "--wide", "--union", "--lang", "en"]
    assert main([*wide, "--to", "xlsx", "-o", str(tmp_path / "w.xlsx")]) == 0
    openpyxl = pytest.importorskip("openpyxl", reason="Excel needs the xlsx extra")
    book = openpyxl.load_workbook(tmp_path / "w.xlsx")
    try:
        sheet = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    assert len(sheet) == 3  # a header, a row a report
    # The indicators come last, as numbers (a ratio), empty where not computable.
    rates = {
        header: [row[at] for row in sheet[1:]]
        for at, header in enumerate(sheet[0])
        if str(header).startswith("Disclosure rate")
    }
    assert rates["Disclosure rate (Total)"][0] is None  # the seed received no application
    assert isinstance(rates["Disclosure rate (Total)"][1], float)
    assert 0 < rates["Disclosure rate (Total)"][1] <= 1
    lean = ["export", str(GOOD), "--wide", "--no-indicators", "-o", str(tmp_path / "lean.csv")]
    assert main(lean) == 0
    assert "公开率" not in (tmp_path / "lean.csv").read_text("utf-8-sig")
    assert main(["export", str(GOOD), "--wide", "-o", str(tmp_path / "rates.csv")]) == 0
    assert "公开率（总计）" in (tmp_path / "rates.csv").read_text("utf-8-sig")


def test_a_bug_is_said_on_one_line_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govdisclosure.cli import commands, made

    def broken(*args: object, **options: object) -> str:
        raise ZeroDivisionError("division by zero")

    # In the work on one source: that source's error, the others go on.
    monkeypatch.setattr(made, "summarize", broken)
    assert main(["summary", str(SEED), str(GOOD)]) == 2
    err = capsys.readouterr().err
    assert err.count("ZeroDivisionError: division by zero) (please report it;") == 2
    assert "Traceback" not in err
    monkeypatch.setenv("GOVDISCLOSURE_DEBUG", "1")
    assert main(["summary", str(SEED)]) == 2
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert "raise ZeroDivisionError" in err  # where it happened
    monkeypatch.delenv("GOVDISCLOSURE_DEBUG")
    # Anywhere else: the command stops, saying so on one line.
    monkeypatch.setattr(commands, "read_items", broken)
    assert main(["summary", str(SEED)]) == 2
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: division by zero (please report it" in err
    assert "Traceback" not in err


def test_summary_speaks_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    example = ROOT / "examples" / "shiyan-ziranziyuan-2022.json"
    assert main(["summary", str(example), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert gd.summarize(gd.load(example), "en") in out
    with pytest.raises(SystemExit) as exited:
        main(["summary", str(example), "--lang", "fr"])
    assert exited.value.code == 2
    assert "unsupported language 'fr'" in capsys.readouterr().err


# --- summaries ------------------------------------------------------------------------------

COUNTY = ROOT / "examples" / "county"
DEPARTMENTS = [str(COUNTY / f"{name}-2020.json") for name in ("jiaoyu", "minzheng", "weijian")]


def test_aggregate_writes_the_summary_and_says_its_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "county.json"
    assert main(["aggregate", *DEPARTMENTS, "--organ", "示例县", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    # The department that left 行政复议 blank is named; its blanks did not become zeros.
    assert "[blank] 四、行政复议·总计：示例县民政局 未填写" in out
    summary = gd.load(target)
    assert summary.title == "示例县2020年政府信息公开工作年度报告"
    assert summary.scope.organs == tuple(gd.load(p).organ for p in DEPARTMENTS)
    # Checked against its parts, every cell the parts filled holds; the blank ones cannot
    # be checked, and say so.
    assert main(["check", str(target), "--select", "hierarchy", "--parts", str(COUNTY)]) == 1
    # The folder holds the published summary too, which is no part of itself: the scope
    # rule names it, and the sums are off by its figures.
    assert "H1   汇总范围 与所给下级报告不一致：未列出 示例县" in capsys.readouterr().out
    parts = [arg for path in DEPARTMENTS for arg in ("--parts", path)]
    assert main(["check", str(target), "--select", "hierarchy", *parts]) == 0
    assert "H2   四、行政复议·总计 无法与下级报告核对" in capsys.readouterr().out


def test_aggregate_refuses_the_same_organ_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["aggregate", DEPARTMENTS[0], DEPARTMENTS[0], "--organ", "示例县"]
    assert main([*argv, "-o", str(tmp_path / "x.json")]) == 2
    assert "示例县教育局" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_render_of_every_format_leaves_out_one_not_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # what an absent package imports as
    assert main(["render", str(SEED), "--lang", "en", "-o", str(tmp_path)]) == 0
    assert "xlsx left out: writing" in capsys.readouterr().err
    suffixes = sorted(p.suffix for p in tmp_path.iterdir())
    assert suffixes == [".docx", ".html", ".json", ".md", ".txt"]
    # Asked for by name, a format that cannot be written is an error.
    assert main(["render", str(SEED), "-f", "xlsx", "-o", str(tmp_path / "x")]) == 2


def test_compare_sets_last_year_beside_this_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = gd.load(SEED)
    this = attrs.evolve(
        last,
        year=2021,
        applications=last.applications.with_cell("一、本年新收政府信息公开申请数量", "自然人", 5),
    )
    gd.dump(this.with_totals(), tmp_path / "this.json")
    argv = ["compare", str(SEED), str(tmp_path / "this.json"), "--changes-only"]
    assert main(argv) in (0, 1)
    out = capsys.readouterr().out
    assert "三、本年新收政府信息公开申请数量·自然人" in out
    assert main([*argv, "--format", "csv", "-o", str(tmp_path / "c.csv")]) in (0, 1)
    assert (tmp_path / "c.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_check_pairs_each_report_with_last_years_from_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = tmp_path / "2019"
    last.mkdir()
    gd.dump(attrs.evolve(gd.load(SEED), year=2019), last / "old.json")
    argv = ["check", str(SEED), str(GOOD), "--previous-dir", str(last), "--format", "jsonl"]
    assert main(argv) == 0
    import json

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    paired = {row["source"]: row["previous"] for row in rows}
    assert paired[str(SEED)] == str(last / "old.json")  # the same organ, a year before
    # Another organ: no report of last year, no cross-year rules.
    assert all(row["previous"] is None for row in rows if row["source"] == str(GOOD))
    assert any(row["rule"] == "X4" for row in rows)  # the tables are last year's


def test_check_reuse_finds_departments_copying_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = gd.load(GOOD)
    gd.dump(base, tmp_path / "a.json")
    gd.dump(attrs.evolve(base, organ="示例县交通运输局"), tmp_path / "b.json")
    gd.dump(gd.load(SEED), tmp_path / "c.json")  # its own words
    assert main(["check", str(tmp_path), "--format", "jsonl", "--fail-on", "never"]) == 0
    assert '"B1"' not in capsys.readouterr().out  # only when asked: it holds the batch
    command = ["check", str(tmp_path), "--reuse", "--format", "jsonl", "--fail-on", "never"]
    assert main(command) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    copied = [row for row in rows if row["rule"] == "B1"]
    assert {row["source"] for row in copied} == {str(tmp_path / "b.json")}
    assert all("示例县自然资源局" in row["message_zh"] for row in copied)
    assert any(row["section"] == "problems" for row in copied)
    # --ignore leaves it out, as any rule.
    assert main([*command, "--ignore", "batch"]) == 0
    assert '"B1"' not in capsys.readouterr().out


def test_check_never_writes_over_an_input_by_another_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _copy(SEED, tmp_path / "in" / "x.json")
    before = source.read_bytes()
    (tmp_path / "hard.json").hardlink_to(source)
    (tmp_path / "soft.json").symlink_to(source)
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    (tmp_path / "also-nowhere.json").symlink_to(tmp_path / "nowhere.json")
    names = ["hard.json", "soft.json", "in/../in/x.json"]
    for name in names:
        target = str(tmp_path / name)
        assert main(["check", str(tmp_path / "in"), "-o", target, "--force"]) == 2
        assert "not written, it is one of the inputs" in capsys.readouterr().err
    assert source.read_bytes() == before
    # Where an input that is a dangling link points is an input's place too.
    inputs = [str(tmp_path / "in"), str(tmp_path / "dangling.json")]
    assert main(["check", *inputs, "-o", str(tmp_path / "also-nowhere.json"), "--force"]) == 2
    assert "not written, it is one of the inputs" in capsys.readouterr().err
    assert not (tmp_path / "nowhere.json").exists()
    assert main(["check", str(tmp_path / "in"), "-o", str(tmp_path / "out.txt")]) == 0


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "xlsx"])
def test_check_writes_the_same_bytes_on_workers_as_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # Each report's part of the output is made where it is checked: on a pool, in the
    # workers. An unreadable source among them is written here, in its place.
    folder = tmp_path / "reports"
    write_many(folder, 6)
    (folder / "00003.txt").write_text("not a report", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"findings-{jobs}.{fmt}"
        assert main(["check", str(folder), "--format", fmt, "-o", str(target), "--jobs", jobs]) == 2
        outputs.append(target.read_bytes())
        assert "00003.txt" in capsys.readouterr().err
    assert outputs[0] == outputs[1]
    assert b"00003.txt" in outputs[0] or fmt in ("text", "xlsx")


@pytest.mark.parametrize("command", ["render", "read"])
def test_render_and_read_write_the_same_files_on_workers_as_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # Each file is made where its document is read (in the workers of a pool) and
    # written here.
    folder = tmp_path / "reports"
    write_many(folder, 5)
    made = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        options = ["-f", "docx", "-f", "text"] if command == "render" else ["--notes"]
        assert main([command, str(folder), *options, "-o", str(out), "--jobs", jobs]) == 0
        made[jobs] = {p.name: p.read_bytes() for p in out.iterdir()}
        said = capsys.readouterr().out
        assert said.count(str(out)) == len(made[jobs])
    assert made["1"] == made["2"]
    assert len(made["1"]) == (20 if command == "render" else 5)


def test_a_rendering_that_fails_is_that_files_error_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govdisclosure.cli import made

    def no_html(report: gd.AnnualReport, fmt: str, *, locale: str = "zh_CN") -> str | bytes:
        if fmt == "html":
            raise gd.ReportValueError("no HTML today")
        return gd.render(report, fmt, locale=locale)

    monkeypatch.setattr(made, "render", no_html)
    status = main(["render", str(SEED), "-f", "html", "-f", "json", "-o", str(tmp_path)])
    assert status == 2
    err = capsys.readouterr().err
    assert "zhongning-minzheng-2020.zh_CN.html: not written: no HTML today" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zhongning-minzheng-2020.json"]


def test_a_progress_bar_on_a_terminal_starts_no_thread(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A thread beside the main one would keep a pool from forking its workers: it would
    # start a fork server (a new interpreter) for every batch shown with a bar.
    import io
    import threading

    pytest.importorskip("tqdm", reason="the bar needs the progress extra (tqdm)")
    from govdisclosure.batch.pools import start_method
    from govdisclosure.cli.progress import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    before = threading.active_count(), start_method()  # other tests may have left threads
    seen = [
        (threading.active_count(), start_method())
        for _ in progress(range(3), total=3, what="check")
    ]
    assert "check" in terminal.getvalue()  # a bar was drawn
    assert seen == [before] * 3


#: The command line with a summary that never ends for one organ (in C, the interpreter's
#: lock held), in a fresh interpreter: one thread, so that its pool forks its workers,
#: and they have the patched summary.
STUCK = """
import re, sys
from govdisclosure.cli import made, main

def stuck(report, lang):
    if report.organ == "某县第1局":
        re.match(r"(a+)+$", "a" * 64 + "b")
    return report.organ

made.summarize = stuck
sys.exit(main(sys.argv[1:]))
"""


def test_a_file_that_takes_too_long_is_said_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    write_many(folder, 4)
    script = tmp_path / "stuck.py"
    script.write_text(STUCK, encoding="utf-8")
    command = [sys.executable, str(script), "summary", str(folder), "--timeout", "1", "-j", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert "00001.txt: took longer than the batch's timeout (1 s) and was stopped" in done.stderr
    assert "Traceback" not in done.stderr
    assert [line for line in done.stdout.splitlines() if line.startswith("== ")] == [
        f"== {folder / name}" for name in ("00000.json", "00002.json", "00003.txt")
    ]
    with pytest.raises(SystemExit) as usage:
        main(["summary", str(folder), "--timeout", "0"])
    assert usage.value.code == 2
    assert "a number of seconds above 0; got '0'" in capsys.readouterr().err


@pytest.mark.parametrize("folder", [".", "./in/", "in//county/.."])
def test_a_folders_files_are_named_as_paths_spell_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    folder: str,
) -> None:
    _copy(SEED, tmp_path / "in" / "y.json")
    (tmp_path / "in" / "county").mkdir()
    monkeypatch.chdir(tmp_path if folder != "." else tmp_path / "in")
    assert main(["check", folder]) == 0
    named = [line for line in capsys.readouterr().out.splitlines() if line.startswith("== ")]
    assert named == [f"== {Path(folder, 'y.json')}"]
