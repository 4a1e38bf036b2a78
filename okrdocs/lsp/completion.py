"""Completion: what may be written where the cursor is.

- where a key is expected: the fields the schema allows there and the mapping does not have
  yet, with their meanings;
- values: the schema's choices (``type``, an action's ``status``, ``done``), people and teams
  (the configuration's roster first, then those the project's files name), ``parent`` ids
  from the project, periods (this and the next quarter, half and year, and those in use),
  today's date for a check-in;
- inside a check-in's ``values``: the key result ids of the file.
"""

from __future__ import annotations

from lsprotocol import types

from okrdocs.i18n import N_, _
from okrdocs.lsp.fields import field, fields_at, is_values
from okrdocs.lsp.outline import Cursor, Outline, cursor, read, unquote
from okrdocs.lsp.projects import Project
from okrdocs.lsp.text import Document
from okrdocs.periods import PeriodError, parse_period, period_containing

PEOPLE_FIELDS = ("owner", "author")
_PERIOD_WORDS = {
    "quarter": (N_("this quarter"), N_("next quarter")),
    "half": (N_("this half-year"), N_("next half-year")),
    "year": (N_("this year"), N_("next year")),
}


def key_result_ids(outline: Outline) -> list[tuple[str, str]]:
    """(id, title) of every key result the file lists (kr1, kr2... where none is written)."""
    found = []
    for position, item in enumerate(outline.items(("key_results",))):
        assert item.item is not None
        kr_id = outline.value(item.item, "id") or f"kr{position + 1}"
        found.append((kr_id, outline.value(item.item, "title") or ""))
    return found


def _item(
    label: str,
    kind: types.CompletionItemKind,
    detail: str | None = None,
    documentation: str | None = None,
    insert: str | None = None,
    order: int = 0,
) -> types.CompletionItem:
    return types.CompletionItem(
        label=label,
        kind=kind,
        detail=detail or None,
        documentation=(
            types.MarkupContent(kind=types.MarkupKind.Markdown, value=documentation)
            if documentation
            else None
        ),
        insert_text=insert,
        sort_text=f"{order:02d}{label}",
    )


def _keys(
    project: Project, outline: Outline, here: Cursor, section: bool
) -> list[types.CompletionItem]:
    if is_values(here.path):
        present = set(outline.keys_of(here.path)) | set(here.flow_keys)
        return [
            _item(kr_id, types.CompletionItemKind.Reference, title, insert=f"{kr_id}: ")
            for kr_id, title in key_result_ids(outline)
            if kr_id not in present
        ]
    present = set(outline.keys_of(here.path))
    items = []
    for position, found in enumerate(fields_at(here.path, section)):
        if found.name in present:
            continue
        detail = " · ".join(part for part in (found.what, _("required") * found.required) if part)
        if found.kind == "list":
            insert = f"{found.name}:\n" if not here.in_flow else f"{found.name}: "
        else:
            insert = f"{found.name}: "
        items.append(
            _item(
                found.name,
                types.CompletionItemKind.Field,
                detail,
                found.meaning,
                insert=insert,
                order=0 if found.required else 1 + position,
            )
        )
    return items


def _periods(project: Project) -> list[tuple[str, str]]:
    """Periods worth offering: this and the next quarter, half and year; those in use."""
    fiscal = project.config.fiscal
    day = project.day
    found: dict[str, str] = {}
    for unit, (this, following_words) in _PERIOD_WORDS.items():
        current = period_containing(day, unit, fiscal)
        found.setdefault(current, _(this))
        try:
            end = parse_period(current, fiscal).end
            following = period_containing(end.fromordinal(end.toordinal() + 1), unit, fiscal)
            found.setdefault(following, _(following_words))
        except PeriodError:
            continue
    for header in project.headers().values():
        if header.period:
            found.setdefault(header.period, _("in use"))
    return list(found.items())


def _people(project: Project) -> list[tuple[str, str, int]]:
    people: dict[str, tuple[str, int]] = {}
    for person in project.config.people.values():
        people[person.id] = (person.name or "", 0)
    for header in project.headers().values():
        if header.owner and header.owner not in people:
            people[header.owner] = (_("owner in the project"), 1)
    return [(person, detail, order) for person, (detail, order) in people.items()]


def _teams(project: Project) -> list[tuple[str, str, int]]:
    teams: dict[str, tuple[str, int]] = {}
    for team in project.config.teams.values():
        teams[team.id] = (team.name or "", 0)
    for header in project.headers().values():
        if header.team and header.team not in teams:
            teams[header.team] = (_("team in the project"), 1)
    return [(team, detail, order) for team, (detail, order) in teams.items()]


def _values(
    project: Project, document: Document, outline: Outline, here: Cursor, section: bool
) -> list[types.CompletionItem]:
    key = here.key or ""
    value = types.CompletionItemKind.Value
    if is_values(here.path):
        return [_item("true", value), _item("false", value)]
    if key in PEOPLE_FIELDS:
        return [
            _item(person, types.CompletionItemKind.Constant, detail, order=order)
            for person, detail, order in _people(project)
        ]
    if key == "team" or (section and key == "parent"):
        return [
            _item(team, types.CompletionItemKind.Module, detail, order=order)
            for team, detail, order in _teams(project)
        ]
    if key == "parent" and here.path == ():
        own = project.rel_path(document.path)
        own_id = outline.value((), "id") or (own[:-3] if own else None)
        return [
            _item(
                header.id,
                types.CompletionItemKind.Reference,
                " · ".join(part for part in (header.period, header.owner) if part),
            )
            for header in sorted(project.headers().values(), key=lambda h: h.id or "")
            if header.id and header.id != own_id
        ]
    if key == "period" and here.path == ():
        return [
            _item(period, types.CompletionItemKind.Constant, detail, order=order)
            for order, (period, detail) in enumerate(_periods(project))
        ]
    if key in ("date", "due"):
        return [_item(project.day.isoformat(), types.CompletionItemKind.Constant, _("today"))]
    found = field(here.path, key, section)
    if found is None:
        return []
    if found.choices:
        return [_item(choice, types.CompletionItemKind.EnumMember) for choice in found.choices]
    if found.schema.get("type") == "boolean":
        return [_item("true", value), _item("false", value)]
    return []


def complete(project: Project, document: Document, line: int, units: int) -> types.CompletionList:
    """The completion items at a position (none outside the front matter)."""
    column = document.character(line, units)
    here = cursor(document.lines, line, column)
    empty = types.CompletionList(is_incomplete=False, items=[])
    if here is None:
        return empty
    outline = read(document.lines)
    section = document.path.name == "_index.md"
    if here.kind == "key":
        items = _keys(project, outline, here, section)
    else:
        items = _values(project, document, outline, here, section)
    typed = unquote(here.prefix)
    start = types.Position(line, document.index.units(line, here.start))
    end = types.Position(line, units)
    text_before = document.lines[line][:column]
    spaced = here.kind == "value" and text_before.endswith(":")  # "owner:|" needs a space
    for item in items:
        new_text = item.insert_text or item.label
        if spaced:
            new_text = " " + new_text
        item.text_edit = types.TextEdit(types.Range(start, end), new_text)
        item.insert_text = None
        item.filter_text = item.label
    return types.CompletionList(
        is_incomplete=False,
        items=[item for item in items if item.label.lower().startswith(typed.lower()) or not typed],
    )
