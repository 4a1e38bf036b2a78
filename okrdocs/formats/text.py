"""``path:line:col: CODE message``, one per line, colored on a terminal, then a summary."""

from __future__ import annotations

from collections.abc import Sequence

from okrdocs.diagnostics import Diagnostic
from okrdocs.formats import LintReport
from okrdocs.i18n import _, _n
from okrdocs.printable import printable

_RESET = "\033[0m"
_STYLES = {"path": "\033[1m", "error": "\033[31m", "warning": "\033[33m", "dim": "\033[2m"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if color else text


def render(diagnostics: Sequence[Diagnostic], files_checked: int, color: bool = False) -> str:
    lines = []
    for d in diagnostics:
        # Paths and messages quote what users wrote: control characters are escaped, so that
        # nothing in a file can forge a line or drive the terminal.
        location = _paint(f"{printable(d.path)}:{d.line}:{d.column}:", "path", color)
        code = _paint(d.code, d.severity, color)
        rule = _paint(f" [{d.rule}]", "dim", color) if color else ""
        lines.append(f"{location} {code} {printable(d.message)}{rule}")
    lines.append(summary(diagnostics, files_checked))
    return "\n".join(lines) + "\n"


def summary(diagnostics: Sequence[Diagnostic], files_checked: int) -> str:
    files = _n("{n} file", "{n} files", files_checked)
    if not diagnostics:
        return _("All checks passed ({files} checked).", files=files)
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors
    with_problems = len({d.path for d in diagnostics})
    parts = []
    if errors:
        parts.append(_n("{n} error", "{n} errors", errors))
    if warnings:
        parts.append(_n("{n} warning", "{n} warnings", warnings))
    return _(
        "Found {problems} in {n} of {files}.",
        problems=_(" and ").join(parts),
        n=with_problems,
        files=files,
    )


def render_report(report: LintReport) -> str:
    return render(report.diagnostics, len(report.files), report.color)
