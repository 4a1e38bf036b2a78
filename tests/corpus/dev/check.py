"""Validate the dev corpus: shapes, label references, OKR201/OKR206 exclusivity, counts,
duplicates, overlap with earlier corpora, the computed rules OKR103 (width) and OKR104
(leading word), per-language floors (en 40, zh-Hans 45, zh-Hant 28 objectives), that build.py reproduces the files from raw.txt,
and that batch-2 sources are new (not used in batch 1). Standard library + PyYAML.
Usage: python3 check.py"""

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CODES = {"OKR101", "OKR102", "OKR103", "OKR104", "OKR201", "OKR203", "OKR206"}
OBJ_CODES = {"OKR101", "OKR102", "OKR103", "OKR104"}
KR_CODES = {"OKR201", "OKR203", "OKR206"}
LANGS = {"en", "zh-Hans", "zh-Hant"}
KEYS = {"objective", "key_results", "org", "period", "language", "source"}
BAU = re.compile(r"^(maintain|keep|kept|continu|sustain|preserv|stay|remain)", re.I)
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
# Objectives per language over both parts: below FLOORS the check fails.
FLOORS = {"en": 40, "zh-Hans": 45, "zh-Hant": 28}
errors, warnings = [], []


def err(msg):
    errors.append(msg)


def width(t):
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in t)


def norm(t):
    return re.sub(r"\s+", " ", t).strip().lower()


def load_existing():
    texts = set()
    for p in [REPO / "tests/corpus/real-okrs.json", Path("/work/shared/corpus/real-okrs.json")]:
        if p.exists():
            for e in json.loads(p.read_text(encoding="utf-8")):
                texts.add(norm(e["objective"]))
                texts.update(norm(k) for k in e["key_results"])
    return texts


existing = load_existing()
seen_obj, seen_kr = {}, {}
stats = {}
for part in ("tune", "frozen"):
    data = json.loads((HERE / f"{part}.json").read_text(encoding="utf-8"))
    labels = yaml.safe_load((HERE / f"{part}-labels.yaml").read_text(encoding="utf-8")) or {}
    if not isinstance(data, list):
        err(f"{part}.json is not a list")
        continue
    for i, e in enumerate(data):
        if set(e) != KEYS:
            err(f"{part}[{i}] keys {sorted(e)}")
        if not isinstance(e.get("objective"), str) or not e["objective"].strip():
            err(f"{part}[{i}] objective")
        if (
            not isinstance(e.get("key_results"), list)
            or not e["key_results"]
            or not all(isinstance(k, str) and k.strip() for k in e["key_results"])
        ):
            err(f"{part}[{i}] key_results")
        if e.get("language") not in LANGS:
            err(f"{part}[{i}] language {e.get('language')}")
        for f in ("org", "period", "source"):
            if not isinstance(e.get(f), str):
                err(f"{part}[{i}] {f}")
        if not e.get("source") or not e.get("org"):
            err(f"{part}[{i}] empty org/source")
        seen_obj.setdefault(norm(e["objective"]), []).append(e["source"])
        for k in e["key_results"]:
            seen_kr.setdefault(norm(k), []).append(e["source"])
            if norm(k) in existing:
                err(f"{part}[{i}] KR overlaps an earlier corpus: {k}")
        if norm(e["objective"]) in existing:
            err(f"{part}[{i}] objective overlaps an earlier corpus: {e['objective']}")
    for key, lab in labels.items():
        if not isinstance(key, int) or not 0 <= key < len(data):
            err(f"{part}-labels: key {key!r} is not an entry index")
            continue
        nkr = len(data[key]["key_results"])
        for field, codes in lab.items():
            if field == "note":
                continue
            if field == "objective":
                if not set(codes) <= OBJ_CODES:
                    err(f"{part}[{key}] objective codes {codes}")
            elif re.fullmatch(r"kr[1-9][0-9]*", field):
                if not 1 <= int(field[2:]) <= nkr:
                    err(f"{part}[{key}] {field} beyond {nkr} KRs")
                if not set(codes) <= KR_CODES:
                    err(f"{part}[{key}] {field} codes {codes}")
            else:
                err(f"{part}[{key}] unknown field {field}")
    s = stats.setdefault(part, Counter())
    for i, e in enumerate(data):
        lab = labels.get(i, {})
        ocodes = set(lab.get("objective", []))
        s[("obj", e["language"])] += 1
        s[("kr", e["language"])] += len(e["key_results"])
        for c in ocodes:
            s[c] += 1
        if (width(e["objective"]) > 100) != ("OKR103" in ocodes):
            err(f"{part}[{i}] OKR103 label disagrees with width {width(e['objective'])}")
        o = e["objective"].strip()
        bau = bool(BAU.match(o)) or o.startswith(BAU_ZH)
        if bau != ("OKR104" in ocodes):
            err(f"{part}[{i}] OKR104 label disagrees with the leading word: {o}")
        for j in range(1, len(e["key_results"]) + 1):
            kc = set(lab.get(f"kr{j}", []))
            if len(kc & {"OKR201", "OKR206"}) != 1:
                err(f"{part}[{i}] kr{j} needs exactly one of OKR201/OKR206, has {sorted(kc)}")
            for c in kc:
                s[c] += 1
