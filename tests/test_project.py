"""Cross-file checks: duplicate ids, unknown parents, cycles; partial runs."""

from __future__ import annotations

from datetime import date

import pytest

from okrdocs.config import load_config
from okrdocs.workspace import Workspace

from .conftest import VALID_OKR, TempProject


def okr(object_id: str | None = None, parent: str | None = None) -> str:
    head = ""
    if object_id:
        head += f"id: {object_id}\n"
    if parent:
        head += f"parent: {parent}\n"
    return VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\n" + head, 1)


def codes(project: TempProject, *paths: str) -> list[tuple[str, int, int, str]]:
    config = load_config(start=project.root)
    files = [project.root / p for p in paths] if paths else None
    workspace = Workspace(config, date(2026, 2, 15), cwd=project.root).load(files)
    return [(d.path, d.line, d.column, d.code) for d in workspace.diagnostics]


def test_duplicate_ids_across_files(project: TempProject) -> None:
    project.write("content/a.md", okr("sales/x"))
    project.write("content/sales/x.md", VALID_OKR)  # default id sales/x
    # Reported where the id was written, naming the other file.
    assert codes(project) == [("content/a.md", 4, 5, "OKR003")]
    result = project.run("lint")
    assert "objective id 'sales/x' is already used by content/sales/x.md" in result.stdout


def test_duplicate_explicit_ids_are_reported_in_both_files(project: TempProject) -> None:
    project.write("content/a.md", okr("x"))
    project.write("content/b.md", okr("x"))
    assert codes(project) == [("content/a.md", 4, 5, "OKR003"), ("content/b.md", 4, 5, "OKR003")]


def test_unknown_parent_with_suggestion(project: TempProject) -> None:
    project.write("content/company/growth.md", VALID_OKR)
    project.write("content/sales/q1.md", okr(parent="company/growht"))
    result = project.run("lint")
    assert result.exit_code == 1
    assert (
        "content/sales/q1.md:4:9: OKR004 parent 'company/growht' is not the id of any objective; "
        "did you mean 'company/growth'?" in result.stdout
    )


def test_parent_cycle(project: TempProject) -> None:
    project.write("content/a.md", okr("a", "b"))
    project.write("content/b.md", okr("b", "c"))
    project.write("content/c.md", okr("c", "a"))
    project.write("content/d.md", okr("d", "a"))  # points into the cycle: not itself in it
    found = codes(project)
    assert [(p, c) for p, _, _, c in found] == [
        ("content/a.md", "OKR005"),
        ("content/b.md", "OKR005"),
        ("content/c.md", "OKR005"),
    ]
    result = project.run("lint")
    assert "a → b → c → a" in result.stdout


def test_self_parent_is_a_cycle(project: TempProject) -> None:
    project.write("content/a.md", okr("a", "a"))
    assert [c for *_, c in codes(project)] == ["OKR005"]


def test_partial_run_sees_ids_of_other_files_without_reporting_them(project: TempProject) -> None:
    project.write("content/company/growth.md", okr("'company/growth'"))
    project.write("content/broken.md", "not an okr\n")  # not linted: not named
    project.write("content/sales/q1.md", okr(parent="company/growth"))
    assert codes(project, "content/sales/q1.md") == []
    project.write("content/sales/q2.md", okr("company/growth"))
    assert codes(project, "content/sales/q2.md") == [("content/sales/q2.md", 4, 5, "OKR003")]


def test_partial_run_detects_cycles_through_other_files(project: TempProject) -> None:
    project.write("content/a.md", okr("a", "b"))
    project.write("content/b.md", okr("b", "a"))
    assert [c for *_, c in codes(project, "content/a.md")] == ["OKR005"]


def test_parent_in_a_broken_file_is_not_reported_missing(project: TempProject) -> None:
    project.write("content/company/growth.md", okr().replace("period: 2026-Q1", "period: soon"))
    project.write("content/sales/q1.md", okr(parent="company/growth"))
    found = codes(project)
    assert [(p, c) for p, _, _, c in found] == [("content/company/growth.md", "OKR002")]


