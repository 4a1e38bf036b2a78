"""Progress over time as a chart: an objective's progress after each check-in (with one line
per key result and the confidence of each check-in), or a team's or period's mean progress
week by week, against the expected line from 0 at the period's start to 100% at its end.

The plot is an inline SVG that stretches to any width (``preserveAspectRatio="none"`` with
strokes that keep their width, and points drawn as round-capped dots, which stay round); the
axis labels are HTML around it, so their text keeps the page's size on a 390-pixel phone as on
a desktop instead of shrinking with the drawing. No script, no external file; it prints, and
colours come from CSS variables (dark mode applies). The chart has a text alternative
(role="img" and a label), and the check-in list beside it carries the same data as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from okrdocs import progress as p
from okrdocs.analysis import HistoryPoint, ObjectiveView
from okrdocs.display import percent
from okrdocs.periods import Period

SIZE = 1000  # the plot's coordinates: 0..1000 both ways, stretched to the box CSS gives it
TICKS = (1.0, 0.75, 0.5, 0.25, 0.0)
KR_STYLES = 6  # key result lines cycle through this many colours and dash patterns (CSS)


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


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a chart: a CSS class, its points and a tooltip for each point (points
    with a tooltip are drawn as dots)."""

    css: str
    points: list[tuple[date, float]]
    tips: list[str] | None = None
    from_zero: bool = False  # starts at 0 on the period's first day


def _line(line: Line, period: Period) -> str:
    start, span = period.start, max((period.end - period.start).days, 1)
    coordinates = [
        (
            min(max((day - start).days / span, 0.0), 1.0) * SIZE,
            (1 - min(max(value, 0.0), 1.0)) * SIZE,
        )
        for day, value in line.points
    ]
    drawn = [(0.0, float(SIZE)), *coordinates] if line.from_zero else coordinates
    parts = []
    if len(drawn) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in drawn)
        parts.append(f'<polyline class="{line.css}" points="{path}" {_STROKE}/>')
    if line.tips is not None:
        for tip, (x, y) in zip(line.tips, coordinates, strict=True):
            # The objective's own check-ins are the chart's points; other lines' are dots.
            css = "point" if line.css == "actual" else f"dot {line.css}-dot"
            parts.append(
                f'<path class="{css}" d="M{x:.1f} {y:.1f}h0" {_STROKE}>'
                f"<title>{escape(tip)}</title></path>"
            )
    return "".join(parts)


def chart(lines: list[Line], period: Period, as_of: date, label: str, today_label: str) -> str:
    """The chart's HTML (lines drawn in order, the last on top)."""
    before, after = _frame(period, as_of, label, today_label)
    return before + "".join(_line(line, period) for line in lines) + after


def _legend(items: list[tuple[str, str, str]]) -> str:
    """The legend: (CSS class, text, lang attribute) per line."""
    return (
        '<figcaption class="legend">'
        + "".join(
            # A key result's title may be cut short to fit: the whole of it on hover.
            f'<span class="legend-item {css}"{lang}'
            + (f' title="{escape(text)}"' if "legend-kr" in css else "")
            + f'><span class="swatch" aria-hidden="true"></span>{escape(text)}</span>'
            for css, text, lang in items
        )
        + "</figcaption>"
    )


def objective_chart(
    view: ObjectiveView,
    points: list[HistoryPoint],
    as_of: date,
    t: Callable[..., str],
    lang: Callable[[str], str] = lambda text: "",
) -> Markup:
    """An objective's history: its progress after each check-in (dots with the note), one
    thinner line per key result, the confidence given at each check-in (0-100% on the same
    axis) and the expected line; a legend names each line."""
    objective = view.objective
    period = objective.period
    checkins = sorted(objective.checkins, key=lambda c: c.date)
    lines: list[Line] = []
    legend: list[tuple[str, str, str]] = [
        ("legend-actual", t("Progress"), ""),
        ("legend-expected", t("Expected"), ""),
    ]
    for index, kr in enumerate(
        (kr for kr in objective.key_results if not kr.dropped_by(as_of)), start=0
    ):
        values: list[tuple[date, float]] = []
        latest: Any = None
        for checkin in checkins:
            if kr.id in checkin.values:
                latest = checkin.values[kr.id]
            if latest is not None:
                values.append((checkin.date, p.rollup_value(p.value_progress(kr, latest))))
        if not values:
            continue
        style = f"kr-{index % KR_STYLES + 1}"
        lines.append(Line(f"kr-line {style}", values, from_zero=True))
        legend.append((f"legend-kr {style}", kr.title, lang(kr.title)))
    confidence = [(c.date, c.confidence) for c in checkins if c.confidence is not None]
    if confidence:
        tips = [
            f"{day.isoformat()}: {t('Confidence')} {percent(value)}" for day, value in confidence
        ]
        lines.append(Line("confidence", confidence, tips))
        legend.append(("legend-confidence", t("Confidence"), ""))
    tips = []
    for point in points:
        tip = f"{point.day.isoformat()}: {point.progress:.0%}"
        if point.note:
            tip += f" — {point.note}"
        tips.append(tip)
    lines.append(Line("actual", [(point.day, point.progress) for point in points], tips, True))
    label = t("Progress over time: actual progress after each check-in against the expected line")
    return Markup(chart(lines, period, as_of, label, t("today")) + _legend(legend))


def trend_chart(
    series: list[tuple[date, float]], period: Period, as_of: date, t: Callable[..., str]
) -> Markup:
    """Mean progress week by week (a team's or a period's objectives) against the expected
    line; the label reads the first and last values for screen readers."""
    if not series:
        return Markup("")
    (first_day, first), (last_day, last) = series[0], series[-1]
    label = t(
        "Progress over time, week by week: {start} on {first_day}, {end} on {last_day}",
        start=percent(first),
        first_day=first_day.isoformat(),
        end=percent(last),
        last_day=last_day.isoformat(),
    )
    tips = [f"{day.isoformat()}: {percent(value)}" for day, value in series]
    html = chart([Line("actual", series, tips)], period, as_of, label, t("today"))
    legend = _legend([("legend-actual", t("Progress"), ""), ("legend-expected", t("Expected"), "")])
    return Markup(html + legend)
