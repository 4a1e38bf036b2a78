"""``okrdocs import``: objective files from a spreadsheet, planned whole before anything is written.

1. Read the sheet (okrdocs.authoring.spreadsheet) and group its rows into objectives.
2. Match each objective to the project: by ``objective_id``, then by ``source`` (the file export
   read), then by the file it would be written to. An existing objective whose rows say what its
   file says is *unchanged* (re-importing an export changes nothing); one whose values differ is
   *updated* with ``--update`` (with the editor ``checkin`` uses: only the changed values'
   bytes change) and left alone otherwise.
3. Every new objective gets a path no other objective takes (``-2``, ``-3`` … when two map to
   the same name) and is checked as the file it would be.
4. All or nothing: with any problem, nothing is written; when writing fails halfway, the files
   already written are removed and the files already updated restored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from okrdocs.authoring.csvio import Planned, RowError, plan, render_file
from okrdocs.authoring.spreadsheet import Sheet, read_sheet
from okrdocs.config import Config
from okrdocs.i18n import _
from okrdocs.paths import numbered_names


@dataclass(slots=True)
class Update:
    path: Path
    entry: Planned
    changes: list[str]  # "owner: ada -> grace"
    data: bytes = b""  # the new contents, prepared before anything is written


@dataclass(slots=True)
class ImportPlan:
    sheet: Sheet
    create: list[Planned] = field(default_factory=list)
    update: list[Update] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    renamed: dict[Path, Path] = field(default_factory=dict)  # chosen path -> the one it collided


# Fields compared and updated in place: (path in the metadata, label).
_SCALARS = ("objective", "owner", "team", "period", "type", "parent", "score")
_KR_SCALARS = (
    "title", "owner", "type", "baseline", "target", "current", "done", "unit", "definition",
    "weight", "confidence", "score",
)  # fmt: skip


def prepare(
    config: Config, raw: bytes, cwd: Path, skip_existing: bool = False, update: bool = False
) -> ImportPlan:
    """What importing ``raw`` would do; nothing is written. Raises SheetError."""
    from okrdocs.index_cache import content_index
    from okrdocs.workspace import Workspace

    sheet = read_sheet(raw)
    planned, errors = plan(sheet.rows, config.content, config.fiscal, sheet.headers)
    result = ImportPlan(sheet, errors=errors)
    workspace = Workspace(config, date.today(), cwd=cwd)
    headers = (
        content_index(config, use_cache=False).all_headers() if config.content.is_dir() else {}
    )
    by_id = {header.id: rel for rel, header in headers.items() if header.id}
    taken: set[str] = {path.lower() for path in headers}
    for entry in planned:
        existing = _existing_file(config, entry, by_id, headers, workspace)
        if existing is not None:
            if skip_existing:
                result.skipped.append(existing)
                continue
            _compare(workspace, existing, entry, update, result)
            continue
        rel = entry.path.relative_to(config.content).as_posix()
        chosen = _free_name(rel, taken)
        taken.add(chosen.lower())
        if chosen != rel:
            result.renamed[config.content / chosen] = entry.path
            entry.path = config.content / chosen
        loaded = workspace.check_bytes(entry.path, render_file(entry).encode("utf-8"))
        for problem in loaded.diagnostics:
            if problem.severity == "error":
                result.errors.append(RowError(entry.rows[0], problem.message))
        result.create.append(entry)
    result.errors.sort(key=lambda error: error.row)
    return result


def _existing_file(
    config: Config, entry: Planned, by_id: dict[str, str], headers: dict[str, Any], workspace: Any
) -> Path | None:
    """The project's file for this objective: by id, then by the source column, then by path."""
    object_id = entry.metadata.get("id") or (
        entry.path.relative_to(config.content).as_posix()[:-3] if entry.object_id else None
    )
    if entry.object_id and entry.object_id in by_id:
        return config.content / by_id[entry.object_id]
    if object_id and object_id in by_id:
        return config.content / by_id[object_id]
    if entry.source and entry.source in headers:
        return config.content / entry.source
    if entry.object_id:
        return None
    # The same file name (or the name with -2, -3 … that an earlier import or `new` gave the
    # next objective of the same owner and quarter): the same objective only when it says the
    # same thing. A Chinese objective's file is named after its owner and quarter, so the owner
    # and quarter alone would match every objective they have.
    rel = entry.path.relative_to(config.content).as_posix()
    for candidate in numbered_names(rel):
        header = headers.get(candidate)
        if header is None:
            return None
        if (
            header.owner == entry.metadata.get("owner")
            and header.period == entry.metadata.get("period")
            and _objective_text(workspace, config.content / candidate)
            == _normal(str(entry.metadata.get("objective", "")))
        ):
            return config.content / candidate
    return None


