"""okrdocs build on real content: pages, links, safety, reproducibility, themes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest

from .conftest import REPO, SAMPLE_AS_OF, VALID_OKR, TempProject
from .sitecheck import broken_links

SCHEMA = json.loads((REPO / "schema" / "okrs-json.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample organisation, built once for the tests in this module."""
    from click.testing import CliRunner

    from okrdocs.cli import cli

    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrdocs.toml", root / "okrdocs.toml")
    import os

    previous = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(cli, ["build", "--as-of", SAMPLE_AS_OF], catch_exceptions=False)
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Built ")
    return root / "site"


def test_sample_site_has_every_page(sample_site: Path) -> None:
    for page in [
        "index.html",
        "404.html",
        "okrs.json",
        "sitemap.xml",
        "assets/okrdocs.css",
        "assets/okrdocs.js",
        "periods/index.html",
        "periods/2026-Q4.html",
        "periods/2026-Q3.html",
        "periods/2026.html",
        "alignment/2026-Q4.html",
        "teams/index.html",
        "teams/sales.html",
        "teams/engineering.html",
        "people/index.html",
        "people/zhang.wei.html",
        "objectives/sales/east-china.html",
        "objectives/company/2026-growth.html",
        "search/manifest.js",
        "search/t-0.js",
        "search/d-0.js",
        ".okrdocs-site",
    ]:
        assert (sample_site / page).is_file(), page


def test_every_internal_link_resolves(sample_site: Path) -> None:
    assert broken_links(sample_site) == []


def test_no_external_assets(sample_site: Path) -> None:
    for page in sample_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for marker in ('src="http', 'href="//', "fonts.googleapis", "cdn."):
            assert marker not in text, (page, marker)
        assert 'rel="stylesheet" href="http' not in text


