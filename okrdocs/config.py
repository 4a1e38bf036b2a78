"""Project configuration: ``okrdocs.toml`` or ``[tool.okrdocs]`` in ``pyproject.toml``.

The file is found by walking up from the current folder; in each folder ``okrdocs.toml`` wins
over ``pyproject.toml``. Paths in it are relative to the folder that holds it. Keys may be written
``kebab-case`` or ``snake_case``. An unknown or invalid key is a usage error (exit 2) that names
the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from okrdocs.i18n import _, os_problem
from okrdocs.periods import FiscalYear

LANGUAGES = ("en", "zh-CN")
DEFAULT_EXCLUDE = ("**/README.md", "**/readme.md")


class ConfigError(Exception):
    """A usage or configuration problem; the CLI prints it on one line and exits 2."""


@dataclass(slots=True)
class Person:
    id: str
    name: str | None = None
    team: str | None = None
    email: str | None = None


@dataclass(slots=True)
class Team:
    id: str
    name: str | None = None
    parent: str | None = None
    lead: str | None = None
    description: str | None = None


@dataclass(slots=True)
class StatusSettings:
    """Thresholds on the gap between expected and actual progress (see docs/progress.md)."""

    on_track: float = 0.10
    at_risk: float = 0.25
    stale_days: int = 14


@dataclass(slots=True)
class LintSettings:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str = "error"
    # Options per rule, by rule name: {"kr-count": {"min": 2, "max": 5}}; checked by the linter
    # when it starts (okrdocs.lint.resolve_policy), against the options each rule declares.
    options: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(slots=True)
class Config:
    root: Path
    path: Path | None = None
    where: str = ""  # how messages name the config: "okrdocs.toml: " or "pyproject.toml: [...] "
    content: Path = Path("content")
    output: Path = Path("site")
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    title: str = "OKRs"
    description: str = ""
    base_url: str = ""
    language: str = "en"
    fiscal: FiscalYear = field(default_factory=FiscalYear)
    theme: str = "default"
    theme_overrides: Path | None = None
    status: StatusSettings = field(default_factory=StatusSettings)
    people: dict[str, Person] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    lint: LintSettings = field(default_factory=LintSettings)

    def display_name(self, person: str | None) -> str | None:
        if person is None:
            return None
        entry = self.people.get(person)
        return entry.name if entry and entry.name else person

    def team_name(self, team: str | None) -> str | None:
        if team is None:
            return None
        entry = self.teams.get(team)
        return entry.name if entry and entry.name else team


# ---------------------------------------------------------------------------------------------
# Validation helpers: each returns the converted value or raises ConfigError naming the key.


def _norm(key: str) -> str:
    return key.replace("_", "-")


def _fail(where: str, message: str) -> ConfigError:
    return ConfigError(f"{where}: {message}")


def _string(where: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _fail(
            where, _("expected text, got {kind} {value!r}", kind=type(value).__name__, value=value)
        )
    return value


def _strings(where: str, value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _fail(where, _("expected a list of text, got {value!r}", value=value))
    return list(value)


def _number(where: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise _fail(
            where,
            _(
                "expected a number from {low} to {high}, got {value!r}",
                low=f"{low:g}",
                high=f"{high:g}",
                value=value,
            ),
        )
    return float(value)


def _integer(where: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(
            where,
            _(
                "expected a whole number from {low} to {high}, got {value!r}",
                low=low,
                high=high,
                value=value,
            ),
        )
    return value


def _choice(where: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise _fail(
            where,
            _("expected one of {choices}, got {value!r}", choices=", ".join(choices), value=value),
        )
    return str(value)


def _table(where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, _("expected a table, got {value!r}", value=value))
    return value


def _unknown(where: str, key: str, known: list[str]) -> ConfigError:
    import difflib

    close = difflib.get_close_matches(_norm(key), known, n=1)
    hint = (
        _("; did you mean '{name}'?", name=close[0])
        if close
        else _("; known keys: {names}", names=", ".join(known))
    )
    return _fail(f"{where}{key}", _("unknown key{hint}", hint=hint))


def _read_entries(
    where: str, table: dict[str, Any], fields: dict[str, Callable[[str, Any], Any]]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in table.items():
        name = _norm(key)
        if name not in fields:
            raise _unknown(where, key, sorted(fields))
        result[name.replace("-", "_")] = fields[name](f"{where}{key}", value)
    return result


def _people(where: str, value: Any) -> dict[str, Person]:
    fields: dict[str, Callable[[str, Any], Any]] = {
        "name": _string,
        "team": _string,
        "email": _string,
    }
    people: dict[str, Person] = {}
    for person_id, entry in _table(where, value).items():
        inner = f"{where}.{person_id}"
        if isinstance(entry, str):  # shorthand: people = { "zhang.wei" = "张伟" }
            people[person_id] = Person(person_id, name=entry)
            continue
        people[person_id] = Person(
            person_id, **_read_entries(inner + ".", _table(inner, entry), fields)
        )
    return people


def _teams(where: str, value: Any) -> dict[str, Team]:
    fields: dict[str, Callable[[str, Any], Any]] = {
        "name": _string,
        "parent": _string,
        "lead": _string,
        "description": _string,
    }
    teams: dict[str, Team] = {}
    for team_id, entry in _table(where, value).items():
        inner = f"{where}.{team_id}"
        if isinstance(entry, str):
            teams[team_id] = Team(team_id, name=entry)
            continue
        teams[team_id] = Team(team_id, **_read_entries(inner + ".", _table(inner, entry), fields))
    return teams


def _status(where: str, value: Any) -> StatusSettings:
    fields = {
        "on-track": lambda w, v: _number(w, v, 0, 1),
        "at-risk": lambda w, v: _number(w, v, 0, 1),
        "stale-days": lambda w, v: _integer(w, v, 1, 3660),
    }
    settings = StatusSettings(**_read_entries(where + ".", _table(where, value), fields))
    if settings.at_risk < settings.on_track:
        raise _fail(f"{where}.at-risk", _("must be at least on-track"))
    return settings


def _severity_map(where: str, value: Any) -> dict[str, str]:
    table = _table(where, value)
    return {
        key: _choice(f"{where}.{key}", level, ("error", "warning", "off"))
        for key, level in table.items()
    }


def _per_file_ignores(where: str, value: Any) -> dict[str, list[str]]:
    return {
        glob: _strings(f"{where}.{glob!r}", codes) for glob, codes in _table(where, value).items()
    }


LINT_KEYS = ("select", "ignore", "severity", "per-file-ignores", "fail-on")


def _lint(where: str, value: Any) -> LintSettings:
    table = _table(where, value)
    settings = LintSettings()
    for key, item in table.items():
        name = _norm(key)
        inner = f"{where}.{key}"
        if name == "select":
            settings.select = _strings(inner, item)
        elif name == "ignore":
            settings.ignore = _strings(inner, item)
        elif name == "severity":
            settings.severity = _severity_map(inner, item)
        elif name == "per-file-ignores":
            settings.per_file_ignores = _per_file_ignores(inner, item)
        elif name == "fail-on":
            settings.fail_on = _choice(inner, item, ("error", "warning"))
        elif isinstance(item, dict):
            # A rule's options table, such as [lint.kr-count]; the rule registry checks the
            # rule name and its option names when the linter starts.
            settings.options[name] = {_norm(option): v for option, v in item.items()}
        else:
            raise _unknown(where + ".", key, list(LINT_KEYS))
    return settings


def _path(where: str, value: Any) -> Path:
    return Path(_string(where, value))


_TOP_LEVEL: dict[str, Callable[[str, Any], Any]] = {
    "content": _path,
    "output": _path,
    "exclude": _strings,
    "title": _string,
    "description": _string,
    "base-url": _string,
    "language": lambda w, v: _choice(w, v, LANGUAGES),
    "fiscal-year-start-month": lambda w, v: _integer(w, v, 1, 12),
    "fiscal-year-named-by": lambda w, v: _choice(w, v, ("end", "start")),
    "theme": _string,
    "theme-overrides": _path,
    "status": _status,
    "people": _people,
    "teams": _teams,
    "lint": _lint,
}


def config_from_table(table: dict[str, Any], root: Path, path: Path | None, where: str) -> Config:
    values = _read_entries(where, table, _TOP_LEVEL)
    fiscal = FiscalYear(
        start_month=values.pop("fiscal_year_start_month", 1),
        named_by=values.pop("fiscal_year_named_by", "end"),
    )
    config = Config(root=root, path=path, where=where, fiscal=fiscal, **values)
    config.content = (root / config.content).resolve()
    config.output = (root / config.output).resolve()
    if config.theme_overrides is not None:
        config.theme_overrides = (root / config.theme_overrides).resolve()
    if config.base_url and not config.base_url.startswith(("http://", "https://", "/")):
        raise _fail(
            f"{where}base-url",
            _("expected an http(s):// URL or a path, got {value!r}", value=config.base_url),
        )
    return config


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(
            _("{path}: cannot read: {problem}", path=path, problem=os_problem(error))
        ) from None
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark, as Windows editors write
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        guess = ""
        try:
            raw.decode("gb18030")
            guess = _(" (it looks like GBK/GB18030, as Chinese Windows editors save it)")
        except UnicodeDecodeError:
            pass
        raise ConfigError(
            _(
                "{file}: line {line} is not UTF-8{guess}; save the file as UTF-8",
                file=path.name,
                line=line,
                guess=guess,
            )
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            _("{file}: invalid TOML: {problem}", file=path.name, problem=error)
        ) from None


def find_config_file(start: Path) -> tuple[Path, bool] | None:
    """(path, is_pyproject) of the nearest config at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "okrdocs.toml"
        if candidate.is_file():
            return candidate, False
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            data = _load_toml(candidate)
            if "okrdocs" in data.get("tool", {}):
                return candidate, True
    return None


