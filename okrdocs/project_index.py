"""What project-wide rules ask of the other files, answered without a list of every file.

Duplicate ids, unknown parents, parent cycles and objectives per owner and team are questions
about one file against the rest: "who else has this id", "does this id exist", "whose parent is
this", "how many objectives does this owner have in this period". ``ProjectIndex`` answers them
from headers in memory (a whole-project lint, a build); ``StoredIndex`` answers them from the
content index's database (okrdocs.index_cache) with the linted files' own headers on top, so
that linting one file in a 10,000-file project asks a few indexed questions instead of building
10,000 objects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from okrdocs.model import Header

if TYPE_CHECKING:
    import sqlite3


class ProjectIndex:
    """Headers in memory, indexed by id and counted per owner and per team in each period.

    ``counted`` holds the headers that count towards owners' and teams' totals (valid
    objectives); every header counts for ids and parents.
    """

    def __init__(self, headers: Iterable[Header], counted: Iterable[Header] | None = None):
        self._by_id: dict[str, list[Header]] = {}
        for header in sorted(headers, key=lambda h: h.rel_path):
            if header.id is not None:
                self._by_id.setdefault(header.id, []).append(header)
        counting = list(counted) if counted is not None else self.headers()
        self._owners = Counter((h.owner, h.period) for h in counting if h.owner and h.period)
        self._teams = Counter((h.team, h.period) for h in counting if h.team and h.period)

    def headers(self) -> list[Header]:
        return [header for group in self._by_id.values() for header in group]

    def with_id(self, object_id: str) -> list[Header]:
        """Every file with this id, by path."""
        return list(self._by_id.get(object_id, ()))

    def has_id(self, object_id: str) -> bool:
        return object_id in self._by_id

    def parent_of(self, object_id: str) -> str | None:
        """The parent of the objective with this id (the first file by path owns an id)."""
        group = self._by_id.get(object_id)
        return group[0].parent if group else None

    def ids(self) -> list[str]:
        return list(self._by_id)

    def owner_count(self, owner: str, period: str) -> int:
        return self._owners[(owner, period)]

    def team_count(self, team: str, period: str) -> int:
        return self._teams[(team, period)]


class StoredIndex(ProjectIndex):
    """The content index's database (every other file) and the linted files' headers (which
    replace their stored rows: the files may have changed since they were indexed)."""

    def __init__(
        self, connection: sqlite3.Connection, linted: Iterable[Header], counted: Iterable[Header]
    ) -> None:
        linted = list(linted)
        super().__init__(linted, counted)
        self._db = connection
        self._skip = [header.rel_path for header in linted]
        self._placeholders = ",".join("?" * len(self._skip))

    def _where(self) -> str:
        return f" AND rel NOT IN ({self._placeholders})" if self._skip else ""

    def _stored(self, condition: str, *values: object) -> list[Header]:
        rows = self._db.execute(
            "SELECT rel, id, id_declared, parent, owner, team, team_declared, period FROM files "
            f"WHERE {condition}{self._where()}",
            (*values, *self._skip),
        ).fetchall()
        return [
            Header(rel, id_, bool(id_declared), parent, owner, team, bool(team_declared), period)
            for rel, id_, id_declared, parent, owner, team, team_declared, period in rows
        ]

    def with_id(self, object_id: str) -> list[Header]:
        found = super().with_id(object_id) + self._stored("id = ?", object_id)
        return sorted(found, key=lambda h: h.rel_path)

    def has_id(self, object_id: str) -> bool:
        return super().has_id(object_id) or bool(self._stored("id = ?", object_id))

    def parent_of(self, object_id: str) -> str | None:
        group = self.with_id(object_id)
        return group[0].parent if group else None

    def ids(self) -> list[str]:
        rows = self._db.execute(
            f"SELECT DISTINCT id FROM files WHERE id IS NOT NULL{self._where()}", self._skip
        )
        return sorted({*super().ids(), *(row[0] for row in rows)})

    def owner_count(self, owner: str, period: str) -> int:
        (stored,) = self._db.execute(
            f"SELECT count(*) FROM files WHERE owner = ? AND period = ?{self._where()}",
            (owner, period, *self._skip),
        ).fetchone()
        return int(stored) + super().owner_count(owner, period)

    def team_count(self, team: str, period: str) -> int:
        (stored,) = self._db.execute(
            f"SELECT count(*) FROM files WHERE team = ? AND period = ?{self._where()}",
            (team, period, *self._skip),
        ).fetchone()
        return int(stored) + super().team_count(team, period)
