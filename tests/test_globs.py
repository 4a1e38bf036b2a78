"""Glob matching for `exclude` and `per-file-ignores`: .gitignore semantics.

The matcher is checked against git itself on generated patterns and paths: the files
`git ls-files --others --ignored` lists are the ones the matcher must exclude.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from okrdocs.globs import matcher, matches

SEGMENTS = ["a", "b", "ab", "x.md", "*", "?", "**", "*.md", "[ab]", "[!a]*", "a?", "[a-c].md", "d*"]
PATH_SEGMENTS = ["a", "b", "ab", "ba", "x.md", "a.md", "b.md", "c.md", "d", "drafts", "dx.md"]


@st.composite
def patterns(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=4))
    text = "/".join(parts)
    if draw(st.booleans()):
        text = "/" + text
    if draw(st.booleans()):
        text += "/"
    if draw(st.integers(0, 3)) == 0:
        text = "!" + text
    return text


paths = st.lists(st.sampled_from(PATH_SEGMENTS), min_size=1, max_size=4).map("/".join)


def _is_prefix_folder(a: str, b: str) -> bool:
    return b.startswith(a + "/") or a.startswith(b + "/")


def git_ignored(root: Path, pattern_list: list[str], path_list: list[str]) -> set[str]:
    """The files git itself ignores with these .gitignore lines."""
    (root / ".gitignore").write_text("\n".join(pattern_list) + "\n", encoding="utf-8")
    for path in path_list:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("", encoding="utf-8")
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return {name for name in listed.split("\0") if name}


@settings(max_examples=300, deadline=None)
@given(st.lists(patterns(), min_size=1, max_size=4), st.lists(paths, min_size=1, max_size=6))
def test_agrees_with_git(pattern_list: list[str], path_list: list[str]) -> None:
    path_list = sorted(set(path_list))
    assume(not any(_is_prefix_folder(a, b) for a in path_list for b in path_list if a != b))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        ignored = git_ignored(root, pattern_list, path_list)
    ours = matcher(tuple(pattern_list))
    for path in path_list:
        assert ours(path) == (path in ignored), (pattern_list, path)


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        # The examples docs/config.md gives.
        ("**/README.md", "content/sales/README.md", True),
        ("**/README.md", "README.md", True),
        ("drafts/", "content/drafts/wip.md", True),
        ("drafts/", "content/sales/drafts/deep/wip.md", True),
        ("drafts/", "content/drafts.md", False),
        ("*.draft.md", "content/sales/q1.draft.md", True),
        ("content/drafts/*.md", "content/drafts/wip.md", True),
        ("content/drafts/*.md", "content/drafts/deeper/wip.md", False),
        ("content/**/q1.md", "content/q1.md", True),
        ("content/**/q1.md", "content/a/b/q1.md", True),
        ("/q1.md", "content/q1.md", False),
        ("[ab].md", "content/a.md", True),
        ("[ab].md", "content/c.md", False),
        ("[!ab].md", "content/c.md", True),
        ("q?.md", "content/q1.md", True),
        ("q?.md", "content/q10.md", False),
        ("# a comment", "# a comment", False),
        ("", "x.md", False),
        ("\\#x.md", "#x.md", True),
    ],
)
def test_documented_patterns(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


def test_last_matching_pattern_wins() -> None:
    test = matcher(("*.md", "!keep.md"))
    assert test("content/x.md")
    assert not test("content/keep.md")


def test_trailing_double_star_folder_matches_folders_only_as_git_does() -> None:
    # git with 'b/**/' in .gitignore does not ignore the file b/a (pathspec 1.1 does).
    assert not matches("b/**/", "b/a")
    assert matches("b/**/", "b/a/c.md")


def test_a_file_under_an_excluded_folder_cannot_be_re_included() -> None:
    assert matcher(("drafts/", "!wip.md"))("content/drafts/wip.md")
    assert matcher(("!a", "b"))("b/a")
