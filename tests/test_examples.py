"""The CI recipes in examples/: valid YAML, and every okrdocs command in them works.

The commands are taken from the files themselves and run in a real git repository with a base
branch and a change, with CI variables set as the CI would set them. The pull-request comment
script (GitHub) and the merge-request note script (GitLab) run against fakes of their APIs: the
second run must update the first comment, not add another.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml
from click.testing import CliRunner

from okrdocs.cli import cli

from .conftest import REPO, SAMPLE_AS_OF

EXAMPLES = REPO / "examples"
GITHUB = EXAMPLES / "github" / "okrs.yml"
GITLAB = EXAMPLES / "gitlab" / ".gitlab-ci.yml"
WEEKLY = EXAMPLES / "github" / "okr-weekly-report.yml"


def github_commands() -> list[str]:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    return [
        step["run"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "okrdocs" in step.get("run", "") and not step["run"].startswith("pip ")
    ]


def gitlab_commands() -> list[str]:
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    return [
        line
        for name, job in pipeline.items()
        if isinstance(job, dict) and "script" in job
        for line in job["script"]
        if line.startswith("okrdocs ")
    ]


def test_examples_are_valid_yaml() -> None:
    files = sorted(EXAMPLES.rglob("*.yml")) + sorted(EXAMPLES.rglob("*.yaml"))
    assert len(files) == 4
    for path in files:
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    assert workflow["jobs"]["lint"]["permissions"]["security-events"] == "write"
    assert workflow["jobs"]["diff"]["permissions"]["pull-requests"] == "write"
    assert workflow["jobs"]["pages"]["permissions"]["pages"] == "write"
    assert yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["pages"]["artifacts"]["paths"] == [
        "public"
    ]
    hooks = yaml.safe_load(
        (EXAMPLES / "pre-commit" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    )
    assert hooks["repos"][0]["hooks"][0]["id"] == "okrdocs-lint"


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.com", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def pull_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample OKRs on main in an 'origin', and a branch that raises a target."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    origin = tmp_path / "origin"
    origin.mkdir()
    shutil.copytree(REPO / "content", origin / "content")
    shutil.copy(REPO / "okrdocs.toml", origin / "okrdocs.toml")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", ".")
    git(origin, "commit", "-qm", "OKRs")
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(origin), str(work))
    git(work, "checkout", "-q", "-b", "raise-target")
    page = work / "content" / "sales" / "2026-q4-channel.md"
    text = page.read_text(encoding="utf-8").replace("target: 12\n", "target: 14\n")
    page.write_text(text.replace("从 6 家增加到 12 家", "从 6 家增加到 14 家"), encoding="utf-8")
    git(work, "commit", "-qam", "Aim higher")
    monkeypatch.chdir(work)
    monkeypatch.setenv("OKRDOCS_AS_OF", SAMPLE_AS_OF)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return work


def run_command(line: str, variables: dict[str, str]) -> Any:
    expanded = re.sub(r"\$(\w+)", lambda m: variables[m.group(1)], line)
    args = shlex.split(expanded)
    assert args[0] == "okrdocs"
    return CliRunner().invoke(cli, args[1:], catch_exceptions=False)


@pytest.mark.parametrize("line", github_commands())
def test_every_github_command_works(pull_request: Path, line: str) -> None:
    result = run_command(line, {"BASE_REF": "main"})
    assert result.exit_code == 0, result.output
    if "--output-file okrdocs.sarif" in line:
        assert (
            json.loads((pull_request / "okrdocs.sarif").read_text(encoding="utf-8"))["version"]
            == "2.1.0"
        )
    if "okr-diff.md" in line:
        text = (pull_request / "okr-diff.md").read_text(encoding="utf-8")
        assert (
            text.startswith("<!-- okrdocs-diff -->")
            and "target raised 12 → 14: more ambitious" in text
        )
    if "build" in line:
        assert (pull_request / "site" / "index.html").is_file()


@pytest.mark.parametrize("line", gitlab_commands())
def test_every_gitlab_command_works(pull_request: Path, line: str) -> None:
    result = run_command(line, {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"})
    assert result.exit_code == 0, result.output
    if "gl-code-quality-report.json" in line:
        assert (
            json.loads((pull_request / "gl-code-quality-report.json").read_text(encoding="utf-8"))
            == []
        )
    if "build --output public" in line:
        assert (pull_request / "public" / "index.html").is_file()


def test_the_review_policy_fails_on_a_lowered_target(pull_request: Path) -> None:
    page = pull_request / "content" / "sales" / "2026-q4-east-china.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("target: 880\n", "target: 850\n"), encoding="utf-8"
    )
    git(pull_request, "commit", "-qam", "Aim lower")
    [policy] = [line for line in github_commands() if "--fail-on" in line]
    assert run_command(policy, {"BASE_REF": "main"}).exit_code == 1


def test_github_comment_is_updated_not_duplicated(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    script = next(
        s["with"]["script"]
        for s in workflow["jobs"]["diff"]["steps"]
        if "github-script" in s.get("uses", "")
    )
    harness = (
        """
