"""Toneless pinyin of Chinese text, for the site's search: typing "xiaoshou" finds 销售.

The table (data/zh-pinyin.txt, derived from pypinyin's dictionaries by
tools/build_language_data.py) holds each character's first reading and the words whose reading
differs from their characters' (银行 yin hang, 行长 hang zhang). Words are found by forward
longest match, as pypinyin does; loading the table takes about 15 ms, where importing pypinyin
took 250 ms of every build with a Chinese title in it.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

WORDS_MARK = "%words"


class PinyinTable:
    def __init__(self, text: str) -> None:
        self.characters: dict[str, str] = {}
        self.words: dict[str, tuple[str, ...]] = {}
        self.longest = 1
        in_words = False
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            if line == WORDS_MARK:
                in_words = True
                continue
            key, _tab, value = line.partition("\t")
            if in_words:
                self.words[key] = tuple(value.split(" "))
                self.longest = max(self.longest, len(key))
            else:
                self.characters.update(dict.fromkeys(value, key))

    def syllables(self, run: str) -> list[str]:
        """The reading of each character of ``run``: '' where a character has none."""
        readings: list[str] = []
        start, end = 0, len(run)
        while start < end:
            for length in range(min(self.longest, end - start), 1, -1):
                word = self.words.get(run[start : start + length])
                if word is not None:
                    readings.extend(word)
                    start += length
                    break
            else:
                readings.append(self.characters.get(run[start], ""))
                start += 1
        return readings


@cache
def table() -> PinyinTable:
    data = files("okrdocs.text") / "data" / "zh-pinyin.txt"
    return PinyinTable(data.read_text(encoding="utf-8"))


def syllables(run: str) -> list[str]:
    """The toneless pinyin of each character of ``run`` ('' where a character has none)."""
    return table().syllables(run)
