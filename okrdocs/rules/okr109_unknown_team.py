from collections.abc import Iterator

from okrdocs.i18n import N_, _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class UnknownTeam(Rule):
    """A team that is not in the roster.

    ## What it does
    When the configuration has a `[teams]` roster, flags an objective whose team (written as
    `team:` or taken from its folder) is not in it.

    ## Why
    Team roll-ups and the alignment tree group objectives by team; a misspelled or unlisted team
    becomes a team of its own with one objective, and the real team's progress is wrong.

    ## Example
    ```yaml
    team: engneering
    ```
    ```yaml
    team: 销售
    ```

    ## Use instead
    ```yaml
    team: engineering
    ```
    ```yaml
    team: sales
    ```
    Or add the team to `[teams]` in `okrdocs.toml`.
    """

    code = "OKR109"
    name = "unknown-team"
    severity = "warning"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        teams = context.config.teams
        if not teams or objective.team is None or objective.team in teams:
            return
        from okrdocs.suggest import shared

        hint = shared(teams).hint(objective.team) or _("; add it to [teams] in the config")
        template = (
            N_("team '{team}' is not in the [teams] roster{hint}")
            if objective.team_declared
            else N_("team '{team}' (from its folder) is not in the [teams] roster{hint}")
        )
        yield Finding(
            "/team" if objective.team_declared else "",
            _(template, team=objective.team, hint=hint),
        )
