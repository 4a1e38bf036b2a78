"""The lint policy and the rule runners; the workspace (okrdocs.workspace) drives them.

Per-file rules run right after each file is loaded (in the worker process on large runs), so a
model never has to travel between processes; project-wide rules then run once over the headers
of every file. Last, the policy: per-file ignores, severities and suppression comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from okrdocs import suppressions as suppressing
from okrdocs.config import Config, ConfigError
from okrdocs.diagnostics import Diagnostic
from okrdocs.globs import matcher
from okrdocs.i18n import _
from okrdocs.loader import LoadedFile
from okrdocs.rules import (
    ALWAYS_ON,
    RULES,
    Finding,
    RuleContext,
    find_rule,
    select_rules,
    unknown_selectors,
)

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
        objective = loaded.objective or loaded.partial
        if objective is None:
            return
        # On a partial model (the file has schema errors), findings about the key result or
        # field that has a schema error are left out: that error says what to fix first.
        blocked = tuple(_owner(pointer) for pointer in loaded.problem_pointers)
        for code, rule, context in self.checks:
            for finding in rule.check(objective, context):
                if blocked and finding.pointer.startswith(blocked):
                    continue
                loaded.diagnostics.append(finding_diagnostic(loaded, code, finding))
        loaded.partial = None


def _owner(pointer: str) -> str:
    """The key result a pointer is in (/key_results/2/target -> /key_results/2), else itself."""
    parts = pointer.split("/")
    return "/".join(parts[:3]) if len(parts) > 3 and parts[1] == "key_results" else pointer


def finding_diagnostic(loaded: LoadedFile, code: str, finding: Finding) -> Diagnostic:
    rule = RULES[code]
    return Diagnostic(
        path=loaded.context.display_path,
        span=loaded.source_map.locate(finding.pointer, finding.at_key),
        code=code,
        rule=rule.name,
        message=finding.message,
        severity=rule.severity,
        objective_id=loaded.header.id,
        fix=finding.fix,
    )


def failed(diagnostics: list[Diagnostic], fail_on: str) -> bool:
    """Whether any finding is at or above the ``fail_on`` severity."""
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[d.severity] >= threshold for d in diagnostics)


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
        raise ConfigError(
            _("{where}: unknown rule '{name}'; see 'okrdocs rules'", where=where, name=selector)
        )
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
            from okrdocs.suggest import Suggester

            # Names get a suggestion; an unknown code (OKR999) is no typo of another code.
            is_code = unknown[0].upper().startswith("OKR")
            known = [r.name for r in RULES.values()]
            hint = ("" if is_code else Suggester(known).hint(unknown[0])) or _(
                "; see 'okrdocs rules'"
            )
            raise ConfigError(
                _(
                    "{where}: unknown rule or prefix '{name}'{hint}",
                    where=source,
                    name=unknown[0],
                    hint=hint,
                )
            )
    enabled = select_rules(selectors, ignored)
    severity: dict[str, str] = {}
    for selector, level in lint.severity.items():
        code = _code(f"{where}lint.severity.{selector}", selector)
        if code in ALWAYS_ON:
            raise ConfigError(
                _(
                    "{where}: {code} is always an error",
                    where=f"{where}lint.severity.{selector}",
                    code=code,
                )
            )
        if level == "off":
            enabled.discard(code)
        else:
            severity[code] = level
    options: dict[str, dict[str, Any]] = {
        code: rule.default_options() for code, rule in RULES.items()
    }
    for rule_name, settings in lint.options.items():
        rule = find_rule(rule_name)
        if rule is None:
            from okrdocs.config import LINT_KEYS
            from okrdocs.suggest import Suggester

            names = [*(r.name for r in RULES.values()), *LINT_KEYS]
            raise ConfigError(
                _(
                    "{where}: unknown rule or lint setting{hint}",
                    where=f"{where}lint.{rule_name}",
                    hint=Suggester(names).hint(rule_name),
                )
            )
        declared = {option.name: option for option in rule.options}
        for option_name, value in settings.items():
            option = declared.get(option_name)
            if option is None:
                listed = ", ".join(declared) or "none"
                raise ConfigError(
                    _(
                        "{where}: unknown option (options: {names})",
                        where=f"{where}lint.{rule_name}.{option_name}",
                        names=listed,
                    )
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
            raise ConfigError(
                _(
                    "{where}: unknown rule '{name}'",
                    where=f"{where}lint.per-file-ignores.{glob!r}",
                    name=unknown[0],
                )
            )
        per_file.append((glob, codes - set(ALWAYS_ON)))
    return Policy(enabled, severity, options, per_file)


def _selects(selector: str, code: str) -> bool:
    from okrdocs.rules import matches

    return matches(selector, RULES[code])


def rule_runner(policy: Policy, as_of: date, config: Config) -> RuleRunner:
    """The per-file rules the policy enables, ready to run on each loaded file."""
    per_file = tuple(code for code in sorted(policy.enabled) if RULES[code].scope == "objective")
    return RuleRunner(per_file, policy.options, as_of, config)


def project_rules(enabled: set[str] | None) -> list[str]:
    """Codes of the project-wide rules to run; without a policy, the identity checks only
    (duplicate ids, unknown parents, cycles), which every command relies on."""
    if enabled is None:
        from okrdocs.rules.okr003_duplicate_id import DuplicateId
        from okrdocs.rules.okr004_unknown_reference import UnknownReference
        from okrdocs.rules.okr005_parent_cycle import ParentCycle

        return [DuplicateId.code, UnknownReference.code, ParentCycle.code]
    return [code for code, rule in RULES.items() if rule.scope == "project" and code in enabled]


def apply_policy(
    loaded: LoadedFile, policy: Policy, config: Config, known: dict[str, str]
) -> list[Diagnostic]:
    """The file's findings after per-file ignores, severities and suppression comments."""
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
        level = policy.severity.get(diagnostic.code)
        if level is not None:
            diagnostic.severity = "error" if level == "error" else "warning"
        diagnostic.objective_id = loaded.header.id
        kept.append(diagnostic)
    return suppressing.apply(
        kept, loaded.suppressions, loaded.context.display_path, policy.enabled, known
    )


def known_rule_names() -> dict[str, str]:
    """Every rule code and name -> its code (what suppression comments may name)."""
    known = {rule.code: rule.code for rule in RULES.values()}
    known.update({rule.name: rule.code for rule in RULES.values()})
    return known


def _rel_to_root(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
