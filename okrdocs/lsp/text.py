"""Positions in a document as the Language Server Protocol counts them.

LSP lines end at ``\\n``, ``\\r\\n`` or ``\\r`` (not at U+2028 and its kin, which Python's
``splitlines`` would split on), and columns count code units of the negotiated encoding:
UTF-16 unless the client offers another. okrdocs counts columns in characters, 1-based, with
the same line breaks, so a diagnostic's span converts line by line.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from okrdocs.diagnostics import Span

_BREAK = re.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return len(text)
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class LineIndex:
    """Converts between offsets in a text, (line, character) positions of the client's
    encoding, and okrdocs spans."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [match.end() for match in _BREAK.finditer(text)]

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line(self, number: int) -> str:
        """Line ``number`` (0-based) without its line ending; "" past the end."""
        if not 0 <= number < len(self.starts):
            return ""
        start = self.starts[number]
        end = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def column(self, line: int, units: int) -> int:
        """The character index on ``line`` of a column counted in client units."""
        text = self.line(line)
        if self.encoding == "utf-32":
            return min(units, len(text))
        count = 0
        for index, char in enumerate(text):
            if count >= units:
                return index
            count += _units(char, self.encoding)
        return len(text)

    def units(self, line: int, column: int) -> int:
        """A character index on ``line`` in client units."""
        return _units(self.line(line)[:column], self.encoding)

    def offset(self, line: int, units: int) -> int:
        """The offset in the text of a client position (clamped to the text)."""
        if line >= len(self.starts):
            return len(self.text)
        if line < 0:
            return 0
        return self.starts[line] + self.column(line, units)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, client units) of an offset in the text."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, self.units(line, offset - self.starts[line])

    def span(self, span: Span) -> tuple[tuple[int, int], tuple[int, int]]:
        """Start and end (line, client units) of an okrdocs span (1-based, in characters); a
        span that ends before it starts, or past its line, is kept on the text."""
        start_line = max(span.line - 1, 0)
        end_line = max(span.end_line - 1, start_line)
        start_column = min(max(span.column - 1, 0), len(self.line(start_line)))
        end_column = min(max(span.end_column - 1, 0), len(self.line(end_line)))
        if (end_line, end_column) <= (start_line, start_column):
            # An empty or reversed span (a point past the end of a line): mark one character,
            # or the line's end, so that editors still show it.
            end_line = start_line
            end_column = min(start_column + 1, len(self.line(start_line)))
        start = (start_line, self.units(start_line, start_column))
        end = (end_line, self.units(end_line, end_column))
        return start, end


class Document:
    """An open document: its URI, its file, its current text and positions in it."""

    def __init__(self, uri: str, path: Path, text: str, encoding: str = "utf-16") -> None:
        self.uri = uri
        self.path = path
        self.text = text
        self.index = LineIndex(text, encoding)
        self.lines = [self.index.line(number) for number in range(self.index.line_count)]

    def character(self, line: int, units: int) -> int:
        """A client column on ``line`` as a character index."""
        return self.index.column(line, units)
