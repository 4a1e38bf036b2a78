"""A forgiving outline of an OKR file's front matter, read line by line.

Completion and hover happen while the YAML is half typed (``owner:`` with nothing after it, a
list item with no key yet, an unclosed quote): a YAML parser gives up on such text. This
reader goes by indentation and list dashes, as a person does, and says for each line which
mapping or list item it belongs to (``key_results/1/actions/0``) and which key it holds. It is
used only to find where the cursor is; the findings come from the real loader.

What it does not follow: multi-line plain scalars whose lines look like ``key: value`` (block
scalars, ``|`` and ``>``, are skipped properly) and flow collections spread over lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Path = tuple[str | int, ...]

_FENCE = re.compile(r"-{3,}[ \t]*")
_CLOSING = re.compile(r"(?:-{3,}|\.\.\.)[ \t]*")
_KEY = re.compile(
    r"""(?P<key>"[^"]*"|'[^']*'|[^\s:#'"\-?][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?=\s|$)"""
)
_ITEM_START = re.compile(r"^\s*(?:-(?:\s+|$))*")  # indentation and list dashes
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")


@dataclass(slots=True)
class Line:
    """One line of the front matter: where it sits and the key it holds, if any."""

    number: int  # 0-based line of the document
    parent: Path  # the mapping (or list item) the key belongs to
    key: str | None = None
    key_start: int = 0  # columns, in characters
    key_end: int = 0
    value: str = ""  # the text after "key:", without a trailing comment
    value_start: int = 0
    item: Path | None = None  # the list item this line starts ("- "), if any


@dataclass(slots=True)
class _Frame:
    column: int
    kind: str  # "key" or "item"
    name: str | int
    items: int = 0  # list items seen under a key


@dataclass(slots=True)
class Outline:
    """The front matter's lines (``first``..``last``, 0-based, between the fences)."""

    lines: list[Line] = field(default_factory=list)
    first: int = -1
    last: int = -1

    @property
    def found(self) -> bool:
        return self.first >= 0

    def contains(self, line: int) -> bool:
        return self.found and self.first <= line <= self.last

    def at(self, number: int) -> Line | None:
        for line in self.lines:
            if line.number == number:
                return line
        return None

    def keys_of(self, parent: Path) -> dict[str, Line]:
        """The keys a mapping has, by name (the first of each)."""
        found: dict[str, Line] = {}
        for line in self.lines:
            if line.key is not None and line.parent == parent:
                found.setdefault(line.key, line)
        return found

    def value(self, parent: Path, key: str) -> str | None:
        line = self.keys_of(parent).get(key)
        return unquote(line.value) if line is not None else None

    def items(self, parent: Path) -> list[Line]:
        """The lines that start the items of the list at ``parent``, in order."""
        return [
            line
            for line in self.lines
            if line.item is not None and line.item[:-1] == parent and line.parent[:-1] == parent
        ]

    def end_of(self, path: Path) -> int:
        """The last line (0-based) that belongs to ``path``."""
        last = None
        for line in self.lines:
            if line.parent[: len(path)] == path or line.item == path:
                last = line.number
        return last if last is not None else self.last


def unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def _strip_comment(text: str) -> str:
    """The line without a trailing ``# comment`` (a '#' after a space, outside quotes)."""
    quote = None
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"" and (index == 0 or text[index - 1] in " \t:[{,-"):
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return text[:index].rstrip()
    return text.rstrip()


class _Reader:
    def __init__(self) -> None:
        self.frames: list[_Frame] = []

    def path(self) -> Path:
        return tuple(frame.name for frame in self.frames)

    def dash(self, column: int) -> Path:
        """A list item starts at ``column``: close what it ends, open the item."""
        while self.frames and (
            self.frames[-1].column > column
            or (self.frames[-1].column == column and self.frames[-1].kind == "item")
        ):
            self.frames.pop()
        parent = self.frames[-1] if self.frames else None
        index = 0
        if parent is not None:
            index = parent.items
            parent.items += 1
        self.frames.append(_Frame(column, "item", index))
        return self.path()

    def key(self, column: int, name: str) -> Path:
        """A key at ``column``: close what it ends; returns the mapping it belongs to."""
        while self.frames and self.frames[-1].column >= column:
            self.frames.pop()
        parent = self.path()
        self.frames.append(_Frame(column, "key", name))
        return parent

    def read(self, number: int, text: str) -> Line | None:
        """Read one line; None for a blank or comment line."""
        content = _strip_comment(text)
        if not content.strip():
            return None
        column = len(content) - len(content.lstrip(" \t"))
        item = None
        while content[column : column + 1] == "-" and content[column + 1 : column + 2] in (" ", ""):
            item = self.dash(column)
            column += 1
            while content[column : column + 1] == " ":
                column += 1
        match = _KEY.match(content, column)
        if match is None:
            if item is None:
                # A bare word at some indentation (a key being typed): it closes deeper levels.
                while self.frames and self.frames[-1].column >= column:
                    self.frames.pop()
            return Line(number, self.path(), item=item)
        name = unquote(match["key"])
        parent = self.key(column, name)
        value_start = match.end() + 1 if match.end() < len(content) else match.end()
        value = content[match.end() :].strip()
        return Line(number, parent, name, column, match.end() - 1, value, value_start, item)


