"""Path globs as in .gitignore: used by ``exclude`` and ``per-file-ignores``.

- A pattern without ``/`` matches a file name in any folder: ``README.md``, ``*.draft.md``.
- A pattern with ``/`` matches the path relative to the project root: ``content/drafts/*.md``.
- ``*`` and ``?`` stay within one folder; ``**`` spans folders (``content/**/q1.md``);
  a trailing ``/`` or ``/**`` matches everything under a folder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


@cache
def _compile(pattern: str) -> tuple[re.Pattern[str], bool]:
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    out = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out) + r"\Z"), anchored


def matches(pattern: str, rel_path: str) -> bool:
    """Whether ``rel_path`` (relative to the project root, with ``/``) matches ``pattern``."""
    regex, anchored = _compile(pattern)
    if anchored:
        return regex.match(rel_path) is not None
    return regex.match(rel_path.rsplit("/", 1)[-1]) is not None


def any_match(patterns: list[str] | tuple[str, ...], rel_path: str) -> bool:
    return matcher(tuple(patterns))(rel_path)


@cache
def matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """One function testing all ``patterns`` at once (two regexes instead of one per pattern)."""
    anchored = [_compile(p)[0].pattern for p in patterns if _compile(p)[1]]
    names = [_compile(p)[0].pattern for p in patterns if not _compile(p)[1]]
    path_regex = re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None
    name_regex = re.compile("|".join(f"(?:{p})" for p in names)) if names else None

    def test(rel_path: str) -> bool:
        if path_regex is not None and path_regex.match(rel_path):
            return True
        return name_regex is not None and name_regex.match(rel_path.rsplit("/", 1)[-1]) is not None

    return test
