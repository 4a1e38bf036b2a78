"""Diagnostics: one problem in one file, at an exact position."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from okrdocs.i18n import N_

if TYPE_CHECKING:
    from okrdocs.fixes import Fix
    from okrdocs.rules.base import Rule

Severity = Literal["error", "warning"]
# The severities' names, translated where they are shown.
SEVERITY_NAMES = (N_("error"), N_("warning"))


class Span(NamedTuple):
    """A 1-based, inclusive-start, exclusive-end range in a file; columns count characters."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)


@dataclass(slots=True)
class Diagnostic:
    path: str
    span: Span
    code: str
    rule: str
    message: str
    severity: Severity = "error"
    objective_id: str | None = None
    # A safe fix for this finding, described (okrdocs.fixes); applied by okrdocs.authoring.fix.
    fix: Fix | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Sent back from the worker processes by the ten thousand (a warning on every file):
        # plain tuples pickle in C, where the dataclass's own state goes field by field.
        extra = self.extra or None
        return _restore, (
            self.path,
            tuple(self.span),
            self.code,
            self.rule,
            self.message,
            self.severity,
            self.objective_id,
            self.fix,
            extra,
        )


def _restore(
    path: str,
    span: tuple[int, int, int, int],
    code: str,
    rule: str,
    message: str,
    severity: Severity,
    objective_id: str | None,
    fix: Fix | None,
    extra: dict[str, object] | None,
) -> Diagnostic:
    """A Diagnostic from what ``Diagnostic.__reduce__`` sent."""
    return Diagnostic(
        path, Span._make(span), code, rule, message, severity, objective_id, fix, extra or {}
    )


def make(
    rule: type[Rule],
    path: str,
    span: Span,
    message: str,
    severity: Severity = "error",
    fix: Fix | None = None,
) -> Diagnostic:
    return Diagnostic(
        path=path,
        span=span,
        code=rule.code,
        rule=rule.name,
        message=message,
        severity=severity,
        fix=fix,
    )
