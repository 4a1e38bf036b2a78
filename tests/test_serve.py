"""okrdocs serve: builds, serves on localhost, rebuilds what changed, survives broken files."""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import date

import pytest

from okrdocs.config import load_config
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
    assert "让华东客户愿意推荐我们" in running.get("objectives/sales/q1.html")
    # The parent lists its children by title: it was rendered again too.
    assert "让华东客户愿意推荐我们" in running.get("objectives/company/growth.html")
    assert any("rebuilt" in m and "content/sales/q1.md" in m for m in running.messages)


def test_new_and_deleted_files(running: Running, project: TempProject) -> None:
    version = running.version()
    project.write(
        "content/eng/new.md",
        VALID_OKR.replace("成为华东中型制造企业首选的工业软件供应商", "Make onboarding effortless"),
    )
    version = running.wait_for_version(version)
    assert "Make onboarding effortless" in running.get("objectives/eng/new.html")
    assert "Make onboarding effortless" in running.get("search/index-0.js")
    (project.root / "content" / "eng" / "new.md").unlink()
    running.wait_for_version(version)
    assert "Make onboarding effortless" not in running.get("search/index-0.js")


def test_a_broken_file_shows_its_problems_and_the_server_keeps_going(
    running: Running, project: TempProject
) -> None:
    version = running.version()
    page = project.root / "content" / "sales" / "q1.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("target: 880", "target: lots"), encoding="utf-8")
    version = running.wait_for_version(version)
    home = running.get("")
    assert "Build problems" in home and "OKR002" in home and "content/sales/q1.md:" in home
    assert any("OKR002" in m for m in running.messages)
    page.write_text(good, encoding="utf-8")
    running.wait_for_version(version)
    assert "Build problems" not in running.get("")
    assert "成为华东中型制造企业首选的工业软件供应商" in running.get("objectives/sales/q1.html")


def test_theme_change_rebuilds_everything(running: Running, project: TempProject) -> None:
    version = running.version()
    project.write(
        "okrdocs.toml",
        'content = "content"\ntitle = "Live Title"\n[lint]\nignore = ["not-aligned"]\n',
    )
    running.wait_for_version(version)
    assert "Live Title" in running.get("objectives/sales/q1.html")


def test_port_in_use_is_a_usage_error(running: Running, project: TempProject) -> None:
    port = running.url.rsplit(":", 1)[1].strip("/")
    result = project.run("serve", "--port", port)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"okrdocs: error: cannot listen on 127.0.0.1:{port}")


def test_default_host_is_localhost() -> None:
    from okrdocs.cli import serve as command

    host = next(p for p in command.params if p.name == "host")
    assert host.default == "127.0.0.1"
