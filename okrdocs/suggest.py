"""Did-you-mean suggestions that stay cheap when thousands of names are misspelled.

``difflib.get_close_matches`` compares a name with every known name; a project that renamed
its company objective, or a roster of 2,000 people, would pay that once per finding. A
``Suggester`` answers each distinct name once, and past a few dozen known names it compares
only the few candidates that share the most character trigrams with it.
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter
from collections.abc import Collection, Iterable

CUTOFF = 0.6
_SMALL = 64  # below this many known names, compare with all of them
_CANDIDATES = 3


def closest(name: str, known: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """The known name most like ``name``, or None when none is close enough."""
    found = difflib.get_close_matches(name, list(known), n=1, cutoff=cutoff)
    return found[0] if found else None


def _grams(text: str) -> set[str]:
    """Character trigrams, padded so that short names and their ends count too."""
    padded = f"\0\0{text.lower()}\0"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class Suggester:
    """Closest known names for many unknown ones, each answered once."""

    def __init__(self, known: Iterable[str], cutoff: float = CUTOFF) -> None:
        self.known = sorted(set(known))
        self.cutoff = cutoff
        self._answers: dict[str, str | None] = {}
        self._index: dict[str, list[int]] | None = None
        self._sizes: list[int] = []

    def _candidates(self, name: str) -> list[str]:
        if len(self.known) <= _SMALL:
            return self.known
        if self._index is None:
            index: dict[str, list[int]] = {}
            sizes = []
            for position, known in enumerate(self.known):
                grams = _grams(known)
                sizes.append(len(grams))
                for gram in grams:
                    index.setdefault(gram, []).append(position)
            self._index, self._sizes = index, sizes
        grams = _grams(name)
        hits: Counter[int] = Counter()
        for gram in grams:
            hits.update(self._index.get(gram, ()))
        # Rank by the share of trigrams in common (Dice), then let difflib judge the best few.
        size = len(grams)
        # A close name shares at least a third of the trigrams; most names share one or two.
        floor = max(2, size // 3)
        close = [item for item in hits.items() if item[1] >= floor]
        sizes = self._sizes
        best = heapq.nlargest(
            _CANDIDATES, close, key=lambda item: item[1] / (size + sizes[item[0]])
        )
        return [self.known[position] for position, _score in best]

    def closest(self, name: str) -> str | None:
        if name in self._answers:
            return self._answers[name]
        answer = closest(name, self._candidates(name), self.cutoff) if self.known else None
        self._answers[name] = answer
        return answer

    def hint(self, name: str) -> str:
        """'; did you mean 'x'?' or ''."""
        from okrdocs.i18n import _

        match = self.closest(name)
        return _("; did you mean '{name}'?", name=match) if match else ""


# Suggesters for the collections of known names a process checks every file against (the
# roster), by the collection's identity: the collection is kept with its suggester, so its id
# cannot be reused by another object while the entry lives.
_SHARED: dict[int, tuple[Collection[str], Suggester]] = {}


def shared(known: Collection[str]) -> Suggester:
    """The Suggester of ``known`` (say the configuration's ``[people]``), built on the first
    unknown name and reused for every file checked in this process: each distinct misspelling
    is answered once, whatever the number of files naming it."""
    entry = _SHARED.get(id(known))
    if entry is None or entry[0] is not known:
        if len(_SHARED) >= 8:
            _SHARED.clear()
        entry = _SHARED[id(known)] = (known, Suggester(known))
    return entry[1]
