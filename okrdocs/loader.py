"""Load one OKR file: bytes -> front matter -> YAML with positions -> schema -> typed model.

Reading, validating and building are kept apart from the quality rules (``okrdocs.rules``) and
from everything that renders results. A file that fails to parse or to validate produces
diagnostics and no model; its id is still known where possible, so other files that point at
it are not reported as dangling.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from okrdocs import diagnostics as dx
from okrdocs import validation as okr_schema
from okrdocs.diagnostics import Diagnostic, Span
from okrdocs.frontmatter_split import SplitError, split
from okrdocs.model import Action, Checkin, KeyResult, Objective, Section
from okrdocs.periods import FiscalYear, PeriodError, parse_period
from okrdocs.yamlsource import SourceMap, YamlError, escape_pointer_token, parse

SECTION_FILE = "_index.md"


@dataclass(slots=True)
class FileContext:
    """Where a file sits: how to name it in diagnostics and what its defaults are."""

    location: str  # absolute path (a string: partial runs make one per file of the repository)
    display_path: str
    rel_path: str  # under the content folder, '/'-separated; for files outside it, display path

    @property
    def path(self) -> Path:
        return Path(self.location)

    @property
    def default_id(self) -> str:
        return self.rel_path[:-3] if self.rel_path.endswith(".md") else self.rel_path

    @property
    def default_team(self) -> str | None:
        parts = self.rel_path.split("/")
        return parts[0] if len(parts) > 1 else None

    @property
    def is_section(self) -> bool:
        return self.rel_path.rsplit("/", 1)[-1] == SECTION_FILE


@dataclass(slots=True)
class LoadedFile:
    context: FileContext
    objective: Objective | None = None
    section: Section | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The findings of this file alone (loader and per-file rules), set before cross-file checks.
    own_diagnostics: list[Diagnostic] | None = None
    # The objective id, even when the file did not validate (explicit id if readable, else default).
    id: str | None = None
    id_declared: bool = False
    parent: str | None = None
    # What cross-file checks need, kept even when the model itself is dropped (see project.py).
    valid: bool = False
    owner: str | None = None
    team: str | None = None
    team_declared: bool = False
    period: str | None = None
    # Only indexed (partial runs): known from the index, not loaded; never reported on.
    indexed_only: bool = False
    text: str = ""
    body_line: int | None = None
    suppressions: list[Any] = field(default_factory=list)
    source_map: SourceMap = field(default_factory=SourceMap)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def _under(path: str, folder: str) -> str | None:
    """``path`` relative to ``folder`` with '/' separators, or None if it is not under it."""
    prefix = folder.rstrip(os.sep) + os.sep
    if not path.startswith(prefix):
        return None
    rel = path[len(prefix) :]
    return rel if os.sep == "/" else rel.replace(os.sep, "/")


def make_context(path: Path, content_root: Path, cwd: Path) -> FileContext:
    # String operations: this runs for every file of a 10,000-file repository.
    if not path.is_absolute():
        path = cwd / path
    text = str(path)
    display = _under(text, str(cwd)) or text
    rel = _under(text, str(content_root)) or display
    return FileContext(location=text, display_path=display, rel_path=rel)


class _FileLoader:
    def __init__(self, context: FileContext, fiscal: FiscalYear) -> None:
        self.context = context
        self.fiscal = fiscal
        self.result = LoadedFile(context=context)
        self.source_map = SourceMap()

    def report(
        self, kind: tuple[str, str], span: Span, message: str, severity: dx.Severity = "error"
    ) -> None:
        self.result.diagnostics.append(
            dx.make(kind, self.context.display_path, span, message, severity)
        )

    def at(self, pointer: str, prefer_key: bool = False) -> Span:
        return self.source_map.locate(pointer, prefer_key)

    def load(self, raw: bytes) -> LoadedFile:
        which = "section" if self.context.is_section else "objective"
        try:
            parts = split(raw)
        except SplitError as error:
            self.report(dx.SYNTAX, Span.point(error.line, error.column), error.message)
            return self.result
        self.result.text = parts.text
        self.result.body_line = parts.body_line
        try:
            parsed = parse(parts.front_matter, parts.front_matter_offset, okr_schema.shape(which))
        except YamlError as error:
            self.report(dx.SYNTAX, Span.point(error.line, error.column), error.message)
            return self.result
        self.source_map = self.result.source_map = parsed.source_map
        for pointer, span, first in parsed.duplicates:
            key = pointer.rsplit("/", 1)[-1]
            self.report(
                dx.SYNTAX,
                span,
                f"duplicate key '{key}' (first on line {first.line}); "
                "YAML keeps only one, so remove or merge the other",
            )
        data = parsed.data
        if data is None:
            self.report(
                dx.SYNTAX,
                Span.point(1, 1),
                "the front matter is empty; add the fields objective, owner, period "
                "and key_results between the '---' lines",
            )
            return self.result
        if not isinstance(data, dict):
            self.report(
                dx.SYNTAX,
                self.at(""),
                "the front matter must be fields written as 'name: value', not a list or text",
            )
            return self.result
        self._id_hint(data)
        if not okr_schema.fast_check(which).is_valid(data):
            for problem in okr_schema.problems(data, which):
                self.report(dx.SCHEMA, self.at(problem.pointer, problem.at_key), problem.message)
            if not self.result.diagnostics:  # pragma: no cover - FastCheck and jsonschema disagree
                self.report(dx.SCHEMA, self.at(""), "the front matter does not match the schema")
            return self.result
        if which == "section":
            self.result.section = self._section(data, parts.body)
        else:
            objective = self._objective(data, parts.body, parts.body_line)
            if objective is not None:
                self.result.objective = objective
                self.result.valid = True
                self.result.owner = objective.owner
                self.result.team = objective.team
                self.result.team_declared = objective.team_declared
                self.result.period = objective.period.key
        return self.result

    def _id_hint(self, data: dict[str, Any]) -> None:
        if self.context.is_section:
            return
        explicit = data.get("id")
        self.result.id_declared = isinstance(explicit, str) and bool(explicit)
        self.result.id = explicit if self.result.id_declared else self.context.default_id
        parent = data.get("parent")
        self.result.parent = parent if isinstance(parent, str) else None

    # -- building the model from validated data --------------------------------------------

    def _section(self, data: dict[str, Any], body: str) -> Section:
        folder = self.context.rel_path[: -len(SECTION_FILE)].rstrip("/")
        return Section(
            folder=folder,
            path=self.context.path,
            display_path=self.context.display_path,
            title=data.get("title"),
            description=data.get("description"),
            owner=data.get("owner"),
            parent=data.get("parent"),
            order=data.get("order"),
            body=body,
            source_map=self.source_map,
        )

    def _objective(self, data: dict[str, Any], body: str, body_line: int) -> Objective | None:
        try:
            period = parse_period(data["period"], self.fiscal)
        except PeriodError as error:
            self.report(dx.SCHEMA, self.at("/period"), str(error))
            return None
        owner = data["owner"]
        key_results = self._key_results(data["key_results"], owner)
        checkins = self._checkins(data.get("checkins", []), key_results)
        if not self.result.ok:
            return None
        team = data.get("team")
        return Objective(
            id=self.result.id or self.context.default_id,
            id_declared="id" in data,
            path=self.context.path,
            display_path=self.context.display_path,
            rel_path=self.context.rel_path,
            objective=data["objective"],
            owner=owner,
            period=period,
            key_results=key_results,
            team=team if team is not None else self.context.default_team,
            team_declared=team is not None,
            kind=data.get("type"),
            parent=data.get("parent"),
            tags=list(data.get("tags", [])),
            checkins=checkins,
            score=data.get("score"),
            body=body,
            body_line=body_line,
            source_map=self.source_map,
        )

    def _key_results(self, items: list[dict[str, Any]], owner: str) -> list[KeyResult]:
        results: list[KeyResult] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            pointer = f"/key_results/{index}"
            kr_id = item.get("id") or f"kr{index + 1}"
            if kr_id in seen:
                self.report(
                    dx.DUPLICATE_ID,
                    self.at(f"{pointer}/id" if "id" in item else pointer),
                    f"key result id '{kr_id}' is used twice (also key_results[{seen[kr_id]}]); "
                    "give each key result its own id",
                )
            seen[kr_id] = index
            actions = [
                Action(
                    title=action["title"],
                    pointer=f"{pointer}/actions/{position}",
                    owner=action.get("owner"),
                    due=date.fromisoformat(action["due"]) if "due" in action else None,
                    status=action.get("status", "todo"),
                    link=action.get("link"),
                )
                for position, action in enumerate(item.get("actions", []))
            ]
            results.append(
                KeyResult(
                    id=kr_id,
                    id_declared="id" in item,
                    title=item["title"],
                    pointer=pointer,
                    index=index,
                    owner=item.get("owner", owner),
                    owner_declared="owner" in item,
                    kind=item.get("type", "metric"),
                    baseline=item.get("baseline"),
                    target=item.get("target"),
                    current=item.get("current"),
                    unit=item.get("unit"),
                    definition=item.get("definition"),
                    weight=float(item.get("weight", 1)),
                    confidence=item.get("confidence"),
                    score=item.get("score"),
                    done=item.get("done"),
                    actions=actions,
                )
            )
        return results

    def _checkins(self, items: list[dict[str, Any]], key_results: list[KeyResult]) -> list[Checkin]:
        by_id = {kr.id: kr for kr in key_results}
        checkins: list[Checkin] = []
        for index, item in enumerate(items):
            pointer = f"/checkins/{index}"
            for kr_id, value in item["values"].items():
                value_pointer = f"{pointer}/values/{escape_pointer_token(kr_id)}"
                kr = by_id.get(kr_id)
                if kr is None:
                    close = difflib.get_close_matches(kr_id, list(by_id), n=1)
                    hint = (
                        f"did you mean '{close[0]}'?"
                        if close
                        else f"key results: {', '.join(by_id)}"
                    )
                    self.report(
                        dx.UNKNOWN_REFERENCE,
                        self.at(value_pointer, prefer_key=True),
                        f"check-in value for unknown key result '{kr_id}'; {hint}",
                    )
                elif kr.is_milestone and not isinstance(value, bool):
                    self.report(
                        dx.SCHEMA,
                        self.at(value_pointer),
                        f"key result '{kr_id}' is a milestone: its check-in value is true or false",
                    )
                elif not kr.is_milestone and isinstance(value, bool):
                    self.report(
                        dx.SCHEMA,
                        self.at(value_pointer),
                        f"key result '{kr_id}' is a metric: its check-in value is a number",
                    )
            checkins.append(
                Checkin(
                    date=date.fromisoformat(item["date"]),
                    pointer=pointer,
                    values=dict(item["values"]),
                    confidence=item.get("confidence"),
                    note=item.get("note"),
                    author=item.get("author"),
                )
            )
        return checkins


def load_bytes(raw: bytes, context: FileContext, fiscal: FiscalYear | None = None) -> LoadedFile:
    return _FileLoader(context, fiscal or FiscalYear()).load(raw)


def load_file(context: FileContext, fiscal: FiscalYear | None = None) -> LoadedFile:
    try:
        raw = context.path.read_bytes()
    except OSError as error:
        result = LoadedFile(context=context)
        result.diagnostics.append(
            dx.make(
                dx.SYNTAX,
                context.display_path,
                Span.point(1, 1),
                f"cannot read the file: {error.strerror or error}",
            )
        )
        return result
    return load_bytes(raw, context, fiscal)
