"""The console script walks the content folder in a child process while the command starts
(okrdocs.prefetch): the command uses that walk only when it is this run's, and the findings are
always those of a cold run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from okrdocs.prefetch import wanted

from .conftest import TempProject
from .test_index_cache import CONFIG, objective, write

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the child is forked")


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["lint", "content/a.md"], True),
        (["lint", "--format", "json", "content/a.md"], True),
        (["lint", "--force-exclude", "a.md", "b.md"], True),
        (["lint"], False),  # the whole folder is loaded: no index is asked for
        (["lint", "--format=json"], False),
        (["build", "content/a.md"], False),
        (["lint", "--no-cache", "content/a.md"], False),
        (["lint", "--config", "other.toml", "content/a.md"], False),
        (["lint", "--config=other.toml", "content/a.md"], False),
        (["lint", "--help", "content/a.md"], False),
        ([], False),
    ],
)
def test_only_a_lint_of_named_files_with_the_default_configuration_starts_a_child(
    arguments: list[str], expected: bool
) -> None:
    assert wanted(arguments) is expected


def console(project: TempProject, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The real start of the command line (``python -m okrdocs`` runs the console script's
    entry point)."""
    return subprocess.run(
        [sys.executable, "-m", "okrdocs", *arguments],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )


def findings(project: TempProject, *options: str) -> list[tuple[str, int, str]]:
    result = console(project, "lint", "content/a.md", "--format", "json", *options)
    assert result.returncode in (0, 1), result.stderr
    return sorted((d["path"], d["line"], d["code"]) for d in json.loads(result.stdout))


def same_as_cold(project: TempProject) -> list[tuple[str, int, str]]:
    warm = findings(project)
    assert warm == findings(project, "--no-cache")
    return warm


def test_edits_renames_and_deletions_between_runs_of_the_console_script(
    project: TempProject,
) -> None:
    project.write("okrdocs.toml", CONFIG)
    write(project, "a.md", objective("a", parent="b"))
    write(project, "b.md", objective("b"))
    assert same_as_cold(project) == []
    write(project, "c.md", objective("a"))  # another file takes a's id
    assert ("content/a.md", 2, "OKR003") in same_as_cold(project)
    (project.content / "c.md").unlink()
    (project.content / "b.md").rename(project.content / "renamed.md")
    write(project, "renamed.md", objective("renamed"))
    assert ("content/a.md", 6, "OKR004") in same_as_cold(project)
    write(project, "renamed.md", objective("b", parent="a"))  # edited in place: a cycle
    assert ("content/a.md", 6, "OKR005") in same_as_cold(project)


SCRIPT = """
import json, sys
from pathlib import Path
from okrdocs import prefetch
prefetch.start(["lint", "content/a.md"])
import okrdocs.index_cache as index_cache
from okrdocs.config import load_config

walks = []
real_walk = index_cache.walk
def counted_walk(*arguments, **options):
    walks.append(1)
    return real_walk(*arguments, **options)
index_cache.walk = counted_walk  # in this process only: the child was forked before

config = load_config({config})
index = index_cache.content_index(config)
print(json.dumps({{"walks": len(walks), "ids": sorted(h.id for h in index.all_headers().values())}}))
"""


def run_script(project: TempProject, config: str = "None") -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SCRIPT.format(config=config))],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_the_command_takes_the_childs_walk_instead_of_walking_again(project: TempProject) -> None:
    project.write("okrdocs.toml", CONFIG)
    write(project, "a.md", objective("a"))
    write(project, "b.md", objective("b"))
    assert run_script(project) == {"walks": 0, "ids": ["a", "b"]}
    write(project, "c.md", objective("c"))  # seen by the child's walk
    assert run_script(project) == {"walks": 0, "ids": ["a", "b", "c"]}


def test_a_walk_for_another_configuration_is_not_used(project: TempProject) -> None:
    project.write("okrdocs.toml", CONFIG)
    other = CONFIG.replace('content = "content"', 'content = "elsewhere"')
    project.write("other.toml", other)
    write(project, "a.md", objective("a"))
    (project.root / "elsewhere").mkdir()
    (project.root / "elsewhere" / "z.md").write_text(objective("z"), encoding="utf-8")
    # The child walked for okrdocs.toml (content/); the command reads other.toml (elsewhere/).
    assert run_script(project, config="Path('other.toml')") == {"walks": 1, "ids": ["z"]}
