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
    AttentionItem,
    ObjectiveView,
    PeriodView,
    PersonView,
    checkins_newest_first,
    history,
    natural_key,
    team_sort_key,
)

Translate = Callable[..., str]


@dataclass(slots=True)
class Page:
    # objective | team | person | period | alignment | alignment-part | attention |
    # attention-rows | aligned | report | home | list
    kind: str
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


# -- sizes: no page grows with the organisation -------------------------------------------------

PER_PAGE = 200  # objectives (or attention items) on one page of a long list
HOME_ATTENTION = 20  # the most worrying objectives the home page shows
HOME_TEAMS = 20  # top-level teams the home page rolls up before "see all"
ALIGNED = 20  # aligned objectives per period on an objective's page before "see all"


def page_count(count: int, per_page: int = PER_PAGE) -> int:
    return max(1, -(-count // per_page))


def numbered(path: str, number: int) -> str:
    """The path of page ``number`` of a list: periods/2026-Q4.html, then
    periods/2026-Q4/page-2.html, … (the folder holds nothing else)."""
    return path if number == 1 else f"{path[: -len('.html')]}/page-{number}.html"


def _split(key: str) -> tuple[str, int]:
    """'2026-Q4@2' -> ('2026-Q4', 2); ids and period keys never hold '@'."""
    base, at, number = key.rpartition("@")
    if at and number.isdigit():
        return base, int(number)
    return key, 1


def _keys(base: str, pages: int) -> list[str]:
    return [base if n == 1 else f"{base}@{n}" for n in range(1, pages + 1)]


def pager(path: str, pages: int, current: int) -> list[dict[str, Any]]:
    """The links of a list's pages (empty for a list on one page)."""
    if pages < 2:
        return []
    return [
        {"number": n, "path": numbered(path, n), "current": n == current}
        for n in range(1, pages + 1)
    ]


def _slug(path: str, folder: str) -> str:
    return path[len(folder) + 1 : -len(".html")]


def attention_path(period: PeriodView | None) -> str | None:
    """The attention page of a period, when it has one (an active period)."""
    if period is None or period.phase != "active":
        return None
    return f"attention/{_slug(period.path, 'periods')}.html"


def attention_items(data: Analysis, key: str) -> list[AttentionItem]:
    """data.attention(period), computed once per analysis (pages and their keys ask)."""
    cached = data.cache.get(("attention", key))
    if cached is None:
        cached = data.cache[("attention", key)] = data.attention(data.period(key))
    return cached


def rollup(views: list[ObjectiveView]) -> dict[str, Any]:
    """What a roll-up row shows: objectives, mean progress, mean score, status counts."""
    scores = [v.state.score for v in views if v.state.score is not None]
    return {
        "objectives": views,
        "progress": p.mean(v.progress for v in views),
        "score": p.mean(scores),
        "counts": p.status_counts(v.status for v in views),
    }


def _worst_first(data: Analysis, views: list[ObjectiveView]) -> list[ObjectiveView]:
    """Most worrying first: the worst status (stale and behind counts as behind), then the
    biggest gap. The keys are computed once per analysis."""
    keys: dict[str, tuple[int, float, str, str]] = data.cache.setdefault("worst", {})

    def key(view: ObjectiveView) -> tuple[int, float, str, str]:
        found = keys.get(view.id)
        if found is None:
            found = keys[view.id] = AttentionItem(view).sort_key
        return found

    return sorted(views, key=key)


def _trend(data: Analysis, views: list[ObjectiveView], period: PeriodView, t: Translate) -> Any:
    """A Deferred chart of the views' mean progress week by week over the period."""

    def make() -> str:
        from okrdocs.site import chart as charts

        assert period.period is not None
        series = data.progress_over_time(views, period.period)
        return charts.trend_chart(series, period.period, data.as_of, t)

    return Deferred(make) if views and period.period is not None else ""


# -- page kinds -------------------------------------------------------------------------------


def objective_page(data: Analysis, key: str, t: Translate) -> Page:
    view = data.by_id[key]
    objective = view.objective
    period = data.period(objective.period.key)

    def chart() -> str:
        from okrdocs.i18n import script_language
        from okrdocs.site import chart as charts

        def lang(text: str) -> str:
            written = script_language(text)
            return f' lang="{written}"' if written and written != data.config.language else ""

        return charts.objective_chart(view, history(view), data.as_of, t, lang)

    aligned = []
    for child_period, children in data.by_period(view.children):
        shown = _worst_first(data, children)
        aligned.append(
            {
                "period": child_period,
                **rollup(children),
                "objectives": shown[:ALIGNED],
                "total": len(children),
                "path": aligned_path(view, child_period) if len(children) > ALIGNED else None,
            }
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
            "aligned": aligned,
        },
        shows,
        links,
    )


def aligned_path(view: ObjectiveView, period: PeriodView) -> str:
    """Every objective aligned to ``view`` in ``period``, when its page has too many to show."""
    return f"aligned/{_slug(view.path, 'objectives')}/{_slug(period.path, 'periods')}.html"


def _aligned_keys(data: Analysis) -> list[str]:
    keys = []
    for view in data.objectives:
        if len(view.children) <= ALIGNED:
            continue
        for period, children in data.by_period(view.children):
            if len(children) > ALIGNED:
                keys.extend(_keys(f"{view.id}@{period.key}", page_count(len(children))))
    return keys


def aligned_page(data: Analysis, key: str, t: Translate) -> Page:
    base, number = _split(key)
    objective_id, _, period_key = base.rpartition("@")
    view = data.by_id[objective_id]
    period = data.period(period_key)
    children = _worst_first(
        data, [c for c in view.children if c.objective.period.key == period_key]
    )
    pages = page_count(len(children))
    path = aligned_path(view, period)
    return Page(
        "aligned",
        key,
        numbered(path, number),
        "aligned.html",
        f"{t('Aligned objectives')} · {view.title} · {period.key}",
        {
            "o": view,
            "period": period,
            "objectives": children[(number - 1) * PER_PAGE : number * PER_PAGE],
            "total": len(children),
            "pages": pager(path, pages, number),
            "summary": rollup(children),
        },
        frozenset({view.id, *(c.id for c in children)}),
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
    worrying = 0
    if current is not None:
        team_rows = _top_level_rows(data, current.objectives)
        if current.phase == "active":
            needing = [v for v in current.objectives if v.needs_attention]
        else:
            needing = [v for v in current.objectives if v.status not in p.NOT_WORRYING]
        worrying = len(needing)
        attention = _worst_first(data, needing)[:HOME_ATTENTION]
    return Page(
        "home",
        key,
        "index.html",
        "index.html",
        data.config.title,
        {
            "current": current,
            "elapsed": current.period.elapsed(data.as_of) if current and current.period else 0,
            "team_rows": team_rows[:HOME_TEAMS],
            "team_total": len(team_rows),
            "attention": attention,
            "attention_total": worrying,
            "attention_path": attention_path(current),
            "report_path": REPORT_PATH if current is not None else None,
            "trend": _trend(data, current.objectives, current, t) if current else "",
            "other_periods": [period for period in data.periods if period is not current],
            "intro": intro,
        },
        None,
    )


def _top_level_rows(data: Analysis, views: list[ObjectiveView]) -> list[dict[str, Any]]:
    """The views rolled up to the top-level teams of the [teams] hierarchy (a team with every
    team under it), in the configured order; teams outside any hierarchy stand alone. When
    one team holds them all (a company above its departments), the level below it."""
    by_team: dict[str, list[ObjectiveView]] = {}
    for view in views:
        if view.team:
            by_team.setdefault(view.team, []).append(view)

    def row(team: Any, below: list[str], own_only: bool = False) -> dict[str, Any] | None:
        members = [view for key in below for view in by_team.get(key, ())]
        if not members:
            return None
        return {"team": team, "subteams": len(below) > 1 and not own_only, **rollup(members)}

    covered: set[str] = set()
    level = data.team_roots()
    own_rows: list[dict[str, Any]] = []
    while True:
        rows = []
        for team in level:
            below = data.team_and_below(team.key)
            covered.update(below)
            found = row(team, below)
            if found is not None:
                rows.append(found)
        if own_rows or len(rows) != 1 or not rows[0]["subteams"]:
            break
        # Everything is under one team: its own objectives, then the level below it.
        single = rows[0]["team"]
        own = row(single, [single.key], own_only=True)
        own_rows = [own] if own is not None else []
        level = data.subteams(single)
    return own_rows + rows + _outside(data, by_team, covered)


def _outside(
    data: Analysis, by_team: dict[str, list[ObjectiveView]], covered: set[str]
) -> list[dict[str, Any]]:
    """Teams no top-level team reaches (a cycle of parents in the roster): each on its own."""
    return [
        {"team": data.teams[key], "subteams": False, **rollup(by_team[key])}
        for key in sorted(set(by_team) - covered, key=lambda k: team_sort_key(data.teams[k]))
    ]


def _period_groups(data: Analysis, period: PeriodView) -> list[dict[str, Any]]:
    groups: dict[str, list[ObjectiveView]] = {}
    for view in period.objectives:
        groups.setdefault(view.team, []).append(view)
    rows = [
        {"team": data.teams.get(team_id), **rollup(views), "objectives": _worst_first(data, views)}
        for team_id, views in groups.items()
    ]
    rows.sort(key=lambda r: (r["team"] is None, team_sort_key(r["team"]) if r["team"] else ()))
    return rows


def _paginate(groups: list[dict[str, Any]], per_page: int) -> list[list[dict[str, Any]]]:
    """Groups of rows split into pages of at most ``per_page`` rows; a group that goes on to
    the next page is marked ``continued`` there."""
    pages: list[list[dict[str, Any]]] = [[]]
    count = 0
    for group in groups:
        rows, start = group["objectives"], 0
        while start < len(rows):
            if count == per_page:
                pages.append([])
                count = 0
            chunk = rows[start : start + per_page - count]
            pages[-1].append({**group, "objectives": chunk, "continued": start > 0})
            count += len(chunk)
            start += len(chunk)
    return pages


def period_page(data: Analysis, key: str, t: Translate) -> Page:
    base, number = _split(key)
    period = data.period(base)
    pages = data.cache.get(("period", base))
    if pages is None:
        pages = data.cache[("period", base)] = _paginate(_period_groups(data, period), PER_PAGE)
    elapsed = period.period.elapsed(data.as_of) if period.period else 0
    return Page(
        "period",
        key,
        numbered(period.path, number),
        "period.html",
        period.key,
        {
            "period": period,
            "groups": pages[number - 1],
            "elapsed": elapsed,
            "pages": pager(period.path, len(pages), number),
            "first_page": number == 1,
            "attention_path": attention_path(period),
            "score": period.score,
            "trend": _trend(data, period.objectives, period, t) if number == 1 else "",
        },
        _ids(period.objectives),
    )


def _period_keys(data: Analysis) -> list[str]:
    return [
        key
        for period in data.periods
        for key in _keys(period.key, page_count(len(period.objectives)))
    ]


def attention_page(data: Analysis, key: str, t: Translate) -> Page:
    """Everything of a period that needs attention, a page of PER_PAGE items at a time; the
    site's script filters and sorts them all (loading the rest from ``rows.js``)."""
    if key.endswith("@rows"):
        period_key, number = key[: -len("@rows")], 0
    else:
        period_key, number = _split(key)
    period = data.period(period_key)
    items = attention_items(data, period_key)
    path = attention_path(period)
    assert path is not None
    pages = page_count(len(items))
    rows_path = f"{path[: -len('.html')]}/rows.js" if pages > 1 else None
    shows = _ids(period.objectives)
    teams, owners, by_status = _attention_facts(data, period_key, items)
    if number == 0:  # the script file with every item, for filtering a long list
        assert rows_path is not None
        context = {"items": items, "teams": teams, "owners": owners}
        return Page("attention-rows", key, rows_path, "attention-rows.js", "", context, shows)
    return Page(
        "attention",
        key,
        numbered(path, number),
        "attention.html",
        f"{t('Needs attention')} · {period.key}",
        {
            "period": period,
            "items": items[(number - 1) * PER_PAGE : number * PER_PAGE],
            "start": (number - 1) * PER_PAGE,
            "total": len(items),
            "objective_total": sum(1 for item in items if item.kr is None),
            "kr_total": sum(1 for item in items if item.kr is not None),
            "by_status": by_status,
            "teams": teams,
            "owners": owners,
            "pages": pager(path, pages, number),
            "rows_path": rows_path,
            "elapsed": period.period.elapsed(data.as_of) if period.period else 0,
        },
        shows,
    )


def _attention_facts(data: Analysis, key: str, items: list[AttentionItem]) -> tuple[Any, ...]:
    """The team and owner options of a period's attention list and its counts by status
    (each of its pages shows them), computed once."""
    facts = data.cache.get(("attention-facts", key))
    if facts is None:
        teams = {team for item in items for team in data.team_lineage(item.objective.team)}
        owners = sorted(
            {(item.owner, data.person_name(item.owner)) for item in items},
            key=lambda pair: natural_key(pair[1]),
        )
        by_status = {
            status: sum(1 for item in items if status in item.statuses)
            for status in (p.OFF_TRACK, p.AT_RISK, p.STALE)
        }
        facts = data.cache[("attention-facts", key)] = (
            _team_options(data, teams),
            owners,
            by_status,
        )
    return facts


def _team_options(data: Analysis, keys: set[str]) -> list[tuple[str, str, int]]:
    """(key, name, depth) of ``keys`` in the order of the team hierarchy."""
    options: list[tuple[str, str, int]] = []
    seen: set[str] = set()

    def visit(team: Any, depth: int) -> None:
        if team.key in seen:
            return
        seen.add(team.key)
        if team.key in keys:
            options.append((team.key, team.name, depth))
        for child in data.subteams(team):
            visit(child, depth + 1)

    for team in data.team_roots():
        visit(team, 0)
    for key in sorted(keys - seen, key=natural_key):  # teams in a cycle of parents
        options.append((key, data.team_name(key), 0))
    return options


def _attention_keys(data: Analysis) -> list[str]:
    keys = []
    for period in data.periods:
        if period.phase != "active":
            continue
        pages = page_count(len(attention_items(data, period.key)))
        keys.extend(_keys(period.key, pages))
        if pages > 1:
            keys.append(f"{period.key}@rows")
    return keys


def alignment_page(data: Analysis, key: str, t: Translate) -> Page:
    """The tree of the period's objectives and everything they align to, in any period: the
    roots, and what aligns to them drawn or loaded on demand (okrdocs.site.tree)."""
    from okrdocs.site.tree import tree

    layout = tree(data, key)
    period = layout.period
    return Page(
        "alignment",
        key,
        period.alignment_path,
        "alignment.html",
        f"{t('Alignment')} {period.key}",
        {
            "period": period,
            "roots": layout.roots,
            "children": layout.groups,
            "part": layout.page(),
        },
        frozenset(layout.members),
    )


def alignment_part(data: Analysis, key: str, t: Translate) -> Page:
    """A script file with a node's aligned objectives (or more roots), loaded when opened."""
    from okrdocs.site.tree import tree

    period_key, _, path = key.partition("@")
    layout = tree(data, period_key)
    return Page(
        "alignment-part",
        key,
        path,
        "alignment-part.js",
        "",
        {"part": layout.parts()[path]},
        frozenset(layout.members),
    )


def _alignment_part_keys(data: Analysis) -> list[str]:
    from okrdocs.site.tree import tree

    return [
        f"{period.key}@{path}" for period in data.periods for path in tree(data, period.key).parts()
    ]


def team_page(data: Analysis, key: str, t: Translate) -> Page:
    team = data.teams[key]
    everything = data.team_objectives(key)
    summary = []
    trend: Any = ""
    for period, views in data.by_period(everything):
        summary.append({"period": period, **rollup(views), "attention": attention_path(period)})
        if period is data.current:
            trend = _trend(data, views, period, t)
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
            "summary": summary,
            "trend": trend,
            "trend_period": data.current,
            "with_subteams": len(everything) != len(team.objectives),
            "by_period": [
                (period, _worst_first(data, views))
                for period, views in data.by_period(team.objectives)
            ],
            "body": _markdown(team.body),
        },
        _ids(everything),
    )


