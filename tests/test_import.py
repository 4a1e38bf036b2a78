"""okrdocs import with the spreadsheets teams really have (issue 13, items 1-4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import REPO, SAMPLE_AS_OF, TempProject

HEADER = "objective,owner,team,period,kr_title,baseline,target,current,unit\n"


def test_two_objectives_with_one_file_name_get_distinct_names(project: TempProject) -> None:
    # All-Chinese objectives take their file name from the owner: both would be 2026-q4-li-na.md.
    sheet = project.write(
        "sheet.csv",
        HEADER
        + "成为华东首选供应商,li.na,sales,2026-Q4,销售额从 800 万元增长到 880 万元,800,880,,万元\n"
        + "让老客户续约,li.na,sales,2026-Q4,续约率从 70% 提升到 85%,70,85,,%\n",
    )
    dry = project.run("import", str(sheet))
    assert dry.exit_code == 0, dry.output
    assert "would create content/sales/2026-q4-li-na.md (1 key result)" in dry.output
    assert (
        "would create content/sales/2026-q4-li-na-2.md (1 key result); "
        "content/sales/2026-q4-li-na.md is another objective's" in dry.output
    )
    wrote = project.run("import", str(sheet), "--write")
    assert wrote.exit_code == 0, wrote.output
    assert sorted(p.name for p in (project.content / "sales").iterdir()) == [
        "2026-q4-li-na-2.md",
        "2026-q4-li-na.md",
    ]
    assert "OKR003" not in project.run("lint").stdout


def test_a_file_name_matches_only_the_objective_it_states(project: TempProject) -> None:
    """Re-importing the sheet changes nothing; a new objective of the same owner and quarter
    (the same file name) is a new file, never an update of the other one (data loss)."""
    rows = (
        "成为华东首选供应商,li.na,sales,2026-Q4,销售额从 800 万元增长到 880 万元,800,880,,万元\n"
        "让老客户续约,li.na,sales,2026-Q4,续约率从 70% 提升到 85%,70,85,,%\n"
    )
    sheet = project.write("sheet.csv", HEADER + rows)
    assert project.run("import", str(sheet), "--write").exit_code == 0
    before = {p.name: p.read_bytes() for p in (project.content / "sales").iterdir()}
    again = project.run("import", str(sheet), "--write", "--update")
    assert again.exit_code == 0, again.output
    assert "unchanged content/sales/2026-q4-li-na.md" in again.output
    assert "unchanged content/sales/2026-q4-li-na-2.md" in again.output
    assert {p.name: p.read_bytes() for p in (project.content / "sales").iterdir()} == before
    other = project.write(
        "other.csv", HEADER + "开拓华南渠道,li.na,sales,2026-Q4,渠道从 6 家到 12 家,6,12,,家\n"
    )
    added = project.run("import", str(other), "--write", "--update")
    assert added.exit_code == 0, added.output
    assert "created content/sales/2026-q4-li-na-3.md" in added.output
    for name, data in before.items():
        assert (project.content / "sales" / name).read_bytes() == data


def test_imports_run_at_once_never_print_a_traceback_or_claim_a_file_they_did_not_make(
    project: TempProject,
) -> None:
    import subprocess
    import sys

    for number in range(2):
        project.write(
            f"s{number}.csv",
            HEADER + f"目标{number},li.na,sales,2026-Q4,销售额从 800 增长到 880,800,880,,万元\n",
        )
    for _round in range(4):
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "okrdocs", "import", f"s{n}.csv", "--write"],
                cwd=project.root,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(2)
        ]
        for run in runs:
            out, err = run.communicate(timeout=60)
            assert "Traceback" not in err, err
            assert run.returncode in (0, 1), err
            for line in out.splitlines():
                if line.startswith("created "):
                    made = line.split()[1]
                    assert (project.root / made).is_file()
            if run.returncode == 1:
                assert "was created by another command meanwhile" in err
                assert "created " not in out
        for made in (project.content / "sales").glob("*.md"):
            made.unlink()


@pytest.fixture
def sample(project: TempProject) -> TempProject:
    shutil.copytree(REPO / "content", project.content, dirs_exist_ok=True)
    shutil.copy(REPO / "okrdocs.toml", project.root / "okrdocs.toml")
    return project


def test_importing_an_export_into_its_own_project_changes_nothing(sample: TempProject) -> None:
    assert sample.run("export", "-o", "okrs.csv", "--as-of", SAMPLE_AS_OF).exit_code == 0
    before = {p: p.read_bytes() for p in sample.content.rglob("*.md")}
    result = sample.run("import", "okrs.csv", "--write")
    assert result.exit_code == 0, result.output
    assert "Nothing to create or update." in result.output
    assert result.output.count("unchanged ") == 7
    assert {p: p.read_bytes() for p in sample.content.rglob("*.md")} == before


def test_export_import_export_is_byte_identical(sample: TempProject, tmp_path: Path) -> None:
    import os

    assert (
        sample.run("export", "-o", str(tmp_path / "first.csv"), "--as-of", SAMPLE_AS_OF).exit_code
        == 0
    )
    other = tmp_path / "other"
    (other / "content").mkdir(parents=True)
    shutil.copy(REPO / "okrdocs.toml", other / "okrdocs.toml")
    os.chdir(other)
    result = sample.run("import", str(tmp_path / "first.csv"), "--write")
    assert result.exit_code == 0, result.output
    assert (
        sample.run("export", "-o", str(tmp_path / "second.csv"), "--as-of", SAMPLE_AS_OF).exit_code
        == 0
    )
    assert (tmp_path / "second.csv").read_bytes() == (tmp_path / "first.csv").read_bytes()
    # ... and okrdocs diff sees no change between the original files and the imported ones.
    diff = sample.run(
        "diff", "--paths", str(sample.content), str(other / "content"), "--as-of", SAMPLE_AS_OF
    )
    assert diff.exit_code == 0, diff.output
    assert diff.stdout.startswith("No OKR changes")


def test_changed_values_are_applied_only_with_update(sample: TempProject) -> None:
    assert sample.run("export", "-o", "okrs.csv", "--as-of", SAMPLE_AS_OF).exit_code == 0
    sheet = sample.root / "okrs.csv"
    text = sheet.read_text(encoding="utf-8-sig")
    assert ",800,880,845," in text
    sheet.write_text(text.replace(",800,880,845,", ",800,900,845,", 1), encoding="utf-8-sig")
    path = sample.content / "sales" / "2026-q4-east-china.md"
    original = path.read_text(encoding="utf-8")
    refused = sample.run("import", "okrs.csv", "--write")
    assert refused.exit_code == 1
    assert "exists and differs (revenue.target: 880 → 900); use --update" in refused.stderr
    assert path.read_text(encoding="utf-8") == original
    updated = sample.run("import", "okrs.csv", "--write", "--update")
    assert updated.exit_code == 0, updated.output
    assert (
        "updated content/sales/2026-q4-east-china.md: revenue.target: 880 → 900" in updated.output
    )
    # Only the changed value's bytes changed: comments, order and the body are as they were.
    assert path.read_text(encoding="utf-8") == original.replace("target: 880", "target: 900", 1)


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8", None),
        ("utf-8-sig", "UTF-8 with a byte-order mark"),
        ("gb18030", "GB18030 (GBK, as Chinese Excel saves CSV)"),
        ("utf-16", "UTF-16"),
    ],
)
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_real_spreadsheets_chinese_headers_encodings_and_separators(
    project: TempProject, encoding: str, reported: str | None, separator: str
) -> None:
    rows = [
        ["目标", "负责人", "团队", "周期", "关键结果", "基线", "目标值", "当前值", "单位", "备注"],
        [
            "成为华东首选供应商",
            "li.na",
            "sales",
            "2026-Q4",
            "销售额从 800 万元增长到 880 万元",
            "800",
            "880",
            "",
            "万元",
            "见周会",
        ],
    ]
    text = "\n".join(separator.join(row) for row in rows) + "\n"
    sheet = project.write("sheet.csv", text.encode(encoding))
    result = project.run("import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "would create content/sales/2026-q4-li-na.md (1 key result)" in result.stdout
    assert "okrdocs: ignored columns: 备注" in result.stderr
    name = {",": "comma", ";": "semicolon", "\t": "tab"}[separator]
    if reported or separator != ",":
        assert f"as {reported or 'UTF-8'}, {name}-separated" in result.stderr


def test_headers_in_any_case_and_a_column_given_twice(project: TempProject) -> None:
    sheet = project.write(
        "sheet.csv",
        "Objective,OWNER,Period,KR Title,Baseline,Target\nO,ada,2026-Q1,Users from 1 to 2,1,2\n",
    )
    assert project.run("import", str(sheet)).exit_code == 0
    sheet = project.write("sheet.csv", "objective,owner,period,kr_title,负责人\n")
    result = project.run("import", str(sheet))
    assert result.exit_code == 2
    assert "the column 'owner' is given twice (columns 2 and 5" in result.stderr


def test_row_numbers_are_the_rows_that_are_wrong(project: TempProject) -> None:
    sheet = project.write(
        "sheet.csv",
        HEADER
        + 'O,ada,,2026-Q1,"Users\nfrom 1 to 2",1,2,,users\n'  # a cell over two lines: row 2
        + "\n"  # a blank row: row 3
        + "P,ada,,2026-Q1,Users from 1 to 2,one,2,,users\n",  # row 4
    )
    result = project.run("import", str(sheet))
    assert result.exit_code == 1
    assert f"{sheet}:4: baseline 'one' is not a number" in result.stderr


def test_help_import_lists_every_column(project: TempProject) -> None:
    from okrdocs.authoring.spreadsheet import COLUMNS

    result = project.run("help", "import")
    assert result.exit_code == 0
    for column in COLUMNS:
        assert column.name in result.stdout
    assert "负责人" in result.stdout


def test_a_failed_write_removes_what_it_wrote(
    project: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    import okrdocs.fileio

    sheet = project.write(
        "sheet.csv",
        HEADER
        + "Alpha objective,ada,,2026-Q1,Users from 1 to 2,1,2,,users\n"
        + "Beta objective,ada,,2026-Q1,Users from 1 to 2,1,2,,users\n",
    )
    real = okrdocs.fileio.create_new
    calls: list[Path] = []

    def fail_second(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(okrdocs.fileio, "create_new", fail_second)
    with pytest.raises(OSError):
        project.runner.invoke(
            __import__("okrdocs.cli").cli.cli,
            ["import", str(sheet), "--write"],
            catch_exceptions=False,
        )
    assert list(project.content.rglob("*.md")) == []


def test_a_chinese_sheet_written_as_people_write_it(project: TempProject) -> None:
    """What checkin and lint --fix accept, import accepts too: 85% in a % key result, 70%
    confidence, 是/否, 里程碑, 2026年Q4; problems name the sheet's own column headers."""
    sheet = project.write(
        "v.csv",
        "目标,负责人,周期,关键结果,关键结果类型,完成,基线,目标值,当前值,单位,信心,权重\n"
        "让华东客户愿意续约,zhang.wei,2026年Q4,上线门户,里程碑,是,,,,,70%,50%\n"
        "让华东客户愿意续约,zhang.wei,2026年Q4,续约率从 80% 到 90%,,,80%,90%,85%,%,0.7,\n"
        "让华东客户愿意推荐,li.na,2026年第四季度,推荐数从 1 到 5,指标,,1,5,,,,\n",
    )
    wrote = project.run("import", str(sheet), "--write")
    assert wrote.exit_code == 0, wrote.output
    texts = {p.name: p.read_text(encoding="utf-8") for p in project.content.rglob("*.md")}
    renewal = texts["2026-q4-zhang-wei.md"]
    assert "period: 2026-Q4" in renewal
    assert "type: milestone\n  done: true\n  weight: 0.5\n  confidence: 0.7" in renewal
    assert "baseline: 80\n  target: 90\n  current: 85\n  unit: '%'" in renewal
    assert "period: 2026-Q4" in texts["2026-q4-li-na.md"]
    assert project.run("lint").exit_code in (0, 1)  # valid files: only warnings, if any
    assert "OKR002" not in project.run("lint").stdout
    bad = project.write(
        "w.csv", "目标,负责人,周期,关键结果,基线,完成\n让客户续约,ada,2026-Q4,续约,八十,也许\n"
    )
    refused = project.run("import", str(bad))
    assert "w.csv:2: 基线 '八十' is not a number" in refused.stderr
    assert "w.csv:2: 完成 '也许' must be true or false" in refused.stderr
