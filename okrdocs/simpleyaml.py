"""A fast reader for the simple block YAML that OKR files are written in.

libyaml parses quickly, but PyYAML hands every node to Python as an object (with a Python
``__init__`` and a resolver call): about 230 µs for the 50-line front matter of a typical file,
two thirds of a 10,000-file build's YAML time. Most front matter uses a small part of YAML:
``key: value`` lines, ``- `` list items, one-line quoted or plain scalars and one-line flow
collections of scalars. This module reads exactly that part into the values
``yamlsource.parse`` builds: one regular expression splits every line into its indentation,
list dash, key and value (in C), and a short loop builds the values.

Anything else (anchors, tags, block scalars, multi-line scalars, escapes, tabs, unusual
indentation, duplicate keys, a number okrdocs refuses...) makes it decline by returning None,
and libyaml reads the text as before. Declining is always safe, so the rules here only need to
be right for what they accept; tests/test_simpleyaml.py compares the two readers with
hypothesis and on every OKR file of the tests.

Positions: the spans of the top-level fields that cross-file checks point at are recorded while
reading; a position a finding asks for later is found by walking the lines again (``locate``),
or, for a list or a mapping, by composing the text with libyaml.
"""

from __future__ import annotations

import re
from typing import Any

from okrdocs.diagnostics import Span
from okrdocs.lazyre import Lazy
from okrdocs.yamlsource import (
    _SPECIAL_START,
    MAX_DEPTH,
    MAX_NODES,
    TEXT,
    NumberError,
    TextShape,
    plain_value,
    unescape_pointer_token,
)

# Characters libyaml refuses or reads specially anywhere in a line: control characters (tabs
# are legal in values, but not worth the rules they need here), the line separators okrdocs
# swaps out (see yamlcompose._stand_ins), a byte order mark, non-characters.
_REFUSED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")

# Every line, as (indentation, list dash, key, spaces after the key's colon, the rest). A key
# is a word, as OKR fields and key result ids are written, followed by ": " or an end of line.
_LINE = re.compile(r"^( *)(- +)?(?:(\w[\w.\-]*):( +|$))?(.*)$", re.MULTILINE)

# What a plain scalar may not start with here: YAML indicators ("-", "?" and ":" whatever
# follows them), quotes and flow collections (read by their own rules).
_NOT_PLAIN = frozenset("-?:,[]{}#&*!|>'\"%@`")

# ASCII first characters of a plain scalar that can only be text (see yamlsource.plain_value):
# not an indicator, and not what may start a null, a boolean or a number.
_TEXT_START = frozenset(
    chr(code) for code in range(0x21, 0x7F) if chr(code) not in _NOT_PLAIN | _SPECIAL_START
)
# Where the schema expects text, numbers stay text too (dates, periods, "007").
_TEXT_FIELD_START = _TEXT_START | frozenset("0123456789.+")

# Quoted values and flow collections are rare: compiled on first use (a one-file lint, which
# pre-commit runs, would pay half a millisecond for them).
_DOUBLE = Lazy(r'"([^"\\]*)"')
_SINGLE = Lazy(r"'([^']*)'")
# One item of a one-line flow collection: a quoted or plain scalar with no flow indicators.
_ITEM = r"""("[^"\\,\[\]{}]*"|'[^',\[\]{}]*'|[^\s,\[\]{}#:'"\-?!&*|>%@`][^,\[\]{}#:]*?)"""
_FLOW_ITEM = Lazy(rf" *{_ITEM} *")
_FLOW_PAIR = Lazy(rf" *(\w[\w.\-]*): +{_ITEM} *")

Line = tuple[str, str, str, str, str]

# The other values most front matter holds, each read without the general rules (a shortcut
# only: what these refuse is read as usual). A number under 10**15 (within MAX_NUMBER) as the
# core schema reads it: confidence: 0.6, baseline: 3200; a date (due: 2026-06-30), which is
# neither, so text; a quoted string with no escape and nothing after it (unit: "%").
_WHOLE_OR_DECIMAL = re.compile(r"([0-9]{1,15})(\.[0-9]{1,15})?").fullmatch
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch
_QUOTED = re.compile(r'"([^"\\]*)"').fullmatch
_UNCOMMON = object()


def _common(rest: str, shape: TextShape) -> Any:
    """The value of ``rest`` if it is one of the common kinds above, else _UNCOMMON."""
    first = rest[0]
    if first == '"':
        match = _QUOTED(rest)
        return _UNCOMMON if match is None else match.group(1)
    if not ("0" <= first <= "9"):
        return _UNCOMMON
    if shape != TEXT:
        number = _WHOLE_OR_DECIMAL(rest)
        if number is not None:
            return float(rest) if number.group(2) else int(rest)
    return rest if _DATE_LIKE(rest) else _UNCOMMON


