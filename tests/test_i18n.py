"""Messages in English and Chinese: the catalogue, how the language is chosen, and what a Chinese
team reads (snapshots of real CLI output under tests/snapshots/zh-CN/)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrdocs import i18n, i18n_catalogue
from okrdocs.cli import cli
from okrdocs.rules import RULES

from .conftest import REPO, SAMPLE_AS_OF, VALID_OKR, TempProject

SNAPSHOTS = Path(__file__).parent / "snapshots" / "zh-CN"
PLACEHOLDER = i18n_catalogue.PLACEHOLDER
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)


def snapshot(name: str, text: str) -> None:
    """``text`` must equal the stored snapshot; OKRDOCS_UPDATE_SNAPSHOTS=1 rewrites it."""
    path = SNAPSHOTS / name
    if os.environ.get("OKRDOCS_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {name}: run with OKRDOCS_UPDATE_SNAPSHOTS=1 and review it"
    assert text == path.read_text(encoding="utf-8")


# -- the catalogue ------------------------------------------------------------------------------


def test_the_catalogue_holds_every_message_of_the_code() -> None:
    assert i18n_catalogue.update(check=True), (
        "the catalogue is not current: run python -m okrdocs.i18n_catalogue and translate the "
        "new messages"
    )


def _translations() -> dict[str, str]:
    text = (i18n.LOCALE_FOLDER / "zh_CN.po").read_text(encoding="utf-8")
    return i18n_catalogue.read_translations(text)


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    entries = i18n_catalogue.extract()
    translations = _translations()
    untranslated = [key for key in entries if not translations.get(key)]
    assert not untranslated, f"no Chinese for: {untranslated[:10]}"
    for key, chinese in translations.items():
        english = key.split("\x00")[-1]  # a plural entry: the plural form has every placeholder
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(chinese)), key
        # Literal braces are doubled the same way, so formatting works in both languages.
        assert english.count("{{") == chinese.count("{{"), key


def test_every_translation_formats_with_its_values() -> None:
    for chinese in _translations().values():
        names = {re.match(r"\{(\w*)", p)[1] for p in PLACEHOLDER.findall(chinese)}  # type: ignore[index]
        values = {name: 1234 for name in names if name}
        if names:
            chinese.format(**values)


def test_the_catalogue_reader_leaves_fuzzy_and_empty_entries_in_english() -> None:
    table = i18n.read_po(
        'msgid "a"\nmsgstr "甲"\n\n#, fuzzy\nmsgid "b"\nmsgstr "乙"\n\nmsgid "c"\nmsgstr ""\n\n'
        'msgid "{n} file"\nmsgid_plural "{n} files"\nmsgstr[0] "{n} 个文件"\n\n'
        'msgid "long"\nmsgstr ""\n"first "\n"second"\n'
    )
    assert table == {"a": "甲", "{n} file\x00{n} files": "{n} 个文件", "long": "first second"}


def test_terms_follow_the_glossary() -> None:
    # The words the glossary fixes, where a message uses the English term.
    glossary = (REPO / "docs" / "glossary.md").read_text(encoding="utf-8")
    fixed = {
        "key result": ("关键结果",),
        "check-in": ("进展更新", "进展记录"),
        "confidence": ("信心指数",),
    }
    for terms in fixed.values():
        assert all(term in glossary for term in terms)
    for key, chinese in _translations().items():
        for english, terms in fixed.items():
            if english in key.lower() and "okrdocs checkin" not in key:
                assert any(term in chinese for term in terms) or english in chinese, key
        assert "关键成果" not in chinese and "跟踪记录" not in chinese, chinese


# -- choosing the language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "environment", "configured", "locale", "expected"),
    [
        ("zh-CN", "en", "en", "en_US.UTF-8", "zh-CN"),  # --lang wins
        (None, "zh", "en", "en_US.UTF-8", "zh-CN"),  # then OKRDOCS_LANG
        (None, None, "zh-CN", "en_US.UTF-8", "zh-CN"),  # then the configuration
        (None, None, None, "zh_CN.UTF-8", "zh-CN"),  # then the locale
        (None, None, None, "C.UTF-8", "en"),
        (None, None, None, None, "en"),
        ("en", None, "zh-CN", "zh_CN.UTF-8", "en"),
    ],
)
def test_the_language_comes_from_option_environment_configuration_then_locale(
    monkeypatch: pytest.MonkeyPatch,
    option: str | None,
    environment: str | None,
    configured: str | None,
    locale: str | None,
    expected: str,
) -> None:
    for name in ("OKRDOCS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    if environment:
        monkeypatch.setenv("OKRDOCS_LANG", environment)
    if locale:
        monkeypatch.setenv("LANG", locale)
    assert i18n.choose_language(option, configured) == expected


def test_a_project_without_configuration_speaks_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "q1.md").write_text(VALID_OKR.replace("owner: zhang.wei\n", ""))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OKRDOCS_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = CliRunner().invoke(cli, ["lint", "--as-of", "2026-02-15"])
    assert result.exit_code == 1
    assert "缺少必填字段 'owner'" in result.output
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = CliRunner().invoke(cli, ["lint", "--as-of", "2026-02-15"])
    assert "missing required field 'owner'" in result.output


def test_the_configuration_language_speaks_and_the_option_overrides_it(
    project: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OKRDOCS_LANG")
    project.write("okrdocs.toml", 'content = "content"\nlanguage = "zh-CN"\n')
    project.write("content/q1.md", VALID_OKR.replace("    baseline: 800\n", ""))
    chinese = project.run("lint").output
    assert "有目标值，但没有 baseline" in chinese or "没有起始值" in chinese, chinese
    assert "发现" in chinese.splitlines()[-1] or "检查了" in chinese.splitlines()[-1]
    english = project.run("lint", "--lang", "en").output
    assert "has a target but no baseline" in english
    monkeypatch.setenv("OKRDOCS_LANG", "en")
    assert "has a target but no baseline" in project.run("lint").output


def test_a_bad_language_is_a_configuration_error(project: TempProject) -> None:
    project.write("okrdocs.toml", 'content = "content"\nlanguage = "fr"\n')
    result = project.run("lint")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "language" in result.output


def test_machine_formats_keep_codes_and_translate_messages(project: TempProject) -> None:
    project.write("content/q1.md", VALID_OKR.replace("    baseline: 800\n", ""))
    found = json.loads(project.run("lint", "--format", "json", "--lang", "zh-CN").output)
    warning = next(d for d in found if d["code"] == "OKR202")
    assert warning["rule"] == "kr-no-baseline" and warning["severity"] == "warning"
    assert re.search("[\u4e00-\u9fff]", warning["message"]), warning["message"]
    sarif = json.loads(project.run("lint", "--format", "sarif", "--lang", "zh-CN").output)
    result = sarif["runs"][0]["results"][0]
    assert result["ruleId"] == "OKR202" and result["level"] == "warning"
    assert re.search("[\u4e00-\u9fff]", result["message"]["text"])
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["OKR202"]["helpUri"].endswith("/rules/zh-CN/OKR202.md")
    github = project.run("lint", "--format", "github", "--lang", "zh-CN").output
    assert github.startswith("::warning file=content/q1.md,") and "title=OKR202" in github


def test_spawned_workers_speak_the_language_of_the_run() -> None:
    # macOS and Windows spawn workers: they must not fall back to English.
    from okrdocs.parallel import map_files

    i18n.set_language("zh-CN")
    words = map_files(_none_word, None, list(range(500)), jobs=2, method="spawn")
    assert set(words) == {"无"}


def _none_word(state: object, item: int) -> str:
    return i18n._("none")


# -- rules in both languages --------------------------------------------------------------------


def test_every_rule_has_chinese_documentation_with_the_same_examples() -> None:
    for code, rule in RULES.items():
        chinese = rule.documentation("zh-CN")
        assert chinese != rule.documentation("en"), f"{code} has no Chinese page"
        assert re.search("[\u4e00-\u9fff]", rule.summary("zh-CN")), code
        # The examples are the same files in both languages, byte for byte.
        assert FENCE.findall(chinese) == FENCE.findall(rule.documentation("en")), code


def test_every_chinese_rule_page_translates_the_current_english() -> None:
    from okrdocs.rules.base import source_hash, translated_hash

    stale = [code for code, rule in RULES.items() if translated_hash(rule) != source_hash(rule)]
    assert not stale, (
        f"the Chinese pages of {', '.join(stale)} translate an older English text: update "
        "okrdocs/rules/zh_CN/CODE.md, then run python -m okrdocs.docgen stamp CODE"
    )


def test_rule_and_rules_in_chinese() -> None:
    runner = CliRunner()
    page = runner.invoke(cli, ["rule", "OKR202", "--lang", "zh-CN"]).output
    assert page.startswith("# OKR202 kr-no-baseline\n\n指标型关键结果有目标值，但没有起始值。")
    assert "## 作用" in page and "## 原因" in page and "默认级别" in page
    assert "## Why" not in page
    listing = runner.invoke(cli, ["rules", "--lang", "zh-CN"]).output
    line = next(line for line in listing.splitlines() if line.startswith("OKR202"))
    assert "警告" in line and "起始值" in line
    english = runner.invoke(cli, ["rules", "--lang", "en"]).output
    assert "A metric key result with a target but no baseline." in english


# -- what a Chinese team reads (snapshots) ------------------------------------------------------

PROBLEMS = """\
---
objective: 提升客户满意度
owner: li.na
period: 2026-Q1
type: committed
key_results:
  - id: nps
    title: 完成客户满意度调研
    target: 50
  - id: visits
    title: 拜访客户从 20 家增加到 40 家
    baseline: 20
    target: 40
    unit: 家
    confidence: 7
