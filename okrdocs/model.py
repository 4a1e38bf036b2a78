"""The typed OKR model the loader builds and every other part reads.

Each element keeps its JSON pointer into the file's front matter; ``Objective.source_map`` turns
a pointer into a line:column, so rules and renderers can point at exactly what they talk about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from okrdocs.diagnostics import Span
from okrdocs.periods import Period
from okrdocs.yamlsource import SourceMap


class Header(NamedTuple):
    """A file's identity: what cross-file checks, the content index and ``serve`` need of it.

    The loader emits one for every file it reads, valid or not (from whatever the front matter
    says), and the content index caches them, so every part of okrdocs agrees on which
    objective a file is. Fields are as written: ``team`` falls back to the first folder under
    the content folder and ``id`` to the file's path without ``.md``; sections have no id.
    """

    rel_path: str  # under the content folder, '/'-separated
    id: str | None = None
    id_declared: bool = False
    parent: str | None = None
    owner: str | None = None
    team: str | None = None
    team_declared: bool = False
    period: str | None = None


@dataclass(slots=True)
class Action:
    title: str
    pointer: str
    owner: str | None = None
    due: date | None = None
    status: str = "todo"
    link: str | None = None

    def overdue(self, as_of: date) -> bool:
        """Due before the as-of day and neither done nor dropped."""
        return self.due is not None and self.due < as_of and self.status not in ("done", "dropped")


@dataclass(slots=True)
class KeyResult:
    id: str
    title: str
    pointer: str
    index: int  # position among the objective's key results, from 0
    owner: str  # the KR's owner, or the objective's when not given
    owner_declared: bool = False
    kind: str = "metric"  # metric | milestone
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    unit: str | None = None
    definition: str | None = None
    weight: float = 1.0
    confidence: float | None = None
    score: float | None = None
    done: bool | None = None
    id_declared: bool = False
    actions: list[Action] = field(default_factory=list)
    dropped: date | None = None  # dropped mid-period: kept with its history, not counted
    dropped_reason: str | None = None

    @property
    def is_milestone(self) -> bool:
        return self.kind == "milestone"

    def dropped_by(self, day: date) -> bool:
        """Whether the key result has been dropped on or before ``day``."""
        return self.dropped is not None and self.dropped <= day

    @property
    def direction(self) -> int:
        """+1 for a metric to raise, -1 for one to reduce, 0 when unknown or unchanged."""
        if self.baseline is None or self.target is None or self.target == self.baseline:
            return 0
        return 1 if self.target > self.baseline else -1


@dataclass(slots=True)
class Checkin:
    date: date
    pointer: str
    values: dict[str, float | bool] = field(default_factory=dict)
    confidence: float | None = None
    note: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Objective:
    id: str
    path: Path  # absolute
    display_path: str  # as shown in diagnostics: relative to the current folder when possible
    rel_path: str  # path under the content folder, with '/'
    objective: str
    owner: str
    period: Period
    key_results: list[KeyResult]
    team: str | None = None
    team_declared: bool = False
    kind: str | None = None  # committed | aspirational | None when not declared
    parent: str | None = None
    tags: list[str] = field(default_factory=list)
    checkins: list[Checkin] = field(default_factory=list)
    score: float | None = None
    body: str = ""
    body_line: int = 1
    id_declared: bool = False
    source_map: SourceMap = field(default_factory=SourceMap)

    def span(self, pointer: str, prefer_key: bool = False) -> Span:
        return self.source_map.locate(pointer, prefer_key)

    def kr(self, kr_id: str) -> KeyResult | None:
        for kr in self.key_results:
            if kr.id == kr_id:
                return kr
        return None

    @property
    def last_checkin(self) -> Checkin | None:
        # The latest by date: files may list check-ins in any order.
        return max(self.checkins, key=lambda c: c.date) if self.checkins else None


@dataclass(slots=True)
class Section:
    """An ``_index.md``: describes its folder (a team or a section). Not an objective."""

    folder: str  # folder under the content folder, with '/' ("" for the content folder itself)
    path: Path
    display_path: str
    title: str | None = None
    description: str | None = None
    owner: str | None = None
    parent: str | None = None
    order: int | None = None
    body: str = ""
    source_map: SourceMap = field(default_factory=SourceMap)
