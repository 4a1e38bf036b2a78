"""Code actions: the safe fix of each finding at the cursor, "ignore this rule on this line",
and "fix everything okrdocs can" for the whole document.

Each fix is computed on the document's current text (okrdocs.authoring.fix) and checked as
``--fix`` checks it, then sent as the smallest text edit that turns the old text into the new.
"""

from __future__ import annotations

from lsprotocol import types

from okrdocs.authoring.fix import FixError, apply_fix, fix_all, safe, suppress
from okrdocs.diagnostics import Diagnostic
from okrdocs.i18n import _
from okrdocs.lsp import diagnostics as lsp_diagnostics
from okrdocs.lsp.projects import Checked, Project
from okrdocs.lsp.text import Document
from okrdocs.rules import ALWAYS_ON, RULES

FIX_ALL = "source.fixAll.okrdocs"


def text_edit(document: Document, new: str) -> types.TextEdit | None:
    """The one edit that turns the document's text into ``new`` (common ends kept)."""
    old = document.text
    if old == new:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    first = document.index.position(start)
    last = document.index.position(end_old)
    return types.TextEdit(
        range=types.Range(types.Position(*first), types.Position(*last)),
        new_text=new[start:end_new],
    )


def _edit(document: Document, new: bytes) -> types.WorkspaceEdit | None:
    edit = text_edit(document, new.decode("utf-8"))
    if edit is None:
        return None
    return types.WorkspaceEdit(changes={document.uri: [edit]})


def _fix_action(
    project: Project, document: Document, checked: Checked, finding: Diagnostic
) -> types.CodeAction | None:
    if finding.fix is None:
        return None
    raw = document.text.encode("utf-8")
    try:
        fixed = apply_fix(raw, finding.fix)
    except FixError:
        return None
    after = project.check(document.path, fixed.decode("utf-8")).loaded.diagnostics
    if not safe(checked.loaded.diagnostics, after):
        return None
    edit = _edit(document, fixed)
    if edit is None:
        return None
    return types.CodeAction(
        title=finding.fix.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostics.to_lsp(finding, document.index, project.language)],
        edit=edit,
        is_preferred=True,
    )


def _ignore_action(
    project: Project, document: Document, finding: Diagnostic
) -> types.CodeAction | None:
    if finding.code in ALWAYS_ON or finding.code not in RULES or finding.code == "OKR006":
        return None
    fixed = suppress(document.text.encode("utf-8"), finding.line, finding.code)
    if fixed is None:
        return None
    edit = _edit(document, fixed)
    if edit is None:
        return None
    in_file = b"ignore-file[" + finding.code.encode() + b"]" in fixed and (
        b"ignore-file[" + finding.code.encode() + b"]" not in document.text.encode("utf-8")
    )
    title = (
        _("Ignore {code} in this file", code=finding.code)
        if in_file
        else _("Ignore {code} on this line", code=finding.code)
    )
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostics.to_lsp(finding, document.index, project.language)],
        edit=edit,
    )


def fix_all_action(project: Project, document: Document) -> types.CodeAction | None:
    """Every safe fix of the document, applied as ``okrdocs lint --fix`` would."""
    result = fix_all(
        document.text.encode("utf-8"),
        lambda raw: project.check(document.path, raw.decode("utf-8")).loaded.diagnostics,
    )
    if not result.changed:
        return None
    edit = _edit(document, result.data)
    if edit is None:
        return None
    return types.CodeAction(
        title=_("Fix all okrdocs problems ({n})", n=len(result.fixed)), kind=FIX_ALL, edit=edit
    )


def code_actions(
    project: Project,
    document: Document,
    checked: Checked,
    wanted: types.Range,
    only: list[str] | None,
) -> list[types.CodeAction]:
    actions: list[types.CodeAction] = []
    quick = types.CodeActionKind.QuickFix.value
    wants_quick = not only or any(quick.startswith(kind) for kind in only)
    if wants_quick:
        found = lsp_diagnostics.overlapping(document.index, checked.loaded.diagnostics, wanted)
        for finding in found:
            action = _fix_action(project, document, checked, finding)
            if action is not None:
                actions.append(action)
        for finding in found:
            action = _ignore_action(project, document, finding)
            if action is not None:
                actions.append(action)
    wants_all = not only or any(FIX_ALL.startswith(kind) for kind in only)
    if wants_all and any(d.fix is not None for d in checked.loaded.diagnostics):
        action = fix_all_action(project, document)
        if action is not None:
            actions.append(action)
    return actions
