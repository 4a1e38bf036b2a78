"""``okrdocs serve``: the site, live, while you write.

The site is built into a temporary folder and served on 127.0.0.1 (only this machine) by
default. The project is watched through the operating system's file events (okrdocs.site.watch;
polling where there are none). When content changes, the workspace reads only the changed
files again and re-runs the project-wide checks and the analysis; then exactly the pages that
show a changed objective are rendered again (okrdocs.site.pages says what each page shows in
full, and what it only links to by title), and open pages reload. The whole-site files (search
index, okrs.json, sitemap) follow in a background thread: at 10,000 objectives the search
index alone takes two seconds, which a save should not wait for. A change to the
configuration, the theme, a section (``_index.md``) or the list of periods renders everything,
on every core.

A file with errors does not stop the server: its problems are printed in the terminal and shown
in a banner on every page (fetched by the live-reload script, so that pages need not be
rendered again when problems come and go), and the rest of the site stays browsable. A rebuild
that fails (a broken template) keeps the last good site.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import shutil
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from okrdocs.config import Config, ConfigError, load_config
from okrdocs.diagnostics import Diagnostic
from okrdocs.discovery import walk
from okrdocs.i18n import _, _n, os_problem, speaking
from okrdocs.parallel import gc_paused
from okrdocs.site.staging import remove_stale_folders
from okrdocs.workspace import Workspace

Reporter = Callable[[str], None]


class LiveSite:
    """The workspace and the rendered site, updated file by file."""

    def __init__(self, config: Config, as_of: date, folder: Path, report: Reporter) -> None:
        self.config = config
        self.as_of = as_of
        self.folder = folder
        self.report = report
        self.version = 0
        self.workspace: Workspace | None = None
        self.stamps: dict[str, tuple[int, int]] = {}
        self.config_stamp: tuple[int, int] | None = None
        self.theme_stamp: tuple[tuple[str, int, int], ...] = ()
        self.lock = threading.Lock()
        self.problems: list[Diagnostic] = []
        # What the rendered pages show, to know what a change affects.
        self.shown: dict[str, frozenset[str] | None] = {}
        self.linked: dict[str, frozenset[str]] = {}  # page path -> ids linked to by title
        self.titles: dict[str, tuple[str, str]] = {}  # objective id -> (title, page path)
        self.keys: dict[str, tuple[str, str]] = {}  # page path -> (kind, key)
        self.signatures: dict[str, tuple[Any, ...]] = {}
        self.shape: tuple[Any, ...] = ()
        # The objective, team and person pages' dependencies, with the analysis they were
        # listed from: an analysis mended after a save (okrdocs.analysis.reanalyse) is the same
        # object, and mending changes no such page's dependencies (they follow headers and
        # people, which a mended save keeps).
        self.item_dependencies: tuple[Any, dict[str, Any]] | None = None
        # Each page's live-reload script asks whether its own page changed (page_version): the
        # version at which a page was last written, else the last full build's.
        self.page_versions: dict[str, int] = {}
        self.base_version = 0
        self.problems_version = 0
        # Seconds from a save to its summary pages written (benchmarks/run.py reads it).
        self.settled: float | None = None
        # After a save, until its summary pages are written in the background: the summary
        # pages that may be out of date and the writer of the new site. One asked for in the
        # meantime (opened, or its live-reload script asking its version) is rendered at once,
        # as Hugo's server renders the pages being viewed first.
        self.stale: set[str] | None = None
        self.stale_writer: Any = None
        # Pages being rendered because they were asked for: the background gives way to them
        # between its pages (the two share one interpreter lock).
        self.asked = 0
        self.asked_done = threading.Condition()
        self.site_files = _SiteFiles(self)
        # The previous site's deletion after a full build (benchmarks wait for it).
        self.removal: threading.Thread | None = None

    # -- watching ----------------------------------------------------------------------------

    def _scan(self) -> dict[str, tuple[int, int]]:
        if not self.config.content.is_dir():
            return {}
        found = walk(self.config.content, self.config)
        return {entry.path: (entry.mtime_ns, entry.size) for entry in found.files}

    def _theme_scan(self) -> tuple[tuple[str, int, int], ...]:
        from okrdocs.site.render import watched_folders

        found = []
        for folder in watched_folders(self.config):
            for path in sorted(folder.rglob("*")):
                try:
                    if path.is_file():
                        stat = path.stat()
                        found.append((str(path), stat.st_mtime_ns, stat.st_size))
                except OSError:
                    continue
        return tuple(found)

    def _config_scan(self) -> tuple[int, int] | None:
        if self.config.path is None:
            return None
        try:
            stat = self.config.path.stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    # -- building ----------------------------------------------------------------------------

    def full_build(self) -> None:
        """Load everything and render every page into a fresh folder, then swap it in."""
        # Without the cyclic collector, as a build runs: with 10,000 objectives loaded, each of
        # its passes rescans millions of objects (1.3 s of a start-up went to it).
        with gc_paused():
            self._full_build()

    def _full_build(self) -> None:
        from okrdocs.site.pages import signatures, site_shape
        from okrdocs.site.writer import MARKER, MARKER_TEXT

        stamps = self._scan()
        config_stamp, theme_stamp = self._config_scan(), self._theme_scan()
        self.site_files.wait()  # never two writers in the folder
        workspace = self.workspace
        with speaking(self.config.language):
            if workspace is not None and same_reading(workspace.config, self.config):
                # A change of the site's title, address or theme: the files read the same, so
                # only those changed since are read again (a third of a build at 10,000
                # objectives saved); the pages are all rendered again.
                workspace.reconfigure(self.config)
                changed = {p for p, stamp in stamps.items() if self.stamps.get(p) != stamp}
                changed |= set(self.stamps) - set(stamps)
                if changed:
                    workspace.reload([Path(path) for path in sorted(changed)])
            else:
                workspace = Workspace.for_lint(self.config, self.as_of)
                workspace.load()
        data = workspace.analysis()
        staging = self.folder.with_name(self.folder.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            writer = self._writer(data, staging)
            # What each page shows, without making the thousands of objective, team and person
            # pages here only to ask them (the workers make them to render them).
            deps: dict[str, Any] = {}
            # every page and whole-site file, on every core
            writer.write_all(meanwhile=lambda: deps.update(_dependencies(writer, None)))
            writer.write(MARKER, MARKER_TEXT)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        with self.lock:
            old = self.folder.with_name(f"{self.folder.name}.old-{os.getpid()}-{self.version}")
            if self.folder.exists():
                os.replace(self.folder, old)
            os.replace(staging, self.folder)
            self.workspace = workspace
            self.stamps, self.config_stamp, self.theme_stamp = stamps, config_stamp, theme_stamp
            self.shown = {path: shows for path, (_k, _y, shows, _l, _m) in deps.items()}
            self.linked = {path: links for path, (_k, _y, _s, links, _m) in deps.items()}
            self.keys = {path: (kind, key) for path, (kind, key, _s, _l, _m) in deps.items()}
            self.signatures, self.shape = signatures(data), site_shape(data)
            self.titles = _titles(data)
            self._set_problems(workspace.diagnostics)
            self.version += 1
            self.page_versions, self.base_version = {}, self.version
            self.stale = self.stale_writer = None
        # Deleting 15,000 files takes seconds: not while the new site waits to be announced.
        self.removal = threading.Thread(target=shutil.rmtree, args=(old, True), daemon=True)
        self.removal.start()

    def _set_problems(self, diagnostics: list[Diagnostic]) -> None:
        errors = [d for d in diagnostics if d.severity == "error"]
        if errors != self.problems:
            self.problems_version += 1
            if errors:
                self.report(_format(errors))
        self.problems = errors

    def _writer(self, data: Any, folder: Path) -> Any:
        from okrdocs.site.writer import SiteWriter

        return SiteWriter(data, folder, live_reload=True)

    def update(self, paths: set[str] | None = None) -> bool:
        """Rebuild what changed since the last look; True when something was rebuilt.

        ``paths``: the files the file events named (None: look at everything)."""
        if paths is not None and self._only_content(paths):
            return self._update_files(paths)
        config_stamp, theme_stamp = self._config_scan(), self._theme_scan()
        if config_stamp != self.config_stamp or theme_stamp != self.theme_stamp:
            # Noted first: a change that breaks the build is reported once, not on every look.
            changed_config = config_stamp != self.config_stamp
            self.config_stamp, self.theme_stamp = config_stamp, theme_stamp
            if changed_config and self.config.path is not None:
                self.config = load_config(self.config.path)
            self.report(_("configuration or theme changed: rebuilding everything"))
            self.full_build()
            return True
        stamps = self._scan()
        changed = [path for path, stamp in stamps.items() if self.stamps.get(path) != stamp]
        removed = [path for path in self.stamps if path not in stamps]
        return self._apply(stamps, changed, removed)

    def _only_content(self, paths: set[str]) -> bool:
        """Whether the events name only Markdown files of the content folder (anything else,
        a folder or the configuration, is looked at in full)."""
        content = str(self.config.content.absolute()) + os.sep
        return all(path.endswith(".md") and path.startswith(content) for path in paths)

    def _update_files(self, paths: set[str]) -> bool:
        from okrdocs.discovery import is_okr_file

        stamps = dict(self.stamps)
        workspace = self.workspace
        for path in paths:
            try:
                info = os.stat(path)
            except OSError:
                stamps.pop(path, None)
                continue
            rel = os.path.relpath(path, self.config.content).replace(os.sep, "/")
            if workspace is not None and is_okr_file(rel, self.config):
                stamps[path] = (info.st_mtime_ns, info.st_size)
        changed = [
            path for path in paths if path in stamps and self.stamps.get(path) != stamps[path]
        ]
        removed = [path for path in paths if path in self.stamps and path not in stamps]
        return self._apply(stamps, changed, removed)

    def _apply(
        self, stamps: dict[str, tuple[int, int]], changed: list[str], removed: list[str]
    ) -> bool:
        if not changed and not removed:
            return False
        started = time.perf_counter()
        pages = self._rebuild([Path(p) for p in changed + removed])
        self.stamps = stamps
        took = time.perf_counter() - started
        assert self.workspace is not None
        names = ", ".join(
            sorted(self.workspace.context(Path(p)).display_path for p in changed + removed)
        )
        self.report(
            _n(
                "rebuilt {n} page in {seconds:.2f} s after changes to {names}",
                "rebuilt {n} pages in {seconds:.2f} s after changes to {names}",
                pages,
                seconds=took,
                names=names,
            )
        )
        return True

    def _rebuild(self, paths: list[Path]) -> int:
        """Reload ``paths`` and render the pages that show what changed; returns how many."""
        # Without the cyclic collector: at 10,000 objectives it rescans the whole model again
        # and again while the new analysis is made (a second of a three-second save).
        with gc_paused():
            return self._rebuild_now(paths)

    def _rebuild_now(self, paths: list[Path]) -> int:
        from okrdocs.site.pages import PER_ITEM_KINDS, signatures, site_shape

        workspace = self.workspace
        assert workspace is not None
        # The last save's summary pages and whole-site files first: one writer at a time.
        self.site_files.wait()
        started, self.settled = time.perf_counter(), None
        with speaking(self.config.language):  # (the collector is paused by _rebuild)
            reload = workspace.reload(paths)
        data = workspace.analysis()
        new_signatures, shape, titles = signatures(data), site_shape(data), _titles(data)
        changed = reload.objective_ids()
        changed |= {
            key
            for key in set(new_signatures) | set(self.signatures)
            if new_signatures.get(key) != self.signatures.get(key)
        }
        # Pages that only link to an objective (its title, its page) change with those alone.
        renamed = {
            key for key in set(titles) | set(self.titles) if titles.get(key) != self.titles.get(key)
        }
        everything = reload.sections_changed or shape != self.shape
        writer = self._writer(data, self.folder)
        # The page of an objective whose file is broken for now stays as it was, so that the
        # author keeps it open (with the problems banner) while fixing the file.
        broken = frozenset(f.header.id for f in workspace.unreadable)
        if everything:
            with self.lock:
                self.stale = self.stale_writer = None
            count = self._render(writer, None, changed, renamed, True, broken)
            self.settled = time.perf_counter() - started
            self.signatures, self.shape, self.titles = new_signatures, shape, titles
            self.site_files.request(writer)
            return count
        # First the pages of objectives, teams and people, the page being edited among them:
        # what they show is known without making them. The summary pages (periods, attention
        # lists, reports, the alignment tree) must be made to learn what they show: they follow
        # in the background, before the whole-site files, and announce themselves again.
        count = self._render(writer, True, changed, renamed, False, broken)
        self.signatures, self.shape, self.titles = new_signatures, shape, titles
        with self.lock:
            self.stale = {
                path for path, (kind, _) in self.keys.items() if kind not in PER_ITEM_KINDS
            }
            self.stale_writer = writer

        def summaries() -> None:
            try:
                count = self._render(writer, False, changed, renamed, False, broken)
            except BaseException:
                self.shape = ()  # the next save renders every page again
                raise
            finally:
                with self.lock:
                    self.stale = self.stale_writer = None
            self.settled = time.perf_counter() - started
            if count:
                self.report(
                    _n(
                        "then {n} summary page in {seconds:.2f} s",
                        "then {n} summary pages in {seconds:.2f} s",
                        count,
                        seconds=self.settled,
                    )
                )

        self.site_files.request(writer, summaries)
        return count

    def _render(
        self,
        writer: Any,
        per_item: bool | None,
        changed: set[str],
        renamed: set[str],
        everything: bool,
        broken: frozenset[str | None],
    ) -> int:
        """Render the pages of one group (per_item: objective, team and person pages; False:
        the others; None: all) that show or link to what changed, write them, remove the
        group's pages that are gone; returns how many were rendered."""
        from okrdocs.site.pages import PER_ITEM_KINDS, page

        data = writer.data
        known = self.item_dependencies
        if per_item is True and known is not None and known[0] is data:
            deps = known[1]
        else:
            deps = _dependencies(writer, per_item, keep=True, between=self._give_way)
            if per_item is True:
                self.item_dependencies = (data, deps)

        def in_group(path: str) -> bool:
            kind = self.keys.get(path, ("", ""))[0]
            return per_item is None or (kind in PER_ITEM_KINDS) == per_item

        chosen = [
            made or page(data, kind, key, writer.t)  # a page made to list its dependencies
            for path, (kind, key, shows, links, made) in deps.items()
            if everything
            or path not in self.shown
            or shows is None
            or self.shown[path] is None
            or (shows | (self.shown[path] or frozenset())) & changed
            or (links | self.linked.get(path, frozenset())) & renamed
        ]
        before = {path for path in self.shown if in_group(path)}
        kept = {
            path
            for path in before - set(deps)
            if self.keys[path][0] == "objective" and self.keys[path][1] in broken
        }
        # Render into memory first: a failing template leaves every page as it was.
        rendered = []
        for item in chosen:
            self._give_way()
            rendered.append((item.path, writer.render_html(item)))
        if per_item is False and self.stale is not None:
            # A save's summary pages, one at a time: a reader, or a page asked for meanwhile,
            # waits for one page's write, not for all of them.
            written = []
            for path, html in rendered:
                self._give_way()
                with self.lock:
                    if self.stale is None or path not in self.stale:
                        continue  # rendered already because it was asked for
                    self.stale.discard(path)
                    writer.write(path, html)
                    self.version += 1
                    self.page_versions[path] = self.version
                    written.append((path, html))
            rendered = written
        else:
            with self.lock:
                for path, html in rendered:
                    writer.write(path, html)
                self.version += 1
                for path, _html in rendered:
                    self.page_versions[path] = self.version
        with self.lock:
            for path in before - set(deps) - kept:
                writer.remove(path)
            for path in before - kept:
                self.keys.pop(path, None)
                self.shown.pop(path, None)
                self.linked.pop(path, None)
            for path, (kind, key, shows, links, _made) in deps.items():
                self.keys[path] = (kind, key)
                self.shown[path] = shows
                self.linked[path] = links
            if per_item is not False and self.workspace is not None:
                self._set_problems(self.workspace.diagnostics)
        return len(rendered)

    def fresh(self, relative: str) -> None:
        """Bring a summary page a save left out of date up to date now, because it is asked
        for (``relative``: its path in the site). Does nothing for any other page."""
        from okrdocs.site.pages import dependencies, page

        with self.lock:
            if self.stale is None or relative not in self.stale:
                return
            writer, (kind, key) = self.stale_writer, self.keys[relative]
        # Made and rendered outside the lock: the server goes on answering meanwhile.
        with self.asked_done:
            self.asked += 1
        try:
            path, shows, links, made = dependencies(writer.data, kind, key, writer.t)
            html = writer.render_html(made or page(writer.data, kind, key, writer.t))
        finally:
            with self.asked_done:
                self.asked -= 1
                self.asked_done.notify_all()
        with self.lock:
            if self.stale is None or relative not in self.stale or self.stale_writer is not writer:
                return  # written by the background meanwhile, or a newer save came
            self.stale.discard(relative)
            self.shown[path], self.linked[path] = shows, links
            try:
                with open(os.path.join(self.folder, *path.split("/")), encoding="utf-8") as old:
                    unchanged = old.read() == html
            except OSError:
                unchanged = False
            if not unchanged:  # (a page that did not change must not make its viewer reload)
                writer.write(path, html)
                self.version += 1
                self.page_versions[path] = self.version

    def _give_way(self) -> None:
        """In the background: wait while a page asked for is being rendered."""
        if self.asked:  # (read without the lock: a page more or less before giving way)
            with self.asked_done:
                while self.asked:
                    self.asked_done.wait(1)

    def page_version(self, page: str) -> str:
        """What a page's live-reload script compares: when the page itself was last written,
        and the build problems' version (the banner shows them)."""
        relative = posixpath.normpath(urllib.parse.unquote(page)).lstrip("/")
        if relative in (".", ""):
            relative = "index.html"
        self.fresh(relative if relative.endswith(".html") else relative + "/index.html")
        written = self.page_versions.get(relative)
        if written is None:
            written = self.page_versions.get(relative + "/index.html", self.base_version)
        return f"{written}.{self.problems_version}"

    def problems_json(self) -> bytes:
        return json.dumps(
            [f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in self.problems],
            ensure_ascii=False,
        ).encode("utf-8")


