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

from okrdocs.display import number, percent, percent_change, status_style, with_unit
from okrdocs.i18n import script_language
from okrdocs.progress import AT_RISK, OFF_TRACK, SEVERITY, STALE
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


def _href(root: str, path: str) -> str:
    """A link from a page at ``root`` to a site path, escaped for an attribute (what the
    templates' ``path | href`` writes)."""
    return esc(root + quoted(path))


def _by_severity(item: tuple[str, int]) -> tuple[int, str]:
    """Status counts, most worrying first: off track before at risk before on track."""
    return (-SEVERITY.get(item[0], 0), item[0])


# Statuses the attention page lists (status counts of these link to it).
_ATTENTION = (OFF_TRACK, AT_RISK, STALE)


def bar_status(status: str, gap: str | None) -> str:
    """The colour of a progress bar: a stale bar keeps the colour of its gap (behind is red
    whether or not anyone has checked in)."""
    return gap if status == STALE and gap else status


def _fraction(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _lang(code: str) -> str:
    return f' lang="{code}"' if code else ""


_ARROWS = {"up": "▲ ", "down": "▼ ", "flat": ""}

# The positions of an attention item's record (attention_record); okrdocs.js reads the same.
(
    A_KIND,
    A_HREF,
    A_TITLE,
    A_LANG,
    A_OBJ_HREF,
    A_OBJ_TITLE,
    A_OBJ_LANG,
    A_TEAMS,
    A_TEAM,
    A_OWNER,
    A_OWNER_NAME,
    A_OWNER_HREF,
    A_STATUS,
    A_GAP,
    A_DAYS,
    A_CONF,
    A_ORDER,
    A_AGE,
    A_CONF_TEXT,
    A_BAR,
    A_NOW,
    A_NO_DATA,
    A_TEXT,
    A_WIDTH,
    A_LEFT,
    A_EXPECTED,
    A_GAP_TEXT,
    A_CHANGE,
    A_CHANGE_TEXT,
    A_BADGE,
    A_BADGE_GAP,
) = range(31)


class Widgets:
    """Python helpers for the HTML that pages repeat: progress bars, status badges, lists of
    objectives, key result cards, check-in lists. Each returns Markup; values are escaped
    here, and translated labels are escaped once per build."""

    def __init__(self, t: Callable[..., str], language: str = "en") -> None:
        self.t = t
        self.language = language
        self._labels: dict[str, str] = {}
        self._badges: dict[str, str] = {}

    def _script(self, text: str) -> str:
        """The language of ``text`` when its script is not the page's, else ""."""
        written = script_language(text)
        return written if written and written != self.language else ""

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

    def status_badge(self, status: str, gap: str | None = None) -> Markup:
        """A status as icon and word; a stale one that is also behind says both ("Stale ·
        Off track") in the colour of the gap."""
        return Markup(self._badge(status, gap))

    def _badge(self, status: str, gap: str | None = None) -> str:
        if status != STALE or gap not in (AT_RISK, OFF_TRACK):
            gap = None
        key = f"{status}/{gap}" if gap else status
        badge = self._badges.get(key)
        if badge is None:
            icon = status_style(status).icon
            words = self.label(status)
            classes = f"status status-{esc(status)}"
            if gap:
                words += f" · {self.label(gap)}"
                classes += f" status-also-{esc(gap)}"
            badge = self._badges[key] = (
                f'<span class="{classes}"><span class="status-icon" '
                f'aria-hidden="true">{icon}</span>{words}</span>'
            )
        return badge

    def change(self, value: float | None) -> Markup:
        """Progress gained over the last days (the analysis's TREND_DAYS): ▲ +4%, ▼ −3%."""
        return Markup(self._change(value))

    def _change(self, value: float | None) -> str:
        if value is None:
            return ""
        points = round(value * 100)
        kind = "up" if points > 0 else "down" if points < 0 else "flat"
        return self._change_html(kind, percent_change(value))

    def _change_html(self, kind: str, text: str) -> str:
        if not kind:
            return ""
        arrow = _ARROWS[kind]
        title = self.label("Change in the last 7 days")
        return (
            f'<span class="change change-{kind}" title="{title}">'
            f'<span class="visually-hidden">{title}: </span>'
            + (f'<span aria-hidden="true">{arrow}</span>' if arrow else "")
            + f"{text}</span>"
        )

    def checkin_age(self, days: int | None, checked_in: bool) -> str:
        """'last check-in 3 days ago' (escaped), or 'no check-in yet'."""
        return esc(self.t_checkin_age(days, checked_in))

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
            meta_html = esc(" · ".join(meta))
            active = state.phase == "active"
            if active:
                checked_in = any(k.state.last_checkin is not None for k in o.krs)
                age = self.checkin_age(o.days_since_checkin, checked_in)
                meta_html += f' · <span class="checkin-age">{age}</span>'
            expected = state.expected if active else None
            score = ""
            if state.phase == "closed" and state.score is not None:
                label = self.label("Score")
                score = f'<span class="score" title="{label}">{label} {state.score:.1f}</span>'
            title = esc(o.title)
            status, gap = o.status, state.gap
            bar = self._bar(o.progress, f"{progress}: {title}", expected, bar_status(status, gap))
            rows.append(
                f'<li class="objective-row"><div class="objective-row-main">'
                f'<a class="objective-link" href="{root}{quoted(o.path)}"{self.lang(o.title)}>'
                f"{title}</a>"
                f'<span class="meta">{meta_html}</span></div>'
                f'<div class="objective-row-numbers">{self._change(o.change)}{bar}{score}'
                f"{self._badge(status, gap)}</div></li>"
            )
        rows.append("</ul>")
        return Markup("\n".join(rows))

    def attention_rows(self, items: Any, data: Any, root: str, start: int = 0) -> Markup:
        """The attention page's list items: objectives and key results, with what the page's
        filters and sorting read in data attributes (kind, teams, owner, statuses, gap, days
        since the last check-in, confidence) and the default order."""
        lineages: dict[str, str] = {}
        return Markup(
            "\n".join(
                self.attention_row(self.attention_record(item, data, index, lineages), root)
                for index, item in enumerate(items, start)
            )
        )

    def attention_data(self, items: Any, data: Any, teams: Any, owners: Any) -> dict[str, Any]:
        """Every item of an attention list as records over a table of strings, with the
        labels and filter options, for the site's script (attention/<period>/rows.js): it
        draws the rows exactly as ``attention_row`` does (okrdocs.js, attentionRow)."""
        strings: dict[str, int] = {}

        def intern(text: str) -> int:
            found = strings.get(text)
            if found is None:
                found = strings[text] = len(strings)
            return found

        lineages: dict[str, str] = {}
        records = [
            [intern(field) for field in self.attention_record(item, data, index, lineages)]
            for index, item in enumerate(items)
        ]
        labels = {
            "o": self.t("Objective"),
            "k": self.t("Key result"),
            "Objective": self.t("Objective"),
            "Progress": self.t("Progress"),
            "Expected": self.t("Expected"),
            "Confidence": self.t("Confidence"),
            "change": self.t("Change in the last 7 days"),
            "no data": self.t("no data"),
            **{status: self.t(status) for status in _ATTENTION},
            **{f"icon-{status}": status_style(status).icon for status in _ATTENTION},
        }
        return {
            "labels": labels,
            "strings": list(strings),
            "items": records,
            "teams": [list(option) for option in teams],
            "owners": [list(option) for option in owners],
        }

    def attention_record(
        self, item: Any, data: Any, order: int, lineages: dict[str, str]
    ) -> list[str]:
        """What one row shows, as strings in the order of the A_ positions."""
        view, kr = item.objective, item.kr
        objective = view.objective
        team = objective.team or ""
        lineage = lineages.get(team)
        if lineage is None:
            lineage = lineages[team] = "|".join(data.team_lineage(team)) if team else ""
        if kr is None:
            kind, href, text = "o", quoted(view.path), view.title
            value, expected, exceeded, no_data = view.progress, view.state.expected, False, False
        else:
            kind, href, text = "k", f"{quoted(view.path)}#kr-{kr.id}", kr.kr.title
            value, expected = kr.state.progress, kr.state.expected
            exceeded, no_data = kr.state.exceeded, kr.no_data
        person = data.people.get(item.owner)
        days, confidence, gap = item.days_since_checkin, item.confidence, item.gap
        status, gap_status = item.status, item.gap_status
        stale_and_behind = status == STALE and gap_status in (AT_RISK, OFF_TRACK)
        badge_gap = gap_status if stale_and_behind and gap_status else ""
        change = item.change
        if change is None:
            change_kind = ""
        else:
            points = round(change * 100)
            change_kind = "up" if points > 0 else "down" if points < 0 else "flat"
        shown = min(max(value or 0.0, 0.0), 1.0)
        if no_data:
            bar_text = self.t("no data")
        else:
            bar_text = percent(value) + (f" · {self.t('exceeded')}" if exceeded else "")
        return [
            kind,
            href,
            text,
            self._script(text),
            quoted(view.path) if kr is not None else "",
            view.title if kr is not None else "",
            self._script(view.title) if kr is not None else "",
            lineage,
            data.team_name(team) if team else "",
            item.owner,
            person.name if person is not None else item.owner,
            quoted(person.path) if person is not None else "",
            " ".join(item.statuses),
            f"{gap:.3f}",
            "" if days is None else str(days),
            _fraction(confidence),
            str(order),
            self.t_checkin_age(days, item.last_checkin is not None),
            percent(confidence) if confidence is not None else "",
            bar_status(status, gap_status),
            str(round(shown * 100)),
            "1" if no_data else "",
            bar_text,
            f"{shown * 100:.1f}",
            f"{min(max(expected, 0.0), 1.0) * 100:.1f}",
            percent(expected),
            self.t("{points} behind", points=percent(gap))
            if gap > 0.005
            else self.t("{points} ahead", points=percent(-gap)),
            change_kind,
            percent_change(change) if change is not None else "",
            status,
            badge_gap,
        ]

    def attention_row(self, r: list[str], root: str) -> str:
        """One attention item's list item from its record (okrdocs.js: attentionRow)."""
        label = self.label
        kind = r[A_KIND]
        kind_label = label("Objective") if kind == "o" else label("Key result")
        meta = []
        if kind == "k":
            meta.append(
                f'{label("Objective")} <a href="{root}{esc(r[A_OBJ_HREF])}"{_lang(r[A_OBJ_LANG])}>'
                f"{esc(r[A_OBJ_TITLE])}</a>"
            )
        if r[A_TEAM]:
            meta.append(esc(r[A_TEAM]))
        owner = esc(r[A_OWNER_NAME])
        if r[A_OWNER_HREF]:
            owner = f'<a href="{root}{esc(r[A_OWNER_HREF])}">{owner}</a>'
        meta.append(owner)
        meta.append(f'<span class="checkin-age">{esc(r[A_AGE])}</span>')
        if r[A_CONF_TEXT]:
            meta.append(f"{label('Confidence')} {esc(r[A_CONF_TEXT])}")
        title = esc(r[A_TITLE])
        marker = (
            f'<div class="progress-expected" style="left: {r[A_LEFT]}%" '
            f'title="{label("Expected")} {r[A_EXPECTED]}"></div>'
        )
        valuetext = f' aria-valuetext="{label("no data")}"' if r[A_NO_DATA] else ""
        bar = (
            f'<div class="progress progress-{esc(r[A_BAR])}" role="progressbar" '
            f'aria-label="{label("Progress")}: {title}" aria-valuemin="0" aria-valuemax="100" '
            f'aria-valuenow="{r[A_NOW]}"{valuetext}><div class="progress-track">'
            f'<div class="progress-fill" style="width: {r[A_WIDTH]}%"></div>{marker}</div>'
            f'<span class="progress-text">{esc(r[A_TEXT])}</span></div>'
        )
        return (
            f'<li class="objective-row attention-row" data-kind="{kind}" '
            f'data-team="{esc(r[A_TEAMS])}" data-owner="{esc(r[A_OWNER])}" '
            f'data-status="{esc(r[A_STATUS])}" data-gap="{r[A_GAP]}" data-days="{r[A_DAYS]}" '
            f'data-confidence="{r[A_CONF]}" data-order="{r[A_ORDER]}">'
            f'<div class="objective-row-main"><span class="kind kind-{kind}">{kind_label}'
            f'</span> <a class="objective-link" href="{root}{esc(r[A_HREF])}"{_lang(r[A_LANG])}>'
            f"{title}</a>"
            f'<span class="meta">{" · ".join(meta)}</span></div>'
            f'<div class="objective-row-numbers">'
            f"{self._change_html(r[A_CHANGE], r[A_CHANGE_TEXT])}{bar}"
            f'<span class="gap">{esc(r[A_GAP_TEXT])}</span>'
            f"{self._badge(r[A_BADGE], r[A_BADGE_GAP] or None)}</div></li>"
        )

    def t_checkin_age(self, days: int | None, checked_in: bool) -> str:
        """'last check-in 3 days ago', not escaped."""
        if not checked_in or days is None:
            return self.t("no check-in yet")
        if days == 0:
            return self.t("last check-in today")
        if days == 1:
            return self.t("last check-in yesterday")
        return self.t("last check-in {n} days ago", n=days)

    def rollup_cell(
        self, row: Any, period: Any, label: str, elapsed: float | None = None
    ) -> Markup:
        """A roll-up: the mean score in a closed period (a closed period is judged by its
        scores, not by how far the numbers moved), else the mean progress. ``row`` is a
        mapping or an object with ``progress`` and ``score``."""
        return Markup(self._rollup(row, period, esc(label), elapsed))

    def _rollup(self, row: Any, period: Any, label: str, elapsed: float | None) -> str:
        if isinstance(row, dict):
            progress, score = row.get("progress"), row.get("score")
        else:
            progress, score = getattr(row, "progress", None), getattr(row, "score", None)
        if period.phase == "closed":
            if score is None:
                shown = self.label("Unscored")
            else:
                shown = f'{self.label("Average score")} <strong class="score">{score:.1f}</strong>'
            return f'<span class="average-score">{shown}</span>'
        return self._bar(progress, label, elapsed if period.phase == "active" else None)

    def summary_rows(self, summary: Any, data: Any, root: str, team: str) -> Markup:
        """A team summary's rows: per period, its objectives, roll-up and status counts (the
        status counts link to the period's attention list, filtered to the team)."""
        label = self.label
        progress = self.t("Progress")
        team_filter = "#team=" + quote(team, safe="/")
        rows = []
        for row in summary:
            period = row["period"]
            key = esc(period.key)
            attention = row["attention"]
            href = root + quoted(attention) + team_filter if attention else None
            elapsed = period.period.elapsed(data.as_of)
            rollup = self._rollup(row, period, esc(f"{progress}: {period.key}"), elapsed)
            rows.append(
                "      <tr>\n"
                f'        <th scope="row"><a href="{_href(root, period.path)}">{key}</a> '
                f'<span class="phase phase-{esc(period.phase)}">{label(period.phase)}</span>'
                "</th>\n"
                f'        <td data-label="{label("Objectives")}">{len(row["objectives"])}</td>\n'
                f'        <td data-label="{label("Progress or score")}">'
                f"{rollup}</td>\n"
                f'        <td data-label="{label("Status")}">'
                f"{self.status_counts(row['counts'], href)}</td>\n"
                "      </tr>"
            )
        return Markup("\n".join(rows))

    def status_counts(self, counts: dict[str, int], href: str | None = None) -> Markup:
        """Objectives by status, most worrying first. With ``href`` (the attention page, with
        a filter after ``#`` or not) off track, at risk and stale link to that list."""
        shown = []
        for status, n in sorted(counts.items(), key=_by_severity):
            inner = f'{self._badge(status)} <span class="count">{n}</span>'
            if href and status in _ATTENTION:
                joiner = "&amp;" if "#" in str(href) else "#"
                target = f"{esc(href)}{joiner}status={status}&amp;type=o"
                inner = f'<a class="status-link" href="{target}">{inner}</a>'
            shown.append(f"<li>{inner}</li>")
        items = "".join(shown)
        return Markup(
            f'<ul class="status-counts" aria-label="{self.label("Status counts")}">{items}</ul>'
        )

    # -- a person's page ------------------------------------------------------------------------

    def owned_krs(self, owned: Any, data: Any, root: str) -> Markup:
        """Key results a person owns in objectives owned by someone else, each saying which."""
        label = self.label
        progress = label("Progress")
        rows = ['<ul class="objective-list">']
        for item in owned:
            view, k = item.objective, item.kr
            state = k.state
            active = view.state.phase == "active"
            title = esc(k.kr.title)
            meta = [
                f'{label("Objective")} <a href="{root}{quoted(view.path)}"'
                f"{self.lang(view.title)}>{esc(view.title)}</a>",
                esc(view.objective.period.key),
                f"{label('Objective owner')} {self._person(view.objective.owner, data, root)}",
            ]
            if active:
                meta.append(
                    f'<span class="checkin-age">'
                    f"{self.checkin_age(state.days_since_checkin, state.last_checkin is not None)}"
                    f"</span>"
                )
            bar = self._bar(
                state.progress,
                f"{progress}: {title}",
                state.expected if active else None,
                bar_status(state.status, state.gap),
                state.exceeded,
                k.no_data,
            )
            rows.append(
                f'<li class="objective-row"><div class="objective-row-main">'
                f'<a class="objective-link" href="{root}{quoted(view.path)}#kr-{esc(k.id)}"'
                f"{self.lang(k.kr.title)}>{title}</a>"
                f'<span class="meta">{" · ".join(meta)}</span></div>'
                f'<div class="objective-row-numbers">{self._change(k.change)}{bar}'
                f"{self._badge(state.status, state.gap)}</div></li>"
            )
        rows.append("</ul>")
        return Markup("\n".join(rows))

    def owned_actions(self, owned: Any, data: Any, root: str) -> Markup:
        """A person's actions: due date (overdue marked), status, and the key result each
        moves."""
        label = self.label
        rows = []
        for item in owned:
            action, view, k = item.action, item.objective, item.kr
            title = esc(action.title)
            if action.link and is_safe_link(action.link):
                title = f'<a href="{esc(action.link)}" rel="noopener noreferrer">{title}</a>'
            kr_link = (
                f'<a href="{root}{quoted(view.path)}#kr-{esc(k.id)}"{self.lang(k.kr.title)}>'
                f"{esc(k.kr.title)}</a>"
            )
            rows.append(
                f'<tr class="action action-{esc(action.status)}'
                f'{" action-overdue" if item.overdue else ""}">'
                f'<td data-label="{label("Actions")}">{title}</td>'
                f'<td data-label="{label("Key result")}">{kr_link}</td>'
                f'<td data-label="{label("Due")}">{self._due(action, item.overdue)}</td>'
                f'<td data-label="{label("Status")}">'
                f'<span class="action-status">{label(action.status)}</span></td></tr>'
            )
        return Markup(
            f'<table class="actions-table">\n<thead><tr><th scope="col">{label("Actions")}</th>'
            f'<th scope="col">{label("Key result")}</th><th scope="col">{label("Due")}</th>'
            f'<th scope="col">{label("Status")}</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows)
            + "\n</tbody>\n</table>\n"
        )

    def _due(self, action: Any, overdue: bool) -> str:
        due = action.due.isoformat() if action.due is not None else "–"
        if overdue:
            return (
                f'{due} <span class="overdue"><span class="status-icon" aria-hidden="true">!'
                f"</span>{self.label('Overdue')}</span>"
            )
        return due

    # -- the alignment tree ---------------------------------------------------------------------

    def tree_nodes(self, part: Any, data: Any, root: str) -> Markup:
        """The list items of an alignment tree's page or part (okrdocs.site.tree): each node a
        card and, when objectives align to it, a disclosure with them by team, drawn here or
        loaded from the node's part when opened."""
        html = [self._tree_node(node, part, data, root, 0) for node in part.nodes]
        if part.more:
            html.append(
                self._tree_more(part.owner, part.next_path, part.more, root, part.tree.period.path)
            )
        return Markup("".join(html))

    def tree_groups(self, part: Any, data: Any, root: str) -> Markup:
        """A part of a node's aligned objectives: its chunk, by team, and "show more"."""
        html = self._tree_groups(part, part.owner, part.nodes, data, root, 0)
        if part.more:
            html += self._tree_more(part.owner, part.next_path, part.more, root)
        return Markup(html)

    def _tree_more(
        self, owner: Any, path: str, left: int, root: str, fallback: str = "index.html"
    ) -> str:
        # A link: without JavaScript it leads to the objective's page (or the period's, for
        # roots), which lists them; the site's script loads the part in place instead.
        href = f"{root}{quoted(owner.path if owner is not None else fallback)}"
        if owner is not None:
            href += "#aligned"
        text = esc(self.t("Show more ({n} left)", n=left))
        return (
            f'<li class="tree-more"><a class="tree-load" href="{href}" '
            f'data-part="{esc(path)}">{text}</a></li>'
        )

    def _tree_groups(
        self, part: Any, owner: Any, nodes: Any, data: Any, root: str, level: int
    ) -> str:
        tree = part.tree
        progress = self.label("Progress")
        html = []
        chosen = {node.id for node in nodes}
        for team, members in tree.groups(owner):
            shown = [node for node in members if node.id in chosen]
            if not shown:
                continue
            name = esc(team.name) if team is not None else "—"
            mean = sum(m.progress for m in members) / len(members)
            html.append(
                f'<li class="tree-team"><details open><summary><span class="tree-team-name">'
                f"{name}</span> {self._bar(mean, f'{progress}: {name}')}</summary>"
                f'<ul class="tree">'
                + "".join(self._tree_node(node, part, data, root, level) for node in shown)
                + "</ul></details></li>"
            )
        return "".join(html)

    def _tree_node(self, view: Any, part: Any, data: Any, root: str, level: int) -> str:
        tree = part.tree
        kids = tree.flat(view)
        card = self._tree_card(view, data, root, not kids)
        slug = esc(view.path[len("objectives/") : -len(".html")])
        if not kids:
            return f'<li class="tree-node" id="t-{slug}">{card}</li>'
        summary = (
            f'<summary class="tree-toggle">{self.label("Aligned objectives")} '
            f'<span class="muted">({len(kids)})</span></summary>'
        )
        if view.id in part.inline:
            from okrdocs.site.tree import CHUNK

            inner = self._tree_groups(part, view, kids[:CHUNK], data, root, level + 1)
            if len(kids) > CHUNK:
                inner += self._tree_more(view, tree.part_path(view, 2), len(kids) - CHUNK, root)
            attributes = " open" if level == 0 and part.owner is None else ""
        else:
            text = esc(self.t("Show the {n} aligned objectives", n=len(kids)))
            inner = (
                f'<li class="tree-lazy"><a href="{root}{quoted(view.path)}#aligned">{text}</a></li>'
            )
            attributes = f' data-part="{esc(tree.part_path(view, 1))}"'
        return (
            f'<li class="tree-node" id="t-{slug}">{card}<details class="tree-branch"'
            f'{attributes}>{summary}<ul class="tree">{inner}</ul></details></li>'
        )

    def _tree_card(self, o: Any, data: Any, root: str, leaf: bool) -> str:
        objective = o.objective
        title = esc(o.title)
        meta = [objective.period.key]
        if objective.team:
            meta.append(data.team_name(objective.team))
        meta.append(data.person_name(objective.owner))
        status, gap = o.status, o.state.gap
        own = self._bar(
            o.progress, f"{self.label('Progress')}: {title}", None, bar_status(status, gap)
        )
        subtree = ""
        if o.children:
            label = self.label("Subtree")
            subtree = (
                f'<span class="tree-metric"><span class="muted">{label}</span> '
                f"{self._bar(o.subtree_progress, f'{label}: {title}')}</span>"
            )
        return (
            f'<div class="tree-card{" tree-leaf" if leaf else ""}"><span class="tree-title">'
            f'<a href="{root}{quoted(o.path)}"{self.lang(o.title)}>{title}</a>'
            f'<span class="meta">{esc(" · ".join(meta))}</span></span>'
            f'<span class="tree-numbers"><span class="tree-metric"><span class="muted">'
            f"{self.label('Own')}</span> {own}</span>{subtree}{self._badge(status, gap)}"
            f"</span></div>"
        )

    # -- an objective's page ----------------------------------------------------------------------

    def objective_head(self, o: Any, period: Any, team: Any, owner: Any, root: str) -> Markup:
        """The head of an objective's page: its period and team, title, facts and progress bar
        (the ``objective_header`` block of objective.html, in Python: every objective has a
        page, and the block's two dozen expressions cost more in Jinja than the HTML)."""
        label, objective, state = self.label, o.objective, o.state
        title = esc(o.title)
        eyebrow = f'<a href="{_href(root, period.path)}">{esc(objective.period.key)}</a>'
        if team:
            eyebrow += f' · <a href="{_href(root, team.path)}">{esc(team.name)}</a>'
        kind = label(objective.kind) if objective.kind else label("not declared")
        facts = [
            f'    <div><dt>{label("Owner")}</dt><dd><a href="{_href(root, owner.path)}">'
            f"{esc(owner.name)}</a></dd></div>\n"
            f"    <div><dt>{label('Type')}</dt><dd>{kind}</dd></div>\n"
            f"    <div><dt>{label('Status')}</dt><dd>{self._badge(o.status, state.gap)}"
            "</dd></div>\n"
        ]
        # The optional facts follow each other on one line, as the template wrote them.
        if o.change is not None:
            facts.append(
                f"<div><dt>{label('Change in the last 7 days')}</dt>"
                f"<dd>{self._change(o.change)}</dd></div>"
            )
        if o.confidence is not None:
            facts.append(
                f"<div><dt>{label('Confidence')}</dt><dd>{esc(percent(o.confidence))}</dd></div>"
            )
        if state.score is not None:
            facts.append(
                f'<div><dt>{label("Score")}</dt><dd class="score">{state.score:.1f}</dd></div>'
            )
        if o.parent:
            parent = o.parent
            facts.append(
                f"<div><dt>{label('Parent objective')}</dt><dd><a "
                f'href="{_href(root, parent.path)}"{self.lang(parent.title)}>'
                f"{esc(parent.title)}</a></dd></div>\n"
            )
        elif objective.parent:
            facts.append(
                f"<div><dt>{label('Parent objective')}</dt><dd>{esc(objective.parent)}</dd></div>"
            )
        if objective.tags:
            tags = "".join(f'<span class="tag">{esc(tag)}</span>' for tag in objective.tags)
            facts.append(f"<div><dt>{label('Tags')}</dt><dd>{tags}</dd></div>")
        bar = self._bar(
            o.progress,
            esc(f"{self.t('Progress')}: {o.title}"),
            state.expected if state.phase == "active" else None,
            state.gap if o.status == STALE and state.gap else o.status,
        )
        return Markup(
            f'<header class="page-head">\n  <p class="eyebrow">{eyebrow}</p>\n'
            f"  <h1{self.lang(o.title)}>{title}</h1>\n"
            f'  <dl class="facts">\n{"".join(facts)}  </dl>\n  {bar}\n</header>'
        )

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
            f"{self._badge(state.status, state.gap)}</div>\n"
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
                bar_status(state.status, state.gap),
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
        if k.change is not None:
            facts.append(
                f"<dt>{label('Change in the last 7 days')}</dt><dd>{self._change(k.change)}</dd>"
            )
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
        as_of = data.as_of
        for action in actions:
            title = esc(action.title)
            if action.link and is_safe_link(action.link):
                title = f'<a href="{esc(action.link)}" rel="noopener noreferrer">{title}</a>'
            owner = self._person(action.owner, data, root) if action.owner else ""
            overdue = action.overdue(as_of)
            # data-label: phones show each cell under its column's name (the header is hidden).
            rows.append(
                f'<tr class="action action-{esc(action.status)}'
                f'{" action-overdue" if overdue else ""}">'
                f'<td data-label="{label("Actions")}">{title}</td>'
                f'<td data-label="{label("Owner")}">{owner}</td>'
                f'<td data-label="{label("Due")}">{self._due(action, overdue)}</td>'
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
