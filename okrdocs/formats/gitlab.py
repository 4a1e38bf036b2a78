"""GitLab Code Quality report (JSON), shown in merge requests.

https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from okrdocs.diagnostics import Diagnostic
from okrdocs.formats import LintReport

_SEVERITY = {"error": "major", "warning": "minor"}


def render(diagnostics: Sequence[Diagnostic]) -> str:
    issues = []
    seen: dict[tuple[str, str, str], int] = {}
    for d in diagnostics:
        # Stable across edits that only move the problem to another line; repeats of the same
        # problem in one file are told apart by their order.
        key = (d.path, d.code, d.message)
        seen[key] = seen.get(key, 0) + 1
        identity = f"{d.path}\0{d.code}\0{d.message}\0{seen[key]}"
        fingerprint = hashlib.md5(identity.encode(), usedforsecurity=False)
        issues.append(
            {
                "description": f"{d.code} {d.message}",
                "check_name": f"{d.code} {d.rule}",
                "fingerprint": fingerprint.hexdigest(),
                "severity": _SEVERITY[d.severity],
                "location": {"path": d.path, "lines": {"begin": d.line, "end": d.span.end_line}},
                "categories": ["Style"],
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def render_report(report: LintReport) -> str:
    return render(report.diagnostics)