class _SiteFiles:
    """The whole-site files (okrs.json, the search index, the sitemap), written after the pages
    by a background thread: prepared in memory, then put in place under the site's lock, so
    that a reader never sees half of them. A newer request replaces one not yet started."""

    def __init__(self, live: LiveSite) -> None:
        self.live = live
        self.pending: Any = None
        self.busy = False
        self.condition = threading.Condition()
        self.thread: threading.Thread | None = None

    def request(self, writer: Any, pages: Callable[[], None] | None = None) -> None:
        """Write the whole-site files of ``writer``'s site, after ``pages`` (the summary pages
        of a save, which must not be replaced by a newer request: okrdocs serve waits for
        them before it starts on the next save)."""
        with self.condition:
            self.pending = (writer, pages)
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, daemon=True)
                self.thread.start()
            self.condition.notify_all()

    def wait(self) -> None:
        """Until nothing is pending or being written."""
        with self.condition:
            while self.pending is not None or self.busy:
                self.condition.wait()

    def _run(self) -> None:
        while True:
            with self.condition:
                while self.pending is None:
                    self.condition.wait()
                (writer, pages), self.pending, self.busy = self.pending, None, True
            try:
                if pages is not None:
                    with gc_paused():
                        pages()
                with writer.captured() as files:
                    for name in ("okrs.json", "search", "sitemap"):
                        writer.site_file(name)
                with self.live.lock:
                    writer.apply(files)  # pages fetch the index when searched: no reload
            except Exception as error:  # keep serving; say why
                self.live.report(_("okrdocs: error: {message}", message=error))
            finally:
                with self.condition:
                    self.busy = False
                    self.condition.notify_all()


