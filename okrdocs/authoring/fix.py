"""Apply safe fixes to an OKR file, changing only the fixed bytes.

A finding's fix (okrdocs.fixes) names its changes by JSON pointer; here they become edits of
the file's own text with the lossless editor that ``okrdocs checkin`` uses (okrdocs.authoring.
edit): comments, quoting, key order, line endings and a byte-order mark stay as they were.

- ``apply_fix(raw, fix)``: the bytes with one fix applied, or FixError.
- ``fix_all(raw, check)``: every fix, one at a time; after each the text is checked again
  (fixes are computed against the text they apply to, and one may make or unmake another), and
  a fix whose result no longer parses, or has more errors than before, is refused.
- ``fix_file(path, check, write)``: the same on a file, under its lock, written atomically
  (``okrdocs lint --fix``); ``unified_diff`` shows a change (``--diff``).
- ``suppress(raw, line, code)``: the text with ``# okrdocs: ignore[CODE]`` on a line (an
  editor's "ignore this rule on this line"); never used by ``--fix``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from okrdocs.authoring.edit import (
    Document,
    Edit,
    EditError,
    apply,
    child,
    insert_key,
    replace_value,
)
from okrdocs.diagnostics import Diagnostic
from okrdocs.fileio import exclusive, replace_contents
from okrdocs.fixes import AddKey, EditSuppression, Fix, RenameKey, SetValue
from okrdocs.frontmatter_split import SplitError, split
from okrdocs.i18n import _, _n, os_problem
from okrdocs.loader import read_bytes
from okrdocs.rules.okr001_syntax_error import SyntaxError_
from okrdocs.suppressions import HTML_COMMENT, YAML_COMMENT
from okrdocs.yamlsource import YamlError, parse, plain_value, scalar, unescape_pointer_token

if TYPE_CHECKING:
    from okrdocs.workspace import Workspace

# Diagnostics of a text: what the fixes are read from, and how a result is judged.
Check = Callable[[bytes], list[Diagnostic]]

# Fixes applied to one file at most: each may reveal another, but never endlessly.
MAX_FIXES = 100


class FixError(Exception):
    """A fix that cannot be applied safely to this text; nothing was changed."""


def _node(document: Document, pointer: str) -> tuple[yaml.Node | None, yaml.Node, yaml.Node]:
    """(key node or None, value node, the mapping or list holding it) at ``pointer``."""
    node: yaml.Node = document.root
    key: yaml.Node | None = None
    parent: yaml.Node = node
    for raw in pointer[1:].split("/") if pointer else []:
        token = unescape_pointer_token(raw)
        parent = node
        if isinstance(node, yaml.MappingNode):
            found = child(node, token)
            if found is None:
                raise FixError(_("the field {pointer} is not in the file", pointer=pointer))
            key, node = found
        elif (
            isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value)
        ):
            key, node = None, node.value[int(token)]
        else:
            raise FixError(_("the field {pointer} is not in the file", pointer=pointer))
    return key, node, parent


def _suppression_edit(document: Document, change: EditSuppression) -> Edit:
    """The edit that makes a suppression comment name only ``change.keep``, or removes it."""
    index = change.line - 1
    if not 0 <= index < len(document.lines):
        raise FixError(_("the suppression is not in the file"))
    text = document.lines[index]
    content = text.rstrip("\r\n")
    start_of_line = sum(len(line) for line in document.lines[:index])
    found = next(
        (
            match
            for pattern in (YAML_COMMENT, HTML_COMMENT)
            for match in pattern.finditer(content)
            if match.start() == change.column - 1
        ),
        None,
    )
    if found is None:
        raise FixError(_("the suppression is not in the file"))
    if change.keep:
        start, end = found.span("codes")  # inside the brackets
        if start < 0:
            raise FixError(_("the suppression is not in the file"))
        return Edit(start_of_line + start, start_of_line + end, ", ".join(change.keep))
    # A YAML comment runs to the end of the line; an HTML comment ends with its '-->'.
    end = len(content) if found.re is YAML_COMMENT else found.end()
    rest = content[: found.start()].rstrip(" \t") + content[end:]
    if not rest.strip():
        return Edit(start_of_line, start_of_line + len(text), "")  # the line held only it
    return Edit(
        start_of_line + len(content[: found.start()].rstrip(" \t")), start_of_line + end, ""
    )


def _edits(document: Document, fix: Fix) -> list[Edit]:
    edits: list[Edit] = []
    for change in fix.changes:
        if isinstance(change, EditSuppression):
            edits.append(_suppression_edit(document, change))
        elif isinstance(change, SetValue):
            _key, node, _parent = _node(document, change.pointer)
            # A block scalar's span runs into the next line: not a value to replace in place.
            if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
                raise FixError(_("{pointer} is not a single value", pointer=change.pointer))
            edits.append(replace_value(document, node, change.text))
        elif isinstance(change, RenameKey):
            key, _node_value, parent = _node(document, change.pointer)
            if key is None or not isinstance(parent, yaml.MappingNode):
                raise FixError(_("{pointer} is not a field", pointer=change.pointer))
            if child(parent, change.name) is not None:
                raise FixError(_("the field '{name}' is already there", name=change.name))
            edits.append(replace_value(document, key, scalar(change.name)))
        elif isinstance(change, AddKey):
            _key, mapping, _parent = _node(document, change.mapping)
            if not isinstance(mapping, yaml.MappingNode) or not mapping.value:
                raise FixError(_("{pointer} is not a mapping of fields", pointer=change.mapping))
            existing = child(mapping, change.key)
            if existing is not None:
                if _same_value(existing[1], change.text):
                    continue
                raise FixError(_("the field '{name}' is already there", name=change.key))
            after = next((name for name in change.after if child(mapping, name)), None)
            edits.append(insert_key(document, mapping, change.key, change.text, after))
    return edits


def _same_value(node: yaml.Node, text: str) -> bool:
    if not isinstance(node, yaml.ScalarNode):
        return False
    try:
        wanted = parse(text).data
    except YamlError:
        return False
    value = node.value if node.style else plain_value(node.value, False)
    return bool(value == wanted)


def apply_fix(raw: bytes, fix: Fix) -> bytes:
    """``raw`` with ``fix`` applied; FixError when it cannot be applied to this text."""
    try:
        document = Document.parse(raw)
    except (SplitError, EditError, yaml.YAMLError, UnicodeDecodeError):
        raise FixError(_("the front matter cannot be read")) from None
    edits = _edits(document, fix)
    if not edits:
        raise FixError(_("there is nothing to change"))
    fixed = apply(document, edits)
    is_comment = any(isinstance(c, EditSuppression) for c in fix.changes)
    if is_comment and not _same_data(raw, fixed, body=False):
        # A comment-like line inside a block of text is text: it is not to be edited.
        raise FixError(_("the suppression is part of a value"))
    return fixed


@dataclass(slots=True)
class FixResult:
    """What fixing a text did: the new bytes, the findings fixed and those whose fix was
    refused (each as found before its fix), and the findings left afterwards."""

    data: bytes
    fixed: list[Diagnostic] = field(default_factory=list)
    refused: list[Diagnostic] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def _errors(diagnostics: list[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.severity == "error")


def safe(before: list[Diagnostic], after: list[Diagnostic]) -> bool:
    """Whether a fixed text may replace the old one: it still parses, and it has no more
    errors than before."""
    if any(d.code == SyntaxError_.code for d in after):
        return False
    return _errors(after) <= _errors(before)


def fix_all(raw: bytes, check: Check) -> FixResult:
    """``raw`` with every safe fix applied, one at a time, checked after each."""
    diagnostics = check(raw)
    originals = list(diagnostics)
    result = FixResult(raw)
    tried: set[tuple[str, object, Fix]] = set()
    seen = {raw}
    for _attempt in range(MAX_FIXES):
        candidate = next(
            (d for d in diagnostics if d.fix is not None and (d.code, d.span, d.fix) not in tried),
            None,
        )
        if candidate is None or candidate.fix is None:
            break
        tried.add((candidate.code, candidate.span, candidate.fix))
        try:
            fixed = apply_fix(result.data, candidate.fix)
        except FixError:
            result.refused.append(candidate)
            continue
        after = check(fixed)
        if fixed in seen or not safe(diagnostics, after):
            result.refused.append(candidate)
            continue
        seen.add(fixed)
        result.fixed.append(_as_found(candidate, originals))
        result.data, diagnostics = fixed, after
    result.remaining = diagnostics
    return result


def _as_found(diagnostic: Diagnostic, originals: list[Diagnostic]) -> Diagnostic:
    """The finding as it was in the text before any fix (earlier fixes move lines), so that
    reports point at what the author saw; a finding an earlier fix revealed is kept as is."""
    for index, original in enumerate(originals):
        if original.code == diagnostic.code and original.message == diagnostic.message:
            del originals[index]
            return replace(original, fix=diagnostic.fix)
    return diagnostic


def fix_file(path: Path, check: Check, write: bool = True) -> tuple[bytes, FixResult]:
    """Fix the file ``path`` (through a link: the file it names), under its lock; with
    ``write``, the fixed text replaces it atomically. Returns the old bytes and the result."""
    with exclusive(path) as target:
        raw = read_bytes(target)
        result = fix_all(raw, check)
        if write and result.changed:
            replace_contents(target, result.data)
    return raw, result


def unified_diff(old: bytes, new: bytes, path: str) -> str:
    """A unified diff of two versions of a file (as ``git diff`` shows it)."""
    before = old.decode("utf-8", "replace").splitlines(keepends=True)
    after = new.decode("utf-8", "replace").splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(before, after, f"a/{path}", f"b/{path}"):
        if line.startswith(("---", "+++")):
            line = line.rstrip("\n") + "\n"
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


# -- "ignore this rule on this line" ------------------------------------------------------------


def suppress(raw: bytes, line: int, code: str) -> bytes | None:
    """``raw`` with ``# okrdocs: ignore[CODE]`` on front-matter line ``line`` (1-based), or
    with ``# okrdocs: ignore-file[CODE]`` at the end of the front matter when the line is not a
    YAML line (a fence, the body); None when that cannot be done without changing a value."""
    try:
        document = Document.parse(raw)
        parts = split(raw)
    except (SplitError, EditError, yaml.YAMLError, UnicodeDecodeError):
        return None
    newline = document.newline()
    first, last = 2, parts.body_line - 2  # the YAML lines, between the fences
    lines = list(document.lines)
    if first <= line <= last:
        text = lines[line - 1]
        content = text.rstrip("\r\n")
        ending = text[len(content) :]
        existing = next((m for m in YAML_COMMENT.finditer(content) if m["kind"] == "ignore"), None)
        if existing is None:
            content = f"{content}  # okrdocs: ignore[{code}]"
        elif existing["codes"] is None:
            return None  # it suppresses every rule already
        else:
            start, end = existing.span("codes")  # inside the brackets
            codes = [c.strip() for c in content[start:end].split(",") if c.strip()]
            content = content[:start] + ", ".join([*codes, code]) + content[end:]
        lines[line - 1] = content + ending
    else:
        closing = last  # the line before the closing fence: the file-wide comment goes after it
        lines.insert(closing, f"# okrdocs: ignore-file[{code}]{newline}")
        if closing > 0 and not lines[closing - 1].endswith(("\n", "\r")):
            lines[closing - 1] += newline
    data = "".join(lines).encode("utf-8")
    if document.had_bom:
        data = b"\xef\xbb\xbf" + data
    return data if _same_data(raw, data) else None


def _same_data(old: bytes, new: bytes, body: bool = True) -> bool:
    """Whether two texts hold the same front matter values (a comment changes none), and,
    with ``body``, the same Markdown body (an HTML comment there is invisible, but text)."""
    try:
        before, after = split(old), split(new)
        return bool(
            parse(before.front_matter).data == parse(after.front_matter).data
            and (not body or before.body == after.body)
        )
    except (SplitError, YamlError):
        return False


# -- okrdocs lint --fix / --diff ----------------------------------------------------------------


@dataclass(slots=True)
class FileFix:
    """One file fixed (or, for ``--diff``, what fixing it would do)."""

    path: Path
    display_path: str
    old: bytes
    result: FixResult


def fix_workspace(workspace: Workspace, write: bool) -> tuple[list[FileFix], list[str]]:
    """Fix every file of a loaded workspace that has a finding with a fix, each checked in
    the project's context as lint checks it; with ``write``, the files are written and the
    workspace reloads them (its findings are then what remains). Returns the files changed or
    with a fix refused, and a problem message per file that could not be fixed at all."""
    from okrdocs.fileio import LockTimeout
    from okrdocs.loader import ReadError

    done: list[FileFix] = []
    problems: list[str] = []
    for loaded in workspace.loaded:
        if not any(d.fix is not None for d in loaded.diagnostics):
            continue
        path = loaded.context.path

        def check(raw: bytes, path: Path = path) -> list[Diagnostic]:
            return workspace.check_unsaved(path, raw).diagnostics

        try:
            old, result = fix_file(path, check, write)
        except (OSError, ReadError, LockTimeout) as error:
            problems.append(
                _(
                    "{path}: cannot fix: {problem}",
                    path=loaded.context.display_path,
                    problem=os_problem(error),
                )
            )
            continue
        if result.fixed or result.refused:
            done.append(FileFix(path, loaded.context.display_path, old, result))
    if write:
        changed = [item.path for item in done if item.result.changed]
        if changed:
            workspace.reload(changed)
    return done, problems


def fix_report(fixes: list[FileFix], write: bool) -> list[str]:
    """One line per finding fixed (or that would be), and per fix refused."""
    lines = []
    for item in fixes:
        for d in item.result.fixed:
            title = d.fix.title if d.fix is not None else ""
            where = f"{item.display_path}:{d.line}:{d.column}:"
            if write:
                lines.append(
                    _("{where} fixed {code}: {title}", where=where, code=d.code, title=title)
                )
            else:
                lines.append(
                    _("{where} would fix {code}: {title}", where=where, code=d.code, title=title)
                )
        for d in item.result.refused:
            lines.append(
                _(
                    "{where} not fixed {code}: the fix would not leave a valid file; fix it "
                    "by hand",
                    where=f"{item.display_path}:{d.line}:{d.column}:",
                    code=d.code,
                )
            )
    return lines


def fix_summary(fixes: list[FileFix], write: bool) -> str:
    fixed = sum(len(item.result.fixed) for item in fixes)
    files = sum(1 for item in fixes if item.result.changed)
    if write:
        return _n(
            "Fixed {n} problem in {files}.",
            "Fixed {n} problems in {files}.",
            fixed,
            files=_n("{n} file", "{n} files", files),
        )
    return _n(
        "Would fix {n} problem in {files}; run with --fix to apply.",
        "Would fix {n} problems in {files}; run with --fix to apply.",
        fixed,
        files=_n("{n} file", "{n} files", files),
    )
