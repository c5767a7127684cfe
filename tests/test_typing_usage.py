"""The API's types, checked: ``mypy --strict`` over the typed usage file
(``tests/typing_usage.py``) is clean, and a wrong promise there would fail it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure

TESTS = Path(__file__).resolve().parent
#: The package under test (a worktree's own, say), for mypy to read.
SOURCE = str(Path(govdisclosure.__file__).resolve().parent.parent)


def _mypy(path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("mypy", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("mypy is not installed (pip install '.[lint]')")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            os.devnull,
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=TESTS.parent,
        env={**os.environ, "MYPYPATH": SOURCE},
        timeout=600,
    )


def test_the_typed_usage_file_checks_clean() -> None:
    done = _mypy(TESTS / "typing_usage.py")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success" in done.stdout


def test_a_wrong_type_is_caught(tmp_path: Path) -> None:
    # The check above means something only if a wrong promise fails it.
    wrong = tmp_path / "wrong_usage.py"
    wrong.write_text(
        "from typing import assert_type\n"
        "import govdisclosure as gd\n"
        "def f(report: gd.AnnualReport) -> None:\n"
        '    assert_type(gd.render(report, "docx"), str)\n',
        encoding="utf-8",
    )
    done = _mypy(wrong)
    assert done.returncode == 1
    assert 'Expression is of type "bytes", not "str"' in done.stdout