const comments = [];
let nextId = 1;
const github = {
  paginate: async (fn, args) => comments.slice(),
  rest: { issues: {
    listComments: () => {},
    createComment: async ({ body }) => { comments.push({ id: nextId++, body }); },
    updateComment: async ({ comment_id, body }) => { comments.find(c => c.id === comment_id).body = body; },
  } },
};
const context = { repo: { owner: "acme", repo: "okrs" }, issue: { number: 7 } };
async function run() { SCRIPT }
(async () => {
  require("fs").writeFileSync("okr-diff.md", "<!-- okrdocs-diff -->\\nfirst");
  await run();
  comments.push({ id: 99, body: "an unrelated comment" });
  require("fs").writeFileSync("okr-diff.md", "<!-- okrdocs-diff -->\\nsecond");
  await run();
  console.log(JSON.stringify(comments));
})();
"""
    ).replace("SCRIPT", script)
    (tmp_path / "harness.js").write_text(harness, encoding="utf-8")
    result = subprocess.run(
        [node, "harness.js"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    comments = json.loads(result.stdout)
    assert comments == [
        {"id": 1, "body": "<!-- okrdocs-diff -->\nsecond"},
        {"id": 99, "body": "an unrelated comment"},
    ]


class FakeGitLab(BaseHTTPRequestHandler):
    notes: ClassVar[list[dict[str, Any]]] = []

    def _reply(self, data: Any) -> None:
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        assert self.headers["PRIVATE-TOKEN"] == "secret"
        assert self.path.startswith("/api/v4/projects/42/merge_requests/7/notes?")
        self._reply(self.notes)

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        note = {"id": len(self.notes) + 1, "body": body["body"]}
        self.notes.append(note)
        self._reply(note)

    def do_PUT(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        note_id = int(self.path.rsplit("/", 1)[1])
        next(n for n in self.notes if n["id"] == note_id)["body"] = body["body"]
        self._reply({"id": note_id})

    def log_message(self, *args: Any) -> None:
        pass


def test_gitlab_note_is_updated_not_duplicated(tmp_path: Path) -> None:
    FakeGitLab.notes = [{"id": 1, "body": "LGTM"}]
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGitLab)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {
        **os.environ,
        "CI_API_V4_URL": f"http://127.0.0.1:{server.server_address[1]}/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "7",
        "OKRDOCS_GITLAB_TOKEN": "secret",
    }
    try:
        for text in ("<!-- okrdocs-diff -->\nfirst", "<!-- okrdocs-diff -->\nsecond"):
            (tmp_path / "okr-diff.md").write_text(text, encoding="utf-8")
            subprocess.run(
                [sys.executable, str(EXAMPLES / "gitlab" / "post_note.py"), "okr-diff.md"],
                cwd=tmp_path,
                env=env,
                check=True,
                capture_output=True,
            )
    finally:
        server.shutdown()
    assert FakeGitLab.notes == [
        {"id": 1, "body": "LGTM"},
        {"id": 2, "body": "<!-- okrdocs-diff -->\nsecond"},
    ]


def test_recipes_pin_the_current_release_in_one_place() -> None:
    """A team copying a recipe gets this release: one variable, the same version everywhere."""
    from okrdocs import __version__

    workflow = (REPO / "examples/github/okrs.yml").read_text(encoding="utf-8")
    gitlab = (REPO / "examples/gitlab/.gitlab-ci.yml").read_text(encoding="utf-8")
    pre_commit = (REPO / "examples/pre-commit/.pre-commit-config.yaml").read_text(encoding="utf-8")
    weekly = WEEKLY.read_text(encoding="utf-8")
    for recipe in (workflow, gitlab, weekly):
        assert f'OKRDOCS_PACKAGE: "okrdocs=={__version__}"' in recipe
        assert "pip install okrdocs\n" not in recipe
        assert recipe.count("$OKRDOCS_PACKAGE") >= 1
    assert f"rev: v{__version__}" in pre_commit
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}]" in changelog


def test_the_gitlab_lint_job_runs_in_merge_request_pipelines() -> None:
    import yaml

    recipe = yaml.safe_load((REPO / "examples/gitlab/.gitlab-ci.yml").read_text(encoding="utf-8"))
    rules = recipe["workflow"]["rules"]
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in rules
    assert "rules" not in recipe["okrdocs-lint"]  # it runs in every pipeline the workflow allows


# -- the weekly report ---------------------------------------------------------------------------


class FakeWebhook(BaseHTTPRequestHandler):
    """A chat's incoming webhook (or GitLab's issues API): records what is posted."""

    posts: ClassVar[list[tuple[str, str, bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.posts.append((self.path, self.headers.get("Content-Type", ""), body))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def webhook() -> Any:
    FakeWebhook.posts = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWebhook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _sample(tmp_path: Path) -> Path:
    project = tmp_path / "okrs"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "okrdocs.toml", project / "okrdocs.toml")
    return project


def _shell_env(**variables: str) -> dict[str, str]:
    # okrdocs from this environment, as `pip install "$OKRDOCS_PACKAGE"` would provide it.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    env = {**os.environ, "PATH": path, "OKRDOCS_AS_OF": SAMPLE_AS_OF, **variables}
    env.pop("OKRDOCS_LANG", None)  # as in CI: the configuration's language (the sample's zh-CN)
    return env


def test_the_weekly_workflow_runs_on_monday_mornings() -> None:
    workflow = yaml.safe_load(WEEKLY.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] == [{"cron": "0 1 * * 1"}] and "workflow_dispatch" in triggers
    assert workflow["jobs"]["report"]["permissions"] == {"contents": "read", "issues": "write"}


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
@pytest.mark.parametrize("chat", ["FEISHU", "SLACK", "TEAMS"])
def test_the_weekly_workflow_posts_to_a_chat(tmp_path: Path, webhook: str, chat: str) -> None:
    project = _sample(tmp_path)
    steps = yaml.safe_load(WEEKLY.read_text(encoding="utf-8"))["jobs"]["report"]["steps"]
    for step in steps:
        run = step.get("run", "")
        if run.startswith("pip ") or "gh issue" in run:
            continue
        if "WEBHOOK" in run and f"${chat}_WEBHOOK" not in run:
            continue
        if run:
            subprocess.run(
                ["bash", "-e", "-c", run],
                cwd=project,
                env=_shell_env(**{f"{chat}_WEBHOOK": f"{webhook}/hook"}),
                check=True,
                capture_output=True,
            )
    assert (project / "okr-report.md").read_text(encoding="utf-8").startswith("## OKR 周报")
    [(path, content_type, body)] = FakeWebhook.posts
    assert path == "/hook" and content_type == "application/json"
    payload = json.loads(body)
    if chat == "FEISHU":
        assert payload["card"]["header"]["title"]["content"].startswith("OKR 周报：2026-Q4")
    elif chat == "SLACK":
        assert payload["text"].startswith("OKR 周报")
    else:
        assert payload["attachments"][0]["content"]["type"] == "AdaptiveCard"


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_gitlab_schedule_posts_and_opens_an_issue(tmp_path: Path, webhook: str) -> None:
    project = _sample(tmp_path)
    job = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["okrdocs-weekly-report"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule" && $OKR_REPORT == "weekly"'}]
    env = _shell_env(
        SLACK_WEBHOOK=f"{webhook}/slack",
        OKRDOCS_GITLAB_TOKEN="secret",
        CI_API_V4_URL=f"{webhook}/api/v4",
        CI_PROJECT_ID="42",
    )
    env.pop("FEISHU_WEBHOOK", None)
    env.pop("TEAMS_WEBHOOK", None)
    for line in job["script"]:
        subprocess.run(
            ["sh", "-e", "-c", line], cwd=project, env=env, check=True, capture_output=True
        )
    paths = [path for path, _type, _body in FakeWebhook.posts]
    assert paths == ["/slack", "/api/v4/projects/42/issues"]
    issue = FakeWebhook.posts[1][2].decode()
    assert "title=OKR+weekly+report" in issue and "description=" in issue
