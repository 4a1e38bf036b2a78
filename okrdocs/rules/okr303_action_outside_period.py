from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class ActionOutsidePeriod(Rule):
    """An action due outside the objective's period.

    ## What it does
    Flags an action whose `due` date is before the period starts or after it ends.

    ## Why
    An action is there to move a key result of this period; one due after the period ends cannot
    help, and one due before it started belongs to the previous cycle ("time periods don't align",
    Viva Goals).

    ## Example
    ```yaml
    period: 2026-Q4
    key_results:
      - title: Change failure rate falls from 18% to 8%
        actions:
          - title: Canary every deploy
            due: 2027-01-15
    ```

    ## Use instead
    ```yaml
    period: 2026-Q4
    key_results:
      - title: Change failure rate falls from 18% to 8%
        actions:
          - title: Canary every deploy on two internal plants
            due: 2026-12-04
    ```
    A 2026-Q4 action in Chinese: `due: 2026-12-18`, not `due: 2027-01-08`.
    """

    code = "OKR303"
    name = "action-outside-period"
    severity = "warning"
    source = "Viva Goals alert 'time periods don't align'"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        period = objective.period
        for kr in objective.key_results:
            for action in kr.actions:
                if action.due is not None and not period.contains(action.due):
                    yield Finding(
                        f"{action.pointer}/due",
                        _(
                            "action '{title}' is due {due}, outside {period} ({start} to {end})",
                            title=action.title,
                            due=action.due.isoformat(),
                            period=period.key,
                            start=period.start.isoformat(),
                            end=period.end.isoformat(),
                        ),
                    )
