"""The built sample site in a real headless Chromium, opened from file://.

Screenshots of the main pages are saved under tests/artifacts/ (gitignored; CI keeps them).
Fixtures and helpers: tests/browserkit.py.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from .browserkit import needs_browser, shot
from .browserkit import search as search_for
from .conftest import REPO, SAMPLE_AS_OF

pytestmark = needs_browser


def test_navigate_home_team_objective(site: Path, page: Any) -> None:
    page.goto((site / "index.html").as_uri())
    assert page.title() == "首页 · 恒远工业软件 OKRs"
    assert page.locator("h2#overview").inner_text().startswith("2026-Q4")
    shot(page, "home")
    page.get_by_role("link", name="销售部 · Sales").first.click()
    assert page.url.endswith("/teams/sales.html")
    assert page.locator("h1").inner_text() == "销售部 · Sales"
    shot(page, "team-sales")
    page.get_by_role("link", name="成为华东中型制造企业首选的工业软件供应商").first.click()
    assert page.url.endswith("/objectives/sales/east-china.html")
    assert page.locator("h1").inner_text() == "成为华东中型制造企业首选的工业软件供应商"
    bars = page.get_by_role("progressbar")
    assert bars.count() >= 4
    assert bars.first.get_attribute("aria-valuenow") == "51"
    assert page.locator(".chart .point").count() == 4
    shot(page, "objective-east-china")
    page.get_by_role(
        "link",
        name="Become the industrial software partner mid-sized manufacturers in East China rely on",
    ).click()
    assert page.url.endswith("/objectives/company/2026-growth.html")
    assert page.console_errors == []


def search(page: Any, text: str) -> list[str]:
    return search_for(page, text)


def test_search_chinese_and_english(site: Path, page: Any) -> None:
    page.goto((site / "periods" / "2026-Q4.html").as_uri())
    results = search(page, "渠道")
    assert any("让渠道伙伴成为华东市场的第二增长引擎" in r for r in results)
    assert any("渠道贡献的新签合同额占比" in r for r in results)
    shot(page, "search-chinese")
    results = search(page, "WIZARD")  # case-insensitive
    assert any("The setup wizard is generally available to every customer" in r for r in results)
    box = page.get_by_role("combobox")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/objectives/engineering/onboarding.html*")
    assert page.locator("h1").inner_text() == "Make connecting a new plant effortless"
    assert search(page, "张伟")  # people, from a page one level deeper
    page.get_by_role("combobox").press("Escape")
    assert page.locator("#search-results").is_hidden()
    assert page.console_errors == []


def test_search_finds_nothing_politely(site: Path, page: Any) -> None:
    page.goto((site / "index.html").as_uri())
    box = page.get_by_role("combobox")
    box.click()
    box.fill("zzzz-no-such-thing")
    page.wait_for_function("document.querySelector('#search-more').innerText.includes('没有结果')")


def test_alignment_tree_toggles(site: Path, page: Any) -> None:
    page.goto((site / "index.html").as_uri())
    page.get_by_role("link", name="对齐").click()
    assert page.url.endswith("/alignment/2026-Q4.html")
    shot(page, "alignment")
    child = page.get_by_role("link", name="Make connecting a new plant effortless")
    assert child.is_visible()
    page.get_by_role("button", name="全部收起").click()
    assert not child.is_visible()
    page.get_by_role("button", name="全部展开").click()
    assert child.is_visible()
    top = page.locator(".tree-root > .tree-node > details > summary").first
    top.click()  # collapse by hand
    assert not child.is_visible()
    top.press("Enter")  # and open again with the keyboard
    assert child.is_visible()
    assert page.console_errors == []


def test_phone_and_dark_mode(site: Path, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="dark")
    tab = context.new_page()
    tab.goto((site / "objectives" / "sales" / "east-china.html").as_uri())
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no horizontal scrolling on a phone"
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(15, 18, 22)"
    shot(tab, "objective-phone-dark")
    context.close()


def test_skip_link_and_keyboard(site: Path, page: Any) -> None:
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-input"


def test_open_page_reloads_after_an_edit(browser: Any, tmp_path: Path) -> None:
    import threading
    from datetime import date

    from okrdocs.config import load_config
    from okrdocs.site.serve import serve

    from .conftest import VALID_OKR

    (tmp_path / "content" / "sales").mkdir(parents=True)
    (tmp_path / "okrdocs.toml").write_text('content = "content"\n', encoding="utf-8")
    source = tmp_path / "content" / "sales" / "q1.md"
    source.write_text(VALID_OKR, encoding="utf-8")
    (tmp_path / "content" / "sales" / "other.md").write_text(
        VALID_OKR.replace("成为华东中型制造企业首选的工业软件供应商", "An unrelated objective"),
        encoding="utf-8",
    )
    urls: list[str] = []
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(
        target=serve,
        args=(load_config(start=tmp_path), "127.0.0.1", 0, date(2026, 2, 15), lambda message: None),
        kwargs={
            "interval": 0.1,
            "ready": lambda url: (urls.append(url), ready.set()),
            "stop": stop,
        },
        daemon=True,
    )
    thread.start()
    try:
        assert ready.wait(30)
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(urls[0] + "objectives/sales/q1.html")
        assert tab.locator("h1").inner_text() == "成为华东中型制造企业首选的工业软件供应商"
        # Another objective's page, open beside it, which the edit does not change.
        other = context.new_page()
        other.goto(urls[0] + "objectives/sales/other.html")
        other.evaluate("window.loadedOnce = true")
        # Saved as editors save (a new file renamed over the old one): never seen half-written,
        # which would show a problem on every page for a moment.
        staged = source.with_name("q1.md.tmp")
        staged.write_text(
            VALID_OKR.replace("成为华东中型制造企业首选的工业软件供应商", "让华东客户愿意推荐我们"),
            encoding="utf-8",
        )
        os.replace(staged, source)
        tab.wait_for_function(
            "document.querySelector('h1').innerText === '让华东客户愿意推荐我们'", timeout=10000
        )
        tab.wait_for_timeout(1500)  # two polls of the other page's script
        assert other.evaluate("window.loadedOnce === true"), "an unchanged page reloaded"
        # A broken file: every open page shows the problem in a banner, and loses it when fixed.
        source.write_text(VALID_OKR.replace("target: 880", "target: lots"), encoding="utf-8")
        banner = tab.locator("#okrdocs-build-problems")
        banner.wait_for(timeout=10000)
        assert banner.get_attribute("role") == "alert"
        assert "content/sales/q1.md:" in banner.inner_text() and "OKR002" in banner.inner_text()
        source.write_text(VALID_OKR, encoding="utf-8")
        banner.wait_for(state="detached", timeout=10000)
        context.close()
    finally:
        stop.set()
        thread.join(10)


# -- the English site ---------------------------------------------------------------------------

# The words a status or a type is shown with; raw codes must never reach a reader.
RAW_CODES = re.compile(
    r"\b(on-track|at-risk|off-track|not-started|unscored|committed|aspirational|todo|doing)\b"
)
FINDING = """\
---
objective: 提升华南区域客户覆盖
owner: li.na
team: sales
period: 2026-Q4
type: aspirational
key_results:
  - id: visits
    title: 拜访华南重点客户达到 40 家
    target: 40
    current: 12
    unit: 家
    actions:
      - title: 梳理华南重点客户名单
        owner: li.na
        due: 2026-11-15
        status: doing
