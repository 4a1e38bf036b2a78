"""Parse YAML into plain Python values plus the source position of every value and key.

Why not ``yaml.safe_load``: it forgets positions, silently keeps the last of two duplicate keys,
and follows YAML 1.1, where ``no`` is ``False``, ``010`` is 8 and ``1:20`` is 80. Plain block YAML
(nearly every OKR file) is read by okrdocs.simpleyaml; anything else is composed into a node tree
by libyaml (okrdocs.yamlcompose, imported only then). Both build the values with YAML 1.2 core
rules:

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
import re
import unicodedata
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from okrdocs.diagnostics import Span
from okrdocs.i18n import N_, _

if TYPE_CHECKING:
    import yaml

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
            import yaml

            from okrdocs.yamlcompose import compose

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
        import yaml  # a tree was composed: PyYAML is loaded

        from okrdocs.yamlcompose import node_span

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
        return None if target is None else node_span(target, self._line_offset)

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
        import yaml

        from okrdocs.yamlcompose import node_span

        kept = self._kept
        kept[("", False)] = node_span(root, self._line_offset)
        top = {p[1:]: p for p in pointers if p.count("/") == 1 and "~" not in p}
        if isinstance(root, yaml.MappingNode):
            # One pass over the top-level keys instead of a look-up per pointer: this runs
            # for every file.
            for key_node, value_node in root.value:
                pointer = top.get(key_node.value)
                if pointer is not None and (pointer, False) not in kept:  # first one wins
                    kept[(pointer, True)] = node_span(key_node, self._line_offset)
                    kept[(pointer, False)] = node_span(value_node, self._line_offset)
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
    from okrdocs.yamlcompose import parse_composed

    return parse_composed(text, line_offset, shape)


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
    if (
        text
        and "\n" not in text
        and "\r" not in text
        and _SAFE_PLAIN.match(text)
        and text == text.strip()
        and _reads_as_text(text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _reads_as_text(text: str) -> bool:
    """Whether ``text`` written plain reads back as this text (not a number, a date...)."""
    try:
        return bool(plain_value(text, False) == text)
    except NumberError:  # reads as a number okrdocs refuses (1E100): it must be quoted
        return False
