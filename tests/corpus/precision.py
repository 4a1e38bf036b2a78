"""How often the language rules are right on OKRs that real organisations published.

    python -m tests.corpus.precision               # every part: per rule, per language
    python -m tests.corpus.precision tune --mistakes   # and every disagreement on a tuning part
    python -m tests.corpus.precision --record-minimums # the frozen figures become the floor
    python -m tests.corpus.precision cv                # the tuning part's two folds, side by side
    python -m tests.corpus.precision tune-a --mistakes # develop on fold A, then measure fold B

Three labelled parts, each a list of real OKRs (objective and key result titles, with their
sources) and, per entry, the rule codes a careful reviewer applies:

- ``old``: ``real-okrs.json`` + ``labels.yaml``, about 50 objectives and 150 key results, the
  corpus the first word lists were written against;
- ``tune``: ``dev/tune.json`` + ``dev/tune-labels.yaml``, half of the development corpus (see
  ``dev/LABELLING.md``), read freely while the rules are tuned;
- ``frozen``: ``dev/frozen.json`` + ``dev/frozen-labels.yaml``, the other half, held out. Only
  aggregate figures are ever computed on it: this module refuses to list its mistakes, and
  ``dev/frozen-minimums.json`` records the figures a change must not fall below.

Cross-validation: the tuning part is split into two folds, ``tune-a`` and ``tune-b`` (seeded,
stratified by language: within each language the entries are shuffled with
``random.Random(f"{FOLD_SEED}-{language}")`` and the first half goes to fold A). A change is
developed on one fold's mistakes and judged by the other fold, which it did not see; a change
that helps only the fold it was written against fits those texts, not the language. ``cv``
prints both folds and the gap between them.

Each entry becomes a real OKR file (parsed by the loader) and the rules run on it; precision is
the share of findings the reviewer agrees with, recall the share of the reviewer's flags found.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from okrdocs.config import Config
from okrdocs.loader import FileContext, load_bytes
from okrdocs.rules import RULES, RuleContext

HERE = Path(__file__).parent
TEXT_RULES = ("OKR101", "OKR102", "OKR103", "OKR104", "OKR201", "OKR203", "OKR206")
# The rules that judge what the text means (OKR103 only measures width).
JUDGEMENT_RULES = ("OKR101", "OKR102", "OKR104", "OKR201", "OKR203", "OKR206")
LANGUAGES = ("en", "zh-Hans", "zh-Hant")
PARTS = {
    "old": ("real-okrs.json", "labels.yaml"),
    "tune": ("dev/tune.json", "dev/tune-labels.yaml"),
    "frozen": ("dev/frozen.json", "dev/frozen-labels.yaml"),
}
HELD_OUT = ("frozen",)
# The tuning part's two cross-validation folds (see the module's docstring).
FOLDS = {"tune-a": 0, "tune-b": 1}
FOLD_SEED = 20261201
MINIMUMS = HERE / "dev" / "frozen-minimums.json"


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

    @property
    def flagged(self) -> int:
        return self.true_positive + self.false_positive

    @property
    def labelled(self) -> int:
        return self.true_positive + self.false_negative

    def add(self, other: Score) -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative


def as_file(entry: dict[str, Any]) -> bytes:
    """A minimal OKR file with the entry's text; strings are JSON-quoted (valid YAML)."""
    lines = [
        "---",
        f"objective: {json.dumps(entry['objective'], ensure_ascii=False)}",
        "owner: corpus",
        "period: 2026-Q1",
        "key_results:",
    ]
    for title in entry["key_results"]:
        lines.append(f"  - title: {json.dumps(title, ensure_ascii=False)}")
    lines.append("---")
    return ("\n".join(lines) + "\n").encode("utf-8")


def findings(entry: dict[str, Any]) -> set[tuple[str, str]]:
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


def expected(label: dict[str, Any]) -> set[tuple[str, str]]:
    found = set()
    for where, value in label.items():
        if where in ("note",):
            continue
        codes = value.get("flags", []) if isinstance(value, dict) else value
        for code in codes or []:
            found.add((where, code))
    return found


def _language(entry: dict[str, Any]) -> str:
    """The entry's language; the old corpus does not record it, so it is told from the text."""
    if "language" in entry:
        return str(entry["language"])
    from okrdocs.language import has_cjk

    text = entry["objective"] + "".join(entry["key_results"])
    if not has_cjk(text):
        return "en"
    traditional = set("們團隊與發開實這個來區應營銷戶當質會時間點達")
    return "zh-Hant" if any(char in traditional for char in text) else "zh-Hans"


def load_part(part: str) -> tuple[list[dict[str, Any]], dict[int, Any]]:
    entries_file, labels_file = PARTS["tune" if part in FOLDS else part]
    entries = json.loads((HERE / entries_file).read_text(encoding="utf-8"))
    labels = yaml.safe_load((HERE / labels_file).read_text(encoding="utf-8")) or {}
    return entries, labels


def fold_indexes(entries: list[dict[str, Any]], fold: int) -> set[int]:
    """The indexes of the tuning entries in one cross-validation fold (0 or 1)."""
    chosen: set[int] = set()
    for language in sorted({_language(entry) for entry in entries}):
        indexes = [i for i, entry in enumerate(entries) if _language(entry) == language]
        random.Random(f"{FOLD_SEED}-{language}").shuffle(indexes)
        half = (len(indexes) + 1) // 2
        chosen.update(indexes[:half] if fold == 0 else indexes[half:])
    return chosen


# (code, language) -> Score; language "all" sums the languages.
Scores = dict[tuple[str, str], Score]


