"""The linter: load files, run the selected rules, apply the project's policy.

Per-file rules run right after each file is loaded (in the worker process on large runs), so a
model never has to travel between processes; project-wide rules then run once over what every
file reported. Last, the policy: per-file ignores, severities and suppression comments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from okrdocs import suppressions as suppressing
from okrdocs.config import Config, ConfigError
from okrdocs.diagnostics import Diagnostic
from okrdocs.globs import matcher
from okrdocs.loader import LoadedFile
from okrdocs.project import Project, check_references, load_project
from okrdocs.rules import RULES, Finding, RuleContext, find_rule, select_rules, unknown_selectors

SEVERITY_RANK = {"warning": 1, "error": 2}


class RuleRunner:
    """Runs the per-file rules on a freshly loaded file (picklable for worker processes)."""

    def __init__(
        self,
        codes: tuple[str, ...],
        options: dict[str, dict[str, Any]],
        as_of: date,
        config: Config,
    ) -> None:
        # Rules and their contexts are the same for every file: build them once.
        self.checks = [
            (code, RULES[code](), RuleContext(as_of, config, options[code])) for code in codes
        ]

    def __call__(self, loaded: LoadedFile) -> None:
        if loaded.text:
            loaded.suppressions = suppressing.find(loaded.text, loaded.body_line)
        objective = loaded.objective
        if objective is None:
            return
        for code, rule, context in self.checks:
            for finding in rule.check(objective, context):
                loaded.diagnostics.append(_diagnostic(loaded, code, finding))


def _diagnostic(loaded: LoadedFile, code: str, finding: Finding) -> Diagnostic:
    rule = RULES[code]
    return Diagnostic(
        path=loaded.context.display_path,
        span=loaded.source_map.locate(finding.pointer, finding.at_key),
        code=code,
        rule=rule.name,
        message=finding.message,
        severity=rule.severity,
        objective_id=loaded.id,
    )


@dataclass(slots=True)
class LintResult:
    project: Project
    diagnostics: list[Diagnostic]
    enabled: set[str]
    as_of: date
    by_file: dict[str, list[Diagnostic]] = field(default_factory=dict)

    @property
    def files_checked(self) -> int:
        return len(self.project.loaded)

    def failed(self, fail_on: str) -> bool:
        threshold = SEVERITY_RANK[fail_on]
        return any(SEVERITY_RANK[d.severity] >= threshold for d in self.diagnostics)

    def for_objective(self, objective_id: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.objective_id == objective_id]


@dataclass(slots=True)
class Policy:
    """The project's lint configuration, checked and resolved to rule codes."""

    enabled: set[str]
    severity: dict[str, str]
    options: dict[str, dict[str, Any]]
    per_file_ignores: list[tuple[str, set[str]]]


def _code(where: str, selector: str) -> str:
    rule = find_rule(selector)
    if rule is None:
        raise ConfigError(f"{where}: unknown rule '{selector}'; see 'okrdocs rules'")
    return rule.code


def resolve_policy(
    config: Config, select: list[str] | None = None, ignore: list[str] | None = None
) -> Policy:
    """Resolve selection, severities and options; ConfigError names what is wrong."""
    where = config.where
    lint = config.lint
    # --select replaces the configured selection; --ignore adds to the configured ignores.
    selectors = select if select is not None else lint.select
    ignored = lint.ignore + (ignore or [])
    for name, values, from_cli in (("select", selectors, select), ("ignore", ignored, ignore)):
        unknown = unknown_selectors(values)
        if unknown:
            from_config = from_cli is None or unknown[0] not in from_cli
            source = f"{where}lint.{name}" if from_config else f"--{name}"
            raise ConfigError(
                f"{source}: unknown rule or prefix '{unknown[0]}'; see 'okrdocs rules'"
            )
    enabled = select_rules(selectors, ignored)
    severity: dict[str, str] = {}
    for selector, level in lint.severity.items():
        code = _code(f"{where}lint.severity.{selector}", selector)
        if code in ("OKR001", "OKR002"):
            raise ConfigError(f"{where}lint.severity.{selector}: {code} is always an error")
        if level == "off":
            enabled.discard(code)
        else:
            severity[code] = level
    options = {code: rule.default_options() for code, rule in RULES.items()}
    for rule_name, values in lint.options.items():
        rule = find_rule(rule_name)
        if rule is None:
            raise ConfigError(f"{where}lint.{rule_name}: unknown rule or lint setting")
        known = {option.name: option for option in rule.options}
        for option_name, value in values.items():
            option = known.get(option_name)
            if option is None:
                names = ", ".join(known) or "none"
                raise ConfigError(
                    f"{where}lint.{rule_name}.{option_name}: unknown option (options: {names})"
                )
            try:
                options[rule.code][option_name] = option.convert(value)
            except ValueError as error:
                raise ConfigError(f"{where}lint.{rule_name}.{option_name}: {error}") from None
    per_file: list[tuple[str, set[str]]] = []
    for glob, selectors_for_glob in lint.per_file_ignores.items():
        codes = {
            rule.code
            for selector in selectors_for_glob
            for rule in RULES.values()
            if _selects(selector, rule.code)
        }
        unknown = unknown_selectors(selectors_for_glob)
        if unknown:
            raise ConfigError(f"{where}lint.per-file-ignores.{glob!r}: unknown rule '{unknown[0]}'")
        per_file.append((glob, codes - {"OKR001", "OKR002"}))
    return Policy(enabled, severity, options, per_file)


