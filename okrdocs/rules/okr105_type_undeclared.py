from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class TypeUndeclared(Rule):
    """Committed or aspirational is not declared.

    ## What it does
    Flags an objective without `type: committed` or `type: aspirational`.

    ## Why
    The two are graded differently: a committed objective is expected to score 1.0, an
    aspirational one about 0.7. Mixing them up is Google's trap #1: the team either sandbags
    commitments or treats stretch goals as promises. Chinese OKR guides ask for "挑战性" (stretch),
    which only makes sense once a goal is declared aspirational.

    ## Example
    ```yaml
    objective: Make releases boring
    ```
    ```yaml
    objective: 让渠道伙伴成为华东市场的第二增长引擎
    ```

    ## Use instead
    ```yaml
    objective: Make releases boring
    type: committed
    ```
    ```yaml
    objective: 让渠道伙伴成为华东市场的第二增长引擎
    type: aspirational
    ```
    """

    code = "OKR105"
    name = "type-undeclared"
    severity = "warning"
    source = "Google OKR playbook, trap #1"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        if objective.kind is None:
            yield Finding(
                "",
                _(
                    "declare the objective's type: 'type: committed' (expected to score 1.0) or "
                    "'type: aspirational' (a stretch, 0.7 is success)"
                ),
            )
