"""Where the two sides of a diff come from: a git revision, the working tree, or a folder.

Revisions are read straight from git's object store (``git ls-tree`` and ``git cat-file
--batch``): no checkout, nothing in the working tree changes, and a shallow clone works as long
as both revisions were fetched.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from okrdocs.config import Config
from okrdocs.diff.compare import Side
from okrdocs.discovery import is_okr_file, is_section
from okrdocs.i18n import _
from okrdocs.loader import FileContext, make_context
from okrdocs.workspace import Workspace


class SourceError(Exception):
    """A usage problem: not a repository, an unknown revision, git missing."""


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise SourceError(
            _("git is not installed; compare two folders with --paths OLD NEW")
        ) from None


def repository_root(folder: Path) -> Path:
    result = _git(folder, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise SourceError(
            _(
                "{folder} is not in a git repository; compare two folders with --paths OLD NEW",
                folder=folder,
            )
        )
    return Path(result.stdout.decode().strip())


def resolve_revision(root: Path, revision: str) -> str:
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if result.returncode != 0:
        shallow = (
            _git(root, "rev-parse", "--is-shallow-repository").stdout.decode().strip() == "true"
        )
        hint = ""
        if shallow:
            hint = _(" (this clone is shallow: fetch more history, such as fetch-depth: 0)")
        raise SourceError(_("unknown revision {revision!r}{hint}", revision=revision, hint=hint))
    return result.stdout.decode().strip()


def _side(label: str, workspace: Workspace) -> Side:
    side = Side(label=label)
    for loaded in workspace.files.values():
        if loaded.context.is_section:
            continue
        if loaded.objective is not None:
            side.objectives[loaded.objective.id] = loaded.objective
            # Paths under the content folder: comparable between a revision, the working tree
            # and two folders given with --paths.
            side.paths[loaded.objective.id] = loaded.context.rel_path
        elif loaded.diagnostics:
            first = loaded.diagnostics[0]
            problem = (
                f"{loaded.context.rel_path}:{first.line}:{first.column}: "
                f"{first.code} {first.message}"
            )
            # By id when the file got that far, so a broken file is not taken for a removal.
            side.unreadable[loaded.header.id or loaded.context.rel_path] = problem
    return side


def from_revision(config: Config, revision: str, cwd: Path, as_of: date) -> Side:
    """The content folder as it was at ``revision``."""
    root = repository_root(config.root)
    sha = resolve_revision(root, revision)
    try:
        prefix = config.content.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise SourceError(
            _(
                "the content folder {content} is outside the repository {root}",
                content=config.content,
                root=root,
            )
        ) from None
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", sha, "--", prefix)
    if listing.returncode != 0:
        raise SourceError(
            _(
                "cannot list {prefix} at {revision}: {value}",
                prefix=prefix,
                revision=revision,
                value=listing.stderr.decode().strip(),
            )
        )
    entries: list[tuple[str, str, str]] = []  # (blob, path in the repository, path under content)
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, path = record.decode("utf-8", "surrogateescape").split("\t", 1)
        kind, blob = meta.split()[1], meta.split()[2]
        rel = path.removeprefix(prefix + "/") if prefix != "." else path
        if kind == "blob" and is_okr_file(rel, config) and not is_section(rel):
            entries.append((blob, path, rel))
    workspace = Workspace(config, as_of, cwd=cwd)
    if not entries:
        return _side(revision, workspace)
    batch = _git(
        root, "cat-file", "--batch", stdin="".join(f"{entry[0]}\n" for entry in entries).encode()
    )
    data, position = batch.stdout, 0
    items: list[tuple[FileContext, bytes | None]] = []
    for _blob, path, rel in entries:
        header_end = data.index(b"\n", position)
        size = int(data[position:header_end].split()[2])
        content = data[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1
        display = make_context(root / path, config.content, cwd).display_path
        items.append((FileContext(f"{revision}:{path}", display, rel), content))
    return _side(revision, workspace.load_items(items))


def from_folder(config: Config, folder: Path, cwd: Path, label: str, as_of: date) -> Side:
    """Every OKR file under ``folder`` (a content folder, or the working tree's)."""
    if not folder.is_dir():
        raise SourceError(_("{folder}: no such folder", folder=folder))
    workspace = Workspace(config, as_of, cwd=cwd, content=folder.resolve())
    return _side(label, workspace.load())
