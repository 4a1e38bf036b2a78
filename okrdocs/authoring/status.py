"""``okrdocs status``: objectives and key results in the terminal, with progress bars.

Colored on a terminal and plain when piped; columns line up for Chinese text too (a CJK
character takes two columns).
"""

from __future__ import annotations

from okrdocs.language import display_width
from okrdocs.site.data import ObjectiveView, SiteData

ICONS = {
    "on-track": "✓", "delivered": "✓", "at-risk": "!", "progress": "◐", "off-track": "✕",
    "missed": "✕", "stale": "◷", "not-started": "○", "unscored": "?",
}  # fmt: skip
COLORS = {
    "on-track": "32", "delivered": "32", "at-risk": "33", "progress": "33", "off-track": "31",
    "missed": "31", "stale": "90", "not-started": "90", "unscored": "90",
}  # fmt: skip
WIDTH = 16  # characters of bar


def bar(value: float) -> str:
    """A bar of WIDTH characters in eighths: ███████▍░░░."""
    value = min(max(value, 0.0), 1.0)
    eighths = round(value * WIDTH * 8)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    return ("█" * full + partial).ljust(WIDTH, "░")[:WIDTH]


def fit(text: str, width: int) -> str:
    """Pad ``text`` to ``width`` display columns, or cut it with an ellipsis."""
    used = display_width(text)
    if used <= width:
        return text + " " * (width - used)
    out, used = "", 0
    for char in text:
        if used + display_width(char) > width - 1:
            break
        out += char
        used += display_width(char)
    return out + "…" + " " * (width - used - 1)


def percent(value: float | None) -> str:
    return "  –  " if value is None else f"{value * 100:4.0f}%"


def render(data: SiteData, views: list[ObjectiveView], color: bool, width: int = 100) -> str:
    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if color else text

    def status(value: str) -> str:
        return paint(f"{ICONS.get(value, '•')} {value.replace('-', ' ')}", COLORS.get(value, "0"))

    title_width = max(24, width - WIDTH - 40)
    lines: list[str] = []
    by_period: dict[str, list[ObjectiveView]] = {}
    for view in views:
        by_period.setdefault(view.objective.period.key, []).append(view)
    order = {period.key: index for index, period in enumerate(data.periods)}
    for key in sorted(by_period, key=lambda k: order.get(k, 0)):
        period = next(p for p in data.periods if p.key == key)
        assert period.period is not None
        elapsed = period.period.elapsed(data.as_of)
        span = f"{period.period.start.isoformat()} – {period.period.end.isoformat()}"
        head = f"{key}  {span}  {period.phase}"
        if period.phase == "active":
            head += f", {elapsed:.0%} of the time gone"
        if lines:
            lines.append("")
        lines.append(paint(head, "1"))
        teams: dict[str, list[ObjectiveView]] = {}
        for view in by_period[key]:
            teams.setdefault(view.team, []).append(view)
        for team_id in sorted(teams, key=lambda t: data.team_name(t) or "~"):
            lines.append("")
            lines.append(paint(data.team_name(team_id) or "(no team)", "1;36"))
            for view in sorted(teams[team_id], key=lambda v: v.attention):
                o = view.objective
                checked = [k.state.days_since_checkin for k in view.krs if k.state.last_checkin]
                fresh = f"checked in {min(checked)} d ago" if checked else "no check-in"
                score = (
                    f"  score {view.state.score:.1f}"
                    if view.state.phase == "closed" and view.state.score is not None
                    else ""
                )
                meta = f"{data.person_name(o.owner)} · {fresh}{score}"
                lines.append(
                    f"  {fit(o.objective, title_width)} {bar(view.progress)} "
                    f"{percent(view.progress)}  {status(view.status)}  {paint(meta, '2')}"
                )
                for k in view.krs:
                    kr = k.kr
                    if kr.is_milestone:
                        values = "done" if kr.done else "not done"
                    else:
                        values = f"{_n(kr.baseline)} → {_n(kr.current)} → {_n(kr.target)}"
                        values = f"{values} {kr.unit or ''}".rstrip()
                    progress = (
                        percent(k.state.progress) if k.state.progress is not None else "no data"
                    )
                    lines.append(
                        f"      {fit(kr.title, title_width - 4)} {bar(k.state.value)} "
                        f"{progress:>5}  {status(k.state.status)}  {paint(values, '2')}"
                    )
    if not lines:
        lines.append("No objectives match.")
    return "\n".join(lines) + "\n"


def _n(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
