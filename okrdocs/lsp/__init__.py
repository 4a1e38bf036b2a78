"""``okrdocs lsp``: the language server, so that editors know what ``okrdocs lint`` knows.

The server holds each project in memory through the one workspace (okrdocs.workspace): the
headers of every file, read once and kept current as files change on disk, and the lint
policy. An open document is checked from its unsaved text with ``Workspace.check_unsaved``,
so an editor shows exactly the findings, codes and severities ``okrdocs lint`` would show once
the file is saved. pygls and lsprotocol (the ``lsp`` extra) are imported only here.

Modules: ``text`` (positions in the client's encoding), ``outline`` (a forgiving outline of
the front matter, for half-typed YAML), ``projects`` (configurations, workspaces and checks),
``fields`` (what the schema says about a field), one module per feature (``diagnostics``,
``hover``, ``completion``, ``actions``, ``navigation``: definitions and symbols) and
``server`` (the pygls wiring: events, debouncing, error containment).
"""

from __future__ import annotations


def run(language: str | None = None) -> None:
    """Serve the Language Server Protocol over standard input and output until ``exit``."""
    from okrdocs.lsp.server import serve

    serve(language)
