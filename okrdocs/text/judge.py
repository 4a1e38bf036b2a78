"""Is a key result an outcome or an activity? The decision OKR203 documents, by reading it.

A title is split into clauses (at commas, semicolons, "and then" dashes); each clause is read
for its predicates, wherever they stand (after 通过…, 在…, 以…, 为…, 与…, 将…, "By …"), and
for what they act on. Then, over the whole title:

1. a clause that names a measured quantity that changes or reaches a level, or a count of
   results obtained from others (customers, users, revenue, hires), makes the title an outcome,
   whatever method other clauses name ("method + result");
2. otherwise a clause whose predicate is work done (any verb outside the closed classes of
   ``classes``), a deliverable's state (上线, "is documented"), a capability (能够…, "users can
   …"), or a count of outputs or events (发布 3 篇文章, 每周两次分享会) makes it an activity;
3. otherwise (a measure with no number, a quality, a noun phrase) it is neither.
"""

from __future__ import annotations

import re
from functools import lru_cache

from okrdocs.language import has_cjk, has_number
from okrdocs.lazyre import Lazy
from okrdocs.text import classes as c
from okrdocs.text import en, zh


class Verdict:
    """Why a key result reads as an activity: the words that show it, and what kind."""

    __slots__ = ("kind", "words")

    def __init__(self, words: tuple[str, ...], kind: str) -> None:
        self.words = words
        self.kind = kind  # "work", "state", "capability", "outputs", "events"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Verdict) and (self.words, self.kind) == (other.words, other.kind)

    def __hash__(self) -> int:
        return hash((self.words, self.kind))

    def __repr__(self) -> str:
        return f"Verdict(words={self.words!r}, kind={self.kind!r})"


_MARKUP = Lazy(r"\[([^\]]*)\]\([^)]*\)|<[^>]+>|\*\*|__|\bhttps?://\S+")


def kr_activity(title: str) -> Verdict | None:
    text = _MARKUP.sub(lambda m: m.group(1) or " ", title).strip()
    if not text or _DELIVERY_CADENCE.search(text):
        return None
    if has_cjk(text):
        return _chinese(text)
    return _english(text)