# The same text twice in one source is a duplicate entry; the same short text in two unrelated
# sources (e.g. 团队建设) is real data and only noted.
for kind, seen in (("objective", seen_obj), ("key result", seen_kr)):
    for t, srcs in seen.items():
        if len(srcs) != len(set(srcs)):
            err(f"duplicate {kind} text within one source ({len(srcs)}x): {t}")
        elif len(srcs) > 1:
            warnings.append(f"same {kind} text in {len(srcs)} different sources: {t}")

# build.py must reproduce the four files from raw.txt, and batch-2 sources must be new.
sys.path.insert(0, str(HERE))
import build  # noqa: E402

entries = build.parse(HERE / "raw.txt")
for part, idx in build.split(entries).items():
    data = json.loads((HERE / f"{part}.json").read_text(encoding="utf-8"))
    want = [
        {
            "objective": entries[i]["objective"],
            "key_results": [k for k, _ in entries[i]["krs"]],
            "org": entries[i]["org"],
            "period": entries[i]["period"],
            "language": entries[i]["language"],
            "source": entries[i]["source"],
        }
        for i in idx
    ]
    if data != want:
        err(f"{part}.json differs from what build.py makes from raw.txt (run python3 build.py)")


def strip_commit(src):
    return src.split("@")[0].split(" (")[0].strip()


old_sources = {strip_commit(e["source"]) for e in entries if e["batch"] == 1}
for e in entries:
    if e["batch"] > 1 and strip_commit(e["source"]) in old_sources:
        err(f"batch-{e['batch']} source already used in batch 1: {e['source']}")

for part, s in stats.items():
    print(f"== {part}")
    for lang in sorted(LANGS):
        print(f"  {lang:8} objectives {s[('obj', lang)]:4}  key results {s[('kr', lang)]:4}")
    print(
        f"  total    objectives {sum(s[('obj', lg)] for lg in LANGS):4}  key results {sum(s[('kr', lg)] for lg in LANGS):4}"
    )
    print("  labels: " + "  ".join(f"{c} {s[c]}" for c in sorted(CODES)))
tot_o = sum(s[("obj", lg)] for s in stats.values() for lg in LANGS)
tot_k = sum(s[("kr", lg)] for s in stats.values() for lg in LANGS)
print(f"== all: objectives {tot_o}, key results {tot_k}")
for lang in sorted(LANGS):
    if not all(s[("obj", lang)] for s in stats.values()):
        err(f"{lang} missing from a part")
    n = sum(s[("obj", lang)] for s in stats.values())
    print(f"  {lang:8} objectives overall {n:4}  (floor {FLOORS[lang]})")
    if n < FLOORS[lang]:
        err(f"{lang}: {n} objectives, below the floor of {FLOORS[lang]}")
for w in warnings:
    print("WARNING: " + w)
if errors:
    print("\nFAILED:")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
