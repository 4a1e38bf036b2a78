"""The shipped language data, loaded once per process the first time it is needed.

``data/zh-lexicon.txt.gz`` (jieba 0.42.1, MIT), ``data/zh-t2s.txt`` (OpenCC 1.4.2, Apache-2.0)
and ``data/en-verbs.txt`` (lemminflect 0.2.3, MIT) are derived from their sources by
``tools/build_language_data.py``; each file's header names its source and licence. They are
plain text (the Chinese lexicon gzipped) and are parsed with ``str.split`` and ``dict``
builders only: loading all three takes a few milliseconds.
"""

from __future__ import annotations

import zlib
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line and not line.startswith("#")]


@cache
def chinese() -> tuple[dict[str, tuple[int, str]], int]:
    """word -> (cost, part of speech), and the longest word's length."""
    raw = zlib.decompress((DATA / "zh-lexicon.txt.gz").read_bytes(), 31).decode("utf-8")
    words: dict[str, tuple[int, str]] = {}
    for line in _lines(raw):
        head, _, listed = line.partition("\t")
        tag, _, cost = head.partition(" ")
        words.update(dict.fromkeys(listed.split(" "), (int(cost), tag)))
    return words, max(map(len, words))


@cache
def traditional_to_simplified() -> dict[int, int]:
    """A ``str.translate`` table from Traditional to Simplified Chinese characters."""
    traditional, simplified = _lines((DATA / "zh-t2s.txt").read_text(encoding="utf-8"))
    return str.maketrans(traditional, simplified)


@cache
def english_verbs() -> dict[str, tuple[str, tuple[str, ...] | None]]:
    """lemma -> (flags: 'n' also a noun, 'a' also an adjective; irregular forms or None)."""
    verbs: dict[str, tuple[str, tuple[str, ...] | None]] = {}
    for line in _lines((DATA / "en-verbs.txt").read_text(encoding="utf-8")):
        parts = line.split(" ")
        verbs[parts[0]] = (parts[1].strip("-"), tuple(parts[2:6]) if len(parts) > 2 else None)
    return verbs