def configured_language(explicit: Path | None = None, start: Path | None = None) -> str | None:
    """The ``language`` a configuration names, read leniently (for wording the error that
    another of its values causes); None when there is none or it cannot be read."""
    try:
        found = (
            (explicit.resolve(), explicit.name == "pyproject.toml")
            if explicit is not None
            else find_config_file((start or Path.cwd()).resolve())
        )
        if found is None:
            return None
        data = _load_toml(found[0])
    except (ConfigError, OSError):
        return None
    table = data.get("tool", {}).get("okrdocs", {}) if found[1] else data
    value = table.get("language") if isinstance(table, dict) else None
    return value if isinstance(value, str) else None


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    """Load the configuration, or defaults rooted at the current folder when there is none."""
    start = (start or Path.cwd()).resolve()
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(_("{path}: config file not found", path=explicit))
        found: tuple[Path, bool] | None = (explicit.resolve(), explicit.name == "pyproject.toml")
    else:
        found = find_config_file(start)
    if found is None:
        return config_from_table({}, start, None, "")
    path, is_pyproject = found
    data = _load_toml(path)
    if is_pyproject:
        table = data.get("tool", {}).get("okrdocs", {})
        where = f"{path.name}: [tool.okrdocs] "
    else:
        table = data
        where = f"{path.name}: "
    return config_from_table(table, path.parent, path, where)