def test_exclude_patterns_follow_gitignore(project: TempProject) -> None:
    # The example docs/config.md gives: a folder pattern excludes everything under it.
    project.write(
        "okrdocs.toml",
        'content = "content"\nexclude = ["**/README.md", "drafts/", "[ab].md"]\n'
        '[lint]\nignore = ["not-aligned"]\n',
    )
    broken = "---\nobjective: [\n---\n"
    project.write("content/drafts/wip.md", broken)
    project.write("content/sales/drafts/deeper/wip.md", broken)
    project.write("content/sales/README.md", "# Sales OKRs\n")
    project.write("content/a.md", broken)
    project.write("content/c.md", VALID_OKR)
    result = project.run("lint")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "All checks passed (1 file checked).\n"


def test_unknown_parent_suggestions_are_computed_once_per_name(
    project: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression: each unknown-parent finding ran difflib against every id, so 2,000 files
    # pointing at a renamed company objective took ten times as long as a clean lint.
    import okrdocs.suggest

    calls: list[str] = []
    original = okrdocs.suggest.closest

    def counting(name: str, *args: object, **kwargs: object) -> str | None:
        calls.append(name)
        return original(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(okrdocs.suggest, "closest", counting)
    project.write("content/company/growth-2026.md", VALID_OKR)
    for number in range(300):
        project.write(f"content/sales/q{number}.md", okr(parent="company/growth"))
    found = codes(project)
    assert sum(1 for *_, code in found if code == "OKR004") == 300
    assert calls.count("company/growth") == 1
    result = project.run("lint", "--select", "OKR004", "--jobs", "1")
    assert "did you mean 'company/growth-2026'?" in result.stdout


def test_duplicate_id_names_the_first_other_file_and_counts_the_rest(project: TempProject) -> None:
    for name in ("a", "b", "c", "d"):
        project.write(f"content/{name}.md", okr("same"))
    result = project.run("lint")
    assert (
        "content/a.md:4:5: OKR003 objective id 'same' is already used by content/b.md and "
        "2 other files; ids must be unique" in result.stdout
    )


def test_unknown_people_suggestions_are_computed_once_per_name_for_the_whole_run(
    project: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression: OKR108 ran difflib against the whole roster for every finding, so a
    # 2,000-person roster with thousands of unknown owners took 40 times a clean lint.
    import okrdocs.suggest

    calls: list[str] = []
    original = okrdocs.suggest.closest

    def counting(name: str, *args: object, **kwargs: object) -> str | None:
        calls.append(name)
        return original(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(okrdocs.suggest, "closest", counting)
    roster = "".join(f'"staff{n}" = "Staff {n}"\n' for n in range(200))
    config = project.root / "okrdocs.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '[people]\n"wang.fang" = "王芳"\n' + roster,
        encoding="utf-8",
    )
    for number in range(50):
        project.write(f"content/sales/q{number}.md", VALID_OKR)
    project.write("content/sales/q0.md", VALID_OKR.replace("owner: zhang.wei", "owner: staf12"))
    result = project.run("lint", "--select", "OKR108", "--jobs", "1")
    # zhang.wei (owner) and zhao.lei (an action's owner) in 49 files: one look-up each.
    assert result.stdout.count("owner 'zhang.wei' is not in the [people] roster") == 49
    assert sorted(calls) == ["staf12", "zhang.wei", "zhao.lei"]
    assert "owner 'staf12' is not in the [people] roster; did you mean 'staff12'?" in result.stdout


def test_unknown_people_messages_follow_the_roster_of_each_run(project: TempProject) -> None:
    # OKR108 keeps its messages between files; a second run in the same process (the language
    # server after the roster changed) must not reuse the first roster's hint.
    config = project.root / "okrdocs.toml"
    base = config.read_text(encoding="utf-8")
    project.write("content/sales/q1.md", VALID_OKR.replace("owner: zhang.wei", "owner: alce"))
    config.write_text(base + '[people]\n"alice" = "Alice"\n', encoding="utf-8")
    first = project.run("lint", "--select", "OKR108", "--jobs", "1")
    assert "owner 'alce' is not in the [people] roster; did you mean 'alice'?" in first.stdout
    config.write_text(base + '[people]\n"alcest" = "Alcest"\n', encoding="utf-8")
    second = project.run("lint", "--select", "OKR108", "--jobs", "1")
    assert "owner 'alce' is not in the [people] roster; did you mean 'alcest'?" in second.stdout
    assert "alice" not in second.stdout
