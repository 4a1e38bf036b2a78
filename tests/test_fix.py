"""Safe fixes: ``okrdocs lint --fix`` and ``--diff`` on real files through the CLI, byte for
byte, and the fixes themselves (okrdocs.fixes, okrdocs.authoring.fix)."""

from __future__ import annotations

import json

import pytest

from okrdocs.authoring.fix import suppress
from okrdocs.rules import RULES
from okrdocs.rules.docs import rule_page

from .conftest import VALID_OKR, TempProject

# VALID_OKR with what people type: a unit in the target, a mistyped field, a percentage for a
# share, and no baseline where the title says "从 800 万元增长到 880 万元".
BROKEN = (
    VALID_OKR.replace("    baseline: 800\n    target: 880\n", "    target: 880万  # 季度目标\n")
    .replace("    current: 830\n    unit: 万元\n", "    current: 830\n    ownr: li.na\n")
    .replace("    confidence: 0.7\n", "    confidence: 70%\n")
)
FIXED = VALID_OKR.replace(
    "    baseline: 800\n    target: 880\n    current: 830\n    unit: 万元\n",
    "    baseline: 800\n    target: 880  # 季度目标\n    unit: 万元\n    current: 830\n"
    "    owner: li.na\n",
)


def test_fix_changes_only_the_fixed_bytes(project: TempProject) -> None:
    path = project.write("content/sales/q1.md", BROKEN)
    result = project.run("lint", "--fix")
    assert path.read_text(encoding="utf-8") == FIXED
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "content/sales/q1.md:9:13: fixed OKR002: Write 880 and move the unit to 'unit: 万元'\n"
        "content/sales/q1.md:9:13: fixed OKR202: Add 'baseline: 800' from the title\n"
        "content/sales/q1.md:11:5: fixed OKR002: Rename 'ownr' to 'owner'\n"
        "content/sales/q1.md:29:17: fixed OKR002: Write 0.7\n"
        "Fixed 4 problems in 1 file.\n"
        "All checks passed (1 file checked).\n"
    )


def test_a_second_fix_changes_nothing(project: TempProject) -> None:
    path = project.write("content/sales/q1.md", BROKEN)
    project.run("lint", "--fix")
    fixed = path.read_bytes()
    again = project.run("lint", "--fix")
    assert path.read_bytes() == fixed
    assert again.exit_code == 0
    assert again.stdout == "All checks passed (1 file checked).\n"


def test_fix_keeps_crlf_line_endings_and_the_byte_order_mark(project: TempProject) -> None:
    raw = b"\xef\xbb\xbf" + BROKEN.replace("\n", "\r\n").encode("utf-8")
    path = project.write("content/sales/q1.md", raw)
    result = project.run("lint", "--fix")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def test_diff_shows_the_fixes_and_writes_nothing(project: TempProject) -> None:
    path = project.write("content/sales/q1.md", BROKEN)
    result = project.run("lint", "--diff")
    assert path.read_text(encoding="utf-8") == BROKEN
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/content/sales/q1.md\n"
        "+++ b/content/sales/q1.md\n"
        "@@ -6,9 +6,11 @@\n"
        " key_results:\n"
        "   - id: revenue\n"
        "     title: 季度销售额从 800 万元增长到 880 万元\n"
        "-    target: 880万  # 季度目标\n"
        "+    baseline: 800\n"
        "+    target: 880  # 季度目标\n"
        "+    unit: 万元\n"
        "     current: 830\n"
        "-    ownr: li.na\n"
        "+    owner: li.na\n"
        "     actions:\n"
        "       - title: 开展华东制造业市场调研\n"
        "         owner: wang.fang\n"
        "@@ -26,7 +28,7 @@\n"
        " checkins:\n"
        "   - date: 2026-02-01\n"
        "     values: {revenue: 830}\n"
        "-    confidence: 70%\n"
        "+    confidence: 0.7\n"
        "     note: Two large deals slipped to March.\n"
        " ---\n"
        " Free Markdown: context, why this matters, retrospective.\n"
    )
    assert "Would fix 4 problems in 1 file; run with --fix to apply." in result.stderr


