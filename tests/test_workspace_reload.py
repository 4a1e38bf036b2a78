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


# -- the analysis after a save: mended (okrdocs.analysis.reanalyse) or made again ------------


def dump(workspace: Workspace) -> dict[str, object]:
    """Everything the analysis says, as plain values."""
    data = workspace.analysis()
    return {
        "objectives": [
            (
                view.id,
                view.path,
                view.status,
                view.progress,
                view.subtree_progress,
                view.change,
                view.confidence,
                view.parent.id if view.parent else None,
                [child.id for child in view.children],
                [(kr.id, kr.state.status, kr.state.value, kr.change) for kr in view.krs],
                [(d.code, d.message) for d in view.findings],
            )
            for view in data.objectives
        ],
        "teams": {key: [v.id for v in team.objectives] for key, team in data.teams.items()},
        "people": {
            key: (
                person.path,
                [v.id for v in person.objectives],
                [(e.objective.id, e.kr.id) for e in person.key_results],
                [(e.objective.id, e.kr.id, e.action.title, e.overdue) for e in person.actions],
            )
            for key, person in data.people.items()
        },
        "periods": [(period.key, [v.id for v in period.objectives]) for period in data.periods],
        "current": data.current.key if data.current else None,
        "diagnostics": [(d.path, d.line, d.code, d.message) for d in data.diagnostics],
    }


def fresh_dump(root: Path) -> dict[str, object]:
    return dump(Workspace.for_lint(load_config(start=root), AS_OF).load())


def test_random_saves_mend_the_analysis_into_what_a_fresh_one_says(
    project: TempProject,
) -> None:
    import random

    chooser = random.Random(20261201)
    project.write("okrdocs.toml", 'content = "content"\n')
    ids = ["top", "a", "b", "c", "d"]
    parents = {"top": None, "a": "top", "b": "top", "c": "a", "d": "c"}
    for key in ids:
        project.write(f"content/{key}.md", objective(key, parent=parents[key]))
    workspace = Workspace.for_lint(load_config(start=project.root), AS_OF).load()
    workspace.analysis()
    mended = 0
    for _step in range(30):
        key = chooser.choice(ids)
        text = objective(key, parent=parents[key], current=chooser.choice([800, 840, 870, 990]))
        text = text.replace("confidence: 0.7", f"confidence: 0.{chooser.randint(1, 9)}")
        if chooser.random() < 0.3:  # an action done, or due later: the people pages' lists
            text = text.replace("due: 2026-02-27", f"due: 2026-0{chooser.randint(2, 5)}-10")
        if chooser.random() < 0.2:  # a key result's owner: another person on a people page
            text = text.replace("  - id: customers", "  - id: customers\n    owner: li.na")
        if chooser.random() < 0.1:  # invalid for now
            text = text.replace("baseline: 800", "baseline: [800]")
        path = project.write(f"content/{key}.md", text)
        before = workspace._analysis
        workspace.reload([path])
        after = dump(workspace)
        mended += workspace._analysis is before
        assert after == fresh_dump(project.root)
    assert mended >= 10  # most saves kept every header and person: the analysis was mended
