from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class KrNoChange(Rule):
    """A key result whose target equals its baseline.

    ## What it does
    Flags a metric key result with `target` equal to `baseline`.

    ## Why
    A key result asks for change; "from 99.9% to 99.9%" asks for none (it is a health metric,
    business as usual) and its progress cannot be computed: it divides by zero.

    ## Example
    ```yaml
    - title: Availability stays at 99.9%
      baseline: 99.9
      target: 99.9
    ```
    ```yaml
    - title: 客户满意度保持 90 分
      baseline: 90
      target: 90
    ```

    ## Use instead
    ```yaml
    - title: Monthly availability rises from 99.5% to 99.9%
      baseline: 99.5
      target: 99.9
    ```
    ```yaml
    - title: 客户满意度评分从 86 分提高至 90 分
      baseline: 86
      target: 90
    ```
    """

    code = "OKR205"
    name = "kr-no-change"
    severity = "warning"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            if not kr.is_milestone and kr.target is not None and kr.target == kr.baseline:
                yield Finding(
                    f"{kr.pointer}/target",
                    _(
                        "key result '{id}' has target equal to baseline ({value:g}); set "
                        "the value you want to reach, or track this health metric elsewhere",
                        id=kr.id,
                        value=kr.target,
                    ),
                )
