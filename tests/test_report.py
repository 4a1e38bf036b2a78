"""okrdocs report: the weekly report's numbers on a project with a known history."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import TempProject

# 2026-Q1 runs from 2026-01-01 to 2026-03-31 (89 days between them). As of 2026-02-15 the
# window is 2026-02-09 .. 2026-02-15 (check-ins after 2026-02-08).
SALES = """\
---
id: sales/east
objective: 成为华东中型制造企业首选的工业软件供应商
owner: zhang.wei
team: sales
period: 2026-Q1
type: committed
key_results:
  - id: revenue
    title: 季度销售额从 800 万元增长到 880 万元
    baseline: 800
    target: 880
    current: 840
    unit: 万元
    actions:
      - title: 拜访苏州三家重点客户
        owner: wang.fang
        due: 2026-02-10
      - title: 举办客户开放日
        owner: zhao.lei
        due: 2026-02-20
        status: doing
      - title: 完成市场调研
        owner: wang.fang
        due: 2026-02-01
        status: done
  - id: customers
    title: 新签约客户从 0 家增加到 5 家
    baseline: 0
    target: 5
    current: 1
    unit: 家
    owner: li.na
checkins:
  - date: 2026-01-05
    values: {customers: 1}
    confidence: 0.7
  - date: 2026-01-20
    values: {revenue: 820}
    confidence: 0.7
  - date: 2026-02-10
    values: {revenue: 840}
    confidence: 0.5
    note: 两个大单推迟到三月
---
"""

ENGINEERING = """\
---
id: eng/latency
objective: Make the connector feel instant
owner: ada
team: eng
period: 2026-Q1
key_results:
  - id: p95
    title: p95 sync latency falls from 4.2 s to 1.5 s
    baseline: 4.2
    target: 1.5
    current: 2.0
    unit: s
checkins:
  - date: 2026-02-12
    values: {p95: 2.0}
