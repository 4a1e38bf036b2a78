"""okrdocs serve: builds, serves on localhost, rebuilds what changed, survives broken files."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from okrdocs.config import load_config
from okrdocs.site.pages import PER_ITEM_KINDS
from okrdocs.site.serve import serve

from .conftest import VALID_OKR, TempProject


class Running:
    def __init__(self, url: str, messages: list[str]) -> None:
        self.url = url
        self.messages = messages

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return response.read().decode("utf-8")

    def version(self) -> int:
        return int(self.get("__okrdocs__/version"))

    def wait_for_version(self, after: int, timeout: float = 10) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            current = self.version()
            if current > after:
                return current
            time.sleep(0.1)
        raise AssertionError(f"no rebuild; messages: {self.messages}")

    def wait_for_problems(self, code: str | None, timeout: float = 10) -> list[str]:
        """The build problems once they are one finding with ``code`` (None: none at all).
        A save can arrive as two file events (the file emptied, then written), each a
        rebuild: a new version alone does not say that the last write has been read."""
        deadline = time.monotonic() + timeout
        while True:
            problems: list[str] = json.loads(self.get("__okrdocs__/problems"))
            done = not problems if code is None else len(problems) == 1 and code in problems[0]
            if done or time.monotonic() > deadline:
                return problems
            time.sleep(0.1)


@pytest.fixture
def running(project: TempProject) -> Iterator[Running]:
    project.write(
        "content/company/growth.md",
        VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\nid: company/growth\n"),
    )
    project.write(
        "content/sales/q1.md",
        VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\nparent: company/growth\n"),
    )
    config = load_config(start=project.root)
    messages: list[str] = []
    ready = threading.Event()
    stop = threading.Event()
    urls: list[str] = []

    def on_ready(url: str) -> None:
        urls.append(url)
        ready.set()

    thread = threading.Thread(
        target=serve,
        args=(config, "127.0.0.1", 0, date(2026, 2, 15), messages.append),
        kwargs={"interval": 0.1, "ready": on_ready, "stop": stop},
        daemon=True,
    )
    thread.start()
    assert ready.wait(30), messages
    yield Running(urls[0], messages)
    stop.set()
    thread.join(10)


def test_serves_the_site_on_localhost(running: Running) -> None:
    assert running.url.startswith("http://127.0.0.1:")
    home = running.get("")
    assert "Organisation progress" in home
    assert "/__okrdocs__/version" in home  # the live-reload script
    assert "成为华东中型制造企业首选的工业软件供应商" in running.get("objectives/sales/q1.html")


def test_rebuilds_only_what_changed(running: Running, project: TempProject) -> None:
    version = running.version()
    page = project.root / "content" / "sales" / "q1.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "成为华东中型制造企业首选的工业软件供应商", "让华东客户愿意推荐我们"
        ),
        encoding="utf-8",
    )
    running.wait_for_version(version)
    # (eventually: a save can arrive as two file events, the file emptied and then written)
    assert eventually(lambda: "让华东客户愿意推荐我们" in running.get("objectives/sales/q1.html"))
    # The parent lists its children by title: it was rendered again too.
    assert eventually(
        lambda: "让华东客户愿意推荐我们" in running.get("objectives/company/growth.html")
    )
    assert any("rebuilt" in m and "content/sales/q1.md" in m for m in running.messages)


def test_new_and_deleted_files(running: Running, project: TempProject) -> None:
    version = running.version()
    project.write(
        "content/eng/new.md",
        VALID_OKR.replace("成为华东中型制造企业首选的工业软件供应商", "Make onboarding effortless"),
    )
    version = running.wait_for_version(version)
    assert eventually(
        lambda: "Make onboarding effortless" in running.get("objectives/eng/new.html")
    )
    # The search index follows in the background, a moment after the pages.
    assert eventually(lambda: "Make onboarding effortless" in running.get("search/d-0.js"))
    (project.root / "content" / "eng" / "new.md").unlink()
    running.wait_for_version(version)
    assert eventually(lambda: "Make onboarding effortless" not in running.get("search/d-0.js"))


def eventually(check: Callable[[], bool], timeout: float = 10) -> bool:
    """Whether ``check`` holds within ``timeout`` (a page not written yet counts as not)."""

    def holds() -> bool:
        try:
            return check()
        except urllib.error.HTTPError:
            return False

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if holds():
            return True
        time.sleep(0.05)
    return holds()


CHILD_OKR = VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\nparent: company/growth\n")


def parent_and_two_children(project: TempProject) -> None:
    """company/growth, and sales/a and sales/b aligned to it."""
    project.write(
        "content/company/growth.md",
        VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\nid: company/growth\n"),
    )
    for name in ("a", "b"):
        project.write(f"content/sales/{name}.md", CHILD_OKR)


def test_a_saved_objective_leaves_its_siblings_pages_alone(project: TempProject) -> None:
    # A sibling links to the shared parent by title only: a change of progress below the parent
    # re-renders the parent's page, not every sibling's (2,011 pages at 10,000 objectives).
    parent_and_two_children(project)
    with serving(project) as running:
        sibling = running.get("objectives/sales/b.html")
        parent = running.get("objectives/company/growth.html")

        def page_version(path: str) -> str:
            """When the page was last written (after the dot: the build problems' version,
            which a save may change in passing: an editor's save can be seen half-done)."""
            answer = running.get(f"__okrdocs__/version?page=/{urllib.parse.quote(path)}")
            return answer.split(".")[0]

        versions = {name: page_version(f"objectives/sales/{name}.html") for name in "ab"}
        version = running.version()
        page = project.root / "content/sales/a.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace("current: 830", "current: 870"),
            encoding="utf-8",
        )
        running.wait_for_version(version)
        assert eventually(lambda: running.get("objectives/company/growth.html") != parent)
        assert running.get("objectives/sales/b.html") == sibling
        # Each page's live-reload script asks for its own page's version: the saved objective's
        # page reloads, its sibling's does not.
        assert eventually(lambda: page_version("objectives/sales/a.html") != versions["a"])
        assert page_version("objectives/sales/b.html") == versions["b"]
        assert page_version("") == page_version("index.html")


