"""Reading files again (okrdocs serve, after a save) gives exactly the findings a fresh load of
the project gives, whether the saved file kept its header (the project-wide rules are not run
again) or not (they are)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from okrdocs.config import load_config
from okrdocs.workspace import Workspace

from .conftest import VALID_OKR, TempProject

AS_OF = date(2026, 3, 1)


def objective(object_id: str, parent: str | None = None, current: int = 830) -> str:
    text = VALID_OKR.replace("---\nobjective:", f"---\nid: {object_id}\nobjective:", 1)
    text = text.replace("current: 830", f"current: {current}")
    return text.replace("type: committed", f"type: committed\nparent: {parent}") if parent else text


def findings(workspace: Workspace) -> list[tuple[str, int, int, str, str, str]]:
    return [
        (d.path, d.line, d.column, d.code, d.severity, d.message) for d in workspace.diagnostics
    ]


def fresh(root: Path) -> list[tuple[str, int, int, str, str, str]]:
    return findings(Workspace.for_lint(load_config(start=root), AS_OF).load())


@pytest.fixture
def loaded(project: TempProject) -> Workspace:
    project.write("okrdocs.toml", 'content = "content"\n[lint.too-many-objectives]\nmax = 1\n')
    project.write("content/a.md", objective("a", parent="missing"))
    project.write("content/b.md", objective("b", parent="a"))
    project.write("content/c.md", objective("b"))  # a duplicate id
    workspace = Workspace.for_lint(load_config(start=project.root), AS_OF).load()
    codes = {code for *_, code, _severity, _message in findings(workspace)}
    assert {"OKR003", "OKR004", "OKR107"} <= codes  # project-wide findings to keep
    return workspace


def test_a_save_that_keeps_the_header_reuses_the_project_findings(
    project: TempProject, loaded: Workspace
) -> None:
    path = project.write("content/b.md", objective("b", parent="a", current=99999))

    def not_again(*arguments: object) -> object:
        raise AssertionError("the project-wide rules ran again")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Workspace, "_project_findings", not_again)
        loaded.reload([path])
    assert findings(loaded) == fresh(project.root)


@pytest.mark.parametrize(
    "change",
    [
        lambda: objective("b", parent="missing"),  # another parent
        lambda: objective("z", parent="a"),  # another id: the duplicate is gone
        lambda: objective("b", parent="a").replace("baseline: 800", "baseline: [800]"),  # invalid
    ],
)
def test_a_save_that_changes_the_header_or_validity_checks_the_project_again(
    project: TempProject, loaded: Workspace, change: object
) -> None:
    assert callable(change)
    path = project.write("content/b.md", change())
    loaded.reload([path])
    assert findings(loaded) == fresh(project.root)


def test_added_and_removed_files_check_the_project_again(
    project: TempProject, loaded: Workspace
) -> None:
    (project.root / "content" / "c.md").unlink()
    added = project.write("content/d.md", objective("d", parent="b"))
    loaded.reload([project.root / "content" / "c.md", added])
    assert findings(loaded) == fresh(project.root)