def _person_shows(person: PersonView) -> frozenset[str]:
    """The objectives a person's page shows: theirs, and those holding their key results and
    actions."""
    shows = {view.id for view in person.objectives}
    shows.update(item.objective.id for item in person.key_results)
    shows.update(item.objective.id for item in person.actions)
    return frozenset(shows)


def person_page(data: Analysis, key: str, t: Translate) -> Page:
    person = data.people[key]
    owned = [view for view in person.objectives if view.objective.owner == key]
    return Page(
        "person",
        key,
        person.path,
        "person.html",
        person.name,
        {
            "person": person,
            "by_period": [
                (period, _worst_first(data, views)) for period, views in data.by_period(owned)
            ],
            "key_results": person.key_results,
            "actions": person.actions,
            "overdue": sum(1 for item in person.actions if item.overdue),
        },
        _person_shows(person),
    )


REPORT_PATH = "reports/weekly.html"
REPORT_OBJECTIVES = 150  # objectives whose teams' report sections share a page (about 300 KB)


def _report_pages(data: Analysis) -> list[set[str]]:
    """The teams (ids) of each page of the weekly report: whole teams, in the report's order,
    about REPORT_OBJECTIVES objectives a page. Cheap: the report itself is worded only where
    its pages are rendered."""
    cached = data.cache.get("report-pages")
    if cached is None:
        current = data.current
        counts: dict[str, int] = {}
        for view in current.objectives if current is not None else []:
            counts[view.team] = counts.get(view.team, 0) + 1
        order = sorted(counts, key=lambda k: (k == "", natural_key(data.team_name(k))))
        cached = [set()]
        size = 0
        for team in order:
            if cached[-1] and size + counts[team] > REPORT_OBJECTIVES:
                cached.append(set())
                size = 0
            cached[-1].add(team)
            size += counts[team]
        data.cache["report-pages"] = cached
    return cached


