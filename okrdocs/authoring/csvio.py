"""CSV export and import: one row per key result, for spreadsheets and BI tools.

Columns are documented in docs/workflow.md. Exported files are UTF-8 with a byte-order mark, so
Excel opens Chinese text correctly; imported files may have one or not. Export then import gives
the same OKRs: the check-in history and the Markdown body travel in their own columns.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from okrdocs.analysis import Analysis
from okrdocs.authoring.spreadsheet import NAMES, REQUIRED
from okrdocs.display import number as display_number
from okrdocs.i18n import _, _n

COLUMNS = NAMES


def _number(value: float | None) -> str:
    return display_number(value, none="", grouping=False)


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


def rows(data: Analysis) -> list[dict[str, str]]:
    found = []
    for view in data.objectives:
        o = view.objective
        checkins = [
            {
                k: v
                for k, v in (
                    ("date", c.date.isoformat()),
                    ("values", c.values),
                    ("confidence", c.confidence),
                    ("note", c.note),
                    ("author", c.author),
                )
                if v is not None
            }
            for c in o.checkins
        ]
        for k in view.krs:
            kr = k.kr
            actions = "\n".join(
                " | ".join(
                    [
                        a.title,
                        a.owner or "",
                        a.due.isoformat() if a.due else "",
                        a.status if a.status != "todo" else "",  # the default, left out
                        a.link or "",
                    ]
                ).rstrip(" |")
                for a in kr.actions
            )
            found.append(
                {
                    "objective_id": o.id,
                    "objective": o.objective,
                    "owner": o.owner,
                    "team": o.team or "",
                    "period": o.period.key,
                    "type": o.kind or "",
                    "parent": o.parent or "",
                    "tags": "; ".join(o.tags),
                    "objective_score": _number(o.score),
                    "objective_progress": _share(view.progress),
                    "objective_status": view.status,
                    "kr_id": kr.id,
                    "kr_title": kr.title,
                    "kr_owner": kr.owner if kr.owner_declared else "",
                    "kr_type": kr.kind,
                    "baseline": _number(kr.baseline),
                    "target": _number(kr.target),
                    "current": _number(kr.current),
                    "done": "" if kr.done is None else str(kr.done).lower(),
                    "unit": kr.unit or "",
                    "definition": kr.definition or "",
                    "weight": _number(kr.weight) if kr.weight != 1 else "",
                    "confidence": _number(kr.confidence),
                    "kr_score": _number(kr.score),
                    "kr_dropped": kr.dropped.isoformat() if kr.dropped else "",
                    "kr_dropped_reason": kr.dropped_reason or "",
                    "progress": _share(k.state.progress),
                    "status": k.state.status,
                    "last_checkin": k.state.last_checkin.isoformat()
                    if k.state.last_checkin
                    else "",
                    "actions": actions,
                    "checkins": json.dumps(checkins, ensure_ascii=False) if checkins else "",
                    "body": o.body.strip("\n"),
                    "source": o.rel_path,
                }
            )
    return found


# Columns that hold numbers okrdocs wrote (a leading '-' is a sign there, not a formula).
NUMERIC = frozenset(
    (
        "objective_score", "objective_progress", "baseline", "target", "current", "weight",
        "confidence", "kr_score", "progress",
    )
)  # fmt: skip
# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def protect(text: str) -> str:
    """A text cell a spreadsheet shows as text: a leading ' stops it being run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(data: Analysis) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows(data):
        writer.writerow(
            {key: value if key in NUMERIC else protect(value) for key, value in row.items()}
        )
    return buffer.getvalue()


# -- import -------------------------------------------------------------------------------------


@dataclass(slots=True)
class RowError:
    row: int  # 1-based, counting the header as row 1, as spreadsheets do
    message: str


@dataclass(slots=True)
class Planned:
    path: Path
    metadata: dict[str, Any]
    body: str
    rows: list[int] = field(default_factory=list)
    object_id: str | None = None  # the objective_id column
    source: str | None = None  # the source column: the file export read


def _parse_number(
    text: str, column: str, row: int, errors: list[RowError], percent: str = "no"
) -> float | int | None:
    """A cell's number. ``percent``: "value" reads 85% as 85 (a value whose unit is %),
    "fraction" reads 70% as 0.7 (a confidence, a weight), "no" refuses a %."""
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", text.strip()).replace(",", "")
    if not cleaned:
        return None
    divide = False
    if cleaned.endswith("%") and percent != "no":
        cleaned = cleaned[:-1].strip()
        divide = percent == "fraction"
    try:
        value = float(cleaned)
    except ValueError:
        errors.append(
            RowError(row, _("{column} {text!r} is not a number", column=column, text=text))
        )
        return None
    if divide:
        return value / 100
    return int(value) if value.is_integer() and "." not in cleaned else value


