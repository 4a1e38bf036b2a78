"""The authoring commands on real files: init, new, status, export and import."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from okrdocs.cli import cli

from .conftest import REPO, SAMPLE_AS_OF, VALID_OKR, TempProject

AS_OF = "2026-11-27"


def invoke(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.output


# -- init ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_init_makes_a_repository_that_lints_and_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.delenv("OKRDOCS_AS_OF", raising=False)
    folder = tmp_path / "okrs"
    code, output = invoke("init", str(folder), "--language", language, "--as-of", AS_OF)
    assert code == 0, output
    created = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert created == [
        ".github/workflows/okrs.yml",
        ".gitignore",
        ".pre-commit-config.yaml",
        "README.md",
        "content/company/growth.md",
        "content/product/2026-q4-onboarding.md",
        "okrdocs.toml",
    ]
    monkeypatch.chdir(folder)
    code, output = invoke("lint", "--as-of", AS_OF)
    assert (code, output.strip()) == (0, "All checks passed (2 files checked).")
    sample = (folder / "content/product/2026-q4-onboarding.md").read_text(encoding="utf-8")
    assert ("让新客户" in sample) == (language == "zh-CN")
    code, output = invoke("build", "--as-of", AS_OF)
    assert code == 0, output
    assert (folder / "site/index.html").is_file()
    # The sample's README names a check-in command that works on the sample.
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "okrdocs checkin product/2026-q4-onboarding activation" in readme
    code, output = invoke(
        "checkin", "product/2026-q4-onboarding", "activation=34", "--as-of", AS_OF
    )
    assert code == 0, output


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Ours\n", encoding="utf-8")
    code, output = invoke("init", str(tmp_path), "--as-of", AS_OF, "--title", 'Acme "OKRs"')
    assert code == 0
    assert f"skipped {tmp_path / 'README.md'} (exists; not overwritten)" in output
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Ours\n"
    assert 'title = "Acme \\"OKRs\\""' in (tmp_path / "okrdocs.toml").read_text(encoding="utf-8")
    snapshot = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    code, output = invoke("init", str(tmp_path), "--as-of", AS_OF)
    assert code == 1
    assert "nothing created" in output
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == snapshot


# -- new ----------------------------------------------------------------------------------------


def test_new_writes_a_file_that_lints_and_lists_what_is_left(project: TempProject) -> None:
    project.write("content/company/growth.md", VALID_OKR)
    result = project.run(
        "new",
        "--objective",
        "让新客户在第一周就顺利用起来",
        "--owner",
        "li.na",
        "--team",
        "sales",
        "--kr",
        "首周活跃率从 40% 提升到 60%",
        "--kr",
        "Time to first report falls from 9 days to 3 days",
        "--parent",
        "company/growth",
    )
    assert result.exit_code == 0, result.output
    path = project.content / "sales/2026-q1-li-na.md"
    assert result.output.startswith("created content/sales/2026-q1-li-na.md\nLeft to fill in:\n")
    assert "OKR301 key result 'kr1' has no action plan" in result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "---\nobjective: 让新客户在第一周就顺利用起来\nowner: li.na\nteam: sales\n"
    )
    assert "period: 2026-Q1\n" in text  # the quarter of --as-of (OKRDOCS_AS_OF in the fixture)
    # Baseline and target are read from "from X to Y" titles.
    assert "  baseline: 40\n  target: 60\n  unit: '%'\n" in text
    assert "  baseline: 9\n  target: 3\n" in text
    lint = project.run("lint", str(path), "--format", "json")
    assert lint.exit_code == 0  # warnings only: what a person has to add
    found = json.loads(lint.output)
    assert found and all(d["severity"] != "error" for d in found)


def test_new_prompts_when_interactive(project: TempProject) -> None:
    answers = "Make onboarding effortless\nada\n\n2026-Q2\nActivation rises from 30% to 45%\n\n"
    result = project.run("new", "--interactive", "--id", "onboarding", input=answers)
    assert result.exit_code == 0, result.output
    text = (project.content / "2026-q2-make-onboarding-effortless.md").read_text(encoding="utf-8")
    assert "id: onboarding\nobjective: Make onboarding effortless\nowner: ada\n" in text
    assert "title: Activation rises from 30% to 45%" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--owner", "ada"), "--objective is required when not run interactively"),
        (("--objective", "X", "--owner", "ada", "--period", "Q5"), "Q5"),
        (("--objective", "two\nlines", "--owner", "ada"), "one line"),
        (("--objective", "X", "--owner", "ada", "--parent", "nope"), "'nope' is not the id"),
    ],
)
def test_new_usage_errors(project: TempProject, args: tuple[str, ...], message: str) -> None:
    result = project.run("new", "--no-interactive", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert list(project.content.iterdir()) == []


def test_new_never_overwrites(project: TempProject) -> None:
    path = project.write("content/x.md", "mine\n")
    result = project.run("new", "--objective", "X", "--owner", "ada", "--output", str(path))
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_new_takes_the_next_free_name_for_a_second_objective(project: TempProject) -> None:
    """A Chinese objective's file is named after its owner and quarter: the second one of the
    quarter gets -2, never an error or the first one's file."""
    args = ["new", "--no-interactive", "--owner", "zhang.wei", "--period", "2026-Q1"]
    first = project.run(*args, "--objective", "提升华东客户满意度")
    second = project.run(*args, "--objective", "扩大华东渠道覆盖")
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    made = sorted(p.name for p in project.content.rglob("*.md"))
    assert made == ["2026-q1-zhang-wei-2.md", "2026-q1-zhang-wei.md"], made
    texts = sorted(p.read_text(encoding="utf-8") for p in project.content.rglob("*.md"))
    assert any("提升华东客户满意度" in t for t in texts)
    assert any("扩大华东渠道覆盖" in t for t in texts)


