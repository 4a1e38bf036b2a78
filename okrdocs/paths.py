"""Where each page goes, and relative links between pages.

Every output path is built from sanitised segments and checked to stay inside the output folder,
whatever an id or a file name says. Non-ASCII names stay readable on disk (people/张伟.html) and
are percent-encoded in links, so the site works from ``file://`` and from any sub-path.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import quote

_UNSAFE = re.compile(r"[^\w.-]+")
_MAX_SEGMENT = 80  # characters; CJK takes 3 bytes each, file systems allow 255 bytes


# Pure functions of a name, asked again for every objective, team and person on every analysis
# (okrdocs serve analyses 10,000 objectives after each save): computed once per name.
@lru_cache(maxsize=65536)
def slug_segment(text: str) -> str:
    """One safe path segment: letters of any script, digits, '.', '-', '_'."""
    segment = _UNSAFE.sub("-", unicodedata.normalize("NFC", text)).strip("-.")
    segment = segment[:_MAX_SEGMENT].rstrip("-.")
    return segment or "_"


@lru_cache(maxsize=65536)
def slug_path(text: str) -> str:
    """A safe relative path from a path-like id: 'sales/east-china' stays, '../x' does not."""
    parts = [
        slug_segment(part)
        for part in text.replace("\\", "/").split("/")
        if part not in ("", ".", "..")
    ]
    return "/".join(parts) or "_"


# Pages of the site's own: no person, team, period or objective may take their paths (a person
# whose id is "index" would otherwise replace the list of people).
RESERVED = (
    "index.html",
    "404.html",
    "periods/index.html",
    "teams/index.html",
    "people/index.html",
    "objectives/index.html",
    "alignment/index.html",
)


class Router:
    """Assigns each entity a unique output path (relative to the site root, '/'-separated)."""

    def __init__(self) -> None:
        self._taken: dict[str, str] = {path: "" for path in RESERVED}  # path -> its owner
        self._paths: dict[tuple[str, str], str] = {}

    def assign(self, kind: str, key: str, folder: str, slug: str) -> str:
        if (kind, key) in self._paths:
            return self._paths[(kind, key)]
        base = f"{folder}/{slug}" if folder else slug
        path, counter = f"{base}.html", 2
        while path.lower() in self._taken:  # also avoid case-only clashes (macOS, Windows)
            path = f"{base}-{counter}.html"
            counter += 1
        self._taken[path.lower()] = key
        self._paths[(kind, key)] = path
        return path

    def path(self, kind: str, key: str) -> str | None:
        return self._paths.get((kind, key))


def relative_url(from_page: str, to_path: str) -> str:
    """A percent-encoded relative link from one output path to another."""
    start = posixpath.dirname(from_page) or "."
    target = posixpath.relpath(to_path, start)
    return quote(target, safe="/#?=&")


def root_prefix(page: str) -> str:
    """'../' repeated to reach the site root from ``page``."""
    return "../" * page.count("/")


MAX_NUMBERED = 1000  # name-2.md … name-1000.md before giving up


def numbered_names(name: str) -> Iterator[str]:
    """``name`` (a file name or path ending in .md), then the same with -2, -3 … before .md: the
    names okrdocs gives objectives that would share one (an all-Chinese objective's file is
    named after its owner and quarter)."""
    yield name
    stem = name[: -len(".md")] if name.endswith(".md") else name
    for number in range(2, MAX_NUMBERED + 1):
        yield f"{stem}-{number}.md"