checkins:
  - date: 2026-11-20
    values: {visits: 12}
    confidence: 0.5
---
"""


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("english")
    shutil.copytree(REPO / "content", root / "content")
    config = (REPO / "okrdocs.toml").read_text(encoding="utf-8")
    (root / "okrdocs.toml").write_text(config.replace('language = "zh-CN"', 'language = "en"'))
    (root / "content" / "sales" / "south-china.md").write_text(FINDING, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "okrdocs", "build", "-q", "--as-of", SAMPLE_AS_OF],
        cwd=root,
        check=True,
        env={**os.environ, "OKRDOCS_LANG": "zh-CN"},  # the command's language is not the site's
    )
    return root / "site"


def test_the_english_site_shows_words_not_codes(english_site: Path, page: Any) -> None:
    pages = [
        "index.html",
        "periods/2026-Q4.html",
        "teams/sales.html",
        "objectives/sales/east-china.html",
        "objectives/sales/south-china.html",
        "alignment/2026-Q4.html",
        "attention/2026-Q4.html",
        "reports/weekly.html",
        "people/zhao.lei.html",
    ]
    for name in pages:
        page.goto((english_site / name).as_uri())
        text = page.locator("main").inner_text()
        assert not RAW_CODES.search(text), (name, RAW_CODES.search(text))
        badges = set(page.locator(".status").all_inner_texts())
        allowed = {"On track", "At risk", "Off track", "Stale", "Not started", "Delivered"}
        words = {w for badge in badges for w in badge.strip("✓!✕◷○?–◐• \n").split(" · ")}
        assert words <= allowed | {
            "Partly met",
            "Missed",
            "Unscored",
            "Dropped",
        }, (name, badges)
    page.goto((english_site / "objectives/sales/south-china.html").as_uri())
    assert "Aspirational" in page.locator(".page-head .facts").inner_text()
    assert "In progress" in page.locator(".krs").inner_text()  # the action's status
    shot(page, "objective-english")
    assert page.console_errors == []


def test_chinese_titles_on_the_english_site_are_marked(english_site: Path, page: Any) -> None:
    page.goto((english_site / "objectives/sales/east-china.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == "zh-CN"
    assert page.locator(".kr-title").first.get_attribute("lang") == "zh-CN"
    # Check-in values are named by their key results' titles, not their ids.
    values = page.locator(".checkin-values li").first.inner_text()
    assert values.startswith("季度销售额从 800 万元增长到 880 万元: "), values
    page.goto((english_site / "objectives/engineering/onboarding.html").as_uri())
    assert page.locator("h1").get_attribute("lang") is None  # English on an English page


def test_lint_findings_are_folded_for_authors_in_the_site_language(
    english_site: Path, page: Any
) -> None:
    page.goto((english_site / "objectives/sales/south-china.html").as_uri())
    findings = page.locator("details.findings")
    assert findings.get_attribute("open") is None  # folded: readers are not in the way
    assert findings.locator("summary").inner_text() == "For authors: lint findings (5)"
    assert not findings.locator("li").first.is_visible()
    findings.locator("summary").click()
    finding = findings.locator("li", has_text="OKR202").inner_text()
    assert "has a target but no baseline" in finding  # the site's language, not the command's


def test_the_chinese_site_uses_the_glossary_terms(site: Path, page: Any) -> None:
    page.goto((site / "objectives/sales/east-china.html").as_uri())
    text = page.locator("main").inner_text()
    assert "进展记录" in text and "起始值" in text and "信心指数" in text
    assert "跟踪记录" not in text and "基线" not in text
