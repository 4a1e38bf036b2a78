"""Rule fixtures: one YAML file of passing and failing cases per rule, run through the real CLI.

Each case writes its files into a temporary project and lints them with only the rule under test
selected. Expected problems are marked inline, markdownlint-style, with a YAML comment
``# expect: OKR203`` on the line the diagnostic must point at (several codes: ``# expect: OKR203,
OKR201``). A case passes when the (line, code) pairs reported equal the marked ones.

Case keys: ``name``; ``file`` (one file, content/sales/okr.md) or ``files`` (path -> text);
optional ``config`` (okrdocs.toml text), ``as_of`` (default 2026-02-15), ``args`` (extra CLI
arguments), ``select`` (default: the file's rule).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from okrdocs.cli import cli
from okrdocs.language import has_cjk
from okrdocs.rules import RULES

FIXTURES = Path(__file__).parent / "rules"
_EXPECT = re.compile(r"expect:\s*(OKR\d{3}(?:\s*,\s*OKR\d{3})*)")


def _cases() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("OKR*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return params


def expected(files: dict[str, str]) -> set[tuple[str, int, str]]:
    found = set()
    for rel, text in files.items():
        for number, line in enumerate(text.split("\n"), start=1):
            match = _EXPECT.search(line)
            if match:
                for code in match.group(1).split(","):
                    if code.strip():
                        found.add((rel, number, code.strip()))
    return found


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(
    rule: str, case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = case.get("files") or {"content/sales/okr.md": case["file"]}
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    (tmp_path / "okrdocs.toml").write_text(
        'content = "content"\n' + case.get("config", ""), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    args = [
        "lint",
        "--format",
        "json",
        "--no-cache",
        "--as-of",
        str(case.get("as_of", "2026-02-15")),
        "--select",
        case.get("select", rule),
        *case.get("args", []),
    ]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    reported = {(d["path"], d["line"], d["code"]) for d in json.loads(result.stdout)}
    assert reported == expected(files), result.stdout


def test_every_rule_has_fixtures_in_both_languages() -> None:
    covered = {}
    for path in FIXTURES.glob("OKR*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        covered[data["rule"]] = data["cases"]
    assert set(covered) == set(RULES), f"missing fixtures: {sorted(set(RULES) - set(covered))}"
    for code, cases in covered.items():
        files = [f for c in cases for f in (c["files"].values() if "files" in c else [c["file"]])]
        failing = [f for f in files if _EXPECT.search(f)]
        assert failing and len(failing) < len(files), f"{code} needs passing and failing cases"
        if RULES[code].scope != "loader" or code in ("OKR001", "OKR002"):
            languages = {language for f in failing for language in _flagged_languages(f)}
            assert languages == {"zh", "en"}, f"{code} needs failing cases in Chinese and English"


# Values that are ids, dates or keywords whatever language the OKR is written in.
_FIELDS_IN_ENGLISH = {
    "owner",
    "author",
    "team",
    "id",
    "parent",
    "period",
    "type",
    "date",
    "due",
    "done",
}


def _flagged_languages(text: str) -> set[str]:
    """The language of each line marked with an expectation (the objective's for field names)."""
    objective = re.search(r"^objective:(.*)$", text, re.M)
    default = "zh" if objective and has_cjk(objective.group(1)) else "en"
    found = set()
    for line in text.split("\n"):
        if _EXPECT.search(line):
            key, _, value = line.split("#")[0].strip().lstrip("- ").partition(":")
            value = value.strip()
            if key in _FIELDS_IN_ENGLISH or (
                not re.search(r"[A-Za-z]", value) and not has_cjk(value)
            ):
                found.add(default)
            else:
                found.add("zh" if has_cjk(value) else "en")
    return found
