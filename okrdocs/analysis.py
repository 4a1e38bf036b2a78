"""The analysis: objectives with their computed numbers, grouped by period, team, owner and
alignment. Pure functions over the loaded model, computed once per run by the workspace
(okrdocs.workspace); ``status``, ``export``, ``diff``, the site and reports only read it.

The objects are documented in docs/site.md ("Templates and blocks"), since templates read
them too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from okrdocs import progress as p
from okrdocs.config import Config
from okrdocs.diagnostics import Diagnostic
from okrdocs.model import Action, Checkin, KeyResult, Objective, Section
from okrdocs.paths import Router, slug_path, slug_segment
from okrdocs.periods import Period

NO_TEAM = ""  # objectives directly in the content folder
# Lists show how progress moved over this many days (from the check-ins, so --as-of reproduces
# it), and the weekly report looks back as far by default.
TREND_DAYS = 7
# The statuses a manager looks at first.
ATTENTION = (p.OFF_TRACK, p.AT_RISK, p.STALE)


@lru_cache(maxsize=65536)
def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders numbers by value: engineering-2 before engineering-10."""
    parts = re.split(r"(\d+)", text.casefold())
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts if part)


def team_sort_key(team: TeamView) -> tuple[int, tuple[tuple[int, int | str], ...]]:
    """Teams in their configured order, then by name, numbers by value."""
    return (team.order, natural_key(team.name))


def is_overdue(action: Action, as_of: date) -> bool:
    return action.overdue(as_of)


@dataclass(slots=True)
class KrView:
    kr: KeyResult
    state: p.KrState
    change: float | None = None  # progress gained over TREND_DAYS (None: nothing to compare)

    @property
    def id(self) -> str:
        return self.kr.id

    @property
    def no_data(self) -> bool:
        return self.state.progress is None


@dataclass(slots=True)
class ObjectiveView:
    objective: Objective
    state: p.ObjectiveState
    path: str  # output path of its page
    krs: list[KrView]
    findings: list[Diagnostic] = field(default_factory=list)
    children: list[ObjectiveView] = field(default_factory=list)
    parent: ObjectiveView | None = None
    subtree_progress: float = 0.0
    change: float | None = None  # progress gained over TREND_DAYS (None: nothing to compare)
    confidence: float | None = None  # of the latest check-in that gave one

    @property
    def id(self) -> str:
        return self.objective.id

    @property
    def title(self) -> str:
        return self.objective.objective

    @property
    def status(self) -> str:
        return self.state.status

    @property
    def progress(self) -> float:
        return self.state.progress

    @property
    def team(self) -> str:
        return self.objective.team or NO_TEAM

    @property
    def attention(self) -> tuple[int, float]:
        """Sort key: most worrying first (status severity, then the biggest gap)."""
        return (-p.SEVERITY[self.status], self.state.progress - self.state.expected)

    @property
    def gap(self) -> float:
        """How far progress is behind the time elapsed (negative: ahead)."""
        return self.state.expected - self.state.progress

    @property
    def days_since_checkin(self) -> int | None:
        days = [k.state.days_since_checkin for k in self.krs if k.state.status != p.DROPPED]
        known = [d for d in days if d is not None]
        return min(known) if known else None

    @property
    def needs_attention(self) -> bool:
        return self.status in ATTENTION or self.state.gap in (p.OFF_TRACK, p.AT_RISK)


