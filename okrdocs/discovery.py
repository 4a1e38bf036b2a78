"""Which files are OKR files: one definition for the loader, the index, ``serve`` and ``diff``.

An OKR file is a ``.md`` file under the content folder, with no hidden part in its path (no
file or folder name starting with ``.``), not matched by ``exclude`` (globs relative to the
project root, see okrdocs.globs). ``_index.md`` files describe their folder (sections).

Walking reads only regular files inside the project: a symbolic link is followed only when it
leads to a file or folder inside the project root; anything else (a link leading outside, a
FIFO, a device) is skipped and listed with the reason, never opened.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from okrdocs.config import Config
from okrdocs.globs import matcher
from okrdocs.i18n import N_

SECTION_FILE = "_index.md"


def content_prefix(config: Config) -> str:
    """The content folder relative to the project root, with a trailing '/' ('' when the same)."""
    return _prefix(str(config.content), str(config.root))


@lru_cache(maxsize=16)
def _prefix(content: str, root: str) -> str:
    # Asked once per file by is_okr_file: computed once per folder pair.
    rel = os.path.relpath(content, root).replace(os.sep, "/")
    return "" if rel == "." else rel + "/"


def is_hidden(rel_path: str) -> bool:
    return rel_path.startswith(".") or "/." in rel_path


def is_okr_file(rel_path: str, config: Config) -> bool:
    """Whether a path under the content folder ('/'-separated) is an OKR file (or a section)."""
    if not rel_path.endswith(".md") or is_hidden(rel_path):
        return False
    return not matcher(tuple(config.exclude))(content_prefix(config) + rel_path)


def is_section(rel_path: str) -> bool:
    return rel_path.rsplit("/", 1)[-1] == SECTION_FILE


class Found(NamedTuple):
    """A file found by a walk, with what the content index keys its cache entry on (a tuple:
    10,000 are made on every pre-commit run, three times faster than a frozen dataclass)."""

    rel: str  # under the content folder, '/'-separated
    path: str  # absolute
    mtime_ns: int
    size: int


@dataclass(slots=True)
class Walk:
    files: list[Found] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (absolute path, why)


def inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or under it (both real or both absolute paths)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def walk(folder: Path, config: Config, base: Path | None = None) -> Walk:
    """Every OKR file under ``folder``, sorted by path.

    ``base`` plays the content folder's part: paths are relative to it (default: the content
    folder when ``folder`` is inside it, else ``folder`` itself, as for the two sides of
    ``okrdocs diff --paths``), and ``exclude`` sees them as if they were in the content folder.
    """
    folder = folder.absolute()
    if base is None:
        base = config.content if inside(str(folder), str(config.content)) else folder
    root = os.path.realpath(config.root)
    prefix = content_prefix(config)
    excluded = matcher(tuple(config.exclude))
    result = Walk()
    start = os.path.relpath(folder, base).replace(os.sep, "/")
    start = "" if start == "." else start + "/"
    seen: set[str] = {os.path.realpath(folder)}
    files = result.files
    append = files.append
    # tuple.__new__ builds a Found in C (a NamedTuple's own __new__ is Python code).
    new_found = tuple.__new__
    excludes = bool(config.exclude)
    stack = [(str(folder), start)]
    while stack:
        current, rel_dir = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if name.endswith(".md") and not entry.is_symlink():
                # The common case first: a Markdown file, statted without following links.
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISREG(info.st_mode):
                    rel = rel_dir + name
                    if not excludes or not excluded(prefix + rel):
                        append(new_found(Found, (rel, entry.path, info.st_mtime_ns, info.st_size)))
                    continue
            try:
                # The entry's type comes with the folder listing: only .md files, links and
                # unknown types cost a stat (10,000 files are walked on every pre-commit run).
                if entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if not inside(target, root):
                        result.skipped.append((entry.path, N_("a link to outside the project")))
                        continue
                    info = os.stat(target)
                    mode = info.st_mode
                elif entry.is_dir(follow_symlinks=False):
                    mode = stat.S_IFDIR
                elif not name.endswith(".md"):
                    continue
                else:
                    info = entry.stat(follow_symlinks=False)
                    mode = info.st_mode
            except OSError:
                continue
            if stat.S_ISDIR(mode):
                real = os.path.realpath(entry.path)
                if real not in seen:  # a link back to a folder above would loop forever
                    seen.add(real)
                    stack.append((entry.path, rel_dir + name + "/"))
                continue
            if not name.endswith(".md"):
                continue
            rel = rel_dir + name
            if excluded(prefix + rel):
                continue
            if not stat.S_ISREG(mode):
                result.skipped.append((entry.path, N_("not a regular file")))
                continue
            files.append(Found(rel, entry.path, info.st_mtime_ns, info.st_size))
    files.sort(key=itemgetter(0))  # by rel (unique): string keys sort faster than tuples
    return result
