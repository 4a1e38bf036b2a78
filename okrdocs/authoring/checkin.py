"""``okrdocs checkin``: record new values for key results, changing nothing else in the file.

For each key result it sets ``current`` (or ``done`` for a milestone), inserting the field after
``target`` when it is missing, and it appends one entry to ``checkins`` (creating the list when
there is none). Everything else — comments, key order, quoting, blank lines, the body, line
endings — stays byte for byte. The result is read back before it replaces the file: if it does
not load as the same objective with the new values, nothing is written.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from okrdocs.authoring.edit import (
    Document,
    Edit,
    EditError,
    Verbatim,
    apply,
    child,
    flow_mapping,
    insert_key,
    last_line,
    replace_value,
    scalar,
)
from okrdocs.config import Config
from okrdocs.diagnostics import Diagnostic
from okrdocs.fileio import LockTimeout, exclusive, replace_contents
from okrdocs.frontmatter_split import SplitError
from okrdocs.i18n import _, os_problem
from okrdocs.loader import LoadedFile, ReadError, read_bytes
from okrdocs.model import Checkin, Objective
from okrdocs.yamlsource import NumberError, checked_number


class CheckinError(Exception):
    """The check-in is refused; nothing was written."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = diagnostics or []


@dataclass(slots=True)
class CheckinResult:
    path: Path
    objective: Objective
    values: dict[str, float | bool]
    day: date
    previous: dict[str, Any] = field(default_factory=dict)
    backfill: bool = False  # dated before the latest check-in: current values left as they were
    merged: bool = False  # joined a check-in of the same day


def find_objective(config: Config, reference: str, cwd: Path) -> Path:
    """An objective's file, from its id, its path, or its path under the content folder
    without '.md' (which is how people type it even when the file declares another id)."""
    candidate = Path(reference)
    for path in (candidate, cwd / candidate):
        if path.is_file():
            return path
    from okrdocs.index_cache import content_index

    headers = content_index(config).all_headers()
    matches = [rel for rel, header in headers.items() if header.id == reference]
    if len(matches) == 1:
        return config.content / matches[0]
    if len(matches) > 1:
        raise CheckinError(
            _(
                "objective id {reference!r} is used by several files: {items}",
                reference=reference,
                items=", ".join(matches),
            )
        )
    stem = reference.strip("/").removesuffix(".md") + ".md"
    if stem in headers:
        return config.content / stem
    from okrdocs.suggest import Suggester

    ids = [header.id for header in headers.values() if header.id]
    hint = Suggester(ids).hint(reference)
    raise CheckinError(
        _(
            "no objective with id or path {reference!r} in {content}{hint}",
            reference=reference,
            content=config.content,
            hint=hint,
        )
    )


def _load(path: Path, raw: bytes, config: Config, cwd: Path) -> LoadedFile:
    from okrdocs.workspace import Workspace

    return Workspace(config, date.today(), cwd=cwd).check_bytes(path, raw)


_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def parse_value(text: str, milestone: bool, unit: str | None = None) -> tuple[float | bool, Any]:
    """(the value, what to write in the file) for a value typed on the command line.

    Numbers are read as people type them: full-width digits (８５０), thousands separators
    (1,200), a trailing '%' when the key result's unit is '%'. The file gets the number's
    decimal text as typed (850.10 stays 850.10), never a float's rounding of it.
    """
    if milestone:
        lowered = text.strip().lower()
        if lowered in ("true", "done", "yes", "1"):
            return True, True
        if lowered in ("false", "not-done", "no", "0"):
            return False, False
        raise CheckinError(
            _("{text!r} is not a milestone value; use done or not-done (true/false)", text=text)
        )
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for separator in (",", "_", " ", "\u2009", "\u202f"):
        cleaned = cleaned.replace(separator, "")
    if cleaned.endswith("%") and unit in ("%", "％"):
        cleaned = cleaned[:-1]
    if not _NUMBER.fullmatch(cleaned) or len(cleaned) > 40:
        hint = _("; write the number alone: the unit is in the file") if cleaned[-1:] == "%" else ""
        raise CheckinError(_("{text!r} is not a number{hint}", text=text, hint=hint))
    cleaned = cleaned.lstrip("+")
    is_integer = not any(mark in cleaned for mark in ".eE")
    try:
        value = checked_number(int(cleaned) if is_integer else float(cleaned), cleaned)
    except NumberError as error:
        raise CheckinError(str(error)) from None
    written = str(int(cleaned)) if is_integer else cleaned
    return value, Verbatim(written)


