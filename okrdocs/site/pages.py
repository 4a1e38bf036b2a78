"""Every page of the site: what it is, where it goes, what it shows.

One function per page kind takes the analysis and the page's key and returns a ``Page``: the
output path, the template, the title, the template context and the ids of the objectives the
page shows (``None``: it summarises every objective). The writer (okrdocs.site.writer) only
renders and writes pages; ``okrdocs serve`` re-renders exactly the pages whose shown objectives
changed. Expensive parts of a context (the history chart, the Markdown body) are ``Deferred``:
computed when the template prints them, so listing every page stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from okrdocs import progress as p
from okrdocs.analysis import (
    Analysis,
    ObjectiveView,
    checkins_newest_first,
    history,
)

Translate = Callable[..., str]


@dataclass(slots=True)
class Page:
    kind: str  # objective | team | person | period | alignment | home | list
    key: str
    path: str
    template: str
    title: str
    context: dict[str, Any]
    shows: frozenset[str] | None  # ids of the objectives shown; None: all of them
    # Ids of objectives the page only links to, by title: it changes when their title or page
    # does, not when their progress does (an objective page's parent; serve re-renders less).
    links: frozenset[str] = frozenset()


class Deferred:
    """HTML computed only when a template prints it."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], str]) -> None:
        self._make = make
        self._value: str | None = None

    def __html__(self) -> str:
        if self._value is None:
            self._value = self._make()
        return self._value

    def __bool__(self) -> bool:
        return bool(self.__html__())


def _markdown(text: str) -> Deferred:
    from okrdocs.site import markdown as md

    return Deferred(lambda: md.render(text) if text.strip() else "")


def _ids(views: Iterator[ObjectiveView] | list[ObjectiveView]) -> frozenset[str]:
    return frozenset(view.id for view in views)


# -- page kinds -------------------------------------------------------------------------------


def objective_page(data: Analysis, key: str, t: Translate) -> Page:
    view = data.by_id[key]
    objective = view.objective
    period = data.period(objective.period.key)

    def chart() -> str:
        from okrdocs.site import chart as charts

        return charts.history_svg(
            history(view),
            objective.period,
            data.as_of,
            t("Progress over time: actual progress after each check-in against the expected line"),
            t("today"),
        )

    shows, links = _objective_shows(view)
    return Page(
        "objective",
        key,
        view.path,
        "objective.html",
        view.title,
        {
            "o": view,
            "period": period,
            "team": data.teams.get(objective.team) if objective.team else None,
            "owner": data.people[objective.owner],
            "checkins": checkins_newest_first(objective),
            "chart": Deferred(chart),
            "body": _markdown(objective.body),
        },
        shows,
        links,
    )


def _objective_shows(view: ObjectiveView) -> tuple[frozenset[str], frozenset[str]]:
    """What an objective's page shows (itself, its children's progress) and links to by title
    (its parent)."""
    shows = frozenset([view.id, *(child.id for child in view.children)])
    links = frozenset([view.parent.id]) if view.parent is not None else frozenset()
    return shows, links


def home_page(data: Analysis, key: str, t: Translate) -> Page:
    current = data.current
    intro: Any = ""
    if data.root_section is not None:
        intro = _markdown(data.root_section.body)
    team_rows: list[dict[str, Any]] = []
    attention: list[ObjectiveView] = []
    if current is not None:
        by_team: dict[str, list[ObjectiveView]] = {}
        for view in current.objectives:
            by_team.setdefault(view.team, []).append(view)
        for team_id, views in by_team.items():
            team = data.teams.get(team_id)
            if team is None:
                continue
            team_rows.append(
                {
                    "team": team,
                    "objectives": views,
                    "progress": p.mean(v.progress for v in views),
                    "counts": p.status_counts(v.status for v in views),
                }
            )
        team_rows.sort(key=lambda row: (row["team"].order, row["team"].name))
        attention = sorted(
            (v for v in current.objectives if v.status not in p.NOT_WORRYING),
            key=lambda v: v.attention,
        )[:20]
    return Page(
        "home",
        key,
        "index.html",
        "index.html",
        data.config.title,
        {
            "current": current,
            "elapsed": current.period.elapsed(data.as_of) if current and current.period else 0,
            "team_rows": team_rows,
            "attention": attention,
            "other_periods": [period for period in data.periods if period is not current],
            "intro": intro,
        },
        None,
    )


def period_page(data: Analysis, key: str, t: Translate) -> Page:
    period = data.period(key)
    groups: dict[str, list[ObjectiveView]] = {}
    for view in period.objectives:
        groups.setdefault(view.team, []).append(view)
    rows: list[dict[str, Any]] = []
    for team_id, views in groups.items():
        rows.append(
            {
                "team": data.teams.get(team_id),
                "objectives": sorted(views, key=lambda v: v.attention),
                "progress": p.mean(v.progress for v in views),
            }
        )
    rows.sort(
        key=lambda r: (
            r["team"] is None,
            r["team"].order if r["team"] else 0,
            r["team"].name if r["team"] else "",
        )
    )
    elapsed = period.period.elapsed(data.as_of) if period.period else 0
    return Page(
        "period",
        key,
        period.path,
        "period.html",
        period.key,
        {"period": period, "groups": rows, "elapsed": elapsed},
        _ids(period.objectives),
    )