# How often or how fast software reaches its users (DORA's deployment frequency and the time a
# release takes) measures the delivery, not the work: 每周发布一次, 15 分钟完成所有发布工作,
# "Deploy to production at least daily" (docs/rules/OKR203.md, labelling decision 12). Only a
# release or deployment with no other object qualifies: 每周发布一篇博客 is a cadence of outputs,
# and a count of releases made (新版本发布数 > 5, "Ship 5 releases") counts outputs.
_ZH_RELEASE = r"(?:发布|發布|部署|上线|上線|交付)"
_ZH_EVERY = r"每\s*(?:天|日|周|週|星期|个?工作日|個?工作日|[两兩二2]\s*[周週]|双周|雙週)"
_EN_RELEASE = (
    r"(?:deploy(?:s|ed)?|release(?:s|d)?|ship(?:s|ped)?)"
    r"(?: (?:to production|to customers|to users|a new version|new versions))?"
)
_EN_EVERY = (
    r"(?:at least |multiple times |several times )?"
    r"(?:daily|weekly|every (?:day|week|working day|other week|\w+ (?:days|weeks))"
    r"|(?:once |twice |\d+ times )?(?:a|per) (?:day|week)|on demand)"
)
_DELIVERY_CADENCE = Lazy(
    rf"^(?:(?:做到|实现|實現|保持|力争|力爭)\s*)?{_ZH_EVERY}\s*(?:至少\s*)?{_ZH_RELEASE}"
    r"\s*(?:[一1两兩二2三3]\s*次|(?:一个|一個|1\s*个|1\s*個)?\s*新?版本)?\s*[。.]?$"
    rf"|^\d+\s*(?:分钟|分鐘|小时|小時)\s*(?:内|內)?\s*完成\s*(?:所有|全部)?\s*(?:的\s*)?{_ZH_RELEASE}"
    r"\s*(?:工作|流程)?\s*[。.]?$"
    rf"|^{_EN_RELEASE} {_EN_EVERY}\.?$",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Chinese


def _ends(word: str, suffixes: tuple[str, ...]) -> bool:
    return word.lower().endswith(suffixes)


_ZH_CLAUSE_BREAK = set(",，;；。!！?？:：()（）[]【】") | {"-", "—", "–", "->", "→"}
_ZH_COMPARATORS = frozenset(
    {
        ">",
        "<",
        "≥",
        "≤",
        ">=",
        "<=",
        "以上",
        "以下",
        "以内",
        "之内",
        "内",
        "前",
        "top",
    }
)
_PLACEHOLDER = Lazy(r"^(?:x{2,}%?|n\d*|z{3,}|[$¥]?[nx]\d*[%万亿]?)$", re.I)


class _Clause:
    __slots__ = ("surfaces", "tags", "words")

    def __init__(self, words: list[str], tags: list[str], surfaces: list[str]) -> None:
        self.words = words
        self.tags = tags
        self.surfaces = surfaces

    @property
    def text(self) -> str:
        parts = []
        for index, surface in enumerate(self.surfaces):
            if index and (self.tags[index] in ("m", "eng") or self.tags[index - 1] in ("m", "eng")):
                parts.append(" ")
            parts.append(surface)
        return "".join(parts)


def _zh_clauses(text: str) -> list[_Clause]:
    clauses = [_Clause([], [], [])]
    for token in zh.tokens(text):
        if token.tag == "x" and token.word in _ZH_CLAUSE_BREAK:
            clauses.append(_Clause([], [], []))
            continue
        current = clauses[-1]
        current.words.append(token.word.lower())
        current.tags.append(token.tag)
        current.surfaces.append(token.surface)
    return [clause for clause in clauses if clause.words]


def _zh_measuring_note(clause: _Clause) -> bool:
    """按月统计, 以季度调查为准, 按自然月计算: how the result is counted, not work done; 例如…,
    比如…: examples of what the key result names."""
    words = clause.words
    if words[0] in _ZH_EXAMPLES:
        return True
    measuring = any(w in c.ZH_MEASURING for w in words)
    return measuring and (
        words[0] in _ZH_MANNER
        or all(  # 持续跟踪, 每月跟踪: only how and when it is tracked
            w in c.ZH_MEASURING or tag in ("d", "vd", "t", "r", "m", "q") or w.startswith("每")
            for w, tag in zip(words, clause.tags, strict=True)
        )
    )


_ZH_EXAMPLES = frozenset(["例如", "比如", "譬如", "诸如", "如"])
_ZH_UNTIL = c._set("截至 截止 截止到 到 至 于 在 为止 前 之前 以前")
_ZH_WITHIN = c._set("内 之内 以内")  # (2 周内: a deadline in brackets after the work)


def _zh_time_frame(clause: _Clause) -> bool:
    """Whether the clause is only a time frame: 截至 9 月 30 日, 到年底为止."""
    if clause.words[0] not in _ZH_UNTIL and clause.tags[0] not in ("m", "t"):
        return False
    return all(
        word in _ZH_UNTIL
        or word in _ZH_WITHIN
        or tag in ("m", "t", "q")
        or _zh_time_word(word, tag)
        for word, tag in zip(clause.words, clause.tags, strict=True)
    ) and any(tag != "m" for tag in clause.tags)


def _is_verb(tag: str) -> bool:
    return tag.startswith("v")


def _noun_class(word: str) -> str | None:
    try:
        return _NOUN_CLASSES[word]
    except KeyError:
        kind = _NOUN_CLASSES[word] = _classify_noun(word)
        return kind


_NOUN_CLASSES: dict[str, str | None] = {}


def _classify_noun(word: str) -> str | None:
    if word in c.ZH_MEDIA:
        return "output"
    if _ends(word, c.ZH_EVENT_SUFFIXES):
        return "event"
    if _ends(word, c.ZH_RESULT_SUFFIXES):
        return "result"
    if _ends(word, c.ZH_MEASURE_SUFFIXES) and word not in c.ZH_NOT_MEASURES:
        return "measure"
    if _ends(word, c.ZH_QUALITY_SUFFIXES):
        return "quality"
    if _ends(word, c.ZH_PEOPLE_SUFFIXES):
        return "people"
    if _ends(word, c.ZH_OUTPUT_SUFFIXES):
        return "output"
    return None


def _quantity(clause: _Clause, numbered: bool | None) -> bool:
    """Whether the clause states a quantity; ``numbered`` is what is known from the whole title
    (False: no number anywhere, True: the clause is the whole title, None: look)."""
    if any(word.isascii() and _PLACEHOLDER.match(word) for word in clause.words):
        return True
    return has_number(clause.text) if numbered is None else numbered


def _heads(clause: _Clause, start: int, stop: int, skip: frozenset[int] = frozenset()) -> list[str]:
    """Classes of the nouns between two positions (but those at ``skip``), merging a word with
    a suffix after it (留存 + 率, 健康 + 度) and with an acronym (DAU)."""
    found = []
    for index in range(start, stop):
        if index in skip:
            continue
        word, tag = clause.words[index], clause.tags[index]
        if tag in ("m", "x", "p", "uj", "c", "d", "r"):
            continue
        kind = _noun_class(word)
        if kind:
            found.append(kind)
    return found


def _modifiers_of_counted_outputs(clause: _Clause) -> frozenset[int]:
    """The positions of the nouns that only qualify a counted output or event: 3 场用户测试, 5
    篇客户案例 count tests and case studies, not users or customers."""
    words, tags = clause.words, clause.tags
    found: set[int] = set()
    if "m" not in tags:
        return frozenset()
    for index, tag in enumerate(tags):
        if tag != "m":
            continue
        stop = index + 1
        while stop < len(words) and (
            tags[stop] in ("q", "m", "a", "b") or tags[stop].startswith("n") or tags[stop] == "vn"
        ):
            stop += 1
        head = _zh_head(clause, index + 1, stop)
        if head in ("output", "event") and stop - index > 2:
            found.update(range(index + 1, stop - 1))
    return frozenset(found)


def _chinese(text: str) -> Verdict | None:
    clauses = _zh_clauses(text)
    numbered: bool | None = has_number(text)  # shared with OKR201 and OKR206 (cached)
    if numbered and len(clauses) > 1:
        numbered = None  # which clause has it?
    outcome = False
    activity: list[tuple[str, str]] = []  # (word as written, kind)
    for position, clause in enumerate(clauses):
        result, work = _zh_clause(clause, numbered)
        outcome = outcome or result
        if (position and _zh_measuring_note(clause)) or _zh_time_frame(clause):
            # a time frame (截至 9 月 30 日，…), or how the result is counted (，按月统计; not
            # brackets: Chinese titles often list the work itself in them, 视觉统一（配色、字号）)
            continue
        activity.extend(work)
    if outcome or not activity:
        return None
    words = tuple(dict.fromkeys(word for word, _ in activity))
    return Verdict(words, activity[0][1])


_ZH_COORDINATORS = {"并", "并且", "且", "和", "及", "以及", "、", "然后", "再", "同时", "&", "/"}
_ZH_TIME_UNITS = ("天", "日", "周", "月", "季", "年", "星期", "双周", "隔周")


def _predicate_positions(clause: _Clause) -> list[int]:
    """Where the clause's predicates stand: the first verb after any leading phrase (通过…,
    在…, 以…), verbs after a coordinator (并, 和, 、), after a framing verb (确保, 通过 …), and
    a verb closing a clause after a noun (系统上线)."""
    words, tags = clause.words, clause.tags
    found: list[int] = []
    seen_predicate = False
    for index, (word, tag) in enumerate(zip(words, tags, strict=True)):
        verb = _is_verb(tag) or word in c.ZH_CHANGE
        if not verb:
            continue
        before = words[index - 1] if index else ""
        before_tag = tags[index - 1] if index else ""
        if before == "的":
            continue  # 权限的控管: a verb after 的 names a thing
        if (
            index + 1 < len(words)
            and tags[index + 1].startswith("n")
            and _noun_class(words[index + 1]) == "measure"
            and word not in _TAKES_MEASURE
        ):
            continue  # 客户沟通满意度, 拜访覆盖率: the verb qualifies the measure after it
        if not seen_predicate:
            if (
                tag == "vn"
                and index < len(words) - 1
                and (
                    before_tag.startswith(("n", "eng"))
                    or (before_tag in ("a", "b", "q", "m") and tags[index + 1].startswith("n"))
                )
            ):
                continue  # 销售培训, UI 设计, 有效销售渠道: a noun compound
            found.append(index)
            seen_predicate = (
                word not in c.ZH_FRAME and word not in c.ZH_EXPERIENCE and before_tag != "p"
            )
            continue
        if (
            (before in _ZH_COORDINATORS and tag != "vn")
            or before in c.ZH_FRAME
            or before in c.ZH_CAN
            or before in _ZH_LIGHT_VERBS
        ):
            found.append(index)
        elif index == len(words) - 1 and (before_tag.startswith("n") or before_tag == "eng"):
            found.append(index)  # 财务系统上线
        elif word in c.ZH_CHANGE:
            found.append(index)
    return found


# Verbs whose object can be a measure (提升满意度, 实现收入, 确保覆盖率): before a measure they
# are still predicates.
_TAKES_MEASURE = c.ZH_CHANGE | c.ZH_REACH | c.ZH_ACQUIRE | c.ZH_IMPROVE | c.ZH_FRAME
_ZH_MANNER = {"以", "按", "按照", "凭", "凭借", "用"}
# A partnership formed with others is a result obtained from them, as partners signed are.
_ZH_PARTNERSHIP = Lazy(
    r"(?:建立|达成|達成|签订|簽訂|签署|簽署)\s*(?:战略|戰略)?\s*(?:合作|伙伴|夥伴)"
)
# Verbs that carry the work named right after them: 进行回访 is a visit, 开展调研 research.
_ZH_LIGHT_VERBS = frozenset(["进行", "進行", "开展", "開展", "展开", "展開"])
# Words of a leading time phrase (本季度, 今年, 第三季度末, Q3 前, 9 月底): when, not what.
_ZH_TIME_WORDS = c._set(
    """
    本 这 今 下 上 当 季度 年度 月度 年 月 周 季 末 底 前 内 初 期间 上半年 下半年 全年
    年底 年末 月底 季末 季度末 年内 月内
    """
)
_ZH_WE = frozenset(["我", "我们", "咱们", "本人"])
_PERIOD_NAME = Lazy(r"^(?:q[1-4]|h[12]|fy\d{2,4})$", re.I)


_ZH_TIME_ENDS = ("月", "日", "号", "底", "末", "年", "季", "季度", "周", "天", "星期", "初", "中旬")


def _zh_time_word(word: str, tag: str) -> bool:
    """A date, period or duration: 9 月, 月底, 年底, 两周, Q3 (what 前 or 内 after it makes a
    deadline)."""
    return (
        tag == "t"
        or (tag in ("m", "n", "f", "q") and word.endswith(_ZH_TIME_ENDS))
        or word in _ZH_TIME_UNITS  # (jieba tags 周 after a number as a surname, 2 周内)
        or (tag == "eng" and _PERIOD_NAME.match(word) is not None)
    )


def _only_deadline_numbers(clause: _Clause) -> bool:
    """Whether every number in the clause belongs to a deadline (3 个月内, 9 月底前): it then
    counts no outputs."""
    words, tags = clause.words, clause.tags
    numbers = [i for i, tag in enumerate(tags) if tag == "m"]
    if not numbers:
        return False
    for index in numbers:
        window = range(index, min(len(words), index + 4))
        if not any(
            words[i] in _ZH_COMPARATORS and i and _zh_time_word(words[i - 1], tags[i - 1])
            for i in window
        ):
            return False
    return True


def _after_time(clause: _Clause) -> int:
    """The position after a leading time phrase or framing verb (0 when there is none, or
    nothing follows)."""
    words, tags = clause.words, clause.tags
    index = 0
    while index < len(words) - 1:
        word, tag = words[index], tags[index]
        if (
            tag == "t"
            or word in _ZH_TIME_WORDS
            or word in c.ZH_FRAME  # 力争每天…, 确保每周…
            or word in _ZH_WE  # 我们每天…
            or (tag == "eng" and _PERIOD_NAME.match(word))
        ):
            index += 1
        elif tag == "m" and words[index + 1] in _ZH_TIME_WORDS:
            index += 2  # 第三 季度, 9 月
        else:
            break
    return index if index < len(words) else 0


_ZH_LIST_MARKS = frozenset(["/", "／", "、", "，", ","])


def _names_measures(clause: _Clause) -> bool:
    """A clause that only lists what people outside do, as names of measures: 激活／留存,
    （启用／留存）."""
    words = [w for w in clause.words if w not in _ZH_LIST_MARKS]
    return (
        len(words) >= 2
        and len(words) < len(clause.words)
        and all(w in c.ZH_EXPERIENCE or w in ("启用", "转化", "啟用", "轉化") for w in words)
    )


_ZH_DEADLINE_OPENERS = frozenset(["截止", "截至", "截止到", "到", "在", "于", "於"])
_ZH_DEADLINE_CLOSERS = frozenset(["前", "之前", "以前", "为止", "為止", "结束", "結束", "时", "時"])
_ZH_DATE_UNITS = "月日号年季周"


def _leading_deadline(clause: _Clause) -> int:
    """The position after a leading deadline (截止一月底, 到 9 月 30 日前, 在 Q3 之前), or 0."""
    words, tags = clause.words, clause.tags
    if words[0] not in _ZH_DEADLINE_OPENERS:
        return 0
    index = 1
    while index < len(words) and (
        _zh_time_word(words[index], tags[index])
        or (
            tags[index] == "m"
            and words[index + 1 : index + 2] != []
            and words[index + 1][:1] in _ZH_DATE_UNITS
        )
        or words[index] in _ZH_DEADLINE_CLOSERS
    ):
        index += 1
    return index if 1 < index < len(words) else 0


def _zh_clause(clause: _Clause, numbered: bool | None) -> tuple[bool, list[tuple[str, str]]]:
    """(names a measured outcome, the words that show work done)."""
    if clause.words[0] in _ZH_MANNER and clause.tags[0] == "p":
        # 以 99.9% 可用性完成系统部署: the leading phrase says how; what is done follows.
        first = next(iter(_predicate_positions(clause)), 0)
        if first > 1:
            rest = _Clause(clause.words[first:], clause.tags[first:], clause.surfaces[first:])
            return _zh_clause(rest, None)
    if _names_measures(clause):
        return False, []  # （激活／留存／转化）: the measures meant, named
    deadline = _leading_deadline(clause)
    if deadline:
        # 截止一月底确定前 25% 的服务: the deadline says when; what is done follows.
        rest = _Clause(clause.words[deadline:], clause.tags[deadline:], clause.surfaces[deadline:])
        return _zh_clause(rest, None)
    words = clause.words
    size = len(words)
    quantity = _quantity(clause, numbered)
    zero_at = next((i for i, w in enumerate(words) if w in ("零", "0", "为零", "清零", "归零")), -1)
    zero = zero_at >= 0
    predicates = _predicate_positions(clause)
    skip = _modifiers_of_counted_outputs(clause)
    selects_top = _zh_selects_top(clause, predicates)
    if selects_top:  # (排名 前 N as what is selected, not a measure)
        skip |= frozenset(i for i, w in enumerate(words) if w == "排名")
    nouns = _heads(clause, 0, size, skip)
    verbs = [words[i] for i in predicates]
    change = any(v in c.ZH_CHANGE for v in verbs) or (
        "从" in words and any(w in ("到", "至", "降至", "增至") for w in words)
    )
    compares = not _ZH_COMPARATORS.isdisjoint(words) and any(
        w in _ZH_COMPARATORS and not (i and _zh_time_word(words[i - 1], clause.tags[i - 1]))
        for i, w in enumerate(words)
    )  # (9月底前, Q3 前, 两周内: a deadline, not a comparison)
    if selects_top:
        compares = False  # 梳理排名前 10 的性能瓶颈: work on the items it selects, not a rank
    interact = any(v in c.ZH_INTERACT for v in verbs)
    counted_events = _counted_events(clause)
    lead = _after_time(clause)  # (本季度每天 1 道题, 力争每周…: the cadence after them)
    recurring = (words[lead].startswith("每") and words[lead][1:].startswith(_ZH_TIME_UNITS)) or (
        len(words) > lead + 1 and words[lead] in ("双周", "隔周", "每") and quantity
    )
    measured = "measure" in nouns or "result" in nouns or "quality" in nouns

    # 1. A measured outcome in this clause.
    if quantity and _adopted(clause, predicates):
        return True, []  # 整个组织开发和采用的五个新应用程序: a count of things others adopted
    if not counted_events and not interact and not _counts_outputs(clause):
        if (change or compares) and (measured or quantity):
            return True, []
        if quantity and measured:
            return True, []
        if zero and (not any(v not in c.ZH_FRAME for v in verbs[:1]) or predicates[0] > zero_at):
            return True, []  # 线上故障数为零, 零架构违规: none of what follows
        if quantity and "people" in nouns and any(v in c.ZH_ACQUIRE for v in verbs):
            return True, []
        if quantity and _ZH_PARTNERSHIP.search(clause.text):
            return True, []  # 与 3 个渠道建立合作: partners won (labelling decision 17)
        for position, index in enumerate(predicates):
            if words[index] in c.ZH_ACQUIRE:
                following = predicates[position + 1] if position + 1 < len(predicates) else size
                if following == size - 1 and clause.tags[following - 1].startswith("n"):
                    following = size  # 获取用户反馈: a verb closing the phrase is its head noun
                if _zh_head(clause, index + 1, following) == "result":
                    return True, []

    # 2. Work done, a deliverable's state, a capability, outputs or events.
    work: list[tuple[str, str]] = []
    for position, index in enumerate(predicates):
        word = words[index]
        surface = clause.surfaces[index]
        if word in c.ZH_CAN:
            if index + 1 < size:
                work.append((surface, "capability"))
            continue
        following = predicates[position + 1] if position + 1 < len(predicates) else size
        if word in c.ZH_REACH and not quantity:
            if _zh_head(clause, index + 1, following) not in (*_OBTAINED, None):
                work.append((surface, "state"))  # 实现自动化部署: a deliverable's state
            continue
        if word in c.ZH_FRAME or word in c.ZH_EXPERIENCE or word in c.ZH_CHANGE:
            continue
        if word in c.ZH_ACQUIRE and (
            word not in c.ZH_ACQUIRE_OR_MAKE or _obtains(clause, index, following, quantity)
        ):
            continue  # 开发 5 个新客户, 招募志愿者: results or people obtained
        objects = _heads(clause, index + 1, following, skip)
        if word in c.ZH_IMPROVE and not ({"output", "event"} & set(objects)):
            continue
        if objects and objects[-1] in ("quality", "measure") and word not in c.ZH_INTERACT:
            continue
        work.append((surface, "state" if index == size - 1 and index else "work"))
    if not work and (recurring or counted_events) and (quantity or change):
        cadence = _work_cadence(clause)
        work.append((clause.surfaces[cadence if cadence >= 0 else lead], "events"))
    if (
        not work
        and ("output" in nouns or "event" in nouns)
        and quantity
        and not measured
        and not _only_deadline_numbers(clause)
    ):
        work.append((clause.text, "outputs"))
    if not work and quantity and _counts_outputs(clause):
        work.append((clause.text, "outputs"))  # 新功能上线数 > 10: a count of things made
    return False, work


def _adopted(clause: _Clause, predicates: list[int]) -> bool:
    """Whether the clause is a noun phrase whose head is qualified by what people do with it
    (使用, 采用 … 的 N: every verb stands in a clause before 的, and one is of experience)."""
    words = clause.words
    if "的" not in words or not predicates or _is_verb(clause.tags[0]):
        return False  # (完成 3 个用户使用的报表: a verb first is the predicate)
    last = len(words) - 1 - words[::-1].index("的")
    return all(index < last for index in predicates) and any(
        words[index] in c.ZH_EXPERIENCE for index in predicates
    )


# What a verb of obtaining obtains when the key result is an outcome (开发客户, not 开发 App).
_OBTAINED = ("result", "people", "measure", "quality")


def _obtains(clause: _Clause, index: int, stop: int, quantity: bool) -> bool:
    """Whether a verb of obtaining obtains a result: people, customers, money, a measure, or
    a counted thing that is not an output (新增 200 家门店, not 新增 3 个功能)."""
    head = _zh_head(clause, index + 1, stop)
    return head in _OBTAINED or (head == "unknown" and quantity)


def _zh_head(clause: _Clause, start: int, stop: int) -> str | None:
    """The class of the head of the phrase between two positions: its last noun (Chinese noun
    phrases end with their head: 会员 App is an app, 新客户 customers); "unknown" for a noun
    of no class, None when there is no noun."""
    for index in range(stop - 1, start - 1, -1):
        tag = clause.tags[index]
        if tag in ("m", "x", "p", "uj", "ul", "c", "d", "r", "q", "f", "u", "y"):
            continue
        if tag.startswith(("n", "v")) or tag in ("eng", "j", "l", "i", "b", "s"):
            return _noun_class(clause.words[index]) or "unknown"
    return None


def _zh_selects_top(clause: _Clause, predicates: list[int]) -> bool:
    """Whether 前 N (排名前 N) is the object of the first predicate, a verb of work."""
    if not predicates:
        return False
    first = predicates[0]
    word = clause.words[first]
    if word in c.ZH_CHANGE or word in c.ZH_FRAME or word in c.ZH_ACQUIRE or word in c.ZH_REACH:
        return False
    following = clause.words[first + 1 : first + 3]
    return following[:1] == ["前"] or following == ["排名", "前"]


def _work_cadence(clause: _Clause) -> int:
    """Where a verb of work stands between a cadence and a count of times (绩效每季度评审一次:
    how often the team does a piece of work), or -1."""
    words, tags = clause.words, clause.tags
    if "每" not in "".join(words):
        return -1
    for index, word in enumerate(words[:-1]):
        if (
            words[index + 1][-1:] in ("次", "遍", "回")
            and index
            and _is_verb(tags[index])
            and (words[index - 1].startswith("每") or words[max(0, index - 2)] == "每")
            and word not in c.ZH_CHANGE
            and word not in c.ZH_EXPERIENCE
            and word not in c.ZH_FRAME
            and word not in c.ZH_ACQUIRE
        ):
            return index
    return -1


def _counted_events(clause: _Clause) -> bool:
    """3 次培训, 5 次促销, 活动的频率: how often the team holds an event, or does a piece of
    work (每季度评审一次)."""
    words = clause.words
    if _work_cadence(clause) >= 0:
        return True
    for index, word in enumerate(words):
        if _noun_class(word) != "event":
            continue
        window = words[max(0, index - 3) : index]
        if any(w in ("次", "场", "期", "轮", "届") or w.endswith(("次", "场")) for w in window):
            return True
        if any(w in ("频率", "频次", "次数") for w in words[index + 1 : index + 4]):
            return True
    return False


def _counts_outputs(clause: _Clause) -> bool:
    """新功能上线数 > 10: a count (数, 个数) of things launched or made."""
    words, tags = clause.words, clause.tags
    for index, word in enumerate(words):
        if word in ("数", "数量", "个数", "次数") and index > 0 and _is_verb(tags[index - 1]):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# English

_EN_TOKEN = Lazy(
    r"`[^`]*`"
    r"|[A-Za-z_][A-Za-z0-9_]*\([^)]*\)"  # an identifier with arguments: complete_rate(weekly)
    r"|[A-Za-z][A-Za-z0-9]*(?:[-'’.][A-Za-z0-9]+)*"
    r"|[$£€¥]?\d+(?:[.,]\d+)*[%xkKMB+]*"
    r"|[≥≤<>=]+|->|[,;:()/]|\S"
)
_SUBJECTS = {"we", "we've", "we'll", "we’ve", "we’ll", "i", "our", "the", "team"}
_AUX = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"}
_HAVE = {"have", "has", "had", "having"}
_MODALS = {"can", "could", "will", "would", "should", "must", "may", "might", "shall", "to"}
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "our", "their", "its", "his",
                "her", "my", "your", "each", "every", "all", "some", "any", "no", "more", "most",
                "new", "first", "key", "top"}  # fmt: skip
