from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.language import objective_quantities
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class ObjectiveHasMetric(Rule):
    """Numbers, percentages or amounts in the objective.

    ## What it does
    Flags an objective that states a quantity: digits (ASCII or full-width), percentages,
    currency amounts, multipliers (3x, 翻倍), Chinese numerals with a measure word (五个, 两倍),
    百分之十 or 三成, cardinal number words (two, at least one) and placeholders that stand for
    a number ($N, X%; in Chinese a letter before a measure word or after 达到: 发文 x 篇, 达到 x). Not quantities: years (2026), quarters and halves (Q4, H1, FY26),
    dates (2026-01-31, 10 月 1 日, 6/20 but not a tally such as 14/14, months of the year: 一月中旬, 三月底, 截止十二月), numbered phases
    and stages (phase 2, stage 3+, tier 1, sprint 14), weeks of a plan (by Week 7), rooms and floors (821 会议室), version and model numbers
    (v2, version 3.1, 导师制2.0, 8080处理器), references (#14, RFC 97, §3.5), one-to-one (1-1, 1:1), names with digits (SOC 2, B2B,
    5G, Web3, UTF-8) and code in backticks.

    ## Why
    "Keep the metrics out of the Objective" (Christina Wodtke, *Radical Focus*). The objective
    is the qualitative why; the key results carry the numbers, so they can change when the team
    learns which measure really shows progress.

    ## Example
    ```yaml
    objective: Grow revenue by 20% to $2M
    ```
    ```yaml
    objective: 增加销售额10%
    ```

    ## Use instead
    ```yaml
    objective: Make mid-market manufacturers our fastest-growing segment
    key_results:
      - title: Mid-market revenue grows from $1.67M to $2M
    ```
    ```yaml
    objective: 成为华东中型制造企业首选的工业软件供应商
    key_results:
      - title: 季度销售额从 800 万元增长到 880 万元
    ```
    """

    code = "OKR102"
    name = "objective-has-metric"
    severity = "warning"
    source = "Christina Wodtke, Radical Focus; OpenOKR (warn on digits)"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        found = objective_quantities(objective.objective)
        if found:
            shown = ", ".join(f"'{item}'" for item in found[:3])
            yield Finding(
                "/objective",
                _(
                    "the objective states a metric ({words}); keep it qualitative and move the "
                    "number into a key result",
                    words=shown,
                ),
            )
