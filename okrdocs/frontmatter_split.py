"""Read a Markdown file and split its YAML front matter from the body, keeping line numbers.

This follows python-frontmatter's convention (a first line of three or more dashes, YAML, then a
closing dashed line; ``...`` also closes, as in YAML) but records where each part starts, rejects
what python-frontmatter silently accepts (text before the opening fence, an unclosed fence), and
normalises what editors produce (a UTF-8 BOM, CRLF line endings) without moving any position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from okrdocs.i18n import _

_FENCE = re.compile(r"-{3,}[ \t]*")
_CLOSING = re.compile(r"(?:-{3,}|\.\.\.)[ \t]*")


class SplitError(Exception):
    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(slots=True)
class SplitFile:
    text: str  # the whole file, decoded, BOM removed, line endings normalised to \n
    front_matter: str  # the YAML between the fences
    body: str
    body_line: int  # 1-based line where the body starts
    had_bom: bool
    had_crlf: bool

    # Front matter YAML starts on line 2 (line 1 is the opening fence).
    front_matter_offset: int = 1


def decode(raw: bytes) -> tuple[str, bool, bool]:
    """Decode UTF-8 strictly. Returns (text, had_bom, had_crlf); raises SplitError if not UTF-8."""
    had_bom = raw.startswith(b"\xef\xbb\xbf")
    if had_bom:
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise SplitError(
            _(
                "the file is not valid UTF-8 (byte 0x{byte}); save it as UTF-8 (GBK or GB2312 "
                "text must be converted)",
                byte=f"{raw[error.start]:02x}",
            ),
            line,
            column,
        ) from None
    had_crlf = "\r" in text
    if had_crlf:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, had_bom, had_crlf


def split(raw: bytes) -> SplitFile:
    text, had_bom, had_crlf = decode(raw)
    if not text.strip():
        raise SplitError(
            _(
                "the file is empty; an OKR file starts with '---', the YAML fields "
                "(objective, owner, period, key_results), and another '---'"
            )
        )
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if not _FENCE.fullmatch(first_line):
        raise SplitError(
            _(
                "no front matter: the file must start with a line '---', then the YAML fields "
                "(objective, owner, period, key_results), then a closing '---'"
            )
        )
    start = first_end + 1 if first_end >= 0 else len(text)
    closing = closing_line(text, start)
    if closing is None:
        raise SplitError(
            _("the front matter is not closed: add a line '---' after the YAML fields"), 1, 1
        )
    front_matter = text[start : closing[0]]
    body_start = min(closing[1] + 1, len(text))
    return SplitFile(
        text=text,
        front_matter=front_matter,
        body=text[body_start:],
        body_line=front_matter.count("\n") + 3,
        had_bom=had_bom,
        had_crlf=had_crlf,
    )


def plain_front_matter(raw: bytes) -> str | None:
    """``split(raw).front_matter`` for the file most OKR files are (an opening ``---`` line, no
    BOM, LF line endings, valid UTF-8, closed by a ``---`` line), found with two ``find``s;
    None for any other file, which ``split`` then reads (and words the problem of).

    The content index reads 10,000 headers on a first run: this is a third of ``split``'s cost.
    tests/test_loader.py checks it against ``split`` on every test file and generated ones.
    """
    if not raw.startswith(b"---\n") or b"\r" in raw:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    closing = text.find("\n---", 3)
    if closing < 0 or text.find("\n...", 3, closing) >= 0:
        return None  # not closed, or closed by "..." first
    after = closing + 4
    if after < len(text) and text[after] != "\n":
        return None  # "----", "--- ", or "---" starting a longer line
    return text[4 : closing + 1]


def closing_line(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the first line at or after ``start`` (a line start) that closes the
    front matter: three or more dashes, or three dots, then only spaces or tabs.

    Found with str.find rather than a multi-line regular expression, which tries every
    position of the text: this runs for every file read (7.8 -> ~1.5 us a file).
    """
    line = start
    while line <= len(text):
        if text.startswith(("---", "..."), line):
            end = text.find("\n", line)
            end = len(text) if end < 0 else end
            if _CLOSING.fullmatch(text, line, end):
                return line, end
        dashes, dots = text.find("\n---", line), text.find("\n...", line)
        if dashes < 0 and dots < 0:
            return None
        line = (dashes if dots < 0 or 0 <= dashes < dots else dots) + 1
    return None
