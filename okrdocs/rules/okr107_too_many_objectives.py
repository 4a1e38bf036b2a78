from collections.abc import Iterator

from okrdocs.i18n import N_, _
from okrdocs.model import Header
from okrdocs.rules.base import Finding, Option, ProjectFiles, Rule, RuleContext


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
        self, files: ProjectFiles, context: RuleContext
    ) -> Iterator[tuple[str, Finding]]:
        limit = context.option("max")
        by_owner: dict[tuple[str, str], list[Header]] = {}
        by_team: dict[tuple[str, str], list[Header]] = {}
        for header in files.headers:
            period = header.period
            if period is None or not files.valid(header):
                continue
            if header.owner is not None:
                by_owner.setdefault((header.owner, period), []).append(header)
            if header.team is not None:
                by_team.setdefault((header.team, period), []).append(header)
        for label, groups in (("owner", by_owner), ("team", by_team)):
            for (value, period), group in groups.items():
                if len(group) <= limit or not any(h.rel_path in files.linted for h in group):
                    continue
                template = (
                    N_(
                        "owner '{name}' has {n} objectives in {period} (limit {limit}); keep the "
                        "few that matter most"
                    )
                    if label == "owner"
                    else N_(
                        "team '{name}' has {n} objectives in {period} (limit {limit}); keep the "
                        "few that matter most"
                    )
                )
                message = _(template, name=value, n=len(group), period=period, limit=limit)
                for header in group:
                    if header.rel_path in files.linted:
                        declared = label == "owner" or header.team_declared
                        yield header.rel_path, Finding(f"/{label}" if declared else "", message)
