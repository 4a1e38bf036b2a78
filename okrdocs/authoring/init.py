"""``okrdocs init``: a new OKR repository in one command.

Writes a configuration, a sample objective for the current quarter that lints clean, a
pre-commit configuration, a GitHub Actions workflow (the one in examples/, shipped in the
package), a README and a .gitignore. Existing files are never overwritten: they are skipped and
listed.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from okrdocs.periods import FiscalYear, parse_period, period_containing

CONFIG = """\
# okrdocs configuration: every key is documented at
# https://github.com/okrdocs/okrdocs/blob/main/docs/config.md
content = "content"
output = "site"
title = {title}
language = "{language}"          # en or zh-CN: the language of the site

[lint]
# ignore = ["OKR105"]             # rules to switch off (codes, names or prefixes)

[lint.not-aligned]
top-level = ["company"]        # teams whose objectives need no parent

[people]
ada = {{ name = "{ada}", team = "company" }}
grace = {{ name = "{grace}", team = "product" }}

[teams]
company = {{ name = "{company}" }}
product = {{ name = "{product}", parent = "company", lead = "grace" }}
"""

# What the samples say, in the site's language.
WORDS = {
    "en": {
        "ada": "Ada Lovelace",
        "grace": "Grace Hopper",
        "company": "Company",
        "product": "Product",
        "objective": "Make the first week with our product effortless for new customers",
        "activation": "Share of new accounts active in their first week rises from 30% to 45%",
        "setup": "Guided setup for the three most common first tasks",
        "time-to-value": "Median days from sign-up to first report fall from 9 to 3",
        "days": "days",
        "sample-data": "Sample data in every new account",
        "baselines": "Guided setup is live for half of new accounts.",
        "why": "Why it matters: most customers who leave us do so in their first week.",
        "company-objective": "Become the tool our customers recommend to their peers",
        "nps": "Net promoter score rises from 20 to 40",
        "points": "points",
        "interviews": "Quarterly customer interviews",
        "referrals": "Share of new customers who came by referral rises from 10% to 25%",
        "referral-programme": "Referral programme",
    },
    "zh-CN": {
        "ada": "陈静",
        "grace": "李娜",
        "company": "公司",
        "product": "产品部",
        "objective": "让新客户在第一周就顺利用起来",
        "activation": "新账户首周活跃率从 30% 提升到 45%",
        "setup": "为最常见的三个首要任务提供引导式设置",
        "time-to-value": "从注册到生成第一份报表的中位天数从 9 天缩短到 3 天",
        "days": "天",
        "sample-data": "每个新账户预置示例数据",
        "baselines": "引导式设置已对一半新账户上线。",
        "why": "为什么重要：流失的客户大多在第一周就离开了。",
        "company-objective": "成为客户愿意推荐给同行的工具",
        "nps": "净推荐值从 20 分提高到 40 分",
        "points": "分",
        "interviews": "每季度客户访谈",
        "referrals": "通过推荐而来的新客户占比从 10% 提升到 25%",
        "referral-programme": "客户推荐计划",
    },
}

README = """\
# {title}

