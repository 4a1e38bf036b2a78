"""Does an objective say who or what will be different, for whom or where?

An objective is vague when, once its verbs and the generic nouns every team could write are set
aside (quality, experience, satisfaction, culture, talent, team, revenue, growth, 质量, 体验,
满意度, 文化, 人才, 团队, 业绩 ...), nothing is left: no product, system, place, customer group,
kind of work or name. "Improve software quality", 提升用户体验 and 招聘优秀人才 are vague;
"Improve the Google search experience" (a product) and 确立亚太地区市场领导地位 (a region) are not.
Words are read with the same lexicons as key results: Chinese is segmented (so 用户体验 is 用户 +
体验, both generic), English verbs are recognised in any inflection.
"""

from __future__ import annotations

import re
from functools import lru_cache

from okrdocs.i18n import N_
from okrdocs.language import has_cjk
from okrdocs.lazyre import Lazy
from okrdocs.text import classes as c
from okrdocs.text import en, zh
from okrdocs.text.judge import _ZH_TIME_WORDS, _noun_class, _zh_time_word

_GENERIC_ZH = c._set(
    """
    质量 品质 体验 满意度 文化 人才 团队 公司 业绩 销售 销售额 利润 盈利 成本 结构 效率 竞争力
    影响力 品牌 市场 领导 地位 用户 客户 产品 新产品 创新 方向 财务 表现 家庭 健康 身材 行业
    资讯 人员 需求 部门 组织 凝聚力 工作 业务 能力 水平 管理 服务 增长 收入 绩效 目标 成功 建设
    发展 核心 关键 整体 全面 各项 相关 问题 团队建设 可靠性 完整性 功能 氛围 思想 想法 法规 要求
    决策 保障 假设 世界 每个 人 员工 个性化 无缝 优秀 高效 好 更好 更 新 最好 一流 领先 卓越 强
    大 持续 进一步 不断 开发 支持 交易 员工 伙伴 价值 经验 知识 技能 机制 体系 流程 生态 数字化
    智能化 规模 份额 表现 健康度 声誉 口碑 信任 效益 运营 安全 技术 人力 资源 招聘 培训
    企业 软件 代码 形象 性能 协作 协同
    门槛 窗口 竞争 速度 频率 规模 影响 领导力 执行力 资金 融资 岗位 人手 战略 愿景 使命 基础
    合作 关系
    """
)
_GENERIC_EN = c._set(
    """
    quality experience satisfaction culture talent team teams company business revenue revenues
    sales growth profit profits profitable performance productivity efficiency reliability
    coverage awareness brand product products customer customers client clients user users
    pipeline arr cost costs success successful result results goal goals target targets value
    operations process processes service services market share engagement retention morale
    people employee employees staff organization organisation things work job level levels
    capability capabilities efficient effective excellent great good better best strong stronger
    high higher more overall general significant significantly sustainable scalable aspirational
    core key all-remote remote consistent world-class leading innovative innovation connections
    belonging collaboration communication teamwork test tests security stability software
    code speed velocity agility scale impact visibility presence momentum execution excellence
    leadership position relationships partnerships hiring hire hires role roles open headcount
    foundation foundations strategy vision issues problems frequency finance finances financial
    funding
    physical mental emotional energy wellbeing well-being fitness delivery method methods new
    basics rapid fast faster event events next popular long-term sustained
    """
)
_GENERIC_RATES = frozenset(["效率", "频率", "頻率"])
_FUNCTION_ZH = c._set(
    "的 和 与 及 并 把 将 让 使 对 在 为 以 之 中 上 下 等 能 我们 我 所有 全部 各 、"
)
_FUNCTION_EN = c._set(
    """
    a an the our we us my your their its of in on for to and or with by at from into as be is
    are this that these those every each all more most amid through across who which it
    up down out less fewer
    """
)
_NAME = Lazy(r"[A-Za-z][A-Za-z0-9.+#-]*")
_LABEL = Lazy(r"^\s*[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*)?:\s+(?=\S)")
# An aim that opens with a verb and ends at a colon: 提升系统稳定性与性能：确保…
_ZH_AIM = Lazy(
    r"^((?:提升|提高|推动|优化|打造|建立|构建|加强|增强|改善|实现|降低|减少|扩大|推进|完善)"
    r"[^:：，,。]{2,14})[:：]\s*\S"
)
_EN_PERIOD = Lazy(r"^(?:q[1-4]|h[12]|fy\d{2,4}|quarter|quarterly|annual|year|half)$", re.I)


@lru_cache(maxsize=4096)
def objective_vagueness(objective: str) -> tuple[str, tuple[str, ...]] | None:
    """(why it is vague, the generic words it is made of), or None when it names something."""
    text = objective.strip()
    if not text:
        return None
    if has_cjk(text):
        aim = _ZH_AIM.match(text)
        if aim:
            # "aim: how, with numbers" (推动技术创新与落地：完成至少 2 项预研…): the aim before
            # the colon is the objective; what follows details the key results
            return _chinese(aim.group(1))
        return _chinese(text)
    return _english(text)