def test_polling_when_file_events_are_not_wanted(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    with serving(project, watch_mode="poll") as running:
        version = running.version()
        page = project.root / "content/sales/q1.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace("target: 880", "target: 900"), encoding="utf-8"
        )
        running.wait_for_version(version)
        assert eventually(lambda: "900" in running.get("objectives/sales/q1.html"))


@contextmanager
def serving(project: TempProject, **options: Any) -> Iterator[Running]:
    config = load_config(start=project.root)
    messages: list[str] = []
    ready, stop = threading.Event(), threading.Event()
    urls: list[str] = []
    thread = threading.Thread(
        target=serve,
        args=(config, "127.0.0.1", 0, date(2026, 2, 15), messages.append),
        kwargs={
            "interval": 0.1,
            "ready": lambda url: (urls.append(url), ready.set()),
            "stop": stop,
            **options,
        },
        daemon=True,
    )
    thread.start()
    try:
        assert ready.wait(30), messages
        yield Running(urls[0], messages)
    finally:
        stop.set()
        thread.join(10)


def test_a_broken_file_shows_its_problems_and_the_server_keeps_going(
    running: Running, project: TempProject
) -> None:
    version = running.version()
    page = project.root / "content" / "sales" / "q1.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("target: 880", "target: lots"), encoding="utf-8")
    version = running.wait_for_version(version)
    # Every page's live-reload script shows the current problems in a banner (tests/
    # test_browser.py checks it in Chromium); the pages themselves need not change.
    problems = running.wait_for_problems("OKR002")
    assert len(problems) == 1
    assert problems[0].startswith("content/sales/q1.md:") and "OKR002" in problems[0]
    assert "__okrdocs__/problems" in running.get("")
    assert any("OKR002" in m for m in running.messages)
    page.write_text(good, encoding="utf-8")
    running.wait_for_version(version)
    assert running.wait_for_problems(None) == []
    assert "成为华东中型制造企业首选的工业软件供应商" in running.get("objectives/sales/q1.html")


