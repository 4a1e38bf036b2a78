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
        for field, label in (("owner", "owner"), ("team", "team")):
            groups: dict[tuple[str, str], list[LoadedFile]] = {}
            for loaded in files:
                value = getattr(loaded, field)
                if loaded.valid and value is not None and loaded.period is not None:
                    groups.setdefault((value, loaded.period), []).append(loaded)
            for (value, period), group in groups.items():
                if len(group) <= limit or all(f.indexed_only for f in group):
                    continue
                for loaded in group:
                    yield (
                        loaded,
                        Finding(
                            f"/{field}" if field == "owner" or loaded.team_declared else "",
                            f"{label} '{value}' has {len(group)} objectives in {period} "
                            f"(limit {limit}); keep the few that matter most",
                        ),
                    )
