"""The pygls wiring of ``okrdocs lsp``: documents, events and requests.

- Open documents are checked on open and, debounced (a burst of changes is checked once, a
  few milliseconds after it stops), on change; results are published with the document's
  version. The document's text is sent whole on every change (full synchronisation): a 200-line
  file is a few kilobytes, and no line-break convention can be misread.
- Files changed on disk (``git pull``, another tool, a save) are picked up from the client's
  file watcher (registered when the client supports it) or, failing that, on every save: the
  changed files' headers are read again and open documents checked again. A changed
  configuration is read again.
- Nothing a document or a client sends can stop the server: every handler logs an unexpected
  error (to stderr and the client's log) and answers with nothing.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from okrdocs import __version__
from okrdocs.lsp import actions, completion, hover, navigation
from okrdocs.lsp import diagnostics as lsp_diagnostics
from okrdocs.lsp.projects import CONFIG_NAMES, Checked, Project, Projects
from okrdocs.lsp.text import Document

logger = logging.getLogger("okrdocs.lsp")

# Seconds a burst of changes must pause before the document is checked.
DEBOUNCE = 0.02
# Without a client file watcher: seconds between two looks at every file's modification time.
RESCAN_AFTER = 2.0

Handler = TypeVar("Handler", bound=Callable[..., Any])


class OkrdocsServer(LanguageServer):
    def __init__(self, language: str | None = None) -> None:
        super().__init__(
            "okrdocs", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.projects = Projects(language)
        self.debounce = DEBOUNCE
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.watching = False
        self.settled: weakref.WeakSet[Project] = weakref.WeakSet()

    # -- documents -------------------------------------------------------------------------

    def encoding(self) -> str:
        """The position encoding agreed with the client (the enum's value: str() of it is
        its name)."""
        chosen = self.workspace.position_encoding or "utf-16"
        value = str(getattr(chosen, "value", chosen))
        return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"

    def document(self, uri: str) -> Document | None:
        path = to_fs_path(uri)
        if path is None:
            return None
        try:
            text = self.workspace.get_text_document(uri).source
        except OSError:
            return None
        return Document(uri, Path(path), text, self.encoding())

    def project(self, document: Document) -> Project | None:
        project = self.projects.for_path(document.path)
        if project is not None:
            project.speak()
            if project not in self.settled:
                # What a project holds lives as long as the server: collected once and moved
                # out of the cyclic collector's way, whose full passes over it showed as
                # 40-90 ms pauses between a change and its diagnostics.
                self.settled.add(project)
                gc.collect()
                gc.freeze()
        return project

    def fresh(self, project: Project, document: Document) -> Checked:
        """The check of the document's current text (checked again if it changed since)."""
        checked = self.checked.get(document.uri)
        if checked is None or checked.text != document.text:
            checked = project.check(document.path, document.text)
            self.checked[document.uri] = checked
        return checked

    def publish(self, uri: str) -> None:
        document = self.document(uri)
        if document is None:
            return
        version = self.workspace.get_text_document(uri).version
        project = self.project(document)
        found: list[types.Diagnostic] = []
        if project is None:
            problem = self.projects.error_for(document.path)
            if problem:
                found.append(lsp_diagnostics.config_problem(problem))
        elif project.owns(document.path):
            checked = self.fresh(project, document)
            if project.error:
                found.append(lsp_diagnostics.config_problem(project.error))
            found += [
                lsp_diagnostics.to_lsp(d, document.index, project.language)
                for d in checked.loaded.diagnostics
            ]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Check the document after ``delay`` seconds, unless it changes again before."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self._publish_later(uri, delay))

    async def _publish_later(self, uri: str, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
        except asyncio.CancelledError:
            return
        self.pending.pop(uri, None)
        try:
            self.publish(uri)
        except Exception:  # the server lives on; the next change tries again
            logger.exception("okrdocs lsp: checking %s failed", uri)

    def recheck_open(self) -> None:
        """Check every open document again (files changed on disk)."""
        self.checked.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, self.debounce)

    def files_changed(self, paths: list[Path]) -> None:
        configs = [path for path in paths if path.name in CONFIG_NAMES]
        for config_file in configs:
            self.projects.forget(config_file)
        others = [path for path in paths if path.name not in CONFIG_NAMES]
        for project in self.projects.all():
            project.files_changed(others)
        self.recheck_open()


def guarded(default: Any = None) -> Callable[[Handler], Handler]:
    """Run a handler so that an unexpected error is logged and answered with ``default``."""

    def wrap(function: Handler) -> Handler:
        # pygls passes the server to a handler whose first parameter is named "ls".
        def run(ls: OkrdocsServer, params: Any) -> Any:
            try:
                return function(ls, params)
            except Exception:
                logger.exception("okrdocs lsp: %s failed", function.__name__)
                return default

        run.__name__ = run.__qualname__ = function.__name__
        return run  # type: ignore[return-value]

    return wrap


