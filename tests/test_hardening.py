"""Hostile and broken input never crashes a command, and never reaches one downstream (issue 11).

Each test here is a regression test for a crash or a loss an audit found; the fuzzers are in
tests/test_fuzz.py.
"""

from __future__ import annotations

import json

import pytest

from .conftest import VALID_OKR, TempProject


def strict_json(text: str) -> dict:  # type: ignore[type-arg]
    """JSON as other parsers read it: Infinity and NaN are not JSON."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in JSON output")

    return json.loads(text, parse_constant=refuse)  # type: ignore[no-any-return]


BAD_NUMBERS = [
    ("baseline: 800", "baseline: -1e400"),
    ("target: 880", "target: 1e400"),
    ("target: 880", "target: 1" + "0" * 400),
    ("target: 880", "target: " + "9" * 5000),
    ("target: 880", "target: 0x" + "f" * 5000),
    ("current: 830", "current: !!float nan"),
    ("confidence: 0.7", "confidence: !!float nan"),
    ("unit: 万元", "unit: 万元\n    weight: 1e400"),
    ("unit: 万元", "unit: 万元\n    weight: !!float inf"),
]


@pytest.mark.parametrize(("old", "new"), BAD_NUMBERS)
def test_a_bad_number_is_a_lint_error_and_left_out_downstream(
    project: TempProject, old: str, new: str
) -> None:
    project.write("content/sales/good.md", VALID_OKR)
    project.write("content/sales/bad.md", VALID_OKR.replace(old, new, 1))
    linted = project.run("lint")
    assert linted.exit_code == 1
    assert "content/sales/bad.md:" in linted.stdout and "OKR002" in linted.stdout
    built = project.run("build", "--no-lint")
    assert built.exit_code == 0, built.output
    assert project.run("status").exit_code == 0
    exported = project.run("export", "--format", "json")
    assert exported.exit_code == 0
    data = strict_json(exported.stdout)
    assert len(data["objectives"]) == 1
    site = strict_json((project.root / "site" / "okrs.json").read_text(encoding="utf-8"))
    assert len(site["objectives"]) == 1
    assert project.run("export", "--format", "csv").exit_code == 0