def test_a_title_change_keeps_the_loaded_files_a_lint_change_reads_them_again(
    project: TempProject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from okrdocs.site.serve import LiveSite

    project.write("okrdocs.toml", 'content = "content"\ntitle = "Before"\n')
    project.write("content/sales/q1.md", VALID_OKR)
    live = LiveSite(
        load_config(start=project.root),
        date(2026, 2, 15),
        tmp_path_factory.mktemp("live") / "site",
        lambda message: None,
    )
    live.full_build()
    loaded = live.workspace
    assert loaded is not None
    page = live.folder / "objectives/sales/q1.html"
    assert "Before" in page.read_text(encoding="utf-8")
    # The site's title: the files read the same, so they are kept; every page shows the title.
    project.write("okrdocs.toml", 'content = "content"\ntitle = "After"\n')
    assert live.update()
    assert live.workspace is loaded
    assert "After" in page.read_text(encoding="utf-8")
    # A lint setting changes what reading finds: everything is read again.
    project.write(
        "okrdocs.toml", 'content = "content"\ntitle = "After"\n[lint]\nignore = ["OKR402"]\n'
    )
    assert live.update()
    assert live.workspace is not loaded
    live.site_files.wait()


def test_theme_change_rebuilds_everything(running: Running, project: TempProject) -> None:
    version = running.version()
    project.write(
        "okrdocs.toml",
        'content = "content"\ntitle = "Live Title"\n[lint]\nignore = ["not-aligned"]\n',
    )
    running.wait_for_version(version)
    assert eventually(lambda: "Live Title" in running.get("objectives/sales/q1.html"))


def test_port_in_use_is_a_usage_error(running: Running, project: TempProject) -> None:
    port = running.url.rsplit(":", 1)[1].strip("/")
    result = project.run("serve", "--port", port)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"okrdocs: error: cannot listen on 127.0.0.1:{port}")


def test_default_host_is_localhost() -> None:
    from okrdocs.cli import serve as command

    host = next(p for p in command.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_alignment_trees_of_every_period_show_an_edited_ancestor(project: TempProject) -> None:
    # Regression: the alignment tree shows ancestors from other periods; editing the yearly
    # company objective left the quarters' trees with the old title until a full build.
    yearly = VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\nid: company/2026\n")
    yearly = yearly.replace("period: 2026-Q1", "period: '2026'")
    project.write("content/company/2026.md", yearly)
    for quarter in ("Q1", "Q2"):
        project.write(
            f"content/sales/{quarter.lower()}.md",
            VALID_OKR.replace("owner: zhang.wei\n", "owner: zhang.wei\nparent: company/2026\n")
            .replace("period: 2026-Q1", f"period: 2026-{quarter}")
            .replace("date: 2026-02-01", f"date: 2026-0{1 if quarter == 'Q1' else 4}-01"),
        )
    project.write(
        "content/eng/other.md",
        VALID_OKR.replace("成为华东中型制造企业首选的工业软件供应商", "An unrelated objective"),
    )
    with serving(project) as running:
        version = running.version()
        unrelated_before = running.get("objectives/eng/other.html")
        company = project.root / "content/company/2026.md"
        # Saved as editors save (a new file renamed over the old one): one change, whole.
        staged = company.with_name("2026.md.tmp")
        staged.write_text(
            company.read_text(encoding="utf-8").replace(
                "成为华东中型制造企业首选的工业软件供应商", "成为全国制造业首选的工业软件供应商"
            ),
            encoding="utf-8",
        )
        os.replace(staged, company)
        running.wait_for_version(version)
        for child in ("q1", "q2"):
            assert "成为全国制造业首选的工业软件供应商" in running.get(
                f"objectives/sales/{child}.html"
            )
        # The summary pages follow, a moment later.
        assert eventually(lambda: any(m.startswith("then ") for m in running.messages))
        for quarter in ("2026-Q1", "2026-Q2"):
            tree = running.get(f"alignment/{quarter}.html")
            assert "成为全国制造业首选的工业软件供应商" in tree, quarter
        # Only the 16 pages that show the company objective were rendered again: first 7, the
        # company objective's page, its two children's, the company team's and the pages of
        # the owner and of the two people who own its actions; then 9, the three alignment
        # trees, the yearly period and its attention list, the home page and the three lists.
        # Not the unrelated objective, its team or its period.
        rebuilt = [m for m in running.messages if m.startswith("rebuilt")][-1]
        assert "content/company/2026.md" in rebuilt
        assert running.get("objectives/eng/other.html") == unrelated_before
        assert rebuilt.startswith("rebuilt 7 pages"), rebuilt
        then = [m for m in running.messages if m.startswith("then ")][-1]
        assert then.startswith("then 9 summary pages"), then


# -- the dev server under stress (issue 11) ---------------------------------------------------


def _raw_get(url: str, path: str, host: str | None = None) -> tuple[int, bytes]:
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host or parts.netloc)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_only_the_bound_host_names_are_answered(running: Running) -> None:
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the site.
    assert _raw_get(running.url, "/index.html", "evil.example")[0] == 421
    assert _raw_get(running.url, "/index.html", "evil.example:80")[0] == 421
    port = running.url.rsplit(":", 1)[1].strip("/")
    assert _raw_get(running.url, "/index.html", f"localhost:{port}")[0] == 200
    assert _raw_get(running.url, "/index.html")[0] == 200


