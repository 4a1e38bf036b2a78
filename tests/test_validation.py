"""The JSON Schema: well-formed, documented, and FastCheck agrees with jsonschema."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from okrdocs import validation
from okrdocs.yamlsource import parse

from .conftest import VALID_OKR


def valid_data() -> dict[str, Any]:
    return parse(VALID_OKR.split("---\n")[1], 1, validation.shape()).data


def test_schema_is_valid_draft_2020_12_with_id() -> None:
    schema = validation.load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://")


def _fields(schema: dict[str, Any], root: dict[str, Any], path: str = ""):
    for name, sub in schema.get("properties", {}).items():
        yield f"{path}.{name}", sub
        target = validation.resolve(sub, root)
        yield from _fields(target, root, f"{path}.{name}")
        items = target.get("items")
        if isinstance(items, dict):
            yield from _fields(validation.resolve(items, root), root, f"{path}.{name}[]")


def test_every_field_has_a_description_and_examples() -> None:
    root = validation.load_schema()
    seen = 0
    for schema in (root, root["$defs"]["section"]):
        for path, sub in _fields(schema, root):
            resolved = validation.resolve(sub, root)
            assert resolved.get("description"), f"{path} has no description"
            assert resolved.get("examples"), f"{path} has no examples"
            seen += 1
    assert seen > 30


def test_examples_in_the_schema_are_valid() -> None:
    root = validation.load_schema()
    for path, sub in _fields(root, root):
        resolved = validation.resolve(sub, root)
        check = validation.FastCheck({**resolved, "$defs": root["$defs"]}, None)
        for example in resolved.get("examples", []):
            assert check.is_valid(example), f"{path} example {example!r} is invalid"


def test_typos_are_caught() -> None:
    root = validation.load_schema()
    assert root["additionalProperties"] is False
    for name in ("keyResult", "action", "checkin", "section"):
        assert root["$defs"][name]["additionalProperties"] is False


def reference() -> Draft202012Validator:
    return Draft202012Validator(
        validation.load_schema(), format_checker=FormatChecker(formats=("date",))
    )


def test_fast_check_accepts_the_valid_document() -> None:
    assert validation.fast_check().is_valid(valid_data())
    assert reference().is_valid(valid_data())


def test_fast_check_refuses_keywords_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="oneOf"):
        validation.FastCheck({"oneOf": [{"type": "string"}]})


# Mutations that jsonschema and FastCheck must judge alike.
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 2000),
    st.floats(-2, 2, allow_nan=False),
    st.sampled_from(
        [
            "",
            "x",
            "2026-Q1",
            "2026-02-30",
            "2026-01-31",
            "todo",
            "done",
            "metric",
            "milestone",
            "committed",
            "a/b",
            "a..b",
            "https://x.example",
            "javascript:x",
            "line\nbreak",
            " ",
        ]
    ),
    st.just([]),
    st.just({}),
    st.just(["a", "a"]),
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*prefix, index)))
    return found


def _mutate(data: Any, path: tuple, action: str, value: Any) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return value if action == "set" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "set":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent[last], dict):
        parent[last]["unknwn"] = value
    return data


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_fast_check_agrees_with_jsonschema(data: st.DataObject) -> None:
    document = valid_data()
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(document)
        path = data.draw(st.sampled_from(paths))
        action = data.draw(st.sampled_from(["set", "delete", "add"]))
        if action == "delete" and not path:
            continue
        document = _mutate(document, path, action, data.draw(VALUES))
    expected = reference().is_valid(document)
    assert validation.fast_check().is_valid(document) == expected
    if not expected:
        assert list(validation.problems(document)), "invalid documents must produce problems"
