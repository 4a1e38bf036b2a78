"""Parse YAML into plain Python values plus the source position of every value and key.

Why not ``yaml.safe_load``: it forgets positions, silently keeps the last of two duplicate keys,
and follows YAML 1.1, where ``no`` is ``False``, ``010`` is 8 and ``1:20`` is 80. okrdocs composes
the node tree with libyaml (fast) and builds the values itself with YAML 1.2 core rules:

- booleans are only ``true`` / ``false`` (any case form YAML 1.2 allows); ``yes``, ``no``, ``on``
  and ``off`` stay text;
- integers are decimal (``010`` is ten), ``0x`` hex or ``0o`` octal; ``1_000`` is a thousand;
- ``.inf`` and ``.nan`` stay text (they are never a sensible OKR number);
- dates and times stay text (``2026-01-31``); the schema checks them and the model parses them;
- a number written where the schema expects text (``owner: 007``, ``period: 2026``) keeps the
  exact characters the author typed.
"""

from __future__ import annotations

import json
import operator
import re
import unicodedata
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is ~8x faster than the pure-Python parser; both give the same nodes.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from okrdocs.diagnostics import Span
from okrdocs.i18n import N_, _

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
PLAIN_TAG = "!okrdocs/plain"  # an untagged, unquoted scalar: typed by plain_value() below

# Limits that stop alias bombs ("billion laughs") and self-referencing aliases.
MAX_NODES = 50_000
MAX_DEPTH = 64

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+(?:_[0-9]+)*|0x[0-9a-fA-F]+|0o[0-7]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:_[0-9]+)*(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NUMBER_START = frozenset("-+0123456789.")
_SPECIAL_START = _NUMBER_START | frozenset("~nNtTfF")  # what may start a null, bool or number


class ComposeLoader(_BaseLoader):
    """libyaml's parser and composer; plain scalars are left for ``plain_value`` to type.

    PyYAML's resolver tries a list of YAML 1.1 regexes per scalar in Python; marking plain
    scalars and typing them in one pass is both YAML 1.2 and faster.
    """

    # The composer calls these two for every node; PyYAML's versions only serve path
    # resolvers, which okrdocs does not use. C builtins of the same arity are the cheapest no-ops.
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]  # (parent, index)
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]  # ()

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return PLAIN_TAG if implicit[0] else STR_TAG
        return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG


# Numbers okrdocs works with: finite, at most 10^15 in size (every whole number up to it is
# exact as a float). Anything else is refused where it is written, so that no command
# downstream ever meets an infinity, a NaN or an integer too large for a float.
MAX_NUMBER = 10**15


class NumberError(ValueError):
    """A number okrdocs cannot work with; the message says why and what to write."""


def checked_number(value: int | float, text: str) -> int | float:
    """``value`` if it is a usable number, else NumberError."""
    if value != value:  # NaN
        raise NumberError(_("{text} is not a number; write a value such as 850", text=_shown(text)))
    if value > MAX_NUMBER or value < -MAX_NUMBER:
        raise NumberError(_("{text} is out of range: ", text=_shown(text)) + _(_RANGE_HINT))
    return value


def _shown(text: str) -> str:
    return repr(text if len(text) <= 24 else text[:20] + "…")


def plain_value(text: str, textual: bool) -> Any:
    """Type an unquoted scalar by the YAML 1.2 core schema (numbers stay text where ``textual``).

    Raises NumberError for a number okrdocs cannot work with (see MAX_NUMBER).
    """
    if not text or text in _NULLS:
        return None
    first = text[0]
    if first not in _SPECIAL_START:  # the common case: words
        if not textual and not first.isascii():
            # Full-width digits (８５０, as Chinese input methods type them) are numbers too.
            normalized = unicodedata.normalize("NFKC", text)
            if normalized != text and normalized[0] in _NUMBER_START:
                return plain_value(normalized, textual)
        return text
    boolean = _BOOLS.get(text)
    if boolean is not None:
        return boolean
    if textual or first not in _NUMBER_START:
        return text
    if _INT.fullmatch(text):
        if len(text) > 40:  # far beyond MAX_NUMBER, and int() refuses 4,300 digits
            raise NumberError(
                _("{text} has {n:,} digits: ", text=_shown(text), n=len(text)) + _(_RANGE_HINT)
            )
        if text.startswith("0x"):
            return checked_number(int(text[2:], 16), text)
        if text.startswith("0o"):
            return checked_number(int(text[2:], 8), text)
        return checked_number(int(text.replace("_", "")), text)
    if _FLOAT.fullmatch(text) and text not in (".", "-", "+"):
        return checked_number(float(text.replace("_", "")), text)
    return text


