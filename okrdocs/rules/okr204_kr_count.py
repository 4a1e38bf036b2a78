from collections.abc import Iterator

from okrdocs.i18n import _, _n
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Option, Rule, RuleContext


class KrCount(Rule):
    """Too few or too many key results.

    ## What it does
    Flags an objective with fewer than `min` (default 2) or more than `max` (default 5) key
    results, at its `key_results` field.

    ## Why
    One key result alone is "insufficient KRs" (Google trap #6): a single number is easy to game
    and rarely captures the objective. More than five dilutes focus (whatmatters.com: three to
    five; Viva Goals alerted on "too many results").

    ## Example
    ```yaml
    objective: Make onboarding effortless
    key_results:
      - title: Activation rate from 30% to 45%
    ```
    ```yaml
    objective: 成为华东中型制造企业首选的工业软件供应商
    key_results:
      - title: 季度销售额从 800 万元增长到 880 万元
    ```

    ## Use instead
    ```yaml
    objective: Make onboarding effortless
    key_results:
      - title: Activation rate from 30% to 45%
      - title: Median time to first dashboard from 21 to 7 days
      - title: Onboarding support tickets from 40 to 15 per month
    ```
    ```yaml
    objective: 成为华东中型制造企业首选的工业软件供应商
    key_results:
      - title: 季度销售额从 800 万元增长到 880 万元
      - title: 新签约客户从 0 家增加到 5 家
      - title: 客户满意度评分从 86 分提高至 90 分
    ```
    """

    code = "OKR204"
    name = "kr-count"
    severity = "warning"
    options = (
        Option("min", 2, "fewest key results per objective"),
        Option("max", 5, "most key results per objective"),
    )
    source = "Google OKR playbook, trap #6; whatmatters.com; Viva Goals"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        # Key results dropped mid-period no longer count.
        count = sum(1 for kr in objective.key_results if not kr.dropped_by(context.as_of))
        low, high = context.option("min"), context.option("max")
        if count < low:
            yield Finding(
                "/key_results",
                _n(
                    "the objective has {n} key result (at least {low}); add the measures that "
                    "would convince you it is met",
                    "the objective has {n} key results (at least {low}); add the measures that "
                    "would convince you it is met",
                    count,
                    low=low,
                ),
                at_key=True,
            )
        elif count > high:
            yield Finding(
                "/key_results",
                _(
                    "the objective has {n} key results (at most {high}); keep the ones that "
                    "best show the objective is met",
                    n=count,
                    high=high,
                ),
                at_key=True,
            )