def test_new_run_twice_at_once_makes_two_files_and_no_traceback(project: TempProject) -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "okrdocs", "new", "--no-interactive", "--owner", "ada",
               "--period", "2026-Q1", "--objective", "提升客户满意度"]  # fmt: skip
    for _round in range(3):
        runs = [
            subprocess.Popen(
                command, cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        for run in runs:
            _out, err = run.communicate(timeout=60)
            assert run.returncode == 0, err
            assert "Traceback" not in err
    files = list(project.content.rglob("*.md"))
    assert len(files) == 6, sorted(p.name for p in files)
    assert all("提升客户满意度" in p.read_text(encoding="utf-8") for p in files)


# -- status -------------------------------------------------------------------------------------


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled sample project, as the current folder."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "okrdocs.toml", tmp_path / "okrdocs.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OKRDOCS_AS_OF", SAMPLE_AS_OF)
    return tmp_path


def test_status_shows_the_current_period_plain_when_piped(sample: Path) -> None:
    code, output = invoke("status")
    assert code == 0, output
    assert "\x1b[" not in output
    lines = output.splitlines()
    assert lines[0].startswith("2026-Q4  2026-10-01 – 2026-12-31  active, 63% of the time gone")
    assert "销售部 · Sales" in output
    assert any("成为华东中型制造企业首选的工业软件供应商" in line and "%" in line for line in lines)
    assert "季度销售额从 800 万元增长到 880 万元" in output
    assert "800 → 845 → 880 万元" in output
    assert "2026-Q3" not in output  # other periods only when asked
    code, everything = invoke("status", "--period", "all")
    assert "2026-Q3" in everything and "score" in everything


def test_status_filters(sample: Path) -> None:
    _, output = invoke("status", "--team", "销售部 · Sales")
    _, by_id = invoke("status", "--team", "sales")
    assert output == by_id
    assert "Engineering" not in output
    _, output = invoke("status", "--owner", "李娜")
    assert "成为华东中型制造企业首选的工业软件供应商" in output  # she owns a key result in it
    assert "Engineering" not in output
    code, output = invoke("status", "--period", "2031-Q1")
    assert code == 2
    assert "no objectives in period '2031-Q1'" in output
    code, output = invoke("status", "--owner", "nobody")
    assert code == 2 and output == "okrdocs: error: no person 'nobody'\n"
    code, output = invoke("status", "--team", "nope")
    assert code == 2
    assert output.startswith("okrdocs: error: no team 'nope' (teams: ") and "sales" in output
    code, output = invoke("status", "--team", "sale")
    assert code == 2 and "did you mean 'sales'?" in output
    # Periods as written in file names work too.
    assert invoke("status", "--period", "2026-q4")[1] == invoke("status", "--period", "2026-Q4")[1]


def test_status_shows_every_period_that_contains_the_day(sample: Path) -> None:
    # The yearly company objective spans today: the default view shows it with the quarter.
    _, output = invoke("status")
    assert output.splitlines()[0].startswith("2026-Q4")
    assert any(line.startswith("2026  ") for line in output.splitlines())


def test_status_json(sample: Path) -> None:
    code, output = invoke("status", "--format", "json", "--period", "all")
    assert code == 0
    objectives = json.loads(output)
    schema = json.loads((REPO / "schema/okrs-json.schema.json").read_text(encoding="utf-8"))
    objective_schema = {**schema, **schema["$defs"]["objective"]}
    for objective in objectives:
        jsonschema.validate(objective, objective_schema)
    assert {o["period"] for o in objectives} == {"2026", "2026-Q3", "2026-Q4"}


def test_status_is_colored_on_a_terminal(sample: Path) -> None:
    """Run in a real pseudo-terminal: colors on; through a pipe: off."""
    main, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "120"}
    process = subprocess.Popen(
        [sys.executable, "-m", "okrdocs", "status"],
        stdout=secondary,
        stderr=secondary,
        cwd=sample,
        env=env,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=60) == 0
    os.close(main)
    colored = b"".join(chunks).decode("utf-8")
    assert "\x1b[" in colored
    piped = subprocess.run(
        [sys.executable, "-m", "okrdocs", "status"],
        capture_output=True,
        text=True,
        cwd=sample,
        env=env,
        check=True,
    ).stdout
    assert "\x1b[" not in piped
    assert "成为华东中型制造企业首选的工业软件供应商" in piped


# -- export -------------------------------------------------------------------------------------


def read_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_export_csv_opens_in_excel_with_chinese(sample: Path) -> None:
    result = CliRunner().invoke(cli, ["export"], catch_exceptions=False)
    assert result.exit_code == 0
    data = result.stdout_bytes
    assert data.startswith(b"\xef\xbb\xbfobjective_id,objective,owner,")  # BOM: Excel reads UTF-8
    rows = read_rows(data)
    objectives = json.loads(invoke("status", "--format", "json", "--period", "all")[1])
    assert len(rows) == sum(len(o["key_results"]) for o in objectives) > 10
    revenue = next(
        r for r in rows if r["objective_id"] == "sales/east-china" and r["kr_id"] == "revenue"
    )
    assert revenue["kr_title"] == "季度销售额从 800 万元增长到 880 万元"
    assert (revenue["baseline"], revenue["target"], revenue["current"]) == ("800", "880", "845")
    assert revenue["unit"] == "万元"
    assert revenue["progress"] == "0.5625"
    assert revenue["status"] in {"on-track", "at-risk", "off-track"}


def test_export_json_matches_its_schema(sample: Path) -> None:
    output = sample / "okrs.json"
    code, _ = invoke("export", "--format", "json", "-o", str(output))
    assert code == 0
    schema = json.loads((REPO / "schema/okrs-json.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(output.read_text(encoding="utf-8")), schema)


# -- import -------------------------------------------------------------------------------------

HEADER = "objective,owner,team,period,kr_title,baseline,target,current,unit,actions\n"


def test_import_is_a_dry_run_until_write(project: TempProject) -> None:
    sheet = project.write(
        "q1.csv",
        HEADER
        + "成为华东首选供应商,zhang.wei,sales,2026-Q1,销售额从 800 万元增长到 880 万元,800,880,,万元,"
        + '"市场调研 | wang.fang | 2026-01-31 | done\n客户开放日 | zhao.lei | 2026-02-27"\n'
        + "成为华东首选供应商,zhang.wei,sales,2026-Q1,新客户从 0 家增加到 5 家,0,5,1,家,\n"
        + "Ship the wizard,ada,,2026-Q1,Activation from 30% to 45%,30,45,,%,\n",
    )
    result = project.run("import", str(sheet))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "would create content/sales/2026-q1-zhang-wei.md (2 key results)",
        "would create content/2026-q1-ship-the-wizard.md (1 key result)",
        "Dry run: nothing written. Run again with --write to create these files.",
    ]
    assert list(project.content.iterdir()) == []
    result = project.run("import", str(sheet), "--write")
    assert result.exit_code == 0, result.output
    text = (project.content / "sales/2026-q1-zhang-wei.md").read_text(encoding="utf-8")
    assert "objective: 成为华东首选供应商\n" in text
    assert (
        "  - title: 市场调研\n    owner: wang.fang\n    due: 2026-01-31\n    status: done\n" in text
    )
    lint = project.run("lint", "--format", "json")
    assert all(d["severity"] != "error" for d in json.loads(lint.output))
    # Importing the same sheet again changes nothing: the objectives are matched, not copied.
    before = text
    result = project.run("import", str(sheet), "--write")
    assert result.exit_code == 0, result.output
    assert "unchanged content/sales/2026-q1-zhang-wei.md" in result.output
    assert "Nothing to create or update." in result.output
    assert (project.content / "sales/2026-q1-zhang-wei.md").read_text(encoding="utf-8") == before
    assert len(list(project.content.rglob("*.md"))) == 2
    result = project.run("import", str(sheet), "--write", "--skip-existing")
    assert result.exit_code == 0
    assert "Nothing to create or update." in result.output


def test_import_reports_every_bad_row_and_writes_nothing(project: TempProject) -> None:
    sheet = project.write(
        "bad.csv",
        HEADER
        + "Good objective,ada,,2026-Q1,Users from 1 to 2,1,2,,users,\n"
        + ",ada,,2026-Q1,Users from 1 to 2,1,2,,users,\n"
        + "X,ada,,2026-Q9,Users from 1 to 2,1,2,,users,\n"
        + "Y,ada,,2026-Q1,Users from 1 to 2,one,2,,users,\n",
    )
    result = project.run("import", str(sheet), "--write")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{sheet}:3: objective is empty"
    assert lines[1].startswith(f"{sheet}:4: ") and "2026-Q9" in lines[1]
    assert lines[2] == f"{sheet}:5: baseline 'one' is not a number"
    assert lines[3] == (
        "okrdocs: nothing written: fix the rows above and run again (columns: okrdocs help import)"
    )
    assert list(project.content.iterdir()) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("目标,负责人\n".encode("gbk"), "missing column 'period'"),
        (b"objective,owner,period,kr_title,kr_title\n", "the column 'kr_title' is given twice"),
        (b"objective,owner,period\n", "missing column 'kr_title'"),
        (b"", "the file is empty"),
    ],
)
def test_import_rejects_unreadable_sheets(project: TempProject, data: bytes, message: str) -> None:
    sheet = project.write("sheet.csv", data)
    result = project.run("import", str(sheet))
    assert result.exit_code == 2
    assert message in result.output


