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


# Characters that can start inline Markdown (emphasis, code, links, images, entities, raw HTML,
# autolinks, escapes, strikethrough, tables, footnotes) or that markdown-it reads specially
# (controls, line separators). A body without them is plain paragraphs and headings.
_MARKUP = re.compile(r"[\\`*_\[\]<>&#|~!\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029]")
_HEADING = re.compile(r"(#{1,6}) +(.+)")


def plain_html(text: str) -> str | None:
    """The HTML of a body made of plain paragraphs and ATX headings, as markdown-it renders it,
    or None for anything else. Most OKR bodies are a heading and a sentence or two; parsing
    them with markdown-it cost ~0.25 ms each, a fifth of an objective page.
    tests/test_markdown.py checks this against markdown-it on generated text."""
    out: list[str] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            out.append("<p>" + "\n".join(paragraph).replace('"', "&quot;") + "</p>\n")
            paragraph.clear()

    for line in text.split("\n"):
        if not line:
            close()
            continue
        if line[-1].isspace():
            return None  # trailing spaces can be a hard line break; markdown-it trims others
        if line[0] == "#":
            heading = _HEADING.fullmatch(line)
            if heading is None or _MARKUP.search(heading[2]):
                return None
            close()
            level = len(heading[1])
            content = heading[2].strip().replace('"', "&quot;")
            out.append(f"<h{level}>{content}</h{level}>\n")
            continue
        stripped = line.lstrip(" ")
        # Four spaces start code; a first character other than a letter can start a list, a
        # quote, a fence, a rule or a setext underline.
        if len(line) - len(stripped) > 3 or not stripped[0].isalpha() or _MARKUP.search(line):
            return None
        paragraph.append(stripped)
    close()
    return "".join(out)


def render(text: str) -> str:
    if not text.strip():
        return ""
    plain = plain_html(text)
    if plain is not None:
        return plain
    return _renderer().render(text)
