"""Hostile and broken input never crashes a command, and never reaches one downstream (issue 11).

Each test here is a regression test for a crash or a loss an audit found; the fuzzers are in
tests/test_fuzz.py.
"""

from __future__ import annotations

import json

import pytest

from .conftest import VALID_OKR, TempProject


def strict_json(text: str) -> dict:  # type: ignore[type-arg]
    """JSON as other parsers read it: Infinity and NaN are not JSON."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in JSON output")

    return json.loads(text, parse_constant=refuse)  # type: ignore[no-any-return]


BAD_NUMBERS = [
    ("baseline: 800", "baseline: -1e400"),
    ("target: 880", "target: 1e400"),
    ("target: 880", "target: 1" + "0" * 400),
    ("target: 880", "target: " + "9" * 5000),
    ("target: 880", "target: 0x" + "f" * 5000),
    ("current: 830", "current: !!float nan"),
    ("confidence: 0.7", "confidence: !!float nan"),
    ("unit: 万元", "unit: 万元\n    weight: 1e400"),
    ("unit: 万元", "unit: 万元\n    weight: !!float inf"),
]


@pytest.mark.parametrize(("old", "new"), BAD_NUMBERS)
def test_a_bad_number_is_a_lint_error_and_left_out_downstream(
    project: TempProject, old: str, new: str
) -> None:
    project.write("content/sales/good.md", VALID_OKR)
    project.write("content/sales/bad.md", VALID_OKR.replace(old, new, 1))
    linted = project.run("lint")
    assert linted.exit_code == 1
    assert "content/sales/bad.md:" in linted.stdout and "OKR002" in linted.stdout
    built = project.run("build", "--no-lint")
    assert built.exit_code == 0, built.output
    assert project.run("status").exit_code == 0
    exported = project.run("export", "--format", "json")
    assert exported.exit_code == 1  # the bad file is left out, and the exit status says so
    data = strict_json(exported.stdout)
    assert len(data["objectives"]) == 1
    site = strict_json((project.root / "site" / "okrs.json").read_text(encoding="utf-8"))
    assert len(site["objectives"]) == 1
    assert project.run("export", "--format", "csv").exit_code == 1  # the bad file left out


def test_people_and_teams_named_index_do_not_replace_the_sites_own_pages(
    project: TempProject,
) -> None:
    project.write(
        "content/index/q1.md",
        VALID_OKR.replace("owner: zhang.wei", "owner: index\nteam: index"),
    )
    assert project.run("build", "-q").exit_code == 0
    site = project.root / "site"
    people = (site / "people" / "index.html").read_text(encoding="utf-8")
    teams = (site / "teams" / "index.html").read_text(encoding="utf-8")
    assert "All people" in people and "All teams" in teams
    person = (site / "people" / "index-2.html").read_text(encoding="utf-8")
    assert "成为华东中型制造企业首选的工业软件供应商" in person
    assert (site / "teams" / "index-2.html").exists()


def test_links_leading_outside_and_special_files_are_never_read(
    project: TempProject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import os

    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text(
        VALID_OKR.replace("Free Markdown: context", "TOP SECRET body"), encoding="utf-8"
    )
    project.write("content/sales/q1.md", VALID_OKR)
    (project.content / "sales" / "leak.md").symlink_to(outside)
    (project.content / "sales" / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(project.content / "sales" / "pipe.md")
    inside = project.write("notes/inside.md", VALID_OKR.replace("owner: zhang.wei", "owner: li.na"))
    (project.content / "sales" / "linked.md").symlink_to(inside)
    # A folder whose name ends in .md is a folder: walked into, not read as a file.
    project.write("content/archive.md/q2.md", VALID_OKR.replace("owner: zhang.wei", "owner: li.na"))

    linted = project.run("lint")  # would hang on the FIFO, or read /dev/zero forever
    assert linted.exit_code == 0, linted.output
    assert "All checks passed (3 files checked)." in linted.stdout
    assert "okrdocs: skipped content/sales/leak.md: a link to outside the project" in linted.stderr
    assert "okrdocs: skipped content/sales/zero.md: a link to outside the project" in linted.stderr
    assert "okrdocs: skipped content/sales/pipe.md: not a regular file" in linted.stderr
    assert project.run("build", "-q").exit_code == 0
    site = project.root / "site"
    assert not any("TOP SECRET" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert (site / "people" / "li.na.html").exists()  # a link inside the project is followed

    named = project.run("lint", "content/sales/pipe.md")  # named on the command line
    assert named.exit_code == 1
    assert "content/sales/pipe.md:1:1: OKR001 not a regular file" in named.stdout


@pytest.mark.parametrize(
    "value",
    [
        "[" * 50_000 + "]" * 50_000,
        "{a: " * 50_000 + "b" + "}" * 50_000,
        "\n  " + "- " * 50_000 + "x",
    ],
    ids=["flow lists", "flow mappings", "block lists on one line"],
)
def test_yaml_nested_past_what_libyaml_composes_is_a_diagnostic(
    project: TempProject, value: str
) -> None:
    """libyaml composes nesting by recursion in C: 50,000 levels in 100 KB crashed every command
    (SIGSEGV). Run as real processes, so that a crash fails the test instead of the test run."""
    import subprocess
    import sys

    project.write("content/sales/q1.md", VALID_OKR)
    project.write(
        "content/team/deep.md",
        f"---\nobjective: {value}\nowner: ada\nperiod: 2026-Q1\nkey_results:\n  - title: t\n---\n",
    )
    for command in (
        ["lint"],
        ["status"],
        ["export", "-o", "out.csv"],
        ["build", "--no-lint", "-q"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "okrdocs", *command],
            cwd=project.root,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode in (0, 1), (command, done.returncode, done.stderr[-500:])
        assert "Traceback" not in done.stderr
        if command == ["lint"]:
            assert "content/team/deep.md:" in done.stdout
            assert "OKR001 the YAML nests too deeply" in done.stdout


def test_a_link_named_on_the_command_line_leading_outside_is_neither_read_nor_written(
    project: TempProject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    text = VALID_OKR.replace("target: 880", "target: 880万").replace("unit: 万元", "ownr: x")
    outside.write_text(text, encoding="utf-8")
    project.write("content/sales/q1.md", VALID_OKR)
    (project.content / "sales" / "link.md").symlink_to(outside)
    inside = project.write("notes/inside.md", VALID_OKR)
    (project.content / "sales" / "inner.md").symlink_to(inside)

    for args in (["lint", "content/sales/link.md"], ["lint", "--fix", "content/sales/link.md"]):
        result = project.run(*args)
        assert result.exit_code == 1
        assert (
            "content/sales/link.md:1:1: OKR001 a link to outside the project; okrdocs reads only "
            "files inside the project" in result.stdout
        )
        assert "880万" not in result.output  # nothing of the outside file is quoted
    checkin = project.run("checkin", "content/sales/link.md", "revenue=850", "--date", "2026-02-10")
    assert checkin.exit_code != 0
    assert "a link to outside the project" in checkin.stderr
    assert outside.read_text(encoding="utf-8") == text  # never written
    # A link that stays inside the project is read like the file it names.
    assert project.run("lint", "content/sales/inner.md").exit_code == 0
    recorded = project.run(
        "checkin", "content/sales/inner.md", "revenue=850", "--date", "2026-02-10"
    )
    assert recorded.exit_code == 0, recorded.output
    assert "revenue: 850" in inside.read_text(encoding="utf-8")


def test_a_file_over_the_size_limit_is_refused_with_a_diagnostic(project: TempProject) -> None:
    body = "A very long body line.\n" * 100_000  # 2.3 MB
    project.write("content/sales/huge.md", VALID_OKR + body)
    result = project.run("lint")
    assert result.exit_code == 1
    assert (
        "content/sales/huge.md:1:1: OKR001 the file is 2.2 MB; OKR files are read up to 1 MB"
        in result.stdout
    )
    assert project.run("build", "--no-lint", "-q").exit_code == 0


def test_csv_export_never_writes_a_formula_and_imports_it_back_as_text(
    project: TempProject,
) -> None:
    import csv
    import io

    risky = (
        VALID_OKR.replace(
            "objective: 成为华东中型制造企业首选的工业软件供应商",
            'objective: =HYPERLINK("http://evil.example","click")',
        )
        .replace("unit: 万元", "unit: '@SUM(A1:A9)'")
        .replace("owner: zhang.wei", "owner: '+ada'")
    )
    project.write("content/sales/q1.md", risky)
    exported = project.run("export", "-o", "okrs.csv")
    assert exported.exit_code == 0, exported.output
    raw = (project.root / "okrs.csv").read_bytes().decode("utf-8-sig")
    for row in csv.reader(io.StringIO(raw, newline="")):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            if cell.startswith("-"):
                float(cell)  # only numbers may start with a minus sign
    assert "'=HYPERLINK(" in raw and "'@SUM(A1:A9)" in raw and "'+ada" in raw
    # Imported into an empty project, the text is what the file said, without the quote.
    other = project.root / "other"
    (other / "content").mkdir(parents=True)
    (other / "okrdocs.toml").write_text('content = "content"\n', encoding="utf-8")
    import os

    os.chdir(other)
    assert project.run("import", str(project.root / "okrs.csv"), "--write").exit_code == 0
    written = next((other / "content").rglob("*.md")).read_text(encoding="utf-8")
    assert 'objective: =HYPERLINK("http://evil.example","click")' in written
    assert "unit: '@SUM(A1:A9)'" in written and "owner: +ada" in written


HEADER = "objective,owner,team,period,kr_title,baseline,target,current,unit,actions\n"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "cr-only",
            (HEADER + "O,ada,,2026-Q1,Activation from 30% to 45%,30,45,,%,\n").replace("\n", "\r"),
            None,
        ),
        (
            "huge cell",
            HEADER + "O,ada,,2026-Q1," + "x" * (2 << 20) + ",30,45,,%,\n",
            "row 2: field larger than field limit",
        ),
        ("stray quote", HEADER + 'O,ada,,2026-Q1,"Activation\n', "row 2: unexpected end of data"),
    ],
    ids=["cr-only", "huge-cell", "stray-quote"],
)
def test_odd_csv_files_are_read_or_refused_with_their_row(
    project: TempProject, name: str, data: str, message: str | None
) -> None:
    sheet = project.write("sheet.csv", data.encode("utf-8"))
    result = project.run("import", str(sheet))
    assert "Traceback" not in result.output
    if message is None:
        assert result.exit_code == 0, result.output
        assert "would create content/2026-q1-o.md (1 key result)" in result.output
    else:
        assert result.exit_code == 2, result.output
        assert message in result.stderr and result.stderr.count("\n") == 1


def test_text_output_escapes_control_characters_from_files(project: TempProject) -> None:
    # A key with a newline would forge a diagnostic line for another file; an OSC sequence
    # would retitle the terminal even through a pipe.
    forged = VALID_OKR.replace(
        "owner: zhang.wei\n",
        'owner: zhang.wei\n"x\\ncontent/other.md:1:1: OKR001 forged\\u001b]0;pwned\\u0007": 1\n',
    )
    project.write("content/sales/q1.md", forged)
    for output_format in ("text", "github", "junit"):
        result = project.run("lint", "--format", output_format, "--no-color")
        assert result.exit_code == 1
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\ncontent/other.md:1:1" not in result.stdout
    text = project.run("lint").stdout
    assert "unknown field 'x\\x0acontent/other.md:1:1: OKR001 forged\\x1b]0;pwned\\x07'" in text
    junit = project.run("lint", "--format", "junit").stdout
    import xml.etree.ElementTree as ET

    ET.fromstring(junit)  # well-formed XML


def test_status_and_diff_escape_control_characters(project: TempProject) -> None:
    project.write(
        "content/sales/q1.md",
        VALID_OKR.replace(
            "objective: 成为华东中型制造企业首选的工业软件供应商",
            'objective: "Take \\e]0;pwned\\a over"',
        ),
    )
    status = project.run("status", "--no-color")
    assert status.exit_code == 0, status.output
    assert "\x1b" not in status.stdout and "Take \\x1b]0;pwned\\x07 over" in status.stdout
