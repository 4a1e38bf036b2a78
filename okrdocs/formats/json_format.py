"""A JSON list of diagnostics: path, line, column, end_line, end_column, code, rule, severity,
message (documented in docs/ci.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from okrdocs.diagnostics import Diagnostic
from okrdocs.formats import LintReport


def as_dict(d: Diagnostic) -> dict[str, object]:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.span.end_line,
        "end_column": d.span.end_column,
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
    }


def render(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([as_dict(d) for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


def render_report(report: LintReport) -> str:
    return render(report.diagnostics)
