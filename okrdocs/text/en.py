"""English verbs: which words can be verbs, in which form, from lemminflect's lexicon.

``verb(word)`` answers "launched" -> ("launch", "past"), "sets" -> ("set", "third"),
"documentation" -> None. The shipped list (``data/en-verbs.txt``) holds the lemmas of the 6,700
verbs lemminflect knows, whether each is also a noun or an adjective, and only the inflections
that the regular rules here do not produce (ran, written, shipped ...).
"""

from __future__ import annotations

from functools import cache

from okrdocs.text import lexicon

_VOWELS = "aeiou"


def _doubles(lemma: str) -> bool:
    """ship -> shipped: one syllable ending consonant-vowel-consonant (not w, x or y)."""
    if len(lemma) < 3 or lemma[-1] in _VOWELS + "wxy" or lemma[-2] not in _VOWELS:
        return False
    if lemma[-3] in _VOWELS:
        return False
    groups = 0
    previous = False  # the character before was a vowel
    for char in lemma:
        vowel = char in _VOWELS or (char == "y" and not previous and groups > 0)
        if vowel and not previous:
            groups += 1
        previous = vowel
    return groups == 1


def regular_forms(lemma: str) -> tuple[str, str, str, str]:
    """(past, past participle, gerund, third person) by the regular spelling rules."""
    if lemma.endswith("e"):
        past = lemma + "d"
        gerund = (
            lemma[:-2] + "ying"
            if lemma.endswith("ie")
            else (lemma + "ing" if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1] + "ing")
        )
        third = lemma + "s"
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        past, gerund, third = lemma[:-1] + "ied", lemma + "ing", lemma[:-1] + "ies"
    elif _doubles(lemma):
        past, gerund, third = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing", lemma + "s"
    else:
        past, gerund = lemma + "ed", lemma + "ing"
        third = lemma + "es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else lemma + "s"
    return past, past, gerund, third


_FORM_NAMES = ("past", "participle", "gerund", "third")


def forms(lemma: str) -> tuple[str, str, str, str] | None:
    verbs = lexicon.english_verbs()
    if lemma not in verbs.lemmas:
        return None
    return verbs.irregular.get(lemma) or regular_forms(lemma)


@cache
def _irregular_index() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for lemma, irregular in lexicon.english_verbs().irregular.items():
        for name, form in zip(_FORM_NAMES, irregular, strict=True):
            index.setdefault(form, (lemma, name))
    return index


def _candidates(word: str) -> list[str]:
    found = [word]
    for suffix, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("ying", ("ie", "y")),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            for replacement in replacements:
                found.append(stem + replacement)
            if suffix in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2]:
                found.append(stem[:-1])  # shipped -> ship
    return found


@cache
def verb(word: str) -> tuple[str, str] | None:
    """(lemma, form) when ``word`` (lower case) can be a verb; form is base, past, participle,
    gerund or third. A past form that is also the participle is reported as "past"."""
    verbs = lexicon.english_verbs().lemmas
    if word in verbs:
        return word, "base"
    irregular = _irregular_index().get(word)
    if irregular:
        return irregular
    for lemma in _candidates(word):
        if lemma not in verbs:
            continue
        if lemma == word:
            return lemma, "base"
        spelled = forms(lemma)
        if spelled and word in spelled:
            return lemma, _FORM_NAMES[spelled.index(word)]
    return _derived(word)


# Verbs the lexicon lacks but their shape makes: a verb of five letters or more behind a prefix
# of doing again, undoing or bringing in or out (refactor, rebuild, onboard, offboard), and
# words made verbs with -ize (containerize, productize, operationalize).
_VERB_PREFIXES = ("re", "de", "on", "off")


def _derived(word: str) -> tuple[str, str] | None:
    for prefix in _VERB_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 4:
            reading = verb(word[len(prefix) :])
            if reading and len(reading[0]) >= 5 and reading[1] != "participle":
                return prefix + reading[0], reading[1]
    for lemma in _candidates(word):
        if lemma.endswith("ize") and len(lemma) >= 7:
            if lemma == word:
                return lemma, "base"
            spelled = regular_forms(lemma)
            if word in spelled:
                return lemma, _FORM_NAMES[spelled.index(word)]
    return None


def also_noun(lemma: str) -> bool:
    return lemma in lexicon.english_verbs().nouns


def also_adjective(lemma: str) -> bool:
    return lemma in lexicon.english_verbs().adjectives


# Nouns of action and their verbs: migration -> migrate, documentation -> document, definition
# -> define, deployment -> deploy, delivery -> deliver, closure -> close.
_NOMINAL_SUFFIXES = (
    ("ation", ("ate", "", "e")),
    ("ition", ("e", "")),
    ("tion", ("te", "t", "")),
    ("sion", ("d", "de", "se")),
    ("ment", ("",)),
    ("ery", ("er",)),
    ("ure", ("e",)),
)


@cache
def nominal_verb(word: str) -> str | None:
    """The verb a noun of action is made from (``word`` in lower case), or None."""
    verbs = lexicon.english_verbs().lemmas
    for suffix, endings in _NOMINAL_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            for ending in endings:
                if stem + ending in verbs and stem + ending not in _NOT_NOMINALS:
                    return stem + ending
    return None


# Nouns the suffixes would misread: station is not the action of stating.
_NOT_NOMINALS = frozenset(["state", "batter", "nate"])