@dataclass(slots=True)
class AttentionItem:
    """An objective or one of its key results that needs a manager's attention: off track, at
    risk or stale (``Analysis.attention``)."""

    objective: ObjectiveView
    kr: KrView | None = None  # None: the objective itself

    @property
    def status(self) -> str:
        return self.kr.state.status if self.kr is not None else self.objective.status

    @property
    def gap_status(self) -> str | None:
        """Where progress stands against time, also when the status is stale."""
        return self.kr.state.gap if self.kr is not None else self.objective.state.gap

    @property
    def statuses(self) -> tuple[str, ...]:
        """The status and, when it says something more (stale and off track), the gap's."""
        gap = self.gap_status
        if gap in (p.AT_RISK, p.OFF_TRACK) and gap != self.status:
            return (self.status, gap)
        return (self.status,)

    @property
    def gap(self) -> float:
        """Expected minus actual progress (negative: ahead)."""
        if self.kr is not None:
            return self.kr.state.expected - self.kr.state.value
        return self.objective.gap

    @property
    def days_since_checkin(self) -> int | None:
        if self.kr is not None:
            return self.kr.state.days_since_checkin
        return self.objective.days_since_checkin

    @property
    def last_checkin(self) -> date | None:
        if self.kr is not None:
            return self.kr.state.last_checkin
        found = [k.state.last_checkin for k in self.objective.krs if k.state.last_checkin]
        return max(found) if found else None

    @property
    def confidence(self) -> float | None:
        """A key result's own confidence when it has one, else its objective's latest."""
        if self.kr is not None and self.kr.kr.confidence is not None:
            return self.kr.kr.confidence
        return self.objective.confidence

    @property
    def change(self) -> float | None:
        return self.kr.change if self.kr is not None else self.objective.change

    @property
    def owner(self) -> str:
        return self.kr.kr.owner if self.kr is not None else self.objective.objective.owner

    @property
    def severity(self) -> int:
        return max(p.SEVERITY[status] for status in self.statuses)

    @property
    def sort_key(self) -> tuple[int, float, str, str]:
        """Most worrying first: the worst status, then the biggest gap."""
        return (-self.severity, -self.gap, self.objective.id, self.kr.id if self.kr else "")


def needs_attention(kr: KrView) -> bool:
    state = kr.state
    return state.status != p.DROPPED and (
        state.status in ATTENTION or state.gap in (p.OFF_TRACK, p.AT_RISK)
    )


@dataclass(slots=True)
class Group:
    """A set of objectives with its roll-up: a team, a person or a period."""

    key: str
    name: str
    path: str
    objectives: list[ObjectiveView] = field(default_factory=list)

    @property
    def progress(self) -> float | None:
        return p.mean(o.progress for o in self.objectives)

    @property
    def counts(self) -> dict[str, int]:
        return p.status_counts(o.status for o in self.objectives)

    @property
    def score(self) -> float | None:
        """The mean score of the scored objectives (closed periods are judged by it)."""
        return p.mean(o.state.score for o in self.objectives if o.state.score is not None)

    def in_period(self, period: str) -> list[ObjectiveView]:
        return [o for o in self.objectives if o.objective.period.key == period]


@dataclass(slots=True)
class TeamView(Group):
    description: str | None = None
    lead: str | None = None
    parent: str | None = None
    body: str = ""
    children: list[str] = field(default_factory=list)
    order: int = 0


@dataclass(slots=True)
class OwnedKr:
    """A key result a person owns, in an objective someone else may own."""

    objective: ObjectiveView
    kr: KrView


@dataclass(slots=True)
class OwnedAction:
    objective: ObjectiveView
    kr: KrView
    action: Action
    overdue: bool = False


@dataclass(slots=True)
class PersonView(Group):
    team: str | None = None
    email: str | None = None
    key_results: list[OwnedKr] = field(default_factory=list)
    actions: list[OwnedAction] = field(default_factory=list)  # by due date, overdue first


@dataclass(slots=True)
class PeriodView(Group):
    period: Period | None = None
    phase: str = "active"
    alignment_path: str = ""


