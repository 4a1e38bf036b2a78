from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.language import has_number
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class KrNotMeasurable(Rule):
    """A metric key result with no target and no number anywhere.

    ## What it does
    Flags a metric key result (the default type) that has no `target` field and whose title
    states no quantity at all: no digits, percentage, amount, Chinese numeral with a measure word,
    number word (two, double, zero) or 翻倍-style change. Dates (三月底, 一月中旬, March 4),
    quarters, versions, references and numbered phases (phase 2, tier 1) are not quantities, as
    in OKR102. A key result with structured
    `baseline`/`target` is measurable whatever its title says. Milestones are done or not done and
    are never flagged.

    ## Why
    "Key results must be measurable, so a grade can be assigned objectively" (Google OKR
    playbook). Chinese sales-OKR guides, step 2: 关键结果应该是可量化的 — "增加销售额10%、开发5个新客户、提高客户满意度
    评分至90分", never "改进销售培训".

    ## Example
    ```yaml
    key_results:
      - title: Improve customer experience
    ```
    ```yaml
    key_results:
      - title: 改进销售培训
    ```

    ## Use instead
    ```yaml
    key_results:
      - title: Support satisfaction rises from 82% to 90%
        baseline: 82
        target: 90
        unit: "%"
    ```
    ```yaml
    key_results:
      - title: 新人首单周期从 60 天缩短到 40 天
        baseline: 60
        target: 40
        unit: 天
        actions:
          - title: 改进销售培训：新增需求诊断课程
    ```
    """

    code = "OKR201"
    name = "kr-not-measurable"
    severity = "error"
    source = "Google OKR playbook; OpenOKR KR-2/KR-3; Chinese sales-OKR guides, step 2"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            if kr.is_milestone or kr.target is not None or has_number(kr.title):
                continue
            yield Finding(
                f"{kr.pointer}/title",
                _(
                    "key result '{id}' is not measurable: add 'baseline' and 'target' "
                    "(from X to Y), or make it a milestone with 'type: milestone'",
                    id=kr.id,
                ),
            )
