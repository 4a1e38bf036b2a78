"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

Columns count Unicode code points (``columnKind: unicodeCodePoints``), as okrdocs does everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from urllib.parse import quote

from okrdocs import DOCS_URL, __version__
from okrdocs.diagnostics import Diagnostic
from okrdocs.formats import LintReport
from okrdocs.i18n import language
from okrdocs.rules import RULES

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVEL = {"error": "error", "warning": "warning"}


def _rule(code: str) -> dict[str, object]:
    rule = RULES[code]
    chinese = language() == "zh-CN"
    text = rule.documentation(language())
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary(language())},
        "fullDescription": {"text": rule.summary(language())},
        "help": {"text": text, "markdown": text},
        "helpUri": f"{DOCS_URL}/rules/{'zh-CN/' if chinese else ''}{code}.md",
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["okr", rule.scope]},
    }


def render(diagnostics: Sequence[Diagnostic], enabled: set[str] | None = None) -> str:
    codes = sorted(enabled if enabled is not None else RULES)
    codes = sorted(set(codes) | {d.code for d in diagnostics})
    index = {code: position for position, code in enumerate(codes)}
    results = []
    for d in diagnostics:
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": quote(d.path, safe="/"),
                                "uriBaseId": "%SRCROOT%",
                            },
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.span.end_line,
                                "endColumn": max(d.span.end_column, d.column + 1)
                                if d.span.end_line == d.line
                                else d.span.end_column,
                            },
                        }
                    }
                ],
            }
        )
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "okrdocs",
                        "version": __version__,
                        "informationUri": DOCS_URL,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_report(report: LintReport) -> str:
    return render(report.diagnostics, report.enabled)
