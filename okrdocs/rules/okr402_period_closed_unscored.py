from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class PeriodClosedUnscored(Rule):
    """The period has ended and key results have no score.

    ## What it does
    For an objective whose period ended before the as-of date, flags each key result without a
    `score`.

    ## Why
    Seed step 6 rewards achieved key results, and the end-of-cycle grade (0.0 to 1.0) is how a
    team learns whether it aimed right: committed goals should score 1.0, aspirational ones about
    0.7. Scores also make the history on the site worth reading next quarter.

    ## Example
    ```yaml
    period: 2026-Q3
    key_results:
      - id: sync-tickets
        title: Support tickets about data sync fall from 40 to 15 per month
    ```
    ```yaml
    period: 2026-Q3
    key_results:
      - id: revenue
        title: 季度销售额增长 10%，从 760 万元增长到 836 万元
    ```

    ## Use instead
    ```yaml
    key_results:
      - id: sync-tickets
        title: Support tickets about data sync fall from 40 to 15 per month
        score: 0.7
    ```
    ```yaml
    key_results:
      - id: revenue
        title: 季度销售额增长 10%，从 760 万元增长到 836 万元
        score: 1.0
    ```
    """

    code = "OKR402"
    name = "period-closed-unscored"
    severity = "warning"
    source = "Google OKR playbook (scoring); Chinese sales-OKR guides (step 6: 激励和奖励)"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        if objective.period.state(context.as_of) != "closed":
            return
        for kr in objective.key_results:
            if kr.score is None and kr.dropped is None:  # a dropped key result is not scored
                yield Finding(
                    f"{kr.pointer}/title",
                    _(
                        "{period} has ended and key result '{id}' has no score; "
                        "add 'score:' from 0.0 to 1.0",
                        period=objective.period.key,
                        id=kr.id,
                    ),
                )
