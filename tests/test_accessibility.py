"""The site for everyone, checked in a real browser: axe-core on every kind of page (light at
1280 px, dark at 390 px), printing (always light, bars and badges in colour, the as-of date
and the source, a team's or period's objectives on one page), phones (a readable chart, tables
that keep their column names, the alignment tree), the 404 page under a sub-path, and no
missing favicon."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browserkit import (
    QuietHost,
    axe_violations,
    hosted_under_sub_path,
    needs_axe,
    needs_browser,
    new_page,
    search,
    shot,
)

pytestmark = needs_browser

PAGES = {
    "home": "index.html",
    "period": "periods/2026-Q4.html",
    "alignment": "alignment/2026-Q4.html",
    "team": "teams/sales.html",
    "person": "people/zhang.wei.html",
    "person-actions": "people/zhao.lei.html",  # key results in others' objectives, actions
    "attention": "attention/2026-Q4.html",
    "report": "reports/weekly.html",
    "objective": "objectives/sales/east-china.html",
    "periods": "periods/index.html",
    "teams": "teams/index.html",
    "people": "people/index.html",
    "404": "404.html",
}


@needs_axe
@pytest.mark.parametrize(
    ("width", "scheme"), [(1280, "light"), (390, "dark")], ids=["desktop-light", "phone-dark"]
)
def test_axe_finds_nothing_serious(site: Path, browser: Any, width: int, scheme: str) -> None:
    tab = new_page(browser, width=width, color_scheme=scheme)
    found = {}
    for kind, path in PAGES.items():
        tab.goto((site / path).as_uri())
        problems = axe_violations(tab)
        if problems:
            found[kind] = problems
    # And with the search open on results (the combobox, its listbox and options).
    tab.goto((site / PAGES["objective"]).as_uri())
    search(tab, "华东")
    tab.get_by_role("combobox").press("ArrowDown")
    problems = axe_violations(tab)
    if problems:
        found["search"] = problems
    assert found == {}
    # axe itself asks for the stylesheets with XMLHttpRequest, which file:// refuses: those
    # messages are axe's; the site's own are not allowed.
    own = [e for e in tab.console_errors if "XMLHttpRequest" not in e and "ERR_FAILED" not in e]
    assert own == []
    tab.context.close()


def test_no_missing_favicon_or_other_file(site: Path, browser: Any) -> None:
    tab = new_page(browser)
    for path in PAGES.values():
        tab.goto((site / path).as_uri())
    assert not any("favicon" in url for url in tab.requested)
    assert tab.console_errors == []
    icon = tab.locator("link[rel=icon]").get_attribute("href")
    assert icon.startswith("data:image/svg+xml,")
    tab.context.close()


def test_print_is_light_with_colours_dates_and_source(site: Path, browser: Any) -> None:
    tab = new_page(browser, color_scheme="dark")
    tab.goto((site / PAGES["objective"]).as_uri())
    assert tab.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(15, 18, 22)"
    tab.emulate_media(media="print", color_scheme="dark")
    style = "([selector, name]) => getComputedStyle(document.querySelector(selector))[name]"
    assert tab.evaluate(style, ["body", "backgroundColor"]) == "rgb(255, 255, 255)"
    assert tab.evaluate(style, ["body", "color"]) == "rgb(0, 0, 0)"
    card = tab.evaluate(style, [".krs > li", "backgroundColor"])
    assert card == "rgb(255, 255, 255)", "no near-black cards on paper"
    for selector in (".progress-fill", ".status", ".progress-track"):
        assert tab.evaluate(style, [selector, "printColorAdjust"]) == "exact", selector
    badge = tab.evaluate(style, [".status-at-risk", "color"])
    assert badge == "rgb(107, 69, 0)", "the light palette's dark text on the badge"
    assert tab.locator(".site-header").is_hidden() and tab.locator("#search-input").is_hidden()
    meta = tab.locator(".print-meta")
    assert meta.is_visible()
    assert "数据截至 2026-11-27" in meta.inner_text()
    assert "objectives/sales/east-china.html" in meta.inner_text()
    assert "数据截至 2026-11-27" in tab.locator(".site-footer").inner_text()
    assert tab.locator(".site-footer").is_visible()
    assert "sales/2026-q4-east-china.md" in tab.locator(".source").inner_text()
    shot(tab, "print-objective-dark")
    tab.context.close()


def pdf_pages(tab: Any) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", tab.pdf(format="A4")))


@pytest.mark.parametrize("path", [PAGES["period"], PAGES["team"]])
def test_a_team_or_period_prints_on_one_page(site: Path, browser: Any, path: str) -> None:
    tab = new_page(browser, color_scheme="dark")
    tab.goto((site / path).as_uri())
    assert tab.locator("button[data-print]").is_visible()
    tab.emulate_media(media="print")
    rows = tab.locator(".objective-row")
    assert rows.count() >= 2
    heights = [rows.nth(i).bounding_box()["height"] for i in range(rows.count())]
    assert max(heights) < 30, "one line per objective"
    assert pdf_pages(tab) == 1
    shot(tab, "print-" + path.replace("/", "-").replace(".html", ""))
    tab.context.close()


def test_a_phone_reads_the_chart_tables_and_tree(site: Path, browser: Any) -> None:
    tab = new_page(browser, width=390, height=844)
    tab.goto((site / PAGES["objective"]).as_uri())
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    sizes = tab.evaluate(
        "[...document.querySelectorAll('.chart-tick, .chart-x span')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= 12, "chart labels at a readable size"
    plot = tab.locator(".chart-plot").bounding_box()
    assert plot["width"] > 250 and plot["height"] > 120
    # Action tables: each cell shows its column's name.
    label = tab.evaluate(
        "getComputedStyle(document.querySelector('.actions td[data-label]:nth-child(2)'),"
        " '::before').content"
    )
    assert "负责人" in label
    shot(tab, "objective-phone")
    tab.goto((site / PAGES["home"]).as_uri())
    label = tab.evaluate(
        "getComputedStyle(document.querySelector('.team-table td[data-label]'), '::before').content"
    )
    assert "目标" in label
    tab.goto((site / PAGES["alignment"]).as_uri())
    # The tree's marker sits on the title's line, not alone above it.
    leaf = tab.locator(".tree-leaf").first
    title = leaf.locator(".tree-title a")
    marker_top = tab.evaluate(
        "e => e.getBoundingClientRect().top + parseFloat(getComputedStyle(e).paddingTop)",
        leaf.element_handle(),
    )
    assert abs(title.bounding_box()["y"] - marker_top) < 12
    assert tab.locator("summary a").count() == 0, "no link inside a summary"
    shot(tab, "alignment-phone")
    tab.context.close()


def test_desktop_search_placeholder_and_status_order(site: Path, browser: Any) -> None:
    tab = new_page(browser, width=1280)
    tab.goto((site / PAGES["home"]).as_uri())
    fits = tab.evaluate(
        """() => {
             const box = document.getElementById('search-input');
             const style = getComputedStyle(box);
             const canvas = document.createElement('canvas').getContext('2d');
             canvas.font = style.font;
             const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
             return canvas.measureText(box.placeholder).width <= room;
           }"""
    )
    assert fits
    tab.context.close()
    # The English site: the longer placeholder fits too.
    english = site.parent.parent / "english"
    if not english.exists():
        from .browserkit import build_site

        english.mkdir()
        shutil.copytree(site.parent / "content", english / "content")
        text = (site.parent / "okrdocs.toml").read_text(encoding="utf-8")
        text = re.sub(r"(?m)^language\s*=.*$", 'language = "en"', text)
        if 'language = "en"' not in text:
            text = 'language = "en"\n' + text
        (english / "okrdocs.toml").write_text(text, encoding="utf-8")
        build_site(english, source=english)
    tab = new_page(browser, width=1280)
    tab.goto((english / "site" / "index.html").as_uri())
    assert tab.locator("#search-input").get_attribute("placeholder").startswith("Search objectives")
    assert tab.evaluate(
        """() => {
             const box = document.getElementById('search-input');
             const style = getComputedStyle(box);
             const canvas = document.createElement('canvas').getContext('2d');
             canvas.font = style.font;
             const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
             return canvas.measureText(box.placeholder).width <= room;
           }"""
    )
    counts = tab.locator(".card .status-counts .status").all_inner_texts()
    words = [c.strip("✓!✕◷○?–◐• \n") for c in counts]
    assert words.index("Off track") < words.index("At risk") < words.index("On track")
    shot(tab, "home-english")
    tab.context.close()


class _Host(QuietHost):
    """A static host that answers every missing path with the site's 404 page, as GitHub and
    GitLab Pages do."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "okrs" / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture
