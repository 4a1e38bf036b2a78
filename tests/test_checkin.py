"""``okrdocs checkin`` on real files: only the intended bytes change, and bad check-ins are refused.

Every test compares whole files byte for byte: the expected file is the original with exactly
the new value and the new check-in entry spliced in by hand.
"""

from __future__ import annotations

import os
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrdocs.cli import cli
from okrdocs.loader import load_bytes, make_context

from .conftest import REPO, TempProject

ORIGINAL = """\
---
# 华东销售：本季度目标
objective: "成为华东中型制造企业首选的工业软件供应商"   # quoted on purpose
owner: zhang.wei
period: 2026-Q1

key_results:
  - id: revenue
    title: '季度销售额从 800 万元增长到 880 万元'
    baseline: 800
    target: 880
    current: 830   # from the CRM report
    unit: 万元
    actions:
      - title: 开展华东制造业市场调研
        owner: wang.fang
        due: 2026-01-31
  - id: customers
    title: 新签约客户从 0 家增加到 5 家
    baseline: 0
    target: 5
    unit: 家
    actions:
      - {title: 在苏州举办客户开放日, owner: zhao.lei, due: 2026-02-27}

checkins:
  - date: 2026-02-01
    values: {revenue: 830}
    note: Two large deals slipped to March.   # keep this comment
# a comment after the last entry
---
Body **Markdown** stays exactly as written.

- even trailing spaces   
"""  # noqa: W291

NEW_ENTRY = """\
  - date: 2026-02-10
    values: {revenue: 850, customers: 2}
    confidence: 0.6
    note: 签了两家新客户
"""

EXPECTED = (
    ORIGINAL.replace("current: 830   #", "current: 850   #")
    .replace("    target: 5\n", "    target: 5\n    current: 2\n")
    .replace(
        "    note: Two large deals slipped to March.   # keep this comment\n",
        "    note: Two large deals slipped to March.   # keep this comment\n" + NEW_ENTRY,
    )
)

CHECKIN_ARGS = (
    "checkin",
    "content/sales/east.md",
    "revenue=850",
    "customers=2",
    "--date",
    "2026-02-10",
    "--confidence",
    "0.6",
    "--note",
    "签了两家新客户",
)


