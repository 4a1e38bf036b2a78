"""Load a whole content folder (or some files of it) and check what spans files.

Cross-file checks: duplicate objective ids (OKR003), a ``parent`` that does not exist (OKR004) and
parent cycles (OKR005). When only some files are linted (pre-commit passes the changed files),
the other files of the content folder are indexed cheaply (their ``id`` and ``parent`` lines)
rather than fully parsed, so a one-file run stays fast in a large repository.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from okrdocs import diagnostics as dx
from okrdocs.config import Config
from okrdocs.diagnostics import Diagnostic
from okrdocs.globs import matcher
from okrdocs.loader import FileContext, LoadedFile, load_file, make_context
from okrdocs.model import Objective, Section
from okrdocs.parallel import gc_paused, map_files
from okrdocs.periods import FiscalYear
from okrdocs.yamlsource import KEPT_POINTERS


@dataclass(slots=True)
class Project:
    config: Config
    # Loaded files, then (partial runs) files only indexed for cross-file checks.
    files: list[LoadedFile] = field(default_factory=list)

    @property
    def loaded(self) -> list[LoadedFile]:
        return [f for f in self.files if not f.indexed_only]

    @property
    def objectives(self) -> list[Objective]:
        return [f.objective for f in self.files if f.objective is not None]

    @property
    def sections(self) -> list[Section]:
        return [f.section for f in self.files if f.section is not None]

    def all_diagnostics(self) -> list[Diagnostic]:
        found = [d for f in self.files if not f.indexed_only for d in f.diagnostics]
        return sorted(found, key=Diagnostic.sort_key)


def _rel_to_root(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def is_excluded(path: Path, config: Config) -> bool:
    return matcher(tuple(config.exclude))(_rel_to_root(path.absolute(), config.root))


def discover(folder: Path, config: Config) -> list[Path]:
    """Every .md file under ``folder`` (any depth), sorted, minus excluded or hidden ones."""
    found: list[Path] = []
    excluded = matcher(tuple(config.exclude))
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(current)
        rel_base = _rel_to_root(base.absolute(), config.root)
        rel_base = "" if rel_base == "." else rel_base + "/"
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith(".") and not excluded(rel_base + name):
                found.append(base / name)
    return found


class PathError(Exception):
    """A path given on the command line does not exist."""


def expand_paths(paths: Iterable[Path], config: Config, force_exclude: bool = False) -> list[Path]:
    """Files named on the command line: folders are expanded; explicit files are kept unless
    ``force_exclude`` (pre-commit) asks to drop files outside the content folder or excluded."""
    result: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = discover(path, config)
        elif path.exists():
            if force_exclude and (
                not path.name.endswith(".md")
                or is_excluded(path, config)
                or not _is_within(path.absolute(), config.content)
            ):
                continue
            candidates = [path]
        else:
            raise PathError(f"{path}: no such file or folder")
        for candidate in candidates:
            key = candidate.absolute()
            if key not in seen:
                seen.add(key)
                result.append(candidate)
    return result


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True


class FileProcessor(Protocol):
    """Per-file work done right after loading, in the worker process (such as per-file rules).

    It must be picklable: large runs load files in several processes.
    """

    def __call__(self, loaded: LoadedFile) -> None: ...


@dataclass(frozen=True, slots=True)
class _LoadSettings:
    fiscal: FiscalYear
    keep_models: bool
    process: FileProcessor | None


def _load_one(settings: _LoadSettings, context: FileContext) -> LoadedFile:
    loaded = load_file(context, settings.fiscal)
    if settings.process is not None:
        settings.process(loaded)
    # Per-file rules have run: what follows needs a few positions, not the YAML node tree, nor
    # the text. Keeping either would hold millions of objects (and send them between processes).
    loaded.text = ""
    loaded.source_map.freeze(KEPT_POINTERS)
    if not settings.keep_models:
        # Linting needs diagnostics and a few fields, not the model.
        loaded.objective = None
        loaded.section = None
    return loaded


def load_project(
    config: Config,
    paths: list[Path] | None = None,
    cwd: Path | None = None,
    jobs: int | None = None,
    keep_models: bool = True,
    use_cache: bool = True,
    process: FileProcessor | None = None,
    check: bool = True,
    meanwhile: Callable[[], None] | None = None,
) -> Project:
    """Load ``paths`` (default: the whole content folder) and run the cross-file checks.

    With ``keep_models=False`` (linting), files keep their diagnostics and the fields cross-file
    checks need, but not their models. In a partial run the other content files are added as
    ``indexed_only`` entries, so cross-file checks see the whole folder.
    """
    cwd = cwd or Path.cwd()
    project = Project(config=config)
    has_content = config.content.is_dir()
    if paths is None:
        paths_to_load = discover(config.content, config) if has_content else []
    else:
        paths_to_load = paths
    contexts = [make_context(path, config.content, cwd) for path in paths_to_load]
    settings = _LoadSettings(config.fiscal, keep_models, process)
    with gc_paused():
        project.files = map_files(_load_one, settings, contexts, jobs, meanwhile)
    if paths is not None and has_content:
        from okrdocs.index_cache import content_index

        loaded = {context.rel_path for context in contexts}
        content = str(config.content)
        shown = make_context(config.content / "x", config.content.parent, cwd).display_path
        prefix = shown[:-1]  # how the content folder is displayed, with a trailing '/'
        for rel, entry in content_index(config, use_cache).items():
            if rel not in loaded:
                project.files.append(entry.as_loaded_file(content, prefix, rel))
    if check:  # the linter runs these itself, after the per-file rules (okrdocs.lint.finish)
        check_references(project)
    return project


def check_references(project: Project) -> None:
    """OKR003 duplicate ids, OKR004 unknown parent, OKR005 parent cycles.

    Each file's own findings are kept apart, so the checks can run again after files change.
    """
    for loaded in project.files:
        if loaded.own_diagnostics is None:
            loaded.own_diagnostics = list(loaded.diagnostics)
        else:
            loaded.diagnostics = list(loaded.own_diagnostics)
    groups: dict[str, list[LoadedFile]] = {}
    for loaded in project.files:
        if loaded.id is not None and not loaded.context.is_section:
            groups.setdefault(loaded.id, []).append(loaded)
    owners = {object_id: group[0] for object_id, group in groups.items()}
    for object_id, group in groups.items():
        others = [f.context.display_path for f in group]
        if len(others) < 2:
            continue
        # Report where the id was written; a file whose id comes from its path is the victim.
        blamed = [f for f in group if f.id_declared] or group[1:]
        if all(f.indexed_only for f in blamed):  # make sure the files being linted hear of it
            blamed += [f for f in group if not f.indexed_only and f not in blamed]
        for loaded in blamed:
            where = ", ".join(p for p in others if p != loaded.context.display_path)
            loaded.diagnostics.append(
                dx.make(
                    dx.DUPLICATE_ID,
                    loaded.context.display_path,
                    loaded.source_map.locate("/id"),
                    f"objective id '{object_id}' is already used by {where}; ids must be unique",
                )
            )

    parents = {object_id: loaded.parent for object_id, loaded in owners.items()}
    for loaded in project.loaded:
        if not loaded.valid or loaded.parent is None:
            continue
        if loaded.parent not in parents:
            close = difflib.get_close_matches(loaded.parent, list(parents), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            loaded.diagnostics.append(
                dx.make(
                    dx.UNKNOWN_REFERENCE,
                    loaded.context.display_path,
                    loaded.source_map.locate("/parent"),
                    f"parent '{loaded.parent}' is not the id of any objective{hint}",
                )
            )
    for loaded in project.loaded:
        if not loaded.valid or loaded.parent is None or loaded.id is None:
            continue
        chain = [loaded.id]
        current = loaded.parent
        while current is not None and current in parents and current not in chain:
            chain.append(current)
            current = parents[current]
        if current == loaded.id:
            loop = " → ".join([*chain, loaded.id])
            loaded.diagnostics.append(
                dx.make(
                    dx.PARENT_CYCLE,
                    loaded.context.display_path,
                    loaded.source_map.locate("/parent"),
                    f"parent links form a cycle: {loop}; an objective cannot align to itself",
                )
            )
