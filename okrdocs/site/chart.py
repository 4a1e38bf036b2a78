"""The check-in history of an objective as a chart: actual progress after each check-in against
the expected line from 0 at the period's start to 100% at its end.

The plot is an inline SVG that stretches to any width (``preserveAspectRatio="none"`` with
strokes that keep their width, and points drawn as round-capped dots, which stay round); the
axis labels are HTML around it, so their text keeps the page's size on a 390-pixel phone as on
a desktop instead of shrinking with the drawing. No script, no external file; it prints, and
colours come from CSS variables (dark mode applies). The chart has a text alternative
(role="img" and a label), and the check-in list beside it carries the same data as text.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from markupsafe import Markup, escape

from okrdocs.analysis import HistoryPoint
from okrdocs.periods import Period

SIZE = 1000  # the plot's coordinates: 0..1000 both ways, stretched to the box CSS gives it
TICKS = (1.0, 0.75, 0.5, 0.25, 0.0)


def _share(day: date, period: Period) -> float:
    span = max((period.end - period.start).days, 1)
    return min(max((day - period.start).days / span, 0.0), 1.0)


def _x(day: date, period: Period) -> float:
    return _share(day, period) * SIZE


def _y(value: float) -> float:
    return (1 - min(max(value, 0.0), 1.0)) * SIZE


_STROKE = 'vector-effect="non-scaling-stroke"'


@lru_cache(maxsize=256)
def _frame(period: Period, as_of: date, label: str, today_label: str) -> tuple[str, str]:
    """Everything but the points (the same for every objective of a period, so drawn once):
    the HTML and SVG before the points, and the HTML after them."""
    axis = "".join(
        f'<span class="chart-tick" style="top: {(1 - tick) * 100:.0f}%">{int(tick * 100)}%</span>'
        for tick in TICKS
    )
    grid = "".join(
        f'<line class="grid" x1="0" y1="{_y(tick):.0f}" x2="{SIZE}" y2="{_y(tick):.0f}" {_STROKE}/>'
        for tick in TICKS
    )
    expected = f'<line class="expected" x1="0" y1="{SIZE}" x2="{SIZE}" y2="0" {_STROKE}/>'
    today = today_text = ""
    if period.contains(as_of):
        x = _x(as_of, period)
        today = f'<line class="today" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{SIZE}" {_STROKE}/>'
        share = _share(as_of, period) * 100
        # Near either end the label would run over the dates: keep it inside.
        today_text = (
            f'<span class="chart-today" style="left: {share:.1f}%">{escape(today_label)}</span>'
            if 12 < share < 88
            else ""
        )
    before = (
        f'<div class="chart" role="img" aria-label="{escape(label)}">'
        f'<div class="chart-y" aria-hidden="true">{axis}</div>'
        f'<div class="chart-area">'
        f'<svg class="chart-plot" viewBox="0 0 {SIZE} {SIZE}" preserveAspectRatio="none" '
        f'aria-hidden="true" focusable="false">{grid}{expected}{today}'
    )
    after = (
        f"</svg>{today_text}</div>"
        f'<div class="chart-x" aria-hidden="true"><span>{period.start.isoformat()}</span>'
        f"<span>{period.end.isoformat()}</span></div></div>"
    )
    return before, after


def history_svg(
    points: list[HistoryPoint], period: Period, as_of: date, label: str, today_label: str
) -> Markup:
    """The chart; ``label`` describes it for screen readers (already translated)."""
    before, after = _frame(period, as_of, label, today_label)
    parts = [before]
    if points:
        coordinates = [(_x(point.day, period), _y(point.progress)) for point in points]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in [(0.0, float(SIZE)), *coordinates])
        parts.append(f'<polyline class="actual" points="{path}" {_STROKE}/>')
        for point, (x, y) in zip(points, coordinates, strict=True):
            tip = f"{point.day.isoformat()}: {point.progress:.0%}"
            if point.note:
                tip += f" — {point.note}"
            parts.append(
                f'<path class="point" d="M{x:.1f} {y:.1f}h0" {_STROKE}>'
                f"<title>{escape(tip)}</title></path>"
            )
    parts.append(after)
    return Markup("".join(parts))
