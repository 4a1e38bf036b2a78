from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class ActionOverdue(Rule):
    """An action past its due date that is neither done nor dropped.

    ## What it does
    In a period that has not ended, flags an action whose `due` date is before the as-of day
    while its `status` is still `todo` or `doing`.

    ## Why
    An action plan is the team's promise of what will be done by when. One that slipped
    silently hides the reason a key result is behind, and the plan stops being read. Saying
    what happened (done, a new date, dropped) keeps the plan true; managers look for overdue
    actions first (Tita and Feishu OKR list them on the person's page; Chinese sales-OKR guides
    review the action plan every week).

    ## Example
    ```yaml
    actions:
      - title: Canary every deploy on two internal plants
        owner: ana.silva
        due: 2026-11-13
        status: doing
    ```
    ```yaml
    actions:
      - title: 在苏州举办客户开放日
        owner: zhao.lei
        due: 2026-11-13
    ```

    ## Use instead
    ```yaml
    actions:
      - title: Canary every deploy on two internal plants
        owner: ana.silva
        due: 2026-12-04
        status: doing
    ```
    ```yaml
    actions:
      - title: 在苏州举办客户开放日
        owner: zhao.lei
        due: 2026-11-13
        status: done
    ```
    """

    code = "OKR304"
    name = "action-overdue"
    severity = "warning"
    source = "Tita and Feishu OKR overdue tasks; Chinese sales-OKR guides (weekly review)"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        if objective.period.state(context.as_of) == "closed":
            return
        for kr in objective.key_results:
            for action in kr.actions:
                if action.due is not None and action.overdue(context.as_of):
                    yield Finding(
                        f"{action.pointer}/due",
                        _(
                            "action '{title}' was due {due} and is not done; set 'status: done', "
                            "a new 'due:' date, or 'status: dropped'",
                            title=action.title,
                            due=action.due.isoformat(),
                        ),
                    )
