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
    Reads the objective's words (Chinese is split into words with jieba's dictionary and
    part-of-speech tags, English verbs are recognised in any form) and asks whether anything is
    left once the verbs, the function words and the generic nouns every team could write are set
    aside:

    | the objective names | decision | English | Chinese |
    |---|---|---|---|
    | only generic verbs and nouns (sales, revenue, quality, experience, culture, talent, energy, speed, an event), in Taiwan's words too (使用者 = 用户, 軟體 = 软件), in headline case too | vague | Improve software quality; Increase revenue; Build team competitiveness; Successfully hire for each open role; Maintain Strong Physical and Mental Energy; Run the event | 提升用户体验; 招聘优秀人才; 提升產品使用者體驗; 构筑团队竞争力; 降低测试门槛 |
    | a quality or a measure, qualified only by a role every organisation has (developers, engineers, employees, team members), by customers or users in general, or by a kind (学习型, 服务型) | vague | Improve developer productivity; Increase employee happiness; Improve customer satisfaction; Build a learning organization | 提升员工满意度; 打造能让每个人都喜爱的工程师文化; 提高员工敬业度; 提升顧客滿意度; 建立学习型组织 |
    | the same with a date or a deadline (a time is not what will be different), under a pillar's label, or as an aim before a colon with its details after it | vague | In Q3, improve developer productivity; Stability: Enable teams to build with confidence | 8月1号之前降低开发支持工作; 本季度提升产品用户体验; 优化团队协作与效率：通过工具链升级，使开发周期缩短 20% |
    | a one- or two-word topic | vague | Availability | 团队建设 |
    | a product, a system, a place, a customer group, a kind of work or a name | specific | Improve the Google search experience; Make onboarding effortless for plants in East China | 提升华东门店的客户体验; 确立亚太地区市场领导地位 |
    | what people outside the team will do | specific | Customers renew without a sales call | 让新客户在第一周就用起来 |

    The generic classes are the closed classes OKR203 reads key results with
    (`okrdocs/text/classes.py`): qualities (reliability, happiness, 竞争力, 满意度), the roles
    every organisation has, and a short list of business aims. A named measure (留存率, tech
    debt) says what will be different; efficiency and frequency (效率, 频率) are every team's.

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