@dataclass(slots=True)
class Analysis:
    config: Config
    as_of: date
    objectives: list[ObjectiveView]
    by_id: dict[str, ObjectiveView]
    periods: list[PeriodView]  # newest first
    teams: dict[str, TeamView]
    people: dict[str, PersonView]
    current: PeriodView | None
    diagnostics: list[Diagnostic]
    root_section: Section | None = None
    # Each objective's progress on its period's weekly days (see progress_over_time).
    _weekly: dict[str, list[float]] = field(default_factory=dict)
    _period_order: dict[str, int] = field(default_factory=dict)  # newest first (by_period)
    # What pages compute once from the analysis and share (the site's alignment layouts).
    cache: dict[Any, Any] = field(default_factory=dict)

    def team_name(self, team: str | None) -> str:
        if not team:
            return ""
        view = self.teams.get(team)
        return view.name if view else team

    def person_name(self, person: str | None) -> str:
        if not person:
            return ""
        view = self.people.get(person)
        return view.name if view else person

    def team_roots(self) -> list[TeamView]:
        roots = [t for t in self.teams.values() if not t.parent or t.parent not in self.teams]
        return sorted(roots, key=team_sort_key)

    def subteams(self, team: TeamView) -> list[TeamView]:
        return sorted((self.teams[k] for k in team.children), key=team_sort_key)

    def period(self, key: str) -> PeriodView:
        for period in self.periods:
            if period.key == key:
                return period
        raise KeyError(key)

    def progress_over_time(
        self, views: list[ObjectiveView], period: Period
    ) -> list[tuple[date, float]]:
        """The mean progress of ``views`` (objectives of ``period``) week by week from the
        period's start to the as-of day (or its end), as their check-ins stood each day."""
        days = weekly_days(period, self.as_of)
        if not days or not views:
            return []
        sums = [0.0] * len(days)
        for view in views:
            series = self._weekly.get(view.id)
            if series is None:
                series = self._weekly[view.id] = progress_on_days(view.objective, days)
            for index, value in enumerate(series):
                sums[index] += value
        return [(day, total / len(views)) for day, total in zip(days, sums, strict=True)]

    def attention(self, period: PeriodView) -> list[AttentionItem]:
        """Every objective and key result of an active period that is off track, at risk or
        stale (also stale and behind), most worrying first."""
        if period.phase != "active":
            return []
        items = []
        for view in period.objectives:
            if view.needs_attention:
                items.append(AttentionItem(view))
            items.extend(AttentionItem(view, kr) for kr in view.krs if needs_attention(kr))
        items.sort(key=lambda item: item.sort_key)
        return items

    def team_lineage(self, team: str) -> list[str]:
        """The team and the teams above it in the [teams] hierarchy, nearest first."""
        lineage: list[str] = []
        current: str | None = team
        while current and current not in lineage:
            lineage.append(current)
            view = self.teams.get(current)
            current = view.parent if view is not None else None
        return lineage

    def team_and_below(self, team: str) -> list[str]:
        """The team and every team under it (cycles in a roster are reported, not followed)."""
        found: list[str] = []
        stack = [team]
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.append(current)
            view = self.teams.get(current)
            if view is not None:
                stack.extend(reversed(view.children))
        return found

    def team_objectives(self, team: str) -> list[ObjectiveView]:
        """The objectives of the team and of every team under it."""
        return [view for key in self.team_and_below(team) for view in self._team_views(key)]

    def _team_views(self, key: str) -> list[ObjectiveView]:
        view = self.teams.get(key)
        return view.objectives if view is not None else []

    def by_period(self, views: list[ObjectiveView]) -> list[tuple[PeriodView, list[ObjectiveView]]]:
        """``views`` grouped by period, newest period first."""
        # Asked by every team and person page: the periods' order is worked out once.
        if not self._period_order:
            self._period_order = {period.key: index for index, period in enumerate(self.periods)}
        order = self._period_order
        groups: dict[str, list[ObjectiveView]] = {}
        for view in views:
            groups.setdefault(view.objective.period.key, []).append(view)
        return [
            (self.periods[order[key]], groups[key]) for key in sorted(groups, key=order.__getitem__)
        ]