# Spreadsheet words for the values okrdocs writes in English (what people type in a Chinese sheet).
_KINDS = {"metric": "metric", "milestone": "milestone", "指标": "metric", "指標": "metric",
          "里程碑": "milestone"}  # fmt: skip
_TRUE = frozenset(
    ["true", "yes", "y", "1", "是", "对", "對", "完成", "已完成", "达成", "達成", "✓", "√"]
)
_FALSE = frozenset(["false", "no", "n", "0", "否", "未完成", "未达成", "未達成", "✗", "×"])
_CN_QUARTERS = {"一": "1", "二": "2", "三": "3", "四": "4"}


def normal_period(text: str) -> str:
    """A period as people write it in a Chinese sheet, in okrdocs' form: 2026年Q4, 2026年第四季度
    -> 2026-Q4; 2026年上半年 -> 2026-H1; 2026年3月 -> 2026-03; 2026年 -> 2026. Anything
    else as it is."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFKC", text.strip())
    found = re.fullmatch(r"(\d{4})\s*年?\s*(?:[Qq]\s*([1-4])|第?\s*([一二三四1-4])\s*季度?)", text)
    if found:
        quarter = found[2] or _CN_QUARTERS.get(found[3], found[3])
        return f"{found[1]}-Q{quarter}"
    found = re.fullmatch(r"(\d{4})\s*年?\s*(上|下)半年", text)
    if found:
        return f"{found[1]}-{'H1' if found[2] == '上' else 'H2'}"
    found = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?", text)
    if found and 1 <= int(found[2]) <= 12:
        return f"{found[1]}-{int(found[2]):02d}"
    found = re.fullmatch(r"(\d{4})\s*年(?:度)?", text)
    return found[1] if found else text


def plan(
    rows_: list[dict[str, str]],
    content: Path,
    fiscal: Any,
    headers: dict[str, str] | None = None,
) -> tuple[list[Planned], list[RowError]]:
    """Objective files to create, grouping rows by objective, and every problem by row.
    ``headers``: the sheet's own column headers, which messages name."""
    from okrdocs.authoring.new import default_path
    from okrdocs.paths import slug_path
    from okrdocs.periods import PeriodError, parse_period

    written = headers or {}

    def shown(name: str) -> str:  # a column as the sheet's header names it (基线, 目标值)
        return written.get(name, name)

    errors: list[RowError] = []
    planned: dict[str, Planned] = {}
    for number, row in enumerate(rows_, start=2):
        if not row or not any(value.strip() for value in row.values()):
            continue  # a blank row
        if row.get("period"):
            row = {**row, "period": normal_period(row["period"])}
        missing = [c for c in REQUIRED if not row.get(c, "").strip()]
        if missing:
            errors.append(
                RowError(
                    number,
                    _n(
                        "{columns} is empty",
                        "{columns} are empty",
                        len(missing),
                        columns=", ".join(shown(name) for name in missing),
                    ),
                )
            )
            continue
        try:
            parse_period(row["period"].strip(), fiscal)
        except PeriodError as error:
            errors.append(RowError(number, str(error)))
            continue
        if row.get("type", "").strip() not in ("", "committed", "aspirational"):
            errors.append(
                RowError(
                    number,
                    _("type {value!r} must be committed or aspirational", value=row["type"]),
                )
            )
            continue
        team = row.get("team", "").strip() or None
        key = (
            row.get("objective_id", "").strip()
            or f"{row['objective'].strip()}\0{row['owner'].strip()}\0{row['period'].strip()}"
        )
        entry = planned.get(key)
        if entry is None:
            object_id = row.get("objective_id", "").strip()
            source = row.get("source", "").strip()
            if source.endswith(".md") and slug_path(source[:-3]) + ".md" == source:
                rel = source  # where export read it: the file goes back to the same place
            elif object_id:
                rel = slug_path(object_id) + ".md"
            else:
                path = default_path(content, team, row["period"], row["objective"], row["owner"])
                rel = path.relative_to(content).as_posix()
            metadata: dict[str, Any] = {}
            if object_id and object_id != rel[:-3]:
                metadata["id"] = object_id
            metadata["objective"] = row["objective"].strip()
            metadata["owner"] = row["owner"].strip()
            default_team = rel.split("/")[0] if "/" in rel else None
            if team and team != default_team:
                metadata["team"] = team
            metadata["period"] = row["period"].strip()
            if row.get("type", "").strip():
                metadata["type"] = row["type"].strip()
            if row.get("parent", "").strip():
                metadata["parent"] = row["parent"].strip()
            tags = [t.strip() for t in row.get("tags", "").split(";") if t.strip()]
            if tags:
                metadata["tags"] = tags
            metadata["key_results"] = []
            checkins_text = row.get("checkins", "").strip()
            if checkins_text:
                try:
                    metadata["checkins"] = json.loads(checkins_text)
                except json.JSONDecodeError:
                    errors.append(
                        RowError(number, _("checkins is not the JSON okrdocs export writes"))
                    )
            score = _parse_number(
                row.get("objective_score", ""), shown("objective_score"), number, errors
            )
            if score is not None:
                metadata["score"] = score
            entry = Planned(
                content / rel,
                metadata,
                row.get("body", "").strip("\n"),
                object_id=object_id or None,
                source=row.get("source", "").strip() or None,
            )
            planned[key] = entry
        entry.rows.append(number)
        entry.metadata["key_results"].append(_key_result(row, number, errors, shown))
    for entry in planned.values():
        # Keys in the order okrdocs writes them; the score of the objective comes last.
        if "checkins" in entry.metadata:
            entry.metadata["checkins"] = entry.metadata.pop("checkins")
        if "score" in entry.metadata:
            entry.metadata["score"] = entry.metadata.pop("score")
    return list(planned.values()), errors