def _selects(selector: str, code: str) -> bool:
    from okrdocs.rules import matches

    return matches(selector, RULES[code])


def _rel_to_root(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def lint(
    config: Config,
    paths: list[Path] | None,
    as_of: date,
    policy: Policy,
    jobs: int | None = None,
    use_cache: bool = True,
    keep_models: bool = False,
    meanwhile: Callable[[], None] | None = None,
) -> LintResult:
    """``meanwhile``: work to do beside the loading (see okrdocs.parallel.map_files)."""
    project = load_project(
        config,
        paths,
        jobs=jobs,
        keep_models=keep_models,
        use_cache=use_cache,
        process=rule_runner(policy, as_of, config),
        check=False,
        meanwhile=meanwhile,
    )
    return finish(config, project, as_of, policy)


def rule_runner(policy: Policy, as_of: date, config: Config) -> RuleRunner:
    per_file = tuple(code for code in sorted(policy.enabled) if RULES[code].scope == "objective")
    return RuleRunner(per_file, policy.options, as_of, config)


def finish(config: Config, project: Project, as_of: date, policy: Policy) -> LintResult:
    """Project-wide rules and the policy, over files already loaded and checked one by one.

    Safe to run again after some files were reloaded (okrdocs serve): cross-file findings are
    recomputed from each file's own findings.
    """
    check_references(project)
    for code in sorted(policy.enabled):
        rule = RULES[code]
        if rule.scope != "project":
            continue
        context = RuleContext(as_of, config, policy.options[code])
        for loaded, finding in rule().check_project(project.files, context):
            if not loaded.indexed_only:
                loaded.diagnostics.append(_diagnostic(loaded, code, finding))
    known = {rule.code: rule.code for rule in RULES.values()}
    known.update({rule.name: rule.code for rule in RULES.values()})
    found: list[Diagnostic] = []
    for loaded in project.loaded:
        kept = _apply_policy(loaded, policy, config)
        kept = suppressing.apply(
            kept, loaded.suppressions, loaded.context.display_path, policy.enabled, known
        )
        loaded.diagnostics = kept
        found.extend(kept)
    found.sort(key=Diagnostic.sort_key)
    return LintResult(project=project, diagnostics=found, enabled=policy.enabled, as_of=as_of)


def _apply_policy(loaded: LoadedFile, policy: Policy, config: Config) -> list[Diagnostic]:
    ignored: set[str] = set()
    if policy.per_file_ignores:
        rel = _rel_to_root(loaded.context.path, config.root)
        for glob, codes in policy.per_file_ignores:
            if matcher((glob,))(rel):
                ignored |= codes
    kept = []
    for diagnostic in loaded.diagnostics:
        if diagnostic.code not in policy.enabled or diagnostic.code in ignored:
            continue
        diagnostic.severity = policy.severity.get(diagnostic.code, diagnostic.severity)  # type: ignore[assignment]
        diagnostic.objective_id = loaded.id
        kept.append(diagnostic)
    return kept
