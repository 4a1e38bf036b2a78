"""Text made safe to print on a terminal or in a log.

Its own module, not a part of okrdocs.display: the lint formatters need only this, and
display's status tables import the progress model (a few milliseconds on every pre-commit run).
"""

from __future__ import annotations

import re

from okrdocs.lazyre import Lazy

# Characters that must never reach a terminal or a log as they are: C0 and C1 controls (an
# escape sequence can retitle a terminal, a newline can forge a diagnostic for another file),
# Unicode line and paragraph separators, and bidirectional overrides ("Trojan source").
_UNPRINTABLE = Lazy("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes (\\x1b, \\u2028): safe to print."""
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(_escape, text)
