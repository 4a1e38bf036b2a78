from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.language import has_number
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class KrTargetNotStructured(Rule):
    """The title states a number but there is no target field.

    ## What it does
    Flags a metric key result whose title states a quantity ("Grow weekly active teams from
    1,200 to 2,000", 开发5个新客户) but which has no `target` field.

    ## Why
    okrdocs computes progress, status and roll-ups from `baseline`, `target` and `current`;
    numbers in prose cannot be tracked, checked in or charted.

    ## Example
    ```yaml
    - title: Grow weekly active teams from 1,200 to 2,000
    ```
    ```yaml
    - title: 开发5个新客户
    ```

    ## Use instead
    ```yaml
    - title: Grow weekly active teams from 1,200 to 2,000
      baseline: 1200
      target: 2000
      unit: teams
    ```
    ```yaml
    - title: 新签约客户从 0 家增加到 5 家
      baseline: 0
      target: 5
      unit: 家
    ```
    """

    code = "OKR206"
    name = "kr-target-not-structured"
    severity = "warning"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            if kr.is_milestone or kr.target is not None or not has_number(kr.title):
                continue
            yield Finding(
                f"{kr.pointer}/title",
                _(
                    "key result '{id}' states a number in its title but has no 'target'; add "
                    "'baseline:' and 'target:' so progress can be tracked",
                    id=kr.id,
                ),
            )
