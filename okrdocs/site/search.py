"""The client-side search index, split so that a query downloads only what its words need.

What is searched: objectives (title, id, tags, owner, team, status, period, check-in notes,
Markdown body), key results (title, id, owner, actions, definition, and their objective's title
and tags), people (name, id) and teams (name, id, description, lead); Chinese titles and names
also by their pinyin, in full (``huadong``) and by initials (``hd``), generated here at build
time.

Files, all JavaScript that registers itself (browsers refuse ``fetch`` from ``file://``):

- ``search/manifest.js``: where everything is (small; loaded when the search box gets focus);
- ``search/t-N.js``: the **term shards**. Every term of the index, sorted, cut into shards of
  about ``SHARD_BYTES``: a query loads only the shards that hold its terms (a term's prefix
  range, so one shard per word in practice; Chinese terms start with their character, so a
  character's terms are in one place);
- ``search/d-N.js``: the **documents**, what a result shows, in chunks of whole objectives (an
  objective and its key results together); each chunk stores a string once however often its
  documents repeat it (the objective title a key result shows as context, team and owner
  names, status words). A query loads only the chunks of the results it shows;
- ``search/v-N.js``: the **vocabulary** of Latin words by first letter, loaded only for typo
  tolerance (a word with no match is compared, one edit away, with the words that share its
  first letter).

Terms are made the same way here and in ``okrdocs.js`` (``tokens``): text is normalised
(NFKC, lower case, accents dropped); Latin words and numbers are terms, matched by prefix;
Chinese, Japanese and Korean text becomes overlapping character pairs plus the last character
of each run, so a query of any length matches as a phrase.

Postings are sorted document numbers, delta-encoded, each with the field it matched in (a
result says where it matched), written as base-32 variable-length numbers. Document numbers
follow the ranking: the current period's objectives (each followed by its key results), teams
and people first, then the other periods, newest first; the browser ranks by period group,
then by the fields and exactness of the matches, then by number.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Any

from okrdocs.analysis import Analysis, ObjectiveView
from okrdocs.lazyre import Lazy

SHARD_BYTES = 24_000  # term shard size to aim for
CHUNK_BYTES = 6_000  # document chunk size to aim for
STORED_TEXT = 320  # characters of a long field (the body) kept for showing; all of it is indexed
PINYIN_WINDOW = 4  # characters of pinyin in one term: "huadongzhongxing", "hdzx"
MAX_TERM = 32

# Fields: the code in a posting, and its rank class (0 best). The browser has the same table.
FIELDS = {
    "title": 0,
    "id": 1,
    "tag": 2,
    "owner": 3,
    "team": 4,
    "status": 5,
    "alias": 6,  # a person's or team's id: as good as the name
    "objective": 7,
    "period": 8,
    "action": 9,
    "note": 10,
    "definition": 11,
    "body": 12,
    "description": 13,
}
PINYIN = 16  # added to a field's code when the term is the pinyin of its text

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002ffff"
# (compiled on first use: the CJK classes cost 10 ms, and every build imports this module)
_TOKEN = Lazy(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")
_HAN = Lazy("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_MARKDOWN = Lazy(r"!?\[([^\]]*)\]\([^)]*\)|[#>*_`|~]+|^[ \t]*[-+][ \t]+|<[^>]+>", re.M)

_TERMINAL = "0123456789abcdefghijklmnopqrstuv"
_CONTINUE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@#$%&*"


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """As okrdocs.js ``normalize``: NFKC, lower case, accents dropped."""
    text = unicodedata.normalize("NFKC", text).lower()
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        )
    return text


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """The index terms of ``text`` (as okrdocs.js ``tokens`` in index mode)."""
    found: list[str] = []
    for match in _TOKEN.finditer(normalize(text)):
        run, word = match.group(1), match.group(2)
        if word:
            found.append(word[:MAX_TERM])
        else:
            chars = list(run)
            found.extend(chars[i] + chars[i + 1] for i in range(len(chars) - 1))
            found.append(chars[-1])
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=65536)
def pinyin_terms(text: str) -> tuple[str, ...]:
    """Pinyin terms of the Chinese characters in ``text``: for each character, the toneless
    pinyin of it and the next few, in full and as initials ("huadong…", "hd…")."""
    runs = _HAN.findall(text)
    if not runs:
        return ()
    from okrdocs.text.pinyin import syllables as read  # only for an index with Chinese in it

    found: list[str] = []
    for run in runs:
        syllables = read(run)
        for i in range(len(syllables)):
            window = [s for s in syllables[i : i + PINYIN_WINDOW] if s.isascii() and s.isalpha()]
            if not window:
                continue
            found.append("".join(window)[:MAX_TERM])
            found.append("".join(s[0] for s in window))
    return tuple(dict.fromkeys(found))


def _digits(n: int) -> str:
    out = []
    while n >= 32:
        out.append(_CONTINUE[n & 31])
        n >>= 5
    out.append(_TERMINAL[n])
    return "".join(out)


# Every number below 32,768 written out once (encode looks them up): built by concatenation,
# digit by digit, because computing each with _digits cost 30 ms. Built on first use, not at
# import: every build imports this module, and only the search task needs the table.
@cache
def _small() -> list[str]:
    return (
        list(_TERMINAL)
        + [low + high for high in _TERMINAL[1:] for low in _CONTINUE]
        + [low + mid + high for high in _TERMINAL[1:] for mid in _CONTINUE for low in _CONTINUE]
    )


_32 = itertools.repeat(32)


def encode(numbers: Iterable[int]) -> str:
    """Non-negative integers as base-32 variable-length digits, low digits first."""
    small = _small()
    return "".join(small[n] if n < 32768 else _digits(n) for n in numbers)


def decode(text: str) -> list[int]:
    """The inverse of ``encode`` (tests use it; the browser has its own)."""
    numbers: list[int] = []
    value = shift = 0
    for c in text:
        if c in _TERMINAL:
            numbers.append(value | (_TERMINAL.index(c) << shift))
            value = shift = 0
        else:
            value |= _CONTINUE.index(c) << shift
            shift += 5
    return numbers


def plain(markdown: str) -> str:
    """Markdown as running text: link texts kept, markup dropped, whitespace collapsed."""
    return " ".join(_MARKDOWN.sub(lambda m: m.group(1) or " ", markdown).split())


class Doc:
    """One result: what it shows and the fields it is found by."""

    __slots__ = ("context", "fields", "group", "kind", "stored", "title", "url")

    def __init__(self, kind: str, title: str, url: str, context: str, group: int) -> None:
        self.kind, self.title, self.url, self.context, self.group = kind, title, url, context, group
        self.fields: list[tuple[int, str, bool]] = [(FIELDS["title"], title, True)]
        self.stored: list[tuple[int, str]] = []  # fields a result can show besides the title

    def add(self, field: str, text: str | None, pinyin: bool = False, show: bool = True) -> None:
        if not text:
            return
        code = FIELDS[field]
        self.fields.append((code, text, pinyin))
        if show:
            shown = text if len(text) <= STORED_TEXT else text[:STORED_TEXT] + "…"
            self.stored.append((code, shown))


def documents(data: Analysis, t: Callable[..., str] | None = None) -> list[Doc]:
    """Every result, in ranking order (see the module's docstring)."""
    status_words = _status_words(t)
    team_order = {key: team.order for key, team in data.teams.items()}
    current = data.current
    periods = ([current] if current else []) + [p for p in data.periods if p is not current]
    docs: list[Doc] = []

    def objectives(views: list[ObjectiveView], group: int) -> None:
        ordered = sorted(
            views, key=lambda v: (team_order.get(v.team, 99), v.team or "", v.attention, v.id)
        )
        for view in ordered:
            docs.extend(_objective_docs(data, view, group, status_words))

    for group, period in enumerate(periods):
        objectives(period.objectives, group)
        if group == 0:
            _teams_and_people(data, docs)
    if not periods:
        _teams_and_people(data, docs)
    return docs


def _objective_docs(
    data: Analysis, view: ObjectiveView, group: int, status_words: dict[str, str]
) -> list[Doc]:
    objective = view.objective
    owner = data.person_name(objective.owner)
    team = data.team_name(objective.team)
    context = " · ".join(part for part in (objective.period.key, team, owner) if part)
    doc = Doc("o", objective.objective, view.path, context, group)
    doc.add("id", objective.id)
    _tags(doc, objective.tags)
    doc.add("owner", owner, pinyin=True, show=False)
    if owner != objective.owner:
        doc.add("owner", objective.owner, show=False)
    doc.add("team", team, pinyin=True, show=False)
    if objective.team and team != objective.team:
        doc.add("team", objective.team, show=False)
    doc.add("status", status_words.get(view.status, view.status))
    doc.add("period", objective.period.key, show=False)
    for checkin in sorted(objective.checkins, key=lambda c: c.date, reverse=True):
        doc.add("note", checkin.note)
    doc.add("body", plain(objective.body))
    found = [doc]
    for kr in objective.key_results:
        result = Doc("k", kr.title, f"{view.path}#kr-{kr.id}", objective.objective, group)
        result.add("id", kr.id)
        kr_owner = data.person_name(kr.owner)
        result.add("owner", kr_owner, pinyin=True)
        if kr_owner != kr.owner:
            result.add("owner", kr.owner, show=False)
        _tags(result, objective.tags)
        for action in kr.actions:
            result.add("action", action.title)
        result.add("definition", kr.definition)
        result.add("objective", objective.objective, show=False)
        found.append(result)
    return found


def _tags(doc: Doc, tags: list[str]) -> None:
    """Each tag is indexed; the result shows them all (a pinyin match cannot say which)."""
    for tag in tags:
        doc.add("tag", tag, pinyin=True, show=False)
    if tags:
        doc.stored.append((FIELDS["tag"], " · ".join(tags)))


def _teams_and_people(data: Analysis, docs: list[Doc]) -> None:
    for team in sorted(data.teams.values(), key=lambda t: (t.order, t.name)):
        parent = data.team_name(team.parent) if team.parent else ""
        doc = Doc("t", team.name, team.path, parent, 0)
        if team.name != team.key:
            doc.add("alias", team.key)
        doc.add("description", team.description)
        lead = data.person_name(team.lead) if team.lead else ""
        doc.add("owner", lead, pinyin=True)
        docs.append(doc)
    for person in sorted(data.people.values(), key=lambda p: (p.name, p.key)):
        doc = Doc("p", person.name, person.path, data.team_name(person.team), 0)
        if person.name != person.key:
            doc.add("alias", person.key)
        docs.append(doc)


def _status_words(t: Callable[..., str] | None) -> dict[str, str]:
    """Each status in the site's language, in English and in Chinese whatever the language
    (people type 落后 or off track)."""
    from okrdocs import progress as p
    from okrdocs.display import LABELS, status_words
    from okrdocs.i18n import catalogue

    chinese = catalogue("zh-CN")
    found = {}
    for status in p.SEVERITY:
        label = LABELS.get(status, status)
        words = [t(status) if t else label, label, status_words(status), chinese.get(label, "")]
        unique = {w.lower(): w for w in reversed(words) if w}  # the first spelling of each
        found[status] = " · ".join(reversed(unique.values()))
    return found


# -- the files -----------------------------------------------------------------------------------


def files(data: Analysis, t: Callable[..., str] | None = None) -> dict[str, str]:
    """Output path -> content of the manifest, the term shards, the chunks and the
    vocabulary."""
    return build(documents(data, t))


def postings(docs: list[Doc]) -> dict[str, list[int]]:
    """term -> [document number, field code, document number, field code, ...], by number,
    with the best field of each document."""
    index: dict[str, list[int]] = {}
    rank = _RANK
    for number, doc in enumerate(docs):
        for code, text, pinyin in doc.fields:
            for tagged, terms in (
                (code, tokens(text)),
                (code | PINYIN, pinyin_terms(text) if pinyin or code == 0 else ()),
            ):
                for term in terms:
                    found = index.get(term)
                    if found is None:
                        index[term] = [number, tagged]
                    elif found[-2] != number:
                        found += (number, tagged)
                    elif rank[tagged] < rank[found[-1]]:
                        found[-1] = tagged
    return index


_CLASS = (0, 1, 1, 1, 1, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2)
_RANK = [_CLASS[code & 15] + (1 if code & PINYIN else 0) for code in range(32)]


def build(docs: list[Doc]) -> dict[str, str]:
    out: dict[str, str] = {}
    index = postings(docs)

    # Term shards: contiguous ranges of the sorted terms.
    starts: list[str] = []
    shard: list[str] = []  # term, postings, term, postings, ... (an array: no key is special)
    size = 0

    def flush() -> None:
        nonlocal shard, size
        if shard:
            out[f"search/t-{len(starts) - 1}.js"] = _call("terms", len(starts) - 1, shard)
        shard, size = [], 0

    for term in sorted(index, key=_utf16):
        found = index[term]
        numbers = found[:]
        previous = 0
        for i in range(0, len(found), 2):
            numbers[i] = found[i] - previous
            previous = found[i]
        encoded = encode(map(operator.add, map(operator.mul, numbers[::2], _32), numbers[1::2]))
        if not starts or (size + len(encoded) + len(term) > SHARD_BYTES and shard):
            flush()
            starts.append(term)
        shard += [term, encoded]
        size += len(encoded) + len(term.encode("utf-8")) + 6
    flush()

    # Document chunks: whole objectives (an objective and its key results), strings once.
    chunk_starts = _chunks(docs, out)

    # Typo tolerance: Latin words by first letter.
    vocabulary: dict[str, list[str]] = {}
    for term in index:
        first = term[0]
        if (
            len(term) >= 3
            and first.isascii()
            and term.isalpha()  # words, not ids with numbers (o01234) or pinyin alone
            and not _is_pinyin_only(index[term])
        ):
            vocabulary.setdefault(first, []).append(term)
    letters = sorted(vocabulary)
    for number, letter in enumerate(letters):
        out[f"search/v-{number}.js"] = _call("vocabulary", number, sorted(vocabulary[letter]))

    # Period groups: [first document number, group] whenever the group changes.
    groups: list[list[int]] = []
    for number, doc in enumerate(docs):
        if not groups or groups[-1][1] != doc.group:
            groups.append([number, doc.group])
    manifest = {
        "version": 1,
        "count": len(docs),
        "terms": starts,
        "docs": encode(b - a for a, b in itertools.pairwise([0, *chunk_starts])),
        "groups": groups,
        "vocabulary": "".join(letters),
    }
    out["search/manifest.js"] = f"OKRDOCS_SEARCH.manifest({_json(manifest)});\n"
    return out


def _chunks(docs: list[Doc], out: dict[str, str]) -> list[int]:
    """Writes the document chunks into ``out``; returns each chunk's first document number."""
    starts: list[int] = []
    number = 0
    while number < len(docs):
        starts.append(number)
        strings: dict[str, int] = {}
        records: list[list[Any]] = []
        size = 0
        while number < len(docs):
            doc = docs[number]
            if records and doc.kind != "k" and size >= CHUNK_BYTES:
                break
            record: list[Any] = [doc.kind, 0, doc.url, 0]
            texts = [doc.title, doc.context]
            for code, text in doc.stored:
                record += [code, 0]
                texts.append(text)
            for at, text in zip((1, 3, *range(5, len(record), 2)), texts, strict=True):
                if text not in strings:
                    strings[text] = len(strings)
                    size += len(text.encode("utf-8")) + 3
                record[at] = strings[text]
            records.append(record)
            size += len(doc.url) + 8 + 4 * len(doc.stored)
            number += 1
        name = len(starts) - 1
        out[f"search/d-{name}.js"] = (
            f"OKRDOCS_SEARCH.docs({name},{_json(list(strings))},{_json(records)});\n"
        )
    return starts


def _utf16(term: str) -> bytes:
    """The order of JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be")


def _is_pinyin_only(found: list[int]) -> bool:
    return all(code & PINYIN for code in found[1::2])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _call(name: str, number: int, value: Any) -> str:
    return f"OKRDOCS_SEARCH.{name}({number},{_json(value)});\n"
