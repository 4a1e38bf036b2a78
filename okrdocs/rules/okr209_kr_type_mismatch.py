from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext


class KrTypeMismatch(Rule):
    """Fields that do not fit the key result's type.

    ## What it does
    Flags a milestone (`type: milestone`) that has `baseline`, `target` or `current`, and a
    metric key result that has `done`.

    ## Why
    A milestone's progress is 0 or 1 from `done`; a metric's comes from baseline, target and
    current. Fields of the other kind are ignored, which is rarely what the author meant.

    ## Example
    ```yaml
    - title: The setup wizard is generally available
      type: milestone
      target: 1
    ```
    ```yaml
    - title: 新签约客户从 0 家增加到 5 家
      baseline: 0
      target: 5
      done: true
    ```

    ## Use instead
    ```yaml
    - title: The setup wizard is generally available
      type: milestone
      done: false
    ```
    ```yaml
    - title: 新签约客户从 0 家增加到 5 家
      baseline: 0
      target: 5
      current: 5
    ```
    """

    code = "OKR209"
    name = "kr-type-mismatch"
    severity = "warning"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            if kr.is_milestone:
                for field in ("baseline", "target", "current"):
                    if getattr(kr, field) is not None:
                        yield Finding(
                            f"{kr.pointer}/{field}",
                            _(
                                "key result '{id}' is a milestone, so '{field}' is ignored; use "
                                "'done: true/false', or remove 'type: milestone' to track a "
                                "number",
                                id=kr.id,
                                field=field,
                            ),
                            at_key=True,
                        )
            elif kr.done is not None:
                yield Finding(
                    f"{kr.pointer}/done",
                    _(
                        "key result '{id}' is a metric, so 'done' is ignored; set 'current', or "
                        "add 'type: milestone'",
                        id=kr.id,
                    ),
                    at_key=True,
                )
