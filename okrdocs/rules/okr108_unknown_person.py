from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from okrdocs.i18n import N_, _
from okrdocs.model import Objective
from okrdocs.rules.base import Finding, Rule, RuleContext

if TYPE_CHECKING:
    from okrdocs.suggest import Suggester


_MESSAGES: dict[tuple[Suggester, str, str, str], str] = {}
_MESSAGES_KEPT = 20_000


class UnknownPerson(Rule):
    """An owner who is not in the roster.

    ## What it does
    When the configuration has a `[people]` roster, flags an objective, key result or action
    owner (and a check-in author) who is not in it, with the closest roster id.

    ## Why
    Every objective and key result needs an owner who knows they own it (Viva Goals alert
    "doesn't have an owner"; Chinese sales-OKR guides ask for "明确的目标所有者"). A misspelled login is an owner nobody
    is, and the person's page on the site would miss the objective.

    ## Example
    ```yaml
    owner: zhang.wie
    ```
    ```yaml
    owner: Maria
    ```

    ## Use instead
    ```yaml
    owner: zhang.wei
    ```
    ```yaml
    owner: maria.garcia
    ```
    """

    code = "OKR108"
    name = "unknown-person"
    severity = "warning"
    source = "Viva Goals owner alert; Chinese sales-OKR guides (销售的OKR怎么制定, step 4)"

    def check(self, objective: Objective, context: RuleContext) -> Iterator[Finding]:
        people = context.config.people
        if not people:
            return
        from okrdocs.i18n import language
        from okrdocs.suggest import shared

        def finding(pointer: str, name: str, role: str) -> Finding:
            # One message per roster, language, role and name: a roster that leaves people out
            # names the same few thousand people in tens of thousands of findings.
            suggester = shared(people)
            key = (suggester, language(), role, name)
            message = _MESSAGES.get(key)
            if message is None:
                if len(_MESSAGES) >= _MESSAGES_KEPT:
                    _MESSAGES.clear()
                message = _MESSAGES[key] = _(role, name=name) + _(
                    " is not in the [people] roster{hint}", hint=suggester.hint(name)
                )
            return Finding(pointer, message)

        if objective.owner not in people:
            yield finding("/owner", objective.owner, N_("owner '{name}'"))
        for kr in objective.key_results:
            if kr.owner_declared and kr.owner not in people:
                yield finding(f"{kr.pointer}/owner", kr.owner, N_("key result owner '{name}'"))
            for action in kr.actions:
                if action.owner is not None and action.owner not in people:
                    yield finding(
                        f"{action.pointer}/owner", action.owner, N_("action owner '{name}'")
                    )
        for checkin in objective.checkins:
            if checkin.author is not None and checkin.author not in people:
                yield finding(
                    f"{checkin.pointer}/author", checkin.author, N_("check-in author '{name}'")
                )