def _titles(data: Any) -> dict[str, tuple[str, str]]:
    return {view.id: (view.title, view.path) for view in data.objectives}


# What a configuration says only about the site, not about how OKR files are read and checked.
_PRESENTATION = frozenset({"path", "where", "output", "title", "description", "base_url", "theme",
                           "theme_overrides"})  # fmt: skip


def same_reading(old: Config, new: Config) -> bool:
    """Whether files load and lint the same under ``new`` as under ``old``: every setting but
    the site's presentation (title, description, address, output folder, theme) is equal."""
    return all(
        getattr(old, name) == getattr(new, name)
        for name in Config.__slots__
        if name not in _PRESENTATION
    )


def _dependencies(
    writer: Any,
    per_item: bool | None,
    keep: bool = False,
    between: Callable[[], None] | None = None,
) -> dict[str, tuple[str, str, frozenset[str] | None, frozenset[str], Any]]:
    """The pages of the site (per_item: objective, team and person pages; False: the others;
    None: all): path -> (kind, key, objectives it shows, objectives it links to, with
    ``keep`` the page when it was made to learn them, else None). ``between``: called before
    each page."""
    from okrdocs.site.pages import dependencies, page_keys

    deps = {}
    for kind, key in page_keys(writer.data, per_item, between):
        if between is not None:
            between()
        path, shows, links, made = dependencies(writer.data, kind, key, writer.t)
        deps[path] = (kind, key, shows, links, made if keep else None)
    return deps


