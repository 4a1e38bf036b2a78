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
from functools import cache, lru_cache

from okrdocs.lazyre import Lazy

# ---------------------------------------------------------------------------------------------
# Characters and width


def is_cjk(char: str) -> bool:
    return (
        "\u4e00" <= char <= "\u9fff"  # CJK unified ideographs
        or "\u3400" <= char <= "\u4dbf"  # extension A
        or "\uf900" <= char <= "\ufaff"  # compatibility ideographs
        or "\U00020000" <= char <= "\U0002fa1f"  # extensions B-F
    )


@lru_cache(maxsize=4096)
def has_cjk(text: str) -> bool:
    return not text.isascii() and any(map(is_cjk, text))


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
_CN_MEASURES = (
    "个個家名位次场場项項件份倍成%元块塊万萬亿億分人单單款篇条條台套所座户戶笔筆轮輪门門节節课課"
    "张張本支队隊组組类類种種遍回道题題步路维維级級届屆期页頁首部则則封集册冊批口片"
    # The rest of the common measure words (量词): vehicles, trips, pairs, grains, animals,
    # sections, sentences, classes, meals, containers, pieces, cases, rooms, floors (not 处: 8080处理器).
    "辆輛趟对對双雙颗顆只隻段句堂顿頓杯瓶盒箱枚例间間层層栋棟棵匹架艘幅帧幀行列"
)
_CN_DURATIONS = "天日周週月季年小时時秒"
_NOT_QUANTITIES = ("一起", "一流", "统一", "統一", "唯一", "一致", "一些", "一体", "一體", "万一",
                   "萬一", "一直", "一定", "一般", "一切", "一样", "一樣", "一下", "一线", "一線",
                   "一站", "一手", "第一", "十分", "万分", "萬分", "千万", "千萬", "一次性", "一对一",
                   "一對一", "一体化", "一體化", "零部件", "零件", "零售", "零食", "零距离", "零距離",
                   "千方百计", "千方百計", "万物", "萬物", "百货", "百貨", "百姓", "十足", "万事",
                   "萬事", "一把手", "一条龙", "一條龍", "两手", "兩手", "三方", "一家人", "一单",
                   "一键", "一鍵", "最近一次", "按一下", "两者", "兩者", "千家万户", "千家萬戶", "一步步",
                   "一路", "一口气", "一口氣", "一部分", "一片", "一批", "一道", "每一")  # fmt: skip

