"""The shipped language data, read lazily: only what the text being judged needs.

``data/zh-lexicon.txt`` (jieba 0.42.1, MIT), ``data/zh-t2s.txt`` and ``data/zh-tw-words.txt``
(OpenCC 1.4.2, Apache-2.0) and ``data/en-verbs.txt`` (lemminflect 0.2.3, MIT) are derived from
their sources by ``tools/build_language_data.py``; each file's header names its source, licence
and layout.

Load cost matters: a one-file lint must stay well under 0.15 s, and building a dictionary of
48,000 Chinese words took 20-30 ms (the lexicon now has 94,000). So it is stored in blocks of
words sorted by their first character, with the byte offset of each block in the
header: opening it reads the file's bytes and the header (well under a millisecond); a block is
decoded the first time a text contains a character it covers; the line of the words beginning
with that character is split, and only the words sharing a look-up's first two characters are
parsed. The English
verbs are three lines of lemmas (made into sets, the fastest structure Python builds) and the
few hundred irregular verbs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# (the rest of the word after its first character, cost, part of speech): the parsed entry as
# the pattern finds it, kept as it is (making tuples and ints for entries never looked up again
# cost more than the look-ups).
Entry = tuple[str, str, str]


def _after_comments(raw: bytes) -> bytes:
    position = 0
    while raw.startswith(b"#", position):
        position = raw.index(b"\n", position) + 1
    return raw[position:]


_ENTRY = re.compile(r"([^\d ]*)(\d+)([a-z]+)")
_LAST = "\U0010ffff"


class Words:
    """The words beginning with one character: a sorted list of entries ("rest, cost, tag"),
    parsed into dictionaries by the word's second character as look-ups need them. (The line of
    一 has a thousand words; a title needs a few of them.)"""

    __slots__ = ("_char", "_entries", "_groups", "longest")

    def __init__(self, char: str, longest: int, entries: list[str]) -> None:
        self._char = char
        self._entries = entries
        self._groups: dict[str, dict[str, Entry]] = {}
        self.longest = longest

    def get(self, word: str) -> Entry | None:
        return self.group(word[1:2]).get(word)

    def group(self, second: str) -> dict[str, Entry]:
        """The words whose second character is ``second`` ("" for the character alone)."""
        group = self._groups.get(second)
        if group is None:
            group = self._groups[second] = self._group(second)
        return group

    def _group(self, second: str) -> dict[str, Entry]:
        entries = self._entries
        if second:
            low = bisect_left(entries, second)
            high = bisect_left(entries, second + _LAST, low)
        else:  # the character alone: its entry is only the cost and tag
            low, high = 0, bisect_left(entries, ":")
        char = self._char
        return {char + found[0]: found for found in _ENTRY.findall(" ".join(entries[low:high]))}


_NO_WORDS = Words("", 1, [])


class ChineseLexicon:
    """Words with their cost and part of speech, read block by block as characters are met."""

    def __init__(self, raw: bytes) -> None:
        starts, offsets, longest, body = _after_comments(raw).split(b"\n", 3)
        self.starts = starts.decode("utf-8")
        self.offsets = [int(n) for n in offsets.split()]
        self.longest = int(longest)
        self._body = body
        self._blocks: dict[int, str] = {}  # decoded blocks, each starting with a newline
        self._by_first: dict[str, Words] = {}

    def words_starting(self, char: str) -> Words:
        """The words beginning with ``char``."""
        found = self._by_first.get(char)
        if found is None:
            found = self._by_first[char] = self._parse(char)
        return found

    def get(self, word: str) -> Entry | None:
        return self.words_starting(word[0]).get(word) if word else None

    def _parse(self, char: str) -> Words:
        """The line of the words beginning with ``char``, found in its block."""
        block = bisect_right(self.starts, char) - 1
        if block < 0:
            return _NO_WORDS
        text = self._blocks.get(block)
        if text is None:
            raw = self._body[self.offsets[block] : self.offsets[block + 1]]
            text = self._blocks[block] = "\n" + raw.decode("utf-8")
        start = text.find(f"\n{char}\t")
        if start < 0:
            return _NO_WORDS
        end = text.find("\n", start + 1)
        _, longest, entries = text[start + 1 : end if end >= 0 else len(text)].split("\t")
        return Words(char, int(longest), entries.split(" "))


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


@cache
def taiwan_words() -> dict[str, str]:
    """Taiwan's words for what the mainland words otherwise, both in Simplified characters
    (软体 -> 软件, 使用者 -> 用户): read only for titles written in Traditional characters."""
    taiwan, mainland = _lines((DATA / "zh-tw-words.txt").read_text(encoding="utf-8"))
    return dict(zip(taiwan.split(" "), mainland.split(" "), strict=True))


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
