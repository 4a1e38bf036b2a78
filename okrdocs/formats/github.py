"""GitHub Actions workflow commands: each diagnostic becomes an inline annotation on the PR.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from collections.abc import Sequence

from okrdocs.diagnostics import Diagnostic
from okrdocs.formats import LintReport
from okrdocs.printable import printable


def _data(text: str) -> str:
    # Line breaks become GitHub's own escapes (multi-line annotations); other control
    # characters are shown as escapes, so that no message can drive the log viewer.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        level = "error" if d.severity == "error" else "warning"
        properties = ",".join(
            [
                f"file={_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"endLine={d.span.end_line}",
                f"endColumn={d.span.end_column}",
                f"title={_property(f'{d.code} {d.rule}')}",
            ]
        )
        lines.append(f"::{level} {properties}::{_data(d.message)}")
    return "".join(line + "\n" for line in lines)


def render_report(report: LintReport) -> str:
    return render(report.diagnostics)
