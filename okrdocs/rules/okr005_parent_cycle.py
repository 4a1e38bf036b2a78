from collections.abc import Iterator

from okrdocs.i18n import _
from okrdocs.rules.base import Finding, ProjectFiles, Rule, RuleContext


class ParentCycle(Rule):
    """Parent links lead back to the objective itself.

    ## What it does
    Follows `parent` links from each objective and reports the objectives on a loop, showing the
    whole loop: `a → b → c → a`.

    ## Why
    Alignment is a tree: each objective supports one above it, up to the company's. A loop has no
    top, so progress cannot roll up and the alignment tree cannot be drawn.

    ## Example
    ```yaml
    # content/sales/east.md
    id: sales/east
    parent: company/growth
    # content/company/growth.md
    id: company/growth
    parent: sales/east
    ```

    ## Use instead
    ```yaml
    # content/company/growth.md: the top of the tree has no parent
    id: company/growth
    ```
    """

    code = "OKR005"
    name = "parent-cycle"
    severity = "error"
    scope = "project"

    def check_project(
        self, files: ProjectFiles, context: RuleContext
    ) -> Iterator[tuple[str, Finding]]:
        parents: dict[str, str | None] = {}
        for header in files.headers:  # the first file with an id owns it (OKR003 reports the rest)
            if header.id is not None and header.id not in parents:
                parents[header.id] = header.parent
        on_cycle = _on_cycles(parents)
        if not on_cycle:
            return
        for header in files.headers:
            if header.id not in on_cycle or header.rel_path not in files.linted:
                continue
            if not files.valid(header) or header.parent is None:
                continue
            chain: list[str] = [header.id]
            current: str | None = header.parent
            while current is not None and current != header.id and current in parents:
                chain.append(current)
                current = parents[current]
            loop = " → ".join([*chain, header.id])
            yield (
                header.rel_path,
                Finding(
                    "/parent",
                    _(
                        "parent links form a cycle: {loop}; an objective cannot align to itself",
                        loop=loop,
                    ),
                ),
            )


def _on_cycles(parents: dict[str, str | None]) -> set[str]:
    """The ids that lie on a cycle of parent links; each id is visited once."""
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    found: set[str] = set()
    for start in parents:
        walk: list[str] = []
        current: str | None = start
        while current is not None and current in parents and current not in state:
            state[current] = 1
            walk.append(current)
            current = parents[current]
        if current is not None and state.get(current) == 1:  # came back onto this walk
            found.update(walk[walk.index(current) :])
        for node in walk:
            state[node] = 2
    return found
