"""The projects an editor has open: their configuration, workspace and checks.

A document belongs to the project whose configuration (``okrdocs.toml``, or ``[tool.okrdocs]``
in ``pyproject.toml``) is the nearest above it; a document in a folder without one belongs to
the editor's workspace folder with the default configuration. Each project keeps a workspace
holding the header of every content file (from the content index, so opening a project of
10,000 files reads no file twice), which is what open documents are checked against.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from okrdocs.config import Config, ConfigError, find_config_file, load_config
from okrdocs.discovery import is_okr_file
from okrdocs.i18n import _, choose_language, set_language
from okrdocs.lint import resolve_policy
from okrdocs.loader import LoadedFile
from okrdocs.model import Header
from okrdocs.workspace import Workspace

logger = logging.getLogger("okrdocs.lsp")

CONFIG_NAMES = ("okrdocs.toml", "pyproject.toml")
AS_OF = "OKRDOCS_AS_OF"


def as_of() -> date:
    """The day findings are judged on: ``OKRDOCS_AS_OF`` (as for the CLI), else today."""
    value = os.environ.get(AS_OF)
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            message = _(
                "{source}: {value!r} is not a date; use YYYY-MM-DD", source=AS_OF, value=value
            )
            logger.warning("%s", message)
    return date.today()


@dataclass(slots=True)
class Checked:
    """One check of a document's text: what was checked and what was found."""

    text: str
    loaded: LoadedFile


class Project:
    """One configuration's project: its workspace, its language, its checks."""

    def __init__(self, config: Config, language: str | None) -> None:
        self.config = config
        self.language = choose_language(language, config.language if config.path else None)
        self.day = as_of()
        self.error: str | None = None
        try:
            policy = resolve_policy(config)
        except ConfigError as error:
            # The policy cannot be read: check the files as far as possible, say why once.
            self.error = str(error)
            policy = None
        self.workspace = Workspace(config, self.day, policy, jobs=1, cwd=config.root)
        self.workspace.load([], keep_models=False)  # the header of every content file
        self.scanned = time.monotonic()

    def speak(self) -> None:
        set_language(self.language)

    def rel_path(self, path: Path) -> str | None:
        """The path under the content folder of an OKR file of this project, else None."""
        try:
            rel = path.absolute().relative_to(self.workspace.content).as_posix()
        except ValueError:
            return None
        return rel if is_okr_file(rel, self.config) else None

    def owns(self, path: Path) -> bool:
        return self.rel_path(path) is not None

    def check(self, path: Path, text: str) -> Checked:
        """The findings on ``text`` as the file ``path``, in the project's context."""
        loaded = self.workspace.check_unsaved(path, text.encode("utf-8", "surrogatepass"))
        return Checked(text, loaded)

    def headers(self) -> dict[str, Header]:
        return self.workspace.headers()

    def file_of(self, objective_id: str) -> Path | None:
        """The file of the objective with this id (the first, if several claim it)."""
        for rel, header in sorted(self.headers().items()):
            if header.id == objective_id:
                return self.workspace.content / rel
        return None

    def files_changed(self, paths: list[Path]) -> None:
        """Files saved, created or deleted outside the editor: read their headers again."""
        self.workspace.reindex([p for p in paths if self.owns(p) or not p.exists()])

    def rescan(self, unless_within: float = 0.0) -> None:
        """Look at every file again (modification times; changed files are read), unless
        that was done less than ``unless_within`` seconds ago."""
        now = time.monotonic()
        if now - self.scanned < unless_within:
            return
        self.workspace.load([], keep_models=False)
        self.scanned = now


class Projects:
    """Every project the editor has touched, by the configuration file that defines it."""

    def __init__(self, language: str | None = None) -> None:
        self.language = language
        self.folders: list[Path] = []  # the editor's workspace folders
        self._by_config: dict[Path, Project] = {}
        self._config_of: dict[Path, Path | None] = {}
        self.errors: dict[Path, str] = {}  # configuration files that cannot be read

    def config_path(self, path: Path) -> Path | None:
        """The configuration file of a document, remembered by folder (finding it reads
        every pyproject.toml above; ``forget`` clears it when a configuration changes)."""
        folder = path.parent
        if folder not in self._config_of:
            found = find_config_file(folder)
            self._config_of[folder] = found[0] if found is not None else None
        return self._config_of[folder]

    def _folder_of(self, path: Path) -> Path:
        for folder in sorted(self.folders, key=lambda f: len(str(f)), reverse=True):
            if path.is_relative_to(folder):
                return folder
        return path.parent

    def for_path(self, path: Path) -> Project | None:
        """The project a document belongs to; None when its configuration is broken (the
        problem is in ``errors``)."""
        try:
            config_file = self.config_path(path)
        except (OSError, ConfigError) as error:
            logger.warning("%s", _("{path}: cannot read: {value}", path=path.parent, value=error))
            config_file = None
        key = config_file or self._folder_of(path)
        project = self._by_config.get(key)
        if project is not None and project.day != as_of():  # a new day: judge dates again
            project = None
        if project is None:
            try:
                if config_file is not None:
                    config = load_config(config_file)
                else:
                    config = load_config(None, start=key)
            except (ConfigError, OSError) as error:
                self.errors[key] = str(error)
                return None
            self.errors.pop(key, None)
            project = Project(config, self.language)
            self._by_config[key] = project
        return project

    def error_for(self, path: Path) -> str | None:
        try:
            config_file = self.config_path(path)
        except (OSError, ConfigError):
            return None
        return self.errors.get(config_file or self._folder_of(path))

    def forget(self, config_file: Path) -> None:
        """A configuration changed: its project is read again when next needed."""
        self._config_of.clear()  # a configuration may have appeared or gone
        self._by_config.pop(config_file, None)
        self.errors.pop(config_file, None)
        for key in [k for k in self._by_config if config_file.parent == k]:
            self._by_config.pop(key, None)

    def all(self) -> list[Project]:
        return list(self._by_config.values())
