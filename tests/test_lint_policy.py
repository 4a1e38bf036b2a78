"""Selecting rules, severities, per-file ignores, options, suppressions, and explaining rules."""

from __future__ import annotations

import json

import pytest

from okrdocs.rules import RULES
from okrdocs.rules.docs import rule_page

from .conftest import VALID_OKR, TempProject

ACTIVITY = VALID_OKR.replace("title: 新签约客户从 0 家增加到 5 家", "title: 开展客户调研")


def codes(project: TempProject, *args: str) -> list[tuple[str, int, str, str]]:
    result = project.run("lint", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return [(d["path"], d["line"], d["code"], d["severity"]) for d in json.loads(result.stdout)]


def test_select_and_ignore_on_the_command_line(project: TempProject) -> None:
    project.write("content/sales/q1.md", ACTIVITY.replace("type: committed\n", ""))
    assert {c for _, _, c, _ in codes(project)} == {"OKR105", "OKR203"}
    assert {c for _, _, c, _ in codes(project, "--select", "OKR2")} == {"OKR203"}
    assert {c for _, _, c, _ in codes(project, "--ignore", "kr-is-activity")} == {"OKR105"}
    assert codes(project, "--ignore", "kr-is-activity,OKR105") == []
    assert {c for _, _, c, _ in codes(project, "--select", "OKR2", "--select", "OKR105")} == {
        "OKR105",
        "OKR203",
    }


def test_unknown_selector_is_a_usage_error(project: TempProject) -> None:
    result = project.run("lint", "--select", "OKR999")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "okrdocs: error: --select: unknown rule or prefix 'OKR999'; see 'okrdocs rules'\n"
    )


def test_config_severity_and_off(project: TempProject) -> None:
    project.write("content/sales/q1.md", ACTIVITY)
    project.write(
        "okrdocs.toml",
        'content = "content"\n[lint]\nignore = ["OKR106"]\n[lint.severity]\n'
        'kr-is-activity = "error"\nOKR208 = "off"\n',
    )
    assert codes(project) == [("content/sales/q1.md", 19, "OKR203", "error")]
    assert project.run("lint").exit_code == 1


def test_syntax_errors_cannot_be_switched_off(project: TempProject) -> None:
    project.write("okrdocs.toml", 'content = "content"\n[lint.severity]\nOKR001 = "off"\n')
    result = project.run("lint")
    assert result.exit_code == 2
    assert "OKR001 is always an error" in result.stderr
    project.write("okrdocs.toml", 'content = "content"\n[lint]\nignore = ["OKR0"]\n')
    project.write("content/q1.md", "oops\n")
    assert [c for _, _, c, _ in codes(project)] == ["OKR001"]


def test_per_file_ignores(project: TempProject) -> None:
    project.write("content/sales/q1.md", ACTIVITY)
    project.write("content/archive/old.md", ACTIVITY)
    project.write(
        "okrdocs.toml",
        'content = "content"\n[lint]\nignore = ["OKR106"]\n'
        '[lint.per-file-ignores]\n"content/archive/**" = ["OKR2"]\n',
    )
    assert [(p, c) for p, _, c, _ in codes(project)] == [("content/sales/q1.md", "OKR203")]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[lint.kr-count]\nmaximum = 3\n",
            "lint.kr-count.maximum: unknown option (options: min, max)",
        ),
        ('[lint.kr-count]\nmax = "3"\n', "lint.kr-count.max: expected a whole number"),
        (
            "[lint.kr-cuont]\nmax = 3\n",
            "lint.kr-cuont: unknown rule or lint setting; did you mean 'kr-count'?",
        ),
        (
            '[lint.severity]\nOKR777 = "error"\n',
            "lint.severity.OKR777: unknown rule 'OKR777'; see 'okrdocs rules'",
        ),
        (
            '[lint.not-aligned]\ntop-level = "company"\n',
            "lint.not-aligned.top-level: expected a list of text",
        ),
    ],
)
def test_bad_rule_options_exit_2(project: TempProject, toml: str, message: str) -> None:
    project.write("okrdocs.toml", 'content = "content"\n' + toml)
    result = project.run("lint")
    assert result.exit_code == 2
    assert result.stderr == f"okrdocs: error: okrdocs.toml: {message}\n"


def test_line_suppression_by_code_name_or_bare(project: TempProject) -> None:
    text = ACTIVITY.replace(
        "title: 开展客户调研", "title: 开展客户调研  # okrdocs: ignore[kr-is-activity, OKR205]"
    )
    project.write("content/sales/a.md", text)
    project.write(
        "content/sales/b.md",
        ACTIVITY.replace("title: 开展客户调研", "title: 开展客户调研 # okrdocs: ignore"),
    )
    # OKR205 runs but reports nothing on that line: that part of the suppression is stale.
    assert codes(project) == [("content/sales/a.md", 19, "OKR006", "warning")]
    project.write("content/sales/a.md", text.replace(", OKR205", ""))
    assert codes(project) == []


def test_file_suppression_in_front_matter(project: TempProject) -> None:
    text = ACTIVITY.replace(
        "period: 2026-Q1\n", "period: 2026-Q1\n# okrdocs: ignore-file[OKR203]\n"
    )
    project.write("content/sales/a.md", text)
    assert codes(project) == []


def test_suppression_text_inside_a_value_is_not_a_comment(project: TempProject) -> None:
    text = ACTIVITY.replace("title: 开展客户调研", "title: '开展客户调研#okrdocs: ignore'")
    project.write("content/sales/a.md", text)
    assert {c for _, _, c, _ in codes(project)} == {"OKR203"}


def test_unused_bare_suppression_is_reported(project: TempProject) -> None:
    project.write(
        "content/sales/a.md",
        VALID_OKR.replace("owner: zhang.wei", "owner: zhang.wei  # okrdocs: ignore"),
    )
    assert codes(project) == [("content/sales/a.md", 3, "OKR006", "warning")]


def test_rules_lists_every_rule(project: TempProject) -> None:
    result = project.run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].startswith("OKR001  syntax-error")
    data = json.loads(project.run("rules", "--format", "json").stdout)
    kr_count = next(r for r in data if r["code"] == "OKR204")
    assert kr_count["options"]["max"]["default"] == 5


def test_rule_explains_by_code_or_name(project: TempProject) -> None:
    by_code = project.run("rule", "OKR203")
    by_name = project.run("rule", "kr-is-activity")
    assert by_code.exit_code == 0
    assert by_code.stdout == by_name.stdout == rule_page(RULES["OKR203"])
    for section in ("## What it does", "## Why", "## Example", "## Use instead"):
        assert section in by_code.stdout
    assert "开展" in by_code.stdout and "Launch the self-service portal" in by_code.stdout
    assert project.run("rule", "OKR999").exit_code == 2


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_fully_documented(code: str) -> None:
    rule = RULES[code]
    text = rule.documentation()
    for section in ("## What it does", "## Why", "## Example", "## Use instead"):
        assert section in text, f"{code} lacks {section}"
    assert rule.summary().endswith(".")
