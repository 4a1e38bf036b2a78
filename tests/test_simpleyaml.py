"""okrdocs.simpleyaml against libyaml: whatever the fast reader accepts, it reads as libyaml does.

The reader may decline any text (libyaml then reads it); what it accepts must give the same
values, of the same types, and the same kept spans as ``yamlsource.parse`` without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrdocs import simpleyaml, yamlsource
from okrdocs.frontmatter_split import SplitError, split
from okrdocs.validation import shape

ROOT = Path(__file__).resolve().parent.parent
OBJECTIVE = shape("objective")


def typed(value: Any) -> Any:
    """``value`` with every scalar's type spelled out (1, 1.0 and True are equal in Python)."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def by_libyaml(text: str, offset: int, text_shape: Any) -> tuple[Any, dict[Any, Any]] | None:
    """What yamlsource.parse reads without the fast reader: (values, kept spans), or None
    where it reports a problem (an error, a duplicate key, a number out of range)."""
    try:
        parsed = yamlsource.parse(text, offset, text_shape, simple=False)
    except yamlsource.YamlError:
        return None
    if parsed.duplicates or parsed.bad_numbers:
        return None
    parsed.source_map.freeze(yamlsource.KEPT_POINTERS)
    return typed(parsed.data), dict(parsed.source_map._kept)


def agrees(text: str, offset: int = 1, text_shape: Any = OBJECTIVE) -> bool:
    """True when the fast reader read ``text``, and read it as libyaml does (else it fails)."""
    fast = simpleyaml.read(text, offset, text_shape, yamlsource.KEPT_POINTERS)
    if fast is None:
        return False
    slow = by_libyaml(text, offset, text_shape)
    assert slow is not None, f"accepted what libyaml refuses or reports: {text!r}"
    assert typed(fast[0]) == slow[0], text
    assert fast[1] == slow[1], text
    return True


def test_the_sample_and_every_example_file_are_read_fast_and_the_same() -> None:
    read = 0
    paths = [*ROOT.glob("content/**/*.md"), *ROOT.glob("docs/**/*.md"), *ROOT.glob("tests/**/*.md")]
    for path in paths:
        try:
            parts = split(path.read_bytes())
        except SplitError:
            continue
        read += agrees(parts.front_matter, parts.front_matter_offset)
    assert read >= 10


def test_every_rule_fixture_reads_the_same() -> None:
    read = 0
    for path in sorted((ROOT / "tests" / "rules").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            files = case.get("files") or {"file": case.get("file")}
            for text in files.values():
                if not isinstance(text, str):
                    continue
                try:
                    parts = split(text.encode("utf-8"))
                except SplitError:
                    continue
                read += agrees(parts.front_matter, parts.front_matter_offset)
    assert read >= 150  # nearly all are plain block YAML


@pytest.mark.parametrize(
    "text",
    [
        "id: a\nowner: b\n",
        "id: a\nowner:\nteam: x   # note\n\n# end\n",
        "id: 'a b'\nowner: \"x\"\nkey_results:\n  - id: r\n    title: t\n",
        "id: a\nkey_results:\n- id: r\nowner: b\n\n\n",
        "owner: b",
        "owner: b   ",
        "tags: [a, b]\nperiod: {a: 1}\n",
        "checkins:\n  - date: 2026-01-02\n    values: {r: 1.5, s: '7', t: true}\n",
        'key_results:\n  - title: 从 5 家增加到 8 家\n    target: ８５０\n    unit: "%"\n',
        "objective: http://example.com/a:b\nowner: 007\nscore: 0x10\n",
        "owner: x # a comment\nteam: 'y' # another\n",
        "key_results:\n  - title: a\n    actions:\n    - title: b\n      due: 2026-02-01\n  - title: c\n",
        "key_results: []\ntags: []\nvalues: {}\n",
        "owner: ~\nteam: null\nparent:\n",
    ],
)
def test_simple_yaml_is_read_fast_and_the_same(text: str) -> None:
    assert agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "owner: &a x\nteam: *a\n",  # anchors and aliases
        "owner: !!str 5\n",  # tags
        "objective: |\n  two\n  lines\n",  # block scalars
        "objective: one\n  continued\n",  # multi-line plain scalars
        'objective: "escaped \\" quote"\n',
        "objective: 'it''s'\n",
        "owner: a\nowner: b\n",  # duplicate keys: reported by yamlsource
        "score: 1e999\n",  # out of range: reported by yamlsource
        "owner:\tx\n",
        "  id: indented\n  owner: x\n",
        "- a\n- b\n",
        "owner: a: b\n",
        "values: {a: [1, 2]}\n",
        "values: {a: 1,\n  b: 2}\n",
        "",
        "# only a comment\n",
    ],
)
def test_other_yaml_is_left_to_libyaml(text: str) -> None:
    assert simpleyaml.read(text, 1, OBJECTIVE, yamlsource.KEPT_POINTERS) is None


