from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.language import business_as_usual_verb
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class BusinessAsUsual(Rule):
    """An objective that keeps things as they are.

    ## What it does
    Flags an objective that starts with maintain, keep, continue, sustain, preserve, stay or
    remain (in any inflection), or 保持, 维持, 继续, 延续, 守住, 稳住, 维护 (simplified or
    traditional).

    ## Why
    OKRs are for change. "Business as usual" objectives are Google's trap #2: they describe work
    the team does anyway and crowd out the few things that should be different at the end of the
    period. Keep health metrics on a dashboard, or state the change you want.

    ## Example
    ```yaml
    objective: Maintain 99.9% availability of the connector
    ```
    ```yaml
    objective: 保持华东市场的领先地位
    ```

    ## Use instead
    ```yaml
    objective: Make the connector something customers never have to think about
    ```
    ```yaml
    objective: 在华东汽车零部件行业建立一批标杆客户
    ```
    """

    code = "OKR104"
    name = "business-as-usual"
    severity = "warning"
    source = "Google OKR playbook, trap #2"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        verb = business_as_usual_verb(objective.objective)
        if verb:
            yield Finding(
                "/objective",
                _(
                    "'{verb}' describes business as usual; state what will be different at the "
                    "end of the period",
                    verb=verb,
                ),
            )
