"""``okrdocs status``: objectives and key results in the terminal, with progress bars.

Colored on a terminal and plain when piped; columns line up for Chinese text too (a CJK
character takes two columns).
"""

from __future__ import annotations

from okrdocs.analysis import Analysis, ObjectiveView
from okrdocs.display import PHASE_WORDS, number, status_style, status_words
from okrdocs.display import percent as display_percent
from okrdocs.i18n import _
from okrdocs.language import display_width
from okrdocs.printable import printable

WIDTH = 16  # characters of bar


class StatusError(Exception):
    """The filters name nothing that exists (a usage error)."""


def select(
    data: Analysis, period: str | None, team: str | None, owner: str | None
) -> list[ObjectiveView]:
    """The objectives ``okrdocs status`` shows: a period (default: every period that contains
    the day, such as this quarter and this year; 'all' for every period), a team (id or name)
    and an owner (of the objective or of a key result). Unknown names are a StatusError."""
    from okrdocs.suggest import Suggester

    chosen = data.objectives
    if period and period.lower() != "all":
        keys = {p.key.upper(): p.key for p in data.periods}
        key = keys.get(period.upper())
        if key is None:
            known = ", ".join(p.key for p in data.periods)
            raise StatusError(
                _(
                    "no objectives in period {period!r} (periods: {known})",
                    period=period,
                    known=known,
                )
            )
        chosen = [o for o in chosen if o.objective.period.key == key]
    elif not period:
        active = {
            p.key for p in data.periods if p.period is not None and p.period.contains(data.as_of)
        }
        if not active and data.current is not None:
            active = {data.current.key}
        chosen = [o for o in chosen if o.objective.period.key in active]
    if team:
        # Accept the id or the display name: people type what they see.
        names = {name for t in data.teams.values() for name in (t.key, t.name)}
        if team not in names:
            listed = ", ".join(sorted(data.teams)) or _("none")
            hint = Suggester(names).hint(team)
            raise StatusError(
                _("no team {team!r}{hint} (teams: {listed})", team=team, hint=hint, listed=listed)
            )
        chosen = [o for o in chosen if team in {o.objective.team, data.team_name(o.objective.team)}]
    if owner:
        names = {name for p in data.people.values() for name in (p.key, p.name)}
        if owner not in names:
            raise StatusError(
                _("no person {owner!r}{hint}", owner=owner, hint=Suggester(names).hint(owner))
            )
        chosen = [
            o
            for o in chosen
            if owner
            in {
                person
                for who in (o.objective.owner, *(k.owner for k in o.objective.key_results))
                for person in (who, data.person_name(who))
            }
        ]
    return chosen


def bar(value: float) -> str:
    """A bar of WIDTH characters in eighths: ███████▍░░░."""
    value = min(max(value, 0.0), 1.0)
    eighths = round(value * WIDTH * 8)
    full, part = divmod(eighths, 8)
    partial = " ▏▎▍▌▋▊▉"[part] if part else ""
    return ("█" * full + partial).ljust(WIDTH, "░")[:WIDTH]


def fit(text: str, width: int) -> str:
    """Pad ``text`` to ``width`` display columns, or cut it with an ellipsis (control
    characters in it are shown as escapes)."""
    text = printable(text)
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
    """A percentage in a column five characters wide."""
    return display_percent(value).rjust(5)


def render(data: Analysis, views: list[ObjectiveView], color: bool, width: int = 100) -> str:
    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if color else text

    def status(value: str) -> str:
        style = status_style(value)
        return paint(f"{style.icon} {status_words(value)}", style.color)

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
        head = f"{key}  {span}  {_(PHASE_WORDS.get(period.phase, period.phase))}"
        if period.phase == "active":
            head += _(", {share} of the time gone", share=display_percent(elapsed))
        if lines:
            lines.append("")
        lines.append(paint(head, "1"))
        teams: dict[str, list[ObjectiveView]] = {}
        for view in by_period[key]:
            teams.setdefault(view.team, []).append(view)
        for team_id in sorted(teams, key=lambda t: data.team_name(t) or "~"):
            lines.append("")
            lines.append(paint(printable(data.team_name(team_id) or _("(no team)")), "1;36"))
            for view in sorted(teams[team_id], key=lambda v: v.attention):
                o = view.objective
                checked = [
                    k.state.days_since_checkin
                    for k in view.krs
                    if k.state.days_since_checkin is not None and k.state.last_checkin
                ]
                fresh = (
                    (
                        _("checked in today")
                        if min(checked) == 0
                        else _("checked in {n} d ago", n=min(checked))
                    )
                    if checked
                    else _("no check-in")
                )
                score = (
                    "  " + _("score {score:.1f}", score=view.state.score)
                    if view.state.phase == "closed" and view.state.score is not None
                    else ""
                )
                meta = printable(f"{data.person_name(o.owner)} · {fresh}{score}")
                lines.append(
                    f"  {fit(o.objective, title_width)} {bar(view.progress)} "
                    f"{percent(view.progress)}  {status(view.status)}  {paint(meta, '2')}"
                )
                for k in view.krs:
                    kr = k.kr
                    if kr.is_milestone:
                        values = _("done") if kr.done else _("not done")
                    else:
                        values = (
                            f"{number(kr.baseline)} → {number(kr.current)} → {number(kr.target)}"
                        )
                        values = f"{values} {kr.unit or ''}".rstrip()
                    progress = (
                        percent(k.state.progress)
                        if k.state.progress is not None
                        else fit(_("no data"), 5)
                    )
                    lines.append(
                        f"      {fit(kr.title, title_width - 4)} {bar(k.state.value)} "
                        f"{progress:>5}  {status(k.state.status)}  {paint(printable(values), '2')}"
                    )
    if not lines:
        lines.append(_("No objectives match."))
    return "\n".join(lines) + "\n"