def test_checkin_changes_only_the_values_and_appends_one_entry(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    result = project.run(*CHECKIN_ARGS)
    assert result.exit_code == 0, result.output
    assert "revenue 830 → 850, customers none → 2" in result.output
    assert path.read_bytes() == EXPECTED.encode("utf-8")
    assert project.run("lint", "--ignore", "OKR108").exit_code == 0


def test_checkin_keeps_windows_line_endings_and_the_byte_order_mark(project: TempProject) -> None:
    def windows(text: str) -> bytes:
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")

    path = project.write("content/sales/east.md", windows(ORIGINAL))
    result = project.run(*CHECKIN_ARGS)
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == windows(EXPECTED)


def test_checkin_by_id_for_one_key_result(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    result = project.run(
        "checkin", "sales/east", "revenue", "--value", "1,050.5", "--date", "2026-02-10"
    )
    assert result.exit_code == 0, result.output
    expected = ORIGINAL.replace("current: 830   #", "current: 1050.5   #").replace(
        "# keep this comment\n",
        "# keep this comment\n  - date: 2026-02-10\n    values: {revenue: 1050.5}\n",
    )
    assert path.read_text(encoding="utf-8") == expected


def test_first_checkin_creates_the_list_at_the_end_of_the_front_matter(
    project: TempProject,
) -> None:
    original = "---\nobjective: Ship it\nowner: ada\nperiod: 2026-Q1\nkey_results:\n" + (
        "  - id: users\n    title: Users grow from 10 to 20\n    baseline: 10\n    target: 20\n"
        "    current: 10   # measured 1 Jan\n---\n\nBody.\n"
    )
    path = project.write("content/ship.md", original)
    result = project.run(
        "checkin", "ship", "users", "--value", "12", "--date", "2026-02-02", "--author", "ada"
    )
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == original.replace(
        "# measured 1 Jan\n",
        "# measured 1 Jan\ncheckins:\n  - date: 2026-02-02\n    values: {users: 12}\n"
        "    author: ada\n",
    ).replace("current: 10 ", "current: 12 ")


def test_checkin_fills_an_empty_list(project: TempProject) -> None:
    empty = "checkins: []"
    original = (
        "---\nobjective: Ship it\nowner: ada\nperiod: 2026-Q1\nkey_results:\n"
        "  - id: users\n    title: Users grow from 10 to 20\n    baseline: 10\n    target: 20\n"
        f"{empty}\ntags: [x]\n---\n"
    )
    path = project.write("content/ship.md", original)
    result = project.run("checkin", "ship", "users=11", "--date", "2026-02-02")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == original.replace(
        "    target: 20\n", "    target: 20\n    current: 11\n"
    ).replace(empty + "\n", "checkins:\n  - date: 2026-02-02\n    values: {users: 11}\n")


def test_milestone_takes_done(project: TempProject) -> None:
    original = (
        "---\nobjective: Ship it\nowner: ada\nperiod: 2026-Q1\nkey_results:\n"
        "  - id: ga\n    title: Wizard generally available\n    type: milestone\n"
        "    done: false  # not yet\n"
        "  - id: beta\n    title: Beta with five customers\n    type: milestone\n---\n"
    )
    path = project.write("content/ship.md", original)
    result = project.run("checkin", "ship", "ga", "--done", "--date", "2026-02-02")
    assert result.exit_code == 0, result.output
    assert "ga not done → done" in result.output
    once = original.replace("done: false  #", "done: true  #") + ""
    once = once.replace(
        "type: milestone\n---\n",
        "type: milestone\ncheckins:\n  - date: 2026-02-02\n    values: {ga: true}\n---\n",
    )
    assert path.read_text(encoding="utf-8") == once
    result = project.run("checkin", "ship", "beta=done", "--date", "2026-02-03")
    assert result.exit_code == 0, result.output
    twice = once.replace(
        "    title: Beta with five customers\n    type: milestone\n",
        "    title: Beta with five customers\n    type: milestone\n    done: true\n",
    ).replace(
        "values: {ga: true}\n",
        "values: {ga: true}\n  - date: 2026-02-03\n    values: {beta: true}\n",
    )
    assert path.read_text(encoding="utf-8") == twice


def test_flow_mappings_and_unindented_lists(project: TempProject) -> None:
    original = (
        "---\nobjective: Ship it\nowner: ada\nperiod: 2026-Q1\nkey_results:\n"
        "  - {id: users, title: Users grow from 10 to 20, baseline: 10, target: 20}\n"
        "  - id: ga\n    title: GA\n    type: milestone\n"
        "checkins:\n- date: 2026-01-10\n  values: {users: 11}\n---\n"
    )
    path = project.write("content/a.md", original)
    result = project.run("checkin", "a", "users=12", "ga=done", "--date", "2026-02-01")
    assert result.exit_code == 0, result.output
    assert "users none → 12, ga not done → done" in result.output
    assert path.read_text(encoding="utf-8") == (
        original.replace("target: 20}", "target: 20, current: 12}")
        .replace("type: milestone\n", "type: milestone\n    done: true\n")
        .replace(
            "{users: 11}\n", "{users: 11}\n- date: 2026-02-01\n  values: {users: 12, ga: true}\n"
        )
    )


def test_backfilled_checkin_goes_in_date_order_and_leaves_current(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    result = project.run("checkin", "sales/east", "revenue=815", "--date", "2026-01-20")
    assert result.exit_code == 0, result.output
    assert "current values were left as they were" in result.output
    assert path.read_text(encoding="utf-8") == ORIGINAL.replace(
        "  - date: 2026-02-01\n",
        "  - date: 2026-01-20\n    values: {revenue: 815}\n  - date: 2026-02-01\n",
    )


def test_dry_run_writes_nothing(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    result = project.run(*CHECKIN_ARGS, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("would record check-in 2026-02-10")
    assert path.read_text(encoding="utf-8") == ORIGINAL


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("sales/east", "profit", "--value", "3"), "no key result 'profit' in sales/east"),
        (("sales/east", "revenue", "--value", "lots"), "'lots' is not a number"),
        (("sales/east", "revenue=nan"), "'nan' is not a number"),
        (("sales/east", "revenue=900", "--date", "2026-04-02"), "is outside 2026-Q1"),
        (("sales/east", "revenue=900", "--date", "2026-02-20"), "is in the future"),
        (
            ("sales/east", "revenue=900", "--date", "2026-02-01"),
            "the check-in of 2026-02-01 already records revenue; use --replace",
        ),
        (("sales/east", "revenue=900", "--date", "1 Feb"), "is not a date"),
        (("sales/east", "revenue=900", "--confidence", "70"), "not between 0 and 1"),
        (("sales/east",), "name at least one key result"),
        (("sales/east", "revenue"), "name one key result with --value"),
        (("sales/west", "revenue=900"), "no objective with id or path 'sales/west'"),
    ],
)
def test_refusals_leave_the_file_alone(
    project: TempProject, args: tuple[str, ...], message: str
) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    result = project.run("checkin", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == ORIGINAL


def test_unparsable_file_is_refused_with_its_diagnostics(project: TempProject) -> None:
    broken = ORIGINAL.replace("owner: zhang.wei\n", "owner: [zhang.wei\n")
    path = project.write("content/sales/east.md", broken)
    result = project.run("checkin", "content/sales/east.md", "revenue=900")
    assert result.exit_code == 1, result.output
    assert "content/sales/east.md:5:7: OKR001 invalid YAML" in result.output
    assert "has errors (listed above); fix them first" in result.output
    assert path.read_text(encoding="utf-8") == broken


def test_flow_style_checkins_are_refused_not_mangled(project: TempProject) -> None:
    original = ORIGINAL.replace(
        "checkins:\n  - date: 2026-02-01\n    values: {revenue: 830}\n"
        "    note: Two large deals slipped to March.   # keep this comment\n",
        "checkins: [{date: 2026-02-01, values: {revenue: 830}}]\n",
    )
    path = project.write("content/sales/east.md", original)
    result = project.run("checkin", "sales/east", "revenue=900", "--date", "2026-02-10")
    assert result.exit_code == 2
    assert "add the entry by hand" in result.output
    assert path.read_text(encoding="utf-8") == original


def test_a_failed_write_leaves_the_old_file(
    project: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash between writing the new file and moving it into place loses nothing."""
    path = project.write("content/sales/east.md", ORIGINAL)

    def crash(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    result = project.runner.invoke(cli, list(CHECKIN_ARGS), catch_exceptions=False)
    assert result.exit_code == 2
    assert "cannot write: no space left on the disk; the file was not changed" in result.stderr
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in path.parent.iterdir()) == ["east.md"]


def test_file_mode_is_kept(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    path.chmod(0o640)
    assert project.run(*CHECKIN_ARGS).exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o640


def _objective(path: Path):  # type: ignore[no-untyped-def]
    context = make_context(path, path.parents[1], path.parents[1])
    return load_bytes(path.read_bytes(), context).objective


def test_every_sample_objective_takes_a_checkin(project: TempProject) -> None:
    """Each objective in the bundled sample accepts a check-in; only the intended lines change."""
    for source in sorted((REPO / "content").rglob("*.md")):
        if source.name == "_index.md":
            continue
        rel = source.relative_to(REPO / "content").as_posix()
        target = project.write(f"content/{rel}", source.read_bytes())
        before = _objective(target)
        assert before is not None, rel
        kr = next(k for k in before.key_results if not k.is_milestone)
        used = {c.date for c in before.checkins}
        latest = max(used, default=before.period.start)
        backfill = latest == before.period.end
        day = before.period.end
        while day in used:
            day -= timedelta(1)
        result = project.run(
            "checkin",
            f"content/{rel}",
            f"{kr.id}=12345",
            "--date",
            day.isoformat(),
            "--as-of",
            before.period.end.isoformat(),
            "--note",
            "样例 sample",
        )
        assert result.exit_code == 0, (rel, result.output)
        after = _objective(target)
        assert after is not None
        assert after.kr(kr.id).current == (kr.current if backfill else 12345)  # type: ignore[union-attr]
        assert sorted(c.date for c in after.checkins) == sorted([*used, day])
        assert [c.date for c in after.checkins] == sorted(c.date for c in after.checkins)
        old_lines = source.read_text(encoding="utf-8").splitlines()
        new_lines = target.read_text(encoding="utf-8").splitlines()
        removed = [line for line in old_lines if line not in new_lines]
        assert all(line.strip().startswith("current:") for line in removed), (rel, removed)
        added = [line for line in new_lines if line not in old_lines]
        assert len(added) <= 5, (rel, added)  # current, date, values, note (and 'checkins:')


@settings(max_examples=80, deadline=None)
@given(
    value=st.one_of(
        st.integers(-(10**12), 10**12),
        st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    ),
    note=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60),
    author=st.from_regex(r"[a-z][a-z.\-]{0,12}", fullmatch=True),
)
def test_any_value_and_note_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, value: float, note: str, author: str
) -> None:
    """Whatever the note says (quotes, colons, '#', Chinese, control characters), it reads back."""
    from datetime import date

    from okrdocs.authoring.checkin import CheckinError, record
    from okrdocs.config import load_config

    root = tmp_path_factory.mktemp("checkin")
    (root / "okrdocs.toml").write_text('content = "content"\n', encoding="utf-8")
    path = root / "content" / "east.md"
    path.parent.mkdir()
    path.write_text(ORIGINAL, encoding="utf-8")
    config = load_config(root / "okrdocs.toml")
    try:
        record(
            config,
            path,
            {"revenue": repr(value)},
            date(2026, 2, 10),
            date(2026, 2, 15),
            note=note,
            author=author,
            cwd=root,
        )
    except CheckinError as error:
        # Refusing is allowed only for text YAML cannot hold, and then nothing is written.
        assert "could not" in error.message
        assert path.read_text(encoding="utf-8") == ORIGINAL
        return
    objective = _objective(path)
    assert objective is not None
    assert objective.kr("revenue").current == value  # type: ignore[union-attr]
    latest = objective.last_checkin
    assert latest is not None and latest.author == author
    lines = [" ".join(line.split()) for line in note.splitlines()]  # line breaks kept
    assert latest.note == ("\n".join(line for line in lines if line) or None)
    assert path.read_text(encoding="utf-8").startswith(ORIGINAL[: ORIGINAL.index("current:")])


def test_a_note_of_several_lines_keeps_its_lines(project: TempProject) -> None:
    path = project.write("content/east.md", ORIGINAL)
    note = "1. 两个大单推迟\n2.  渠道伙伴已认证\n"
    result = project.run("checkin", "east", "revenue=830", "--date", "2026-02-10", "--note", note)
    assert result.exit_code == 0, result.output
    assert '    note: "1. 两个大单推迟\\n2. 渠道伙伴已认证"\n' in path.read_text(encoding="utf-8")
    objective = _objective(path)
    assert objective is not None and objective.last_checkin is not None
    assert objective.last_checkin.note == "1. 两个大单推迟\n2. 渠道伙伴已认证"


# -- hardening: concurrency, numbers as typed, links, line endings, bad text (issue 11) --------


def _run_cli(root: Path, *args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    import subprocess
    import sys

    env = {**os.environ, "OKRDOCS_AS_OF": "2026-02-15"}
    return subprocess.run(
        [sys.executable, "-m", "okrdocs", *args], cwd=root, capture_output=True, env=env
    )


def test_two_checkins_at_once_both_land(project: TempProject) -> None:
    import subprocess
    import sys

    path = project.write("content/sales/east.md", ORIGINAL)
    env = {**os.environ, "OKRDOCS_AS_OF": "2026-02-28"}
    for round_number in range(6):
        days = (f"2026-02-{11 + 2 * round_number:02d}", f"2026-02-{12 + 2 * round_number:02d}")
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "okrdocs",
                    "checkin",
                    "content/sales/east.md",
                    f"revenue={851 + round_number}",
                    "--date",
                    day,
                ],
                cwd=project.root,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for day in days
        ]
        for run in runs:
            _, error = run.communicate(timeout=60)
            assert run.returncode == 0, error
        objective = _objective(path)
        recorded = {checkin.date.isoformat() for checkin in objective.checkins}
        assert set(days) <= recorded, (round_number, recorded)
    assert len(_objective(path).checkins) == 1 + 12


def test_numbers_are_written_as_typed_and_out_of_range_ones_refused(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    result = project.run(
        "checkin", "content/sales/east.md", "revenue=850.10", "--date", "2026-02-10"
    )
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "current: 850.10   # from the CRM report" in text
    assert "values: {revenue: 850.10}" in text
    before = path.read_bytes()
    for value in ("9007199254740993", str(10**30), "1e400", "nan"):
        refused = project.run(
            "checkin", "content/sales/east.md", f"revenue={value}", "--date", "2026-02-11"
        )
        assert refused.exit_code == 2, (value, refused.output)
        assert refused.stderr.count("\n") == 1 and refused.stderr.startswith("okrdocs: error: ")
        assert path.read_bytes() == before


def test_full_width_digits_and_a_percent_sign_when_the_unit_is_percent(
    project: TempProject,
) -> None:
    text = ORIGINAL.replace("unit: 家", 'unit: "%"')
    path = project.write("content/sales/east.md", text)
    result = project.run(
        "checkin", "content/sales/east.md", "revenue=８５０", "customers=3%", "--date", "2026-02-10"
    )
    assert result.exit_code == 0, result.output
    objective = _objective(path)
    assert objective.kr("revenue").current == 850
    assert objective.kr("customers").current == 3
    refused = project.run(
        "checkin", "content/sales/east.md", "revenue=850%", "--date", "2026-02-11"
    )
    assert refused.exit_code == 2 and "not a number; write the number alone" in refused.stderr


def test_a_symlinked_file_keeps_its_link(project: TempProject) -> None:
    real = project.write("okrs/east.md", ORIGINAL)
    link = project.content / "sales" / "east.md"
    link.parent.mkdir(parents=True)
    link.symlink_to(real)
    assert project.run(*CHECKIN_ARGS).exit_code == 0
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "current: 850" in real.read_text(encoding="utf-8")


def test_a_hard_linked_file_updates_every_name(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    other = project.root / "east-backup.md"
    os.link(path, other)
    assert project.run(*CHECKIN_ARGS).exit_code == 0
    assert os.stat(path).st_ino == os.stat(other).st_ino
    assert "current: 850" in other.read_text(encoding="utf-8")


def test_a_file_with_old_mac_line_endings_keeps_them(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL.replace("\n", "\r").encode("utf-8"))
    assert project.run(*CHECKIN_ARGS).exit_code == 0
    data = path.read_bytes()
    assert b"\n" not in data
    assert b"  - date: 2026-02-10\r" in data


def test_a_note_that_is_not_utf8_is_a_usage_error(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    result = _run_cli(
        project.root,
        "checkin",
        "content/sales/east.md",
        "revenue=850",
        "--date",
        "2026-02-10",
        "--note",
        b"bad \xff byte",
    )
    assert result.returncode == 2
    assert result.stderr.decode().startswith("okrdocs: error: --note is not valid text")
    assert b"Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == ORIGINAL


# -- two people on one day, references, metric vs milestone (issue 13) -------------------------


def test_a_second_person_on_the_same_day_joins_that_check_in(project: TempProject) -> None:
    path = project.write("content/sales/east.md", ORIGINAL)
    first = project.run(
        "checkin", "sales/east", "revenue=850", "--date", "2026-02-10", "--author", "zhang.wei",
        "--note", "Two deals signed", "--confidence", "0.7",
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    second = project.run(
        "checkin", "sales/east", "customers=2", "--date", "2026-02-10", "--author", "li.na",
        "--note", "Suzhou open day went well",
    )  # fmt: skip
    assert second.exit_code == 0, second.output
    assert "(joining that day's check-in)" in second.output
    objective = _objective(path)
    same_day = [c for c in objective.checkins if c.date.isoformat() == "2026-02-10"]
    assert len(same_day) == 1
    entry = same_day[0]
    assert entry.values == {"revenue": 850, "customers": 2}
    assert entry.author == "zhang.wei" and entry.confidence == 0.7
    assert entry.note == "Two deals signed / li.na: Suzhou open day went well"
    assert objective.kr("customers").current == 2
    # The same key result twice on one day is refused, unless replaced on purpose.
    before = path.read_bytes()
    again = project.run("checkin", "sales/east", "revenue=860", "--date", "2026-02-10")
    assert again.exit_code == 2 and "already records revenue; use --replace" in again.stderr
    assert path.read_bytes() == before
    replaced = project.run(
        "checkin", "sales/east", "revenue=860", "--date", "2026-02-10", "--replace"
    )
    assert replaced.exit_code == 0, replaced.output
    assert _objective(path).kr("revenue").current == 860
    assert [c.values for c in _objective(path).checkins if c.date.isoformat() == "2026-02-10"] == [
        {"revenue": 860, "customers": 2}
    ]


def test_objective_references_as_people_type_them(project: TempProject) -> None:
    project.write(
        "content/sales/east.md",
        ORIGINAL.replace("owner: zhang.wei\n", "owner: zhang.wei\nid: sales/east-china\n"),
    )
    by_path = project.run("checkin", "sales/east", "revenue=850", "--date", "2026-02-10")
    assert by_path.exit_code == 0, (
        by_path.output
    )  # the path-style id, though the file declares another
    typo = project.run("checkin", "sales/east-chian", "revenue=850", "--date", "2026-02-11")
    assert typo.exit_code == 2 and "did you mean 'sales/east-china'?" in typo.stderr


def test_done_on_a_metric_explains_itself(project: TempProject) -> None:
    project.write("content/sales/east.md", ORIGINAL)
    result = project.run("checkin", "sales/east", "revenue", "--done", "--date", "2026-02-10")
    assert result.exit_code == 2
    assert "key result 'revenue' is a metric: give its value" in result.stderr


def test_lists_left_empty_read_as_no_items_and_checkin_fills_them(project: TempProject) -> None:
    text = (
        "---\nobjective: 成为华东中型制造企业首选的工业软件供应商\nowner: zhang.wei\n"
        "period: 2026-Q1\nkey_results:\n  - id: revenue\n    title: 季度销售额从 800 万元增长到 880 万元\n"
        "    baseline: 800\n    target: 880\n    unit: 万元\n    actions:\ntags:\ncheckins:\n---\n"
    )
    path = project.write("content/east.md", text)
    linted = project.run("lint", "content/east.md")
    assert "OKR002" not in linted.stdout, linted.stdout
    result = project.run("checkin", "east", "revenue=830", "--date", "2026-02-10")
    assert result.exit_code == 0, result.output
    objective = _objective(path)
    assert objective is not None and len(objective.checkins) == 1