def test_export_then_import_gives_the_same_okrs(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample project, exported and imported into an empty project, exports the same rows."""
    code, _ = invoke("export", "-o", str(tmp_path / "okrs.csv"))
    assert code == 0
    exported = read_rows((tmp_path / "okrs.csv").read_bytes())
    target = tmp_path / "imported"
    (target / "content").mkdir(parents=True)
    shutil.copy(sample / "okrdocs.toml", target / "okrdocs.toml")
    monkeypatch.chdir(target)
    code, output = invoke("import", str(tmp_path / "okrs.csv"), "--write")
    assert code == 0, output
    code, _ = invoke("export", "-o", str(tmp_path / "again.csv"))
    again = read_rows((tmp_path / "again.csv").read_bytes())

    def key(row: dict[str, str]) -> tuple[str, str]:
        return row["objective_id"], row["kr_id"]

    assert sorted(map(key, again)) == sorted(map(key, exported))
    by_key = {key(row): row for row in again}
    for row in exported:
        other = by_key[key(row)]
        differences = {c for c in row if row[c] != other[c]}
        assert differences <= {"source"}, (key(row), differences)
    # The imported project lints exactly as the sample does.
    code, imported_lint = invoke("lint", "--format", "json")
    monkeypatch.chdir(sample)
    _, sample_lint = invoke("lint", "--format", "json")

    def findings(output: str) -> list[tuple[str, str]]:
        return sorted((d["code"], d["message"]) for d in json.loads(output))

    assert findings(imported_lint) == findings(sample_lint)


def test_new_writes_the_body_in_the_projects_language(project: TempProject) -> None:
    (project.root / "okrdocs.toml").write_text('language = "zh-CN"\n', encoding="utf-8")
    made = project.run(
        "new", "--no-interactive", "--owner", "li.na", "--objective", "扩大华东渠道覆盖"
    )
    assert made.exit_code == 0, made.output
    text = next(project.content.rglob("*.md")).read_text(encoding="utf-8")
    assert "为什么这个目标重要" in text and "Why this objective matters" not in text


def test_lint_fix_and_diff_together_is_a_usage_error(project: TempProject) -> None:
    project.write("content/q1.md", VALID_OKR.replace("target: 880", 'target: "880"'))
    before = (project.content / "q1.md").read_bytes()
    result = project.run("lint", "--fix", "--diff")
    assert result.exit_code == 2
    assert "--fix and --diff cannot be used together" in result.stderr
    assert (project.content / "q1.md").read_bytes() == before


def test_export_exits_1_when_it_left_a_file_out(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    project.write("content/sales/bad.md", "---\nobjective: [broken\n---\n")
    result = project.run("export", "-o", "out.csv")
    assert result.exit_code == 1
    assert "1 file cannot be read and is left out" in result.stderr
    rows = (project.root / "out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3  # the header and the two key results of the readable file
    project.write("content/sales/bad.md", VALID_OKR.replace("zhang.wei", "li.na"))
    assert project.run("export", "-o", "out.csv").exit_code == 0