def alignment_page(data: Analysis, key: str, t: Translate) -> Page:
    """The tree of the period's objectives and everything they align to, in any period."""
    period = data.period(key)
    members: dict[str, ObjectiveView] = {}
    for view in period.objectives:
        node: ObjectiveView | None = view
        while node is not None and node.id not in members:
            members[node.id] = node
            node = node.parent
    team_order = {team_id: team.order for team_id, team in data.teams.items()}
    roots = sorted(
        (v for v in members.values() if v.parent is None or v.parent.id not in members),
        key=lambda v: (v.parent is not None, team_order.get(v.team, 99), v.team, v.id),
    )

    def children(view: ObjectiveView) -> list[tuple[Any, list[ObjectiveView]]]:
        groups: dict[str, list[ObjectiveView]] = {}
        for child in view.children:
            if child.id in members:
                groups.setdefault(child.team, []).append(child)
        return [
            (data.teams.get(team_id), sorted(kids, key=lambda k: k.id))
            for team_id, kids in sorted(
                groups.items(), key=lambda item: (team_order.get(item[0], 99), item[0])
            )
        ]

    return Page(
        "alignment",
        key,
        period.alignment_path,
        "alignment.html",
        f"{t('Alignment')} {period.key}",
        {"period": period, "roots": roots, "children": children},
        frozenset(members),
    )


def team_page(data: Analysis, key: str, t: Translate) -> Page:
    team = data.teams[key]
    return Page(
        "team",
        key,
        team.path,
        "team.html",
        team.name,
        {
            "team": team,
            "parent": data.teams.get(team.parent) if team.parent else None,
            "subteams": data.subteams(team),
            "by_period": data.by_period(team.objectives),
            "body": _markdown(team.body),
        },
        _ids(team.objectives),
    )


def person_page(data: Analysis, key: str, t: Translate) -> Page:
    person = data.people[key]
    return Page(
        "person",
        key,
        person.path,
        "person.html",
        person.name,
        {"person": person, "by_period": data.by_period(person.objectives)},
        _ids(person.objectives),
    )


def list_page(data: Analysis, key: str, t: Translate) -> Page:
    """The lists of periods, teams and people (they count every objective)."""
    if key == "periods":
        return Page("list", key, "periods/index.html", "periods.html", t("Periods"), {}, None)
    if key == "teams":
        return Page("list", key, "teams/index.html", "teams.html", t("Teams"), {}, None)
    people = sorted(data.people.values(), key=lambda person: person.name.lower())
    return Page(
        "list", key, "people/index.html", "people.html", t("People"), {"people": people}, None
    )


LISTS = ("periods", "teams", "people")

# Page kind -> (the keys of its pages, the function that makes one page).
KINDS: dict[str, tuple[Callable[[Analysis], list[str]], Callable[[Analysis, str, Translate], Page]]]
KINDS = {
    "home": (lambda data: ["home"], home_page),
    "list": (lambda data: list(LISTS), list_page),
    "period": (lambda data: [period.key for period in data.periods], period_page),
    "alignment": (lambda data: [period.key for period in data.periods], alignment_page),
    "objective": (lambda data: [view.id for view in data.objectives], objective_page),
    "team": (lambda data: list(data.teams), team_page),
    "person": (lambda data: list(data.people), person_page),
}


def page(data: Analysis, kind: str, key: str, t: Translate) -> Page:
    return KINDS[kind][1](data, key, t)


def page_keys(data: Analysis) -> list[tuple[str, str]]:
    """(kind, key) of every page of the site."""
    return [(kind, key) for kind, (keys, _) in KINDS.items() for key in keys(data)]


def dependencies(
    data: Analysis, kind: str, key: str, t: Translate
) -> tuple[str, frozenset[str] | None, frozenset[str]]:
    """(path, shows, links) of a page, without making it where that is cheaper: okrdocs serve
    asks this of every page after each save to pick the few to render again."""
    if kind == "objective":
        view = data.by_id[key]
        return (view.path, *_objective_shows(view))
    made = page(data, kind, key, t)
    return made.path, made.shows, made.links


def all_pages(data: Analysis, t: Translate) -> Iterator[Page]:
    for kind, key in page_keys(data):
        yield page(data, kind, key, t)


def site_shape(data: Analysis) -> tuple[Any, ...]:
    """What every page's header and navigation shows: a change re-renders every page."""
    return (
        tuple(period.key for period in data.periods),
        data.current.key if data.current else None,
    )


def signatures(data: Analysis) -> dict[str, tuple[Any, ...]]:
    """For each objective, what pages show of it that a change elsewhere can alter: its
    findings (project-wide rules), its parent and children, its subtree's progress."""
    return {
        view.id: (
            view.subtree_progress,
            tuple((d.code, d.line, d.column, d.message, d.severity) for d in view.findings),
            view.parent.id if view.parent is not None else None,
            tuple(child.id for child in view.children),
        )
        for view in data.objectives
    }