def _normal(text: str) -> str:
    return " ".join(text.split())


def _objective_text(workspace: Any, path: Path) -> str | None:
    """The objective an existing file states (None when it cannot be read)."""
    from okrdocs.loader import ReadError, read_bytes

    try:
        raw = read_bytes(path)
    except ReadError:
        return None
    loaded = workspace.check_bytes(path, raw, rules=False)
    objective = loaded.objective or loaded.partial
    return _normal(objective.objective) if objective is not None else None


def _free_name(rel: str, taken: set[str]) -> str:
    """``rel``, or ``rel`` with -2, -3 … before ``.md``, whichever no file takes."""
    return next(name for name in numbered_names(rel) if name.lower() not in taken)


def _compare(workspace: Any, path: Path, entry: Planned, update: bool, result: ImportPlan) -> None:
    """Sort an existing objective into unchanged, update, or an error saying what differs."""
    from okrdocs.authoring.checkin import CheckinError
    from okrdocs.loader import ReadError, read_bytes

    try:
        raw = read_bytes(path)
    except ReadError as error:
        result.errors.append(RowError(entry.rows[0], f"{path}: {error}"))
        return
    loaded = workspace.check_bytes(path, raw)
    if loaded.objective is None:
        result.errors.append(
            RowError(
                entry.rows[0],
                _("{path} cannot be read; fix it first", path=loaded.context.display_path),
            )
        )
        return
    imported = workspace.check_bytes(path, render_file(entry).encode("utf-8"))
    if imported.objective is None:
        problems = [d for d in imported.diagnostics if d.severity == "error"]
        message = problems[0].message if problems else _("the rows do not make a valid objective")
        result.errors.append(RowError(entry.rows[0], message))
        return
    changes, unsupported = _differences(loaded.objective, imported.objective)
    shown = loaded.context.display_path
    if not changes and not unsupported:
        result.unchanged.append(path)
        return
    if unsupported:
        result.errors.append(
            RowError(
                entry.rows[0],
                _(
                    "{path} differs in {fields}, which import cannot change in place; edit the "
                    "file, or remove its rows",
                    path=shown,
                    fields=", ".join(unsupported),
                ),
            )
        )
        return
    if not update:
        result.errors.append(
            RowError(
                entry.rows[0],
                _(
                    "{path} exists and differs ({changes}); use --update to apply the sheet's "
                    "values, or --skip-existing to leave it",
                    path=shown,
                    changes="; ".join(changes),
                ),
            )
        )
        return
    try:
        data = apply_update(raw, loaded.objective, imported.objective, path, workspace)
    except CheckinError as error:
        result.errors.append(RowError(entry.rows[0], error.message))
        return
    result.update.append(Update(path, entry, changes, data))


