"""Real teams at the edges: init, new, config, messages (issue 13). Each test failed before."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from okrdocs.cli import cli

from .conftest import VALID_OKR, TempProject

AS_OF = "2026-11-27"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_init_writes_real_text_comments_and_next_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = invoke("init", "okrs", "--as-of", AS_OF)
    assert code == 0, output
    folder = tmp_path / "okrs"
    sample = (folder / "content/product/2026-q4-onboarding.md").read_text(encoding="utf-8")
    assert "{" not in sample.split("---")[-1]  # the body is text, not a template placeholder
    assert "Why it matters" in sample
    pre_commit = (folder / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    workflow = (folder / ".github/workflows/okrs.yml").read_text(encoding="utf-8")
    assert "copy to" not in pre_commit.splitlines()[0]
    assert "copy to" not in workflow.splitlines()[0]
    assert output.strip().endswith(
        "Next: cd okrs && okrdocs lint && okrdocs serve; git init && pre-commit install."
    )


def test_init_appends_to_an_existing_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("node_modules/\n.okrdocs-cache/\n", encoding="utf-8")
    code, output = invoke("init", str(tmp_path), "--as-of", AS_OF)
    assert code == 0
    assert f"updated {tmp_path / '.gitignore'}" in output
    text = (tmp_path / ".gitignore").read_text(encoding="utf-8")
    assert text.startswith("node_modules/\n.okrdocs-cache/\n")
    assert "/site/" in text.splitlines() and text.count(".okrdocs-cache/") == 1


def test_new_outside_a_project_refuses_instead_of_creating_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = invoke(
        "new", "--objective", "Make onboarding effortless", "--owner", "ada",
        "--no-interactive", "--as-of", AS_OF,
    )  # fmt: skip
    assert code == 2
    assert "no okrdocs project here" in output and "okrdocs init" in output
    assert list(tmp_path.iterdir()) == []


def test_new_reads_the_unit_after_the_target(project: TempProject) -> None:
    result = project.run(
        "new", "--objective", "Make onboarding effortless", "--owner", "ada", "--team", "eng",
        "--kr", "Cut median onboarding time from 45 to 10 minutes",
        "--kr", "新签约客户从 0 家增加到 5 家", "--no-interactive",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = next(project.content.rglob("*.md")).read_text(encoding="utf-8")
    assert "baseline: 45\n  target: 10\n  unit: minutes" in text
    assert "baseline: 0\n  target: 5\n  unit: 家" in text


def test_a_config_saved_as_gbk_or_with_a_bom(project: TempProject) -> None:
    config = project.root / "okrdocs.toml"
    config.write_bytes('content = "content"\ntitle = "张伟的 OKR"\n'.encode("gb18030"))
    result = project.run("lint")
    assert result.exit_code == 2
    assert result.stderr == (
        "okrdocs: error: okrdocs.toml: line 2 is not UTF-8 (it looks like GBK/GB18030, as "
        "Chinese Windows editors save it); save the file as UTF-8\n"
    )
    config.write_bytes(b'\xef\xbb\xbfcontent = "content"\n')
    assert project.run("lint").exit_code == 0


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "due: 2026-01-31",
            "due: 2026/01/31",
            "'2026/01/31' is not valid; write a date as YYYY-MM-DD",
        ),
        ("confidence: 0.7", "confidence: 70%", "write a share: 0.7 for 70%"),
        ("current: 830", "current: .inf", "write a finite number, such as 850"),
    ],
)
def test_messages_say_what_to_write(project: TempProject, old: str, new: str, message: str) -> None:
    project.write("content/sales/q1.md", VALID_OKR.replace(old, new, 1))
    result = project.run("lint", "--select", "OKR002")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "OKR002" in line]
    assert len(lines) == 1, lines  # one message, not a second, wrong one
    assert message in lines[0]


def test_full_width_digits_in_a_file_are_numbers(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR.replace("baseline: 800", "baseline: ８００"))
    assert project.run("lint", "--select", "OKR002").exit_code == 0


def test_the_build_summary_counts_every_file_read(project: TempProject) -> None:
    for name in ("a", "b", "c"):
        project.write(f"content/sales/{name}.md", VALID_OKR)
    project.write("content/sales/d.md", VALID_OKR.replace("target: 880", "target: lots"))
    result = project.run("build")
    assert result.exit_code == 1
    assert "in 1 of 4 files." in result.stderr


def test_a_bad_date_in_the_environment_names_the_variable(
    project: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OKRDOCS_AS_OF", "yesterday")
    result = project.run("lint")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "okrdocs: error: OKRDOCS_AS_OF: 'yesterday' is not a date; use YYYY-MM-DD\n"
    )


def test_mistyped_rule_names_get_a_suggestion(project: TempProject) -> None:
    project.write("okrdocs.toml", 'content = "content"\n[lint.kr-cuont]\nmax = 3\n')
    result = project.run("lint")
    assert result.exit_code == 2 and "did you mean 'kr-count'?" in result.stderr
    project.write("okrdocs.toml", 'content = "content"\n[lint]\nignore = ["not-aligned"]\n')
    project.write(
        "content/sales/q1.md",
        VALID_OKR.replace(
            "owner: zhang.wei\n", "owner: zhang.wei  # okrdocs: ignore[objective-vauge]\n"
        ),
    )
    result = project.run("lint")
    assert (
        "names an unknown rule 'objective-vauge'; did you mean 'objective-vague'?" in result.stdout
    )


def test_the_pre_commit_hook_runs_as_one_process() -> None:
    import yaml

    from .conftest import REPO

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["require_serial"] is True


def test_schema_errors_and_quality_warnings_come_in_one_round(project: TempProject) -> None:
    project.write(
        "content/sales/q4.md",
        "---\nobjective: 提高业绩\nowner: zhang.wei\nperiod: 2026-Q1\ntype: committed\n"
        "key_results:\n"
        "  - id: revenue\n    title: 季度销售额从 800 万元增长到 880 万元\n"
        "    baseline: 800\n    target: 880万\n    unit: 万元\n"
        "  - id: research\n    title: 开展华东制造业市场调研\n    ownr: wang.fang\n"
        "    type: milestone\n---\n",
    )
    result = project.run("lint", "--select", "OKR002,OKR101,OKR203,OKR206")
    codes = [line.split()[1] for line in result.stdout.splitlines()[:-1]]
    assert sorted(codes) == ["OKR002", "OKR002", "OKR101", "OKR203"], result.stdout
    # The key result with the wrong target gets no advice built on the wrong number.
    assert "OKR206" not in result.stdout
    # The file is still invalid: nothing downstream sees it.
    assert project.run("build", "--no-lint", "-q").exit_code == 0
    assert not (project.root / "site/objectives/sales/q4.html").exists()