class _Decline(Exception):
    """The text uses YAML that this reader leaves to libyaml."""


def _blank(line: Line) -> bool:
    """An empty or comment-only line."""
    rest = line[4]
    return not line[1] and not line[2] and (not rest or rest[0] == "#")


def _plain(rest: str, shape: TextShape) -> Any:
    """A one-line plain scalar, typed as yamlsource types it."""
    comment = rest.find(" #")
    text = (rest if comment < 0 else rest[:comment]).rstrip(" ")
    if ": " in text or text[-1] == ":":
        raise _Decline  # a mapping on one line, or invalid YAML
    try:
        return plain_value(text, shape == TEXT)
    except NumberError:
        raise _Decline from None  # yamlsource reports it where it is


def _extent(rest: str) -> int:
    """How many characters of ``rest`` a one-line value takes (its span's length)."""
    first = rest[0]
    if first == '"' or first == "'":
        match = (_DOUBLE if first == '"' else _SINGLE).match(rest)
        return match.end() if match else 0
    if first == "{" or first == "[":
        return rest.find("}" if first == "{" else "]") + 1
    comment = rest.find(" #")
    return len((rest if comment < 0 else rest[:comment]).rstrip(" "))


class _Reader:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.count = len(lines)
        self.top_rows: dict[str, int] = {}  # top-level key -> its line's index

    def inline(self, rest: str, shape: TextShape) -> Any:
        """The value written as ``rest`` (from its first character to the end of the line)."""
        first = rest[0]
        if first not in _NOT_PLAIN:
            return _plain(rest, shape)
        if first == '"' or first == "'":
            match = (_DOUBLE if first == '"' else _SINGLE).match(rest)
            if match is None:
                raise _Decline  # escapes, doubled quotes, or a string over several lines
            after = rest[match.end() :]
            if after and not after.startswith(" #") and after.strip(" "):
                raise _Decline
            return match.group(1)
        if first == "{" or first == "[":
            return self.flow(rest, shape)
        raise _Decline

    def flow(self, rest: str, shape: TextShape) -> Any:
        closing = "}" if rest[0] == "{" else "]"
        end = rest.find(closing)
        if end < 0:
            raise _Decline  # a collection over several lines, or nested ones
        after = rest[end + 1 :]
        if after and not after.startswith(" #") and after.strip(" "):
            raise _Decline
        inner = rest[1:end]
        if not inner.strip(" "):
            return {} if closing == "}" else []
        parts = inner.split(",")
        self.count += len(parts)
        if closing == "]":
            item_shape = shape[0] if shape.__class__ is list else None
            items = []
            for part in parts:
                match = _FLOW_ITEM.fullmatch(part)
                if match is None:
                    raise _Decline
                items.append(_flow_scalar(match.group(1), item_shape))
            return items
        mapping: dict[str, Any] = {}
        is_dict = shape.__class__ is dict
        for part in parts:
            match = _FLOW_PAIR.fullmatch(part)
            if match is None:
                raise _Decline
            key = match.group(1)
            if key in mapping:
                raise _Decline
            child = shape.get(key, shape.get("*")) if is_dict else None
            mapping[key] = _flow_scalar(match.group(2), child)
        return mapping

    def block(self, index: int, shape: TextShape, depth: int) -> tuple[Any, int]:
        """The mapping or list whose first line is ``lines[index]``."""
        if depth > MAX_DEPTH or self.count > MAX_NODES // 2:
            raise _Decline
        line = self.lines[index]
        if line[1]:
            return self.sequence(index, len(line[0]), shape, depth)
        return self.mapping(index, len(line[0]), shape, depth, False)

    def mapping(
        self, index: int, column: int, shape: TextShape, depth: int, started: bool
    ) -> tuple[dict[str, Any], int]:
        """The mapping at ``column`` from ``lines[index]``; ``started``: that line is a list
        item whose first key starts the mapping ("- key: value")."""
        lines = self.lines
        count = len(lines)
        result: dict[str, Any] = {}
        is_dict = shape.__class__ is dict
        default = shape.get("*") if is_dict else None
        while index < count:
            line = lines[index]
            indent, dash, key, _spaces, rest = line
            if started:
                started = False
            else:
                if not dash and not key and (not rest or rest[0] == "#"):
                    index += 1
                    continue
                if len(indent) != column:
                    if len(indent) > column:
                        raise _Decline  # a continuation line, or indentation libyaml refuses
                    break
                if dash:
                    raise _Decline
            if not key or key in result:
                raise _Decline  # not "key: value", or a duplicate key (yamlsource reports it)
            child = shape.get(key, default) if is_dict else None
            if not column:
                self.top_rows[key] = index
            index += 1
            if rest and rest[0] != "#":
                start = rest[0]
                if (
                    (
                        start in (_TEXT_FIELD_START if child == TEXT else _TEXT_START)
                        or "\u4e00" <= start <= "\u9fff"  # a CJK ideograph
                    )
                    and " #" not in rest
                    and ": " not in rest
                ):
                    # The common case, inlined: a one-line value that can only be text.
                    text = rest.rstrip(" ")
                    if text[-1] != ":":
                        result[key] = text
                        continue
                else:
                    value = _common(rest, child)
                    if value is not _UNCOMMON:
                        result[key] = value
                        continue
                result[key] = self.inline(rest, child)
                continue
            following = index
            while following < count and _blank(lines[following]):
                following += 1
            if following < count:
                below = lines[following]
                width = len(below[0])
                if width > column or (width == column and below[1]):
                    result[key], index = self.block(following, child, depth + 1)
                    continue
            result[key] = None  # "key:" with nothing below: null, as libyaml reads it
        return result, index

    def sequence(
        self, index: int, column: int, shape: TextShape, depth: int
    ) -> tuple[list[Any], int]:
        lines = self.lines
        count = len(lines)
        item_shape = shape[0] if shape.__class__ is list else None
        items: list[Any] = []
        while index < count:
            indent, dash, key, _spaces, rest = lines[index]
            if not dash and not key and (not rest or rest[0] == "#"):
                index += 1
                continue
            if len(indent) != column:
                if len(indent) > column:
                    raise _Decline
                break
            if not dash:
                break  # the next key of the mapping this list is the value of
            if key:
                value, index = self.mapping(index, column + len(dash), item_shape, depth + 1, True)
            elif not rest or rest[0] == "#":
                raise _Decline  # the item is on the lines below
            else:
                value = self.inline(rest, item_shape)
                index += 1
            items.append(value)
        return items, index


