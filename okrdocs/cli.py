"""The ``okrdocs`` command line: thin glue over the loader, the linter and the renderers.

Heavy modules are imported inside the commands that need them, so ``okrdocs lint`` on one file
(what pre-commit runs on every commit) starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from okrdocs import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def fail_usage(message: str) -> NoReturn:
    """A usage or config error: one line on stderr, exit 2."""
    click.echo(f"okrdocs: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def load_config_or_exit(config_path: Path | None):  # type: ignore[no-untyped-def]
    from okrdocs.config import ConfigError, load_config

    try:
        return load_config(config_path)
    except ConfigError as error:
        fail_usage(str(error))


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Config file (default: okrdocs.toml or pyproject.toml found from the current folder up).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="okrdocs")
def cli() -> None:
    """Write, lint and publish OKRs as plain Markdown files in git."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Skip files outside the content folder or matched by 'exclude', even when named "
    "explicitly (for pre-commit, which passes every changed Markdown file).",
)
@click.option("--color/--no-color", default=None, help="Color the output (default: on a terminal).")
def lint(
    paths: tuple[Path, ...], config_path: Path | None, force_exclude: bool, color: bool | None
) -> None:
    """Check OKR files: syntax, schema and cross-file references.

    PATHS are files or folders (default: the configured content folder). Exit status: 0 when
    clean, 1 when problems were found, 2 for usage or configuration errors.
    """
    from okrdocs.formats import text
    from okrdocs.project import PathError, expand_paths, load_project

    config = load_config_or_exit(config_path)
    if paths:
        try:
            files: list[Path] | None = expand_paths(paths, config, force_exclude)
        except PathError as error:
            fail_usage(str(error))
    else:
        if not config.content.is_dir():
            fail_usage(
                f"content folder not found: {config.content} (set 'content' in okrdocs.toml)"
            )
        files = None
    project = load_project(config, files, keep_models=False)
    found = project.all_diagnostics()
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(text.render(found, len(project.files), use_color), nl=False, color=use_color)
    sys.exit(EXIT_PROBLEMS if any(d.severity == "error" for d in found) else EXIT_OK)


def main() -> None:
    cli(prog_name="okrdocs")
