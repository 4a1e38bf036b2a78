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
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrdocs.i18n import N_, _
from okrdocs.yamlsource import TEXT, TextShape, pointer_of

if TYPE_CHECKING:
    from okrdocs.fixes import Suggestion


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


@cache
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A schema pattern with JSON Schema's (ECMA-262's) meaning of a final ``$``: the very end
    of the text. In Python ``$`` also matches before a final newline, which let
    ``id: "sales/x\\n"`` through."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + "\\Z"
    return re.compile(pattern)


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


Check = Callable[[Any], bool]

_TYPE_TESTS = {
    "string": "v.__class__ is str",
    "number": "(v.__class__ is int or v.__class__ is float)",
    "integer": "(v.__class__ is int or (v.__class__ is float and v.is_integer()))",
    "boolean": "v.__class__ is bool",
    "object": "v.__class__ is dict",
    "array": "v.__class__ is list",
    "null": "v is None",
}


class FastCheck:
    """Decides valid / invalid for the keyword subset above.

    The schema is translated once into plain Python functions (one per subschema) and compiled:
    checking a document is then a few dict look-ups and comparisons per value, about ten times
    faster than walking the schema.
    """

    def __init__(self, schema: dict[str, Any], root: dict[str, Any] | None = None) -> None:
        self.root = root or schema
        self._names: dict[int, str] = {}
        self._source: list[str] = []
        # Property tables are filled after every function is defined (schemas may recurse).
        self._tables: list[str] = []
        self._constants: dict[str, Any] = {
            "_valid_date": _valid_date,
            "_unique": lambda items: (
                len({json.dumps(i, sort_keys=True) for i in items}) == len(items)
            ),
        }
        entry = self._function(schema)
        namespace = dict(self._constants)
        source = "\n".join(self._source + self._tables)
        exec(compile(source, "<okrdocs-fastcheck>", "exec"), namespace)
        self.is_valid: Check = namespace[entry]

    def _constant(self, value: Any) -> str:
        name = f"_c{len(self._constants)}"
        self._constants[name] = value
        return name

    def _function(self, schema: dict[str, Any]) -> str:
        key = id(schema)
        if key in self._names:
            return self._names[key]
        name = f"_v{len(self._names)}"
        self._names[key] = name
        resolved = resolve(schema, self.root)
        body = self._body(resolved)
        self._source.append(f"def {name}(v):")
        self._source.extend(f"    {line}" for line in body)
        self._source.append("    return True")
        return name

    def _body(self, schema: dict[str, Any]) -> list[str]:
        unknown = set(schema) - _KNOWN_KEYWORDS
        if unknown:
            raise ValueError(f"FastCheck does not support keywords {sorted(unknown)}")
        lines: list[str] = []
        kind = schema.get("type")
        if kind is not None:
            kinds = kind if isinstance(kind, list) else [kind]
            lines.append(f"if not ({' or '.join(_TYPE_TESTS[k] for k in kinds)}): return False")
        if "enum" in schema:
            options = self._constant([(o, o.__class__) for o in schema["enum"]])
            lines.append(
                f"if not any(v == o and v.__class__ is c for o, c in {options}): return False"
            )
        # After a guard on one type, the checks below need not test it again.
        sure = kind if isinstance(kind, str) else None
        is_str = "" if sure == "string" else f"{_TYPE_TESTS['string']} and "
        is_num = "" if sure in ("number", "integer") else f"{_TYPE_TESTS['number']} and "
        if schema.get("minLength"):
            lines.append(f"if {is_str}len(v) < {int(schema['minLength'])}: return False")
        if "pattern" in schema:
            search = self._constant(compile_pattern(schema["pattern"]).search)
            lines.append(f"if {is_str}{search}(v) is None: return False")
        if "format" in schema:
            if schema["format"] != "date":
                raise ValueError(f"FastCheck does not support format {schema['format']!r}")
            lines.append(f"if {is_str}not _valid_date(v): return False")
        for keyword, operator in (("minimum", "<"), ("maximum", ">"), ("exclusiveMinimum", "<=")):
            if keyword in schema:
                bound = self._constant(schema[keyword])
                lines.append(f"if {is_num}v {operator} {bound}: return False")
        lines.extend(self._array(schema))
        lines.extend(self._object(schema))
        return lines

    def _array(self, schema: dict[str, Any]) -> list[str]:
        lines = []
        if schema.get("minItems"):
            lines.append(
                f"if v.__class__ is list and len(v) < {int(schema['minItems'])}: return False"
            )
        if schema.get("uniqueItems"):
            lines.append("if v.__class__ is list and not _unique(v): return False")
        if isinstance(schema.get("items"), dict):
            item = self._function(schema["items"])
            lines += [
                "if v.__class__ is list:",
                "    for x in v:",
                f"        if not {item}(x): return False",
            ]
        return lines

    def _object(self, schema: dict[str, Any]) -> list[str]:
        keywords = ("required", "properties", "additionalProperties", "propertyNames")
        if not any(k in schema for k in keywords):
            return []
        lines = ["if v.__class__ is dict:"]
        for key in schema.get("required", ()):
            lines.append(f"    if {key!r} not in v: return False")
        properties = {k: self._function(sub) for k, sub in schema.get("properties", {}).items()}
        table = self._constant({})  # filled below, once the functions exist
        entries = ", ".join(f"{k!r}: {f}" for k, f in properties.items())
        self._tables.append(f"{table}.update({{{entries}}})")
        extra = schema.get("additionalProperties", True)
        names = schema.get("propertyNames")
        lines.append("    for k, x in v.items():")
        if names is not None:
            lines.append(f"        if not {self._function(names)}(k): return False")
        lines.append(f"        f = {table}.get(k)")
        lines.append("        if f is not None:")
        lines.append("            if not f(x): return False")
        if extra is False:
            lines.append("        else: return False")
        elif isinstance(extra, dict):
            lines.append(f"        elif not {self._function(extra)}(x): return False")
        return lines