def evaluate_part(part: str, keep_mistakes: bool | None = None) -> Scores:
    """Per rule and language, how the rules do on one part of the corpus.

    Mistakes (the texts) are kept only for parts one may tune on, never for a held-out part.
    """
    if keep_mistakes is None:
        keep_mistakes = part not in HELD_OUT
    if keep_mistakes and part in HELD_OUT:
        raise ValueError(f"the {part} part is held out: only aggregate figures are computed")
    entries, labels = load_part(part)
    keep = fold_indexes(entries, FOLDS[part]) if part in FOLDS else set(range(len(entries)))
    scores: Scores = {
        (code, language): Score() for code in TEXT_RULES for language in (*LANGUAGES, "all")
    }
    for index, entry in enumerate(entries):
        if index not in keep:
            continue
        language = _language(entry)
        got = findings(entry)
        want = expected(labels.get(index) or {})
        for where, code in got | want:
            for key in ((code, language), (code, "all")):
                score = scores[key]
                if (where, code) in got and (where, code) in want:
                    score.true_positive += 1
                elif (where, code) in got:
                    score.false_positive += 1
                else:
                    score.false_negative += 1
            if keep_mistakes and ((where, code) in got) != ((where, code) in want):
                text = (
                    entry["objective"]
                    if where == "objective"
                    else entry["key_results"][int(where[2:]) - 1]
                )
                kind = "false positive" if (where, code) in got else "missed"
                scores[(code, language)].mistakes.append(f"{kind} #{index} {where}: {text}")
    return scores


def evaluate() -> dict[str, Score]:
    """The old corpus, per rule over all languages (with its mistakes)."""
    scores = evaluate_part("old")
    merged = {}
    for code in TEXT_RULES:
        score = scores[(code, "all")]
        score.mistakes = [m for language in LANGUAGES for m in scores[(code, language)].mistakes]
        merged[code] = score
    return merged


def total(scores: dict[str, Score], codes: tuple[str, ...] = TEXT_RULES) -> Score:
    overall = Score()
    for code, score in scores.items():
        if code in codes:
            overall.add(score)
    return overall


def overall(scores: Scores, language: str = "all") -> Score:
    """All judgement rules together, in one language or all."""
    result = Score()
    for code in JUDGEMENT_RULES:
        result.add(scores[(code, language)])
    return result


def figures(scores: Scores) -> dict[str, dict[str, dict[str, float]]]:
    """{rule or 'overall': {language: {'precision': p, 'recall': r}}}, rounded to 3 places."""
    table: dict[str, dict[str, dict[str, float]]] = {}
    for code in (*JUDGEMENT_RULES, "overall"):
        table[code] = {}
        for language in (*LANGUAGES, "all"):
            score = overall(scores, language) if code == "overall" else scores[(code, language)]
            table[code][language] = {
                "precision": round(score.precision, 3),
                "recall": round(score.recall, 3),
                "flagged": score.flagged,
                "labelled": score.labelled,
            }
    return table


def _cell(score: Score) -> str:
    if not score.labelled and not score.flagged:
        return "–"
    return f"{score.precision:.2f} / {score.recall:.2f}"


def language_table(scores: Scores) -> str:
    """A Markdown table: per judgement rule, precision / recall per language and overall."""
    lines = [
        "| rule | en | zh-Hans | zh-Hant | all | labelled | flagged |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for code in (*JUDGEMENT_RULES, "all"):
        if code == "all":
            cells = [_cell(overall(scores, language)) for language in (*LANGUAGES, "all")]
            score = overall(scores)
            name = "**all judgement rules**"
        else:
            cells = [_cell(scores[(code, language)]) for language in (*LANGUAGES, "all")]
            score = scores[(code, "all")]
            name = f"{code} {RULES[code].name}"
        lines.append(f"| {name} | {' | '.join(cells)} | {score.labelled} | {score.flagged} |")
    return "\n".join(lines)


def cross_validation() -> str:
    """Fold A and fold B of the tuning part side by side, per judgement rule and language."""
    folds = [evaluate_part(part, keep_mistakes=False) for part in FOLDS]
    head = " | ".join(f"{fold} {lang}" for fold in "AB" for lang in LANGUAGES)
    lines = [f"| rule | A | B | {head} |", "|---|" + "---:|" * (2 + 2 * len(LANGUAGES))]
    for code in (*JUDGEMENT_RULES, "all"):

        def cell(scores: Scores, language: str, code: str = code) -> str:
            return _cell(overall(scores, language) if code == "all" else scores[(code, language)])

        cells = [cell(scores, "all") for scores in folds]
        cells += [cell(scores, language) for scores in folds for language in LANGUAGES]
        lines.append(f"| {code} | {' | '.join(cells)} |")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if "cv" in argv:
        print("## cross-validation: the tuning part's two folds (precision / recall)\n")
        print(cross_validation())
        return
    parts = [a for a in argv if not a.startswith("-")] or list(PARTS)
    show = "--mistakes" in argv
    for part in parts:
        if show and part in HELD_OUT:
            sys.exit(f"the {part} part is held out: its mistakes are never listed")
        scores = evaluate_part(part, keep_mistakes=show)
        print(f"## {part} (precision / recall)\n")
        print(language_table(scores))
        print()
        if show:
            for (code, language), score in scores.items():
                if language != "all":
                    for mistake in score.mistakes:
                        print(code, language, mistake)
            print()
    if "--record-minimums" in argv:
        record_minimums()
    if "--json" in argv:
        print(json.dumps({p: figures(evaluate_part(p, False)) for p in parts}, indent=1))


def record_minimums() -> None:
    """Write the frozen part's current figures as the floor the test suite holds them to."""
    table = figures(evaluate_part("frozen", keep_mistakes=False))
    floors = {
        code: {
            language: {m: table[code][language][m] for m in ("precision", "recall")}
            for language in table[code]
        }
        for code in table
    }
    MINIMUMS.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