def weekly_days(period: Period, as_of: date) -> list[date]:
    """The period's start, every TREND_DAYS after it, and the last day up to ``as_of``."""
    last = min(as_of, period.end)
    if last < period.start:
        return []
    days = [period.start + timedelta(days=n) for n in range(0, (last - period.start).days, 7)]
    return [*days, last]


def progress_on_days(objective: Objective, days: list[date]) -> list[float]:
    """The objective's progress on each of ``days`` (ascending), in one pass over its check-ins."""
    checkins = sorted(objective.checkins, key=lambda c: c.date)
    values: dict[str, Any] = {}
    result, position = [], 0
    dropping = any(kr.dropped is not None for kr in objective.key_results)
    # Progress changes only with a check-in (or a key result dropped): weeks without one
    # repeat the last value instead of computing it again.
    last: tuple[int, tuple[bool, ...]] | None = None
    value = 0.0
    for day in days:
        while position < len(checkins) and checkins[position].date <= day:
            values.update(checkins[position].values)
            position += 1
        dropped = tuple(kr.dropped_by(day) for kr in objective.key_results) if dropping else ()
        if (position, dropped) != last:
            last = (position, dropped)
            pairs = [
                (p.rollup_value(p.value_progress(kr, values.get(kr.id))), kr.weight)
                for kr in objective.key_results
                if not kr.dropped_by(day)
            ]
            value = p.weighted_mean(pairs)
        result.append(value)
    return result


def _period_sort_key(period: Period) -> tuple[date, int]:
    # Shorter periods first among those starting together: 2026-Q1 before 2026.
    return (period.start, -period.days)


def choose_current(periods: list[PeriodView], as_of: date) -> PeriodView | None:
    """The period the home page opens on: the shortest active one with objectives, else the
    most recent that has started, else the next to start."""
    active = [v for v in periods if v.period and v.period.contains(as_of)]
    if active:
        return min(active, key=lambda v: (v.period.days, v.period.start))  # type: ignore[union-attr]
    started = [v for v in periods if v.period and v.period.start <= as_of]
    if started:
        return max(started, key=lambda v: v.period.end)  # type: ignore[union-attr]
    return min(periods, key=lambda v: v.period.start) if periods else None  # type: ignore[union-attr]


def analyse(
    config: Config,
    objectives: list[Objective],
    sections: list[Section],
    diagnostics: list[Diagnostic],
    as_of: date,
    cache: dict[str, Any] | None = None,
) -> Analysis:
    """The analysis of ``objectives`` on ``as_of``. ``cache`` (kept by a workspace between
    analyses): each objective's computed numbers, reused while it is the same object (okrdocs
    serve re-analyses 10,000 objectives after one of them changed)."""
    router = Router()
    views: list[ObjectiveView] = []
    by_id: dict[str, ObjectiveView] = {}
    findings: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        if diagnostic.objective_id:
            findings[diagnostic.objective_id].append(diagnostic)
    seen = [p.as_seen_on(objective, as_of) for objective in objectives]  # --as-of: that day
    for objective in sorted(seen, key=lambda o: o.id):
        state, confidence, trend = _view_parts(objective, as_of, config, cache)
        path = router.assign("objective", objective.id, "objectives", slug_path(objective.id))
        view = ObjectiveView(
            objective=objective,
            state=state,
            path=path,
            krs=[
                KrView(kr, kr_state, change)
                for kr, kr_state, change in zip(
                    objective.key_results, state.krs, trend[1], strict=True
                )
            ],
            findings=findings.get(objective.id, []),
            confidence=confidence,
            change=trend[0],
        )
        views.append(view)
        by_id[objective.id] = view

    # Alignment: parents and children; subtree progress.
    for view in views:
        parent = by_id.get(view.objective.parent or "")
        if parent is not None and parent is not view:
            view.parent = parent
            parent.children.append(view)
    children_ids = _children_ids(views)
    own = {view.id: view.progress for view in views}
    for view in views:
        view.subtree_progress = p.subtree_progress(view.id, children_ids, own)
        view.children.sort(key=lambda child: (child.team, child.id))

    teams = _teams(config, sections, views, router)
    people = _people(config, views, router, as_of)
    periods = _periods(views, router)
    root_section = next((s for s in sections if s.folder == ""), None)
    return Analysis(
        config=config,
        as_of=as_of,
        objectives=views,
        by_id=by_id,
        periods=periods,
        teams=teams,
        people=people,
        current=choose_current(periods, as_of),
        diagnostics=diagnostics,
        root_section=root_section,
    )


