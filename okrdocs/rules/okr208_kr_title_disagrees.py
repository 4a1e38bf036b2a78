import math
from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.language import numbers_in
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext

# A number in a title may be written in thousands (k), ten-thousands (万, w), millions (M),
# hundred-millions (亿) or billions (B), or as a percentage of a share field.
_POWERS = frozenset((0, 3, 4, 6, 8, 9, -2, 2))


def _mentions(value: float, numbers: list[float]) -> bool:
    if value in numbers:
        return True
    for number in numbers:
        if number == 0 or value == 0 or (number > 0) != (value > 0):
            continue
        # Logarithms of each side, not of the ratio: a tiny value over a large number would
        # underflow to 0 (and a huge one overflow).
        power = math.log10(abs(value)) - math.log10(abs(number))
        nearest = round(power)
        if nearest in _POWERS and abs(power - nearest) < 1e-9:
            return True
    return False


class KrTitleDisagrees(Rule):
    """The numbers in a key result's title disagree with its baseline or target.

    ## What it does
    When a metric key result's title states two or more numbers and it has both `baseline` and
    `target`, flags it if either field's value does not appear in the title. Scaled forms count
    as the same value (800 万 and 8000000, $2M and 2000000, 45% and 0.45).

    ## Why
    The title is what people read; the fields are what okrdocs computes with. When a target is
    raised or lowered in the field but not in the title (or the other way round), the page and the
    progress bar tell two different stories, and a reviewer sees only one of them.

    ## Example
    ```yaml
    - title: Weekly active teams grow from 1,200 to 2,000
      baseline: 1200
      target: 1800
    ```
    ```yaml
    - title: 季度销售额从 800 万元增长到 880 万元
      baseline: 800
      target: 900
    ```

    ## Use instead
    ```yaml
    - title: Weekly active teams grow from 1,200 to 1,800
      baseline: 1200
      target: 1800
    ```
    ```yaml
    - title: 季度销售额从 800 万元增长到 900 万元
      baseline: 800
      target: 900
    ```
    """

    code = "OKR208"
    name = "kr-title-disagrees"
    severity = "warning"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            if kr.is_milestone or kr.baseline is None or kr.target is None:
                continue
            numbers = numbers_in(kr.title)
            if len(numbers) < 2:
                continue
            for field, value in (("baseline", kr.baseline), ("target", kr.target)):
                if not _mentions(value, numbers):
                    yield Finding(
                        f"{kr.pointer}/{field}",
                        _(
                            "key result '{id}' has {field} {value:g} but its title says "
                            "'{title}'; make the title and the field agree",
                            id=kr.id,
                            field=field,
                            value=value,
                            title=kr.title,
                        ),
                    )