checkins:
  - date: 2026-03-05
    values: {visits: 25}
---
"""


def test_lint_text_in_chinese(project: TempProject) -> None:
    project.write("content/sales/q1.md", PROBLEMS)
    result = project.run("lint", "--lang", "zh-CN")
    assert result.exit_code == 1
    snapshot("lint.txt", result.output)


def test_status_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "okrdocs.toml", tmp_path / "okrdocs.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OKRDOCS_LANG")  # the sample's configuration says zh-CN
    result = CliRunner().invoke(cli, ["status", "--as-of", SAMPLE_AS_OF, "--team", "sales"])
    assert result.exit_code == 0, result.output
    snapshot("status.txt", result.output)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_markdown_in_chinese(project: TempProject) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
            cwd=project.root,
            check=True,
            capture_output=True,
        )

    project.write("content/sales/q1.md", VALID_OKR)
    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-qm", "first")
    text = VALID_OKR.replace("target: 880", "target: 860").replace("current: 830", "current: 845")
    text = text.replace(
        "baseline: 0\n    target: 5\n", "baseline: 0\n    target: 5\n    current: 2\n"
    )
    project.write("content/sales/q1.md", text)
    result = project.run("diff", "--format", "markdown", "--lang", "zh-CN")
    assert result.exit_code == 0, result.output
    snapshot("diff.md", result.output)


def test_import_error_in_chinese(project: TempProject) -> None:
    project.write(
        "okrs.csv",
        "目标,负责人,周期,关键结果,基线,目标值\n"
        "提升客户满意度,li.na,2026-Q1,满意度从 60 分提高到 75 分,六十,75\n"
        "提升客户满意度,li.na,2026-Q5,拜访 40 家客户,,40\n",
    )
    result = project.run("import", "okrs.csv", "--lang", "zh-CN")
    assert result.exit_code == 1
    snapshot("import.txt", result.output)


def test_checkin_and_new_in_chinese(project: TempProject) -> None:
    project.write("content/sales/q1.md", VALID_OKR)
    result = project.run("checkin", "sales/q1", "revenue=850", "--lang", "zh-CN")
    assert result.exit_code == 0, result.output
    assert "进展更新" in result.output and "revenue" in result.output
    refused = project.run("checkin", "sales/q1", "revenu=850", "--lang", "zh-CN")
    assert refused.exit_code == 2
    assert "revenue" in refused.output and re.search("[\u4e00-\u9fff]", refused.output)
    made = project.run(
        "new", "--objective", "拓展华南市场", "--owner", "li.na", "--period", "2026-Q1",
        "--lang", "zh-CN",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert made.output.startswith("已创建")


def test_init_speaks_the_language_it_writes(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "okrdocs", "init", str(tmp_path / "okrs"), "--language", "zh-CN"],
        capture_output=True,
        text=True,
        env={**os.environ, "OKRDOCS_LANG": ""},
    )
    assert result.returncode == 0, result.stderr
    assert re.search("[\u4e00-\u9fff]", result.stdout), result.stdout


def test_help_in_chinese() -> None:
    def run(*args: str, language: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "okrdocs", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "OKRDOCS_LANG": language},
            cwd=REPO,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    chinese = run("lint", "--help", language="zh-CN")
    assert chinese.startswith("用法：okrdocs lint [OPTIONS] [PATHS]...")
    assert "选项" in chinese and "显示此帮助信息并退出。" in chinese
    assert "--fail-on" in chinese and "--format" in chinese
    top = run("--help", language="zh-CN")
    assert "命令" in top and "Check OKR files" not in top
    english = run("lint", "--help", language="en")
    assert english.startswith("Usage: okrdocs lint") and "Check OKR files" in english
    # --lang on the command line decides before the command is parsed.
    assert run("lint", "--help", "--lang", "zh-CN", language="en").startswith("用法：")


def test_usage_errors_are_one_line_in_the_projects_language(project: TempProject) -> None:
    """click's own usage errors (a bad choice, a bad number, an unknown option) on one line,
    exit status 2, worded in the configured language: from the real console entry."""
    import subprocess
    import sys

    (project.root / "okrdocs.toml").write_text('language = "zh-CN"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "OKRDOCS_LANG"}
    cases = {
        ("lint", "--format", "xml"): "'xml' 不是可选值之一",
        ("status", "--teem", "sales"): "未知选项 --teem（是否想用 --team？）",
        ("checkin", "x", "kr=1", "--confidence", "70%"): "'70%' 不是数字",
    }
    for args, expected in cases.items():
        done = subprocess.run(
            [sys.executable, "-m", "okrdocs", *args],
            cwd=project.root,
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 2, (args, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, (args, done.stderr)
        assert lines[0].startswith("okrdocs: 错误：") and expected in lines[0], lines[0]
    bare = subprocess.run(
        [sys.executable, "-m", "okrdocs"], cwd=project.root, capture_output=True, text=True, env=env
    )
    assert "用法：okrdocs" in bare.stdout + bare.stderr and "okrdocs: 错误" not in bare.stderr
    unknown = subprocess.run(
        [sys.executable, "-m", "okrdocs", "lnt"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env,
    )
    assert unknown.returncode == 2
    assert unknown.stderr.strip() == "okrdocs: 错误：未知命令 'lnt'（参见 'okrdocs --help'）"
    english = subprocess.run(
        [sys.executable, "-m", "okrdocs", "status", "--teem", "sales", "--lang", "en"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env,
    )
    assert english.returncode == 2
    assert english.stderr.strip() == (
        "okrdocs: error: unknown option --teem (did you mean --team?) (see 'okrdocs status --help')"
    )


def test_operating_system_reasons_are_in_the_users_language(project: TempProject) -> None:
    result = project.run("import", "nope.csv", "--lang", "zh-CN")
    assert result.exit_code == 2
    assert "nope.csv: 无法读取：文件或文件夹不存在" in result.stderr, result.stderr
    english = project.run("import", "nope.csv", "--lang", "en")
    assert "nope.csv: cannot read: no such file or folder" in english.stderr


def test_a_configuration_error_is_said_in_the_language_it_asks_for(
    project: TempProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OKRDOCS_LANG", raising=False)
    (project.root / "okrdocs.toml").write_text(
        'language = "zh-CN"\n[status]\non-track = "10%"\n', encoding="utf-8"
    )
    result = project.run("lint")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "okrdocs: 错误：okrdocs.toml: status.on-track: 应为 0 到 1 之间的数字，实际为 '10%'"
    )
    english = project.run("lint", "--lang", "en")
    assert "expected a number from 0 to 1" in english.stderr


def test_the_yaml_parsers_common_problems_are_said_in_chinese(project: TempProject) -> None:
    project.write("content/bad.md", "---\nobjective: [broken\nowner: ada\n---\n")
    result = project.run("lint", "--lang", "zh-CN")
    assert result.exit_code == 1
    assert (
        "content/bad.md:3:6: OKR001 YAML 格式错误：找不到应有的 ',' 或 ']'（方括号列表没有闭合）"
        "（解析流式列表（flow sequence）时）" in result.stdout
    ), result.stdout
