"""Progress, expected progress, status and scores: pure functions over the model.

Documented in docs/progress.md. In short:

- A metric key result's progress is (current − baseline) / (target − baseline); the same formula
  serves metrics to reduce. It may exceed 1 ("exceeded") or be negative; roll-ups clamp it to
  [0, 1]. Without a current value it is 0 and shown as "no data". A milestone is 0 or 1.
- An objective's progress is the weighted mean of its key results (clamped). Team, owner and
  period roll-ups are the mean of their objectives.
- Expected progress on a day is the elapsed share of the period. In an active period a key
  result's status follows the gap g = expected − actual: on track (g ≤ on-track), at risk
  (g ≤ at-risk), off track beyond; a key result with no check-in for longer than the stale limit
  is stale, never on track. An objective's status is its worst key result's.
- Closed periods are judged by score (0.0–1.0, Google's bands): < 0.4 missed, < 0.7 progress,
  ≥ 0.7 delivered; unscored when there is none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from okrdocs.config import StatusSettings
from okrdocs.model import KeyResult, Objective

# Status values, from best to worst for an active period. The order is the order of concern:
# stale sits between at-risk and off-track because silence may hide either.
ON_TRACK, AT_RISK, STALE, OFF_TRACK = "on-track", "at-risk", "stale", "off-track"
NOT_STARTED = "not-started"
# A key result dropped mid-period: shown with its history, left out of every roll-up.
DROPPED = "dropped"
# Closed periods.
DELIVERED, PROGRESS, MISSED, UNSCORED = "delivered", "progress", "missed", "unscored"

# Statuses that need no one's attention.
NOT_WORRYING = frozenset((ON_TRACK, DELIVERED, NOT_STARTED, DROPPED))

SEVERITY = {
    DROPPED: 0,
    NOT_STARTED: 0,
    ON_TRACK: 1,
    DELIVERED: 1,
    AT_RISK: 2,
    PROGRESS: 2,
    UNSCORED: 2,
    STALE: 3,
    OFF_TRACK: 4,
    MISSED: 4,
}


def clamp(value: float) -> float:
    return 0.0 if value < 0 else 1.0 if value > 1 else value


# Raw progress beyond this many times the target is shown as this (it only ever shows as
# "exceeded"; roll-ups clamp to [0, 1] anyway).
PROGRESS_LIMIT = 1e6


def value_progress(kr: KeyResult, value: float | bool | None) -> float | None:
    """Raw progress a value would give the key result (below 0 or above 1 allowed), or None.

    The one place the formula lives: a metric's (value − baseline) / (target − baseline), a
    milestone's 0 or 1. Used for the current value and for each check-in of the history.
    """
    if kr.is_milestone:
        return None if value is None else (1.0 if value is True else 0.0)
    if value is None or isinstance(value, bool) or kr.target is None or kr.baseline is None:
        return None
    span = kr.target - kr.baseline
    if span == 0:
        return 1.0 if value == kr.target else 0.0
    progress = (value - kr.baseline) / span
    # Numbers are finite (the loader refuses others), but a minute span can still overflow.
    return (
        progress
        if -PROGRESS_LIMIT <= progress <= PROGRESS_LIMIT
        else (PROGRESS_LIMIT if progress > 0 else -PROGRESS_LIMIT)
    )


def as_seen_on(objective: Objective, as_of: date) -> Objective:
    """``objective`` as it stood on ``as_of``: check-ins dated after it left out, and each key
    result's value the last one checked in by then (none: no value yet), so that ``--as-of``
    reproduces a past week. The file's ``current`` is its latest value: it is replaced only when
    a check-in after ``as_of`` shows the file is ahead of that day. The same object when nothing
    is dated after ``as_of`` (the usual case, and every build: OKR403 refuses such check-ins)."""
    if not any(checkin.date > as_of for checkin in objective.checkins):
        return objective
    kept = [checkin for checkin in objective.checkins if checkin.date <= as_of]
    latest: dict[str, float | bool] = {}
    for checkin in sorted(kept, key=lambda c: c.date):
        latest.update(checkin.values)
    key_results = []
    for kr in objective.key_results:
        value = latest.get(kr.id)
        if kr.is_milestone:
            done = value if isinstance(value, bool) else None
            key_results.append(replace(kr, done=done))
        else:
            number = None if isinstance(value, bool) else value
            key_results.append(replace(kr, current=number))
    return replace(objective, key_results=key_results, checkins=kept)


def kr_progress(kr: KeyResult) -> float | None:
    """Raw progress of a key result (may be below 0 or above 1), or None without data."""
    return value_progress(kr, kr.done if kr.is_milestone else kr.current)


def rollup_value(progress: float | None) -> float:
    """What a key result contributes to roll-ups: clamped, and 0 without data."""
    return 0.0 if progress is None else clamp(progress)


def weighted_mean(values: Sequence[tuple[float, float]]) -> float:
    """Σ wᵢ·vᵢ / Σ wᵢ over (value, weight) pairs; 0 for none."""
    total = sum(weight for _, weight in values)
    if total <= 0:
        return 0.0
    return sum(value * weight for value, weight in values) / total


def objective_progress(objective: Objective, as_of: date | None = None) -> float:
    """Weighted mean of the key results' progress (those dropped by ``as_of`` left out)."""
    return weighted_mean(
        [
            (rollup_value(kr_progress(kr)), kr.weight)
            for kr in objective.key_results
            if as_of is None or not kr.dropped_by(as_of)
        ]
    )


def mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def last_checkin_date(objective: Objective, kr: KeyResult) -> date | None:
    """The latest check-in that recorded a value for ``kr``."""
    latest = None
    for checkin in objective.checkins:
        if kr.id in checkin.values and (latest is None or checkin.date > latest):
            latest = checkin.date
    return latest


def gap_status(gap: float, settings: StatusSettings) -> str:
    if gap <= settings.on_track:
        return ON_TRACK
    if gap <= settings.at_risk:
        return AT_RISK
    return OFF_TRACK


def score_status(score: float | None) -> str:
    """Google's bands: 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green."""
    if score is None:
        return UNSCORED
    if score < 0.4:
        return MISSED
    if score < 0.7:
        return PROGRESS
    return DELIVERED


@dataclass(frozen=True, slots=True)
class KrState:
    """Everything the site and the other tools show for one key result."""

    progress: float | None  # raw; None: no data
    value: float  # for roll-ups: clamped, 0 without data
    expected: float
    status: str
    last_checkin: date | None
    days_since_checkin: int | None
    score: float | None
    # In an active period, where progress stands against time (on track, at risk, off track),
    # also when the key result is stale: "stale" must not hide "failing".
    gap: str | None = None

    @property
    def exceeded(self) -> bool:
        return self.progress is not None and self.progress > 1


def kr_state(objective: Objective, kr: KeyResult, as_of: date, settings: StatusSettings) -> KrState:
    period = objective.period
    progress = kr_progress(kr)
    value = rollup_value(progress)
    expected = period.elapsed(as_of)
    last = last_checkin_date(objective, kr)
    since = last or period.start
    days = (as_of - since).days if as_of >= since else None
    phase = period.state(as_of)
    if kr.dropped_by(as_of):
        status = DROPPED
    elif phase == "upcoming":
        status = NOT_STARTED
    elif phase == "closed":
        status = score_status(kr.score)
    else:
        gap = gap_status(expected - value, settings)
        status = STALE if days is not None and days > settings.stale_days else gap
        return KrState(progress, value, expected, status, last, days, kr.score, gap)
    return KrState(progress, value, expected, status, last, days, kr.score)


def worst(statuses: Iterable[str]) -> str | None:
    found = list(statuses)
    return max(found, key=lambda s: SEVERITY[s]) if found else None


@dataclass(frozen=True, slots=True)
class ObjectiveState:
    progress: float
    expected: float
    status: str
    score: float | None
    krs: tuple[KrState, ...]
    phase: str  # upcoming | active | closed
    gap: str | None = None  # the worst key result's gap in an active period (see KrState)


