"""``okrdocs new``: write a new objective file from a few answers.

The file is written with python-frontmatter and holds everything okrdocs can know; what only a
person can supply (baselines, targets, units, actions) is left out, and ``okrdocs new`` lists it,
from the linter's own findings on the new file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from okrdocs.config import Config
from okrdocs.diagnostics import Diagnostic
from okrdocs.i18n import _
from okrdocs.language import title_measures
from okrdocs.periods import PeriodError, parse_period, period_containing


class NewError(Exception):
    pass


@dataclass(slots=True)
class NewObjective:
    objective: str
    owner: str
    team: str | None
    period: str
    key_results: list[str] = field(default_factory=list)
    parent: str | None = None
    kind: str = "committed"
    id: str | None = None


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:6])


def current_quarter(today: date, config: Config) -> str:
    return period_containing(today, "quarter", config.fiscal)


def metadata(new: NewObjective) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if new.id:
        data["id"] = new.id
    data["objective"] = new.objective
    data["owner"] = new.owner
    if new.team:
        data["team"] = new.team
    data["period"] = new.period
    data["type"] = new.kind
    if new.parent:
        data["parent"] = new.parent
    data["key_results"] = [
        {"id": f"kr{index}", "title": title, **title_measures(title)}
        for index, title in enumerate(new.key_results, 1)
    ] or [{"id": "kr1", "title": "…"}]
    return data


def default_path(content: Path, team: str | None, period: str, objective: str, owner: str) -> Path:
    """content/TEAM/PERIOD-SLUG.md: the slug from the objective's words, else the owner's id."""
    from okrdocs.paths import slug_segment

    name = slug(objective) or slug(owner) or "objective"
    stem = slug_segment(f"{period.strip().lower()}-{name}")
    folder = content / slug_segment(team) if team else content
    return folder / f"{stem}.md"


def target_path(config: Config, new: NewObjective) -> Path:
    return default_path(config.content, new.team, new.period, new.objective, new.owner)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_FIELDS = frozenset(("due", "date"))


def _dates(value: Any, key: str | None = None) -> Any:
    """Dates of the date fields (an action's ``due``, a check-in's ``date``) as dates, so that
    YAML writes them plain rather than quoted. Any other text stays exactly as it is: a key
    result titled 2026-W01-1 must not become 2025-12-29."""
    if isinstance(value, dict):
        return {k: _dates(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates(v, key) for v in value]
    if key in _DATE_FIELDS and isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def file_text(metadata: dict[str, Any], body: str) -> str:
    """An objective file: YAML front matter in the given key order, then the Markdown body
    right after the closing fence (as okrdocs and people write them: no blank line between)."""
    from frontmatter.default_handlers import YAMLHandler

    front = YAMLHandler().export(_dates(metadata), sort_keys=False).rstrip("\n")
    body = body.strip("\n")
    return f"---\n{front}\n---\n" + (f"{body}\n" if body else "")


# The body a new file starts with, in the project's language (the site's: it is published).
_BODY = {
    "en": "Why this objective matters, and what will be different when it is met.\n",
    "zh-CN": "为什么这个目标重要，达成后会有什么不同。\n",
}


def render(new: NewObjective, language: str = "en") -> str:
    return file_text(metadata(new), _BODY.get(language, _BODY["en"]))


def create(
    config: Config, new: NewObjective, path: Path | None = None, today: date | None = None
) -> tuple[Path, list[Diagnostic]]:
    try:
        parse_period(new.period, config.fiscal)
    except PeriodError as error:
        raise NewError(str(error)) from None
    if not new.objective.strip() or "\n" in new.objective:
        raise NewError(_("the objective must be one line of text"))
    if not new.owner.strip():
        raise NewError(_("the owner is required"))
    if new.parent:
        from okrdocs.index_cache import content_index

        ids = {header.id for header in content_index(config).all_headers().values() if header.id}
        if new.parent not in ids:
            raise NewError(
                _(
                    "--parent {parent!r} is not the id of any objective in {content}",
                    parent=new.parent,
                    content=config.content,
                )
            )
    if path is None and config.path is None and not config.content.is_dir():
        raise NewError(
            _(
                "no okrdocs project here: no okrdocs.toml (or [tool.okrdocs] in "
                "pyproject.toml) in {folder} or above, and no content folder; run "
                "'okrdocs init' first, or name the file with --output",
                folder=Path.cwd(),
            )
        )
    from okrdocs.fileio import create_new
    from okrdocs.workspace import Workspace

    text = render(new, config.language)
    workspace = Workspace(config, today or date.today())
    for candidate in _candidates(config, new, path):
        if candidate.exists():
            continue
        loaded = workspace.check_bytes(candidate, text.encode("utf-8"))
        errors = [d for d in loaded.diagnostics if d.severity == "error"]
        if errors:
            raise NewError(
                _("the new objective would not be valid: {message}", message=errors[0].message)
            )
        try:
            create_new(candidate, text.encode("utf-8"))  # never overwrites, never half-written
        except FileExistsError:
            continue  # made meanwhile by another command: the next free name
        return candidate, to_fill_in(config, candidate, today or date.today())
    chosen = path or target_path(config, new)
    raise NewError(
        _("{path} already exists; okrdocs never overwrites a file (use --output)", path=chosen)
    )


def _candidates(config: Config, new: NewObjective, path: Path | None) -> Iterator[Path]:
    """The file to create: ``path`` when given (and only it); else the default name, then
    name-2.md, name-3.md … (a Chinese owner's second objective of the quarter has the same
    default name as the first)."""
    from okrdocs.paths import numbered_names

    if path is not None:
        yield path
        return
    base = target_path(config, new)
    for name in numbered_names(base.name):
        yield base.with_name(name)


def to_fill_in(config: Config, path: Path, today: date) -> list[Diagnostic]:
    """The linter's findings on the new file: what a person still has to supply."""
    from okrdocs.workspace import Workspace

    workspace = Workspace.for_lint(config, today, jobs=1)
    return workspace.load([path], keep_models=False).diagnostics
