"""The client-side search index: objectives, key results, people and teams, in small chunks.

The browser matches any substring (Chinese has no spaces to split words on), so the index holds
only what is searched and where it leads: [kind, text, context, url]. It is loaded the first time
someone focuses the search box, never before, and split into chunks so a large organisation's
index arrives in pieces instead of one large file. Chunks are JavaScript files that register
themselves, because browsers refuse ``fetch`` of JSON from ``file://``.
"""

from __future__ import annotations

import json

from okrdocs.analysis import Analysis

CHUNK = 4000  # entries per file


def entries(data: Analysis) -> list[list[str]]:
    found: list[list[str]] = []
    for view in data.objectives:
        objective = view.objective
        context = " · ".join(
            part
            for part in (
                objective.period.key,
                data.team_name(objective.team),
                data.person_name(objective.owner),
                " ".join(objective.tags),
            )
            if part
        )
        found.append(["o", objective.objective, context, view.path])
        for kr in objective.key_results:
            found.append(["k", kr.title, objective.objective, f"{view.path}#kr-{kr.id}"])
    for person in data.people.values():
        alias = person.key if person.name != person.key else ""
        found.append(["p", person.name, alias, person.path])
    for team in data.teams.values():
        alias = team.key if team.name != team.key else ""
        found.append(["t", team.name, alias, team.path])
    return found


def files(data: Analysis) -> dict[str, str]:
    """Output path -> content of the manifest and the chunks."""
    items = entries(data)
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)] or [[]]
    out = {
        f"search/index-{number}.js": "OKRDOCS_SEARCH.add("
        + json.dumps(chunk, ensure_ascii=False, separators=(",", ":"))
        + ");\n"
        for number, chunk in enumerate(chunks)
    }
    out["search/manifest.js"] = f"OKRDOCS_SEARCH.chunks({len(chunks)});\n"
    return out
