"""Search on a large site: what a first query downloads and how long until its first results.

    python benchmarks/search.py                    # 2,000 and 10,000 objectives
    python benchmarks/search.py --sizes 2000 --runs 5 --keep /tmp/okr-search

Builds each generated repository (``generate.py``), opens its home page from ``file://`` in
headless Chromium (Playwright, /usr/bin/chromium), and for each query, in a fresh page with
nothing cached: focuses the search box and types the query at once, then measures the time
until the first results are shown (in the page, ``performance.now()``; the manifest is loaded
in that time too) and the bytes of the files under ``search/`` the page asked for. Also times
building the index itself (``okrdocs.site.search.files``). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import AS_OF, generate  # noqa: E402

QUERIES = [
    "华东 客户",
    "latency sync",
    "huadong",
    "hd",
    "latncy",
    "onbaording",
    "落后",
    "off track",
    "se",
    "customers",
    "华",
]

FIRST_RESULTS = """async (text) => {
  const box = document.getElementById('search-input');
  const start = performance.now();
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await new Promise(resolve => {
    const done = () => document.querySelector('#search-results li[role=option]');
    if (done()) return resolve();
    new MutationObserver((_, observer) => { if (done()) { observer.disconnect(); resolve(); } })
      .observe(document.getElementById('search-results'), {childList: true});
  });
  return performance.now() - start;
}"""


def build(count: int, folder: Path) -> Path:
    if not (folder / "site" / "search" / "manifest.js").exists():
        generate(count, folder)
        subprocess.run(
            [sys.executable, "-m", "okrdocs", "build", "-q", "--no-lint", "--as-of", AS_OF],
            cwd=folder,
            check=True,
        )
    return folder / "site"


def index_seconds(folder: Path) -> float:
    code = (
        "import time\n"
        "from datetime import date\n"
        "from okrdocs.config import load_config\n"
        "from okrdocs.workspace import Workspace\n"
        "from okrdocs.site import search\n"
        f"data = Workspace.for_lint(load_config(), date.fromisoformat('{AS_OF}')).load()"
        ".analysis()\n"
        "start = time.perf_counter(); search.files(data); print(time.perf_counter() - start)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=folder, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def measure(site: Path, runs: int) -> list[tuple[str, int, int, float, float]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for text in QUERIES:
            times, size, count = [], 0, 0
            for _ in range(runs + 1):  # the first run warms the disk cache
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                urls: list[str] = []
                page.on("request", lambda request, urls=urls: urls.append(request.url))
                page.goto((site / "index.html").as_uri())
                times.append(page.evaluate(FIRST_RESULTS, text))
                files = {unquote(urlsplit(u).path) for u in urls if "/search/" in u}
                size, count = sum(os.path.getsize(f) for f in files), len(files)
                context.close()
            rows.append((text, size, count, min(times[1:]), statistics.median(times[1:])))
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the repositories here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        base = args.keep or Path(temporary)
        print("| objectives | query | files | KB | first results, best (ms) | median (ms) |")
        print("|---:|---|---:|---:|---:|---:|")
        notes = []
        for size in args.sizes:
            folder = base / f"search-{size}"
            folder.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            site = build(size, folder)
            built = time.perf_counter() - started
            whole = sum(p.stat().st_size for p in (site / "search").iterdir())
            notes.append(
                f"{size}: index {whole / 1024:.0f} KB in "
                f"{len(list((site / 'search').iterdir()))} files, built in "
                f"{index_seconds(folder):.2f} s (generated and built in {built:.0f} s)"
            )
            for text, nbytes, count, best, median in measure(site, args.runs):
                print(
                    f"| {size:,} | `{text}` | {count} | {nbytes / 1024:.1f} | {best:.0f} "
                    f"| {median:.0f} |"
                )
        print()
        for note in notes:
            print(note)


if __name__ == "__main__":
    main()