def _chinese(text: str) -> tuple[str, tuple[str, ...]] | None:
    generic: list[str] = []
    # A time it opens with (本季度, 第三季度, 2026 年) is not what will be different.
    tokens = zh.tokens(text)
    lead = 0
    while lead < len(tokens) - 1 and (_time_token(tokens[lead]) or tokens[lead].tag == "x"):
        lead += 1
    tokens = tokens[lead:]
    content = [t for t in tokens if t.tag not in ("x", "m", "code") and t.word not in _FUNCTION_ZH]
    cjk = sum(len(t.word) for t in content if t.tag != "eng")
    stray = 0
    for token in tokens:
        word, tag = token.word, token.tag
        if len(word) == 1 and tag[:1] in ("n", "v") and word not in _FUNCTION_ZH:
            stray += 1
            if stray >= 2:
                return None  # characters the dictionary does not know as a word: a name (水印)
        else:
            stray = 0
    if any(t.word.endswith("率") and t.word not in _GENERIC_RATES for t in tokens):
        return None  # a named measure: 留存率 (but 效率, 频率: every team's)
    if any(t.word in c.ZH_BEHAVIOUR for t in tokens):
        return None  # what people will do: 让新客户在第一周就用起来
    if (
        content
        and cjk <= 6
        and not any(t.tag == "eng" for t in content)
        and not (content[0].tag.startswith("v") and content[0].tag != "vn")
    ):
        return N_("it is a topic, not a change"), tuple(t.surface for t in content)
    for index, token in enumerate(tokens):
        word, tag = token.word, token.tag
        if tag == "x" and word.isalpha():
            return None  # letters of another script: a name (构建 ゆいじゅ 的虚拟世界)
        if tag in ("x", "m", "code") or word in _FUNCTION_ZH:
            continue
        if tag == "eng":
            if word.lower() in _GENERIC_EN:
                generic.append(token.surface)
                continue
            return None  # a name: Google, sealos, laf
        if (
            tag.startswith("v")
            or word in _GENERIC_ZH
            or tag in ("d", "a", "ad", "r", "c", "p", "f", "t")
            or _dimension_zh(word)
            or word in c.ZH_GENERIC_ROLES
        ):
            generic.append(token.surface)
            continue
        following = tokens[index + 1].word if index + 1 < len(tokens) else ""
        if len(following) == 1 and _dimension_zh(word + following):
            generic.append(token.surface)  # 敬业 + 度: a measure split by the dictionary
            continue
        if _noun_class(word) in ("result", "people") or (word.endswith("型") and len(word) > 2):
            generic.append(token.surface)  # 顾客, 学习型: generic people and kinds (not 模型)
            continue
        if tag in ("ns", "nt", "nz", "nr") or len(word) >= 2:
            return None  # a place, an organisation or a thing named
        generic.append(token.surface)  # a stray character
    if not generic:
        return None
    return N_("it names nothing beyond generic words"), tuple(dict.fromkeys(generic))


def _time_token(token: zh.Token) -> bool:
    return token.word in _ZH_TIME_WORDS or _zh_time_word(token.word, token.tag)


def _dimension_zh(word: str) -> bool:
    """A measure or a quality (效率, 竞争力, 满意度): what every team could want more of, by
    the same suffix classes as OKR203 (``classes``)."""
    return _noun_class(word) in ("measure", "quality")


def _dimension_en(lower: str) -> bool:
    """A quality or a role every organisation has (reliability, happiness, developers): the
    classes OKR203 reads key results with (``classes``). Not every measure: a named one (tech
    debt, time to market) says what will be different."""
    return (
        lower in c.EN_QUALITY_WORDS
        or lower in c.EN_GENERIC_ROLES
        or (lower.endswith("ness") and len(lower) > 6)
    )


def _manner_adverb(lower: str) -> bool:
    """successfully, effectively, continuously: how, not what will be different."""
    return lower.endswith("ly") and len(lower) > 6 and lower not in _NOT_ADVERBS


_NOT_ADVERBS = frozenset(["assembly", "monopoly", "anomaly", "butterfly", "quarterly"])


def _is_verb(word: str, first: bool) -> bool:
    reading = en.verb(word.lower())
    return reading is not None and (first or not en.also_noun(reading[0]))


def _english(text: str) -> tuple[str, tuple[str, ...]] | None:
    # A label before a colon ("Stability: Enable teams to …") names the pillar the objective
    # sits under; what the objective itself names follows it.
    text = _LABEL.sub("", text)  # (anchored: at most once)
    words = [w.rstrip(".") for w in _NAME.findall(text.replace("’", "'"))]
    # A time it opens with ("In Q3,", "FY26:") is not what will be different.
    lead = 0
    while lead < len(words) - 1 and (
        _EN_PERIOD.match(words[lead]) or (words[lead].lower() in ("in", "by", "for", "during"))
    ):
        lead += 1
    if lead and _EN_PERIOD.match(words[lead - 1]):
        words = words[lead:]
    if not words:
        return None
    content = [w for w in words if w.lower() not in _FUNCTION_EN]
    verbs = any(
        _is_verb(w, i == 0) or w.lower() in ("is", "are", "can") for i, w in enumerate(words)
    )
    if len(content) <= 3 and not verbs:
        return N_("it is a topic, not a change"), tuple(content)
    generic: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _FUNCTION_EN:
            continue
        if lower in _GENERIC_EN or _dimension_en(lower) or _manner_adverb(lower):
            generic.append(word)
            continue
        if (index and word[:1].isupper()) or (word.isupper() and len(word) > 1):
            return None  # a name or an acronym: Sourcegraph, LSIF, HR
        reading = en.verb(lower)
        if reading and (
            not en.also_noun(reading[0])
            or index == 0
            or (words[index - 1].lower() == "to" and reading[1] == "base")  # "to build"
        ):
            generic.append(word)
            continue
        return None
    return N_("it names nothing beyond generic words"), tuple(dict.fromkeys(generic))
