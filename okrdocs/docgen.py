"""Generate the parts of ``docs/`` (and the draft-07 copy of the schema) that have a single
source of truth elsewhere.

    python -m okrdocs.docgen          # rewrite the generated sections
    python -m okrdocs.docgen --check  # exit 1 if any is stale (the test suite runs this)

Generated text lives between ``<!-- generated:NAME:start -->`` and ``<!-- generated:NAME:end -->``
markers, so the hand-written prose around it stays hand-written.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from okrdocs import validation

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _type_of(schema: dict[str, Any], root: dict[str, Any]) -> str:
    schema = validation.resolve(schema, root)
    if "enum" in schema:
        return " \\| ".join(f"`{option}`" for option in schema["enum"])
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        items = validation.resolve(schema.get("items", {}), root)
        inner = items.get("type", "any")
        return f"list of {'mappings' if inner == 'object' else inner + 's'}"
    if kind == "object":
        return "mapping"
    if schema.get("format") == "date":
        return "date `YYYY-MM-DD`"
    return str(kind)


def _example(schema: dict[str, Any], root: dict[str, Any]) -> str:
    examples = validation.resolve(schema, root).get("examples") or []
    simple = [e for e in examples if not isinstance(e, (dict, list))]
    if not simple:
        return ""
    return ", ".join(f"`{str(e).lower() if isinstance(e, bool) else e}`" for e in simple[:2])


def _table(schema: dict[str, Any], root: dict[str, Any]) -> str:
    required = set(schema.get("required", ()))
    lines = ["| field | type | required | description | examples |", "|---|---|---|---|---|"]
    for name, sub in schema["properties"].items():
        resolved = validation.resolve(sub, root)
        description = resolved.get("description", "").replace("|", "\\|")
        lines.append(
            f"| `{name}` | {_type_of(sub, root)} | {'yes' if name in required else ''} "
            f"| {description} | {_example(sub, root)} |"
        )
    return "\n".join(lines)


def schema_fields() -> str:
    root = validation.load_schema()
    defs = root["$defs"]
    parts = [
        "### Objective (the front matter)",
        _table(root, root),
        "### Key result (an item of `key_results`)",
        _table(defs["keyResult"], root),
        "### Action (an item of a key result's `actions`)",
        _table(defs["action"], root),
        "### Check-in (an item of `checkins`)",
        _table(defs["checkin"], root),
        "### Section (the front matter of `_index.md`)",
        _table(defs["section"], root),
    ]
    return "\n\n".join(parts)


def precision_table() -> str:
    """The judgement rules' precision and recall per rule and language, on each part of the
    corpus (tests/corpus/): held out, tuning, old. The held-out part only in aggregate."""
    import importlib

    if str(DOCS.parent) not in sys.path:  # the corpus lives in the repository's tests/
        sys.path.insert(0, str(DOCS.parent))
    module = importlib.import_module("tests.corpus.precision")
    parts = [
        ("frozen", "Held-out part of the development corpus (never tuned on)"),
        ("tune", "Tuning part of the development corpus"),
        ("old", "Old corpus"),
    ]
    sections = []
    for part, title in parts:
        scores = module.evaluate_part(part, keep_mistakes=False)
        sections.append(f"**{title}** (precision / recall)\n\n{module.language_table(scores)}")
    return "\n\n".join(sections)


# Sections inside hand-written pages: marker name -> (file under docs/, generator).
SECTIONS: dict[str, tuple[str, Callable[[], str]]] = {
    "schema-fields": ("format.md", schema_fields),
    "precision": ("linting.md", precision_table),
    "csv-columns": ("workflow.md", lambda: _csv_columns()),
}


def _csv_columns() -> str:
    from okrdocs.authoring.spreadsheet import docs_table

    return docs_table()


def whole_files() -> dict[str, str]:
    """Pages generated entirely: one per rule, and the rule index."""
    from okrdocs.rules import RULES
    from okrdocs.rules.docs import index_page, rule_page

    pages = {f"rules/{code}.md": rule_page(rule) for code, rule in RULES.items()}
    pages["rules/README.md"] = index_page(RULES)
    for code, rule in RULES.items():
        pages[f"rules/zh-CN/{code}.md"] = rule_page(rule, "zh-CN")
    pages["rules/zh-CN/README.md"] = index_page(RULES, "zh-CN")
    return pages


def schema_copies() -> dict[Path, str]:
    """The schema for tools that know JSON Schema draft-07 only (Ajv's default, as in
    remark-lint-frontmatter-schema): the same schema, declared as draft-07. It uses nothing
    draft-07 validators read differently (``$defs`` is reached by JSON pointer)."""
    schema = validation.load_schema()
    copy = {
        **schema,
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": schema["$id"].replace("okr.schema.json", "okr.draft-07.schema.json"),
    }
    text = json.dumps(copy, ensure_ascii=False, indent=2) + "\n"
    return {DOCS.parent / "schema" / "okr.draft-07.schema.json": text}


def render(text: str, name: str, body: str) -> str:
    marker = re.escape(name)
    pattern = re.compile(
        rf"(<!-- generated:{marker}:start -->\n).*?(<!-- generated:{marker}:end -->)", re.DOTALL
    )
    if not pattern.search(text):
        raise ValueError(f"markers for {name!r} not found")
    return pattern.sub(lambda m: m.group(1) + body.rstrip("\n") + "\n" + m.group(2), text)


def run(check: bool) -> list[str]:
    """Regenerate (or, with ``check``, only compare); returns the stale file names."""
    stale = []
    for name, (filename, generate) in SECTIONS.items():
        path = DOCS / filename
        text = path.read_text(encoding="utf-8")
        updated = render(text, name, generate())
        if updated != text:
            stale.append(filename)
            if not check:
                path.write_text(updated, encoding="utf-8")
    pages = whole_files()
    for filename, text in pages.items():
        path = DOCS / filename
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(filename)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for path, text in schema_copies().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path.relative_to(DOCS.parent).as_posix())
            if not check:
                path.write_text(text, encoding="utf-8")
    for folder in (DOCS / "rules", DOCS / "rules" / "zh-CN"):
        for path in sorted(folder.glob("*.md")) if folder.exists() else []:
            name = path.relative_to(DOCS).as_posix()
            if name not in pages:  # a rule that no longer exists
                stale.append(name)
                if not check:
                    path.unlink()
    return stale


def stamp(codes: list[str]) -> None:
    """Record that the Chinese pages of ``codes`` translate the rules' current English text
    (run after updating a translation)."""
    from okrdocs.rules import RULES
    from okrdocs.rules.base import _SOURCE_LINE, TRANSLATIONS, source_hash

    for code in codes:
        path = TRANSLATIONS / f"{code}.md"
        text = _SOURCE_LINE.sub("", path.read_text(encoding="utf-8")).rstrip("\n")
        line = f"<!-- translates: {source_hash(RULES[code])} -->"
        path.write_text(f"{text}\n\n{line}\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["stamp"]:
        stamp(sys.argv[2:])
        sys.exit(0)
    check_only = "--check" in sys.argv
    outdated = run(check_only)
    if outdated:
        print(("stale: " if check_only else "updated: ") + ", ".join(outdated))
    sys.exit(1 if (check_only and outdated) else 0)
