"""Themes and templates: the Jinja2 environment, translations and the helpers templates use.

A theme is a folder with ``templates/``, ``static/`` and ``strings.json``. A project picks one
with ``theme`` (a bundled name or a path) and may add ``theme-overrides``: a folder whose
templates and static files win over the theme's. An override can replace a whole template, or
extend the original and change one block: ``{% extends "theme/objective.html" %}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    pass_context,
    select_autoescape,
)
from markupsafe import Markup

from okrdocs.config import Config
from okrdocs.site.paths import relative_url

STATUS_ICONS = {
    "on-track": "✓",
    "delivered": "✓",
    "at-risk": "!",
    "progress": "◐",
    "off-track": "✕",
    "missed": "✕",
    "stale": "◷",
    "not-started": "○",
    "unscored": "?",
}


class ThemeError(Exception):
    pass


def bundled_themes() -> Path:
    import okrdocs.themes

    return Path(okrdocs.themes.__file__).parent


def theme_folder(config: Config) -> Path:
    bundled = bundled_themes() / config.theme
    if "/" not in config.theme and (bundled / "templates").is_dir():
        return bundled
    folder = (config.root / config.theme).resolve()
    if not (folder / "templates").is_dir():
        names = sorted(p.name for p in bundled_themes().iterdir() if (p / "templates").is_dir())
        raise ThemeError(
            f"theme {config.theme!r} not found: use a bundled theme ({', '.join(names)}) or a "
            "folder with a templates/ subfolder"
        )
    return folder


def static_folders(config: Config) -> list[Path]:
    """Static folders, lowest priority first: the theme's, then the overrides'."""
    folders = [theme_folder(config) / "static"]
    if config.theme_overrides and (config.theme_overrides / "static").is_dir():
        folders.append(config.theme_overrides / "static")
    return [folder for folder in folders if folder.is_dir()]


def watched_folders(config: Config) -> list[Path]:
    folders = [theme_folder(config)]
    if config.theme_overrides and config.theme_overrides.is_dir():
        folders.append(config.theme_overrides)
    return folders


class Translator:
    def __init__(self, language: str, strings: dict[str, dict[str, str]]) -> None:
        self.table = strings.get(language, {})

    def __call__(self, text: str, **values: Any) -> str:
        translated = self.table.get(text, text)
        return translated.format(**values) if values else translated


def percent(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.0f}%"


def number(value: float | None) -> str:
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def with_unit(value: float | None, unit: str | None) -> str:
    text = number(value)
    if value is None or not unit:
        return text
    if unit in ("%", "‰") or (unit[:1] and not unit[:1].isascii()):
        return f"{text}{unit}" if unit in ("%", "‰") else f"{text} {unit}"
    return f"{text} {unit}"


def make_environment(config: Config) -> Environment:
    theme = theme_folder(config)
    loaders: list[Any] = []
    if config.theme_overrides and (config.theme_overrides / "templates").is_dir():
        loaders.append(FileSystemLoader(str(config.theme_overrides / "templates")))
    loaders.append(FileSystemLoader(str(theme / "templates")))
    loaders.append(PrefixLoader({"theme": FileSystemLoader(str(theme / "templates"))}))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(["html", "xml"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    strings_file = theme / "strings.json"
    strings = json.loads(strings_file.read_text(encoding="utf-8")) if strings_file.exists() else {}
    if config.theme_overrides and (config.theme_overrides / "strings.json").exists():
        extra = json.loads((config.theme_overrides / "strings.json").read_text(encoding="utf-8"))
        for language, table in extra.items():
            strings.setdefault(language, {}).update(table)
    env.globals.update(
        t=Translator(config.language, strings),
        url=_url,
        status_icon=lambda status: STATUS_ICONS.get(status, "•"),
    )
    env.filters.update(percent=percent, number=number, with_unit=with_unit, iso=_iso)
    return env


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else "–"


@pass_context
def _url(context: Any, target: str) -> str:
    """A link from the page being rendered to ``target`` (a path from the site root)."""
    return relative_url(context["page_path"], target)


def render(env: Environment, template: str, page_path: str, context: dict[str, Any]) -> str:
    try:
        return env.get_template(template).render(page_path=page_path, **context)
    except TemplateError as error:
        raise ThemeError(describe_template_error(error, template)) from None


def describe_template_error(error: TemplateError, template: str) -> str:
    """'template objective.html, line 3: 'x' is undefined' — where in the theme it failed."""
    name, line = (
        getattr(error, "filename", None) or getattr(error, "name", None),
        getattr(error, "lineno", None),
    )
    tb = error.__traceback__
    while tb is not None:  # Jinja rewrites tracebacks so template lines appear as frames
        if tb.tb_frame.f_code.co_filename.endswith((".html", ".xml", ".j2")):
            name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    where = f"template {Path(name).name if name else template}"
    if line:
        where += f", line {line}"
    return f"{where}: {error.message or error}"


def safe(html: str) -> Markup:
    return Markup(html)
