"""The ``okrdocs`` command line: thin glue over the loader, the linter and the renderers.

Heavy modules are imported inside the commands that need them, so ``okrdocs lint`` on one file
(what pre-commit runs on every commit) starts fast.
"""

from __future__ import annotations

import gc
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from okrdocs import __version__
from okrdocs.formats import FORMATS
from okrdocs.i18n import N_, _, _n, os_problem

if TYPE_CHECKING:
    from okrdocs.analysis import Analysis
    from okrdocs.config import Config
    from okrdocs.diagnostics import Diagnostic
    from okrdocs.workspace import Workspace

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


# Set by main(), the console script: the process ends when the command does.
_PROCESS_ENDS_WITH_COMMAND = False


def finish(code: int = EXIT_OK) -> NoReturn:
    """End a command that has built a large model, with exit status ``code``.

    From the console script the process ends right here, without Python freeing the model
    object by object and collecting it once more at shutdown: the operating system reclaims
    the memory at once (about 0.5 s at 10,000 objectives, 5% of a build). Called from a
    program (click's test runner, an embedding tool) it is an ordinary exit.
    """
    if _PROCESS_ENDS_WITH_COMMAND:
        from contextlib import suppress

        for stream in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):  # a closed pipe: nothing more can be said
                stream.flush()
        os._exit(code)
    sys.exit(code)


class UsageError(click.ClickException):
    """A usage or configuration error: one line on stderr, exit status 2."""

    exit_code = EXIT_USAGE

    def show(self, file: object = None) -> None:
        click.echo(_("okrdocs: error: {message}", message=self.format_message()), err=True)


def fail_usage(message: str) -> NoReturn:
    raise UsageError(message)


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when under it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def use_language(option: str | None, configured: str | None = None) -> str:
    """Speak the language chosen by --lang, OKRDOCS_LANG, the configuration or the locale."""
    from okrdocs.i18n import choose_language, set_language

    chosen = choose_language(option, configured)
    set_language(chosen)
    return chosen


def load_config_or_exit(config_path: Path | None, lang: str | None = None) -> Config:
    """The configuration; its language (or --lang, OKRDOCS_LANG, the locale) is spoken from
    now on. The site keeps the configuration's language: a reader's preference for messages
    does not change what is published."""
    from okrdocs.config import ConfigError, load_config

    use_language(lang)  # until the configuration is read: errors reading it are said so
    try:
        config = load_config(config_path)
    except ConfigError as error:
        from okrdocs.config import configured_language
        from okrdocs.i18n import language, normalise

        message = str(error)
        # An error in another value: said in the language the configuration asks for.
        wanted = normalise(configured_language(config_path))
        if wanted and use_language(lang, wanted) != "en" and language() == wanted:
            try:
                load_config(config_path)
            except ConfigError as worded:
                message = str(worded)
        fail_usage(message)
    use_language(lang, config.language if config.path else None)
    return config


lang_option = click.option(
    "--lang",
    "lang",
    metavar="en|zh-CN",
    help="Language of messages (default: $OKRDOCS_LANG, the configuration's language, else the "
    "locale). The site's language is the configuration's.",
)
config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Config file (default: okrdocs.toml or pyproject.toml found from the current folder up).",
)
jobs_option = click.option(
    "--jobs", "-j", type=click.IntRange(min=1), help="Processes to use (default: all CPUs)."
)
color_option = click.option(
    "--color/--no-color", default=None, help="Color the output (default: on a terminal)."
)
output_file_option = click.option(
    "--output-file",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of standard output.",
)


def require_content(config: Config) -> None:
    """Stop with one line when the content folder does not exist."""
    from okrdocs.workspace import ContentMissing

    if not config.content.is_dir():
        fail_usage(str(ContentMissing(config)))


def note_skipped(skipped: list[tuple[str, str]]) -> None:
    """Say which files under the content folder were not read, and why (stderr)."""
    cwd = str(Path.cwd().absolute()) + os.sep
    for path, why in skipped:
        shown = path[len(cwd) :] if path.startswith(cwd) else path  # the link, not its target
        click.echo(
            _("okrdocs: skipped {path}: {why}", path=shown.replace(os.sep, "/"), why=_(why)),
            err=True,
        )


def write_output(path: Path, text: str | bytes) -> None:
    """Write a report the user asked for; a failure is a usage error."""
    try:
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        fail_usage(_("{path}: cannot write: {problem}", path=path, problem=os_problem(error)))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="okrdocs")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Write, lint and publish OKRs as plain Markdown files in git."""
    if ctx.invoked_subcommand not in ("serve", "lsp"):
        # A one-shot command builds a large, long-lived, acyclic model; the cyclic collector
        # would only rescan it, again and again (about 10% of a 10,000-file build). The long
        # running servers keep it on.
        gc.disable()
        ctx.call_on_close(gc.enable)


def parse_date(value: str | None, option: str) -> date:
    """A YYYY-MM-DD option value, or today; a bad value is a usage error naming where it came
    from (the option, or the environment variable that set it)."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        source = option
        context = click.get_current_context(silent=True)
        if option == "--as-of" and context is not None:
            from click.core import ParameterSource

            if context.get_parameter_source("as_of") is ParameterSource.ENVIRONMENT:
                source = "OKRDOCS_AS_OF"
        fail_usage(
            _("{source}: {value!r} is not a date; use YYYY-MM-DD", source=source, value=value)
        )