def test_okrs_json_matches_its_schema(sample_site: Path) -> None:
    data = json.loads((sample_site / "okrs.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    by_id = {o["id"]: o for o in data["objectives"]}
    east = by_id["sales/east-china"]
    assert east["status"] == "at-risk"
    assert east["progress"] == pytest.approx((2 * 0.5625 + 0.4 + 0.5) / 4, abs=1e-4)
    assert east["parent"] == "company/2026-growth"
    assert "sales/east-china" in by_id["company/2026-growth"]["children"]
    assert by_id["sales/2026-q3-auto-parts"]["status"] == "delivered"
    assert by_id["engineering/onboarding"]["status"] == "on-track"


def test_objective_page_content(sample_site: Path) -> None:
    html = (sample_site / "objectives/sales/east-china.html").read_text(encoding="utf-8")
    assert "成为华东中型制造企业首选的工业软件供应商" in html
    assert 'role="progressbar"' in html and 'aria-valuenow="51"' in html
    assert "800 万元" in html and "845 万元" in html and "880 万元" in html
    assert (
        "开展华东制造业市场调研" in html and 'href="https://tracker.example.com/SALES-12"' in html
    )
    assert '<div class="chart" role="img"' in html and "两个大单推迟到十二月签约。" in html
    assert "<h2>风险</h2>" in html  # the Markdown body
    assert 'href="../../objectives/company/2026-growth.html"' in html  # parent, relative


def test_ui_language(sample_site: Path, project: TempProject) -> None:
    assert "整体进度" in (sample_site / "index.html").read_text(encoding="utf-8")
    project.write("content/sales/q1.md", VALID_OKR)
    assert project.run("build", "-q").exit_code == 0
    home = (project.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "Organisation progress" in home and 'lang="en"' in home


def test_sitemap_and_404(sample_site: Path, project: TempProject) -> None:
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>objectives/sales/east-china.html</loc>" in sitemap
    page = (sample_site / "404.html").read_text(encoding="utf-8")
    # Styles inline; links relative to the root as on the home page (right from disk), with the
    # navigation and the search (browser tests check it served deeper under a sub-path).
    assert "<style>" in page and 'id="home-link" href="index.html"' in page
    assert 'href="periods/index.html"' in page and 'id="search-input"' in page
    assert "assets/okrdocs.css" not in page and 'href="/"' not in page
    project.write(
        "okrdocs.toml", 'content = "content"\nbase-url = "https://okrs.example.com/acme/"\n'
    )
    project.write("content/sales/q1.md", VALID_OKR)
    assert project.run("build", "-q", "--no-lint").exit_code == 0
    site = project.root / "site"
    assert (
        "<loc>https://okrs.example.com/acme/index.html</loc>" in (site / "sitemap.xml").read_text()
    )
    page = (site / "404.html").read_text()
    assert 'href="https://okrs.example.com/acme/"' in page
    assert '<base href="https://okrs.example.com/acme/">' in page


def test_builds_are_reproducible_byte_for_byte(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    project.write("content/eng/q1.md", VALID_OKR.replace("zhang.wei", "ada"))
    assert project.run("build", "-q", "-o", "one").exit_code == 0
    assert project.run("build", "-q", "-o", "two").exit_code == 0
    one, two = project.root / "one", project.root / "two"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    for rel in files:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the old site is removed in place")
def test_the_command_leaves_the_old_site_to_a_detached_process(project: TempProject) -> None:
    """The console command returns once the new site is in place; the previous one is deleted
    by a process of its own, and nothing of it is left soon after."""
    import subprocess
    import sys
    import time

    project.write("content/sales/q1.md", VALID_OKR)
    command = [sys.executable, "-m", "okrdocs", "build", "-q"]
    subprocess.run(command, check=True, cwd=project.root)
    marker = project.root / "site" / "left-by-the-old-site.txt"
    marker.write_text("old", encoding="utf-8")
    subprocess.run(command, check=True, cwd=project.root)
    assert (project.root / "site" / "objectives" / "sales" / "q1.html").is_file()
    assert not marker.exists()  # the new site, complete, is in place when the command ends
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        left = [p.name for p in project.root.iterdir() if "okrdocs-old" in p.name]
        if not left:
            break
        time.sleep(0.1)
    assert not left, left
    # From a program (click's runner here) the old site is removed before build() returns.
    marker.write_text("old", encoding="utf-8")
    assert project.run("build", "-q").exit_code == 0
    assert not [p.name for p in project.root.iterdir() if "okrdocs-old" in p.name]


def test_lint_errors_stop_the_build(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    project.write("content/sales/bad.md", VALID_OKR.replace("target: 880", "target: lots"))
    result = project.run("build")
    assert result.exit_code == 1
    assert "content/sales/bad.md:10:13: OKR002" in result.stderr
    assert "build stopped: 1 error found" in result.stderr
    assert not (project.root / "site").exists()
    result = project.run("build", "--no-lint")
    assert result.exit_code == 0
    data = json.loads((project.root / "site" / "okrs.json").read_text(encoding="utf-8"))
    assert [o["id"] for o in data["objectives"]] == ["sales/q1"]


def test_warnings_go_on_the_objective_page(project: TempProject) -> None:
    project.write(
        "content/sales/q1.md",
        VALID_OKR.replace("title: 新签约客户从 0 家增加到 5 家", "title: 开展客户调研"),
    )
    result = project.run("build")
    assert result.exit_code == 0
    assert "1 lint warning shown on the pages" in result.stdout
    page = (project.root / "site" / "objectives" / "sales" / "q1.html").read_text(encoding="utf-8")
    assert "OKR203" in page and "开展" in page


def test_html_is_escaped_and_unsafe_links_dropped(project: TempProject) -> None:
    text = VALID_OKR.replace(
        "objective: 成为华东中型制造企业首选的工业软件供应商",
        'objective: "<script>alert(1)</script> 华东"',
    ).replace(
        "Free Markdown: context, why this matters, retrospective.",
        "<img src=x onerror=alert(1)> [click](javascript:alert(2)) [ok](https://example.com)",
    )
    project.write("content/sales/q1.md", text)
    assert project.run("build", "-q", "--no-lint").exit_code == 0
    site = project.root / "site"
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert 'href="javascript:' not in html.lower(), page
        assert "<img src=x" not in html, page
    page = (site / "objectives" / "sales" / "q1.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 华东" in page
    assert '<a href="https://example.com">ok</a>' in page
    assert "[click](javascript:alert(2))" in page  # left as text, not a link
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "search").glob("d-*.js"))
    assert "<script>" in index  # data, not markup: the search script escapes it when showing it


def test_odd_and_non_ascii_file_names(project: TempProject) -> None:
    project.write("content/销售/华东 第一季度.md", VALID_OKR)
    project.write('content/sales/it\'s <odd> & "quoted".md', VALID_OKR.replace("zhang.wei", "张伟"))
    assert project.run("build", "-q", "--no-lint").exit_code == 0
    site = project.root / "site"
    assert (site / "objectives" / "销售" / "华东-第一季度.html").is_file()
    assert (site / "people" / "张伟.html").is_file()
    assert broken_links(site) == []
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site.resolve())


@pytest.mark.parametrize("output", ["content", "content/site", "."])
def test_refuses_to_write_over_the_content(project: TempProject, output: str) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    result = project.run("build", "-o", output)
    assert result.exit_code == 2
    assert result.stderr.startswith("okrdocs: error: the output folder")
    assert (project.root / "content" / "sales" / "q1.md").read_text(encoding="utf-8") == VALID_OKR


def test_refuses_a_non_empty_folder_it_did_not_create(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    project.write("site/notes.txt", "mine")
    result = project.run("build")
    assert result.exit_code == 2
    assert "not empty and was not created by okrdocs" in result.stderr
    assert (project.root / "site" / "notes.txt").read_text() == "mine"
    (project.root / "site" / "notes.txt").unlink()
    assert project.run("build", "-q").exit_code == 0  # empty: fine
    assert project.run("build", "-q").exit_code == 0  # its own: replaced


def test_a_failed_build_leaves_the_previous_site(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    assert project.run("build", "-q").exit_code == 0
    before = (project.root / "site" / "index.html").read_text(encoding="utf-8")
    project.write("okrdocs.toml", 'content = "content"\ntheme-overrides = "theme"\n')
    project.write(
        "theme/templates/objective.html",
        "{% extends 'base.html' %}{% block content %}{{ no_such_variable.x }}{% endblock %}",
    )
    result = project.run("build", "-q")
    assert result.exit_code == 2
    assert result.stderr == (
        "okrdocs: error: template objective.html, line 1: 'no_such_variable' is undefined\n"
    )
    assert (project.root / "site" / "index.html").read_text(encoding="utf-8") == before
    assert not any(p.name.startswith(".site.okrdocs") for p in project.root.iterdir())


def test_theme_overrides_one_block_and_one_asset(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    project.write(
        "okrdocs.toml", 'content = "content"\ntitle = "Acme"\ntheme-overrides = "theme"\n'
    )
    project.write(
        "theme/templates/objective.html",
        '{% extends "theme/objective.html" %}{% block title %}OKR · {{ super() }}{% endblock %}',
    )
    project.write("theme/static/extra.css", "body { outline: 1px solid red; }")
    assert project.run("build", "-q", "--no-lint").exit_code == 0
    page = (project.root / "site" / "objectives" / "sales" / "q1.html").read_text(encoding="utf-8")
    assert "<title>OKR · 成为华东中型制造企业首选的工业软件供应商 · Acme</title>" in page
    assert "开展华东制造业市场调研" in page  # the rest of the template is the theme's
    assert (project.root / "site" / "assets" / "extra.css").is_file()
    assert (project.root / "site" / "assets" / "okrdocs.css").is_file()


def test_unknown_theme_is_a_usage_error(project: TempProject) -> None:
    project.write("okrdocs.toml", 'content = "content"\ntheme = "fancy"\n')
    project.write("content/sales/q1.md", VALID_OKR)
    result = project.run("build")
    assert result.exit_code == 2
    assert "theme 'fancy' not found" in result.stderr


def test_parallel_build_matches_serial(project: TempProject) -> None:
    for index in range(450):  # above the threshold for worker processes
        project.write(
            f"content/team{index % 9}/o{index}.md",
            VALID_OKR.replace("owner: zhang.wei", f"owner: p{index % 40}"),
        )
    assert project.run("build", "-q", "--no-lint", "-o", "serial", "-j", "1").exit_code == 0
    assert project.run("build", "-q", "--no-lint", "-o", "parallel", "-j", "2").exit_code == 0
    serial, parallel = project.root / "serial", project.root / "parallel"
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert len(files) > 450
    for rel in files:
        assert (serial / rel).read_bytes() == (parallel / rel).read_bytes(), rel


def test_a_build_with_spawned_workers_matches_serial(
    project: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    # macOS and Windows spawn workers, which receive the rule runner and the site writer
    # pickled; the site must be the same as on one process.
    import okrdocs.parallel

    for index in range(450):
        project.write(
            f"content/team{index % 9}/o{index}.md",
            VALID_OKR.replace("owner: zhang.wei", f"owner: p{index % 40}"),
        )
    assert project.run("build", "-q", "-o", "serial", "-j", "1").exit_code == 0
    monkeypatch.setattr(okrdocs.parallel, "start_method", lambda: "spawn")
    assert project.run("build", "-q", "-o", "spawned", "-j", "2").exit_code == 0
    serial, spawned = project.root / "serial", project.root / "spawned"
    files = sorted(p.relative_to(serial) for p in serial.rglob("*") if p.is_file())
    assert len(files) > 450
    for rel in files:
        assert (serial / rel).read_bytes() == (spawned / rel).read_bytes(), rel


def test_key_result_cards_escape_every_value(project: TempProject) -> None:
    """The key result cards and check-in lists are written in Python, not by the template's
    autoescape: each value a user wrote must still arrive as text."""
    text = (
        VALID_OKR.replace(
            "title: 季度销售额从 800 万元增长到 880 万元",
            'title: "<b>bold</b> 季度销售额从 800 万元增长到 880 万元"\n'
            '    definition: "<i>signed</i> & booked"',
        )
        .replace("unit: 万元", 'unit: "<u>万元"')
        .replace(
            "开展华东制造业市场调研",
            '"<em>调研</em>"\n        link: \'https://t.example/"onmouseover="alert(3)\'',
        )
        .replace("Two large deals slipped to March.", '"<script>alert(4)</script> slipped"')
    )
    project.write("content/sales/q1.md", text)
    assert project.run("build", "-q", "--no-lint").exit_code == 0
    page = (project.root / "site" / "objectives" / "sales" / "q1.html").read_text(encoding="utf-8")
    for raw in ("<b>bold", "<i>signed", "<u>万元", "<em>调研", "<script>alert(4)"):
        assert raw not in page
    for shown in (
        "&lt;b&gt;bold&lt;/b&gt; 季度销售额",
        "&lt;i&gt;signed&lt;/i&gt; &amp; booked",
        "800 &lt;u&gt;万元",
        "&lt;em&gt;调研&lt;/em&gt;",
        "&lt;script&gt;alert(4)&lt;/script&gt; slipped",
    ):
        assert shown in page, shown
    assert 'href="https://t.example/&#34;onmouseover=&#34;alert(3)"' in page  # one attribute


def test_theme_overrides_the_key_result_block(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    project.write("okrdocs.toml", 'content = "content"\ntheme-overrides = "theme"\n')
    project.write(
        "theme/templates/objective.html",
        '{% extends "theme/objective.html" %}{% block key_results %}<ul class="mine">'
        "{% for k in o.krs %}<li>{{ k.kr.title }}: {{ k.state.progress | percent }}</li>"
        "{% endfor %}</ul>{% endblock %}",
    )
    assert project.run("build", "-q", "--as-of", "2026-02-15").exit_code == 0
    page = (project.root / "site" / "objectives" / "sales" / "q1.html").read_text(encoding="utf-8")
    assert '<ul class="mine"><li>季度销售额从 800 万元增长到 880 万元: 38%</li>' in page
    assert 'class="kr"' not in page  # the theme's cards were replaced
    assert "Two large deals slipped to March." in page  # the other blocks are the theme's


def test_compiled_templates_are_cached_and_follow_changes(project: TempProject) -> None:
    """The template cache must never show a stale template or the wrong language."""
    project.write("content/sales/q1.md", VALID_OKR)
    project.write("okrdocs.toml", 'content = "content"\ntheme-overrides = "theme"\n')
    project.write("theme/templates/objective.html", '{% extends "theme/objective.html" %}')
    page = project.root / "site" / "objectives" / "sales" / "q1.html"

    def build() -> str:
        assert project.run("build", "-q", "--no-lint").exit_code == 0
        return page.read_text(encoding="utf-8")

    first = build()
    user_cache = Path(os.environ["OKRDOCS_CACHE_DIR"])
    cached = list((user_cache / "templates").glob("*.jinja"))
    assert cached, "the compiled templates were not cached"
    assert not (project.root / ".okrdocs-cache" / "templates").exists()
    assert build() == first  # from the cache: the same page
    assert ">Key results<" in first

    project.write(
        "okrdocs.toml", 'content = "content"\ntheme-overrides = "theme"\nlanguage = "zh-CN"\n'
    )
    assert ">关键结果<" in build()  # translations are compiled in: a new language recompiles

    project.write("theme/strings.json", '{"zh-CN": {"Key results": "关键成果"}}')
    assert ">关键成果<" in build()

    project.write(
        "theme/templates/objective.html",
        '{% extends "theme/objective.html" %}{% block title %}Edited{% endblock %}',
    )
    assert "<title>Edited · OKRs</title>" in build()


def test_a_template_cache_committed_to_the_repository_is_never_loaded(
    project: TempProject,
) -> None:
    """Compiled templates are code: a cache force-added to a pull request must not run in the
    CI job that builds the site."""
    import pickle
    import sys

    from jinja2.bccache import bc_magic

    from okrdocs.config import load_config
    from okrdocs.site.render import make_environment

    marker = project.root.parent / f"{project.root.name}-pwned"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (open, (str(marker), "w"))

    project.write("content/sales/q1.md", VALID_OKR)
    env = make_environment(load_config(start=project.root))
    folder = project.root / ".okrdocs-cache" / "templates"
    folder.mkdir(parents=True)
    for name in env.list_templates():
        key = env.bytecode_cache.get_cache_key(name, env.loader.get_source(env, name)[1])  # type: ignore[union-attr]
        (folder / f"{key}.jinja").write_bytes(bc_magic + pickle.dumps(Payload(), 2))
    assert sys.version_info >= (3, 10)
    result = project.run("build", "-q")
    assert result.exit_code == 0, result.output
    assert not marker.exists()


def test_pages_are_spread_over_their_folders() -> None:
    """Two processes creating files in the same folder wait for each other: the page order
    mixes the folders evenly, and keeps every page exactly once."""
    from okrdocs.site.writer import spread_by_folder

    pages = [(f"o{i}", f"objectives/sales/{i}.html") for i in range(6)]
    pages += [(f"p{i}", f"people/{i}.html") for i in range(3)]
    order = spread_by_folder(pages)
    assert sorted(order) == sorted(task for task, _ in pages)
    assert order == ["o0", "p0", "o1", "o2", "p1", "o3", "o4", "p2", "o5"]


# The objective_header block as Jinja wrote it before okrdocs/site/widgets.py objective_head
# took it over; the two must write the same bytes.
JINJA_OBJECTIVE_HEADER = (REPO / "tests" / "snapshots" / "objective_header.jinja").read_text(
    encoding="utf-8"
)


def test_objective_head_writes_what_the_jinja_block_wrote(project: TempProject) -> None:
    """Every branch of the head: team or none, tags, a parent with a page or unknown, a score
    (closed period), change and confidence (check-ins a week apart), stale and behind."""
    project.write("okrdocs.toml", 'content = "content"\nlanguage = "en"\n[teams.sales]\n')
    project.write(
        "content/sales/parent.md",
        '---\nobjective: Grow <East> & "China"\nowner: ada\nperiod: 2026-Q4\ntags: [a&b, c]\n'
        "key_results:\n  - title: Revenue from 1 to 2\n    baseline: 1\n    target: 2\n"
        "    current: 1.5\n    confidence: 0.7\ncheckins:\n  - date: 2026-11-01\n"
        "    values: {kr1: 1.2}\n    confidence: 0.6\n  - date: 2026-11-20\n"
        "    values: {kr1: 1.5}\n    confidence: 0.7\n---\n",
    )
    project.write(
        "content/sales/child.md",
        "---\nobjective: 在华东建立标杆客户\nowner: bo\nperiod: 2026-Q4\nparent: sales/parent\n"
        "type: aspirational\nkey_results:\n  - title: 客户从 0 家增加到 5 家\n    baseline: 0\n"
        "    target: 5\n    current: 1\n---\n",
    )
    project.write(
        "content/eng/orphan.md",
        "---\nobjective: Make releases boring\nowner: cy\nperiod: 2026-Q3\nparent: no/such\n"
        "key_results:\n  - title: Deploys from 1 to 10 a week\n    baseline: 1\n    target: 10\n"
        "    current: 4\n    score: 0.4\n---\n",
    )
    assert project.run("build", "-q", "--no-lint", "--as-of", "2026-11-27").exit_code == 0
    python = {p: p.read_bytes() for p in (project.root / "site" / "objectives").rglob("*.html")}
    project.write(
        "okrdocs.toml",
        'content = "content"\nlanguage = "en"\ntheme-overrides = "theme"\n[teams.sales]\n',
    )
    project.write(
        "theme/templates/objective.html",
        '{% extends "theme/objective.html" %}\n' + JINJA_OBJECTIVE_HEADER,
    )
    assert project.run("build", "-q", "--no-lint", "--as-of", "2026-11-27").exit_code == 0
    for path, html in python.items():
        jinja = path.read_bytes()
        assert html == jinja, path
    pages = b"".join(python.values())
    for piece in (b'class="tag"', b'class="score"', b"Parent objective", b"Change in the last",
                  b"Confidence</dt>", b"&lt;East&gt; &amp; &#34;China&#34;", b'lang="zh-CN"'):  # fmt: skip
        assert piece in pages, piece
