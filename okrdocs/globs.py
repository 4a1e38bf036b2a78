"""Path patterns with ``.gitignore`` semantics, for ``exclude`` and ``per-file-ignores``.

Patterns are matched against a file's path relative to the project root, with ``/``:

- A pattern without a ``/`` (other than a trailing one) matches a name at any depth:
  ``README.md``, ``*.draft.md``, ``drafts/``.
- A pattern with a ``/`` at its start or in its middle is anchored at the project root:
  ``content/drafts/*.md``, ``/notes.md``.
- A trailing ``/`` matches only folders: ``drafts/`` excludes everything under any folder
  named ``drafts``. A pattern that matches a folder matches every file under it.
- ``*`` and ``?`` stay within one path segment; ``[abc]``, ``[a-z]`` and ``[!ab]`` are
  character classes; ``**/`` spans any number of folders, ``/**`` everything inside.
- ``!pattern`` re-includes what an earlier pattern excluded (the last matching pattern wins);
  ``\\`` escapes a special character; blank patterns and ``#`` comments match nothing.

Why not the ``pathspec`` library: importing it costs about 70 ms (it imports asyncio), more
than a whole one-file lint, and it differs from git in corner cases (a file under an excluded
folder re-included by ``!``). The test suite checks this matcher against git itself
(``git ls-files --ignored``) on generated patterns and paths (tests/test_globs.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple


def _class(pattern: str, start: int) -> tuple[str, int] | None:
    """A ``[...]`` character class at ``pattern[start]``: (regex, index after it), or None."""
    index = start + 1
    negate = index < len(pattern) and pattern[index] in "!^"
    if negate:
        index += 1
    first = index
    while index < len(pattern) and (pattern[index] != "]" or index == first):
        index += 1
    if index >= len(pattern):
        return None  # no closing bracket: the '[' is a literal character
    body = pattern[first:index]
    parts = []
    for char in body:
        parts.append("\\" + char if char in "\\^[]" else char)
    # '/' is never matched by a class, as in git.
    regex = "[^/" + "".join(parts) + "]" if negate else "(?!/)[" + "".join(parts) + "]"
    return regex, index + 1


def _segments(pattern: str) -> str:
    """The regex for a pattern's text (no leading '!', no trailing '/')."""
    out: list[str] = []
    index = 0
    length = len(pattern)
    while index < length:
        char = pattern[index]
        if char == "\\" and index + 1 < length:
            out.append(re.escape(pattern[index + 1]))
            index += 2
            continue
        if char == "*":
            run_end = index
            while run_end < length and pattern[run_end] == "*":
                run_end += 1
            at_start = index == 0 or pattern[index - 1] == "/"
            at_end = run_end == length or pattern[run_end] == "/"
            if run_end - index >= 2 and at_start and at_end:
                if run_end == length:  # trailing '**': everything below
                    out.append(".*")
                    index = run_end
                else:  # '**/': zero or more folders
                    out.append("(?:[^/]*/)*")
                    index = run_end + 1
                continue
            out.append("[^/]*")
            index = run_end
            continue
        if char == "?":
            out.append("[^/]")
        elif char == "[":
            found = _class(pattern, index)
            if found is not None:
                out.append(found[0])
                index = found[1]
                continue
            out.append(re.escape(char))
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def _trim(pattern: str) -> str:
    """Trailing spaces are dropped unless escaped with a backslash, as in git."""
    stripped = pattern.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(pattern):
        return stripped + " "
    return stripped


class Pattern(NamedTuple):
    """One compiled pattern."""

    own: re.Pattern[str]  # matches a path that the pattern names itself
    below: re.Pattern[str]  # matches a file path when the pattern names it or a folder above it
    folder_only: bool
    negated: bool


@cache
def compile_pattern(pattern: str) -> Pattern | None:
    """The compiled pattern, or None for one that matches nothing (blank, a comment)."""
    pattern = _trim(pattern)
    if not pattern or pattern.startswith("#"):
        return None
    negated = pattern.startswith("!")
    if negated:
        pattern = pattern[1:]
    if pattern.startswith("\\") and pattern[1:2] in ("!", "#"):
        pattern = pattern[1:]
    folder_only = pattern.endswith("/") and not pattern.endswith("\\/")
    if folder_only:
        pattern = pattern.rstrip("/")
    anchored = "/" in pattern
    pattern = pattern.lstrip("/")
    if not pattern:
        return None
    body = ("" if anchored else "(?:[^/]*/)*") + _segments(pattern)
    # A folder pattern needs something below the folder; any other pattern may name the file
    # itself or a folder above it.
    suffix = "/.+" if folder_only else "(?:/.+)?"
    return Pattern(
        re.compile(body, re.DOTALL), re.compile(body + suffix, re.DOTALL), folder_only, negated
    )


def _decide(patterns: list[Pattern], path: str, is_folder: bool) -> bool:
    """Whether the last pattern naming ``path`` itself excludes it."""
    result = False
    for pattern in patterns:
        if (is_folder or not pattern.folder_only) and pattern.own.fullmatch(path) is not None:
            result = not pattern.negated
    return result


@cache
def matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """One function telling whether a root-relative file path is matched by ``patterns``.

    Without ``!`` patterns, one combined regex decides. With them, git's rules apply: folders
    are judged from the top, the last matching pattern wins, and a file in an excluded folder
    stays excluded (``!`` cannot re-include it).
    """
    compiled = [c for c in (compile_pattern(p) for p in patterns) if c is not None]
    if not compiled:
        return lambda rel_path: False
    if not any(pattern.negated for pattern in compiled):
        combined = re.compile("|".join(f"(?:{p.below.pattern})" for p in compiled), re.DOTALL)
        return lambda rel_path: combined.fullmatch(rel_path) is not None

    def test(rel_path: str) -> bool:
        position = rel_path.find("/")
        while position > 0:
            if _decide(compiled, rel_path[:position], True):
                return True
            position = rel_path.find("/", position + 1)
        return _decide(compiled, rel_path, False)

    return test


def matches(pattern: str, rel_path: str) -> bool:
    """Whether ``rel_path`` (relative to the project root, with ``/``) matches ``pattern``."""
    return matcher((pattern,))(rel_path)


def any_match(patterns: Sequence[str], rel_path: str) -> bool:
    return matcher(tuple(patterns))(rel_path)