def split_codes(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


as_of_option = click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    envvar="OKRDOCS_AS_OF",
    help="Judge dates (staleness, closed periods, status) as of this day "
    "(default: $OKRDOCS_AS_OF, else today).",
)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@lang_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    help="Output format (default: text; github when GITHUB_ACTIONS=true).",
)
@output_file_option
@as_of_option
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only these rules (codes, names or prefixes, comma-separated; replaces the "
    "configured selection).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Do not run these rules (added to the configured ignores).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    help="Lowest severity that makes the exit status 1 (default: error).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems were found.")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Skip files outside the content folder or matched by 'exclude', even when named "
    "explicitly (for pre-commit, which passes every changed Markdown file).",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe fixes (only the fixed bytes change), then report what remains.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print the safe fixes as a unified diff without writing; exit 1 if there are any.",
)
@jobs_option
@click.option("--no-cache", is_flag=True, help="Do not read or write .okrdocs-cache/.")
@color_option
def lint(
    paths: tuple[Path, ...],
    config_path: Path | None,
    lang: str | None,
    output_format: str | None,
    output_file: Path | None,
    as_of: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    force_exclude: bool,
    fix: bool,
    show_diff: bool,
    jobs: int | None,
    no_cache: bool,
    color: bool | None,
) -> None:
    """Check OKR files: syntax, schema and OKR quality rules.

    PATHS are files or folders (default: the configured content folder). Exit status: 0 when
    clean, 1 when problems at or above --fail-on were found, 2 for usage or configuration errors.
    """
    from okrdocs.config import ConfigError
    from okrdocs.formats import LintReport, render
    from okrdocs.lint import resolve_policy
    from okrdocs.workspace import PathError, Workspace, expand_paths

    config = load_config_or_exit(config_path, lang)
    if fix and show_diff:
        fail_usage(
            _(
                "--fix and --diff cannot be used together: --diff shows the fixes, --fix "
                "applies them"
            )
        )
    day = parse_date(as_of, "--as-of")
    try:
        policy = resolve_policy(config, split_codes(select), split_codes(ignore))
    except ConfigError as error:
        fail_usage(str(error))
    files: list[Path] | None = None
    if paths:
        try:
            files = expand_paths(paths, config, force_exclude)
        except PathError as error:
            fail_usage(str(error))
    else:
        require_content(config)
    workspace = Workspace(config, day, policy, jobs=jobs, use_cache=not no_cache)
    workspace.load(files, keep_models=False)
    note_skipped(workspace.skipped)
    chosen = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if show_diff:
        _show_fixes(workspace)
    fixed_lines: list[str] = []
    if fix:
        from okrdocs.authoring.fix import fix_report, fix_summary, fix_workspace

        fixes, problems = fix_workspace(workspace, write=True)
        for problem in problems:
            click.echo(_("okrdocs: {message}", message=problem), err=True)
        if fixes:
            fixed_lines = [*fix_report(fixes, write=True), fix_summary(fixes, write=True)]
        if chosen != "text" or output_file is not None:
            click.echo("\n".join(fixed_lines), err=True)
            fixed_lines = []
    to_terminal = output_file is None and sys.stdout.isatty()
    report = LintReport(
        workspace.diagnostics,
        [f.context.display_path for f in workspace.loaded],
        workspace.enabled,
        to_terminal if color is None else color,
    )
    text_report = render(chosen, report)
    if output_file is not None:
        write_output(output_file, text_report)
        from okrdocs.formats import text

        click.echo(text.summary(workspace.diagnostics, workspace.files_checked), err=True)
    else:
        for line in fixed_lines:
            click.echo(line)
        click.echo(text_report, nl=False, color=color if color is not None else None)
    threshold = fail_on or config.lint.fail_on
    finish(EXIT_PROBLEMS if (workspace.failed(threshold) and not exit_zero) else EXIT_OK)


def _show_fixes(workspace: Workspace) -> NoReturn:
    """``lint --diff``: the safe fixes as a unified diff, nothing written; exit 1 when there
    would be changes (as ``ruff --diff`` does), 0 when there are none."""
    from okrdocs.authoring.fix import fix_report, fix_summary, fix_workspace, unified_diff

    fixes, problems = fix_workspace(workspace, write=False)
    for problem in problems:
        click.echo(_("okrdocs: {message}", message=problem), err=True)
    for item in fixes:
        if item.result.changed:
            click.echo(unified_diff(item.old, item.result.data, item.display_path), nl=False)
    if fixes:
        for line in [*fix_report(fixes, write=False), fix_summary(fixes, write=False)]:
            click.echo(line, err=True)
    finish(EXIT_PROBLEMS if any(item.result.changed for item in fixes) else EXIT_OK)


def print_diagnostics(found: list[Diagnostic], files_checked: int) -> None:
    from okrdocs.formats import text

    use_color = sys.stderr.isatty()
    click.echo(text.render(found, files_checked, use_color), nl=False, err=True, color=use_color)


