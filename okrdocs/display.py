"""How numbers and statuses are shown, the same way in the terminal, the site, diff and CSV.

One number formatter (``number``, ``percent``, ``with_unit``) and one status table (icon,
terminal colour, words, severity order); every renderer reads these.
"""

from __future__ import annotations

from typing import NamedTuple

from okrdocs import progress as p
from okrdocs.i18n import N_, _


class StatusStyle(NamedTuple):
    icon: str
    color: str  # ANSI SGR code for terminals
    words: str  # in running text (English source; shown translated)


STATUSES: dict[str, StatusStyle] = {
    p.ON_TRACK: StatusStyle("✓", "32", N_("on track")),
    p.DELIVERED: StatusStyle("✓", "32", N_("delivered")),
    p.AT_RISK: StatusStyle("!", "33", N_("at risk")),
    p.PROGRESS: StatusStyle("◐", "33", N_("partly met")),
    p.OFF_TRACK: StatusStyle("✕", "31", N_("off track")),
    p.MISSED: StatusStyle("✕", "31", N_("missed")),
    p.STALE: StatusStyle("◷", "90", N_("stale")),
    p.NOT_STARTED: StatusStyle("○", "90", N_("not started")),
    p.UNSCORED: StatusStyle("?", "90", N_("unscored")),
    p.DROPPED: StatusStyle("–", "90", N_("dropped")),
}
UNKNOWN_STATUS = StatusStyle("•", "0", "")

# A period's phase in running text ("2026-Q4 … active, 63% of the time gone").
PHASE_WORDS = {"active": N_("active"), "closed": N_("closed"), "upcoming": N_("upcoming")}

# The words for the codes the files and the model use, as headings and badges show them:
# statuses, period phases, objective types, action statuses. The site's translator turns a
# code into its label before translating, so no page shows a raw code.
LABELS: dict[str, str] = {
    p.ON_TRACK: N_("On track"),
    p.AT_RISK: N_("At risk"),
    p.OFF_TRACK: N_("Off track"),
    p.STALE: N_("Stale"),
    p.NOT_STARTED: N_("Not started"),
    p.DELIVERED: N_("Delivered"),
    p.PROGRESS: N_("Partly met"),
    p.MISSED: N_("Missed"),
    p.UNSCORED: N_("Unscored"),
    p.DROPPED: N_("Dropped"),
    "active": N_("Active"),
    "closed": N_("Closed"),
    "upcoming": N_("Upcoming"),
    "committed": N_("Committed"),
    "aspirational": N_("Aspirational"),
    "todo": N_("To do"),
    "doing": N_("In progress"),
    "done": N_("Done"),
}


def status_style(status: str) -> StatusStyle:
    return STATUSES.get(status, UNKNOWN_STATUS)


def status_words(status: str | None) -> str:
    """A status in running text, in the current language: "on track", "正常"."""
    if status is None:
        return _("none")
    words = status_style(status).words
    return _(words) if words else status.replace("-", " ")


def number(value: float | bool | None, none: str = "–", grouping: bool = True) -> str:
    """1,234 · 0.5 · 12.25 (at most two decimals); ``none`` for no value.

    Without ``grouping`` (CSV, values read back by programs) there are no thousands
    separators and the exact value is kept.
    """
    if value is None:
        return none
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}" if grouping else str(value)
    if value.is_integer() and abs(value) < 1e16:
        return f"{int(value):,}" if grouping else str(int(value))
    if not grouping:
        return repr(value)
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent(value: float | None, none: str = "–") -> str:
    """A share as a whole percentage: 0.456 -> 46%."""
    if value is None:
        return none
    text = f"{value * 100:.0f}%"
    return "0%" if text == "-0%" else text  # a hair below zero is not "minus nothing"


def percent_change(value: float) -> str:
    """A change in progress, in percentage points with a sign: +4%, −3%, ±0%."""
    points = round(value * 100)
    if points == 0:
        return "±0%"
    return f"+{points}%" if points > 0 else f"−{-points}%"


def with_unit(value: float | None, unit: str | None, none: str = "–") -> str:
    """880 万元 · 45% · 1,200 teams."""
    text = number(value, none)
    if value is None or not unit:
        return text
    if unit in ("%", "‰"):
        return f"{text}{unit}"
    return f"{text} {unit}"