_PREPOSITIONS = {"of", "for", "to", "in", "on", "at", "by", "with", "from", "into", "onto", "per",
                 "across", "within", "under", "over", "about", "as", "via", "through", "between",
                 "among", "after", "before", "during", "without", "than", "up", "out"}  # fmt: skip
_CONJUNCTIONS = {"and", "or", "but", "then", "&", "+", "/", "while", "so", "that", "which", "who"}
# The unions the reading asks about, built once (not per word).
_WH_WORDS = frozenset(["how", "what", "why", "where", "when", "which", "whether", "who"])
_OPENERS = frozenset(_SUBJECTS | {"will", "'ve", "'ll", "successfully", "to"})
_DETERMINERS_NOT_NO = frozenset(_DETERMINERS - {"no"})
_PREPOSITIONS_NOT_TO_BY = frozenset(_PREPOSITIONS - {"to", "by"})
_AUX_GET = frozenset(_AUX | {"get", "gets", "got"})
_LINKS_OR_STOPS = frozenset(_PREPOSITIONS | _CONJUNCTIONS | {",", "."})
_LINKS_OR_COMMA = frozenset(_CONJUNCTIONS | _PREPOSITIONS | {","})
_OPENS_PHRASE = frozenset(_DETERMINERS | _PREPOSITIONS)
_NEVER_NOUNS = frozenset(_CONJUNCTIONS | _PREPOSITIONS | _DETERMINERS | _AUX | _MODALS | {","})
_FINITE_MARKERS = frozenset(_AUX | _HAVE | {"can", "will"})
_CLAUSE_LINKS = frozenset(_CONJUNCTIONS | {",", ";"})
_AUX_HAVE_MODALS = frozenset(_AUX | _HAVE | _MODALS)
_COUNT_ENDS = frozenset(_PREPOSITIONS | {";", ",", "that", "which", "who", "whose", "where"})
_FRAME_OR_EXIST = frozenset(c.EN_FRAME | {"exist", "contain"})
_ENDS_OBJECT = frozenset((_PREPOSITIONS - {"of"}) | _CONJUNCTIONS | {",", "."})
_EN_COMPARE = Lazy(
    r"\b(?:from\b.*\bto|at least|at most|no more than|no less than|more than|less than|fewer than"
    r"|greater than|below|above|under|over|up to|within|or more|or less|or higher|or lower)\b"
    r"|[≥≤<>]|%|\bpercent\b|\b\d+x\b|\btop[- ]?\d+",
    re.I,
)


