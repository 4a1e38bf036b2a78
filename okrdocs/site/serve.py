"""``okrdocs serve``: the site, live, while you write.

The site is built into a temporary folder and served on 127.0.0.1 (only this machine) by
default. A watcher polls the content folder, the configuration and the theme. When content
changes, only the changed files are read and checked again; cross-file checks and the numbers
are recomputed (cheap), and only the pages that can show the change are rendered again: the
changed objectives and their parents and children, their periods, teams, owners and alignment
trees, the home page, the indexes and the search index. A change to the configuration or the
theme rebuilds everything. Open pages reload themselves.

A file with errors does not stop the server: its problems are printed in the terminal and shown
on every page, and the rest of the site stays browsable.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from okrdocs.config import Config, ConfigError, load_config
from okrdocs.diagnostics import Diagnostic
from okrdocs.loader import LoadedFile, make_context
from okrdocs.parallel import gc_paused

Reporter = Callable[[str], None]


class LiveSite:
    """The loaded content and the rendered site, updated file by file."""

    def __init__(self, config: Config, as_of: date, folder: Path, report: Reporter) -> None:
        self.config = config
        self.as_of = as_of
        self.folder = folder
        self.report = report
        self.version = 0
        self.files: dict[str, LoadedFile] = {}
        self.stamps: dict[str, tuple[int, int]] = {}
        self.config_stamp: tuple[int, int] | None = None
        self.theme_stamp: tuple[tuple[str, int, int], ...] = ()
        self.lock = threading.Lock()
        self.diagnostics: list[Diagnostic] = []

    # -- loading -----------------------------------------------------------------------------

    def _settings(self) -> Any:
        from okrdocs.lint import resolve_policy, rule_runner
        from okrdocs.project import _LoadSettings

        self.policy = resolve_policy(self.config)
        return _LoadSettings(
            self.config.fiscal, True, rule_runner(self.policy, self.as_of, self.config)
        )

    def _load(self, paths: list[Path]) -> None:
        from okrdocs.project import _load_one

        settings = self._settings()
        cwd = Path.cwd()
        for path in paths:
            context = make_context(path, self.config.content, cwd)
            self.files[context.location] = _load_one(settings, context)

    def _scan(self) -> dict[str, tuple[int, int]]:
        from okrdocs.project import discover

        stamps = {}
        if self.config.content.is_dir():
            for path in discover(self.config.content, self.config):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                stamps[str(path.absolute())] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def _theme_scan(self) -> tuple[tuple[str, int, int], ...]:
        from okrdocs.site.render import watched_folders

        found = []
        for folder in watched_folders(self.config):
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    found.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(found)

    def _config_scan(self) -> tuple[int, int] | None:
        if self.config.path is None or not self.config.path.exists():
            return None
        stat = self.config.path.stat()
        return (stat.st_mtime_ns, stat.st_size)

    # -- building ----------------------------------------------------------------------------

    def full_build(self) -> None:
        with self.lock, gc_paused():
            self.files.clear()
            self.stamps = self._scan()
            self.config_stamp = self._config_scan()
            self.theme_stamp = self._theme_scan()
            self._load([Path(p) for p in self.stamps])
            data = self._analyse()
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir(parents=True)
            self._writer(data).write_all(jobs=1)
            self.version += 1

    def _analyse(self) -> Any:
        from okrdocs.lint import finish
        from okrdocs.project import Project
        from okrdocs.site.data import build_site_data

        project = Project(
            config=self.config, files=sorted(self.files.values(), key=lambda f: f.context.location)
        )
        result = finish(self.config, project, self.as_of, self.policy)
        self.diagnostics = result.diagnostics
        errors = [d for d in self.diagnostics if d.severity == "error"]
        if errors:
            self.report(_format(errors))
        return build_site_data(
            self.config, project.objectives, project.sections, self.diagnostics, self.as_of
        )

    def _writer(self, data: Any) -> Any:
        from okrdocs.site.build import SiteWriter

        errors = [d for d in self.diagnostics if d.severity == "error"]
        return SiteWriter(data, self.folder, live_reload=True, build_problems=errors)

    def update(self) -> bool:
        """Rebuild what changed since the last look; True when something was rebuilt."""
        config_stamp, theme_stamp = self._config_scan(), self._theme_scan()
        if config_stamp != self.config_stamp or theme_stamp != self.theme_stamp:
            if config_stamp != self.config_stamp and self.config.path is not None:
                self.config = load_config(self.config.path)
            self.report("configuration or theme changed: rebuilding everything")
            self.full_build()
            return True
        stamps = self._scan()
        changed = [path for path, stamp in stamps.items() if self.stamps.get(path) != stamp]
        removed = [path for path in self.stamps if path not in stamps]
        if not changed and not removed:
            return False
        started = time.perf_counter()
        with self.lock, gc_paused():
            before = {path: self._identity(path) for path in changed + removed}
            for path in removed:
                self.files.pop(path, None)
            self._load([Path(path) for path in changed])
            self.stamps = stamps
            data = self._analyse()
            after = {path: self._identity(path) for path in changed}
            pages = self._render_changes(data, before, after)
            self.version += 1
        took = time.perf_counter() - started
        names = ", ".join(
            sorted(
                make_context(Path(p), self.config.content, Path.cwd()).display_path
                for p in changed + removed
            )
        )
        self.report(f"rebuilt {pages} pages in {took:.2f} s after changes to {names}")
        return True

    def _identity(
        self, path: str
    ) -> tuple[str | None, str | None, str | None, str | None, str | None]:
        loaded = self.files.get(path)
        if loaded is None:
            return (None, None, None, None, None)
        return (loaded.id, loaded.parent, loaded.owner, loaded.team, loaded.period)

    def _render_changes(self, data: Any, before: dict[str, Any], after: dict[str, Any]) -> int:
        """Render the pages that can show what changed; returns how many were written."""
        ids, owners, teams, periods = set(), set(), set(), set()
        for identity in [*before.values(), *after.values()]:
            object_id, parent, owner, team, period = identity
            for value, target in (
                (object_id, ids),
                (parent, ids),
                (owner, owners),
                (team, teams),
                (period, periods),
            ):
                if value:
                    target.add(value)
        # Children show their parent's title and parents list their children.
        for object_id in list(ids):
            view = data.by_id.get(object_id)
            if view is not None:
                ids.update(child.id for child in view.children)
                owners.update(kr.owner for kr in view.objective.key_results)
        writer = self._writer(data)
        count = 0
        for object_id in ids:
            view = data.by_id.get(object_id)
            if view is not None:
                writer.objective_page(view)
                count += 1
        writer.home_page()
        for period in data.periods:
            if period.key in periods:
                count += _period_page(writer, period)
        for team_id in teams:
            if team_id in data.teams:
                writer.team_page(data.teams[team_id])
                count += 1
        for person_id in owners:
            if person_id in data.people:
                writer.person_page(data.people[person_id])
                count += 1
        writer.index_pages()
        writer.search_index()
        writer.okrs_json()
        return count + 6


def _period_page(writer: Any, period: Any) -> int:
    writer.period_page(period)
    writer.alignment_page(period)
    return 2


def _format(diagnostics: list[Diagnostic]) -> str:
    from okrdocs.formats import text

    return text.render(diagnostics, len({d.path for d in diagnostics})).rstrip("\n")


class _Handler(SimpleHTTPRequestHandler):
    live: LiveSite

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/__okrdocs__/version":
            body = str(self.live.version).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            return
        with self.live.lock:  # never serve a page half-written
            super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal is for diagnostics, not for every request


class ServeError(Exception):
    pass


def serve(
    config: Config,
    host: str,
    port: int,
    as_of: date,
    report: Reporter,
    interval: float = 0.5,
    ready: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Build, serve and watch until interrupted (or until ``stop`` is set)."""
    folder = Path(tempfile.mkdtemp(prefix="okrdocs-serve-"))
    live = LiveSite(config, as_of, folder / "site", report)
    try:
        live.full_build()
        handler = partial(type("Handler", (_Handler,), {"live": live}), directory=str(live.folder))
        try:
            server = ThreadingHTTPServer((host, port), handler)
        except OSError as error:
            raise ServeError(
                f"cannot listen on {host}:{port}: {error.strerror}; try --port"
            ) from None
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://{host}:{server.server_address[1]}/"
        if ready:
            ready(url)
        stop = stop or threading.Event()
        try:
            while not stop.wait(interval):
                try:
                    live.update()
                except ConfigError as error:
                    report(f"okrdocs: error: {error}")
                except Exception as error:  # keep serving; say what went wrong
                    report(f"okrdocs: error while rebuilding: {error}")
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            server.server_close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
