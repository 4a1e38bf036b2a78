from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.language import display_width
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Option, Rule, RuleContext


class ObjectiveTooLong(Rule):
    """An objective that does not fit on one line.

    ## What it does
    Flags an objective wider than `max-width` columns. Width is counted as a terminal or editor
    shows it: a Chinese character takes two columns, so the default of 100 allows about 50
    Chinese characters or 100 Latin ones.

    ## Why
    An objective is memorable: people should be able to repeat it in a meeting. "An objective
    fits on one line" (OpenOKR suggests 4 to 18 words). A long objective is usually several
    objectives, or key results written into the objective.

    ## Example
    ```yaml
    objective: Improve the onboarding experience for new mid-market customers in East China by shipping the setup wizard, pre-built MES mappings and video guides so plants can connect themselves
    ```
    ```yaml
    objective: 通过开展市场调研、增加销售活动的频率和改进销售培训，全面提升华东地区中型制造企业客户对我们工业软件产品和服务的满意度与复购意愿
    ```

    ## Use instead
    ```yaml
    objective: Make connecting a new plant effortless
    ```
    ```yaml
    objective: 让华东制造企业客户愿意续约并推荐我们
    ```
    """

    code = "OKR103"
    name = "objective-too-long"
    severity = "warning"
    options = (Option("max-width", 100, "largest width in columns (a CJK character counts 2)"),)
    source = "OpenOKR objective length; Google OKR playbook"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        limit = context.option("max-width")
        width = display_width(objective.objective)
        if width > limit:
            yield Finding(
                "/objective",
                _(
                    "the objective is {width} columns wide (limit {limit}); say it in one short "
                    "line and move detail into key results or the body",
                    width=width,
                    limit=limit,
                ),
            )
