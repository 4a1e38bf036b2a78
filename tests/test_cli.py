"""The command line: exit codes, paths, output, and the bundled sample content."""

from __future__ import annotations

import subprocess
import sys

from okrdocs import __version__

from .conftest import REPO, SAMPLE_AS_OF, VALID_OKR, TempProject


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "okrdocs", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"okrdocs, version {__version__}"


def test_sample_content_lints_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "okrdocs", "lint", "--as-of", SAMPLE_AS_OF],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("All checks passed (11 files checked).")


def test_the_console_script_ends_with_all_output_and_the_right_status(
    project: TempProject,
) -> None:
    """From the console script, finish() ends the process without tearing the model down:
    output written to a pipe must still arrive whole, with the command's exit status."""
    import json

    project.write("content/sales/q1.md", VALID_OKR.replace("target: 880", "target: lots"))
    for index in range(2, 200):
        project.write(f"content/sales/q{index}.md", VALID_OKR.replace("revenue", f"r{index}"))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "okrdocs", *args],
            cwd=project.root,
            capture_output=True,
            text=True,
        )

    linted = run("lint", "--format", "json", "--as-of", "2027-06-30")
    assert linted.returncode == 1, linted.stderr
    found = json.loads(linted.stdout)  # the whole document arrived
    assert any(d["code"] == "OKR002" for d in found)
    assert len(linted.stdout) > 200_000  # more than a pipe holds (64 KiB)
    built = run("build", "--no-lint", "--as-of", "2026-02-15")
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("Built ") and built.stdout.endswith("index.html\n")
    assert (project.root / "site" / "index.html").is_file()
    # A reader that stops early (| head) gets no traceback.
    head = subprocess.run(
        f"{sys.executable} -m okrdocs lint --format json --as-of 2027-06-30 | head -c 10",
        shell=True,
        cwd=project.root,
        capture_output=True,
        text=True,
    )
    assert len(head.stdout) == 10 and "Traceback" not in head.stderr


def test_the_garbage_collector_is_back_on_after_a_command(project: TempProject) -> None:
    """One-shot commands pause the cyclic collector; a caller embedding the CLI gets it back."""
    import gc

    project.write("content/sales/q1.md", VALID_OKR)
    assert gc.isenabled()
    assert project.run("lint").exit_code == 0
    assert gc.isenabled()
    assert project.run("lint", "content/nowhere.md").exit_code == 2
    assert gc.isenabled()


def test_clean_project_exits_0(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    result = project.run("lint")
    assert result.exit_code == 0
    assert result.stdout == "All checks passed (1 file checked).\n"


def test_problems_exit_1_with_path_line_col_code(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR.replace("target: 880", "target: lots"))
    project.write("content/sales/q2.md", VALID_OKR)
    result = project.run("lint")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "content/sales/q1.md:10:13: OKR002 key_results[0].target must be a number, not the text 'lots'",
        "Found 1 error in 1 of 2 files.",
    ]


def test_paths_relative_to_the_current_folder(project: TempProject, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project.write("content/sales/q1.md", "oops\n")
    monkeypatch.chdir(project.root / "content")
    result = project.run("lint")
    assert result.stdout.startswith("sales/q1.md:1:1: OKR001 ")
    result = project.run("lint", "sales")
    assert result.stdout.startswith("sales/q1.md:1:1: OKR001 ")


def test_explicit_files_and_folders(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    project.write("content/eng/q1.md", "oops\n")
    assert project.run("lint", "content/sales").exit_code == 0
    assert project.run("lint", "content/sales/q1.md").exit_code == 0
    assert project.run("lint", "content/eng/q1.md").exit_code == 1
    assert project.run("lint", "content").exit_code == 1


def test_missing_path_is_a_usage_error(project: TempProject) -> None:
    result = project.run("lint", "content/nope.md")
    assert result.exit_code == 2
    assert result.stderr == "okrdocs: error: content/nope.md: no such file or folder\n"


def test_missing_content_folder_is_a_usage_error(project: TempProject) -> None:
    (project.root / "content").rmdir()
    result = project.run("lint")
    assert result.exit_code == 2
    assert "content folder not found" in result.stderr


def test_unknown_option_exits_2(project: TempProject) -> None:
    assert project.run("lint", "--bogus").exit_code == 2


def test_readme_files_are_excluded_by_default(project: TempProject) -> None:
    project.write("content/README.md", "# About this folder\n")
    project.write("content/sales/q1.md", VALID_OKR)
    assert project.run("lint").exit_code == 0


def test_force_exclude_skips_files_outside_content(project: TempProject) -> None:
    project.write("docs/guide.md", "# Not an OKR\n")
    project.write("content/README.md", "# Not an OKR\n")
    project.write("content/sales/q1.md", VALID_OKR)
    assert project.run("lint", "docs/guide.md").exit_code == 1
    result = project.run(
        "lint", "--force-exclude", "docs/guide.md", "content/README.md", "content/sales/q1.md"
    )
    assert result.exit_code == 0
    assert result.stdout == "All checks passed (1 file checked).\n"


def test_color_on_request(project: TempProject) -> None:
    project.write("content/q1.md", "oops\n")
    result = project.run("lint", "--color")
    assert "\033[31mOKR001\033[0m" in result.stdout
    assert "\033[" not in project.run("lint").stdout


def test_a_full_width_colon_after_a_field_name_is_named_where_it_is(project: TempProject) -> None:
    """A Chinese input method's '：' makes YAML read the line as a value; the error libyaml
    finds is on a later line and does not say why."""
    header = "---\nobjective: 成为华东首选的工业软件供应商\nowner: li.na\nperiod: 2026-Q1\n"
    project.write("content/top.md", header.replace("objective: ", "objective：") + "---\n")
    project.write(
        "content/nested.md",
        header + "key_results:\n  - title: 销售额从 800 到 880\n    target： 880\n---\n",
    )
    result = project.run("lint")
    assert result.exit_code == 1
    message = "OKR001 this field name is followed by a full-width colon '：'"
    assert f"content/top.md:2:10: {message}" in result.stdout
    assert f"content/nested.md:7:11: {message}" in result.stdout