---
"""


@pytest.fixture
def history(project: TempProject) -> TempProject:
    project.write("content/sales/east.md", SALES)
    project.write("content/eng/latency.md", ENGINEERING)
    return project


def report(project: TempProject, *args: str) -> Any:
    result = project.run("report", "--format", "json", "--as-of", "2026-02-15", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def team(data: Any, key: str) -> Any:
    return next(t for t in data["teams"] if t["team"] == key)


def test_the_window_and_the_period(history: TempProject) -> None:
    data = report(history)
    assert (data["period"], data["since"], data["as_of"]) == ("2026-Q1", "2026-02-09", "2026-02-15")
    assert [t["team"] for t in data["teams"]] == ["eng", "sales"]  # by name


def test_what_moved_comes_from_the_check_ins_in_the_window(history: TempProject) -> None:
    sales = team(report(history), "sales")
    assert sales["moved"] == [
        {
            "objective": "sales/east",
            "kr": "revenue",
            "title": "季度销售额从 800 万元增长到 880 万元",
            "before": 820,
            "after": 840,
            "progress_before": 0.25,
            "progress_after": 0.5,
        }
    ]
    # Progress of the team: (0.5 + 0.2) / 2 now, (0.25 + 0.2) / 2 when the window opened.
    assert sales["progress"] == pytest.approx(0.35)
    assert sales["change"] == pytest.approx(0.125)
    eng = team(report(history), "eng")
    # p95 from 4.2 (no check-in before the window: the baseline) to 2.0 of a 2.7 s reduction.
    assert eng["moved"][0]["before"] is None and eng["moved"][0]["after"] == 2.0
    assert eng["moved"][0]["progress_after"] == pytest.approx(2.2 / 2.7)


def test_what_became_worse_and_who_went_quiet(history: TempProject) -> None:
    sales = team(report(history), "sales")
    # customers: 0.2 of the way with 42.7% of the time gone on 2026-02-08 (a gap of 0.227: at
    # risk), 50.6% gone on 2026-02-15 (0.306: off track).
    assert [(w["kr"], w["before"], w["after"]) for w in sales["became_worse"]] == [
        ("customers", "at-risk", "off-track")
    ]
    # Its last check-in was on 2026-01-05, 41 days ago: stale, and li.na owns it.
    assert sales["stale"] == [
        {
            "objective": "sales/east",
            "kr": "customers",
            "title": "新签约客户从 0 家增加到 5 家",
            "owner": "li.na",
            "days": 41,
        }
    ]
    assert sales["confidence_dropped"] == [
        {
            "objective": "sales/east",
            "before": 0.7,
            "after": 0.5,
            "date": "2026-02-10",
            "note": "两个大单推迟到三月",
        }
    ]


def test_actions_overdue_and_due_next_week(history: TempProject) -> None:
    actions = team(report(history), "sales")["actions"]
    assert [(a["action"], a["due"], a["overdue"]) for a in actions] == [
        ("拜访苏州三家重点客户", "2026-02-10", True),
        ("举办客户开放日", "2026-02-20", False),
    ]


def test_a_past_week_is_reproduced_with_as_of(history: TempProject) -> None:
    result = history.run("report", "--format", "json", "--as-of", "2026-01-21")
    earlier = json.loads(result.output)
    sales = team(earlier, "sales")
    assert [(m["kr"], m["before"], m["after"]) for m in sales["moved"]] == [("revenue", None, 820)]
    assert sales["confidence_dropped"] == []
    assert [(s["kr"], s["days"]) for s in sales["stale"]] == [("customers", 16)]


def test_since_widens_the_window(history: TempProject) -> None:
    sales = team(report(history, "--since", "2026-01-01"), "sales")
    assert {(m["kr"], m["before"], m["after"]) for m in sales["moved"]} == {
        ("revenue", None, 840),
        ("customers", None, 1),
    }


def test_team_and_owner_filters(history: TempProject) -> None:
    only_sales = report(history, "--team", "sales")
    assert [t["team"] for t in only_sales["teams"]] == ["sales"]
    mine = team(report(history, "--owner", "wang.fang"), "sales")
    assert [a["action"] for a in mine["actions"]] == ["拜访苏州三家重点客户"]
    assert mine["moved"] == [] and mine["stale"] == []
    lina = team(report(history, "--owner", "li.na"), "sales")
    assert [s["kr"] for s in lina["stale"]] == ["customers"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--team", "salse"), "did you mean 'sales'"),
        (("--owner", "nobody"), "no person 'nobody'"),
        (("--period", "2025-Q1"), "no objectives in period '2025-Q1'"),
        (("--since", "2026-02-16"), "is after the as-of day"),
        (("--since", "yesterday"), "not a date"),
    ],
)
def test_bad_options_are_usage_errors(
    history: TempProject, args: tuple[str, ...], words: str
) -> None:
    result = history.run("report", "--as-of", "2026-02-15", *args)
    assert result.exit_code == 2
    assert words in result.output and len(result.output.strip().splitlines()) == 1


def test_markdown_and_text(history: TempProject) -> None:
    text = history.run("report", "--as-of", "2026-02-15", "--lang", "en").output
    assert text.startswith("OKR weekly report: 2026-Q1, 2026-02-09 – 2026-02-15\n")
    assert "  ! 新签约客户从 0 家增加到 5 家: at risk → off track" in text
    assert "    ! overdue since 2026-02-10: 拜访苏州三家重点客户 (wang.fang)" in text
    markdown = history.run(
        "report", "--as-of", "2026-02-15", "--format", "markdown", "--lang", "en"
    ).output
    assert markdown.startswith("## OKR weekly report: 2026-Q1, 2026-02-09 – 2026-02-15\n")
    assert "**What moved**\n- 季度销售额从 800 万元增长到 880 万元: 820 万元 → 840 万元" in markdown


def test_links_when_the_site_address_is_known(history: TempProject) -> None:
    history.write(
        "okrdocs.toml",
        'content = "content"\nbase-url = "https://okrs.example.com/"\n'
        '[lint]\nignore = ["not-aligned"]\n',
    )
    markdown = history.run("report", "--as-of", "2026-02-15", "--format", "markdown").output
    assert "([↗](https://okrs.example.com/objectives/sales/east.html#kr-revenue))" in markdown


def test_people_cannot_inject_markup(history: TempProject) -> None:
    history.write(
        "content/sales/east.md",
        SALES.replace("两个大单推迟到三月", "<b>*bold*</b> [x](https://evil.example)"),
    )
    markdown = history.run("report", "--as-of", "2026-02-15", "--format", "markdown").output
    assert "<b>" not in markdown and "&lt;b&gt;" in markdown
    assert "[x](https://evil" not in markdown and "\\[x\\](https://evil" in markdown
    slack = json.loads(history.run("report", "--as-of", "2026-02-15", "--format", "slack").output)
    text = json.dumps(slack, ensure_ascii=False)
    assert "<b>" not in text and "&lt;b&gt;" in text


def test_chat_payloads(history: TempProject) -> None:
    def payload(kind: str) -> Any:
        result = history.run("report", "--as-of", "2026-02-15", "--format", kind, "--lang", "en")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    feishu = payload("feishu")
    assert feishu["msg_type"] == "interactive"
    assert feishu["card"]["header"]["title"]["content"].startswith("OKR weekly report")
    assert any("What moved" in e.get("content", "") for e in feishu["card"]["elements"])
    slack = payload("slack")
    assert slack["text"].startswith("OKR weekly report") and slack["blocks"][0]["type"] == "header"
    assert all(len(b["text"]["text"]) <= 3000 for b in slack["blocks"] if b["type"] == "section")
    teams = payload("teams")
    card = teams["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert card["content"]["type"] == "AdaptiveCard"


def test_a_chinese_team_reads_a_chinese_report(history: TempProject) -> None:
    text = history.run("report", "--as-of", "2026-02-15", "--lang", "zh-CN").output
    assert text.startswith("OKR 周报：2026-Q1，2026-02-09 – 2026-02-15")
    assert "有风险 → 落后" in text


AHEAD_OF_THE_DAY = """\
---
objective: 让华东中型制造企业把我们当作首选的工业软件供应商
owner: zhang.wei
period: 2026-Q4
key_results:
  - id: revenue
    title: 季度销售额从 800 万元增长到 880 万元
    baseline: 800
    target: 880
    current: 800
    unit: 万元