# ---------------------------------------------------------------------------------------------
# Detailed errors in plain words


class SchemaProblem:
    """One schema violation: where (a JSON pointer), whether it is about a key, and what to do
    (``suggestion``: what the message suggests writing, when a fix can be built from it)."""

    __slots__ = ("at_key", "message", "pointer", "suggestion")

    def __init__(
        self,
        pointer: str,
        message: str,
        at_key: bool = False,
        suggestion: Suggestion | None = None,
    ) -> None:
        self.pointer = pointer
        self.message = message
        self.at_key = at_key
        self.suggestion = suggestion

    def __repr__(self) -> str:
        return f"SchemaProblem({self.pointer!r}, {self.message!r}, at_key={self.at_key})"


@cache
def _validator(which: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

    def pattern(validator: Any, regex: str, instance: Any, schema: dict[str, Any]) -> Any:
        if isinstance(instance, str) and compile_pattern(regex).search(instance) is None:
            yield ValidationError(f"{instance!r} does not match {regex!r}")

    # The same pattern semantics as FastCheck (ECMA-262's '$': the very end of the text).
    checker = validators.extend(Draft202012Validator, {"pattern": pattern})
    schema = load_schema() if which == "objective" else section_schema()
    return checker(schema, format_checker=FormatChecker(formats=("date",)))


def field_name(pointer: str) -> str:
    """A readable name for a JSON pointer: /key_results/1/target -> key_results[1].target."""
    from okrdocs.yamlsource import unescape_pointer_token

    parts: list[Any] = []
    for token in pointer[1:].split("/") if pointer else []:
        raw = unescape_pointer_token(token)
        parts.append(int(raw) if raw.isdigit() else raw)
    return _field_name(parts)


def _field_name(path: list[Any] | tuple[Any, ...]) -> str:
    """A readable name for a location: key_results[1].target."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or _("the front matter")


def _describe_type(value: Any) -> str:
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return _("{value} (a yes/no value)", value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value!r}", value=value)
    if isinstance(value, str):
        return _("the text {value!r}", value=value)
    if isinstance(value, list):
        return _("a list")
    return _("a mapping of fields")


_TYPE_WORDS = {
    "string": N_("text"),
    "number": N_("a number"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
    "object": N_("a mapping of fields (name: value lines)"),
    "array": N_("a list (lines starting with '- ')"),
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


def _number_hint(value: Any, share: bool = False) -> tuple[str, Suggestion | None]:
    """What to write instead of a text where a number is expected, and the suggestion a fix
    can be built from (okrdocs.fixes)."""
    if not isinstance(value, str):
        return "", None
    from okrdocs.fixes import Suggestion, as_number_text, share_text

    text = unicodedata.normalize("NFKC", value).strip()
    if text.lower() in (".inf", "-.inf", "+.inf", ".nan", "inf", "nan", "infinity"):
        return _("; write a finite number, such as 850"), None
    cleaned = text.replace(",", "").replace("，", "")
    percent = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)\s*%", cleaned)
    if share and percent:
        written = share_text(percent[1])
        hint = _(
            "; write a share: {share} for {percent}%",
            share=f"{float(percent[1]) / 100:g}",
            percent=percent[1],
        )
        return hint, Suggestion("share", written) if written is not None else None
    if re.fullmatch(r"[-+]?\d+(\.\d+)?", cleaned):
        number = as_number_text(cleaned)
        hint = _("; write it without separators or quotes: {number}", number=cleaned)
        return hint, Suggestion("number", number) if number is not None else None
    match = re.match(r"^([-+]?(?=[\d,.]*\d)[\d,.]+)\s*(\S+)$", text)
    if match:
        number = as_number_text(match[1])
        hint = _("; move the unit {unit!r} to the 'unit' field", unit=match[2])
        return hint, Suggestion("unit", number, match[2]) if number is not None else None
    return "", None


def _first_sentence(description: str) -> str:
    return description.split(". ")[0].rstrip(".")


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
        if path:
            text = _("missing required field '{field}' in {where}", field=missing, where=name)
        else:
            text = _("missing required field '{field}'", field=missing)
        description = sub.get("description")
        if description:
            text += ": " + _(_first_sentence(description))
        if example is not None:
            text += _(" (e.g. {field}: {example})", field=missing, example=example)
        return SchemaProblem(pointer, text)
    if keyword == "type":
        expected = error.validator_value
        kinds = expected if isinstance(expected, list) else [expected]
        words = _(" or ").join(_(_TYPE_WORDS.get(str(k), str(k))) for k in kinds)
        share = schema.get("maximum") == 1 and schema.get("minimum") == 0
        hint, suggestion = _number_hint(value, share) if "number" in kinds else ("", None)
        if (
            "boolean" in kinds
            and isinstance(value, str)
            and value.lower() in ("yes", "no", "on", "off", "y", "n")
        ):
            hint = _("; write true or false")
        if "string" in kinds and value is None:
            return SchemaProblem(
                pointer, _("{field} is empty; write {what}", field=name, what=words)
            )
        return SchemaProblem(
            pointer,
            _(
                "{field} must be {what}, not {value}{hint}",
                field=name,
                what=words,
                value=_describe_type(value),
                hint=hint,
            ),
            suggestion=suggestion,
        )
    if keyword == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        close = difflib.get_close_matches(str(value), [str(o) for o in error.validator_value], n=1)
        hint = _("; did you mean '{name}'?", name=close[0]) if close else ""
        return SchemaProblem(
            pointer,
            _(
                "{field} must be one of {options}, not {value!r}{hint}",
                field=name,
                options=options,
                value=value,
                hint=hint,
            ),
        )
    if keyword in ("minimum", "maximum", "exclusiveMinimum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            from okrdocs.fixes import Suggestion, share_text

            is_percent = high == 1 and value > 1
            hint = _("; write a share such as 0.7 for 70%") if is_percent else ""
            # 70 where a share is expected is 70%; 7 might be 7 out of 10: no fix for that.
            written = share_text(str(value)) if is_percent and 10 <= value <= 100 else None
            return SchemaProblem(
                pointer,
                _(
                    "{field} must be between {low} and {high}, not {value!r}{hint}",
                    field=name,
                    low=f"{low:g}",
                    high=f"{high:g}",
                    value=value,
                    hint=hint,
                ),
                suggestion=Suggestion("share", written) if written is not None else None,
            )
        bound = f"{error.validator_value:g}"
        if keyword == "exclusiveMinimum":
            return SchemaProblem(
                pointer,
                _(
                    "{field} must be greater than {bound}, not {value!r}",
                    field=name,
                    bound=bound,
                    value=value,
                ),
            )
        return SchemaProblem(
            pointer,
            _(
                "{field} must be at least {bound}, not {value!r}",
                field=name,
                bound=bound,
                value=value,
            ),
        )
    if keyword == "minItems":
        if error.validator_value == 1:
            return SchemaProblem(pointer, _("{field} is empty; add at least one item", field=name))
        return SchemaProblem(
            pointer,
            _("{field} needs at least {n} items", field=name, n=error.validator_value),
        )
    if keyword == "minLength":
        return SchemaProblem(pointer, _("{field} is empty; write a value", field=name))
    if keyword == "uniqueItems":
        return SchemaProblem(
            pointer, _("{field} lists the same item twice; remove the duplicate", field=name)
        )
    if keyword in ("pattern", "format"):
        pattern_hint: str | None = schema.get("x-okrdocs-hint")
        if keyword == "format" and schema.get("format") == "date":
            return SchemaProblem(
                pointer,
                _("{field}: {value!r} is not a real calendar date", field=name, value=value),
            )
        text = _("{field}: {value!r} is not valid", field=name, value=value)
        if pattern_hint:
            text += _("; ") + _(pattern_hint)
        return SchemaProblem(pointer, text)
    if keyword == "propertyNames":
        return SchemaProblem(pointer, f"{name}: {error.message}", True)
    return SchemaProblem(pointer, f"{name}: {error.message}")


def _unknown_fields(error: Any) -> Iterator[SchemaProblem]:
    """One problem per unknown key, each at the key itself, with a did-you-mean hint."""
    path = list(error.absolute_path)
    known = sorted(error.schema.get("properties", {}))
    for key in error.instance:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = (
            _("; did you mean '{name}'?", name=close[0])
            if close
            else _("; known fields: {names}", names=", ".join(known))
        )
        if path:
            text = _(
                "unknown field '{key}' in {where}{hint}",
                key=key,
                where=_field_name(path),
                hint=hint,
            )
        else:
            text = _("unknown field '{key}'{hint}", key=key, hint=hint)
        from okrdocs.fixes import Suggestion

        # Renaming is safe only when the field it becomes is not there already.
        safe = close and close[0] not in error.instance
        rename = Suggestion("rename", close[0]) if safe else None
        yield SchemaProblem(pointer_of([*path, key]), text, True, rename)


def problems(data: Any, which: str = "objective") -> Iterator[SchemaProblem]:
    """Every schema violation in ``data``, in document order, worded for people."""
    validator = _validator(which)
    errors = list(validator.iter_errors(data))
    # A date that breaks its pattern also fails the date format: say it once, with the hint.
    patterned = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    for error in errors:
        if error.validator == "format" and tuple(error.absolute_path) in patterned:
            continue
        if error.validator == "propertyNames":
            # jsonschema reports the bad key under the mapping; point at the key itself.
            for key in error.instance:
                if isinstance(key, str) and not re.fullmatch(r"[\w.-]+", key):
                    yield SchemaProblem(
                        pointer_of([*error.absolute_path, key]),
                        _(
                            "'{key}' is not a valid key result id; use letters, digits, '_', "
                            "'-' or '.'",
                            key=key,
                        ),
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
