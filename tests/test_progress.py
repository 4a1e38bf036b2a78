"""The numbers: progress, expected progress, status, scores, roll-ups."""

from __future__ import annotations

from datetime import date

import pytest

from okrdocs import progress as p
from okrdocs.config import StatusSettings
from okrdocs.model import Checkin, KeyResult, Objective
from okrdocs.periods import parse_period

SETTINGS = StatusSettings()


def kr(kr_id: str = "kr1", **fields: object) -> KeyResult:
    return KeyResult(
        id=kr_id, title=kr_id, pointer="/key_results/0", index=0, owner="ada", **fields
    )  # type: ignore[arg-type]


def objective(
    *krs: KeyResult,
    period: str = "2026-Q1",
    checkins: list[Checkin] | None = None,
    score: float | None = None,
) -> Objective:
    from pathlib import Path

    return Objective(
        id="o",
        path=Path("o.md"),
        display_path="o.md",
        rel_path="o.md",
        objective="o",
        owner="ada",
        period=parse_period(period),
        key_results=list(krs),
        checkins=checkins or [],
        score=score,
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"baseline": 800, "target": 880, "current": 840}, 0.5),
        ({"baseline": 800, "target": 880, "current": 900}, 1.25),  # exceeded
        ({"baseline": 800, "target": 880, "current": 780}, -0.25),  # went backwards
        ({"baseline": 4.2, "target": 1.5, "current": 1.8}, (4.2 - 1.8) / (4.2 - 1.5)),  # to reduce
        ({"baseline": 40, "target": 15, "current": 50}, -0.4),  # reduce, went up
        ({"baseline": 800, "target": 880}, None),  # no data
        ({"target": 880, "current": 850}, None),  # no baseline: cannot compute
        ({"baseline": 5, "target": 5, "current": 5}, 1.0),  # no change asked, met
        ({"baseline": 5, "target": 5, "current": 4}, 0.0),
        ({"kind": "milestone", "done": True}, 1.0),
        ({"kind": "milestone", "done": False}, 0.0),
        ({"kind": "milestone"}, None),
    ],
)
def test_kr_progress(fields: dict[str, object], expected: float | None) -> None:
    result = p.kr_progress(kr(**fields))
    assert result == pytest.approx(expected) if expected is not None else result is None


def test_rollup_clamps_and_counts_no_data_as_zero() -> None:
    assert p.rollup_value(1.25) == 1.0
    assert p.rollup_value(-0.25) == 0.0
    assert p.rollup_value(None) == 0.0


def test_objective_progress_is_the_weighted_mean() -> None:
    o = objective(
        kr("a", baseline=0, target=10, current=10, weight=2.0),  # 1.0
        kr("b", baseline=0, target=10, current=5),  # 0.5
        kr("c", baseline=0, target=10, current=20),  # exceeded: counts 1.0
        kr("d", baseline=0, target=10),  # no data: 0
    )
    assert p.objective_progress(o) == pytest.approx((2 * 1.0 + 0.5 + 1.0 + 0) / 5)


def test_weights_of_zero_total_give_zero() -> None:
    assert p.weighted_mean([]) == 0.0


@pytest.mark.parametrize(
    ("as_of", "current", "status"),
    [
        (date(2026, 2, 15), 451, p.ON_TRACK),  # expected 45/89 ≈ 0.506, actual 0.451: gap 0.055
        (date(2026, 2, 15), 350, p.AT_RISK),  # gap ≈ 0.156
        (date(2026, 2, 15), 200, p.OFF_TRACK),  # gap ≈ 0.306
        (date(2026, 2, 15), 900, p.ON_TRACK),  # ahead
        (date(2025, 12, 1), 0, p.NOT_STARTED),
    ],
)
def test_status_from_the_gap(as_of: date, current: float, status: str) -> None:
    checkins = [Checkin(date=date(2026, 2, 10), pointer="/checkins/0", values={"kr1": current})]
    o = objective(kr(baseline=0, target=1000, current=current), checkins=checkins)
    assert p.objective_state(o, as_of, SETTINGS).status == status


