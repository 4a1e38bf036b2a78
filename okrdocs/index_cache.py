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
from dataclasses import dataclass
from pathlib import Path

from okrdocs import __version__
from okrdocs.config import Config
from okrdocs.globs import matcher
from okrdocs.loader import SECTION_FILE, FileContext, LoadedFile

CACHE_DIR = ".okrdocs-cache"
_INDEX = "index.json"

_FIELD_LINE = re.compile(r"^(id|parent|owner|team|period):[ \t]*(.*?)[ \t]*(?:#.*)?$", re.MULTILINE)
_FIELDS = ("id", "parent", "owner", "team", "period")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What cross-file checks need of a file that is not loaded: a few top-level fields."""

    id: str
    id_declared: bool
    parent: str | None
    owner: str | None
    team: str | None
    team_declared: bool
    period: str | None

    def as_loaded_file(self, content: str, display_prefix: str, rel: str) -> LoadedFile:
        """An ``indexed_only`` file: ``display_prefix`` is the content folder as displayed."""
        return LoadedFile(
            context=FileContext(f"{content}{os.sep}{rel}", display_prefix + rel, rel),
            id=self.id,
            id_declared=self.id_declared,
            parent=self.parent,
            valid=True,
            owner=self.owner,
            team=self.team,
            team_declared=self.team_declared,
            period=self.period,
            indexed_only=True,
        )


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def read_fields(path: Path) -> dict[str, str]:
    """Top-level ``id``, ``parent``, ``owner``, ``team`` and ``period`` lines (no YAML parse)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    if text.startswith("\ufeff"):
        text = text[1:]
    end = text.find("\n---", 3)
    front = text[: end if end > 0 else len(text)]
    found: dict[str, str] = {}
    for match in _FIELD_LINE.finditer(front):
        value = _unquote(match[2])
        if value:
            found.setdefault(match[1], value)
    return found


def _entry(rel: str, fields: dict[str, str]) -> IndexEntry:
    parts = rel.split("/")
    team = fields.get("team") or (parts[0] if len(parts) > 1 else None)
    return IndexEntry(
        id=fields.get("id") or rel[:-3],
        id_declared="id" in fields,
        parent=fields.get("parent"),
        owner=fields.get("owner"),
        team=team,
        team_declared="team" in fields,
        period=fields.get("period"),
    )


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


def content_index(config: Config, use_cache: bool = True) -> dict[str, IndexEntry]:
    """Path under the content folder -> its index entry, for every objective file."""
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
        if not isinstance(entry, list) or entry[:2] != [mtime, size] or len(entry) != 3:
            entry = [mtime, size, read_fields(config.content / rel)]
            changed = True
        files[rel] = entry
    if use_cache and (changed or len(files) != len(cached)):
        _write(config, {"key": key, "files": files})
    return {rel: _entry(rel, entry[2]) for rel, entry in files.items()}  # type: ignore[arg-type]


def cache_folder(config: Config, name: str = "") -> Path | None:
    """``.okrdocs-cache/`` (or a folder in it) next to the configuration, created with a
    .gitignore so that git never sees it; None when it cannot be created (read-only)."""
    root = config.root / CACHE_DIR
    try:
        root.mkdir(exist_ok=True)
        ignore = root / ".gitignore"
        if not ignore.exists():
            ignore.write_text(
                "# Created by okrdocs: this folder is a cache.\n*\n", encoding="utf-8"
            )
        folder = root / name if name else root
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return folder


def _write(config: Config, data: dict[str, object]) -> None:
    folder = cache_folder(config)
    if folder is None:
        return
    cache_file = folder / _INDEX
    try:
        temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, cache_file)
    except OSError:
        pass  # a read-only checkout: run without the cache
