"""Themes and templates: the Jinja2 environment, translations and the helpers templates use.

A theme is a folder with ``templates/``, ``static/`` and ``strings.json``. A project picks one
with ``theme`` (a bundled name or a path) and may add ``theme-overrides``: a folder whose
templates and static files win over the theme's. An override can replace a whole template, or
extend the original and change one block: ``{% extends "theme/objective.html" %}``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup, escape

from okrdocs.config import Config

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


class Widgets:
    """progress_bar() and status_badge(): HTML that every page repeats many times, written in
    Python because a Jinja macro call costs ten times as much. Values are escaped here."""

    def __init__(self, t: Translator) -> None:
        self.t = t

    def objective_rows(
        self, objectives: Any, data: Any, root: str, empty: str | None = None
    ) -> Markup:
        """The list of objectives on team, person, period and home pages."""
        if not objectives:
            return Markup(f'<p class="empty">{escape(empty)}</p>') if empty else Markup("")
        t = self.t
        rows = ['<ul class="objective-list">']
        for o in objectives:
            objective, state = o.objective, o.state
            meta = [objective.period.key]
            if objective.team:
                meta.append(data.team_name(objective.team))
            meta.append(data.person_name(objective.owner))
            expected = state.expected if state.phase == "active" else None
            score = ""
            if state.phase == "closed" and state.score is not None:
                label = escape(t("Score"))
                score = f'<span class="score" title="{label}">{label} {state.score:.1f}</span>'
            bar = self.progress_bar(o.progress, f"{t('Progress')}: {o.title}", expected, o.status)
            rows.append(
                f'<li class="objective-row"><div class="objective-row-main">'
                f'<a class="objective-link" href="{root}{_quoted(o.path)}">{escape(o.title)}</a>'
                f'<span class="meta">{escape(" · ".join(meta))}</span></div>'
                f'<div class="objective-row-numbers">{bar}{score}{self.status_badge(o.status)}'
                f"</div></li>"
            )
        rows.append("</ul>")
        return Markup("\n".join(rows))

    def status_counts(self, counts: dict[str, int]) -> Markup:
        items = "".join(
            f'<li>{self.status_badge(status)} <span class="count">{n}</span></li>'
            for status, n in sorted(counts.items())
        )
        return Markup(
            f'<ul class="status-counts" aria-label="{escape(self.t("Status counts"))}">{items}</ul>'
        )

    def status_badge(self, status: str) -> Markup:
        icon = STATUS_ICONS.get(status, "•")
        return Markup(
            f'<span class="status status-{escape(status)}"><span class="status-icon" '
            f'aria-hidden="true">{icon}</span>{escape(self.t(status))}</span>'
        )

    def progress_bar(
        self,
        value: float | None,
        label: str,
        expected: float | None = None,
        status: str | None = None,
        exceeded: bool = False,
        no_data: bool = False,
    ) -> Markup:
        shown = min(max(value or 0.0, 0.0), 1.0)
        classes = f"progress progress-{escape(status)}" if status else "progress"
        valuetext = f' aria-valuetext="{escape(self.t("no data"))}"' if no_data else ""
        marker = ""
        if expected is not None:
            where = min(max(expected, 0.0), 1.0) * 100
            title = f"{self.t('Expected')} {percent(expected)}"
            marker = (
                f'<div class="progress-expected" style="left: {where:.1f}%" '
                f'title="{escape(title)}"></div>'
            )
        if no_data:
            text = escape(self.t("no data"))
        else:
            text = percent(value) + (f" · {escape(self.t('exceeded'))}" if exceeded else "")
        return Markup(
            f'<div class="{classes}" role="progressbar" aria-label="{escape(label)}" '
            f'aria-valuemin="0" aria-valuemax="100" aria-valuenow="{round(shown * 100)}"'
            f"{valuetext}>"
            f'<div class="progress-track"><div class="progress-fill" '
            f'style="width: {shown * 100:.1f}%">'
            f'</div>{marker}</div><span class="progress-text">{text}</span></div>'
        )


class TranslateLiterals(Extension):
    """Translates ``t("literal")`` when a template is compiled, not each time a page renders.

    The interface language is fixed for a build, and pages say t("...") dozens of times: a
    ten-thousand-page site would make hundreds of thousands of calls to look up the same few
    words. Calls with values (``t("{n} days", n=3)``) or non-literal arguments stay calls.
    """

    def filter_stream(self, stream: TokenStream) -> Any:
        translate = self.environment.globals["t"]
        pending: list[Token] = []
        previous = ""
        for token in stream:
            pending.append(token)
            kinds = [t.type for t in pending]
            if kinds == ["name"] and (token.value != "t" or previous == "dot"):
                previous = token.type
                yield pending.pop()
            elif kinds in (["name"], ["name", "lparen"], ["name", "lparen", "string"]):
                continue
            elif kinds == ["name", "lparen", "string", "rparen"]:
                yield Token(pending[0].lineno, "string", translate(pending[2].value))
                previous, pending = "string", []
            else:
                previous = pending[-1].type
                yield from pending
                pending = []
        yield from pending


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
        # One build reads each template once; serve makes a new environment when the theme
        # changes. Checking every template file's age on every page would cost system calls.
        auto_reload=False,
        extensions=[TranslateLiterals],
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
    translator = Translator(config.language, strings)
    widgets = Widgets(translator)
    env.globals.update(
        t=translator,
        url=_url,
        link=lambda root, path: root + _quoted(path),
        status_icon=lambda status: STATUS_ICONS.get(status, "•"),
        progress_bar=widgets.progress_bar,
        status_badge=widgets.status_badge,
        objective_rows=widgets.objective_rows,
        status_counts=widgets.status_counts,
    )
    # Filters are called directly by compiled templates; globals go through a slower path.
    env.filters.update(
        href=_href,
        person=_person,
        team_name=_team_name,
        status_badge=widgets.status_badge,
    )
    env.filters.update(percent=percent, number=number, with_unit=with_unit, iso=_iso)
    return env


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else "–"


@pass_context
def _url(context: Any, target: str) -> str:
    """A link from the page being rendered to ``target`` (a path from the site root).

    The page's way back to the root plus the target: as relative as it needs to be, and one
    string concatenation per link (pages have many).
    """
    return context["root"] + _quoted(target)


@pass_context
def _href(context: Any, target: str) -> str:
    """``path | href``: the same as url(path), faster."""
    return context["root"] + _quoted(target)


@pass_context
def _person(context: Any, person: str | None) -> str:
    """``id | person``: a person's display name."""
    return context["data"].person_name(person)


@pass_context
def _team_name(context: Any, team: str | None) -> str:
    """``id | team_name``: a team's display name."""
    return context["data"].team_name(team)


@lru_cache(maxsize=65536)
def _quoted(path: str) -> str:
    return quote(path, safe="/#?=&")


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
