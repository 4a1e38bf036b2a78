"""The real pre-commit framework runs the okrdocs-lint hook from this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO, VALID_OKR

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_definition() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "okrdocs-lint")
    assert hook["language"] == "python"
    assert hook["entry"].startswith("okrdocs lint")
    assert "markdown" in hook["types"]


def test_pre_commit_try_repo_fails_on_a_bad_okr_and_passes_on_a_good_one(tmp_path: Path) -> None:
    repo = tmp_path / "okrs"
    (repo / "content" / "sales").mkdir(parents=True)
    (repo / "okrdocs.toml").write_text('content = "content"\n[lint]\nignore = ["OKR106", "OKR4"]\n')
    (repo / "README.md").write_text("# Our OKRs\n\nNot an OKR file: the hook skips it.\n")
    good = repo / "content" / "sales" / "q1.md"
    good.write_text(VALID_OKR, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(REPO),
                "okrdocs-lint",
                "--all-files",
            ],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    passing = try_repo()
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "okrdocs lint" in passing.stdout and "Passed" in passing.stdout

    good.write_text(VALID_OKR.replace("target: 880", "target: 880万"), encoding="utf-8")
    git(repo, "add", ".")
    failing = try_repo()
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout
    assert "content/sales/q1.md:10:13: OKR002" in failing.stdout