def _scan(lines: list[str], stop: int | None = None) -> tuple[Outline, _Reader, int | None]:
    """Read the front matter's lines up to ``stop`` (excluded; None: to the closing fence).
    Returns the outline, the reader's state after the last line, and the key column of the
    block scalar (``|``, ``>``) the next line may belong to."""
    outline = Outline()
    reader = _Reader()
    block_column: int | None = None  # inside a block scalar: lines indented deeper than this
    if not lines or not _FENCE.fullmatch(lines[0]):
        return outline, reader, None
    outline.first = 1
    outline.last = len(lines) - 1
    for number in range(1, len(lines) if stop is None else min(stop, len(lines))):
        text = lines[number]
        if _CLOSING.fullmatch(text):
            outline.last = number - 1
            break
        if block_column is not None:
            indent = len(text) - len(text.lstrip(" "))
            if not text.strip() or indent > block_column:
                continue
            block_column = None
        line = reader.read(number, text)
        if line is None:
            continue
        outline.lines.append(line)
        if line.key is not None and _BLOCK_SCALAR.match(line.value):
            block_column = line.key_start
    return outline, reader, block_column


def read(lines: list[str]) -> Outline:
    """The outline of a document given as its lines (without line endings)."""
    return _scan(lines)[0]


@dataclass(slots=True)
class Cursor:
    """Where the cursor is: at a key (``kind`` "key") of the mapping ``path``, or in the value
    (``kind`` "value") of the key ``key`` of ``path``; ``prefix`` is what is typed so far and
    ``start`` the column where it starts."""

    kind: str
    path: Path
    key: str | None
    prefix: str
    start: int
    in_flow: bool = False  # inside { } on the line (check-in values)
    flow_keys: tuple[str, ...] = ()  # the keys written inside those { }


def cursor(lines: list[str], line: int, column: int) -> Cursor | None:
    """The cursor's context at ``line`` and ``column`` (characters), or None outside the
    front matter and inside a block of text."""
    if not read(lines).contains(line):
        return None
    _outline, reader, block_column = _scan(lines, line)
    before = lines[line][:column]
    if block_column is not None:
        indent = len(before) - len(before.lstrip(" "))
        if indent > block_column:
            return None
    here = reader.read(line, before)
    if here is None:
        # An empty line (or only spaces): a key of the mapping its indentation belongs to.
        indent = len(before) - len(before.lstrip(" "))
        while reader.frames and reader.frames[-1].column >= indent:
            reader.frames.pop()
        return Cursor("key", reader.path(), None, "", column)
    if here.key is None:
        # A key being typed, after the indentation or a list item's "- ".
        typed = _ITEM_START.sub("", before).strip()
        return Cursor("key", here.parent, None, typed, column - len(typed))
    value = before[here.value_start :] if len(before) > here.key_end + 1 else ""
    flow = _flow(value)
    if flow is not None:
        kind, inner_key, typed = flow
        written = lines[line][here.value_start :]
        keys = tuple(unquote(k) for k in re.findall(r"""([\w.'"-]+)\s*:""", written))
        return Cursor(
            kind, (*here.parent, here.key), inner_key, typed, column - len(typed), True, keys
        )
    typed = value.lstrip()
    if typed[:1] in ("'", '"'):
        typed = typed[1:]
    return Cursor("value", here.parent, here.key, typed, column - len(typed))


def _flow(value: str) -> tuple[str, str | None, str] | None:
    """In an unclosed ``{`` of a value: ("key", None, typed) or ("value", key, typed)."""
    depth, start = 0, -1
    for index, char in enumerate(value):
        if char == "{":
            depth += 1
            start = index
        elif char == "}":
            depth -= 1
    if depth <= 0 or start < 0:
        return None
    segment = re.split(r"[{,]", value[start:])[-1]
    if ":" in segment:
        key, typed = segment.split(":", 1)
        return "value", unquote(key), typed.lstrip()
    return "key", None, segment.lstrip()
