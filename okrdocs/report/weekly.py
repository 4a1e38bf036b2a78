"""The weekly report (周报): what a manager reads on Monday, computed from the check-ins.

For one period and a window (by default the last TREND_DAYS days up to the as-of day), team by
team: key results whose values moved (check-ins in the window), what became off track or at
risk, confidence that dropped, who has gone quiet (stale key results and their owners), actions
overdue or due in the coming week. Pure functions over the analysis: ``--as-of`` and the
check-ins reproduce any past week's report exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from okrdocs import progress as p
from okrdocs.analysis import (
    NO_TEAM,
    TREND_DAYS,
    Analysis,
    KrView,
    ObjectiveView,
    PeriodView,
    is_overdue,
    natural_key,
)
from okrdocs.config import StatusSettings
from okrdocs.i18n import _
from okrdocs.model import Action

# A drop in confidence smaller than this is noise, not news.
CONFIDENCE_DROP = 0.1


@dataclass(slots=True)
class Moved:
    """A key result whose value changed through check-ins in the window."""

    objective: ObjectiveView
    kr: KrView
    before: float | bool | None  # as the check-ins stood when the window opened
    after: float | bool | None
    progress_before: float
    progress_after: float


@dataclass(slots=True)
class Worse:
    """A key result that became at risk or off track in the window."""

    objective: ObjectiveView
    kr: KrView
    before: str  # its gap status when the window opened (on-track, at-risk, not-started)
    after: str


@dataclass(slots=True)
class ConfidenceDrop:
    objective: ObjectiveView
    before: float
    after: float
    day: date
    note: str | None


@dataclass(slots=True)
class Silent:
    """A stale key result: no check-in for longer than the stale limit."""

    objective: ObjectiveView
    kr: KrView
    owner: str
    days: int | None
    owner_name: str = ""


@dataclass(slots=True)
class ActionDue:
    objective: ObjectiveView
    kr: KrView
    action: Action
    overdue: bool
    owner_name: str = ""


@dataclass(slots=True)
class TeamReport:
    team: str  # the team id ("" for objectives in no team)
    name: str
    objectives: list[ObjectiveView]
    progress: float
    change: float | None  # progress gained in the window
    counts: dict[str, int]
    moved: list[Moved] = field(default_factory=list)
    worse: list[Worse] = field(default_factory=list)
    confidence: list[ConfidenceDrop] = field(default_factory=list)
    silent: list[Silent] = field(default_factory=list)
    actions: list[ActionDue] = field(default_factory=list)  # overdue first, then by due date

    @property
    def quiet(self) -> bool:
        return not (self.moved or self.worse or self.confidence or self.silent or self.actions)


@dataclass(slots=True)
class WeeklyReport:
    period: PeriodView
    since: date  # the window is (since, as_of]: check-ins after ``since``, up to ``as_of``
    as_of: date
    teams: list[TeamReport]
    team_filter: str | None = None
    owner_filter: str | None = None

    @property
    def progress(self) -> float:
        views = [o for team in self.teams for o in team.objectives]
        return p.mean(o.progress for o in views) or 0.0

    @property
    def counts(self) -> dict[str, int]:
        return p.status_counts(o.status for team in self.teams for o in team.objectives)


class ReportError(Exception):
    """The options name nothing the report can show (a usage error)."""


def build(
    data: Analysis,
    period: str | None = None,
    first_day: date | None = None,
    team: str | None = None,
    owner: str | None = None,
) -> WeeklyReport:
    """The report of ``period`` (default: the current one) for the check-ins from
    ``first_day`` (default: the TREND_DAYS days up to the as-of day) to the as-of day,
    optionally for one team (with its sub-teams) or one person (the objectives, key results
    and actions they own)."""
    chosen = _period(data, period)
    as_of = data.as_of
    if first_day is not None and first_day > as_of:
        raise ReportError(
            _(
                "--since {since} is after the as-of day {today}",
                since=first_day.isoformat(),
                today=as_of.isoformat(),
            )
        )
    # The window is (since, as_of]: check-ins after the day before the first.
    since = first_day - timedelta(days=1) if first_day else as_of - timedelta(days=TREND_DAYS)
    views = list(chosen.objectives)
    if team:
        teams = _team_and_below(data, team)
        views = [o for o in views if o.team in teams]
    person = _person(data, owner) if owner else None
    if person:
        views = [o for o in views if _involves(o, person)]
    groups: dict[str, list[ObjectiveView]] = {}
    for view in views:
        groups.setdefault(view.team, []).append(view)
    reports = [_team_report(data, key, members, since, person) for key, members in groups.items()]
    reports.sort(key=lambda r: (r.team == NO_TEAM, natural_key(r.name)))
    return WeeklyReport(chosen, since, as_of, reports, team, owner)


def _period(data: Analysis, key: str | None) -> PeriodView:
    if key is None:
        if data.current is None:
            raise ReportError(_("there are no objectives to report on"))
        return data.current
    for view in data.periods:
        if view.key.upper() == key.upper():
            return view
    known = ", ".join(view.key for view in data.periods)
    raise ReportError(
        _("no objectives in period {period!r} (periods: {known})", period=key, known=known)
    )


def _team_and_below(data: Analysis, team: str) -> set[str]:
    found = next((t for t in data.teams.values() if team in (t.key, t.name)), None)
    if found is None:
        from okrdocs.suggest import Suggester

        hint = Suggester([*data.teams, *(t.name for t in data.teams.values())]).hint(team)
        raise ReportError(_("no team {team!r}{hint}", team=team, hint=hint))
    below, stack = set(), [found.key]
    while stack:
        current = stack.pop()
        if current not in below:
            below.add(current)
            stack.extend(data.teams[current].children if current in data.teams else ())
    return below


def _person(data: Analysis, owner: str) -> str:
    for key, view in data.people.items():
        if owner in (key, view.name):
            return key
    from okrdocs.suggest import Suggester

    hint = Suggester([*data.people, *(v.name for v in data.people.values())]).hint(owner)
    raise ReportError(_("no person {owner!r}{hint}", owner=owner, hint=hint))


def _involves(view: ObjectiveView, person: str) -> bool:
    objective = view.objective
    return (
        objective.owner == person
        or any(kr.owner == person for kr in objective.key_results)
        or any(a.owner == person for kr in objective.key_results for a in kr.actions)
    )


def _team_report(
    data: Analysis,
    key: str,
    views: list[ObjectiveView],
    since: date,
    person: str | None,
) -> TeamReport:
    settings = data.config.status
    as_of = data.as_of
    views.sort(key=lambda o: o.attention)
    progress_then = p.mean(p.objective_progress_on(o.objective, since) for o in views) or 0.0
    progress_now = p.mean(o.progress for o in views) or 0.0
    active = any(o.state.phase == "active" for o in views)
    report = TeamReport(
        team=key,
        name=data.team_name(key) if key else "",
        objectives=views,
        progress=progress_now,
        change=progress_now - progress_then if active else None,
        counts=p.status_counts(o.status for o in views),
    )
    next_week = as_of + timedelta(days=TREND_DAYS)
    for view in views:
        objective = view.objective
        in_window = [c for c in objective.checkins if since < c.date <= as_of]
        for kr_view in view.krs:
            kr = kr_view.kr
            mine = person is None or kr.owner == person or objective.owner == person
            if kr_view.state.status == p.DROPPED:
                continue
            if mine and any(kr.id in c.values for c in in_window):
                before = p.value_on(objective, kr, since)
                after = p.value_on(objective, kr, as_of)
                if before != after:
                    report.moved.append(
                        Moved(
                            view,
                            kr_view,
                            before,
                            after,
                            p.kr_progress_on(objective, kr, since),
                            p.kr_progress_on(objective, kr, as_of),
                        )
                    )
            now = kr_view.state.gap
            if mine and now in (p.AT_RISK, p.OFF_TRACK):
                then = _gap_on(view, kr_view, since, settings)
                if p.SEVERITY[now] > p.SEVERITY[then]:
                    report.worse.append(Worse(view, kr_view, then, now))
            if mine and kr_view.state.status == p.STALE:
                days = kr_view.state.days_since_checkin
                report.silent.append(
                    Silent(view, kr_view, kr.owner, days, data.person_name(kr.owner))
                )
            for action in kr.actions:
                if person is not None and action.owner != person:
                    continue
                overdue = is_overdue(action, as_of)
                due_soon = (
                    action.due is not None
                    and as_of <= action.due <= next_week
                    and action.status not in ("done", "dropped")
                )
                if overdue or due_soon:
                    who = data.person_name(action.owner or kr.owner)
                    report.actions.append(ActionDue(view, kr_view, action, overdue, who))
        if person is None or objective.owner == person:
            report.confidence.extend(_confidence_drops(view, since, as_of))
    report.actions.sort(key=lambda a: (not a.overdue, a.action.due or date.max))
    report.silent.sort(key=lambda s: -(s.days or 0))
    return report


def _gap_on(view: ObjectiveView, kr_view: KrView, day: date, settings: StatusSettings) -> str:
    """The key result's gap status on ``day``; not-started before its period began."""
    period = view.objective.period
    if day < period.start:
        return p.NOT_STARTED
    progress = p.kr_progress_on(view.objective, kr_view.kr, day)
    return p.gap_status(period.elapsed(day) - progress, settings)


def _confidence_drops(view: ObjectiveView, since: date, as_of: date) -> list[ConfidenceDrop]:
    """Check-ins in the window whose confidence fell by CONFIDENCE_DROP or more from the one
    before (within the window or before it)."""
    drops = []
    previous: float | None = None
    for checkin in sorted(view.objective.checkins, key=lambda c: c.date):
        if checkin.date > as_of or checkin.confidence is None:
            continue
        if (
            checkin.date > since
            and previous is not None
            and previous - checkin.confidence >= CONFIDENCE_DROP - 1e-9
        ):
            drops.append(
                ConfidenceDrop(view, previous, checkin.confidence, checkin.date, checkin.note)
            )
        previous = checkin.confidence
    return drops
