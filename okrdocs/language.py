"""Language heuristics for OKR text in Chinese (simplified and traditional) and English.

Pure functions over strings, used by the quality rules. Chinese has no spaces between words, so
Chinese word lists are matched as prefixes of the text (after a leading subject or frequency such
as 我们 or 每月), never as arbitrary substrings; English words are matched as whole words with
their inflections (launch, launches, launched, launching).

Numbers are recognised in every form OKRs use: ASCII and full-width digits (5, ５, 1,200, 3.5),
percentages (20%, ２０％), currency (¥800万, $2M), multipliers (3x, 翻倍), Chinese numerals with a
measure word (五个, 十二家, 两倍), 百分之十 and 三成. Years (2026), quarters (Q4, H1), versions (v2),
and names with digits (B2B, 5G, Web3) are not metrics.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# ---------------------------------------------------------------------------------------------
# Characters and width


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= code <= 0x2FA1F  # extensions B-F
    )


_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None


def display_width(text: str) -> int:
    """Columns the text takes in a terminal or editor: wide (CJK) characters count 2."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def normalize(text: str) -> str:
    """Full-width ASCII to half-width (５０％ -> 50%), NFKC; case is kept."""
    if text.isascii():  # the common case, and NFKC leaves ASCII as it is
        return text
    return unicodedata.normalize("NFKC", text)


# ---------------------------------------------------------------------------------------------
# Numbers

_CN_DIGITS = "零〇一二三四五六七八九十百千万萬亿億两兩"
# Measure words and units that follow a Chinese numeral in a quantity (五个客户, 两倍, 十二家),
# and units of time, which state a measure in a key result (三十天) but a timeframe in an
# objective (三年内).
_CN_MEASURES = "个個家名位次场場项項件份倍成%元块塊万萬亿億分人单單款篇条條台套所座户戶笔筆轮輪门門节節课課张張本支队隊组組类類种種遍回"
_CN_DURATIONS = "天日周週月季年小时時"
_NOT_QUANTITIES = ("一起", "一流", "统一", "統一", "唯一", "一致", "一些", "一体", "一體", "万一",
                   "萬一", "一直", "一定", "一般", "一切", "一样", "一樣", "一下", "一线", "一線",
                   "一站", "一手", "第一", "十分", "万分", "萬分", "千万", "千萬", "一次性", "一对一",
                   "一對一", "一体化", "一體化", "零部件", "零件", "零售", "零食", "零距离", "零距離",
                   "千方百计", "千方百計", "万物", "萬物", "百货", "百貨", "百姓", "十足", "万事",
                   "萬事", "一把手", "一条龙", "一條龍", "两手", "兩手", "三方", "一家人", "一单")  # fmt: skip

