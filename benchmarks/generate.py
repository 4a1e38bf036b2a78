"""Generate a synthetic OKR repository of N objectives for benchmarks.

    python benchmarks/generate.py 10000 /tmp/okr-bench

Files look like real ones: Chinese and English objectives, 3 key results with actions, check-ins
and a Markdown body, spread over teams and quarters, aligned to a few company objectives. The
output is deterministic for a given N, so runs compare like with like.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

TEAMS = ["sales", "engineering", "marketing", "support", "finance", "people", "product", "ops"]
QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
OBJECTIVES_EN = [
    "Make onboarding effortless for plants in {region}",
    "Become the partner {region} manufacturers trust with their data",
    "Turn {region} customers into advocates who refer their peers",
    "Build a delivery pipeline the {region} team is proud of",
]
OBJECTIVES_ZH = [
    "成为{region}中型制造企业首选的工业软件供应商",
    "让{region}客户愿意向同行推荐我们",
    "打造{region}团队引以为傲的交付流程",
    "让{region}渠道伙伴成为第二增长引擎",
]
REGIONS_EN = ["East China", "the Yangtze delta", "Jiangsu", "Zhejiang", "Shanghai"]
REGIONS_ZH = ["华东", "长三角", "江苏", "浙江", "上海"]


def objective_text(index: int, rng: random.Random) -> str:
    team = TEAMS[index % len(TEAMS)]
    period = QUARTERS[(index // len(TEAMS)) % len(QUARTERS)]
    chinese = index % 2 == 0
    if chinese:
        objective = rng.choice(OBJECTIVES_ZH).format(region=rng.choice(REGIONS_ZH))
        krs = [
            (
                "revenue",
                f"季度销售额从 {800 + index % 50} 万元增长到 {880 + index % 50} 万元",
                800,
                880,
                "万元",
            ),
            ("customers", "新签约客户从 0 家增加到 5 家", 0, 5, "家"),
            ("nps", "客户满意度评分从 84 分提高至 90 分", 84, 90, "分"),
        ]
        action, note = "开展市场调研，更新重点客户名单", "两个大单推迟到下月签约。"
    else:
        objective = rng.choice(OBJECTIVES_EN).format(region=rng.choice(REGIONS_EN))
        krs = [
            (
                "active-teams",
                f"Weekly active teams grow from 1,200 to {2000 + index % 100}",
                1200,
                2000,
                "teams",
            ),
            ("latency", "p95 sync latency falls from 4.2 s to 1.5 s", 4.2, 1.5, "s"),
            (
                "tickets",
                "Support tickets about sync fall from 40 to 15 per month",
                40,
                15,
                "tickets/month",
            ),
        ]
        action, note = (
            "Run a pricing experiment with five customers",
            "Two deals slipped to next month.",
        )
    lines = [
        "---",
        f"id: {team}/o{index:05d}",
        f"objective: {objective}",
        f"owner: person{index % 97}",
        f"team: {team}",
        f"period: {period}",
        f"type: {'committed' if index % 3 else 'aspirational'}",
        f"parent: company/c{index % 5}" if index >= 5 else "",
        "key_results:",
    ]
    lines = [line for line in lines if line]
    for kr_id, title, baseline, target, unit in krs:
        current = baseline + (target - baseline) * rng.random()
        lines += [
            f"  - id: {kr_id}",
            f"    title: {title}",
            f"    baseline: {baseline}",
            f"    target: {target}",
            f"    current: {round(current, 2)}",
            f'    unit: "{unit}"',
            "    confidence: 0.7",
            "    actions:",
            f"      - title: {action}",
            f"        owner: person{(index + 1) % 97}",
            f"        due: {period[:4]}-{3 * int(period[-1]):02d}-15",
            "        status: doing",
        ]
    month = 3 * int(period[-1]) - 1
    lines += [
        "checkins:",
        f"  - date: {period[:4]}-{month:02d}-10",
        "    values: {" + ", ".join(f"{kr[0]}: {kr[2]}" for kr in krs) + "}",
        "    confidence: 0.6",
        f"    note: {note}",
        "---",
        "## Context",
        "",
        f"Objective {index} exists because customers asked for it. See the planning notes.",
        "",
    ]
    return "\n".join(lines)


def company_text(index: int) -> str:
    return "\n".join(
        [
            "---",
            f"id: company/c{index}",
            f"objective: Company objective number {index} for the whole of 2026",
            "owner: ceo",
            "team: company",
            "period: 2026",
            "type: committed",
            "key_results:",
            "  - title: Annual revenue grows from 3,200 to 4,000 万元",
            "    baseline: 3200",
            "    target: 4000",
            "    unit: 万元",
            "---",
            "",
        ]
    )


def generate(count: int, root: Path) -> Path:
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    (root / "okrdocs.toml").write_text(
        'content = "content"\n[lint.not-aligned]\ntop-level = ["company"]\n'
    )
    rng = random.Random(count)
    (content / "company").mkdir(exist_ok=True)
    for index in range(5):
        (content / "company" / f"c{index}.md").write_text(company_text(index), encoding="utf-8")
    for index in range(5, count):
        team = TEAMS[index % len(TEAMS)]
        folder = content / team
        folder.mkdir(exist_ok=True)
        (folder / f"o{index:05d}.md").write_text(objective_text(index, rng), encoding="utf-8")
    return content


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/generate.py COUNT FOLDER")
    generate(int(sys.argv[1]), Path(sys.argv[2]))
