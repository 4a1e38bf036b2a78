"""Suppression comments in OKR files.

- ``# okrdocs: ignore[OKR203]`` at the end of a front-matter line suppresses those rules on that
  line (codes or names, comma-separated); ``# okrdocs: ignore`` suppresses every rule there.
- ``# okrdocs: ignore-file[OKR401]`` on a front-matter line of its own, or
  ``<!-- okrdocs: ignore-file[OKR401] -->`` in the Markdown body, suppresses those rules in the
  whole file.

A suppression that suppresses nothing is reported (OKR006), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from okrdocs import diagnostics as dx
from okrdocs.diagnostics import Diagnostic, Span
from okrdocs.i18n import _
from okrdocs.rules.okr006_unused_suppression import UnusedSuppression

if TYPE_CHECKING:
    from okrdocs.fixes import Fix

YAML_COMMENT = re.compile(
    r"(?:^|(?<=\s))#\s*okrdocs:\s*(?P<kind>ignore-file|ignore)\b(?:\[(?P<codes>[^\]]*)\])?"
)
HTML_COMMENT = re.compile(
    r"<!--\s*okrdocs:\s*(?P<kind>ignore-file)\b(?:\[(?P<codes>[^\]]*)\])?\s*-->"
)


@dataclass(slots=True)
class Suppression:
    line: int
    column: int
    whole_file: bool
    selectors: tuple[str, ...]  # empty: every rule
    used: set[str] = field(default_factory=set)

    def covers(self, diagnostic: Diagnostic) -> bool:
        if not self.whole_file and diagnostic.line != self.line:
            return False
        if not self.selectors:
            return True
        return any(
            s.upper() == diagnostic.code or s.lower() == diagnostic.rule for s in self.selectors
        )


def find(text: str, body_line: int | None) -> list[Suppression]:
    """Suppression comments in a file's text (``body_line``: where the Markdown body starts)."""
    if "okrdocs:" not in text:
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "okrdocs:" not in line:
            continue
        in_body = body_line is not None and number >= body_line
        pattern = HTML_COMMENT if in_body else YAML_COMMENT
        for match in pattern.finditer(line):
            codes = tuple(c.strip() for c in (match["codes"] or "").split(",") if c.strip())
            whole_file = match["kind"] == "ignore-file"
            found.append(Suppression(number, match.start() + 1, whole_file, codes))
    return found


def apply(
    diagnostics: list[Diagnostic],
    suppressions: list[Suppression],
    path: str,
    enabled: set[str],
    known: dict[str, str],
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add OKR006 for suppressions that suppressed nothing.

    ``enabled`` are the codes that ran (a suppression for a rule that did not run is not stale);
    ``known`` maps every rule name and code to its code.
    """
    if not suppressions:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        covering = [s for s in suppressions if s.covers(diagnostic)]
        if not covering:
            kept.append(diagnostic)
        for suppression in covering:
            suppression.used.add(diagnostic.code)
    if UnusedSuppression.code not in enabled:
        return kept
    for suppression in suppressions:
        message = _stale(suppression, enabled, known)
        if message:
            span = Span(
                suppression.line, suppression.column, suppression.line, suppression.column + 1
            )
            fix = _fix(suppression, enabled, known)
            kept.append(dx.make(UnusedSuppression, path, span, message, "warning", fix))
    return kept


def _fix(suppression: Suppression, enabled: set[str], known: dict[str, str]) -> Fix | None:
    """Remove what suppresses nothing: the whole comment, or the rules in it that report
    nothing there. A rule name okrdocs does not know may be a typo of one meant to be
    suppressed: for the author to say, so no fix then."""
    from okrdocs.fixes import EditSuppression, Fix

    codes = [known.get(s.upper()) or known.get(s.lower()) for s in suppression.selectors]
    if any(code is None for code in codes):
        return None
    keep = tuple(
        selector
        for selector, code in zip(suppression.selectors, codes, strict=True)
        if not (code in enabled and code not in suppression.used)
    )
    if suppression.selectors and len(keep) == len(suppression.selectors):
        return None
    title = (
        _("Remove the suppression")
        if not keep
        else _(
            "Remove {names} from the suppression",
            names=", ".join(s for s in suppression.selectors if s not in keep),
        )
    )
    return Fix(title, (EditSuppression(suppression.line, suppression.column, keep),))


def _stale(suppression: Suppression, enabled: set[str], known: dict[str, str]) -> str | None:
    kind = "ignore-file" if suppression.whole_file else "ignore"
    if not suppression.selectors:
        if suppression.used:
            return None
        if suppression.whole_file:
            return _("'okrdocs: {kind}' suppresses nothing in this file; remove it", kind=kind)
        return _("'okrdocs: {kind}' suppresses nothing on this line; remove it", kind=kind)
    for selector in suppression.selectors:
        code = known.get(selector.upper()) or known.get(selector.lower())
        if code is None:
            from okrdocs.suggest import Suggester

            hint = Suggester(known).hint(selector) or _("; see 'okrdocs rules'")
            return _(
                "'okrdocs: {kind}' names an unknown rule '{name}'{hint}",
                kind=kind,
                name=selector,
                hint=hint,
            )
        if code in enabled and code not in suppression.used:
            if suppression.whole_file:
                return _(
                    "'{name}' is suppressed but reports nothing in this file; remove it",
                    name=selector,
                )
            return _(
                "'{name}' is suppressed but reports nothing on this line; remove it", name=selector
            )
    return None