def test_diff_on_a_file_with_nothing_to_fix_exits_zero(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    result = project.run("lint", "--diff")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_a_fix_that_would_not_parse_is_not_written(project: TempProject) -> None:
    # The lossless editor adds a field to a flow mapping before its '}', which after a
    # trailing comma makes ', ,': the result is read back, refused, and the file kept.
    text = VALID_OKR.replace(
        "  - id: customers\n    title: 新签约客户从 0 家增加到 5 家\n    baseline: 0\n    target: 5\n"
        "    unit: 家\n    actions:\n      - title: 在苏州举办客户开放日\n        owner: zhao.lei\n"
        "        due: 2026-02-27\n",
        "  - {id: customers, title: 新签约客户从 0 家增加到 5 家, baseline: 0, target: 5家, }\n",
    )
    path = project.write("content/sales/q1.md", text)
    result = project.run("lint", "--fix")
    assert path.read_text(encoding="utf-8") == text
    assert result.exit_code == 1
    assert "not fixed OKR002: the fix would not leave a valid file; fix it by hand" in result.stdout
    assert "OKR002 key_results[1].target must be a number, not the text '5家'" in result.stdout


def test_fix_reports_what_remains(project: TempProject) -> None:
    project.write("content/sales/q1.md", BROKEN.replace("owner: zhang.wei", "owner: "))
    result = project.run("lint", "--fix")
    assert result.exit_code == 1
    # Without an owner the quality rules do not run (OKR202 waits for the file to be valid).
    assert "Fixed 3 problems in 1 file." in result.stdout
    assert "OKR002 owner is empty; write text" in result.stdout


def test_machine_formats_keep_stdout_for_the_report(project: TempProject) -> None:
    project.write("content/sales/q1.md", BROKEN)
    result = project.run("lint", "--fix", "--format", "json")
    assert json.loads(result.stdout) == []
    assert "Fixed 4 problems in 1 file." in result.stderr


def test_suppressed_findings_are_not_fixed(project: TempProject) -> None:
    text = BROKEN.replace("880万  # 季度目标", "880  # okrdocs: ignore[OKR202]").replace(
        "    ownr: li.na\n", "    unit: 万元\n"
    )
    text = text.replace("confidence: 70%", "confidence: 0.7")
    path = project.write("content/sales/q1.md", text)
    result = project.run("lint", "--fix")
    assert path.read_text(encoding="utf-8") == text
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("confidence: 70%", "confidence: 0.7"),
        ("confidence: 70", "confidence: 0.7"),
        ("confidence: 12.5%", "confidence: 0.125"),
        ("confidence: 100", "confidence: 1"),
        ("confidence: 7", None),  # 7 out of 10, or 7%? for the author to say
    ],
)
def test_percentages_become_shares(project: TempProject, written: str, fixed: str | None) -> None:
    path = project.write("content/sales/q1.md", VALID_OKR.replace("confidence: 0.7", written))
    project.run("lint", "--fix")
    expected = VALID_OKR.replace("confidence: 0.7", fixed or written)
    assert path.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # The unit the key result declares already: only the number is written.
        (
            "    target: 880万\n    current: 830\n    unit: 万元\n",
            "    target: 880\n    current: 830\n    unit: 万元\n",
        ),
        # Another unit than the one declared: which is meant is for the author to say.
        ("    target: 880家\n    current: 830\n    unit: 万元\n", None),
        # Thousands separators in quotes.
        (
            '    target: "1,000"\n    current: 830\n    unit: 万元\n',
            "    target: 1000\n    current: 830\n    unit: 万元\n",
        ),
    ],
)
def test_units_in_numbers(project: TempProject, before: str, after: str | None) -> None:
    original = "    target: 880\n    current: 830\n    unit: 万元\n"
    text = VALID_OKR.replace(original, before)
    path = project.write("content/sales/q1.md", text)
    project.run("lint", "--fix")
    assert path.read_text(encoding="utf-8") == (
        text if after is None else text.replace(before, after)
    )


def test_a_misspelt_field_is_not_renamed_onto_an_existing_one(project: TempProject) -> None:
    text = VALID_OKR.replace(
        "    unit: 万元\n", "    unit: 万元\n    ownr: li.na\n    owner: li.na\n"
    )
    path = project.write("content/sales/q1.md", text)
    result = project.run("lint", "--diff")
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == text


def test_a_unit_from_the_title(project: TempProject) -> None:
    text = VALID_OKR.replace("    target: 5\n    unit: 家\n", "    target: 5\n")
    path = project.write("content/sales/q1.md", text)
    project.run("lint", "--fix")
    assert path.read_text(encoding="utf-8") == VALID_OKR


def test_no_baseline_when_the_title_disagrees(project: TempProject) -> None:
    # The title says 880, the target is 900: the title's 800 may be as wrong as its 880.
    text = VALID_OKR.replace("    baseline: 800\n    target: 880\n", "    target: 900\n")
    path = project.write("content/sales/q1.md", text)
    project.run("lint", "--fix")
    assert path.read_text(encoding="utf-8") == text