class _Word:
    __slots__ = ("counts", "lower", "text", "verb")

    def __init__(self, text: str, lower: str, verb: tuple[str, str] | None) -> None:
        self.text = text
        self.lower = lower
        self.verb = verb  # (lemma, form) when the word can be a verb
        # A number, a number word or a placeholder for one: it counts the noun that follows.
        self.counts = (
            lower[:1].isdigit()
            or lower in _NUMBER_WORDS
            or _COUNT_PLACEHOLDER.fullmatch(lower) is not None
        )


def _en_words(text: str) -> list[_Word]:
    found = []
    for token in _EN_TOKEN.findall(text.replace("’", "'")):
        word = _EN_WORDS.get(token)
        if word is None:
            word = _EN_WORDS[token] = _read_word(token)
        found.append(word)
    return found


_EN_WORDS: dict[str, _Word] = {}  # words are read once per process (they are not changed)


def _read_word(token: str) -> _Word:
    lower = token.lower()
    reading = None
    acronym = token.isupper() and len(token) > 1  # acronyms are names (MAU, ARR)
    plain = token[0].isalpha() and "(" not in token and "_" not in token
    if plain and lower.isascii() and not acronym and lower not in _NUMBER_WORDS:
        reading = en.verb(lower)  # (a number word is never the verb: "Zero incidents")
    return _Word(token, lower, reading)


def _en_class(word: _Word) -> str | None:
    try:
        return _EN_CLASSES[word.lower]
    except KeyError:
        kind = _EN_CLASSES[word.lower] = _classify_en(word.lower)
        return kind


_EN_CLASSES: dict[str, str | None] = {}


def _classify_en(lower: str) -> str | None:
    lower = lower.strip("'")
    if lower[:1] in "$£€¥" or lower.endswith("%"):
        return "measure"  # an amount of money or a share: a measured quantity
    if lower in c.EN_EVENT_WORDS:
        return "event"
    if lower in c.EN_RESULT_WORDS:
        return "result"
    if lower in c.EN_MEASURE_WORDS:
        return "measure"
    if lower in c.EN_QUALITY_WORDS or lower.endswith(("ness", "ity")):
        return "quality"
    if lower in c.EN_OUTPUT_WORDS:
        return "output"
    if (
        lower.endswith(c.EN_PEOPLE_SUFFIXES)
        and not lower.endswith(c.EN_THING_SUFFIXES)
        and len(lower) > 5
    ):
        return "result"
    return None


