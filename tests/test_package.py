"""The package as other systems import it: its namespace, its cost, its command line."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure.__main__ import main

ROOT = Path(__file__).resolve().parent.parent


def test_every_public_name_resolves() -> None:
    assert sorted(govdisclosure.__all__) == sorted(govdisclosure._EXPORTS)
    for name in govdisclosure.__all__:
        value = getattr(govdisclosure, name)
        # A submodule with the same name as a function would shadow it once imported.
        assert not isinstance(value, types.ModuleType), name
    assert set(govdisclosure.__all__) <= set(dir(govdisclosure))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        govdisclosure.nope  # noqa: B018


def test_type_checkers_see_the_names_the_package_exports() -> None:
    # The package names each public name twice: as an import for type checkers, and in
    # the table it resolves names from at run time. Both must name the same modules.
    import ast

    source = Path(govdisclosure.__file__).read_text(encoding="utf-8")
    (block,) = (
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    imported = {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    submodules = {name: f"govdisclosure.{name}" for name in govdisclosure._SUBMODULES}
    assert imported == {**govdisclosure._EXPORTS, **dict.fromkeys(submodules, "govdisclosure")}
    for name, module in submodules.items():  # what the package gives as an attribute
        assert getattr(govdisclosure, name) is __import__(module, fromlist=["_"])


def test_importing_loads_neither_docx_nor_babel() -> None:
    code = (
        "import sys, govdisclosure as gd\n"
        "r = gd.loads(gd.dumps(gd.AnnualReport(organ='x', year=2020)))\n"
        "gd.summarize(r)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'babel', 'lxml')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_errors_share_one_root() -> None:
    for name in (
        "CellValueError",
        "JSONFormatError",
        "ReadError",
        "ReportValueError",
        "UnknownLabelError",
    ):
        error = getattr(govdisclosure, name)
        assert issubclass(error, govdisclosure.GovDisclosureError)
        assert issubclass(error, ValueError)


def test_cli_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    govdisclosure.dump(govdisclosure.AnnualReport(organ="某县统计局", year=2022), path)
    assert main(["summary", str(path)]) == 0
    out = capsys.readouterr().out
    assert "某县统计局2022年政府信息公开工作年度报告" in out
    assert "格式：2021年版" in out


def test_cli_reports_a_bad_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    assert main(["summary", str(path)]) == 2  # an input not read: status 2
    assert str(path) in capsys.readouterr().err


def test_python_m_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "govdisclosure", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "summary" in out.stdout


def test_summary_says_the_tables_and_the_rates_in_one_language() -> None:
    report = govdisclosure.load(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    chinese, english = govdisclosure.summarize(report), govdisclosure.summarize(report, "en")
    # The sentences are describe()'s, the rates indicators()' over all applicants.
    assert govdisclosure.describe(report) in chinese
    assert govdisclosure.describe(report, "en") in english
    rate = govdisclosure.indicators(report).get("disclosure_rate", "total")
    assert f"公开率 {rate.display()}" in chinese
    assert f"Disclosure rate {rate.display()}" in english
    # One language each: no Chinese label in the English lines but the organ's name
    # and the document number, no English word in the Chinese.
    assert "Organ: " in english
    assert "机关：" not in english
    assert not re.search("[A-Za-z]{3,}", chinese)


def test_summary_never_writes_a_blank_as_zero() -> None:
    reviews = govdisclosure.ReviewTable.zeros(govdisclosure.Edition.V2019).with_row(
        "行政复议", [None] * 5
    )
    report = govdisclosure.AnnualReport(organ="某县民政局", year=2020, reviews=reviews)
    text = govdisclosure.summarize(report)
    assert "复议纠错率 —" in text  # not computable, never 0.0%
    assert "行政复议0件" not in text
    assert "复议" not in text.splitlines()[2]


def test_cli_check_prints_findings_and_fails_on_errors(capsys: pytest.CaptureFixture[str]) -> None:
    good = str(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    broken = str(ROOT / "examples" / "broken" / "zhongning-minzheng-2020-broken.json")
    assert main(["check", good]) == 0
    assert "错误 0 项" in capsys.readouterr().out
    assert main(["check", good, broken]) == 1
    out = capsys.readouterr().out
    assert "三、（七）总计·自然人 填报为 3，各项之和为 2（相差 +1）" in out
    assert main(["check", broken, "--select", "R5", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "Table 4, Administrative litigation / Sued directly" in out
    assert "R2" not in out


def test_cli_check_with_a_previous_report_and_bad_arguments(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = str(ROOT / "examples" / "shiyan-ziranziyuan-2022.json")
    missing = str(tmp_path / "missing.json")
    assert main(["check", good, "--previous", missing]) == 2
    assert "missing.json" in capsys.readouterr().err
    assert main(["check", good, "--select", "NO-SUCH-RULE"]) == 2  # usage
    assert "NO-SUCH-RULE" in capsys.readouterr().err


def test_cli_never_overwrites_an_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "r.json"
    govdisclosure.dump(govdisclosure.AnnualReport(organ="某县统计局", year=2022), source)
    source.write_text(source.read_text("utf-8") + "\n", encoding="utf-8")  # not as dumps writes
    before = source.read_bytes()
    assert main(["read", str(source), "-o", str(tmp_path)]) == 2
    assert main(["render", str(source), "-f", "json", "-f", "text", "-o", str(tmp_path)]) == 2
    assert source.read_bytes() == before
    assert capsys.readouterr().err.count("it is one of the inputs") == 2
    assert (tmp_path / "r.zh_CN.txt").exists()  # the other outputs are written


def test_cli_writes_files_with_the_users_umask(tmp_path: Path) -> None:
    source = ROOT / "examples" / "zhongning-minzheng-2020.json"
    mask = os.umask(0o027)
    try:
        assert main(["render", str(source), "-f", "html", "-o", str(tmp_path)]) == 0
        assert main(["read", str(source), "-o", str(tmp_path / "read")]) == 0
    finally:
        os.umask(mask)
    written = [*tmp_path.glob("*.html"), *(tmp_path / "read").glob("*.json")]
    assert len(written) == 3
    assert {stat.S_IMODE(path.stat().st_mode) for path in written} == {0o640}


def test_cli_stops_quietly_when_the_reader_of_its_output_does() -> None:
    # `govdisclosure summary … | head -1`: no traceback once head has gone.
    examples = sorted(str(path) for path in (ROOT / "examples").glob("*.json"))
    command = [sys.executable, "-m", "govdisclosure", "summary", *examples * 20]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as head does once it has its line
        errors = process.stderr.read()
        status = process.wait()
    assert errors == b""
    assert status in (0, 141)


def test_examples_are_named_by_str_and_unknown_names_say_what_there_is() -> None:
    assert govdisclosure.examples.load("zhongning-minzheng-2020").organ == "中宁县民政局"
    with pytest.raises(govdisclosure.OptionError, match="did you mean 'county'"):
        govdisclosure.examples.path("countyy")
    with pytest.raises(govdisclosure.OptionError, match="named by a str"):
        govdisclosure.examples.load(3)  # type: ignore[arg-type]
