from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Option, Rule, RuleContext


class NotAligned(Rule):
    """An objective below the top level without a parent.

    ## What it does
    Flags an objective with no `parent` unless it is at the top level: its team or its owner is
    listed in `top-level`. When `top-level` is not set, the top level is the teams at the root of
    the roster's team hierarchy (`[teams]` entries without a `parent`) and objectives with no team.

    ## Why
    Alignment is the first step in Chinese sales-OKR guides: an objective should be "与公司整体战略和目标一致"
    (consistent with the company's strategy and goals). Microsoft Viva Goals alerted on objectives
    "not aligned to any objectives"; an unaligned team objective is invisible in the roll-up.

    ## Example
    ```yaml
    objective: 成为华东中型制造企业首选的工业软件供应商
    team: sales
    ```
    ```yaml
    objective: Make connecting a new plant effortless
    team: engineering
    ```

    ## Use instead
    ```yaml
    objective: 成为华东中型制造企业首选的工业软件供应商
    team: sales
    parent: company/2026-growth
    ```
    ```yaml
    objective: Make connecting a new plant effortless
    team: engineering
    parent: company/2026-growth
    ```
    Configure the top level in `okrdocs.toml`:
    ```toml
    [lint.not-aligned]
    top-level = ["company"]
    ```
    """

    code = "OKR106"
    name = "not-aligned"
    severity = "warning"
    options = (Option("top-level", [], "teams or owners whose objectives need no parent"),)
    source = "Viva Goals alert 'not aligned'; Chinese sales-OKR guides (销售的OKR怎么制定, step 1)"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        if objective.parent is not None:
            return
        top = context.option("top-level")
        if top:
            if objective.team in top or objective.owner in top:
                return
        else:
            teams = context.config.teams
            roots = {team_id for team_id, team in teams.items() if team.parent is None}
            if objective.team is None or objective.team in roots:
                return
        yield Finding(
            "",
            _(
                "the objective has no parent; add 'parent:' with the id of the objective it "
                "supports, or list its team in [lint.not-aligned] top-level"
            ),
        )
