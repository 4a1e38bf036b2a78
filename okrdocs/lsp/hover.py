"""Hover: what a finding means (the rule's explanation), what a field means (the schema), and
where a key result or objective stands today (okrdocs.progress), in Markdown."""

from __future__ import annotations

from lsprotocol import types

from okrdocs.display import percent, status_style, status_words, with_unit
from okrdocs.i18n import _
from okrdocs.lsp import diagnostics as lsp_diagnostics
from okrdocs.lsp.fields import field
from okrdocs.lsp.outline import Outline, read, unquote
from okrdocs.lsp.projects import Checked, Project
from okrdocs.lsp.text import Document
from okrdocs.model import Objective
from okrdocs.progress import kr_state, objective_state
from okrdocs.rules import RULES


def _sections(documentation: str) -> list[str]:
    """A rule page's sections (What it does, Why, ...), each without its heading."""
    parts = documentation.split("\n## ")
    return [part.split("\n", 1)[1].strip() if "\n" in part else "" for part in parts]


def finding_text(code: str, message: str, language: str) -> str:
    rule = RULES.get(code)
    if rule is None:
        return message
    sections = _sections("\n" + rule.documentation(language))
    why = sections[2] if len(sections) > 2 else ""  # [before the first heading, what, why]
    link = lsp_diagnostics.rule_url(code, language)
    lines = [f"**{code}** `{rule.name}`: {rule.summary(language)}", "", message]
    if why:
        lines += ["", why]
    lines += ["", f"[{_('Rule documentation')}]({link})"]
    return "\n".join(lines)


def field_text(path: tuple[str | int, ...], name: str, section: bool) -> str | None:
    found = field(path, name, section)
    if found is None:
        return None
    lines = [f"**`{name}`**" + (f" ({_('required')})" if found.required else ""), "", found.meaning]
    if found.choices:
        lines += ["", _("One of: {values}", values=", ".join(f"`{c}`" for c in found.choices))]
    elif found.examples:
        lines += [
            "",
            _("For example: {values}", values=", ".join(f"`{e}`" for e in found.examples[:3])),
        ]
    return "\n".join(lines)


def key_result_text(project: Project, objective: Objective, index: int) -> str | None:
    if not 0 <= index < len(objective.key_results):
        return None
    kr = objective.key_results[index]
    state = kr_state(objective, kr, project.day, project.config.status)
    icon = status_style(state.status).icon
    if kr.is_milestone:
        value = _("done") if kr.done else _("not done")
    else:
        value = _(
            "{current} (from {baseline} to {target})",
            current=with_unit(kr.current, kr.unit),
            baseline=with_unit(kr.baseline, kr.unit),
            target=with_unit(kr.target, kr.unit),
        )
    lines = [
        f"**{kr.title}**",
        "",
        _(
            "{icon} {status} · progress {progress} (expected {expected}) · {value}",
            icon=icon,
            status=status_words(state.status),
            progress=percent(state.progress, _("no data")),
            expected=percent(state.expected),
            value=value,
        ),
    ]
    if state.last_checkin is not None:
        lines += [
            "",
            _(
                "Last check-in {day} ({n} days ago)",
                day=state.last_checkin.isoformat(),
                n=state.days_since_checkin,
            ),
        ]
    lines += ["", _("As of {day}.", day=project.day.isoformat())]
    return "\n".join(lines)


def objective_text(project: Project, objective: Objective) -> str:
    state = objective_state(objective, project.day, project.config.status)
    return _(
        "{icon} {status} · progress {progress} (expected {expected}) · as of {day}",
        icon=status_style(state.status).icon,
        status=status_words(state.status),
        progress=percent(state.progress),
        expected=percent(state.expected),
        day=project.day.isoformat(),
    )


def parent_text(project: Project, parent_id: str) -> str | None:
    for rel, header in sorted(project.headers().items()):
        if header.id == parent_id:
            return _(
                "Parent objective `{id}`: owner {owner}, period {period} ({path})",
                id=parent_id,
                owner=header.owner or "–",
                period=header.period or "–",
                path=rel,
            )
    return None


def _key_result_index(outline: Outline, line: int) -> int | None:
    here = outline.at(line)
    path = here.item if here is not None and here.item is not None else None
    path = path or (here.parent if here is not None else None)
    if path and len(path) >= 2 and path[0] == "key_results" and isinstance(path[1], int):
        return path[1]
    return None


def hover(project: Project, document: Document, checked: Checked, line: int, units: int) -> str:
    """The hover text at a position ("" when there is nothing to say)."""
    parts: list[str] = []
    for finding in lsp_diagnostics.at(document.index, checked.loaded.diagnostics, line, units):
        parts.append(finding_text(finding.code, finding.message, project.language))
    outline = read(document.lines)
    here = outline.at(line)
    column = document.character(line, units)
    section = checked.loaded.context.is_section
    objective = checked.loaded.objective
    if here is not None and here.key is not None:
        if here.key_start <= column <= here.key_end:
            text = field_text(here.parent, here.key, section)
            if text:
                parts.append(text)
        elif here.parent == () and here.key == "parent" and here.value:
            text = parent_text(project, unquote(here.value))
            if text:
                parts.append(text)
        if here.parent == () and here.key == "objective" and objective is not None:
            parts.append(objective_text(project, objective))
    index = _key_result_index(outline, line)
    if index is not None and objective is not None and here is not None:
        is_item_line = here.item is not None or here.key in ("id", "title")
        if len(here.parent) <= 2 and is_item_line:
            text = key_result_text(project, objective, index)
            if text:
                parts.append(text)
    return "\n\n---\n\n".join(parts)


def to_hover(text: str) -> types.Hover | None:
    if not text:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))
