"""The rule registry: every rule by code, and selection by code, name or prefix.

One module per rule (``okr203_kr_is_activity.py``); each module's class docstring is the rule's
documentation. Adding a rule means adding its module to ``_MODULES`` below. The registry is
built the first time it is used, so that importing one rule (the loader imports the rules whose
codes it reports) does not import them all.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any

from okrdocs.rules.base import Finding, Option, ProjectFiles, Rule, RuleContext
from okrdocs.rules.okr001_syntax_error import SyntaxError_
from okrdocs.rules.okr002_schema_violation import SchemaViolation

__all__ = [
    "RULES",
    "Finding",
    "Option",
    "ProjectFiles",
    "Rule",
    "RuleContext",
    "find_rule",
    "select_rules",
]

_MODULES = (
    "okr001_syntax_error",
    "okr002_schema_violation",
    "okr003_duplicate_id",
    "okr004_unknown_reference",
    "okr005_parent_cycle",
    "okr006_unused_suppression",
    "okr101_objective_vague",
    "okr102_objective_has_metric",
    "okr103_objective_too_long",
    "okr104_business_as_usual",
    "okr105_type_undeclared",
    "okr106_not_aligned",
    "okr107_too_many_objectives",
    "okr108_unknown_person",
    "okr109_unknown_team",
    "okr201_kr_not_measurable",
    "okr202_kr_no_baseline",
    "okr203_kr_is_activity",
    "okr204_kr_count",
    "okr205_kr_no_change",
    "okr206_kr_target_not_structured",
    "okr207_kr_unit_missing",
    "okr208_kr_title_disagrees",
    "okr209_kr_type_mismatch",
    "okr301_kr_no_action",
    "okr302_action_incomplete",
    "okr303_action_outside_period",
    "okr304_action_overdue",
    "okr401_checkin_stale",
    "okr402_period_closed_unscored",
    "okr403_checkin_invalid",
    "okr404_sandbagging",
)


@cache
def _registry() -> dict[str, type[Rule]]:
    rules: dict[str, type[Rule]] = {}
    for name in _MODULES:
        module = import_module(f"okrdocs.rules.{name}")
        for value in vars(module).values():
            is_rule = isinstance(value, type) and issubclass(value, Rule) and value is not Rule
            if is_rule and value.__module__ == module.__name__:
                rules[value.code] = value
    return dict(sorted(rules.items()))


@cache
def _by_name() -> dict[str, type[Rule]]:
    return {rule.name: rule for rule in _registry().values()}


def __getattr__(name: str) -> Any:
    if name == "RULES":
        return _registry()
    raise AttributeError(name)


RULES: dict[str, type[Rule]]  # every rule by code, built on first use (see __getattr__)

# Loader diagnostics that can never be switched off: the file cannot be checked at all.
ALWAYS_ON = (SyntaxError_.code, SchemaViolation.code)


def find_rule(code_or_name: str) -> type[Rule] | None:
    return _registry().get(code_or_name.upper()) or _by_name().get(code_or_name.lower())


def matches(selector: str, rule: type[Rule]) -> bool:
    """``ALL``, a code (OKR203), a code prefix (OKR2, OKR20) or a rule name (kr-is-activity)."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    if selector.lower() == rule.name:
        return True
    return rule.code.startswith(selector.upper()) and selector.upper().startswith("OKR")


def unknown_selectors(selectors: list[str]) -> list[str]:
    return [s for s in selectors if not any(matches(s, rule) for rule in _registry().values())]


def select_rules(select: list[str], ignore: list[str]) -> set[str]:
    """Codes of the rules that run: selected and not ignored (most specific selector wins)."""
    chosen = set()
    for code, rule in _registry().items():
        picked = [s for s in select if matches(s, rule)]
        dropped = [s for s in ignore if matches(s, rule)]
        if code in ALWAYS_ON or (
            picked
            and (
                not dropped
                or _specificity(max(picked, key=_specificity))
                > _specificity(max(dropped, key=_specificity))
            )
        ):
            chosen.add(code)
    return chosen


def _specificity(selector: str) -> int:
    if selector.upper() == "ALL":
        return 0
    if selector.upper().startswith("OKR"):
        return len(selector)
    return 10  # a rule name is as specific as a full code
