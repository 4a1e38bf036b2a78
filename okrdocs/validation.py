"""The OKR file schema (``schema/okr.schema.json``): loading, fast checking, plain-word errors.

The JSON Schema is the single source of truth for field names, types and descriptions; the
reference validator is ``jsonschema``. Importing jsonschema costs ~70 ms, about half of a
pre-commit run on one file, so valid documents are first checked by ``FastCheck``, a small
interpreter for exactly the keywords this schema uses (it refuses any other keyword, and the
test suite checks that it agrees with jsonschema). Only a document that fails the fast check is
handed to jsonschema, which produces the detailed errors.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from okrdocs.yamlsource import TEXT, TextShape, pointer_of


@cache
def load_schema() -> dict[str, Any]:
    # okrdocs.schema is the top-level schema/ folder, shipped as a package (see pyproject.toml);
    # reading it by path avoids importing importlib.resources (~10 ms) on every run.
    import okrdocs.schema

    path = Path(okrdocs.schema.__file__).with_name("okr.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


def section_schema() -> dict[str, Any]:
    schema = load_schema()
    return {**schema["$defs"]["section"], "$defs": schema["$defs"]}


def resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref``, merging the referring schema's own annotations over the target."""
    while "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported, got {ref!r}")
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def text_shape(schema: dict[str, Any], root: dict[str, Any] | None = None) -> TextShape:
    """Where the schema expects text, as a shape for ``yamlsource.parse`` (see there)."""
    root = root or schema
    schema = resolve(schema, root)
    kind = schema.get("type")
    if kind == "string":
        return TEXT
    if kind == "object":
        shape = {key: text_shape(sub, root) for key, sub in schema.get("properties", {}).items()}
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            shape["*"] = text_shape(extra, root)
        return shape
    if kind == "array" and isinstance(schema.get("items"), dict):
        return [text_shape(schema["items"], root)]
    return None


# ---------------------------------------------------------------------------------------------
# Fast check


_KNOWN_KEYWORDS = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "examples", "x-okrdocs-hint",
    "type", "enum", "required", "properties", "additionalProperties", "propertyNames", "items",
    "minItems", "uniqueItems", "minLength", "pattern", "format", "minimum", "maximum",
    "exclusiveMinimum",
}  # fmt: skip


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


Check = Callable[[Any], bool]

_TYPE_CHECKS: dict[str, Check] = {
    "string": lambda v: v.__class__ is str,
    "number": lambda v: v.__class__ is int or v.__class__ is float,
    "integer": lambda v: v.__class__ is int or (v.__class__ is float and v.is_integer()),
    "boolean": lambda v: v.__class__ is bool,
    "object": lambda v: v.__class__ is dict,
    "array": lambda v: v.__class__ is list,
    "null": lambda v: v is None,
}