def _key_result(
    row: dict[str, str], number: int, errors: list[RowError], shown: Callable[[str], str]
) -> dict[str, Any]:
    kr: dict[str, Any] = {}
    if row.get("kr_id", "").strip():
        kr["id"] = row["kr_id"].strip()
    kr["title"] = row["kr_title"].strip()
    if row.get("kr_owner", "").strip():
        kr["owner"] = row["kr_owner"].strip()
    kind = row.get("kr_type", "").strip()
    if _KINDS.get(kind.lower()) == "milestone":
        kr["type"] = "milestone"
    elif kind and kind.lower() not in _KINDS:
        errors.append(
            RowError(
                number,
                _(
                    "{column} {value!r} must be metric or milestone",
                    column=shown("kr_type"),
                    value=kind,
                ),
            )
        )
    unit = row.get("unit", "").strip()
    # A % after a value is its unit (checkin reads kr=85% the same way), when the unit is % or
    # left empty; then the unit becomes %.
    values_in_percent = unit in ("", "%") and any(
        row.get(column, "").strip().endswith(("%", "％"))
        for column in ("baseline", "target", "current")
    )
    for column in ("baseline", "target", "current"):
        percent = "value" if values_in_percent else "no"
        value = _parse_number(row.get(column, ""), shown(column), number, errors, percent)
        if value is not None:
            kr[column] = value
    done = row.get("done", "").strip().lower()
    if done in _TRUE or done in _FALSE:
        kr["done"] = done in _TRUE
    elif done:
        errors.append(
            RowError(
                number,
                _(
                    "{column} {value!r} must be true or false",
                    column=shown("done"),
                    value=row["done"],
                ),
            )
        )
    if values_in_percent and not unit:
        row = {**row, "unit": "%"}
    for column in ("unit", "definition"):
        if row.get(column, "").strip():
            kr[column] = row[column].strip()
    for column, key in (("weight", "weight"), ("confidence", "confidence"), ("kr_score", "score")):
        value = _parse_number(row.get(column, ""), shown(column), number, errors, "fraction")
        if value is not None:
            kr[key] = value
    for column, key in (("kr_dropped", "dropped"), ("kr_dropped_reason", "dropped_reason")):
        if row.get(column, "").strip():
            kr[key] = row[column].strip()
    actions = []
    for line in row.get("actions", "").splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        action: dict[str, Any] = {"title": parts[0]}
        for name, part in zip(("owner", "due", "status", "link"), parts[1:], strict=False):
            if part:
                action[name] = part
        actions.append(action)
    if actions:
        kr["actions"] = actions
    return kr


def render_file(entry: Planned) -> str:
    from okrdocs.authoring.new import file_text

    return file_text(entry.metadata, entry.body)
