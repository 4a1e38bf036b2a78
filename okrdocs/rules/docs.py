"""A rule's documentation page, from its docstring and metadata.

The same Markdown is printed by ``okrdocs rule CODE`` and written to ``docs/rules/CODE.md``.
"""

from __future__ import annotations

from okrdocs.rules.base import Rule

_SCOPES = {
    "objective": "each objective",
    "project": "all objectives together",
    "loader": "reported while reading files",
}


def _value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def rule_page(rule: type[Rule]) -> str:
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        rule.summary(),
        "",
        f"- Default severity: **{rule.severity}**",
        f"- Checks: {_SCOPES[rule.scope]}",
    ]
    if rule.source:
        lines.append(f"- Source: {rule.source}")
    lines += ["", rule.documentation(), ""]
    if rule.options:
        lines += [
            "## Options",
            "",
            f"Set in `okrdocs.toml` as `[lint.{rule.name}]` "
            f"(or `[tool.okrdocs.lint.{rule.name}]` in `pyproject.toml`).",
            "",
            "| option | default | meaning |",
            "|---|---|---|",
        ]
        lines += [f"| `{o.name}` | `{_value(o.default)}` | {o.description} |" for o in rule.options]
        lines.append("")
    lines += [
        "## Turning it off",
        "",
        f"On one line: `# okrdocs: ignore[{rule.code}]`. In one file: "
        f"`# okrdocs: ignore-file[{rule.code}]` in the front matter. In the project: "
        f'`ignore = ["{rule.code}"]` under `[lint]`, or `"glob" = ["{rule.code}"]` under '
        "`[lint.per-file-ignores]`.",
        "",
    ]
    if rule.code in ("OKR001", "OKR002"):
        lines[-2] = (
            "This problem cannot be switched off: the file cannot be checked until it is fixed."
        )
    return "\n".join(lines)


def index_page(rules: dict[str, type[Rule]]) -> str:
    lines = [
        "# Rules",
        "",
        "Every rule okrdocs checks. `okrdocs rules` lists them; `okrdocs rule CODE` explains one.",
        "Codes are stable: OKR0xx reading files, OKR1xx objectives, OKR2xx key results, OKR3xx",
        "action plans, OKR4xx tracking and scoring.",
        "",
        "| code | name | severity | flags |",
        "|---|---|---|---|",
    ]
    for code, rule in rules.items():
        lines.append(
            f"| [{code}]({code}.md) | `{rule.name}` | {rule.severity} | {rule.summary()} |"
        )
    lines.append("")
    return "\n".join(lines)