def _text_argument(value: str | None, option: str) -> str | None:
    """A note or an author from the command line, which must be valid Unicode (a byte that is
    not UTF-8 arrives as a lone surrogate and could not be written)."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CheckinError(
            _("{option} is not valid text (its bytes are not UTF-8); type it again", option=option)
        ) from None
    return value


def record(
    config: Config,
    path: Path,
    raw_values: dict[str, str],
    day: date,
    today: date,
    confidence: float | None = None,
    note: str | None = None,
    author: str | None = None,
    cwd: Path | None = None,
    dry_run: bool = False,
    replace: bool = False,
) -> CheckinResult:
    """Record a check-in in the file ``path`` (through a link: in the file it names).

    A second check-in on a day that has one joins it (``replace``: overwrites the values it
    names); the same key result twice on one day is refused without ``replace``.

    The file is locked while it is read, edited and written: two check-ins at once both land,
    the second one on the first one's result.
    """
    cwd = cwd or Path.cwd()
    note = _text_argument(note, "--note")
    author = _text_argument(author, "--author")
    if confidence is not None and not 0 <= confidence <= 1:
        raise CheckinError(
            _(
                "confidence {confidence} is not between 0 and 1 (write 0.7 for 70%)",
                confidence=confidence,
            )
        )
    try:
        with exclusive(path) as target:
            return _record_locked(
                config,
                path,
                target,
                raw_values,
                day,
                today,
                confidence,
                note,
                author,
                cwd,
                dry_run,
                replace,
            )
    except LockTimeout as error:
        raise CheckinError(str(error)) from None
    except OSError as error:
        raise CheckinError(
            _("{path}: cannot read: {value}", path=path, value=os_problem(error))
        ) from None


def _record_locked(
    config: Config,
    path: Path,
    target: Path,
    raw_values: dict[str, str],
    day: date,
    today: date,
    confidence: float | None,
    note: str | None,
    author: str | None,
    cwd: Path,
    dry_run: bool,
    replace: bool,
) -> CheckinResult:
    try:
        raw = read_bytes(path, os.path.realpath(config.root))  # a link leading outside: refused
    except ReadError as error:
        raise CheckinError(_("{path}: {error}", path=path, error=error)) from None
    loaded = _load(path, raw, config, cwd)
    errors = [d for d in loaded.diagnostics if d.severity == "error"]
    if loaded.objective is None or errors:
        raise CheckinError(
            _(
                "{display_path} has errors (listed above); fix them first",
                display_path=loaded.context.display_path,
            ),
            errors,
        )
    objective = loaded.objective
    if not objective.period.contains(day):
        raise CheckinError(
            _(
                "{day} is outside {key} ({start} to {end})",
                day=day.isoformat(),
                key=objective.period.key,
                start=objective.period.start.isoformat(),
                end=objective.period.end.isoformat(),
            )
        )
    if day > today:
        raise CheckinError(
            _("{day} is in the future; a check-in records what was measured", day=day.isoformat())
        )
    same_day = next((c for c in objective.checkins if c.date == day), None)
    if same_day is not None and not replace:
        clash = sorted(kr_id for kr_id in raw_values if kr_id in same_day.values)
        if clash:
            raise CheckinError(
                _(
                    "the check-in of {day} already records {items}; use --replace to change "
                    "it, or --date for another day",
                    day=day.isoformat(),
                    items=", ".join(clash),
                )
            )
        if (
            confidence is not None
            and same_day.confidence is not None
            and confidence != same_day.confidence
        ):
            raise CheckinError(
                _(
                    "the check-in of {day} already has confidence {confidence:g}; use "
                    "--replace to change it",
                    day=day.isoformat(),
                    confidence=same_day.confidence,
                )
            )
    values: dict[str, float | bool] = {}
    written: dict[str, Any] = {}
    for kr_id, text in raw_values.items():
        kr = objective.kr(kr_id)
        if kr is None:
            known = ", ".join(k.id for k in objective.key_results)
            raise CheckinError(
                _(
                    "no key result {kr_id!r} in {id} (key results: {known})",
                    kr_id=kr_id,
                    id=objective.id,
                    known=known,
                )
            )
        if kr.dropped is not None and kr.dropped <= day:
            raise CheckinError(
                _(
                    "key result {kr_id!r} was dropped on {dropped}; it takes no more check-ins",
                    kr_id=kr_id,
                    dropped=kr.dropped,
                )
            )
        if not kr.is_milestone and text.strip().lower() in ("done", "not-done"):
            raise CheckinError(
                _(
                    "key result {kr_id!r} is a metric: give its value ({kr_id}=N, or {kr_id} "
                    "--value N); --done and --not-done are for milestones",
                    kr_id=kr_id,
                )
            )
        values[kr_id], written[kr_id] = parse_value(text, kr.is_milestone, kr.unit)
    if not values:
        raise CheckinError(_("name at least one key result and its value"))

    try:
        document = Document.parse(raw)
    except (SplitError, EditError, yaml.YAMLError) as error:
        raise CheckinError(
            _(
                "{display_path}: {getattr}",
                display_path=loaded.context.display_path,
                getattr=getattr(error, "message", error),
            )
        ) from None
    latest = objective.last_checkin
    backfill = latest is not None and day < latest.date
    # A backfilled check-in records history; 'current' stays what the latest one says.
    edits = [] if backfill else _current_edits(document, objective, written)
    if same_day is not None:
        edits.extend(_merge_edits(document, same_day, written, confidence, note, author, replace))
    else:
        edits.append(_checkin_edit(document, written, day, confidence, note, author))
    data = _apply_checked(document, edits, path, config, cwd, values, day, backfill)
    previous: dict[str, Any] = {}
    for kr_id in values:
        kr = objective.kr(kr_id)
        assert kr is not None  # checked above
        previous[kr_id] = bool(kr.done) if kr.is_milestone else kr.current
    if not dry_run:
        try:
            replace_contents(target, data)
        except OSError as error:
            raise CheckinError(
                _(
                    "{path}: cannot write: {value}; the file was not changed",
                    path=path,
                    value=os_problem(error),
                )
            ) from None
    reloaded = _load(path, data, config, cwd).objective
    assert reloaded is not None
    return CheckinResult(path, reloaded, values, day, previous, backfill, same_day is not None)


def _current_edits(
    document: Document, objective: Objective, values: dict[str, float | bool]
) -> list[Edit]:
    found = child(document.root, "key_results")
    assert found is not None
    krs_node = found[1]
    edits = []
    for kr in objective.key_results:
        if kr.id not in values:
            continue
        node = krs_node.value[kr.index]
        if not isinstance(node, yaml.MappingNode):
            raise CheckinError(_("key result {id!r} is not written as a mapping", id=kr.id))
        field_name = "done" if kr.is_milestone else "current"
        existing = child(node, field_name)
        text = scalar(values[kr.id])
        if existing is not None:
            edits.append(replace_value(document, existing[1], text))
        else:
            after = next(
                (k for k in ("target", "baseline", "type", "title") if child(node, k)), None
            )
            edits.append(insert_key(document, node, field_name, text, after))
    return edits


def _checkin_edit(
    document: Document,
    values: dict[str, float | bool],
    day: date,
    confidence: float | None,
    note: str | None,
    author: str | None,
) -> Edit:
    newline = document.newline()
    fields = [("date", day.isoformat()), ("values", flow_mapping(values))]
    if confidence is not None:
        fields.append(("confidence", scalar(confidence)))
    note = _note_text(note)
    if note:
        fields.append(("note", scalar(note)))
    if author:
        fields.append(("author", scalar(author)))
    found = child(document.root, "checkins")
    if (
        found is not None
        and isinstance(found[1], yaml.SequenceNode)
        and found[1].value
        and not found[1].flow_style
    ):
        sequence = found[1]
        first = sequence.value[0]
        dash = " " * max(first.start_mark.column - 2, 0)
        inner = " " * first.start_mark.column
        lines = [f"{dash}- {fields[0][0]}: {fields[0][1]}"] + [
            f"{inner}{k}: {v}" for k, v in fields[1:]
        ]
        later = next((item for item in sequence.value if _date_of(item) > day), None)
        if later is not None:  # keep the list in date order: insert before the first later entry
            position = document.index(later.start_mark.line, 0)
            return Edit(position, position, newline.join(lines) + newline)
        position = document.end_of_line(last_line(sequence))
        return Edit(position, position, newline + newline.join(lines))
    key_indent = " " * document.root.value[0][0].start_mark.column
    lines = [f"{key_indent}  - {fields[0][0]}: {fields[0][1]}"] + [
        f"{key_indent}    {k}: {v}" for k, v in fields[1:]
    ]
    if found is not None:
        key_node, value_node = found
        if isinstance(value_node, yaml.SequenceNode) and not value_node.value:  # checkins: []
            # Replace from just after the key's colon, so no space is left dangling.
            start = document.index(key_node.end_mark.line, key_node.end_mark.column)
            end = document.index(value_node.end_mark.line, value_node.end_mark.column)
            text = document.text()
            if text[start] == ":" and key_node.end_mark.line == value_node.start_mark.line:
                return Edit(start + 1, end, newline + newline.join(lines))
            return replace_value(document, value_node, newline + newline.join(lines))
        if isinstance(value_node, yaml.ScalarNode) and value_node.value == "":  # checkins: (empty)
            position = document.end_of_line(key_node.start_mark.line)
            return Edit(position, position, newline + newline.join(lines))
        raise CheckinError(
            _("'checkins' is written in a form okrdocs cannot extend; add the entry by hand")
        )
    _last_key, last_value = document.root.value[-1]
    position = document.end_of_line(last_line(last_value))
    return Edit(
        position, position, newline + f"{key_indent}checkins:" + newline + newline.join(lines)
    )


def _date_of(item: yaml.Node) -> date:
    """The date of a check-in entry in the node tree (the loader has already validated it)."""
    if isinstance(item, yaml.MappingNode):
        found = child(item, "date")
        if found is not None and isinstance(found[1], yaml.ScalarNode):
            try:
                return date.fromisoformat(found[1].value)
            except ValueError:
                pass
    return date.min


def _apply_checked(
    document: Document,
    edits: list[Edit],
    path: Path,
    config: Config,
    cwd: Path,
    values: dict[str, float | bool],
    day: date,
    backfill: bool,
) -> bytes:
    """The edited bytes, after checking they load as the intended objective."""
    data = apply(document, edits)
    result = _load(path, data, config, cwd)
    problems = [d for d in result.diagnostics if d.severity == "error"]
    objective = result.objective
    if objective is None or problems:
        detail = problems[0].message if problems else _("it does not load")
        raise CheckinError(
            _(
                "okrdocs could not edit this file safely ({detail}); nothing was written",
                detail=detail,
            )
        )
    for kr_id, value in values.items():
        kr = objective.kr(kr_id)
        recorded = kr.done if kr is not None and kr.is_milestone else kr.current if kr else None
        if not backfill and recorded != value:
            raise CheckinError(_("okrdocs could not edit this file safely; nothing was written"))
    added = [c for c in objective.checkins if c.date == day]
    if len(added) != 1 or any(added[0].values.get(k) != v for k, v in values.items()):
        raise CheckinError(_("okrdocs could not add the check-in safely; nothing was written"))
    return data


def _merge_edits(
    document: Document,
    existing: Checkin,
    values: dict[str, Any],
    confidence: float | None,
    note: str | None,
    author: str | None,
    replace: bool,
) -> list[Edit]:
    """Edits that add a second person's values to a check-in of the same day.

    Values of other key results join the entry; with ``replace`` the given ones overwrite it.
    Nothing already written is lost: a second note is appended (with its author's name when
    the entry has another author), a confidence is added only where there is none.
    """
    found = child(document.root, "checkins")
    assert found is not None and isinstance(found[1], yaml.SequenceNode)
    index = int(existing.pointer.rsplit("/", 1)[1])
    entry = found[1].value[index]
    values_pair = child(entry, "values") if isinstance(entry, yaml.MappingNode) else None
    if values_pair is None or not isinstance(values_pair[1], yaml.MappingNode):
        raise CheckinError(_("that day's check-in is written in a form okrdocs cannot extend"))
    assert isinstance(entry, yaml.MappingNode)
    values_node = values_pair[1]
    edits: list[Edit] = []
    for kr_id, text in values.items():
        pair = child(values_node, kr_id)
        if pair is not None:  # --replace
            edits.append(replace_value(document, pair[1], scalar(text)))
        else:
            edits.append(insert_key(document, values_node, scalar(kr_id), scalar(text), None))
    previous_author = existing.author
    if confidence is not None:
        pair = child(entry, "confidence")
        if pair is None:
            edits.append(insert_key(document, entry, "confidence", scalar(confidence), "values"))
        elif replace:
            edits.append(replace_value(document, pair[1], scalar(confidence)))
    if author and previous_author and author != previous_author and not replace:
        note = f"{author}: {note}" if note else f"{author}: recorded {', '.join(values)}"
    if note:
        note = _note_text(note)
        pair = child(entry, "note")
        if pair is None:
            after = "confidence" if child(entry, "confidence") else "values"
            edits.append(insert_key(document, entry, "note", scalar(note), after))
        elif replace:
            edits.append(replace_value(document, pair[1], scalar(note)))
        else:
            combined = f"{existing.note} / {note}" if existing.note else note
            edits.append(replace_value(document, pair[1], scalar(combined)))
    if author and (previous_author is None or replace):
        pair = child(entry, "author")
        if pair is None:
            last = entry.value[-1][0].value
            edits.append(insert_key(document, entry, "author", scalar(author), last))
        else:
            edits.append(replace_value(document, pair[1], scalar(author)))
    return edits


def _note_text(note: str | None) -> str:
    """A note as written: each line's spaces tidied, its line breaks kept (the YAML scalar
    is then quoted on one line, "1. 两个大单推迟\\n2. 渠道伙伴已认证": the entry's layout
    holds)."""
    lines = [" ".join(line.split()) for line in (note or "").splitlines()]
    return "\n".join(line for line in lines if line)
