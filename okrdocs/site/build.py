"""``okrdocs build``: load, lint and analyse, render every page, swap the new site in atomically.

1. Check the output folder is safe to write (never the content folder, never a folder okrdocs
   did not create).
2. Load and lint the content through the workspace (okrdocs.workspace), on every core; errors
   stop the build, warnings go on the pages. Meanwhile, prepare the templates.
3. Analyse: progress, status, roll-ups (okrdocs.analysis).
4. Render every page (okrdocs.site.pages) and the whole-site files into a staging folder beside
   the output, on every core (okrdocs.site.writer).
5. Replace the old site with the staging folder; a failure leaves the old site untouched.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from okrdocs.analysis import Analysis
from okrdocs.config import Config
from okrdocs.diagnostics import Diagnostic
from okrdocs.i18n import _, _n, speaking
from okrdocs.parallel import gc_paused
from okrdocs.site import markdown as md
from okrdocs.site.writer import MARKER, OutputPathError, SiteWriter
from okrdocs.workspace import Workspace


class BuildError(Exception):
    """The build cannot proceed; ``exit_code`` 2 for usage problems, 1 for lint errors."""

    def __init__(
        self,
        message: str,
        exit_code: int = 2,
        diagnostics: list[Diagnostic] | None = None,
        files_checked: int = 0,
    ):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.diagnostics = diagnostics or []
        self.files_checked = files_checked


@dataclass(slots=True)
class BuildResult:
    output: Path
    pages: int
    data: Analysis
    diagnostics: list[Diagnostic]
    seconds: float
    files_read: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def check_output(config: Config, output: Path) -> None:
    """Refuse an output folder that would overwrite what the user wrote."""
    output = output.resolve()
    content = config.content.resolve()
    if _inside(output, content):
        raise BuildError(
            _(
                "the output folder {output} is inside the content folder {content}; choose another",
                output=output,
                content=content,
            )
        )
    if _inside(content, output) or _inside(config.root.resolve(), output):
        raise BuildError(
            _(
                "the output folder {output} contains the project; choose a folder of its own",
                output=output,
            )
        )
    if output.exists():
        if not output.is_dir():
            raise BuildError(_("the output path {output} is a file, not a folder", output=output))
        if any(output.iterdir()) and not (output / MARKER).exists():
            raise BuildError(
                _(
                    "the output folder {output} is not empty and was not created by okrdocs; "
                    "empty it or choose another (okrdocs never overwrites files it did not "
                    "write)",
                    output=output,
                )
            )


def load(
    config: Config,
    as_of: date,
    lint: bool = True,
    jobs: int | None = None,
    meanwhile: Any = None,
) -> Workspace:
    """The workspace of a build. Raises BuildError (exit 1) when linting finds errors."""
    if lint:
        workspace = Workspace.for_lint(config, as_of, jobs=jobs)
    else:
        workspace = Workspace(config, as_of, jobs=jobs)
    with speaking(config.language):  # the findings the pages show are in the site's language
        workspace.load(meanwhile=meanwhile)
    errors = [d for d in workspace.diagnostics if d.severity == "error"]
    if lint and errors:
        raise BuildError(
            _n(
                "{n} error found; fix it or build with --no-lint",
                "{n} errors found; fix them or build with --no-lint",
                len(errors),
            ),
            exit_code=1,
            diagnostics=workspace.diagnostics,
            files_checked=workspace.files_checked,
        )
    return workspace


class RenderingSetup:
    """The template environment and the Markdown renderer, prepared while files load.

    Importing Jinja2 and markdown-it, reading the compiled templates and building the Markdown
    parser cost ~60 ms; done beside the loading, it costs about half, and the processes forked
    to render pages inherit it instead of each doing it again.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self._env: Any = None

    def prepare(self) -> None:
        from jinja2 import TemplateError

        from okrdocs.site.render import ThemeError, make_environment

        md.render("*warm*")  # builds the shared parser
        try:
            env = make_environment(self.config)
            for name in ("base.html", "header.html", "objective.html", "team.html"):
                env.get_template(name)
        except (ThemeError, TemplateError, OSError, ValueError):
            return  # a broken theme is reported where pages are rendered, with its location
        self._env = env

    def environment(self) -> Any:
        from okrdocs.site.render import make_environment

        if self._env is None:
            self._env = make_environment(self.config)
        return self._env


def swap_in(staging: Path, output: Path, detach_removal: bool = False) -> None:
    """Replace ``output`` by ``staging`` so that a failure leaves the old site as it was.
    ``detach_removal``: delete the old site in a detached process (a command that ends now)."""
    backup = output.with_name(f".{output.name}.okrdocs-old-{os.getpid()}-swap")
    if output.exists():
        os.replace(output, backup)
    try:
        os.replace(staging, output)
    except OSError:
        if backup.exists():
            os.replace(backup, output)
        raise
    if not backup.exists():
        return
    if detach_removal:
        from okrdocs.site.staging import remove_tree_detached

        remove_tree_detached(backup)
    else:
        shutil.rmtree(backup, ignore_errors=True)


def build(
    config: Config,
    output: Path,
    as_of: date,
    lint: bool = True,
    jobs: int | None = None,
    detach_removal: bool = False,
) -> BuildResult:
    """Build the site into ``output``. ``detach_removal``: the previous site is deleted by a
    detached process (for a command that ends with the build: see ``swap_in``)."""
    started = time.perf_counter()
    output = output.resolve()
    check_output(config, output)
    # The cyclic collector stays off from loading to the last page: a build makes millions of
    # objects that reference counting frees, and a collection between loading and rendering
    # rescans every loaded model (0.6 s at 10,000 objectives).
    with gc_paused():
        return _build(config, output, as_of, lint, jobs, started, detach_removal)


def _build(
    config: Config,
    output: Path,
    as_of: date,
    lint: bool,
    jobs: int | None,
    started: float,
    detach_removal: bool,
) -> BuildResult:
    timings: dict[str, float] = {}
    renderer = RenderingSetup(config)
    workspace = load(config, as_of, lint, jobs, meanwhile=renderer.prepare)
    data = workspace.analysis()
    timings["load"] = time.perf_counter() - started
    output.parent.mkdir(parents=True, exist_ok=True)
    # Builds that were killed left their staging folders: remove those whose process is gone.
    from okrdocs.site.staging import remove_stale_folders

    for kind in ("new", "old"):
        remove_stale_folders(output.parent, f".{output.name}.okrdocs-{kind}-")
    staging = output.with_name(f".{output.name}.okrdocs-new-{os.getpid()}-staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        writer = SiteWriter(data, staging, env=renderer.environment())
        pages = writer.write_all(jobs)
        timings["render"] = time.perf_counter() - started - timings["load"]
        swap_in(staging, output, detach_removal)
    except OutputPathError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(str(error)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(
        output,
        pages,
        data,
        workspace.diagnostics,
        time.perf_counter() - started,
        workspace.files_checked,
        timings,
        workspace.skipped,
    )