class FastCheck:
    """Decides valid / invalid for the keyword subset above, compiled once into closures."""

    def __init__(self, schema: dict[str, Any], root: dict[str, Any] | None = None) -> None:
        self.root = root or schema
        self._compiled: dict[int, Check] = {}
        self.is_valid: Check = self._compile(schema)

    def _compile(self, schema: dict[str, Any]) -> Check:
        key = id(schema)
        if key in self._compiled:
            return self._compiled[key]
        # Recursive references resolve through this indirection once compiled.
        slot: list[Check] = []
        self._compiled[key] = lambda value: slot[0](value)
        check = self._build(resolve(schema, self.root))
        slot.append(check)
        self._compiled[key] = check
        return check

    def _build(self, schema: dict[str, Any]) -> Check:
        unknown = set(schema) - _KNOWN_KEYWORDS
        if unknown:
            raise ValueError(f"FastCheck does not support keywords {sorted(unknown)}")
        checks: list[Check] = []
        kind = schema.get("type")
        if kind is not None:
            kinds = [_TYPE_CHECKS[k] for k in (kind if isinstance(kind, list) else [kind])]
            checks.append(kinds[0] if len(kinds) == 1 else (lambda v: any(k(v) for k in kinds)))
        if "enum" in schema:
            options = [(option, option.__class__) for option in schema["enum"]]
            checks.append(lambda v: any(v == o and v.__class__ is c for o, c in options))
        checks.extend(self._string_checks(schema))
        checks.extend(self._number_checks(schema))
        checks.extend(self._array_checks(schema))
        checks.extend(self._object_checks(schema))
        if not checks:
            return lambda v: True
        if len(checks) == 1:
            return checks[0]
        return lambda v: all(check(v) for check in checks)

    def _string_checks(self, schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        min_length = schema.get("minLength")
        if min_length:
            checks.append(lambda v: v.__class__ is not str or len(v) >= min_length)
        if "pattern" in schema:
            search = re.compile(schema["pattern"]).search
            checks.append(lambda v: v.__class__ is not str or search(v) is not None)
        if "format" in schema:
            if schema["format"] != "date":
                raise ValueError(f"FastCheck does not support format {schema['format']!r}")
            checks.append(lambda v: v.__class__ is not str or _valid_date(v))
        return checks

    def _number_checks(self, schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        number = _TYPE_CHECKS["number"]
        if "minimum" in schema:
            low = schema["minimum"]
            checks.append(lambda v: not number(v) or v >= low)
        if "maximum" in schema:
            high = schema["maximum"]
            checks.append(lambda v: not number(v) or v <= high)
        if "exclusiveMinimum" in schema:
            floor = schema["exclusiveMinimum"]
            checks.append(lambda v: not number(v) or v > floor)
        return checks

    def _array_checks(self, schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        min_items = schema.get("minItems")
        if min_items:
            checks.append(lambda v: v.__class__ is not list or len(v) >= min_items)
        if schema.get("uniqueItems"):
            checks.append(
                lambda v: (
                    v.__class__ is not list
                    or len({json.dumps(item, sort_keys=True) for item in v}) == len(v)
                )
            )
        if isinstance(schema.get("items"), dict):
            item = self._compile(schema["items"])
            checks.append(lambda v: v.__class__ is not list or all(item(x) for x in v))
        return checks

    def _object_checks(self, schema: dict[str, Any]) -> list[Check]:
        has_object_keywords = any(
            k in schema for k in ("required", "properties", "additionalProperties", "propertyNames")
        )
        if not has_object_keywords:
            return []
        required = tuple(schema.get("required", ()))
        properties = {k: self._compile(sub) for k, sub in schema.get("properties", {}).items()}
        extra_schema = schema.get("additionalProperties", True)
        extra: Check | bool = (
            self._compile(extra_schema) if isinstance(extra_schema, dict) else extra_schema
        )
        names = self._compile(schema["propertyNames"]) if "propertyNames" in schema else None

        def check(value: Any) -> bool:
            if value.__class__ is not dict:
                return True
            for key in required:
                if key not in value:
                    return False
            for key, item in value.items():
                if names is not None and not names(key):
                    return False
                sub = properties.get(key)
                if sub is not None:
                    if not sub(item):
                        return False
                elif extra is False or (extra is not True and not extra(item)):
                    return False
            return True

        return [check]


# ---------------------------------------------------------------------------------------------
# Detailed errors in plain words


class SchemaProblem:
    """One schema violation: where (a JSON pointer), whether it is about a key, and what to do."""

    __slots__ = ("at_key", "message", "pointer")

    def __init__(self, pointer: str, message: str, at_key: bool = False) -> None:
        self.pointer = pointer
        self.message = message
        self.at_key = at_key

    def __repr__(self) -> str:
        return f"SchemaProblem({self.pointer!r}, {self.message!r}, at_key={self.at_key})"


@cache
def _validator(which: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    schema = load_schema() if which == "objective" else section_schema()
    return Draft202012Validator(schema, format_checker=FormatChecker(formats=("date",)))


def _field_name(path: list[Any] | tuple[Any, ...]) -> str:
    """A readable name for a location: key_results[1].target."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the front matter"


def _describe_type(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "a mapping of fields (name: value lines)",
    "array": "a list (lines starting with '- ')",
}


def _example(schema: dict[str, Any]) -> str | None:
    examples = schema.get("examples")
    if not examples:
        return None
    example = examples[0]
    if isinstance(example, (dict, list)):
        return None
    if isinstance(example, bool):
        return str(example).lower()
    return str(example)


def _number_hint(value: Any, expected: str) -> str:
    if isinstance(value, str):
        cleaned = value.replace(",", "").replace("，", "").strip()
        if re.fullmatch(r"[-+]?\d+(\.\d+)?", cleaned):
            return f"; write it without separators or quotes: {cleaned}"
        match = re.match(r"^[-+]?[\d,.]+\s*(\S+)$", value.strip())
        if match:
            return f"; move the unit {match[1]!r} to the 'unit' field"
    return ""


def _message(error: Any) -> SchemaProblem:
    path = list(error.absolute_path)
    pointer = pointer_of(path)
    name = _field_name(path)
    schema = resolve(error.schema, load_schema())
    value = error.instance
    keyword = error.validator
    if keyword == "required":
        missing = (
            error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        )
        sub = resolve(schema.get("properties", {}).get(missing, {}), load_schema())
        example = _example(sub)
        where = "" if not path else f" in {name}"
        text = f"missing required field '{missing}'{where}"
        description = sub.get("description")
        if description:
            text += f": {description.split('. ')[0].rstrip('.')}"
        if example is not None:
            text += f" (e.g. {missing}: {example})"
        return SchemaProblem(pointer, text)
    if keyword == "type":
        expected = error.validator_value
        kinds = expected if isinstance(expected, list) else [expected]
        words = " or ".join(_TYPE_WORDS.get(k, k) for k in kinds)
        hint = _number_hint(value, words) if "number" in kinds else ""
        if (
            "boolean" in kinds
            and isinstance(value, str)
            and value.lower() in ("yes", "no", "on", "off", "y", "n")
        ):
            hint = "; write true or false"
        if "string" in kinds and value is None:
            return SchemaProblem(pointer, f"{name} is empty; write {words}")
        return SchemaProblem(pointer, f"{name} must be {words}, not {_describe_type(value)}{hint}")
    if keyword == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        close = difflib.get_close_matches(str(value), [str(o) for o in error.validator_value], n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return SchemaProblem(pointer, f"{name} must be one of {options}, not {value!r}{hint}")
    if keyword in ("minimum", "maximum", "exclusiveMinimum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            hint = "; write a share such as 0.7 for 70%" if high == 1 and value > 1 else ""
            return SchemaProblem(
                pointer, f"{name} must be between {low:g} and {high:g}, not {value!r}{hint}"
            )
        if keyword == "exclusiveMinimum":
            return SchemaProblem(
                pointer, f"{name} must be greater than {error.validator_value:g}, not {value!r}"
            )
        return SchemaProblem(
            pointer, f"{name} must be at least {error.validator_value:g}, not {value!r}"
        )
    if keyword == "minItems":
        if error.validator_value == 1:
            return SchemaProblem(pointer, f"{name} is empty; add at least one item")
        return SchemaProblem(pointer, f"{name} needs at least {error.validator_value} items")
    if keyword == "minLength":
        return SchemaProblem(pointer, f"{name} is empty; write a value")
    if keyword == "uniqueItems":
        return SchemaProblem(pointer, f"{name} lists the same item twice; remove the duplicate")
    if keyword in ("pattern", "format"):
        hint = schema.get("x-okrdocs-hint")
        if keyword == "format" and schema.get("format") == "date":
            return SchemaProblem(pointer, f"{name}: {value!r} is not a real calendar date")
        text = f"{name}: {value!r} is not valid"
        if hint:
            text += f"; {hint}"
        return SchemaProblem(pointer, text)
    if keyword == "propertyNames":
        return SchemaProblem(pointer, f"{name}: {error.message}", True)
    return SchemaProblem(pointer, f"{name}: {error.message}")


def _unknown_fields(error: Any) -> Iterator[SchemaProblem]:
    """One problem per unknown key, each at the key itself, with a did-you-mean hint."""
    path = list(error.absolute_path)
    known = sorted(error.schema.get("properties", {}))
    where = f" in {_field_name(path)}" if path else ""
    for key in error.instance:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(known)}"
        yield SchemaProblem(pointer_of([*path, key]), f"unknown field '{key}'{where}{hint}", True)


def problems(data: Any, which: str = "objective") -> Iterator[SchemaProblem]:
    """Every schema violation in ``data``, in document order, worded for people."""
    validator = _validator(which)
    for error in validator.iter_errors(data):
        if error.validator == "propertyNames":
            # jsonschema reports the bad key under the mapping; point at the key itself.
            for key in error.instance:
                if isinstance(key, str) and not re.fullmatch(r"[\w.-]+", key):
                    yield SchemaProblem(
                        pointer_of([*error.absolute_path, key]),
                        f"'{key}' is not a valid key result id; "
                        "use letters, digits, '_', '-' or '.'",
                        True,
                    )
            continue
        if error.validator == "additionalProperties":
            yield from _unknown_fields(error)
            continue
        yield _message(error)


@cache
def fast_check(which: str = "objective") -> FastCheck:
    if which == "objective":
        return FastCheck(load_schema())
    return FastCheck(section_schema())


@cache
def shape(which: str = "objective") -> TextShape:
    return text_shape(load_schema() if which == "objective" else section_schema())
