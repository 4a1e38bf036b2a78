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
        index = files.index
        off_cycle: set[str] = set()  # ids known to lie on no cycle (a walk reaching one ends)
        for header in files.headers:
            if header.id is None or header.parent is None or not files.valid(header):
                continue
            if not _on_cycle(header.id, files, off_cycle):
                continue
            chain: list[str] = [header.id]
            current: str | None = header.parent
            while current is not None and current != header.id and index.has_id(current):
                if current in chain:  # a loop that does not come back to this file
                    break
                chain.append(current)
                current = index.parent_of(current)
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


def _on_cycle(object_id: str, files: ProjectFiles, off_cycle: set[str]) -> bool:
    """Whether following parents from ``object_id`` (each id's parent is that of the first
    file with it; OKR003 reports the others) comes back to it."""
    seen: list[str] = []
    current = files.index.parent_of(object_id)
    while current is not None and current not in off_cycle and current not in seen:
        if current == object_id:
            return True
        seen.append(current)
        current = files.index.parent_of(current)
    if current is None or current in off_cycle:
        off_cycle.add(object_id)
        off_cycle.update(seen)  # each of these walks on to the same end, away from any cycle
    return False