def hosted(site: Path, tmp_path: Path) -> Iterator[str]:
    """The sample site served under the sub-path /okrs/ on a loopback port."""
    with hosted_under_sub_path(site, tmp_path, _Host) as url:
        yield url


def test_404_under_a_sub_path_links_home_and_searches(hosted: str, browser: Any) -> None:
    tab = new_page(browser)
    response = tab.goto(hosted + "teams/no/such/page.html")
    assert response.status == 404
    assert tab.locator("h1").inner_text().startswith("404")
    tab.wait_for_function("document.querySelector('base')")  # it found the root
    assert tab.get_by_role("navigation").count() >= 1
    results = search(tab, "huadong")
    assert results
    tab.get_by_role("link", name="返回首页").click()
    tab.wait_for_url(hosted + "index.html")
    assert tab.locator("h2#overview").inner_text().startswith("2026-Q4")
    errors = [e for e in tab.console_errors if "404" not in e]
    assert errors == []
    tab.context.close()


def test_404_from_disk_links_home(site: Path, browser: Any) -> None:
    tab = new_page(browser)
    tab.goto((site / "404.html").as_uri())
    tab.get_by_role("link", name="返回首页").click()
    tab.wait_for_url("**/index.html")
    assert tab.console_errors == []
    tab.context.close()