def create(language: str | None = None) -> OkrdocsServer:
    """A server with every feature registered."""
    server = OkrdocsServer(language)

    @server.feature(types.INITIALIZE)
    @guarded()
    def initialize(server: OkrdocsServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict):
            if isinstance(options.get("lang"), str):
                server.projects.language = options["lang"]
            if isinstance(options.get("debounce_ms"), (int, float)):
                server.debounce = max(0.0, float(options["debounce_ms"]) / 1000)
        for folder in params.workspace_folders or []:
            path = to_fs_path(folder.uri)
            if path:
                server.projects.folders.append(Path(path))
        if not server.projects.folders and params.root_uri:
            root = to_fs_path(params.root_uri)
            if root:
                server.projects.folders.append(Path(root))

    @server.feature(types.INITIALIZED)
    @guarded()
    def initialized(server: OkrdocsServer, params: types.InitializedParams) -> None:
        capabilities = server.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities else None
        if watched is not None and watched.dynamic_registration:
            server.watching = True
            watchers = [
                types.FileSystemWatcher(glob_pattern=pattern)
                for pattern in ("**/*.md", "**/okrdocs.toml", "**/pyproject.toml")
            ]
            server.client_register_capability(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="okrdocs-files",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded()
    def did_open(server: OkrdocsServer, params: types.DidOpenTextDocumentParams) -> None:
        if not server.watching:
            # No file watcher: opening a file is also when the editor looks at the disk.
            for project in server.projects.all():
                project.rescan(RESCAN_AFTER)
        server.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded()
    def did_change(server: OkrdocsServer, params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, server.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guarded()
    def did_save(server: OkrdocsServer, params: types.DidSaveTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri)
        if path is None:
            return
        if server.watching:
            server.files_changed([Path(path)])
        else:
            # No file watcher: a save is when the editor looks at the disk again.
            for project in server.projects.all():
                project.rescan()
            server.files_changed([Path(path)])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded()
    def did_close(server: OkrdocsServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.checked.pop(uri, None)
        pending = server.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded()
    def watched_files(server: OkrdocsServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [Path(p) for p in (to_fs_path(change.uri) for change in params.changes) if p]
        server.files_changed(paths)

    def _context(server: OkrdocsServer, uri: str) -> tuple[Project, Document, Checked] | None:
        document = server.document(uri)
        if document is None:
            return None
        project = server.project(document)
        if project is None or not project.owns(document.path):
            return None
        return project, document, server.fresh(project, document)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded()
    def on_hover(server: OkrdocsServer, params: types.HoverParams) -> types.Hover | None:
        found = _context(server, params.text_document.uri)
        if found is None:
            return None
        project, document, checked = found
        position = params.position
        text = hover.hover(project, document, checked, position.line, position.character)
        return hover.to_hover(text)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[":", " ", "{", ","]),
    )
    @guarded()
    def on_completion(
        server: OkrdocsServer, params: types.CompletionParams
    ) -> types.CompletionList | None:
        found = _context(server, params.text_document.uri)
        if found is None:
            return None
        project, document, _checked = found
        return completion.complete(
            project, document, params.position.line, params.position.character
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL],
        ),
    )
    @guarded([])
    def on_code_action(
        server: OkrdocsServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        found = _context(server, params.text_document.uri)
        if found is None:
            return []
        project, document, checked = found
        # The kinds' values: str() of an lsprotocol enum is its name.
        only = (
            [str(getattr(kind, "value", kind)) for kind in params.context.only]
            if params.context.only
            else None
        )
        return actions.code_actions(project, document, checked, params.range, only)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guarded()
    def on_definition(
        server: OkrdocsServer, params: types.DefinitionParams
    ) -> types.Location | None:
        found = _context(server, params.text_document.uri)
        if found is None:
            return None
        project, document, _checked = found
        return navigation.definition(
            project, document, params.position.line, params.position.character
        )

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded([])
    def on_symbols(
        server: OkrdocsServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        document = server.document(params.text_document.uri)
        if document is None:
            return []
        project = server.project(document)
        if project is None or not project.owns(document.path):
            return []
        return navigation.symbols(document)

    return server


class _ClientLog(logging.Handler):
    """Warnings and errors also go to the client's log (an editor's output panel)."""

    def __init__(self, server: OkrdocsServer) -> None:
        super().__init__(logging.WARNING)
        self.server = server

    def emit(self, record: logging.LogRecord) -> None:
        try:
            kind = (
                types.MessageType.Error
                if record.levelno >= logging.ERROR
                else types.MessageType.Warning
            )
            self.server.window_log_message(
                types.LogMessageParams(type=kind, message=self.format(record))
            )
        except Exception:  # the client is gone: stderr has it
            pass


def serve(language: str | None = None) -> None:
    """Serve over standard input and output until the client says ``exit``."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="okrdocs lsp: %(message)s")
    server = create(language)
    logging.getLogger("okrdocs").addHandler(_ClientLog(server))
    server.start_io()
