"""The content index never hides a finding: linting one file with the index kept between runs
gives what a cold run gives, after other files are edited, renamed, added and deleted."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

from .conftest import TempProject

CONFIG = 'content = "content"\n[lint]\nselect = ["OKR003", "OKR004", "OKR005", "OKR107"]\n'
CONFIG += "[lint.too-many-objectives]\nmax = 2\n"


def objective(object_id: str, parent: str | None = None, owner: str = "ada") -> str:
    lines = ["---", f"id: {object_id}", "objective: Make onboarding effortless", f"owner: {owner}"]
    lines += ["period: 2026-Q1"]
    if parent:
        lines.append(f"parent: {parent}")
    lines += [
        "key_results:",
        "  - title: Weekly active teams grow from 1,200 to 2,000",
        "    baseline: 1200",
        "    target: 2000",
        "---",
        "",
    ]
    return "\n".join(lines)


def findings(project: TempProject, *options: str) -> list[tuple[str, int, str]]:
    result = project.run("lint", "content/a.md", "--format", "json", *options)
    assert result.exit_code in (0, 1), result.output
    return sorted((d["path"], d["line"], d["code"]) for d in json.loads(result.stdout))


def write(project: TempProject, rel: str, text: str) -> None:
    path = project.content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    # A new modification time even on a file system with coarse timestamps.
    os.utime(path, ns=(before + 10**9, max(before + 10**9, path.stat().st_mtime_ns)))


def same_as_cold(project: TempProject) -> list[tuple[str, int, str]]:
    warm = findings(project)
    cold = findings(project, "--no-cache")
    assert warm == cold
    return warm


def test_edits_renames_and_deletions_between_runs(project: TempProject) -> None:
    project.write("okrdocs.toml", CONFIG)
    write(project, "a.md", objective("a", parent="b"))
    write(project, "b.md", objective("b"))
    assert same_as_cold(project) == []
    assert (project.root / ".okrdocs-cache" / "index.sqlite").is_file()

    write(project, "c.md", objective("a"))  # another file takes a's id
    assert ("content/a.md", 2, "OKR003") in same_as_cold(project)
    (project.content / "c.md").unlink()  # and goes away
    assert same_as_cold(project) == []

    (project.content / "b.md").rename(project.content / "renamed.md")  # the id b goes with it
    write(project, "renamed.md", objective("renamed"))
    assert ("content/a.md", 6, "OKR004") in same_as_cold(project)

    write(project, "renamed.md", objective("b", parent="a"))  # edited in place: a cycle
    assert ("content/a.md", 6, "OKR005") in same_as_cold(project)

    write(project, "x/one.md", objective("one"))  # ada now owns three objectives in 2026-Q1
    assert ("content/a.md", 4, "OKR107") in same_as_cold(project)
    write(project, "x/one.md", objective("one", owner="grace"))  # the same size, another owner
    assert ("content/a.md", 4, "OKR107") not in same_as_cold(project)


def test_random_changes_never_differ_from_a_cold_run(project: TempProject) -> None:
    project.write("okrdocs.toml", CONFIG)
    chooser = random.Random(20261130)
    ids = [f"o{n}" for n in range(8)]
    write(project, "a.md", objective("a", parent="o1"))
    for _step in range(25):
        name = chooser.choice(ids)
        path = project.content / f"{name}.md"
        action = chooser.choice(["write", "write", "delete", "rename"])
        if action == "delete" and path.exists():
            path.unlink()
        elif action == "rename" and path.exists():
            path.rename(project.content / f"{chooser.choice(ids)}-moved.md")
        else:
            parent: Any = chooser.choice([None, "a", *ids])
            write(
                project,
                f"{name}.md",
                objective(chooser.choice(["a", *ids]), parent, chooser.choice(["ada", "li.na"])),
            )
        same_as_cold(project)


def test_a_cache_it_cannot_write_is_gone_without(project: TempProject) -> None:
    project.write("okrdocs.toml", CONFIG)
    write(project, "a.md", objective("a", parent="b"))
    cache = project.root / ".okrdocs-cache"
    cache.mkdir()
    cache.chmod(0o500)  # read-only
    try:
        assert ("content/a.md", 6, "OKR004") in findings(project)
    finally:
        cache.chmod(0o700)


def test_a_damaged_cache_is_rebuilt(project: TempProject) -> None:
    project.write("okrdocs.toml", CONFIG)
    write(project, "a.md", objective("a", parent="b"))
    write(project, "b.md", objective("b"))
    assert findings(project) == []
    database: Path = project.root / ".okrdocs-cache" / "index.sqlite"
    database.write_bytes(b"not a database at all" * 100)
    write(project, "b.md", objective("c"))
    assert ("content/a.md", 6, "OKR004") in same_as_cold(project)
    assert database.read_bytes().startswith(b"SQLite format 3")


def test_a_first_run_over_many_files_keeps_the_indexes(project: TempProject) -> None:
    # From 1,000 rows into an empty table the indexes are dropped and built after the rows.
    import sqlite3

    project.write("okrdocs.toml", CONFIG)
    write(project, "a.md", objective("a", parent="o17"))
    for number in range(1100):
        path = project.content / "many" / f"o{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(objective(f"o{number}", owner=f"p{number}"), encoding="utf-8")
    write(project, "dup.md", objective("o5"))  # another file takes o5's id: not a's problem
    assert same_as_cold(project) == []
    database = sqlite3.connect(project.root / ".okrdocs-cache" / "index.sqlite")
    try:
        names = {
            row[0]
            for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        (rows,) = database.execute("SELECT count(*) FROM files").fetchone()
    finally:
        database.close()
    assert {"files_by_id", "files_by_owner", "files_by_team"} <= names
    assert rows == 1102
    write(project, "a.md", objective("o5", parent="o17"))  # now a shares o5 too
    assert ("content/a.md", 2, "OKR003") in same_as_cold(project)
