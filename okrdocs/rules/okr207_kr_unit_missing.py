from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class KrUnitMissing(Rule):
    """A metric key result without a unit or a definition.

    ## What it does
    Flags a metric key result with a `target` but neither `unit` nor `definition`.

    ## Why
    "1 million users": all-time, monthly or weekly active? A number without a unit is ambiguous,
    and two people will check in two different numbers. The unit also labels the key result on
    the site (880 万元, 45%).

    ## Example
    ```yaml
    - title: Active users grow from 800k to 1M
      baseline: 800000
      target: 1000000
    ```
    ```yaml
    - title: 客户满意度评分从 86 提高至 90
      baseline: 86
      target: 90
    ```

    ## Use instead
    ```yaml
    - title: Weekly active users grow from 800k to 1M
      baseline: 800000
      target: 1000000
      unit: users
      definition: Distinct users with a session in the last 7 days, measured on Mondays
    ```
    ```yaml
    - title: 客户满意度评分从 86 分提高至 90 分
      baseline: 86
      target: 90
      unit: 分
      definition: 季度客户满意度电话回访的平均分（满分 100）
    ```
    """

    code = "OKR207"
    name = "kr-unit-missing"
    severity = "warning"
    source = "OKR method: ambiguous metrics"
    fixable = "sometimes"  # when the title says "from X to Y" with a unit

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            if kr.is_milestone or kr.target is None or kr.unit or kr.definition:
                continue
            from okrdocs.fixes import title_fix  # only when there is something to fix

            yield Finding(
                kr.pointer,
                _(
                    "key result '{id}' has no unit; add 'unit:' (such as %, 万元, customers) "
                    "or a 'definition:' of how it is measured",
                    id=kr.id,
                ),
                fix=title_fix(kr.pointer, kr.title, kr.target, "unit"),
            )
