from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class KrNoAction(Rule):
    """A key result without an action plan.

    ## What it does
    Flags a key result with no `actions`, unless the objective's period has already closed.

    ## Why
    Chinese sales-OKR guides make it a step of its own: "制定一份行动计划，以确保每个关键结果都能够得到落地实施" — every key result
    needs a plan that makes it happen (开展市场调研、增加销售活动的频率、改进销售培训). A key result
    nobody has planned any work for is a wish.

    ## Example
    ```yaml
    - title: Weekly active teams grow from 1,200 to 2,000
      baseline: 1200
      target: 2000
    ```
    ```yaml
    - title: 新签约客户从 0 家增加到 5 家
      baseline: 0
      target: 5
    ```

    ## Use instead
    ```yaml
    - title: Weekly active teams grow from 1,200 to 2,000
      baseline: 1200
      target: 2000
      actions:
        - title: Invite-a-teammate prompt after the first dashboard
          owner: ana.silva
          due: 2026-11-13
    ```
    ```yaml
    - title: 新签约客户从 0 家增加到 5 家
      baseline: 0
      target: 5
      actions:
        - title: 开展华东制造业市场调研
          owner: wang.fang
          due: 2026-10-20
    ```
    """

    code = "OKR301"
    name = "kr-no-action"
    severity = "warning"
    source = "Chinese sales-OKR guides (销售的OKR怎么制定, step 3: 确定关键行动计划)"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        if objective.period.state(context.as_of) == "closed":
            return
        for kr in objective.key_results:
            if not kr.actions and not kr.dropped_by(context.as_of):
                yield Finding(
                    f"{kr.pointer}/title",
                    _(
                        "key result '{id}' has no action plan; add 'actions:' with what will be "
                        "done, by whom and by when",
                        id=kr.id,
                    ),
                )
