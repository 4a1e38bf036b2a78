"""Generate a synthetic OKR repository of N objectives for benchmarks.

    python benchmarks/generate.py 10000 /tmp/okr-bench
    python benchmarks/generate.py 10000 /tmp/okr-bench-unique --unique-titles

Files look like real ones: Chinese and English objectives, 3 key results with actions, check-ins
and a Markdown body, spread over teams and quarters, aligned to a few company objectives. The
output is deterministic for a given N, so runs compare like with like.

With ``--unique-titles`` every objective and key result title names a place of its own (东明区,
Avenbrook), so no two titles are the same: the language rules then read every title afresh,
as in a repository of real OKRs, instead of reusing what they found for a repeated one.
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


AS_OF = "2026-11-27"  # the benchmark lints as of this day (OKRDOCS_AS_OF)
CLOSED = {"2026-Q1", "2026-Q2", "2026-Q3"}


# Syllables for names of places that make titles unique (--unique-titles).
_ZH_SYLLABLES = "东南西北中华新云海山江河湖川金银星月光明安康泰丰盛荣和平远长青宁德兴文"
_EN_SYLLABLES = ["av", "bel", "cor", "dun", "el", "fen", "gar", "hol", "is", "jor", "kel", "lor"]
_EN_ENDINGS = ["brook", "ford", "field", "haven", "mere", "stead", "ton", "wick"]


def place_names(index: int) -> tuple[str, str]:
    """A Chinese and an English place name, different for every index."""
    size = len(_ZH_SYLLABLES)  # 37: 37**3 names, more than four per objective of 10,000
    zh = "".join(_ZH_SYLLABLES[(index // size**k) % size] for k in range(3)) + "区"
    parts = []
    rest = index
    for _ in range(4):
        parts.append(_EN_SYLLABLES[rest % len(_EN_SYLLABLES)])
        rest //= len(_EN_SYLLABLES)
    english = "".join(parts).capitalize() + _EN_ENDINGS[rest % len(_EN_ENDINGS)]
    return zh, english


def objective_text(index: int, rng: random.Random, unique: bool = False) -> str:
    # Four consecutive files are one owner's objectives for the four quarters; a team has four
    # owners: every owner and team has a realistic number of objectives per quarter.
    group = index // 4
    division = TEAMS[group % len(TEAMS)]
    team = f"{division}-{group // 4}"
    period = QUARTERS[index % len(QUARTERS)]
    chinese = group % 2 == 0
    names = [place_names(4 * index + k) for k in range(4)] if unique else [("", "")] * 4
    if chinese:
        objective = rng.choice(OBJECTIVES_ZH).format(region=rng.choice(REGIONS_ZH) + names[0][0])
        low = 800 + index % 50
        krs = [
            (
                "revenue",
                f"{names[1][0]}季度销售额从 {low} 万元增长到 {low + 80} 万元",
                low,
                low + 80,
                "万元",
            ),
            ("customers", f"{names[2][0]}新签约客户从 0 家增加到 5 家", 0, 5, "家"),
            ("nps", f"{names[3][0]}客户满意度评分从 84 分提高至 90 分", 84, 90, "分"),
        ]
        action, note = "开展市场调研，更新重点客户名单", "两个大单推迟到下月签约。"
    else:
        template = rng.choice(OBJECTIVES_EN)  # (the same draws as without --unique-titles)
        region = rng.choice(REGIONS_EN)
        objective = template.format(region=f"{names[0][1]}, {region}" if unique else region)
        high = 2000 + index % 100
        where = [f" in {name}" if unique else "" for _, name in names]
        krs = [
            (
                "active-teams",
                f"Weekly active teams{where[1]} grow from 1,200 to {high:,}",
                1200,
                high,
                "teams",
            ),
            ("latency", f"p95 sync latency{where[2]} falls from 4.2 s to 1.5 s", 4.2, 1.5, "s"),
            (
                "tickets",
                f"Support tickets about sync{where[3]} fall from 40 to 15 per month",
                40,
                15,
                "tickets/month",
            ),
        ]
        action, note = (
            "Run a pricing experiment with five customers",
            "Two deals slipped to next month.",
        )
    quarter = int(period[-1])
    lines = [
        "---",
        f"id: {division}/o{index:05d}",
        f"objective: {objective}",
        f"owner: person{group}",
        f"team: {team}",
        f"period: {period}",
        f"type: {'committed' if index % 3 else 'aspirational'}",
        f"parent: company/c{index % 5}",
        "key_results:",
    ]
    currents = []
    for kr_id, title, baseline, target, unit in krs:
        current = round(baseline + (target - baseline) * rng.random(), 1)
        currents.append(current)
        lines += [
            f"  - id: {kr_id}",
            f"    title: {title}",
            f"    baseline: {baseline}",
            f"    target: {target}",
            f"    current: {current}",
            f'    unit: "{unit}"',
            "    confidence: 0.6",
        ]
        if period in CLOSED:
            # At most 0.9: an aspirational objective scored 1.0 everywhere is flagged (OKR404).
            lines.append(f"    score: {round(rng.uniform(0.3, 0.9), 1)}")
        lines += [
            "    actions:",
            f"      - title: {action}",
            f"        owner: person{group + 1}",
            # Due at the quarter's end: none is overdue on AS_OF (OKR304).
            f"        due: {period[:4]}-{3 * quarter:02d}-28",
            f"        status: {'done' if period in CLOSED else 'doing'}",
        ]
    checkin_day = "2026-11-20" if period == "2026-Q4" else f"{period[:4]}-{3 * quarter:02d}-10"
    lines += [
        "checkins:",
        f"  - date: {checkin_day}",
        "    values: {"
        + ", ".join(f"{kr[0]}: {c}" for kr, c in zip(krs, currents, strict=True))
        + "}",
        "    confidence: 0.6",
        f"    note: {note}",
        "---",
        "## Context",
        "",
        f"Objective {index} exists because customers asked for it. See the planning notes.",
        "",
    ]
    return "\n".join(lines)


COMPANY_OBJECTIVES = [
    "Become the software partner mid-sized manufacturers rely on",
    "成为华东中型制造企业首选的工业软件供应商",
    "Make every plant we serve a reference customer",
    "让客户愿意向同行推荐我们",
    "Build a company people want to join and stay in",
]


def company_text(index: int) -> str:
    return "\n".join(
        [
            "---",
            f"id: company/c{index}",
            f"objective: {COMPANY_OBJECTIVES[index]}",
            "owner: ceo",
            "team: company",
            'period: "2026"',
            "type: committed",
            "key_results:",
            "  - id: revenue",
            "    title: Annual revenue grows from 3,200 to 4,000 万元",
            "    baseline: 3200",
            "    target: 4000",
            "    current: 3500",
            "    unit: 万元",
            "    actions:",
            "      - title: Open a second sales office",
            "        owner: ceo",
            "        due: 2026-06-30",
            "        status: done",
            "  - id: retention",
            "    title: Net revenue retention rises from 98% to 110%",
            "    baseline: 98",
            "    target: 110",
            "    current: 104",
            '    unit: "%"',
            "    actions:",
            "      - title: A success manager for every large account",
            "        owner: ceo",
            "        due: 2026-03-31",
            "        status: done",
            "checkins:",
            "  - date: 2026-11-20",
            "    values: {revenue: 3500, retention: 104}",
            "---",
            "",
        ]
    )


def generate(count: int, root: Path, unique: bool = False) -> Path:
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
        folder = content / TEAMS[(index // 4) % len(TEAMS)]
        folder.mkdir(exist_ok=True)
        text = objective_text(index, rng, unique)
        (folder / f"o{index:05d}.md").write_text(text, encoding="utf-8")
    return content


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--unique-titles"]
    if len(arguments) != 2:
        sys.exit("usage: python benchmarks/generate.py COUNT FOLDER [--unique-titles]")
    generate(int(arguments[0]), Path(arguments[1]), "--unique-titles" in sys.argv)
