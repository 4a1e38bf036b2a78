"""okrdocs findings as LSP diagnostics: the same codes, severities and messages as
``okrdocs lint``, at their exact ranges, with a link to the rule's page."""

from __future__ import annotations

from lsprotocol import types

from okrdocs import DOCS_URL
from okrdocs.diagnostics import Diagnostic
from okrdocs.lsp.text import LineIndex

SOURCE = "okrdocs"


def rule_url(code: str, language: str) -> str:
    """The rule's documentation page, in the user's language."""
    folder = "rules/zh-CN" if language == "zh-CN" else "rules"
    return f"{DOCS_URL}/{folder}/{code}.md"


def to_range(index: LineIndex, diagnostic: Diagnostic) -> types.Range:
    (start_line, start), (end_line, end) = index.span(diagnostic.span)
    return types.Range(types.Position(start_line, start), types.Position(end_line, end))


def to_lsp(diagnostic: Diagnostic, index: LineIndex, language: str) -> types.Diagnostic:
    severity = (
        types.DiagnosticSeverity.Error
        if diagnostic.severity == "error"
        else types.DiagnosticSeverity.Warning
    )
    return types.Diagnostic(
        range=to_range(index, diagnostic),
        message=diagnostic.message,
        severity=severity,
        code=diagnostic.code,
        code_description=types.CodeDescription(href=rule_url(diagnostic.code, language)),
        source=SOURCE,
        # Editors show unnecessary code faded: a suppression that suppresses nothing.
        tags=[types.DiagnosticTag.Unnecessary] if diagnostic.code == "OKR006" else None,
        data={"rule": diagnostic.rule, "fixable": diagnostic.fix is not None},
    )


def config_problem(message: str) -> types.Diagnostic:
    """A configuration that cannot be read, shown on the first line of the document."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 3)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def at(index: LineIndex, found: list[Diagnostic], line: int, units: int) -> list[Diagnostic]:
    """The findings whose range holds a position."""
    hits = []
    for diagnostic in found:
        (start_line, start), (end_line, end) = index.span(diagnostic.span)
        if (start_line, start) <= (line, units) <= (end_line, end):
            hits.append(diagnostic)
    return hits


def overlapping(index: LineIndex, found: list[Diagnostic], wanted: types.Range) -> list[Diagnostic]:
    """The findings whose range meets ``wanted`` (a selection, or the cursor's line)."""
    hits = []
    low = (wanted.start.line, wanted.start.character)
    high = (wanted.end.line, wanted.end.character)
    for diagnostic in found:
        start, end = index.span(diagnostic.span)
        if start <= high and low <= end:
            hits.append(diagnostic)
    return hits
