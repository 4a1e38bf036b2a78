"""A link checker for a built site: every internal link, asset and #fragment must resolve
(fragments of the form #name=value are filters a page's script applies, not anchors)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            value = values.get(name)
            if value is not None and tag in ("a", "link", "script", "img"):
                self.links.append(value)


def parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def broken_links(site: Path, skip: tuple[str, ...] = ("404.html",)) -> list[str]:
    """'page -> link: why' for every internal link that does not resolve."""
    problems = []
    parsed: dict[Path, _Collector] = {}
    for page in sorted(site.rglob("*.html")):
        if page.name in skip:
            continue
        collector = parsed.setdefault(page, parse(page))
        for link in collector.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto") or parts.netloc:
                continue
            if link.startswith("data:image/svg+xml,"):  # the inline favicon
                continue
            if parts.scheme:
                problems.append(f"{page.relative_to(site)} -> {link}: unexpected scheme")
                continue
            if link.startswith("/"):
                problems.append(
                    f"{page.relative_to(site)} -> {link}: absolute path (breaks sub-paths)"
                )
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                problems.append(f"{page.relative_to(site)} -> {link}: missing")
                continue
            # "#team=sales&status=off-track": a list's filters (the site's script reads them),
            # not an element's id.
            if parts.fragment and "=" not in parts.fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, parse(target)).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page.relative_to(site)} -> {link}: no #{parts.fragment}")
    return problems
