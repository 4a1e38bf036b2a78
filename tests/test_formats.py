"""Output formats, parsed the way their consumers parse them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from .conftest import VALID_OKR, TempProject

SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0.json"

BAD = VALID_OKR.replace(
    "objective: 成为华东中型制造企业首选的工业软件供应商", "objective: 提高业绩"
).replace("    title: 新签约客户从 0 家增加到 5 家\n", "    title: 开展客户调研，举办活动\n")


@pytest.fixture
def problems(project: TempProject) -> TempProject:
    project.write("content/sales/华东 q1.md", BAD)
    project.write("content/sales/clean.md", VALID_OKR.replace("owner: zhang.wei", "owner: li.na"))
    project.write(
        "content/eng/broken.md",
        "---\nobjective: x\nowner: a\nowner: b\nperiod: 2026-Q1\nkey_results:\n  - title: y\n---\n",
    )
    return project


def test_json(problems: TempProject) -> None:
    result = problems.run("lint", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {tuple(sorted(d)) for d in data} == {
        ("code", "column", "end_column", "end_line", "line", "message", "path", "rule", "severity")
    }
    assert [(d["path"], d["line"], d["code"], d["severity"]) for d in data] == [
        ("content/eng/broken.md", 4, "OKR001", "error"),
        ("content/sales/华东 q1.md", 2, "OKR101", "warning"),
        ("content/sales/华东 q1.md", 19, "OKR203", "warning"),
    ]


def test_sarif_validates_against_the_official_schema(problems: TempProject) -> None:
    result = problems.run("lint", "--format", "sarif")
    document = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    by_id = {r["id"]: r for r in rules}
    assert by_id["OKR203"]["helpUri"].endswith("/rules/OKR203.md")
    assert by_id["OKR203"]["defaultConfiguration"]["level"] == "warning"
    assert "开展" in by_id["OKR203"]["help"]["markdown"]
    result_203 = next(r for r in run["results"] if r["ruleId"] == "OKR203")
    assert rules[result_203["ruleIndex"]]["id"] == "OKR203"
    location = result_203["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/sales/%E5%8D%8E%E4%B8%9C%20q1.md"
    assert location["region"]["startLine"] == 19
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_with_no_results_is_valid(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    result = project.run("lint", "--format", "sarif")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert document["runs"][0]["results"] == []


def test_junit_is_xml_with_one_case_per_file(problems: TempProject) -> None:
    result = problems.run("lint", "--format", "junit")
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {
        "content/eng/broken.md",
        "content/sales/华东 q1.md",
        "content/sales/clean.md",
    }
    assert cases["content/sales/clean.md"].find("failure") is None
    failure = cases["content/sales/华东 q1.md"].find("failure")
    assert failure is not None and failure.get("type") == "OKR101"
    assert "content/sales/华东 q1.md:19:" in (failure.text or "")
    assert suite.get("failures") == "2" and suite.get("tests") == "3"
    assert cases["content/eng/broken.md"].find("failure").get("type") == "OKR001"  # type: ignore[union-attr]


GITHUB_LINE = re.compile(
    r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$"
)


def test_github_annotations(problems: TempProject) -> None:
    result = problems.run("lint", "--format", "github")
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    parsed = [GITHUB_LINE.match(line) for line in lines]
    assert all(parsed), lines
    first = parsed[1]
    assert first is not None
    assert first.group(1) == "warning"
    assert first.group(2) == "content/sales/华东 q1.md"
    assert first.group(7) == "OKR101 objective-vague"


def test_github_is_chosen_on_github_actions(
    problems: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = problems.run("lint")
    assert result.stdout.startswith("::error file=content/eng/broken.md,line=4,col=1,")


def test_github_escapes_properties_and_data() -> None:
    from okrdocs.diagnostics import Diagnostic, Span
    from okrdocs.formats import github

    d = Diagnostic(
        "a,b:c.md", Span(1, 2, 1, 3), "OKR101", "objective-vague", "50% done\nnext", "warning"
    )
    assert github.render([d]) == (
        "::warning file=a%2Cb%3Ac.md,line=1,col=2,endLine=1,endColumn=3,"
        "title=OKR101 objective-vague::50%25 done%0Anext\n"
    )


def test_gitlab_code_quality(problems: TempProject) -> None:
    result = problems.run("lint", "--format", "gitlab")
    issues = json.loads(result.stdout)
    assert len(issues) == 3
    assert {i["severity"] for i in issues} == {"major", "minor"}
    assert len({i["fingerprint"] for i in issues}) == 3
    issue = next(i for i in issues if i["check_name"].startswith("OKR203"))
    assert issue["location"] == {
        "path": "content/sales/华东 q1.md",
        "lines": {"begin": 19, "end": 19},
    }


def test_output_file_keeps_a_summary_on_stderr(problems: TempProject) -> None:
    result = problems.run("lint", "--format", "sarif", "--output-file", "report.sarif")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Found 1 error and 2 warnings in 2 of 3 files.")
    json.loads((problems.root / "report.sarif").read_text(encoding="utf-8"))


def test_fail_on_and_exit_zero(project: TempProject) -> None:
    project.write("content/sales/q1.md", BAD)
    assert project.run("lint").exit_code == 0  # warnings only
    assert project.run("lint", "--fail-on", "warning").exit_code == 1
    assert project.run("lint", "--fail-on", "warning", "--exit-zero").exit_code == 0
    project.write(
        "okrdocs.toml", 'content = "content"\n[lint]\nfail-on = "warning"\nignore = ["OKR106"]\n'
    )
    assert project.run("lint").exit_code == 1


def test_text_summary_counts(problems: TempProject) -> None:
    result = problems.run("lint")
    assert result.stdout.splitlines()[-1] == "Found 1 error and 2 warnings in 2 of 3 files."
    assert "content/sales/华东 q1.md:2:12: OKR101 the objective is too vague" in result.stdout