_DIGITS = r"[0-9]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?"
_DIGITS_RE = Lazy(_DIGITS)
# Units written against the digits (1TB, 100Mbps, 200ms, 24h, 3x); other letters make a name
# (5G, B2B, Web3, e2e) rather than a quantity.
_UNITS = r"%|‰|k|K|M|B|w|W|x|X|\+|倍|成|[KMGTP]B|[KMG]bps|ms|s|h|hrs?|mins?|d|rps|qps|ppm|pts?"
_NUMBER = Lazy(
    rf"(?<![A-Za-z0-9_.#/])(?:[$¥￥€£]\s*)?{_DIGITS}(?:\s*(?:{_UNITS}))?"
    rf"(?![A-Za-z0-9_])|(?<![A-Za-z0-9_.#/])[$¥￥€£]\s*{_DIGITS}"
)
_YEAR = Lazy(r"^(?:19|20)\d\d$")
# Not quantities: quarters and halves (Q4, H1, FY26), dates (2026-01-31, 11/5, 11月5日) and
# issue or version references (#14, v2.1); dates written with spaces or without a day (10 月 1
# 日, 9月), rooms and floors (821 会议室, 1楼), versions (2.0 版, version 3.1), and code in
# backticks. Each alternative with the characters it cannot match without: the pattern used on a
# text joins only those whose characters it has (the same matches, for a fraction of the time).
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b"
)
_PERIOD_PARTS = (
    (
        ("q1", "q2", "q3", "q4", "h1", "h2", "fy"),
        r"(?<![A-Za-z0-9])(?:FY\s?\d{2,4}|Q[1-4]|H[12])(?![A-Za-z0-9])",
    ),
    (("-",), r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    # (a month and a day: one of the two is at most 12; 14/14 is a tally, not a date)
    (("/",), r"(?<![\d/])(?:(?:0?[1-9]|1[0-2])/\d{1,2}|\d{1,2}/(?:0?[1-9]|1[0-2]))(?![\d/])"),
    (("月",), r"\d{1,2}月\d{1,2}[日号號]"),
    (("#",), r"#\d+"),
    (("v",), r"\bv\d+(?:\.\d+)*"),
    (("月",), r"(?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?"),
    (tuple("室楼樓层層栋棟"), r"\d+\s*(?:号|號)?\s*(?:会议室|會議室|室|楼|樓|层|層|栋|棟)"),
    (("版", "version", "release"), r"\d+(?:\.\d+)+\s*(?:版本?|version|release)"),
    (("版本", "version", "release"), r"(?:版本|version|release)\s*\d+(?:\.\d+)*"),
    (("`",), r"`[^`]*`"),
    # Dates with a month's name: March 4, 4 March, Sept. 30th.
    (
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}",
    ),
    # A numbered phase, stage or round names a part of a plan, not an amount (the labelling
    # guide's "names with digits"): phase 2, stage 3+ pipeline, tier 1, sprint 14.
    (
        (
            "phase",
            "stage",
            "tier",
            "step",
            "wave",
            "round",
            "sprint",
            "iteration",
            "milestone",
            "chapter",
            "generation",
            "slice",
        ),
        r"\b(?:phase|stage|tier|step|wave|round|sprint|iteration|milestone|chapter|generation"
        r"|slice)"
        r"\s*-?\s*\d+\+?(?![\d.,%]|\s*(?:[\u3400-\u9fff]|times\b|x\b))",
    ),
    # A week of a term or plan ("by Week 7", "by the end of week 4"): a date, like a sprint.
    (
        ("week",),
        r"(?:\b(?-i:Week)|\b(?:by|until|before|of|in|from)\s+(?:the\s+)?(?:end\s+of\s+)?week)"
        r"\s*\d{1,2}(?![\d%]|[.,]\d|\s*(?:[\u3400-\u9fff]|times\b|x\b))",
    ),
    # Sections and names of standards: §3.5, SOC 2 (Type II).
    (("§", "soc"), r"§\s?\d+(?:\.\d+)*|\bSOC\s?[123]\b"),
    # One to one: 1-1 feedback, 1:1 meetings (not a count).
    (("1-1", "1:1"), r"(?<![\d.:-])1[-:]1(?![\d.:-])"),
    # References to documents and tickets: RFC 97, PR 1234, ADR-12, CVE-2021-44228.
    (
        ("rfc", "pr", "adr", "cve", "issue", "ticket"),
        r"\b(?:RFC|PR|ADR|CVE|issue|ticket)[- #]?\d+(?:-\d+)*",
    ),
)