def _format(diagnostics: list[Diagnostic]) -> str:
    from okrdocs.formats import text

    return text.render(diagnostics, len({d.path for d in diagnostics})).rstrip("\n")


_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


class _Handler(BaseHTTPRequestHandler):
    live: LiveSite
    allowed_hosts: frozenset[str]

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in self.allowed_hosts:
            # DNS rebinding: a page on another site must not read this one.
            self._send(421, b"Misdirected request: unknown Host header\n", "text/plain", send_body)
            return
        route = urllib.parse.urlsplit(self.path).path
        if route == "/__okrdocs__/version":
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            page = query.get("page")
            version = self.live.page_version(page[0]) if page else str(self.live.version)
            self._send(200, version.encode(), "text/plain", send_body)
            return
        if route == "/__okrdocs__/problems":
            self._send(200, self.live.problems_json(), "application/json", send_body)
            return
        relative = posixpath.normpath(urllib.parse.unquote(route)).lstrip("/")
        if relative in (".", ""):
            relative = "index.html"
        if relative.startswith("..") or "\0" in relative or "\\" in relative:
            self._not_found(send_body)
            return
        path = os.path.join(self.live.folder, *relative.split("/"))
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
            relative = posixpath.join(relative, "index.html")
        self.live.fresh(relative)
        # Read the whole file under the lock (never a half-written page), then send it
        # without the lock, so that a slow reader holds up neither others nor rebuilds.
        with self.live.lock:
            try:
                with open(path, "rb") as handle:
                    body = handle.read()
            except OSError:
                body = None
        if body is None:
            self._not_found(send_body)
            return
        kind = _TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")
        self._send(200, body, kind, send_body)

    def _not_found(self, send_body: bool) -> None:
        with self.live.lock:
            try:
                with open(os.path.join(self.live.folder, "404.html"), "rb") as handle:
                    body = handle.read()
            except OSError:
                body = b"Not found\n"
        self._send(404, body, "text/html; charset=utf-8", send_body)

    def _send(self, status: int, body: bytes, kind: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal is for diagnostics, not for every request


class ServeError(Exception):
    pass


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Host headers the server answers: the names of the address it listens on, with the port."""
    names = {host.lower()}
    if host in ("127.0.0.1", "localhost", "::1"):
        names |= {"127.0.0.1", "localhost", "[::1]"}
    if host in ("0.0.0.0", "::"):
        import socket

        names |= {"127.0.0.1", "localhost", "[::1]", socket.gethostname().lower()}
    return frozenset(f"{name}:{port}" for name in names) | frozenset(names)


def serve(
    config: Config,
    host: str,
    port: int,
    as_of: date,
    report: Reporter,
    interval: float = 0.5,
    ready: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    watch_mode: str = "auto",
) -> None:
    """Build, serve and watch until interrupted (or until ``stop`` is set). ``watch_mode``:
    "auto" (file events, else polling every ``interval``), "events" or "poll"."""
    remove_stale_folders(Path(tempfile.gettempdir()), "okrdocs-serve-")
    folder = Path(tempfile.mkdtemp(prefix=f"okrdocs-serve-{os.getpid()}-"))
    live = LiveSite(config, as_of, folder / "site", report)
    try:
        try:
            server = ThreadingHTTPServer((host, port), _Handler)
        except OSError as error:
            raise ServeError(
                _(
                    "cannot listen on {host}:{port}: {strerror}; try --port",
                    host=host,
                    port=port,
                    strerror=os_problem(error),
                )
            ) from None
        bound_port = server.server_address[1]
        server.RequestHandlerClass = type(
            "Handler",
            (_Handler,),
            {"live": live, "allowed_hosts": allowed_hosts(host, bound_port)},
        )
        server.daemon_threads = True
        from okrdocs.site.render import watched_folders
        from okrdocs.site.watch import Watcher

        stop = stop or threading.Event()
        folders = [config.root, *watched_folders(config)]
        watcher = Watcher(folders, stop, interval, watch_mode, report).start()
        try:
            live.full_build()
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            url = f"http://{host}:{bound_port}/"
            if ready:
                ready(url)
            try:
                for batch in watcher:
                    try:
                        live.update(batch)
                    except ConfigError as error:
                        report(_("okrdocs: error: {message}", message=error))
                    except Exception as error:  # keep serving the last good site; say why
                        report(
                            _(
                                "okrdocs: error while rebuilding (the last good site is kept): "
                                "{message}",
                                message=error,
                            )
                        )
            except KeyboardInterrupt:
                pass
            finally:
                server.shutdown()
        finally:
            server.server_close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
