"""Themes and templates: the Jinja2 environment, translations and the helpers templates use.

A theme is a folder with ``templates/``, ``static/`` and ``strings.json``. A project picks one
with ``theme`` (a bundled name or a path) and may add ``theme-overrides``: a folder whose
templates and static files win over the theme's. An override can replace a whole template, or
extend the original and change one block: ``{% extends "theme/objective.html" %}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    pass_context,
    select_autoescape,
)
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from okrdocs.config import Config
from okrdocs.display import LABELS, number, percent, status_style, with_unit
from okrdocs.i18n import _, catalogue
from okrdocs.site.widgets import Widgets, quoted


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
            _(
                "theme {theme!r} not found: use a bundled theme ({items}) or a folder "
                "with a templates/ subfolder",
                theme=config.theme,
                items=", ".join(names),
            )
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
    """``t()`` in templates: the site's language, whatever language the command speaks.

    The words come from okrdocs' message catalogue, then the theme's ``strings.json``, then the
    overrides' (a theme may add or reword strings). A code from the files or the model
    ("off-track", "committed", "doing") becomes its label first ("Off track"), so no page
    shows a raw code in either language.
    """

    def __init__(self, language: str, strings: dict[str, dict[str, str]]) -> None:
        self.language = language
        self.table = {**catalogue(language), **strings.get(language, {})}

    def __call__(self, text: str, **values: Any) -> str:
        text = LABELS.get(text, text)
        translated = self.table.get(text, text)
        return translated.format(**values) if values else translated


class TranslateLiterals(Extension):
    """Translates ``t("literal")`` when a template is compiled, not each time a page renders.

    The interface language is fixed for a build, and pages say t("...") dozens of times: a
    ten-thousand-page site would make hundreds of thousands of calls to look up the same few
    words. Calls with values (``t("{n} days", n=3)``) or non-literal arguments stay calls.
    """

    def filter_stream(self, stream: TokenStream) -> Any:
        translate: Callable[[str], str] = self.environment.globals["t"]  # type: ignore[assignment]
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


def make_environment(config: Config) -> Environment:
    from okrdocs.site.pages import attention_path

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
    env.bytecode_cache = _template_cache(config, translator.table)
    widgets = Widgets(translator, config.language)
    env.globals.update(
        t=translator,
        url=_url,
        link=lambda root, path: root + quoted(path),
        status_icon=lambda status: status_style(status).icon,
        progress_bar=widgets.progress_bar,
        status_badge=widgets.status_badge,
        objective_rows=widgets.objective_rows,
        attention_rows=widgets.attention_rows,
        attention_data=widgets.attention_data,
        owned_krs=widgets.owned_krs,
        owned_actions=widgets.owned_actions,
        tree_nodes=widgets.tree_nodes,
        tree_groups=widgets.tree_groups,
        change=widgets.change,
        kr_card=widgets.kr_card,
        objective_head=widgets.objective_head,
        checkin_list=widgets.checkin_list,
        status_counts=widgets.status_counts,
        rollup_cell=widgets.rollup_cell,
        summary_rows=widgets.summary_rows,
        attention_path=attention_path,
    )
    # Filters are called directly by compiled templates; globals go through a slower path.
    env.filters.update(
        href=_href,
        person=_person,
        team_name=_team_name,
        status_badge=widgets.status_badge,
        # ``<h1{{ o.title | lang }}>``: a lang attribute when the text's script is not the page's
        lang=lambda text: Markup(widgets.lang(str(text))),
    )
    env.filters.update(percent=percent, number=number, with_unit=with_unit, iso=_iso)
    return env


class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates kept between builds in the user's cache folder (okrdocs.cachedir).

    Compiling the theme costs about 50 ms in every process of every build, a tenth of a small
    build. Compiled templates are code, so they are never read from the project (a committed
    cache would run in CI); the user's cache folder is outside every repository. Jinja checks
    each entry against the template's source; the salt adds what else changes the compiled code
    here: the okrdocs version (compile options), the theme's folders and the translations,
    which TranslateLiterals writes into the code.
    """

    def __init__(self, directory: str, salt: str) -> None:
        super().__init__(directory, "%s.jinja")
        self.salt = salt

    def get_source_checksum(self, source: str) -> str:
        return super().get_source_checksum(self.salt + "\0" + source)


def _template_cache(config: Config, translations: dict[str, str]) -> _TemplateCache | None:
    from okrdocs import __version__
    from okrdocs.cachedir import private_folder

    folder = private_folder("templates", config.root)
    if folder is None:  # no private cache folder: compile every time
        return None
    themes = [str(path) for path in watched_folders(config)]
    salt = json.dumps([__version__, config.language, themes, translations], sort_keys=True)
    return _TemplateCache(str(folder), salt)


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else "–"


@pass_context
def _url(context: Any, target: str) -> str:
    """A link from the page being rendered to ``target`` (a path from the site root).

    The page's way back to the root plus the target: as relative as it needs to be, and one
    string concatenation per link (pages have many).
    """
    return context["root"] + quoted(target)


@pass_context
def _href(context: Any, target: str) -> str:
    """``path | href``: the same as url(path), faster."""
    return context["root"] + quoted(target)


@pass_context
def _person(context: Any, person: str | None) -> str:
    """``id | person``: a person's display name."""
    return context["data"].person_name(person)


@pass_context
def _team_name(context: Any, team: str | None) -> str:
    """``id | team_name``: a team's display name."""
    return context["data"].team_name(team)


def render(env: Environment, template: str, page_path: str, context: dict[str, Any]) -> str:
    try:
        loaded = env.get_template(template)
        if not isinstance(loaded.globals, dict):
            # A template's globals are a ChainMap over the environment's, which every render
            # copies into the page's context key by key, in Python: 60 us a page. Flattened
            # once (the environment's globals are complete before any template loads), the
            # copy is a dict's.
            loaded.globals = dict(loaded.globals)
        return loaded.render(page_path=page_path, **context)
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