@cli.command()
@config_option
@lang_option
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write the site to (default: 'output' in the config, else site/).",
)
@as_of_option
@click.option(
    "--no-lint",
    is_flag=True,
    help="Build even when linting finds errors (files that cannot be read are left out).",
)
@jobs_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(
    config_path: Path | None,
    lang: str | None,
    output: Path | None,
    as_of: str | None,
    no_lint: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Build the static site: every period, team, person and objective, with progress,
    status, the alignment tree and search. The same build works from file:// and any sub-path.
    """
    from okrdocs.site.build import BuildError
    from okrdocs.site.build import build as run_build
    from okrdocs.site.render import ThemeError

    config = load_config_or_exit(config_path, lang)
    day = parse_date(as_of, "--as-of")
    require_content(config)
    target = output.resolve() if output else config.output
    try:
        result = run_build(
            config,
            target,
            day,
            lint=not no_lint,
            jobs=jobs,
            detach_removal=_PROCESS_ENDS_WITH_COMMAND,
        )
    except BuildError as error:
        if error.diagnostics:
            print_diagnostics(error.diagnostics, error.files_checked)
        if error.exit_code == 2:
            fail_usage(error.message)
        click.echo(_("okrdocs: build stopped: {message}", message=error.message), err=True)
        sys.exit(EXIT_PROBLEMS)
    except ThemeError as error:
        fail_usage(str(error))
    note_skipped(result.skipped)
    warnings = [d for d in result.diagnostics if d.severity == "warning"]
    if not quiet:
        try:
            shown = result.output.relative_to(Path.cwd())
        except ValueError:
            shown = result.output
        note = (
            _n(
                "; {n} lint warning shown on the pages",
                "; {n} lint warnings shown on the pages",
                len(warnings),
            )
            if warnings
            else ""
        )
        click.echo(
            _(
                "Built {pages} pages for {objectives} objectives in {seconds} s: {index}{note}",
                pages=result.pages,
                objectives=len(result.data.objectives),
                seconds=f"{result.seconds:.2f}",
                index=f"{shown}/index.html",
                note=note,
            )
        )
    finish()


@cli.command()
@config_option
@lang_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 shares the site with your network).",
)
@click.option(
    "--port",
    "-p",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
)
@as_of_option
@click.option(
    "--poll",
    is_flag=True,
    help="Look for changes every half second instead of using file events (for network file "
    "systems and containers where events do not arrive).",
)
def serve(
    config_path: Path | None,
    lang: str | None,
    host: str,
    port: int,
    as_of: str | None,
    poll: bool,
) -> None:
    """Serve the site while you write: rebuilds what changed and reloads the browser.

    A file with errors does not stop the server: its problems show in the terminal and on the
    pages. Stop with Ctrl+C.
    """
    from okrdocs.site.render import ThemeError
    from okrdocs.site.serve import ServeError
    from okrdocs.site.serve import serve as run_serve

    config = load_config_or_exit(config_path, lang)
    day = parse_date(as_of, "--as-of")
    require_content(config)

    def report(message: str) -> None:
        click.echo(f"[{datetime.now():%H:%M:%S}] {message}", err=True)

    def ready(url: str) -> None:
        click.echo(
            _("Serving {url} (Ctrl+C to stop); watching {folder}", url=url, folder=config.content),
            err=True,
        )

    import signal

    def stop_serving(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # ends the server the way Ctrl+C does: folders are removed

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop_serving)
    try:
        run_serve(
            config, host, port, day, report, ready=ready, watch_mode="poll" if poll else "auto"
        )
    except (ServeError, ThemeError) as error:
        fail_usage(str(error))


@cli.command()
@click.argument("revisions", nargs=-1, metavar="[OLD [NEW]]")
@config_option
@lang_option
@click.option(
    "--paths",
    "folders",
    nargs=2,
    type=click.Path(path_type=Path, file_okay=False),
    metavar="OLD_DIR NEW_DIR",
    help="Compare two content folders instead of git revisions.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@click.option(
    "--fail-on",
    "fail_on",
    metavar="KINDS",
    help="Exit 1 when a change of these kinds or tags appears, such as "
    "target-lowered,kr-removed,less-ambitious (see docs/diff.md).",
)
@output_file_option
@as_of_option
@color_option
def diff(
    revisions: tuple[str, ...],
    config_path: Path | None,
    lang: str | None,
    folders: tuple[Path, Path] | None,
    output_format: str,
    fail_on: str | None,
    output_file: Path | None,
    as_of: str | None,
    color: bool | None,
) -> None:
    """Explain OKR changes: targets raised or lowered, KRs added or dropped, progress moved.

    \b
    okrdocs diff                 the working tree against HEAD
    okrdocs diff REV             the working tree against REV
    okrdocs diff REV1 REV2       REV2 against REV1
    okrdocs diff --paths OLD NEW two folders, without git
    """
    from okrdocs.diff import render, sources
    from okrdocs.diff.compare import KINDS, TAGS, compare

    config = load_config_or_exit(config_path, lang)
    day = parse_date(as_of, "--as-of")
    selectors = {s.strip() for s in (fail_on or "").split(",") if s.strip()}
    unknown = sorted(selectors - set(KINDS) - set(TAGS))
    if unknown:
        fail_usage(
            _(
                "--fail-on: unknown change kind {kind!r}; kinds: {kinds}",
                kind=unknown[0],
                kinds=", ".join(sorted(KINDS + TAGS)),
            )
        )
    cwd = Path.cwd()
    try:
        if folders:
            if revisions:
                fail_usage(_("give either revisions or --paths, not both"))
            old, new = sources.folders(config, folders[0], folders[1], cwd, day)
        else:
            if len(revisions) > 2:
                fail_usage(_("give at most two revisions: okrdocs diff [OLD [NEW]]"))
            if len(revisions) < 2:
                require_content(config)
            old, new = sources.sides(config, revisions, cwd, day)
    except sources.SourceError as error:
        fail_usage(str(error))
    report = compare(old, new, day, config.status)
    if output_format == "markdown":
        result = render.markdown(report)
    elif output_format == "json":
        result = render.as_json(report)
    else:
        use_color = (output_file is None and sys.stdout.isatty()) if color is None else color
        result = render.text(report, use_color)
    if output_file is not None:
        write_output(output_file, result)
        click.echo(render.summary(report), err=True)
    else:
        click.echo(result, nl=False, color=color)
    matched = report.matching(selectors) if selectors else []
    if matched:
        kinds = sorted({c.kind for _path, c in matched})
        click.echo(
            _n(
                "okrdocs: {n} change matched --fail-on ({kinds})",
                "okrdocs: {n} changes matched --fail-on ({kinds})",
                len(matched),
                kinds=", ".join(kinds),
            ),
            err=True,
        )
        finish(EXIT_PROBLEMS)
    finish()


# -- authoring -----------------------------------------------------------------------------


@cli.command()
@click.argument(
    "folder", required=False, default=".", type=click.Path(path_type=Path, file_okay=False)
)
@click.option("--title", default="OKRs", show_default=True, help="The site title.")
@click.option("--language", type=click.Choice(["en", "zh-CN"]), default="en", show_default=True)
@lang_option
@as_of_option
def init(folder: Path, title: str, language: str, lang: str | None, as_of: str | None) -> None:
    """Start an OKR repository: configuration, sample objectives, pre-commit, CI, README.

    Existing files are never overwritten: they are skipped and listed.
    """
    use_language(lang, language)
    from okrdocs.authoring.init import init as run_init

    written, updated, skipped = run_init(folder, parse_date(as_of, "--as-of"), title, language)
    for path in written:
        click.echo(_("created {path}", path=path))
    for path in updated:
        click.echo(_("updated {path} (added the lines okrdocs needs)", path=path))
    for path in skipped:
        click.echo(_("skipped {path} (exists; not overwritten)", path=path), err=True)
    if not written and not updated:
        click.echo(
            _("okrdocs: nothing created: {folder} already has every file", folder=folder),
            err=True,
        )
        sys.exit(EXIT_PROBLEMS)
    go = "" if folder.resolve() == Path.cwd().resolve() else f"cd {shown_path(folder)} && "
    click.echo(
        _(
            "Next: {commands}",
            commands=f"{go}okrdocs lint && okrdocs serve; git init && pre-commit install.",
        )
    )


@cli.command()
@config_option
@lang_option
@click.option("--objective", help="The objective, one qualitative line.")
@click.option("--owner", help="Who is accountable.")
@click.option("--team", help="The team (default: asked, or none).")
@click.option("--period", help="YYYY-Q1, YYYY, ... (default: the current quarter).")
@click.option(
    "--kr", "krs", multiple=True, metavar="TITLE", help="A key result title (repeat for more)."
)
@click.option("--parent", help="Id of the objective this one aligns to.")
@click.option(
    "--type",
    "kind",
    type=click.Choice(["committed", "aspirational"]),
    default="committed",
    show_default=True,
)
@click.option("--id", "object_id", help="A stable id (default: from the file's path).")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The file to write (default: content/TEAM/PERIOD-SLUG.md).",
)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask for what is missing (default: when run in a terminal).",
)
@as_of_option
def new(
    config_path: Path | None,
    lang: str | None,
    objective: str | None,
    owner: str | None,
    team: str | None,
    period: str | None,
    krs: tuple[str, ...],
    parent: str | None,
    kind: str,
    object_id: str | None,
    output: Path | None,
    interactive: bool | None,
    as_of: str | None,
) -> None:
    """Create an objective file, from options or by asking, and say what is left to fill in."""
    from okrdocs.authoring.new import NewError, NewObjective, create, current_quarter

    config = load_config_or_exit(config_path, lang)
    if interactive is None:
        interactive = sys.stdin.isatty()

    def ask(
        value: str | None,
        name: str,
        prompt: str,
        default: str | None = None,
        required: bool = True,
    ) -> str | None:
        if value:
            return value
        if not interactive:
            if required and default is None:
                fail_usage(_("--{option} is required when not run interactively", option=name))
            return default
        answer = click.prompt(
            prompt, default=default or ("" if not required else None), show_default=bool(default)
        )
        return answer or None

    objective = ask(objective, "objective", _("Objective (one qualitative line)"))
    owner = ask(owner, "owner", _("Owner"))
    team = ask(team, "team", _("Team"), default="", required=False)
    today = parse_date(as_of, "--as-of")
    period = ask(period, "period", _("Period"), default=current_quarter(today, config))
    key_results = list(krs)
    if not key_results and interactive:
        while True:
            title = click.prompt(
                _("Key result {n} (empty to finish)", n=len(key_results) + 1),
                default="",
                show_default=False,
            )
            if not title:
                break
            key_results.append(title)
    spec = NewObjective(
        objective or "",
        owner or "",
        team or None,
        period or "",
        key_results,
        parent,
        kind,
        object_id,
    )
    try:
        path, todo = create(config, spec, output, today)
    except NewError as error:
        fail_usage(str(error))
    click.echo(_("created {path}", path=shown_path(path)))
    if todo:
        click.echo(_("Left to fill in:"))
        for d in todo:
            click.echo(f"  {d.line}:{d.column}: {d.code} {d.message}")


@cli.command()
@click.argument("objective")
@click.argument("values", nargs=-1, metavar="KR [KR=VALUE ...]")
@config_option
@lang_option
@click.option("--value", help="The new value of the one key result named.")
@click.option("--done/--not-done", default=None, help="For a milestone key result.")
@click.option("--confidence", type=float, help="Confidence that the target will be met, 0 to 1.")
@click.option("--note", help="What happened, what is blocking, what changes next.")
@click.option(
    "--date", "day", metavar="YYYY-MM-DD", help="The day the values were measured (default: today)."
)
@click.option("--author", help="Who is checking in.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option(
    "--replace",
    is_flag=True,
    help="Overwrite the values (and note, confidence, author) of that day's check-in.",
)
@as_of_option
def checkin(
    objective: str,
    values: tuple[str, ...],
    config_path: Path | None,
    lang: str | None,
    value: str | None,
    done: bool | None,
    confidence: float | None,
    note: str | None,
    day: str | None,
    author: str | None,
    dry_run: bool,
    replace: bool,
    as_of: str | None,
) -> None:
    """Record a check-in: set key results' current values and append a dated entry.

    \b
    okrdocs checkin sales/east-china revenue --value 850 --note "..."
    okrdocs checkin sales/east-china revenue=850 new-customers=3 --confidence 0.7
    okrdocs checkin engineering/onboarding wizard-ga --done

    OBJECTIVE is an id or a path. Nothing else in the file changes: comments, key order,
    quoting, blank lines and the body stay byte for byte.
    """
    from okrdocs.authoring.checkin import CheckinError, find_objective, record

    config = load_config_or_exit(config_path, lang)
    today = parse_date(as_of, "--as-of")
    when = parse_date(day, "--date") if day else today
    pairs: dict[str, str] = {}
    single = [v for v in values if "=" not in v]
    for item in values:
        if "=" in item:
            kr_id, _equals, text = item.partition("=")
            pairs[kr_id.strip()] = text.strip()
    if single:
        if len(single) > 1 or (value is None and done is None):
            fail_usage(_("name one key result with --value (or --done), or give KR=VALUE pairs"))
        pairs[single[0]] = value if value is not None else ("done" if done else "not-done")
    elif value is not None or done is not None:
        fail_usage(
            _("--value and --done need a key result: okrdocs checkin OBJECTIVE KR --value N")
        )
    try:
        path = find_objective(config, objective, Path.cwd())
        result = record(
            config, path, pairs, when, today, confidence, note, author,
            dry_run=dry_run, replace=replace,
        )  # fmt: skip
    except CheckinError as error:
        if error.diagnostics:
            print_diagnostics(error.diagnostics, 1)
            click.echo(_("okrdocs: error: {message}", message=error.message), err=True)
            sys.exit(EXIT_PROBLEMS)
        fail_usage(error.message)
    verb = _("would record") if dry_run else _("recorded")
    if result.merged:
        verb += _(" (joining that day's check-in)")
    if result.backfill:
        changes = ", ".join(f"{kr} = {_shown(v)}" for kr, v in result.values.items())
    else:
        changes = ", ".join(
            f"{kr} {_shown(result.previous.get(kr))} → {_shown(v)}"
            for kr, v in result.values.items()
        )
    click.echo(
        _(
            "{verb} check-in {day} in {path}: {changes}",
            verb=verb,
            day=result.day.isoformat(),
            path=shown_path(path),
            changes=changes,
        )
    )
    if result.backfill:
        click.echo(
            _("a later check-in exists, so key results' current values were left as they were")
        )


def _shown(value: float | bool | None) -> str:
    if isinstance(value, bool):
        return _("done") if value else _("not done")
    from okrdocs.display import number

    return number(value, none=_("none"), grouping=False)


@cli.command()
@config_option
@lang_option
@click.option("--period", help="A period (default: the current one); 'all' for every period.")
@click.option("--team", help="Only this team.")
@click.option("--owner", help="Only objectives this person owns (or owns a key result of).")
@as_of_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@color_option
def status(
    config_path: Path | None,
    lang: str | None,
    period: str | None,
    team: str | None,
    owner: str | None,
    as_of: str | None,
    output_format: str,
    color: bool | None,
) -> None:
    """Where objectives stand: progress bars, status and the last check-in, in the terminal."""
    import shutil

    from okrdocs.authoring import status as view
    from okrdocs.site.export import objective_json

    config = load_config_or_exit(config_path, lang)
    data = _analysis(config, parse_date(as_of, "--as-of"))
    try:
        chosen = view.select(data, period, team, owner)
    except view.StatusError as error:
        fail_usage(str(error))
    if output_format == "json":
        import json

        click.echo(
            json.dumps(
                [objective_json(o, data) for o in chosen],
                ensure_ascii=False,
                indent=2,
                allow_nan=False,
            )
        )
        finish()
    use_color = sys.stdout.isatty() if color is None else color
    width = shutil.get_terminal_size((110, 24)).columns
    click.echo(view.render(data, chosen, use_color, width), nl=False, color=use_color)
    finish()


def _analysis(config: Config, day: date) -> Analysis:
    """The analysis of every valid objective; files that cannot be read are left out, with a
    note."""
    return _analysis_and_left_out(config, day)[0]


def _analysis_and_left_out(config: Config, day: date) -> tuple[Analysis, int]:
    """``_analysis``, and how many files it left out."""
    from okrdocs.workspace import Workspace

    require_content(config)
    workspace = Workspace(config, day).load()
    note_skipped(workspace.skipped)
    broken = workspace.unreadable
    if broken:
        click.echo(
            _n(
                "okrdocs: {n} file cannot be read and is left out; run okrdocs lint",
                "okrdocs: {n} files cannot be read and are left out; run okrdocs lint",
                len(broken),
            ),
            err=True,
        )
    return workspace.analysis(), len(broken)


REPORT_FORMATS = ("text", "markdown", "json", "feishu", "slack", "teams")


@cli.command()
@config_option
@lang_option
@click.option("--period", help="A period (default: the current one).")
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    help="Report check-ins after this day (default: 7 days before the as-of day).",
)
@click.option("--team", help="Only this team (id or name) and its sub-teams.")
@click.option("--owner", help="Only what this person owns: objectives, key results, actions.")
@as_of_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="markdown for a chat message, an issue or an email; feishu, slack and teams for the "
    "JSON their incoming webhooks expect.",
)
@output_file_option
def report(
    config_path: Path | None,
    lang: str | None,
    period: str | None,
    since: str | None,
    team: str | None,
    owner: str | None,
    as_of: str | None,
    output_format: str,
    output_file: Path | None,
) -> None:
    """The weekly report: what moved, what slipped, who is quiet, what is due.

    For each team: key results whose values moved in the window (from the check-ins), what
    became at risk or off track, confidence that dropped, stale key results and whose check-in
    is missing, actions overdue or due in the coming week. In the configured language.
    """
    from okrdocs.report import render, weekly

    config = load_config_or_exit(config_path, lang)
    day = parse_date(as_of, "--as-of")
    start = parse_date(since, "--since") if since else None
    data = _analysis(config, day)
    try:
        built = weekly.build(data, period, start, team, owner)
    except weekly.ReportError as error:
        fail_usage(str(error))
    if output_format == "text":
        text = render.text(built)
    elif output_format == "markdown":
        text = render.markdown(built, config.base_url)
    elif output_format == "json":
        text = render.as_json(built)
    else:
        from okrdocs.report import chat

        text = getattr(chat, output_format)(render.outline(built, config.base_url))
    if output_file is None:
        click.echo(text, nl=False)
    else:
        write_output(output_file, text)
        click.echo(_("wrote {path}", path=output_file), err=True)
    finish()


@cli.command()
@config_option
@lang_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file (default: standard output).",
)
@as_of_option
def export(
    config_path: Path | None,
    lang: str | None,
    output_format: str,
    output_file: Path | None,
    as_of: str | None,
) -> None:
    """Export every key result with its objective and computed progress and status.

    CSV is UTF-8 with a byte-order mark so that Excel opens Chinese text correctly.
    """
    config = load_config_or_exit(config_path, lang)
    data, left_out = _analysis_and_left_out(config, parse_date(as_of, "--as-of"))
    if output_format == "csv":
        from okrdocs.authoring.csvio import to_csv

        payload = ("\ufeff" + to_csv(data)).encode("utf-8")
    else:
        import json

        from okrdocs.site.export import site_json

        payload = (
            json.dumps(site_json(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        ).encode("utf-8")
    if output_file is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        write_output(output_file, payload)
        click.echo(_("wrote {path}", path=output_file), err=True)
    # What is exported is complete only when every file could be read: a script that exports
    # for a spreadsheet or a dashboard must be able to tell.
    finish(EXIT_PROBLEMS if left_out else EXIT_OK)


@cli.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@config_option
@lang_option
@click.option(
    "--write", is_flag=True, help="Create and update the files (without it: only show what would)."
)
@click.option(
    "--update",
    is_flag=True,
    help="Apply the sheet's values to objectives that exist and differ (only those bytes change).",
)
@click.option(
    "--skip-existing",
    is_flag=True,
    help="Leave objectives that exist alone, even when the sheet differs.",
)
def import_csv(
    source: Path,
    config_path: Path | None,
    lang: str | None,
    write: bool,
    update: bool,
    skip_existing: bool,
) -> None:
    """Create objective files from a CSV spreadsheet (one row per key result).

    A dry run by default. All or nothing: if any row has a problem, no file is written. Rows of
    objectives that exist (by objective_id or source) change nothing unless --update. Columns:
    okrdocs help import.
    """
    from okrdocs.authoring.importing import WriteConflict, prepare
    from okrdocs.authoring.importing import write as write_files
    from okrdocs.authoring.spreadsheet import SheetError

    config = load_config_or_exit(config_path, lang)
    try:
        raw = source.read_bytes()
    except OSError as error:
        fail_usage(_("{path}: cannot read: {problem}", path=source, problem=os_problem(error)))
    try:
        planned = prepare(config, raw, Path.cwd(), skip_existing, update)
    except SheetError as error:
        fail_usage(f"{source}: {error}")  # SheetError messages are translated where made
    sheet = planned.sheet
    if sheet.encoding != "UTF-8" or sheet.separator != ",":
        separator = {",": _("comma"), ";": _("semicolon"), "\t": _("tab")}[sheet.separator]
        click.echo(
            _(
                "read {path} as {encoding}, {separator}-separated",
                path=source,
                encoding=_(sheet.encoding),
                separator=separator,
            ),
            err=True,
        )
    if sheet.ignored:
        click.echo(
            _("okrdocs: ignored columns: {columns}", columns=", ".join(sheet.ignored)), err=True
        )
    for path in planned.skipped:
        click.echo(_("skipped {path} (exists)", path=shown_path(path)))
    if planned.errors:
        for problem in planned.errors:
            click.echo(f"{source}:{problem.row}: {problem.message}", err=True)
        click.echo(
            _n(
                "okrdocs: nothing written: fix the row above and run again (columns: okrdocs "
                "help import)",
                "okrdocs: nothing written: fix the rows above and run again (columns: okrdocs "
                "help import)",
                len({e.row for e in planned.errors}),
            ),
            err=True,
        )
        sys.exit(EXIT_PROBLEMS)
    if write and (planned.create or planned.update):
        # Written before anything is announced: "created" is said only of files this command
        # made (another command may have made one of them meanwhile).
        try:
            write_files(planned)
        except WriteConflict as error:
            click.echo(_("okrdocs: error: {message}", message=error), err=True)
            sys.exit(EXIT_PROBLEMS)
    for path in planned.unchanged:
        click.echo(_("unchanged {path}", path=shown_path(path)))
    for entry in planned.create:
        count = len(entry.metadata["key_results"])
        summary = _n(
            "{path} ({n} key result)",
            "{path} ({n} key results)",
            count,
            path=shown_path(entry.path),
        )
        collided = planned.renamed.get(entry.path)
        if collided is not None:
            summary += _("; {path} is another objective's", path=shown_path(collided))
        message = (
            _("created {path}", path=summary) if write else _("would create {path}", path=summary)
        )
        click.echo(message)
    for change in planned.update:
        what = "; ".join(change.changes)
        path_text = shown_path(change.path)
        if write:
            click.echo(_("updated {path}: {changes}", path=path_text, changes=what))
        else:
            click.echo(_("would update {path}: {changes}", path=path_text, changes=what))
    if not planned.create and not planned.update:
        click.echo(_("Nothing to create or update."))
    elif not write:
        if planned.update:
            click.echo(
                _("Dry run: nothing written. Run again with --write to write these changes.")
            )
        else:
            click.echo(_("Dry run: nothing written. Run again with --write to create these files."))


@cli.command()
@lang_option
@click.option(
    "--stdio",
    is_flag=True,
    help="Talk over standard input and output (the default; editors' clients pass it).",
)
def lsp(lang: str | None, stdio: bool) -> None:
    """Run the language server for editors: findings as you type, quick fixes, hover,
    completion, go to definition (Language Server Protocol over standard input and output).
    See docs/editors.md for VS Code, Neovim, Helix, Emacs and JetBrains.
    """
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        fail_usage(_('the language server needs its extra: pip install "okrdocs[lsp]"'))
    from okrdocs.lsp import run

    run(lang)


@cli.command("help")
@click.argument("topic", required=False)
@lang_option
def help_topic(topic: str | None, lang: str | None) -> None:
    """Built-in help on a topic: import (the spreadsheet columns)."""
    _language_for(lang)
    topics = {"import": "okrdocs.authoring.spreadsheet"}
    if topic is None:
        click.echo(
            _("Topics: {topics}. Commands: okrdocs COMMAND --help.", topics=", ".join(topics))
        )
        return
    if topic not in topics:
        fail_usage(
            _("no help topic {topic!r}; topics: {topics}", topic=topic, topics=", ".join(topics))
        )
    from importlib import import_module

    click.echo(import_module(topics[topic]).help_text(), nl=False)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@lang_option
def list_rules(output_format: str, lang: str | None) -> None:
    """List every rule: code, name, default severity and what it flags."""
    from okrdocs.rules import RULES

    language = _language_for(lang)

    if output_format == "json":
        import json

        click.echo(
            json.dumps(
                [
                    {
                        "code": code,
                        "name": rule.name,
                        "severity": rule.severity,
                        "scope": rule.scope,
                        "fix": rule.fixable,
                        "summary": rule.summary(language),
                        "options": {
                            o.name: {"default": o.default, "description": _(o.description)}
                            for o in rule.options
                        },
                    }
                    for code, rule in RULES.items()
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    from okrdocs.language import display_width

    severities = {name: _(name) for name in ("error", "warning")}
    width = max(display_width(name) for name in severities.values())
    # Rules whose findings may come with a safe fix (``lint --fix``, editors' quick fixes).
    marker = _("fixable")
    marker_width = display_width(marker)
    for code, rule in RULES.items():
        severity = severities[rule.severity]
        padding = " " * (width - display_width(severity))
        fix = marker if rule.fixable is not None else " " * marker_width
        click.echo(f"{code}  {rule.name:<26} {severity}{padding} {fix} {rule.summary(language)}")


@cli.command("rule")
@click.argument("code")
@lang_option
def explain_rule(code: str, lang: str | None) -> None:
    """Explain one rule (by code or name): what it flags, why, examples, options."""
    from okrdocs.rules import find_rule
    from okrdocs.rules.docs import rule_page

    language = _language_for(lang)

    rule = find_rule(code)
    if rule is None:
        fail_usage(_("unknown rule {code!r}; 'okrdocs rules' lists them", code=code))
    click.echo(rule_page(rule, language), nl=False)


def _language_for(lang: str | None) -> str:
    """The language for commands that need no project: the configuration's when there is one."""
    from okrdocs.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError:
        return use_language(lang)
    return use_language(lang, config.language if config.path else None)


def main() -> None:
    """The ``okrdocs`` console script."""
    global _PROCESS_ENDS_WITH_COMMAND
    _PROCESS_ENDS_WITH_COMMAND = True
    arguments = sys.argv[1:]
    # Checked here, not in okrdocs.cli_help (~7 ms of imports), which only a help page needs.
    if not arguments or "--help" in arguments:
        _help_in_language(arguments)
    try:
        cli.main(prog_name="okrdocs", standalone_mode=False)
    except click.UsageError as error:  # click's own: a bad option or argument
        if isinstance(error, getattr(click.exceptions, "NoArgsIsHelpError", ())):
            error.show()  # 'okrdocs' alone (click 8.2+): the help, as click shows it
            sys.exit(error.exit_code)
        _usage_line(arguments, error)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(1)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)


