"""The diff report as text (a terminal), Markdown (a pull-request comment) or JSON (tools)."""

from __future__ import annotations

import json
from typing import Any

from okrdocs.diff.compare import Change, DiffReport, ObjectiveDiff, percent
from okrdocs.display import status_words
from okrdocs.i18n import N_, _, _n
from okrdocs.printable import printable

COMMENT_MARKER = "<!-- okrdocs-diff -->"
_MARK = {"added": "+", "removed": "-", "changed": "~", "moved": ">", "unreadable": "!"}
_COLOR = {
    "added": "\033[32m",
    "removed": "\033[31m",
    "changed": "\033[33m",
    "moved": "\033[36m",
    "unreadable": "\033[31m",
}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"
_NOTE = {
    "less-ambitious": "\033[31m",
    "history-rewritten": "\033[31m",
    "more-ambitious": "\033[32m",
}


# How many objectives were added, changed... (the objectives' diff status, in words).
_COUNTED = {
    "added": N_("{n} added"),
    "changed": N_("{n} changed"),
    "moved": N_("{n} moved"),
    "removed": N_("{n} removed"),
    "unreadable": N_("{n} unreadable"),
}


def summary(report: DiffReport) -> str:
    counts = report.counts()
    if not counts:
        return _(
            "No OKR changes between {old} and {new}.", old=report.old_label, new=report.new_label
        )
    parts = [_(_COUNTED.get(status, "{n} " + status), n=n) for status, n in sorted(counts.items())]
    return _n(
        "{n} objective changed between {old} and {new}: {counts}.",
        "{n} objectives changed between {old} and {new}: {counts}.",
        sum(counts.values()),
        old=report.old_label,
        new=report.new_label,
        counts=_(", ").join(parts),
    )


def _line(change: Change) -> str:
    return f"{change.kr}: {change.message}" if change.kr else change.message


def text(report: DiffReport, color: bool = False) -> str:
    def paint(value: str, style: str) -> str:
        return f"{style}{value}{_RESET}" if color else value

    lines = [summary(report)]
    for objective in report.changed:
        lines.append("")
        where = objective.new_path or objective.old_path
        # Titles and messages quote what users wrote: control characters are escaped.
        head = f"{_MARK[objective.status]} {printable(objective.id)}"
        head = paint(head, _COLOR[objective.status] + _BOLD)
        place = paint(f"({printable(where or '')})", _DIM)
        lines.append(f"{head}  {printable(objective.title)}  {place}")
        for change in objective.changes:
            style = next((_NOTE[tag] for tag in change.tags if tag in _NOTE), "")
            line = printable(_line(change))
            lines.append("    " + (paint(line, style) if style else line))
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text safe inside Markdown: no HTML, tables or emphasis from user content."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\n", " ")


def _status(status: str | None) -> str:
    return status_words(status) if status else ""


def _numbers(objective: ObjectiveDiff) -> str:
    if objective.status == "added":
        return _(
            "{progress}, {status}",
            progress=percent(objective.new_progress),
            status=_status(objective.new_status),
        )
    if objective.status == "removed":
        return "–"
    if objective.old_progress is None:
        return "–"
    progress = percent(objective.new_progress)
    if percent(objective.old_progress) != progress:
        progress = f"{percent(objective.old_progress)} → {progress}"
    status = _status(objective.new_status)
    if objective.old_status != objective.new_status:
        status = f"{_status(objective.old_status)} → {status}"
    return _("{progress}, {status}", progress=progress, status=status)


def markdown(report: DiffReport) -> str:
    """A pull-request comment: a summary table, then the details of each objective folded."""
    # The marker lets CI find its earlier comment and update it instead of adding another.
    lines = [COMMENT_MARKER, _("## OKR changes"), "", _md(summary(report))]
    changed = report.changed
    if not changed:
        return "\n".join(lines) + "\n"
    flagged = [
        c
        for o in changed
        for c in o.changes
        if set(c.tags) & {"less-ambitious", "history-rewritten"}
    ]
    if flagged:
        lines += [
            "",
            _n(
                "**Review:** {n} change lowers ambition or rewrites history (marked ⚠️ below).",
                "**Review:** {n} changes lower ambition or rewrite history (marked ⚠️ below).",
                len(flagged),
            ),
        ]
    lines += ["", _("| | objective | changes | progress, status |"), "|---|---|---:|---|"]
    for objective in changed:
        lines.append(
            f"| {_MARK[objective.status]} | **{_md(objective.title)}**<br>`{_md(objective.id)}` "
            f"| {len(objective.changes)} | {_md(_numbers(objective))} |"
        )
    for objective in changed:
        lines += [
            "",
            "<details>",
            f"<summary>{_MARK[objective.status]} {_md(objective.title)} "
            f"(<code>{_md(objective.id)}</code>)</summary>",
            "",
        ]
        for change in objective.changes:
            warn = "⚠️ " if set(change.tags) & {"less-ambitious", "history-rewritten"} else ""
            lines.append(f"- {warn}{_md(_line(change))}")
        lines += ["", "</details>"]
    lines += ["", _("<sub>Generated by `okrdocs diff`.</sub>")]
    return "\n".join(lines) + "\n"


def as_json(report: DiffReport) -> str:
    def change(c: Change) -> dict[str, Any]:
        return {
            "kind": c.kind,
            "kr": c.kr,
            "message": c.message,
            "old": c.old,
            "new": c.new,
            "tags": list(c.tags),
        }

    data = {
        "old": report.old_label,
        "new": report.new_label,
        "as_of": report.as_of.isoformat(),
        "summary": summary(report),
        "objectives": [
            {
                "id": o.id,
                "status": o.status,
                "title": o.title,
                "old_path": o.old_path,
                "new_path": o.new_path,
                "old_progress": o.old_progress,
                "new_progress": o.new_progress,
                "old_status": o.old_status,
                "new_status": o.new_status,
                "changes": [change(c) for c in o.changes],
            }
            for o in report.changed
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
