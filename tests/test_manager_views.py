"""What a manager reads (issue 15), in a real headless Chromium from file://: the attention
page (its filters, sorting, the links that arrive filtered, the page without JavaScript, a
long list on several pages), stale and behind said together, the expanding alignment tree,
trends, person pages with the key results they own and their overdue actions, the weekly
report, average scores of closed periods.

Two sites: the sample organisation with tests/managers.py's additions (built once), and 1,200
generated objectives (a long attention list, a tree whose branches load on demand)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browserkit import (
    axe_violations,
    hosted_under_sub_path,
    needs_axe,
    needs_browser,
    new_page,
    shot,
)
from .managers import build, generate, managers_project

pytestmark = needs_browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(managers_project(tmp_path_factory.mktemp("managers")))


# A title that must reach the page as text, however the row is drawn (by the page or by the
# script from rows.js); its key results stand still, so it is the furthest behind.
MARKUP_TITLE = """Ship <b>"safe"</b> & 'sound' onboarding <img src=x onerror=alert(1)>"""


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = generate(1200, tmp_path_factory.mktemp("managers-large"))
    source = root / "content" / "engineering" / "o00007.md"
    lines, baseline = [], ""
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("objective: "):
            line = "objective: " + MARKUP_TITLE
        elif line.strip().startswith("baseline: "):
            baseline = line.split(": ")[1]
        elif line.strip().startswith("current: "):
            line = line.split("current: ")[0] + "current: " + baseline
        lines.append(line)
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return build(root, "--no-lint")


def open_page(browser: Any, site: Path, path: str, **options: Any) -> Any:
    tab = new_page(browser, **options)
    tab.goto((site / path).as_uri())
    return tab


def rows(tab: Any) -> Any:
    return tab.locator("#attention-list > li:not([hidden])")


def count_text(tab: Any) -> str:
    return tab.locator("#attention-count").inner_text()


# -- stale and behind -----------------------------------------------------------------------


def test_a_silent_and_failing_objective_says_both(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "index.html")
    row = tab.locator(".objective-row", has_text="Customers find answers in the documentation")
    badge = row.locator(".status")
    assert badge.inner_text().strip("◷ \n") == "未更新 · 落后"
    assert "status-also-off-track" in badge.get_attribute("class")
    # The bar keeps the colour of the gap, not the grey of silence.
    assert "progress-off-track" in row.locator(".progress").get_attribute("class")
    assert "最近一次进展更新在 49 天前" in row.locator(".meta").inner_text()
    colour = tab.evaluate(
        "e => getComputedStyle(e).backgroundColor", row.locator(".progress-fill").element_handle()
    )
    assert colour == "rgb(164, 14, 38)"  # --bad
    assert tab.console_errors == []
    tab.context.close()


def test_list_rows_show_the_change_of_the_last_seven_days(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "periods/2026-Q4.html")
    channel = tab.locator(".objective-row", has_text="让渠道伙伴成为华东市场的第二增长引擎")
    change = channel.locator(".change")
    assert change.inner_text().endswith("▲ +32%")  # after a label for screen readers
    assert "change-up" in change.get_attribute("class")
    assert change.get_attribute("title") == "近 7 天变化"
    flat = tab.locator(".objective-row", has_text="成为华东中型制造企业首选的工业软件供应商")
    assert flat.locator(".change").inner_text().endswith("±0%")
    tab.context.close()


# -- the attention page ---------------------------------------------------------------------


def test_home_shows_the_worst_and_links_to_everything_that_needs_attention(
    site: Path, browser: Any
) -> None:
    tab = open_page(browser, site, "index.html")
    heading = tab.locator("h2#attention").inner_text()
    assert heading == "需要关注 (4)"
    first = tab.locator("section:has(h2#attention) .objective-row").first
    assert "Customers find answers in the documentation" in first.inner_text()
    tab.get_by_role("link", name="查看全部需要关注的目标和关键结果").click()
    tab.wait_for_url("**/attention/2026-Q4.html")
    assert tab.locator("h1").inner_text() == "需要关注"
    assert count_text(tab) == "共 13 项"
    assert rows(tab).count() == 13
    shot(tab, "attention")
    assert tab.console_errors == []
    tab.context.close()


def test_status_counts_link_to_the_attention_page_filtered(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "index.html")
    counts = tab.locator(".card .status-counts")
    counts.get_by_role("link", name="落后 1").click()
    tab.wait_for_url("**/attention/2026-Q4.html#status=off-track&type=o")
    tab.wait_for_function("document.getElementById('attention-count').innerText.includes('显示')")
    assert tab.locator("#filter-status").input_value() == "off-track"
    assert tab.locator("#filter-type").input_value() == "o"
    shown = rows(tab)
    # Off track includes the objective that is also stale.
    assert shown.count() == 2
    for i in range(shown.count()):
        assert "off-track" in shown.nth(i).get_attribute("data-status")
        assert shown.nth(i).get_attribute("data-kind") == "o"
    assert count_text(tab) == "显示 2 项中的 2 项（共 13 项）"
    # A team's counts arrive filtered by the team as well.
    tab.goto(tab.url.split("attention/")[0] + "index.html")
    table = tab.locator(".team-table")
    table.locator("tr", has_text="Engineering").get_by_role("link", name="未更新 1").click()
    tab.wait_for_url("**/attention/2026-Q4.html#team=engineering&status=stale&type=o")
    tab.wait_for_function("document.getElementById('attention-count').innerText.includes('显示')")
    assert tab.locator("#filter-team").input_value() == "engineering"
    assert rows(tab).count() == 1
    assert "Customers find answers" in rows(tab).first.inner_text()
    assert tab.console_errors == []
    tab.context.close()


def test_attention_filters_by_team_owner_status_and_type(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "attention/2026-Q4.html")
    assert tab.locator("#attention-filters").is_visible()
    tab.get_by_label("团队").select_option("sales")
    assert rows(tab).count() == 6
    assert all(
        "sales" in rows(tab).nth(i).get_attribute("data-team").split("|")
        for i in range(rows(tab).count())
    )
    assert count_text(tab) == "显示 6 项中的 6 项（共 13 项）"
    # The parent team includes its sub-teams.
    tab.get_by_label("团队").select_option("company")
    assert rows(tab).count() == 13
    tab.get_by_label("类型").select_option("k")
    assert rows(tab).count() == 9
    tab.get_by_label("负责人").select_option("ana.silva")
    assert rows(tab).count() == 1
    assert "Support tickets answered by a documentation link" in rows(tab).first.inner_text()
    tab.get_by_label("状态").select_option("at-risk")
    assert rows(tab).count() == 0
    assert tab.locator("#attention-none").is_visible()
    assert tab.locator("#attention-none").inner_text() == "没有符合筛选条件的项。"
    tab.get_by_role("button", name="清除筛选").click()
    assert rows(tab).count() == 13
    assert count_text(tab) == "共 13 项"
    assert tab.evaluate("location.hash") == ""
    # The state is in the address: a reload keeps it.
    tab.get_by_label("状态").select_option("stale")
    assert tab.evaluate("location.hash") == "#status=stale"
    tab.reload()
    tab.wait_for_function("document.getElementById('attention-count').innerText.includes('显示')")
    assert rows(tab).count() == 3
    assert tab.console_errors == []
    tab.context.close()


def test_attention_sorts_by_gap_days_and_confidence(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "attention/2026-Q4.html")

    def column(name: str) -> list[float]:
        values = tab.evaluate(
            "name => [...document.querySelectorAll('#attention-list > li:not([hidden])')]"
            ".map(li => li.getAttribute('data-' + name))",
            name,
        )
        return [float(v) for v in values if v != ""]

    order = column("order")
    assert order == sorted(order)  # most worrying first, as built
    tab.get_by_label("排序").select_option("gap")
    gaps = column("gap")
    assert gaps == sorted(gaps, reverse=True) and len(gaps) == 13
    tab.get_by_label("排序").select_option("days")
    days = column("days")
    assert days == sorted(days, reverse=True) and days[0] == 49
    tab.get_by_label("排序").select_option("confidence")
    confidence = column("confidence")
    assert confidence == sorted(confidence) and confidence[0] == pytest.approx(0.3)
    tab.context.close()


def test_attention_filters_work_from_the_keyboard_and_are_announced(
    site: Path, browser: Any
) -> None:
    tab = open_page(browser, site, "attention/2026-Q4.html")
    status = tab.locator("#attention-count")
    assert status.get_attribute("role") == "status"
    box = tab.get_by_label("类型")
    box.focus()
    tab.keyboard.press("ArrowDown")  # objectives
    tab.wait_for_function("document.getElementById('attention-count').innerText.includes('显示')")
    assert box.input_value() == "o"
    assert rows(tab).count() == 4
    assert status.inner_text() == "显示 4 项中的 4 项（共 13 项）"
    for label in ("团队", "负责人", "状态", "类型", "排序"):
        assert tab.get_by_label(label).count() == 1
    tab.context.close()


def test_attention_without_javascript_is_the_whole_list(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "attention/2026-Q4.html", java_script_enabled=False)
    assert tab.locator("#attention-filters").is_hidden()
    assert tab.locator("#attention-list > li").count() == 13
    assert tab.locator("#attention-count").inner_text() == "共 13 项"
    tab.context.close()


def test_a_long_attention_list_pages_and_filters_everything(large: Path, browser: Any) -> None:
    tab = open_page(browser, large, "attention/2026-Q4.html")
    total = int(tab.locator("#attention-filters").get_attribute("data-total"))
    assert total > 400
    assert rows(tab).count() == 200
    pager = tab.get_by_role("navigation", name="Pages").first
    assert pager.get_by_role("link", name="2").is_visible()
    # Without filters, the page as built: remember how it draws its rows.
    built = tab.evaluate(
        "[...document.querySelectorAll('#attention-list > li')].slice(0, 50)"
        ".map(li => [li.getAttribute('data-order'), li.outerHTML])"
    )
    tab.get_by_label("Status").select_option("off-track")
    tab.wait_for_function(
        "document.getElementById('attention-count').innerText.includes('Showing')"
    )
    text = count_text(tab)
    matched = int(text.split(" of ")[1].split(" ")[0])
    assert 200 < matched < total
    assert rows(tab).count() == 200 and pager.is_hidden()
    # Every team and owner is an option now (they come with the items).
    assert tab.locator("#filter-team option").count() > 50
    # The script draws a row exactly as the page does.
    drawn = dict(
        tab.evaluate(
            "[...document.querySelectorAll('#attention-list > li')]"
            ".map(li => [li.getAttribute('data-order'), li.outerHTML])"
        )
    )
    same = [order for order, html in built if order in drawn]
    assert same
    for order, html in built:
        if order in drawn:
            assert drawn[order] == html
    # More, and the focus goes to the first new row.
    tab.locator("#attention-more").click()
    tab.wait_for_function("document.querySelectorAll('#attention-list > li').length > 200")
    assert tab.evaluate("document.activeElement.closest('li').getAttribute('data-order')")
    # Page 2 filters the whole list as well, and its links still work.
    tab.goto((large / "attention" / "2026-Q4" / "page-2.html").as_uri() + "#type=o")
    tab.wait_for_function(
        "document.getElementById('attention-count').innerText.includes('Showing')"
    )
    assert all(rows(tab).nth(i).get_attribute("data-kind") == "o" for i in range(rows(tab).count()))
    tab.locator("#attention-list a.objective-link").first.click()
    tab.wait_for_url("**/objectives/**")
    assert tab.console_errors == []
    tab.context.close()


# -- the alignment tree ---------------------------------------------------------------------


def test_the_tree_shows_its_first_level_and_loads_branches_on_demand(
    large: Path, browser: Any
) -> None:
    tab = open_page(browser, large, "alignment/2026-Q4.html")
    roots = tab.locator(".tree-root > .tree-node")
    assert roots.count() == 5
    assert tab.locator(".tree-root .tree-node .tree-node").count() == 0  # nothing below yet
    branch = roots.first.locator(":scope > details")
    assert branch.get_attribute("data-part")
    summary = branch.locator(":scope > summary")
    summary.focus()
    tab.keyboard.press("Enter")  # the keyboard opens a branch
    tab.wait_for_function(
        "document.querySelectorAll('.tree-root > .tree-node:first-child .tree-node').length > 0"
    )
    loaded = roots.first.locator(".tree-node")
    assert loaded.count() == 50
    announced = tab.locator("#tree-status").inner_text()
    assert announced == "50 aligned objectives shown"
    # Links in a loaded branch are relative to this page.
    tab.wait_for_function("!document.querySelector('[aria-busy]')")
    href = loaded.first.locator(".tree-title a").get_attribute("href")
    assert href.startswith("../objectives/")
    more = roots.first.get_by_role("link", name="Show more (10 left)")
    more.click()
    tab.wait_for_function(
        "document.querySelectorAll('.tree-root > .tree-node:first-child .tree-node').length > 50"
    )
    assert roots.first.locator(".tree-node").count() == 60
    assert tab.evaluate("document.activeElement.closest('.tree-node') !== null")
    shot(tab, "alignment-large")
    # Collapse all, expand all: every branch (also those still to load) opens.
    tab.get_by_role("button", name="Collapse all").click()
    assert loaded.first.is_hidden()
    tab.get_by_role("button", name="Expand all").click()
    tab.wait_for_function("document.querySelectorAll('.tree-node').length >= 5 + 5 * 50")
    assert tab.locator("summary a").count() == 0, "no link inside a summary"
    assert tab.console_errors == []
    tab.context.close()


def test_a_branch_without_javascript_leads_to_the_objectives_page(
    large: Path, browser: Any
) -> None:
    tab = open_page(browser, large, "alignment/2026-Q4.html", java_script_enabled=False)
    root = tab.locator(".tree-root > .tree-node").first
    root.locator(":scope > details > summary").click()
    link = root.locator(".tree-lazy a")
    assert link.is_visible()
    link.click()
    tab.wait_for_url("**/objectives/company/c*.html#aligned")
    assert tab.locator("h2#aligned").is_visible()
    tab.context.close()


def test_aligned_objectives_are_grouped_by_period_with_the_rest_a_click_away(
    large: Path, browser: Any
) -> None:
    tab = open_page(browser, large, "objectives/company/c0.html")
    groups = tab.locator("section:has(h2#aligned) h3")
    assert groups.count() == 4
    assert [g.split(" ")[0] for g in groups.all_inner_texts()] == [
        "2026-Q4",
        "2026-Q3",
        "2026-Q2",
        "2026-Q1",
    ]
    assert tab.locator("section:has(h2#aligned) .objective-row").count() == 4 * 20
    tab.get_by_role("link", name="See all aligned objectives of 2026-Q4").click()
    tab.wait_for_url("**/aligned/company/c0/2026-Q4.html")
    assert tab.locator(".objective-row").count() == 60
    assert tab.console_errors == []
    tab.context.close()


# -- people ---------------------------------------------------------------------------------


def test_person_pages_list_objectives_key_results_and_actions(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "people/ana.silva.html")
    owned = tab.locator("section:has(h2#key-results)")
    assert "在其他目标中负责的关键结果" in owned.locator("h2").inner_text()
    row = owned.locator(".objective-row", has_text="Support tickets answered")
    assert "Customers find answers in the documentation" in row.locator(".meta").inner_text()
    assert "目标负责人" in row.locator(".meta").inner_text()
    assert "Priya Nair" in row.locator(".meta").inner_text()
    # Someone who owns only an action: the action, overdue, with its due date.
    tab.goto((site / "people" / "li.wen.html").as_uri())
    actions = tab.locator("section:has(h2#actions)")
    assert "1 项逾期" in actions.locator("h2").inner_text()
    overdue = actions.locator("tr.action-overdue")
    assert overdue.count() == 1
    assert "2026-11-10" in overdue.inner_text() and "已逾期" in overdue.inner_text()
    assert tab.locator("section:has(h2#objectives)").count() == 0
    shot(tab, "person-actions")
    # Someone who owns nothing yet.
    tab.goto((site / "people" / "sun.yue.html").as_uri())
    assert tab.locator(".empty").inner_text() == "孙悦 目前没有负责的目标、关键结果或行动项。"
    assert tab.console_errors == []
    tab.context.close()


def test_overdue_actions_are_marked_on_objective_pages(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "objectives/engineering/docs.html")
    overdue = tab.locator("tr.action-overdue")
    assert overdue.count() == 1
    assert overdue.locator(".overdue").inner_text().strip("! \n") == "已逾期"
    assert tab.locator("tr.action:not(.action-overdue)").count() == 1  # due next month
    tab.context.close()


# -- trends ---------------------------------------------------------------------------------


def test_the_objective_chart_draws_each_key_result_and_confidence(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "objectives/sales/east-china.html")
    chart = tab.locator(".chart-figure")
    assert chart.locator(".chart .point").count() == 4  # the objective's check-ins
    assert chart.locator("polyline.kr-line").count() == 3
    assert chart.locator("polyline.confidence").count() == 1
    legend = chart.locator(".legend").inner_text()
    for words in ("进度", "预期", "季度销售额从 800 万元增长到 880 万元", "信心指数"):
        assert words in legend
    shot(tab, "objective-chart")
    tab.context.close()
    phone = open_page(browser, site, "objectives/sales/east-china.html", width=390, height=844)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    sizes = phone.evaluate(
        "[...document.querySelectorAll('.legend-item')].map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert min(sizes) >= 12
    shot(phone, "objective-chart-phone")
    phone.context.close()


def test_team_and_period_pages_show_progress_over_time(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "teams/sales.html")
    summary = tab.locator("section.team-summary")
    assert summary.locator("h2").inner_text().startswith("概览")
    assert summary.locator(".chart").is_visible()
    points = summary.locator(".chart .point")
    assert points.count() >= 9  # weekly from 2026-10-01 to the as-of day
    assert "平均评分" in summary.locator("tr", has_text="2026-Q3").inner_text()
    shot(tab, "team-summary")
    tab.goto((site / "periods" / "2026-Q4.html").as_uri())
    tab.locator("details.trend > summary").click()
    assert tab.locator("details.trend .chart").is_visible()
    # Team pages list their objectives worst first.
    tab.goto((site / "teams" / "sales.html").as_uri())
    titles = tab.locator("section:has(h2#p-1) .objective-link").all_inner_texts()
    assert titles[0] == "让渠道伙伴成为华东市场的第二增长引擎"
    tab.context.close()


def test_closed_periods_show_the_average_score(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "periods/2026-Q3.html")
    card = tab.locator("main .card").first
    assert "平均评分" in card.inner_text()
    assert card.locator(".score").inner_text() == "0.8"
    assert card.locator("[role=progressbar]").count() == 0
    tab.goto((site / "index.html").as_uri())
    assert "2026-Q3 已结束 · 平均评分 0.8" in tab.locator("#other-periods + ul").inner_text()
    tab.context.close()


def test_the_weekly_report_is_a_page_of_the_site(site: Path, browser: Any) -> None:
    tab = open_page(browser, site, "index.html")
    tab.get_by_role("link", name="周报").click()
    tab.wait_for_url("**/reports/weekly.html")
    assert tab.locator(".lead").inner_text() == "OKR 周报：2026-Q4，2026-11-21 – 2026-11-27"
    sections = tab.locator(".report-team h2").all_inner_texts()
    assert sections == ["Engineering · 工程部", "销售部 · Sales"]
    engineering = tab.locator(".report-team").first
    assert "逾期或下周到期的行动项" in engineering.inner_text()
    overdue = engineering.locator("li", has_text="Write the twenty most asked questions")
    assert "逾期" in overdue.inner_text() and "report-warn" in overdue.get_attribute("class")
    overdue.get_by_role("link").click()
    tab.wait_for_url("**/objectives/engineering/docs.html#kr-self-service")
    assert tab.console_errors == []
    tab.context.close()


# -- accessibility of what the big site adds --------------------------------------------------


@needs_axe
def test_axe_on_long_lists_and_loaded_branches(large: Path, browser: Any) -> None:
    tab = new_page(browser, width=390, color_scheme="dark")
    found = {}
    for path in (
        "attention/2026-Q4/page-2.html",
        "periods/2026-Q4/page-2.html",
        "aligned/company/c0/2026-Q4.html",
        "reports/weekly.html",
    ):
        tab.goto((large / path).as_uri())
        problems = axe_violations(tab)
        if problems:
            found[path] = problems
    tab.goto((large / "alignment" / "2026-Q4.html").as_uri())
    tab.locator(".tree-root > .tree-node > details > summary").first.click()
    tab.wait_for_selector(".tree-root .tree-node .tree-node")
    problems = axe_violations(tab)
    if problems:
        found["tree"] = problems
    tab.goto((large / "attention" / "2026-Q4.html").as_uri() + "#status=at-risk")
    tab.wait_for_function(
        "document.getElementById('attention-count').innerText.includes('Showing')"
    )
    problems = axe_violations(tab)
    if problems:
        found["filtered"] = problems
    assert found == {}
    tab.context.close()


def test_rows_drawn_by_the_script_escape_what_people_wrote(large: Path, browser: Any) -> None:
    tab = new_page(browser)
    tab.goto((large / "attention" / "2026-Q4.html").as_uri() + "#type=o&sort=gap")
    tab.wait_for_function(
        "document.getElementById('attention-count').innerText.includes('Showing')"
    )
    link = tab.locator("#attention-list > li").first.locator("a.objective-link")
    assert link.get_attribute("href").endswith("objectives/engineering/o00007.html")
    assert link.text_content() == MARKUP_TITLE
    assert tab.locator("#attention-list b, #attention-list img").count() == 0
    assert tab.console_errors == []
    tab.context.close()
    # And as the pages draw it.
    for path in ("attention/2026-Q4.html", "periods/2026-Q4.html", "people/person1.html"):
        html = (large / path).read_text(encoding="utf-8")
        assert "&lt;b&gt;" in html and "<b>" not in html and "<img" not in html, path


@pytest.fixture
def hosted_large(large: Path, tmp_path: Path) -> Iterator[str]:
    """The 1,200-objective site served under the sub-path /okrs/."""
    with hosted_under_sub_path(large, tmp_path) as url:
        yield url


def test_filters_and_branches_load_under_a_sub_path(hosted_large: str, browser: Any) -> None:
    tab = new_page(browser)
    tab.goto(hosted_large + "attention/2026-Q4/page-2.html#type=k")
    tab.wait_for_function(
        "document.getElementById('attention-count').innerText.includes('Showing')"
    )
    assert rows(tab).first.get_attribute("data-kind") == "k"
    href = rows(tab).first.locator("a.objective-link").get_attribute("href")
    assert href.startswith("../../objectives/")
    rows(tab).first.locator("a.objective-link").click()
    tab.wait_for_url(hosted_large + "objectives/**")
    assert tab.locator("h1").is_visible()
    tab.goto(hosted_large + "alignment/2026-Q4.html")
    tab.locator(".tree-root > .tree-node > details > summary").first.click()
    tab.wait_for_selector(".tree-root .tree-node .tree-node")
    tab.locator(".tree-root .tree-node .tree-node .tree-title a").first.click()
    tab.wait_for_url(hosted_large + "objectives/**")
    assert tab.console_errors == []
    tab.context.close()
