from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext
from okrdocs.text.vague import objective_vagueness


def _example(text: str) -> str:
    """A rewrite in the objective's language."""
    if any("\u3400" <= char <= "\u9fff" for char in text):
        return "'让华东中型制造企业把我们当作首选的工业软件供应商'"
    return "'Become the first call for plant managers replacing paper travellers'"


class ObjectiveVague(Rule):
    """An objective too generic to guide anyone.

    ## What it does
    Flags an objective made only of generic verbs and nouns ("Improve sales", "Do better",
    提高业绩, 做好销售工作), or too short to say what will be different (a one- or two-word topic
    such as "Availability", or fewer than four Chinese characters). Generic words are matched
    without word boundaries in Chinese: 提高客户满意度 is 提高 + 客户满意度, all generic.

    ## Why
    An objective says where the team is going and why it matters; "improve sales" is true of
    every sales team in every quarter and rules nothing out. Chinese sales-OKR guides
    (销售的OKR怎么制定) ask for an objective that is "具体、明确，并与公司整体战略和目标一致" (specific, clear, aligned).

    ## Example
    ```yaml
    objective: Improve sales
    ```
    ```yaml
    objective: 提高业绩
    ```

    ## Use instead
    ```yaml
    objective: Become the first call for plant managers replacing paper travellers
    ```
    ```yaml
    objective: 成为华东中型制造企业首选的工业软件供应商
    ```
    """

    code = "OKR101"
    name = "objective-vague"
    severity = "warning"
    source = "Seed brief step 1; Google OKR playbook; OpenOKR objective checks"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        found = objective_vagueness(objective.objective)
        if found:
            reason, words = found
            shown = ", ".join(f"'{w}'" for w in words[:4])
            yield Finding(
                "/objective",
                _(
                    "the objective is too vague: {reason} ({words}); say who or what will be "
                    "different, for whom, or where, e.g. {example}",
                    reason=_(reason),
                    words=shown,
                    example=_example(objective.objective),
                ),
            )
