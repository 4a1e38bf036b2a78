from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class KrNoBaseline(Rule):
    """A metric key result with a target but no baseline.

    ## What it does
    Flags a metric key result that has `target` but no `baseline`.

    ## Why
    "From X to Y" is what makes progress honest: a target of 880 means little until you know
    the quarter started at 800 (10% growth) and not at 870. Progress is computed as
    (current − baseline) / (target − baseline); without a baseline it cannot be computed.
    OpenOKR: two numbers pass, one number warns.

    ## Example
    ```yaml
    - title: Weekly active teams reach 2,000
      target: 2000
    ```
    ```yaml
    - title: 季度销售额达到 880 万元
      target: 880
    ```

    ## Use instead
    ```yaml
    - title: Weekly active teams grow from 1,200 to 2,000
      baseline: 1200
      target: 2000
    ```
    ```yaml
    - title: 季度销售额从 800 万元增长到 880 万元
      baseline: 800
      target: 880
    ```
    """

    code = "OKR202"
    name = "kr-no-baseline"
    severity = "warning"
    source = "OpenOKR KR-2/KR-3"
    fixable = "sometimes"  # when the title says "from X to Y"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            if not kr.is_milestone and kr.target is not None and kr.baseline is None:
                from okrdocs.fixes import title_fix  # only when there is something to fix

                yield Finding(
                    f"{kr.pointer}/target",
                    _(
                        "key result '{id}' has a target but no baseline; add 'baseline:' with "
                        "the value at the start of the period",
                        id=kr.id,
                    ),
                    fix=title_fix(kr.pointer, kr.title, kr.target, "baseline"),
                )
