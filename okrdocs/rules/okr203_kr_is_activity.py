from collections.abc import Iterator

from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext
from okrdocs.text.judge import cached_kr_activity


class KrIsActivity(Rule):
    """A key result that is an activity or an output, not an outcome.

    ## What it does
    Flags a key result whose title starts with an activity word. In English: consult, help,
    analyze, participate, attend, hold, host, organize, launch, ship, release, build, create,
    implement, complete, finish, run, research, review, plan, draft, write, document, design,
    set up, roll out, start, define, introduce, publish, produce, migrate, deploy and others, in
    any inflection (launched, launching), after an optional subject ("We've documented ...").
    In Chinese (simplified and traditional): 开展, 举办, 参加, 参与, 协助, 组织, 完成, 上线,
    推进, 改进, 推动, 调研, 分析, 制定, 撰写, 搭建, 建立, 部署, 设计, 实施, 发布, 启动, 确定,
    调整 and others, at the start of the title after an optional subject or frequency (我们, 每月),
    and 办/辦 before a count of events (办一场).

    Decision for 完成 and complete: followed by a measured *result* (销售额, 营收, 签约, 合同额,
    回款, revenue, sales, quota, 目标 ...) it is an outcome and passes: 完成 3 家企业客户签单，
    合同额 100 万. Followed by anything else it is an activity, even with a number:
    完成 50 家客户拜访 counts visits made, not what they achieved.

    ## Why
    Key results describe outcomes, the change in the world; activities are how you get there
    (Google OKR playbook: "consult, help, analyze, participate" describe activities). The seed
    brief separates them: key results (增加销售额10%) and the action plan that supports them
    (开展市场调研、增加销售活动的频率、改进销售培训). In okrdocs the plan goes under the key result's
    `actions`.

    ## Example
    ```yaml
    key_results:
      - title: Launch the self-service portal
    ```
    ```yaml
    key_results:
      - title: 开展华东制造业市场调研
    ```

    ## Use instead
    ```yaml
    key_results:
      - title: Share of new plants set up without an engineer rises from 10% to 50%
        baseline: 10
        target: 50
        unit: "%"
        actions:
          - title: Launch the self-service portal
            owner: priya.nair
            due: 2026-11-06
    ```
    ```yaml
    key_results:
      - title: 新签约客户从 0 家增加到 5 家
        baseline: 0
        target: 5
        unit: 家
        actions:
          - title: 开展华东制造业市场调研
            owner: wang.fang
            due: 2026-10-20
    ```
    """

    code = "OKR203"
    name = "kr-is-activity"
    severity = "warning"
    source = "Google OKR playbook; OpenOKR KR-5; seed brief steps 2-3"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            verdict = cached_kr_activity(kr.title)
            # A milestone is a deliverable's state by declaration ("The wizard is generally
            # available", type: milestone): only work written as work is flagged there.
            if verdict and not (kr.is_milestone and verdict.kind in ("state", "capability")):
                words = ", ".join(f"'{w}'" for w in verdict.words[:3])
                yield Finding(
                    f"{kr.pointer}/title",
                    f"key result '{kr.id}' describes an activity ({words}), not an outcome; "
                    "state the result it should cause and move the activity to 'actions'",
                )
