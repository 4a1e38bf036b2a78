"""Chinese words and their parts of speech.

``tokens(text)`` reads a title into words tagged with jieba's (ICTCLAS) part-of-speech tags:
Traditional characters are mapped to Simplified ones first (OpenCC's character table), runs of
Chinese characters are split into the most probable sequence of dictionary words (a unigram
model over jieba's dictionary: the split that minimises the summed cost, -log2 of each word's
frequency, as jieba does without its HMM for unknown words), and what is not Chinese becomes a
token of its own: numbers ``m``, Latin words and names ``eng``, code in backticks ``code``,
punctuation ``x``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from okrdocs.language import is_cjk
from okrdocs.lazyre import Lazy
from okrdocs.text import lexicon

_UNKNOWN = 24  # the cost of a character the dictionary does not know


class Token:
    __slots__ = ("surface", "tag", "word")

    def __init__(self, word: str, tag: str, surface: str) -> None:
        self.word = word  # in Simplified characters
        self.tag = tag
        self.surface = surface  # as written

    def __repr__(self) -> str:
        return f"Token({self.word!r}, {self.tag!r}, {self.surface!r})"


def simplified(text: str) -> str:
    return text.translate(lexicon.traditional_to_simplified())


# What a position offers the split, by the two characters starting there (one at the end of a
# run): the cost and tag of the character alone (the cost never above an unknown character's;
# ``tie`` when it is an unknown's, which wins ties), and the words of two or more characters
# beginning with those two, as {word: (cost, tag)}, with the longest one's length. Built once
# per pair of characters per process: titles that differ share most of their pairs.
_Offer = tuple[int, bool, str, dict[str, tuple[int, str]], int]
_OFFERS: dict[str, _Offer] = {}


def _offer(pair: str) -> _Offer:
    found = lexicon.chinese().words_starting(pair[0])
    entry = found.group("").get(pair[0])
    cost = int(entry[1]) if entry else _UNKNOWN
    words: dict[str, tuple[int, str]] = {}
    if len(pair) > 1:
        words = {word: (int(e[1]), e[2]) for word, e in found.group(pair[1]).items()}
    offer = (
        min(cost, _UNKNOWN),
        cost >= _UNKNOWN,
        entry[2] if entry else "x",
        words,
        max(map(len, words), default=0),
    )
    _OFFERS[pair] = offer
    return offer


@lru_cache(maxsize=1024)
def segment(run: str) -> tuple[tuple[str, str], ...]:
    """The most probable split of a run of Chinese characters, each word with its tag.

    Forward: each position offers the words starting there to the positions they reach. Ties go
    to the unknown single character, then to the word starting first. Cached: titles that
    differ still share most of their phrases (销售额从, 万元增长到)."""
    size = len(run)
    best = [0] + [1 << 30] * size
    back = [0] * (size + 1)
    tags = [""] * (size + 1)
    offers = _OFFERS
    for start in range(size):
        pair = run[start : start + 2]
        single, tie, tag, words, longest = offers.get(pair) or _offer(pair)
        base = best[start]
        cost = base + single
        if cost < best[start + 1] or (tie and cost == best[start + 1]):
            best[start + 1] = cost
            back[start + 1] = start
            tags[start + 1] = tag
        if longest:
            for end in range(start + 2, min(size, start + longest) + 1):
                entry = words.get(run[start:end])
                if entry is not None and base + entry[0] < best[end]:
                    best[end] = base + entry[0]
                    back[end] = start
                    tags[end] = entry[1]
    found = []
    end = size
    while end > 0:
        start = back[end]
        found.append((run[start:end], tags[end]))
        end = start
    found.reverse()
    return tuple(found)


# Code in backticks; a run of letters that are not Latin (Chinese characters, split from other
# scripts below); a number; a Latin word, name or identifier; any other character. (A class of
# the CJK block's characters would cost milliseconds to compile: ``\w`` minus Latin does not.)
_PIECES = Lazy(
    r"`[^`]*`"
    r"|[^\W\d_A-Za-z]+"
    r"|[$¥€£]?\d+(?:[.,]\d+)*(?:\s?%|\s?‰)?"
    # (an identifier's call keeps its ASCII arguments: complete_rate(weekly); a Chinese note in
    # brackets after a word is not part of it: Skill（保存到 …）)
    r"|[A-Za-z][A-Za-z0-9_.+#'-]*(?:\([\x20-\x28\x2a-\x7e]*\))?"
    r"|\S"
)


def _chinese_runs(piece: str) -> list[tuple[str, bool]]:
    """A run of letters split into runs of Chinese characters and single other letters."""
    if min(piece) >= "\u3400" and max(piece) <= "\u9fff":  # (no letter lies between the blocks)
        return [(piece, True)]
    runs: list[tuple[str, bool]] = []
    start = 0
    for index, char in enumerate(piece):
        if not is_cjk(char):
            if start < index:
                runs.append((piece[start:index], True))
            runs.append((char, False))
            start = index + 1
    if start < len(piece):
        runs.append((piece[start:], True))
    return runs


@lru_cache(maxsize=8192)
def _run_tokens(run: str, traditional: bool) -> tuple[Token, ...]:
    """The words of a run of Chinese characters (as written), cached: titles that differ share
    most of their phrases. In a title written in Traditional characters, Taiwan's words are
    read as the mainland's (軟體 as 软件, 使用者 as 用户)."""
    position = 0
    found = []
    taiwan = lexicon.taiwan_words() if traditional else None
    for word, tag in segment(simplified(run)):
        surface = run[position : position + len(word)]
        found.append(Token(taiwan.get(word, word) if taiwan else word, tag, surface))
        position += len(word)
    return tuple(found)


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    found: list[Token] = []
    append = found.append
    traditional = not text.isascii() and simplified(text) != text
    for piece in _PIECES.findall(text):
        first = piece[0]
        if first == "`":
            append(Token(piece, "code", piece))
        elif first.isdigit() or first in "$¥€£":
            append(Token(piece, "m", piece))
        elif first.isascii() and first.isalpha():
            append(Token(piece, "eng", piece))
        elif first.isalpha():
            for run, chinese in _chinese_runs(piece):
                if chinese:
                    found.extend(_run_tokens(run, traditional))
                else:
                    append(Token(run, "x", run))
        else:
            append(Token(piece, "x", piece))
    return tuple(found)
