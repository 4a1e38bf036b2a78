"""The user's cache folder, outside every repository, for what must not come from one.

Compiled templates are Python code: a cache inside the project could be committed (or force-added
in a pull request) and would then run in the CI job that builds the site. They live here
instead, in the user's own cache folder, which a repository cannot write to.

- ``$OKRDOCS_CACHE_DIR`` when set;
- Linux and others: ``$XDG_CACHE_HOME/okrdocs``, else ``~/.cache/okrdocs``;
- macOS: ``~/Library/Caches/okrdocs``; Windows: ``%LOCALAPPDATA%\\okrdocs\\Cache``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_cache_dir() -> Path | None:
    """The okrdocs folder in the user's cache folder, or None when there is no home."""
    explicit = os.environ.get("OKRDOCS_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser().absolute()
    if sys.platform == "win32":  # pragma: no cover - Windows only
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "okrdocs" / "Cache" if base else None
    try:
        home = Path.home()
    except RuntimeError:  # no home folder (some service accounts)
        return None
    if sys.platform == "darwin":  # pragma: no cover - macOS only
        return home / "Library" / "Caches" / "okrdocs"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache"
    return base / "okrdocs"


def private_folder(name: str, project_root: Path) -> Path | None:
    """``<user cache>/<name>``, created for this user only; None when it cannot be created
    or when it would lie inside the project (then a repository could write to it)."""
    base = user_cache_dir()
    if base is None:
        return None
    folder = base / name
    try:
        folder.resolve().relative_to(project_root.resolve())
        return None  # inside the project: not private to the user
    except ValueError:
        pass
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder
