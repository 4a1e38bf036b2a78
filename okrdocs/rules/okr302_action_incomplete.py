from collections.abc import Iterator

from okrdocs.i18n import N_, _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class ActionIncomplete(Rule):
    """An action without an owner or a due date.

    ## What it does
    Flags an action that lacks `owner`, `due`, or both. Dropped and done actions are not
    flagged.

    ## Why
    Seed step 4: every plan needs "明确的目标所有者和时间框架" — a named owner and a timeframe. An
    action without an owner is nobody's; one without a due date is never late. Google's playbook
    also asks for real due dates, not all on the last day of the quarter.

    ## Example
    ```yaml
    actions:
      - title: Run a pricing experiment with five customers
    ```
    ```yaml
    actions:
      - title: 增加销售活动的频率
        owner: zhao.lei
    ```

    ## Use instead
    ```yaml
    actions:
      - title: Run a pricing experiment with five customers
        owner: liu.yang
        due: 2026-11-13
    ```
    ```yaml
    actions:
      - title: 增加销售活动的频率：每周客户拜访 20 次以上
        owner: zhao.lei
        due: 2026-12-31
    ```
    """

    code = "OKR302"
    name = "action-incomplete"
    severity = "warning"
    source = "Google OKR playbook; Chinese sales-OKR guides (step 4: 目标所有者和时间框架)"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            for action in kr.actions:
                if action.status in ("done", "dropped"):
                    continue
                missing = [name for name in ("owner", "due") if getattr(action, name) is None]
                if missing:
                    template = {
                        ("owner",): N_("action '{title}' has no owner; add 'owner:'"),
                        ("due",): N_("action '{title}' has no due date; add 'due:'"),
                        ("owner", "due"): N_(
                            "action '{title}' has no owner and no due date; add 'owner:' and 'due:'"
                        ),
                    }[tuple(missing)]
                    yield Finding(f"{action.pointer}/title", _(template, title=action.title))
