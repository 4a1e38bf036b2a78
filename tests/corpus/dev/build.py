"""Build tune/frozen corpus files from raw.txt (the hand-labelled working source).

Usage: python3 build.py
Split, per batch and language (a "%batch N" line in raw.txt starts batch N; entries before
the first such line are batch 1):
- batch 1: the entries of a language are shuffled with random.Random(f"{SEED}-{language}");
  the first ceil(n/2) go to tune, the rest to frozen (unchanged, so batch-1 files are identical).
- batches 2-7: shuffled with random.Random(f"{SEED2}-{language}") (batches 3-7: SEED3-SEED7); the
  first floor(n/2) go to tune, the rest (the extra one, if n is odd) to frozen.
Each file lists batch-1 entries, then batch-2 entries, each in raw.txt order, so existing
indexes never change (batches are appended). OKR103 is computed from display width.
"""

import json
import math
import random
import re
import unicodedata
from pathlib import Path

SEED = 20240611
SEED2 = 20251130
SEED3 = 20261201
SEED4 = 20261202
SEED5 = 20261203
SEED6 = 20261204
SEED7 = 20261205
HERE = Path(__file__).resolve().parent
CODE = {
    "101": "OKR101",
    "102": "OKR102",
    "103": "OKR103",
    "104": "OKR104",
    "201": "OKR201",
    "203": "OKR203",
    "206": "OKR206",
}


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def parse(path):
    entries, cur, _last, batch = [], None, None, 1
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("%batch"):
            batch = int(raw.split()[1])
            continue
        if not raw.strip() or raw.startswith("#"):
            continue
        tag, rest = raw[:2], raw[2:]
        if tag == "@ ":
            org, period, lang, source = [p.strip() for p in rest.split("|")]
            cur = {
                "org": org,
                "period": period,
                "language": lang,
                "source": source,
                "objective": None,
                "olab": [],
                "krs": [],
                "notes": [],
                "batch": batch,
            }
            entries.append(cur)
        elif tag in ("O ", "K "):
            m = re.match(r"\[([0-9 ]*)\] (.+)$", rest)
            codes = [CODE[c] for c in m.group(1).split()]
            if tag == "O ":
                cur["objective"], cur["olab"] = m.group(2), codes
            else:
                cur["krs"].append((m.group(2), codes))
        elif tag == "N ":
            cur["notes"].append(rest.strip())
        else:
            raise ValueError(raw)
    for e in entries:
        if width(e["objective"]) > 100 and "OKR103" not in e["olab"]:
            e["olab"].append("OKR103")
    return entries


def split(entries):
    parts = {"tune": [], "frozen": []}
    for batch in sorted({e["batch"] for e in entries}):
        for lang in sorted({e["language"] for e in entries}):
            idx = [
                i for i, e in enumerate(entries) if e["language"] == lang and e["batch"] == batch
            ]
            assert batch in (1, 2, 3, 4, 5, 6, 7), f"no split rule for batch {batch}"
            if batch == 1:
                random.Random(f"{SEED}-{lang}").shuffle(idx)
                k = math.ceil(len(idx) / 2)
            else:
                random.Random(
                    f"{ {2: SEED2, 3: SEED3, 4: SEED4, 5: SEED5, 6: SEED6, 7: SEED7}[batch] }-{lang}"
                ).shuffle(idx)
                k = len(idx) // 2
            parts["tune"] += idx[:k]
            parts["frozen"] += idx[k:]

    # batch 1 first, then later batches, each in raw.txt order (appending keeps indexes stable)
    def key(i):
        return (entries[i]["batch"], i)

    return {p: sorted(v, key=key) for p, v in parts.items()}


def order(codes):
    return sorted(set(codes))


def main():
    entries = parse(HERE / "raw.txt")
    for part, idx in split(entries).items():
        data, lines = [], []
        lines.append(
            f"# Labels for {part}.json (see LABELLING.md). Keys are entry indexes in {part}.json;"
        )
        lines.append(
            "# `objective`, `kr1`, `kr2`, ... list the codes that should fire; `note` explains hard calls."
        )
        for n, i in enumerate(idx):
            e = entries[i]
            data.append(
                {
                    "objective": e["objective"],
                    "key_results": [k for k, _ in e["krs"]],
                    "org": e["org"],
                    "period": e["period"],
                    "language": e["language"],
                    "source": e["source"],
                }
            )
            items = []
            if e["olab"]:
                items.append(f"objective: [{', '.join(order(e['olab']))}]")
            for j, (_, codes) in enumerate(e["krs"], 1):
                if codes:
                    items.append(f"kr{j}: [{', '.join(order(codes))}]")
            if e["notes"]:
                items.append("note: " + json.dumps("; ".join(e["notes"]), ensure_ascii=False))
            lines.append(f"{n}:")
            lines += [f"  {it}" for it in items]
        (HERE / f"{part}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        (HERE / f"{part}-labels.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(part, len(data), sum(len(d["key_results"]) for d in data))


if __name__ == "__main__":
    main()