# -- generated documents ---------------------------------------------------------------------

KEYS = st.sampled_from(
    ["id", "owner", "team", "period", "objective", "type", "parent", "title", "target", "values",
     "tags", "key_results", "checkins", "a.b", "x-y", "中文", "1", "true", "null", "k2", "_"]
)  # fmt: skip
PLAIN = st.sampled_from(
    ["x", "hello world", "5", "1.5", "2026-Q1", "从 5 家增加到 8 家", "a-b", "ada"]
)
SCALARS = st.one_of(
    PLAIN,
    PLAIN,
    st.sampled_from(
        ["", "~", "null", "true", "False", "yes", "5", "-5", "+4", "010", "0x1F", "0o17", "1_000",
         "1.5", ".5", "1e3", "1e999", ".inf", "1:20", "2026-01-31", "８５０", "八百", "a b",
         "a #b", "a#b", "a: b", "a:", "a:b", "http://x.y/z", "'q'", "'it''s'", '"q"', '"a\\"b"',
         '""', "''", "{a: 1}", "{a: 1, b: x}", "[a, b]", "[]", "{}", "[a, {b: c}]", "{a: [1]}",
         "[a,]", "{a: }", "|", ">", "&x v", "*x", "!!str 5", "@x", "`x`", "%x", "?x", "-x", "- x",
         "：", "x  ", "# c", "a # c", "'a' # c", "[1, 2] # c", "'a'b", '"a" b', "…", "{a: 'x}'}",
         "[' a ', b ]", "{a: -1}", "[ ]", "{ a : 1 }", "{a:1}",
         # the shortcuts for common values (simpleyaml._common)
         "0.6", "3200", "007", "0.60", "1.", "999999999999999", "1000000000000000",
         "12345678901234567", "2026-13-45", "2026-1-1", '"%"', '"a#b"', '"万元"', "1.5.2",
         "{r: 0.6, s: 2026-01-02, t: \"x\"}"]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
)  # fmt: skip


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    """A block of ``key: value`` lines and lists, with varied indentation, comments and
    blank lines; often valid YAML, sometimes not."""
    indent = draw(st.sampled_from([0, 0, 2, 4]))
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(KEYS)
        pad = " " * indent
        choice = draw(st.integers(0, 9 if depth < 2 else 5))
        if choice <= 5:
            lines.append(
                f"{pad}{key}: {draw(SCALARS)}".rstrip(" ")
                + draw(st.sampled_from(["", "", " ", " # c"]))
            )
        elif choice <= 7:
            lines.append(f"{pad}{key}:")
            inner = draw(documents(depth + 1))
            step = draw(st.sampled_from([2, 2, 3, 1]))
            lines += [
                " " * (indent + step) + line if line.strip() else line for line in inner.split("\n")
            ]
        else:
            lines.append(f"{pad}{key}:")
            dash = " " * (indent + draw(st.sampled_from([0, 2, 2])))
            for _item in range(draw(st.integers(1, 3))):
                if draw(st.booleans()):
                    lines.append(f"{dash}- {draw(SCALARS)}")
                else:
                    block = draw(documents(depth + 1))
                    rows = [line for line in block.split("\n") if line.strip()]
                    base = min(len(line) - len(line.lstrip(" ")) for line in rows)
                    rows = [line[base:] for line in rows]
                    lines.append(f"{dash}- {rows[0]}")
                    lines += [f"{dash}  {line}" for line in rows[1:]]
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", "# comment", "  # indented comment", "   "])))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_read_as_libyaml_reads_them(text: str) -> None:
    agrees(text)


# The sample's longest file: lists of key results and actions, flow mappings, Chinese text.
SAMPLE = max((ROOT / "content").glob("**/*.md"), key=lambda path: path.stat().st_size)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, 3000),
    st.text(
        st.sampled_from(list(" \n-:#'\"[]{},&*!|>%@`?\t~.0x\u2028\x85")), min_size=1, max_size=3
    ),
)
def test_a_sample_file_with_characters_inserted_reads_as_libyaml_reads_it(
    where: int, inserted: str
) -> None:
    front = split(SAMPLE.read_bytes()).front_matter
    where = min(where, len(front))
    agrees(front[:where] + inserted + front[where:])