def test_thresholds_are_configurable() -> None:
    checkins = [Checkin(date=date(2026, 2, 10), pointer="/checkins/0", values={"kr1": 350})]
    o = objective(kr(baseline=0, target=1000, current=350), checkins=checkins)
    lenient = StatusSettings(on_track=0.2, at_risk=0.3, stale_days=14)
    assert p.objective_state(o, date(2026, 2, 15), lenient).status == p.ON_TRACK


def test_stale_is_never_green() -> None:
    checkins = [Checkin(date=date(2026, 1, 5), pointer="/checkins/0", values={"kr1": 1000})]
    o = objective(kr(baseline=0, target=1000, current=1000), checkins=checkins)
    state = p.objective_state(o, date(2026, 2, 15), SETTINGS)
    assert state.krs[0].status == p.STALE
    assert state.krs[0].days_since_checkin == 41
    assert state.status == p.STALE


def test_no_checkin_counts_from_the_period_start() -> None:
    o = objective(kr(baseline=0, target=10))
    # Nine days in: not stale yet; expected 9/89 ≈ 0.101 against nothing done: just at risk.
    assert p.objective_state(o, date(2026, 1, 10), SETTINGS).krs[0].status == p.AT_RISK
    assert p.objective_state(o, date(2026, 1, 20), SETTINGS).krs[0].status == p.STALE


def test_objective_status_is_the_worst() -> None:
    checkins = [Checkin(date=date(2026, 2, 10), pointer="/checkins/0", values={"a": 600, "b": 100})]
    o = objective(
        kr("a", baseline=0, target=1000, current=600),
        kr("b", baseline=0, target=1000, current=100),
        checkins=checkins,
    )
    state = p.objective_state(o, date(2026, 2, 15), SETTINGS)
    assert [k.status for k in state.krs] == [p.ON_TRACK, p.OFF_TRACK]
    assert state.status == p.OFF_TRACK


@pytest.mark.parametrize(
    ("score", "status"),
    [
        (0.0, p.MISSED),
        (0.3, p.MISSED),
        (0.4, p.PROGRESS),
        (0.6, p.PROGRESS),
        (0.7, p.DELIVERED),
        (1.0, p.DELIVERED),
        (None, p.UNSCORED),
    ],
)
def test_closed_periods_show_score_bands(score: float | None, status: str) -> None:
    o = objective(kr(baseline=0, target=10, current=3, score=score))
    state = p.objective_state(o, date(2026, 5, 1), SETTINGS)
    assert state.phase == "closed"
    assert state.krs[0].status == status
    assert state.status == status


def test_objective_score_is_its_own_or_the_weighted_kr_mean() -> None:
    assert p.objective_score(
        objective(kr("a", score=1.0, weight=3.0), kr("b", score=0.2))
    ) == pytest.approx(0.8)
    assert p.objective_score(objective(kr("a", score=1.0), kr("b"))) is None
    assert p.objective_score(objective(kr("a", score=1.0), score=0.5)) == 0.5


def test_expected_progress_including_a_one_day_period() -> None:
    assert parse_period("2026-Q1").elapsed(date(2026, 1, 1)) == 0.0
    one_day = objective(kr(baseline=0, target=1, current=1), period="2026-03-01..2026-03-01")
    state = p.objective_state(one_day, date(2026, 3, 1), SETTINGS)
    assert state.expected == 1.0
    assert state.krs[0].status == p.ON_TRACK


def test_subtree_progress() -> None:
    children = {"company": ["sales", "eng"], "sales": ["sales-east"], "eng": []}
    own = {"company": 0.5, "sales": 0.4, "eng": 0.9, "sales-east": 0.2}
    assert p.subtree_progress("company", children, own) == pytest.approx(
        (0.5 + 0.4 + 0.9 + 0.2) / 4
    )
    assert p.subtree_progress("sales", children, own) == pytest.approx(0.3)
    cyclic = {"a": ["b"], "b": ["a"]}
    assert p.subtree_progress("a", cyclic, {"a": 1.0, "b": 0.0}) == 0.5


def test_mean_of_nothing_is_none() -> None:
    assert p.mean([]) is None
    assert p.mean([0.5, 1.0]) == 0.75