# click's messages about a bad value, as the okrdocs catalogue words them (click's own text is
# English whatever the user's language).
_CLICK_MESSAGES = (
    (r"'(?P<value>.*)' is not one of (?P<choices>.*)\.", N_("{value!r} is not one of {choices}")),
    (r"'(?P<value>.*)' is not a valid (?:float|integer)\.", N_("{value!r} is not a number")),
    (r"(?:File|Directory|Path) '(?P<value>.*)' is a directory\.", N_("{value} is a folder")),
    (r"(?:File|Directory|Path) '(?P<value>.*)' does not exist\.", N_("{value} does not exist")),
    (r"(?P<value>.*) is not in the range (?P<choices>.*)\.", N_("{value} is not in {choices}")),
    (r"No such command '(?P<value>[^']*)'\.", N_("unknown command {value!r}")),
    (
        r"No such command '(?P<value>[^']*)'\.\s+Did you mean '(?P<choices>[^']*)'\?",
        N_("unknown command {value!r} (did you mean {choices!r}?)"),
    ),
)


def _usage_line(arguments: list[str], error: click.UsageError) -> NoReturn:
    """A usage error on one line, in the user's language, exit status 2."""
    import re

    _use_language_of(arguments)
    if isinstance(error, click.NoSuchOption):
        message = _("unknown option {option}", option=error.option_name)
        if error.possibilities:
            names = ", ".join(sorted(error.possibilities))
            message += _(" (did you mean {names}?)", names=names)
    elif isinstance(error, click.MissingParameter):
        hint = error.param.get_error_hint(error.ctx) if error.param and error.ctx else ""
        message = _("missing {what}", what=hint or _("an argument"))
    else:
        message = error.message
        for pattern, wording in _CLICK_MESSAGES:
            found = re.fullmatch(pattern, message)
            if found:
                message = _(wording, **found.groupdict())
                break
        if isinstance(error, click.BadParameter) and error.param and error.ctx:
            hint = error.param.get_error_hint(error.ctx)
            message = _("{option}: {message}", option=hint, message=message)
    command = error.ctx.command_path if error.ctx else "okrdocs"
    click.echo(
        _("okrdocs: error: {message} (see '{command} --help')", message=message, command=command),
        err=True,
    )
    sys.exit(EXIT_USAGE)


def _help_in_language(arguments: list[str]) -> None:
    """Help pages in the user's language (--lang, OKRDOCS_LANG, the configuration, the locale)."""
    from okrdocs.cli_help import translate

    if _use_language_of(arguments) != "en":
        translate(cli)


def _use_language_of(arguments: list[str]) -> str:
    """Speak the language the command line, OKRDOCS_LANG or the configuration asks for, before
    click has parsed the arguments (help pages, usage errors). The configuration's language is
    read leniently: a configuration with an error elsewhere still names it."""
    from okrdocs.cli_help import option_value
    from okrdocs.config import configured_language
    from okrdocs.i18n import normalise

    config_path = option_value(arguments, "--config")
    configured = configured_language(Path(config_path) if config_path else None)
    return use_language(normalise(option_value(arguments, "--lang")), configured)
