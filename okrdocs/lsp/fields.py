"""What the schema (``schema/okr.schema.json``) says about the fields at a place in a file:
their names, meanings (in the user's language, through the message catalogue), types, allowed
values and examples. Completion and hover read it; the schema stays the one source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from okrdocs import validation
from okrdocs.i18n import _
from okrdocs.lsp.outline import Path


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    schema: dict[str, Any]
    required: bool

    @property
    def meaning(self) -> str:
        """The description in the user's language (the catalogue holds longer descriptions
        whole, and the first sentence of every one: see okrdocs.i18n_catalogue)."""
        description: str = self.schema.get("description", "")
        first = validation._first_sentence(description)
        if description.rstrip(".") != first:
            return _(description)
        translated = _(first)
        return description if translated == first else translated

    @property
    def choices(self) -> list[str]:
        return [str(value) for value in self.schema.get("enum", [])]

    @property
    def examples(self) -> list[str]:
        found = []
        for example in self.schema.get("examples", []):
            if isinstance(example, bool):
                found.append(str(example).lower())
            elif not isinstance(example, (dict, list)):
                found.append(str(example))
        return found

    @property
    def kind(self) -> str:
        kind = self.schema.get("type")
        if "enum" in self.schema:
            return "enum"
        if kind == "array":
            return "list"
        if kind == "object":
            return "mapping"
        return str(kind or "")

    @property
    def what(self) -> str:
        """What the field holds, in the user's language: its choices, or its type as schema
        messages name it ("text", "a number", "a list (lines starting with '- ')")."""
        if self.choices:
            return " | ".join(self.choices)
        if self.schema.get("format") == "date":
            return "YYYY-MM-DD"
        words = validation._TYPE_WORDS.get(str(self.schema.get("type")))
        return _(words) if words else ""


def _mapping_schema(path: Path, section: bool) -> dict[str, Any] | None:
    """The schema of the mapping at ``path`` (root, a key result, an action, a check-in)."""
    root = validation.load_schema()
    defs = root["$defs"]
    if section:
        return defs["section"] if not path else None
    shapes: dict[tuple[str, ...], dict[str, Any]] = {
        (): root,
        ("key_results", "#"): defs["keyResult"],
        ("key_results", "#", "actions", "#"): defs["action"],
        ("checkins", "#"): defs["checkin"],
    }
    shape = tuple("#" if isinstance(part, int) else part for part in path)
    return shapes.get(shape)


def fields_at(path: Path, section: bool = False) -> list[Field]:
    """The fields a mapping at ``path`` may have, in the schema's order (empty when the path
    is not a mapping okrdocs knows)."""
    schema = _mapping_schema(path, section)
    if schema is None:
        return []
    root = validation.load_schema()
    required = set(schema.get("required", ()))
    return [
        Field(name, validation.resolve(sub, root), name in required)
        for name, sub in schema.get("properties", {}).items()
    ]


def field(path: Path, name: str, section: bool = False) -> Field | None:
    return next((f for f in fields_at(path, section) if f.name == name), None)


def is_values(path: Path) -> bool:
    """Whether ``path`` is a check-in's ``values`` mapping (key result id -> value)."""
    return len(path) == 3 and path[0] == "checkins" and path[2] == "values"
