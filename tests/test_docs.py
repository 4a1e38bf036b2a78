"""Documentation that has a single source of truth elsewhere stays in step with it."""

from __future__ import annotations

import re

from okrdocs import docgen
from okrdocs.config import _TOP_LEVEL, LINT_KEYS

from .conftest import REPO


def test_generated_docs_are_up_to_date() -> None:
    stale = docgen.run(check=True)
    assert not stale, f"run 'python -m okrdocs.docgen' to update: {', '.join(stale)}"


def test_every_config_key_is_documented() -> None:
    text = (REPO / "docs" / "config.md").read_text(encoding="utf-8")
    for key in [*_TOP_LEVEL, *LINT_KEYS, "on-track", "at-risk", "stale-days"]:
        assert f"`{key}`" in text or f"`[{key}]" in text, (
            f"config key {key} is not in docs/config.md"
        )


def test_readme_links_resolve() -> None:
    for page in [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