_NOTE_STARTS = frozenset(["as", *c.EN_MEASURING_FORMS])
_EXAMPLE_STARTS = frozenset(["e.g", "e.g.", "eg", "such", "for", "including", "like"])
_ASIDE_STARTS = _NOTE_STARTS | _EXAMPLE_STARTS
_BREAKS = frozenset([";", ":", "(", ")", "->", "="])


def _example_note(words: list[_Word], index: int) -> bool:
    """Whether examples of what the key result names start here, after a comma: ", e.g. …",
    ", such as …", ", for example …", ", including …"."""
    if not index or words[index - 1].lower != ",":
        return False
    after = words[index + 1].lower if index + 1 < len(words) else ""
    lower = words[index].lower
    return (
        lower in ("e.g", "e.g.", "eg", "including", "like")
        or (lower == "such" and after == "as")
        or (lower == "for" and after in ("example", "instance"))
    )


def _measuring_note(words: list[_Word], index: int) -> bool:
    """Whether a note on how the result is measured starts here: a participle of measuring
    opening a clause or after "as" or a comma ("; tracked in the dashboard", ", as measured by
    the survey")."""
    word = words[index]
    if word.lower == "as" and index + 1 < len(words):
        word = words[index + 1]
    elif index and words[index - 1].lower not in (",", ";", ":", "(", ")", "->", "="):
        return False
    return word.verb is not None and word.verb[1] == "past" and word.verb[0] in c.EN_MEASURING


def _en_clauses(words: list[_Word]) -> list[tuple[list[_Word], bool]]:
    """The clauses, each with whether it is an aside: in brackets, or a note on how the
    result is measured."""
    clauses: list[tuple[list[_Word], bool]] = [([], False)]
    depth = 0
    for index, word in enumerate(words):
        lower = word.lower
        if lower in _BREAKS:
            depth = max(0, depth + (lower == "(") - (lower == ")"))
            clauses.append(([], depth > 0))
            continue
        if lower in _ASIDE_STARTS and (
            _measuring_note(words, index) if lower in _NOTE_STARTS else _example_note(words, index)
        ):
            clauses.append(([], True))
        clauses[-1][0].append(word)
    return [(clause, aside) for clause, aside in clauses if clause]


def _english(text: str) -> Verdict | None:
    words = _en_words(text)
    outcome = False
    work: list[tuple[str, str]] = []
    clauses = _en_clauses(words)
    asides_only = all(aside for _, aside in clauses)
    for clause, aside in clauses:
        result, found = _en_clause(clause)
        outcome = outcome or result or _measured_segment(clause)
        if not aside or asides_only:
            # (a remark in brackets or a note on measuring qualifies the key result; its words
            # are not what it does: "... ahead of plan (stretch goal)", ", as measured by the
            # survey")
            work.extend(found)
    if outcome or not work:
        return None
    # A plural noun read as a verb after an imperative ("Track all priority issues") counts
    # for the decision but is not shown when a surer word is there.
    shown = [w for w, _ in work if not w.endswith(_NOUN_MAYBE)] or [
        w.removesuffix(_NOUN_MAYBE) for w, _ in work
    ]
    return Verdict(tuple(dict.fromkeys(shown)), work[0][1])


_NOUN_MAYBE = "\0"


def _measured_segment(clause: list[_Word]) -> bool:
    """Whether a part after a comma is a measured result on its own, with no verb: a measure
    compared with a number ("10 articles published, avg score > 50"). It decides, as a method
    followed by its measured result does ("Host 5 promotions, contributing 30% of sales")."""
    segment: list[_Word] = []
    for word in [*clause, None]:
        if word is not None and word.lower != ",":
            segment.append(word)
            continue
        if segment is not clause and len(segment) < len(clause) and _measured_alone(segment):
            return True
        segment = []
    return False


def _measured_alone(segment: list[_Word]) -> bool:
    if not segment or _predicates(segment):
        return False
    text = " ".join(word.text for word in segment)
    return (
        _en_quantity(text)
        and _EN_COMPARE.search(text) is not None
        and any(_en_class(word) == "measure" and word.lower not in _DURATIONS for word in segment)
    )


# A duration after a comma is a deadline or the effort spent ("…, within 2 weeks", "…, at least
# 20 hours in total"), not a result.
_DURATIONS = frozenset(["hours", "minutes", "days", "weeks", "seconds", "ms", "time", "times"])


def _predicates(clause: list[_Word]) -> list[tuple[int, str]]:
    """(index, role) of the words used as verbs: role is "imperative", "finite", "passive",
    "capability", "perfect", "gerund" or "infinitive" (to + verb: a purpose, not work)."""
    found: list[tuple[int, str]] = []
    start = 0
    if clause and clause[0].lower in _PREPOSITIONS:
        # A leading phrase set off by a comma ("By the end of March, launch ..."): the
        # sentence starts after it.
        comma = next((i for i, w in enumerate(clause) if w.lower == ","), -1)
        if 0 < comma < len(clause) - 1:
            start = comma + 1
    while start < len(clause) and clause[start].lower in _OPENERS:
        start += 1
    first_role = ""
    later_finite = _later_finite(clause, start + 1)
    for index, word in enumerate(clause):
        if word.verb is None:
            continue
        lemma, form = word.verb
        before = clause[index - 1].lower if index else ""
        after = clause[index + 1] if index + 1 < len(clause) else None
        if before in _DETERMINERS_NOT_NO or before in ("'s", "of", "per", "/"):
            continue  # a noun: "the release", "of support"
        if before in _PREPOSITIONS_NOT_TO_BY and form != "gerund":
            continue
        if before == "by" and form == "gerund":
            found.append((index, "gerund"))  # "by identifying the criteria": a method
            continue
        if before == "to" and form == "base" and index > 1 and clause[index - 2].lower == "able":
            found.append((index, "capability"))  # "admins are able to configure ..."
            continue
        if before == "to" and form == "base" and index > start:
            found.append((index, "infinitive"))
            continue
        if before in _MODALS and form == "base":
            found.append((index, "capability" if before in ("can", "could") else "imperative"))
            continue
        if before in _AUX_GET and (
            form in ("past", "participle") or (form == "base" and _participle_is_base(lemma))
        ):
            found.append((index, "passive"))  # "is documented", "can be set up"
            continue
        if before in _HAVE and form in ("past", "participle"):
            found.append((index, "perfect"))
            continue
        if (
            form in ("gerund", "base")
            and found
            and clause[found[-1][0]].verb is not None
            and (
                clause[found[-1][0]].verb[0] in c.EN_FRAME and found[-1][0] == index - 1  # type: ignore[index]
            )
        ):
            found.append((index, "gerund" if form == "gerund" else "imperative"))
            continue  # "Begin tracking", "help close"
        if index == start:
            if form in ("gerund", "base", "past"):
                # A noun-verb word starting a title that goes on with a finite verb is the
                # subject's modifier: "Release frequency rises", "Support tickets fall".
                if (
                    en.also_noun(lemma)
                    and later_finite
                    and not (after is not None and after.lower in _WH_WORDS)
                ):
                    continue  # (but "Document how the tools are used": a wh-clause, its object)
                if after is not None and after.lower in _AUX:
                    continue  # "Document is ..."
                role = "gerund" if form == "gerund" else "imperative"
                found.append((index, role))
                first_role = first_role or role
            continue
        if before in ("and", "or", ",", "then", "&", "+") and form in ("base", "gerund"):
            if first_role in ("imperative", "gerund") and not en.also_adjective(lemma):
                found.append((index, first_role))
            elif first_role in ("finite", "perfect"):
                found.append((index, "finite"))
            continue
        if form not in ("third", "past"):
            if (
                form == "base"
                and index > start
                and _noun_like(clause[index - 1])
                and (lemma in c.EN_CHANGE or lemma in c.EN_EXPERIENCE)
                and not first_role
            ):
                found.append((index, "finite"))  # "Support tickets fall", "customers use"
                first_role = "finite"
            continue
        if (
            after is not None
            and after.verb
            and (
                after.verb[1] == "third"
                or (after.verb[0] in c.EN_CHANGE and after.verb[1] == "base")
            )
        ):
            continue  # "Production deploys rise": the subject
        if en.also_noun(lemma) and (
            _counted(clause, index) or (form == "third" and _later_finite(clause, index + 1))
        ):
            continue  # "2 large deals", "pprof profiles ... are published"
        if (
            form == "past"
            and after is not None
            and after.verb is None
            and _en_class(after) in ("output", "measure", "result", "event", None)
            and after.lower not in _LINKS_OR_STOPS
        ):
            continue  # "weighted pipeline": a participle before a noun
        if (
            index > start
            and _noun_like(clause[index - 1])
            and clause[index - 1].lower not in _LINKS_OR_COMMA
        ):
            role = "passive" if form == "past" and not first_role else "finite"
            found.append((index, role))
            first_role = first_role or role
    return found


