from collections.abc import Iterator

from okrdocs.i18n import N_, _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Option, Rule, RuleContext


class CheckinStale(Rule):
    """An active objective with no recent check-in.

    ## What it does
    For an objective whose period is active on the as-of date (`--as-of`, default today), flags
    it when the last check-in — or, without any, the start of the period — is more than `days`
    days old. `days` defaults to `[status] stale-days` (14).

    ## Why
    Seed step 5: "定期跟踪和评估" — regular tracking and evaluation. OpenOKR calls an active key result
    without a recent check-in "outdated" and lets that override its reported health: silence is
    never green. The site shows such objectives as stale.

    ## Example
    ```yaml
    period: 2026-Q4
    checkins:
      - date: 2026-10-09
        values: {time-to-dashboard: 19}
    ```
    linted with `--as-of 2026-11-27`.

    ## Use instead
    ```sh
    okrdocs checkin engineering/onboarding time-to-dashboard --value 12 --note "两个苏州工厂自助接入"
    ```
    which appends a dated check-in and updates `current`.
    """

    code = "OKR401"
    name = "checkin-stale"
    severity = "warning"
    options = (
        Option("days", 0, "days without a check-in before warning (0: [status] stale-days)"),
    )
    source = "OpenOKR §3.5 (stale tracking); Chinese sales-OKR guides (step 5: 跟踪和评估)"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        if objective.period.state(context.as_of) != "active":
            return
        limit = context.option("days") or context.config.status.stale_days
        last = objective.last_checkin
        since = last.date if last is not None else objective.period.start
        age = (context.as_of - since).days
        if age > limit:
            template = (
                N_(
                    "the last check-in was {n} days ago (limit {limit}); record progress with "
                    "'okrdocs checkin'"
                )
                if last
                else N_(
                    "there is no check-in {n} days into the period (limit {limit}); record "
                    "progress with 'okrdocs checkin'"
                )
            )
            yield Finding(
                "/checkins" if last else "",
                _(template, n=age, limit=limit),
                at_key=last is not None,
            )
