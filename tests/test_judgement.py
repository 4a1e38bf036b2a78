"""The decisions the judgement rules document hold, and their messages help in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from okrdocs.config import Config
from okrdocs.loader import FileContext, load_bytes
from okrdocs.rules import RULES, RuleContext
from okrdocs.rules.okr203_kr_is_activity import KrIsActivity
from okrdocs.text.judge import kr_activity


def _table_examples() -> list[tuple[str, str]]:
    """(decision, example) for every example in OKR203's decision table."""
    found = []
    for line in (KrIsActivity.__doc__ or "").split("\n"):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.strip().startswith("| ") or len(cells) != 4 or cells[1] in ("decision", "---"):
            continue
        for cell in cells[2:]:
            found += [(cells[1], ex.replace("…", "").strip()) for ex in cell.split("; ")]
    return found


@pytest.mark.parametrize(("decision", "title"), _table_examples())
def test_okr203_decision_table(decision: str, title: str) -> None:
    assert (kr_activity(title) is not None) == (decision == "activity"), title


def _vague_table_examples() -> list[tuple[str, str]]:
    """(decision, example) for every example in OKR101's decision table."""
    from okrdocs.rules.okr101_objective_vague import ObjectiveVague

    found = []
    for line in (ObjectiveVague.__doc__ or "").split("\n"):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.strip().startswith("| ") or len(cells) != 4 or cells[1] in ("decision", "---"):
            continue
        for cell in cells[2:]:
            found += [(cells[1], ex.strip()) for ex in cell.split("; ") if ex.strip()]
    return found


@pytest.mark.parametrize(("decision", "objective"), _vague_table_examples())
def test_okr101_decision_table(decision: str, objective: str) -> None:
    from okrdocs.text.vague import objective_vagueness

    assert (objective_vagueness(objective) is not None) == (decision == "vague"), objective


def test_the_okr101_table_has_examples_in_both_languages() -> None:
    examples = _vague_table_examples()
    assert len(examples) > 12
    assert any("\u4e00" <= ch <= "\u9fff" for _, objective in examples for ch in objective)


def test_the_table_has_examples_in_both_languages() -> None:
    examples = _table_examples()
    assert len(examples) > 25
    assert any("\u4e00" <= ch <= "\u9fff" for _, title in examples for ch in title)


def _messages(text: str, code: str) -> list[str]:
    loaded = load_bytes(text.encode(), FileContext("a.md", "a.md", "a.md"))
    assert loaded.objective is not None
    rule = RULES[code]
    context = RuleContext(date(2026, 2, 15), Config(root="."), rule.default_options())
    return [finding.message for finding in rule().check(loaded.objective, context)]


def test_okr203_message_names_the_words_and_suggests_a_rewrite_in_the_language() -> None:
    file = (
        "---\nobjective: Make onboarding effortless\nowner: ada\nperiod: 2026-Q1\n"
        "key_results:\n  - title: Launch the self-service portal\n"
        "  - title: 财务系统简易版上线\n---\n"
    )
    english, chinese = _messages(file, "OKR203")
    assert "'Launch'" in english and "rises from" in english and "actions" in english
    assert "'上线'" in chinese and "从 0 家增加到" in chinese
    assert "a deliverable's state" in chinese