def _differences(old: Any, new: Any) -> tuple[list[str], list[str]]:
    """(changes import can make in place, what differs that it cannot)."""
    from okrdocs.display import number

    def shown(value: Any) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return number(value, none=_("none"), grouping=False)
        return _("none") if value is None else str(value)

    changes: list[str] = []
    unsupported: list[str] = []
    for name in _SCALARS:
        before, after = _objective_field(old, name), _objective_field(new, name)
        if before != after:
            changes.append(f"{name}: {shown(before)} → {shown(after)}")
    if old.tags != new.tags:
        unsupported.append("tags")
    if old.body.strip() != new.body.strip():
        unsupported.append(_("the body"))
    if [kr.id for kr in old.key_results] != [kr.id for kr in new.key_results]:
        unsupported.append(_("its list of key results"))
        return changes, unsupported
    for before_kr, after_kr in zip(old.key_results, new.key_results, strict=True):
        for name in _KR_SCALARS:
            before, after = _kr_field(before_kr, name), _kr_field(after_kr, name)
            if before != after:
                changes.append(f"{before_kr.id}.{name}: {shown(before)} → {shown(after)}")
        if [(a.title, a.owner, a.due, a.status, a.link) for a in before_kr.actions] != [
            (a.title, a.owner, a.due, a.status, a.link) for a in after_kr.actions
        ]:
            unsupported.append(_("the actions of {id}", id=before_kr.id))
    if [(c.date, c.values, c.confidence, c.note, c.author) for c in old.checkins] != [
        (c.date, c.values, c.confidence, c.note, c.author) for c in new.checkins
    ]:
        unsupported.append(_("check-ins"))
    return changes, unsupported


def _objective_field(objective: Any, name: str) -> Any:
    if name == "period":
        return objective.period.key
    if name == "type":
        return objective.kind
    return getattr(objective, name)  # team: the effective one (declared, else the folder)


def _kr_field(kr: Any, name: str) -> Any:
    if name == "type":
        return kr.kind
    return getattr(kr, name)  # owner and weight: the effective ones


def apply_update(raw: bytes, old: Any, new: Any, path: Path, workspace: Any) -> bytes:
    """The file's bytes with the sheet's scalar values in place; nothing else changes.
    Raises CheckinError when the file cannot be edited safely."""
    from okrdocs.authoring.checkin import CheckinError
    from okrdocs.authoring.edit import Document, apply, child, insert_key, replace_value, scalar

    document = Document.parse(raw)
    edits = []

    def set_field(mapping: Any, key: str, value: Any, after: str | None) -> None:
        pair = child(mapping, key)
        if value is None:
            if pair is not None:
                raise CheckinError(
                    _(
                        "{name}: import does not remove fields ({key}); edit the file",
                        name=path.name,
                        key=key,
                    )
                )
            return
        text = scalar(value)
        if pair is not None:
            edits.append(replace_value(document, pair[1], text))
        else:
            edits.append(insert_key(document, mapping, key, text, after))

    for name in _SCALARS:
        before, after_value = _objective_field(old, name), _objective_field(new, name)
        if before != after_value:
            set_field(document.root, name, after_value, "owner")
    krs_pair = child(document.root, "key_results")
    if krs_pair is not None:
        for index, (before_kr, after_kr) in enumerate(
            zip(old.key_results, new.key_results, strict=True)
        ):
            node = krs_pair[1].value[index]
            for name in _KR_SCALARS:
                before, after_value = _kr_field(before_kr, name), _kr_field(after_kr, name)
                if before != after_value:
                    set_field(node, name, after_value, "title")
    data = apply(document, edits)
    check = workspace.check_bytes(path, data)
    if check.objective is None or _differences(check.objective, new)[0]:
        raise CheckinError(_("{name}: okrdocs could not update this file safely", name=path.name))
    return data


class WriteConflict(Exception):
    """A file the import was to create was created by another command meanwhile."""


def write(result: ImportPlan) -> None:
    """Create and update every planned file; on a failure, undo what was done. Raises
    WriteConflict when a file to create appeared since the plan (nothing is then written)."""
    from okrdocs.fileio import create_new, replace_contents

    created: list[Path] = []
    updated: list[tuple[Path, bytes]] = []
    try:
        for entry in result.create:
            try:
                create_new(entry.path, render_file(entry).encode("utf-8"))
            except FileExistsError:
                raise WriteConflict(
                    _(
                        "{path} was created by another command meanwhile; nothing was written: "
                        "run the import again",
                        path=entry.path,
                    )
                ) from None
            created.append(entry.path)
        for change in result.update:
            original = change.path.read_bytes()
            replace_contents(change.path, change.data)
            updated.append((change.path, original))
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        for path, original in updated:
            replace_contents(path, original)
        raise
