"""Keep the message catalogue in step with the code (a development tool, not used at run time).

    python -m okrdocs.i18n_catalogue          # add new messages, drop unused ones
    python -m okrdocs.i18n_catalogue --check  # exit 1 if the catalogue is not current

Messages are found in the code (``_("...")``, ``_n("...", "...", n)``, ``N_("...")``,
``in_language(lang, "...")``, ``t("...")`` and ``self.t``/``self.label`` in site helpers, rule
option descriptions), in the schema (the first sentence of each field's ``description`` and
every ``x-okrdocs-hint``, which schema messages quote) and in the default theme's templates
(``t("...")``). The catalogue keeps every translation; a new message gets an empty one, which
the test suite reports.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from okrdocs.i18n import CATALOGUES, LOCALE_FOLDER, _unquote, read_po

PACKAGE = Path(__file__).parent
SCHEMA = PACKAGE.parent / "schema" / "okr.schema.json"
PLACEHOLDER = re.compile(r"\{\w*(?:![rsa])?(?::[^{}]*)?\}")
_MESSAGE_FUNCTIONS = {"_": 0, "N_": 0, "t": 0, "label": 0, "in_language": 1}
_MESSAGE_METHODS = {"t", "label"}
TEMPLATES = PACKAGE.parent / "themes" / "default" / "templates"
_TEMPLATE_CALL = re.compile(r"""\bt\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


@dataclass(slots=True)
class Entry:
    msgid: str
    plural: str | None = None
    places: list[str] = field(default_factory=list)


def _constant(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract() -> dict[str, Entry]:
    """Every message of the code and the templates, by msgid (in order of first use)."""
    found: dict[str, Entry] = {}

    def add(msgid: str, plural: str | None, place: str) -> None:
        key = f"{msgid}\x00{plural}" if plural else msgid
        entry = found.setdefault(key, Entry(msgid, plural))
        if place not in entry.places:  # files, not lines: the catalogue stays put as code moves
            entry.places.append(place)

    roots = [PACKAGE]
    for path in sorted(p for root in roots for p in root.rglob("*.py")):
        if path.name == "i18n_catalogue.py" or "/text/data/" in path.as_posix():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(PACKAGE.parent).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            args, place = node.args, rel
            if rel == "okrdocs/cli.py":  # option help, shown by --help
                for keyword in node.keywords:
                    text = _constant(keyword.value) if keyword.arg == "help" else None
                    if text is not None:
                        add(text, None, place)
            if isinstance(node.func, ast.Attribute):
                if node.func.attr in _MESSAGE_METHODS and args:
                    text = _constant(args[0])
                    if text is not None:
                        add(text, None, place)
                continue
            if not isinstance(node.func, ast.Name):
                continue
            name = node.func.id
            if name in _MESSAGE_FUNCTIONS and len(args) > _MESSAGE_FUNCTIONS[name]:
                text = _constant(args[_MESSAGE_FUNCTIONS[name]])
                if text is not None:
                    add(text, None, place)
            elif name == "_n" and len(args) >= 2:
                singular, plural = _constant(args[0]), _constant(args[1])
                if singular is not None and plural is not None:
                    add(singular, plural, place)
            elif name == "Option" and len(args) >= 3:
                text = _constant(args[2])
                if text is not None:
                    add(text, None, place)
    for text in _command_help():
        add(text, None, "okrdocs/cli.py")
    for text in _schema_messages():
        add(text, None, SCHEMA.relative_to(PACKAGE.parent).as_posix())
    for path in sorted(TEMPLATES.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(PACKAGE.parent).as_posix()
        for match in _TEMPLATE_CALL.finditer(text):
            raw = match[1] if match[1] is not None else match[2]
            add(_unquote(f'"{raw}"') if match[1] is not None else raw, None, rel)
    return found


def _command_help() -> list[str]:
    """The docstrings of the commands: their --help pages."""
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
            "command" in ast.unparse(d) or "group" in ast.unparse(d) for d in node.decorator_list
        ):
            text = ast.get_docstring(node)
            if text:
                found.append(text)
    return found


def _schema_messages() -> list[str]:
    """What schema messages quote (first sentences of descriptions, and the hints) and what
    editors show (whole descriptions)."""

    from okrdocs.validation import _first_sentence

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            description = node.get("description")
            if isinstance(description, str):
                first = _first_sentence(description)
                found.append(first)
                if description.rstrip(".") != first:  # editors show it whole (okrdocs.lsp)
                    found.append(description)
            hint = node.get("x-okrdocs-hint")
            if isinstance(hint, str):
                found.append(hint)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(SCHEMA.read_text(encoding="utf-8")))
    return found


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def read_translations(text: str) -> dict[str, str]:
    """Every entry's translation, fuzzy or empty ones included (to keep them)."""
    return read_po(text, keep_untranslated=True)


HEADER = """\
# Simplified Chinese messages of okrdocs.
# Terms follow docs/glossary.md. Update with: python -m okrdocs.i18n_catalogue
msgid ""
msgstr ""
"Language: zh_CN\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""


def render(entries: dict[str, Entry], translations: dict[str, str]) -> str:
    blocks = [HEADER]
    for key, entry in entries.items():
        lines = [f"#: {' '.join(entry.places[:3])}"]
        placeholders = PLACEHOLDER.findall(entry.msgid)
        if placeholders:
            lines.append("#, python-brace-format")
        lines.append(f"msgid {_quote(entry.msgid)}")
        if entry.plural is not None:
            lines.append(f"msgid_plural {_quote(entry.plural)}")
            lines.append(f"msgstr[0] {_quote(translations.get(key, ''))}")
        else:
            lines.append(f"msgstr {_quote(translations.get(key, ''))}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def update(check: bool = False) -> bool:
    """Bring every catalogue up to date (or, with ``check``, only compare); True if current."""
    entries = extract()
    current = True
    for name in CATALOGUES.values():
        source, compiled = LOCALE_FOLDER / f"{name}.po", LOCALE_FOLDER / f"{name}.json"
        existing = source.read_text(encoding="utf-8") if source.exists() else ""
        text = render(entries, read_translations(existing))
        table = json.dumps(read_po(text), ensure_ascii=False, sort_keys=True, indent=0) + "\n"
        for path, wanted in ((source, text), (compiled, table)):
            if not path.exists() or path.read_text(encoding="utf-8") != wanted:
                current = False
                if not check:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(wanted, encoding="utf-8")
    return current


if __name__ == "__main__":
    checking = "--check" in sys.argv
    up_to_date = update(checking)
    if checking and not up_to_date:
        print("the message catalogue is not current: run python -m okrdocs.i18n_catalogue")
        sys.exit(1)
