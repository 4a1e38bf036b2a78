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

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from okrdocs.text import lexicon

_UNKNOWN = 24  # the cost of a character the dictionary does not know


@dataclass(frozen=True, slots=True)
class Token:
    word: str  # simplified
    tag: str
    surface: str  # as written


def simplified(text: str) -> str:
    return text.translate(lexicon.traditional_to_simplified())


def segment(run: str) -> list[tuple[str, str]]:
    """The most probable split of a run of Chinese characters, each word with its tag."""
    words, longest = lexicon.chinese()
    size = len(run)
    best = [0] * (size + 1)
    back = [0] * (size + 1)
    for end in range(1, size + 1):
        choice = best[end - 1] + _UNKNOWN
        start_of = end - 1
        for start in range(max(0, end - longest), end):
            entry = words.get(run[start:end])
            if entry is not None:
                cost = best[start] + entry[0]
                if cost < choice:
                    choice, start_of = cost, start
        best[end] = choice
        back[end] = start_of
    found = []
    end = size
    while end > 0:
        start = back[end]
        word = run[start:end]
        entry = words.get(word)
        found.append((word, entry[1] if entry else "x"))
        end = start
    found.reverse()
    return found


_PIECES = re.compile(
    r"`[^`]*`"  # code
    r"|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"  # Chinese
    r"|[$¥€£]?\d+(?:[.,]\d+)*(?:\s?%|\s?‰)?"  # numbers
    r"|[A-Za-z][A-Za-z0-9_.+#'-]*(?:\([^)]*\))?"  # Latin words, names, identifiers
    r"|\S"
)


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    text = unicodedata.normalize("NFKC", text)
    found: list[Token] = []
    for match in _PIECES.finditer(text):
        piece = match.group(0)
        first = piece[0]
        if first == "`":
            found.append(Token(piece, "code", piece))
        elif first >= "\u3400":
            if not ("\u3400" <= first <= "\u9fff" or "\uf900" <= first <= "\ufaff"):
                found.append(Token(piece, "x", piece))
                continue
            plain = simplified(piece)
            position = 0
            for word, tag in segment(plain):
                surface = piece[position : position + len(word)]
                position += len(word)
                found.append(Token(word, tag, surface))
        elif first.isdigit() or first in "$¥€£":
            found.append(Token(piece, "m", piece))
        elif first.isalpha():
            found.append(Token(piece, "eng", piece))
        else:
            found.append(Token(piece, "x", piece))
    return tuple(found)
