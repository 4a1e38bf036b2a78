"""The shipped language data, read lazily: only what the text being judged needs.

``data/zh-lexicon.txt`` (jieba 0.42.1, MIT), ``data/zh-t2s.txt`` (OpenCC 1.4.2, Apache-2.0)
and ``data/en-verbs.txt`` (lemminflect 0.2.3, MIT) are derived from their sources by
``tools/build_language_data.py``; each file's header names its source, licence and layout.

Load cost matters: a one-file lint must stay well under 0.15 s, and building a dictionary of the
48,000 Chinese words alone takes 20-30 ms. So the Chinese lexicon is stored in blocks of about a
hundred words, sorted by their first character, with the byte offset of each block in the
header: opening it reads the file's bytes and the header (well under a millisecond); a block is
decoded the first time a text contains a character it covers, and only the line of the words
beginning with that character is parsed. The English
verbs are three lines of lemmas (made into sets, the fastest structure Python builds) and the
few hundred irregular verbs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

Entry = tuple[int, str]  # (cost, part of speech)


def _after_comments(raw: bytes) -> bytes:
    position = 0
    while raw.startswith(b"#", position):
        position = raw.index(b"\n", position) + 1
    return raw[position:]


_ENTRY = re.compile(r"([^\d ]*)(\d+)([a-z]+)")


class ChineseLexicon:
    """word -> (cost, tag), parsed block by block as characters are met."""

    def __init__(self, raw: bytes) -> None:
        starts, offsets, longest, body = _after_comments(raw).split(b"\n", 3)
        self.starts = starts.decode("utf-8")
        self.offsets = [int(n) for n in offsets.split()]
        self.longest = int(longest)
        self._body = body
        self._blocks: dict[int, str] = {}  # decoded blocks, each starting with a newline
        self._by_first: dict[str, dict[str, Entry]] = {}
        self._longest: dict[str, int] = {}

    def words_starting(self, char: str) -> dict[str, Entry]:
        """Every word beginning with ``char`` (an empty dict for none)."""
        found = self._by_first.get(char)
        if found is None:
            found = self._by_first[char] = self._parse(char)
            self._longest[char] = max(map(len, found), default=1)
        return found

    def longest_starting(self, char: str) -> int:
        """The length of the longest word beginning with ``char`` (1 for none)."""
        found = self._longest.get(char)
        if found is None:
            self.words_starting(char)
            found = self._longest[char]
        return found

    def get(self, word: str) -> Entry | None:
        return self.words_starting(word[0]).get(word) if word else None

    def _parse(self, char: str) -> dict[str, Entry]:
        """The line of the words beginning with ``char``, found in its block."""
        block = bisect_right(self.starts, char) - 1
        if block < 0:
            return {}
        text = self._blocks.get(block)
        if text is None:
            raw = self._body[self.offsets[block] : self.offsets[block + 1]]
            text = self._blocks[block] = "\n" + raw.decode("utf-8")
        start = text.find(f"\n{char}\t")
        if start < 0:
            return {}
        end = text.find("\n", start + 1)
        line = text[start + 3 : end if end >= 0 else len(text)]
        return {char + rest: (int(cost), tag) for rest, cost, tag in _ENTRY.findall(line)}


@cache
def chinese() -> ChineseLexicon:
    return ChineseLexicon((DATA / "zh-lexicon.txt").read_bytes())


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line and not line.startswith("#")]


@cache
def traditional_to_simplified() -> dict[int, int]:
    """A ``str.translate`` table from Traditional to Simplified Chinese characters."""
    traditional, simplified = _lines((DATA / "zh-t2s.txt").read_text(encoding="utf-8"))
    return str.maketrans(traditional, simplified)


class EnglishVerbs:
    """The verbs lemminflect knows: lemmas, which are also nouns or adjectives, and the forms of
    the irregular ones."""

    def __init__(self, text: str) -> None:
        lines = _lines(text)
        self.lemmas = frozenset(lines[0].split(" "))
        self.nouns = frozenset(lines[1].split(" "))
        self.adjectives = frozenset(lines[2].split(" "))
        self.irregular: dict[str, tuple[str, str, str, str]] = {}
        for line in lines[3:]:
            lemma, past, participle, gerund, third = line.split(" ")
            self.irregular[lemma] = (past, participle, gerund, third)


@cache
def english_verbs() -> EnglishVerbs:
    return EnglishVerbs((DATA / "en-verbs.txt").read_text(encoding="utf-8"))