def _report(data: Analysis) -> tuple[Any, Any]:
    """The weekly report of the current period and its outline, worded in the site's
    language; once per process that renders a page of it."""
    cached = data.cache.get("report")
    if cached is None:
        from okrdocs.i18n import speaking
        from okrdocs.report import render, weekly

        def link(view: ObjectiveView, kr: Any = None) -> str:
            return view.path + (f"#kr-{kr.id}" if kr is not None else "")

        with speaking(data.config.language):
            report = weekly.build(data)
            cached = data.cache["report"] = (report, render.outline(report, link=link))
    return cached


def report_page(data: Analysis, key: str, t: Translate) -> Page:
    """A page of the weekly report of the current period (okrdocs report)."""
    current = data.current
    assert current is not None
    _base, number = _split(key)
    pages = _report_pages(data)
    teams = pages[number - 1]

    def outline() -> Any:
        return _report(data)[1]

    def sections() -> list[Any]:
        report, worded = _report(data)
        return [
            section
            for team, section in zip(report.teams, worded.teams, strict=True)
            if team.team in teams
        ]

    return Page(
        "report",
        key,
        numbered(REPORT_PATH, number),
        "report.html",
        t("Weekly report"),
        {
            "period": current,
            "outline": outline,
            "sections": sections,
            "pages": pager(REPORT_PATH, len(pages), number),
        },
        _ids(current.objectives),
    )


