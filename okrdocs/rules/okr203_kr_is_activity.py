from collections.abc import Iterator

from okrdocs.i18n import N_, _
from okrdocs.language import has_cjk
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext
from okrdocs.text.judge import cached_kr_activity

# A rewrite to suggest, by language and by what the key result names (work done, or a
# deliverable's state or capability).
_REWRITES = {
    ("en", "work"): "'Share of new plants set up without an engineer rises from 10% to 50%'",
    ("en", "state"): "'Plants using the new portal every week grow from 0 to 40'",
    ("zh", "work"): "「新签约客户从 0 家增加到 5 家」",
    ("zh", "state"): "「每周使用新系统的门店从 0 家增加到 50 家」",
}


class KrIsActivity(Rule):
    """A key result that is an activity or an output, not an outcome.

    ## What it does
    Reads the key result's title (Chinese is split into words with jieba's dictionary and
    part-of-speech tags, English verbs are recognised in any form from lemminflect's lexicon),
    clause by clause (at commas, semicolons and arrows), and finds its predicates wherever they
    stand: after a leading phrase (通过访谈…, 在三个新省份…, 以 99.9% 可用性…, 季度末…, "By the end
    of March, …"), after a coordinator (并, 和, "and"), after a framing verb (确保, 推动, "help").
    Then it decides, over the whole title:

    | the title names | decision | English | Chinese |
    |---|---|---|---|
    | a measured quantity that changes or reaches a level (from X to Y, to N%, by N, a comparative with a measure) | outcome | Support tickets fall from 40 to 15 per month | 客户满意度从 86 分提升到 90 分 |
    | the same after a verb that introduces it | outcome | Help customers cut onboarding time from 10 to 3 days | 推动客户满意度从 86 分提升到 90 分 |
    | a count of results obtained from others: customers, users, revenue, people hired, partners, press | outcome | Win 10 new enterprise customers; Secure $5M in commitments; Invite members, get 20 to join | 开发 5 个新客户; 招聘 3 名高级工程师; 与 3 个渠道建立合作 |
    | a method and a measured result (the result decides), also a measure compared with a number after a comma | outcome | Host monthly meetups with 40 people attending on average; 10 articles published, avg score > 50 | 举办 5 次促销，贡献总销售额的 30% |
    | a share of things that can be done | outcome | 90% of support questions can be answered from the docs | 80% 的工单可以在文档中找到答案 |
    | 完成 / complete + a measured result | outcome | Complete $1.2M in new bookings | 完成 3 家企业客户签单，合同额 100 万元 |
    | adoption or use of a deliverable by others, also as a count of things others use (使用, 采用 … 的 N) | outcome | 80% of enterprise customers adopt code search; Five new apps built and adopted across the organisation | 新功能使用率达到 60%; 整个组织开发和采用的五个新应用程序 |
    | zero of something | outcome | Zero critical security incidents | 线上故障为零; 零架构违规 |
    | how often or how fast software reaches its users: a release or deployment cadence, the time a release takes (DORA's delivery measures; the release has no other object) | outcome | Deploy to production at least daily; Release every two weeks | 每周发布一次; 15 分钟完成所有发布工作; 2 週產品發布週期 |
    | an outcome with a note on how it is measured, examples after it, or an English remark in brackets (the note adds no work) | outcome | Meeting time falls from 120 to 45 minutes, as measured by the quarterly survey; Pipeline ahead of plan (stretch goal); Team members rely on the handbook, for example by linking it in reviews | 新签约客户 20 家，按月统计; 客户满意度达到 90 分，以季度调查为准; 客户留存率达到 90%，例如通过季度回访 |
    | work done: any other verb, at the start or anywhere | activity | Launch the self-service portal; Do 10 user research activities; Identify the gaps and implement 5 fixes; Document how teams use the deploy tools | 开展市场调研; 结合客户反馈制定方案 |
    | a verb of obtaining or reaching with a thing, not a result, for object | activity | Add dark mode; Achieve SOC2 compliance | 开发会员 App; 实现自动化部署 |
    | a deliverable's state, with or without a verb, or a deliverable named alone; also every one (or a share) of something having a deliverable or access to one | activity | The onboarding process is documented; SSO can be set up from the admin page; The handbook outlines …; Support for Bitbucket Server is GA; A public roadmap on the website; All of our alerts have runbooks; 100% of managers have access to the data | 财务系统简易版上线; 流程标准化; 手册编制完成; Bitbucket Server 支持正式上线; 代码扫描工具 |
    | work named by a noun of action heading the phrase (curation, migration, documentation …; not one that names a result: retention, acquisition) | activity | Curation of components and formats; Migration of billing to the new cluster | 代码扫描工具 |
    | work after a leading deadline (the deadline says when) | activity | By the end of March, launch the partner portal | 截止一月底确定前 25% 的服务; 季度末完成 CRM 迁移 |
    | a capability | activity | Users can export reports; Admins are able to configure … | 能够按模板生成报表 |
    | a count of outputs or events, or how often the team holds them (a threshold does not make it an outcome) | activity | Write at least 4 blog posts per quarter; Plan a workshop at least once a year; 3 blog posts per quarter to beat the drum; Implement 5 navigation updates that help people find their tools | 撰写 10 篇技术博客; 每月举办一次技术分享会; 增加销售活动的频率; 新版本发布数 > 5; 上线 5 项导航改进，帮助用户更快找到工具 |
    | contact with people, however many (visits, interviews, training, coverage of the team's own work) | activity | Interview 15 churned customers; 100% of teammates complete training | 完成 50 家客户拜访; 与 3 位客户联系 |
    | work done with or for a number of people, or outputs or events counted with the people they are about (the people are not obtained) | activity | Run a pricing experiment with 3 customers | 完成 3 场用户测试; 发布 5 篇客户案例 |
    | what belongs to a share of the team's own people being reviewed or set, or how often the team does a piece of work (coverage of its own work) | activity | 100% of team members' compensation is reviewed at least twice a year | 全体员工的绩效每季度评审一次; 本季度每天 1 道算法题 |
    | what people outside do, named as measures (in brackets, a list) | neither (it names the measure) | | 下載的人真的開始用（啟用／留存） |
    | a measure or a quality with no number, also a measure named alone | neither (OKR201 asks for a number) | Improve customer experience; Cloud cost; Change failure rate | 提升品牌影响力; 品牌认知 |

    Improving a thing is an activity when the thing is an output or an event (改进销售培训,
    "Improve the in-app documentation") and an unmeasured outcome when it is a measure or a
    quality (优化成本结构). Identifiers and code are not words (`complete_rate(weekly) > 90%`).
    A light verb carries the work named after it (进行回访 is a visit, 开展调研 research).
    A verb right before a measure qualifies it (客户沟通满意度, 拜访覆盖率 are measures, not
    contact), unless the verb is one that takes a measure (提升满意度). A duration in brackets
    after the work is its deadline (完成文献回顾（2 周内）), and a statistic (average, median)
    names a measure.
    A word that is a noun or a verb starting the title is the verb when a clause with how,
    what or why follows ("Document how …"); a participle spelled like its verb after be is a
    passive ("can be set up"); to + verb states a purpose, not what the key result does, and
    without a number its nouns do not make the title measured ("3 customer stories per quarter
    to support sales" counts outputs); a count (数) of things launched or made counts outputs
    (新版本发布数 > 5, "Ship 5 releases"), where how often releases reach users measures the
    delivery (每周发布一次; 每周发布一篇博客 is a cadence of outputs). A verb the lexicon lacks
    is recognised by its shape: a verb behind re-, de-, on-, off- (refactor, onboard) or a
    word made a verb with -ize (containerize).
    A deadline (9 月底前, 两周内, "by the end of Q3") is not a comparison, and its number
    counts nothing: 9 月底前完成市场调研 is work, 全部员工在 3 个月内开始使用该系统 adoption; a
    clause that is only a time frame (截至 9 月 30 日，…) or says only how the result is tracked
    (；每月跟踪, "; tracked in the weekly dashboard") adds no work.
    "Top N" as the object of a verb of work selects items ("Identify the top 10 bottlenecks"),
    it is not a rank reached ("Reach top 3 in market share"). A leading time phrase or framing
    verb (本季度…, 力争…, "By the end of Q2,
    …") is read past for the cadence and the subject as well as for the predicate.
    A milestone (`type: milestone`) is a deliverable's state by declaration: only work written
    as work is flagged there.

    The verbs and nouns the decision turns on are small closed classes, each defined by
    meaning in `okrdocs/text/classes.py` (verbs of change, of obtaining, of reaching, framing
    verbs, contact with people, experience of people outside the team; nouns of measures,
    qualities, results, outputs and events, in Chinese by their head's suffix: 转化率, 满意度,
    知识库). Every other verb is work.

    ## Why
    Key results describe outcomes, the change in the world; activities are how you get there
    (Google OKR playbook: "consult, help, analyze, participate" describe activities). Chinese
    sales-OKR guides separate them: key results (增加销售额10%, 开发5个新客户) and the action plan that
    supports them (开展市场调研、增加销售活动的频率、改进销售培训). In okrdocs the plan goes under
    the key result's `actions`.

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
    source = "Google OKR playbook; OpenOKR KR-5; Chinese sales-OKR guides, steps 2-3"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        for kr in objective.key_results:
            verdict = cached_kr_activity(kr.title)
            # A milestone is a deliverable's state by declaration ("The wizard is generally
            # available", type: milestone): only work written as work is flagged there.
            if verdict and not (kr.is_milestone and verdict.kind in ("state", "capability")):
                words = ", ".join(f"'{w}'" for w in verdict.words[:3])
                language = "zh" if has_cjk(kr.title) else "en"
                state = verdict.kind in ("state", "capability")
                template = (
                    N_(
                        "key result '{id}' describes a deliverable's state ({words}), not an "
                        "outcome; state the result it should cause, e.g. {rewrite}, and move the "
                        "work to 'actions'"
                    )
                    if state
                    else N_(
                        "key result '{id}' describes an activity ({words}), not an outcome; "
                        "state the result it should cause, e.g. {rewrite}, and move the work "
                        "to 'actions'"
                    )
                )
                rewrite = _REWRITES[(language, "state" if state else "work")]
                yield Finding(
                    f"{kr.pointer}/title", _(template, id=kr.id, words=words, rewrite=rewrite)
                )
