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


@lru_cache(maxsize=1024)
def segment(run: str) -> tuple[tuple[str, str], ...]:
    """The most probable split of a run of Chinese characters, each word with its tag.

    Cached: titles that differ still share most of their phrases (销售额从, 万元增长到)."""
    words = lexicon.chinese()
    size = len(run)
    starting = [words.words_starting(char) for char in run]
    # The dictionaries a look-up needs: words of one character, and words sharing the first two
    # characters of the run at each position (so no look-up calls a method).
    alone = [found.group("") for found in starting]
    pairs = [found.group(run[i + 1]) if i + 1 < size else {} for i, found in enumerate(starting)]
    # Forward: each position offers the words starting there to the positions they reach (most
    # characters begin only words of two or three characters). Ties go as in the backward
    # formulation: to the unknown single character, then to the longer word.
    best = [0] + [1 << 30] * size
    back = [0] * (size + 1)
    for start in range(size):
        base = best[start]
        if base + _UNKNOWN <= best[start + 1]:
            best[start + 1] = base + _UNKNOWN
            back[start + 1] = start
        entry = alone[start].get(run[start])
        if entry is not None and base + int(entry[1]) < best[start + 1]:
            best[start + 1] = base + int(entry[1])
            back[start + 1] = start
        pair = pairs[start]
        if not pair:
            continue
        for end in range(start + 2, min(size, start + starting[start].longest) + 1):
            entry = pair.get(run[start:end])
            if entry is not None:
                cost = base + int(entry[1])
                if cost < best[end]:
                    best[end] = cost
                    back[end] = start
    found = []
    end = size
    while end > 0:
        start = back[end]
        word = run[start:end]
        entry = (pairs[start] if end - start > 1 else alone[start]).get(word)
        found.append((word, entry[2] if entry else "x"))
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
    r"|[A-Za-z][A-Za-z0-9_.+#'-]*(?:\([^)]*\))?"
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
def _run_tokens(run: str) -> tuple[Token, ...]:
    """The words of a run of Chinese characters (as written), cached: titles that differ share
    most of their phrases."""
    position = 0
    found = []
    for word, tag in segment(simplified(run)):
        found.append(Token(word, tag, run[position : position + len(word)]))
        position += len(word)
    return tuple(found)


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    found: list[Token] = []
    append = found.append
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
                    found.extend(_run_tokens(run))
                else:
                    append(Token(run, "x", run))
        else:
            append(Token(piece, "x", piece))
    return tuple(found)
