"""Compare two sets of objectives and say what changed, in words a reviewer can act on.

Pure functions over the model: objectives are matched by id (a moved file is a move, not a
removal and an addition); key results by id when both sides declare one, then by similarity of
their titles, then by position. Each change has a kind (``target-lowered``), tags that judge it
(``less-ambitious``), and a message. ``--fail-on`` matches kinds and tags.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from okrdocs import display
from okrdocs import progress as p
from okrdocs.config import StatusSettings
from okrdocs.i18n import N_, _, _n
from okrdocs.model import Action, Checkin, KeyResult, Objective

# Every kind of change, for --fail-on and the documentation (docs/diff.md).
KINDS = (
    "objective-added", "objective-removed", "objective-moved", "objective-reworded",
    "owner-changed", "team-changed", "period-changed", "type-changed", "parent-changed",
    "tags-changed", "kr-added", "kr-removed", "kr-renamed", "kr-dropped", "kr-reworded",
    "kr-owner-changed",
    "kr-type-changed", "target-lowered", "target-raised", "baseline-changed", "unit-changed",
    "weight-changed", "current-changed", "progress-changed", "status-changed",
    "current-without-checkin", "confidence-changed", "checkin-added", "checkin-removed",
    "checkin-changed", "action-added", "action-removed", "action-status-changed",
    "action-changed", "score-set", "score-changed", "body-changed", "file-unreadable",
)  # fmt: skip
TAGS = ("less-ambitious", "more-ambitious", "history-rewritten", "direction-reversed")


@dataclass(slots=True)
class Change:
    kind: str
    message: str
    kr: str | None = None  # the key result's id, when the change is about one
    old: Any = None
    new: Any = None
    tags: tuple[str, ...] = ()

    def matches(self, selectors: set[str]) -> bool:
        # A file that cannot be read may hide any change: it fails every policy.
        if self.kind == "file-unreadable" and selectors:
            return True
        return self.kind in selectors or any(tag in selectors for tag in self.tags)


@dataclass(slots=True)
class ObjectiveDiff:
    id: str
    status: str  # added | removed | changed | unreadable
    title: str
    old_path: str | None = None
    new_path: str | None = None
    changes: list[Change] = field(default_factory=list)
    old_progress: float | None = None
    new_progress: float | None = None
    old_status: str | None = None
    new_status: str | None = None


@dataclass(slots=True)
class DiffReport:
    old_label: str
    new_label: str
    as_of: date
    objectives: list[ObjectiveDiff] = field(default_factory=list)

    @property
    def changed(self) -> list[ObjectiveDiff]:
        return [o for o in self.objectives if o.changes]

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for objective in self.changed:
            found[objective.status] = found.get(objective.status, 0) + 1
        return found

    def matching(self, selectors: set[str]) -> list[tuple[ObjectiveDiff, Change]]:
        return [(o, c) for o in self.objectives for c in o.changes if c.matches(selectors)]


def number(value: float | None) -> str:
    return display.number(value, none=_("none"))


def percent(value: float | None) -> str:
    return display.percent(value, none=_("no data"))


def _judgement(tags: tuple[str, ...]) -> str:
    return _(": {judgement}", judgement=_(_TAG_WORDS[tags[0]])) if tags else ""


_TAG_WORDS = {
    "less-ambitious": N_("less ambitious"),
    "more-ambitious": N_("more ambitious"),
    "history-rewritten": N_("history rewritten"),
    "direction-reversed": N_("direction reversed"),
}


def _words(status: str | None) -> str:
    return display.status_words(status)


# -- key results --------------------------------------------------------------------------


def match_key_results(
    old: list[KeyResult], new: list[KeyResult]
) -> tuple[list[tuple[KeyResult, KeyResult]], list[KeyResult], list[KeyResult]]:
    """(pairs, removed, added): by declared id, then title similarity, then position."""
    pairs: list[tuple[KeyResult, KeyResult]] = []
    old_left, new_left = list(old), list(new)
    new_by_id = {kr.id: kr for kr in new if kr.id_declared}
    for kr in list(old_left):
        partner = new_by_id.get(kr.id) if kr.id_declared else None
        if partner is not None and partner in new_left:
            pairs.append((kr, partner))
            old_left.remove(kr)
            new_left.remove(partner)
    scored = sorted(
        (
            (difflib.SequenceMatcher(None, a.title, b.title).ratio(), i, j)
            for i, a in enumerate(old_left)
            for j, b in enumerate(new_left)
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for ratio, i, j in scored:
        if ratio < 0.6 or i in used_old or j in used_new:
            continue
        # Two key results with declared, different ids are different key results, unless only
        # the id changed (a rename): the same title and the same numbers.
        if (
            old_left[i].id_declared
            and new_left[j].id_declared
            and old_left[i].id != new_left[j].id
            and not _renamed(old_left[i], new_left[j], ratio)
        ):
            continue
        pairs.append((old_left[i], new_left[j]))
        used_old.add(i)
        used_new.add(j)
    old_rest = [kr for i, kr in enumerate(old_left) if i not in used_old]
    new_rest = [kr for j, kr in enumerate(new_left) if j not in used_new]
    for a in list(old_rest):  # same position, neither with a declared id of its own
        b = next(
            (
                kr
                for kr in new_rest
                if kr.index == a.index and not kr.id_declared and not a.id_declared
            ),
            None,
        )
        if b is not None:
            pairs.append((a, b))
            old_rest.remove(a)
            new_rest.remove(b)
    pairs.sort(key=lambda pair: pair[1].index)
    return pairs, old_rest, new_rest


def _renamed(old: KeyResult, new: KeyResult, title_ratio: float) -> bool:
    """Whether ``new`` is ``old`` under another id: a near-identical title, the same numbers."""
    return title_ratio >= 0.9 and (old.baseline, old.target, old.unit, old.kind) == (
        new.baseline,
        new.target,
        new.unit,
        new.kind,
    )


def _ambition(old: KeyResult, new: KeyResult) -> tuple[str, ...]:
    """Whether the distance from baseline to target grew or shrank, in the direction the key
    result had before the change. A target moved past the baseline reverses that direction (a
    metric to raise now asks for a fall): reported as such, and less ambitious, since what was
    asked for is no longer asked."""
    if old.baseline is None or old.target is None or new.baseline is None or new.target is None:
        return ()
    old_span, new_span = old.target - old.baseline, new.target - new.baseline
    if old_span and new_span and (old_span > 0) != (new_span > 0):
        return ("less-ambitious", "direction-reversed")
    direction = 1 if (old_span or new_span) >= 0 else -1
    old_gap, new_gap = old_span * direction, new_span * direction
    if new_gap < old_gap:
        return ("less-ambitious",)
    if new_gap > old_gap:
        return ("more-ambitious",)
    return ()


def compare_key_result(
    old_objective: Objective,
    new_objective: Objective,
    old: KeyResult,
    new: KeyResult,
    as_of: date,
    settings: StatusSettings,
    new_checkin_dates: set[date],
) -> list[Change]:
    changes: list[Change] = []
    name = new.id

    def add(
        kind: str,
        message: str,
        old_value: Any = None,
        new_value: Any = None,
        tags: tuple[str, ...] = (),
    ) -> None:
        changes.append(Change(kind, message, name, old_value, new_value, tags))

    if new.dropped is not None and old.dropped is None:
        reason = f": {new.dropped_reason}" if new.dropped_reason else ""
        add(
            "kr-dropped",
            _("dropped on {day}{reason}", day=new.dropped.isoformat(), reason=reason),
            None,
            new.dropped,
        )
    if old.title != new.title:
        add("kr-reworded", _("reworded from '{title}'", title=old.title), old.title, new.title)
    if old.kind != new.kind:
        add(
            "kr-type-changed",
            _("type {old} → {new}", old=old.kind, new=new.kind),
            old.kind,
            new.kind,
        )
    if old.owner != new.owner:
        add(
            "kr-owner-changed",
            _("owner {old} → {new}", old=old.owner, new=new.owner),
            old.owner,
            new.owner,
        )
    if old.target != new.target:
        tags = _ambition(old, new)
        judgement = _judgement(tags)
        if "direction-reversed" in tags:
            judgement = _(
                ", past the baseline {baseline}: the key result now asks for the opposite "
                "direction{judgement}",
                baseline=number(new.baseline),
                judgement=judgement,
            )
        if old.target is not None and new.target is not None:
            kind = "target-lowered" if new.target < old.target else "target-raised"
            template = (
                N_("target lowered {old} → {new}{judgement}")
                if new.target < old.target
                else N_("target raised {old} → {new}{judgement}")
            )
            add(
                kind,
                _(
                    template,
                    old=number(old.target),
                    new=number(new.target),
                    judgement=judgement,
                ),
                old.target,
                new.target,
                tags,
            )
        else:
            add(
                "target-raised" if old.target is None else "target-lowered",
                _(
                    "target {old} → {new}",
                    old=number(old.target),
                    new=number(new.target),
                ),
                old.target,
                new.target,
                tags,
            )
    if old.baseline != new.baseline:
        tags = _ambition(old, new) if old.target == new.target else ()
        judgement = _judgement(tags)
        if "direction-reversed" in tags:
            judgement = _(
                ", past the target {target}: the key result now asks for the opposite "
                "direction{judgement}",
                target=number(new.target),
                judgement=judgement,
            )
        add(
            "baseline-changed",
            _(
                "baseline {old} → {new}{judgement}",
                old=number(old.baseline),
                new=number(new.baseline),
                judgement=judgement,
            ),
            old.baseline,
            new.baseline,
            tags,
        )
    if old.unit != new.unit:
        add(
            "unit-changed",
            _("unit {old} → {new}", old=old.unit or _("none"), new=new.unit or _("none")),
            old.unit,
            new.unit,
        )
    if old.weight != new.weight:
        add(
            "weight-changed",
            _("weight {old} → {new}", old=number(old.weight), new=number(new.weight)),
            old.weight,
            new.weight,
        )
    if old.confidence != new.confidence:
        add(
            "confidence-changed",
            _(
                "confidence {old} → {new}",
                old=percent(old.confidence),
                new=percent(new.confidence),
            ),
            old.confidence,
            new.confidence,
        )
    current_old = old.done if old.is_milestone else old.current
    current_new = new.done if new.is_milestone else new.current
    if current_old != current_new:
        old_state = p.kr_state(old_objective, old, as_of, settings)
        new_state = p.kr_state(new_objective, new, as_of, settings)
        if new.is_milestone:
            add(
                "current-changed",
                _("done (was not done)") if new.done else _("not done (was done)"),
                current_old,
                current_new,
            )
        else:
            add(
                "current-changed",
                _(
                    "current {old} → {new} (progress {old_progress} → {new_progress})",
                    old=number(old.current),
                    new=number(new.current),
                    old_progress=percent(old_state.progress),
                    new_progress=percent(new_state.progress),
                ),
                current_old,
                current_new,
            )
        recorded = any(
            new.id in c.values and c.date in new_checkin_dates for c in new_objective.checkins
        )
        if not recorded:
            add(
                "current-without-checkin",
                _("current value changed without a new check-in"),
                current_old,
                current_new,
            )
    if old.score != new.score:
        if old.score is None:
            add("score-set", _("scored {score:.1f}", score=new.score), None, new.score)
        else:
            add(
                "score-changed",
                _(
                    "score {old} → {new}",
                    old=number(old.score),
                    new=number(new.score),
                ),
                old.score,
                new.score,
            )
    changes.extend(compare_actions(name, old.actions, new.actions))
    return changes


def compare_actions(kr: str, old: list[Action], new: list[Action]) -> list[Change]:
    changes = []
    old_by_title = {a.title: a for a in old}
    new_by_title = {a.title: a for a in new}
    for title, action in new_by_title.items():
        before = old_by_title.get(title)
        if before is None:
            due = _(", due {day}", day=action.due.isoformat()) if action.due else ""
            changes.append(
                Change(
                    "action-added",
                    _("action added: '{title}'{due}", title=title, due=due),
                    kr,
                    None,
                    title,
                )
            )
        elif before.status != action.status:
            changes.append(
                Change(
                    "action-status-changed",
                    _(
                        "action '{title}': {old} → {new}",
                        title=title,
                        old=before.status,
                        new=action.status,
                    ),
                    kr,
                    before.status,
                    action.status,
                )
            )
        elif (before.owner, before.due, before.link) != (action.owner, action.due, action.link):
            changes.append(
                Change(
                    "action-changed",
                    _("action '{title}': owner, due date or link changed", title=title),
                    kr,
                )
            )
    for title in old_by_title:
        if title not in new_by_title:
            changes.append(
                Change(
                    "action-removed", _("action removed: '{title}'", title=title), kr, title, None
                )
            )
    return changes


def compare_checkins(old: list[Checkin], new: list[Checkin]) -> tuple[list[Change], set[date]]:
    """Changes to the history, and the dates of check-ins that are new."""
    changes = []
    old_by_date = {c.date: c for c in old}
    new_by_date = {c.date: c for c in new}
    added = set()
    for day, checkin in sorted(new_by_date.items()):
        before = old_by_date.get(day)
        if before is None:
            added.add(day)
            note = f": {checkin.note}" if checkin.note else ""
            values = ", ".join(
                f"{k} {number(v) if not isinstance(v, bool) else str(v).lower()}"
                for k, v in checkin.values.items()
            )
            changes.append(
                Change(
                    "checkin-added",
                    _(
                        "check-in {day} ({values}){note}",
                        day=day.isoformat(),
                        values=values,
                        note=note,
                    ),
                    None,
                    None,
                    day.isoformat(),
                )
            )
        elif (before.values, before.confidence, before.note) != (
            checkin.values,
            checkin.confidence,
            checkin.note,
        ):
            changes.append(
                Change(
                    "checkin-changed",
                    _("check-in {day} edited", day=day.isoformat()),
                    None,
                    day.isoformat(),
                    day.isoformat(),
                    ("history-rewritten",),
                )
            )
    for day in sorted(old_by_date):
        if day not in new_by_date:
            changes.append(
                Change(
                    "checkin-removed",
                    _("check-in {day} removed", day=day.isoformat()),
                    None,
                    day.isoformat(),
                    None,
                    ("history-rewritten",),
                )
            )
    return changes, added


def body_change(old: str, new: str) -> Change | None:
    if old == new:
        return None
    added = removed = 0
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("+ "):
            added += 1
        elif line.startswith("- "):
            removed += 1
    return Change(
        "body-changed",
        _(
            "text changed: {added} lines added, {removed} removed",
            added=added,
            removed=removed,
        ),
        None,
        removed,
        added,
    )


def compare_objective(
    old: Objective, new: Objective, as_of: date, settings: StatusSettings
) -> list[Change]:
    changes: list[Change] = []

    def add(kind: str, message: str, old_value: Any = None, new_value: Any = None) -> None:
        changes.append(Change(kind, message, None, old_value, new_value))

    if old.objective != new.objective:
        add(
            "objective-reworded",
            _("reworded from '{objective}'", objective=old.objective),
            old.objective,
            new.objective,
        )
    for kind, attribute, template in (
        ("owner-changed", "owner", N_("owner {old} → {new}")),
        ("team-changed", "team", N_("team {old} → {new}")),
        ("type-changed", "kind", N_("type {old} → {new}")),
        ("parent-changed", "parent", N_("parent {old} → {new}")),
    ):
        before, after = getattr(old, attribute), getattr(new, attribute)
        if before != after:
            add(
                kind,
                _(template, old=before or _("none"), new=after or _("none")),
                before,
                after,
            )
    if old.period.key != new.period.key:
        add(
            "period-changed",
            _("period {old} → {new}", old=old.period.key, new=new.period.key),
            old.period.key,
            new.period.key,
        )
    if sorted(old.tags) != sorted(new.tags):
        add(
            "tags-changed",
            _(
                "tags {old} → {new}",
                old=", ".join(old.tags) or _("none"),
                new=", ".join(new.tags) or _("none"),
            ),
            old.tags,
            new.tags,
        )
    pairs, removed, added = match_key_results(old.key_results, new.key_results)
    renames = {before.id: after.id for before, after in pairs if before.id != after.id}
    old_checkins = [_renamed_checkin(c, renames) for c in old.checkins] if renames else old.checkins
    checkin_changes, new_dates = compare_checkins(old_checkins, new.checkins)
    for before, after in pairs:
        if before.id != after.id and before.id_declared and after.id_declared:
            changes.append(
                Change(
                    "kr-renamed",
                    _("key result id renamed from {old} to {new}", old=before.id, new=after.id),
                    after.id,
                    before.id,
                    after.id,
                )
            )
    for kr in removed:
        changes.append(
            Change(
                "kr-removed",
                _("key result removed: '{title}'", title=kr.title),
                kr.id,
                kr.title,
                None,
            )
        )
    for kr in added:
        target = ""
        if kr.target is not None:
            template = (
                N_(" (from {baseline} to {target} {unit})")
                if kr.unit
                else N_(" (from {baseline} to {target})")
            )
            target = _(
                template, baseline=number(kr.baseline), target=number(kr.target), unit=kr.unit
            )
        changes.append(
            Change(
                "kr-added",
                _("key result added: '{title}'{target}", title=kr.title, target=target),
                kr.id,
                None,
                kr.title,
            )
        )
    for before, after in pairs:
        changes.extend(compare_key_result(old, new, before, after, as_of, settings, new_dates))
    changes.extend(checkin_changes)
    if old.score != new.score:
        if old.score is None:
            add("score-set", _("objective scored {score:.1f}", score=new.score), None, new.score)
        else:
            add(
                "score-changed",
                _(
                    "objective score {old} → {new}",
                    old=number(old.score),
                    new=number(new.score),
                ),
                old.score,
                new.score,
            )
    old_state = p.objective_state(old, as_of, settings)
    new_state = p.objective_state(new, as_of, settings)
    if abs(old_state.progress - new_state.progress) >= 0.005:
        add(
            "progress-changed",
            _(
                "progress {old} → {new}",
                old=percent(old_state.progress),
                new=percent(new_state.progress),
            ),
            old_state.progress,
            new_state.progress,
        )
    if old_state.status != new_state.status:
        add(
            "status-changed",
            _(
                "status {old} → {new}",
                old=_words(old_state.status),
                new=_words(new_state.status),
            ),
            old_state.status,
            new_state.status,
        )
    body = body_change(old.body, new.body)
    if body:
        changes.append(body)
    return changes


def _renamed_checkin(checkin: Checkin, renames: dict[str, str]) -> Checkin:
    """A check-in with key result ids renamed, to compare history across a rename."""
    values = {renames.get(kr_id, kr_id): value for kr_id, value in checkin.values.items()}
    return Checkin(
        checkin.date, checkin.pointer, values, checkin.confidence, checkin.note, checkin.author
    )


def _similarity(old: Objective, new: Objective) -> float:
    """How alike two objectives read: their titles and their key results' titles."""
    title = difflib.SequenceMatcher(None, old.objective, new.objective).ratio()
    if not old.key_results or not new.key_results:
        return title
    krs = sum(
        max(difflib.SequenceMatcher(None, a.title, b.title).ratio() for b in new.key_results)
        for a in old.key_results
    ) / len(old.key_results)
    return (title + krs) / 2