def _children_ids(views: list[ObjectiveView]) -> dict[str, list[str]]:
    """Each objective's children's ids, in the order of ``views`` (subtree progress sums them
    in this order: the same order gives the same float)."""
    children: dict[str, list[str]] = defaultdict(list)
    for view in views:
        if view.parent is not None:
            children[view.parent.id].append(view.id)
    return children


def _view_parts(
    objective: Objective, as_of: date, config: Config, cache: dict[str, Any] | None
) -> tuple[p.ObjectiveState, float | None, tuple[float | None, list[float | None]]]:
    """An objective's state, latest confidence and trend, from ``cache`` while it is the same
    object."""
    known = cache.get(objective.id) if cache is not None else None
    if known is not None and known[0] is objective:
        return known[1], known[2], known[3]
    state = p.objective_state(objective, as_of, config.status)
    confidence = p.confidence_on(objective, as_of)
    trend = _trend(objective, state, as_of - timedelta(days=TREND_DAYS))
    if cache is not None:
        cache[objective.id] = (objective, state, confidence, trend)
    return state, confidence, trend


def _people_of(objective: Objective) -> tuple[set[str], set[str], set[str]]:
    """Who an objective puts on people pages: its owners (objective and key results), the
    owners of key results someone else owns, and the owners of actions."""
    owners = {objective.owner, *(kr.owner for kr in objective.key_results)}
    kr_owners = {
        kr.owner
        for kr in objective.key_results
        if kr.owner_declared and kr.owner != objective.owner
    }
    doers = {a.owner for kr in objective.key_results for a in kr.actions if a.owner}
    return owners, kr_owners, doers


def reanalyse(
    previous: Analysis,
    objectives: list[Objective],
    diagnostics: list[Diagnostic],
    cache: dict[str, Any] | None = None,
) -> Analysis | None:
    """``previous`` brought up to date after ``objectives`` were read again with the same
    headers (id, parent, owner, team, period): okrdocs serve, after a save.

    Their views get new numbers, key results and findings, and the subtree progress of each
    one and of the objectives above it is summed again; the people pages' lists are mended
    where these objectives appear. The views change in place, so that every list holding them
    (teams, periods, parents' children) stays right, and nothing else is computed again.
    Returns None when that is not enough (an objective that was not analysed before, or one
    whose people changed): then ``analyse`` everything.

    tests/test_workspace_reload.py compares the result with a fresh ``analyse`` after
    random edits.
    """
    if len(previous.by_id) != len(previous.objectives):
        return None  # two files share an id: which view is whose is not known here
    views: list[ObjectiveView] = []
    for objective in objectives:
        view = previous.by_id.get(objective.id)
        if view is None or _people_of(view.objective) != _people_of(objective):
            return None
        views.append(view)
    as_of, config = previous.as_of, previous.config
    objectives = [p.as_seen_on(objective, as_of) for objective in objectives]
    changed = {objective.id for objective in objectives}
    findings: dict[str, list[Diagnostic]] = {key: [] for key in changed}
    for diagnostic in diagnostics:
        if diagnostic.objective_id in changed:
            findings[diagnostic.objective_id].append(diagnostic)
    for view, objective in zip(views, objectives, strict=True):
        state, confidence, trend = _view_parts(objective, as_of, config, cache)
        view.objective, view.state = objective, state
        view.krs = [
            KrView(kr, kr_state, change)
            for kr, kr_state, change in zip(objective.key_results, state.krs, trend[1], strict=True)
        ]
        view.findings, view.confidence, view.change = findings[objective.id], confidence, trend[0]
        previous._weekly.pop(objective.id, None)
    # Subtree progress: of each changed objective and of every objective above it.
    children_ids = _children_ids(previous.objectives)
    own = {view.id: view.progress for view in previous.objectives}
    above: dict[str, ObjectiveView] = {}
    for view in views:
        current: ObjectiveView | None = view
        while current is not None and current.id not in above:
            above[current.id] = current
            current = current.parent
    for view in above.values():
        view.subtree_progress = p.subtree_progress(view.id, children_ids, own)
    _mend_people(previous, views)
    previous.diagnostics = diagnostics
    previous.cache.clear()  # layouts computed from the old numbers
    return previous


