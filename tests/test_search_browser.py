"""Search in a real browser, on the sample site opened from file://: what people type finds
what they mean, and the search box works from the keyboard, with a screen reader's view of it
(the ARIA combobox pattern) and with an input method."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .browserkit import downloaded, needs_browser, search, shot

pytestmark = needs_browser

EAST_CHINA = "成为华东中型制造企业首选的工业软件供应商"
LATENCY_KR = "p95 sync latency from the plant floor falls from 4.2 s to 1.5 s"
ONBOARDING = "Make connecting a new plant effortless"


def titles(page: Any) -> list[str]:
    return page.locator("#search-results .result-title").all_inner_texts()


def open_home(page: Any, site: Path) -> None:
    page.goto((site / "index.html").as_uri())


def test_several_words_in_any_order(site: Path, page: Any) -> None:
    open_home(page, site)
    results = search(page, "华东 客户")
    assert any(EAST_CHINA in r for r in results)
    assert any("开发 5 个新客户" in r for r in results)  # 客户 in its title, 华东 its objective's
    assert any(LATENCY_KR in t for t in (search(page, "latency sync")))
    assert any(LATENCY_KR in t for t in (search(page, "sync latency")))
    shot(page, "search-several-words")
    search(page, "garcia maria")
    assert "Maria Garcia" in titles(page)[0]
    assert "张伟" in search(page, "zhang wei")[0]  # the person first: her name, in pinyin
    assert search(page, "华东 zzzznothing") == []  # every word must match
    assert page.console_errors == []


def test_pinyin_in_full_and_by_initials(site: Path, page: Any) -> None:
    open_home(page, site)
    assert any(EAST_CHINA in t for t in (search(page, "huadong"), titles(page))[1])
    assert any(EAST_CHINA in t for t in (search(page, "hd"), titles(page))[1])
    assert any(EAST_CHINA in t for t in (search(page, "hua dong"), titles(page))[1])
    assert any("张伟" in t for t in (search(page, "zw"), titles(page))[1])
    shot(page, "search-pinyin")


def test_one_typo_in_a_latin_word(site: Path, page: Any) -> None:
    open_home(page, site)
    search(page, "latncy")  # a letter left out
    assert LATENCY_KR in " ".join(titles(page))
    search(page, "onbaording")  # two letters swapped
    assert titles(page)[0].endswith(ONBOARDING)
    search(page, "latemcy sync")  # one word with a typo, one without
    assert LATENCY_KR in " ".join(titles(page))


def test_every_field_is_found_and_named(site: Path, page: Any) -> None:
    open_home(page, site)
    first = search(page, "east-china")[0]  # the id
    assert EAST_CHINA in first and "编号" in first and "sales/east-china" in first
    note = search(page, "两个大单")  # a check-in note
    assert any(EAST_CHINA in r and "进展更新备注" in r for r in note)
    action = search(page, "开放日")  # an action's title, on its key result
    assert any("开发 5 个新客户" in r and "行动" in r for r in action)
    body = search(page, "需要提前两周")  # the Markdown body
    assert any(EAST_CHINA in r and "背景" in r for r in body)
    owner = search(page, "李娜")  # a key result's owner
    assert any("季度销售额从 800 万元增长到 880 万元" in r and "负责人" in r for r in owner)
    tag = search(page, "增长")
    assert any("季度销售额从 800 万元增长到 880 万元" in r for r in tag)
    for words in ("落后", "off track", "off-track"):
        results = search(page, words)
        assert results and "让渠道伙伴成为华东市场的第二增长引擎" in results[0]
        assert "状态" in results[0], words


def test_the_current_period_comes_first(site: Path, page: Any) -> None:
    open_home(page, site)
    search(page, "华东")
    contexts = page.locator("#search-results li[role=option]").all_inner_texts()
    periods = [
        "2026-Q4" if "2026-Q4" in c or EAST_CHINA in c or "第二增长引擎" in c else "other"
        for c in contexts
    ]
    assert periods[0] == "2026-Q4"
    assert "2026-Q3" in " ".join(contexts)
    assert periods.index("other") > periods.index("2026-Q4")
    assert all(p == "other" for p in periods[periods.index("other") :])


def test_a_query_loads_only_what_it_needs(site: Path, page: Any) -> None:
    open_home(page, site)
    page.get_by_role("combobox").focus()
    page.wait_for_function("document.querySelector('script[src$=\"search/manifest.js\"]')")
    search(page, "huadong")
    size, names = downloaded(page)
    assert "manifest.js" in names and any(n.startswith("t-") for n in names)
    assert not any(n.startswith("v-") for n in names)  # the typo vocabulary only for typos
    assert size < 60_000


def test_keyboard_arrows_enter_escape_tab(site: Path, page: Any) -> None:
    page.goto((site / "periods" / "2026-Q4.html").as_uri())
    box = page.get_by_role("combobox")
    search(page, "connect")
    assert box.get_attribute("aria-expanded") == "true"
    options = page.locator("#search-results li[role=option]")
    count = options.count()
    assert count >= 2
    # Options are not tab stops and hold no links (axe: nested-interactive).
    assert page.locator("#search-results a, #search-results [tabindex]").count() == 0
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-option-0"
    assert options.nth(0).get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-option-1"
    box.press("ArrowUp")
    box.press("ArrowUp")  # wraps around to the last
    assert box.get_attribute("aria-activedescendant") == f"search-option-{count - 1}"
    assert page.evaluate("document.activeElement.id") == "search-input"
    # Escape closes while a result is active; the focus stays in the box.
    box.press("Escape")
    assert page.locator("#search-panel").is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert page.evaluate("document.activeElement.id") == "search-input"
    box.press("Escape")  # a second Escape clears the box
    assert box.input_value() == ""
    # Tab leaves the box for the next control on the page and closes the list.
    search(page, "connect")
    page.keyboard.press("Tab")
    assert page.locator("#search-panel").is_hidden()
    focused = page.evaluate("document.activeElement.closest('#search-panel') === null")
    assert focused and page.evaluate("document.activeElement.id") != "search-input"
    # Arrow down, Enter: the active result opens.
    search(page, "connect")
    box.press("ArrowDown")
    box.press("ArrowDown")
    second = page.locator("#search-option-1").get_attribute("data-href")
    box.press("Enter")
    page.wait_for_url("**/" + second.split("/")[-1].split("#")[0] + "*")
    assert page.console_errors == []


def test_escape_anywhere_closes(site: Path, page: Any) -> None:
    open_home(page, site)
    search(page, "wizard")
    page.get_by_role("combobox").press("ArrowDown")
    page.evaluate(
        "document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))"
    )
    assert page.locator("#search-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "search-input"


def test_a_click_opens_a_result(site: Path, page: Any) -> None:
    open_home(page, site)
    search(page, "wizard")
    page.locator("#search-results li[role=option]").first.click()
    page.wait_for_url("**/objectives/engineering/onboarding.html*")


def test_an_input_method_is_respected(site: Path, page: Any) -> None:
    """Enter that confirms an input method's candidate does not open a result; the search runs
    when the composition ends, not on every keystroke of pinyin."""
    open_home(page, site)
    search(page, "华东")
    before = page.url
    page.evaluate(
        """() => {
             const box = document.getElementById('search-input');
             box.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
             box.value = '华东 k';
             box.dispatchEvent(new InputEvent('input', {data: 'k', isComposing: true}));
             box.dispatchEvent(new KeyboardEvent('keydown',
               {key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true}));
           }"""
    )
    page.wait_for_timeout(300)
    assert page.url == before
    assert not page.locator("#search-panel").is_hidden()
    # The composition ends with 客: the search runs for "华东 客".
    page.evaluate(
        """() => {
             const box = document.getElementById('search-input');
             box.value = '华东 客';
             box.dispatchEvent(new CompositionEvent('compositionend', {data: '客'}));
           }"""
    )
    page.wait_for_function(
        "[...document.querySelectorAll('#search-results .result-title')]"
        ".some(e => e.textContent.includes('新客户'))"
    )
    # A real input method, through the DevTools protocol: composing, then committing.
    box = page.get_by_role("combobox")
    box.fill("")
    box.focus()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "hua", "selectionStart": 3, "selectionEnd": 3})
    cdp.send(
        "Input.dispatchKeyEvent",
        {
            "type": "keyDown",
            "key": "Enter",
            "code": "Enter",
            "windowsVirtualKeyCode": 229,
            "nativeVirtualKeyCode": 229,
        },
    )
    assert page.url == before
    cdp.send("Input.insertText", {"text": "华东"})
    page.wait_for_function(
        "[...document.querySelectorAll('#search-results .result-title')]"
        ".some(e => e.textContent.includes('华东'))"
    )
    assert page.url == before
    assert page.console_errors == []


def test_results_say_how_many_more(site: Path, page: Any) -> None:
    """Twenty results are shown; the count of the rest is shown and announced."""
    open_home(page, site)
    search(page, "的")
    status = page.locator("#search-status").inner_text()
    shown = page.locator("#search-results li[role=option]").count()
    more = page.locator("#search-more")
    total = int("".join(c for c in status if c.isdigit()))
    if total > shown:
        assert more.is_visible() and str(total - shown) in more.inner_text()
    else:
        assert more.is_hidden()
    assert shown <= 20
    # No more results than the window shows: the panel never needs its own scroll bar.
    bottom = page.evaluate("document.getElementById('search-panel').getBoundingClientRect().bottom")
    assert bottom <= page.viewport_size["height"]