# -- "ignore this rule on this line" (a quick fix in editors, never --fix) ----------------------


def test_suppress_adds_a_comment_to_the_line() -> None:
    raw = VALID_OKR.encode("utf-8")
    fixed = suppress(raw, 8, "OKR203")
    assert fixed is not None
    assert fixed.decode("utf-8") == VALID_OKR.replace(
        "    title: 季度销售额从 800 万元增长到 880 万元\n",
        "    title: 季度销售额从 800 万元增长到 880 万元  # okrdocs: ignore[OKR203]\n",
    )
    again = suppress(fixed, 8, "OKR208")
    assert again is not None and b"# okrdocs: ignore[OKR203, OKR208]\n" in again


def test_suppress_keeps_crlf_and_refuses_to_change_a_value() -> None:
    raw = VALID_OKR.replace("\n", "\r\n").encode("utf-8")
    fixed = suppress(raw, 3, "OKR108")
    assert fixed == raw.replace(
        b"owner: zhang.wei\r\n", b"owner: zhang.wei  # okrdocs: ignore[OKR108]\r\n"
    )
    block = VALID_OKR.replace(
        "note: Two large deals slipped to March.", "note: |\n      Two deals."
    )
    line = block.splitlines().index("      Two deals.") + 1
    assert suppress(block.encode("utf-8"), line, "OKR401") is None


def test_suppress_outside_the_yaml_ignores_the_rule_in_the_file() -> None:
    fixed = suppress(VALID_OKR.encode("utf-8"), 1, "OKR204")
    assert fixed is not None
    assert fixed.decode("utf-8").endswith(
        "    note: Two large deals slipped to March.\n# okrdocs: ignore-file[OKR204]\n---\n"
        "Free Markdown: context, why this matters, retrospective.\n"
    )


# -- which rules fix -----------------------------------------------------------------------------


def test_rules_and_their_pages_say_which_findings_fix(project: TempProject) -> None:
    listing = project.run("rules").stdout.splitlines()
    assert next(line for line in listing if line.startswith("OKR002")).split()[3] == "fixable"
    assert next(line for line in listing if line.startswith("OKR203")).split()[3] != "fixable"
    data = {
        rule["code"]: rule for rule in json.loads(project.run("rules", "--format", "json").stdout)
    }
    assert data["OKR202"]["fix"] == "sometimes" and data["OKR203"]["fix"] is None
    assert "- Fix: **sometimes available**" in rule_page(RULES["OKR202"])
    assert "- 修复：" in rule_page(RULES["OKR202"], "zh-CN")
    assert "- Fix:" not in rule_page(RULES["OKR203"])


# -- suppressions that suppress nothing (OKR006) ------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A comment after a value: it goes, the value stays.
        ("owner: zhang.wei  # okrdocs: ignore[OKR203]\n", "owner: zhang.wei\n"),
        # A rule that reports nothing there goes; the one that does stays.
        (
            "objective: 提高业绩  # okrdocs: ignore[OKR101, OKR203]\n",
            "objective: 提高业绩  # okrdocs: ignore[OKR101]\n",
        ),
        # A file-wide comment on a line of its own: the line goes.
        ("# okrdocs: ignore-file[OKR401]\n", ""),
        # A name okrdocs does not know may be a typo of what was meant: left for the author.
        ("owner: zhang.wei  # okrdocs: ignore[kr-is-activty]\n", None),
    ],
)
def test_unused_suppressions_are_removed(
    project: TempProject, before: str, after: str | None
) -> None:
    base = (
        VALID_OKR.replace("owner: zhang.wei\n", "", 1) if before.startswith("owner") else VALID_OKR
    )
    if before.startswith("objective"):
        base = VALID_OKR.replace("objective: 成为华东中型制造企业首选的工业软件供应商\n", "")
    text = base.replace("period: 2026-Q1\n", before + "period: 2026-Q1\n", 1)
    path = project.write("content/sales/q1.md", text)
    project.run("lint", "--fix")
    expected = text if after is None else text.replace(before, after, 1)
    assert path.read_text(encoding="utf-8") == expected


def test_an_unused_suppression_in_the_body_is_removed(project: TempProject) -> None:
    text = VALID_OKR + "\n<!-- okrdocs: ignore-file[OKR401] -->\n"
    path = project.write("content/sales/q1.md", text)
    project.run("lint", "--fix")
    assert path.read_text(encoding="utf-8") == VALID_OKR + "\n"