_DIGITS = r"[0-9]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?"
# Units written against the digits (1TB, 100Mbps, 200ms, 24h, 3x); other letters make a name
# (5G, B2B, Web3, e2e) rather than a quantity.
_UNITS = r"%|‰|k|K|M|B|w|W|x|X|\+|倍|成|[KMGTP]B|[KMG]bps|ms|s|h|hrs?|mins?|d|rps|qps|ppm|pts?"
_NUMBER = re.compile(
    rf"(?<![A-Za-z0-9_.#/])(?:[$¥￥€£]\s*)?{_DIGITS}(?:\s*(?:{_UNITS}))?"
    rf"(?![A-Za-z0-9_])|(?<![A-Za-z0-9_.#/])[$¥￥€£]\s*{_DIGITS}"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Not quantities: quarters and halves (Q4, H1, FY26), dates (2026-01-31, 11/5, 11月5日) and
# issue or version references (#14, v2.1).
_PERIOD_REF = re.compile(
    r"(?<![A-Za-z0-9])(?:FY\s?\d{2,4}|Q[1-4]|H[12])(?![A-Za-z0-9])"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|(?<![\d/])\d{1,2}/\d{1,2}(?![\d/])|\d{1,2}月\d{1,2}[日号號]"
    r"|#\d+|\bv\d+(?:\.\d+)*",
    re.I,
)
_CN_NUMERAL_QUANTITY = re.compile(rf"[{_CN_DIGITS}]+(?=[{_CN_MEASURES}])")
_CN_NUMERAL_DURATION = re.compile(rf"[{_CN_DIGITS}]+(?=[{_CN_DURATIONS}])")
_CN_PERCENT = re.compile(rf"百分之[{_CN_DIGITS}点點]+")
_CN_CHANGE = re.compile(r"翻[一两兩]?[倍番]|减半|減半|翻番|倍增|清零|归零|歸零")
_EN_NUMBER_WORDS = re.compile(
    r"\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"fifty|hundred|thousand|million|billion|half|double|doubles|doubled|triple|tripled|twice|"
    r"halve|halved|quadruple|dozen)\b"
    # "one" and "a/an" only as an amount ("within one business day", "one or more", "an hour"),
    # not as a pronoun or article ("in one place").
    r"|\b(?:one|an?)\s+(?:business\s+|working\s+)?(?:hour|day|week|month|quarter|year)s?\b"
    r"|\bone\s*\(?\s*or\s+more\b|\bmore\s+than\s+one\b",
    re.I,
)


def _digit_numbers(text: str) -> list[str]:
    """Digit numbers that are quantities: not years, quarters, versions or names."""
    found = []
    for match in _NUMBER.finditer(text):
        token = match.group(0)
        bare = token.strip("$¥￥€£ ")
        if _YEAR.match(bare):
            continue
        found.append(token)
    return found


def _chinese_quantities(text: str, durations: bool) -> list[str]:
    found = []
    matches = list(_CN_NUMERAL_QUANTITY.finditer(text))
    if durations:
        matches += list(_CN_NUMERAL_DURATION.finditer(text))
    for match in matches:
        start, end = match.span()
        numeral = match.group(0)
        context = text[max(0, start - 1) : end + 2]
        if any(word in context for word in _NOT_QUANTITIES):
            continue
        following = text[end : end + 1]
        # A lone 一 before a measure word is usually an article (打造一个平台), not a metric;
        # 一倍, 一成 and 一万 are quantities, and so is 至少一个 (at least one).
        at_least = text[max(0, start - 2) : start] in ("至少", "最少", "超过", "超過", "不少")
        if numeral in ("一", "壹") and following not in "倍成万萬亿億%" and not at_least:
            continue
        # 万 and 亿 after a numeral are part of the number; skip numerals that are only units.
        if numeral in ("万", "萬", "亿", "億", "千", "百", "十"):
            continue
        found.append(numeral + following)
    found.extend(match.group(0) for match in _CN_PERCENT.finditer(text))
    found.extend(match.group(0) for match in _CN_CHANGE.finditer(text))
    return found


def metric_mentions(text: str, durations: bool = False) -> list[str]:
    """Numbers, percentages, amounts and multipliers in ``text`` that state a measure.

    Years, quarter and half names, version numbers and names containing digits are left out;
    Chinese durations (三十天) count only with ``durations``.
    """
    text = _PERIOD_REF.sub(" ", normalize(text))
    return _digit_numbers(text) + _chinese_quantities(text, durations)


def has_metric(text: str) -> bool:
    return bool(metric_mentions(text))


def has_number(text: str) -> bool:
    """Whether a key result title states any quantity, including number words (two, double)."""
    return bool(metric_mentions(text, durations=True)) or _EN_NUMBER_WORDS.search(text) is not None


def numbers_in(text: str) -> list[float]:
    """The digit numbers in ``text`` as floats (1,200 -> 1200.0; 20% -> 20.0)."""
    values = []
    for token in _digit_numbers(_PERIOD_REF.sub(" ", normalize(text))):
        digits = re.search(_DIGITS, token)
        if digits:
            values.append(float(digits.group(0).replace(",", "").replace("，", "")))
    return values


# ---------------------------------------------------------------------------------------------
# English words and inflections

_IRREGULAR = {
    "build": ("built",),
    "hold": ("held",),
    "run": ("ran",),
    "write": ("wrote", "written"),
    "begin": ("began", "begun"),
    "keep": ("kept",),
    "do": ("did", "done", "does"),
    "make": ("made",),
    "get": ("got", "gotten"),
    "set": ("set",),
    "put": ("put",),
    "lead": ("led",),
    "find": ("found",),
    "rewrite": ("rewrote", "rewritten"),
    "undertake": ("undertook", "undertaken"),
    "take": ("took", "taken"),
}


def inflections(lemma: str) -> set[str]:
    """launch -> {launch, launches, launched, launching}; handles -e, -y and doubling."""
    forms = {lemma}
    forms.update(_IRREGULAR.get(lemma, ()))
    if lemma.endswith("e") and not lemma.endswith("ee"):
        stem = lemma[:-1]
        forms.update({lemma + "s", stem + "ed", stem + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.update({lemma + "es", lemma + "ed", lemma + "ing"})
    else:
        forms.update({lemma + "s", lemma + "ed", lemma + "ing"})
        # Doubling for short consonant-vowel-consonant verbs: ship -> shipped, plan -> planned.
        if (
            len(lemma) <= 4
            and lemma[-1] not in "aeiouwxy"
            and lemma[-2:-1] in tuple("aeiou")
            and lemma[-3:-2] not in tuple("aeiou")
        ):
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


@cache
def _form_table(lemmas: tuple[str, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in lemmas:
        words = lemma.split(" ")
        for form in inflections(words[0]):
            table[" ".join([form, *words[1:]])] = lemma
    return table


_EN_LEADING = re.compile(
    r"^(?:(?:we|we'll|we will|we've|we have|we're|i|i'll|i will|the team will|our team will|"
    r"team|successfully|to|let's|must|will|should)\s+)+",
    re.I,
)


_LEADING_NON_WORD = re.compile(r"^[\W_]+")


def _english_start(text: str) -> str:
    text = normalize(text).replace("’", "'").strip().lower()
    return _EN_LEADING.sub("", _LEADING_NON_WORD.sub("", text))


_WORDS = re.compile(r"[a-z][a-z'-]*")


def leading_english_verb(text: str, lemmas: tuple[str, ...]) -> str | None:
    """The lemma of the first word (or two-word phrase) of ``text`` if it is in ``lemmas``."""
    start = _english_start(text)
    words = _WORDS.findall(start[:60])
    table = _form_table(lemmas)
    if len(words) >= 2 and f"{words[0]} {words[1]}" in table:
        return table[f"{words[0]} {words[1]}"]
    if words and words[0] in table:
        return table[words[0]]
    return None


# ---------------------------------------------------------------------------------------------
# Chinese prefixes

_ZH_LEADING = re.compile(
    r"^(?:我们|我們|团队|團隊|本季度|本季|本月|本年度|今年|公司|部门|部門|全员|全員|"
    r"每[天日周週月季年]|每两周|每兩週|每个月|每個月|持续|持續|继续|繼續)+"
)


_LEADING_PUNCTUATION = re.compile(r"^[\W_\d]+")


def _chinese_start(text: str) -> str:
    text = _LEADING_PUNCTUATION.sub("", normalize(text).strip())
    return _ZH_LEADING.sub("", text)


@cache
def _prefix_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)  # longest first: 开发一个 before 开发
    return re.compile("|".join(re.escape(word) for word in ordered))


def leading_chinese_word(text: str, words: tuple[str, ...]) -> str | None:
    if not has_cjk(text):
        return None
    match = _prefix_regex(words).match(_chinese_start(text))
    return match.group(0) if match else None


# ---------------------------------------------------------------------------------------------
# Word lists

# Activities and outputs: what a team does, not the result it causes (Google OKR playbook;
# OpenOKR KR-5). They belong under a key result's `actions`.
ACTIVITY_EN = (
    "consult", "assist", "analyze", "analyse", "participate", "attend", "hold", "host",
    "organize", "organise", "launch", "ship", "build", "create", "implement", "complete",
    "finish", "conduct", "investigate", "explore", "prepare", "write", "set up", "roll out",
    "kick off", "begin", "work on", "try", "attempt", "define", "introduce", "publish",
    "produce", "rewrite", "refactor", "migrate", "do", "coordinate", "facilitate",
    "put in place", "undertake", "publicize", "publicise", "distribute", "celebrate", "amplify",
    # Also nouns ("release frequency", "support tickets", "review time"): activities only when
    # the title states no measured change.
    "help", "release", "run", "research", "review", "plan", "draft", "document", "design",
    "start", "deploy", "support", "set", "test", "track", "record", "interview", "choose",
    "select",
)  # fmt: skip
_AMBIGUOUS_EN = frozenset(ACTIVITY_EN[ACTIVITY_EN.index("help") :])

ACTIVITY_ZH = (
    "开展", "開展", "举办", "舉辦", "举行", "舉行", "参加", "參加", "参与", "參與", "协助", "協助",
    "帮助", "幫助", "组织", "組織", "完成", "上线", "上線", "推进", "推進", "改进", "改進", "推动",
    "推動", "落实", "落實", "研究", "调研", "調研", "分析", "制定", "编写", "編寫", "撰写", "撰寫",
    "整理", "梳理", "搭建", "架设", "架設", "架好", "建立", "部署", "设计", "設計", "实施", "實施",
    "执行", "執行", "跟进", "跟進", "准备", "準備", "策划", "策劃", "召开", "召開", "发布", "發布",
    "启动", "啟動", "尝试", "嘗試", "探索", "确认", "確認", "确定", "確定", "调整", "調整",
    "开发一套", "开发一个", "開發一個", "上架", "筹备", "籌備", "宣传", "宣傳",
)  # fmt: skip
# Also nouns (发布频率, 部署次数, 上线时间): activities only without a measured change.
_AMBIGUOUS_ZH = frozenset(
    ("上线", "上線", "研究", "分析", "设计", "設計", "部署", "实施", "實施", "执行", "執行", "发布",
     "發布", "调研", "調研", "整理", "调整", "調整")
)  # fmt: skip
# A measured change: "from 2 to 10", "rises", 从 800 增长到 880, 提高至, 降至.
_CHANGE = re.compile(
    r"\bfrom\b.*\bto\b|\b(?:increase|rise|grow|fall|drop|decrease|reduce|improve|reach|exceed|"
    r"double|halve|cut)(?:s|es|d|ed|ing)?\b|\b(?:at least|at most|below|above|under|over)\b|[≥≤<>]|"
    r"从.*[到至]|從.*[到至]|增长|增長|提高|提升|降低|减少|減少|缩短|縮短|降至|达到|達到|突破|超过|超過|不低于|不低於",
    re.I,
)

# 办/辦 ("hold") only counts before a count of events: 办一场, 辦兩次; and a recurring event
# (每季做一次 1-on-1, 2週一次分享會) is an activity however it is phrased.
_ZH_HOLD = re.compile(r"^[办辦][一二两兩三四五六七八九十\d]+[场場次期个個]")
_ZH_RECURRING = re.compile(
    r"(?:^每[天日周週月季年]|^\d+\s*[天日周週個个]*[月週周]?)[^，,。]*?[一二两兩三\d]次"
)

# After these verbs, a result makes the key result an outcome: 完成 880 万元销售额.
_COMPLETION_VERBS = ("complete", "finish", "完成")
RESULT_WORDS = (
    "销售额", "銷售額", "营收", "營收", "收入", "签约", "簽約", "签单", "簽單", "合同额", "合同額",
    "回款", "利润", "利潤", "业绩", "業績", "订单", "訂單", "销量", "銷量", "gmv", "arr", "mrr",
    "revenue", "sales", "bookings", "quota", "目标", "目標", "增长", "增長",
)  # fmt: skip


def activity_verb(title: str) -> str | None:
    """The activity word a key result starts with, or None when it reads as an outcome."""
    verb = leading_english_verb(title, ACTIVITY_EN)
    if verb is None:
        verb = leading_chinese_word(title, ACTIVITY_ZH)
    if verb is None and has_cjk(title):
        start = _chinese_start(title)
        if _ZH_HOLD.match(start):
            verb = start[:1]
        elif _ZH_RECURRING.match(normalize(title).strip()) and not _CHANGE.search(title):
            verb = "一次"
    if verb is None:
        return None
    if (verb in _AMBIGUOUS_EN or verb in _AMBIGUOUS_ZH) and _CHANGE.search(normalize(title)):
        return None
    if verb in _COMPLETION_VERBS:
        lowered = normalize(title).lower()
        if has_metric(title) and any(word in lowered for word in RESULT_WORDS):
            return None
    return verb


# Business as usual (Google's trap #2): keeping things as they are is not an objective.
BAU_EN = ("maintain", "keep", "continue", "sustain", "preserve", "uphold", "stay", "remain")
BAU_ZH = (
    "保持",
    "维持",
    "維持",
    "继续",
    "繼續",
    "延续",
    "延續",
    "守住",
    "稳住",
    "穩住",
    "维护",
    "維護",
)


_BAU_SUBJECT = re.compile(r"^(?:我们|我們|团队|團隊|公司|本季度|本季|今年)+")


def business_as_usual_verb(objective: str) -> str | None:
    verb = leading_english_verb(objective, BAU_EN)
    if verb is None and has_cjk(objective):
        text = _LEADING_PUNCTUATION.sub("", normalize(objective).strip())
        match = _prefix_regex(BAU_ZH).match(_BAU_SUBJECT.sub("", text))
        return match.group(0) if match else None
    return verb


# Vague objectives: only a generic verb and a generic noun.
GENERIC_EN = frozenset(
    """improve improves improved improving increase increases increased increasing grow grows
    growing grew boost boosts enhance enhances do does did get gets drive drives optimize optimise
    optimizes maximize maximise maximizes achieve achieves deliver be become make makes better best
    more great good excellent success successful strong stronger higher high significantly overall
    general things stuff work job sales sale revenue revenues performance results result growth
    business quality efficiency productivity customers customer clients satisfaction experience
    process processes operations goals goal targets target numbers kpis kpi metrics team teams
    company our the a an of in on for to and all everything level levels ability capability
    capabilities management market share marketing product products service services value""".split()
)
# Longest first, so that 客户满意度 is removed whole before 客户.
GENERIC_ZH = tuple(
    sorted(
        """提高 提升 增加 加强 加強 做好 改善 改进 改進 优化 優化 促进 促進 推动 推動 实现 實現 完成
        搞好 抓好 增强 增強 扩大 擴大 拓展 扩展 擴展 开拓 開拓 做大 做强 做強 做到 达到 達到 业绩
        業績 销售额 銷售額 销售 銷售 工作 业务 業務 效率 质量 質量 绩效 績效 收入 利润 利潤 服务
        服務 管理 能力 水平 团队 團隊 客户满意度 客戶滿意度 满意度 滿意度 市场份额 市場份額 市场
        市場 客户 客戶 体验 體驗 产品 產品 整体 整體 全面 进一步 進一步 更好 更多 更加 持续 持續
        不断 不斷 大力 的 和 与 與 及 我们 我們 公司 部门 部門 各项 各項 相关 相關 一些 有效 高效
        好 更""".split(),
        key=len,
        reverse=True,
    )
)
_ZH_GENERIC = re.compile("|".join(re.escape(word) for word in GENERIC_ZH))


def vagueness(objective: str) -> str | None:
    """Why an objective is too vague to guide anyone, or None when it is specific enough."""
    text = normalize(objective).strip()
    cjk = [char for char in text if is_cjk(char)]
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    if len(cjk) >= len(words):  # mostly Chinese
        rest = _ZH_GENERIC.sub("", "".join(cjk))
        if len(rest) < 2 and not words:
            return "it has only generic words (such as 提高, 业绩, 做好, 工作)"
        if len(cjk) < 4 and not words:
            return "it is too short to say what will be different"
        return None
    specific = [w for w in words if w.lower() not in GENERIC_EN]
    if not specific:
        return "it has only generic words (such as improve, sales, better)"
    if len(words) < 3 and not cjk:
        return "it is too short to say what will be different"
    return None


# ---------------------------------------------------------------------------------------------
# Numbers a key result title states: "from 800 to 880" (从 800 万元增长到 880 万元)

_FROM_TO = re.compile(r"\bfrom\b.+\bto\b|[从從由].+[到至]", re.IGNORECASE)


def title_measures(title: str) -> dict[str, int | float | str]:
    """Baseline, target and unit read from a title that says "from X to Y" (or 从 X 到 Y);
    empty when it says something else. ``okrdocs new`` fills new key results from it, and the
    quick fixes add a missing baseline or unit from it."""
    numbers = numbers_in(title)
    if len(numbers) != 2 or not _FROM_TO.search(normalize(title)):
        return {}
    baseline, target = (int(n) if n.is_integer() else n for n in numbers)
    found: dict[str, int | float | str] = {"baseline": baseline, "target": target}
    unit = _title_unit(normalize(title))
    if unit:
        found["unit"] = unit
    return found


# Units written after the target in a title: "from 45 to 10 minutes", 从 800 万元到 880 万元.
_CJK_UNITS = (
    "亿元", "万元", "毫秒", "小时", "分钟", "元", "亿", "万", "家", "个", "人", "天", "分", "次",
    "单", "位", "项", "篇", "笔", "台", "套", "条", "场", "周", "月", "年", "秒", "倍", "件", "名",
    "户", "款",
)  # fmt: skip
_NOT_UNITS = frozenset(
    (
        "per", "in", "by", "from", "to", "and", "or", "of", "within", "at", "on", "the", "a",
        "an", "for", "with", "this", "each", "every", "over", "under", "than", "more", "less",
    )
)  # fmt: skip
_AFTER_LAST_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?\s*(%|[A-Za-z]+|[\u4e00-\u9fff]+)?[^\d]*$")


def _title_unit(title: str) -> str | None:
    """The unit written after the last number of a title, if it names one."""
    if title.count("%") >= 2:
        return "%"
    match = _AFTER_LAST_NUMBER.search(title)
    word = match[1] if match else None
    if not word:
        return None
    if word[0].isascii():
        return None if word.lower() in _NOT_UNITS else word
    return next((unit for unit in _CJK_UNITS if word.startswith(unit)), None)
