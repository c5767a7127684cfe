"""Every format of both examples in both languages, byte for byte as committed.

A failure means the output changed. If you meant it, run ``make golden``
(``python -m tests.golden``), review the diff of ``tests/golden/`` and commit it.
"""

from __future__ import annotations

import difflib

import pytest

from tests import golden


@pytest.mark.parametrize(("fmt", "edition", "locale"), golden.cases())
def test_output_matches_its_golden_file(fmt: str, edition: str, locale: str) -> None:
    expected_path = golden.path(fmt, edition, locale)
    assert expected_path.exists(), f"no golden file {expected_path.name}: run make golden"
    expected, actual = expected_path.read_bytes(), golden.render(fmt, edition, locale)
    if actual != expected and fmt not in golden.BINARY:
        diff = "\n".join(
            difflib.unified_diff(
                expected.decode().splitlines(),
                actual.decode().splitlines(),
                "golden",
                "now",
                lineterm="",
                n=1,
            )
        )
        pytest.fail(f"{expected_path.name} changed (make golden if intended):\n{diff[:3000]}")
    assert actual == expected, f"{expected_path.name} changed (make golden if intended)"