checkins:
  - date: 2026-11-10
    values: {revenue: 820}
  - date: 2026-11-17
    values: {revenue: 850}
  - date: 2026-11-24
    values: {revenue: 880}
  - date: 2026-12-01
    values: {revenue: 800}
---
"""


def test_as_of_a_past_day_reads_the_check_ins_up_to_that_day(project: TempProject) -> None:
    """report, status and the analysis agree on a past week: values, progress, status and the
    last check-in from the check-ins made by then, never from later ones."""
    import json

    project.write("content/sales/q4.md", AHEAD_OF_THE_DAY)
    report = project.run("report", "--as-of", "2026-11-24", "--format", "json")
    assert report.exit_code == 0, report.output
    data = json.loads(report.stdout)
    text = json.dumps(data, ensure_ascii=False)
    assert '"progress": 1.0' in text or '"progress": 1' in text, text[:2000]
    status = project.run("status", "--as-of", "2026-11-24")
    assert status.exit_code == 0, status.output
    assert "100%" in status.stdout and "on track" in status.stdout, status.stdout
    assert "no check-in yet" not in status.stdout
    # The day after the last check-in, its value counts as before.
    later = project.run("status", "--as-of", "2026-12-02")
    assert "0%" in later.stdout, later.stdout


def test_as_seen_on_leaves_out_later_check_ins_and_values() -> None:
    from datetime import date
    from pathlib import Path

    from okrdocs.loader import FileContext, load_bytes
    from okrdocs.progress import as_seen_on

    loaded = load_bytes(
        AHEAD_OF_THE_DAY.encode("utf-8"), FileContext(str(Path("/x/q4.md")), "q4.md", "q4.md")
    )
    objective = loaded.objective
    assert objective is not None
    assert as_seen_on(objective, date(2026, 12, 5)) is objective  # nothing after the day
    seen = as_seen_on(objective, date(2026, 11, 20))
    assert [c.date.isoformat() for c in seen.checkins] == ["2026-11-10", "2026-11-17"]
    assert seen.key_results[0].current == 850
    before_any = as_seen_on(objective, date(2026, 11, 1))
    assert before_any.checkins == [] and before_any.key_results[0].current is None
    assert objective.key_results[0].current == 800  # the file's model is not changed


def test_since_starts_the_window_on_that_day_in_every_format(project: TempProject) -> None:
    project.write("content/sales/q4.md", AHEAD_OF_THE_DAY)
    args = ("report", "--since", "2026-11-17", "--as-of", "2026-11-24")
    data = json.loads(project.run(*args, "--format", "json").stdout)
    assert (data["since"], data["as_of"]) == ("2026-11-17", "2026-11-24")
    moved = data["teams"][0]["moved"]
    assert [(m["kr"], m["before"], m["after"]) for m in moved] == [("revenue", 820, 880)]
    text = project.run(*args).stdout
    assert "2026-11-17 – 2026-11-24" in text
    assert "since 2026-11-17" in text
