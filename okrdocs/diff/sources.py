"""Where the two sides of a diff come from: a git revision, the working tree, or a folder.

Revisions are read straight from git's object store (``git ls-tree`` and ``git cat-file
--batch``): no checkout, nothing in the working tree changes, and a shallow clone works as long
as both revisions were fetched.

Only files that differ are read and parsed: a file with the same blob id on both sides (or, for
the working tree, one git reports unmodified) holds the same objectives and cannot change the
report. A pull request that touches 10 of 2,000 files parses 20 files, not 4,000.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrdocs.config import Config
from okrdocs.diff.compare import Side
from okrdocs.discovery import is_okr_file, is_section, walk
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


@dataclass(slots=True)
class Listing:
    """The OKR files of the content folder at a revision: path under content -> blob id."""

    label: str
    root: Path
    prefix: str  # the content folder, from the repository's root
    sha: str
    blobs: dict[str, str] = field(default_factory=dict)

    def path(self, rel: str) -> str:
        return rel if self.prefix == "." else f"{self.prefix}/{rel}"


def sides(config: Config, revisions: tuple[str, ...], cwd: Path, as_of: date) -> tuple[Side, Side]:
    """(old, new): two revisions, or a revision (default HEAD) and the working tree, each with
    only the files that differ between them loaded."""
    old = list_revision(config, revisions[0] if revisions else "HEAD")
    if len(revisions) == 2:
        new = list_revision(config, revisions[1])
        changed = {
            rel
            for rel in old.blobs.keys() | new.blobs.keys()
            if old.blobs.get(rel) != new.blobs.get(rel)
        }
        return load_revision(config, old, changed, cwd, as_of), load_revision(
            config, new, changed, cwd, as_of
        )
    present = {entry.rel: Path(entry.path) for entry in walk(config.content, config).files}
    present = {rel: path for rel, path in present.items() if not is_section(rel)}
    modified = working_tree_changes(old)
    changed = (old.blobs.keys() ^ present.keys()) | (modified & (old.blobs.keys() | present.keys()))
    workspace = Workspace(config, as_of, cwd=cwd, project_checks=False)
    items: list[tuple[FileContext, bytes | None]] = [
        (workspace.context(present[rel]), None) for rel in sorted(changed) if rel in present
    ]
    return load_revision(config, old, changed, cwd, as_of), _side(
        _("the working tree"), workspace.load_items(items)
    )


def working_tree_changes(listing: Listing) -> set[str]:
    """Paths under the content folder that git reports modified, added, deleted or untracked
    in the working tree against the listing's revision."""
    pathspec = ["--", listing.prefix]
    changed: set[str] = set()
    for args in (
        ["diff", "--name-only", "--no-renames", "-z", listing.sha, *pathspec],
        ["ls-files", "--others", "--exclude-standard", "-z", "--full-name", *pathspec],
    ):
        result = _git(listing.root, *args)
        if result.returncode != 0:
            raise SourceError(
                _(
                    "git {command} failed: {problem}",
                    command=args[0],
                    problem=result.stderr.decode().strip(),
                )
            )
        for record in result.stdout.split(b"\0"):
            if record:
                path = record.decode("utf-8", "surrogateescape")
                changed.add(
                    path.removeprefix(listing.prefix + "/") if listing.prefix != "." else path
                )
    return changed


def list_revision(config: Config, revision: str) -> Listing:
    """The OKR files of the content folder at ``revision`` and their blob ids."""
    root = repository_root(config.root)
    sha = resolve_revision(root, revision)
    try:
        prefix = config.content.resolve().relative_to(root.resolve()).as_posix()
        prefix = _content_at(root, sha, config) or prefix
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
    found = Listing(revision, root, prefix, sha)
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, path = record.decode("utf-8", "surrogateescape").split("\t", 1)
        kind, blob = meta.split()[1], meta.split()[2]
        rel = path.removeprefix(prefix + "/") if prefix != "." else path
        if kind == "blob" and is_okr_file(rel, config) and not is_section(rel):
            found.blobs[rel] = blob
    return found


def _content_at(root: Path, sha: str, config: Config) -> str | None:
    """The content folder (from the repository's root) that the revision's own configuration
    names, when it names another one than today's: a commit that moves the folder is compared
    folder with folder, not with an empty path. None: today's."""
    import posixpath

    if config.path is None:
        return None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]
    try:
        where = config.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    shown = _git(root, "show", f"{sha}:{where}")
    if shown.returncode != 0:
        return None
    try:
        data = tomllib.loads(shown.stdout.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    if config.path.name == "pyproject.toml":
        data = data.get("tool", {}).get("okrdocs", {})
    content = data.get("content", "content") if isinstance(data, dict) else None
    if not isinstance(content, str) or not content.strip():
        return None
    folder = posixpath.normpath(posixpath.join(posixpath.dirname(where), content.strip()))
    if folder.startswith("../") or folder == ".." or posixpath.isabs(folder):
        return None  # outside the repository: keep today's
    return folder


def load_revision(config: Config, listing: Listing, only: set[str], cwd: Path, as_of: date) -> Side:
    """The objectives of the listed files in ``only``, read from git's object store."""
    root, revision = listing.root, listing.label
    entries = [
        (listing.blobs[rel], listing.path(rel), rel) for rel in sorted(only) if rel in listing.blobs
    ]
    workspace = Workspace(config, as_of, cwd=cwd, project_checks=False)
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


def folders(config: Config, old: Path, new: Path, cwd: Path, as_of: date) -> tuple[Side, Side]:
    """(old, new) from two folders (``--paths``): files with the same bytes are left out."""
    for folder in (old, new):
        if not folder.is_dir():
            raise SourceError(_("{folder}: no such folder", folder=folder))
    old_files = {e.rel: Path(e.path) for e in walk(old, config).files if not is_section(e.rel)}
    new_files = {e.rel: Path(e.path) for e in walk(new, config).files if not is_section(e.rel)}
    changed = {
        rel
        for rel in old_files.keys() | new_files.keys()
        if rel not in old_files
        or rel not in new_files
        or not _same_bytes(old_files[rel], new_files[rel])
    }
    result = []
    for folder, files in ((old, old_files), (new, new_files)):
        workspace = Workspace(
            config, as_of, cwd=cwd, content=folder.resolve(), project_checks=False
        )
        items: list[tuple[FileContext, bytes | None]] = [
            (workspace.context(files[rel]), None) for rel in sorted(changed) if rel in files
        ]
        result.append(_side(str(folder), workspace.load_items(items)))
    return result[0], result[1]


def _same_bytes(first: Path, second: Path) -> bool:
    try:
        if first.stat().st_size != second.stat().st_size:
            return False
        return first.read_bytes() == second.read_bytes()
    except OSError:
        return False  # read (and reported) as the loader sees it
