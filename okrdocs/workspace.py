"""The workspace: one project, loaded once, checked, and analysed; every command reads it.

    load → per-file rules → project-wide rules → policy → analysis

- ``load()`` finds the OKR files (okrdocs.discovery), loads them on every core with the
  per-file rules the lint policy enables (okrdocs.lint), and, when only some files are named
  (pre-commit), takes the other files' headers from the content index (okrdocs.index_cache).
- ``check()`` runs the project-wide rules (duplicate ids, unknown parents, cycles, objectives
  per owner) over every header and applies the policy (per-file ignores, severities,
  suppression comments). It can run again after files change.
- ``reload(paths)`` reads changed files again (``okrdocs serve``) and says which objectives
  changed; ``check_bytes()`` loads unsaved text in the project's context, and
  ``check_unsaved()`` checks it as lint would (per-file and project-wide rules, the policy):
  what an editor shows and what ``lint --fix`` checks each fix with; ``reindex(paths)`` reads
  the headers of files changed on disk again (the language server).
- ``analysis()`` computes progress, status and the roll-ups (okrdocs.analysis), once.

Without a lint policy (``status``, ``export``, ``build --no-lint``) only the loader's checks
and the project-wide identity checks run, and nothing is suppressed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrdocs.config import Config
from okrdocs.diagnostics import Diagnostic
from okrdocs.discovery import Walk, is_okr_file, walk
from okrdocs.i18n import _
from okrdocs.loader import FileContext, LoadedFile, load_bytes, load_file, make_context
from okrdocs.model import Header, Objective, Section
from okrdocs.parallel import gc_paused, map_files
from okrdocs.periods import FiscalYear
from okrdocs.yamlsource import KEPT_POINTERS

if TYPE_CHECKING:
    from okrdocs.analysis import Analysis
    from okrdocs.index_cache import ContentIndex
    from okrdocs.lint import Policy, RuleRunner
    from okrdocs.project_index import ProjectIndex
    from okrdocs.rules import Finding


class PathError(Exception):
    """A path given on the command line does not exist."""


class ContentMissing(Exception):
    """The configured content folder does not exist."""

    def __init__(self, config: Config) -> None:
        super().__init__(
            _(
                "content folder not found: {folder} (set 'content' in okrdocs.toml)",
                folder=config.content,
            )
        )


@dataclass(frozen=True, slots=True)
class _LoadSettings:
    fiscal: FiscalYear
    keep_models: bool
    process: RuleRunner | None
    root: str | None = None  # the project's real path: a link named leading outside is refused


def _load_one(settings: _LoadSettings, item: tuple[FileContext, bytes | None]) -> LoadedFile:
    context, raw = item
    if raw is None:
        loaded = load_file(context, settings.fiscal, settings.root)
    else:
        loaded = load_bytes(raw, context, settings.fiscal)
    if settings.process is not None:
        settings.process(loaded)
    # Per-file rules have run: what follows needs a few positions, not the YAML node tree, nor
    # the text. Keeping either would hold millions of objects (and send them between processes).
    loaded.text = ""
    loaded.source_map.freeze(KEPT_POINTERS)
    if not settings.keep_models:
        loaded.objective = None
        loaded.section = None
    return loaded


def expand_paths(paths: Iterable[Path], config: Config, force_exclude: bool = False) -> list[Path]:
    """Files named on the command line: folders are expanded to their OKR files; explicit files
    are kept unless ``force_exclude`` (pre-commit) drops those that are not OKR files of the
    content folder."""
    result: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = [Path(found.path) for found in walk(path, config).files]
        elif path.exists():
            if force_exclude and not _is_content_okr_file(path, config):
                continue
            candidates = [path]
        else:
            raise PathError(_("{path}: no such file or folder", path=path))
        for candidate in candidates:
            key = candidate.absolute()
            if key not in seen:
                seen.add(key)
                result.append(candidate)
    return result


def _is_content_okr_file(path: Path, config: Config) -> bool:
    try:
        rel = path.resolve().relative_to(config.content).as_posix()
    except ValueError:
        return False
    return is_okr_file(rel, config)


class Workspace:
    """A project loaded once: its files, their findings, and the analysis."""

    def __init__(
        self,
        config: Config,
        as_of: date,
        policy: Policy | None = None,
        *,
        jobs: int | None = None,
        use_cache: bool = True,
        cwd: Path | None = None,
        content: Path | None = None,
        project_checks: bool = True,
    ) -> None:
        self.config = config
        # The folder of OKR files: the configured one, or another that plays its part (the
        # two sides of ``okrdocs diff --paths``).
        self.content = (content or config.content).absolute()
        self.as_of = as_of
        self.policy = policy
        self.jobs = jobs
        self.use_cache = use_cache
        self.cwd = cwd or Path.cwd()
        # Loaded files by absolute path, and the content index of the others (when only some
        # files of the content folder are loaded: pre-commit).
        self.files: dict[str, LoadedFile] = {}
        self.index: ContentIndex | None = None
        self.skipped: list[tuple[str, str]] = []
        self.diagnostics: list[Diagnostic] = []
        self._analysis: Analysis | None = None
        # After a save that kept every header (see _recheck): the last analysis, and the files
        # whose objectives it must take again (okrdocs.analysis.reanalyse).
        self._reanalyse: tuple[Analysis, list[str]] | None = None
        self._analysis_cache: dict[str, Any] = {}  # each objective's numbers (see analyse)
        self._real_root: str | None = None
        self._runner: RuleRunner | None = None
        self._keep_models = True
        # Project-wide rules (duplicate ids, unknown parents...); okrdocs diff, which reads a few
        # files of each side, needs only what reading them finds.
        self.project_checks = project_checks
        self._known: dict[str, str] | None = None
        # check_unsaved: the project-wide findings of a file, by the header they were for.
        self._unsaved_project: dict[str, tuple[tuple[Header, bool], list[tuple[str, Finding]]]] = {}
        # The project-wide findings of the last check, by path under the content folder (None
        # before a check, or when the last one ran no project-wide rules).
        self._project_found: dict[str, list[tuple[str, Finding]]] | None = None

    @classmethod
    def for_lint(
        cls, config: Config, as_of: date, policy: Policy | None = None, **options: object
    ) -> Workspace:
        """A workspace that runs the project's lint policy (or ``policy``)."""
        from okrdocs.lint import resolve_policy

        return cls(config, as_of, policy or resolve_policy(config), **options)  # type: ignore[arg-type]

    # -- loading ---------------------------------------------------------------------------

    def context(self, path: Path) -> FileContext:
        return make_context(path, self.content, self.cwd)

    def _settings(self) -> _LoadSettings:
        if self._runner is None and self.policy is not None:
            from okrdocs.lint import rule_runner

            self._runner = rule_runner(self.policy, self.as_of, self.config)
        if self._real_root is None:
            self._real_root = os.path.realpath(self.config.root)
        return _LoadSettings(self.config.fiscal, self._keep_models, self._runner, self._real_root)

    def load(
        self,
        paths: list[Path] | None = None,
        *,
        keep_models: bool = True,
        meanwhile: Callable[[], None] | None = None,
    ) -> Workspace:
        """Load ``paths`` (default: every OKR file of the content folder) and check them.

        With ``keep_models=False`` (linting) files keep their findings and headers, not their
        models. When ``paths`` are given, the other content files are only indexed, so that
        project-wide checks still see the whole folder.
        """
        self._keep_models = keep_models
        has_content = self.content.is_dir()
        if paths is None:
            found = walk(self.content, self.config, self.content) if has_content else Walk()
            self.skipped = found.skipped
            targets = [Path(entry.path) for entry in found.files]
        else:
            targets = paths
        items: list[tuple[FileContext, bytes | None]] = [
            (self.context(path), None) for path in targets
        ]
        with gc_paused():
            loaded = map_files(_load_one, self._settings(), items, self.jobs, meanwhile)
        self.files = {f.context.location: f for f in loaded}
        self.index = None
        if paths is not None and has_content and self.content == self.config.content:
            from okrdocs.index_cache import content_index

            self.index = content_index(self.config, self.use_cache)
            self.skipped = self.index.skipped
        self.check()
        return self

    def load_items(self, items: list[tuple[FileContext, bytes | None]]) -> Workspace:
        """Load files whose bytes are already read (a git revision for ``okrdocs diff``)."""
        with gc_paused():
            loaded = map_files(_load_one, self._settings(), items, self.jobs)
        self.files = {f.context.location: f for f in loaded}
        self.index = None
        self.check()
        return self

    def reload(self, paths: Iterable[Path]) -> Reload:
        """Read changed or removed files again, check again; say which objectives changed."""
        before: dict[str, Header] = {}
        after: dict[str, Header] = {}
        same_headers = True  # every file read again keeps its header and validity
        for path in paths:
            location = str(path.absolute())
            old = self.files.pop(location, None)
            if old is not None:
                before[location] = old.header
            context = self.context(path)
            if path.is_file() and is_okr_file(context.rel_path, self.config):
                fresh = _load_one(self._settings(), (context, None))
                self.files[location] = fresh
                after[location] = fresh.header
                if old is None or (old.header, old.valid) != (fresh.header, fresh.valid):
                    same_headers = False
            else:
                same_headers = False
        if same_headers and self._project_found is not None:
            self._recheck(list(after))  # the project-wide findings cannot have changed
        else:
            self.files = dict(sorted(self.files.items()))
            self.check()
        return Reload(before, after)

    def _recheck(self, locations: list[str]) -> None:
        """``check()`` after files were read again with the same headers and validity: the
        project-wide rules read only headers, so each file gets its findings of the last
        check again, and only these files go through the policy (a save in ``okrdocs serve``
        at 10,000 objectives: 120 ms -> a few)."""
        from okrdocs.lint import finding_diagnostic

        assert self._project_found is not None
        if self._analysis is not None:
            self._reanalyse = (self._analysis, locations)
        elif self._reanalyse is not None:  # two saves before the analysis was asked for
            self._reanalyse = (self._reanalyse[0], [*self._reanalyse[1], *locations])
        self._analysis = None
        self._unsaved_project.clear()
        shown: set[str] = set()
        for location in locations:
            loaded = self.files[location]
            loaded.own_diagnostics = list(loaded.diagnostics)
            for code, finding in self._project_found.get(loaded.context.rel_path, ()):
                loaded.diagnostics.append(finding_diagnostic(loaded, code, finding))
            self._apply_policy(loaded)
            shown.add(loaded.context.display_path)
        found = [d for d in self.diagnostics if d.path not in shown]
        for location in locations:
            found.extend(self.files[location].diagnostics)
        found.sort(key=Diagnostic.sort_key)
        self.diagnostics = found

    def reindex(self, paths: Iterable[Path]) -> None:
        """Read the headers of changed, added or removed content files again (an editor,
        which checks its open buffers against the headers of every other file). The content
        index is then held in memory, where it can change file by file."""
        from okrdocs.index_cache import ContentIndex
        from okrdocs.loader import ReadError, read_bytes, read_header

        if self.index is None:
            self.index = ContentIndex()
        if self.index.stored is not None:
            self.index.headers, self.index.stored = self.index.all_headers(), None
        indexed = self.index.headers
        for path in paths:
            context = self.context(path)
            indexed.pop(context.rel_path, None)
            if context.is_section or not is_okr_file(context.rel_path, self.config):
                continue
            if context.location in self.files or not path.is_file():
                continue
            try:
                header = read_header(read_bytes(path), context)
            except ReadError:
                header = context.default_header()
            indexed[context.rel_path] = header
        self._unsaved_project.clear()

    def check_bytes(self, path: Path, raw: bytes, rules: bool = False) -> LoadedFile:
        """One file's unsaved content, loaded (and with ``rules``, checked per file) as it
        would be in this project; the workspace itself is not changed."""
        context = self.context(path)
        loaded = load_bytes(raw, context, self.config.fiscal)
        if rules:
            settings = self._settings()
            if settings.process is not None:
                settings.process(loaded)
        return loaded

    def reconfigure(self, config: Config) -> None:
        """Use ``config`` from now on, keeping the loaded files: only for a configuration that
        reads and checks files the same way (okrdocs.site.serve.same_reading)."""
        self.config = config
        self._analysis = self._reanalyse = None
        self._project_found = None  # the next reload checks the whole project again

    # -- checking --------------------------------------------------------------------------

    def check(self) -> None:
        """Project-wide rules and the policy over the files loaded; safe to run again."""
        self._analysis = self._reanalyse = None
        self._unsaved_project.clear()
        if not self.project_checks and self.policy is None:
            self._project_found = None
            for loaded in self.files.values():
                for diagnostic in loaded.diagnostics:
                    diagnostic.objective_id = loaded.header.id
            self.diagnostics = sorted(
                (d for f in self.files.values() for d in f.diagnostics), key=Diagnostic.sort_key
            )
            return
        from okrdocs.lint import finding_diagnostic

        for loaded in self.files.values():
            if loaded.own_diagnostics is None:
                loaded.own_diagnostics = list(loaded.diagnostics)
            else:
                loaded.diagnostics = list(loaded.own_diagnostics)
        by_rel = {f.context.rel_path: f for f in self.files.values() if not f.context.is_section}
        headers = sorted((f.header for f in by_rel.values()), key=lambda h: h.rel_path)
        valid = [f.header for f in by_rel.values() if f.valid]
        linted = {rel: f.valid for rel, f in by_rel.items()}
        index = self._project_index(headers, valid)
        project_found: dict[str, list[tuple[str, Finding]]] = {}
        for rel, code, finding in self._project_findings(headers, linted, index):
            target = by_rel.get(rel)
            if target is not None:
                target.diagnostics.append(finding_diagnostic(target, code, finding))
                project_found.setdefault(rel, []).append((code, finding))
        self._project_found = project_found
        found: list[Diagnostic] = []
        for loaded in self.files.values():
            self._apply_policy(loaded)
            found.extend(loaded.diagnostics)
        found.sort(key=Diagnostic.sort_key)
        self.diagnostics = found

    def _project_findings(
        self, headers: list[Header], linted: dict[str, bool], index: ProjectIndex
    ) -> Iterator[tuple[str, str, Finding]]:
        """(path under the content folder, code, finding) of the project-wide rules on the
        ``linted`` files (their ``headers``), asking ``index`` about the others."""
        from okrdocs.lint import project_rules
        from okrdocs.rules import RULES, ProjectFiles, RuleContext

        prefix = self._content_display_prefix()
        project = ProjectFiles(headers, linted, lambda rel: prefix + rel, index)
        policy = self.policy
        options = policy.options if policy is not None else {}
        for code in project_rules(policy.enabled if policy is not None else None):
            rule = RULES[code]
            rule_options = options.get(code, rule.default_options())
            context = RuleContext(self.as_of, self.config, rule_options)
            for rel, finding in rule().check_project(project, context):
                yield rel, code, finding

    def _apply_policy(self, loaded: LoadedFile) -> None:
        from okrdocs.lint import apply_policy, known_rule_names

        if self.policy is not None:
            if self._known is None:
                self._known = known_rule_names()
            loaded.diagnostics = apply_policy(loaded, self.policy, self.config, self._known)
        else:
            for diagnostic in loaded.diagnostics:
                diagnostic.objective_id = loaded.header.id

    def check_unsaved(self, path: Path, raw: bytes) -> LoadedFile:
        """One file's unsaved content, checked as ``okrdocs lint`` would check it once saved:
        per-file rules, the project-wide rules against every other file's header, and the
        policy. The workspace itself is not changed (an editor's buffer, a fix being tried).

        The project-wide findings depend on the file's header alone, so they are kept and
        reused while the header stays the same (typing in a title does not redo them).
        """
        from okrdocs.lint import finding_diagnostic
        from okrdocs.project_index import ProjectIndex

        loaded = self.check_bytes(path, raw, rules=self.policy is not None)
        rel = loaded.context.rel_path
        if not loaded.context.is_section:
            key = (loaded.header, loaded.valid)
            cached = self._unsaved_project.get(rel)
            if cached is None or cached[0] != key:
                others = self.headers()
                others.pop(rel, None)
                mine = [loaded.header]
                index = ProjectIndex(
                    [*others.values(), *mine],
                    [*others.values(), *(mine if loaded.valid else [])],
                )
                found = [
                    (code, finding)
                    for where, code, finding in self._project_findings(
                        mine, {rel: loaded.valid}, index
                    )
                    if where == rel
                ]
                cached = (key, found)
                self._unsaved_project[rel] = cached
            for code, finding in cached[1]:
                loaded.diagnostics.append(finding_diagnostic(loaded, code, finding))
        self._apply_policy(loaded)
        loaded.diagnostics.sort(key=Diagnostic.sort_key)
        return loaded

    def _project_index(self, headers: list[Header], valid: list[Header]) -> ProjectIndex:
        """The loaded files' headers, and the content index's for the others."""
        from okrdocs.project_index import ProjectIndex, StoredIndex

        index = self.index
        if index is None:
            return ProjectIndex(headers, valid)
        if index.stored is not None:
            return StoredIndex(index.stored, headers, valid)
        loaded = {header.rel_path for header in headers}
        others = [h for rel, h in index.headers.items() if rel not in loaded]
        return ProjectIndex([*headers, *others], [*valid, *others])

    def _content_display_prefix(self) -> str:
        """How the content folder is shown in paths, with a trailing '/'."""
        shown = make_context(self.content / "x", self.content.parent, self.cwd)
        return shown.display_path[:-1]

    # -- results ---------------------------------------------------------------------------

    @property
    def loaded(self) -> list[LoadedFile]:
        return list(self.files.values())

    @property
    def files_checked(self) -> int:
        return len(self.files)

    @property
    def enabled(self) -> set[str]:
        if self.policy is not None:
            return self.policy.enabled
        from okrdocs.rules import RULES

        return set(RULES)

    @property
    def objectives(self) -> list[Objective]:
        return [f.objective for f in self.files.values() if f.objective is not None]

    @property
    def sections(self) -> list[Section]:
        return [f.section for f in self.files.values() if f.section is not None]

    @property
    def unreadable(self) -> list[LoadedFile]:
        """Objective files that did not load as a model (they are left out of the analysis)."""
        return [f for f in self.files.values() if not f.valid]

    def failed(self, fail_on: str) -> bool:
        from okrdocs.lint import failed

        return failed(self.diagnostics, fail_on)

    def analysis(self) -> Analysis:
        """Progress, status and roll-ups of every valid objective, computed once (after a
        save that kept every header, by mending the last one: okrdocs.analysis.reanalyse)."""
        if self._analysis is None:
            from okrdocs.analysis import analyse, reanalyse

            pending, self._reanalyse = self._reanalyse, None
            with gc_paused():
                if pending is not None and pending[0].config is self.config:
                    files = [self.files[location] for location in pending[1]]
                    if not any(f.context.is_section for f in files):
                        objectives = [f.objective for f in files if f.objective is not None]
                        self._analysis = reanalyse(
                            pending[0], objectives, self.diagnostics, self._analysis_cache
                        )
                if self._analysis is None:
                    self._analysis = analyse(
                        self.config,
                        self.objectives,
                        self.sections,
                        self.diagnostics,
                        self.as_of,
                        self._analysis_cache,
                    )
        return self._analysis

    def headers(self) -> dict[str, Header]:
        """Every objective file's header by path under the content folder."""
        found = self.index.all_headers() if self.index is not None else {}
        for loaded in self.files.values():
            if not loaded.context.is_section:
                found[loaded.context.rel_path] = loaded.header
        return found


@dataclass(slots=True)
class Reload:
    """What a reload changed: headers before and after, by absolute path."""

    before: dict[str, Header]
    after: dict[str, Header]

    @property
    def paths(self) -> list[str]:
        return sorted(set(self.before) | set(self.after))

    def objective_ids(self) -> set[str]:
        return {
            header.id
            for header in [*self.before.values(), *self.after.values()]
            if header.id is not None
        }

    @property
    def sections_changed(self) -> bool:
        return any(
            header.id is None and header.rel_path.endswith("_index.md")
            for header in [*self.before.values(), *self.after.values()]
        )
