"""The content index: every objective file's header, cached between runs.

When pre-commit lints the few files of a commit, the project-wide checks still need the header
(id, parent, owner, team, period) of every other objective. Reading 10,000 files for that would
take half a second, so the headers are kept in ``.okrdocs-cache/`` next to the configuration,
keyed by each file's modification time and size: a run re-reads only the files that changed
since the last one. Headers are read with ``loader.read_header``, which gives what a full load
gives.

The cache is plain JSON data, never code, and an optimisation only: it is rebuilt when missing,
unreadable or from another version, and a folder where it cannot be written simply goes without.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from okrdocs import __version__
from okrdocs.config import Config
from okrdocs.discovery import is_section, walk
from okrdocs.loader import FileContext, ReadError, read_bytes, read_header
from okrdocs.model import Header

CACHE_DIR = ".okrdocs-cache"
_INDEX = "index.json"
_FORMAT = 2  # bumped whenever the rows change shape


@dataclass(slots=True)
class ContentIndex:
    headers: dict[str, Header] = field(default_factory=dict)  # by path under the content folder
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) never read


def content_index(config: Config, use_cache: bool = True) -> ContentIndex:
    """The header of every objective file under the content folder (sections left out)."""
    index = ContentIndex()
    if not config.content.is_dir():
        return index
    cache_file = config.root / CACHE_DIR / _INDEX
    cached: dict[str, list[object]] = {}
    key = f"{__version__}:{_FORMAT}:{config.content}"
    if use_cache:
        try:
            data = json.loads(cache_file.read_text(encoding="utf-8"))
            if data.get("key") == key and isinstance(data.get("files"), dict):
                cached = data["files"]
        except (OSError, ValueError, AttributeError):
            cached = {}
    found = walk(config.content, config)
    index.skipped = found.skipped
    files: dict[str, list[object]] = {}
    changed = False
    content = str(config.content)
    for entry in found.files:
        if is_section(entry.rel):
            continue
        row = cached.get(entry.rel)
        header = _from_row(entry.rel, row, entry.mtime_ns, entry.size)
        if header is None:
            context = FileContext(entry.path, entry.path, entry.rel)
            try:
                header = read_header(read_bytes(entry.path), context)
            except ReadError:
                header = context.default_header()
            row = [entry.mtime_ns, entry.size, *header[1:]]
            changed = True
        files[entry.rel] = row  # type: ignore[assignment]
        index.headers[entry.rel] = header
    if use_cache and (changed or len(files) != len(cached)):
        _write(config, {"key": key, "content": content, "files": files})
    return index


def _from_row(rel: str, row: object, mtime_ns: int, size: int) -> Header | None:
    """The cached header when the cache entry is for this very version of the file."""
    if not isinstance(row, list) or len(row) != 2 + len(Header._fields) - 1:
        return None
    if row[0] != mtime_ns or row[1] != size:
        return None
    fields = row[2:]
    for value, kind in zip(fields, (str, bool, str, str, str, bool, str), strict=True):
        if value is not None and not isinstance(value, kind):
            return None
    return Header(rel, *fields)


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
