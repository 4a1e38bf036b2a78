"""The check-in history of an objective as an inline SVG chart: actual progress after each
check-in against the expected line from 0 at the period's start to 100% at its end.

Inline SVG needs no script and no external file, prints, and scales with the page. Colours come
from CSS variables, so dark mode applies; the chart has a text alternative (role="img" and a
description), and the check-in list beside it carries the same data as text.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from markupsafe import Markup, escape

from okrdocs.analysis import HistoryPoint
from okrdocs.periods import Period

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 14, 30


def _x(day: date, period: Period) -> float:
    span = max((period.end - period.start).days, 1)
    share = min(max((day - period.start).days / span, 0.0), 1.0)
    return LEFT + share * (WIDTH - LEFT - RIGHT)


def _y(value: float) -> float:
    value = min(max(value, 0.0), 1.0)
    return TOP + (1 - value) * (HEIGHT - TOP - BOTTOM)


@lru_cache(maxsize=256)
def _frame(period: Period, as_of: date, label: str, today_label: str) -> str:
    """Everything but the points: the same for every objective of a period, so drawn once."""
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(label)}</title>",
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = _y(tick)
        parts.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{int(tick * 100)}%</text>"
        )
    parts.append(
        f'<text class="axis" x="{LEFT}" y="{HEIGHT - 8}">{period.start.isoformat()}</text>'
        f'<text class="axis" x="{WIDTH - RIGHT}" y="{HEIGHT - 8}" text-anchor="end">'
        f"{period.end.isoformat()}</text>"
    )
    # Expected progress: a straight line over the period.
    parts.append(
        f'<line class="expected" x1="{_x(period.start, period):.1f}" y1="{_y(0):.1f}" '
        f'x2="{_x(period.end, period):.1f}" y2="{_y(1):.1f}"/>'
    )
    if period.contains(as_of):
        x = _x(as_of, period)
        parts.append(
            f'<line class="today" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{HEIGHT - BOTTOM}"/>'
            f'<text class="axis" x="{x:.1f}" y="{TOP - 3}" text-anchor="middle">'
            f"{escape(today_label)}</text>"
        )
    return "".join(parts)


def history_svg(
    points: list[HistoryPoint], period: Period, as_of: date, label: str, today_label: str
) -> Markup:
    """The chart; ``label`` describes it for screen readers (already translated)."""
    parts = [_frame(period, as_of, label, today_label)]
    if points:
        coordinates = [(_x(point.day, period), _y(point.progress)) for point in points]
        start = (_x(period.start, period), _y(0))
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in [start, *coordinates])
        parts.append(f'<polyline class="actual" points="{path}"/>')
        for point, (x, y) in zip(points, coordinates, strict=True):
            tip = f"{point.day.isoformat()}: {point.progress:.0%}"
            if point.note:
                tip += f" — {point.note}"
            parts.append(
                f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4">'
                f"<title>{escape(tip)}</title></circle>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
