"""The id index of a content folder, cached between runs.

When pre-commit lints the few files of a commit, the cross-file checks still need the id and
parent of every other objective. Reading 10,000 files for that would take half a second, so the
index is kept in ``.okrdocs-cache/`` next to the configuration, keyed by each file's modification
time and size: a run re-reads only the files that changed since the last one.

The cache is an optimisation only: it is rebuilt when missing, unreadable or from another
version, and a folder where it cannot be written simply goes without.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from okrdocs import __version__
from okrdocs.config import Config
from okrdocs.globs import matcher
from okrdocs.loader import SECTION_FILE

CACHE_DIR = ".okrdocs-cache"
_INDEX = "index.json"

_ID_LINE = re.compile(r"^(id|parent):[ \t]*(.*?)[ \t]*(?:#.*)?$", re.MULTILINE)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def read_id_and_parent(path: Path, default_id: str) -> tuple[str, str | None]:
    """The id and parent of a file from its top-level ``id:``/``parent:`` lines (no YAML parse)."""
    object_id, parent = default_id, None
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return object_id, parent
    if text.startswith("\ufeff"):
        text = text[1:]
    end = text.find("\n---", 3)
    front = text[: end if end > 0 else len(text)]
    for match in _ID_LINE.finditer(front):
        value = _unquote(match[2])
        if not value:
            continue
        if match[1] == "id":
            object_id = value
        else:
            parent = value
    return object_id, parent


def _walk(folder: Path, root: Path, excluded: object) -> list[tuple[str, str, int, int]]:
    """(path under the content folder, path under the project root, mtime_ns, size) per file."""
    found: list[tuple[str, str, int, int]] = []
    prefix = os.path.relpath(folder, root).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    stack = [(str(folder), "")]
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
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, rel_dir + name + "/"))
            elif name.endswith(".md") and name != SECTION_FILE:
                rel = rel_dir + name
                if excluded(prefix + rel):  # type: ignore[operator]
                    continue
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                found.append((rel, prefix + rel, stat.st_mtime_ns, stat.st_size))
    return found


def content_index(config: Config, use_cache: bool = True) -> dict[str, tuple[str, str | None]]:
    """Path under the content folder -> (objective id, parent), for every objective file."""
    cache_file = config.root / CACHE_DIR / _INDEX
    cached: dict[str, list[object]] = {}
    key = f"{__version__}:{config.content}"
    if use_cache:
        try:
            data = json.loads(cache_file.read_text(encoding="utf-8"))
            if data.get("key") == key:
                cached = data["files"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            cached = {}
    files: dict[str, list[object]] = {}
    changed = False
    excluded = matcher(tuple(config.exclude))
    for rel, _, mtime, size in _walk(config.content, config.root, excluded):
        entry = cached.get(rel)
        if entry is None or entry[0] != mtime or entry[1] != size:
            object_id, parent = read_id_and_parent(config.content / rel, rel[:-3])
            entry = [mtime, size, object_id, parent]
            changed = True
        files[rel] = entry
    if use_cache and (changed or len(files) != len(cached)):
        _write(cache_file, {"key": key, "files": files})
    return {rel: (str(entry[2]), entry[3]) for rel, entry in files.items()}  # type: ignore[misc]


def _write(cache_file: Path, data: dict[str, object]) -> None:
    try:
        cache_file.parent.mkdir(exist_ok=True)
        ignore = cache_file.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text(
                "# Created by okrdocs: this folder is a cache.\n*\n", encoding="utf-8"
            )
        temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, cache_file)
    except OSError:
        pass  # a read-only checkout: run without the cache
