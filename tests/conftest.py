"""Shared fixtures: temporary OKR projects on disk and the real CLI."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from okrdocs.cli import cli
from okrdocs.i18n import set_language

REPO = Path(__file__).resolve().parent.parent
SAMPLE_AS_OF = "2026-11-27"

# The `project` fixture's configuration and date: VALID_OKR lints clean with them.
PROJECT_CONFIG = 'content = "content"\n[lint]\nignore = ["not-aligned"]\n'
PROJECT_AS_OF = "2026-02-15"

VALID_OKR = """\
---
objective: 成为华东中型制造企业首选的工业软件供应商
owner: zhang.wei
period: 2026-Q1
type: committed
key_results:
  - id: revenue
    title: 季度销售额从 800 万元增长到 880 万元
    baseline: 800
    target: 880
    current: 830
    unit: 万元
    actions:
      - title: 开展华东制造业市场调研
        owner: wang.fang
        due: 2026-01-31
        status: done
  - id: customers
    title: 新签约客户从 0 家增加到 5 家
    baseline: 0
    target: 5
    unit: 家
    actions:
      - title: 在苏州举办客户开放日
        owner: zhao.lei
        due: 2026-02-27
checkins:
  - date: 2026-02-01
    values: {revenue: 830}
    confidence: 0.7
    note: Two large deals slipped to March.
---
Free Markdown: context, why this matters, retrospective.
"""


@dataclass
class TempProject:
    root: Path
    runner: CliRunner

    @property
    def content(self) -> Path:
        return self.root / "content"

    def write(self, rel: str, text: str | bytes, dedent: bool = False) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
        return path

    def run(self, *args: str, input: str | None = None) -> Result:
        return self.runner.invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture(autouse=True, scope="session")
def english_messages() -> Iterator[None]:
    """Messages in English unless a test chooses a language: the sample project's configuration
    says zh-CN, and a developer's locale may be Chinese (tests/test_i18n.py covers Chinese).
    Session-wide, so that fixtures shared by a module's tests see it too."""
    previous = os.environ.get("OKRDOCS_LANG")
    os.environ["OKRDOCS_LANG"] = "en"
    yield
    if previous is None:
        del os.environ["OKRDOCS_LANG"]
    else:
        os.environ["OKRDOCS_LANG"] = previous


@pytest.fixture(autouse=True)
def no_language_left_behind() -> Iterator[None]:
    yield
    set_language("en")  # the CLI runs in this process: a test's language must not leak


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TempProject:
    """An empty OKR project (okrdocs.toml + content/) that is the current folder."""
    (tmp_path / "content").mkdir()
    (tmp_path / "okrdocs.toml").write_text(PROJECT_CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("OKRDOCS_AS_OF", PROJECT_AS_OF)
    # The user's cache folder (compiled templates): beside the project, never inside it.
    monkeypatch.setenv("OKRDOCS_CACHE_DIR", str(tmp_path.parent / f"{tmp_path.name}-user-cache"))
    return TempProject(tmp_path, CliRunner())


# -- fuzzing: a few examples on every run, many with --fuzz ------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz",
        action="store_true",
        help="run the fuzzers (tests/test_fuzz.py) with thousands of examples instead of a few",
    )


def pytest_configure(config: pytest.Config) -> None:
    from hypothesis import HealthCheck, settings

    quiet = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
    settings.register_profile("okrdocs", max_examples=40, deadline=None)
    settings.register_profile(
        "okrdocs-fuzz", max_examples=3000, deadline=None, suppress_health_check=quiet
    )
    settings.load_profile("okrdocs-fuzz" if config.getoption("--fuzz") else "okrdocs")


# The browser tests' fixtures (site, browser, page): tests/browserkit.py.
from .browserkit import browser, large_site, page, site  # noqa: E402, F401
