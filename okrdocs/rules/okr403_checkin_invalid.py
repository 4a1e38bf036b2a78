from collections.abc import Iterator
from datetime import timedelta

from okrdocs.i18n import _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Option, Rule, RuleContext


class CheckinInvalid(Rule):
    """A check-in that cannot be right.

    ## What it does
    Flags a check-in dated outside the objective's period (plus `grace-days` after its end, for
    the closing check-in) or after the as-of date, check-ins not in date order, and a key result
    whose `current` (or `done`) differs from the value of its latest check-in.

    ## Why
    Check-ins are the history the site charts and `okrdocs diff` explains. A future date or a
    check-in from another quarter corrupts the chart; a `current` that disagrees with the latest
    check-in means one of them was edited by hand and progress is shown from the wrong one.

    ## Example
    ```yaml
    period: 2026-Q4
    key_results:
      - id: revenue
        current: 700
    checkins:
      - date: 2026-11-20
        values: {revenue: 640}
      - date: 2026-11-13
        values: {revenue: 520}
    ```

    ## Use instead
    ```yaml
    key_results:
      - id: revenue
        current: 640
    checkins:
      - date: 2026-11-13
        values: {revenue: 520}
      - date: 2026-11-20
        values: {revenue: 640}
        note: 苏州开放日带来 1 家新客户
    ```
    `okrdocs checkin` keeps the two in step.
    """

    code = "OKR403"
    name = "checkin-invalid"
    severity = "error"
    options = (
        Option("grace-days", 0, "days after the period's end a check-in may still be dated"),
    )

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        period = objective.period
        last_allowed = period.end + timedelta(days=context.option("grace-days"))
        previous = None
        for checkin in objective.checkins:
            pointer = f"{checkin.pointer}/date"
            day = checkin.date.isoformat()
            if checkin.date > context.as_of:
                yield Finding(
                    pointer,
                    _(
                        "check-in dated {day} is in the future (as of {today}); use the day the "
                        "values were measured",
                        day=day,
                        today=context.as_of.isoformat(),
                    ),
                )
            elif checkin.date < period.start or checkin.date > last_allowed:
                yield Finding(
                    pointer,
                    _(
                        "check-in dated {day} is outside {period} ({start} to {end})",
                        day=day,
                        period=period.key,
                        start=period.start.isoformat(),
                        end=period.end.isoformat(),
                    ),
                )
            if previous is not None and checkin.date < previous:
                yield Finding(
                    pointer,
                    _(
                        "check-in dated {day} comes after one dated {previous}; keep check-ins "
                        "oldest first",
                        day=day,
                        previous=previous.isoformat(),
                    ),
                )
            previous = max(previous, checkin.date) if previous else checkin.date
        latest: dict[str, tuple[float | bool, str]] = {}
        dropped = {kr.id: kr.dropped for kr in objective.key_results if kr.dropped is not None}
        for checkin in sorted(objective.checkins, key=lambda c: c.date):
            for kr_id, value in checkin.values.items():
                latest[kr_id] = (value, checkin.date.isoformat())
                when = dropped.get(kr_id)
                if when is not None and checkin.date > when:
                    yield Finding(
                        f"{checkin.pointer}/values",
                        _(
                            "the check-in of {day} records key result '{id}', dropped on "
                            "{dropped}; remove the value, or the key result's 'dropped' date",
                            day=checkin.date.isoformat(),
                            id=kr_id,
                            dropped=when.isoformat(),
                        ),
                    )
        for kr in objective.key_results:
            if kr.id not in latest:
                continue
            value, day = latest[kr.id]
            field, recorded = ("done", kr.done) if kr.is_milestone else ("current", kr.current)
            if (
                recorded is None
                or recorded != value
                or isinstance(recorded, bool) != isinstance(value, bool)
            ):
                shown = _("missing") if recorded is None else str(recorded).lower()
                yield Finding(
                    f"{kr.pointer}/{field}" if recorded is not None else kr.pointer,
                    _(
                        "key result '{id}' has {field} {shown} but its latest check-in ({day}) "
                        "says {value}; make them agree",
                        id=kr.id,
                        field=field,
                        shown=shown,
                        day=day,
                        value=str(value).lower(),
                    ),
                )
