"""A rule's documentation page, from its docstring (or its Chinese translation) and metadata.

The same Markdown is printed by ``okrdocs rule CODE`` and written to ``docs/rules/CODE.md``
(English) and ``docs/rules/zh-CN/CODE.md`` (Chinese).
"""

from __future__ import annotations

from okrdocs.i18n import N_, in_language
from okrdocs.rules.base import Rule

_SCOPES = {
    "objective": N_("each objective"),
    "project": N_("all objectives together"),
    "loader": N_("reported while reading files"),
}


# Ruff's words: a fix is always available, or only when it is safe for that finding.
_FIXES = {"always": N_("always available"), "sometimes": N_("sometimes available")}


def fix_label(rule: type[Rule], language: str = "en") -> str:
    """How a rule's findings are fixed, in a few words ("" when they are not)."""
    return in_language(language, _FIXES[rule.fixable]) if rule.fixable is not None else ""


def _value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def rule_page(rule: type[Rule], language: str = "en") -> str:
    def t(message: str, /, **values: object) -> str:
        return in_language(language, message, **values)

    severity = t(rule.severity)
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        rule.summary(language),
        "",
        t("- Default severity: **{severity}**", severity=severity),
        t("- Checks: {scope}", scope=t(_SCOPES[rule.scope])),
    ]
    if rule.source:
        lines.append(t("- Source: {source}", source=rule.source))
    if rule.fixable is not None:
        lines.append(
            t(
                "- Fix: **{availability}** (`okrdocs lint --fix`, or a quick fix in the editor)",
                availability=t(_FIXES[rule.fixable]),
            )
        )
    lines += ["", rule.documentation(language), ""]
    if rule.options:
        lines += [
            t("## Options"),
            "",
            t(
                "Set in `okrdocs.toml` as `[lint.{name}]` "
                "(or `[tool.okrdocs.lint.{name}]` in `pyproject.toml`).",
                name=rule.name,
            ),
            "",
            t("| option | default | meaning |"),
            "|---|---|---|",
        ]
        lines += [
            f"| `{o.name}` | `{_value(o.default)}` | {t(o.description)} |" for o in rule.options
        ]
        lines.append("")
    lines += [t("## Turning it off"), ""]
    if rule.code in ("OKR001", "OKR002"):
        lines.append(
            t("This problem cannot be switched off: the file cannot be checked until it is fixed.")
        )
    else:
        lines.append(
            t(
                "On one line: `# okrdocs: ignore[{code}]`. In one file: "
                "`# okrdocs: ignore-file[{code}]` in the front matter. In the project: "
                '`ignore = ["{code}"]` under `[lint]`, or `"glob" = ["{code}"]` under '
                "`[lint.per-file-ignores]`.",
                code=rule.code,
            )
        )
    lines.append("")
    return "\n".join(lines)


def index_page(rules: dict[str, type[Rule]], language: str = "en") -> str:
    def t(message: str, /, **values: object) -> str:
        return in_language(language, message, **values)

    lines = [
        t("# Rules"),
        "",
        t(
            "Every rule okrdocs checks. `okrdocs rules` lists them; `okrdocs rule CODE` "
            "explains one."
        ),
        t(
            "Codes are stable: OKR0xx reading files, OKR1xx objectives, OKR2xx key results, "
            "OKR3xx action plans, OKR4xx tracking and scoring."
        ),
        "",
        t("| code | name | severity | fix | flags |"),
        "|---|---|---|---|---|",
    ]
    for code, rule in rules.items():
        lines.append(
            f"| [{code}]({code}.md) | `{rule.name}` | {t(rule.severity)} | "
            f"{fix_label(rule, language)} | {rule.summary(language)} |"
        )
    lines.append("")
    return "\n".join(lines)