def _flow_scalar(text: str, shape: TextShape) -> Any:
    if text[0] == '"' or text[0] == "'":
        return text[1:-1]
    value = _common(text, shape)
    if value is not _UNCOMMON:
        return value
    try:
        return plain_value(text, shape == TEXT)
    except NumberError:
        raise _Decline from None


def read(text: str, line_offset: int, shape: TextShape, kept: tuple[str, ...]) -> Any:
    """``(data, spans)`` for simple YAML, or None for anything this reader leaves to libyaml.

    ``data`` is a mapping, as ``yamlsource.parse`` builds it; ``spans`` holds what
    ``SourceMap.freeze(kept)`` keeps: the document's span and those of the ``kept`` pointers,
    which must all be top-level fields.
    """
    if _REFUSED.search(text):
        return None
    lines: list[Line] = _LINE.findall(text)
    first = 0
    while first < len(lines) and _blank(lines[first]):
        first += 1
    # Empty, a list at the top (yamlsource words the problem), or an indented document (whose
    # span libyaml ends where the indentation drops). Document markers and directives have no
    # key: they decline wherever they are.
    if first == len(lines) or lines[first][0] or lines[first][1] or not lines[first][2]:
        return None
    reader = _Reader(lines)
    try:
        data, end = reader.mapping(first, 0, shape, 0, False)
    except _Decline:
        return None
    if end != len(lines):  # pragma: no cover - the top mapping reads to the end or declines
        return None
    _remember(text, lines)
    breaks = len(lines) - 1
    end_line = breaks if text.endswith("\n") else breaks + 1
    spans = {("", False): Span(first + 1 + line_offset, 1, end_line + 1 + line_offset, 1)}
    wanted = {pointer[1:]: pointer for pointer in kept if pointer[1:] in data}
    if wanted:
        try:
            _top_level_spans(lines, reader.top_rows, line_offset, wanted, spans)
        except Unlocated:  # a list or mapping where a kept field expects text: rare
            return None
    return data, spans


def _top_level_spans(
    lines: list[Line],
    rows: dict[str, int],
    line_offset: int,
    wanted: dict[str, str],
    spans: dict[Any, Span],
) -> None:
    """The key and value spans of the ``wanted`` top-level keys (key -> pointer), from the
    lines the top-level mapping read them on (``rows``): what ``_find`` gives for each, without
    a walk from the top per key (a dozen per file, for every file loaded)."""
    count = len(lines)
    for key, pointer in wanted.items():
        index = rows[key]
        _indent, _dash, _key, spaces, rest = lines[index]
        row = index + 1 + line_offset
        spans[(pointer, True)] = Span(row, 1, row, len(key) + 1)
        if rest and rest[0] != "#":
            at = len(key) + 1 + len(spaces)
            spans[(pointer, False)] = Span(row, at + 1, row, at + _extent(rest) + 1)
            continue
        following = index + 1
        while following < count and _blank(lines[following]):
            following += 1
        if following < count and (lines[following][0] or lines[following][1]):
            raise Unlocated  # a block below the key
        spans[(pointer, False)] = Span(row, len(key) + 2, row, len(key) + 2)


