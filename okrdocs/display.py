"""How numbers and statuses are shown, the same way in the terminal, the site, diff and CSV.

One number formatter (``number``, ``percent``, ``with_unit``) and one status table (icon,
terminal colour, words, severity order); every renderer reads these.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from okrdocs import progress as p

# Characters that must never reach a terminal or a log as they are: C0 and C1 controls (an
# escape sequence can retitle a terminal, a newline can forge a diagnostic for another file),
# Unicode line and paragraph separators, and bidirectional overrides ("Trojan source").
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes (\\x1b, \\u2028): safe to print."""
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(_escape, text)


class StatusStyle(NamedTuple):
    icon: str
    color: str  # ANSI SGR code for terminals
    words: str  # plain English words, as the terminal shows them


STATUSES: dict[str, StatusStyle] = {
    p.ON_TRACK: StatusStyle("✓", "32", "on track"),
    p.DELIVERED: StatusStyle("✓", "32", "delivered"),
    p.AT_RISK: StatusStyle("!", "33", "at risk"),
    p.PROGRESS: StatusStyle("◐", "33", "progress"),
    p.OFF_TRACK: StatusStyle("✕", "31", "off track"),
    p.MISSED: StatusStyle("✕", "31", "missed"),
    p.STALE: StatusStyle("◷", "90", "stale"),
    p.NOT_STARTED: StatusStyle("○", "90", "not started"),
    p.UNSCORED: StatusStyle("?", "90", "unscored"),
}
UNKNOWN_STATUS = StatusStyle("•", "0", "")


def status_style(status: str) -> StatusStyle:
    return STATUSES.get(status, UNKNOWN_STATUS)


def status_words(status: str | None) -> str:
    if status is None:
        return "none"
    return status_style(status).words or status.replace("-", " ")


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
    return none if value is None else f"{value * 100:.0f}%"


def with_unit(value: float | None, unit: str | None, none: str = "–") -> str:
    """880 万元 · 45% · 1,200 teams."""
    text = number(value, none)
    if value is None or not unit:
        return text
    if unit in ("%", "‰"):
        return f"{text}{unit}"
    return f"{text} {unit}"
