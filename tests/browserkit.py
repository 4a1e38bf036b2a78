"""What the browser tests share: headless Chromium through Playwright, the sample site built
once per session, screenshots, axe-core, and the bytes a page downloads.

Tests skip only where Chromium (or axe-core, from npm: `npm install --prefix tests/js`) is
absent; CI sets OKRDOCS_REQUIRE_BROWSER=1 so that anything missing fails instead.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import REPO, SAMPLE_AS_OF

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("OKRDOCS_REQUIRE_BROWSER") == "1"

if CHROMIUM is None and REQUIRED:
    raise RuntimeError("OKRDOCS_REQUIRE_BROWSER=1 but chromium is not installed")
if not AXE.exists() and REQUIRED:
    raise RuntimeError("OKRDOCS_REQUIRE_BROWSER=1 but axe-core is not installed in tests/js")

needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
needs_axe = pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed in tests/js")

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def build_site(root: Path, *extra: str, source: Path | None = None) -> Path:
    """Copies the sample (or ``source``, a project folder) to ``root`` and builds it."""
    if source is None:
        shutil.copytree(REPO / "content", root / "content")
        shutil.copy(REPO / "okrdocs.toml", root / "okrdocs.toml")
    subprocess.run(
        [sys.executable, "-m", "okrdocs", "build", "-q", "--as-of", SAMPLE_AS_OF, *extra],
        cwd=root,
        check=True,
    )
    return root / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample organisation's site, built once."""
    return build_site(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 generated objectives (benchmarks/generate.py), built once per run: the search's
    download budget and every page's size are measured on it."""
    from .managers import generate

    root = generate(10_000, tmp_path_factory.mktemp("large"))
    subprocess.run(
        [sys.executable, "-m", "okrdocs", "build", "-q", "--no-lint", "--as-of", "2026-11-27"],
        cwd=root,
        check=True,
    )
    return root / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Per module, not per session: Playwright's synchronous API keeps an asyncio loop running
    # while it is open, and the language server's tests (pytest-lsp) need to run their own.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield instance
        instance.close()


def new_page(browser: Any, width: int = 1280, height: int = 900, **options: Any) -> Any:
    """A page in a fresh context, recording console errors and every requested URL."""
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    tab = context.new_page()
    tab.console_errors = []
    tab.requested = []
    tab.on(
        "console",
        lambda message: (
            tab.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    tab.on("request", lambda request: tab.requested.append(request.url))
    return tab


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    tab = new_page(browser)
    yield tab
    tab.context.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now (target-size,
    a WCAG 2.2 rule, included)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {
             resultTypes: ["violations"],
             rules: {"target-size": {enabled: true}},
           })"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def downloaded(page: Any, folder: str = "/search/") -> tuple[int, list[str]]:
    """Bytes and names of the files under ``folder`` that the page requested from disk."""
    files = sorted({unquote(urlsplit(url).path) for url in page.requested if folder in url})
    return sum(os.path.getsize(path) for path in files), [Path(f).name for f in files]


def search(page: Any, text: str) -> list[str]:
    """Types ``text`` into the search box; the texts of the results shown."""
    box = page.get_by_role("combobox")
    box.click()
    box.fill(text)
    page.wait_for_function(
        """text => {
             const box = document.getElementById('search-input');
             const more = document.getElementById('search-more');
             // The results of this query, not those of the one typed before it.
             return box.value === text && !document.getElementById('search-panel').hidden &&
               more.dataset.state === 'done' && more.dataset.query === text;
           }""",
        arg=text,
        timeout=10000,
    )
    return page.locator("#search-results li[role=option]").all_inner_texts()


class QuietHost(http.server.SimpleHTTPRequestHandler):
    """A static host that does not log each request."""

    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def hosted_under_sub_path(
    site: Path, folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHost
) -> Iterator[str]:
    """``site`` copied into ``folder``/okrs and served on a loopback port; yields its URL."""
    shutil.copytree(site, folder / "okrs")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/okrs/"
    finally:
        server.shutdown()
        server.server_close()
