"""Load one OKR file: bytes -> front matter -> YAML with positions -> schema -> typed model.

Reading, validating and building are kept apart from the quality rules (``okrdocs.rules``) and
from everything that renders results. A file that fails to parse or to validate produces
diagnostics and no model; its id is still known where possible, so other files that point at
it are not reported as dangling.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrdocs import diagnostics as dx
from okrdocs import validation as okr_schema
from okrdocs.diagnostics import Diagnostic, Span
from okrdocs.discovery import SECTION_FILE, is_section
from okrdocs.discovery import inside as is_inside
from okrdocs.frontmatter_split import SplitError, plain_front_matter, split
from okrdocs.i18n import N_, _, os_problem
from okrdocs.model import Action, Checkin, Header, KeyResult, Objective, Section
from okrdocs.periods import FiscalYear, PeriodError, parse_period
from okrdocs.rules.base import Rule
from okrdocs.rules.okr001_syntax_error import SyntaxError_
from okrdocs.rules.okr002_schema_violation import SchemaViolation
from okrdocs.rules.okr003_duplicate_id import DuplicateId
from okrdocs.rules.okr004_unknown_reference import UnknownReference
from okrdocs.suggest import closest
from okrdocs.yamlsource import (
    SourceMap,
    YamlError,
    escape_pointer_token,
    parse,
    unescape_pointer_token,
)

if TYPE_CHECKING:
    from okrdocs.fixes import Fix

__all__ = ["SECTION_FILE", "FileContext", "LoadedFile", "load_bytes", "load_file", "read_header"]

# OKR files are a page or two; a larger file is refused rather than read (a link to /dev/zero,
# a data dump saved as .md).
MAX_FILE_BYTES = 1 << 20


@dataclass(slots=True)
class FileContext:
    """Where a file sits: how to name it in diagnostics and what its defaults are."""

    location: str  # absolute path (a string: partial runs make one per file of the repository)
    display_path: str
    rel_path: str  # under the content folder, '/'-separated; for files outside it, display path

    @property
    def path(self) -> Path:
        return Path(self.location)

    @property
    def default_id(self) -> str:
        return self.rel_path[:-3] if self.rel_path.endswith(".md") else self.rel_path

    @property
    def default_team(self) -> str | None:
        return default_team(self.rel_path)

    @property
    def is_section(self) -> bool:
        return is_section(self.rel_path)

    def default_header(self) -> Header:
        """What is known of a file before (or without) reading it: its path."""
        if self.is_section:
            return Header(self.rel_path)
        return Header(self.rel_path, self.default_id, team=self.default_team)


def default_team(rel_path: str) -> str | None:
    parts = rel_path.split("/")
    return parts[0] if len(parts) > 1 else None


def default_id(rel_path: str) -> str:
    return rel_path[:-3] if rel_path.endswith(".md") else rel_path


@dataclass(slots=True)
class LoadedFile:
    """One file as the loader left it: its identity, its model (when valid) and its findings."""

    context: FileContext
    header: Header
    objective: Objective | None = None
    section: Section | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The findings of this file alone (loader and per-file rules), kept apart so that the
    # project-wide checks can run again after other files change (okrdocs.workspace).
    own_diagnostics: list[Diagnostic] | None = None
    # Whether the file loaded as a model: kept when the model itself is dropped (linting).
    valid: bool = False
    # A file with schema errors: a model of what is valid, for the quality rules only, and where
    # the schema errors are (findings there are left out). Dropped once the rules have run.
    partial: Objective | None = None
    problem_pointers: tuple[str, ...] = ()
    text: str = ""
    body_line: int | None = None
    suppressions: list[Any] = field(default_factory=list)
    source_map: SourceMap = field(default_factory=SourceMap)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)


def _under(path: str, folder: str) -> str | None:
    """``path`` relative to ``folder`` with '/' separators, or None if it is not under it."""
    prefix = folder.rstrip(os.sep) + os.sep
    if not path.startswith(prefix):
        return None
    rel = path[len(prefix) :]
    return rel if os.sep == "/" else rel.replace(os.sep, "/")


def make_context(path: Path, content_root: Path, cwd: Path) -> FileContext:
    # String operations: this runs for every file of a 10,000-file repository.
    if not path.is_absolute():
        path = cwd / path
    text = str(path)
    display = _under(text, str(cwd)) or text
    rel = _under(text, str(content_root)) or display
    return FileContext(location=text, display_path=display, rel_path=rel)


class _FileLoader:
    def __init__(self, context: FileContext, fiscal: FiscalYear) -> None:
        self.context = context
        self.fiscal = fiscal
        self.result = LoadedFile(context=context, header=context.default_header())
        self.source_map = SourceMap()

    def report(
        self,
        rule: type[Rule],
        span: Span,
        message: str,
        severity: dx.Severity = "error",
        fix: Fix | None = None,
    ) -> None:
        self.result.diagnostics.append(
            dx.make(rule, self.context.display_path, span, message, severity, fix)
        )

    def at(self, pointer: str, prefer_key: bool = False) -> Span:
        return self.source_map.locate(pointer, prefer_key)

    def load(self, raw: bytes) -> LoadedFile:
        which = "section" if self.context.is_section else "objective"
        try:
            parts = split(raw)
        except SplitError as error:
            self.report(SyntaxError_, Span.point(error.line, error.column), error.message)
            return self.result
        self.result.text = parts.text
        self.result.body_line = parts.body_line
        try:
            parsed = parse(parts.front_matter, parts.front_matter_offset, okr_schema.shape(which))
        except YamlError as error:
            self.report(SyntaxError_, Span.point(error.line, error.column), error.message)
            # Broken YAML still names its id on a line of its own, usually: knowing it keeps
            # files that point at this one from being reported as dangling.
            self.result.header = (
                scan_header(parts.front_matter, self.context, best_effort=True)
                or self.result.header
            )
            return self.result
        self.source_map = self.result.source_map = parsed.source_map
        for pointer, span, message in parsed.bad_numbers:
            self.report(
                SchemaViolation,
                span,
                _("{field}: {problem}", field=okr_schema.field_name(pointer), problem=message),
            )
        for pointer, span, first in parsed.duplicates:
            key = pointer.rsplit("/", 1)[-1]
            self.report(
                SyntaxError_,
                span,
                _(
                    "duplicate key '{key}' (first on line {line}); YAML keeps only one, so "
                    "remove or merge the other",
                    key=key,
                    line=first.line,
                ),
            )
        data = parsed.data
        _empty_lists(data)
        if data is None:
            self.report(
                SyntaxError_,
                Span.point(1, 1),
                _(
                    "the front matter is empty; add the fields objective, owner, period "
                    "and key_results between the '---' lines"
                ),
            )
            return self.result
        if not isinstance(data, dict):
            self.report(
                SyntaxError_,
                self.at(""),
                _("the front matter must be fields written as 'name: value', not a list or text"),
            )
            return self.result
        self.result.header = header_of(data, self.context)
        if not okr_schema.fast_check(which).is_valid(data):
            found = list(okr_schema.problems(data, which))
            from okrdocs.fixes import schema_fix  # a file with problems only

            for problem in found:
                fix = (
                    schema_fix(problem.pointer, problem.suggestion, data)
                    if problem.suggestion is not None
                    else None
                )
                self.report(
                    SchemaViolation,
                    self.at(problem.pointer, problem.at_key),
                    problem.message,
                    fix=fix,
                )
            if which == "objective" and found:
                blocking = [problem.pointer for problem in found if not problem.at_key]
                self._salvage(data, [problem.pointer for problem in found], blocking, parts)
                if "/period" not in {problem.pointer for problem in found}:
                    self._check_period(data)  # every problem in one run, not one at a time
            if not self.result.diagnostics:  # pragma: no cover - FastCheck and jsonschema disagree
                self.report(
                    SchemaViolation, self.at(""), _("the front matter does not match the schema")
                )
            return self.result
        for pointer, message in _name_problems(data):
            self.report(SchemaViolation, self.at(pointer), message)
        if self.result.has_errors:
            if which == "objective":
                self._check_period(data)
            return self.result
        if which == "section":
            self.result.section = self._section(data, parts.body)
        else:
            objective = self._objective(data, parts.body, parts.body_line)
            if objective is not None:
                self.result.objective = objective
                self.result.valid = True
        if which == "section" and self.result.section is not None:
            self.result.valid = True
        return self.result

    def _check_period(self, data: dict[str, Any]) -> None:
        """Report a period that does not read, when other problems stop the model being made
        (which is where the period is read otherwise)."""
        period = data.get("period")
        if isinstance(period, str):
            try:
                parse_period(period, self.fiscal)
            except PeriodError as error:
                self.report(SchemaViolation, self.at("/period"), str(error))

    def _salvage(
        self, data: dict[str, Any], pointers: list[str], blocking: list[str], parts: Any
    ) -> None:
        """A model of what is valid, for the quality rules only (LoadedFile.partial): so that
        an author sees a wrong target and a vague objective in one round, not two.

        Each invalid value or unknown key is left out; a missing required field, or a problem
        in a list itself, gives up (there is nothing sound left to judge)."""
        import copy

        salvaged = copy.deepcopy(data)
        for pointer in sorted(set(pointers), key=len, reverse=True):
            tokens = [unescape_pointer_token(t) for t in pointer[1:].split("/")] if pointer else []
            if not tokens:
                return
            parent: Any = salvaged
            for token in tokens[:-1]:
                if isinstance(parent, dict) and token in parent:
                    parent = parent[token]
                elif isinstance(parent, list) and token.isdigit() and int(token) < len(parent):
                    parent = parent[int(token)]
                else:
                    return
            if not isinstance(parent, dict) or tokens[-1] not in parent:
                return  # a missing field, or a bad list item: nothing sound to judge
            if tokens[-1] in ("objective", "owner", "period", "key_results", "title", "values"):
                return
            del parent[tokens[-1]]
        if not okr_schema.fast_check("objective").is_valid(salvaged):
            return
        helper = _FileLoader(self.context, self.fiscal)
        helper.source_map = self.source_map
        helper.result.header = self.result.header
        partial = helper._objective(salvaged, parts.body, parts.body_line)
        if partial is not None:
            # Findings about a key result with a wrong value are left out (its numbers are
            # not what the author meant); an unknown field blocks nothing.
            self.result.partial = partial
            self.result.problem_pointers = tuple(blocking)

    # -- building the model from validated data --------------------------------------------

    def _section(self, data: dict[str, Any], body: str) -> Section:
        folder = self.context.rel_path[: -len(SECTION_FILE)].rstrip("/")
        return Section(
            folder=folder,
            path=self.context.path,
            display_path=self.context.display_path,
            title=data.get("title"),
            description=data.get("description"),
            owner=data.get("owner"),
            parent=data.get("parent"),
            order=data.get("order"),
            body=body,
            source_map=self.source_map,
        )

    def _objective(self, data: dict[str, Any], body: str, body_line: int) -> Objective | None:
        try:
            period = parse_period(data["period"], self.fiscal)
        except PeriodError as error:
            self.report(SchemaViolation, self.at("/period"), str(error))
            return None
        owner = data["owner"]
        key_results = self._key_results(data["key_results"], owner)
        checkins = self._checkins(data.get("checkins", []), key_results)
        if self.result.has_errors:
            return None
        team = data.get("team")
        return Objective(
            id=self.result.header.id or self.context.default_id,
            id_declared="id" in data,
            path=self.context.path,
            display_path=self.context.display_path,
            rel_path=self.context.rel_path,
            objective=data["objective"],
            owner=owner,
            period=period,
            key_results=key_results,
            team=team if team is not None else self.context.default_team,
            team_declared=team is not None,
            kind=data.get("type"),
            parent=data.get("parent"),
            tags=list(data.get("tags", [])),
            checkins=checkins,
            score=data.get("score"),
            body=body,
            body_line=body_line,
            source_map=self.source_map,
        )

    def _key_results(self, items: list[dict[str, Any]], owner: str) -> list[KeyResult]:
        results: list[KeyResult] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            pointer = f"/key_results/{index}"
            kr_id = item.get("id") or f"kr{index + 1}"
            if kr_id in seen:
                self.report(
                    DuplicateId,
                    self.at(f"{pointer}/id" if "id" in item else pointer),
                    _(
                        "key result id '{id}' is used twice (also key_results[{index}]); "
                        "give each key result its own id",
                        id=kr_id,
                        index=seen[kr_id],
                    ),
                )
            seen[kr_id] = index
            actions = [
                Action(
                    title=action["title"],
                    pointer=f"{pointer}/actions/{position}",
                    owner=action.get("owner"),
                    due=date.fromisoformat(action["due"]) if "due" in action else None,
                    status=action.get("status", "todo"),
                    link=action.get("link"),
                )
                for position, action in enumerate(item.get("actions", []))
            ]
            results.append(
                KeyResult(
                    id=kr_id,
                    id_declared="id" in item,
                    title=item["title"],
                    pointer=pointer,
                    index=index,
                    owner=item.get("owner", owner),
                    owner_declared="owner" in item,
                    kind=item.get("type", "metric"),
                    baseline=item.get("baseline"),
                    target=item.get("target"),
                    current=item.get("current"),
                    unit=item.get("unit"),
                    definition=item.get("definition"),
                    weight=float(item.get("weight", 1)),
                    confidence=item.get("confidence"),
                    score=item.get("score"),
                    done=item.get("done"),
                    actions=actions,
                    dropped=date.fromisoformat(item["dropped"]) if "dropped" in item else None,
                    dropped_reason=item.get("dropped_reason"),
                )
            )
        return results

    def _checkins(self, items: list[dict[str, Any]], key_results: list[KeyResult]) -> list[Checkin]:
        by_id = {kr.id: kr for kr in key_results}
        checkins: list[Checkin] = []
        for index, item in enumerate(items):
            pointer = f"/checkins/{index}"
            for kr_id, value in item["values"].items():
                value_pointer = f"{pointer}/values/{escape_pointer_token(kr_id)}"
                kr = by_id.get(kr_id)
                if kr is None:
                    close = closest(kr_id, list(by_id))
                    hint = (
                        _("did you mean '{name}'?", name=close)
                        if close
                        else _("key results: {names}", names=", ".join(by_id))
                    )
                    self.report(
                        UnknownReference,
                        self.at(value_pointer, prefer_key=True),
                        _(
                            "check-in value for unknown key result '{id}'; {hint}",
                            id=kr_id,
                            hint=hint,
                        ),
                    )
                elif kr.is_milestone and not isinstance(value, bool):
                    self.report(
                        SchemaViolation,
                        self.at(value_pointer),
                        _(
                            "key result '{id}' is a milestone: its check-in value is true or false",
                            id=kr_id,
                        ),
                    )
                elif not kr.is_milestone and isinstance(value, bool):
                    self.report(
                        SchemaViolation,
                        self.at(value_pointer),
                        _(
                            "key result '{id}' is a metric: its check-in value is a number",
                            id=kr_id,
                        ),
                    )
            checkins.append(
                Checkin(
                    date=date.fromisoformat(item["date"]),
                    pointer=pointer,
                    values=dict(item["values"]),
                    confidence=item.get("confidence"),
                    note=item.get("note"),
                    author=item.get("author"),
                )
            )
        return checkins


def _invisible(text: str) -> str | None:
    """The first character of ``text`` nobody can see (a BOM, a zero-width space, a control
    character, a line separator), or a space at either end; None when there is none."""
    if text != text.strip():
        return " " if text[:1].isspace() or text[-1:].isspace() else None
    if text.isprintable():  # none of those categories (the common case, in C)
        return None
    for char in text:
        if unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp"):
            return char
    return None


_FIELD_WORDS = {
    "id": N_("id"),
    "parent": N_("parent"),
    "owner": N_("owner"),
    "team": N_("team"),
    "period": N_("period"),
}


def _name_problems(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Ids and names with characters nobody can see: 'ada' and 'ada\\u200b' look alike and
    would silently be two people (two pages, two owners)."""

    def check(pointer: str, what: str, value: Any) -> Iterator[tuple[str, str]]:
        if not isinstance(value, str):
            return
        char = _invisible(value)
        if char is None:
            return
        if char == " ":
            yield (
                pointer,
                _(
                    "{what} {value!r} starts or ends with a space; remove it",
                    what=_(what),
                    value=value,
                ),
            )
            return
        name = unicodedata.name(char, "control character")
        yield (
            pointer,
            _(
                "{what} {value!r} contains the invisible character U+{code} ({name}); delete it "
                "and type the name again",
                what=_(what),
                value=value,
                code=f"{ord(char):04X}",
                name=name,
            ),
        )

    # (every name of every file passes through here: the pointer and the generator are made
    # only for a name that fails the quick test)
    for key in ("id", "parent", "owner", "team", "period"):
        value = data.get(key)
        if not _plainly_visible(value):
            yield from check(f"/{key}", _FIELD_WORDS[key], value)
    for index, kr in enumerate(data.get("key_results") or []):
        if not isinstance(kr, dict):
            continue
        for key, what in (("id", N_("key result id")), ("owner", N_("key result owner"))):
            value = kr.get(key)
            if not _plainly_visible(value):
                yield from check(f"/key_results/{index}/{key}", what, value)
        for position, action in enumerate(kr.get("actions") or []):
            if isinstance(action, dict) and not _plainly_visible(owner := action.get("owner")):
                pointer = f"/key_results/{index}/actions/{position}/owner"
                yield from check(pointer, N_("action owner"), owner)
    for index, checkin in enumerate(data.get("checkins") or []):
        if isinstance(checkin, dict) and not _plainly_visible(author := checkin.get("author")):
            yield from check(f"/checkins/{index}/author", N_("check-in author"), author)