def _report_keys(data: Analysis) -> list[str]:
    if data.current is None:
        return []
    return _keys("weekly", len(_report_pages(data)))


def list_page(data: Analysis, key: str, t: Translate) -> Page:
    """The lists of periods, teams and people (they count every objective)."""
    if key == "periods":
        return Page("list", key, "periods/index.html", "periods.html", t("Periods"), {}, None)
    if key == "teams":
        return Page("list", key, "teams/index.html", "teams.html", t("Teams"), {}, None)
    people = sorted(data.people.values(), key=lambda person: natural_key(person.name))
    return Page(
        "list", key, "people/index.html", "people.html", t("People"), {"people": people}, None
    )


LISTS = ("periods", "teams", "people")

# Page kind -> (the keys of its pages, the function that makes one page).
KINDS: dict[str, tuple[Callable[[Analysis], list[str]], Callable[[Analysis, str, Translate], Page]]]
KINDS = {
    "home": (lambda data: ["home"], home_page),
    "list": (lambda data: list(LISTS), list_page),
    "period": (_period_keys, period_page),
    "attention": (_attention_keys, attention_page),
    "report": (_report_keys, report_page),
    "alignment": (lambda data: [period.key for period in data.periods], alignment_page),
    "alignment-part": (_alignment_part_keys, alignment_part),
    "objective": (lambda data: [view.id for view in data.objectives], objective_page),
    "aligned": (_aligned_keys, aligned_page),
    "team": (lambda data: list(data.teams), team_page),
    "person": (lambda data: list(data.people), person_page),
}