def _participle_is_base(lemma: str) -> bool:
    """set, put, cut, shut: the participle is spelled like the lemma ("is set up")."""
    spelled = en.forms(lemma)
    return spelled is not None and spelled[1] == lemma


def _counted(clause: list[_Word], index: int) -> bool:
    """Whether a number, determiner or preposition opens the noun phrase ending at ``index``."""
    for back in range(index - 1, max(-1, index - 4), -1):
        word = clause[back]
        if word.verb is not None and word.verb[1] != "past":
            return False
        if word.lower[:1].isdigit() or word.lower in _OPENS_PHRASE:
            return True
    return False


def _noun_like(word: _Word) -> bool:
    if word.lower in _NEVER_NOUNS:
        return False
    return (
        word.verb is None
        or word.verb[1] == "third"
        or word.lower.endswith("s")
        or en.also_noun(word.verb[0])
    )


def _later_finite(clause: list[_Word], start: int) -> bool:
    """Whether the words from ``start`` go on with a finite verb before a conjunction or comma:
    the subject's verb comes before a second predicate ("Release frequency rises"; "go and js
    are interoperable"); a finite verb after "and make sure" belongs to another clause ("Track
    all issues and make sure they are completed")."""
    for index in range(start, len(clause)):
        word = clause[index]
        if word.lower in _CLAUSE_LINKS and index + 1 < len(clause):
            following = clause[index + 1].verb
            if following is not None and following[1] in ("base", "gerund"):
                return False  # "... and make sure ...": a second predicate, not a subject's
        if word.lower in _FINITE_MARKERS:
            return True
        if word.verb and word.verb[1] == "third" and not en.also_noun(word.verb[0]):
            return True
        if (
            word.verb
            and word.verb[0] in c.EN_CHANGE
            and index > start
            and word.verb[1] in ("base", "past")
        ):
            return True
    return False


def _subject(clause: list[_Word], index: int) -> str | None:
    """The class of the subject before a finite verb: "people", "team", "output" (a
    deliverable), "thing" or None."""
    if index == 0:
        return None
    head = None
    start = 0
    if clause[0].lower in _PREPOSITIONS:
        # after a leading phrase set off by a comma ("By the end of Q2, teammates rely on ...")
        comma = next((i for i, w in enumerate(clause[:index]) if w.lower == ","), -1)
        start = comma + 1
    for word in clause[start:index]:
        if word.lower in _AUX_HAVE_MODALS:
            break
        if word.lower in _PREPOSITIONS:
            break
        head = word
    if head is None:
        return None
    lower = head.lower
    if lower in ("we", "i", "team", "teams", "everyone", "everybody", "they", "someone"):
        return "team" if lower in ("we", "i", "team", "teams") else "people"
    kind = _en_class(head)
    if kind == "result":
        return "people"
    if kind == "output":
        return "output"
    return "thing"


_ADOPTION = frozenset(
    ["use", "adopt", "visit", "read", "watch", "download", "install", "cite", "recommend", "trust"]
)
_HIRE = frozenset(["hire", "recruit"])
# Going through an event: with the team's own people, coverage of the team's work.
_PARTICIPATE = frozenset(["complete", "attend", "take", "finish", "pass", "join", "participate"])


def _counted_heads(clause: list[_Word]) -> list[str | None]:
    """The class of the noun each number counts: "5 new customers" -> result."""
    heads: list[str | None] = []
    for index, word in enumerate(clause):
        if not word.counts:
            continue
        head: str | None = None
        at = index
        for offset, following in enumerate(clause[index + 1 : index + 6], index + 1):
            if following.lower in _COUNT_ENDS or following.lower.startswith("("):
                break  # (a relative clause says what the counted things do, not what they are)
            kind = _en_class(following)
            if kind == "result" and _modifies_next(clause, offset):
                continue  # "10 user research activities": the activities are counted
            if kind:
                head, at = kind, offset
        if (
            head == "result"
            and index
            and clause[index - 1].lower in _COMPANY
            and not any(w.verb and w.verb[1] == "gerund" for w in clause[at + 1 :])
        ):
            # "Run a pricing experiment with 3 customers": who the work is with (but "with 40
            # people attending": what they do is the result)
            head = "company"
        heads.append(head)
    return heads


_TIME_NOUNS = frozenset(["day", "days", "week", "weeks", "month", "months", "quarter", "year"])


def _modifies_next(clause: list[_Word], index: int) -> bool:
    """Whether the word at ``index`` qualifies an unclassified noun after it ("user research",
    "customer case studies") rather than being the head of its phrase."""
    if index + 1 >= len(clause):
        return False
    following = clause[index + 1]
    return (
        following.lower not in _NEVER_NOUNS
        and following.lower not in _TIME_NOUNS
        and not following.counts
        and _en_class(following) is None
        and (following.verb is None or en.also_noun(following.verb[0]))
        and following.text[:1].isalpha()
    )


# Prepositions that name who work is done with or asked, not what is obtained.
_COMPANY = frozenset(["with", "among", "alongside"])


_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "fifty",
        "hundred",
        "dozen",
        "zero",
    ]
)