Our objectives and key results, as plain text, checked and published by
[okrdocs](https://github.com/okrdocs/okrdocs).

- One objective per Markdown file under `content/`, one folder per team.
- `okrdocs lint` checks them (pre-commit runs it on every commit: `pre-commit install`).
- `okrdocs checkin product/{stem} activation --value 34 --note "..."` records progress.
- `okrdocs status` shows where we are; `okrdocs serve` shows the site while you write;
  `okrdocs build` writes it to `site/`.
- Every pull request gets a comment explaining the OKR changes (`okrdocs diff`), and the site
  is published from `main` (`.github/workflows/okrs.yml`).
"""

GITIGNORE = """\
# okrdocs: the built site and the lint cache
/site/
.okrdocs-cache/
"""


def sample_objective(today: date, fiscal: FiscalYear, w: dict[str, str]) -> tuple[str, str]:
    """(file stem, text) of a sample objective for the current quarter that lints clean today."""
    quarter = period_containing(today, "quarter", fiscal)
    period = parse_period(quarter, fiscal)

    def day(share: float) -> str:
        due = period.start + timedelta(days=round((period.days - 1) * share))
        # An action already due is done: the sample starts with no overdue action (OKR304).
        return due.isoformat() + ("\n        status: done" if due < today else "")

    # A week ago: fresh enough for the staleness rule, and today stays free for a real check-in.
    checkin = max(period.start, min(today - timedelta(days=7), period.end))
    # Progress in step with the time gone, so that the sample starts on track.
    share = period.elapsed(today)
    activation, days = 30 + round(15 * share), 9 - round(6 * share)
    stem = f"{quarter.lower()}-onboarding"
    text = f"""\
---
objective: {w["objective"]}
owner: ada
period: {quarter}
type: committed
parent: company/growth
key_results:
  - id: activation
    title: {w["activation"]}
    baseline: 30
    target: 45
    current: {activation}
    unit: "%"
    actions:
      - title: {w["setup"]}
        owner: ada
        due: {day(0.4)}
  - id: time-to-value
    title: {w["time-to-value"]}
    baseline: 9
    target: 3
    current: {days}
    unit: {w["days"]}
    actions:
      - title: {w["sample-data"]}
        owner: grace
        due: {day(0.6)}
checkins:
  - date: {checkin.isoformat()}
    values: {{activation: {activation}, time-to-value: {days}}}
    confidence: 0.7
    note: {w["baselines"]}
---
{w["why"]}
"""
    return stem, text


def company_objective(today: date, fiscal: FiscalYear, w: dict[str, str]) -> str:
    year = period_containing(today, "year", fiscal)
    period = parse_period(year, fiscal)
    checkin = max(period.start, min(today - timedelta(days=7), period.end)).isoformat()
    middle = period.start + timedelta(days=period.days // 2)
    due = middle.isoformat() + ("\n        status: done" if middle < today else "")
    return f"""\
---
id: company/growth
objective: {w["company-objective"]}
owner: ada
period: {year}
type: aspirational
key_results:
  - id: nps
    title: {w["nps"]}
    baseline: 20
    target: 40
    current: 20
    unit: {w["points"]}
    actions:
      - title: {w["interviews"]}
        owner: ada
        due: {due}
  - id: referrals
    title: {w["referrals"]}
    baseline: 10
    target: 25
    current: 10
    unit: "%"
    actions:
      - title: {w["referral-programme"]}
        owner: grace
        due: {due}
checkins:
  - date: {checkin}
    values: {{nps: 20, referrals: 10}}
    confidence: 0.5
---
"""


def files(
    today: date, title: str, language: str, fiscal: FiscalYear | None = None
) -> dict[str, str]:
    import okrdocs.examples

    fiscal = fiscal or FiscalYear()
    examples = Path(okrdocs.examples.__file__).parent
    words = WORDS.get(language, WORDS["en"])
    stem, sample = sample_objective(today, fiscal, words)
    names = {key: words[key] for key in ("ada", "grace", "company", "product")}
    # A JSON string is a valid TOML basic string: quotes and backslashes in the title are safe.
    config = CONFIG.format(title=json.dumps(title, ensure_ascii=False), language=language, **names)
    return {
        "okrdocs.toml": config,
        f"content/product/{stem}.md": sample,
        "content/company/growth.md": company_objective(today, fiscal, words),
        ".pre-commit-config.yaml": _as_written(
            (examples / "pre-commit" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
        ),
        ".github/workflows/okrs.yml": _as_written(
            (examples / "github" / "okrs.yml").read_text(encoding="utf-8")
        ),
        "README.md": README.format(title=title, stem=stem),
        ".gitignore": GITIGNORE,
    }


def _as_written(recipe: str) -> str:
    """A recipe from examples/ as init writes it: its first line says "copy to <file>", which
    is wrong in the very file it was copied to."""
    first, _, rest = recipe.partition("\n")
    if ": copy to " in first:
        first = first.split(": copy to ", 1)[0] + " (written by okrdocs init)."
    return first + "\n" + rest


def init(
    folder: Path, today: date, title: str, language: str
) -> tuple[list[Path], list[Path], list[Path]]:
    """(written, updated, skipped because they exist). Existing files are never overwritten;
    an existing .gitignore gets the lines it lacks appended."""
    written, updated, skipped = [], [], []
    for rel, text in files(today, title, language).items():
        path = folder / rel
        if rel == ".gitignore" and path.is_file():
            if _append_missing_lines(path, text):
                updated.append(path)
            continue
        if path.exists():
            skipped.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
        written.append(path)
    return written, updated, skipped


def _append_missing_lines(path: Path, text: str) -> bool:
    """Append the lines of ``text`` that ``path`` lacks (comments count only with a new line)."""
    existing = path.read_text(encoding="utf-8", errors="replace")
    present = {line.strip() for line in existing.splitlines()}
    lines = [line for line in text.splitlines() if line.startswith("#") or line.strip()]
    missing = [line for line in lines if not line.startswith("#") and line.strip() not in present]
    if not missing:
        return False
    comment = next((line for line in lines if line.startswith("#")), "")
    addition = (
        ("" if existing.endswith("\n") or not existing else "\n")
        + "\n".join([comment, *missing])
        + "\n"
    )
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(addition)
    return True