def _mend_people(analysis: Analysis, views: list[ObjectiveView]) -> None:
    """The people pages' key results and actions of ``views``, made again from their new key
    results, in the order ``_people`` gives them."""
    mended = {id(view) for view in views}
    touched: set[str] = set()
    for view in views:
        _owners, kr_owners, doers = _people_of(view.objective)
        touched |= kr_owners | doers
    for key in touched:
        person = analysis.people[key]
        person.key_results = [e for e in person.key_results if id(e.objective) not in mended]
        person.actions = [e for e in person.actions if id(e.objective) not in mended]
    for view in views:
        main_owner = view.objective.owner
        for kr_view in view.krs:
            kr = kr_view.kr
            if kr.owner_declared and kr.owner != main_owner:
                analysis.people[kr.owner].key_results.append(OwnedKr(view, kr_view))
            for action in kr.actions:
                if action.owner:
                    overdue = action.overdue(analysis.as_of)
                    owned = OwnedAction(view, kr_view, action, overdue)
                    analysis.people[action.owner].actions.append(owned)
    for key in touched:
        person = analysis.people[key]
        # _people adds them objective by objective (by id), key result by key result, action
        # by action, then sorts the actions stably: the same two steps.
        person.key_results.sort(key=lambda entry: entry.objective.id)
        person.actions.sort(key=_added_order)
        person.actions.sort(key=_action_order)


def _added_order(entry: OwnedAction) -> tuple[str, int, int]:
    krs = entry.objective.krs
    kr_index = next(i for i, kr_view in enumerate(krs) if kr_view is entry.kr)
    action_index = next(i for i, a in enumerate(entry.kr.kr.actions) if a is entry.action)
    return entry.objective.id, kr_index, action_index


def _action_order(entry: OwnedAction) -> tuple[bool, date, str]:
    return (not entry.overdue, entry.action.due or date.max, entry.action.title)


def _trend(
    objective: Objective, state: p.ObjectiveState, week_ago: date
) -> tuple[float | None, list[float | None]]:
    """How much progress moved since ``week_ago``, from the check-ins, for the objective and
    each key result (an active period only; a period that started since then is compared with
    its start, where progress is 0)."""
    nothing: list[float | None] = [None] * len(objective.key_results)
    if state.phase != "active" or not objective.checkins:
        return None, nothing
    changes = [
        kr_state.value - p.kr_progress_on(objective, kr, week_ago)
        if kr_state.status != p.DROPPED and kr_state.progress is not None
        else None
        for kr, kr_state in zip(objective.key_results, state.krs, strict=True)
    ]
    return state.progress - p.objective_progress_on(objective, week_ago), changes