def pointers(value: Any, prefix: str = "") -> list[str]:
    """Every JSON pointer into ``value``, and a few that are not there."""
    found = [prefix, prefix + "/missing", prefix + "/0"]
    if isinstance(value, dict):
        for key, item in value.items():
            found += pointers(item, f"{prefix}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for position, item in enumerate(value):
            found += pointers(item, f"{prefix}/{position}")
    return found


def positions_agree(text: str) -> bool:
    """Every position asked of a file the fast reader read is the one libyaml gives."""
    try:
        fast = yamlsource.parse(text, 1, OBJECTIVE)
    except yamlsource.YamlError:
        return False
    if fast.source_map._text is None:  # read by libyaml
        return False
    slow = yamlsource.parse(text, 1, OBJECTIVE, simple=False)
    for pointer in pointers(slow.data):
        for want_key in (False, True):
            fresh = yamlsource.parse(text, 1, OBJECTIVE).source_map  # not composed yet
            expected = slow.source_map.key(pointer) if want_key else slow.source_map.value(pointer)
            got = fresh.key(pointer) if want_key else fresh.value(pointer)
            assert got == expected, (text, pointer, want_key)
    return True


def test_positions_in_the_sample_are_found_without_libyaml_as_libyaml_finds_them() -> None:
    assert positions_agree(split(SAMPLE.read_bytes()).front_matter)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_positions_in_generated_documents_are_libyamls(text: str) -> None:
    positions_agree(text)


def positions_agree_in_one_walk(text: str, seed: int) -> None:
    """One source map asked every position in a random order (each pointer's walk starts
    where an earlier pointer with the same prefix got to) gives libyaml's positions."""
    import random

    try:
        fast = yamlsource.parse(text, 1, OBJECTIVE)
    except yamlsource.YamlError:
        return
    if fast.source_map._text is None:
        return
    slow = yamlsource.parse(text, 1, OBJECTIVE, simple=False)
    asked = [(p, k) for p in pointers(slow.data) for k in (False, True)]
    random.Random(seed).shuffle(asked)
    for pointer, want_key in asked:
        expected = slow.source_map.key(pointer) if want_key else slow.source_map.value(pointer)
        got = fast.source_map.key(pointer) if want_key else fast.source_map.value(pointer)
        assert got == expected, (text, pointer, want_key)


def test_positions_asked_one_after_another_of_one_file_are_libyamls() -> None:
    positions_agree_in_one_walk(split(SAMPLE.read_bytes()).front_matter, 1)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.integers(0, 1000))
def test_positions_in_generated_documents_asked_in_any_order_are_libyamls(
    text: str, seed: int
) -> None:
    positions_agree_in_one_walk(text, seed)