def test_unknown_urls_get_the_sites_own_404_page(running: Running) -> None:
    status, body = _raw_get(running.url, "/objectives/nope.html")
    assert status == 404 and b"<html" in body and b"/__okrdocs__/version" in body
    assert _raw_get(running.url, "/../../etc/passwd")[0] == 404


def test_a_slow_reader_holds_up_neither_other_readers_nor_rebuilds(
    running: Running, project: TempProject
) -> None:
    import socket
    from urllib.parse import urlsplit

    # A large asset, served to a client that never reads it.
    project.write(
        "okrdocs.toml",
        'content = "content"\ntheme-overrides = "theme"\n[lint]\nignore = ["not-aligned"]\n',
    )
    project.write("theme/static/big.bin", b"x" * (16 << 20))
    version = running.wait_for_version(running.version())
    parts = urlsplit(running.url)
    slow = socket.create_connection((parts.hostname, parts.port))
    slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    slow.sendall(f"GET /assets/big.bin HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
    time.sleep(0.5)  # the server is now blocked writing to that socket
    try:
        started = time.monotonic()
        assert "Organisation progress" in running.get("")
        assert time.monotonic() - started < 5
        page = project.root / "content" / "sales" / "q1.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace("target: 880", "target: 890"),
            encoding="utf-8",
        )
        running.wait_for_version(version)  # the rebuild took the site lock
    finally:
        slow.close()


def test_a_broken_template_keeps_the_last_good_site(running: Running, project: TempProject) -> None:
    version = running.version()
    project.write(
        "okrdocs.toml",
        'content = "content"\ntheme-overrides = "theme"\n[lint]\nignore = ["not-aligned"]\n',
    )
    project.write("theme/templates/objective.html", "{% extends 'theme/objective.html' %}{% if %}")
    deadline = time.monotonic() + 10
    while not any("last good site" in m for m in running.messages):
        assert time.monotonic() < deadline, running.messages
        time.sleep(0.1)
    assert running.version() == version
    assert "成为华东中型制造企业首选的工业软件供应商" in running.get("objectives/sales/q1.html")
    project.write("theme/templates/objective.html", "{% extends 'theme/objective.html' %}")
    running.wait_for_version(version)


