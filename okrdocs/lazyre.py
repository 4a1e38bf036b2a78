"""Regular expressions compiled the first time they are used.

Compiling is slow in CPython (the compiler is written in Python): a character class spanning
the CJK block alone takes 2-3 ms, and the language module's patterns took 20 ms, a sixth of a
one-file lint. A ``Lazy`` pattern is compiled on its first use, so a run pays only for the
patterns its text needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any


class Lazy:
    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        return self._compiled or self._compile()

    def _compile(self) -> re.Pattern[str]:
        self._compiled = re.compile(*self._args)
        return self._compiled

    @property
    def pattern(self) -> str:
        return self._args[0]

    # Each method reads the compiled pattern itself: a property call per use costs as much as
    # a short search.
    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return (self._compiled or self._compile()).search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return (self._compiled or self._compile()).match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return (self._compiled or self._compile()).fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return (self._compiled or self._compile()).finditer(text)

    def findall(self, text: str, pos: int = 0) -> list[Any]:
        return (self._compiled or self._compile()).findall(text, pos)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        return (self._compiled or self._compile()).sub(replacement, text)