def _teams(
    config: Config, sections: list[Section], views: list[ObjectiveView], router: Router
) -> dict[str, TeamView]:
    teams: dict[str, TeamView] = {}

    def team(team_id: str) -> TeamView:
        if team_id not in teams:
            roster = config.teams.get(team_id)
            teams[team_id] = TeamView(
                key=team_id,
                name=(roster.name if roster and roster.name else team_id),
                path=router.assign("team", team_id, "teams", slug_segment(team_id)),
                description=roster.description if roster else None,
                lead=roster.lead if roster else None,
                parent=roster.parent if roster else None,
            )
        return teams[team_id]

    for team_id in config.teams:
        team(team_id)
    for view in views:
        if view.objective.team:
            team(view.objective.team).objectives.append(view)
    for section in sections:
        # content/sales/_index.md describes team "sales"; a deeper folder describes a team only
        # when objectives name it (team: engineering/platform).
        if not section.folder or ("/" in section.folder and section.folder not in teams):
            continue
        described = team(section.folder)
        # The roster names teams for the whole organisation; an _index.md adds what it lacks.
        if section.title and described.name == described.key:
            described.name = section.title
        described.description = described.description or section.description
        described.lead = described.lead or section.owner
        described.parent = described.parent or section.parent
        described.body = section.body
        if section.order is not None:
            described.order = section.order
    for each in teams.values():
        if each.parent and each.parent in teams:
            teams[each.parent].children.append(each.key)
    return teams


def _people(
    config: Config, views: list[ObjectiveView], router: Router, as_of: date
) -> dict[str, PersonView]:
    people: dict[str, PersonView] = {}

    def person(person_id: str) -> PersonView:
        if person_id not in people:
            roster = config.people.get(person_id)
            people[person_id] = PersonView(
                key=person_id,
                name=(roster.name if roster and roster.name else person_id),
                path=router.assign("person", person_id, "people", slug_segment(person_id)),
                team=roster.team if roster else None,
                email=roster.email if roster else None,
            )
        return people[person_id]

    for person_id in config.people:
        person(person_id)
    get = people.get
    for view in views:
        main_owner = view.objective.owner
        owners = {main_owner, *(kr.owner for kr in view.objective.key_results)}
        for owner in sorted(owners) if len(owners) > 1 else owners:
            (get(owner) or person(owner)).objectives.append(view)
        for kr_view in view.krs:
            kr = kr_view.kr
            if kr.owner_declared and kr.owner != main_owner:
                (get(kr.owner) or person(kr.owner)).key_results.append(OwnedKr(view, kr_view))
            for action in kr.actions:
                doer = action.owner
                if doer:
                    owned = OwnedAction(view, kr_view, action, action.overdue(as_of))
                    (get(doer) or person(doer)).actions.append(owned)
    for each in people.values():
        each.actions.sort(key=_action_order)
    return people


def _periods(views: list[ObjectiveView], router: Router) -> list[PeriodView]:
    periods: dict[str, PeriodView] = {}
    for view in views:
        period = view.objective.period
        if period.key not in periods:
            periods[period.key] = PeriodView(
                key=period.key,
                name=period.key,
                path=router.assign("period", period.key, "periods", slug_segment(period.key)),
                period=period,
                phase=view.state.phase,
                alignment_path=router.assign(
                    "alignment", period.key, "alignment", slug_segment(period.key)
                ),
            )
        periods[period.key].objectives.append(view)
    return sorted(periods.values(), key=lambda v: _period_sort_key(v.period), reverse=True)  # type: ignore[arg-type]


# -- history ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    day: date
    progress: float
    confidence: float | None
    note: str | None


def history(view: ObjectiveView) -> list[HistoryPoint]:
    """The objective's progress after each check-in (values carried forward between them)."""
    objective = view.objective
    values: dict[str, Any] = {}
    points = []
    for checkin in sorted(objective.checkins, key=lambda c: c.date):
        values.update(checkin.values)
        pairs = [
            (p.rollup_value(p.value_progress(kr, values.get(kr.id))), kr.weight)
            for kr in objective.key_results
            if not kr.dropped_by(checkin.date)
        ]
        points.append(
            HistoryPoint(checkin.date, p.weighted_mean(pairs), checkin.confidence, checkin.note)
        )
    return points


def checkins_newest_first(objective: Objective) -> list[Checkin]:
    return sorted(objective.checkins, key=lambda c: c.date, reverse=True)