def match_moves(old: dict[str, Objective], new: dict[str, Objective]) -> list[tuple[str, str]]:
    """(old id, new id) of objectives that only moved (a file renamed or moved, so its id,
    which comes from its path, changed): matched by content, as git detects renames."""
    removed = [key for key in old if key not in new]
    added = [key for key in new if key not in old]
    scored = sorted(
        (
            (_similarity(old[a], new[b]), a, b)
            for a in removed
            for b in added
            if old[a].period.key == new[b].period.key or old[a].objective == new[b].objective
        ),
        reverse=True,
    )
    pairs: list[tuple[str, str]] = []
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    for score, a, b in scored:
        if score >= 0.8 and a not in taken_old and b not in taken_new:
            pairs.append((a, b))
            taken_old.add(a)
            taken_new.add(b)
    return pairs


@dataclass(slots=True)
class Side:
    """One side of the comparison: objectives by id, and files that could not be read."""

    label: str
    objectives: dict[str, Objective] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # id -> display path
    unreadable: dict[str, str] = field(default_factory=dict)  # id (else path) -> first problem


def compare(old: Side, new: Side, as_of: date, settings: StatusSettings) -> DiffReport:
    report = DiffReport(old.label, new.label, as_of)
    moves = match_moves(old.objectives, new.objectives)
    moved_from = {b: a for a, b in moves}
    moved_away = {a for a, _b in moves}
    for object_id in sorted(set(old.objectives) | set(new.objectives)):
        if object_id in moved_away:
            continue  # reported under its new id
        before, after = old.objectives.get(object_id), new.objectives.get(object_id)
        if object_id in moved_from:
            old_id = moved_from[object_id]
            report.objectives.append(_moved(old, new, old_id, object_id, as_of, settings))
            continue
        broken = new.unreadable.get(object_id) if after is None else old.unreadable.get(object_id)
        if broken is not None and (before is None or after is None):
            continue  # reported below, as a file that cannot be read on one side
        if before is None and after is not None:
            state = p.objective_state(after, as_of, settings)
            entry = ObjectiveDiff(
                object_id,
                "added",
                after.objective,
                None,
                new.paths[object_id],
                new_progress=state.progress,
                new_status=state.status,
            )
            entry.changes.append(
                Change(
                    "objective-added",
                    _n(
                        "added with {n} key result, owner {owner}, {period}",
                        "added with {n} key results, owner {owner}, {period}",
                        len(after.key_results),
                        owner=after.owner,
                        period=after.period.key,
                    ),
                )
            )
        elif after is None and before is not None:
            state = p.objective_state(before, as_of, settings)
            entry = ObjectiveDiff(
                object_id,
                "removed",
                before.objective,
                old.paths[object_id],
                None,
                old_progress=state.progress,
                old_status=state.status,
            )
            entry.changes.append(
                Change(
                    "objective-removed",
                    _n(
                        "removed ({n} key result, {period})",
                        "removed ({n} key results, {period})",
                        len(before.key_results),
                        period=before.period.key,
                    ),
                )
            )
        else:
            assert before is not None and after is not None
            old_state = p.objective_state(before, as_of, settings)
            new_state = p.objective_state(after, as_of, settings)
            entry = ObjectiveDiff(
                object_id,
                "changed",
                after.objective,
                old.paths[object_id],
                new.paths[object_id],
                old_progress=old_state.progress,
                new_progress=new_state.progress,
                old_status=old_state.status,
                new_status=new_state.status,
            )
            if old.paths[object_id] != new.paths[object_id]:
                entry.changes.append(
                    Change(
                        "objective-moved",
                        _(
                            "moved from {old} to {new}",
                            old=old.paths[object_id],
                            new=new.paths[object_id],
                        ),
                        None,
                        old.paths[object_id],
                        new.paths[object_id],
                    )
                )
            entry.changes.extend(compare_objective(before, after, as_of, settings))
        report.objectives.append(entry)
    report.objectives.sort(key=lambda entry: entry.id)
    for side, other in ((old, new), (new, old)):
        for key, problem in sorted(side.unreadable.items()):
            readable = other.objectives.get(key)
            title = readable.objective if readable is not None else key
            where = other.paths.get(key, problem.split(":", 1)[0])
            entry = ObjectiveDiff(key, "unreadable", title, where if side is new else None, where)
            entry.changes.append(
                Change(
                    "file-unreadable",
                    _("cannot be read in {label}: {problem}", label=side.label, problem=problem),
                )
            )
            report.objectives.append(entry)
    return report


def _moved(
    old: Side, new: Side, old_id: str, new_id: str, as_of: date, settings: StatusSettings
) -> ObjectiveDiff:
    before, after = old.objectives[old_id], new.objectives[new_id]
    old_state = p.objective_state(before, as_of, settings)
    new_state = p.objective_state(after, as_of, settings)
    entry = ObjectiveDiff(
        new_id,
        "moved",
        after.objective,
        old.paths[old_id],
        new.paths[new_id],
        old_progress=old_state.progress,
        new_progress=new_state.progress,
        old_status=old_state.status,
        new_status=new_state.status,
    )
    id_note = _("; id {old} → {new}", old=old_id, new=new_id) if old_id != new_id else ""
    entry.changes.append(
        Change(
            "objective-moved",
            _(
                "moved from {old} to {new}{id_note}",
                old=old.paths[old_id],
                new=new.paths[new_id],
                id_note=id_note,
            ),
            None,
            old.paths[old_id],
            new.paths[new_id],
        )
    )
    entry.changes.extend(compare_objective(before, after, as_of, settings))
    return entry