def test_a_bad_number_at_start_up_is_a_problem_not_a_crash(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR.replace("target: 880", "target: 1e400"))
    config = load_config(start=project.root)
    messages: list[str] = []
    ready, stop = threading.Event(), threading.Event()
    urls: list[str] = []
    thread = threading.Thread(
        target=serve,
        args=(config, "127.0.0.1", 0, date(2026, 2, 15), messages.append),
        kwargs={"interval": 0.1, "ready": lambda u: (urls.append(u), ready.set()), "stop": stop},
        daemon=True,
    )
    thread.start()
    try:
        assert ready.wait(30), messages
        problems = json.loads(Running(urls[0], messages).get("__okrdocs__/problems"))
        assert len(problems) == 1 and "out of range" in problems[0]
    finally:
        stop.set()
        thread.join(10)


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_a_terminated_server_removes_its_folder(project: TempProject, signal_name: str) -> None:
    import signal
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    project.write("content/sales/q1.md", VALID_OKR)
    process = subprocess.Popen(
        [sys.executable, "-m", "okrdocs", "serve", "--port", "0"],
        cwd=project.root,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith("Serving http://127.0.0.1:"), line
        folders = list(Path(tempfile.gettempdir()).glob(f"okrdocs-serve-{process.pid}-*"))
        assert len(folders) == 1
        process.send_signal(getattr(signal, signal_name))
        process.wait(20)
        assert not folders[0].exists()
    finally:
        process.kill()


def test_folders_of_killed_builds_and_servers_are_removed(project: TempProject) -> None:
    import tempfile
    from pathlib import Path

    project.write("content/sales/q1.md", VALID_OKR)
    dead = 2**22 + 12345  # above the usual pid range: no such process
    stale_build = project.root / f".site.okrdocs-new-{dead}-staging"
    (stale_build / "objectives").mkdir(parents=True)
    stale_serve = Path(tempfile.gettempdir()) / f"okrdocs-serve-{dead}-abcd"
    stale_serve.mkdir(exist_ok=True)
    assert project.run("build", "-q").exit_code == 0
    assert not stale_build.exists()
    from okrdocs.site.staging import remove_stale_folders

    remove_stale_folders(Path(tempfile.gettempdir()), "okrdocs-serve-")
    assert not stale_serve.exists()


def test_pages_after_saves_are_the_pages_of_a_fresh_start(
    project: TempProject, tmp_path: Path
) -> None:
    # Saves that keep every header mend the analysis and reuse the pages' dependencies
    # (okrdocs.analysis.reanalyse): every page written must be what a new server writes.
    from okrdocs.site.serve import LiveSite

    parent_and_two_children(project)
    as_of = date(2026, 3, 1)
    live = LiveSite(load_config(start=project.root), as_of, tmp_path / "live", lambda m: None)
    live.full_build()
    live.site_files.wait()
    target = project.root / "content/sales/a.md"
    assert live.workspace is not None
    built = live.workspace.analysis()
    for current, due in ((870, "2026-03-20"), (840, "2026-02-10"), (99999, "2026-02-27")):
        target.write_text(
            CHILD_OKR.replace("current: 830", f"current: {current}").replace(
                "due: 2026-02-27", f"due: {due}"
            ),
            encoding="utf-8",
        )
        assert live.update({str(target)})
        live.site_files.wait()
        assert live.workspace.analysis() is built  # mended, not made again
    fresh = LiveSite(load_config(start=project.root), as_of, tmp_path / "fresh", lambda m: None)
    fresh.full_build()
    fresh.site_files.wait()
    written = sorted(p.relative_to(tmp_path / "live") for p in (tmp_path / "live").rglob("*.html"))
    again = sorted(p.relative_to(tmp_path / "fresh") for p in (tmp_path / "fresh").rglob("*.html"))
    assert written == again
    for rel in written:
        assert (tmp_path / "live" / rel).read_bytes() == (tmp_path / "fresh" / rel).read_bytes(), (
            rel
        )


def test_a_summary_page_asked_for_before_the_background_wrote_it_is_rendered_at_once(
    project: TempProject, tmp_path: Path
) -> None:
    # After a save, the objective, team and person pages are written first and the summary
    # pages follow in the background. A summary page asked for meanwhile (opened, or its
    # live-reload script asking its version) must already show the save.
    from okrdocs.site.serve import LiveSite, _SiteFiles

    class HeldSiteFiles(_SiteFiles):
        """The background writer, held until the test lets it go."""

        def __init__(self, live: LiveSite, gate: threading.Event) -> None:
            super().__init__(live)
            self.gate = gate

        def _run(self) -> None:
            self.gate.wait()
            super()._run()

    parent_and_two_children(project)
    as_of = date(2026, 3, 1)
    live = LiveSite(load_config(start=project.root), as_of, tmp_path / "live", lambda m: None)
    live.full_build()
    live.site_files.wait()
    gate = threading.Event()
    live.site_files = HeldSiteFiles(live, gate)
    target = project.root / "content/sales/a.md"
    target.write_text(CHILD_OKR.replace("current: 830", "current: 990"), encoding="utf-8")
    assert live.update({str(target)})
    fresh = LiveSite(load_config(start=project.root), as_of, tmp_path / "fresh", lambda m: None)
    fresh.full_build()
    fresh.site_files.wait()

    def differs(rel: str) -> bool:
        return (tmp_path / "live" / rel).read_bytes() != (tmp_path / "fresh" / rel).read_bytes()

    summaries = sorted(
        path for path, (kind, _key) in live.keys.items() if kind not in PER_ITEM_KINDS
    )
    stale = [rel for rel in summaries if differs(rel)]
    assert stale, "the save should change a summary page (a period's roll-up)"
    assert live.stale is not None and set(stale) <= live.stale
    untouched = next(rel for rel in summaries if not differs(rel))
    before = live.page_version(untouched)
    for rel in stale:
        version = live.page_version("/" + rel.removesuffix("index.html"))
        assert not differs(rel), rel
        assert version != before
    # A summary page the save did not change is not written again: its viewer does not reload.
    assert live.page_version(untouched) == before
    gate.set()
    live.site_files.wait()
    assert live.stale is None
    for rel in summaries:
        assert not differs(rel), rel