@cache
def _period_pattern(parts: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile("|".join(_PERIOD_PARTS[index][1] for index in parts), re.I)


# What each part needs: characters (compared with the text's set of characters, in C), or
# words (looked for in the lower-cased text only when one of their first letters is there).
_PERIOD_CHARS = tuple(
    frozenset(need for need in needs if len(need) == 1) for needs, _ in _PERIOD_PARTS
)
_PERIOD_WORDS = tuple(tuple(need for need in needs if len(need) > 1) for needs, _ in _PERIOD_PARTS)
_PERIOD_INITIALS = tuple(
    frozenset(word[0] for word in words) | frozenset(word[0].upper() for word in words)
    for words in _PERIOD_WORDS
)


def _without_periods(text: str) -> str:
    """``text`` with quarters, dates, references, rooms, versions and code replaced by a space."""
    present = set(text)
    lower = ""
    parts = []
    for index, chars in enumerate(_PERIOD_CHARS):
        if not chars.isdisjoint(present):
            parts.append(index)
        elif not _PERIOD_INITIALS[index].isdisjoint(present):
            lower = lower or text.lower()
            for word in _PERIOD_WORDS[index]:
                if word in lower:
                    parts.append(index)
                    break
    return _period_pattern(tuple(parts)).sub(" ", text) if parts else text


_CN_NUMERAL_QUANTITY = Lazy(rf"[{_CN_DIGITS}]+(?=[{_CN_MEASURES}])")
_CN_NUMERAL_DURATION = Lazy(rf"[{_CN_DIGITS}]+(?=[{_CN_DURATIONS}])")
_CN_PERCENT = Lazy(rf"百分之[{_CN_DIGITS}点點]+")
# 零 as an amount: 零 HIGH+ 安全漏洞, 零架构违规, 误会减至零, 为零 (not 零售, 零件, 零食).
_CN_ZERO = Lazy(r"(?:为|為|至|到|降至|减至|減至)零|零(?![售件部食距钱錢星碎散])(?=\s*[^\W\d_])")
_CN_CHANGE = Lazy(r"翻[一两兩]?[倍番]|减半|減半|翻番|倍增|清零|归零|歸零")
_EN_NUMBER_WORDS = Lazy(
    r"\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"fifty|hundreds?|thousands?|millions?|billions?|half|double|doubles|doubled|triple|tripled|"
    r"twice|halve|halved|quadruple|dozens?)\b"
    r"|\borders?\s+of\s+magnitude\b"
    # "one" and "a/an" only as an amount ("within one business day", "one or more", "an hour"),
    # not as a pronoun or article ("in one place").
    r"|\b(?:one|an?)\s+(?:business\s+|working\s+)?(?:hour|day|week|month|quarter|year)s?\b"
    r"|\bone\s*\(?\s*or\s+more\b|\bmore\s+than\s+one\b"
    r"|\b(?:at\s+least|at\s+most|no\s+more\s+than|no\s+fewer\s+than|exactly|only|just)\s+one\b"
    # A frequency stated as a target: once a week, at least once, on a weekly basis, almost
    # daily (not "weekly meetings", which names a meeting).
    r"|\bonce\s+(?:a|an|per|every)\b|\b(?:at\s+least|at\s+most|more\s+than)\s+once\b"
    r"|\b(?:daily|weekly|monthly|quarterly|yearly)\s+basis\b"
    r"|\b(?:almost|at\s+least)\s+(?:daily|weekly|monthly|quarterly|yearly)\b",
    re.I,
)


# A letter (of any script: a name in Latin letters or Chinese characters) just before.
_NAME_BEFORE = Lazy(r"[A-Za-z]-$|[^\W\d_]$")


_VERSION_AFTER_CJK = Lazy(r"\d+\.0|\d+(?:\.\d+){2,}")
_DECIMAL = Lazy(r"\d+\.\d+")
# (strings, not sets: "" is in any string, and a unit read past the end of the text is "")
_UNIT_AFTER_VERSION = _CN_MEASURES + _CN_DURATIONS + "万萬亿億千百十%"
_UNIT_AFTER_MODEL = _CN_MEASURES + _CN_DURATIONS + "万萬亿億千百十多余餘"


def _is_version(number: str, before: str, after: str) -> bool:
    """A decimal written against a name: Web2.0, Python3.11 (after Latin letters), 导师制2.0
    (after Chinese: only X.0 or X.Y.Z, and not before a unit, so 评分提高到4.5 and 提升至2.0分
    are numbers)."""
    last = before[-1:]
    if last.isascii():
        return last.isalpha()
    if not last.isalpha() or not _VERSION_AFTER_CJK.fullmatch(number):
        return False
    unit = after[:1]
    return not unit or unit not in _UNIT_AFTER_VERSION


def _digit_numbers(text: str) -> list[str]:
    """Digit numbers that are quantities: not years, quarters, versions or names."""
    found = []
    for match in _NUMBER.finditer(text):
        token = match.group(0)
        bare = token.strip("$¥￥€£ ")
        if _YEAR.match(bare):
            continue
        start, end = match.span()
        before, after = text[max(0, start - 2) : start], text[end : end + 2]
        plain = bare.isdigit() or _DECIMAL.fullmatch(bare) is not None
        hyphenated = plain and before.endswith("-") and _NAME_BEFORE.search(before)
        if hyphenated and not text[max(0, start - 4) : start].lower().startswith("top"):
            continue  # UTF-8, COVID-19 (but Top-5 is a rank)
        if "." in bare and plain and token == bare and _is_version(bare, before, after):
            continue  # 导师制2.0, Web2.0: a version written against a name
        if bare.isdigit() and len(bare) >= 3 and is_cjk(after[:1] or " ") and before[-1:].isalpha():
            unit = after.strip()[:1]
            if unit not in _UNIT_AFTER_MODEL:
                continue  # 8080 处理器, 6800 相比: a model number
        found.append(token)
    return found


_NOT_QUANTITY_SET = frozenset(_NOT_QUANTITIES)
_NOT_QUANTITY_LENGTHS = sorted({len(word) for word in _NOT_QUANTITIES})


def _idiom_around(text: str, start: int, end: int) -> bool:
    """Whether a word of ``_NOT_QUANTITIES`` covers the numeral's first character (一起, 第一,
    千家万户, 最近一次)."""
    for size in _NOT_QUANTITY_LENGTHS:
        for index in range(max(0, start - size + 1), start + 1):
            if text[index : index + size] in _NOT_QUANTITY_SET:
                return True
    return False


_CN_DIGIT_SET = frozenset(_CN_DIGITS)


_CN_MONTH_NUMERALS = frozenset(
    ["正", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
)
_CN_MONTH_PARTS = ("底", "初", "中旬", "上旬", "下旬", "末", "份", "中", "前", "之前", "以前")
_CN_DEADLINE_BEFORE = ("截止", "截至", "截止到", "到", "于", "於", "在", "至", "从", "從")


def _cn_month_date(text: str, start: int, end: int, numeral: str) -> bool:
    """Whether ``numeral`` + 月 names a month of the year: a part of the month follows
    (一月中旬, 三月底, 十二月份) or a deadline word comes before (截止一月, 到三月)."""
    if numeral not in _CN_MONTH_NUMERALS:
        return False
    after = text[end + 1 : end + 3]
    if after[:1] in ("内", "內"):
        return False  # 一月内: within a month
    if after.startswith(_CN_MONTH_PARTS) or after[:1].isdigit():
        return True
    return text[max(0, start - 3) : start].endswith(_CN_DEADLINE_BEFORE)


def _chinese_quantities(text: str, durations: bool) -> list[str]:
    found: list[str] = []
    if _CN_DIGIT_SET.isdisjoint(text) and not any(char in text for char in "翻半倍"):
        return found  # no numeral, 翻倍, 减半 or 倍增
    matches = list(_CN_NUMERAL_QUANTITY.finditer(text))
    if durations:
        matches += list(_CN_NUMERAL_DURATION.finditer(text))
    for match in matches:
        start, end = match.span()
        numeral = match.group(0)
        if _idiom_around(text, start, end):
            continue
        following = text[end : end + 1]
        # 一 with a measure word is a count like any other (一份, 一次, 一人: the labelling
        # guide's definition), but not an ordinal (第一个), a phase (一期) or "a few" (几个).
        if text[max(0, start - 1) : start] in ("第", "几", "幾"):
            continue
        if numeral in ("一", "壹") and following in "期":
            continue
        if following == "月" and _cn_month_date(text, start, end, numeral):
            continue  # 一月中旬, 三月底, 截止十二月: a month of the year, not "one month"
        # 万 and 亿 after a numeral are part of the number; skip numerals that are only units.
        if numeral in ("万", "萬", "亿", "億", "千", "百", "十"):
            continue
        found.append(numeral + following)
    if "百分之" in text:
        found.extend(match.group(0) for match in _CN_PERCENT.finditer(text))
    found.extend(match.group(0) for match in _CN_CHANGE.finditer(text))
    if "零" in text:
        found.extend(match.group(0) for match in _CN_ZERO.finditer(text))
    return found


def metric_mentions(text: str, durations: bool = False) -> list[str]:
    """Numbers, percentages, amounts and multipliers in ``text`` that state a measure.

    Years, quarter and half names, version numbers and names containing digits are left out;
    Chinese durations (三十天) count only with ``durations``.
    """
    text, digits = _read_digits(text)
    found = list(digits)
    if has_cjk(text):
        found += _chinese_quantities(text, durations)
    return found


@lru_cache(maxsize=4096)
def _read_digits(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without its periods, references and code, and its digit quantities: shared by
    OKR102, OKR201, OKR203, OKR206 and OKR208, which all read the same titles.

    Each family of patterns runs only on text that has what it looks for: compiling one costs
    more than reading a title, and a run often needs only some of them."""
    text = normalize(text)
    if "`" in text or any(map(str.isdigit, text)):
        text = _without_periods(text)
        return text, tuple(_digit_numbers(text))
    return text, ()


# Cardinal number words as they state a quantity in an objective ("Win two flagship
# customers"); not the multipliers (double down, the second half), which OKR102 leaves alone.
_EN_CARDINALS = Lazy(
    r"\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozen)\b"
    r"|\b(?:at\s+least|at\s+most|no\s+more\s+than|no\s+fewer\s+than|exactly)\s+one\b",
    re.I,
)


@lru_cache(maxsize=4096)
def objective_quantities(text: str) -> tuple[str, ...]:
    """What OKR102 reports: the metric mentions, cardinal number words and placeholders that
    stand for a number ($L new IARR). (Cached, as key results' judgements are: teams copy
    objectives between files and the language server reads the same one again and again.)"""
    found = metric_mentions(text)
    if any(char.isascii() and char.isalpha() for char in text):
        found += [m.group(0) for m in _EN_CARDINALS.finditer(text)]
        found += [m.group(0) for m in _PLACEHOLDER.finditer(text)]
    return tuple(found)


# Placeholders that stand for a number in published OKRs: $N, N6, ≥N11, X%, X亿, XXX, "P MQLs".
_PLACEHOLDER = Lazy(
    r"(?<![A-Za-z0-9])(?:\$[A-Z]\d*|[NXZ]\d+|X{1,3}%|X+\s?[亿万億萬]|Z{3,}|X{3,})(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9$])[B-HJ-Z](?=\s+[A-Z]{2,}s?\b)"
    # In Chinese: 发文 x 篇, 新增粉丝数 x 个, 日均 pv 达到 x (a letter for the number to come).
    r"|(?<![A-Za-z0-9])[xXnN]\s?(?=[个個篇场場次家名位件份条條人万萬亿億%])"
    r"|(?:(?<=达到)|(?<=達到)|(?<=至)|(?<=到))\s?[xXnN](?![A-Za-z0-9])"
)


@lru_cache(maxsize=4096)
def has_number(text: str) -> bool:
    """Whether a key result title states any quantity, including number words (two, double, 零,
    at least one) and placeholders that stand for one ($N, X%)."""
    if metric_mentions(text, durations=True):
        return True
    if not any(char.isascii() and char.isalpha() for char in text):
        return False
    return _EN_NUMBER_WORDS.search(text) is not None or _PLACEHOLDER.search(text) is not None


def numbers_in(text: str) -> list[float]:
    """The digit numbers in ``text`` as floats (1,200 -> 1200.0; 20% -> 20.0)."""
    return list(_numbers_in(text))


@lru_cache(maxsize=4096)
def _numbers_in(text: str) -> tuple[float, ...]:
    if not any(map(str.isdigit, text)):
        return ()
    values = []
    for token in _read_digits(text)[1]:
        digits = _DIGITS_RE.search(token)
        if digits:
            values.append(float(digits.group(0).replace(",", "").replace("，", "")))
    return tuple(values)


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


_EN_LEADING = Lazy(
    r"^(?:(?:we|we'll|we will|we've|we have|we're|i|i'll|i will|the team will|our team will|"
    r"team|successfully|to|let's|must|will|should)\s+)+",
    re.I,
)


_LEADING_NON_WORD = Lazy(r"^[\W_]+")


def _english_start(text: str) -> str:
    text = normalize(text).replace("’", "'").strip().lower()
    return _EN_LEADING.sub("", _LEADING_NON_WORD.sub("", text))


_WORDS = Lazy(r"[a-z][a-z'-]*")


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
_BAU_SUBJECTS = ("我们", "我們", "团队", "團隊", "公司", "本季度", "本季", "今年")


def _skip_leading(text: str) -> str:
    """``text`` from its first letter on (punctuation, digits and list marks dropped)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[index:]
    return ""


@lru_cache(maxsize=4096)
def business_as_usual_verb(objective: str) -> str | None:
    text = _skip_leading(normalize(objective).strip())
    if text[:1].isascii():
        return leading_english_verb(objective, BAU_EN)
    stripped = True
    while stripped:  # 我们团队继续… : any number of subjects first
        stripped = False
        for subject in _BAU_SUBJECTS:
            if text.startswith(subject):
                text, stripped = text[len(subject) :], True
    return next((verb for verb in BAU_ZH if text.startswith(verb)), None)


# ---------------------------------------------------------------------------------------------
# Numbers a key result title states: "from 800 to 880" (从 800 万元增长到 880 万元)


@cache
def _from_to() -> re.Pattern[str]:
    return re.compile(r"\bfrom\b.+\bto\b|[从從由].+[到至]", re.IGNORECASE)


def title_measures(title: str) -> dict[str, int | float | str]:
    """Baseline, target and unit read from a title that says "from X to Y" (or 从 X 到 Y);
    empty when it says something else. ``okrdocs new`` fills new key results from it, and the
    quick fixes add a missing baseline or unit from it."""
    numbers = numbers_in(title)
    if len(numbers) != 2 or not _from_to().search(normalize(title)):
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


@cache
def _after_last_number() -> re.Pattern[str]:
    # Compiled on first use: a class over the CJK block costs milliseconds, and lint starts
    # on every commit.
    return re.compile(r"\d(?:[\d,.]*\d)?\s*(%|[A-Za-z]+|[\u4e00-\u9fff]+)?[^\d]*$")


def _title_unit(title: str) -> str | None:
    """The unit written after the last number of a title, if it names one."""
    if title.count("%") >= 2:
        return "%"
    match = _after_last_number().search(title)
    word = match[1] if match else None
    if not word:
        return None
    if word[0].isascii():
        return None if word.lower() in _NOT_UNITS else word
    return next((unit for unit in _CJK_UNITS if word.startswith(unit)), None)