_RANGE_HINT = N_(
    "okrdocs works with numbers between -10^15 and 10^15; write it in a larger unit (万, 亿, M, B)"
)


class YamlError(Exception):
    """A problem in the YAML text, with its position (1-based) in the file."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_of(path: list[str | int] | tuple[str | int, ...]) -> str:
    return "".join("/" + escape_pointer_token(str(part)) for part in path)


def _node_span(node: yaml.Node, line_offset: int) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(
        start.line + 1 + line_offset, start.column + 1, end.line + 1 + line_offset, end.column + 1
    )


# Spans kept when a source map is frozen or sent to another process.
KEPT_POINTERS = ("/id", "/parent", "/owner", "/team", "/period", "/objective", "/type")


class SourceMap:
    """Positions of values and mapping keys, by JSON pointer ("" is the document root).

    Positions are found on demand by walking the YAML node tree, so files without problems pay
    nothing for them. ``freeze`` keeps a few spans and drops the tree (to send a model to another
    process or keep thousands in memory); later look-ups fall back to the closest kept ancestor.
    """

    __slots__ = ("_kept", "_line_offset", "_root", "_text")

    def __init__(
        self,
        root: yaml.Node | None = None,
        line_offset: int = 0,
        text: str | None = None,
        kept: dict[tuple[str, bool], Span] | None = None,
    ) -> None:
        self._root = root
        self._line_offset = line_offset
        # Text read by okrdocs.simpleyaml: ``kept`` holds the spans ``freeze(KEPT_POINTERS)``
        # keeps; other positions are found from its lines (simpleyaml.locate), and only a
        # list's or mapping's composes the node tree.
        self._text = text
        self._kept: dict[tuple[str, bool], Span] = kept if kept is not None else {}

    def _tree(self) -> yaml.Node | None:
        if self._root is None and self._text is not None:
            with suppress(yaml.YAMLError):  # simpleyaml reads only what libyaml reads
                self._root = compose(self._text)[0]
            self._text = None
        return self._root

    def _find(self, pointer: str, want_key: bool) -> Span | None:
        if self._root is None and self._text is not None:
            from okrdocs import simpleyaml

            try:  # without composing the text: thousands of files may each have a finding
                return simpleyaml.locate(self._text, self._line_offset, pointer, want_key)
            except simpleyaml.Unlocated:
                pass
        node, key_node = self._tree(), None
        if node is None:
            return None
        if pointer:
            for raw in pointer[1:].split("/"):
                token = unescape_pointer_token(raw)
                if isinstance(node, yaml.MappingNode):
                    for candidate_key, candidate_value in node.value:
                        if candidate_key.value == token:
                            key_node, node = candidate_key, candidate_value
                            break
                    else:
                        return None
                elif isinstance(node, yaml.SequenceNode) and token.isdigit():
                    index = int(token)
                    if index >= len(node.value):
                        return None
                    key_node, node = None, node.value[index]
                else:
                    return None
        target = key_node if want_key else node
        return None if target is None else _node_span(target, self._line_offset)

    def value(self, pointer: str) -> Span | None:
        return self._kept.get((pointer, False)) or self._find(pointer, False)

    def key(self, pointer: str) -> Span | None:
        return self._kept.get((pointer, True)) or self._find(pointer, True)

    def locate(self, pointer: str, prefer_key: bool = False) -> Span:
        """The span of ``pointer``, or of its closest ancestor that exists in the file."""
        while True:
            span = (self.key(pointer) if prefer_key else None) or self.value(pointer)
            if span is not None:
                return span
            if not pointer:
                return Span(1, 1, 1, 2)
            pointer = pointer.rsplit("/", 1)[0]

    def freeze(self, pointers: tuple[str, ...]) -> None:
        if self._text is not None and pointers == KEPT_POINTERS:
            self._text = None  # its kept spans were recorded while it was read
            return
        root = self._tree()
        if root is None:
            return
        kept = self._kept
        kept[("", False)] = _node_span(root, self._line_offset)
        top = {p[1:]: p for p in pointers if p.count("/") == 1 and "~" not in p}
        if isinstance(root, yaml.MappingNode):
            # One pass over the top-level keys instead of a look-up per pointer: this runs
            # for every file.
            for key_node, value_node in root.value:
                pointer = top.get(key_node.value)
                if pointer is not None and (pointer, False) not in kept:  # first one wins
                    kept[(pointer, True)] = _node_span(key_node, self._line_offset)
                    kept[(pointer, False)] = _node_span(value_node, self._line_offset)
        for pointer in pointers:
            if pointer[1:] not in top:  # deeper pointers, if a caller ever passes one
                for want_key in (False, True):
                    span = self._find(pointer, want_key)
                    if span is not None:
                        kept[(pointer, want_key)] = span
        self._root = None

    def __getstate__(self) -> tuple[Any, ...]:
        # Sent to another process: keep what cross-file checks point at, not the whole tree.
        if self._root is not None or self._text is not None:
            self.freeze(KEPT_POINTERS)
        return (None, self._line_offset, self._kept)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self._root, self._line_offset, self._kept = state
        self._text = None


# A "text shape" tells the builder where the schema expects text, so that ``owner: 007`` keeps
# its characters instead of becoming the number 7. It mirrors the schema: a dict for an object
# ("*" for any key), a one-element list for an array, TEXT for a string field.
TEXT = "text"
TextShape = Any


@dataclass(slots=True)
class ParsedYaml:
    data: Any
    source_map: SourceMap
    # Keys that appeared twice in one mapping: (pointer of the duplicate, its span, first span).
    duplicates: list[tuple[str, Span, Span]] = field(default_factory=list)
    # Numbers okrdocs cannot work with: (pointer, span, what is wrong); each was read as 0.
    bad_numbers: list[tuple[str, Span, str]] = field(default_factory=list)


class _Builder:
    def __init__(self, line_offset: int, restore: dict[int, int] | None = None) -> None:
        self.line_offset = line_offset
        self.restore = restore
        self.duplicate_keys: list[tuple[yaml.MappingNode, yaml.ScalarNode]] = []
        self.bad_numbers: list[tuple[yaml.Node, str]] = []
        self.count = 0

    def plain(self, node: yaml.Node, textual: bool) -> Any:
        text = node.value if self.restore is None else node.value.translate(self.restore)
        try:
            return plain_value(text, textual)
        except NumberError as error:
            self.bad_numbers.append((node, str(error)))
            return 1  # the file is reported as invalid; 1 passes every range, so no echo

    def error(self, message: str, node: yaml.Node) -> YamlError:
        span = _node_span(node, self.line_offset)
        return YamlError(message, span.line, span.column)

    def build(self, node: yaml.Node, shape: TextShape, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise self.error(
                _(
                    "the YAML nests too deeply or expands to too many values (recursive or "
                    "repeated aliases); write the values out instead of using anchors"
                ),
                node,
            )
        cls = node.__class__
        if cls is yaml.ScalarNode:
            tag = node.tag
            if tag == PLAIN_TAG:
                return self.plain(node, shape == TEXT)
            if tag in (STR_TAG, TIMESTAMP_TAG):
                return node.value if self.restore is None else node.value.translate(self.restore)
            assert isinstance(node, yaml.ScalarNode)
            return self.tagged(node)
        if cls is yaml.SequenceNode:
            if node.tag != SEQ_TAG:
                raise self.error(_(_UNSUPPORTED_TAG, tag=repr(node.tag)), node)
            item_shape = shape[0] if shape.__class__ is list else None
            return [self.build(child, item_shape, depth + 1) for child in node.value]
        if node.tag != MAP_TAG:
            raise self.error(_(_UNSUPPORTED_TAG, tag=repr(node.tag)), node)
        assert isinstance(node, yaml.MappingNode)
        result: dict[str, Any] = {}
        is_dict = shape.__class__ is dict
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                raise self.error(
                    _("a mapping key must be plain text, not a list or mapping"), key_node
                )
            key = key_node.value  # keys are text whatever they look like (2026: ... stays "2026")
            if self.restore is not None:
                key = key.translate(self.restore)
            if key in result:
                self.duplicate_keys.append((node, key_node))
                continue
            child_shape = shape.get(key, shape.get("*")) if is_dict else None
            # Most values are plain scalars: type them here rather than in a recursive call.
            if value_node.__class__ is yaml.ScalarNode and value_node.tag == PLAIN_TAG:
                self.count += 1
                result[key] = self.plain(value_node, child_shape == TEXT)
            else:
                result[key] = self.build(value_node, child_shape, depth + 1)
        return result

    def tagged(self, node: yaml.ScalarNode) -> Any:
        """A scalar with an explicit standard tag, such as ``!!int "5"`` or ``!!str 5``."""
        tag, text = node.tag, node.value
        try:
            if tag == INT_TAG:
                value = plain_value(text, False)
                if isinstance(value, int) and not isinstance(value, bool):
                    return value
                raise ValueError(text)
            if tag == FLOAT_TAG:
                return checked_number(float(text.replace("_", "")), text)
            if tag == BOOL_TAG and text.lower() in ("true", "false"):
                return text.lower() == "true"
            if tag == NULL_TAG:
                return None
        except NumberError as error:
            self.bad_numbers.append((node, str(error)))
            return 1
        except ValueError:
            raise self.error(
                _("{text!r} is not a valid {kind}", text=text, kind=tag.rsplit(":", 1)[-1]), node
            ) from None
        raise self.error(_(_UNSUPPORTED_TAG, tag=repr(tag)), node)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


_UNSUPPORTED_TAG = N_("unsupported YAML tag {tag}; remove the tag")

# What the YAML parser says most often, so that it can be said in the user's language; other
# problems are shown as the parser words them.
_PARSER_PROBLEMS = (
    N_("mapping values are not allowed here"),
    N_("mapping values are not allowed in this context"),
    N_("found character that cannot start any token"),
    N_("found a tab character where an indentation space is expected"),
    N_("found a tab character that violates indentation"),
    N_("could not find expected ':'"),
    N_("found undefined alias"),
    N_("found duplicate anchor; first occurrence"),
    N_("found unexpected end of stream"),
    N_("expected <block end>, but found '<block sequence start>'"),
    N_("expected <block end>, but found '-'"),
    N_("while parsing a block mapping"),
    N_("while scanning a simple key"),
    N_("while scanning a quoted scalar"),
    N_("while parsing a flow mapping"),
    N_("while parsing a flow sequence"),
)


def _describe(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = str(error.problem or error.context or "invalid YAML")
    message = _("invalid YAML: {problem}", problem=_(problem))
    mark = error.problem_mark
    char = _char_at(text, mark.line, mark.column) if mark else ""
    if char == "\t" or "'\\t'" in problem:
        return message + _("; YAML does not allow tabs for indentation: indent with spaces")
    if "cannot start any token" in problem and char:
        return message + _(
            '; a value starting with {char!r} must be in quotes, such as unit: "%"', char=char
        )
    if "mapping values are not allowed" in problem:
        return message + _(
            "; if the value contains ': ', put the whole value in quotes; if this line "
            "starts a new field, indent it like the fields above it"
        )
    if "did not find expected key" in problem:
        return _(
            "invalid YAML: this line is indented differently from the fields above it; fields "
            "of one group start at the same column: check the spaces at the start of the line"
        )
    if "did not find expected '-' indicator" in problem:
        return _(
            "invalid YAML: this line breaks the list above it; a list item starts with '- ' at "
            "the same column as the items before it, and a field of an item lines up with the "
            "field after the item's '- '"
        )
    if "end of stream" in problem and "quoted" in str(error.context):
        return _("invalid YAML: this quoted value is never closed; add the closing quote")
    if "could not find expected ':'" in problem:
        return message + _("; each field is written as name: value")
    if error.context and error.problem:
        message += f" ({_(str(error.context))})"
    return message


# YAML 1.1 parsers (libyaml) read NEL, LS and PS as line breaks; YAML 1.2, which okrdocs
# follows, does not, and neither do editors, git or okrdocs' own line numbers. They are swapped
# for private-use characters while the YAML is composed (one for one, so no position moves),
# and swapped back in every value.
_SEPARATORS = "\x85\u2028\u2029"


def _stand_ins(text: str) -> tuple[str, dict[int, int] | None]:
    """``text`` with line separators swapped for unused private-use characters, and the table
    that restores them (None when there were none)."""
    if not any(separator in text for separator in _SEPARATORS):
        return text, None
    free = (chr(code) for code in range(0xF8F0, 0xF900) if chr(code) not in text)
    swap = {ord(separator): ord(next(free)) for separator in _SEPARATORS}
    return text.translate(swap), {stand_in: original for original, stand_in in swap.items()}


def compose(text: str) -> tuple[yaml.Node | None, dict[int, int] | None]:
    """The YAML node tree of ``text`` (YAML 1.2 line breaks), and the table that restores line
    separators in scalar values. Raises yaml.YAMLError."""
    safe, restore = _stand_ins(text)
    loader = ComposeLoader(safe)
    try:
        return loader.get_single_node(), restore
    finally:
        loader.dispose()


def _control_character(error: yaml.YAMLError, text: str, line_offset: int) -> YamlError | None:
    """A control character the YAML reader refuses, reported where it is, on one line."""
    position = getattr(error, "position", None)
    character = getattr(error, "character", None)
    encoded = text.encode("utf-8")
    if not isinstance(position, int) or not 0 <= position < len(encoded):
        return None
    # libyaml reads the text as UTF-8: its position counts bytes, not characters.
    before = encoded[:position].decode("utf-8", "ignore")
    if isinstance(character, int):
        code = character
    elif isinstance(character, str) and character:
        code = ord(character)
    else:
        code = ord(text[len(before)])
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return YamlError(
        _(
            "the control character U+{code:04X} is not allowed in YAML; delete it (such "
            "characters often come in with text pasted from another program)",
            code=code,
        ),
        line + line_offset,
        column,
    )


def parse(
    text: str, line_offset: int = 0, shape: TextShape = None, simple: bool = True
) -> ParsedYaml:
    """Parse one YAML document. Raises YamlError with a 1-based position in the file.

    ``line_offset`` is the number of file lines before ``text`` (front matter starts on line 2).
    ``simple``: let okrdocs.simpleyaml read plain block YAML (the same values, faster); the
    tests turn it off to compare the two.
    """
    if simple:
        from okrdocs import simpleyaml  # it builds on this module

        read = simpleyaml.read(text, line_offset, shape, KEPT_POINTERS)
        if read is not None:
            data, kept = read
            return ParsedYaml(data, SourceMap(None, line_offset, text, kept))
    try:
        node, restore = compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in str(error.problem):
            mark = error.context_mark  # an unclosed quote: point at where it opens
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlError(_describe(error, text), line + line_offset, column) from None
    except yaml.YAMLError as error:  # a control character the reader rejects
        located = _control_character(error, text, line_offset)
        first_line = str(error).split("\n", 1)[0]
        raise (located or YamlError(f"invalid YAML: {first_line}", 1 + line_offset, 1)) from None
    if node is None:
        return ParsedYaml(None, SourceMap(None, line_offset))
    builder = _Builder(line_offset, restore)
    data = builder.build(node, shape, 0)
    duplicates = []
    for mapping, key_node in builder.duplicate_keys:
        first = next(k for k, _value in mapping.value if k.value == key_node.value)
        pointer = _pointer_to(node, mapping) + "/" + escape_pointer_token(key_node.value)
        duplicates.append(
            (pointer, _node_span(key_node, line_offset), _node_span(first, line_offset))
        )
    bad_numbers = [
        (_pointer_to(node, bad), _node_span(bad, line_offset), message)
        for bad, message in builder.bad_numbers
    ]
    return ParsedYaml(data, SourceMap(node, line_offset), duplicates, bad_numbers)


def _pointer_to(root: yaml.Node, target: yaml.Node, depth: int = 0) -> str:
    """The JSON pointer of ``target`` under ``root`` (found by identity), or "" if absent."""
    if root is target or depth > MAX_DEPTH:
        return ""
    children: list[tuple[str, yaml.Node]] = []
    if isinstance(root, yaml.MappingNode):
        children = [(escape_pointer_token(k.value), v) for k, v in root.value]
    elif isinstance(root, yaml.SequenceNode):
        children = [(str(i), v) for i, v in enumerate(root.value)]
    for token, child in children:
        if child is target:
            return "/" + token
        found = _pointer_to(child, target, depth + 1)
        if found:
            return "/" + token + found
    return ""


# -- writing scalars ---------------------------------------------------------------------------

_SAFE_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*$")


class Verbatim(str):
    """A scalar's text exactly as it is to be written (a number as the user typed it)."""


def scalar(value: Any) -> str:
    """A YAML scalar that reads back as exactly ``value`` (the editors of okrdocs.authoring
    and the fixes of okrdocs.fixes write values with it)."""
    if isinstance(value, Verbatim):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value)
    if text and _SAFE_PLAIN.match(text) and text == text.strip() and _reads_as_text(text):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _reads_as_text(text: str) -> bool:
    """Whether ``text`` written plain reads back as this text (not a number, a date...)."""
    try:
        return bool(plain_value(text, False) == text)
    except NumberError:  # reads as a number okrdocs refuses (1E100): it must be quoted
        return False
