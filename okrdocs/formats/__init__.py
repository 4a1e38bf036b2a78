"""Renderers for lint results: text, json, github, sarif, junit, gitlab.

``FORMATS`` is the registry the CLI offers; each format's module is imported only when used.
Every renderer reads the same ``LintReport``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import import_module

from okrdocs.diagnostics import Diagnostic

# Format name -> module in this package (each has ``render_report(report) -> str``).
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
}


@dataclass(slots=True)
class LintReport:
    diagnostics: Sequence[Diagnostic]
    files: Sequence[str]  # the files checked, as displayed
    enabled: set[str] = field(default_factory=set)  # the rules that ran
    color: bool = False


def render(name: str, report: LintReport) -> str:
    module = import_module(f"okrdocs.formats.{FORMATS[name]}")
    rendered: str = module.render_report(report)
    return rendered