def objective_score(objective: Objective, as_of: date | None = None) -> float | None:
    """The objective's own score, or the weighted mean of its (not dropped) key results'."""
    if objective.score is not None:
        return objective.score
    counted = [kr for kr in objective.key_results if as_of is None or not kr.dropped_by(as_of)]
    scored = [(kr.score, kr.weight) for kr in counted if kr.score is not None]
    if not scored or len(scored) < len(counted):
        return None
    return weighted_mean(scored)


def objective_state(objective: Objective, as_of: date, settings: StatusSettings) -> ObjectiveState:
    krs = tuple(kr_state(objective, kr, as_of, settings) for kr in objective.key_results)
    counted = [
        (state, kr)
        for state, kr in zip(krs, objective.key_results, strict=True)
        if state.status != DROPPED
    ]
    progress = weighted_mean([(state.value, kr.weight) for state, kr in counted])
    phase = objective.period.state(as_of)
    score = objective_score(objective, as_of)
    gap = None
    if phase == "closed":
        status = score_status(score)
    else:
        status = worst(state.status for state, _ in counted) or NOT_STARTED
        gap = worst(state.gap for state, _ in counted if state.gap is not None)
    return ObjectiveState(progress, objective.period.elapsed(as_of), status, score, krs, phase, gap)


# -- history: what the check-ins said on a given day ---------------------------------------------


def value_on(objective: Objective, kr: KeyResult, day: date) -> float | bool | None:
    """The key result's value as its check-ins stood on ``day`` (the latest on or before it),
    None before its first check-in. Trends and reports compare these, so that they can be
    reproduced with --as-of."""
    found: tuple[date, float | bool] | None = None
    for checkin in objective.checkins:
        if (
            checkin.date <= day
            and kr.id in checkin.values
            and (found is None or checkin.date >= found[0])
        ):
            found = (checkin.date, checkin.values[kr.id])
    return found[1] if found is not None else None


def kr_progress_on(objective: Objective, kr: KeyResult, day: date) -> float:
    """What the key result contributed to roll-ups on ``day`` (0 before any check-in)."""
    return rollup_value(value_progress(kr, value_on(objective, kr, day)))


def objective_progress_on(objective: Objective, day: date) -> float:
    """The objective's progress as its check-ins stood on ``day``."""
    return weighted_mean(
        [
            (kr_progress_on(objective, kr, day), kr.weight)
            for kr in objective.key_results
            if not kr.dropped_by(day)
        ]
    )


def confidence_on(objective: Objective, day: date) -> float | None:
    """The confidence of the latest check-in on or before ``day`` that gave one."""
    found: tuple[date, float] | None = None
    for checkin in objective.checkins:
        if (
            checkin.date <= day
            and checkin.confidence is not None
            and (found is None or checkin.date >= found[0])
        ):
            found = (checkin.date, checkin.confidence)
    return found[1] if found is not None else None


def kr_status_on(objective: Objective, kr: KeyResult, day: date, settings: StatusSettings) -> str:
    """The key result's status on ``day`` as its check-ins stood then: what a report compares
    with today's to say what became off track."""
    period = objective.period
    phase = period.state(day)
    if kr.dropped_by(day):
        return DROPPED
    if phase == "upcoming":
        return NOT_STARTED
    if phase == "closed":
        return score_status(kr.score)
    last = None
    for checkin in objective.checkins:
        if checkin.date <= day and kr.id in checkin.values:
            last = checkin.date if last is None else max(last, checkin.date)
    if (day - (last or period.start)).days > settings.stale_days:
        return STALE
    return gap_status(period.elapsed(day) - kr_progress_on(objective, kr, day), settings)


def subtree_progress(root: str, children: dict[str, list[str]], own: dict[str, float]) -> float:
    """Mean progress of an objective and every objective below it in the alignment tree."""
    values, stack, seen = [], [root], set()
    while stack:
        current = stack.pop()
        if current in seen:  # parent cycles are reported by lint; never loop here
            continue
        seen.add(current)
        if current in own:
            values.append(own[current])
        stack.extend(children.get(current, ()))
    return sum(values) / len(values) if values else 0.0


def status_counts(statuses: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return counts
