"""Go to definition (a ``parent`` id opens the parent objective's file; a key result id in a
check-in's ``values`` goes to that key result) and the document's outline of symbols (the
objective, its key results and their actions, the check-ins)."""

from __future__ import annotations

import re

from lsprotocol import types

from okrdocs.i18n import _
from okrdocs.lsp.fields import is_values
from okrdocs.lsp.outline import Line, Outline, read, unquote
from okrdocs.lsp.projects import Project
from okrdocs.lsp.text import Document

_WORD = re.compile(r"[\w.-]+")


def _range(document: Document, line: int, start: int, end: int) -> types.Range:
    return types.Range(
        types.Position(line, document.index.units(line, start)),
        types.Position(line, document.index.units(line, end)),
    )


def _word_at(text: str, column: int) -> tuple[str, int, int] | None:
    for match in _WORD.finditer(text):
        if match.start() <= column <= match.end():
            return match[0], match.start(), match.end()
    return None


def definition(
    project: Project, document: Document, line: int, units: int
) -> types.Location | None:
    outline = read(document.lines)
    here = outline.at(line)
    if here is None or here.key is None:
        return None
    column = document.character(line, units)
    if here.parent == () and here.key == "parent" and column >= here.value_start:
        target = project.file_of(unquote(here.value))
        if target is None:
            return None
        start = types.Position(0, 0)
        return types.Location(uri=target.as_uri(), range=types.Range(start, start))
    values_here = here.key == "values" or is_values(here.parent)
    if values_here and column >= here.key_start:
        word = _word_at(document.lines[line], column)
        if word is None:
            return None
        for item in outline.items(("key_results",)):
            assert item.item is not None
            if outline.value(item.item, "id") == word[0]:
                id_line = outline.keys_of(item.item)["id"]
                return types.Location(
                    uri=document.uri,
                    range=_range(document, id_line.number, id_line.key_start, id_line.key_end),
                )
    return None


def _symbol(
    document: Document,
    name: str,
    kind: types.SymbolKind,
    first: Line,
    last: int,
    detail: str | None = None,
    children: list[types.DocumentSymbol] | None = None,
) -> types.DocumentSymbol:
    whole = types.Range(
        types.Position(first.number, 0),
        types.Position(last, document.index.units(last, len(document.lines[last]))),
    )
    start = first.key_start if first.key is not None else 0
    selection = _range(document, first.number, start, len(document.lines[first.number]))
    return types.DocumentSymbol(
        name=name or "…",
        kind=kind,
        range=whole,
        selection_range=selection,
        detail=detail,
        children=children or [],
    )


def _list(
    document: Document, outline: Outline, parent: tuple[str | int, ...], key: str
) -> list[tuple[Line, tuple[str | int, ...], int]]:
    """(first line, path, last line) of each item of a list."""
    items = outline.items((*parent, key))
    found = []
    for position, item in enumerate(items):
        assert item.item is not None
        following = items[position + 1].number - 1 if position + 1 < len(items) else None
        last = following if following is not None else outline.end_of(item.item)
        found.append((item, item.item, max(last, item.number)))
    return found


def symbols(document: Document) -> list[types.DocumentSymbol]:
    outline = read(document.lines)
    if not outline.found:
        return []
    key_results = []
    for position, (first, path, last) in enumerate(_list(document, outline, (), "key_results")):
        actions = [
            _symbol(
                document,
                outline.value(action_path, "title") or "",
                types.SymbolKind.Event,
                action,
                action_last,
                outline.value(action_path, "due"),
            )
            for action, action_path, action_last in _list(document, outline, path, "actions")
        ]
        kr_id = outline.value(path, "id") or f"kr{position + 1}"
        key_results.append(
            _symbol(
                document,
                outline.value(path, "title") or kr_id,
                types.SymbolKind.Field,
                first,
                last,
                kr_id,
                actions,
            )
        )
    checkins = [
        _symbol(document, outline.value(path, "date") or "", types.SymbolKind.Event, first, last)
        for first, path, last in _list(document, outline, (), "checkins")
    ]
    top = outline.keys_of(())
    found: list[types.DocumentSymbol] = []
    anchor = top.get("objective") or (outline.lines[0] if outline.lines else None)
    if anchor is None:
        return []
    children = list(key_results)
    if checkins and "checkins" in top:
        children.append(
            _symbol(
                document,
                _("check-ins"),
                types.SymbolKind.Array,
                top["checkins"],
                checkins[-1].range.end.line,
                children=checkins,
            )
        )
    objective = _symbol(
        document,
        outline.value((), "objective") or outline.value((), "title") or document.path.stem,
        types.SymbolKind.Module,
        anchor,
        outline.last,
        outline.value((), "period"),
        children,
    )
    # The whole front matter, whatever the order of its keys: children must lie inside.
    objective.range = types.Range(
        types.Position(0, 0),
        types.Position(outline.last + 1, 0),
    )
    found.append(objective)
    return found
