"""Edit an OKR file in place without disturbing anything else in it.

Edits are made on the file's own text at positions taken from the YAML node tree: a value is
replaced by its new text, new lines are inserted after the last line of the block they join.
Comments, key order, quoting, blank lines, the Markdown body, a byte-order mark and Windows line
endings all stay as they were, byte for byte. Files are written atomically: a crash mid-write
leaves the old file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from okrdocs.frontmatter_split import split
from okrdocs.i18n import _
from okrdocs.yamlcompose import compose
from okrdocs.yamlsource import Verbatim as Verbatim  # where the authoring commands look
from okrdocs.yamlsource import scalar as scalar


class EditError(Exception):
    pass


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def flow_mapping(values: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{scalar(k)}: {scalar(v)}" for k, v in values.items()) + "}"


@dataclass(slots=True)
class Document:
    """A file's text split into lines (keeping their endings), and its front matter's nodes."""

    raw: bytes
    had_bom: bool
    lines: list[str]  # the file's lines after the BOM, with their own line endings
    offset: int  # file lines before the front matter (1: the opening fence)
    root: yaml.MappingNode
    body_line: int

    @classmethod
    def read(cls, path: Path) -> Document:
        return cls.parse(path.read_bytes())

    @classmethod
    def parse(cls, raw: bytes) -> Document:
        parts = split(raw)  # raises SplitError on files that are not OKR files
        text = raw.decode("utf-8")
        had_bom = text.startswith("\ufeff")
        if had_bom:
            text = text[1:]
        root, _restore = compose(parts.front_matter)  # line separators are not line breaks
        if not isinstance(root, yaml.MappingNode):
            raise EditError(_("the front matter is not a mapping of fields"))
        lines = _LINES.findall(text)
        return cls(raw, had_bom, lines, parts.front_matter_offset, root, parts.body_line)

    def newline(self) -> str:
        """The file's own line ending: CRLF, CR (old Mac) or LF."""
        first = self.lines[0] if self.lines else "\n"
        if first.endswith("\r\n"):
            return "\r\n"
        return "\r" if first.endswith("\r") else "\n"

    def index(self, line: int, column: int) -> int:
        """Offset in the text of a 0-based (line, column) of the front matter."""
        file_line = line + self.offset
        return sum(len(text) for text in self.lines[:file_line]) + column

    def end_of_line(self, line: int) -> int:
        """Offset of the line ending of front-matter line ``line`` (0-based)."""
        file_line = line + self.offset
        text = self.lines[file_line]
        content = text.rstrip("\r\n")
        return sum(len(t) for t in self.lines[:file_line]) + len(content)

    def text(self) -> str:
        return "".join(self.lines)


def child(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in mapping.value:
        if key_node.value == key:
            return key_node, value_node
    return None


def last_line(node: yaml.Node) -> int:
    """The 0-based line of the last character that belongs to ``node`` (not what follows it)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        end = node.end_mark
        return end.line if end.column > 0 else end.line - 1
    items = node.value
    if not items:
        return node.start_mark.line
    last = items[-1]
    return last_line(last[1] if isinstance(node, yaml.MappingNode) else last)


@dataclass(slots=True)
class Edit:
    start: int
    end: int
    text: str


def apply(document: Document, edits: list[Edit]) -> bytes:
    text = document.text()
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if document.had_bom else data


def replace_value(document: Document, node: yaml.Node, text: str) -> Edit:
    start = document.index(node.start_mark.line, node.start_mark.column)
    end = document.index(node.end_mark.line, node.end_mark.column)
    return Edit(start, end, text)


def insert_key(
    document: Document, mapping: yaml.MappingNode, key: str, value: str, after: str | None
) -> Edit:
    """A new ``key: value`` in a mapping, after the key ``after`` (else at the mapping's end)."""
    newline = document.newline()
    if getattr(mapping, "flow_style", False):
        end = document.index(mapping.end_mark.line, mapping.end_mark.column) - 1  # before '}'
        separator = ", " if mapping.value else ""
        return Edit(end, end, f"{separator}{key}: {value}")
    pair = child(mapping, after) if after else None
    anchor_key, anchor_value = pair if pair else mapping.value[-1]
    indent = " " * anchor_key.start_mark.column
    position = document.end_of_line(last_line(anchor_value))
    return Edit(position, position, f"{newline}{indent}{key}: {value}")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    from okrdocs.fileio import replace_contents

    replace_contents(path, data)
