from collections.abc import Iterator

from okrdocs.loader import LoadedFile
from okrdocs.rules.base import Finding, Option, Rule, RuleContext


class TooManyObjectives(Rule):
    """More objectives for one owner or one team in one period than anyone can focus on.

    ## What it does
    Counts the objectives of each owner and of each team per period, over the whole content
    folder (also when only some files are linted), and flags every objective of an owner or team
    over `max` (default 5), at its `owner` or `team`.

    ## Why
    Focus is the point of OKRs: Andy Grove's rule of thumb, retold in *Measure What Matters*, is
    three to five objectives per cycle; OpenOKR suggests at most three per unit. More means
    nothing is really a priority.

    ## Example
    Six files in `content/sales/` with `period: 2026-Q4`.

    ## Use instead
    Keep the three to five that matter most this quarter; move the rest to the body of an
    objective as context, to a later period, or to the team's backlog.
    """

    code = "OKR107"
    name = "too-many-objectives"
    severity = "warning"
    scope = "project"
    options = (Option("max", 5, "most objectives per owner and per team in one period"),)
    source = "Andy Grove via Measure What Matters; OpenOKR"

    def check_project(
        self, files: list[LoadedFile], context: RuleContext
    ) -> Iterator[tuple[LoadedFile, Finding]]:
        limit = context.option("max")
        by_owner: dict[tuple[str, str], list[LoadedFile]] = {}
        by_team: dict[tuple[str, str], list[LoadedFile]] = {}
        for loaded in files:
            period = loaded.period
            if not loaded.valid or period is None:
                continue
            if loaded.owner is not None:
                by_owner.setdefault((loaded.owner, period), []).append(loaded)
            if loaded.team is not None:
                by_team.setdefault((loaded.team, period), []).append(loaded)
        for label, groups in (("owner", by_owner), ("team", by_team)):
            for (value, period), group in groups.items():
                if len(group) <= limit or all(f.indexed_only for f in group):
                    continue
                message = (
                    f"{label} '{value}' has {len(group)} objectives in {period} "
                    f"(limit {limit}); keep the few that matter most"
                )
                for loaded in group:
                    declared = label == "owner" or loaded.team_declared
                    yield loaded, Finding(f"/{label}" if declared else "", message)
