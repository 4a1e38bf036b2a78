"""``okrs.json``: the whole model with computed progress and status, for other tools.

Its shape is documented by ``schema/okrs-json.schema.json`` (the tests validate every build
against it). Numbers are plain JSON numbers; progress values are shares (0.61 is 61%); dates are
``YYYY-MM-DD``; ``url`` is the objective's page relative to the site root.
"""

from __future__ import annotations

from typing import Any

from okrdocs import __version__
from okrdocs.analysis import Analysis, ObjectiveView

SCHEMA_ID = "https://okrdocs.dev/schema/v1/okrs-json.schema.json"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def objective_json(view: ObjectiveView, data: Analysis) -> dict[str, Any]:
    o = view.objective
    return {
        "id": o.id,
        "objective": o.objective,
        "owner": o.owner,
        "owner_name": data.person_name(o.owner),
        "team": o.team,
        "team_name": data.team_name(o.team) or None,
        "period": o.period.key,
        "type": o.kind,
        "parent": o.parent,
        "children": [child.id for child in view.children],
        "tags": o.tags,
        "progress": _round(view.progress),
        "expected": _round(view.state.expected),
        "subtree_progress": _round(view.subtree_progress),
        "status": view.status,
        "phase": view.state.phase,
        "score": view.state.score,
        "url": view.path,
        "source": o.rel_path,
        "key_results": [
            {
                "id": k.kr.id,
                "title": k.kr.title,
                "owner": k.kr.owner,
                "type": k.kr.kind,
                "baseline": k.kr.baseline,
                "target": k.kr.target,
                "current": k.kr.current,
                "done": k.kr.done,
                "unit": k.kr.unit,
                "definition": k.kr.definition,
                "weight": k.kr.weight,
                "confidence": k.kr.confidence,
                "score": k.kr.score,
                "dropped": k.kr.dropped.isoformat() if k.kr.dropped else None,
                "dropped_reason": k.kr.dropped_reason,
                "progress": _round(k.state.progress),
                "status": k.state.status,
                "last_checkin": k.state.last_checkin.isoformat() if k.state.last_checkin else None,
                "actions": [
                    {
                        "title": a.title,
                        "owner": a.owner,
                        "due": a.due.isoformat() if a.due else None,
                        "status": a.status,
                        "link": a.link,
                    }
                    for a in k.kr.actions
                ],
            }
            for k in view.krs
        ],
        "checkins": [
            {
                "date": c.date.isoformat(),
                "values": c.values,
                "confidence": c.confidence,
                "note": c.note,
                "author": c.author,
            }
            for c in o.checkins
        ],
        "findings": [
            {
                "code": d.code,
                "rule": d.rule,
                "severity": d.severity,
                "line": d.line,
                "column": d.column,
                "message": d.message,
            }
            for d in view.findings
        ],
    }


def site_json(data: Analysis) -> dict[str, Any]:
    config = data.config
    return {
        "$schema": SCHEMA_ID,
        "generator": f"okrdocs {__version__}",
        "as_of": data.as_of.isoformat(),
        "title": config.title,
        "language": config.language,
        "periods": [
            {
                "key": period.key,
                "start": period.period.start.isoformat() if period.period else None,
                "end": period.period.end.isoformat() if period.period else None,
                "phase": period.phase,
                "progress": _round(period.progress),
                "objectives": len(period.objectives),
                "url": period.path,
            }
            for period in data.periods
        ],
        "teams": [
            {
                "id": team.key,
                "name": team.name,
                "parent": team.parent,
                "lead": team.lead,
                "objectives": len(team.objectives),
                "url": team.path,
            }
            for team in data.teams.values()
        ],
        "people": [
            {"id": person.key, "name": person.name, "team": person.team, "url": person.path}
            for person in data.people.values()
        ],
        "objectives": [objective_json(view, data) for view in data.objectives],
    }
