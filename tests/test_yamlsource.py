"""YAML with positions and YAML 1.2 core typing."""

from __future__ import annotations

import pytest

from okrdocs.yamlsource import TEXT, YamlError, parse


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("010", 10),
        ("0x10", 16),
        ("0o17", 15),
        ("1_000", 1000),
        ("-3", -3),
        ("+4", 4),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".5", 0.5),
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("1:20", "1:20"),
        ("2026-01-31", "2026-01-31"),
        ("2026-01-31 10:00:00", "2026-01-31 10:00:00"),
        ("'5'", "5"),
        ('"true"', "true"),
        ("!!str 5", "5"),
        ("!!int '7'", 7),
        ("!!float '7'", 7.0),
        ("1,000", "1,000"),
        ("80%", "80%"),
        ("八百", "八百"),
    ],
)
def test_scalars_follow_yaml_12_core(text: str, value: object) -> None:
    data = parse(f"v: {text}\n").data
    assert data["v"] == value
    assert type(data["v"]) is type(value)


def test_text_shape_keeps_digits_as_typed() -> None:
    shape = {"owner": TEXT, "period": TEXT, "list": [TEXT], "map": {"*": TEXT}}
    data = parse(
        "owner: 007\nperiod: 2026\nlist: [1.50, 2]\nmap: {a: 0x1}\nother: 007\n", 0, shape
    ).data
    assert data == {
        "owner": "007",
        "period": "2026",
        "list": ["1.50", "2"],
        "map": {"a": "0x1"},
        "other": 7,
    }


def test_keys_are_always_text() -> None:
    assert parse("2026: a\ntrue: b\n").data == {"2026": "a", "true": "b"}


def test_positions_are_one_based_and_count_characters() -> None:
    parsed = parse("a: 成为华东\nb: [1, 中文, x]\n", line_offset=1)
    assert parsed.source_map.value("/a")[:2] == (2, 4)
    assert parsed.source_map.key("/b")[:2] == (3, 1)
    assert parsed.source_map.value("/b/2")[:2] == (3, 12)
    assert parsed.source_map.value("/missing") is None


def test_pointer_escaping() -> None:
    parsed = parse("'a/b': {'c~d': 1}\n")
    assert parsed.source_map.value("/a~1b/c~0d")[:2] == (1, 16)


def test_frozen_source_map_keeps_selected_spans_and_pickles() -> None:
    import pickle

    parsed = parse("a: 1\nb:\n  c: 2\n")
    parsed.source_map.freeze(("/b",))
    restored = pickle.loads(pickle.dumps(parsed.source_map))
    assert restored.value("/b")[:2] == (3, 3)
    assert restored.locate("/b/c")[:2] == (3, 3)  # falls back to the kept ancestor
    assert restored.locate("/a")[:2] == (1, 1)


def test_freezing_keeps_exactly_the_spans_the_tree_gives() -> None:
    from okrdocs.yamlsource import KEPT_POINTERS

    text = (
        "id: a\nparent: b\nowner: 张伟\nkey_results:\n  - id: k\n"
        "team: sales\nowner: again\nperiod: 2026-Q1\n"
    )
    pointers = (*KEPT_POINTERS, "/key_results/0/id", "/missing")
    live = parse(text).source_map
    expected = {(p, k): (live.key(p) if k else live.value(p)) for p in pointers for k in (0, 1)}
    frozen = parse(text).source_map
    frozen.freeze(pointers)
    assert {(p, k): (frozen.key(p) if k else frozen.value(p)) for p, k in expected} == expected
    assert frozen.value("/owner")[:2] == (3, 8)  # a duplicated key: the first one, as before


def test_alias_bomb_is_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for index in range(1, 8):
        bomb += (
            f"{chr(97 + index)}: &{chr(97 + index)} ["
            + ", ".join([f"*{chr(96 + index)}"] * 10)
            + "]\n"
        )
    with pytest.raises(YamlError, match="too many values"):
        parse(bomb)


def test_anchors_and_aliases_work_within_limits() -> None:
    data = parse("base: &b {unit: 家}\nkr: *b\n").data
    assert data["kr"] == {"unit": "家"}


def test_complex_keys_are_refused() -> None:
    with pytest.raises(YamlError, match="plain text"):
        parse("? [a, b]\n: 1\n")


def test_multiple_documents_are_refused() -> None:
    with pytest.raises(YamlError):
        parse("a: 1\n---\nb: 2\n")
