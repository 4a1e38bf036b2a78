from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.model import KeyResult, Objective
from okrdocs.rules.base import Finding, Option, Rule, RuleContext


def _met(kr: KeyResult, value: float | bool) -> bool:
    if kr.is_milestone:
        return value is True
    if isinstance(value, bool) or kr.target is None or kr.baseline is None:
        return False
    if kr.target >= kr.baseline:
        return value >= kr.target
    return value <= kr.target


class Sandbagging(Rule):
    """Goals that were met before the work started, or never stretched.

    ## What it does
    Flags the `type` of:
    - a committed objective whose key results were all already met at the start: each one's
      first check-in, dated within the first `early-share` of the period (default 15%), already
      reaches its target;
    - an aspirational objective whose key results all scored 1.0, or whose key results all have
      a confidence of 0.9 or more.

    ## Why
    Sandbagging — setting targets you know you will hit — makes OKRs a reporting ritual.
    Consistent 1.0 scores and average draft confidence above 0.9 are its signs (re:Work; OpenOKR
    §3.2). Aspirational goals should feel uncomfortable: about 0.7 is success.

    ## Example
    ```yaml
    type: aspirational
    key_results:
      - title: Deploys rise from 2 to 3 per week
        score: 1.0
      - title: Change failure rate from 18% to 17%
        score: 1.0
    ```

    ## Use instead
    ```yaml
    type: aspirational
    key_results:
      - title: Production deploys rise from 2 to 10 per week
        score: 0.6
      - title: Change failure rate falls from 18% to 8%
        score: 0.7
    ```
    In Chinese teams the same holds: 渠道伙伴从 6 家增加到 7 家 scored 1.0 is a commitment dressed
    as a stretch; aim for 12.
    """

    code = "OKR404"
    name = "sandbagging"
    severity = "warning"
    options = (Option("early-share", 0.15, "share of the period counted as 'the start'"),)
    source = "re:Work (Google); OpenOKR §3.2"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        krs = objective.key_results
        if objective.kind == "committed" and self._met_at_start(objective, context):
            yield Finding(
                "/type",
                _(
                    "every key result was already met in the first check-ins; set targets that "
                    "need this period's work"
                ),
                at_key=True,
            )
        elif objective.kind == "aspirational":
            if all(kr.score == 1.0 for kr in krs):
                yield Finding(
                    "/type",
                    _(
                        "every key result of this aspirational objective scored 1.0; it was not "
                        "a stretch, so aim higher next time or declare it committed"
                    ),
                    at_key=True,
                )
            elif all(kr.confidence is not None and kr.confidence >= 0.9 for kr in krs):
                yield Finding(
                    "/type",
                    _(
                        "every key result of this aspirational objective has confidence 0.9 or "
                        "more; a stretch goal should feel uncertain (about 0.5 to 0.7)"
                    ),
                    at_key=True,
                )

    def _met_at_start(self, objective: Objective, context: RuleContext) -> bool:
        period = objective.period
        cutoff = period.start.toordinal() + context.option("early-share") * period.days
        first: dict[str, float | bool] = {}
        for checkin in sorted(objective.checkins, key=lambda c: c.date):
            if checkin.date.toordinal() > cutoff:
                break
            for kr_id, value in checkin.values.items():
                first.setdefault(kr_id, value)
        krs = objective.key_results
        return bool(krs) and all(kr.id in first and _met(kr, first[kr.id]) for kr in krs)
