"""Closed classes of words the judgement rules decide by, defined by meaning.

An OKR key result is an outcome when it names a measured quantity that changes, or a count of
results obtained from others; it is an activity when it names work done or a thing delivered.
The lexicons (``zh``, ``en``) say which words are verbs and nouns; these few closed classes say
which verbs change or reach a quantity, which obtain results from others, which describe how
people other than the team behave, and which nouns name measures, people from outside, outputs
and events. Open classes are never listed: every other verb is work done, and a noun is
classified by its head and its suffix (客户满意度 -> 度, a measure; 知识库 -> 库, an output;
subscribers -> -er, a person).

Chinese words are in Simplified characters (Traditional text is mapped first).
"""

from __future__ import annotations


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _tuple(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# ---------------------------------------------------------------------------------------------
# Chinese verbs

# A quantity changes or reaches a level: the predicate of an outcome.
ZH_CHANGE = _set(
    """
    提高 提升 增加 增长 增至 降低 降至 减少 缩短 缩减 减低 减轻 下降 上升 翻倍 翻番 减半 扩大
    压缩 成长 增大 加快 降 升 涨 增 减 缩 翻 拉升 拉高 压降 降到 提到 增到 达 达到 达成 突破
    超过 超出 高于 低于 不低于 不高于 不少于 不超过 控制 稳定 维持 保持 进入 进 实现 收敛 清零
    归零 消除 杜绝 打平 少于 多于
    """
)

# Realising something: an outcome when what is realised is a measure or a result (实现营收
# 5000 万), a deliverable's state otherwise (实现自动化部署). Not 达到 and 达成: they reach a
# level or an agreement (达到预期效果, 达成合作), which is an outcome whatever follows.
ZH_REACH = _set("实现")

# Results obtained from others, or people added to the team.
ZH_ACQUIRE = _set(
    """
    获得 获取 赢得 签约 签下 签单 拿下 吸引 招聘 招募 招到 新增 补充 储备 引入 转化 留住 挽回
    开发 拓展 开拓 发展 培养 成交 出单 售出 卖出 斩获 贡献 带来 产生 创造 收获 收集 积累 赚 赚取
    募集 筹集 争取 达成 入选 获 得到 取得 拿到 赢
    """
)

# Verbs of ZH_ACQUIRE that also mean making or bringing in a thing: 开发客户 (win customers)
# but 开发 App (build an app), 新增客户 but 新增功能. Only these are read with their object's
# head; the others (获得, 吸引, 产生, 带来 ...) obtain results whatever follows.
ZH_ACQUIRE_OR_MAKE = _set("开发 拓展 开拓 发展 培养 引入 补充 收集 新增 储备")

# Contact with people: work done with or for them, however many they are (联系 3 位客户).
ZH_INTERACT = _set(
    """
    联系 拜访 访谈 走访 回访 沟通 接触 培训 辅导 面试 约谈 调研 调查 宣讲 覆盖 触达 邀请 通知
    发送 分发 派发 推送 陪同 陪伴 交流 服务 洽谈 商谈 会谈 交谈 会见 会面
    """
)

# Verbs that say nothing of work by themselves: copulas, modals, "ensure", "make (someone) ...".
ZH_FRAME = _set(
    """
    是 有 为 成为 在 能 能够 可以 可 会 要 需要 需 应 应该 必须 使 让 令 确保 保证 保障 使得
    做到 帮助 帮 促进 推动 推进 带动 助力 支撑 支持 结合 基于 通过 利用 借助 依托 围绕 针对 按照
    根据 经 到 至 到达 得到 力争 开始
    """
)

# How people outside the team behave or feel: an outcome however it is measured.
ZH_EXPERIENCE = _set(
    """
    使用 采用 满意 认可 推荐 喜爱 喜欢 信任 依赖 愿意 感到 觉得 知道 理解 认为 参与 活跃 留存
    访问 购买 续约 复购 回购 注册 登录 下单 好评 评价 关注 点击 浏览 阅读 下载 安装 订阅 转发
    分享 反馈 投诉 流失 回复 响应 解决 载入 加载 返回 通过 打榜 付费 付钱 付款 激活 转换
    """
)

# What people outside the team will do, named by an objective: a concrete change of behaviour
# (让新客户在第一周就用起来, 让客户愿意向同行推荐我们), not a generic aim (提升用户体验).
ZH_BEHAVIOUR = _set("使用 用 采用 推荐 续约 复购 回购 购买 下单 注册 登录 订阅 下载 安装 选择")

# Counting or measuring a result: in a note after the key result (，按月统计, 以季度调查为准,
# "as measured by the survey", "tracked in the weekly dashboard") they say how it is counted.
ZH_MEASURING = _set("统计 计算 计 为准 衡量 测量 核算 考核 评估 记录 跟踪 追踪")
EN_MEASURING = _set("measure track count calculate record report survey assess evaluate")
EN_MEASURING_FORMS = _set(
    "measured tracked counted calculated recorded reported surveyed assessed evaluated"
)

# "Can do": a capability of a deliverable (decision 7 of the labelling guide).
ZH_CAN = _set(
    """
    能 能够 可以 可 支持
    """
)

# Improving a thing: an activity when the thing is an output or an event (改进销售培训), an
# outcome when it is a measure or a quality (优化成本结构, 强化激励).
ZH_IMPROVE = _set(
    """
    改进 改善 优化 完善 加强 强化 提升 提高 升级 简化 精简 健全 丰富 规范 增强 巩固 夯实
    """
)

# ---------------------------------------------------------------------------------------------
# Chinese nouns, by their head (the last word) and its final characters

# Measures: 转化率, 满意度, 销售额, 用户数, 周期 ...
ZH_MEASURE_SUFFIXES = _tuple(
    """
    率 度 量 数 额 值 比 比例 占比 成本 费用 收入 营收 利润 毛利 份额 排名 名次 评分 得分 分数
    分 指数 指标 时间 目标 时长 周期 速度 效率 规模 流量 价格 销量 销售额 业绩 收益 盈利 盈余
    存款 资产 净资产 人数 次数 天数 单量 时延 延迟 耗时 频率 覆盖面 增速 增长 比重 水平 成绩
    口碑 排行 评价 星级 预算 成本结构 营业额 回报 产出 gmv dau mau wau arr mrr nps roi acos ctr
    cpc cpa ltv csat fcr tps qps sla uv pv
    """
)

# Nouns ending like a measure that are not one: periods (季度, 年度), an institution (制度),
# a viewpoint (角度, 维度), a modifier (深度交流, 深度合作: "in depth").
ZH_NOT_MEASURES = _set("季度 年度 月度 制度 角度 维度 尺度 深度")

# Qualities: an unmeasured change in them is an outcome (稳定性, 自信力, 凝聚力).
ZH_QUALITY_SUFFIXES = _tuple(
    """
    性 力 感 氛围 意识 能力 素质 体验 心情 状态 信心 质量 品质 健康 竞争力
    """
)

# People and organisations outside the team, and money or deals they bring.
ZH_RESULT_SUFFIXES = _tuple(
    """
    客户 用户 会员 粉丝 访客 读者 买家 顾客 商户 商家 经销商 分销商 代理商 加盟商 供应商 伙伴
    合作方 订单 合同 签约 签单 线索 注册 下载 评论 好评 关注 订阅 候选人 人才 投资 融资 资金
    收入 销售额 star 户 者 商 客 单 粉 mql sql lead leads
    """
)

# Media a team publishes, though they end like people (客): 博客, 播客.
ZH_MEDIA = _set("博客 播客 微博 公众号 视频号")

# The team's own people: hiring them is an outcome, training or covering them is work.
ZH_PEOPLE_SUFFIXES = _tuple(
    """
    人员 员工 成员 同事 团队 工程师 经理 负责人 人 名 位 员 师 生 家人 孩子 committer
    """
)

# Roles every organisation has: in an objective they name no group of its own (工程师文化,
# 员工满意度, "developer productivity"), unlike a named team, customer segment or place.
ZH_GENERIC_ROLES = _set(
    """
    人员 员工 成员 同事 团队 工程师 经理 负责人 人才 开发者 开发人员 管理者 领导
    """
)
EN_GENERIC_ROLES = _set(
    """
    developer developers engineer engineers employee employees teammate teammates member members
    manager managers staff people person worker workers leader leaders
    """
)

# Things a team makes.
ZH_OUTPUT_SUFFIXES = _tuple(
    """
    报告 文档 手册 方案 计划 规划 系统 平台 工具 功能 模块 页面 网站 流程 机制 制度 体系 标准
    规范 模板 库 表 清单 指南 课程 视频 文章 案例 白皮书 原型 版本 接口 仪表盘 看板 宣言 提案
    项目 应用 程序 代码 文案 材料 资料 数据包 约束表 脚本 测试 用例 工作 任务 作业 考试 笔记
    视觉化 网页 题 篇 份 套 款 版 sdk api wiki dag tag ui demo
    """
)

# Events: how often a team holds them is work (增加销售活动的频率, 2 周一次分享会).
ZH_EVENT_SUFFIXES = _tuple(
    """
    会 会议 活动 培训 分享 讲座 沙龙 比赛 促销 拜访 访谈 调研 复盘 演讲 直播 面试 例会 周会 研讨
    交流 workshop
    """
)

# ---------------------------------------------------------------------------------------------
# English verbs (lemmas) and nouns

# A quantity changes or reaches a level.
EN_CHANGE = _set(
    """
    increase raise grow boost lift rise fall drop decrease reduce cut lower shorten halve double
    triple quadruple decline shrink accelerate expand climb slash minimize minimise maximize
    maximise eliminate reach hit achieve attain exceed surpass beat meet top maintain keep stay
    remain sustain improve outperform speed trend scale
    """
)

# Results obtained from others, or people added.
EN_ACQUIRE = _set(
    """
    get gain win acquire attract sign close secure earn generate convert retain hire recruit add
    onboard land bring source book sell make deliver drive capture collect receive obtain raise
    net grow welcome recover contribute pull
    """
)

# Verbs of EN_ACQUIRE that also mean making or handing over a thing: 'Add 5 partners' but
# 'Add dark mode', 'Deliver $1M' but 'Deliver the redesign'. Only these are read with their
# object; the others (win, gain, earn, attract, secure ...) obtain results whatever follows.
EN_ACQUIRE_OR_MAKE = _set("add make deliver drive bring source book sell collect pull grow")

# Contact with people: work done with or for them.
EN_INTERACT = _set(
    """
    contact visit call email meet interview survey train coach mentor reach talk speak present
    demo pitch distribute send invite engage serve assist help support consult
    """
)

# Verbs that say nothing of work by themselves.
EN_FRAME = _set(
    """
    be have do ensure make let allow enable help become get keep continue start begin stop need
    want try aim strive work prove show indicate demonstrate confirm
    """
)

# Reaching a level: an outcome when what is reached is measured ("Reach 1M downloads"), a
# deliverable's state otherwise ("Achieve SOC2 compliance", "Reach feature parity").
EN_REACH = _set("achieve attain reach")

# Frame verbs that set a thing going or stop it: with a thing for object (not another verb),
# the work of doing so ("Enable SSO", "Start a regular meetup", "Stop the legacy export").
EN_SET_GOING = _set("enable start begin stop continue do try")

# What people outside the team do or feel.
EN_EXPERIENCE = _set(
    """
    feel know trust rely understand believe find see say report rate prove show indicate
    recommend prefer love like enjoy use adopt visit return choose buy purchase pay renew churn
    join participate respond agree think perceive consider view rank mention click read watch
    download install subscribe follow share convert engage register complete finish spend take
    require run merge create search reach leave stay come go cite praise value experience
    """
)

# Improving a thing: work when the thing is an output ("Improve in-app documentation").
EN_IMPROVE = _set(
    """
    improve enhance optimize optimise upgrade refine strengthen simplify streamline polish
    revamp rework overhaul modernize modernise update tune better
    """
)

# Measures.
EN_MEASURE_WORDS = _set(
    """
    rate ratio score time times cost costs revenue share percentage percent number count latency
    retention churn conversion growth nps arr mrr iarr acv tcv gmv ltv cac roi dau mau wau swau
    swaus maus waus daus csat satisfaction coverage speed velocity frequency duration uptime
    availability reliability performance throughput volume size margin profit profits sales
    bookings pipeline traffic engagement adoption usage awareness value amount level levels rank
    ranking rating ratings spend budget efficiency productivity attrition turnover diversity
    quality accuracy error errors downtime mttr lead-time cycle-time views impressions reach
    clicks opens lift backlog debt p95 p99 percentile hours minutes days weeks seconds ms mqls
    sqls average avg median mean
    """
)

# Qualities: an unmeasured change in them is an outcome.
EN_QUALITY_WORDS = _set(
    """
    reliability stability quality flakiness effectiveness experience performance satisfaction
    trust confidence culture morale awareness visibility security resilience consistency clarity
    alignment health
    """
)

# People and organisations outside the team, and what they bring.
EN_RESULT_WORDS = _set(
    """
    customer customers user users client clients subscriber subscribers follower followers
    visitor visitors reader readers listener listeners buyer buyers member members partner
    partners logo logos deal deals lead leads mql mqls sql sqls signup signups sign-ups
    registrant registrants download downloads install installs star stars review reviews
    testimonial testimonials account accounts organization organizations organisations company
    companies developer developers devs dev candidate candidates hire hires engineer engineers
    people person teammate teammates attendee attendees contributor contributors trial trials
    opportunity opportunities order orders revenue bookings arr iarr mrr acv pipeline listens
    reads views sign ups mention mentions press
    """
)

# Things a team makes.
EN_OUTPUT_WORDS = _set(
    """
    document documents documentation doc docs guide guides handbook page pages site website blog
    runbook runbooks
    post posts article articles report reports plan plans roadmap roadmaps process processes
    playbook policy policies template templates dashboard dashboards tool tools feature features
    portal system systems platform module prototype poc mvp version release releases test tests
    integration series campaign campaigns program programs content video videos course courses
    training trainings workshop workshops webinar webinars meetup meetups event events talk
    talks session sessions meeting meetings check-ins survey surveys study studies case tutorial
    tutorials episode episodes podcast library repository repo pipeline pipelines infrastructure
    framework model benchmark benchmarks spec specification rfc brief deck presentation
    guideline guidelines faq faqs list checklist inventory prop proposition messaging narrative
    persona personas materials material asset assets story stories illustration illustrations
    fix fixes structure norms practices response responses dive dives highlight highlights
    update updates improvement improvements enhancement enhancements upgrade upgrades component
    components pattern patterns prototypes experiment experiments integrations tweak tweaks
    recommendation recommendations
    """
)

# Events a team holds.
EN_EVENT_WORDS = _set(
    """
    meeting meetings workshop workshops webinar webinars meetup meetups event events session
    sessions talk talks training trainings check-in check-ins ama amas call calls visit visits
    interview interviews demo demos conference conferences confs hackathon
    """
)

# The team's own people: their going through the team's training, onboarding or review is
# work done (coverage), not a result obtained.
EN_OWN_PEOPLE = _set(
    """
    teammate teammates employee employees staff hire hires newcomer newcomers rep reps agent
    agents member members manager managers
    """
)

# Plural nouns of people by their suffix (developers, operators, trainees, analysts,
# clinicians, students, participants). -ments are things (experiments, payments, deployments).
EN_PEOPLE_SUFFIXES = ("ers", "ors", "ees", "ists", "people", "ians", "ents", "ants")
EN_THING_SUFFIXES = ("ments",)
# Adjectives saying that a deliverable exists or can be reached: "X is available".
EN_DELIVERED = _set(
    """
    available public visible live ready accessible discoverable documented defined published
    listed in-place enabled up-to-date complete done shipped released launched implemented
    deployed integrated operational ga beta alpha
    """
)