def page(data: Analysis, kind: str, key: str, t: Translate) -> Page:
    return KINDS[kind][1](data, key, t)


# Pages of one objective, team or person: what they show is known without making them (see
# dependencies); the other kinds summarise many objectives and must be made to learn it.
PER_ITEM_KINDS = frozenset({"objective", "team", "person"})


def page_keys(
    data: Analysis, per_item: bool | None = None, between: Callable[[], None] | None = None
) -> list[tuple[str, str]]:
    """(kind, key) of every page of the site (per_item: of objectives, teams and people only;
    False: the others). ``between``: called before each kind's keys are listed."""
    found = []
    for kind, (keys, _) in KINDS.items():
        if per_item is None or (kind in PER_ITEM_KINDS) == per_item:
            if between is not None:
                between()
            found += [(kind, key) for key in keys(data)]
    return found


def dependencies(
    data: Analysis, kind: str, key: str, t: Translate
) -> tuple[str, frozenset[str] | None, frozenset[str], Page | None]:
    """(path, shows, links, the page when it had to be made) of a page, without making it
    where that is cheaper: okrdocs serve asks this of every page after each save to pick the
    few to render again (and renders a page it made here without making it twice)."""
    if kind == "objective":
        view = data.by_id[key]
        return (view.path, *_objective_shows(view), None)
    # Team and person pages are thousands at 10,000 objectives, and their summaries and trends
    # are the costly part of making them: what they show is known without.
    if kind == "team":
        return data.teams[key].path, _ids(data.team_objectives(key)), frozenset(), None
    if kind == "person":
        person = data.people[key]
        return person.path, _person_shows(person), frozenset(), None
    made = page(data, kind, key, t)
    return made.path, made.shows, made.links, made


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
