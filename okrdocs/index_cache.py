"""The content index: every objective file's header, kept between runs in a small database.

When pre-commit lints the few files of a commit, the project-wide checks still ask about every
other objective (is this id used elsewhere, does this parent exist, how many objectives does
this owner have). Reading 10,000 files for that would take half a second, so their headers
(id, parent, owner, team, period) are kept in ``.okrdocs-cache/index.sqlite`` next to the
configuration, with each file's modification time and size. A run walks the content folder
(a ``stat`` per file: the only way to be sure no file changed in place), hashes what it saw,
and when the hash matches the stored one asks the database its questions
(okrdocs.project_index) without reading a row more; otherwise it re-reads only the files whose
time or size changed, in parallel when there are many, and updates their rows.

SQLite comes with Python, answers by index, and keeps its file consistent when two okrdocs
processes (or a crash) meet it. The database holds data only, never code, and is an
optimisation: it is rebuilt when missing, unreadable or from another version, and a folder
where it cannot be written simply goes without (the headers are then read every run).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from okrdocs import __version__
from okrdocs.config import Config
from okrdocs.discovery import Found, is_section, walk

if TYPE_CHECKING:
    import sqlite3

    from okrdocs.model import Header

# The loader is imported only to read changed files: okrdocs.prefetch's child, which usually
# finds nothing changed, starts without it.

CACHE_DIR = ".okrdocs-cache"
_DATABASE = "index.sqlite"
_FORMAT = 3  # bumped whenever the table changes shape or headers are read differently
_COLUMNS = "rel, mtime_ns, size, id, id_declared, parent, owner, team, team_declared, period"
_INDEXES = {
    "files_by_id": "files (id)",
    "files_by_owner": "files (owner, period)",
    "files_by_team": "files (team, period)",
}
_SCHEMA = "\n".join(
    [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
        f"CREATE TABLE IF NOT EXISTS files ({_COLUMNS}, PRIMARY KEY (rel));",
        *(f"CREATE INDEX IF NOT EXISTS {name} ON {on};" for name, on in _INDEXES.items()),
    ]
)
_BULK = 1000  # rows into an empty table from which the indexes are built after, not per row


@dataclass(slots=True)
class ContentIndex:
    """The objective files of the content folder: their headers in the database (``stored``,
    when the cache could be used) or in memory (``headers``), and what the walk skipped."""

    stored: sqlite3.Connection | None = None
    headers: dict[str, Header] = field(default_factory=dict)  # when there is no database
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) never read

    def all_headers(self) -> dict[str, Header]:
        """Every header by path under the content folder (read from the database if needed)."""
        if self.stored is None:
            return dict(self.headers)
        from okrdocs.model import Header

        rows = self.stored.execute(
            "SELECT rel, id, id_declared, parent, owner, team, team_declared, period FROM files"
        )
        return {
            rel: Header(rel, id_, bool(declared), parent, owner, team, bool(team_declared), period)
            for rel, id_, declared, parent, owner, team, team_declared, period in rows
        }


def content_index(config: Config, use_cache: bool = True) -> ContentIndex:
    """The header of every objective file under the content folder (sections left out)."""
    index = ContentIndex()
    if not config.content.is_dir():
        return index
    if use_cache:
        from okrdocs.prefetch import take

        walked = take(config)  # this run's walk, done while the command started
        if walked is not None:
            connection = _open(config)
            if connection is not None:
                try:
                    if _state(connection) == (cache_key(config), walked[0]):
                        index.stored, index.skipped = connection, walked[1]
                        return index
                except _sqlite_errors():
                    pass
                connection.close()
    found = walk(config.content, config)
    index.skipped = found.skipped
    entries = [entry for entry in found.files if not is_section(entry.rel)]
    connection = _open(config) if use_cache else None
    if connection is not None:
        try:
            _refresh(connection, config, entries)
            index.stored = connection
            return index
        except _sqlite_errors():
            connection.close()  # another process holds it, or it is damaged: go without
    index.headers = {
        entry.rel: header for entry, header in zip(entries, _read(entries), strict=True)
    }
    return index


def refresh_stored(config: Config) -> tuple[str, list[tuple[str, str]]]:
    """Walk the content folder and bring the stored index up to date (okrdocs.prefetch, in a
    process of its own). Returns (the walk's digest, files skipped); raises when the index
    cannot be stored."""
    found = walk(config.content, config)
    entries = [entry for entry in found.files if not is_section(entry.rel)]
    connection = _open(config)
    if connection is None:
        raise OSError("the content index cannot be stored")
    try:
        return _refresh(connection, config, entries), found.skipped
    finally:
        connection.close()


def _state(connection: sqlite3.Connection) -> tuple[str | None, str | None]:
    """(cache key, digest) the stored index was last brought up to date for."""
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    return meta.get("key"), meta.get("digest")


def _sqlite_errors() -> tuple[type[Exception], ...]:
    import sqlite3

    return (sqlite3.Error, OSError)


def cache_key(config: Config) -> str:
    return f"{__version__}:{_FORMAT}:{config.content}"


def _digest(entries: list[Found]) -> str:
    """What the walk saw, in one value: equal digests mean no file changed, appeared or went.

    Paths, times and sizes go in as three packed arrays: formatting a line per file would cost
    more than the walk's stat calls at 10,000 files."""
    from array import array

    try:
        # CPython's own BLAKE2, without hashlib's OpenSSL bindings (3-5 ms to import, on every
        # pre-commit run).
        from _blake2 import blake2b
    except ImportError:  # another Python implementation
        from hashlib import blake2b
    digest = blake2b(digest_size=16)
    digest.update("\0".join([e.rel for e in entries]).encode("utf-8", "surrogateescape"))
    digest.update(array("q", [e.mtime_ns for e in entries]).tobytes())
    digest.update(array("q", [e.size for e in entries]).tobytes())
    return digest.hexdigest()


def _open(config: Config) -> sqlite3.Connection | None:
    folder = cache_folder(config)
    if folder is None:
        return None
    import sqlite3

    path = folder / _DATABASE
    for attempt in (1, 2):
        try:
            connection = sqlite3.connect(path, timeout=5, isolation_level=None)
            connection.executescript(_SCHEMA)
            return connection
        except sqlite3.DatabaseError:
            if attempt == 1 and path.is_file():  # not a database (damaged): start afresh
                try:
                    path.unlink()
                except OSError:
                    return None
        except sqlite3.Error:
            return None
    return None


def _refresh(connection: sqlite3.Connection, config: Config, entries: list[Found]) -> str:
    """Bring the stored headers in line with the files found (a no-op when nothing changed);
    returns the digest of what was found."""
    digest = _digest(entries)
    key, stored_digest = _state(connection)
    if key == cache_key(config) and stored_digest == digest:
        return digest
    if key != cache_key(config):
        connection.execute("DELETE FROM files")
    stored = {
        rel: (mtime_ns, size)
        for rel, mtime_ns, size in connection.execute("SELECT rel, mtime_ns, size FROM files")
    }
    present = {entry.rel for entry in entries}
    changed = [e for e in entries if stored.get(e.rel) != (e.mtime_ns, e.size)]
    gone = [(rel,) for rel in stored if rel not in present]
    rows = [
        (entry.rel, entry.mtime_ns, entry.size, *header[1:])
        for entry, header in zip(changed, _read(changed), strict=True)
    ]
    bulk = not stored and len(rows) >= _BULK  # a first run: a third less time inserting
    connection.execute("BEGIN IMMEDIATE")
    try:
        if bulk:
            for name in _INDEXES:
                connection.execute(f"DROP INDEX IF EXISTS {name}")
        connection.executemany("DELETE FROM files WHERE rel = ?", gone)
        connection.executemany(
            f"INSERT OR REPLACE INTO files ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        if bulk:
            for name, on in _INDEXES.items():
                connection.execute(f"CREATE INDEX {name} ON {on}")
        connection.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("key", cache_key(config)), ("digest", digest)],
        )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return digest


def _read(entries: list[Found]) -> list[Header]:
    """The headers of these files (on every core when there are many: a first run, a pull)."""
    from okrdocs.parallel import map_files

    return map_files(_read_one, None, entries)


def _read_one(state: None, entry: Found) -> Header:
    from okrdocs.loader import FileContext, ReadError, read_bytes, read_header

    context = FileContext(entry.path, entry.path, entry.rel)
    try:
        return read_header(read_bytes(entry.path), context)
    except ReadError:
        return context.default_header()


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
    return folder if os.access(folder, os.W_OK) else None
