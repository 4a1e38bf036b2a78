"""Path globs as in .gitignore: used by ``exclude`` and ``per-file-ignores``.

- A pattern without ``/`` matches a file name in any folder: ``README.md``, ``*.draft.md``.
- A pattern with ``/`` matches the path relative to the project root: ``content/drafts/*.md``.
- ``*`` and ``?`` stay within one folder; ``**`` spans folders (``content/**/q1.md``);
  a trailing ``/`` or ``/**`` matches everything under a folder.
"""

from __future__ import annotations

import re
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
    return any(matches(pattern, rel_path) for pattern in patterns)
