"""The libyaml path of okrdocs.yamlsource: compose the node tree, build values from it.

okrdocs.simpleyaml reads plain block YAML (almost every OKR file) without libyaml; this module
reads everything else (anchors, tags, block scalars, errors) and finds positions a simple read
cannot (a list's or mapping's span). It is imported only when one of those is needed, so that a
pre-commit run over plain files never pays for importing PyYAML (about 15 ms).
"""

from __future__ import annotations

import operator
import re
from typing import Any

import yaml

try:  # libyaml is ~8x faster than the pure-Python parser; both give the same nodes.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from okrdocs.diagnostics import Span
from okrdocs.i18n import N_, _
from okrdocs.lazyre import Lazy
from okrdocs.yamlsource import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    MAP_TAG,
    MAX_DEPTH,
    MAX_NODES,
    NULL_TAG,
    PLAIN_TAG,
    SEQ_TAG,
    STR_TAG,
    TEXT,
    TIMESTAMP_TAG,
    NumberError,
    ParsedYaml,
    SourceMap,
    TextShape,
    YamlError,
    checked_number,
    escape_pointer_token,
    plain_value,
)


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


def node_span(node: yaml.Node, line_offset: int) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(
        start.line + 1 + line_offset, start.column + 1, end.line + 1 + line_offset, end.column + 1
    )


_TOO_DEEP = N_(
    "the YAML nests too deeply or expands to too many values (recursive or repeated aliases); "
    "write the values out instead of using anchors"
)


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
        span = node_span(node, self.line_offset)
        return YamlError(message, span.line, span.column)

    def build(self, node: yaml.Node, shape: TextShape, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise self.error(_(_TOO_DEEP), node)
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
    N_("did not find expected ',' or ']'"),
    N_("did not find expected ',' or '}'"),
    N_("did not find expected key"),
    N_("did not find expected '-' indicator"),
    N_("did not find expected node content"),
    N_("found unexpected ':'"),
    N_("expected ',' or ']', but got '<stream end>'"),
    N_("expected ',' or '}', but got '<stream end>'"),
    N_("while parsing a block collection"),
    N_("while parsing a block node"),
    N_("while parsing a flow node"),
)


# A field name followed by a full-width colon (a Chinese input method's ：), which YAML reads as
# part of a plain value: the error libyaml finds is on a later line and does not name it.
_KEY_FULL_WIDTH = Lazy(r"^[ \t]*(?:- +)?[A-Za-z_][A-Za-z0-9_-]*[ \t]*(：)", re.M)
_FULL_WIDTH_COLON = N_(
    "this field name is followed by a full-width colon '：'; write a half-width ':' after it, "
    "then a space"
)


def _full_width_colon(text: str, error_line: int) -> tuple[int, int] | None:
    """(line, column) of the first field name followed by '：' on or before ``error_line``."""
    if "：" not in text:
        return None
    for match in _KEY_FULL_WIDTH.finditer(text):
        mark = _mark(text, match.start(1))
        return (mark.line + 1, mark.column + 1) if mark.line + 1 <= error_line else None
    return None


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
        message += _(" ({context})", context=_(str(error.context)))
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


# libyaml composes nested collections by recursion in C: about 50,000 levels in a 100 KB file
# overflow the process's stack (a crash, not an exception). okrdocs reads no file nested more
# than MAX_DEPTH levels, so text that could nest far deeper is refused before libyaml sees it.
_NESTING_LIMIT = 1000


class NestsTooDeeply(yaml.MarkedYAMLError):
    """Text that would nest deeper than libyaml can compose."""


def _check_nesting(text: str) -> None:
    """Raise NestsTooDeeply where ``text`` opens more than _NESTING_LIMIT flow collections, or
    block list items on one line, than it has closed. Brackets inside quotes count too: the
    bound is far above any real file's nesting, so counting them costs nothing real."""
    if text.count("[") + text.count("{") > _NESTING_LIMIT:
        depth = 0
        for index, char in enumerate(text):
            if char in "[{":
                depth += 1
                if depth > _NESTING_LIMIT:
                    raise NestsTooDeeply(problem="too deep", problem_mark=_mark(text, index))
            elif char in "]}" and depth:
                depth -= 1
    if text.count("- ") + text.count("? ") > _NESTING_LIMIT:
        offset = 0
        for line in text.split("\n"):
            items = len(line) - len(line.lstrip("-?\t "))
            if items > 2 * _NESTING_LIMIT and line.lstrip()[:2] in ("- ", "? "):
                column = 2 * _NESTING_LIMIT
                raise NestsTooDeeply(problem="too deep", problem_mark=_mark(text, offset + column))
            offset += len(line) + 1


def _mark(text: str, index: int) -> yaml.Mark:
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return yaml.Mark("<text>", index, line, column, text, index)


def compose(text: str) -> tuple[yaml.Node | None, dict[int, int] | None]:
    """The YAML node tree of ``text`` (YAML 1.2 line breaks), and the table that restores line
    separators in scalar values. Raises yaml.YAMLError (NestsTooDeeply for text nested deeper
    than libyaml can compose without crashing)."""
    _check_nesting(text)
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


def parse_composed(text: str, line_offset: int, shape: TextShape) -> ParsedYaml:
    """yamlsource.parse by libyaml: any YAML document. Raises YamlError."""
    try:
        node, restore = compose(text)
    except NestsTooDeeply as error:
        mark = error.problem_mark
        assert mark is not None
        raise YamlError(_(_TOO_DEEP), mark.line + 1 + line_offset, mark.column + 1) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark and "end of stream" in str(error.problem):
            mark = error.context_mark  # an unclosed quote: point at where it opens
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        colon = _full_width_colon(text, line)
        if colon is not None:
            raise YamlError(_(_FULL_WIDTH_COLON), colon[0] + line_offset, colon[1]) from None
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
        pointer = pointer_to(node, mapping) + "/" + escape_pointer_token(key_node.value)
        duplicates.append(
            (pointer, node_span(key_node, line_offset), node_span(first, line_offset))
        )
    bad_numbers = [
        (pointer_to(node, bad), node_span(bad, line_offset), message)
        for bad, message in builder.bad_numbers
    ]
    return ParsedYaml(data, SourceMap(node, line_offset), duplicates, bad_numbers)


def pointer_to(root: yaml.Node, target: yaml.Node, depth: int = 0) -> str:
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
        found = pointer_to(child, target, depth + 1)
        if found:
            return "/" + token + found
    return ""