def _plainly_visible(value: Any) -> bool:
    """Whether ``value`` is not text, or text that ``_invisible`` finds nothing in."""
    return not isinstance(value, str) or (
        value.isprintable() and not value[:1].isspace() and not value[-1:].isspace()
    )


def header_of(data: dict[str, Any], context: FileContext) -> Header:
    """A file's identity from its front matter as written (valid or not)."""
    if context.is_section:
        return Header(context.rel_path)

    def text(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) and value else None

    declared_id, team = text("id"), text("team")
    return Header(
        context.rel_path,
        declared_id or context.default_id,
        declared_id is not None,
        text("parent"),
        text("owner"),
        team or context.default_team,
        team is not None,
        text("period"),
    )


def load_bytes(raw: bytes, context: FileContext, fiscal: FiscalYear | None = None) -> LoadedFile:
    return _FileLoader(context, fiscal or FiscalYear()).load(raw)


class ReadError(Exception):
    """A file okrdocs will not or cannot read; the message says why and what to do."""


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # (not on Windows, where links are rare)


def read_bytes(path: str | Path, inside: str | None = None) -> bytes:
    """A regular file's bytes, at most MAX_FILE_BYTES; never blocks on a FIFO or a device.

    ``inside`` (a real path: the project root): a symbolic link named as ``path`` is followed
    only when it leads inside that folder. Links are found by the open itself (O_NOFOLLOW
    fails on one), so a plain file costs no extra system call."""
    try:
        descriptor = os.open(path, _READ_FLAGS | (_NO_FOLLOW if inside else 0))
    except OSError as error:
        if not (inside and error.errno == errno.ELOOP and os.path.islink(path)):
            raise ReadError(
                _("cannot read the file: {problem}", problem=os_problem(error))
            ) from None
        real = os.path.realpath(path)
        if not is_inside(real, inside):
            raise ReadError(
                _("a link to outside the project; okrdocs reads only files inside the project")
            ) from None
        return read_bytes(real)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(_("not a regular file; okrdocs reads only regular files"))
        if info.st_size > MAX_FILE_BYTES:
            raise ReadError(_too_large(info.st_size))
        # One read asking for a byte more than the file holds: a shorter answer is the end of
        # the file, with no second read to find it (10,000 files are read on a cold run).
        first = os.read(descriptor, info.st_size + 1)
        if len(first) <= info.st_size:
            return first
        chunks, total = [first], len(first)
        while True:  # the file grew since fstat: read to the end, with the cap
            chunk = os.read(descriptor, MAX_FILE_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise ReadError(_too_large(total))
        return b"".join(chunks)
    except OSError as error:
        raise ReadError(_("cannot read the file: {problem}", problem=os_problem(error))) from None
    finally:
        os.close(descriptor)


def _too_large(size: int) -> str:
    return _(
        "the file is {size} MB; OKR files are read up to {limit} MB: move long notes or data "
        "out of it",
        size=f"{size / (1 << 20):.1f}",
        limit=MAX_FILE_BYTES >> 20,
    )


# Lists a person may leave empty for later, written as the bare key (``checkins:``): read as
# no items, as ``checkins: []`` is.
_LISTS = ("checkins", "tags")


def _empty_lists(data: Any) -> None:
    if not isinstance(data, dict):
        return
    for key in _LISTS:
        if key in data and data[key] is None:
            data[key] = []
    key_results = data.get("key_results")
    if isinstance(key_results, list):
        for kr in key_results:
            if isinstance(kr, dict) and "actions" in kr and kr["actions"] is None:
                kr["actions"] = []


def load_file(
    context: FileContext, fiscal: FiscalYear | None = None, inside: str | None = None
) -> LoadedFile:
    """Load one file; ``inside``: see ``read_bytes``."""
    try:
        raw = read_bytes(context.location, inside)
    except ReadError as error:
        result = LoadedFile(context=context, header=context.default_header())
        result.diagnostics.append(
            dx.make(SyntaxError_, context.display_path, Span.point(1, 1), str(error))
        )
        return result
    return load_bytes(raw, context, fiscal)


# -- the identity alone, fast -----------------------------------------------------------------

_HEADER_LINE = re.compile(r"(id|parent|owner|team|period):(?:[ \t]+(.*))?")
# A plain scalar okrdocs can read without a YAML parser: no indicator at its start, no ': ' or
# ' #' inside, no quotes. Anything else goes through the real parser.
_SIMPLE_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*")
_TRAILING_COMMENT = re.compile(r"[ \t]+#.*$")


def _simple_value(text: str) -> tuple[bool, str | None]:
    """(understood, value) for the text after ``key:`` on a line; None for an empty value."""
    text = _TRAILING_COMMENT.sub("", text.strip()) if text else ""
    if not text:
        return True, None
    if text[0] == "'" and text[-1] == "'" and len(text) >= 2:
        inner = text[1:-1]
        if "'" in inner.replace("''", ""):
            return False, None
        return True, inner.replace("''", "'")
    if text[0] == '"' and text[-1] == '"' and len(text) >= 2:
        inner = text[1:-1]
        if "\\" in inner or '"' in inner:
            return False, None
        return True, inner
    if not _SIMPLE_PLAIN.fullmatch(text) or ": " in text or text.endswith(":"):
        return False, None
    if text in ("~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"):
        return True, None  # not text: the header ignores it, as the loader does
    return True, text


_UNSURE_LINE = re.compile(r"""(?:id|parent|owner|team|period)\s+:|["'?]""")
# A line that starts with neither a space nor a line break (a top-level key, a comment, a
# stray value), and the next line when it starts with a space (a value may go on there).
# Searched in "\n" + the text: a pattern starting with a literal is found by a fast scan.
_TOP_LEVEL_LINE = re.compile(r"\n([^ \n][^\n]*)(?:\n( [^\n]*))?")
_HEADER_KEYS = ("id", "parent", "owner", "team", "period")
# ``key: word`` where the word needs no YAML rules (no quotes, indicators, ':' or '#'): what
# _simple_value would give, found in one match.
_PLAIN_HEADER_LINE = re.compile(
    r"(id|parent|owner|team|period):[ \t]+"
    r"([^\s\-?:,\[\]{}#&*!|>'\"%@`~](?:[^:#\n]*[^\s:#])?)[ \t]*"
)
_NOT_TEXT = frozenset(("null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"))


def scan_header(
    front_matter: str, context: FileContext, best_effort: bool = False
) -> Header | None:
    """The header from simple ``key: value`` lines of the front matter, without a YAML parser.

    None when a header field is written in a way only a YAML parser reads right (flow style,
    escapes, several lines, anchors, tags), unless ``best_effort`` (the YAML is broken anyway):
    then such lines are skipped.
    """
    if not best_effort and any(char in front_matter for char in "\t\x85\u2028\u2029"):
        return None
    found: dict[str, str | None] = {}
    # Only top-level lines can hold a header key: one regex finds them (with the line after
    # each, when that one is indented), so that the loop sees ~8 lines instead of ~30.
    for line, following in _TOP_LEVEL_LINE.findall("\n" + front_matter):
        if not line.startswith(_HEADER_KEYS):  # objective, key_results, a comment...
            if best_effort:
                continue
            if line[0] in "\"'?":
                return None  # a quoted or complex key
            if line.rstrip().endswith(("[", "{", ",")) and not line[0].isspace():
                return None  # a top-level flow collection over several lines
            continue
        fast = _PLAIN_HEADER_LINE.fullmatch(line)
        if fast is not None and not following:  # the common case: key: word
            value = fast[2]
            found.setdefault(fast[1], None if value in _NOT_TEXT else value)
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            if not best_effort and _UNSURE_LINE.match(line):
                return None  # a quoted or complex key, or a space before the colon
            opened = line.rstrip()
            if not best_effort and opened.endswith(("[", "{", ",")) and not line[:1].isspace():
                return None  # a top-level flow collection over several lines
            continue
        understood, value = _simple_value(match[2] or "")
        continues = following.strip() and following.lstrip()[0] != "#"
        if not understood or continues:
            if best_effort:
                continue
            return None
        found.setdefault(match[1], value or None)  # YAML reports a repeated key; the first counts
    declared_id, team = found.get("id"), found.get("team")
    return Header(
        context.rel_path,
        declared_id or context.default_id,
        declared_id is not None,
        found.get("parent"),
        found.get("owner"),
        team or context.default_team,
        team is not None,
        found.get("period"),
    )


def read_header(raw: bytes, context: FileContext) -> Header:
    """The header the loader gives this file, usually without parsing the YAML.

    tests/test_loader.py checks on generated files that this agrees with a full load.
    """
    if context.is_section:
        return Header(context.rel_path)
    front = plain_front_matter(raw)
    if front is None:
        try:
            front = split(raw).front_matter
        except SplitError:
            return context.default_header()
    return scan_header(front, context) or _FileLoader(context, FiscalYear()).load(raw).header
