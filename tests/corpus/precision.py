"""How often the language rules are right on OKRs that real organisations published.

    python -m tests.corpus.precision

``real-okrs.json`` holds about 50 objectives and 150 key results with their sources (Sourcegraph,
GitLab, Protocol Labs, Node.js, PyCon Taiwan, Sealos ...). ``labels.yaml`` records, for each
objective and key result, which text rules a careful human reviewer would apply, with a reason.
Each entry becomes a real OKR file (parsed by the loader) and the rules run on it; precision is
the share of findings the reviewer agrees with, recall the share of the reviewer's flags found.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from okrdocs.config import Config
from okrdocs.loader import FileContext, load_bytes
from okrdocs.rules import RULES, RuleContext

HERE = Path(__file__).parent
TEXT_RULES = ("OKR101", "OKR102", "OKR103", "OKR104", "OKR201", "OKR203", "OKR206")


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0


def as_file(entry: dict[str, object]) -> bytes:
    """A minimal OKR file with the entry's text; strings are JSON-quoted (valid YAML)."""
    lines = [
        "---",
        f"objective: {json.dumps(entry['objective'], ensure_ascii=False)}",
        "owner: corpus",
        "period: 2026-Q1",
        "key_results:",
    ]
    for title in entry["key_results"]:  # type: ignore[attr-defined]
        lines.append(f"  - title: {json.dumps(title, ensure_ascii=False)}")
    lines.append("---")
    return ("\n".join(lines) + "\n").encode("utf-8")


def findings(entry: dict[str, object]) -> set[tuple[str, str]]:
    """(where, code) pairs: where is 'objective' or 'kr1', 'kr2', ..."""
    loaded = load_bytes(as_file(entry), FileContext("corpus.md", "corpus.md", "corpus.md"))
    assert loaded.objective is not None, loaded.diagnostics
    config = Config(root=HERE)
    found = set()
    for code in TEXT_RULES:
        rule = RULES[code]
        context = RuleContext(date(2026, 2, 15), config, rule.default_options())
        for finding in rule().check(loaded.objective, context):
            parts = finding.pointer.split("/")
            where = f"kr{int(parts[2]) + 1}" if parts[1] == "key_results" else "objective"
            found.add((where, code))
    return found


def expected(label: dict[str, object]) -> set[tuple[str, str]]:
    found = set()
    for where, value in label.items():
        if where in ("note",):
            continue
        codes = value.get("flags", []) if isinstance(value, dict) else value
        for code in codes or []:
            found.add((where, code))
    return found


def evaluate() -> dict[str, Score]:
    entries = json.loads((HERE / "real-okrs.json").read_text(encoding="utf-8"))
    labels = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    scores = {code: Score() for code in TEXT_RULES}
    for index, entry in enumerate(entries):
        got = findings(entry)
        want = expected(labels.get(index) or {})
        for where, code in got | want:
            score = scores[code]
            text = (
                entry["objective"]
                if where == "objective"
                else entry["key_results"][int(where[2:]) - 1]
            )
            if (where, code) in got and (where, code) in want:
                score.true_positive += 1
            elif (where, code) in got:
                score.false_positive += 1
                score.mistakes.append(f"false positive #{index} {where}: {text}")
            else:
                score.false_negative += 1
                score.mistakes.append(f"missed #{index} {where}: {text}")
    return scores


def total(scores: dict[str, Score]) -> Score:
    overall = Score()
    for score in scores.values():
        overall.true_positive += score.true_positive
        overall.false_positive += score.false_positive
        overall.false_negative += score.false_negative
    return overall


def main() -> None:
    scores = evaluate()
    print("| rule | flagged | right | precision | recall |")
    print("|---|---:|---:|---:|---:|")
    for code, s in scores.items():
        flagged = s.true_positive + s.false_positive
        print(
            f"| {code} {RULES[code].name} | {flagged} | {s.true_positive} | "
            f"{s.precision:.0%} | {s.recall:.0%} |"
        )
    o = total(scores)
    print(
        f"| all | {o.true_positive + o.false_positive} | {o.true_positive} | "
        f"{o.precision:.0%} | {o.recall:.0%} |"
    )
    print()
    for code, s in scores.items():
        for mistake in s.mistakes:
            print(code, mistake)
    print(Counter(code for code, s in scores.items() for _ in s.mistakes))


if __name__ == "__main__":
    main()