def _en_clause(clause: list[_Word]) -> tuple[bool, list[tuple[str, str]]]:
    text = " ".join(word.text for word in clause)
    if text.rstrip().endswith("?"):
        return False, []
    predicates = _predicates(clause)
    if (
        predicates
        and predicates[0][1] == "imperative"
        and any(unit in text for unit in _PERIOD_UNITS)
        and _EN_DEADLINE.search(text)
    ):
        # "Complete the migration within two weeks": a deadline on work, not a comparison
        text = _EN_DEADLINE.sub(" ", text)
    quantity = _en_quantity(text)
    if not quantity and _names_a_measure(clause, predicates):
        return False, []  # "Cloud cost", "Change failure rate": a measure, named (OKR201's)
    having = _own_things_have_output(clause, _SHARE.search(text) is not None)
    if having is not None:
        return False, [(having, "state")]  # "All of our alerts have runbooks"
    if _selects_top(clause, predicates):
        # "Identify the top 10 bottlenecks", "implement top 3 of the ideas": work on the items
        # it selects, not a rank reached
        text = " ".join(w.text for w in clause if w.lower != "top")
    compares = _EN_COMPARE.search(text) is not None
    # A purpose (to + verb) with no number says why, not what is measured: its nouns do not
    # make the title measured ("3 customer stories per quarter to beat the drum of our social
    # proof", "Write a guide to support sales").
    read = clause
    purpose = next(
        (
            i
            for i, role in predicates
            if role == "infinitive" and not (i > 1 and _participle(clause[i - 2]))
        ),
        None,
    )  # (not after a participle: "tied to market benchmarks" is a preposition's object)
    if purpose is not None and not _en_quantity(" ".join(w.text for w in clause[purpose:])):
        read = clause[: purpose - 1]
    classes = [_en_class(word) for word in read]
    share = _SHARE.search(text) is not None
    if share:
        classes.append("measure")
    lemmas = [clause[i].verb[0] for i, _ in predicates if clause[i].verb]  # type: ignore[index]
    measured = {"measure", "result", "quality"} & set(classes)
    events_or_outputs = {"event", "output"} & set(classes)
    interact = any(lemma in c.EN_INTERACT for lemma in lemmas)
    counted = _counted_heads(clause)
    roles = {role for _, role in predicates}

    # 1. A measured outcome.
    change = any(lemma in c.EN_CHANGE for lemma in lemmas)
    only_events = "event" in classes and not {"measure", "result"} & set(classes)
    improves_output = _improves_output(clause, predicates)
    blocked = only_events or improves_output or "output" in counted
    if change and (measured or quantity) and not blocked:
        return True, []
    # What belongs to a share of the team's own people being reviewed, set or given (a
    # passive) is coverage of the team's work too: "100% of team members' compensation is
    # reviewed twice a year" (but not "90% of teammates are satisfied").
    covered = _covers_own(clause, share, predicates)
    if (
        not predicates
        and (quantity or compares)
        and measured
        and "event" not in counted
        and covered is None
    ):
        return True, []
    # The team's own people going through the team's own training or meetings is coverage of
    # work done (the labelling guide's decision 5), not a result; their using what the team
    # made ("teammates rely on the handbook") is adoption, an outcome.
    own = (
        bool(predicates)
        and "event" in classes
        and any(w.lower.strip("'") in c.EN_OWN_PEOPLE for w in clause[: predicates[0][0]])
        and any(lemma in _PARTICIPATE for lemma in lemmas)
    )
    own = own or covered is not None
    if "result" in counted and not interact and not own:
        return True, []
    coverage = roles & {"passive", "perfect"} or any(
        clause[i].lower in _HAVE for i in range(len(clause))
    )
    if (
        quantity
        and compares
        and measured
        and not interact
        and not own
        and not (events_or_outputs and coverage)
        and "output" not in counted
    ):
        return True, []
    if share and covered is None and _can_be_done(clause, predicates):
        # "90% of support questions can be answered from the docs": the share of things that
        # can be done is measured (the method after it does not decide), unlike "Users can
        # export reports"
        return True, []
    if _gets_people_to_act(clause, predicates):
        return True, []  # "…, get 20 to join": people won over, a result from others
    if any(lemma in _HIRE for lemma in lemmas):
        return True, []

    # 2. Work done.
    work: list[tuple[str, str]] = []
    subject: str | None = None
    for index, role in predicates:
        word = clause[index]
        assert word.verb is not None
        lemma = word.verb[0]
        if role == "infinitive":
            continue
        if role == "capability":
            work.append((f"{clause[index - 1].text} {word.text}", "capability"))
            continue
        if role in ("finite", "perfect", "passive") and subject is None:
            subject = _subject(clause, index) or "thing"
        if role in ("finite", "perfect") and own:
            work.append((word.text, "work"))  # "100% of teammates complete the training"
            continue
        text = word.text
        if (
            role == "finite"
            and word.verb[1] == "third"
            and en.also_noun(lemma)
            and predicates[0][1] == "imperative"
        ):
            text += _NOUN_MAYBE  # "Track all priority issues": likely the object's noun
        if role in ("finite", "perfect"):
            if subject == "people" or lemma in c.EN_CHANGE:
                continue
            if subject == "output" and not (quantity and measured):
                work.append((word.text, "state"))  # "The handbook outlines ...": its content
                continue
            if lemma in _FRAME_OR_EXIST and subject != "thing":
                continue
            if quantity and measured and subject == "thing":
                continue  # "A daemon runs for 10 days without a crash"
        if role == "passive":
            if lemma in _ADOPTION or subject == "people":
                continue
            work.append((word.text, "state"))
            continue
        if lemma in c.EN_REACH and role in ("imperative", "gerund") and not quantity:
            objects = {_en_class(w) for w in _object(clause, index, predicates)} - {None}
            if not objects & {"result", "measure", "quality"}:
                work.append((word.text, "state"))  # "Achieve SOC2 compliance"
            continue
        if lemma in c.EN_SET_GOING and role in ("imperative", "gerund"):
            if any(i > index for i, _ in predicates):
                continue  # "Help close deals", "Ensure every service has a runbook": the next
            words = _object(clause, index, predicates)
            objects = {_en_class(w) for w in words}
            head_kind = _head_class(words)
            done = (
                bool(words) and lemma == "do" and head_kind not in ("result", "measure", "quality")
            )
            if (
                not done
                and head_kind not in ("output", "event")
                and (not objects or objects & {"result", "measure", "quality"})
            ):
                continue  # "Make customers happier" (but "Do a community survey": a survey)
            # "Enable SSO", "Start a meetup": setting a thing going is work
        elif lemma in c.EN_FRAME or (lemma in c.EN_CHANGE and lemma not in c.EN_IMPROVE):
            continue
        if (
            lemma in ("complete", "finish")
            and quantity
            and _object_is_result(clause, index, predicates)
        ):
            continue  # "Complete $1.2M in new bookings": 完成 + a measured result
        if lemma in c.EN_ACQUIRE and (
            lemma not in c.EN_ACQUIRE_OR_MAKE or _object_is_result(clause, index, predicates)
        ):
            continue  # "Win 10 customers", "Secure $5M": results obtained; "Add dark mode": work
        if lemma in c.EN_IMPROVE and not _improves_output(clause, [(index, role)]):
            continue
        work.append((text, "work"))
    if covered is not None and not work:
        work.append((covered, "state"))
    for index, word in enumerate(clause):
        if word.lower in _AUX and index + 1 < len(clause):
            following = [w.lower for w in clause[index + 1 : index + 4]]
            if any(w in c.EN_DELIVERED for w in following) and subject != "people":
                work.append((f"{word.text} {clause[index + 1].text}", "state"))
    # (to + verb is a purpose, not what the key result does: "3 customer stories per quarter to
    # beat the drum")
    # (a count whose every head is an output or an event counts outputs, whatever modifies
    # them: "3 customer stories per quarter")
    outputs_counted = bool(counted) and all(head in ("output", "event") for head in counted)
    if (
        not work
        and all(role == "infinitive" for _, role in predicates)
        and (not measured or (outputs_counted and not change))
    ):
        outputs = [
            w.text for w, k in zip(clause, classes, strict=False) if k in ("event", "output")
        ]
        counts = quantity and (
            not any(unit in text for unit in _PERIOD_UNITS)
            or _en_quantity(_EN_DEADLINE.sub(" ", text))  # (not a deadline's number)
        )
        if outputs and (counts or _en_class(clause[0]) in ("event", "output") or len(clause) < 6):
            work.append((outputs[0], "outputs"))
        elif not predicates and not quantity:
            # A bare deliverable: a noun phrase whose head is an output, or a thing said to be in
            # place or live ("A public roadmap on the website", "Advisory board in place")
            head = _phrase_head(clause)
            if head is not None and (_en_class(head) == "output" or _in_place(clause)):
                work.append((head.text, "state"))
    if not work and not predicates and not quantity and not compares:
        # A noun phrase headed by a noun of work names the work: "Curation of components"
        action = _action_noun(clause)
        if action is not None:
            work.append((action.text, "work"))
    return False, work


def _can_be_done(clause: list[_Word], predicates: list[tuple[int, str]]) -> bool:
    """Whether the first predicate is a capability: "can export", "can be answered"."""
    if not predicates:
        return False
    index, role = predicates[0]
    return role == "capability" or (
        role == "passive" and index > 1 and clause[index - 2].lower in ("can", "could")
    )


def _own_things_have_output(clause: list[_Word], share: bool) -> str | None:
    """ "All of our alerts have runbooks", "100% of managers have access to the data", "All
    products have a documented vision": every (or a share) of something having a deliverable, or
    access to one, is the deliverable in place (coverage of the team's work), not a result. The
    deliverable's word as written, or None."""
    if not clause or not (share or clause[0].lower in ("all", "every", "each")):
        return None
    at = next((i for i, w in enumerate(clause) if w.lower in ("have", "has")), 0)
    if not at or at + 1 >= len(clause):
        return None
    rest = clause[at + 1 :]
    if rest[0].lower == "access":
        return rest[0].text
    head = None
    for word in rest:  # (the head of "a unified list of steps" is "list")
        if word.lower in _ENDS_OBJECT or word.lower == "of":
            break
        head = word
    return head.text if head is not None and _en_class(head) == "output" else None