class Unlocated(Exception):
    """A position this module does not work out (a list or mapping's): libyaml finds it."""


def locate(text: str, line_offset: int, pointer: str, want_key: bool) -> Span | None:
    """The span of ``pointer``'s value (or key) in ``text``, which ``read`` accepted; None when
    the pointer is not there (or names a list item's key, which has none). Raises Unlocated for
    the spans of lists and mappings.

    Findings point at scalars: this walks the lines ``read`` split instead of composing the
    whole text with libyaml (200 µs a file, when thousands of files each have a finding)."""
    if not pointer:
        raise Unlocated
    tokens = [unescape_pointer_token(token) for token in pointer[1:].split("/")]
    return _find(_split(text), line_offset, tokens, want_key)


# The text last read or located, its lines, and their indentations (None until a position is
# asked for). A file's findings are located right after it is read, one after the other, each
# walking up to its closest existing ancestor: they split it once, or not at all.
_last: tuple[str, list[Line], list[int] | None] = ("", [], None)


def _remember(text: str, lines: list[Line]) -> None:
    global _last
    _last = (text, lines, None)


def _split(text: str) -> tuple[list[Line], list[int]]:
    """The lines of ``text``, with each line's indentation (-1 for a blank or comment-only
    line, which every walk skips). Read only."""
    global _last
    last_text, lines, widths = _last
    if last_text is not text and last_text != text:
        lines, widths = _LINE.findall(text), None
    if widths is None:
        widths = [
            len(line[0]) if line[1] or line[2] or (line[4] and line[4][0] != "#") else -1
            for line in lines
        ]
        _last = (text, lines, widths)
    return lines, widths


def _find(
    split: tuple[list[Line], list[int]], line_offset: int, tokens: list[str], want_key: bool
) -> Span | None:
    """``locate`` over the split lines, with the pointer as its unescaped tokens."""
    lines, widths = split
    count = len(lines)
    index = 0
    while index < count and widths[index] < 0:
        index += 1
    column, is_list, started = 0, False, False
    for depth, token in enumerate(tokens):
        last = depth == len(tokens) - 1
        found = (
            _list_item(lines, widths, index, column, token)
            if is_list
            else _mapping_entry(lines, widths, index, column, started, token)
        )
        if found is None:
            return None
        index, key_column = found
        _indent, _dash, key, spaces, rest = lines[index]
        row = index + 1 + line_offset
        if is_list:
            value_column = key_column
            if key:  # "- key: value": the item is a mapping
                if last:
                    if want_key:
                        return None
                    raise Unlocated
                column, is_list, started = key_column, False, True
                continue
            if want_key and last:
                return None
        else:
            if last and want_key:
                return Span(row, key_column + 1, row, key_column + len(key) + 1)
            value_column = key_column + len(key) + 1 + len(spaces)
        if rest and rest[0] != "#":
            if not last:
                raise Unlocated  # inside a flow collection
            return Span(row, value_column + 1, row, value_column + _extent(rest) + 1)
        following = index + 1
        while following < count and widths[following] < 0:
            following += 1
        width = widths[following] if following < count else -1
        if width > key_column or (width == key_column and lines[following][1]):
            if last:
                raise Unlocated
            index, column, is_list, started = following, width, bool(lines[following][1]), False
            continue
        if not last:
            return None  # a null has nothing inside
        at = key_column + len(key) + 2
        return Span(row, at, row, at)
    return None  # pragma: no cover - the loop returns at the last token


def _mapping_entry(
    lines: list[Line], widths: list[int], index: int, column: int, started: bool, key: str
) -> tuple[int, int] | None:
    """(line, column) of ``key`` in the mapping at ``column`` from ``lines[index]``; with
    ``started``, that line is a list item whose first key is the mapping's first."""
    if started:
        if lines[index][2] == key:
            return index, column
        index += 1
    count = len(lines)
    while index < count:
        width = widths[index]
        if width == column:
            line = lines[index]
            if not line[1] and line[2] == key:  # a dash: a list inside the entry above
                return index, column
        elif 0 <= width < column:
            return None
        index += 1
    return None


def _list_item(
    lines: list[Line], widths: list[int], index: int, column: int, token: str
) -> tuple[int, int] | None:
    """(line, column of its content) of item ``token`` of the list at ``column``."""
    if not token.isdigit():
        return None
    wanted, seen = int(token), -1
    count = len(lines)
    while index < count:
        width = widths[index]
        if width == column:
            dash = lines[index][1]
            if not dash:
                return None
            seen += 1
            if seen == wanted:
                return index, column + len(dash)
        elif 0 <= width < column:
            return None
        index += 1
    return None
