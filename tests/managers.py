"""A project for the manager views (issue 15): the sample organisation plus what a manager
must see and the sample lacks: an objective that is stale *and* off track, a key result owned
by someone else than its objective's owner, an overdue action owned by someone who owns
nothing else, and a person in the roster who owns nothing yet. Built as of the sample's day."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, SAMPLE_AS_OF

# Last check-in 2026-10-09: 49 days before the as-of day, so stale (more than 14); progress
# 15% against 63% expected, so off track as well.
SILENT_AND_FAILING = """\
---
id: engineering/docs
objective: Customers find answers in the documentation before they need to ask support
owner: priya.nair
period: 2026-Q4
type: committed
parent: company/2026-growth
key_results:
  - id: self-service
    title: Support tickets answered by a documentation link rise from 20% to 60%
    owner: ana.silva
    baseline: 20
    target: 60
    current: 24
    unit: "%"
    confidence: 0.3
    actions:
      - title: Write the twenty most asked questions as how-to pages
        owner: li.wen
        due: 2026-11-10
        status: doing
  - id: search-success
    title: Searches in the documentation that end on a page rise from 45% to 70%
    baseline: 45
    target: 70
    current: 50
    unit: "%"
    actions:
      - title: Add a search box to every page of the documentation
        owner: priya.nair
        due: 2026-12-15
        status: todo
checkins:
  - date: 2026-10-09
    values: {self-service: 24, search-success: 50}
    confidence: 0.3
    note: The first how-to pages are drafted.
---
"""

ROSTER = '"sun.yue" = { name = "孙悦", team = "engineering" }\n'


def managers_project(root: Path) -> Path:
    """The sample with the additions above, in ``root``."""
    shutil.copytree(REPO / "content", root / "content")
    (root / "content" / "engineering" / "2026-q4-docs.md").write_text(
        SILENT_AND_FAILING, encoding="utf-8"
    )
    config = (REPO / "okrdocs.toml").read_text(encoding="utf-8")
    config = config.replace("[people]\n", "[people]\n" + ROSTER, 1)
    (root / "okrdocs.toml").write_text(config, encoding="utf-8")
    return root


def build(root: Path, *extra: str, as_of: str = SAMPLE_AS_OF) -> Path:
    subprocess.run(
        [sys.executable, "-m", "okrdocs", "build", "-q", "--as-of", as_of, *extra],
        cwd=root,
        check=True,
    )
    return root / "site"


def generate(count: int, root: Path) -> Path:
    """A repository of ``count`` generated objectives (benchmarks/generate.py)."""
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(count, root)
    return root