def _names_a_measure(clause: list[_Word], predicates: list[tuple[int, str]]) -> bool:
    """Whether the clause only names a measure: a noun phrase whose head is a measure ("Cloud
    cost", "Uptime and error rate", "Number of incidents", "Mean time to repair"), where the
    words read as verbs are nouns too ("Change failure rate") and none is a verb of measuring,
    changing, improving or obtaining ("Track cloud cost" is work, "Cut cloud cost" a change)."""
    comma = next((i for i, w in enumerate(clause) if w.lower == ","), len(clause))
    clause = clause[:comma]  # (examples may follow: "Change failure rate, e.g. hotfixes")
    if not clause or len(clause) > 6:
        return False
    for index, _role in predicates:
        if index >= comma:
            continue
        word = clause[index]
        lemma = word.verb[0]  # type: ignore[index]
        if lemma in _NOT_NAMING or not (en.also_noun(lemma) or word.lower.endswith("s")):
            return False
        following = clause[index + 1].lower if index + 1 < len(clause) else ""
        if following in _DETERMINERS:
            return False  # "Plan the budget": a verb and its object
    first = clause[0]
    if _en_class(first) == "measure" and len(clause) > 1 and clause[1].lower == "of":
        return True  # "Number of incidents"
    words = [w for w in clause if w.lower not in (".", "!")]
    if (
        words
        and _en_class(words[-1]) == "measure"
        and not any(w.lower in _PREPOSITIONS for w in words)
    ):
        return True  # "Platform + Experience Teams cost": the last word heads it
    head = _phrase_head(clause)
    return head is not None and _en_class(head) == "measure"


# Verbs that take a measure for object, as work on it: "Track cloud cost", "Plan budget".
_NOT_NAMING = (
    c.EN_MEASURING
    | c.EN_CHANGE
    | c.EN_IMPROVE
    | c.EN_ACQUIRE
    | c.EN_INTERACT
    | frozenset(["plan", "set", "define", "document", "review", "analyze", "analyse", "forecast"])
    | frozenset(["model", "estimate", "benchmark", "baseline", "budget", "target", "monitor"])
)


def _gets_people_to_act(clause: list[_Word], predicates: list[tuple[int, str]]) -> bool:
    """get (or convince, persuade) + a number + to + verb: "get 20 to join"."""
    for index, role in predicates:
        lemma = clause[index].verb[0]  # type: ignore[index]
        if lemma not in ("get", "convince", "persuade") or role == "infinitive":
            continue
        following = clause[index + 1 : index + 5]
        for offset, word in enumerate(following[:-1]):
            if word.counts and following[offset + 1].lower == "to":
                return True
    return False


def _selects_top(clause: list[_Word], predicates: list[tuple[int, str]]) -> bool:
    """Whether "top N" is the object of a verb of work (imperative or gerund): items selected."""
    for index, role in predicates:
        lemma = clause[index].verb[0]  # type: ignore[index]
        if role not in ("imperative", "gerund") or lemma in c.EN_CHANGE or lemma in c.EN_FRAME:
            continue
        following = [w.lower for w in clause[index + 1 : index + 3]]
        if "top" in following and following.index("top") <= int(following[0] == "the"):
            return True
    return False


# Verbs whose nouns of action name a result or a measure, not work: "Acquisition of new
# customers", "Retention of key staff", "Participation of every team".
_OUTCOME_NOUN_VERBS = frozenset(
    c.EN_CHANGE
    | c.EN_IMPROVE
    | (c.EN_ACQUIRE - c.EN_ACQUIRE_OR_MAKE)
    | c.EN_EXPERIENCE
    | c.EN_REACH
    | _ADOPTION
    | {"participate", "utilize", "utilise", "activate", "attend", "subscribe", "register",
       "renew", "recognize", "recognise", "penetrate", "retain", "convert", "engage",
       "satisfy", "resolve", "respond", "produce", "invest", "expand", "reduce", "grow"}
)  # fmt: skip


def _action_noun(clause: list[_Word]) -> _Word | None:
    """A noun phrase headed by a noun of work: "Curation of components and formats",
    "Migration of billing to the new cluster", "Full documentation for the API"."""
    words = [w for w in clause if w.lower not in (".", "!")]
    first = 1 if len(words) > 1 and words[0].lower in _DETERMINERS else 0
    # the first word, or the second after one adjective ("Full migration of ...")
    for at in (first, first + 1):
        if at >= len(words) or _en_class(words[at]) not in (None, "output"):
            continue
        word = words[at]
        following = words[at + 1].lower if at + 1 < len(words) else ""
        if following and following not in ("of", "for", "to", "and", "with", "across", "in"):
            continue
        lemma = en.nominal_verb(word.lower)
        if lemma is not None and lemma not in _OUTCOME_NOUN_VERBS:
            return word
    return None


def _phrase_head(clause: list[_Word]) -> _Word | None:
    """The head of the noun phrase a clause opens with: its last word before a preposition,
    a conjunction or a comma."""
    head = None
    for word in clause:
        if word.lower in _ENDS_OBJECT:
            break
        head = word
    return head


def _in_place(clause: list[_Word]) -> bool:
    lowers = [w.lower for w in clause]
    return lowers[-2:] == ["in", "place"] or lowers[-1] in ("live", "ga")


def _participle(word: _Word) -> bool:
    return word.verb is not None and word.verb[1] == "past"


_ALL = frozenset(["all", "every", "each"])


def _covers_own(clause: list[_Word], share: bool, predicates: list[tuple[int, str]]) -> str | None:
    """The words showing that what belongs to a share of the team's own people is reviewed,
    set or given (a passive): coverage of the team's work (decision 5), or None."""
    if not (share or (clause and clause[0].lower in _ALL)):
        return None
    stop = next((i for i, w in enumerate(clause) if w.lower in _AUX), None)
    if stop is None or not any(w.lower.strip("'") in c.EN_OWN_PEOPLE for w in clause[:stop]):
        return None
    if stop and clause[stop - 1].lower.strip("'") in c.EN_OWN_PEOPLE:
        return None  # "90% of teammates are satisfied": the people's own state, not coverage
    for index, role in predicates:
        lemma = clause[index].verb[0]  # type: ignore[index]
        if index > stop and role == "passive" and lemma not in _ADOPTION:
            return f"{clause[stop].text} {clause[index].text}"
    return None


def _object(clause: list[_Word], index: int, predicates: list[tuple[int, str]]) -> list[_Word]:
    """The words a verb acts on: up to the next verb, preposition (other than "of") or
    conjunction."""
    stop = min((i for i, _ in predicates if i > index), default=len(clause))
    found = []
    for word in clause[index + 1 : stop]:
        if word.lower in _ENDS_OBJECT:
            break
        found.append(word)
    return found


def _object_is_result(clause: list[_Word], index: int, predicates: list[tuple[int, str]]) -> bool:
    """Whether what a verb of obtaining obtains is a result: people or organisations from
    outside, money, a measured amount (not a feature, a document or an event)."""
    words = _object(clause, index, predicates)
    # The head (the phrase's last word) says what is obtained: "Deliver the top 10 customer
    # requested features" delivers features, whoever asked for them.
    kind = _head_class(words)
    if kind in ("output", "event"):
        return False
    return kind in ("result", "measure") or any(
        _en_class(word) in ("result", "measure") for word in words
    )


def _head_class(words: list[_Word]) -> str | None:
    """The class of a phrase's head, its last word."""
    head = next((w for w in reversed(words) if w.lower not in _NEVER_NOUNS), None)
    return _en_class(head) if head is not None else None


def _improves_output(clause: list[_Word], predicates: list[tuple[int, str]]) -> bool:
    """Improve + an output ("Improve in-app documentation"): work on a deliverable."""
    for index, _ in predicates:
        word = clause[index]
        if not word.verb or word.verb[0] not in c.EN_IMPROVE:
            continue
        for following in clause[index + 1 : index + 6]:
            kind = _en_class(following)
            if kind in ("measure", "quality", "result"):
                return False
            if kind in ("output", "event"):
                return True
    return False


def _en_quantity(text: str) -> bool:
    return has_number(text) or _EN_PLACEHOLDER.search(text) is not None


_PERIOD_UNITS = ("day", "week", "month", "quarter", "year")
_EN_DEADLINE = Lazy(
    r"\b(?:within|by|before|in)\s+(?:the\s+)?(?:next\s+|first\s+)?(?:\d+|one|two|three|four|"
    r"five|six|a|an)\s+(?:business\s+)?(?:days?|weeks?|months?|quarters?|years?)\b",
    re.I,
)
_COUNT_PLACEHOLDER = Lazy(r"[$≥]*[nxz]\d+")
_SHARE = Lazy(r"\btop[- ]?\d+|(?:\d+|\b[nx]\d*)\s*(?:%|percent\b)\s*of\b", re.I)
_EN_PLACEHOLDER = Lazy(r"\b[NXZ]\d*\b|\$[NXZ]\d*")


@lru_cache(maxsize=4096)
def cached_kr_activity(title: str) -> Verdict | None:
    return kr_activity(title)
