"""HTML that pages repeat many times, written in Python rather than as Jinja macros.

A Jinja macro call costs about ten times a Python call, and an objective page repeats a key
result card, progress bars and badges dozens of times; on a ten-thousand-objective site that
is most of the build. Every value is escaped here. Templates call these as globals
(``kr_card(k, data, root, active)``), and a theme that wants different markup overrides the template
block around the call with its own loop over the same view objects.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from okrdocs.display import number, percent, status_style, with_unit
from okrdocs.i18n import script_language
from okrdocs.progress import SEVERITY
from okrdocs.site.markdown import is_safe_link

__all__ = ["Widgets", "esc", "number", "percent", "quoted", "with_unit"]


@lru_cache(maxsize=65536)
def quoted(path: str) -> str:
    """A site path as a URL path: percent-encoded, keeping the separators."""
    return quote(path, safe="/#?=&")


def _string_escaper() -> Callable[[str], str]:
    """HTML escaping that returns a plain string.

    markupsafe's ``escape`` wraps every result in a Markup object, and creating one costs ten
    times the escaping itself; these helpers escape hundreds of values per page and mark only
    the finished fragment as safe. markupsafe's C routine is used when it is there and behaves
    as expected, else the standard library's.
    """
    try:
        from markupsafe._speedups import _escape_inner

        if _escape_inner("<&>\"'") == "&lt;&amp;&gt;&#34;&#39;":
            return _escape_inner
    except (ImportError, TypeError):  # pragma: no cover - markupsafe without its C speedups
        pass
    import html

    return html.escape  # pragma: no cover


_escape_string = _string_escaper()


def esc(value: Any) -> str:
    """``value`` as escaped HTML text (a plain string)."""
    if type(value) is str:
        return _escape_string(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return _escape_string(str(value))


def _by_severity(item: tuple[str, int]) -> tuple[int, str]:
    """Status counts, most worrying first: off track before at risk before on track."""
    return (-SEVERITY.get(item[0], 0), item[0])


class Widgets:
    """Python helpers for the HTML that pages repeat: progress bars, status badges, lists of
    objectives, key result cards, check-in lists. Each returns Markup; values are escaped
    here, and translated labels are escaped once per build."""

    def __init__(self, t: Callable[..., str], language: str = "en") -> None:
        self.t = t
        self.language = language
        self._labels: dict[str, str] = {}
        self._badges: dict[str, str] = {}

    def lang(self, text: str) -> str:
        """`` lang="…"`` for text written in another script than the page's language (a
        Chinese title on an English site), so that screen readers and fonts get it right."""
        written = script_language(text)
        return f' lang="{written}"' if written and written != self.language else ""

    def label(self, text: str) -> str:
        """``t(text)``, escaped: the same few labels appear on every page."""
        label = self._labels.get(text)
        if label is None:
            label = self._labels[text] = esc(self.t(text))
        return label

    # -- small pieces -------------------------------------------------------------------------

    def status_badge(self, status: str) -> Markup:
        return Markup(self._badge(status))

    def _badge(self, status: str) -> str:
        badge = self._badges.get(status)
        if badge is None:
            icon = status_style(status).icon
            badge = self._badges[status] = (
                f'<span class="status status-{esc(status)}"><span class="status-icon" '
                f'aria-hidden="true">{icon}</span>{self.label(status)}</span>'
            )
        return badge

    def progress_bar(
        self,
        value: float | None,
        label: str,
        expected: float | None = None,
        status: str | None = None,
        exceeded: bool = False,
        no_data: bool = False,
    ) -> Markup:
        return Markup(self._bar(value, esc(label), expected, status, exceeded, no_data))

    def _bar(
        self,
        value: float | None,
        label: str,  # escaped
        expected: float | None = None,
        status: str | None = None,
        exceeded: bool = False,
        no_data: bool = False,
    ) -> str:
        shown = min(max(value or 0.0, 0.0), 1.0)
        classes = f"progress progress-{esc(status)}" if status else "progress"
        valuetext = f' aria-valuetext="{self.label("no data")}"' if no_data else ""
        marker = ""
        if expected is not None:
            where = min(max(expected, 0.0), 1.0) * 100
            marker = (
                f'<div class="progress-expected" style="left: {where:.1f}%" '
                f'title="{self.label("Expected")} {percent(expected)}"></div>'
            )
        if no_data:
            text = self.label("no data")
        else:
            text = percent(value) + (f" · {self.label('exceeded')}" if exceeded else "")
        return (
            f'<div class="{classes}" role="progressbar" aria-label="{label}" '
            f'aria-valuemin="0" aria-valuemax="100" aria-valuenow="{round(shown * 100)}"'
            f"{valuetext}>"
            f'<div class="progress-track"><div class="progress-fill" '
            f'style="width: {shown * 100:.1f}%">'
            f'</div>{marker}</div><span class="progress-text">{text}</span></div>'
        )

    def _person(self, person: str, data: Any, root: str) -> str:
        """A person's name, linked to their page when the site has one."""
        view = data.people.get(person)
        if view is None:
            return esc(person)
        return f'<a href="{root}{quoted(view.path)}">{esc(view.name)}</a>'

    # -- lists ----------------------------------------------------------------------------------

    def objective_rows(
        self, objectives: Any, data: Any, root: str, empty: str | None = None
    ) -> Markup:
        """The list of objectives on team, person, period, home and objective pages."""
        if not objectives:
            return Markup(f'<p class="empty">{esc(empty)}</p>') if empty else Markup("")
        progress = self.label("Progress")
        rows = ['<ul class="objective-list">']
        for o in objectives:
            objective, state = o.objective, o.state
            meta = [objective.period.key]
            if objective.team:
                meta.append(data.team_name(objective.team))
            meta.append(data.person_name(objective.owner))
            expected = state.expected if state.phase == "active" else None
            score = ""
            if state.phase == "closed" and state.score is not None:
                label = self.label("Score")
                score = f'<span class="score" title="{label}">{label} {state.score:.1f}</span>'
            title = esc(o.title)
            bar = self._bar(o.progress, f"{progress}: {title}", expected, o.status)
            rows.append(
                f'<li class="objective-row"><div class="objective-row-main">'
                f'<a class="objective-link" href="{root}{quoted(o.path)}"{self.lang(o.title)}>'
                f"{title}</a>"
                f'<span class="meta">{esc(" · ".join(meta))}</span></div>'
                f'<div class="objective-row-numbers">{bar}{score}{self._badge(o.status)}'
                f"</div></li>"
            )
        rows.append("</ul>")
        return Markup("\n".join(rows))

    def status_counts(self, counts: dict[str, int]) -> Markup:
        items = "".join(
            f'<li>{self._badge(status)} <span class="count">{n}</span></li>'
            for status, n in sorted(counts.items(), key=_by_severity)
        )
        return Markup(
            f'<ul class="status-counts" aria-label="{self.label("Status counts")}">{items}</ul>'
        )

    # -- an objective's page ----------------------------------------------------------------------

    def kr_card(self, k: Any, data: Any, root: str, active: bool) -> Markup:
        """One key result on its objective's page: values, progress, facts and actions.

        ``active``: the period is running, so the expected-progress marker is shown.
        """
        label, kr, state = self.label, k.kr, k.state
        title = esc(kr.title)
        dropped = state.status == "dropped"
        parts = [
            f'<li class="kr{" kr-dropped" if dropped else ""}" id="kr-{esc(kr.id)}">\n'
            f'<div class="kr-head"><h3 class="kr-title"{self.lang(kr.title)}>{title}</h3>'
            f"{self._badge(state.status)}</div>\n"
        ]
        if dropped and kr.dropped is not None:
            reason = f": {esc(kr.dropped_reason)}" if kr.dropped_reason else ""
            when = esc(self.t("Dropped on {date}", date=kr.dropped.isoformat()))
            parts.append(f'<p class="kr-dropped-note muted">{when}{reason}</p>\n')
        if kr.is_milestone:
            reached = label("reached") if kr.done else label("not reached")
            parts.append(
                f'<p class="kr-values"><span class="label">{label("Milestone")}</span> '
                f"{reached}</p>\n"
            )
        else:
            unit = kr.unit
            arrow = ' <span class="arrow" aria-hidden="true">→</span> '
            parts.append(
                f'<p class="kr-values">'
                f'<span><span class="label">{label("Baseline")}</span> '
                f"{esc(with_unit(kr.baseline, unit))}</span>{arrow}"
                f'<span><span class="label">{label("Current")}</span> '
                f"<strong>{esc(with_unit(kr.current, unit))}</strong></span>{arrow}"
                f'<span><span class="label">{label("Target")}</span> '
                f"{esc(with_unit(kr.target, unit))}</span></p>\n"
            )
        parts.append(
            self._bar(
                state.progress,
                f"{label('Progress')}: {title}",
                state.expected if active else None,
                state.status,
                state.exceeded,
                k.no_data,
            )
        )
        facts = [f"<dt>{label('Owner')}</dt><dd>{self._person(kr.owner, data, root)}</dd>"]
        if kr.confidence is not None:
            facts.append(f"<dt>{label('Confidence')}</dt><dd>{percent(kr.confidence)}</dd>")
        if kr.weight != 1:
            facts.append(f"<dt>{label('Weight')}</dt><dd>{number(kr.weight)}</dd>")
        if kr.score is not None:
            facts.append(f"<dt>{label('Score')}</dt><dd>{kr.score:.1f}</dd>")
        if state.last_checkin:
            when = state.last_checkin.isoformat()
            if state.days_since_checkin is not None:
                when += f" ({esc(self.t('{n} days ago', n=state.days_since_checkin))})"
            facts.append(f"<dt>{label('Last check-in')}</dt><dd>{when}</dd>")
        parts.append(
            '\n<dl class="facts small">'
            + "".join(f"<div>{fact}</div>" for fact in facts)
            + "</dl>\n"
        )
        if kr.definition:
            parts.append(f'<p class="definition muted">{esc(kr.definition)}</p>\n')
        if kr.actions:
            parts.append(self._action_table(kr.actions, data, root))
        parts.append("</li>\n")
        return Markup("".join(parts))

    def _action_table(self, actions: Any, data: Any, root: str) -> str:
        label = self.label
        rows = []
        for action in actions:
            title = esc(action.title)
            if action.link and is_safe_link(action.link):
                title = f'<a href="{esc(action.link)}" rel="noopener noreferrer">{title}</a>'
            owner = self._person(action.owner, data, root) if action.owner else ""
            due = action.due.isoformat() if action.due is not None else "–"
            # data-label: phones show each cell under its column's name (the header is hidden).
            rows.append(
                f'<tr class="action action-{esc(action.status)}">'
                f'<td data-label="{label("Actions")}">{title}</td>'
                f'<td data-label="{label("Owner")}">{owner}</td>'
                f'<td data-label="{label("Due")}">{due}</td>'
                f'<td data-label="{label("Status")}">'
                f'<span class="action-status">{label(action.status)}</span></td></tr>'
            )
        return (
            f'<details class="actions" open>\n'
            f"<summary>{label('Actions')} ({len(actions)})</summary>\n"
            f'<table>\n<thead><tr><th scope="col">{label("Actions")}</th>'
            f'<th scope="col">{label("Owner")}</th><th scope="col">{label("Due")}</th>'
            f'<th scope="col">{label("Status")}</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows)
            + "\n</tbody>\n</table>\n</details>\n"
        )

    def checkin_list(self, checkins: Any, root: str, key_results: Any = ()) -> Markup:
        """The check-ins, as given (pages show them newest first), with each value they set,
        named by the key result's title (its id when the key result is gone) and in its unit."""
        label = self.label
        by_id = {kr.id: kr for kr in key_results}
        items = []
        for checkin in checkins:
            day = checkin.date.isoformat()
            item = f'<li><time datetime="{day}">{day}</time>'
            if checkin.confidence is not None:
                item += (
                    f' <span class="muted">{label("Confidence")} '
                    f"{percent(checkin.confidence)}</span>"
                )
            if checkin.note:
                item += f"<p>{esc(checkin.note)}</p>"
            values = []
            for kr_id, value in checkin.values.items():
                kr = by_id.get(kr_id)
                if isinstance(value, bool):
                    shown = label("reached") if value else label("not reached")
                else:
                    shown = esc(with_unit(value, kr.unit if kr is not None else None))
                anchor = esc(kr_id)
                if kr is None:
                    values.append(f'<li><a href="#kr-{anchor}">{anchor}</a>: {shown}</li>')
                else:
                    values.append(
                        f'<li><a href="#kr-{anchor}" title="{anchor}"{self.lang(kr.title)}>'
                        f"{esc(kr.title)}</a>: "
                        f"{shown}</li>"
                    )
            items.append(f'{item}<ul class="checkin-values">{"".join(values)}</ul></li>')
        return Markup("\n".join(items))
