"""The numbers and the structure behind the manager views (issue 15), without a browser: the
attention items of a project with a known history, the weekly progress series, the top-level
roll-up, long lists split into pages, the alignment tree split into parts, the report's pages,
and that every page declares the objectives it shows (what ``okrdocs serve`` re-renders)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from okrdocs import progress as p
from okrdocs.analysis import Analysis, natural_key, progress_on_days, weekly_days
from okrdocs.config import load_config
from okrdocs.site import pages, tree
from okrdocs.site.render import make_environment
from okrdocs.site.writer import SiteWriter
from okrdocs.workspace import Workspace

from .conftest import SAMPLE_AS_OF
from .managers import generate, managers_project

AS_OF = date.fromisoformat(SAMPLE_AS_OF)


def analyse(root: Path, as_of: date = AS_OF) -> Analysis:
    config = load_config(start=root)
    workspace = Workspace.for_lint(config, as_of, jobs=1)
    workspace.load()
    return workspace.analysis()


@pytest.fixture(scope="module")
def managers(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    return analyse(managers_project(tmp_path_factory.mktemp("managers-numbers")))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    return analyse(generate(400, tmp_path_factory.mktemp("generated-400")))


# -- attention ------------------------------------------------------------------------------


def test_attention_lists_objectives_and_key_results_most_worrying_first(
    managers: Analysis,
) -> None:
    items = managers.attention(managers.period("2026-Q4"))
    assert len(items) == 13
    assert sum(1 for item in items if item.kr is None) == 4
    first = items[0]
    # Stale and off track: the worst status, and the biggest gap among those.
    assert (first.objective.id, first.kr.id if first.kr else None) == (
        "engineering/docs",
        "self-service",
    )
    assert first.status == p.STALE and first.gap_status == p.OFF_TRACK
    assert first.statuses == (p.STALE, p.OFF_TRACK)
    elapsed = 57 / 91  # 2026-10-01 to 2026-11-27 of a 92-day quarter
    assert first.gap == pytest.approx(elapsed - 0.1)
    assert first.days_since_checkin == 49
    assert first.last_checkin == date(2026, 10, 9)
    assert first.confidence == pytest.approx(0.3)
    assert first.owner == "ana.silva"
    docs = next(i for i in items if i.kr is None and i.objective.id == "engineering/docs")
    assert docs.gap == pytest.approx(elapsed - (0.1 + 0.2) / 2)
    assert docs.days_since_checkin == 49
    keys = [item.sort_key for item in items]
    assert keys == sorted(keys)
    # An on-track key result is not listed; nor anything of a closed period.
    listed = {(i.objective.id, i.kr.id if i.kr else "") for i in items}
    assert ("sales/east-china", "revenue") not in listed
    assert managers.attention(managers.period("2026-Q3")) == []


def test_the_change_over_seven_days_comes_from_the_checkins(managers: Analysis) -> None:
    channel = managers.by_id["sales/channel"]
    # Its first check-in is within the week: the change is all of its progress.
    assert channel.change == pytest.approx(channel.progress)
    east = managers.by_id["sales/east-china"]
    assert east.change == pytest.approx(0.0)  # last check-in 2026-11-20, before the week
    assert managers.by_id["sales/2026-q3-auto-parts"].change is None  # a closed period


def test_weekly_progress_repeats_weeks_without_a_checkin_exactly(managers: Analysis) -> None:
    period = managers.period("2026-Q4").period
    assert period is not None
    days = weekly_days(period, AS_OF)
    assert days[0] == date(2026, 10, 1) and days[-1] == AS_OF
    for view in managers.period("2026-Q4").objectives:
        naive = [p.objective_progress_on(view.objective, day) for day in days]
        assert progress_on_days(view.objective, days) == pytest.approx(naive)


def test_a_dropped_key_result_leaves_the_weekly_series_from_its_day(tmp_path: Path) -> None:
    root = managers_project(tmp_path)
    path = root / "content" / "engineering" / "2026-q4-docs.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - id: search-success\n", "  - id: search-success\n    dropped: 2026-11-01\n"
        ),
        encoding="utf-8",
    )
    data = analyse(root)
    view = data.by_id["engineering/docs"]
    period = view.objective.period
    days = weekly_days(period, AS_OF)
    naive = [p.objective_progress_on(view.objective, day) for day in days]
    assert progress_on_days(view.objective, days) == pytest.approx(naive)
    assert naive[0] != naive[-1] or naive[-1] == pytest.approx(0.1)


# -- roll-ups and lists ---------------------------------------------------------------------


def test_home_rolls_teams_up_to_the_top_level(managers: Analysis, tmp_path: Path) -> None:
    # The sample: everything is under "company", so the level below it is shown.
    rows = pages._top_level_rows(managers, managers.period("2026-Q4").objectives)
    assert [row["team"].key for row in rows] == ["sales", "engineering"]
    # Two top-level teams, one with a sub-team: the sub-team's objectives count in its row.
    root = managers_project(tmp_path)
    config = root / "okrdocs.toml"
    text = config.read_text(encoding="utf-8").replace(
        'sales = { name = "销售部 · Sales", parent = "company", lead = "zhang.wei" }',
        'sales = { name = "销售部 · Sales", lead = "zhang.wei" }\n'
        'channel = { name = "渠道 · Channel", parent = "sales" }',
    )
    config.write_text(text, encoding="utf-8")
    (root / "content" / "sales" / "2026-q4-channel.md").write_text(
        (root / "content" / "sales" / "2026-q4-channel.md")
        .read_text(encoding="utf-8")
        .replace("\nowner: liu.yang\n", "\nowner: liu.yang\nteam: channel\n", 1),
        encoding="utf-8",
    )
    data = analyse(root)
    rows = pages._top_level_rows(data, data.period("2026-Q4").objectives)
    assert [(row["team"].key, len(row["objectives"])) for row in rows] == [
        ("company", 3),  # Company · 公司, then 销售部 · Sales
        ("sales", 2),
    ]
    sales = next(row for row in rows if row["team"].key == "sales")
    assert sales["subteams"] is True
    assert {v.id for v in sales["objectives"]} == {"sales/east-china", "sales/channel"}


def test_natural_order_puts_two_before_ten() -> None:
    names = ["engineering-10", "engineering-2", "Engineering-1", "engineering-100"]
    assert sorted(names, key=natural_key) == [
        "Engineering-1",
        "engineering-2",
        "engineering-10",
        "engineering-100",
    ]


def test_long_lists_split_into_pages_that_keep_their_groups() -> None:
    groups = [{"team": name, "objectives": list(range(n))} for name, n in (("a", 3), ("b", 5))]
    split = pages._paginate(groups, 4)
    assert [
        [(g["team"], len(g["objectives"]), g["continued"]) for g in page] for page in split
    ] == [
        [("a", 3, False), ("b", 1, False)],
        [("b", 4, True)],
    ]
    assert pages.numbered("periods/2026-Q4.html", 1) == "periods/2026-Q4.html"
    assert pages.numbered("periods/2026-Q4.html", 3) == "periods/2026-Q4/page-3.html"
    assert pages.page_count(0) == 1 and pages.page_count(200) == 1 and pages.page_count(201) == 2
    assert pages.pager("x.html", 1, 1) == []
    assert [item["current"] for item in pages.pager("x.html", 3, 2)] == [False, True, False]


def test_report_pages_hold_every_team_once(generated: Analysis) -> None:
    split = pages._report_pages(generated)
    seen = [team for page in split for team in page]
    current = generated.current
    assert current is not None
    assert sorted(seen) == sorted({view.team for view in current.objectives})
    for page in split:
        size = sum(1 for view in current.objectives if view.team in page)
        assert size <= pages.REPORT_OBJECTIVES or len(page) == 1


# -- the alignment tree ---------------------------------------------------------------------


def test_the_tree_draws_every_objective_once_across_its_page_and_parts(
    generated: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small limits, so that a 400-objective tree uses every mechanism: roots in parts, lazy
    # branches, inline levels and "show more".
    monkeypatch.setattr(tree, "CHUNK", 7)
    monkeypatch.setattr(tree, "ROOTS", 3)
    monkeypatch.setattr(tree, "BUDGET", 30)
    generated.cache.clear()
    for period in generated.periods:
        layout = tree.Tree(generated, period)
        drawn = list(layout.drawn(layout.page()))
        for part in layout.parts().values():
            drawn.extend(layout.drawn(part))
        ids = [view.id for view in drawn]
        assert sorted(ids) == sorted(layout.members), period.key
        assert len(layout.page().nodes) <= 3
        for part in [layout.page(), *layout.parts().values()]:
            assert len(layout.drawn(part)) <= 30 + 7, part.path
    generated.cache.clear()


def test_every_part_the_tree_links_to_exists(generated: Analysis) -> None:
    env = make_environment(generated.config)
    writer = SiteWriter(generated, "/nonexistent", env=env)
    parts = {key.partition("@")[2] for key in pages._alignment_part_keys(generated)}
    for period in generated.periods:
        layout = tree.tree(generated, period.key)
        html = writer.render_html(pages.alignment_page(generated, period.key, writer.t))
        for part in layout.parts().values():
            html += writer.render_html(
                pages.alignment_part(generated, f"{period.key}@{part.path}", writer.t)
            )
        linked = set(re.findall(r'data-part="([^"]+)"', html))
        assert linked <= parts, period.key
        assert {p for p in parts if p.startswith(layout.base + "/")} <= linked


# -- what okrdocs serve re-renders ----------------------------------------------------------


def _linked_objectives(data: Analysis, html: str) -> set[str]:
    by_path = {view.path: view.id for view in data.objectives}
    found = set()
    for href in re.findall(r'href="([^"#]*objectives/[^"#]+\.html)', html):
        path = unquote(href).lstrip("./")
        while path.startswith("../"):
            path = path[3:]
        if path in by_path:
            found.add(by_path[path])
    return found


@pytest.mark.parametrize("which", ["managers", "generated"])
def test_every_page_declares_the_objectives_it_shows(which: str, request: Any) -> None:
    data: Analysis = request.getfixturevalue(which)
    env = make_environment(data.config)
    writer = SiteWriter(data, "/nonexistent", env=env)
    kinds = set()
    for kind, key in pages.page_keys(data):
        page = pages.page(data, kind, key, writer.t)
        if page.shows is None:  # summaries of everything: rendered on every change
            continue
        kinds.add(kind)
        html = writer.render_html(page)
        # An objective only linked to by title is declared too (serve re-renders on a rename).
        missing = _linked_objectives(data, html) - page.shows - page.links
        assert not missing, (page.path, sorted(missing)[:5])
    assert {"attention", "report", "person", "team", "alignment", "objective"} <= kinds


@pytest.mark.parametrize("which", ["managers", "generated"])
def test_what_serve_asks_of_a_page_is_what_the_page_declares(which: str, request: Any) -> None:
    # okrdocs serve asks pages.dependencies() of every page after each save, and makes only
    # the pages whose objectives changed: a fast path that disagreed with the page would leave
    # a stale page on the site.
    data: Analysis = request.getfixturevalue(which)
    writer = SiteWriter(data, "/nonexistent", env=make_environment(data.config))
    kinds = set()
    for kind, key in pages.page_keys(data):
        made = pages.page(data, kind, key, writer.t)
        assert pages.dependencies(data, kind, key, writer.t)[:3] == (
            made.path,
            made.shows,
            made.links,
        ), (kind, key)
        kinds.add(kind)
    assert {"team", "person", "objective"} <= kinds
