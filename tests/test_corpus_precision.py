"""The language rules on real published OKRs: findings a reviewer agrees with (see corpus/)."""

from __future__ import annotations

from .corpus.precision import evaluate, total


def test_precision_and_recall_on_real_okrs() -> None:
    scores = evaluate()
    overall = total(scores)
    # A linter that cries wolf gets disabled: nearly every finding must be right.
    assert overall.precision >= 0.97, [m for s in scores.values() for m in s.mistakes]
    for code, score in scores.items():
        if score.true_positive + score.false_positive >= 5:
            assert score.precision >= 0.95, (code, score.mistakes)
    assert overall.recall >= 0.85


def test_every_corpus_entry_has_a_source() -> None:
    import json
    from pathlib import Path

    entries = json.loads(
        (Path(__file__).parent / "corpus" / "real-okrs.json").read_text(encoding="utf-8")
    )
    assert len(entries) >= 45
    assert sum(len(e["key_results"]) for e in entries) >= 140
    assert all(e["source"] and e["org"] for e in entries)
    assert any("\u4e00" <= c <= "\u9fff" for e in entries for c in e["objective"])
